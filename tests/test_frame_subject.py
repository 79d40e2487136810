"""Framing, who a figure is about: a news agency that reports a figure is its source,
never its subject, whatever the story (markets, politics, sport)."""

import pytest

from tests.test_frame import assert_fields

# id, passage, publication date (None: undated), surface, expected fields
CASES = [
    ("agency-reported-markets",
     "Small investors in Hong Kong have welcomed the listing, subscribing for so many shares "
     "they will be allotted the maximum 10 per cent of the total they can get, Reuters reported.",
     None, "10 per cent", dict(source="Reuters")),
    ("agency-reported-politics",
     "Turnout reached 64 percent in the capital, the Associated Press reported.",
     None, "64 percent", dict(source="Associated Press")),
    ("agency-told-sport",
     "The club will pay about 40 million euros for the striker, a source told AFP.",
     None, "40 million euros", dict()),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_news_agency_is_never_the_subject(nlp, text, published, surface, fields):
    from tests.test_frame import _claims, _find
    c = _find(_claims(nlp, text, published), surface)
    assert (c.subject or "").lower() not in ("reuters", "associated press", "the associated press", "afp")
    assert_fields(nlp, text, published, surface, fields)


# The people who act in a story, or the story's own event named again, stand in a
# figure's subject place without being what it is about: the article's topic is
# (extract/data/subject.toml [generic], extract/frame/article.py).
_ALIBABA = ("Alibaba Group Holding Ltd priced its Hong Kong listing on Wednesday, raising about $11 billion "
            "in the largest share sale in the city since 2010, according to people familiar with the matter.\n\n"
            "Alibaba will sell 500 million new shares in Hong Kong, and the company's shares in New York rose "
            "1.2% on Tuesday.\n\n")
_LEXUS = ("The 2020 Lexus LC 500 Convertible arrives in showrooms this summer with the coupe's V8 engine "
          "and a fabric top that folds away behind the rear seats.\n\n"
          "The Lexus LC 500 Convertible is priced from $101,000, and the coupe sells for $92,950.\n\n")
_TEACHERS = ("Indiana teachers rallied at the Statehouse on Tuesday to demand higher pay, closing schools in "
             "dozens of districts across the state as they called on the Legislature to act.\n\n"
             "Indiana lawmakers met for a single day of ceremonies.\n\n")
STAND_IN_CASES = [
    ("stand-in-investors-markets", _ALIBABA + "Investors paid 176 Hong Kong dollars a share.",
     "176 Hong Kong dollars", "Alibaba"),
    ("stand-in-the-deal-markets", _ALIBABA + "The deal could raise as much as $12.9 billion.",
     "$12.9 billion", "Alibaba"),
    ("stand-in-drivers-autos", _LEXUS + "Drivers can lower the top in 15 seconds.", "15 seconds",
     "Lexus"),
    ("stand-in-unions-politics", _TEACHERS + "Unions said about 15,000 people joined the rally.",
     "15,000 people", None),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in STAND_IN_CASES],
                         ids=[c[0] for c in STAND_IN_CASES])
def test_the_actors_of_a_story_are_not_what_its_figure_is_about(nlp, text, surface, subject):
    from tests.test_frame import _claims, _find
    c = _find(_claims(nlp, text, None), surface)
    assert c.subject not in ("investors", "deal", "drivers", "unions", "Investors", "Drivers", "Unions")
    if subject:
        assert c.subject == subject


# An analyst's sentence ("Wells Fargo analyst Zachary Fadem points out ...") leaves the
# story's topic as it was: "the company" after it is still the company named before.
ANALYST_CASES = [
    ("retail-analyst-points-out",
     "Home Depot cut its sales outlook on Tuesday after comparable sales rose 3.6 percent.\n\n"
     "Wells Fargo analyst Zachary Fadem points out a couple of reasons investors shouldn't fret. "
     "The company faced a 0.7% hurricane headwind in the quarter.",
     "0.7%", "Home Depot"),
    ("autos-analyst-highlights",
     "Tesla delivered about 97,000 cars in the third quarter.\n\n"
     "Morgan Stanley analyst Adam Jonas highlights the improving margin in a note to clients. "
     "The company expects to deliver 500,000 cars this year.",
     "500,000 cars", "Tesla"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in ANALYST_CASES], ids=[c[0] for c in ANALYST_CASES])
def test_an_analysts_bank_is_no_topic_for_the_company_after_it(nlp, text, surface, subject):
    from tests.test_frame import _claims, _find
    assert _find(_claims(nlp, text, None), surface).subject == subject


# The outlet a reporter writes for, or a source talks to, is credited, never the subject.
OUTLET_CASES = [
    ("health-reports-for",
     "As Emily Feng reports for NPR, the first cases came to light last week, when authorities "
     "announced that two infected individuals sought treatment at a hospital.",
     "two infected individuals", "NPR"),
    ("tech-reported-for",
     "As Mark Gurman reported for Bloomberg, the first batch of 2 million headsets shipped in June.",
     "2 million headsets", "Bloomberg"),
]


@pytest.mark.parametrize("text,surface,outlet", [c[1:] for c in OUTLET_CASES], ids=[c[0] for c in OUTLET_CASES])
def test_the_outlet_reported_for_is_never_the_subject(nlp, text, surface, outlet):
    from tests.test_frame import _claims, _find
    assert _find(_claims(nlp, text, None), surface).subject != outlet
