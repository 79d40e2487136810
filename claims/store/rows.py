"""Between records and rows: a document's identity, claim columns, and the checks on a new document."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from functools import lru_cache

from sqlite_utils.db import jsonify_if_needed

from extract.records import Article, Claim, Source, StoredClaim, StoredConflict

from claims.store.models import InvalidDocumentError


def content_hash(raw: bytes) -> str:
    """The identity of a document: sha256 of its raw bytes, hex."""
    return hashlib.sha256(raw).hexdigest()


def insert_rows(conn: sqlite3.Connection, table: str, rows: list[dict]) -> int | None:
    """Insert rows of one shape (the first row's keys) with one prepared statement; return
    the last row id. sqlite-utils' `Table.insert_all` looks the schema up on every call
    (a query of sqlite_master per `db[table]` and per insert): ~1 ms a document, a third
    of the `claims` process's storing time in a batch. Values are stored as
    sqlite-utils stores them (`jsonify_if_needed`: a dict or list as JSON)."""
    if not rows:
        return None
    columns = tuple(rows[0])
    sql = _insert_sql(table, columns)
    if len(rows) > 1:
        conn.executemany(sql, ([jsonify_if_needed(row[c]) for c in columns] for row in rows[:-1]))
    # executemany leaves no row id: the last row goes on its own
    return conn.execute(sql, [jsonify_if_needed(rows[-1][c]) for c in columns]).lastrowid


@lru_cache(maxsize=64)
def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    return f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _claim_row(document_id: int, claim: Claim, fields: tuple[str, ...]) -> dict:
    row = claim.model_dump(mode="json", include=set(fields) - {"doc", "id", "document_id"})
    row["document_id"] = document_id
    return row


_CLAIM_FIELDS = (
    "id", "document_id", "doc", "start", "end", "surface", "quote", "value", "low", "high",
    "unit", "approx", "subject", "metric", "period", "source", "kind",
    "direction", "change_verb", "per", "parent", "subject_inferred", "vague", "basis",
)  # fmt: skip


def _claim_columns(fields: tuple[str, ...], claim: str = "c", document: str = "d", prefix: str = "") -> str:
    """SELECT list for a StoredClaim from table aliases `claim` and `document`."""
    return ", ".join(
        f'{document if f == "doc" else claim}."{f}" AS "{prefix}{f}"' for f in fields
    )


def _stored_claim(row: dict, prefix: str = "") -> StoredClaim:
    n = len(prefix)
    return StoredClaim.model_validate({k[n:]: v for k, v in row.items() if k.startswith(prefix)})


def _stored_conflict(row: dict) -> StoredConflict:
    """A conflict from a row of `conflicts k` joined to its claims (prefixed `a_`, `b_`)."""
    return StoredConflict(a=_stored_claim(row, "a_"), b=_stored_claim(row, "b_"), verdict=row["verdict"],
                          why=row["why"], score=row["score"], tier=row["tier"], evidence=json.loads(row["evidence"]))


def _check_claims(source: Source, article: Article, claims: list[Claim]) -> None:
    """Claims must point into `article.text` at their surface and belong to `source.doc`."""
    for claim in claims:
        where = f"{source.doc}: claim {claim.surface!r} at [{claim.start}, {claim.end})"
        if claim.doc != source.doc:
            raise InvalidDocumentError(f"{where} belongs to {claim.doc!r}")
        if not 0 <= claim.start <= claim.end <= len(article.text):
            raise InvalidDocumentError(f"{where} is outside the text ({len(article.text)} chars)")
        if article.text[claim.start : claim.end] != claim.surface:
            found = article.text[claim.start : claim.end]
            raise InvalidDocumentError(f"{where}: the text there is {found!r}")
