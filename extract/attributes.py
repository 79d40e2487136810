"""The trained pipeline's attribute ruler (tag → POS and morphology, plus its exceptions),
applied with array operations instead of spaCy's token Matcher.

The rules are the model's own (read from its `attribute_ruler` at load time), so any
pipeline works; only how they are applied changes. The semantics are the ruler's:
every rule is matched on the doc as the tagger and parser left it, then the matches are
applied in rule order, a later rule overriding an earlier one. In a profile of `claims
extract` the Matcher cost as much as the tagger; here a rule is a few numpy comparisons
over the doc's hash arrays (bench/throughput.py; tests/test_golden.py: output unchanged).
"""

from __future__ import annotations

import json
import re
from typing import Callable, Iterable, Iterator, Optional

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc
from spacy.util import minibatch

# The token attributes a rule may test, in the order of the arrays read from the doc.
_TESTED = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_TESTED_ATTRS = [TAG, LOWER, DEP, IS_SPACE]
# The attributes a rule may set through arrays, in the order written back to the doc.
_SET = {"POS": 0, "MORPH": 1, "LEMMA": 2, "TAG": 3}
_SET_ATTRS = [POS, MORPH, LEMMA, TAG]

# What the tests computed on the rows of one batch, by the test's text: rules share their
# tests ("TAG": "PRP" in 58 of them), each is computed once a batch.
Masks = dict[str, object]
Test = Callable[[numpy.ndarray, Masks], numpy.ndarray]


class UnsupportedRule(ValueError):
    """A rule this module cannot apply exactly: the spaCy ruler is kept instead."""


def _value_test(column: int, key: str, value: object, vocab) -> Test:
    """A test of one attribute of every token: a boolean mask over the doc."""
    def code(v: object) -> int:
        if key == "IS_SPACE":
            return int(bool(v))
        return vocab.strings.add(str(v)) if v != "" else 0

    if not isinstance(value, dict):
        want = code(value)
        return lambda cols, masks: cols[:, column] == want
    if set(value) == {"IN"}:
        wanted = numpy.array([code(v) for v in value["IN"]], dtype="uint64")
        return lambda cols, masks: numpy.isin(cols[:, column], wanted)
    if set(value) == {"NOT_IN"}:
        unwanted = numpy.array([code(v) for v in value["NOT_IN"]], dtype="uint64")
        return lambda cols, masks: ~numpy.isin(cols[:, column], unwanted)
    if set(value) == {"REGEX"} and key == "LOWER":
        pattern = re.compile(value["REGEX"])
        strings = vocab.strings

        def regex(cols: numpy.ndarray, masks: Masks) -> numpy.ndarray:
            read = f"strings of column {column}"  # the batch's distinct values, decoded once for all regexes
            if read not in masks:
                values = numpy.unique(cols[:, column])
                masks[read] = (values, [strings[int(h)] for h in values])
            values, words = masks[read]
            hits = numpy.array([h for h, w in zip(values, words) if pattern.search(w)], dtype="uint64")
            return numpy.isin(cols[:, column], hits)
        return regex
    raise UnsupportedRule(f"{key}: {value}")


def _token_test(token: dict, vocab) -> tuple[str, Test]:
    """(the test's text, the test): a mask of the rows whose token passes every test of `token`."""
    tests = []
    for key, value in token.items():
        if key not in _TESTED:
            raise UnsupportedRule(key)
        tests.append(_value_test(_TESTED[key], key, value, vocab))

    def all_of(cols: numpy.ndarray, masks: Masks) -> numpy.ndarray:
        mask = numpy.ones(len(cols), dtype=bool)
        for t in tests:
            mask &= t(cols, masks)
        return mask
    return json.dumps(token, sort_keys=True), all_of


