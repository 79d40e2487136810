"""A reported clause whose verb the tagger took for a plural noun ("that Red Dead Redemption
2 only renders at 30fps", "that the Model Y only charges at 150 kW") still has its own
subject, and a name the parser spreads over side-by-side compounds stays whole
(extract/frame/subject.py `_mistagged_verb`, syntax.py `_name_goes_on`). Game reviews, car
tests."""

import pytest

from tests.test_frame import assert_fields

CASES = [
    ("game-renders-review",
     "Apparently, Destiny 2 isn’t the only game not offering the visual quality Google promised – it's revealed "
     "in Eurogamer’s Stadia review that Red Dead Redemption 2 only renders at 1440p and 30fps.",
     None, "30fps", dict(subject="Red Dead Redemption")),
    ("game-renders-second-outlet",
     "It was revealed in the review that Starfield only renders at 1440p and 30fps.",
     None, "30fps", dict(subject="Starfield")),
    ("car-charges-test",
     "Tests showed that the Model Y only charges at 150 kW.",
     None, "150 kW", dict(subject="Model Y")),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_mistagged_verb_keeps_its_subject(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)
