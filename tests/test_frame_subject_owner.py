"""Framing, who owns a figure inside its own sentence (extract/frame/figure_owner.py): a
figure in brackets after a noun phrase, the "with" tally of a clause whose subject is a
pronoun or whose predicate is a noun, the "by" agent of the act a figure sizes, the thing
a description points back to as the receiver of a giving verb; and names as the text
writes them (extract/data/entities.toml: a company under its own name, its group as the
parent; a club's short name as the club)."""

import pytest

from extract.records import Article

# id, text, surface, expected subject
BRACKETED = [
    ("ads-format-share",
     "Recommendation widgets are the most popular form of native ad units (38%), followed by in-feed units "
     "(30%), in-ad units (25%) and finally textual and custom designs (7%).", "30%", "in-feed units"),
    ("ads-format-share-last",
     "Recommendation widgets are the most popular form of native ad units (38%), followed by in-feed units "
     "(30%), in-ad units (25%) and finally textual and custom designs (7%).", "7%", "textual and custom designs"),
    ("phones-vendor-share", "Smartphone shipments were led by Samsung (21%), Apple (17%) and Xiaomi (13%).",
     "17%", "Apple"),
]

# id, text, surface, a subject the figure must not get: a figure after a figure is no phrase's share
NOT_BRACKETED = [
    ("shares-currency-conversion",
     "Investors have been told 176 Hong Kong dollars (£17.43) is likely to be the final price.",
     "£17.43", "Hong Kong dollars"),
    ("moon-width-conversion",
     "Astronomers studied the 1,900-mile-wide (3,100 kilometers) Europa, an icy moon of Jupiter.",
     "3,100 kilometers", "1,900-mile-wide"),
]

# id, text, surface, expected subject: "with" after a verb of leading or a predicate noun
TALLY = [
    ("basketball-pronoun-leader",
     "Although James has constantly filled the stat sheet since he joined the league in 2003, he is leading "
     "the NBA this season with 11.1 assists per game.", "11.1 assists", "James"),
    ("phones-pronoun-company",
     "Although Apple cut prices in China, it topped the market there with a 23% share.", "23%", "Apple"),
    ("airline-predicate-noun",
     "Emirates is the number one buyer of Airbus' iconic A380, the world's largest airliner, with 123 of the "
     "planes in its fleet.", "123", "Emirates"),
    ("phones-predicate-noun",
     "Samsung is the biggest smartphone seller in the world, with 21% of the market.", "21%", "Samsung"),
]

# id, text, surface, expected subject: the "by" agent of the act a figure sizes
AGENT = [
    ("office-tender-offer",
     "Many employees with stock options are also waiting to hear when a $3 billion tender offer by SoftBank "
     "will be launched.", "$3 billion", "SoftBank"),
    ("games-takeover-offer",
     "Regulators are reviewing a $69 billion takeover offer by Microsoft for the games publisher.",
     "$69 billion", "Microsoft"),
]

# id, text, surface, expected subject: the receiver of a giving verb, a thing named before
DESCRIBED_RECEIVER = [
    ("cars-concept-power",
     "Volkswagen showed a station wagon called the ID. Space Vizzion. It has a rear-mounted 275-horsepower "
     "motor, but a second motor could be installed for all-wheel-drive, giving the car 355 horsepower.",
     "355 horsepower", "ID. Space Vizzion"),
    ("phones-battery-life",
     "Apple unveiled a phone called the iPhone 15. A larger battery gives the phone 20 hours of video playback.",
     "20 hours", "iPhone"),
]

# id, text, surface, expected (subject, parent)
NAMED = [
    ("games-company-as-named",
     "Prior to launch Google promised players would be able to tap into powerful 10.7 teraflop hardware.",
     "10.7 teraflop", ("Google", "Alphabet")),
    ("football-club-short-name",
     "Spurs have won just five matches this season and currently lie 14th in the table.",
     "five matches", ("Tottenham Hotspur", None)),
    ("verb-not-club", "A weaker dollar spurs a 5% rise in exports.", "5%", ("weaker dollar", None)),
]


