"""Framing, who a figure is about, when the parse turns a sentence around: in "After X left
..., Y committed to a $9.5 billion lifeline" the main clause may be hung on the "after" clause
as its adverbial clause; the subordinate clause's subject owns none of the main clause's
figures (extract/frame/transaction.py inverted_clause, data/subject.toml [subordinators]); a
relative pronoun the parse reads as a clause's own subject stands for the noun before it."""

import pytest

from extract.records import Article

# id, sentence, surface, expected subject
CASES = [
    ("corporate-lifeline",
     "After co-founder Adam Neumann left the company in October, SoftBank, its largest investor, "
     "committed to a $9.5 billion lifeline to bail out the company.", "$9.5 billion", "SoftBank"),
    ("sport-sponsorship",
     "After coach Ron Rivera left the team in January, Nike, its kit supplier, committed to a $30 million "
     "sponsorship deal.", "$30 million", "Nike"),
    # a subordinate clause in its place: the main clause's subject owns the figure
    ("markets-after-clause",
     "After the Fed cut rates in March, Goldman Sachs sold $10 billion of bonds.", "$10 billion", "Goldman Sachs"),
]


def _claims(nlp, text):
    from extract.pipeline import extract_claims

    return extract_claims(Article(text=text, regions=[(0, len(text))], date=None), "case", nlp)


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_subordinate_clause_subject_owns_no_main_clause_figure(nlp, text, surface, subject):
    hits = [c for c in _claims(nlp, text) if c.surface == surface]
    assert hits, f"{surface!r} not extracted"
    assert hits[0].subject == subject


# id, sentence, surface, expected subject: "that" after a noun phrase stands for its head noun,
# past the phrases that trail it, even where the parse reads it as the subject of a clause of
# its own (frame/subject.py _relative_antecedent)
RELATIVE_CASES = [
    ("politics-budget",
     "While some Indiana protesters chanted, “Red for Ed,” in a Statehouse hallway, Indiana House Speaker "
     "Brian Bosma spoke before lawmakers defending the state budget approved by Republicans in April that "
     "boosted base school spending by 2.5% each of the next two years.", "2.5%", "state budget"),
    ("health-program",
     "While some nurses protested outside, Ohio Health Director Amy Acton spoke before lawmakers defending "
     "the vaccine program approved by legislators in May that raised coverage by 12% in its first year.",
     "12%", "vaccine program"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in RELATIVE_CASES], ids=[c[0] for c in RELATIVE_CASES])
def test_a_relative_pronoun_stands_for_the_noun_before_it(nlp, text, surface, subject):
    hits = [c for c in _claims(nlp, text) if c.surface == surface]
    assert hits, f"{surface!r} not extracted"
    assert hits[0].subject == subject
