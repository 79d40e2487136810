"""Framing, rule by rule: a passage of press English in, each figure's subject,
metric, period, source and kind out.

Each case is a short passage in the style of business and science reporting
(earnings stories, research write-ups, market reports), not taken from the seed
articles, with the figure it asserts on (by surface; `#2` picks a second
occurrence) and the fields that figure must carry. Fields left out are not checked.
"""

import datetime as dt

import pytest

from extract.records import Article

MID_2025 = dt.date(2025, 6, 15)

# id, passage, publication date (None: undated), surface, expected fields
CASES = [
    # --- subject -----------------------------------------------------------------
    ("subject-for-phrase", "Revenue growth was 12% for Microsoft in the quarter.", None,
     "12%", dict(subject="Microsoft", metric="revenue growth")),
    ("subject-for-anaphor", "Apple sold 10 million phones. Gross margin was 46% for the company.", None,
     "46%", dict(subject="Apple", metric="gross margin")),
    ("subject-verb", "Microsoft spent $21.4 billion on capital expenditures in the quarter.", None,
     "$21.4 billion", dict(subject="Microsoft", metric="capex")),
    ("subject-possessive", "Amazon's capital spending reached $26.3 billion in the fourth quarter of 2024.", None,
     "$26.3 billion", dict(subject="Amazon", metric="capex", period="2024-Q4")),
    ("subject-alias-unit", "Amazon Web Services sales increased 19% year-over-year to $27.5 billion.", None,
     "$27.5 billion", dict(subject="AWS", metric="revenue")),
    ("subject-alias-growth", "Amazon Web Services sales increased 19% year-over-year to $27.5 billion.", None,
     "19%", dict(subject="AWS", metric="revenue growth")),
    ("subject-parent-alias", "Google's parent company said operating income rose to $31 billion.", None,
     "$31 billion", dict(subject="Alphabet", metric="operating income")),
    ("subject-caps-alias", "NVIDIA reported record revenue of $35.1 billion for the third quarter.", None,
     "$35.1 billion", dict(subject="Nvidia", metric="revenue", kind="fact")),
    ("subject-metric-owner-modifier", "Azure revenue grew 33% in the quarter, the company said.", None,
     "33%", dict(subject="Azure", metric="revenue growth")),
    ("subject-metric-owner-prep",
     "Capital spending for the four largest cloud providers is on track to top $300 billion.", None,
     "$300 billion", dict(subject="four largest cloud providers", metric="capex", kind="forecast")),
    ("subject-common-noun", "Hospitals in rural areas lost $3 billion last year.", MID_2025,
     "$3 billion", dict(subject="Hospitals", period="2024")),
    ("subject-drop-quantifier", "The entire chip industry would need to sell $1 trillion of hardware.", None,
     "$1 trillion", dict(subject="chip industry")),
    ("subject-relative-clause", "A family that spends $500 a month on groceries would feel the increase.", None,
     "$500", dict(subject="family", kind="illustrative")),
    ("subject-nominal-one",
     "A company that keeps $2 of cash per share is safer than one that keeps $0.20.", None,
     "$0.20", dict(subject="company")),
    ("subject-partitive", "About 40% of small businesses said they had raised prices.", None,
     "40%", dict(subject="small businesses")),
    ("subject-respectively",
     "Apple and Microsoft reported net income of $36.3 billion and $24.1 billion, respectively.", None,
     "$24.1 billion", dict(subject="Microsoft", metric="net income")),
    ("subject-respectively-first",
     "Apple and Microsoft reported net income of $36.3 billion and $24.1 billion, respectively.", None,
     "$36.3 billion", dict(subject="Apple")),
    ("subject-priced-at", "Consumers have limits. YouTube Premium at $13.99 a month is already a stretch for many households.",
     None, "$13.99", dict(subject="YouTube Premium", metric="price")),
    ("subject-bare-metric-previous-topic", "Ford reported second-quarter results on Tuesday. Revenue rose 5% to $47.8 billion.",
     None, "$47.8 billion", dict(subject="Ford", metric="revenue")),
    ("subject-reported-anaphor-keeps-topic",
     "Shopify offers a clearer case. Its president said the company moved its servers to a cheaper provider. "
     "Traffic is still growing, but capital spending has been cut by a third.", None,
     "a third", dict(subject="Shopify")),
    ("subject-plural-anaphor-group",
     "The big four accounting firms hired heavily after the pandemic. Deloitte alone added 10,000 staff. "
     "Revenue growth has slowed to 3% for these firms.", None,
     "3%", dict(subject="big four accounting firms", metric="revenue growth")),
    ("subject-bare-metric-not-across-paragraphs", "Ford reported second-quarter results on Tuesday.\nRevenue rose 5% to $47.8 billion.",
     None, "$47.8 billion", dict(subject=None, metric="revenue")),
    ("subject-valued-object", "Stripe raised new money. Investors valued the company at $50 billion.", None,
     "$50 billion", dict(subject="Stripe", metric="valuation")),
    ("subject-valued-name", "The round valued Databricks at $62 billion.", None,
     "$62 billion", dict(subject="Databricks", metric="valuation")),
    ("subject-not-the-reporter-of-a-figure-subject",
     "The Census Bureau estimated that 1.2 million people moved abroad in 2023.", None,
     "1.2 million people", dict(subject=None, source="Census Bureau")),
    ("subject-not-a-nationality-adjective", "The Japanese yen strengthened 0.13% against the dollar.", None,
     "0.13%", dict(subject="Japanese yen")),
    ("subject-not-a-time-span", "The next two months were busy. She wrote hundreds of songs.", None,
     "hundreds of songs", dict(subject=None)),
    ("subject-pronoun-same-sentence", "Oracle said its cloud revenue rose to $5.9 billion.", None,
     "$5.9 billion", dict(subject="Oracle", metric="cloud revenue")),
    ("subject-pronoun-previous-sentence",
     "Meta Platforms reported results on Wednesday. It expects capital expenditures of $64 billion to "
     "$72 billion this year.", MID_2025,
     "$64 billion to $72 billion", dict(subject="Meta", metric="capex", period="2025", kind="forecast")),
    ("subject-anaphoric-noun",
     "The big three carriers added subscribers in the spring. The group spent $4 billion on marketing in 2024.",
     None, "$4 billion", dict(subject="big three carriers", period="2024")),
    ("subject-with-capacity", "The company is building the Stargate campus with 1.2GW of capacity.", None,
     "1.2GW", dict(subject="Stargate campus")),
    ("subject-priced-at", "Netflix's standard plan at $17.99 a month is now its most popular tier.", None,
     "$17.99", dict(subject="Netflix")),
    ("subject-not-the-figure-noun", "The $35 billion deal is the largest of the year.", None,
     "$35 billion", dict(subject=None)),
    ("subject-not-the-source", "Gartner's forecast shows $644 billion of spending on generative AI in 2025.",
     None, "$644 billion", dict(source="Gartner", period="2025")),
    ("subject-reporting-verb-is-source",
     "IDC's data show 12.4 million servers shipped worldwide in 2024.", None,
     "12.4 million servers", dict(source="IDC")),
    ("subject-product-alias", "Subscribers to ChatGPT Plus pay $20 a month.", None,
     "$20", dict(subject="ChatGPT")),
    # --- source ------------------------------------------------------------------
    ("source-according-to", "According to IDC, worldwide spending on AI will reach $632 billion in 2028.", None,
     "$632 billion", dict(source="IDC", period="2028", kind="forecast")),
    ("source-verb", "Goldman Sachs estimates that data center power demand will grow 160% by 2030.", None,
     "160%", dict(source="Goldman Sachs")),
    ("source-said-after", "Revenue from the division rose 12% in 2024, Siemens said.", None,
     "12%", dict(source="Siemens", period="2024")),
    ("source-study-from",
     "A study from Stanford University found that 62% of the companies had adopted AI tools.", None,
     "62%", dict(source="Stanford University")),
    ("source-report-by", "A report by the International Energy Agency puts data centre demand at 415 TWh.", None,
     "415 TWh", dict(source="International Energy Agency")),
    ("source-offered-calculation",
     "Economist Jane Lee of Moody's offered a rough calculation: the storm caused $8 billion in losses.", None,
     "$8 billion", dict(source="Moody's", kind="estimate")),
    ("source-pronoun-carry",
     "The International Energy Agency published its annual review on Thursday.\n"
     "It found that data centres accounted for 1.5% of global electricity use in 2024.", None,
     "1.5%", dict(source="International Energy Agency", period="2024")),
    ("source-paragraph-carry",
     "According to Bloomberg, the bank cut 300 jobs in London. A further 200 jobs will go in New York.", None,
     "200 jobs", dict(source="Bloomberg")),
    ("source-not-across-paragraphs",
     "According to Bloomberg, the bank cut 300 jobs in London.\nIts shares rose 4% on Friday.", None,
     "4%", dict(source=None)),
    ("source-relative-clause",
     "Intel teamed up with Micron to launch a memory chip, which claims to cut power use by 30%.", None,
     "30%", dict(source="Intel", kind="estimate")),
    ("source-company-guidance",
     "Alphabet raised its 2025 capital expenditure guidance to $85 billion.", None,
     "$85 billion", dict(subject="Alphabet", source="Alphabet", metric="capex", period="2025", kind="forecast")),
    # the passive's subject ("the deal") is no source; the unnamed people who said it are
    ("source-passive-is-not-source", "The deal was valued at $4 billion, people familiar with it said.", None,
     "$4 billion", dict(source="people")),
    ("source-restated-figure",
     "Analysts at Jefferies estimate the shortfall at $120 billion.\nA $120 billion hole is hard to fill.", None,
     "$120 billion#2", dict(source="Jefferies", kind="estimate")),
    # --- period ------------------------------------------------------------------
    ("period-quarter", "Revenue reached $10 billion in Q2 2025, while costs rose to $8 billion.", None,
     "$10 billion", dict(period="2025-Q2")),
    ("period-same-period",
     "Revenue reached $10 billion in Q2 2025. Operating costs were $8 billion over the same period.", None,
     "$8 billion", dict(period="2025-Q2")),
    ("period-same-quarter-needs-quarter",
     "Sales were flat in 2024. Costs rose to $8 billion in the same quarter.", None,
     "$8 billion", dict(period=None)),
    ("period-previous-figure",
     "Cloud revenue grew 22% in the first quarter of 2025, reaching $11.6 billion.", None,
     "$11.6 billion", dict(period="2025-Q1")),
    ("period-fronted", "In 2024, the company's users grew threefold and its revenue doubled.", None,
     "threefold", dict(period="2024")),
    ("period-baseline-than", "Sales in March 2025 were 40% higher than in March 2024.", None,
     "40%", dict(period="2025-03")),
    ("period-baseline-possessive", "The company committed $50 billion, nearly doubling its 2024 budget.", None,
     "doubling", dict(period=None)),
    ("period-fiscal-quarter",
     "Nvidia's data center revenue was $30.8 billion in the third quarter of fiscal 2025.", None,
     "$30.8 billion", dict(period="FY2025-Q3", subject="Nvidia", metric="data center revenue")),
    ("period-publication-date-not-period",
     "A Pew Research Center survey, published in March 2024, found that 23% of adults had used the chatbot.",
     None, "23%", dict(period=None, source="Pew Research Center")),
    ("period-window-blocks",
     "Citigroup expects banks to spend $2 trillion on technology over the next five years.", None,
     "$2 trillion", dict(period=None, source="Citigroup", kind="forecast")),
    ("period-undated-quarter", "Revenue grew 10% in a single quarter.", None, "10%", dict(period=None)),
    ("period-bare-quarter-dated", "Cloud revenue grew 31% in Q1.", MID_2025, "31%", dict(period="2025-Q1")),
    ("period-bare-month-dated", "Prices rose 3% in January.", MID_2025, "3%", dict(period="2025-01")),
    ("period-most-recent-quarter-undated", "Sales grew 12% in the most recent quarter.", None, "12%",
     dict(period=None)),
    ("period-side-clause",
     "Utility filings show 8GW of capacity is under construction, expected to be finished by the end of 2027.", None,
     "8GW", dict(period=None, kind="fact")),
    ("period-event-year-not-carried",
     "The comparison is to the 2008 financial crisis. Bank losses reached 12% of assets.", None,
     "12%", dict(period=None)),
    ("period-model-number-not-year", "The GeForce RTX 2060 sells for $299.", None, "$299", dict(period=None)),
    # --- kind --------------------------------------------------------------------
    ("kind-forecast-expects", "The company expects revenue of $12 billion next year.", MID_2025,
     "$12 billion", dict(kind="forecast", period="2026")),
    ("kind-estimate-passive", "The project's cost was estimated at $2 billion.", None,
     "$2 billion", dict(kind="estimate")),
    ("kind-clause-scope",
     "Training the model was estimated to cost $100 million, and the next one is expected to cost $1 billion.",
     None, "$100 million", dict(kind="estimate")),
    ("kind-clause-scope-second",
     "Training the model was estimated to cost $100 million, and the next one is expected to cost $1 billion.",
     None, "$1 billion", dict(kind="forecast")),
    ("kind-estimate-beats-modal",
     "Analyst Sam Ortiz offered a calculation: the industry would need $200 billion in revenue.", None,
     "$200 billion", dict(kind="estimate")),
    ("kind-if-clause", "If interest rates rise above 6%, home sales could fall sharply.", None,
     "6%", dict(kind="illustrative")),
    ("kind-illustration-paragraph",
     "Think of it this way. A saver who puts away $100 a month has $1,200 after a year.", None,
     "$1,200", dict(kind="illustrative")),
    ("kind-current-year-spending-is-forecast",
     "Tesla plans heavy investment in 2025. The carmaker will spend more than $11 billion in 2025.", MID_2025,
     "$11 billion", dict(kind="forecast", period="2025")),
    ("kind-reported-actual-is-fact", "Walmart reported revenue of $169 billion in 2024.", MID_2025,
     "$169 billion", dict(kind="fact", period="2024")),
    ("kind-count-in-source-is-fact",
     "According to research firm Forrester's survey of 2,000 executives, AI budgets rose 15% in 2024.", None,
     "2,000 executives", dict(kind="fact", source="Forrester")),
    # --- metric: the noun a figure modifies ---------------------------------------
    ("metric-noun-the-figure-modifies",
     "Closing a $600 billion gap requires software that does more than assist individual workers.", None,
     "$600 billion", dict(metric="gap")),
    ("metric-modified-noun-with-compound", "Microsoft signed a $9.7 billion cloud deal with IREN for capacity.", None,
     "$9.7 billion", dict(subject="Microsoft", metric="cloud deal")),
    ("metric-modified-noun-in-vocabulary", "The $850 billion lease obligations weigh on the hyperscalers.", None,
     "$850 billion", dict(metric="lease commitments")),
    ("metric-level-noun-gives-way", "The next generation of models is expected to break the $1 billion barrier in training cost.",
     None, "$1 billion", dict(metric="training cost")),
    ("metric-change-noun-gives-way", "The retailer posted a 12% rise in quarterly revenue.", None,
     "12%", dict(metric="revenue growth")),
    ("metric-counted-noun", "Amazon will invest $10 billion in Ohio, adding 500 jobs and lifting revenue.", None,
     "500 jobs", dict(metric="employees")),
    ("metric-earnings-per-share", "The retailer earned $2.8 billion, or $2.53 per diluted share, in the quarter.", None,
     "$2.53", dict(metric="earnings per share")),
    ("metric-earned-is-net-income", "The retailer earned $2.8 billion, or $2.53 per diluted share, in the quarter.", None,
     "$2.8 billion", dict(metric="net income")),
    ("metric-share-price-move", "Shares of Coty rose 2% on Monday.", None,
     "2%", dict(subject="Coty", metric="share price growth")),
    ("metric-counted-shares-are-no-price", "Coty sold 10 million shares to investors.", None,
     "10 million shares", dict(metric="shares")),
    ("metric-change-verb-far-before-the-figure", "AWS increased the price of this service by about 20% last year.", None,
     "20%", dict(metric="price growth")),
    ("metric-workforce-cut", "The company cut its workforce in Europe by 10% last year.", None,
     "10%", dict(metric="employees growth")),
    ("metric-percent-of-the-market", "Nvidia holds 80% of the market for AI accelerators.", None,
     "80%", dict(subject="Nvidia", metric="market share")),
    ("period-starting-in-month", "AWS increased the price of this service by about 20% starting in July.", dt.date(2025, 9, 1),
     "20%", dict(period="2025-07")),
    ("metric-budget-is-a-level-of-its-compound", "Alphabet set a $180 billion capex budget for the year.", None,
     "$180 billion", dict(subject="Alphabet", metric="capex")),
    ("kind-a-forecast-noun-the-figure-modifies", "Meta raised its $70 billion spending forecast on Wednesday.", None,
     "$70 billion", dict(kind="forecast")),
    ("metric-subject-of-the-verb-beats-a-nearer-word",
     "Total revenue rose 18% to $77.7 billion, while net income climbed 12% to $27.7 billion.", None,
     "$77.7 billion", dict(metric="revenue")),
    ("source-in-a-clause-about-another-figure-does-not-carry",
     "Azure revenue grew 40%, beating the 38.2% growth analysts polled by Visible Alpha had expected. "
     "Total revenue rose 18% to $77.7 billion.", None,
     "18%", dict(source=None, metric="revenue growth")),
    ("period-in-a-relative-clause-on-the-figure",
     "Cloud spending will exceed $600 billion next year, double the $300 billion they spent in 2024.", MID_2025,
     "$300 billion", dict(period="2024")),
    ("kind-a-value-this-year-is-no-plan",
     "The stock is up 40% this year, giving Nvidia a market value of about $4.5 trillion this year.", MID_2025,
     "$4.5 trillion", dict(kind="fact", metric="valuation")),
    ("subject-the-company-is-no-product-named-beside-it",
     "Nvidia reported record revenue on Wednesday. Chief executive Jensen Huang said demand for its Blackwell chips "
     "was strong and that the company had visibility into $500 billion of orders.", None,
     "$500 billion", dict(subject="Nvidia")),
    ("subject-agent-of-an-action-noun",
     "According to Bloomberg Intelligence, spending by the four largest cloud providers will exceed $600 billion.",
     None, "$600 billion", dict(subject="four largest cloud providers")),
    ("kind-analysts-of-another-figure-make-no-estimate",
     "Meta's third-quarter revenue rose 26% to $51.24 billion, ahead of the $49.41 billion analysts had expected, "
     "according to LSEG data.", None, "$51.24 billion", dict(kind="fact", metric="revenue")),
    ("source-according-to-estimates-compiled-by",
     "The four hyperscalers are on track to spend more than $380 billion, according to estimates compiled by Bloomberg.",
     None, "$380 billion", dict(source="Bloomberg", kind="forecast")),
    # --- kind: a result against expectations is a fact -----------------------------
    ("kind-topped-estimates-is-fact", "Home Depot's revenue of $27.2 billion topped estimates.", None,
     "$27.2 billion", dict(kind="fact")),
    ("kind-beat-forecasts-is-fact", "Revenue of $5 billion beat analysts' forecasts.", None,
     "$5 billion", dict(kind="fact")),
    ("kind-the-consensus-itself-is-estimate", "Revenue rose to $6 billion, above the $5.5 billion consensus estimate.",
     None, "$5.5 billion", dict(kind="estimate")),
    ("kind-estimate-carried-only-from-an-estimator",
     "Home Depot reported earnings that topped estimates. The retailer earned $2.8 billion in the quarter.", None,
     "$2.8 billion", dict(kind="fact", subject="Home Depot")),
    # --- subject: definite descriptions point back ----------------------------------
    ("subject-definite-description", "Home Depot reported results on Tuesday. The home-improvement retailer earned $2.8 billion.",
     None, "$2.8 billion", dict(subject="Home Depot")),
    ("subject-the-stock", "Coty agreed to buy a stake in Kylie Cosmetics on Monday. The stock added more than 2% on the news.",
     None, "2%", dict(subject="Coty")),
    ("subject-the-plural-group-is-named-not-pointed-back",
     "The big four accounting firms hired heavily after the pandemic. Revenue growth has slowed to 3% for these firms.",
     None, "3%", dict(subject="big four accounting firms")),
    ("subject-gains-are-no-group",
     "Coty agreed on Monday to buy a 51% stake in Kylie Cosmetics, the make-up line of the reality star Kylie Jenner.\n"
     "Those gains add to a rally of more than 80% this year. The stock was down 60% over four years.", None,
     "60%", dict(subject="Coty")),
    # the month is no subject; what the rate is on is (data/subject.toml [rate_on])
    ("subject-no-month", "The average interest rate on a new car loan stayed below 6 percent in October.", None,
     "6 percent", dict(subject="new car loan")),
    ("subject-no-market-data-code", "Benchmark 10-year notes US10YT=RR last rose 7/32 in price to yield 1.786%.", None,
     "1.786%", dict(subject=None)),
    ("source-per-needs-a-name-right-after",
     "U.S. crude fell 3.38% to $55.12 per barrel and Brent was last at $60.73, down 2.74%.", None,
     "$55.12", dict(source=None)),
    ("source-per-name", "Sales of new homes rose 3% in May, per Bloomberg.", None, "3%", dict(source="Bloomberg")),
    # --- source: what carries through a paragraph ---------------------------------
    ("source-self-report-not-lent-to-another-company",
     "Amazon announced a $10 billion investment in Ohio. Microsoft signed a $9.7 billion deal with IREN.", None,
     "$9.7 billion", dict(subject="Microsoft", source=None)),
    ("source-reporter-carries-through-paragraph",
     "According to Bloomberg, Microsoft spent $21 billion in the quarter. Google spent $18 billion.", None,
     "$18 billion", dict(subject="Google", source="Bloomberg")),
    ("source-surveyor-carries-to-its-findings",
     "UBS recently spoke with enterprise IT executives. About 60% of surveyed companies are cutting token costs.", None,
     "60%", dict(source="UBS")),
    ("subject-article-topic",
     "Investors are asking hard questions about the global chip industry after a year of record spending on plants.\n"
     "Spending has run ahead of sales for two years now, and few of the new plants will be busy before 2027.\n"
     "The shortfall between spending and sales now stands at about $90 billion a year.", None,
     "$90 billion", dict(subject="global chip industry")),
    ("subject-own-clause-beats-article-topic",
     "Investors are asking hard questions about the global chip industry after a year of record spending on plants.\n"
     "Intel spent $25 billion on new plants last year.", None,
     "$25 billion", dict(subject="Intel")),
    # --- a sentence that names nobody does not erase the company named before ----------
    ("subject-company-word-after-a-nameless-sentence",
     "McClatchy reported a loss of $304.7 million in the third quarter. Most of the loss reflected a write-down "
     "of its news assets.\n\nBut the company also reported long-term debt of more than $700 million.", None,
     "$700 million", dict(subject="McClatchy")),
    ("subject-pronoun-after-a-nameless-sentence",
     "Ford reported a quarterly loss of $1.2 billion. Most of the loss came from Europe. It also said "
     "it would cut 3,000 jobs.", None,
     "3,000 jobs", dict(subject="Ford")),
    ("subject-company-word-not-two-paragraphs-on",
     "Ford reported a quarterly loss of $1.2 billion.\n\nMost of the loss came from Europe.\n\n"
     "Analysts had expected worse.\n\nThe company also reported debt of $100 billion.", None,
     "$100 billion", dict(subject=None)),
    ("subject-without-the", "As a way of rough comparison, the SunShot Initiative launched by the U.S. government "
     "in 2011 aims to reduce the price of the solar electricity generated by large scale projects to $0.03/kWh by "
     "2030.", None, "$0.03", dict(subject="SunShot Initiative", period="2030")),
    # --- market-data codes and sentence-initial capitals --------------------------------
    ("subject-words-before-a-market-code", "U.S. crude CLc1 fell 3.38% to $55.12 per barrel.", None,
     "3.38%", dict(subject="U.S. crude")),
    ("subject-word-before-a-market-code", "Copper CMCU3 rose 0.86% to $5,880.00 a tonne.", None,
     "0.86%", dict(subject="Copper")),
    ("subject-sentence-initial-capital-is-no-name",
     "Sterling GBP= was last trading at $1.2925, down 0.21% on the day.\n\n"
     "Spot gold XAU= added 0.1% to $1,472.19 an ounce.", None,
     "0.1%", dict(subject="Spot gold")),
    # --- levels a change starts from or ends at -----------------------------------------
    ("metric-change-end-level", "Its market share rose 3 points to 41% in 2024.", None,
     "41%", dict(metric="market share")),
    ("metric-change-start-level", "Its market share rose to 41% in 2024, up from 38% a year earlier.", None,
     "38%", dict(metric="market share")),
    ("metric-change-itself", "Its market share rose by 3% in 2024.", None,
     "3%", dict(metric="market share growth")),
    ("metric-change-up-to-is-a-hedge", "Sales of the device could grow by up to 25% next year.", None,
     "25%", dict(metric="revenue growth", approx="up to")),
    ("metric-change-of-a-growth-is-growth", "Growth in cloud revenue slowed from 40% to 31% this year.", None,
     "31%", dict(metric="cloud revenue growth")),
    # --- a current-year money figure: told as done, or a plan ---------------------------
    ("kind-current-year-perfect-is-done", "Revenues from the tariffs have totaled about $63 billion so far in 2025.",
     MID_2025, "$63 billion", dict(kind="fact", period="2025")),
    ("kind-current-year-past-is-done", "The startup raised $5 billion in funding this year.", MID_2025,
     "$5 billion", dict(kind="fact", period="2025")),
    ("kind-current-year-commitment-is-a-plan", "Amazon alone has committed $200 billion to AI this year.", MID_2025,
     "$200 billion", dict(kind="forecast")),
    ("kind-current-year-raised-to-is-a-plan", "Meta raised its 2025 capex to $125-145 billion.", MID_2025,
     "$125-145 billion", dict(kind="forecast")),
    ("kind-current-year-present-is-a-plan", "Microsoft spends $80 billion on data centers this year.", MID_2025,
     "$80 billion", dict(kind="forecast")),
    ("kind-shared-subject-conj-under-a-forecast",
     "The Tax Foundation projected that the tariffs would reduce GDP by 0.25 percent, while lowering wages by "
     "0.16 percent and eliminating 195,600 full-time-equivalent jobs.", None,
     "195,600 full-time-equivalent jobs", dict(kind="forecast", source="Tax Foundation")),
    ("kind-own-subject-conj-is-its-own-clause",
     "Training GPT-4 was estimated at $100 million, and the next model cost $1 billion to train.", None,
     "$1 billion", dict(kind="fact")),
    # --- guidance against a consensus (a Reuters earnings story) ----------------------
    ("source-credit-after-a-comparison-is-for-the-compared",
     "Nvidia expects revenue of $54 billion, plus or minus 2%, for the third quarter, compared with analysts' "
     "average estimate of $53.14 billion, according to data compiled by LSEG.", MID_2025,
     "$54 billion", dict(subject="Nvidia", source="Nvidia", kind="forecast", period="FY2026-Q3")),  # its fiscal quarter
    ("source-credit-after-a-comparison-credits-the-compared",
     "Nvidia expects revenue of $54 billion, plus or minus 2%, for the third quarter, compared with analysts' "
     "average estimate of $53.14 billion, according to data compiled by LSEG.", MID_2025,
     "$53.14 billion", dict(source="LSEG", kind="estimate")),
    ("kind-estimates-of", "Revenue in the second quarter rose 56% to $46.74 billion, beating estimates of "
     "$46.06 billion.", MID_2025, "$46.06 billion", dict(kind="estimate", period="2025-Q2")),
    ("kind-baseline-of-a-forecast-is-what-was",
     "Microsoft, Alphabet, Amazon and Meta are expected to spend a combined $350 billion on AI infrastructure "
     "this year, up from about $230 billion in 2024.", MID_2025, "$230 billion", dict(kind="fact", period="2024")),
    ("period-baseline-after-the-time-takes-none-of-it",
     "Microsoft, Alphabet, Amazon and Meta are expected to spend a combined $350 billion on AI infrastructure "
     "this year, up from about $230 billion in 2024.", MID_2025, "$350 billion", dict(kind="forecast", period="2025")),
    ("source-the-company-said-speaks-for-the-company",
     "Microsoft plans to spend $80 billion, according to Visible Alpha.\n\n"
     "OpenAI's annualized revenue hit $13 billion in August, the company said.", MID_2025,
     "$13 billion", dict(subject="OpenAI", source="OpenAI")),
    ("subject-it-takes-the-name-before-it-in-its-sentence",
     "Microsoft plans to spend $80 billion on data centers.\n\n"
     "OpenAI's annualized revenue hit $13 billion in August, and it expects to burn through $115 billion by 2029.",
     MID_2025, "$115 billion", dict(subject="OpenAI", period="2029", kind="forecast")),
    ("subject-coordinated-names-share-the-figure",
     "Microsoft, Alphabet, Amazon and Meta are expected to spend a combined $350 billion on AI infrastructure "
     "this year.", MID_2025, "$350 billion", dict(subject="Microsoft, Alphabet, Amazon and Meta")),
    ("subject-two-coordinated-names", "Meta and Microsoft together spent $120 billion on capital projects last year.",
     MID_2025, "$120 billion", dict(subject="Meta and Microsoft", period="2024")),
    ("subject-a-group-and-its-listed-members",
     "The five largest technology companies - Amazon, Microsoft, Alphabet, Meta, and Oracle — are on track to "
     "spend somewhere between $700 billion and $900 billion on AI infrastructure this year.", MID_2025,
     "$700 billion and $900 billion",
     dict(subject="five largest technology companies (Amazon, Microsoft, Alphabet, Meta and Oracle)")),
    ("kind-a-debt-level-this-year-is-no-plan", "Ford's long-term debt stands at $7 billion this year.",
     MID_2025, "$7 billion", dict(kind="fact", metric="debt")),
    # --- the Street predicts, the company speaks (a Barron's earnings story) ------------
    ("subject-wall-street-predicts-the-companys-figure",
     "Home Depot (ticker: HD) reported $2.53 in per-share earnings for the third quarter. Wall Street predicted "
     "$2.52 a share. The results look OK, but the stock was down 5% in recent trading.", MID_2025,
     "$2.52", dict(subject="Home Depot", source="Wall Street")),
    ("subject-the-stock-not-the-street",
     "Home Depot (ticker: HD) reported $2.53 in per-share earnings for the third quarter. Wall Street predicted "
     "$2.52 a share. The results look OK, but the stock was down 5% in recent trading.", MID_2025,
     "5%", dict(subject="Home Depot")),
    ("source-company-management-said",
     "Home Depot reported third-quarter earnings on Tuesday.\n\nCompany management said comparable-store sales "
     "growth in 2019 will be 3.5%, compared with prior guidance of 4.0%.", MID_2025,
     "3.5%", dict(subject="Home Depot", source="Home Depot", kind="forecast")),
    ("subject-possessive-name-with-s", "Still, the stock has slid, and peer Lowe’s (LOW) stock is off too, down 1.8%.",
     MID_2025, "1.8%", dict(subject="Lowe's")),
    ("source-publication-keeps-its-article",
     "According to The Information, OpenAI expects to generate $12.7 billion in revenue this year.", MID_2025,
     "$12.7 billion", dict(subject="OpenAI", source="The Information", kind="forecast", period="2025")),
    ("metric-burning-is-cash-burn", "xAI is burning about $1 billion a month, Bloomberg reported.", MID_2025,
     "$1 billion", dict(subject="xAI", metric="cash burn", source="Bloomberg")),
    ("subject-hyphenated-owner-keeps-its-hyphen", "Non-US revenue rose 12% to $4 billion in the quarter.", MID_2025,
     "$4 billion", dict(subject="Non-US", metric="revenue")),
    ("source-said-a-titled-name", "Revenue rose 5% to $3 billion, said Dr. Lisa Su.", MID_2025,
     "5%", dict(source="Lisa Su", subject=None)),
    # --- an Oracle story: a line of business, a credit in its own clause ---------------
    ("subject-line-of-business-is-the-companys",
     "Oracle signed a five-year deal with OpenAI.\n\nCloud infrastructure revenue will grow 77% to $18 billion "
     "this fiscal year, Oracle said.", MID_2025,
     "$18 billion", dict(subject="Oracle", metric="cloud infrastructure revenue", kind="forecast", source="Oracle")),
    ("source-credit-in-a-clause-of-its-own",
     "To pay for the servers, Oracle raised $18 billion in a bond sale in September, and analysts at Morgan "
     "Stanley expect its net debt to more than double to about $290 billion by fiscal 2028.", MID_2025,
     "$18 billion", dict(subject="Oracle", source=None, kind="fact")),
    ("source-credit-in-its-own-clause-is-for-its-figures",
     "To pay for the servers, Oracle raised $18 billion in a bond sale in September, and analysts at Morgan "
     "Stanley expect its net debt to more than double to about $290 billion by fiscal 2028.", MID_2025,
     "$290 billion", dict(source="Morgan Stanley", kind="forecast", period="FY2028")),
    ("restatement-needs-the-same-kind-of-measure",
     "To pay for the servers, Oracle raised $18 billion in a bond sale in September.\n\n"
     "Cloud infrastructure revenue will grow 77% to $18 billion this fiscal year, Oracle said.", MID_2025,
     "$18 billion#2", dict(kind="forecast", metric="cloud infrastructure revenue")),
    ("subject-the-reporter-is-not-what-its-report-is-about",
     "WASHINGTON, Sept 11 (Reuters) - U.S. consumer prices rose 0.2% in August, the Labor Department said on "
     "Wednesday, bringing the annual rate down to 2.9% from 3.1% in July.", None,
     "2.9%", dict(subject="US", source="Labor Department")),
    ("subject-a-described-company-that-speaks",
     "Microsoft reported results on Tuesday.\n\nSales rose 18% to $77.7 billion in the fiscal first quarter, the "
     "Redmond, Washington-based company said.", None,
     "$77.7 billion", dict(subject="Microsoft", source="Microsoft")),
    ("period-a-multiple-of-this-years-is-no-period",
     "At the midpoint, Alphabet's 2026 capital expenditures would be $180 billion, nearly double this year's.",
     MID_2025, "$180 billion", dict(period="2026", subject="Alphabet", metric="capex")),
    ("subject-and-metric-of-a-segment-of-its-own",
     "Nvidia reported revenue of $57 billion.\n\nSales in its data center segment were $51.2 billion in the quarter.",
     None, "$51.2 billion", dict(subject="Nvidia", metric="data center revenue")),
    # --- names are no cue words --------------------------------------------------------
    ("kind-month-may-is-no-forecast", "Tariffs on Chinese goods were increased from 10% to 25% in May 2019.", None,
     "25%", dict(kind="fact", period="2019-05")),
    ("kind-modal-may-is-a-forecast", "Tariffs on Chinese goods may be increased to 25% in 2020.", None,
     "25%", dict(kind="forecast")),
    ("subject-no-topic-without-an-industry-in-the-lede",
     "Investors are asking hard questions about chips after a year of record spending on plants and machines.\n"
     "The shortfall between spending and sales now stands at about $90 billion a year.", None,
     "$90 billion", dict(subject=None)),
]


