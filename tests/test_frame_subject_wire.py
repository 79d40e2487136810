"""Framing, who a figure is about, in wire copy: a nationality adjective names its
country, a name the tagger cut keeps its words, the "with" figure after a verb of
winning is the winner's, "his tally" is the person's, and the people counted beside an
event's toll are the event's (data/subject.toml [countries], [tally_verbs], [events])."""

import pytest

from tests.test_frame import _claims, _find

# id, passage, surface, expected subject
CASES = [
    # a nationality adjective (or a country's abbreviation) in the phrase names the country
    ("macro-uk-inflation",
     "British consumer price inflation fell to 2.3% in April from 3.2% in March, the Office for "
     "National Statistics said on Wednesday.", "2.3%", "UK"),
    ("macro-germany-output",
     "German industrial output fell 1.5% in March from the previous month, the statistics office said.",
     "1.5%", "Germany"),
    ("macro-us-abbreviation",
     "U.S. retail sales rose 0.4% in May, the Commerce Department said on Tuesday.", "0.4%", "US"),
    # the euro zone is a place by name, however the tagger reads the word ("Eurozone" as a
    # proper noun, and the data's publisher is no owner)
    ("macro-eurozone-inflation",
     "FRANKFURT (Reuters) - The European Central Bank cut interest rates on Thursday.\n\n"
     "Eurozone inflation rose to 2.6% in May from 2.4% in April, Eurostat data showed last week.", "2.6%",
     "euro zone"),
    ("macro-eurozone-unemployment",
     "BRUSSELS (AP) — Eurozone unemployment fell to 6.4% in April, the lowest on record, Eurostat said.",
     "6.4%", "euro zone"),
    ("company-nationality-in-a-name",
     "British Airways carried 4.5 million passengers in July, the airline said.", "4.5 million passengers",
     "British Airways"),
    # a name the tagger cut to its place keeps its words
    ("election-party-named-for-a-country",
     "Reform UK won 14.3% of the vote but only five seats.", "14.3%", "Reform UK"),
    ("election-party-seats", "Reform UK won 14.3% of the vote but only five seats.", "five seats", "Reform UK"),
    ("sport-team-named-for-a-country",
     "Team GB won 65 medals at the Paris Games, one more than in Tokyo.", "65 medals", "Team GB"),
    # after a verb of winning or standing, the "with" figure is the named subject's
    ("election-headline-landslide", "Labour wins landslide with 412 seats", "412 seats", "Labour"),
    ("sport-league-table",
     "City, who have won all three of their matches, lead the table with nine points.", "nine points", "City"),
    ("company-market-share",
     "Apple topped the smartphone market with a 23% share in the fourth quarter.", "23%", "Apple"),
    ("politics-chamber-control",
     "Republicans retained control of the House with 220 seats, according to projections.", "220 seats",
     "Republicans"),
    # "his"/"her" points to a person, not the team whose clause it hangs on
    ("sport-his-tally",
     "Haaland scored three goals as Manchester City beat West Ham 3-1 on Saturday, taking his tally to "
     "seven league goals this season.", "seven league goals", "Haaland"),
    ("sport-her-career-total",
     "Simone Biles won gold on the vault as the United States took the team title, bringing her career "
     "total to 30 world medals.", "30 world medals", "Simone Biles"),
    ("sport-his-in-the-clause-of-a-person",
     "Wild goalie Alex Stalock, who subbed for the struggling Devan Dubnyk, looked strong in his 10th "
     "outing this season, stopping 30 shots.", "10th", "Alex Stalock"),
    # an event's measure, and people counted beside its toll
    ("disaster-quake-magnitude",
     "The death toll from last week's 7.7-magnitude earthquake in Myanmar rose to 3,300 on Thursday, state "
     "media said, while more than 4,500 people were injured and 341 remain missing.", "7.7-magnitude",
     "Myanmar earthquake"),
    ("disaster-quake-injured",
     "The death toll from last week's 7.7-magnitude earthquake in Myanmar rose to 3,300 on Thursday, state "
     "media said, while more than 4,500 people were injured and 341 remain missing.", "4,500 people",
     "Myanmar earthquake"),
    ("disaster-quake-toll",
     "The death toll from last week's 7.7-magnitude earthquake in Myanmar rose to 3,300 on Thursday, state "
     "media said, while more than 4,500 people were injured and 341 remain missing.", "3,300",
     "Myanmar earthquake"),
    ("disaster-storm-toll",
     "The death toll from the storm in the Philippines climbed to 126 on Saturday, the disaster agency said.",
     "126", "Philippines storm"),
    ("disaster-flood-injured",
     "The death toll from the floods in Pakistan rose to 1,136 on Monday, while more than 1,600 people "
     "were injured, the disaster management authority said.", "1,600 people", "Pakistan floods"),
    # a named event: the name as written
    ("disaster-named-hurricane-toll",
     "FORT MYERS, Fla. (AP) — The death toll from Hurricane Ian rose to at least 47 on Saturday as rescuers "
     "searched flooded neighborhoods, officials said.", "47", "Hurricane Ian"),
    ("disaster-named-typhoon-toll",
     "TACLOBAN, Philippines (Reuters) - The death toll from Typhoon Haiyan climbed to 5,200 on Friday, the "
     "disaster agency said.", "5,200", "Typhoon Haiyan"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_wire_copy_subject(nlp, text, surface, subject):
    assert _find(_claims(nlp, text, None), surface).subject == subject


# What the rules leave alone: a "with" figure after any other verb is its object's; a
# nationality that is part of a name stays in it.
KEPT_CASES = [
    ("energy-campus-capacity", "The company is building the Stargate campus with 1.2GW of capacity.", "1.2GW",
     "Stargate campus"),
    ("markets-currency", "The Japanese yen strengthened 0.13% against the dollar.", "0.13%", "Japanese yen"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in KEPT_CASES], ids=[c[0] for c in KEPT_CASES])
def test_wire_copy_subject_left_alone(nlp, text, surface, subject):
    assert _find(_claims(nlp, text, None), surface).subject == subject


# A country's long name or abbreviation is the country's short name, however written.
COUNTRY_NAME_CASES = [
    ("trade-long-name",
     "Analysts say they have difficulty figuring out how the United States could increase its agricultural "
     "exports to China to much more than $30 billion a year.", "$30 billion", "US"),
    ("health-population-of-a-country",
     "About 964,000 people, or 0.4 percent of the total U.S. population, reported a methamphetamine use "
     "disorder in 2017.", "0.4 percent", "US"),
    ("macro-britain",
     "Britain's economy grew 0.7% in the first quarter, the fastest growth among G7 nations.", "0.7%", "UK"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in COUNTRY_NAME_CASES],
                         ids=[c[0] for c in COUNTRY_NAME_CASES])
def test_a_country_is_its_short_name(nlp, text, surface, subject):
    assert _find(_claims(nlp, text, None), surface).subject == subject
