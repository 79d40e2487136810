"""Where a figure stands in its sentence: money or change, the verb above it, the noun
it modifies, a baseline it is measured from. Shared by metric, period and kind."""

from __future__ import annotations
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional
from spacy.tokens import Doc, Span, Token
from extract.records import Quantity
from extract.vocab import metric_vocabulary
from extract.frame.cues import lowered
from extract.lexicon import alternation
from extract.rule_files import FiguresRules, MetricsRules
from extract.rules import load_rules
from extract.frame.context import doc_text
from extract.frame.syntax import clause_subject, tokens_of


@dataclass(frozen=True)
class _MetricRules:
    """metrics.toml's word lists for reading a metric off the parse (all lower-case)."""
    per_share: tuple[tuple[str, frozenset[str]], ...]  # metric, the words that make a per-share figure it
    per_share_after: re.Pattern  # "a share", "per diluted share", "/share" right after the figure
    per_unit_after: re.Pattern  # "per barrel", "an ounce", "/W" right after the figure
    priced_for: frozenset[str]
    priced_at: frozenset[str]
    verb_objects: dict[str, str]
    spend_on: frozenset[str]
    subject_verbs: frozenset[str]
    change_verbs: frozenset[str]
    time_nouns: frozenset[str]
    currency_nouns: frozenset[str]
    transparent_nouns: frozenset[str]
    owner_nouns: frozenset[str]
    generic_nouns: frozenset[str]
    place_nouns: frozenset[str] = frozenset()


@lru_cache(maxsize=None)
def metric_rules() -> _MetricRules:
    r = metric_vocabulary().rules
    units = alternation(r["per_unit"]["units"])
    return _MetricRules(
        per_share=tuple((metric, lowered(words)) for metric, words in r["per_share"].items()),
        per_share_after=re.compile(
            r"\s*(?:per|an?|each|/)\s*(?:(?:diluted|basic|common|ordinary|class\s+[A-Z])\s+)?share\b", re.I),
        per_unit_after=re.compile(rf"\s*(?:per|an?|each|/)\s*(?:{units})(?![\w-])", re.I),
        priced_for=lowered(r["priced"]["for"]),
        priced_at=lowered(r["priced"]["at"]),
        verb_objects={k.lower(): v for k, v in r["verb_objects"].items()},
        spend_on=lowered(r["spend_on"]["verbs"]),
        subject_verbs=lowered(r["subject_verbs"]["words"]),
        change_verbs=lowered(r["growth"]["verbs"]),
        time_nouns=lowered(r["nouns"]["time"]),
        currency_nouns=lowered(r["nouns"]["currency"]),
        transparent_nouns=lowered(r["nouns"]["transparent"]),
        owner_nouns=lowered(r["nouns"]["owners"]),
        generic_nouns=lowered(r["nouns"]["generic"]),
        place_nouns=lowered(r["nouns"].get("places", [])),
    )


def anchor_of(span: Span) -> Token:
    """The token whose place in the sentence says what the figure measures: the
    figure's root, or for a restatement ("fell 102.2 points, or 0.36%", "for $13 a
    share or $117.9 million") the first figure's."""
    t = span.root
    for _ in range(5):
        restates = t.dep_ == "appos" or (t.dep_ == "conj" and any(
            c.dep_ == "cc" and c.lower_ == "or" for c in t.head.children))
        if restates and is_figure_token(t.head):
            t = t.head
        else:
            break
    return t


def is_figure_token(t: Token) -> bool:
    """A number or a figure's head ("18%" as the object of "rose")."""
    return t.like_num or t.pos_ == "NUM" or t.text in ("%", "$") or any(
        c.like_num and c.dep_ in ("nummod", "compound", "quantmod") for c in t.children)


def figure_head(doc: Doc, q: Quantity) -> Optional[Token]:
    """The noun a money or percent figure stands before as a modifier ("a $600
    billion gap", "a 25% stake", "the $5.5 billion consensus estimate")."""
    if not (is_money(q) or q.unit == "percent"):
        return None
    span = tokens_of(doc, q)
    if span is None:
        return None
    root = span.root
    head = root.head
    if root.dep_ not in ("compound", "nummod", "amod", "quantmod", "nmod") or head.pos_ != "NOUN" or head.dep_ == "poss":
        return None
    if any(c.dep_ in ("aux", "auxpass") for c in head.children):
        return None  # a verb misread as a noun: "Where does this trillion-dollar gamble end?"
    if not (span.end <= head.i <= span.end + 2) or any(
            t.dep_ not in ("compound", "amod") or t.head != head or t.pos_ == "VERB" for t in doc[span.end:head.i]):
        return None
    return head


# "valued the company at $10 billion", "priced the shares at $42": what the verb measures.
VALUING_VERBS = {"value": "valuation", "price": "price"}


def valued_object(doc: Doc, q: Quantity) -> Optional[Token]:
    """The object of "valued X at $N" / "priced X at $N", or None."""
    span = tokens_of(doc, q)
    if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ != "at":
        return None
    verb = span.root.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in VALUING_VERBS:
        return None
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.i < span.start]
    return objs[0] if objs else None


