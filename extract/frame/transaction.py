"""Roles in a transaction: whose figure a price, a fee, a bid or a count of things bought is.

One rule for every deal a story reports: the figure is the BUYER's (the one who pays, bids
or orders), not the seller's, the payee's or the thing bought. "City, who paid Borussia
Dortmund 51 million pounds for Haaland" is City's fee; "Dr. Patrick Soon-Shiong's purchase
of The Times for $500 million" is Soon-Shiong's; "Emirates finalized a deal to purchase 30
of Boeing's jets" counts Emirates' order; "Real Madrid sold Ronaldo to Juventus for 100
million euros" is Juventus's fee. So two stories' figures for one deal meet on one subject
(a conflict between two prices is seen), and two buyers of the same company never do.
A buyer written only as a pronoun is left to the clause climb that resolves pronouns.
Vocabularies in data/subject.toml [transactions]."""

from __future__ import annotations
from typing import Optional
from spacy.tokens import Doc, Span, Token
from extract.records import Quantity
from extract.frame.cues import Cues
from extract.frame.context import Context, STRONG, WEAK, doc_ents
from extract.frame.figures import is_money
from extract.frame.article import subject_rules
from extract.frame.noun_phrase import name_np, np_phrase
from extract.frame.syntax import canon, clause_subject, is_code

# How a figure modifies the noun it counts or prices ("$500 million purchase", "30 jets").
_MODIFIER_DEPS = frozenset({"nummod", "compound", "quantmod", "nmod", "amod", "npadvmod"})
# Tags of a finite verb: a clause of its own, not a participle.
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
# How far from the figure its transaction word may stand, in heads.
_REACH = 5


def buyer_of_figure(doc: Doc, span: Span, q: Quantity, cues: Cues, ctx: Context):
    """(buyer, STRONG) for a figure that is the price, fee or object of a purchase, sale
    or payment in its own clause, when the buyer is named; else None."""
    act = _transaction_of(span) or _purchases_valued(span)
    if act is None:
        return None
    buyer = _buyer(act)
    if buyer is None and act.pos_ == "NOUN" and ctx.buyer and ctx.buyer_para >= ctx.para - 1 \
            and not _organisation_acts(act, cues):
        # "asked for up to $50 billion in annual purchases": the purchases of the buyer
        # the story has just named ("Beijing resume buying around $20 billion")
        return ctx.buyer, WEAK
    if buyer is None or buyer.lower_ in cues.pronouns:
        return None
    name = _name(buyer, doc, cues, span)
    if name:
        ctx.buyer, ctx.buyer_para = name, ctx.para
    return (name, STRONG) if name else None


def _organisation_acts(tok: Token, cues: Cues) -> bool:
    """Whether the clause around `tok` has an organisation or place for its subject ("Google
    announced $5 billion in acquisitions"): a buyer of its own, not the one named before.
    A pronoun or a person who speaks, asks or wants ("he asked for $50 billion in
    purchases") buys nothing in their own name."""
    verb = tok
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") and clause_subject(verb) is not None:
            subj = clause_subject(verb)
            return subj.pos_ == "PROPN" and subj.ent_type_ != "PERSON"
        if verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _purchases_valued(span: Span) -> Optional[Token]:
    """The purchase noun a sum counts ("$50 billion in annual purchases", "$2 billion of
    acquisitions")."""
    nouns = subject_rules().transactions.purchase_nouns
    tok = _noun_of(span)
    # on the sum, or on the verb whose object it is ("make 300 million pounds in purchases")
    holders = [tok, tok.head] if tok.dep_ == "dobj" else [tok]
    for c in (c for h in holders for c in h.children):
        if c.dep_ == "prep" and c.lower_ in ("in", "of"):
            for o in c.children:
                if o.dep_ == "pobj" and o.lemma_.lower() in nouns:
                    return o
    return None


