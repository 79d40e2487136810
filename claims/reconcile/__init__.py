"""Reconciliation: which stored figures are about the same thing, and which disagree.

The package: this module pairs figures by key (below) and keeps facts, corroborations and
vintage; compare.py reads two values as the sets their words allow; candidates.py,
evidence.py and pairs.py pair figures whose framing differs by the words of their
clauses (an FTS5 index) and give each conflict a tier (`contradiction` or `possible`),
a score and the evidence that paired it; rules.py loads claims/data/reconcile.toml.

By key:
Two claims are comparable when they share subject, metric, period and unit after
canonicalisation (extract/data/entities.toml, metrics.toml): "Google's parent" is
Alphabet, "capital expenditure" is capex, "sales growth" is revenue growth, a named
company's bare "growth" is its revenue growth, "Alphabet's cloud revenue" is Google
Cloud's revenue (claims/data/reconcile.toml [segments]), "data center segment revenue"
is data center revenue; a fiscal period is its calendar period where the company's
fiscal quarters are calendar quarters (Microsoft FY2026-Q1 is 2025-Q3). A part is not
its whole (AWS is not Amazon), a growth rate is not a level, growth from the previous
quarter is not growth from a year earlier, percent is not percentage points, a quarter
is not a year, a figure "so far this year" is no figure for a period. A forecast and
the outcome reported for its period are not compared (both are right as reported).
They must also be the same speaker's: a third party's estimate
or forecast ("Bernstein estimates ...", a consensus "according to LSEG") is compared
only with the same party's figures, never with the company's own or another party's,
since both can be reported right. Vague magnitudes ("hundreds of billions"),
illustrative figures and figures more than a factor `max_ratio` apart (a segment
named like its total) are never compared. A comparable pair agrees when the figures
are compatible once each is read as the set of values its words allow:

- a point value allows its rounding interval, by its stated precision ("$150
  billion" allows 149.5–150.5 billion; "$62.3 billion" 62.25–62.35 billion), widened
  for "roughly"-style hedges;
- "more than", "at least", "up to", "less than" make it one-sided;
- a range with precisely stated bounds means those bounds: "$175–185 billion" vs
  "$180–190 billion" is a conflict even though they overlap;
- a point inside a range agrees with it ("$145 billion" vs "$125–145 billion");
- a run-rate agrees with the level of one period times the periods in a year
  ("$150 billion annualised" vs "$37.6 billion in Q1").

Repeated mentions of one figure inside one document are one fact (all mentions kept),
so the queue is not padded; a range with precise bounds speaks for its fact, not a
point the article restates inside it ("$175-185 billion ... $180 billion at the
midpoint" disagrees with "$180-190 billion"); an article that states two figures for
one thing (an old and a new forecast) conflicts with no article that agrees with one
of them. Every conflict between facts of different documents has a score in [0, 1]
and a one-sentence `why`; a conflict that a revision cue explains ("raised its
guidance to ...") is kept, said so, and scored lower. Groups of agreeing
facts from two or more documents are corroborations.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING, Iterable, Optional

from pydantic import BaseModel, ConfigDict

from extract.records import Approx, Claim, Kind, Period, PeriodKind, StoredClaim
from extract.vocab import entity_table, metric_vocabulary

from claims.reconcile.compare import (  # noqa: F401  (the reconciler's public names)
    APPROX_TOLERANCE, FLOAT_SLACK, INF, _fmt, _is_precise_range, _magnitude, _mid, _score, _span, _where, compare,
    far_apart, interval, stated_step,
)
from claims.reconcile.rules import _cue_pattern, _rules, _Rules, _suffix_pattern  # noqa: F401

if TYPE_CHECKING:
    from claims.store import ClaimStore


class Verdict(BaseModel):
    """The reconciler's finding on two facts from different documents."""

    model_config = ConfigDict(frozen=True)

    a_id: int
    b_id: int
    agrees: bool
    why: str
    score: float
    explained: bool = False
    tier: str = "contradiction"  # or "possible": for a reviewer, not confident
    evidence: tuple[str, ...] = ()  # what paired the two figures


class Reconciliation(BaseModel):
    """Everything reconciliation finds in a set of claims, by claim id."""

    conflicts: list[Verdict]
    corroborations: list[list[int]]  # agreeing facts from 2+ documents: all their mentions
    facts: list[list[int]]  # one figure mentioned 2+ times in one document


