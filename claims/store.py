"""The SQLite store: documents, their claims, conflicts, corroborations, failures.

One database file holds everything a run produced, readable in Datasette (see the
`claims_view` and `conflicts_view` views). The raw bytes of every document are kept, so
a re-run, or a better extractor, needs neither the original file nor the network.

    with ClaimStore("claims.db") as store:
        store.add_document(source, article, claims)   # None if already stored
        for claim in store.claims(subject="alphabet", metric="capex"):
            ...

Schema changes go through `MIGRATIONS`, an append-only list: each entry is applied once,
in its own transaction, and recorded in `schema_migrations`. To change the schema, append
a new entry; never edit an old one (databases in the field have already run it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Union

from pydantic import BaseModel, ConfigDict, Field
from sqlite_utils import Database
from sqlite_utils.db import NotFoundError

from extract.records import Article, Claim, Conflict, Failure, Source, StoredClaim

from claims.dbopen import BUSY_TIMEOUT_SECONDS, StoreError, connect


class InvalidDocumentError(StoreError, ValueError):
    """A document (or its claims) was rejected; nothing of it was stored."""


class ConflictRecord(BaseModel):
    """A conflict as the reconciler hands it to the store: two claim ids and a verdict."""

    a_id: int
    b_id: int
    verdict: str
    why: str
    score: float
    explained: bool = False  # a revision cue ("raised its guidance") accounts for it
    tier: str = "contradiction"  # "contradiction" (confident) or "possible" (for a reviewer)
    evidence: list[str] = []  # what paired the two figures


TIERS = ("contradiction", "possible")


class TieredConflict(Conflict):
    """A conflict as `claims conflicts` prints it: the contract's fields plus its tier
    and the evidence that paired the two figures."""

    tier: str = "contradiction"
    evidence: list[str] = []


class DocumentRow(BaseModel):
    """A stored document's metadata (its text and raw bytes: `source()`, `article()`)."""

    id: int
    doc: str
    content_hash: str
    url: Optional[str] = None
    final_url: Optional[str] = None
    title: Optional[str] = None
    author: Optional[str] = None
    published: Optional[dt.date] = None
    publisher: Optional[str] = None
    media_type: str
    encoding: str
    fetched_at: Optional[dt.datetime] = None
    ingested_at: dt.datetime


class ClaimKey(BaseModel):
    """A claim named so that a re-run finds it again: its document's bytes and its span.

    Claim and conflict row ids belong to one extraction and one reconciliation; this
    key does not change while the document's raw bytes do not.
    """

    model_config = ConfigDict(frozen=True)

    doc_hash: str
    start: int
    end: int

    def __str__(self) -> str:
        return f"{self.doc_hash}:{self.start}:{self.end}"


def pair_key(a: ClaimKey, b: ClaimKey) -> str:
    """The key of an unordered pair of claims (as `reviews.pair_key` stores it)."""
    first, second = sorted((str(a), str(b)))
    return f"{first}|{second}"


class ReviewRow(BaseModel):
    """One editorial decision on a pair of claims, as recorded (never changed after).

    `a` and `b` are the claims in the order the reviewer saw them, so "a_wrong" means
    the claim `a` names, whichever way round a later run lists the pair.
    """

    id: int
    a_claim_id: int = Field(description="the claim's row id when the verdict was recorded")
    b_claim_id: int
    a: Optional[ClaimKey] = None
    b: Optional[ClaimKey] = None
    pair_key: Optional[str] = None
    status: str
    reason: Optional[str] = None
    note: Optional[str] = None
    reviewer: Optional[str] = None
    at: dt.datetime


class QueueEntry(BaseModel):
    """A conflict as the review queue shows it: both claims, their keys, its verdict."""

    conflict_id: int = Field(description="row id in this reconciliation only")
    conflict: TieredConflict
    a_key: ClaimKey
    b_key: ClaimKey
    review: Optional[ReviewRow] = Field(None, description="the current verdict, as recorded")

    @property
    def pair_key(self) -> str:
        return pair_key(self.a_key, self.b_key)


class UserRow(BaseModel):
    id: int
    name: str
    password_hash: str
    created_at: dt.datetime
    password_changed_at: dt.datetime


# --------------------------------------------------------------------------- migrations

_SCHEMA_V1 = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    doc TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    url TEXT,
    final_url TEXT,
    title TEXT,
    author TEXT,
    published TEXT,
    publisher TEXT,
    media_type TEXT NOT NULL,
    encoding TEXT NOT NULL,
    text TEXT NOT NULL,
    regions TEXT NOT NULL,
    raw BLOB NOT NULL,
    fetched_at TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX idx_documents_doc ON documents (doc);

CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    surface TEXT NOT NULL,
    quote TEXT NOT NULL,
    value REAL,
    low REAL,
    high REAL,
    unit TEXT NOT NULL,
    approx TEXT NOT NULL,
    subject TEXT,
    metric TEXT,
    period TEXT,
    source TEXT,
    kind TEXT NOT NULL,
    UNIQUE (document_id, "start", "end")
);
CREATE INDEX idx_claims_subject ON claims (subject COLLATE NOCASE);
CREATE INDEX idx_claims_metric ON claims (metric COLLATE NOCASE);
CREATE INDEX idx_claims_period ON claims (period COLLATE NOCASE);

CREATE TABLE conflicts (
    id INTEGER PRIMARY KEY,
    a_claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    b_claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    verdict TEXT NOT NULL,
    why TEXT NOT NULL,
    score REAL NOT NULL,
    UNIQUE (a_claim_id, b_claim_id)
);
CREATE INDEX idx_conflicts_b ON conflicts (b_claim_id);

CREATE TABLE corroborations (
    id INTEGER PRIMARY KEY,
    group_key TEXT NOT NULL UNIQUE
);
CREATE TABLE corroboration_claims (
    corroboration_id INTEGER NOT NULL REFERENCES corroborations (id) ON DELETE CASCADE,
    claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    PRIMARY KEY (corroboration_id, claim_id)
);
CREATE INDEX idx_corroboration_claims_claim ON corroboration_claims (claim_id);

CREATE TABLE failures (
    id INTEGER PRIMARY KEY,
    doc TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL,
    UNIQUE (doc, reason)
);

-- Editorial decisions on a pair of claims. Append-only: the latest row for a pair is the
-- current decision, the earlier ones are its history. No foreign keys on purpose:
-- deleting or re-extracting a document must never take a reviewer's work with it.
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    a_claim_id INTEGER NOT NULL,
    b_claim_id INTEGER NOT NULL,
    status TEXT NOT NULL,
    note TEXT,
    reviewer TEXT,
    at TEXT NOT NULL
);
CREATE INDEX idx_reviews_pair ON reviews (a_claim_id, b_claim_id);
CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only');
END;
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only');
END;
"""

_CLAIMS_VIEW = """
SELECT
    c.id, d.doc, c."start", c."end", c.surface, c.quote, c.value, c.low, c.high,
    c.unit, c.approx, c.subject, c.metric, c.period, c.source, c.kind,
    d.title, d.url, d.publisher, d.published, c.document_id
FROM claims c
JOIN documents d ON d.id = c.document_id
"""

_CONFLICTS_VIEW = """
SELECT
    k.id, k.score, k.verdict,
    coalesce(a.metric, b.metric) AS metric,
    coalesce(a.period, b.period) AS period,
    a.subject AS a_subject, a.surface AS a_surface, da.doc AS a_doc,
    b.subject AS b_subject, b.surface AS b_surface, db.doc AS b_doc,
    k.why, k.a_claim_id, k.b_claim_id
FROM conflicts k
JOIN claims a ON a.id = k.a_claim_id
JOIN documents da ON da.id = a.document_id
JOIN claims b ON b.id = k.b_claim_id
JOIN documents db ON db.id = b.document_id
"""


def _m001_initial(db: Database) -> None:
    db.executescript(_SCHEMA_V1)
    db["claims"].enable_fts(["quote"], create_triggers=True)
    db.create_view("claims_view", _CLAIMS_VIEW)
    db.create_view("conflicts_view", _CONFLICTS_VIEW)


def _m002_facts_and_views(db: Database) -> None:
    """Facts (one figure mentioned several times in one document), whether a conflict
    is explained by a revision cue, and views for the common joins."""
    db.executescript("""
    ALTER TABLE conflicts ADD COLUMN explained INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE facts (
        id INTEGER PRIMARY KEY,
        group_key TEXT NOT NULL UNIQUE
    );
    CREATE TABLE fact_mentions (
        fact_id INTEGER NOT NULL REFERENCES facts (id) ON DELETE CASCADE,
        claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
        PRIMARY KEY (fact_id, claim_id)
    );
    CREATE INDEX idx_fact_mentions_claim ON fact_mentions (claim_id);
    """)
    db.create_view("corroborations_view", """
SELECT g.corroboration_id, cv.*
FROM corroboration_claims g
JOIN claims_view cv ON cv.id = g.claim_id
""")
    db.create_view("facts_view", """
