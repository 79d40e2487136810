"""Framing: who a figure is about, what it measures, when, who says so, what kind.

Works on a parsed spaCy `Doc` whose `doc._.quantities` the recogniser filled. For each
quantity it reads the sentence around it:

- subject: the grammatical subject of the verb governing the figure ("Alphabet raised
  its guidance to $180-190 billion"), else a possessive before it ("Amazon's capex"),
  else an organisation named before it, else the previous sentence's subject when
  this clause points back to it ("It", "The company"); canonical via entities.toml;
- metric: the vocabulary phrase nearest the figure in its sentence (metrics.toml),
  turned into "<metric> growth" for a rate of change; else the figure's head noun;
- period: the nearest time reference in the sentence (extract/periods.py);
- source: "according to X", "X estimates", "a study from X", "X's analysis",
  carried over from the previous sentence when this one continues it;
- kind: illustrative (hypotheticals), forecast, estimate or fact, from cue words.

Cue words are in data/framing.toml.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from spacy.tokens import Doc, Span, Token

from claims.models import Kind, Quantity
from claims.vocab import entity_table, metric_vocabulary
from extract.periods import find_periods


@dataclass(frozen=True)
class _Cues:
    attribution_verbs: frozenset[str]
    source_prepositions: re.Pattern
    source_nouns: frozenset[str]
    source_carry: re.Pattern
    forecast: re.Pattern
    estimate: re.Pattern
    illustrative: re.Pattern
    conditional: frozenset[str]
    pronouns: frozenset[str]
    subject_labels: frozenset[str]
    source_labels: frozenset[str]


def _words_re(words) -> re.Pattern:
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alts})(?![\w])", re.I)


@lru_cache(maxsize=None)
def _cues() -> _Cues:
    with open(Path(__file__).with_name("data") / "framing.toml", "rb") as f:
        d = tomllib.load(f)
    return _Cues(
        attribution_verbs=frozenset(d["attribution_verbs"]),
        source_prepositions=re.compile(
            r"(?<![\w])(?:" + "|".join(re.escape(p) for p in sorted(d["source_prepositions"], key=len, reverse=True)) + r")\s+",
            re.I),
        source_nouns=frozenset(d["source_nouns"]),
        source_carry=_words_re(d["source_carry"]),
        forecast=_words_re(d["forecast_cues"]),
        estimate=_words_re(d["estimate_cues"]),
        illustrative=_words_re(d["illustrative_cues"]),
        conditional=frozenset(d["conditional_markers"]),
        pronouns=frozenset(d["pronoun_subjects"]),
        subject_labels=frozenset(d["subject_labels"]),
        source_labels=frozenset(d["source_labels"]),
    )


class Frame:
    """What framing found for one quantity."""

    __slots__ = ("quantity", "quote", "quote_start", "subject", "metric", "period", "source", "kind")

    def __init__(self, quantity: Quantity, quote: str, quote_start: int, subject, metric, period, source, kind: Kind):
        self.quantity = quantity
        self.quote = quote
        self.quote_start = quote_start
        self.subject = subject
        self.metric = metric
        self.period = period
        self.source = source
        self.kind = kind


@dataclass
class _Context:
    """What one sentence leaves for the next (subject and source carry-over)."""

    subject: Optional[str] = None
    source: Optional[str] = None
    periods: list = field(default_factory=list)


def frame_doc(doc: Doc, quantities: list[Quantity], published: Optional[dt.date] = None,
              year: Optional[int] = None) -> list[Frame]:
    """Frame every quantity of `doc` (offsets relative to doc.text).

    `year` is the article's estimated reference year when its date is unknown.
    Within a paragraph, a figure whose sentence names no metric or period takes the
    paragraph's: "Alphabet has roughly doubled its guidance to $175–185 billion"
    follows sentences about 2026 capital spending."""
    cues = _cues()
    frames: list[Frame] = []
    ctx = _Context()
    by_sent: dict[int, list[Quantity]] = {}
    sents = list(doc.sents)
    starts = [s.start_char for s in sents]
    for q in quantities:
        i = _index_of(starts, q.start)
        by_sent.setdefault(i, []).append(q)
    para_of = _paragraph_index(doc.text)
    para, para_metric, para_period = -1, None, None
    for i, sent in enumerate(sents):
        if para_of(sent.start_char) != para:
            para, para_metric, para_period = para_of(sent.start_char), None, None
        sent_periods = find_periods(doc.text, published, sent.start_char, sent.end_char, year=year)
        if para_period is None and sent_periods:
            para_period = sent_periods[0][2]
        sent_subject = _sentence_subject(sent)
        sent_source = _source(sent, cues)
        if not sent_source and ctx.source and cues.source_carry.search(sent.text):
            sent_source = ctx.source
        in_sent = by_sent.get(i, [])
        for q in in_sent:
            subject = _subject(doc, sent, q, cues) or _pronoun_subject(doc, sent, q, cues, ctx)
            metric = _metric(doc, sent, q)
            if metric is None and _is_money(q):
                metric = para_metric
            elif metric and _is_money(q):
                para_metric = metric
            period = _period(sent_periods, q, in_sent) or (para_period if _is_money(q) else None)
            frames.append(Frame(
                quantity=q,
                quote=sent.text.strip(),
                quote_start=sent.start_char + (len(sent.text) - len(sent.text.lstrip())),
                subject=subject,
                metric=metric,
                period=period,
                source=sent_source,
                kind=_kind(sent, q, cues, sent_source),
            ))
        if sent_subject:
            ctx.subject = sent_subject
        if sent_source:
            ctx.source = sent_source
    return frames


def _index_of(starts: list[int], pos: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _tokens_of(doc: Doc, q: Quantity) -> Optional[Span]:
    return doc.char_span(q.start, q.end, alignment_mode="expand")


def _governing_verb(tok: Token) -> Optional[Token]:
    seen = 0
    while seen < 12:
        if tok.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return tok
        if tok.head is tok:
            return tok if tok.pos_ in ("VERB", "AUX") else None
        tok = tok.head
        seen += 1
    return None


def _entity_in(span_tokens, doc: Doc, cues: _Cues, labels) -> Optional[str]:
    """The first known entity alias, else named entity, else proper noun in the tokens."""
    toks = list(span_tokens)
    if not toks:
        return None
    s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    text = doc.text[s:e]
    hits = entity_table().find(text)
    if hits:
        return hits[0][2]
    for ent in doc.ents:
        if ent.start_char >= s and ent.end_char <= e and ent.label_ in labels:
            return entity_table().canonicalise(_strip_possessive(ent.text))
    propn = [t for t in toks if t.pos_ == "PROPN"]
    if propn:
        # the proper-noun compound around the first proper noun
        t = propn[0]
        words = [x for x in t.subtree if x.pos_ == "PROPN" and x.i >= t.i - 3] or [t]
        name = " ".join(x.text for x in sorted(words, key=lambda x: x.i))
        return entity_table().canonicalise(_strip_possessive(name))
    return None


def _strip_possessive(s: str) -> str:
    return re.sub(r"\s*(?:'s|’s|')$", "", s.strip())


def _subject(doc: Doc, sent: Span, q: Quantity, cues: _Cues) -> Optional[str]:
    span = _tokens_of(doc, q)
    if span is None:
        return None
    verb = _governing_verb(span.root)
    if verb is not None:
        for c in verb.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in cues.pronouns:
                found = _entity_in(c.subtree, doc, cues, cues.subject_labels)
                if found:
                    return found
    # A possessive or an organisation named before the figure in its sentence.
    before = [t for t in sent if t.i < span.start]
    for t in reversed(before):
        if t.dep_ == "poss" and t.pos_ == "PROPN":
            return _entity_in([x for x in t.subtree], doc, cues, cues.subject_labels)
    prefix = doc.text[sent.start_char:q.start]
    hits = entity_table().find(prefix)
    if hits:
        return hits[-1][2]
    for ent in reversed([e for e in sent.ents if e.end_char <= q.start and e.label_ in ("ORG",)]):
        return entity_table().canonicalise(_strip_possessive(ent.text))
    return None


def _pronoun_subject(doc: Doc, sent: Span, q: Quantity, cues: _Cues, ctx: _Context) -> Optional[str]:
    span = _tokens_of(doc, q)
    if span is None:
        return None
    verb = _governing_verb(span.root)
    if verb is None:
        return None
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in cues.pronouns or any(x.lower_ in cues.pronouns for x in c.subtree if x.dep_ == "poss")):
            return _main_clause_subject(doc, verb, cues) or ctx.subject
    return None


def _main_clause_subject(doc: Doc, verb: Token, cues: _Cues) -> Optional[str]:
    """In "Acme said its revenue was $10 billion" the pronoun points to the subject of
    the clause that governs this one, in the same sentence, before the previous sentence's."""
    tok, hops = verb, 0
    while tok.dep_ in ("ccomp", "xcomp", "conj", "advcl", "relcl") and tok.head is not tok and hops < 4:
        tok, hops = tok.head, hops + 1
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in cues.pronouns:
                found = _entity_in(c.subtree, doc, cues, cues.subject_labels)
                if found:
                    return found
    return None


