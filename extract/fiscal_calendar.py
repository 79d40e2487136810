"""A company's fiscal calendar: which company's calendar an article follows, and which
fiscal quarter or half an undated one is.

- `fiscal_year_end_named`: the month the fiscal year ends in of the company a headline
  or lede opens with (data/fiscal_calendars.toml `year_ends`);
- `names_fiscal_years_by_start`: that company names a fiscal year by the year it starts
  in (a US retailer; `named_by_start`);
- `fiscal_part`: quarter or half n of the fiscal year, by the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple, Optional

from extract.lexicon import alternation
from extract.rule_files import FiscalCalendarsRules
from extract.rules import load_rules


class FiscalCalendar(NamedTuple):
    ends: Optional[int]  # the month the article's company's fiscal year ends in, if known
    by_start: bool  # it names a fiscal year by the year it starts in


def fiscal_part(kind: str, n: int, published: dt.date, calendar: FiscalCalendar) -> str:
    """Quarter (or half) `n` of the fiscal year whose part starts at most three months
    after `published`, the latest such (as for calendar quarters): with the year ending
    in January, the third quarter is FY2026-Q3 in August 2025 (August to October 2025)."""
    months = 3 if kind == "bareoq" else 6
    parts = 12 // months
    written = published.year * 12 + published.month - 1  # months since year 0
    ends = published.year + 2
    while True:
        # the part's first month: the fiscal year's last month, less the parts after it
        first = ends * 12 + calendar.ends - 1 - months * (parts - n) - (months - 1)
        if first - written <= 3:
            break
        ends -= 1
    label = "Q" if months == 3 else "H"
    return f"FY{ends - 1 if calendar.by_start else ends}-{label}{n}"


def fiscal_year_end_named(head: str) -> Optional[int]:
    """The month the fiscal year ends in of the company a headline or lede opens with
    (its first three words, after a dateline), when data/fiscal_calendars.toml lists it
    (`year_ends`: companies whose year does not end in December). A company named later
    is another story's ("Nebius raised its forecast ... for customers such as Microsoft")."""
    ends = load_rules('fiscal_calendars.toml', FiscalCalendarsRules).year_ends
    for line in head.split("\n"):
        m = _year_end_opening().match(_DATELINE.sub("", line.strip(), count=1))
        if m:
            return ends[m.group(1)] if ends[m.group(1)] != 12 else None  # a calendar year
    return None


# "Nov 19 (Reuters) - ", "SAN FRANCISCO, Aug 27 — ": what a lede may open with before its story
_DATELINE = re.compile(r"^[^\n]{0,60}?\s[-–—]\s+")


@lru_cache(maxsize=1)
def _year_end_opening() -> re.Pattern:
    names = alternation(load_rules('fiscal_calendars.toml', FiscalCalendarsRules).year_ends)
    return re.compile(rf"(?:[\w’'.&-]+\s+){{0,2}}?({names})(?![\w-])")


def names_fiscal_years_by_start(lede: str) -> bool:
    """The article's company names its fiscal years by the year they start in: the first
    company of data/fiscal_calendars.toml named in its title or lede."""
    return _named_by_start().search(lede) is not None


@lru_cache(maxsize=1)
def _named_by_start() -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?:{alternation(load_rules('fiscal_calendars.toml', FiscalCalendarsRules).named_by_start)})(?![\w-])",
                      re.I)
