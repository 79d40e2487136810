"""One pure function over a long list, split across forked processes.

Reconciliation judges each candidate pair on its own (claims/reconcile/pairs.py): the
judgement of a pair reads the corpus's tables and writes nothing. With `claims run
--workers N` the batch may use N processes, and by the time it reconciles its worker
processes are gone: the list is cut into N contiguous parts, N - 1 forked children judge
theirs (a fork shares the tables as they are, nothing is copied or pickled on the way in)
while this process judges the first, and the results come back through a pipe in order.
The result is the list a single process makes, item for item.

Only where the platform forks (not Windows) and the list is long enough to pay for it
(MIN_ITEMS); a child that fails or dies is not fatal: its part is judged here instead.
"""

from __future__ import annotations

import os
import pickle
from typing import Callable, Optional, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Fewer items than this are judged in one process: a fork and its pipe cost ~10 ms.
MIN_ITEMS = 20_000


def forked_map(fn: Callable[[T], R], items: Sequence[T], processes: int,
               min_items: Optional[int] = None) -> list[R]:
    """[fn(x) for x in items], computed in up to `processes` processes (see above); in
    one when there are fewer than `min_items` items (default MIN_ITEMS)."""
    least = MIN_ITEMS if min_items is None else min_items
    if processes <= 1 or len(items) < max(least, processes) or not hasattr(os, "fork"):
        return [fn(x) for x in items]
    step = -(-len(items) // processes)
    parts = [(lo, min(lo + step, len(items))) for lo in range(0, len(items), step)]
    children = [(_fork(fn, items, lo, hi), lo, hi) for lo, hi in parts[1:]]
    out = [fn(x) for x in items[parts[0][0]:parts[0][1]]]
    for child, lo, hi in children:
        out += _collect(child, fn, items, lo, hi)
    return out


def _fork(fn, items, lo: int, hi: int) -> tuple[int, int] | None:
    """(pid, read end of its pipe) of a child judging items[lo:hi]; None if it cannot fork."""
    try:
        read, write = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        return None
    if pid == 0:  # the child: judge, write, leave without running the parent's exit handlers
        status = 1
        try:
            os.close(read)
            data = pickle.dumps([fn(x) for x in items[lo:hi]], protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write, "wb") as pipe:
                pipe.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(write)
    return pid, read


def _collect(child, fn, items, lo: int, hi: int) -> list:
    """The child's results, or items[lo:hi] judged here when it gave none."""
    if child is None:
        return [fn(x) for x in items[lo:hi]]
    pid, read = child
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if status != 0 or not data:
        return [fn(x) for x in items[lo:hi]]
    return pickle.loads(data)
