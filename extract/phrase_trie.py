"""A list of phrases as one regular expression shaped like a tree of their characters.

The entity and metric vocabularies (extract/vocab.py) are found in text by one pattern
each, `(?<!\\w)(?:phrase|phrase|...)(?!\\w)`: at every position that starts a word
Python's engine tried every phrase in turn, hundreds of them. Written as a tree ("ab"
and "ac" as "a(?:b|c)"), a position is ruled out after the first character or two.

The matches are the same. At one position the phrases that match are prefixes of one
another (all on one path of the tree, when no two different characters of the phrases
match the same character of text: checked, else the plain list is kept), and a list
sorted longest first and the tree, which tries a longer phrase before a shorter one on
its path, both give the longest of them that the look-ahead lets through.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from extract.lexicon import alternation


def phrase_alternation(phrases: Iterable[str], ignore_case: bool) -> str:
    """A regex matching what `alternation(phrases)` matches, tried as a tree (see the
    module docstring); `ignore_case`: the pattern it goes into ignores case."""
    words = list(dict.fromkeys(phrases))
    if ignore_case and _folds_together({ch for w in words for ch in w}):
        return alternation(words)
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[None] = {}
    return _regex(root)


def _regex(node: dict) -> str:
    alternatives = [re.escape(ch) + _regex(child) for ch, child in node.items() if ch is not None]
    if None in node:
        alternatives.append("")  # a phrase ends here: tried after every longer one
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


def _folds_together(chars: set[str]) -> bool:
    """Whether two different characters match the same text when case is ignored ("k" and
    the Kelvin sign, "s" and the long s, "a" and "A"). Two ASCII characters do only as the
    two cases of a letter; a pair with another character is asked of the engine itself."""
    ascii_chars = {ch for ch in chars if ch.isascii()}
    if len({ch.lower() for ch in ascii_chars}) < len(ascii_chars):
        return True
    for ch in chars - ascii_chars:
        if any(other != ch and (_case_blind(ch).fullmatch(other) or _case_blind(other).fullmatch(ch))
               for other in chars):
            return True
    return False


@lru_cache(maxsize=None)
def _case_blind(ch: str) -> re.Pattern:
    return re.compile(re.escape(ch), re.I)
