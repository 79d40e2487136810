"""spaCy's English lexeme attributes, the same values computed faster.

Each word form a process meets for the first time becomes a lexeme, and spaCy runs each
of the language's 23 attribute functions on it (spacy/lang/lex_attrs.py and
spacy/lang/en/lex_attrs.py): ~6,650 new forms on the 65 benchmark texts, ~0.1 CPU s of
the tokenizer's 0.18. Some of those functions loop in Python: `like_num` tests the word
against two lists of 40 words, `like_url` looks for a dot one character at a time,
`word_shape` builds the shape one character at a time, `is_ascii` tests each character,
and the one-line ones (`lower`, `is_alpha`, ...) each add a Python call around a string
method.

`with_fast_lexeme_attributes(nlp)` puts in their place functions that give the same value
for every string: sets, `in`, a translation table, the string methods themselves. Only a
getter that is spaCy's own function is replaced, so another language keeps its own.
tests/test_lex_attrs.py holds each to spaCy's on every token of the seed and news texts
and on every single character.
"""

from __future__ import annotations

import re
from operator import itemgetter
from typing import Callable

from spacy.lang import lex_attrs as spacy_attrs
from spacy.lang.en import lex_attrs as english_attrs
from spacy.language import Language

_NUM_WORDS = frozenset(english_attrs._num_words)
_ORDINAL_WORDS = frozenset(english_attrs._ordinal_words)


def like_num(text: str) -> bool:
    """spacy.lang.en.lex_attrs.like_num, its word lists as sets."""
    if text.startswith(("+", "-", "±", "~")):
        text = text[1:]
    text = text.replace(",", "").replace(".", "")
    if text.isdigit():
        return True
    if text.count("/") == 1:
        num, denom = text.split("/")
        if num.isdigit() and denom.isdigit():
            return True
    text_lower = text.lower()
    if text_lower in _NUM_WORDS or text_lower in _ORDINAL_WORDS:
        return True
    if text_lower.endswith(("st", "nd", "rd", "th")):
        if text_lower[:-2].isdigit():
            return True
    return False


def like_url(text: str) -> bool:
    """spacy.lang.lex_attrs.like_url, the dot looked for with `in`."""
    if text.startswith("http://") or text.startswith("https://"):
        return True
    elif text.startswith("www.") and len(text) >= 5:
        return True
    if text[0] == "." or text[-1] == ".":
        return False
    if "@" in text:
        return False
    if "." not in text:
        return False
    tld = text.rsplit(".", 1)[1].split(":", 1)[0]
    if tld.endswith("/"):
        return True
    if tld.isalpha() and tld in spacy_attrs._tlds:
        return True
    if spacy_attrs.URL_MATCH(text):
        return True
    return False


def _shape_char(char: str) -> str:
    if char.isalpha():
        return "X" if char.isupper() else "x"
    return "d" if char.isdigit() else char


# An ASCII character's shape; a shape character repeated past four is cut to four.
_ASCII_SHAPES = {code: _shape_char(chr(code)) for code in range(128)}
_LONG_RUN = re.compile(r"(.)\1{4,}", re.S)


def word_shape(text: str) -> str:
    """spacy.lang.lex_attrs.word_shape: an ASCII word mapped in one translate()."""
    if len(text) >= 100 or not text.isascii():
        return spacy_attrs.word_shape(text)
    return _LONG_RUN.sub(_four_of, text.translate(_ASCII_SHAPES))


def _four_of(run: re.Match) -> str:
    return run.group(1) * 4


# spaCy's function -> the same function, faster.
FASTER: dict[Callable, Callable] = {
    english_attrs.like_num: like_num,
    spacy_attrs.like_url: like_url,
    spacy_attrs.word_shape: word_shape,
    spacy_attrs.is_ascii: str.isascii,
    spacy_attrs.lower: str.lower,
    spacy_attrs.prefix: itemgetter(0),
    spacy_attrs.suffix: itemgetter(slice(-3, None)),
    spacy_attrs.is_alpha: str.isalpha,
    spacy_attrs.is_digit: str.isdigit,
    spacy_attrs.is_lower: str.islower,
    spacy_attrs.is_space: str.isspace,
    spacy_attrs.is_title: str.istitle,
    spacy_attrs.is_upper: str.isupper,
}


def with_fast_lexeme_attributes(nlp: Language) -> Language:
    """The pipeline, its vocabulary computing a new lexeme's attributes with FASTER."""
    getters = nlp.vocab.lex_attr_getters
    for attr, getter in list(getters.items()):
        if getter in FASTER:
            getters[attr] = FASTER[getter]
    return nlp
