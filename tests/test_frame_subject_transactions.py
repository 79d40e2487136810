"""Framing, who a figure is about, in a deal: a price, fee, bid or count of things bought is
the buyer's (the one who pays, bids or orders), not the payee's, the seller's or the thing
bought; a sale's buyer is its "to" object. A sum that comes "in" goods is the goods' value
(extract/frame/transaction.py, extract/data/subject.toml [transactions])."""

import pytest

from extract.records import Article

# id, sentence, surface, expected subject
BUYERS = [
    ("football-paid-payee-fee",
     "Manchester City, who paid Borussia Dortmund 51 million pounds for Haaland, lead the table.",
     "51 million pounds", "Manchester City"),
    ("football-sold-to",
     "Real Madrid sold Cristiano Ronaldo to Juventus for 100 million euros in 2018.",
     "100 million euros", "Juventus"),
    ("media-purchase-noun",
     "Tribune paid down its debt with the proceeds of Dr. Patrick Soon-Shiong’s purchase of The Times "
     "and the San Diego Union-Tribune for $500 million.", "$500 million", "Patrick Soon-Shiong"),
    ("tech-agreed-to-acquire",
     "Microsoft agreed to acquire Activision Blizzard for $68.7 billion in cash.", "$68.7 billion", "Microsoft"),
    ("aviation-deal-to-purchase",
     "Dubai's flagship carrier Emirates Airline finalized a deal to purchase 30 of Boeing's 787-9 "
     "Dreamliner jets, executives said.", "30", "Emirates Airline"),
    ("corporate-sold-to",
     "Harbor sold its frozen-food unit to Northway Partners for $900 million in 2022.",
     "$900 million", "Northway Partners"),
    ("trade-capital-buys",
     "Under the deal, Beijing agreed to buy $40 billion of American soybeans over two years.",
     "$40 billion", "China"),
    ("trade-capital-resume-buying",
     "When President Trump's advisers suggested that Beijing resume buying around $20 billion in "
     "American farm products as part of a trade deal, Mr. Trump wasn't satisfied.", "$20 billion", "China"),
]

# id, sentence, surface, expected subject: a stake is its holder's; a described holder is the
# name set beside the description, not its possessor
HOLDERS = [
    ("corporate-stake-holder",
     "Crisply's largest shareholder, the investment firm Dunmore Capital, which holds a 12% stake, "
     "has agreed to support the deal.", "12%", "Dunmore Capital"),
    ("football-stake-holder",
     "The club's biggest investor, the American fund Redbird Capital, which owns a 10% stake, backed the sale.",
     "10%", "Redbird Capital"),
]

# id, sentence, surface, expected subject: no named buyer, or no purchase
NOT_BOUGHT = [
    ("sold-no-buyer", "Siemens sold $2 billion of its shares in the unit.", "$2 billion", "Siemens"),
    ("paid-down-debt", "Ford paid down $3 billion of debt in the quarter.", "$3 billion", "Ford"),
    ("results", "Apple reported $64 billion in revenue for the quarter.", "$64 billion", "Apple"),
    ("capex-spent-together",
     "Microsoft, Google, Amazon, and Meta alone spent over $200 billion on AI-related capital "
     "expenditures in 2024.", "$200 billion", "Microsoft, Google, Amazon and Meta"),
]

# id, sentence, surface, expected subject: a sum that comes, flows or is smuggled "in" goods
GOODS_ON_VERB = [
    ("fact-check-border",
     "Border agents \"say you've got to pay attention to this — $53 million a week is coming across "
     "the border in drugs,\" he said.", "$53 million", "drugs"),
    ("energy-exports",
     "About $2 billion a month was leaving the country in crude oil exports before the sanctions, "
     "the ministry said.", "$2 billion", "crude oil exports"),
]


def _claims(nlp, text):
    from extract.pipeline import extract_claims

    return extract_claims(Article(text=text, regions=[(0, len(text))], date=None), "case", nlp)


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in BUYERS + HOLDERS + NOT_BOUGHT + GOODS_ON_VERB],
                         ids=[c[0] for c in BUYERS + HOLDERS + NOT_BOUGHT + GOODS_ON_VERB])
def test_a_deal_figure_is_the_buyers(nlp, text, surface, subject):
    hits = [c for c in _claims(nlp, text) if c.surface == surface]
    assert hits, f"{surface!r} not extracted"
    assert hits[0].subject == subject


# id, text, surface, expected subject: purchases with no buyer of their own, asked for or planned
# by a person, are the buyer's the story has just named; an organisation's are its own
LATER_PURCHASES = [
    ("trade-asked-for-purchases",
     "When President Trump's advisers suggested that Beijing resume buying around $20 billion in American "
     "farm products as part of a trade deal, Mr. Trump wasn't satisfied. In a dramatic public retelling in "
     "the Cabinet Room, he said he pressed his team to more than triple that figure, then trimmed that a "
     "little and asked for up to $50 billion in annual purchases.", "$50 billion", "China"),
    ("tech-chief-plans-acquisitions",
     "Microsoft agreed to acquire Activision Blizzard for $68.7 billion in cash. Satya Nadella said he could "
     "approve another $10 billion in acquisitions next year.", "$10 billion", "Microsoft"),
    ("football-owner-plans-purchases",
     "Chelsea paid Brighton 100 million pounds for Moises Caicedo in August. Todd Boehly said he wanted to "
     "make 300 million pounds in purchases next summer.", "300 million pounds", "Chelsea"),
    ("tech-another-buyer",
     "Apple bought Beats for $3 billion in May. Meanwhile Google announced $5 billion in acquisitions.",
     "$5 billion", "Google"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in LATER_PURCHASES],
                         ids=[c[0] for c in LATER_PURCHASES])
def test_purchases_with_no_buyer_are_the_last_named_buyers(nlp, text, surface, subject):
    hits = [c for c in _claims(nlp, text) if c.surface == surface]
    assert hits, f"{surface!r} not extracted"
    assert hits[0].subject == subject


# id, sentence, surface, expected subject: a subject described by its possessor and role is the
# name set beside the description, whatever the clause does
DESCRIBED_NAMES = [
    ("aviation-carrier", "Dubai's flagship carrier Emirates Airline reported a profit of $1.1 billion for the year.",
     "$1.1 billion", "Emirates Airline"),
    ("banking-lender", "Germany's biggest lender Deutsche Bank cut 7,000 jobs last year.", "7,000 jobs", "Deutsche Bank"),
    ("football-investor", "The club's biggest investor, the American fund Redbird Capital, put $50 million into "
     "the stadium.", "$50 million", "Redbird Capital"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in DESCRIBED_NAMES], ids=[c[0] for c in DESCRIBED_NAMES])
def test_a_described_subject_is_the_name_beside_it(nlp, text, surface, subject):
    hits = [c for c in _claims(nlp, text) if c.surface == surface]
    assert hits, f"{surface!r} not extracted"
    assert hits[0].subject == subject
