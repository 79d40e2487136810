"""The audit log: every verdict ever recorded, newest first."""

from __future__ import annotations

from typing import Optional

from flask import Flask, jsonify, render_template
from pydantic import BaseModel

from claims.store import ReviewRow, StoredClaim
from claims.verdicts import VerdictKind, verdict_kinds

from .web import PER_PAGE, claim_json, offset, page_arg, paging, review_json, store, wants_json


class AuditRow(BaseModel):
    review: ReviewRow
    verdict: Optional[VerdictKind] = None
    a: Optional[StoredClaim] = None
    b: Optional[StoredClaim] = None


def _audit_json(row: AuditRow) -> dict:
    return {
        **review_json(row.review),
        "a_claim": claim_json(row.a) if row.a else None,
        "b_claim": claim_json(row.b) if row.b else None,
    }


def audit():
    page = page_arg()
    s = store()
    total = s.review_count()
    rows = [
        AuditRow(
            review=r,
            verdict=verdict_kinds().get(r.status),
            a=s.claim_by_key(r.a) if r.a else None,
            b=s.claim_by_key(r.b) if r.b else None,
        )
        for r in s.reviews(limit=PER_PAGE, offset=offset(page))
    ]
    pages = paging(page, total)
    if wants_json():
        return jsonify({**pages, "reviews": [_audit_json(r) for r in rows]})
    return render_template("audit.html", rows=rows, paging=pages)


def register(app: Flask) -> None:
    app.add_url_rule("/audit", view_func=audit, methods=["GET"])
