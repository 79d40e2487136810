"""Framing, who a figure is about: a product, its parts and its model names
(extract/frame/part_whole.py, extract/data/described.toml [parts], [having_verbs],
[model_classes]). A figure about a part is the product's; a figure counting a named model
as its clause's subject, or of a phrase "of" the model, is the model's; a model
designation of digits is named with its maker."""

import pytest

from extract.rule_files import DescribedRules
from extract.rules import load_rules
from tests.test_frame import assert_fields

# id, passage, publication date (None: undated), surface, expected fields
PART_CASES = [
    ("car-underpinnings-that-lower-it",
     "Honda is showing a redesigned Civic hatchback at the Detroit auto show.\n\n"
     "The 2022 Civic goes on sale in June. It's built on stiffer underpinnings that lower it 1.2 inches "
     "and make it half an inch wider than the outgoing model.",
     None, "1.2 inches", dict(subject="Civic")),
    ("car-new-version-gets-an-engine-that-is",
     "Mazda is betting that a sharper design will revive sales of the CX-5 crossover.\n\n"
     "The new version gets a 2.5-liter engine that's 15% more efficient than the current model, "
     "Mazda says.",
     None, "15%", dict(subject="CX-5")),
    ("phone-gets-a-battery-that-lasts",
     "Samsung unveiled the Galaxy S21, its new flagship phone, at a virtual event on Thursday.\n\n"
     "The phone gets a larger battery that lasts 20% longer than last year's model.",
     None, "20%", dict(subject="Galaxy S21")),
    ("phone-display-in-its-own-clause",
     "Samsung unveiled the Galaxy S21, its new flagship phone, at a virtual event on Thursday.\n\n"
     "The phone gets a 6.2-inch display that refreshes 120 times per second.",
     None, "6.2-inch", dict(subject="Galaxy S21")),
    ("truck-rides-on-a-frame-that-is",
     "Ford is giving its best-selling F-150 pickup a hybrid version for the first time.\n\n"
     "The truck rides on a new frame that is 70 pounds lighter than before.",
     None, "70 pounds", dict(subject="Ford F-150")),
    ("truck-cabin-as-subject-points-back",
     "Ford is giving its best-selling F-150 pickup a hybrid version for the first time.\n\n"
     "The truck rides on a new frame. The cabin includes a 12-inch touchscreen.",
     None, "12-inch", dict(subject="Ford F-150")),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in PART_CASES], ids=[c[0] for c in PART_CASES])
def test_a_parts_figure_is_its_products(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)


MODEL_CASES = [
    ("car-model-sedans-recalled",
     "About 12,000 Model 3 sedans were recalled in China last month.",
     None, "12,000", dict(subject="Model 3")),
    ("console-model-consoles-sold",
     "About 50 million PS4 consoles have been sold worldwide since 2013, Sony said.",
     None, "50 million", dict(subject="PS4")),
    ("phone-fires-of-its-model",
     "The company said two fires of its iPhone 12 phone were caused by batteries.",
     None, "two fires", dict(subject="iPhone 12")),
    ("aircraft-failures-of-its-model",
     "The airline reported three failures of its A220 jet in a single month.",
     None, "three failures", dict(subject="A220 jet")),
    # counted as an object, a model is what someone buys: the buyer's figure
    ("car-model-sedans-ordered-are-the-buyers",
     "Hertz ordered 100,000 Model 3 sedans from Tesla on Monday.",
     None, "100,000", dict(subject="Hertz")),
    ("console-model-consoles-bought-are-the-buyers",
     "Walmart bought 40,000 PS5 consoles from Sony for the holiday season.",
     None, "40,000", dict(subject="Walmart")),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in MODEL_CASES], ids=[c[0] for c in MODEL_CASES])
def test_a_figure_counting_a_named_model_is_the_models(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)


MAKER_CASES = [
    ("aircraft-designation-of-digits-with-its-maker",
     "Lufthansa agreed to buy 20 of Boeing's 777-9 jets on Wednesday.\n\n"
     "The long-range 777-9 jet is the largest twin-engine airliner, seating 426 passengers in two classes.",
     None, "426 passengers", dict(subject="Boeing 777-9")),
    ("truck-designation-owned-by-its-maker",
     "Ford is giving its best-selling F-150 pickup a hybrid version for the first time.\n\n"
     "The truck will tow up to 12,700 pounds, Ford said.",
     None, "12,700 pounds", dict(subject="Ford F-150")),
    ("model-year-is-no-part-of-the-name",
     "The 2021 Sportage goes on sale in March. It gets a 10.25-inch touchscreen.",
     None, "10.25-inch", dict(subject="Sportage")),
    ("console-model-year-free-name-kept",
     "Sony's PlayStation 5 goes on sale in November. It has 825 gigabytes of storage.",
     None, "825 gigabytes", dict(subject="PlayStation 5")),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in MAKER_CASES], ids=[c[0] for c in MAKER_CASES])
def test_a_models_name_in_full(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)


def test_part_nouns_are_no_kinds_of_product():
    """A noun that names a kind of product ("camera", "chip") is described, never a part:
    the two lists of described.toml do not overlap."""
    rules = load_rules("described.toml", DescribedRules)
    kinds = {w.lower() for words in rules.classes.values() for w in words}
    assert not kinds & {w.lower() for w in rules.parts}
