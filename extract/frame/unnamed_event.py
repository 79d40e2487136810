"""A disaster the story never names is named by its place and its kind.

"The strongest earthquake to hit Taiwan in a quarter century struck ..., killing at least nine
people" and "The death toll from Taiwan's strongest earthquake in 25 years rose to 12" are one
event, the Taiwan earthquake, in two outlets' words ("strongest earthquake", "earthquake",
"quake"). A subject that is only a disaster's kind word, with what describes it, becomes
"<place> <kind>": the place named in its own phrase ("to hit Taiwan", "Taiwan's"), else the
story's state or country (frame/scope.story_place: its dateline, else the places it names most).
A disaster the story names ("Hurricane Milton", "the Camp Fire") keeps its name
(frame/refer.py). Kind words: data/described.toml [unnamed_events]."""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Span, Token

from extract.rules import load_rules
from extract.subject_rule_files import DescribedRules
from extract.frame.noun_phrase import as_country
from extract.frame.scope import place_of, story_place


def unnamed_event(doc: Doc, sent: Span, subject: Optional[str]) -> Optional[str]:
    """"Taiwan earthquake" for a subject that is a disaster's kind word ("strongest
    earthquake", "quake"); the subject in lower case when no place is known; None when it is
    not one."""
    if not subject:
        return None
    words = subject.lower().split()
    kind = _kinds().get(words[-1])
    if kind is None:
        return None
    head = next((t for t in sent if t.lower_ == words[-1]), None)
    if _is_name(subject, sent):
        return None
    # with no place known, the kind word stays a common noun: "Quake" opening a headline is no
    # name for the story's topic to take
    return event_name(doc, head, kind) or subject[:1].lower() + subject[1:]


def event_name(doc: Doc, head: Optional[Token], kind: str) -> Optional[str]:
    """"<place> <kind>": the place in the kind word's phrase, else the story's."""
    place = (_place_in_phrase(head) if head is not None else None) or _story_country(doc)
    return f"{place} {kind}" if place else None


def event_kind(word: str) -> Optional[str]:
    """The name's word of a disaster's kind word ("quake" -> "earthquake"), else None."""
    return _kinds().get(word.lower())


def _is_name(subject: str, sent: Span) -> bool:
    """A capital letter makes a name ("Hurricane Milton", "Tohoku earthquake"), except the
    capital that opens the sentence on a common word ("Strong earthquake rocks Taiwan",
    "Floods in southern Brazil have killed 83", the tagger's "Wildfire" taken for a name)."""
    first, _, rest = subject.partition(" ")
    if any(c.isupper() for c in rest):
        return True
    if first == first.lower():
        return False
    opener = next((t for t in sent if not t.is_space), None)
    return opener is None or opener.text != first or (opener.pos_ == "PROPN" and opener.lower_ not in _kinds())


def _place_in_phrase(head: Token) -> Optional[str]:
    """A place its own phrase names ("to hit Taiwan", "Taiwan's strongest earthquake",
    "in southern Brazil"), by the place table (city, state or country)."""
    for ent in head.doc.ents:
        if ent.label_ in ("GPE", "LOC") and head.left_edge.i <= ent.start and ent.end - 1 <= head.right_edge.i:
            name = ent.text[:-2] if ent.text.endswith(("'s", "’s")) else ent.text
            if place_of(name) is not None:
                return as_country(name)
    return None


def _story_country(doc: Doc) -> Optional[str]:
    """The story's state when it has one ("LAHAINA, Hawaii": a Hawaii wildfire), else its country."""
    place = story_place(doc)
    return (place.state or place.country) if place is not None else None


@lru_cache(maxsize=None)
def _kinds() -> dict[str, str]:
    return dict(load_rules("described.toml", DescribedRules).unnamed_events)
