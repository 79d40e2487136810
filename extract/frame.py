"""Framing: who a figure is about, what it measures, when, who says so, what kind.

Works on a parsed spaCy `Doc` whose `doc._.quantities` the recogniser filled. For each
quantity it reads the sentence around it:

- subject: in order, the k-th of a coordinated list for "..., respectively"; the
  whole in a partitive subject ("95% of those pilots produced ..."); the grammatical
  subject of the clause governing the figure ("Alphabet raised its guidance to
  $180-190 billion", "A developer who spends $10,000"), where a subject whose head
  is a metric word gives way to its owner ("AWS revenue", "capital expenditure for
  the big five"); a pronoun or an anaphoric noun phrase ("it", "the group") to the
  governing clause's subject or the previous sentence's; else a possessive or a
  name before the figure. Canonical names via extract/data/entities.toml;
- metric: read off the parse first (money "a share" or "per barrel"; the noun the
  figure modifies; "$X in new debt"; "revenue of $X"; "90% of imports"; the subject
  of "is"/"rose to"; what "reduce X by" changes; "spent $X on Y"; "saves $14"; "for
  $700"), an unknown noun keeping its own name; else the vocabulary phrase nearest
  the figure in its sentence (metrics.toml); "<metric> growth" for a rate of change;
- period: the time reference bound to the figure (extract/periods.py): the nearest
  in its sentence that is not a baseline, a publication date or nearer to another
  figure; else one fronted at the sentence start ("In 2025, ..."); else the
  paragraph's; "the same period" takes the period mentioned before it;
- source: "according to X", "X estimates", "a study from X", "X's analysis",
  "X has calculated", "X told"; a pronoun that attributes ("it found", "he said")
  carries the previous source, across paragraphs; otherwise a source carries to the
  end of its paragraph; a company's own forecast is credited to it (guidance);
- kind: illustrative (hypotheticals, "if" clauses, an illustration opened by "Think
  of it this way."), forecast, estimate or fact, from cue words in the figure's own
  clause and the clauses above it, and from its period (a money figure for a year
  that has not ended is a plan or guidance).

`link_restatements` then works across a whole article: a figure stated again
("the $600 billion gap") takes what its fullest mention established.

Cue words are in data/framing.toml.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional

from spacy.tokens import Doc, Span, Token

from extract.records import Kind, Quantity
from extract.vocab import entity_table, metric_vocabulary
from extract.lexicon import alternation, data_table
from extract.periods import TimeRef, find_time_refs


@dataclass(frozen=True)
class _Cues:
    attribution_verbs: frozenset[str]
    source_prepositions: re.Pattern
    source_nouns: frozenset[str]
    source_descriptors: re.Pattern
    source_carry: re.Pattern
    forecast: frozenset[str]
    weak_forecast: frozenset[str]
    estimate: frozenset[str]
    weak_estimate: frozenset[str]
    illustrative: re.Pattern
    illustration_openers: re.Pattern
    conditional: frozenset[str]
    pronouns: frozenset[str]
    anaphoric: frozenset[str]
    anaphoric_heads: frozenset[str]
    benchmark_nouns: frozenset[str]
    benchmark_words: frozenset[str]
    drop_words: frozenset[str]
    not_entities: frozenset[str]
    measure_nouns: frozenset[str]
    guidance: re.Pattern
    actual: re.Pattern
    plan_verbs: frozenset[str]
    plan_moving_verbs: frozenset[str]
    subject_labels: frozenset[str]
    source_labels: frozenset[str]
    news_agencies: frozenset[str]
    organisation_labels: frozenset[str]
    topic_heads: frozenset[str]
    level_nouns: frozenset[str]
    not_line_words: frozenset[str]
    segment_nouns: frozenset[str]
    topic_stop: frozenset[str]


def _words_re(words) -> re.Pattern:
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alts})(?![\w])", re.I)


def _lower(words) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


@lru_cache(maxsize=None)
def _cues() -> _Cues:
    d = data_table("framing")
    return _Cues(
        attribution_verbs=_lower(d["attribution_verbs"]),
        source_prepositions=re.compile(
            r"(?<![\w])(?:" + "|".join(re.escape(p) for p in sorted(d["source_prepositions"], key=len, reverse=True))
            + r")\s+", re.I),
        source_nouns=_lower(d["source_nouns"]),
        source_descriptors=_words_re(d["source_descriptors"]),
        source_carry=_words_re(d["source_carry"]),
        forecast=_lower(d["forecast_cues"]),
        weak_forecast=_lower(d["weak_forecast_cues"]),
        estimate=_lower(d["estimate_cues"]),
        weak_estimate=_lower(d["weak_estimate_cues"]),
        illustrative=_words_re(d["illustrative_cues"]),
        illustration_openers=re.compile(
            r"^\W*(?:" + "|".join(re.escape(w) for w in sorted(d["illustration_openers"], key=len, reverse=True))
            + r")(?![\w])", re.I),
        conditional=_lower(d["conditional_markers"]),
        pronouns=_lower(d["pronoun_subjects"]),
        anaphoric=_lower(d["anaphoric_subjects"]),
        anaphoric_heads=_lower(d["anaphoric_heads"]),
        benchmark_nouns=_lower(d["benchmark_nouns"]),
        benchmark_words=_lower(d["benchmark_words"]),
        drop_words=_lower(d["subject_drop_words"]),
        not_entities=frozenset(d["not_entities"]),
        measure_nouns=_lower(d["measure_nouns"]),
        guidance=_words_re(d["guidance_cues"]),
        actual=_words_re(d["actual_cues"]),
        plan_verbs=frozenset(d["plan_verbs"]),
        plan_moving_verbs=frozenset(d["plan_moving_verbs"]),
        subject_labels=frozenset(d["subject_labels"]),
        source_labels=frozenset(d["source_labels"]),
        news_agencies=_lower(d["news_agencies"]),
        organisation_labels=frozenset(d["organisation_labels"]),
        topic_heads=_lower(d["topic_heads"]),
        level_nouns=_lower(d["level_nouns"]),
        not_line_words=_lower(d["not_line_words"]),
        segment_nouns=_lower(d["segment_nouns"]),
        topic_stop=_lower(d["topic_stop_words"]),
    )


# How a subject was found. A subject read off the figure's own clause is "strong";
# one guessed from context is "weak" and gives way to a restatement's (link_restatements).
STRONG = "strong"
WEAK = "weak"
TOPIC = "topic"  # the article's topic, for a figure whose text names no owner


class Frame:
    """What framing found for one quantity."""

    __slots__ = ("quantity", "quote", "quote_start", "subject", "metric", "period", "source", "kind",
                 "subject_how", "in_conditional", "region", "heading", "source_how")

    def __init__(self, quantity: Quantity, quote: str, quote_start: int, subject, metric, period, source, kind: Kind,
                 subject_how: Optional[str] = None, in_conditional: bool = False, region: int = 0,
                 heading: bool = False, source_how: Optional[str] = None):
        self.quantity = quantity
        self.quote = quote
        self.quote_start = quote_start
        self.subject = subject
        self.metric = metric
        self.period = period
        self.source = source
        self.kind = kind
        self.subject_how = subject_how
        self.in_conditional = in_conditional
        self.region = region
        self.heading = heading
        self.source_how = source_how


@dataclass
class _Context:
    """What earlier sentences leave for later ones."""

    subject: Optional[str] = None  # the topic entity of the last sentence that named one
    subject_para: int = -1  # ... and its paragraph
    named: Optional[str] = None  # the last topic named, kept across sentences that name none
    named_para: int = -1  # ... and its paragraph
    group: Optional[str] = None  # the last group named as a topic ("the big five hyperscalers")
    group_para: int = -1  # ... and its paragraph
    para: int = -1  # the paragraph being framed
    source: Optional[str] = None  # the last credited source ...
    source_para: int = -1  # ... and the paragraph it was credited in
    source_estimates: bool = False  # ... and whether it was credited as an estimate ("has calculated")
    source_self: bool = False  # ... and whether it reported its own figure ("Amazon announced ...")
    last_period: Optional[str] = None  # the last period mentioned (for "the same period")
    last_period_unit: Optional[str] = None
    illustration_para: int = -1  # paragraph in which an illustration was opened
    para_period: Optional[str] = None
    para_metric: Optional[str] = None



def doc_text(doc: Doc) -> str:
    """The doc's text, joined once: spaCy rebuilds `Doc.text` from its tokens on every
    access, which made framing quadratic in the length of the document."""
    text = doc.user_data.get("claims.text")
    if text is None:  # a Doc's text never changes once made
        text = doc.user_data["claims.text"] = doc.text
    return text

def frame_doc(doc: Doc, quantities: list[Quantity], published: Optional[dt.date] = None,
              year: Optional[int] = None, region: int = 0) -> list[Frame]:
    """Frame every quantity of `doc` (offsets relative to its text).

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
        by_sent.setdefault(_index_of(starts, q.start), []).append(q)
    # Frames are built in this loop; a subject or source that is not a name-like
    # string (a ticker fragment like "=" or "RR") is dropped where it is found.
    para_of = _paragraph_index(doc_text(doc))
    para = -1
    ref_year = published.year if published else year
    for i, sent in enumerate(sents):
        p = para_of(sent.start_char)
        if p != para:
            para, ctx.para_metric, ctx.para_period = p, None, None
            ctx.para = para
        refs = _resolve_same(find_time_refs(doc_text(doc), published, sent.start_char, sent.end_char, year=year), ctx)
        if cues.illustration_openers.search(sent.text):
            ctx.illustration_para = para
        sent_source, carried = _sentence_source(sent, cues, ctx, para)
        speaks_for_itself = sent_source == _ITS_OWN
        if speaks_for_itself:
            sent_source = None
        in_sent = sorted(by_sent.get(i, []), key=lambda x: x.start)
        prev_period: object = _NOT_BOUND
        for q in in_sent:
            scope = _scope(sent, q)
            subject, how = _subject(doc, sent, q, cues, ctx, in_sent, sent_source)
            if not _name_like(subject) or (subject or "").lower() in cues.news_agencies:
                # a news agency reports figures; it is what a figure is about only in its own story
                subject, how = None, None
            subject = _without_article(subject)  # "the SunShot Initiative" is the SunShot Initiative
            metric = _metric(doc, sent, q)
            if metric is None and _is_money(q):
                metric = ctx.para_metric
            elif metric and _is_money(q):
                ctx.para_metric = metric
            period = _period(refs, q, in_sent, sent, ctx, scope, prev_period)
            prev_period = period
            in_if = _in_conditional(sent, q, cues)
            # a credit for another figure, or made in a clause of its own, is not this one's
            not_for_this = bool(sent_source) and not carried and (
                _credit_for_another_figure(sent, q, cues) or _credit_elsewhere(sent, q, cues))
            kind = _kind(sent, q, cues, scope, None if not_for_this else sent_source, period, ref_year, in_if,
                         illustration=ctx.illustration_para == para,
                         carried_estimate=carried and ctx.source_estimates, metric=metric)
            source, source_how = _without_article(sent_source), ("carried" if carried else "own") if sent_source else None
            if not_for_this or (source and not _name_like(source)):
                source, source_how = None, None
            if speaks_for_itself and subject is None and ctx.named and ctx.named_para >= para - 1:
                # "Company management said comparable-store sales growth will be 3.5%":
                # a figure with no owner in the company's own statement is the company's
                subject, how = ctx.named, WEAK
            if speaks_for_itself:
                # the company is its own source; with no subject yet, the article's topic
                # gives both (lend_topic)
                source, source_how = subject, ("own" if subject else _ITSELF)
            if carried == _BY_PARAGRAPH and ctx.source_self and subject and subject != sent_source:
                # "Amazon announced a $10 billion plan. Microsoft signed a $9.7 billion
                # deal.": a company reporting its own figure is no source for another's
                source, source_how = None, None
            if kind == Kind.forecast and subject and (source is None or carried) and _gives_guidance(doc, sent, subject, q, cues):
                source, source_how = subject, "guidance"
            frames.append(Frame(
                quantity=q,
                quote=sent.text.strip(),
                quote_start=sent.start_char + (len(sent.text) - len(sent.text.lstrip())),
                subject=subject,
                metric=metric,
                period=period,
                source=source,
                kind=kind,
                subject_how=how,
                in_conditional=in_if,
                region=region,
                heading=_is_heading(doc_text(doc), sent),
                source_how=source_how,
            ))
        topic, group = _sentence_subject(sent, cues)
        if topic is not _POINTS_BACK:
            ctx.subject, ctx.subject_para = topic, para
        if topic and topic is not _POINTS_BACK and any(c.isupper() for c in topic):
            ctx.named, ctx.named_para = topic, para  # a name, not "results" or "the market"
        if group:
            ctx.group, ctx.group_para = group, para
        if sent_source and not carried and _credits_main_clause(sent, cues):
            ctx.source, ctx.source_para = sent_source, para
            own_frames = frames[len(frames) - len(in_sent):]
            ctx.source_self = any(f.subject == sent_source for f in own_frames)
            ctx.source_estimates = _cue_in(_without_benchmarks(list(sent), cues), cues.estimate)
        if ctx.para_period is None:
            ctx.para_period = next((r.period for r in refs if r.role == "period"
                                    and not _attributive(doc_text(doc), r)), None)
        for r in refs:
            if r.role in ("period", "unresolved") and not _attributive(doc_text(doc), r):
                ctx.last_period, ctx.last_period_unit = r.period, _unit_of(r)
    return frames


# == the article's topic ============================================================

# A lede is the first body paragraph of at least this many words: shorter lines
# are headlines, bylines, captions.
_LEDE_WORDS = 15
_WORD = re.compile(r"[\w&’'-]+")
_DETERMINERS = frozenset({"the", "this", "its", "their", "our", "his", "her"})


def article_topic(body: str, title: Optional[str] = None, subjects: Iterable[str] = ()) -> Optional[str]:
    """What an article is about, for figures whose text names no owner ("The stock
    fell 4%", "The $600 billion gap will close"): the name its title or lede
    carries that its figures are most often about ("Home Depot" in an earnings
    story); else the industry its lede names ("at the centre of the AI industry").
    The lede is where news writing states what a story is about; a sector named
    later may be a comparison ("the telecom industry in 2000")."""
    paragraphs = [p for p in body.split("\n") if len(_WORD.findall(p)) >= _LEDE_WORDS]
    if len(paragraphs) < 2:
        return None  # a single paragraph has no lede apart from its figures' own sentences
    lede = paragraphs[0]
    return _main_name(subjects, [title or "", lede]) or _industry(lede)


