"""The review app over real HTTP on 127.0.0.1, on a database the real pipeline built
from corpus/ and two hostile articles: pages, JSON twins, verdicts, and its defences."""

from __future__ import annotations

import html as html_lib
import re

import pytest
import requests

from extract.records import Article, Source
from claims.review import LoginThrottle, create_app, document_segments, paragraph_excerpt
from claims.store import ClaimStore
from claims.users import set_password

from .conftest import run_claims
from .review_support import built_db, db, server  # noqa: F401 (fixtures)
from .review_support import (
    PASSWORD,
    REVIEWER,
    alphabet_conflict,
    build_review_db,
    copy_db,
    csrf_from,
    serve,
    sign_in,
)


@pytest.fixture()
def signed_in(server):
    http = requests.Session()
    assert sign_in(http, server.url).status_code == 303
    return http


def review_rows(db) -> list[dict]:
    with ClaimStore(db) as store:
        return list(store.db["reviews"].rows)


def conflict_ids(conflict: dict) -> tuple[int, int]:
    """The two claim ids in a conflict's URL (/conflict/A-B)."""
    a, b = conflict["url"].rsplit("/", 1)[1].split("-")
    return int(a), int(b)


def acme_conflict(base: str) -> dict:
    queue = requests.get(base + "/", params={"subject": "Acme", "format": "json"}).json()
    assert queue["total"] == 1
    return queue["conflicts"][0]


# --------------------------------------------------------------------------- untrusted text


def test_script_tags_in_articles_render_as_text_on_every_page(server):
    conflict = acme_conflict(server.url)
    page_urls = ["/", "/?subject=Acme", conflict["url"], "/claims?subject=Acme", "/claims?q=alert"]
    fact_and_docs = requests.get(server.url + conflict["url"], params={"format": "json"}).json()
    for side in fact_and_docs["sides"]:
        page_urls += [side["claim"]["fact_url"], side["document"]["page_url"]]
    for url in page_urls:
        page = requests.get(server.url + url)
        assert page.status_code == 200, url
        body = page.text
        assert "<script>alert(1)</script>" not in body, url
        assert "<img src=x" not in body, url
        assert "<script" not in body.lower(), url
    document_page = requests.get(server.url + fact_and_docs["sides"][0]["document"]["page_url"]).text
    shown = document_page + requests.get(server.url + fact_and_docs["sides"][1]["document"]["page_url"]).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown
    assert "&lt;img src=x onerror=alert(2)&gt;" in shown


def test_security_headers_on_pages_and_errors(server):
    for url in ("/", "/login", "/no/such/page"):
        headers = requests.get(server.url + url).headers
        csp = headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp  # no script may run
        assert "frame-ancestors 'none'" in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Referrer-Policy"] == "same-origin"


def test_article_links_are_web_urls_only(tmp_path):
    """A document URL that is not http(s) is shown as text, never as a link."""
    text = "Acme said its 2025 revenue was $10 billion.\n"
    with ClaimStore(tmp_path / "u.db") as store:
        source = Source(doc="evil.html", raw=b"<p>x</p>", media_type="text/html", text="<p>x</p>", encoding="utf-8")
        article = Article(text=text, regions=[(0, len(text))], url="javascript:alert(document.cookie)")
        document_id = store.add_document(source, article, [])
    live = serve(tmp_path / "u.db")
    try:
        page = requests.get(f"{live.url}/document/{document_id}").text
    finally:
        live.stop()
    assert 'href="javascript:' not in page
    assert "javascript:alert(document.cookie)" in page  # shown, as text


# --------------------------------------------------------------------------- writes


def test_a_post_without_csrf_token_is_refused(server, signed_in, db):
    conflict = alphabet_conflict(server.url)
    for data in ({"status": "confirmed"}, {"status": "confirmed", "csrf_token": "forged"}):
        refused = signed_in.post(server.url + conflict["url"] + "/verdict", data=data, allow_redirects=False)
        assert refused.status_code == 400
        assert "CSRF" in refused.text
    assert review_rows(db) == []


