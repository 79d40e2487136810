"""Publication dates an article's URL states, for pages that state none themselves."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Optional
from urllib.parse import urlsplit

@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, ...]:
    from extract.rule_files import UrlDatesRules
    from extract.rules import load_rules

    return tuple(re.compile(p, re.I) for p in load_rules("url_dates.toml", UrlDatesRules).patterns)


def date_from_url(url: Optional[str]) -> Optional[dt.date]:
    """The calendar day the URL's path states (/2019/11/19/, /2019-11-19-, /20191119/), or None.

    Only the path is read (a host or query is no date); an impossible day (2019/13/40)
    or a month-only path is None rather than a guess."""
    from extract.html import parse_date

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
