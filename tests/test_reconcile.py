"""Comparison rules, one test each: which pairs conflict and which agree."""

import pytest

from extract.records import Approx, Kind, StoredClaim, parse_period
from claims.reconcile import (calendar_period, compare, comparison_key, far_apart, forecast_and_outcome, growth_basis,
                              interval, is_to_date, normalised_fields, plain_name, reconcile)

B = 1e9
_ids = iter(range(1, 10_000))


def claim(surface, value=None, low=None, high=None, approx="exact", doc=1, unit="USD",
          subject="Alphabet", metric="capex", period="2026", kind="forecast"):
    i = next(_ids)
    return StoredClaim(id=i, document_id=doc, doc=f"doc{doc}.txt", start=i * 10, end=i * 10 + 5,
                       surface=surface, quote=surface, value=value, low=low, high=high, unit=unit,
                       approx=Approx(approx), subject=subject, metric=metric, period=period, kind=Kind(kind))


PAIRS = [
    ("range-vs-range-precise-bounds-differ",
     claim("$175 and $185 billion", low=175 * B, high=185 * B), claim("$180-190 billion", low=180 * B, high=190 * B, doc=2), False),
    ("range-vs-same-range", claim("$175-185 billion", low=175 * B, high=185 * B),
     claim("$175 billion to $185 billion", low=175 * B, high=185 * B, doc=2), True),
    ("up-to-vs-range-top", claim("$145 billion", 145 * B, approx="up to", subject="Meta"),
     claim("$125-145 billion", low=125 * B, high=145 * B, subject="Meta", doc=2), True),
    ("point-at-range-top", claim("$145 billion", 145 * B, subject="Meta"),
     claim("$125-145 billion", low=125 * B, high=145 * B, subject="Meta", doc=2), True),
    ("point-outside-range", claim("$150 billion", 150 * B, subject="Meta"),
     claim("$125-145 billion", low=125 * B, high=145 * B, subject="Meta", doc=2), False),
    ("more-than-vs-point-above", claim("$10 billion", 10 * B, approx="more than"), claim("$12 billion", 12 * B, doc=2), True),
    ("more-than-vs-point-below", claim("$10 billion", 10 * B, approx="more than"), claim("$8 billion", 8 * B, doc=2), False),
    ("could-reach-vs-committed", claim("$200 billion", 200 * B, approx="up to", subject="Amazon"),
     claim("$200 billion", 200 * B, subject="Amazon", doc=2), True),
    ("rounding-roughly", claim("$150 billion", 150 * B, approx="approximately"), claim("$150.4 billion", 150.4 * B, doc=2), True),
    ("rounding-by-stated-precision", claim("$62 billion", 62 * B), claim("$62.3 billion", 62.3 * B, doc=2), True),
    ("beyond-rounding", claim("$62 billion", 62 * B), claim("$63.1 billion", 63.1 * B, doc=2), False),
    ("percent-same", claim("28%", 28, unit="percent", metric="revenue growth"),
     claim("28%", 28, unit="percent", metric="revenue growth", doc=2), True),
]


@pytest.mark.parametrize("a,b,agrees", [p[1:] for p in PAIRS], ids=[p[0] for p in PAIRS])
def test_compare(a, b, agrees):
    got, why, score = compare(a, b)
    assert got is agrees
    assert why and isinstance(why, str)
    assert (score == 0.0) is agrees or not agrees and score > 0


@pytest.mark.parametrize("surface,value,step", [
    ("$150 billion", 150 * B, 0.5 * B), ("$62.3 billion", 62.3 * B, 0.05 * B), ("1,000", 1000, 0.5), ("28%", 28, 0.5),
], ids=["integer-billions", "one-decimal", "comma-thousands", "percent"])
def test_stated_precision(surface, value, step):
    assert claim(surface, value).stated_step(value) == pytest.approx(step)


def test_one_sided_intervals():
    lo, hi, precise = interval(claim("$10 billion", 10 * B, approx="more than"))
    assert hi == float("inf") and not precise


