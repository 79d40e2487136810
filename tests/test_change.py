"""How a figure reads beyond value and unit: direction and change word, a rate's
denominator, the basis of a growth (extract/change.py, data/changes.toml).

Real press sentences in (retail, markets, politics, energy, autos, tech), claim fields out.
"""

import pytest

from extract.pipeline import extract_claims
from extract.records import Article


def claims(nlp, text):
    return {c.surface: c for c in extract_claims(Article(text=text, regions=[(0, len(text))]), "t.txt", nlp)}


DIRECTION = [
    ("verb-plunged", "Sales of new homes plunged 10 percent in October.", "10 percent", "down", "plunged"),
    ("verb-rose", "Comparable sales rose 3.6 percent, missing the estimate.", "3.6 percent", "up", "rose"),
    ("verb-fell-by-hedge", "Hong Kong's Hang Seng Index fell by about 1.5% on Tuesday.", "1.5%", "down", "fell"),
    ("adverb-down", "Shares of Lowe's were down 1.8% in morning trading.", "1.8%", "down", "down"),
    ("noun-drop", "The company reported a 3% drop in quarterly revenue.", "3%", "down", "drop"),
    ("noun-increase", "The budget includes a 2.5% increase in school funding each year.", "2.5%", "up", "increase"),
    ("comparative-higher", "Power from the new engine is 20% higher than before.", "20%", "up", "higher"),
    ("rate-cut-object-by", "The Federal Reserve cut its benchmark rate by a quarter-point last month.",
     "a quarter-point", "down", "cut"),
    ("level-has-none", "The retailer earned $2.8 billion in the quarter.", "$2.8 billion", None, None),
    ("up-to-is-a-bound", "Wind gusts could reach up to 55 mph on Wednesday.", "55 mph", None, None),
    ("money-raised-is-no-change", "The startup raised $5 million from investors.", "$5 million", None, None),
]


@pytest.mark.parametrize("text,surface,direction,verb", [c[1:] for c in DIRECTION], ids=[c[0] for c in DIRECTION])
def test_direction_and_change_word(nlp, text, surface, direction, verb):
    c = claims(nlp, text)[surface]
    assert (c.direction.value if c.direction else None) == direction
    assert c.change_verb == verb


def test_fell_and_rose_are_told_apart(nlp):
    fell = claims(nlp, "Retail sales fell 3% in October.")["3%"]
    rose = claims(nlp, "Retail sales rose 3% in October.")["3%"]
    assert (fell.value, fell.unit) == (rose.value, rose.unit)
    assert (fell.direction.value, rose.direction.value) == ("down", "up")


PER = [
    ("week", "McKinley said drugs worth $53 million a week come across the border.", "$53 million", "week"),
    ("share", "Analysts were expecting $2.52 a share on revenue of $27.53 billion.", "$2.52", "share"),
    ("diluted-share", "The retailer earned $2.8 billion, or $2.53 per diluted share.", "$2.53", "share"),
    ("gallon", "Gas prices averaged $3 a gallon in California.", "$3", "gallon"),
    ("month", "The Stadia Pro subscription costs $9.99 per month.", "$9.99", "month"),
    ("symbol", "Module prices fell to $0.23/W this year.", "$0.23", "W"),
    ("adverb", "The plan would cost taxpayers $2 billion annually.", "$2 billion", "year"),
    ("per-cent-is-percent", "Alibaba shares rose 15 per cent.", "15 per cent", None),
    ("a-record-is-no-rate", "Sales reached $5 billion a record for the firm.", "$5 billion", None),
]


@pytest.mark.parametrize("text,surface,per", [c[1:] for c in PER], ids=[c[0] for c in PER])
def test_rate_denominator(nlp, text, surface, per):
    assert claims(nlp, text)[surface].per == per


BASIS = [
    ("year-earlier", "Revenue rose 3.5 percent from a year earlier to $27.2 billion.", "3.5 percent", "yoy"),
    ("year-over-year", "Azure grew 33% year-over-year in the quarter.", "33%", "yoy"),
    ("sequential", "Data-center revenue grew 12% sequentially.", "12%", "qoq"),
    ("constant-currency", "Sales rose 6% in constant currency.", "6%", "constant currency"),
    ("a-level-takes-no-basis", "Revenue rose 3.5 percent, to $27.2 billion, from a year earlier.", "$27.2 billion",
     None),
]


@pytest.mark.parametrize("text,surface,basis", [c[1:] for c in BASIS], ids=[c[0] for c in BASIS])
def test_growth_basis(nlp, text, surface, basis):
    assert claims(nlp, text)[surface].basis == basis


def test_vague_magnitude_is_marked(nlp):
    c = claims(nlp, "Hundreds of thousands of people lost power in Northern California.")
    [vague] = [x for x in c.values() if x.unit == "count"]
    assert vague.vague and vague.value is None
