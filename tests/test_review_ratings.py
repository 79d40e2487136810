"""Ratings of single claims (issue 19): a reviewer rates any claim accurate, inaccurate,
misleading or unsupported, with a note and a correction, on the claim's page; ratings
are appended like verdicts, listed in the audit log, exported as rows and as
schema.org ClaimReview, even from a corpus that has no conflict at all."""

from __future__ import annotations

import html as html_lib
import json
import shutil

import pytest
import requests

from claims.exports import claim_reviews, claimreview_problems, rating_rows
from claims.ingest import ingest
from claims.store import ClaimStore

from .conftest import CORPUS, run_claims
from .review_support import alphabet_conflict, build_review_db, copy_db, csrf_from, serve, sign_in
from .review_support import built_db, db, server  # noqa: F401 (fixtures)


def amazon_claim(base: str) -> dict:
    """Amazon's "$200 billion" in the essay on AI spending (a claim in no conflict)."""
    found = requests.get(base + "/claims", params={"q": "Amazon alone has committed", "format": "json"}).json()
    [claim] = [c for c in found["claims"] if c["surface"] == "$200 billion"]
    return claim


def rate(http: requests.Session, base: str, claim_id: int, **form: str) -> requests.Response:
    token = csrf_from(http.get(f"{base}/fact/{claim_id}").text)
    return http.post(f"{base}/fact/{claim_id}/rating", data={"csrf_token": token, **form}, allow_redirects=False)


@pytest.mark.parametrize(
    "form, done, rating_name, explained",
    [
        ({"rating": "accurate", "note": "Amazon's Q4 call: about $200 billion of capex in 2026."}, "accurate", "True", "Q4 call"),
        ({"rating": "inaccurate", "correction": "$150 billion", "note": "The filing says $150 billion."}, "inaccurate", "False", "Correction: $150 billion."),
        ({"rating": "misleading", "note": "A plan over several years, not this year's spending."}, "misleading", "Misleading", "several years"),
        ({"rating": "unsupported"}, "unsupported", "Unsupported", "No evidence supports the figure."),
    ],
    ids=["accurate", "inaccurate", "misleading", "unsupported"],
)
def test_a_reviewer_rates_a_claim_and_it_is_exported_as_claimreview(server, db, form, done, rating_name, explained):
    http = requests.Session()
    assert sign_in(http, server.url).status_code == 303
    claim = amazon_claim(server.url)
    assert claim["rating"] is None
    recorded = rate(http, server.url, claim["id"], **form)
    assert recorded.status_code == 303
    page = html_lib.unescape(http.get(server.url + recorded.headers["Location"]).text)
    assert f"Rating recorded: {done}." in page
    assert f'class="badge rating-{form["rating"]}">{done}</span> by <strong>editor</strong>' in page
    assert amazon_claim(server.url)["rating"]["rating"] == form["rating"]

    with ClaimStore(db, read_only=True) as store:
        [review] = [r for r in claim_reviews(store, base_url="https://desk.example.org/") if "Amazon alone" in r["claimReviewed"]]
    assert claimreview_problems(review) == []
    assert review["reviewRating"]["alternateName"] == rating_name
    assert explained in review["reviewRating"]["ratingExplanation"]
    assert review["url"] == f"https://desk.example.org/fact/{claim['id']}"
    assert review["contributor"] == {"@type": "Person", "name": "editor"}


@pytest.mark.parametrize(
    "form, message",
    [
        ({"rating": "inaccurate", "note": "wrong year"}, "“Inaccurate” needs a correction"),
        ({"rating": "misleading", "correction": "$150 billion"}, "“Misleading” needs a note"),
        ({"note": "no choice made"}, "Choose a rating."),
        ({"rating": "inaccurate", "correction": "$1" * 300}, "a correction 500"),
    ],
    ids=["inaccurate-without-correction", "misleading-without-note", "no-rating", "correction-too-long"],
)
def test_an_incomplete_rating_shows_the_form_again_with_the_message(server, db, form, message):
    http = requests.Session()
    sign_in(http, server.url)
    claim = amazon_claim(server.url)
    refused = rate(http, server.url, claim["id"], **form)
    assert refused.status_code == 400
    page = html_lib.unescape(refused.text)
    assert 'class="form-error"' in page and message in page
    assert 'id="rating-form"' in page
    if form.get("note"):
        assert f"{form['note']}</textarea>" in page
    with ClaimStore(db, read_only=True) as store:
        assert store.ratings() == []