def test_reconcile_groups_only_comparable_claims():
    a = claim("$175 and $185 billion", low=175 * B, high=185 * B, doc=1)
    b = claim("$180-190 billion", low=180 * B, high=190 * B, doc=2)
    other_period = claim("$47 billion", 47 * B, approx="more than", doc=2, subject="Nvidia", metric="data center revenue", period="FY2024")
    quarter = claim("$62.3 billion", 62.3 * B, doc=1, subject="Nvidia", metric="data center revenue", period="2026-Q1")
    growth = claim("63%", 63, unit="percent", doc=1, subject="Google Cloud", metric="revenue growth", period="2026-Q1")
    level = claim("$20 billion", 20 * B, doc=2, subject="Google Cloud", metric="revenue", period="2026-Q1")
    illustrative = claim("$10,000", 10000, doc=2, kind="illustrative", period="2026")
    result = reconcile([a, b, other_period, quarter, growth, level, illustrative])
    assert [(c.a.id, c.b.id) for c in result.conflicts] == [(a.id, b.id)]
    assert result.corroborations == []


def test_corroboration_needs_two_documents():
    x = claim("28%", 28, unit="percent", metric="revenue growth", subject="AWS", doc=1)
    y = claim("28%", 28, unit="percent", metric="revenue growth", subject="AWS", doc=2)
    z = claim("28%", 28, unit="percent", metric="revenue growth", subject="AWS", doc=2)
    result = reconcile([x, y, z])
    assert result.conflicts == []
    assert result.corroborations == [sorted([x.id, y.id, z.id])]
    assert result.facts == [sorted([y.id, z.id])]  # doc 2 says it twice: one fact
    assert reconcile([y, z]).corroborations == []


def test_vague_magnitudes_are_not_compared():
    x = claim("hundreds of billions of dollars", low=1e11, high=1e12, approx="approximately", doc=1)
    y = claim("$50 billion", 50 * B, doc=2)
    result = reconcile([x, y])
    assert result.conflicts == [] and result.corroborations == []


# Pairs that must never be compared: (id, a, b). Each would conflict if compared.
NEVER_COMPARED = [
    ("part-vs-whole", claim("$37.6 billion", 37.6 * B, subject="AWS", metric="revenue", period="2026-Q1"),
     claim("$155.7 billion", 155.7 * B, subject="Amazon", metric="revenue", period="2026-Q1", doc=2)),
    ("percent-vs-percentage-points", claim("5%", 5, unit="percent", metric="gross margin"),
     claim("5 percentage points", 5 * 1.4, unit="percentage_point", metric="gross margin", doc=2)),
    ("quarter-vs-year", claim("$62.3 billion", 62.3 * B, subject="Nvidia", metric="revenue", period="2026-Q1"),
     claim("$130 billion", 130 * B, subject="Nvidia", metric="revenue", period="2026", doc=2)),
    ("fiscal-vs-calendar-year", claim("$47 billion", 47 * B, subject="Nvidia", metric="revenue", period="FY2024"),
     claim("$60 billion", 60 * B, subject="Nvidia", metric="revenue", period="2024", doc=2)),
    ("growth-vs-level", claim("63%", 63, unit="percent", subject="Google Cloud", metric="revenue growth", period="2026-Q1"),
     claim("$20 billion", 20 * B, subject="Google Cloud", metric="revenue", period="2026-Q1", doc=2)),
    ("illustrative", claim("$10,000", 10_000, kind="illustrative"), claim("$20,000", 20_000, doc=2)),
]


@pytest.mark.parametrize("a,b", [p[1:] for p in NEVER_COMPARED], ids=[p[0] for p in NEVER_COMPARED])
def test_never_compared(a, b):
    result = reconcile([a, b])
    assert result.conflicts == [] and result.corroborations == []


@pytest.mark.parametrize("a_subject,a_metric,b_subject,b_metric", [
    ("Google's parent", "capital expenditure", "Alphabet", "capex"),
    ("NVIDIA", "revenue", "Nvidia", "sales"),
    ("Amazon Web Services", "revenue", "AWS", "revenue"),
], ids=["google-parent-capital-expenditure", "nvidia-sales", "amazon-web-services"])
def test_aliases_make_claims_comparable(a_subject, a_metric, b_subject, b_metric):
    a = claim("$100 billion", 100 * B, subject=a_subject, metric=a_metric)
    b = claim("$130 billion", 130 * B, subject=b_subject, metric=b_metric, doc=2)
    assert len(reconcile([a, b]).conflicts) == 1