def comparison_key(c: Claim) -> Optional[tuple]:
    """Claims with equal keys are about the same thing; None: never compared."""
    if not (c.subject and c.metric and c.period):
        return None
    if c.kind == Kind.illustrative:
        return None
    if c.value is None and c.low is None and c.high is None:
        return None
    if is_to_date(c):
        return None
    subject, metric, period = normalised_fields(c)
    return (subject.lower(), metric.lower(), period, c.unit, speaker(c))


def speaker(c: Claim) -> Optional[str]:
    """The third party whose estimate or forecast this is; None for a reported figure
    and for the subject's own (a company's guidance, its results)."""
    if not c.source:
        return None
    table = entity_table()
    source = plain_name(c.source) or c.source
    if source.lower() in _rules().consensus:
        return source.lower()
    if c.kind not in (Kind.estimate, Kind.forecast) or source.lower() in _rules().relays:
        return None
    if c.subject and table.whole(source) == table.whole(plain_name(c.subject) or c.subject):
        return None
    return source.lower()


def normalised_fields(c: Claim) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """(subject, metric, period) as reconciliation compares them.

    Names are canonical (extract/data/entities.toml, metrics.toml); a growth metric is
    the growth of its canonical level ("sales growth" is revenue growth); a metric
    named after a parent's unit is that unit's ("Alphabet" + "cloud revenue" is
    "Google Cloud" + "revenue"); a named entity's bare "growth" is its revenue growth;
    a fiscal period is its calendar period where the two align (`calendar_period`).
    """
    subject = plain_name(c.subject)
    metric = _canonical_metric(c.metric)
    if subject and metric:
        subject, metric = _segment_metric(subject, metric)
        if metric == "growth" and subject in entity_table().canonical.values():
            metric = _rules().bare_growth
    if metric and metric.endswith(GROWTH_SUFFIX):
        basis = growth_basis(c)
        if basis:
            metric = f"{metric} ({basis})"
    period = c.period.canonical() if c.period else None
    if period and subject:
        period = calendar_period(period, subject)
    return subject, metric, period


