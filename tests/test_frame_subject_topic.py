"""Framing, who a figure is about, across an article: a role or group that acts in a
clause ("investors have been told", "a federal jury deliberated", "drivers can close
the roof") does not own the figure; in a story about one entity the figure is the
topic's (extract/data/subject.toml [generic])."""

import pytest

from extract.frame.article import _mostly_source, _only_modifier, _only_speaker, article_topic, is_generic
from extract.records import Article

# id, article (lede names the topic; most figures are its), surface, expected subject
CASES = [
    ("markets-investors",
     "Alibaba is set to raise up to $12.9bn from its second listing in Hong Kong, pricing its "
     "shares at a 2.8 per cent discount to their New York close on Tuesday evening.\n\n"
     "The company will announce the terms later on Wednesday, but investors have been told "
     "176 Hong Kong dollars is likely to be the final price for each of the new shares.",
     "176 Hong Kong dollars", "Alibaba"),
    ("court-jury",
     "A Texas man, Michael Webb, was convicted and sentenced to life in federal prison on Thursday "
     "for kidnapping an 8-year-old girl outside her home in Fort Worth in February.\n\n"
     "Webb confessed in a three-hour recorded interview with the FBI, investigators said in court.\n\n"
     "After a two-day trial in September, a federal jury deliberated for less than 10 minutes "
     "before convicting Webb of kidnapping the girl, prosecutors said on Thursday.",
     "10 minutes", "Webb"),
    ("retail-shoppers",
     "Home Depot reported third-quarter sales of $27.2 billion on Tuesday, up 3.5 percent from a "
     "year earlier, and cut its outlook for the full year as lumber prices fell.\n\n"
     "Home Depot said same-store sales rose 3.6 percent in the quarter, short of forecasts.\n\n"
     "Shoppers spent an average of $67.04 per visit, up 2.3 percent from a year earlier, the "
     "retailer said in its quarterly report on Tuesday morning.",
     "$67.04", "Home Depot"),
    ("media-carried",
     "In case you are living in Delhi, chances are you have an app or two to find out the latest air "
     "quality index in your area. Sadly, Delhi pollution has become a standard feature of winter. Amid "
     "all this, a news has gone viral on social media about an ‘oxygen bar’!\n\n"
     "Yup, you read it right! From The New York Times to the CNN, almost all major foreign publications "
     "have carried the news about this unique ‘bar’. According to reports, this bar is offering oxygen to "
     "anyone who is ready to pay Rs 300 for fresh air for 15 minutes.\n\n"
     "The bar opened in Delhi in May, and Delhi doctors say the oxygen does little for anyone's lungs.",
     "Rs 300", "bar"),  # the media are no owner; "this bar" points back to the bar introduced
    ("media-outlets",
     "Spotify raised the price of its premium plan in the United States on Monday, its first increase "
     "for individual subscribers in five years.\n\n"
     "Several outlets put the new price at $10.99 a month before it was announced, and Spotify said "
     "family plans would rise too.",
     "$10.99", "Spotify"),
]


def _claims(nlp, text):
    from extract.pipeline import extract_claims

    return extract_claims(Article(text=text, regions=[(0, len(text))], date=None), "case", nlp)


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_role_in_the_clause_gives_way_to_the_topic(nlp, text, surface, subject):
    hits = [c for c in _claims(nlp, text) if c.surface == surface]
    assert hits, f"{surface!r} not extracted"
    assert hits[0].subject == subject


@pytest.mark.parametrize("phrase,generic", [
    ("Local auto dealers", True), ("the federal jury", True), ("Officers", True), ("The deal", True),
    ("Federal Reserve", False), ("Columbus Police", False), ("Home Depot", False), ("Lexus RX", False),
    ("SUV", True), ("new sedan", True), ("condos", True), ("almost all major foreign publications", True),
    ("Several outlets", True), ("New York Times", False),
], ids=lambda v: str(v))
def test_which_subjects_are_roles_not_owners(phrase, generic):
    assert is_generic(phrase) is generic


