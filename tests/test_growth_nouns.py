"""One list of change nouns: a noun of change right after a percent ("a 12% hike", "a 7%
slump"; data/changes.toml [after]) makes the figure a growth, as metrics.toml's growth cues
do, instead of the noun becoming the metric ("hike", "slump")."""

import datetime as dt

import pytest

from tests.test_frame import _claims, _find

CASES = [
    ("car-review-improvement", "Nissan claims the new engine is a 20% and 16% improvement respectively compared to "
     "the older engine.", "16%", "growth"),
    ("utility-rates-hike", "The utility won approval for a 12% hike in electricity rates.", "12%", "growth"),
    ("market-slump", "Shares of the retailer suffered a 7% slump after the report.", "7%", "share price growth"),
    ("trade-uptick", "Exports posted a 4% uptick in March, the ministry said.", "4%", "exports growth"),
    ("city-budget-reduction", "The council announced a 15% reduction in the parks budget.", "15%", "growth"),
]


@pytest.mark.parametrize("text,surface,metric", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_change_noun_after_a_percent_makes_a_growth(nlp, text, surface, metric):
    claim = _find(_claims(nlp, text, dt.date(2025, 5, 1)), surface)
    assert claim.metric == metric
