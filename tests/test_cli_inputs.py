"""`claims extract -` reads standard input; `claims clean` takes several files.

Real sentences from two outlets, through the real command line in a subprocess.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

REUTERS_TEXT = "Alphabet expects capital expenditures of between $175 and $185 billion in 2026, the company said.\n"
CNBC_HTML = (
    "<html><head><title>Home Depot beats estimates</title></head><body><article>"
    "<h1>Home Depot beats estimates</h1>"
    "<p>Home Depot said sales rose 2.2% to $38.9 billion in the third quarter.</p>"
    "</article></body></html>"
)


def claims_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claims", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT)


@pytest.mark.parametrize(
    "stdin, surface",
    [
        pytest.param(REUTERS_TEXT, "$175 and $185 billion", id="plain-text"),
        pytest.param(CNBC_HTML, "$38.9 billion", id="html-sniffed"),
    ],
)  # fmt: skip
def test_extract_reads_standard_input(stdin, surface):
    proc = claims_cli("extract", "-", stdin=stdin)
    assert proc.returncode == 0, proc.stderr
    claims = [json.loads(line) for line in proc.stdout.splitlines()]
    assert surface in {c["surface"] for c in claims}
    assert {c["doc"] for c in claims} == {"-"}


@pytest.mark.parametrize(
    "fmt, expected",
    [
        pytest.param("text", ["==> {a} <==", REUTERS_TEXT.strip(), "", "==> {b} <==",
                              "Home Depot said sales rose 2.2% to $38.9 billion in the third quarter."], id="text"),
        pytest.param("json", None, id="json-lines"),
    ],
)  # fmt: skip
def test_clean_takes_several_files(tmp_path, fmt, expected):
    a, b = tmp_path / "reuters.txt", tmp_path / "cnbc.html"
    a.write_text(REUTERS_TEXT)
    b.write_text(CNBC_HTML)
    proc = claims_cli("clean", "--format", fmt, str(a), str(b))
    assert proc.returncode == 0, proc.stderr
    if fmt == "json":
        rows = [json.loads(line) for line in proc.stdout.splitlines()]
        assert [r["doc"] for r in rows] == [str(a), str(b)]
        assert rows[1]["title"] == "Home Depot beats estimates"
        assert "$38.9 billion" in rows[1]["text"]
    else:
        lines = [line for line in proc.stdout.splitlines() if line != "Home Depot beats estimates"]
        assert lines == [e.format(a=a, b=b) for e in expected]


def test_clean_reports_a_missing_file_and_prints_the_others(tmp_path):
    a = tmp_path / "reuters.txt"
    a.write_text(REUTERS_TEXT)
    proc = claims_cli("clean", str(a), str(tmp_path / "missing.txt"))
    assert proc.returncode == 1
    assert REUTERS_TEXT.strip() in proc.stdout
    assert "missing.txt" in proc.stderr and "Traceback" not in proc.stderr
