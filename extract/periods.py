"""Time references in text, normalised to the contract's period forms.

`2026`, `2026-Q1`, `2025-H1`, `2026-07`, `FY2024`, `FY2026-Q2`. Relative references
("this year", "last quarter") resolve against the publication date when it is known
and are left out when it is not.

`find_time_refs` also reports the references a figure's period must NOT be taken
from, each with its role:

- `period`: a time reference with a normalised period;
- `unresolved`: a specific period the text names but we cannot date ("in a single
  quarter", "the most recent quarter" in an undated article); it binds to the figure
  next to it, which then has no period rather than a guessed one;
- `window`: a span of time, not a period ("over the next several years");
- `same`: "the same period" / "the same quarter", which points back to the period
  mentioned before it (resolved by the framer, which knows the discourse);
- `baseline`: the period a change is measured against ("13 times higher than
  November 2025", "doubling its 2025 outlay");
- `publication`: when a cited study or report came out ("published in July 2025"),
  not the period its figures measure;
- `horizon`: the date a figure is to be reached ("by 2030", "by the end of 2027"); the
  figure's period, but not the period of the sentences around it;
- `previous`: "the previous month", "the prior quarter": the one before the period
  under discussion (resolved by the framer); `period` holds the one before the
  publication's, for a text that discusses none;
- `yearago`: the year-earlier period a change is measured against ("up 12% from a year
  earlier", "compared with the same quarter last year"); the figure it dates is the
  baseline, one year before the period under discussion (resolved by the framer).

The patterns (in the order they are tried), the words they are read with, the words around
a reference that give its role, and how each kind of match is written as a period live in
extract/data/periods.toml (PeriodsRules in extract/rule_files.py); this module resolves them.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple, Optional

from extract.lexicon import alternation
from extract.fiscal_calendar import FiscalCalendar, fiscal_part
from extract.period_rule_files import PeriodsRules
from extract.rule_files import GamePeriodsRules
from extract.rules import load_rules
from extract.months import full_month_names, month_numbers
from extract.pattern_screen import PatternList

MONTHS = month_numbers()  # extract/data/calendar.toml
_YEAR = r"((?:19|20)\d\d)"


@lru_cache(maxsize=1)
def _rules() -> PeriodsRules:
    return load_rules("periods.toml", PeriodsRules)


def _filled(pattern: str) -> str:
    """A pattern of data/periods.toml with its {year}, {month}, ... names filled in."""
    fill = {"year": _YEAR, "month": alternation(MONTHS), "full_month": "|".join(full_month_names()),
            "capitalised_month": "|".join(m.capitalize() for m in full_month_names()),
            "count": "(?:" + "|".join(_rules().words.counts + [r"\d+"]) + ")"}
    return re.sub(r"\{(" + "|".join(fill) + r")\}", lambda m: fill[m.group(1)], pattern)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern, str], ...]:
    """data/periods.toml's patterns, compiled, in the order they are tried."""
    return tuple((re.compile(_filled(p.pattern), 0 if p.case_sensitive else re.I), p.kind) for p in _rules().patterns)


@lru_cache(maxsize=1)
def _screened_patterns() -> PatternList:
    """The patterns with their screens (extract/pattern_screen.py), built once."""
    return PatternList(_patterns())


@lru_cache(maxsize=None)
def _context(name: str) -> re.Pattern:
    """One of data/periods.toml's [context] patterns, compiled case-blind."""
    return re.compile(getattr(_rules().context, name), re.I)


def _ordinal(word: str) -> int:
    return _rules().words.ordinals[word.lower()]


def _shift(words: str) -> int:
    """How many years (quarters, months) "next", "the previous" ... move from the publication's."""
    return _rules().words.shifts[" ".join(words.lower().split())]


_SENTENCE_BOUNDS = re.compile(r"[.!?\n]")


class TimeRef(NamedTuple):
    start: int
    end: int
    period: Optional[str]  # normalised period, or None
    role: str  # period | unresolved | window | same | current | baseline | publication
    unit: Optional[str] = None  # for role "same": period | quarter | year | month


def find_periods(text: str, published: Optional[dt.date] = None, start: int = 0, end: Optional[int] = None,
                 year: Optional[int] = None) -> list[tuple[int, int, str]]:
    """Each dated time reference in text[start:end] as (start, end, period), in order.

    `published` resolves relative references; without it, `year` (an estimated
    reference year) resolves only year-relative ones ("this year") and bare
    quarters and months ("in Q1", "in July")."""
    return [(r.start, r.end, r.period) for r in find_time_refs(text, published, start, end, year)
            if r.role in ("period", "horizon")]


