"""Issue 18, item 4: input that used to give wrong data with no error. Real files, the
real command line and a real SQLite database."""

from __future__ import annotations

import gzip
import sqlite3
from io import BytesIO

import pytest

from extract.read import read_path
from tests.conftest import run_claims

# Two outlets' styles of sentence, so no case leans on one publisher's wording.
TEXT = ("Acme said its revenue was $3 billion in 2025, up 5% from a year earlier.\n"
        "The city council approved a €21 million budget for the bridge, said Zoë Müller.\n")


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be", "utf-16", "utf-16-le", "utf-16-be"],
                         ids=["utf32-bom", "utf32le-no-bom", "utf32be-no-bom", "utf16-bom", "utf16le-no-bom",
                              "utf16be-no-bom"])
def test_wide_unicode_with_or_without_a_bom_reads_as_its_text(tmp_path, encoding):
    path = tmp_path / "wide.txt"
    path.write_bytes(TEXT.encode(encoding))
    source = read_path(str(path))
    assert source.text.lstrip("\ufeff") == TEXT
    assert source.encoding.startswith(encoding[:6])


def test_every_member_of_a_multi_member_gzip_is_read(tmp_path):
    first, second = TEXT.splitlines(keepends=True)
    path = tmp_path / "joined.txt.gz"
    path.write_bytes(gzip.compress(first.encode()) + gzip.compress(second.encode()))
    assert read_path(str(path)).text == TEXT


def _archive(tmp_path, cut: int):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    body = ("<html><body><p>" + TEXT.replace("\n", " ") * 4 + "</p></body></html>").encode()
    buf = BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for uri in ("https://one.example.org/budget", "https://two.example.net/revenue"):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=BytesIO(body), http_headers=headers))
    path = tmp_path / "crawl.warc"
    path.write_bytes(buf.getvalue()[:-cut])
    return path


def test_a_warc_record_cut_off_mid_payload_is_refused_with_its_url_once(tmp_path):
    archive = _archive(tmp_path, cut=200)
    db = tmp_path / "w.db"
    proc = run_claims("run", str(archive), "--db", str(db), check=False)
    assert proc.returncode == 1
    [line] = proc.stderr.splitlines()
    assert line.startswith("https://two.example.net/revenue: truncated WARC record (")
    assert "1 new document(s), 0 already stored, 1 failed" in proc.stdout
    with sqlite3.connect(db) as conn:
        docs = [r[0] for r in conn.execute("SELECT doc FROM documents")]
    assert docs == ["https://one.example.org/budget"]
