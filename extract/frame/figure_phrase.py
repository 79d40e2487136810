"""Subject, steps on a figure's own phrase that name its owner from the words around it:
a figure in brackets after a noun phrase ("in-feed units (30%)"), the "by" agent of the act
it sizes ("a $3 billion tender offer by SoftBank", "the $20 demanded by Ferro"), the object
a "by" change is of ("expand the Emirates fleet by 30%"), a thing given as an example
("such as a 2.1 GW floating solar project"), the named thing a price is "for" ("a $9.99
monthly rate for its Stadia Pro subscription"), and the place an amount fell on ("2
inches of rain in the San Diego County area"), the nation of a measure a sum is "in" ("$40
billion in Chinese purchases"). Run by extract/frame/subject.py with the
steps of extract/frame/figure_owner.py; each answers like those (Found)."""

from __future__ import annotations
from functools import lru_cache
from spacy.tokens import Doc, Span
from extract.records import Quantity
from extract.frame.cues import Cues
from extract.frame.context import Context, STRONG, doc_text
from extract.frame.syntax import entity_in
from extract.frame.figures import is_money
from extract.frame.article import subject_rules
from extract.frame.figure_owner import MODIFIER_DEPS as _MODIFIER_DEPS, Found
from extract.frame.noun_phrase import agent_of, country_of, metric_head, name_np, np_phrase


def bracketed_share(doc: Doc, span: Span, q: Quantity, cues: Cues, ctx: Context) -> Found:
    """A figure alone in brackets right after a noun phrase is that phrase's: "native ad
    units (38%), followed by in-feed units (30%), in-ad units (25%)", "Apple (23%) and
    Samsung (20%)". Not a figure after a figure ("$1.2 billion (€1 billion)"), a modifier
    ("the 1,900-mile-wide (3,100 kilometers) Europa") or a measure ("revenue ($5 billion)")."""
    if span.start < 2 or span.end >= len(doc) or doc[span.start - 1].text != "(" or doc[span.end].text != ")":
        return None
    noun = doc[span.start - 2]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL", "DATE") \
            or metric_head(noun) or noun.lower_ in cues.measure_nouns \
            or any(c.dep_ in ("nummod", "quantmod") or c.like_num for c in noun.children):
        return None  # "176 Hong Kong dollars (£17.43)": a figure in another unit
    # the phrase up to its noun: its subtree holds the bracketed figure itself
    left = [t for t in noun.subtree if t.i <= noun.i]
    name = entity_in(left, doc, cues, cues.subject_labels) if noun.pos_ == "PROPN" else None
    name = name or (np_phrase(noun, cues) if noun.lower_ not in cues.pronouns else None)
    return (name, STRONG) if name else None


def agent_of_figure_noun(doc: Doc, span: Span, q: Quantity, cues: Cues, ctx: Context) -> Found:
    """The "by" agent of the act a figure sizes: "a $3 billion tender offer by SoftBank",
    "a $5 billion bid by Microsoft for the studio": the one who makes it, not whoever the
    clause above is about. Not a report's author ("a study by MIT")."""
    noun = span.root.head if span.root.dep_ in _MODIFIER_DEPS else None
    if noun is None or noun.pos_ != "NOUN" or noun.i < span.end - 1:
        return _agent_of_participle(doc, span, cues) if is_money(q) or q.unit == "percent" else None
    agent = agent_of(noun, cues)
    if agent is None or agent.pos_ != "PROPN":
        return None
    name = entity_in(list(agent.subtree), doc, cues, cues.subject_labels)
    return (name, STRONG) if name else None


def changed_object(doc: Doc, span: Span, q: Quantity, cues: Cues, ctx: Context) -> Found:
    """"plans to expand the Emirates fleet by 30%": a figure after "by" on a verb that
    changes its object (data/subject.toml [change_of_object]) measures the object; a
    name the object carries owns it. Nothing else named: the clauses above may tell."""
    by = span.root.head if span.root.dep_ == "pobj" else None
    verb = by.head if by is not None and by.lower_ == "by" else None
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in _change_verbs():
        return None
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.i < span.start]
    if not objs or objs[0].lower_ in cues.pronouns:
        return None
    name, _ = name_np(objs[0], doc, cues, span)
    return (name, STRONG) if name and name[:1].isupper() else None


