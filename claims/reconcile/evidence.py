"""Judging pairs found by evidence (candidates.py): which framed fields stand against a
pair, how its values compare across units, and how confident a disagreement is.

A framed field stated on both sides and different (a part and its whole, a quarter and
a year, revenue and income) keeps a pair apart: framing is strong evidence. A field
stated on one side only is no evidence either way; the words decide. Values are read
as today (`compare`: stated precision, ranges, hedges) once both are in one unit:
durations in seconds, money through a rate the corpus states ("£100m ($127m)"), a
change signed by its direction ("fell 3%" is -3%).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Optional

from extract.records import Claim, Direction, Kind, StoredClaim
from extract.vocab import metric_vocabulary

from claims.reconcile.bridges import cross_named, metrics_bridged, periods_bridged, subject_by_sentence
from claims.reconcile.candidates import CURRENCY, MONTHS, Candidate, dimension, index_words, period_words
from claims.reconcile.events import later_count, same_news_cycle
from claims.reconcile.keys import own_stretch, revision_cue
from claims.reconcile.rules import _rules, candidate_rules


@dataclass
class Pairing:
    """What paired two figures and what stands against them."""

    equal: list[str] = field(default_factory=list)  # framed fields stated alike on both sides
    against: list[str] = field(default_factory=list)  # reasons the pair is not one figure
    bridged: list[str] = field(default_factory=list)  # fields framed apart that the words bridge (bridges.py)
    named: bool = False  # subjects framed apart, and each side's sentence names the other's

    @property
    def kept_apart(self) -> bool:
        return bool(self.against)


def subjects_meet(a: Optional[str], b: Optional[str], canonical: set[str]) -> Optional[bool]:
    """True: one subject; False: different subjects; None: no evidence (one unstated).

    Canonical names (extract/data/entities.toml) must be equal (a part is not its whole);
    free-text subjects meet when one's words hold the other's head ("federal jury" and
    "jury") and are kept apart otherwise only when both are canonical."""
    if not a or not b:
        return None
    if a.lower() == b.lower():
        return True
    if a in canonical and b in canonical:
        return False
    wa, wb = a.lower().split(), b.lower().split()
    if wa[-1] in wb or wb[-1] in wa:
        return True
    return None


def pairing(a: Claim, b: Claim, fa: tuple, fb: tuple, canonical: set[str],
            published: dict[int, Optional[dt.date]], basis_of) -> Pairing:
    """The framed evidence for and against two figures being one."""
    p = Pairing()
    (sa, ma, pa), (sb, mb, pb) = fa, fb
    sa, sb = subject_by_sentence(sa, sb, a), subject_by_sentence(sb, sa, b)
    meets = subjects_meet(sa, sb, canonical)
    if meets is None and cross_named(sa, sb, a, b):  # two sentences naming the same two subjects
        meets, p.named = True, True
    if meets:
        p.equal.append("subject")
    elif meets is False:
        p.against.append(f"subjects differ ({sa} vs {sb})")
    if ma and mb:
        if metrics_meet(ma, mb):
            p.equal.append("metric")
        elif meets and metrics_bridged(ma, mb, a, b):  # a bridge needs the subject framed alike
            p.bridged.append(f"metric ({ma} and {mb}, a growth by its sentence)")
        else:
            p.against.append(f"metrics differ ({ma} vs {mb})")
    if pa and pb:
        if pa == pb:
            p.equal.append("period")
        elif meets and periods_bridged(pa, pb, sa):
            p.bridged.append(f"period ({pa} and {pb}, a fiscal calendar not known)")
        else:
            p.against.append(f"periods differ ({pa} vs {pb})")
    elif not _dates_allow(a, b, published) and not (revised(a) or revised(b)):
        p.against.append("a period unstated and the reports are far apart in time")
    else:
        for framed, other in ((a, b), (b, a)):
            if framed.period and names_another_month(framed.period, other):
                p.against.append(f"{other.surface!r} is said of another month than {framed.period}")
    if not same_news_cycle(a, b, published):
        p.against.append("a disaster's figure: the reports are not of one news cycle, or one is undated")
    if later_count(a, b, published):
        p.against.append("the later report's count of a tally that grows")
    if not pers_meet(a, b):
        p.against.append(f"rates per different things ({a.per} vs {b.per})")
    if basis_of(a) != basis_of(b):
        p.against.append("growth on different bases")
    if expectation_vs_outcome(a, b):
        p.against.append("what was expected vs the outcome")
    if grown_since(a, b, published) or grown_since(b, a, published):
        p.against.append("the later report says the number has changed since")
    return p


def pers_meet(a: Claim, b: Claim) -> bool:
    """Rates per the same thing. A side with no denominator of its own still meets one
    whose denominator its metric names ("earnings per share" $2.53 and "$2.53 a share")."""
    if (a.per or None) == (b.per or None):
        return True
    bare, rate = (a, b) if not a.per else (b, a)
    if bare.per or not bare.metric:
        return False
    return rate.per.lower() in bare.metric.lower().replace("-", " ").split()


def metrics_meet(a: str, b: str) -> bool:
    """One metric: the same name, or a free-text name that only adds a qualifier the
    vocabulary does not know ("transfer fee" and "fee"). A known metric's qualifier says
    which part it is ("data center revenue" is not revenue)."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    ws, wl = short.split(), long_.split()
    if ws[-1] != wl[-1] or not set(ws) <= set(wl):
        return False
    return long_ not in metric_vocabulary().canonical


