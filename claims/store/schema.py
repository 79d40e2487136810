"""The schema's steps: the SQL and functions that `migrations.MIGRATIONS` applies in order.

Never edit one of these once released: databases in the field have already run it.
"""

from __future__ import annotations

from sqlite_utils import Database

from claims.store.vault import Vault


def _append_only(table: str, what: str, events: tuple[str, ...] = ("UPDATE", "DELETE")) -> str:
    """Triggers that refuse to change or delete a row of `table`: a reviewer's decisions
    are history, added to and never rewritten."""
    return "".join(f"""CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table}
BEGIN
    SELECT RAISE(ABORT, '{what} are append-only');
END;
""" for event in events)


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
""" + _append_only("reviews", "reviews")

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


_REVIEWS_NO_UPDATE = _append_only("reviews", "reviews", events=("UPDATE",))


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

# A reviewer's rating of one claim (accurate, inaccurate, misleading, unsupported), with
# a note and a correction. Append-only like `reviews`: the latest row for a claim key is
# its current rating, the earlier ones its history. The claim is named by its document's
# content hash and span (`claim_key` = "hash:start:end"), so a re-run never loses it.
_M008_CLAIM_RATINGS = """
CREATE TABLE claim_ratings (
    id INTEGER PRIMARY KEY,
    claim_id INTEGER NOT NULL,
    doc_hash TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    claim_key TEXT NOT NULL,
    rating TEXT NOT NULL,
    note TEXT,
    correction TEXT,
    reviewer TEXT,
    at TEXT NOT NULL
);
CREATE INDEX idx_claim_ratings_key ON claim_ratings (claim_key, id);
""" + _append_only("claim_ratings", "claim ratings")


def _m009_secrets_out(db: Database) -> None:
    """Reviewers' password hashes and the session key leave the claims database.

    Databases made before the secrets file (claims/store/vault.py) kept them in `users` and
    `settings`, readable by anyone who may read (or publish) the database. Accounts are
    copied into `<database>.secrets` (0600) first, then the rows are deleted here; the
    tables stay, empty, so older code opening the file still finds them. An in-memory
    database has no secrets file to move them to and keeps them."""
    path = next((row[2] for row in db.execute("PRAGMA database_list") if row[1] == "main"), "")
    users = db.execute("SELECT name, password_hash, created_at, password_changed_at FROM users").fetchall()
    if not path:
        return
    if users:
        vault = Vault(path)
        try:
            vault.import_users(users)
        finally:
            vault.close()
    db.execute("PRAGMA secure_delete = ON")  # deleted rows overwritten, not left in free pages
    db.execute("DELETE FROM users")
    db.execute("DELETE FROM settings WHERE key = 'session_secret'")
