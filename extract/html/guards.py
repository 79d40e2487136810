"""Input checks and parsing: type, size, binary data and depth, each refused with a one-line CleanError."""

from __future__ import annotations

import re
import threading
from typing import Any

import lxml.html
from lxml import etree

from extract.decode import ReadError, decode_bytes


# Bounds: a news page is a few hundred kilobytes and a few thousand elements.
MAX_HTML_CHARS = 10_000_000
MAX_ELEMENTS = 100_000
# Above this many elements the costly step (trafilatura) is skipped: ours is linear and cheaper.
COSTLY_MAX_ELEMENTS = 25_000
MAX_JSONLD_CHARS = 500_000
MAX_META_CHARS = 1_000


class CleanError(ValueError):
    """A page that gives no article text; the message is one line a user can act on."""

# -- input checks and parsing ------------------------------------------------------------

# C0 controls other than tab/newline/carriage return/form feed are dropped; C1 controls are
# what windows-1252 bytes become when read as latin-1, so they are mapped back (as browsers do).
CONTROL_MAP = {c: None for c in range(0x20) if c not in (0x09, 0x0A, 0x0C, 0x0D)}
CONTROL_MAP[0x7F] = None
for _c in range(0x80, 0xA0):
    try:
        CONTROL_MAP[_c] = bytes([_c]).decode("cp1252")
    except UnicodeDecodeError:
        CONTROL_MAP[_c] = None
# Invisible characters that split words or tokens in extracted text.
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_TAG = re.compile(r"<\s*[a-zA-Z!/]")
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1f]")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")

_local = threading.local()


def _parser() -> lxml.html.HTMLParser:
    # lxml parsers must not be shared between threads.
    p = getattr(_local, "parser", None)
    if p is None:
        p = _local.parser = lxml.html.HTMLParser(
            remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False
        )
    return p


_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def _drop_bad_char_ref(m: re.Match) -> str:
    code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
    bad = (code < 0x20 and code not in (0x09, 0x0A, 0x0C, 0x0D)) or code == 0x7F \
        or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF or code in (0xFFFE, 0xFFFF)
    return "" if bad else m.group(0)


def prepare_page(html: Any) -> str:
    if isinstance(html, (bytes, bytearray)):
        try:
            html, _ = decode_bytes(bytes(html))
        except ReadError as e:
            raise CleanError(str(e)) from None
    if not isinstance(html, str):
        raise CleanError(f"expected HTML text, got {type(html).__name__}")
    if len(html) > MAX_HTML_CHARS:
        raise CleanError(f"page too large ({len(html)} characters, limit {MAX_HTML_CHARS})")
    if not html.strip():
        raise CleanError("empty page")
    head = html[:65536]
    if len(_BINARY.findall(head)) > max(8, len(head) // 100):
        raise CleanError("binary data, not HTML (control characters)")
    if _CONTROL_CHARS.search(html):
        html = html.translate(CONTROL_MAP)
    if "&#" in html:
        # "&#1;" would put a control character into the tree, which lxml then refuses
        # to write back into it (found by bench/fuzz.py).
        html = _CHAR_REF.sub(_drop_bad_char_ref, html)
    html = _XML_DECL.sub("", html, count=1)
    if not _TAG.search(html, 0, 200_000):
        raise CleanError("not HTML: no markup found")
    return html


# The nodes `root.iter()` walks (elements, comments, processing instructions), counted and
# looked through by libxml2: walking them in Python makes an lxml proxy of each.
_NODE_SET = "(descendant-or-self::*|descendant::comment()|descendant::processing-instruction())"
_NODES = etree.XPath(f"count({_NODE_SET})")
_DEEPER_THAN = etree.XPath(f"boolean({_NODE_SET}[count(ancestor::*) > $depth])")


def parse_page(html: str) -> tuple[lxml.html.HtmlElement, int]:
    """The parsed document and its number of elements."""
    try:
        root = lxml.html.document_fromstring(html, parser=_parser())
    except (etree.ParserError, ValueError, TypeError) as e:
        raise CleanError(f"unparseable HTML ({str(e).splitlines()[0] if str(e) else type(e).__name__})") from None
    n = int(_NODES(root))
    if n > MAX_ELEMENTS:
        raise CleanError(f"page too large (more than {MAX_ELEMENTS} elements)")
    return root, n


# libxml2 stops building the tree 256 levels down: text below that is lost. A page
# nested deeper (broken generators, hostile input) is parsed again with its
# layout-only wrappers removed, which keeps every paragraph and its order.
MAX_PARSE_DEPTH = 255
WRAPPER_TAG = re.compile(r"</?(?:div|span|section|font|center|main|article|aside|header|footer|nav)\b[^>]*>", re.I)


def deeper_than(root, depth: int) -> bool:
    """Whether some node under `root` has more than `depth` elements above it."""
    return bool(_DEEPER_THAN(root, depth=depth))
