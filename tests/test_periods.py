"""Time references → the contract's period forms."""

import datetime as dt

import pytest

from extract.fiscal_calendar import fiscal_year_end_named, names_fiscal_years_by_start
from extract.periods import find_periods, find_time_refs
from extract.writing_year import reference_year

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
    # a coming month in a sentence that looks ahead is this year's (a central bank's rate
    # decision in a macro story, a company's hiring plan); a month long ahead, or a sentence
    # about data already out, stays last year's (a January retail-sales release)
    ("coming-month-rate-cut-macro", "Markets now see only a 15% chance of a rate cut in July, down from 50%.",
     MID_2026, ["2026-07"]),
    ("coming-month-hiring-plan-company", "The company expects to hire 500 workers in September.", MID_2026,
     ["2026-09"]),
    ("month-far-ahead-is-last-year", "Retail sales rose 0.5% in December, more than economists had expected.",
     dt.date(2026, 2, 12), ["2025-12"]),
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
    # "than in 2019": the year compared with (an election's vote share, a company's margin)
    ("baseline-than-in-election", "Labour's share of the vote was 33.7%, only slightly higher than in 2019",
     [("2019", "baseline")]),
    ("baseline-than-during-results", "Margins were wider than during 2022", [("2022", "baseline")]),
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


SPAN_CASES = [
    ("quarter-ended-month-day", "revenue in the quarter ended Sept. 30", dt.date(2025, 11, 1), None, "2025-Q3"),
    ("quarter-ended-with-year", "the quarter ended June 30, 2024", None, None, "2024-Q2"),
    ("quarter-ended-early-next-month", "the quarter ended Oct. 1", dt.date(2025, 11, 1), None, "2025-Q3"),
    ("three-months-to", "in the three months to June", None, 2025, "2025-Q2"),
    ("six-months-ended", "in the six months ended June 30, 2025", None, None, "2025-H1"),
    ("months-named-quarter", "in the April-June quarter", dt.date(2025, 9, 1), None, "2025-Q2"),
    ("months-named-quarter-with-year", "the July-September quarter of 2024", None, None, "2024-Q3"),
    ("year-to-date", "shares are up 39% year-to-date", dt.date(2025, 11, 1), None, "2025"),
    ("fiscal-fourth-quarter-ended", "the fiscal fourth quarter ended Sept. 27", dt.date(2025, 10, 30), None,
     "FY2025-Q4"),
    ("fourth-quarter-ended-january-is-fiscal", "the fourth quarter ended Jan. 26, 2025", None, None, "FY2025-Q4"),
    ("third-quarter-ended-september-is-calendar", "the third quarter ended Sept. 29", dt.date(2019, 11, 19), None,
     "2019-Q3"),
    ("fiscal-year-ended-month-day", "in the fiscal year ended Sept. 27", dt.date(2025, 10, 30), None, "FY2025"),
    ("bare-first-half", "spent $2.5 billion in the first half", dt.date(2025, 10, 1), None, "2025-H1"),
    ("bare-first-half-of-the-year", "in the first half of the year", None, 2025, "2025-H1"),
    ("bare-second-half-early-next-year", "second-half sales", dt.date(2026, 2, 1), None, "2025-H2"),
    ("month-named-quarter-guidance", "revenue for the December quarter", dt.date(2025, 10, 30), None, "2025-Q4"),
    ("month-named-quarter-last-year", "sales in the December quarter", dt.date(2026, 2, 1), None, "2025-Q4"),
    ("month-named-quarter-with-year", "the March quarter of 2026", None, None, "2026-Q1"),
    ("months-named-quarter-ahead", "in the October-December quarter", dt.date(2025, 10, 30), None, "2025-Q4"),
    ("so-far-this-year", "up 13% so far this year", None, 2025, "2025"),
    ("end-the-year", "to end the year at 4.5%", dt.date(2025, 11, 1), None, "2025"),
    ("by-year-end", "by year-end", dt.date(2025, 11, 1), None, "2025"),
]


@pytest.mark.parametrize("text,published,year,period", [c[1:] for c in SPAN_CASES], ids=[c[0] for c in SPAN_CASES])
def test_quarters_by_their_months_and_the_year_so_far(text, published, year, period):
    assert [p[2] for p in find_periods(text, published, year=year)] == [period]


