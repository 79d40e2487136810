"""Signing in and out."""

from __future__ import annotations

import secrets

from flask import Flask, Response, current_app, flash, jsonify, redirect, render_template, request, session, url_for
from werkzeug.exceptions import TooManyRequests

from claims.users import authenticate

from .web import current_user, password_stamp, safe_next, store, vault, wants_json


def login():
    if wants_json():
        user = current_user()
        return jsonify({"user": user.name if user else None})
    target = safe_next(request.values.get("next"))
    if request.method == "GET":
        return render_template("login.html", next=target, name="")
    name = request.form.get("name", "").strip()
    password = request.form.get("password", "")
    throttle = current_app.extensions["claims_login_throttle"]
    keys = throttle.keys(request.remote_addr or "", name)
    wait = throttle.begin(*keys)
    if wait:
        raise TooManyRequests(f"Too many failed sign-ins; try again in {wait} seconds.", retry_after=wait)
    user = authenticate(store(), name, password)
    if user is None:
        return Response(
            render_template("login.html", next=target, name=name, failed=True), status=401, mimetype="text/html"
        )
    throttle.succeeded(*keys)
    session.clear()  # a fresh session (and CSRF token) for the signed-in reviewer
    session.permanent = True
    session["user"] = user.name
    session["stamp"] = password_stamp(user)
    session["sid"] = vault().open_session(user.name)
    session["csrf"] = secrets.token_urlsafe(32)
    flash(f"Signed in as {user.name}.")
    return redirect(target, code=303)


def logout():
    vault().close_session(session.get("sid"))  # a saved copy of the cookie is worth nothing now
    session.clear()
    flash("Signed out.")
    return redirect(url_for("queue"), code=303)


def register(app: Flask) -> None:
    app.add_url_rule("/login", view_func=login, methods=["GET", "POST"])
    app.add_url_rule("/logout", view_func=logout, methods=["POST"])