def _sentence_subject(sent: Span) -> Optional[str]:
    cues = _cues()
    root = sent.root
    for c in root.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return _entity_in(c.subtree, sent.doc, cues, cues.subject_labels)
    return None


def _source(sent: Span, cues: _Cues) -> Optional[str]:
    doc = sent.doc
    text = sent.text
    m = cues.source_prepositions.search(text)
    if m:
        after = doc.char_span(sent.start_char + m.end(), sent.end_char, alignment_mode="expand")
        if after is not None:
            name = _leading_name(after, cues)
            if name:
                return name
    for t in sent:
        if t.lemma_.lower() in cues.attribution_verbs and t.pos_ == "VERB":
            for c in t.children:
                if c.dep_ in ("nsubj",) and c.lower_ not in cues.pronouns:
                    name = _entity_in(c.subtree, doc, cues, cues.source_labels)
                    if name:
                        return name
                    if c.lower_ in ("analysts", "economists", "experts", "researchers"):
                        return c.text.capitalize()
        if t.lower_ in cues.source_nouns and t.pos_ == "NOUN":
            for c in t.children:
                if c.dep_ == "poss" and c.pos_ in ("PROPN",):
                    return _entity_in(c.subtree, doc, cues, cues.source_labels)
    return _name_then_verb(sent, cues)


