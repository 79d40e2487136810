"""The entity and metric vocabularies (extract/data/entities.toml, metrics.toml).

Both framing (which finds them in text) and reconciliation (which compares them)
read these tables; they are loaded once and immutable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping, Optional

from extract.lexicon import alternation, case_blind_alternation
from extract.rule_files import ChangesRules, EntitiesRules, MetricsRules
from extract.rules import load_rules

DATA = Path(__file__).with_name("data")


@dataclass(frozen=True)
class EntityTable:
    canonical: Mapping[str, str]  # lower-cased alias or ticker -> canonical name
    part_of: Mapping[str, str]  # canonical part -> canonical whole
    pattern: re.Pattern
    cased: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # alias as written -> name

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Every alias in `text`: (start, end, canonical name), in order."""
        return [(m.start(), m.end(), self.cased.get(m.group(0)) or self.canonical[m.group(0).lower()])
                for m in self.pattern.finditer(text)]

    def canonicalise(self, name: Optional[str]) -> Optional[str]:
        if not name:
            return name
        key = re.sub(r"(?:'s|’s)$", "", name.strip())
        key = re.sub(r"^[Tt]he\s+", "", key)
        if key in self.cased:
            return self.cased[key]
        key = key.lower()
        if key in self.canonical:
            return self.canonical[key]
        hits = self.find(name)
        return hits[0][2] if len(hits) == 1 else name.strip()

    def whole(self, name: str) -> str:
        """The top-level entity a name belongs to (AWS -> Amazon)."""
        seen = set()
        while name in self.part_of and name not in seen:
            seen.add(name)
            name = self.part_of[name]
        return name


@dataclass(frozen=True)
class MetricVocabulary:
    canonical: Mapping[str, str]  # lower-cased synonym -> canonical metric
    annualises: Mapping[str, str]  # run-rate metric -> level metric
    growth_cues: frozenset[str]
    pattern: re.Pattern
    counted: frozenset[str] = frozenset()  # metrics a count measures ("employees", "users")
    # the file's other tables (word lists framing reads the metric off the parse with)
    rules: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    durations: frozenset[str] = frozenset()  # metrics a duration can measure ("payback period")

    def find(self, text: str) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), self.canonical[m.group(0).lower()]) for m in self.pattern.finditer(text)]

    def canonicalise(self, name: Optional[str]) -> Optional[str]:
        if not name:
            return name
        return self.canonical.get(name.strip().lower(), name.strip().lower())

    def is_growth(self, metric: Optional[str]) -> bool:
        return bool(metric) and (metric == "growth" or metric.endswith(" growth"))


def _phrase_pattern(phrases, cased=()) -> re.Pattern:
    alts = case_blind_alternation(phrases)
    if cased:  # aliases that are also common words match only as written
        return re.compile(rf"(?<![\w])(?:{alts}|{alternation(cased)})(?![\w])")
    return re.compile(rf"(?<![\w])(?:{alts})(?![\w])")


@lru_cache(maxsize=None)
def entity_table(path: Path = DATA / "entities.toml") -> EntityTable:
    d = load_rules(path.name, EntitiesRules, path.parent).entities
    canonical, part_of, cased = {}, {}, {}
    for name, e in d.items():
        for alias in [name, *e.aliases, *e.tickers]:
            canonical[alias.lower()] = name
        cased.update({alias: name for alias in e.cased_aliases})
        if e.part_of is not None:
            part_of[name] = e.part_of
    # Case-sensitive aliases would miss "NVIDIA"; tickers are upper-case words, so
    # matching case-insensitively is safe only for aliases of 3+ letters.
    return EntityTable(MappingProxyType(canonical), MappingProxyType(part_of), _phrase_pattern(canonical, cased),
                       MappingProxyType(cased))


@lru_cache(maxsize=None)
def metric_vocabulary(path: Path = DATA / "metrics.toml") -> MetricVocabulary:
    d = load_rules(path.name, MetricsRules, path.parent)
    canonical, annualises, counted, durations = {}, {}, set(), set()
    for name, m in d.metrics.items():
        if m.counted:
            counted.add(name)
        if m.duration:
            durations.add(name)
        canonical[name.lower()] = name
        for s in m.synonyms:
            canonical.setdefault(s.lower(), name)
        if m.annualises is not None:
            annualises[name] = m.annualises
    return MetricVocabulary(
        MappingProxyType(canonical),
        MappingProxyType(annualises),
        frozenset(d.growth["cues"]) | _change_nouns(),
        _phrase_pattern(canonical),
        frozenset(counted),
        MappingProxyType(d.model_dump(exclude={"metrics"}, exclude_unset=True)),
        frozenset(durations),
    )


def _change_nouns() -> frozenset[str]:
    """The nouns of a change after a figure ("a 3% drop", "a 10 percent hike"; data/changes.toml):
    growth cues too, so that one list says which nouns are a change."""
    after = load_rules("changes.toml", ChangesRules).after
    return frozenset(after.up) | frozenset(after.down)


def parent_of(name: Optional[str]) -> Optional[str]:
    """The company a named segment belongs to ("AWS" -> "Amazon"), or None for a whole."""
    if not name:
        return None
    whole = entity_table().whole(name)
    return whole if whole != name else None
