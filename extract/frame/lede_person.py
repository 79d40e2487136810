"""A person the lede describes and the next paragraph names.

Crime, court and human-interest copy opens on a description and names the person only
after it: "A former bank executive was sentenced on Tuesday to 12 years in prison ...",
then "Michael Reyes, 54, was also ordered to forfeit $45 million"; "A Texas nurse who
stole $1.2 million ...", then "Jane Doe, 41, pleaded guilty". The lede's figures whose
subject is that description (a person by role: data/refer.toml [people] `described_first`)
are the person's, when a paragraph within the next few opens with a full name, as the
story names the person it described.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Optional

from spacy.tokens import Doc

from extract.rules import load_rules
from extract.subject_rule_files import ReferRules
from extract.frame.context import Frame, entity_at

# How many paragraphs after the description the name may come (the headline, the lede, then the name).
_PARAGRAPHS_AFTER = 3


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load_rules("refer.toml", ReferRules).people.described_first)


def name_the_described_person(doc: Doc, frames: list[Frame], para_of: Callable[[int], int]) -> None:
    """The figures of the paragraphs before the naming one, whose subject describes a person."""
    described = [f for f in frames if _describes_a_person(f.subject)]
    if not described:
        return
    named_at, name = _first_named_opening(doc, para_of, para_of(described[0].quote_start))
    if name is None:
        return
    for f in described:
        if para_of(f.quote_start) < named_at:
            f.subject = name


def _describes_a_person(subject: Optional[str]) -> bool:
    """"former bank executive", "Texas nurse": lower-case words but the first (a sentence
    or a headline may capitalise it) and a role as the head."""
    if not subject:
        return False
    words = subject.split()
    return words[-1].lower() in _role_words() and not any(c.isupper() for w in words[1:] for c in w)


def _first_named_opening(doc: Doc, para_of: Callable[[int], int], after: int) -> tuple[int, Optional[str]]:
    """(paragraph, name) of the first paragraph after `after`, within a few, that opens
    with a person's full name ("Michael Reyes, 54, was ...")."""
    seen = set()
    for sent in doc.sents:
        p = para_of(sent.start_char)
        if p <= after or p in seen:
            continue
        if p > after + _PARAGRAPHS_AFTER:
            break
        seen.add(p)
        ent = entity_at(sent[0])
        if ent is not None and ent.start == sent.start and ent.label_ == "PERSON" and len(ent) >= 2:
            return p, ent.text
    return -1, None
