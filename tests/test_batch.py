"""`claims run` at scale, as a user runs it: worker processes, a run killed with SIGKILL
and started again, and the per-document work on a Dask cluster. Each compares its
database with a clean single-process run of the same corpus."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.records import Article, Claim, Source
from claims.store import ClaimStore, InvalidDocumentError
from tests.conftest import CORPUS, ROOT, run_claims


def make_corpus(where: Path, n: int) -> Path:
    """`n` short news texts, each a menu line, a numbered headline and two consecutive
    figure-bearing paragraphs of one seed article (taken in turn, so past the seeds' 26
    pairs a story comes again under a new headline): distinct documents, quick to extract."""
    where.mkdir(parents=True, exist_ok=True)
    chunks = []
    for seed in sorted(CORPUS.glob("*.txt")):
        paras = [ln.strip() for ln in seed.read_text(encoding="utf-8").splitlines()
                 if any(ch.isdigit() for ch in ln) and len(ln.split()) >= 8]
        chunks += [paras[i:i + 2] for i in range(0, len(paras) - 1, 2)]
    assert len(chunks) >= 20, f"the seeds make only {len(chunks)} paragraph pairs"
    for i in range(n):
        a, b = chunks[i % len(chunks)]
        # The same menu line on every page: site furniture, learned across the batch and
        # sent to every worker (a figure in it would otherwise be a claim on every page).
        (where / f"doc{i:03d}.txt").write_text(f"Markets | Tech | Top 10 deals\n\nStory {i}\n\n{a}\n\n{b}\n",
                                               encoding="utf-8")
    return where


def db_summary(db: Path) -> dict:
    """Everything a run leaves that must not depend on how it ran."""
    with ClaimStore(db) as store:
        claims = sorted(
            (c.doc.rsplit("/", 1)[-1], c.start, c.end, c.surface, c.value, c.low, c.high, c.unit,
             c.subject, c.metric, c.period, c.kind.value)
            for c in store.all_claims()
        )
        docs = sorted((d.doc.rsplit("/", 1)[-1], d.content_hash) for d in store.documents())
        counts = store.counts()
        conflicts = sorted(
            tuple(sorted([(k.a.doc.rsplit("/", 1)[-1], k.a.start), (k.b.doc.rsplit("/", 1)[-1], k.b.start)]))
            for k in store.conflicts()
        )
    return {"counts": counts, "docs": docs, "claims": claims, "conflicts": conflicts}


# More documents than one `nlp.pipe` batch of candidate sentences holds, so that a run
# stores its documents in several bursts and a kill can land between them.
DOCUMENTS = 96


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("corpus") / "news", DOCUMENTS)


@pytest.fixture(scope="module")
def clean_run(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    proc = run_claims("run", str(corpus), "--db", str(db))
    assert f"{DOCUMENTS} new document(s), 0 already stored, 0 failed" in proc.stdout
    summary = db_summary(db)
    assert summary["counts"]["claims"] >= 40, "the corpus should carry plenty of claims"
    return summary


def test_two_workers_store_what_one_does(corpus, clean_run, tmp_path):
    db = tmp_path / "w2.db"
    proc = run_claims("run", str(corpus), "--db", str(db), "--workers", "2")
    assert f"{DOCUMENTS} new document(s), 0 already stored, 0 failed" in proc.stdout
    assert db_summary(db) == clean_run


def _documents_in(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0  # not created yet, or mid-migration


@pytest.mark.parametrize("workers", ["1", "2"])
def test_killed_run_resumes_with_nothing_lost_or_doubled(corpus, clean_run, tmp_path, workers):
    db = tmp_path / "killed.db"
    # Small transactions (2 documents), so the kill surely lands between commits of one run.
    proc = subprocess.Popen([sys.executable, "-m", "claims", "run", str(corpus), "--db", str(db),
                             "--workers", workers, "--commit-every", "2"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    deadline = time.monotonic() + 120
    try:
        # Documents are stored in bursts (a commit every ~10 ms once a batch of sentences is
        # parsed), so the store is watched closely.
        while _documents_in(db) < 3 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
    finally:
        proc.kill()  # SIGKILL the run itself, mid-batch, as `kill -9 PID` does
        proc.wait()
    stored_at_kill = _documents_in(db)
    assert proc.returncode == -signal.SIGKILL
    assert 3 <= stored_at_kill < DOCUMENTS, "the kill must land mid-run"
    # Its worker processes go with it rather than wait for work for ever (they are in
    # the run's own process group).
    try:
        for _ in range(100):
            os.killpg(proc.pid, 0)
            time.sleep(0.1)
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("worker processes outlived the killed run")
    except ProcessLookupError:
        pass  # none left

    again = run_claims("run", str(corpus), "--db", str(db), "--workers", workers)
    assert f"{DOCUMENTS - stored_at_kill} new document(s), {stored_at_kill} already stored, 0 failed" in again.stdout
    assert db_summary(db) == clean_run


def test_dask_local_cluster_stores_what_one_process_does(corpus, clean_run, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, protocol="tcp",
                                  dashboard_address=None) as cluster:
        db = tmp_path / "dask.db"
        proc = run_claims("run", str(corpus), "--db", str(db), "--engine", "dask",
                          "--scheduler", cluster.scheduler_address)
        assert f"{DOCUMENTS} new document(s), 0 already stored, 0 failed" in proc.stdout
        assert db_summary(db) == clean_run
        # Both workers took part.
        with distributed.Client(cluster.scheduler_address) as client:
            per_worker = client.run(lambda dask_worker: len(dask_worker.data) + dask_worker.state.executed_count)
        assert len(per_worker) == 2 and all(n > 0 for n in per_worker.values())


def test_scheduler_without_dask_engine_is_a_usage_error(tmp_path):
    proc = run_claims("run", "corpus/", "--db", str(tmp_path / "x.db"), "--scheduler", "tcp://127.0.0.1:1",
                      check=False)
    assert proc.returncode == 2 and "--engine dask" in proc.stderr


# --------------------------------------------------------------------------- the writer's store call


def _doc(name: str, text: str, claims: list[tuple[int, int]]) -> tuple[Source, Article, list[Claim]]:
    source = Source(doc=name, raw=text.encode(), media_type="text/plain", text=text, encoding="utf-8")
    article = Article(text=text, regions=[(0, len(text))])
    return source, article, [
        Claim(doc=name, start=s, end=e, surface=text[s:e], quote=text, value=1.0, unit="count",
              approx="exact", kind="fact")
        for s, e in claims
    ]


def test_add_documents_commits_a_batch_and_rejects_a_bad_document_alone(tmp_path):
    good = _doc("a.txt", "Sales rose to 12 units.", [(14, 16)])
    doubled_span = _doc("b.txt", "Costs fell to 30 units.", [(14, 16), (14, 16)])
    src, art, [claim] = _doc("c.txt", "Profit was 7 units.", [(11, 12)])
    off_text = (src, art, [claim.model_copy(update={"start": 0, "end": 3})])  # not where "7" is
    same_bytes = _doc("copy-of-a.txt", "Sales rose to 12 units.", [(14, 16)])
    other = _doc("d.txt", "Staff grew to 45 people.", [(14, 16)])
    with ClaimStore(tmp_path / "s.db") as store:
        results = store.add_documents([good, doubled_span, off_text, same_bytes, other])
        assert isinstance(results[0], int) and isinstance(results[4], int)
        assert isinstance(results[1], InvalidDocumentError) and "same span" in str(results[1])
        assert isinstance(results[2], InvalidDocumentError) and "the text there is 'Pro'" in str(results[2])
        assert results[3] is None  # the same raw bytes as an earlier document of the batch
        assert [d.doc for d in store.documents()] == ["a.txt", "d.txt"]
        assert [c.surface for c in store.all_claims()] == ["12", "45"]


def test_has_url_matches_the_given_final_and_own_url(tmp_path):
    text = "Revenue was $5 billion."
    source = Source(doc="https://a.example/x?utm=1", raw=text.encode(), media_type="text/plain", text=text,
                    encoding="utf-8", url="https://a.example/x?utm=1", final_url="https://a.example/story")
    article = Article(text=text, regions=[(0, len(text))], url="https://a.example/canonical")
    with ClaimStore(tmp_path / "u.db") as store:
        store.add_document(source, article, [])
        for url in ("https://a.example/x?utm=1", "https://a.example/story", "https://a.example/canonical"):
            assert store.has_url(url), url
        assert not store.has_url("https://a.example/other")


def test_progress_line_on_a_terminal_and_none_in_a_log(corpus, tmp_path):
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "claims", "run", str(corpus), "--db", str(tmp_path / "p.db")],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        seen += chunk
    out = proc.communicate()[0].decode()
    os.close(master)
    text = seen.decode()
    assert f"{DOCUMENTS} new document(s)" in out
    lines = [ln for ln in text.split("\r\x1b[K") if ln.strip()]
    assert lines, text
    assert all(re.fullmatch(rf"\d+/{DOCUMENTS} documents, \d+ claims, [\d.]+ docs/s, ETA \S+ \(0 failed\)", ln)
               for ln in lines), lines
    # Not a terminal: a short run prints no progress at all (errors only).
    logged = run_claims("run", str(corpus), "--db", str(tmp_path / "q.db"))
    assert logged.stderr == ""