SELECT m.fact_id, cv.*
FROM fact_mentions m
JOIN claims_view cv ON cv.id = m.claim_id
""")


_REVIEWS_NO_UPDATE = """
CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only');
END;
"""


def _m004_review_app(db: Database) -> None:
    """The review app: reviewer accounts, settings (the session key), and verdicts keyed
    on what survives a re-run.

    Conflict rows are recomputed on every `claims run`, and claim ids belong to one
    extraction, so a verdict names each claim by its document's content hash and its
    span: (a_doc_hash, a_start, a_end) and the same for b, as the reviewer saw them;
    `pair_key` is the two claim keys ("hash:start:end") sorted and joined by "|", the
    same whichever way round a later run lists the pair. Rows written before this
    migration get their keys from their claim ids, once, here (the append-only trigger
    is lifted for that single backfill and put back as it was).
    """
    for column in ("a_doc_hash", "b_doc_hash"):
        db.execute(f"ALTER TABLE reviews ADD COLUMN {column} TEXT")
    for column in ("a_start", "a_end", "b_start", "b_end"):
        db.execute(f"ALTER TABLE reviews ADD COLUMN {column} INTEGER")
    db.execute("ALTER TABLE reviews ADD COLUMN pair_key TEXT")
    db.execute("ALTER TABLE reviews ADD COLUMN reason TEXT")
    db.execute("DROP TRIGGER reviews_no_update")
    for side in ("a", "b"):
        db.execute(
            f"""UPDATE reviews SET
                {side}_doc_hash = (SELECT d.content_hash FROM claims c
                    JOIN documents d ON d.id = c.document_id WHERE c.id = {side}_claim_id),
                {side}_start = (SELECT c."start" FROM claims c WHERE c.id = {side}_claim_id),
                {side}_end = (SELECT c."end" FROM claims c WHERE c.id = {side}_claim_id)"""
        )
    db.execute(
        f"""UPDATE reviews SET pair_key = {_pair_key_sql(
            "a_doc_hash || ':' || a_start || ':' || a_end",
            "b_doc_hash || ':' || b_start || ':' || b_end")}
        WHERE a_doc_hash IS NOT NULL AND b_doc_hash IS NOT NULL"""
    )
    db.executescript(_REVIEWS_NO_UPDATE)
    db.executescript(
        """
        CREATE INDEX idx_reviews_pair_key ON reviews (pair_key, id);
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            password_hash TEXT NOT NULL,
            created_at TEXT NOT NULL,
            password_changed_at TEXT NOT NULL
        );
        -- The claims browser filters by source too.
        CREATE INDEX idx_claims_source ON claims (source COLLATE NOCASE);
        """
    )


_CLAIM_KEY_OF = """(SELECT d.content_hash || ':' || c."start" || ':' || c."end"
    FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.id = {})"""

_REVIEW_QUEUE_SCHEMA = f"""
-- What the queue filters and sorts on, kept beside each conflict row by a trigger (the
-- reconciler inserts plain rows): its pair key, subject and metric.
ALTER TABLE conflicts ADD COLUMN pair_key TEXT;
ALTER TABLE conflicts ADD COLUMN subject TEXT;
ALTER TABLE conflicts ADD COLUMN metric TEXT;
CREATE TRIGGER conflicts_queue_fields AFTER INSERT ON conflicts
BEGIN
    UPDATE conflicts SET
        pair_key = (SELECT min(ka, kb) || '|' || max(ka, kb) FROM (SELECT
            {_CLAIM_KEY_OF.format("NEW.a_claim_id")} AS ka,
            {_CLAIM_KEY_OF.format("NEW.b_claim_id")} AS kb)),
        subject = (SELECT coalesce(a.subject, b.subject) FROM claims a, claims b
            WHERE a.id = NEW.a_claim_id AND b.id = NEW.b_claim_id),
        metric = (SELECT coalesce(a.metric, b.metric) FROM claims a, claims b
            WHERE a.id = NEW.a_claim_id AND b.id = NEW.b_claim_id)
    WHERE id = NEW.id;
END;
CREATE INDEX idx_conflicts_score ON conflicts (score DESC, id);
CREATE INDEX idx_conflicts_pair_key ON conflicts (pair_key);
CREATE INDEX idx_conflicts_subject ON conflicts (subject COLLATE NOCASE, score DESC, id);
CREATE INDEX idx_conflicts_metric ON conflicts (metric COLLATE NOCASE, score DESC, id);
-- The claims browser's order (document, then text), so a deep page is an index walk.
CREATE INDEX idx_claims_order ON claims (document_id, "start", id);