def find_time_refs(text: str, published: Optional[dt.date] = None, start: int = 0, end: Optional[int] = None,
                   year: Optional[int] = None, fiscal_year: Optional[int] = None,
                   by_start: bool = False, fiscal_ends: Optional[int] = None) -> list[TimeRef]:
    """Every time reference in text[start:end], dated or not, with its role (see the
    module docstring), in order. `fiscal_year` is the one the whole article reports
    on (`fiscal_year_named`): its undated quarters are that year's; `by_start`: its
    company names fiscal years by the year they start in (`names_fiscal_years_by_start`);
    `fiscal_ends`: the month its company's fiscal year ends in (`fiscal_year_end_named`):
    its undated quarters and halves are fiscal ones."""
    end = len(text) if end is None else end
    at = _At(published, year, fiscal_year, by_start, fiscal_ends)
    found: list[TimeRef] = []
    taken: list[tuple[int, int]] = []
    # most sentences name no time: a pattern runs only where the words it needs occur
    for pattern, kind in _screened_patterns().runnable(text, start, end):
        for m in pattern.finditer(text, start, end):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if kind == "y" and (_is_name_year(text, m) or _is_model_number(text, m) or _is_model_year(text, m)):
                continue
            if kind in ("mq", "ended", "endq") and _context("fiscal_appositive").match(text, m.end()):
                continue  # "the September quarter, the first quarter of its fiscal 2026": the fiscal name
            ref = _ref(kind, m, at)
            if ref is None:
                continue
            if ref.role in ("period", "previous"):
                before = text[max(start, m.start() - 40):m.start()]
                if _context("publication_before").search(before):
                    ref = ref._replace(role="publication")
                elif _context("baseline_before").search(before):
                    ref = ref._replace(role="baseline")
                elif ref.role == "period" and _context("horizon_before").search(before):
                    ref = ref._replace(role="horizon")
                elif _context("baseline_opening").match(m.group(0)):
                    ref = ref._replace(role="baseline")  # "grounded since March"
            found.append(ref)
            taken.append(m.span())
    return sorted(found)


def _is_name_year(text: str, m: re.Match) -> bool:
    """A year inside a name or a hyphenated compound ("Colossus-2026", "2026-27")."""
    return m.end() < len(text) and text[m.end()] in "-–" and m.end() + 1 < len(text) and text[m.end() + 1].isdigit()


def _is_model_year(text: str, m: re.Match) -> bool:
    """A year that names a thing after an article or a possessive: a model year before a
    name ("The 2021 RAV4 Prime", "a 2020 Nissan Sentra"), or the year a security falls due
    ("WeWork's 2025 bond"). What the thing does is not dated by it."""
    if not _context("name_determiner").search(text[max(0, m.start() - 20):m.start()]):
        return False
    after = re.match(r"\s+([A-Za-z][\w-]*)", text[m.end():m.end() + 30])
    if after is None:
        return False
    word = after.group(1)
    return (word[0].isupper() and word.lower() not in MONTHS) or word.lower() in _rules().words.named_by_year



def _is_model_number(text: str, m: re.Match) -> bool:
    """A number in a product name ("RTX 2060", "GTX 1900 Ti"): after an all-capitals
    word, or before one."""
    before = re.search(r"(\S+)\s+$", text[max(0, m.start() - 12):m.start()])
    after = re.match(r"\s+(\S+)", text[m.end():m.end() + 12])
    caps = re.compile(r"[A-Z][A-Z0-9]+|[A-Z][a-z]?[A-Z]\w*")
    return bool(before and caps.fullmatch(before.group(1)) and not _context("not_model_words").fullmatch(before.group(1))) \
        or bool(after and after.group(1) in _rules().words.model_suffixes)


class _At(NamedTuple):
    """What a reference is resolved against (see `find_time_refs`)."""

    published: Optional[dt.date]
    year: Optional[int]
    fiscal_year: Optional[int] = None
    by_start: bool = False
    fiscal_ends: Optional[int] = None