def test_run_rate_agrees_with_annualised_quarter():
    rate = claim("$150 billion", 150 * B, approx="approximately", subject="AWS", metric="run-rate revenue", period="2026-Q1")
    quarter = claim("$37.6 billion", 37.6 * B, subject="AWS", metric="revenue", period="2026-Q1", doc=2)
    result = reconcile([rate, quarter])
    assert result.conflicts == []
    assert result.corroborations == [sorted([rate.id, quarter.id])]


def test_run_rate_conflicts_with_a_quarter_that_does_not_annualise_to_it():
    rate = claim("$150 billion", 150 * B, subject="AWS", metric="run-rate revenue", period="2026-Q1")
    quarter = claim("$30 billion", 30 * B, subject="AWS", metric="revenue", period="2026-Q1", doc=2)
    [conflict] = reconcile([rate, quarter]).conflicts
    assert "for the quarter, which is 120 billion a year" in conflict.why


def test_revision_cue_explains_a_conflict_and_lowers_its_score():
    old = claim("$175 and $185 billion", low=175 * B, high=185 * B)
    new = claim("$180-190 billion", low=180 * B, high=190 * B, doc=2).model_copy(
        update={"quote": "Alphabet raised its 2026 capital expenditure guidance to $180-190 billion."})
    plain = claim("$180-190 billion", low=180 * B, high=190 * B, doc=3)
    result = reconcile([old, new, plain])
    by_pair = {(c.a.id, c.b.id): c for c in result.conflicts}
    explained, unexplained = by_pair[(old.id, new.id)], by_pair[(old.id, plain.id)]
    assert explained.explained and not unexplained.explained
    assert "'raised its 2026 capital expenditure guidance'" in explained.why
    assert "older vintage" in explained.why
    assert explained.score < unexplained.score
    # The two docs that agree corroborate each other.
    assert result.corroborations == [sorted([new.id, plain.id])]


def test_repeated_mentions_collapse_to_one_conflict():
    a1 = claim("as much as $145 billion", 145 * B, approx="up to", subject="Meta")
    a2 = claim("$145 billion", 145 * B, subject="Meta")
    b = claim("$160 billion", 160 * B, subject="Meta", doc=2)
    result = reconcile([a1, a2, b])
    assert [(c.a.id, c.b.id) for c in result.conflicts] == [(a2.id, b.id)]  # the exact mention speaks
    assert result.facts == [sorted([a1.id, a2.id])]


def test_score_grows_with_the_gap_and_falls_with_hedges():
    near = compare(claim("$100 billion", 100 * B), claim("$103 billion", 103 * B, doc=2))[2]
    far = compare(claim("$100 billion", 100 * B), claim("$150 billion", 150 * B, doc=2))[2]
    hedged = compare(claim("$100 billion", 100 * B, approx="approximately"), claim("$150 billion", 150 * B, doc=2))[2]
    assert 0.5 < near < far <= 1.0
    assert hedged < far


# -- normalisation across sources: one case per rule --------------------------------

NORMALISED = [
    ("sales-growth-is-revenue-growth", "Amazon", "sales growth", ("Amazon", "revenue growth")),
    ("capital-spending-growth", "Meta", "capital spending growth", ("Meta", "capex growth")),
    ("bare-growth-of-a-unit-is-revenue-growth", "Azure", "growth", ("Azure", "revenue growth")),
    ("bare-growth-of-a-company-is-revenue-growth", "AWS", "growth", ("AWS", "revenue growth")),
    ("bare-growth-of-an-unknown-name-stays", "Redmond", "growth", ("Redmond", "growth")),
    ("parent-cloud-revenue-is-the-unit-revenue", "Alphabet", "cloud revenue", ("Google Cloud", "revenue")),
    ("parent-alias-cloud-revenue", "Google", "cloud revenue", ("Google Cloud", "revenue")),
    ("parent-cloud-revenue-growth", "Alphabet", "cloud revenue growth", ("Google Cloud", "revenue growth")),
    ("unit-cloud-revenue-is-its-revenue", "Google Cloud", "cloud revenue", ("Google Cloud", "revenue")),
    ("amazon-cloud-sales-is-aws", "Amazon", "cloud sales", ("AWS", "revenue")),
    ("microsoft-cloud-revenue-is-not-azure", "Microsoft", "cloud revenue", ("Microsoft", "cloud revenue")),
    ("segment-word-of-another-parent", "Meta", "cloud revenue", ("Meta", "cloud revenue")),
    ("part-metric-stays-its-own", "Nvidia", "data center revenue", ("Nvidia", "data center revenue")),
]


