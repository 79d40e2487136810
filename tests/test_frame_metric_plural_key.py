"""A metric phrase read by its last word's singular ("Emerging market stocks rose 0.48%",
"Inventories were $9.3 billion") gives the singular's canonical metric; it crashed the
extraction of a whole markets report when only the written plural was looked up.
Hand-built Docs, as spaCy's own tests build them."""

import pytest
from spacy.tokens import Doc

from extract.frame.syntax import metric_of_tokens
from extract.vocab import metric_vocabulary

CASES = [
    ("markets-stocks", ["stocks"], ["stock"], "stock"),
    ("results-inventories", ["Inventories"], ["inventory"], "inventory"),
    ("written-form-first", ["revenue"], ["revenue"], "revenue"),
]


@pytest.mark.parametrize("words,lemmas,singular", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_plural_metric_is_read_by_its_singular(nlp, words, lemmas, singular):
    doc = Doc(nlp.vocab, words=words, lemmas=lemmas, tags=["NNS"] * len(words))
    assert metric_of_tokens(list(doc)) == metric_vocabulary().canonical[singular]
