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
from dataclasses import dataclass
from typing import Optional
from spacy.tokens import Doc, Span
from extract.records import Kind, Quantity
from extract.periods import find_time_refs
from extract.article_time import ArticleTime
from extract.frame.cues import Cues, load_cues
from extract.frame.context import BY_PARAGRAPH, BY_POINTER, Context, Frame, ITSELF, ITS_OWN, POINTS_BACK, STRONG, TOPIC, WEAK, doc_text, \
    keep_text, sent_text, span_ents
from extract.frame.syntax import index_of, is_heading, name_like, paragraph_index, scope_of, tokens_of
from extract.frame.figures import is_money
from extract.frame.benchmark_metric import lend_actual_metric
from extract.frame.credit import figure_credit
from extract.frame.lede_person import name_the_described_person
from extract.frame.described import DESCRIBED
from extract.frame.subject import figure_subject, sentence_subject, without_article
from extract.frame.source import credit_back, credits_main_clause, credits_research, discloses_itself, expects, gives_guidance, in_aside, \
    leaves_quote_open, makers_claim, names_source, sentence_source
from extract.frame.metric import figure_metric
from extract.frame.period import NOT_BOUND, attributive, figure_period, resolve_same, unit_of
from extract.frame.article import article_topic, lend_topic, link_restatements
from extract.frame.kind import credit_elsewhere, credit_for_another_figure, figure_kind
from extract.frame.cue_in import cue_in
from extract.frame.example import is_conditional
from extract.frame.expectation import without_benchmarks
from extract.frame.clause_credit import clause_speaker
from extract.frame.story_event import disaster_subject

__all__ = ["STRONG", "WEAK", "TOPIC", "Frame", "doc_text", "frame_doc", "article_topic", "keep_text", "lend_topic",
           "link_restatements", "tokens_of"]


def frame_doc(doc: Doc, quantities: list[Quantity], time: ArticleTime = ArticleTime(),
              region: int = 0) -> list[Frame]:
    """Frame every quantity of `doc` (offsets relative to its text).

    `time` is what the whole article says about time (extract/article_time.py): its
    date, or the year it is estimated to be written in; the fiscal year it names; the
    period a results story reports.
    Within a paragraph, a figure whose sentence names no metric or period takes the
    paragraph's: "Alphabet has roughly doubled its guidance to $175–185 billion"
    follows sentences about 2026 capital spending."""
    cues = load_cues()
    frames: list[Frame] = []
    ctx = Context()
    by_sent: dict[int, list[Quantity]] = {}
    sents = list(doc.sents)
    starts = [s.start_char for s in sents]
    for q in quantities:
        by_sent.setdefault(index_of(starts, q.start), []).append(q)
    para_of = paragraph_index(doc_text(doc))
    published, year = time.published, time.year
    ref_year = published.year if published else year
    ctx.reporting, ctx.study = time.reporting, time.study
    waiting: list[Frame] = []  # this paragraph's figures no credit has reached yet
    for i, sent in enumerate(sents):
        p = para_of(sent.start_char)
        if p != ctx.para:
            ctx.para, ctx.para_metric, ctx.para_period, ctx.para_growth = p, None, None, None
            waiting = []
        refs = resolve_same(find_time_refs(doc_text(doc), published, sent.start_char, sent.end_char, year=year,
                                           fiscal_year=time.fiscal_year, by_start=time.by_start,
                                           fiscal_ends=time.fiscal_ends), ctx)
        if cues.illustration_openers.search(sent_text(sent)):
            ctx.illustration_para = ctx.para
        credit = _Credit(*sentence_source(sent, cues, ctx, ctx.para))
        in_sent = sorted(by_sent.get(i, []), key=lambda x: x.start)
        prev_period: object = NOT_BOUND
        for q in in_sent:
            frame = _frame_figure(doc, sent, q, in_sent, refs, prev_period, credit, cues, ctx, ref_year, region)
            prev_period = frame.period
            frames.append(frame)
        own_frames = frames[len(frames) - len(in_sent):]
        lend_actual_metric(own_frames)  # "$2.03 a share, below the $2.05 analysts had forecast"
        _remember(doc, sent, refs, credit, own_frames, cues, ctx, region)
        waiting = credit_back(waiting, own_frames, sent, credit.named, credit.carried, cues)
    name_the_described_person(doc, frames, para_of)  # "A former bank executive ..." then "Michael Reyes, 54, ..."
    return frames


