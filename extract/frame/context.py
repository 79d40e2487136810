"""What framing passes around: the `Frame` of one quantity, the `Context` earlier
sentences leave for later ones, and how a subject or source was found."""

from __future__ import annotations
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Callable, Optional, TypeVar
from spacy.tokens import Doc, Span, Token
from extract.records import Kind, Quantity

T = TypeVar("T")


# How a subject was found. A subject read off the figure's own clause is "strong";
# one guessed from context is "weak" and gives way to a restatement's (link_restatements).
STRONG = "strong"


WEAK = "weak"


TOPIC = "topic"  # the article's topic, for a figure whose text names no owner


@dataclass(slots=True, eq=False)  # eq=False: a frame is one quantity's, compared by identity
class Frame:
    """What framing found for one quantity."""

    quantity: Quantity
    quote: str
    quote_start: int
    subject: object
    metric: object
    period: object
    source: object
    kind: Kind
    subject_how: Optional[str] = None
    in_conditional: bool = False
    region: int = 0
    heading: bool = False
    source_how: Optional[str] = None


@dataclass
class Context:
    """What earlier sentences leave for later ones."""

    subject: Optional[str] = None  # the topic entity of the last sentence that named one
    subject_para: int = -1  # ... and its paragraph
    named: Optional[str] = None  # the last topic named, kept across sentences that name none
    named_para: int = -1  # ... and its paragraph
    group: Optional[str] = None  # the last group named as a topic ("the big five hyperscalers")
    group_para: int = -1  # ... and its paragraph
    person: Optional[str] = None  # the last person named (for "he", "she"), kept by frame/__init__.py
    person_para: int = -1  # ... and its paragraph
    actor: Optional[str] = None  # the last person named who acts, not one who only says ("Vogel said")
    actor_para: int = -1  # ... and its paragraph
    para: int = -1  # the paragraph being framed
    source: Optional[str] = None  # the last credited source ...
    source_para: int = -1  # ... and the paragraph it was credited in
    source_estimates: bool = False  # ... and whether it was credited as an estimate ("has calculated")
    source_expects: bool = False  # ... and whether it was credited with an expectation ("analysts were expecting")
    source_self: bool = False  # ... and whether it reported its own figure ("Amazon announced ...")
    source_research: bool = False  # ... and whether it was credited for research ("according to a study")
    study_source: Optional[str] = None  # a study's source a figureless quotation interrupts, not ends
    quote_open: bool = False  # the last source's quotation runs on past its paragraph
    last_period: Optional[str] = None  # the last period mentioned (for "the same period")
    last_period_unit: Optional[str] = None
    illustration_para: int = -1  # paragraph in which an illustration was opened
    para_period: Optional[str] = None
    reporting: Optional[str] = None  # the period a results story reports (extract/article_time.py)
    study: Optional[str] = None  # the window a research story's data covers (extract/article_time.py)
    para_metric: Optional[str] = None
    para_growth: Optional[str] = None  # the paragraph's last named growth ("comparable sales growth")
    buyer: Optional[str] = None  # the last buyer named in a deal (frame/transaction.py) ...
    buyer_para: int = -1  # ... and its paragraph


def quote_open(text: str) -> bool:
    """Does the text leave a quotation open: more opening than closing curly marks, or an
    odd number of straight ones?"""
    return text.count("“") > text.count("”") or text.count("\"") % 2 == 1


def per_doc(doc: Doc, key: str, make: Callable[[Doc], T]) -> T:
    """`make(doc)`, made on first use and kept on the doc (`doc.user_data[key]`): framing
    asks the same of a doc for every figure, and a parsed Doc never changes once made."""
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = make(doc)
    return found


def doc_text(doc: Doc) -> str:
    """The doc's text, joined once: spaCy rebuilds `Doc.text` from its tokens on every
    access, which made framing quadratic in the length of the document."""
    return per_doc(doc, "claims.text", lambda d: d.text)