def _claims(nlp, text):
    from extract.pipeline import extract_claims

    return extract_claims(Article(text=text, regions=[(0, len(text))], date=None), "case", nlp)


def _claim(nlp, text, surface):
    hits = [c for c in _claims(nlp, text) if c.surface == surface]
    assert hits, f"{surface!r} not extracted"
    return hits[0]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in BRACKETED], ids=[c[0] for c in BRACKETED])
def test_a_bracketed_figure_belongs_to_the_phrase_before_it(nlp, text, surface, subject):
    assert _claim(nlp, text, surface).subject == subject


@pytest.mark.parametrize("text,surface,wrong", [c[1:] for c in NOT_BRACKETED], ids=[c[0] for c in NOT_BRACKETED])
def test_a_bracketed_figure_after_a_figure_is_no_phrases(nlp, text, surface, wrong):
    assert _claim(nlp, text, surface).subject != wrong


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in TALLY], ids=[c[0] for c in TALLY])
def test_a_with_tally_belongs_to_the_clause_subject(nlp, text, surface, subject):
    assert _claim(nlp, text, surface).subject == subject


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in AGENT], ids=[c[0] for c in AGENT])
def test_the_agent_of_an_act_owns_its_size(nlp, text, surface, subject):
    assert _claim(nlp, text, surface).subject == subject


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in DESCRIBED_RECEIVER],
                         ids=[c[0] for c in DESCRIBED_RECEIVER])
def test_a_described_receiver_is_the_thing_named_before(nlp, text, surface, subject):
    assert _claim(nlp, text, surface).subject == subject


@pytest.mark.parametrize("text,surface,expected", [c[1:] for c in NAMED], ids=[c[0] for c in NAMED])
def test_names_as_written_with_their_parent(nlp, text, surface, expected):
    claim = _claim(nlp, text, surface)
    assert (claim.subject, claim.parent) == expected


# id, text, surface, expected subject: whose metric a noun phrase names
METRIC_OWNER = [
    ("cars-place-segment",
     "Houston-area fleet sales began trending upwards last month, representing 14.6 percent of all vehicle "
     "sales in October.", "14.6 percent", "Houston"),
    ("housing-place-segment", "Phoenix-area home sales fell 4% in May.", "4%", "Phoenix"),
    ("chips-company-segment", "Nvidia data center revenue rose 17% to $30.8 billion.", "$30.8 billion", "Nvidia"),
    # any one of a kind ("a new truck", "a gallon") names no owner: the story's topic may
    ("cars-price-of-any-vehicle", "The average price of a new truck or SUV sold in October was $41,640.",
     "$41,640", None),
    ("fuel-price-of-any-gallon",
     "The average price of a gallon of regular gasoline rose 4 cents to $3.12 over the past week.", "$3.12", None),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in METRIC_OWNER], ids=[c[0] for c in METRIC_OWNER])
def test_the_owner_of_a_metric_phrase(nlp, text, surface, subject):
    assert _claim(nlp, text, surface).subject == subject


# id, text, surface, expected subject: a title runs into the person who owns the figure
TITLED = [
    ("politics-ambassador-net-worth",
     "Former U.S. ambassador to Ukraine Marie Yovanovitch has a net worth of $17 million.", "$17 million",
     "Marie Yovanovitch"),
    ("business-ceo-shares", "Tesla CEO Elon Musk sold 5 million shares last week.", "5 million shares", "Elon Musk"),
    ("untitled-company-stays", "The Nissan chief executive earned $10 million.", "$10 million", "Nissan"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in TITLED], ids=[c[0] for c in TITLED])
def test_a_titled_person_owns_the_figure(nlp, text, surface, subject):
    assert _claim(nlp, text, surface).subject == subject


# id, text, surface, expected subject: the agent of a participle on a sum
PARTICIPLE_AGENT = [
    ("newspapers-price-demanded",
     "But the offer fell short of the $20 reportedly demanded by Ferro, who was then Tribune's largest "
     "shareholder.", "$20", "Ferro"),
    ("startups-sum-raised", "Analysts questioned the $9 billion raised by SoftBank last year.", "$9 billion",
     "SoftBank"),
]

