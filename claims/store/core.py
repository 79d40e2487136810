"""The ClaimStore: opening, transactions, documents, conflicts, groups, failures, counts."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
from pathlib import Path
from typing import Iterable, Iterator

from sqlite_utils import Database
from sqlite_utils.db import NotFoundError

from extract.records import Article, Claim, Failure, Source, StoredClaim, StoredConflict

from claims.dbopen import BUSY_TIMEOUT_SECONDS, StoreError, connect
from claims.store import migrations
from claims.store.models import TIERS, DocumentRow, InvalidDocumentError
from claims.store.queries import ClaimQueries
from claims.store.ratings import RatingQueries
from claims.store.review_queries import ReviewQueries
from claims.store.rows import (
    _CLAIM_FIELDS, _check_claims, _claim_columns, _claim_row, _now, _stored_claim, _stored_conflict, content_hash,
    insert_rows,
)


def _enable_wal(db: Database) -> None:
    """Switch a database to WAL, waiting as a write would for another process's lock.

    SQLite answers a journal-mode switch with "database is locked" at once, without its
    busy handler, while another connection holds the file (two batches started on one new
    database), so the switch is retried until the busy timeout, as BEGIN IMMEDIATE waits."""
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        try:
            db.enable_wal()
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) and "busy" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


class ClaimStore(ClaimQueries, ReviewQueries, RatingQueries):
    """A claims database on disk. Safe to open from several processes at once (WAL)."""

    def __init__(self, path: str | Path, *, upto: int | None = None, read_only: bool = False):
        """Open or create the database at `path` and bring its schema up to date.

        `read_only` opens an existing database of the current schema without writing
        (claims.dbopen); `upto` stops after that many migrations (for tests of upgrades).
        """
        self.path = Path(path)
        self.read_only = read_only
        self.db = Database(connect(self.path, read_only))
        self.db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        self.db.execute("PRAGMA foreign_keys = ON")
        if read_only:
            self._check_version()
        else:
            _enable_wal(self.db)
            self.migrate(upto)
        # A store held at an older schema (`upto`, in upgrade tests) reads and writes the
        # claim columns that schema has; the record's later fields keep their defaults.
        have = set(self.db["claims"].columns_dict) | {"doc"}
        self._fields = tuple(f for f in _CLAIM_FIELDS if f in have)

    def _claim_columns(self, claim: str = "c", document: str = "d", prefix: str = "") -> str:
        return _claim_columns(self._fields, claim, document, prefix)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "ClaimStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- transactions and migrations

    @contextlib.contextmanager
    def _write(self) -> Iterator[Database]:
        """One write transaction. BEGIN IMMEDIATE takes the write lock up front (waiting
        up to the busy timeout), so a read-then-write never fails half way with
        "database is locked" when another connection wrote in between."""
        if self.db.conn.in_transaction:
            raise StoreError("a write transaction is already open on this store")
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.rollback()
            raise
        self.db.execute("COMMIT")

    def _check_version(self) -> None:
        """A reader needs the schema this code knows; it never migrates."""
        migrations.check_readable(self.db, self.path)

    @property
    def schema_version(self) -> int:
        return migrations.schema_version(self.db)

    def migrate(self, upto: int | None = None) -> int:
        """Apply the migrations not yet applied (up to `upto`); return the schema version."""
        return migrations.apply(self.db, self._write, self.path, upto)

    # ---- documents

    def has_document(self, content_hash: str) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM documents WHERE content_hash = ?", [content_hash]
        ).fetchone()
        return row is not None

    def has_url(self, url: str) -> bool:
        """True when a stored document was read from `url` (as given, its own, or final)."""
        row = self.db.execute(
            "SELECT 1 FROM documents WHERE doc = ? OR url = ? OR final_url = ? LIMIT 1",
            [url, url, url],
        ).fetchone()
        return row is not None

    def add_document(self, source: Source, article: Article, claims: list[Claim]) -> int | None:
        """Store a document and its claims in one transaction; return the document id.

        Returns None, storing nothing, when a document with the same raw bytes is already
        stored. Raises InvalidDocumentError, storing nothing, when a claim does not point
        at its surface in `article.text` or two claims share a span.
        """
        _check_claims(source, article, claims)
        with self._write() as db:
            return self._insert_document(db, source, article, claims)

    def add_documents(
        self, items: list[tuple[Source, Article, list[Claim]]]
    ) -> list[int | None | InvalidDocumentError]:
        """Store several documents in ONE transaction (one commit for a batch).

        Each document is still all or nothing (a savepoint each): per item, the result
        is its document id, None when the same raw bytes are already stored (also by an
        earlier item of the batch), or the InvalidDocumentError that rejected it alone.
        """
        results: list[int | None | InvalidDocumentError] = []
        with self._write() as db:
            for source, article, claims in items:
                try:
                    _check_claims(source, article, claims)
                except InvalidDocumentError as e:
                    results.append(e)
                    continue
                db.execute("SAVEPOINT document")
                try:
                    results.append(self._insert_document(db, source, article, claims))
                except InvalidDocumentError as e:
                    db.execute("ROLLBACK TO document")
                    results.append(e)
                db.execute("RELEASE document")
        return results

    def _insert_document(self, db: Database, source: Source, article: Article,
                         claims: list[Claim]) -> int | None:
        key = content_hash(source.raw)
        if self.has_document(key):
            return None
        document = {
            "doc": source.doc,
            "content_hash": key,
            "url": article.url or source.url,
            "final_url": source.final_url,
            "title": article.title,
            "author": article.author,
            "published": article.date.isoformat() if article.date else None,
            "publisher": article.publisher,
            "media_type": source.media_type,
            "encoding": source.encoding,
            "text": article.text,
            "regions": json.dumps([list(r) for r in article.regions]),
            "raw": source.raw,
            "fetched_at": source.fetched_at.isoformat() if source.fetched_at else None,
            "ingested_at": _now(),
        }
        document_id = insert_rows(db.conn, "documents", [document])
        try:
            insert_rows(db.conn, "claims", [_claim_row(document_id, c, self._fields) for c in claims])
        except sqlite3.IntegrityError as e:
            raise InvalidDocumentError(
                f"{source.doc}: claims rejected, nothing stored ({e}); "
                "two claims with the same span?"
            ) from e
        return document_id

    def documents(self) -> list[DocumentRow]:
        rows = self.db.query(
            "SELECT id, doc, content_hash, url, final_url, title, author, published, "
            "publisher, media_type, encoding, fetched_at, ingested_at "
            "FROM documents ORDER BY id"
        )
        return [DocumentRow.model_validate(r) for r in rows]

    def _document(self, document_id: int) -> dict:
        try:
            return self.db["documents"].get(document_id)
        except NotFoundError as e:
            raise StoreError(f"no document with id {document_id}") from e

    def source(self, document_id: int) -> Source:
        """The document's raw input, as it was read: a re-run needs no file or network.

        `url` comes back as the stored document URL (the article's own URL when it
        names one); the URL as given is `doc`.
        """
        d = self._document(document_id)
        return Source(
            doc=d["doc"],
            raw=d["raw"],
            media_type=d["media_type"],
            text=d["raw"].decode(d["encoding"], errors="replace"),
            encoding=d["encoding"],
            url=d["url"],
            final_url=d["final_url"],
            fetched_at=d["fetched_at"],
        )

    def article(self, document_id: int) -> Article:
        """The cleaned article the document's claim offsets point into."""
        d = self._document(document_id)
        return Article(
            text=d["text"],
            regions=[tuple(r) for r in json.loads(d["regions"])],
            title=d["title"],
            author=d["author"],
            date=d["published"],
            publisher=d["publisher"],
            url=d["url"],
        )

    # ---- conflicts

    def replace_conflicts(self, conflicts: list[StoredConflict]) -> None:
        """Replace all conflicts with these (a and b kept as given). Reviews untouched."""
        with self._write() as db:
            db.execute("DELETE FROM conflicts")
            db["conflicts"].insert_all(
                {
                    "a_claim_id": c.a.id,
                    "b_claim_id": c.b.id,
                    "verdict": c.verdict,
                    "why": c.why,
                    "score": c.score,
                    "explained": int(c.explained),
                    "tier": c.tier,
                    "evidence": json.dumps(c.evidence, ensure_ascii=False),
                }
                for c in conflicts
            )

    def conflicts(self, tiers: Iterable[str] = TIERS, min_score: float = 0.0) -> list[StoredConflict]:
        """The conflicts of these tiers scoring at least min_score, highest score first,
        with both claims in full.

        `a` and `b` are StoredClaim instances (so `.id` is there for reviews); its
        `contract_dict()` carries exactly the contract's claim fields.
        """
        tiers = list(tiers)
        marks = ", ".join("?" for _ in tiers)
        sql = f"""
            SELECT k.verdict, k.why, k.score, k.tier, k.evidence,
                {self._claim_columns("a", "da", "a_")}, {self._claim_columns("b", "db", "b_")}
            FROM conflicts k
            JOIN claims a ON a.id = k.a_claim_id
            JOIN documents da ON da.id = a.document_id
            JOIN claims b ON b.id = k.b_claim_id
            JOIN documents db ON db.id = b.document_id
            WHERE k.tier IN ({marks}) AND k.score >= ?
            ORDER BY k.score DESC, k.id
        """
        return [_stored_conflict(r) for r in self.db.query(sql, [*tiers, min_score])]

    # ---- corroborations

    def replace_corroborations(self, groups: list[list[int]]) -> None:
        """Replace all corroborations: each group is the ids of claims that agree."""
        self._replace_groups("corroborations", "corroboration_claims", "corroboration_id", groups, "a corroboration")

    def replace_facts(self, groups: list[list[int]]) -> None:
        """Replace all facts: each group is the ids of one figure's mentions in one document."""
        self._replace_groups("facts", "fact_mentions", "fact_id", groups, "a fact")

    def _replace_groups(self, table: str, link_table: str, group_column: str, groups: list[list[int]],
                        what: str) -> None:
        """Replace every group of claims in `table` (keyed by its sorted ids) in one transaction."""
        keyed = {}
        for group in groups:
            ids = sorted(set(group))
            if len(ids) < 2:
                raise ValueError(f"{what} needs at least two claims, got {group}")
            keyed[",".join(map(str, ids))] = ids
        with self._write() as db:
            db.execute(f"DELETE FROM {table}")
            for key, ids in keyed.items():
                group_id = db[table].insert({"group_key": key}).last_pk
                db[link_table].insert_all({group_column: group_id, "claim_id": i} for i in ids)

    def facts(self) -> list[list[StoredClaim]]:
        """Figures mentioned more than once in one document: all their mentions."""
        return self._claim_groups("fact_mentions", "fact_id", 'c."start"')

    def _claim_groups(self, link_table: str, group_column: str, order: str) -> list[list[StoredClaim]]:
        """Groups of claims joined through a link table (facts, corroborations)."""
        sql = f"""
            SELECT g.{group_column} AS group_id, {self._claim_columns()}
            FROM {link_table} g
            JOIN claims c ON c.id = g.claim_id
            JOIN documents d ON d.id = c.document_id
            ORDER BY g.{group_column}, {order}
        """
        groups: dict[int, list[StoredClaim]] = {}
        for row in self.db.query(sql):
            groups.setdefault(row.pop("group_id"), []).append(_stored_claim(row))
        return list(groups.values())

    def corroborations(self) -> list[list[StoredClaim]]:
        """Groups of claims that agree across two or more documents."""
        return self._claim_groups("corroboration_claims", "corroboration_id", "c.id")

    # ---- failures

    def record_failure(self, doc: str, reason: str) -> None:
        """Note that `doc` could not be processed; the same doc and reason is kept once."""
        with self._write() as db:
            db.execute(
                "INSERT INTO failures (doc, reason, at) VALUES (?, ?, ?) "
                "ON CONFLICT (doc, reason) DO NOTHING",
                [doc, reason, _now()],
            )

    def failures(self) -> list[Failure]:
        rows = self.db.query("SELECT doc, reason FROM failures ORDER BY id")
        return [Failure.model_validate(r) for r in rows]

    def clear_failures(self, doc: str) -> None:
        """Forget the failures of `doc` (for instance once it has gone through)."""
        with self._write() as db:
            db.execute("DELETE FROM failures WHERE doc = ?", [doc])

    # ---- summary

    def counts(self) -> dict[str, int]:
        return {
            table: self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "claims", "conflicts", "corroborations", "failures")
        }
