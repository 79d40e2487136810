"""The inputs of `claims clean`, read and cleaned without the typed records.

`claims clean page.html` must start in a fraction of a second: importing pydantic (the
records), http and ssl costs more than cleaning the page. Files, folders and `-`
(standard input) are read here through extract/decode.py and cleaned through
extract/cleaning.py, neither of which imports them. Inputs that need the network or a
web archive (a URL, a `.urls` list, a `.warc`) are read by claims/inputs.py, as
`claims extract` reads them; claims/commands/clean.py loads it only for those.

Each input gives one `CleanedInput` in command-line order: the fields `claims clean`
prints, or the error that input met (reported, never fatal to the batch).
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from typing import BinaryIO, Iterable, Iterator, Optional

from extract.cleaning import Page, clean_decoded, main_text
from extract.decode import (
    MAX_BYTES,
    WARC_SUFFIXES,
    Found,
    ReadError,
    decode_bytes,
    gunzip,
    iter_inputs,
    media_type_of,
    printable_name,
    read_file,
)
from extract.textclean import TextPage, recurring_lines

STDIN = "-"
# Site furniture (menus, footers) is learned from at most this many plain-text files of
# a batch: enough to see a site's recurring lines, and memory stays flat however large
# the batch.
FURNITURE_SAMPLE = 2000


@dataclass(frozen=True)
class CleanedInput:
    """One input as `claims clean` prints it: its main text and metadata, or its error."""

    doc: str
    text: Optional[str] = None
    title: Optional[str] = None
    author: Optional[str] = None
    date: Optional[dt.date] = None
    publisher: Optional[str] = None
    url: Optional[str] = None
    error: Optional[str] = None


def needs_records(item: str) -> bool:
    """An input read only through claims/inputs.py: a URL, a list of URLs, a web archive
    (told apart as claims.sources.expand_inputs does)."""
    lowered = item.lower()
    return lowered.startswith(("http://", "https://")) or lowered.endswith((".urls", *WARC_SUFFIXES))


def clean_local_inputs(items: list[str]) -> Iterator[CleanedInput]:
    """Each file, folder (its files, sorted) or `-` in the order given, cleaned; files
    given together share what recurs across their plain-text pages (site furniture)."""
    pending: list[str] = []
    for item in items:
        if item != STDIN:
            pending.append(item)
            continue
        yield from _clean_files(pending)
        pending = []
        yield clean_stream(STDIN)
    yield from _clean_files(pending)


def clean_stream(doc: str, stream: Optional[BinaryIO] = None) -> CleanedInput:
    """One input from a byte stream (standard input by default); HTML sniffed, else text."""
    raw = (stream or sys.stdin.buffer).read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        return CleanedInput(doc=doc, error=f"input too large (limit {MAX_BYTES} bytes)")
    try:
        if raw.startswith(b"\x1f\x8b"):
            raw = gunzip(raw)
        if not raw.strip():
            return CleanedInput(doc=doc, error="empty input")
        text, _ = decode_bytes(raw)
    except ReadError as e:
        return CleanedInput(doc=doc, error=str(e))
    try:
        page = clean_decoded(text, media_type_of(doc, raw))
    except Exception as e:  # a page the cleaner cannot handle is reported, not fatal
        return CleanedInput(doc=doc, error=f"cannot clean: {type(e).__name__}: {e}")
    return cleaned(doc, page)


def _clean_files(paths: list[str]) -> Iterator[CleanedInput]:
    if not paths:
        return
    found = list(iter_inputs(paths))
    furniture = recurring_lines(plain_texts(f.path for f in found if not f.error))
    for f in found:
        if f.error:
            yield CleanedInput(doc=printable_name(f.path), error=f.error)
            continue
        doc = printable_name(f.path)
        try:
            raw = read_file(f.path)
        except ReadError as e:
            yield CleanedInput(doc=doc, error=one_line(e))
            continue
        try:
            page = clean_decoded(raw.text, raw.media_type, recurring=furniture)
        except Exception as e:  # a page the cleaner cannot handle is reported, not fatal
            yield CleanedInput(doc=doc, error=f"cannot clean: {one_line(e)}")
            continue
        yield cleaned(doc, page)


def plain_texts(paths: Iterable[str], sample: int = FURNITURE_SAMPLE) -> Iterator[str]:
    """The batch's plain-text files (at most `sample`), for the lines that recur across them
    (claims clean here, claims run through claims/sources.py corpus_furniture)."""
    seen = 0
    for path in paths:
        if seen >= sample:
            return
        if not path.lower().endswith((".txt", ".txt.gz")):
            continue
        try:
            yield read_file(path).text
        except ReadError:
            continue  # reported when the file itself is read
        seen += 1


def cleaned(doc: str, page: Page) -> CleanedInput:
    """What `claims clean` prints of a page (a text page states no author, publisher or URL)."""
    if isinstance(page, TextPage):
        return CleanedInput(doc=doc, text=main_text(page), title=page.title, date=page.date)
    return CleanedInput(doc=doc, text=main_text(page), title=page.title, author=page.author, date=page.date,
                        publisher=page.publisher, url=page.url)


def one_line(e: BaseException) -> str:
    """An exception's first line (its type when it says nothing): one report line."""
    text = str(e).strip()
    return text.splitlines()[0] if text else type(e).__name__