def _ref(kind: str, m: re.Match, at: _At) -> Optional[TimeRef]:
    """The reference a match of `kind` makes, resolved by its kind's resolver (`_RESOLVERS`)."""
    return _RESOLVERS.get(kind, _dated_ref)(kind, m, at)


def _period_or_unresolved(m: re.Match, period: Optional[str]) -> TimeRef:
    return TimeRef(*m.span(), period, "period" if period else "unresolved")


def _fiscal_ref(kind: str, m: re.Match, at: _At) -> TimeRef:
    """"this fiscal year", "full-year revenue": the fiscal year the text last named; else, for
    a full year, the calendar year."""
    s, e = m.span()
    shift = 0 if kind == "fullyear" else _shift(m.group(1))
    named = list(_context("fiscal_year_named").finditer(m.string, max(0, s - 4000), s))
    if named:
        fy = int(named[-1].group(1)) if len(named[-1].group(1)) == 4 else 2000 + int(named[-1].group(1))
        return TimeRef(s, e, f"FY{fy + shift}", "period")
    if kind == "fullyear" and at.published and at.fiscal_ends and at.fiscal_ends != 12:
        # "kept its full-year forecast" of a company whose year ends in January: the fiscal
        # year in progress ("Target", May 2024: FY2024, named by its start; Walmart's FY2025)
        ends = at.published.year + (at.published.month > at.fiscal_ends)
        return TimeRef(s, e, f"FY{ends - 1 if at.by_start else ends}", "period")
    y = at.published.year if at.published else at.year
    return TimeRef(s, e, str(y), "period") if kind == "fullyear" and y else TimeRef(s, e, None, "unresolved")


def _year_ended_ref(kind: str, m: re.Match, at: _At) -> Optional[TimeRef]:
    """"the fiscal year ended March 31": with no year named, the last such month's."""
    if m.group(2):
        return _dated_ref(kind, m, at)
    month, published = MONTHS[m.group(1).lower().rstrip(".")], at.published
    y = (published.year if month <= published.month else published.year - 1) if published else at.year
    return _period_or_unresolved(m, (str(y) if month == 12 else f"FY{y}") if y else None)


def _year_so_far_ref(kind: str, m: re.Match, at: _At) -> TimeRef:
    y = at.published.year if at.published else at.year
    return _period_or_unresolved(m, str(y) if y else None)


def _bare_quarter_ref(kind: str, m: re.Match, at: _At) -> Optional[TimeRef]:
    """"in Q2" in an article about one fiscal year is that year's quarter (a Q4 closes it)."""
    if m.group(1).upper() in ("Q1", "Q2", "Q3") and at.fiscal_year is not None:
        return TimeRef(*m.span(), f"FY{at.fiscal_year}-{m.group(1).upper()}", "period")
    return _dated_ref(kind, m, at)


def _dated_ref(kind: str, m: re.Match, at: _At) -> Optional[TimeRef]:
    """A reference dated by its own words, or against the publication date."""
    s, e = m.span()
    anchor, year = at.published, at.year
    if anchor is None and year and (kind in ("bareq", "barem") or (kind == "rel" and m.group(2).lower() == "year")):
        # An undated article: its estimated year stands in for the publication
        # year, for year-level resolution only.
        anchor = dt.date(year, 12, 31) if kind == "barem" else dt.date(year, 6, 30)
    period = _normalise(kind, m, anchor)
    if kind == "rel" and m.group(1).lower().startswith("the p"):
        # "the previous month": the one before the month under discussion, which the
        # framer knows; the one before the publication's if there is none
        return TimeRef(s, e, period, "previous", m.group(2).lower())
    if period is None:
        if kind in ("rel", "recentq", "bareq", "barem", "asof"):
            return TimeRef(s, e, None, "unresolved")
        return None
    return TimeRef(s, e, period, "period")


# Kinds read off their own words alone, with no date to resolve them against: a window, a
# pointer back ("the same quarter", "at that point"), a comparison, "the first six months of 2019".
_MARKERS = frozenset({"window", "monthsof", "then", "same", "current", "undated", "yearago"})


