"""Units that a figure's words and sentence settle after the first reading.

- points: "34 points" in a game is a score (`points`); in a sentence about a poll or a
  rate the same word is a percentage point ("a 20-point lead in the poll", "cut its
  benchmark rate by a quarter-point"); "a quarter-point" is 0.25;
- "a year and a half", "an hour and a half": 1.5 of the duration;
- "twice the rate", "triple that figure" (times), "half the size" (50 percent);
- digit ordinals: "a 6th fatality" (a count), "lie 14th in the table" (a rank);
- "nine straight points": the counted noun after a filler word;
- readings on a named scale: "the magnitude 7.8 quake", "a 7.8-magnitude earthquake",
  "measured 6.1 on the Richter scale" (unit `magnitude`, no count of quakes); one put "at"
  a number ("put the magnitude of the quake at 7.2": extract/scale_readings.py).

Word lists: extract/data/quantities.toml ([points], [and_a_half], [durations],
[multiples_before], [ordinals], [duration_fillers], [named_scales]).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional

from extract.lexicon import alternation
from extract.pattern_screen import may_match
from extract.rule_files import QuantitiesRules
from extract.rules import load_rules
from extract.records import Approx, Quantity
from extract.scale_readings import ScaleReading, scale_reading

# The hedge before or after a span: (approx, hedge words) (extract/quantities/grow.py `read_hedge`).
Hedge = Callable[[int, int], tuple[Approx, Optional[str]]]

_SENTENCE_BREAK = re.compile(r"[.!?](?=\s+[A-Z\"“])|\n")


@dataclass(frozen=True)
class _Rules:
    nouns: frozenset[str]
    rate_words: re.Pattern
    fraction_point: re.Pattern
    fraction_of_point: re.Pattern
    fractions: dict[str, float]
    and_a_half: re.Pattern
    durations: dict[str, tuple[str, float]]
    multiple: re.Pattern
    multiples: dict[str, float]
    halves: dict[str, float]
    ordinal: re.Pattern
    ordinal_screen: re.Pattern
    ordinal_place: re.Pattern
    ordinal_counting_before: re.Pattern
    ordinal_not_place_after: frozenset[str]
    function_words: frozenset[str]
    fillers: frozenset[str]
    scales: tuple[tuple[str, re.Pattern, re.Pattern, re.Pattern, re.Pattern, Optional[ScaleReading]], ...]


@lru_cache(maxsize=None)
def _rules() -> _Rules:
    d = load_rules("quantities.toml", QuantitiesRules)
    p, durations, mb, o = d.points, d.durations, d.multiples_before, d.ordinals
    return _Rules(
        nouns=frozenset(p.nouns),
        rate_words=re.compile(rf"(?i)(?<![\w-])(?:{alternation(p.rate_words)})(?![\w-])|%"),
        fraction_point=re.compile(rf"(?i)\b(?:an?|one)[ \t]+({alternation(p.fractions)})[- ]point\b"),
        fraction_of_point=re.compile(rf"(?i)\b(?:(?:an?|one)[ \t]+)?({alternation(p.fractions)})[ \t]+(?:of[ \t]+)?"
                                     r"an?[ \t]+(percentage[ \t]+)?point\b"),
        fractions={k.lower(): v for k, v in p.fractions.items()},
        and_a_half=re.compile(rf"(?i)\b(?:{alternation(d.and_a_half.before)})[ \t]+"
                              rf"({alternation(durations)})[ \t]+and[ \t]+a[ \t]+half\b"),
        durations={k.lower(): (v[0], float(v[1])) for k, v in durations.items()},
        multiple=re.compile(rf"(?i)(?<![\w-])({alternation(list(mb.words) + list(mb.halves))})"
                            rf"(?=[ \t]+(?:{alternation(mb.followed_by)})\b)"),
        multiples={k.lower(): float(v) for k, v in mb.words.items()},
        halves={k.lower(): float(v) for k, v in mb.halves.items()},
        ordinal=re.compile(rf"(?<![\w.,/-])(\d{{1,4}})(?:st|nd|rd|th)(?![\w-])(?![ \t]+(?:{alternation(o.not_counts)})\b)"
                           r"(?![ \t]+[A-Z])"),
        # every digit ordinal holds a digit and its suffix; most texts hold none
        ordinal_screen=re.compile(r"\d(?:st|nd|rd|th)"),
        ordinal_place=re.compile(rf"(?i)[ \t]+(?:{alternation(o.place_after)})\b"),
        ordinal_counting_before=re.compile(rf"(?i)(?<![\w-])(?:{alternation(o.before_counting)})[ \t]+$"),
        ordinal_not_place_after=frozenset(w.lower() for w in o.not_place_after),
        function_words=frozenset(w.lower() for w in d.function_words.words),
        fillers=frozenset(d.duration_fillers.words),
        scales=tuple((unit, re.compile(rf"(?i)(?<![\w-])(?:{alternation(sc.before)})[ \t]*$"),
                      re.compile(rf"(?i)[ \t]*(?:{alternation(sc.after)})(?![\w-])"),
                      re.compile(rf"(?i)[ \t]+(?:{alternation(sc.naming_after)})(?![\w-])"),
                      re.compile(rf"(?i)(?<![\w-])(?:{alternation(sc.naming_before)})[ \t]+$"),
                      scale_reading(sc))
                     for unit, sc in d.named_scales.items()),
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
    new = _new_forms(R, text, start, end, hedge)
    # a form read here replaces one read before on the same words ("half" of "half the size",
    # "a quarter" of "a quarter of a percentage point")
    taken = {(q.start, q.end) for q in new}
    whole = [(q.start, q.end) for q in new if q.unit in ("percentage_point", "points")]
    kept = [_on_scale(R, text, _past_filler(R, text, q)) for q in found if (q.start, q.end) not in taken
            and not any(s <= q.start < e for s, e in whole)]
    return _points(R, text, kept) + new


def _points(R: _Rules, text: str, found: list[Quantity]) -> list[Quantity]:
    out = []
    for q in found:
        if q.unit == "count" and q.noun and q.noun.lower() in R.nouns and q.value is not None \
                and not re.search(r"(?i)\bat[ \t]+$", text[max(0, q.start - 4):q.start]):  # "at one point": an idiom
            q = q.model_copy(update={"unit": _points_unit(text, q)})
        out.append(q)
    return out


def _matches(pattern: re.Pattern, text: str, start: int, end: int):
    """pattern.finditer(text, start, end), not run where its screen rules a match out:
    the word forms read here are rare (extract/pattern_screen.py)."""
    return pattern.finditer(text, start, end) if may_match(pattern, text, start, end) else ()


def _new_forms(R: _Rules, text: str, start: int, end: int, hedge: Hedge) -> list[Quantity]:
    out = []
    for m in _matches(R.fraction_point, text, start, end):
        approx, words = hedge(m.start(), m.end())
        q = Quantity(start=m.start(), end=m.end(), surface=m.group(0), value=R.fractions[m.group(1).lower()],
                     unit="points", approx=approx, hedge=words)
        out.append(q.model_copy(update={"unit": _points_unit(text, q)}))
    for m in _matches(R.fraction_of_point, text, start, end):
        # "a quarter of a percentage point", "half a point": a percentage point said so, else by the sentence
        approx, words = hedge(m.start(), m.end())
        q = Quantity(start=m.start(), end=m.end(), surface=m.group(0), value=R.fractions[m.group(1).lower()],
                     unit="percentage_point" if m.group(2) else "points", approx=approx, hedge=words)
        out.append(q if m.group(2) else q.model_copy(update={"unit": _points_unit(text, q)}))
    for m in _matches(R.and_a_half, text, start, end):
        unit, factor = R.durations[m.group(1).lower()]
        approx, words = hedge(m.start(), m.end())
        out.append(Quantity(start=m.start(), end=m.end(), surface=m.group(0), value=1.5 * factor, unit=unit,
                            approx=approx, hedge=words))
    for m in _matches(R.multiple, text, start, end):
        word = m.group(1).lower()
        approx, words = hedge(m.start(), m.end())
        value, unit = (R.halves[word], "percent") if word in R.halves else (R.multiples[word], "times")
        out.append(Quantity(start=m.start(), end=m.end(), surface=m.group(0), value=value, unit=unit,
                            approx=approx, hedge=words))
    ordinals = R.ordinal.finditer(text, start, end) if R.ordinal_screen.search(text, start, end) else ()
    for m in ordinals:
        nxt = re.match(r"[ \t]+([a-z][a-z-]*)", text[m.end():m.end() + 30])
        place = R.ordinal_place.match(text, m.end()) or _bare_place(R, text, m, nxt)
        out.append(Quantity(start=m.start(), end=m.end(), surface=m.group(0), value=float(m.group(1)),
                            unit="rank" if place else "count", noun=None if place or not nxt else nxt.group(1)))
    return out


def _bare_place(R: _Rules, text: str, m: re.Match, nxt: Optional[re.Match]) -> bool:
    """"remain 18th with 13 points", "finished 18th at the Masters", "lies 5th.": an
    ordinal with nothing counted after it and no determiner before it is a place."""
    if R.ordinal_counting_before.search(text, max(0, m.start() - 12), m.start()):
        return False
    if nxt is None:
        return re.match(r"[,.;:)]", text[m.end():m.end() + 1]) is not None
    word = nxt.group(1).lower()
    return word in R.function_words and word not in R.ordinal_not_place_after


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _on_scale(R: _Rules, text: str, q: Quantity) -> Quantity:
    """"the magnitude 7.8 quake", "a 7.8-magnitude earthquake", "6.1 on the Richter
    scale": a reading on a named scale, its surface the number with the scale's word."""
    number = _NUMBER.match(q.surface)
    if q.unit != "count" or q.value is None or number is None:
        return q
    num_end = q.start + number.end()
    for unit, before, after, naming, naming_before, reading in R.scales:
        b = before.search(text, max(0, q.start - 40), q.start)
        a = after.match(text, num_end)
        if b or a or naming.match(text, num_end) or naming_before.search(text, max(0, q.start - 40), q.start) \
                or (reading is not None and reading.read_at(text, q.start)):
            start, end = (b.start() if b else q.start), (a.end() if a else num_end)
            return q.model_copy(update={"start": start, "end": end, "surface": text[start:end], "unit": unit,
                                        "noun": None})
    return q


def _past_filler(R: _Rules, text: str, q: Quantity) -> Quantity:
    """"nine straight points", "three consecutive wins": the noun after the filler is counted."""
    if q.unit != "count" or not q.noun or q.noun.lower() not in R.fillers or not q.surface.endswith(q.noun):
        return q
    m = re.match(r"[ \t]+([a-z][a-z-]*[a-z])\b", text[q.end:q.end + 30])
    if not m:
        return q
    e = q.end + m.end()
    return q.model_copy(update={"end": e, "surface": text[q.start:e], "noun": m.group(1)})
