"""What a subject or period filter matches, as SQL over `claims c`.

A period filter matches the periods it contains: `2019` matches `2019`, `2019-Q3`, `2019-H1`,
`2019-10`, `FY2019` and `FY2019-Q2` (a fiscal year is named by its year); `2019-H2` matches its
quarters and months; `2019-Q3` its months; `2019-10` itself. Anything else is matched whole.
A subject filter matches the name, its aliases (extract/data/entities.toml) and any subject
that contains it as whole words: `Depot` finds "Home Depot".
"""

from __future__ import annotations

import functools
import re

from extract.vocab import EntityTable, entity_table

_YEAR = re.compile(r"(?P<fy>FY)?(?P<year>\d{4})\Z", re.IGNORECASE)
_PART = re.compile(r"(?P<year>\d{4})-(?:(?P<half>H[12])|(?P<quarter>Q[1-4])|(?P<month>0[1-9]|1[0-2]))\Z",
                   re.IGNORECASE)
_QUARTERS_OF_HALF = {"H1": ("Q1", "Q2"), "H2": ("Q3", "Q4")}


def _months(quarter: str) -> list[str]:
    first = 3 * (int(quarter[1]) - 1) + 1
    return [f"{m:02d}" for m in range(first, first + 3)]


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def period_filter(period: str) -> tuple[str, list]:
    """SQL (over `c.period`) and its parameters for the periods `period` contains."""
    period = period.strip()
    year = _YEAR.match(period)
    if year:
        y = year["year"]
        names, prefixes = [f"FY{y}"], [f"FY{y}-"]
        if not year["fy"]:
            names.append(y)
            prefixes.append(f"{y}-")
        return _any_of(names, prefixes)
    part = _PART.match(period)
    if not part:
        return "c.period = ? COLLATE NOCASE", [period]
    y = part["year"]
    if part["month"]:
        return _any_of([f"{y}-{part['month']}"], [f"{y}-{part['month']}-"])
    quarters = _QUARTERS_OF_HALF[part["half"].upper()] if part["half"] else (part["quarter"].upper(),)
    names = [period.upper()] + [f"{y}-{q}" for q in quarters]
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
