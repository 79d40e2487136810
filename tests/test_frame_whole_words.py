"""extract/frame/whole_words.py finds what the per-name patterns it replaced find."""

import re

from hypothesis import given, settings, strategies as st

from extract.frame.whole_words import any_word, first_of_spans, has_word, word_spans
from extract.lexicon import alternation

# few letters, so that names recur, overlap and touch word characters, hyphens and spaces
_TEXT = st.text(alphabet="aAb-_ .é1’'", max_size=40)
_WORD = st.text(alphabet="aAb-_ .é1’'", max_size=4)


@settings(max_examples=2000, deadline=None)
@given(_WORD, _TEXT, st.booleans())
def test_word_spans_are_the_patterns_matches(word, text, hyphen):
    bound = r"[\w-]" if hyphen else r"\w"
    pattern = re.compile(rf"(?<!{bound}){re.escape(word)}(?!{bound})")
    assert word_spans(word, text, hyphen) == [m.span() for m in pattern.finditer(text)]
    assert has_word(word, text, hyphen) == bool(pattern.search(text))


@settings(max_examples=2000, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=3), _TEXT)
def test_first_of_spans_are_the_alternations_matches(words, text):
    forms = sorted(words, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + alternation(words) + r")(?![\w])")
    assert first_of_spans(forms, text) == [m.span() for m in pattern.finditer(text)]


def test_examples():
    assert word_spans("Webb", "Michael Webb said Webb-like Webbs; Webb") == [(8, 12), (35, 39)]
    assert has_word("Co", "the co-op Co.")
    assert not has_word("Co", "the Co-op")
    assert has_word("Co", "the Co-op", hyphen=False)
    assert first_of_spans(["South Korean", "Korea"], "South Korean firms, Korea's") == [(0, 12), (20, 25)]


@settings(max_examples=2000, deadline=None)
@given(st.lists(_WORD, min_size=1, max_size=3), _TEXT, st.booleans())
def test_any_word_searches_where_a_words_own_pattern_would(words, text, hyphen):
    bound = r"[\w-]" if hyphen else r"\w"
    own = any(re.search(rf"(?<!{bound}){re.escape(w)}(?!{bound})", text, re.I) for w in words)
    assert bool(any_word(tuple(words), hyphen).search(text)) == own
