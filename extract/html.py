"""HTML to article: main text and metadata of a news page.

`clean_html(html, url)` returns an `Article` whose `text` is the page's main text, one
block a line: headings, paragraphs and list items in document order, table rows as
"cell | cell". Navigation, footers, share bars, comments, related-story boxes, cookie
banners and ads are left out. Claim offsets point into `text`, so the same input always
gives the same text.

The work is a cascade, cheap steps first:

1. checks: type, size, binary data (`CleanError` with a one-line reason);
2. one lxml parse; metadata from meta tags, JSON-LD, <time> and the URL;
3. pruning of page chrome by rules kept as data (`data/boilerplate.json`): tags, ARIA
   roles, class/id words, hidden elements, link lists; never the element that holds
   most of the page's paragraph text;
4. two extractors on the pruned tree: trafilatura (fast mode, no comments; skipped on
   very large pages) and our own density extractor (text-rich containers scored by
   text length, commas and link density). Ours replaces trafilatura's result when it
   holds all of it, cut to the same first..last line, and adds little (the lists,
   tables and loose div text trafilatura skipped); ours alone is the fallback when
   trafilatura finds nothing;
5. line clean-up: boilerplate lines (data), the headline (it is `title`), repeats.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import threading
from collections import deque
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from extract.lexicon import alternation
from extract.months import month_numbers
from extract.records import Article

__all__ = ["CleanError", "clean_html", "extract_metadata"]

DATA_FILE = Path(__file__).resolve().parent / "data" / "boilerplate.json"

# Bounds: a news page is a few hundred kilobytes and a few thousand elements.
MAX_HTML_CHARS = 10_000_000
MAX_ELEMENTS = 100_000
# Above this many elements the costly step (trafilatura) is skipped: ours is linear and cheaper.
COSTLY_MAX_ELEMENTS = 25_000
MAX_JSONLD_CHARS = 500_000
MAX_META_CHARS = 1_000


class CleanError(ValueError):
    """A page that gives no article text; the message is one line a user can act on."""


# -- rules ---------------------------------------------------------------------------


class _Rules:
    """The data file, compiled once."""

    def __init__(self, data: dict):
        self.drop_tags = frozenset(data["drop_tags"])
        self.chrome_tags = frozenset(data["chrome_tags"])
        self.drop_roles = frozenset(data["drop_roles"])
        self.class_tokens = frozenset(data["class_tokens"])
        subs = sorted(data["class_substrings"], key=len, reverse=True)
        self.class_substrings = re.compile("|".join(re.escape(s) for s in subs)) if subs else None
        self.line_max = int(data["line_max_chars"])
        self.line_patterns = re.compile(
            "(?:" + "|".join(f"(?:{p})" for p in data["line_patterns"]) + r")[\s.!:|»›>-]*", re.I
        )
        meta = data["metadata"]
        self.meta_keys: dict[str, list[str]] = {k: [x.lower() for x in v] for k, v in meta["meta_keys"].items()}
        self.article_types = frozenset(meta["jsonld_article_types"])


@lru_cache(maxsize=1)
def rules() -> _Rules:
    return _Rules(json.loads(DATA_FILE.read_text(encoding="utf-8")))


# -- input checks and parsing ------------------------------------------------------------

# C0 controls other than tab/newline/carriage return/form feed are dropped; C1 controls are
# what windows-1252 bytes become when read as latin-1, so they are mapped back (as browsers do).
_CONTROL = {c: None for c in range(0x20) if c not in (0x09, 0x0A, 0x0C, 0x0D)}
_CONTROL[0x7F] = None
for _c in range(0x80, 0xA0):
    try:
        _CONTROL[_c] = bytes([_c]).decode("cp1252")
    except UnicodeDecodeError:
        _CONTROL[_c] = None
# Invisible characters that split words or tokens in extracted text.
_INVISIBLE = re.compile("[\u200b\ufeff\u00ad\u2060]")
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


def _prepare(html: Any) -> str:
    if isinstance(html, (bytes, bytearray)):
        from extract.read import ReadError, decode_bytes

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
        html = html.translate(_CONTROL)
    if "&#" in html:
        # "&#1;" would put a control character into the tree, which lxml then refuses
        # to write back into it (found by bench/fuzz.py).
        html = _CHAR_REF.sub(_drop_bad_char_ref, html)
    html = _XML_DECL.sub("", html, count=1)
    if not _TAG.search(html, 0, 200_000):
        raise CleanError("not HTML: no markup found")
    return html


def _parse(html: str) -> tuple[lxml.html.HtmlElement, int]:
    """The parsed document and its number of elements."""
    try:
        root = lxml.html.document_fromstring(html, parser=_parser())
    except (etree.ParserError, ValueError, TypeError) as e:
        raise CleanError(f"unparseable HTML ({str(e).splitlines()[0] if str(e) else type(e).__name__})") from None
    n = 0
    for _ in root.iter():
        n += 1
        if n > MAX_ELEMENTS:
            raise CleanError(f"page too large (more than {MAX_ELEMENTS} elements)")
    return root, n


# -- text helpers ------------------------------------------------------------------------


def _norm(s: Optional[str]) -> str:
    """One line: whitespace runs to one space, invisible characters out."""
    if not s:
        return ""
    if "\u200b" in s or "\ufeff" in s or "\u00ad" in s or "\u2060" in s:
        s = _INVISIBLE.sub("", s)
    return " ".join(s.split())


def _text(el) -> str:
    try:
        return _norm(el.text_content())
    except (ValueError, AttributeError):
        return _norm("".join(el.itertext()))


def _tag(el) -> Optional[str]:
    t = el.tag
    return t.lower() if isinstance(t, str) else None


# -- metadata ------------------------------------------------------------------------------

_MONTHS = month_numbers()  # extract/data/calendar.toml
_MONTH_RE = alternation(_MONTHS)
_DATE_PATTERNS = [
    (re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)"), ("y", "m", "d")),
    (re.compile(r"(?<!\d)(\d{4})/(\d{1,2})/(\d{1,2})(?!\d)"), ("y", "m", "d")),
    (re.compile(r"(?<!\d)(\d{4})\.(\d{1,2})\.(\d{1,2})(?!\d)"), ("y", "m", "d")),
    (re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I), ("mn", "d", "y")),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I), ("d", "mn", "y")),
    (re.compile(r"(?<!\d)((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)"), ("y", "m", "d")),
]


def parse_date(s: Optional[str]) -> Optional[dt.date]:
    """The first plausible calendar date in `s` (ISO, slashed, or with a month name)."""
    if not s:
        return None
    s = s[:200]
    for pattern, order in _DATE_PATTERNS:
        for m in pattern.finditer(s):
            parts = dict(zip(order, m.groups()))
            month = _MONTHS.get(parts["mn"].lower()) if "mn" in parts else int(parts["m"])
            try:
                d = dt.date(int(parts["y"]), month or 0, int(parts["d"]))
            except (ValueError, TypeError):
                continue
            if 1900 <= d.year <= 2100:
                return d
    return None


def _clean_meta(s: Any) -> Optional[str]:
    if isinstance(s, (int, float)) and not isinstance(s, bool):
        s = str(s)
    if not isinstance(s, str):
        return None
    s = _norm(s.translate(_CONTROL))[:MAX_META_CHARS]
    return s or None


def _meta_tags(root) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in root.iter("meta"):
        content = m.get("content")
        if content is None:
            continue
        for attr in ("property", "name", "itemprop"):
            key = m.get(attr)
            if key:
                v = _clean_meta(content)
                if v:
                    out.setdefault(key.strip().lower(), v)
    return out


def _iter_json(obj: Any) -> Iterator[dict]:
    """Every dict inside a JSON-LD value, outer first (iterative: no recursion limit)."""
    stack = deque([obj])
    seen = 0
    while stack and seen < 5000:
        o = stack.popleft()
        seen += 1
        if isinstance(o, dict):
            yield o
            stack.extend(v for v in o.values() if isinstance(v, (dict, list)))
        elif isinstance(o, list):
            stack.extend(v for v in o if isinstance(v, (dict, list)))


def _types(o: dict) -> set[str]:
    t = o.get("@type")
    if isinstance(t, str):
        return {t}
    if isinstance(t, list):
        return {x for x in t if isinstance(x, str)}
    return set()


def _name_of(v: Any) -> Optional[str]:
    """A person's or organisation's name from a JSON-LD value (str, dict or list)."""
    if isinstance(v, list):
        names = [n for n in (_name_of(x) for x in v[:10]) if n]
        return ", ".join(dict.fromkeys(names)) or None
    if isinstance(v, dict):
        return _clean_meta(v.get("name"))
    return _clean_meta(v)


def _jsonld(root) -> dict[str, Any]:
    found: dict[str, Any] = {}
    r = rules()
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        if not raw or len(raw) > MAX_JSONLD_CHARS:
            continue
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):
            continue
        for o in _iter_json(data):
            types = _types(o)
            if types & r.article_types:
                for key in ("headline", "datePublished", "dateCreated", "author", "publisher", "url"):
                    if key in o and key not in found:
                        found[key] = o[key]
                main = o.get("mainEntityOfPage")
                if "mainurl" not in found:
                    found["mainurl"] = main.get("@id") if isinstance(main, dict) else main
            elif types & {"WebSite", "Organization", "NewsMediaOrganization"} and "sitename" not in found:
                found["sitename"] = o.get("name")
    return found


def _first(*values: Any) -> Optional[str]:
    for v in values:
        v = _clean_meta(v)
        if v:
            return v
    return None


def _from_meta(meta: dict[str, str], field: str) -> Iterator[str]:
    for key in rules().meta_keys[field]:
        if key in meta:
            yield meta[key]


_BY = re.compile(r"^\s*(?:by|von|par|por|di|door)\s*[:\-]?\s+", re.I)


_NOT_A_NAME = re.compile(r"https?://|www\.|\.(?:txt|html?|php)\b|^@|@\S+\.", re.I)
_BYLINE_END = re.compile(r"\s*(?:[|•·\n]|\d|\b(?:updated|published|posted|on (?=[A-Z]))\b).*$", re.S | re.I)


def _author(s: Optional[str], byline: bool = False) -> Optional[str]:
    """A clean author name, or None for things that are not one (URLs, file names, handles)."""
    s = _clean_meta(s)
    if not s or _NOT_A_NAME.search(s):
        return None
    s = _BY.sub("", s)
    if byline:  # free text: "By Jane Doe | November 18, 2019 Print this article"
        s = _BYLINE_END.sub("", s)
        if len(s.split()) > 8:
            return None
    s = s.strip(" ,|-:")
    return s if 1 < len(s) <= 200 and any(c.isalpha() for c in s) else None


def _absolute_url(href: Optional[str], base: Optional[str]) -> Optional[str]:
    href = _clean_meta(href)
    if not href:
        return None
    try:
        full = urljoin(base, href) if base else href
        parts = urlsplit(full)
    except ValueError:
        return None
    return full if parts.scheme in ("http", "https") and parts.netloc else None


def _squash(s: str) -> str:
    return re.sub(r"\W+", "", s).lower()


def _strip_site_suffix(title: str, site: Optional[str], guess: bool = True) -> str:
    """'Headline | Site' -> 'Headline'; with `guess`, any short last part counts as a site."""
    parts = re.split(r"\s+[|\-–—:·»]\s+", title)
    if len(parts) < 2:
        return title
    last = parts[-1].strip()
    is_site = bool(site) and (
        _squash(last) == _squash(site) or _squash(last) in {_squash(x) for x in site.split(".")}
    )
    if is_site or (guess and len(last) < 40 and len(title) - len(last) > len(last)):
        return title[: title.rfind(parts[-1])].rstrip(" |-–—:·»")
    return title


def _htmldate(root, url: Optional[str]) -> Optional[dt.date]:
    """Last resort for the date: htmldate's quick search (a trafilatura dependency)."""
    try:
        from htmldate import find_date

        found = find_date(root, url=url, original_date=True, extensive_search=False)
    except Exception:  # a fallback must never sink the page
        return None
    return parse_date(found) if found else None


