"""Kind: fact, estimate, forecast or illustrative."""

from __future__ import annotations
import re
from functools import lru_cache
from typing import Optional
from spacy.tokens import Doc, Span, Token
from extract.records import Kind, Quantity
from extract.lexicon import data_table
from extract.rules import load_rules
from extract.rule_files import FramingRules, MetricsRules
from extract.frame.cues import Cues, framing_words, lowered
from extract.frame.cue_in import cue_in
from extract.frame.context import doc_text, sent_text, sent_tokens
from extract.frame.syntax import active_subject, clause_head, own_clause, tokens_of
from extract.frame.figures import FROM_LEVEL_JUST_BEFORE, baseline_figure, figure_head, is_money, level_now, metrics_marked, \
    verb_above
from extract.frame.expectation import (benchmark_named_after, expectation_measured_against, expected_after_comparison,
                                       expected_by_analysts_before, kind_words, without_benchmarks, without_others_expected)
from extract.frame.example import generic_example, without_told_cue_verbs


def _outside_other_figures(sent: Span, q: Quantity) -> list[Token]:
    """The sentence minus relative clauses on other figures: in "revenue rose to $51.2
    billion, ahead of the $49.4 billion analysts had expected", the analysts speak of
    the expectation, not of the revenue."""
    span = tokens_of(sent.doc, q)
    mine = range(span.start, span.end) if span is not None else range(0)
    return [t for t, figures in zip(sent_tokens(sent), _figures_marking(sent))
            if not any(i not in mine for i in figures)]


def _figures_marking(sent: Span) -> list[list[int]]:
    """For each token of the sentence, the figure tokens it speaks of: a figure that
    modifies it ("the $49.4 billion analysts had expected", parsed as a noun phrase),
    or one its relative clause, or one above it, hangs on. Found once per sentence:
    each figure's _outside_other_figures leaves out those on figures other than its own."""
    made = sent.doc.user_data.setdefault("claims.figures_marking", {})
    found = made.get((sent.start, sent.end))
    if found is None:
        found = made[(sent.start, sent.end)] = [
            [c.i for c in t.children if c.dep_ in ("nummod", "compound")
             and (c.like_num or c.ent_type_ in ("MONEY", "PERCENT"))]
            + [a.head.i for a in [t] + list(t.ancestors) if a.dep_ in ("relcl", "acl")
               and (a.head.like_num or a.head.ent_type_ in ("MONEY", "PERCENT"))]
            for t in sent_tokens(sent)]
    return found




