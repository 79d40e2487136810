"""The evidence pass of reconciliation: figures paired by their words, not by exact keys.

Every figure that can be compared (not vague, not illustrative) is indexed
(candidates.py; figures of a period so far in an index of their own, paired only with
each other); each candidate pair of different documents that no framed field keeps
apart (evidence.py, bridges.py) is compared in one unit, a run-rate against one
period's level scaled to a year. Agreeing pairs are one fact told twice (a
corroboration) when their words are alike enough, counting each framed field alike
(`field_weight`) and a rare value told alike between documents of one story
(`value_weight`, bridges.value_rarity and StoryIndex). Some pairs only ever
corroborate: two market expectations, two figures to date, a field bridged by the
words. A disagreement is a `contradiction` when its words say the same thing strongly
and the framing agrees as far as it goes (or the two sentences name each other's
subjects), a `possible` conflict when the words are only fairly alike or a side is
hedged against a revision; below that it is nothing. Each figure keeps at most its
best-matched partner in each other document, and a pair whose document also states a
figure agreeing with the other side by its words is no conflict (the article gives both
vintages).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from extract.records import Approx, Kind, StoredClaim, StoredConflict
from extract.vocab import entity_table

from claims.reconcile.bridges import StoryIndex, value_key, value_rarity
from claims.reconcile.candidates import Candidate, EvidenceIndex
from claims.reconcile.compare import far_apart, judge, said
from claims.reconcile.evidence import (
    Pairing, evidence_score, in_unit_of, pairing, replaces_estimate, restatement_pairs, revised, stated_rates,
)
from claims.reconcile.facts import Fact, UnionFind, later_of, make_conflict, opposite_directions
from claims.reconcile.forked import forked_map
from claims.reconcile.keys import (
    annualised, comparison_key, forecast_and_outcome, grain, growth_basis, is_to_date, is_vague, normalised_fields,
    own_stretch, run_rates, speaker,
)
from claims.reconcile.rules import _rules, candidate_rules


def countable(c: StoredClaim) -> bool:
    """A figure with a value that is not vague or illustrative."""
    if c.kind == Kind.illustrative or is_vague(c) or c.vague:
        return False
    return not (c.value is None and c.low is None and c.high is None)


def market_expectation(c: StoredClaim) -> bool:
    """The market's expectation: a consensus provider's or one named without a provider."""
    who = speaker(c)
    return who is not None and (who in _rules().consensus or who in candidate_rules().market)


@dataclass
class Judged:
    """A candidate pair, compared: what its words and framing say, and how its values compare."""

    cand: Candidate
    agrees: bool
    why: str  # the conflict's sentence; empty when the values agree
    base: float
    pairing: Pairing
    agree_only: bool  # may corroborate, never conflict (both to date, two market expectations, a bridged field)
    rarity: float  # the shared value's rarity across the corpus; 0.0 when the values differ
    story: float  # how much the two documents tell one story (bridges.StoryIndex); 0.0 unless a value is shared


def evidence_pass(claims: list[StoredClaim], facts: list[Fact], uf: UnionFind,
                  published: dict, processes: int = 1) -> list[StoredConflict]:
    """Conflicts found by evidence; agreeing pairs are joined in `uf` (corroborations).
    The candidate pairs are judged in up to `processes` processes (reconcile/forked.py).

    facts: the keyed facts so far; a figure outside them becomes a fact of its own.
    A figure of a period so far ("up 39% year to date") is paired only with another such
    figure, and only to agree: two reports of a figure to date are rarely to one date."""
    pool = [c for c in claims if countable(c)]
    to_date = {c.id for c in pool if is_to_date(c)}
    fact_of: dict[int, Fact] = {c.id: f for f in facts for c in f.mentions}
    for c in pool:
        if c.id not in fact_of:
            f = Fact([c])
            facts.append(f)
            fact_of[c.id] = f
            uf.parent.setdefault(id(f), id(f))
    for x, y in restatement_pairs(pool):  # "£100m ($127m)": one fact in two currencies
        uf.union(id(fact_of[x]), id(fact_of[y]))
    rates = stated_rates(pool)
    rarity = value_rarity(pool, len({c.document_id for c in claims}))
    stories = StoryIndex(pool)
    canonical = set(entity_table().canonical.values())
    fields = {c.id: normalised_fields(c) for c in pool}
    keys = {c.id: comparison_key(c) for c in pool}
    # what each figure's candidate pairs ask of it, once a figure
    values = {c.id: value_key(c) for c in pool}
    speakers = {c.id: speaker(c) for c in pool}
    market = {c.id for c in pool if market_expectation(c)}
    rules = candidate_rules()

    def judged_fields(cand: Candidate) -> Optional[tuple]:
        """A candidate pair's Judged fields after `cand`; None when it is no pair to judge."""
        a, b = cand.a, cand.b
        if _keyed_alike(keys[a.id], keys[b.id]):
            return None
        value = values[a.id]
        shared_value = value is not None and value == values[b.id]
        if cand.similarity < min(rules.possible_similarity, rules.agree_similarity_two_fields) and \
                not (shared_value and cand.similarity >= rules.value_min_similarity):
            return None
        both_market = a.id in market and b.id in market
        if (speakers[a.id] != speakers[b.id] and not replaces_estimate(a, b) and not both_market) \
                or forecast_and_outcome(a, b):
            return None  # one speaker's estimate is no reading of another's figure, unless it says it replaces it
        fa, fb, ca, cb = fields[a.id], fields[b.id], a, b
        scaled = annualised_pair(a, b, fa, fb)
        if scaled is not None:  # a run-rate and one period's level: the level times the periods in a year
            fa, fb, ca, cb = scaled
        p = pairing(a, b, fa, fb, canonical, published, growth_basis)
        if p.kept_apart:
            return None
        result = _compare_across_units(ca, cb, rates)
        if result is None:
            return None
        agrees, why, base = result
        if scaled is not None and not agrees:
            why = why.rstrip(".") + "; the level of one period is read as a year's run-rate."
        return (agrees, why, base, p, both_market or a.id in to_date or bool(p.bridged),
                rarity.get(value, 0.0) if shared_value else 0.0,
                stories.similarity(a.document_id, b.document_id) if shared_value else 0.0)

    # figures to date are indexed apart: they pair only with each other
    whole = [c for c in pool if c.id not in to_date]
    partial = [c for c in pool if c.id in to_date]
    candidates = EvidenceIndex(whole, own_stretch).candidates(processes) + \
        EvidenceIndex(partial, own_stretch).candidates(processes)
    judged = [Judged(cand, *found) for cand, found in zip(candidates, forked_map(judged_fields, candidates, processes))
              if found is not None]
    return _verdicts(judged, fact_of, uf, published)


