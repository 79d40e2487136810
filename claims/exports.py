"""Exports for scripts and publishers: claims, verdicts and ratings as CSV or JSON, and
schema.org ClaimReview JSON-LD for the claims a verdict or a rating judges.

    with ClaimStore("claims.db") as store:
        rows = claim_rows(store, subject="Alphabet")        # ClaimRow records
        write_csv(rows, sys.stdout)
        reviews = claim_reviews(store, base_url="https://review.example.org/")
        assert all(not claimreview_problems(r) for r in reviews)

A verdict rates a claim when its kind has a rating for that side in
claims/data/verdicts.toml ("side A wrong" rates A False; a confirmed conflict rates both
Disputed); "not comparable" and "needs research" rate nothing. A reviewer's rating of a
single claim (accurate, inaccurate, misleading, unsupported; `[ratings]` in the same
file) gives that claim a ClaimReview of its own, with the correction and note in its
explanation, linked to the claim's page. Each ClaimReview names
the claim's author (the source the article credits, else the article's author, else its
publisher) and where it appeared: the article's own URL when it has one, else its page
in the review app (by content hash, which does not change when the database is rebuilt).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from typing import IO, Iterable, Optional, Unpack
from urllib.parse import urlsplit

from pydantic import BaseModel

from extract.records import Claim

from claims.doc_names import document_label
from claims.store import ClaimKey, ClaimStore, DocumentRow, RatingRow, ReviewRow, StoredClaim
from claims.store.queries import ClaimFilter
from claims.verdicts import Rating, RatingKind, rating_kinds, verdict_kinds, vocabulary

SCHEMA_CONTEXT = "https://schema.org"
DEFAULT_BASE_URL = "http://127.0.0.1:8023/"
DEFAULT_ORGANIZATION = "claims editorial review"

_DOCUMENT_FIELDS = ("title", "url", "publisher", "published", "author")


def is_web_url(url: Optional[str]) -> bool:
    """Only http(s) URLs from an article are ever linked or published."""
    if not url:
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def conflict_path(a_id: int, b_id: int) -> str:
    return f"conflict/{a_id}-{b_id}"


def claim_path(claim_id: int) -> str:
    return f"fact/{claim_id}"


def document_path(document: DocumentRow) -> str:
    return f"document/{document.content_hash}"


def _documents(store: ClaimStore) -> dict[int, DocumentRow]:
    return {d.id: d for d in store.documents()}


class ClaimRow(BaseModel):
    """One exported claim: its row id and key, the claim (the contract's fields) and its document."""

    claim: StoredClaim
    key: ClaimKey
    document: DocumentRow

    def flat(self) -> dict:
        """The CSV/JSON row: id, key, the contract's claim fields, then document_title ... document_hash."""
        row = {"id": self.claim.id, "key": str(self.key)}
        row.update(Claim.model_validate(self.claim.model_dump()).contract_dict())
        for field in _DOCUMENT_FIELDS:
            value = getattr(self.document, field)
            row[f"document_{field}"] = value.isoformat() if hasattr(value, "isoformat") else value
        row["document_hash"] = self.document.content_hash
        return row


def claim_rows(store: ClaimStore, **filters: Unpack[ClaimFilter]) -> list[ClaimRow]:
    """Claims (filtered as `claims query` filters) with their document's metadata and
    their key (document hash:start:end)."""
    documents = _documents(store)
    rows = []
    for c in store.claims(**filters):
        d = documents[c.document_id]
        rows.append(ClaimRow(claim=c, key=ClaimKey(doc_hash=d.content_hash, start=c.start, end=c.end), document=d))
    return rows


def verdict_rows(store: ClaimStore) -> list[dict]:
    """Every verdict ever recorded (the audit log, oldest first), one flat dict each:
    who, when, what, and the two claims as the reviewer saw them. `current` marks the
    latest verdict on its pair; the others are its history."""
    current = {r.id for r in store.current_reviews()}
    rows = []
    for review in reversed(store.reviews()):
        row = {
            "id": review.id,
            "at": review.at.isoformat(),
            "reviewer": review.reviewer,
            "status": review.status,
            "reason": review.reason,
            "note": review.note,
            "current": review.id in current,
            "pair_key": review.pair_key,
        }
        for side, key in (("a", review.a), ("b", review.b)):
            claim = store.claim_by_key(key) if key else None
            row[f"{side}_key"] = str(key) if key else None
            row[f"{side}_doc"] = claim.doc if claim else None
            row[f"{side}_surface"] = claim.surface if claim else None
            row[f"{side}_quote"] = claim.quote if claim else None
            row[f"{side}_value"] = claim.value if claim else None
            row[f"{side}_low"] = claim.low if claim else None
            row[f"{side}_high"] = claim.high if claim else None
            row[f"{side}_unit"] = claim.unit if claim else None
        rows.append(row)
    return rows


def rating_rows(store: ClaimStore) -> list[dict]:
    """Every rating of a single claim ever recorded (oldest first), one flat dict each:
    who, when, the rating, its note and correction, and the claim as it was rated.
    `current` marks the latest rating of its claim; the others are its history."""
    current = {r.id for r in store.current_ratings()}
    rows = []
    for rating in reversed(store.ratings()):
        claim = store.claim_by_key(rating.key)
        rows.append(
            {
                "id": rating.id,
                "at": rating.at.isoformat(),
                "reviewer": rating.reviewer,
                "rating": rating.rating,
                "correction": rating.correction,
                "note": rating.note,
                "current": rating.id in current,
                "key": str(rating.key),
                "doc": claim.doc if claim else None,
                "surface": claim.surface if claim else None,
                "quote": claim.quote if claim else None,
                "value": claim.value if claim else None,
                "low": claim.low if claim else None,
                "high": claim.high if claim else None,
                "unit": claim.unit if claim else None,
            }
        )
    return rows


# --------------------------------------------------------------------------- ClaimReview


def _claim_author(claim: StoredClaim, document: DocumentRow) -> dict:
    if claim.source:
        return {"@type": "Organization", "name": claim.source}
    if document.author:
        return {"@type": "Person", "name": document.author}
    if document.publisher:
        return {"@type": "Organization", "name": document.publisher}
    url = document.url or document.final_url
    if is_web_url(url):
        return {"@type": "Organization", "name": urlsplit(url).netloc}
    return {"@type": "Organization", "name": f"unknown author ({document.title or document.doc})"}


def _appearance(document: DocumentRow, base_url: str) -> dict:
    url = next((u for u in (document.url, document.final_url) if is_web_url(u)), None)
    appearance = {"@type": "CreativeWork", "url": url or base_url + document_path(document)}
    if document.title:
        appearance["headline"] = document.title
    if document.publisher:
        appearance["publisher"] = {"@type": "Organization", "name": document.publisher}
    if document.published:
        appearance["datePublished"] = document.published.isoformat()
    return appearance


def _claim_review(
    claim: StoredClaim,
    document: DocumentRow,
    rating: Rating,
    explanation: str,
    url: str,
    at: dt.datetime,
    reviewer: Optional[str],
    base_url: str,
    organization: str,
) -> dict:
    scale = vocabulary().scale
    item = {
        "@type": "Claim",
        "author": _claim_author(claim, document),
        "appearance": [_appearance(document, base_url)],
    }
    if document.published:
        item["datePublished"] = document.published.isoformat()
    review = {
        "@context": SCHEMA_CONTEXT,
        "@type": "ClaimReview",
        "url": url,
        "datePublished": at.date().isoformat(),
        "author": {"@type": "Organization", "name": organization},
        "contributor": {"@type": "Person", "name": reviewer} if reviewer else None,
        "claimReviewed": claim.quote,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating.value,
            "bestRating": scale.best,
            "worstRating": scale.worst,
            "alternateName": rating.name,
            "ratingExplanation": explanation,
        },
        "itemReviewed": item,
    }
    return {k: v for k, v in review.items() if v is not None}


