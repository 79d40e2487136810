"""What the HTML cleaner returns, as plain frozen records (no pydantic).

`claims clean` prints these straight away; extract/article.py turns a `CleanPage` into
the typed `Article` record the rest of the flow passes on. Kept plain so that cleaning a
page does not import pydantic (its import alone costs more than cleaning the page).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class PageMeta:
    """What a page says about itself (its meta tags, JSON-LD, byline, canonical link); missing ones are None."""

    title: Optional[str] = None
    author: Optional[str] = None
    date: Optional[dt.date] = None
    publisher: Optional[str] = None
    url: Optional[str] = None


@dataclass(frozen=True)
class CleanPage:
    """A page's main text (one block a line) and metadata; `rejected` lists the fallback
    steps that failed, each with its reason ("trafilatura: ...")."""

    text: str
    title: Optional[str] = None
    author: Optional[str] = None
    date: Optional[dt.date] = None
    publisher: Optional[str] = None
    url: Optional[str] = None
    rejected: tuple[str, ...] = ()
