"""Which name a noun phrase gives: the entity it names, the owner of a measure it
names ("AWS revenue" -> AWS), or that it points back to one named before ("the
company", "it")."""

from __future__ import annotations
import re
from functools import lru_cache
from typing import Optional
from spacy.tokens import Doc, Span, Token
from extract.rule_files import SubjectRules
from extract.subject_rule_files import ReferRules
from extract.rules import load_rules
from extract.vocab import entity_table, metric_vocabulary
from extract.frame.cues import Cues
from extract.frame.context import doc_ents, ents_between, entity_at, kept
from extract.frame.syntax import canon, company_word, coordinated_names, entity_in, is_code, metric_tokens, name_word
from extract.frame.token_table import descends, token_table
from extract.frame.described import described_referent, designated, is_event_word
from extract.frame.part_whole import is_part, model_name, model_of_noun, whole_of_part


def without_article(name: Optional[str]) -> Optional[str]:
    """"The Census Bureau" -> "Census Bureau": names are kept without a leading article,
    unless the alias table names the entity with it ("The Economist")."""
    if not name or not re.match(r"(?i)the\s+\S", name):
        return name
    table = entity_table()
    if name in table.canonical.values() or table.canonicalise(name) != name:
        return table.canonicalise(name)
    return name.split(None, 1)[1]


def _phrase_text(tokens: list[Token]) -> str:
    """Tokens as written: "AI-related" keeps its hyphen, words apart stay apart."""
    out = ""
    for k, t in enumerate(tokens):
        out += t.text
        if k + 1 < len(tokens):
            nxt = tokens[k + 1]
            between = t.doc[t.i + 1:nxt.i]
            if not len(between):
                out += t.whitespace_  # next to each other: as written
            elif all(x.text in ("-", "–") and not x.whitespace_ for x in between) and not t.whitespace_:
                out += "".join(x.text for x in between)  # a hyphen the phrase left out
            else:
                out += " "
    return out.strip()


