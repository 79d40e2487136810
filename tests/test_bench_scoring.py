"""Scoring functions of bench/accuracy.py, on synthetic records only (no product code needed)."""

from __future__ import annotations

import json
import subprocess
import sys
from types import SimpleNamespace

import pytest

from bench import accuracy as A


def rec(start, end, doc="d.txt", **kw):
    return {"doc": doc, "start": start, "end": end, **kw}


# -- spans ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a,b,expected",
    [
        pytest.param(rec(0, 5), rec(3, 8), 2, id="partial"),
        pytest.param(rec(0, 5), rec(5, 8), 0, id="touching-is-disjoint"),
        pytest.param(rec(2, 4), rec(0, 10), 2, id="contained"),
        pytest.param(rec(0, 5), rec(0, 5, doc="e.txt"), 0, id="other-doc"),
    ],
)
def test_overlap(a, b, expected):
    assert A.overlap(a, b) == expected


@pytest.mark.parametrize(
    "preds,golds,expected",
    [
        pytest.param([rec(0, 5)], [rec(0, 5)], [(0, 0)], id="exact"),
        pytest.param([rec(0, 5)], [rec(10, 15)], [], id="disjoint"),
        pytest.param([rec(0, 10)], [rec(0, 3), rec(4, 10)], [(0, 1)], id="one-pred-two-golds-largest-wins"),
        pytest.param([rec(0, 3), rec(4, 10)], [rec(0, 10)], [(1, 0)], id="two-preds-one-gold-one-to-one"),
        pytest.param([rec(0, 6), rec(5, 12)], [rec(0, 6), rec(6, 12)], [(0, 0), (1, 1)], id="greedy-keeps-both"),
        pytest.param([rec(0, 5)], [rec(0, 5, doc="x.txt")], [], id="same-span-other-doc"),
        pytest.param([rec(2, 6)], [rec(0, 4), rec(4, 8)], [(0, 0)], id="tie-goes-to-closer-boundaries-then-order"),
    ],
)
def test_match_spans(preds, golds, expected):
    assert A.match_spans(preds, golds) == expected


GOLDS = [rec(0, 5, id="g1"), rec(10, 15, id="g2", borderline=True), rec(20, 25, id="g3"), rec(30, 35, id="g4")]


@pytest.mark.parametrize(
    "preds,strict,tp,fp,fn,ignored",
    [
        pytest.param([rec(0, 5), rec(20, 25), rec(30, 35)], True, 3, 0, 0, 0,
                     id="perfect-strict-borderline-not-missed"),
        pytest.param([rec(0, 5), rec(10, 15)], True, 1, 0, 2, 1, id="borderline-hit-neither-tp-nor-fp"),
        pytest.param([rec(0, 5), rec(10, 15)], False, 2, 0, 2, 0, id="all-mentions-borderline-counts"),
        pytest.param([rec(40, 45)], True, 0, 1, 3, 0, id="only-false-positive"),
        pytest.param([], False, 0, 0, 4, 0, id="no-predictions"),
    ],
)
def test_score_detection(preds, strict, tp, fp, fn, ignored):
    d = A.score_detection(preds, GOLDS, strict=strict).detection
    assert (d.tp, d.fp, d.fn, d.ignored) == (tp, fp, fn, ignored)


@pytest.mark.parametrize(
    "det,p,r,f1",
    [
        pytest.param(A.Detection(8, 2, 2), 0.8, 0.8, 0.8, id="balanced"),
        pytest.param(A.Detection(1, 0, 3), 1.0, 0.25, 0.4, id="precise"),
        pytest.param(A.Detection(0, 0, 0), 1.0, 1.0, 1.0, id="empty-both-sides"),
        pytest.param(A.Detection(0, 0, 5), 0.0, 0.0, 0.0, id="nothing-predicted"),
        pytest.param(A.Detection(0, 3, 0), 0.0, 0.0, 0.0, id="nothing-to-find"),
    ],
)
def test_detection_rates(det, p, r, f1):
    assert (det.precision, det.recall) == pytest.approx((p, r))
    assert det.f1 == pytest.approx(f1)


@pytest.mark.parametrize(
    "preds,expected",
    [
        pytest.param([rec(0, 5), rec(100, 105)], [1], id="one-inside-chrome"),
        pytest.param([rec(0, 5)], [], id="none"),
        pytest.param([rec(108, 120)], [0], id="overlapping-edge"),
    ],
)
def test_chrome_hits(preds, expected):
    assert A.chrome_hits(preds, [rec(100, 110)]) == expected


