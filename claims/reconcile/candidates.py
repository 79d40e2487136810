"""Candidate pairs by evidence: figures of different documents whose own words say the same thing.

Exact keys (subject, metric, period, unit all framed alike) miss most pairs on unseen
text, where each field is right only part of the time. Here every figure is indexed by
the words of its own clause (`own_stretch`), its sentence and its framed subject and
metric (bm25.py: the rows and scores of an FTS5 table, computed with arrays); each
figure's words are the query that finds figures of other documents measuring the same
dimension (money in any currency, counts, percent, points, durations), and bm25 weighs a
shared word by how rare it is across the corpus ("jury" and "deliberated" count, "said"
and "year" hardly).
The similarity of two figures is the bm25 of one's query against the other's row over
its bm25 against its own row, averaged both ways, so 1.0 is "says what I say".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Iterable, Optional

import numpy

from extract.records import Claim, Period, PeriodKind, StoredClaim

from claims.reconcile.bm25 import WordRows
from claims.reconcile.forked import forked_map
from claims.reconcile.rules import candidate_rules

WORD = re.compile(r"[^\W\d_][\w'’-]*", re.U)
CURRENCY = re.compile(r"[A-Z]{3}")
POSSESSIVE_END = re.compile(r"(?:'s|’s)$")


def dimension(c: Claim) -> str:
    """What a figure measures, whatever its unit within that: money, duration, or its unit."""
    return unit_dimension(c.unit)


# Reconciliation asks this of every figure many times over (each candidate pair, each
# value key): answered once per unit.
@lru_cache(maxsize=None)
def unit_dimension(unit: Optional[str]) -> str:
    if CURRENCY.fullmatch(unit or ""):
        return "money"
    if unit in candidate_rules().seconds:
        return "duration"
    return unit or "?"


MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
QUARTERS = ("first", "second", "third", "fourth")


def period_words(period: Optional[Period]) -> str:
    """A framed month or quarter as the words a clause names it by ("2026-05" -> "may"),
    so a figure whose own clause names only the month finds it."""
    if period is None:
        return ""
    if period.kind == PeriodKind.quarter:
        return f"{QUARTERS[period.quarter - 1]} quarter"
    return MONTHS[period.month - 1] if period.kind == PeriodKind.month and not period.fiscal else ""


def index_words(text: str) -> list[str]:
    """The words of a text that can be evidence: no figures, no stop words."""
    return list(_index_words(text))


# A figure's sentence is read for several figures and several times (its row, its
# query, the bridges): its words are found once.
@lru_cache(maxsize=4096)
def _index_words(text: str) -> tuple[str, ...]:
    stop = candidate_rules().stop_words
    out = []
    for m in WORD.finditer(text):
        w = POSSESSIVE_END.sub("", m.group(0).lower().strip("'’-"))
        if len(w) >= 3 and w not in stop:
            out.append(w)
    return tuple(out)


@dataclass(frozen=True)
class Candidate:
    a: StoredClaim
    b: StoredClaim
    similarity: float  # [0, 1]: how much of what each figure's words say the other's say too
    index: "EvidenceIndex" = field(repr=False, compare=False)

    @cached_property
    def shared(self) -> tuple[str, ...]:
        """The rarest words both say, for the evidence line: read only for the pairs that
        become conflicts, a few of the many candidates."""
        return self.index.shared(self.a, self.b)


# Fewer figures than this are ranked in one process: a figure's ranking takes ~0.1 ms.
NEIGHBOUR_MIN_ITEMS = 5_000


class EvidenceIndex:
    """Figures indexed by their own words (stretch, sentence, framed fields), ranked by bm25."""

    def __init__(self, claims: Iterable[StoredClaim], stretch_of):
        self.claims: dict[int, StoredClaim] = {}
        self.words: dict[int, set[str]] = {}
        rows, ids, dims, docs = [], [], [], []
        for c in claims:
            stretch = " ".join(index_words(stretch_of(c)))
            sentence = " ".join(index_words(c.quote))
            fields = " ".join(index_words(" ".join(x for x in (c.subject, c.metric, period_words(c.period)) if x)))
            self.claims[c.id] = c
            self.words[c.id] = set(stretch.split()) | set(fields.split())
            rows.append((stretch, sentence, fields))
            ids.append(c.id)
            dims.append(dimension(c))
            docs.append(c.document_id)
        w = candidate_rules().column_weights
        self.rows = WordRows(rows, (w["stretch"], w["sentence"], w["fields"]))
        self.ids = numpy.array(ids, dtype=numpy.int64)
        self.docs = numpy.array(docs, dtype=numpy.int64)
        names = sorted(set(dims))
        self.dim_codes = {d: i for i, d in enumerate(names)}
        self.dims = numpy.array([self.dim_codes[d] for d in dims], dtype=numpy.int64)

    def _query(self, c: StoredClaim) -> list[str]:
        return sorted(self.words[c.id] | set(index_words(c.quote)))

    def _ranked(self, words: tuple[str, ...], dim: int) -> tuple[numpy.ndarray, numpy.ndarray]:
        """The rows of one dimension holding any of these words, best bm25 first, ties by
        claim id (as FTS5 gave them, its rows in rowid order), and their scores."""
        score, hit = self.rows.scores(list(words))
        found = numpy.flatnonzero(hit & (self.dims == dim))
        order = found[numpy.lexsort((self.ids[found], -score[found]))]
        return order, score[order]

    def _ranks(self, c: StoredClaim, ranked: tuple[numpy.ndarray, numpy.ndarray], limit: int
               ) -> list[tuple[int, float]]:
        """(claim id, bm25 goodness) of the best figures for c's words (`ranked`): its own
        row and other documents', best first. Leaving out c's document's other rows keeps
        the order of the rest, so figures asking the same words share one ranking."""
        order, scores = ranked
        keep = numpy.flatnonzero((self.docs[order] != c.document_id) | (self.ids[order] == c.id))[:limit]
        return list(zip(self.ids[order[keep]].tolist(), scores[keep].tolist()))

    def neighbours(self, c: StoredClaim, ranked: tuple[numpy.ndarray, numpy.ndarray]) -> dict[int, float]:
        """Figures of other documents, same dimension, with c's relative bm25 for each."""
        ranks = self._ranks(c, ranked, candidate_rules().neighbours + 1)
        own = next((g for i, g in ranks if i == c.id), None)
        if not own or own <= 0:
            return {}
        return {i: min(1.0, g / own) for i, g in ranks if i != c.id and g > 0}

    def _all_neighbours(self, processes: int) -> dict[int, dict[int, float]]:
        """Every figure's neighbours, by claim id in index order. Figures asking the same
        words of the same dimension (one sentence in many documents: a wire story
        reprinted, a press release) are taken together, their ranking made once; the
        figures are split across up to `processes` processes (reconcile/forked.py)."""
        queries = {cid: (tuple(self._query(c)), self.dim_codes[dimension(c)]) for cid, c in self.claims.items()}
        order = sorted(queries, key=queries.__getitem__)
        last: list = [None, None]  # the query ranked last in this process, and its ranking

        def neighbours_of(cid: int) -> dict[int, float]:
            query = queries[cid]
            if not query[0]:
                return {}
            if query != last[0]:
                last[:] = query, self._ranked(*query)
            return self.neighbours(self.claims[cid], last[1])

        found = dict(zip(order, forked_map(neighbours_of, order, processes, min_items=NEIGHBOUR_MIN_ITEMS)))
        return {cid: found[cid] for cid in self.claims}

    def candidates(self, processes: int = 1) -> list[Candidate]:
        """Pairs of figures of different documents that find each other, best first."""
        near = self._all_neighbours(processes)
        out = []
        seen = set()
        for ia, found in near.items():
            for ib, s_ab in found.items():
                key = (min(ia, ib), max(ia, ib))
                if key in seen:
                    continue
                seen.add(key)
                s_ba = near.get(ib, {}).get(ia, 0.0)
                a, b = self.claims[key[0]], self.claims[key[1]]
                out.append(Candidate(a, b, round((s_ab + s_ba) / 2, 3), self))
        out.sort(key=lambda k: (-k.similarity, k.a.id, k.b.id))
        return out

    def shared(self, a: StoredClaim, b: StoredClaim, most: int = 4) -> tuple[str, ...]:
        """The rarest words both figures' clauses (or fields) say."""
        common = self.words[a.id] & self.words[b.id]
        return tuple(sorted(common, key=lambda w: (self.document_frequency(w), w))[:most])

    def document_frequency(self, word: str) -> int:
        return self.rows.hits(word)