@pytest.mark.parametrize("subject,metric,want", [c[1:] for c in NORMALISED], ids=[c[0] for c in NORMALISED])
def test_normalised_fields(subject, metric, want):
    c = claim("$1 billion", 1 * B, subject=subject, metric=metric, period="2025-Q3")
    assert normalised_fields(c) == (*want, "2025-Q3")


def test_cloud_revenue_of_the_parent_conflicts_with_the_unit_revenue():
    a = claim("$15.2 billion", 15.2 * B, subject="Alphabet", metric="cloud revenue", period="2025-Q3", kind="fact")
    b = claim("$13.6 billion", 13.6 * B, subject="Google Cloud", metric="revenue", period="2025-Q3", kind="fact", doc=2)
    same = claim("$15.16 billion", 15.16 * B, subject="Google Cloud", metric="revenue", period="2025-Q3", kind="fact",
                 doc=3)
    result = reconcile([a, b, same])
    assert {(c.a.id, c.b.id) for c in result.conflicts} == {(a.id, b.id), (b.id, same.id)}
    assert result.corroborations == [sorted([a.id, same.id])]


# Whose figure: (id, a, b, compared). A third party's estimate is its own claim.
def _said(surface, value, source, kind, doc, subject="Meta", period="2025"):
    return claim(surface, value, subject=subject, period=period, kind=kind, doc=doc).model_copy(
        update={"source": source})


SPEAKERS = [
    ("analyst-estimate-vs-company-guidance",
     _said("$45 billion", 45 * B, "Bernstein", "estimate", 1), _said("$70 billion", 70 * B, "Meta", "forecast", 2), False),
    ("analyst-estimate-vs-reported-fact",
     _said("$60 billion", 60 * B, "Bernstein", "estimate", 1), _said("$70 billion", 70 * B, None, "fact", 2), False),
    ("two-analysts-disagree",
     _said("$60 billion", 60 * B, "Bernstein", "estimate", 1), _said("$70 billion", 70 * B, "Morgan Stanley", "estimate", 2),
     False),
    ("same-analyst-in-two-articles",
     _said("$60 billion", 60 * B, "Bernstein", "estimate", 1), _said("$70 billion", 70 * B, "Bernstein", "estimate", 2), True),
    ("company-guidance-in-two-articles",
     _said("$60 billion", 60 * B, "Meta", "forecast", 1), _said("$70 billion", 70 * B, "Meta Platforms", "forecast", 2), True),
    ("guidance-relayed-by-a-news-outlet",
     _said("$60 billion", 60 * B, "Reuters", "forecast", 1), _said("$70 billion", 70 * B, "Meta", "forecast", 2), True),
    ("unit-forecast-credited-to-its-parent",
     _said("$30 billion", 30 * B, "Amazon", "forecast", 1, subject="AWS"),
     _said("$36 billion", 36 * B, None, "forecast", 2, subject="AWS"), True),
    ("consensus-credited-fact-vs-reported",
     _said("$46.06 billion", 46.06 * B, "LSEG", "fact", 1, subject="Nvidia", period="FY2026-Q2"),
     _said("$46.74 billion", 46.74 * B, None, "fact", 2, subject="Nvidia", period="FY2026-Q2"), False),
]


@pytest.mark.parametrize("a,b,compared", [c[1:] for c in SPEAKERS], ids=[c[0] for c in SPEAKERS])
def test_only_the_same_speaker_is_compared(a, b, compared):
    assert bool(reconcile([a, b]).conflicts) is compared


# Figures far apart are different quantities named alike: (id, a, b, compared).
RATIOS = [
    ("segment-vs-total", claim("$17.7 billion", 17.7 * B, subject="Amazon", metric="revenue", period="2025-Q3"),
     claim("$180.2 billion", 180.2 * B, subject="Amazon", metric="revenue", period="2025-Q3", doc=2), False),
    ("quarter-vs-year-mislabelled", claim("$33 billion", 33 * B, metric="revenue"),
     claim("$128 billion", 128 * B, metric="revenue", doc=2), False),
    ("within-the-factor", claim("$45 billion", 45 * B), claim("$72 billion", 72 * B, doc=2), True),
    ("opposite-signs-always", claim("-2%", -2, unit="percent", metric="revenue growth"),
     claim("9%", 9, unit="percent", metric="revenue growth", doc=2), True),
]