# -- gold normalisation ---------------------------------------------------------------


@pytest.mark.parametrize(
    "unit,value,low,high,expected",
    [
        pytest.param("years", 6, None, None, ("year", 6, None, None), id="years"),
        pytest.param("months", 18, None, None, ("month", 18, None, None), id="months"),
        pytest.param("minutes", 20, None, None, ("minute", 20, None, None), id="minutes"),
        pytest.param("MW", 300, None, None, ("W", 3e8, None, None), id="MW-scaled"),
        pytest.param("GW", 15.2, None, None, ("W", 1.52e10, None, None), id="GW-scaled"),
        pytest.param("GW", None, 1, 2, ("W", None, 1e9, 2e9), id="GW-range-scaled"),
        pytest.param("USD/month", 20, None, None, ("USD", 20, None, None), id="price-per-month"),
        pytest.param("USD per USD of revenue", 0.12, None, None, ("USD", 0.12, None, None), id="ratio-in-dollars"),
        pytest.param("USD", 6e11, None, None, ("USD", 6e11, None, None), id="already-contract"),
        pytest.param("percent", None, 45, 57, ("percent", None, 45, 57), id="percent-range-untouched"),
    ],
)
def test_normalise_gold_unit(unit, value, low, high, expected):
    got = A.normalise_gold_unit(unit, value, low, high)
    assert got[0] == expected[0]
    for a, b in zip(got[1:], expected[1:]):
        assert A.close(a, b)


@pytest.mark.parametrize(
    "gold,expected",
    [
        pytest.param(None, None, id="null"),
        pytest.param("2026", "2026", id="year"),
        pytest.param("Q1 2026", "2026-Q1", id="quarter"),
        pytest.param("H1 2026", "2026-H1", id="half"),
        pytest.param("January 2026", "2026-01", id="month"),
        pytest.param("July 2026", "2026-07", id="month-july"),
        pytest.param("FY2024", "FY2024", id="fiscal-year"),
        pytest.param("FY2026 Q2", "FY2026-Q2", id="fiscal-quarter"),
        pytest.param("as of Q1 2026", "2026-Q1", id="as-of"),
        pytest.param("2026 vs 2025", "2026", id="comparison-later-period"),
        pytest.param("H1 2026 vs November 2025", "2026-H1", id="comparison-half"),
        pytest.param("2026-Q1", "2026-Q1", id="contract-form-kept"),
        pytest.param("past few years", None, id="free-past-few-years"),
        pytest.param("annual", None, id="free-annual"),
        pytest.param("current run rate", None, id="free-run-rate"),
        pytest.param("most recent quarter", None, id="free-most-recent-quarter"),
        pytest.param("next several years", None, id="free-next-several-years"),
        pytest.param("mid-2025", None, id="free-mid-year"),
        pytest.param("current (2026)", None, id="free-current-parenthesised"),
        pytest.param("H3 2026", None, id="not-a-half"),
    ],
)
def test_normalise_gold_period(gold, expected):
    assert A.normalise_gold_period(gold) == expected


@pytest.mark.parametrize(
    "pred,gold,expected",
    [
        pytest.param(None, None, True, id="both-null"),
        pytest.param("Meta", None, False, id="pred-only"),
        pytest.param(None, "Meta", False, id="gold-only"),
        pytest.param("Nvidia", "NVIDIA", True, id="case-insensitive"),
        pytest.param("Amazon", "Amazon (company guidance)", True, id="company-guidance"),
        pytest.param("AWS", "AWS (GPU pre-reservation cloud service)", True, id="head-entity"),
        pytest.param("Sequoia Capital", "Sequoia Capital (David Cahn)", True, id="source-with-person"),
        pytest.param("David Cahn", "Sequoia Capital (David Cahn)", True, id="name-inside-parentheses"),
        pytest.param("AI", "Enterprise GenAI pilots (MIT NANDA study)", False, id="not-inside-a-word"),
        pytest.param("Microsoft", "Meta", False, id="different-entity"),
        pytest.param("Google Cloud", "Google", False, id="longer-pred-not-in-gold"),
        pytest.param("Alphabet", "Alphabet", True, id="identical"),
        pytest.param("Traditional cloud software companies", "Traditional cloud software (SaaS) companies", True,
                     id="gloss-inside-description"),
        pytest.param("SaaS companies", "Traditional cloud software (SaaS) companies", False,
                     id="gloss-words-are-not-the-phrase"),
        pytest.param("five largest technology companies (Amazon, Microsoft, Alphabet, Meta and Oracle)",
                     "Big five hyperscalers (Amazon, Microsoft, Alphabet, Meta, Oracle)", True, id="same-members"),
        pytest.param("Meta and Microsoft", "Big tech (Meta, Microsoft, Amazon)", False, id="fewer-members"),
    ],
)
def test_lenient_name_match(pred, gold, expected):
    assert A.lenient_name_match(pred, gold) is expected


