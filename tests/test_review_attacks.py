"""The review app against what an outside attack tried (issue 18, items 6-9): requests
that used to end in a 500, a forged Host header, formula cells in CSV exports, HSTS,
cross-site POSTs, sign-in guessing and sessions that outlive a sign-out."""

from __future__ import annotations

import csv
import io
import sqlite3
import stat
import threading

import pytest
import requests
from werkzeug.security import generate_password_hash

from claims.exports import write_csv
from claims.review import LoginThrottle, create_app
from claims.store import ClaimStore
from claims.store import migrations as store_migrations
from claims.store.migrations import MIGRATIONS
from claims.users import add_user, authenticate, set_password
from claims.store.vault import vault_path

from .review_support import PASSWORD, REVIEWER, alphabet_conflict, build_review_db, copy_db, csrf_from, serve, sign_in
from .review_support import built_db, db, server  # noqa: F401 (fixtures)


# --------------------------------------------------------------------------- item 8: no 500s


@pytest.mark.parametrize(
    "path, status",
    [
        ('/claims?q="', 200),
        ('/claims?q="""', 200),
        ("/claims?endpoint=x", 200),
        ("/claims?_method=POST", 200),
        ("/?_external=1&endpoint=queue", 200),
        ("/document/99999999999999999999", 404),
        ("/document/²", 404),
        ("/claims?page=99999999999999999999", 404),
        ("/claims?page=²", 400),
        ("/audit?page=abc", 400),
    ],
    ids=["fts-quote", "fts-quotes", "endpoint-arg", "method-arg", "external-arg", "huge-id", "superscript-id",
         "huge-page", "superscript-page", "word-page"],
)
def test_hostile_urls_get_a_page_not_a_500(server, path, status):
    resp = requests.get(server.url + path)
    assert resp.status_code == status
    assert "Internal Server Error" not in resp.text


def test_a_lone_quote_searches_for_nothing(server):
    page = requests.get(server.url + "/claims", params={"q": '"', "format": "json"}).json()
    assert page["total"] == 0


def test_paging_links_keep_the_query_as_plain_arguments(server):
    html = requests.get(server.url + "/claims?endpoint=x&_method=POST").text
    assert "endpoint=x" in html and "_method=POST" in html


# --------------------------------------------------------------------------- item 9


def _record_a_verdict(base: str) -> None:
    http = requests.Session()
    assert sign_in(http, base).status_code == 303
    conflict = alphabet_conflict(base)
    token = csrf_from(http.get(base + conflict["url"]).text)
    resp = http.post(
        base + conflict["url"] + "/verdict",
        data={"csrf_token": token, "status": "a_wrong"},
        allow_redirects=False,
    )
    assert resp.status_code == 303


@pytest.mark.parametrize("base_url, expected", [(None, "/conflict/"), ("https://desk.example.org/", "https://desk.example.org/conflict/")], ids=["relative", "configured"])
def test_a_forged_host_header_never_reaches_claimreview_urls(db, base_url, expected):
    live = serve(db, base_url=base_url)
    try:
        _record_a_verdict(live.url)
        reviews = requests.get(live.url + "/export/claimreview.json", headers={"Host": "evil.example"}).json()
    finally:
        live.stop()
    assert reviews
    for review in reviews:
        assert review["url"].startswith(expected)
        assert "evil.example" not in str(review)


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1"], ids=["equals", "plus", "minus", "at", "tab"])
def test_csv_cells_that_a_spreadsheet_would_run_start_with_an_apostrophe(cell):
    out = io.StringIO()
    write_csv([{"quote": cell, "value": -2.5}], out)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["quote"] == "'" + cell
    assert row["value"] == "-2.5"  # numbers stay numbers


def test_hsts_is_sent_with_secure_cookies_only(db):
    for secure, expected in ((True, True), (False, False)):
        live = serve(db, secure_cookies=secure)
        try:
            headers = requests.get(live.url + "/").headers
        finally:
            live.stop()
        assert ("Strict-Transport-Security" in headers) is expected
        if expected:
            assert "max-age=31536000" in headers["Strict-Transport-Security"]


@pytest.mark.parametrize(
    "origin, refused",
    [("https://evil.example", True), ("null", True), (None, False), ("SAME", False)],
    ids=["other-site", "null-origin", "no-origin", "same-origin"],
)
def test_a_post_from_another_origin_is_refused(server, db, origin, refused):
    http = requests.Session()
    assert sign_in(http, server.url).status_code == 303
    conflict = alphabet_conflict(server.url)
    token = csrf_from(http.get(server.url + conflict["url"]).text)
    headers = {} if origin is None else {"Origin": server.url if origin == "SAME" else origin}
    resp = http.post(
        server.url + conflict["url"] + "/verdict",
        data={"csrf_token": token, "status": "a_wrong"},
        headers=headers,
        allow_redirects=False,
    )
    with ClaimStore(db) as store:
        written = store.db["reviews"].count
    assert (resp.status_code, written) == ((403, 0) if refused else (303, 1))


# --------------------------------------------------------------------------- item 7: sign-in guessing