def test_a_write_without_a_session_is_refused(server, db):
    anonymous = requests.Session()
    token = csrf_from(anonymous.get(server.url + "/login").text)  # a valid token, but no reviewer
    conflict = alphabet_conflict(server.url)
    refused = anonymous.post(
        server.url + conflict["url"] + "/verdict", data={"csrf_token": token, "status": "confirmed"}
    )
    assert refused.status_code == 403
    assert "Sign in" in refused.text
    assert review_rows(db) == []
    page = anonymous.get(server.url + conflict["url"]).text
    assert 'action="' + conflict["url"] + '/verdict"' not in page  # no form offered
    assert "Sign in</a> to record a verdict" in page


def test_session_cookie_is_httponly_and_samesite_lax(server):
    http = requests.Session()
    response = sign_in(http, server.url)
    assert response.status_code == 303
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("claims_review=")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # plain HTTP on 127.0.0.1; --secure-cookies adds it


def test_secure_cookies_option(db):
    live = serve(db, secure_cookies=True)
    try:
        cookie = requests.get(live.url + "/login").headers["Set-Cookie"]
    finally:
        live.stop()
    assert "Secure" in cookie


def test_wrong_password_is_refused_and_sign_in_is_rate_limited(db):
    clock = [1000.0]
    live = serve(db, login_throttle=LoginThrottle(limit=5, window=900, clock=lambda: clock[0]))
    try:
        http = requests.Session()
        for _ in range(5):
            wrong = sign_in(http, live.url, password="not the password")
            assert wrong.status_code == 401 and "Wrong name or password" in wrong.text
        blocked = sign_in(http, live.url)  # even the right password waits now
        assert blocked.status_code == 429
        assert 0 < int(blocked.headers["Retry-After"]) <= 900
        assert requests.get(live.url + "/login?format=json", cookies=http.cookies).json() == {"user": None}
        clock[0] += 901
        assert sign_in(http, live.url).status_code == 303
    finally:
        live.stop()


def test_unknown_user_is_refused(server):
    assert sign_in(requests.Session(), server.url, name="nobody").status_code == 401


def test_sign_in_never_redirects_off_site(server):
    http = requests.Session()
    token = csrf_from(http.get(server.url + "/login").text)
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        response = http.post(
            server.url + "/login",
            data={"csrf_token": token, "name": REVIEWER, "password": PASSWORD, "next": target},
            allow_redirects=False,
        )
        assert response.status_code == 303
        assert response.headers["Location"] == "/"
        token = csrf_from(http.get(server.url + "/login").text)


def test_session_survives_a_restart_and_a_password_change_ends_it(db):
    first = serve(db)
    http = requests.Session()
    try:
        assert sign_in(http, first.url).status_code == 303
    finally:
        first.stop()
    second = serve(db)  # a new process would read the same key from the database
    try:
        assert http.get(second.url + "/login?format=json").json() == {"user": REVIEWER}
        with ClaimStore(db) as store:
            set_password(store, REVIEWER, "another long password")
        assert http.get(second.url + "/login?format=json").json() == {"user": None}
    finally:
        second.stop()


def test_sign_out(server, signed_in):
    page = signed_in.get(server.url + "/").text
    assert f'class="user-name">{REVIEWER}<' in page
    signed_in.post(server.url + "/logout", data={"csrf_token": csrf_from(page)})
    assert signed_in.get(server.url + "/login?format=json").json() == {"user": None}


# --------------------------------------------------------------------------- verdicts


def record(http, base, conflict_url, **form):
    token = csrf_from(http.get(base + conflict_url).text)
    return http.post(base + conflict_url + "/verdict", data={"csrf_token": token, **form}, allow_redirects=False)


def test_verdicts_are_appended_never_overwritten(server, signed_in, db):
    conflict = alphabet_conflict(server.url)
    first = record(signed_in, server.url, conflict["url"], status="needs_research", note="check the 10-Q")
    assert first.status_code == 303 and first.headers["Location"] == conflict["url"]
    second = record(signed_in, server.url, conflict["url"], status="confirmed", note="both quote guidance")

    assert second.status_code == 303
    data = requests.get(server.url + conflict["url"], params={"format": "json"}).json()
    assert data["review"]["status"] == "confirmed"
    assert data["review"]["reviewer"] == REVIEWER
    assert data["review"]["note"] == "both quote guidance"
    assert [r["status"] for r in data["history"]] == ["confirmed", "needs_research"]
    rows = review_rows(db)
    assert [r["status"] for r in rows] == ["needs_research", "confirmed"]
    assert rows[0]["note"] == "check the 10-Q"  # the first verdict is kept as it was

    audit = requests.get(server.url + "/audit", params={"format": "json"}).json()
    assert audit["total"] == 2
    assert [(r["status"], r["reviewer"]) for r in audit["reviews"]] == [
        ("confirmed", REVIEWER),
        ("needs_research", REVIEWER),
    ]
    assert audit["reviews"][0]["a_claim"]["surface"] == "$175 and $185 billion"
    queue = requests.get(server.url + "/", params={"status": "confirmed", "format": "json"}).json()
    assert [c["a"]["subject"] for c in queue["conflicts"]] == ["Alphabet"]
    assert requests.get(server.url + "/", params={"status": "open", "format": "json"}).json()["total"] == 1


