"""A firm whose trade is measuring others (a box-office tracker, a car-market researcher, a
market-data vendor) reports figures it does not own: it is their source, never their
subject. Sentences from box-office and motoring reporting."""

import pytest

from extract.pipeline import extract_claims
from extract.records import Article

CASES = [
    ("box-office-tracker",
     "LOS ANGELES (Reuters) - \"Inside Out 2\" led North American box office charts for a second weekend.\n\n"
     "Ticket sales for the weekend were up 20% from the same weekend last year, Comscore said.\n", "20%", "Comscore"),
    ("car-market-researcher",
     "DETROIT (AP) — U.S. auto sales slowed in October as buyers faced higher interest rates.\n\n"
     "The average price of a new vehicle rose 2% to $48,000, Edmunds said.\n", "$48,000", "Edmunds"),
]


@pytest.mark.parametrize("text,surface,provider", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_data_provider_is_a_source_not_the_subject(nlp, text, surface, provider):
    art = Article(text=text, regions=[(0, len(text))])
    claim = {c.surface: c for c in extract_claims(art, "t.txt", nlp)}[surface]
    assert claim.source == provider and claim.subject != provider
