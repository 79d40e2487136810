"""The SQLite store, against real database files in tmp_path."""

from __future__ import annotations

import datetime as dt
import gzip
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from claims.store import migrations as store_module
from extract.records import Approx, Article, Claim, Failure, Kind, Source, StoredClaim
from claims.store import (
    MIGRATIONS,
    Migration,
    ClaimStore,
    StoredConflict,
    InvalidDocumentError,
    StoreError,
    content_hash,
)

# --------------------------------------------------------------------------- test data

REUTERS = (
    "Alphabet shares fell 7% after hours.\n"
    "Alphabet expects capital expenditures of between $175 and $185 billion in 2026, "
    "Chief Financial Officer Anat Ashkenazi told analysts on Wednesday. "
    "Google Cloud revenue rose 34% in the fourth quarter."
)
CNBC = (
    "Alphabet now plans to spend $180-190 billion on capex in 2026, "
    "according to analysts at Bloomberg Intelligence."
)
FT = "Meta raised its 2026 capital spending forecast to as much as $72 billion."


def claim(doc: str, text: str, surface: str, **fields) -> Claim:
    start = text.index(surface)
    sentence_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    sentence_end = text.find(".", start + len(surface))
    quote = text[sentence_start : sentence_end + 1 if sentence_end >= 0 else None].strip()
    return Claim(
        doc=doc, start=start, end=start + len(surface), surface=surface, quote=quote, **fields
    )


def document(doc: str, text: str, claims_fields: list[tuple[str, dict]], **meta):
    raw = text.encode("utf-8")
    source = Source(
        doc=doc,
        raw=raw,
        media_type="text/plain",
        text=text,
        encoding="utf-8",
        fetched_at=dt.datetime(2026, 2, 5, 9, 30, tzinfo=dt.timezone.utc),
    )
    article = Article(text=text, regions=[(0, len(text))], **meta)
    return source, article, [claim(doc, text, s, **f) for s, f in claims_fields]


def reuters():
    return document(
        "corpus/reuters-alphabet.txt",
        REUTERS,
        [
            ("7%", dict(value=7, unit="percent", subject="Alphabet", metric="share price")),
            (
                "$175 and $185 billion",
                dict(
                    low=175e9, high=185e9, unit="USD", subject="Alphabet", metric="capex",
                    period="2026", source="Anat Ashkenazi", kind=Kind.forecast,
                ),
            ),
            (
                "34%",
                dict(
                    value=34, unit="percent", subject="Google Cloud",
                    metric="revenue growth", period="2025-Q4",
                ),
            ),
        ],
        title="Alphabet forecasts capex surge",
        author="Jane Doe",
        date=dt.date(2026, 2, 4),
        publisher="Reuters",
        url="https://www.reuters.com/technology/alphabet-capex-2026",
    )  # fmt: skip


def cnbc():
    return document(
        "corpus/cnbc-alphabet.html",
        CNBC,
        [
            (
                "$180-190 billion",
                dict(
                    low=180e9, high=190e9, unit="USD", subject="Alphabet", metric="capex",
                    period="2026", source="Bloomberg Intelligence", kind=Kind.forecast,
                ),
            )
        ],
        title="Alphabet to spend up to $190 billion",
        publisher="CNBC",
    )  # fmt: skip


def ft():
    return document(
        "corpus/ft-meta.txt",
        FT,
        [
            (
                "$72 billion",
                dict(
                    value=72e9, unit="USD", approx=Approx.up_to, subject="Meta",
                    metric="capex", period="2026", kind=Kind.forecast,
                ),
            )
        ],
        publisher="Financial Times",
    )  # fmt: skip


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "claims.db"


@pytest.fixture
def store(db_path):
    with ClaimStore(db_path) as s:
        yield s


@pytest.fixture
def loaded(store):
    for make in (reuters, cnbc, ft):
        assert store.add_document(*make()) is not None
    return store


def plain(c: Claim) -> dict:
    """A claim's contract fields, whether it is a Claim or a StoredClaim."""
    return Claim.model_validate(c.model_dump(include=set(Claim.model_fields))).contract_dict()


def by_surface(store: ClaimStore) -> dict[str, StoredClaim]:
    return {c.surface: c for c in store.all_claims()}


# --------------------------------------------------------------------------- schema

