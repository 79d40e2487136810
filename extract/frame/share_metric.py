"""Shares and indexes that a clause names, not a noun.

- a percent that is the subject of "be" is the share of whoever it counts that the
  complement describes ("Of the participants, 65 percent were white": share white; "77
  percent were aged 26 or above": share aged 26 or above), as surveys and polls write it;
- a percent a market index moves by is the index's ("Japan's Nikkei 225 declined 0.3%",
  "the S&P 500 is up 24.5 percent": index growth), never its shares' price.

Word table: extract/data/metrics.toml [indexes].
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Span, Token

from extract.records import Quantity
from extract.lexicon import alternation
from extract.vocab import metric_vocabulary
from extract.frame.context import doc_text
from extract.frame.figures import measures_change
from extract.frame.syntax import clause_subject, tokens_of

_COMPLEMENTS = ("acomp", "attr")


def clause_share_metric(doc: Doc, sent: Span, q: Quantity) -> Optional[str]:
    """"share <complement>" or "index growth" (see the module docstring), else None."""
    if q.unit != "percent":
        return None
    return _index_metric(doc, sent, q) or _share_described(doc, q)


def _share_described(doc: Doc, q: Quantity) -> Optional[str]:
    span = tokens_of(doc, q)
    if span is None:
        return None
    root = span.root
    verb = root.head
    if root.dep_ not in ("nsubj", "nsubjpass") or any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children):
        return None  # "40% of small businesses said ...": a share of them, named by the partitive
    if verb.lemma_.lower() == "be":
        said = [c for c in verb.children if c.dep_ in _COMPLEMENTS and c.i > verb.i and c.pos_ in ("ADJ", "NOUN")]
        words = list(said[0].subtree) if said else []
    elif verb.pos_ == "VERB" and verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children):
        words = [verb] + [t for c in verb.children if c.i > verb.i and c.dep_ in ("npadvmod", "prep", "advmod")
                          for t in c.subtree]  # "77 percent were aged 26 or above"
    else:
        return None
    words = sorted(words, key=lambda t: t.i)
    if not words or len(words) > 5 or any(t.pos_ in ("PUNCT", "VERB") and t is not verb for t in words):
        return None
    return "share " + doc_text(doc)[words[0].idx:words[-1].idx + len(words[-1].text)].lower()


def _index_metric(doc: Doc, sent: Span, q: Quantity) -> Optional[str]:
    verb = _own_verb(doc, q)
    subj = clause_subject(verb) if verb is not None else None
    if subj is None:
        return None
    words = [t for t in subj.subtree if t.dep_ not in ("appos", "punct") and not any(
        a.dep_ == "appos" for a in t.ancestors if a.i in {x.i for x in subj.subtree})]
    phrase = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
    if not _index_names().search(phrase):
        return None
    return "index growth" if measures_change(sent, q) else "index"


def _own_verb(doc: Doc, q: Quantity) -> Optional[Token]:
    """The nearest verb above the figure ("while the S&P 500 is up 24.5 percent": "is",
    not the main clause's "are")."""
    span = tokens_of(doc, q)
    t = span.root if span is not None else None
    for _ in range(4):
        if t is None or t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


@lru_cache(maxsize=1)
def _index_names() -> re.Pattern:
    table = metric_vocabulary().rules.get("indexes", {})
    return re.compile(rf"(?<![\w&])(?:{alternation(table.get('names', []) + table.get('heads', []))})(?![\w&])",
                      re.I)
