"""Running the per-document work of a batch, and the one writer that stores it.

The per-document work is claims.work.process_source: clean the source to its article and
extract its claims. An engine runs it over a stream of sources and yields (source,
outcome) pairs:

- `InProcess` (claims/work.py): in this process (one worker, the default);
- `ProcessPool`: in N spawned worker processes, each loading the spaCy pipeline once;
- `DaskEngine`: as tasks on a Dask distributed cluster, results streamed back with
  `as_completed`.

Every engine keeps a bounded number of documents in flight, so memory does not grow
with the corpus: the input side is a generator, pulled only when a result comes back.
All results come back to the single `Writer`, which stores them in batched transactions
(each document atomic under its content hash, so a killed run resumes cleanly).

This module does not import the extraction pipeline (nor spaCy): with worker processes,
the `claims run` process only dispatches and stores, and the workers import claims/work.py
by name (`Call`), so the parent is smaller and starts faster.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import wait as wait_for
from typing import Callable, Iterator, Optional

from pydantic import BaseModel

from extract.read import printable_name
from extract.records import Article, Claim, Source

from claims.read_ahead import NOT_READY, ReadAhead  # noqa: F401 -- ReadAhead re-exported
from claims.recycling import MAX_DOCUMENTS, WorkerMemory
from claims.sources import one_line
from claims.store import InvalidDocumentError, content_hash

# Tasks in flight per worker: enough to keep every worker busy while the writer
# stores, few enough that memory stays flat.
IN_FLIGHT_PER_WORKER = 4
# Documents per worker task: their candidate sentences share one `nlp.pipe` stream, and
# the pickling and queueing cost of a task is paid once for them (16 rather than 4: 8%
# less CPU for the same outcomes, 120 documents of the benchmark in one process).
CHUNK_DOCUMENTS = 16
# A worker process is replaced when its memory has grown (claims/recycling.py), and after
# this many tasks whatever its memory says.
TASKS_PER_CHILD = MAX_DOCUMENTS // CHUNK_DOCUMENTS
# The writer commits after this many documents or this many seconds, whichever first.
BATCH_DOCUMENTS = 50
BATCH_SECONDS = 2.0


class DocumentOutcome(BaseModel):
    """What the per-document work gives back: the article and its claims, or why not."""

    doc: str
    article: Optional[Article] = None
    claims: list[Claim] = []
    error: Optional[str] = None


# --------------------------------------------------------------------------- engines


# While a document is being worked on, an engine yields None at least this often: the
# writer's chance to commit what is finished, however long the next document takes.
HEARTBEAT_SECONDS = 0.5
# The module of the per-document work (extract.pipeline, spaCy): imported where it runs.
WORK_MODULE = "claims.work"


class Call:
    """A function of the work module, called by name: pickled as its name, so a worker
    process imports the pipeline and this process never does."""

    def __init__(self, name: str):
        self.name = name

    def __call__(self, *args: object) -> object:
        return getattr(importlib.import_module(WORK_MODULE), self.name)(*args)


class Engine:
    """Runs `process_source` over sources; a context manager owning its workers."""

    def run(self, sources: Iterator[Source]) -> Iterator[Optional[tuple[Source, DocumentOutcome]]]:
        """(source, outcome) pairs, and None as a heartbeat while waiting."""
        raise NotImplementedError

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        pass


def _take(sources: Iterator) -> object:
    """The next source, NOT_READY (a ReadAhead stream still waiting), or None at the end."""
    return next(sources, None)


def _chunk(sources: Iterator, size: int = CHUNK_DOCUMENTS) -> tuple[list[Source], bool, bool]:
    """(up to `size` sources, no more left, the next one is slow to come)."""
    chunk: list[Source] = []
    while len(chunk) < size:
        source = _take(sources)
        if source is None or source is NOT_READY:
            return chunk, source is None, source is NOT_READY
        chunk.append(source)
    return chunk, False, False


def exit_with_parent() -> None:
    """A worker whose parent run was killed (kill -9) ends too, instead of waiting on
    its task queue for ever: a thread waits on the parent's sentinel."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        wait_for([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