def _claims(nlp, text, published):
    from extract.pipeline import extract_claims

    art = Article(text=text, regions=[(0, len(text))], date=published)
    return extract_claims(art, "case", nlp)


def _find(claims, surface):
    surface, _, nth = surface.partition("#")
    hits = [c for c in claims if c.surface == surface]
    assert hits, f"{surface!r} not extracted; got {[c.surface for c in claims]}"
    return hits[int(nth) - 1 if nth else 0]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_frame(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)


def assert_fields(nlp, text, published, surface, fields):
    """The claim at `surface` has each of `fields` as given (shared with test_frame_time)."""
    c = _find(_claims(nlp, text, published), surface)
    got = c.model_dump(mode="json")
    for k, want in fields.items():
        assert got[k] == want, f"{k}: got {got[k]!r}, want {want!r} ({surface!r} in {text!r})"


SENTENCE_CASES = [
    ("no-break-without-punctuation", "Buyers have a ceiling. ChatGPT Plus at $20 per month is not cheap.",
     ["Buyers have a ceiling.", "ChatGPT Plus at $20 per month is not cheap."]),
    ("break-after-closing-quote", 'He called it "fine." Then it fell.', ['He called it "fine."', "Then it fell."]),
    ("break-at-line", "A heading without a stop\nThe body starts here.", ["A heading without a stop", "The body starts here."]),
    ("no-break-after-a-title", "Burton, 32, was arrested, said Lt. Matt Harris. Shares fell.",
     ["Burton, 32, was arrested, said Lt. Matt Harris.", "Shares fell."]),
]