def calendar_period(period: Period, subject: str) -> Period:
    """A fiscal period as the calendar period it is, when the subject's fiscal quarters
    are calendar quarters: Microsoft FY2026-Q1 -> 2025-Q3, Alphabet FY2025 -> 2025."""
    fiscal = period.fiscal and period.kind in (PeriodKind.year, PeriodKind.quarter)
    end = _rules().fiscal_year_end.get(entity_table().whole(subject)) if fiscal else None
    if end is None or end % 3:
        return period  # a year ending in January (Nvidia's) has quarters of its own
    if period.kind == PeriodKind.year:
        return Period.of(period.year) if end == 12 else period
    # months since year 0 of the quarter's last month: Q4 ends with the fiscal year
    last_month = period.year * 12 + (end - 1) - 3 * (4 - period.quarter)
    return Period.of(last_month // 12, PeriodKind.quarter, last_month % 12 // 3 + 1)


def plain_name(name: Optional[str]) -> Optional[str]:
    """The canonical name (extract/data/entities.toml), else the name without "the",
    a possessive and corporate suffixes: "Nebius Group N.V.'s" -> "Nebius"."""
    table = entity_table()
    canonical = table.canonicalise(name) or name
    if not canonical or canonical in table.canonical.values():
        return canonical
    plain = re.sub(r"(?:'s|’s)$", "", canonical.strip())
    plain = re.sub(r"^the\s+", "", plain, flags=re.I)
    plain = _rules().corporate_suffix.sub("", plain).strip(" ,.")
    return (table.canonicalise(plain) or plain) if plain else canonical


GROWTH_SUFFIX = " growth"
FIGURE = re.compile(r"\d")
# Where one figure's clause ends and a neighbour's begins.
CLAUSE_BREAK = re.compile(r"[,;]|\s(?:and|while|but|versus|vs\.?|compared with|compared to)\s", re.I)


def own_stretch(c: Claim) -> str:
    """The figure's own stretch of its sentence: its clause, cut at the figures beside it.

    "Revenue rose 62% from a year earlier and 22% from the previous quarter": the
    stretch of 22% is "22% from the previous quarter.", of 62% "Revenue rose 62% from a
    year earlier", so a cue about one figure is not read as the other's."""
    at = c.quote.find(c.surface)
    if at < 0:
        return c.quote
    before, after = c.quote[:at], c.quote[at + len(c.surface):]
    prev = list(FIGURE.finditer(before))
    if prev:
        before = before[prev[-1].end():]
        before = CLAUSE_BREAK.split(before)[-1]
    nxt = FIGURE.search(after)
    after = CLAUSE_BREAK.split(after[: nxt.start()] if nxt else after)[0]
    return before + c.surface + after


# The basis recognition read ("yoy", "qoq", "constant currency") as reconciliation names it:
# a year-on-year rate is the default outlets give, so it and an unstated basis are one.
BASIS_NAMES = {"qoq": "sequential", "constant currency": "constant currency"}


def growth_basis(c: Claim) -> Optional[str]:
    """"sequential" or "constant currency" when recognition read that basis; None: year on year."""
    return BASIS_NAMES.get(c.basis) if c.basis else None


def is_to_date(c: Claim) -> bool:
    """A part of its period so far ("$64 billion so far this year")."""
    return bool(_rules().to_date.search(own_stretch(c)))


def _canonical_metric(metric: Optional[str]) -> Optional[str]:
    vocab = metric_vocabulary()
    if not metric:
        return metric
    name = metric.strip().lower()
    if name in vocab.canonical:
        return vocab.canonicalise(name)
    if name.endswith(GROWTH_SUFFIX) and name != GROWTH_SUFFIX.strip():
        return _canonical_metric(name[: -len(GROWTH_SUFFIX)]) + GROWTH_SUFFIX
    rules = _rules()
    if name in rules.metric_same_as:
        return _canonical_metric(rules.metric_same_as[name])
    words = name.split()
    if len(words) > 1 and words[0] in rules.neutral_words:
        return _canonical_metric(" ".join(words[1:]))
    # owner words only after a word naming the business: "segment revenue" may be any segment's
    kept = words[:1] + [w for w in words[1:] if w not in rules.owner_words]
    if len(kept) < len(words):
        return _canonical_metric(" ".join(kept))
    return vocab.canonicalise(name)


def _segment_metric(subject: str, metric: str) -> tuple[str, str]:
    """A metric named after one of the subject's business units is that unit's metric."""
    word, _, rest = metric.partition(" ")
    if not rest:
        return subject, metric
    table = entity_table()
    parent = table.whole(subject)
    unit = _rules().segments.get(parent, {}).get(word.lower())
    if unit is None or subject not in (parent, unit):
        return subject, metric
    return unit, _canonical_metric(rest)


def is_vague(c: Claim) -> bool:
    """Vague magnitudes ("hundreds of billions") carry order-of-magnitude bands, not figures
    to compare: recognition marks them on the record."""
    return bool(c.vague)


def forecast_and_outcome(a: Claim, b: Claim) -> bool:
    """A forecast and a reported fact for one period are a plan and its outcome, both
    right as reported ("expects $54 billion" vs "reported $57.01 billion"), when their
    words say so too: the forecast's stretch has an outlook word, the fact's none."""
    if {a.kind, b.kind} != {Kind.forecast, Kind.fact}:
        return False
    forecast, fact = (a, b) if a.kind == Kind.forecast else (b, a)
    outlook = _rules().outlook
    return bool(outlook.search(own_stretch(forecast))) and not outlook.search(own_stretch(fact))


# --------------------------------------------------------------------------- facts


@dataclass
class _Fact:
    """One figure in one document: its mentions, and the one that speaks for it."""

    mentions: list[StoredClaim]

    @property
    def representative(self) -> StoredClaim:
        # The fullest statement: a range with precise bounds (a point the same article
        # gives inside it is its midpoint or an end, "$180 billion" for "$175-185
        # billion"), then exact before hedged, then the narrowest allowed interval.
        def specificity(c: StoredClaim):
            lo, hi, _ = interval(c)
            width = hi - lo if not (math.isinf(lo) or math.isinf(hi)) else INF
            return (not _is_precise_range(c), c.approx != Approx.exact, width, c.start)

        return min(self.mentions, key=specificity)

    @property
    def document_id(self) -> int:
        return self.mentions[0].document_id


def _collapse_mentions(members: list[StoredClaim]) -> list[_Fact]:
    """Within each document, mentions that agree with each other are one fact."""
    facts: list[_Fact] = []
    by_doc: dict[int, list[StoredClaim]] = {}
    for c in members:
        by_doc.setdefault(c.document_id, []).append(c)
    for doc_claims in by_doc.values():
        doc_claims.sort(key=lambda c: c.start)
        uf = _UnionFind(c.id for c in doc_claims)
        for a, b in combinations(doc_claims, 2):
            if compare(a, b)[0]:
                uf.union(a.id, b.id)
        clusters: dict[int, list[StoredClaim]] = {}
        for c in doc_claims:
            clusters.setdefault(uf.find(c.id), []).append(c)
        facts.extend(_Fact(ms) for ms in clusters.values())
    return facts


class _UnionFind:
    def __init__(self, ids: Iterable[int]):
        self.parent = {i: i for i in ids}

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x: int, y: int) -> None:
        self.parent[self.find(x)] = self.find(y)


