"""Framing, who a figure is about: subjects that refer back to something named earlier
(extract/frame/refer.py, extract/data/refer.toml). A pronoun is the person named before it,
in a quotation never its speaker; "I" in a quotation is its speaker, credited after it; a
nationality ("the Norwegian") or a role ("the singer") is the person named last, even one the
entity tagger missed; "the city" is the city named last, "the country's largest utility" or
"the platform" the organisation named last. Sentences from sport, politics, entertainment,
social media, health, utilities and disaster reporting."""

import pytest

from tests.test_frame import assert_fields

# id, passage, surface, expected subject
PRONOUN_CASES = [
    ("sport-he-after-a-name-that-is-no-subject",
     "LOS ANGELES (AP) — To LeBron James, triple-doubles are not a goal.\n\n"
     "They are only a side effect of the consistent, brilliant all-around play he has been dishing out "
     "for 17 NBA seasons, with no slowdown in sight.",
     "17 NBA seasons", "LeBron James"),
    ("film-he-after-a-name-that-is-no-subject",
     "To Martin Scorsese, streaming is no threat to cinema.\n\n"
     "It is only another screen for the stories he has been telling for 50 years.",
     "50 years", "Martin Scorsese"),
    ("sport-quoted-his-is-the-player-not-the-coach-nor-the-last-actor",
     "LeBron James had 25 points, 11 rebounds and 10 assists as the Lakers beat the Thunder. James has "
     "five triple-doubles in the Lakers' last 10 games.\n\n"
     "James is fifth in NBA history with 86 triple-doubles. Kidd, who did it against 28 teams, has served "
     "as a role model for James' efforts.\n\n"
     "“He’s just playing terrific basketball,” Vogel said. “For him to be doing what he’s doing in his 17th "
     "year is just nothing short of remarkable.”",
     "17th", "James"),
    ("tennis-quoted-his-is-the-winner-not-the-coach-nor-the-last-actor",
     "Carlos Alcaraz beat Jannik Sinner 6-4, 6-4 on Sunday to win the China Open. Alcaraz has won four of "
     "their last five meetings.\n\n"
     "Sinner, who had won 12 straight matches before the final, blamed fatigue.\n\n"
     "“He is playing incredible tennis,” coach Juan Carlos Ferrero said. “For him to win his 14th title at 21 "
     "is something special.”",
     "14th", "Carlos Alcaraz"),
    ("politics-quoted-her-is-the-candidate-not-the-speaker",
     "Kamala Harris raised $361 million in August, her campaign said. Harris spent most of the month in "
     "swing states.\n\n"
     "Harris will debate Donald Trump on Tuesday. Trump, who has held rallies in Arizona all week, has mocked "
     "Harris' record.\n\n"
     "“Nobody has seen anything like it,” Pelosi said. “In her first 30 days she changed the whole race.”",
     "30 days", "Harris"),
]

SPEAKER_CASES = [
    ("social-media-i-is-the-speaker-credited-after",
     "Joseph Minga switched to a professional account last year.\n\n"
     "“Since I have seen some of the extra data, I will question why I lost 14 followers in a week where I "
     "did not post anything at all. I don’t post as often anymore,” said Minga.",
     "14 followers", "Minga"),
    ("sport-i-is-the-runner-credited-after",
     "Kelvin Kiptum won the Chicago Marathon on Sunday.\n\n"
     "“I ran the last 10 kilometres alone and I felt strong. It was a good day,” Kiptum told reporters.",
     "10 kilometres", "Kiptum"),
]

