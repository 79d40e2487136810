"""Populations and samples: a figure that is a share of a population ("3 percent of
young people", "half of the 505,796 people surveyed", "Of the 1,200 patients enrolled in
the trial, 30 percent were over 65") or a count of one that is its clause's subject
("Two people in Michigan died", "surveys completed by 505,796 people") is about that
population: the population phrase is the subject, not the survey that counted it nor
the researchers who report it. Words are data (extract/data/population.toml)."""

from __future__ import annotations
import re
from functools import lru_cache
from typing import Optional
from spacy.tokens import Doc, Span, Token
from extract.records import Quantity
from extract.rule_files import PopulationRules, SubjectRules
from extract.rules import load_rules
from extract.frame.context import STRONG, Context, doc_text
from extract.frame.noun_phrase import country_of

# "people age 12 and older", "adults aged 26 or above", "children ages 5 to 11"
_AGE_AFTER = re.compile(r"\s+(?:age[ds]?|between the ages of)\s+\d{1,3}(?:\s*(?:to|-|–|and)\s*\d{1,3}"
                        r"|\s+(?:and|or)\s+(?:older|over|up|above|younger|under))?(?![\w-])")
_MAX_AFTER = 6  # tokens of a narrowing phrase after the noun ("in the state", "enrolled in the trial")


@lru_cache(maxsize=None)
def _rules() -> PopulationRules:
    return load_rules("population.toml", PopulationRules)


@lru_cache(maxsize=None)
def _nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in _rules().nouns)


def population_subject(doc: Doc, span: Span, q: Quantity, cues, ctx: Context):
    """(population phrase, STRONG) for a share or a subject count of a population; None
    to let the other subject steps try."""
    share = _share_of(span, q)
    noun = share or _counted_subject(span)
    if noun is None or any(c.dep_ == "poss" for c in noun.children):
        return None  # "30% of its customers": the company's, told by the clause above
    phrase = population_phrase(noun, span)
    if phrase and share is None and noun.dep_ != "pobj" and phrase == noun.text:
        # "two infected individuals sought treatment": a bare count of those an event
        # befell is the event's figure; a narrowed one ("people in Michigan", "people
        # age 12 and older") names a population
        return None
    return (phrase, STRONG) if phrase else None


def _population(tok: Optional[Token]) -> bool:
    return tok is not None and tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in _nouns()


def _share_of(span: Span, q: Quantity) -> Optional[Token]:
    """The population a share is of: "0.4 percent of the total U.S. population", "half of
    the people surveyed", and a fronted "Of the 1,200 patients ..., 30 percent were"."""
    root = span.root
    fraction = root.lower_ in {w.lower() for w in _rules().fractions}
    if q.unit != "percent" and not fraction:
        return None
    for c in root.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if objs and _population(objs[0]):
                return objs[0]
    if root.dep_ in ("nsubj", "nsubjpass"):
        for c in root.head.children:
            if c.dep_ == "prep" and c.lower_ == "of" and c.i < root.i:
                objs = [o for o in c.children if o.dep_ == "pobj"]
                if objs and _population(objs[0]):
                    return objs[0]
    return None


def _counted_subject(span: Span) -> Optional[Token]:
    """A count of a population that is its clause's subject or a passive's agent: "Two
    people in Michigan died", "surveys completed by 505,796 people"."""
    root = span.root
    noun = root if _population(root) else (root.head if root.dep_ in ("nummod", "quantmod") else None)
    if not _population(noun):
        return None
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "by" and noun.head.dep_ == "agent":
        return noun
    return None


def population_phrase(noun: Token, span: Span) -> Optional[str]:
    """The population as written, without its number or article: the noun, the words
    before it ("young", "U.S."), and what narrows it after ("in Michigan", "surveyed",
    "age 12 and older")."""
    doc = noun.doc
    figure = set(range(span.start, span.end))
    left: list[Token] = []
    k = noun.i - 1
    while k >= 0 and doc[k].head.i == noun.i and doc[k].dep_ in ("amod", "compound", "nmod", "nummod", "det", "quantmod") \
            or (k >= 0 and doc[k].text == "-" and left):
        left.insert(0, doc[k])
        k -= 1
    left = [t for t in left if t.i not in figure and t.dep_ not in ("det", "nummod", "quantmod") and not t.like_num]
    while left and left[0].text == "-":
        left = left[1:]
    if noun.lower_ in load_rules("subject.toml", SubjectRules).countries.measures and country_of(left):
        return country_of(left)  # "0.4 percent of the total U.S. population": the US's
    words = left + [noun]
    text = doc_text(doc)
    end = noun.idx + len(noun.text)
    age = _AGE_AFTER.match(text, end)
    if age:
        return _joined(words) + age.group(0)
    for c in sorted(noun.children, key=lambda c: c.i):
        sub = list(c.subtree)
        narrowing = (c.dep_ == "prep" and c.lower_ in {w.lower() for w in _rules().narrowing_preps}) or (
            c.dep_ == "acl" and c.tag_ == "VBN")
        if c.i > noun.i and narrowing and len(sub) <= _MAX_AFTER and not figure & {t.i for t in sub} \
                and not any(t.text in (",", ";", "(") or t.ent_type_ in ("DATE", "TIME") for t in sub):
            words += sub
    return _joined(sorted(words, key=lambda t: t.i)) or None


def _joined(words: list[Token]) -> str:
    """Tokens as written, one space where the text had words between them."""
    out = ""
    for k, t in enumerate(words):
        out += t.text
        if k + 1 < len(words):
            out += t.whitespace_ if words[k + 1].i == t.i + 1 else " "
    return out.strip()
