"""Running the per-document work of a batch, and the one writer that stores it.

The per-document work is `process_source`: clean the source to its article and extract
its claims (extract.pipeline.extract_claims, so any speed-up there is had here too).
An engine runs it over a stream of sources and yields (source, outcome) pairs:

- `InProcess`: in this process (one worker, the default);
- `ProcessPool`: in N spawned worker processes, each loading the spaCy pipeline once;
- `DaskEngine`: as tasks on a Dask distributed cluster, results streamed back with
  `as_completed`.

Every engine keeps a bounded number of documents in flight, so memory does not grow
with the corpus: the input side is a generator, pulled only when a result comes back.
All results come back to the single `Writer`, which stores them in batched transactions
(each document atomic under its content hash, so a killed run resumes cleanly).
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from collections import deque
from multiprocessing.connection import wait as wait_for
from typing import Callable, Iterable, Iterator, Optional

from pydantic import BaseModel

from extract.pipeline import STALL, article_from_source, extract_many, load_nlp
from extract.read import printable_name
from extract.records import Article, Claim, Source

from claims.read_ahead import NOT_READY, ReadAhead  # noqa: F401 -- ReadAhead re-exported
from claims.sources import one_line
from claims.store import InvalidDocumentError, content_hash

# Tasks in flight per worker: enough to keep every worker busy while the writer
# stores, few enough that memory stays flat.
IN_FLIGHT_PER_WORKER = 4
# Documents per worker task: their candidate sentences share one `nlp.pipe` stream, and
# the pickling and queueing cost of a task is paid once for them.
CHUNK_DOCUMENTS = 4
# A worker process is replaced after this many tasks (about 2,000 documents): whatever a
# long-lived spaCy pipeline accumulates (its string store grows with every new word) is
# given back.
TASKS_PER_CHILD = 500
# The writer commits after this many documents or this many seconds, whichever first.
BATCH_DOCUMENTS = 50
BATCH_SECONDS = 2.0


class DocumentOutcome(BaseModel):
    """What the per-document work gives back: the article and its claims, or why not."""

    doc: str
    article: Optional[Article] = None
    claims: list[Claim] = []
    error: Optional[str] = None


def process_source(source: Source, furniture: frozenset[str], nlp) -> DocumentOutcome:
    """Clean `source` and extract its claims. Never raises: a failure is the outcome."""
    [outcome] = process_sources([source], furniture, nlp)
    return outcome


def process_sources(sources: Iterable[Source | object], furniture: frozenset[str], nlp) -> Iterator[DocumentOutcome]:
    """Each source cleaned and its claims extracted, in order, the candidate sentences of
    all of them streamed through one `nlp.pipe` (extract.pipeline.extract_many). A
    STALL among the sources hands back every document before it. Never raises: a
    failure is that document's outcome."""
    def cleaned() -> Iterator[tuple[object, Optional[Article], str]]:
        for source in sources:
            if source is STALL:  # the next source is slow to come: what is read comes out now
                yield STALL
                continue
            try:
                article = article_from_source(source, furniture)
            except Exception as e:  # a page the cleaner cannot handle is reported, not fatal
                yield DocumentOutcome(doc=source.doc, error=f"cannot clean: {one_line(e)}"), None, source.doc
                continue
            yield (source, article), article, source.doc

    for key, claims in extract_many(cleaned(), nlp):
        if isinstance(key, DocumentOutcome):
            yield key
            continue
        source, article = key
        if isinstance(claims, Exception):  # recorded with its reason; the batch goes on
            yield DocumentOutcome(doc=source.doc, error=f"extraction failed: {type(claims).__name__}: {one_line(claims)}")
        else:
            yield DocumentOutcome(doc=source.doc, article=article, claims=claims or [])


# --------------------------------------------------------------------------- engines


# While a document is being worked on, an engine yields None at least this often: the
# writer's chance to commit what is finished, however long the next document takes.
HEARTBEAT_SECONDS = 0.5
# The in-process worker that has waited this long for its next source (a URL being
# fetched, a feed, a slow disk) ends its spaCy batch: the documents it holds are framed
# and handed back to be committed instead of waiting for a full batch.
STALL_SECONDS = 0.3


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


_NEED, _DONE = object(), object()


def _take(sources: Iterator) -> object:
    """The next source, NOT_READY (a ReadAhead stream still waiting), or None at the end."""
    return next(sources, None)


