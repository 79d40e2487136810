"""A sentence asked for is the defendant's, and the asking side says it.

"Prosecutors had asked for a sentence of 20 years", "Prosecutors sought a 30-year sentence
for Jones, while his lawyers asked for 10 years": the term is the defendant's (named after
"for", else the person the story named last), not the prosecutors'; the side that asks for
it is its source. The figure is the term of a sentence noun, or the object of the verb of
asking itself, in a story about a sentence. Words in data/accused.toml [sought].
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from extract.records import Quantity
from extract.frame.accused import accused_rules
from extract.frame.context import STRONG, Context
from extract.frame.cues import Cues
from extract.frame.noun_phrase import name_np


def asking_verb(span: Span) -> Optional[Token]:
    """The verb of asking a sentence the figure is the term of: "asked for a sentence of
    20 years", "sought a 30-year sentence", "asked for 10 years"."""
    rules = accused_rules().sought
    tok = span.root
    for _ in range(5):
        if tok.pos_ == "VERB" or tok.head.i == tok.i:
            break
        tok = tok.head
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in rules.verbs:
        return None
    sentenced = any(t.lemma_.lower() in rules.nouns for t in tok.subtree)
    return tok if sentenced or _prison_story(span.doc, rules.nouns) else None


def sought_sentence_subject(doc: Doc, span: Span, q: Quantity, cues: Cues, ctx: Context):
    """(defendant, STRONG) for a sentence asked for; else None."""
    verb = asking_verb(span)
    if verb is None:
        return None
    for prep in (t for t in verb.subtree if t.dep_ == "prep" and t.lower_ == "for"):
        for o in (o for o in prep.children if o.dep_ == "pobj" and o.ent_type_ == "PERSON"):
            name, _ = name_np(o, doc, cues, span)
            if name:
                return name, STRONG
    return (ctx.person, STRONG) if ctx.person else None


def _prison_story(doc: Doc, nouns: list[str]) -> bool:
    """Does the text speak of a sentence ("was sentenced", "a sentence of": the lemma of
    both is one of `nouns`)?"""
    return any(t.lemma_.lower() in nouns for t in doc)