def agent_of(tok: Token, cues: Cues) -> Optional[Token]:
    """The "by" object of an action noun, who does it ("spending by the big four",
    "purchases by central banks"); not the author of a report ("a study by MIT")."""
    if tok.pos_ != "NOUN" or tok.lower_ in cues.source_nouns:
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            objs = [o for o in c.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")]
            if objs:
                return objs[0]
    return None


def np_phrase(head: Token, cues: Cues) -> str:
    """The text of a noun phrase up to its head, with its coordinated nouns, minus
    determiners and quantifiers: "the entire AI industry" -> "AI industry"."""
    return "".join(t.text_with_ws for t in _np_tokens(head, cues)).strip()


def _np_tokens(head: Token, cues: Cues) -> list[Token]:
    """The tokens of `np_phrase`."""
    # a hyphen inside a word ("home-improvement retailer") belongs to the phrase
    left = [t for t in head.subtree if t.i <= head.i and not (t.dep_ in ("relcl", "acl", "appos"))
            and not (t.dep_ == "punct" and not (t.text == "-" and not t.whitespace_))]
    # keep the contiguous run ending at the head
    run: list[Token] = []
    for t in sorted(left, key=lambda t: t.i, reverse=True):
        if run and t.i != run[-1].i - 1:
            break
        run.append(t)
    run.reverse()
    while run and not _hyphened(run) and (
            run[0].lower_ in cues.drop_words or run[0].pos_ in ("DET", "PRON", "PUNCT", "ADP", "SYM", "ADV")
            or run[0].dep_ in ("poss", "case", "quantmod")
            or any(ch.isdigit() for ch in run[0].text) or not any(ch.isalpha() for ch in run[0].text)):
        run = run[1:]
    run = run[-6:]
    while run and run[-1].text == "-":
        run = run[:-1]
    return run


def _with_term(words: list[Token]) -> list[Token]:
    """Words that open with a term's unit take its number back ("year gilt" of "Two-year gilt
    yields" is "Two-year gilt", "month bill" of "the three-month bill rate")."""
    if not words or words[0].i < 2:
        return words
    doc, k = words[0].doc, words[0].i
    if doc[k - 1].text in ("-", "–") and not doc[k - 1].whitespace_ and doc[k - 2].like_num \
            and not doc[k - 2].whitespace_:
        return [doc[k - 2], doc[k - 1], *words]
    return words


def _hyphened(run: list[Token]) -> bool:
    """Is the run's first word the first part of a hyphenated word ("in-feed units")?"""
    return len(run) > 2 and run[0].is_alpha and run[1].text == "-" and not run[0].whitespace_ \
        and not run[1].whitespace_


def _owner_of_metric(head: Token, doc: Doc, cues: Cues, span: Span) -> tuple[Optional[str], bool]:
    """For a subject whose head is a metric word, who the metric belongs to:
    a possessor ("Nvidia's revenue"; a pronoun possessor returns (None, True)),
    a prepositional object ("capital expenditure for the big five", "lease
    obligation across the cloud industry"), or the modifiers left of the metric
    words ("AWS revenue", "the hardware depreciation period")."""
    for c in head.children:
        if c.dep_ == "poss":
            if c.lower_ in cues.pronouns:
                return None, True
            name = entity_in(c.subtree, doc, cues, cues.subject_labels)
            if name:
                return name, False
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "across", "of", "among", "at", "in"):
            for o in c.children:
                if o.dep_ == "pobj" and (o.pos_ in ("NOUN", "PROPN") or (o.pos_ == "NUM" and any(
                        x.dep_ in ("amod", "det") for x in o.children))) and o.ent_type_ not in ("DATE", "TIME") \
                        and not (span.start <= o.i < span.end) and not metric_head(o):
                    name = entity_in(o.subtree, doc, cues, cues.subject_labels)
                    if o.lower_ in cues.pronouns:
                        return None, True
                    if not name and any(c.dep_ == "poss" and c.lower_ in cues.pronouns for c in o.children):
                        return None, True  # "Sales in its data center segment": the company's own
                    if o.pos_ == "NOUN" and any(x.dep_ == "det" and x.lower_ in ("a", "an") for x in o.children):
                        # "the average price of a new truck", "the cost of a gallon of milk": any
                        # one of a kind names no owner; the story's topic may
                        return None, False
                    return name or np_phrase(o, cues) or None, False
    mods = [t for t in head.subtree if t.i < head.i and t.dep_ in ("compound", "amod", "nmod", "npadvmod")
            and not (span.start <= t.i < span.end)]
    country = country_of(mods)
    if country:
        return country, False  # "British consumer price inflation": the UK's
    # strip the longest metric phrase that leaves a noun ("global AI revenue" ->
    # "global AI", "the hardware depreciation period" -> "hardware")
    words: list[Token] = []
    shorter = [head] if head.text.lower() in metric_vocabulary().canonical else []
    longest = metric_tokens(head)
    for metric_words in (longest, *([shorter] if shorter else [])):
        ids = {t.i for t in metric_words}
        words = sorted((t for t in mods if t.i not in ids), key=lambda t: t.i)
        if metric_words is shorter and longest and not any(name_word(t) for t in words):
            # "Data center revenue" is a metric whole; only a name cut from a longer
            # metric owns it ("global AI revenue" -> "global AI")
            words = []
        if any(t.pos_ in ("NOUN", "PROPN") for t in words):
            break
    if any(t.pos_ in ("NOUN", "PROPN") for t in words):
        text = _phrase_text(_with_term([t for t in words if t.lower_ not in cues.drop_words]))
        hits = entity_table().find(text)
        # a name that runs into the metric's words is the owner ("Google Cloud revenue"
        # is Google Cloud's, though "cloud revenue" is a metric)
        whole = entity_table().find(_phrase_text(sorted(mods + [head], key=lambda t: t.i)))
        if hits and whole and whole[0][0] == 0 and whole[0][1] - whole[0][0] > hits[0][1] - hits[0][0]:
            return whole[0][2], False
        if hits:
            return hits[0][2], False
        named = _name_before_segment(words)
        if named:
            return named, False
        if not any(name_word(t) for t in words) and not any(c.dep_ == "det" for c in head.children):
            # "Cloud infrastructure revenue will grow 77%": a line of business with no
            # name, so the company the text is about owns it
            return None, True
        return text or None, False
    return None, False


