"""Sentence in, quantities out: one case per rule of the recogniser.

Each case is (sentence, expected) where expected lists (surface, value-or-(low, high),
unit, approx) for every figure the sentence holds: every quantity recognised that
`figure_refusal` does not set aside as a year, label or name part. Sentences come from
the seed articles and from ordinary press copy.
"""

import pytest

from extract.quantities import figure_refusal, find_numbers, find_quantities, read_numbers, recognise

B = 1e9
M = 1e6

CASES = [
    # money: symbols, codes, words, scales
    ("money-scale-word", "Amazon alone has committed $200 billion to AI infrastructure.",
     [("$200 billion", 200 * B, "USD", "exact")]),
    ("money-bn", "The deal is worth €2.5bn, sources said.", [("€2.5bn", 2.5 * B, "EUR", "exact")]),
    ("money-m-glued", "It paid £300m for the stake.", [("£300m", 300 * M, "GBP", "exact")]),
    ("money-us-dollar-sign", "Revenue reached US$1.2 billion.", [("US$1.2 billion", 1.2 * B, "USD", "exact")]),
    ("money-code-before", "The fund raised RMB 5 billion last year.", [("RMB 5 billion", 5 * B, "CNY", "exact")]),
    ("money-word-after", "a loan of 500 million yuan", [("500 million yuan", 500 * M, "CNY", "exact")]),
    ("money-spelled-out", "Six hundred billion dollars of spending without matching revenue.",
     [("Six hundred billion dollars", 600 * B, "USD", "exact")]),
    ("money-cents", "Shares rose 45 cents.", [("45 cents", 0.45, "USD", "exact")]),
    ("money-small", "ChatGPT Plus at $20 per month is already not cheap.", [("$20", 20, "USD", "exact")]),
    ("money-decimal", "spends $0.12 of every dollar of revenue", [("$0.12", 0.12, "USD", "exact")]),
    ("money-comma", "A developer who spends $10,000 building a product", [("$10,000", 10000, "USD", "exact")]),
    ("money-negative", "The unit posted a result of -$5 million.", [("-$5 million", -5 * M, "USD", "exact")]),
    ("money-banker-mm", "That account's revenue target is US$ 1MM.", [("US$ 1MM", 1 * M, "USD", "exact")]),
    # accounting negatives: a money amount alone in parentheses
    ("money-accounting-negative", "The annual revenue is ($99.99).", [("($99.99)", -99.99, "USD", "exact")]),
    ("money-accounting-negative-scaled", "Operating income for the quarter was ($3.2 million).",
     [("($3.2 million)", -3.2 * M, "USD", "exact")]),
    ("money-aside-in-parentheses", "The basic plan ($10) is the most popular.", [("$10", 10.0, "USD", "exact")]),
    ("money-conversion-in-parentheses", "Tickets cost £5 ($6.50) at the door.",
     [("£5", 5, "GBP", "exact"), ("$6.50", 6.5, "USD", "exact")]),
    ("money-aside-in-parentheses", "The cheapest plan (about $5 a month) sold out.",
     [("$5", 5, "USD", "approximately")]),
    # ranges
    ("range-between-and", "Alphabet has roughly doubled its guidance to between $175 and $185 billion.",
     [("doubled", 2, "times", "approximately"), ("$175 and $185 billion", (175 * B, 185 * B), "USD", "exact")]),
    ("range-hyphen", "Alphabet raised its 2026 capital expenditure guidance to $180-190 billion.",
     [("$180-190 billion", (180 * B, 190 * B), "USD", "exact")]),
    ("range-en-dash", "It examined approximately $30–40 billion in corporate spending.",
     [("$30–40 billion", (30 * B, 40 * B), "USD", "approximately")]),
    ("range-both-scaled", "on track to spend somewhere between $700 billion and $900 billion on AI",
     [("$700 billion and $900 billion", (700 * B, 900 * B), "USD", "approximately")]),
    ("range-scaled-ends", "US$1.2 billion-$1.5 billion in new bonds",
     [("US$1.2 billion-$1.5 billion", (1.2 * B, 1.5 * B), "USD", "exact")]),
    ("range-or-even", "training a single model could cost $5 billion or even $10 billion.",
     [("$5 billion or even $10 billion", (5 * B, 10 * B), "USD", "approximately")]),
    ("range-or", "Five or six people were hurt.", [("Five or six people", (5, 6), "count", "approximately")]),
    ("or-alternatives-other-scale", "Estimates of the debt are either 10 bln or 10 tln, depending on the source.",
     [("10 bln", 10 * B, "count", "exact"), ("10 tln", 10e12, "count", "exact")]),
    ("or-alternatives-far-apart", "The fine could be $2 million or $500 million.",
     [("$2 million", 2 * M, "USD", "exact"), ("$500 million", 500 * M, "USD", "exact")]),
    ("hedge-surpassing-the-known-figure", "revenue reached $25 billion, surpassing the $21 billion depreciation costs",
     [("$25 billion", 25 * B, "USD", "exact"), ("$21 billion", 21 * B, "USD", "exact")]),
    ("hedge-topped-the-mark", "Sales topped the $1 billion mark in May.", [("$1 billion", 1 * B, "USD", "more than")]),
    ("hedge-exceeding-a", "a figure exceeding 32% of revenue", [("32%", 32, "percent", "more than")]),
    ("range-percent-to", "capital intensity has reached 45 to 57% for these companies.",
     [("45 to 57%", (45, 57), "percent", "exact")]),
    ("range-percent-from-to", "Estimates ranged from 45% to 57% for these companies.",
     [("45% to 57%", (45, 57), "percent", "exact")]),
    # a change from one figure to another is two figures, not a range
    ("change-from-to-percent", "Turnout rose from 45% to 57% in a decade.",
     [("45%", 45, "percent", "exact"), ("57%", 57, "percent", "exact")]),
    ("change-from-to-passive", "Tariffs on Chinese goods were increased from 10% to 25% in May 2019.",
     [("10%", 10, "percent", "exact"), ("25%", 25, "percent", "exact")]),
    ("change-from-to-adverb", "Revenue jumped sharply from $10 billion to $12.5 billion last year.",
     [("$10 billion", 10e9, "USD", "exact"), ("$12.5 billion", 12.5e9, "USD", "exact")]),
    ("change-from-to-noun", "an increase from 2.5% to 3% in the rate",
     [("2.5%", 2.5, "percent", "exact"), ("3%", 3, "percent", "exact")]),
    ("change-from-to-after-amount", "Sales rose 20% from $10 million to $12 million.",
     [("20%", 20, "percent", "exact"), ("$10 million", 10e6, "USD", "exact"), ("$12 million", 12e6, "USD", "exact")]),
    ("change-from-to-object-between", "Seoul expects producers to increase the average efficiency of multi-junction "
     "devices from 23% to 35%.", [("23%", 23, "percent", "exact"), ("35%", 35, "percent", "exact")]),
    ("range-from-to-no-change", "Prices run from $5 to $8 a bottle.", [("$5 to $8", (5, 8), "USD", "exact")]),
    ("range-percent-hyphen-hedge", "gross margins of 70%-80% or higher", [("70%-80%", (70, 80), "percent", "at least")]),
    ("range-words-years", "could fundamentally improve in the next two to three years",
     [("two to three years", (2, 3), "year", "exact")]),
    ("range-words-years-within", "could fundamentally improve within two to three years",
     [("two to three years", (2, 3), "year", "up to")]),
    ("range-scale-both-ends", "between 2 and 3 million people", [("2 and 3 million people", (2 * M, 3 * M), "count", "exact")]),
    # percent and points
    ("percent-sign", "95% of those pilots produced no measurable impact.", [("95%", 95, "percent", "exact")]),
    ("percent-spelled", "Ninety-five percent.", [("Ninety-five percent", 95, "percent", "exact")]),
    ("percent-word", "Unemployment fell to 4.1 per cent in May.", [("4.1 per cent", 4.1, "percent", "exact")]),
    ("percentage-points", "The margin widened by 3 percentage points.", [("3 percentage points", 3, "percentage_point", "exact")]),
    ("basis-points", "The Fed raised rates by 25 basis points.", [("25 basis points", 25, "basis_point", "exact")]),
    # multipliers
    ("times-comparative", "legal roles saw median monthly output tokens 13 times higher than November 2025",
     [("13 times", 13, "times", "exact")]),
    ("times-up-to", "Agentic coding tasks can consume up to 1000 times more tokens.",
     [("1000 times", 1000, "times", "up to")]),
    ("times-vary-by", "Token consumption for the same task can vary by 30 times across different runs.",
     [("30 times", 30, "times", "up to")]),
    ("times-x", "Inference got 1000x cheaper.", [("1000x", 1000, "times", "exact")]),
    ("fivefold", "active Codex users grew more than fivefold", [("fivefold", 5, "times", "more than")]),
    ("doubling", "more than doubling its 2025 outlay", [("doubling", 2, "times", "more than")]),
    ("order-of-magnitude", "has already fallen by an order of magnitude.", [("order of magnitude", 10, "times", "approximately")]),
    ("times-after-growth-verb", "The number of colleges has increased four times since 2017.",
     [("four times", 4, "times", "exact")]),
    ("doubled-over-years", "Threats have doubled over the period.", [("doubled", 2, "times", "exact")]),
    ("model-code-is-no-range", "Emirates ordered the 787-9 and the A350-900.", []),
    ("falling-pair-still-range-if-rising", "Prices rose 10-12% this year.", [("10-12%", (10, 12), "percent", "exact")]),
    ("doubles-as-is-no-multiple", "The screen also doubles as a camera display.", []),
    ("times-occurrences", "repeatedly scraping Claude 28.8 million times",
     [("28.8 million times", 28.8 * M, "count", "exact")]),
    ("factor-of-words", "The plan gives more than the tax cuts by at least a factor of two.",
     [("factor of two", 2, "times", "at least")]),
    ("factor-of-digits", "Costs fell by a factor of 10 over the decade.", [("factor of 10", 10, "times", "exact")]),
    ("light-years", "The simulated universe is some 230 million light-years wide.",
     [("230 million light-years", 230e6 * 9.4607304725808e15, "m", "approximately")]),
    # ratios "N in M": a share, in percent
    ("ratio-digits", "Only 1 in 10 people with addiction get treatment.", [("1 in 10", 10, "percent", "exact")]),
    ("ratio-words-out-of-every", "One out of every three children is obese.",
     [("One out of every three", 33.3333333333, "percent", "exact")]),
    ("ratio-not-a-year", "He finished 1 in 2020.", [("1", 1, "count", "exact")]),
    # hedges between a count and its noun
    ("count-plus-sign", "The chain has 60+ stores in the region.", [("60+ stores", 60, "count", "at least")]),
    ("count-hyphen-plus", "Nominees once got 95-plus votes in the Senate.", [("95-plus votes", 95, "count", "at least")]),
    ("count-or-fewer", "Firms with 10 or fewer staff are exempt.", [("10 or fewer staff", 10, "count", "up to")]),
    # fractions
    ("fraction-nearly-half", "AI spending has been cut by nearly half.", [("half", 50, "percent", "approximately")]),
    ("fraction-two-thirds", "Two-thirds of respondents said so.", [("Two-thirds", 66.66666666667, "percent", "exact")]),
    # counts, units, durations
    ("count-noun", "data from over 1,000 companies", [("1,000 companies", 1000, "count", "more than")]),
    ("power-mw", "the Colossus-1 data center with 300MW capacity", [("300MW", 3e8, "W", "exact")]),
    ("power-gw", "15.2GW of capacity is under construction", [("15.2GW", 1.52e10, "W", "exact")]),
    ("tolerance-plus-or-minus", "revenue of about $65 billion, plus or minus 2%",
     [("$65 billion", 65 * B, "USD", "approximately"), ("2%", 2.0, "percent", "up to")]),
    ("length-microns", "Fine particles of 2.5 microns reach deep into the lungs.", [("2.5 microns", 2.5e-6, "m", "exact")]),
    ("energy-twh", "Data centres used 415 TWh of electricity.", [("415 TWh", 415 * 3.6e15, "J", "exact")]),
    ("duration-adjective", "over an approximate six-year usage cycle", [("six-year", 6, "year", "approximately")]),
    ("duration-less-than", "if the lifespan is shorter than six years", [("six years", 6, "year", "less than")]),
    ("duration-beyond", "The payback period stretches beyond ten years.", [("ten years", 10, "year", "more than")]),
    ("duration-minutes", "Karp vented for nearly twenty minutes on CNBC.", [("twenty minutes", 20, "minute", "approximately")]),
    ("duration-more-between", "The plant will need two more years to finish.", [("two more years", 2, "year", "exact")]),
    ("duration-straight-between", "Sales have fallen for three straight years.",
     [("three straight years", 3, "year", "exact")]),
    ("duration-additional-between", "The launch slipped by an additional six months.",
     [("six months", 6, "month", "exact")]),
    # durations the text asserts, not time windows
    # "within N" bounds the length (news gold: "within N" is "up to")
    ("duration-within", "Montagnier has said all vaccinated people will die within two years.",
     [("two years", 2, "year", "up to")]),
    ("duration-within-hedge", "Drinking the leaves can kill the cells within 24 hours of intake.",
     [("24 hours", 24, "hour", "up to")]),
    ("duration-within-plague", "Plague can be fatal if not treated with antibiotics within 24 hours of the onset.",
     [("24 hours", 24, "hour", "up to")]),
    ("duration-in-short-span", "No, the scheme won't double your money in 45 minutes.",
     [("45 minutes", 45, "minute", "exact")]),
    ("duration-in-weeks", "Coconut water can treat typhoid in two weeks.", [("two weeks", 14, "day", "exact")]),
    ("duration-in-just", "a drug which can cure monkeypox in just two days", [("two days", 2, "day", "exact")]),
    ("duration-in-hedge", "the first icebreakers the United States has seen in over 40 years",
     [("40 years", 40, "year", "more than")]),
    ("duration-after-superlative", "For the first time in 35 years, more businesses are dying than starting.",
     [("35 years", 35, "year", "exact")]),
    ("duration-after-superlative-highest", "Treatment admissions reached their highest point in 20 years.",
     [("20 years", 20, "year", "exact")]),
    ("duration-possessive-first", "offshoring rose in his first 18 months in office",
     [("18 months", 18, "month", "exact")]),
    ("duration-between-events-after", "His body looked the same as it did 12 years after his death.",
     [("12 years", 12, "year", "exact")]),
    ("duration-between-events-before", "Drinking water 30 minutes before a meal helps digestion.",
     [("30 minutes", 30, "minute", "exact")]),
    ("duration-prior-to", "neither parent was a legal resident for 5 years prior to her birth",
     [("5 years", 5, "year", "exact")]),
    # engines, screens, games (autos, tech press): SI units, scaled (CONTRACT.md)
    ("power-horsepower", "The new version gets a new 149 horsepower, 2-liter engine.",
     [("149 horsepower", 149 * 745.69987158227, "W", "exact"), ("2-liter", 0.002, "m3", "exact")]),
    ("power-hp-hyphen", "It has a rear-mounted 275-horsepower motor and a 176 hp engine.",
     [("275-horsepower", 275 * 745.69987158227, "W", "exact"), ("176 hp", 176 * 745.69987158227, "W", "exact")]),
    ("power-ps-torque", "It puts out 151 PS along with 197 Nm of torque.",
     [("151 PS", 151 * 735.49875, "W", "exact"), ("197 Nm", 197, "N·m", "exact")]),
    ("fuel-economy", "It will get the equivalent of 90 miles per gallon (38 kilometers per liter) of gasoline.",
     [("90 miles per gallon", 90 * 425143.7074800001, "m/m3", "exact"),
      ("38 kilometers per liter", 38e6, "m/m3", "exact")]),
    ("frame-rate-words", "players get streaming at 60 frames per second", [("60 frames per second", 60, "fps", "exact")]),
    ("frame-rate-glued", "It runs at 60fps, and 30fps in others.", [("60fps", 60, "fps", "exact"), ("30fps", 30, "fps", "exact")]),
    ("teraflop", "Google promised powerful 10.7 teraflop hardware.", [("10.7 teraflop", 1.07e13, "FLOPS", "exact")]),
    # points: a score in sport, a percentage point in a poll or rate sentence
    ("points-sport", "Anthony Davis scored 34 points during the Lakers' fifth straight victory.",
     [("34 points", 34, "points", "exact")]),
    ("points-sport-straight", "the Thunder scored nine straight points to cut the lead",
     [("nine straight points", 9, "points", "exact")]),
    ("points-poll", "Biden holds a 20-point lead over Sanders in the latest poll.",
     [("20-point", 20, "percentage_point", "exact")]),
    ("points-rate-quarter", "The Fed's decision to cut its benchmark interest rate by a quarter-point last month",
     [("a quarter-point", 0.25, "percentage_point", "exact")]),
    ("points-rate-quarter-of-a-percentage-point", "The Bank of England raised interest rates by a quarter of a "
     "percentage point to 5.25%.", [("a quarter of a percentage point", 0.25, "percentage_point", "exact"),
                                    ("5.25%", 5.25, "percent", "exact")]),
    ("points-poll-three-quarters", "The party's vote share fell by three-quarters of a percentage point.",
     [("three-quarters of a percentage point", 0.75, "percentage_point", "exact")]),
    ("points-rate-half-a-point", "Mortgage rates rose half a point in a week, the survey showed.",
     [("half a point", 0.5, "percentage_point", "exact")]),
    ("points-index-half-a-point", "The index fell half a point in early trading.",
     [("half a point", 0.5, "points", "exact")]),
    # one and a half of a duration (sport, politics)
    ("and-a-half-hyphens", "Pochettino was sacked after five-and-a-half years in charge.",
     [("five-and-a-half years", 5.5, "year", "exact")]),
    ("tenure-in-prison", "He was released after 12 years in prison, his lawyer said.", [("12 years", 12, "year", "exact")]),
    ("a-year-and-a-half", "But more than a year and a half into the biggest trade war",
     [("a year and a half", 1.5, "year", "more than")]),
    # multiples and halves of what follows (media business, politics)
    ("twice-the-rate", "Alden papers have been cutting staff at about twice the rate of the industry.",
     [("twice", 2, "times", "approximately")]),
    ("triple-that", "he pressed his team to more than triple that figure", [("triple", 3, "times", "more than")]),
    ("half-the-size", "GateHouse-owned newsrooms are often half the size within months.", [("half", 50, "percent", "exact")]),
    # a figure restated in other units takes the hedge of the first (science, weather)
    ("conversion-takes-hedge", "there was about 2,300 tons (2,095 metric tons) of water vapour",
     [("2,300 tons", 2300 * 907.18474, "kg", "approximately"), ("2,095 metric tons", 2.095e6, "kg", "approximately")]),
    ("conversion-or-takes-hedge", "a pool contains about 2,750 tons, or 2,500 metric tons, of water",
     [("2,750 tons", 2750 * 907.18474, "kg", "approximately"), ("2,500 metric tons", 2.5e6, "kg", "approximately")]),
    ("conversion-up-to", "Alibaba is set to raise up to $12.9bn (£10bn) from its listing.",
     [("$12.9bn", 12.9e9, "USD", "up to"), ("£10bn", 10e9, "GBP", "up to")]),
    # "from A to B" after a change earlier in the clause is two figures (health studies)
    ("change-from-after-comma", "Problematic use rose by 37 percent, from 0.90 percent to 1.23 percent, after legalization.",
     [("37 percent", 37, "percent", "exact"), ("0.90 percent", 0.9, "percent", "exact"),
      ("1.23 percent", 1.23, "percent", "exact")]),
    # a known figure compared with is exact; a maximum bounds (fact-checks, contracts)
    ("less-than-the-figure", "That's less than the $53 million figure McKinley cited.", [("$53 million", 53e6, "USD", "exact")]),
    ("maximum-value", "contracts with a combined maximum value of $2.6bn over the next decade",
     [("$2.6bn", 2.6e9, "USD", "up to")]),
    ("just-over", "In those years, just over half were female.", [("half", 50, "percent", "more than")]),
    # hedges
    ("hedge-crossed-a", "Microsoft's AI business crossed a $37 billion annual run rate, up 123% year-over-year.",
     [("$37 billion", 37 * B, "USD", "more than"), ("123%", 123, "percent", "exact")]),
    ("hedge-as-much-as", "Meta raised its full-year guidance to as much as $145 billion.",
     [("$145 billion", 145 * B, "USD", "up to")]),
    ("hedge-could-reach", "capital expenditure this year could reach $200 billion.", [("$200 billion", 200 * B, "USD", "up to")]),
    ("hedge-break-the", "flagship models are expected to break the $1 billion barrier.", [("$1 billion", 1 * B, "USD", "more than")]),
    ("hedge-at-least", "would need to produce at least $600 billion in annual revenue", [("$600 billion", 600 * B, "USD", "at least")]),
    ("hedge-something-in-the-range", "something in the range of $180 billion in GPU purchases",
     [("$180 billion", 180 * B, "USD", "approximately")]),
    ("hedge-tilde", "a market of ~$40 billion", [("$40 billion", 40 * B, "USD", "approximately")]),
    # vague magnitudes
    ("vague-hundreds-of-billions", "splurged on data centers for hundreds of billions of dollars",
     [("hundreds of billions of dollars", (1e11, 1e12), "USD", "approximately")]),
    ("vague-adjective", "Where does this trillion-dollar gamble end?", [("trillion-dollar", 1e12, "USD", "approximately")]),
    ("vague-count", "connects thousands of GPUs into a coherent system", [("thousands of GPUs", (1e3, 1e4), "count", "approximately")]),
    # money written after the number, in words, with sub-units
    ("money-sign-after", "Tickets cost 15€ at the door.", [("15€", 15, "EUR", "exact")]),
    ("money-pounds-scaled", "its quarterly operating profit improved to 361 million pounds",
     [("361 million pounds", 361 * M, "GBP", "exact")]),
    ("pounds-weight", "He lost 20 pounds in a month.", [("20 pounds", 20 * 0.45359237, "kg", "exact")]),
    ("money-dollars-and-cents", "it only cost thirteen dollars and forty-five cents",
     [("thirteen dollars and forty-five cents", 13.45, "USD", "exact")]),
    ("money-dimes", "That one costs 3 dimes", [("3 dimes", 0.3, "USD", "exact")]),
    ("money-lakh-crore", "The outlay is three lakh crore rupees.", [("three lakh crore rupees", 3e12, "INR", "exact")]),
    ("money-lowercase-code-after", "It was priced at 40 rmb.", [("40 rmb", 40, "CNY", "exact")]),
    ("money-scale-mil", "The club paid $2 mil for him.", [("$2 mil", 2 * M, "USD", "exact")]),
    ("percent-then-money-is-no-range", "For the nine months, AMR's net rose 15% to $415.9 million.",
     [("15%", 15, "percent", "exact"), ("$415.9 million", 415.9 * M, "USD", "exact")]),
    ("percent-negative-word", "Growth came in at minus 0.5 percent.", [("minus 0.5 percent", -0.5, "percent", "exact")]),
    # spelled-out numbers, fractions and mixed numbers
    ("mixed-and-a-half-years", "The build-out took one and a half years.",
     [("one and a half years", 1.5, "year", "exact")]),
    ("mixed-and-a-half-million", "About two and a half million people lost power.",
     [("two and a half million people", 2.5 * M, "count", "approximately")]),
    ("million-and-a-half", "The population is 3 million and a half", [("3 million and a half", 3.5 * M, "count", "exact")]),
    ("half-a-dozen", "Half a dozen banks have applied.", [("Half a dozen banks", 6, "count", "exact")]),
    ("hundred-and", "I want a hundred and two of those", [("a hundred and two", 102, "count", "exact")]),
    ("spelled-with-comma", "three million, two hundred and forty, you say?",
     [("three million, two hundred and forty", 3000240, "count", "exact")]),
    ("point-in-words", "The index fell to nine point four.", [("nine point four", 9.4, "count", "exact")]),
    ("fraction-plain", "The recipe calls for five eighths.", [("five eighths", 0.625, "count", "exact")]),
    ("fraction-a-third-of", "A third of the budget went to chips.", [("A third", 100 / 3, "percent", "exact")]),
    ("fraction-of-a-million", "two thirds of a million visitors",
     [("two thirds of a million visitors", 2e6 / 3, "count", "exact")]),
    ("mixed-slash", "it takes more than 10 1/2 miles of cable", [("10 1/2 miles", 10.5 * 1609.344, "m", "more than")]),
    ("fraction-hyphen-adjective", "each of the 47 counties has met the two-thirds threshold",
     [("47 counties", 47, "count", "exact"), ("two-thirds", 200 / 3, "percent", "exact")]),
    ("mixed-hyphen-slash", "an end to a near 1-1/2 year trade war", [("1-1/2 year", 1.5, "year", "exact")]),
    ("slash-fraction-with-noun", "or about 1/4 cup lemon juice", [("1/4 cup", 0.25, "count", "approximately")]),
    ("dozen-without-article", "after the initial dozen offerings were revealed", [("dozen offerings", 12, "count", "exact")]),
    ("half-million-demonym", "over a half million Floridians are going to lose their coverage",
     [("a half million Floridians", 5e5, "count", "more than")]),
    ("multi-trillion-is-no-figure", "an unhinged multi-trillion-dollar wealth tax", []),
    # digit forms
    ("space-grouped", "For now, China's population is 1 414 021 100.", [("1 414 021 100", 1414021100, "count", "exact")]),
    ("scientific-times-ten", "by a factor of 2.48×10−5, with 6.0-sigma significance",
     [("2.48×10−5", 2.48e-5, "count", "exact"), ("6.0-sigma", 6, "count", "exact")]),
    ("scientific-e", "The sample held 1.3e6 cells.", [("1.3e6 cells", 1.3e6, "count", "exact")]),
    ("glued-upper-m", "I can give you 10M.", [("10M", 10 * M, "count", "exact")]),
    # units
    ("area-adjective", "to help buy a 45-acre horse farm", [("45-acre", 45 * 4046.8564224, "m2", "exact")]),
    ("speed-an-hour", "can run at over 188 miles an hour", [("188 miles an hour", 188 * 0.44704, "m/s", "more than")]),
    ("loose-range-not-negative", "an ef 75 -300mm lens", [("75 -300mm", (0.075, 0.3), "m", "exact")]),
]

