"""Opening a claims database: ours or refused, and read-only for commands that only read.

A database is ours when it has our `schema_migrations` table, or when it is new (no file,
or an SQLite file with no tables, or a 0-byte file) and the command writes. Anything else
(another application's SQLite file, a file that is not SQLite, a damaged database) is
refused with a one-line reason before a single byte is written.

Read commands (`query`, `conflicts`, `export`, `user list`) open with `mode=ro`: they never
create, migrate or lock a database, so they work beside a running batch.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 30.0


class StoreError(Exception):
    """The store cannot do what was asked; the message says why."""


def _refuse(path: Path, why: str) -> StoreError:
    return StoreError(f"{path}: {why}")


def check_file(path: Path, read_only: bool) -> None:
    """Refuse, by what the file is, before SQLite opens it."""
    if not path.exists():
        if read_only:
            raise _refuse(path, f"no such database (make one with `claims run PATH --db {path}`)")
        return
    if path.is_dir():
        raise _refuse(path, "is a directory, not a database file")
    with open(path, "rb") as f:
        head = f.read(len(SQLITE_HEADER))
    if not head:
        if read_only:
            raise _refuse(path, "is an empty file, not a claims database")
        return
    if head != SQLITE_HEADER:
        raise _refuse(path, "is not an SQLite database; claims never writes to it")


def connect(path: str | Path, read_only: bool) -> sqlite3.Connection:
    """A connection to a database that is ours (or new, for a writer)."""
    path = Path(path)
    check_file(path, read_only)
    if read_only:
        uri = f"file:{quote(str(path.resolve()))}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    else:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_SECONDS)
    try:
        check_ours(conn, path, read_only)
        if read_only:
            check_integrity(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn


def check_ours(conn: sqlite3.Connection, path: Path, read_only: bool) -> None:
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as e:
        raise _refuse(path, f"is not a usable SQLite database ({e})") from None
    if read_only and not tables:
        raise _refuse(path, "holds no tables: not a claims database")
    if tables and "schema_migrations" not in tables:
        raise _refuse(path, "is another application's SQLite database (no schema_migrations table); "
                            "claims never writes to it")


def check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    """SQLite's quick_check: a damaged page is reported, never read back as data."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as e:
        raise _refuse(path, f"is damaged ({e}); restore it from a backup or run into a new file") from None
    if rows != [("ok",)]:
        raise _refuse(path, f"is damaged (quick_check: {rows[0][0]}); restore it from a backup "
                            "or run into a new file")
