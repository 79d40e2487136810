"""Subject, first steps: who owns a figure's own phrase ("the 1,900-mile-wide Europa",
"gave the Wild a two-goal lead", "the Wild's 4-1 win ... in front of 15,522", "40 fellow
teachers from the Gibson Southern schools", "of my 1,000 followers"), before the clauses
above it are climbed (extract/frame/subject.py)."""

from __future__ import annotations
import re
from functools import lru_cache
from typing import Optional
from spacy.tokens import Doc, Span, Token
from extract.records import Quantity
from extract.vocab import entity_table
from extract.frame.cues import Cues
from extract.frame.context import Context, STRONG, WEAK, doc_text, sentence_of
from extract.frame.syntax import canon, clause_subject, company_word, entity_in, last_organisation_before
from extract.frame.figures import is_money, valued_object
from extract.frame.article import subject_rules
from extract.frame.described import DESCRIBED, described_referent
from extract.frame.noun_phrase import metric_head, name_np, np_phrase
from extract.frame.part_whole import counted_model, model_of_phrase
from extract.frame.refer import in_quotation, is_nationality_person, nationality_person, referred_person

# A subject step answers with (subject, how) to stop the search, (None, None) for "no
# subject, and none further on", or None to let the next step try.
Found = Optional[tuple[Optional[str], Optional[str]]]


@lru_cache(maxsize=None)
def _label_pattern() -> re.Pattern:
    return re.compile(subject_rules().list_label.pattern, re.M)  # "^": where a line starts


def list_label(doc: Doc, span: Span, q: Quantity) -> Optional[str]:
    """The name a list entry's line starts with ("Ryan S. Hollman: ... held in lieu of
    $326,000 bond", "Anthony Davis: 31 points"): the figures after its colon are the
    named one's. A proper noun in the label, not a measure ("Revenue Growth: 5%")."""
    text = doc_text(doc)
    line = text.rfind("\n", 0, q.start) + 1
    m = _label_pattern().match(text, line, q.start)
    if m is None:
        return None
    label = list(doc.char_span(m.start(1), m.end(1), alignment_mode="expand") or ())
    if not label or span.start <= label[-1].i or not any(t.pos_ == "PROPN" for t in label) or metric_head(label[-1]):
        return None
    return m.group(1)


def modified_name(doc: Doc, span: Span, q: Quantity, cues: Cues, ctx: Context) -> Found:
    """A figure written as a modifier of a name is that name's: "the 1,900-mile-wide
    Europa", "a $129.99 Premiere Edition", "the 6-foot-9 Antetokounmpo". The name the
    figure describes, before any clause above it; not a common noun ("30 Boeing jets"
    are jets). A count of a named model, as its clause's subject, is the model's ("Its
    fleet of roughly 400 737 Max jets have been grounded"; frame/part_whole.py)."""
    model = counted_model(doc, span)
    if model:
        return model, STRONG
    tok = span.root
    for _ in range(4):
        if tok.dep_ not in _MODIFIER_DEPS or tok.head.i == tok.i or tok.head.pos_ == "NOUN" and tok.head.i >= span.end:
            break
        tok = tok.head
    if tok.head.pos_ == "NOUN" and tok.head.ent_type_ == "QUANTITY" and tok.dep_ in _MODIFIER_DEPS:
        tok = tok.head  # "1,900-mile-wide (3,100 kilometers) Europa": the other figure's measure noun
    if span.start <= tok.i < span.end or tok.ent_type_ == "QUANTITY":
        # "(3,100 kilometers) Europa": the figure's own measure noun, the name in apposition
        # (a unit, not a counted noun: "four countries (Portugal, England, ...)" are countries)
        tok = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i >= span.end
                    and q.unit != "count"), tok)
    if tok.pos_ != "PROPN" or span.start <= tok.i < span.end or tok.lower_ in cues.pronouns:
        return None
    name, _ = name_np(tok, doc, cues, span)
    if not name:
        # a product or edition no entity tagger knows ("Premiere Edition"): the proper
        # noun phrase as written
        words = [doc[i] for i in range(max(span.end, tok.i - 4), tok.i + 1)]
        while words and words[0].pos_ != "PROPN":
            words = words[1:]
        name = " ".join(t.text for t in words) if words and all(t.pos_ == "PROPN" for t in words) \
            and not _title_case(sentence_of(tok)) else None
    return (name, STRONG) if name and any(c.isupper() for c in name) else None


