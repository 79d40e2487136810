"""Products, their parts and their model names, for who a figure is about.

A figure about a part of a product is the product's: "It's built on new underpinnings
that lower it two inches" (the car), "The new version gets a 2-liter engine that's 20%
more powerful" (the new version, the car named before), "In-car infotainment comes
courtesy of an 8-inch touchscreen" (the car the story is about), "The phone's battery
lasts 20% longer". And a figure counting or describing a named model is the model's:
"Its fleet of roughly 400 737 Max jets have been grounded", "two catastrophic crashes of
its 737 Max jet". The part nouns, the verbs of having a part and the classes of products
with model names are data (extract/data/described.toml)."""

from __future__ import annotations
import re
from functools import lru_cache
from typing import Optional
from spacy.tokens import Doc, Span, Token
from extract.rule_files import DescribedRules
from extract.rules import load_rules
from extract.frame.syntax import clause_subject
from extract.frame.described import description_class, with_maker

# A model designation written as one token with letters and digits ("A350", "PS5",
# "S20", "F-150", "777X") or digits and a hyphen ("787-9" is three tokens, glued).
_DESIGNATION = re.compile(r"[A-Za-z]{0,6}-?\d{1,4}(?:-\d{1,3})?[A-Za-z]{0,3}")
_MAKER_LABELS = frozenset({"ORG", "GPE", "NORP"})


@lru_cache(maxsize=None)
def _rules() -> DescribedRules:
    return load_rules("described.toml", DescribedRules)


@lru_cache(maxsize=None)
def _parts() -> frozenset[str]:
    return frozenset(w.lower() for w in _rules().parts)


@lru_cache(maxsize=None)
def _having_verbs() -> frozenset[str]:
    return frozenset(w.lower() for w in _rules().having_verbs)


@lru_cache(maxsize=None)
def _model_nouns() -> frozenset[str]:
    classes = _rules().classes
    return frozenset(w.lower() for c in _rules().model_classes for w in classes.get(c, []))


def _kind_noun(tok: Token) -> bool:
    """A noun naming a kind of product with model names ("jet", "jets", "phone")."""
    return tok.lower_ in _model_nouns() or tok.lemma_.lower() in _model_nouns()


def is_part(tok: Token) -> bool:
    """Is this noun a part of a product ("engine", "underpinnings", "touchscreen")?"""
    return tok.pos_ == "NOUN" and tok.lower_ in _parts() and description_class(tok) is None