def _login(client, address: str, name: str, password: str):
    client.get("/login", environ_base={"REMOTE_ADDR": address})
    with client.session_transaction() as session:
        token = session["csrf"]
    return client.post(
        "/login",
        data={"csrf_token": token, "name": name, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def test_guessing_a_reviewers_name_does_not_lock_the_reviewer_out(db):
    app = create_app(db)
    stranger = app.test_client()
    for _ in range(6):
        _login(stranger, "203.0.113.9", REVIEWER, "not the password")
    assert _login(stranger, "203.0.113.9", REVIEWER, PASSWORD).status_code == 429  # the guesser waits
    assert _login(app.test_client(), "198.51.100.7", REVIEWER, PASSWORD).status_code == 303  # the reviewer does not


def test_concurrent_guesses_are_counted_before_their_passwords_are_checked():
    throttle = LoginThrottle(limit=5, window=900)
    start = threading.Barrier(40)
    admitted = []

    def guess():
        start.wait()
        admitted.append(throttle.begin(*throttle.keys("203.0.113.9", "editor")) == 0)

    threads = [threading.Thread(target=guess) for _ in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert admitted.count(True) == 5


def test_unique_user_names_do_not_grow_the_throttle_without_bound():
    throttle = LoginThrottle(limit=5, window=900, max_keys=1000)
    for i in range(5000):
        throttle.begin(*throttle.keys(f"10.0.{i // 250}.{i % 250}", f"{i}-" + "x" * 60_000))
    assert len(throttle) <= 1000
    assert all(len(k) == 32 for k in throttle._attempts)  # hashed: a 60 KB name costs 32 bytes


def test_a_right_password_does_not_count_as_a_failure():
    throttle = LoginThrottle(limit=2, window=900)
    keys = throttle.keys("198.51.100.7", "editor")
    for _ in range(5):
        assert throttle.begin(*keys) == 0
        throttle.succeeded(*keys)


# --------------------------------------------------------------------------- item 6: secrets and sessions


def test_the_session_key_and_password_hashes_are_not_in_the_claims_database(db, monkeypatch):
    monkeypatch.delenv("CLAIMS_REVIEW_SECRET_KEY", raising=False)
    key = create_app(db).secret_key
    everything = db.read_bytes()
    assert key.encode() not in everything
    assert b"scrypt:" not in everything  # the reviewer's hash
    secrets_file = vault_path(db)
    assert stat.S_IMODE(secrets_file.stat().st_mode) == 0o600
    assert key.encode() in secrets_file.read_bytes()


def test_an_older_database_gives_its_secrets_to_the_secrets_file_when_it_is_next_written(tmp_path, monkeypatch):
    # A database made before the secrets file: the reviewer's hash and the session key in it.
    db = tmp_path / "older.db"
    monkeypatch.setattr(store_migrations, "MIGRATIONS", MIGRATIONS[:-1])
    ClaimStore(db).close()
    hashed = generate_password_hash(PASSWORD, method="scrypt")
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO users (name, password_hash, created_at, password_changed_at) VALUES (?,?,?,?)",
                     [REVIEWER, hashed, "2025-01-01T00:00:00+00:00", "2025-01-01T00:00:00+00:00"])
        conn.execute("INSERT INTO settings (key, value) VALUES ('session_secret', 'an old key in plain sight')")
    conn.close()
    monkeypatch.setattr(store_migrations, "MIGRATIONS", MIGRATIONS)
    with ClaimStore(db) as store:  # opened to write: the migration runs
        assert store.db["users"].count == 0
        assert authenticate(store, REVIEWER, PASSWORD) is not None  # the account lives on, in the secrets file
    with sqlite3.connect(db) as conn:  # what the next process to close it does: the log written back
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    everything = db.read_bytes()
    assert b"scrypt:" not in everything and b"an old key in plain sight" not in everything
    assert stat.S_IMODE(vault_path(db).stat().st_mode) == 0o600


def test_a_new_secrets_file_is_private_from_its_first_moment(tmp_path):
    with ClaimStore(tmp_path / "new.db") as store:
        add_user(store, "ada", "a long enough password")
    assert stat.S_IMODE(vault_path(tmp_path / "new.db").stat().st_mode) == 0o600


def test_signing_out_ends_the_session_on_the_server(server, db):
    http = requests.Session()
    assert sign_in(http, server.url).status_code == 303
    conflict = alphabet_conflict(server.url)
    token = csrf_from(http.get(server.url + conflict["url"]).text)
    saved = requests.Session()
    saved.cookies.update(http.cookies)  # a copy of the cookie, kept by someone else
    http.post(server.url + "/logout", data={"csrf_token": token})
    assert saved.get(server.url + "/login?format=json").json() == {"user": None}
    replay = saved.post(
        server.url + conflict["url"] + "/verdict", data={"csrf_token": token, "status": "a_wrong"}, allow_redirects=False
    )
    assert replay.status_code == 403
    with ClaimStore(db) as store:
        assert store.db["reviews"].count == 0


def test_a_new_password_ends_the_session_on_the_server(server, db):
    http = requests.Session()
    assert sign_in(http, server.url).status_code == 303
    with ClaimStore(db) as store:
        set_password(store, REVIEWER, PASSWORD)  # even the same password again
    assert http.get(server.url + "/login?format=json").json() == {"user": None}
