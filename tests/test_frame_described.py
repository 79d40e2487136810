"""Framing, who a figure is about: a thing described, not named, in the figure's clause
("the new version", "the wagon", "the jet", "the drug") is the thing named before it
with a head noun of the same class, and the subject is marked inferred
(extract/frame/described.py, extract/data/described.toml)."""

import pytest

from tests.test_frame import assert_fields

# id, passage, publication date (None: undated), surface, expected fields
CASES = [
    ("car-version-after-model-sedan",
     "Nissan is hoping a sleek redesign of the Sentra compact sedan will pull in more buyers in a "
     "struggling segment of the U.S. market.\n\n"
     "The 2020 model loses the old look. The new version gets a new 149 horsepower engine, yet Nissan "
     "says it will offer better gas mileage.",
     None, "149 horsepower", dict(subject="Sentra", subject_inferred=True)),
    ("car-wagon-called",
     "Volkswagen is giving us a glimpse into the car of the future with a low-slung electric station "
     "wagon called the ID. Space Vizzion Concept.\n\n"
     "The German automaker says the wagon will be able to go 300 miles on a single battery charge.",
     None, "300 miles", dict(subject="ID. Space Vizzion", subject_inferred=True)),
    ("aviation-jet-called",
     "Airbus showed off a long-range jet called the A321XLR at the Paris Air Show on Monday.\n\n"
     "The jet will be able to fly 4,700 nautical miles without refuelling, the planemaker said.",
     None, "4,700 nautical miles", dict(subject="A321XLR", subject_inferred=True)),
    ("medicine-drug-named",
     "Regulators approved a weight-loss drug named Zepbound on Wednesday.\n\n"
     "The drug costs $1,060 a month before insurance, the company said.",
     None, "$1,060", dict(subject="Zepbound", subject_inferred=True)),
    ("space-agency-named-in-apposition",
     "The United States's space agency NASA on Monday enlisted Blue Origin and SpaceX for its moon shot.\n\n"
     "In May, the space agency tapped three companies to send robotic landers next year.",
     None, "three companies", dict(subject="NASA", subject_inferred=True)),
    ("watchdog-named-in-apposition-possessive",
     "Britain's competition watchdog CMA opened an inquiry into the cloud market on Thursday.\n\n"
     "Lawmakers are debating the watchdog's budget request for 120 million pounds.",
     None, "120 million pounds", dict(subject="CMA", subject_inferred=True)),
    ("console-after-name-with-number",
     "Sony unveiled the PlayStation 5 Pro console at an event in Tokyo.\n\n"
     "The console will sell for $699.99 when it goes on sale in November.",
     None, "$699.99", dict(subject="PlayStation 5 Pro", subject_inferred=True)),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_description_is_the_thing_named_before(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)


# A description that is a sentence's topic leaves the thing it refers to for a later "it".
TOPIC_CASES = [
    ("car-it-after-the-new-version",
     "Nissan is hoping a sleek redesign of the Sentra compact sedan will pull in more buyers.\n\n"
     "The new version gets a new engine and a new rear suspension. It comes standard with six safety "
     "systems including automatic emergency braking.",
     None, "six safety systems", dict(subject="Sentra", subject_inferred=True)),
    ("aviation-it-after-the-jet",
     "Airbus showed off a long-range jet called the A321XLR at the Paris Air Show on Monday.\n\n"
     "The planemaker says the jet will enter service in two years. It will seat up to 244 passengers.",
     None, "244 passengers", dict(subject="A321XLR", subject_inferred=True)),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in TOPIC_CASES], ids=[c[0] for c in TOPIC_CASES])
def test_a_described_topic_is_what_it_refers_back_to(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)


# A class noun written with a model designation is named in its own phrase.
DESIGNATED = [
    ("aviation-designation",
     "The mid-size wide body 787-9 jet is a larger variant of the Dreamliner, seating 242 to 330 passengers.",
     None, "242 to 330 passengers", dict(subject="787-9 jet", subject_inferred=False)),
    ("vehicle-designation",
     "Ford said the F-150 pickup will tow up to 14,000 pounds when it goes on sale next spring.",
     None, "14,000 pounds", dict(subject="F-150 pickup", subject_inferred=False)),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in DESIGNATED], ids=[c[0] for c in DESIGNATED])
def test_a_designation_names_the_thing(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)


# Not a description: a plural names a group, and a phrase with a name of its own is named.
NOT_DESCRIBED = [
    ("plural-models-are-a-group",
     "Nissan sells the Altima sedan in 40 countries.\n\n"
     "Newer models cost about 10 percent more than the ones they replace.",
     None, "10 percent", "Altima"),
    ("maker-in-the-phrase",
     "Boeing delivered a 787 Dreamliner to Emirates in May.\n\n"
     "The Boeing jet seats up to 330 passengers.",
     None, "330 passengers", "Dreamliner"),
]


@pytest.mark.parametrize("text,published,surface,wrong", [c[1:] for c in NOT_DESCRIBED],
                         ids=[c[0] for c in NOT_DESCRIBED])
def test_no_description_no_reference_back(nlp, text, published, surface, wrong):
    from tests.test_frame import _claims, _find
    c = _find(_claims(nlp, text, published), surface)
    assert c.subject != wrong