def _marker_ref(kind: str, m: re.Match) -> TimeRef:
    s, e = m.span()
    if kind == "window":
        return TimeRef(s, e, None, "window")
    if kind == "monthsof":
        first, n = m.group(1).lower() == "first", _rules().words.month_spans[m.group(2)]
        part = ("Q1" if first else "Q4") if n == 3 else ("H1" if first else "H2")
        return TimeRef(s, e, f"{m.group(3)}-{part}", "period")
    if kind == "then":
        return TimeRef(s, e, None, "same", (m.group(1) or "period").lower())
    if kind == "current":
        return TimeRef(s, e, None, "current", m.group(1).lower())
    if kind == "same":
        unit = m.group(1).lower().split()[-1]
        return TimeRef(s, e, None, "same", unit)
    if kind == "undated":
        return TimeRef(s, e, None, "unresolved")
    return TimeRef(s, e, None, "yearago")  # "a year earlier"


def _bare_part_ref(kind: str, m: re.Match, published: Optional[dt.date], year: Optional[int],
                   fiscal_year: Optional[int], calendar: FiscalCalendar) -> Optional[TimeRef]:
    """An ordinal quarter or half with no year ("the third quarter", "second-half sales"):
    the article's fiscal year's, its company's fiscal calendar's, a game's (no period), or
    the year under discussion's."""
    s, e = m.span()
    if kind == "bareoq" and fiscal_year is not None and m.group(1).lower() != "fourth":
        # "Home Depot reported third-quarter earnings ... the benefits anticipated for
        # fiscal 2019": a company that names its fiscal year reports fiscal quarters. A
        # fourth quarter closes its year: the year its story looks forward to is the next.
        return TimeRef(s, e, f"FY{fiscal_year}-Q{_ordinal(m.group(1))}", "period")
    said_fiscal = _context("fiscal_before").search(m.string[max(0, s - 10):s]) is not None
    if calendar.ends is not None and published is not None and (said_fiscal or not _in_a_game(m)):
        # "Nvidia expects revenue of $54 billion in the fiscal third quarter" (Aug. 2025)
        return TimeRef(s, e, fiscal_part(kind, _ordinal(m.group(1)), published, calendar), "period")
    if kind == "bareoq" and said_fiscal:
        # "the fiscal first quarter": which fiscal year it belongs to, the text does not say
        return TimeRef(s, e, None, "unresolved")
    if kind in ("bareoq", "bareoh") and _in_a_game(m):
        return None  # "31 points in a phenomenal first half": a part of the game, not of the year
    if kind == "bareoh":
        if said_fiscal:
            return TimeRef(s, e, None, "unresolved")
        n = _ordinal(m.group(1))
        start_month = 6 * (n - 1) + 1
        if published is not None:
            y = published.year - 1 if start_month - published.month > 3 else published.year
            y = _results_year(m, 6 * n, published, y)
        elif year:
            y = year
        else:
            return TimeRef(s, e, None, "unresolved")
        return TimeRef(s, e, f"{y}-H{n}", "period")
    if kind == "bareoq":
        n = _ordinal(m.group(1))
        if published is not None:
            # a quarter that starts more than three months after the writing is last
            # year's ("the fourth quarter" in February); a nearer one is this year's,
            # as in guidance for the next quarter
            y = published.year - 1 if 3 * (n - 1) + 1 - published.month > 3 else published.year
            y = _results_year(m, 3 * n, published, y)
        elif year:
            y = year
        else:
            return TimeRef(s, e, None, "unresolved")
        return TimeRef(s, e, f"{y}-Q{n}", "period")
    return None


_FISCAL_YEAR_NAMED = _context("fiscal_year_named")  # "fiscal 2025", "FY26" (data/periods.toml)


def _sentence_of(m: re.Match) -> str:
    text = m.string
    starts = [b.end() for b in _SENTENCE_BOUNDS.finditer(text, max(0, m.start() - 300), m.start())]
    stop = _SENTENCE_BOUNDS.search(text, m.end())
    return text[starts[-1] if starts else max(0, m.start() - 300):stop.start() if stop else len(text)]


def _in_a_game(m: re.Match) -> bool:
    """The reference stands in a sentence about a game being played (data/game_periods.toml)."""
    return _game_words().search(_sentence_of(m)) is not None


def _results_year(m: re.Match, last_month: int, published: dt.date, y: int) -> int:
    """A quarter or half of the writing year that ends after the month of writing has no
    results yet: in a sentence that looks ahead to nothing ("The economy shrank by 0.1% in
    the third quarter", written in May) it is last year's (data/periods.toml `forward`)."""
    if y == published.year and last_month > published.month and not _forward_words().search(_sentence_of(m)):
        return y - 1
    return y