@dataclass
class _Credit:
    """The source a sentence credits, and whether it was carried from before."""

    source: Optional[str]
    carried: object  # False, or how it was carried (BY_POINTER, BY_PARAGRAPH)

    @property
    def speaks_for_itself(self) -> bool:
        """"..., the company said": each figure's own company is its source."""
        return self.source == ITS_OWN

    @property
    def named(self) -> Optional[str]:
        return None if self.speaks_for_itself else self.source


def _frame_figure(doc: Doc, sent: Span, q: Quantity, in_sent: list[Quantity], refs, prev_period: object,
                  credit: _Credit, cues: Cues, ctx: Context, ref_year: Optional[int], region: int) -> Frame:
    """One figure's frame: the roles in order, each reading what the ones before found.
    A subject or source that is not a name-like string (a ticker fragment like "=" or
    "RR") is dropped where it is found."""
    sent_source, carried = credit.named, credit.carried
    scope = scope_of(sent, q)
    subject, how = figure_subject(doc, sent, q, cues, ctx, in_sent, sent_source)
    if not name_like(subject) or (subject or "").lower() in cues.news_agencies:
        # a news agency reports figures; it is what a figure is about only in its own story
        subject, how = None, None
    subject = without_article(subject)  # "the SunShot Initiative" is the SunShot Initiative
    metric = figure_metric(doc, sent, q)
    in_disaster = disaster_subject(doc, subject, metric, sent_source)  # "the island's fire department said"
    if in_disaster:
        subject, how = in_disaster, how or WEAK
    if metric is None and is_money(q):
        metric = ctx.para_metric
    elif metric and is_money(q):
        ctx.para_metric = metric
    period = figure_period(refs, q, in_sent, sent, ctx, scope, prev_period)
    in_if = is_conditional(sent, q, cues)
    # a credit for another figure, or made in a clause of its own, is not this one's
    not_for_this = bool(sent_source) and not carried and (
        credit_for_another_figure(sent, q, cues) or credit_elsewhere(sent, q, cues))
    kind = figure_kind(sent, q, cues, scope, None if not_for_this else sent_source, period, ref_year, in_if,
                       illustration=ctx.illustration_para == ctx.para,
                       carried_estimate=carried and ctx.source_estimates, metric=metric)
    if kind == Kind.estimate and metric == "growth" and ctx.para_growth:
        # "Comparable sales fell 3.7% ... Analysts had expected a drop of 3.4%": what was
        # expected is the change the paragraph reported
        metric = ctx.para_growth
    elif kind == Kind.fact and metric and metric.endswith(" growth"):
        ctx.para_growth = metric
    source, source_how = without_article(sent_source), ("carried" if carried else "own") if sent_source else None
    if not_for_this or (source and not name_like(source)) or (carried and in_aside(sent, q)) or (
            carried == BY_PARAGRAPH and ctx.source_expects and kind == Kind.fact):
        # ... nor a result reported after those who expected another figure ("Analysts
        # were expecting $2.52 a share. Comparable sales rose 3.6 percent")
        # a carried credit does not reach the writer's own aside in brackets
        source, source_how = None, None
    in_clause = clause_speaker(sent, q.start, q.end, cues) if source and not carried else None
    if in_clause and in_clause not in source and source not in in_clause:
        source, source_how = without_article(in_clause), "own"  # "X said ..., while Y said N"
    in_phrase = figure_credit(sent, q.start, q.end, cues)
    if in_phrase:
        source, source_how = without_article(in_phrase), "own"  # "the $45 billion touted by Trump", whoever speaks
    if credit.speaks_for_itself and subject is None and ctx.named and ctx.named_para >= ctx.para - 1:
        # "Company management said comparable-store sales growth will be 3.5%":
        # a figure with no owner in the company's own statement is the company's
        subject, how = ctx.named, WEAK
    if credit.speaks_for_itself:
        # the company is its own source; with no subject yet, the article's topic
        # gives both (lend_topic); a subject that is no name ("the wagon", "the new
        # model") is the company's product: the company named last speaks for it
        source, source_how = subject, ("own" if subject else ITSELF)
        if subject and (subject.islower() or how == DESCRIBED) and ctx.named and ctx.named_para >= ctx.para - 1:
            source, source_how = ctx.named, "carried"
    if carried == BY_PARAGRAPH and ctx.source_self and subject and subject != sent_source:
        # "Amazon announced a $10 billion plan. Microsoft signed a $9.7 billion
        # deal.": a company reporting its own figure is no source for another's
        source, source_how = None, None
    if kind == Kind.forecast and subject and (source is None or carried) and gives_guidance(doc, sent, subject, q, cues):
        source, source_how = subject, "guidance"
    elif kind == Kind.forecast and (source is None or carried) and makers_claim(sent, q, cues):
        source, source_how = makers_claim(sent, q, cues), "guidance"
    elif kind == Kind.fact and source and source == subject and discloses_itself(sent, source, cues):
        # "McClatchy reported a loss of $304.7 million": a company's own results are
        # facts the article states, not someone's claim
        source, source_how = None, None
    text = sent_text(sent)
    return Frame(quantity=q, quote=text.strip(), quote_start=sent.start_char + (len(text) - len(text.lstrip())),
                 subject=subject, metric=metric, period=period, source=source, kind=kind, subject_how=how,
                 in_conditional=in_if, region=region, heading=is_heading(doc_text(doc), sent),
                 source_how=source_how)


