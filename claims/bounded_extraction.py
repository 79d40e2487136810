"""`claims extract --doc-timeout`: the work runs in one worker process that is killed and
replaced when a document takes too long (claims/workers.py).

Apart from claims/extraction.py so that a plain `claims extract` does not import the
worker machinery (claims/workers.py, claims/batch.py, the store and sqlite-utils: ~0.15
CPU s of every process, bench/throughput.py); extraction.py loads this module only when a
time bound is asked for.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterator, Optional

from extract.records import Claim, Source

from claims.sources import FetchOptions, corpus_furniture, expand_inputs, iter_sources, with_date
from claims.workers import KillablePool


def extract_bounded(items: list[str], model: Optional[str], doc_timeout: float,
                    date: Optional[dt.date] = None) -> Iterator[tuple[str, list[Claim] | str]]:
    """Each input's claims, or why not, in input order; a document that takes longer
    than `doc_timeout` seconds is reported as "timeout"."""
    refs = list(expand_inputs(items))
    failures: list[tuple[str, str]] = []

    def sources() -> Iterator[Source]:
        policy = FetchOptions().policy()
        for item in iter_sources(refs, policy):
            if item.source is None:
                failures.append((item.doc, item.error or "no source"))
            else:
                yield with_date(item.source, date)

    with KillablePool(1, model, corpus_furniture(refs), doc_timeout) as work:
        for done in work.run(sources()):
            yield from failures
            failures.clear()
            if done is not None:
                source, outcome = done
                yield source.doc, outcome.error if outcome.error else outcome.claims
    yield from failures
