"""A thing described, not named, in a figure's clause ("the new version gets 149
horsepower", "the wagon will go 300 miles", "a performance GT version will reach 60 mph
in 3.5 seconds"): what it refers back to. English names a thing once ("a station wagon
called the ID. Space Vizzion Concept", "the Sentra compact sedan", "Ford's Mustang Mach E
SUV") and then describes it by its kind; the description points to the nearest thing
named before it with a head noun of the same class, within its section of the story.
Word classes are data (extract/data/described.toml)."""

from __future__ import annotations
import re
from functools import lru_cache
from typing import Optional
from spacy.tokens import Doc, Token
from extract.rule_files import DescribedRules
from extract.rules import load_rules
from extract.frame.context import doc_text, entity_at

ANY = "*"  # the class of a head that fits any class ("version", "model")

# How a subject was found (frame/context.py): from a description that points back to a
# thing named before it. Weak like any subject from context; a thing, never a speaker.
DESCRIBED = "described"

# A model designation written as one token: "A350", "RAV4", "F-150", "787-9".
_DESIGNATION = re.compile(r"[A-Z]{0,4}-?\d{1,4}(?:-\d{1,3})?[A-Za-z]{0,3}")
# A line with no closing punctuation, a few words long: a heading of a section.
_HEADING = re.compile(r"[^\n]{2,80}(?<![.!?:;,\"”’)])")
_NAMED_LABELS = frozenset({"ORG", "GPE", "NORP", "PERSON", "LOC", "FAC"})


@lru_cache(maxsize=None)
def _rules() -> DescribedRules:
    return load_rules("described.toml", DescribedRules)


@lru_cache(maxsize=None)
def _class_of() -> dict[str, str]:
    out = {w.lower(): ANY for w in _rules().any_class}
    for cls, words in _rules().classes.items():
        out.update({w.lower(): cls for w in words})
    return out


def is_event_word(tok: Token) -> bool:
    """A disaster named by its kind ("floods", "the storm", "quake": the class `event`
    and [unnamed_events] of data/described.toml)."""
    return _class_of().get(tok.lemma_.lower()) == "event" or tok.lower_ in _rules().unnamed_events


def description_class(tok: Token) -> Optional[str]:
    """The class of a singular noun phrase that describes a thing by its kind ("the
    wagon", "the new version", "a performance GT version"), or None when the phrase is
    no such description: a plural ("newer models"), a phrase with a name of its own
    ("the Boeing jet", "Ford's SUV") or a head not in the class lists."""
    cls = _class_of().get(tok.lower_)
    if cls is None or tok.tag_ not in ("NN", "NNP") or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    left = [t for t in tok.subtree if t.i < tok.i]
    if any(t.dep_ == "poss" and t.pos_ != "PRON" for t in left):
        return None  # "Ford's SUV": its owner names it
    if any(_designation(t) or (t.pos_ == "PROPN" and t.ent_type_ in _NAMED_LABELS) for t in left):
        # "the 787-9 jet", "the Nissan sedan": named in the phrase itself; but "The Warner
        # Bros film" is the title named before, its studio only made it
        return cls if cls in _rules().title_classes and _quoted_title_before(tok) is not None else None
    return cls


def described_referent(tok: Token) -> Optional[str]:
    """The name a description refers back to: the nearest thing named before it, in its
    section, with a singular head noun of the description's class (any class for
    "version" or "model")."""
    cls = description_class(tok)
    if cls is None:
        return None
    doc = tok.doc
    floor = max(_section_start(doc, tok.i), tok.i - _rules().max_tokens_back)
    for k in range(tok.i - 1, floor - 1, -1):
        t = doc[k]
        found = _class_of().get(t.lower_)
        if found is None or t.tag_ not in ("NN", "NNP") or (cls != ANY and found not in (cls, ANY)):
            continue
        if _in_example_list(t):
            continue  # "newer Nissan models like the Altima": examples, not the thing
        name = _name_at(doc, t)
        if name:
            return name
    return _quoted_title_before(tok) if cls in _rules().title_classes else None


