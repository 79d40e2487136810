"""Illustrations: figures of an example, a type case or a premise, not a reported event.

"Say you earn $50,000", "A family that spends $500 a month", "If each of the 550,000 GPUs
costs $30,000, the hardware alone would come to $16.5 billion".
"""

from __future__ import annotations
import re
from functools import lru_cache
from spacy.tokens import Span, Token
from extract.records import Quantity
from extract.lexicon import data_table
from extract.frame.cues import Cues, lowered
from extract.frame.context import doc_text


def without_told_cue_verbs(scope: list[Token]) -> list[Token]:
    """The tokens minus a verb an illustrative cue opens with when it has a subject of
    its own: "Say you earn $50,000" and "Let's say you spend ..." illustrate; "Border
    agents say you've got to pay attention" reports."""
    verbs = _imperative_cue_verbs()
    return [t for t in scope if not (t.pos_ == "VERB" and t.lemma_.lower() in verbs and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("'s", "’s", "us") for c in t.children))]


@lru_cache(maxsize=None)
def _imperative_cue_verbs() -> frozenset[str]:
    return lowered(data_table("framing")["imperative_cue_verbs"])


def generic_example(sent: Span, q: Quantity) -> bool:
    return _type_case_relative(sent, q) or _type_case_subject(sent, q) or _worked_example(sent, q)


_PREMISE_MARKS = frozenset({"if", "assuming", "suppose", "supposing"})


def _worked_example(sent: Span, q: Quantity) -> bool:
    """"If each of the 550,000 GPUs costs $30,000, the hardware alone would come to $16.5
    billion", "At 8 cents per kilowatt-hour, running them would cost $500 million a
    year": a sum worked from an assumed figure is an illustration, premise and result.
    (A premise without a figure, "if the trend continues, ... would", is a forecast; a
    figure restated with "the" is the known figure, not an assumption.)"""
    root = sent.root
    if not any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might") for c in root.children):
        return False
    text = doc_text(sent.doc)
    if re.search(r"\bthe\s+$", text[max(sent.start_char, q.start - 5):q.start], re.I):
        return False
    premise = [t for c in root.children if c.dep_ == "advcl"
               and any(m.dep_ == "mark" and m.lower_ in _PREMISE_MARKS for m in c.children) for t in _core(c)]
    first = sent[0]
    if first.lower_ == "at" and first.head.i == root.i:
        premise += list(first.subtree)  # "At an electricity price of 8 cents per kilowatt-hour, ..."
    return any(t.like_num for t in premise)


def _core(clause: Token) -> list[Token]:
    """The clause without a participle that tells what follows from it: the premise of
    "..., could raise up to $12.9bn if a green shoe option is exercised, allowing
    underwriters to buy up to an additional 15 per cent" assumes no figure."""
    off = {x.i for c in clause.children if c.dep_ in ("advcl", "acl") and c.tag_ == "VBG" for x in c.subtree}
    return [t for t in clause.subtree if t.i not in off]


def _type_case_subject(sent: Span, q: Quantity) -> bool:
    """"A startup paying $2 an hour for 1,000 GPUs spends about $17.5 million a year": a
    present-tense sentence about an indefinite someone (a startup, a household; not "a
    15.6-inch touch screen that appears to float") that a participle or relative clause
    describes is a type case, every figure in it."""
    root = sent.root
    if root.tag_ not in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.tag_ in ("VBD", "MD") for c in root.children):
        return False
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in _type_case_subjects() \
            or not any(c.dep_ == "det" and c.lower_ in ("a", "an", "any", "every") for c in subj.children):
        return False
    if any(c.like_num or c.ent_type_ in ("MONEY", "PERCENT", "CARDINAL") for c in subj.children):
        return False  # "A $4 billion lead, supporting an answer ...": a figure, not a type case
    return any(c.dep_ == "acl" and c.tag_ == "VBG" or c.dep_ == "relcl" and c.tag_ in ("VBZ", "VBP")
               for c in subj.children)


@lru_cache(maxsize=None)
def _type_case_subjects() -> frozenset[str]:
    return lowered(data_table("framing")["type_case_subjects"])


def _type_case_relative(sent: Span, q: Quantity) -> bool:
    """"A family that spends $500 a month", "a developer who spends $10,000": a figure
    in a present-tense relative clause on an indefinite noun describes a type case,
    not a reported event ("a startup that raised $5 billion" is past, so reported)."""
    span = sent.doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return False
    t = span.root
    for _ in range(6):
        if t.dep_ == "relcl" and t.tag_ in ("VBZ", "VBP"):
            noun = t.head
            return noun.dep_ in ("nsubj", "nsubjpass") \
                and any(c.dep_ == "det" and c.lower_ in ("a", "an", "any", "every") for c in noun.children) \
                and any(c.lower_ in ("who", "that") for c in t.children)
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def is_conditional(sent: Span, q: Quantity, cues: Cues) -> bool:
    """Is the figure inside an 'if' clause ("if the lifespan is shorter than six years")?"""
    doc = sent.doc
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    for _ in range(10):
        if any(c.dep_ == "mark" and c.lower_ in cues.conditional for c in tok.children):
            return True
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return False
