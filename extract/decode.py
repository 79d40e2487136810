"""Reading inputs without the records: files (text, HTML, gzip) and directories, decoded to text.

`read_file` turns one file into a `RawFile` (bytes, text, encoding, media type);
`iter_inputs` expands the command line's PATHs the way CONTRACT.md says (a directory
means every .txt, .html, .htm, and .gz of them, below it). Nothing here imports
pydantic or the records, so `claims clean` starts fast; extract/read.py builds the
`Source` record from a `RawFile` and re-exports all of this.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import zlib
from pathlib import Path
from typing import Iterator, NamedTuple, Optional

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
WARC_SUFFIXES = (".warc", ".warc.gz")  # web archives (extract/warc.py reads them)
# A file larger than this is refused rather than read: a news article is kilobytes.
MAX_BYTES = 50 * 1024 * 1024

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_HTML_SNIFF = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


class ReadError(Exception):
    """An input that cannot be read; the message is one line a user can act on."""


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable_name(name: str) -> str:
    """A file name as it may appear in a report line or the database: a byte that is not
    UTF-8 (decoded by Python as a lone surrogate) as \\xNN, control characters (a
    newline could forge a report line) escaped. Ordinary names come back unchanged."""
    out = []
    for ch in name:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:
            out.append(f"\\x{code - 0xDC00:02x}")
        elif ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def is_supported(path: Path) -> bool:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return name.endswith(TEXT_SUFFIXES + HTML_SUFFIXES)


class RawFile(NamedTuple):
    """One file read and decoded: what a `Source` is made of."""

    doc: str
    raw: bytes
    media_type: str
    text: str
    encoding: str


class Found(NamedTuple):
    """A file to read, or (with `error`) one found but refused: reported, never silent."""

    path: str
    error: Optional[str] = None


def iter_inputs(paths: list[str]) -> Iterator[Found]:
    """Each PATH as given; a directory expands to its supported files, sorted.

    Below a directory nothing leads out of it: a symlink is followed only to a file
    inside the folder; one leading outside, a broken one or a loop is reported, as is an
    unreadable directory and a FIFO or device with a supported name."""
    for given in paths:
        if os.path.isdir(given):
            yield from _walk(Path(given))
        else:
            yield Found(given)


def _walk(root: Path) -> Iterator[Found]:
    inside = root.resolve()
    found: list[tuple[Path, Optional[str]]] = []
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as e:
            found.append((folder, f"cannot read directory: {e.strerror or e}"))
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.is_symlink():
                reason = _symlink_refusal(path, inside)
                if reason is not None and reason != "a symlink to a directory":
                    found.append((path, reason))
                elif reason is None and is_supported(path):
                    found.append((path, None))
            elif entry.is_dir(follow_symlinks=False):
                folders.append(path)
            elif is_supported(path):
                kind = _special_kind(entry)
                found.append((path, f"not a regular file ({kind}); refused" if kind else None))
    for path, error in sorted(found):
        yield Found(str(path), error)


def _symlink_refusal(path: Path, inside: Path) -> Optional[str]:
    """Why a symlink below an input folder is not followed, or None to read its file."""
    try:
        target = path.resolve(strict=True)
    except RuntimeError:
        return "a symlink loop; not followed"
    except OSError as e:
        if e.errno == errno.ELOOP:
            return "a symlink loop; not followed"
        return "a broken symlink; not followed"
    if not target.is_relative_to(inside):
        return "a symlink leading outside the input folder; not followed"
    if target.is_dir():
        return "a symlink to a directory"  # its files, inside the folder, are walked anyway
    return None


def _special_kind(entry: os.DirEntry) -> Optional[str]:
    mode = entry.stat(follow_symlinks=False).st_mode
    if stat.S_ISREG(mode):
        return None
    return {stat.S_IFIFO: "a FIFO", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a device",
            stat.S_IFBLK: "a device"}.get(stat.S_IFMT(mode), "not a file")


def decode_bytes(raw: bytes, declared: Optional[str] = None) -> tuple[str, str]:
    """Decode bytes to text: BOM, then a declared charset, then UTF-8, then detection.

    Returns (text, encoding). Raises ReadError for data that is not text at all.
    """
    for bom, enc in _BOMS:  # UTF-32 first: its little-endian BOM begins with UTF-16's
        if raw.startswith(bom):
            return raw[len(bom):].decode(enc, errors="replace"), enc
    wide = _wide_encoding(raw)
    if wide:
        return raw.decode(wide, errors="replace"), wide
    binary = _binary_reason(raw)
    if binary:
        raise ReadError(binary)
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
    mixed = _decode_mixed(raw)
    if mixed is not None:
        return mixed, "utf-8+cp1252"
    non_ascii = sum(1 for b in raw[:200_000] if b >= 0x80)
    if non_ascii <= len(raw[:200_000]) * MOSTLY_ASCII:
        # A few stray high bytes in English text: the Western default browsers use.
        # Detectors guess wildly on so little evidence (DOS code pages and the like).
        return raw.decode("cp1252", errors="replace"), "cp1252"
    from charset_normalizer import from_bytes  # third-party, costly to import, rarely needed: the last resort

    best = from_bytes(raw[:200_000]).best()
    if best is None or best.encoding is None:
        raise ReadError("undecodable bytes: no text encoding fits")
    return raw.decode(best.encoding, errors="replace"), best.encoding


_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xef\xbb\xbf", "utf-8-sig"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def _wide_encoding(raw: bytes) -> Optional[str]:
    """UTF-32 or UTF-16 without a BOM, told by where the NUL bytes of mostly-Latin
    text fall (every other byte, or three of four); None for anything else."""
    head = raw[:4096]
    if len(head) < 8 or head.count(b"\x00") < len(head) // 3:
        return None
    head = head[: len(head) // 4 * 4]

    def zero_share(offset: int, step: int) -> float:
        column = head[offset::step]
        return column.count(0) / len(column)

    for enc, zeros, step in (("utf-32-le", (1, 2, 3), 4), ("utf-32-be", (0, 1, 2), 4),
                             ("utf-16-le", (1,), 2), ("utf-16-be", (0,), 2)):
        others = [i for i in range(step) if i not in zeros]
        if all(zero_share(i, step) > 0.9 for i in zeros) and all(zero_share(i, step) < 0.1 for i in others):
            try:
                raw.decode(enc)
            except UnicodeDecodeError:
                continue
            return enc
    return None


# Share of bytes above 0x7f under which undeclared, non-UTF-8 text is read as cp1252.
MOSTLY_ASCII = 0.10
_MAGIC = {
    b"%PDF-": "a PDF file", b"\x89PNG": "a PNG image", b"GIF8": "a GIF image", b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a ZIP archive", b"\x7fELF": "an executable", b"RIFF": "a RIFF media file",
}


# Every byte but the control characters binary data has (text has tabs, newlines, carriage
# returns, form feeds and ANSI escapes): deleted, what is left is the binary's.
_NOT_CONTROL = bytes(b for b in range(256) if b >= 0x20 or b in b"\t\n\r\x0c\x1b")


def _binary_reason(raw: bytes) -> Optional[str]:
    """Why these bytes are not text at all, or None. A stray NUL in a web page is not
    enough (it is dropped later); NULs in more than 1% of the bytes are."""
    for magic, what in _MAGIC.items():
        if raw.startswith(magic):
            return f"binary data, not text ({what})"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 has NULs in every other byte of ASCII text
    head = raw[:65536]
    if head.count(b"\x00") > len(head) // 100:
        return "binary data, not text (NUL bytes)"
    controls = len(head.translate(None, _NOT_CONTROL))  # the control bytes left, counted in C
    if controls > len(head) // 50:
        return "binary data, not text (control characters)"
    return None


def _decode_mixed(raw: bytes) -> Optional[str]:
    """Text that is UTF-8 except for some lines in cp1252 (files concatenated from
    different sources): each line decoded on its own. None unless some line holds real
    multi-byte UTF-8, i.e. unless the file is mostly UTF-8 to begin with."""
    lines = raw.splitlines(keepends=True)
    out, saw_utf8 = [], False
    for line in lines:
        try:
            text = line.decode("utf-8")
            saw_utf8 = saw_utf8 or any(b >= 0x80 for b in line)
        except UnicodeDecodeError:
            text = line.decode("cp1252", errors="replace")
        out.append(text)
    return "".join(out) if saw_utf8 else None


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
    """Decompress gzip data, every member of it (`cat a.gz b.gz` is one valid gzip file),
    refusing output past `limit` (a gzip bomb is bad input)."""
    out = b""
    rest = raw
    while rest:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += d.decompress(rest, limit + 1 - len(out))
        except zlib.error as e:
            raise ReadError(f"corrupt gzip data ({e})") from e
        if len(out) > limit:
            raise ReadError(f"decompresses to more than {limit} bytes")
        if not d.eof:
            # zlib returns what it could decode from a cut-off stream without complaint.
            raise ReadError("truncated gzip data (stream ends before its end marker)")
        rest = d.unused_data
        if rest and not rest.startswith(b"\x1f\x8b"):
            rest = rest.lstrip(b"\x00")  # padding after the last member, as gzip(1) allows
            if rest:
                raise ReadError("corrupt gzip data (bytes after a member that start no new one)")
    return out


def read_file(path: str) -> RawFile:
    """Read one file. Raises ReadError with a one-line reason. A FIFO or
    device is refused before it is opened (opening a FIFO blocks until a writer comes)."""
    p = Path(path)
    try:
        st = p.stat()
    except OSError as e:
        raise ReadError(f"cannot read: {e.strerror or e}") from e
    if stat.S_ISDIR(st.st_mode):
        raise ReadError("is a directory")
    if not stat.S_ISREG(st.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(st.st_mode) else "a socket or device"
        raise ReadError(f"not a regular file ({kind}); refused")
    if st.st_size > MAX_BYTES:
        raise ReadError(f"file too large ({st.st_size} bytes, limit {MAX_BYTES})")
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise ReadError(f"cannot read: {e.strerror or e}") from e
    if raw.startswith(b"\x1f\x8b"):
        raw = gunzip(raw)
    if not raw.strip():
        raise ReadError("empty file")
    text, encoding = decode_bytes(raw)
    return RawFile(doc=printable_name(path), raw=raw, media_type=media_type_of(p.name, raw), text=text,
                   encoding=encoding)