@pytest.mark.parametrize("a,b,compared", [c[1:] for c in RATIOS], ids=[c[0] for c in RATIOS])
def test_figures_far_apart_are_not_compared(a, b, compared):
    assert far_apart(a, b) is not compared
    assert bool(reconcile([a, b]).conflicts) is compared


# One article states a range and restates a point of it: the range speaks for the fact.
RESTATED = [
    ("midpoint-restated", claim("$180 billion", 180 * B), False),
    ("upper-end-restated", claim("$185 billion", 185 * B), False),
    ("hedged-midpoint-restated", claim("about $180 billion", 180 * B, approx="approximately"), False),
]


@pytest.mark.parametrize("restated,_", [c[1:] for c in RESTATED], ids=[c[0] for c in RESTATED])
def test_a_range_speaks_for_its_restatement(restated, _):
    rng = claim("$175 billion to $185 billion", low=175 * B, high=185 * B)
    other = claim("$180 billion and $190 billion", low=180 * B, high=190 * B, doc=2)
    result = reconcile([rng, restated.model_copy(update={"start": rng.start + 100}), other])
    assert [(c.a.id, c.b.id) for c in result.conflicts] == [(rng.id, other.id)]
    assert result.facts == [sorted([rng.id, restated.id])]


# Neighbouring rounding intervals touch: "2.3%" may be 2.35 rounded down. The first two
# cases failed on the last bit of a float before the comparison had a slack.
TOUCHING = [
    ("percent-one-decimal", claim("2.3%", 2.3, unit="percent", metric="revenue growth"),
     claim("2.4%", 2.4, unit="percent", metric="revenue growth", doc=2)),
    ("dollars-one-decimal", claim("$0.3", 0.3, metric="earnings per share"),
     claim("$0.4", 0.4, metric="earnings per share", doc=2)),
    ("two-decimals-vs-one", claim("$102.35 billion", 102.35 * B), claim("$102.3 billion", 102.3 * B, doc=2)),
]


@pytest.mark.parametrize("a,b", [c[1:] for c in TOUCHING], ids=[c[0] for c in TOUCHING])
def test_touching_rounding_intervals_agree(a, b):
    assert compare(a, b)[0]


# Fiscal periods as calendar periods, where a company's fiscal quarters are calendar quarters.
CALENDAR = [
    ("microsoft-fiscal-q1-is-september-quarter", "FY2026-Q1", "Microsoft", "2025-Q3"),
    ("microsoft-fiscal-q4-is-june-quarter", "FY2026-Q4", "Microsoft", "2026-Q2"),
    ("unit-takes-its-parent-calendar", "FY2026-Q2", "Azure", "2025-Q4"),
    ("december-year-end-fiscal-year-is-calendar", "FY2025", "Alphabet", "2025"),
    ("december-year-end-fiscal-quarter", "FY2025-Q3", "AWS", "2025-Q3"),
    ("june-year-end-fiscal-year-stays-fiscal", "FY2026", "Microsoft", "FY2026"),
    ("september-year-end-q4", "FY2025-Q4", "Apple", "2025-Q3"),
    ("march-year-end-q1", "FY2026-Q1", "Alibaba", "2025-Q2"),
    ("unaligned-fiscal-quarter-stays-fiscal", "FY2026-Q2", "Nvidia", "FY2026-Q2"),
    ("unknown-company-stays-fiscal", "FY2026-Q1", "Acme", "FY2026-Q1"),
    ("calendar-period-unchanged", "2025-Q3", "Microsoft", "2025-Q3"),
]


@pytest.mark.parametrize("period,subject,want", [c[1:] for c in CALENDAR], ids=[c[0] for c in CALENDAR])
def test_calendar_period(period, subject, want):
    assert calendar_period(parse_period(period), subject) == want


