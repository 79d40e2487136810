"""A bare number whose noun English leaves out because a figure just before in its sentence
names it is a count of that noun (extract/elided_counts.py): the same verb or one joined to
it with the noun gapped, the other side of a change ("from 16 to 80"), or shares after a
colon that add up to the count before it. Sentences from
court, sport, motoring, public-safety and club-news reporting."""

import pytest

from extract.records import Article
from extract.pipeline import extract_claims

CASES = [
    # gapped noun, the same verb
    ("court-charges", "Noel, 31, is charged with five counts of falsifying records; Thomas, 41, is charged with three.",
     [("five counts", "count"), ("three", "count")]),
    ("sport-points-joined-verbs", "Danilo Gallinari added 25 points in his former home arena, and Nerlens Noel had 15.",
     [("25 points", "points"), ("15", "points")]),
    ("sport-matches-won-and-lost", "The club won 12 matches last season and lost four.",
     [("12 matches", "count"), ("four", "count")]),
    # the other side of a change
    ("motoring-from-to", "Analysts expect the number of electric models for sale in the U.S. to grow from 16 "
     "currently to as many as 80 by 2022.", [("16", "count"), ("80", "count")]),
    ("toll-from-to", "The death toll rose from 12 to 31 on Tuesday, officials said.", [("12", "count"), ("31", "count")]),
    ("membership-to-side", "Membership fell from 40 members to 25.", [("40 members", "count"), ("25", "count")]),
    # shares after a colon that add up to the count before it
    ("aircraft-sales-shares", "It comes in addition to five 787 Dreamliner sales earlier this week: two to Biman "
     "Bangladesh Airlines and three to the Ghanaian government.",
     [("five 787 Dreamliner sales", "count"), ("two", "count"), ("three", "count")]),
    ("medal-shares", "Britain won 12 medals on the final day: seven in cycling and five in rowing.",
     [("12 medals", "count"), ("seven", "count"), ("five", "count")]),
    ("shares-that-do-not-add-up", "The company sold 40 stores last year: 25 to Walmart and 10 to Target.",
     [("40 stores", "count")]),
    # no noun to stand for, or a group named before: still no claim
    ("no-partner", "Smith said he had seen it three times, and Jones said four.", [("three times", "count")]),
    ("the-three-is-a-group", "Police arrested 12 protesters and later released the three.", [("12 protesters", "count")]),
    ("different-verb-not-joined", "The council approved 40 homes after the mayor, who spoke first, left at 9.",
     [("40 homes", "count")]),
]


@pytest.mark.parametrize("text,want", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_elided_counts(nlp, text, want):
    art = Article(text=text, regions=[(0, len(text))])
    got = [(c.surface, c.unit) for c in extract_claims(art, "t.txt", nlp)]
    assert got == want
    assert all(text[c.start:c.end] == c.surface for c in extract_claims(art, "t.txt", nlp))


# A share "to" someone is theirs: the buyer of two of five jets, the party twelve defectors joined.
SHARES_TO = [
    ("aircraft-buyers", "It comes in addition to five 787 Dreamliner sales earlier this week: two to Biman "
     "Bangladesh Airlines and three to the Ghanaian government.",
     [("two", "Biman Bangladesh Airlines"), ("three", "Ghanaian government")]),
    ("defections-parties", "Thirty lawmakers switched sides: 18 to the Conservatives and 12 to Reform UK.",
     [("18", "Conservatives"), ("12", "Reform UK")]),
]


@pytest.mark.parametrize("text,want", [c[1:] for c in SHARES_TO], ids=[c[0] for c in SHARES_TO])
def test_a_share_to_someone_is_theirs(nlp, text, want):
    art = Article(text=text, regions=[(0, len(text))])
    got = {c.surface: c.subject for c in extract_claims(art, "t.txt", nlp)}
    assert [(s, got.get(s)) for s, _ in want] == want
