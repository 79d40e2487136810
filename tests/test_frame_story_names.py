"""One name per entity in a story: the name the story itself uses (extract/frame/names.py).
A long formal name written once and then short takes the short form the story uses after
it; a first name alone is the person's; an office written with its owner's possessive is
named with its owner; a name joined by "&" is one name, not a list."""

import pytest

from extract.records import Article


def _claims(nlp, text):
    from extract.pipeline import extract_claims

    return extract_claims(Article(text=text, regions=[(0, len(text))], date=None), "case", nlp)


def _subject(nlp, text, surface):
    hits = [c for c in _claims(nlp, text) if c.surface == surface]
    assert hits, f"{surface!r} not extracted"
    return hits[0].subject


# id, article, surface, the story's own name for the figure's subject
SHORT_FORM_CASES = [
    ("utility-initials",
     "SAN FRANCISCO (AP) — Pacific Gas & Electric Co. was set to begin shutting off power Wednesday to "
     "some 375,000 people in 18 counties. PG&E said the winds would ease by Thursday. PG&E officials said "
     "more outages were possible.",
     "375,000 people", "PG&E"),
    ("disaster-initials",
     "The Federal Emergency Management Agency will send 300 more workers to Puerto Rico this week. FEMA "
     "has approved $1.2 billion in aid so far. Critics say FEMA moved too slowly.",
     "300 more workers", "FEMA"),
    ("macro-bracketed",
     "MUMBAI — The Reserve Bank of India (RBI) cut its key lending rate by 25 basis points on Thursday. "
     "The RBI said inflation would stay near its target.",
     "25 basis points", "RBI"),
    ("election-bracketed",
     # (what it employs is its own; what it registers it counts: tests/test_frame_subject_reporting_body.py)
     "JOHANNESBURG — The Independent Electoral Commission (IEC) hired 200,000 election officials for the "
     "vote. The IEC said turnout would be announced on Friday.",
     "200,000 election officials", "IEC"),
    ("results-suffix",
     "Nike Inc reported quarterly revenue of $10.7 billion on Thursday. Nike said sales in China rose 22%. "
     "Nike shares gained 3% after the bell.",
     "$10.7 billion", "Nike"),
    ("sport-surname",
     "Jose Mourinho has agreed a deal to replace Mauricio Pochettino as Tottenham's manager. Tottenham said "
     "in a statement: \"Jose is one of the world's most accomplished managers, having won 25 senior "
     "trophies.\" Mourinho was sacked by Manchester United last December. Mourinho has coached in four "
     "countries.",
     "25 senior trophies", "Mourinho"),
    ("entertainment-first-name",
     "Taylor Swift will play five more shows in London next summer, her promoter said. \"Taylor has sold "
     "1.2 million tickets in Britain alone,\" the promoter said. Swift last toured Britain in 2018. Swift's "
     "label declined to comment.",
     "1.2 million tickets", "Swift"),
    ("travel-kind-words",
     "ATLANTA — Delta Air Lines Inc said it would hire 1,000 pilots next year.\n\nDelta said it carried 204 "
     "million passengers in 2019. Delta shares rose 1%.",
     "1,000 pilots", "Delta"),
    ("results-suffix-then-surname",
     "NEW YORK (Reuters) - Walt Disney Co reported quarterly revenue of $19.1 billion on Thursday, beating "
     "estimates.\n\nDisney said its streaming service had signed up 10 million users. Disney shares rose 2% in "
     "extended trading.",
     "$19.1 billion", "Disney"),
    ("sport-first-name-of-three",
     "Erling Braut Haaland scored twice as Red Bull Salzburg beat Genk 4-1 on Tuesday.\n\nHaaland, 19, has now "
     "scored 28 goals in 18 games this season. Erling has a release clause of 20 million euros, according to "
     "reports.\n\nSalzburg coach Jesse Marsch said Haaland had worked hard. \"Erling is a special player,\" "
     "Marsch said.",
     "20 million euros", "Haaland"),
    ("entertainment-surname",
     "Taylor Swift will play five more shows in London next summer, her promoter said. \"Taylor has sold "
     "1.2 million tickets in Britain alone,\" the promoter said. Swift last toured Britain in 2018. Swift's "
     "label declined to comment.",
     "five more shows", "Swift"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in SHORT_FORM_CASES],
                         ids=[c[0] for c in SHORT_FORM_CASES])
def test_a_name_takes_the_short_form_the_story_uses(nlp, text, surface, subject):
    assert _subject(nlp, text, surface) == subject