def figure_kind(sent: Span, q: Quantity, cues: Cues, scope: list[Token], source: Optional[str], period: Optional[str],
          ref_year: Optional[int], in_if: bool, illustration: bool, carried_estimate: bool = False,
          metric: Optional[str] = None) -> Kind:
    """Cues count in the figure's own clause and the clauses above it (see scope_of);
    forecast before estimate, strong cues before weak ones. Weak estimate cues speak
    of how a source worked ("according to research firm X's analysis") and count in
    the whole sentence, but not for counts of what was studied ("data from over
    1,000 companies")."""
    scope = _outside_others_brackets(sent, q, _own_side_of_contrast(sent, q, scope))
    scope_text = " ".join(t.text for t in without_told_cue_verbs(scope))
    if in_if or illustration or cues.illustrative.search(scope_text) or generic_example(sent, q):
        return Kind.illustrative
    head = figure_head(sent.doc, q)
    benchmark = head if head is not None and head.lower_ not in _change_nouns() else _noun_of(sent.doc, q)
    if benchmark is not None and benchmark.lower_ in cues.benchmark_nouns:
        # "above the $5.5 billion consensus estimate", "its $70 billion spending
        # forecast": the expectation itself; analysts' or economists' forecast of a
        # figure now reported is their estimate ("beating economists' forecasts of 0.4%")
        return Kind.forecast if benchmark.lower_ in cues.forecast and not _analysts_own(benchmark, cues) \
            else Kind.estimate
    benchmark = benchmark_named_after(sent, q, cues)
    if benchmark is not None:
        # "the $75.3 billion average analyst estimate"
        return Kind.forecast if benchmark in cues.forecast else Kind.estimate
    if expectation_measured_against(sent, q, cues):
        # "Comparable sales rose 3.6 percent, missing the 4.8 percent gain that was expected"
        return Kind.estimate
    if _in_a_claim(sent, q):
        # "the claim that Yovanovitch has a net worth of $17 million is unsubstantiated"
        return Kind.estimate
    scope = without_benchmarks(_without_nouns_for_verbs(without_others_expected(scope, q)), cues)
    if expected_after_comparison(sent, q) or expected_by_analysts_before(sent, q, cues):
        # "EPS: $3.25 adjusted vs. $2.86 expected", "Analysts had been looking for $3.05"
        return Kind.estimate
    if baseline_figure(sent, q) or level_now(sent, q) or _described_as_done(sent, q, cues) or _agreed_price(sent, q) \
            or _owned_count(sent, q):
        return Kind.fact
    told_past = _told_in_past_clause(sent, q) or _in_apposition(sent, q) or _restates_done_figure(sent, q)
    if cue_in(scope, cues.forecast) and not told_past:
        return Kind.estimate if expected_by_analysts_before(sent, q, cues) else Kind.forecast
    if not told_past and _reached_by(sent, q, period, ref_year) and not _told_as_done(sent.doc, q, cues) and not _clause_in_past(sent, q):
        # "reduce module costs to $0.10 by 2030", "inflation would climb to 3.5% by the end
        # of next year, economists estimated": a level to be reached by a date still ahead
        return Kind.forecast
    if cue_in(scope, cues.estimate):
        return Kind.estimate
    if cue_in(_without_past_modals(scope, cues), cues.weak_forecast) and not told_past:
        if _counterfactual(sent, q):
            # "Excluding these items, comps would have been closer to 5%"
            return Kind.estimate
        return Kind.estimate if expected_by_analysts_before(sent, q, cues) else Kind.forecast
    if source and q.unit != "count" and (carried_estimate or cue_in(without_benchmarks(_outside_other_figures(sent, q), cues), cues.weak_estimate)):
        # "His figure ...: approximately $600 billion" after "Cahn has calculated"
        return Kind.estimate
    if (is_money(q) or q.unit == "times") and period and ref_year and re.fullmatch(r"\d{4}", period) and int(period) >= ref_year \
            and not cues.actual.search(sent_text(sent)) and metric not in metrics_marked("stock") and not _told_as_done(sent.doc, q, cues):
        # A year's spending or revenue before the year is over is a plan or guidance;
        # a value or a price stands at a moment ("a market value of $4.5 trillion").
        return Kind.forecast
    if _company_forecasts(sent, q, cues) or _planned_aim(sent, q):
        return Kind.forecast
    return Kind.fact


def _owned_count(sent: Span, q: Quantity) -> bool:
    """"More than a third of WeWork's 12,000 employees will likely receive notice", "the
    city's 8 million residents will vote": a count an owner's possessive stands before
    is what the owner has now, a fact, whatever is foreseen for it."""
    span = tokens_of(sent.doc, q)
    if span is None or q.unit != "count":
        return False
    noun = span.root
    first = min(t.i for t in span)
    return any(c.i < first and (c.dep_ == "poss" or c.dep_ == "nmod" and any(x.dep_ == "case" for x in c.children))
               for c in noun.children)


def _without_past_modals(scope: list[Token], cues: Cues) -> list[Token]:
    """The tokens minus "would" and "could" told in the past of a narrative: "a two-goal
    lead they wouldn't relinquish", "a 30 min activity as I could only manage two
    stairs". A modal in a relative or adverbial clause of a past-tense verb that
    reports nothing is the past's future or ability, no forecast; under a reporting
    verb ("analysts said revenue could reach ...") it stays one."""
    past_forms = kind_words()[2]

    def narrated(t: Token) -> bool:
        if t.lower_ not in past_forms or t.dep_ != "aux":
            return False
        verb = t.head
        if verb.dep_ == "conj":
            verb = verb.head
        if verb.dep_ not in ("relcl", "advcl"):
            return False
        above = clause_head(verb.head)
        return above.tag_ == "VBD" and not any(
            a.lemma_.lower() in cues.attribution_verbs for a in [above] + list(above.ancestors))
    return [t for t in scope if not narrated(t)]


