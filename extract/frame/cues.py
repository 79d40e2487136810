"""Cue words for framing, read once from data/framing.toml."""

from __future__ import annotations
import re
from dataclasses import dataclass
from functools import lru_cache
from extract.lexicon import data_table


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
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alts})(?![\w])", re.I)


def lowered(words) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


@lru_cache(maxsize=None)
def load_cues() -> Cues:
    d = data_table("framing")
    return Cues(
        attribution_verbs=lowered(d["attribution_verbs"]),
        source_prepositions=re.compile(
            r"(?<![\w])(?:" + "|".join(re.escape(p) for p in sorted(d["source_prepositions"], key=len, reverse=True))
            + r")\s+", re.I),
        source_nouns=lowered(d["source_nouns"]),
        source_descriptors=_words_re(d["source_descriptors"]),
        source_carry=_words_re(d["source_carry"]),
        forecast=lowered(d["forecast_cues"]),
        weak_forecast=lowered(d["weak_forecast_cues"]),
        estimate=lowered(d["estimate_cues"]),
        weak_estimate=lowered(d["weak_estimate_cues"]),
        illustrative=_words_re(d["illustrative_cues"]),
        illustration_openers=re.compile(
            r"^\W*(?:" + "|".join(re.escape(w) for w in sorted(d["illustration_openers"], key=len, reverse=True))
            + r")(?![\w])", re.I),
        conditional=lowered(d["conditional_markers"]),
        pronouns=lowered(d["pronoun_subjects"]),
        anaphoric=lowered(d["anaphoric_subjects"]),
        anaphoric_heads=lowered(d["anaphoric_heads"]),
        benchmark_nouns=lowered(d["benchmark_nouns"]),
        benchmark_words=lowered(d["benchmark_words"]),
        drop_words=lowered(d["subject_drop_words"]),
        not_entities=frozenset(d["not_entities"]),
        measure_nouns=lowered(d["measure_nouns"]),
        guidance=_words_re(d["guidance_cues"]),
        actual=_words_re(d["actual_cues"]),
        plan_verbs=frozenset(d["plan_verbs"]),
        plan_moving_verbs=frozenset(d["plan_moving_verbs"]),
        subject_labels=frozenset(d["subject_labels"]),
        source_labels=frozenset(d["source_labels"]),
        news_agencies=lowered(d["news_agencies"]),
        organisation_labels=frozenset(d["organisation_labels"]),
        topic_heads=lowered(d["topic_heads"]),
        level_nouns=lowered(d["level_nouns"]),
        not_line_words=lowered(d["not_line_words"]),
        segment_nouns=lowered(d["segment_nouns"]),
        topic_stop=lowered(d["topic_stop_words"]),
    )
