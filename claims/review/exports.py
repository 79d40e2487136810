"""Downloads: claims, verdicts and ratings as CSV or JSON, verdicts and ratings as ClaimReview."""

from __future__ import annotations

import io

from flask import Flask, Response, abort, current_app, jsonify, render_template, url_for

from claims import exports

from .web import store, wants_json

EXPORTS = {
    ("claims", "csv"), ("claims", "json"), ("verdicts", "csv"), ("verdicts", "json"),
    ("ratings", "csv"), ("ratings", "json"), ("claimreview", "json"),
}  # fmt: skip


def export_index():
    links = [
        {"what": what, "format": fmt, "url": url_for("export", what=what, fmt=fmt)} for what, fmt in sorted(EXPORTS)
    ]
    if wants_json():
        return jsonify({"exports": links})
    return render_template("exports.html", links=links)


def export(what: str, fmt: str):
    if (what, fmt) not in EXPORTS:
        abort(404, description="No such export.")
    s = store()
    body = io.StringIO()
    if what == "claimreview":
        # The configured address, else links relative to this site: never the Host
        # header, which the client chooses.
        base_url = current_app.config["CLAIMS_BASE_URL"] or "/"
        organization = current_app.config["CLAIMS_ORGANIZATION"]
        data = exports.claim_reviews(s, base_url=base_url, organization=organization)
        exports.write_json(data, body)
        return Response(body.getvalue(), mimetype="application/ld+json")
    rows = {"claims": exports.claim_rows, "verdicts": exports.verdict_rows, "ratings": exports.rating_rows}[what](s)
    if fmt == "csv":
        exports.write_csv(rows, body)
        resp = Response(body.getvalue(), mimetype="text/csv")
    else:
        exports.write_json(rows, body)
        resp = Response(body.getvalue(), mimetype="application/json")
    resp.headers["Content-Disposition"] = f'attachment; filename="{what}.{fmt}"'
    return resp


def register(app: Flask) -> None:
    app.add_url_rule("/export", view_func=export_index, methods=["GET"])
    app.add_url_rule("/export/<what>.<fmt>", view_func=export, methods=["GET"])
