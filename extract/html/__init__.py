"""HTML to article: main text and metadata of a news page.

`clean_page(html, url)` returns a `CleanPage` whose `text` is the page's main text, one
block a line: headings, paragraphs and list items in document order, table rows as
"cell | cell". Navigation, footers, share bars, comments, related-story boxes, cookie
banners and ads are left out. Claim offsets point into `text`, so the same input always
gives the same text.

The work is a cascade, cheap steps first:

1. checks: type, size, binary data (`CleanError` with a one-line reason);
2. one lxml parse; metadata from meta tags, JSON-LD, <time> and the URL;
3. pruning of page chrome by rules kept as data (`data/boilerplate.toml`): tags, ARIA
   roles, class/id words, hidden elements, link lists; never the element that holds
   most of the page's paragraph text;
4. two extractors on the pruned tree: trafilatura (fast mode, no comments; skipped on
   very large pages) and our own density extractor (text-rich containers scored by
   text length, commas and link density). Ours replaces trafilatura's result when it
   holds all of it, cut to the same first..last line, and adds little (the lists,
   tables and loose div text trafilatura skipped); ours alone is the fallback when
   trafilatura finds nothing;
5. line clean-up: boilerplate lines (data), the headline (it is `title`), repeats.

One module a step: guards.py (1), metadata.py (2), boilerplate.py and prune.py (3),
render.py and extractors.py (4, 5), tree.py (element helpers). A fallback step that
fails (trafilatura, htmldate) is recorded on `CleanPage.rejected` with its reason.

Nothing here imports pydantic or the records (page.py holds plain frozen ones), so
`claims clean` starts fast; `extract.article.clean_html` gives the typed `Article`.
"""

from __future__ import annotations

from typing import Optional

from extract.html.boilerplate import rules
from extract.html.extractors import choose_lines, finish_lines, own_lines, trafilatura_lines
from extract.html.guards import (
    COSTLY_MAX_ELEMENTS,
    MAX_ELEMENTS,
    MAX_HTML_CHARS,
    MAX_PARSE_DEPTH,
    WRAPPER_TAG,
    CleanError,
    deeper_than,
    parse_page,
    prepare_page,
)
from extract.html.metadata import extract_metadata, parse_date
from extract.html.page import CleanPage, PageMeta
from extract.html.prune import prune
from extract.html.render import render
from extract.html.tree import text_of


__all__ = ["CleanError", "CleanPage", "PageMeta", "clean_page", "extract_metadata", "parse_date", "render", "rules",
           "MAX_HTML_CHARS", "MAX_ELEMENTS"]


def clean_page(html: str, url: Optional[str] = None) -> CleanPage:
    """The main text and metadata of an HTML page. Raises CleanError on pages with none."""
    page = prepare_page(html)
    root, size = parse_page(page)
    if size > MAX_PARSE_DEPTH - 5 and deeper_than(root, MAX_PARSE_DEPTH - 5):
        page = WRAPPER_TAG.sub("\n", page)
        root, size = parse_page(page)
    rejected: list[str] = []
    meta = extract_metadata(root, url, rejected)
    heads = [text_of(h) for h in root.iter("h1")][:3]
    prune(root)
    traf = trafilatura_lines(root, meta.url or url, rejected) if size <= COSTLY_MAX_ELEMENTS else []
    lines = choose_lines(traf, own_lines(root))
    lines = finish_lines(lines, meta, heads)
    text = "\n".join(lines)
    if not text.strip():
        raise CleanError("no main text found in the page")
    return CleanPage(text=text, title=meta.title, author=meta.author, date=meta.date, publisher=meta.publisher,
                     url=meta.url, rejected=tuple(rejected))
