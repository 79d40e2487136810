"""The inputs of `claims extract` and `claims clean`: paths, URLs, and `-` for standard input."""

from __future__ import annotations

import datetime as dt
import sys
from typing import BinaryIO, Iterator, Optional

from extract.article import article_from_source
from extract.read import MAX_BYTES, ReadError, decode_bytes, gunzip, media_type_of
from extract.records import Source

from claims.sources import LoadedInput, load_inputs

STDIN = "-"


def read_stream(stream: BinaryIO, doc: str = STDIN, date: Optional[dt.date] = None) -> LoadedInput:
    """One article from a byte stream (HTML sniffed, else plain text); `doc` names it."""
    raw = stream.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        return LoadedInput(doc=doc, error=f"input too large (limit {MAX_BYTES} bytes)")
    if raw.startswith(b"\x1f\x8b"):
        raw = gunzip(raw)
    if not raw.strip():
        return LoadedInput(doc=doc, error="empty input")
    try:
        text, encoding = decode_bytes(raw)
    except ReadError as e:
        return LoadedInput(doc=doc, error=str(e))
    source = Source(doc=doc, raw=raw, media_type=media_type_of(doc, raw), text=text, encoding=encoding)
    if date is not None:
        source = source.model_copy(update={"date": date})  # used only if it states none
    try:
        article = article_from_source(source)
    except Exception as e:  # a page the cleaner cannot handle is reported, not fatal
        return LoadedInput(doc=doc, source=source, error=f"cannot clean: {type(e).__name__}: {e}")
    return LoadedInput(doc=doc, source=source, article=article)


def load_cli_inputs(items: list[str], date: Optional[dt.date] = None) -> Iterator[LoadedInput]:
    """Each input in the order given; `-` reads standard input (once)."""
    pending: list[str] = []
    for item in items:
        if item != STDIN:
            pending.append(item)
            continue
        if pending:
            yield from load_inputs(pending, date=date)
            pending = []
        yield read_stream(sys.stdin.buffer, date=date)
    if pending:
        yield from load_inputs(pending, date=date)
