"""Exports (CSV, JSON, schema.org ClaimReview), reviewer accounts, and the verdict
columns of the store, on a database the real pipeline built from corpus/."""

from __future__ import annotations

import copy
import csv
import io
import json

import pytest

from claims import store as store_module
from claims.exports import claim_reviews, claimreview_problems
from claims.store import ClaimStore, StoreError
from claims.users import UserError, add_user, authenticate, list_users

from .conftest import run_claims
from .review_support import PASSWORD, REVIEWER, build_review_db, copy_db
from .review_support import built_db, db  # noqa: F401 (fixtures)


def alphabet(store: ClaimStore):
    [entry], _ = store.conflict_queue(subject="Alphabet")
    return entry


# --------------------------------------------------------------------------- ClaimReview


@pytest.mark.parametrize(
    "status, rated",
    [
        pytest.param("confirmed", {"$175 and $185 billion": "Disputed", "$180-190 billion": "Disputed"}, id="confirmed"),
        pytest.param("a_wrong", {"$175 and $185 billion": "False"}, id="a-wrong"),
        pytest.param("b_wrong", {"$180-190 billion": "False"}, id="b-wrong"),
        pytest.param("not_comparable", {}, id="not-comparable"),
        pytest.param("needs_research", {}, id="needs-research"),
    ],
)  # fmt: skip
def test_claimreview_rates_the_claims_a_verdict_judges(db, status, rated):
    with ClaimStore(db) as store:
        entry = alphabet(store)
        store.add_review(entry.conflict.a.id, entry.conflict.b.id, status, reviewer=REVIEWER, reason="r", note="n")
        reviews = claim_reviews(store, base_url="https://review.example.org/desk", organization="Example Desk")
    assert {r["itemReviewed"]["appearance"][0]["url"].rsplit("/", 1)[1][:8] for r in reviews} <= {
        entry.a_key.doc_hash[:8],
        entry.b_key.doc_hash[:8],
    }
    got = {}
    for review in reviews:
        assert claimreview_problems(review) == []
        surface = next(s for s in rated if s in review["claimReviewed"]) if rated else None
        got[surface] = review["reviewRating"]["alternateName"]
        assert review["author"] == {"@type": "Organization", "name": "Example Desk"}
        assert review["contributor"] == {"@type": "Person", "name": REVIEWER}
        assert review["url"] == (
            f"https://review.example.org/desk/conflict/{entry.conflict.a.id}-{entry.conflict.b.id}"
        )
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["itemReviewed"]["author"]["name"]
        assert review["reviewRating"]["ratingExplanation"].endswith("Reviewer's note: n")
    assert got == rated


def test_claimreview_uses_the_article_url_and_its_credited_source(tmp_path):
    """An article with a URL, a publisher and a date: they appear in the ClaimReview; the
    claim's author is the source the article credits."""
    from extract.records import Article, Claim, Source

    def article(doc, text, url):
        source = Source(doc=doc, raw=text.encode(), media_type="text/plain", text=text, encoding="utf-8")
        art = Article(text=text, regions=[(0, len(text))], url=url, publisher="Example News", date="2026-02-03",
                      title=f"Headline {doc}")  # fmt: skip
        start = text.index("$")
        end = text.index(" billion") + len(" billion")
        claim = Claim(doc=doc, start=start, end=end, surface=text[start:end], quote=text.strip(), value=float(
            text[start + 1 : text.index(" billion")]) * 1e9, unit="USD", subject="Acme", metric="revenue",
            period="2025", source="Acme CFO Jane Roe")  # fmt: skip
        return source, art, [claim]

    with ClaimStore(tmp_path / "c.db") as store:
        store.add_document(*article("a", "Acme's 2025 revenue was $10 billion, its CFO said.\n", "https://news.example/a"))
        store.add_document(*article("b", "Acme's 2025 revenue was $14 billion, its CFO said.\n", "https://news.example/b"))
        a, b = store.claims()
        store.replace_conflicts([store_module.StoredConflict(a=a, b=b, verdict="contradiction", why="w", score=0.3)])
        store.add_review(a.id, b.id, "b_wrong", reviewer=REVIEWER)
        [review] = claim_reviews(store)
    assert claimreview_problems(review) == []
    item = review["itemReviewed"]
    assert item["author"] == {"@type": "Organization", "name": "Acme CFO Jane Roe"}
    assert item["datePublished"] == "2026-02-03"
    assert item["appearance"] == [
        {
            "@type": "CreativeWork",
            "url": "https://news.example/b",
            "headline": "Headline b",
            "publisher": {"@type": "Organization", "name": "Example News"},
            "datePublished": "2026-02-03",
        }
    ]
    assert review["claimReviewed"] == "Acme's 2025 revenue was $14 billion, its CFO said."
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "False",
        "ratingExplanation": review["reviewRating"]["ratingExplanation"],
    }
    # The other side is named by its title and publisher, not its file name.
    assert "Other figure: '$10 billion' (Headline a (Example News))." in review["reviewRating"]["ratingExplanation"]


