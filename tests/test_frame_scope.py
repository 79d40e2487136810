"""Framing, where a figure counts: a local story quotes national, statewide and worldwide
figures ("Nationally, dealers sold nearly 17.3 million new vehicles"; "there were 3,248
cases reported worldwide"), and a figure whose own clause carries a scope word is about
the country, state or world of the place the story is about, not that place
(extract/frame/scope.py, extract/data/places.toml)."""

import pytest

from extract.frame.scope import Place, _dateline_place, _most_named_place
from extract.records import Article

HOUSTON_CARS = (
    "New vehicle sales in the Houston area plunged 10 percent last month, despite low interest rates, "
    "according to the Houston Automobile Dealers Association.\n\n"
    "Local auto dealers sold 30,154 new cars, trucks and SUVs in October.\n\n")

# id, article, surface, expected subject
CASES = [
    # national: the country of the story's place (car sales; jobs; health), however it is named
    ("cars-nationally", HOUSTON_CARS +
     "Nationally, dealers sold nearly 17.3 million new vehicles last year, an increase of just 0.3 percent "
     "from 2017.", "0.3 percent", "US"),
    ("cars-nationally-count", HOUSTON_CARS +
     "Nationally, dealers sold nearly 17.3 million new vehicles last year, an increase of just 0.3 percent "
     "from 2017.", "17.3 million new vehicles", "US"),
    ("jobs-nationwide-dateline",
     "COLUMBUS, Ohio — Employers in Ohio added 12,400 jobs in March as the state's unemployment rate fell "
     "to 4.1 percent, the Department of Job and Family Services said Friday.\n\n"
     "Nationwide, employers added 196,000 jobs in March, the Labor Department said.",
     "196,000 jobs", "US"),
    ("jobs-across-the-country-uk",
     "MANCHESTER, England — The number of people out of work in Greater Manchester rose by 3,000 in the "
     "three months to June, official figures showed on Tuesday.\n\n"
     "Across the country, unemployment rose to 4.2 per cent, the Office for National Statistics said.",
     "4.2 per cent", "UK"),
    ("health-national-average",
     "Methamphetamine use is climbing in South Dakota, where arrests for the drug have tripled since 2012.\n\n"
     "In 2016, the state's Department of Social Services reported that the number of young people in the "
     "state who have reported using meth was 3.8 percent, compared to the national average of 3 percent.",
     "3 percent", "US"),
    ("health-india-nationwide",
     "NEW DELHI: Dengue cases in Delhi rose to 1,872 this season, the municipal corporation said on "
     "Monday.\n\n"
     "Nationwide, more than 99,000 people have been infected this year, health ministry data show.",
     "99,000 people", "India"),
    # a scope adjective on a measure (housing; jobs); the scope's noun read as a subject
    ("housing-national-median",
     "DENVER — Home prices in the Denver metro area rose 4.2 percent in October from a year earlier, "
     "the Denver Metro Association of Realtors said Wednesday.\n\n"
     "The national median price was $405,000.", "$405,000", "US"),
    ("jobs-national-rate",
     "Unemployment in Michigan fell to 4.1 percent in May, the lowest since 2000, state officials said. "
     "Detroit's jobless rate fell to 8.9 percent.\n\n"
     "The national unemployment rate held at 3.6 percent.", "3.6 percent", "US"),
    ("mortgages-across-the-country",
     "DENVER — Home prices in the Denver metro area rose 4.2 percent in October from a year earlier, "
     "the Denver Metro Association of Realtors said Wednesday.\n\n"
     "Mortgage rates across the country averaged 7.6 percent for a 30-year fixed loan, according to "
     "Freddie Mac.", "7.6 percent", "US"),
    # a common noun whose value the figure is: the scope owns it (elections; energy; fuel prices)
    ("elections-turnout-nationwide",
     "LONDON (Reuters) - Labour won the Leeds Central by-election on Thursday with 54 percent of the vote.\n\n"
     "Nationwide, turnout at the 2019 general election was 67.3 percent.", "67.3 percent", "UK"),
    ("energy-demand-globally",
     "HOUSTON — Texas oil output rose to a record 5.6 million barrels a day in October, state data "
     "showed.\n\n"
     "Globally, oil demand is expected to grow by 1.2 million barrels a day next year, the International "
     "Energy Agency said.", "1.2 million barrels", "world"),
    ("fuel-nationwide-average",
     "COLUMBUS, Ohio — The average price of a gallon of regular gasoline in Ohio fell 9 cents over the "
     "past week to $2.94, according to GasBuddy.\n\n"
     "The nationwide average is down 21 cents from a month ago.", "21 cents", "US"),
    ("housing-after-a-group",
     "DENVER — Home prices in the Denver metro area rose 4.2 percent in October from a year earlier.\n\n"
     "Local agents closed 3,812 sales last month, down 6 percent from September.\n\n"
     "Nationally, existing-home sales fell 2.5 percent, the National Association of Realtors said.",
     "2.5 percent", "US"),  # "Local agents" is no company whose sales these are
    # "the country's", "the state's": the place its paragraph named last, else the story's (trade; jobs)
    ("trade-the-countrys",
     "COLUMBUS, Ohio — Ohio farmers shipped $1.2 billion of soybeans abroad last year, state officials said.\n\n"
     "In Beijing, officials said the country's exports rose 7 percent in March.", "7 percent", "China"),
    ("jobs-the-states",
     "COLUMBUS, Ohio — Employers in Ohio added 12,400 jobs in March, the Department of Job and Family "
     "Services said Friday.\n\n"
     "The state's labor force grew by 9,000 people.", "9,000 people", "Ohio"),
    ("economy-the-nations",
     "HOUSTON — Texas added 41,000 jobs in the first quarter, the Texas Workforce Commission said.\n\n"
     "The nation's economy grew at a 2.4 percent annual rate in the first quarter.", "2.4 percent", "US"),
    # statewide: the state of the story's place (schools; wildfires)
    ("schools-statewide",
     "Indianapolis – Several thousand teachers wearing red surrounded the Indiana Statehouse on Tuesday "
     "to call for better pay.\n\n"
     "Statewide, nearly 300 school districts closed because of the rally, according to teachers unions.",
     "300 school districts", "Indiana"),
    ("fires-statewide",
     "SACRAMENTO, Calif. — A wildfire north of Sacramento grew to 12,000 acres overnight, fire officials "
     "said on Sunday.\n\n"
     "Statewide, fires have burned more than 1.4 million acres this year, officials said.",
     "1.4 million acres", "California"),
    # worldwide: the world (disease; climate)
    ("disease-worldwide",
     "Three cases of plague have been diagnosed in China, sparking fears about the spread of the disease, "
     "though officials said the risk is low.\n\n"
     "According to WHO, there were 3,248 cases reported worldwide between 2010 and 2015, with 584 deaths.",
     "584 deaths", "world"),
    ("climate-globally",
     "SYDNEY — Australia recorded its hottest year on record in 2019, with average temperatures 1.52 "
     "degrees Celsius above the long-term average, the Bureau of Meteorology said.\n\n"
     "Globally, carbon dioxide emissions from fossil fuels rose 0.6 percent last year, researchers said.",
     "0.6 percent", "world"),
    ("climate-coordinated-clauses",
     "MIAMI BEACH, Fla. — Miami Beach will spend $480 million over the next decade to raise roads, city "
     "commissioners decided on Tuesday.\n\n"
     "Globally, sea levels have risen about 21 centimeters since 1880, and the rate of rise has more than "
     "tripled in recent decades, according to NOAA.", "tripled", "world"),
    ("disease-fronted-worldwide",
     "MUMBAI (Reuters) - Maharashtra reported 4,870 new dengue cases in the week to Sunday, state health "
     "officials said.\n\n"
     "Worldwide, about 390 million people are infected with dengue every year, the World Health "
     "Organization estimates.", "390 million people", "world"),
    # a country the clause sets the counted thing in (cars; road deaths)
    ("cars-in-the-us",
     "LOS ANGELES — Electric cars and SUVs dominate the Los Angeles Auto Show, which opens to the public "
     "on Friday.\n\n"
     "Analysts expect the number of electric vehicles for sale in the U.S. to grow from 16 currently to "
     "as many as 80 by 2022.", "16", "US"),
    ("roads-in-britain",
     "PARIS — Road deaths in France fell to 3,244 last year, the lowest on record, the road safety "
     "agency said.\n\n"
     "By comparison, about 1,750 people died on roads in Britain last year.",
     "1,750 people", "UK"),
    # a place in the phrase that credits the figure is the source's (power cuts; polling)
    ("outage-credit-phrase",
     "PARIS — Storm Ciaran cut power to 1.2 million homes in France on Thursday, the grid operator said.\n\n"
     "More than 450,000 people were without communication, according to a group representing rural "
     "councils in Britain.", "450,000 people", "not UK"),
    ("polling-credit-phrase",
     "TORONTO — Support for the Liberals fell to 29 percent in Ontario this month.\n\n"
     "About 1,200 voters were undecided, according to a survey by a firm based in the United States.",
     "1,200 voters", "not US"),
    # an owner the clause names keeps the figure, whatever its scope; a ranking's field is none
    ("markets-ranking-field",
     "Alibaba is set to raise up to $12.9bn from its second listing in Hong Kong, pricing its shares at a "
     "2.8 per cent discount.\n\n"
     "The deal – set to be the largest share sale in Hong Kong for nine years – represents a boost for "
     "the city's bourse.", "nine years", "not Hong Kong"),
    ("sport-ranking-field",
     "Manchester City beat Liverpool 2-1 on Sunday to go top of the Premier League.\n\n"
     "Fans packed the Etihad Stadium, the biggest crowd in Britain for 12 years, the club said.",
     "12 years", "not UK"),
    ("film-pronoun-owner",
     "The Lion King roared to a $185 million opening weekend, Disney said on Sunday.\n\n"
     "The remake drew families in large numbers.\n\n"
     "It has grossed $850 million in the United States since its release.", "$850 million", "not US"),
    ("company-global-sales",
     "NEW YORK (Reuters) - Nike Inc on Thursday reported quarterly revenue above Wall Street estimates.\n\n"
     "Nike said revenue rose 10% to $10.7 billion. Sales rose 5% globally, while sales in North America "
     "rose 4%.", "5%", "not world"),
    ("company-word-owner",
     "NEW YORK (Reuters) - Nike Inc on Thursday reported quarterly revenue of $10.7 billion, above Wall "
     "Street estimates.\n\n"
     "Demand for sneakers was strong in the quarter, analysts said.\n\n"
     "Shoppers returned to its stores.\n\n"
     "Worldwide, the company sold 190 million pairs of shoes last year.", "190 million pairs", "not world"),
    ("cars-owner-nationwide", HOUSTON_CARS +
     "Toyota sold 2.4 million vehicles nationwide last year, the carmaker said.",
     "2.4 million vehicles", "Toyota"),
    ("airline-owned-fleet",
     "DUBAI, United Arab Emirates — Emirates placed a $16 billion order for 30 Boeing 787 jets on "
     "Wednesday.\n\n"
     "Boeing's 737 Max remains grounded after two crashes. Its fleet of roughly 400 737 Max jets around "
     "the world have been grounded since March.",
     "400 737 Max jets", None),  # not "world": the fleet is its owner's, whoever that is
    ("health-local-figure-stays",
     "Methamphetamine use is climbing in South Dakota, where arrests for the drug have tripled since 2012.\n\n"
     "In 2016, the state's Department of Social Services reported that the number of young people in the "
     "state who have reported using meth was 3.8 percent, compared to the national average of 3 percent.",
     "3.8 percent", "not US"),
    # a thing the story introduced owns its worldwide total ("the sequel", "the tour", "the drug")
    ("film-sequel-worldwide",
     "LOS ANGELES (Reuters) - \"Inside Out 2\" led the box office again.\n\n"
     "The animated sequel has now grossed $355 million domestically and $724 million worldwide.",
     "$724 million", "Inside Out 2"),  # the sequel described, the title named before
    ("concert-tour-worldwide",
     "The tour has grossed $200 million domestically and $580 million worldwide.", "$580 million", "tour"),
    ("drug-sales-worldwide",
     "The drug generated $3 billion domestically and $5 billion worldwide last year.", "$5 billion", "drug"),
]


