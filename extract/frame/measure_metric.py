"""What a physical measure measures when no noun names it: its unit and its sentence.

- a measure before a noun is that thing's size, or the noun itself when it names a
  dimension ("a 2.0-liter engine": engine size; "a 15.6-inch touch screen": screen size;
  "a 300-mile range": range);
- else the first metric of [measure_contexts] for its unit whose words its sentence holds
  ("can go from zero to 60 mph in five seconds": acceleration time; "a range of 300 miles
  on a single charge": range; "gusts up to 55 mph": wind speed);
- else its unit's default, for a long enough measure ("185 miles from Beijing": distance).

Word tables: extract/data/metrics.toml [measure_nouns], [measure_contexts], [measure_defaults].
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from extract.records import Quantity
from extract.vocab import metric_vocabulary
from extract.frame.context import doc_text
from extract.frame.syntax import tokens_of
from extract.frame.whole_words import any_word


def measure_metric(doc: Doc, sent: Span, q: Quantity) -> Optional[str]:
    """The metric a measure's unit and sentence name (see the module docstring)."""
    rules = metric_vocabulary().rules
    contexts = rules.get("measure_contexts", {}).get(q.unit)
    if contexts is None:
        return None
    nouns = rules.get("measure_nouns", {})
    noun = _measured_noun(doc, q) if q.unit in nouns.get("units", []) else None
    if noun is not None:
        lemma = noun.lemma_.lower()
        return lemma if lemma in nouns.get("dimensions", []) else f"{lemma} size"
    text = doc_text(doc)[sent.start_char:sent.end_char]
    for metric, words in contexts.items():
        if any_word(tuple(words), hyphen=False).search(text):
            return metric  # "1,900-mile-wide": a word may be glued on by a hyphen
    default = rules.get("measure_defaults", {}).get(q.unit)
    size = q.value if q.value is not None else q.high
    return default["metric"] if default and size is not None and size >= default["from"] else None


def _measured_noun(doc: Doc, q: Quantity) -> Optional[Token]:
    """The noun a measure stands before as a modifier, over its other modifiers ("a
    2.0-liter four-cylinder engine", "a 15.6-inch touch screen")."""
    span = tokens_of(doc, q)
    if span is None:
        return None
    root = span.root
    head = root.head
    if root.dep_ not in ("compound", "nummod", "amod", "npadvmod", "quantmod", "nmod") or head.pos_ != "NOUN" \
            or head.i < span.end:
        return None
    between = doc[span.end:head.i]
    if any(t.dep_ not in ("compound", "amod", "nummod", "punct") or t.head.i not in (head.i, *(x.i for x in between))
           for t in between):
        return None
    return head