EXPECTED_TABLES = {
    "schema_migrations": [("version", "INTEGER"), ("applied_at", "TEXT"), ("name", "TEXT")],
    "documents": [
        ("id", "INTEGER"), ("doc", "TEXT"), ("content_hash", "TEXT"), ("url", "TEXT"),
        ("final_url", "TEXT"), ("title", "TEXT"), ("author", "TEXT"), ("published", "TEXT"),
        ("publisher", "TEXT"), ("media_type", "TEXT"), ("encoding", "TEXT"), ("text", "TEXT"),
        ("regions", "TEXT"), ("raw", "BLOB"), ("fetched_at", "TEXT"), ("ingested_at", "TEXT"),
    ],
    "claims": [
        ("id", "INTEGER"), ("document_id", "INTEGER"), ("start", "INTEGER"), ("end", "INTEGER"),
        ("surface", "TEXT"), ("quote", "TEXT"), ("value", "REAL"), ("low", "REAL"),
        ("high", "REAL"), ("unit", "TEXT"), ("approx", "TEXT"), ("subject", "TEXT"),
        ("metric", "TEXT"), ("period", "TEXT"), ("source", "TEXT"), ("kind", "TEXT"),
        ("direction", "TEXT"), ("change_verb", "TEXT"), ("per", "TEXT"), ("parent", "TEXT"),
        ("subject_inferred", "INTEGER"), ("vague", "INTEGER"), ("basis", "TEXT"),
    ],
    "claims_fts": [("quote", "")],
    "conflicts": [
        ("id", "INTEGER"), ("a_claim_id", "INTEGER"), ("b_claim_id", "INTEGER"),
        ("verdict", "TEXT"), ("why", "TEXT"), ("score", "REAL"), ("explained", "INTEGER"), ("pair_key", "TEXT"),
        ("subject", "TEXT"), ("metric", "TEXT"), ("tier", "TEXT"), ("evidence", "TEXT"),
    ],
    "facts": [("id", "INTEGER"), ("group_key", "TEXT")],
    "fact_mentions": [("fact_id", "INTEGER"), ("claim_id", "INTEGER")],
    "corroborations": [("id", "INTEGER"), ("group_key", "TEXT")],
    "corroboration_claims": [("corroboration_id", "INTEGER"), ("claim_id", "INTEGER")],
    "failures": [("id", "INTEGER"), ("doc", "TEXT"), ("reason", "TEXT"), ("at", "TEXT")],
    "reviews": [
        ("id", "INTEGER"), ("a_claim_id", "INTEGER"), ("b_claim_id", "INTEGER"),
        ("status", "TEXT"), ("note", "TEXT"), ("reviewer", "TEXT"), ("at", "TEXT"),
        ("a_doc_hash", "TEXT"), ("b_doc_hash", "TEXT"), ("a_start", "INTEGER"), ("a_end", "INTEGER"),
        ("b_start", "INTEGER"), ("b_end", "INTEGER"), ("pair_key", "TEXT"), ("reason", "TEXT"),
    ],
    "settings": [("key", "TEXT"), ("value", "TEXT")],
    "review_state": [("pair_key", "TEXT"), ("review_id", "INTEGER"), ("status", "TEXT")],
    "claim_ratings": [
        ("id", "INTEGER"), ("claim_id", "INTEGER"), ("doc_hash", "TEXT"), ("start", "INTEGER"),
        ("end", "INTEGER"), ("claim_key", "TEXT"), ("rating", "TEXT"), ("note", "TEXT"),
        ("correction", "TEXT"), ("reviewer", "TEXT"), ("at", "TEXT"),
    ],
    "users": [
        ("id", "INTEGER"), ("name", "TEXT"), ("password_hash", "TEXT"), ("created_at", "TEXT"),
        ("password_changed_at", "TEXT"),
    ],
}  # fmt: skip
_CLAIMS_VIEW_COLUMNS = [
    "id", "doc", "start", "end", "surface", "quote", "value", "low", "high", "unit",
    "approx", "subject", "metric", "period", "source", "kind", "title", "url",
    "publisher", "published", "document_id",
]  # fmt: skip
EXPECTED_VIEWS = {
    "claims_view": _CLAIMS_VIEW_COLUMNS,
    "conflicts_view": [
        "id", "score", "verdict", "metric", "period", "a_subject", "a_surface", "a_doc",
        "b_subject", "b_surface", "b_doc", "why", "a_claim_id", "b_claim_id",
    ],
    "corroborations_view": ["corroboration_id", *_CLAIMS_VIEW_COLUMNS],
    "facts_view": ["fact_id", *_CLAIMS_VIEW_COLUMNS],
}  # fmt: skip
EXPECTED_TRIGGERS = {
    "claims_ai", "claims_ad", "claims_au", "reviews_no_update", "reviews_no_delete",
    "conflicts_queue_fields", "reviews_current", "claim_ratings_no_update", "claim_ratings_no_delete",
}  # fmt: skip