def _main_name(subjects: Iterable[str], texts: list[str]) -> Optional[str]:
    """The subject most figures have (from their own clause or the sentences before:
    "The company expects revenue of $54 billion") among the names the title or lede
    writes, by canonical name or as written."""
    named = {hit[2] for t in texts for hit in entity_table().find(t)}
    counts: dict[str, int] = {}
    names = [n for n in subjects if n and any(c.isupper() for c in n)]
    for name in names:
        if name in named or any(re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", t) for t in texts):
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    best = max(counts, key=counts.__getitem__)  # ties: the first seen
    # a story about one company, not a round-up that names one first
    return best if counts[best] * 3 >= len(names) else None


def _industry(lede: str) -> Optional[str]:
    """The industry a lede names: a determined noun phrase with 1 to 3 modifiers
    before an industry noun ("the AI industry", "the global chip sector", "the U.S.
    economy"); not "the industry", not "an industry", not words across a preposition."""
    cues = _cues()
    words = list(_WORD.finditer(lede))
    for k, w in enumerate(words):
        if w.group().lower() not in cues.topic_heads:
            continue
        j = k - 1
        while j >= 0 and k - j <= 4 and words[j].group().lower() not in _DETERMINERS:
            j -= 1
        if j < 0 or k - j > 4 or k - j < 2:
            continue
        mods = [m for m in words[j + 1:k] if m.group().lower() not in cues.drop_words]
        if not mods or any(m.group().lower() in cues.topic_stop for m in mods):
            continue
        # the phrase as written, from its first kept modifier to the head
        return lede[mods[0].start():w.end()]
    return None


def lend_topic(frames: list[Frame], topic: Optional[str]) -> None:
    """Give the article's topic to each figure still without a subject, except an
    illustration's (a hypothetical developer's $1,000 is no industry's figure)."""
    if not topic:
        return
    name = entity_table().canonicalise(topic)
    for f in frames:
        if f.subject is None and f.kind != Kind.illustrative:
            f.subject, f.subject_how = name, TOPIC
            if f.source is None and f.source_how == _ITSELF:
                f.source, f.source_how = name, "own"


# == restatements ====================================================================


def link_restatements(frames: list[Frame]) -> None:
    """A figure stated again in the same article is the same fact: "The $600 billion
    gap will close" restates Cahn's "$600 billion" from paragraphs before. Within a
    group of mentions with the same money or percent figure, the fullest mention
    (most of subject, period, source, metric; then the earliest) lends each other
    mention what it lacks: a subject found only from context, a period, a source, a
    metric, and its kind (a restatement does not turn an estimate into a fact;
    only an "if" clause around the restatement makes it illustrative)."""
    groups: dict[tuple, list[Frame]] = {}
    for f in frames:
        key = _restatement_key(f.quantity)
        if key is not None:
            groups.setdefault(key, []).append(f)
    for members in groups.values():
        if len(members) < 2:
            continue

        # The first mention in running text states the figure; headings and later
        # mentions refer to it.
        best = min(members, key=lambda f: (f.heading, f.region, f.quantity.start))
        for f in members:
            if f is best or f.quote_start == best.quote_start:
                continue  # a figure repeated in its own sentence is a new statement
            if not _may_restate(best, f):
                continue
            if best.subject and (f.subject is None or f.subject_how != STRONG):
                f.subject, f.subject_how = best.subject, WEAK
            f.period = f.period or best.period
            if best.source and (f.source is None or f.source_how == "carried"):
                f.source = best.source
            f.metric = f.metric or best.metric
            if not f.in_conditional:
                f.kind = best.kind


def _metric_family(metric: Optional[str]) -> Optional[str]:
    """The vocabulary metric a metric name ends with ("cloud infrastructure revenue
    growth" -> "revenue"), or None for the text's own words ("gap")."""
    if not metric:
        return None
    words = (metric[:-len(" growth")] if metric.endswith(" growth") else metric).split()
    names = metric_vocabulary().canonical
    for k in range(len(words)):
        tail = " ".join(words[k:])
        if tail.lower() in names:
            return names[tail.lower()]
    return None


def _may_restate(first: Frame, later: Frame) -> bool:
    """Can `later` restate `first`? Not when both name metrics that share no word, one
    inside the other ("raised $18 billion in a bond sale" is funding, "cloud revenue
    will grow to $18 billion" revenue; "AI revenue" may be restated as "revenue"), nor
    when both name, from their own clauses, different subjects."""
    fa, fb = _metric_family(first.metric), _metric_family(later.metric)
    if fa and fb:
        a, b = set(fa.split()), set(fb.split())
        if not (a <= b or b <= a):
            return False
    return not (first.subject and later.subject and first.subject != later.subject
                and first.subject_how == STRONG and later.subject_how == STRONG)


def _restatement_key(q: Quantity) -> Optional[tuple]:
    """Figures distinctive enough that a second mention is the same fact: money in
    the millions or more, percentages of 10 or more. Small prices ("$10 off") and
    small moves ("up 0.05%") recur by coincidence."""
    if q.value is None and q.low is None and q.high is None:
        return None
    if re.search(r"\b(?:hundreds|tens|thousands|millions|billions|trillions|dozens)\b", q.surface, re.I):
        return None
    size = max(abs(x) for x in (q.value, q.low, q.high) if x is not None)
    if _is_money(q) and size >= 1e6:
        return (q.unit, q.value, q.low, q.high)
    if q.unit == "percent" and size >= 10:
        return (q.unit, q.value, q.low, q.high)
    return None


# == sentences and paragraphs ========================================================


def _index_of(starts: list[int], pos: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _paragraph_index(text: str):
    # a run of line breaks (blank lines between paragraphs) is one break
    breaks = [m.start() for m in re.finditer(r"\n\s*", text)]

    def index(pos: int) -> int:
        return _index_of([-1] + breaks, pos)

    return index


# A time span is what a figure is measured over, never what it is about ("next two months").
_TIME_HEAD = re.compile(r"(?i)\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|decades?|"
                        r"centur(?:y|ies)|weekend|summer|winter|spring|autumn|fall)$")


# A month or weekday is a time, never what a figure is about ("stayed below 6% in October").
_CALENDAR = re.compile(r"(?i)(?:(?:early|mid|late)[- ])?(?:january|february|march|april|may|june|july|august|"
                       r"september|october|november|december|monday|tuesday|wednesday|thursday|friday|"
                       r"saturday|sunday|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?")


def _name_like(name: Optional[str]) -> bool:
    """At least two letters, starting with a letter or digit: not "=" or "$ 49", nor a
    time span ("next two months")."""
    return bool(name) and sum(ch.isalpha() for ch in name) >= 2 and name[0].isalnum() \
        and not re.search(r"[=$€£¥]", name) and not _TIME_HEAD.search(name) and not _CALENDAR.fullmatch(name) \
        and not _title_only().fullmatch(name)


@lru_cache(maxsize=None)
def _title_only() -> re.Pattern:
    """A title or rank, or a company suffix, with no name after it ("Lt .", "Inc."): a
    sentence split inside a name (data/sentences.toml, the list sentence splitting reads)."""
    words = data_table("sentences")["titles"]["before_names"] + ["Jr", "Sr", "Co", "Corp", "Inc", "Ltd"]
    return re.compile(rf"(?i)(?:{alternation(words)})\s*\.?")


def _is_heading(text: str, sent: Span) -> bool:
    """A line of its own without closing punctuation ("Commitments of $850 billion")."""
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    line_end = text.find("\n", sent.start_char)
    line = text[line_start:len(text) if line_end < 0 else line_end].strip()
    return bool(line) and line == sent.text.strip() and not re.search(r"[.!?:;\"”’)]$", line)


def _tokens_of(doc: Doc, q: Quantity) -> Optional[Span]:
    return doc.char_span(q.start, q.end, alignment_mode="expand")


_CLAUSE_DEPS = frozenset({"advcl", "relcl", "acl", "ccomp", "xcomp", "conj", "parataxis", "csubj", "pcomp"})


def _is_clause_head(t: Token) -> bool:
    return t.dep_ == "ROOT" or (t.pos_ in ("VERB", "AUX") and t.dep_ in _CLAUSE_DEPS)


def _clause_head(t: Token) -> Token:
    for _ in range(30):
        if _is_clause_head(t) or t.head.i == t.i:
            return t
        t = t.head
    return t


def _scope(sent: Span, q: Quantity) -> list[Token]:
    """The tokens that speak about the figure: those of its own clause and of the
    clauses it is embedded in ("X expects that ... <figure>"), not those of side
    clauses ("15.2GW is under construction, expected to be completed by 2027") nor
    of a coordinated clause before it ("... was estimated at $100 million, and the
    next generation is expected to break $1 billion")."""
    span = _tokens_of(sent.doc, q)
    if span is None:
        return list(sent)
    chain = []
    c = _clause_head(span.root)
    for _ in range(10):
        chain.append(c)
        if _own_clause(c) or c.head.i == c.i or c.dep_ == "ROOT":
            break
        c = _clause_head(c.head)
    if not _own_clause(chain[-1]):
        # the main clause speaks about everything below it ("X offered a calculation —
        # ... would need $600 billion")
        chain.append(sent.root)
    allowed = {t.i for t in chain}
    # "the $300 billion they spent in 2024": a relative clause on the figure describes it
    np = span.root.head if span.root.dep_ in ("nummod", "compound", "quantmod", "amod") else span.root
    allowed |= {c.i for c in np.children if c.dep_ in ("relcl", "acl") and c.i >= span.end}
    # "X offered a calculation: the industry would need $600 billion": what comes
    # before a colon (or a lone dash) frames what it introduces.
    intro = [t.i for t in sent if t.i < span.start and (t.text == ":" or (t.text in ("—", "–") and sum(
        x.text in ("—", "–") for x in sent) == 1))]
    cut = intro[-1] if intro else sent.start - 1
    return [t for t in sent if _clause_head(t).i in allowed or span.start <= t.i < span.end or t.i < cut]


def _own_clause(c: Token) -> bool:
    """A coordinated clause with a subject of its own ("..., and the next generation
    is expected to ..."); a verb that shares its subject with the one before ("would
    reduce GDP ..., while lowering wages and eliminating 195,600 jobs") goes on
    under the same framing."""
    return c.dep_ == "conj" and any(x.dep_ in ("nsubj", "nsubjpass", "expl") for x in c.children)


# == subject =========================================================================


def _canon(name: str) -> str:
    """The canonical name for a name as written, possessive or not ("Moody's" is a
    name, "Nvidia's" a possessive)."""
    table = entity_table()
    found = table.canonicalise(name)
    if found in table.canonical.values():
        return found
    return table.canonicalise(_strip_possessive(name))


def _without_article(name: Optional[str]) -> Optional[str]:
    """"The Census Bureau" -> "Census Bureau": names are kept without a leading article,
    unless the alias table names the entity with it ("The Economist")."""
    if not name or not re.match(r"(?i)the\s+\S", name):
        return name
    table = entity_table()
    if name in table.canonical.values() or table.canonicalise(name) != name:
        return table.canonicalise(name)
    return name.split(None, 1)[1]


def _strip_possessive(s: str) -> str:
    return re.sub(r"\s*(?:'s|’s|')$", "", s.strip())


def _is_entity_text(text: str, cues: _Cues) -> bool:
    words = text.split()
    return bool(words) and not all(w.strip(".,'’") in cues.not_entities for w in words)


def _entity_in(span_tokens, doc: Doc, cues: _Cues, labels, propn: bool = True) -> Optional[str]:
    """The first known entity alias, else named entity, else proper noun in the tokens."""
    toks = sorted(span_tokens, key=lambda t: t.i)
    if not toks:
        return None
    s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    text = doc_text(doc)[s:e]
    hits = entity_table().find(text)
    if hits:
        return hits[0][2]
    ids = {t.i for t in toks}
    # a nationality as an adjective ("Japanese yen", "Glaswegian extras") names no one
    ents = [ent for ent in doc.ents if ent.start in ids and ent.end - 1 in ids and ent.label_ in labels
            and _is_entity_text(ent.text, cues) and not (ent.label_ == "NORP" and ent.root.tag_ == "JJ")]
    # an organisation before a person in it ("Economist Jane Lee of Moody's")
    for ent in sorted(ents, key=lambda e: (e.label_ != "ORG", e.start)):
        return _canon(ent.text)
    propns = [t for t in toks if t.pos_ == "PROPN" and t.text not in cues.not_entities and not _is_code(t)
              and not _capital_only_for_the_sentence(t)] if propn else []
    if propns:
        t = propns[0]
        words = [x for x in t.subtree if x.pos_ == "PROPN" and x.i >= t.i - 3 and x.i in ids
                 and x.text not in cues.not_entities] or [t]
        # a name runs on through the proper nouns right after it ("Home" of "Home Depot",
        # when the parse hangs "Home" on "Depot")
        end = max(x.i for x in words)
        while end + 1 in ids and _name_goes_on(doc[end], doc[end + 1], cues):
            end += 1
            words.append(doc[end])
        name = " ".join(x.text for x in sorted(set(words), key=lambda x: x.i))
        return _canon(name)
    return None


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


def _name_goes_on(last: Token, nxt: Token, cues: _Cues) -> bool:
    """Is `nxt` the next word of the name `last` ends: a proper noun joined to it by
    the parse, one way or the other?"""
    return nxt.pos_ == "PROPN" and nxt.text not in cues.not_entities and not _is_code(nxt) \
        and (last.head.i == nxt.i or nxt.head.i == last.i)


def _capital_only_for_the_sentence(t: Token) -> bool:
    """"Spot gold added 0.1%", "Capital spending rose": a word that modifies a common
    noun, capitalised only where it opens a sentence and nowhere else in the
    document, is no sign of a name ("Stripe raised new money" is)."""
    if not t.is_sent_start or t.ent_type_ or t.dep_ not in ("compound", "amod", "nmod") \
            or t.head.pos_ != "NOUN" or not t.head.is_lower or entity_table().find(t.text):
        return False
    return t.text not in _names_mid_sentence(t.doc)


def _names_mid_sentence(doc: Doc) -> frozenset[str]:
    """The capitalised words of a document that stand inside a sentence."""
    names = doc.user_data.get("claims.names_mid_sentence")
    if names is None:  # a Doc's tokens never change once made
        names = doc.user_data["claims.names_mid_sentence"] = frozenset(
            t.text for t in doc if t.text[:1].isupper() and not t.is_sent_start)
    return names


def _agent_of(tok: Token, cues: _Cues) -> Optional[Token]:
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


_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def _company_word(tok: Token, cues: _Cues) -> bool:
    """A noun phrase that points back to a company: "the company", "these companies"
    (framing.toml's anaphoric subjects) or a definite description ("the retailer")."""
    np_text = " ".join(t.lower_ for t in tok.subtree if t.i <= tok.i and t.dep_ != "punct")
    return np_text in cues.anaphoric or _definite_description(tok, cues)


def _definite_description(tok: Token, cues: _Cues) -> bool:
    """"the home-improvement retailer", "the beauty brand", "the stock": a definite
    noun phrase whose head names a kind of company points back to one named before,
    unless it names one itself ("the Amazon unit"); a place or nationality is only
    a description ("the German carmaker", "the Seattle-based retailer")."""
    if tok.lower_ not in cues.anaphoric_heads:
        return False
    dets = [c for c in tok.children if c.dep_ == "det"]
    if not dets or dets[0].lower_ not in _DEFINITE:
        return False
    if dets[0].lower_ == "the" and tok.tag_ in ("NNS", "NNPS"):
        return False  # "The big four accounting firms hired ...": a group named, not pointed back to
    for t in tok.subtree:
        if t.i >= tok.i:
            continue
        if t.ent_type_ in ("GPE", "LOC", "NORP"):
            continue
        if t.pos_ == "PROPN" or t.ent_type_ == "ORG" or entity_table().find(t.text):
            return False
    return True


def _np_phrase(head: Token, cues: _Cues) -> str:
    """The text of a noun phrase up to its head, with its coordinated nouns, minus
    determiners and quantifiers: "the entire AI industry" -> "AI industry"."""
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
    while run and (run[0].lower_ in cues.drop_words or run[0].pos_ in ("DET", "PRON", "PUNCT", "ADP", "SYM")
                   or run[0].dep_ in ("poss", "case", "quantmod")
                   or any(ch.isdigit() for ch in run[0].text) or not any(ch.isalpha() for ch in run[0].text)):
        run = run[1:]
    run = run[-6:]
    while run and run[-1].text == "-":
        run = run[:-1]
    return "".join(t.text_with_ws for t in run).strip()


def _figure_inside(tok: Token, span: Span) -> bool:
    return any(span.start <= t.i < span.end for t in tok.subtree) and not (span.start <= tok.i < span.end) \
        and tok.i < span.start


def _owner_of_metric(head: Token, doc: Doc, cues: _Cues, span: Span) -> tuple[Optional[str], bool]:
    """For a subject whose head is a metric word, who the metric belongs to:
    a possessor ("Nvidia's revenue"; a pronoun possessor returns (None, True)),
    a prepositional object ("capital expenditure for the big five", "lease
    obligation across the cloud industry"), or the modifiers left of the metric
    words ("AWS revenue", "the hardware depreciation period")."""
    for c in head.children:
        if c.dep_ == "poss":
            if c.lower_ in cues.pronouns:
                return None, True
            name = _entity_in(c.subtree, doc, cues, cues.subject_labels)
            if name:
                return name, False
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "across", "of", "among", "at", "in"):
            for o in c.children:
                if o.dep_ == "pobj" and (o.pos_ in ("NOUN", "PROPN") or (o.pos_ == "NUM" and any(
                        x.dep_ in ("amod", "det") for x in o.children))) and o.ent_type_ not in ("DATE", "TIME") \
                        and not (span.start <= o.i < span.end) and not _metric_head(o):
                    name = _entity_in(o.subtree, doc, cues, cues.subject_labels)
                    if o.lower_ in cues.pronouns:
                        return None, True
                    if not name and any(c.dep_ == "poss" and c.lower_ in cues.pronouns for c in o.children):
                        return None, True  # "Sales in its data center segment": the company's own
                    return name or _np_phrase(o, cues) or None, False
    mods = [t for t in head.subtree if t.i < head.i and t.dep_ in ("compound", "amod", "nmod", "npadvmod")
            and not (span.start <= t.i < span.end)]
    # strip the longest metric phrase that leaves a noun ("global AI revenue" ->
    # "global AI", "the hardware depreciation period" -> "hardware")
    words: list[Token] = []
    shorter = [head] if head.text.lower() in metric_vocabulary().canonical else []
    longest = _metric_tokens(head)
    for metric_words in (longest, *([shorter] if shorter else [])):
        ids = {t.i for t in metric_words}
        words = sorted((t for t in mods if t.i not in ids), key=lambda t: t.i)
        if metric_words is shorter and longest and not any(_name_word(t) for t in words):
            # "Data center revenue" is a metric whole; only a name cut from a longer
            # metric owns it ("global AI revenue" -> "global AI")
            words = []
        if any(t.pos_ in ("NOUN", "PROPN") for t in words):
            break
    if any(t.pos_ in ("NOUN", "PROPN") for t in words):
        text = _phrase_text([t for t in words if t.lower_ not in cues.drop_words])
        hits = entity_table().find(text)
        if hits:
            return hits[0][2], False
        if not any(_name_word(t) for t in words) and not any(c.dep_ == "det" for c in head.children):
            # "Cloud infrastructure revenue will grow 77%": a line of business with no
            # name, so the company the text is about owns it
            return None, True
        return text or None, False
    return None, False


def _name_word(t: Token) -> bool:
    """A word of a name: an acronym ("AI"), a named entity, a proper noun that is more
    than a capital opening its sentence."""
    return t.is_upper and len(t.text) > 1 or bool(t.ent_type_) or t.pos_ == "PROPN" and not _capital_only_for_the_sentence(t)


def _metric_tokens(tok: Token) -> list[Token]:
    """The longest metric phrase ending at this noun: "capital expenditure", "lease
    obligation", "depreciation period" in "the hardware depreciation period"."""
    vocab = metric_vocabulary()
    left = sorted((t for t in tok.subtree if t.i < tok.i and t.dep_ in ("compound", "amod", "nmod")),
                  key=lambda t: t.i)
    run = [t for t in left]
    # contiguous words right before the head
    chain: list[Token] = []
    for t in reversed(run):
        if t.i == (chain[0].i if chain else tok.i) - 1:
            chain.insert(0, t)
    for k in range(len(chain) + 1):
        words = chain[k:] + [tok]
        if " ".join(t.text for t in words).lower() in vocab.canonical:
            return words
    return []


def _metric_head(tok: Token) -> bool:
    """Is this noun (with its compounds) a metric word: "revenue", "capital
    expenditure", "lease obligation", "payback period"?"""
    return bool(_metric_tokens(tok))


_CODE = re.compile(r"[A-Z]{2,}[a-z]?\d+[A-Za-z\d]*|\S*=\S*")


def _is_code(tok: Token) -> bool:
    """A market-data code, not a name: "CMCU3", "CLc1", the "RR" of "US10YT=RR"."""
    glued = tok.i > 0 and tok.doc[tok.i - 1].text.endswith("=") and not tok.doc[tok.i - 1].whitespace_
    return glued or bool(_CODE.fullmatch(tok.text)) and not entity_table().find(tok.text)


def _name_np(tok: Token, doc: Doc, cues: _Cues, span: Span) -> tuple[Optional[str], bool]:
    """(name, points_back) for a subject noun phrase headed by `tok`."""
    if span.start <= tok.i < span.end:
        return None, False
    if _is_code(tok):
        # "U.S. crude CLc1 fell 3.38%", "Copper CMCU3 rose": the words before the code name it
        words = sorted((t for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i
                        for t in c.subtree), key=lambda t: t.i)
        text = _phrase_text([t for t in words if not _is_code(t)])
        return (entity_table().canonicalise(text) if text else None), False
    if tok.lower_ in cues.pronouns or _company_word(tok, cues):
        return None, True
    if tok.lower_ in cues.measure_nouns:
        return None, False  # "the ratio of ...", "the divergence": a measure, not an entity
    if any(span.start <= t.i < span.end for t in tok.subtree) and not _priced(tok, span):
        # the figure is part of the subject ("The $600 billion gap is ...", "the
        # improvement trajectory from 95% failure"), not a figure about it
        return None, False
    # a name inside the phrase (left part and its coordinations)
    core = [t for t in tok.subtree if t.dep_ not in ("relcl", "acl") and not _in_clause_below(t, tok)]
    pronoun_owner = any(c.dep_ == "poss" and c.lower_ in cues.pronouns for c in tok.children)
    if _metric_head(tok):
        owner, back = _owner_of_metric(tok, doc, cues, span)
        if owner or back:
            return owner, back
        # "Oracle said cloud revenue rose to $5.9 billion": whose revenue is told by
        # the clause above
        return None, tok.head.dep_ in ("ccomp",)
    group = _coordinated_names(tok, doc, cues)
    if group:
        return group, False
    if tok.pos_ == "NOUN" and tok.tag_ == "NNS":
        # "The five largest technology companies - Amazon, Microsoft, Alphabet, Meta,
        # and Oracle — are on track to spend ...": the group, with its members
        listed = [_coordinated_names(c, doc, cues) for c in tok.children if c.dep_ == "appos"]
        if listed and listed[0]:
            return f"{_np_phrase(tok, cues)} ({listed[0]})", False
    name = _entity_in([t for t in core if t.i <= tok.i or t.dep_ == "conj"], doc, cues, cues.subject_labels)
    if name:
        return name, False
    agent = _agent_of(tok, cues)
    if agent is not None:
        # "spending by the four largest cloud providers will exceed $600 billion"
        return _name_np(agent, doc, cues, span)
    if pronoun_owner:
        return None, True  # "Its networking segment grew 263%": whose segment
    if tok.pos_ == "NOUN":
        return _np_phrase(tok, cues) or None, False
    return None, False


def _demonstrative_np(tok: Token) -> bool:
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


def _in_clause_below(t: Token, top: Token) -> bool:
    x = t
    while x.i != top.i and x.head.i != x.i:
        if x.dep_ in ("relcl", "acl", "advcl", "ccomp"):
            return True
        x = x.head
    return False


def _clause_subject(verb: Token) -> Optional[Token]:
    """The verb's subject; of two (a misparse of "X and Y project the sector may
    need ..."), the one nearest the verb."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    before = [c for c in subjects if c.i < verb.i]
    if before:
        return before[-1]
    return subjects[0] if subjects else None


def _subject(doc: Doc, sent: Span, q: Quantity, cues: _Cues, ctx: _Context,
             in_sent: list[Quantity], source: Optional[str] = None) -> tuple[Optional[str], Optional[str]]:
    """(subject, how) where how is STRONG (from the figure's clause) or WEAK."""
    span = _tokens_of(doc, q)
    if span is None:
        return None, None
    found = _respectively(doc, sent, q, in_sent, cues) or _aged_person(doc, span, q, cues)
    if found:
        return found, STRONG
    root = span.root
    # Partitive: "95% of those pilots produced ...", "About 60% of surveyed companies"
    if q.unit == "percent" and root.dep_ in ("nsubj", "nsubjpass"):
        for c in root.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for o in c.children:
                    if o.dep_ == "pobj":
                        name, back = _name_np(o, doc, cues, span)
                        if name:
                            return name, STRONG
    # "Colossus-1 data center with 300MW capacity": the thing that has the figure
    if root.head.lower_ == "with" or (root.dep_ in ("compound", "nummod") and root.head.head.lower_ == "with"):
        w = root.head if root.head.lower_ == "with" else root.head.head
        owner = w.head
        if owner.pos_ == "VERB":
            # "building the Stargate campus with 1.2GW": the object before "with"
            objs = [c for c in owner.children if c.dep_ == "dobj" and c.i < w.i]
            owner = objs[-1] if objs else owner
        if owner.pos_ in ("NOUN", "PROPN") and not _metric_head(owner):
            words = [t for t in owner.subtree if t.i <= owner.i and t.dep_ not in ("poss", "case", "det")
                     and not any(p.dep_ == "poss" for p in t.ancestors if p.i < owner.i and p.i != owner.i)]
            words = [t for t in words if not any(a.dep_ == "poss" for a in [t] + list(t.ancestors) if a.i < owner.i)]
            text = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
            if text:
                return entity_table().canonicalise(text), STRONG
    valued = _valued_object(doc, q)
    if valued is not None:
        # "Investors valued the company at $10 billion": the company's valuation
        name, back = _name_np(valued, doc, cues, span)
        if name:
            return name, STRONG
        if back:  # "the company" with nothing before it to name: better no subject than the investors
            return (_antecedent(ctx, valued), WEAK) if _antecedent(ctx, valued) else (None, None)
    verb = root
    points_back = foreseen = False
    anaphor: Optional[Token] = None
    below: Optional[Token] = None  # the clause the climb came up from
    for _ in range(12):
        if verb.head.i == verb.i and not verb.pos_ in ("VERB", "AUX"):
            break
        subj = _clause_subject(verb) if verb.pos_ in ("VERB", "AUX") else None
        if subj is not None and verb.lemma_.lower() in cues.attribution_verbs and (
                verb.i != root.i and subj.lower_ in cues.source_nouns
                or cues.source_descriptors.search(doc_text(doc)[subj.left_edge.idx:subj.idx + len(subj.text)])):
            # "Sightline Climate's statistics show 15.2GW ...", "X estimates ...": the
            # subject of a reporting verb is the source, not what the figure is about
            foreseen = True
            break
        if subj is not None and source and below is not None and below.dep_ == "advcl" and below.tag_ == "VBG" \
                and verb.lemma_.lower() in cues.attribution_verbs \
                and _without_article(_name_np(subj, doc, cues, span)[0]) == _without_article(source):
            # "U.S. consumer prices rose 0.2%, the Labor Department said, bringing the
            # annual rate down to 2.9%": who reports the figure is not what it is
            # about; what the report is about is
            for c in verb.children:
                inner = _clause_subject(c) if c.dep_ == "ccomp" else None
                if inner is not None:
                    name, _ = _name_np(inner, doc, cues, span)
                    if name:
                        return name, WEAK
            break
        if subj is not None and _holds_other_figure(subj, q, in_sent, doc):
            # "The $850 billion commitments correspond to $25 billion in revenue"
            break
        if subj is not None and not (span.start <= subj.i < span.end):
            if subj.lower_ in ("who", "that", "which") and verb.dep_ in ("relcl", "acl") and verb.head.lower_ == "one":
                name, back = _nominal_one(sent, verb.head, doc, cues, span), False
            elif subj.lower_ in ("who", "that", "which") and verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
                name, back = _name_np(verb.head, doc, cues, span)
            elif subj.lower_ == "one" and subj.pos_ in ("NOUN", "NUM", "PRON"):
                name, back = _nominal_one(sent, subj, doc, cues, span), False
            else:
                name, back = _name_np(subj, doc, cues, span)
            if name:
                return name, STRONG
            if back:
                points_back, anaphor = True, subj
                # a company word, or a metric with no owner ("Oracle said cloud revenue
                # rose"), belongs to an organisation that speaks, not to a person who does
                found = _main_clause_subject(doc, verb, cues, span, company=_company_word(subj, cues),
                                             person=not _metric_head(subj))
                if found:
                    return found, STRONG
                break
            if subj.dep_ == "csubj":
                # "training a single model could cost $5 billion": what is trained
                for o in subj.children:
                    if o.dep_ == "dobj":
                        name, _ = _name_np(o, doc, cues, span)
                        if name:
                            return name, STRONG
            # "Margins hit 30% for the retailer", "capital intensity has reached 45 to 57%
            # for these companies": the subject names a measure, "for X" whose it is.
            for_np = _for_object(verb, span)
            if for_np is not None:
                # "for these firms": whose measure it is, a group named before
                name, back = (None, True) if _demonstrative_np(for_np) else _name_np(for_np, doc, cues, span)
                if name:
                    return name, STRONG
                if back and _antecedent(ctx, for_np):
                    return _antecedent(ctx, for_np), WEAK
            if _bare_metric(subj) and ctx.subject and ctx.subject_para == ctx.para:
                # "Coinbase switched models. AI spending has been cut by half": a
                # measure with no owner in its clause belongs to the topic before.
                return ctx.subject, WEAK
            break
        if verb.head.i == verb.i:
            break
        if subj is not None and span.start <= subj.i < span.end and verb.head.lemma_.lower() in cues.attribution_verbs:
            # "NIDA estimated that 964,000 people reported ...": the figure is its own
            # clause's subject; the reporter above is its source, not what it is about
            break
        below = verb
        verb = verb.head
    if points_back and anaphor is not None and anaphor.lower_ in ("it", "its"):
        # "OpenAI's revenue hit $13 billion, and it expects to burn through $115
        # billion": the organisation named before the pronoun in its own sentence
        named = _last_organisation_before(sent, anaphor, cues)
        if named:
            return named, WEAK
    if points_back and anaphor is not None and _antecedent(ctx, anaphor):
        return _antecedent(ctx, anaphor), WEAK
    if points_back and anaphor is not None and (_company_word(anaphor, cues) or anaphor.lower_ in ("it", "its")) \
            and ctx.named and ctx.named_para >= ctx.para - 1:
        # "McClatchy reported a loss ... Most of the loss reflected a write-down. But
        # the company also reported long-term debt": a sentence that names nobody
        # leaves the company named before it as what "the company" points back to
        return ctx.named, WEAK
    if points_back and anaphor is not None and _company_word(anaphor, cues):
        # "the company had visibility into $500 billion" with nothing named before: the
        # article's topic, not another name in the sentence ("its Blackwell chips")
        return None, None
    found = _noun_before_verb(doc, sent, span, cues)
    if found:
        return found, STRONG
    # A possessive or an organisation named before the figure in its sentence, unless
    # it is the sentence's source ("Exponential View's analysis", "Bloomberg's data").
    before = [t for t in sent if t.i < span.start]
    for t in reversed(before):
        if t.dep_ == "poss" and t.pos_ == "PROPN" and t.head.lower_ not in cues.source_nouns:
            name = _entity_in(list(t.subtree), doc, cues, cues.subject_labels)
            if name and name != source:
                return name, WEAK
    prefix = doc_text(doc)[sent.start_char:q.start]
    credited = _credited_spans(sent, cues)

    def is_credited(s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in credited)

    for hit in reversed(entity_table().find(prefix)):
        if hit[2] != source and not is_credited(sent.start_char + hit[0], sent.start_char + hit[1]) \
                and not (prefix[hit[0] - 1:hit[0]] == "(" and prefix[hit[1]:hit[1] + 1] == ")"):
            return hit[2], WEAK  # not "(Reuters)", a credit in brackets of its own
    for ent in reversed([e for e in sent.ents if e.end_char <= q.start and e.label_ in ("ORG",)
                         and _is_entity_text(e.text, cues) and not is_credited(e.start_char, e.end_char)
                         and not _bracketed(e)]):
        name = _canon(ent.text)
        if name != source:
            return name, WEAK
    if foreseen and ctx.named and ctx.named_para >= ctx.para - 1 and ctx.named != source:
        # "Home Depot reported $2.53 a share. Wall Street predicted $2.52 a share.":
        # the reporters foresee a figure of the company just named
        return ctx.named, WEAK
    return None, None


_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "these", "those"})


