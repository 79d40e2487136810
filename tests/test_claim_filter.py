"""Recognition reads every number; the claim filter keeps the figures.

Real press sentences in, claims out: bare numbers, years, labels, name parts and
time windows are read by the recogniser and set aside by `is_claim`, each with its
reason; figures with a unit or a counted noun stay.
"""

import pytest

from extract.records import Article
from extract.pipeline import extract_claims, is_claim

CASES = [
    ("year-and-money", "In 2025, Amazon committed $200 billion to data centers.", ["$200 billion"]),
    # ages are no claims (news gold "Not claims"), whether in apposition or as descriptors
    ("appositive-age", "Patrick W. Carlineo Jr., 55, faces up to 10 years in prison.", ["10 years"]),
    ("age-descriptor", "Police said a 55-year-old man was arrested with 30 grams of meth.", ["30 grams"]),
    ("appositive-number-after-a-company-is-no-age", "Rankings put Apple, 3, and Google, 4, near the top.", []),
    ("change-by-amount", "Since 2012, South Africa's unemployed population has grown by 121,000.", ["121,000"]),
    ("change-to-level", "The death toll rose to 3,200 on Monday, officials said.", ["3,200"]),
    ("change-small-or-year-is-no-amount", "The score rose to 12 and prices fell to 2019 levels.", []),
    # a small number is an amount when what changed is a count (disaster, health)
    ("change-small-toll", "The death toll from the wildfire that destroyed Lahaina rose to 93 on Saturday, "
     "Maui County officials said.", ["93"]),
    ("change-small-cases", "The number of confirmed cases in the state has risen to 46, health officials said.", ["46"]),
    ("doubles-the-game", "Herbert and Mahut won the doubles title in London after playing in doubles all year.", []),
    ("doubles-the-verb", "Revenue at the startup doubles every year, and its output triples when demand peaks.",
     ["doubles", "triples"]),
    ("name-number-and-year", "Voyager 2 was launched in 1979 and carried 10 instruments.", ["10 instruments"]),
    ("spelled-bare", "The one you mentioned had twenty-one problems, not one hundred and five.", []),
    ("bare-numbers", "The answer is 42, at the end of times.", []),
    ("date-parts", "Any time to meet on 5/17/2018?", []),
    ("model-with-noun", "The Colossus-1 data center and GPT-4 models drew 300MW.", ["300MW"]),
    ("time-window", "Over the past two years, costs fell by an order of magnitude.", ["order of magnitude"]),
    ("fraction-share", "Nearly half of the 1,000 companies cut spending.", ["half", "1,000 companies"]),
    ("fraction-bare", "The recipe calls for five eighths.", []),
    ("article-money", "Not a penny more than $5 million was spent.", ["$5 million"]),
    ("decade", "During the 1990s, telecom carriers borrowed $1 trillion.", ["$1 trillion"]),
    ("label-phase", "The president announced the Phase 1 trade deal with 30 companies present.", ["30 companies"]),
    ("label-week", "The NFL moved the Week 13 rematch, which drew 4 million viewers.", ["4 million viewers"]),
    ("label-type", "Type 2 diabetes affects 38 million Americans.", ["38 million Americans"]),
    ("spelled-count-asserted", "A photo shows seven babies born to one mother in a Dhaka hospital.", ["seven babies"]),
    ("spelled-count-after-determiner", "The two companies agreed, and all three regulators approved.", []),
    ("spelled-count-before-superlative", "The five largest banks lent $2 trillion.", ["$2 trillion"]),
    ("spelled-count-argument-noun", "Two things follow from this, and three reasons stand out.", []),
    ("zero-mass-noun", "The pilots had zero measurable impact, with zero deaths reported.", ["zero deaths"]),
    ("count-capitalised-modifier", "Officials said the ban will kill 120,000 Texas jobs by 2030.", ["120,000 Texas jobs"]),
    ("count-capitalised-name-stays-out", "Boeing delivered the 737 Max jet and Apple the iPhone 11 Pro.", []),
    ("count-acronym-modifiers", "Officials said 142 Chinese PLA soldiers and 55 U.S. soldiers died.",
     ["142 Chinese PLA soldiers", "55 U.S. soldiers"]),
    ("partitive-count", "Records show 43 of the senator's legislative proposals became law.", ["43"]),
    ("partitive-one-is-no-count", "One of the banks failed.", []),
    ("count-hyphenated-modifier", "The state gained 143,000 new private-sector jobs last year.",
     ["143,000 new private-sector jobs"]),
    ("ratio-out-of-is-a-share", 'As many as "293 out of 300" parks have no recycling.', ["293 out of 300"]),
    ("capitalised-number-word-is-a-name", "The Gang of Eight bill gave the president two powers.", ["two powers"]),
    ("zero-after-noun-is-a-name", "Ground zero workers got help, and she had zero emails classified.", ["zero emails"]),
    ("term-names-an-instrument", "Benchmark 10-year notes rose and three-month aluminum lost 0.06%, after a six-year slump.",
     ["0.06%", "six-year"]),
    ("term-names-an-instrument-through-modifiers",
     "Five-year credit default swaps traded at 1.25 percentage points, and it signed a five-year deal.",
     ["1.25 percentage points", "five-year"]),
    ("vague-runs-on-to-its-noun", "The model holds tens of thousands of evolving galaxies.",
     ["tens of thousands of evolving galaxies"]),
    ("size-names-a-product", "Apple will ship a 13-inch MacBook Pro whose display stays 13.3 inches.", ["13.3 inches"]),
    ("count-before-singular-noun", "He is a five time NBA champion who threw five touchdowns.", ["five touchdowns"]),
    ("quoted-opening-number-word", '"Fifty seats have changed hands," he said.', ["Fifty seats"]),
    ("hyphenated-count-adjective", "Residents face a two-pet limit in the county.", ["two-pet"]),
    ("model-numbers-are-no-counts", "The 777 program slipped; the airline will buy 30 of Boeing's 787-9 jets "
     "and grounded roughly 400 737 Max jets.", ["30", "400 737 Max jets"]),
    ("count-before-same-plural", "The airline had 270 aircraft and 40 staff.", ["270 aircraft", "40 staff"]),
    ("plural-by-form-despite-tag", "He fell ill after eating 21 burritos in a row.", ["21 burritos"]),
    ("count-before-a-model", "It comes in addition to five 787 Dreamliner sales earlier this week.",
     ["five 787 Dreamliner sales"]),
    ("bare-number-subject-of-verb", "650 died of the disease, and 40 have been dropped from coverage.", ["650", "40"]),
    ("bare-number-after-determiner-is-a-name", "The 737 crashed shortly after take-off.", []),
    ("bare-scaled-count", "Doctors warned that 11 million could die without treatment.", ["11 million"]),
    ("name-number-before-noun", "Windows 11 users complained while Fortune 500 companies hired.", []),
    ("capitalised-hedge-is-no-name", "Over 88,000 Ohio workers lost their jobs. About 40 firms left.",
     ["88,000 Ohio workers", "40 firms"]),
    ("count-not-label", "The airline had a fleet of 270 aircraft, including 12 freighters.", ["270 aircraft", "12 freighters"]),
    # counts past listed adjectives, code names, more modifiers, peoples, headlines, verbs' objects
    ("count-listed-adjectives", "Obama puts 15 unelected, unaccountable bureaucrats in charge of Medicare.",
     ["15 unelected, unaccountable bureaucrats"]),
    ("comma-right-after-number-is-no-list", "A photograph showing three, white bats went viral.", []),
    ("count-past-code-name", "The surgeon had a stroke after three COVID-19 vaccine doses.", ["three COVID-19 vaccine doses"]),
    ("count-three-modifiers", "Pritzker and two other Democratic state legislators proposed a fee.",
     ["two other Democratic state legislators"]),
    ("count-past-a-war-name", "Says 1,000 World War II veterans die every day.", ["1,000 World War II veterans"]),
    ("count-of-a-people", "31 Rohingya won seats, and a man forced two Muslims to chant.", ["31 Rohingya", "two Muslims"]),
    ("count-irregular-plural", "A woman beheaded six Muslim men, the report said.", ["six Muslim men"]),
    ("count-hyphenated-capitalised-modifier", "She shut down 125 RSS-affiliated schools in West Bengal.",
     ["125 RSS-affiliated schools"]),
    ("headline-title-case-count", "23,000 Maricopa County Ballots Came From Voters Using a Previous Address?",
     ["23,000 Maricopa County Ballots"]),
    ("headline-title-case-number-word", "Does This Video Show Two Russian Helicopters Being Shot Down In Kyiv?",
     ["Two Russian Helicopters"]),
    ("headline-name-number-stays-out", "Windows 11 Users Complain As Fortune 500 Companies Hire Staff", []),
    ("headline-singular-name-stays-out", "Pat Robertson Criticized Police On The 700 Club Broadcast", []),
    ("count-object-of-counting-verb", "The blast at a religious school in Peshawar killed seven.", ["seven"]),
    # a hedge between the verb and its count (headlines of a quake, a train crash, a riot)
    ("count-object-after-at-least-quake", "Strong earthquake rocks Taiwan, killing at least nine", ["nine"]),
    ("count-object-after-at-least-digits", "Taiwan quake kills at least 9 and injures more than 1,000", ["9", "1,000"]),
    ("count-object-after-nearly-train", "The derailment killed nearly 40, railway officials said.", ["40"]),
    ("count-object-after-about-police", "Police arrested about 200 after the match.", ["200"]),
    # a bare number "at" which a clause puts a count (a flood's toll, a quake's missing)
    ("toll-put-at-wire", "Authorities put the death toll at 95 on Tuesday.", ["95"]),
    ("toll-stood-at-tv", "The death toll stood at 95 on Tuesday, the civil defence agency said.", ["95"]),
    ("number-of-missing-estimated-at", "The civil defence agency estimated the number of missing at 131.", ["131"]),
    ("arrived-at-a-time-stays-out", "The rescuers arrived at 9 and left at noon.", []),
    ("bare-after-other-words-stays-out", "The storm killed power to 12, the utility said.", []),
    ("bare-object-of-other-verb", "The team scored 21 and he dialed 911.", []),
    ("money-across-a-sentence-cut", "Rs. 16 lakh was stolen from a Hyderabad CEO.", ["Rs. 16 lakh"]),
    ("capitalised-unit", "She cycled over 1500 Km during the lockdown.", ["1500 Km"]),
    # a design or kind named by a number is no count (autos, aviation, basketball)
    ("design-cylinder", "The new version gets a new 149 horsepower, 2-liter four-cylinder engine.",
     ["149 horsepower", "2-liter"]),
    ("design-door", "Paired to a luxurious cabin, the compact four-door has been redesigned.", []),
    ("design-class-layout", "The jet seats 242 to 330 passengers in a two-class layout.", ["242 to 330 passengers"]),
    ("kind-3-pointer", "Caldwell-Pope drilled a 3-pointer to put the Lakers up.", []),
    # who reported is no figure (wire, business press)
    ("attribution-familiar", "NYAG is investigating WeWork, according to two people familiar with the matter.", []),
    ("attribution-briefed", "Two people briefed on the talks said Trump has decided.", []),
    # a number with thousands separators is an amount even without a noun (sport, energy)
    ("grouped-attendance", "The Wild won in front of 15,522 in KeyBank Center.", ["15,522"]),
    ("grouped-estimate", "It cut the number from an original estimate of about 660,000 based on forecasts.",
     ["660,000"]),
    # digit ordinals count (health, sport); a name or a period does not
    ("ordinal-fatality", "Michigan health authorities are reporting a 6th fatality linked to the virus.", ["6th"]),
    ("ordinal-outing", "Stalock looked strong in his 10th outing this season.", ["10th"]),
    ("ordinal-street-name", "The shop on 17th Street closed in its 3rd quarter.", []),
    # "one" after a limiting word counts (tech, public safety); after "the" it is a pronoun
    ("one-after-only", "Notably, only one title at launch is exclusive to the Stadia.", ["one title"]),
    ("one-after-at-least", "At least one death was reported after the storm.", ["one death"]),
    ("one-pronoun", "She is the only one who knew the code.", []),
    ("just-one-is-rhetoric", "Power goes from weapon to inventory after just one failed model release.", []),
    # after "that" opening a clause or "following" as a preposition a count is a figure (health, aviation)
    ("count-after-that-clause", "Authorities in Beijing announced that two infected individuals sought treatment.",
     ["two infected individuals"]),
    ("count-after-following", "Boeing's sales have been hit following two catastrophic crashes.",
     ["two catastrophic crashes"]),
    ("the-following-names-a-group", "The following three reasons matter most.", []),
    # a win-loss record is no figure (hockey, basketball); a stat is
    ("win-loss-lost-of", "The Sabres, having lost eight of their nine games, fell again.", []),
    ("win-loss-won-of", "The Lakers have won 12 of 13 and Davis scored 34 points.", ["34 points"]),
    ("win-loss-on-the-road", "The Spurs lost four of five on the road before Sunday.", []),
    # "won N of the M seats" counts seats: a result, not a record (elections, UK and wire style)
    ("seats-won-of-the-seats", "The Alliance won 151 of the 300 seats in parliament.", ["151", "300 seats"]),
    ("seats-won-of-seats", "Labour won 411 of 650 seats, the BBC projected.", ["411", "650 seats"]),
    # an emergency number is no count (US energy, UK policing)
    ("service-number-911", "Thousands were left without a way to make 911 calls during the outage.", []),
    ("service-number-999", "The force handled 12,000 calls, of which 40 were 999 calls.", ["12,000 calls"]),
    # a statistic or plan named by its window (real estate, markets, business)
    ("window-names-average", "Inventory is down from the prior 12-month average of 15.2 percent.", ["15.2 percent"]),
    ("window-names-high", "The stock hit a 52-week high of $120 on Friday.", ["$120"]),
    ("window-names-plan", "Claure will present the company's five-year plan on Friday.", []),
    # "min" is minutes (health, transport)
    ("minutes-abbreviated", "Going upstairs to bed was a 30 min activity for him.", ["30 min"]),
    # a stock-quote widget copied with the page is chrome
    ("quote-widget", "Ticker Security Last Change Change %\nHD THE HOME DEPOT INC. 225.86 -12.99 -5.44%\n\n"
     "The retailer earned $2.8 billion.", ["$2.8 billion"]),
]