# A title in quotation marks: "Barbie", “Oppenheimer,” “The Super Mario Bros. Movie”.
_QUOTED_TITLE = re.compile(r"[\"“]((?:[A-Z0-9][\w'’:.&-]*)(?: (?:[A-Za-z0-9][\w'’:.&-]*)){0,9}?)[,.]?[\"”]")


def _quoted_title_before(tok: Token) -> Optional[str]:
    """The last title in quotation marks before the token, in its section: each word
    capitalised or a number, but short joining words ("of", "the")."""
    doc = tok.doc
    start = doc[_section_start(doc, tok.i)].idx
    titles = [m.group(1) for m in _QUOTED_TITLE.finditer(doc_text(doc), start, tok.idx)
              if all(w[0].isupper() or w[0].isdigit() or w in ("of", "the", "a", "an", "and", "in", "on", "to")
                     for w in m.group(1).split())]  # "Inside Out 2", "Dune: Part Two", "1917"
    return titles[-1] if titles else None


def _section_start(doc: Doc, i: int) -> int:
    """The first token after the last heading line before token i (a listing story's
    section is about the thing its heading names, and a description stays inside it)."""
    text = doc_text(doc)
    pos = doc[i].idx
    end = text.rfind("\n", 0, pos)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if line and _HEADING.fullmatch(line):
            span = doc.char_span(end, pos, alignment_mode="expand")
            return span.start if span is not None and len(span) else i
        end = start - 1
    return 0


def _in_example_list(t: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("like", "including") for c in t.children) or \
        any(a.lower_ in ("like", "including") and a.dep_ == "prep" for a in t.ancestors)


def _name_at(doc: Doc, noun: Token) -> Optional[str]:
    """The name a class noun is written with: after a naming verb ("a wagon called the
    ID. Space Vizzion Concept"), else the proper nouns right before it, past a few
    plain modifiers ("the Sentra compact sedan", "Ford's Mustang Mach E SUV")."""
    after = noun.i + 1
    if noun.text[:1].isupper() and _class_of().get(noun.lower_) == "event" and _event_name(doc, noun):
        return _event_name(doc, noun)  # "Hurricane Milton", "the Camp Fire": the event word is in its name
    if after < len(doc) and doc[after].lower_ in {w.lower() for w in _rules().naming_verbs}:
        k = after + 1
        while k < len(doc) and doc[k].lower_ in ("the", "a", "an", "as"):
            k += 1
        run = _run_forward(doc, k)  # what it is called is its name, whatever NER makes of it
    elif after < len(doc) and _name_token(doc[after]) and doc[after].ent_type_ not in ("DATE", "TIME") \
            and not doc[after].is_sent_start:
        run = _run_forward(doc, after)  # a name in apposition: "the space agency NASA", "the carrier Emirates"
    elif noun.dep_ == "appos" and noun.head.i < noun.i and _name_token(noun.head):
        run = _run_backward(doc, doc[noun.head.i + 1])  # "the Galaxy S21, its new flagship phone"
    else:
        run = _run_backward(doc, noun)
        if run and all(t.ent_type_ in _NAMED_LABELS for t in run) and all(t.ent_iob_ == "I" for t in run[1:]) \
                and not any(_designation(t) for t in run):
            # a company or place alone ("the Boeing jet"): the maker, not the thing; a model
            # designation the tagger took for one is none ("its best-selling F-150 pickup")
            return None
    while len(run) > 1 and run[-1].lower_ in {w.lower() for w in _rules().kind_after_name}:
        run = run[:-1]
    if not run:
        return None
    text = doc_text(doc)
    name = text[run[0].idx:run[-1].idx + len(run[-1].text)]
    if sum(c.isalpha() for c in name) < 2:
        # digits name nothing alone ("its best-selling F-150 pickup"): with the maker the
        # story writes them with, else with the kind noun ("F-150 pickup")
        return with_maker(doc, name, run[0].i) or f"{name} {noun.text}"
    return name


