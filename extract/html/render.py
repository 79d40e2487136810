"""A tree to lines: one block a line, table rows as 'cell | cell'."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from lxml import etree

from extract.html.tree import one_line, tag_of, text_of


# -- rendering: a tree to lines ----------------------------------------------------------------

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "head"})
BLOCKS = _HEADINGS | frozenset(
    {
        "p", "div", "section", "article", "main", "header", "blockquote", "quote", "pre", "code", "li", "item",
        "ul", "ol", "list", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "caption", "figure", "figcaption",
        "address", "center", "details", "summary", "fieldset", "body", "html", "hr", "td", "th", "cell",
    }
)


_ROWS = frozenset({"tr", "row"})
_CELLS = frozenset({"td", "th", "cell"})
_BREAKS = frozenset({"br", "lb"})
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link", "graphic", "img"})
_LAYOUT_INSIDE = ("p", "div", "table", "ul", "ol", "br", "h1", "h2", "h3", "h4", "h5", "h6")


def _is_layout_row(row) -> bool:
    """A table row used for page layout (cells holding paragraphs), not a data row."""
    for cell in row:
        if tag_of(cell) in ("td", "th") and next(cell.iter(*_LAYOUT_INSIDE), None) is not None:
            return True
    return False


def render(el, out: Optional[list[str]] = None) -> list[str]:
    """Lines of text under `el`: one block a line, table rows as 'cell | cell'."""
    lines = out if out is not None else []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            line = one_line("".join(buf))
            buf.clear()
            if line:
                lines.append(line)

    walker = etree.iterwalk(el, events=("start", "end"))
    skipping = set()
    for event, node in walker:
        tag = tag_of(node)
        if event == "start":
            if tag is None or tag in _SKIP:
                skipping.add(node)
                walker.skip_subtree()
                continue
            if tag in _ROWS and not _is_layout_row(node):
                flush()
                cells = [text_of(c) for c in node if tag_of(c) in _CELLS]
                line = " | ".join(c for c in cells if c)
                if line:
                    lines.append(line)
                skipping.add(node)
                walker.skip_subtree()
                continue
            if tag in BLOCKS or tag in _BREAKS or tag in _ROWS:
                flush()
            if node.text:
                buf.append(node.text)
        else:
            if node in skipping:
                skipping.discard(node)
            elif tag in BLOCKS or tag in _ROWS:
                flush()
            if node is not el and node.tail:
                buf.append(node.tail)
    flush()
    return lines