def _noun_of(span: Span) -> Token:
    """The noun phrase head the figure stands in ("pounds" of "51 million pounds")."""
    tok = span.root
    for _ in range(3):
        if tok.dep_ not in _MODIFIER_DEPS or tok.head.i == tok.i:
            break
        if tok.head.pos_ in ("VERB", "AUX"):
            break
        tok = tok.head
    return tok


def _transaction_of(span: Span) -> Optional[Token]:
    """The purchase verb or noun whose object or price the figure is: "paid X £51m",
    "buying $20 billion in farm products", "purchase 30 of Boeing's jets", "purchase of
    The Times ... for $500 million", "a $500 million purchase"."""
    rules = subject_rules().transactions
    words = set(rules.buy_verbs) | set(rules.sell_verbs)
    tok = _noun_of(span)
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in rules.purchase_nouns and not (span.start <= tok.i < span.end):
        return tok  # "a $500 million purchase", "a $16.50-a-share bid"
    priced = False
    for _ in range(_REACH):
        head = tok.head
        if head.i == tok.i:
            return None
        if tok.dep_ == "pobj" and head.lower_ in rules.price_preps:
            priced = True  # "for $500 million", "at $13 a share"
        elif tok.dep_ not in ("dobj", "dative", "pobj", "prep", "conj", "acl"):
            return None
        if _is_act(head, words, rules.purchase_nouns, priced or tok.dep_ in ("dobj", "dative")):
            return head
        if head.pos_ in ("VERB", "AUX") and tok.dep_ != "prep":
            return None  # another verb's object: "sold to buyers who paid": not this clause's deal
        tok = head
    return None


