"""What a sum of money measures when the business it is counted in says so, not a noun.

- a film's or a tour's takings are box office: "over its opening weekend", "the sequel
  took in $80 million", and in a story about a film's takings, money an earning verb
  takes from a title or a pronoun ("It has now earned $775.5 million worldwide");
- a budget is its own measure, unless a metric names what it is a budget of: "its $150
  million production budget" is a budget, "a $180 billion capex budget" capex.

Word tables: extract/data/metrics.toml [money_contexts], [money_earners], [budgets].
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Span, Token

from extract.records import Quantity
from extract.vocab import entity_table, metric_vocabulary
from extract.frame.context import doc_text, sentence_of
from extract.frame.cues import lowered
from extract.frame.figures import figure_head, is_money, verb_above
from extract.frame.syntax import clause_subject, tokens_of
from extract.frame.whole_words import any_word


def money_context_metric(doc: Doc, sent: Span, q: Quantity, guess: Optional[str]) -> Optional[str]:
    """The metric of a money figure that framing named none for, or only the guess a
    bare verb gives ("earned" -> net income): the business its sentence names, what its
    earner is, or the business of the story when the earner is no company."""
    text = doc_text(doc)[sent.start_char:sent.end_char]
    return _money_context(text) or _earner_metric(doc, q) or _story_takings(doc, q) or guess


def tariffed_metric(doc: Doc, sent: Span, q: Quantity) -> Optional[str]:
    """"tariffs on $360 billion worth of Chinese goods", "tariffs on some $156 billion in
    Chinese consumer goods", "a 15 percent tariff ... on another $160 billion of goods": the
    value of the imports a tariff covers, in a sentence that names a tariff, for money
    right after "on" or before the goods (metrics.toml [tariffed])."""
    table = metric_vocabulary().rules.get("tariffed", {})
    if not is_money(q) or not table:
        return None
    text = doc_text(doc)
    said = text[sent.start_char:sent.end_char]
    if not any_word(tuple(table["cues"])).search(said):
        return None
    on = re.search(table["on_before"], text[max(0, q.start - 40):q.start], re.I)
    goods = re.match(table["goods_after"], text[q.end:q.end + 80], re.I)
    return table["metric"] if on or goods else None


def budget_metric(doc: Doc, q: Quantity) -> Optional[str]:
    """"its $150 million production budget", "a $200 million budget": a budget, unless
    a metric names what it is a budget of ("a $180 billion capex budget")."""
    if not is_money(q):
        return None
    head, span = figure_head(doc, q), tokens_of(doc, q)
    table = metric_vocabulary().rules.get("budgets", {})
    if head is None or span is None or head.lemma_.lower() not in table.get("nouns", []):
        return None
    words = list(doc[span.end:head.i])  # figure_head: the noun's own modifiers only
    if words and metric_vocabulary().find(doc_text(doc)[words[0].idx:head.idx]):
        return None  # "a $180 billion capex budget": the metric says what is budgeted
    kept = [t.lower_ for t in words if t.lower_ not in table.get("plain", []) and t.pos_ == "NOUN"]
    return " ".join(kept + ["budget"])


def _money_context(text: str) -> Optional[str]:
    """The business a sentence counts its money in ("over its opening weekend": box office)."""
    for metric, words in metric_vocabulary().rules.get("money_contexts", {}).items():
        if any_word(tuple(words)).search(text):
            return metric
    return None


def _earner_metric(doc: Doc, q: Quantity) -> Optional[str]:
    """What a film or a tour earns ("Globally the film earned $295 million"): the metric
    whose earning verb takes the money and whose earner is the verb's subject."""
    verb = verb_above(doc, q)
    subj = _earner(verb)
    if subj is None:
        return None
    for metric, rule in metric_vocabulary().rules.get("money_earners", {}).items():
        if verb.lemma_.lower() in lowered(rule["verbs"]) and subj.lemma_.lower() in lowered(rule["subjects"]):
            return metric
    return None


def _story_takings(doc: Doc, q: Quantity) -> Optional[str]:
    """"It has now earned $775.5 million worldwide", "'Deadpool & Wolverine' took in $46.2
    million on Friday": in a story whose text names a business's takings (its
    [money_contexts] words), money an earning verb takes from an earner that is no company
    (a title, a pronoun) is that business's."""
    verb = verb_above(doc, q) or _opened_with(doc, q)
    subj = _earner(verb)
    if subj is None or _a_company(subj):
        return None
    sent = sentence_of(verb)
    sentence = doc_text(doc)[sent.start_char:sent.end_char]
    for metric, rule in metric_vocabulary().rules.get("money_earners", {}).items():
        if verb.lemma_.lower() not in lowered(rule["verbs"]):
            continue
        markets = rule.get("markets", [])
        if _money_context(doc_text(doc)) == metric or any_word(tuple(markets)).search(sentence):
            return metric
    return None


def _opened_with(doc: Doc, q: Quantity) -> Optional[Token]:
    """"'Twisters' opened with $80.5 million", "debuted with $45 million": the verb a
    figure is the takings of through "with"."""
    span = tokens_of(doc, q)
    if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ != "with":
        return None
    verb = span.root.head.head
    return verb if verb.pos_ == "VERB" else None


def _earner(verb: Optional[Token]) -> Optional[Token]:
    """The subject of an earning verb, or of the verb it is joined to ("The sequel cost
    $155 million to produce and has earned $775.5 million worldwide")."""
    if verb is None:
        return None
    subj = clause_subject(verb)
    if subj is None and verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        subj = clause_subject(verb.head)  # "... is expected to open with about $75 million"
    return subj


def _a_company(t: Token) -> bool:
    """A company or other organisation, by the tagger or the entity table; not a title
    in quotation marks ("'Deadpool & Wolverine' took in $46.2 million")."""
    doc = t.doc
    first, last = t.left_edge.i, t.right_edge.i
    if first > 0 and doc[first - 1].text in _QUOTES and (last + 1 < len(doc) and doc[last + 1].text in _QUOTES
                                                         or doc[last].text in _QUOTES):
        return False
    words = " ".join(x.text for x in t.subtree if x.dep_ in ("compound", "poss") or x.i == t.i)
    return t.ent_type_ == "ORG" or bool(entity_table().find(words))


_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
