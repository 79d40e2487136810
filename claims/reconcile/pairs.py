"""The evidence pass of reconciliation: figures paired by their words, not by exact keys.

Every figure that can be compared (not vague, not illustrative, not a part of its
period so far) is indexed (candidates.py); each candidate pair of different documents
that no framed field keeps apart (evidence.py) is compared in one unit. Agreeing pairs
said alike are one fact told twice (a corroboration). A disagreement is a
`contradiction` when its words say the same thing strongly and the framing agrees as
far as it goes, a `possible` conflict when the words are only fairly alike or a side
is hedged against a revision; below that it is nothing. Each figure keeps at most its
best-matched partner in each other document, and a pair whose document also states a
figure agreeing with the other side is no conflict (the article gives both vintages).
"""

from __future__ import annotations

from typing import Optional

from extract.records import Approx, Kind, StoredClaim
from extract.vocab import entity_table

from claims.reconcile import (
    KEYED_EVIDENCE, Verdict, _conflict, _Fact, _UnionFind, compare, comparison_key, far_apart,
    forecast_and_outcome, growth_basis, is_to_date, is_vague, normalised_fields, own_stretch, speaker,
)
from claims.reconcile.candidates import Candidate, EvidenceIndex
from claims.reconcile.evidence import (
    evidence_score, in_unit_of, later_of, opposite_directions, pairing, replaces_estimate, restatement_pairs,
    revised, stated_rates,
)
from claims.reconcile.rules import candidate_rules


def comparable(c: StoredClaim) -> bool:
    if c.kind == Kind.illustrative or is_vague(c) or c.vague:
        return False
    if c.value is None and c.low is None and c.high is None:
        return False
    return not is_to_date(c)


def evidence_pass(claims: list[StoredClaim], facts: list[_Fact], uf: _UnionFind,
                  published: dict) -> list[Verdict]:
    """Conflicts found by evidence; agreeing pairs are joined in `uf` (corroborations).

    facts: the keyed facts so far; a figure outside them becomes a fact of its own."""
    pool = [c for c in claims if comparable(c)]
    fact_of: dict[int, _Fact] = {c.id: f for f in facts for c in f.mentions}
    for c in pool:
        if c.id not in fact_of:
            f = _Fact([c])
            facts.append(f)
            fact_of[c.id] = f
            uf.parent.setdefault(id(f), id(f))
    for x, y in restatement_pairs(pool):  # "£100m ($127m)": one fact in two currencies
        uf.union(id(fact_of[x]), id(fact_of[y]))
    rates = stated_rates(pool)
    canonical = set(entity_table().canonical.values())
    fields = {c.id: normalised_fields(c) for c in pool}
    rules = candidate_rules()
    judged: list[tuple[Candidate, bool, Optional[str], float, list[str]]] = []
    for cand in EvidenceIndex(pool, own_stretch).candidates():
        a, b = cand.a, cand.b
        if cand.similarity < min(rules.possible_similarity, rules.agree_similarity_two_fields) or _keyed_alike(a, b):
            continue
        if (speaker(a) != speaker(b) and not replaces_estimate(a, b)) or forecast_and_outcome(a, b):
            continue  # one speaker's estimate is no reading of another's figure, unless it says it replaces it
        p = pairing(a, b, fields[a.id], fields[b.id], canonical, published, growth_basis)
        if p.kept_apart:
            continue
        result = _compare_across_units(a, b, rates)
        if result is None:
            continue
        agrees, why, base = result
        judged.append((cand, agrees, why, base, p.equal))
    return _verdicts(judged, fact_of, uf, published)


def _keyed_alike(a: StoredClaim, b: StoredClaim) -> bool:
    """Both framed in full and alike: the keyed pass has judged them already."""
    ka, kb = comparison_key(a), comparison_key(b)
    return ka is not None and ka == kb


