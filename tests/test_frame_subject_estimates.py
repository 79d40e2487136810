"""Who puts a measure at a figure estimates it ("Karen Clark & Co put the figure at $63
billion", "The Red Cross put the toll at 2,000"): the estimator is the source, the figure
is the measure's, and the estimator is no topic for the figures after. Sentences from
insurance and disaster reporting."""

import pytest

from extract.pipeline import extract_claims
from extract.records import Article

CASES = [
    ("insured-losses",
     "FORT MYERS, Fla. (AP) — Hurricane Ian could cause insured losses of up to $47 billion, according to an "
     "estimate by risk modeler Verisk. Karen Clark & Co put the figure at $63 billion.", "$63 billion", "Hurricane Ian", "Karen Clark & Co"),
    ("flood-toll",
     "LAHORE, Pakistan (AP) - Floods in Pakistan have killed 1,200 people since June, the government said on "
     "Monday. The Red Cross put the toll at 2,000.", "2,000", "Floods", "Red Cross"),
]


@pytest.mark.parametrize("text,surface,subject,source", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_who_puts_a_measure_at_a_figure_is_its_source(nlp, text, surface, subject, source):
    art = Article(text=text, regions=[(0, len(text))])
    got = {c.surface: (c.subject, c.source) for c in extract_claims(art, "t.txt", nlp)}
    assert got[surface] == (subject, source)