def extract_metadata(root, url: Optional[str] = None) -> dict[str, Any]:
    """title, author, date, publisher, url from a parsed page; missing ones are None."""
    meta = _meta_tags(root)
    ld = _jsonld(root)

    canonical = None
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            canonical = _absolute_url(link.get("href"), url)
            if canonical:
                break
    page_url = (
        canonical
        or _absolute_url(next(_from_meta(meta, "url"), None), url)
        or _absolute_url(ld.get("mainurl") if isinstance(ld.get("mainurl"), str) else None, url)
        or _absolute_url(ld.get("url") if isinstance(ld.get("url"), str) else None, url)
        or _clean_meta(url)
    )

    publisher = _first(*_from_meta(meta, "publisher"), _name_of(ld.get("publisher")), ld.get("sitename"))
    if publisher:
        publisher = publisher.lstrip("@") or None
    if not publisher and page_url:
        host = urlsplit(page_url).hostname or ""
        publisher = re.sub(r"^www\d?\.", "", host) or None

    h1 = next(root.iter("h1"), None)
    title_el = next(root.iter("title"), None)
    title = _first(
        *_from_meta(meta, "title"),
        ld.get("headline"),
        _text(h1) if h1 is not None else None,
        _strip_site_suffix(_text(title_el), publisher) if title_el is not None else None,
    )
    if title:
        title = _strip_site_suffix(title, publisher, guess=False)

    author = None
    for cand in (_name_of(ld.get("author")), *_from_meta(meta, "author")):
        author = _author(cand)
        if author:
            break
    if not author:
        for el in root.xpath(
            "//*[@rel='author' or @itemprop='author' or contains(concat(' ', normalize-space(@class), ' '), ' byline ')]"
        )[:5]:
            inner = el.xpath(".//*[@itemprop='name']|.//a")
            author = _author(el.get("content"), True) or _author(
                _text(inner[0]) if inner else _text(el), True
            )
            if author:
                break

    date = None
    for cand in (ld.get("datePublished"), *_from_meta(meta, "date"), ld.get("dateCreated")):
        date = parse_date(_clean_meta(cand))
        if date:
            break
    if not date:
        times = root.xpath("//time[@pubdate or @itemprop='datePublished'][@datetime]") or root.xpath("//time[@datetime]")
        for t in times[:5]:
            date = parse_date(t.get("datetime"))
            if date:
                break
    if not date:
        from extract.dates import date_from_url

        date = date_from_url(page_url) or date_from_url(url)

    if not date:
        date = _htmldate(root, page_url or url)
    return {"title": title, "author": author, "date": date, "publisher": publisher, "url": page_url}