# id, article whose figures name no owner in their clauses, surface, expected subject:
# the name its lede writes and the story keeps returning to
REPEATED_NAME_CASES = [
    ("car-review",
     "Earlier this year, Lexus revealed an open-top version of its grand tourer, and at the "
     "Los Angeles Auto Show on Wednesday the Japanese marque pulled the covers off the production car.\n\n"
     "Lexus says the soft-top is made of four layers of fabric and keeps the cabin quiet at speed.\n\n"
     "Lexus has not yet announced prices for the car, which goes on sale next summer.\n\n"
     "Under the hood, it is the same 5.0-liter V8 engine which produces 471 horsepower.",
     "471 horsepower", "Lexus"),
    ("state-politics",
     "Several thousand teachers wearing red surrounded the Indiana Statehouse on Tuesday to call for "
     "better pay from the state government in a protest that closed many school districts.\n\n"
     "Indiana lawmakers approved a budget in April that raised school funding, but teachers say "
     "Indiana still trails its neighbours on pay.\n\n"
     "More than 300 school districts had closed for the day, according to the state's education department.",
     "300 school districts", "Indiana"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in REPEATED_NAME_CASES],
                         ids=[c[0] for c in REPEATED_NAME_CASES])
def test_the_name_a_story_returns_to_is_its_topic(nlp, text, surface, subject):
    hits = [c for c in _claims(nlp, text) if c.surface == surface]
    assert hits, f"{surface!r} not extracted"
    assert hits[0].subject == subject


# id, article whose lede's figure names a place or owner written nowhere else, surface,
# expected subject: the lede's figure is the story's topic (article.py _lede_figure_name)
LEDE_FIGURE_CASES = [
    ("local-car-sales",
     "New vehicle sales in the Houston area plunged 10 percent last month, despite low interest rates.\n\n"
     "Local auto dealers sold 30,154 new cars, trucks and SUVs in October, down from a year ago.\n\n"
     "Consumers have purchased 208,560 new vehicles this year.",
     "208,560 new vehicles", "Houston"),
    ("local-home-sales",
     "Home sales in Maricopa County fell 8 percent in October as mortgage rates climbed, a realtors' "
     "group said.\n\n"
     "Buyers signed 5,120 contracts during the month, the fewest for any October since 2014, "
     "as the typical monthly payment on a new loan rose again.\n\n"
     "Sellers cut prices on about a third of listings.",
     "5,120 contracts", "Maricopa County"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in LEDE_FIGURE_CASES],
                         ids=[c[0] for c in LEDE_FIGURE_CASES])
def test_the_lede_figure_names_the_topic_when_nothing_else_does(nlp, text, surface, subject):
    hits = [c for c in _claims(nlp, text) if c.surface == surface]
    assert hits, f"{surface!r} not extracted"
    assert hits[0].subject == subject


# id, lede, name, whether the lede writes the name only to modify a common noun
# (data/subject.toml [topic_modifier]): such a name is no story's topic
MODIFIER_CASES = [
    ("space-moon", "The Jupiter moon Europa's elusive and enigmatic water-vapor plumes do indeed seem "
     "to be real.", "Jupiter", True),
    ("space-moon-own", "The Jupiter moon Europa's elusive and enigmatic water-vapor plumes do indeed seem "
     "to be real.", "Europa", False),
    ("crime-place", "A video showing the dramatic moment a kidnapped 8-year-old Fort Worth girl was "
     "rescued by police was released Monday.", "Fort Worth", True),
    ("energy-sector", "South Korea’s Ministry of Trade, Industry and Energy (MOTIE) has unveiled a plan "
     "to help the PV industry further reduce the costs of solar module technology.", "PV", True),
    ("politics-speaker", "In October, Rep. David McKinley, R-W.Va., visited the U.S.-Mexico border near "
     "McAllen, Texas, and argued that the United States needs stronger border security.",
     "McKinley", False),
    ("politics-country-verb", "In October, Rep. David McKinley, R-W.Va., visited the U.S.-Mexico border near "
     "McAllen, Texas, and argued that the United States needs stronger border security.",
     "United States", False),
    ("trade-possessive", "When President Trump’s advisers suggested that Beijing resume buying around "
     "$20 billion in American farm products as part of a trade deal, Mr. Trump wasn’t satisfied.",
     "Trump", False),
    ("retail-subject", "Home Depot reported third-quarter sales of $27.2 billion on Tuesday, up 3.5 percent "
     "from a year earlier.", "Home Depot", False),
]


