"""Measures only a place has: turnout, inflation, unemployment, GDP, rainfall.

"Reform UK won four seats but took 14% of the vote. Turnout was around 60%": the turnout is
the election's, in the country the story is about, not the party the sentence before was
about; "Labour won 34%. Inflation fell to 2.3%" is the country's inflation. Such a measure
with no owner in its own clause points back only to a place; a party, company or person
named before gives way to the story's country (scope.story_place). Which metrics are a
place's: data/metrics.toml, `place = true`."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span

from extract.records import Quantity
from extract.frame.context import WEAK
from extract.frame.scope import is_country, place_of, story_place
from extract.frame.figures import metrics_marked
from extract.frame.syntax import clause_subject, metric_of_tokens, metric_tokens, tokens_of


def place_measure_owner(doc: Doc, q: Quantity, subject: Optional[str], how: Optional[str]) -> Optional[str]:
    """The story's country for a place's measure with no owner, or one only pointed back
    to (how WEAK) that is no place; else None (the subject stands, or the story's topic
    fills in later)."""
    if subject and (how != WEAK or place_of(subject) is not None or is_country(subject)):
        return None
    span = tokens_of(doc, q)
    if span is None or not _measures_a_place(span):
        return None
    place = story_place(doc)
    return place.country if place is not None else None


def _measures_a_place(span: Span) -> bool:
    """Is the subject of the figure's clause a place's measure ("Turnout was 60%")?"""
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subj = clause_subject(verb) if verb.pos_ in ("VERB", "AUX") else None
    if subj is None or any(c.dep_ == "poss" for c in subj.children):
        return False  # "its turnout", "Labour's vote share": owned in the phrase
    words = metric_tokens(subj)
    return bool(words) and metric_of_tokens(words) in metrics_marked("place")