def annualised_pair(a: StoredClaim, b: StoredClaim, fa: tuple, fb: tuple) -> Optional[tuple]:
    """(fa, fb, a, b) with the run-rate side's metric named as the level it annualises and
    the level side scaled to a year ("$150 billion annualised" vs "$37.6 billion in Q1"),
    when one side's metric is a run-rate of the other's and the level's period has a grain;
    None otherwise."""
    annualises = run_rates()
    for rate, level, fr, fl in ((a, b, fa, fb), (b, a, fb, fa)):
        part = grain(fl[2]) if fl[2] else None
        if not (fr[1] and fl[1] and part) or annualises.get(fr[1].lower()) != fl[1].lower():
            continue
        fr = (fr[0], fl[1], fr[2])
        year = annualised(level, _rules().per_year[part])
        return (fr, fl, rate, year) if rate is a else (fl, fr, year, rate)
    return None


def _keyed_alike(ka: Optional[tuple], kb: Optional[tuple]) -> bool:
    """Two comparison keys, both framed in full and alike, or a run-rate's and its level's
    alike but for the metric: the keyed pass has judged them already."""
    if ka is None or kb is None:
        return False
    annualises = run_rates()
    rest_alike = ka[:1] + ka[2:] == kb[:1] + kb[2:]
    return ka == kb or (rest_alike and (annualises.get(ka[1]) == kb[1] or annualises.get(kb[1]) == ka[1]))


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
    agrees, score, finding = judge(ua, ub)
    if agrees:  # an agreeing pair's sentence is never shown: only conflicts have one
        return True, "", score
    return False, f"{_what(a, b)}: {said(ua, ub)}{finding}", score


def _what(a: StoredClaim, b: StoredClaim) -> str:
    parts = [a.subject or b.subject, a.metric or b.metric, a.period or b.period]
    return " · ".join(x for x in parts if x) or "the same figure by its words"


def _verdicts(judged: list[Judged], fact_of: dict[int, Fact], uf: UnionFind, published: dict) -> list[StoredConflict]:
    rules = candidate_rules()
    best: dict[tuple[int, int], float] = {}  # (figure, other document) -> best similarity of a pair
    for j in judged:
        for x, y in ((j.cand.a, j.cand.b), (j.cand.b, j.cand.a)):
            k = (x.id, y.document_id)
            best[k] = max(best.get(k, 0.0), j.cand.similarity)
    agreeing: set[tuple[int, int]] = set()  # (figure, other document) that some figure there agrees with
    for j in judged:
        cand, equal = j.cand, j.pairing.equal
        alike = cand.similarity >= rules.agree_similarity or \
            (len(equal) >= 2 and cand.similarity >= rules.agree_similarity_two_fields)
        by_fields = cand.similarity + rules.field_weight * len(equal) >= rules.agree_similarity
        by_value = j.rarity > 0 and j.story >= rules.same_story and \
            cand.similarity + rules.value_weight * j.rarity + rules.field_weight * len(equal) >= rules.agree_similarity
        if j.agrees and (alike or by_fields or by_value) and not _open_ended_guess(cand, equal):
            uf.union(id(fact_of[cand.a.id]), id(fact_of[cand.b.id]))
            if alike and not j.agree_only:  # weaker evidence corroborates, but silences no other pair
                agreeing |= {(cand.a.id, cand.b.document_id), (cand.b.id, cand.a.document_id)}
    out = []
    for j in judged:
        a, b, cand, equal = j.cand.a, j.cand.b, j.cand, j.pairing.equal
        if j.agrees or j.agree_only or cand.similarity < rules.possible_similarity:
            continue
        if (a.id, b.document_id) in agreeing or (b.id, a.document_id) in agreeing:
            continue
        if cand.similarity < best[(a.id, b.document_id)] or cand.similarity < best[(b.id, a.document_id)]:
            continue
        evidence = _evidence_lines(cand, equal) + (("each sentence names the other's subject",)
                                                    if j.pairing.named else ())
        confident = (cand.similarity >= rules.confident_similarity and len(equal) >= 1) or \
            (cand.similarity >= rules.confident_similarity_two_fields and len(equal) >= 2) or \
            (cand.similarity >= rules.confident_similarity_revision and len(equal) >= 1
             and (revised(a) or revised(b))) or \
            (cand.similarity >= rules.confident_similarity_named and j.pairing.named)
        tier = "contradiction" if confident else "possible"
        score = evidence_score(j.base, cand.similarity) * (1.0 if confident else rules.possible_factor)
        out.append(make_conflict(a, b, j.why, round(score, 3), tier=tier, evidence=evidence,
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


__all__ = ["evidence_pass"]
