"""A segment's subject names its parent company, and a subject taken from context says so
(issue 16: `parent`, `subject_inferred`)."""

import pytest

from extract.pipeline import extract_claims
from extract.records import Article

# wire earnings copy, a filing summary and a retail results story, as one page
ARTICLE = (
    "AWS operating income rose to $11.4 billion, according to Amazon's quarterly filing.\n\n"
    "Amazon Web Services revenue rose 20% to $33 billion. It expects capital spending of about $125 billion "
    "this year.\n\n"
    "Home Depot reported quarterly revenue of $41.4 billion on Tuesday. The retailer expects full-year sales "
    "to grow about 2.8%.\n"
)
CASES = [
    ("segment-named-in-a-credit", "$11.4 billion", dict(subject="AWS", parent="Amazon", subject_inferred=False)),
    ("segment-named-in-its-clause", "$33 billion", dict(subject="AWS", parent="Amazon", subject_inferred=False)),
    ("segment-from-the-sentence-before", "$125 billion", dict(subject="AWS", parent="Amazon", subject_inferred=True)),
    ("whole-company-has-no-parent", "$41.4 billion", dict(subject="Home Depot", parent=None, subject_inferred=False)),
    ("company-from-a-description", "2.8%", dict(subject="Home Depot", subject_inferred=True)),
]


@pytest.fixture(scope="module")
def claims(nlp):
    return {c.surface: c for c in extract_claims(Article(text=ARTICLE, regions=[(0, len(ARTICLE))]), "t.txt", nlp)}


@pytest.mark.parametrize("surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_parent_and_inferred_subject(claims, surface, fields):
    assert surface in claims, f"{surface!r} not extracted; got {list(claims)}"
    got = claims[surface]
    assert {k: getattr(got, k) for k in fields} == fields