def example_thing(doc: Doc, span: Span, q: Quantity, cues: Cues, ctx: Context) -> Found:
    """"giant solar parks such as a 2.1 GW floating solar project and a 3 GW ground-mounted
    PV array", "investments, including a $2 billion chip plant": a thing given as an
    example is sized by the figure that modifies it; its own words name it, not the
    clause the list of examples hangs on."""
    noun = span.root.head if span.root.dep_ in _MODIFIER_DEPS else None
    if noun is None or noun.pos_ != "NOUN" or noun.i < span.end:
        return None
    top = noun
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    marker = top.head if top.dep_ == "pobj" else None
    if marker is None or not (marker.lower_ in ("including", "like") or marker.lower_ == "as" and (
            marker.i > 0 and doc[marker.i - 1].lower_ == "such")):
        return None
    words = [t for t in doc[span.end:noun.i + 1]]
    while words and (words[0].is_punct or words[0].pos_ in ("DET", "ADV")):
        words = words[1:]
    if not words:
        return None
    return doc_text(doc)[words[0].idx:noun.idx + len(noun.text)], STRONG


def priced_for(doc: Doc, span: Span, q: Quantity, cues: Cues, ctx: Context) -> Found:
    """"offered at a $9.99 monthly rate for its Stadia Pro subscription", "a $20 monthly
    fee for ChatGPT Plus": a sum that sizes a price noun "for" a named thing is that
    thing's price; the name as written, a kind word at its end left out."""
    noun = span.root.head if span.root.dep_ in _MODIFIER_DEPS else None
    if not is_money(q) or noun is None or noun.pos_ != "NOUN" or noun.i < span.end:
        return None
    objs = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "for" for o in c.children
            if o.dep_ == "pobj"]
    if not objs:
        return None
    name, _ = name_np(objs[0], doc, cues, span)
    if name or objs[0].pos_ != "NOUN":
        return (name, STRONG) if name and name[:1].isupper() else None
    run = [t for t in objs[0].subtree if t.i < objs[0].i and t.pos_ == "PROPN"]
    return (" ".join(t.text for t in run), STRONG) if run and run[-1].i == objs[0].i - 1 else None


def place_amount(doc: Doc, span: Span, q: Quantity, cues: Cues, ctx: Context) -> Found:
    """"2 inches (50.8 millimeters) of rain in the San Diego County area", "30 inches of
    snow across Buffalo": an amount of what falls on a place (data/subject.toml
    [place_amounts]) is the place's."""
    noun = span.root
    if noun.dep_ == "appos" and noun.head.ent_type_ == "QUANTITY":
        noun = noun.head  # "(50.8 millimeters)": the amount it converts
    stuff = next((o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                  if o.dep_ == "pobj" and o.lower_ in _place_amounts()), None)
    if stuff is None:
        return None
    for head in (stuff, noun, noun.head):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "on", "across", "over", "throughout") and c.i > stuff.i:
                objs = [o for o in c.children if o.dep_ == "pobj"]
                place = entity_in(list(objs[0].subtree), doc, cues, frozenset({"GPE", "LOC", "FAC"})) if objs else None
                if place:
                    return place, STRONG
    return None


@lru_cache(maxsize=None)
def _place_amounts() -> frozenset[str]:
    return frozenset(subject_rules().place_amounts.words)


@lru_cache(maxsize=None)
def _change_verbs() -> frozenset[str]:
    return frozenset(subject_rules().change_of_object.words)


def _agent_of_participle(doc: Doc, span: Span, cues: Cues) -> Found:
    """"the $20 reportedly demanded by Ferro", "the $9 billion raised by SoftBank": the
    agent of a participle the figure's noun phrase carries."""
    np = span.root
    if np.dep_ in _MODIFIER_DEPS and np.head.pos_ == "NOUN" and np.head.i >= span.end - 1:
        np = np.head
    for acl in (c for c in np.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i >= span.end):
        for by in (c for c in acl.children if c.dep_ == "agent"):
            objs = [o for o in by.children if o.dep_ == "pobj" and o.pos_ == "PROPN"]
            name = entity_in(list(objs[0].subtree), doc, cues, cues.subject_labels) if objs else None
            if name:
                return name, STRONG
    return None


def sum_in_national_measure(doc: Doc, span: Span, q: Quantity, cues: Cues, ctx: Context) -> Found:
    """"the $40-50 billion in annual Chinese purchases of American farm goods", "$5 billion
    in U.S. sales": a sum "in" a measure written with a nationality is that nation's (the
    measure nouns of data/subject.toml [countries])."""
    if not is_money(q):
        return None
    objs = [o for c in span.root.children if c.dep_ == "prep" and c.lower_ == "in" for o in c.children
            if o.dep_ == "pobj" and o.pos_ == "NOUN" and o.lower_ in subject_rules().countries.measures]
    if not objs:
        return None
    country = country_of([t for t in objs[0].subtree if t.i < objs[0].i and t.dep_ in ("compound", "amod", "nmod")])
    return (country, STRONG) if country else None
