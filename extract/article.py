"""A source cleaned to its article, without the trained pipeline.

Kept apart from extract/pipeline.py so that `claims clean` (and anything else that
only cleans) does not import spaCy: cleaning one page must start in a fraction of a
second. extract.pipeline re-exports `article_from_source`.
"""

from __future__ import annotations

from extract.dates import date_from_url
from extract.html import clean_html
from extract.records import Article, Source
from extract.textclean import clean_text


def article_from_source(source: Source, recurring: frozenset[str] = frozenset()) -> Article:
    """Clean a source to its article: HTML through the HTML extractor, text by lines."""
    if source.media_type == "text/html":
        article = clean_html(source.text, url=source.final_url or source.url)
    else:
        article = clean_text(source.text, recurring)
    return _dated(article, source)


def _dated(article: Article, source: Source) -> Article:
    """The article with a publication date when it states none: the one its URL's path
    states, else the one the user gave (--date). A date the page states is never overridden."""
    if article.date:
        return article
    date = date_from_url(source.final_url) or date_from_url(source.url) or source.date
    return article.model_copy(update={"date": date}) if date else article
