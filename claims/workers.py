"""Worker processes that can be killed: the engine behind `--doc-timeout`.

Each worker is a spawned process holding the spaCy pipeline and doing one document at a
time, so the parent knows exactly when each document started. A document past its time
is reported failed with reason "timeout"; its worker is killed (a stuck framing loop
cannot be interrupted from inside) and a fresh one takes its place. A worker that dies
(out of memory) costs only the document it held. While waiting, the engine yields a
heartbeat (None) at least every HEARTBEAT_SECONDS, so the writer commits what is
finished however long the next document takes. A worker's life is claims.work.serve:
this process never loads the pipeline.
"""

from __future__ import annotations

import multiprocessing
import time
from multiprocessing.connection import wait
from typing import Iterator, Optional

from extract.records import Source

from claims.batch import HEARTBEAT_SECONDS, NOT_READY, Call, DocumentOutcome, Engine


class WorkerStartError(RuntimeError):
    """A worker process died before it was ready (its pipeline would not load)."""


class _Worker:
    def __init__(self, model: Optional[str], furniture: frozenset[str]):
        ctx = multiprocessing.get_context("spawn")
        self.conn, theirs = ctx.Pipe()
        self.process = ctx.Process(target=Call("serve"), args=(theirs, model, furniture), daemon=True)
        self.process.start()
        theirs.close()
        self.source: Optional[Source] = None
        self.deadline = 0.0
        self.ready = False

    def give(self, source: Source, seconds: float) -> None:
        self.source, self.deadline = source, time.monotonic() + seconds
        self.conn.send(source)

    def take(self) -> Source:
        source, self.source = self.source, None
        return source

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(5)
        if self.process.is_alive():
            self.kill()


class KillablePool(Engine):
    """`workers` processes, each document bounded by `doc_timeout` seconds."""

    def __init__(self, workers: int, model: Optional[str], furniture: frozenset[str], doc_timeout: float):
        self.model, self.furniture, self.doc_timeout = model, furniture, doc_timeout
        self.size = workers
        self.workers: list[_Worker] = []

    def run(self, sources: Iterator[Source]) -> Iterator[Optional[tuple[Source, DocumentOutcome]]]:
        self.workers = [_Worker(self.model, self.furniture) for _ in range(self.size)]
        exhausted = False
        while True:
            for worker in self.workers:
                if worker.ready and worker.source is None and not exhausted:
                    source = next(sources, None)
                    if source is NOT_READY:  # the next source is slow to come: wait on the busy ones
                        break
                    if source is None:
                        exhausted = True
                    else:
                        worker.give(source, self.doc_timeout)
            busy = [w for w in self.workers if w.source is not None]
            if exhausted and not busy:
                return
            watched = busy + [w for w in self.workers if not w.ready]
            now = time.monotonic()
            wait_for = min([HEARTBEAT_SECONDS] + [max(0.0, w.deadline - now) for w in busy])
            ready = wait([w.conn for w in watched] + [w.process.sentinel for w in watched], wait_for)
            yielded = False
            for i, worker in enumerate(self.workers):
                for done in self._check(i, worker, ready):
                    yielded = True
                    yield done
            if not yielded:
                yield None

    def _check(self, i: int, worker: _Worker, ready: list) -> Iterator[tuple[Source, DocumentOutcome]]:
        """What `worker` has to say: ready, an outcome, or a death or timeout (it is
        then replaced)."""
        if not worker.ready:
            if worker.conn in ready:
                worker.conn.recv()
                worker.ready = True
            elif worker.process.sentinel in ready:
                raise WorkerStartError(f"a worker process could not start (exit status {worker.process.exitcode})")
            return
        if worker.source is None:
            return
        failure = None
        if worker.conn in ready:
            try:
                outcome = worker.conn.recv()
            except (EOFError, OSError):
                failure = "worker process died (out of memory?)"
            else:
                yield worker.take(), outcome
                return
        elif worker.process.sentinel in ready:
            failure = "worker process died (out of memory?)"
        elif time.monotonic() >= worker.deadline:
            failure = "timeout"
        if failure is not None:
            source = worker.take()
            worker.kill()
            self.workers[i] = _Worker(self.model, self.furniture)
            yield source, DocumentOutcome(doc=source.doc, error=failure)

    def close(self) -> None:
        for worker in self.workers:
            worker.stop()
        self.workers = []