def _month_ahead(kind: str, m: re.Match, month: int, published: dt.date) -> bool:
    """A month of the coming months, in a sentence that looks ahead (data/periods.toml
    `forward_months`, `forward`)."""
    return kind == "barem" and month - published.month <= _rules().words.forward_months \
        and _forward_words().search(_sentence_of(m)) is not None


@lru_cache(maxsize=1)
def _forward_words() -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?:{alternation(_rules().words.forward)})(?![\w-])", re.I)


@lru_cache(maxsize=1)
def _game_words() -> re.Pattern:
    return re.compile(rf"\b(?:{alternation(load_rules('game_periods.toml', GamePeriodsRules).game_words)})\b", re.I)


def _ordinal_quarter_ended(m: re.Match, published: Optional[dt.date], year: Optional[int],
                           by_start: bool = False) -> Optional[str]:
    """"the third quarter ended Sept. 29" is 2019-Q3; "the fiscal fourth quarter ended
    Sept. 27" FY2025-Q4; "the fiscal second quarter, which ended July 27" (2025) FY2026-Q2,
    the year that ends six months later; `by_start`: the company names its fiscal years by
    the year they start in (data/fiscal_calendars.toml): "the third quarter ended Nov. 3"
    (2019) is then FY2019-Q3."""
    n, last = _ordinal(m.group(1)), MONTHS[m.group(2).lower().rstrip(".")]
    if m.group(3) and int(m.group(3)) <= 10:
        last = (last - 2) % 12 + 1  # ended in the first days of the next month
    if m.group(4):
        y = int(m.group(4))
    elif published is not None:
        y = published.year if last <= published.month else published.year - 1
    elif year:
        y = year
    else:
        return None
    fiscal = "fiscal" in m.group(0).lower() or _context("fiscal_before").search(
        m.string[max(0, m.start() - 10):m.start()]) is not None
    if last == 3 * n and not fiscal:
        return f"{y}-Q{n}"
    # the fiscal year ends with its fourth quarter, 3 * (4 - n) months after this one
    ends = y + (last - 1 + 3 * (4 - n)) // 12
    return f"FY{ends - 1 if by_start else ends}-Q{n}"


def _span_period(kind: str, m: re.Match, published: Optional[dt.date], year: Optional[int]) -> Optional[str]:
    """The calendar quarter or half of "the April-June quarter" or "the quarter ended
    Sept. 30"; None when the months are not one (a fiscal quarter ended Oct. 26)."""
    if kind == "endq":
        last, named_year = MONTHS[m.group(1).lower()], m.group(2)
        label = f"Q{last // 3}"
    elif kind in ("mq", "mspan"):
        first, last, named_year = MONTHS[m.group(1).lower()], MONTHS[m.group(2).lower()], m.group(3)
        if first % 3 != 1 or (last - first) % 12 != 2:
            return None
        label = f"Q{(last - 1) // 3 + 1}"
    else:
        span, last = m.group(1).lower(), MONTHS[m.group(2).lower().rstrip(".")]
        if m.group(3) and int(m.group(3)) <= 10:
            last = (last - 2) % 12 + 1  # "the quarter ended Oct. 1" ended with September
        named_year = m.group(4)
        if last % 3:
            return None
        label = f"H{last // 6}" if span.startswith(("six", "half")) else f"Q{last // 3}"
        if label[0] == "H" and last % 6:
            return None
    if named_year:
        return f"{named_year}-{label}"
    if published is not None and kind == "ended":
        # a quarter that has ended ended before the writing
        return f"{published.year if last <= published.month else published.year - 1}-{label}"
    if published is not None:
        # as for "the third quarter": one that starts more than three months after the
        # writing is last year's, a nearer one this year's (guidance for the next quarter)
        y = published.year - 1 if last - 2 - published.month > 3 else published.year
        # "grew 0.6% between January and March": a release's words, told after the fact
        return f"{_results_year(m, last, published, y) if kind == 'mspan' else y}-{label}"
    return f"{year}-{label}" if year else None


