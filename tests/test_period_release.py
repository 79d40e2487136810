"""Periods of macro releases and results told after the fact (extract/periods.py,
extract/data/periods.toml `forward`, the "between January and March" pattern, and
reporting.toml's national-accounts words).

A quarter with no year that ends after the month of writing has no results yet: told
in a sentence that looks ahead to nothing it is last year's. A release names its
quarter by its months ("between January and March"), and "in the quarter" later in the
story is that quarter. Sentences from BBC, Reuters and AP economy and company copy.
"""

import datetime as dt

import pytest

from extract.periods import find_time_refs
from tests.test_frame import assert_fields

MAY_2024 = dt.date(2024, 5, 10)

REF_CASES = [
    ("past-tense-quarter-not-over-is-last-years-bbc", "The economy shrank by 0.1% in the third quarter.",
     MAY_2024, ["2023-Q3"]),
    ("past-tense-quarter-not-over-retail-reuters", "Sales fell 2.3% in the second quarter, the company said.",
     MAY_2024, ["2023-Q2"]),
    ("forecast-of-a-quarter-ahead-stays-this-years", "The company expects revenue to rise in the third quarter.",
     MAY_2024, ["2024-Q3"]),
    ("guidance-for-the-next-quarter-wire", "It forecast second-quarter sales of $25 billion.", MAY_2024, ["2024-Q2"]),
    ("ended-quarter-this-years", "GDP grew 0.6% in the first quarter.", MAY_2024, ["2024-Q1"]),
    ("between-months-is-a-quarter-bbc", "The UK economy grew by 0.6% between January and March.", MAY_2024,
     ["2024-Q1"]),
    ("from-months-to-is-a-quarter-reuters", "Output rose 0.2% from April to June, 2023, official data showed.",
     MAY_2024, ["2023-Q2"]),
    ("between-months-not-a-quarter", "Prices rose between January and June.", MAY_2024, []),
]

BASELINE_CASES = [
    ("from-the-same-weekend-last-year-box-office",
     "Ticket sales were up 20% from the same weekend last year, Comscore said.", "2023"),
    ("from-the-same-period-of-a-year-retail", "Sales rose 4% from the same period of 2023.", "2023"),
    ("behind-a-year-box-office", "Receipts total $3.5 billion, about 20% behind 2023.", "2023"),
    ("ahead-of-a-year-travel", "Passenger numbers are 5% ahead of 2019, the airport said.", "2019"),
]


@pytest.mark.parametrize("text,period", [c[1:] for c in BASELINE_CASES], ids=[c[0] for c in BASELINE_CASES])
def test_compared_periods_are_baselines(text, period):
    refs = [r for r in find_time_refs(text, dt.date(2024, 6, 23)) if r.period == period]
    assert refs and all(r.role == "baseline" for r in refs), refs


@pytest.mark.parametrize("text,published,periods", [c[1:] for c in REF_CASES], ids=[c[0] for c in REF_CASES])
def test_release_periods(text, published, periods):
    assert [r.period for r in find_time_refs(text, published) if r.period] == periods


STORY_CASES = [
    ("gdp-story-in-the-quarter-bbc",
     "The UK economy grew by 0.6% between January and March, the Office for National Statistics said.\n\n"
     "The economy shrank by 0.1% in the third quarter of last year.\n\nGDP per head rose 0.4% in the quarter.",
     MAY_2024, "0.4%", {"period": "2024-Q1"}),
    ("gdp-story-in-the-quarter-us",
     "The U.S. economy grew at a 1.6% annualized rate in the first quarter, the Commerce Department said on "
     "Thursday.\n\nConsumer spending rose 2.5% in the quarter.",
     dt.date(2024, 4, 25), "2.5%", {"period": "2024-Q1"}),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in STORY_CASES],
                         ids=[c[0] for c in STORY_CASES])
def test_release_story_periods(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)


FISCAL_CASES = [
    # id, text, published, fiscal year-end month, named by start, periods
    ("quarter-ended-early-may-is-fiscal-q1-retail", "Comparable sales fell 3.7% in the quarter ended May 4.",
     dt.date(2024, 5, 22), 1, True, ["FY2024-Q1"]),
    ("quarter-ended-oct-31-is-fiscal-q3-walmart-style", "Revenue rose 5% in the quarter ended Oct. 31.",
     dt.date(2024, 11, 19), 1, False, ["FY2025-Q3"]),
    ("calendar-quarter-ended-stays-calendar", "Revenue rose 5% in the quarter ended Sept. 30.",
     dt.date(2024, 11, 19), 1, False, ["2024-Q3"]),
    ("full-year-forecast-is-the-fiscal-year-in-progress-by-start", "It kept its full-year forecast.",
     dt.date(2024, 5, 22), 1, True, ["FY2024"]),
    ("full-year-forecast-is-the-fiscal-year-in-progress-by-end", "It raised its full-year sales forecast.",
     dt.date(2024, 11, 19), 1, False, ["FY2025"]),
]


