"""Hostile and broken inputs (docs/reliability.md): each gives a clear error or a
bounded, correct result, and a batch that mixes them with good articles stores every
good one and names every bad one."""

import resource
import subprocess
import sys

import pytest

from extract.article import clean_html, clean_text
from extract.html import CleanError
from extract.pipeline import MAX_TEXT_CHARS, TextTooLong, extract_claims
from extract.read import MAX_BYTES, ReadError, read_path
from tests.conftest import CORPUS, ROOT

SENTENCE = b"Acme said its revenue was $3 billion in 2025, up 5% from a year earlier. "


def _write(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return str(p)


# (id, file name, bytes, expected error substring or None for "reads fine")
READ_CASES = [
    ("empty", "empty.txt", b"", "empty file"),
    ("whitespace-only", "blank.txt", b" \n\t\n", "empty file"),
    ("random-bytes", "noise.html", bytes(range(256)) * 200, "binary data"),
    ("png-behind-html-name", "photo.html", b"\x89PNG\r\n\x1a\n" + b"\x00" * 400, "PNG image"),
    ("pdf-behind-txt-name", "report.txt", b"%PDF-1.7\n" + SENTENCE * 3, "PDF file"),
    ("truncated-gzip", "cut.txt.gz", b"\x1f\x8b\x08\x00" + b"\x00" * 20, "gzip"),
]


@pytest.mark.parametrize("name,data,error", [c[1:] for c in READ_CASES], ids=[c[0] for c in READ_CASES])
def test_unreadable_inputs_give_a_one_line_reason(tmp_path, name, data, error):
    with pytest.raises(ReadError) as e:
        read_path(_write(tmp_path, name, data))
    assert error in str(e.value) and "\n" not in str(e.value)


def test_file_over_the_size_cap_is_refused_without_reading_it(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: the size is what matters
    with pytest.raises(ReadError, match="file too large"):
        read_path(str(p))


def test_invalid_utf8_in_english_text_reads_as_cp1252(tmp_path):
    src = read_path(_write(tmp_path, "bad.txt", b"Caf\xe9 sales rose 5% to \x80 3 billion, \xc3\x28 it said.\n" * 5))
    assert src.encoding == "cp1252"
    assert "Café sales rose 5% to € 3 billion" in src.text


def test_mixed_utf8_and_cp1252_lines_each_decode_right(tmp_path):
    data = "Café sales hit €2 billion.\n".encode("utf-8") * 3 + "Café sales hit €3 billion.\n".encode("cp1252") * 3
    src = read_path(_write(tmp_path, "mixed.txt", data))
    assert src.encoding == "utf-8+cp1252"
    assert src.text.count("Café sales hit €2 billion.") == 3
    assert src.text.count("Café sales hit €3 billion.") == 3


def test_stray_nul_in_html_is_dropped_not_fatal(tmp_path):
    page = b"<html><body><article><p>" + SENTENCE + b"\x00</p>" + b"<p>" + SENTENCE + b"</p></article></body></html>"
    src = read_path(_write(tmp_path, "nul.html", page))
    art = clean_html(src.text)
    assert "\x00" not in art.text and "$3 billion" in art.text


@pytest.mark.parametrize("depth", [300, 100_000], ids=["deeper-than-libxml2", "hundred-thousand"])
def test_deeply_nested_html_keeps_its_text(depth):
    page = "<html><body>" + "<div>" * depth + "<p>" + SENTENCE.decode() + "</p>" + "</div>" * depth + "</body></html>"
    art = clean_html(page)
    assert art.text == SENTENCE.decode().strip()


def test_html_with_only_scripts_is_a_clean_error():
    with pytest.raises(CleanError, match="no main text"):
        clean_html("<html><body><script>" + "x=1;" * 1000 + "</script></body></html>")


def test_a_long_single_line_is_cut_and_every_claim_keeps_true_offsets(nlp, monkeypatch):
    import extract.pipeline

    # Chunks of 1,000 characters stand in for spaCy's 100,000 so the test stays quick.
    monkeypatch.setattr(extract.pipeline, "MAX_CHUNK_CHARS", 1000)
    text = (SENTENCE * 200).decode()  # one line, ~15 chunks
    art = clean_text(text)
    claims = extract_claims(art, "long.txt", nlp)
    assert len([c for c in claims if c.surface == "$3 billion"]) == 200
    assert all(text[c.start:c.end] == c.surface for c in claims)


def test_text_beyond_the_cap_is_refused_with_a_reason(nlp):
    art = clean_text("x " * (MAX_TEXT_CHARS // 2 + 10))
    with pytest.raises(TextTooLong, match="too long"):
        extract_claims(art, "big.txt", nlp)


def _limit_memory():
    # 6 GiB of address space: spaCy and numpy reserve more than they touch.
    resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30))


def test_batch_of_good_and_hostile_inputs_stores_every_good_one(tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    for p in sorted(CORPUS.glob("*.txt")):
        (batch / p.name).write_bytes(p.read_bytes())
    bad = {
        "empty.txt": b"",
        "binary.html": bytes(range(256)) * 200,
        "image.htm": b"\x89PNG\r\n\x1a\n" + b"\x00" * 400,
        "longline.txt": SENTENCE * (5 * 1024 * 1024 // len(SENTENCE)),  # one 5 MB line
        "cut.txt.gz": b"\x1f\x8b\x08\x00" + b"\x00" * 20,
        "scripts.html": b"<html><body><script>alert(1)</script></body></html>",
    }
    for name, data in bad.items():
        (batch / name).write_bytes(data)
    with open(batch / "huge.txt", "wb") as f:
        f.truncate(100 * 1024 * 1024)
    bad["huge.txt"] = b""
    good_extra = {
        "mixed.txt": "Café sales hit €2 billion in 2025.\n".encode() + "Café sales hit €3 billion.\n".encode("cp1252"),
        "nested.html": b"<html><body>" + b"<div>" * 5000 + b"<p>" + SENTENCE + b"</p>" + b"</div>" * 5000 + b"</body></html>",
        "nul.html": b"<html><body><p>" + SENTENCE + b"\x00</p></body></html>",
    }
    for name, data in good_extra.items():
        (batch / name).write_bytes(data)
    db = tmp_path / "h.db"
    proc = subprocess.run([sys.executable, "-m", "claims", "run", str(batch), "--db", str(db)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, preexec_fn=_limit_memory)
    assert proc.returncode == 1, proc.stderr
    reported = {line.split(":", 1)[0].rsplit("/", 1)[-1] for line in proc.stderr.splitlines() if line.strip()}
    assert reported == set(bad), proc.stderr
    good = 5 + len(good_extra)
    assert f"{good} new document(s), 0 already stored, {len(bad)} failed" in proc.stdout


# issue 18, item 1: an endless sentence made framing quadratic in its length
@pytest.mark.parametrize("run_on", [
    "revenue rose 12% to $4.5 billion and the company hired 1,200 workers in 2024 while costs fell ",
    "shares of the lender gained 3 percent on Tuesday, its 40 branches stayed open, deposits reached €2.1bn ",
], ids=["earnings-run-on", "bank-run-on"])
def test_text_without_sentence_ends_is_cut_into_bounded_sentences(nlp, run_on):
    from extract.pipeline import MAX_SENTENCE_TOKENS

    doc = nlp(run_on * 150)
    lengths = [len(s) for s in doc.sents]
    assert sum(lengths) == len(doc)
    assert max(lengths) <= MAX_SENTENCE_TOKENS
