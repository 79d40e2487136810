"""Scope: where a figure counts, when its own clause says so.

A local story quotes national and worldwide figures: in a story about Houston car sales,
"Nationally, dealers sold nearly 17.3 million new vehicles last year" is about the US,
not Houston; in a story about plague in China, "there were 3,248 cases reported
worldwide" is about the world. A figure whose own clause carries a scope word
(data/places.toml [scope]) is about the country, the state or the world of the place
the story is about: its dateline, else the country (state) its places name most often,
through the place table (city -> state -> country). A country the clause sets the
figure in ("electric vehicles for sale in the U.S.") is what the figure is about.

"The country's exports", "the state's jobless rate" point back to the place their
paragraph named last, else the story's.

Scope only fills in for an owner the clause does not name: no subject, a role or group
("dealers", "employers"), a measure ("Nationwide, turnout was 67.3 percent"), or a place
smaller than the scope (Houston for a national figure). "Toyota sold 2 million cars
nationwide", "It has grossed $850 million in the United States" and "Its fleet of 400 jets
around the world" stay their owners'; a place in the phrase that credits the figure
("according to a group ... in California") or the field of a ranking ("the largest share
sale in Hong Kong for nine years") sets no scope.
"""

from __future__ import annotations
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional
from spacy.tokens import Doc, Span, Token
from extract.records import Quantity
from extract.rule_files import PlacesRules
from extract.rules import load_rules
from extract.phrase_trie import phrase_alternation
from extract.frame.article import data_provider, is_generic, subject_rules
from extract.frame.context import STRONG, WEAK, Context, doc_text, per_doc, sent_text, sent_tokens
from extract.frame.cues import Cues, load_cues
from extract.frame.noun_phrase import as_country, metric_head
from extract.frame.syntax import clause_subject, company_word, tokens_of

NATIONAL, STATE, WORLD = "national", "state", "world"

# Clauses hung on the figure's clause that state something else: their scope words are theirs.
_OTHER_CLAUSES = frozenset({"ccomp", "parataxis", "advcl"})

# The clause's own arguments: their scope is the clause's, whatever figures they hold ("there
# were 3,248 cases reported worldwide, with 584 deaths").
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "attr", "dobj", "expl"})


@dataclass(frozen=True)
class Place:
    """A place resolved through the table: its state (province, home nation) and country."""

    state: Optional[str]
    country: str


def scoped_subject(doc: Doc, sent: Span, q: Quantity, in_sent: list[Quantity], ctx: Context,
                   subject: Optional[str], how: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """(subject, how), the subject replaced by the figure's scope when its clause sets one
    and names no owner of the figure; else as given."""
    span = tokens_of(doc, q)
    if span is None:
        return subject, how
    path = _path_to_verb(span)
    if _owned(span) or _owner_in_clause(path[-1], ctx):
        return subject, how
    clause = _clause_tokens(span, path, q, in_sent)
    scope, pointing = _scope_word(sent, clause)
    if scope is not None:
        found = _scope_subject(doc, q, scope, pointing)
        if found and (_gives_way(subject, how, scope) or _plural_group(subject, sent)
                      or _measure_of_scope(subject, how, path)):
            return found, STRONG
        return subject, how
    country = _country_set_in(doc, clause)
    if country and (subject is None or is_generic(subject)):
        return country, STRONG
    return subject, how


def _owner_in_clause(verb: Token, ctx: Context) -> bool:
    """The clause names or points to the figure's owner: its subject is a pronoun or a company
    word ("It has grossed $850 million in the United States", "Worldwide, the company sold
    190 million pairs"), or a name; or it is a measure with no owner of its own right after
    a name ("Nike reported ... Sales rose 5% globally": Nike's sales worldwide)."""
    subj = clause_subject(verb) if verb.pos_ in ("VERB", "AUX") else None
    if subj is None:
        return False
    cues = load_cues()
    if subj.lower_ in cues.pronouns or company_word(subj, cues) or (subj.pos_ == "PROPN" and subj.ent_type_ != "GPE"
                                                                     and not data_provider(subj)):
        return True
    if _definite_thing(subj, cues):
        return True
    named = ctx.named if ctx.named and ctx.named_para >= ctx.para - 1 else None
    return bool(named) and metric_head(subj) and place_of(named) is None and _proper_name(named, verb.doc) \
        and not any(c.dep_ in ("poss", "compound", "amod") and c.pos_ == "PROPN" for c in subj.children) \
        and not any(c.dep_ == "prep" and c.lower_ in ("of", "at", "in", "for") for c in subj.children)
    # (a measure of something of its own, "turnout at the 2019 general election", is not the name's)


def _definite_thing(subj: Token, cues: Cues) -> bool:
    """A singular thing the story has introduced, written "the sequel", "the virus", "the
    storm": it owns what it grossed, killed or damaged worldwide or nationwide. A measure
    ("the average price", "the number of cases") or a role or group ("the dealers") does
    not."""
    return subj.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subj.children) \
        and subj.lower_ not in cues.measure_nouns and subj.lower_ not in _rules().scope.measure_nouns \
        and not metric_head(subj) and not is_generic(subj.text)