def _antecedent(ctx: _Context, anaphor: Token) -> Optional[str]:
    """What an anaphor points back to: a plural ("these companies", "they", "their
    margins") to the last group named in this paragraph or the one before, else
    the last topic."""
    words = [anaphor] + [c for c in anaphor.children if c.dep_ in ("poss", "det")]
    plural = anaphor.tag_ in ("NNS", "NNPS") or any(w.lower_ in _PLURAL_PRONOUNS for w in words)
    if plural and ctx.group and ctx.group_para >= ctx.para - 1:
        return ctx.group
    return ctx.subject


def _aged_person(doc: Doc, span: Span, q: Quantity, cues: _Cues) -> Optional[str]:
    """"Ma'Khia Bryant, 16, was shot": the person an appositive age follows."""
    if q.unit != "year" or not re.fullmatch(r"\d{1,3}", q.surface) or span.start < 2 or doc[span.start - 1].text != ",":
        return None
    before = doc[max(0, span.start - 6):span.start - 1]
    return _entity_in(list(before), doc, cues, frozenset({"PERSON"}), propn=False) if len(before) else None


def _bare_metric(subj: Token) -> bool:
    """A subject that is a metric and nothing more ("Revenue", "AI spending", "the
    gross margin"): no owner, no qualifier ("global", "industry-wide")."""
    words = {t.i for t in _metric_tokens(subj)}
    if not words:
        return False
    return all(t.i in words or t.dep_ == "det" for t in subj.subtree if t.i <= subj.i) and not any(
        c.dep_ == "prep" for c in subj.children)


