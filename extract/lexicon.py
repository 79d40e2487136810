"""The recogniser's word lists, loaded once from extract/data/quantities.toml.

Every rule file is read through `extract.rules.load_rules` into its validated model
(extract/rule_files.py); `data_table(name)` is the same file as a plain dict, checked
against that model first, for code that reads a section by name.

The lexicon is immutable (tuples and read-only mappings), so sharing one instance
across documents, threads and worker processes carries no hidden state.
"""

from __future__ import annotations

import re
from re import _constants as sre_constants
from re import _parser as sre_parse
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Iterable, Mapping, Optional

from extract.pattern_screen import FOLDED_TO_ASCII
from extract.plain_rules import alternation
from extract.rule_files import MODELS, QuantitiesRules
from extract.rules import RuleFileError, load_rules

DATA = Path(__file__).with_name("data")


def _ro(d: dict) -> Mapping:
    return MappingProxyType(dict(d))


@lru_cache(maxsize=None)
def data_table(name: str) -> dict:
    """extract/data/<name>.toml as a plain dict, read once through `load_rules` into its model
    (a typo fails there, naming file and key). Callers read it and never change it."""
    file = f"{name}.toml"
    if file not in MODELS:
        raise RuleFileError(f"{file}: no model for it in extract/rule_files.py MODELS")
    return load_rules(file, MODELS[file]).model_dump()


def label_of(text: str, labelled: Iterable[tuple[re.Pattern, str]]) -> Optional[str]:
    """The label of the first pattern that matches the whole of `text`, or None."""
    return next((label for pattern, label in labelled if pattern.fullmatch(text)), None)


def case_blind_alternation(phrases: Iterable[str]) -> str:
    """A regex of `phrases` matched case-blind, as `(?i:{alternation(phrases)})` is (the
    same match at each position), for a pattern compiled without re.I: see
    `case_blind_alternatives`."""
    return case_blind_alternatives([re.escape(p) for p in sorted(phrases, key=len, reverse=True)])


def case_blind_alternatives(alternatives: list[str]) -> str:
    """`(?i:a1|a2|...)` for regex alternatives, the same match at each position, for a
    pattern compiled without re.I. The alternatives are grouped by first character, each
    group opening with the set of characters that one matches case-blind ([rR], [sSſ]):
    the regex engine then tries at each position only the alternatives starting with
    the character there, where a case-blind alternation tries all of them (hundreds).
    Groups open with characters no text character matches two of, and keep the
    alternatives' order, so the engine meets the same candidates in the same order,
    backtracking included. An alternative opening with another character ("~") goes, in
    order, into a last group of its own when that character cannot stand for an ASCII
    letter or digit. Unless every alternative opens with a plain character (not
    repeated) and holds no `|`, the alternation is left as it was."""
    groups: dict[str, list[str]] = {}
    others: list[str] = []
    for a in alternatives:
        opening = _opening(a)
        if opening is None:
            return f"(?i:{'|'.join(alternatives)})"
        if opening:
            groups.setdefault(opening, []).append(a[1:])
        else:
            others.append(a)
    grouped = [f"[{re.escape(_case_blind(first))}](?i:{'|'.join(rests)})" for first, rests in groups.items()]
    return "|".join(grouped + ([f"(?i:{'|'.join(others)})"] if others else []))


def _opening(alternative: str) -> Optional[str]:
    """The lower-cased ASCII letter or digit `alternative` opens with; "" when it opens
    with a character that stands for none case-blind; None when it opens otherwise (a
    set, a group, a repeated character) or holds a `|` (the parser moves a letter that
    alternatives share out of them, hiding the bar)."""
    if not alternative or "|" in alternative:
        return None
    first = list(sre_parse.parse(alternative))[0]
    if first[0] != sre_constants.LITERAL:
        return None
    char = chr(first[1])
    if char.isascii() and char.isalnum():
        return char.lower() if alternative[0] == char else None
    folded = char.translate(_FOLDS).lower()
    return None if folded.isascii() and folded.isalnum() else ""


_FOLDS = str.maketrans(FOLDED_TO_ASCII)


def _case_blind(char: str) -> str:
    """The characters a case-blind pattern takes for `char` (an ASCII letter or digit):
    its two cases, and the few others that fold to it (extract/pattern_screen.py)."""
    return "".join(sorted({char, char.upper(), *(odd for odd, folded in FOLDED_TO_ASCII.items() if folded == char)}))


# eq=False: a lexicon is one object per rule file (load_lexicon), hashed by identity so
# that tables derived from it can be lru_cache'd (extract/numbers/words.py).
@dataclass(frozen=True, eq=False)
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
    q = load_rules(path.name, QuantitiesRules, path.parent)
    codes = {c: c for c in q.currency_codes.codes}
    codes.update(q.currency_codes.aliases)
    lower_after = {c: codes[c.upper()] for c in q.currency_codes.lowercase_after}
    return Lexicon(
        number_words=_ro(q.number_words),
        magnitudes=_ro(q.magnitudes),
        dozens=_ro(q.dozens),
        denominators=_ro(q.denominators),
        denominators_compound_only=frozenset(q.denominators_compound_only.words),
        sign_words=_ro(q.sign_words),
        pronoun_one_before=frozenset(q.pronoun_one_before.words),
        label_words=tuple(q.labels.before),
        scales=_ro(q.scales),
        scales_short=_ro(q.scales_short),
        scales_bare_glued=_ro(q.scales_bare.glued),
        scales_bare_spaced=_ro(q.scales_bare.spaced),
        currency_signs=_ro(q.currency_signs),
        currency_prefixes_spaced=_ro(q.currency_prefixes_spaced),
        currency_signs_after=_ro(q.currency_signs_after),
        currency_codes=_ro(codes),
        currency_codes_lowercase_after=_ro(lower_after),
        currency_words=_ro(q.currency_words),
        currency_words_scaled=_ro(q.currency_words_scaled),
        currency_subunits=_ro({k: tuple(v) for k, v in q.currency_subunits.items()}),
        percent=_ro(q.percent),
        fractions=_ro(q.fractions),
        multiplier_words=_ro(q.multiplier_words),
        multiplier_suffixes=tuple(q.multiplier_suffixes.suffixes),
        unit_symbols=_ro(q.unit_symbols),
        unit_names=_ro(q.unit_names),
        durations=_ro(q.durations),
        vague=_ro(q.vague),
        hedges_before=_ro(q.hedges_before),
        hedges_after=_ro(q.hedges_after),
        hedges_passing=frozenset(q.hedges_passing.words),
        threshold_nouns=frozenset(q.hedges_passing.threshold_nouns),
        duration_figures=_ro({k: tuple(v) for k, v in q.duration_figures.model_dump().items()}),
        age_before=tuple(q.ages.before),
        counted_peoples=tuple(q.counted_peoples.words),
        changes_from=frozenset(q.changes_from.words),
        duration_fillers=tuple(q.duration_fillers.words),
    )
