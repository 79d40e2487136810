"""The conflicts queue: every conflict, its current verdict, filters and pages."""

from __future__ import annotations

from typing import Optional

from flask import Flask, abort, jsonify, render_template, url_for
from pydantic import BaseModel

from claims.store import QueueEntry, ReviewRow
from claims.verdicts import VerdictKind, as_seen_from, verdict_kinds

from .web import PER_PAGE, arg, offset, page_arg, paging, review_json, store, wants_json


class QueueRow(BaseModel):
    entry: QueueEntry
    review: Optional[ReviewRow] = None  # as seen from the pair's current side A
    verdict: Optional[VerdictKind] = None


def queue_row(entry: QueueEntry) -> QueueRow:
    review = as_seen_from(entry.review, entry.a_key) if entry.review else None
    return QueueRow(entry=entry, review=review, verdict=verdict_kinds().get(review.status) if review else None)


def _conflict_json(row: QueueRow) -> dict:
    conflict = row.entry.conflict
    return {
        **conflict.contract_dict(),
        "url": url_for("conflict", a_id=conflict.a.id, b_id=conflict.b.id),
        "pair_key": row.entry.pair_key,
        "review": review_json(row.review),
    }


def queue():
    page = page_arg()
    status, subject, metric = arg("status"), arg("subject"), arg("metric")
    if status and status not in ("open", "reviewed", *verdict_kinds()):
        abort(400, description=f"unknown status {status!r}")
    entries, total = store().conflict_queue(
        status=status, subject=subject, metric=metric, limit=PER_PAGE, offset=offset(page)
    )
    rows = [queue_row(e) for e in entries]
    pages = paging(page, total)
    if wants_json():
        filters = {"status": status, "subject": subject, "metric": metric}
        return jsonify({**pages, "filters": filters, "conflicts": [_conflict_json(r) for r in rows]})
    s = store()
    documents = {c.document_id: s.document_row(c.document_id) for e in entries for c in (e.conflict.a, e.conflict.b)}
    return render_template(
        "queue.html", rows=rows, documents=documents, paging=pages,
        status=status or "", subject=subject or "", metric=metric or "",
    )  # fmt: skip


def register(app: Flask) -> None:
    # "/" first: the queue's canonical URL.
    app.add_url_rule("/", endpoint="queue", view_func=queue, methods=["GET"])
    app.add_url_rule("/conflicts", endpoint="queue", view_func=queue, methods=["GET"])
