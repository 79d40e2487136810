"""A count of charges is the accused's.

"Officers also arrested Christopher L. Tays, 32, of Franklin, on several charges including
two local warrants": the warrants are Tays's, not the officers'; "Prosecutors indicted Maria
Lopez on 12 counts of wire fraud": Lopez's counts. The figure counts a charge noun hung by
a preposition ("on", "with", "including") on a verb of arresting or charging; the person
that verb acts on is whose the charges are. Words in data/accused.toml."""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Span, Token

from extract.records import Quantity
from extract.rules import load_rules
from extract.subject_rule_files import AccusedRules
from extract.frame.context import STRONG, Context
from extract.frame.cues import Cues
from extract.frame.noun_phrase import name_np

# how many nouns and prepositions lie between the figure's noun and the verb ("on several
# charges including two local warrants")
_REACH = 6


def accused_of_figure(doc: Doc, span: Span, q: Quantity, cues: Cues, ctx: Context):
    """(accused, STRONG) for a count of charges on an arrest or charge whose object is a
    named person; else None."""
    rules = accused_rules()
    tok, charged = span.root, False
    for _ in range(_REACH):
        charged = charged or tok.lemma_.lower() in rules.charge_nouns
        if (tok.pos_ in ("VERB", "AUX") and tok.dep_ != "prep") or tok.head.i == tok.i \
                or tok.dep_ not in ("pobj", "prep", "dobj", "conj"):  # "including" is a preposition
            break
        tok = tok.head
    if not charged or tok.pos_ != "VERB" or tok.lemma_.lower() not in rules.verbs:
        return None
    accused = _person_acted_on(tok)
    if accused is None:
        return None
    name, _ = name_np(accused, doc, cues, span)
    return (name, STRONG) if name else None


def _person_acted_on(verb: Token) -> Optional[Token]:
    """The verb's object when it is a person's name ("arrested Christopher L. Tays")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ != "PROPN" or obj.ent_type_ not in ("PERSON", ""):
        return None
    return obj


@lru_cache(maxsize=None)
def accused_rules() -> AccusedRules:
    return load_rules("accused.toml", AccusedRules)

