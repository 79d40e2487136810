"""What a sum of money measures when the business it is counted in says so
(extract/frame/money_metric.py; word tables in extract/data/metrics.toml
[money_contexts], [money_earners], [budgets], [tariffed]): a film's takings are box
office, a budget is a budget, goods a tariff covers are imports, a company's earnings
stay net income.

Sentences in the style of box-office reports (AP, Variety, Reuters), film and
corporate news. Each case: id, passage, figure (by surface), fields.
"""

import pytest

from tests.test_frame import _claims, _find

CASES = [
    # a film opens or debuts "with" its takings, also when it is expected to (Reuters, trade press)
    ("opened-with-box-office-reuters", "\"Twisters\" opened with $80.5 million in North America, Warner Bros said.",
     "$80.5 million", {"metric": "box office"}),
    ("expected-to-debut-with-box-office-trade",
     "The film is expected to debut with $40 million to $45 million in North America this weekend.",
     "$40 million to $45 million", {"metric": "box office"}),
    # --- a film's takings, whatever verb and earner tell them ----------------------
    ("quoted-title-took-in-box-office-story-ap",
     "The weekend box office reached $200 million. \"Deadpool & Wolverine\" took in $46.2 million on "
     "Friday alone.", "$46.2 million", {"metric": "box office"}),
    ("pronoun-earned-worldwide-variety",
     "The film took in $46.2 million. It has now earned $775.5 million worldwide.", "$775.5 million",
     {"metric": "box office"}),
    ("joined-verb-earned-worldwide-reuters",
     "The sequel cost $155 million to produce and has earned $775.5 million worldwide.", "$775.5 million",
     {"metric": "box office"}),
    ("brought-in-later-weekend-wire",
     "Inside Out 2 brought in $12.5 million in its seventh weekend, according to studio estimates.",
     "$12.5 million", {"metric": "box office"}),
    ("global-haul-trade-press", "Its global haul stands at $1.5 billion after six weeks in release.",
     "$1.5 billion", {"metric": "box office"}),
    # --- a budget is its own measure ------------------------------------------------
    ("production-budget-variety", "It has now earned $775.5 million worldwide against its $150 million production budget.",
     "$150 million", {"metric": "budget"}),
    ("plain-budget-ap", "The movie, made on a $200 million budget, opened below expectations.",
     "$200 million", {"metric": "budget"}),
    ("marketing-budget-keeps-its-noun", "The studio set aside a $100 million marketing budget for the release.",
     "$100 million", {"metric": "marketing budget"}),
    ("capex-budget-is-capex-wire", "Meta set a $65 billion capex budget for 2025.",
     "$65 billion", {"metric": "capex"}),
    # --- goods a tariff covers are the imports it covers -----------------------------
    ("tariffs-on-worth-of-goods-paper", "Mr. Trump continues to give mixed signals about whether any of his tariffs "
     "on $360 billion worth of Chinese goods will ever be removed.", "$360 billion",
     {"metric": "imports covered by tariffs"}),
    ("tariff-on-another-billion-of-goods-business", "Firms are uncertain whether a 15 percent tariff planned for "
     "Dec. 15 on another $160 billion of goods would go ahead.", "$160 billion",
     {"metric": "imports covered by tariffs"}),
    ("tariffs-on-a-list-of-goods-wire", "Beijing wants relief from the 25% tariffs imposed on an earlier, $250 billion "
     "list of industrial and consumer goods.", "$250 billion", {"metric": "imports covered by tariffs"}),
    ("tariff-revenue-stays-wire", "Tariff revenue reached $20 billion in May.", "$20 billion",
     {"metric": "tariff revenue"}),
    # --- a company's earnings stay its profit -------------------------------------
    ("company-earned-is-net-income", "Disney earned $1.3 billion in the quarter, the company said.",
     "$1.3 billion", {"metric": "net income"}),
]


@pytest.mark.parametrize("text,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_money_metrics(nlp, text, surface, fields):
    c = _find(_claims(nlp, text, None), surface)
    got = c.model_dump(mode="json")
    for k, want in fields.items():
        assert got[k] == want, f"{k}: got {got[k]!r}, want {want!r} ({surface!r} in {text!r})"