@pytest.mark.parametrize("lede,name,modifier", [c[1:] for c in MODIFIER_CASES],
                         ids=[c[0] for c in MODIFIER_CASES])
def test_a_name_written_only_as_a_modifier_is_told_apart(lede, name, modifier):
    assert _only_modifier(name, [lede]) is modifier


# id, article whose lede writes one name as another's modifier, expected topic
MODIFIER_TOPIC_CASES = [
    ("space-moon",
     "The Jupiter moon Europa's elusive and enigmatic water-vapor plumes do indeed seem to be real.\n\n"
     "A new study found evidence of a plume rising from Europa in data gathered by the Galileo probe.\n\n"
     "Europa is thought to harbor a global ocean beneath its icy shell, and Europa may be habitable.",
     "Europa"),
    ("crime-place",
     "A video showing the dramatic moment a kidnapped 8-year-old Fort Worth girl was rescued by police "
     "was released Monday.\n\n"
     "Officers in Fort Worth found the girl in a hotel room, and Fort Worth police arrested the suspect; "
     "a Fort Worth detective testified at trial.",
     None),
]


@pytest.mark.parametrize("body,topic", [c[1:] for c in MODIFIER_TOPIC_CASES],
                         ids=[c[0] for c in MODIFIER_TOPIC_CASES])
def test_a_modifier_in_the_lede_is_not_the_topic(body, topic):
    assert article_topic(body) == topic


# id, paragraph, name, whether the paragraph writes the name only as a speaker or as the
# one an act is done to (data/subject.toml [topic_speaker], [topic_object]): no topic
SPEAKER_CASES = [
    ("police-spokesman", "Officers from the Columbus Police Department conducted a traffic stop near Seventh "
     "Street and later arrested Elizabeth A. Burton, 32, after locating methamphetamine in her car, "
     "said Lt. Matt Harris, Columbus Police Department spokesman.", "Harris", True),
    ("police-arrested", "Officers from the Columbus Police Department conducted a traffic stop near Seventh "
     "Street and later arrested Elizabeth A. Burton, 32, after locating methamphetamine in her car, "
     "said Lt. Matt Harris, Columbus Police Department spokesman.", "Burton", True),
    ("social-consultant", "“You can buy followers for almost nothing,” said Will Tjernlund, a consultant "
     "who runs ads for brands on the app.", "Tjernlund", True),
    ("court-defendant", "The suspect, Michael Webb, was convicted and sentenced to life in federal prison "
     "last Thursday.", "Webb", False),
    ("space-agency", "It is for that reason that the United States's space agency NASA on Monday enlisted "
     "the engineering muscle of the commercial space industry’s upstarts.", "NASA", False),
]


@pytest.mark.parametrize("text,name,only", [c[1:] for c in SPEAKER_CASES], ids=[c[0] for c in SPEAKER_CASES])
def test_a_speaker_or_the_one_acted_on_is_told_apart(text, name, only):
    assert _only_speaker(name, text) is only


# id, article whose lede names no topic, expected topic: the name its second paragraph
# introduces and the story keeps returning to, not a speaker or a part of a longer name
SECOND_PARAGRAPH_CASES = [
    ("court-video",
     "A video showing the dramatic moment a kidnapped 8-year-old Fort Worth girl was rescued by police "
     "was released Monday.\n\n"
     "The suspect, Michael Webb, was convicted and sentenced to life in federal prison last Thursday.\n\n"
     "Officers found Webb at a hotel. Webb confessed to the crime and the jury took just 15 minutes "
     "to find him guilty. Webb, 51, will appeal.",
     "Webb"),
    ("space-contracts",
     "Getting to the Moon, while not easy, has been done. Staying on the Moon and reaching Mars, however, "
     "haven’t.\n\n"
     "It is for that reason that the United States's space agency NASA on Monday enlisted the engineering "
     "muscle of the commercial space industry’s upstarts.\n\n"
     "NASA added five companies to a list of nine, and NASA will pay them to deliver payloads.",
     "NASA"),
    ("police-arrests",
     "Police arrested six people Monday during a narcotics investigation involving drug activity at a "
     "local home on the east side.\n\n"
     "Officers from the Columbus Police Department Intelligence Led Policing Unit later arrested "
     "Elizabeth A. Burton, 32, said Lt. Matt Harris, Columbus Police Department spokesman.\n\n"
     "Burton was booked into jail, Harris said. Officers later found Burton's phone, Harris said.",
     "Columbus"),
]