# id, text, surface, expected subject: "its" points back past a maker named on its product
ITS_PHRASE = [
    ("airline-its-order",
     "As of October, Emirates had a fleet of 270 aircraft. In addition to its order of 30 Boeing jets "
     "Wednesday, it announced an order of 50 Airbus A350-900 jets on Monday at a value of $16 billion.",
     "30 Boeing jets", "Emirates"),
    ("airline-it-past-maker",
     "As of October, Emirates had a fleet of 270 aircraft. In addition to its order of 30 Boeing jets "
     "Wednesday, it announced an order of 50 Airbus A350-900 jets on Monday at a value of $16 billion.",
     "$16 billion", "Emirates"),
    ("carrier-its-order",
     "Delta reported strong demand. In addition to its order of 40 Airbus jets, it bought 12 used planes.",
     "40 Airbus jets", "Delta"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in PARTICIPLE_AGENT],
                         ids=[c[0] for c in PARTICIPLE_AGENT])
def test_the_agent_of_a_participle_owns_the_sum(nlp, text, surface, subject):
    assert _claim(nlp, text, surface).subject == subject


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in ITS_PHRASE], ids=[c[0] for c in ITS_PHRASE])
def test_its_points_back_past_a_maker(nlp, text, surface, subject):
    assert _claim(nlp, text, surface).subject == subject


# id, text, surface, expected subject: names listed inside a clause hung on the subject are no part of it
NOT_A_LIST = [
    ("games-countries-in-clause",
     "The Google Stadia Founder's and Premiere Editions, which come with a Chromecast Ultra, launch tomorrow "
     "(November 19) in 14 countries, including United States, Canada, the United Kingdom, Ireland, France, "
     "Germany, Italy, Spain, the Netherlands, Belgium, Denmark, Sweden, Norway, and Finland.",
     "14 countries", "Premiere Editions"),
    ("newspapers-titles-in-clause",
     "The private equity firm Alden Capital, which owns the Orange County Register, Denver Post, San Jose "
     "Mercury News and more than 90 other publications and boasts a reputation as a pitiless parer of payroll, "
     "has attracted much of the publicly expressed ire.", "90 other publications", "Alden Capital"),
    ("tech-real-list", "Microsoft, Alphabet, Amazon and Meta are expected to spend a combined $350 billion.",
     "$350 billion", "Microsoft, Alphabet, Amazon and Meta"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in NOT_A_LIST], ids=[c[0] for c in NOT_A_LIST])
def test_names_in_a_clause_below_are_no_list(nlp, text, surface, subject):
    assert _claim(nlp, text, surface).subject == subject


# id, text, surface, expected subject: "this N" points back to where "a N" was introduced,
# past a relative clause on "anyone"
INTRODUCED = [
    ("city-oxygen-bar",
     "Amid all this, a news has gone viral on social media about an ‘oxygen bar’! According to reports, this "
     "bar is offering oxygen to anyone who is ready to pay Rs 300 for fresh air for 15 minutes.",
     "Rs 300", "oxygen bar"),
    ("health-drug-price",
     "Regulators approved a new weight-loss drug last week. This drug is sold to anyone who can pay $1,000 a "
     "month.", "$1,000", "new weight-loss drug"),
    ("fitness-studio-session",
     "A gym chain has opened a new boxing studio in Leeds. This studio lets anyone who signs up train for 40 "
     "minutes a day.", "40 minutes", "new boxing studio"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in INTRODUCED], ids=[c[0] for c in INTRODUCED])
def test_this_noun_points_back_to_its_introduction(nlp, text, surface, subject):
    assert _claim(nlp, text, surface).subject == subject


# id, text, surface, expected subject: a "by" change of a verb's object is the object owner's
CHANGED_OBJECT = [
    ("airline-fleet-expansion",
     "Clark in October revealed lofty plans to expand the Emirates fleet by 30% by the end of 2025.", "30%",
     "Emirates"),
    ("company-dividend-cut", "The board voted to cut Apple's dividend by 5%.", "5%", "Apple"),
]