# Strings that are no number of anything: recognition refuses them, with a reason.
NOT_NUMBERS = [
    ("model-name-hyphen", "GPT-4's training cost was estimated", "4", "name or code"),
    ("model-name-glued", "Zhipu GLM-5.2 is among the first", "5.2", "name or code"),
    ("product-code", "Anthropic took over the Colossus-1 data center", "1", "name or code"),
    ("disease-code", "COVID-19 cases rose again", "19", "name or code"),
    ("quarter-label", "AWS revenue grew in Q1 this year", "1", None),
    ("ordinal", "In the 19th century railroad bubble", "19", "glued"),
    ("time-of-day", "The market closed at 4:30 pm.", "4", "time of day"),
    ("time-of-day-pm", "At 2 pm everybody will be gone.", "2", "time of day"),
    ("phone", "Call 555-123-4567 for details.", "555", "phone"),
    ("url", "Telegram subscription group: https://t.me/theblockbeats2024", "2024", None),
    ("ticker-like", "a16z said many practitioners agree", "16", None),
    ("span-of-years", "We produced nothing in 2013-14.", "2013", "span of years"),
    ("around-the-clock", "Support is available 24/7 from the exchange.", "24", "'/'"),
    ("pronoun-one", "Which one do you prefer?", "one", "pronoun"),
]

