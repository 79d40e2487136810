"""A disaster story's figures are its disaster's.

A story about one disaster reports its figures in sentences that do not name it: "At least
nine people were killed, the island's fire department said", "The U.S. Geological Survey said
the quake had a magnitude of 7.4" (after a sentence crediting the fire agency), "Taiwan's
Central Weather Administration measured the quake at magnitude 7.2". Read clause by clause
they are the island's, the agency's, nobody's; for reconciliation they must be the Taiwan
earthquake's in every outlet's copy. The story's disaster is the first unnamed disaster of
its headline and lead ("Strong earthquake rocks Taiwan", "Brazil floods: Dozens dead"),
named as frame/unnamed_event.py names it (place + kind). Then:

- a reading of the event (magnitude) is the disaster's, whatever the clause found: the
  agency that measures it is its source, not what it is about;
- a toll (deaths, people missing, homes destroyed ...) with no owner, or whose owner is only
  the disaster's own country (or a place in it) or the agency that counts, is the disaster's.

A toll owned by another place ("In Syria, 40 people died" in a Turkey quake story), a named
disaster ("Hurricane Milton") or another event keeps its owner. A story whose lead names a
disaster by name has no unnamed disaster: frame/refer.py follows it. Metrics and how far
the lead reaches: data/described.toml [disaster_figures]."""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Token

from extract.rules import load_rules
from extract.subject_rule_files import DescribedRules, DisasterFigures
from extract.frame.scope import place_of
from extract.frame.unnamed_event import event_kind, event_name

_NONE = ""  # cached: the story has no unnamed disaster


def disaster_subject(doc: Doc, subject: Optional[str], metric: Optional[str],
                     source: Optional[str]) -> Optional[str]:
    """The story's disaster ("Taiwan earthquake") when the figure is one of its figures;
    else None (the subject stands)."""
    rules = _rules()
    if metric not in rules.measured and metric not in rules.counts:
        return None
    event = story_disaster(doc)
    if event is None or subject == event or _is_event(subject):
        return None
    if metric in rules.measured or subject is None or subject == source:
        return event
    return event if _inside(subject, event) else None


def story_disaster(doc: Doc) -> Optional[str]:
    """The unnamed disaster of the story's headline and lead, named by place and kind; read
    once a doc."""
    cache = doc.user_data.setdefault("claims.story_disaster", {})
    if "event" not in cache:
        cache["event"] = _first_disaster(doc) or _NONE
    return cache["event"] or None


def _first_disaster(doc: Doc) -> Optional[str]:
    rules = _rules()
    for n, sent in enumerate(doc.sents):
        if n >= rules.lead_sentences:
            break
        for t in sent:
            kind = event_kind(t.text) if t.pos_ in ("NOUN", "PROPN") else None
            if kind is None or _followed_by(t, rules.not_after) or (
                    t.dep_ == "compound" and t.head.lower_ not in rules.compound_heads):
                continue  # "a storm of criticism", "wildfire risk"
            if _in_name(t):
                return None  # "Hurricane Milton": a named disaster, followed by name
            return event_name(doc, t, kind)
    return None


def _followed_by(t: Token, words: list[str]) -> bool:
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    return nxt is not None and nxt.lower_ in words


def _in_name(t: Token) -> bool:
    """"Hurricane Milton", "Typhoon Haiyan": the kind word as part of a proper name (set in
    capitals inside the sentence, or before the name it is part of). A place before a lower-case
    kind word ("Hualien quake", "Tohoku earthquake") names no disaster: it is the place, however
    the tagger reads it."""
    capital = t.text[:1].isupper() and not t.is_sent_start
    return capital or (t.dep_ == "compound" and t.head.pos_ == "PROPN" and t.head.i > t.i)


def _is_event(subject: Optional[str]) -> bool:
    """A subject that names a disaster of its own ("Hurricane Milton", "Japan earthquake")."""
    return bool(subject) and any(event_kind(w) for w in subject.split())


def _inside(subject: str, event: str) -> bool:
    """Is the subject the disaster's place, or a place in its country ("Hualien" for the
    Taiwan earthquake)?"""
    here = place_of(subject)
    if here is None:
        return False
    for n in range(len(event.split()) - 1, 0, -1):
        there = place_of(" ".join(event.split()[:n]))
        if there is not None:
            return here.state == there.state if there.state else here.country == there.country
    return False


@lru_cache(maxsize=None)
def _rules() -> DisasterFigures:
    return load_rules("described.toml", DescribedRules).disaster_figures
