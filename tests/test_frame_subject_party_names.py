"""A name the NER cuts short is the whole name the parse joins ("the Liberal Democrats",
NER "Democrats" or "The Liberal"; "the Sweden Democrats", NER "Sweden"); a title before a
person stays out ("President Trump" is Trump). extract/frame/syntax.py
_with_name_words_before. Election copy from two countries."""

import pytest

from extract.records import Article
from extract.pipeline import extract_claims

CASES = [
    ("uk-election-party",
     "Labour won 412 seats.\n\nThe Liberal Democrats won 72 seats, while Reform UK took five.",
     "72 seats", "Liberal Democrats"),
    ("sweden-election-party",
     "The Social Democrats remained the largest party.\n\nThe Sweden Democrats took 20.5% of the vote, their "
     "best result.",
     "20.5%", "Sweden Democrats"),
]


@pytest.mark.parametrize("text,surface,subject", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_party_is_named_whole(nlp, text, surface, subject):
    art = Article(text=text, regions=[(0, len(text))])
    [claim] = [c for c in extract_claims(art, "t.txt", nlp) if c.surface == surface]
    assert claim.subject == subject
