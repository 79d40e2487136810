"""The SQLite store: documents, their claims, conflicts, corroborations, failures.

One database file holds everything a run produced, readable in Datasette (see the
`claims_view` and `conflicts_view` views, and claims/data/datasette-metadata.json). The raw
bytes of every document are kept, so a re-run, or a better extractor, needs neither the
original file nor the network.

    with ClaimStore("claims.db") as store:
        store.add_document(source, article, claims)   # None if already stored
        for claim in store.claims(subject="alphabet", metric="capex"):
            ...

Modules: `schema` (the SQL of each step), `migrations` (the named, append-only list and
its runner), `models` (rows in and out), `rows` (records to rows), `core` (ClaimStore),
`queries` (claim filters), `review_queries` (the review app's reads and writes), `ratings` (ratings of single claims).
Schema changes: append a `Migration` at the END of `migrations.MIGRATIONS`.
"""

# Re-exported: callers import the records they get back from here too.
from extract.records import Article, Claim, Conflict, Failure, Source, StoredClaim, StoredConflict

from claims.dbopen import StoreError
from claims.store.core import ClaimStore
from claims.store.migrations import MIGRATIONS, Migration
from claims.store.models import (
    TIERS,
    ClaimKey,
    DocumentRow,
    InvalidDocumentError,
    QueueEntry,
    RatingRow,
    ReviewRow,
    UserRow,
    pair_key,
)
from claims.store.queries import ClaimFilter
from claims.store.rows import content_hash

__all__ = [
    "Article", "Claim", "Conflict", "Failure", "Source", "StoredClaim", "StoredConflict",
    "MIGRATIONS", "TIERS", "ClaimFilter", "ClaimKey", "ClaimStore", "DocumentRow",
    "InvalidDocumentError", "Migration", "QueueEntry", "RatingRow", "ReviewRow", "StoreError",
    "UserRow", "content_hash", "pair_key",
]  # fmt: skip
