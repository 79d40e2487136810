"""Batch ingestion: inputs → sources → articles → claims → store → reconcile.

`expand_inputs` turns the command line's PATHs, URLs, URL lists (`.urls`) and web
archives (`.warc`, `.warc.gz`) into one `InputRef` each; `iter_sources` reads or
fetches them into `Source`s (raw bytes, decoded), with the error instead when an input
cannot be had (reported, never fatal). `load_inputs` adds cleaning, for `extract` and
`clean`. `ingest` is `claims run`: it sends each new source through the per-document
work (claims/batch.py: clean + extract, in this process, in worker processes, or on a
Dask cluster), stores each document with its claims atomically under its content hash,
so re-runs and resumed runs add nothing twice, and then recomputes conflicts and
corroborations once.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Callable, Iterable, Iterator, Literal, Optional

from pydantic import BaseModel, ConfigDict

from extract.records import Article, Source
from extract.read import ReadError, iter_inputs, printable_name, read_path
from extract.textclean import recurring_lines

# Site furniture (menus, footers) is learned from at most this many plain-text files of
# a batch: enough to see a site's recurring lines, and memory stays flat however large
# the batch.
FURNITURE_SAMPLE = 2000
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


class IngestReport(BaseModel):
    added: int = 0
    skipped: int = 0
    failed: int = 0
    claims: int = 0  # claims of the documents this run added
    counts: dict[str, int] = {}


class Progress(BaseModel):
    """Where a run is, handed to the caller's `progress` callback after each input."""

    done: int
    total: Optional[int]  # inputs known up front; feeds add more as they are read
    added: int
    skipped: int
    failed: int
    claims: int
    elapsed: float


class FetchOptions(BaseModel):
    """How `claims run` fetches URLs (see extract.fetch.FetchPolicy)."""

    allow_private: bool = False
    timeout: float = 10.0  # connect and each read; a whole response gets 3x this
    min_interval: float = 1.0  # seconds between two requests to one host
    feed_items: int = FEED_ITEMS  # articles read from one feed; the rest reported unread

    def policy(self):
        from extract.fetch import FetchPolicy

        return FetchPolicy(allow_private=self.allow_private, timeout=self.timeout,
                           deadline=3 * self.timeout, min_interval=self.min_interval)


def is_url(s: str) -> bool:
    return s.lower().startswith(("http://", "https://"))


def is_url_list(s: str) -> bool:
    return s.lower().endswith(".urls")


def expand_inputs(items: Iterable[str], url_lists: Iterable[str] = ()) -> Iterator[InputRef]:
    """Each input to read, in command-line order; `url_lists` (files of URLs) after."""
    from extract.warc import is_warc

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
    from extract.feeds import UrlListError, parse_url_list

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

    def texts() -> Iterator[str]:
        seen = 0
        for ref in refs:
            if seen >= sample:
                return
            if ref.kind != "path" or not ref.doc.lower().endswith((".txt", ".txt.gz")):
                continue
            try:
                yield read_path(ref.doc).text
            except ReadError:
                continue  # reported when the file itself is processed
            seen += 1

    return recurring_lines(texts())