# (id, a, b, compared): fiscal and calendar periods meet only where they are the same months.
FISCAL_PAIRS = [
    ("fiscal-q1-vs-calendar-q3", claim("$34.9 billion", 34.9 * B, subject="Microsoft", period="FY2026-Q1", kind="fact"),
     claim("$30 billion", 30 * B, subject="Microsoft", period="2025-Q3", kind="fact", doc=2), True),
    ("fiscal-q1-vs-calendar-q1", claim("$34.9 billion", 34.9 * B, subject="Microsoft", period="FY2026-Q1", kind="fact"),
     claim("$30 billion", 30 * B, subject="Microsoft", period="2026-Q1", kind="fact", doc=2), False),
    ("june-fiscal-year-vs-calendar-year", claim("$88 billion", 88 * B, subject="Microsoft", period="FY2025", kind="fact"),
     claim("$80 billion", 80 * B, subject="Microsoft", period="2025", kind="fact", doc=2), False),
    ("december-fiscal-year-vs-calendar-year", claim("$91 billion", 91 * B, subject="Alphabet", period="FY2025"),
     claim("$85 billion", 85 * B, subject="Alphabet", period="2025", doc=2), True),
]


@pytest.mark.parametrize("a,b,compared", [c[1:] for c in FISCAL_PAIRS], ids=[c[0] for c in FISCAL_PAIRS])
def test_fiscal_and_calendar_periods(a, b, compared):
    assert bool(reconcile([a, b]).conflicts) is compared


# A growth rate's base and a to-date figure. The base is what recognition read (Claim.basis);
# reconciliation takes it from the record and never re-reads the sentence.
def _in(quote, surface, value=1.0, unit="percent", metric="revenue growth", **kw):
    return claim(surface, value, unit=unit, metric=metric, subject="Nvidia", period="FY2026-Q3", **kw).model_copy(
        update={"quote": quote})


def _based(quote, surface, basis):
    return _in(quote, surface).model_copy(update={"basis": basis})


GROWTH_BASES = [
    ("unstated-is-year-on-year", _based("Nvidia's third-quarter revenue rose 62% to $57 billion.", "62%", None), None),
    ("yoy", _based("Revenue rose 62% from a year earlier and 22% from the previous quarter.", "62%", "yoy"), None),
    ("qoq-is-sequential", _based("Revenue rose 62% from a year earlier and 22% from the previous quarter.", "22%", "qoq"),
     "sequential"),
    ("qoq-month-on-month", _based("Prices rose 0.3% from the previous month, the statistics office said.", "0.3%", "qoq"),
     "sequential"),
    ("constant-currency", _based("Azure revenue grew 39% in constant currency.", "39%", "constant currency"),
     "constant currency"),
    ("the-quote-is-not-re-read", _based("Revenue rose 22% from the previous quarter.", "22%", None), None),
]


@pytest.mark.parametrize("c,basis", [g[1:] for g in GROWTH_BASES], ids=[g[0] for g in GROWTH_BASES])
def test_growth_basis(c, basis):
    assert growth_basis(c) == basis
    want = "revenue growth" + (f" ({basis})" if basis else "")
    assert normalised_fields(c)[1] == want


def test_sequential_growth_is_not_compared_with_year_on_year():
    seq = _in("Revenue rose 22% from the previous quarter.", "22%", value=22).model_copy(update={"basis": "qoq"})
    yoy = _in("Nvidia's third-quarter revenue rose 62% to $57 billion.", "62%", value=62, doc=2)
    yoy_b = _in("Nvidia's revenue jumped 56% in the quarter.", "56%", value=56, doc=3)
    assert [(c.a.id, c.b.id) for c in reconcile([seq, yoy, yoy_b]).conflicts] == [(yoy.id, yoy_b.id)]


TO_DATE = [
    ("so-far-this-year", _in("Alphabet has spent $64 billion on capital expenditures so far this year.", "$64 billion",
                             unit="USD", metric="capex"), True),
    ("year-to-date-before", _in("Year-to-date capital expenditures reached $64 billion.", "$64 billion", unit="USD",
                                metric="capex"), True),
    ("first-nine-months", _in("Capex was $64 billion in the first nine months.", "$64 billion", unit="USD",
                              metric="capex"), True),
    ("whole-year-forecast", _in("It expects 2025 capital expenditures of $91 billion to $93 billion.", "$91 billion",
                                unit="USD", metric="capex"), False),
    ("a-neighbour-to-date", _in("It expects $92 billion for the year, versus $64 billion so far.", "$92 billion",
                                unit="USD", metric="capex"), False),
]