def _name_then_verb(sent: Span, cues: _Cues) -> Optional[str]:
    """Fallback for misparses: a named source directly before an attribution verb
    ("Morgan Stanley and JPMorgan project ..."), where the small model often tags
    the verb as a noun. Surface order, not the parse, decides here."""
    ents = [e for e in sent.ents if e.label_ in cues.source_labels]
    for i, e in enumerate(ents):
        end = e.end
        # "X and Y project": skip a coordinated second name.
        nxt = sent.doc[end] if end < sent.end else None
        if nxt is not None and nxt.lower_ in ("and", "&") and i + 1 < len(ents) and ents[i + 1].start == end + 1:
            end = ents[i + 1].end
            nxt = sent.doc[end] if end < sent.end else None
        if nxt is None:
            continue
        if nxt.lemma_.lower() in cues.attribution_verbs or nxt.lower_.rstrip("s") in cues.attribution_verbs:
            if nxt.tag_ in ("VB", "VBP", "VBZ", "VBD", "NN", "NNS"):
                return _strip_possessive(e.text)
    return None


def _leading_name(span: Span, cues: _Cues) -> Optional[str]:
    """The name at the start of `span` ("research firm Exponential View's analysis")."""
    toks = []
    for t in span:
        if t.is_punct and t.text not in ("'s", "’s", "&", "."):
            break
        toks.append(t)
        if len(toks) >= 8:
            break
    return _entity_in(toks, span.doc, cues, cues.source_labels)


def _metric(doc: Doc, sent: Span, q: Quantity) -> Optional[str]:
    vocab = metric_vocabulary()
    text = doc.text[sent.start_char:sent.end_char]
    rel = q.start - sent.start_char
    rel_end = q.end - sent.start_char
    hits = [h for h in vocab.find(text) if h[1] <= rel or h[0] >= rel_end]
    metric = None
    if hits:
        # nearest phrase; one after the figure only if it is close ("$850 billion lease obligations")
        def distance(h):
            return rel - h[1] if h[1] <= rel else (h[0] - rel_end) * 1.5
        best = min(hits, key=distance)
        if distance(best) < 120:
            metric = best[2]
    if q.unit in ("percent", "times", "percentage_point") and _is_growth(text, rel, rel_end, vocab):
        metric = f"{metric} growth" if metric and not vocab.is_growth(metric) else (metric or "growth")
    if metric is None and q.noun and q.unit == "count":
        metric = q.noun.lower()
    return metric


def _is_growth(text: str, rel: int, rel_end: int, vocab) -> bool:
    before = re.findall(r"[\w/-]+", text[max(0, rel - 40):rel].lower())[-4:]
    after = re.findall(r"[\w/-]+", text[rel_end:rel_end + 30].lower())[:3]
    return any(w in vocab.growth_cues for w in before + after)


def _is_money(q: Quantity) -> bool:
    return len(q.unit) == 3 and q.unit.isupper()


def _paragraph_index(text: str):
    breaks = [m.start() for m in re.finditer(r"\n", text)]

    def index(pos: int) -> int:
        return _index_of([-1] + breaks, pos)

    return index


def _period(periods: list[tuple[int, int, str]], q: Quantity, others: list[Quantity]) -> Optional[str]:
    """The time reference bound to the figure: the nearest one in its sentence that is
    not nearer to another figure ("committed $200 billion, doubling its 2025 outlay")."""

    def distance(p, x: Quantity) -> float:
        # A reference right after the figure ("$25 billion in Q1 2026") binds tighter.
        return (x.start - p[1]) * 1.3 if p[1] <= x.start else (p[0] - x.end)

    best, best_d = None, None
    for p in periods:
        if p[0] < q.end and q.start < p[1]:
            continue
        d = distance(p, q)
        if any(o is not q and distance(p, o) < d and not (p[0] < o.end and o.start < p[1]) for o in others):
            continue
        if best_d is None or d < best_d:
            best, best_d = p[2], d
    return best


def _kind(sent: Span, q: Quantity, cues: _Cues, source: Optional[str]) -> Kind:
    text = sent.text
    if cues.illustrative.search(text) or _in_conditional(sent, q, cues):
        return Kind.illustrative
    if cues.forecast.search(text):
        return Kind.forecast
    if source and cues.estimate.search(text):
        return Kind.estimate
    return Kind.fact


def _in_conditional(sent: Span, q: Quantity, cues: _Cues) -> bool:
    """Is the figure inside an 'if' clause ("if the lifespan is shorter than six years")?"""
    doc = sent.doc
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    for _ in range(10):
        if any(c.dep_ == "mark" and c.lower_ in cues.conditional for c in tok.children):
            return True
        if tok.head is tok:
            break
        tok = tok.head
    return False
