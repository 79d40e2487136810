"""Metric: what a figure measures."""

from __future__ import annotations
import re
from functools import lru_cache
from typing import Optional
from spacy.tokens import Doc, Span, Token
from extract.records import Quantity
from extract.vocab import metric_vocabulary
from extract.lexicon import data_table
from extract.frame.cues import load_cues, lowered
from extract.frame.context import doc_text
from extract.frame.syntax import (capital_only_for_the_sentence, clause_subject, figure_inside, metric_of_tokens,
                                  metric_tokens, name_word, tokens_of)
from extract.frame.unit_metric import duration_metric, people_metric, unit_metric
from extract.frame.money_metric import budget_metric, money_context_metric, tariffed_metric
from extract.frame.revision import revision_metric
from extract.frame.measure_metric import measure_metric
from extract.frame.damage_metric import damage_metric
from extract.frame.crowd_metric import crowd_metric
from extract.frame.share_metric import clause_share_metric
from extract.frame.figures import VALUING_VERBS, anchor_of, figure_head, is_figure_token, is_money, measures_change, metric_rules, metrics_marked, valued_object, \
    verb_above, verb_guesses


def figure_metric(doc: Doc, sent: Span, q: Quantity) -> Optional[str]:
    """What the figure measures: read off the parse first (the noun it modifies,
    "revenue of $X", "$X in new debt", the subject of "is"/"rose to", "saves $14"),
    the vocabulary phrase nearest it only when the parse names nothing."""
    vocab = metric_vocabulary()
    text = doc_text(doc)[sent.start_char:sent.end_char]
    rel = q.start - sent.start_char
    rel_end = q.end - sent.start_char
    by_unit = unit_metric(sent, q) or budget_metric(doc, q) or revision_metric(doc, q) \
        or clause_share_metric(doc, sent, q) or tariffed_metric(doc, sent, q)
    if by_unit:
        return by_unit
    if is_money(q):
        per = _per_share_metric(doc, q) or ("price" if _per_unit_of_good(doc, q) else None)
        if per:
            return per
    if is_money(q) and _priced_at(doc, q):
        return "price"
    valued = valued_object(doc, q)
    if is_money(q) and valued is not None:
        return VALUING_VERBS[valued.head.lemma_.lower()]
    estimated = _estimated_object(doc, q) if is_money(q) else None
    if estimated is not None:
        return estimated
    if q.unit == "year" and re.fullmatch(r"\d{1,3}(?:\s*[-–]\s*\d{1,3})?", q.surface):
        return "age"  # a bare number of years is an age ("died at the age of 34", "Bryant, 16,")
    if q.unit == "points":
        return "points"  # "scored 34 points", "a nine-point run": sport's points are their own measure
    befell = people_metric(doc, q) or damage_metric(doc, q) or crowd_metric(doc, q)
    if befell:
        return befell  # "17,674 people were killed": deaths, not people
    if q.unit == "count" and q.noun:
        # "500 jobs", "1,000 maintenance workers": the counted noun is what is measured
        named = vocab.find(q.noun)
        if named and named[-1][1] == len(q.noun) and named[-1][2] in vocab.counted:
            return named[-1][2]
        return q.noun.lower()
    metric = _metric_of_clause_subject(doc, q)
    if metric is None:
        modified = _modified_noun(doc, q)
        if modified is not None:
            # "a $9.7 billion deal", "Closing a $600 billion gap requires AI that does not
            # merely assist workers": the noun the figure stands before is what it
            # measures, nearer than any vocabulary word in the rest of the sentence.
            words = metric_tokens(modified)
            if words:
                return metric_of_tokens(words)
            compounds = [t.lower_ for t in doc[tokens_of(doc, q).end:modified.i]
                         if t.dep_ == "compound" and t.head == modified]
            return " ".join(compounds + [modified.lemma_.lower()])
        metric = _parsed_metric(doc, sent, q)
    if metric is None:
        metric = _nearest_metric(text, rel, rel_end, vocab, q.unit)
    if metric is None:
        metric = duration_metric(doc, q) or measure_metric(doc, sent, q)
    if metric is None and q.unit == "W":
        # "a 2.1 GW floating solar project" is a plant's capacity; "a 96W adapter" a device's power
        metric = "capacity" if (q.value or q.high or 0) >= 1e6 else "power"
    if is_money(q) and (metric is None or metric in verb_guesses()):
        metric = money_context_metric(doc, sent, q, metric)
    if measures_change(sent, q) and not (q.unit == "percent" and metric in metrics_marked("rate")):
        metric = f"{metric} growth" if metric and not vocab.is_growth(metric) else (metric or "growth")
    return metric




