"""What the number reader returns (Atom, Refused) and the words it never takes as the thing counted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from extract.months import month_numbers
from extract.rule_files import QuantitiesRules
from extract.rules import load_rules


MONTHS = list(month_numbers())

# Words after a number that are not the thing counted ("5 of the", "10 to 12"): data/quantities.toml.
FUNCTION_WORDS = frozenset(load_rules("quantities.toml", QuantitiesRules).function_words.words) | frozenset(MONTHS)


@dataclass(frozen=True)
class Atom:
    start: int
    end: int
    base: float
    scale: Optional[float] = None  # the trailing magnitude ("2.5 billion": base 2.5, scale 1e9)
    spelled: bool = False
    is_int4: bool = False  # four digits, no comma or decimal: a year candidate
    fraction: bool = False  # a proper fraction: "two-thirds", "a half", "3/4"
    standalone: bool = False  # part of a date, list or code, or a decade: takes no unit


@dataclass(frozen=True)
class Refused:
    start: int
    end: int
    surface: str
    reason: str


