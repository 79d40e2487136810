"""One document: its text with every figure marked, and its claims."""

from __future__ import annotations

from flask import Flask, abort, jsonify, render_template

from .excerpts import document_segments
from .web import claim_json, document_json, store, wants_json


# A row id SQLite can hold; anything longer is no document.
MAX_ID_DIGITS = 18


def document(key: str):
    if key.isdigit() and (not key.isascii() or len(key) > MAX_ID_DIGITS):
        abort(404, description="No such document.")  # "²" is a digit but no number
    s = store()
    row = s.document_row(key)
    if row is None:
        abort(404, description="No such document.")
    text = s.article(row.id).text
    claims, _ = s.claims_page(document_id=row.id, limit=None)
    if wants_json():
        return jsonify({"document": document_json(row), "text": text, "claims": [claim_json(c) for c in claims]})
    return render_template("document.html", document=row, segments=document_segments(text, claims), claims=claims)


def register(app: Flask) -> None:
    app.add_url_rule("/document/<key>", view_func=document, methods=["GET"])