def _proper_name(name: str, doc: Doc) -> bool:
    """A name ("Nike Inc", "Nike"), not a group capitalised at a sentence's start ("Local
    agents", "Sellers"): its last word is a proper noun where the text writes it."""
    last = name.split()[-1]
    return not is_generic(name) and last in _proper_noun_words(doc)


def _proper_noun_words(doc: Doc) -> frozenset[str]:
    """The words the doc writes as a proper noun somewhere, read once per doc."""
    return per_doc(doc, "claims.proper_noun_words", lambda d: frozenset(t.text for t in d if t.pos_ == "PROPN"))


def _owned(span: Span) -> bool:
    """"Its fleet of roughly 400 737 Max jets around the world", "their sales nationwide": the
    figure's phrase names its owner, wherever the things it counts are."""
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX"):
            return False
        if any(c.dep_ == "poss" for c in tok.children):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _scope_subject(doc: Doc, q: Quantity, scope: str, pointing: bool) -> Optional[str]:
    """The world, or the country (state) of the story's place; for a phrase that points
    back ("the country's"), of the place its paragraph named last before the figure."""
    if scope == WORLD:
        return _rules().scope.world_name
    place = (_place_before(doc, q, scope) if pointing else None) or story_place(doc)
    if place is None:
        return None
    return place.country if scope == NATIONAL else place.state


def _gives_way(subject: Optional[str], how: Optional[str], scope: str) -> bool:
    """A subject that owns no figure of this scope: none, a common noun guessed from context,
    a role or group ("dealers"), or a place inside the scope (Houston for a national figure, a city
    for a statewide one). A country its own clause names keeps it ("China's exports
    worldwide")."""
    if subject is None or is_generic(subject) or subject.lower() in _rules().scope.nouns:
        return True
    if how == WEAK and subject.islower():
        return True  # a common noun guessed from context ("official figures") is no owner
    place = place_of(subject)
    if place is None or is_country(subject):
        return False
    return scope != STATE or subject != place.state


def _measure_of_scope(subject: Optional[str], how: Optional[str], path: list[Token]) -> bool:
    """A common noun whose value or change the figure is ("Nationwide, turnout was 67.3
    percent", "Globally, oil demand is expected to grow by 1.2 million barrels a day", "The
    nationwide average is down 21 cents"): a measure, whose owner the scope is. Not the agent
    of an act on the figure ("plague has killed millions of people around the world")."""
    if how != STRONG or not subject or any(c.isupper() for c in subject[1:]) or len(path) < 2:
        return False
    return path[-2].dep_ not in ("dobj", "dative")


def _plural_group(subject: Optional[str], sent: Span) -> bool:
    """A plural common noun ("employers", "hospitals", "new-car buyers"): those the scope
    counts, not an owner of its figure ("Nationwide, employers added 196,000 jobs")."""
    words = (subject or "").split()
    if not words or any(c.isupper() for w in words[1:] for c in w) or any(c.isupper() for c in words[0][1:]):
        return False
    return any(t.text == words[-1] and t.tag_ == "NNS" for t in sent_tokens(sent))


def _path_to_verb(span: Span) -> list[Token]:
    """The words from the figure up to the verb that governs it (or the root)."""
    path, tok = [], span.root
    while True:
        path.append(tok)
        # through "expected to rise", and a main verb misread as a noun's modifier ("The
        # national unemployment rate held at 3.6 percent": "held" hung on "rate")
        governs = tok.pos_ in ("VERB", "AUX") and tok.dep_ != "xcomp" and not (
            tok.dep_ == "acl" and tok.head.dep_ == "ROOT" and tok.head.pos_ in ("NOUN", "PROPN"))
        if governs or tok.head.i == tok.i:
            return path
        tok = tok.head


