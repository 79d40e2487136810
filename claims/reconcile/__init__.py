"""Reconciliation: which stored figures are about the same thing, and which disagree.

The package, bottom up: rules.py loads claims/data/reconcile.toml; compare.py reads two
values as the sets their words allow; keys.py reads a figure's framing as reconciliation
compares it (the comparison key, canonical names, calendar periods, the speaker);
facts.py makes one fact of a figure's mentions and a conflict (`StoredConflict`) of two
facts that disagree; events.py says when two reports of a disaster's figure meet;
candidates.py, bridges.py, evidence.py and pairs.py pair figures whose framing differs
by the words of their clauses (an FTS5 index) and give each conflict a tier
(`contradiction` or `possible`), a score and the evidence that paired it. This module
pairs figures by key (below), runs the evidence pass, and keeps facts, corroborations
and conflicts.

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
A figure with no period is compared only when it measures a one-off event: a trial's
length, or a disaster's magnitude or toll, whose time is the day of the event, so two
reports of it meet only when published a few days apart, never from an undated page,
and a toll's later, higher count is no contradiction (claims/reconcile/events.py).
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

import gc
from contextlib import contextmanager
from itertools import combinations
from typing import Iterable, Iterator, Optional

from pydantic import BaseModel

from extract.records import StoredClaim, StoredConflict

from claims.reconcile.compare import (
    APPROX_TOLERANCE, FLOAT_SLACK, INF, _fmt, _mid, _where, compare, far_apart, interval,
)
from claims.reconcile.events import event_why, how_it_moves, later_count, same_news_cycle, undated_event
from claims.reconcile.facts import (
    KEYED_EVIDENCE, Fact, UnionFind, collapse_mentions, later_of, make_conflict, opposite_directions, stated_by_both,
)
from claims.reconcile.keys import (
    annualised, calendar_period, comparison_key, forecast_and_outcome, grain, growth_basis, is_to_date, is_vague,
    normalised_fields, own_stretch, plain_name, run_rates, speaker,
)
from claims.reconcile.pairs import evidence_pass
from claims.reconcile.rules import _rules
from claims.store import ClaimStore


__all__ = [
    "Reconciliation", "reconcile", "reconcile_store",
    "APPROX_TOLERANCE", "FLOAT_SLACK", "INF", "compare", "far_apart", "interval",
    "calendar_period", "comparison_key", "forecast_and_outcome", "growth_basis", "is_to_date", "is_vague",
    "normalised_fields", "own_stretch", "plain_name", "speaker",
]  # fmt: skip


class Reconciliation(BaseModel):
    """Everything reconciliation finds in a set of claims, by claim id."""

    conflicts: list[StoredConflict]
    corroborations: list[list[int]]  # agreeing facts from 2+ documents: all their mentions
    facts: list[list[int]]  # one figure mentioned 2+ times in one document


FactsByKey = dict[tuple, list[Fact]]


@contextmanager
def _few_collections() -> Iterator[None]:
    """Python's cyclic garbage collector paused while reconciliation makes its many
    short-lived objects (candidate pairs, their pairings and verdicts, none in a cycle):
    each collection walks every object alive, the corpus's claims among them, ~1 of ~7.5
    CPU s on 5,000 documents. What is freed is freed by reference counts as before; the
    collector is back as it was afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def reconcile(claims: Iterable[StoredClaim], published: Optional[dict] = None,
              processes: int = 1) -> Reconciliation:
    """Facts, conflicts between facts of different documents, and corroborations.

    published: document id -> publication date, where known (vintage and period evidence).
    processes: how many processes may judge the evidence pass's candidate pairs (the
    result is the same with any number: reconcile/forked.py)."""
    with _few_collections():
        return _reconcile(list(claims), published, processes)