@pytest.mark.parametrize("body,topic", [c[1:] for c in SECOND_PARAGRAPH_CASES],
                         ids=[c[0] for c in SECOND_PARAGRAPH_CASES])
def test_the_second_paragraph_names_the_topic_when_the_lede_does_not(body, topic):
    assert article_topic(body) == topic


# id, article about one market whose figures are split by a kind of goods it sells
# (data/subject.toml [generic] segments), surface, expected subject: the market's place
SEGMENT_CASES = [
    ("autos-local",
     "New vehicle sales in the Denver area fell 8 percent last month, despite low interest rates and "
     "year-end deals.\n\n"
     "Truck and SUV sales are down 4.1 percent, while sedan sales are down 11.6 percent, the dealers' "
     "association said in its monthly report.",
     "11.6 percent", "Denver"),
    ("autos-price",
     "New vehicle sales in the Denver area fell 8 percent last month, despite low interest rates and "
     "year-end deals.\n\n"
     "The average price of a new truck or SUV sold in October was $43,100 while the average price for a "
     "new sedan was $29,870, according to the report.",
     "$29,870", "Denver"),
    ("autos-fleet",
     "New vehicle sales in the Denver area fell 8 percent last month, despite low interest rates and "
     "year-end deals.\n\n"
     "Denver-area fleet sales -- new vehicles sold to corporations and governments -- began trending "
     "upwards last month, representing 14.6 percent of all vehicle sales in October.",
     "14.6 percent", "Denver"),
    ("trucks-fleet",
     "Heavy truck orders in the Chicago area rose 12 percent in the third quarter as freight volumes "
     "recovered, a dealers' group said.\n\n"
     "Chicago-area fleet purchases made up 61 percent of those orders, up from 55 percent a year earlier.",
     "61 percent", "Chicago"),
    ("housing-local",
     "Home sales in the Phoenix area rose 6 percent in March from a year earlier as mortgage rates eased.\n\n"
     "Condo sales fell 2.4 percent, while the median price of a condo rose to $285,000 over the same "
     "period.",
     "2.4 percent", "Phoenix"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in SEGMENT_CASES], ids=[c[0] for c in SEGMENT_CASES])
def test_a_segment_of_the_market_is_the_market_topic(nlp, text, surface, subject):
    hits = [c for c in _claims(nlp, text) if c.surface == surface]
    assert hits, f"{surface!r} not extracted"
    assert hits[0].subject == subject


# id, article whose lede writes an industry as the object of a purpose ("a plan to help the
# PV industry": data/subject.toml [topic_purpose]), expected topic: the country the story
# keeps returning to, by its name or its adjective ([countries])
PURPOSE_CASES = [
    ("energy-ministry",
     "South Korea’s Ministry of Trade, Industry and Energy (MOTIE) has unveiled a plan to help the PV "
     "industry further reduce the costs of solar module technology.\n\n"
     "The plan was submitted to Korean industry representatives this week, and MOTIE said South Korean "
     "makers would get research money.\n\n"
     "South Korea installed 1.64 GW in seven months, according to MOTIE, and South Korea plans to install "
     "30.8 GW by 2030.",
     "South Korea"),
    ("steel-fund",
     "Britain's Department for Business has announced a fund to rescue the steel industry after two "
     "plant closures this year.\n\n"
     "British steelmakers will be able to bid for grants, the department said, and the UK government "
     "will match private money.\n\n"
     "Britain produced 5.6 million tonnes of crude steel last year, down from 7.2 million tonnes, and "
     "British demand fell 4%.",
     "Britain"),
    ("industry-that-acts",
     "The global chip industry is set for its first annual sales decline since 2019, a trade group said "
     "on Tuesday.\n\n"
     "Sales will fall 4% this year as demand for phones and computers weakens, the group said, before "
     "rising again next year.",
     "global chip industry"),
]


