"""The one month table (extract/data/calendar.toml): month names and short forms -> 1..12."""

from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from extract.plain_rules import WORDS, read_plain_rules, table

# calendar.toml's keys (its model, CalendarRules in extract/rule_files.py, is the schema;
# read without pydantic because dates are on `claims clean`'s path).
CALENDAR = {"months": table(int), "abbreviations": table(int), "weekdays": {"words": WORDS}}


@lru_cache(maxsize=1)
def _calendar() -> Mapping:
    return read_plain_rules("calendar.toml", CALENDAR)


@lru_cache(maxsize=1)
def month_numbers() -> Mapping[str, int]:
    """Every written form of a month, lower case -> its number: full names first, in
    calendar order, then the short forms."""
    c = _calendar()
    return MappingProxyType({**c["months"], **c["abbreviations"]})


def full_month_names() -> tuple[str, ...]:
    """The twelve full names, lower case, in calendar order."""
    return tuple(_calendar()["months"])


def weekday_names() -> tuple[str, ...]:
    """The seven days of the week, lower case, Monday first."""
    return tuple(_calendar()["weekdays"]["words"])
