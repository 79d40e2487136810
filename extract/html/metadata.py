"""A page's title, author, date, publisher and URL from meta tags, JSON-LD, <time> and the URL."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import deque
from typing import Any, Iterator, Optional
from urllib.parse import urljoin, urlsplit

from extract.dates import date_from_url, parse_date
from extract.html.boilerplate import rules
from extract.html.guards import MAX_JSONLD_CHARS, MAX_META_CHARS, CONTROL_MAP
from extract.html.tree import one_line, text_of
from extract.html.page import PageMeta


# -- metadata ------------------------------------------------------------------------------


def _clean_meta(s: Any) -> Optional[str]:
    if isinstance(s, (int, float)) and not isinstance(s, bool):
        s = str(s)
    if not isinstance(s, str):
        return None
    s = one_line(s.translate(CONTROL_MAP))[:MAX_META_CHARS]
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


def _htmldate(root, url: Optional[str], rejected: list[str]) -> Optional[dt.date]:
    """Last resort for the date: htmldate's quick search (a trafilatura dependency).

    A failure inside it is recorded in `rejected` ("htmldate: <reason>") and gives no date."""
    try:
        from htmldate import find_date

        found = find_date(root, url=url, original_date=True, extensive_search=False)
    except Exception as e:  # a fallback must never sink the page; its failure is recorded
        rejected.append(f"htmldate: {type(e).__name__}: {e}".splitlines()[0])
        return None
    return parse_date(found) if found else None


def extract_metadata(root, url: Optional[str] = None, rejected: Optional[list[str]] = None) -> PageMeta:
    """title, author, date, publisher, url from a parsed page; missing ones are None.

    A fallback step that failed is appended to `rejected` with its reason."""
    rejected = [] if rejected is None else rejected
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
        text_of(h1) if h1 is not None else None,
        _strip_site_suffix(text_of(title_el), publisher) if title_el is not None else None,
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
                text_of(inner[0]) if inner else text_of(el), True
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
        date = date_from_url(page_url) or date_from_url(url)

    if not date:
        date = _htmldate(root, page_url or url, rejected)
    return PageMeta(title=title, author=author, date=date, publisher=publisher, url=page_url)


