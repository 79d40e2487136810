"""A disaster story's figures are its disaster's (extract/frame/story_event.py, described.toml
[disaster_figures]): a magnitude is the quake's whoever measures it (the agency is the source),
and a toll that names no owner, or only the disaster's own country or the agency that counts,
is the disaster the headline and lead name. A toll of another country, or of a named
disaster, keeps its owner. Earthquake (AP, Reuters, a local broadcaster), floods, storm,
wildfire."""

import pytest

from tests.test_frame import assert_fields

AP_LEAD = ("HUALIEN, Taiwan (AP) — The strongest earthquake to hit Taiwan in a quarter century rocked the island "
           "during the morning rush Wednesday.\n\n")

CASES = [
    # a magnitude is the quake's: the agency that reads it is its source
    ("magnitude-agency-in-relative-clause-reuters",
     "HUALIEN, Taiwan (Reuters) - The quake, which Taiwan's Central Weather Administration put at magnitude 7.2, "
     "toppled buildings in Hualien.",
     "magnitude 7.2", dict(subject="Taiwan earthquake", metric="magnitude", source="Central Weather Administration")),
    ("magnitude-agency-measured-local-tv",
     "HUALIEN, Taiwan — Taiwan's Central Weather Administration measured the quake at magnitude 7.2.",
     "magnitude 7.2", dict(subject="Taiwan earthquake", metric="magnitude", source="Central Weather Administration")),
    ("magnitude-after-another-agency-ap",
     AP_LEAD + "Taiwan's National Fire Agency said more than 1,000 people were injured. "
     "The U.S. Geological Survey said the quake had a magnitude of 7.4.",
     "7.4", dict(subject="Taiwan earthquake", metric="magnitude", source="U.S. Geological Survey")),
    ("magnitude-japan-agency-headline",
     "Powerful earthquake strikes Japan's Noto peninsula\n\n"
     "The Japan Meteorological Agency said the quake had a magnitude of 7.6.",
     "7.6", dict(subject="Japan earthquake", metric="magnitude", source="Japan Meteorological Agency")),
    # a toll that does not name the disaster is the story's disaster's
    ("toll-island-fire-department-ap",
     AP_LEAD + "At least nine people were killed, the island's fire department said.",
     "nine people", dict(subject="Taiwan earthquake", metric="deaths", source="fire department")),
    ("injured-agency-said-ap",
     AP_LEAD + "Taiwan's National Fire Agency said more than 1,000 people were injured.",
     "1,000 people", dict(subject="Taiwan earthquake", metric="people injured")),
    ("storm-toll-in-its-country",
     "Typhoon lashes northern Vietnam\n\nAt least 12 people were killed in Vietnam, officials said.",
     "12 people", dict(subject="Vietnam typhoon", metric="deaths")),
    ("floods-missing-in-state-bbc",
     "Brazil floods: Dozens dead as rain lashes Rio Grande do Sul\n\n"
     "More than 100 people are missing in Brazil, officials said.",
     "100 people", dict(subject="Brazil floods", metric="people missing")),
    ("wildfire-evacuated-in-its-state",
     "A fast-moving wildfire in northern California forced thousands from their homes.\n\n"
     "About 4,000 residents were evacuated in California, fire officials said.",
     "4,000 residents", dict(subject="California wildfire", metric="people evacuated")),
    # what keeps its owner
    ("toll-of-another-country-keeps-it",
     "Deadly earthquake hits Turkey and Syria\n\nThe earthquake killed 40,000 people in Turkey. "
     "In Syria, 6,000 people died, the UN said.",
     "6,000 people", dict(subject="Syria", metric="deaths")),
    ("named-hurricane-keeps-its-name",
     "Hurricane Milton made landfall near Siesta Key on Wednesday night.\n\n"
     "At least 16 people were killed in Florida, officials said.",
     "16 people", dict(metric="deaths")),
    ("storm-of-criticism-is-no-disaster",
     "Plan sparks storm of criticism in Britain\n\nAt least 200 people were arrested in London, police said.",
     "200 people", dict(metric="people arrested")),
    # a headline framed on its own: its place through the place table
    ("headline-city-of-its-country-tv", "Hualien shaken: magnitude 7.2 quake brings down buildings",
     "magnitude 7.2", dict(subject="Taiwan earthquake", metric="magnitude")),
    ("headline-city-floods", "Porto Alegre floods: river at record level as 40 people are missing",
     "40 people", dict(subject="Brazil floods", metric="people missing")),
    ("storm-modifying-another-noun-in-a-war-headline",
     "Russian strikes kill at least 40 in Ukraine as winter storm floods shelters\n\n"
     "At least 40 people were killed in Ukraine, officials said.",
     "40 people", dict(subject="Ukraine", metric="deaths")),
    ("wildfire-risk-is-no-wildfire",
     "Drought and wildfire risk loom over California budget\n\n"
     "At least 12 people died in California in heat waves last year, officials said.",
     "12 people", dict(subject=None, metric="deaths")),
    ("not-a-disaster-metric",
     AP_LEAD + "Taiwan's exports rose 3% in March, the finance ministry said.",
     "3%", dict(subject="Taiwan")),
]


@pytest.mark.parametrize("text,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_disaster_story_figure_is_its_disaster(nlp, text, surface, fields):
    assert_fields(nlp, text, None, surface, fields)


def test_a_disaster_named_in_the_lead_is_not_taken_for_an_unnamed_one(nlp):
    from extract.frame.story_event import story_disaster

    assert story_disaster(nlp("Hurricane Milton made landfall near Siesta Key.\n\nThe storm killed 16.")) is None
    assert story_disaster(nlp("Plan sparks storm of criticism in Britain\n\nPolice arrested 200.")) is None
    assert story_disaster(nlp("Brazil floods: Dozens dead as rain lashes Rio Grande do Sul")) == "Brazil floods"
    assert story_disaster(nlp("Taiwan quake death toll rises to 12, rescuers search for dozens")) == "Taiwan earthquake"
    assert story_disaster(nlp("Flood defences in Brazil fail again")) is None


def test_a_headline_reading_is_the_lead_reading_restated(nlp):
    """A headline is framed apart from the body (its own region): its "magnitude 7.2" takes
    the lead's source, the same reading restated (subject.toml [restatement] readings)."""
    from extract.pipeline import extract_claims
    from extract.records import Article

    head = "Quake topples buildings: magnitude 7.2 tremor hits east coast"
    body = ("HUALIEN, Taiwan — A magnitude 7.2 earthquake struck off Taiwan's east coast this morning, "
            "the Central Weather Administration said.")
    text = head + "\n\n" + body
    art = Article(text=text, regions=[(0, len(head)), (len(head) + 2, len(text))])
    got = [(c.start, c.subject, c.source) for c in extract_claims(art, "case", nlp) if c.metric == "magnitude"]
    assert [(s, src) for _, s, src in got] == [("Taiwan earthquake", "Central Weather Administration")] * 2