def iter_sources(
    refs: Iterable[InputRef],
    policy=None,
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
        from extract.fetch import FetchError, Fetcher

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
                yield LoadedInput(doc=printable_name(ref.doc), error=_one_line(e))


def _is_feed(source: Source) -> bool:
    from extract.feeds import is_feed

    return source.media_type != "text/plain" and is_feed(source)


def _feed_links(source: Source) -> list[str] | str:
    """The feed's article links, or why it cannot be read."""
    from extract.feeds import FeedError, feed_links

    try:
        links = feed_links(source)
    except FeedError as e:
        return _one_line(e)
    return links or "a feed with no article links"


def _warc_sources(path: str, skip_url: Optional[Callable[[str], bool]]) -> Iterator[LoadedInput]:
    from extract.warc import WarcRecordError, iter_warc

    try:
        for record in iter_warc(path):
            if isinstance(record, WarcRecordError):
                yield LoadedInput(doc=record.doc, error=record.error)
            elif skip_url is not None and skip_url(record.doc):
                yield LoadedInput(doc=record.doc, stored=True)
            else:
                yield LoadedInput(doc=record.doc, source=record)
    except ReadError as e:
        yield LoadedInput(doc=path, error=_one_line(e))


def load_inputs(items: list[str], allow_private: bool = False, date: Optional[dt.date] = None) -> Iterator[LoadedInput]:
    """Each input, read and cleaned; an unreadable one carries its error. `date` is the
    publication date of inputs that state none (`--date`)."""
    from extract.article import article_from_source

    refs = list(expand_inputs(items))
    furniture = corpus_furniture(refs)
    # The fetcher (and its imports) only when there is a URL: `claims clean page.html` starts fast.
    policy = FetchOptions(allow_private=allow_private).policy() if any(r.kind == "url" for r in refs) else None
    for item in iter_sources(refs, policy):
        if item.source is None:
            yield item
            continue
        source = _with_date(item.source, date)
        try:
            article = article_from_source(source, furniture)
        except Exception as e:  # a page the cleaner cannot handle is reported, not fatal
            yield LoadedInput(doc=item.doc, source=source, error=f"cannot clean: {_one_line(e)}")
            continue
        yield LoadedInput(doc=item.doc, source=source, article=article)


def _with_date(source: Source, date: Optional[dt.date]) -> Source:
    """The source carrying the user's publication date (used only if it states none)."""
    return source.model_copy(update={"date": date}) if date else source


def _one_line(e: BaseException) -> str:
    msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return msg


def ingest(
    inputs: list[str],
    db: str | Path,
    workers: int = 1,
    model: Optional[str] = None,
    allow_private: bool = False,
    log: Callable[[str], None] = lambda m: None,
    *,
    url_lists: Iterable[str] = (),
    refetch: bool = False,
    fetch: Optional[FetchOptions] = None,
    furniture: bool = True,
    engine: Literal["local", "dask"] = "local",
    scheduler: Optional[str] = None,
    progress: Optional[Callable[[Progress], None]] = None,
    commit_every: int = 50,
    date: Optional[dt.date] = None,
    doc_timeout: Optional[float] = None,
) -> IngestReport:
    """Store every new document's claims, then recompute conflicts once.

    `log` gets one line per failed input, naming it. `refetch` fetches URLs even when
    already stored (a changed page becomes a new document). `workers` > 1 runs the
    per-document work in that many processes (or Dask workers for a local cluster);
    `engine="dask"` runs it on the Dask scheduler at `scheduler` (a LocalCluster of
    `workers` when None). One writer stores the results in transactions of up to
    `commit_every` documents (and at least every 2 seconds). `date` is the publication
    date of inputs that state none (`--date`). `doc_timeout` bounds the seconds per
    document: one over time is reported failed ("timeout") and the batch goes on.
    """
    from claims import batch
    from claims.reconcile import reconcile_store
    from claims.store import ClaimStore, content_hash

    fetch = fetch or FetchOptions(allow_private=allow_private)
    url_lists = list(url_lists)
    refs = lambda: expand_inputs(inputs, url_lists)  # noqa: E731 -- walked twice, never held
    total = sum(1 for _ in refs())
    lines = corpus_furniture(refs()) if furniture else frozenset()
    report = IngestReport()
    started = time.monotonic()
    with ClaimStore(db) as store:
        writer = batch.Writer(store, report, log, batch_documents=commit_every)

        def tick() -> None:
            if progress is not None:
                progress(Progress(done=writer.done, total=total, added=report.added,
                                  skipped=report.skipped, failed=report.failed,
                                  claims=report.claims, elapsed=time.monotonic() - started))

        # Read and fetched on a helper thread: a slow URL holds up neither the commits nor
        # the documents already read (the engine gets NOT_READY and keeps its heartbeat).
        ahead = batch.ReadAhead()

        def new_sources() -> Iterator[Source]:
            skip_url = None if refetch else ahead.on_owner(store.has_url)
            for item in ahead(iter_sources(refs(), fetch.policy(), skip_url, fetch.feed_items)):
                if item is batch.NOT_READY:
                    yield item
                    continue
                if item.error:
                    writer.fail(item.doc, item.error)
                elif item.stored or writer.has_document(content_hash(item.source.raw)):
                    writer.skip()
                else:
                    yield _with_date(item.source, date)
                    continue
                tick()

        work = batch.make_engine(engine, workers=workers, model=model, furniture=lines, scheduler=scheduler,
                                 doc_timeout=doc_timeout)
        with work:
            for done in work.run(new_sources()):
                if done is None:  # a heartbeat: commit what has waited long enough
                    writer.tick()
                else:
                    writer.add(*done)
                tick()
        writer.flush()
        tick()  # the last line counts the last commit
        reconcile_store(store)
        report.counts = store.counts()
    return report


def extract_bounded(items: list[str], model: Optional[str], doc_timeout: float,
                    date: Optional[dt.date] = None) -> Iterator[tuple[str, list | str]]:
    """`claims extract --doc-timeout`: each input's claims, or why not, in input order;
    the work runs in one worker process that is killed and replaced when a document
    takes longer than `doc_timeout` seconds (reported as "timeout")."""
    from claims.workers import KillablePool

    refs = list(expand_inputs(items))
    failures: list[tuple[str, str]] = []

    def sources() -> Iterator[Source]:
        policy = FetchOptions().policy()
        for item in iter_sources(refs, policy):
            if item.source is None:
                failures.append((item.doc, item.error or "no source"))
            else:
                yield _with_date(item.source, date)

    with KillablePool(1, model, corpus_furniture(refs), doc_timeout) as work:
        for done in work.run(sources()):
            yield from failures
            failures.clear()
            if done is not None:
                source, outcome = done
                yield source.doc, outcome.error if outcome.error else outcome.claims
    yield from failures