class ProcessPool(Engine):
    """N spawned worker processes (spawn: safe with threads, same on every platform)."""

    def __init__(self, workers: int, model: Optional[str], furniture: frozenset[str],
                 memory: Optional[WorkerMemory] = None):
        self.workers = workers
        self.model = model
        self.furniture = furniture
        self.pool: Optional[ProcessPoolExecutor] = None
        self.memory = memory or WorkerMemory()
        self.pools = 0  # pools started so far: the first, and one per replacement

    def _new_pool(self) -> ProcessPoolExecutor:
        self.memory.tasks.clear()
        self.memory.settled.clear()
        self.pools += 1
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=Call("init_worker"),
            initargs=(self.model, self.furniture),
            max_tasks_per_child=TASKS_PER_CHILD,
        )

    def run(self, sources):
        self.pool = self._new_pool()
        limit = self.workers * IN_FLIGHT_PER_WORKER
        pending: dict[Future, list[Source]] = {}
        exhausted = False
        grown = False  # a worker has grown past its limit: the pool is replaced once its tasks are in
        while True:
            if grown and not pending and not exhausted:
                self.pool.shutdown(wait=True)
                self.pool, grown = self._new_pool(), False
            while not exhausted and not grown and len(pending) < limit:
                chunk, exhausted, slow = _chunk(sources)
                if chunk:  # a short chunk when the next source is slow: no document waits for it
                    pending[self.pool.submit(Call("work_in_process"), chunk)] = chunk
                if slow:
                    break
            if not pending:
                if exhausted:
                    return
                yield None  # the next source is slow to come
                continue
            done, _ = wait(pending, timeout=HEARTBEAT_SECONDS, return_when=FIRST_COMPLETED)
            if not done:
                yield None
                continue
            broken = False
            for future in done:
                chunk = pending.pop(future)
                try:
                    outcomes, (pid, peak_mb) = future.result()
                    grown = self.memory.grown(pid, peak_mb) or grown
                except BrokenProcessPool:
                    broken = True
                    outcomes = [DocumentOutcome(doc=s.doc, error="worker process died (out of memory?)") for s in chunk]
                except Exception as e:  # outcomes that could not come back (pickling)
                    outcomes = [DocumentOutcome(doc=s.doc, error=f"worker failed: {type(e).__name__}: {one_line(e)}")
                                for s in chunk]
                yield from zip(chunk, outcomes)
            if broken:
                # One dead worker breaks the pool and every document in it; those are
                # reported failed (a re-run retries them) and a new pool goes on.
                for future, chunk in pending.items():
                    for source in chunk:
                        yield source, DocumentOutcome(doc=source.doc, error="worker process died (out of memory?)")
                pending.clear()
                self.pool.shutdown(wait=False, cancel_futures=True)
                self.pool = self._new_pool()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


