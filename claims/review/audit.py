"""The audit log: every verdict on a conflict and every rating of a claim ever
recorded, newest first."""

from __future__ import annotations

from typing import Optional

from flask import Flask, jsonify, render_template
from pydantic import BaseModel

from claims.store import RatingRow, ReviewRow, StoredClaim
from claims.verdicts import RatingKind, VerdictKind, rating_kinds, verdict_kinds

from .ratings import rating_json
from .web import PER_PAGE, claim_json, offset, page_arg, paging, review_json, store, wants_json


class AuditRow(BaseModel):
    """A verdict on a pair (`review`, `a`, `b`) or a rating of one claim (`rating`, `a`)."""

    review: Optional[ReviewRow] = None
    verdict: Optional[VerdictKind] = None
    rating: Optional[RatingRow] = None
    rating_kind: Optional[RatingKind] = None
    a: Optional[StoredClaim] = None
    b: Optional[StoredClaim] = None


def _audit_json(row: AuditRow) -> dict:
    if row.rating is not None:
        return {**rating_json(row.rating), "claim": claim_json(row.a) if row.a else None}
    return {
        **review_json(row.review),
        "a_claim": claim_json(row.a) if row.a else None,
        "b_claim": claim_json(row.b) if row.b else None,
    }


def _audit_row(what: str, row_id: int) -> AuditRow:
    s = store()
    if what == "rating":
        rating = s.rating(row_id)
        return AuditRow(rating=rating, rating_kind=rating_kinds().get(rating.rating), a=s.claim_by_key(rating.key))
    review = s.review(row_id)
    return AuditRow(
        review=review,
        verdict=verdict_kinds().get(review.status),
        a=s.claim_by_key(review.a) if review.a else None,
        b=s.claim_by_key(review.b) if review.b else None,
    )


def audit():
    page = page_arg()
    s = store()
    total = s.review_count() + s.rating_count()
    rows = [_audit_row(what, row_id) for what, row_id in s.audit_page(limit=PER_PAGE, offset=offset(page))]
    pages = paging(page, total)
    if wants_json():
        return jsonify(
            {
                **pages,
                "reviews": [_audit_json(r) for r in rows if r.review],
                "ratings": [_audit_json(r) for r in rows if r.rating],
            }
        )
    documents = {c.document_id: s.document_row(c.document_id) for r in rows for c in (r.a, r.b) if c}
    return render_template("audit.html", rows=rows, documents=documents, paging=pages)


def register(app: Flask) -> None:
    app.add_url_rule("/audit", view_func=audit, methods=["GET"])
