"""Models of extract/data/periods.toml (the patterns of time references, their words, and
how a period is written from a match), read through `extract.rules.load_rules`; registered
with the other rule files' models in `extract.rule_files.MODELS`."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from extract.rules import Rules


# The short tag of a time-reference pattern (extract/periods.py), which picks how a period is written.
PeriodTag = Literal[
    "mq", "endq", "ended", "yended", "oqended", "fyspan", "fq3", "fyq", "q2", "h2", "fq22", "fq", "fq2", "q", "yq",
    "oq", "h", "oh", "fy", "fy2", "my", "monthsof", "window", "py", "y", "yearago", "fiscal", "fullyear", "ytd",
    "same", "then", "current", "rel", "recentq", "undated", "bareq", "bareoq", "bareoh", "barem", "asof", "mspan"]


class PeriodWords(Rules):
    ordinals: dict[str, int]
    counts: list[str]
    month_spans: dict[str, int]
    shifts: dict[str, int]
    named_by_year: list[str]
    forward: list[str] = []
    forward_months: int = 0
    model_suffixes: list[str]


class PeriodContext(Rules):
    baseline_before: str
    baseline_opening: str
    horizon_before: str
    publication_before: str
    fiscal_appositive: str
    fiscal_year_named: str
    fiscal_before: str
    name_determiner: str
    not_model_words: str


class PeriodPattern(Rules):
    kind: PeriodTag
    pattern: str
    case_sensitive: bool = False


# "FY{2}-Q{ordinal 1}": text and {N}, {ordinal N} or {month N} group references
PeriodTemplate = Annotated[str, Field(pattern=r"^(?:[^{}]|\{(?:ordinal |month )?[1-9]\})+$")]


class WritingYearPatterns(Rules):
    future_before: str
    future_clause_before: str
    this_year: str
    compared_before: str
    than_before: str


class PeriodClauses(Rules):
    side_clauses: list[str]
    asides: list[str]
    report_date_prepositions: list[str]


class PeriodFraming(Rules):
    from_level: str
    to_level: str
    year_ago_break: str
    phrase_end: str
    to_level_after_time: str
    dating_participle: str
    opening_time: str
    opening_year: str
    now_opener: str
    target_year: str
    tolerance: str
    modals: list[str]
    pointing_back: list[str]
    reached_before: str = r'\bto\s+$'
    level_then_from: str = r'\s*,?\s*from\s+'
    time_of_change: str = r'\s*(?:in\s+)?'


class PeriodReported(Rules):
    quarterly: list[str] = []


class PeriodsRules(Rules):
    """extract/data/periods.toml: the patterns of time references, their words, and how a
    period is written from a match."""

    words: PeriodWords
    context: PeriodContext
    written: dict[PeriodTag, list[PeriodTemplate]]
    patterns: list[PeriodPattern]
    writing_year: WritingYearPatterns
    clauses: PeriodClauses
    framing: PeriodFraming
    reported: PeriodReported = PeriodReported()