@pytest.mark.parametrize(
    "form, error",
    [
        pytest.param({"status": "not_comparable"}, "needs a reason", id="not-comparable-without-reason"),
        pytest.param({"status": "dismissed"}, "Choose a verdict", id="unknown-status"),
        pytest.param({}, "Choose a verdict", id="no-status"),
        pytest.param({"status": "confirmed", "note": "x" * 5000}, "at most", id="note-too-long"),
    ],
)
def test_incomplete_verdicts_are_refused(server, signed_in, db, form, error):
    conflict = alphabet_conflict(server.url)
    refused = record(signed_in, server.url, conflict["url"], **form)
    assert refused.status_code == 400
    assert error in html_lib.unescape(refused.text)
    assert review_rows(db) == []


def test_not_comparable_with_its_reason(server, signed_in):
    conflict = alphabet_conflict(server.url)
    record(signed_in, server.url, conflict["url"], status="not_comparable", reason="guidance vs. run rate")
    review = requests.get(server.url + conflict["url"], params={"format": "json"}).json()["review"]
    assert (review["status"], review["reason"]) == ("not_comparable", "guidance vs. run rate")


def test_a_verdict_survives_a_run_that_adds_a_document(server, signed_in, db, tmp_path):
    conflict = alphabet_conflict(server.url)
    record(signed_in, server.url, conflict["url"], status="b_wrong", note="the range is 175-185")
    with ClaimStore(db) as store:
        ids_before = {(r["a_claim_id"], r["b_claim_id"]): r["id"] for r in store.db["conflicts"].rows}

    late = tmp_path / "late"
    late.mkdir()
    (late / "alphabet-late.txt").write_text(
        "Alphabet now expects 2026 capital expenditure of $160 billion, the company said.\n", encoding="utf-8"
    )
    out = run_claims("run", str(late), "--db", str(db))
    assert "1 new document(s)" in out.stdout

    with ClaimStore(db) as store:
        ids_after = {(r["a_claim_id"], r["b_claim_id"]): r["id"] for r in store.db["conflicts"].rows}
    pair = (conflict_ids(conflict)[0], conflict_ids(conflict)[1])
    assert ids_before[pair] != ids_after[pair]  # the reviewed conflict's row was renumbered
    queue = requests.get(server.url + "/", params={"subject": "Alphabet", "format": "json"}).json()
    assert queue["total"] == 3  # the new figure disagrees with both old ones
    by_surfaces = {(c["a"]["surface"], c["b"]["surface"]): c for c in queue["conflicts"]}
    kept = by_surfaces[("$175 and $185 billion", "$180-190 billion")]
    assert kept["review"]["status"] == "b_wrong"
    assert kept["review"]["note"] == "the range is 175-185"
    assert [c["review"] for c in queue["conflicts"]].count(None) == 2  # the new ones are open


def test_a_verdict_reads_the_same_when_a_run_lists_the_pair_the_other_way_round(db):
    """"Side A wrong" names a claim, not a column: recorded with the sides swapped it
    shows as "side B wrong" on the pair as the queue lists it."""
    with ClaimStore(db) as store:
        entry = store.conflict_queue(subject="Alphabet")[0][0]
        a, b = entry.conflict.a, entry.conflict.b
        store.add_review(b.id, a.id, "a_wrong", reviewer=REVIEWER)  # as a run listing b first saw it
    live = serve(db)
    try:
        listed = alphabet_conflict(live.url)
        page = requests.get(live.url + listed["url"]).text
    finally:
        live.stop()
    assert listed["review"]["status"] == "b_wrong"
    assert listed["review"]["b"].endswith(f":{b.start}:{b.end}")
    assert "side B wrong" in page