def _per_share_metric(doc: Doc, q: Quantity) -> Optional[str]:
    """Money "a share": earnings per share only when earnings words govern it ("earned
    $2.8 billion, or 53 cents a share", "a loss of 5 cents a share", "analysts expected
    $1.20 a share"); an offer price under a bid ("bid $16.50 per share for Tribune");
    else a share price ("brought this public in 2014 at $16 a share")."""
    rules = metric_rules()
    if not rules.per_share_after.match(doc_text(doc), q.end):
        return None
    span = tokens_of(doc, q)
    if span is None:
        return "share price"
    attribution = load_cues().attribution_verbs
    x = anchor_of(span)
    for depth in range(12):
        if x.head.i == x.i:
            break
        x = x.head
        if depth and x.lemma_.lower() in attribution and x.lemma_.lower() not in _expecting_verbs():
            break  # "..., analysts said": the speaker's words say nothing of the figure
        words = [x] + [c for c in x.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")]
        for metric, cues in rules.per_share:
            if any(w.lemma_.lower() in cues or w.lower_ in cues for w in words):
                return metric
    return "share price"


@lru_cache(maxsize=1)
def _expecting_verbs() -> frozenset[str]:
    """Attribution verbs that speak of an expected figure ("Wall Street predicted $2.52 a
    share"): framing.toml's expecting and estimating verbs."""
    d = data_table("framing")
    return lowered(d["expecting_verbs"] + d["estimating_verbs"])


def _per_unit_of_good(doc: Doc, q: Quantity) -> bool:
    """"$55.12 per barrel", "$1,472.19 an ounce", "$0.23/W": the price of a good."""
    return bool(metric_rules().per_unit_after.match(doc_text(doc), q.end))


def _through_transparent(t: Token) -> Token:
    """"to the tune of $28 billion", "a total of $5 billion": the phrase around the
    figure stands where the figure would."""
    rules = metric_rules()
    for _ in range(3):
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in rules.transparent_nouns:
            t = t.head.head
        else:
            break
    return t


def _parsed_metric(doc: Doc, sent: Span, q: Quantity) -> Optional[str]:
    """The metric the parse names, in order: "$25 billion in quarterly revenue";
    "revenue of $167.4 million"; "90% of AI accelerator spending"; the subject of
    "is", "rose to" ("exports dropped to $9.1 billion"); what a change verb changes
    ("reduce GDP by 0.3 percent"); "spent $28 billion on payments"; the object a verb
    makes of money ("saves you $14"); a price ("sells it for $700")."""
    span = tokens_of(doc, q)
    if span is None:
        return None
    anchor = _through_transparent(anchor_of(span))
    if q.unit in _DURATION_UNITS:
        return _of_head_metric(anchor)  # "battery life of 30 minutes"; a clause's subject is no duration's
    rules = metric_rules()
    worth = _worth_of(anchor)
    if worth:
        return worth
    verb = _governing_verb(anchor)
    lemma = verb.lemma_.lower() if verb is not None else ""
    if verb is not None and anchor.dep_ == "attr" and lemma in _COPULAS:
        # "The overall impact is now over $4 billion per month in extra tariffs"
        named = _subject_metric(verb, span)
        if named:
            return named
    if is_money(q):
        named = _in_object_metric(span.root) or (_in_object_metric(anchor) if anchor is not span.root else None)
        if named:
            return named
        if _priced_by_deal(anchor):
            return "price"
    named = _of_head_metric(anchor)
    if named:
        return named
    if q.unit == "percent" and not measures_change(sent, q):
        named = _partitive_metric(doc, span)
        if named:
            return named
    if verb is None:
        return None
    changed = [c for c in verb.children if c.dep_ == "dobj" and c.i < anchor.i and not is_figure_token(c)]
    if lemma in rules.change_verbs and changed and anchor.dep_ == "pobj" and anchor.head.lower_ in ("by", "to", "from"):
        # "reduce the national gross domestic product by 0.3 percent", "increase solar
        # module efficiency from around 20% now to 24%": what the verb changes
        named = _noun_metric(changed[0])
        if named:
            return named
    if is_money(q) and lemma == "be" and anchor.dep_ == "pobj" and anchor.head.lower_ == "at":
        # "Brent was last at $60.73", "our previous mention was at $750"; a stock's is its
        # share price ("Its shares were down 8% at $145.60 in morning trading")
        return "share price" if _subject_metric(verb, span) == "share price" else "price"
    if (lemma in rules.subject_verbs or (q.unit == "percent" and lemma in rules.change_verbs)) and not changed:
        # an intransitive "rose", "is", "the index lost 0.12%": its subject is what is
        # measured; with an object the subject is who acts ("manufacturers increase efficiency")
        named = _subject_metric(verb, span)
        if named:
            return named
    if not is_money(q):
        return None
    if lemma in rules.spend_on:
        named = _spent_on_metric(verb)
        if named:
            return named
    if anchor.dep_ in ("dobj", "npadvmod", "attr", "oprd") and lemma in rules.verb_objects:
        # "training a single model could cost $5 billion": a metric its subject names
        # comes before the verb's own ("cost")
        subj = clause_subject(verb)
        if subj is not None:
            subj_text = doc_text(doc)[subj.left_edge.idx:subj.right_edge.idx + len(subj.right_edge.text)]
            hits = metric_vocabulary().find(subj_text)
            if hits:
                return hits[-1][2]
        return rules.verb_objects[lemma]
    return None


def _spent_on_metric(verb: Token) -> Optional[str]:
    """"spent $28 billion on payments to farmers" -> payments, "spent $21.4 billion on
    capital expenditures" -> capex: what the money is spent on."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "on":
            objs = [o for o in prep.children if o.dep_ == "pobj"]
            if objs:
                return _noun_metric(objs[0])
    return None


_COPULAS = frozenset({"be", "remain", "stay", "become"})


def _subject_metric(verb: Token, span: Span) -> Optional[str]:
    subj = clause_subject(verb)
    if subj is None and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        # "WeWork's 2025 bond has weakened sharply, hitting 16.057% on Monday"
        subj = clause_subject(verb.head)
    if subj is None or figure_inside(subj, span) or span.start <= subj.i < span.end:
        return None
    return _named_growth(subj) or _noun_metric(subj)


def _named_growth(noun: Token) -> Optional[str]:
    """The growth of a named metric ("sales growth"), or "" for a change noun that names
    none ("those gains"): the vocabulary may still say what grew."""
    grown = _growth_noun_metric(noun)
    if grown is None:
        return None
    return "" if grown == "growth" else grown


def _worth_of(anchor: Token) -> Optional[str]:
    """"a deal worth $600 million", "a lifeline from SoftBank worth up to $8 billion":
    the noun that is worth the money; a company's worth is its valuation."""
    worth = anchor.head
    if worth.lower_ != "worth" or anchor.dep_ not in ("pobj", "npadvmod", "dobj", "nummod"):
        return None
    noun = worth.head
    if noun.pos_ == "ADP" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    named = _noun_metric(noun)
    if named:
        return named
    cues = load_cues()
    if noun.pos_ == "PROPN" or noun.lower_ in cues.anaphoric_heads or noun.ent_type_ == "ORG":
        return "valuation"
    return None


def _priced_by_deal(anchor: Token) -> bool:
    """Money after "for" or "at" on a word of buying or selling, which the parser may
    hang a few words lower: "offers the MacBook in refurbished condition for $700",
    "acquired the stake held by its chairman for $13 a share", "start at $169.99"."""
    rules = metric_rules()
    if anchor.dep_ != "pobj" or anchor.head.lower_ not in ("for", "at"):
        return False
    words = rules.priced_for if anchor.head.lower_ == "for" else rules.priced_at
    x = anchor.head
    for _ in range(5):
        if x.head.i == x.i:
            return False
        x = x.head
        if x.lemma_.lower() in words or x.lower_ in words:
            return True
        if x.pos_ in ("VERB", "AUX") and x.dep_ not in ("acl", "relcl"):
            return False  # the clause's own verb is no sale: look no higher
    return False


def _governing_verb(t: Token) -> Optional[Token]:
    """The verb a figure (or the phrase standing for it) hangs on, as its object or
    adverbial or through a preposition ("rose to", "down from", "spent ... to the tune of")."""
    head = t.head
    if t.dep_ == "pobj" and head.dep_ in ("prep", "agent", "dative"):
        head = head.head
        if head.pos_ in ("ADV", "ADJ") and head.dep_ in ("advmod", "acomp", "prep") and head.head.pos_ in ("VERB", "AUX"):
            head = head.head  # "..., down from $19.5 billion", "fell short of the $20"
    elif t.dep_ not in ("dobj", "npadvmod", "attr", "oprd"):
        return None
    return head if head.pos_ in ("VERB", "AUX") and head.i != t.i else None


def _in_object_metric(t: Token) -> Optional[str]:
    """"$25 billion in quarterly revenue", "$2.53 in per-share earnings", "$1.5 trillion
    in new debt": money followed by "in" and what it is, not a place or a time."""
    for prep in t.children:
        if prep.dep_ == "prep" and prep.lower_ == "in" and prep.i > t.i:
            for o in prep.children:
                if o.dep_ == "pobj":
                    return _noun_metric(o)
    return None


def _of_head_metric(t: Token) -> Optional[str]:
    """"a loss of $304.7 million", "long-term debt of more than $700 million", "a
    required minimum contribution of $124 million": the noun the figure is "of"."""
    if t.dep_ != "pobj" or t.head.lower_ != "of" or t.head.dep_ != "prep":
        return None
    noun = t.head.head
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    grown = _named_growth(noun)
    return grown if grown is not None else _noun_metric(noun)


def _partitive_metric(doc: Doc, span: Span) -> Optional[str]:
    """"90% of AI accelerator spending", "About 36% of imports are computers": the share
    of what follows; "80% of the market" is the vocabulary's market share."""
    root = span.root
    for prep in root.children:
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i == span.end:
            objs = [o for o in prep.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")]
            if not objs:
                return None
            o = objs[0]
            phrase = doc_text(doc)[prep.idx:o.idx + len(o.text)]
            hits = [h for h in metric_vocabulary().find(phrase) if h[0] == 0]
            if hits:
                return hits[0][2]
            words = [w for w in doc[prep.i + 1:o.i + 1] if w.dep_ in ("compound", "amod") or w.i == o.i]
            words = [w for w in words if w.lower_ not in load_cues().drop_words and w.pos_ != "VERB"] or [o]
            return "share of " + " ".join(w.lower_ for w in words)
    return None


def _growth_noun_metric(noun: Token) -> Optional[str]:
    """"comparable-store sales growth", "an increase in revenue": a change noun names
    the growth of the metric it is about ("revenue growth"); bare, it is "growth"."""
    vocab = metric_vocabulary()
    if noun.lower_ not in vocab.growth_cues and noun.lemma_.lower() not in vocab.growth_cues:
        return None
    if noun.pos_ != "NOUN":
        return None
    text = doc_text(noun.doc)
    left = [t for t in noun.subtree if t.i < noun.i and t.dep_ not in ("det", "poss", "case")]
    of_what = None
    if left:
        phrase = text[left[0].idx:noun.idx].strip()
        hits = [h for h in vocab.find(phrase) if h[1] == len(phrase)]
        of_what = hits[-1][2] if hits else None
    if of_what is None:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "of"):
                objs = [o for o in prep.children if o.dep_ == "pobj"]
                of_what = _noun_metric(objs[0]) if objs else None
                break
    return f"{of_what} growth" if of_what and not vocab.is_growth(of_what) else "growth"


def _noun_metric(noun: Token) -> Optional[str]:
    """The metric a noun names: the vocabulary's when its phrase ends in one ("the
    company's long-term debt" -> debt, "per-share earnings"), else its own head noun
    phrase ("agricultural exports" -> exports, "payments"), unless it names no measure
    (a company, a person, a time, a currency, a pronoun)."""
    vocab = metric_vocabulary()
    text = doc_text(noun.doc)
    left = [t for t in noun.subtree if t.i < noun.i and t.dep_ not in ("det", "poss", "case", "predet")
            and not t.like_num]
    start = left[0].idx if left else noun.idx
    phrase = text[start:noun.idx + len(noun.text)]
    hits = [h for h in vocab.find(phrase) if h[1] == len(phrase)]
    if hits:
        best = min(hits, key=lambda h: h[0])
        line = [t for t in left if t.idx < start + best[0]]
        if _a_line(line) and all(t.dep_ == "compound" and t.pos_ == "NOUN" and not name_word(t) for t in line):
            # "cloud infrastructure revenue": a line of business's revenue is not the
            # company's, so the line stays in the metric
            return " ".join(t.lower_ for t in line) + " " + best[2]
        return best[2]
    if not _measure_noun(noun) or noun.lower_ in load_cues().benchmark_nouns:
        return None  # "below expectations of $41.29 billion": what is expected is told elsewhere
    compounds = []
    not_names = load_cues().not_entities
    for t in reversed(list(noun.doc[left[0].i if left else noun.i:noun.i])):
        if _after_glued_hyphen(t):
            break  # "a five-year deal": the tail of a hyphenated word is no part of the measure
        if t.dep_ == "compound" and t.head.i == noun.i and not t.like_num and (
                t.pos_ == "NOUN" or t.text in not_names):
            compounds.insert(0, t.text if t.text in not_names else t.lower_)  # "GPU purchases", "AI infrastructure"
        else:
            break
    return " ".join(compounds + [noun.lemma_.lower()])


def _measure_noun(noun: Token) -> bool:
    """Can this noun be what a figure measures? Not a name, a pronoun, a company word,
    a time, a currency, or a level of something else ("the $1 billion barrier")."""
    rules = metric_rules()
    cues = load_cues()
    low, lemma = noun.lower_, noun.lemma_.lower()
    if not _COMMON_WORD.fullmatch(noun.text):
        return False  # a code or ticker (".DJI", "=RR"), not a word
    if noun.pos_ != "NOUN" or noun.like_num or noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC",
                                                                   "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL"):
        return False
    if low in cues.pronouns or low in cues.anaphoric_heads or lemma in cues.anaphoric_heads:
        return False
    if low in rules.time_nouns or low in rules.currency_nouns or low in rules.transparent_nouns \
            or low in rules.owner_nouns or lemma in rules.owner_nouns or low in rules.place_nouns:
        return False
    if (low in rules.generic_nouns or lemma in rules.generic_nouns) and not any(
            c.dep_ == "compound" for c in noun.children):
        return False  # "the ratio of capital expenditure to revenue": a vocabulary word says more
    if low in cues.level_nouns or lemma in cues.level_nouns or cues.source_descriptors.search(noun.text):
        return False
    return not (low in metric_vocabulary().growth_cues or lemma in metric_vocabulary().growth_cues)


