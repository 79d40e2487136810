"""The editorial review web app: the conflicts queue, verdicts, claims, facts, documents.

`create_app(db_path)` returns a Flask WSGI app; `claims review --db FILE` serves it with
waitress. Pages are server-rendered Jinja2 templates (autoescaped; article text is
untrusted input and is never marked safe); every page has a JSON twin (`?format=json`)
for scripts. One module per page group, each a view function per page and a
`register(app)` that adds its routes: queue, conflict, claims (browser and facts),
documents, audit, auth (sign in and out), exports. `web` holds what they share.

Reading is open. Recording a verdict needs a reviewer's session (`claims user add`):
the session is a signed cookie (HttpOnly, SameSite=Lax) naming a session the server
keeps, so signing out or a new password ends it; its key, the password hashes and the
sessions live in a 0600 secrets file beside the database, never in it (or the key comes
from $CLAIMS_REVIEW_SECRET_KEY), so a restart keeps reviewers signed in; every form carries a CSRF token; failed sign-ins are
rate-limited per address and per name. Verdicts are appended to the `reviews` table,
never changed; the latest one on a pair is its current verdict, and the pair is named by
its claims' document hashes and spans, so re-running the pipeline never loses it.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit

from flask import Flask, Response, abort, current_app, get_flashed_messages, jsonify, render_template, request, session
from werkzeug.exceptions import HTTPException, TooManyRequests

from claims import exports as claim_exports
from claims.users import same_token
from claims.verdicts import rating_kinds, verdict_kinds

from . import audit, auth, claims, conflict, documents, exports, queue
from .excerpts import Excerpt, Segment, document_segments, hedge, kind_name, paragraph_excerpt, quote_parts
from .throttle import LoginThrottle
from .web import csrf_token, current_user, figure, json_url, page_url, vault, wants_json

__all__ = ["Excerpt", "LoginThrottle", "Segment", "create_app", "document_segments", "paragraph_excerpt"]

SESSION_LIFETIME = dt.timedelta(hours=12)
SECRET_KEY_ENV = "CLAIMS_REVIEW_SECRET_KEY"
# With --secure-cookies the app is served over HTTPS: browsers keep to it for a year.
HSTS = "max-age=31536000; includeSubDomains"
PAGE_GROUPS = (auth, queue, conflict, claims, documents, audit, exports)

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)


def create_app(
    db_path: str | Path,
    *,
    secret_key: Optional[str] = None,
    secure_cookies: bool = False,
    organization: str = claim_exports.DEFAULT_ORGANIZATION,
    login_throttle: Optional[LoginThrottle] = None,
    base_url: Optional[str] = None,
) -> Flask:
    """The review app on the database at `db_path`.

    secret_key: signs session cookies; default $CLAIMS_REVIEW_SECRET_KEY, else a key
    made once and kept in the 0600 secrets file beside the database (claims/store/vault.py). secure_cookies: send the session cookie over
    HTTPS only (set it when serving behind TLS). organization: the author named in
    ClaimReview exports. base_url: where the app is published (links in ClaimReview
    exports; relative links without it), and the one origin a POST may come from
    besides the address it was sent to.
    """
    # Templates and static files live in the `claims` package, beside this one.
    app = Flask("claims")
    app.config["CLAIMS_DB"] = str(db_path)
    app.config["CLAIMS_ORGANIZATION"] = organization
    app.config["CLAIMS_BASE_URL"] = base_url
    with app.app_context():
        key = secret_key or os.environ.get(SECRET_KEY_ENV) or vault().secret_key()
    app.config.update(
        SECRET_KEY=key,
        SESSION_COOKIE_NAME="claims_review",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=secure_cookies,
        PERMANENT_SESSION_LIFETIME=SESSION_LIFETIME,
        MAX_CONTENT_LENGTH=64 * 1024,
    )
    app.extensions["claims_login_throttle"] = LoginThrottle() if login_throttle is None else login_throttle
    app.jinja_env.globals.update(
        csrf_token=csrf_token,
        current_user=current_user,
        page_url=page_url,
        json_url=json_url,
        verdict_kinds=verdict_kinds,
        rating_kinds=rating_kinds,
        is_web_url=claim_exports.is_web_url,
        flashed=get_flashed_messages,
    )
    app.jinja_env.filters["figure"] = figure
    app.jinja_env.globals.update(quote_parts=quote_parts, hedge=hedge, kind_name=kind_name)
    app.before_request(check_csrf)
    app.after_request(security_headers)
    app.register_error_handler(HTTPException, http_error)
    for group in PAGE_GROUPS:
        group.register(app)
    return app


def check_csrf():
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        check_origin()
        if not same_token(request.form.get("csrf_token"), session.get("csrf")):
            abort(400, description="The form's CSRF token is missing or wrong; reload the page and try again.")


def check_origin():
    """A browser names the page a POST comes from: it must be this site (the address
    the request was sent to, or the configured base URL). No Origin (an older client,
    a script) leaves the CSRF token as the guard."""
    origin = request.headers.get("Origin")
    if origin is None:
        return
    allowed = {_origin(request.host_url)}
    if current_app.config["CLAIMS_BASE_URL"]:
        allowed.add(_origin(current_app.config["CLAIMS_BASE_URL"]))
    if _origin(origin) not in allowed:
        abort(403, description="This form was sent from another site.")


def _origin(url: str) -> str:
    parts = urlsplit(url.strip())
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else "null"


def security_headers(resp: Response) -> Response:
    resp.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    resp.headers.setdefault("X-Content-Type-Options", "nosniff")
    resp.headers.setdefault("X-Frame-Options", "DENY")
    resp.headers.setdefault("Referrer-Policy", "same-origin")
    resp.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    if session.get("user"):
        resp.headers.setdefault("Cache-Control", "private, no-store")
    if current_app.config["SESSION_COOKIE_SECURE"]:
        resp.headers.setdefault("Strict-Transport-Security", HSTS)
    return resp


def http_error(e: HTTPException):
    if wants_json() or request.path.startswith("/export/"):
        resp = jsonify({"error": e.name, "description": e.description})
    else:
        resp = Response(render_template("error.html", error=e), mimetype="text/html")
    resp.status_code = e.code or 500
    if isinstance(e, TooManyRequests) and e.retry_after:
        resp.headers["Retry-After"] = str(e.retry_after)
    return resp
