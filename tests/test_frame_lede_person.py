"""A person the lede describes by role and the next paragraph names: the lede's figures are
the person's (extract/frame/lede_person.py, data/refer.toml [people] described_first).
Court copy (AP, a local paper) and a human-interest lottery story."""

import pytest

from tests.test_frame import assert_fields

CASES = [
    ("sentenced-executive-named-next-ap",
     "A former bank executive was sentenced on Tuesday to 12 years in prison for his role in a scheme that "
     "defrauded investors, federal prosecutors said.\n\n"
     "Michael Reyes, 54, was also ordered to forfeit $45 million.", "12 years", dict(subject="Michael Reyes")),
    ("bribes-officer-named-next-local",
     "A former police officer was sentenced on Monday to 20 years in prison for taking $250,000 in bribes.\n\n"
     "David Harmon, 47, was convicted in May of extortion, prosecutors said.", "$250,000",
     dict(subject="David Harmon")),
    ("lottery-teacher-named-next",
     "A retired teacher won $2 million in the state lottery, officials said Thursday.\n\n"
     "Linda Marsh, 66, bought the ticket at a gas station in Dover.", "$2 million", dict(subject="Linda Marsh")),
    # a person from a place is no place ("A Texas nurse", "a Florida man"; court and lottery copy)
    ("place-person-named-next-court",
     "A Texas nurse who stole $1.2 million from patients was sentenced Friday to eight years in prison.\n\n"
     "Maria Lopez, 41, pleaded guilty in March to health care fraud.", "$1.2 million",
     dict(subject="Maria Lopez")),
    ("place-person-not-named-lottery",
     "A Florida man won $5 million in the state lottery.", "$5 million", dict(subject="Florida man")),
    # a description with no one named after it stays as it was
    ("no-name-after-stays",
     "A former police officer was sentenced on Monday to 20 years in prison.\n\n"
     "The judge said the case was among the worst she had seen.", "20 years",
     dict(subject="former police officer")),
]


@pytest.mark.parametrize("text,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_the_described_person_is_the_one_named_next(nlp, text, surface, fields):
    assert_fields(nlp, text, None, surface, fields)