def _nearest_metric(text: str, rel: int, rel_end: int, vocab, unit: str = "") -> Optional[str]:
    """The vocabulary phrase nearest the figure in its sentence, one after it only if
    it is close ("$850 billion lease obligations"). A duration takes only a metric
    that is one ("a six-year depreciation period")."""
    hits = [h for h in vocab.find(text) if h[1] <= rel or h[0] >= rel_end]
    if unit in _DURATION_UNITS:
        hits = [h for h in hits if h[2] in vocab.durations]
    if not hits:
        return None

    def distance(h):
        return rel - h[1] if h[1] <= rel else (h[0] - rel_end) * 1.5
    best = min(hits, key=distance)
    return best[2] if distance(best) < 120 else None


_COMMON_WORD = re.compile(r"[A-Za-z]?[a-z]+(?:[-'’][A-Za-z]+)*")


_DURATION_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second"})


def _line_of(words: list[Token], metric: str) -> str:
    """"Cloud infrastructure revenue will grow 77%": the nouns right before a metric's
    words that name a line of business without a name stay in the metric, so that
    the line's revenue never meets the company's ("Azure revenue" is Azure's revenue)."""
    head = words[-1]
    line: list[Token] = []
    for t in reversed(list(head.doc[max(0, words[0].i - 4):words[0].i])):
        common = t.pos_ == "NOUN" or t.pos_ == "PROPN" and capital_only_for_the_sentence(t)
        if t.dep_ == "compound" and common and t.head.i in {w.i for w in words} | {x.i for x in line} \
                and not name_word(t) and not t.like_num:
            line.insert(0, t)
        else:
            break
    if not line:
        line = _segment_line(head)
    if not _a_line(line) or any(c.dep_ == "det" for c in head.children):
        return metric
    return " ".join(t.lower_ for t in line) + " " + metric