def _verdict_explanation(
    rating: Rating, other: Optional[StoredClaim], other_document: Optional[DocumentRow], review: ReviewRow
) -> str:
    explanation = rating.explanation
    if other is not None:
        explanation += f" Other figure: {other.surface!r} ({document_label(other_document, other.doc)})."
    if review.note:
        explanation += f" Reviewer's note: {review.note}"
    return explanation


def _rating_explanation(kind: RatingKind, rating: RatingRow) -> str:
    explanation = kind.rating.explanation
    if rating.correction:
        explanation += f" Correction: {rating.correction}."
    if rating.note:
        explanation += f" Reviewer's note: {rating.note}"
    return explanation


def claim_reviews(
    store: ClaimStore, base_url: str = DEFAULT_BASE_URL, organization: str = DEFAULT_ORGANIZATION
) -> list[dict]:
    """A ClaimReview for every claim the current verdicts rate (oldest verdict first),
    then one for every claim a reviewer rated on its own (its current rating, oldest
    first).

    `base_url` is where the review app is published (its conflict, claim and document
    pages are linked); `organization` is the ClaimReview's author.
    """
    base_url = base_url if base_url.endswith("/") else base_url + "/"
    documents = _documents(store)
    return [
        *_verdict_reviews(store, documents, base_url, organization),
        *_rating_reviews(store, documents, base_url, organization),
    ]


