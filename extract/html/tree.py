"""Small helpers on lxml elements: an element's text on one line, its tag."""

from __future__ import annotations

import re
from typing import Optional


_INVISIBLE = re.compile("[\u200b\ufeff\u00ad\u2060]")
# -- text helpers ------------------------------------------------------------------------


def one_line(s: Optional[str]) -> str:
    """One line: whitespace runs to one space, invisible characters out."""
    if not s:
        return ""
    if "\u200b" in s or "\ufeff" in s or "\u00ad" in s or "\u2060" in s:
        s = _INVISIBLE.sub("", s)
    return " ".join(s.split())


def text_of(el) -> str:
    try:
        return one_line(el.text_content())
    except (ValueError, AttributeError):
        return one_line("".join(el.itertext()))


def tag_of(el) -> Optional[str]:
    t = el.tag
    return t.lower() if isinstance(t, str) else None


