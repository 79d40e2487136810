"""A database that is not ours is refused in one line and never written to; read commands
open read-only, never create or migrate, and report a damaged file (issues 18 and 19)."""

import hashlib
import shutil
import sqlite3

import pytest

from claims.store import MIGRATIONS, ClaimStore
from tests.conftest import CORPUS, run_claims

SEED = CORPUS / "000_e6b6c2c44118debd.txt"


@pytest.fixture(scope="module")
def ours(tmp_path_factory):
    db = tmp_path_factory.mktemp("ours") / "claims.db"
    run_claims("run", str(SEED), "--db", str(db))
    with sqlite3.connect(db) as conn:  # one file, no -wal beside it, for byte comparisons
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


def _make(kind, path, ours):
    if kind == "text-file":
        path.write_text("doc,value\nreuters,3\n")
    elif kind == "empty-file":
        path.write_bytes(b"")
    elif kind == "other-application":
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
            conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    elif kind == "truncated":
        path.write_bytes(ours.read_bytes()[:8192])
    elif kind == "flipped-bytes":
        raw = bytearray(ours.read_bytes())
        page = int.from_bytes(raw[16:18], "big")  # flipped page headers: damage quick_check sees
        for first in (page, 2 * page, 3 * page):
            for i in range(first, first + 64):
                raw[i] ^= 0xFF
        path.write_bytes(bytes(raw))


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


READERS = [("query",), ("conflicts",), ("export", "--what", "claims"), ("user", "list")]


@pytest.mark.parametrize("command", READERS, ids=lambda c: c[0])
@pytest.mark.parametrize("kind", ["text-file", "empty-file", "other-application", "truncated", "flipped-bytes"])
def test_read_command_refuses_a_database_that_is_not_ours_or_damaged(tmp_path, ours, kind, command):
    db = tmp_path / "x.db"
    _make(kind, db, ours)
    before = _digest(db)
    proc = run_claims(*command, "--db", str(db), check=False)
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("error: ") and "Traceback" not in proc.stderr
    assert _digest(db) == before
    if kind not in ("truncated", "flipped-bytes"):  # copies of a WAL database get SQLite's -shm beside them
        assert sorted(p.name for p in tmp_path.iterdir()) == ["x.db"]


@pytest.mark.parametrize("kind", ["text-file", "other-application", "truncated"])
def test_run_never_writes_into_a_file_that_is_not_ours(tmp_path, ours, kind):
    db = tmp_path / "x.db"
    _make(kind, db, ours)
    before = _digest(db)
    proc = run_claims("run", str(SEED), "--db", str(db), check=False)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert "error" in proc.stderr.lower()
    assert _digest(db) == before


def test_read_commands_never_create_or_migrate(tmp_path, ours):
    missing = tmp_path / "missing.db"
    assert run_claims("query", "--db", str(missing), check=False).returncode == 2  # click: no such file
    assert not missing.exists()
    old = tmp_path / "old.db"
    ClaimStore(old, upto=len(MIGRATIONS) - 1).close()
    proc = run_claims("query", "--db", str(old), check=False)
    assert proc.returncode == 1 and "claims migrate" in proc.stderr
    with ClaimStore(old, upto=len(MIGRATIONS) - 1) as s:
        assert s.schema_version == len(MIGRATIONS) - 1
    run_claims("migrate", "--db", str(old))
    assert run_claims("query", "--db", str(old)).returncode == 0


def test_query_reads_while_a_batch_holds_the_write_lock(tmp_path, ours):
    db = tmp_path / "busy.db"
    shutil.copy(ours, db)
    writer = sqlite3.connect(db)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM failures")
    try:
        proc = run_claims("query", "--db", str(db), "--format", "jsonl")
        assert proc.stdout.count("\n") > 5
    finally:
        writer.rollback()
        writer.close()
