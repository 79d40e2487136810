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


@lru_cache(maxsize=None)
def data_table(name: str) -> dict:
    """extract/data/<name>.toml, read once. Callers read it and never change it."""
    with open(DATA / f"{name}.toml", "rb") as f:
        return tomllib.load(f)


def alternation(words, flags_ci: bool = True) -> str:
    """A regex alternation of `words`, longest first so 'per cent' beats 'per'."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Lexicon:
    number_words: Mapping[str, float]
    magnitudes: Mapping[str, float]
    dozens: Mapping[str, float]
    denominators: Mapping[str, float]
    denominators_compound_only: frozenset[str]
    sign_words: Mapping[str, float]
    pronoun_one_before: frozenset[str]
    label_words: tuple[str, ...]
    scales: Mapping[str, float]
    scales_short: Mapping[str, float]
    scales_bare_glued: Mapping[str, float]
    scales_bare_spaced: Mapping[str, float]
    currency_signs: Mapping[str, str]
    currency_prefixes_spaced: Mapping[str, str]
    currency_signs_after: Mapping[str, str]
    currency_codes: Mapping[str, str]
    currency_codes_lowercase_after: Mapping[str, str]
    currency_words: Mapping[str, str]
    currency_words_scaled: Mapping[str, str]
    currency_subunits: Mapping[str, tuple[str, ...]]
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
    hedges_passing: frozenset[str]
    threshold_nouns: frozenset[str]
    duration_figures: Mapping[str, tuple[str, ...]]
    age_before: tuple[str, ...]
    counted_peoples: tuple[str, ...]
    changes_from: frozenset[str]
    duration_fillers: tuple[str, ...]


@lru_cache(maxsize=None)
def load_lexicon(path: Path = DATA / "quantities.toml") -> Lexicon:
    with open(path, "rb") as f:
        d = tomllib.load(f)
    codes = {c: c for c in d["currency_codes"]["codes"]}
    codes.update(d["currency_codes"].get("aliases", {}))
    lower_after = {c: codes[c.upper()] for c in d["currency_codes"].get("lowercase_after", [])}
    return Lexicon(
        number_words=_ro(d["number_words"]),
        magnitudes=_ro(d["magnitudes"]),
        dozens=_ro(d["dozens"]),
        denominators=_ro(d["denominators"]),
        denominators_compound_only=frozenset(d["denominators_compound_only"]["words"]),
        sign_words=_ro(d["sign_words"]),
        pronoun_one_before=frozenset(d["pronoun_one_before"]["words"]),
        label_words=tuple(d["labels"]["before"]),
        scales=_ro(d["scales"]),
        scales_short=_ro(d["scales_short"]),
        scales_bare_glued=_ro(d["scales_bare"]["glued"]),
        scales_bare_spaced=_ro(d["scales_bare"]["spaced"]),
        currency_signs=_ro(d["currency_signs"]),
        currency_prefixes_spaced=_ro(d["currency_prefixes_spaced"]),
        currency_signs_after=_ro(d["currency_signs_after"]),
        currency_codes=_ro(codes),
        currency_codes_lowercase_after=_ro(lower_after),
        currency_words=_ro(d["currency_words"]),
        currency_words_scaled=_ro(d["currency_words_scaled"]),
        currency_subunits=_ro({k: tuple(v) for k, v in d["currency_subunits"].items()}),
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
        hedges_passing=frozenset(d["hedges_passing"]["words"]),
        threshold_nouns=frozenset(d["hedges_passing"]["threshold_nouns"]),
        duration_figures=_ro({k: tuple(v) for k, v in d["duration_figures"].items()}),
        age_before=tuple(d["ages"]["before"]),
        counted_peoples=tuple(d["counted_peoples"]["words"]),
        changes_from=frozenset(d["changes_from"]["words"]),
        duration_fillers=tuple(d["duration_fillers"]["words"]),
    )