PERSON_DESCRIPTION_CASES = [
    ("football-norwegian-name-the-tagger-misses",
     "Haaland scored twice as Manchester City beat Fulham 3-1 on Saturday.\n\n"
     "The Norwegian has now scored 25 league goals this season.",
     "25 league goals", "Haaland"),
    ("football-frenchman-name-tagged-as-organisation",
     "Kylian Mbappe struck late to give Real Madrid a 2-1 win over Sevilla on Sunday.\n\n"
     "The Frenchman has scored 31 goals in all competitions this season.",
     "31 goals", "Kylian Mbappe"),
    ("motor-racing-dutchman",
     "Verstappen took pole position in Abu Dhabi on Saturday.\n\n"
     "The Dutchman has won 19 races this year, a record.",
     "19 races", "Verstappen"),
    ("tennis-italian-owns-his-record",
     "Sinner beat Medvedev in four sets to reach the final in Melbourne.\n\n"
     "The Italian has won 28 of his last 29 matches.",
     "29 matches", "Sinner"),
    ("entertainment-the-singer",
     "Taylor Swift's concert film opened in theaters on Friday. The singer has sold 2.3 million tickets in "
     "advance, AMC said.",
     "2.3 million tickets", "Taylor Swift"),
    ("elections-the-senator",
     "Sen. Sherrod Brown conceded the race late Tuesday in Ohio. The senator won 46 percent of the vote, "
     "according to the Associated Press.",
     "46 percent", "Sherrod Brown"),
]

PLACE_AND_ORGANISATION_CASES = [
    ("health-the-city-named-in-the-sentence",
     "In 2003, authorities there were accused of concealing the true extent of the country’s SARS "
     "outbreak—and Beijing officials ultimately admitted that the city had experienced 10 times as many "
     "cases as they had initially reported.",
     "10 times", "Beijing"),
    ("disaster-the-city-of-the-paragraph-before",
     "HOUSTON (AP) — Officials in Houston said on Tuesday that flooding had closed dozens of roads.\n\n"
     "The city recorded 14 inches of rain in 24 hours, the National Weather Service said.",
     "14 inches", "Houston"),
    ("events-the-city-that-hosts",
     "Tokyo will host the summit next year, organisers said.\n\n"
     "The city expects 40,000 visitors during the three-day event.",
     "40,000 visitors", "Tokyo"),
    ("utilities-the-countrys-largest-utility",
     "SAN FRANCISCO (AP) — PG&E was set to begin shutting off power Wednesday to some 375,000 people.\n\n"
     "The planned blackout would be the latest in a series of massive outages by the country’s largest "
     "utility, including one last month that affected nearly 2.5 million people.",
     "2.5 million people", "PG&E"),
    ("politics-the-country",
     "Prime Minister Keir Starmer said on Monday that Britain would spend 2.5% of GDP on defence. He told "
     "parliament the country would hire 10,000 more soldiers.",
     "10,000 more soldiers", "UK"),
    ("aerospace-the-planemaker",
     "Boeing said it would cut 10% of its workforce. The planemaker employs about 170,000 people worldwide.",
     "170,000 people", "Boeing"),
    ("social-media-the-platform",
     "Maybe Instagram likes it that way. After all, the platform has helped thousands of people monetize "
     "otherwise personal content about their lives.",
     "thousands of people", "Instagram"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in PRONOUN_CASES], ids=[c[0] for c in PRONOUN_CASES])
def test_a_pronoun_is_the_person_named_before_never_the_quotations_speaker(nlp, text, surface, subject):
    assert_fields(nlp, text, None, surface, dict(subject=subject, subject_inferred=True))


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in SPEAKER_CASES], ids=[c[0] for c in SPEAKER_CASES])
def test_first_person_in_a_quotation_is_its_speaker_credited_after_it(nlp, text, surface, subject):
    assert_fields(nlp, text, None, surface, dict(subject=subject))


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in PERSON_DESCRIPTION_CASES],
                         ids=[c[0] for c in PERSON_DESCRIPTION_CASES])
def test_a_nationality_or_role_is_the_person_named_last(nlp, text, surface, subject):
    assert_fields(nlp, text, None, surface, dict(subject=subject))


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in PLACE_AND_ORGANISATION_CASES],
                         ids=[c[0] for c in PLACE_AND_ORGANISATION_CASES])
