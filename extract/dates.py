"""Calendar dates written in page metadata, and the ones an article's URL states.

`parse_date` reads the first plausible date in a string (ISO, slashed, or with a month
name); `date_from_url` the one a URL's path states, for pages that state none
themselves. Both are used by the HTML cleaner (extract/html/metadata.py) and the text
cleaner, below either.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Optional
from urllib.parse import urlsplit

from extract.months import month_numbers
from extract.plain_rules import WORDS, alternation, read_plain_rules

# url_dates.toml's keys (its model, UrlDatesRules in extract/rule_files.py, is the schema;
# read without pydantic: `claims clean` dates pages by their URL).
URL_DATES = {"patterns": WORDS}

_MONTHS = month_numbers()  # extract/data/calendar.toml
_MONTH_RE = alternation(_MONTHS)
_DATE_PATTERNS = [
    (re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)"), ("y", "m", "d")),
    (re.compile(r"(?<!\d)(\d{4})/(\d{1,2})/(\d{1,2})(?!\d)"), ("y", "m", "d")),
    (re.compile(r"(?<!\d)(\d{4})\.(\d{1,2})\.(\d{1,2})(?!\d)"), ("y", "m", "d")),
    (re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I), ("mn", "d", "y")),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I), ("d", "mn", "y")),
    (re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)"), ("y", "m", "d")),
]


def parse_date(s: Optional[str]) -> Optional[dt.date]:
    """The first plausible calendar date in `s` (ISO, slashed, or with a month name)."""
    if not s:
        return None
    s = s[:200]
    for pattern, order in _DATE_PATTERNS:
        for m in pattern.finditer(s):
            parts = dict(zip(order, m.groups()))
            month = _MONTHS.get(parts["mn"].lower()) if "mn" in parts else int(parts["m"])
            try:
                d = dt.date(int(parts["y"]), month or 0, int(parts["d"]))
            except (ValueError, TypeError):
                continue
            if 1900 <= d.year <= 2100:
                return d
    return None


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.I) for p in read_plain_rules("url_dates.toml", URL_DATES)["patterns"])


def date_from_url(url: Optional[str]) -> Optional[dt.date]:
    """The calendar day the URL's path states (/2019/11/19/, /2019-11-19-, /20191119/), or None.

    Only the path is read (a host or query is no date); an impossible day (2019/13/40)
    or a month-only path is None rather than a guess."""
    if not url:
        return None
    path = urlsplit(url).path
    for pattern in _patterns():
        for m in pattern.finditer(path):
            y, mo, d = m.group("y"), m.group("m"), m.group("d")
            date = parse_date(f"{y}-{mo}-{d}" if mo.isdigit() else f"{d} {mo} {y}")
            if date:
                return date
    return None