@pytest.mark.parametrize("body,topic", [c[1:] for c in PURPOSE_CASES], ids=[c[0] for c in PURPOSE_CASES])
def test_an_industry_a_plan_is_for_is_not_the_topic(body, topic):
    assert article_topic(body) == topic


# id, article whose lede opens with a dateline, expected topic: not the place it was filed from
DATELINE_CASES = [
    ("space-dateline",
     "Washington, DC, United States: Getting to the Moon, while not easy, has been done. Staying on the "
     "Moon and reaching Mars, however, haven’t.\n\n"
     "It is for that reason that the United States's space agency NASA on Monday enlisted the engineering "
     "muscle of the commercial space industry.\n\n"
     "NASA added five companies to a list of nine US firms, and NASA will pay them to deliver payloads. "
     "NASA said the first landing is due in 2021, and NASA expects more firms to join.",
     "NASA"),
    ("airline-dateline",
     "PARIS, France — Air Lumina cancelled a third of its flights on Friday as a strike by air traffic "
     "controllers entered its second day.\n\n"
     "French unions said the strike would go on across France next week, and Air Lumina said it would "
     "refund every ticket. Air Lumina expects more cancellations, and France's transport minister urged "
     "talks.",
     "Air Lumina"),
]


@pytest.mark.parametrize("body,topic", [c[1:] for c in DATELINE_CASES], ids=[c[0] for c in DATELINE_CASES])
def test_the_dateline_place_is_not_the_topic(body, topic):
    assert article_topic(body) == topic


# id, local story whose opening names no topic but a local agency, surface, expected subject:
# the place the agency serves (data/subject.toml [local_agencies]), not the officers who act
AGENCY_CASES = [
    ("police-arrests",
     "Police arrested six people Monday during a narcotics investigation involving drug activity at a "
     "local home.\n\n"
     "Officers from the Columbus Police Department conducted a traffic stop near Seventh Street and later "
     "arrested a woman, 32, said a Columbus Police Department spokesman.",
     "six people", "Columbus"),
    ("fire-homes",
     "Firefighters battled a brush fire for most of Sunday afternoon as gusty winds pushed the flames "
     "toward a row of houses.\n\n"
     "Crews from the Maricopa County Fire Department saved most of the street, but three homes were "
     "destroyed before the blaze was contained, a department spokeswoman said.",
     "three homes", "Maricopa County"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in AGENCY_CASES], ids=[c[0] for c in AGENCY_CASES])
def test_a_local_agency_gives_its_place_as_the_topic(nlp, text, surface, subject):
    hits = [c for c in _claims(nlp, text) if c.surface == surface]
    assert hits, f"{surface!r} not extracted"
    assert hits[0].subject == subject


# id, article whose lede names an organisation in full and whose body then uses its initials
# (data/subject.toml [initials]), expected topic: the initials, the story's own name for it
INITIALS_CASES = [
    ("utility-shutoff",
     "Southern California Edison was set to begin shutting off power Thursday to some 120,000 customers "
     "in six California counties as strong winds raised the risk of fire.\n\n"
     "SCE said crews would inspect lines before power is restored, and SCE expects most customers back "
     "by the weekend. California regulators have asked SCE for a report.",
     "SCE"),
    ("disaster-agency",
     "The Federal Emergency Management Agency will send 300 more workers to Puerto Rico this week, "
     "where thousands of homes are still without roofs after the storm, officials said on Monday.\n\n"
     "FEMA has approved $1.2 billion in aid to Puerto Rico so far, and officials said Puerto Rico would "
     "get more. Critics say FEMA moved too slowly, and FEMA disputes that.",
     "FEMA"),
]


@pytest.mark.parametrize("body,topic", [c[1:] for c in INITIALS_CASES], ids=[c[0] for c in INITIALS_CASES])
def test_a_name_the_story_abbreviates_is_the_topic_by_its_initials(body, topic):
    assert article_topic(body) == topic