def _compare_across_units(a: StoredClaim, b: StoredClaim, rates) -> Optional[tuple[bool, str, float]]:
    """compare() once both are in one unit; None when they cannot be (no stated rate)."""
    if opposite_directions(a, b):
        why = (f"{_what(a, b)}: {a.doc.rsplit('/', 1)[-1]} says it went {a.direction.value} ({a.surface!r}), "
               f"{b.doc.rsplit('/', 1)[-1]} says it went {b.direction.value} ({b.surface!r}).")
        return False, why, 1.0
    ua, ub = in_unit_of(a, b, rates), in_unit_of(b, a, rates)
    if ua is None or ub is None:
        return None
    if ua.unit != ub.unit:
        ub = in_unit_of(b, ua, rates)
        if ub is None or ub.unit != ua.unit:
            return None
    if far_apart(ua, ub):
        return None
    agrees, why, score = compare(ua, ub)
    return agrees, why.replace(f"{ua.subject} {ua.metric}, {ua.period}", _what(a, b), 1), score


def _what(a: StoredClaim, b: StoredClaim) -> str:
    parts = [a.subject or b.subject, a.metric or b.metric, a.period or b.period]
    return " · ".join(x for x in parts if x) or "the same figure by its words"


def _verdicts(judged, fact_of: dict[int, _Fact], uf: _UnionFind, published: dict) -> list[Verdict]:
    rules = candidate_rules()
    best: dict[tuple[int, int], float] = {}  # (figure, other document) -> best similarity of a pair
    for cand, *_ in judged:
        for x, y in ((cand.a, cand.b), (cand.b, cand.a)):
            k = (x.id, y.document_id)
            best[k] = max(best.get(k, 0.0), cand.similarity)
    agreeing: set[tuple[int, int]] = set()  # (figure, other document) that some figure there agrees with
    for cand, agrees, _, _, equal in judged:
        alike = cand.similarity >= rules.agree_similarity or \
            (len(equal) >= 2 and cand.similarity >= rules.agree_similarity_two_fields)
        if agrees and alike and not _open_ended_guess(cand, equal):
            uf.union(id(fact_of[cand.a.id]), id(fact_of[cand.b.id]))
            agreeing |= {(cand.a.id, cand.b.document_id), (cand.b.id, cand.a.document_id)}
    out = []
    for cand, agrees, why, base, equal in judged:
        a, b = cand.a, cand.b
        if agrees or cand.similarity < rules.possible_similarity:
            continue
        if (a.id, b.document_id) in agreeing or (b.id, a.document_id) in agreeing:
            continue
        if cand.similarity < best[(a.id, b.document_id)] or cand.similarity < best[(b.id, a.document_id)]:
            continue
        evidence = _evidence_lines(cand, equal)
        confident = (cand.similarity >= rules.confident_similarity and len(equal) >= 1) or \
            (cand.similarity >= rules.confident_similarity_two_fields and len(equal) >= 2) or \
            (cand.similarity >= rules.confident_similarity_revision and len(equal) >= 1 and (revised(a) or revised(b)))
        tier = "contradiction" if confident else "possible"
        score = evidence_score(base, cand.similarity) * (1.0 if confident else rules.possible_factor)
        out.append(_conflict(a, b, why, round(score, 3), tier=tier, evidence=evidence,
                             later=later_of(a, b, published)))
    return out


def _open_ended_guess(cand: Candidate, equal: list[str]) -> bool:
    """A one-sided figure ("exceeded $47 billion") is satisfied by many: it is consistent
    with the other, but names the same fact only when the period is framed alike too."""
    one_sided = {Approx.more_than, Approx.at_least, Approx.up_to, Approx.less_than}
    return (cand.a.approx in one_sided or cand.b.approx in one_sided) and "period" not in equal


def _evidence_lines(cand: Candidate, equal: list[str]) -> tuple[str, ...]:
    lines = [f"words alike ({cand.similarity:.2f}): " + ", ".join(cand.shared)] if cand.shared else \
        [f"words alike ({cand.similarity:.2f})"]
    if equal:
        lines.append("framed alike: " + ", ".join(equal))
    return tuple(lines)


__all__ = ["evidence_pass", "KEYED_EVIDENCE"]
