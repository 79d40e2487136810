"""A plural metric noun opening a sentence is the metric, not a name ("Inventories were
$9.3 billion", "Deliveries rose 12%"): the metric vocabulary is read by the noun's singular
too (extract/frame/syntax.py metric_tokens), so the figure's owner comes from the story, not
from the capitalised word. Retail and carmaker results."""

import pytest

from tests.test_frame import assert_fields

CASES = [
    ("retail-inventories",
     "Nike reported quarterly revenue of $13.3 billion on Thursday.\n\n"
     "Inventories were $9.3 billion, up 43% from a year earlier, the company said.",
     None, "$9.3 billion", dict(subject="Nike", metric="inventory")),
    ("carmaker-deliveries",
     "Tesla reported record quarterly deliveries on Sunday.\n\n"
     "Deliveries rose 12% in the quarter, the company said.",
     None, "12%", dict(subject="Tesla")),
]


@pytest.mark.parametrize("text,published,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_plural_metric_noun_is_no_name(nlp, text, published, surface, fields):
    assert_fields(nlp, text, published, surface, fields)
