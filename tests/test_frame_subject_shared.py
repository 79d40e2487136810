"""Clauses the parse lists side by side under one reporting verb share the subject of the
one before ('alleged that Noel and Thomas "browsed the Internet," lingered in an office and
appeared to sleep for two hours'): the figure is theirs, not the reporters'. Sentences from
prison and hospital reporting."""

import pytest

from extract.pipeline import extract_claims
from extract.records import Article

CASES = [
    ("prison-guards",
     "NEW YORK (AP) — Two guards responsible for watching Jeffrey Epstein were charged on Tuesday.\n\n"
     "Federal prosecutors alleged that Tova Noel and Michael Thomas, assigned to Epstein’s special housing unit "
     "at Metropolitan Correctional Center, “browsed the Internet,” lingered in an office common area and "
     "appeared to sleep for two hours when they should have been conducting inmate checks.\n",
     "two hours", "Tova Noel and Michael Thomas"),
    ("hospital-nurses",
     "The hearing opened on Monday.\n\nState inspectors alleged that Mary Lee and Ann Park, assigned to the "
     "night ward at St. Mary’s Hospital, “skipped rounds,” lingered in a break room and appeared to sleep for "
     "three hours when they should have been checking patients.\n", "three hours", "Mary Lee and Ann Park"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_listed_clauses_share_their_subject(nlp, text, surface, subject):
    art = Article(text=text, regions=[(0, len(text))])
    assert {c.surface: c.subject for c in extract_claims(art, "t.txt", nlp)}[surface] == subject