@pytest.mark.parametrize("text,sentences", [c[1:] for c in SENTENCE_CASES], ids=[c[0] for c in SENTENCE_CASES])
def test_sentences_start_only_after_an_ender_or_a_line_break(nlp, text, sentences):
    assert [s.text.strip() for s in nlp(text).sents] == sentences


TOPIC_CASES = [
    ("industry-in-a-prepositional-phrase",
     "There is a number sitting at the centre of the AI industry right now that almost nobody is talking about.",
     "AI industry"),
    ("sector-as-subject", "Short headline\nThe European steel sector faces its worst year since 2009, with plants idle across the continent.",
     "European steel sector"),
    ("drop-word-left-out", "From massive spending to meager returns, the current AI compute economy faces a serious reckoning now.",
     "AI compute economy"),
    ("bare-head-is-no-topic", "Shares fell on Monday as investors worried about the industry as a whole, analysts at three banks said.",
     None),
    ("words-across-a-preposition-are-no-topic",
     "Shares fell on Monday as investors worried about the fate of industry and jobs, analysts at three banks said.", None),
    ("only-the-lede", "Shares fell on Monday as investors worried about rates and jobs, analysts at three banks said.\n"
     "The bank said the AI industry would keep spending, whatever the rates and jobs figures say next week.", None),
    ("short-lines-are-not-a-lede", "Inside the AI industry\nShares fell on Monday as investors worried about rates, analysts said.",
     None),
]


