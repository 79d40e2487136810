"""A doc's token attributes as plain lists, read once per doc.

Every read of `Token.dep_`, `.pos_`, `.lemma_` or `.lower_` makes a Token object (when
reached through the doc or a span) and decodes a string from the vocabulary; framing's
loops over a sentence's tokens read these for each sentence, several times, and some for
each figure. `token_table(doc)` reads each attribute of every token once, with one
`Doc.to_array` and a string per distinct value, and keeps the lists on the doc: a parsed
Doc's tokens and their attributes never change once framing reads them.
"""

from __future__ import annotations
from functools import cached_property
import numpy
from spacy.attrs import DEP, ENT_TYPE, HEAD, LEMMA, LOWER, POS, TAG
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc

from extract.frame.context import per_doc

_COLUMNS = (LOWER, LEMMA, POS, TAG, DEP, HEAD, ENT_TYPE)


class TokenTable:
    """The doc's token attributes by token index, each list made on first use."""

    def __init__(self, doc: Doc):
        self._columns = doc.to_array(list(_COLUMNS)).reshape(-1, len(_COLUMNS))
        self._strings = doc.vocab.strings

    def _named(self, attr: int, read=None) -> list[str]:
        keys = self._columns[:, _COLUMNS.index(attr)].tolist()
        read = read or self._strings.__getitem__
        names = {key: read(key) for key in set(keys)}  # a string per distinct value, not per token
        return [names[key] for key in keys]

    @cached_property
    def lower(self) -> list[str]:  # Token.lower_
        return self._named(LOWER)

    @cached_property
    def lemma(self) -> list[str]:  # Token.lemma_.lower()
        return self._named(LEMMA, lambda key: self._strings[key].lower())

    @cached_property
    def pos(self) -> list[str]:  # Token.pos_
        return self._named(POS, POS_NAMES.__getitem__)

    @cached_property
    def tag(self) -> list[str]:  # Token.tag_
        return self._named(TAG)

    @cached_property
    def dep(self) -> list[str]:  # Token.dep_
        return self._named(DEP)

    @cached_property
    def ent_type(self) -> list[str]:  # Token.ent_type_
        return self._named(ENT_TYPE)

    @cached_property
    def head(self) -> list[int]:  # Token.head.i
        # HEAD is the offset to the head, written as an unsigned 64-bit number
        offsets = self._columns[:, _COLUMNS.index(HEAD)].astype(numpy.int64)
        return (offsets + numpy.arange(len(offsets), dtype=numpy.int64)).tolist()


def token_table(doc: Doc) -> TokenTable:
    return per_doc(doc, "claims.token_table", TokenTable)


def descends(head: list[int], i: int, top: int) -> bool:
    """Whether token i is in the subtree of token `top`: its heads (`TokenTable.head`) lead
    up to it."""
    for _ in range(len(head)):
        if head[i] == top:
            return True
        if head[i] == i:
            return False
        i = head[i]
    return False
