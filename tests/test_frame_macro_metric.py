"""Metrics of macro releases (metrics.toml [metrics.gdp], the generic nouns of [nouns]):
what the economy grows by is GDP growth, whatever noun the rate is written with ("at a
1.6% annual rate": the clause says what rate, not the bare noun).

Sentences in the style of US and UK economy copy (AP, Reuters, BBC). Each case: id,
passage, figure (by surface), fields.
"""

import pytest

from tests.test_frame import _claims, _find

CASES = [
    ("economy-grew-at-annual-rate-ap", "The economy grew at a 1.6% annual rate in the first quarter.", "1.6%",
     {"metric": "gdp growth"}),
    ("economy-grew-bbc", "The UK economy grew by 0.6% between January and March.", "0.6%", {"metric": "gdp growth"}),
    # a company's sales still grow
    ("revenue-rose-stays-growth-wire", "Revenue rose 5% to $47.8 billion in the quarter.", "5%",
     {"metric": "revenue growth"}),
    ("economy-shrank-reuters", "Japan's economy shrank an annualised 2.0% in the first quarter.", "2.0%",
     {"metric": "gdp growth"}),
    ("unemployment-rate-keeps-its-compound-wire", "Employers added jobs as the 4.1% unemployment rate held.", "4.1%",
     {"metric": "unemployment"}),
    # prices' rise is inflation itself, no growth of inflation (UK and US price releases)
    ("consumer-prices-rose-ons", "Consumer prices rose by 2.3% in the 12 months to April, the Office for National "
     "Statistics said.", "2.3%", {"metric": "inflation"}),
    ("consumer-prices-increased-bls", "U.S. consumer prices increased 0.3% in April, the Labor Department said.",
     "0.3%", {"metric": "inflation"}),
    # a country's retail sales release is no company's revenue (US and UK copy)
    ("retail-sales-rose-us", "U.S. retail sales rose 0.5% in December, the Commerce Department said.", "0.5%",
     {"metric": "retail sales growth", "subject": "US"}),
    ("retail-sales-fell-uk", "Retail sales in Britain fell 2.3% in April as heavy rain kept shoppers away.", "2.3%",
     {"metric": "retail sales growth", "subject": "UK"}),
]


@pytest.mark.parametrize("text,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_macro_metrics(nlp, text, surface, fields):
    c = _find(_claims(nlp, text, None), surface)
    got = c.model_dump(mode="json")
    for k, want in fields.items():
        assert got[k] == want, f"{k}: got {got[k]!r}, want {want!r} ({surface!r} in {text!r})"
