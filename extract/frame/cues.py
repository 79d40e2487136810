"""Cue words for framing, read once from data/framing.toml."""

from __future__ import annotations
import re
from dataclasses import dataclass
from functools import lru_cache
from extract.lexicon import alternation, data_table
from extract.phrase_trie import phrase_alternation


@dataclass(frozen=True)
class Cues:
    attribution_verbs: frozenset[str]
    source_prepositions: re.Pattern
    source_nouns: frozenset[str]
    source_descriptors: re.Pattern
    source_carry: re.Pattern
    forecast: frozenset[str]
    weak_forecast: frozenset[str]
    estimate: frozenset[str]
    weak_estimate: frozenset[str]
    illustrative: re.Pattern
    illustration_openers: re.Pattern
    conditional: frozenset[str]
    pronouns: frozenset[str]
    anaphoric: frozenset[str]
    anaphoric_heads: frozenset[str]
    benchmark_nouns: frozenset[str]
    benchmark_words: frozenset[str]
    drop_words: frozenset[str]
    not_entities: frozenset[str]
    measure_nouns: frozenset[str]
    guidance: re.Pattern
    actual: re.Pattern
    plan_verbs: frozenset[str]
    plan_moving_verbs: frozenset[str]
    subject_labels: frozenset[str]
    source_labels: frozenset[str]
    news_agencies: frozenset[str]
    organisation_labels: frozenset[str]
    topic_heads: frozenset[str]
    level_nouns: frozenset[str]
    not_line_words: frozenset[str]
    segment_nouns: frozenset[str]
    topic_stop: frozenset[str]


def _words_re(words) -> re.Pattern:
    # as a tree of the words' characters (extract/phrase_trie.py): the same matches, found faster
    return re.compile(rf"(?<![\w])(?:{phrase_alternation(words, ignore_case=True)})(?![\w])", re.I)


def lowered(words) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


@lru_cache(maxsize=None)
def framing_words(key: str) -> frozenset[str]:
    """A word list of data/framing.toml, lower-cased, built once (not per figure)."""
    return lowered(data_table("framing")[key])


# Each field of `Cues` as "field=key" of data/framing.toml ("field" alone when they are
# the same), by how its words are read: lower-cased, as written, or as one pattern.
_LOWERED = ("attribution_verbs source_nouns forecast=forecast_cues weak_forecast=weak_forecast_cues "
            "estimate=estimate_cues weak_estimate=weak_estimate_cues conditional=conditional_markers "
            "pronouns=pronoun_subjects anaphoric=anaphoric_subjects anaphoric_heads benchmark_nouns benchmark_words "
            "drop_words=subject_drop_words measure_nouns news_agencies topic_heads level_nouns not_line_words "
            "segment_nouns topic_stop=topic_stop_words")
_AS_WRITTEN = "not_entities plan_verbs plan_moving_verbs subject_labels source_labels organisation_labels"
_PATTERNS = ("source_descriptors source_carry illustrative=illustrative_cues guidance=guidance_cues "
             "actual=actual_cues")


def _fields(spec: str) -> list[tuple[str, str]]:
    return [tuple(item.split("=")) if "=" in item else (item, item) for item in spec.split()]


@lru_cache(maxsize=None)
def load_cues() -> Cues:
    d = data_table("framing")
    read = {field: lowered(d[key]) for field, key in _fields(_LOWERED)}
    read |= {field: frozenset(d[key]) for field, key in _fields(_AS_WRITTEN)}
    read |= {field: _words_re(d[key]) for field, key in _fields(_PATTERNS)}
    return Cues(**read,
                source_prepositions=re.compile(rf"(?<![\w])(?:{phrase_alternation(d['source_prepositions'], True)})\s+",
                                               re.I),
                illustration_openers=re.compile(rf"^\W*(?:{alternation(d['illustration_openers'])})(?![\w])", re.I))