-- The current verdict of each pair: the latest `reviews` row, kept by a trigger. A
-- cache for the queue's status filter; `reviews` stays the record.
CREATE TABLE review_state (
    pair_key TEXT PRIMARY KEY,
    review_id INTEGER NOT NULL,
    status TEXT NOT NULL
);
CREATE INDEX idx_review_state_status ON review_state (status);
CREATE TRIGGER reviews_current AFTER INSERT ON reviews WHEN NEW.pair_key IS NOT NULL
BEGIN
    INSERT INTO review_state (pair_key, review_id, status) VALUES (NEW.pair_key, NEW.id, NEW.status)
    ON CONFLICT (pair_key) DO UPDATE SET review_id = excluded.review_id, status = excluded.status;
END;
"""


def _m005_review_queue(db: Database) -> None:
    """The review queue at 100,000 claims: conflicts carry their pair key, subject and
    metric (indexed with the score), and `review_state` holds each pair's current
    verdict, so filtering by status, subject or metric never recomputes keys."""
    db.executescript(_REVIEW_QUEUE_SCHEMA)
    db.execute(
        f"""UPDATE conflicts SET
            pair_key = (SELECT min(ka, kb) || '|' || max(ka, kb) FROM (SELECT
                {_CLAIM_KEY_OF.format("conflicts.a_claim_id")} AS ka,
                {_CLAIM_KEY_OF.format("conflicts.b_claim_id")} AS kb)),
            subject = (SELECT coalesce(a.subject, b.subject) FROM claims a, claims b
                WHERE a.id = conflicts.a_claim_id AND b.id = conflicts.b_claim_id),
            metric = (SELECT coalesce(a.metric, b.metric) FROM claims a, claims b
                WHERE a.id = conflicts.a_claim_id AND b.id = conflicts.b_claim_id)"""
    )
    db.execute(
        """INSERT INTO review_state (pair_key, review_id, status)
        SELECT r.pair_key, r.id, r.status FROM reviews r
        WHERE r.id IN (SELECT max(id) FROM reviews WHERE pair_key IS NOT NULL GROUP BY pair_key)"""
    )


def _pair_key_sql(a_key: str, b_key: str) -> str:
    """SQL for a pair key from two claim-key expressions: the same as `pair_key()`."""
    return f"(min({a_key}, {b_key}) || '|' || max({a_key}, {b_key}))"


Migration = Union[str, Callable[[Database], None]]

# A re-run looks a URL up among the stored documents before fetching it again.
_M003_URL_INDEXES = """
CREATE INDEX idx_documents_url ON documents (url);
CREATE INDEX idx_documents_final_url ON documents (final_url);
"""

# What framing learnt beyond the contract's fields (extract.records.Claim): direction of a
# change, a rate's denominator, a segment's parent, an inferred subject, vagueness, growth basis.
_M006_CLAIM_FACTS = """
ALTER TABLE claims ADD COLUMN direction TEXT;
ALTER TABLE claims ADD COLUMN change_verb TEXT;
ALTER TABLE claims ADD COLUMN per TEXT;
ALTER TABLE claims ADD COLUMN parent TEXT;
ALTER TABLE claims ADD COLUMN subject_inferred INTEGER NOT NULL DEFAULT 0;
ALTER TABLE claims ADD COLUMN vague INTEGER NOT NULL DEFAULT 0;
ALTER TABLE claims ADD COLUMN basis TEXT;
"""

# A conflict's tier (confident `contradiction` or `possible`, for a reviewer) and the
# evidence that paired its two figures (a JSON list of lines).
_M007_CONFLICT_TIERS = """
ALTER TABLE conflicts ADD COLUMN tier TEXT NOT NULL DEFAULT 'contradiction';
ALTER TABLE conflicts ADD COLUMN evidence TEXT NOT NULL DEFAULT '[]';
CREATE INDEX idx_conflicts_tier ON conflicts (tier, score DESC, id);
"""

# Append-only. Entry i (0-based) is schema version i + 1.
MIGRATIONS: list[Migration] = [
    _m001_initial,
    _m002_facts_and_views,
    _M003_URL_INDEXES,
    _m004_review_app,
    _m005_review_queue,
    _M006_CLAIM_FACTS,
    _M007_CONFLICT_TIERS,
]


# --------------------------------------------------------------------------- helpers


def content_hash(raw: bytes) -> str:
    """The identity of a document: sha256 of its raw bytes, hex."""
    return hashlib.sha256(raw).hexdigest()


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


# --------------------------------------------------------------------------- the store


class ClaimStore:
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
            self.db.enable_wal()
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
        have, want = self.schema_version, len(MIGRATIONS)
        if have > want:
            raise StoreError(f"{self.path}: schema version {have} is newer than this version of "
                             f"claims knows ({want}); upgrade claims")
        if have < want:
            raise StoreError(f"{self.path}: schema version {have} is older than this version of claims "
                             f"reads ({want}); upgrade it with `claims migrate --db {self.path}`")

    @property
    def schema_version(self) -> int:
        row = self.db.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return row[0] or 0

    def migrate(self, upto: int | None = None) -> int:
        """Apply the migrations not yet applied (up to `upto`); return the schema version."""
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        target = len(MIGRATIONS) if upto is None else upto
        if self.schema_version > len(MIGRATIONS):
            raise StoreError(
                f"{self.path}: schema version {self.schema_version} is newer than this "
                f"version of claims knows ({len(MIGRATIONS)}); upgrade claims"
            )
        for version, migration in enumerate(MIGRATIONS[:target], start=1):
            with self._write() as db:
                # Checked inside the write lock: another process may have just applied it.
                applied = db.execute(
                    "SELECT 1 FROM schema_migrations WHERE version = ?", [version]
                ).fetchone()
                if applied:
                    continue
                if isinstance(migration, str):
                    db.executescript(migration)
                else:
                    migration(db)
                db.execute(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                    [version, _now()],
                )
        return self.schema_version

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
        document_id = db["documents"].insert(document).last_pk
        try:
            db["claims"].insert_all(_claim_row(document_id, c, self._fields) for c in claims)
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

    # ---- claims

    def claims(
        self,
        subject: str | None = None,
        metric: str | None = None,
        period: str | None = None,
        source: str | None = None,
        text: str | None = None,
        doc: str | None = None,
        limit: int | None = None,
    ) -> list[StoredClaim]:
        """Claims matching every given filter, in document then text order.

        subject/metric/period/source: case-insensitive equality; text: full-text search
        over quotes (each word must appear; FTS syntax is escaped); doc: the document's
        `doc` name, exactly.
        """
        where, params = self._claim_filters(subject, metric, period, source, text)
        if doc is not None:
            where.append("d.doc = ?")
            params.append(doc)
        sql = f"SELECT {self._claim_columns()} FROM claims c JOIN documents d ON d.id = c.document_id"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += ' ORDER BY c.document_id, c."start", c.id'
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [_stored_claim(r) for r in self.db.query(sql, params)]

    def _claim_filters(self, subject, metric, period, source, text) -> tuple[list[str], list]:
        """WHERE terms over `claims c` for `claims()` and `claims_page()`."""
        where, params = [], []
        for column, value in (
            ("subject", subject),
            ("metric", metric),
            ("period", period),
            ("source", source),
        ):
            if value is not None:
                where.append(f"c.{column} = ? COLLATE NOCASE")
                params.append(value)
        if text is not None and text.strip():
            quoted = self.db.quote_fts(text)
            # Only quote marks (`"`) leave no word to search for: nothing matches.
            where.append("c.rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)" if quoted else "0")
            params += [quoted] if quoted else []
        return where, params

    def all_claims(self) -> list[StoredClaim]:
        return self.claims()

    def iter_comparable_claims(self, batch: int = 5000) -> Iterator[StoredClaim]:
        """Claims with a figure (a value or a bound), streamed in document then text order.

        Figures with no subject, metric or period are compared too: reconciliation pairs
        them by the words of their clauses (claims.reconcile.candidates).
        """
        sql = (
            f"SELECT {self._claim_columns()} FROM claims c JOIN documents d ON d.id = c.document_id "
            "WHERE c.value IS NOT NULL OR c.low IS NOT NULL OR c.high IS NOT NULL "
            'ORDER BY c.document_id, c."start", c.id'
        )
        cursor = self.db.conn.cursor()
        cursor.execute(sql)
        names = [d[0] for d in cursor.description]
        while rows := cursor.fetchmany(batch):
            for row in rows:
                yield _stored_claim(dict(zip(names, row)))

    # ---- conflicts

    def replace_conflicts(self, conflicts: list[ConflictRecord]) -> None:
        """Replace all conflicts with these (a and b kept as given). Reviews untouched."""
        with self._write() as db:
            db.execute("DELETE FROM conflicts")
            db["conflicts"].insert_all(
                {
                    "a_claim_id": c.a_id,
                    "b_claim_id": c.b_id,
                    "verdict": c.verdict,
                    "why": c.why,
                    "score": c.score,
                    "explained": int(c.explained),
                    "tier": c.tier,
                    "evidence": json.dumps(c.evidence, ensure_ascii=False),
                }
                for c in conflicts
            )

    def conflicts(self, tiers: Iterable[str] = TIERS, min_score: float = 0.0) -> list[TieredConflict]:
        """The conflicts of these tiers scoring at least min_score, highest score first,
        with both claims in full.

        `a` and `b` are StoredClaim instances (so `.id` is there for reviews); dumped
        through `Conflict`, they carry exactly the contract's claim fields.
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
        return [
            TieredConflict(
                a=_stored_claim(r, "a_"),
                b=_stored_claim(r, "b_"),
                verdict=r["verdict"],
                why=r["why"],
                score=r["score"],
                tier=r["tier"],
                evidence=json.loads(r["evidence"]),
            )
            for r in self.db.query(sql, [*tiers, min_score])
        ]

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

    # ---- the review app: claims by page, documents, facts

    def claims_page(
        self,
        subject: str | None = None,
        metric: str | None = None,
        period: str | None = None,
        source: str | None = None,
        text: str | None = None,
        document_id: int | None = None,
        limit: int | None = 50,
        offset: int = 0,
    ) -> tuple[list[StoredClaim], int]:
        """One page of `claims()` (same filters, same order) and how many match in all."""
        where, params = self._claim_filters(subject, metric, period, source, text)
        if document_id is not None:
            where.append("c.document_id = ?")
            params.append(document_id)
        condition = (" WHERE " + " AND ".join(where)) if where else ""
        total = self.db.execute(f"SELECT count(*) FROM claims c{condition}", params).fetchone()[0]
        # The page is picked from the claims alone (an index walk for a deep page), then
        # joined to its documents.
        page = f'SELECT c.id FROM claims c{condition} ORDER BY c.document_id, c."start", c.id'
        page_params = list(params)
        if limit is not None:
            page += " LIMIT ? OFFSET ?"
            page_params += [limit, offset]
        sql = f"""
            WITH page AS MATERIALIZED ({page})
            SELECT {self._claim_columns()} FROM page
            JOIN claims c ON c.id = page.id JOIN documents d ON d.id = c.document_id
            ORDER BY c.document_id, c."start", c.id
        """
        return [_stored_claim(r) for r in self.db.query(sql, page_params)], total

    def claim(self, claim_id: int) -> StoredClaim | None:
        sql = f"SELECT {self._claim_columns()} FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.id = ?"
        rows = list(self.db.query(sql, [claim_id]))
        return _stored_claim(rows[0]) if rows else None

    def claim_key(self, claim_id: int) -> ClaimKey:
        row = self.db.execute(
            'SELECT d.content_hash, c."start", c."end" FROM claims c '
            "JOIN documents d ON d.id = c.document_id WHERE c.id = ?",
            [claim_id],
        ).fetchone()
        if row is None:
            raise StoreError(f"no claim with id {claim_id}")
        return ClaimKey(doc_hash=row[0], start=row[1], end=row[2])

    def claim_by_key(self, key: ClaimKey) -> StoredClaim | None:
        """The claim a key names in this database (None once its document is gone)."""
        sql = (
            f"SELECT {self._claim_columns()} FROM claims c JOIN documents d ON d.id = c.document_id "
            'WHERE d.content_hash = ? AND c."start" = ? AND c."end" = ?'
        )
        rows = list(self.db.query(sql, [key.doc_hash, key.start, key.end]))
        return _stored_claim(rows[0]) if rows else None

    def document_row(self, key: str | int) -> DocumentRow | None:
        """A document by row id or by content hash (the id that survives a rebuild)."""
        column = "content_hash" if isinstance(key, str) and not key.isdigit() else "id"
        rows = list(
            self.db.query(
                "SELECT id, doc, content_hash, url, final_url, title, author, published, "
                "publisher, media_type, encoding, fetched_at, ingested_at "
                f"FROM documents WHERE {column} = ?",
                [key if column == "content_hash" else int(key)],
            )
        )
        return DocumentRow.model_validate(rows[0]) if rows else None

    def corroboration_of(self, claim_id: int) -> list[StoredClaim]:
        """The claims that agree with this one across documents (itself included);
        empty when no other document states it."""
        sql = f"""
            SELECT {self._claim_columns()}
            FROM corroboration_claims g
            JOIN claims c ON c.id = g.claim_id
            JOIN documents d ON d.id = c.document_id
            WHERE g.corroboration_id IN
                (SELECT corroboration_id FROM corroboration_claims WHERE claim_id = ?)
            ORDER BY c.document_id, c."start"
        """
        return [_stored_claim(r) for r in self.db.query(sql, [claim_id])]

    def corroborations_page(self, limit: int = 50, offset: int = 0) -> tuple[list[list[StoredClaim]], int]:
        """One page of `corroborations()` (largest groups first) and how many there are."""
        total = self.db.execute("SELECT count(*) FROM corroborations").fetchone()[0]
        sql = f"""
            WITH page AS (
                SELECT corroboration_id, count(*) AS n FROM corroboration_claims
                GROUP BY corroboration_id ORDER BY n DESC, corroboration_id LIMIT ? OFFSET ?
            )
            SELECT p.corroboration_id AS group_id, {self._claim_columns()}
            FROM page p
            JOIN corroboration_claims g ON g.corroboration_id = p.corroboration_id
            JOIN claims c ON c.id = g.claim_id
            JOIN documents d ON d.id = c.document_id
            ORDER BY p.n DESC, p.corroboration_id, c.document_id, c."start"
        """
        groups: dict[int, list[StoredClaim]] = {}
        for row in self.db.query(sql, [limit, offset]):
            groups.setdefault(row.pop("group_id"), []).append(_stored_claim(row))
        return list(groups.values()), total

    # ---- the review app: the conflicts queue and verdicts

    @property
    def _QUEUE_COLUMNS(self) -> str:
        return f"""
        k.id AS conflict_id, k.verdict, k.why, k.score, k.tier, k.evidence,
        {self._claim_columns("a", "da", "a_")}, {self._claim_columns("b", "db", "b_")},
        da.content_hash AS a_doc_hash, db.content_hash AS b_doc_hash, s.review_id AS r_id
    """
    _QUEUE_JOINS = """
        JOIN claims a ON a.id = k.a_claim_id
        JOIN documents da ON da.id = a.document_id
        JOIN claims b ON b.id = k.b_claim_id
        JOIN documents db ON db.id = b.document_id
        LEFT JOIN review_state s ON s.pair_key = k.pair_key
    """

    def conflict_queue(
        self,
        status: str | None = None,
        subject: str | None = None,
        metric: str | None = None,
        limit: int | None = 50,
        offset: int = 0,
    ) -> tuple[list[QueueEntry], int]:
        """One page of conflicts, highest score first, each with its current verdict,
        and how many match in all.

        status: None for all, "open" for those without a verdict, "reviewed" for those
        with one, else the current verdict's status. subject, metric: case-insensitive.
        """
        where, params = [], []
        if subject:
            where.append("k.subject = ? COLLATE NOCASE")
            params.append(subject)
        if metric:
            where.append("k.metric = ? COLLATE NOCASE")
            params.append(metric)
        if status == "open":
            where.append("s.pair_key IS NULL")
        elif status == "reviewed":
            where.append("s.pair_key IS NOT NULL")
        elif status:
            where.append("s.status = ?")
            params.append(status)
        condition = (" WHERE " + " AND ".join(where)) if where else ""
        # The verdicts are joined only when the status filter needs them.
        verdicts = " LEFT JOIN review_state s ON s.pair_key = k.pair_key" if status else ""
        matching = f"FROM conflicts k{verdicts}{condition}"
        total = self.db.execute(f"SELECT count(*) {matching}", params).fetchone()[0]
        # The page is picked from the indexes alone, then joined to its claims: a deep
        # page costs an index walk, not a join per skipped row.
        page = f"SELECT k.id, k.score {matching} ORDER BY k.score DESC, k.id"
        page_params = list(params)
        if limit is not None:
            page += " LIMIT ? OFFSET ?"
            page_params += [limit, offset]
        sql = f"""
            WITH page AS MATERIALIZED ({page})
            SELECT {self._QUEUE_COLUMNS} FROM page JOIN conflicts k ON k.id = page.id
            {self._QUEUE_JOINS}
            ORDER BY page.score DESC, page.id
        """
        rows = list(self.db.query(sql, page_params))
        reviews = self._reviews_by_id([r["r_id"] for r in rows if r["r_id"] is not None])
        return [self._queue_entry(r, reviews.get(r["r_id"])) for r in rows], total

    def conflict_entry(self, a_id: int, b_id: int) -> QueueEntry | None:
        """The conflict between these two claims (either way round), with its verdict."""
        rows = list(
            self.db.query(
                f"SELECT {self._QUEUE_COLUMNS} FROM conflicts k {self._QUEUE_JOINS} "
                "WHERE (k.a_claim_id = ? AND k.b_claim_id = ?) OR (k.a_claim_id = ? AND k.b_claim_id = ?)",
                [a_id, b_id, b_id, a_id],
            )
        )
        if not rows:
            return None
        r = rows[0]
        reviews = self._reviews_by_id([r["r_id"]] if r["r_id"] is not None else [])
        return self._queue_entry(r, reviews.get(r["r_id"]))

    @staticmethod
    def _queue_entry(row: dict, review: "ReviewRow | None") -> QueueEntry:
        a, b = _stored_claim(row, "a_"), _stored_claim(row, "b_")
        return QueueEntry(
            conflict_id=row["conflict_id"],
            conflict=TieredConflict(a=a, b=b, verdict=row["verdict"], why=row["why"], score=row["score"],
                                    tier=row["tier"], evidence=json.loads(row["evidence"])),
            a_key=ClaimKey(doc_hash=row["a_doc_hash"], start=a.start, end=a.end),
            b_key=ClaimKey(doc_hash=row["b_doc_hash"], start=b.start, end=b.end),
            review=review,
        )

    def add_review(
        self,
        a_id: int,
        b_id: int,
        status: str,
        reviewer: str,
        reason: str | None = None,
        note: str | None = None,
    ) -> ReviewRow:
        """Append a verdict on the pair (a_id, b_id); earlier ones stay as its history."""
        with self._write() as db:
            a, b = self.claim_key(a_id), self.claim_key(b_id)
            review_id = db["reviews"].insert(
                {
                    "a_claim_id": a_id,
                    "b_claim_id": b_id,
                    "status": status,
                    "note": note,
                    "reviewer": reviewer,
                    "at": _now(),
                    "a_doc_hash": a.doc_hash,
                    "a_start": a.start,
                    "a_end": a.end,
                    "b_doc_hash": b.doc_hash,
                    "b_start": b.start,
                    "b_end": b.end,
                    "pair_key": pair_key(a, b),
                    "reason": reason,
                }
            ).last_pk
        return self._reviews_by_id([review_id])[review_id]

    def reviews(
        self, pair: str | None = None, limit: int | None = None, offset: int = 0
    ) -> list[ReviewRow]:
        """The audit log, newest first: every verdict ever recorded (on one pair key)."""
        sql, params = "SELECT * FROM reviews", []
        if pair is not None:
            sql += " WHERE pair_key = ?"
            params.append(pair)
        sql += " ORDER BY id DESC"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [_review_row(r) for r in self.db.query(sql, params)]

    def review_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM reviews").fetchone()[0]

    def current_reviews(self) -> list[ReviewRow]:
        """The latest verdict of every reviewed pair, oldest pair first."""
        sql = "SELECT * FROM reviews WHERE id IN (SELECT review_id FROM review_state) ORDER BY id"
        return [_review_row(r) for r in self.db.query(sql)]

    def _reviews_by_id(self, ids: list[int]) -> dict[int, ReviewRow]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.db.query(f"SELECT * FROM reviews WHERE id IN ({marks})", ids)
        return {r["id"]: _review_row(r) for r in rows}

    # ---- the review app: settings and reviewer accounts

    def setting(self, key: str, make: Callable[[], str]) -> str:
        """The stored value of `key`, made (by `make()`) and stored on first use."""
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        if row is not None:
            return row[0]
        with self._write() as db:
            # Two processes may start at once: the first value stored wins.
            db.execute("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)", [key, make()])
        return self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()[0]

    def add_user(self, name: str, password_hash: str) -> UserRow:
        now = _now()
        with self._write() as db:
            try:
                db["users"].insert(
                    {"name": name, "password_hash": password_hash, "created_at": now, "password_changed_at": now}
                )
            except sqlite3.IntegrityError as e:
                raise StoreError(f"a user named {name!r} already exists") from e
        return self.user(name)

    def set_password_hash(self, name: str, password_hash: str) -> None:
        with self._write() as db:
            cursor = db.execute(
                "UPDATE users SET password_hash = ?, password_changed_at = ? WHERE name = ?",
                [password_hash, _now(), name],
            )
            if cursor.rowcount == 0:
                raise StoreError(f"no user named {name!r}")

    def user(self, name: str) -> UserRow | None:
        rows = list(self.db.query("SELECT * FROM users WHERE name = ?", [name]))
        return UserRow.model_validate(rows[0]) if rows else None

    def users(self) -> list[UserRow]:
        return [UserRow.model_validate(r) for r in self.db.query("SELECT * FROM users ORDER BY id")]


def _review_row(row: dict) -> ReviewRow:
    keys = {}
    for side in ("a", "b"):
        if row.get(f"{side}_doc_hash") is not None:
            keys[side] = ClaimKey(
                doc_hash=row[f"{side}_doc_hash"], start=row[f"{side}_start"], end=row[f"{side}_end"]
            )
    return ReviewRow(
        id=row["id"],
        a_claim_id=row["a_claim_id"],
        b_claim_id=row["b_claim_id"],
        pair_key=row.get("pair_key"),
        status=row["status"],
        reason=row.get("reason"),
        note=row.get("note"),
        reviewer=row.get("reviewer"),
        at=row["at"],
        **keys,
    )
