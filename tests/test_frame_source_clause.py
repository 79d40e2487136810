"""One sentence, two speakers: a figure in the clause a later reporting verb governs is
that verb's speaker's, not the sentence's first credit (extract/frame/clause_credit.py).
Macro releases, local politics, company results, public health."""

import pytest

from tests.test_frame import assert_fields

CASES = [
    ("second-speaker-macro",
     "Chancellor Jeremy Hunt said inflation was \"back to normal\", while the Resolution Foundation said "
     "real wages were still 1% below their 2021 peak.",
     None, "1%", dict(source="Resolution Foundation")),
    ("second-speaker-local-politics",
     "The mayor said the city was safe, but the Police Federation said officers were 12% fewer than in 2019.",
     None, "12%", dict(source="Police Federation")),
    ("second-speaker-results",
     "Chief Executive Mary Barra said demand was holding up, while analysts at Jefferies said margins would "
     "fall to 7% next year.",
     None, "7%", dict(source="Jefferies")),
    ("first-speaker-keeps-own-figure-health",
     "The health minister said 40 patients were in intensive care, while the World Health Organization said "
     "the outbreak was slowing.",
     None, "40 patients", dict(source="health minister")),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_figure_takes_its_own_clause_speaker(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)