def _for_object(verb: Token, span: Span) -> Optional[Token]:
    """The object of a "for" phrase on the verb (or on the figure itself) after the figure."""
    for head in (verb, span.root):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "for" and c.i >= span.end:
                objs = [o for o in c.children if o.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return None


def _noun_before_verb(doc: Doc, sent: Span, span: Span, cues: _Cues) -> Optional[str]:
    """For a misparsed clause whose verb has no subject ("..., global AI revenue
    (excluding China) reached $25 billion"): the noun phrase right before the verb
    that governs the figure, skipping a parenthesis and adverbs."""
    verb = span.root
    for _ in range(10):
        # the first finite verb above the figure ("reached $25 billion, surpassing the
        # $21 billion costs": "surpassing" has the subject of "reached")
        if verb.pos_ == "VERB" and (verb.tag_ not in ("VBG", "VBN") or verb.dep_ == "conj"):
            break
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    if verb.pos_ != "VERB" or verb.i >= span.start or _clause_subject(verb) is not None:
        return None
    i = verb.i - 1
    depth = 0
    while i >= sent.start:
        t = doc[i]
        if t.text == ")":
            depth += 1
        elif t.text == "(":
            depth -= 1
        elif depth == 0 and t.pos_ not in ("ADV", "AUX", "PART"):
            break
        i -= 1
    if i < sent.start or doc[i].pos_ not in ("NOUN", "PROPN"):
        return None
    name, back = _name_np(doc[i], doc, cues, span)
    return name


def _holds_other_figure(subj: Token, q: Quantity, in_sent: list[Quantity], doc: Doc) -> bool:
    s, e = subj.left_edge.idx, subj.idx + len(subj.text)
    return any(o is not q and s <= o.start < e and not (s <= q.start < e) for o in in_sent)


def _credited_spans(sent: Span, cues: _Cues) -> list[tuple[int, int]]:
    """Character spans of the names a sentence credits as sources ("Sightline
    Climate's statistics show", "Bloomberg's data", "analysts at UBS estimate"):
    they are never the subject of the figures they report."""
    out = []
    for t in sent:
        owner = None
        if t.dep_ == "poss" and t.head.lower_ in cues.source_nouns:
            owner = t
        elif t.dep_ == "nsubj" and t.head.lemma_.lower() in cues.attribution_verbs:
            owner = t
        if owner is not None:
            out.append((owner.left_edge.idx, owner.right_edge.idx + len(owner.right_edge.text)))
    return out


def _nominal_one(sent: Span, one: Token, doc: Doc, cues: _Cues, span: Span) -> Optional[str]:
    """"one" standing for a noun already used in the sentence ("A business that spends
    $0.12 ... than one that spends $0.50"): that noun."""
    for t in reversed([t for t in sent if t.i < one.i]):
        if t.pos_ == "NOUN" and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and not _metric_head(t) \
                and any(c.dep_ == "relcl" for c in t.children):
            return _np_phrase(t, cues) or None
    return None


def _respectively(doc: Doc, sent: Span, q: Quantity, in_sent: list[Quantity], cues: _Cues) -> Optional[str]:
    """"Meta and Microsoft ... reached $79 billion and $41 billion, respectively":
    the k-th figure belongs to the k-th name of the coordinated list."""
    text = sent.text
    if "respectively" not in text.lower():
        return None
    figs = sorted(in_sent, key=lambda x: x.start)
    if len(figs) < 2:
        return None
    first = figs[0].start - sent.start_char
    names = []
    for s, e, name in entity_table().find(text[:first]):
        names.append((s, e, name))
    for ent in sent.ents:
        s, e = ent.start_char - sent.start_char, ent.end_char - sent.start_char
        if e <= first and ent.label_ in cues.subject_labels and _is_entity_text(ent.text, cues) \
                and not any(a < e and s < b for a, b, _ in names):
            names.append((s, e, _canon(ent.text)))
    names.sort()
    # the last run of names joined only by commas and "and"
    run: list[tuple[int, int, str]] = []
    for n in names:
        if run and re.fullmatch(r"\s*(?:,|and|&|,\s*and)\s*", text[run[-1][1]:n[0]]):
            run.append(n)
        else:
            run = [n]
    if len(run) != len(figs):
        return None
    return run[figs.index(q)][2]


def _main_clause_subject(doc: Doc, verb: Token, cues: _Cues, span: Span, company: bool = False,
                         person: bool = True) -> Optional[str]:
    """In "Acme said its revenue was $10 billion" the pronoun points to the subject of
    the clause that governs this one, in the same sentence, before the previous sentence's.
    The subject's own name counts, not one in a phrase hung on it ("demand for its
    Blackwell chips"); a company word ("the company") points only to an organisation,
    and a metric (person=False: "Revenue rose 5%, said Lisa Su") to no person."""
    labels = cues.organisation_labels if company else cues.subject_labels
    tok, hops = verb, 0
    while tok.dep_ in ("ccomp", "xcomp", "conj", "advcl", "relcl") and tok.head.i != tok.i and hops < 4:
        tok, hops = tok.head, hops + 1
        subj = _clause_subject(tok) if tok.pos_ in ("VERB", "AUX") else None
        if subj is not None and subj.lower_ not in cues.pronouns:
            if _company_word(subj, cues):
                return None  # "the Redmond, Washington-based company said": it points back in turn
            own = [t for t in subj.subtree if t.i <= subj.i or t.dep_ == "conj"]
            if not person and any(t.ent_type_ == "PERSON" for t in own):
                continue
            found = _entity_in(own, doc, cues, labels, propn=not company)
            if found:
                return found
    return None


_POINTS_BACK = "\x00points back"


def _sentence_subject(sent: Span, cues: _Cues) -> tuple[Optional[str], Optional[str]]:
    """(topic, group): the entity a sentence is about, for the next sentence's
    pronouns, and that entity again if it is a group (a plural: "the big five
    hyperscalers", "Apple and Google"), for plural anaphors ("these companies",
    "they"). The topic is the subject of the main clause or, when the main verb
    attributes ("CreditSights has documented that capital expenditure for the big
    five ... exceeds"), of the reported clause, never the reporter. Anaphoric
    subjects ("the group", "Armstrong said the company ...") leave both unchanged."""
    root = sent.root
    subj = _clause_subject(root) if root.pos_ in ("VERB", "AUX") else None
    span = sent.doc[sent.start:sent.start]  # an empty span: no figure to avoid
    if subj is not None and root.lemma_.lower() in cues.attribution_verbs:
        for c in root.children:
            if c.dep_ == "ccomp":
                inner = _clause_subject(c)
                if inner is not None:
                    name, back = _name_np(inner, sent.doc, cues, span)
                    if back:
                        return _POINTS_BACK, None
                    if name:
                        return name, (name if _is_plural_name(sent, name) else None)
    if subj is None:
        return None, None
    if root.lemma_.lower() in cues.attribution_verbs and cues.source_descriptors.search(
            doc_text(sent.doc)[subj.left_edge.idx:subj.idx + len(subj.text)]):
        return None, None  # "Analysts forecast revenue of $7 billion": the reporters are no topic
    name, back = _name_np(subj, sent.doc, cues, span)
    if back:
        return _POINTS_BACK, None
    if name and (name in entity_table().canonical.values() or any(t.pos_ == "PROPN" for t in subj.subtree)
                 or _is_group_noun(subj)):
        reporter = root.lemma_.lower() in cues.attribution_verbs
        return name, (name if not reporter and _is_plural_name(sent, name) else None)
    return None, None


def _is_plural_name(sent: Span, name: str) -> bool:
    """Does the sentence write this name as a plural: its last word a plural noun
    ("hyperscalers"), or names joined ("Apple and Google")?"""
    last = name.split()[-1]
    for t in sent:
        if t.text == last:
            return t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in t.children) or t.dep_ == "conj"
    return False


def _is_group_noun(tok: Token) -> bool:
    """A plural common noun naming a group of actors ("the big five hyperscalers")."""
    if tok.lower_ in _cues().measure_nouns or _metric_head(tok):
        return False  # "Those gains", "sales": measures, not actors
    return tok.tag_ == "NNS" or any(t.like_num for t in tok.children)


# == source ==========================================================================


_BY_POINTER = "pointer"  # "it found", "his figure": the sentence points back to the source
_BY_PARAGRAPH = "paragraph"  # the source credited earlier in the same paragraph
_ITS_OWN = "\x00its own"  # "..., the company said": each figure's own company is its source
_ITSELF = "itself"  # source_how of a figure whose company, still unknown, is its own source


def _sentence_source(sent: Span, cues: _Cues, ctx: _Context, para: int) -> tuple[Optional[str], Optional[str]]:
    """(source, carried): the source this sentence credits (carried None), else one
    carried from before, and how (_BY_POINTER or _BY_PARAGRAPH); a carried source
    may give way to a figure's own company guidance."""
    own = _source(sent, cues)
    if own:
        return own, None
    speaker = _company_speaking(sent, cues)
    if speaker is not None:
        return (speaker or _ITS_OWN), None
    if ctx.source and (_attributes_by_pronoun(sent, cues) or cues.source_carry.search(sent.text)):
        ctx.source_para = para
        return ctx.source, _BY_POINTER
    if ctx.source and ctx.source_para == para:
        return ctx.source, _BY_PARAGRAPH
    return None, None