_SECOND = "\nA second paragraph follows the lede, as in any article, with more words than a headline has.\n"


@pytest.mark.parametrize("body,topic", [c[1:] for c in TOPIC_CASES], ids=[c[0] for c in TOPIC_CASES])
def test_article_topic_is_the_industry_its_lede_names(body, topic):
    from extract.frame import article_topic

    assert article_topic(body + _SECOND) == topic


def test_a_single_paragraph_has_no_article_topic():
    from extract.frame import article_topic

    assert article_topic("There is a number sitting at the centre of the AI industry right now that almost "
                         "nobody is talking about.") is None


def test_article_topic_is_the_company_its_title_names_that_figures_are_about(nlp):
    from extract.pipeline import extract_claims

    text = ("Dow component Home Depot reported third-quarter earnings on Tuesday that topped estimates, "
            "sending shares lower ahead of the opening bell.\n"
            "Home Depot earned $2.8 billion in the quarter.\n"
            "Comparable sales rose 3.6 percent, missing the 4.8 percent gain that was expected.")
    art = Article(text=text, regions=[(0, len(text))], title="Home Depot sales miss, shares plunge")
    got = {c.surface: c for c in extract_claims(art, "case", nlp)}
    assert got["3.6 percent"].subject == "Home Depot"
    assert got["4.8 percent"].subject == "Home Depot"


