"""The editorial review web app (read-only for now): the conflicts queue.

`create_app(db_path)` returns a Flask WSGI app; `claims review` serves it with
waitress. Every page has a JSON twin (`?format=json`) for scripts. Article text is
untrusted input: templates are Jinja2 with autoescaping on, never `|safe`.
"""

from __future__ import annotations

from pathlib import Path

from flask import Flask, jsonify, render_template, request

from claims.store import ClaimStore


def create_app(db_path: str | Path) -> Flask:
    app = Flask(__name__)
    app.config["CLAIMS_DB"] = str(db_path)

    def open_store() -> ClaimStore:
        return ClaimStore(app.config["CLAIMS_DB"])

    @app.after_request
    def security_headers(resp):
        resp.headers.setdefault("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'")
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("X-Frame-Options", "DENY")
        resp.headers.setdefault("Referrer-Policy", "same-origin")
        return resp

    @app.get("/")
    def queue():
        with open_store() as store:
            conflicts = store.conflicts()
            counts = store.counts()
        if request.args.get("format") == "json":
            return jsonify([c.contract_dict() for c in conflicts])
        return render_template("queue.html", conflicts=conflicts, counts=counts)

    return app