def _claims(nlp, text):
    from extract.pipeline import extract_claims

    return extract_claims(Article(text=text, regions=[(0, len(text))], date=None), "case", nlp)


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_figure_scoped_in_its_clause_is_about_that_scope(nlp, text, surface, subject):
    hits = [c for c in _claims(nlp, text) if c.surface == surface]
    assert hits, f"{surface!r} not extracted"
    if subject is None:
        assert hits[0].subject != "world"
    elif subject.startswith("not "):
        assert hits[0].subject != subject[4:]
    else:
        assert hits[0].subject == subject


@pytest.mark.parametrize("lede,place", [
    ("COLUMBUS, Ind. — Police arrested six people Monday.", Place("Indiana", "US")),
    ("NEW DELHI: Nearly 150 Indians returned home on Wednesday.", Place(None, "India")),
    ("LONDON (Reuters) - British house prices rose 0.4% in May.", Place("England", "UK")),
    ("Indianapolis – Several thousand teachers wearing red surrounded the Statehouse.", Place("Indiana", "US")),
    ("DUBAI, United Arab Emirates — Emirates ordered 30 jets.", Place(None, "United Arab Emirates")),
    ("Nationally, dealers sold 17.3 million vehicles.", None),
], ids=["city-state-abbreviation", "capital-upper-case", "wire-credit", "city-dash", "city-country", "no-dateline"])
def test_a_dateline_names_the_story_place(lede, place):
    assert _dateline_place(lede) == place


@pytest.mark.parametrize("text,place", [
    ("Sales in Houston fell. Dallas dealers did better. Nationally, sales rose.", Place("Texas", "US")),
    ("Plague was found in Inner Mongolia and treated in Beijing; China said the risk was low.",
     Place(None, "China")),
    ("Road deaths in Manchester and Leeds rose, while Paris saw fewer.", Place("England", "UK")),
    ("Washington said tariffs would rise; Washington's trade office agreed. Farmers in Texas worried.",
     Place("Texas", "US")),
    ("Nationally, sales rose 3 percent.", None),
], ids=["us-cities", "china-capital-and-country", "most-named-country", "government-not-counted", "no-place"])
def test_without_a_dateline_the_most_named_country(text, place):
    assert _most_named_place(text) == place