def test_article_topic_counts_figures_a_company_word_gives_the_company(nlp):
    # "The company expects ..." is about the company of the title; "Data center revenue"
    # is a metric whole, no owner named "Data center"
    from extract.pipeline import extract_claims

    text = ("Aug 27 (Reuters) - Nvidia forecast third-quarter revenue above Wall Street estimates on Wednesday, "
            "betting on sustained demand for its AI chips from cloud providers.\n\n"
            "The company expects revenue of $54 billion for the third quarter, compared with analysts' average "
            "estimate of $53.14 billion.\n\n"
            "Revenue in the second quarter ended July 27 rose 56% to $46.74 billion, beating estimates of "
            "$46.06 billion. Data center revenue, which includes its AI chips, grew 56% to $41.1 billion.\n\n"
            "Microsoft and Meta are expected to spend more on AI infrastructure this year, according to "
            "Visible Alpha, with Microsoft planning $80 billion.")
    art = Article(text=text, regions=[(0, len(text))], title="Nvidia forecasts revenue above estimates")
    got = {c.surface: c for c in extract_claims(art, "case", nlp)}
    assert got["$46.74 billion"].subject == "Nvidia"
    assert (got["$41.1 billion"].subject, got["$41.1 billion"].metric) == ("Nvidia", "data center revenue")