def recipient(doc: Doc, span: Span, q: Quantity, cues: Cues, ctx: Context) -> Found:
    """The first object of a verb with two ("goals gave the Wild a two-goal lead", "the
    vote handed Labour a 40-seat majority") receives the second: the figure in the
    second object is the recipient's, not the giver's. A name only."""
    np = span.root
    for _ in range(4):
        if np.pos_ in ("NOUN", "PROPN") and not (span.start <= np.i < span.end) or np.dep_ not in _MODIFIER_DEPS:
            break
        np = np.head
    if np.dep_ != "dobj" or np.head.pos_ != "VERB":
        return None
    first = [c for c in np.head.children if c.dep_ in ("dative", "dobj") and c.i < span.start and c.i != np.i]
    if not first or first[0].lower_ in cues.pronouns:
        return None
    if described_referent(first[0]):
        return described_referent(first[0]), DESCRIBED  # "giving the car 355 horsepower": the car named before
    name, _ = name_np(first[0], doc, cues, span)
    return (name, STRONG) if name and any(c.isupper() for c in name) else None


def share_to(doc: Doc, span: Span, q: Quantity, cues: Cues, ctx: Context) -> Found:
    """A bare share of a count before it goes to whom it is "to" ("five jet sales this week:
    two to Biman Bangladesh Airlines and three to the Ghanaian government", "12 new
    stores: eight to Texas"): the receiver owns its share. A name only."""
    root = span.root
    if len(span) != 1 or not root.like_num:
        return None
    for o in _objects_of(root, "to"):
        name, _ = name_np(o, doc, cues, span)
        return (name, STRONG) if name and any(ch.isupper() for ch in name) else None
    return None


def _objects_of(tok: Token, preposition: str) -> list[Token]:
    """The objects of the token's prepositional phrases with this preposition ("to Biman",
    "of those pilots")."""
    return [o for c in tok.children if c.dep_ == "prep" and c.lower_ == preposition
            for o in c.children if o.dep_ == "pobj"]


def _title_case(sent: Span) -> bool:
    """A heading written in title case ("The $600 Billion Gap, Explained"): its capitals
    mark no names."""
    words = [t for t in sent if t.is_alpha and len(t.text) > 3]
    return bool(words) and all(t.text[0].isupper() for t in words)


# How a figure modifies the noun it describes: "$129.99 Edition" (nummod), "1,900-mile"
# (npadvmod) "-wide" (amod), "10.7 teraflop" (compound).
_MODIFIER_DEPS = frozenset({"nummod", "npadvmod", "amod", "compound", "quantmod", "nmod"})
MODIFIER_DEPS = _MODIFIER_DEPS


def partitive_whole(doc: Doc, span: Span, q: Quantity, cues: Cues, ctx: Context) -> Found:
    """Partitive: "95% of those pilots produced ...", "About 60% of surveyed companies"."""
    root = span.root
    if q.unit != "percent" or root.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for o in _objects_of(root, "of"):
        name, _ = name_np(o, doc, cues, span)
        if name:
            return name, STRONG
    return None


def goods_valued(doc: Doc, span: Span, q: Quantity, cues: Cues, ctx: Context) -> Found:
    """The goods a sum buys or a levy is charged on: "$125 billion worth of Chinese
    goods", "$2 million worth of cocaine", "some $156 billion in Chinese consumer
    goods", and the rate of "the 15% tariffs on about $125 billion worth of Chinese
    goods" or "a 25% duty on steel imports". The figure is the goods', not the figure
    of whoever imposes, buys or seizes them (data/subject.toml [goods])."""
    root = span.root
    words = subject_rules().goods
    if q.unit == "percent":
        levy = root.head if root.dep_ in ("nummod", "compound", "amod") else None
        if levy is None or levy.lower_ not in words.levies:
            return None
        on = [t for t in levy.subtree if t.dep_ == "prep" and t.lower_ == "on" and t.i > levy.i]
        objs = [o for t in on[:1] for o in t.children if o.dep_ == "pobj"]
        # "on $125 billion worth of Chinese goods", "on an earlier list of goods", "on steel imports"
        goods = (_goods_of(objs[0], words.goods) or (objs[0] if objs[0].lower_ in words.goods else None)) \
            if objs else None
    elif is_money(q):
        # "$125 billion worth of ...", "a $250 billion list of ...": the noun the sum counts
        counted = root.head if root.dep_ in ("nummod", "compound") and root.head.pos_ == "NOUN" else root
        goods = _goods_of(counted, words.goods)
    else:
        return None
    if goods is None or span.start <= goods.i < span.end:
        return None
    phrase = np_phrase(goods, cues)
    return (phrase, STRONG) if phrase else None