def test_schema_of_a_fresh_database(store):
    """Changes consciously with each new migration."""
    db = store.db
    fts_shadow = {"claims_fts_data", "claims_fts_idx", "claims_fts_docsize", "claims_fts_config"}
    tables = {t for t in db.table_names() if t not in fts_shadow}
    assert tables == set(EXPECTED_TABLES)
    assert set(db.table_names()) - tables == fts_shadow
    for name, columns in EXPECTED_TABLES.items():
        assert [(c.name, c.type) for c in db[name].columns] == columns, name
    assert {v: [c.name for c in db[v].columns] for v in db.view_names()} == EXPECTED_VIEWS
    assert {t.name for t in db.triggers} == EXPECTED_TRIGGERS
    assert db["claims"].detect_fts() == "claims_fts"
    assert store.schema_version == len(MIGRATIONS)
    assert db.journal_mode == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 30000


def test_reopening_applies_nothing(db_path):
    with ClaimStore(db_path) as s:
        s.add_document(*reuters())
        applied = list(s.db["schema_migrations"].rows)
    with ClaimStore(db_path) as s:
        assert list(s.db["schema_migrations"].rows) == applied
        assert s.counts()["claims"] == 3


# --------------------------------------------------------------------------- migrations

ADD_LANGUAGE = Migration("add_language", "ALTER TABLE documents ADD COLUMN language TEXT")


def add_reviews_index(db):
    db["reviews"].create_index(["status"], index_name="idx_reviews_status")


@pytest.mark.parametrize(
    "extra",
    [pytest.param([], id="first-to-current"), pytest.param([ADD_LANGUAGE], id="sql-migration"),
     pytest.param([ADD_LANGUAGE, Migration("add_reviews_index", add_reviews_index)], id="sql-then-callable")],
)  # fmt: skip
def test_upgrade_keeps_data(db_path, monkeypatch, extra):
    with ClaimStore(db_path, upto=1) as old:
        assert old.schema_version == 1
        old.add_document(*reuters())
        old.add_document(*cnbc())
        old.record_failure("corpus/broken.html", "not UTF-8")
        before = [c.model_dump() for c in old.all_claims()]
        documents = old.documents()

    monkeypatch.setattr(store_module, "MIGRATIONS", MIGRATIONS + extra)
    with ClaimStore(db_path) as new:
        assert new.schema_version == len(MIGRATIONS) + len(extra)
        assert [c.model_dump() for c in new.all_claims()] == before
        assert new.documents() == documents
        assert new.failures() == [Failure(doc="corpus/broken.html", reason="not UTF-8")]
        assert new.claims(text="capital expenditures")[0].surface == "$175 and $185 billion"
        if extra:
            assert "language" in new.db["documents"].columns_dict


def test_failed_migration_rolls_back_and_stops(db_path, monkeypatch):
    def half_done(db):
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("migration bug")

    ClaimStore(db_path).close()
    monkeypatch.setattr(store_module, "MIGRATIONS", MIGRATIONS + [Migration("half_done", half_done), ADD_LANGUAGE])
    with pytest.raises(RuntimeError, match="migration bug"):
        ClaimStore(db_path)
    with ClaimStore(db_path, upto=len(MIGRATIONS)) as s:
        assert s.schema_version == len(MIGRATIONS)
        assert "half_done" not in s.db.table_names()
        assert "language" not in s.db["documents"].columns_dict


def test_database_newer_than_code_is_refused(db_path, monkeypatch):
    monkeypatch.setattr(store_module, "MIGRATIONS", MIGRATIONS + [ADD_LANGUAGE])
    ClaimStore(db_path).close()
    monkeypatch.setattr(store_module, "MIGRATIONS", MIGRATIONS)
    with pytest.raises(StoreError, match="newer"):
        ClaimStore(db_path)


