"""Framing, who a figure is about. A list entry ("Ryan S. Hollman: ... $326,000 bond") is
about the name its line starts with. A sum of money that buys goods, or a levy charged on
them, is the goods' figure, not the figure of whoever imposes or seizes them
(extract/data/subject.toml [goods], extract/frame/subject.py _goods_valued); a sum a named
buyer pays is the buyer's (tests/test_frame_subject_transactions.py)."""

import pytest

from extract.records import Article

# id, sentence, surface, expected subject
CASES = [
    ("trade-rate-on-worth-of",
     "Beijing also wants Trump to eliminate the 15% tariffs on about $125 billion worth of "
     "Chinese goods imposed on Sept. 1.", "15%", "Chinese goods"),
    ("trade-worth-of",
     "Beijing also wants Trump to eliminate the 15% tariffs on about $125 billion worth of "
     "Chinese goods imposed on Sept. 1.", "$125 billion", "Chinese goods"),
    ("trade-sum-in-goods",
     "Two people briefed on the talks said Trump has decided that cancelling a scheduled Dec. 15 "
     "imposition of tariffs on some $156 billion in Chinese consumer goods requires deeper "
     "concessions from China.", "$156 billion", "Chinese consumer goods"),
    ("trade-rate-in-relative-clause",
     "Firms are uncertain whether a 15 percent tariff that the administration had planned to "
     "impose on another $160 billion of goods would go ahead.", "15 percent", "goods"),
    ("trade-duty-on-imports",
     "The European Union imposed a 25% duty on steel imports from Turkey last year.", "25%", "steel imports"),
    ("crime-seizure",
     "Deputies seized about $2 million worth of cocaine from a tractor-trailer on Interstate 10, "
     "the sheriff's office said.", "$2 million", "cocaine"),
]

# id, sentence, surface, expected subject: "$X in revenue" counts a measure, not goods
NOT_GOODS = [
    ("results-in-revenue", "Apple reported $64 billion in revenue for the quarter.", "$64 billion", "Apple"),
    ("deal-of-shares", "Siemens sold $2 billion of its shares in the unit.", "$2 billion", "Siemens"),
]


def _claims(nlp, text):
    from extract.pipeline import extract_claims

    return extract_claims(Article(text=text, regions=[(0, len(text))], date=None), "case", nlp)


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in CASES + NOT_GOODS],
                         ids=[c[0] for c in CASES + NOT_GOODS])
def test_a_sum_or_levy_on_goods_is_the_goods_figure(nlp, text, surface, subject):
    hits = [c for c in _claims(nlp, text) if c.surface == surface]
    assert hits, f"{surface!r} not extracted"
    assert hits[0].subject == subject


# id, text whose lines are list entries ("Name: details"), surface, expected subject
LIST_CASES = [
    ("police-blotter",
     "Police arrested six people Monday during a narcotics investigation.\n\n"
     "Ryan S. Hollman: Dealing in methamphetamine, possession of heroin, held in jail in lieu of $326,000 bond.\n\n"
     "Jonathan P. Blair: Possession of methamphetamine, held in jail in lieu of $72,500 bond.",
     "$72,500", "Jonathan P. Blair"),
    ("box-score",
     "The Lakers beat the Spurs 121-112 on Wednesday night.\n\n"
     "Anthony Davis: 31 points, 11 rebounds and three blocks in 35 minutes.",
     "11 rebounds", "Anthony Davis"),
    ("dateline-is-no-label",
     "NEW DELHI: Nearly 150 Indians returned home on Wednesday after being deported.\n\n"
     "They had paid agents up to Rs 40 lakh each.",
     "150 Indians", None),
    ("a-measure-is-no-label",
     "Quarterly highlights for investors.\n\nRevenue Growth: 5% in the quarter.", "5%", None),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in LIST_CASES], ids=[c[0] for c in LIST_CASES])
def test_a_list_entry_is_about_the_name_it_starts_with(nlp, text, surface, subject):
    hits = [c for c in _claims(nlp, text) if c.surface == surface]
    assert hits, f"{surface!r} not extracted"
    assert hits[0].subject == subject


# id, text, surface, expected subject: "he"/"she" is the person last named acting or
# speaking in a clause, not the story's topic or a place named after the person
PERSON_CASES = [
    ("deportee-speaker",
     "Nearly 150 Indians returned home broke on Wednesday after being deported from the US.\n\n"
     "“This was the fourth time I have been deported,” said Singh Jabarjung, 24, from Punjab’s Bhatinda.\n\n"
     "He said he has spent Rs 24 lakh in the four attempts and Rs 40 lakh on advocacy.",
     "Rs 24 lakh", "Singh Jabarjung"),
    ("sport-player",
     "The Lakers beat the Spurs on Wednesday night in Los Angeles.\n\n"
     "“The Spurs never stopped coming at us,” said Anthony Davis after the game.\n\n"
     "He has now scored 1,500 points for the Lakers since his trade from New Orleans.",
     "1,500 points", "Anthony Davis"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in PERSON_CASES], ids=[c[0] for c in PERSON_CASES])
def test_he_or_she_is_the_person_named_last(nlp, text, surface, subject):
    hits = [c for c in _claims(nlp, text) if c.surface == surface]
    assert hits, f"{surface!r} not extracted"
    assert hits[0].subject == subject