def _credits_main_clause(sent: Span, cues: _Cues) -> bool:
    """Does the sentence credit its whole claim to a source, so that the credit may
    carry on ("According to Bloomberg, ...", "Hood said ...", "Bloomberg's analysis
    shows ...")? Not when the source sits in a clause about another figure: "revenue
    grew 40%, beating the 38.2% analysts polled by Visible Alpha had expected"."""
    root = sent.root
    if root.lemma_.lower() in cues.attribution_verbs:
        return True
    subj = _clause_subject(root) if root.pos_ in ("VERB", "AUX") else None
    if subj is not None and (subj.lower_ in cues.source_nouns or cues.source_descriptors.search(subj.text)):
        return True
    if any(c.dep_ in ("dobj", "attr") and c.lower_ in cues.source_nouns for c in root.children):
        return True  # "The IEA published its annual review", "The best evidence is a study from MIT"
    if cues.source_prepositions.search(sent.text):
        return True  # "According to X, ...", "a study from X", "data from X"
    # "..., Hood said.", "..., the company said in a statement": a reporting verb the parse hung lower
    return any(t.lemma_.lower() in cues.attribution_verbs and t.dep_ in ("ROOT", "conj", "parataxis")
               and t.head == root for t in sent if t is not root) or any(
        t.lemma_.lower() in cues.attribution_verbs and t.i > root.i and t.dep_ in ("parataxis", "ccomp")
        for t in root.children)


def _coordinated_names(tok: Token, doc: Doc, cues: _Cues) -> Optional[str]:
    """"Microsoft, Alphabet, Amazon and Meta are expected to spend a combined $350
    billion": names coordinated as one subject share the figure, so the subject is
    all of them ("respectively" splits them: see _respectively)."""
    if tok.pos_ != "PROPN":
        return None
    # the parse may read the second of a comma list as an apposition ("Microsoft, Alphabet, ...")
    members = [tok] + [c for c in tok.subtree if c.i > tok.i and c.pos_ == "PROPN" and (
        c.dep_ == "conj" or c.dep_ == "appos" and any(x.dep_ == "conj" for x in c.subtree))]
    if len(members) < 2 or not any(c.dep_ == "cc" for m in members for c in m.children):
        return None
    names = []
    for m in members:
        words = [t for t in m.subtree if t.i <= m.i and t.dep_ in ("compound", "flat") or t.i == m.i]
        if not _entity_in(words, doc, cues, cues.subject_labels):
            return None  # "Johnson & Johnson", a name the parse split: not a list
        names.append(_strip_possessive(" ".join(t.text for t in sorted(words, key=lambda t: t.i))))
    if len(set(names)) < 2:
        return None
    # as written: a group is named by its members, not canonicalised into another name
    return ", ".join(names[:-1]) + " and " + names[-1]


def _bracketed(ent: Span) -> bool:
    """"WASHINGTON, Sept 11 (Reuters) -": a name in brackets of its own is a credit or
    an aside, never what a figure is about."""
    doc = ent.doc
    return ent.start > 0 and ent.end < len(doc) and doc[ent.start - 1].text == "(" and doc[ent.end].text == ")"


def _last_organisation_before(sent: Span, tok: Token, cues: _Cues) -> Optional[str]:
    """The organisation named last before `tok` in its sentence (alias table or NER)."""
    start = sent.start_char
    prefix = doc_text(sent.doc)[start:tok.idx]
    hits = [(h[0] + start, h[2]) for h in entity_table().find(prefix)]
    hits += [(e.start_char, _canon(e.text)) for e in sent.ents
             if e.end_char <= tok.idx and e.label_ in cues.organisation_labels and _is_entity_text(e.text, cues)]
    return max(hits)[1] if hits else None


def _company_speaking(sent: Span, cues: _Cues) -> Optional[str]:
    """"Nvidia said ..., the company said": a company word that reports speaks for the
    organisation named before it in the sentence (returned), else for the company
    each figure is about ("": "OpenAI's annualized revenue hit $13 billion, the
    company said"); None when no company word reports. It never points back to the
    last source credited."""
    for t in sent:
        if t.pos_ != "VERB" or t.lemma_.lower() not in cues.attribution_verbs:
            continue
        subj = _active_subject(t)
        if subj is None or not _company_word(subj, cues):
            continue
        # an organisation the parser recognises as one: "Azure revenue grew 33%, the
        # company said" speaks for Microsoft, not for its product
        orgs = [e for e in sent.ents if e.end <= subj.left_edge.i and e.label_ in cues.organisation_labels
                and _is_entity_text(e.text, cues)]
        return _canon(orgs[-1].text) if orgs else ""
    return None


def _attributes_by_pronoun(sent: Span, cues: _Cues) -> bool:
    """"However, it also emphasizes that ...", "It examined ... and found that ...",
    "He said ...": a reporting verb whose subject points back to the last source."""
    for t in sent:
        if t.pos_ == "VERB" and t.lemma_.lower() in cues.attribution_verbs \
                and any(c.dep_ in ("ccomp", "xcomp") for c in t.children):
            v = t
            for _ in range(3):
                subj = _active_subject(v)
                if subj is not None:
                    if subj.lower_ in ("which", "that", "who"):
                        break
                    if subj.lower_ in cues.pronouns or " ".join(x.lower_ for x in subj.subtree) in cues.anaphoric:
                        return True
                    break
                if v.dep_ != "conj":
                    break
                v = v.head
    return False


def _source(sent: Span, cues: _Cues) -> Optional[str]:
    doc = sent.doc
    text = sent.text
    m = cues.source_prepositions.search(text)
    if m:
        after = doc.char_span(sent.start_char + m.end(), sent.end_char, alignment_mode="expand")
        # "per" credits only a name right after it ("per Bloomberg"), not "per barrel"
        if after is not None and not (m.group().strip().lower() == "per" and not (
                len(after) and (after[0].pos_ == "PROPN" or after[0].ent_type_))):
            name = _leading_name(after, cues)
            if name:
                return name
    for t in sent:
        lemma = t.lemma_.lower()
        if lemma in cues.attribution_verbs and t.pos_ == "VERB":
            v = t
            subj = _active_subject(v)
            if subj is None and v.dep_ == "conj":
                subj = _active_subject(v.head)
            if subj is not None and subj.lower_ in ("which", "that", "who") and v.dep_ in ("relcl", "acl"):
                name = _antecedent_entity(v.head, doc, cues)
                if name:
                    return name
            elif subj is not None and subj.lower_ not in cues.pronouns and not _company_word(subj, cues):
                name = _entity_in(subj.subtree, doc, cues, cues.source_labels)
                if name:
                    return name
                if subj.lower_ in ("analysts", "economists", "experts", "researchers"):
                    return subj.text.capitalize()
        if t.lower_ in cues.source_nouns and t.pos_ in ("NOUN", "PROPN"):
            for c in t.children:
                if c.dep_ == "poss" and c.pos_ in ("PROPN",):
                    name = _entity_in(list(c.subtree), doc, cues, cues.source_labels)
                    if name:
                        return name
                if c.dep_ == "prep" and c.lower_ in ("from", "by"):
                    for o in c.children:
                        if o.dep_ == "pobj":
                            name = _entity_in(list(o.subtree), doc, cues, cues.source_labels)
                            if name:
                                return name
            names = [c for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN"
                     and c.text not in cues.not_entities and t.pos_ == "NOUN"
                     and (c.ent_type_ in cues.source_labels or entity_table().find(c.text))]
            if names:
                # "A Pew Research Center survey": the name the noun is compounded with,
                # after "from"/"by" and a possessive ("a Codex study from OpenAI")
                words = [x for c in names for x in c.subtree if x.pos_ == "PROPN" and x.text not in cues.not_entities]
                return entity_table().canonicalise(" ".join(x.text for x in sorted(words, key=lambda x: x.i)))
            # "X offered a calculation", "X published a report": the subject of the verb
            if t.dep_ == "dobj" and t.head.pos_ == "VERB":
                subj = _clause_subject(t.head)
                if subj is not None and subj.lower_ not in cues.pronouns:
                    name = _entity_in(subj.subtree, doc, cues, cues.source_labels)
                    if name:
                        return name
    # "Research firm Exponential View built a dataset ...": a subject described as a source
    root = sent.root
    subj = _clause_subject(root) if root.pos_ in ("VERB", "AUX") else None
    if subj is not None:
        np = doc_text(doc)[subj.left_edge.idx:subj.idx + len(subj.text)]
        if cues.source_descriptors.search(np):
            name = _entity_in(subj.subtree, doc, cues, cues.source_labels)
            if name:
                return name
    return _name_then_verb(sent, cues)


def _active_subject(verb: Token) -> Optional[Token]:
    """The subject of an active verb: "X estimated" credits X, "X was estimated" does not."""
    for c in verb.children:
        if c.dep_ == "nsubj":
            return c
    return None


def _antecedent_entity(noun: Token, doc: Doc, cues: _Cues) -> Optional[str]:
    """Who a relative clause's antecedent speaks for: a name in the antecedent phrase
    ("Gartner, which estimates ..."), else the subject of the clause the antecedent
    belongs to ("OpenAI partnered with Broadcom to launch a chip, which claims ...")."""
    name = _entity_in([t for t in noun.subtree if t.i <= noun.i], doc, cues, cues.source_labels, propn=False)
    if name:
        return name
    v = noun.head
    for _ in range(6):
        if v.pos_ in ("VERB", "AUX"):
            subj = _active_subject(v)
            if subj is not None and subj.lower_ not in cues.pronouns:
                return _entity_in(subj.subtree, doc, cues, cues.source_labels)
        if v.head.i == v.i:
            break
        v = v.head
    return None


def _name_then_verb(sent: Span, cues: _Cues) -> Optional[str]:
    """Fallback for misparses: a named source directly before an attribution verb
    ("Morgan Stanley and JPMorgan project ..."), where the small model often tags
    the verb as a noun. Surface order, not the parse, decides here."""
    ents = [e for e in sent.ents if e.label_ in cues.source_labels and _is_entity_text(e.text, cues)]
    for i, e in enumerate(ents):
        end = e.end
        nxt = sent.doc[end] if end < sent.end else None
        if nxt is not None and nxt.lower_ in ("and", "&") and i + 1 < len(ents) and ents[i + 1].start == end + 1:
            end = ents[i + 1].end
            nxt = sent.doc[end] if end < sent.end else None
        while nxt is not None and nxt.pos_ == "ADV" and end + 1 < sent.end:
            end += 1
            nxt = sent.doc[end]
        if nxt is None:
            continue
        if nxt.lemma_.lower() in cues.attribution_verbs or nxt.lower_.rstrip("s") in cues.attribution_verbs:
            if nxt.tag_ in ("VB", "VBP", "VBZ", "VBD", "NN", "NNS"):
                return _canon(e.text)
    return None


def _leading_name(span: Span, cues: _Cues) -> Optional[str]:
    """The name at the start of `span` ("research firm Exponential View's analysis")."""
    toks = []
    for t in span:
        if t.is_punct and t.text not in ("'s", "’s", "&", "."):
            break
        # "$55.12 per barrel and Brent was ...": the name must lead the phrase; a
        # participle does not end it ("estimates compiled by Bloomberg")
        if t.pos_ in ("CCONJ", "AUX") or t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            break
        toks.append(t)
        if len(toks) >= 8:
            break
    return _entity_in(toks, span.doc, cues, cues.source_labels)


def _gives_guidance(doc: Doc, sent: Span, subject: str, q: Quantity, cues: _Cues) -> bool:
    """Is a forecast about `subject` its own guidance? A money forecast about an
    organisation (a known entity or an ORG the model recognises) that no one else
    is credited for is the organisation's own plan ("Alphabet raised its capital
    expenditure guidance to $180-190 billion", "Microsoft is tracking above $120
    billion" in a paragraph about 2026 budgets)."""
    if not _is_money(q):
        return False
    table = entity_table()
    return subject in table.canonical.values() or any(
        e.label_ in cues.organisation_labels and table.canonicalise(_strip_possessive(e.text)) == subject
        for e in sent.ents)


# == metric ==========================================================================


def _metric(doc: Doc, sent: Span, q: Quantity) -> Optional[str]:
    """What the figure measures: read off the parse first (the noun it modifies,
    "revenue of $X", "$X in new debt", the subject of "is"/"rose to", "saves $14"),
    the vocabulary phrase nearest it only when the parse names nothing."""
    vocab = metric_vocabulary()
    text = doc_text(doc)[sent.start_char:sent.end_char]
    rel = q.start - sent.start_char
    rel_end = q.end - sent.start_char
    if _is_money(q):
        per = _per_share_metric(doc, q) or ("price" if _per_unit_of_good(doc, q) else None)
        if per:
            return per
    if _is_money(q) and _priced_at(doc, q):
        return "price"
    valued = _valued_object(doc, q)
    if _is_money(q) and valued is not None:
        return _VALUING_VERBS[valued.head.lemma_.lower()]
    if q.unit == "year" and re.fullmatch(r"\d{1,3}(?:\s*[-–]\s*\d{1,3})?", q.surface):
        return "age"  # a bare number of years is an age ("died at the age of 34", "Bryant, 16,")
    if q.unit == "points":
        return "points"  # "scored 34 points", "a nine-point run": sport's points are their own measure
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
            words = _metric_tokens(modified)
            if words:
                return vocab.canonical[" ".join(t.text for t in words).lower()]
            compounds = [t.lower_ for t in doc[_tokens_of(doc, q).end:modified.i]
                         if t.dep_ == "compound" and t.head == modified]
            return " ".join(compounds + [modified.lemma_.lower()])
        metric = _parsed_metric(doc, sent, q)
    if metric is None:
        metric = _nearest_metric(text, rel, rel_end, vocab, q.unit)
    if metric is None and q.unit == "W":
        # "a 2.1 GW floating solar project" is a plant's capacity; "a 96W adapter" a device's power
        metric = "capacity" if (q.value or q.high or 0) >= 1e6 else "power"
    if _measures_change(sent, q):
        metric = f"{metric} growth" if metric and not vocab.is_growth(metric) else (metric or "growth")
    return metric


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


@lru_cache(maxsize=None)
def _metric_rules() -> _MetricRules:
    r = metric_vocabulary().rules
    units = "|".join(re.escape(u) for u in sorted(r["per_unit"]["units"], key=len, reverse=True))
    return _MetricRules(
        per_share=tuple((metric, _lower(words)) for metric, words in r["per_share"].items()),
        per_share_after=re.compile(
            r"\s*(?:per|an?|each|/)\s*(?:(?:diluted|basic|common|ordinary|class\s+[A-Z])\s+)?share\b", re.I),
        per_unit_after=re.compile(rf"\s*(?:per|an?|each|/)\s*(?:{units})(?![\w-])", re.I),
        priced_for=_lower(r["priced"]["for"]),
        priced_at=_lower(r["priced"]["at"]),
        verb_objects={k.lower(): v for k, v in r["verb_objects"].items()},
        spend_on=_lower(r["spend_on"]["verbs"]),
        subject_verbs=_lower(r["subject_verbs"]["words"]),
        change_verbs=_lower(r["growth"]["verbs"]),
        time_nouns=_lower(r["nouns"]["time"]),
        currency_nouns=_lower(r["nouns"]["currency"]),
        transparent_nouns=_lower(r["nouns"]["transparent"]),
        owner_nouns=_lower(r["nouns"]["owners"]),
        generic_nouns=_lower(r["nouns"]["generic"]),
    )