@pytest.mark.parametrize(
    "pred,gold,expected",
    [
        pytest.param(None, None, True, id="both-null"),
        pytest.param("capex", None, False, id="pred-only"),
        pytest.param("revenue growth", "revenue growth yoy", True, id="shared-word"),
        pytest.param("capex", "capex guidance", True, id="vocabulary-name-in-description"),
        pytest.param("valuation", "revenue", False, id="different-metric"),
        pytest.param("share of", "number of points", False, id="stop-words-are-no-evidence"),
    ],
)
def test_lenient_metric_match(pred, gold, expected):
    assert A.lenient_metric_match(pred, gold) is expected


@pytest.mark.parametrize(
    "pred,gold,expected",
    [
        pytest.param({"value": 6e11}, {"value": 6e11}, True, id="point"),
        pytest.param({"value": 6e11 * (1 + 1e-7)}, {"value": 6e11}, True, id="within-tolerance"),
        pytest.param({"value": 6.1e11}, {"value": 6e11}, False, id="different"),
        pytest.param({"low": 1.75e11, "high": 1.85e11}, {"low": 1.75e11, "high": 1.85e11}, True, id="range"),
        pytest.param({"value": 1.85e11}, {"low": 1.75e11, "high": 1.85e11}, False, id="point-vs-range"),
        pytest.param({"low": 10, "high": None}, {"low": 10, "high": None}, True, id="open-range"),
        pytest.param({"low": 10, "high": 20}, {"low": 10, "high": None}, False, id="open-vs-closed"),
        pytest.param({"value": 0.0}, {"value": 0}, True, id="zero"),
        pytest.param({"value": None}, {"value": 5}, False, id="missing-value"),
    ],
)
def test_values_match(pred, gold, expected):
    assert A.values_match(pred, gold) is expected


def test_gold_view_and_attributes():
    gold = [A.gold_view(rec(0, 5, unit="MW", value=300, low=None, high=None, period="as of Q1 2026", approx="exact",
                            subject="Colossus-1 data center (xAI)", source=None, kind="fact",
                            metric="power capacity"))]
    preds = [rec(0, 5, unit="W", value=3e8, period="2026-Q1", approx="exact", subject="xAI", source=None,
                 kind="estimate", metric="capacity")]
    got = A.score_attributes([(0, 0)], preds, gold)
    assert {k: (v[0], v[1]) for k, v in got.items()} == {
        "value_unit": (1, 1), "approx": (1, 1), "period": (1, 1), "subject": (1, 1), "metric": (1, 1),
        "source": (1, 1), "kind": (0, 1)}


# -- conflicts ------------------------------------------------------------------------

CGOLD = [
    rec(0, 10, doc="002.txt", id="002-5", same_as=None),
    rec(50, 60, doc="002.txt", id="002-6", same_as=None),
    rec(70, 80, doc="002.txt", id="002-50", same_as="002-6"),
    rec(0, 10, doc="004.txt", id="004-8", same_as=None),
    rec(20, 30, doc="004.txt", id="004-9", same_as=None),
    rec(40, 50, doc="004.txt", id="004-4", same_as=None),
]
CPAIRS = [
    {"a": "002-5", "b": "004-8", "verdict": "contradiction"},
    {"a": "002-6", "b": "004-9", "verdict": "consistent"},
    {"a": "002-50", "b": "004-9", "verdict": "consistent"},
]


def conflict(a, b):
    return {"a": a, "b": b, "verdict": "contradiction", "why": "", "score": 1.0}


@pytest.mark.parametrize(
    "gid,expected",
    [pytest.param("002-50", "002-6", id="follows-same-as"), pytest.param("002-5", "002-5", id="canonical-stays")],
)
def test_canonical_id(gid, expected):
    assert A.canonical_id(gid, {g["id"]: g["same_as"] for g in CGOLD}) == expected


