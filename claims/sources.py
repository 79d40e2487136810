"""Inputs read or fetched into sources: the first stage of `claims run`, `extract` and `clean`.

`expand_inputs` turns the command line's PATHs, URLs, URL lists (`.urls`) and web
archives (`.warc`, `.warc.gz`) into one `InputRef` each; `iter_sources` reads or
fetches them into `Source`s (raw bytes, decoded), with the error instead when an input
cannot be had (reported, never fatal). `load_inputs` adds cleaning, for `extract` and
`clean`. Nothing here loads the trained pipeline: `claims clean` starts without it.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable, Iterable, Iterator, Literal, Optional

from pydantic import BaseModel, ConfigDict

from extract.article import article_from_source
from extract.feeds import FeedError, UrlListError, feed_links, is_feed, parse_url_list
from extract.fetch import FetchError, Fetcher, FetchPolicy
from extract.read import ReadError, iter_inputs, printable_name, read_path
from extract.records import Article, Source
from extract.textclean import recurring_lines
from extract.warc import WarcRecordError, is_warc, iter_warc

from claims.clean_inputs import FURNITURE_SAMPLE, one_line, plain_texts
# Articles read from one feed (`--feed-items`): a news feed carries tens; 10,000 items at
# one request a second would hold a run for hours.
FEED_ITEMS = 200


class InputRef(BaseModel):
    """One input to read: a URL, a file, a web archive, or a bad line of a URL list."""

    doc: str
    kind: Literal["url", "path", "warc", "error"]
    error: Optional[str] = None


class LoadedInput(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    doc: str
    source: Optional[Source] = None
    article: Optional[Article] = None
    error: Optional[str] = None
    stored: bool = False  # a URL already in the store: not fetched again

    @property
    def media_type(self) -> Optional[str]:
        return self.source.media_type if self.source else None


class FetchOptions(BaseModel):
    """How `claims run` fetches URLs (see extract.fetch.FetchPolicy)."""

    allow_private: bool = False
    timeout: float = 10.0  # connect and each read; a whole response gets 3x this
    min_interval: float = 1.0  # seconds between two requests to one host
    feed_items: int = FEED_ITEMS  # articles read from one feed; the rest reported unread

    def policy(self) -> FetchPolicy:
        return FetchPolicy(allow_private=self.allow_private, timeout=self.timeout,
                           deadline=3 * self.timeout, min_interval=self.min_interval)


def is_url(s: str) -> bool:
    return s.lower().startswith(("http://", "https://"))


def is_url_list(s: str) -> bool:
    return s.lower().endswith(".urls")


def expand_inputs(items: Iterable[str], url_lists: Iterable[str] = ()) -> Iterator[InputRef]:
    """Each input to read, in command-line order; `url_lists` (files of URLs) after."""
    for given in items:
        if is_url(given):
            yield InputRef(doc=given, kind="url")
        elif is_url_list(given):
            yield from _url_list(given)
        elif is_warc(given):
            yield InputRef(doc=given, kind="warc")
        else:
            for found in iter_inputs([given]):
                if found.error:
                    yield InputRef(doc=printable_name(found.path), kind="error", error=found.error)
                else:
                    yield InputRef(doc=found.path, kind="path")
    for path in url_lists:
        yield from _url_list(path)


def _url_list(path: str) -> Iterator[InputRef]:
    try:
        parsed = parse_url_list(path)
    except UrlListError as e:
        yield InputRef(doc=path, kind="error", error=str(e).removeprefix(f"{path}: "))
        return
    for n, text in parsed.bad_lines:  # each bad line reported on its own, FILE:LINE
        yield InputRef(doc=f"{path}:{n}", kind="error", error=f"not an http(s) URL: {_clip(text)}")
    for url in parsed.urls:
        yield InputRef(doc=url, kind="url")


def _clip(s: str, n: int = 80) -> str:
    return repr(s if len(s) <= n else s[: n - 1] + "…")


def corpus_furniture(refs: Iterable[InputRef], sample: int = FURNITURE_SAMPLE) -> frozenset[str]:
    """Lines recurring across the batch's plain-text files: site menus and footers."""
    return recurring_lines(plain_texts((ref.doc for ref in refs if ref.kind == "path"), sample))


