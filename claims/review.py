"""The editorial review web app: the conflicts queue, verdicts, claims, facts, documents.

`create_app(db_path)` returns a Flask WSGI app; `claims review --db FILE` serves it with
waitress. Pages are server-rendered Jinja2 templates (autoescaped; article text is
untrusted input and is never marked safe); every page has a JSON twin (`?format=json`)
for scripts.

Reading is open. Recording a verdict needs a reviewer's session (`claims user add`):
the session is a signed cookie (HttpOnly, SameSite=Lax) whose key is kept in the
database, so a restart keeps reviewers signed in (or comes from
$CLAIMS_REVIEW_SECRET_KEY); every form carries a CSRF token; failed sign-ins are
rate-limited per address and per name. Verdicts are appended to the `reviews` table,
never changed; the latest one on a pair is its current verdict, and the pair is named by
its claims' document hashes and spans, so re-running the pipeline never loses it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import io
import math
import os
import secrets
import threading
import time
from collections import defaultdict, deque
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit

from flask import (
    Flask,
    Response,
    abort,
    flash,
    g,
    get_flashed_messages,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from pydantic import BaseModel
from werkzeug.exceptions import HTTPException, TooManyRequests

from claims import exports
from extract.records import Claim
from claims.store import ClaimStore, DocumentRow, QueueEntry, ReviewRow, StoredClaim, UserRow
from claims.users import authenticate, same_token
from claims.verdicts import VerdictKind, as_seen_from, verdict_kinds

PER_PAGE = 50
SESSION_LIFETIME = dt.timedelta(hours=12)
SECRET_KEY_ENV = "CLAIMS_REVIEW_SECRET_KEY"
# A paragraph longer than this (an HTML page whose text has no line breaks) is shown
# as a window of this many characters around the claim.
PARAGRAPH_WINDOW = 1200
MAX_NOTE = 4000
MAX_REASON = 500

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)


# --------------------------------------------------------------------------- sign-in limit


class LoginThrottle:
    """At most `limit` failed sign-ins per key (an address, a name) in `window` seconds.

    Kept in memory: a restart forgets it, which only ever lets someone try again sooner.
    """

    def __init__(self, limit: int = 5, window: float = 900.0, clock=time.monotonic):
        self.limit, self.window, self.clock = limit, window, clock
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        failures = self._failures[key]
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        return failures

    def retry_after(self, *keys: str) -> int:
        """Seconds until any of these keys may try again; 0 when all may now."""
        now = self.clock()
        with self._lock:
            waits = [
                failures[0] + self.window - now
                for failures in (self._recent(k, now) for k in keys)
                if len(failures) >= self.limit
            ]
        return math.ceil(max(waits)) if waits else 0

    def failed(self, *keys: str) -> None:
        now = self.clock()
        with self._lock:
            for key in keys:
                self._recent(key, now).append(now)

    def forget(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)


# --------------------------------------------------------------------------- highlighting


class Segment(BaseModel):
    """A run of article text and how to show it: plain, the claim's sentence, or the
    figure itself (`claim_id` set for the figures of a document page)."""

    text: str
    kind: str = "plain"
    claim_id: Optional[int] = None
    title: Optional[str] = None


class Excerpt(BaseModel):
    segments: list[Segment]
    cut_before: bool = False
    cut_after: bool = False


def paragraph_excerpt(text: str, claim: Claim) -> Excerpt:
    """The paragraph (line) that holds the claim, its sentence marked inside it and the
    figure marked inside that."""
    p0 = text.rfind("\n", 0, claim.start) + 1
    p1 = text.find("\n", claim.end)
    p1 = len(text) if p1 == -1 else p1
    cut_before = cut_after = False
    if p1 - p0 > PARAGRAPH_WINDOW:
        half = PARAGRAPH_WINDOW // 2
        if claim.start - half > p0:
            p0, cut_before = claim.start - half, True
        if claim.end + half < p1:
            p1, cut_after = claim.end + half, True
    q0, q1 = claim.start, claim.end
    # The quote is the sentence as stored; find the occurrence that contains the figure.
    at = text.find(claim.quote, max(p0, claim.end - len(claim.quote)), p1) if claim.quote else -1
    if claim.quote and 0 <= at <= claim.start and at + len(claim.quote) >= claim.end:
        q0, q1 = at, at + len(claim.quote)
    pieces = [
        (text[p0:q0], "plain"),
        (text[q0 : claim.start], "quote"),
        (text[claim.start : claim.end], "surface"),
        (text[claim.end : q1], "quote"),
        (text[q1:p1], "plain"),
    ]
    return Excerpt(
        segments=[Segment(text=t, kind=k) for t, k in pieces if t],
        cut_before=cut_before,
        cut_after=cut_after,
    )


def document_segments(text: str, claims: list[StoredClaim]) -> list[Segment]:
    """The whole text with every claim's figure marked (overlapping spans: the first
    one wins, the others are still listed beside the text)."""
    segments, at = [], 0
    for claim in sorted(claims, key=lambda c: (c.start, -c.end)):
        if claim.start < at:
            continue
        if claim.start > at:
            segments.append(Segment(text=text[at : claim.start]))
        fields = [claim.unit, claim.subject, claim.metric, claim.period]
        segments.append(
            Segment(
                text=text[claim.start : claim.end],
                kind="surface",
                claim_id=claim.id,
                title=" · ".join(f for f in fields if f),
            )
        )
        at = claim.end
    if at < len(text):
        segments.append(Segment(text=text[at:]))
    return segments


# --------------------------------------------------------------------------- view models


class QueueRow(BaseModel):
    entry: QueueEntry
    review: Optional[ReviewRow] = None  # as seen from the pair's current side A
    verdict: Optional[VerdictKind] = None


class Side(BaseModel):
    label: str
    claim: StoredClaim
    document: DocumentRow
    excerpt: Excerpt


class AuditRow(BaseModel):
    review: ReviewRow
    verdict: Optional[VerdictKind] = None
    a: Optional[StoredClaim] = None
    b: Optional[StoredClaim] = None


def _queue_row(entry: QueueEntry) -> QueueRow:
    review = as_seen_from(entry.review, entry.a_key) if entry.review else None
    return QueueRow(entry=entry, review=review, verdict=verdict_kinds().get(review.status) if review else None)


def _figure(value: Optional[float]) -> str:
    if value is None:
        return ""
    if value == int(value) and abs(value) < 1e18:
        return f"{int(value):,}"
    return f"{value:,.6g}"


def _claim_json(claim: StoredClaim) -> dict:
    data = claim.model_dump(mode="json")
    data["fact_url"] = url_for("fact", claim_id=claim.id)
    return data


def _document_json(document: DocumentRow) -> dict:
    data = document.model_dump(mode="json")
    data["page_url"] = url_for("document", key=document.content_hash)
    return data


def _review_json(review: Optional[ReviewRow]) -> Optional[dict]:
    if review is None:
        return None
    data = review.model_dump(mode="json")
    data["a"] = str(review.a) if review.a else None
    data["b"] = str(review.b) if review.b else None
    return data


def _safe_next(target: Optional[str]) -> str:
    """Only a path on this site: never another host (no open redirect)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return url_for("queue")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return url_for("queue")
    return target


