"""extract/phrase_trie.py: a phrase list written as a tree matches what the plain list matches."""

import re

from hypothesis import given, settings, strategies as st

from extract.lexicon import alternation
from extract.phrase_trie import phrase_alternation
from extract.vocab import entity_table, metric_vocabulary

# few characters, so that phrases share prefixes and overlap; "K" (Kelvin sign) and "ſ" fold
# onto ASCII letters when case is ignored
_CHARS = "abAB -.'é"
_PHRASES = st.lists(st.text(alphabet=_CHARS, max_size=4), min_size=1, max_size=6)
_TEXT = st.text(alphabet=_CHARS + "Kſ_1", max_size=30)


def _spans(pattern: str, text: str, flags: int) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(rf"(?<![\w])(?:{pattern})(?![\w])", text, flags)]


@settings(max_examples=3000, deadline=None)
@given(_PHRASES, _TEXT, st.booleans())
def test_tree_matches_the_list(phrases, text, ignore_case):
    flags = re.I if ignore_case else 0
    assert _spans(phrase_alternation(phrases, ignore_case), text, flags) == _spans(alternation(phrases), text, flags)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="kKsſ", min_size=1, max_size=3), min_size=1, max_size=4), st.text(alphabet="kKsSſ ", max_size=12))
def test_characters_that_fold_together_keep_the_list(phrases, text):
    assert _spans(phrase_alternation(phrases, True), text, re.I) == _spans(alternation(phrases), text, re.I)


def test_vocabularies_find_as_before():
    text = ("Alphabet's capital expenditure rose; Amazon Web Services revenue and AWS operating income, "
            "the S&P 500, net income and free cash flow of Meta Platforms")
    for table, cased in ((entity_table(), entity_table().cased), (metric_vocabulary(), ())):
        alts = alternation(table.canonical)
        old = (re.compile(rf"(?<![\w])(?:(?i:{alts})|{alternation(cased)})(?![\w])") if cased
               else re.compile(rf"(?<![\w])(?:{alts})(?![\w])", re.I))
        assert [m.span() for m in table.pattern.finditer(text)] == [m.span() for m in old.finditer(text)]
