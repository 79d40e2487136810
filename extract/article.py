"""A source cleaned to its article, without the trained pipeline.

Kept apart from extract/pipeline.py so that `claims clean` (and anything else that
only cleans) does not import spaCy: cleaning one page must start in a fraction of a
second. extract.pipeline re-exports `article_from_source`.
"""

from __future__ import annotations

from extract.records import Article, Source
from extract.textclean import clean_text


def article_from_source(source: Source, recurring: frozenset[str] = frozenset()) -> Article:
    """Clean a source to its article: HTML through the HTML extractor, text by lines."""
    if source.media_type == "text/html":
        from extract.html import clean_html

        return clean_html(source.text, url=source.final_url or source.url)
    return clean_text(source.text, recurring)
