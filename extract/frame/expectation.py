"""Expectations: figures that are what analysts expected, and results measured against them.

"topped estimates", "beat analysts' forecasts" report an actual figure; "the $75.3 billion
average analyst estimate", "$2.86 expected", "Analysts had been looking for $3.05" give
the expectation itself, an estimate.
"""

from __future__ import annotations
import re
from functools import lru_cache
from typing import Optional
from spacy.tokens import Span, Token
from extract.records import Quantity
from extract.lexicon import alternation, data_table
from extract.frame.cues import Cues, lowered
from extract.frame.context import doc_text, sentence_of
from extract.frame.syntax import tokens_of
from extract.frame.figures import is_money


def without_benchmarks(tokens: list[Token], cues: Cues) -> list[Token]:
    """The tokens minus forecast/estimate words that a result is measured against:
    "revenue of $27.2 billion topped estimates", "beat analysts' forecasts", "came in
    above expectations" report an actual figure, not an estimate."""
    def benchmarked(t: Token) -> bool:
        if t.lower_ not in cues.benchmark_nouns:
            return False
        # the words just before, for parses that miss the verb ("beat" read as an adjective)
        before = t.doc[max(sentence_of(t).start, t.i - 3):t.i]
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
    # ... and whose expectation it is ("above analysts' estimates"): no analyst of this figure
    flagged = [benchmarked(t) for t in tokens]  # each token judged once, not twice
    off = {x.i for t, flag in zip(tokens, flagged) if flag for c in t.children if c.dep_ == "poss" for x in c.subtree}
    # ... and a clause comparing it with one ("more than analysts had expected")
    off |= {x.i for t in tokens if compared_with_expectation(t) for x in t.subtree}
    return [t for t, flag in zip(tokens, flagged) if t.i not in off and not flag]


def compared_with_expectation(verb: Token) -> bool:
    """"grew 0.6%, more than economists had expected", "rose 4.1%, less than analysts had
    forecast", "as analysts had predicted": a clause of comparison names whose expectation
    the figure is set against; it reports nothing itself (framing.toml expecting_verbs)."""
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in kind_words()[1] and any(
        c.dep_ == "mark" and c.lower_ in ("than", "as") for c in verb.children)


def expectation_measured_against(sent: Span, q: Quantity, cues: Cues) -> bool:
    """Is the figure the expectation a result is measured against: the object of a
    benchmark word ("missing", "beat", "topped", "below") marked as expected ("the 4.8
    percent gain that was expected", "beat the expected $2.52 a share", "topped the
    $27.0 billion analysts had forecast")? What was expected of a period now reported
    is the consensus, an estimate."""
    span = tokens_of(sent.doc, q)
    if span is None:
        return False
    np = span.root
    for _ in range(3):
        if np.dep_ not in ("nummod", "compound", "quantmod", "amod") or np.head.i == np.i:
            break
        np = np.head
    governor = np.head.head if np.dep_ == "pobj" else np.head
    if np.dep_ not in ("dobj", "pobj", "attr") or not (
            governor.lower_ in cues.benchmark_words or governor.lemma_.lower() in cues.benchmark_words):
        return False
    expecting = kind_words()[1] | kind_words()[3]
    return any(c.dep_ in ("relcl", "acl", "amod") and c.lemma_.lower() in expecting for c in np.children) or any(
        t.dep_ == "amod" and t.lemma_.lower() in expecting for t in span)


@lru_cache(maxsize=None)
def kind_words() -> tuple[frozenset[str], ...]:
    """(forecast cues that count only as verbs, verbs of expecting, modals that are
    the past of another: "would", "could", verbs of estimating), from framing.toml."""
    d = data_table("framing")
    return lowered(d["verb_only_forecast_cues"]), lowered(d["expecting_verbs"]), lowered(d["past_modals"]), \
        lowered(d["estimating_verbs"])


def benchmark_named_after(sent: Span, q: Quantity, cues: Cues) -> Optional[str]:
    """The expectation a figure stands before, through its modifiers: "the $75.3
    billion average analyst estimate", "a $5.5 billion Wall Street consensus"."""
    span = tokens_of(sent.doc, q)
    if span is None or not (is_money(q) or q.unit == "percent"):
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