def rate_on(head: Token, doc: Doc, cues: Cues, span: Span) -> Optional[str]:
    """"The annual percentage rate on new financed vehicles", "the average interest rate on
    a new vehicle loan", "the yield on 10-year gilts": a rate charged or paid on something
    is that thing's, a kind of thing ("a new vehicle loan") too; not a manner ("on an
    annualized basis"). data/subject.toml [rate_on]."""
    rules = load_rules("subject.toml", SubjectRules).rate_on
    if head.lower_ not in rules.heads:
        return None
    for c in head.children:
        if c.dep_ != "prep" or c.lower_ != "on":
            continue
        for o in c.children:
            if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN") and o.lower_ not in rules.not_objects \
                    and not any(span.start <= t.i < span.end for t in o.subtree):
                name = entity_in([t for t in o.subtree if t.i <= o.i], doc, cues, cues.subject_labels)
                return as_country(name) if name else _phrase_text(_with_term(_np_tokens(o, cues))) or None
    return None


def _name_before_segment(words: list[Token]) -> Optional[str]:
    """"Houston-area fleet sales", "Nvidia data center revenue": a place or company named
    first, then common nouns that narrow the metric to a segment; the name owns it."""
    first = words[0] if words else None
    if first is None or first.ent_type_ not in ("GPE", "ORG", "LOC") or first.ent_iob_ != "B":
        return None
    ent = next((e for e in doc_ents(first.doc) if e.start == first.i), None)
    rest = [t for t in words if ent is not None and t.i >= ent.end]
    if ent is None or not rest or any(t.ent_type_ or not t.text[:1].islower() for t in rest):
        return None  # lower-case words after the name: a segment, not a name of their own
    return canon(ent.text)


def country_of(words: list[Token]) -> Optional[str]:
    """The country a nationality adjective or a country's abbreviation among a noun
    phrase's modifiers names ("British consumer price inflation", "U.S. retail sales",
    "South Korean exports"); not a word inside an organisation's name ("British
    Airways") or a name of its own (data/subject.toml [countries])."""
    countries = load_rules("subject.toml", SubjectRules).countries
    table = {**countries.demonyms, **countries.names}
    words = sorted(words, key=lambda t: t.i)
    for k, t in enumerate(words):
        if t.ent_type_ in ("ORG", "PERSON", "FAC", "PRODUCT", "WORK_OF_ART"):
            continue
        pair = f"{t.text} {words[k + 1].text}" if k + 1 < len(words) and words[k + 1].i == t.i + 1 else None
        found = table.get(pair) if pair else None
        if found or t.text in countries.names or t.text in countries.demonyms and (t.pos_ == "ADJ" or t.tag_ == "JJ"):
            return found or table[t.text]
    return None


def as_country(name: Optional[str]) -> Optional[str]:
    """"U.S." -> "US", "the United States" -> "US": a country as its short name."""
    return load_rules("subject.toml", SubjectRules).countries.names.get(name, name) if name else name


def metric_head(tok: Token) -> bool:
    """Is this noun (with its compounds) a metric word: "revenue", "capital
    expenditure", "lease obligation", "payback period"?"""
    return bool(metric_tokens(tok))


def name_np(tok: Token, doc: Doc, cues: Cues, span: Span) -> tuple[Optional[str], bool]:
    """(name, points_back) for a subject noun phrase headed by `tok`. A model year before
    a name ("the 2020 Sentra", "the 2021 RAV4 Prime") says when the model was made, not
    whose figure it is: the name without it, as a common noun phrase drops it too."""
    name, back = _name_np(tok, doc, cues, span)
    if name and tok.pos_ == "PROPN" and any(c.i < tok.i and _YEAR.fullmatch(c.text) for c in tok.children):
        name = _YEAR_FIRST.sub(r"\1", name)
    return name, back


_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_FIRST = re.compile(r"^((?:[Tt]he\s+)?)(?:19|20)\d\d\s+(?=[A-Z])")


