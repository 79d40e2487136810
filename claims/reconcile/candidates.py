"""Candidate pairs by evidence: figures of different documents whose own words say the same thing.

Exact keys (subject, metric, period, unit all framed alike) miss most pairs on unseen
text, where each field is right only part of the time. Here every figure is indexed by
the words of its own clause (`own_stretch`), its sentence and its framed subject and
metric in an in-memory SQLite FTS5 table; each figure's words are the query that finds
figures of other documents measuring the same dimension (money in any currency,
counts, percent, points, durations), and FTS5's bm25 weighs a shared word by how rare
it is across the corpus ("jury" and "deliberated" count, "said" and "year" hardly).
The similarity of two figures is the bm25 of one's query against the other's row over
its bm25 against its own row, averaged both ways, so 1.0 is "says what I say".
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from extract.records import Claim, Period, PeriodKind, StoredClaim

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
    shared: tuple[str, ...]  # the rarest words both say, for the evidence line


class EvidenceIndex:
    """An FTS5 index of figures by their own words (stretch, sentence, framed fields)."""

    def __init__(self, claims: Iterable[StoredClaim], stretch_of):
        self.claims: dict[int, StoredClaim] = {}
        self.words: dict[int, set[str]] = {}
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE VIRTUAL TABLE figures USING fts5(stretch, sentence, fields, "
                        "dim UNINDEXED, doc UNINDEXED)")
        rows = []
        for c in claims:
            stretch = " ".join(index_words(stretch_of(c)))
            sentence = " ".join(index_words(c.quote))
            fields = " ".join(index_words(" ".join(x for x in (c.subject, c.metric, period_words(c.period)) if x)))
            self.claims[c.id] = c
            self.words[c.id] = set(stretch.split()) | set(fields.split())
            rows.append((c.id, stretch, sentence, fields, dimension(c), c.document_id))
        self.db.executemany("INSERT INTO figures (rowid, stretch, sentence, fields, dim, doc) VALUES (?,?,?,?,?,?)",
                            rows)
        self._self_rank: dict[int, float] = {}
        self._df: dict[str, int] = {}

    def _query(self, c: StoredClaim) -> Optional[str]:
        words = sorted(self.words[c.id] | set(index_words(c.quote)))
        return " OR ".join(f'"{w}"' for w in words) if words else None

    def _ranks(self, c: StoredClaim, limit: int) -> list[tuple[int, float]]:
        """(claim id, bm25 goodness) of the best figures for c's words: its own row and others'."""
        q = self._query(c)
        if q is None:
            return []
        w = candidate_rules().column_weights
        sql = (f"SELECT rowid, -bm25(figures, {w['stretch']}, {w['sentence']}, {w['fields']}) AS good "
               "FROM figures WHERE figures MATCH ? AND dim = ? AND (doc != ? OR rowid = ?) "
               "ORDER BY good DESC LIMIT ?")
        return [(int(r), float(g)) for r, g in
                self.db.execute(sql, (q, dimension(c), c.document_id, c.id, limit))]

    def neighbours(self, c: StoredClaim) -> dict[int, float]:
        """Figures of other documents, same dimension, with c's relative bm25 for each."""
        ranks = self._ranks(c, candidate_rules().neighbours + 1)
        own = next((g for i, g in ranks if i == c.id), None)
        if not own or own <= 0:
            return {}
        self._self_rank[c.id] = own
        return {i: min(1.0, g / own) for i, g in ranks if i != c.id and g > 0}

    def candidates(self) -> list[Candidate]:
        """Pairs of figures of different documents that find each other, best first."""
        near = {cid: self.neighbours(c) for cid, c in self.claims.items()}
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
                out.append(Candidate(a, b, round((s_ab + s_ba) / 2, 3), self.shared(a, b)))
        out.sort(key=lambda k: (-k.similarity, k.a.id, k.b.id))
        return out

    def shared(self, a: StoredClaim, b: StoredClaim, most: int = 4) -> tuple[str, ...]:
        """The rarest words both figures' clauses (or fields) say."""
        common = self.words[a.id] & self.words[b.id]
        return tuple(sorted(common, key=lambda w: (self.document_frequency(w), w))[:most])

    def document_frequency(self, word: str) -> int:
        if word not in self._df:
            self._df[word] = self.db.execute("SELECT count(*) FROM figures WHERE figures MATCH ?",
                                             (f'"{word}"',)).fetchone()[0]
        return self._df[word]
