"""Framing, who says a figure: rules of English news stated on syntax and roles,
each tried on sentences from at least two kinds of story (courts, public safety,
labour, health, markets, sport, science)."""

import pytest

from tests.test_frame import assert_fields

# id, passage, publication date (None: undated), surface, expected fields
CASES = [
    # a participle of publishing in a side clause ("economists polled by Reuters") does not
    # outrank the main clause's speaker (US jobs report, UK retail sales)
    ("main-speaker-over-polled-by-jobs",
     "U.S. employers added 228,000 jobs in March, the Labor Department said on Friday, well above the 140,000 "
     "economists polled by Reuters had expected.", None, "228,000 jobs", dict(source="Labor Department")),
    ("main-speaker-over-surveyed-by-retail",
     "Retail sales rose 1.2% in October, the Office for National Statistics said, beating the 0.5% rise "
     "forecast by economists polled by Reuters.", None, "1.2%", dict(source="Office for National Statistics")),
    # a clause comparing the figure with forecasters' expectation credits them with nothing
    # (a GDP release, a house-price index)
    ("than-expected-gdp",
     "Britain's economy grew 0.6% in the first quarter, more than economists had expected.",
     None, "0.6%", dict(source=None)),
    ("than-forecast-home-prices",
     "Home prices rose 4.1% in March from a year earlier, less than analysts had forecast, the index showed.",
     None, "4.1%", dict(source=None)),
    # a speaker's credit does not carry into what another named person does next (an
    # election night, a basketball final)
    ("another-person-acts-election",
     "Keir Starmer, who will become prime minister, said his party had been given \"a clear mandate for "
     "change.\" Outgoing prime minister Rishi Sunak held his own seat with a majority of 12,185.",
     None, "12,185", dict(source=None)),
    ("another-person-acts-final",
     "Coach Joe Mazzulla said his players had earned the title. Jaylen Brown scored 21 points in the clincher.",
     None, "21 points", dict(source=None)),
    # a forecast's maker, by its possessive, is the source of that forecast's figure alone
    # (a UK price release, a World Bank outlook)
    ("forecast-maker-owns-its-figure-boe",
     "Services inflation slowed only to 5.9% from 6.0%, well above the Bank of England's forecast of 5.5%.",
     None, "5.5%", dict(source="Bank of England")),
    ("forecast-maker-not-the-sentences-boe",
     "Services inflation slowed only to 5.9% from 6.0%, well above the Bank of England's forecast of 5.5%.",
     None, "5.9%", dict(source=None)),
    ("estimate-maker-owns-its-figure-imf",
     "Global growth will slow to 2.9% next year, below the IMF's 3.1% estimate, the World Bank said.",
     None, "3.1%", dict(source="International Monetary Fund")),
    ("estimate-maker-not-the-speakers-imf",
     "Global growth will slow to 2.9% next year, below the IMF's 3.1% estimate, the World Bank said.",
     None, "2.9%", dict(source="World Bank")),
    # "the bank" inside a name points back to no one quoted before (UK and Japanese central banks)
    ("bank-inside-a-name-boe",
     "\"The fall was driven by lower electricity and gas bills,\" ONS chief economist Grant Fitzner said.\n\n"
     "Sterling rose half a cent against the dollar after the data.\n\n"
     "The Bank of England has held Bank Rate at 5.25% since August last year, a 16-year high.",
     None, "5.25%", dict(source=None)),
    ("bank-inside-a-name-boj",
     "\"Wage growth is broadening,\" said Takahide Kiuchi, an economist at Nomura Research Institute.\n\n"
     "The Bank of Japan raised its policy rate to 0.5% in January, the highest in 17 years.",
     None, "0.5%", dict(source=None)),
    # "more than" is a hedge, no comparison that takes the credit away (power outages, crowds)
    ("hedge-than-is-no-comparison-outage",
     "About 1.1 million homes and businesses remained without power on Friday, down from a peak of more than "
     "4 million, according to the tracking site PowerOutage.us.", None, "1.1 million homes",
     dict(source="PowerOutage.us")),
    ("hedge-than-is-no-comparison-crowd",
     "About 20,000 fans attended the parade, up from more than 15,000 last year, according to city police.",
     None, "20,000 fans", dict(source="city police")),
    # an officer or a monitor that counts (UK by-election, conflict monitor)
    ("according-to-returning-officer",
     "Richard Foord won 22,537 votes, a majority of 6,144 over the Conservative candidate, according to the "
     "returning officer.", None, "22,537 votes", dict(source="returning officer")),
    ("according-to-war-monitor",
     "At least 45 people were killed in the strikes, according to the war monitor.", None, "45 people",
     dict(source="war monitor")),
    # "according to" a phrase that names no one: the phrase is the source
    ("according-to-unions-labour",
     "Nearly 300 school districts closed because of the rally, according to teachers unions.",
     None, "300 school districts", dict(source="teachers unions")),
    ("according-to-records-courts",
     "Ten of the 18 staffers on the overnight shift were working overtime, according to federal prison records.",
     None, "18 staffers", dict(source="federal prison records")),
    ("according-to-people-business",
     "More than 4,000 people are expected to receive notice in the coming weeks, according to multiple "
     "people familiar with the matter.",
     None, "4,000 people", dict(source="people")),
    ("according-to-group-not-its-place-disaster",
     "More than 450,000 people were without communication, according to a group representing rural "
     "counties in California.",
     None, "450,000 people", dict(source="group")),
    ("according-to-reports-consumer",
     "According to reports, the bar charges Rs 300 for 15 minutes of fresh air.",
     None, "Rs 300", dict(source="reports")),
    ("according-to-a-name-of-an-outlet-science",
     "The herder had, according to Alex Horton of the Washington Post, travelled around 185 miles to a hospital.",
     None, "185 miles", dict(source="Alex Horton")),
    # "per" credits a name, never a unit after it
    ("per-unit-is-no-source-motoring",
     "It will get the equivalent of 90 miles per gallon of gasoline.",
     None, "90 miles per gallon", dict(source=None)),
    ("per-cent-is-no-source-markets",
     "The company priced its shares at a 2.8 per cent discount to their New York close.",
     None, "2.8 per cent", dict(source=None)),
    # the agent of a reporting verb, people or a body with no name of their own
    ("unnamed-agent-labour",
     "The unions said more than 15,000 people registered for the rally.",
     None, "15,000 people", dict(source="unions")),
    ("unnamed-agent-courts",
     "On Tuesday, prosecutors asserted that no inmate checks were conducted for at least eight hours.",
     None, "eight hours", dict(source="prosecutors")),
    ("unnamed-agent-after-dateline-health",
     "JOSEPH, Mich. (AP) — Michigan health authorities are reporting a 6th fatality linked to the virus.",
     None, "6th", dict(source="Michigan health authorities")),
    # a person introduced by a body and a title speaks for herself
    ("title-before-person-labour",
     "Indiana State Teachers Association President Keith Gambill told teachers that the state holds $2 billion "
     "in cash reserves.",
     None, "$2 billion", dict(source="Keith Gambill")),
    ("title-before-person-markets",
     "Goldman Sachs chief economist Jan Hatzius said inflation would fall to 2.5% next year.",
     None, "2.5%", dict(source="Jan Hatzius")),
    # whoever ran the survey is the source of what the surveyed expected
    ("surveyed-by-earnings",
     "Wall Street analysts surveyed by Refinitiv were expecting $2.52 a share.",
     None, "$2.52", dict(source="Refinitiv", kind="estimate")),
    ("polled-by-macro",
     "Economists polled by Reuters had forecast that retail sales would rise 0.3% in October.",
     None, "0.3%", dict(source="Reuters")),
    # the speaker after a quotation, not a name in the words describing the speaker
    ("quote-then-wrote-analyst",
     "“Excluding these items, we believe comparable sales would have been closer to 5%,” wrote Fadem "
     "in a Tuesday research report.",
     None, "5%", dict(source="Fadem")),
    ("quote-then-said-apposition-technology",
     "“Of my 1,000 followers, five swiped away,” said Will Tjernlund, a consultant for Amazon sellers.",
     None, "1,000 followers", dict(source="Will Tjernlund")),
    ("quote-then-said-sport",
     "“We have won 12 games since the break,” said coach Bruce Boudreau.",
     None, "12 games", dict(source="Bruce Boudreau")),
    # a reporting verb credits only what it says
    ("contrast-clause-health",
     "Three cases of plague have been diagnosed in China, though officials say the risk of an outbreak is low.",
     None, "Three cases", dict(source=None)),
    ("contrast-clause-markets",
     "Shares of the retailer fell 4% on Tuesday, although analysts said the sell-off was overdone.",
     None, "4%", dict(source=None)),
    ("time-adjunct-sport",
     "“He is playing well now,” Boudreau said before the 4-1 win in front of 15,522 at the arena.",
     None, "15,522", dict(source=None)),
    ("time-adjunct-politics",
     "The governor said after the vote on a $2 billion budget that talks would go on.",
     None, "$2 billion", dict()),
    # "per" before "according to" does not hide the credit
    ("per-then-according-to-motoring",
     "It will get the equivalent of 90 miles per gallon of gasoline, according to Toyota.",
     None, "90 miles per gallon", dict(source="Toyota")),
    ("per-then-according-to-consumer-prices",
     "Gas prices averaged $3.09 per gallon in the state last week, according to AAA.",
     None, "$3.09", dict(source="AAA")),
    # a quotation with its speaker: what the speaker goes on to say in the paragraph is his
    ("quote-goes-on-markets",
     "\"This is a stock that had been getting clobbered,\" Maley said on Monday. \"It was down for four "
     "straight years, down well over 60%.\"",
     None, "60%", dict(source="Maley")),
    ("quote-goes-on-sport",
     "\"We were poor in the first half,\" Smith said after the match. \"We conceded 12 shots and only had "
     "two on target.\"",
     None, "12 shots", dict(source="Smith")),
    # a company's forecast of its own figures: the company is the source, whatever the unit
    ("own-forecast-percent-retail",
     "Looking ahead, Home Depot sees fiscal year 2019 sales growth of 1.8 percent.",
     None, "1.8 percent", dict(source="Home Depot", kind="forecast")),
    ("own-forecast-percent-airline",
     "Looking ahead, Delta sees capacity growth of 5% in the first quarter.",
     None, "5%", dict(source="Delta", kind="forecast")),
    # "the company says" of its product: the company named before speaks for it
    ("company-word-for-its-product-motoring",
     "Volkswagen showed a concept car. The German automaker says the wagon will be able to go 300 miles on "
     "a single charge.",
     None, "300 miles", dict(source="Volkswagen")),
    ("company-word-for-its-product-health",
     "Pfizer presented new data on Monday. The drugmaker said the vaccine was 95% effective in the trial.",
     None, "95%", dict(source="Pfizer")),
    # a company disclosing its own results or deals states facts: no source; others
    # who report keep the credit
    ("own-results-no-source-media",
     "McClatchy reported a loss of $304.7 million on revenue of $167.4 million in the third quarter.",
     None, "$304.7 million", dict(source=None, kind="fact")),
    ("own-results-no-source-retail",
     "Home Depot (ticker: HD) reported $2.53 in per-share earnings for the third quarter.",
     None, "$2.53", dict(source=None)),
    # ... when a phrase of time or place hangs on its name ("Alden on Tuesday announced")
    ("own-deal-with-a-day-no-source-media",
     "Alden on Tuesday announced that it had become the largest shareholder of Tribune by acquiring the entire "
     "25.2% stake held by its former chairman for $13 a share.",
     None, "$13", dict(source=None, kind="fact")),
    ("own-results-with-a-day-no-source-retail",
     "Walmart on Thursday reported revenue of $152.1 billion for the quarter.",
     None, "$152.1 billion", dict(source=None, kind="fact")),
    ("others-report-with-a-day-keep-credit-public-safety",
     "Indiana State Police on Monday reported at least 5,000 people entered the Statehouse.",
     None, "5,000 people", dict(source="Indiana State Police")),
    # with no source credited before, "he" or "she" who reports is the person just named
    ("he-said-the-person-named-politics",
     "When his advisers suggested a smaller deal, Mr. Trump wasn't satisfied. In a retelling, he said he "
     "pressed his team and asked for up to $50 billion in annual purchases.",
     None, "$50 billion", dict(source="Trump")),
    ("she-said-the-person-named-sport",
     "Serena Williams was asked about the prize money on Sunday. She said she donated $100,000 to the relief fund.",
     None, "$100,000", dict(source="Serena Williams")),
    ("he-said-not-for-a-company-named-business",
     "Microsoft shares rose on Tuesday. He said revenue grew 12% in the quarter.",
     None, "12%", dict(source=None)),
    ("others-report-keep-credit-public-safety",
     "Indiana State Police reported at least 5,000 people entered the Statehouse through public entrances.",
     None, "5,000 people", dict(source="Indiana State Police")),
    # people named before ("the authors", "the unions", "researchers") point back to the
    # source last credited
    ("the-authors-point-back-science",
     "The authors of the research published in the journal JAMA Psychiatry argued that the rise is a concern.\n\n"
     "Cannabis use disorder among teenagers rose by 25 percent, the authors wrote.",
     None, "25 percent", dict(source="JAMA Psychiatry")),
    ("researchers-point-back-science",
     "The authors of the research published in the journal JAMA Psychiatry argued that the rise is a concern.\n\n"
     "To uncover the effects of the changes, researchers looked at surveys completed by 505,796 people.",
     None, "505,796 people", dict(source="JAMA Psychiatry")),
    ("the-analysts-named-elsewhere-are-others-sport",
     "Microsoft agreed to buy the studio for $2.1 billion, the companies said. The analysts expect the club will "
     "pay £80 million next summer.",
     None, "£80 million", dict(source="analysts")),
    ("the-analysts-named-with-the-bank-point-back-markets",
     "Analysts at Jefferies raised their price target on Monday. The analysts expect revenue of $4 billion next year.",
     None, "$4 billion", dict(source="Jefferies")),
    ("the-unions-point-back-labour",
     "Nearly 300 school districts closed because of the rally, according to teachers unions. "
     "The unions said more than 15,000 people registered for the rally.",
     None, "15,000 people", dict(source="teachers unions")),
    # a credit carried through the paragraph stops at the writer's aside in brackets
    ("aside-in-brackets-science",
     "About 2,300 tons of water vapour erupted, according to the researchers. That's almost enough to fill an "
     "Olympic-size swimming pool (which contains about 2,750 tons of water).",
     None, "2,750 tons", dict(source=None)),
    ("aside-in-brackets-sport-business",
     "The club's revenue rose to £450 million, according to Deloitte. That is three times what it earned in "
     "2010 (when its television rights were worth £120 million).",
     None, "£120 million", dict(source=None)),
    ("aside-in-brackets-not-the-carry",
     "The club's revenue rose to £450 million, according to Deloitte. That is three times what it earned in "
     "2010 (when its television rights were worth £120 million).",
     None, "three times", dict(source="Deloitte")),
    # those who expected a figure are no source of the result reported after them
    ("expected-then-result-earnings",
     "Wall Street analysts surveyed by Refinitiv were expecting $2.52 a share. Comparable sales rose 3.6 percent.",
     None, "3.6 percent", dict(source=None)),
    ("expected-then-result-macro",
     "Economists polled by Reuters had forecast a 0.2% rise. Retail sales rose 0.3% in October.",
     None, "0.3%", dict(source=None)),
    # "allege" and "promise" report
    ("alleged-courts",
     "Police alleged the driver was travelling at 120 mph when he hit the barrier.",
     None, "120 mph", dict(source="police")),
    ("promised-politics",
     "Mayor Eric Adams promised 500 new police officers by 2021.",
     None, "500 new police officers", dict(source="Eric Adams")),
    # a reporting verb in a relative clause credits the noun it describes, not other figures
    ("relative-clause-credit-sport",
     "The stadium lacks the atmosphere the owners promised, and only 12,000 fans attended on Saturday.",
     None, "12,000 fans", dict(source=None)),
    ("relative-clause-credit-technology",
     "Destiny 2 isn't the only game not offering the visual quality Google promised – it's revealed in "
     "Eurogamer's review that Red Dead Redemption 2 only renders at 30fps.",
     None, "30fps", dict(source="Eurogamer")),
    # a document that claims or alleges is the source, by its own words
    ("document-claims-politics",
     "While the tweet shown above claimed that the ambassador has a net worth of $17 million, others offered "
     "lower figures.",
     None, "$17 million", dict(source="tweet", kind="estimate")),
    ("document-alleges-courts",
     "The lawsuit alleges that the company overcharged customers by $40 million.",
     None, "$40 million", dict(source="lawsuit")),
    ("document-claims-local",
     "A petition claims that 12,000 residents oppose the new runway.",
     None, "12,000 residents", dict(source="petition")),
    # a participle of publishing with its agent, on a noun of the main clause, credits the agent
    ("published-by-energy",
     "Sixteen energy technology priorities identified by the ministry in the roadmap include a reduction in "
     "module costs to $0.10 by 2030.",
     None, "$0.10", dict(source="ministry")),
    ("published-by-sport",
     "The 42 goals recorded by Opta this season include 12 from set pieces.",
     None, "42 goals", dict(source="Opta")),
    # a credit that closes its paragraph ("..., according to X.", "..., X says.") covers
    # the figures before it that no credit reached; one that opens its sentence does not
    ("credit-at-end-reaches-back-motoring",
     "The 2021 RAV4 Prime will be able to go 39 miles on battery power alone. It will get the equivalent of "
     "90 miles per gallon of gasoline, according to Toyota.",
     None, "39 miles", dict(source="Toyota")),
    ("credit-at-end-reaches-back-health",
     "The outbreak has sickened 42 people in three counties. Nine of them were taken to hospital, state health "
     "officials said.",
     None, "42 people", dict(source="state health officials")),
    ("credit-at-end-reaches-back-two-sentences-retail",
     "Consumers have purchased 208,560 new vehicles this year. Truck and SUV sales are down 2.6 percent. "
     "Dealers last year sold 303,417 new vehicles, up 4 percent, according to InfoNation.",
     None, "208,560 new vehicles", dict(source="InfoNation")),
    ("credit-opening-sentence-no-reach-back-health",
     "Plague wiped out nearly one-third of Europe's population in the 1300s. According to WHO, there were "
     "3,248 cases reported worldwide between 2010 and 2015.",
     None, "one-third", dict(source=None)),
    ("credit-opening-sentence-no-reach-back-sport",
     "The club sold 12,000 season tickets last year. The chairman said the new stand will hold 8,000 more fans.",
     None, "12,000 season tickets", dict(source=None)),
    ("credit-inside-sentence-no-reach-back-technology",
     "The console costs $499 in the United States. The key to its success, says Ward, is a catalogue that "
     "will grow to 40 games.",
     None, "$499", dict(source=None)),
    # "in the words of" credits like "according to"; the people a story follows speak for
    # themselves and never point back to the body credited before
    ("in-the-words-of-health",
     "The case report was written by doctors at Victoria Hospital.\n\nHere is how bad things got in the words of "
     "the patient: “Going upstairs to bed was a 30 min activity.”",
     None, "30 min", dict(source="patient")),
    ("in-the-words-of-disaster",
     "Firefighters said the blaze destroyed 40 homes. In the words of the survivors, the flames reached the "
     "village in 15 minutes.",
     None, "15 minutes", dict(source="survivors")),
    # "as he related", "as she put it": a pronoun speaker points back to the last source
    ("as-he-related-health",
     "In the words of the patient: “I was ill for weeks.”\n\nAs he related, “the course of steroids continued "
     "for 12 months.”",
     None, "12 months", dict(source="patient")),
    ("as-she-recounted-courts",
     "The witness Maria Lopez said she saw the robbery.\n\nAs she recounted, the men demanded $5,000 in cash.",
     None, "$5,000", dict(source="Maria Lopez")),
    # "told him to", "warned residents to": an order reports nothing
    ("directive-is-no-credit-health",
     "The doctor told him to stay in bed for 10 days.",
     None, "10 days", dict(source=None)),
    ("directive-is-no-credit-public-safety",
     "Police warned residents to stay at least 500 metres from the river.",
     None, "500 metres", dict(source=None)),
    # a quotation that runs on into the next paragraph keeps its speaker
    ("quote-runs-on-consumer",
     "According to the website, the bar is called Oxy Pure.\n\nThe bar, “consists of an oxygen concentrator that "
     "lets customers breathe 80% to 90% pure oxygen. The session lasts for 10-15 minutes.”",
     None, "10-15 minutes", dict(source="website")),
    ("quote-runs-on-politics",
     "“We will not accept this budget,” the mayor Anne Hidalgo said on Monday.\n\n“It cuts 300 teachers from our "
     "schools and closes eight libraries.”",
     None, "300 teachers", dict(source="Anne Hidalgo")),
    ("quoted-words-of-a-document-no-run-on-science",
     "“We need more providers,” Steve Clarke said.\n\nLast week the inspector general released two reports "
     "that depicted “cost increases and schedule delays”.",
     None, "two reports", dict(source=None)),
    ("credit-reaches-back-only-in-its-paragraph-labour",
     "The district employs 4,100 teachers.\n\nPay rose 2.5% last year, the union said.",
     None, "4,100 teachers", dict(source=None)),
    # a study the story opens with is the source of its findings in the paragraphs after
    # it, until another source is credited; a person who speaks of research, or a firm
    # described as one, is credited only in the paragraph
    ("study-findings-carry-health",
     "Rates of cannabis use disorder have risen in U.S. states where the drug has been legalized, according to a "
     "study.\n\nThe authors of the research published in the journal JAMA Psychiatry argued that the climb is a "
     "potential public health concern.\n\nIn adults aged 26 or older, the number who said they had used cannabis "
     "in the past month rose by 23 percent when compared with states where recreational use isn't allowed.",
     None, "23 percent", dict(source="JAMA Psychiatry")),
    ("study-findings-carry-labour",
     "Pay for the lowest-paid workers grew faster in states that raised their minimum wage, according to a "
     "study.\n\nThe authors of the research published by the Federal Reserve Bank of Chicago argued that the "
     "increases cost few jobs.\n\nAmong teenagers, hourly pay rose by 6 percent when compared with states that "
     "kept the federal minimum.",
     None, "6 percent", dict(source="Federal Reserve Bank of Chicago")),
    ("person-speaking-of-research-no-carry-motoring",
     "“Buyers are cautious,” said Jessica Caldwell, executive director of industry analysis at Edmunds.\n\n"
     "The average price of a new vehicle sold locally in October was $39,014.",
     None, "$39,014", dict(source=None)),
    # an outlet or reporter credited for what a speaker said tells it; the speaker is the source
    ("told-through-outlet-politics",
     "A major part of the reason that more agents are needed, McKinley said, is the flow of drugs into the "
     "country.\n\nBorder agents “say you’ve got to pay attention to this — $53 million a week is coming across "
     "the border in drugs,” he said, according to the Intelligencer, the Wheeling News-Register.",
     None, "$53 million", dict(source="McKinley")),
    ("told-through-reporter-health",
     "But according to NPR’s Feng, Li Jifeng, a doctor at Chaoyang Hospital where the patients were treated, "
     "wrote in a blog post that the couple had been transported to the facility on November 3—nine days before "
     "an announcement was made.",
     None, "3—nine days", dict(source="Li Jifeng")),
    ("disclosure-is-no-telling-markets",
     "Nvidia reported revenue of $46.74 billion for its fiscal second quarter, versus $46.06 billion expected by "
     "analysts, according to LSEG.",
     None, "$46.06 billion", dict(source="LSEG")),
    # the agent of a verb of forecasting or expecting is the figure's source, a name that
    # begins with a company word included (central banks, international bodies)
    ("forecast-by-named-bank-macro",
     "British consumer price inflation fell to 2.3% in October, the Office for National Statistics said.\n\n"
     "Economists polled by Reuters had expected the rate to fall to 2.1%. The Bank of England had forecast "
     "2.1% as well.",
     None, "2.1%#2", dict(source="Bank of England", kind="forecast")),
    ("forecast-by-named-bank-japan-macro",
     "The Bank of Japan had projected inflation of 2.5% for the year. Prices rose 3%.",
     None, "2.5%", dict(source="Bank of Japan", kind="forecast")),
    ("estimate-by-named-bank-global-finance",
     "The Bank for International Settlements had estimated losses of $40 billion.",
     None, "$40 billion", dict(source="Bank for International Settlements", kind="estimate")),
    # a sentence's own credit beats one carried from before; a body with no name that
    # reports is the source by its phrase (disaster copy, politics copy)
    ("own-credit-state-media-disaster",
     "The death toll from the earthquake rose to 2,700 on Tuesday, the United Nations said.\n\n"
     "Rescue teams from China and India have pulled 650 people alive from the rubble, state media reported.",
     None, "650 people", dict(source="state media")),
    ("own-credit-military-government-disaster",
     "The death toll from the earthquake rose to 2,700 on Tuesday, the United Nations said.\n\n"
     "The military government said 441 people were still missing.",
     None, "441 people", dict(source="military government")),
    ("own-credit-government-politics",
     "Turnout was 67%, according to the electoral commission.\n\n"
     "The government said 1.2 million postal ballots had been returned.",
     None, "1.2 million postal ballots", dict(source="government")),
    # an office that reports is the source by its phrase (statistics releases, coroners)
    ("unnamed-office-macro",
     "Wages rose 4.1% in the year to March, the statistics office said.",
     None, "4.1%", dict(source="statistics office")),
    ("unnamed-office-public-safety",
     "The county emergency management office said 14 people died in the fire.",
     None, "14 people", dict(source="county emergency management office")),
    # ... but a person's office speaks for the person, not as a body of its own
    ("possessed-office-politics",
     "His office said he was keeping plans for a conference of the association, which gave nearly $5.9 million "
     "toward his campaign.",
     None, "$5.9 million", dict(source=None)),
    ("possessed-office-ethics",
     "Her office said the senator had repaid $12,000 in travel costs.",
     None, "$12,000", dict(source=None)),
    # a company word a public body's modifier makes an outlet of the state's points back
    # to no company (disaster copy after a results paragraph, aviation)
    ("state-broadcaster-disaster",
     "Apple earned $23.6 billion in the quarter.\n\n"
     "Officials in the capital said 1,200 homes had been destroyed. The state broadcaster reported 85 deaths.",
     None, "85 deaths", dict(source="state broadcaster")),
    ("state-broadcaster-aviation",
     "Shares of the airline fell 4% after the storm.\n\nThe state broadcaster said 12 flights were cancelled.",
     None, "12 flights", dict(source="state broadcaster")),
    # a money figure the press reports of a company's deal is no guidance of its own
    # unless a word of guidance says so (capital markets, energy, consumer tech)
    ("set-to-raise-no-guidance-markets",
     "Alibaba is set to raise up to $12.9bn from its record-breaking second listing in Hong Kong.",
     None, "$12.9bn", dict(source=None, kind="forecast")),
    ("set-to-raise-no-guidance-bonds",
     "Meta is set to raise $10.5 billion from a bond sale, its first since 2022.",
     None, "$10.5 billion", dict(source=None, kind="forecast")),
    ("guidance-word-still-credits-retail",
     "Walmart raised its guidance and now expects sales of $680 billion for the year.",
     None, "$680 billion", dict(source="Walmart", kind="forecast")),
    ("guidance-midpoint-tech",
     "At the midpoint, Alphabet's 2026 capital expenditures would be $180 billion, nearly double this year's.",
     None, "$180 billion", dict(source="Alphabet", kind="forecast")),
    ("guidance-midpoint-apparel",
     "At the midpoint of its range, Nike's revenue would be $52 billion next year.",
     None, "$52 billion", dict(source="Nike", kind="forecast")),
    # what an organisation's own product will do, credited to no one, is the maker's
    # claim (motoring, aviation, consumer tech); not a conditional, nor a country's
    ("maker-product-will-motoring",
     "Ford’s Mustang Mach E SUV will go 230 miles per charge depending on how it’s equipped.",
     None, "230 miles", dict(source="Ford", kind="forecast")),
    ("maker-product-will-aviation",
     "Boeing’s 777X will be able to carry 426 passengers.",
     None, "426 passengers", dict(source="Boeing", kind="forecast")),
    ("maker-product-will-consumer-tech",
     "Apple's new headset will cost $3,499 when it goes on sale next year.",
     None, "$3,499", dict(source="Apple", kind="forecast")),
    ("maker-conditional-is-no-claim-markets",
     "At the reported pricing, Alibaba’s secondary listing would raise at least 88 billion Hong Kong dollars.",
     None, "88 billion Hong Kong dollars", dict(source=None)),
    ("maker-country-is-no-maker-macro",
     "China's economy will grow 5% next year.",
     None, "5%", dict(source=None)),
    # a credit inside the figure's own noun phrase beats the sentence's speaker (trade,
    # housing, labour)
    ("touted-by-in-what-an-expert-said-trade",
     "One Washington-based trade expert said that to achieve the $40-50 billion in annual Chinese purchases of "
     "American farm goods touted by Trump in October, he would likely have to eliminate all of the tariffs.",
     None, "$40-50 billion", dict(source="Trump")),
    ("pledged-by-in-what-critics-said-housing",
     "Critics said the 40,000 homes pledged by the housing ministry would take a decade to build.",
     None, "40,000 homes", dict(source="housing ministry")),
    ("promised-by-in-what-analysts-doubt-labour",
     "Analysts doubt the 3 million jobs promised by the governor will materialise.",
     None, "3 million jobs", dict(source="governor")),
    # a count and a place before people say how many and where they are based, not whom
    # they speak for (trade, EU politics)
    ("based-in-a-place-people-trade",
     "One Washington-based trade expert said the deal would add $40 billion in purchases.",
     None, "$40 billion", dict(source="Washington-based trade expert")),
    ("based-in-a-place-people-politics",
     "Two Brussels-based officials said the fund would reach €750 billion.",
     None, "€750 billion", dict(source="Brussels-based officials")),
    # a quotation left open at its paragraph's end goes on in the next paragraph that
    # opens with a quotation mark, whatever comes between (sport, trade); a closed one
    # does not
    ("quote-runs-on-sport",
     "Tottenham said in a statement: \"Jose is one of the most accomplished managers, having won 25 senior "
     "trophies.\n\n\"He is renowned for his tactical prowess.\n\nClub statement\n\n\"He has won a domestic "
     "title in a record four different countries.\"",
     None, "four different countries", dict(source="Tottenham Hotspur")),
    ("quote-runs-on-trade",
     "The ministry said in a statement: “Exports rose 5% last year.\n\n“Imports fell in every quarter.\n\n"
     "Full statement\n\n“The trade surplus reached $12 billion, a record.”",
     None, "$12 billion", dict(source="ministry")),
    ("quote-closed-does-not-run-on-trade",
     "The ministry said exports rose 5% last year.\n\nOfficials met on Monday.\n\nMarkets were calm.\n\n"
     "“The trade surplus reached $12 billion, a record.”",
     None, "$12 billion", dict(source=None)),
    # "speak" takes no clause of what is said: it credits no figure of its own sentence
    # (state politics, tax policy), only the findings told after it (test_frame.py)
    ("spoke-before-lawmakers-politics",
     "While some Indiana protesters chanted, “Red for Ed,” in a Statehouse hallway, Indiana House Speaker Brian "
     "Bosma spoke before lawmakers defending the state budget approved by Republicans in April that boosted base "
     "school spending by 2.5% each of the next two years.",
     None, "2.5%", dict(source=None)),
    ("spoke-at-a-rally-tax",
     "The minister spoke at a rally praising the plan that cut fuel taxes by 10%.",
     None, "10%", dict(source=None)),
    # "according to the man": one person with no name is the one quoted before (a medical
    # case report, crime copy); not a body credited before
    ("according-to-the-man-health",
     "Here is how bad things got in the words of the patient: “Going upstairs was a 30 min activity.”\n\n"
     "The doctor prescribed steroids. According to the man, the steroids “had a transformative effect within "
     "2 days.”",
     None, "2 days", dict(source="patient")),
    ("according-to-the-woman-crime",
     "“He took everything,” the victim told police.\n\nOfficers searched the house on Monday. According to the "
     "woman, the intruder took $500 in cash.",
     None, "$500", dict(source="victim")),
    ("according-to-the-woman-not-a-body-crime",
     "Police said the intruder fled.\n\nAccording to the woman, the intruder took $500 in cash.",
     None, "$500", dict(source=None)),
    # "put" and "peg" report a figure only with "at" (sport, state politics, disaster,
    # markets)
    ("put-the-ball-reports-nothing-sport",
     "Vogel has put the ball in James’ hands constantly on offense. Seven of LeBron’s assists came on baskets "
     "by Davis.",
     None, "Seven", dict(source=None)),
    ("put-the-blame-reports-nothing-politics",
     "The governor put the blame on lawmakers. The state budget rose 4% this year.",
     None, "4%", dict(source=None)),
    ("put-the-toll-at-reports-disaster",
     "The ministry put the death toll at 215 people on Monday.",
     None, "215 people", dict(source="ministry")),
    ("peg-the-cost-at-reports-markets",
     "Goldman Sachs pegs the cost at $5 billion.",
     None, "$5 billion", dict(source="Goldman Sachs")),
    # a brand written lower-case that a team or people work for is their source (ad
    # tech, consumer electronics, insurance)
    ("styled-name-team-adtech",
     "To answer this question, the my6sense data analytics team analyzed billions of native ad units in the "
     "last 6 months of 2017.\n\nIn-feed ad units are 20% less profitable than recommendation widgets.",
     None, "20%", dict(source="my6sense")),
    ("styled-name-team-robotics",
     "The iRobot engineering team found that 40% of homes had pets.",
     None, "40%", dict(source="iRobot")),
    ("styled-name-study-from-team-health",
     "A study from the dataMatters research team found that 12% of adults vaped daily.",
     None, "12%", dict(source="dataMatters")),
    ("unnamed-team-is-no-source-retail",
     "The data team said 20% of buyers returned items.",
     None, "20%", dict(source=None)),
    # a quotation with no figure by one of the study's body interrupts its findings; an
    # outsider's ends them (household survey, health survey)
    ("study-quote-of-its-own-people-households",
     "The goodData team surveyed 2,000 households and found that 12% of them owned a drone.\n\n"
     "\"Drones are everywhere,\" said Jane Roe, director of the goodData team.\n\nAmong renters, the share was 4%.",
     None, "4%", dict(source="goodData")),
    ("study-quote-of-its-own-people-health",
     "According to a study from Pew, 12% of adults vaped daily.\n\n“We were surprised,” said Jane Roe, a "
     "researcher at Pew.\n\nAmong teenagers, the rate was 4%.",
     None, "4%", dict(source="Pew Research Center")),
    ("study-quote-of-an-outsider-households",
     "The goodData team surveyed 2,000 households and found that 12% of them owned a drone.\n\n"
     "\"Drones are everywhere,\" said Jane Roe, a professor at Yale who was not involved.\n\n"
     "Among renters, the share was 4%.",
     None, "4%", dict(source=None)),
    ("research-firm-no-carry-markets",
     "CreditSights, the fixed-income research firm, has documented that capital expenditure now exceeds cash "
     "flows.\n\nThe ratio of capital expenditure to revenue has reached 45 to 57%.",
     None, "45 to 57%", dict(source=None)),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_source(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)