def test_concurrent_first_open_migrates_once(db_path):
    errors, versions = [], []

    def open_store():
        try:
            with ClaimStore(db_path) as s:
                versions.append(s.schema_version)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=open_store) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert versions == [len(MIGRATIONS)] * 6
    with ClaimStore(db_path) as s:
        assert s.db["schema_migrations"].count == len(MIGRATIONS)


# Databases written by the single-module store (before migrations had names), at schema
# version 5 and at version 7, each holding the Reuters and CNBC documents and one failure.
OLD_CODE_DATABASES = Path(__file__).parent / "fixtures" / "store"


@pytest.mark.parametrize("fixture", ["old_code_v5.db", "old_code_v7.db"], ids=["old-v5", "old-v7"])
def test_database_from_before_named_migrations_opens_and_migrates(tmp_path, fixture):
    db_path = tmp_path / fixture
    with gzip.open(OLD_CODE_DATABASES / f"{fixture}.gz") as src, open(db_path, "wb") as dst:
        shutil.copyfileobj(src, dst)  # kept gzipped in the repository: SQLite pages compress 35 to 1
    with ClaimStore(db_path) as s:
        record = [(r["version"], r["name"]) for r in s.db["schema_migrations"].rows]
        assert record == [(i, m.name) for i, m in enumerate(MIGRATIONS, start=1)]
        assert s.counts()["claims"] == 4
        assert s.failures() == [Failure(doc="corpus/broken.html", reason="not UTF-8")]
        assert s.claims(text="capital expenditures")[0].surface == "$175 and $185 billion"
    with ClaimStore(db_path) as again:
        assert [(r["version"], r["name"]) for r in again.db["schema_migrations"].rows] == record


def test_migrations_are_applied_by_name(db_path, monkeypatch):
    ClaimStore(db_path).close()
    monkeypatch.setattr(store_module, "MIGRATIONS", MIGRATIONS + [ADD_LANGUAGE])
    with ClaimStore(db_path) as s:
        names = [r["name"] for r in s.db["schema_migrations"].rows]
        assert names == [m.name for m in MIGRATIONS] + ["add_language"]
        assert "language" in s.db["documents"].columns_dict


def test_database_with_a_migration_this_code_does_not_know_is_refused(db_path, monkeypatch):
    renamed = Migration("add_language_v2", ADD_LANGUAGE.step)
    monkeypatch.setattr(store_module, "MIGRATIONS", MIGRATIONS + [renamed])
    ClaimStore(db_path).close()
    monkeypatch.setattr(store_module, "MIGRATIONS", MIGRATIONS + [ADD_LANGUAGE])
    with pytest.raises(StoreError, match="newer"):
        ClaimStore(db_path)


# --------------------------------------------------------------------------- documents


def test_add_document_is_idempotent(store):
    source, article, claims = reuters()
    first = store.add_document(source, article, claims)
    assert isinstance(first, int)
    assert store.has_document(content_hash(source.raw))
    counts = store.counts()
    assert store.add_document(source, article, claims) is None
    renamed = source.model_copy(update={"doc": "elsewhere/same-bytes.txt"})
    assert store.add_document(renamed, article, []) is None
    assert store.counts() == counts == {
        "documents": 1, "claims": 3, "conflicts": 0, "corroborations": 0, "failures": 0,
    }  # fmt: skip


def test_duplicate_span_stores_nothing_of_the_document(store):
    source, article, claims = reuters()
    with pytest.raises(InvalidDocumentError, match="reuters-alphabet.txt.*nothing stored"):
        store.add_document(source, article, claims + [claims[1].model_copy()])
    assert not store.has_document(content_hash(source.raw))
    assert store.counts()["documents"] == 0
    assert store.claims() == []
    assert store.db.execute("SELECT count(*) FROM claims_fts").fetchone()[0] == 0
    # the store is still usable, and the corrected document goes in
    assert store.add_document(source, article, claims) is not None
    assert store.add_document(*cnbc()) is not None
    assert store.counts()["claims"] == 4


def _shifted(c: Claim) -> Claim:
    return c.model_copy(update={"start": c.start + 1, "end": c.end + 1})