def _name_np(tok: Token, doc: Doc, cues: Cues, span: Span) -> tuple[Optional[str], bool]:
    if span.start <= tok.i < span.end:
        return None, False
    if is_code(tok):
        # "U.S. crude CLc1 fell 3.38%", "Copper CMCU3 rose": the words before the code name it
        words = sorted((t for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i
                        for t in c.subtree), key=lambda t: t.i)
        text = _phrase_text([t for t in words if not is_code(t)])
        return (entity_table().canonicalise(text) if text else None), False
    if tok.lower_ in cues.pronouns or company_word(tok, cues):
        return None, True
    on = rate_on(tok, doc, cues, span)
    if on:
        return on, False  # "the rate on new financed vehicles": theirs
    if tok.lower_ in cues.measure_nouns:
        return None, False  # "the ratio of ...", "the divergence": a measure, not an entity
    if _holds_any(tok, span) and not _priced(tok, span):
        # the figure is part of the subject ("The $600 billion gap is ...", "the
        # improvement trajectory from 95% failure"), not a figure about it
        return None, False
    if is_part(tok):
        return _whole_named(tok, doc, cues, span)
    # a name inside the phrase (left part and its coordinations)
    core = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl") and not _in_clause_below(t, tok)]
    pronoun_owner = any(c.dep_ == "poss" and c.lower_ in cues.pronouns for c in tok.children)
    if metric_head(tok):
        owner, back = _owner_of_metric(tok, doc, cues, span)
        if owner or back:
            return owner, back
        # "Oracle said cloud revenue rose to $5.9 billion": whose revenue is told by
        # the clause above
        return None, tok.head.dep_ in ("ccomp",)
    model = model_of_noun(tok)
    if model:
        return model, False  # "Two crashes of the 737 Max jet killed 346 people": the model's
    group = coordinated_names(tok, doc, cues)
    if group:
        return group, False
    own = _own_name(tok, cues)
    if own:
        return own, False
    if tok.pos_ == "NOUN" and tok.tag_ == "NNS":
        # "The five largest technology companies - Amazon, Microsoft, Alphabet, Meta,
        # and Oracle — are on track to spend ...": the group, with its members
        listed = [coordinated_names(c, doc, cues) for c in tok.children if c.dep_ == "appos"]
        if listed and listed[0]:
            return f"{np_phrase(tok, cues)} ({listed[0]})", False
    whole = _compound_name(tok)
    if whole:
        return whole, False
    person = titled_person(tok)
    if person:
        return person, False
    of_name = name_through_of(tok, span)
    if of_name:
        return canon(of_name), False
    entity_end = _entity_end(tok)  # the head's own entity may run on past it ("the Bank of England")
    name = entity_in([t for t in core if t.i <= tok.i or t.dep_ == "conj" or t.i < entity_end],
                     doc, cues, cues.subject_labels)
    if name and _person_from_a_place(tok):
        return np_phrase(tok, cues) or None, False  # "A Texas nurse ...": a nurse, not Texas (frame/lede_person.py)
    if name:
        return as_country(name), False
    agent = agent_of(tok, cues)
    if agent is not None:
        # "spending by the four largest cloud providers will exceed $600 billion"
        return name_np(agent, doc, cues, span)
    if pronoun_owner:
        return None, True  # "Its networking segment grew 263%": whose segment
    if tok.lower_ in load_rules("subject.toml", SubjectRules).countries.measures:
        country = country_of([t for t in tok.subtree if t.i < tok.i and t.dep_ in ("compound", "amod", "nmod")])
        if country:
            return country, False  # "German industrial output fell 1.5%": Germany's
    place = _place_in(tok)
    if place:
        return as_country(place), False  # "Confirmed measles cases in England rose to 1,278": England's
    if tok.pos_ == "NOUN":
        return np_phrase(tok, cues) or None, False
    return None, False


def _person_from_a_place(tok: Token) -> bool:
    """"A Texas nurse", "a Florida man", "a London banker": a person by role whose only name
    is the place they are from (data/refer.toml [people] described_first)."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _described_people():
        return False
    named = [t for t in tok.children if t.i < tok.i and t.ent_type_]
    return bool(named) and all(t.ent_type_ in ("GPE", "NORP", "LOC") for t in named)


@lru_cache(maxsize=1)
def _described_people() -> frozenset[str]:
    return frozenset(w.lower() for w in load_rules("refer.toml", ReferRules).people.described_first)


def _place_in(tok: Token) -> Optional[str]:
    """The place a plural common noun is counted in: "measles cases in England", "new
    infections across India", "flu hospitalisations in Australia"; not a disaster's kind
    ("Floods in Pakistan have killed 1,200": the floods, named by frame/unnamed_event.py)."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NNS" or is_event_word(tok):
        return None
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "across", "throughout")):
        for o in (o for o in prep.children if o.dep_ == "pobj" and o.ent_type_ in ("GPE", "LOC")):
            ent = entity_at(o)
            return ent.text if ent is not None else o.text
    return None


