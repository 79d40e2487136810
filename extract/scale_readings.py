"""A reading put "at" a number by whoever measures it.

"The U.S. Geological Survey estimated the earthquake's magnitude at 7.4", "Japan's agency put
the magnitude of the quake at 7.2" and, after "The quake had a magnitude of 7.4", "Taiwan's
Central Weather Administration put it at 7.2" give a bare number: no unit, no counted noun,
so the claim filter refuses it like any bare number. What is put "at" it is a reading on a
named scale (the scale's word, or "it" right after a sentence that names the scale), and the
number is that reading: unit `magnitude`. "The ministry put the toll at 200" stays a count;
"put it at 200" is a reading only when the scale's word stands just before. Words:
data/quantities.toml [named_scales] `read_things`, `reading_verbs`, `back_chars`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extract.lexicon import alternation
from extract.rule_files import NamedScale


@dataclass(frozen=True)
class ScaleReading:
    """The patterns of one scale's readings put "at" a number."""

    thing_at: re.Pattern  # "magnitude at ", "magnitude of the quake at " right before the number
    it_at: re.Pattern  # "put it at " right before the number
    scale_word: re.Pattern  # the scale's word, in the text before "it"
    back_chars: int

    def read_at(self, text: str, start: int) -> bool:
        """Is the number at `start` a reading put "at" it?"""
        lo = max(0, start - 80)
        if self.thing_at.search(text, lo, start):
            return True
        m = self.it_at.search(text, lo, start)
        return m is not None and self.scale_word.search(text, max(0, m.start() - self.back_chars), m.start()) is not None


def scale_reading(sc: NamedScale) -> Optional[ScaleReading]:
    """The scale's reading patterns; None for a scale with no `read_things`."""
    if not sc.read_things:
        return None
    word = alternation(sc.before)
    things = alternation(sc.read_things)
    return ScaleReading(
        thing_at=re.compile(rf"(?i)(?<![\w-])(?:{word})(?:[ \t]+of[ \t]+(?:[\w'’-]+[ \t]+){{0,3}}(?:{things}))?"
                            r"[ \t]+at[ \t]+$"),
        it_at=re.compile(rf"(?i)(?<![\w-])(?:{alternation(sc.reading_verbs)})[ \t]+it[ \t]+at[ \t]+$"),
        scale_word=re.compile(rf"(?i)(?<![\w-])(?:{word})(?![\w-])"),
        back_chars=sc.back_chars,
    )