def _page_arg() -> int:
    try:
        return max(1, int(request.args.get("page", "1")))
    except ValueError:
        abort(400, description="page must be a whole number")


def _arg(name: str) -> Optional[str]:
    value = request.args.get(name, "").strip()
    return value or None


def _wants_json() -> bool:
    return request.args.get("format") == "json"


def _paging(page: int, total: int) -> dict:
    return {"page": page, "per_page": PER_PAGE, "total": total, "pages": max(1, math.ceil(total / PER_PAGE))}


# --------------------------------------------------------------------------- the app


def create_app(
    db_path: str | Path,
    *,
    secret_key: Optional[str] = None,
    secure_cookies: bool = False,
    organization: str = exports.DEFAULT_ORGANIZATION,
    login_throttle: Optional[LoginThrottle] = None,
) -> Flask:
    """The review app on the database at `db_path`.

    secret_key: signs session cookies; default $CLAIMS_REVIEW_SECRET_KEY, else a key
    made once and kept in the database. secure_cookies: send the session cookie over
    HTTPS only (set it when serving behind TLS). organization: the author named in
    ClaimReview exports.
    """
    app = Flask(__name__)
    app.config["CLAIMS_DB"] = str(db_path)
    local = threading.local()

    def store() -> ClaimStore:
        """This thread's connection (SQLite connections belong to one thread)."""
        s = getattr(local, "store", None)
        if s is None:
            s = local.store = ClaimStore(app.config["CLAIMS_DB"])
        return s

    key = secret_key or os.environ.get(SECRET_KEY_ENV) or store().setting(
        "session_secret", lambda: secrets.token_hex(32)
    )
    app.config.update(
        SECRET_KEY=key,
        SESSION_COOKIE_NAME="claims_review",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=secure_cookies,
        PERMANENT_SESSION_LIFETIME=SESSION_LIFETIME,
        MAX_CONTENT_LENGTH=64 * 1024,
    )
    throttle = login_throttle or LoginThrottle()
    app.extensions["claims_login_throttle"] = throttle

    # ---- helpers shared by templates

    def csrf_token() -> str:
        if "csrf" not in session:
            session["csrf"] = secrets.token_urlsafe(32)
        return session["csrf"]

    def password_stamp(user: UserRow) -> str:
        """Ties a session to the password it was opened with, without putting any of
        the hash in the (signed, not encrypted) cookie."""
        mac = hmac.new(app.secret_key.encode("utf-8"), user.password_hash.encode("utf-8"), hashlib.sha256)
        return mac.hexdigest()[:32]

    def current_user() -> Optional[UserRow]:
        if "user" not in g:
            g.user = None
            name = session.get("user")
            if name:
                user = store().user(name)
                # A changed password ends the sessions signed in with the old one.
                if user and same_token(session.get("stamp"), password_stamp(user)):
                    g.user = user
        return g.user

    def page_url(page: int) -> str:
        args = {**(request.view_args or {}), **request.args.to_dict(), "page": page}
        return url_for(request.endpoint, **args)

    def json_url() -> str:
        args = {**(request.view_args or {}), **request.args.to_dict(), "format": "json"}
        return url_for(request.endpoint, **args)

    app.jinja_env.globals.update(
        csrf_token=csrf_token,
        current_user=current_user,
        page_url=page_url,
        json_url=json_url,
        verdict_kinds=verdict_kinds,
        is_web_url=exports.is_web_url,
    )
    app.jinja_env.filters["figure"] = _figure

    # ---- every request

    @app.before_request
    def check_csrf():
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            if not same_token(request.form.get("csrf_token"), session.get("csrf")):
                abort(400, description="The form's CSRF token is missing or wrong; reload the page and try again.")

    @app.after_request
    def security_headers(resp: Response) -> Response:
        resp.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("X-Frame-Options", "DENY")
        resp.headers.setdefault("Referrer-Policy", "same-origin")
        resp.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if session.get("user"):
            resp.headers.setdefault("Cache-Control", "private, no-store")
        return resp

    @app.errorhandler(HTTPException)
    def http_error(e: HTTPException):
        if _wants_json() or request.path.startswith("/export/"):
            resp = jsonify({"error": e.name, "description": e.description})
        else:
            resp = Response(render_template("error.html", error=e), mimetype="text/html")
        resp.status_code = e.code or 500
        if isinstance(e, TooManyRequests) and e.retry_after:
            resp.headers["Retry-After"] = str(e.retry_after)
        return resp

    # ---- sign in and out

    @app.route("/login", methods=["GET", "POST"])
    def login():
        if _wants_json():
            user = current_user()
            return jsonify({"user": user.name if user else None})
        target = _safe_next(request.values.get("next"))
        if request.method == "GET":
            return render_template("login.html", next=target, name="")
        name = request.form.get("name", "").strip()
        password = request.form.get("password", "")
        keys = (f"addr:{request.remote_addr}", f"name:{name.casefold()}")
        wait = throttle.retry_after(*keys)
        if wait:
            raise TooManyRequests(f"Too many failed sign-ins; try again in {wait} seconds.", retry_after=wait)
        user = authenticate(store(), name, password)
        if user is None:
            throttle.failed(*keys)
            resp = Response(
                render_template("login.html", next=target, name=name, failed=True), status=401, mimetype="text/html"
            )
            return resp
        throttle.forget(keys[1])
        session.clear()  # a fresh session (and CSRF token) for the signed-in reviewer
        session.permanent = True
        session["user"] = user.name
        session["stamp"] = password_stamp(user)
        session["csrf"] = secrets.token_urlsafe(32)
        flash(f"Signed in as {user.name}.")
        return redirect(target, code=303)

    @app.post("/logout")
    def logout():
        session.clear()
        flash("Signed out.")
        return redirect(url_for("queue"), code=303)

    # ---- the conflicts queue

    @app.get("/conflicts")
    @app.get("/")  # registered first: the queue's canonical URL
    def queue():
        page = _page_arg()
        status, subject, metric = _arg("status"), _arg("subject"), _arg("metric")
        if status and status not in ("open", "reviewed", *verdict_kinds()):
            abort(400, description=f"unknown status {status!r}")
        entries, total = store().conflict_queue(
            status=status, subject=subject, metric=metric, limit=PER_PAGE, offset=(page - 1) * PER_PAGE
        )
        rows = [_queue_row(e) for e in entries]
        paging = _paging(page, total)
        if _wants_json():
            return jsonify(
                {
                    **paging,
                    "filters": {"status": status, "subject": subject, "metric": metric},
                    "conflicts": [
                        {
                            **r.entry.conflict.contract_dict(),
                            "url": url_for("conflict", a_id=r.entry.conflict.a.id, b_id=r.entry.conflict.b.id),
                            "pair_key": r.entry.pair_key,
                            "review": _review_json(r.review),
                        }
                        for r in rows
                    ],
                }
            )
        return render_template(
            "queue.html", rows=rows, paging=paging, status=status or "", subject=subject or "", metric=metric or ""
        )

    # ---- one conflict, and verdicts on it

    def _entry_or_404(a_id: int, b_id: int) -> QueueEntry:
        entry = store().conflict_entry(a_id, b_id)
        if entry is None:
            abort(404, description="No such conflict in this database (a re-run may have resolved it).")
        return entry

    @app.get("/conflict/<int:a_id>-<int:b_id>")
    def conflict(a_id: int, b_id: int):
        entry = _entry_or_404(a_id, b_id)
        a, b = entry.conflict.a, entry.conflict.b
        if (a.id, b.id) != (a_id, b_id):
            return redirect(url_for("conflict", a_id=a.id, b_id=b.id, **request.args.to_dict()))
        s = store()
        sides = []
        for label, claim in (("A", a), ("B", b)):
            document = s.document_row(claim.document_id)
            text = s.article(claim.document_id).text
            sides.append(Side(label=label, claim=claim, document=document, excerpt=paragraph_excerpt(text, claim)))
        row = _queue_row(entry)
        history = [as_seen_from(r, entry.a_key) for r in s.reviews(pair=entry.pair_key)]
        if _wants_json():
            return jsonify(
                {
                    **entry.conflict.contract_dict(),
                    "pair_key": entry.pair_key,
                    "sides": [
                        {"claim": _claim_json(side.claim), "document": _document_json(side.document)}
                        for side in sides
                    ],
                    "review": _review_json(row.review),
                    "history": [_review_json(r) for r in history],
                }
            )
        return render_template("conflict.html", row=row, sides=sides, history=history)

    @app.post("/conflict/<int:a_id>-<int:b_id>/verdict")
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
        if kind.needs_reason and not reason:
            abort(400, description=f"“{kind.label}” needs a reason.")
        if (reason and len(reason) > MAX_REASON) or (note and len(note) > MAX_NOTE):
            abort(400, description=f"A reason has at most {MAX_REASON} characters, a note {MAX_NOTE}.")
        store().add_review(a.id, b.id, status, reviewer=user.name, reason=reason, note=note)
        flash(f"Verdict recorded: {verdict_kinds()[status].done}.")
        return redirect(url_for("conflict", a_id=a.id, b_id=b.id), code=303)

    # ---- claims, facts, documents

    @app.get("/claims")
    def claims_browser():
        page = _page_arg()
        filters = {k: _arg(k) for k in ("subject", "metric", "period", "source")}
        text = _arg("q")
        rows, total = store().claims_page(**filters, text=text, limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
        paging = _paging(page, total)
        if _wants_json():
            return jsonify({**paging, "filters": {**filters, "q": text}, "claims": [_claim_json(c) for c in rows]})
        return render_template("claims.html", rows=rows, paging=paging, filters=filters, q=text or "")

    @app.get("/fact/<int:claim_id>")
    def fact(claim_id: int):
        s = store()
        claim = s.claim(claim_id)
        if claim is None:
            abort(404, description="No such claim.")
        group = s.corroboration_of(claim_id) or [claim]
        documents = {c.document_id: s.document_row(c.document_id) for c in group}
        if _wants_json():
            return jsonify(
                {
                    "claim": _claim_json(claim),
                    "sources": [
                        {"claim": _claim_json(c), "document": _document_json(documents[c.document_id])}
                        for c in group
                    ],
                }
            )
        return render_template("fact.html", claim=claim, group=group, documents=documents)

    @app.get("/facts")
    def facts():
        page = _page_arg()
        groups, total = store().corroborations_page(limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
        paging = _paging(page, total)
        if _wants_json():
            return jsonify({**paging, "facts": [[_claim_json(c) for c in group] for group in groups]})
        return render_template("facts.html", groups=groups, paging=paging)

    @app.get("/document/<key>")
    def document(key: str):
        s = store()
        row = s.document_row(key)
        if row is None:
            abort(404, description="No such document.")
        text = s.article(row.id).text
        claims, _ = s.claims_page(document_id=row.id, limit=None)
        if _wants_json():
            return jsonify({"document": _document_json(row), "text": text, "claims": [_claim_json(c) for c in claims]})
        return render_template(
            "document.html", document=row, segments=document_segments(text, claims), claims=claims
        )

    # ---- the audit log

    @app.get("/audit")
    def audit():
        page = _page_arg()
        s = store()
        total = s.review_count()
        reviews = s.reviews(limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
        rows = [
            AuditRow(
                review=r,
                verdict=verdict_kinds().get(r.status),
                a=s.claim_by_key(r.a) if r.a else None,
                b=s.claim_by_key(r.b) if r.b else None,
            )
            for r in reviews
        ]
        paging = _paging(page, total)
        if _wants_json():
            return jsonify(
                {
                    **paging,
                    "reviews": [
                        {
                            **_review_json(r.review),
                            "a_claim": _claim_json(r.a) if r.a else None,
                            "b_claim": _claim_json(r.b) if r.b else None,
                        }
                        for r in rows
                    ],
                }
            )
        return render_template("audit.html", rows=rows, paging=paging)

    # ---- exports

    EXPORTS = {
        ("claims", "csv"), ("claims", "json"), ("verdicts", "csv"), ("verdicts", "json"),
        ("claimreview", "json"),
    }  # fmt: skip

    @app.get("/export")
    def export_index():
        links = [
            {"what": what, "format": fmt, "url": url_for("export", what=what, fmt=fmt)}
            for what, fmt in sorted(EXPORTS)
        ]
        if _wants_json():
            return jsonify({"exports": links})
        return render_template("exports.html", links=links)

    @app.get("/export/<what>.<fmt>")
    def export(what: str, fmt: str):
        if (what, fmt) not in EXPORTS:
            abort(404, description="No such export.")
        s = store()
        if what == "claimreview":
            data = exports.claim_reviews(s, base_url=request.host_url, organization=organization)
            body = io.StringIO()
            exports.write_json(data, body)
            return Response(body.getvalue(), mimetype="application/ld+json")
        rows = exports.claim_rows(s) if what == "claims" else exports.verdict_rows(s)
        body = io.StringIO()
        if fmt == "csv":
            exports.write_csv(rows, body)
            resp = Response(body.getvalue(), mimetype="text/csv")
        else:
            exports.write_json(rows, body)
            resp = Response(body.getvalue(), mimetype="application/json")
        resp.headers["Content-Disposition"] = f'attachment; filename="{what}.{fmt}"'
        return resp

    app.jinja_env.globals["flashed"] = get_flashed_messages
    return app