def name_through_of(tok: Token, span: Span) -> Optional[str]:
    """A name whose head the parse leaves before "of" and the tagger in no entity ("Bank of
    America Corp reported a 19% fall", "University of Michigan researchers"): the proper
    nouns compounded on the head, the head, and its "of" phrase when that is all proper
    nouns (with "and", "&", commas, "the" between), as written; not the head alone ("Bank")."""
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.ent_type_:
        return None
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1), None)
    if of is None:
        return None
    words = sorted(of.subtree, key=lambda t: t.i)
    if any(span.start <= t.i < span.end for t in words) or words[-1].pos_ != "PROPN" or any(
            not (t.pos_ == "PROPN" and t.text[:1].isupper() or t.lower_ in ("of", "and", "&", ",", "the"))
            for t in words[1:]) or words[-1].i - tok.i != len(words):
        return None
    left = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
    first = min([tok.i] + [c.i for c in left])
    return tok.doc[first:words[-1].i + 1].text


def _entity_end(tok: Token) -> int:
    """Where the named entity the token stands in ends ("Bank" of "the Reserve Bank of
    India", "the Bank of England"); the token itself when it is in none."""
    doc, k = tok.doc, tok.i + 1
    if not tok.ent_type_:
        return k
    while k < len(doc) and doc[k].ent_iob_ == "I":
        k += 1
    return k


def _whole_named(part: Token, doc: Doc, cues: Cues, span: Span) -> tuple[Optional[str], bool]:
    """A part's figure is its product's ("the new version gets a 2-liter engine that's 20%
    more powerful"): the product the sentence names as its whole, a description of it
    ("the new version", "the car") resolved to the thing named before; with no whole in
    the sentence the part points back, as "it" would (extract/frame/part_whole.py)."""
    whole = whole_of_part(part)
    if whole is None:
        return None, True
    referent = described_referent(whole) or designated(whole) or model_name(whole, frozenset())
    if referent:
        return referent, False
    return name_np(whole, doc, cues, span)


def titled_person(tok: Token) -> Optional[str]:
    """The person a title runs into at the end of a noun phrase ("Former U.S. ambassador
    to Ukraine Marie Yovanovitch", "Tesla CEO Elon Musk"): the proper nouns after the last
    title word, less a country the title names ("to Ukraine"); not the country or company
    the title belongs to (data/subject.toml [titles])."""
    titles, places = _title_words()
    phrase = sorted((t for t in tok.subtree if not _in_clause_below(t, tok) and t.dep_ not in ("appos", "punct")),
                    key=lambda t: t.i)
    phrase = [t for t in phrase if t.i <= tok.i or t.dep_ in ("prep", "pobj", "compound", "flat")]
    marks = [k for k, t in enumerate(phrase) if t.lower_ in titles]
    if not marks or phrase[-1].pos_ != "PROPN":
        return None
    run = phrase[marks[-1] + 1:]
    while run and (run[0].lower_ in ("to", "of", "for", "at", "the") or run[0].lower_ in titles):
        run = run[1:]
    while run and (run[0].text in places or run[0].ent_type_ in ("GPE", "NORP") and run[0].ent_iob_ == "B"
                   and len(run) > 2):
        run = run[1:]
    if not 2 <= len(run) <= 4 or any(t.pos_ != "PROPN" or not t.text[:1].isupper() for t in run) \
            or any(run[k + 1].i != run[k].i + 1 for k in range(len(run) - 1)):
        return None
    return _phrase_text(run)


@lru_cache(maxsize=None)
def _title_words() -> tuple[frozenset[str], frozenset[str]]:
    """(title words, lower-cased; country names and demonyms), data/subject.toml, built once."""
    rules = load_rules("subject.toml", SubjectRules)
    return (frozenset(w.lower() for w in rules.titles.words),
            frozenset(rules.countries.names) | frozenset(rules.countries.demonyms.values()))


