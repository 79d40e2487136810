"""Where a batch of article URLs comes from: RSS/Atom feeds and plain URL lists.

Feeds are parsed with the standard library's expat, guarded: a DOCTYPE (and with it
every entity declaration, so no "billion laughs" and no external entities) is refused
outright, and external entity references are never resolved.
"""

from __future__ import annotations

import os
import re
import stat
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Union
from urllib.parse import urljoin, urlsplit
from xml.parsers import expat

from pydantic import BaseModel

from extract.records import Source

ATOM = "http://www.w3.org/2005/Atom"
RSS1 = "http://purl.org/rss/1.0/"
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
_ROOT = re.compile(
    r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--.*?-->|<\?.*?\?>)\s*)*(?:<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>\s*)?"
    r"(?:(?:<!--.*?-->|<\?.*?\?>)\s*)*<(?:[\w.-]+:)?(rss|feed|RDF)\b",
    re.S,
)


class FeedError(Exception):
    """A feed that cannot be read; the message is one line a user can act on."""


class UrlListError(ValueError):
    """A URL list with bad lines (`lines`, 1-based) or that cannot be read at all."""

    def __init__(self, message: str, path: str, lines: list[int]):
        super().__init__(message)
        self.path = path
        self.lines = lines


def is_feed(source: Source) -> bool:
    """True for an RSS (0.9x/1.0/2.0) or Atom document, judged by its root element."""
    return bool(_ROOT.match(source.text[:8192].lstrip("\ufeff")))


def feed_links(source: Source) -> list[str]:
    """The article links of a feed, in feed order, absolute, http(s) only, without repeats.

    RSS: each item's <link> (else a permalink <guid>). Atom: each entry's
    <link rel="alternate" href> (rel absent means alternate; text/html preferred).
    Raises FeedError for malformed XML, a DTD, or a document that is not a feed.
    """
    root = _parse(source.text)
    base = urljoin(source.final_url or source.url or "", root.get(_XML_BASE, ""))
    links: list[str] = []
    if root.tag in ("rss", "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF"):
        for item in root.iter():
            if item.tag not in ("item", f"{{{RSS1}}}item"):
                continue
            link = item.find("link")
            if link is None:
                link = item.find(f"{{{RSS1}}}link")
            href = (link.text or "").strip() if link is not None else ""
            if not href:
                guid = item.find("guid")
                if guid is not None and guid.get("isPermaLink", "true").lower() != "false":
                    href = (guid.text or "").strip()
            if href:
                links.append(urljoin(base, href))
    elif root.tag == f"{{{ATOM}}}feed":
        for entry in root.iter(f"{{{ATOM}}}entry"):
            entry_base = urljoin(base, entry.get(_XML_BASE, ""))
            alternates = [l for l in entry.findall(f"{{{ATOM}}}link")
                          if l.get("rel", "alternate") == "alternate" and l.get("href", "").strip()]
            if not alternates:
                continue
            html = [l for l in alternates if l.get("type", "text/html") in ("text/html", "application/xhtml+xml")]
            link = (html or alternates)[0]
            links.append(urljoin(urljoin(entry_base, link.get(_XML_BASE, "")), link.get("href").strip()))
    else:
        raise FeedError(f"not an RSS or Atom feed (root element <{root.tag}>)")
    seen: set[str] = set()
    out = []
    for url in links:
        if urlsplit(url).scheme in ("http", "https") and url not in seen:
            seen.add(url)
            out.append(url)
    return out


def _parse(text: str) -> ET.Element:
    """Parse XML text into an ElementTree, refusing any DTD and any entity declaration."""
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse_dtd(name, *_):
        raise FeedError(f"refused: the feed declares a DTD (<!DOCTYPE {name}>)")

    def refuse_entity(*_):
        raise FeedError("refused: the feed uses an external entity")

    def start(name, attrs):
        builder.start(_clark(name), {_clark(k): v for k, v in attrs.items()})

    parser.StartDoctypeDeclHandler = refuse_dtd
    parser.EntityDeclHandler = refuse_entity
    parser.ExternalEntityRefHandler = refuse_entity
    parser.StartElementHandler = start
    parser.EndElementHandler = lambda name: builder.end(_clark(name))
    parser.CharacterDataHandler = builder.data
    parser.buffer_text = True
    try:
        parser.Parse(text, True)  # a str is parsed as UTF-8: the fetcher already decoded it
    except expat.ExpatError as e:
        raise FeedError(f"malformed XML (line {e.lineno}: {expat.ErrorString(e.code)})") from e
    return builder.close()


def _clark(name: str) -> str:
    uri, sep, local = name.rpartition(" ")
    return f"{{{uri}}}{local}" if sep else name


def _is_http_url(s: str) -> bool:
    if any(c.isspace() for c in s):
        return False
    try:
        parts = urlsplit(s)
        parts.port
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


class UrlList(BaseModel):
    """A URL list as read: the good URLs in file order, and each bad line with its number."""

    path: str
    urls: list[str]
    bad_lines: list[tuple[int, str]] = []


def parse_url_list(path: Union[str, Path]) -> UrlList:
    """URLs from a text file, one a line; blank lines and `#` comment lines are skipped.

    The good URLs come back in file order without repeats, and every line that is not
    an http(s) URL as (line number, text), so a caller can report each and go on.
    Raises UrlListError only when the file cannot be read as UTF-8 text at all.
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # opening a FIFO would wait for a writer
            raise UrlListError(f"{path}: not a regular file; refused", str(path), [])
        data = Path(path).read_bytes()
    except OSError as e:
        raise UrlListError(f"{path}: cannot read: {e.strerror or e}", str(path), []) from e
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise UrlListError(f"{path}: not UTF-8 text", str(path), []) from e
    urls: list[str] = []
    seen: set[str] = set()
    bad: list[tuple[int, str]] = []
    for n, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        if _is_http_url(s):
            if s not in seen:
                seen.add(s)
                urls.append(s)
        else:
            bad.append((n, s))
    return UrlList(path=str(path), urls=urls, bad_lines=bad)


def read_url_list(path: Union[str, Path]) -> list[str]:
    """URLs from a text file, one a line (see `parse_url_list`), all or nothing.

    Raises UrlListError naming every line that is not an http(s) URL, or when the file
    cannot be read as UTF-8.
    """
    parsed = parse_url_list(path)
    bad = [n for n, _ in parsed.bad_lines]
    if bad:
        shown = ", ".join(map(str, bad[:10])) + (f" and {len(bad) - 10} more" if len(bad) > 10 else "")
        word = "line" if len(bad) == 1 else "lines"
        raise UrlListError(f"{path}: not an http(s) URL on {word} {shown}", str(path), bad)
    return parsed.urls


__all__ = ["FeedError", "UrlList", "UrlListError", "feed_links", "is_feed", "parse_url_list", "read_url_list"]
