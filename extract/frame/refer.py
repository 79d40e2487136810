"""Subjects that refer back to something named earlier.

English news names a person, a place or an organisation once and then refers back to it:

- by a pronoun: "To LeBron James, triple-doubles are not a goal. They are only a side effect
  of the play he has been dishing out for 17 NBA seasons" (he: the person named last, the
  subject of the last sentence that names one first). In a quotation the pronoun is someone
  the speaker talks about, never the speaker: '"For him to be doing what he's doing in his
  17th year ...," Vogel said' is the player the story is about (of the people named in the
  paragraphs before, the one it names most). A person named only as a source ("according
  to Alex Horton of the Washington Post") is no one a pronoun stands for. "I" and "my" in a
  quotation are its speaker, credited before or after it in the paragraph.
- by a nationality: "Haaland scored twice ... The Norwegian has now scored 25 league goals":
  the person named last, even one the entity tagger missed (a proper noun that is the
  subject of a main clause and no known place or organisation).
- by a kind: "Beijing officials admitted that the city had experienced 10 times as many
  cases" (the city named last: data/places.toml [cities]); "outages by the country's largest
  utility" (the organisation named last: a ranking within a place describes what was named).

Words are data (extract/data/refer.toml).
"""

from __future__ import annotations
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional
from spacy.tokens import Doc, Span, Token
from extract.rules import load_rules
from extract.subject_rule_files import PlacesRules, ReferRules
from extract.vocab import entity_table
from extract.frame.article import subject_rules
from extract.frame.context import Context, doc_ents, doc_text, per_doc, quote_open, sentence_of
from extract.frame.cues import load_cues
from extract.frame.described import DESCRIBED, product_named_before
from extract.frame.noun_phrase import as_country
from extract.frame.part_whole import is_part, whole_of_part
from extract.frame.syntax import canon, is_entity_text, paragraph_index, strip_possessive

CITY, COUNTRY, STATE, ORGANISATION, PERSON = "city", "country", "state", "organisation", "person"


@lru_cache(maxsize=None)
def _rules() -> ReferRules:
    return load_rules("refer.toml", ReferRules)


@dataclass(frozen=True)
class Mention:
    """A person named in the text."""

    i: int  # the name's head token
    name: str
    sent: int  # the first token of its sentence
    para: int  # its paragraph
    subject: bool  # the subject of its clause
    speaker: bool  # the subject of a reporting verb ("Vogel said", "said Joseph Minga")
    credited: bool  # named only as a source ("according to Alex Horton")
    quoted: bool  # inside quotation marks
    as_organisation: bool = False  # a proper noun the tagger took for an organisation ("Kylian Mbappe struck")


def in_quotation(tok: Token) -> bool:
    """Is the token inside quotation marks opened in its paragraph?"""
    text = doc_text(tok.doc)
    return quote_open(text[text.rfind("\n", 0, tok.idx) + 1:tok.idx])


def people(doc: Doc) -> list[Mention]:
    """Every person the doc names, in order: the entity tagger's, and a proper noun it missed
    that is the subject of a main clause ("Verstappen took pole position"). Read once a doc."""
    return per_doc(doc, "claims.refer.people", _people)


def _people(doc: Doc) -> list[Mention]:
    para_of = _para_of(doc)
    return sorted(
        [_mention(e.root, strip_possessive(e.text), para_of) for e in doc_ents(doc)
         if e.label_ == "PERSON" and e.root.pos_ == "PROPN" and is_entity_text(e.text, load_cues()) and _in_clause(e.root)
         and not entity_table().find(e.text)]
        + [_mention(t, _proper_name(t), para_of) for t in doc if _unmarked_person(t)], key=lambda m: m.i)


def _para_of(doc: Doc):
    """The doc's paragraph index of a character, made once a doc."""
    return per_doc(doc, "claims.refer.para_of", lambda d: paragraph_index(doc_text(d)))


