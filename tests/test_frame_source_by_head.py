"""A definite description that reports ("the department said", "the ministry said") points
back to the body named before with that head noun, not to the last source credited
(extract/frame/source.py `_name_by_head`). Macro releases, public health, energy."""

import pytest

from tests.test_frame import assert_fields

CASES = [
    ("department-after-a-poll-macro",
     "U.S. consumer prices rose more than expected in March, the Labor Department said on Wednesday.\n\n"
     "Economists polled by Reuters had forecast the index would rise 0.3%.\n\n"
     "The unemployment rate held at 3.8% in March, the department said in a separate report.",
     None, "3.8%", dict(source="Labor Department")),
    ("ministry-of-after-an-agency-health",
     "The Ministry of Health reported 40 new cases on Monday.\n\n"
     "Hospitals are under strain, according to the World Health Organization.\n\n"
     "Some 1,200 patients were in intensive care, the ministry said.",
     None, "1,200 patients", dict(source="Ministry of Health")),
    ("agency-after-a-minister-energy",
     "Global oil demand will grow by 1.2 million barrels a day this year, the International Energy Agency said.\n\n"
     "Saudi Arabia's energy minister said output would stay unchanged.\n\n"
     "Demand in China rose 6% in the first quarter, the agency said.",
     None, "6%", dict(source="International Energy Agency")),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_definite_description_names_the_body(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)
