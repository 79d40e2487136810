"""The `claims query` terminal table (issue 19): documents named by title or publisher,
a shortened quote with the figure marked, every line within the terminal's width."""

from __future__ import annotations

import pytest

from claims.claim_table import format_claims_table, marked_quote
from claims.ingest import ingest

from .conftest import run_claims

ARTICLES = {
    "3f9a1c.txt": "Acme posts record revenue\nOctober 30, 2025 10:20 PM UTC\n\n"
    "Acme said its 2025 revenue was $10 billion, a record for the maker of rockets and anvils, "
    "and that it expects to hire 2,000 more workers at its plants in the desert next year.\n",
    "b07e22.txt": "City approves new bus routes\nUpdated 2 November 2025\n\n"
    "The city council voted on Tuesday to spend $4 million on electric buses for the north side, "
    "the transport committee said in a statement.\n",
}


@pytest.mark.parametrize(
    "quote, surface, width, expected",
    [
        ("Acme said its 2025 revenue was $10 billion.", "$10 billion", 80, "Acme said its 2025 revenue was «$10 billion»."),
        ("Acme said its 2025 revenue was $10 billion, a record for the maker of rockets.", "$10 billion", 30, "…ue was «$10 billion», a reco…"),
        ("The council voted to spend $4 million on electric buses for the north side.", "$4 million", 24, "…pend «$4 million» on e…"),
        ("Revenue rose sharply.", "3%", 40, "Revenue rose sharply."),
    ],
    ids=["fits", "cut-both-sides", "narrow", "figure-not-in-quote"],
)
def test_quote_is_shortened_around_its_marked_figure(quote, surface, width, expected):
    shown = marked_quote(quote, surface, width)
    assert shown == expected and len(shown) <= width


@pytest.fixture(scope="module")
def titled_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("claim-table")
    articles = folder / "articles"
    articles.mkdir()
    for name, text in ARTICLES.items():
        (articles / name).write_text(text, encoding="utf-8")
    db = folder / "t.db"
    assert ingest([str(articles)], str(db)).added == 2
    return db


@pytest.mark.parametrize("columns", [80, 120, 200], ids=["80", "120", "200"])
def test_query_table_fits_the_terminal_and_names_documents_by_title(titled_db, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    lines = run_claims("query", "--db", str(titled_db)).stdout.splitlines()
    assert lines[0].startswith("surface") and lines[0].endswith("quote")
    assert all(len(line) <= columns for line in lines)
    body = "\n".join(lines[2:])
    assert "«$10 billion»" in body and "«$4 million»" in body
    assert "Acme posts" in body and "City appro" in body  # titles, not file names
    assert ".txt" not in body and "October 30" not in body


def test_extract_table_names_documents_by_file_name(nlp):
    from extract.pipeline import extract_claims
    from extract.article import clean_text

    text = ARTICLES["b07e22.txt"]
    claims = extract_claims(clean_text(text), "/some/folder/b07e22.txt", nlp)
    lines = format_claims_table(claims, width=100)
    assert all(len(line) <= 100 for line in lines)
    assert "b07e22.txt" in lines[2] and "/some/folder" not in lines[2]


def test_a_title_with_a_line_break_stays_on_its_row(nlp):
    from extract.pipeline import extract_claims
    from extract.article import clean_text

    class Document:
        title, publisher = "Bus\nplan\r\x1b", "City Wire"

    claims = extract_claims(clean_text(ARTICLES["b07e22.txt"]), "b07e22.txt", nlp)
    lines = format_claims_table(claims, {"b07e22.txt": Document()}, width=160)
    assert len(lines) == 2 + len(claims)
    assert "Bus plan (City Wire)" in lines[2] and "\x1b" not in "".join(lines)
