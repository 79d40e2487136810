"""A reading put "at" a number by whoever measures it is a reading on the scale, not a bare
number (extract/scale_readings.py, quantities.toml [named_scales.magnitude] `read_things`,
`reading_verbs`): "estimated the earthquake's magnitude at 7.4", "put the magnitude of the
quake at 7.2", "put it at 7.2" right after a sentence naming a magnitude. Other bare numbers
put "at" a figure ("put the toll at 200", "put it at 12" with no scale before) stay refused.
Wire (AP, Reuters, Kyodo), a broadcaster; earthquakes and an aftershock."""

import pytest

from tests.test_frame import _claims, _find

READINGS = [
    ("usgs-estimated-magnitude-at-ap",
     "The U.S. Geological Survey estimated the earthquake's magnitude at 7.4.", "7.4"),
    ("agency-put-magnitude-of-quake-at-reuters",
     "Japan's Meteorological Agency put the magnitude of the quake at 7.2.", "7.2"),
    ("magnitude-of-aftershock-measured-at-kyodo",
     "The agency measured the magnitude of Tuesday's strong aftershock at 6.1.", "6.1"),
    ("put-it-at-after-a-magnitude-ap",
     "The quake had a magnitude of 7.4. Taiwan's Central Weather Administration put it at 7.2.", "7.2"),
    ("pegged-it-at-after-a-magnitude-tv",
     "A magnitude 6.3 tremor hit the coast on Sunday, the first reading showed. Seismologists later pegged it at 6.1.",
     "6.1"),
]

NOT_READINGS = [
    ("toll-put-at-a-number", "The ministry put the toll at 200.", "200"),
    ("it-at-with-no-scale-before", "He put it at 12 on a scale of his own.", "12"),
    ("cost-estimated-at-bare", "Officials estimated the cost of the repairs at 500.", "500"),
    ("magnitude-of-the-problem-is-no-quake", "Analysts put the magnitude of the job losses at 200.", "200"),
]


@pytest.mark.parametrize("text,surface", [c[1:] for c in READINGS], ids=[c[0] for c in READINGS])
def test_a_reading_put_at_a_number_is_a_magnitude(nlp, text, surface):
    c = _find(_claims(nlp, text, None), surface)
    assert (c.unit, c.metric) == ("magnitude", "magnitude")


@pytest.mark.parametrize("text,surface", [c[1:] for c in NOT_READINGS], ids=[c[0] for c in NOT_READINGS])
def test_other_bare_numbers_put_at_are_no_magnitude(nlp, text, surface):
    assert all(c.unit != "magnitude" for c in _claims(nlp, text, None) if c.surface == surface)