def _clause_tokens(span: Span, path: list[Token], q: Quantity, in_sent: list[Quantity]) -> set[int]:
    """The token indices of the figure's own clause: the words on its path up to the verb
    that governs it, and what hangs on them, except clauses of their own ("as prices rose")
    and phrases besides the clause's arguments that hold another figure ("compared to the
    national average of 3 percent" is not the 3.8 percent's)."""
    others = [(o.start, o.end) for o in in_sent if o is not q]
    on_path = {t.i for t in path} | {t.i for t in span}
    out = set(on_path) | _fronted_over(path[-1])
    for t in path:
        for c in t.children:
            if c.i in on_path or c.dep_ in _OTHER_CLAUSES or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")) \
                    or c.lower_ in _rules().scope.credit_preps:
                continue
            words = list(c.subtree)
            s, e = words[0].idx, words[-1].idx + len(words[-1].text)
            if c.dep_ in _ARGUMENTS or not any(s <= a < e for a, _ in others):
                out.update(w.i for w in words)
    return out


def _fronted_over(verb: Token) -> set[int]:
    """"Globally, sea levels have risen 21 centimeters, and the rate has doubled": what is set
    before the first of coordinated clauses, ahead of its subject, scopes over them all."""
    if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return set()
    first = verb.head
    subject = next((c for c in first.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None:
        return set()
    return {w.i for c in first.children if c.i < subject.i and c.dep_ in ("advmod", "prep", "npadvmod")
            for w in c.subtree}


def _scope_word(sent: Span, clause: set[int]) -> tuple[Optional[str], bool]:
    """(NATIONAL, STATE or WORLD, whether it points back) when a scope word or phrase of
    data/places.toml stands in the clause, or a scope adjective on a measure ("the national
    median price"); (None, False) when none does."""
    adjective = _scope_adjective(sent.doc, clause)
    if adjective:
        return adjective, False
    text = sent_text(sent)
    for scope, pointing, pattern in _scope_patterns():
        for m in pattern.finditer(text):
            words = sent.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
            if words is not None and any(w.i in clause for w in words):
                return scope, pointing
    return None, False


def _scope_adjective(doc: Doc, clause: set[int]) -> Optional[str]:
    s = _rules().scope
    kinds = ((NATIONAL, s.national_adjectives), (STATE, s.state_adjectives), (WORLD, s.world_adjectives))
    for i in sorted(clause):
        t = doc[i]
        if t.dep_ != "amod" or not t.is_lower or t.head.pos_ != "NOUN":
            continue
        for scope, words in kinds:
            if t.text in words and (t.head.lower_ in s.measure_nouns or metric_head(t.head)):
                return scope
    return None


def _country_set_in(doc: Doc, clause: set[int]) -> Optional[str]:
    """A country a place preposition of the clause names: "for sale in the U.S.", "deaths
    across Britain" -> "US", "UK"; not the field of a ranking."""
    preps = _rules().scope.place_preps
    for i in sorted(clause):
        t = doc[i]
        if t.dep_ != "prep" or t.lower_ not in preps or _superlative(t.head):
            continue
        for o in t.children:
            words = [w for w in o.subtree if w.i <= o.i and w.dep_ != "det"] if o.dep_ == "pobj" else []
            name = doc_text(doc)[words[0].idx:o.idx + len(o.text)] if words else None
            if name and is_country(name):
                return as_country(name)
    return None


def _superlative(noun: Token) -> bool:
    """"the largest share sale in Hong Kong for nine years": a ranking, whose place is the
    field it ranks in, not what its figure is about."""
    return any(c.tag_ in ("JJS", "RBS") for c in noun.children)


def story_place(doc: Doc) -> Optional[Place]:
    """The place a story is about: its dateline's, else the country its places name most
    often (ties: the first named) and that country's most named state. Read once a doc."""
    cache = doc.user_data.setdefault("claims.story_place", {})
    if "place" not in cache:
        text = doc_text(doc)
        cache["place"] = _dateline_place(text) or _most_named_place(text)
    return cache["place"]


def _dateline_place(text: str) -> Optional[Place]:
    """"INDIANAPOLIS – ...", "NEW DELHI: ...", "COLUMBUS, Ind. — ...": the place a
    dateline names, however it is cased (data/subject.toml [dateline])."""
    m = re.match(subject_rules().dateline.pattern, text.lstrip())
    if not m:
        return None
    parts = [p.strip(" \t:-–—") for p in re.split(r"[,()]", m.group())]
    found: Optional[Place] = None
    for part in parts:
        place = _table().folded.get(part.lower())
        if place is None:
            continue
        if found is None:
            found = place
        elif found.state is None and place.country == found.country:
            found = place  # "Columbus, Ind.": the state after a city the table does not know
    return found


def _place_before(doc: Doc, q: Quantity, scope: str) -> Optional[Place]:
    """The place the figure's paragraph names last before it (a state, for STATE)."""
    text = doc_text(doc)
    start = text.rfind("\n", 0, q.start) + 1
    found = [p for p in _mentions(text[start:q.start]) if scope != STATE or p.state]
    return found[-1] if found else None


def _mentions(text: str) -> list[Place]:
    """The places the text names, in order: names as written, and state abbreviations after
    a city ("Columbus, Ind.")."""
    table = _table()
    hits = [(m.start(), table.exact[m.group()]) for m in table.pattern.finditer(text)]
    hits += [(m.start(), table.folded[m.group().lower()]) for m in table.abbreviated.finditer(text)]
    return [p for _, p in sorted(hits, key=lambda h: h[0])]


def _most_named_place(text: str) -> Optional[Place]:
    """The country the text's places name most often, and its state named most often."""
    mentions = _mentions(text)
    if not mentions:
        return None
    countries = Counter(p.country for p in mentions)
    country = max(countries, key=lambda c: (countries[c], -_first(mentions, lambda p: p.country == c)))
    states = Counter(p.state for p in mentions if p.country == country and p.state)
    state = max(states, key=lambda s: (states[s], -_first(mentions, lambda p: p.state == s))) if states else None
    return Place(state, country)


def _first(mentions: list[Place], wanted) -> int:
    return next(k for k, p in enumerate(mentions) if wanted(p))


def is_country(name: str) -> bool:
    """Is the name, as written, a country of data/places.toml ("the U.S." is "U.S.")?"""
    return name in _table().countries


def place_of(name: str) -> Optional[Place]:
    """The place a name is, through the table (city -> state -> country), as written."""
    return _table().exact.get(name)


@dataclass(frozen=True)
class _Table:
    exact: dict[str, Place]  # every name as written -> its place
    folded: dict[str, Place]  # ... lower-cased, and abbreviations, for datelines
    pattern: re.Pattern  # any name as written, a whole word
    abbreviated: re.Pattern  # a state abbreviation after a city ("Columbus, Ind.")
    countries: frozenset[str]  # the country names, as written


@lru_cache(maxsize=None)
def _table() -> _Table:
    r = _rules()
    exact: dict[str, Place] = {}
    for name in r.countries.names:
        exact[name] = Place(None, as_country(name))
    for name, country in r.states.items():
        exact[name] = Place(name, as_country(country))
    for name, above in r.cities.items():
        exact[name] = exact.get(above) or Place(None, as_country(above))
    folded = {k.lower(): v for k, v in exact.items()}
    folded.update({k.lower(): exact[v] for k, v in r.state_abbreviations.items()})
    names = sorted(set(exact) - set(r.not_counted.words), key=len, reverse=True)
    abbreviations = sorted(r.state_abbreviations, key=len, reverse=True)
    return _Table(exact, folded, re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, names)) + r")(?!\w)"),
                  re.compile(r"(?<=[A-Za-z], )(?:" + "|".join(map(re.escape, abbreviations)) + r")(?![\w])"),
                  frozenset(r.countries.names) | frozenset(subject_rules().countries.names))


@lru_cache(maxsize=None)
def _scope_patterns() -> tuple[tuple[str, bool, re.Pattern], ...]:
    s = _rules().scope
    kinds = ((NATIONAL, False, s.national), (STATE, False, s.state), (WORLD, False, s.world),
             (NATIONAL, True, s.national_pointers), (STATE, True, s.state_pointers))
    # each list as a tree of its words' characters (extract/phrase_trie.py): the same matches, found faster
    return tuple((scope, pointing, re.compile(r"(?<!\w)(?:" + phrase_alternation(words, ignore_case=True) + r")(?!\w)",
                                              re.IGNORECASE))
                 for scope, pointing, words in kinds)


def _rules() -> PlacesRules:
    return load_rules("places.toml", PlacesRules)
