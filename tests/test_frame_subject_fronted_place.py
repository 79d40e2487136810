"""A place set before its clause with "In ..., " is where the clause's figure is counted,
when nothing in the clause owns it (extract/frame/subject.py _fronted_place): disasters,
public health, elections; a time set the same way is no owner."""

import pytest

from extract.records import Article
from extract.pipeline import extract_claims

CASES = [
    ("disaster-toll-second-country",
     "The death toll from the earthquake that struck southern Turkey and northwest Syria rose to more than "
     "21,000 on Thursday.\n\nIn Turkey, 17,674 people were killed, officials said. In Syria, more than 3,300 "
     "people have died, according to the government.",
     "3,300 people", "Syria"),
    ("health-cases-in-a-state",
     "Cases of the virus rose across the South last week.\n\nIn Florida, 1,200 new cases were reported on "
     "Monday, the health department said.",
     "1,200 new cases", "Florida"),
    ("election-ballots-in-a-state",
     "Early voting broke records across the country.\n\nIn Georgia, more than 4 million ballots were cast, "
     "officials said.",
     "4 million ballots", "Georgia"),
    # a place the counted noun is counted in owns the count (public health, a pandemic
    # wire story); a disaster's kind keeps its own name
    ("health-cases-in-a-country-subject",
     "Confirmed measles cases in England rose to 1,278 in the first half of the year, the UK Health Security "
     "Agency said.", "1,278", "England"),
    ("health-infections-across-a-country",
     "New infections across India fell to 12,000 on Monday, the health ministry said.", "12,000", "India"),
    # a time fronted the same way owns nothing
    ("a-year-fronted-is-no-owner",
     "Flooding is common in the region.\n\nIn 2019, 40 people died in the floods.",
     "40 people", None),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_fronted_place_owns_the_clause_figure(nlp, text, surface, subject):
    art = Article(text=text, regions=[(0, len(text))])
    [claim] = [c for c in extract_claims(art, "t.txt", nlp) if c.surface == surface]
    assert claim.subject == subject


# id, article, surface, expected subject: one person named by nationality ("the Spaniard") is
# the person named before; a party named by its supporters ("the Democrats") is no person
NATIONALITY_CASES = [
    ("tennis-spaniard",
     "Rafael Nadal beat Novak Djokovic in four sets on Sunday.\n\n"
     "The Spaniard has now won 22 Grand Slam titles, one more than his rival.",
     "22 Grand Slam titles", "Rafael Nadal"),
    ("cycling-dane",
     "Jonas Vingegaard won the mountain stage on Tuesday.\n\n"
     "The Dane now leads the race by 38 seconds.",
     "38 seconds", "Jonas Vingegaard"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in NATIONALITY_CASES],
                         ids=[c[0] for c in NATIONALITY_CASES])
def test_a_person_named_by_nationality_is_the_person_named_before(nlp, text, surface, subject):
    art = Article(text=text, regions=[(0, len(text))])
    [claim] = [c for c in extract_claims(art, "t.txt", nlp) if c.surface == surface]
    assert claim.subject == subject