def _remember(doc: Doc, sent: Span, refs, credit: _Credit, own_frames: list[Frame], cues: Cues,
              ctx: Context, region: int = 0) -> None:
    """What this sentence leaves for the next: its topic, group, source and periods."""
    para = ctx.para
    topic, group = sentence_subject(sent, cues)
    if topic is not POINTS_BACK:
        ctx.subject, ctx.subject_para = topic, para
    if topic and topic is not POINTS_BACK and any(c.isupper() for c in topic):
        ctx.named, ctx.named_para = topic, para  # a name, not "results" or "the market"
    if group:
        ctx.group, ctx.group_para = group, para
    # whom a later "he" or "she" is: a person who acts or speaks in a clause ("said
    # Singh Jabarjung, 24, from Punjab's Bhatinda"), not a name in a phrase after it
    people = [e for e in span_ents(sent) if e.label_ == "PERSON" and e.root.dep_ in ("nsubj", "nsubjpass")]
    if people:
        ctx.person, ctx.person_para = people[-1].text, para
    actors = [e for e in people if e.root.head.lemma_.lower() not in cues.attribution_verbs]
    if actors:
        ctx.actor, ctx.actor_para = actors[-1].text, para
    if credit.named and not credit.carried and credits_main_clause(sent, cues):
        # a quotation with no figure of its own by one of the study's body ("'...,' said
        # Jane Doe, CEO, my6sense") interrupts the findings of the study the story opened
        # with; another speaker, or a credit with figures, ends them
        ctx.study_source = ctx.source if ctx.source_research and not own_frames \
            and names_source(sent, ctx.source) else None
        ctx.source, ctx.source_para = credit.named, para
        ctx.source_self = any(f.subject == credit.named for f in own_frames)
        ctx.source_estimates = cue_in(without_benchmarks(list(sent), cues), cues.estimate)
        ctx.source_expects = expects(sent)
        # a study the story opens with: in its first region (a long text is framed in pieces)
        ctx.source_research = region == 0 and credits_research(sent, credit.named, para)
        ctx.quote_open = leaves_quote_open(sent)
    elif credit.carried == BY_POINTER:
        ctx.quote_open = ctx.quote_open and leaves_quote_open(sent)
    if ctx.para_period is None:
        ctx.para_period = next((r.period for r in refs if r.role == "period"
                                and not attributive(doc_text(doc), r)), None)
    for r in refs:
        if r.role in ("period", "unresolved") and not attributive(doc_text(doc), r):
            ctx.last_period, ctx.last_period_unit = r.period, unit_of(r)
