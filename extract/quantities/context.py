"""Words around a figure that say what it is: a multiple, a share, a part of a period (data/quantities.toml [figure_context])."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from extract.lexicon import alternation
from extract.rule_files import QuantitiesRules
from extract.rules import load_rules

@dataclass(frozen=True)
class FigureContextPatterns:
    """Words around a figure that say what it is (data/quantities.toml [figure_context])."""

    multiple_before: re.Pattern  # "grew 30 times": a multiple, not a count of occasions
    proportion_before: re.Pattern  # "cut by two-thirds": a share
    fraction_time_before: re.Pattern  # "the second half": a part of a period
    fraction_time_after: re.Pattern  # "half of the year"
    fraction_time_glued: re.Pattern  # "half-time", "a quarter-point"


@lru_cache(maxsize=1)
def figure_context() -> FigureContextPatterns:
    c = load_rules("quantities.toml", QuantitiesRules).figure_context
    return FigureContextPatterns(
        multiple_before=re.compile(rf"\b(?:{alternation(c.multiple_verbs)})\s+(?:\w+\s+)?$", re.I),
        proportion_before=re.compile(rf"\b(?:{alternation(c.proportion_before)})\s+(?:\w+\s+)?$"),
        fraction_time_before=re.compile(rf"\b(?:{alternation(c.fraction_time_before)})\s+$"),
        fraction_time_after=re.compile(rf"\s+(?:of\s+)?(?:the\s+)?(?:{alternation(c.fraction_time_after)}|20\d\d)"),
        fraction_time_glued=re.compile(rf"[-\s](?:{alternation(c.fraction_time_glued)})"),
    )


# data/quantities.toml [patterns]
_GOES_ON = re.compile(load_rules("quantities.toml", QuantitiesRules).patterns.fraction_sentence_goes_on)
_OUT_OF = re.compile(load_rules("quantities.toml", QuantitiesRules).patterns.out_of)


def is_proportion(text: str, start: int, end: int, hedge: Optional[str]) -> bool:
    followed_by_of = re.match(r"\s+of\b", text[end:end + 5])
    if "-" in text[start:end] and re.match(r"\s+[a-z]+", text[end:end + 20]) and not _GOES_ON.match(
            text[end:end + 6]):
        return True  # "the two-thirds threshold", "a one-fifth stake"
    by_before = figure_context().proportion_before.search(text[max(0, start - 20):start])
    out_of = _OUT_OF.search(text[start:end])  # "293 out of 300" is always a share
    return bool(hedge or followed_by_of or by_before or out_of)


def fraction_is_time(text: str, s: int, e: int) -> bool:
    before = text[max(0, s - 25):s].lower()
    after = text[e:e + 25].lower()
    c = figure_context()
    return bool(c.fraction_time_before.search(before) or c.fraction_time_after.match(after)
                or c.fraction_time_glued.match(after))