def _in_clause(t: Token) -> bool:
    """Is the name in a sentence with a verb: not a credit line ("— Tottenham Hotspur
    (@SpursOfficial) November 20, 2019"), where the tagger takes a club for a person?"""
    return any(w.pos_ in ("VERB", "AUX") for w in sentence_of(t))


def _mention(head: Token, name: str, para_of) -> Mention:
    """A person's mention, with the roles its head plays."""
    cues = load_cues()
    subject = head.dep_ in ("nsubj", "nsubjpass")
    speaker = subject and head.head.lemma_.lower() in cues.attribution_verbs
    credited = head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ == "according"
    return Mention(head.i, canon(name), sentence_of(head).start, para_of(head.idx), subject, speaker, credited,
                   in_quotation(head), head.ent_type_ == "ORG")


def _unmarked_person(t: Token) -> bool:
    """A proper noun the entity tagger did not mark as a person, read as one: the subject of
    its sentence's main clause, capitalised, with no article ("The Norwegian"), and no known
    place, organisation or nationality. One the tagger took for an organisation is kept
    apart: only a nationality ("the Frenchman") reads it as a person."""
    if t.pos_ != "PROPN" or t.dep_ not in ("nsubj", "nsubjpass") or t.head.dep_ != "ROOT" or not t.is_alpha \
            or not t.text[:1].isupper() or t.ent_type_ not in ("", "GPE", "ORG") or any(c.dep_ == "det" for c in t.children):
        return False
    if t.text in subject_rules().nationality_nouns.words or t.text in _places().cities or entity_table().find(t.text):
        return False
    return t.ent_type_ != "GPE" or t.text not in _places().states and t.text not in _places().countries.names


def _proper_name(t: Token) -> str:
    words = [c for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < t.i] + [t]
    return " ".join(w.text for w in sorted(words, key=lambda w: w.i))


def _key(name: str) -> str:
    """A person as later mentions name them: the last word ("James" of "LeBron James")."""
    return name.split()[-1].lower() if name.split() else ""


def referred_person(pronoun: Token, ctx: Context) -> Optional[str]:
    """The person a "he", "his", "she" or "her" stands for. Outside a quotation: the person
    earlier sentences left as the one who acts (`ctx.person`), else the last sentence that
    names a person, its subject first. In a quotation: of the people named in the paragraphs
    before, not its speakers, the one the story has named most, as a clause's subject counting
    twice (on a tie, a subject before another, then the last)."""
    quoted = in_quotation(pronoun)
    if not quoted and ctx.person and ctx.person_para >= ctx.para - 2:
        return ctx.person
    found = _candidates(pronoun, quoted)
    if not found:
        return None
    if quoted:
        named: Counter = Counter()
        for m in people(pronoun.doc):
            if m.i < pronoun.i and not m.as_organisation:
                named[_key(m.name)] += 2 if m.subject else 1  # who acts counts more than who is acted on
        return max(found, key=lambda m: (named[_key(m.name)], m.subject, m.i)).name
    # one who only reports ("As Emily Feng reports for NPR") is no one a later "he" acts as
    found = [m for m in found if not m.speaker]
    return _last_named(found) if found else None


def _candidates(tok: Token, quoted: bool, organisations: bool = False) -> list[Mention]:
    """The people named before the token in its paragraph and the few before it, but those
    named only as a source and, in a quotation, its paragraph's speakers."""
    mentions = [m for m in people(tok.doc) if m.i < tok.i and (organisations or not m.as_organisation)]
    if not mentions:
        return []
    para = _para_of(tok.doc)(tok.idx)
    speakers = {_key(m.name) for m in people(tok.doc) if m.para == para and m.speaker and not m.quoted} \
        if quoted else set()
    return [m for m in mentions if m.para >= para - _rules().paragraphs_back and not m.credited
            and _key(m.name) not in speakers]


def _last_named(found: list[Mention]) -> str:
    """The last sentence's person: its subject, else the last it names."""
    last = [m for m in found if m.sent == found[-1].sent]
    return ([m for m in last if m.subject] or last)[-1].name


