"""Documents named by title and publisher (issue 19): a plain-text file's date line is
its date, never its title; a conflict's explanation names documents by title, not by
file name or hash."""

from __future__ import annotations

import pytest

from claims.doc_names import document_label, readable_why
from claims.store import DocumentRow
from extract.article import clean_text

BODY = "Acme said on Thursday that its revenue for 2025 was $10 billion, up 12% from a year earlier, as demand grew.\n"


@pytest.mark.parametrize(
    "head, title, date",
    [
        ("Acme posts record revenue\nOctober 30, 2025 10:20 PM UTC\n\n", "Acme posts record revenue", "2025-10-30"),
        ("Council backs bus plan\nUpdated 19 November 2025\n\n", "Council backs bus plan", "2025-11-19"),
        ("Published Wed, Aug 27 2025 4:20 PM EDT\nStocks slip as yields climb\n\n", "Stocks slip as yields climb", "2025-08-27"),
    ],
    ids=["wire-dateline-below", "updated-dateline-below", "published-dateline-above"],
)
def test_a_date_line_is_the_date_not_the_title(head, title, date):
    article = clean_text(head + BODY)
    assert article.title == title
    assert article.date.isoformat() == date


def row(title=None, publisher=None) -> DocumentRow:
    return DocumentRow(id=1, doc="news/51374560.html", content_hash="ab" * 32, title=title, publisher=publisher,
                       media_type="text/html", encoding="utf-8", ingested_at="2026-01-01T00:00:00")  # fmt: skip


@pytest.mark.parametrize(
    "document, label",
    [
        (row("Alphabet doubles capex guidance", "Reuters"), "Alphabet doubles capex guidance (Reuters)"),
        (row("Home Depot beats estimates | CNBC", "CNBC"), "Home Depot beats estimates | CNBC"),
        (row(None, "BBC News"), "BBC News"),
        (row(), "news/51374560.html"),
    ],
    ids=["title-and-publisher", "publisher-in-title", "publisher-only", "neither"],
)
def test_document_label(document, label):
    assert document_label(document, document.doc) == label


LONG_URL = "https://www.example.com/markets/2025/10/30/a-very-long-article-address-that-goes-on-and-on"


@pytest.mark.parametrize(
    "why, labels, expected",
    [
        (
            "Alphabet capex, 2026: 51374560.html says '$175 and $185 billion', 9f2c.html says '$180-190 billion'",
            {"news/51374560.html": "Big Tech's AI bill (Reuters)", "news/9f2c.html": "Alphabet raises guidance (CNBC)"},
            "Alphabet capex, 2026: Big Tech's AI bill (Reuters) says '$175 and $185 billion', "
            "Alphabet raises guidance (CNBC) says '$180-190 billion'",
        ),
        (
            "Acme revenue, 2025: a.txt says '$10 billion', acme-a.txt says '$14 billion'",
            {"a.txt": "Acme results (Wire)"},
            "Acme revenue, 2025: Acme results (Wire) says '$10 billion', acme-a.txt says '$14 billion'",
        ),
        (
            LONG_URL[:57] + "... says '3%'",  # as the reconciler shortens a long URL
            {LONG_URL: "Markets wrap"},
            "Markets wrap says '3%'",
        ),
    ],
    ids=["file-names", "whole-names-only", "shortened-url"],
)
def test_a_conflict_explanation_names_documents_by_title(why, labels, expected):
    assert readable_why(why, labels) == expected