def test_a_description_of_a_place_or_organisation_is_the_one_named_last(nlp, text, surface, subject):
    assert_fields(nlp, text, None, surface, dict(subject=subject, subject_inferred=True))


# A part sized by the figure, with no whole in its own sentence, is the product named last.
PART_CASES = [
    ("auto-show-touch-screen-of-the-wagon",
     "Volkswagen is giving us a glimpse into the car of the future with a low-slung electric station wagon "
     "called the ID. Space Vizzion Concept.\n\n"
     "An augmented reality 15.6-inch touch screen that appears to float in the air has all entertainment, "
     "climate control and online information.",
     "15.6-inch", "ID. Space Vizzion"),
    ("phone-launch-screen-of-the-phone",
     "Google unveiled the Pixel 9 phone at an event in California on Tuesday.\n\n"
     "A 6.3-inch screen covers almost the whole front.",
     "6.3-inch", "Pixel 9"),
    ("suv-engine-of-the-plug-in-hybrid",
     "Toyota showed the RAV4 Prime plug-in hybrid SUV in Los Angeles.\n\n"
     "A 2.5-liter engine works with two electric motors.",
     "2.5-liter", "RAV4 Prime"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in PART_CASES], ids=[c[0] for c in PART_CASES])
def test_a_part_with_no_whole_in_its_sentence_is_the_product_named_last(nlp, text, surface, subject):
    assert_fields(nlp, text, None, surface, dict(subject=subject, subject_inferred=True))


# An "it" a quoted speaker goes on with is the story's subject named a few paragraphs back.
QUOTED_IT_CASES = [
    ("markets-quoted-it-is-the-stock",
     "Beauty company Coty is breaking out — in a good way.\n\n"
     "The stock added more than 2% to begin the week. Those gains add to a major gain for shares, climbing "
     "more than 80% so far this year.\n\n"
     "Matt Maley, equity strategist at Miller Tabak, says the stock could be a risky bet with a worthy reward.\n\n"
     "\"This is a stock that until this year had been getting clobbered,\" Maley said. \"It was down for four "
     "straight years. If it can take it a little bit further and break above $13.60, that will follow that "
     "upward break of the trend line.\"",
     "$13.60", "Coty"),
    ("carmaker-quoted-it-is-the-company",
     "Tesla delivered 435,000 cars in the quarter, the company said on Monday.\n\n"
     "The carmaker's shares rose 3% in early trading.\n\n"
     "Dan Ives, an analyst at Wedbush, says the stock could rise 20% more.\n\n"
     "\"This is a stock that fell 60% last year,\" Ives said. \"If it can hold above $250, the rally has room "
     "to go.\"",
     "$250", "Tesla"),
]

# A description that owns the figure's phrase or its clause's subject is what it refers back to.
DESCRIBED_OWNER_CASES = [
    ("carmaker-shares",
     "Tesla delivered 435,000 cars in the quarter, the company said on Monday.\n\n"
     "The carmaker's shares rose 3% in early trading.",
     "3%", "Tesla"),
    ("census-the-citys-population",
     "Austin added more residents than any other large US city last year, census figures showed. The city's "
     "population grew 2.1% to 979,000.",
     "2.1%", "Austin"),
    ("music-the-singers-record",
     "Taylor Swift released a new album on Friday. The singer's record sold 1.2 million copies in its first "
     "week.",
     "1.2 million copies", "Taylor Swift"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in QUOTED_IT_CASES], ids=[c[0] for c in QUOTED_IT_CASES])
def test_a_quoted_it_is_the_subject_the_story_named_last(nlp, text, surface, subject):
    assert_fields(nlp, text, None, surface, dict(subject=subject, subject_inferred=True))


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in DESCRIBED_OWNER_CASES],
                         ids=[c[0] for c in DESCRIBED_OWNER_CASES])
def test_a_description_that_owns_the_figure_is_what_it_refers_back_to(nlp, text, surface, subject):
    assert_fields(nlp, text, None, surface, dict(subject=subject, subject_inferred=True))