def _segment_line(head: Token) -> list[Token]:
    """"Sales in its data center segment": the line a metric is in, named by the
    segment noun's own modifiers."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "from", "of"):
            for o in prep.children:
                if o.dep_ == "pobj" and o.lemma_.lower() in load_cues().segment_nouns:
                    mods = [t for t in o.children if t.dep_ == "compound" and t.pos_ in ("NOUN", "PROPN")
                            and not name_word(t)]
                    words = sorted({x for m in mods for x in m.subtree if x.dep_ in ("compound",) or x is m},
                                   key=lambda t: t.i)
                    if words:
                        return words
    return []


def _after_glued_hyphen(t: Token) -> bool:
    """Is `t` the tail of a hyphenated word ("term" of "long-term", "year" of "five-year")?"""
    return t.i > 0 and t.doc[t.i - 1].text == "-" and not t.doc[t.i - 1].whitespace_


def _a_line(line: list[Token]) -> bool:
    """Do these nouns name a line of business: not words that describe the figure
    ("record revenue"), nor the tail of a hyphenated word ("long-term debt")?"""
    if not line:
        return False
    first = line[0]
    return not _after_glued_hyphen(first) and not any(t.lower_ in load_cues().not_line_words for t in line)


def _metric_of_clause_subject(doc: Doc, q: Quantity) -> Optional[str]:
    """"Total revenue rose 18% to $77.7 billion, while net income climbed 12% to $27.7
    billion": the metric that is the subject of the verb a figure hangs on ("to",
    "by", "at", "of", or as its object), before any vocabulary word nearer by text."""
    verb = verb_above(doc, q)
    subj = clause_subject(verb) if verb is not None else None
    if subj is None or figure_inside(subj, tokens_of(doc, q)):
        return None
    per = _per_phrase(subj)
    if per:
        return per  # "Adjusted earnings per share were $2.03": not the company's earnings
    words = metric_tokens(subj)
    if words:
        return _line_of(words, metric_of_tokens(words))
    # "comparable-store sales growth in 2019 will be 3.5%": the growth of a metric
    grown = _growth_noun_metric(subj)
    return grown if grown and grown != "growth" else None


def _estimated_object(doc: Doc, q: Quantity) -> Optional[str]:
    """"estimated the cost of rebuilding at $5.5 billion": the measure the object names
    (metrics.toml [estimated_at])."""
    span = tokens_of(doc, q)
    if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ != "at":
        return None
    verbs = metric_vocabulary().rules.get("estimated_at", {}).get("verbs", [])
    verb = span.root.head.head
    for _ in range(4):  # "estimated the cost of rebuilding at $5.5 billion": "at" hung on "rebuilding"
        if verb.lemma_.lower() in verbs or verb.dep_ not in ("pcomp", "pobj", "prep", "dobj") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs:
        return None
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.i < span.start]
    return _noun_metric(objs[0]) if objs else None


def _per_phrase(noun: Token) -> Optional[str]:
    """"earnings per share", "sales per square foot": a metric the vocabulary names with
    the noun's "per" phrase, which metric_tokens (words before the noun) cannot see."""
    for prep in noun.children:
        objs = [o for o in prep.children if o.dep_ == "pobj"] if prep.dep_ == "prep" and prep.lower_ == "per" else []
        if objs:
            phrase = " ".join(t.text for t in noun.doc[noun.i:objs[0].i + 1]).lower()
            return metric_vocabulary().canonical.get(phrase)
    return None