def iter_sources(
    refs: Iterable[InputRef],
    policy: Optional[FetchPolicy] = None,
    skip_url: Optional[Callable[[str], bool]] = None,
    feed_items: int = FEED_ITEMS,
) -> Iterator[LoadedInput]:
    """Each input read or fetched into a Source; a feed stands for its articles.

    `skip_url(url)` true means the URL is already stored: it comes back `stored`,
    without a request. `policy` is the FetchPolicy for URLs (default: the polite one).
    """
    fetcher = None

    def get(url: str) -> Iterator[LoadedInput]:
        nonlocal fetcher
        if skip_url is not None and skip_url(url):
            yield LoadedInput(doc=url, stored=True)
            return
        if fetcher is None:
            fetcher = Fetcher(policy)
        try:
            yield LoadedInput(doc=url, source=fetcher.fetch(url))
        except FetchError as e:
            yield LoadedInput(doc=url, error=e.reason)

    for ref in refs:
        if ref.kind == "error":
            yield LoadedInput(doc=ref.doc, error=ref.error)
        elif ref.kind == "url":
            for item in get(ref.doc):
                if item.source is None or not _is_feed(item.source):
                    yield item
                    continue
                links = _feed_links(item.source)
                if isinstance(links, str):
                    yield LoadedInput(doc=ref.doc, error=links)
                    continue
                if len(links) > feed_items:
                    yield LoadedInput(doc=ref.doc, error=f"{len(links) - feed_items} of its {len(links)} items "
                                                         f"not read (at most {feed_items}: --feed-items)")
                for link in links[:feed_items]:
                    for linked in get(link):
                        if linked.source is not None and _is_feed(linked.source):
                            linked = LoadedInput(doc=link, error="a feed linked from a feed; give it on its own")
                        yield linked
        elif ref.kind == "warc":
            yield from _warc_sources(ref.doc, skip_url)
        else:
            try:
                yield LoadedInput(doc=printable_name(ref.doc), source=read_path(ref.doc))
            except ReadError as e:
                yield LoadedInput(doc=printable_name(ref.doc), error=one_line(e))


def _is_feed(source: Source) -> bool:
    return source.media_type != "text/plain" and is_feed(source)


def _feed_links(source: Source) -> list[str] | str:
    """The feed's article links, or why it cannot be read."""
    try:
        links = feed_links(source)
    except FeedError as e:
        return one_line(e)
    return links or "a feed with no article links"


def _warc_sources(path: str, skip_url: Optional[Callable[[str], bool]]) -> Iterator[LoadedInput]:
    try:
        for record in iter_warc(path):
            if isinstance(record, WarcRecordError):
                yield LoadedInput(doc=record.doc, error=record.error)
            elif skip_url is not None and skip_url(record.doc):
                yield LoadedInput(doc=record.doc, stored=True)
            else:
                yield LoadedInput(doc=record.doc, source=record)
    except ReadError as e:
        yield LoadedInput(doc=path, error=one_line(e))


def load_inputs(items: list[str], allow_private: bool = False, date: Optional[dt.date] = None) -> Iterator[LoadedInput]:
    """Each input, read and cleaned; an unreadable one carries its error. `date` is the
    publication date of inputs that state none (`--date`)."""
    refs = list(expand_inputs(items))
    furniture = corpus_furniture(refs)
    for item in iter_sources(refs, FetchOptions(allow_private=allow_private).policy()):
        if item.source is None:
            yield item
            continue
        source = with_date(item.source, date)
        try:
            article = article_from_source(source, furniture)
        except Exception as e:  # a page the cleaner cannot handle is reported, not fatal
            yield LoadedInput(doc=item.doc, source=source, error=f"cannot clean: {one_line(e)}")
            continue
        yield LoadedInput(doc=item.doc, source=source, article=article)


def with_date(source: Source, date: Optional[dt.date]) -> Source:
    """The source carrying the user's publication date (used only if it states none)."""
    return source.model_copy(update={"date": date}) if date else source
