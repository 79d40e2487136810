"""Whether a figure's words hold a cue word of framing.toml (kind.py: "expects",
"estimated", "could"), read as the words joined by spaces, a name word as "_" (names are
no cue words: the month "May", the retailer Target, "Outlook")."""

from __future__ import annotations
from functools import lru_cache
from typing import Iterable
from spacy.tokens import Doc, Token

from extract.frame.context import per_doc
from extract.frame.syntax import names_mid_sentence


def cue_in(tokens: list[Token], words: Iterable[str]) -> bool:
    """Whether the words, joined by spaces, hold one of `words` between spaces."""
    # names are no cue words: the month "May", the retailer Target, "Outlook"
    written = _written(tokens)
    single, phrases = _cue_words(words) if isinstance(words, frozenset) else \
        (frozenset(), tuple(f" {w} " for w in words))
    # a cue of one word is between spaces only as a whole run between spaces: a word, or
    # a part of one that holds a space (a whitespace token)
    if single and (not single.isdisjoint(written) or any(
            piece in single for w in written if " " in w for piece in w.split(" "))):
        return True
    if not phrases:
        return False
    text = " " + " ".join(written) + " "
    return any(phrase in text for phrase in phrases)


def _written(tokens: list[Token]) -> list[str]:
    """Each token as cue_in reads it ("_" for a name word, else lower-cased), kept on the
    doc by token: a figure's cues are looked for in its scope up to five times."""
    if not tokens:
        return []
    doc = tokens[0].doc
    made = per_doc(doc, "claims.cue_words", lambda d: {})
    out = []
    for t in tokens:
        word = made.get(t.i)
        if word is None:  # a Doc's tokens never change once made
            word = made[t.i] = "_" if _is_name_word(t) else t.lower_
        out.append(word)
    return out


@lru_cache(maxsize=64)
def _cue_words(words: frozenset[str]) -> tuple[frozenset[str], tuple[str, ...]]:
    """(the cues without a space in them, and not empty; the others, between spaces), for `cue_in`."""
    return frozenset(w for w in words if w and " " not in w), tuple(f" {w} " for w in words if not w or " " in w)


_NAME_ENTITIES = frozenset({"DATE", "ORG", "PERSON", "PRODUCT", "GPE", "WORK_OF_ART", "EVENT", "FAC", "NORP", "LAW"})


def _is_name_word(t: Token) -> bool:
    """A capitalised word inside a name or a date. At the start of its sentence, only a
    word the recogniser calls a name that the document also capitalises inside a
    sentence: "Target has about 1,950 stores" in a story that names Target elsewhere,
    "Will Ferrell earned $20 million" in a film's; not "Forecast revenue is $5 billion"."""
    if not t.text[:1].isupper():
        return False
    if t.is_sent_start:
        return t.ent_type_ in _NAME_ENTITIES and t.text in _names_of(t.doc)
    return t.ent_type_ in _NAME_ENTITIES or t.pos_ == "PROPN"


def _names_of(doc: Doc) -> frozenset[str]:
    """Words the document writes as names: capitalised inside a sentence, or a word of a
    name two or more words long ("Target Corp on Wednesday reported ...")."""
    def make(d: Doc) -> frozenset[str]:
        return names_mid_sentence(d) | {t.text for e in d.ents if len(e) > 1 and e.label_ in _NAME_ENTITIES for t in e}
    return per_doc(doc, "claims.kind.name_words", make)
