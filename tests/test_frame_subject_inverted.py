"""Framing, who a figure is about, when the parse turns a sentence around: in "After X left
..., Y committed to a $9.5 billion lifeline" the main clause may be hung on the "after" clause
as its adverbial clause; the subordinate clause's subject owns none of the main clause's
figures (extract/frame/transaction.py inverted_clause, data/subject.toml [subordinators])."""

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