def _fiscal_quarter_ended(kind: str, m: re.Match, at: _At) -> Optional[str]:
    """"the quarter ended May 4" of a company whose fiscal year ends in January (its
    calendar: data/fiscal_calendars.toml) is its fiscal first quarter; the year is the one
    the quarter ended in before the writing (Target, May 2024: FY2024-Q1)."""
    if kind != "ended" or not at.fiscal_ends or at.fiscal_ends == 12 or at.published is None \
            or not m.group(1).lower().startswith(("quarter", "three")):
        return None
    last = MONTHS[m.group(2).lower().rstrip(".")]
    if m.group(3) and int(m.group(3)) <= 10:
        last = (last - 2) % 12 + 1  # "ended May 4" closed April
    n, rest = divmod((last - at.fiscal_ends) % 12, 3)
    if rest or n == 0:
        return None
    year = int(m.group(4)) if m.group(4) else at.published.year - (last > at.published.month)
    ends = year + (last > at.fiscal_ends)
    return f"FY{ends - 1 if at.by_start else ends}-Q{n}"


_GROUP_REF = re.compile(r"\{(?:(ordinal|month) )?(\d)\}")


def _written(kind: str, m: re.Match) -> Optional[str]:
    """The period of a kind read off its groups alone, by its first template in data/periods.toml
    whose groups all matched ("3Q25" and "Q3'25" fill different groups)."""
    for template in _rules().written[kind]:
        if all(m.group(int(n)) for _, n in _GROUP_REF.findall(template)):
            return _GROUP_REF.sub(lambda r: _group_as(r.group(1), m.group(int(r.group(2)))), template)
    return None


def _group_as(how: Optional[str], text: str) -> str:
    if how == "ordinal":
        return str(_ordinal(text))
    if how == "month":
        return f"{MONTHS[text.lower().rstrip('.')]:02d}"
    return text


def _normalise(kind: str, m: re.Match, published: Optional[dt.date]) -> Optional[str]:
    g = m.groups()
    if kind in _rules().written:
        return _written(kind, m)
    if kind == "yended":
        return g[1] if MONTHS[g[0].lower().rstrip(".")] == 12 else f"FY{g[1]}"  # the year is named (see _ref)
    if kind == "fyspan":
        first, last = (g[0], g[1]) if g[0] else (g[2], g[3])
        return f"FY{first[:2]}{last}" if int(last) == (int(first) + 1) % 100 else None
    if kind == "fq2":
        year = g[0] or (str(published.year) if published else None)
        return f"FY{year}-Q{g[1]}" if year else None
    if published is None:
        return None
    if kind == "rel":
        shift = _shift(g[0])
        unit = g[1].lower()
        if unit == "year":
            return str(published.year + shift)
        if unit == "quarter":
            q = (published.month - 1) // 3 + shift
            y = published.year + q // 4
            return f"{y}-Q{q % 4 + 1}"
        month = published.month - 1 + shift
        return f"{published.year + month // 12}-{month % 12 + 1:02d}"
    if kind == "recentq":
        # The most recent reported quarter is the one before the publication quarter.
        q = (published.month - 1) // 3 - 1
        return f"{published.year + q // 4}-Q{q % 4 + 1}"
    if kind == "bareq":
        label = g[0].upper()
        return f"{published.year}-{label}"
    if kind in ("barem", "asof"):  # "asof": only with a publication date, a day's year is never guessed
        month = MONTHS[g[0].lower()]
        year = published.year if month <= published.month or _month_ahead(kind, m, month, published) \
            else published.year - 1
        return f"{year}-{month:02d}"
    return None


# How each kind of match is resolved; a kind not listed is dated by its own words (`_dated_ref`).
_RESOLVERS = {
    **{kind: (lambda kind, m, at: _marker_ref(kind, m)) for kind in _MARKERS},
    "fiscal": _fiscal_ref, "fullyear": _fiscal_ref, "yended": _year_ended_ref, "ytd": _year_so_far_ref,
    "oqended": lambda kind, m, at: _period_or_unresolved(m, _ordinal_quarter_ended(m, at.published, at.year,
                                                                                    at.by_start)),
    **{kind: (lambda kind, m, at: _period_or_unresolved(m, _span_period(kind, m, at.published, at.year)
                                                         or _fiscal_quarter_ended(kind, m, at)))
       for kind in ("mq", "mspan", "ended", "endq")},
    **{kind: (lambda kind, m, at: _bare_part_ref(kind, m, at.published, at.year, at.fiscal_year,
                                                 FiscalCalendar(at.fiscal_ends, at.by_start)))
       for kind in ("bareoq", "bareoh")},
    "bareq": _bare_quarter_ref,
}
