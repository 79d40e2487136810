"""A relative clause the parser hangs on a span of time ("in less than five months that
killed 346 people") is about the noun phrase the time phrase trails: the crashes, the
attacks (extract/frame/time_antecedent.py). Aviation, conflict, weather."""

import pytest

from tests.test_frame import assert_fields

CASES = [
    ("crashes-of-a-model-aviation",
     "The order is crucial for the American manufacturing giant, whose sales have been badly hit following two "
     "catastrophic crashes of its popular 737 Max jet in less than five months that killed a total of 346 people.",
     None, "346 people", dict(subject="737 Max")),
    ("attacks-over-days-conflict",
     "Officials blamed coordinated militant attacks in the north over three days that left 40 people dead.",
     None, "40 people", dict(subject="coordinated militant attacks", metric="deaths")),
    ("storms-over-the-weekend-weather",
     "Forecasters warned of more tornadoes after storms across the Midwest over the weekend that killed at "
     "least 12 people.",
     None, "12 people", dict(subject="storms", metric="deaths")),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_what_a_time_span_trails_acts(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)