@pytest.mark.parametrize(
    "break_claim, message",
    [
        pytest.param(_shifted, "the text there is", id="offsets-miss-surface"),
        pytest.param(lambda c: c.model_copy(update={"end": 10_000}), "outside", id="out-of-text"),
        pytest.param(lambda c: c.model_copy(update={"doc": "other.txt"}), "belongs to", id="other-doc"),
    ],
)  # fmt: skip
def test_claims_must_point_into_the_article_text(store, break_claim, message):
    source, article, claims = reuters()
    claims[2] = break_claim(claims[2])
    with pytest.raises(InvalidDocumentError, match=message):
        store.add_document(source, article, claims)
    assert store.counts()["documents"] == 0


def test_documents_and_their_source_and_article(loaded):
    docs = {d.doc: d for d in loaded.documents()}
    assert list(docs) == [
        "corpus/reuters-alphabet.txt", "corpus/cnbc-alphabet.html", "corpus/ft-meta.txt",
    ]  # fmt: skip
    r = docs["corpus/reuters-alphabet.txt"]
    source, article, _ = reuters()
    assert r.content_hash == content_hash(REUTERS.encode())
    assert (r.title, r.author, r.published, r.publisher, r.url) == (
        "Alphabet forecasts capex surge", "Jane Doe", dt.date(2026, 2, 4), "Reuters",
        "https://www.reuters.com/technology/alphabet-capex-2026",
    )  # fmt: skip
    assert r.media_type == "text/plain"
    assert r.ingested_at.tzinfo is not None
    assert loaded.source(r.id) == source.model_copy(update={"url": r.url})
    assert loaded.article(r.id) == article
    with pytest.raises(StoreError):
        loaded.article(999)


# --------------------------------------------------------------------------- queries


@pytest.mark.parametrize(
    "filters, surfaces",
    [
        pytest.param({}, ["7%", "$175 and $185 billion", "34%", "$180-190 billion", "$72 billion"], id="all"),
        pytest.param({"subject": "ALPHABET"}, ["7%", "$175 and $185 billion", "$180-190 billion"], id="subject-nocase"),
        pytest.param({"subject": "alphabet", "metric": "Capex"}, ["$175 and $185 billion", "$180-190 billion"], id="subject-metric"),
        pytest.param({"metric": "capex", "period": "2026"}, ["$175 and $185 billion", "$180-190 billion", "$72 billion"], id="metric-period"),
        pytest.param({"period": "2025-q4"}, ["34%"], id="period-nocase"),
        pytest.param({"source": "bloomberg intelligence"}, ["$180-190 billion"], id="source-nocase"),
        pytest.param({"subject": "Alph"}, [], id="subject-is-equality-not-prefix"),
        pytest.param({"text": "capital expenditures"}, ["$175 and $185 billion"], id="fts-words"),
        pytest.param({"text": "Capex"}, ["$180-190 billion"], id="fts-nocase"),
        pytest.param({"text": "forecast", "subject": "meta"}, ["$72 billion"], id="fts-and-subject"),
        pytest.param({"text": "$175 OR -NOT \"billion"}, [], id="fts-syntax-escaped"),
        pytest.param({"doc": "corpus/reuters-alphabet.txt"}, ["7%", "$175 and $185 billion", "34%"], id="doc"),
        pytest.param({"doc": "corpus/reuters-alphabet.txt", "limit": 2}, ["7%", "$175 and $185 billion"], id="limit"),
        pytest.param({"subject": "Nvidia"}, [], id="no-match"),
    ],
)  # fmt: skip
def test_claims_filters(loaded, filters, surfaces):
    assert [c.surface for c in loaded.claims(**filters)] == surfaces


def test_stored_claims_round_trip(loaded):
    originals = reuters()[2] + cnbc()[2] + ft()[2]
    stored = loaded.all_claims()
    assert [plain(c) for c in stored] == [plain(c) for c in originals]
    docs = {d.doc: d.id for d in loaded.documents()}
    assert all(c.document_id == docs[c.doc] for c in stored)


def test_full_text_index_follows_updates_and_deletes(loaded):
    c = by_surface(loaded)["$72 billion"]
    loaded.db.execute("UPDATE claims SET quote = 'Meta guided to a hyperscale budget' WHERE id = ?", [c.id])
    assert loaded.claims(text="forecast") == []
    assert [x.id for x in loaded.claims(text="hyperscale")] == [c.id]
    loaded.db.execute("DELETE FROM documents WHERE id = ?", [c.document_id])
    assert loaded.claims(text="hyperscale") == []
    assert loaded.counts()["claims"] == 4  # cascaded