REQUIRED_PATHS = [
    ("@context",), ("@type",), ("claimReviewed",), ("url",), ("author",), ("author", "name"), ("datePublished",),
    ("reviewRating",), ("reviewRating", "alternateName"), ("reviewRating", "ratingValue"),
    ("itemReviewed",), ("itemReviewed", "@type"), ("itemReviewed", "author"), ("itemReviewed", "author", "name"),
    ("itemReviewed", "appearance"),
]  # fmt: skip


@pytest.mark.parametrize("path", [pytest.param(p, id=".".join(p)) for p in REQUIRED_PATHS])
def test_claimreview_validator_reports_each_missing_required_field(db, path):
    with ClaimStore(db) as store:
        entry = alphabet(store)
        store.add_review(entry.conflict.a.id, entry.conflict.b.id, "a_wrong", reviewer=REVIEWER)
        [review] = claim_reviews(store)
    assert claimreview_problems(review) == []
    broken = copy.deepcopy(review)
    holder = broken
    for key in path[:-1]:
        holder = holder[key]
    del holder[path[-1]]
    assert claimreview_problems(broken) != []


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"ratingValue": 9}, id="rating-above-best"),
        pytest.param({"ratingValue": "bad"}, id="rating-not-a-number"),
        pytest.param({"@type": "Review"}, id="rating-wrong-type"),
    ],
)
def test_claimreview_validator_checks_the_rating(db, change):
    with ClaimStore(db) as store:
        entry = alphabet(store)
        store.add_review(entry.conflict.a.id, entry.conflict.b.id, "a_wrong", reviewer=REVIEWER)
        [review] = claim_reviews(store)
    review["reviewRating"].update(change)
    assert claimreview_problems(review)


# --------------------------------------------------------------------------- `claims export`


def test_export_command(db):
    with ClaimStore(db) as store:
        entry = alphabet(store)
        store.add_review(entry.conflict.a.id, entry.conflict.b.id, "needs_research", reviewer=REVIEWER)
        store.add_review(entry.conflict.a.id, entry.conflict.b.id, "confirmed", reviewer=REVIEWER, note="checked")
        n_claims = store.counts()["claims"]

    claims_json = json.loads(run_claims("export", "--db", str(db), "--what", "claims", "--format", "json").stdout)
    assert len(claims_json) == n_claims
    first = claims_json[0]
    assert first["key"] == f"{first['document_hash']}:{first['start']}:{first['end']}"
    claims_csv = list(csv.DictReader(io.StringIO(
        run_claims("export", "--db", str(db), "--what", "claims", "--format", "csv", "--subject", "Alphabet").stdout
    )))  # fmt: skip
    assert {row["subject"] for row in claims_csv} == {"Alphabet"}
    assert "$175 and $185 billion" in {row["surface"] for row in claims_csv}

    verdicts = json.loads(run_claims("export", "--db", str(db), "--what", "verdicts").stdout)
    assert [(v["status"], v["current"], v["note"]) for v in verdicts] == [
        ("needs_research", False, None),
        ("confirmed", True, "checked"),
    ]
    verdicts_csv = list(csv.DictReader(io.StringIO(
        run_claims("export", "--db", str(db), "--what", "verdicts", "--format", "csv").stdout
    )))  # fmt: skip
    assert [row["status"] for row in verdicts_csv] == ["needs_research", "confirmed"]
    assert verdicts_csv[1]["a_surface"] == "$175 and $185 billion"

    out = run_claims(
        "export", "--db", str(db), "--what", "claimreview", "--base-url", "https://desk.example/", "--organization", "Desk"
    ).stdout
    reviews = json.loads(out)
    assert len(reviews) == 2 and all(claimreview_problems(r) == [] for r in reviews)
    assert {r["author"]["name"] for r in reviews} == {"Desk"}
    refused = run_claims("export", "--db", str(db), "--what", "claimreview", "--format", "csv", check=False)
    assert refused.returncode == 2 and "JSON-LD" in refused.stderr


# --------------------------------------------------------------------------- accounts


def test_user_add_command(tmp_path):
    db = tmp_path / "u.db"
    added = run_claims_stdin(["user", "add", "Ada Lovelace", "--db", str(db), "--password-stdin"], "a long enough password\n")
    assert added.returncode == 0 and "user Ada Lovelace added" in added.stdout
    again = run_claims_stdin(["user", "add", "ada lovelace", "--db", str(db), "--password-stdin"], "another password!\n")
    assert again.returncode == 1 and "already exists" in again.stderr
    short = run_claims_stdin(["user", "add", "bob", "--db", str(db), "--password-stdin"], "short\n")
    assert short.returncode == 1 and "at least 10 characters" in short.stderr
    with ClaimStore(db) as store:
        [user] = list_users(store)
        assert user.name == "Ada Lovelace"
        assert user.password_hash.startswith("scrypt:") and "a long enough password" not in user.password_hash
        assert authenticate(store, "Ada Lovelace", "a long enough password") == user
        assert authenticate(store, "Ada Lovelace", "a long enough passwore") is None
    listed = run_claims("user", "list", "--db", str(db)).stdout
    assert listed.startswith("Ada Lovelace\t")