# Numbers recognition reads but that are no figure: `figure_refusal` says why.
NOT_FIGURES = [
    # ages are no claims (news gold "Not claims"): read in years, set aside with the reason
    ("age-range", "The UK banned the vaccine for children age 5-11.", "5-11", "an age"),
    ("age-of", "The rapper died at the age of 34, TMZ reported.", "34", "an age"),
    ("age-aged-words", "Pupils may change gender aged FOUR without consent.", "FOUR", "an age"),
    ("age-aged-range", "Condoms are free for people aged 18 to 25.", "18 to 25", "an age"),
    ("age-dead-at", "Bill Murray Dead at 81", "81", "an age"),
    ("age-then-count", "At age 30 he had 3 children.", "30", "an age"),
    ("age-year-old", "Police said a 55-year-old man was arrested.", "55", "an age"),
    ("age-month-old", "9-Month-Old's Life Support Restraining Order Extended", "9", "an age"),
    ("age-band-years-old", "respondents aged between 12 to 17-years-old who had used it", "12", "an age"),
    # an acceleration benchmark is no figure; its time is
    ("zero-to-sixty", "the car from zero to 60 mph (97 kph) in 5.8 seconds", "60 mph", "acceleration benchmark"),
    ("zero-to-sixty-converted", "goes from zero to 60 mph (97 kph) in 5.8 seconds", "97 kph", "acceleration benchmark"),
    ("zero-to-hundred-kmh", "It sprints from 0-100 km/h in 4.1 seconds.", "100 km/h", "acceleration benchmark"),
    # a game clock is a time window
    ("game-clock-left", "Caldwell-Pope drilled a 3-pointer with 55 seconds left.", "55 seconds", "time window"),
    ("game-clock-remaining", "Kane scored with two minutes remaining in the third period.", "two minutes", "time window"),
    ("year", "In 2025, global tech giants' investments reached staggering proportions.", "2025", "a year"),
    ("year-adjective", "Alphabet raised its 2026 capital expenditure guidance.", "2026", "a year"),
    ("model-name-version", "open-source models like GLM 5.2 and Kimi 2.7", "2.7", "name or version"),
    ("name-number", "taken since the passage of Voyager 2 in 1979", "2", "name or version"),
    ("list-numbering", "1. Continued Breakthroughs in Inference Efficiency", "1", "list numbering"),
    ("decade", "During the late 1990s, telecom companies borrowed", "1990", "a decade"),
    ("day-of-month", "The results came on June 5, 2026.", "5", "day of a month"),
    ("time-window-past", "the pace of gains over the past two years", "two", "time window"),
    ("time-window-ago", "If this news had come out three years ago", "three", "time window"),
    ("time-window-in-months", "The tools have gotten considerably better in twelve months.", "twelve", "time window"),
    ("time-window-in-years-question", "What can happen in 30 years? A senator gets rich.", "30", "time window"),
    ("time-window-superlative-in-another-sentence", "It was the first. In 30 years, it changed.", "30", "time window"),
    ("time-window-within-the-next", "Costs may fall within the next two years.", "two", "time window"),
    ("time-window-first-months", "We created as many jobs in the first six months of this year.", "six", "time window"),
    ("time-window-after", "After three years of losses, the company turned a profit.", "three", "time window"),
    ("time-window-after-more", "After two more years of this, what is left?", "two", "time window"),
    ("time-window-later", "You walk in two hours later and catch it.", "two", "time window"),
    ("article-currency", "Oh look, a penny!", "a penny", "article"),
    ("label", "He wears shirt No. 10 for the club.", "10", "label"),
    ("model-glued-scale", "when the SLS, particularly its Block 1B variant, flies", "1B", "name or model"),
]


