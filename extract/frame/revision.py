"""A revision's size: "Job growth in the prior two months was revised down by a combined
48,000", "Retail sales for September were revised up by 0.3 percentage point". The
figure after "by" on a verb of revising measures the revision of what the verb's
subject names ("payrolls revision"), not that thing's level: a statistics release
revises its earlier months, and the size of the change is its own figure.

Word table: extract/data/metrics.toml [revisions].
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from extract.records import Quantity
from extract.vocab import metric_vocabulary
from extract.frame.syntax import clause_subject, metric_of_tokens, metric_tokens, tokens_of


def revision_metric(doc: Doc, q: Quantity) -> Optional[str]:
    """"<what> revision" for a figure a revising verb takes by "by"; None otherwise."""
    table = metric_vocabulary().rules.get("revisions", {})
    span = tokens_of(doc, q)
    if span is None or not table:
        return None
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ != "by":
        return None
    verb = root.head.head
    if verb.pos_ in ("ADV", "ADJ") and verb.dep_ in ("advmod", "acomp", "prep"):
        verb = verb.head  # "revised lower by 112,000"
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in table.get("verbs", []):
        return None
    subj = clause_subject(verb)
    what = _what_is_revised(subj) if subj is not None and subj.pos_ in ("NOUN", "PROPN") else None
    return f"{what} {table['suffix']}" if what else table["suffix"]


def _what_is_revised(noun: Token) -> Optional[str]:
    """The metric the subject names ("Payrolls for August" -> payrolls), else its own
    noun with the nouns before it ("job growth")."""
    words = metric_tokens(noun)
    if words:
        return metric_of_tokens(words)
    compounds = [t.lower_ for t in noun.doc[noun.left_edge.i:noun.i] if t.dep_ == "compound" and t.head.i == noun.i]
    return " ".join(compounds + [noun.lower_])
