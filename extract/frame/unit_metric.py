"""Metrics that a figure's unit or its verb names when no noun does.

- a reading on a scale or a place: "the magnitude 7.8 quake" (magnitude), "Wolves remain
  18th" (league position), "finished 18th at the Masters" (finishing position);
- a count of people by what befell them: "17,674 people were killed" (deaths),
  "Hundreds of people are still missing" (missing);
- a duration by what took that long: "deliberated for three days" (deliberation time),
  "the trial lasted six weeks" (trial length), "faces up to 110 years in prison".

Word tables: extract/data/metrics.toml [unit_metrics], [rank_contexts], [people_verbs],
[duration_metrics].
"""

from __future__ import annotations
import re
from typing import Optional
from spacy.tokens import Doc, Span, Token
from extract.records import Quantity
from extract.vocab import metric_vocabulary
from extract.frame.context import doc_text, sent_text
from extract.frame.syntax import clause_subject, tokens_of
from extract.frame.whole_words import any_word

_DURATION_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second"})
# what a purpose clause's verb reaches: its object or its complement ("find him guilty")
_REACHED = frozenset({"dobj", "oprd", "acomp", "ccomp", "attr"})


def unit_metric(sent: Span, q: Quantity) -> Optional[str]:
    """The metric a unit names ("magnitude"), a place's by its sentence's words."""
    rules = metric_vocabulary().rules
    named = rules.get("unit_metrics", {}).get(q.unit)
    if named is None or q.unit != "rank":
        return named
    text = sent_text(sent)
    for metric, words in rules.get("rank_contexts", {}).items():
        if any_word(tuple(words)).search(text):
            return metric
    return named


def people_metric(doc: Doc, q: Quantity) -> Optional[str]:
    """"17,674 people were killed", "killed more than 17,000 people", "Hundreds of people
    are still missing": what happened to the people counted."""
    table = metric_vocabulary().rules.get("people_verbs", {})
    # a bare count is people when a verb of what befalls people takes it ("killing nine people
    # and injuring more than 1,000", "The storm killed 12")
    if q.unit != "count" or (q.noun and q.noun.lower() not in table.get("nouns", [])):
        return None
    span = tokens_of(doc, q)
    if span is None:
        return None
    root = _past_total(span.root)  # "Hundreds of people": the count stands for the people
    if root.dep_ not in ("nsubj", "nsubjpass", "dobj") or root.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = root.head
    words = [verb] + [c for c in verb.children if c.dep_ in ("acomp", "oprd", "attr") and c.i > verb.i]
    metrics = table.get("metrics", {})
    for w in reversed(words):
        for form in (w.lemma_.lower(), w.lower_):
            if form in metrics:
                return metrics[form]
    return None


def _past_total(tok):
    """"killed a total of 346 people": the total the verb takes, for the people it counts."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in ("total", "tally", "toll"):
        return tok.head.head
    return tok


def duration_metric(doc: Doc, q: Quantity) -> Optional[str]:
    """"deliberated for three days", "took two years to build", "the trial lasted six
    weeks", "faces up to 110 years in prison": what the duration measures."""
    if q.unit not in _DURATION_UNITS:
        return None
    table = metric_vocabulary().rules.get("duration_metrics", {})
    after = doc_text(doc)[q.end:q.end + 40]
    for words, metric in table.get("after", {}).items():
        if re.match(rf"\s+{re.escape(words)}(?![\w-])", after, re.I):
            return metric
    span = tokens_of(doc, q)
    lasting = _lasting_noun(span) if span is not None else None
    if lasting is not None:
        return f"{lasting.lemma_.lower()} length"
    verb = _verb_of(span.root) if span is not None else None
    if verb is None:
        return None
    verbs, objects = table.get("verbs", {}), table.get("objects", {})
    for v in [verb] + [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB"]:
        if v.lemma_.lower() in verbs:
            return verbs[v.lemma_.lower()]
        # "took just 15 minutes to find him guilty", "two hours to reach a verdict": what
        # the purpose clause reaches says what took that long
        if v is not verb:
            done = [c.lemma_.lower() for c in v.children if c.dep_ in _REACHED]
            named = next((objects[w] for w in done if w in objects), None)
            if named:
                return named
    if verb.lemma_.lower() in table.get("length_verbs", []):
        subj = clause_subject(verb)
        if subj is not None and subj.tag_ == "WDT" and verb.dep_ == "relcl":
            subj = verb.head  # "the second trial, which lasted six weeks"
        if subj is not None and subj.pos_ == "NOUN":
            return f"{subj.lemma_.lower()} length"
    return None


def _verb_of(t: Token) -> Optional[Token]:
    """The verb a duration hangs on: as its object or adverbial ("lasted six weeks"), or
    through "for", "of", "to" ("deliberated for three days", "sentenced to 10 years")."""
    head = t.head
    if t.dep_ == "pobj" and head.lower_ in ("for", "to", "of") and head.dep_ in ("prep", "dative"):
        head = head.head
    elif t.dep_ not in ("dobj", "npadvmod", "attr", "obj", "advmod"):
        return None
    return head if head.pos_ in ("VERB", "AUX") and head.i != t.i else None


def _lasting_noun(span: Span) -> Optional[Token]:
    """"a two-day trial", "a three-hour recorded interview", "a 90-day extension": the
    noun a duration stands before as a modifier is what lasts that long."""
    root = span.root
    head = root.head
    if root.dep_ not in ("compound", "nummod", "amod", "npadvmod") or head.pos_ != "NOUN" or head.i < span.end:
        return None
    between = span.doc[span.end:head.i]
    if any(t.dep_ not in ("compound", "amod") or t.head.i != head.i for t in between):
        return None
    table = metric_vocabulary().rules.get("duration_metrics", {})
    return None if head.lower_ in table.get("not_lasting", []) or head.lemma_.lower() in table.get("not_lasting", []) \
        else head