class InProcess(Engine):
    """In this process. The work runs on a thread so that the caller, on this one, keeps
    a heartbeat; the caller alone pulls the sources (they touch the store). A worker
    kept waiting STALL_SECONDS for its next source hands back what it holds."""

    def __init__(self, model: Optional[str], furniture: frozenset[str]):
        self.nlp = load_nlp(model)
        self.furniture = furniture
        self.inbox: Optional[queue.Queue] = None

    def _work(self, inbox: queue.Queue, outbox: queue.Queue) -> None:
        taken: deque[Source] = deque()

        def kept() -> Iterator[Source | object]:
            while True:
                outbox.put(_NEED)
                try:
                    source = inbox.get(timeout=STALL_SECONDS)
                except queue.Empty:
                    yield STALL  # the documents read so far come out while we wait
                    source = inbox.get()
                if source is None:
                    return
                taken.append(source)
                yield source

        try:
            for outcome in process_sources(kept(), self.furniture, self.nlp):
                outbox.put((taken.popleft(), outcome))
        except BaseException as e:  # handed to the caller's thread and raised there
            outbox.put(e)
        outbox.put(_DONE)

    def run(self, sources):
        self.inbox, outbox = queue.Queue(), queue.Queue()
        threading.Thread(target=self._work, args=(self.inbox, outbox), name="extract", daemon=True).start()
        asked = False  # the worker waits for a source
        draining = False  # the next source is slow: take what the worker hands back first
        while True:
            if asked and not draining:
                source = _take(sources)
                if source is NOT_READY:
                    yield None
                    draining = True
                else:
                    self.inbox.put(source)
                    asked = False
            try:
                message = outbox.get(block=not asked, timeout=HEARTBEAT_SECONDS)
            except queue.Empty:
                draining = False
                if not asked:
                    yield None
                continue
            if message is _NEED:
                asked = True
            elif message is _DONE:
                return
            elif isinstance(message, BaseException):
                raise message
            else:
                yield message

    def close(self) -> None:
        if self.inbox is not None:
            self.inbox.put(None)  # a run left early: its thread stops asking


def _chunk(sources: Iterator, size: int = CHUNK_DOCUMENTS) -> tuple[list[Source], bool, bool]:
    """(up to `size` sources, no more left, the next one is slow to come)."""
    chunk: list[Source] = []
    while len(chunk) < size:
        source = _take(sources)
        if source is None or source is NOT_READY:
            return chunk, source is None, source is NOT_READY
        chunk.append(source)
    return chunk, False, False


# State of a worker process, set once by its initializer.
_worker: dict = {}


def _init_worker(model: Optional[str], furniture: frozenset[str]) -> None:
    exit_with_parent()

    _worker["nlp"] = load_nlp(model)
    _worker["furniture"] = furniture


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


def _work_in_process(sources: list[Source]) -> list[DocumentOutcome]:
    return list(process_sources(sources, _worker["furniture"], _worker["nlp"]))


class ProcessPool(Engine):
    """N spawned worker processes (spawn: safe with threads, same on every platform)."""

    def __init__(self, workers: int, model: Optional[str], furniture: frozenset[str]):
        self.workers = workers
        self.model = model
        self.furniture = furniture
        self.pool: Optional[ProcessPoolExecutor] = None

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(self.model, self.furniture),
            max_tasks_per_child=TASKS_PER_CHILD,
        )

    def run(self, sources):
        self.pool = self._new_pool()
        limit = self.workers * IN_FLIGHT_PER_WORKER
        pending: dict[Future, list[Source]] = {}
        exhausted = False
        while True:
            while not exhausted and len(pending) < limit:
                chunk, exhausted, slow = _chunk(sources)
                if chunk:  # a short chunk when the next source is slow: no document waits for it
                    pending[self.pool.submit(_work_in_process, chunk)] = chunk
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
                    outcomes = future.result()
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


# A Dask worker runs tasks in threads; each thread gets its own pipeline (spaCy does not
# promise thread safety), loaded once and kept.
_thread = threading.local()


def dask_task(source: Source, furniture: frozenset[str], model: Optional[str]) -> DocumentOutcome:
    """The per-document work as a Dask task (importable by name on every worker)."""
    if getattr(_thread, "model", object()) != model:
        _thread.nlp = load_nlp.__wrapped__(model)  # a fresh pipeline, not the shared cached one
        _thread.model = model
    return process_source(source, furniture, _thread.nlp)


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
                future = self.client.submit(dask_task, source, furniture, self.model, pure=False)
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
