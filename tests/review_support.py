"""Shared pieces of the review app's tests: a real database built by the real pipeline,
reviewer accounts, and the app served over real HTTP on 127.0.0.1."""

from __future__ import annotations

import re
import shutil
import threading
from pathlib import Path

import pytest
import requests
from werkzeug.serving import make_server

from claims.ingest import ingest
from claims.review import create_app
from claims.store import ClaimStore
from claims.users import add_user
from claims.store.vault import vault_path

from .conftest import CORPUS

REVIEWER, PASSWORD = "editor", "correct horse battery staple"

# Two plain-text articles that disagree about Acme's revenue and carry markup in their
# text: articles are untrusted input and must come out as text.
HOSTILE_A = "Acme said its 2025 revenue was $10 billion <script>alert(1)</script>.\n"
HOSTILE_B = "Acme said its 2025 revenue was $14 billion. <img src=x onerror=alert(2)>\n"


def build_review_db(folder: Path) -> Path:
    """corpus/ plus the two hostile articles, ingested by the pipeline, with a reviewer."""
    articles = folder / "articles"
    articles.mkdir()
    (articles / "acme-a.txt").write_text(HOSTILE_A, encoding="utf-8")
    (articles / "acme-b.txt").write_text(HOSTILE_B, encoding="utf-8")
    db = folder / "review.db"
    report = ingest([str(CORPUS), str(articles)], str(db))
    assert report.failed == 0 and report.added == 7
    with ClaimStore(db) as store:
        add_user(store, REVIEWER, PASSWORD)
    return db


def copy_db(db: Path, to: Path) -> Path:
    target = to / db.name
    shutil.copy(db, target)
    secrets = vault_path(db)
    if secrets.exists():  # the accounts made for the built database
        shutil.copy(secrets, vault_path(target))
    return target


class LiveServer:
    """The app on a real socket at 127.0.0.1 (werkzeug's server, in a thread)."""

    def __init__(self, app):
        self.app = app
        self.server = make_server("127.0.0.1", 0, app, threaded=False)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)


def serve(db: Path, **options) -> LiveServer:
    return LiveServer(create_app(db, **options))


def csrf_from(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "the page has no CSRF token"
    return match.group(1)


def sign_in(http: requests.Session, base: str, name: str = REVIEWER, password: str = PASSWORD) -> requests.Response:
    token = csrf_from(http.get(base + "/login").text)
    return http.post(
        base + "/login", data={"csrf_token": token, "name": name, "password": password}, allow_redirects=False
    )


def alphabet_conflict(base: str) -> dict:
    queue = requests.get(base + "/", params={"subject": "Alphabet", "format": "json"}).json()
    assert queue["total"] == 1
    return queue["conflicts"][0]


# The fixtures the review tests share (imported by name into each test module): one built
# database per module, a fresh copy of it per test, a live server on that copy.
@pytest.fixture(scope="module")
def built_db(tmp_path_factory):
    return build_review_db(tmp_path_factory.mktemp("review"))


@pytest.fixture()
def db(built_db, tmp_path):
    return copy_db(built_db, tmp_path)


@pytest.fixture()
def server(db):
    live = serve(db)
    yield live
    live.stop()
