"""The recogniser's word lists, loaded once from extract/data/quantities.toml.

The lexicon is immutable (tuples and read-only mappings), so sharing one instance
across documents, threads and worker processes carries no hidden state.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

DATA = Path(__file__).with_name("data")


def _ro(d: dict) -> Mapping:
    return MappingProxyType(dict(d))


def alternation(words, flags_ci: bool = True) -> str:
    """A regex alternation of `words`, longest first so 'per cent' beats 'per'."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Lexicon:
    number_words: Mapping[str, float]
    magnitudes: Mapping[str, float]
    scales: Mapping[str, float]
    scales_short: Mapping[str, float]
    currency_signs: Mapping[str, str]
    currency_codes: Mapping[str, str]
    currency_words: Mapping[str, str]
    percent: Mapping[str, str]
    fractions: Mapping[str, float]
    multiplier_words: Mapping[str, float]
    multiplier_suffixes: tuple[str, ...]
    unit_symbols: Mapping[str, tuple[str, float]]
    unit_names: Mapping[str, tuple[str, float]]
    durations: Mapping[str, tuple[str, float]]
    vague: Mapping[str, tuple[float, float]]
    hedges_before: Mapping[str, str]
    hedges_after: Mapping[str, str]


@lru_cache(maxsize=None)
def load_lexicon(path: Path = DATA / "quantities.toml") -> Lexicon:
    with open(path, "rb") as f:
        d = tomllib.load(f)
    codes = {c: c for c in d["currency_codes"]["codes"]}
    codes.update(d["currency_codes"].get("aliases", {}))
    return Lexicon(
        number_words=_ro(d["number_words"]),
        magnitudes=_ro(d["magnitudes"]),
        scales=_ro(d["scales"]),
        scales_short=_ro(d["scales_short"]),
        currency_signs=_ro(d["currency_signs"]),
        currency_codes=_ro(codes),
        currency_words=_ro(d["currency_words"]),
        percent=_ro(d["percent"]),
        fractions=_ro(d["fractions"]),
        multiplier_words=_ro(d["multiplier_words"]),
        multiplier_suffixes=tuple(d["multiplier_suffixes"]["suffixes"]),
        unit_symbols=_ro({k: tuple(v) for k, v in d["unit_symbols"].items()}),
        unit_names=_ro({k: tuple(v) for k, v in d["unit_names"].items()}),
        durations=_ro({k: tuple(v) for k, v in d["durations"].items()}),
        vague=_ro({k: tuple(v) for k, v in d["vague"].items()}),
        hedges_before=_ro(d["hedges_before"]),
        hedges_after=_ro(d["hedges_after"]),
    )