# --------------------------------------------------------------------------- reconcile


def _stated_by_both(fa: _Fact, fb: _Fact, facts: list[_Fact]) -> bool:
    """Whether one document also states the other's figure, beside a different one.

    An article that gives two figures for one thing ("expects about $5 billion, up from
    an earlier forecast of roughly $2 billion") records the change itself; another
    article's "$5 billion" agrees with it and is no conflict with its "$2 billion"."""
    for mine, theirs in ((fa, fb), (fb, fa)):
        for other in facts:
            if other is not mine and other.document_id == mine.document_id \
                    and not far_apart(other.representative, theirs.representative) \
                    and compare(other.representative, theirs.representative)[0]:
                return True
    return False


def _granularity(period: Period) -> Optional[str]:
    """"quarter", "half" or "month": a part of a year a run-rate scales by; None otherwise."""
    if period.kind == PeriodKind.month and period.fiscal:
        return None
    return period.kind.value if period.per_year else None


def _annualised(c: StoredClaim, factor: int) -> StoredClaim:
    return c.model_copy(update={
        "value": c.value * factor if c.value is not None else None,
        "low": c.low * factor if c.low is not None else None,
        "high": c.high * factor if c.high is not None else None,
    })


def _revision_cue(c: Claim) -> Optional[str]:
    m = _rules().revision.search(c.quote)
    return m.group(0) if m else None


def _conflict(a: StoredClaim, b: StoredClaim, why: str, score: float, tier: str = "contradiction",
              evidence: tuple[str, ...] = (), later: Optional[StoredClaim] = None) -> Verdict:
    """A conflict; one a revision cue or a later report explains is kept, said so, and scored lower.

    later: the later report by publication date, when known."""
    cue_a, cue_b = _revision_cue(a), _revision_cue(b)
    if cue_a or cue_b:
        newer, older, cue = (b, a, cue_b) if cue_b else (a, b, cue_a)
        if later is not None and cue_a and cue_b:
            newer, older = (later, b if later is a else a)
            cue = cue_a if newer is a else cue_b
        why = why.rstrip(".") + (
            f"; {_where(newer)} says {cue!r}, so {_where(older)}'s figure may be an older vintage"
            f" ({_where(newer)}'s is the later)."
        )
        return Verdict(a_id=a.id, b_id=b.id, agrees=False, why=why, tier=tier, evidence=evidence,
                       score=round(score * _rules().explained_factor, 3), explained=True)
    if later is not None:
        older = b if later is a else a
        why = why.rstrip(".") + (f"; {_where(later)} is the later report, so {_where(older)}'s figure"
                                 f" may be an earlier vintage.")
    return Verdict(a_id=a.id, b_id=b.id, agrees=False, why=why, score=score, tier=tier, evidence=evidence)


KEYED_EVIDENCE = ("subject, metric, period and unit framed alike",)


def _opposite(a: StoredClaim, b: StoredClaim) -> bool:
    from claims.reconcile.evidence import opposite_directions

    return opposite_directions(a, b)


def _later(a: StoredClaim, b: StoredClaim, published: dict) -> Optional[StoredClaim]:
    from claims.reconcile.evidence import later_of

    return later_of(a, b, published)