def _goods_of(sum_: Token, goods: list[str]) -> Optional[Token]:
    """What "$X worth of Y" counts (any Y), or "$X of/in Y" when Y's head is goods."""
    for c in sum_.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "in"):
            for o in c.children:
                if o.dep_ == "pobj" and (sum_.lower_ == "worth" and c.lower_ == "of" or o.lower_ in goods):
                    return o
    return None


def holder_with(doc: Doc, span: Span, q: Quantity, cues: Cues, ctx: Context) -> Found:
    """"Colossus-1 data center with 300MW capacity": the thing that has the figure."""
    root = span.root
    if not (root.head.lower_ == "with" or (root.dep_ in ("compound", "nummod") and root.head.head.lower_ == "with")):
        return None
    w = root.head if root.head.lower_ == "with" else root.head.head
    owner = w.head
    if owner.pos_ in ("VERB", "AUX") and owner.lemma_.lower() in _tally_verbs():
        # "he is leading the NBA with 11.1 assists": the tally is the subject's, never
        # the object's; a pronoun is the person it points back to, no subject lets the
        # clauses above tell
        tally = _tally_subject(doc, owner, span, cues)
        return (tally, STRONG) if tally else None
    if owner.dep_ == "attr" and owner.head.lemma_ == "be" and clause_subject(owner.head) is not None:
        # "Emirates is the number one buyer of the A380, with 123 of the planes": what
        # the predicate noun says the subject is, the subject has
        name, _ = name_np(clause_subject(owner.head), doc, cues, span)
        return (name, STRONG) if name else None
    if owner.pos_ == "VERB":
        # "building the Stargate campus with 1.2GW": the object before "with"
        objs = [c for c in owner.children if c.dep_ == "dobj" and c.i < w.i]
        owner = objs[-1] if objs else owner
    if owner.pos_ in ("NOUN", "PROPN") and not metric_head(owner):
        words = [t for t in owner.subtree if t.i <= owner.i and t.dep_ not in ("poss", "case", "det")
                 and not any(p.dep_ == "poss" for p in t.ancestors if p.i < owner.i and p.i != owner.i)]
        words = [t for t in words if not any(a.dep_ == "poss" for a in [t] + list(t.ancestors) if a.i < owner.i)]
        text = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
        if text:
            return entity_table().canonicalise(text), STRONG
    return None


def _tally_subject(doc: Doc, verb: Token, span: Span, cues: Cues) -> Optional[str]:
    """"Labour wins landslide with 412 seats", "City lead the table with nine points":
    after a verb of winning or standing (data/subject.toml [tally_verbs]) the "with"
    figure is the named subject's tally, not its object's."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in _tally_verbs():
        return None
    subj = clause_subject(verb)
    if subj is not None and subj.lower_ in PERSONAL:
        return _person_before(doc, subj, cues)
    if subj is None or subj.lower_ in cues.pronouns:
        return None
    if subj.lower_ in ("who", "that") and verb.dep_ == "relcl":
        subj = verb.head
    name, _ = name_np(subj, doc, cues, span)
    return name if name and name[:1].isupper() and any(t.pos_ == "PROPN" or t.ent_type_ for t in subj.subtree) else None


@lru_cache(maxsize=None)
def _tally_verbs() -> frozenset[str]:
    return frozenset(subject_rules().tally_verbs.words)


def valued_company(doc: Doc, span: Span, q: Quantity, cues: Cues, ctx: Context) -> Found:
    """"Investors valued the company at $10 billion": the company's valuation."""
    valued = valued_object(doc, q)
    if valued is None:
        return None
    name, back = name_np(valued, doc, cues, span)
    if name:
        return name, STRONG
    if back:  # "the company" with nothing before it to name: better no subject than the investors
        return (antecedent(ctx, valued), WEAK) if antecedent(ctx, valued) else (None, None)
    return None