MORE_ROLE_CASES = [
    ("a-year-earlier", "up 66% from a year earlier", [(None, "yearago")]),
    ("a-year-ago", "$38,373 a year ago", [(None, "yearago")]),
    ("year-ago-quarter", "compared with the year-ago quarter", [(None, "yearago")]),
    ("same-quarter-last-year", "from the same quarter last year", [(None, "yearago")]),
    ("year-to-date-period-last-year", "down 5 percent from the year-to-date period last year", [(None, "yearago")]),
    ("since-a-month", "grounded since March 2019", [("2019-03", "baseline")]),
    ("since-a-year", "has doubled since 2019", [("2019", "baseline")]),
    ("by-a-year", "to reach $300 billion by 2027", [("2027", "horizon")]),
    ("by-the-end-of-a-year", "by the end of 2025", [("2025", "horizon")]),
    ("recent-trading", "down 5% in recent trading", [(None, "unresolved")]),
    ("on-the-day", "down 2.74% on the day", [(None, "unresolved")]),
    ("fiscal-quarter-without-year", "in the fiscal first quarter", [(None, "unresolved")]),
    ("fiscal-quarter-ended-other-month", "the quarter ended Oct. 26", [(None, "unresolved")]),
    # a first quarter that ended in October: the fiscal year ends nine months later, in July 2026
    ("fiscal-first-quarter-ended-other-month", "the first quarter ended Oct. 26", [("FY2026-Q1", "period")]),
    ("first-half-of-the-decade-is-no-period", "in the first half of the decade", []),
    ("calendar-quarter-named-by-its-fiscal-name", "in the September quarter, the first quarter of its fiscal 2026",
     [("FY2026-Q1", "period")]),
    ("fiscal-first-half-without-year", "in the fiscal first half", [(None, "unresolved")]),
    ("span-of-years", "$2.9 trillion between 2025 and 2028", [(None, "window")]),
    ("mid-year", "by mid-2027", [("2027", "horizon")]),
    ("end-of-a-month", "balances at the end of June", [("2025-06", "period")]),
    ("previous-month", "they rose 0.3% in the previous month", [(None, "previous")]),
    ("this-fiscal-year-unnamed", "to grow 77% this fiscal year", [(None, "unresolved")]),
    ("full-year-calendar", "raised its full-year outlook", [("2025", "period")]),
    ("this-fiscal-year-named-before", "Revenue rose in fiscal 2025. It expects growth this fiscal year",
     [("FY2025", "period"), ("FY2025", "period")]),
    ("next-fiscal-year-named-before", "Revenue rose in fiscal 2025. It expects growth next fiscal year",
     [("FY2025", "period"), ("FY2026", "period")]),
    ("full-year-fiscal-named-before", "third-quarter results for fiscal 2026. It sees full-year revenue of",
     [("FY2026-Q3", "period"), ("FY2026", "period")]),
    ("ordinal-quarter-and-fiscal-year-apart", "in the fourth quarter and for fiscal 2026",
     [("2025-Q4", "period"), ("FY2026", "period")]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in MORE_ROLE_CASES], ids=[c[0] for c in MORE_ROLE_CASES])
def test_time_ref_roles_of_comparisons_targets_and_moments(text, expected):
    assert [(r.period, r.role) for r in find_time_refs(text, year=2025)] == expected


@pytest.mark.parametrize("text,year", [
    ("Shares have gained about 39% so far this year, after nearly tripling in 2024.", 2025),
    ("Policymakers projected the economy would grow 1.6% in 2025 and 1.8% in 2026. Sales fell in 2024.", 2024),
    ("The rate rose to 4.3%, the highest level since October 2021.", 2022),
    ("Prices rose 5% to $39,014, up from $38,373 a year ago and from $34,410 in October 2015.", 2016),
    ("Microsoft could generate $50 billion of AI revenue in fiscal 2027. It spent $88 billion in 2025.", 2025),
], ids=["this-year-beside-a-named-year", "would-after-a-decimal", "since-a-year", "from-a-year", "could"])
def test_reference_year_reads_comparisons_and_modals(text, year):
    assert reference_year(text) == year


@pytest.mark.parametrize("text,period", [
    ("revenue of $5 billion in 3Q25", "2025-Q3"),
    ("a margin of 40% in Q4'25", "2025-Q4"),
    ("1H26 sales", "2026-H1"),
    ("profit in Q3 FY25", "FY2025-Q3"),
    ("FY25 Q3 profit", "FY2025-Q3"),
    ("in fiscal year 2026's first quarter", "FY2026-Q1"),
    ("FY2025/26 revenue", "FY2026"),
    ("the 2025-26 fiscal year", "FY2026"),
    ("the fiscal year ended March 31, 2025", "FY2025"),
    ("the year ended Dec. 31, 2024", "2024"),
], ids=["3q25", "q4-apostrophe-25", "1h26", "q3-fy25", "fy25-q3", "fiscal-year-possessive-quarter",
        "fy-slash-span", "span-fiscal-year", "fiscal-year-ended-march", "year-ended-december"])