def reconcile(claims: Iterable[StoredClaim], published: Optional[dict] = None) -> Reconciliation:
    """Facts, conflicts between facts of different documents, and corroborations.

    published: document id -> publication date, where known (vintage and period evidence)."""
    claims = list(claims)
    groups: dict[tuple, list[StoredClaim]] = {}
    for c in claims:
        if is_vague(c):
            continue
        key = comparison_key(c)
        if key is not None:
            groups.setdefault(key, []).append(c)
    facts_by_key = {key: _collapse_mentions(members) for key, members in groups.items()}
    all_facts = [f for fs in facts_by_key.values() for f in fs]
    uf = _UnionFind(id(f) for f in all_facts)
    conflicts: list[Verdict] = []

    def judge(fa: _Fact, fb: _Fact, a: StoredClaim, b: StoredClaim, note: str = "") -> None:
        if far_apart(a, b) or forecast_and_outcome(a, b):
            return
        agrees, why, score = compare(a, b)
        if _opposite(a, b):
            agrees, why, score = False, (f"{a.subject} {a.metric}, {a.period}: {_where(a)} says it went "
                                         f"{a.direction.value} ({a.surface!r}), {_where(b)} says it went "
                                         f"{b.direction.value} ({b.surface!r})."), 1.0
        if agrees:
            uf.union(id(fa), id(fb))
        else:
            ra, rb = fa.representative, fb.representative
            conflicts.append(_conflict(ra, rb, why + note, score, evidence=KEYED_EVIDENCE,
                                       later=_later(ra, rb, published or {})))

    for facts in facts_by_key.values():
        for fa, fb in combinations(sorted(facts, key=lambda f: (f.document_id, f.representative.start)), 2):
            if fa.document_id != fb.document_id and not _stated_by_both(fa, fb, facts):
                judge(fa, fb, fa.representative, fb.representative)

    # A run-rate against the level of one period, scaled to a year.
    vocab = metric_vocabulary()
    annualises = {k.lower(): v.lower() for k, v in vocab.annualises.items()}
    for (subject, metric, period, unit, said_by), rate_facts in facts_by_key.items():
        level_metric = annualises.get(metric)
        grain = _granularity(period)
        if level_metric is None or grain is None:
            continue
        factor = _rules().per_year[grain]
        for lf in facts_by_key.get((subject, level_metric, period, unit, said_by), []):
            for rf in rate_facts:
                if rf.document_id == lf.document_id:
                    continue
                r, l = rf.representative, lf.representative
                if far_apart(r, _annualised(l, factor)) or forecast_and_outcome(r, l):
                    continue
                agrees, why, score = compare(r, _annualised(l, factor))
                if agrees:
                    uf.union(id(rf), id(lf))
                else:
                    why = (f"{r.subject} {r.metric}, {r.period}: {_where(r)} says {r.surface!r}, "
                           f"{_where(l)} says {l.surface!r} for the {grain}, which is {_fmt(_mid(l) * factor)} "
                           f"a year; they do not agree even allowing for rounding and hedges.")
                    conflicts.append(_conflict(r, l, why, score, evidence=KEYED_EVIDENCE + ("a run-rate",)))

    from claims.reconcile.pairs import evidence_pass

    conflicts += evidence_pass(claims, all_facts, uf, published or {})
    clusters: dict[int, list[_Fact]] = {}
    for f in all_facts:
        clusters.setdefault(uf.find(id(f)), []).append(f)
    corroborations = sorted(
        sorted(c.id for f in fs for c in f.mentions)
        for fs in clusters.values()
        if len({f.document_id for f in fs}) >= 2
    )
    mention_groups = sorted(sorted(c.id for c in f.mentions) for f in all_facts if len(f.mentions) >= 2)
    conflicts.sort(key=lambda v: (-v.score, v.a_id, v.b_id))
    return Reconciliation(conflicts=conflicts, corroborations=corroborations, facts=mention_groups)


def reconcile_store(store: "ClaimStore") -> Reconciliation:
    """Recompute and replace the store's facts, conflicts and corroborations.

    Reviews are keyed on claims, not on conflict rows, so they survive this."""
    from claims.store import ConflictRecord

    published = {d.id: d.published for d in store.documents()}
    result = reconcile(store.iter_comparable_claims(), published)
    store.replace_conflicts([
        ConflictRecord(a_id=v.a_id, b_id=v.b_id, verdict=v.tier, why=v.why, score=v.score,
                       explained=v.explained, tier=v.tier, evidence=list(v.evidence))
        for v in result.conflicts
    ])
    store.replace_corroborations(result.corroborations)
    store.replace_facts(result.facts)
    return result