def owner_of_figure_phrase(doc: Doc, span: Span, q: Quantity, cues: Cues, ctx: Context) -> Found:
    """The possessor of the noun phrase the figure is in, a name: "Zach Parise's two-goal
    performance", "Patrick Soon-Shiong's purchase of The Times for $500 million": the
    figure's own phrase says whose it is, before any clause above it does. Not a
    report's author ("Bloomberg's estimate of $5 billion"), not a pronoun. A named model
    the phrase is of ("two crashes of its 737 Max jet") owns it (frame/part_whole.py)."""
    np = span.root
    if np.dep_ in ("nummod", "compound", "amod", "quantmod") and np.head.pos_ in ("NOUN", "PROPN"):
        np = np.head
    elif np.dep_ == "pobj" and np.head.dep_ == "prep" and np.head.head.pos_ == "NOUN":
        np = np.head.head  # "a purchase ... for $500 million"
    if np.pos_ not in ("NOUN", "PROPN") or np.lower_ in cues.source_nouns:
        return None
    model = model_of_phrase(doc, span)
    if model:
        return model, STRONG  # "two catastrophic crashes of its popular 737 Max jet": the model's
    for c in np.children:
        referent = described_referent(c) if c.dep_ == "poss" else None  # "the agency's budget request for $22.6bn"
        if referent:
            return referent, DESCRIBED
        if c.dep_ == "poss" and c.pos_ == "PROPN" and c.lower_ not in cues.pronouns:
            name = entity_in(list(c.subtree), doc, cues, cues.subject_labels)
            if name:
                return name, STRONG
    return _common_possessor(doc, span, np, cues)


def _common_possessor(doc: Doc, span: Span, np: Token, cues: Cues) -> Found:
    """"the state's $2 billion in cash reserves", "the city's 8% sales tax": a body written
    as a common noun that possesses the figure's phrase (the parse may hang the figure on
    the possessor itself); a company word ("the company's") is left to the clauses above,
    and a superlative's possessor ("the world's 10 largest companies") is its scope."""
    owner = np if np.i < span.start and any(c.dep_ == "case" for c in np.children) else next(
        (c for c in np.children if c.dep_ == "poss" and c.pos_ == "NOUN"), None)
    if owner is None or owner.pos_ != "NOUN" or company_word(owner, cues) or owner.lower_ in cues.source_nouns \
            or metric_head(owner) or any(t.tag_ == "JJS" for t in np.children):
        return None  # "the world's 10 largest companies": with a superlative, a scope, not an owner
    words = [t for t in owner.subtree if t.i == owner.i or t.i < owner.i and t.dep_ in ("compound", "amod", "nmod")]
    if any(span.start <= t.i < span.end for t in words):
        return None
    return " ".join(t.text for t in words), STRONG


def personal_possessor(doc: Doc, span: Span, q: Quantity, cues: Cues, ctx: Context) -> Found:
    """"Haaland scored three goals as Manchester City beat West Ham, taking his tally to
    seven league goals": the figure's phrase, or the object whose total it gives ("his
    tally to ..."), is owned by "his" or "her", a person: the one named before it in the
    sentence, not the team or company whose clause it hangs on."""
    np = span.root
    if np.dep_ in _MODIFIER_DEPS and np.head.pos_ in ("NOUN", "PROPN"):
        np = np.head
    owned = [np]
    if np.dep_ == "pobj" and np.head.dep_ == "prep" and np.head.lower_ in ("to", "at", "of"):
        verb = np.head.head
        owned += [c for c in verb.children if c.dep_ == "dobj" and c.i < span.start] if verb.pos_ == "VERB" else []
    pronoun = next((c for n in owned for c in n.children if c.dep_ == "poss" and c.lower_ in _PERSON_OWNERS), None)
    if pronoun is None:
        return None
    quoted = in_quotation(pronoun)
    named = _person_before(doc, pronoun, cues, quoted, ctx)
    if named:
        return named, STRONG
    # '"For him to be doing what he's doing in his 17th year ...," Vogel said': in a
    # quotation "his" is someone the speaker talks about (frame/refer.py)
    person = referred_person(pronoun, ctx)
    return (person, WEAK) if person else None


_PERSON_OWNERS = frozenset({"his", "her"})


