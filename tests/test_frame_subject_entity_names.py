"""A clause subject that is a named entity is the whole entity, also where the name runs
on past the noun the parse makes its head: "the Reserve Bank of India" (head "Bank"),
"the Museum of Modern Art" (head "Museum"). Sentences from central-bank, culture,
education and religion reporting."""

import pytest

from extract.pipeline import extract_claims
from extract.records import Article

CASES = [
    ("central-bank-india", "Markets were calm on Thursday. The Reserve Bank of India kept its repo rate at 6.5% on "
     "Thursday.", "6.5%", "Reserve Bank of India"),
    ("central-bank-england", "Markets were calm on Thursday. The Bank of England raised interest rates to 5.25% on "
     "Thursday, its 14th increase in a row.", "5.25%", "Bank of England"),
    ("museum-visitors", "Attendance recovered across the city. The Museum of Modern Art drew 2.8 million visitors "
     "last year.", "2.8 million visitors", "Museum of Modern Art"),
    ("university-enrolment", "Enrolment rose across the state. The University of Texas enrolled 52,000 students "
     "this fall.", "52,000 students", "University of Texas"),
    ("church-membership", "Congregations shrank again. The Church of England lost 40,000 members in 2022.",
     "40,000 members", "Church of England"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_an_entity_subject_is_its_whole_name(nlp, text, surface, subject):
    art = Article(text=text, regions=[(0, len(text))])
    got = {c.surface: c.subject for c in extract_claims(art, "t.txt", nlp)}
    assert got[surface] == subject