def _per_share_metric(doc: Doc, q: Quantity) -> Optional[str]:
    """Money "a share": earnings per share only when earnings words govern it ("earned
    $2.8 billion, or 53 cents a share", "a loss of 5 cents a share", "analysts expected
    $1.20 a share"); an offer price under a bid ("bid $16.50 per share for Tribune");
    else a share price ("brought this public in 2014 at $16 a share")."""
    rules = _metric_rules()
    if not rules.per_share_after.match(doc_text(doc), q.end):
        return None
    span = _tokens_of(doc, q)
    if span is None:
        return "share price"
    attribution = _cues().attribution_verbs
    x = _anchor(span)
    for depth in range(12):
        if x.head.i == x.i:
            break
        x = x.head
        if depth and x.lemma_.lower() in attribution and x.lemma_.lower() not in _EXPECTING:
            break  # "..., analysts said": the speaker's words say nothing of the figure
        words = [x] + [c for c in x.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")]
        for metric, cues in rules.per_share:
            if any(w.lemma_.lower() in cues or w.lower_ in cues for w in words):
                return metric
    return "share price"


# Attribution verbs that speak of an expected figure ("Wall Street predicted $2.52 a share").
_EXPECTING = frozenset({"expect", "predict", "forecast", "estimate", "anticipate"})


def _per_unit_of_good(doc: Doc, q: Quantity) -> bool:
    """"$55.12 per barrel", "$1,472.19 an ounce", "$0.23/W": the price of a good."""
    return bool(_metric_rules().per_unit_after.match(doc_text(doc), q.end))


def _anchor(span: Span) -> Token:
    """The token whose place in the sentence says what the figure measures: the
    figure's root, or for a restatement ("fell 102.2 points, or 0.36%", "for $13 a
    share or $117.9 million") the first figure's."""
    t = span.root
    for _ in range(5):
        restates = t.dep_ == "appos" or (t.dep_ == "conj" and any(
            c.dep_ == "cc" and c.lower_ == "or" for c in t.head.children))
        if restates and _is_figure_token(t.head):
            t = t.head
        else:
            break
    return t


def _through_transparent(t: Token) -> Token:
    """"to the tune of $28 billion", "a total of $5 billion": the phrase around the
    figure stands where the figure would."""
    rules = _metric_rules()
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
    span = _tokens_of(doc, q)
    if span is None:
        return None
    anchor = _through_transparent(_anchor(span))
    if q.unit in _DURATION_UNITS:
        return _of_head_metric(anchor)  # "battery life of 30 minutes"; a clause's subject is no duration's
    rules = _metric_rules()
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
    if _is_money(q):
        named = _in_object_metric(span.root) or (_in_object_metric(anchor) if anchor is not span.root else None)
        if named:
            return named
        if _priced_by_deal(anchor):
            return "price"
    named = _of_head_metric(anchor)
    if named:
        return named
    if q.unit == "percent" and not _measures_change(sent, q):
        named = _partitive_metric(doc, span)
        if named:
            return named
    if verb is None:
        return None
    changed = [c for c in verb.children if c.dep_ == "dobj" and c.i < anchor.i and not _is_figure_token(c)]
    if lemma in rules.change_verbs and changed and anchor.dep_ == "pobj" and anchor.head.lower_ in ("by", "to", "from"):
        # "reduce the national gross domestic product by 0.3 percent", "increase solar
        # module efficiency from around 20% now to 24%": what the verb changes
        named = _noun_metric(changed[0])
        if named:
            return named
    if _is_money(q) and lemma == "be" and anchor.dep_ == "pobj" and anchor.head.lower_ == "at":
        return "price"  # "Brent was last at $60.73", "our previous mention was at $750"
    if (lemma in rules.subject_verbs or (q.unit == "percent" and lemma in rules.change_verbs)) and not changed:
        # an intransitive "rose", "is", "the index lost 0.12%": its subject is what is
        # measured; with an object the subject is who acts ("manufacturers increase efficiency")
        named = _subject_metric(verb, span)
        if named:
            return named
    if not _is_money(q):
        return None
    if lemma in rules.spend_on:
        named = _spent_on_metric(verb)
        if named:
            return named
    if anchor.dep_ in ("dobj", "npadvmod", "attr", "oprd") and lemma in rules.verb_objects:
        # "training a single model could cost $5 billion": a metric its subject names
        # comes before the verb's own ("cost")
        subj = _clause_subject(verb)
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
    subj = _clause_subject(verb)
    if subj is None and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        # "WeWork's 2025 bond has weakened sharply, hitting 16.057% on Monday"
        subj = _clause_subject(verb.head)
    if subj is None or _figure_inside(subj, span) or span.start <= subj.i < span.end:
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
    cues = _cues()
    if noun.pos_ == "PROPN" or noun.lower_ in cues.anaphoric_heads or noun.ent_type_ == "ORG":
        return "valuation"
    return None


def _is_figure_token(t: Token) -> bool:
    """A number or a figure's head ("18%" as the object of "rose")."""
    return t.like_num or t.pos_ == "NUM" or t.text in ("%", "$") or any(
        c.like_num and c.dep_ in ("nummod", "compound", "quantmod") for c in t.children)


def _priced_by_deal(anchor: Token) -> bool:
    """Money after "for" or "at" on a word of buying or selling, which the parser may
    hang a few words lower: "offers the MacBook in refurbished condition for $700",
    "acquired the stake held by its chairman for $13 a share", "start at $169.99"."""
    rules = _metric_rules()
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
            words = [w for w in words if w.lower_ not in _cues().drop_words and w.pos_ != "VERB"] or [o]
            return "share of " + " ".join(w.lower_ for w in words)
    return None


def _growth_noun_metric(noun: Token) -> Optional[str]:
    """"comparable-store sales growth", "an increase in revenue": a change noun names
    the growth of the metric it is about ("revenue growth"); bare, it is "growth"."""
    vocab = metric_vocabulary()
    if not (noun.lower_ in vocab.growth_cues or noun.lemma_.lower() in vocab.growth_cues
            or noun.lower_ in ("growth", "increase", "decrease", "rise", "decline", "drop", "fall")):
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
        if _a_line(line) and all(t.dep_ == "compound" and t.pos_ == "NOUN" and not _name_word(t) for t in line):
            # "cloud infrastructure revenue": a line of business's revenue is not the
            # company's, so the line stays in the metric
            return " ".join(t.lower_ for t in line) + " " + best[2]
        return best[2]
    if not _measure_noun(noun) or noun.lower_ in _cues().benchmark_nouns:
        return None  # "below expectations of $41.29 billion": what is expected is told elsewhere
    compounds = []
    not_names = _cues().not_entities
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
    rules = _metric_rules()
    cues = _cues()
    low, lemma = noun.lower_, noun.lemma_.lower()
    if not _COMMON_WORD.fullmatch(noun.text):
        return False  # a code or ticker (".DJI", "=RR"), not a word
    if noun.pos_ != "NOUN" or noun.like_num or noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC",
                                                                   "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL"):
        return False
    if low in cues.pronouns or low in cues.anaphoric_heads or lemma in cues.anaphoric_heads:
        return False
    if low in rules.time_nouns or low in rules.currency_nouns or low in rules.transparent_nouns \
            or low in rules.owner_nouns or lemma in rules.owner_nouns:
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


def _figure_head(doc: Doc, q: Quantity) -> Optional[Token]:
    """The noun a money or percent figure stands before as a modifier ("a $600
    billion gap", "a 25% stake", "the $5.5 billion consensus estimate")."""
    if not (_is_money(q) or q.unit == "percent"):
        return None
    span = _tokens_of(doc, q)
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


def _line_of(words: list[Token], metric: str) -> str:
    """"Cloud infrastructure revenue will grow 77%": the nouns right before a metric's
    words that name a line of business without a name stay in the metric, so that
    the line's revenue never meets the company's ("Azure revenue" is Azure's revenue)."""
    head = words[-1]
    line: list[Token] = []
    for t in reversed(list(head.doc[max(0, words[0].i - 4):words[0].i])):
        common = t.pos_ == "NOUN" or t.pos_ == "PROPN" and _capital_only_for_the_sentence(t)
        if t.dep_ == "compound" and common and t.head.i in {w.i for w in words} | {x.i for x in line} \
                and not _name_word(t) and not t.like_num:
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
                if o.dep_ == "pobj" and o.lemma_.lower() in _cues().segment_nouns:
                    mods = [t for t in o.children if t.dep_ == "compound" and t.pos_ in ("NOUN", "PROPN")
                            and not _name_word(t)]
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
    return not _after_glued_hyphen(first) and not any(t.lower_ in _cues().not_line_words for t in line)


def _metric_of_clause_subject(doc: Doc, q: Quantity) -> Optional[str]:
    """"Total revenue rose 18% to $77.7 billion, while net income climbed 12% to $27.7
    billion": the metric that is the subject of the verb a figure hangs on ("to",
    "by", "at", "of", or as its object), before any vocabulary word nearer by text."""
    verb = _verb_above(doc, q)
    subj = _clause_subject(verb) if verb is not None else None
    if subj is None or _figure_inside(subj, _tokens_of(doc, q)):
        return None
    words = _metric_tokens(subj)
    if words:
        return _line_of(words, metric_vocabulary().canonical[" ".join(w.text for w in words).lower()])
    # "comparable-store sales growth in 2019 will be 3.5%": the growth of a metric
    grown = _growth_noun_metric(subj)
    return grown if grown and grown != "growth" else None


def _modified_noun(doc: Doc, q: Quantity) -> Optional[Token]:
    """The noun a figure modifies when it is what the figure measures: not one that
    marks a level of some other measure ("the $1 billion barrier", "a $180 billion
    capex budget") or a change (a "12% rise" in what follows)."""
    head = _figure_head(doc, q)
    if head is None:
        return None
    rules = _metric_rules()
    if head.lower_ in rules.currency_nouns:
        # "a $75.3 billion dollar hit": the currency word repeats the unit; the word
        # after it (which the parser may take for a verb) is what is measured
        after = doc[head.i + 1] if head.i + 1 < len(doc) else None
        if after is None or not after.is_alpha or after.is_stop or after.pos_ not in ("NOUN", "VERB"):
            return None
        head = after
    if head.lower_ in rules.time_nouns:
        return None  # "up about 40% year to date", "5% a year": a time, not a measure
    if head.lower_ == "worth" or head.lower_ in rules.transparent_nouns:
        # "tariffs on $360 billion worth of Chinese goods", "a $250 billion list of
        # goods": what the phrase is of
        of = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        return of[0] if of and of[0].pos_ == "NOUN" else None
    cues = _cues()
    if head.lower_ in cues.level_nouns or head.lemma_.lower() in cues.level_nouns \
            or head.lower_ in metric_vocabulary().growth_cues or cues.source_descriptors.search(head.text):
        return None  # a level, a change, or a misparse onto the analysts who expect it
    return head


def _priced_at(doc: Doc, q: Quantity) -> bool:
    """"ChatGPT Plus at $20 per month", "Brent crude at $80 a barrel": money after
    "at" on a noun is that thing's price."""
    span = _tokens_of(doc, q)
    if span is None:
        return False
    at = span.root.head
    return span.root.dep_ == "pobj" and at.lower_ == "at" and at.head.pos_ in ("NOUN", "PROPN")


# "valued the company at $10 billion", "priced the shares at $42": what the verb measures.
_VALUING_VERBS = {"value": "valuation", "price": "price"}


def _valued_object(doc: Doc, q: Quantity) -> Optional[Token]:
    """The object of "valued X at $N" / "priced X at $N", or None."""
    span = _tokens_of(doc, q)
    if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ != "at":
        return None
    verb = span.root.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _VALUING_VERBS:
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


def _measures_change(sent: Span, q: Quantity) -> bool:
    """A percent or multiplier that measures a change: a growth word near it ("grew
    28%"), or a change verb it hangs on however far before it ("increased the price
    of this service by about 20%")."""
    if q.unit not in ("percent", "times", "percentage_point"):
        return False
    vocab = metric_vocabulary()
    text = doc_text(sent.doc)[sent.start_char:sent.end_char]
    if _level_of_change(sent, q):
        # a level, unless what changes is itself a growth ("Revenue growth has slowed to 3%")
        verb = _verb_above(sent.doc, q)
        subj = _clause_subject(verb) if verb is not None else None
        return subj is not None and subj.lemma_.lower() in vocab.growth_cues
    span = _tokens_of(sent.doc, q)
    if _is_growth(text, q.start - sent.start_char, q.end - sent.start_char, vocab):
        return True
    if span is None:
        return False
    # the word the figure (or the figure it restates: "fell 102.2 points, or 0.36%")
    # depends on, through "by": "doubled" itself, "are cutting" for "60% of companies
    # are cutting", "fallen by an order of magnitude", "added 0.1%", "lost 0.12%"
    anchor = _anchor(span)
    if anchor.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "prep" and c.lower_ == "of" for c in anchor.children):
        return False  # "About 60% of surveyed companies are cutting costs": a share of them, no change
    head = anchor.head
    if anchor.dep_ == "pobj" and head.lower_ in ("by", "to"):
        head = head.head
    lemma = head.lemma_.lower()
    return head.pos_ == "VERB" and (head.lower_ in vocab.growth_cues or lemma in vocab.growth_cues
                                    or lemma in _metric_rules().change_verbs)


_FROM_OR_TO = re.compile(r"(?:(?<!\bup\s)\bto|\bfrom)\s+$", re.I)


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


def _verb_above(doc: Doc, q: Quantity) -> Optional[Token]:
    """The verb a figure hangs on, as its object or adverbial or through a preposition."""
    span = _tokens_of(doc, q)
    if span is None:
        return None
    t = span.root
    head = t.head
    if t.dep_ == "pobj" and head.lower_ in _VERB_PREPOSITIONS and head.dep_ in ("prep", "agent"):
        head = head.head
    elif t.dep_ not in ("dobj", "npadvmod", "attr"):
        return None
    return head if head.pos_ in ("VERB", "AUX") else None


def _is_money(q: Quantity) -> bool:
    return len(q.unit) == 3 and q.unit.isupper()


def _is_change(q: Quantity, sent: Span) -> bool:
    """A rate of change ("doubling", "13 times higher", "grew 28%")."""
    return q.unit == "times" or _measures_change(sent, q)


# == period ==========================================================================


def _unit_of(r: TimeRef) -> Optional[str]:
    if r.period is None:
        return r.unit
    p = r.period
    if re.fullmatch(r"(?:FY)?\d{4}", p):
        return "year"
    if re.search(r"Q[1-4]$", p):
        return "quarter"
    if re.search(r"H[12]$", p):
        return "half"
    return "month"


