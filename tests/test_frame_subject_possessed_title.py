"""A quoted title after its makers' possessive is what its clause is about, not the studio
or publisher (extract/frame/possessed_title.py). Box-office reports (Reuters, Variety
style), game and music sales."""

import pytest

from tests.test_frame import assert_fields

CASES = [
    ("studios-film-box-office",
     "LOS ANGELES (Reuters) - Disney and Pixar's \"Inside Out 2\" led North American box office charts for a "
     "second weekend, bringing in $101 million from Friday through Sunday.",
     None, "$101 million", dict(subject="Inside Out 2")),
    ("studio-plural-possessive-film",
     "Warner Bros' \"Dune: Part Two\" earned $82.5 million in its opening weekend.",
     None, "$82.5 million", dict(subject="Dune: Part Two")),
    ("label-album-sales",
     "Republic Records' \"The Tortured Poets Department\" sold 2.61 million units in its first week.",
     None, "2.61 million units", dict(subject="Tortured Poets Department")),
    ("publisher-name-alone-stays",
     "Nintendo said it sold 4.3 million Switch consoles in the quarter.",
     None, "4.3 million Switch consoles", dict(subject="Nintendo")),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_the_title_not_its_makers(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)