def _is_act(tok: Token, verbs: set[str], nouns: list[str], direct: bool) -> bool:
    """A purchase verb (its object or price), or a purchase noun (only its price)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        return lemma in verbs and not any(c.dep_ == "prt" for c in tok.children)  # not "paid down"
    return tok.pos_ == "NOUN" and lemma in nouns


def _buyer(act: Token) -> Optional[Token]:
    """Who buys: the subject of a purchase verb (through "who", an infinitive or "by
    ...ing" to the clause that has one), the "by" agent of a passive one, the "to" object
    of a sale; the possessor or "by" agent of a purchase noun."""
    rules = subject_rules().transactions
    if act.pos_ == "NOUN":
        # the possessor, however the parse hangs it ("Dr. Patrick Soon-Shiong’s purchase": nmod)
        owner = [c for c in act.children if c.dep_ == "poss" or c.dep_ == "nmod" and c.i < act.i
                 and any(t.tag_ == "POS" for t in c.subtree)]
        return owner[0] if owner else _by_agent(act)
    if act.lemma_.lower() in rules.sell_verbs:
        return _pobj(act, "to") or next((_pobj(c, "to") for c in act.children if c.dep_ == "dobj"
                                         and _pobj(c, "to") is not None), None)
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in act.children):
        return _by_agent(act)
    verb = act
    for _ in range(3):
        subj = clause_subject(verb)
        if subj is not None:
            if subj.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                return verb.head  # "City, who paid Dortmund ..."
            return subj
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
            if verb.head.lemma_.lower() not in rules.deal_nouns:
                return verb.head  # "the club buying the striker": the club
            verb = verb.head.head  # "finalized a deal to purchase": who finalized it
        elif verb.dep_ in ("xcomp", "pcomp", "advcl", "conj"):
            if inverted_clause(verb.head, verb):
                return None  # "After X left, Y agreed to pay ...": not X
            verb = verb.head.head if verb.dep_ == "pcomp" else verb.head  # "by acquiring": who did
        else:
            return None
        if verb.pos_ not in ("VERB", "AUX"):
            return None
    return None


def appositive_name(tok: Token) -> Optional[Token]:
    """The proper name set beside a described noun ("Dubai's flagship carrier Emirates
    Airline", "the investment firm Dunmore Capital"): who the description is, not its
    possessor; through one appositive description ("Crisply's largest shareholder, the
    investment firm Dunmore Capital")."""
    for _ in range(2):
        appos = [c for c in tok.children if c.dep_ == "appos"]
        if not appos or tok.pos_ == "PROPN" or tok.tag_ == "NNS":
            return None  # a group and its members ("the five largest companies - Amazon, ...") stays whole
        if appos[0].pos_ == "PROPN" and not is_code(appos[0]):
            return appos[0]  # not a market code ("Spot gold XAU=")
        tok = appos[0]
    return None


def inverted_clause(verb: Token, below: Optional[Token]) -> bool:
    """Whether the clause below (after it, joined as its adverbial clause) is really the
    main clause: the verb above is marked subordinate ("After ... left", "When ... said";
    data/subject.toml [subordinators]), so its subject owns none of the figures below
    ("After Neumann left the company in October, SoftBank ... committed to a $9.5 billion
    lifeline")."""
    # a finite verb with no subject of its own (SoftBank was hung elsewhere), not a participle
    # ("since the new Gannett will have ..., creating ..."); the word opens the clause,
    # however the parse tags it ("After" as a mark or a preposition)
    return below is not None and below.dep_ == "advcl" and below.i > verb.i and below.tag_ in _FINITE \
        and clause_subject(below) is None and any(
        c.dep_ in ("mark", "prep") and c.i == verb.left_edge.i and c.lower_ in subject_rules().subordinators.words
        for c in verb.children)


def _pobj(tok: Token, prep: str) -> Optional[Token]:
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ == prep:
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _by_agent(tok: Token) -> Optional[Token]:
    for c in tok.children:
        if c.dep_ in ("agent", "prep") and c.lower_ == "by":
            objs = [o for o in c.children if o.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _name(buyer: Token, doc: Doc, cues: Cues, span: Span) -> Optional[str]:
    """The buyer's name: an appositive name before a possessor that describes it ("Dubai's
    flagship carrier Emirates Airline" is Emirates Airline, not Dubai); a capital acting for
    its state ("Beijing resume buying") is the state ([transactions] capitals). A name only:
    a role ("investors bought") leaves the figure to the other rules."""
    capitals = subject_rules().transactions.capitals
    buyer = appositive_name(buyer) or buyer
    ent = next((e for e in doc_ents(doc) if e.start <= buyer.i < e.end and e.label_ in cues.subject_labels), None)
    # a name the tagger marks whole ("Dr. Patrick Soon-Shiong's": Patrick Soon-Shiong)
    whole = ent is not None and buyer.pos_ == "PROPN" and not any(c.dep_ == "conj" for c in buyer.children)
    name = canon(ent.text) if whole else name_np(buyer, doc, cues, span)[0]  # "Apple and Google paid": both
    if name is None and buyer.pos_ == "NOUN":
        # "Beijing resume buying ...", a capital the parse made a modifier of a noun
        name = next((c.text for c in buyer.children if c.dep_ == "compound" and c.text in capitals), None)
    if name in capitals:
        return capitals[name]
    if not name or not any(c.isupper() for c in name):
        return None
    return name


def goods_on_verb(doc: Doc, span: Span, q: Quantity, cues: Cues, ctx: Context):
    """A sum that is its clause's subject and comes, flows or is seized "in" goods ("$53
    million a week is coming across the border in drugs", "$2 billion flowed out in
    crude exports"): the goods' value, not the figure of whoever tells it."""
    if not is_money(q):
        return None
    tok = _noun_of(span)
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    goods = subject_rules().goods.goods
    verb = tok.head
    for t in verb.subtree:
        if t.dep_ == "pobj" and t.head.lower_ == "in" and t.lower_ in goods and _on_clause(t.head, verb):
            phrase = np_phrase(t, cues)
            if phrase:
                return phrase, STRONG
    return None


def _on_clause(prep: Token, verb: Token) -> bool:
    """Whether a preposition hangs on the verb, directly or on its place phrase ("coming
    across the border in drugs"), not inside another clause or the figure's own phrase."""
    tok = prep
    for _ in range(4):
        if tok.head.i == verb.i:
            return True
        if tok.head.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False
