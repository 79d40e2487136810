"""The data reconciliation reads (claims/data/reconcile.toml): cue words, scores, tiers."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from extract.rule_files import FiscalCalendarsRules
from extract.rules import load_rules

DATA = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class CandidateRules:
    stop_words: frozenset[str]
    seconds: dict[str, float]  # duration unit -> seconds
    column_weights: dict[str, float]
    neighbours: int
    date_window_days: int
    confident_similarity: float
    confident_similarity_two_fields: float
    confident_similarity_revision: float
    confident_similarity_named: float
    possible_similarity: float
    agree_similarity: float
    agree_similarity_two_fields: float
    possible_factor: float
    currency_tolerance: float
    currency_bridge: re.Pattern
    later_report: re.Pattern
    replaces_estimate: re.Pattern
    changed_since: re.Pattern
    growth_words: re.Pattern
    value_digits: int
    value_weight: float
    field_weight: float
    value_min_similarity: float
    same_story: float
    market: frozenset[str]


@lru_cache(maxsize=None)
def candidate_rules() -> CandidateRules:
    with open(DATA / "reconcile.toml", "rb") as f:
        d = tomllib.load(f)
    c, t, v = d["candidates"], d["tiers"], d["vintage"]
    return CandidateRules(
        stop_words=frozenset(w.lower() for w in c["stop_words"]),
        seconds={k: float(x) for k, x in c["duration_seconds"].items()},
        column_weights=dict(c["column_weights"]),
        neighbours=int(c["neighbours"]),
        date_window_days=int(c["date_window_days"]),
        confident_similarity=float(t["confident_similarity"]),
        confident_similarity_two_fields=float(t["confident_similarity_two_fields"]),
        confident_similarity_revision=float(t["confident_similarity_revision"]),
        confident_similarity_named=float(t["confident_similarity_named"]),
        possible_similarity=float(t["possible_similarity"]),
        agree_similarity=float(t["agree_similarity"]),
        agree_similarity_two_fields=float(t["agree_similarity_two_fields"]),
        possible_factor=float(t["possible_factor"]),
        currency_tolerance=float(c["currency_tolerance"]),
        currency_bridge=re.compile(c["currency_bridge"]),
        later_report=_words(v["later_report"]),
        replaces_estimate=_words(v["replaces_estimate"]),
        changed_since=_words(v["changed_since"]),
        growth_words=_words(c["growth_words"]),
        value_digits=int(c["value_digits"]),
        value_weight=float(t["value_weight"]),
        field_weight=float(t["field_weight"]),
        value_min_similarity=float(t["value_min_similarity"]),
        same_story=float(t["same_story"]),
        market=frozenset(x.lower() for x in d["speakers"]["market"]),
    )


def _words(cues: list[str]) -> re.Pattern:
    alts = "|".join(re.escape(x) for x in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.I)


@dataclass(frozen=True)
class _Rules:
    revision: re.Pattern
    per_year: dict[str, int]
    base: float
    spread: float
    saturate_gap: float
    explained_factor: float
    hedged_factor: float
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


def _cue_pattern(cues: list[str]) -> re.Pattern:
    alts = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.I)


@lru_cache(maxsize=None)
def _rules() -> _Rules:
    with open(DATA / "reconcile.toml", "rb") as f:
        d = tomllib.load(f)
    verbs = "|".join(map(re.escape, d["revision_verbs"]))
    things = "|".join(map(re.escape, d["revised_things"]))
    # "raised its 2026 capital expenditure guidance" / "guidance was raised"
    revision = re.compile(
        rf"\b(?:{verbs})\b(?:\W+[\w$.,%-]+){{0,6}}?\W+(?:{things})\b"
        rf"|\b(?:{things})\b\W+(?:(?:was|were|has been|have been|is|are|been)\W+)?(?:{verbs})\b",
        re.I,
    )
    sc = d["score"]
    words = d["metric_words"]
    return _Rules(
        revision=revision,
        per_year=dict(d["periods_per_year"]),
        base=sc["base"],
        spread=sc["spread"],
        saturate_gap=sc["saturate_gap"],
        explained_factor=sc["explained_factor"],
        hedged_factor=sc["hedged_factor"],
        max_ratio=d["compare"]["max_ratio"],
        bare_growth=d["growth"]["bare_growth_of_entity"],
        segments={parent: {w.lower(): unit for w, unit in by_word.items()} for parent, by_word in d["segments"].items()},
        relays=frozenset(r.lower() for r in d["speakers"]["relays"]),
        consensus=frozenset(r.lower() for r in d["speakers"]["consensus"]),
        fiscal_year_end=dict(load_rules("fiscal_calendars.toml", FiscalCalendarsRules).year_ends),
        to_date=_cue_pattern(d["partial"]["to_date"]),
        owner_words=frozenset(words["owners"]),
        outlook=_cue_pattern(d["outlook"]["cues"]),
        neutral_words=frozenset(words["neutral"]),
        metric_same_as={k.lower(): v for k, v in words["same_as"].items()},
        corporate_suffix=_suffix_pattern(d["names"]["corporate_suffixes"]),
    )


def _suffix_pattern(suffixes: list[str]) -> re.Pattern:
    alts = "|".join(re.escape(x) for x in sorted(suffixes, key=len, reverse=True))
    return re.compile(rf"(?:[\s,]+(?:{alts})\.?)+$", re.I)
