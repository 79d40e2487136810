"""Facts and conflicts: a figure's mentions in one document as one fact, the union of
facts that agree across documents, and a conflict between two facts as reported (with
its vintage: a revision cue or the later report explains it)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from itertools import combinations
from typing import Iterable, Optional

from extract.records import Approx, Claim, StoredClaim, StoredConflict

from claims.reconcile.compare import INF, _is_precise_range, _where, compare, far_apart, interval
from claims.reconcile.keys import revision_cue
from claims.reconcile.rules import _rules

KEYED_EVIDENCE = ("subject, metric, period and unit framed alike",)


@dataclass
class Fact:
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


def collapse_mentions(members: list[StoredClaim]) -> list[Fact]:
    """Within each document, mentions that agree with each other are one fact."""
    facts: list[Fact] = []
    by_doc: dict[int, list[StoredClaim]] = {}
    for c in members:
        by_doc.setdefault(c.document_id, []).append(c)
    for doc_claims in by_doc.values():
        doc_claims.sort(key=lambda c: c.start)
        uf = UnionFind(c.id for c in doc_claims)
        for a, b in combinations(doc_claims, 2):
            if compare(a, b)[0]:
                uf.union(a.id, b.id)
        clusters: dict[int, list[StoredClaim]] = {}
        for c in doc_claims:
            clusters.setdefault(uf.find(c.id), []).append(c)
        facts.extend(Fact(ms) for ms in clusters.values())
    return facts


class UnionFind:
    def __init__(self, ids: Iterable[int]):
        self.parent = {i: i for i in ids}

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, x: int, y: int) -> None:
        self.parent[self.find(x)] = self.find(y)


def stated_by_both(fa: Fact, fb: Fact, facts: list[Fact]) -> bool:
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


def make_conflict(a: StoredClaim, b: StoredClaim, why: str, score: float, tier: str = "contradiction",
              evidence: tuple[str, ...] = (), later: Optional[StoredClaim] = None) -> StoredConflict:
    """A conflict; one a revision cue or a later report explains is kept, said so, and scored lower.

    later: the later report by publication date, when known."""
    cue_a, cue_b = revision_cue(a), revision_cue(b)
    if cue_a or cue_b:
        newer, older, cue = (b, a, cue_b) if cue_b else (a, b, cue_a)
        if later is not None and cue_a and cue_b:
            newer, older = (later, b if later is a else a)
            cue = cue_a if newer is a else cue_b
        why = why.rstrip(".") + (
            f"; {_where(newer)} says {cue!r}, so {_where(older)}'s figure may be an older vintage"
            f" ({_where(newer)}'s is the later)."
        )
        return StoredConflict(a=a, b=b, verdict=tier, why=why, tier=tier, evidence=list(evidence),
                              score=round(score * _rules().explained_factor, 3), explained=True)
    if later is not None:
        older = b if later is a else a
        why = why.rstrip(".") + (f"; {_where(later)} is the later report, so {_where(older)}'s figure"
                                 f" may be an earlier vintage.")
    return StoredConflict(a=a, b=b, verdict=tier, why=why, score=score, tier=tier, evidence=list(evidence))


def opposite_directions(a: Claim, b: Claim) -> bool:
    """One says the figure went up, the other down."""
    return bool(a.direction and b.direction and a.direction != b.direction)


def later_of(a: StoredClaim, b: StoredClaim, published: dict[int, Optional[dt.date]]) -> Optional[StoredClaim]:
    """The later report of the two, by publication date (None: same day or unknown)."""
    da, db = published.get(a.document_id), published.get(b.document_id)
    if da is None or db is None or da == db:
        return None
    return a if da > db else b