def expectation_vs_outcome(a: Claim, b: Claim) -> bool:
    """One side is an estimate that its words call an expectation ("$2.52 expected",
    "Wall Street predicted"), the other is not: a forecast and its outcome, both right."""
    if (a.kind == Kind.estimate) == (b.kind == Kind.estimate):
        return False
    estimate = a if a.kind == Kind.estimate else b
    if replaces_estimate(a, b):
        return False
    return bool(_rules().outlook.search(own_stretch(estimate)) or estimate.source)


def replaces_estimate(a: Claim, b: Claim) -> bool:
    """One side is an estimate and the other's sentence says it replaces one ("took in
    $79.4 million, according to final figures, below the studio's Sunday estimate"): two
    readings of one number, the later replacing the earlier, whoever made the estimate."""
    if (a.kind == Kind.estimate) == (b.kind == Kind.estimate):
        return False
    outcome = b if a.kind == Kind.estimate else a
    return candidate_rules().replaces_estimate.search(outcome.quote) is not None


def grown_since(later: StoredClaim, earlier: StoredClaim, published: dict[int, Optional[dt.date]]) -> bool:
    """The later report's clause says the number has moved since ("has grown to 6,000"):
    a new level at a later time, not another reading of the earlier one."""
    dl, de = published.get(later.document_id), published.get(earlier.document_id)
    if dl is None or de is None or dl <= de:
        return False
    return bool(candidate_rules().changed_since.search(own_stretch(later)))


def names_another_month(period: str, c: Claim) -> bool:
    """c's own clause names a month, and not the month of `period` ("revised the May
    figure" is not about 2026-04)."""
    month = period_words(period)
    if month not in MONTHS:
        return False
    named = {w for w in index_words(own_stretch(c)) if w in MONTHS}
    return bool(named) and month not in named


def revised(c: Claim) -> bool:
    """A revision of an earlier figure ("revised the May figure down to"): about an earlier time."""
    return revision_cue(c) is not None


def _dates_allow(a: StoredClaim, b: StoredClaim, published: dict[int, Optional[dt.date]]) -> bool:
    da, db = published.get(a.document_id), published.get(b.document_id)
    if da is None or db is None:
        return True
    return abs((da - db).days) <= candidate_rules().date_window_days


# --------------------------------------------------------------------------- units