def test_gold_pairs_collapse_same_as():
    got = A.gold_pairs(CPAIRS, {g["id"]: g["same_as"] for g in CGOLD})
    assert got == {("002-5", "004-8"): "contradiction", ("002-6", "004-9"): "consistent"}


@pytest.mark.parametrize(
    "claim,expected",
    [
        pytest.param(rec(2, 8, doc="corpus/002.txt"), "002-5", id="path-matched-by-basename"),
        pytest.param(rec(55, 75, doc="002.txt"), "002-6", id="largest-overlap"),
        pytest.param(rec(200, 210, doc="002.txt"), None, id="no-overlap"),
    ],
)
def test_gold_id_for(claim, expected):
    assert A.gold_id_for(claim, CGOLD) == expected


@pytest.mark.parametrize(
    "conflicts,recall,false_alarms,unlisted,unmapped",
    [
        pytest.param([conflict(rec(0, 10, doc="corpus/002.txt"), rec(0, 10, doc="corpus/004.txt"))], 1.0, 0, 0, 0,
                     id="found"),
        pytest.param([conflict(rec(0, 10, doc="004.txt"), rec(0, 10, doc="002.txt"))], 1.0, 0, 0, 0,
                     id="order-free"),
        pytest.param([conflict(rec(72, 78, doc="002.txt"), rec(20, 30, doc="004.txt"))], 0.0, 1, 0, 0,
                     id="false-alarm-via-same-as"),
        pytest.param([conflict(rec(50, 60, doc="002.txt"), rec(20, 30, doc="004.txt")),
                      conflict(rec(70, 80, doc="002.txt"), rec(20, 30, doc="004.txt"))], 0.0, 1, 0, 0,
                     id="same-canonical-pair-counted-once"),
        pytest.param([conflict(rec(0, 10, doc="002.txt"), rec(40, 50, doc="004.txt"))], 0.0, 0, 1, 0, id="unlisted"),
        pytest.param([conflict(rec(300, 310, doc="002.txt"), rec(40, 50, doc="004.txt"))], 0.0, 0, 0, 1,
                     id="unmapped"),
        pytest.param([], 0.0, 0, 0, 0, id="nothing-flagged"),
    ],
)
def test_score_conflicts(conflicts, recall, false_alarms, unlisted, unmapped):
    verdicts = A.gold_pairs(CPAIRS, {g["id"]: g["same_as"] for g in CGOLD})
    sc = A.score_conflicts(conflicts, CGOLD, verdicts)
    assert sc.recall == recall
    assert (len(sc.false_alarms), len(sc.unlisted), len(sc.unmapped)) == (false_alarms, unlisted, unmapped)


# -- outside test cases ---------------------------------------------------------------


@pytest.mark.parametrize(
    "s,expected",
    [
        pytest.param("75000000", 75e6, id="integer"),
        pytest.param("0.5", 0.5, id="decimal"),
        pytest.param("100%", 100.0, id="percent"),
        pytest.param("-5%", -5.0, id="negative-percent"),
        pytest.param("1/2", 0.5, id="fraction"),
        pytest.param("1,234.5", 1234.5, id="thousands-separator"),
        pytest.param(None, None, id="null"),
        pytest.param("(20,35]", None, id="interval-not-a-number"),
        pytest.param("null", None, id="literal-null"),
    ],
)
def test_parse_rt_value(s, expected):
    assert A.parse_rt_value(s) == expected


def rt_case(*items):
    return {"id": "x", "input": "...", "expected": list(items)}


def rt_item(start, end, value, unit=None, iso=None):
    res = {"value": value, "unit": unit}
    if iso:
        res["isoCurrency"] = iso
    return {"text": "", "start": start, "end": end, "value": value, "unit": unit, "resolution": res}


