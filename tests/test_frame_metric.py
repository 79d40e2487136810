"""Framing's metric, rule by rule, on press-style sentences (business, markets,
economy): what a figure measures is read off the parse first, the vocabulary
(extract/data/metrics.toml) only when the parse names nothing, and an unknown
metric keeps its own head noun ("payments", "synergies").

Each case: id, passage, figure (by surface; `#2` picks a second occurrence), metric.
"""

import pytest

from tests.test_frame import _claims, _find

CASES = [
    # a stock's level during a session is its share price, the session no metric (US wire,
    # London market report); a commodity's stays a price
    ("share-price-in-morning-trading-wire", "Its shares were down 8% at $145.60 in morning trading.", "$145.60",
     "share price"),
    ("share-price-in-early-dealings-london", "BP shares were up 1.2% at 480 pence in early dealings in London.",
     "480 pence", "share price"),
    ("commodity-at-stays-price", "Brent crude was last at $60.73 a barrel.", "$60.73", "price"),
    # money put "at" a figure by a verb of estimating measures the verb's object (disaster
    # copy, public finance)
    ("estimated-cost-at-wildfire", "Gov. Josh Green estimated the cost of rebuilding at $5.5 billion.",
     "$5.5 billion", "cost"),
    ("put-bill-at-insurer", "The insurer pegged its losses from the storm at $1.2 billion.", "$1.2 billion", "loss"),
    # what a player wins is prize money (tennis, golf)
    ("prize-money-tennis", "The champion collects 3.15 million Australian dollars ($2.07 million) in prize money.",
     "$2.07 million", "prize money"),
    ("prize-money-golf", "Scheffler earned $3.6 million in prize money for the victory at Augusta.",
     "$3.6 million", "prize money"),
    # a film's later weekends and running totals are box office (wire copy, trade press)
    ("box-office-second-weekend", "\"Oppenheimer,\" Universal's three-hour drama, took in $46.2 million in its "
     "second weekend, down 44% from its opening.", "$46.2 million", "box office"),
    ("box-office-domestically-and-worldwide", "The Warner Bros film has now earned $351.4 million domestically and "
     "$775.5 million worldwide.", "$775.5 million", "box office"),
    ("box-office-domestic-total", "The sequel fell 44% in its second weekend, bringing its domestic total to "
     "$174.2 million.", "$174.2 million", "box office"),
    # turnout, core inflation and rainfall are metrics of their own (UK and US election
    # copy, UK and US inflation releases, US and UK weather stories)
    ("turnout-uk-general-election", "Turnout was 59.8%, the lowest since 2001, the Electoral Commission said.",
     "59.8%", "turnout"),
    ("turnout-by-election", "Voter turnout was 52.3% in Thursday's by-election.", "52.3%", "turnout"),
    ("core-inflation-uk", "Core inflation dropped to 3.9% from 4.2%.", "3.9%", "core inflation"),
    ("core-cpi-us", "Core CPI rose 3.6% from a year earlier, the Labor Department said.", "3.6%", "core inflation"),
    ("rainfall-inches-hurricane", "Some areas received more than 30 inches of rain over three days.", "30 inches",
     "rainfall"),
    ("rainfall-millimetres-uk", "Parts of Cumbria saw 127 millimetres of rainfall on Tuesday.", "127 millimetres",
     "rainfall"),
    # a metric named with its "per" phrase (results wire copy, retail trade press)
    ("eps-subject-per-share", "Adjusted earnings per share were $2.03, compared with estimates of $2.06.",
     "$2.03", "earnings per share"),
    ("eps-subject-per-share-diluted", "Diluted earnings per share rose 12% to $1.10 in the quarter.",
     "$1.10", "earnings per share"),
    # --- a line of business stays in the metric; words that describe a figure do not --
    ("line-of-business-revenue", "Cloud infrastructure revenue will grow 77% to $18 billion this fiscal year.",
     "$18 billion", "cloud infrastructure revenue"),
    ("record-is-no-line", "NVIDIA reported record revenue of $35.1 billion for the third quarter.",
     "$35.1 billion", "revenue"),
    # sport's points measure themselves (basketball wire copy, rugby match report)
    ("points-scored-basketball", "LeBron James scored 34 points as the Lakers beat the Hawks.", "34 points", "points"),
    ("points-scored-rugby", "Owen Farrell kicked 17 points for England at Twickenham on Saturday.", "17 points",
     "points"),
    # a film's takings are box office, whatever verb takes them (trade press, wire copy)
    ("box-office-earned-over-opening-weekend",
     "'Starfall' earned an estimated $85 million in North America over its opening weekend, the studio said.",
     "$85 million", "box office"),
    ("box-office-took-in-opening-weekend",
     "'Starfall' took in $79.4 million in North America in its opening weekend, according to final figures.",
     "$79.4 million", "box office"),
    # what a film earns, grosses or opens to is box office (wire copy, trade press)
    ("box-office-film-earned-globally", "Globally the film earned $295 million.", "$295 million", "box office"),
    ("box-office-sequel-took-in-worldwide", "The sequel took in $80 million worldwide over the holiday.",
     "$80 million", "box office"),
    ("box-office-opened-to-in-theaters",
     "\"Inside Out 2\" opened to an estimated $155 million in North American theaters this weekend.",
     "$155 million", "box office"),
    ("box-office-grossed-cinemas", "The musical grossed $12.4 million at British cinemas in its first week.",
     "$12.4 million", "box office"),
    # a worker's pay: "earnings" after "hourly", "weekly", "average" are wages (US jobs report, UK labour data)
    ("wages-average-hourly-earnings", "Average hourly earnings increased 0.3% last month.", "0.3%", "wages growth"),
    ("wages-annual-increase-left", "Average hourly earnings increased 0.3% last month, leaving the annual increase "
     "at 3.8%.", "3.8%", "wages growth"),
    ("wages-regular-pay-uk", "Regular pay, excluding bonuses, rose 5.2% in the three months to September.",
     "5.2%", "wages growth"),
    ("wages-weekly-earnings-level", "Average weekly earnings were $1,201 in October.", "$1,201", "wages"),
    # an election's share of the votes is vote share, never market share (UK and US election copy)
    ("vote-share-of-the-vote", "Labour's share of the vote was 33.7%, the lowest for a winning party.",
     "33.7%", "vote share"),
    ("vote-share-percent-of-the-vote", "The incumbent won 52.4% of the vote in Tuesday's runoff.",
     "52.4%", "vote share"),
    ("vote-share-popular-vote", "She took 48% of the popular vote, according to official results.",
     "48%", "vote share"),
    ("earned-without-a-film-is-net-income",
     "The home-improvement retailer earned $2.8 billion in the quarter.", "$2.8 billion", "net income"),
    ("hyphenated-word-is-no-line", "Ford's long-term debt stands at $7 billion.", "$7 billion", "debt"),
    ("term-of-a-deal-is-no-part-of-it", "The company signed a five-year deal worth $300 billion.", "$300 billion", "deal"),
    # --- money a share: a price unless earnings words govern it --------------------
    ("per-share-acquisition-is-a-price",
     "Alden acquired the 25.2% stake held by the former chairman for $13 a share, or $117.9 million.",
     "$13", "offer price"),
    ("per-share-restated-total-is-no-eps",
     "Alden acquired the 25.2% stake held by the former chairman for $13 a share, or $117.9 million.",
     "$117.9 million", "offer price"),
    ("per-share-bid", "In December, the hedge fund bid $16.50 per share for the newspaper chain.",
     "$16.50", "offer price"),
    ("per-share-alone-is-a-share-price", "They took the company public in 2014 at $16 a share.",
     "$16", "share price"),
    ("per-share-analysts-expected-is-eps",
     "Analysts polled by Refinitiv had expected $2.52 a share on revenue of $27.53 billion.",
     "$2.52", "earnings per share"),
    ("per-share-net-income-restated-is-eps", "Net income was $1.2 billion, or 95 cents a share, in the quarter.",
     "95 cents", "earnings per share"),
    ("per-share-loss-is-eps", "The airline reported a loss of 12 cents a share for the quarter.",
     "12 cents", "earnings per share"),
    ("per-share-dividend", "The board declared a quarterly dividend of 50 cents a share on Tuesday.",
     "50 cents", "dividend"),
    ("per-share-earnings-after-in", "Home Depot reported $2.53 in per-share earnings for the third quarter.",
     "$2.53", "earnings per share"),
    # --- money per unit of a good is its price ------------------------------------
    ("per-barrel-is-a-price", "U.S. crude fell 3.4% to $55.12 per barrel on Tuesday.", "$55.12", "price"),
    ("per-ounce-is-a-price", "Spot gold added 0.1% to $1,472.19 an ounce.", "$1,472.19", "price"),
    ("per-watt-is-a-price", "The roadmap calls for a reduction in solar module costs from $0.23/W today to $0.10 by 2030.",
     "$0.23", "price"),
    ("change-verb-added", "Spot gold added 0.1% to $1,472.19 an ounce.", "0.1%", "spot gold growth"),
    ("change-verb-lost", "The pan-European STOXX 600 index lost 0.12% on the day.", "0.12%", "index growth"),
    # --- unknown metrics keep the head noun ---------------------------------------
    ("in-object-unknown-noun", "Reed expects to wring as much as $300 million in synergies from the combination.",
     "$300 million", "synergy"),
    ("in-object-vocabulary", "In 2025, the group raised $108 billion in new debt.", "$108 billion", "debt issued"),
    ("to-the-tune-of", "Some of that money has been spent on payments to farmers, to the tune of $28 billion.",
     "$28 billion", "payment"),
    ("subject-of-change-verb", "U.S. agricultural exports to China dropped to $9.1 billion in 2018, down from "
     "$19.5 billion the previous year.", "$9.1 billion", "exports"),
    ("down-from-takes-the-same-subject", "U.S. agricultural exports to China dropped to $9.1 billion in 2018, down from "
     "$19.5 billion the previous year.", "$19.5 billion", "exports"),
    ("of-head-noun", "The publisher could not make a required minimum contribution of $124 million to its pension fund.",
     "$124 million", "contribution"),
    ("debt-level-is-no-debt-issued", "But the company also reported long-term debt of more than $700 million.",
     "$700 million", "debt"),
    ("copula-subject-before-in-object", "The overall impact is now over $4 billion per month in extra tariffs.",
     "$4 billion", "impact"),
    ("currency-word-gives-way", "That would work out to a $75.3 billion dollar hit on economic growth.",
     "$75.3 billion", "hit"),
    ("net-worth", "The post claimed that the ambassador has a net worth of $17 million.", "$17 million", "net worth"),
    ("worth-of-goods", "Tariffs on $360 billion worth of Chinese goods remain in place.", "$360 billion",
     "imports covered by tariffs"),  # money a tariff covers (metrics.toml [tariffed])
    ("spend-on-object", "The state spent $2 billion on road repairs last year.", "$2 billion", "road repair"),
    ("cost-takes-its-subject-metric", "Training a single model could cost $5 billion within a few years.",
     "$5 billion", "training cost"),
    ("saves-is-savings", "The annual plan costs $69.99 and saves you $14 over paying monthly.", "$14", "savings"),
    ("for-price", "Amazon offers the 12-inch MacBook in refurbished condition for $700.", "$700", "price"),
    ("purchase-for-price", "Tribune paid down its debt with the proceeds of the purchase of the newspaper for "
     "$500 million.", "$500 million", "price"),
    ("partitive-subject-of-a-change-verb-is-a-share", "UBS spoke with IT executives. About 60% of surveyed companies "
     "are cutting token costs.", "60%", "share of companies"),
    ("acronym-compound-kept", "Nvidia captured about 90% of accelerator spending, representing some $180 billion in "
     "GPU purchases.", "$180 billion", "GPU purchase"),
    ("partitive-share-of", "About 36% of imports from China are computers and electronic devices.",
     "36%", "share of imports"),
    ("subject-rate-stayed", "The average interest rate on a new vehicle loan stayed below 6 percent in October.",
     "6 percent", "interest rate"),
    ("yield", "Benchmark 10-year notes rose 7/32 in price to yield 1.786% on Monday.", "1.786%", "yield"),
    ("owner-noun-is-no-metric", "Its networking segment grew 263% over the same period.", "263%", "growth"),
    ("generic-noun-gives-way-to-vocabulary", "The ratio of capital expenditure to revenue, what analysts call "
     "capital intensity, has reached 45% for these companies.", "45%", "capital intensity"),
    ("power-is-capacity", "The target will be met with parks such as a 2.1 GW floating solar project.",
     "2.1 GW", "capacity"),
    ("device-power", "It won't supply power, but the 96W adapter that your machine came with will.", "96W", "power"),
    ("be-at-money-is-a-price", "Brent crude was last at $60.73, down 2.74% on the day.", "$60.73", "price"),
    ("duration-takes-no-other-vocabulary", "On the day of the market crash, the chief executive vented for nearly "
     "twenty minutes on a CNBC interview.", "twenty minutes", None),
    ("duration-takes-a-duration-metric", "The hyperscalers assume a six-year depreciation period for servers.",
     "six-year", "depreciation period"),
    ("worth-names-its-noun", "Coty took a majority stake in the cosmetics company in a deal worth $600 million.",
     "$600 million", "deal"),
    ("list-of-goods", "Tariffs of 25% apply to a $250 billion list of Chinese goods.", "$250 billion",
     "imports covered by tariffs"),
    ("participle-takes-the-clause-subject", "The company's 2025 bond has weakened sharply in the past week, "
     "hitting 16.057% on Monday.", "16.057%", "bond"),
    ("contribute-is-a-contribution", "In 2019, savers can contribute up to $19,000 pretax to a 401(k) plan.",
     "$19,000", "contribution"),
    ("duration-is-not-its-clause-subject", "The planemaker's sales have been badly hit following two crashes in "
     "less than five months.", "five months", None),
    ("duration-of-head", "The drone has a range of up to 4km and a battery life of 30 minutes.",
     "30 minutes", "battery life"),
    ("bare-change-subject-lets-vocabulary-speak", "Those gains add to a major gain for shares, climbing more than "
     "80% so far this year.", "80%", "share price growth"),
    ("up-to-is-a-bound-not-a-rise", "Underwriters may buy up to an additional 15 per cent of the offering.",
     "15 per cent", "share of offering"),
    # --- a level is not a change ----------------------------------------------------
    ("level-after-down-from", "The annual percentage rate averaged 5.7 percent in October, down from 6.2 percent "
     "a year earlier.", "6.2 percent", "interest rate"),
    ("level-not-growth-across-comma", "The annual percentage rate averaged 5.7 percent in October, down from 6.2 percent "
     "a year earlier.", "5.7 percent", "interest rate"),
    ("level-rose-to", "The unemployment rate rose to 4.1% in July from 3.9% in June.", "4.1%", "unemployment"),
    ("level-increased-from-to", "Tariffs on Chinese goods were increased from 10% to 25% in May.", "25%", "tariff"),
    ("level-object-of-change-verb", "The government wants manufacturers to increase solar module efficiency from "
     "around 20% today.", "20%", "module efficiency"),
    ("bound-or-higher-is-no-change", "Software companies enjoy gross margins of 70% or higher.", "70%", "gross margin"),
    # --- a change: what changes --------------------------------------------------------
    ("change-object-by", "The budget office projects the tariffs will reduce gross domestic product by 0.3 percent.",
     "0.3 percent", "gdp growth"),
    ("restated-change-or", "The Dow Jones Industrial Average fell 102.2 points, or 0.36%, to 27,934.02.",
     "0.36%", "index growth"),  # an index's change (metrics.toml [indexes])
    ("time-noun-is-no-metric", "Home Depot shares are up about 40% year to date.", "40%", "share price growth"),
    ("growth-noun-subject", "Management said comparable-store sales growth in 2019 will be 3.5%.",
     "3.5%", "comparable sales growth"),
    ("gain-noun-gives-way", "Comparable sales rose 3.6 percent, missing the 4.8 percent gain that was expected.",
     "4.8 percent", "comparable sales growth"),
]


@pytest.mark.parametrize("text,surface,metric", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_metric(nlp, text, surface, metric):
    c = _find(_claims(nlp, text, None), surface)
    assert c.metric == metric, f"metric: got {c.metric!r}, want {metric!r} ({surface!r} in {text!r})"