@pytest.mark.parametrize("c,to_date", [t[1:] for t in TO_DATE], ids=[t[0] for t in TO_DATE])
def test_to_date_figures_are_never_compared(c, to_date):
    assert is_to_date(c) is to_date
    assert (comparison_key(c) is None) is to_date


# A forecast for a period and the outcome reported for it: (id, kinds, quotes, compared).
EXPECTS = "Nvidia expects revenue of about $54 billion in the fiscal third quarter."
REPORTED = "Nvidia reported revenue of $57.01 billion for its fiscal third quarter, ahead of its own forecast."
OUTCOMES = [
    ("forecast-vs-reported-fact", ("forecast", "fact"), (EXPECTS, REPORTED), False),
    ("reported-fact-vs-forecast", ("fact", "forecast"),
     ("Nvidia reported revenue of $54 billion for its fiscal third quarter.",
      "Nvidia expects revenue of about $57.01 billion in the fiscal third quarter."), False),
    ("forecast-vs-forecast", ("forecast", "forecast"), (EXPECTS, REPORTED), True),
    ("fact-vs-fact", ("fact", "fact"), (EXPECTS, REPORTED), True),
    ("estimate-vs-fact", ("estimate", "fact"), (EXPECTS, REPORTED), True),
    # kinds alone are noise: the same "said ... was" sentence, one labelled a forecast
    ("kinds-differ-words-do-not", ("forecast", "fact"),
     ("Nvidia said its revenue was $54 billion.", "Nvidia said its revenue was $57.01 billion."), True),
    ("fact-with-outlook-words-too", ("forecast", "fact"),
     (EXPECTS, "Nvidia expects to report revenue of $57.01 billion."), True),
]


@pytest.mark.parametrize("kinds,quotes,compared", [o[1:] for o in OUTCOMES], ids=[o[0] for o in OUTCOMES])
def test_forecast_and_outcome_are_not_compared(kinds, quotes, compared):
    a = claim("$54 billion", 54 * B, subject="Nvidia", metric="revenue", period="FY2026-Q3", kind=kinds[0])
    b = claim("$57.01 billion", 57.01 * B, subject="Nvidia", metric="revenue", period="FY2026-Q3", kind=kinds[1], doc=2)
    a, b = a.model_copy(update={"quote": quotes[0]}), b.model_copy(update={"quote": quotes[1]})
    assert forecast_and_outcome(a, b) is not compared
    assert bool(reconcile([a, b]).conflicts) is compared


OWNER_WORDS = [
    ("segment-after-a-business-name", "data center segment revenue", "data center revenue"),
    ("unit-after-a-business-name", "cloud unit sales", "cloud revenue"),
    ("business-word", "gaming business revenue", "gaming revenue"),
    ("segment-alone-stays", "segment revenue", "segment revenue"),
    ("growth-of-a-segment-metric", "data center segment revenue growth", "data center revenue growth"),
]


@pytest.mark.parametrize("metric,want", [o[1:] for o in OWNER_WORDS], ids=[o[0] for o in OWNER_WORDS])
def test_owner_words_leave_metric_names(metric, want):
    assert normalised_fields(claim("$1 billion", 1 * B, subject="Nvidia", metric=metric))[1] == want


# Names outside the entity table compare by their plain name.
PLAIN_NAMES = [
    ("dutch-suffixes", "Nebius Group N.V.", "Nebius"),
    ("possessive-and-suffixes", "Nebius Group N.V.'s", "Nebius"),
    ("article-and-co", "The Walt Disney Co.", "Walt Disney"),
    ("company-word", "Walt Disney Company", "Walt Disney"),
    ("group-inc", "Goldman Sachs Group Inc.", "Goldman Sachs"),
    ("comma-inc", "Salesforce, Inc.", "Salesforce"),
    ("ampersand-name-kept", "Johnson & Johnson", "Johnson & Johnson"),
    ("known-alias-canonical", "Microsoft Corp.", "Microsoft"),
    ("suffix-only-kept", "Group", "Group"),
]


@pytest.mark.parametrize("name,want", [p[1:] for p in PLAIN_NAMES], ids=[p[0] for p in PLAIN_NAMES])
def test_plain_name(name, want):
    assert plain_name(name) == want


