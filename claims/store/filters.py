"""What a subject or period filter matches, as SQL over `claims c`.

A period filter matches the periods it contains: `2019` matches `2019`, `2019-Q3`, `2019-H1`,
`2019-10`, `FY2019` and `FY2019-Q2` (a fiscal year is named by its year); `2019-H2` matches its
quarters and months; `2019-Q3` its months; `2019-10` itself. Anything else is matched whole.
A subject filter matches the name, its aliases (extract/data/entities.toml) and any subject
that contains it as whole words: `Depot` finds "Home Depot".
"""

from __future__ import annotations

import functools

from extract.records import PeriodKind, parse_period
from extract.vocab import EntityTable, entity_table

_QUARTERS_OF_HALF = {1: (1, 2), 2: (3, 4)}


def _months(quarter: int) -> list[str]:
    first = 3 * (quarter - 1) + 1
    return [f"{m:02d}" for m in range(first, first + 3)]


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def period_filter(period: str) -> tuple[str, list]:
    """SQL (over `c.period`) and its parameters for the periods `period` contains."""
    period = period.strip()
    p = parse_period(period)
    y = p.year
    if p.kind == PeriodKind.year:
        names, prefixes = [f"FY{y}"], [f"FY{y}-"]
        if not p.fiscal:
            names.append(str(y))
            prefixes.append(f"{y}-")
        return _any_of(names, prefixes)
    if p.fiscal or p.kind not in (PeriodKind.half, PeriodKind.quarter, PeriodKind.month):
        return "c.period = ? COLLATE NOCASE", [period]
    if p.kind == PeriodKind.month:
        return _any_of([f"{y}-{p.month:02d}"], [f"{y}-{p.month:02d}-"])
    quarters = _QUARTERS_OF_HALF[p.half] if p.kind == PeriodKind.half else (p.quarter,)
    names = [period.upper()] + [f"{y}-Q{q}" for q in quarters]
    months = [m for q in quarters for m in _months(q)]
    return _any_of(names + [f"{y}-{m}" for m in months], [f"{y}-{m}-" for m in months])


def _any_of(names: list[str], prefixes: list[str]) -> tuple[str, list]:
    names = list(dict.fromkeys(n.upper() for n in names))
    terms = [f"upper(c.period) IN ({', '.join('?' for _ in names)})"]
    terms += ["c.period LIKE ? ESCAPE '\\'" for _ in prefixes]
    return "(" + " OR ".join(terms) + ")", [*names, *(_like_escape(p) + "%" for p in prefixes)]


@functools.lru_cache(maxsize=1)
def _entities() -> EntityTable:
    return entity_table()


def subject_names(subject: str) -> list[str]:
    """The subject as given, its canonical name and that name's aliases, lower-cased."""
    subject = subject.strip()
    table = _entities()
    canonical = table.canonicalise(subject) or subject
    aliases = [alias for alias, name in table.canonical.items() if name == canonical]
    return list(dict.fromkeys([subject.lower(), canonical.lower(), *aliases]))


def subject_filter(subject: str) -> tuple[str, list]:
    """SQL (over `c.subject`) and parameters: a name or alias, or containing the words."""
    names = subject_names(subject)
    equal = f"lower(c.subject) IN ({', '.join('?' for _ in names)})"
    words = "(' ' || lower(c.subject) || ' ') LIKE ? ESCAPE '\\'"
    return f"({equal} OR {words})", [*names, f"% {_like_escape(subject.strip().lower())} %"]
