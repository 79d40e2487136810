"""What every page of the review app shares: this thread's store, the signed-in
reviewer, request arguments, paging and the JSON shapes of stored rows."""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import threading
from typing import Optional
from urllib.parse import urlencode, urlsplit

from flask import abort, current_app, g, request, session, url_for

from claims.store import ClaimStore, DocumentRow, ReviewRow, StoredClaim, UserRow
from claims import users
from claims.users import same_token
from claims.store.vault import Vault

PER_PAGE = 50
# Deeper than any database holds, and small enough that its offset fits SQLite's integers.
MAX_PAGE = 10**9
MAX_NOTE = 4000
MAX_REASON = 500

_local = threading.local()


def store() -> ClaimStore:
    """This thread's connection to the app's database (SQLite connections belong to
    one thread; one thread may serve apps on several databases)."""
    stores = getattr(_local, "stores", None)
    if stores is None:
        stores = _local.stores = {}
    path = current_app.config["CLAIMS_DB"]
    s = stores.get(path)
    if s is None:
        s = stores[path] = ClaimStore(path)
    return s


def vault() -> Vault:
    """The secrets file of this thread's store: session key, accounts, sessions."""
    return users._vault(store())


def csrf_token() -> str:
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def password_stamp(user: UserRow) -> str:
    """Ties a session to the password it was opened with, without putting any of
    the hash in the (signed, not encrypted) cookie."""
    mac = hmac.new(current_app.secret_key.encode("utf-8"), user.password_hash.encode("utf-8"), hashlib.sha256)
    return mac.hexdigest()[:32]


def current_user() -> Optional[UserRow]:
    if "user" not in g:
        g.user = None
        name = session.get("user")
        # The session must still be open on the server (signing out or a new password
        # closes it), and signed in with the account's current password.
        if name and vault().session_user(session.get("sid")) == name:
            user = vault().user(name)
            if user and same_token(session.get("stamp"), password_stamp(user)):
                g.user = user
    return g.user


def _this_page_with(**changes: str | int) -> str:
    """This page's URL with some query arguments changed. The query is encoded here,
    not handed to url_for, whose own keywords (`endpoint`, `_method`, `_external`)
    a visitor's query must never reach."""
    args = {**request.args.to_dict(), **changes}
    return url_for(request.endpoint, **(request.view_args or {})) + "?" + urlencode(args)


def page_url(page: int) -> str:
    return _this_page_with(page=page)


def json_url() -> str:
    return _this_page_with(format="json")


def figure(value: Optional[float]) -> str:
    if value is None:
        return ""
    if value == int(value) and abs(value) < 1e18:
        return f"{int(value):,}"
    return f"{value:,.6g}"


def claim_json(claim: StoredClaim) -> dict:
    data = claim.model_dump(mode="json")
    data["fact_url"] = url_for("fact", claim_id=claim.id)
    return data


def document_json(document: DocumentRow) -> dict:
    data = document.model_dump(mode="json")
    data["page_url"] = url_for("document", key=document.content_hash)
    return data


def review_json(review: Optional[ReviewRow]) -> Optional[dict]:
    if review is None:
        return None
    data = review.model_dump(mode="json")
    data["a"] = str(review.a) if review.a else None
    data["b"] = str(review.b) if review.b else None
    return data


def safe_next(target: Optional[str]) -> str:
    """Only a path on this site: never another host (no open redirect)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return url_for("queue")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return url_for("queue")
    return target


def page_arg() -> int:
    raw = request.args.get("page", "1").strip()
    if not (raw.isascii() and raw.isdigit()):
        abort(400, description="page must be a whole number")
    if len(raw) > len(str(MAX_PAGE)) or int(raw) > MAX_PAGE:
        abort(404, description="No such page.")
    return max(1, int(raw))


def arg(name: str) -> Optional[str]:
    value = request.args.get(name, "").strip()
    return value or None


def wants_json() -> bool:
    return request.args.get("format") == "json"


def paging(page: int, total: int) -> dict:
    return {"page": page, "per_page": PER_PAGE, "total": total, "pages": max(1, math.ceil(total / PER_PAGE))}


def offset(page: int) -> int:
    return (page - 1) * PER_PAGE
