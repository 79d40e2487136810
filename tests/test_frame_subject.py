"""Framing, who a figure is about: a news agency that reports a figure is its source,
never its subject, whatever the story (markets, politics, sport)."""

import pytest

from tests.test_frame import assert_fields

# id, passage, publication date (None: undated), surface, expected fields
CASES = [
    ("agency-reported-markets",
     "Small investors in Hong Kong have welcomed the listing, subscribing for so many shares "
     "they will be allotted the maximum 10 per cent of the total they can get, Reuters reported.",
     None, "10 per cent", dict(source="Reuters")),
    ("agency-reported-politics",
     "Turnout reached 64 percent in the capital, the Associated Press reported.",
     None, "64 percent", dict(source="Associated Press")),
    ("agency-told-sport",
     "The club will pay about 40 million euros for the striker, a source told AFP.",
     None, "40 million euros", dict()),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_news_agency_is_never_the_subject(nlp, text, published, surface, fields):
    from tests.test_frame import _claims, _find
    c = _find(_claims(nlp, text, published), surface)
    assert (c.subject or "").lower() not in ("reuters", "associated press", "the associated press", "afp")
    assert_fields(nlp, text, published, surface, fields)