def _reconcile(claims: list[StoredClaim], published: Optional[dict], processes: int) -> Reconciliation:
    published = published or {}
    groups: dict[tuple, list[StoredClaim]] = {}
    for c in claims:
        key = None if is_vague(c) or undated_event(c, published) else comparison_key(c)
        if key is not None:
            groups.setdefault(key, []).append(c)
    facts_by_key = {key: collapse_mentions(members) for key, members in groups.items()}
    all_facts = [f for fs in facts_by_key.values() for f in fs]
    uf = UnionFind(id(f) for f in all_facts)
    conflicts = _keyed_conflicts(facts_by_key, uf, published) + _run_rate_conflicts(facts_by_key, uf)
    conflicts += evidence_pass(claims, all_facts, uf, published, processes)
    clusters: dict[int, list[Fact]] = {}
    for f in all_facts:
        clusters.setdefault(uf.find(id(f)), []).append(f)
    corroborations = sorted(
        sorted(c.id for f in fs for c in f.mentions)
        for fs in clusters.values()
        if len({f.document_id for f in fs}) >= 2
    )
    mention_groups = sorted(sorted(c.id for c in f.mentions) for f in all_facts if len(f.mentions) >= 2)
    conflicts.sort(key=lambda v: (-v.score, v.a.id, v.b.id))
    return Reconciliation(conflicts=conflicts, corroborations=corroborations, facts=mention_groups)


def _keyed_conflicts(facts_by_key: FactsByKey, uf: UnionFind, published: dict) -> list[StoredConflict]:
    """Facts of different documents under one key: agreeing ones joined in `uf`, the others conflicts."""
    conflicts: list[StoredConflict] = []
    for facts in facts_by_key.values():
        for fa, fb in combinations(sorted(facts, key=lambda f: (f.document_id, f.representative.start)), 2):
            if fa.document_id == fb.document_id or stated_by_both(fa, fb, facts):
                continue
            a, b = fa.representative, fb.representative
            if far_apart(a, b) or forecast_and_outcome(a, b):
                continue
            if not same_news_cycle(a, b, published) or later_count(a, b, published):
                continue  # a dated event's figure: another event's, or a later count of its tally
            agrees, why, score = compare(a, b)
            if opposite_directions(a, b):
                agrees, why, score = False, (f"{a.subject} {a.metric}, {a.period}: {_where(a)} says it went "
                                             f"{a.direction.value} ({a.surface!r}), {_where(b)} says it went "
                                             f"{b.direction.value} ({b.surface!r})."), 1.0
            if agrees:
                uf.union(id(fa), id(fb))
            else:
                if how_it_moves(a):
                    why = event_why(why, a, b, published)
                conflicts.append(make_conflict(a, b, why, score, evidence=KEYED_EVIDENCE,
                                               later=later_of(a, b, published)))
    return conflicts


def _run_rate_conflicts(facts_by_key: FactsByKey, uf: UnionFind) -> list[StoredConflict]:
    """A run-rate against the level of one period, scaled to a year."""
    conflicts: list[StoredConflict] = []
    annualises = run_rates()
    for (subject, metric, period, unit, said_by), rate_facts in facts_by_key.items():
        level_metric = annualises.get(metric)
        part = grain(period)
        if level_metric is None or part is None:
            continue
        factor = _rules().per_year[part]
        for lf in facts_by_key.get((subject, level_metric, period, unit, said_by), []):
            for rf in rate_facts:
                if rf.document_id == lf.document_id:
                    continue
                r, l = rf.representative, lf.representative
                if far_apart(r, annualised(l, factor)) or forecast_and_outcome(r, l):
                    continue
                agrees, why, score = compare(r, annualised(l, factor))
                if agrees:
                    uf.union(id(rf), id(lf))
                else:
                    why = (f"{r.subject} {r.metric}, {r.period}: {_where(r)} says {r.surface!r}, "
                           f"{_where(l)} says {l.surface!r} for the {part}, which is {_fmt(_mid(l) * factor)} "
                           f"a year; they do not agree even allowing for rounding and hedges.")
                    conflicts.append(make_conflict(r, l, why, score, evidence=KEYED_EVIDENCE + ("a run-rate",)))
    return conflicts


def reconcile_store(store: ClaimStore, processes: int = 1) -> Reconciliation:
    """Recompute and replace the store's facts, conflicts and corroborations, in up to
    `processes` processes.

    Reviews are keyed on claims, not on conflict rows, so they survive this."""
    published = {d.id: d.published for d in store.documents()}
    result = reconcile(store.iter_comparable_claims(), published, processes)
    store.replace_conflicts(result.conflicts)
    store.replace_corroborations(result.corroborations)
    store.replace_facts(result.facts)
    return result