def test_claims_view_reads_like_datasette_would(loaded):
    rows = list(loaded.db.query("SELECT * FROM claims_view WHERE surface = '$180-190 billion'"))
    assert len(rows) == 1
    assert rows[0]["doc"] == "corpus/cnbc-alphabet.html"
    assert rows[0]["publisher"] == "CNBC"
    assert (rows[0]["low"], rows[0]["high"], rows[0]["approx"]) == (180e9, 190e9, "exact")


# --------------------------------------------------------------------------- conflicts


def alphabet_conflicts(store) -> list[StoredConflict]:
    c = by_surface(store)
    return [
        StoredConflict(
            a=c["$180-190 billion"],  # a has the larger id: order kept as given
            b=c["$175 and $185 billion"],
            verdict="contradiction",
            why="Alphabet capex 2026: $180-190B vs $175-185B",
            score=0.4,
        ),
        StoredConflict(
            a=c["$175 and $185 billion"],
            b=c["$72 billion"],
            verdict="suspicious",
            why="capex 2026 differs by 2.5x",
            score=0.9,
        ),
    ]


def test_conflicts_round_trip_with_full_claims(loaded):
    records = alphabet_conflicts(loaded)
    loaded.replace_conflicts(records)
    conflicts = loaded.conflicts()
    assert [c.score for c in conflicts] == [0.9, 0.4]
    top, second = conflicts
    assert (second.a.id, second.b.id) == (records[0].a.id, records[0].b.id)
    assert plain(second.a) == plain(cnbc()[2][0])
    assert plain(second.b) == plain(reuters()[2][1])
    assert (second.verdict, second.why) == ("contradiction", records[0].why)
    assert top.b.doc == "corpus/ft-meta.txt" and top.b.approx is Approx.up_to
    # the contract's JSONL line carries exactly the claim fields, no store ids, plus tier and evidence
    line = second.contract_dict()
    assert set(line) == {"a", "b", "verdict", "why", "score", "tier", "evidence"}
    assert (line["tier"], line["evidence"]) == ("contradiction", [])
    assert set(line["a"]) == set(Claim.model_fields)
    assert line["a"]["low"] == 180e9 and line["b"]["doc"] == "corpus/reuters-alphabet.txt"


def test_conflicts_by_tier_and_score(loaded):
    sure, unsure = alphabet_conflicts(loaded)
    loaded.replace_conflicts([
        sure.model_copy(update={"tier": "contradiction", "evidence": ["subject, metric, period framed alike"]}),
        unsure.model_copy(update={"tier": "possible", "verdict": "possible", "evidence": ["words alike (0.40)"]}),
    ])
    assert [c.tier for c in loaded.conflicts(("contradiction",))] == ["contradiction"]
    assert [(c.tier, c.verdict, c.evidence) for c in loaded.conflicts(("possible",))] == \
        [("possible", "possible", ["words alike (0.40)"])]
    assert [c.score for c in loaded.conflicts(min_score=0.5)] == [max(sure.score, unsure.score)]


def test_conflicts_view(loaded):
    loaded.replace_conflicts(alphabet_conflicts(loaded)[:1])
    (row,) = loaded.db["conflicts_view"].rows
    assert {k: row[k] for k in ("a_surface", "b_surface", "a_doc", "b_doc", "metric", "period")} == {
        "a_surface": "$180-190 billion", "b_surface": "$175 and $185 billion",
        "a_doc": "corpus/cnbc-alphabet.html", "b_doc": "corpus/reuters-alphabet.txt",
        "metric": "capex", "period": "2026",
    }  # fmt: skip


def test_replace_conflicts_replaces_and_leaves_reviews_alone(loaded):
    records = alphabet_conflicts(loaded)
    loaded.replace_conflicts(records)
    reviews = [
        {"a_claim_id": r.a.id, "b_claim_id": r.b.id, "status": status, "note": note,
         "reviewer": "ed", "at": "2026-02-05T10:00:00+00:00"}
        for r, status, note in [(records[0], "confirmed", "ranges overlap only at $180-185B"),
                                (records[1], "dismissed", "different companies")]
    ]  # fmt: skip
    loaded.db["reviews"].insert_all(reviews)
    before = list(loaded.db["reviews"].rows)

    loaded.replace_conflicts(records[:1])
    assert [c.why for c in loaded.conflicts()] == [records[0].why]
    loaded.replace_conflicts([])
    assert loaded.conflicts() == []
    assert list(loaded.db["reviews"].rows) == before