def keep_text(doc: Doc, text: str) -> None:
    """Keep the text `doc` was made from as its text: spaCy's tokenizer loses no character,
    so it is `doc.text` without joining a Token object per token to rebuild it."""
    if doc.user_data.get("claims.text") is None:
        doc.user_data["claims.text"] = text


def kept(doc: Doc, table: str, key: object, make: Callable[[], T]) -> T:
    """`make()`, made once per doc and key and kept in the doc's user data under `table`:
    for what framing reads of a parsed Doc, which never changes once made (the roles ask
    the same of a sentence, a verb or a noun for each figure). Dropped with the doc."""
    made = per_doc(doc, table, lambda d: {})
    if key not in made:
        made[key] = make()
    return made[key]


def sent_text(sent: Span) -> str:
    """`sent.text`, sliced from the doc's text: spaCy joins a span's tokens on every read."""
    return doc_text(sent.doc)[sent.start_char:sent.end_char]


def sent_tokens(sent: Span) -> list[Token]:
    """The sentence's tokens, made once per sentence: spaCy makes a new Token object for
    every token on every walk over a span, and framing walks a sentence for each figure."""
    made = sent.doc.user_data.setdefault("claims.sent_tokens", {})
    tokens = made.get((sent.start, sent.end))
    if tokens is None:  # a Doc's tokens never change once made
        tokens = made[(sent.start, sent.end)] = list(sent)
    return tokens


def sentence_of(tok: Token) -> Span:
    """`tok.sent`, found by bisection in the doc's sentences made once per doc: spaCy
    walks the token's sentence to its boundaries (a Token object a step) on every read."""
    sents, starts = per_doc(tok.doc, "claims.sents", _doc_sents)
    return sents[bisect_right(starts, tok.i) - 1]


def _doc_sents(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    """The doc's sentences and their first tokens."""
    sents = tuple(doc.sents)
    return sents, [s.start for s in sents]


def ents_between(doc: Doc, start: int, end: int) -> list[Span]:
    """The named entities wholly inside tokens [start, end), in order: what
    `doc[start:end].ents` gives, found by bisection in entities made once per doc.
    spaCy builds a Span for every entity of the doc on each read of `doc.ents` or of
    a sentence's `.ents`, which made framing quadratic in the length of a paragraph
    (issue 18: 9.9 s at 10k characters without full stops, 142 s at 50k)."""
    ents, starts = _doc_ents(doc)
    out = []
    for k in range(bisect_left(starts, start), len(ents)):
        if ents[k].end > end:
            break  # entities do not overlap: every later one ends later still
        out.append(ents[k])
    return out


def span_ents(span: Span) -> list[Span]:
    """`span.ents` (the entities wholly inside the span), without reading the whole doc's."""
    return ents_between(span.doc, span.start, span.end)


def entity_at(tok: Token) -> Optional[Span]:
    """The named entity the token is part of, or None (by bisection in the doc's entities)."""
    ents, starts = _doc_ents(tok.doc)
    k = bisect_right(starts, tok.i) - 1
    return ents[k] if k >= 0 and tok.i < ents[k].end else None


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, made once per doc (spaCy builds a Span per entity on every read)."""
    return _doc_ents(doc)[0]


def _doc_ents(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    """The doc's entities and their first tokens, made on first use: a parsed Doc's
    entities are never set again once framing reads them."""
    def make(d: Doc) -> tuple[tuple[Span, ...], list[int]]:
        ents = tuple(d.ents)
        return ents, [e.start for e in ents]
    return per_doc(doc, "claims.ents", make)


POINTS_BACK = "\x00points back"


BY_POINTER = "pointer"  # "it found", "his figure": the sentence points back to the source


BY_PARAGRAPH = "paragraph"  # the source credited earlier in the same paragraph


ITS_OWN = "\x00its own"  # "..., the company said": each figure's own company is its source


ITSELF = "itself"  # source_how of a figure whose company, still unknown, is its own source
