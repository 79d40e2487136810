"""Framing, what kind of figure: fact, estimate, forecast or illustrative, by the
clause the figure stands in; each rule tried on sentences from two kinds of story."""

import datetime as dt

import pytest

from tests.test_frame import assert_fields

# id, passage, publication date (None: undated), surface, expected fields
CASES = [
    # what is arranged to happen is a forecast, told in the present or a past narrative
    # (a utility's outage wire story, a business paper's layoffs story)
    ("was-set-to-begin-outages-ap",
     "Pacific Gas & Electric Co. was set to begin shutting off power Wednesday to some 375,000 people.",
     None, "375,000 people", dict(kind="forecast")),
    ("is-preparing-to-cut-jobs-paper",
     "The New York Times reported on Sunday that WeWork is preparing to cut 4,000 jobs.",
     None, "4,000 jobs", dict(kind="forecast")),
    ("is-scheduled-to-vote-council", "The council is scheduled to vote on a $4.5 million budget next week.",
     None, "$4.5 million", dict(kind="forecast")),
    # a running total of the year so far is counted, not planned (box office, company spending)
    ("year-to-date-box-office",
     "Domestic box office receipts for the year to date total $3.5 billion, about 20% behind 2023.",
     dt.date(2024, 6, 23), "$3.5 billion", dict(kind="fact")),
    ("so-far-this-year-spending",
     "The company has spent $2.1 billion on buybacks so far this year, it said on Tuesday.",
     dt.date(2024, 6, 23), "$2.1 billion", dict(kind="fact")),
    # what analysts or economists expected of a figure now reported is their estimate,
    # also when it is a change ("expectations of a 3.1% drop") or named a forecast
    # (retail results wire copy, a UK GDP release)
    ("expectations-of-a-drop-retail",
     "Comparable sales fell 3.7% in the quarter, compared with analysts' expectations of a 3.1% drop, "
     "according to LSEG data.", None, "3.1%", dict(kind="estimate")),
    ("economists-forecasts-of-gdp",
     "It is the fastest rate of growth in more than two years, beating economists' forecasts of 0.4%.",
     None, "0.4%", dict(kind="estimate")),
    # a name opening a sentence is no cue word when the story writes it as a name ("Target",
    # "Will"); a cue word opening a sentence still is (retail results, film pay)
    ("name-opening-sentence-retail",
     "Target Corp on Wednesday reported a first-quarter profit.\n\n"
     "Target has about 1,950 stores in the United States and employs roughly 415,000 people.",
     None, "1,950 stores", dict(kind="fact")),
    ("name-opening-sentence-film",
     "The comedy stars Will Ferrell and Reese Witherspoon. Will Ferrell earned $20 million for the role, "
     "Variety reported.", None, "$20 million", dict(kind="fact")),
    ("cue-opening-sentence-stays-a-cue",
     "Forecast revenue is $5 billion for the year.", None, "$5 billion", dict(kind="forecast")),
    # a figure compared with what analysts expected is the actual (chipmaker results, retail)
    ("than-expected-is-actual-chips",
     "Nvidia said revenue rose 262% to $26 billion, more than analysts had expected.",
     None, "$26 billion", dict(kind="fact", source="Nvidia")),
    ("as-expected-is-actual-retail",
     "Walmart said comparable sales rose 3.8% in the quarter, as analysts had predicted.",
     None, "3.8%", dict(kind="fact", source="Walmart")),
    ("company-own-forecast-stays-forecast",
     "The retailer kept its full-year forecast of $8.60 to $9.60 per share.",
     None, "$8.60 to $9.60", dict(kind="forecast")),
    # a count an owner's possessive stands before is what the owner has now (company
    # jobs, city politics); a count to be added is still a forecast, money a plan
    ("owned-count-jobs",
     "More than a third of WeWork’s 12,000 employees will likely receive notice this week.",
     None, "12,000 employees", dict(kind="fact")),
    ("owned-count-politics",
     "The city's 8 million residents will vote on the measure next year.",
     None, "8 million residents", dict(kind="fact")),
    ("count-to-be-added-aviation",
     "The airline will add 50 planes next year.",
     None, "50 planes", dict(kind="forecast")),
    # a perfect participle ("having paid", "having scored") tells what is done, whatever
    # the main clause foresees (newspaper finances, sport, motoring jobs)
    ("having-paid-media",
     "Tribune, moreover, may have the best balance sheet in the industry, having paid down most of its long-term "
     "debt with the proceeds of the sale of The Times for $500 million.",
     None, "$500 million", dict(kind="fact")),
    ("having-scored-sport",
     "The club could yet win the league, having scored 80 goals this season.",
     None, "80 goals", dict(kind="fact")),
    ("having-cut-jobs-still-forecasts-the-main-clause-motoring",
     "Having cut 5,000 jobs last year, the carmaker will hire 2,000 workers in 2025.",
     None, "2,000 workers", dict(kind="forecast")),
    # a premise that assumes no figure of its own makes no worked example of the result: a
    # participle after it ("allowing underwriters to buy 15 per cent more") tells what
    # follows from it (capital markets, bank mergers)
    ("premise-without-figure-markets",
     "The deal could eventually raise up to $12.9bn if a “green shoe” option is exercised, allowing underwriters "
     "to buy up to an additional 15 per cent of shares at the offering price.",
     None, "$12.9bn", dict(kind="forecast")),
    ("premise-without-figure-banking",
     "The merger could save $2 billion a year if regulators approve it, allowing the banks to close 300 branches.",
     None, "$2 billion", dict(kind="forecast")),
    # a level reached at a date, told in the past, is no target
    ("past-level-at-date-energy",
     "The report stated the industry had an annual production capacity of around 8.69 GW at the end of 2017.",
     None, "8.69 GW", dict(kind="fact")),
    ("past-level-at-date-health",
     "The hospital had 450 beds at the end of 2017, up from 380 a year earlier.",
     None, "450 beds", dict(kind="fact")),
    # a gerund's clause after "after"/"following" tells what is done, whatever the main
    # clause foresees (retail results, sport finances)
    ("after-reporting-under-forecast-retail",
     "Walmart Inc on Tuesday raised its full-year sales forecast for the third time this year, after reporting "
     "third-quarter revenue of $169.6 billion, above analysts' estimates of $167.7 billion, according to LSEG data.",
     "2024-11-19", "$169.6 billion", dict(kind="fact")),
    ("after-posting-under-outlook-sport",
     "The club lowered its revenue outlook for next season after posting a loss of $45 million in the year to June.",
     "2024-09-10", "$45 million", dict(kind="fact")),
    # a figure in a clause of its own told in the past is what happened, whatever the
    # future or the modal above it; the main clause's own figure stays a forecast
    ("past-relative-clause-under-would-disaster",
     "The planned blackout would be the latest in a series of outages, including one last month that affected "
     "nearly 2.5 million people.",
     None, "2.5 million people", dict(kind="fact")),
    ("past-complement-under-will-social-media",
     "I will question why I lost 14 followers in a week where I did not post anything at all.",
     None, "14 followers", dict(kind="fact")),
    ("past-relative-clause-under-will-business",
     "Revenue, which rose 5% last year, will reach $10 billion in 2027, the company said.",
     None, "5%", dict(kind="fact")),
    ("main-clause-under-will-stays-forecast-business",
     "Revenue, which rose 5% last year, will reach $10 billion in 2027, the company said.",
     None, "$10 billion", dict(kind="forecast")),
    ("past-clause-with-modal-stays-forecast-politics",
     "Officials said the plan that lawmakers approved would cost $4 billion over two years.",
     None, "$4 billion", dict(kind="forecast")),
    # a figure in an apposition says what something is, not what it will do; a
    # conversion in brackets is the same figure as the one it converts
    ("apposition-under-may-media",
     "Sacramento-based McClatchy, a chain of 30 newspapers including the Sacramento Bee, may be another canary "
     "in the news industry’s coal mine.",
     None, "30 newspapers", dict(kind="fact")),
    ("apposition-under-will-sport",
     "Tottenham, a club with 62,000 seats, will host the final next year.",
     None, "62,000 seats", dict(kind="fact")),
    ("conversion-stays-forecast-motoring",
     "The 2021 RAV4 Prime will be able to go 39 miles (63 kilometers) on battery power alone.",
     None, "63 kilometers", dict(kind="forecast")),
    ("conversion-stays-forecast-markets",
     "Alibaba is set to raise up to $12.9bn (£10bn) from its second listing in Hong Kong.",
     None, "£10bn", dict(kind="forecast")),
    # "say you", "imagine" illustrate as imperatives; with a subject they report
    ("say-you-with-a-subject-reports-public-safety",
     "Border agents \"say you’ve got to pay attention to this — $53 million a week is coming across the border "
     "in drugs,\" he said.",
     None, "$53 million", dict(kind="fact")),
    ("say-you-with-a-subject-reports-sport",
     "Scouts say you cannot teach a player who scored 34 points last night.",
     None, "34 points", dict(kind="fact")),
    ("say-you-imperative-illustrates-personal-finance",
     "Say you earn $50,000 a year.",
     None, "$50,000", dict(kind="illustrative")),
    ("lets-say-illustrates-technology",
     "Let's say you spend $10,000 a month on compute.",
     None, "$10,000", dict(kind="illustrative")),
    # a figure in a contrasting clause is framed by that clause, not by the main clause's "will"
    ("contrast-clause-technology",
     "While the monthly subscription rate for the service gets players access to 4k streaming at 60 frames "
     "per second, the majority of titles will cost the same amount as their console counterparts.",
     None, "60 frames per second", dict(kind="fact")),
    ("contrast-clause-sport",
     "While the new stadium holds 62,000 fans, the club will keep ticket prices frozen next season.",
     None, "62,000 fans", dict(kind="fact")),
    # a company's forecast of itself in the present
    ("company-sees-retail",
     "Looking ahead, Home Depot sees fiscal year 2019 sales growth of 1.8 percent.",
     None, "1.8 percent", dict(kind="forecast")),
    ("company-sees-airline",
     "Looking ahead, Delta sees capacity growth of 5% in the first quarter.",
     None, "5%", dict(kind="forecast")),
    # what a claim, a rumour or an allegation holds is an estimate, whatever the article makes of it
    ("claim-that-fact-check",
     "In sum, the claim that the senator has a net worth of $17 million is wholly unsubstantiated.",
     None, "$17 million", dict(kind="estimate")),
    ("rumours-that-sport",
     "The club dismissed rumours that it will pay £80 million for the striker.",
     None, "£80 million", dict(kind="estimate")),
    # a modal with the perfect tells what would have been: an estimate, not a forecast
    ("counterfactual-earnings",
     "“Excluding these items, we believe Q3 comps would have been closer to 5%.”",
     None, "5%", dict(kind="estimate")),
    ("counterfactual-motoring",
     "Without the strike, the carmaker would have sold 40,000 more vehicles in October.",
     None, "40,000 more vehicles", dict(kind="estimate")),
    # "would" and "could" in a relative or adverbial clause of a past narrative tell the
    # past's future or ability; under a reporting verb they stay a forecast
    ("past-modal-in-narrative-sport",
     "His goals gave the Wild a commanding two-goal lead they wouldn't relinquish.",
     None, "two-goal", dict(kind="fact")),
    ("past-modal-in-narrative-health",
     "Going upstairs to bed was a 30 min activity as I could only manage two stairs at a time.",
     None, "two stairs", dict(kind="fact")),
    ("reported-modal-stays-forecast-markets",
     "Analysts said revenue could reach $5 billion next year.",
     None, "$5 billion", dict(kind="forecast")),
    # the expectation a result is measured against is the consensus: an estimate
    ("expected-gain-missed-retail",
     "Comparable sales rose 3.6 percent, missing the 4.8 percent gain that was expected.",
     None, "4.8 percent", dict(kind="estimate")),
    ("expected-figure-beaten-airline",
     "Quarterly profit beat the expected $1.20 a share as fuel costs fell.",
     None, "$1.20", dict(kind="estimate")),
    ("result-measured-stays-fact-macro",
     "Retail sales rose 0.3% in October, missing the 0.5% gain that was forecast.",
     None, "0.3%", dict(kind="fact")),
    # a deal's agreed price is a fact though the move is to come
    ("agreed-fee-sport",
     "Torino confirmed on Friday that Bremer will join United for a transfer fee of €117 million.",
     None, "€117 million", dict(kind="fact")),
    ("agreed-price-business",
     "Microsoft announced on Tuesday that it will buy the studio for $2.1 billion.",
     None, "$2.1 billion", dict(kind="fact")),
    ("announced-plan-stays-forecast-business",
     "Tesla announced on Tuesday that it will build a $5 billion plant in Texas.",
     None, "$5 billion", dict(kind="forecast")),
    # a bracketed aside speaks of its own things, not of a figure outside it
    ("aside-in-brackets-technology",
     "Google's gaming offering, which is offered at a $9.99 monthly rate for its Stadia Pro subscription (a free "
     "tier of the service is due out next year), is centered on game streaming.",
     None, "$9.99", dict(kind="fact")),
    ("aside-in-brackets-sport",
     "The club's new kit, which is sold at £75 in its stores (a cheaper version for children is due out next "
     "year), is made from recycled plastic.",
     None, "£75", dict(kind="fact")),
    # what a plan sets out to do is a forecast; what it did is not
    ("plan-aim-industry",
     "The strategy sets out measures to raise steel output by 20%.",
     None, "20%", dict(kind="forecast")),
    ("plan-aim-health-politics",
     "The government's plan includes measures to cut hospital waiting lists by 25%.",
     None, "25%", dict(kind="forecast")),
    # ... also in a list of aims the parser hangs on the main verb
    # a change set off after a reported figure restates it, a fact as the figure is,
    # and analysts whose estimates the result beat are no cue for it (retail, luxury, sport)
    ("restated-change-up-retail",
     "Walmart raised its full-year forecast after reporting third-quarter revenue of $169.6 billion, up 5.5%, "
     "above analysts' estimates of $167.7 billion.",
     None, "5.5%", dict(kind="fact")),
    ("beaten-analysts-no-estimate-retail",
     "Walmart raised its full-year forecast after reporting third-quarter revenue of $169.6 billion, up 5.5%, "
     "above analysts' estimates of $167.7 billion.",
     None, "$169.6 billion", dict(kind="fact")),
    ("restated-change-down-luxury",
     "Burberry cut its annual outlook on Thursday after posting first-half revenue of 1.09 billion pounds, "
     "down 22%.",
     None, "22%", dict(kind="fact")),
    ("restated-change-up-sport",
     "Manchester United cut its revenue forecast for the year after reporting broadcasting income of 240 "
     "million pounds, down 12%.",
     None, "12%", dict(kind="fact")),
    ("restated-change-of-a-forecast-stays-forecast",
     "The company expects revenue of $5.2 billion next year, up 8%.",
     None, "8%", dict(kind="forecast")),
    ("plan-aim-in-a-list-energy",
     "The plan includes actions to raise electromobility rates, reduce coal-fired fine dusts by 90%, improve "
     "nuclear safety and increase the scale of wind power projects, among other measures.",
     None, "90%", dict(kind="forecast")),
    ("plan-aim-in-a-list-health",
     "The strategy includes steps to expand testing, cut new infections by 50%, train more nurses and open "
     "new clinics.",
     None, "50%", dict(kind="forecast")),
    ("plan-done-stays-fact-sport",
     "The league approved a plan that raised ticket prices by 5% last season.",
     None, "5%", dict(kind="fact")),
    ("plain-future-stays-forecast-airline",
     "The airline will add 12 routes next year.",
     None, "12 routes", dict(kind="forecast")),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_kind(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)