def _resolve_same(refs: list[TimeRef], ctx: _Context) -> list[TimeRef]:
    """"the same period" is the period last mentioned; "the same quarter" only if that
    was a quarter. Updates the context as it goes, so a second "same period" in a
    sentence resolves too."""
    out = []
    last, last_unit = ctx.last_period, ctx.last_period_unit
    for r in refs:
        if r.role == "same":
            fits = last is not None and (r.unit == "period" or r.unit == last_unit)
            r = r._replace(period=last if fits else None, role="period" if fits else "unresolved")
        elif r.role == "previous":
            # "rose 0.5% last month. They rose 0.3% in the previous month."
            period = _one_before(last) if last is not None and r.unit == last_unit else r.period
            r = r._replace(period=period, role="period" if period else "unresolved")
        if r.role in ("period", "unresolved"):
            last, last_unit = r.period, _unit_of(r)
        out.append(r)
    return out


def _one_before(period: str) -> Optional[str]:
    """The period one unit before: "2025-09" -> "2025-08", "2025-Q1" -> "2024-Q4",
    "2025-H1" -> "2024-H2", "FY2025" -> "FY2024"."""
    m = re.fullmatch(r"(FY)?(\d{4})(?:-(Q|H)?(\d{1,2}))?", period)
    if m is None:
        return None
    fy, year, kind, n = m.group(1) or "", int(m.group(2)), m.group(3), m.group(4)
    if n is None:
        return f"{fy}{year - 1}"
    size = {"Q": 4, "H": 2, None: 12}[kind]
    n = int(n) - 1
    if n == 0:
        year, n = year - 1, size
    return f"{fy}{year}-{kind}{n}" if kind else f"{year}-{n:02d}"


def _attributive(text: str, r: TimeRef, det: str = r"the") -> bool:
    """A year used as a modifier: "the 2001 telecom cycle" names an event, "its 2025
    outlay" the thing a change is measured against."""
    return bool(r.period and re.fullmatch(r"\d{4}", r.period)
                and re.search(rf"\b(?:{det})\s+$", text[max(0, r.start - 8):r.start], re.I)
                and re.match(r"\s+[a-z]", text[r.end:r.end + 3]))


_NOT_BOUND = object()


def _period(refs: list[TimeRef], q: Quantity, others: list[Quantity], sent: Span, ctx: _Context,
            scope: list[Token], prev: object = _NOT_BOUND) -> Optional[str]:
    """The figure's period (see _bound_period); a figure a change is measured from
    "a year earlier" ("rose 12% to $27.7 billion from $24.7 billion a year earlier")
    has the period a year before the one the sentence is about."""
    if _level_now(sent, q):
        return None
    year_ago = [r for r in refs if r.role == "yearago"]
    refs = [r for r in refs if r.role != "yearago"]
    if not year_ago:
        return _bound_period(refs, q, others, sent, ctx, scope, prev)
    baseline = _measured_from(sent, q, year_ago)
    before = [o for o in others if o.end <= q.start]
    if baseline and prev is not _NOT_BOUND and before and _measured_from(sent, before[-1], year_ago):
        return prev  # "compared with $19.3 billion, or 78 cents per share, a year earlier"
    if baseline and prev is not _NOT_BOUND and prev is not None:
        current = prev  # "averaged 5.7 percent in October, down from 6.2 percent a year earlier"
    else:
        current = _bound_period(refs, q, others, sent, ctx, scope, prev)
    if current is None and not refs and ctx.last_period_unit in ("quarter", "half", "year", "month"):
        # "Data center revenue jumped 66% from a year earlier": a comparison with a year
        # before is about the period under discussion, the one last named
        current = ctx.last_period
    return _year_before(current) if baseline else current


# Words before a figure that make it the level a change is measured from.
_FROM_LEVEL = re.compile(r"\b(?:from|compared\s+(?:with|to)|versus|vs\.?|against)\s", re.I)


def _measured_from(sent: Span, q: Quantity, year_ago: list[TimeRef]) -> bool:
    """"compared with $19.3 billion, or 78 cents per share, a year earlier": the figure
    follows a "from"/"compared with" (and no "to" after it) and a year-ago reference
    follows the figure."""
    text = doc_text(sent.doc)
    before = text[sent.start_char:q.start]
    marks = list(_FROM_LEVEL.finditer(before))
    if not marks or re.search(r"\bto\b|[;]", before[marks[-1].end():]):
        return False
    return any(r.start >= q.end and not re.search(r"[;]|\b(?:to|from)\b", text[q.end:r.start]) for r in year_ago)


def _year_before(period: Optional[str]) -> Optional[str]:
    """"2025-Q3" -> "2024-Q3", "FY2026" -> "FY2025"."""
    if period is None:
        return None
    m = re.match(r"(FY)?(\d{4})(.*)", period)
    return f"{m.group(1) or ''}{int(m.group(2)) - 1}{m.group(3)}" if m else None


# Words that end the phrase a figure stands in: a period after them is no longer its.
_PHRASE_END = re.compile(r"[;:]|\b(?:and|while|but|whereas|from|compared|versus|vs|than|against|after|before|as)\b",
                         re.I)


def _chained(text: str, q: Quantity, o: Quantity, r: TimeRef, refs: list[TimeRef]) -> bool:
    """"reported a loss of $304.7 million on revenue of $167.4 million in the third
    quarter", "rose 62% to $57.01 billion in the third quarter": a time after a run of
    figures in one phrase dates each of them, not only the one next to it."""
    return q.end <= o.start and o.end <= r.start and not _PHRASE_END.search(text[q.end:r.start]) \
        and not _FROM_LEVEL_JUST_BEFORE.search(text[max(0, q.start - 30):q.start]) \
        and not any(q.end <= x.start and x.end <= r.start for x in refs if x is not r)


def _level_now(sent: Span, q: Quantity) -> bool:
    """"from around $0.23/W today to $0.10 by 2030": the level now, not the target."""
    return re.match(r"\S{0,8}\s+(?:today|now|currently|at\s+present)\b", doc_text(sent.doc)[q.end:q.end + 30],
                    re.I) is not None


def _subject_phrase(sent: Span, q: Quantity) -> list[Token]:
    """The subject of the figure's clause with all it carries: "the average price of a
    new vehicle sold in October was $39,014" is the October price."""
    span = _tokens_of(sent.doc, q)
    if span is None:
        return []
    head = _clause_head(span.root)
    return [t for c in head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]


def _bound_period(refs: list[TimeRef], q: Quantity, others: list[Quantity], sent: Span, ctx: _Context,
                  scope: list[Token], prev: object = _NOT_BOUND) -> Optional[str]:
    """The time reference bound to the figure: the nearest one in its clause that is
    not nearer to another figure ("committed $200 billion, doubling its 2025 outlay"),
    nor a baseline or a publication date; else a reference fronted at the sentence
    start ("In the first half of 2026, ..."); else, when the sentence's references
    belong to other figures, the period of the figure before it ("grew 28% in Q1,
    reaching $37.6 billion"); else the paragraph's period, unless the sentence names
    a time of its own."""
    text = doc_text(sent.doc)
    any_change = any(_is_change(o, sent) for o in others)
    in_scope = {t.idx for t in scope} | {t.idx for t in _subject_phrase(sent, q)}

    def usable(r: TimeRef) -> bool:
        if r.role in ("baseline", "publication"):
            return False
        if any_change and _attributive(text, r, r"its|their|last\s+year's"):
            return False  # "doubling its 2025 outlay": the year of the baseline
        return True

    def distance(r: TimeRef, x: Quantity) -> float:
        # A reference right after the figure ("$25 billion in Q1 2026") binds tighter;
        # a comma between them parts them ("reached $34.9 billion in the third quarter,
        # up 74%": the quarter is the $34.9 billion's).
        if r.end <= x.start:
            return (x.start - r.end) * 1.3 + (40 if re.search(r",(?!\d)", text[r.end:x.start]) else 0)
        return r.start - x.end + (40 if re.search(r",(?!\d)", text[x.end:r.start]) else 0)

    def scoped(r: TimeRef) -> bool:
        # "raised the price by 20% starting in July": a participle that dates the
        # clause it hangs on, though the parse gives it a clause of its own
        return any(r.start <= i < r.end for i in in_scope) or re.search(
            r"\b(?:starting|beginning|effective|commencing)\s+(?:in\s+|on\s+|from\s+)?$",
            text[max(sent.start_char, r.start - 25):r.start], re.I) is not None

    cands = [r for r in refs if usable(r) and not (r.start < q.end and q.start < r.end)]
    best, best_d = None, None
    for r in cands:
        if not scoped(r):
            continue
        d = distance(r, q)
        if any(o is not q and distance(r, o) < d and not (r.start < o.end and o.start < r.end) and not _tolerance(o)
               and not (r.end <= o.start and _baseline_figure(sent, o))
               and not (_chained(text, q, o, r, refs) and not _baseline_figure(sent, o)) for o in others):
            continue  # a nearer figure takes it; not a tolerance, nor a baseline after the time
        if best_d is None or d < best_d:
            best, best_d = r, d
    if best is not None:
        return best.period
    first_fig = min(o.start for o in others) if others else q.start
    for r in cands:
        if r.end <= first_fig and r.role in ("period", "horizon") and re.fullmatch(
                r"\W*(?:in|during|for|over|by|through|as\s+of)?\s*(?:the\s+)?", text[sent.start_char:r.start], re.I) \
                and re.match(r"\s*,", text[r.end:r.end + 2]):
            return r.period
    if prev is not _NOT_BOUND and _FROM_LEVEL_JUST_BEFORE.search(text[sent.start_char:q.start]):
        return None  # "grew to $5 billion in August from roughly $1 billion": not August's
    if prev is not _NOT_BOUND and any(scoped(r) for r in cands):
        return prev  # the sentence's time belongs to the figure before this one
    if prev is not _NOT_BOUND and cands:
        return prev
    if any(scoped(r) for r in cands):
        return None
    if _NOW_OPENER.match(sent.text):
        return None  # "In 2000, carriers spent $120 billion. Today, prices have dropped from $8 to $2."
    if _is_money(q) or q.unit in ("percent", "percentage_point", "times"):
        return ctx.para_period or _horizon_carried(sent, scope)
    return None


_NOW_OPENER = re.compile(r"\W*(?:today|now|currently|nowadays|these\s+days|at\s+present|right\s+now)\b", re.I)

_MODAL = frozenset({"would", "will", "could", "might", "may"})


def _horizon_carried(sent: Span, scope: list[Token]) -> Optional[str]:
    """"... will reduce GDP by 0.3 percent by 2020. If that holds up, that would work
    out to a $75.3 billion hit": a target date is no period of the paragraph, but a
    figure that goes on in the conditional goes on with it."""
    if sent.start == 0 or not any(t.lower_ in _MODAL for t in scope) \
            or not any(t.lower_ in ("that", "this", "it", "such") for t in sent[:3]):
        return None  # only a sentence that points back goes on with the figure before
    before = sent.doc[sent.start - 1].sent
    if "\n" in doc_text(sent.doc)[before.end_char:sent.start_char]:
        return None  # another paragraph
    years = re.findall(r"\b(?:by|until)\s+(?:the\s+end\s+of\s+)?(?:fiscal\s+)?((?:19|20)\d\d)\b", before.text, re.I)
    return years[-1] if years else None


_BASELINE_FIGURE = re.compile(r"(?:\b(?:up|down)\s+from|\bcompared\s+(?:with|to)|\bversus|\bvs\.?)\s+$", re.I)


def _baseline_figure(sent: Span, q: Quantity) -> bool:
    """"expected to spend $350 billion this year, up from about $230 billion in 2024":
    the figure a change is measured from is what was, not what is expected."""
    return _BASELINE_FIGURE.search(_before_figure(sent, q)) is not None


def _tolerance(q: Quantity) -> bool:
    """"revenue of $54 billion, plus or minus 2%, for the third quarter": a tolerance
    on the figure before it, which does not take that figure's period from it."""
    return bool(q.hedge) and re.search(r"(?i)\bplus\s+or\s+minus\b|±", q.hedge) is not None


# == kind ============================================================================


def _outside_other_figures(sent: Span, q: Quantity) -> list[Token]:
    """The sentence minus relative clauses on other figures: in "revenue rose to $51.2
    billion, ahead of the $49.4 billion analysts had expected", the analysts speak of
    the expectation, not of the revenue."""
    span = _tokens_of(sent.doc, q)
    mine = range(span.start, span.end) if span is not None else range(0)

    def on_other_figure(t: Token) -> bool:
        if any(c.dep_ in ("nummod", "compound") and (c.like_num or c.ent_type_ in ("MONEY", "PERCENT"))
               and c.i not in mine for c in t.children):
            return True  # "the $49.4 billion analysts had expected", parsed as a noun phrase
        for a in [t] + list(t.ancestors):
            if a.dep_ in ("relcl", "acl") and (a.head.like_num or a.head.ent_type_ in ("MONEY", "PERCENT")) \
                    and a.head.i not in mine:
                return True
        return False
    return [t for t in sent if not on_other_figure(t)]


def _without_benchmarks(tokens: list[Token], cues: _Cues) -> list[Token]:
    """The tokens minus forecast/estimate words that a result is measured against:
    "revenue of $27.2 billion topped estimates", "beat analysts' forecasts", "came in
    above expectations" report an actual figure, not an estimate."""
    def benchmarked(t: Token) -> bool:
        if t.lower_ not in cues.benchmark_nouns:
            return False
        # the words just before, for parses that miss the verb ("beat" read as an adjective)
        before = t.doc[max(t.sent.start, t.i - 3):t.i]
        if any(b.lower_ in cues.benchmark_words or b.lemma_.lower() in cues.benchmark_words for b in before):
            return True
        up = t.head
        for _ in range(3):
            if up.lemma_.lower() in cues.benchmark_words or up.lower_ in cues.benchmark_words:
                return True
            if up.dep_ not in ("prep", "pobj", "pcomp", "advmod", "amod") or up.head.i == up.i:
                break
            up = up.head
        return False
    return [t for t in tokens if not benchmarked(t)]


def _cue_in(tokens: list[Token], words: Iterable[str]) -> bool:
    # names are no cue words: the month "May", the retailer Target, "Outlook"
    text = " " + " ".join("_" if _is_name_word(t) else t.lower_ for t in tokens) + " "
    return any(f" {w} " in text for w in words)


_NAME_ENTITIES = frozenset({"DATE", "ORG", "PERSON", "PRODUCT", "GPE", "WORK_OF_ART", "EVENT", "FAC", "NORP", "LAW"})


def _is_name_word(t: Token) -> bool:
    """A capitalised word inside a name or a date, not at the start of its sentence."""
    return t.text[:1].isupper() and not t.is_sent_start and (t.ent_type_ in _NAME_ENTITIES or t.pos_ == "PROPN")


# Metrics that stand at a moment rather than accrue over a period.
_STOCK_METRICS = frozenset({"valuation", "price", "share price", "market share", "earnings per share",
                            "offer price", "debt", "yield", "interest rate", "net worth"})


