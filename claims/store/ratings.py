"""Ratings of single claims: a reviewer says a claim is accurate, inaccurate, misleading
or unsupported, with a note and a correction. Append-only, like verdicts on conflicts:
the latest rating of a claim key is its current one, the earlier ones its history."""

from __future__ import annotations

from extract.records import StoredClaim

from claims.store.models import ClaimKey, RatingRow
from claims.store.rows import _now


class RatingQueries:
    """Mixed into ClaimStore: claim ratings, written and read."""

    def add_rating(
        self,
        claim_id: int,
        rating: str,
        reviewer: str,
        note: str | None = None,
        correction: str | None = None,
    ) -> RatingRow:
        """Append a rating of the claim; earlier ones stay as its history."""
        with self._write() as db:
            key = self.claim_key(claim_id)
            rating_id = db["claim_ratings"].insert(
                {
                    "claim_id": claim_id,
                    "doc_hash": key.doc_hash,
                    "start": key.start,
                    "end": key.end,
                    "claim_key": str(key),
                    "rating": rating,
                    "note": note,
                    "correction": correction,
                    "reviewer": reviewer,
                    "at": _now(),
                }
            ).last_pk
        return self._ratings_where("id = ?", [rating_id])[0]

    def ratings(
        self, key: ClaimKey | None = None, limit: int | None = None, offset: int = 0
    ) -> list[RatingRow]:
        """Every rating ever recorded (of one claim key), newest first."""
        where, params = ("claim_key = ?", [str(key)]) if key is not None else ("1", [])
        return self._ratings_where(where, params, limit, offset)

    def rating_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM claim_ratings").fetchone()[0]

    def audit_page(self, limit: int, offset: int = 0) -> list[tuple[str, int]]:
        """One page of the audit log, newest first: ("verdict", review id) for a verdict
        on a conflict, ("rating", rating id) for a rating of a claim."""
        sql = """
            SELECT 'verdict' AS what, id, at FROM reviews
            UNION ALL SELECT 'rating' AS what, id, at FROM claim_ratings
            ORDER BY at DESC, what DESC, id DESC LIMIT ? OFFSET ?
        """
        return [(r[0], r[1]) for r in self.db.execute(sql, [limit, offset])]

    def rating(self, rating_id: int) -> RatingRow | None:
        rows = self._ratings_where("id = ?", [rating_id])
        return rows[0] if rows else None

    def current_ratings(self) -> list[RatingRow]:
        """The latest rating of every rated claim, oldest first."""
        where = "id IN (SELECT max(id) FROM claim_ratings GROUP BY claim_key)"
        return list(reversed(self._ratings_where(where, [])))

    def current_ratings_of(self, claims: list[StoredClaim]) -> dict[int, RatingRow]:
        """The current rating of each of these claims that has one, by claim id."""
        hashes = self._doc_hashes({c.document_id for c in claims})
        keys = {str(ClaimKey(doc_hash=hashes[c.document_id], start=c.start, end=c.end)): c.id for c in claims}
        if not keys:
            return {}
        marks = ",".join("?" * len(keys))
        where = f"id IN (SELECT max(id) FROM claim_ratings WHERE claim_key IN ({marks}) GROUP BY claim_key)"
        return {keys[str(r.key)]: r for r in self._ratings_where(where, list(keys))}

    def _doc_hashes(self, document_ids: set[int]) -> dict[int, str]:
        ids = sorted(document_ids)
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(f"SELECT id, content_hash FROM documents WHERE id IN ({marks})", ids)
        return {r[0]: r[1] for r in rows}

    def _ratings_where(
        self, where: str, params: list, limit: int | None = None, offset: int = 0
    ) -> list[RatingRow]:
        sql = f"SELECT * FROM claim_ratings WHERE {where} ORDER BY id DESC"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = [*params, limit, offset]
        return [_rating_row(r) for r in self.db.query(sql, params)]


def _rating_row(row: dict) -> RatingRow:
    return RatingRow(
        id=row["id"],
        claim_id=row["claim_id"],
        key=ClaimKey(doc_hash=row["doc_hash"], start=row["start"], end=row["end"]),
        rating=row["rating"],
        note=row["note"],
        correction=row["correction"],
        reviewer=row["reviewer"],
        at=row["at"],
    )
