"""Reconciliation: which stored figures are about the same thing, and which disagree.

Two claims are comparable when they come from different documents and share subject,
metric, period and unit (after canonicalisation). Vague magnitudes ("hundreds of
billions") and illustrative figures are never compared. A comparable pair agrees
when the figures are compatible once each is read as the set of values its words
allow:

- a point value allows its rounding interval, by its stated precision ("$150
  billion" allows 149.5–150.5 billion; "$62.3 billion" 62.25–62.35 billion), widened
  for "roughly"-style hedges;
- "more than", "at least", "up to", "less than" make it one-sided;
- a range with precisely stated bounds means those bounds: "$175–185 billion" vs
  "$180–190 billion" is a conflict even though they overlap;
- a point inside a range agrees with it ("$145 billion" vs "$125–145 billion").

Everything else is a conflict, with a score (how far apart, in [0, 1]) and a `why`
an editor can read. Groups of agreeing claims from two or more documents are
corroborations.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import combinations
from typing import Iterable, Optional

from claims.models import Approx, Claim, Kind, StoredClaim

INF = math.inf
# Hedged figures are read this loosely (relative), e.g. "roughly $150 billion".
APPROX_TOLERANCE = 0.05


@dataclass(frozen=True)
class Verdict:
    a_id: int
    b_id: int
    agrees: bool
    why: str
    score: float


def comparison_key(c: Claim) -> Optional[tuple]:
    """Claims with equal keys are about the same thing; None: never compared."""
    if not (c.subject and c.metric and c.period):
        return None
    if c.kind == Kind.illustrative:
        return None
    if c.value is None and c.low is None and c.high is None:
        return None
    return (c.subject.lower(), c.metric.lower(), c.period.lower(), c.unit)


def is_vague(c: Claim) -> bool:
    """Vague magnitudes carry order-of-magnitude bands, not figures to compare."""
    s = c.surface.lower()
    return bool(re.search(r"\b(?:hundreds|tens|thousands|millions|billions|trillions|dozens)\b", s)) or "-dollar" in s


def stated_step(surface: str, scaled: float) -> float:
    """Half the unit of the last stated digit, scaled like the value.

    "$150 billion" -> 0.5e9 ; "$62.3 billion" -> 0.05e9 ; "1,000" -> 0.5.
    """
    nums = re.findall(r"\d[\d,]*(?:\.\d+)?", surface)
    if not nums:
        return abs(scaled) * 0.005
    raw = nums[-1].replace(",", "")
    base = float(raw)
    if base == 0:
        return 0.5
    scale = scaled / base if base else 1.0
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    return 0.5 * (10 ** -decimals) * abs(scale)


def interval(c: Claim) -> tuple[float, float, bool]:
    """The values a claim allows: (low, high, bounds_are_precise)."""
    if c.value is not None:
        v = c.value
        step = stated_step(c.surface, v)
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


def _close(x: float, y: float, tol: float) -> bool:
    return abs(x - y) <= tol


def compare(a: Claim, b: Claim) -> tuple[bool, str, float]:
    """(agrees, why, score) for two comparable claims."""
    a_range = a.value is None
    b_range = b.value is None
    what = f"{a.subject} {a.metric}, {a.period}"
    if a_range and b_range and a.approx == Approx.exact and b.approx == Approx.exact:
        tol = max(stated_step(a.surface, a.high or 0), stated_step(b.surface, b.high or 0)) * 2
        same = _close(a.low, b.low, tol) and _close(a.high, b.high, tol)
        if same:
            return True, f"{what}: both give {a.surface} / {b.surface}", 0.0
        return False, (
            f"{what}: '{a.surface}' vs '{b.surface}': the stated bounds differ"
            f" ({_fmt(a.low)}–{_fmt(a.high)} vs {_fmt(b.low)}–{_fmt(b.high)})"
        ), _distance(a, b)
    alo, ahi, _ = interval(a)
    blo, bhi, _ = interval(b)
    if alo <= bhi and blo <= ahi:
        return True, f"{what}: '{a.surface}' ({a.approx.value}) and '{b.surface}' ({b.approx.value}) are compatible", 0.0
    return False, (
        f"{what}: '{a.surface}' ({a.approx.value}) vs '{b.surface}' ({b.approx.value}) do not overlap"
    ), _distance(a, b)


def _mid(c: Claim) -> float:
    if c.value is not None:
        return c.value
    vals = [x for x in (c.low, c.high) if x is not None]
    return sum(vals) / len(vals)


def _distance(a: Claim, b: Claim) -> float:
    """How far apart, relative: 0 (same) .. 1 (an order of magnitude or more)."""
    x, y = abs(_mid(a)), abs(_mid(b))
    if max(x, y) == 0:
        return 0.0
    return round(min(1.0, abs(x - y) / max(x, y)), 4)


def _fmt(x: Optional[float]) -> str:
    if x is None:
        return "?"
    for scale, word in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million")):
        if abs(x) >= scale:
            return f"{x / scale:g}{word}"
    return f"{x:g}"


def reconcile(claims: Iterable[StoredClaim]) -> tuple[list[Verdict], list[list[int]]]:
    """All conflicts between comparable claims of different documents, and the
    corroborations (connected groups of agreeing claims spanning 2+ documents)."""
    groups: dict[tuple, list[StoredClaim]] = {}
    for c in claims:
        if is_vague(c):
            continue
        key = comparison_key(c)
        if key is not None:
            groups.setdefault(key, []).append(c)
    conflicts: list[Verdict] = []
    corroborations: list[list[int]] = []
    for members in groups.values():
        parent = {c.id: c.id for c in members}

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for a, b in combinations(sorted(members, key=lambda c: (c.document_id, c.start)), 2):
            if a.document_id == b.document_id:
                continue
            agrees, why, score = compare(a, b)
            if agrees:
                parent[find(a.id)] = find(b.id)
            else:
                conflicts.append(Verdict(a.id, b.id, False, why, score))
        clusters: dict[int, list[StoredClaim]] = {}
        for c in members:
            clusters.setdefault(find(c.id), []).append(c)
        for cl in clusters.values():
            if len({c.document_id for c in cl}) >= 2:
                corroborations.append(sorted(c.id for c in cl))
    conflicts.sort(key=lambda v: -v.score)
    return conflicts, corroborations