def test_an_unknown_company_under_two_names_is_compared():
    a = claim("$1.1 billion", 1.1 * B, subject="Nebius Group N.V.", metric="revenue", period="2025-Q3", kind="fact")
    b = claim("$1.4 billion", 1.4 * B, subject="Nebius", metric="revenue", period="2025-Q3", kind="fact", doc=2)
    assert len(reconcile([a, b]).conflicts) == 1


METRIC_WORDS = [
    ("total-revenue", "total revenue", "revenue"),
    ("quarterly-revenue", "quarterly revenue", "revenue"),
    ("net-sales-is-revenue", "net sales", "revenue"),
    ("total-net-sales", "total net sales", "revenue"),
    ("net-income-stays", "net income", "net income"),
    ("overall-sales-growth", "overall sales growth", "revenue growth"),
    ("capital-investments", "capital investments", "capex"),
    ("neutral-word-alone-stays", "total", "total"),
]


@pytest.mark.parametrize("metric,want", [m[1:] for m in METRIC_WORDS], ids=[m[0] for m in METRIC_WORDS])
def test_neutral_metric_words(metric, want):
    assert normalised_fields(claim("$1 billion", 1 * B, subject="Acme", metric=metric))[1] == want


# An article stating two figures for one thing (old and new) conflicts with no article
# that agrees with one of them: (id, figures of article 1, figure of article 2, conflicts).
TWO_FIGURES = [
    ("old-and-new-forecast-vs-new", [("$5 billion", 5 * B), ("$2 billion", 2 * B)], ("$5 billion", 5 * B), 0),
    ("old-and-new-forecast-vs-old", [("$5 billion", 5 * B), ("$2 billion", 2 * B)], ("$2 billion", 2 * B), 0),
    ("old-and-new-forecast-vs-a-third-figure", [("$5 billion", 5 * B), ("$2.5 billion", 2.5 * B)],
     ("$3.5 billion", 3.5 * B), 2),
    ("one-figure-vs-another", [("$5 billion", 5 * B)], ("$3.5 billion", 3.5 * B), 1),
]


@pytest.mark.parametrize("first,second,conflicts", [t[1:] for t in TWO_FIGURES], ids=[t[0] for t in TWO_FIGURES])
def test_an_article_stating_both_figures_conflicts_with_neither(first, second, conflicts):
    doc1 = [claim(s, v, subject="Nebius", period="2025") for s, v in first]
    doc2 = claim(second[0], second[1], subject="Nebius", period="2025", doc=2)
    assert len(reconcile([*doc1, doc2]).conflicts) == conflicts


# A one-off event is its own time: two reports of how long a jury took conflict with no
# period framed (claims/data/reconcile.toml [events]); other figures with no period never meet.
EVENTS = [
    ("jury-deliberation-tv-vs-wire",
     claim("15 minutes", 15, unit="minute", subject="Webb", metric="deliberation time", period=None, kind="fact"),
     claim("10 minutes", 10, approx="less than", unit="minute", subject="Webb", metric="deliberation time", period=None,
           kind="fact", doc=2), 1),
    ("trial-length-court-reports",
     claim("two-week", 14, unit="day", subject="Holmes", metric="trial length", period=None, kind="fact"),
     claim("three weeks", 21, unit="day", subject="Holmes", metric="trial length", period=None, kind="fact", doc=2), 1),
    ("jail-term-court-reports",
     claim("five years", 5, unit="year", subject="Burton", metric="prison sentence", period=None, kind="fact"),
     claim("seven years", 7, unit="year", subject="Burton", metric="prison sentence", period=None, kind="fact", doc=2), 1),
]


@pytest.mark.parametrize("a,b,conflicts", [p[1:] for p in EVENTS], ids=[p[0] for p in EVENTS])
def test_a_one_off_event_compares_with_no_period(a, b, conflicts):
    assert comparison_key(a) is not None
    assert len(reconcile([a, b]).conflicts) == conflicts


@pytest.mark.parametrize("c", [
    claim("270 aircraft", 270, unit="count", subject="Emirates", metric="fleet size", period=None, kind="fact"),
    claim("$9.99", 9.99, subject="Stadia", metric="price", period=None, kind="fact"),
], ids=["fleet-count", "price"])
def test_no_key_without_a_period_for_other_figures(c):
    assert comparison_key(c) is None
