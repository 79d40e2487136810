"""Pairing by evidence (claims/reconcile/pairs.py): real-style sentences from two outlets,
framed only partly, and the verdict reconciliation reaches on them."""

import datetime as dt

import pytest

from extract.records import Approx, Kind, StoredClaim
from claims.reconcile import reconcile

_ids = iter(range(1, 10_000))


def said(quote, surface, value, doc, unit="count", approx="exact", subject=None, metric=None, period=None,
         kind="fact", direction=None, source=None):
    i = next(_ids)
    at = quote.index(surface)
    return StoredClaim(id=i, document_id=doc, doc=f"doc{doc}.txt", start=at, end=at + len(surface),
                       surface=surface, quote=quote, value=value, unit=unit, approx=Approx(approx),
                       subject=subject, metric=metric, period=period, kind=Kind(kind), direction=direction,
                       source=source)


# Other stories of the corpus: bm25 weighs a shared word by how rare it is across the
# corpus, so a pair is judged among figures of other stories, as in a real database.
BACKGROUND = [
    said("The city council approved a budget of $2.1 billion for the coming year on Monday.", "$2.1 billion",
         2.1e9, 10, unit="USD"),
    said("Ticket sales at the zoo rose to 1.2 million visitors last year, the director said.", "1.2 million visitors",
         1.2e6, 11),
    said("The storm dropped 12 inches of rain on the coast, forecasters said.", "12 inches", 0.3048, 12, unit="m"),
    said("About 40% of voters in the district backed the measure, officials said.", "40%", 40, 13, unit="percent"),
    said("The bridge will take 18 months to repair, the transport agency said.", "18 months", 18, 14, unit="month"),
    said("Shares of the retailer closed at $31.50 in New York on Tuesday.", "$31.50", 31.5, 15, unit="USD"),
    said("The hospital said 350 nurses had joined the strike by Wednesday.", "350 nurses", 350, 16),
    said("The league fined the club $250,000 for breaking spending rules, a spokesman said.", "$250,000", 250000, 17,
         unit="USD"),
]


def verdict(a, b, published=None, others=(), same_fact=()):
    """'contradiction', 'possible', 'agree' or None (not paired) for a against b.

    same_fact: other mentions of a's fact (its restatement in another currency)."""
    result = reconcile([a, b, *others, *BACKGROUND], published)
    mine = {a.id, *(c.id for c in same_fact)}
    for v in result.conflicts:
        if {v.a.id, v.b.id} & mine and b.id in (v.a.id, v.b.id):
            return v.tier
    if any({a.id, b.id} <= set(g) for g in result.corroborations):
        return "agree"
    return None


CASES = [
    ("same-deliberation-two-durations-agree",  # wire vs broadcast: a quarter hour in two units
     said("A federal jury in Fort Worth deliberated for about 15 minutes before convicting Webb.", "about 15 minutes",
          15, 1, unit="minute", approx="approximately", subject="federal jury"),
     said("The jury in Fort Worth deliberated a quarter of an hour, 0.25 hours, before convicting Webb.", "0.25 hours",
          0.25, 2, unit="hour", subject="jury"), None, "agree"),
    ("payrolls-same-month-two-outlets-disagree",
     said("Employers added 175,000 jobs in May, the Labor Department said on Friday.", "175,000 jobs", 175000, 1,
          subject="employers", metric="payrolls"),
     said("Nationally, employers added 210,000 jobs in May, the Labor Department reported on Friday.",
          "210,000 jobs", 210000, 2, subject="employers", metric="payrolls"), None, "contradiction"),
    ("later-count-satisfying-an-earlier-at-least-is-no-conflict",
     said("The earthquake killed at least 120 people, the national disaster agency said.", "at least 120 people",
          120, 1, approx="at least", metric="people killed"),
     said("The national disaster agency said 198 people were killed in the earthquake.", "198 people", 198, 2,
          metric="people killed"), None, None),
    ("different-months-never-paired",
     said("Employers added 175,000 jobs in May, the Labor Department said.", "175,000 jobs", 175000, 1,
          metric="payrolls", period="2026-05"),
     said("Employers added 120,000 jobs in June, the Labor Department said.", "120,000 jobs", 120000, 2,
          metric="payrolls", period="2026-06"), None, None),
    ("a-part-is-not-its-whole",
     said("Amazon Web Services revenue rose to $33 billion in the third quarter.", "$33 billion", 33e9, 1,
          unit="USD", subject="AWS", metric="revenue"),
     said("Amazon's revenue rose to $180.2 billion in the third quarter.", "$180.2 billion", 180.2e9, 2,
          unit="USD", subject="Amazon", metric="revenue"), None, None),
    ("reports-weeks-apart-with-no-period-never-paired",
     said("About 3,500 rescuers searched the rubble of the collapsed buildings.", "3,500 rescuers", 3500, 1,
          approx="approximately"),
     said("Some 6,000 rescuers searched the rubble of the collapsed buildings.", "6,000 rescuers", 6000, 2),
     {1: dt.date(2026, 3, 3), 2: dt.date(2026, 5, 3)}, None),
    ("estimate-replaced-by-final-figures-is-a-conflict-film",  # trade estimate vs wire final figures
     said("'Starfall' earned an estimated $85 million in North America over its opening weekend, the studio said.",
          "$85 million", 85e6, 1, unit="USD", subject="Starfall", metric="box office", kind="estimate",
          source="the studio"),
     said("'Starfall' took in $79.4 million in North America in its opening weekend, according to final figures "
          "released on Monday, below the studio's Sunday estimate.", "$79.4 million", 79.4e6, 2, unit="USD",
          subject="Starfall", metric="box office"),
     {1: dt.date(2026, 6, 14), 2: dt.date(2026, 6, 15)}, "contradiction"),
    ("estimate-replaced-by-official-count-is-a-conflict-election",  # projection vs official count
     said("The ruling party won an estimated 52% of the vote in the capital, the broadcaster's projection showed.",
          "52%", 52, 1, unit="percent", subject="ruling party", metric="vote share", kind="estimate",
          source="broadcaster"),
     said("The ruling party won 48.6% of the vote in the capital, according to the official count, lower than "
          "first reported.", "48.6%", 48.6, 2, unit="percent", subject="ruling party", metric="vote share"),
     {1: dt.date(2026, 5, 3), 2: dt.date(2026, 5, 5)}, "contradiction"),
    ("grown-since-is-a-new-level",
     said("About 3,500 rescuers have been deployed to the quake zone, the minister said.", "3,500 rescuers", 3500, 1,
          approx="approximately", metric="rescuers"),
     said("The number of rescuers in the quake zone has grown to 6,000, the minister said.", "6,000", 6000, 2,
          metric="rescuers"),
     {1: dt.date(2026, 3, 3), 2: dt.date(2026, 3, 5)}, None),
]