@pytest.mark.parametrize("subjects,title,lede,topic", [
    (["Home Depot", "Home Depot", "Lowe's"], "Home Depot sales miss",
     "Shares of the home-improvement chain fell on Tuesday after its quarterly report, the steepest fall this year.",
     "Home Depot"),
    (["Apple", "Alphabet", "Meta", "Amazon"], "",
     "Apple led a broad rally in technology shares on Tuesday as investors bet on lower interest rates next year.",
     None),
    (["Lowe's", "Home Depot", "Home Depot"], "", "Home Depot and Lowe's reported results on a busy Tuesday for retail, and both missed on sales.",
     "Home Depot"),
    (["Nvidia"], "Chip stocks slide", "Investors sold chip stocks on Tuesday as worries about the AI industry and its spending grew again.",
     "AI industry"),
    (["stock", "gains"], "", "The stock added more than 2% to begin the week after the beauty brand deal was announced.",
     None),
], ids=["most-frequent-in-title", "a-round-up-names-one-first", "most-frequent-in-lede", "not-named-up-front-gives-way-to-industry",
        "common-nouns-are-no-name"])
def test_article_topic_prefers_a_name_up_front(subjects, title, lede, topic):
    from extract.frame import article_topic

    assert article_topic(lede + _SECOND, title, subjects) == topic
