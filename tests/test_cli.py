"""The contract commands (../shared/CONTRACT.md), run as a user runs them: a real
`claims` process, a real SQLite file, the sample corpus."""

import csv
import gzip
import io
import json
import shutil

import pytest

from tests.conftest import CORPUS, ROOT, run_claims

CONTRACT_FIELDS = {"doc", "start", "end", "surface", "quote", "value", "low", "high", "unit",
                   "approx", "subject", "metric", "period", "source", "kind"}


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    """The sample corpus ingested once; the same database for the read-side tests."""
    db = tmp_path_factory.mktemp("db") / "claims.db"
    first = run_claims("run", "corpus/", "--db", str(db))
    return db, first


def _jsonl(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_extract_jsonl_lines_carry_contract_fields_and_true_offsets():
    path = "corpus/001_76ba3ce2e3939be2.txt"
    out = _jsonl(run_claims("extract", path).stdout)
    text = (ROOT / path).read_text(encoding="utf-8")
    assert len(out) >= 10
    for c in out:
        assert CONTRACT_FIELDS <= set(c)  # the contract's fields, and added ones
        assert c["doc"] == path
        assert text[c["start"]:c["end"]] == c["surface"]
        assert c["surface"] in c["quote"]
    surfaces = [c["surface"] for c in out]
    assert "$600 billion" in surfaces


def test_extract_html_offsets_point_into_clean_text():
    path = "tests/fixtures/html/news_meta.html"
    clean = run_claims("clean", path).stdout
    claims = _jsonl(run_claims("extract", path).stdout)
    assert claims, "the fixture article states figures"
    for c in claims:
        # `clean` prints the text plus echo's newline.
        assert clean[c["start"]:c["end"]] == c["surface"]


def test_clean_json_gives_metadata():
    out = json.loads(run_claims("clean", "tests/fixtures/html/news_jsonld.html", "--format", "json").stdout)
    assert set(out) == {"text", "title", "author", "date", "publisher", "url"}
    assert out["title"] and out["text"]


def test_run_twice_adds_nothing(corpus_db):
    db, first = corpus_db
    second = run_claims("run", "corpus/", "--db", str(db))
    assert "5 new document(s)" in first.stdout
    assert "0 new document(s), 5 already stored, 0 failed" in second.stdout
    counts = lambda s: s.split("database holds", 1)[1]
    assert counts(first.stdout) == counts(second.stdout)


def test_conflicts_list_alphabet_capex_and_no_consistent_pair(corpus_db):
    db, _ = corpus_db
    conflicts = _jsonl(run_claims("conflicts", "--db", str(db), "--format", "jsonl").stdout)
    pairs = {(c["a"]["surface"], c["b"]["surface"]) for c in conflicts}
    alphabet = [c for c in conflicts if c["a"]["subject"] == "Alphabet" and c["a"]["metric"] == "capex"]
    assert len(alphabet) == 1
    a, b = sorted([alphabet[0]["a"], alphabet[0]["b"]], key=lambda c: c["low"])
    assert (a["low"], a["high"], a["unit"], a["period"]) == (175e9, 185e9, "USD", "2026")
    assert (b["low"], b["high"], b["unit"], b["period"]) == (180e9, 190e9, "USD", "2026")
    assert a["doc"] != b["doc"]
    assert alphabet[0]["verdict"] == "contradiction" and alphabet[0]["why"]
    assert isinstance(alphabet[0]["score"], float)
    for c in conflicts:
        subjects = {c["a"]["subject"], c["b"]["subject"]}
        # Gold pairs marked consistent / different-period / different-metric.
        assert not subjects & {"Meta", "Nvidia", "AWS"}, pairs


def test_query_filters_and_formats(corpus_db):
    db, _ = corpus_db
    rows = _jsonl(run_claims("query", "--db", str(db), "--subject", "Alphabet", "--format", "jsonl").stdout)
    assert rows and all(r["subject"] == "Alphabet" for r in rows)
    assert all(CONTRACT_FIELDS <= set(r) for r in rows)  # the contract's fields, and added ones
    text_rows = _jsonl(run_claims("query", "--db", str(db), "--text", "hyperscalers", "--format", "jsonl").stdout)
    assert text_rows and all("hyperscalers" in r["quote"].lower() for r in text_rows)
    csv_out = run_claims("query", "--db", str(db), "--metric", "capex", "--format", "csv").stdout
    table = list(csv.DictReader(io.StringIO(csv_out)))
    assert table and all(r["metric"] == "capex" for r in table)
    assert "surface" in run_claims("query", "--db", str(db), "--metric", "capex").stdout


def test_bad_file_in_batch_is_reported_and_skipped(tmp_path):
    batch = tmp_path / "batch"
    batch.mkdir()
    for name in ("001_76ba3ce2e3939be2.txt", "003_08f9275d7acdc05e.txt"):
        shutil.copy(CORPUS / name, batch / name)
    (batch / "broken.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    (batch / "truncated.txt.gz").write_bytes(gzip.compress(b"Revenue rose 5% to $3 billion.")[:-12])
    db = tmp_path / "b.db"
    proc = run_claims("run", str(batch), "--db", str(db), check=False)
    assert proc.returncode == 1
    assert "broken.html" in proc.stderr and "truncated.txt.gz" in proc.stderr
    assert "2 new document(s), 0 already stored, 2 failed" in proc.stdout
    # The failures are kept in the database too, with their reasons.
    from claims.store import ClaimStore

    with ClaimStore(db) as store:
        failed = {f.doc.rsplit("/", 1)[-1]: f.reason for f in store.failures()}
        assert set(failed) == {"broken.html", "truncated.txt.gz"}
        assert all(failed.values())
        assert store.counts()["documents"] == 2


def test_extract_missing_file_is_an_error_but_others_print(tmp_path):
    proc = run_claims("extract", "no/such/file.txt", "corpus/003_08f9275d7acdc05e.txt", check=False)
    assert proc.returncode == 1
    assert "no/such/file.txt" in proc.stderr
    assert _jsonl(proc.stdout)


def test_unknown_model_is_a_clear_error():
    proc = run_claims("extract", "corpus/003_08f9275d7acdc05e.txt", "--model", "no_such_pipeline", check=False)
    assert proc.returncode == 2
    assert "no_such_pipeline" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_conflicts_by_tier_and_min_score(corpus_db):
    db, _ = corpus_db
    lines = lambda *args: _jsonl(run_claims("conflicts", "--db", str(db), "--format", "jsonl", *args).stdout)
    default, everything = lines(), lines("--tier", "all")
    assert default and {(c["tier"], c["verdict"]) for c in default} == {("contradiction", "contradiction")}
    assert all(c["evidence"] for c in default)
    assert len(everything) == len(default) + len(lines("--tier", "possible"))
    assert {c["tier"] for c in everything} <= {"contradiction", "possible"}
    top = max(c["score"] for c in everything)
    assert [c["score"] for c in lines("--tier", "all", "--min-score", str(top))] == [top]
    table = run_claims("conflicts", "--db", str(db)).stdout
    assert "contradiction] Alphabet · capex · 2026" in table and "paired by: " in table
    bad = run_claims("conflicts", "--db", str(db), "--tier", "maybe", check=False)
    assert bad.returncode != 0 and "maybe" in bad.stderr


def test_conflicts_table_shows_corroborations_and_query_filters_them(corpus_db):
    db, _ = corpus_db
    table = run_claims("conflicts", "--db", str(db)).stdout
    assert table.startswith("1 conflict(s)\n[")
    assert "may be an older vintage" in table  # 004 says Alphabet "raised" its guidance
    assert "corroborated figure(s)" in table
    assert "Meta · capex · 2026: '$145 billion'" in table
    rows = _jsonl(run_claims("query", "--db", str(db), "--corroborated", "--format", "jsonl").stdout)
    assert {(r["subject"], r["surface"]) for r in rows} >= {("Amazon", "$200 billion"), ("Meta", "$125-145 billion")}
    # AWS's 28% growth: one page frames it as run-rate growth with no period, the other as
    # Q1 revenue growth; the words of both clauses pair them (reconciliation by evidence).
    # AWS "running at roughly $150 billion" a year and its Q1 revenue of $37.6 billion: a
    # run-rate agrees with one quarter's level read as a year's (4 x 37.6 = 150.4)
    assert {(r["subject"], r["surface"]) for r in rows if r["metric"] != "capex"} == {
        ("AWS", "28%"), ("AWS", "$150 billion"), ("AWS", "$37.6 billion")}


# `claims --help` lists the commands from claims/cli.py's COMMANDS without importing them
# (bench/throughput.py times the startup); each summary there must be its command's own.
@pytest.mark.parametrize("name", ["clean", "conflicts", "export", "extract", "migrate", "query", "review",
                                  "run", "user"])
def test_help_summary_of_each_command_is_the_first_paragraph_of_its_help(name):
    import importlib

    from claims.cli import COMMANDS

    path, summary = COMMANDS[name]
    module, attribute = path.split(":")
    command = getattr(importlib.import_module(module), attribute)
    assert command.name in (name, attribute)
    assert command.help.split("\n\n")[0] == summary


_LOADED = ("import sys\nfrom claims.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
           "print(' '.join(sorted({m.split('.')[0] if m.startswith(('spacy', 'trafilatura', 'pydantic')) else m"
           " for m in sys.modules if m.startswith(('claims.commands.', 'claims.store', 'spacy', 'trafilatura', 'pydantic'))})))")


@pytest.mark.parametrize("args, loaded", [
    (["--help"], ""),
    (["clean", "--help"], "claims.commands.clean"),
    (["clean", "tests/fixtures/html/news_meta.html"], "claims.commands.clean trafilatura"),
    (["clean", "tests/fixtures/html/news_meta.html", "corpus/000_e6b6c2c44118debd.txt"],
     "claims.commands.clean trafilatura"),
], ids=["help", "clean-help", "clean-page", "clean-page-and-text"])
def test_commands_that_need_no_model_load_neither_spacy_nor_pydantic(args, loaded):
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", _LOADED, *args], capture_output=True, text=True, cwd=ROOT)
    assert proc.stdout.splitlines()[-1] == loaded, proc.stderr