# id, article, surface of a figure after a demonstrative, expected subject: the earlier
# mention's (data/subject.toml [restatement]), whatever the figure's size
POINTED_BACK_CASES = [
    ("energy-capacity",
     "A report by the International Energy Agency stated the South Korean solar module industry had an "
     "annual production capacity of around 8.69 GW at the end of 2017. Hanwha Q Cells had 3.7 GW of cell "
     "capacity and LG Electronics had 3 GW of output.\n\n"
     "However, the fall in demand seen after subsidies were cut ensures some of that 8.69 GW of production "
     "lines may have since been idled or closed altogether.",
     "8.69 GW", "South Korean solar module industry"),
    ("sport-tickets",
     "The Premier Basketball League said on Monday that attendance rose 4% this season, and the Premier "
     "Basketball League expects another record next year.\n\n"
     "Northside Arena Group sold 61,500 season tickets for the coming year, a club record.\n\n"
     "The rival Eastside club sold 40,000 tickets, its lowest in a decade.\n\n"
     "About a third of those 61,500 seats went to first-time buyers, according to the Premier Basketball "
     "League.",
     "61,500 seats", "61,500 season tickets"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in POINTED_BACK_CASES],
                         ids=[c[0] for c in POINTED_BACK_CASES])
def test_a_figure_after_a_demonstrative_restates_the_earlier_one(nlp, text, surface, subject):
    claims = _claims(nlp, text)
    hits = [c for c in claims if c.surface == surface]
    assert hits, f"{surface!r} not extracted"
    # the subject named, or else the one the first mention (its surface given) was framed with
    first = [c.subject for c in claims if c.surface == subject]
    assert hits[-1].subject == (first[0] if first else subject)
    assert hits[-1].subject is not None


# id, article whose lede opens with the name it is about (and names it again, perhaps by one of
# its words), expected topic; a legal suffix is no part of the company's name
OPENER_CASES = [
    ("results-company-with-suffix",
     "Nike Inc on Thursday reported quarterly revenue and profit that beat Wall Street estimates, sending "
     "its shares up 6%.\n\n"
     "Revenue rose 17% to $13.3 billion in the second quarter, and net income fell 12%.\n\n"
     "For the full year, Nike expects revenue to grow in the high single digits.",
     "Nike"),
    ("sport-player",
     "Erling Haaland scored a hat-trick as City beat Wolves 3-0 on Saturday to go top of the table.\n\n"
     "That took the tally to 25 league goals this season, two more than at the same stage last term.\n\n"
     "Haaland has now scored in six straight games.",
     "Erling Haaland"),
    ("macro-country",
     "U.S. consumer prices rose more than expected in March as gasoline and rents climbed.\n\n"
     "The index increased 0.4% last month, and 3.5% in the 12 months through March.\n\n"
     "Inflation in the U.S. has stayed above the central bank's 2% target for three years.",
     "U.S."),
    # a common word capitalised at the start, a name never written again: no topic from the opener
    ("common-word-opens",
     "The death toll rose to 31 on Tuesday as rescuers searched the rubble.\n\n"
     "More than 1,000 homes were destroyed, and the death toll is expected to rise.",
     None),
]


@pytest.mark.parametrize("body,topic", [c[1:] for c in OPENER_CASES], ids=[c[0] for c in OPENER_CASES])
def test_the_name_a_lede_opens_with_is_the_topic(body, topic):
    assert article_topic(body) == topic


# id, sentence, surface, expected subject: a name that modifies the object of another clause
# ("beat Wall Street estimates") owns that noun, not the figure later in the sentence
MODIFIER_OWNER_CASES = [
    ("results-estimates", "Nike Inc reported revenue that beat Wall Street estimates, sending its shares up 6%.",
     "6%", None),
    ("aviation-estimates", "The airline reported traffic that topped Street Account estimates, lifting its shares 5%.",
     "5%", None),
    # the subject's own modifier still owns it
    ("cloud-segment", "AWS revenue grew 28% in the first quarter.", "28%", "AWS"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in MODIFIER_OWNER_CASES],
                         ids=[c[0] for c in MODIFIER_OWNER_CASES])
def test_a_name_modifying_another_clause_object_owns_no_figure(nlp, text, surface, subject):
    hits = [c for c in _claims(nlp, text) if c.surface == surface]
    assert hits, f"{surface!r} not extracted"
    assert hits[0].subject == subject


