"""A disaster the story never names is named by its place and its kind, so two outlets'
tolls of one disaster share a subject (extract/frame/unnamed_event.py, described.toml
[unnamed_events]); "the death toll" and "killing ... people" are one metric, deaths
(metrics.toml [metrics.deaths]). Earthquake (AP and Reuters style), floods, wildfire; a named
hurricane keeps its name."""

import pytest

from tests.test_frame import assert_fields

CASES = [
    ("quake-place-in-its-phrase-ap",
     "TAIPEI, Taiwan (AP) — The strongest earthquake to hit Taiwan in a quarter century struck the island "
     "during the morning rush hour Wednesday, killing at least nine people, officials said.",
     None, "nine people", dict(subject="Taiwan earthquake", metric="deaths")),
    ("quake-death-toll-possessive-reuters",
     "HUALIEN, Taiwan (Reuters) - The death toll from Taiwan's strongest earthquake in 25 years rose to 12 on "
     "Wednesday, the fire agency said.",
     None, "12", dict(subject="Taiwan earthquake", metric="deaths")),
    ("floods-story-country-reuters",
     "PORTO ALEGRE, Brazil (Reuters) - Rescuers searched for survivors on Sunday.\n\n"
     "The floods have displaced more than 200,000 people, the civil defense agency said.",
     None, "200,000 people", dict(subject="Brazil floods")),
    ("wildfire-state-in-its-phrase",
     "A fast-moving wildfire in northern California has destroyed more than 200 homes, fire officials said.",
     None, "200 homes", dict(subject="California wildfire")),
    # the capital that opens a sentence (a headline's first word) is no name
    ("quake-headline-capital-ap", "Strong earthquake rocks Taiwan, killing at least nine people",
     None, "nine people", dict(subject="Taiwan earthquake", metric="deaths")),
    ("floods-sentence-capital-bbc", "Floods in southern Brazil have killed at least 83 people, officials said.",
     None, "83 people", dict(subject="Brazil floods", metric="deaths")),
    ("storm-headline-capital", "Powerful storm kills at least 12 people in Vietnam",
     None, "12 people", dict(subject="Vietnam storm", metric="deaths")),
    ("wildfire-headline-capital", "Wildfire in northern California destroys 200 homes",
     None, "200 homes", dict(subject="California wildfire")),
    # with no place known the kind word stays a common noun, no name for the story's topic
    ("quake-no-place-stays-common-wire", "Quake in northern province kills at least 120, officials say",
     None, "120", dict(subject="quake", metric="deaths")),
    ("floods-no-place-stays-common", "Floods in the north have killed at least 40 people, officials said.",
     None, "40 people", dict(subject="floods", metric="deaths")),
    ("named-hurricane-keeps-its-name",
     "Hurricane Milton made landfall near Siesta Key on Wednesday night.\n\n"
     "The storm killed at least 16 people in Florida, officials said.",
     None, "16 people", dict(subject="Hurricane Milton")),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_an_unnamed_disaster_is_its_place_and_kind(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)
