"""Evidence that bridges two framed fields stated differently, and how rare a value is.

Framing is strong evidence, not a gate: a field framed one way on one side and another
way on the other keeps a pair apart unless the figures' own words say the two are one.

- A canonical subject the figure's sentence never names yields to the one it names: a
  sentence that names only "Amazon Web Services" is about AWS, whatever framing said.
- Two free-text subjects meet when each side's sentence names the other's subject
  ("the jury took 15 minutes" about "Webb" in one, "a federal jury in Fort Worth
  deliberated" in the other).
- A fiscal year and the calendar year of the same number are one period, possibly, for a
  company whose fiscal calendar is not known or whose quarters are not calendar quarters
  (extract/data/fiscal_calendars.toml `year_ends`): one outlet's "in 2019" is often the
  company's fiscal 2019.
- A percent framed as a level whose own sentence says it is a growth ("comparable-store
  sales growth in 2019 will be 3.5%, compared with prior guidance of 4.0%") meets that
  level's growth.

A bridged field is no evidence against a pair: two figures that agree across it
corroborate each other, but two that differ are no conflict (FY2024 and 2024 are most
often two years of a company whose fiscal year ends in January).

Value rarity: two documents stating the same value (to `value_digits` significant
digits, in one unit) that few documents of the corpus state are more likely telling one
fact: an inverse document frequency of the value, like bm25's of a word.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Optional

import numpy

from extract.records import Claim, Period, PeriodKind
from extract.vocab import entity_table

from claims.reconcile.bm25 import WordRows
from claims.reconcile.candidates import CURRENCY, dimension, index_words, unit_dimension
from claims.reconcile.rules import _rules, candidate_rules

# A name inside a sentence: a capitalised word not at its start ("... the Lakers' last 10 games").
NAME = re.compile(r"(?<=[\w,;:)'’\"”] )[A-Z][\w'’-]*")


def named_entities(text: str) -> set[str]:
    """The canonical entities a text names (extract/data/entities.toml aliases)."""
    return {name for _, _, name in entity_table().find(text)}


def subject_by_sentence(subject: Optional[str], other: Optional[str], c: Claim) -> Optional[str]:
    """c's subject as its sentence has it: a canonical subject the sentence never names
    yields to `other` when the sentence names `other` (and so the framing misread it)."""
    if not subject or not other or subject == other:
        return subject
    canonical = set(entity_table().canonical.values())
    if subject not in canonical or other not in canonical:
        return subject
    names = named_entities(c.quote)
    return other if subject not in names and other in names else subject


def cross_named(sa: Optional[str], sb: Optional[str], a: Claim, b: Claim) -> bool:
    """Each side's subject is named in the other side's sentence."""
    if not sa or not sb:
        return False
    return _names(b.quote, sa) and _names(a.quote, sb)


def _names(text: str, name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.I) is not None


def periods_bridged(pa: Period, pb: Period, subject: Optional[str]) -> bool:
    """FY2019 and 2019 for a company whose fiscal calendar is not listed: possibly one year."""
    for fiscal, calendar in ((pa, pb), (pb, pa)):
        if fiscal.kind == calendar.kind == PeriodKind.year and fiscal.fiscal and not calendar.fiscal \
                and fiscal.year == calendar.year:
            whole = entity_table().whole(subject) if subject else None
            end = _rules().fiscal_year_end.get(whole)
            return end is None or end % 3 != 0  # a quarter-aligned year is compared as calendar periods
    return False


def metrics_bridged(ma: str, mb: str, a: Claim, b: Claim) -> bool:
    """"X" (a percent) and "X growth" when the level side's own sentence says growth."""
    if a.unit != "percent" or b.unit != "percent":
        return False
    for level, growth, c in ((ma, mb, a), (mb, ma, b)):
        if growth.lower() == f"{level.lower()} growth":
            return candidate_rules().growth_words.search(c.quote) is not None
    return False


def value_key(c: Claim) -> Optional[tuple[str, str, str]]:
    """(dimension, unit, value to `value_digits` significant digits): a point value's
    identity across documents; durations in seconds, other units as stated."""
    if c.value is None or c.value == 0 or not math.isfinite(c.value):
        return None
    return _value_key(c.value, c.unit)


# Asked for each figure of every candidate pair: answered once per value and unit.
@lru_cache(maxsize=65536)
def _value_key(value: float, unit: Optional[str]) -> Optional[tuple[str, str, str]]:
    rules = candidate_rules()
    dim = unit_dimension(unit)
    if dim == "duration":
        value, unit = value * rules.seconds[unit], "second"
    elif not CURRENCY.fullmatch(unit or "") and dim != unit:
        return None
    return dim, unit, f"{value:.{rules.value_digits}g}"


def value_rarity(claims: list[Claim], documents: int) -> dict[tuple, float]:
    """Value key -> its inverse document frequency over the corpus, in [0, 1]:
    log(N / df) / log(N), N the corpus's documents (at least 2)."""
    docs: dict[tuple, set] = {}
    for c in claims:
        k = value_key(c)
        if k is not None:
            docs.setdefault(k, set()).add(getattr(c, "document_id", c.doc))
    n = max(documents, 2)
    return {k: max(0.0, math.log(n / len(d)) / math.log(n)) for k, d in docs.items()}


class StoryIndex:
    """How much two documents tell one story: a bm25 index (bm25.py) of the names each document's
    sentences use (capitalised words inside a sentence: people, places, products), each
    document's names the query for the others, bm25-weighted so a rare shared name counts
    and a common one hardly. A value told alike by two documents is one fact only when
    they tell one story (two articles on a car's engine, not one on a car and one on rain)."""

    def __init__(self, claims: list[Claim]):
        self.words: dict[int, set[str]] = {}
        for c in claims:
            self.words.setdefault(c.document_id, set()).update(index_words(" ".join(NAME.findall(c.quote))))
        # the bm25 of an FTS5 table of one column, a row per document (bm25.py: the same scores)
        self.docs = numpy.array(list(self.words), dtype=numpy.int64)
        self.rows = WordRows([(" ".join(sorted(ws)),) for ws in self.words.values()], (1.0,))
        self._row_of = {d: i for i, d in enumerate(self.words)}
        self._ranks: dict[int, dict[int, float]] = {}

    def _relative(self, doc: int) -> dict[int, float]:
        if doc not in self._ranks:
            words = sorted(self.words.get(doc) or set())
            relative: dict[int, float] = {}
            if words:
                score, hit = self.rows.scores(words)
                own = float(score[self._row_of[doc]]) if hit[self._row_of[doc]] else 0.0
                if own > 0:
                    found = numpy.flatnonzero(hit)
                    relative = dict(zip(self.docs[found].tolist(), (score[found] / own).tolist()))
            self._ranks[doc] = relative
        return self._ranks[doc]

    def similarity(self, doc_a: int, doc_b: int) -> float:
        """[0, 1]: each document's words against the other's row, relative to its own, averaged."""
        return (self._relative(doc_a).get(doc_b, 0.0) + self._relative(doc_b).get(doc_a, 0.0)) / 2