# --------------------------------------------------------------------------- pages


def test_queue_filters_sorts_and_paginates(server):
    everything = requests.get(server.url + "/?format=json").json()
    assert everything["total"] == 2
    scores = [c["score"] for c in everything["conflicts"]]
    assert scores == sorted(scores, reverse=True)
    assert {c["a"]["subject"] for c in everything["conflicts"]} == {"Alphabet", "Acme"}
    by_metric = requests.get(server.url + "/", params={"metric": "revenue", "format": "json"}).json()
    assert [c["a"]["subject"] for c in by_metric["conflicts"]] == ["Acme"]
    assert requests.get(server.url + "/", params={"subject": "Nobody", "format": "json"}).json()["total"] == 0
    assert requests.get(server.url + "/", params={"status": "bogus"}).status_code == 400
    page = requests.get(server.url + "/", params={"subject": "alphabet"}).text
    assert page.count('class="conflict"') == 1
    assert "$175 and $185 billion" in page and "$180-190 billion" in page


def test_conflict_page_shows_both_sides_in_context(server):
    conflict = alphabet_conflict(server.url)
    page = requests.get(server.url + conflict["url"]).text
    sides = re.findall(r'<section class="side side-[ab]">(.*?)</section>', page, re.S)
    assert len(sides) == 2
    assert "<mark>$175 and $185 billion</mark>" in sides[0]
    assert "<mark>$180-190 billion</mark>" in sides[1]
    # The sentence is marked inside its paragraph, the figure inside the sentence.
    assert '<span class="in-quote">Alphabet has roughly doubled its guidance to between </span>' in sides[0]
    assert "Amazon alone has committed $200 billion" in sides[0]  # the rest of the paragraph
    assert "Alphabet raised its 2026 capital expenditure guidance to" in sides[1]
    for fragment in ("capex", "2026", "forecast", "175,000,000,000 – 185,000,000,000 USD"):
        assert fragment in sides[0]
    assert "Is the AI Economic Equation" not in page
    data = requests.get(server.url + conflict["url"], params={"format": "json"}).json()
    assert [s["document"]["doc"] for s in data["sides"]] == [conflict["a"]["doc"], conflict["b"]["doc"]]
    assert data["why"] == conflict["why"]


def test_claims_browser_filters_like_claims_query(server, db):
    for params in ({"subject": "Alphabet"}, {"metric": "capex", "period": "2026"}, {"q": "capital expenditure"}):
        page = requests.get(server.url + "/claims", params={**params, "format": "json"}).json()
        query_args = [a for k, v in params.items() for a in (f"--{'text' if k == 'q' else k}", v)]
        expected = run_claims("query", "--db", str(db), *query_args, "--format", "jsonl").stdout.splitlines()
        assert page["total"] == len(expected) > 0, params
        assert [c["surface"] for c in page["claims"]] == [
            __import__("json").loads(line)["surface"] for line in expected
        ]


def test_claims_browser_paginates(server):
    first = requests.get(server.url + "/claims?format=json").json()
    second = requests.get(server.url + "/claims?format=json&page=2").json()
    assert first["total"] == second["total"] > 100
    assert len(first["claims"]) == first["per_page"] == 50
    assert {c["id"] for c in first["claims"]}.isdisjoint(c["id"] for c in second["claims"])
    html = requests.get(server.url + "/claims?page=2").text
    assert "page 2 of" in html and 'rel="prev"' in html and 'rel="next"' in html


def test_fact_page_lists_every_source_that_states_it(server):
    amazon = requests.get(
        server.url + "/claims", params={"subject": "Amazon", "metric": "capex", "format": "json"}
    ).json()["claims"]
    # the filter matches by whole word too ("Microsoft, Google, Amazon and Meta"): Amazon's own figure
    two_hundred = [c for c in amazon if c["surface"] == "$200 billion" and c["subject"] == "Amazon"]
    assert len({c["doc"] for c in two_hundred}) == 2  # 002 states it three times, 004 once
    fact = requests.get(server.url + two_hundred[0]["fact_url"], params={"format": "json"}).json()
    assert sorted(s["claim"]["doc"] for s in fact["sources"]) == sorted(c["doc"] for c in two_hundred)
    page = requests.get(server.url + two_hundred[0]["fact_url"]).text
    assert f"2 sources state this figure ({len(two_hundred)} mentions)" in page
    facts = requests.get(server.url + "/facts?format=json").json()
    # Amazon's and Meta's capex, AWS's 28% growth (paired by evidence), AWS's run-rate and
    # the quarter's revenue it agrees with
    assert facts["total"] == 4