def referred_topic(anaphor: Token, ctx: Context) -> Optional[str]:
    """What an "it" in a quotation stands for when nothing since has been named as a topic:
    the name the story's sentences last made their topic, a few paragraphs back ("Coty ...
    The stock added 2% ... '"It was down for four straight years ... If it can break above
    $13.60, that will confirm ...," Maley said'): a quoted speaker goes on about the story's
    subject, whatever paragraphs the quotation runs over."""
    if anaphor.lower_ not in ("it", "its") or not in_quotation(anaphor):
        return None
    return ctx.named if ctx.named and ctx.named_para >= ctx.para - _rules().paragraphs_back else None


def quotation_speaker(tok: Token) -> Optional[str]:
    """The speaker of the quotation the token sits in: the first person credited with a
    reporting verb after it in its paragraph ('..., I lost 14 followers," said Minga'), else
    the last before it ('Minga said: "I lost ..."'). None outside a quotation."""
    if not in_quotation(tok):
        return None
    para = _para_of(tok.doc)(tok.idx)
    speakers = [m for m in people(tok.doc) if m.para == para and m.speaker and not m.quoted and not m.as_organisation]
    after = [m for m in speakers if m.i > tok.i]
    before = [m for m in speakers if m.i < tok.i]
    return after[0].name if after else (before[-1].name if before else None)


def nationality_person(noun: Token, ctx: Context) -> Optional[tuple[Optional[str], Optional[str]]]:
    """"The Norwegian has now scored 25 league goals": the person named last before the
    nationality (the subject of the last sentence that names one first), as a description
    refers back; None when no person is named in the paragraphs before."""
    if ctx.person and ctx.person_para >= ctx.para - 1:
        return ctx.person, DESCRIBED
    found = _candidates(noun, in_quotation(noun), organisations=True)
    return (_last_named(found), DESCRIBED) if found else None


def is_nationality_person(tok: Token) -> bool:
    """"The Norwegian", "the Dutchman": one person named by nationality, as sports and news
    copy refers back to the person just named (not "the Democrats", a group, nor "the
    Norwegian government")."""
    nationality = tok.ent_type_ == "NORP" or tok.text in subject_rules().nationality_nouns.words
    return nationality and tok.tag_ in ("NNP", "NN", "JJ") and not tok.text.endswith("s") \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
        and not any(c.dep_ in ("compound", "amod", "prep") for c in tok.children)