def _agreed_price(sent: Span, q: Quantity) -> bool:
    """Is the figure the price of a deal already agreed: "Torino confirmed that Bremer
    will join United for a transfer fee of €117 million", "Microsoft announced it will
    buy the studio for $2.1 billion"? The move is to come, but its price is settled: a
    fact. The figure is what is paid ("for $X", "a fee of $X") under a verb of agreeing
    or confirming told as done; "announced it will build a $5 billion plant" stays a plan."""
    span = tokens_of(sent.doc, q)
    if span is None:
        return False
    words = _deal_words()
    np = span.root
    for _ in range(3):
        if np.dep_ not in ("nummod", "compound", "quantmod") or np.head.i == np.i:
            break
        np = np.head
    prep = np.head if np.dep_ == "pobj" else None
    paid = prep is not None and (prep.lower_ == "for" or (
        prep.lower_ == "of" and prep.head.lemma_.lower() in words[1]))
    if not paid:
        return False
    for a in prep.ancestors:
        if a.pos_ in ("VERB", "AUX") and a.lemma_.lower() in words[0]:
            auxes = [c for c in a.children if c.dep_ in ("aux", "auxpass")]
            return not any(x.tag_ == "MD" for x in auxes) and (
                a.tag_ == "VBD" or (a.tag_ == "VBN" and any(x.lemma_ == "have" for x in auxes)))
    return False


@lru_cache(maxsize=None)
def _deal_words() -> tuple[frozenset[str], frozenset[str]]:
    """(verbs of agreeing or confirming a deal, nouns of what is paid), from framing.toml."""
    d = data_table("framing")
    return lowered(d["agreement_verbs"]), lowered(d["price_nouns"])


def _outside_others_brackets(sent: Span, q: Quantity, scope: list[Token]) -> list[Token]:
    """The tokens minus a bracketed aside that does not hold the figure: in "offered at
    a $9.99 monthly rate (a free tier is due out next year)" the aside's "next year"
    speaks of the free tier, not of the rate."""
    text = doc_text(sent.doc)
    asides, at = [], sent.start_char
    while True:
        opened = text.find("(", at, sent.end_char)
        if opened < 0:
            break
        closed = text.find(")", opened, sent.end_char)
        end = closed if closed >= 0 else sent.end_char
        if not opened < q.start < end:
            asides.append((opened, end))
        at = end + 1
    return [t for t in scope if not any(a <= t.idx <= b for a, b in asides)]


def _planned_aim(sent: Span, q: Quantity) -> bool:
    """Is the figure what a plan sets out to do: in an infinitive under a noun of
    planning ("The plan includes actions to ... reduce fine dust by 90%", "a strategy
    with measures to raise output by 20%")? A plan's aim is a forecast."""
    span = tokens_of(sent.doc, q)
    if span is None:
        return False
    nouns = framing_words("plan_nouns")
    verb = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    first = verb.head if verb.dep_ == "conj" else verb
    # a verb with no subject coordinated after an infinitive is one of a list of aims the
    # parser hung on the main verb ("includes actions to raise ..., reduce fine dusts by 90%")
    listed = verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and any(
        c.dep_ == "aux" and c.lower_ == "to" for t in sent.doc[first.i + 1:verb.i] for c in t.children)
    if not listed and not any(c.dep_ == "aux" and c.lower_ == "to" for c in first.children):
        return False
    root_subj = active_subject(sent.root) if sent.root.pos_ in ("VERB", "AUX") else None
    return any(a.pos_ == "NOUN" and a.lemma_.lower() in nouns for a in first.ancestors) or (
        root_subj is not None and root_subj.lemma_.lower() in nouns)


def _counterfactual(sent: Span, q: Quantity) -> bool:
    """"would have been closer to 5%", "could have saved $2 million": a modal with the
    perfect tells what would have been, someone's estimate, not what will be."""
    span = tokens_of(sent.doc, q)
    if span is None:
        return False
    verb = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(a.tag_ == "MD" for a in auxes) and any(a.lower_ == "have" for a in auxes) and verb.tag_ == "VBN"