@pytest.mark.parametrize(
    "model,case,expected",
    [
        pytest.param("NumberModel", rt_case(rt_item(0, 2, "192")), [A.Expect(0, 3, "count", 192.0)],
                     id="number-end-made-exclusive"),
        pytest.param("PercentModel", rt_case(rt_item(4, 7, "100%")), [A.Expect(4, 8, "percent", 100.0)], id="percent"),
        pytest.param("CurrencyModel", rt_case(rt_item(0, 4, "5", "Dollar")), [A.Expect(0, 5, "USD", 5.0)],
                     id="dollar-is-usd"),
        pytest.param("CurrencyModel", rt_case(rt_item(0, 4, "5", "Canadian dollar", "CAD")),
                     [A.Expect(0, 5, "CAD", 5.0)],
                     id="iso-code-wins"),
        pytest.param("CurrencyModel", rt_case(rt_item(0, 7, "34", "Cent")), [A.Expect(0, 8, "USD", 0.34)],
                     id="cents-scaled"),
        pytest.param("CurrencyModel", rt_case(rt_item(0, 7, "3", "Franc")), None, id="ambiguous-currency-out"),
        pytest.param("CurrencyModel", rt_case(rt_item(0, 5, None, "Dollar")), None, id="bare-unit-word-out"),
        pytest.param("DimensionModel", rt_case(rt_item(0, 6, "3", "Kilometer")), [A.Expect(0, 7, "m", 3000.0)],
                     id="km-to-m"),
        pytest.param("DimensionModel", rt_case(rt_item(0, 6, "3", "Megabit")), None, id="unmapped-dimension-out"),
        pytest.param("NumberModel", rt_case(), [], id="negative-case"),
    ],
)
def test_rt_expected(model, case, expected):
    got = A.rt_expected(model, case)
    if expected is None:
        assert got is None
    else:
        assert A.case_passes(got, expected)


def q3_case(*items):
    return {"id": "q", "input": "...", "expected": list(items)}


@pytest.mark.parametrize(
    "case,expected",
    [
        pytest.param(q3_case({"value": 2000, "unit": "pound sterling", "span": [32, 38]}),
                     [A.Expect(32, 38, "GBP", 2000.0)], id="money"),
        pytest.param(q3_case({"value": 6, "unit": "week", "span": [0, 9]}), [A.Expect(0, 9, "day", 42.0)],
                     id="weeks-as-days"),
        pytest.param(q3_case({"value": 8.5, "unit": "dimensionless", "span": [0, 7], "uncertainty": 1.5}),
                     [A.Expect(0, 7, "count", None, 7.0, 10.0)], id="range-from-uncertainty"),
        pytest.param(q3_case({"value": 15.2, "unit": "gigawatt", "span": [0, 6]}), [A.Expect(0, 6, "W", 1.52e10)],
                     id="power-in-scope"),
        pytest.param(q3_case({"value": 35, "unit": "percentage", "span": [0, 3]},
                             {"value": 2, "unit": "metre", "span": [5, 9]}), None, id="length-out-of-scope"),
        pytest.param(q3_case({"value": 1, "unit": "candela second", "span": [0, 4]}), None, id="unknown-unit-out"),
    ],
)
def test_q3_expected(case, expected):
    got = A.q3_expected(case)
    if expected is None:
        assert got is None
    else:
        assert A.case_passes(got, expected)


@pytest.mark.parametrize(
    "unit,expected",
    [
        pytest.param("count", "number", id="count"),
        pytest.param("percent", "percent", id="percent"),
        pytest.param("percentage_point", "percent", id="pp"),
        pytest.param("times", "multiplier", id="times"),
        pytest.param("USD", "money", id="iso"),
        pytest.param("year", "duration", id="year"),
        pytest.param("W", "power", id="watt"),
        pytest.param("m", "physical", id="metre"),
        pytest.param("?currency:rupee", "money", id="unmapped-currency"),
        pytest.param("?length:league", "physical", id="unmapped-length"),
    ],
)
def test_unit_category(unit, expected):
    assert A.unit_category(unit) == expected


@pytest.mark.parametrize(
    "q,expected",
    [
        pytest.param(SimpleNamespace(start=10, end=25, surface="1,000 companies", unit="count", noun="companies"),
                     (10, 15), id="count-noun-stripped"),
        pytest.param(SimpleNamespace(start=0, end=12, surface="$200 billion", unit="USD", noun=None), (0, 12),
                     id="money-untouched"),
        pytest.param(SimpleNamespace(start=0, end=8, surface="fivefold", unit="times", noun=None), (0, 8),
                     id="multiplier-untouched"),
        pytest.param(SimpleNamespace(start=0, end=4, surface="cars", unit="count", noun="cars"), (0, 4),
                     id="noun-only-kept"),
    ],
)
def test_number_span(q, expected):
    assert A.number_span(q) == expected


def test_number_to_expect_is_a_bare_count():
    twenty = SimpleNamespace(start=1, end=3, value=20.0)  # the "20" of "$20"
    assert A.number_to_expect(twenty) == A.Expect(1, 3, "count", 20.0)


