"""Period and kind on press English, rule by rule (tests/test_frame.py style): earnings
and macro stories with year-ago comparisons, quarters named by their months or the day
they end, targets "by 2030", analysts' consensus against results."""

import datetime as dt

import pytest

from tests.test_frame import assert_fields

NOV_2025 = dt.date(2025, 11, 20)

# id, passage, publication date (None: undated), surface, expected fields
CASES = [
    # --- a year-ago comparison ---------------------------------------------------------
    ("period-year-earlier-baseline-is-the-year-before",
     "Revenue rose 18% to $77.7 billion in the third quarter. Net income rose 12% to $27.7 billion from "
     "$24.7 billion a year earlier.", NOV_2025, "$24.7 billion", dict(period="2024-Q3", kind="fact")),
    ("period-year-earlier-current-keeps-the-quarter",
     "Revenue rose 18% to $77.7 billion in the third quarter. Net income rose 12% to $27.7 billion from "
     "$24.7 billion a year earlier.", NOV_2025, "$27.7 billion", dict(period="2025-Q3")),
    ("period-year-earlier-per-share-baseline",
     "Revenue for the third quarter rose 62%.\n\nNet income was $31.9 billion, or $1.30 per share, compared with "
     "$19.3 billion, or 78 cents per share, a year earlier.", NOV_2025, "78 cents", dict(period="2024-Q3")),
    ("period-year-earlier-takes-the-quarter-under-discussion",
     "Revenue for the third quarter rose 62% to $57 billion.\n\nData center revenue jumped 66% to $51.2 billion "
     "from a year earlier.", NOV_2025, "66%", dict(period="2025-Q3")),
    ("period-same-period-last-year-is-no-period-of-the-change",
     "Consumers have purchased 208,560 new vehicles this year, down 5 percent from the year-to-date period "
     "last year.", NOV_2025, "5 percent", dict(period="2025")),
    ("period-same-quarter-a-year-ago-dates-the-baseline",
     "Sales were $4.1 billion in the second quarter of 2025, compared with $3.8 billion in the same quarter a "
     "year ago.", None, "$3.8 billion", dict(period="2024-Q2")),
    # --- quarters named by months or by their end ---------------------------------------
    ("period-quarter-ended-month-day", "Revenue rose 18% to $77.7 billion in the quarter ended Sept. 30.",
     NOV_2025, "$77.7 billion", dict(period="2025-Q3")),
    ("period-quarter-ended-undated-takes-the-reference-year",
     "The company spent $60 billion in 2024. Revenue rose 18% to $77.7 billion in the quarter ended Sept. 30, "
     "2025.", None, "$77.7 billion", dict(period="2025-Q3")),
    ("period-months-named-quarter", "Consumer spending grew at a 2.5% rate in the April-June quarter.", NOV_2025,
     "2.5%", dict(period="2025-Q2")),
    ("period-three-months-to-june", "In the three months to June, the company bought back $10.7 billion of shares.",
     NOV_2025, "$10.7 billion", dict(period="2025-Q2")),
    ("period-fiscal-quarter-without-a-year-is-not-calendar",
     "Capital expenditures reached $34.9 billion in the fiscal first quarter, up 74%.", NOV_2025,
     "$34.9 billion", dict(period=None)),
    # --- a quarter in an article that names its fiscal year -----------------------------
    ("period-quarter-of-the-fiscal-year-the-article-names-retail",
     "The retailer reported third-quarter earnings that topped estimates.\n\nIt earned $2.8 billion in the third "
     "quarter, or $2.53 a share.\n\nSome of the benefits anticipated for fiscal 2019 will take longer to "
     "realize.", None, "$2.8 billion", dict(period="FY2019-Q3")),
    ("period-quarter-of-the-fiscal-year-the-article-names-chips",
     "The chipmaker said revenue in the second quarter rose 3% to $3.11 billion.\n\nIt expects fiscal 2020 "
     "revenue to grow about 5%.", None, "$3.11 billion", dict(period="FY2020-Q2")),
    ("period-fourth-quarter-is-not-the-year-its-story-looks-forward-to",
     "The chipmaker said revenue in the fourth quarter rose 3% to $3.11 billion.\n\nIt expects fiscal 2021 "
     "revenue to grow about 5%.", None, "$3.11 billion", dict(period=None)),
    ("period-fiscal-year-named-only-as-ended-is-not-the-current-one",  # the quarter stays a calendar one
     "Revenue rose 56% to $46.7 billion in the second quarter.\n\nRevenue totaled $130.5 billion in fiscal "
     "2025.", None, "$46.7 billion", dict(period="2025-Q2")),
    ("period-q-of-the-fiscal-year-the-article-names",
     "Comparable sales rose 3.6% in Q3, missing the 4.8% gain analysts had expected.\n\nThe company now "
     "expects fiscal 2019 sales to rise 1.8%.", None, "3.6%", dict(period="FY2019-Q3")),
    ("period-fiscal-year-compared-with-is-not-the-reported-one",
     "Revenue in the second quarter rose 9% to $1.2 billion.\n\nFor fiscal 2021 the company expects sales "
     "of $5 billion, compared with fiscal 2020 sales of $4.6 billion.", None, "$1.2 billion",
     dict(period="FY2021-Q2")),
    # --- the period a results story's lede reports ---------------------------------------
    ("period-results-lede-quarter-dates-the-results-retail",
     "Dow component Home Depot reported third-quarter earnings that topped estimates as revenue fell short, "
     "sending shares lower ahead of the opening bell.\n\nThe home-improvement retailer earned $2.8 billion, "
     "as revenue rose 3.5 percent to $27.2 billion.", dt.date(2019, 11, 19), "$27.2 billion",
     dict(period="FY2019-Q3")),  # the retailer's fiscal third quarter (data/fiscal_calendars.toml)
    ("period-results-lede-half-dates-the-results-airline",
     "The Gulf carrier posted a first-half profit that beat forecasts despite higher fuel costs and a "
     "slowdown in cargo demand across the region.\n\nThe airline earned 862 million dirhams, and revenue "
     "rose 4 percent to 59.5 billion dirhams.", dt.date(2019, 11, 14), "4 percent", dict(period="2019-H1")),
    ("period-lede-without-results-words-dates-nothing",
     "Officials said the third quarter of the school year would begin late because of repairs to the "
     "district's buildings after the storm.\n\nThe district has 12,000 students.", dt.date(2019, 11, 14),
     "12,000 students", dict(period=None)),
    # --- a half or quarter of a game is no period of the calendar --------------------------
    ("period-game-half-basketball",
     "Dennis Schröder scored 20 of his season-high 31 points in a phenomenal first half for the Thunder.",
     dt.date(2019, 11, 20), "31 points", dict(period=None)),
    ("period-game-half-football",
     "Harry Kane scored twice in the second half as Tottenham beat Olympiacos 4-2 in front of 58,000 fans.",
     dt.date(2019, 11, 27), "58,000 fans", dict(period=None)),
    ("period-game-quarter-american-football",
     "Mahomes threw two touchdowns in the third quarter and finished with 283 yards.", dt.date(2019, 11, 18),
     "283 yards", dict(period=None)),
    ("period-business-quarter-with-percentage-points-stays",
     "Gross margin fell 3 percentage points to 68% in the third quarter.", dt.date(2019, 11, 18), "68%",
     dict(period="2019-Q3")),
    # --- a year that names a thing dates nothing -----------------------------------------
    ("period-model-year-names-a-car",
     "The 2021 RAV4 Prime will be able to go 39 miles on battery power alone.", dt.date(2019, 11, 20),
     "39 miles", dict(period=None)),
    ("period-model-year-names-a-truck",
     "A 2020 Ford F-150 with the towing package can pull 13,200 pounds, the company says.",
     dt.date(2019, 10, 2), "13,200 pounds", dict(period=None)),
    ("period-year-a-bond-falls-due-names-it",
     "WeWork's 2025 bond has weakened sharply in the past week, hitting 16.057% on Monday.",
     dt.date(2019, 11, 18), "16.057%", dict(period=None)),
    ("period-possessive-year-before-a-metric-dates-it",
     "Apple's 2019 revenue was $260 billion, down 2% from the year before.", dt.date(2020, 2, 1),
     "$260 billion", dict(period="2019")),
    # --- "at that point", "that year": the time last named --------------------------------
    ("period-at-that-point-is-the-time-last-named-energy",
     "The industry had an annual production capacity of around 8.69 GW at the end of 2017. Hanwha Q Cells had "
     "3.7 GW of cell capacity at that point.", dt.date(2019, 11, 20), "3.7 GW", dict(period="2017")),
    ("period-that-year-is-the-year-last-named-crime",
     "Homicides fell to 290 in 2014. That year, police made 10,200 drug arrests.", dt.date(2019, 11, 20),
     "10,200 drug arrests", dict(period="2014")),
    ("period-at-the-time-is-the-time-last-named-business",
     "Soon-Shiong bought the paper in June 2018. He paid $500 million at the time.", dt.date(2019, 11, 20),
     "$500 million", dict(period="2018-06")),
    # --- the window a study's data covers --------------------------------------------------
    ("period-study-window-dates-its-findings-advertising",
     "The data analytics team analyzed billions of native ad units served via its platform in the last 6 months "
     "of 2017.\n\nOn the supply side, in-feed units are 20% less profitable than recommendation widgets.",
     None, "20%", dict(period="2017-H2")),
    ("period-study-window-dates-its-findings-health",
     "Researchers surveyed 4,800 hospital nurses in the first six months of 2019 about their shifts and sleep."
     "\n\nAbout 38% said they had made an error at work because of fatigue.", None, "38%",
     dict(period="2019-H1")),
    ("period-months-of-a-year-name-its-quarter",
     "Sales fell 4% to $2.1 billion in the first three months of 2019.", None, "$2.1 billion",
     dict(period="2019-Q1")),
    # --- a fiscal quarter by the day it ended: the fiscal year ends 3-9 months later ----------
    ("period-fiscal-quarter-ended-chips",
     "Nvidia's revenue rose 56% to $46.7 billion in the fiscal second quarter, which ended July 27.",
     dt.date(2025, 8, 27), "$46.7 billion", dict(period="FY2026-Q2")),
    ("period-fiscal-quarter-ended-software",
     "Microsoft reported revenue of $77.7 billion for the fiscal first quarter ended Sept. 30.",
     dt.date(2025, 10, 29), "$77.7 billion", dict(period="FY2026-Q1")),
    ("period-fiscal-quarter-ended-retailer-names-its-year-by-its-start",
     "Home Depot reported earnings that topped estimates on Tuesday as shoppers spent more on repairs and "
     "garden supplies.\n\nThe retailer earned $2.8 billion in the third quarter ended Nov. 3.",
     dt.date(2019, 11, 19), "$2.8 billion", dict(period="FY2019-Q3")),
    # --- a time after a run of figures, a comma between ---------------------------------
    ("period-loss-on-revenue-share-the-quarter",
     "McClatchy reported a loss of $304.7 million on revenue of $167.4 million in the third quarter of 2019.",
     None, "$304.7 million", dict(period="2019-Q3")),
    ("period-change-before-level-shares-the-quarter", "Revenue rose 62% to $57.01 billion in the third quarter "
     "of 2025.", None, "62%", dict(period="2025-Q3")),
    ("period-comma-parts-a-time-from-the-figure-after",
     "Capital spending reached $34.9 billion in the third quarter of 2025, up 74% from a year earlier.", None,
     "$34.9 billion", dict(period="2025-Q3")),
    ("period-baseline-after-the-time-still-takes-none-of-it",
     "Hyperscalers are expected to spend $350 billion this year, up from about $230 billion in 2024.", NOV_2025,
     "$350 billion", dict(period="2025")),
    # --- the year so far, its end, a session --------------------------------------------
    ("period-year-to-date", "Gold prices are up 40% year to date.", NOV_2025, "40%", dict(period="2025")),
    ("period-end-the-year", "Fed officials expect unemployment to end the year at 4.5%.", NOV_2025, "4.5%",
     dict(period="2025", kind="forecast")),
    ("period-recent-trading-is-no-quarter",
     "Home Depot reported $2.53 in per-share earnings for the third quarter. The stock was down 5% in recent "
     "trading.", NOV_2025, "5%", dict(period=None)),
    ("period-since-a-month-is-no-period", "Its fleet of roughly 400 jets has been grounded since March.", NOV_2025,
     "400 jets", dict(period=None)),
    ("period-level-now-is-not-the-target-year",
     "The roadmap calls for cutting module costs from around $0.23/W today to $0.10 by 2030.", NOV_2025,
     "$0.23", dict(period=None, kind="fact")),
    ("period-subject-participle-dates-the-figure",
     "The average price of a new truck sold in October 2019 was $41,640.", None, "$41,640",
     dict(period="2019-10")),
    # --- a target year is no period of the paragraph ------------------------------------
    ("period-by-year-stays-with-its-figure",
     "Analysts expect data center revenue to reach $300 billion by 2027. Some analysts estimate that Nvidia "
     "controls about 90% of the market.", None, "90%", dict(period=None, kind="estimate")),
    # --- the period before the one under discussion ------------------------------------
    ("period-previous-month-is-before-the-month-discussed",
     "Core retail sales increased 0.5% last month. They rose 0.3% in the previous month.", dt.date(2025, 10, 16),
     "0.3%", dict(period="2025-08")),
    ("period-previous-year-is-before-the-year-discussed",
     "U.S. agricultural exports to China dropped to $9.1 billion in 2018, down from $19.5 billion the previous "
     "year.", None, "$19.5 billion", dict(period="2017")),
    ("period-from-the-previous-year-is-a-baseline",
     "Dealers sold 303,417 new vehicles in 2018, up 4 percent from the previous year.", None, "4 percent",
     dict(period="2018")),
    ("period-this-fiscal-year-is-the-fiscal-year-discussed",
     "Oracle's bookings jumped 359% in the first quarter of fiscal 2026. The company expects cloud revenue to grow "
     "77% to $18 billion this fiscal year.", None, "$18 billion", dict(period="FY2026", kind="forecast")),
    ("period-full-year-without-a-fiscal-year-is-the-calendar-year",
     "CoreWeave's revenue tripled in the second quarter. The company raised its full-year revenue outlook to "
     "between $5.15 billion and $5.35 billion.", dt.date(2025, 8, 13), "$5.15 billion and $5.35 billion",
     dict(period="2025", kind="forecast")),
    ("period-span-of-years-is-no-period",
     "Morgan Stanley estimates data center spending will total $2.9 trillion between 2025 and 2028.", None,
     "$2.9 trillion", dict(period=None)),
    ("period-mid-year", "By mid-2027, it aims to have $5 billion of annual revenue.", None, "$5 billion",
     dict(period="2027", kind="forecast")),
    ("period-at-the-end-of-a-month", "Credit card balances were $1.21 trillion at the end of June, up 5.9% from a "
     "year earlier.", dt.date(2025, 8, 5), "$1.21 trillion", dict(period="2025-06")),
    ("period-from-level-takes-no-time-of-the-figure-before",
     "Anthropic's run-rate revenue grew to about $5 billion in August 2025 from roughly $1 billion at the start of "
     "the year.", None, "$1 billion", dict(period=None)),
    ("period-from-level-before-a-run-takes-no-later-time",
     "Tariffs on Chinese goods were increased from 10% to 25% in May 2019.", None, "10%", dict(period=None)),
    ("period-a-pointing-back-conditional-goes-on-with-the-target",
     "The Congressional Budget Office projects that tariffs will reduce GDP by 0.3 percent by 2020. If that holds "
     "up, that would work out to a $75.3 billion hit on economic growth.", dt.date(2019, 11, 18),
     "$75.3 billion", dict(period="2020")),
    ("period-a-new-statement-does-not-go-on-with-the-target",
     "The company plans to reach 10 gigawatts by 2030. Those who bought the $129 Founder's Edition will receive "
     "a controller.", dt.date(2019, 11, 18), "$129", dict(period=None)),
    ("period-today-opener-is-no-past-paragraph-year",
     "In 2000, telecom carriers spent roughly $120 billion on fiber. Today, GPU rental prices have dropped from $8 "
     "an hour to about $2 an hour.", None, "$2", dict(period=None)),
    ("period-ordinal-quarter-for-fiscal-year", "Salesforce reported third-quarter revenue for fiscal 2026 of "
     "$10.26 billion.", None, "$10.26 billion", dict(period="FY2026-Q3")),
    ("period-year-ago-quarter-of-a-fiscal-quarter",
     "Salesforce reported third-quarter results for fiscal 2026 on Wednesday.\n\nRevenue grew 9% from $9.44 "
     "billion in the year-ago quarter.", None, "$9.44 billion", dict(period="FY2025-Q3")),
    ("period-full-year-after-a-named-fiscal-year",
     "Salesforce reported third-quarter results for fiscal 2026 on Wednesday.\n\nThe company now sees full-year "
     "revenue of $41.45 billion to $41.55 billion.", None, "$41.45 billion to $41.55 billion",
     dict(period="FY2026", kind="forecast")),
    ("period-year-ago-with-a-time-of-its-own-takes-no-earlier-period",
     "Apple forecast revenue growth of 10% to 12% for the December quarter.\n\nFor the fiscal fourth quarter ended "
     "Sept. 27, Apple reported revenue of $102.5 billion, up 8% from a year earlier.", dt.date(2025, 10, 30),
     "8%", dict(period="FY2025-Q4")),
    ("period-month-named-quarter-guidance", "Apple forecast revenue growth of 10% to 12% for the December quarter.",
     dt.date(2025, 10, 30), "10% to 12%", dict(period="2025-Q4", kind="forecast")),
    # --- kind -------------------------------------------------------------------------
    ("kind-expected-after-vs-is-the-estimate", "Earnings per share: $3.25 adjusted vs. $2.86 expected", None,
     "$2.86", dict(kind="estimate")),
    ("kind-result-before-vs-is-the-fact", "Earnings per share: $3.25 adjusted vs. $2.86 expected", None,
     "$3.25", dict(kind="fact")),
    ("kind-analysts-had-been-looking-for", "Analysts had been looking for $3.05 per share and $11.18 billion in "
     "revenue.", None, "$11.18 billion", dict(kind="estimate")),
    ("kind-sum-worked-from-an-if-figure-is-illustrative",
     "If each of the 550,000 GPUs costs $30,000, the hardware alone would come to $16.5 billion.", None,
     "$16.5 billion", dict(kind="illustrative")),
    ("kind-sum-worked-from-an-at-figure-is-illustrative",
     "At an electricity price of 8 cents per kilowatt-hour, running the chips would cost roughly $400 million a "
     "year.", None, "$400 million", dict(kind="illustrative")),
    ("kind-if-without-a-figure-is-a-forecast",
     "If tariffs remain at current levels, inflation would climb to 3.5% by the end of 2026.", NOV_2025, "3.5%",
     dict(kind="forecast")),
    ("kind-committed-to-invest-is-a-plan",
     "Alibaba has committed to invest 380 billion yuan in AI infrastructure over three years.", NOV_2025,
     "380 billion yuan", dict(kind="forecast")),
    ("period-from-all-of-a-year-is-a-baseline",
     "OpenAI's revenue for the first half of 2025 was $4.3 billion, up 16% from all of 2024.", None, "16%",
     dict(period="2025-H1")),
    ("kind-researchers-looked-at-is-no-expectation",
     "To uncover the effects, researchers looked at surveys completed by 505,796 people between 2008 and 2016.",
     None, "505,796 people", dict(kind="fact", period=None)),
    ("kind-believed-to-have-spent-is-an-estimate",
     "The company is believed to have spent about $2.5 billion on compute in the first half.", NOV_2025,
     "$2.5 billion", dict(kind="estimate", period="2025-H1")),
    ("kind-level-at-the-end-of-a-year-ahead-is-a-forecast",
     "Economists surveyed by Bloomberg see the unemployment rate at 4.4% at the end of 2026.", NOV_2025, "4.4%",
     dict(kind="forecast", period="2026")),
    ("kind-type-case-subject-with-a-participle",
     "A startup paying $2 an hour for 1,000 GPUs spends about $17.5 million a year.", None, "$17.5 million",
     dict(kind="illustrative")),
    ("kind-a-described-thing-is-no-type-case",
     "An augmented reality 15.6-inch touch screen that appears to float in the air has all entertainment controls.",
     None, "15.6-inch", dict(kind="fact")),
    ("kind-a-figure-subject-is-no-type-case",
     "A $4 billion lead, supporting an answer that relies on a six-year assumption, corresponds to a long "
     "repayment cycle.", None, "$4 billion", dict(kind="fact")),
    ("kind-past-relative-clause-on-the-figure-is-done",
     "Meta said it expects 2026 capital expenditures of $115 billion to $135 billion, nearly double the $72 "
     "billion it spent last year.", dt.date(2026, 1, 29), "$72 billion", dict(kind="fact", period="2025")),
    ("kind-economists-had-forecast-a-clause-is-their-estimate",
     "Economists polled by Reuters had forecast sales would rise 0.3%.", NOV_2025, "0.3%", dict(kind="estimate")),
    ("kind-a-scheme-that-sees-is-no-forecast",
     "The pricing scheme sees you pay three times as much for the same games.", NOV_2025, "three times",
     dict(kind="fact")),
    ("kind-capital-projects-is-no-projection",
     "Microsoft spent $88 billion on capital projects in fiscal 2025, which ended in June.", NOV_2025,
     "$88 billion", dict(kind="fact", period="FY2025")),
    ("kind-called-for-is-guidance",
     "For the fiscal second quarter, Microsoft called for $79.5 billion to $80.6 billion in revenue.", NOV_2025,
     "$79.5 billion to $80.6 billion", dict(kind="forecast")),
    ("kind-analysts-had-expected-is-their-estimate",
     "Analysts polled by Visible Alpha had expected capital spending of $30 billion for the quarter.", NOV_2025,
     "$30 billion", dict(kind="estimate")),
    ("kind-analysts-were-expecting-is-their-estimate",
     "Wall Street analysts surveyed by Refinitiv were expecting $2.52 a share on revenue of $27.53 billion.",
     NOV_2025, "$27.53 billion", dict(kind="estimate")),
    ("kind-economists-had-forecast-is-their-estimate",
     "Economists polled by Reuters had forecast GDP would be unrevised at a 3.3% rate.", NOV_2025, "3.3%",
     dict(kind="estimate")),
    ("kind-analysts-had-expected-relative-clause",
     "Revenue rose to $51.2 billion, ahead of the $49.4 billion analysts had expected.", NOV_2025,
     "$49.4 billion", dict(kind="estimate")),
    ("kind-analysts-expect-a-future-year-is-a-forecast",
     "Analysts expect the company's data center revenue to reach $300 billion by 2027.", NOV_2025,
     "$300 billion", dict(kind="forecast", period="2027")),
    ("kind-average-analyst-estimate-before-the-noun",
     "Revenue rose 18% to $77.7 billion, compared with the $75.3 billion average analyst estimate compiled "
     "by LSEG.", NOV_2025, "$75.3 billion", dict(kind="estimate")),
    ("kind-target-by-year-is-a-forecast",
     "The roadmap calls for cutting module costs from around $0.23/W today to $0.10 by 2030.", NOV_2025,
     "$0.10", dict(kind="forecast", period="2030")),
    ("kind-plans-by-end-of-year-is-a-forecast",
     "Clark in October revealed lofty plans to expand the Emirates fleet by 30% by the end of 2026.", NOV_2025,
     "30%", dict(kind="forecast", period="2026")),
    ("kind-economists-estimated-a-level-by-next-year-is-a-forecast",
     "If tariffs remain at current levels, inflation would climb to 3.5% by the end of next year, Goldman Sachs "
     "economists estimated.", NOV_2025, "3.5%", dict(kind="forecast", period="2026")),
    ("kind-reached-by-a-past-year-is-done",
     "Emirates had grown its fleet to 270 aircraft by 2019.", NOV_2025, "270 aircraft", dict(kind="fact")),
    # --- a time between a change and the level it reaches dates both -----------------------
    ("period-time-before-the-level-reached-dates-the-change-cloud",
     "Google Cloud revenue grew 34% in the third quarter to $15.2 billion.", dt.date(2025, 10, 29), "34%",
     dict(period="2025-Q3")),
    ("period-time-before-the-level-reached-dates-the-change-jobs",
     "The unemployment rate fell 0.2 percentage points in September to 4.1%, the Labor Department said.",
     dt.date(2025, 10, 3), "0.2 percentage points", dict(period="2025-09")),
    # --- "in the quarter", "for the period": the one under discussion -------------------------
    ("period-in-the-quarter-is-the-quarter-named-before-social",
     "Meta's third-quarter revenue rose 26% to $51.24 billion. Operating margin was 40% in the quarter.",
     dt.date(2025, 10, 30), "40%", dict(period="2025-Q3")),
    ("period-in-the-period-is-the-quarter-named-before-airline",
     "The airline's revenue rose 4% to $15.2 billion in the second quarter of 2024. Fuel costs fell 8% in the period.",
     dt.date(2024, 7, 11), "8%", dict(period="2024-Q2")),
    ("period-in-the-quarter-without-one-named-is-the-reported-quarter-retail",
     "Target Corp reported second-quarter results on Wednesday that beat Wall Street estimates for profit.\n\n"
     "Comparable sales fell 1.9% in the quarter.", dt.date(2025, 8, 20), "1.9%", dict(period="FY2025-Q2")),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_frame_time(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)
