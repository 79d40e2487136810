"""Comparison rules, one test each: which pairs conflict and which agree."""

import pytest

from claims.models import Approx, Kind, StoredClaim
from claims.reconcile import compare, interval, reconcile, stated_step

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
    assert stated_step(surface, value) == pytest.approx(step)


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
    same_doc = claim("$150 billion", 150 * B, doc=1)
    illustrative = claim("$10,000", 10000, doc=2, kind="illustrative", period="2026")
    conflicts, corroborations = reconcile([a, b, other_period, quarter, growth, level, same_doc, illustrative])
    pairs = {(c.a_id, c.b_id) for c in conflicts}
    assert (a.id, b.id) in pairs
    assert all(a.id in p or b.id in p or same_doc.id in p for p in pairs)
    assert not any(quarter.id in p or other_period.id in p or growth.id in p for p in pairs)


def test_corroboration_needs_two_documents():
    x = claim("28%", 28, unit="percent", metric="revenue growth", subject="AWS", doc=1)
    y = claim("28%", 28, unit="percent", metric="revenue growth", subject="AWS", doc=2)
    z = claim("28%", 28, unit="percent", metric="revenue growth", subject="AWS", doc=2)
    conflicts, groups = reconcile([x, y, z])
    assert conflicts == []
    assert groups == [sorted([x.id, y.id, z.id])]


def test_vague_magnitudes_are_not_compared():
    x = claim("hundreds of billions of dollars", low=1e11, high=1e12, approx="approximately", doc=1)
    y = claim("$50 billion", 50 * B, doc=2)
    assert reconcile([x, y]) == ([], [])
