"""bm25 of an OR query of words over rows of word columns, scored as SQLite's FTS5 scores it.

Reconciliation asks, for every figure, which figures of other documents its words find
best (candidates.py). FTS5 answered that with `bm25()` over an in-memory table: right,
but its auxiliary function visits every matching row through the C API (~1.7 µs a row,
~900 rows a query), and at 14,000 figures the queries took 21 of reconciliation's 27 s,
one serial tail after the workers of `claims run` had finished (issue 20). Here each
word's contribution to every row it occurs in is computed once, as one array, and a
query sums its words' arrays: the same scores, bit for bit, because each row's score is
the same double-precision expression FTS5's `fts5Bm25Function` evaluates, in the same
order:

    idf(w)  = log((N - n(w) + 0.5) / (n(w) + 0.5)), at least 1e-6
    f(w, r) = the column weights of w's instances in row r (a word of several tokens,
              "covid-19", is a phrase: its tokens in a row, one after another)
    score   = sum over the query's words, in its order, of
              idf(w) * ((f * (k1 + 1)) / (f + k1 * (1 - b + b * D(r) / avgdl)))

with k1 = 1.2, b = 0.75, D(r) the row's tokens over all columns and avgdl their mean.
Tokens are FTS5's `unicode61` tokens: runs of letters and digits, case folded, Latin
diacritics removed. tests/test_bm25.py holds the scores to FTS5's own.
"""

from __future__ import annotations

import math
import unicodedata
from functools import lru_cache
from typing import Sequence

import numpy

K1 = 1.2
B = 0.75


@lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[str, ...]:
    """FTS5 unicode61's tokens of a text: letters and digits, folded; all else separates."""
    out, current = [], []
    for ch in text:
        if ch.isalnum():
            current.append(_fold(ch))
        elif current:
            out.append("".join(current))
            current = []
    if current:
        out.append("".join(current))
    return tuple(out)


@lru_cache(maxsize=4096)
def _fold(ch: str) -> str:
    if ch.isascii():
        return ch.lower()
    base = unicodedata.normalize("NFD", ch)
    return (base[0] if base[0].isascii() else ch).lower()  # "é" -> "e": unicode61's remove_diacritics


class WordRows:
    """Rows of word columns, and the bm25 contribution of any word to every row it is in."""

    def __init__(self, rows: Sequence[Sequence[str]], weights: Sequence[float]):
        self.weights = tuple(float(w) for w in weights)
        self.columns = [[tokens(text) for text in row] for row in rows]
        self.length = numpy.array([sum(len(t) for t in row) for row in self.columns], dtype=numpy.float64)
        self.n_rows = len(self.columns)
        self.avgdl = float(self.length.sum()) / self.n_rows if self.n_rows else 0.0
        # token -> (row, column, position) of each of its instances, in row order
        self.places: dict[str, list[tuple[int, int, int]]] = {}
        for r, row in enumerate(self.columns):
            for c, toks in enumerate(row):
                for p, t in enumerate(toks):
                    self.places.setdefault(t, []).append((r, c, p))
        self._cache: dict[str, tuple[numpy.ndarray, numpy.ndarray]] = {}
        self._hits: dict[str, int] = {}

    def word(self, word: str) -> tuple[numpy.ndarray, numpy.ndarray]:
        """(rows, contributions): the rows holding the word, ascending, and its score in each."""
        found = self._cache.get(word)
        if found is None:
            found = self._cache[word] = self._contribution(tokens(word))
        return found

    def hits(self, word: str) -> int:
        """How many rows hold the word (FTS5's count of a phrase query); asked for every
        word two figures share, so answered from a table after the first time."""
        n = self._hits.get(word)
        if n is None:
            n = self._hits[word] = len(self.word(word)[0])
        return n

    def _contribution(self, phrase: tuple[str, ...]) -> tuple[numpy.ndarray, numpy.ndarray]:
        freq: dict[int, float] = {}
        for r, c, p in self.places.get(phrase[0], []) if phrase else []:
            if self.columns[r][c][p:p + len(phrase)] == phrase:
                freq[r] = freq.get(r, 0.0) + self.weights[c]
        rows = numpy.fromiter(freq, dtype=numpy.int64, count=len(freq))
        f = numpy.fromiter(freq.values(), dtype=numpy.float64, count=len(freq))
        n_hit = len(freq)
        idf = math.log((self.n_rows - n_hit + 0.5) / (n_hit + 0.5))  # libm's log, as SQLite's
        if idf <= 0.0:
            idf = 1e-6
        # the expression of fts5Bm25Function, operation for operation
        d = self.length[rows]
        score = idf * ((f * (K1 + 1.0)) / (f + K1 * (1 - B + B * d / self.avgdl)))
        return rows, score

    def scores(self, words: Sequence[str]) -> tuple[numpy.ndarray, numpy.ndarray]:
        """(score per row, whether the row holds any word) for the query of `words` in order."""
        total = numpy.zeros(self.n_rows, dtype=numpy.float64)
        hit = numpy.zeros(self.n_rows, dtype=bool)
        for w in words:
            rows, contribution = self.word(w)
            total[rows] += contribution
            hit[rows] = True
        return total, hit
