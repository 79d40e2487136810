"""The Datasette metadata shipped in claims/data/metadata.json names real tables and views,
and its canned queries run on a real claims database (plain sqlite3, as Datasette runs them).

Datasette itself is not a dependency, so the queries are run here with sqlite3 directly.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from claims.store import ClaimStore, StoredConflict
from tests.test_store import cnbc, reuters

METADATA = json.loads((Path(__file__).parents[1] / "claims" / "data" / "metadata.json").read_text())
DATABASE = METADATA["databases"]["claims"]


@pytest.fixture(scope="module")
def claims_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("datasette") / "claims.db"
    with ClaimStore(path) as store:
        store.add_document(*reuters())
        store.add_document(*cnbc())
        by_doc = {}
        for c in store.all_claims():
            by_doc.setdefault(c.doc, []).append(c)
        a, b = (docs[0] for docs in by_doc.values())
        store.replace_conflicts([StoredConflict(a=a, b=b, verdict="contradiction", why="differ", score=0.4)])
        store.replace_corroborations([[a.id, b.id]])
    return path


@pytest.mark.parametrize("name", sorted(DATABASE["tables"]), ids=str)
def test_metadata_table_exists_with_its_facets(claims_db, name):
    db = sqlite3.connect(claims_db)
    columns = {row[1] for row in db.execute(f"PRAGMA table_info({name})")}
    assert columns, f"{name} is neither a table nor a view"
    assert set(DATABASE["tables"][name].get("facets", [])) <= columns


@pytest.mark.parametrize(
    "name, params, expected_rows",
    [
        pytest.param("conflicts", {}, 1, id="conflicts"),
        pytest.param("corroborations", {}, 2, id="corroborations"),
        pytest.param("subject_over_time", {"subject": "alphabet"}, 3, id="subject-over-time"),
    ],
)  # fmt: skip
def test_canned_query_runs_on_a_real_database(claims_db, name, params, expected_rows):
    sql = DATABASE["queries"][name]["sql"]
    assert set(re.findall(r":(\w+)", sql)) == set(params)
    db = sqlite3.connect(claims_db)
    rows = db.execute(sql, params).fetchall()
    assert len(rows) == expected_rows


def test_every_canned_query_is_tested():
    assert set(DATABASE["queries"]) == {"conflicts", "corroborations", "subject_over_time"}
