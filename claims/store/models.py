"""The rows the store hands out and takes in: documents, claim keys, the review queue, reviews, ratings, users.

Claims and conflicts are the records of extract/records.py (`StoredClaim`, `StoredConflict`)."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field

from extract.records import StoredConflict

from claims.dbopen import StoreError


class InvalidDocumentError(StoreError, ValueError):
    """A document (or its claims) was rejected; nothing of it was stored."""


TIERS = ("contradiction", "possible")


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


class RatingRow(BaseModel):
    """One reviewer's rating of a single claim, as recorded (never changed after).

    `key` names the claim by its document's bytes and span, so a re-run finds it again;
    `claim_id` is its row id when the rating was recorded.
    """

    id: int
    claim_id: int
    key: ClaimKey
    rating: str
    note: Optional[str] = None
    correction: Optional[str] = None
    reviewer: Optional[str] = None
    at: dt.datetime


class QueueEntry(BaseModel):
    """A conflict as the review queue shows it: both claims, their keys, its verdict."""

    conflict_id: int = Field(description="row id in this reconciliation only")
    conflict: StoredConflict
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