def _is_growth(text: str, rel: int, rel_end: int, vocab) -> bool:
    """A growth word among the few words next to the figure, within its phrase: not
    across a comma ("averaged 5.7 percent in October, down from 6.2 percent")."""
    before = _PHRASE_BREAK.split(text[max(0, rel - 40):rel])[-1]
    after = _PHRASE_BREAK.split(text[rel_end:rel_end + 30])[0]
    before_words = re.findall(r"[\w/-]+", before.lower())[-4:]
    after_words = re.findall(r"[\w/-]+", after.lower())[:3]
    if after_words[:1] == ["or"]:
        after_words = []  # "70%-80% or higher" is a bound, no change
    # "buy up to an additional 15 per cent": "up to" is a bound, no rise
    before_words = [w for i, w in enumerate(before_words) if not (w == "up" and before_words[i + 1:i + 2] == ["to"])]
    return any(w in vocab.growth_cues for w in before_words + after_words)


_PHRASE_BREAK = re.compile(r"[,;:](?!\d)")


def measures_change(sent: Span, q: Quantity) -> bool:
    """A percent or multiplier that measures a change: a growth word near it ("grew
    28%"), or a change verb it hangs on however far before it ("increased the price
    of this service by about 20%")."""
    if q.unit not in ("percent", "times", "percentage_point"):
        return False
    vocab = metric_vocabulary()
    text = doc_text(sent.doc)[sent.start_char:sent.end_char]
    if _level_of_change(sent, q):
        # a level, unless what changes is itself a growth ("Revenue growth has slowed to 3%")
        verb = verb_above(sent.doc, q)
        subj = clause_subject(verb) if verb is not None else None
        return subj is not None and subj.lemma_.lower() in vocab.growth_cues
    span = tokens_of(sent.doc, q)
    if _is_growth(text, q.start - sent.start_char, q.end - sent.start_char, vocab):
        return True
    if span is None:
        return False
    # the word the figure (or the figure it restates: "fell 102.2 points, or 0.36%")
    # depends on, through "by": "doubled" itself, "are cutting" for "60% of companies
    # are cutting", "fallen by an order of magnitude", "added 0.1%", "lost 0.12%"
    anchor = anchor_of(span)
    if anchor.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "prep" and c.lower_ == "of" for c in anchor.children):
        return False  # "About 60% of surveyed companies are cutting costs": a share of them, no change
    head = anchor.head
    if anchor.dep_ == "pobj" and head.lower_ in ("by", "to"):
        head = head.head
    lemma = head.lemma_.lower()
    return head.pos_ == "VERB" and (head.lower_ in vocab.growth_cues or lemma in vocab.growth_cues
                                    or lemma in metric_rules().change_verbs)


_PLACES = load_rules("figures.toml", FiguresRules)  # data/figures.toml
_FROM_OR_TO = re.compile(_PLACES.from_or_to, re.I)
_LEVEL_NOW = re.compile(_PLACES.level_now, re.I)


def _before_figure(sent: Span, q: Quantity) -> str:
    """The sentence's text before the figure, its hedge left out ("up from about $230
    billion" -> "up from ")."""
    before = doc_text(sent.doc)[sent.start_char:q.start]
    if q.hedge and before.rstrip().lower().endswith(q.hedge.lower()):
        before = before.rstrip()[:-len(q.hedge)]
    return before


def _level_of_change(sent: Span, q: Quantity) -> bool:
    """"increased from 10% to 25%", "rose 3 points to 41%", "down from 30%": the
    figures a change starts from or ends at are levels, not the change."""
    return _FROM_OR_TO.search(_before_figure(sent, q)) is not None


# Prepositions through which a figure hangs on a verb: "rose 18% to $77.7 billion".
_VERB_PREPOSITIONS = ("to", "by", "at", "of", "from")


def verb_above(doc: Doc, q: Quantity) -> Optional[Token]:
    """The verb a figure hangs on, as its object or adverbial or through a preposition."""
    span = tokens_of(doc, q)
    if span is None:
        return None
    t = span.root
    head = t.head
    if t.dep_ == "pobj" and head.lower_ in _VERB_PREPOSITIONS and head.dep_ in ("prep", "agent"):
        head = head.head
    elif t.dep_ not in ("dobj", "npadvmod", "attr"):
        return None
    return head if head.pos_ in ("VERB", "AUX") else None


def is_money(q: Quantity) -> bool:
    return len(q.unit) == 3 and q.unit.isupper()


def is_change(q: Quantity, sent: Span) -> bool:
    """A rate of change ("doubling", "13 times higher", "grew 28%")."""
    return q.unit == "times" or measures_change(sent, q)


def level_now(sent: Span, q: Quantity) -> bool:
    """"from around $0.23/W today to $0.10 by 2030": the level now, not the target."""
    return _LEVEL_NOW.match(doc_text(sent.doc)[q.end:q.end + 30]) is not None


_BASELINE_FIGURE = re.compile(_PLACES.baseline_before, re.I)


def baseline_figure(sent: Span, q: Quantity) -> bool:
    """"expected to spend $350 billion this year, up from about $230 billion in 2024":
    the figure a change is measured from is what was, not what is expected."""
    return _BASELINE_FIGURE.search(_before_figure(sent, q)) is not None


FROM_LEVEL_JUST_BEFORE = re.compile(_PLACES.from_level_just_before, re.I)


@lru_cache(maxsize=None)
def metrics_marked(mark: str) -> frozenset[str]:
    """The canonical metrics metrics.toml marks with `mark` ("place", "stock", "rate")."""
    return frozenset(name for name, m in load_rules("metrics.toml", MetricsRules).metrics.items() if getattr(m, mark))


@lru_cache(maxsize=1)
def verb_guesses() -> frozenset[str]:
    """The metrics a bare verb gives its money ("earned $X" -> net income; metrics.toml verb_objects)."""
    return frozenset(metric_vocabulary().rules["verb_objects"].values())
