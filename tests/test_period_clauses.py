"""Period: a time inside a side clause (a relative clause, an apposition, a participle
on a name, a "when" clause) dates that clause, not the figure of the main clause."""

import datetime as dt

import pytest

from tests.test_frame import assert_fields

NOV_2025 = dt.date(2025, 11, 20)

CASES = [
    ("relative-clause-on-the-subject-keeps-its-year-sport",
     "Haaland, who joined from Borussia Dortmund for a reported £51 million in 2022, has now scored 97 goals "
     "in 105 appearances.", "97 goals", None),
    ("relative-clause-figure-keeps-its-own-year-sport",
     "Haaland, who joined from Borussia Dortmund for a reported £51 million in 2022, has now scored 97 goals "
     "in 105 appearances.", "£51 million", "2022"),
    ("when-clause-month-is-the-clauses-space",
     "But in May, when the space agency tapped three of those companies to send robotic landers next year, "
     "only two committed to that timeline.", "two", None),
    ("participle-on-a-name-keeps-its-year-sport",
     "Salah, signed from Roma for £36.9 million in 2017, has scored 186 goals for the club.", "186 goals", None),
    ("coordinated-clause-still-shares-the-time-energy",
     "Hanwha Q Cells had 3.7 GW of cell capacity in 2017 and LG Electronics had 3 GW of output.", "3 GW", "2017"),
    ("participle-after-a-change-still-shares-the-time-results",
     "Revenue grew 28% in Q1, reaching $37.6 billion.", "$37.6 billion", "2025-Q1"),
]


@pytest.mark.parametrize("text,surface,period", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_side_clause_time_is_not_the_figures(nlp, text, surface, period):
    assert_fields(nlp, text, NOV_2025, surface, dict(period=period))
