"""When a batch's worker processes are replaced: when one has grown, not after a count.

A long-lived spaCy pipeline keeps what it has seen: its string store and lexemes grow
with every new word, and so do the tokenizer's cache and the embedding memo (up to its
bound, extract/embed_memo.py). A worker process is replaced once its peak memory has grown
GROWTH_MB past what it held when it settled, after its first SETTLE_TASKS tasks, by which
time it has made the arrays of full batches. Measured on 476 distinct texts (the
benchmark's 186, the 40 news articles, QuanTemp's claims ten to a text), one pipeline
settles at ~420 MB and then grows ~4 MB per 100 documents, less as fewer words are new:
a corpus of new words reaches GROWTH_MB after a few thousand documents, one that repeats
its words (one site's articles, a replicated benchmark) may never. Replacing a worker
costs ~2.5 CPU s (imports, the model, and the caches it warms again), so it is done only
when memory asks for it; every worker is replaced after MAX_DOCUMENTS whatever its memory
says, and that is the only rule on a platform that reports no peak memory.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import Optional

GROWTH_MB = 150.0
SETTLE_TASKS = 8
MAX_DOCUMENTS = 20_000


def peak_memory() -> tuple[int, Optional[float]]:
    """(this process's id, its peak resident memory in MB; None where not reported)."""
    try:
        import resource
    except ImportError:  # Windows
        return os.getpid(), None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return os.getpid(), peak / (2**20 if sys.platform == "darwin" else 2**10)


@dataclass
class WorkerMemory:
    """The peak memory each worker process of one pool reported after each task."""

    growth_mb: float = GROWTH_MB
    settle_tasks: int = SETTLE_TASKS
    tasks: dict[int, int] = field(default_factory=dict)
    settled: dict[int, float] = field(default_factory=dict)

    def grown(self, pid: int, peak_mb: Optional[float]) -> bool:
        """Record a task's report; whether that worker has grown past the limit."""
        self.tasks[pid] = self.tasks.get(pid, 0) + 1
        if peak_mb is None:
            return False
        if self.tasks[pid] <= self.settle_tasks:
            self.settled[pid] = peak_mb
            return False
        return peak_mb - self.settled[pid] > self.growth_mb