@lru_cache(maxsize=None)
def _had_expected() -> str:
    """A regex of "had expected", "were forecasting", "had been looking for": a past form
    of a verb of expecting (framing.toml `expecting_verbs`, `expecting_phrases`)."""
    verbs = [re.escape(v[:-1] if v.endswith("e") else v) for v in kind_words()[1]]
    phrases = [re.escape(p.split()[0]) + r"\w*\s+" + r"\s+".join(map(re.escape, p.split()[1:]))
               for p in lowered(data_table("framing")["expecting_phrases"])]
    return r"(?:had|were|was)\s+(?:been\s+)?(?:" + "|".join(sorted(verbs) + phrases) + ")"


@lru_cache(maxsize=None)
def _postposed() -> frozenset[str]:
    """Participles that mark the figure before them as expected ("$2.86 expected"): the
    verbs of expecting and estimating with -ed, and "forecast" as is (its participle)."""
    verbs = kind_words()[1] | kind_words()[3]
    return frozenset({v + ("d" if v.endswith("e") else "ed") for v in verbs} | {v for v in verbs if v.endswith("cast")})


@lru_cache(maxsize=None)
def _postposed_after() -> re.Pattern:
    return re.compile(r"\s+(?:" + alternation(_postposed()) + r")\b", re.I)


@lru_cache(maxsize=None)
def _expected_after() -> re.Pattern:
    """Who had expected a figure, in the few words after it ("... analysts had expected")."""
    return re.compile(r"\s+(?:\w+\s+){0,2}?(\S+(?:\s+\S+)?)\s+" + _had_expected(), re.I)


@lru_cache(maxsize=None)
def _expected_before() -> re.Pattern:
    """A few words and a past verb of expecting, after a descriptor ("polled by Reuters had forecast")."""
    return re.compile(r"(?:\s+[\w.,'’-]+){0,4}?\s+" + _had_expected(), re.I)


def without_others_expected(tokens: list[Token], q: Quantity) -> list[Token]:
    """The tokens minus a participle that marks another figure as expected: in "$3.25
    adjusted vs. $2.86 expected" the expectation is the $2.86."""
    def marks_another(t: Token) -> bool:
        if t.lower_ not in _postposed() or t.i == 0:
            return False
        prev = t.doc[t.i - 1]
        return (prev.like_num or prev.text in ("%", "billion", "million", "trillion")) and not q.start <= prev.idx < q.end
    return [t for t in tokens if not marks_another(t)]


def expected_after_comparison(sent: Span, q: Quantity) -> bool:
    """"$3.25 adjusted vs. $2.86 expected": the figure a result is set against, marked
    by a participle after it."""
    text = doc_text(sent.doc)
    return _postposed_after().match(text[q.end:q.end + 20]) is not None \
        and re.search(r"\b(?:vs\.?|versus|compared\s+(?:with|to)|against|than)\s+(?:the\s+|an?\s+)?$",
                      text[max(sent.start_char, q.start - 30):q.start], re.I) is not None


def expected_by_analysts_before(sent: Span, q: Quantity, cues: Cues) -> bool:
    """"Analysts polled by Visible Alpha had expected capital spending of $30 billion
    for the quarter", "Wall Street analysts were expecting $2.52 a share": what the
    analysts expected of a period now reported is their estimate."""
    text = doc_text(sent.doc)
    after = text[q.end:sent.end_char]
    m = _expected_after().match(after)
    if m and cues.source_descriptors.search(m.group(1)):
        return True  # "ahead of the $49.4 billion analysts had expected", however it parses
    before = text[sent.start_char:q.start]
    if any(_expected_before().match(before[d.end():])
           for d in cues.source_descriptors.finditer(before)):
        return True  # "Economists polled by Reuters had forecast sales would rise 0.3%"
    span = tokens_of(sent.doc, q)
    if span is None:
        return False
    expecting = kind_words()[1]
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