def _in_a_claim(sent: Span, q: Quantity) -> bool:
    """Is the figure the content of a claim, a rumour or an allegation ("the claim that
    she has a net worth of $17 million", "rumours that the club will pay £80 million")?
    What someone claims is their estimate, whatever the article makes of it."""
    span = tokens_of(sent.doc, q)
    if span is None:
        return False
    nouns = framing_words("claim_nouns")
    for a in span.root.ancestors:
        # a content clause, which the parser may give as a relative one: "that" is its
        # mark there, not its subject
        content = a.dep_ in ("acl", "ccomp") or (a.dep_ == "relcl" and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in a.children))
        if content and a.head.pos_ == "NOUN":
            return a.head.lower_ in nouns
    return False


def _clause_in_past(sent: Span, q: Quantity) -> bool:
    """"the industry had an annual production capacity of around 8.69 GW at the end of
    2017": the verb of the figure's clause, in the past without a modal, tells a level
    reached, not one to be reached by that date."""
    span = tokens_of(sent.doc, q)
    if span is None:
        return False
    verb = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.tag_ == "VBD" and not any(
        c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _told_in_past_clause(sent: Span, q: Quantity) -> bool:
    span = tokens_of(sent.doc, q)
    return span is not None and _in_past_clause(span.root)


def _restates_done_figure(sent: Span, q: Quantity) -> bool:
    """"after reporting third-quarter revenue of $169.6 billion, up 5.5%": a change set
    off by a comma right after another figure restates that figure's change, and is
    told as it is (the parser may hang "up 5.5%" on the main verb)."""
    span = tokens_of(sent.doc, q)
    if span is None or span.start - 3 < sent.start:
        return False
    doc = sent.doc
    word, comma, before = doc[span.start - 1], doc[span.start - 2], doc[span.start - 3]
    if word.lower_ not in _restated_change_words() or comma.text != ",":
        return False
    return (before.like_num or before.ent_type_ in ("MONEY", "PERCENT")) and _in_past_clause(before)


@lru_cache(maxsize=None)
def _restated_change_words() -> frozenset[str]:
    return frozenset(load_rules("framing.toml", FramingRules).restated_change_words)


def _in_past_clause(root: Token) -> bool:
    """"The planned blackout would be the latest in a series, including one last month
    that affected nearly 2.5 million people", "I will question why I lost 14 followers":
    a figure in a clause of its own below the main one, whose verb is in the past with
    no modal, tells what happened; the future or the modal above it is not its own."""
    verb = clause_head(root)
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in _done_before():
        # "raised its forecast after reporting revenue of $169.6 billion"
        return True
    if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and any(
            c.dep_ == "aux" and c.lower_ == "having" for c in verb.children):
        # "Tribune may have the best balance sheet, having paid down its debt with the
        # proceeds of the $500 million sale": a perfect participle tells what is done
        return True
    return verb.dep_ in _PAST_CLAUSES and verb.tag_ == "VBD" and not any(
        c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


@lru_cache(maxsize=None)
def _done_before() -> frozenset[str]:
    return frozenset(load_rules("framing.toml", FramingRules).done_before_prepositions)


_PAST_CLAUSES = ("relcl", "acl", "advcl", "ccomp")


def _in_apposition(sent: Span, q: Quantity) -> bool:
    """"McClatchy, a chain of 30 newspapers including the Miami Herald, may be another
    canary": a figure in an apposition describes what something is; the modal or the
    future of the clause it hangs in is not its own."""
    span = tokens_of(sent.doc, q)
    if span is None:
        return False
    head = clause_head(span.root)
    for t in [span.root] + list(span.root.ancestors):
        if t.i == head.i:
            return False
        if t.dep_ == "appos":
            # "39 miles (63 kilometers)", "$12.9bn (£10bn)": a conversion is the same figure
            return not _is_figure(t.head)
    return False


def _is_figure(t: Token) -> bool:
    return t.like_num or t.pos_ == "NUM" or t.tag_ == "$" or any(
        c.dep_ in ("nummod", "quantmod") or c.tag_ == "$" for c in t.children)


def _own_side_of_contrast(sent: Span, q: Quantity, scope: list[Token]) -> list[Token]:
    """A figure in a contrasting clause ("While the subscription gets players 4k
    streaming at 60 frames per second, most titles will cost ...") is framed by that
    clause alone: the main clause's "will" speaks of something else."""
    span = tokens_of(sent.doc, q)
    if span is None:
        return scope
    marks = _apart_words()[0]
    for a in span.root.ancestors:
        # a finite clause with a subject of its own: "while lowering wages" shares the
        # main clause's subject and its forecast
        if a.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in a.children) \
                and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in a.children):
            inside = {t.i for t in a.subtree}
            return [t for t in scope if t.i in inside]
    return scope