def _person_before(doc: Doc, pronoun: Token, cues: Cues, quoted: bool = False,
                   ctx: Optional[Context] = None) -> Optional[str]:
    """The person a "his"/"her" points back to in its sentence: the last person named
    before it, else the main clause's subject when it is a name and no organisation. In a
    quotation, not the person who says it."""
    sent = sentence_of(pronoun)
    for verb in pronoun.ancestors:  # "Stalock, who subbed for Dubnyk, looked strong in his 10th outing"
        subj = clause_subject(verb) if verb.pos_ in ("VERB", "AUX") else None
        if subj is not None and subj.i < pronoun.i and subj.ent_type_ == "PERSON" \
                and not (quoted and verb.lemma_.lower() in cues.attribution_verbs):
            return entity_in([t for t in subj.subtree if t.i <= subj.i], doc, cues, frozenset({"PERSON"}))
    people = [e for e in sent.ents if e.label_ == "PERSON" and e.end <= pronoun.i
              and not (quoted and e.root.head.lemma_.lower() in cues.attribution_verbs)]
    if people:
        return canon(people[-1].text)
    subj = clause_subject(sent.root) if sent.root.pos_ in ("VERB", "AUX") else None
    if ctx is not None and subj is not None and subj.i < pronoun.i and is_nationality_person(subj):
        return (nationality_person(subj, ctx) or (None,))[0]  # "The Italian has won 28 of his last 29 matches"
    if subj is None or subj.i > pronoun.i or subj.pos_ != "PROPN" or subj.ent_type_ in cues.organisation_labels \
            or quoted and sent.root.lemma_.lower() in cues.attribution_verbs:
        return None
    return entity_in([t for t in subj.subtree if t.i <= subj.i], doc, cues, cues.subject_labels)


def event_of(doc: Doc, span: Span, q: Quantity, cues: Cues, ctx: Context) -> Found:
    """An event a figure measures or counts the toll of (data/subject.toml [events]): "a
    7.7-magnitude earthquake"; "the death toll from the earthquake rose to 3,300, while
    more than 4,500 people were injured and 341 remain missing": the toll, and people
    counted in a clause of their own beside it, are the event's, not the toll's."""
    root = span.root
    if root.dep_ in _MODIFIER_DEPS and root.head.pos_ == "NOUN" and root.head.lower_ in _events():
        return _event_name(root.head), STRONG
    if root.dep_ in _MODIFIER_DEPS and root.head.pos_ == "NOUN":
        root = root.head
    if not (root.dep_ in ("nsubj", "nsubjpass") and (span.start <= root.i < span.end or root.head.i > span.end)):
        # "the death toll from the earthquake rose to 3,300": the figure's clause's subject
        event = _toll_event(next((a for a in root.ancestors if a.pos_ in ("VERB", "AUX")), None), span)
        return (_event_name(event), STRONG) if event is not None else None
    verb = root.head  # "..., while more than 4,500 people were injured": the clause beside it
    for _ in range(3):
        if verb.dep_ not in ("advcl", "conj") or verb.head.i == verb.i:
            return None
        verb = verb.head
        event = _toll_event(verb, span)
        if event is not None:
            return _event_name(event), STRONG
    return None


def _toll_event(verb: Optional[Token], span: Span) -> Optional[Token]:
    subj = clause_subject(verb) if verb is not None and verb.pos_ in ("VERB", "AUX") else None
    return _event_of_measure(subj) if subj is not None and not (span.start <= subj.i < span.end) else None


def _event_of_measure(subj: Token) -> Optional[Token]:
    """The event a measure is "from" or "of" ("the death toll from the earthquake", "the
    death toll from Hurricane Ian": a name an event word opens)."""
    for c in subj.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "of", "in"):
            for o in c.children:
                if o.dep_ == "pobj" and (o.pos_ == "NOUN" and o.lower_ in _events() or _named_event(o)):
                    return o
    return None


def _named_event(o: Token) -> bool:
    """"Hurricane Ian", "Typhoon Haiyan", "Storm Babet": a proper name an event word opens
    (not one inside a name: "the Maricopa County Fire Department")."""
    words = [c for c in o.children if c.dep_ == "compound" and c.i < o.i]
    return o.pos_ == "PROPN" and bool(words) and words[0].lower_ in _events() and words[0].text[:1].isupper()


def _event_name(event: Token) -> str:
    """"earthquake in Myanmar" -> "Myanmar earthquake": the place it struck, then the event;
    a named event as written ("Hurricane Ian")."""
    if _named_event(event):
        return event.doc[min(c.i for c in event.children if c.dep_ == "compound"):event.i + 1].text
    places = [o for c in event.children if c.dep_ == "prep" and c.lower_ in ("in", "on", "off", "near", "across")
              for o in c.children if o.dep_ == "pobj" and o.ent_type_ in ("GPE", "LOC")]
    place = " ".join(t.text for t in places[0].subtree if t.ent_type_ in ("GPE", "LOC")) if places else ""
    return f"{place} {event.text}".strip()


@lru_cache(maxsize=None)
def _events() -> frozenset[str]:
    return frozenset(subject_rules().events.words)


