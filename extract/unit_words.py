"""Units that a figure's words and sentence settle after the first reading.

- points: "34 points" in a game is a score (`points`); in a sentence about a poll or a
  rate the same word is a percentage point ("a 20-point lead in the poll", "cut its
  benchmark rate by a quarter-point"); "a quarter-point" is 0.25;
- "a year and a half", "an hour and a half": 1.5 of the duration.

Word lists: extract/data/quantities.toml ([points], [and_a_half], [durations]).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional

from extract.lexicon import alternation, data_table
from extract.records import Approx, Quantity

# The hedge before or after a span: (approx, hedge words) (extract/quantities.py `_hedge`).
Hedge = Callable[[int, int], tuple[Approx, Optional[str]]]

_SENTENCE_BREAK = re.compile(r"[.!?](?=\s+[A-Z\"“])|\n")


@dataclass(frozen=True)
class _Rules:
    nouns: frozenset[str]
    rate_words: re.Pattern
    fraction_point: re.Pattern
    fractions: dict[str, float]
    and_a_half: re.Pattern
    durations: dict[str, tuple[str, float]]


@lru_cache(maxsize=None)
def _rules() -> _Rules:
    d = data_table("quantities")
    p, durations = d["points"], d["durations"]
    return _Rules(
        nouns=frozenset(p["nouns"]),
        rate_words=re.compile(rf"(?i)(?<![\w-])(?:{alternation(p['rate_words'])})(?![\w-])|%"),
        fraction_point=re.compile(rf"(?i)\b(?:an?|one)[ \t]+({alternation(p['fractions'])})[- ]point\b"),
        fractions={k.lower(): v for k, v in p["fractions"].items()},
        and_a_half=re.compile(rf"(?i)\b(?:{alternation(d['and_a_half']['before'])})[ \t]+"
                              rf"({alternation(durations)})[ \t]+and[ \t]+a[ \t]+half\b"),
        durations={k.lower(): (v[0], float(v[1])) for k, v in durations.items()},
    )


def _sentence(text: str, start: int, end: int) -> str:
    lo = max(0, start - 300)
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, lo, start)]
    s = breaks[-1] if breaks else lo
    m = _SENTENCE_BREAK.search(text, end, min(len(text), end + 300))
    return text[s:m.start() if m else min(len(text), end + 300)]


def _points_unit(text: str, q: Quantity) -> str:
    return "percentage_point" if _rules().rate_words.search(_sentence(text, q.start, q.end)) else "points"


def refine_units(text: str, found: list[Quantity], start: int, end: int, hedge: Hedge) -> list[Quantity]:
    """`found` with point counts given their unit, plus the word forms read here."""
    R = _rules()
    out = []
    for q in found:
        if q.unit == "count" and q.noun and q.noun.lower() in R.nouns and q.value is not None \
                and not re.search(r"(?i)\bat[ \t]+$", text[max(0, q.start - 4):q.start]):  # "at one point": an idiom
            q = q.model_copy(update={"unit": _points_unit(text, q)})
        out.append(q)
    for m in R.fraction_point.finditer(text, start, end):
        approx, words = hedge(m.start(), m.end())
        q = Quantity(start=m.start(), end=m.end(), surface=m.group(0), value=R.fractions[m.group(1).lower()],
                     unit="points", approx=approx, hedge=words)
        out.append(q.model_copy(update={"unit": _points_unit(text, q)}))
    for m in R.and_a_half.finditer(text, start, end):
        unit, factor = R.durations[m.group(1).lower()]
        approx, words = hedge(m.start(), m.end())
        out.append(Quantity(start=m.start(), end=m.end(), surface=m.group(0), value=1.5 * factor, unit=unit,
                            approx=approx, hedge=words))
    return out
