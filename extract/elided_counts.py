"""Counts whose noun is left out because a figure just before names it.

English drops a noun it has just said: "Noel is charged with five counts of falsifying
records; Thomas is charged with three", "Gallinari added 25 points, and Noel had 15",
"the number of models will grow from 16 currently to as many as 80", "five sales this week:
two to Biman and three to Ghana". The bare number is
a count of what its partner counts: the same verb (or one joined to it by "and") with the
noun gapped, the other side of a change ("from 16 to 80", "down by 30 to 126"), or a
share of a count before a colon that the shares add up to.
Words are data (data/claim_filter.toml [elided_counts]).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Token

from extract.frame import doc_text, tokens_of
from extract.frame.context import sentence_of
from extract.lexicon import data_table
from extract.records import Quantity

BARE = "a bare number with no unit or counted noun"
NOT_COUNTED = "is not a counted noun"  # claim_filter.is_claim: the word after is no noun


@lru_cache(maxsize=None)
def _rules() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in data_table("claim_filter")["elided_counts"].items()}


def _token(q: Quantity, doc: Doc) -> Optional[Token]:
    span = tokens_of(doc, q)
    return span.root if span is not None else None


def _governor(t: Token) -> tuple[Token, Optional[str]]:
    """The verb a figure hangs on and the preposition between ("charged" + "with")."""
    if t.dep_ == "pobj":
        return t.head.head, t.head.lower_
    return t.head, None


def _gapped(t: Token, partner: Token) -> bool:
    """t ends its clause with the noun left out, on the partner's verb or one joined to it."""
    doc = t.doc
    ends = t.i + 1 >= len(doc) or doc[t.i + 1].is_punct or doc[t.i + 1].lower_ in ("and", "but", "or")
    if not ends or any(c.pos_ in ("NOUN", "PROPN") for c in t.children):
        return False
    if t.i > 0 and (doc[t.i - 1].pos_ == "DET" or doc[t.i - 1].dep_ == "poss"):
        return False  # "the three", "their two": a group named before, not a count
    (verb, prep), (pverb, pprep) = _governor(t), _governor(partner)
    if verb.pos_ not in ("VERB", "AUX") or prep != pprep or t.dep_ not in ("dobj", "pobj", "attr"):
        return False
    return verb.lemma_ == pverb.lemma_ or verb in pverb.conjuncts


def _two_sides(first: Quantity, second: Quantity, doc: Doc) -> bool:
    """"from 16 currently to as many as 80", "from 40 members to 25": two figures are the two
    sides of one change, `first` before."""
    rules = _rules()
    span = tokens_of(doc, first)
    if span is None or span.start == 0 or doc[span.start - 1].lower_ not in rules["from_words"]:
        return False
    i = span.end
    while i < len(doc) and doc[i].lower_ in rules["between"]:
        i += 1
    return i < len(doc) and doc[i].lower_ == "to" and doc[i].idx < second.start <= doc[i].idx + 20


def _share_of(q: Quantity, t: Token, partner: Quantity, doc: Doc) -> bool:
    """"five 787 Dreamliner sales this week: two to Biman Bangladesh Airlines and three to
    the Ghanaian government", "12 medals: seven gold and five silver": the bare numbers after
    a colon that add up to the count before it are shares of it."""
    if partner.unit != "count" or partner.noun is None or partner.value is None or partner.end > q.start:
        return False
    text = doc_text(doc)
    colon = text.find(":", partner.end, q.start)
    if colon < 0 or "." in text[partner.end:colon]:
        return False
    sentence_end = sentence_of(t).end_char
    parts = [x for x in doc._.quantities or [] if colon < x.start < sentence_end and x.unit == "count"
             and x.noun is None and x.value is not None and x.value == int(x.value)]
    return len(parts) >= 2 and any(x.start == q.start for x in parts) and \
        sum(x.value for x in parts) == partner.value


def _bare(q: Quantity, reason: Optional[str], doc: Doc) -> Optional[Quantity]:
    """q as a bare number: as it is when refused as one, cut to its number when the word read
    as its noun is none ("16 currently")."""
    if reason == BARE:
        return q
    if reason is None or not reason.endswith(NOT_COUNTED):
        return None
    span = tokens_of(doc, q)
    if span is None or not span[0].like_num or span[0].is_alpha:
        return None
    end = span[0].idx + len(span[0].text)
    return q.model_copy(update={"end": end, "surface": q.surface[:end - q.start], "noun": None})


def elided_count(q: Quantity, reason: Optional[str], kept: list[Quantity], doc: Doc) -> Optional[Quantity]:
    """q as a count of its partner's noun when it is a bare number whose noun is left out;
    None otherwise."""
    q = _bare(q, reason, doc) if q.value is not None and q.value == int(q.value) else None
    if q is None:
        return None
    t = _token(q, doc)
    if t is None:
        return None
    sent = sentence_of(t)
    for partner in kept:
        pt = _token(partner, doc)
        if pt is None or sentence_of(pt) is not sent:
            continue
        named = partner.unit != "count" or partner.noun is not None  # a gap needs a noun to stand for
        if (named and partner.start < q.start and _gapped(t, pt)) or _share_of(q, t, partner, doc) or \
                _two_sides(q, partner, doc) or _two_sides(partner, q, doc):
            return q.model_copy(update={"unit": partner.unit, "noun": partner.noun})
    return None