# id, text, surface, expected subject: an amount of what falls on a place is the place's
PLACE_AMOUNT = [
    ("weather-rain-in-county",
     "A storm system dumped about 2 inches (50.8 millimeters) of rain in the San Diego County area on Tuesday.",
     "2 inches", "San Diego County"),
    ("weather-rain-converted",
     "A storm system dumped about 2 inches (50.8 millimeters) of rain in the San Diego County area on Tuesday.",
     "50.8 millimeters", "San Diego County"),
    ("weather-snow-across-city", "The blizzard left 30 inches of snow across Buffalo, officials said.", "30 inches",
     "Buffalo"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in CHANGED_OBJECT], ids=[c[0] for c in CHANGED_OBJECT])
def test_a_change_by_a_figure_is_the_objects(nlp, text, surface, subject):
    assert _claim(nlp, text, surface).subject == subject


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in PLACE_AMOUNT], ids=[c[0] for c in PLACE_AMOUNT])
def test_an_amount_fallen_on_a_place_is_the_places(nlp, text, surface, subject):
    assert _claim(nlp, text, surface).subject == subject


# id, text, surface, expected subject: a thing given as an example is sized by its figure
EXAMPLE_THING = [
    ("energy-parks-such-as",
     "That ambitious target is expected to be achieved with giant solar parks such as a recently announced "
     "2.1 GW floating solar project and a 3 GW ground-mounted PV array planned in the Saemangeum area.",
     "3 GW", "ground-mounted PV array"),
    ("economy-investments-including",
     "States are courting big investments, including a $2 billion chip plant in Ohio and a 500-bed hospital "
     "in Texas.", "$2 billion", "chip plant"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in EXAMPLE_THING], ids=[c[0] for c in EXAMPLE_THING])
def test_an_example_is_sized_by_its_figure(nlp, text, surface, subject):
    assert _claim(nlp, text, surface).subject == subject


# id, text, surface, expected subject: a price "for" a named thing is that thing's
PRICED_FOR = [
    ("games-subscription-rate",
     "Google's gaming offering, which is offered at a $9.99 monthly rate for its Stadia Pro subscription, "
     "launches today.", "$9.99", "Stadia"),
    ("ai-subscription-fee", "OpenAI charges a $20 monthly fee for ChatGPT Plus.", "$20", "ChatGPT"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in PRICED_FOR], ids=[c[0] for c in PRICED_FOR])
def test_a_price_for_a_named_thing_is_its_price(nlp, text, surface, subject):
    assert _claim(nlp, text, surface).subject == subject


# id, text, surface, expected subject: a common noun that possesses the figure's phrase
COMMON_POSSESSOR = [
    ("schools-state-reserves",
     "Gambill told teachers that the Legislature should direct money from the state’s $2 billion in cash "
     "reserves toward helping schools.", "$2 billion", "state"),
    ("tax-city-rate", "Voters rejected the city's 8% sales tax last year.", "8%", "city"),
    ("superlative-scope", "The world's 10 largest companies earned $1 trillion.", "10 largest companies", None),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in COMMON_POSSESSOR],
                         ids=[c[0] for c in COMMON_POSSESSOR])
def test_a_common_noun_possessor_owns_the_figure(nlp, text, surface, subject):
    assert _claim(nlp, text, surface).subject == subject


# id, text, surface, expected subject: a sum "in" a nation's measure is the nation's
NATIONAL_MEASURE = [
    ("trade-purchases",
     "One Washington-based trade expert said that to achieve the $40-50 billion in annual Chinese purchases "
     "of American farm goods touted by Trump in October, he would likely have to eliminate all of the tariffs.",
     "$40-50 billion", "China"),
    ("economy-investment", "Officials hope to attract $5 billion in Japanese investment by 2030.", "$5 billion",
     "Japan"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in NATIONAL_MEASURE],
                         ids=[c[0] for c in NATIONAL_MEASURE])
def test_a_sum_in_a_national_measure_is_the_nations(nlp, text, surface, subject):
    assert _claim(nlp, text, surface).subject == subject
