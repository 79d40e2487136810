"""Named migrations, applied in order, each once, each recorded by name.

As sqlite-utils' `migrations` does it: `MIGRATIONS` is an append-only list of named steps
(SQL or a function of the database). Each is applied in its own write transaction and
recorded in `schema_migrations` by its name and its position (the schema version). To
change the schema, append a new entry; never edit, rename or reorder an old one
(databases in the field have already run it).

Databases written before migrations had names recorded only the version; the first open
by this code adds the `name` column and fills it from the list, since position i + 1 has
always been entry i.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import Callable, NamedTuple, Union

from sqlite_utils import Database

from claims.dbopen import StoreError
from claims.store import schema

Step = Union[str, Callable[[Database], None]]


class Migration(NamedTuple):
    """One schema step: `name` is what the database records; `step` is SQL or a function."""

    name: str
    step: Step


# Append-only. Entry i (0-based) is schema version i + 1.
MIGRATIONS: list[Migration] = [
    Migration("initial", schema._m001_initial),
    Migration("facts_and_views", schema._m002_facts_and_views),
    Migration("url_indexes", schema._M003_URL_INDEXES),
    Migration("review_app", schema._m004_review_app),
    Migration("review_queue", schema._m005_review_queue),
    Migration("claim_facts", schema._M006_CLAIM_FACTS),
    Migration("conflict_tiers", schema._M007_CONFLICT_TIERS),
    Migration("claim_ratings", schema._M008_CLAIM_RATINGS),
    Migration("secrets_out", schema._m009_secrets_out),
]

_RECORD = """CREATE TABLE IF NOT EXISTS schema_migrations
    (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL, name TEXT)"""

Write = Callable[[], contextlib.AbstractContextManager[Database]]


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def schema_version(db: Database) -> int:
    """The number of the last migration applied (0 for a new database)."""
    row = db.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return row[0] or 0


def check_readable(db: Database, path: Path) -> None:
    """A reader needs the schema this code knows; it never migrates."""
    have, want = schema_version(db), len(MIGRATIONS)
    if have > want:
        raise StoreError(f"{path}: schema version {have} is newer than this version of "
                         f"claims knows ({want}); upgrade claims")
    if have < want:
        raise StoreError(f"{path}: schema version {have} is older than this version of claims "
                         f"reads ({want}); upgrade it with `claims migrate --db {path}`")


def _name_the_record(db: Database) -> None:
    """Create the record, or give an old version-only record its names (once)."""
    db.execute(_RECORD)
    if "name" in db["schema_migrations"].columns_dict:
        return
    db.execute("ALTER TABLE schema_migrations ADD COLUMN name TEXT")
    for version, migration in enumerate(MIGRATIONS, start=1):
        db.execute("UPDATE schema_migrations SET name = ? WHERE version = ?", [migration.name, version])


def _refuse_newer(db: Database, path: Path) -> None:
    known = {m.name for m in MIGRATIONS}
    unknown = [r[0] for r in db.execute("SELECT name FROM schema_migrations WHERE name IS NOT NULL")
               if r[0] not in known]
    version = schema_version(db)
    if version > len(MIGRATIONS) or unknown:
        raise StoreError(f"{path}: schema version {version} is newer than this version of claims "
                         f"knows ({len(MIGRATIONS)}); upgrade claims")


def apply(db: Database, write: Write, path: Path, upto: int | None = None) -> int:
    """Apply the migrations not yet applied (the first `upto` of them); return the schema version."""
    with write() as tx:
        _name_the_record(tx)
    _refuse_newer(db, path)
    target = len(MIGRATIONS) if upto is None else upto
    for version, migration in enumerate(MIGRATIONS[:target], start=1):
        with write() as tx:
            # Checked inside the write lock: another process may have just applied it.
            applied = tx.execute(
                "SELECT 1 FROM schema_migrations WHERE name = ?", [migration.name]
            ).fetchone()
            if applied:
                continue
            if isinstance(migration.step, str):
                tx.executescript(migration.step)
            else:
                migration.step(tx)
            tx.execute(
                "INSERT INTO schema_migrations (version, applied_at, name) VALUES (?, ?, ?)",
                [version, _now(), migration.name],
            )
    return schema_version(db)
