"""Comparing two figures' values: each read as the set of values its words allow.

A point value allows its rounding interval by its stated precision (`stated_step` of the
record: "$150 billion" allows 149.5–150.5 billion), widened for hedges ("roughly"); "more than", "at least",
"up to", "less than" make it one-sided; a range with precisely stated bounds means those
bounds. Two figures agree when their sets meet; a disagreement's score grows with the
gap beyond what rounding allows and falls with each hedged side.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Optional

from extract.records import Approx, Claim

from claims.reconcile.rules import _rules

INF = math.inf
# Hedged figures are read this loosely (relative), e.g. "roughly $150 billion".
APPROX_TOLERANCE = 0.05
# Relative slack for float comparisons of interval bounds.
FLOAT_SLACK = 1e-9



def interval(c: Claim) -> tuple[float, float, bool]:
    """The values a claim allows: (low, high, bounds_are_precise)."""
    if c.value is not None:
        v = c.value
        step = c.stated_step(v)
        if c.approx == Approx.approximately:
            step = max(step, abs(v) * APPROX_TOLERANCE)
        if c.approx in (Approx.more_than, Approx.at_least):
            return v - step, INF, False
        if c.approx in (Approx.up_to, Approx.less_than):
            return -INF, v + step, False
        return v - step, v + step, True
    lo = c.low if c.low is not None else -INF
    hi = c.high if c.high is not None else INF
    if c.approx == Approx.approximately:
        return lo * (1 - APPROX_TOLERANCE), hi * (1 + APPROX_TOLERANCE), False
    if c.approx in (Approx.more_than, Approx.at_least):
        return lo, INF, False
    if c.approx in (Approx.up_to, Approx.less_than):
        return -INF, hi, False
    return lo, hi, True


def compare(a: Claim, b: Claim) -> tuple[bool, str, float]:
    """(agrees, why, score) for two comparable claims; score 0.0 when they agree."""
    agrees, score, finding = judge(a, b)
    return agrees, f"{a.subject} {a.metric}, {a.period}: {said(a, b)}{finding}", score


def said(a: Claim, b: Claim) -> str:
    """What each side says, for a `why` sentence."""
    return f"{_where(a)} says {a.surface!r}, {_where(b)} says {b.surface!r}"


def judge(a: Claim, b: Claim) -> tuple[bool, float, str]:
    """(agrees, score, finding) for two comparable claims: `compare` without the sentence's
    opening (what the figure is and what each side says), which the finding follows."""
    if _is_precise_range(a) and _is_precise_range(b):
        tol = max(a.stated_step(a.high), b.stated_step(b.high)) * 2
        if abs(a.low - b.low) <= tol and abs(a.high - b.high) <= tol:
            return True, 0.0, ": the same range."
        gap = max(abs(a.low - b.low), abs(a.high - b.high)) / max(abs(a.high), abs(b.high), 1e-300)
        return False, _score(gap, a, b), (
            "; both state precise bounds and they differ"
            f" ({_fmt(a.low)}–{_fmt(a.high)} vs {_fmt(b.low)}–{_fmt(b.high)})."
        )
    alo, ahi, _ = interval(a)
    blo, bhi, _ = interval(b)
    # a bound met exactly ("$102.3 billion" up to 102.35 vs "$102.35 billion") must
    # not fail on the last bit of a float
    magnitude = max(_magnitude(a), _magnitude(b))
    slack = FLOAT_SLACK * magnitude
    if alo <= bhi + slack and blo <= ahi + slack:
        return True, 0.0, ": compatible once rounding, ranges and hedges are allowed for."
    gap = max(blo - ahi, alo - bhi) / max(magnitude, 1e-300)
    return False, _score(gap, a, b), (
        "; they do not overlap even allowing for rounding, ranges and hedges"
        f" ({_span(alo, ahi)} vs {_span(blo, bhi)})."
    )


def far_apart(a: Claim, b: Claim) -> bool:
    """Figures of one sign more than `max_ratio` apart: not two reports of one figure."""
    x, y = abs(_mid(a)), abs(_mid(b))
    if _mid(a) * _mid(b) <= 0:
        return False
    return max(x, y) / min(x, y) > _rules().max_ratio


def _is_precise_range(c: Claim) -> bool:
    return c.value is None and c.low is not None and c.high is not None and c.approx == Approx.exact


def _magnitude(c: Claim) -> float:
    value, low, high = c.value, c.low, c.high
    return max(abs(value) if value is not None else 0.0, abs(low) if low is not None else 0.0,
               abs(high) if high is not None else 0.0)


def _score(gap: float, a: Claim, b: Claim) -> float:
    r = _rules()
    score = r.base + r.spread * min(1.0, max(0.0, gap) / r.saturate_gap)
    for c in (a, b):
        if c.approx != Approx.exact:
            score *= r.hedged_factor
    return round(score, 3)


def _where(c: Claim) -> str:
    """A short name for a claim's document in a `why` sentence."""
    return _short_doc_name(c.doc)


@lru_cache(maxsize=4096)  # asked for each side of every pair compared
def _short_doc_name(doc: str) -> str:
    if "://" in doc:
        return doc if len(doc) <= 60 else doc[:57] + "..."
    return PurePosixPath(doc.replace("\\", "/")).name


def _fmt(x: Optional[float]) -> str:
    if x is None:
        return "?"
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    for scale, word in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million")):
        if abs(x) >= scale:
            return f"{x / scale:.4g}{word}"
    return f"{x:.4g}"


def _span(lo: float, hi: float) -> str:
    if math.isinf(hi):
        return f"above {_fmt(lo)}"
    if math.isinf(lo):
        return f"up to {_fmt(hi)}"
    return f"{_fmt(lo)}–{_fmt(hi)}"



def _mid(c: Claim) -> float:
    if c.value is not None:
        return c.value
    vals = [x for x in (c.low, c.high) if x is not None]
    return sum(vals) / len(vals)