# -- pruning -------------------------------------------------------------------------------

_SPLIT_CLASS = re.compile(r"[^a-z0-9]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_NEVER_PRUNE = frozenset({"html", "body", "main", "article"})


def _direct_text(el) -> str:
    """Text an element holds itself, not inside child elements (paragraphs split by <br>)."""
    return _norm((el.text or "") + "".join(c.tail or "" for c in el))


def _raw_len(el) -> int:
    """A cheap upper bound of `_content_len`."""
    try:
        return len(el.text_content())
    except ValueError:
        return 0


def _content_len(el) -> int:
    """Characters of text under `el` outside links: what an article has and a menu has not."""
    n = len(_text(el))
    if n:
        n -= sum(len(_text(a)) for a in el.iter("a"))
    return max(0, n)


def _is_chrome(el, tag: str, r: _Rules) -> bool:
    if tag in r.chrome_tags:
        return True
    role = (el.get("role") or "").strip().lower()
    if role and role in r.drop_roles:
        return True
    if tag in _NEVER_PRUNE:
        return False
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").lower() == "true":
        return True
    style = el.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    names = " ".join(v for v in (el.get("class"), el.get("id")) if v).lower()
    if not names:
        return False
    if r.class_tokens.intersection(_SPLIT_CLASS.split(names)):
        return True
    return bool(r.class_substrings and r.class_substrings.search(names))


def _prune(root) -> None:
    """Remove page chrome in place, keeping tails (text after an element) intact."""
    r = rules()
    body = root.find("body")
    if body is None:
        body = root
    walker = etree.iterwalk(root, events=("start",))
    doomed = []
    for _, el in walker:
        if _tag(el) in r.drop_tags:
            doomed.append(el)
            walker.skip_subtree()
    _drop_all(doomed)
    total = _content_len(body)
    doomed = []
    walker = etree.iterwalk(root, events=("start",))
    for _, el in walker:
        tag = _tag(el)
        if tag is not None and _is_chrome(el, tag, r):
            # Veto: never remove the element that carries most of the article.
            if total and _raw_len(el) > 0.35 * total and _content_len(el) > 0.35 * total:
                continue
            doomed.append(el)
            walker.skip_subtree()
    _drop_all(doomed)
    _drop_link_lists(body)


def _drop_all(elements: list) -> None:
    for el in elements:
        if el.getparent() is not None:
            el.drop_tree()


def _link_density(el, text_len: Optional[int] = None) -> float:
    n = text_len if text_len is not None else len(_text(el))
    if not n:
        return 0.0
    return min(1.0, sum(len(_text(a)) for a in el.iter("a")) / n)


def _drop_link_lists(body) -> None:
    """Lists made mostly of links (menus, related stories) go."""
    doomed = []
    for lst in body.iter("ul", "ol"):
        items = [c for c in lst if _tag(c) == "li"]
        if len(items) >= 3 and _link_density(lst) > 0.7:
            doomed.append(lst)
    _drop_all(doomed)


# -- rendering: a tree to lines ----------------------------------------------------------------

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "head"})
_BLOCKS = _HEADINGS | frozenset(
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
        if _tag(cell) in ("td", "th") and next(cell.iter(*_LAYOUT_INSIDE), None) is not None:
            return True
    return False


def render(el, out: Optional[list[str]] = None) -> list[str]:
    """Lines of text under `el`: one block a line, table rows as 'cell | cell'."""
    lines = out if out is not None else []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            line = _norm("".join(buf))
            buf.clear()
            if line:
                lines.append(line)

    walker = etree.iterwalk(el, events=("start", "end"))
    skipping = set()
    for event, node in walker:
        tag = _tag(node)
        if event == "start":
            if tag is None or tag in _SKIP:
                skipping.add(node)
                walker.skip_subtree()
                continue
            if tag in _ROWS and not _is_layout_row(node):
                flush()
                cells = [_text(c) for c in node if _tag(c) in _CELLS]
                line = " | ".join(c for c in cells if c)
                if line:
                    lines.append(line)
                skipping.add(node)
                walker.skip_subtree()
                continue
            if tag in _BLOCKS or tag in _BREAKS or tag in _ROWS:
                flush()
            if node.text:
                buf.append(node.text)
        else:
            if node in skipping:
                skipping.discard(node)
            elif tag in _BLOCKS or tag in _ROWS:
                flush()
            if node is not el and node.tail:
                buf.append(node.tail)
    flush()
    return lines


# -- extractor 1: trafilatura ------------------------------------------------------------------


def _trafilatura_lines(root, url: Optional[str]) -> list[str]:
    """Trafilatura's main text (public API, fast mode, no comments), on a copy of the tree."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            copy.deepcopy(root),
            url=url,
            fast=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            with_metadata=False,
        )
    except Exception:  # a third-party step must not sink the cascade: ours is the fallback
        return []
    body = getattr(doc, "body", None) if doc is not None else None
    return render(body) if body is not None else []


# -- extractor 2: our density extractor -----------------------------------------------------------

_POSITIVE = re.compile(r"article|body|content|entry|main|post|story|text|blog", re.I)
_NEGATIVE = re.compile(r"comment|footer|sidebar|related|share|social|promo|widget|banner|meta|byline|nav", re.I)
_PARAS = ("p", "pre", "td", "blockquote")


def _class_weight(el) -> float:
    names = " ".join(v for v in (el.get("class"), el.get("id")) if v)
    if not names:
        return 0.0
    w = 0.0
    if _POSITIVE.search(names):
        w += 25
    if _NEGATIVE.search(names):
        w -= 25
    return w


def _ancestors(el, n: int) -> list:
    out = []
    while el is not None and len(out) < n:
        out.append(el)
        el = el.getparent()
    return out


def _own_lines(root) -> list[str]:
    """Our extractor: the best-scoring container and its text-rich siblings, as lines."""
    body = root.find("body")
    if body is None:
        body = root
    scores: dict[Any, float] = {}
    for p in body.iter(*_PARAS, "div"):
        if _tag(p) == "div":
            # Only divs that hold text themselves (paragraphs written with <br> or spans).
            own = _direct_text(p)
            if len(own) < 25:
                if any(_tag(c) in _BLOCKS for c in p):
                    continue
                own = _text(p)
                if len(own) < 25:
                    continue
            n = len(own)
        else:
            n = len(_text(p))
            if n < 25:
                continue
            own = None
        parent = p.getparent()
        if parent is None:
            continue
        text = own if own is not None else _text(p)
        base = (1 + text.count(",") + text.count("、") + min(n // 100, 3)) * (1 - _link_density(p, n) if own is None else 1)
        for level, anc in enumerate(_ancestors(parent, 3)):
            if anc not in scores:
                scores[anc] = _class_weight(anc)
            scores[anc] += base / (level + 1)
    if not scores:
        return render(body)
    top = sorted(scores.items(), key=lambda kv: -kv[1])[:5]
    best, best_score = max(((el, s * (1 - _link_density(el))) for el, s in top), key=lambda kv: kv[1])
    parent = best.getparent()
    chosen = [best]
    if parent is not None:
        threshold = max(10.0, best_score * 0.2)
        chosen = []
        for sib in parent:
            if sib is best:
                chosen.append(sib)
                continue
            tag = _tag(sib)
            if tag is None:
                continue
            if scores.get(sib, 0.0) >= threshold:
                chosen.append(sib)
            elif tag == "p":
                t = _text(sib)
                ld = _link_density(sib, len(t))
                if (len(t) > 80 and ld < 0.25) or (0 < len(t) <= 80 and ld == 0 and t.endswith((".", "!", "?", "”", '"'))):
                    chosen.append(sib)
    lines: list[str] = []
    for el in chosen:
        render(el, lines)
    return lines


# -- choosing and finishing -----------------------------------------------------------------------


def _words(lines: Iterable[str]) -> int:
    return sum(len(line.split()) for line in lines)


def _combine(traf: list[str], own: list[str]) -> list[str]:
    """Trafilatura's lines, or ours when ours holds all of them and only a little more.

    Ours is cut to the span from the first to the last line trafilatura found, so what
    it adds is what trafilatura skipped inside the article (lists, tables, text written
    straight into divs), never the comments or teasers around it.
    """
    if not traf:
        return own
    if not own:
        return traf
    wanted = {_key(x) for x in traf}
    own_keys = [_key(x) for x in own]
    hits = [k for k, key in enumerate(own_keys) if key in wanted]
    if not hits:
        return traf
    found = {own_keys[k] for k in hits}
    kept = sum(len(x) for x in traf if _key(x) in found) / max(1, sum(len(x) for x in traf))
    span = own[hits[0] : hits[-1] + 1]
    if kept >= 0.95 and _words(span) <= 1.5 * _words(traf):
        return span
    return traf


def _key(s: Optional[str]) -> str:
    """A line's comparison key: case, punctuation and spacing ignored."""
    return re.sub(r"\W+", " ", (s or "").casefold()).strip()


def _finish(lines: list[str], meta: dict[str, Any], heads: Iterable[str]) -> list[str]:
    """Drop boilerplate lines (data file), the leading headline, and repeats."""
    r = rules()
    titles = {k for k in (_key(meta.get("title")), *(_key(h) for h in heads)) if k}
    out: list[str] = []
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if len(line) <= r.line_max and r.line_patterns.fullmatch(line):
            continue
        if i < 4 and not out and _key(line) in titles:
            continue  # the headline: it is `title`, not body text
        if out and out[-1] == line:
            continue
        if len(line) >= 50:
            if line in seen:
                continue  # a repeated long line is a caption or a teaser, not prose
            seen.add(line)
        out.append(line)
    return out


# libxml2 stops building the tree 256 levels down: text below that is lost. A page
# nested deeper (broken generators, hostile input) is parsed again with its
# layout-only wrappers removed, which keeps every paragraph and its order.
MAX_PARSE_DEPTH = 255
_WRAPPER_TAG = re.compile(r"</?(?:div|span|section|font|center|main|article|aside|header|footer|nav)\b[^>]*>", re.I)


def _depth(root) -> int:
    deepest = 0
    for el in root.iter():
        d = 0
        parent = el.getparent()
        while parent is not None and d <= MAX_PARSE_DEPTH:
            d += 1
            parent = parent.getparent()
        deepest = max(deepest, d)
        if deepest > MAX_PARSE_DEPTH - 5:
            break
    return deepest


def clean_html(html: str, url: Optional[str] = None) -> Article:
    """The main text and metadata of an HTML page. Raises CleanError on pages with none."""
    page = _prepare(html)
    root, size = _parse(page)
    if size > MAX_PARSE_DEPTH - 5 and _depth(root) > MAX_PARSE_DEPTH - 5:
        page = _WRAPPER_TAG.sub("\n", page)
        root, size = _parse(page)
    meta = extract_metadata(root, url)
    heads = [_text(h) for h in root.iter("h1")][:3]
    _prune(root)
    traf = _trafilatura_lines(root, meta.get("url") or url) if size <= COSTLY_MAX_ELEMENTS else []
    lines = _combine(traf, _own_lines(root))
    lines = _finish(lines, meta, heads)
    text = "\n".join(lines)
    if not text.strip():
        raise CleanError("no main text found in the page")
    return Article(
        text=text,
        regions=[(0, len(text))],
        title=meta["title"],
        author=meta["author"],
        date=meta["date"],
        publisher=meta["publisher"],
        url=meta["url"],
    )
