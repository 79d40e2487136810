"""Which engine runs a batch's per-document work (claims/batch.py, claims/workers.py).

Only the in-process engine imports the extraction pipeline (claims/work.py, imported by
name when it is chosen): with worker processes, this process never loads spaCy.
"""

from __future__ import annotations

import importlib
from typing import Optional

from claims.batch import WORK_MODULE, DaskEngine, Engine, ProcessPool
from claims.workers import KillablePool


def make_engine(engine: str, *, workers: int, model: Optional[str], furniture: frozenset[str],
                scheduler: Optional[str] = None, doc_timeout: Optional[float] = None) -> Engine:
    """The engine for `claims run --engine ... --workers ...`. `doc_timeout` (seconds)
    bounds each document: locally it means worker processes that can be killed
    (claims/workers.py), even for one worker."""
    if engine == "dask":
        return DaskEngine(scheduler, workers, model, furniture, doc_timeout)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (local or dask)")
    if doc_timeout:
        return KillablePool(workers, model, furniture, doc_timeout)
    if workers <= 1:
        return importlib.import_module(WORK_MODULE).InProcess(model, furniture)
    return ProcessPool(workers, model, furniture)