def run_claims_stdin(args: list[str], stdin: str):
    import subprocess
    import sys

    from .conftest import ROOT

    return subprocess.run([sys.executable, "-m", "claims", *args], input=stdin, capture_output=True, text=True, cwd=ROOT)


@pytest.mark.parametrize(
    "name, password, error",
    [
        pytest.param("", "long enough password", "empty", id="empty-name"),
        pytest.param("a\nb", "long enough password", "control characters", id="line-break-in-name"),
        pytest.param("x" * 65, "long enough password", "at most 64", id="long-name"),
        pytest.param("carol", "too short", "at least 10", id="short-password"),
    ],
)
def test_refused_accounts(tmp_path, name, password, error):
    with ClaimStore(tmp_path / "u.db") as store:
        with pytest.raises(UserError, match=error):
            add_user(store, name, password)
        assert list_users(store) == []


# --------------------------------------------------------------------------- the verdict columns


def test_reviews_written_before_the_review_migration_get_their_keys(db, tmp_path):
    """A schema-1 database whose verdicts name claims by row id only upgrades to keyed
    verdicts, and its reviews table is append-only again afterwards."""
    from extract.records import Claim

    old = tmp_path / "old.db"
    with ClaimStore(db) as built, ClaimStore(old, upto=1) as v1:
        for document in built.documents():
            claims = [Claim.model_validate(c.model_dump()) for c in built.claims(doc=document.doc)]
            v1.add_document(built.source(document.id), built.article(document.id), claims)
        entry = alphabet(built)
        a, b = entry.conflict.a, entry.conflict.b
        # The same documents in the same order: the same claim ids.
        assert v1.claim(a.id) == a and v1.claim(b.id) == b
        # Written as a schema-1 build wrote it (today's replace_conflicts knows later columns).
        v1.db["conflicts"].insert({"a_claim_id": a.id, "b_claim_id": b.id, "verdict": "contradiction", "why": "w", "score": 0.1})
        v1.db["reviews"].insert(
            {"a_claim_id": b.id, "b_claim_id": a.id, "status": "a_wrong", "note": "old", "reviewer": "x",
             "at": "2025-01-01T00:00:00+00:00"}
        )  # fmt: skip
        assert v1.schema_version == 1
    with ClaimStore(old) as upgraded:
        assert upgraded.schema_version == len(store_module.MIGRATIONS)
        [review] = upgraded.reviews()
        assert review.pair_key == entry.pair_key
        assert (review.a, review.b) == (entry.b_key, entry.a_key)  # as it was recorded
        [queued], _ = upgraded.conflict_queue(subject="Alphabet")
        assert queued.review.id == review.id
        for sql in ("UPDATE reviews SET status = 'x'", "DELETE FROM reviews"):
            with pytest.raises(Exception, match="append-only"):
                upgraded.db.execute(sql)


def test_a_review_needs_claims_that_exist(db):
    with ClaimStore(db) as store:
        with pytest.raises(StoreError, match="no claim with id"):
            store.add_review(10**9, 1, "confirmed", reviewer=REVIEWER)
        assert store.review_count() == 0


def test_the_session_secret_is_made_once(db):
    made = []
    with ClaimStore(db) as store:
        first = store.setting("session_secret_test", lambda: made.append(1) or "one")
        second = store.setting("session_secret_test", lambda: made.append(1) or "two")
    assert first == second == "one" and made == [1]


def test_password_is_checked_against_the_stored_hash(db):
    with ClaimStore(db) as store:
        assert authenticate(store, REVIEWER, PASSWORD).name == REVIEWER
        assert authenticate(store, REVIEWER.upper(), PASSWORD).name == REVIEWER  # names ignore case
        assert authenticate(store, REVIEWER, PASSWORD + " ") is None
        assert authenticate(store, "", PASSWORD) is None


def test_conflict_rows_carry_their_pair_key_subject_and_metric(db):
    """Kept by a trigger on whatever inserts conflict rows (the reconciler knows nothing
    of them); the queue's filters rely on them."""
    with ClaimStore(db) as store:
        entries, total = store.conflict_queue(limit=None)
        rows = {r["id"]: r for r in store.db["conflicts"].rows}
        assert total == len(entries) == len(rows) == 2
        for entry in entries:
            row = rows[entry.conflict_id]
            assert row["pair_key"] == entry.pair_key
            assert (row["subject"], row["metric"]) == (entry.conflict.a.subject, entry.conflict.a.metric)
        entry = entries[0]
        store.add_review(entry.conflict.a.id, entry.conflict.b.id, "needs_research", reviewer=REVIEWER)
        latest = store.add_review(entry.conflict.a.id, entry.conflict.b.id, "confirmed", reviewer=REVIEWER)
        assert list(store.db["review_state"].rows) == [
            {"pair_key": entry.pair_key, "review_id": latest.id, "status": "confirmed"}
        ]
        assert [r.id for r in store.current_reviews()] == [latest.id]
