"""A count of charges is the accused's, not the officers' or prosecutors' who act
(extract/frame/accused.py, data/accused.toml). Local police blotter, federal fraud case,
sport doping case."""

import pytest

from tests.test_frame import assert_fields

CASES = [
    ("arrested-on-charges-including-police-blotter",
     "COLUMBUS, Ind. — Officers also arrested Christopher L. Tays, 32, of Franklin, on several charges including "
     "two local warrants, Harris said.",
     None, "two local warrants", dict(subject="Christopher L. Tays")),
    ("indicted-on-counts-federal-fraud",
     "Prosecutors indicted Maria Lopez on 12 counts of wire fraud on Tuesday.",
     None, "12 counts", dict(subject="Maria Lopez")),
    ("charged-with-violations-sport",
     "The federation charged Paul Pogba with two anti-doping rule violations after a positive test.",
     None, "two anti-doping rule violations", dict(subject="Paul Pogba")),
    ("passive-accused-stays-subject",
     "Police said John Smith, 45, was charged with three counts of aggravated assault.",
     None, "three counts", dict(subject="John Smith")),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_charges_are_the_accuseds(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)