@pytest.mark.parametrize("a,b,published,want", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_evidence_verdict(a, b, published, want):
    assert verdict(a, b, published) == want


DIRECTIONS = [
    ("rose-vs-fell-keyed",
     said("Average hourly earnings rose 0.3% in May, the report showed.", "0.3%", 0.3, 1, unit="percent",
          subject="workers", metric="hourly earnings growth", period="2026-05", direction="up"),
     said("Average hourly earnings fell 0.3% in May, the Labor Department said.", "0.3%", 0.3, 2, unit="percent",
          subject="workers", metric="hourly earnings growth", period="2026-05", direction="down"),
     "contradiction"),
    ("rose-vs-fell-by-words",
     said("Shares of the carmaker fell 3% in Frankfurt trading on Tuesday.", "3%", 3, 1, unit="percent",
          direction="down"),
     said("Shares of the carmaker rose 3% in Frankfurt trading on Tuesday, the exchange said.", "3%", 3, 2,
          unit="percent", direction="up"),
     "possible"),  # no framed field on either side: for a reviewer
    ("same-direction-agrees",
     said("Shares of the carmaker fell 3% in Frankfurt trading on Tuesday.", "3%", 3, 1, unit="percent",
          direction="down"),
     said("Shares of the carmaker dropped 3% in Frankfurt trading on Tuesday, the exchange said.", "3%", 3, 2,
          unit="percent", direction="down"),
     "agree"),
]


@pytest.mark.parametrize("a,b,want", [c[1:] for c in DIRECTIONS], ids=[c[0] for c in DIRECTIONS])
def test_opposite_directions_conflict(a, b, want):
    assert verdict(a, b) == want


def _fee(quote, surface, value, unit, doc, metric="transfer fee"):
    return said(quote, surface, value, doc, unit=unit, metric=metric, subject="United")


UK = "United have completed the signing of Rossi from Torino for a fee of £100m (€117m), the club said."
CURRENCIES = [
    ("restated-in-another-currency-agrees", _fee(UK, "£100m", 100e6, "GBP", 1),
     _fee("Torino confirmed that Rossi will join United for a transfer fee of €117 million.", "€117 million",
          117e6, "EUR", 2), "agree"),
    ("different-amount-through-the-stated-rate", _fee(UK, "£100m", 100e6, "GBP", 1),
     _fee("United have completed the signing of Rossi from Torino for a fee of €130 million, the Italian press said.",
          "€130 million", 130e6, "EUR", 2), "contradiction"),
    ("nothing-framed-on-one-side-possible", _fee(UK, "£100m", 100e6, "GBP", 1),
     said("United paid Torino a transfer fee of €130 million for Rossi, according to the Italian press.",
          "€130 million", 130e6, 2, unit="EUR"), "possible"),
    ("free-text-metric-with-a-qualifier-meets", _fee(UK, "£100m", 100e6, "GBP", 1),
     _fee("United have completed the signing of Rossi from Torino for a fee of €130 million, the Italian press said.",
          "€130 million", 130e6, "EUR", 2, metric="fee"), "contradiction"),
]


@pytest.mark.parametrize("a,b,want", [c[1:] for c in CURRENCIES], ids=[c[0] for c in CURRENCIES])
def test_two_currencies(a, b, want):
    restated = _fee(UK, "€117m", 117e6, "EUR", 1)
    assert verdict(a, b, others=[restated], same_fact=[restated]) == want


def test_no_stated_rate_no_comparison():
    a = _fee("United signed Rossi from Torino for a fee of £100m, the club said.", "£100m", 100e6, "GBP", 1)
    b = _fee("United paid Torino a transfer fee of €130 million for Rossi, according to the Italian press.",
             "€130 million", 130e6, "EUR", 2)
    assert verdict(a, b) is None


def test_a_known_metric_with_a_qualifier_is_a_part():
    a = said("Data center revenue was $41.1 billion in the fiscal second quarter.", "$41.1 billion", 41.1e9, 1,
             unit="USD", subject="Nvidia", metric="data center revenue")
    b = said("Nvidia reported revenue of $46.74 billion for its fiscal second quarter.", "$46.74 billion",
             46.74e9, 2, unit="USD", subject="Nvidia", metric="revenue")
    assert verdict(a, b) is None


def test_a_revision_is_kept_and_the_later_report_named():
    a = said("Employers added 175,000 jobs in May, the Labor Department said.", "175,000 jobs", 175000, 1,
             subject="employers", metric="payrolls", period="2026-05")
    b = said("The department revised the May figure down to 140,000 jobs.", "140,000 jobs", 140000, 2,
             subject="employers", metric="payrolls", period="2026-05")
    [v] = reconcile([a, b, *BACKGROUND], {1: dt.date(2026, 6, 5), 2: dt.date(2026, 7, 3)}).conflicts
    assert v.explained and "doc2.txt's is the later" in v.why


REVISIONS = [
    ("payrolls-revised-by-a-later-report",  # wire in June, broadcast in July
     said("Employers added 175,000 jobs in May, the Labor Department said on Friday.", "175,000 jobs", 175000, 1,
          subject="employers", metric="payrolls", period="2026-05"),
     said("The department revised the May figure down to 140,000 jobs.", "140,000 jobs", 140000, 2,
          subject="department", metric="payrolls"),
     said("The department said 160,000 jobs were added in April.", "160,000 jobs", 160000, 1,
          metric="payrolls", period="2026-04")),
    ("toll-revised-by-a-later-bulletin",  # agency bulletin, then a broadcast two days on
     said("The national disaster agency put the death toll from the earthquake at 120 on Tuesday.", "120", 120, 1,
          metric="death toll"),
     said("The disaster agency revised the death toll from the earthquake down to 98 on Thursday.", "98", 98, 2,
          metric="death toll"),
     said("The disaster agency said 45 buildings had collapsed in the earthquake.", "45 buildings", 45, 1,
          metric="buildings")),
]


@pytest.mark.parametrize("earlier,revision,other", [c[1:] for c in REVISIONS], ids=[c[0] for c in REVISIONS])
def test_a_revision_pairs_with_the_figure_it_revises(earlier, revision, other):
    published = {1: dt.date(2026, 6, 5), 2: dt.date(2026, 6, 20)}
    result = reconcile([earlier, revision, other, *BACKGROUND], published)
    [v] = [v for v in result.conflicts if v.tier == "contradiction"]
    assert {v.a.id, v.b.id} == {earlier.id, revision.id} and v.explained
    assert "doc2.txt's is the later" in v.why


# A rate whose denominator only the metric names ("earnings per share") meets the same
# rate written with its denominator ("$2.53 a share"); a total never meets a rate.
def _per(c, per):
    return c.model_copy(update={"per": per})


PER_PAIRS = [
    ("eps-named-by-the-metric",
     said("The retailer earned $2.53 per diluted share in the third quarter.", "$2.53", 2.53, 1, unit="USD",
          subject="Home Depot", metric="earnings per share"),
     _per(said("Home Depot reported third-quarter earnings of $2.53 a share.", "$2.53", 2.53, 2, unit="USD",
               subject="Home Depot", metric="earnings per share"), "share"),
     "agree"),
    ("price-per-gallon-named-by-the-metric",
     said("The average price per gallon of regular gasoline was $3.12 last week, the motor club said.", "$3.12",
          3.12, 1, unit="USD", subject="regular gasoline", metric="average price per gallon"),
     _per(said("Regular gasoline averaged $3.12 a gallon nationally last week, the motor club reported.", "$3.12",
               3.12, 2, unit="USD", subject="regular gasoline", metric="average price per gallon"), "gallon"),
     "agree"),
    ("a-total-is-not-a-weekly-rate",
     said("The film's box office takings reached $53 million, the studio said.", "$53 million", 53e6, 1, unit="USD",
          subject="Starfall", metric="box office"),
     _per(said("Starfall's box office takings were $53 million a week, the studio said.", "$53 million", 53e6, 2,
               unit="USD", subject="Starfall", metric="box office"), "week"),
     None),
]


@pytest.mark.parametrize("a,b,want", [p[1:] for p in PER_PAIRS], ids=[p[0] for p in PER_PAIRS])
def test_a_rate_named_by_its_metric(a, b, want):
    assert verdict(a, b) == want