def stated_rates(claims: list[StoredClaim]) -> dict[tuple[str, str], float]:
    """Exchange rates the corpus states: an amount restated at once in another currency
    ("£100m ($127m)", "€80 million, or $86 million") gives units of the second per first."""
    rules = candidate_rules()
    by_doc: dict[int, list[StoredClaim]] = {}
    for c in claims:
        if CURRENCY.fullmatch(c.unit or "") and c.value:
            by_doc.setdefault(c.document_id, []).append(c)
    rates: dict[tuple[str, str], list[float]] = {}
    for doc_claims in by_doc.values():
        doc_claims.sort(key=lambda c: c.start)
        for x, y in zip(doc_claims, doc_claims[1:]):
            if x.unit == y.unit or x.quote != y.quote:
                continue
            between = _between(x, y)
            if between is not None and rules.currency_bridge.match(between):
                rates.setdefault((x.unit, y.unit), []).append(y.value / x.value)
                rates.setdefault((y.unit, x.unit), []).append(x.value / y.value)
    return {k: sorted(v)[len(v) // 2] for k, v in rates.items()}


def restatement_pairs(claims: list[StoredClaim]) -> list[tuple[int, int]]:
    """Ids of an amount and its restatement in another currency in the same sentence."""
    rules = candidate_rules()
    out = []
    by_doc: dict[int, list[StoredClaim]] = {}
    for c in claims:
        if CURRENCY.fullmatch(c.unit or ""):
            by_doc.setdefault(c.document_id, []).append(c)
    for doc_claims in by_doc.values():
        doc_claims.sort(key=lambda c: c.start)
        for x, y in zip(doc_claims, doc_claims[1:]):
            between = _between(x, y)
            if x.unit != y.unit and between is not None and rules.currency_bridge.match(between):
                out.append((x.id, y.id))
    return out


def _between(x: StoredClaim, y: StoredClaim) -> Optional[str]:
    if x.quote != y.quote:
        return None
    ix, iy = x.quote.find(x.surface), x.quote.find(y.surface, max(0, x.quote.find(x.surface)))
    if ix < 0 or iy < 0 or iy < ix + len(x.surface):
        return None
    return x.quote[ix + len(x.surface):iy]


def in_unit_of(c: StoredClaim, other: StoredClaim, rates: dict[tuple[str, str], float]) -> Optional[StoredClaim]:
    """c in other's unit (durations in seconds both; money through a stated rate), signed
    by its direction; None when there is no stated rate between the currencies."""
    factor = 1.0
    unit = c.unit
    if dimension(c) == "duration":
        seconds = candidate_rules().seconds
        factor, unit = seconds[c.unit], "second"
    elif c.unit != other.unit and dimension(c) == "money":
        rate = rates.get((c.unit, other.unit))
        if rate is None:
            return None
        factor, unit = rate, other.unit
    sign = -1.0 if _falls(c) else 1.0
    if factor == 1.0 and sign > 0 and unit == c.unit:
        return c  # already in that unit (a copy would hold the same values: x * 1.0 is x)
    return c.model_copy(update={
        "unit": unit,
        "value": _times(c.value, factor * sign),
        "low": _times(c.low if sign > 0 else c.high, factor * sign),
        "high": _times(c.high if sign > 0 else c.low, factor * sign),
    })


def _falls(c: Claim) -> bool:
    """A change stated as a fall ("fell 3%") of a positive amount: read as negative."""
    return c.direction == Direction.down and (c.value or c.low or c.high or 0) > 0


def _times(x: Optional[float], k: float) -> Optional[float]:
    return None if x is None else x * k


def evidence_score(base: float, similarity: float) -> float:
    """A conflict's score weighted by how sure the pairing is."""
    return round(base * (0.5 + 0.5 * min(1.0, similarity)), 3)


def is_finite(c: Claim) -> bool:
    return all(x is None or math.isfinite(x) for x in (c.value, c.low, c.high))


__all__ = ["Candidate", "Pairing", "pairing", "stated_rates", "restatement_pairs", "in_unit_of", "replaces_estimate",
           "evidence_score", "subjects_meet", "is_finite"]