# The whole an "out of" phrase gives for a part counted in its clause is whoever's the part
# is, as the clauses above say ("He learned ..."), not the part that is the clause's subject.
OUT_OF_CASES = [
    ("social-media-followers-out-of",
     "“I was stunned just to see how many people visited my profile,” said Joseph Minga, a friend who "
     "recently switched to a professional Instagram account. He learned around 75 to 100 people view his "
     "profile a week, out of around 1,500 followers.",
     "1,500 followers", "Joseph Minga"),
    ("health-clinic-visitors-out-of",
     "Dr. Amy Chen runs a walk-in clinic in Toledo.\n\n"
     "She noticed that about 30 patients a day now test positive, out of roughly 200 visitors.",
     "200 visitors", "Amy Chen"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in OUT_OF_CASES], ids=[c[0] for c in OUT_OF_CASES])
def test_the_whole_out_of_which_a_part_is_counted_is_the_parts_owners(nlp, text, surface, subject):
    assert_fields(nlp, text, None, surface, dict(subject=subject))


# Of the organisations named before, a description points to one whose name has its modifier,
# else one that acts (a clause's subject, a possessor), not one in a phrase ("customers such as
# Microsoft and Meta") nor one credited as a source ("According to The Verge's review").
WHICH_ORGANISATION_CASES = [
    ("results-the-company-that-acts",
     "Nov 11 (Reuters) - Nebius raised its 2025 capital expenditure forecast to about $5 billion on Tuesday, "
     "as the Amsterdam-based company races to add capacity for customers such as Microsoft and Meta.\n"
     "The company's third-quarter revenue rose 355% to $146.1 million.",
     "355%", "Nebius"),
    ("results-the-unit-its-name-says",
     "Alphabet said it plans to spend about $180 billion on capital expenditures in 2026.\n"
     "Google Cloud revenue grew 34% in the third quarter to $15.2 billion.\n"
     "The cloud unit's backlog rose to $155 billion at the end of the quarter.",
     "$155 billion", "Google Cloud"),
    ("gaming-not-the-outlet-credited",
     "Google Stadia launches tomorrow and early reviews are somewhat mixed.\n\n"
     "According to The Verge’s Stadia review, the streaming platform does not run its showcase launch title "
     "Destiny 2 in native 4K.",
     "4K", "Google"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in WHICH_ORGANISATION_CASES],
                         ids=[c[0] for c in WHICH_ORGANISATION_CASES])
def test_a_description_points_to_the_organisation_that_acts_or_that_it_names(nlp, text, surface, subject):
    assert_fields(nlp, text, None, surface, dict(subject=subject))


# A disaster named once ("Hurricane Milton", "the Camp Fire") and then called by its kind
# ("The storm", "The blaze") is the named disaster, its kind word kept in its name.
EVENT_CASES = [
    ("hurricane-the-storm",
     "MIAMI (AP) — Hurricane Milton made landfall near Siesta Key on Wednesday night with winds of 120 mph.\n\n"
     "The storm killed at least 16 people in Florida, officials said.",
     "16 people", "Hurricane Milton"),
    ("wildfire-the-blaze",
     "The Camp Fire swept through Paradise, California, in November 2018.\n\n"
     "The blaze destroyed nearly 19,000 buildings, according to Cal Fire.",
     "19,000 buildings", "Camp Fire"),
    ("typhoon-the-typhoon",
     "Typhoon Haiyan struck the central Philippines on Friday.\n\n"
     "The typhoon left more than 6,000 people dead.",
     "6,000 people", "Typhoon Haiyan"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in EVENT_CASES], ids=[c[0] for c in EVENT_CASES])
def test_a_disaster_called_by_its_kind_is_the_one_named_before(nlp, text, surface, subject):
    assert_fields(nlp, text, None, surface, dict(subject=subject, subject_inferred=True))
