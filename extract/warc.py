"""Reading web archives: each HTML response record of a WARC file as a `Source`.

For archive users (a crawl kept as `.warc` / `.warc.gz`): the archive is the network,
so a run needs none. A record's document name is its WARC-Target-URI. Only successful
(2xx) HTTP responses whose content type is HTML are articles; requests, metadata,
redirects, images, scripts and the like are not documents and are passed over.
Parsing is warcio's (the reference WARC library of the Webrecorder project).
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from typing import Iterator, Union

from pydantic import BaseModel

from extract.records import Source
from extract.read import MAX_BYTES, WARC_SUFFIXES, ReadError, decode_bytes

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


class WarcRecordError(BaseModel):
    """A record that is an HTML response but cannot be read; `doc` is its target URI."""

    doc: str
    error: str


def is_warc(path: str) -> bool:
    return path.lower().endswith(WARC_SUFFIXES)


def iter_warc(path: str) -> Iterator[Union[Source, WarcRecordError]]:
    """Each HTML response record of the archive at `path`, in archive order.

    Raises ReadError when the file itself cannot be opened or is not a WARC; a bad
    record further in comes back as a WarcRecordError and the archive goes on.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # opening a FIFO would wait for a writer
            raise ReadError("not a regular file; refused")
        f = open(path, "rb")
    except OSError as e:
        raise ReadError(f"cannot read: {e.strerror or e}") from e
    with f:
        _check_header(f, path)
        records = ArchiveIterator(f)
        while True:
            try:
                record = next(records)
            except StopIteration:
                return
            except (ArchiveLoadFailed, ValueError, OSError, EOFError) as e:
                msg = " ".join(str(e).split()) or type(e).__name__
                raise ReadError(f"not a readable WARC archive ({msg})") from e
            if record.rec_type != "response" or record.http_headers is None:
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"{path}#record"
            status = record.http_headers.get_statuscode() or ""
            ctype_header = record.http_headers.get_header("Content-Type") or ""
            ctype = ctype_header.split(";")[0].strip().lower()
            if not status.startswith("2") or ctype not in HTML_TYPES:
                continue
            yield _source(record, uri, ctype_header)


def _check_header(f, path: str) -> None:
    """warcio reads almost any text as an old-style ARC file; a WARC starts "WARC/"."""
    head = f.read(2)
    f.seek(0)
    if head == b"\x1f\x8b":
        import gzip

        try:
            with gzip.open(path, "rb") as g:
                head = g.read(5)
        except (OSError, EOFError) as e:
            raise ReadError(f"not a readable WARC archive (bad gzip: {e})") from e
    else:
        head = f.read(5)
        f.seek(0)
    if head != b"WARC/":
        raise ReadError("not a readable WARC archive (it does not start with a WARC/ header)")


def _source(record, uri: str, ctype_header: str) -> Union[Source, WarcRecordError]:
    try:
        # content_stream() undoes chunked transfer and gzip/deflate content encodings.
        raw = record.content_stream().read(MAX_BYTES + 1)
    except Exception as e:  # a damaged payload is this record's failure, not the archive's
        return WarcRecordError(doc=uri, error=f"unreadable WARC record ({type(e).__name__}: {e})")
    if len(raw) > MAX_BYTES:
        return WarcRecordError(doc=uri, error=f"WARC record larger than {MAX_BYTES} bytes")
    missing = _missing_bytes(record)
    if missing:
        # A cut-off archive: the record's text stops mid-sentence ("a $21" of "$21 billion").
        return WarcRecordError(doc=uri, error=f"truncated WARC record ({missing} bytes of its "
                                              "Content-Length missing); refused")
    if not raw.strip():
        return WarcRecordError(doc=uri, error="empty WARC record")
    charset = None
    for part in ctype_header.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    try:
        text, encoding = decode_bytes(raw, declared=charset)
    except ReadError as e:
        return WarcRecordError(doc=uri, error=str(e))
    return Source(
        doc=uri, raw=raw, media_type="text/html", text=text, encoding=encoding,
        url=uri, final_url=uri, fetched_at=_warc_date(record.rec_headers.get_header("WARC-Date")),
    )


def _missing_bytes(record) -> int:
    """How many bytes of the record's declared Content-Length the file lacks (0 when whole)."""
    stream = record.raw_stream
    while stream.read(65536):
        pass
    return max(0, getattr(stream, "limit", 0))


def _warc_date(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
