"""The per-document work of a batch, in whichever process does it (claims/batch.py).

`process_source`: clean the source to its article and extract its claims
(extract.pipeline.extract_claims, so any speed-up there is had here too). This module
imports the extraction pipeline and spaCy; claims/batch.py does not, so a `claims run`
whose worker processes do the work never loads them in its own process (the worker
processes import this module by name: claims.batch.Call).
"""

from __future__ import annotations

import queue
import threading
from collections import deque
from typing import Iterable, Iterator, Optional

from extract.pipeline import STALL, article_from_source, extract_many, load_nlp
from extract.records import Article, Source

from claims.batch import (
    HEARTBEAT_SECONDS, NOT_READY, DocumentOutcome, Engine, _take, exit_with_parent,  # noqa: F401
)
from claims.recycling import peak_memory
from claims.sources import one_line


# The in-process worker that has waited this long for its next source (a URL being
# fetched, a feed, a slow disk) ends its spaCy batch: the documents it holds are framed
# and handed back to be committed instead of waiting for a full batch.
STALL_SECONDS = 0.3


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


def load_here(model: Optional[str]) -> None:
    """Load the pipeline in this process now (ModelNotFound before any input is read)."""
    load_nlp(model)


_NEED, _DONE = object(), object()


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


# --------------------------------------------------------------------------- worker processes


# State of a pool's worker process, set once by its initializer.
_worker: dict = {}


def init_worker(model: Optional[str], furniture: frozenset[str]) -> None:
    """A ProcessPool worker's start: its pipeline, loaded once."""
    exit_with_parent()
    _worker["nlp"] = load_nlp(model)
    _worker["furniture"] = furniture


def work_in_process(sources: list[Source]) -> tuple[list[DocumentOutcome], tuple[int, Optional[float]]]:
    """A ProcessPool task: the sources' outcomes, and this worker's id and peak memory
    (the pool replaces a worker that has grown: claims/recycling.py)."""
    return list(process_sources(sources, _worker["furniture"], _worker["nlp"])), peak_memory()


# A Dask worker runs tasks in threads; each thread gets its own pipeline (spaCy does not
# promise thread safety), loaded once and kept.
_thread = threading.local()


def dask_task(source: Source, furniture: frozenset[str], model: Optional[str]) -> DocumentOutcome:
    """The per-document work as a Dask task (importable by name on every worker)."""
    if getattr(_thread, "model", object()) != model:
        _thread.nlp = load_nlp.__wrapped__(model)  # a fresh pipeline, not the shared cached one
        _thread.model = model
    return process_source(source, furniture, _thread.nlp)


def serve(conn, model: Optional[str], furniture: frozenset[str]) -> None:
    """A killable worker's life (claims/workers.py): load the pipeline once, then one
    document in, one outcome out."""
    exit_with_parent()
    nlp = load_nlp(model)
    # A pipeline's first document pays for lazy loading (seconds on a busy machine): paid
    # here, before the worker says it is ready and the first real document's time starts.
    text = "Acme said its revenue rose 5% to $3 billion in 2025.\n"
    process_source(Source(doc="warm-up", raw=text.encode(), media_type="text/plain", text=text,
                          encoding="utf-8"), furniture, nlp)
    conn.send("ready")  # a document's time starts when it is given to a ready worker
    while True:
        source = conn.recv()
        if source is None:
            return
        conn.send(process_source(source, furniture, nlp))
