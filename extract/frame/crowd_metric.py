"""How many turned out: a crowd's size.

"Police estimated the crowd at 30,000", "a crowd of about 50,000", "100,000 people joined the
march", "More than 60,000 fans attended the concert", "the rally drew 50,000 people": one
metric, crowd size, however the outlet counts, so that police's and organisers' counts of one
march (a known disagreement) compare. A bare number the crowd is put at or made of is its
size; a count of people (protesters, fans ...) is one only when its verb says they turned out,
so "Police arrested 200 protesters" and "15,000 people registered" keep their own metrics.
Word tables: extract/data/metrics.toml [crowd_metric].
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from extract.records import Quantity
from extract.vocab import metric_vocabulary
from extract.frame.context import STRONG, entity_at
from extract.frame.syntax import tokens_of

# Where a crowd is counted: a venue, a city or a square ("The crowd of 19,156 at TD Garden").
_VENUE_LABELS = frozenset({"FAC", "GPE", "LOC", "ORG"})


def crowd_metric(doc: Doc, q: Quantity) -> Optional[str]:
    """"crowd size" for a crowd's number or a turnout's count; else None."""
    table = metric_vocabulary().rules.get("crowd_metric", {})
    if not table or q.unit != "count":
        return None
    span = tokens_of(doc, q)
    if span is None:
        return None
    root = span.root
    if q.noun is None and _put_on_crowd(root, table):
        return table["metric"]
    if (q.noun is None or q.noun.lower() in table.get("members", [])) and _turned_out(root, table):
        return table["metric"]
    return None


def _put_on_crowd(tok: Token, table: dict) -> bool:
    """"a crowd of 30,000", "estimated the crowd at 30,000", "The crowd was estimated at
    20,000", "a crowd estimated at 20,000"."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("of", "at"):
        return False
    nouns = table.get("nouns", [])
    above = tok.head.head
    if above.lower_ in nouns:
        return True
    if above.pos_ not in ("VERB", "AUX"):
        return False
    if above.dep_ == "acl" and above.head.lower_ in nouns:
        return True
    return any(c.dep_ in ("dobj", "nsubjpass", "nsubj") and c.lower_ in nouns for c in above.children)


def _turned_out(tok: Token, table: dict) -> bool:
    """"100,000 people joined the march", "Thousands took to the streets", "the rally drew
    50,000 people"."""
    verb = tok.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    lemma = verb.lemma_.lower()
    if tok.dep_ == "dobj":
        return lemma in table.get("object_verbs", [])
    if tok.dep_ != "nsubj":
        return False
    if lemma in table.get("verbs", []):
        return True
    if lemma in table.get("event_verbs", []):
        events = table.get("events", [])
        return any(t.lower_ in events for t in verb.subtree if t.i > verb.i)
    words = table.get("verb_words", {}).get(lemma)
    return bool(words) and any(t.lower_ in words for t in verb.subtree if t.i > verb.i)


def crowd_venue(doc: Doc, span, q: Quantity, cues, ctx):
    """(venue, STRONG) for a crowd's size counted "at" or "in" a named place: "The crowd of
    19,156 at TD Garden", "a crowd of 82,000 at Wembley Stadium"; else None."""
    table = metric_vocabulary().rules.get("crowd_metric", {})
    tok = span.root
    if not table or tok.dep_ != "pobj" or tok.head.lower_ != "of" or tok.head.head.lower_ not in table.get("nouns", []):
        return None
    crowd = tok.head.head
    for prep in (c for c in crowd.children if c.dep_ == "prep" and c.lower_ in ("at", "in")):
        for place in (o for o in prep.children if o.dep_ == "pobj" and o.ent_type_ in _VENUE_LABELS):
            ent = entity_at(place)
            return (ent.text if ent is not None else place.text), STRONG
    return None