@pytest.mark.parametrize("text,surfaces", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_claims_are_figures(nlp, text, surfaces):
    art = Article(text=text, regions=[(0, len(text))])
    got = [c.surface for c in extract_claims(art, "t.txt", nlp)]
    assert got == surfaces


def test_refusals_carry_a_reason(nlp):
    text = "In 2025, Voyager 2 passed list item 7 of GPT-4 plans."
    doc = nlp(text)
    reasons = {q.surface: is_claim(q, doc, q) for q in doc._.quantities}
    assert reasons["2025"] == "a year"
    assert reasons["7"] == "a label or reference number"  # "item 7"
    assert all(reasons.values())


COUNTED = [
    ("adjective-between", "The company added 500 new jobs in Ohio.", "500 new jobs", "jobs"),
    ("noun-modifier", "It will cut 1,000 maintenance workers by December.", "1,000 maintenance workers", "workers"),
    ("participle-between", "The airline bought 12 used aircraft last year.", "12 used aircraft", "aircraft"),
]


@pytest.mark.parametrize("text,surface,noun", [c[1:] for c in COUNTED], ids=[c[0] for c in COUNTED])
def test_a_count_runs_on_to_the_noun_it_counts(nlp, text, surface, noun):
    art = Article(text=text, regions=[(0, len(text))])
    [claim] = [c for c in extract_claims(art, "t.txt", nlp) if c.unit == "count"]
    assert claim.surface == surface and text[claim.start:claim.end] == surface


# The plural after an expected figure is who expected it: the subject of the expecting verb.
FORECASTERS = [
    ("jobs-reuters-poll", "U.S. employers added 228,000 jobs in March, well above the 140,000 economists "
     "polled by Reuters had expected.", "140,000", "140,000 economists"),
    ("housing-analysts", "Housing starts rose to 1.46 million units, above the 1.38 million analysts had forecast.",
     "1.38 million", "1.38 million analysts"),
    ("canada-bloomberg-survey", "Canada added 41,000 jobs, compared with the 25,000 economists surveyed by "
     "Bloomberg had predicted.", "25,000", "25,000 economists"),
]


@pytest.mark.parametrize("text,surface,not_surface", [c[1:] for c in FORECASTERS], ids=[c[0] for c in FORECASTERS])
def test_who_expected_a_figure_is_not_what_it_counts(nlp, text, surface, not_surface):
    art = Article(text=text, regions=[(0, len(text))])
    surfaces = {c.surface for c in extract_claims(art, "t.txt", nlp)}
    assert surface in surfaces and not_surface not in surfaces


def test_economists_counted_in_a_survey_stay_counted(nlp):
    text = "The survey of 140,000 economists was published on Friday."
    art = Article(text=text, regions=[(0, len(text))])
    assert [c.surface for c in extract_claims(art, "t.txt", nlp)] == ["140,000 economists"]


# The counted noun past a model code, two joined modifiers or an opening quote.
COUNTED_PAST = [
    ("aircraft-model-code", "In addition to its order of 30 Boeing jets, it announced an order of 50 Airbus "
     "A350-900 jets on Monday.", "50 Airbus A350-900 jets"),
    ("defence-model-code", "The Pentagon will buy 12 F-35 fighters next year.", "12 F-35 fighters"),
    ("utility-joined-place-adjectives", "The utility began shutting off power to some 375,000 people in 18 "
     "Northern and central California counties.", "18 Northern and central California counties"),
    ("retail-joined-adjectives", "The chain will hire 200 workers at 14 urban and suburban stores.",
     "14 urban and suburban stores"),
    ("platform-quoted-noun", 'There are now 140 million monthly active "businesses" across its platforms, '
     "according to the company.", '140 million monthly active "businesses'),
    ("poll-quoted-modifier", 'The poll found 300 undecided "swing" voters in the county.',
     '300 undecided "swing" voters'),
]


@pytest.mark.parametrize("text,surface", [c[1:] for c in COUNTED_PAST], ids=[c[0] for c in COUNTED_PAST])
def test_a_count_runs_on_past_codes_joined_modifiers_and_quotes(nlp, text, surface):
    art = Article(text=text, regions=[(0, len(text))])
    assert surface in {c.surface for c in extract_claims(art, "t.txt", nlp)}