def _quantity_layer(text):
    return []


def _number_layer(text):
    return []


def _quantulum3(text):
    return []


@pytest.mark.parametrize(
    "label,ours",
    [
        pytest.param("NumberModel", _number_layer, id="number-model-scores-the-number-layer"),
        pytest.param("PercentModel", _quantity_layer, id="percent-model-scores-quantities"),
        pytest.param("CurrencyModel", _quantity_layer, id="currency-model-scores-quantities"),
        pytest.param("DimensionModel", _quantity_layer, id="dimension-model-scores-quantities"),
        pytest.param("quantulum3", _quantity_layer, id="quantulum3-cases-score-quantities"),
    ],
)
def test_case_systems_score_the_layer_the_file_names(label, ours):
    layers = {"quantities": (_quantity_layer, A.ours_to_expect), "numbers": (_number_layer, A.number_to_expect)}
    cf = next(c for c in A.case_files() if c.label == label)
    systems = A.case_systems(cf, layers, (_quantulum3, A.q3_to_expect))
    assert systems["ours"][0] is ours
    assert systems["quantulum3"][0] is _quantulum3  # quantulum3 has no number layer: always its parser


def test_case_systems_without_the_layer_score_only_the_peer():
    cf = next(c for c in A.case_files() if c.label == "NumberModel")
    systems = A.case_systems(cf, {"quantities": (_quantity_layer, A.ours_to_expect)}, (_quantulum3, A.q3_to_expect))
    assert set(systems) == {"quantulum3"}


@pytest.mark.parametrize(
    "found,expected,ok",
    [
        pytest.param([A.Expect(0, 3, "count", 192.0)], [A.Expect(0, 3, "count", 192.0)], True, id="same"),
        pytest.param([A.Expect(0, 3, "count", 192.0)], [A.Expect(0, 4, "count", 192.0)], False, id="span-differs"),
        pytest.param([A.Expect(0, 3, "USD", 5.0)], [A.Expect(0, 3, "CAD", 5.0)], False, id="unit-differs"),
        pytest.param([A.Expect(0, 3, "count", 1 / 3)], [A.Expect(0, 3, "count", 0.333333333333333)], True,
                     id="value-tolerance"),
        pytest.param([], [A.Expect(0, 3, "count", 1.0)], False, id="missed"),
        pytest.param([A.Expect(0, 3, "count", 1.0)], [], False, id="extra-on-negative-case"),
        pytest.param([], [], True, id="negative-case-passed"),
        pytest.param([A.Expect(5, 6, "count", 2.0), A.Expect(0, 1, "count", 1.0)],
                     [A.Expect(0, 1, "count", 1.0), A.Expect(5, 6, "count", 2.0)], True, id="order-free"),
    ],
)
def test_case_passes(found, expected, ok):
    assert A.case_passes(found, expected) is ok


@pytest.mark.parametrize(
    "unit,category,ok",
    [
        pytest.param("W", "physical", True, id="power-is-a-dimension"),
        pytest.param("count", "number", True, id="count-is-number"),
        pytest.param("USD", "number", False, id="money-is-not-number"),
        pytest.param("year", "physical", False, id="duration-is-not-dimension"),
    ],
)
def test_category_matches(unit, category, ok):
    assert A.category_matches(unit, category) is ok


# -- floors ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "figures,floors,peers,statuses",
    [
        pytest.param({"gold.f1": 0.95}, {"gold.f1": 0.9}, False, ["ok"], id="above-floor"),
        pytest.param({"gold.f1": 0.85}, {"gold.f1": 0.9}, False, ["FAIL"], id="below-floor"),
        pytest.param({"gold.chrome": 0}, {"gold.chrome_max": 0}, False, ["ok"], id="max-met"),
        pytest.param({"gold.chrome": 1}, {"gold.chrome_max": 0}, False, ["FAIL"], id="max-exceeded"),
        pytest.param({}, {"conflicts.recall": 0.0}, False, ["FAIL (not measured)"], id="missing-figure-fails"),
        pytest.param({}, {"cases.NumberModel.ours": 0.0}, False, ["skipped"], id="peer-figure-without-peers"),
        pytest.param({}, {"cases.NumberModel.ours": 0.0}, True, ["FAIL (not measured)"], id="peer-figure-with-peers"),
    ],
)
def test_check_floors(figures, floors, peers, statuses):
    assert [r[3] for r in A.check_floors(figures, floors, peers)] == statuses


