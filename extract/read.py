"""Reading inputs: files (text, HTML, gzip) and directories, decoded to text.

The first stage of the flow. `read_path` turns one file into a `Source`; `iter_inputs`
expands the command line's PATHs the way CONTRACT.md says (a directory means every
.txt, .html, .htm, and .gz of them, below it). The reading itself is in
extract/decode.py, which needs no records (`claims clean` reads through it).
"""

from __future__ import annotations

from extract.decode import (
    HTML_SUFFIXES,
    MAX_BYTES,
    MOSTLY_ASCII,
    TEXT_SUFFIXES,
    WARC_SUFFIXES,
    Found,
    RawFile,
    ReadError,
    decode_bytes,
    gunzip,
    is_supported,
    iter_inputs,
    media_type_of,
    printable_name,
    read_file,
)
from extract.records import Source

__all__ = ["HTML_SUFFIXES", "MAX_BYTES", "MOSTLY_ASCII", "TEXT_SUFFIXES", "WARC_SUFFIXES", "Found", "RawFile", "ReadError",
           "decode_bytes", "gunzip", "is_supported", "iter_inputs", "media_type_of", "printable_name",
           "read_file", "read_path"]


def read_path(path: str) -> Source:
    """Read one file into a `Source`. Raises ReadError with a one-line reason. A FIFO or
    device is refused before it is opened (opening a FIFO blocks until a writer comes)."""
    return Source(**read_file(path)._asdict())