def test_document_page_marks_its_claims(server):
    conflict = alphabet_conflict(server.url)
    data = requests.get(server.url + conflict["url"], params={"format": "json"}).json()
    document_url = data["sides"][0]["document"]["page_url"]
    doc = requests.get(server.url + document_url, params={"format": "json"}).json()
    page = requests.get(server.url + document_url).text
    marks = re.findall(r'<mark id="claim-(\d+)"[^>]*><a href="[^"]+">([^<]*)</a></mark>', page)
    assert [int(i) for i, _ in marks] == [c["id"] for c in doc["claims"]]
    assert [html_lib.unescape(s) for _, s in marks] == [c["surface"] for c in doc["claims"]]
    assert requests.get(server.url + document_url.replace("/document/", "/document/0")).status_code == 404


def test_highlighting_keeps_the_text_exactly():
    text = "First line.\nAcme said its 2025 revenue was $10 billion, up 5%.\nLast line."
    start = text.index("$10 billion")
    from extract.records import StoredClaim

    claim = StoredClaim(
        id=1, document_id=1, doc="d", start=start, end=start + 11, surface="$10 billion",
        quote="Acme said its 2025 revenue was $10 billion, up 5%.", unit="USD", value=1e10,
    )  # fmt: skip
    excerpt = paragraph_excerpt(text, claim)
    assert "".join(s.text for s in excerpt.segments) == text.splitlines()[1]
    assert [s.kind for s in excerpt.segments] == ["quote", "surface", "quote"]
    segments = document_segments(text, [claim])
    assert "".join(s.text for s in segments) == text
    assert [s.claim_id for s in segments] == [None, 1, None]


def test_exports_over_http(server, signed_in):
    conflict = alphabet_conflict(server.url)
    record(signed_in, server.url, conflict["url"], status="a_wrong")
    claims_csv = requests.get(server.url + "/export/claims.csv")
    assert claims_csv.headers["Content-Type"].startswith("text/csv")
    assert claims_csv.text.splitlines()[0].startswith("id,key,doc,start,end,surface,quote,value")
    verdicts = requests.get(server.url + "/export/verdicts.json").json()
    assert [(v["status"], v["a_surface"], v["current"]) for v in verdicts] == [
        ("a_wrong", "$175 and $185 billion", True)
    ]
    reviews = requests.get(server.url + "/export/claimreview.json")
    assert reviews.headers["Content-Type"].startswith("application/ld+json")
    [review] = reviews.json()
    assert review["reviewRating"]["alternateName"] == "False"
    assert review["url"] == conflict["url"]  # no base URL configured: a link relative to the site
    assert requests.get(server.url + "/export/claimreview.csv").status_code == 404


def test_every_page_has_a_json_twin(server):
    conflict = alphabet_conflict(server.url)
    data = requests.get(server.url + conflict["url"], params={"format": "json"}).json()
    pages = [
        "/", "/conflicts", conflict["url"], "/claims", data["sides"][0]["claim"]["fact_url"], "/facts",
        data["sides"][0]["document"]["page_url"], "/audit", "/export", "/login",
    ]  # fmt: skip
    for url in pages:
        response = requests.get(server.url + url, params={"format": "json"})
        assert response.status_code == 200, url
        assert response.headers["Content-Type"] == "application/json", url
    missing = requests.get(server.url + "/conflict/999999-999998", params={"format": "json"})
    assert missing.status_code == 404 and "No such conflict" in missing.json()["description"]


def test_session_key_is_made_once_per_database(db, monkeypatch):
    monkeypatch.delenv("CLAIMS_REVIEW_SECRET_KEY", raising=False)
    first = create_app(db).secret_key
    assert first == create_app(db).secret_key and len(first) == 64
    monkeypatch.setenv("CLAIMS_REVIEW_SECRET_KEY", "from the environment")
    assert create_app(db).secret_key == "from the environment"
