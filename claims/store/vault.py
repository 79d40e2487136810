"""The review app's secrets, kept out of the claims database: the session key,
reviewers' password hashes and their open sessions.

They live in `<database>.secrets`, a SQLite file of their own created with 0600
permissions, so whoever may read (or publish, e.g. with Datasette) the claims database
learns none of them. Accounts made before this file existed are copied from the claims
database's `users` table the first time it is opened.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import secrets
import sqlite3
from pathlib import Path
from typing import Optional

from claims.dbopen import StoreError
from claims.store.models import UserRow

SUFFIX = ".secrets"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    password_changed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    id_hash TEXT PRIMARY KEY,
    user TEXT NOT NULL COLLATE NOCASE,
    created_at TEXT NOT NULL
);
"""


def vault_path(db_path: str | Path) -> Path:
    return Path(str(db_path) + SUFFIX)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _hash(session_id: str) -> str:
    """Sessions are stored hashed: the file alone does not give a usable cookie."""
    return hashlib.sha256(session_id.encode("utf-8")).hexdigest()


class Vault:
    """The secrets file beside the claims database at `db_path`."""

    def __init__(self, db_path: str | Path):
        self.path = vault_path(db_path)
        created = not self.path.exists()
        if created:
            # Made 0600 from the start: no moment when another user could open it.
            os.close(os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        self.conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.executescript(_SCHEMA)
        if created:
            self._import_accounts(Path(db_path))

    def _import_accounts(self, db_path: Path) -> None:
        if not db_path.exists():
            return
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as old:
            has_users = old.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='users'").fetchone()
            rows = old.execute("SELECT * FROM users").fetchall() if has_users else []
        self.import_users([row[1:] for row in rows])

    def import_users(self, rows) -> None:
        """Accounts (name, password hash, created at, password changed at) from a claims
        database made before this file existed; a name already here keeps its own."""
        for name, password_hash, created_at, changed_at in rows:
            self.conn.execute(
                "INSERT OR IGNORE INTO users (name, password_hash, created_at, password_changed_at) VALUES (?,?,?,?)",
                [name, password_hash, created_at, changed_at],
            )

    def close(self) -> None:
        self.conn.close()

    # ---- the session key

    def secret_key(self) -> str:
        """The key that signs session cookies, made on first use (the first one stored wins)."""
        self.conn.execute(
            "INSERT OR IGNORE INTO settings (key, value) VALUES ('session_secret', ?)", [secrets.token_hex(32)]
        )
        return self.conn.execute("SELECT value FROM settings WHERE key = 'session_secret'").fetchone()[0]

    # ---- accounts

    def add_user(self, name: str, password_hash: str) -> UserRow:
        now = _now()
        try:
            self.conn.execute(
                "INSERT INTO users (name, password_hash, created_at, password_changed_at) VALUES (?,?,?,?)",
                [name, password_hash, now, now],
            )
        except sqlite3.IntegrityError as e:
            raise StoreError(f"a user named {name!r} already exists") from e
        return self.user(name)

    def set_password_hash(self, name: str, password_hash: str) -> None:
        """A new password; every open session of the account ends."""
        cursor = self.conn.execute(
            "UPDATE users SET password_hash = ?, password_changed_at = ? WHERE name = ?", [password_hash, _now(), name]
        )
        if cursor.rowcount == 0:
            raise StoreError(f"no user named {name!r}")
        self.conn.execute("DELETE FROM sessions WHERE user = ?", [name])

    def user(self, name: str) -> Optional[UserRow]:
        row = self.conn.execute("SELECT * FROM users WHERE name = ?", [name]).fetchone()
        return UserRow.model_validate(dict(row)) if row else None

    def users(self) -> list[UserRow]:
        return [UserRow.model_validate(dict(r)) for r in self.conn.execute("SELECT * FROM users ORDER BY id")]

    # ---- sessions

    def open_session(self, name: str) -> str:
        session_id = secrets.token_urlsafe(32)
        self.conn.execute(
            "INSERT INTO sessions (id_hash, user, created_at) VALUES (?,?,?)", [_hash(session_id), name, _now()]
        )
        return session_id

    def session_user(self, session_id: Optional[str]) -> Optional[str]:
        if not session_id:
            return None
        row = self.conn.execute("SELECT user FROM sessions WHERE id_hash = ?", [_hash(session_id)]).fetchone()
        return row[0] if row else None

    def close_session(self, session_id: Optional[str]) -> None:
        if session_id:
            self.conn.execute("DELETE FROM sessions WHERE id_hash = ?", [_hash(session_id)])
