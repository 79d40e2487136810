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


# A year or month on a verb of reporting dates the report, not the figure it reports;
# a year the sentence opens with sets the time of all of it.
REPORT_CASES = [
    ("a-year-on-the-estimate-is-not-the-needs-education",
     "Education advocacy groups estimated this year that a 9% funding increase was needed to boost average "
     "teacher pay to the midpoint of neighboring states.", "9%", None),
    ("a-month-on-the-announcement-is-not-the-benchmarks-energy",
     "In September 2017, the Department of Energy announced the $0.06/kWh benchmark of that ambition had been "
     "achieved three years early.", "three years", None),
    ("a-year-the-sentence-opens-with-dates-the-reported-share-health",
     "In 2016, the South Dakota's Department of Social Services reported that the number of young people in the "
     "state who have reported using meth was 3.8 percent, compared to the national average of 3 percent.",
     "3.8 percent", "2016"),
    ("a-year-in-a-fronted-noun-phrase-is-no-date-of-the-report-capex",
     "Of this year's total, analysts at Bernstein estimate about $45 billion is AI capex for GPUs and servers.",
     "$45 billion", "2025"),
    ("a-year-inside-the-reported-clause-stays-results",
     "The company said revenue rose 5% in 2024.", "5%", "2024"),
]


@pytest.mark.parametrize("text,surface,period", [c[1:] for c in REPORT_CASES], ids=[c[0] for c in REPORT_CASES])
def test_a_time_on_the_verb_of_reporting_dates_the_report(nlp, text, surface, period):
    assert_fields(nlp, text, NOV_2025, surface, dict(period=period))


# A "since" window is where a change is counted from, not the figure's period (the news
# gold gives such figures no period); nor is an unstated "same period" the writing year.
WINDOW_CASES = [
    ("since-a-year-is-no-period-sport", "The club has won 14 trophies since 2012.", "14 trophies", None),
    ("since-a-year-is-no-period-prices", "Prices have risen 40% since 2019, the agency said.", "40%", None),
    ("since-a-year-fronted-is-no-period-sport", "Since 2008, the team has scored 700 goals.", "700 goals", None),
    ("same-period-with-none-named-is-not-the-writing-year-entertainment",
     "The first season had 64.4 million views over the same period.", "64.4 million views", None),
]


@pytest.mark.parametrize("text,surface,period", [c[1:] for c in WINDOW_CASES], ids=[c[0] for c in WINDOW_CASES])
def test_a_window_since_a_year_is_not_the_figures_period(nlp, text, surface, period):
    assert_fields(nlp, text, NOV_2025, surface, dict(period=period))
