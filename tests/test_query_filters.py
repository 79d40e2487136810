"""`claims query --subject/--period`: subjects by alias and word, periods by containment.

Real sentences from three outlets, stored in a real SQLite database, read back through the
store and through the `claims query` command.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claims.cli import main
from claims.store import ClaimStore
from tests.test_store import document

HOME_DEPOT = (
    "Home Depot said sales rose 2.2% to $38.9 billion in the third quarter of 2019, while "
    "comparable sales climbed 3.6% in October 2019."
)
WALMART = (
    "Walmart expects fiscal 2019 revenue growth of about 2%, and its e-commerce sales grew "
    "40% in the first half of 2019."
)
ALPHABET = "Google's parent spent $31.5 billion in 2018 and plans more in 2020."

DOCS = [
    ("corpus/cnbc-home-depot.txt", HOME_DEPOT, [
        ("$38.9 billion", dict(value=38.9e9, unit="USD", subject="Home Depot", metric="sales", period="2019-Q3")),
        ("3.6%", dict(value=3.6, unit="percent", subject="Home Depot", metric="comparable sales growth", period="2019-10")),
    ]),
    ("corpus/reuters-walmart.txt", WALMART, [
        ("2%", dict(value=2, unit="percent", subject="Walmart", metric="revenue growth", period="FY2019")),
        ("40%", dict(value=40, unit="percent", subject="Walmart", metric="e-commerce sales growth", period="2019-H1")),
    ]),
    ("corpus/ap-alphabet.txt", ALPHABET, [
        ("$31.5 billion", dict(value=31.5e9, unit="USD", subject="Alphabet", metric="capex", period="2018")),
    ]),
]  # fmt: skip


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "claims.db"
    with ClaimStore(path) as store:
        for doc, text, claims in DOCS:
            store.add_document(*document(doc, text, claims))
    return path


@pytest.mark.parametrize(
    "period, surfaces",
    [
        pytest.param("2019", {"$38.9 billion", "3.6%", "2%", "40%"}, id="year-holds-quarter-month-fy-half"),
        pytest.param("FY2019", {"2%"}, id="fiscal-year-only-itself"),
        pytest.param("2019-Q4", {"3.6%"}, id="quarter-holds-its-months"),
        pytest.param("2019-H2", {"$38.9 billion", "3.6%"}, id="half-holds-quarters-and-months"),
        pytest.param("2019-10", {"3.6%"}, id="month-only-itself"),
        pytest.param("201", set(), id="no-substring-match"),
        pytest.param("2018", {"$31.5 billion"}, id="other-year"),
    ],
)  # fmt: skip
def test_period_filter_matches_the_periods_it_contains(db, period, surfaces):
    with ClaimStore(db, read_only=True) as store:
        assert {c.surface for c in store.claims(period=period)} == surfaces


@pytest.mark.parametrize(
    "subject, surfaces",
    [
        pytest.param("Depot", {"$38.9 billion", "3.6%"}, id="word-of-a-name"),
        pytest.param("home depot", {"$38.9 billion", "3.6%"}, id="whole-name-any-case"),
        pytest.param("Alphabet Inc", {"$31.5 billion"}, id="alias-of-canonical-name"),
        pytest.param("Wal", set(), id="no-part-word-match"),
    ],
)  # fmt: skip
def test_subject_filter_matches_alias_and_word(db, subject, surfaces):
    with ClaimStore(db, read_only=True) as store:
        assert {c.surface for c in store.claims(subject=subject)} == surfaces


@pytest.mark.parametrize(
    "args, surfaces",
    [
        pytest.param(["--period", "2019", "--subject", "Depot"], ["$38.9 billion", "3.6%"], id="period-and-subject"),
        pytest.param(["--period", "FY2019"], ["2%"], id="fiscal-year"),
    ],
)  # fmt: skip
def test_query_command_filters(db, args, surfaces):
    result = CliRunner().invoke(main, ["query", "--db", str(db), "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["surface"] for line in result.output.splitlines()] == surfaces
