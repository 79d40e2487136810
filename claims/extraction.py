"""`claims extract`: each input's claims, or why not, in input order.

In this process, the candidate sentences of many inputs stream through one spaCy
pipeline (extract.pipeline.extract_many); with a time bound per document
(`--doc-timeout`), the work runs in one worker process that is killed and replaced
when a document takes too long (claims/bounded_extraction.py, loaded only then: the
worker machinery and the store it imports cost every plain `claims extract` ~0.15 CPU s).
"""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Iterator, Optional

from extract.model_name import check_model  # noqa: F401 -- re-exported
from extract.pipeline import extract_many, load_nlp
from extract.records import Claim

from claims.inputs import load_cli_inputs

Extracted = Iterator[tuple[str, list[Claim] | str]]
_BOUNDED = "claims.bounded_extraction"


def extract_inputs(paths: list[str], model: Optional[str], date: Optional[dt.date] = None,
                   doc_timeout: Optional[float] = None) -> Extracted:
    """(input, its claims or why not), in input order. `date` is the publication date of
    inputs that state none; `doc_timeout` bounds the seconds per document. Raises
    ModelNotFound at once, before any input is read, when the pipeline is not installed."""
    if doc_timeout:
        check_model(model)
        return importlib.import_module(_BOUNDED).extract_bounded(paths, model, doc_timeout, date)
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