def _company_forecasts(sent: Span, q: Quantity, cues: Cues) -> bool:
    """"Delta sees capacity growth of 5%", "Home Depot now sees sales growth of 1.8
    percent": a verb of forecasting in the present, above the figure, whose subject is
    an organisation, states its guidance."""
    span = tokens_of(sent.doc, q)
    if span is None:
        return False
    verbs = framing_words("guidance_verbs")
    for v in span.root.ancestors:
        if v.pos_ == "VERB" and v.lemma_.lower() in verbs:
            subj = active_subject(v)
            return v.tag_ in ("VBZ", "VBP") and subj is not None and subj.ent_type_ in cues.organisation_labels
    return False


def _without_nouns_for_verbs(tokens: list[Token]) -> list[Token]:
    """The tokens minus nouns spelled as forecast verbs ("capital projects")."""
    verb_only = kind_words()[0]
    return [t for t in tokens if not (t.lower_ in verb_only and t.pos_ not in ("VERB", "AUX"))]


def _described_as_done(sent: Span, q: Quantity, cues: Cues) -> bool:
    """"nearly double the $72 billion it spent last year": a relative clause in the past
    on the figure tells what was, whatever the sentence expects."""
    span = tokens_of(sent.doc, q)
    if span is None:
        return False
    root = span.root
    np = root.head if root.dep_ in ("nummod", "compound", "quantmod", "amod") else root
    for verb in (c for c in np.children if c.dep_ in ("relcl", "acl") and c.i >= span.end):
        if verb.lemma_.lower() in cues.plan_verbs or verb.lemma_.lower() in kind_words()[1]:
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
    if m is None or ref_year is None or int(m.group(1)) < ref_year or FROM_LEVEL_JUST_BEFORE.search(
            doc_text(sent.doc)[sent.start_char:q.start]):
        return False  # "cut costs from $0.23 to $0.10 by 2030": $0.23 is where they start
    after = doc_text(sent.doc)[q.end:sent.end_char]
    return re.search(rf"\b(?:by|until|before|at\s+the\s+(?:end|close)\s+of)\s+(?:the\s+(?:end|close)\s+of\s+)?"
                     rf"(?:fiscal\s+(?:year\s+)?)?"
                     rf"(?:{m.group(1)}|next\s+year)\b", after, re.I) is not None


def _noun_of(doc: Doc, q: Quantity) -> Optional[Token]:
    """The noun whose "of" object the figure is: "estimates of $46.06 billion",
    "revenue of $54 billion", "expectations of a 3.1% drop" (through the change the
    figure measures)."""
    span = tokens_of(doc, q)
    if span is None:
        return None
    root = span.root
    if root.dep_ in ("nummod", "compound", "amod", "quantmod") and root.head.lower_ in _change_nouns():
        root = root.head
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return None
    noun = root.head.head
    return noun if noun.pos_ == "NOUN" else None


@lru_cache(maxsize=1)
def _change_nouns() -> frozenset[str]:
    """Nouns of a change a figure modifies ("a 3.1% drop", "a 5% rise"): metrics.toml growth cues."""
    return lowered(load_rules("metrics.toml", MetricsRules).growth["cues"])


