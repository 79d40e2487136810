"""The claims browser, one fact with its sources and its rating, and the corroborated facts."""

from __future__ import annotations

from typing import Optional

from flask import Flask, abort, flash, jsonify, redirect, render_template, request, url_for

from claims.store import StoredClaim
from claims.verdicts import rating_kinds

from .ratings import rating_json, rating_problem, ratings_of
from .web import PER_PAGE, arg, claim_json, current_user, document_json, offset, page_arg, paging, store, wants_json


def claims_browser():
    page = page_arg()
    filters = {k: arg(k) for k in ("subject", "metric", "period", "source")}
    text = arg("q")
    rows, total = store().claims_page(**filters, text=text, limit=PER_PAGE, offset=offset(page))
    pages = paging(page, total)
    s = store()
    ratings = s.current_ratings_of(rows)
    if wants_json():
        claims = [{**claim_json(c), "rating": rating_json(ratings.get(c.id))} for c in rows]
        return jsonify({**pages, "filters": {**filters, "q": text}, "claims": claims})
    documents = {c.document_id: s.document_row(c.document_id) for c in rows}
    return render_template(
        "claims.html", rows=rows, documents=documents, ratings=ratings, paging=pages, filters=filters, q=text or ""
    )


def fact(claim_id: int):
    claim = store().claim(claim_id)
    if claim is None:
        abort(404, description="No such claim.")
    return fact_page(claim)


def fact_page(claim: StoredClaim, form_error: Optional[str] = None, form: Optional[dict] = None):
    """A claim with every source that states it, its rating and the rating form; after
    a refused rating, with the message and what was typed (400)."""
    s = store()
    group = s.corroboration_of(claim.id) or [claim]
    documents = {c.document_id: s.document_row(c.document_id) for c in group}
    history = ratings_of(claim)
    if wants_json():
        sources = [{"claim": claim_json(c), "document": document_json(documents[c.document_id])} for c in group]
        return jsonify(
            {
                "claim": claim_json(claim),
                "sources": sources,
                "rating": rating_json(history[0] if history else None),
                "ratings": [rating_json(r) for r in history],
            }
        )
    page = render_template(
        "fact.html", claim=claim, group=group, documents=documents, history=history,
        rating=history[0] if history else None, form_error=form_error, form=form or {},
    )  # fmt: skip
    return page, 400 if form_error else 200


def record_rating(claim_id: int):
    user = current_user()
    if user is None:
        abort(403, description="Sign in to rate a claim.")
    claim = store().claim(claim_id)
    if claim is None:
        abort(404, description="No such claim.")
    status = request.form.get("rating", "")
    note = request.form.get("note", "").strip() or None
    correction = request.form.get("correction", "").strip() or None
    kind = rating_kinds().get(status)
    problem = rating_problem(kind, note, correction)
    if problem:
        return fact_page(claim, form_error=problem, form={"rating": status, "note": note, "correction": correction})
    store().add_rating(claim.id, status, reviewer=user.name, note=note, correction=correction)
    flash(f"Rating recorded: {kind.done}.")
    return redirect(url_for("fact", claim_id=claim.id), code=303)


def facts():
    page = page_arg()
    groups, total = store().corroborations_page(limit=PER_PAGE, offset=offset(page))
    pages = paging(page, total)
    if wants_json():
        return jsonify({**pages, "facts": [[claim_json(c) for c in group] for group in groups]})
    return render_template("facts.html", groups=groups, paging=pages)


def register(app: Flask) -> None:
    app.add_url_rule("/claims", endpoint="claims_browser", view_func=claims_browser, methods=["GET"])
    app.add_url_rule("/fact/<int:claim_id>", view_func=fact, methods=["GET"])
    app.add_url_rule("/fact/<int:claim_id>/rating", view_func=record_rating, methods=["POST"])
    app.add_url_rule("/facts", view_func=facts, methods=["GET"])
