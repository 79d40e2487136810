"""Two batches on one database at once, and a reviewer writing while a batch runs:
nothing duplicated, nothing lost."""

import shutil
import sqlite3
import subprocess
import sys
import threading
import time

from claims.store import ClaimStore
from tests.conftest import CORPUS, ROOT


def _start_run(corpus, db):
    return subprocess.Popen([sys.executable, "-m", "claims", "run", str(corpus), "--db", str(db)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _counts(db):
    with ClaimStore(db) as store:
        c = store.counts()
        dup = store.db.execute(
            'SELECT count(*) FROM (SELECT document_id, "start", "end" FROM claims GROUP BY 1, 2, 3 HAVING count(*) > 1)'
        ).fetchone()[0]
    return c, dup


def test_a_new_database_another_process_holds_is_waited_for(tmp_path):
    # Two batches started on one new database: while the first holds the file, the second's
    # switch to WAL waits for it (SQLite refuses that switch at once, with no busy wait).
    db = tmp_path / "new.db"
    holder = sqlite3.connect(db, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    releaser = threading.Timer(0.5, holder.commit)
    releaser.start()
    try:
        with ClaimStore(db) as store:
            assert store.db.journal_mode == "wal"
    finally:
        releaser.join()
        holder.close()


def test_two_runs_on_one_database_at_once(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    alone = tmp_path / "alone.db"
    assert _start_run(corpus, alone).wait(timeout=300) == 0
    shared = tmp_path / "shared.db"
    procs = [_start_run(corpus, shared) for _ in range(2)]
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    got, duplicates = _counts(shared)
    want, _ = _counts(alone)
    assert duplicates == 0
    assert got["documents"] == want["documents"] == 5
    assert got["claims"] == want["claims"]
    assert got["conflicts"] == want["conflicts"] and got["failures"] == 0


def test_a_verdict_written_during_a_batch_survives_it(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    db = tmp_path / "r.db"
    assert _start_run(corpus, db).wait(timeout=300) == 0
    with ClaimStore(db) as store:
        [conflict] = store.conflicts()
    more = tmp_path / "more"
    more.mkdir()
    for i in range(8):  # new documents, so the second batch has work to do and recomputes conflicts
        (more / f"copy{i}.txt").write_text((CORPUS / "003_08f9275d7acdc05e.txt").read_text() + f"\nCopy {i}.\n")
    proc = _start_run(more, db)
    time.sleep(1.0)
    # A second writer while the batch holds the database: waits for the lock, never fails.
    conn = sqlite3.connect(db, timeout=60)
    with conn:
        conn.execute("INSERT INTO reviews (a_claim_id, b_claim_id, status, note, reviewer, at) "
                     "VALUES (?, ?, 'confirmed', 'checked both filings', 'ed', datetime('now'))",
                     (conflict.a.id, conflict.b.id))
    conn.close()
    assert proc.wait(timeout=300) == 0, proc.stderr.read()
    with ClaimStore(db) as store:
        rows = list(store.db.query("SELECT * FROM reviews"))
        assert [(r["a_claim_id"], r["b_claim_id"], r["status"], r["note"]) for r in rows] == [
            (conflict.a.id, conflict.b.id, "confirmed", "checked both filings")]
        assert store.counts()["documents"] == 13
        # The conflict the verdict is about is still there, under the same claims.
        assert [(c.a.id, c.b.id) for c in store.conflicts()] == [(conflict.a.id, conflict.b.id)]