def _name_token(t: Token) -> bool:
    return t.pos_ == "PROPN" or _designation(t)


def _designation(t: Token) -> bool:
    return bool(_DESIGNATION.fullmatch(t.text)) and any(c.isalpha() for c in t.text) and any(c.isdigit() for c in t.text)


def _run_forward(doc: Doc, k: int) -> list[Token]:
    run: list[Token] = []
    while k < len(doc):
        t = doc[k]
        glued_stop = t.text == "." and run and not run[-1].whitespace_ and k + 1 < len(doc) \
            and doc[k + 1].text[:1].isupper() and "\n" not in t.whitespace_
        if not (_name_token(t) or glued_stop):
            break
        run.append(t)
        k += 1
    while run and run[-1].text == ".":
        run.pop()
    return run


def _run_backward(doc: Doc, noun: Token) -> list[Token]:
    k, plain = noun.i - 1, 0
    while k >= 0 and plain < 4:
        t = doc[k]
        if t.text == "-" or (not _name_token(t) and t.text[:1].islower() and (t.pos_ in ("ADJ", "NOUN") or _hyphened(t))):
            k, plain = k - 1, plain + 1  # plain modifiers between name and noun: "compact", "small", "plug-in"
            continue
        break
    run: list[Token] = []
    while k >= 0 and doc[k].dep_ != "poss" and (_name_token(doc[k]) or (k > 0 and _name_token(doc[k - 1]) and (
            doc[k].like_num  # "PlayStation 5 Pro", "the Pixel 9 phone"
            or (run and doc[k].text == "." and not doc[k - 1].whitespace_ and len(doc[k - 1]) <= 3)))):  # "ID. Space Vizzion"
        run.insert(0, doc[k])
        k -= 1
    return run


def _hyphened(t: Token) -> bool:
    """A word glued by a hyphen to the next or the one before ("plug" and "in" of "plug-in")."""
    doc = t.doc
    return (t.i + 1 < len(doc) and doc[t.i + 1].text == "-" and not t.whitespace_) or \
        (t.i > 0 and doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_)


# A model designation written right before a class noun: "787-9 jet", "A350 jet", "F-150 pickup".
_DESIGNATION_BEFORE = re.compile(r"(?<![\w,.$-])([A-Z]{0,4}-?\d{1,4}(?:-\d{1,3})?[A-Za-z]{0,3})\s+$")


def designated(tok: Token) -> Optional[str]:
    """The model designation a class noun is written with, in the phrase itself or in
    its apposition ("The mid-size wide body 787-9 jet is ..."): the thing's name. Not a
    year ("the 2020 model") and not a bare number ("30 jets")."""
    text = doc_text(tok.doc)
    for t in [tok] + [c for c in tok.children if c.dep_ == "appos"]:
        if _class_of().get(t.lower_) is None or t.tag_ not in ("NN", "NNP"):
            continue
        line = text.rfind("\n", 0, t.idx) + 1
        m = _DESIGNATION_BEFORE.search(text, max(line, t.idx - 20), t.idx)
        if m and not re.fullmatch(r"(?:19|20)\d\d|\d+", m.group(1)):
            # a designation of digits alone is no name by itself ("787 jet"); with letters or a
            # hyphen it is ("RAV4", "A350", "787-9", "F-150")
            name = m.group(1)
            if sum(c.isalpha() for c in name) >= 2:
                return name
            return (with_maker(tok.doc, name, t.i) if "-" in name.strip("-") else None) or f"{name} {t.text}"
    return None