# Fact-checks: the person whose claim is checked is named mostly as who says, cites or claims
# it (data/subject.toml [topic_speaker], [topic_claims]); a source, not what the figures are about
POLITICS_FACT_CHECK = (
    "Gov. Tom Reddick, R-Kan., visited a grain elevator near Dodge City on Monday and argued that the "
    "state's farmers are losing their export markets.\n\n"
    "\"Kansas farmers have lost $1.2 billion a year in sales to China,\" Reddick said.\n\n"
    "Is that right? It depends on the years compared, but Reddick is close.\n\n"
    "Reddick’s office pointed us to figures from the U.S. Department of Agriculture.\n\n"
    "That is a little less than the $1.2 billion figure Reddick cited.\n\n"
    "Reddick said that Kansas farmers have lost $1.2 billion a year in sales to China.")
HEALTH_FACT_CHECK = (
    "Sen. Maria Alvarez, D-Ore., told a town hall in Salem last week that the state is failing people "
    "who need addiction treatment.\n\n"
    "\"Forty percent of people who ask for treatment are turned away,\" Alvarez said.\n\n"
    "Is she right? Alvarez cited a 2022 survey of treatment centers when we asked her office.\n\n"
    "The survey found that 38 percent of people who sought treatment in 2021 were put on a waiting list.\n\n"
    "Alvarez said that 40 percent of people who ask for treatment are turned away. The survey she "
    "cited puts the figure at 38 percent.")
# a story about what a person does: named as an actor, not mostly as a speaker
COURT_STORY = (
    "A Texas man, Michael Webb, was convicted on Thursday for kidnapping an 8-year-old girl.\n\n"
    "Webb confessed in a three-hour interview with the FBI, investigators said.\n\n"
    "Webb had driven the girl to a hotel, where Webb kept her for 10 hours before police found them.")

SOURCE_CASES = [
    ("politics-fact-check", POLITICS_FACT_CHECK, "Tom Reddick", True),
    ("health-fact-check", HEALTH_FACT_CHECK, "Maria Alvarez", True),
    ("expert-quoted", "\"The real number is probably closer to 25 percent,\" said Keith Humphreys, a "
     "professor at Stanford. Humphreys added that referrals are not rejections.", "Keith Humphreys", True),
    ("court-actor", COURT_STORY, "Michael Webb", False),
    ("company-results", "Nike reported revenue of $12.2 billion on Thursday. Nike said demand held up, "
     "and Nike raised its outlook.", "Nike", False),
]


@pytest.mark.parametrize("body,name,source", [c[1:] for c in SOURCE_CASES], ids=[c[0] for c in SOURCE_CASES])
def test_a_name_written_mostly_as_a_source_is_told_apart(body, name, source):
    assert _mostly_source(name, body) is source


@pytest.mark.parametrize("body,speaker", [(POLITICS_FACT_CHECK, "Reddick"), (HEALTH_FACT_CHECK, "Alvarez")],
                         ids=["politics-fact-check", "health-fact-check"])
def test_a_fact_checked_speaker_is_no_topic_and_owns_no_figure(nlp, body, speaker):
    assert speaker not in (article_topic(body, None, [speaker, speaker]) or "")
    assert not [c for c in _claims(nlp, body) if speaker in (c.subject or "")]


# id, article where an analyst's "the company" follows a sentence about "the market": a company
# word points back to a company's name (the story's), never to a thing like the market
COMPANY_WORD_CASES = [
    ("retail-analyst",
     "Shares of Home Depot fell on Tuesday after Home Depot cut its sales outlook. Home Depot blamed "
     "lumber prices.\n\nJefferies analyst Jonathan Matuszewski said the market is misreading the results. "
     "“We note that the company faced a 0.6% hurricane headwind in the quarter,” wrote Zachary Fadem, "
     "another analyst.", "0.6%", "Home Depot"),
    ("chips-analyst",
     "Shares of Nvidia rose on Wednesday after the chipmaker beat forecasts.\n\nOne analyst said the "
     "market is underestimating demand. “The company absorbed a 2% drag from export rules in the "
     "quarter,” he wrote.", "2%", "Nvidia"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in COMPANY_WORD_CASES],
                         ids=[c[0] for c in COMPANY_WORD_CASES])
def test_a_company_word_points_back_to_a_name(nlp, text, surface, subject):
    hits = [c for c in _claims(nlp, text) if c.surface == surface]
    assert hits, f"{surface!r} not extracted"
    assert hits[0].subject == subject