def described_back(doc: Doc, sent: Span, ctx: Context, subject: Optional[str],
                   how: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """A subject that is only a description of a place, an organisation or a person by its
    kind ("city", "largest utility", "platform", "singer") as the found (subject, how): what
    the description refers back to, named before it; else as given."""
    if not subject or any(c.isupper() for c in subject):
        return subject, how
    words = subject.lower().split()
    kind = _kind_of(words[-1])
    if kind is None:
        return subject, how
    tok = next((t for t in sent if t.lower_ == words[-1] and _describes(t, words)), None)
    if tok is None:
        return subject, how
    found = _referent(doc, tok, kind, ctx)
    return (found, DESCRIBED) if found else (subject, how)


def _referent(doc: Doc, tok: Token, kind: str, ctx: Context) -> Optional[str]:
    if kind == PERSON:
        return (nationality_person(tok, ctx) or (None,))[0]
    return _organisation_before(doc, tok) if kind == ORGANISATION else _place_before(doc, tok, kind)


def described_owner(doc: Doc, span: Span, q, cues, ctx: Context) -> Optional[tuple[Optional[str], Optional[str]]]:
    """A description that possesses the figure's phrase or its clause's subject ("The
    carmaker's shares rose 3%", "the city's population grew 2% to 2.3 million", "the
    singer's new album sold 1.2 million copies"): what the description refers back to. A
    subject step (frame/subject.py); "the country's", "the state's" are scopes (frame/scope.py)."""
    np = span.root
    while np.dep_ in _MEASURE_DEPS and np.head.i != np.i and np.head.pos_ in ("NOUN", "NUM"):
        np = np.head
    verb = next((a for a in np.ancestors if a.pos_ in ("VERB", "AUX")), None)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
    for noun in (np, subj):
        owner = next((c for c in noun.children if c.dep_ == "poss"), None) if noun is not None else None
        kind = _kind_of(owner.lower_) if owner is not None and owner.pos_ == "NOUN" else None
        if kind in (None, COUNTRY, STATE) or not _describes(owner, [owner.lower_]):
            continue
        found = _referent(doc, owner, kind, ctx)
        return (found, DESCRIBED) if found else None
    return None


def _kind_of(head: str) -> Optional[str]:
    places = _rules().places
    for kind, heads in ((CITY, places.city), (COUNTRY, places.country), (STATE, places.state)):
        if head in heads:
            return kind
    if head in _rules().people.heads:
        return PERSON
    heads = set(_rules().organisations.heads) | set(load_cues().anaphoric_heads)
    return ORGANISATION if head in heads else None


def _describes(tok: Token, words: list[str]) -> bool:
    """Is the token the head of a definite, singular description with no name of its own,
    written with these words: "the city", "the platform", "the country's largest utility"?"""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN":
        return False
    left = [t for t in tok.subtree if t.i < tok.i]
    if not {w for w in words[:-1]} <= {t.lower_ for t in left}:
        return False
    if any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "PERSON", "FAC", "PRODUCT") for t in left) \
            or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False  # "the Nissan plant", "the city of Houston": named in the phrase
    det = next((c for c in tok.children if c.dep_ == "det"), None)
    if det is not None:
        return det.lower_ in ("the", "this", "that")
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    ranked = any(c.tag_ == "JJS" or c.lower_.endswith("-largest") or c.lower_.endswith("-biggest")
                 for c in tok.children)
    return owner is not None and ranked and owner.lower_ in _rules().organisations.scope_possessives


def _window_start(doc: Doc, tok: Token) -> int:
    """The character where the paragraphs a description looks back over start."""
    text = doc_text(doc)
    start = tok.idx
    for _ in range(_rules().paragraphs_back + 1):
        start = text.rfind("\n", 0, max(start - 1, 0))
        if start <= 0:
            return 0
        while start > 0 and text[start - 1] == "\n":
            start -= 1
    return start


def _place_before(doc: Doc, tok: Token, kind: str) -> Optional[str]:
    """The last place of the kind named before the token, in its paragraph or the few before;
    for a city with none, the city of the story's dateline."""
    text = doc_text(doc)
    names = _place_names(kind)
    found = [m.group() for m in names.finditer(text, _window_start(doc, tok), tok.idx)]
    if found:
        return as_country(found[-1]) if kind == COUNTRY else found[-1]
    if kind != CITY:
        return None
    line = re.match(subject_rules().dateline.pattern, text.lstrip())
    cities = {c.lower(): c for c in _places().cities}
    parts = [p.strip(" \t:-–—") for p in re.split(r"[,()]", line.group())] if line else []
    return next((cities[p.lower()] for p in parts if p.lower() in cities), None)


@lru_cache(maxsize=None)
def _place_names(kind: str) -> re.Pattern:
    p = _places()
    names = list(p.cities) if kind == CITY else list(p.states) if kind == STATE \
        else p.countries.names + list(subject_rules().countries.names)
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?!\w)")


@lru_cache(maxsize=None)
def _places() -> PlacesRules:
    return load_rules("places.toml", PlacesRules)


