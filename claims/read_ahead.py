"""Sources read on a helper thread, a few ahead of the engine that works on them.

A batch's sources come from files, archives, URLs and feeds; fetching one can take
seconds (the per-host interval, a slow server, a retry). Pulled on the thread that also
stores the results, a slow fetch held up the commits of every document already done,
and a kill lost them (issue 18). `ReadAhead` pulls them on its own thread; while the
next one is not ready, the stream gives NOT_READY, and the engine keeps its heartbeat
and hands back what it holds.
"""

from __future__ import annotations

import queue
import threading
from typing import Callable, Iterable, Iterator, Optional

# How long the stream waits for the next source before it gives NOT_READY (the
# engines' heartbeat, claims/batch.py).
WAIT_SECONDS = 0.5
# Sources read ahead of the engine by ReadAhead: enough that a fast input never makes
# the engine wait, few enough that memory stays flat.
READ_AHEAD = 4


class _NotReady:
    def __repr__(self) -> str:
        return "NOT_READY"


# What a ReadAhead source stream gives when its next source has not come within
# WAIT_SECONDS: the engine yields a heartbeat and asks again.
NOT_READY = _NotReady()
_ITEM, _CALL, _END = "item", "call", "end"


class ReadAhead:
    """Sources pulled on a helper thread, a few ahead of the engine, so that a slow one
    (a URL being fetched) holds up neither the commits nor the documents already read:
    while nothing is ready the stream gives NOT_READY every WAIT_SECONDS.

    The pulling may need the store (is this URL stored?), whose SQLite connection
    belongs to the thread that opened it: a function wrapped by `on_owner` and called
    on the helper thread runs on the thread iterating the stream, between two items."""

    def __init__(self, ahead: int = READ_AHEAD, wait: float = WAIT_SECONDS):
        self.wait = wait
        self.messages: queue.Queue = queue.Queue()
        self.slots = threading.Semaphore(ahead)
        self.stopped = threading.Event()
        self.thread: Optional[threading.Thread] = None

    def on_owner(self, fn: Callable) -> Callable:
        def call(*args):
            if threading.current_thread() is not self.thread:
                return fn(*args)
            reply: queue.Queue = queue.Queue(maxsize=1)
            self.messages.put((_CALL, (fn, args, reply)))
            while not self.stopped.is_set():
                try:
                    ok, value = reply.get(timeout=self.wait)
                except queue.Empty:
                    continue
                if ok:
                    return value
                raise value
            raise _Stopped()
        return call

    def _pull(self, items: Iterable) -> None:
        try:
            for item in items:
                while not self.slots.acquire(timeout=self.wait):
                    if self.stopped.is_set():
                        return
                if self.stopped.is_set():
                    return
                self.messages.put((_ITEM, item))
        except _Stopped:
            return
        except BaseException as e:  # raised on the iterating thread
            self.messages.put((_END, e))
            return
        self.messages.put((_END, None))

    def __call__(self, items: Iterable) -> Iterator:
        self.thread = threading.Thread(target=self._pull, args=(items,), name="read-ahead", daemon=True)
        self.thread.start()
        try:
            while True:
                try:
                    kind, value = self.messages.get(timeout=self.wait)
                except queue.Empty:
                    yield NOT_READY
                    continue
                if kind == _CALL:
                    fn, args, reply = value
                    try:
                        reply.put((True, fn(*args)))
                    except Exception as e:  # raised on the helper thread, in the caller of fn
                        reply.put((False, e))
                elif kind == _ITEM:
                    self.slots.release()
                    yield value
                elif value is not None:
                    raise value
                else:
                    return
        finally:
            self.stopped.set()


class _Stopped(Exception):
    """The stream was closed while its helper thread waited."""