def _modified_noun(doc: Doc, q: Quantity) -> Optional[Token]:
    """The noun a figure modifies when it is what the figure measures: not one that
    marks a level of some other measure ("the $1 billion barrier", "a $180 billion
    capex budget") or a change (a "12% rise" in what follows)."""
    head = figure_head(doc, q)
    if head is None:
        return None
    rules = metric_rules()
    if head.lower_ in rules.currency_nouns:
        # "a $75.3 billion dollar hit": the currency word repeats the unit; the word
        # after it (which the parser may take for a verb) is what is measured
        after = doc[head.i + 1] if head.i + 1 < len(doc) else None
        if after is None or not after.is_alpha or after.is_stop or after.pos_ not in ("NOUN", "VERB"):
            return None
        head = after
    if head.lower_ in rules.time_nouns or head.lemma_.lower() in rules.generic_nouns and not is_money(q) and not any(
            c.dep_ == "compound" for c in head.children):
        return None  # "5% a year": a time; "grew at a 1.6% annual rate": the clause says what rate
    if head.lower_ == "worth" or head.lower_ in rules.transparent_nouns:
        # "tariffs on $360 billion worth of Chinese goods", "a $250 billion list of
        # goods": what the phrase is of
        of = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        return of[0] if of and of[0].pos_ == "NOUN" else None
    cues = load_cues()
    if head.lower_ in cues.level_nouns or head.lemma_.lower() in cues.level_nouns \
            or head.lower_ in metric_vocabulary().growth_cues or cues.source_descriptors.search(head.text):
        return None  # a level, a change, or a misparse onto the analysts who expect it
    return head


def _priced_at(doc: Doc, q: Quantity) -> bool:
    """"ChatGPT Plus at $20 per month", "Brent crude at $80 a barrel": money after
    "at" on a noun is that thing's price."""
    span = tokens_of(doc, q)
    if span is None:
        return False
    at = span.root.head
    return span.root.dep_ == "pobj" and at.lower_ == "at" and at.head.pos_ in ("NOUN", "PROPN")
