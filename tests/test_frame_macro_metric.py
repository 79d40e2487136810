"""Metrics of macro releases (metrics.toml [metrics.gdp], the generic nouns of [nouns]):
what the economy grows by is GDP growth, whatever noun the rate is written with ("at a
1.6% annual rate": the clause says what rate, not the bare noun).

Sentences in the style of US and UK economy copy (AP, Reuters, BBC). Each case: id,
passage, figure (by surface), fields.
"""

import pytest

from tests.test_frame import _claims, _find

CASES = [
    ("economy-grew-at-annual-rate-ap", "The economy grew at a 1.6% annual rate in the first quarter.", "1.6%",
     {"metric": "gdp growth"}),
    ("economy-grew-bbc", "The UK economy grew by 0.6% between January and March.", "0.6%", {"metric": "gdp growth"}),
    # a company's sales still grow
    ("revenue-rose-stays-growth-wire", "Revenue rose 5% to $47.8 billion in the quarter.", "5%",
     {"metric": "revenue growth"}),
    ("economy-shrank-reuters", "Japan's economy shrank an annualised 2.0% in the first quarter.", "2.0%",
     {"metric": "gdp growth"}),
    ("unemployment-rate-keeps-its-compound-wire", "Employers added jobs as the 4.1% unemployment rate held.", "4.1%",
     {"metric": "unemployment"}),
]


@pytest.mark.parametrize("text,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_macro_metrics(nlp, text, surface, fields):
    c = _find(_claims(nlp, text, None), surface)
    got = c.model_dump(mode="json")
    for k, want in fields.items():
        assert got[k] == want, f"{k}: got {got[k]!r}, want {want!r} ({surface!r} in {text!r})"
