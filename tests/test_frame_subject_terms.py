"""An instrument named by its term keeps the term's number in the subject: "Two-year gilt
yields dropped 10 basis points" is about the two-year gilt, not a "year gilt". Sentences
from bond-market and metals reporting."""

import pytest

from extract.pipeline import extract_claims
from extract.records import Article

CASES = [
    ("gilt-yields", "Markets were mixed. Two-year gilt yields dropped 10 basis points to 4.85%.",
     "10 basis points", "Two-year gilt"),
    ("aluminium-prices", "Metals were firm. Three-month aluminium prices rose 2% to $2,300 a tonne.",
     "2%", "Three-month aluminium"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_term_keeps_its_number(nlp, text, surface, subject):
    art = Article(text=text, regions=[(0, len(text))])
    assert {c.surface: c.subject for c in extract_claims(art, "t.txt", nlp)}[surface] == subject
