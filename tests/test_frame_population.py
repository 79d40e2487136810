"""Framing, who a figure is about: a share of a population, or a narrowed count of one
that is its clause's subject, is about that population, not the survey that counted it
or those who report it (extract/frame/population.py, extract/data/population.toml)."""

import pytest

from tests.test_frame import _claims, _find, assert_fields

# id, passage, publication date (None: undated), surface, expected fields
CASES = [
    ("health-share-of-a-national-population",
     "The National Institute on Drug Abuse has estimated that 964,000 people age 12 and older, which "
     "account for about 0.4 percent of the total U.S. population, reported a methamphetamine use disorder "
     "in 2017.",
     None, "0.4 percent", dict(subject="US")),
    ("health-count-narrowed-by-age",
     "The National Institute on Drug Abuse has estimated that 964,000 people age 12 and older, which "
     "account for about 0.4 percent of the total U.S. population, reported a methamphetamine use disorder "
     "in 2017.",
     None, "964,000 people", dict(subject="people age 12 and older")),
    ("poll-share-of-adults",
     "A Gallup poll found that 62% of U.S. adults say they drink alcohol.",
     None, "62%", dict(subject="U.S. adults")),
    ("study-half-of-a-sample",
     "Just over half of the 505,796 people surveyed were female.",
     None, "half", dict(subject="people surveyed")),
    ("public-safety-count-narrowed-by-place",
     "Two people in Michigan died of the virus this year, state health officials said.",
     None, "Two people", dict(subject="people in Michigan")),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_population_is_the_subject(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)


# Not a population of its own: a company's customers, and a bare count of those an
# event befell (the event's figure).
NOT_POPULATION = [
    ("company-users",
     "Apple said 30% of its users open the app every day.", None, "30%", "users"),
    ("event-bare-count",
     "Authorities in Beijing announced that two infected individuals sought treatment at a hospital.",
     None, "two infected individuals", "individuals"),
]


@pytest.mark.parametrize("text,published,surface,wrong", [c[1:] for c in NOT_POPULATION],
                         ids=[c[0] for c in NOT_POPULATION])
def test_not_a_population(nlp, text, published, surface, wrong):
    c = _find(_claims(nlp, text, published), surface)
    assert c.subject != wrong
