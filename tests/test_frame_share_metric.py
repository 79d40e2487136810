"""Shares and indexes a clause names (extract/frame/share_metric.py, metrics.toml
[indexes]): a percent that is the subject of "be" is the share its complement describes;
a percent a market index moves by is the index's change, not a share price's.

Sentences in the style of survey write-ups, polls and market reports (a research news
site, CNN Business, Fox Business, Reuters). Each case: id, passage, figure, fields.
"""

import pytest

from tests.test_frame import _claims, _find

CASES = [
    ("survey-percent-were-white-research",
     "Of the total participants, just over half were female, 77 percent were aged 26 or above, 65 percent "
     "were white.", "65 percent", {"metric": "share white"}),
    ("survey-percent-were-aged-research",
     "Of the total participants, just over half were female, 77 percent were aged 26 or above, 65 percent "
     "were white.", "77 percent", {"metric": "share aged 26 or above"}),
    ("poll-percent-were-undecided", "In the poll, 12% were undecided and 40% were opposed.", "12%",
     {"metric": "share undecided"}),
    ("partitive-keeps-its-noun-wire", "About 40% of small businesses said they had raised prices.", "40%",
     {"metric": "share of small businesses"}),
    ("nikkei-declined-cnn", "Japan's Nikkei 225 (N225) declined 0.3%, while South Korea's Kospi Index (KOSPI) "
     "fell 0.5%.", "0.3%", {"metric": "index growth"}),
    ("kospi-fell-cnn", "Japan's Nikkei 225 (N225) declined 0.3%, while South Korea's Kospi Index (KOSPI) "
     "fell 0.5%.", "0.5%", {"metric": "index growth"}),
    ("sp500-is-up-fox", "Home Depot shares are up 39 percent year-to-date while the S&P 500 is up 24.5 percent.",
     "24.5 percent", {"metric": "index growth"}),
    ("shares-stay-share-price-fox", "Home Depot shares are up 39 percent year-to-date while the S&P 500 is up "
     "24.5 percent.", "39 percent", {"metric": "share price growth"}),
    ("ftse-closed-reuters", "London's FTSE 100 closed 1.2% lower on Friday.", "1.2%", {"metric": "index growth"}),
]


@pytest.mark.parametrize("text,surface,fields", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_share_and_index_metrics(nlp, text, surface, fields):
    c = _find(_claims(nlp, text, None), surface)
    got = c.model_dump(mode="json")
    for k, want in fields.items():
        assert got[k] == want, f"{k}: got {got[k]!r}, want {want!r} ({surface!r} in {text!r})"