def test_fiscal_and_two_digit_year_forms(text, period):
    assert [p[2] for p in find_periods(text)] == [period]


# A company whose fiscal year does not end in December (data/fiscal_calendars.toml), named at
# the opening of the headline or lede: its undated quarters and halves are fiscal ones, the
# latest that starts at most three months after the article was written.
FISCAL_CALENDAR_CASES = [
    ("chipmaker-reported-quarter", "Nov 19 (Reuters) - Nvidia's third-quarter revenue rose 62% to $57 billion",
     "Nvidia's third-quarter revenue rose 62% to $57 billion", dt.date(2025, 11, 19), "FY2026-Q3"),
    ("chipmaker-guided-quarter", "Nvidia Sales Forecast Fails to Ease Worries About AI Spending Peak",
     "Nvidia expects revenue of about $54 billion in the fiscal third quarter.", dt.date(2025, 8, 27), "FY2026-Q3"),
    ("software-fiscal-first-quarter", "Microsoft beats on revenue as Azure growth holds up",
     "Microsoft reported fiscal first-quarter revenue of $77.67 billion", dt.date(2025, 10, 29), "FY2026-Q1"),
    ("retailer-named-by-start-year", "Home Depot Inc on Tuesday reported quarterly sales that missed estimates",
     "Comparable sales rose 3.6% in the third quarter.", dt.date(2019, 11, 19), "FY2019-Q3"),
    ("consumer-goods-first-half", "Procter & Gamble raises outlook as prices climb",
     "Organic sales rose 7% in the first half.", dt.date(2022, 1, 19), "FY2022-H1"),
]


@pytest.mark.parametrize("head,sentence,published,period", [c[1:] for c in FISCAL_CALENDAR_CASES],
                         ids=[c[0] for c in FISCAL_CALENDAR_CASES])
def test_undated_quarter_of_a_company_with_a_fiscal_calendar(head, sentence, published, period):
    refs = find_time_refs(sentence, published, fiscal_ends=fiscal_year_end_named(head),
                          by_start=names_fiscal_years_by_start(head))
    assert [r.period for r in refs] == [period]


@pytest.mark.parametrize("head", [
    # the company the story is about is not a listed one; a listed one is named later
    "Nov 11 (Reuters) - Nebius raised its 2025 capital expenditure forecast on Tuesday, as it adds capacity "
    "for customers such as Microsoft and Meta.",
    "The Federal Reserve said on Wednesday that growth slowed, citing Walmart and Target among retailers.",
], ids=["cloud-customer-named-later", "retailers-cited-by-a-central-bank"])
def test_a_company_named_later_in_the_lede_lends_no_fiscal_calendar(head):
    assert fiscal_year_end_named(head) is None


def test_a_game_half_stays_a_part_of_the_game_in_a_company_story():
    assert find_time_refs("He scored 20 points in the first half.", dt.date(2025, 5, 2), fiscal_ends=9) == []


@pytest.mark.parametrize("text,published,periods", [
    ("The department revised the May figure down to 140,000 jobs.", dt.date(2026, 7, 3), ["2026-05"]),
    ("The September jobs report showed the unemployment rate at 4.1%.", dt.date(2025, 10, 3), ["2025-09"]),
    ("Economists had expected the October reading to show prices rising 0.3%.", dt.date(2025, 11, 13), ["2025-10"]),
    ("It may rise 5% next year, the May Department Stores unit said.", None, []),
], ids=["jobs-revision", "jobs-report", "prices-reading", "modal-and-name-are-no-month"])
def test_a_month_that_names_a_release(text, published, periods):
    assert [r.period for r in find_time_refs(text, published) if r.period] == periods


@pytest.mark.parametrize("text,published,periods", [
    ("As of October, Emirates had a fleet of 270 aircraft, including 12 freighters.", dt.date(2019, 11, 18),
     ["2019-10"]),
    ("The company had 12,500 employees as of June 30, a filing showed.", dt.date(2019, 11, 18), ["2019-06"]),
    ("Reservoir storage stood at 61% of capacity as of Aug. 1, the water board said.", dt.date(2022, 8, 4),
     ["2022-08"]),
], ids=["airline-fleet", "company-headcount", "reservoir-level"])
def test_a_stock_as_of_a_month(text, published, periods):
    assert [r.period for r in find_time_refs(text, published) if r.period] == periods