@pytest.mark.parametrize("text,published,ends,by_start,periods", [c[1:] for c in FISCAL_CASES],
                         ids=[c[0] for c in FISCAL_CASES])
def test_fiscal_calendar_periods(text, published, ends, by_start, periods):
    refs = find_time_refs(text, published, fiscal_ends=ends, by_start=by_start)
    assert [r.period for r in refs if r.period] == periods


RESULTS_STORY_CASES = [
    ("quarter-named-in-second-paragraph-sportswear",
     "Nike Inc on Thursday reported quarterly revenue and profit that beat Wall Street estimates, sending its "
     "shares up 6% in extended trading.\n\n"
     "Revenue rose 17% to $13.3 billion in the second quarter ended Nov. 30.\n\n"
     "Net income fell 12% to $1.33 billion, or 85 cents per share.",
     dt.date(2023, 12, 21), "$1.33 billion", {"period": "FY2024-Q2"}),
    ("quarter-named-in-second-paragraph-bank",
     "A large U.S. lender reported quarterly profit that topped analysts' expectations on Friday, helped by "
     "higher fees from its investment banking arm.\n\n"
     "Revenue rose 8% to $40.1 billion in the third quarter.\n\n"
     "Net income was $13.2 billion, or $4.33 per share.",
     dt.date(2024, 10, 11), "$13.2 billion", {"period": "2024-Q3"}),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in RESULTS_STORY_CASES],
                         ids=[c[0] for c in RESULTS_STORY_CASES])
def test_results_story_periods(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)


# A results story whose opening names no quarter reports the latest quarter that ended
# before it was written: the company's fiscal quarter where its calendar is known
# (extract/periods_reported.py, periods.toml [reported]).
UNNAMED_QUARTER_CASES = [
    ("media-company-fiscal-calendar-wire",
     "Walt Disney Co reported quarterly results on Thursday that beat Wall Street estimates as its streaming "
     "business turned a profit.\n\nNet income fell 12% to $1.33 billion, or 85 cents per share.",
     dt.date(2024, 11, 14), "$1.33 billion", {"period": "FY2024-Q4"}),
    ("automaker-calendar-quarter-paper",
     "Ford Motor Co posted quarterly earnings on Wednesday that fell short of analysts' forecasts, hurt by "
     "warranty costs at its gasoline and hybrid vehicle unit.\n\nNet income fell 12% to $1.8 billion, or 45 "
     "cents a share.", dt.date(2025, 2, 5), "$1.8 billion", {"period": "2024-Q4"}),
    ("bank-in-the-quarter-follows-the-story",
     "A large U.S. lender reported a rise in quarterly profit on Friday as its investment bankers earned more "
     "fees from a pickup in deals.\n\nTrading revenue rose 7% in the quarter.",
     dt.date(2024, 7, 12), "7%", {"period": "2024-Q2"}),
    ("annual-results-name-no-quarter",
     "The drinks maker reported annual results on Tuesday that showed sales held up better than feared in "
     "its biggest markets.\n\nNet income fell 12% to $1.8 billion.",
     dt.date(2024, 7, 30), "$1.8 billion", {"period": None}),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in UNNAMED_QUARTER_CASES],
                         ids=[c[0] for c in UNNAMED_QUARTER_CASES])
def test_results_story_with_no_quarter_named(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)


# "rose to A from B in MONTH": the time right after the level a change started from dates
# the change, so the level it reached (periods.toml [framing] reached_before ...).
CHANGE_CASES = [
    ("jobless-rate-rose-to-from-in-month-wire",
     "The unemployment rate rose to 4.2% from 4.1% in February, the Labor Department said on Friday.",
     dt.date(2025, 3, 7), "4.2%", {"period": "2025-02"}),
    ("start-level-is-not-the-month-wire",
     "The unemployment rate rose to 4.2% from 4.1% in February, the Labor Department said on Friday.",
     dt.date(2025, 3, 7), "4.1%", {"period": None}),
    ("exports-fell-to-from-in-month-trade-release",
     "Exports fell to $9.1 billion from $10.3 billion in March, the statistics office said.",
     MAY_2024, "$9.1 billion", {"period": "2024-03"}),
    ("each-level-its-own-month-stays-bbc",
     "Annual inflation eased to 2.3% in April from 3.2% in March, the Office for National Statistics said.",
     MAY_2024, "3.2%", {"period": "2024-03"}),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in CHANGE_CASES],
                         ids=[c[0] for c in CHANGE_CASES])
def test_a_time_after_a_change_dates_the_level_reached(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)
