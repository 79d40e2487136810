"""How many turned out is one metric, crowd size, however an outlet counts (extract/frame/
crowd_metric.py, metrics.toml [crowd_metric]): the number the crowd is put at or made of, or
a count of people whose verb says they turned out. Protests, a rally, a parade, a concert;
police, organisers and wire copy. Counts on other verbs keep their metrics: "arrested 200
protesters" (people arrested), "registered for the rally", "attended the court hearing"."""

import pytest

from tests.test_frame import assert_fields

CASES = [
    # a crowd counted at a named place is that place's (a basketball final, a football final, a protest)
    ("crowd-at-arena-sport", "The crowd of 19,156 at TD Garden stood for the final two minutes.",
     "19,156", dict(metric="crowd size", subject="TD Garden")),
    ("crowd-at-stadium-football", "A crowd of 82,000 at Wembley Stadium watched the final.",
     "82,000", dict(metric="crowd size", subject="Wembley Stadium")),
    ("crowd-in-square-protest", "A crowd of about 50,000 in Tahrir Square chanted slogans.",
     "50,000", dict(metric="crowd size", subject="Tahrir Square")),
    ("police-estimated-crowd-at-wire", "Police estimated the crowd at 30,000.",
     "30,000", dict(metric="crowd size", source="police")),
    ("rally-drew-a-crowd-of-organisers", "The rally drew a crowd of about 50,000, organisers said.",
     "50,000", dict(metric="crowd size", source="organisers")),
    ("crowd-was-estimated-at-passive", "The crowd was estimated at 20,000 by police.",
     "20,000", dict(metric="crowd size")),
    ("people-joined-the-march", "100,000 people joined the march on Saturday, organisers said.",
     "100,000 people", dict(metric="crowd size")),
    ("protesters-marched-police", "About 30,000 protesters marched through the capital, police said.",
     "30,000 protesters", dict(metric="crowd size")),
    ("fans-attended-the-concert", "More than 60,000 fans attended the concert at Wembley on Friday.",
     "60,000 fans", dict(metric="crowd size")),
    ("parade-drew-spectators", "The parade drew 2 million spectators, the city said.",
     "2 million spectators", dict(metric="crowd size")),
    ("people-turned-out-march", "An estimated 500,000 people turned out for the Women's March in Washington.",
     "500,000 people", dict(metric="crowd size")),
    # other verbs keep their own metrics
    ("arrested-protesters-are-arrests", "Police arrested 200 protesters after the march.",
     "200 protesters", dict(metric="people arrested")),
    ("registered-for-the-rally", "15,000 people registered for the rally, the union said.",
     "15,000 people", dict(metric="people")),
    ("attended-a-court-hearing", "Roughly 14 supporters attended the court hearing on Monday.",
     "14 supporters", dict(metric="supporters")),
]


@pytest.mark.parametrize("text,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_how_many_turned_out_is_crowd_size(nlp, text, surface, fields):
    assert_fields(nlp, text, None, surface, fields)
