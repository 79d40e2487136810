"""A rate over "the 12 months to April" is the rate of April's release, as "in April" is,
and those twelve months are the window it is measured over, no figure of their own
(extract/data/periods.toml, quantities.toml `time_window_after`). Sentences in the style
of UK and Australian statistics releases, a US price index and a property-data firm."""

import datetime as dt

import pytest

from extract.pipeline import extract_claims
from extract.records import Article
from tests.test_frame import assert_fields

MAY_2024 = dt.date(2024, 5, 22)

CASES = [
    ("uk-cpi-twelve-months-to",
     "UK inflation fell to 2.3% in the 12 months to April, the Office for National Statistics said.",
     MAY_2024, "2.3%", {"period": "2024-04"}),
    ("australia-house-prices-twelve-months-to-last-year",
     "House prices in Australia climbed 8.1% in the twelve months to October, according to CoreLogic.",
     MAY_2024, "8.1%", {"period": "2023-10"}),
    ("us-index-twelve-months-ending",
     "The all items index increased 3.4 percent for the 12 months ending April, the Labor Department said.",
     MAY_2024, "3.4 percent", {"period": "2024-04"}),
    ("wages-over-twelve-months-to",
     "Average weekly earnings grew 5.7% over the 12 months to March, the statistics office said.",
     MAY_2024, "5.7%", {"period": "2024-03"}),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_twelve_months_to_a_month_is_that_month(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)


@pytest.mark.parametrize("text", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_the_twelve_months_are_no_figure(nlp, text):
    claims = extract_claims(Article(text=text, regions=[(0, len(text))], date=MAY_2024), "case", nlp)
    assert not [c.surface for c in claims if "months" in c.surface]
