"""`claims extract`: each input's claims, or why not, in input order.

In this process, the candidate sentences of many inputs stream through one spaCy
pipeline (extract.pipeline.extract_many); with a time bound per document
(`--doc-timeout`), the work runs in one worker process that is killed and replaced
when a document takes too long (claims/workers.py).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Iterator, Optional

import spacy.util

from extract.pipeline import DEFAULT_MODEL, MODEL_ENV, ModelNotFound, extract_many, load_nlp
from extract.records import Claim, Source

from claims.inputs import load_cli_inputs
from claims.sources import FetchOptions, corpus_furniture, expand_inputs, iter_sources, with_date
from claims.workers import KillablePool

Extracted = Iterator[tuple[str, list[Claim] | str]]


def check_model(model: Optional[str]) -> None:
    """Raise ModelNotFound, as load_nlp would, without loading the pipeline into this
    process (worker processes will)."""
    name = model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL
    if not (spacy.util.is_package(name) or Path(name).is_dir()):
        raise ModelNotFound(f"spaCy pipeline '{name}' is not installed; install it (see README) or set {MODEL_ENV}")


def extract_inputs(paths: list[str], model: Optional[str], date: Optional[dt.date] = None,
                   doc_timeout: Optional[float] = None) -> Extracted:
    """(input, its claims or why not), in input order. `date` is the publication date of
    inputs that state none; `doc_timeout` bounds the seconds per document. Raises
    ModelNotFound at once, before any input is read, when the pipeline is not installed."""
    if doc_timeout:
        check_model(model)
        return extract_bounded(paths, model, doc_timeout, date)
    return _extract_here(paths, load_nlp(model), date)


def _extract_here(paths: list[str], nlp, date: Optional[dt.date]) -> Extracted:
    # One stream: the candidate sentences of many files go through the pipeline together.
    items = ((item, item.article, item.doc) for item in load_cli_inputs(paths, date=date))
    for item, claims in extract_many(items, nlp):
        if item.error:
            yield item.doc, item.error
        elif isinstance(claims, Exception):
            yield item.doc, f"extraction failed: {type(claims).__name__}: {claims}"
        else:
            yield item.doc, claims


def extract_bounded(items: list[str], model: Optional[str], doc_timeout: float,
                    date: Optional[dt.date] = None) -> Extracted:
    """`claims extract --doc-timeout`: each input's claims, or why not, in input order;
    the work runs in one worker process that is killed and replaced when a document
    takes longer than `doc_timeout` seconds (reported as "timeout")."""
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