@pytest.mark.parametrize(
    "sql",
    [pytest.param("DELETE FROM reviews", id="delete"),
     pytest.param("UPDATE reviews SET status = 'dismissed'", id="update")],
)  # fmt: skip
def test_reviews_are_append_only(loaded, sql):
    loaded.db["reviews"].insert(
        {"a_claim_id": 1, "b_claim_id": 2, "status": "confirmed", "at": "2026-02-05"}
    )
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        loaded.db.execute(sql)
    assert loaded.db["reviews"].count == 1


def test_failed_replace_keeps_previous_conflicts(loaded):
    records = alphabet_conflicts(loaded)
    loaded.replace_conflicts(records)
    dangling = records[0].model_copy(update={"b": records[0].b.model_copy(update={"id": 9999})})
    with pytest.raises(sqlite3.IntegrityError):
        loaded.replace_conflicts([dangling])
    assert len(loaded.conflicts()) == 2


# --------------------------------------------------------------------------- corroborations


def test_corroborations_round_trip_and_replace(loaded):
    c = by_surface(loaded)
    pair = [c["$180-190 billion"].id, c["$175 and $185 billion"].id]
    loaded.replace_corroborations([pair, list(reversed(pair))])  # same group, once
    (group,) = loaded.corroborations()
    assert [x.surface for x in group] == ["$175 and $185 billion", "$180-190 billion"]
    assert all(isinstance(x, StoredClaim) for x in group)
    assert loaded.counts()["corroborations"] == 1

    loaded.replace_corroborations([[c["7%"].id, c["34%"].id]])
    assert [[x.surface for x in g] for g in loaded.corroborations()] == [["7%", "34%"]]
    assert loaded.db["corroboration_claims"].count == 2
    with pytest.raises(ValueError, match="at least two"):
        loaded.replace_corroborations([[c["7%"].id]])


# --------------------------------------------------------------------------- failures


def test_failures_recorded_once(store):
    store.record_failure("corpus/broken.html", "cannot decode: not UTF-8")
    store.record_failure("corpus/broken.html", "cannot decode: not UTF-8")
    store.record_failure("https://example.com/gone", "HTTP 404")
    assert store.failures() == [
        Failure(doc="corpus/broken.html", reason="cannot decode: not UTF-8"),
        Failure(doc="https://example.com/gone", reason="HTTP 404"),
    ]
    assert store.counts()["failures"] == 2
    store.clear_failures("https://example.com/gone")
    assert [f.doc for f in store.failures()] == ["corpus/broken.html"]


# --------------------------------------------------------------------------- concurrency


def test_two_connections_write_one_after_another(db_path):
    with ClaimStore(db_path) as one, ClaimStore(db_path) as two:
        assert one.add_document(*reuters()) is not None
        assert two.add_document(*reuters()) is None  # sees one's commit
        assert two.add_document(*cnbc()) is not None
        one.record_failure("corpus/broken.html", "empty file")
        reader = one.db.conn.execute("SELECT id FROM claims")  # one reads while two writes
        reader.fetchone()
        assert two.add_document(*ft()) is not None
        reader.close()
        two.replace_conflicts(alphabet_conflicts(two))
        one.replace_corroborations([[1, 4]])
        assert one.counts() == two.counts() == {
            "documents": 3, "claims": 5, "conflicts": 2, "corroborations": 1, "failures": 1,
        }  # fmt: skip


def test_concurrent_writers_wait_instead_of_failing(db_path):
    ClaimStore(db_path).close()
    errors = []

    def write(worker: int):
        try:
            with ClaimStore(db_path) as s:
                for i in range(10):
                    text = f"Worker {worker} article {i}: Nvidia sold $39.3 billion of chips."
                    s.add_document(*document(f"w{worker}-{i}.txt", text, [
                        ("$39.3 billion", dict(value=39.3e9, unit="USD", subject="Nvidia")),
                    ]))  # fmt: skip
                    s.record_failure(f"w{worker}-{i}.html", "timeout")
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with ClaimStore(db_path) as s:
        assert s.counts() == {
            "documents": 40, "claims": 40, "conflicts": 0, "corroborations": 0, "failures": 40,
        }  # fmt: skip