def _organisation_before(doc: Doc, tok: Token) -> Optional[str]:
    """The organisation named last before the token (alias table or the entity tagger), in
    its paragraph or the few before, one that acts first: a clause's subject or a possessor
    ("Nebius raised its forecast, as it races to add capacity for customers such as Microsoft
    and Meta. The company's revenue rose 355%": Nebius), or one whose name has the
    description's modifier ("the cloud unit": Google Cloud). Not a news agency, nor one named
    as a source ("According to The Verge's review", "told Reuters")."""
    cues = load_cues()
    start = _window_start(doc, tok)
    text = doc_text(doc)
    hits = [(start + s, start + e, name) for s, e, name in entity_table().find(text[start:tok.idx])]
    hits += [(e.start_char, e.end_char, canon(e.text)) for e in doc_ents(doc)
             if e.label_ in cues.organisation_labels and start <= e.start_char and e.end_char <= tok.idx
             and is_entity_text(e.text, cues)]
    # a name the tagger left unmarked, as a clause's subject ("Maybe Instagram likes it that way")
    hits += [(t.idx, t.idx + len(t.text), _proper_name(t))
             for t in doc[doc.char_span(start, tok.idx, alignment_mode="expand").start:tok.i]
             if _unmarked_name(t)] if start < tok.idx else []
    roles = [(h, _role(doc.char_span(h[0], h[1], alignment_mode="expand"))) for h in hits
             if h[2].lower() not in cues.news_agencies]
    words = {t.lower_ for t in tok.children if t.dep_ in ("compound", "amod") and t.is_alpha}
    # "the cloud unit" is the one whose name says so ("Google Cloud revenue grew 34%"), before
    # any other that acts
    kinds = [h for h, role in roles if role != "credited" and words & set(h[2].lower().split())]
    acting = kinds or [h for h, role in roles if role == "acts"] or [h for h, role in roles if role == "named"]
    return max(acting)[2] if acting else None


def _role(words: Optional[Span]) -> str:
    """How a name is written: "acts" (a clause's subject, a possessor), "credited" (a source:
    "according to X", "X's review", "told X") or only "named"."""
    if words is None or not len(words):
        return "named"
    root, cues = words.root, load_cues()
    head = root.head
    if root.dep_ in ("poss", "compound", "nmod") and head.lower_ in cues.source_nouns \
            or any(a.lower_ == "according" for a in root.ancestors) \
            or root.dep_ == "pobj" and head.head.lemma_.lower() in cues.attribution_verbs:
        return "credited"
    return "acts" if root.dep_ in ("nsubj", "nsubjpass", "poss") else "named"


def _unmarked_name(t: Token) -> bool:
    """A proper noun the tagger marked as nothing, the subject of its clause, not where a
    sentence starts (where any word is capitalised)."""
    return t.pos_ == "PROPN" and not t.ent_type_ and t.dep_ in ("nsubj", "nsubjpass") and not t.is_sent_start \
        and t.is_alpha and t.text[:1].isupper() and t.text not in _places().cities


def part_of_product(doc: Doc, span: Span, q, cues, ctx: Context) -> Optional[tuple[Optional[str], Optional[str]]]:
    """A figure that measures a part of a product whose sentence names no whole ("An augmented
    reality 15.6-inch touch screen ... has all entertainment", "A 5,000mAh battery keeps it
    going for two days"): the product named last before it in its section, as "it" would be.
    A subject step (frame/subject.py)."""
    noun = span.root
    for _ in range(3):
        if noun.pos_ == "NOUN" and not (span.start <= noun.i < span.end) or noun.head.i == noun.i \
                or noun.dep_ not in _MEASURE_DEPS:
            break
        noun = noun.head
    if noun.pos_ != "NOUN" or span.start <= noun.i < span.end or not is_part(noun) or whole_of_part(noun) is not None:
        return None
    name = product_named_before(noun)
    return (name, DESCRIBED) if name else None


# How a measure modifies the part it sizes: "15.6-inch" (amod, compound), "5,000mAh" (nummod).
_MEASURE_DEPS = frozenset({"nummod", "amod", "compound", "npadvmod", "quantmod"})


def base_of_part(span: Span, verb: Token) -> bool:
    """Is the figure the whole an "out of" phrase on this clause gives for a part counted in
    it ("He learned around 75 to 100 people view his profile a week, out of around 1,500
    followers", "Eight out of 10 voters backed the plan")? The whole is whoever's the part
    is: the clauses above say, not the part that is the clause's subject."""
    tok = span.root
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "out" \
        and tok.head.head.head.i == verb.i