class _Rule:
    """One rule: its patterns (each a run of token tests), the token of a match it sets
    (index), and what it sets."""

    def __init__(self, patterns: list[list[dict]], attrs: dict, index: int, vocab):
        self.patterns = [[_token_test(t, vocab) for t in p] for p in patterns]
        self.lengths = [len(p) for p in patterns]
        self.index = index
        self.values: list[tuple[int, int]] = []
        self.dep: Optional[str] = None
        for key, value in attrs.items():
            if key == "DEP":
                self.dep = value  # rare (space tokens): set per token, with its head kept
            elif key not in _SET:
                raise UnsupportedRule(key)
            elif key == "POS":
                self.values.append((_SET[key], POS_IDS[value]))
            elif key == "MORPH":
                self.values.append((_SET[key], vocab.morphology.add(value)))
            else:
                self.values.append((_SET[key], vocab.strings.add(value)))

    def targets(self, cols: numpy.ndarray, owner: Optional[numpy.ndarray] = None,
                masks: Optional[Masks] = None) -> numpy.ndarray:
        """The indices of the tokens the rule sets in these rows. `owner` (the doc each
        row of a batch belongs to) keeps a match from running across two docs; `masks`
        holds what the tests already computed on these rows (a mask is read, never changed)."""
        n = len(cols)
        masks = {} if masks is None else masks
        found = []
        for tests, length in zip(self.patterns, self.lengths):
            if n < length:
                continue
            mask = numpy.ones(n - length + 1, dtype=bool)
            for k, (text, test) in enumerate(tests):
                tested = masks.get(text)
                if tested is None:
                    tested = masks[text] = test(cols, masks)
                mask &= tested[k:n - length + 1 + k]
            if owner is not None and length > 1:
                mask &= owner[:n - length + 1] == owner[length - 1:]
            starts = numpy.flatnonzero(mask)
            found.append(starts + (self.index if self.index >= 0 else length + self.index))
        if len(found) == 1:
            return found[0]  # one pattern's starts: sorted, each once, as numpy.unique would give them
        return numpy.unique(numpy.concatenate(found)) if found else numpy.empty(0, dtype="int64")


class ArrayAttributeRuler:
    """The attribute ruler's rules, applied with arrays (see the module's docstring)."""

    def __init__(self, vocab):
        self.vocab = vocab
        self.rules: list[_Rule] = []

    def load(self, patterns: list[dict]) -> "ArrayAttributeRuler":
        self.rules = [_Rule(p["patterns"], p.get("attrs", {}), p.get("index", 0), self.vocab) for p in patterns]
        return self

    def __call__(self, doc: Doc) -> Doc:
        self._apply([doc])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """The docs of each batch matched together: a rule's numpy calls cost the same
        for one short doc as for a hundred, so a batch of docs is one set of arrays."""
        for batch in minibatch(docs, size=batch_size):
            self._apply(batch)
            yield from batch

    def _apply(self, docs: list[Doc]) -> None:
        docs = [d for d in docs if len(d)]
        if not docs or not self.rules:
            return
        # column-major: each test reads one attribute of every row, contiguous in memory
        cols = numpy.asfortranarray(numpy.concatenate([d.to_array(_TESTED_ATTRS) for d in docs]).astype("uint64"))
        out = numpy.concatenate([d.to_array(_SET_ATTRS) for d in docs]).astype("uint64")
        bounds = numpy.cumsum([0] + [len(d) for d in docs])
        owner = numpy.repeat(numpy.arange(len(docs)), numpy.diff(bounds)) if len(docs) > 1 else None
        deps: list[tuple[int, str]] = []
        # All matches are found before any is applied (the ruler's order: rule by rule).
        masks: Masks = {}
        hits = [(rule, rule.targets(cols, owner, masks)) for rule in self.rules]
        for rule, at in hits:
            if not len(at):
                continue
            for column, value in rule.values:
                out[at, column] = value
            if rule.dep is not None:
                deps += [(int(i), rule.dep) for i in at]
        for k, doc in enumerate(docs):
            doc.from_array(_SET_ATTRS, out[bounds[k]:bounds[k + 1]])
        for i, dep in deps:
            k = int(numpy.searchsorted(bounds, i, side="right")) - 1
            docs[k][i - int(bounds[k])].dep_ = dep


@Language.factory("claims_attributes")
def make_array_attribute_ruler(nlp: Language, name: str) -> ArrayAttributeRuler:
    return ArrayAttributeRuler(nlp.vocab)


def with_array_attributes(nlp: Language) -> Language:
    """Replace the pipeline's `attribute_ruler` by the same rules applied with arrays
    (same name, same place); a rule of a kind not handled here keeps spaCy's ruler."""
    if "attribute_ruler" not in nlp.pipe_names:
        return nlp
    patterns = nlp.get_pipe("attribute_ruler").patterns
    try:
        ArrayAttributeRuler(nlp.vocab).load(patterns)
    except UnsupportedRule:
        return nlp
    nlp.replace_pipe("attribute_ruler", "claims_attributes").load(patterns)
    return nlp

