"""Framing, what kind of figure: fact, estimate, forecast or illustrative, by the
clause the figure stands in; each rule tried on sentences from two kinds of story."""

import pytest

from tests.test_frame import assert_fields

# id, passage, publication date (None: undated), surface, expected fields
CASES = [
    # a level reached at a date, told in the past, is no target
    ("past-level-at-date-energy",
     "The report stated the industry had an annual production capacity of around 8.69 GW at the end of 2017.",
     None, "8.69 GW", dict(kind="fact")),
    ("past-level-at-date-health",
     "The hospital had 450 beds at the end of 2017, up from 380 a year earlier.",
     None, "450 beds", dict(kind="fact")),
    # a figure in a contrasting clause is framed by that clause, not by the main clause's "will"
    ("contrast-clause-technology",
     "While the monthly subscription rate for the service gets players access to 4k streaming at 60 frames "
     "per second, the majority of titles will cost the same amount as their console counterparts.",
     None, "60 frames per second", dict(kind="fact")),
    ("contrast-clause-sport",
     "While the new stadium holds 62,000 fans, the club will keep ticket prices frozen next season.",
     None, "62,000 fans", dict(kind="fact")),
    # a company's forecast of itself in the present
    ("company-sees-retail",
     "Looking ahead, Home Depot sees fiscal year 2019 sales growth of 1.8 percent.",
     None, "1.8 percent", dict(kind="forecast")),
    ("company-sees-airline",
     "Looking ahead, Delta sees capacity growth of 5% in the first quarter.",
     None, "5%", dict(kind="forecast")),
    # what a claim, a rumour or an allegation holds is an estimate, whatever the article makes of it
    ("claim-that-fact-check",
     "In sum, the claim that the senator has a net worth of $17 million is wholly unsubstantiated.",
     None, "$17 million", dict(kind="estimate")),
    ("rumours-that-sport",
     "The club dismissed rumours that it will pay £80 million for the striker.",
     None, "£80 million", dict(kind="estimate")),
    # a modal with the perfect tells what would have been: an estimate, not a forecast
    ("counterfactual-earnings",
     "“Excluding these items, we believe Q3 comps would have been closer to 5%.”",
     None, "5%", dict(kind="estimate")),
    ("counterfactual-motoring",
     "Without the strike, the carmaker would have sold 40,000 more vehicles in October.",
     None, "40,000 more vehicles", dict(kind="estimate")),
    ("plain-future-stays-forecast-airline",
     "The airline will add 12 routes next year.",
     None, "12 routes", dict(kind="forecast")),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_kind(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)