def _kind(sent: Span, q: Quantity, cues: _Cues, scope: list[Token], source: Optional[str], period: Optional[str],
          ref_year: Optional[int], in_if: bool, illustration: bool, carried_estimate: bool = False,
          metric: Optional[str] = None) -> Kind:
    """Cues count in the figure's own clause and the clauses above it (see _scope);
    forecast before estimate, strong cues before weak ones. Weak estimate cues speak
    of how a source worked ("according to research firm X's analysis") and count in
    the whole sentence, but not for counts of what was studied ("data from over
    1,000 companies")."""
    scope_text = " ".join(t.text for t in scope)
    if in_if or illustration or cues.illustrative.search(scope_text) or _generic_example(sent, q):
        return Kind.illustrative
    benchmark = _figure_head(sent.doc, q) or _noun_of(sent.doc, q)
    if benchmark is not None and benchmark.lower_ in cues.benchmark_nouns:
        # "above the $5.5 billion consensus estimate", "its $70 billion spending
        # forecast": the expectation itself
        return Kind.forecast if benchmark.lower_ in cues.forecast else Kind.estimate
    benchmark = _benchmark_named_after(sent, q, cues)
    if benchmark is not None:
        # "the $75.3 billion average analyst estimate"
        return Kind.forecast if benchmark in cues.forecast else Kind.estimate
    scope = _without_benchmarks(_without_nouns_for_verbs(_without_others_expected(scope, q)), cues)
    if _expected_after_comparison(sent, q) or _expected_by_analysts_before(sent, q, cues):
        # "EPS: $3.25 adjusted vs. $2.86 expected", "Analysts had been looking for $3.05"
        return Kind.estimate
    if _baseline_figure(sent, q) or _level_now(sent, q) or _described_as_done(sent, q, cues):
        return Kind.fact
    if _cue_in(scope, cues.forecast):
        return Kind.estimate if _expected_by_analysts_before(sent, q, cues) else Kind.forecast
    if _reached_by(sent, q, period, ref_year) and not _told_as_done(sent.doc, q, cues):
        # "reduce module costs to $0.10 by 2030", "inflation would climb to 3.5% by the end
        # of next year, economists estimated": a level to be reached by a date still ahead
        return Kind.forecast
    if _cue_in(scope, cues.estimate):
        return Kind.estimate
    if _cue_in(scope, cues.weak_forecast):
        return Kind.estimate if _expected_by_analysts_before(sent, q, cues) else Kind.forecast
    if source and q.unit != "count" and (carried_estimate or _cue_in(_outside_other_figures(sent, q), cues.weak_estimate)):
        # "His figure ...: approximately $600 billion" after "Cahn has calculated"
        return Kind.estimate
    if (_is_money(q) or q.unit == "times") and period and ref_year and re.fullmatch(r"\d{4}", period) and int(period) >= ref_year \
            and not cues.actual.search(sent.text) and metric not in _STOCK_METRICS and not _told_as_done(sent.doc, q, cues):
        # A year's spending or revenue before the year is over is a plan or guidance;
        # a value or a price stands at a moment ("a market value of $4.5 trillion").
        return Kind.forecast
    return Kind.fact


@lru_cache(maxsize=None)
def _kind_words() -> tuple[frozenset[str], frozenset[str]]:
    """(forecast cues that count only as verbs, verbs of expecting), from framing.toml."""
    d = data_table("framing")
    return _lower(d["verb_only_forecast_cues"]), _lower(d["expecting_verbs"])


def _without_nouns_for_verbs(tokens: list[Token]) -> list[Token]:
    """The tokens minus nouns spelled as forecast verbs ("capital projects")."""
    verb_only = _kind_words()[0]
    return [t for t in tokens if not (t.lower_ in verb_only and t.pos_ not in ("VERB", "AUX"))]


def _benchmark_named_after(sent: Span, q: Quantity, cues: _Cues) -> Optional[str]:
    """The expectation a figure stands before, through its modifiers: "the $75.3
    billion average analyst estimate", "a $5.5 billion Wall Street consensus"."""
    span = _tokens_of(sent.doc, q)
    if span is None or not (_is_money(q) or q.unit == "percent"):
        return None
    words = sent.doc[span.end:min(span.end + 4, sent.end)]
    for n, t in enumerate(words):
        if t.lower_ in cues.benchmark_nouns:
            # one noun phrase: the figure and the words between modify the expectation
            phrase = {x.i for x in words[:n + 1]}
            return t.lower_ if span.root.head.i in phrase and all(x.head.i in phrase for x in words[:n]) else None
        if t.pos_ not in ("ADJ", "NOUN", "PROPN", "PART") or t.lower_ in cues.benchmark_words:
            return None
    return None


_HAD_EXPECTED = r"(?:had|were|was)\s+(?:been\s+)?(?:expect|forecast|predict|project|anticipat|look\w*\s+for)"


_POSTPOSED = frozenset({"expected", "estimated", "forecast", "anticipated", "predicted"})


def _without_others_expected(tokens: list[Token], q: Quantity) -> list[Token]:
    """The tokens minus a participle that marks another figure as expected: in "$3.25
    adjusted vs. $2.86 expected" the expectation is the $2.86."""
    def marks_another(t: Token) -> bool:
        if t.lower_ not in _POSTPOSED or t.i == 0:
            return False
        prev = t.doc[t.i - 1]
        return (prev.like_num or prev.text in ("%", "billion", "million", "trillion")) and not q.start <= prev.idx < q.end
    return [t for t in tokens if not marks_another(t)]


def _expected_after_comparison(sent: Span, q: Quantity) -> bool:
    """"$3.25 adjusted vs. $2.86 expected": the figure a result is set against, marked
    by a participle after it."""
    text = doc_text(sent.doc)
    return re.match(r"\s+(?:expected|estimated|forecast|anticipated|predicted)\b", text[q.end:q.end + 20], re.I) is not None \
        and re.search(r"\b(?:vs\.?|versus|compared\s+(?:with|to)|against|than)\s+(?:the\s+|an?\s+)?$",
                      text[max(sent.start_char, q.start - 30):q.start], re.I) is not None


def _expected_by_analysts_before(sent: Span, q: Quantity, cues: _Cues) -> bool:
    """"Analysts polled by Visible Alpha had expected capital spending of $30 billion
    for the quarter", "Wall Street analysts were expecting $2.52 a share": what the
    analysts expected of a period now reported is their estimate."""
    text = doc_text(sent.doc)
    after = text[q.end:sent.end_char]
    m = re.match(r"\s+(?:\w+\s+){0,2}?(\S+(?:\s+\S+)?)\s+" + _HAD_EXPECTED, after, re.I)
    if m and cues.source_descriptors.search(m.group(1)):
        return True  # "ahead of the $49.4 billion analysts had expected", however it parses
    before = text[sent.start_char:q.start]
    if any(re.match(r"(?:\s+[\w.,'’-]+){0,4}?\s+" + _HAD_EXPECTED, before[d.end():], re.I)
           for d in cues.source_descriptors.finditer(before)):
        return True  # "Economists polled by Reuters had forecast sales would rise 0.3%"
    span = _tokens_of(sent.doc, q)
    if span is None:
        return False
    expecting = _kind_words()[1]
    # the verbs above the figure, and a relative clause on it ("the $49.4 billion
    # analysts had expected")
    described = [c for c in span.root.children if c.dep_ in ("relcl", "acl")]
    for verb in described + [span.root] + list(span.root.ancestors):
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in expecting:
            continue
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        past = verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return past and subj is not None and cues.source_descriptors.search(
            " ".join(t.text for t in subj.subtree)) is not None
    return False


_FROM_LEVEL_JUST_BEFORE = re.compile(r"\bfrom\s+(?:around|about|roughly|nearly|some|an?\s+estimated)?\s*$", re.I)


def _described_as_done(sent: Span, q: Quantity, cues: _Cues) -> bool:
    """"nearly double the $72 billion it spent last year": a relative clause in the past
    on the figure tells what was, whatever the sentence expects."""
    span = _tokens_of(sent.doc, q)
    if span is None:
        return False
    root = span.root
    np = root.head if root.dep_ in ("nummod", "compound", "quantmod", "amod") else root
    for verb in (c for c in np.children if c.dep_ in ("relcl", "acl") and c.i >= span.end):
        if verb.lemma_.lower() in cues.plan_verbs or verb.lemma_.lower() in _kind_words()[1]:
            continue
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.tag_ == "MD" for a in auxes):
            continue
        if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes)):
            return True
    return False


def _reached_by(sent: Span, q: Quantity, period: Optional[str], ref_year: Optional[int]) -> bool:
    """Is the figure's period a date it is to be reached by ("by 2030", "by the end of
    fiscal 2027"), no earlier than the year the article is written in?"""
    m = re.fullmatch(r"(?:FY)?(\d{4})(?:-\w+)?", period or "")
    if m is None or ref_year is None or int(m.group(1)) < ref_year or _FROM_LEVEL_JUST_BEFORE.search(
            doc_text(sent.doc)[sent.start_char:q.start]):
        return False  # "cut costs from $0.23 to $0.10 by 2030": $0.23 is where they start
    after = doc_text(sent.doc)[q.end:sent.end_char]
    return re.search(rf"\b(?:by|until|before|at\s+the\s+(?:end|close)\s+of)\s+(?:the\s+(?:end|close)\s+of\s+)?"
                     rf"(?:fiscal\s+(?:year\s+)?)?"
                     rf"(?:{m.group(1)}|next\s+year)\b", after, re.I) is not None


def _noun_of(doc: Doc, q: Quantity) -> Optional[Token]:
    """The noun whose "of" object the figure is: "estimates of $46.06 billion",
    "revenue of $54 billion"."""
    span = _tokens_of(doc, q)
    if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ != "of":
        return None
    noun = span.root.head.head
    return noun if noun.pos_ == "NOUN" else None


def _credit_elsewhere(sent: Span, q: Quantity, cues: _Cues) -> bool:
    """"Oracle raised $18 billion in a bond sale, and analysts at Morgan Stanley expect
    its net debt to double": the reporting verb heads a clause of its own, coordinated
    with the figure's, so it credits nothing in the figure's clause."""
    if cues.source_prepositions.search(sent.text):
        return False
    span = _tokens_of(sent.doc, q)
    verbs = [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in cues.attribution_verbs
             and _active_subject(t) is not None]
    if span is None or not verbs:
        return False
    return all(not (v.left_edge.i <= span.root.i <= v.right_edge.i) and _own_clause(v) for v in verbs)


def _credit_for_another_figure(sent: Span, q: Quantity, cues: _Cues) -> bool:
    """"The company expects revenue of $54 billion, compared with analysts' average
    estimate of $53.14 billion, according to data compiled by LSEG": a credit after a
    comparison is for the figure compared with, not for the one before it."""
    m = cues.source_prepositions.search(sent.text)
    if not m:
        return False
    credit_at = sent.start_char + m.start()
    return credit_at >= q.end and any(
        q.end <= t.idx < credit_at and (t.lower_ in cues.benchmark_words or t.lemma_.lower() in cues.benchmark_words)
        for t in sent)


def _told_as_done(doc: Doc, q: Quantity, cues: _Cues) -> bool:
    """"Revenues from the tariffs have totaled about $63 billion through June 30",
    "the group spent $90 billion": a verb in the past or present perfect tells what
    has happened, not a plan ("has committed $200 billion", "raised its capex to
    $125-145 billion" make or move one)."""
    verb = _verb_above(doc, q)
    if verb is None:
        return False
    lemma = verb.lemma_.lower()
    if lemma in cues.plan_verbs:
        return False
    span = _tokens_of(doc, q)
    if lemma in cues.plan_moving_verbs and span is not None and span.root.head.lower_ == "to":
        return False
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return False  # "would have cost"
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _generic_example(sent: Span, q: Quantity) -> bool:
    return _type_case_relative(sent, q) or _type_case_subject(sent, q) or _worked_example(sent, q)


_PREMISE_MARKS = frozenset({"if", "assuming", "suppose", "supposing"})


def _worked_example(sent: Span, q: Quantity) -> bool:
    """"If each of the 550,000 GPUs costs $30,000, the hardware alone would come to $16.5
    billion", "At 8 cents per kilowatt-hour, running them would cost $500 million a
    year": a sum worked from an assumed figure is an illustration, premise and result.
    (A premise without a figure, "if the trend continues, ... would", is a forecast; a
    figure restated with "the" is the known figure, not an assumption.)"""
    root = sent.root
    if not any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might") for c in root.children):
        return False
    text = doc_text(sent.doc)
    if re.search(r"\bthe\s+$", text[max(sent.start_char, q.start - 5):q.start], re.I):
        return False
    premise = [t for c in root.children if c.dep_ == "advcl"
               and any(m.dep_ == "mark" and m.lower_ in _PREMISE_MARKS for m in c.children) for t in c.subtree]
    first = sent[0]
    if first.lower_ == "at" and first.head.i == root.i:
        premise += list(first.subtree)  # "At an electricity price of 8 cents per kilowatt-hour, ..."
    return any(t.like_num for t in premise)


def _type_case_subject(sent: Span, q: Quantity) -> bool:
    """"A startup paying $2 an hour for 1,000 GPUs spends about $17.5 million a year": a
    present-tense sentence about an indefinite someone (a startup, a household; not "a
    15.6-inch touch screen that appears to float") that a participle or relative clause
    describes is a type case, every figure in it."""
    root = sent.root
    if root.tag_ not in ("VBZ", "VBP") or any(c.dep_ == "aux" and c.tag_ in ("VBD", "MD") for c in root.children):
        return False
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in _type_case_subjects() \
            or not any(c.dep_ == "det" and c.lower_ in ("a", "an", "any", "every") for c in subj.children):
        return False
    if any(c.like_num or c.ent_type_ in ("MONEY", "PERCENT", "CARDINAL") for c in subj.children):
        return False  # "A $4 billion lead, supporting an answer ...": a figure, not a type case
    return any(c.dep_ == "acl" and c.tag_ == "VBG" or c.dep_ == "relcl" and c.tag_ in ("VBZ", "VBP")
               for c in subj.children)


@lru_cache(maxsize=None)
def _type_case_subjects() -> frozenset[str]:
    return _lower(data_table("framing")["type_case_subjects"])


def _type_case_relative(sent: Span, q: Quantity) -> bool:
    """"A family that spends $500 a month", "a developer who spends $10,000": a figure
    in a present-tense relative clause on an indefinite noun describes a type case,
    not a reported event ("a startup that raised $5 billion" is past, so reported)."""
    span = sent.doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return False
    t = span.root
    for _ in range(6):
        if t.dep_ == "relcl" and t.tag_ in ("VBZ", "VBP"):
            noun = t.head
            return noun.dep_ in ("nsubj", "nsubjpass") \
                and any(c.dep_ == "det" and c.lower_ in ("a", "an", "any", "every") for c in noun.children) \
                and any(c.lower_ in ("who", "that") for c in t.children)
        if t.head.i == t.i:
            return False
        t = t.head
    return False


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
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return False