def _analysts_own(benchmark: Token, cues: Cues) -> bool:
    """"economists' forecasts", "analysts' projections", "Wall Street forecasts": the
    expectation of outside forecasters, no company's own guidance."""
    owners = [c for c in benchmark.children if c.dep_ in ("poss", "compound", "nmod")]
    return any(cues.source_descriptors.search(" ".join(t.text for t in o.subtree)) for o in owners)


def credit_elsewhere(sent: Span, q: Quantity, cues: Cues) -> bool:
    """"Oracle raised $18 billion in a bond sale, and analysts at Morgan Stanley expect
    its net debt to double": the reporting verb heads a clause of its own, coordinated
    with the figure's, so it credits nothing in the figure's clause."""
    if cues.source_prepositions.search(sent_text(sent)):
        return False
    span = tokens_of(sent.doc, q)
    verbs = [t for t in sent_tokens(sent) if t.pos_ == "VERB" and t.lemma_.lower() in cues.attribution_verbs
             and active_subject(t) is not None]
    if span is None or not verbs:
        return False
    return all(_credits_apart(v, span.root) for v in verbs)


@lru_cache(maxsize=None)
def _apart_words() -> tuple[frozenset[str], frozenset[str]]:
    """(conjunctions of a contrasting clause, prepositions of a time adjunct), from framing.toml."""
    d = data_table("framing")
    return lowered(d["contrast_marks"]), lowered(d["time_prepositions"])


@lru_cache(maxsize=None)
def _contentless_verbs() -> frozenset[str]:
    return lowered(data_table("framing")["contentless_verbs"])


def _credits_apart(verb: Token, figure: Token) -> bool:
    """Does the reporting verb speak apart from the figure? It heads a clause of its
    own: coordinated ("..., and analysts expect ...") or contrasting ("Three cases have
    been diagnosed, though officials say the risk is low"); or the figure stands in a
    time adjunct of the verb, not in what is said ("Boudreau said before the 4-1 win
    in front of 15,522")."""
    marks, time_preps = _apart_words()
    if verb.lemma_.lower() in _contentless_verbs():
        return True  # "Bosma spoke before lawmakers defending the budget that boosted spending by 2.5%"
    if not (verb.left_edge.i <= figure.i <= verb.right_edge.i):
        return own_clause(verb) or (verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in marks for c in verb.children))
    t = figure
    while t.head.i != t.i and t.head.i != verb.i:
        t = t.head
    return t.head.i == verb.i and t.dep_ == "prep" and t.lower_ in time_preps


def credit_for_another_figure(sent: Span, q: Quantity, cues: Cues) -> bool:
    """"The company expects revenue of $54 billion, compared with analysts' average
    estimate of $53.14 billion, according to data compiled by LSEG": a credit after a
    comparison is for the figure compared with, not for the one before it."""
    m = cues.source_prepositions.search(sent_text(sent))
    if not m:
        return False
    credit_at = sent.start_char + m.start()
    return credit_at >= q.end and any(
        q.end <= t.idx < credit_at and (t.lower_ in cues.benchmark_words or t.lemma_.lower() in cues.benchmark_words)
        and not _hedging_than(t) for t in sent_tokens(sent))


def _hedging_than(t: Token) -> bool:
    """"more than 4 million", "less than 3%": a hedge on a figure, no comparison with it."""
    return t.lower_ == "than" and t.i > 0 and t.doc[t.i - 1].lower_ in _hedges_before_than()


@lru_cache(maxsize=1)
def _hedges_before_than() -> frozenset[str]:
    return lowered(data_table("framing")["hedging_before_than"])


def _told_as_done(doc: Doc, q: Quantity, cues: Cues) -> bool:
    """"Revenues from the tariffs have totaled about $63 billion through June 30",
    "the group spent $90 billion": a verb in the past or present perfect tells what
    has happened, not a plan ("has committed $200 billion", "raised its capex to
    $125-145 billion" make or move one)."""
    verb = verb_above(doc, q)
    if verb is None:
        return False
    lemma = verb.lemma_.lower()
    if lemma in cues.plan_verbs:
        return False
    span = tokens_of(doc, q)
    if lemma in cues.plan_moving_verbs and span is not None and span.root.head.lower_ == "to":
        return False
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return False  # "would have cost"
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


