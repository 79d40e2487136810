"""spaCy's rule lemmatizer with the same answers at a fraction of the cost.

spaCy's `Lemmatizer.rule_lemmatize` tests `form in index`, where the index of a part of
speech is a list of thousands of words (a linear scan for every form a rule makes), and
caches only the words it ran its rules on: a base form ("revenue" as a singular noun)
or a proper noun is worked out again each time it is met. In a fresh process that was
most of the lemmatizer's time (1.1 CPU s on 60 benchmark texts; 0.01 s once warm).

`with_fast_lemmas(nlp)` gives the pipeline's rule lemmatizer a `lemmatize` that does the
same steps with each index as a set, and caches every answer under spaCy's own key
(the word, its part of speech and morphology, which are all the answer depends on).
tests/test_lemmas.py holds it to spaCy's lemma on every token of seed and news texts.
"""

from __future__ import annotations

import warnings
from typing import Callable

from spacy.errors import Warnings
from spacy.language import Language
from spacy.tokens import Token


def with_fast_lemmas(nlp: Language) -> Language:
    """The pipeline, its rule lemmatizer (if it has one) answering from sets and a cache."""
    if "lemmatizer" not in nlp.pipe_names:
        return nlp
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule":
        return nlp
    lemmatizer.lemmatize = _rule_lemmatize(lemmatizer)
    return nlp


def _rule_lemmatize(lemmatizer) -> Callable[[Token], list[str]]:
    cache = lemmatizer.cache  # spaCy's own: what it already knows stays known
    lookups = lemmatizer.lookups
    tables: dict[str, tuple] = {}

    def tables_of(univ_pos: str) -> tuple:
        if univ_pos not in tables:
            index = lookups.get_table("lemma_index", {}).get(univ_pos)
            exceptions = lookups.get_table("lemma_exc", {}).get(univ_pos)
            rules = lookups.get_table("lemma_rules", {}).get(univ_pos)
            tables[univ_pos] = (any((index, exceptions, rules)), set(index or ()), exceptions or {}, rules or [])
        return tables[univ_pos]

    def lemmatize(token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        known = cache.get(key)
        if known is not None:
            return known
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            if univ_pos == "":
                warnings.warn(Warnings.W108)
            return [token.text.lower()]
        cache[key] = forms = _forms(token, univ_pos, lemmatizer, tables_of)
        return forms

    return lemmatize


def _forms(token: Token, univ_pos: str, lemmatizer, tables_of) -> list[str]:
    """spaCy's rule_lemmatize after its cache check, step for step."""
    string = token.text
    if lemmatizer.is_base_form(token):
        return [string.lower()]
    any_table, index, exceptions, rules = tables_of(univ_pos)
    if not any_table:
        return [string] if univ_pos == "propn" else [string.lower()]
    orig, string = string, string.lower()
    forms: list[str] = []
    oov_forms: list[str] = []
    for old, new in rules:
        if string.endswith(old):
            form = string[: len(string) - len(old)] + new
            if not form:
                pass
            elif form in index:
                forms.insert(0, form)
            elif not form.isalpha():
                forms.append(form)
            else:
                oov_forms.append(form)
    forms = list(dict.fromkeys(forms))
    for form in exceptions.get(string, []):
        if form not in forms:
            forms.insert(0, form)
    if not forms:
        forms.extend(oov_forms)
    if not forms:
        forms.append(orig)
    return forms
