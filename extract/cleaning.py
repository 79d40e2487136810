"""A decoded input cleaned to its page, without the records: what `claims clean` prints.

HTML goes through the HTML cleaner (extract/html), plain text through the text cleaner
(extract/textclean.py); both return plain frozen records, and nothing here imports
pydantic, so `claims clean` starts in a fraction of a second. extract/article.py makes
the typed `Article` of a page for the rest of the flow.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional, Union

from extract.dates import date_from_url
from extract.html import CleanPage, clean_page
from extract.textclean import TextPage, text_page

Page = Union[CleanPage, TextPage]


def clean_decoded(text: str, media_type: str, url: Optional[str] = None,
                  recurring: frozenset[str] = frozenset()) -> Page:
    """Clean a decoded input: HTML through the HTML extractor, text by lines."""
    if media_type == "text/html":
        return clean_page(text, url=url)
    return text_page(text, recurring)


def publication_date(stated: Optional[dt.date], urls: tuple[Optional[str], ...],
                     given: Optional[dt.date] = None) -> Optional[dt.date]:
    """The date the page states; when it states none, the one its URL's path states, else
    the one the user gave (--date). A date the page states is never overridden."""
    if stated:
        return stated
    return next((d for d in map(date_from_url, urls) if d), None) or given


def main_text(page: Page) -> str:
    """What `claims clean` prints: an HTML page's extracted text, a text page's body."""
    return page.body_text() if isinstance(page, TextPage) else page.text