# The number layer: every free number as written, with its scale word, no currency or unit.
NUMBERS = [
    ("money-digits", "ChatGPT Plus at $20 per month is already not cheap.", [("20", 20)]),
    ("money-scale-word", "Amazon alone has committed $200 billion to AI.", [("200 billion", 200 * B)]),
    ("money-and-duration", "I want to earn $10000 in 3 years.", [("10000", 10000), ("3", 3)]),
    ("scale-bn-glued", "The deal is worth €1.2bn, sources said.", [("1.2bn", 1.2 * B)]),
    ("scale-mil-before-code", "2mil SEK can't buy you a big apartment in Stockholm.", [("2mil", 2 * M)]),
    ("scale-banker-mm", "That account's revenue target is US$ 1MM.", [("1MM", 1 * M)]),
    ("scale-k", "The post drew 40k comments.", [("40k", 40e3)]),
    ("words-and-digits", "I can give you 3 hundred and 21 yuan.", [("3 hundred and 21", 321)]),
    ("spelled-with-scale", "Six hundred billion dollars of spending.", [("Six hundred billion", 600 * B)]),
    ("words-across-a-comma", "one million, two hundred thousand people", [("one million, two hundred thousand", 1.2 * M)]),
    ("digits-end-at-a-comma", "a deal worth about $300 billion, one of the largest ever",
     [("300 billion", 300 * B), ("one", 1)]),
    ("fraction-as-written", "More than half the residents came.", [("half", 0.5)]),
    ("fraction-of-a-million", "two thirds of a million visitors", [("two thirds of a million", 2e6 / 3)]),
    ("count-without-noun", "Twenty-six people die in accident at Techiman.", [("Twenty-six", 26)]),
    ("percent-range-ends", "capital intensity has reached 45 to 57% for these companies.", [("45", 45), ("57", 57)]),
    ("negative", "The index closed at -5.2 points.", [("-5.2", -5.2)]),
    ("accounting-parentheses", "The annual revenue is ($99.99).", [("99.99", 99.99)]),
    ("spaced-unit-leaves-number", "The road runs for 29 km along the coast.", [("29", 29)]),
    ("date-parts", "Any time to meet on 5/17/2018?", [("5", 5), ("17", 17), ("2018", 2018)]),
    ("alternatives", "either 10 bln or 10 tln", [("10 bln", 10 * B), ("10 tln", 10e12)]),
    ("pronoun-one", "Which one do you prefer?", []),
]