def _verdict_reviews(store: ClaimStore, documents: dict, base_url: str, organization: str) -> list[dict]:
    kinds = verdict_kinds()
    out = []
    for review in store.current_reviews():
        kind = kinds.get(review.status)
        if kind is None or review.a is None or review.b is None:
            continue
        a, b = store.claim_by_key(review.a), store.claim_by_key(review.b)
        # Ids of the claims as they are now, so the review page link resolves.
        url = base_url + conflict_path(a.id if a else review.a_claim_id, b.id if b else review.b_claim_id)
        for claim, other, rating in ((a, b, kind.rate_a), (b, a, kind.rate_b)):
            if claim is None or rating is None:
                continue
            other_document = documents.get(other.document_id) if other else None
            explanation = _verdict_explanation(rating, other, other_document, review)
            out.append(
                _claim_review(claim, documents[claim.document_id], rating, explanation, url, review.at,
                              review.reviewer, base_url, organization)
            )  # fmt: skip
    return out


def _rating_reviews(store: ClaimStore, documents: dict, base_url: str, organization: str) -> list[dict]:
    kinds = rating_kinds()
    out = []
    for rating in store.current_ratings():
        kind, claim = kinds.get(rating.rating), store.claim_by_key(rating.key)
        if kind is None or claim is None:
            continue
        out.append(
            _claim_review(claim, documents[claim.document_id], kind.rating, _rating_explanation(kind, rating),
                          base_url + claim_path(claim.id), rating.at, rating.reviewer, base_url, organization)
        )  # fmt: skip
    return out


def claimreview_problems(item: dict) -> list[str]:
    """What a ClaimReview lacks of the fields schema.org consumers require (empty: none).

    claimReviewed, reviewRating (a Rating with alternateName, and a ratingValue inside
    worstRating..bestRating), url, author with a name, datePublished, and itemReviewed:
    a Claim with an author with a name and an appearance with a web URL.
    """
    problems = []

    def need(ok: bool, what: str) -> None:
        if not ok:
            problems.append(what)

    def named(thing) -> bool:
        return isinstance(thing, dict) and bool(thing.get("@type")) and bool(str(thing.get("name") or "").strip())

    need(item.get("@context") in (SCHEMA_CONTEXT, "http://schema.org"), "@context is not schema.org")
    need(item.get("@type") == "ClaimReview", "@type is not ClaimReview")
    need(bool(str(item.get("claimReviewed") or "").strip()), "claimReviewed is empty")
    need(is_web_url(item.get("url")), "url is not a web URL")
    need(named(item.get("author")), "author has no @type and name")
    need(bool(item.get("datePublished")), "datePublished is missing")
    rating = item.get("reviewRating")
    if not isinstance(rating, dict):
        problems.append("reviewRating is missing")
    else:
        need(rating.get("@type") == "Rating", "reviewRating.@type is not Rating")
        need(bool(str(rating.get("alternateName") or "").strip()), "reviewRating.alternateName is empty")
        value, best, worst = rating.get("ratingValue"), rating.get("bestRating"), rating.get("worstRating")
        numbers = all(isinstance(x, (int, float)) for x in (value, best, worst))
        need(numbers and worst <= value <= best, "reviewRating.ratingValue is not within worstRating..bestRating")
    claim = item.get("itemReviewed")
    if not isinstance(claim, dict):
        problems.append("itemReviewed is missing")
    else:
        need(claim.get("@type") == "Claim", "itemReviewed.@type is not Claim")
        need(named(claim.get("author")), "itemReviewed.author has no @type and name")
        appearances = claim.get("appearance")
        appearances = appearances if isinstance(appearances, list) else [appearances]
        need(
            any(isinstance(a, dict) and is_web_url(a.get("url")) for a in appearances),
            "itemReviewed.appearance has no web URL",
        )
    return problems


# --------------------------------------------------------------------------- writers


def _flat(rows: Iterable[dict | ClaimRow]) -> list[dict]:
    return [row.flat() if isinstance(row, ClaimRow) else row for row in rows]


def write_csv(rows: Iterable[dict | ClaimRow], out: IO[str]) -> None:
    """Rows as CSV, the columns of the first row (an empty export writes nothing)."""
    rows = _flat(rows)
    if not rows:
        return
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _csv_cell(v) for k, v in row.items()})


# A spreadsheet runs a text cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value):
    """Article text is untrusted: a text cell a spreadsheet would run as a formula is
    written with a leading apostrophe (numbers stay numbers)."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_json(data, out: IO[str]) -> None:
    """Data as indented JSON; a list of exported claims as their flat rows."""
    json.dump(_flat(data) if isinstance(data, list) else data, out, ensure_ascii=False, indent=2)
    out.write("\n")
