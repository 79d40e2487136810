"""The data reconciliation reads (claims/data/reconcile.toml): cue words, scores, tiers.

The file is read by the one rule loader (extract/rules.py) into `ReconcileFile`, so a
typo in it fails at load with the file and key named; `_rules()` and `candidate_rules()`
are what the passes read, with the cue lists compiled.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from extract.rule_files import FiscalCalendarsRules
from extract.rules import Rules, load_rules
from extract.lexicon import alternation

DATA = Path(__file__).resolve().parents[1] / "data"


class _Score(Rules):
    base: float
    spread: float
    saturate_gap: float
    explained_factor: float
    hedged_factor: float


class _Compare(Rules):
    max_ratio: float


class _Speakers(Rules):
    relays: list[str]
    consensus: list[str]
    market: list[str]


class _Growth(Rules):
    bare_growth_of_entity: str


class _Partial(Rules):
    to_date: list[str]


class _MetricWords(Rules):
    owners: list[str]
    neutral: list[str]
    same_as: dict[str, str]


class _Names(Rules):
    corporate_suffixes: list[str]


class _Outlook(Rules):
    cues: list[str]


class _Candidates(Rules):
    stop_words: list[str]
    column_weights: dict[str, float]
    neighbours: int
    date_window_days: int
    currency_tolerance: float
    growth_words: list[str]
    value_digits: int
    currency_bridge: str
    duration_seconds: dict[str, float]


class _Tiers(Rules):
    confident_similarity: float
    confident_similarity_two_fields: float
    confident_similarity_revision: float
    confident_similarity_named: float
    possible_similarity: float
    agree_similarity: float
    agree_similarity_two_fields: float
    value_weight: float
    field_weight: float
    value_min_similarity: float
    same_story: float
    possible_factor: float


class _Vintage(Rules):
    later_report: list[str]
    replaces_estimate: list[str]
    changed_since: list[str]


class _DatedEvents(Rules):
    window_days: int
    revision_window_days: int
    measured: list[str]
    tallies: list[str]
    states: list[str]
    count_moved: list[str]


class _Events(Rules):
    metrics: list[str] = []
    dated: _DatedEvents


class ReconcileFile(Rules):
    """claims/data/reconcile.toml, section by section."""

    revision_verbs: list[str]
    revised_things: list[str]
    periods_per_year: dict[str, int]
    score: _Score
    compare: _Compare
    speakers: _Speakers
    growth: _Growth
    partial: _Partial
    metric_words: _MetricWords
    names: _Names
    outlook: _Outlook
    segments: dict[str, dict[str, str]]
    candidates: _Candidates
    tiers: _Tiers
    vintage: _Vintage
    events: _Events


def reconcile_file() -> ReconcileFile:
    return load_rules("reconcile.toml", ReconcileFile, DATA)


class CandidateRules(_Tiers):
    """What the evidence pass reads: the tiers as the file gives them, the candidates' and
    vintage cue lists compiled."""

    stop_words: frozenset[str]
    seconds: dict[str, float]  # duration unit -> seconds
    column_weights: dict[str, float]
    neighbours: int
    date_window_days: int
    currency_tolerance: float
    currency_bridge: re.Pattern
    later_report: re.Pattern
    replaces_estimate: re.Pattern
    changed_since: re.Pattern
    growth_words: re.Pattern
    value_digits: int
    market: frozenset[str]


@lru_cache(maxsize=None)
def candidate_rules() -> CandidateRules:
    d = reconcile_file()
    c, v = d.candidates, d.vintage
    return CandidateRules(
        stop_words=frozenset(w.lower() for w in c.stop_words),
        seconds=dict(c.duration_seconds),
        column_weights=dict(c.column_weights),
        neighbours=c.neighbours,
        date_window_days=c.date_window_days,
        currency_tolerance=c.currency_tolerance,
        currency_bridge=re.compile(c.currency_bridge),
        later_report=_cue_pattern(v.later_report),
        replaces_estimate=_cue_pattern(v.replaces_estimate),
        changed_since=_cue_pattern(v.changed_since),
        growth_words=_cue_pattern(c.growth_words),
        value_digits=c.value_digits,
        market=frozenset(x.lower() for x in d.speakers.market),
        **d.tiers.model_dump(),
    )


class _Rules(_Score):
    """What the keyed pass and compare read: the scores as the file gives them, cue lists compiled."""

    revision: re.Pattern
    per_year: dict[str, int]
    max_ratio: float
    bare_growth: str
    segments: dict[str, dict[str, str]]
    relays: frozenset[str]
    consensus: frozenset[str]
    fiscal_year_end: dict[str, int]
    to_date: re.Pattern
    owner_words: frozenset[str]
    outlook: re.Pattern
    neutral_words: frozenset[str]
    metric_same_as: dict[str, str]
    corporate_suffix: re.Pattern
    event_metrics: frozenset[str] = frozenset()  # a one-off event's measures: compared with no period
    dated_events: dict[str, str]  # a dated event's metric -> how it moves: "measured", "tally" or "state"
    event_window_days: int  # reports of a dated event published this many days apart or fewer are compared
    event_revision_window_days: int  # ... or this many when one says it revises the figure
    count_moved: re.Pattern  # a clause saying a tally or a state has moved


def _cue_pattern(cues: list[str]) -> re.Pattern:
    alts = alternation(cues)
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.I)


@lru_cache(maxsize=None)
def _rules() -> _Rules:
    d = reconcile_file()
    verbs = "|".join(map(re.escape, d.revision_verbs))
    things = "|".join(map(re.escape, d.revised_things))
    # "raised its 2026 capital expenditure guidance" / "guidance was raised"
    revision = re.compile(
        rf"\b(?:{verbs})\b(?:\W+[\w$.,%-]+){{0,6}}?\W+(?:{things})\b"
        rf"|\b(?:{things})\b\W+(?:(?:was|were|has been|have been|is|are|been)\W+)?(?:{verbs})\b",
        re.I,
    )
    words = d.metric_words
    return _Rules(
        revision=revision,
        per_year=dict(d.periods_per_year),
        **d.score.model_dump(),
        max_ratio=d.compare.max_ratio,
        bare_growth=d.growth.bare_growth_of_entity,
        segments={parent: {w.lower(): unit for w, unit in by_word.items()} for parent, by_word in d.segments.items()},
        relays=frozenset(r.lower() for r in d.speakers.relays),
        consensus=frozenset(r.lower() for r in d.speakers.consensus),
        fiscal_year_end=dict(load_rules("fiscal_calendars.toml", FiscalCalendarsRules).year_ends),
        to_date=_cue_pattern(d.partial.to_date),
        owner_words=frozenset(words.owners),
        outlook=_cue_pattern(d.outlook.cues),
        neutral_words=frozenset(words.neutral),
        metric_same_as={k.lower(): v for k, v in words.same_as.items()},
        corporate_suffix=_suffix_pattern(d.names.corporate_suffixes),
        event_metrics=frozenset(m.lower() for m in d.events.metrics),
        dated_events=_dated_events(d.events.dated),
        event_window_days=d.events.dated.window_days,
        event_revision_window_days=d.events.dated.revision_window_days,
        count_moved=_cue_pattern(d.events.dated.count_moved),
    )


def _dated_events(dated: _DatedEvents) -> dict[str, str]:
    """Each dated event's metric (lower case) -> how it moves while the story unfolds."""
    out: dict[str, str] = {}
    for how, metrics in (("measured", dated.measured), ("tally", dated.tallies), ("state", dated.states)):
        for m in metrics:
            if m.lower() in out:
                raise ValueError(f"reconcile.toml [events.dated]: {m!r} is listed twice")
            out[m.lower()] = how
    return out


def _suffix_pattern(suffixes: list[str]) -> re.Pattern:
    alts = alternation(suffixes)
    return re.compile(rf"(?:[\s,]+(?:{alts})\.?)+$", re.I)
