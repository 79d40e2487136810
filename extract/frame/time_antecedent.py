"""A relative clause the parser hangs on a span of time stands for the thing before it.

"two catastrophic crashes of its popular 737 Max jet in less than five months that killed
a total of 346 people": the crashes killed them, not the five months; "a series of attacks
over three days that left 40 people dead": the attacks. A span of time ("months", "days")
does not act, so a "that"/"which" clause hung on it is about the noun phrase that the time
phrase trails."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

# nouns of a span of time, by lemma
_TIME_NOUNS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "weekend"})
# how many heads the noun phrase before the time phrase may climb (past "of its popular jet")
_CLIMB = 6


def time_antecedent(verb: Token) -> Optional[Token]:
    """For a relative clause hung on a time noun, the head of the noun phrase right before
    the time phrase; else None."""
    noun = verb.head
    if verb.dep_ != "relcl" or noun.lemma_.lower() not in _TIME_NOUNS:
        return None
    prep = noun.head if noun.dep_ == "pobj" else None
    if prep is None or prep.dep_ != "prep" or prep.i == 0:
        return None
    tok = noun.doc[min(t.i for t in prep.subtree) - 1]
    for _ in range(_CLIMB):
        # "crashes of its popular 737 Max jet": up through "of" to the noun it trails
        if tok.dep_ != "pobj" or tok.head.dep_ != "prep" or tok.head.head.pos_ not in ("NOUN", "PROPN"):
            break
        tok = tok.head.head
    return tok if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() not in _TIME_NOUNS else None
