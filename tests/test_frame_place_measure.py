"""A measure only a place has (turnout, inflation, unemployment, GDP: data/metrics.toml
`place = true`) with no owner in its own clause is the story's country's, not the party,
company or person the sentence before was about (extract/frame/place_measure.py).
Elections (UK, India), macro copy after company news."""

import pytest

from tests.test_frame import assert_fields

CASES = [
    ("turnout-after-a-party-uk-election",
     "LONDON (AP) — Labour won about 34% of the vote, while the Conservatives took 24%. "
     "Reform UK, led by Nigel Farage, won four seats but took 14% of the vote.\n\n"
     "Turnout was around 60%, down from 67% in 2019, the Electoral Commission said.",
     None, "60%", dict(subject="UK", metric="turnout")),
    ("turnout-after-a-party-india-election",
     "NEW DELHI (Reuters) - The Bharatiya Janata Party won 240 seats, short of a majority on its own. "
     "The Congress party won 99 seats.\n\n"
     "Turnout was 65.8%, the Election Commission said.",
     None, "65.8%", dict(subject="India")),
    ("unemployment-after-a-company-macro",
     "BERLIN (Reuters) - Siemens said on Tuesday it would cut 5,000 jobs worldwide. "
     "Unemployment rose to 6.1% in March, the Federal Labour Office said.",
     None, "6.1%", dict(subject="Germany")),
    ("owned-turnout-stays-the-partys",
     "LONDON (AP) — Turnout fell sharply. Labour's vote share rose to 34%.",
     None, "34%", dict(subject="Labour")),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_place_measure_is_the_places(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)