def possessor_above(doc: Doc, span: Span, q: Quantity, cues: Cues, ctx: Context) -> Found:
    """The possessor of a phrase the figure's phrase hangs on ("before the Wild's 4-1 win
    over the Sabres in front of 15,522", "Microsoft's announcement of a buyback of $60
    billion"), up to three prepositional phrases above the figure's own; not across a
    measure ("Apple's share of the $500 billion market" is the market's size)."""
    np = span.root
    if np.dep_ in ("nummod", "compound", "amod", "quantmod") and np.head.pos_ in ("NOUN", "PROPN"):
        np = np.head
    for _ in range(3):
        if not (np.dep_ == "pobj" and np.head.dep_ == "prep" and np.head.head.pos_ == "NOUN") \
                or metric_head(np.head.head) or np.head.head.lower_ in cues.source_nouns:
            return None
        np = np.head.head
        owner = _possessor_name(np, doc, cues)
        if owner:
            return owner, STRONG
        its = next((c for c in np.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        if its is not None:
            # "In addition to its order of 30 Boeing jets": the one "its" points back to,
            # not the maker named in the phrase
            named = last_organisation_before(sentence_of(its), its, cues) or antecedent(ctx, its)
            return (named, WEAK) if named else None
    return None


def counted_from(doc: Doc, span: Span, q: Quantity, cues: Cues, ctx: Context) -> Found:
    """People counted "from" or "at" a named body or place are that body's ("more than
    40 fellow teachers from the Gibson Southern schools", "about 300 workers at the
    Ford plant in Louisville"): not whoever speaks of them or leads them."""
    if q.unit != "count":
        return None
    noun = span.root if span.root.pos_ == "NOUN" else span.root.head
    if noun.pos_ != "NOUN" or noun.lower_ not in subject_rules().counted_people.words:
        return None
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "at") and c.i >= span.end:
            objs = [o for o in c.children if o.dep_ == "pobj"]
            name = entity_in(list(objs[0].subtree), doc, cues, cues.subject_labels) if objs else None
            if name:
                return name, STRONG
    return None


def _possessor_name(np: Token, doc: Doc, cues: Cues) -> Optional[str]:
    """The name that possesses a noun: "Zach Parise's", "the Lakers'" (a capitalised
    plural the tagger takes for a common noun)."""
    for c in np.children:
        if c.dep_ != "poss" or c.lower_ in cues.pronouns:
            continue
        if c.pos_ == "PROPN":
            return entity_in(list(c.subtree), doc, cues, cues.subject_labels)
        if c.tag_ == "NNS" and c.text[:1].isupper() and c.i > sentence_of(c).start and doc[c.i - 1].lower_ == "the":
            return c.text
    return None


def speaker_self(span: Span, source: Optional[str]) -> Optional[str]:
    """The credited speaker, when the figure's own phrase is "my ..." or its clause's
    subject is "I" ("of my 1,000 followers", "I could only manage two stairs at a time"):
    quoted speech in the first person is about whoever speaks it."""
    if not source:
        return None
    words = _self_words()
    np = span.root
    while np.dep_ in _MODIFIER_DEPS and np.head.i != np.i and np.pos_ not in ("NOUN", "PROPN"):
        np = np.head
    if any(c.dep_ == "poss" and c.lower_ in words for c in np.children):
        return source
    verb = span.root
    for _ in range(8):
        if verb.pos_ in ("VERB", "AUX") and clause_subject(verb) is not None:
            subj = clause_subject(verb)  # "I could only manage", "My oxygen saturation level is"
            return source if subj.lower_ in words or any(
                c.dep_ == "poss" and c.lower_ in words for c in subj.children) else None
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


@lru_cache(maxsize=None)
def _self_words() -> frozenset[str]:
    return frozenset(w.lower() for w in subject_rules().speaker_self.words)


PERSONAL = frozenset({"he", "she"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "these", "those"})


def antecedent(ctx: Context, anaphor: Token) -> Optional[str]:
    """What an anaphor points back to: a plural ("these companies", "they", "their
    margins") to the last group named in this paragraph or the one before, else
    the last topic."""
    words = [anaphor] + [c for c in anaphor.children if c.dep_ in ("poss", "det")]
    plural = anaphor.tag_ in ("NNS", "NNPS") or any(w.lower_ in _PLURAL_PRONOUNS for w in words)
    if plural and ctx.group and ctx.group_para >= ctx.para - 1:
        return ctx.group
    return ctx.subject
