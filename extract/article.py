"""A source cleaned to its article (the typed record), without the trained pipeline.

Kept apart from extract/pipeline.py so that anything that only cleans does not import
spaCy; the cleaning itself is in extract/cleaning.py, which does not import pydantic
either (`claims clean` prints its pages). extract.pipeline re-exports `article_from_source`.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional

from extract.cleaning import Page, clean_decoded, publication_date
from extract.html import CleanPage, clean_page
from extract.records import Article, Source
from extract.textclean import text_page


def article_from_source(source: Source, recurring: frozenset[str] = frozenset()) -> Article:
    """Clean a source to its article: HTML through the HTML extractor, text by lines."""
    page = clean_decoded(source.text, source.media_type, source.final_url or source.url, recurring)
    return article_of(page, publication_date(page.date, (source.final_url, source.url), source.date))


def clean_html(html: str | bytes, url: Optional[str] = None) -> Article:
    """The main text and metadata of an HTML page as an Article. Raises CleanError on pages with none."""
    page = clean_page(html, url)
    return article_of(page, page.date)


def clean_text(text: str, recurring: frozenset[str] = frozenset()) -> Article:
    """The article inside a plain-text page: `text` unchanged, body regions marked."""
    page = text_page(text, recurring)
    return article_of(page, page.date)


def article_of(page: Page, date: Optional[dt.date]) -> Article:
    """The typed record of a cleaned page, dated `date`."""
    if isinstance(page, CleanPage):
        return Article(text=page.text, regions=[(0, len(page.text))], title=page.title, author=page.author,
                       date=date, publisher=page.publisher, url=page.url, rejected=list(page.rejected))
    return Article(text=page.text, regions=page.regions, title=page.title, date=date, checked=page.checked)