class DaskEngine(Engine):
    """Tasks on a Dask distributed cluster at `scheduler`, or on a LocalCluster.

    With `doc_timeout`, only one task per worker thread is in flight (so a task's time
    counts from when it started) and a task past its time is cancelled and reported."""

    def __init__(self, scheduler: Optional[str], workers: int, model: Optional[str],
                 furniture: frozenset[str], doc_timeout: Optional[float] = None):
        from distributed import Client, LocalCluster

        self.cluster = None
        if scheduler is None:
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=workers > 1,
                                        dashboard_address=None)
            self.client = Client(self.cluster)
        else:
            self.client = Client(scheduler)
        self.model = model
        self.furniture = furniture
        self.doc_timeout = doc_timeout

    def run(self, sources):
        from distributed import wait as dask_wait

        n_workers = max(1, sum(w.get("nthreads", 1) for w in self.client.scheduler_info()["workers"].values()))
        limit = n_workers * (1 if self.doc_timeout else IN_FLIGHT_PER_WORKER)
        furniture: object = frozenset()
        if self.furniture:
            # Sent to every worker once; in a list, else scatter takes the set's lines as items.
            [furniture] = self.client.scatter([self.furniture], broadcast=True)
        pending: dict = {}  # future -> (source, deadline)
        exhausted = False
        while True:
            while not exhausted and len(pending) < limit:
                source = _take(sources)
                if source is NOT_READY:
                    break
                if source is None:
                    exhausted = True
                    break
                future = self.client.submit(Call("dask_task"), source, furniture, self.model, pure=False)
                pending[future] = (source, time.monotonic() + (self.doc_timeout or float("inf")))
            if not pending:
                if exhausted:
                    return
                yield None  # the next source is slow to come
                continue
            try:
                done = dask_wait(list(pending), timeout=HEARTBEAT_SECONDS, return_when="FIRST_COMPLETED").done
            except TimeoutError:
                done = set()
            yield from self._finished(pending, done)

    def _finished(self, pending: dict, done: set):
        now, any_out = time.monotonic(), False
        for future in list(pending):
            source, deadline = pending[future]
            if future in done:
                try:
                    outcome = future.result()
                except Exception as e:  # a task that failed on the cluster: reported, batch goes on
                    outcome = DocumentOutcome(doc=source.doc, error=f"dask task failed: {type(e).__name__}: {one_line(e)}")
            elif now >= deadline:
                future.cancel()
                outcome = DocumentOutcome(doc=source.doc, error="timeout")
            else:
                continue
            del pending[future]
            future.release()
            any_out = True
            yield source, outcome
        if not any_out:
            yield None

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


# --------------------------------------------------------------------------- the writer


class Writer:
    """The one writer: stores outcomes in batched transactions and keeps the report."""

    def __init__(self, store, report, log: Callable[[str], None],
                 batch_documents: int = BATCH_DOCUMENTS, batch_seconds: float = BATCH_SECONDS):
        self.store = store
        self.report = report
        self.log = log
        self.batch_documents = batch_documents
        self.batch_seconds = batch_seconds
        self.pending: list[tuple[Source, Article, list[Claim]]] = []
        self.pending_hashes: set[str] = set()
        self.oldest: Optional[float] = None
        self.done = 0  # inputs dealt with, stored or not yet committed

    def has_document(self, key: str) -> bool:
        return key in self.pending_hashes or self.store.has_document(key)

    def fail(self, doc: str, reason: str) -> None:
        doc = printable_name(doc)  # a newline in a name must not forge a report line
        self.log(f"{doc}: {reason}")
        self.store.record_failure(doc, reason)
        self.report.failed += 1
        self.done += 1

    def skip(self) -> None:
        self.report.skipped += 1
        self.done += 1

    def add(self, source: Source, outcome: DocumentOutcome) -> None:
        if outcome.error is not None or outcome.article is None:
            self.fail(source.doc, outcome.error or "no article")
            return
        self.done += 1
        self.pending.append((source, outcome.article, outcome.claims))
        self.pending_hashes.add(content_hash(source.raw))
        if self.oldest is None:
            self.oldest = time.monotonic()
        if len(self.pending) >= self.batch_documents:
            self.flush()
        else:
            self.tick()

    def tick(self) -> None:
        """Commit what waits if the oldest has waited `batch_seconds` (called on every
        outcome and every engine heartbeat, so nothing finished waits on a slow document)."""
        if self.oldest is not None and time.monotonic() - self.oldest >= self.batch_seconds:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        batch, self.pending, self.pending_hashes, self.oldest = self.pending, [], set(), None
        for (source, _, claims), result in zip(batch, self.store.add_documents(batch)):
            if isinstance(result, InvalidDocumentError):
                self.done -= 1  # counted when it came in; fail() counts it again
                self.fail(source.doc, f"extraction failed: {type(result).__name__}: {one_line(result)}")
            elif result is None:
                self.report.skipped += 1
            else:
                self.report.added += 1
                self.report.claims += len(claims)