# Numbers that are part of a longer token: left out of the number layer, with the reason.
NOT_FREE_NUMBERS = [
    ("unit-glued", "Pour in the 180ml liquid.", "180", "glued"),
    ("unit-glued-km", "They drove along the 29km road.", "29", "glued"),
    ("ordinal", "See you on May 4th then.", "4", "glued"),
    ("network-5g", "5G networks are rolling out across Europe.", "5", "glued"),
    ("model-name", "GPT-4 was trained on more data.", "4", "name or code"),
    ("code-with-digits", "The file scp2-173 was sealed.", "173", "code"),
    ("time-of-day", "The market closed at 4:30 pm.", "30", "time of day"),
    ("time-of-day-pm", "At 2 pm everybody will be gone.", "2", "time of day"),
    ("phone-international", "My phone number is +1-222-2222/2222.", "222", "phone"),
    ("url", "Telegram subscription group: https://t.me/theblockbeats2024", "2024", None),
]


def _expected_value(v):
    return (None, v[0], v[1]) if isinstance(v, tuple) else (v, None, None)


def figures(sentence):
    return [q for q in find_quantities(sentence) if figure_refusal(sentence, q) is None]


@pytest.mark.parametrize("sentence,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_recognises(sentence, expected):
    got = figures(sentence)
    assert [q.surface for q in got] == [e[0] for e in expected]
    for q, (surface, v, unit, approx) in zip(got, expected):
        value, low, high = _expected_value(v)
        assert sentence[q.start:q.end] == q.surface == surface
        assert q.unit == unit
        assert q.approx.value == approx
        for got_v, want in ((q.value, value), (q.low, low), (q.high, high)):
            if want is None:
                assert got_v is None
            else:
                assert got_v == pytest.approx(want, rel=1e-9)


@pytest.mark.parametrize("sentence,number,reason", [c[1:] for c in NOT_NUMBERS], ids=[c[0] for c in NOT_NUMBERS])
def test_refuses_non_numbers(sentence, number, reason):
    quantities, rejected = recognise(sentence)
    start = sentence.index(number)
    assert not any(q.start <= start < q.end for q in quantities), quantities
    if reason:
        assert any(r.start <= start < r.end and reason in r.reason for r in rejected), rejected


@pytest.mark.parametrize("sentence,number,reason", [c[1:] for c in NOT_FIGURES], ids=[c[0] for c in NOT_FIGURES])
def test_reads_but_sets_aside_non_figures(sentence, number, reason):
    start = sentence.index(number)
    hits = [q for q in find_quantities(sentence) if q.start <= start < q.end]
    assert hits, "recognition reads every number"
    assert reason in (figure_refusal(sentence, hits[0]) or "")


def test_recognition_reads_bare_numbers_with_true_offsets():
    text = "Voyager 2, launched in 1979; 22,24,26 and 5/17/2018 are numbers too, as is one hundred and five."
    got = [(q.surface, q.value) for q in find_quantities(text)]
    assert got == [("2", 2), ("1979", 1979), ("22", 22), ("24", 24), ("26", 26), ("5", 5), ("17", 17), ("2018", 2018),
                   ("one hundred and five", 105)]
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.surface


def test_offsets_are_into_the_original_text():
    text = "Menu\nAWS revenue grew 28% in Q1, reaching $37.6 billion."
    qs = find_quantities(text, start=5)
    assert [text[q.start:q.end] for q in qs] == ["28%", "$37.6 billion"]


@pytest.mark.parametrize("sentence,expected", [c[1:] for c in NUMBERS], ids=[c[0] for c in NUMBERS])
def test_finds_numbers(sentence, expected):
    got = find_numbers(sentence)
    assert [sentence[n.start:n.end] for n in got] == [e[0] for e in expected]
    for n, (_, value) in zip(got, expected):
        assert n.value == pytest.approx(value, rel=1e-9)


@pytest.mark.parametrize("sentence,number,reason", [c[1:] for c in NOT_FREE_NUMBERS],
                         ids=[c[0] for c in NOT_FREE_NUMBERS])
def test_leaves_out_numbers_inside_tokens(sentence, number, reason):
    numbers, left_out = read_numbers(sentence)
    start = sentence.index(number)
    assert not any(n.start <= start < n.end for n in numbers), numbers
    if reason:
        assert any(r.start <= start < r.end and reason in r.reason for r in left_out), left_out


def test_numbers_agree_with_quantities():
    text = "Alphabet guided to $175-185 billion, up from 52.5 billion dollars, with 1,000 new jobs."
    numbers = [(text[n.start:n.end], n.value) for n in find_numbers(text)]
    assert numbers == [("175", 175), ("185 billion", 185 * B), ("52.5 billion", 52.5 * B), ("1,000", 1000)]
    spans = [(q.start, q.end) for q in find_quantities(text)]
    assert all(any(s <= n.start and n.end <= e for s, e in spans) for n in find_numbers(text))


def test_numbers_keep_true_offsets_in_a_window():
    text = "Menu\nAWS revenue grew 28% in Q1, reaching $37.6 billion."
    assert [text[n.start:n.end] for n in find_numbers(text, start=5)] == ["28", "37.6 billion"]
