"""Time references → the contract's period forms."""

import datetime as dt

import pytest

from extract.periods import find_periods, find_time_refs, reference_year

MID_2026 = dt.date(2026, 6, 15)

CASES = [
    ("year", "spent over $200 billion in 2024", None, ["2024"]),
    ("quarter-year", "reached $25 billion in Q1 2026", None, ["2026-Q1"]),
    ("ordinal-quarter", "in the second quarter of 2025", None, ["2025-Q2"]),
    ("half-year", "In the first half of 2026, users grew", None, ["2026-H1"]),
    ("h1", "H2 2025 revenue", None, ["2025-H2"]),
    ("fiscal-year", "exceeded $47 billion in fiscal year 2024", None, ["FY2024"]),
    ("fy-short", "FY24 guidance", None, ["FY2024"]),
    ("fiscal-quarter", "in Q2 of fiscal 2026", None, ["FY2026-Q2"]),
    ("month", "starting in July 2026", None, ["2026-07"]),
    ("this-year-dated", "capital expenditure this year could reach", MID_2026, ["2026"]),
    ("this-year-undated", "capital expenditure this year could reach", None, []),
    ("last-quarter-dated", "revenue last quarter", MID_2026, ["2026-Q1"]),
    ("most-recent-quarter-dated", "surged 63% in the most recent quarter", MID_2026, ["2026-Q1"]),
    ("bare-q1-dated", "AWS revenue grew 28% in Q1, reaching", MID_2026, ["2026-Q1"]),
    ("bare-q1-undated", "AWS revenue grew 28% in Q1, reaching", None, []),
    ("not-money", "$2026 million", None, []),
    ("fiscal-quarter-of-fiscal-year", "in the third quarter of fiscal 2025", None, ["FY2025-Q3"]),
    ("decade-is-not-a-year", "during the late 1990s, telecom companies borrowed", None, []),
    ("model-number-is-not-a-year", "the GeForce RTX 2060 graphics card", None, []),
    ("bare-month-dated", "prices rose 3% starting in May", MID_2026, ["2026-05"]),
    ("bare-month-later-than-date-is-last-year", "prices rose in November", MID_2026, ["2025-11"]),
]


@pytest.mark.parametrize("text,published,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_periods(text, published, expected):
    assert [p[2] for p in find_periods(text, published)] == expected


def test_reference_year_ignores_forward_looking_years():
    text = "Capex is committed for 2026 and guided upward for 2027. In 2025 the group raised $108 billion."
    assert reference_year(text) == 2025
    assert reference_year("stories being written in 2026, versus 2025") == 2026
    assert reference_year("no years here") is None
    assert reference_year("they spent $300 billion in 2024, inflating earnings between 2026 and 2028") == 2024


@pytest.mark.parametrize("text,year", [
    ("The deal closed in June 2018. Fortress will give up the management contract at the end of 2021.", 2018),
    ("Sales fell in 2019. The company expects the new plant to open in the spring of 2022.", 2019),
    ("Sales fell in 2019. The plant is scheduled to open in 2022.", 2019),
    ("The plant opened in 2021. Sales fell in 2019.", 2021),
    ("Capex will reach $350 billion this year, up from about $230 billion in 2024.", 2025),
    ("Sales rose 8% compared with 2023.", 2024),
    ("Debt may more than double to about $290 billion by fiscal 2028. It peaked in 2009.", 2009),
], ids=["will-far-before", "expects-far-before", "scheduled", "past-tense-latest", "up-from-a-year", "compared-with",
        "more-than-is-no-comparison"])
def test_reference_year_ignores_years_in_a_future_clause(text, year):
    assert reference_year(text) == year


@pytest.mark.parametrize("text,published,year,period", [
    ("revenue for the third quarter", None, 2025, "2025-Q3"),
    ("third-quarter revenue above estimates", None, 2025, "2025-Q3"),
    ("results for the fourth quarter", dt.date(2026, 2, 10), None, "2025-Q4"),
    ("guidance for the fourth quarter", dt.date(2025, 8, 27), None, "2025-Q4"),
    ("in the first quarter", dt.date(2026, 5, 1), None, "2026-Q1"),
    ("in the fourth quarter of 2024", None, 2026, "2024-Q4"),
], ids=["ordinal-undated", "hyphenated", "last-years-fourth", "next-quarter-guidance", "this-years-first",
        "dated-ordinal-keeps-its-year"])
def test_ordinal_quarter_without_a_year(text, published, year, period):
    assert [p[2] for p in find_periods(text, published, year=year)] == [period]


def test_undated_this_year_resolves_with_reference_year():
    assert [p[2] for p in find_periods("spend this year", None, year=2026)] == ["2026"]
    # quarter-relative references need a real date
    assert find_periods("the most recent quarter", None, year=2026) == []


ROLE_CASES = [
    ("baseline-than", "13 times higher than November 2025", [("2025-11", "baseline")]),
    ("baseline-compared", "up 40% compared with 2024", [("2024", "baseline")]),
    ("publication", "a study published in July 2025", [("2025-07", "publication")]),
    ("window", "$1.5 trillion over the next several years", [(None, "window")]),
    ("undated-quarter", "$62.3 billion in a single quarter", [(None, "unresolved")]),
    ("same-period", "costs for the same period", [(None, "same")]),
    ("most-recent-quarter-undated", "63% in the most recent quarter", [(None, "unresolved")]),
    ("period", "revenue of $25 billion in Q1 2026", [("2026-Q1", "period")]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in ROLE_CASES], ids=[c[0] for c in ROLE_CASES])
def test_time_ref_roles(text, expected):
    assert [(r.period, r.role) for r in find_time_refs(text)] == expected


def test_same_period_names_its_unit():
    assert [r.unit for r in find_time_refs("over the same quarter")] == ["quarter"]


def test_undated_bare_quarter_and_month_use_the_reference_year():
    # An undated article's estimated year stands in for the publication year, for
    # quarters and months the writer left without a year.
    assert [p[2] for p in find_periods("AWS revenue grew 28% in Q1", None, year=2026)] == ["2026-Q1"]
    assert [p[2] for p in find_periods("raised it by 15% in January", None, year=2026)] == ["2026-01"]
