"""A count of homes or buildings by what befell them.

"The storm destroyed more than 35,000 homes", "200 houses were razed", "the fire burned 1,300
homes", "at least 2,000 homes were damaged": the homes a disaster destroyed (damaged,
flooded) are its toll, comparable across outlets, not a count of homes in general. The verb
that takes the count says which ("destroyed" -> homes destroyed), as [people_verbs] does for
people (frame/unit_metric.py people_metric); so "sold 35,000 homes" and "built 1.4 million
homes" stay "homes". Word tables: extract/data/metrics.toml [damage_verbs].
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from extract.records import Quantity
from extract.vocab import metric_vocabulary
from extract.frame.syntax import tokens_of


def damage_metric(doc: Doc, q: Quantity) -> Optional[str]:
    """"homes destroyed" for "destroyed 35,000 homes"; None for any other count."""
    if q.unit != "count" or not q.noun:
        return None
    table = _table_of(q.noun.lower())
    if table is None:
        return None
    span = tokens_of(doc, q)
    if span is None:
        return None
    metrics = table.get("metrics", {})
    for verb in _verbs_of(span.root):
        for form in (verb.lemma_.lower(), verb.lower_):
            if form in metrics:
                return metrics[form]
    return None


def _table_of(noun: str) -> Optional[dict]:
    for table in metric_vocabulary().rules.get("damage_verbs", {}).values():
        if noun in table.get("nouns", []):
            return table
    return None


def _verbs_of(root: Token) -> list[Token]:
    """The verb that takes the count as its subject or object ("destroyed 35,000 homes",
    "200 houses were razed"), or describes it ("35,000 destroyed homes", "homes
    damaged by the storm")."""
    verbs = [c for c in root.children if c.dep_ in ("amod", "acl") and c.tag_ in ("VBN", "VBD", "JJ")]
    if root.dep_ in ("nsubj", "nsubjpass", "dobj") and root.head.pos_ in ("VERB", "AUX"):
        verbs.insert(0, root.head)
    return verbs
