"""The data the evidence pairing reads (claims/data/reconcile.toml [candidates], [tiers], [vintage])."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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
    possible_similarity: float
    agree_similarity: float
    agree_similarity_two_fields: float
    possible_factor: float
    currency_tolerance: float
    currency_bridge: re.Pattern
    later_report: re.Pattern
    changed_since: re.Pattern


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
        possible_similarity=float(t["possible_similarity"]),
        agree_similarity=float(t["agree_similarity"]),
        agree_similarity_two_fields=float(t["agree_similarity_two_fields"]),
        possible_factor=float(t["possible_factor"]),
        currency_tolerance=float(c["currency_tolerance"]),
        currency_bridge=re.compile(c["currency_bridge"]),
        later_report=_words(v["later_report"]),
        changed_since=_words(v["changed_since"]),
    )


def _words(cues: list[str]) -> re.Pattern:
    alts = "|".join(re.escape(x) for x in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.I)