def with_maker(doc: Doc, name: str, before: int) -> Optional[str]:
    """A designation of digits ("787-9", "F-150") with the maker the story first wrote it
    with ("Boeing's 787-9 Dreamliner jets" -> "Boeing 787-9"; "Ford is giving its F-150
    pickup" -> "Ford F-150"): a model's full name, as digits alone name nothing. None when
    no organisation is written right before it or owns it by "its"."""
    text = doc_text(doc)
    end = doc[before].idx if before < len(doc) else len(text)
    for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text[:end + len(name)]):
        first = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        maker = _maker_before(doc, first.start) if first is not None and len(first) else None
        if maker:
            return f"{maker} {name}"
    return None


def _maker_before(doc: Doc, i: int) -> Optional[str]:
    """The organisation a model name at token i is written with: right before it ("Boeing
    787-9", "Boeing's 787-9"), or the subject of its clause when "its" owns the phrase
    ("Ford is giving its best-selling F-150 pickup")."""
    k = i - 1
    if k >= 0 and doc[k].dep_ == "case":
        k -= 1
    if k >= 0 and doc[k].ent_type_ == "ORG":
        ent = entity_at(doc[k])
        return ent.text if ent is not None else doc[k].text
    noun = doc[i]
    while noun.dep_ in ("compound", "amod", "nmod", "nummod") and noun.head.i > noun.i:
        noun = noun.head
    if not any(c.dep_ == "poss" and c.lower_ == "its" for c in noun.children):
        return None
    verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
    if subj is not None and subj.ent_type_ == "ORG" and subj.i < i:
        ent = entity_at(subj)
        return ent.text if ent is not None else subj.text
    return None


def introduced_referent(tok: Token) -> Optional[str]:
    """"this bar", "that study": a singular noun with a demonstrative points back to where
    the story introduced its head noun with "a"/"an" ("a news has gone viral about an
    'oxygen bar' ... this bar is offering oxygen to anyone who is ready to pay Rs 300"): the
    introducing phrase, its determiner and quotes left out. None when no such introduction
    is found within its section."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or not any(
            c.dep_ == "det" and c.lower_ in ("this", "that") for c in tok.children):
        return None
    doc = tok.doc
    floor = max(_section_start(doc, tok.i), tok.i - _rules().max_tokens_back)
    for k in range(tok.i - 1, floor - 1, -1):
        t = doc[k]
        if t.lemma_.lower() == tok.lemma_.lower() and t.pos_ == "NOUN" and any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children):
            words = [x for x in t.subtree if x.i <= t.i and x.dep_ in ("compound", "amod", "nmod") and x.is_alpha]
            first = min(words + [t], key=lambda x: x.i)
            return doc_text(doc)[first.idx:t.idx + len(t.text)]  # as written: "new weight-loss drug"
    return None


def product_named_before(tok: Token) -> Optional[str]:
    """The product named last before the token in its section: the nearest noun of a class
    of products with model names ("a low-slung electric station wagon called the ID. Space
    Vizzion Concept", "the Pixel 8 phone") written with a name; what a part with no whole in
    its own sentence belongs to ("An augmented reality 15.6-inch touch screen ... has all
    entertainment")."""
    doc = tok.doc
    models = {w.lower() for c in _rules().model_classes for w in _rules().classes.get(c, [])} | {
        w.lower() for w in _rules().any_class}
    floor = max(_section_start(doc, tok.i), tok.i - _rules().max_tokens_back)
    for k in range(tok.i - 1, floor - 1, -1):
        t = doc[k]
        if t.lower_ in models and t.tag_ in ("NN", "NNP") and not _in_example_list(t):
            name = _name_at(doc, t)
            if name:
                return name
    return None


def _event_name(doc: Doc, noun: Token) -> Optional[str]:
    """A named event whose name holds its kind: the kind word and the proper nouns on either
    side ("Hurricane Milton", "Typhoon Haiyan", "the Camp Fire", "Storm Babet")."""
    start, end = noun.i, noun.i + 1
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
        start -= 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
        end += 1
    return doc[start:end].text if end - start > 1 else None