def test_floors_file_is_valid_and_permissive():
    floors = A.load_floors(A.REPO / "bench" / "floors.json")
    assert "gold.detection_f1_strict" in floors and "conflicts.recall" in floors
    assert all(isinstance(v, (int, float)) for v in floors.values())


# -- the script end to end, with a fake product command line ---------------------------


def fake_cli(extract_lines, conflict_lines, fail=None):
    """Stand-in for `claims ...`: prints canned JSONL, or fails for the named command."""

    def cli(*args):
        cmd = args[0]
        if cmd == fail:
            code = "import sys; sys.stderr.write('No module named claims.cli\\n'); sys.exit(1)"
        else:
            lines = {"extract": extract_lines, "conflicts": conflict_lines}.get(cmd, [])
            code = f"import sys; sys.stdout.write({''.join(json.dumps(x) + chr(10) for x in lines)!r})"
        return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)

    return cli


@pytest.fixture
def fake_shared(tmp_path, monkeypatch):
    doc = sorted(p.name for p in (A.REPO / "corpus").glob("*.txt"))[0]
    gold = tmp_path / "gold"
    gold.mkdir()
    claims = [
        dict(doc=doc, id="g-1", start=0, end=5, unit="MW", value=300, low=None, high=None, approx="exact",
             period="Q1 2026", subject="Meta", source=None, kind="fact", borderline=False, same_as=None),
        dict(doc=doc, id="g-2", start=10, end=15, unit="percent", value=5, low=None, high=None, approx="exact",
             period=None, subject=None, source=None, kind="fact", borderline=True, same_as=None),
    ]
    (gold / "claims.jsonl").write_text("".join(json.dumps(c) + "\n" for c in claims))
    (gold / "chrome.jsonl").write_text(json.dumps(dict(doc=doc, start=100, end=110)) + "\n")
    (gold / "contradictions.jsonl").write_text("")
    monkeypatch.setenv("CLAIMS_SHARED", str(tmp_path))
    return doc


def test_main_with_fake_product(fake_shared, monkeypatch, capsys):
    doc = fake_shared
    preds = [
        dict(doc=f"corpus/{doc}", start=0, end=5, surface="x", unit="W", value=3e8, low=None, high=None, approx="exact",
             period="2026-Q1", subject="Meta", source=None, kind="fact"),
        dict(doc=f"corpus/{doc}", start=101, end=104, surface="y", unit="count", value=1, low=None, high=None,
             approx="exact", period=None, subject=None, source=None, kind="fact"),
    ]
    monkeypatch.setattr(A, "cli", fake_cli(preds, []))
    assert A.main(["--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["gold.detection_recall_strict"] == 1.0
    assert figures["gold.detection_precision_strict"] == 0.5
    assert figures["gold.value_unit"] == 1.0 and figures["gold.period"] == 1.0
    assert figures["gold.chrome_claims"] == 1
    assert figures["conflicts.flagged"] == 0


def test_main_reports_missing_product(fake_shared, monkeypatch, capsys):
    monkeypatch.setattr(A, "cli", fake_cli([], [], fail="extract"))
    assert A.main([]) == 2
    err = capsys.readouterr().err
    assert "cannot measure section gold" in err and "claims extract" in err


def test_main_check_fails_below_floor(fake_shared, monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(A, "cli", fake_cli([], []))
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"gold.detection_recall_strict": 0.5, "_note": "ignored"}))
    assert A.main(["--check", "--floors", str(floors)]) == 1
    assert "FAIL" in capsys.readouterr().out


# -- QuanTemp coverage: which claims state a number -----------------------------------

from bench import quantemp as Q  # noqa: E402


@pytest.mark.parametrize("text,expected", [
    pytest.param("Video from the January 6, 2021 riot shows police.", False, id="date-only"),
    pytest.param("COVID-19 vaccines alter DNA.", False, id="name-number"),
    pytest.param("Hillary Clinton spoke at a 2016 event on 3rd May.", False, id="year-and-day"),
    pytest.param("Photo shows seven babies born to one mother.", True, id="number-word"),
    pytest.param("Biden's ban will kill 120,000 Texas jobs.", True, id="digits"),
])
def test_quantemp_states_a_number(text, expected):
    assert Q.states_a_number(text) is expected
