"""The review app's queries: claims by page, documents, the conflicts queue, verdicts, users.

Moved verbatim from the single-module store; the review app owns these.
"""

from __future__ import annotations

import sqlite3
from typing import Callable, Unpack

from extract.records import StoredClaim

from claims.dbopen import StoreError
from claims.store.models import ClaimKey, DocumentRow, QueueEntry, ReviewRow, UserRow, pair_key
from claims.store.queries import ClaimFilter
from claims.store.rows import _now, _stored_claim, _stored_conflict


class ReviewQueries:
    """Mixed into ClaimStore: the review app's reads and writes."""

    # ---- the review app: claims by page, documents, facts

    def claims_page(self, document_id: int | None = None, limit: int | None = 50, offset: int = 0,
                    **filters: Unpack[ClaimFilter]) -> tuple[list[StoredClaim], int]:
        """One page of `claims()` (same filters, same order) and how many match in all."""
        where, params = self._claim_filters(filters)
        if document_id is not None:
            where.append("c.document_id = ?")
            params.append(document_id)
        # The page is picked from the claims alone (an index walk for a deep page), then
        # joined to its documents.
        page, page_params, total = self._page(
            "FROM claims c", where, params, 'c.id', 'ORDER BY c.document_id, c."start", c.id', limit, offset)
        sql = f"""
            WITH page AS MATERIALIZED ({page})
            SELECT {self._claim_columns()} FROM page
            JOIN claims c ON c.id = page.id JOIN documents d ON d.id = c.document_id
            ORDER BY c.document_id, c."start", c.id
        """
        return [_stored_claim(r) for r in self.db.query(sql, page_params)], total

    def _page(self, source: str, where: list[str], params: list, columns: str, order: str,
              limit: int | None, offset: int) -> tuple[str, list, int]:
        """(SQL of one page of rows' `columns`, its parameters, how many rows match in all):
        the rows of `source` (FROM ...) matching every term of `where`, in `order`."""
        matching = source + ((" WHERE " + " AND ".join(where)) if where else "")
        total = self.db.execute(f"SELECT count(*) {matching}", params).fetchone()[0]
        page, page_params = f"SELECT {columns} {matching} {order}", list(params)
        if limit is not None:
            page += " LIMIT ? OFFSET ?"
            page_params += [limit, offset]
        return page, page_params, total

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
        # The verdicts are joined only when the status filter needs them. The page is
        # picked from the indexes alone, then joined to its claims: a deep page costs an
        # index walk, not a join per skipped row.
        verdicts = " LEFT JOIN review_state s ON s.pair_key = k.pair_key" if status else ""
        page, page_params, total = self._page(
            f"FROM conflicts k{verdicts}", where, params, "k.id, k.score", "ORDER BY k.score DESC, k.id", limit, offset)
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
        conflict = _stored_conflict(row)
        a, b = conflict.a, conflict.b
        return QueueEntry(
            conflict_id=row["conflict_id"],
            conflict=conflict,
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

    def review(self, review_id: int) -> ReviewRow | None:
        return self._reviews_by_id([review_id]).get(review_id)

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
