"""The claims browser, one fact with its sources, and the corroborated facts."""

from __future__ import annotations

from flask import Flask, abort, jsonify, render_template

from .web import PER_PAGE, arg, claim_json, document_json, offset, page_arg, paging, store, wants_json


def claims_browser():
    page = page_arg()
    filters = {k: arg(k) for k in ("subject", "metric", "period", "source")}
    text = arg("q")
    rows, total = store().claims_page(**filters, text=text, limit=PER_PAGE, offset=offset(page))
    pages = paging(page, total)
    if wants_json():
        return jsonify({**pages, "filters": {**filters, "q": text}, "claims": [claim_json(c) for c in rows]})
    s = store()
    documents = {c.document_id: s.document_row(c.document_id) for c in rows}
    return render_template(
        "claims.html", rows=rows, documents=documents, paging=pages, filters=filters, q=text or ""
    )


def fact(claim_id: int):
    s = store()
    claim = s.claim(claim_id)
    if claim is None:
        abort(404, description="No such claim.")
    group = s.corroboration_of(claim_id) or [claim]
    documents = {c.document_id: s.document_row(c.document_id) for c in group}
    if wants_json():
        sources = [{"claim": claim_json(c), "document": document_json(documents[c.document_id])} for c in group]
        return jsonify({"claim": claim_json(claim), "sources": sources})
    return render_template("fact.html", claim=claim, group=group, documents=documents)


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
    app.add_url_rule("/facts", view_func=facts, methods=["GET"])
