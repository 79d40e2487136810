"""`claims run`: inputs → sources → articles → claims → store → reconcile.

`ingest` sends each new source (claims/sources.py) through the per-document work
(claims/batch.py: clean + extract, in this process, in worker processes, or on a Dask
cluster), stores each document with its claims atomically under its content hash, so
re-runs and resumed runs add nothing twice, and then recomputes conflicts and
corroborations once.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Callable, Iterable, Iterator, Literal, Optional

from pydantic import BaseModel

from extract.records import Source

from claims.batch import NOT_READY, ReadAhead, Writer
from claims.engines import make_engine
from claims.reconcile import reconcile_store
from claims.sources import FetchOptions, corpus_furniture, expand_inputs, iter_sources, with_date
from claims.store import ClaimStore, content_hash


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
    fetch = fetch or FetchOptions(allow_private=allow_private)
    url_lists = list(url_lists)
    refs = lambda: expand_inputs(inputs, url_lists)  # noqa: E731 -- walked twice, never held
    total = sum(1 for _ in refs())
    lines = corpus_furniture(refs()) if furniture else frozenset()
    report = IngestReport()
    started = time.monotonic()
    with ClaimStore(db) as store:
        writer = Writer(store, report, log, batch_documents=commit_every)

        def tick() -> None:
            if progress is not None:
                progress(Progress(done=writer.done, total=total, added=report.added,
                                  skipped=report.skipped, failed=report.failed,
                                  claims=report.claims, elapsed=time.monotonic() - started))

        # Read and fetched on a helper thread: a slow URL holds up neither the commits nor
        # the documents already read (the engine gets NOT_READY and keeps its heartbeat).
        ahead = ReadAhead()
        skip_url = None if refetch else ahead.on_owner(store.has_url)
        loaded = ahead(iter_sources(refs(), fetch.policy(), skip_url, fetch.feed_items))
        work = make_engine(engine, workers=workers, model=model, furniture=lines, scheduler=scheduler,
                           doc_timeout=doc_timeout)
        with work:
            for done in work.run(_new_sources(loaded, writer, date, tick)):
                if done is None:  # a heartbeat: commit what has waited long enough
                    writer.tick()
                else:
                    writer.add(*done)
                tick()
        writer.flush()
        tick()  # the last line counts the last commit
        # the processes the batch was given judge the candidate pairs too (remote Dask
        # workers are not this machine's: one here)
        reconcile_store(store, processes=workers if engine == "local" else 1)
        report.counts = store.counts()
    return report


def _new_sources(loaded: Iterator, writer: Writer, date: Optional[dt.date],
                 tick: Callable[[], None]) -> Iterator[Source]:
    """The sources to work on: failures recorded and stored ones skipped on the way
    (each one ticks the progress); NOT_READY passed through for the engine's heartbeat."""
    for item in loaded:
        if item is NOT_READY:
            yield item
            continue
        if item.error:
            writer.fail(item.doc, item.error)
        elif item.stored or writer.has_document(content_hash(item.source.raw)):
            writer.skip()
        else:
            yield with_date(item.source, date)
            continue
        tick()
