"""Framing, who a figure is about, when a name is written with another: the name's own
words, not the place or company that only locates it ("Japan's Nikkei 225", "Ford's
Mustang Mach E SUV"); a unit is itself, its company is its parent."""

import pytest

from tests.test_frame import _claims, _find

# id, passage, surface, expected subject
OWN_NAME_CASES = [
    ("markets-index-of-a-country",
     "Japan's Nikkei 225 (N225) declined 0.3%, while investors waited for the central bank.",
     "0.3%", "Nikkei 225"),
    ("markets-index-kind-word",
     "Hong Kong's Hang Seng Index (HSI) started in the red, but was last trading up about 1%.",
     "1%", "Hang Seng"),
    ("markets-other-outlet",
     "Britain's FTSE 100 index fell 1.2% on Thursday as miners slid.",
     "1.2%", "FTSE 100"),
    ("autos-product-of-a-maker",
     "Ford's Mustang Mach E SUV will go 230 miles per charge depending on how it is equipped.",
     "230 miles", "Mustang Mach E"),
    ("space-moon-of-a-planet",
     "The plume is very different from the one at Saturn's icy moon Enceladus, and Jupiter's "
     "Europa is 1,900 miles wide.",
     "1,900 miles", "Europa"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in OWN_NAME_CASES],
                         ids=[c[0] for c in OWN_NAME_CASES])
def test_a_name_is_what_its_figure_is_about_not_its_possessor(nlp, text, surface, subject):
    assert _find(_claims(nlp, text, None), surface).subject == subject


BRAND_CASES = [
    ("cloud-unit", "Google Cloud surged 63% in the most recent quarter.", "63%", "Google Cloud", "Alphabet"),
    ("holding-company", "Alphabet raised its 2026 capital expenditure guidance to $180-190 billion.",
     "$180-190 billion", "Alphabet", None),
]


@pytest.mark.parametrize("text,surface,subject,parent", [c[1:] for c in BRAND_CASES], ids=[c[0] for c in BRAND_CASES])
def test_a_unit_is_itself_with_its_company_as_parent(nlp, text, surface, subject, parent):
    c = _find(_claims(nlp, text, None), surface)
    assert (c.subject, c.parent) == (subject, parent)


# A possessive that is part of the name keeps the name whole.
INSIDE_CASES = [
    ("politics-party", "The conservative People's Party is projected to take 97 seats.", "97 seats",
     "People's Party"),
    ("restaurants-chain", "Wendy's Company reported revenue of $446 million in the quarter.", "$446 million",
     "Wendy's"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in INSIDE_CASES], ids=[c[0] for c in INSIDE_CASES])
def test_a_possessive_inside_a_name_keeps_it_whole(nlp, text, surface, subject):
    assert _find(_claims(nlp, text, None), surface).subject == subject


# A unit's name that runs into the metric's words owns the metric, not its parent.
UNIT_CASES = [
    ("cloud-unit-revenue", "Google Cloud revenue grew 34% in the third quarter to $15.2 billion.", "34%",
     "Google Cloud"),
    ("retail-unit-sales", "Amazon Web Services sales rose 20% to $27.5 billion in the quarter.", "20%",
     "AWS"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in UNIT_CASES], ids=[c[0] for c in UNIT_CASES])
def test_a_unit_named_into_its_metric_owns_it(nlp, text, surface, subject):
    assert _find(_claims(nlp, text, None), surface).subject == subject


# The possessor of the noun phrase a figure is in says whose it is, before any clause
# above it: the coach who spoke, the model the clause is about.
PHRASE_OWNER_CASES = [
    ("sport-performance",
     "Hours before Zach Parise's two-goal performance Tuesday, Wild coach Bruce Boudreau expressed "
     "confidence in the veteran winger.",
     "two-goal", "Zach Parise"),
    ("autos-engine",
     "The SUV has a tuned-up version of the RAV4 Hybrid's 176 hp 2.5-liter four-cylinder gas engine "
     "powering the front wheels.",
     "176 hp", "RAV4 Hybrid"),
    ("media-purchase",
     "The paper's owner paid down its debt after Patrick Soon-Shiong's $500 million purchase of The Times.",
     "$500 million", "Patrick Soon-Shiong"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in PHRASE_OWNER_CASES],
                         ids=[c[0] for c in PHRASE_OWNER_CASES])
def test_the_possessor_of_the_figures_phrase_owns_it(nlp, text, surface, subject):
    assert _find(_claims(nlp, text, None), surface).subject == subject