def test_rating_needs_a_signed_in_reviewer(server, db):
    http = requests.Session()
    claim = amazon_claim(server.url)
    page = http.get(f"{server.url}/fact/{claim['id']}").text
    assert 'id="rating-form"' not in page and "to rate this claim" in page
    token = csrf_from(http.get(server.url + "/login").text)
    refused = http.post(f"{server.url}/fact/{claim['id']}/rating", data={"csrf_token": token, "rating": "accurate"})
    assert refused.status_code == 403
    with ClaimStore(db, read_only=True) as store:
        assert store.ratings() == []


def test_ratings_are_appended_and_audited_beside_verdicts(server, db):
    http = requests.Session()
    sign_in(http, server.url)
    claim = amazon_claim(server.url)
    rate(http, server.url, claim["id"], rating="unsupported")
    rate(http, server.url, claim["id"], rating="inaccurate", correction="$150 billion")
    conflict = alphabet_conflict(server.url)
    token = csrf_from(http.get(server.url + conflict["url"]).text)
    http.post(server.url + conflict["url"] + "/verdict", data={"csrf_token": token, "status": "confirmed"})

    fact = http.get(f"{server.url}/fact/{claim['id']}", params={"format": "json"}).json()
    assert [r["rating"] for r in fact["ratings"]] == ["inaccurate", "unsupported"]
    assert fact["rating"]["correction"] == "$150 billion"
    audit = requests.get(server.url + "/audit", params={"format": "json"}).json()
    assert audit["total"] == 3
    assert [r["rating"] for r in audit["ratings"]] == ["inaccurate", "unsupported"]
    assert [r["status"] for r in audit["reviews"]] == ["confirmed"]
    page = html_lib.unescape(requests.get(server.url + "/audit").text)
    assert page.count('class="audit-entry rating-entry"') == 2 and "correction: $150 billion" in page

    with ClaimStore(db, read_only=True) as store:
        rows = rating_rows(store)
    assert [(r["rating"], r["current"], r["surface"]) for r in rows] == [
        ("unsupported", False, "$200 billion"), ("inaccurate", True, "$200 billion"),
    ]  # fmt: skip
    with ClaimStore(db) as store, pytest.raises(Exception, match="append-only"):
        store.db.execute("UPDATE claim_ratings SET rating = 'accurate'")


def test_a_rating_survives_a_run_that_adds_a_document(db, tmp_path):
    with ClaimStore(db) as store:
        [claim] = [c for c in store.claims(text="Amazon alone has committed") if c.surface == "$200 billion"]
        store.add_rating(claim.id, "accurate", reviewer="editor")
    more = tmp_path / "more"
    more.mkdir()
    (more / "acme-c.txt").write_text("Acme said its 2025 revenue was $12 billion.\n", encoding="utf-8")
    assert ingest([str(more)], str(db)).added == 1
    with ClaimStore(db, read_only=True) as store:
        [again] = [c for c in store.claims(text="Amazon alone has committed") if c.surface == "$200 billion"]
        assert store.current_ratings_of([again])[again.id].rating == "accurate"


def test_claimreview_export_of_a_corpus_without_conflicts(tmp_path):
    """One article: no conflict, so verdicts rate nothing; a rating still exports."""
    articles = tmp_path / "one"
    articles.mkdir()
    shutil.copy(CORPUS / "002_68f7e8746d49bafe.txt", articles)
    db = tmp_path / "one.db"
    run_claims("run", str(articles), "--db", str(db))
    assert run_claims("conflicts", "--db", str(db), "--format", "jsonl").stdout == ""
    before = json.loads(run_claims("export", "--db", str(db), "--what", "claimreview").stdout)
    assert before == []
    with ClaimStore(db) as store:
        [claim] = [c for c in store.claims(text="Amazon alone has committed") if c.surface == "$200 billion"]
        store.add_rating(claim.id, "misleading", reviewer="editor", note="A plan, not this year's spending.")
    reviews = json.loads(run_claims("export", "--db", str(db), "--what", "claimreview").stdout)
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["Misleading"]
    assert claimreview_problems(reviews[0]) == []
    rows = run_claims("export", "--db", str(db), "--what", "ratings", "--format", "csv").stdout.splitlines()
    assert rows[0].startswith("id,at,reviewer,rating,correction,note,current,key,")
    assert ",misleading,," in rows[1] and "$200 billion" in rows[1]


def test_each_side_of_a_conflict_links_to_its_rating(server):
    conflict = alphabet_conflict(server.url)
    page = requests.get(server.url + conflict["url"]).text
    sides = requests.get(server.url + conflict["url"], params={"format": "json"}).json()["sides"]
    for side in sides:
        assert f'class="rate-claim" href="/fact/{side["claim"]["id"]}#rating"' in page