# id, article, surface, subject: the name is kept where the story does not shorten it
KEPT_CASES = [
    # a ticker in a quotes table is not the story's name for the company
    ("results-ticker",
     "Dow component Home Depot reported third-quarter earnings that topped estimates, sending shares lower "
     "ahead of the opening bell.\n\nTicker Security Last Change Change %\nHD THE HOME DEPOT INC. 225.86 "
     "-12.99 -5.44%\n\nHome Depot said comparable sales rose 3.6 percent. Home Depot expects sales to grow "
     "about 3.5 percent this year.",
     "3.6 percent", "Home Depot"),
    # a ticker in brackets after the name
    ("results-bracketed-ticker",
     "Home Depot (ticker: HD) reported $2.53 in per-share earnings for the third quarter. Wall Street "
     "predicted $2.52 a share. The results look OK, but the stock was down 5% in recent trading.",
     "$2.53", "Home Depot"),
    # a state's postal code in a quotation, where the story keeps writing the state's name
    ("health-postal-code",
     "South Dakota has seen meth use among young people rise to 3.8 percent, the highest in the region. "
     "\"Meth is a serious problem in SD,\" the governor said. South Dakota officials said arrests rose. "
     "South Dakota spent $1 million on the campaign.",
     "3.8 percent", "South Dakota"),
    # a one-word name the story uses alone is no first name of a longer one
    ("space-mission",
     "Europa is about 1,900 miles in diameter, a bit smaller than Earth's moon. Europa may have plumes of "
     "water, and Europa has an ocean under its ice. NASA's Europa Clipper will fly by it 45 times. The "
     "Clipper launches in 2024, and the Clipper will map the moon.",
     "1,900 miles", "Europa"),
    # a place after "of" in a bank's name is no person's surname
    ("results-bank-of",
     "CHARLOTTE, N.C. (Reuters) - Bank of America Corp reported a 19% fall in quarterly profit on Wednesday."
     "\n\nBank of America said loans in America grew 5%, and consumer banking in America earned $3 billion.",
     "19%", "Bank of America"),
    # a country is named by its name, not by the continent the story also names
    ("sport-country",
     "South Africa beat England 32-12 to win the Rugby World Cup on Saturday. South Africa have now won three "
     "titles.\n\nFans across Africa celebrated. Africa has produced two champions, and Africa watched.",
     "three titles", "South Africa"),
    # a nationality left by the kind word may be the adjective
    ("travel-nationality",
     "FORT WORTH, Texas — American Airlines said it would cut 100 flights a day.\n\nAmerican executives said "
     "American travelers were flying less.",
     "100 flights", "American Airlines"),
    # two people the story names by one surname keep their full names
    ("business-shared-surname",
     "Adam Neumann will receive $185 million in consulting fees, the filing showed. Rebekah Neumann ran "
     "the school. Neumann said he was grateful, and Neumann left the board.",
     "$185 million", "Adam Neumann"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in KEPT_CASES], ids=[c[0] for c in KEPT_CASES])
def test_a_name_the_story_does_not_shorten_is_kept(nlp, text, surface, subject):
    assert _subject(nlp, text, surface) == subject


# id, sentence, surface, subject: an office named with its owner, without the possessive
OFFICE_CASES = [
    ("space-inspector",
     "The importance of deadlines intensified last week as NASA’s Office of the Inspector General released "
     "two highly critical reports.",
     "two highly critical reports", "NASA Office of the Inspector General"),
    ("energy-science",
     "The Department of Energy's Office of Science awarded $40 million to 12 university teams on Monday.",
     "12 university teams", "Department of Energy Office of Science"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in OFFICE_CASES], ids=[c[0] for c in OFFICE_CASES])
def test_an_owners_office_is_named_without_the_possessive(nlp, text, surface, subject):
    assert _subject(nlp, text, surface) == subject


# id, sentence, surface, subject: "&" joins a name's words, it lists no two subjects
AMPERSAND_CASES = [
    ("utility",
     "Pacific Gas & Electric Co. was set to begin shutting off power Wednesday to some 375,000 people.",
     "375,000 people", "Pacific Gas & Electric Co."),
    ("retail",
     "Marks & Spencer will close 100 stores by 2022, the retailer said on Tuesday.",
     "100 stores", "Marks & Spencer"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in AMPERSAND_CASES],
                         ids=[c[0] for c in AMPERSAND_CASES])
def test_a_name_joined_by_an_ampersand_is_one_name(nlp, text, surface, subject):
    assert _subject(nlp, text, surface) == subject


# id, sentence, surface, subject: a rate, yield or premium "on" something is that thing's
# (data/subject.toml [rate_on]), a kind of thing too; not a manner ("on an annualized basis")
RATE_ON_CASES = [
    ("motoring-loans",
     "The sales slump comes even as the average interest rate on a new vehicle loan stayed below 6 percent "
     "for the fourth consecutive month.",
     "6 percent", "new vehicle loan"),
    ("housing-mortgages",
     "The average rate on 30-year fixed mortgages rose to 3.75 percent this week, Freddie Mac said.",
     "3.75 percent", "30-year fixed mortgages"),
    ("markets-gilts",
     "The yield on 10-year gilts fell to 0.7%, its lowest since August.",
     "0.7%", "10-year gilts"),
    ("education-loans",
     "The interest rate on federal student loans will drop to 2.75% for the coming school year, the "
     "Education Department said.",
     "2.75%", "federal student loans"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in RATE_ON_CASES], ids=[c[0] for c in RATE_ON_CASES])
def test_a_rate_on_something_is_that_things(nlp, text, surface, subject):
    assert _subject(nlp, text, surface) == subject


# id, sentence, surface, subject: a name the tagger leaves out of its entities runs on through
# its "of" phrase of proper nouns; not the head alone ("Bank")
OF_NAME_CASES = [
    ("results-bank",
     "CHARLOTTE, N.C. (Reuters) - Bank of America Corp reported a 19% fall in quarterly profit on Wednesday.",
     "19%", "Bank of America"),
    ("macro-central-bank",
     "SEOUL (Reuters) - Bank of Korea cut its policy rate to 1.25% on Wednesday.",
     "1.25%", "Bank of Korea"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in OF_NAME_CASES], ids=[c[0] for c in OF_NAME_CASES])
def test_a_name_runs_on_through_its_of_phrase(nlp, text, surface, subject):
    assert _subject(nlp, text, surface) == subject
