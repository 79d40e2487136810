"""`claims clean`'s own reading of files, folders and `-` (claims/clean_inputs.py), which
imports no pydantic: the same text as the typed path, each bad input with its reason.

Real sentences from two outlets (a wire story as text, a retailer's results as HTML).
"""

from __future__ import annotations

import gzip
import io
import subprocess
import sys

import pytest

from claims.clean_inputs import clean_local_inputs, clean_stream, needs_records
from claims.inputs import load_cli_inputs
from tests.conftest import ROOT

REUTERS_TEXT = "Alphabet expects capital expenditures of between $175 and $185 billion in 2026, the company said.\n"
CNBC_HTML = (
    "<html><head><title>Home Depot beats estimates</title></head><body><article>"
    "<h1>Home Depot beats estimates</h1>"
    "<p>Home Depot said sales rose 2.2% to $38.9 billion in the third quarter.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize("item, wanted", [
    pytest.param("https://www.reuters.com/technology/alphabet-capex/", True, id="url"),
    pytest.param("HTTP://EXAMPLE.COM/A", True, id="url-upper-case"),
    pytest.param("morning.urls", True, id="url-list"),
    pytest.param("crawl.warc.gz", True, id="web-archive"),
    pytest.param("homedepot.html", False, id="html-file"),
    pytest.param("reuters.txt.gz", False, id="gzip-text-file"),
    pytest.param("-", False, id="standard-input"),
    pytest.param("archive/", False, id="folder"),
])  # fmt: skip
def test_only_urls_url_lists_and_web_archives_need_the_records(item, wanted):
    assert needs_records(item) is wanted


@pytest.mark.parametrize("data, text", [
    pytest.param(REUTERS_TEXT.encode(), REUTERS_TEXT.strip(), id="plain-text"),
    pytest.param(CNBC_HTML.encode(), "Home Depot said sales rose 2.2% to $38.9 billion in the third quarter.",
                 id="html-sniffed"),
    pytest.param(gzip.compress(CNBC_HTML.encode()), "Home Depot said sales rose 2.2% to $38.9 billion in the third "
                 "quarter.", id="gzip-html"),
])  # fmt: skip
def test_a_stream_is_cleaned(data, text):
    item = clean_stream("-", io.BytesIO(data))
    assert (item.doc, item.error, item.text) == ("-", None, text)


@pytest.mark.parametrize("data, error", [
    pytest.param(b"", "empty input", id="empty"),
    pytest.param(b"\x89PNG\r\n\x1a\n" + b"\x00" * 400, "binary data, not text (a PNG image)", id="image"),
    pytest.param(b"\x1f\x8b\x08\x00" + b"\x00" * 20, "corrupt gzip data", id="cut-gzip"),
    pytest.param(b"<html><body><script>alert(1)</script></body></html>",
                 "cannot clean: CleanError: no main text found in the page", id="no-main-text"),
])  # fmt: skip
def test_a_bad_stream_is_reported(data, error):
    item = clean_stream("-", io.BytesIO(data))
    assert item.text is None and item.error.startswith(error)


def test_files_and_folders_clean_as_the_typed_path_does(tmp_path):
    (tmp_path / "wire").mkdir()
    (tmp_path / "wire" / "reuters.txt").write_text(REUTERS_TEXT)
    (tmp_path / "wire" / "empty.txt").write_text("")
    (tmp_path / "homedepot.html").write_text(CNBC_HTML)
    given = [str(tmp_path / "wire"), str(tmp_path / "homedepot.html"), str(tmp_path / "missing.txt")]
    plain = list(clean_local_inputs(given))
    typed = list(load_cli_inputs(given))
    assert [(i.doc, i.error) for i in plain] == [(i.doc, i.error) for i in typed]
    art = typed[-2].article
    assert (plain[-2].text, plain[-2].title, plain[-2].publisher) == (art.text, art.title, art.publisher)
    assert plain[1].text == typed[1].article.body_text() == REUTERS_TEXT.strip()


def test_a_url_among_the_inputs_is_read_through_the_records_and_reported(tmp_path):
    page = tmp_path / "homedepot.html"
    page.write_text(CNBC_HTML)
    proc = subprocess.run([sys.executable, "-m", "claims", "clean", "http://127.0.0.1:9/markets", str(page)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1
    assert proc.stderr == "http://127.0.0.1:9/markets: refused: 127.0.0.1 is a loopback address\n"
    assert "Home Depot said sales rose 2.2% to $38.9 billion in the third quarter." in proc.stdout