def _compound_name(tok: Token) -> Optional[str]:
    """A name the tagger cut to the place at its end ("Reform UK", "Team GB"): proper
    nouns compounded onto a place, with no entity of their own, are the name's first
    words; the whole compound as written."""
    if tok.pos_ != "PROPN" or tok.ent_type_ not in ("GPE", "LOC"):
        return None
    left = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
    if not left or any(c.pos_ != "PROPN" or c.ent_type_ or not c.text[:1].isupper() for c in left):
        return None
    first = min(c.i for c in left)
    if any(t.ent_type_ for t in tok.doc[first:tok.i]) or entity_table().find(tok.doc[first:tok.i + 1].text):
        return None
    return tok.doc[first:tok.i + 1].text


def _own_name(tok: Token, cues: Cues) -> Optional[str]:
    """A name written with a possessor ("Japan's Nikkei 225", "Hong Kong's Hang Seng
    Index", "Google's Stadia"): the name's own words, not the place or company that
    only locates it; a kind word at its end ("Index") dropped (data/subject.toml)."""
    kinds = {w.lower() for w in load_rules("subject.toml", SubjectRules).own_names.kind_words}
    # the head is the name, or a kind word after it ("Britain's FTSE 100 index")
    owners = [c for c in tok.children if c.dep_ == "poss" and c.lower_ not in cues.pronouns]
    if not (tok.pos_ == "PROPN" or tok.lower_ in kinds) or not owners:
        return None
    if any(e.start <= owners[0].i and tok.i < e.end
           for e in ents_between(tok.doc, max(0, owners[0].i - 20), tok.i + 20)):
        return None  # a possessive inside the name ("the People's Party", "McDonald's")
    words = [tok]
    for side, step in ((-1, -1), (1, 1)):
        k = tok.i + step
        # the name runs on through the words the parse hangs on its head
        while 0 <= k < len(tok.doc) and tok.doc[k].head in words and tok.doc[k].dep_ in ("compound", "flat", "nmod", "nummod") \
                and (tok.doc[k].pos_ in ("PROPN", "NUM")):
            words.append(tok.doc[k])
            k += step
    words.sort(key=lambda t: t.i)
    while len(words) > 1 and words[-1].lower_ in kinds:
        words = words[:-1]
    if not any(t.pos_ == "PROPN" for t in words):
        return None
    return entity_table().canonicalise(_phrase_text(words))


def demonstrative_np(tok: Token) -> bool:
    """"these firms", "those lenders": a plural noun with only a demonstrative
    before it points back to a group already named."""
    left = [t for t in tok.subtree if t.i < tok.i]
    return tok.tag_ == "NNS" and len(left) == 1 and left[0].lower_ in ("these", "those")


def _priced(tok: Token, span: Span) -> bool:
    """"ChatGPT Plus at $20 per month", "a data center with 300MW", "a developer who
    spends $10,000": the phrase is what the figure inside it is about."""
    x = span.root
    for _ in range(10):
        if x.i == tok.i or x.head.i == x.i:
            return False
        if x.dep_ in ("prep", "conj") and x.lower_ in ("at", "with", "worth", "costing", "priced"):
            return True
        if x.dep_ in ("relcl", "acl", "advcl") and x.pos_ in ("VERB", "AUX") and x.head.pos_ in ("NOUN", "PROPN"):
            return True
        x = x.head
    return False


def _holds_any(tok: Token, span: Span) -> bool:
    """Whether a token of `span` is in the subtree of `tok` (tok itself or below it), read
    off the doc's heads rather than by walking the whole subtree."""
    head = token_table(tok.doc).head
    return any(i == tok.i or descends(head, i, tok.i) for i in range(span.start, span.end))


def _in_clause_below(t: Token, top: Token) -> bool:
    """Whether a clause (relative, adverbial, complement) stands between `t` and `top`
    on the way up the parse; read once per pair (kept on the doc: each subtree is walked
    for several roles)."""
    return kept(t.doc, "claims.in_clause_below", (t.i, top.i), lambda: _walks_through_clause(t, top))


def _walks_through_clause(t: Token, top: Token) -> bool:
    x = t
    while x.i != top.i and x.head.i != x.i:
        if x.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return True
        x = x.head
    return False
