"""The quarter a results story reports when its opening names none.

"Walt Disney reported quarterly results on Thursday" names no quarter, and neither may
the paragraph after it; the story still reports one quarter: the latest that ended before
it was written (results come weeks after a quarter closes, never before). A company
whose fiscal calendar is known (data/fiscal_calendars.toml) reports its fiscal quarter
(FY2024-Q4 for a year ending in September, told in November 2024); any other, the
calendar quarter (2024-Q3). The words that say the results are a quarter's are
data/periods.toml [reported].
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Optional

from extract.lexicon import alternation
from extract.period_rule_files import PeriodsRules
from extract.rules import load_rules

# a sentence ends before a capital or the end, not at "U.S. lender" or "Inc. on Tuesday"
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“‘']|\s*$)")


def quarter_reported(opening: list[str], results: re.Pattern, published: Optional[dt.date],
                     fiscal_ends: Optional[int], by_start: bool) -> Optional[str]:
    """The quarter just ended before `published`, when one of the `opening` sentences
    speaks of results (`results`) and of a quarter's."""
    if published is None or not any(results.search(s) and _quarterly().search(s) for s in opening):
        return None
    return last_quarter_before(published, fiscal_ends or 12, by_start)


def last_quarter_before(published: dt.date, year_ends: int, by_start: bool = False) -> str:
    """The latest quarter that ended in a month before `published`'s: with the year ending
    in December, 2024-Q3 in November 2024; ending in September, FY2024-Q4."""
    written = published.year * 12 + published.month - 1  # months since year 0
    end = written - 1
    while (end - (year_ends - 1)) % 3:
        end -= 1  # the last month of a quarter of this calendar
    year_end = end + (year_ends - 1 - end) % 12  # the fiscal year's last month, on or after it
    n = 4 - (year_end - end) // 3
    year = year_end // 12
    if year_ends == 12:
        return f"{year}-Q{n}"
    return f"FY{year - 1 if by_start else year}-Q{n}"


def opening_sentences(body: str, lede: tuple[int, int]) -> list[str]:
    """The lede's first sentence and the first sentence of the paragraph after it."""
    start, end = lede
    out = []
    for s, e in ((start, end), _next_paragraph(body, end)):
        first = _SENTENCE_END.search(body, s, e)
        out.append(body[s:first.end() if first else e])
    return out


def _next_paragraph(body: str, after: int) -> tuple[int, int]:
    start = after
    while start < len(body) and body[start].isspace():
        start += 1
    end = body.find("\n", start)
    return start, len(body) if end < 0 else end


@lru_cache(maxsize=1)
def _quarterly() -> re.Pattern:
    words = load_rules("periods.toml", PeriodsRules).reported.quarterly
    return re.compile(rf"(?<![\w-])(?:{alternation(words)})(?![\w-])", re.I)
