"""One conflict: both claims in their paragraphs, its history, and verdicts on it."""

from __future__ import annotations

from typing import Optional

from flask import Flask, abort, flash, jsonify, redirect, render_template, request, url_for
from pydantic import BaseModel

from claims.doc_names import document_label, readable_why
from claims.store import DocumentRow, QueueEntry, StoredClaim
from claims.verdicts import as_seen_from, verdict_kinds

from .excerpts import Excerpt, paragraph_excerpt
from .queue import queue_row
from .web import MAX_NOTE, MAX_REASON, claim_json, current_user, document_json, review_json, store, wants_json


class Side(BaseModel):
    label: str
    claim: StoredClaim
    document: DocumentRow
    excerpt: Excerpt


def _entry_or_404(a_id: int, b_id: int) -> QueueEntry:
    entry = store().conflict_entry(a_id, b_id)
    if entry is None:
        abort(404, description="No such conflict in this database (a re-run may have resolved it).")
    return entry


def _side(label: str, claim: StoredClaim) -> Side:
    s = store()
    document = s.document_row(claim.document_id)
    text = s.article(claim.document_id).text
    return Side(label=label, claim=claim, document=document, excerpt=paragraph_excerpt(text, claim))


def conflict(a_id: int, b_id: int):
    entry = _entry_or_404(a_id, b_id)
    a, b = entry.conflict.a, entry.conflict.b
    if (a.id, b.id) != (a_id, b_id):
        return redirect(url_for("conflict", a_id=a.id, b_id=b.id, **request.args.to_dict()))
    return _conflict_page(entry)


def _conflict_page(entry: QueueEntry, form_error: Optional[str] = None, form: Optional[dict] = None):
    """The conflict page; after a refused verdict, with the message and what was typed."""
    sides = [_side("A", entry.conflict.a), _side("B", entry.conflict.b)]
    row = queue_row(entry)
    history = [as_seen_from(r, entry.a_key) for r in store().reviews(pair=entry.pair_key)]
    if wants_json():
        return jsonify(
            {
                **entry.conflict.contract_dict(),
                "pair_key": entry.pair_key,
                "explanation": explanation(entry, [side.document for side in sides]),
                "sides": [
                    {"claim": claim_json(side.claim), "document": document_json(side.document)} for side in sides
                ],
                "review": review_json(row.review),
                "history": [review_json(r) for r in history],
            }
        )
    page = render_template(
        "conflict.html", row=row, sides=sides, history=history, form_error=form_error, form=form or {},
        why=explanation(entry, [side.document for side in sides]),
    )  # fmt: skip
    return page, 400 if form_error else 200


def explanation(entry: QueueEntry, documents: list[DocumentRow]) -> str:
    """The conflict's `why` with its documents named by title and publisher."""
    claims = (entry.conflict.a, entry.conflict.b)
    labels = {c.doc: document_label(d, c.doc) for c, d in zip(claims, documents)}
    return readable_why(entry.conflict.why, labels)


def _verdict_problem(kind, reason: Optional[str], note: Optional[str]) -> Optional[str]:
    if kind.needs_reason and not reason:
        return f"“{kind.label}” needs a reason: say why the two figures cannot be compared."
    if (reason and len(reason) > MAX_REASON) or (note and len(note) > MAX_NOTE):
        return f"A reason has at most {MAX_REASON} characters, a note {MAX_NOTE}."
    return None


def record_verdict(a_id: int, b_id: int):
    user = current_user()
    if user is None:
        abort(403, description="Sign in to record a verdict.")
    entry = _entry_or_404(a_id, b_id)
    a, b = entry.conflict.a, entry.conflict.b
    status = request.form.get("status", "")
    kind = verdict_kinds().get(status)
    if kind is None:
        abort(400, description="Choose a verdict.")
    # The form names sides as the page showed them; the page always shows the
    # stored orientation, but a stale page from before a re-run may not.
    if (a_id, b_id) == (b.id, a.id):
        status = kind.mirror
    reason = request.form.get("reason", "").strip() or None
    note = request.form.get("note", "").strip() or None
    problem = _verdict_problem(kind, reason, note)
    if problem:
        return _conflict_page(entry, form_error=problem, form={"status": status, "reason": reason, "note": note})
    store().add_review(a.id, b.id, status, reviewer=user.name, reason=reason, note=note)
    flash(f"Verdict recorded: {verdict_kinds()[status].done}.")
    return redirect(url_for("conflict", a_id=a.id, b_id=b.id), code=303)


def register(app: Flask) -> None:
    app.add_url_rule("/conflict/<int:a_id>-<int:b_id>", view_func=conflict, methods=["GET"])
    app.add_url_rule("/conflict/<int:a_id>-<int:b_id>/verdict", view_func=record_verdict, methods=["POST"])