def whole_of_part(tok: Token) -> Optional[Token]:
    """The word that names the product a part belongs to: its possessor ("the Sentra's
    engine", "its battery"), its "of"/"on"/"in" object ("the screen on the iPhone 11"), or
    the subject of a verb of having it ("The new version gets a new engine", "It's built on
    new underpinnings", "The Pixel comes with a battery"); None when the sentence names
    none (the product is the one named before, as with "it")."""
    for c in tok.children:
        if c.dep_ == "poss":
            return c
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "on", "in"):
            objs = [o for o in c.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN", "PRON")]
            if objs and not is_part(objs[0]):
                return objs[0]
    part = tok
    while part.dep_ == "conj" and part.head.pos_ == "NOUN":
        part = part.head  # "a new rear suspension and steering system"
    verb = None
    if part.dep_ == "dobj":
        verb = part.head
    elif part.dep_ == "pobj" and part.head.dep_ == "prep":
        verb = part.head.head  # "built on new underpinnings", "comes with a battery"
    if verb is None or verb.pos_ not in ("VERB", "AUX") or not _having(verb):
        return None
    subj = clause_subject(verb)
    return subj if subj is not None and not is_part(subj) else None


def _having(verb: Token) -> bool:
    """A verb of having a part, by its lemma or, where the lemmatiser errs ("rides" ->
    "rid"), by its written form less a regular ending."""
    words = _having_verbs()
    form = verb.lower_
    return verb.lemma_.lower() in words or any(
        form.endswith(end) and (form[:len(form) - len(end)] in words or form[:len(form) - len(end)] + "e" in words)
        for end in ("s", "es", "d", "ed", "ing"))


def counted_model(doc: Doc, span: Span) -> Optional[str]:
    """A figure that counts a named model as its clause's subject, or in an "of" phrase of
    the subject ("Its fleet of roughly 400 737 Max jets have been grounded", "About 1,000
    Galaxy S20 phones were recalled"): the model's. Not counted as an object ("Emirates
    ordered 30 787-9 jets": the buyer's) nor as a partitive ("30 of the jets")."""
    noun = span.root
    if noun.pos_ == "NUM" and noun.dep_ == "nummod":
        noun = noun.head
    while noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i - noun.i <= 3:
        noun = noun.head  # "50 million PS4 consoles": the parse hangs the count on the name
    if noun.pos_ != "NOUN" or not _kind_noun(noun):
        return None
    role = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        role = noun.head.head  # "Its fleet of 400 737 Max jets"
    if role.dep_ not in ("nsubj", "nsubjpass"):
        return None
    return model_name(noun, _figure_tokens(span))


def model_of_phrase(doc: Doc, span: Span) -> Optional[str]:
    """The model a figure's own noun is "of": "two catastrophic crashes of its popular 737
    Max jet", "five recalls of the Model 3". The noun the figure counts or measures,
    not a sum's or a partitive's object ("30 of Boeing's 787-9 jets")."""
    noun = span.root
    if noun.dep_ in ("nummod", "amod", "compound", "quantmod") and noun.head.pos_ == "NOUN":
        noun = noun.head
    if noun.pos_ != "NOUN" or noun.tag_ == "CD":
        return None
    return None if any(span.start <= t.i < span.end for c in noun.children if c.lower_ == "of"
                       for t in c.subtree) else model_of_noun(noun)


def model_of_noun(noun: Token) -> Optional[str]:
    """The named model a common noun is "of" ("crashes of its 737 Max jet", "recalls of
    the Model 3"). A metric's owner ("sales of the iPhone 11") is read by the metric's own
    rule (frame/noun_phrase.py), and a kind noun ("jets of the fleet") is no such noun."""
    if noun.pos_ != "NOUN" or _kind_noun(noun) or any(c.dep_ == "poss" for c in noun.children):
        return None  # "its fleet of A380 jets": the possessor's, told by the clauses around it
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for o in c.children:
                if o.dep_ == "pobj":
                    return model_name(o, frozenset())
    return None


def model_name(noun: Token, skip: frozenset[int]) -> Optional[str]:
    """The model name a product's kind noun is written with ("737 Max jet" -> "737 Max",
    "Boeing's 787-9 Dreamliner jets" -> "787-9 Dreamliner"), or a proper noun that is one
    ("iPhone 11", "PS5"); None when the words before it are no model name ("30 Boeing
    jets": a maker). `skip`: the figure's own number tokens."""
    if noun.pos_ == "PROPN":
        words = sorted((t for t in noun.subtree if t.dep_ in ("compound", "nummod", "flat") or t.i == noun.i),
                       key=lambda t: t.i)
        run = [t for t in words if t.i not in skip and abs(t.i - noun.i) <= 3]
        if any(t.ent_type_ in ("DATE", "TIME") for t in run):
            return None  # "the end of March 2020": a date, not a model
    elif _kind_noun(noun):
        run = _run_before(noun.doc, noun.i, skip)
    else:
        return None
    while run and run[0].like_num and not any(c.isalpha() for c in run[0].text) and (
            len(run) == 1 or run[1].ent_type_ in _MAKER_LABELS and run[1].ent_iob_ == "B"
            or any(c.isdigit() for t in run[1:] for c in t.text)):
        # "30 Boeing jets", "400 737 Max", "123 A380 jets": a count before the name, not
        # its part ("737 Max", "5 Series": the name's only digits)
        run = run[1:]
    if not run or not _model_shaped(run):
        return None
    name = "".join(t.text_with_ws for t in run).strip()
    if sum(c.isalpha() for c in name) >= 2:
        return name
    # digits name nothing alone: with the maker the story writes them with ("Boeing
    # 787-9"), else with the kind noun ("A220 jet")
    return with_maker(noun.doc, name, run[0].i) or (f"{name} {noun.lemma_}" if noun.pos_ == "NOUN" else None)


def _run_before(doc: Doc, end: int, skip: frozenset[int]) -> list[Token]:
    """The name words right before a kind noun: capitalised words, designations, numbers
    and the hyphens glued between them, back to a possessive or a common word."""
    run: list[Token] = []
    k = end - 1
    while k >= 0 and k not in skip:
        t = doc[k]
        glued = t.text == "-" and not t.whitespace_ and k > 0 and not doc[k - 1].whitespace_
        if not (glued or _name_word(t)) or t.dep_ in ("poss", "case") or t.ent_type_ in ("DATE", "TIME"):
            break
        run.insert(0, t)
        k -= 1
    while run and run[0].text == "-":
        run = run[1:]
    return run


def _name_word(t: Token) -> bool:
    text = t.text
    return bool(text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "ADJ", "NUM") or text.isdigit()
                or _DESIGNATION.fullmatch(text) and any(c.isdigit() for c in text)
                or re.fullmatch(r"[a-z][A-Z]\w+", text))  # "iPhone", "eGolf"


def _model_shaped(run: list[Token]) -> bool:
    """A model name has a word with digits, and a word with letters or a glued hyphen
    ("737 Max", "Model 3", "787-9", "A350"); not a maker or a place alone."""
    text = " ".join(t.text for t in run)
    digits = any(any(c.isdigit() for c in t.text) for t in run)
    letters = any(any(c.isalpha() for c in t.text) for t in run)
    maker_only = all(t.ent_type_ in _MAKER_LABELS and not any(c.isdigit() for c in t.text) for t in run)
    return digits and (letters or "-" in text) and not maker_only


def _figure_tokens(span: Span) -> frozenset[int]:
    """The figure's own number words at the start of its span ("400" of "400 737 Max jets",
    "1.2 million" of "1.2 million Model 3 cars"): the first number and its scale words."""
    out: set[int] = set()
    for t in span:
        if not out and t.like_num:
            out.add(t.i)
        elif out and t.lower_ in _SCALES:
            out.add(t.i)
        elif out:
            break
    return frozenset(out)


_SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen"})
