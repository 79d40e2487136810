"""Claim queries and filters: which claims match a subject, metric, period, source or text."""

from __future__ import annotations

from typing import Iterator, Optional, TypedDict, Unpack

from extract.records import StoredClaim

from claims.store.filters import period_filter, subject_filter
from claims.store.rows import _stored_claim


class ClaimFilter(TypedDict, total=False):
    """The filters of `claims query` (and the review app's claims page); each one given must match.

    subject: the name, an alias of it, or a subject containing its words; period: the
    periods it contains (`2019` matches `2019-Q3`, `FY2019`, `2019-10`); metric/source:
    case-insensitive equality; text: full-text search over quotes (each word must
    appear; FTS syntax is escaped)."""

    subject: Optional[str]
    metric: Optional[str]
    period: Optional[str]
    source: Optional[str]
    text: Optional[str]


class ClaimQueries:
    """Mixed into ClaimStore: reads claims through `self.db` and `self._claim_columns`."""

    # ---- claims

    def claims(self, doc: str | None = None, limit: int | None = None,
               **filters: Unpack[ClaimFilter]) -> list[StoredClaim]:
        """Claims matching every given filter (`ClaimFilter`), in document then text order.

        doc: the document's `doc` name, exactly.
        """
        where, params = self._claim_filters(filters)
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

    def _claim_filters(self, filters: ClaimFilter) -> tuple[list[str], list]:
        """WHERE terms over `claims c` for `claims()` and `claims_page()`."""
        subject, period, text = filters.get("subject"), filters.get("period"), filters.get("text")
        where, params = [], []
        # Subjects by name, alias or word; periods by containment (claims.store.filters).
        for value, matching in ((subject, subject_filter), (period, period_filter)):
            if value is not None:
                sql, values = matching(value)
                where.append(sql)
                params.extend(values)
        for column in ("metric", "source"):
            value = filters.get(column)
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
