"""Reading inputs: files (text, HTML, gzip) and directories, decoded to text.

The first stage of the flow. `read_path` turns one file into a `Source`; `iter_inputs`
expands the command line's PATHs the way CONTRACT.md says (a directory means every
.txt, .html, .htm, and .gz of them, below it).
"""

from __future__ import annotations

import gzip
import re
import zlib
from pathlib import Path
from typing import Iterator, Optional

from charset_normalizer import from_bytes

from claims.models import Source

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
# A file larger than this is refused rather than read: a news article is kilobytes.
MAX_BYTES = 50 * 1024 * 1024

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_HTML_SNIFF = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


class ReadError(Exception):
    """An input that cannot be read; the message is one line a user can act on."""


def is_supported(path: Path) -> bool:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return name.endswith(TEXT_SUFFIXES + HTML_SUFFIXES)


def iter_inputs(paths: list[str]) -> Iterator[str]:
    """Each PATH as given; a directory expands to its supported files, sorted."""
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and is_supported(child):
                    yield str(child)
        else:
            yield given


def decode_bytes(raw: bytes, declared: Optional[str] = None) -> tuple[str, str]:
    """Decode bytes to text: BOM, then a declared charset, then UTF-8, then detection.

    Returns (text, encoding). Raises ReadError for data that is not text at all.
    """
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError("binary data, not text (NUL bytes)")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    for bom, enc in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if raw.startswith(bom):
            return raw[2:].decode(enc, errors="replace"), enc
    candidates = []
    if declared:
        candidates.append(declared)
    else:
        m = _META_CHARSET.search(raw[:4096])
        if m:
            candidates.append(m.group(1).decode("ascii", "ignore"))
    candidates.append("utf-8")
    for enc in candidates:
        try:
            return raw.decode(_alias(enc)), _alias(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    best = from_bytes(raw[:200_000]).best()
    if best is None or best.encoding is None:
        raise ReadError("undecodable bytes: no text encoding fits")
    return raw.decode(best.encoding, errors="replace"), best.encoding


def _alias(enc: str) -> str:
    # Browsers read a declared latin-1 as windows-1252; so do we.
    enc = enc.strip().lower()
    return {"latin-1": "cp1252", "latin1": "cp1252", "iso-8859-1": "cp1252", "ascii": "cp1252"}.get(enc, enc)


def media_type_of(name: str, raw: bytes) -> str:
    """'text/html' or 'text/plain', from the file name, else by sniffing the bytes."""
    lowered = name.lower()
    if lowered.endswith(".gz"):
        lowered = lowered[:-3]
    if lowered.endswith(HTML_SUFFIXES):
        return "text/html"
    if lowered.endswith(TEXT_SUFFIXES):
        return "text/plain"
    return "text/html" if _HTML_SNIFF.match(raw[:2048]) else "text/plain"


def gunzip(raw: bytes, limit: int = MAX_BYTES) -> bytes:
    """Decompress gzip data, refusing output past `limit` (a gzip bomb is bad input)."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(raw, limit + 1)
    except zlib.error as e:
        raise ReadError(f"corrupt gzip data ({e})") from e
    if len(out) > limit:
        raise ReadError(f"decompresses to more than {limit} bytes")
    if not d.eof:
        # zlib returns what it could decode from a cut-off stream without complaint.
        raise ReadError("truncated gzip data (stream ends before its end marker)")
    return out


def read_path(path: str) -> Source:
    """Read one file into a `Source`. Raises ReadError with a one-line reason."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as e:
        raise ReadError(f"cannot read: {e.strerror or e}") from e
    if p.is_dir():
        raise ReadError("is a directory")
    if size > MAX_BYTES:
        raise ReadError(f"file too large ({size} bytes, limit {MAX_BYTES})")
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise ReadError(f"cannot read: {e.strerror or e}") from e
    if raw.startswith(b"\x1f\x8b"):
        raw = gunzip(raw)
    if not raw.strip():
        raise ReadError("empty file")
    text, encoding = decode_bytes(raw)
    return Source(doc=path, raw=raw, media_type=media_type_of(p.name, raw), text=text, encoding=encoding)


def gzip_bytes(data: bytes) -> bytes:
    """For tests and fixtures: the gzip of `data`."""
    return gzip.compress(data)
