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
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple, Optional

from extract.lexicon import alternation
from extract.fiscal_calendar import FiscalCalendar, fiscal_part
from extract.rule_files import GamePeriodsRules
from extract.rules import load_rules
from extract.months import full_month_names, month_numbers

MONTHS = month_numbers()  # extract/data/calendar.toml
_MONTH_RE = alternation(MONTHS)
_FULL_MONTH_RE = "|".join(full_month_names())
_YEAR = r"((?:19|20)\d\d)"
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_COUNT = r"(?:few|several|two|three|four|five|six|seven|eight|nine|ten|\d+)"

_PATTERNS: list[tuple[re.Pattern, str]] = [
    # a quarter or half named by the months it spans or the day it ends: "the April-June
    # quarter", "the quarter ended Sept. 30", "the three months to June", "the six months
    # ended June 30, 2025"
    (re.compile(rf"\b({_FULL_MONTH_RE})\s*[-–]\s*({_FULL_MONTH_RE})\s+(?:quarter|period)(?:\s+(?:of\s+)?{_YEAR})?",
                re.I), "mq"),
    # "the March quarter", "the December quarter of 2025": the quarter that ends in that month
    (re.compile(rf"\bthe\s+(march|june|september|december)\s+quarter(?:\s+(?:of\s+)?{_YEAR})?", re.I), "endq"),
    (re.compile(rf"(?<!first\s)(?<!second\s)(?<!third\s)(?<!fourth\s)"
                rf"\b(quarter|three\s+months|three-month\s+period|six\s+months|half(?:-year)?)\s+"
                rf"(?:ended|ending|that\s+ended|to|through|thru)\s+(?:on\s+)?({_MONTH_RE})\.?"
                rf"(?:\s+(\d{{1,2}})\b)?(?:,?\s+{_YEAR})?", re.I), "ended"),
    # a year ended in a month: "the fiscal year ended March 31, 2025" is FY2025, "the year
    # ended Dec. 31, 2024" the calendar year
    (re.compile(rf"\b(?:fiscal\s+)?year\s+(?:ended|ending|that\s+ended|to)\s+(?:on\s+)?({_MONTH_RE})\.?"
                rf"(?:\s+\d{{1,2}}\b)?(?:,?\s+{_YEAR}\b)?", re.I), "yended"),
    # "the (fiscal) fourth quarter ended Sept. 27": a quarter that does not end with its
    # calendar quarter is fiscal, and a fiscal fourth quarter ends its fiscal year
    (re.compile(rf"\b(first|second|third|fourth)[\s-]+(?:fiscal\s+)?quarter,?\s+(?:which\s+|that\s+)?(?:ended|ending)\s+(?:on\s+)?"
                rf"({_MONTH_RE})\.?(?:\s+(\d{{1,2}})\b)?(?:,?\s+{_YEAR}\b)?", re.I), "oqended"),
    # "fiscal 2025-26", "FY2025/26", "the 2025-26 fiscal year": the fiscal year that ends in 2026
    (re.compile(r"\b(?:(?:fiscal(?:\s+year)?|FY)\s*((?:19|20)\d\d)[-/–](\d\d)\b|((?:19|20)\d\d)[-/–](\d\d)\s+fiscal\s+year\b)",
                re.I), "fyspan"),
    # "third-quarter results for fiscal 2026", "first-quarter revenue in its fiscal 2025"
    (re.compile(rf"\b(first|second|third|fourth)[\s-]+quarter\s+(?:(?!(?:and|or|but|while|as|compared|versus)\b)[a-z]+\s+){{0,2}}(?:for|of|in)\s+(?:its\s+|the\s+)?"
                rf"(?:fiscal(?:\s+year)?|FY)\s*'?{_YEAR}\b", re.I), "fq3"),
    # "fiscal year 2026's first quarter"
    (re.compile(rf"\b(?:fiscal(?:\s+year)?|FY)\s*{_YEAR}['’]s\s+(first|second|third|fourth)\s+(?:fiscal\s+)?quarter\b", re.I),
     "fyq"),
    # two-digit years: "3Q25", "Q4'25", "1H26", "H2'25", "Q3 FY25", "FY25 Q3"
    (re.compile(r"\b(?:([1-4])Q\s*'?(\d\d)|Q([1-4])\s*['’](\d\d))\b", re.I), "q2"),
    (re.compile(r"\b(?:([12])H\s*'?(\d\d)|H([12])\s*['’](\d\d))\b", re.I), "h2"),
    (re.compile(r"\b(?:Q([1-4])\s*(?:of\s+)?FY\s*'?(\d\d)|FY\s*'?(\d\d)\s*-?\s*Q([1-4]))\b", re.I), "fq22"),
    # fiscal quarters: "Q2 of fiscal 2026", "fiscal Q2 2026", "FY26 Q2", "second fiscal quarter of 2026"
    (re.compile(rf"\bQ([1-4])\s+(?:of\s+)?(?:fiscal(?:\s+year)?|FY)\s*'?{_YEAR}\b", re.I), "fq"),
    (re.compile(rf"\b(?:fiscal|FY)\s*'?{_YEAR}?\s*(?:-\s*)?Q([1-4])\b", re.I), "fq2"),
    (re.compile(rf"\b(first|second|third|fourth)\s+fiscal\s+quarter\s+(?:of\s+)?(?:fiscal\s+)?{_YEAR}\b", re.I), "fq3"),
    (re.compile(rf"\b(first|second|third|fourth)\s+quarter\s+of\s+(?:its\s+|the\s+)?(?:fiscal(?:\s+year)?|FY)\s*{_YEAR}\b",
                re.I), "fq3"),
    # calendar quarters
    (re.compile(rf"\bQ([1-4])\s*(?:of\s+)?'?{_YEAR}\b", re.I), "q"),
    (re.compile(rf"\b{_YEAR}\s*-?\s*Q([1-4])\b", re.I), "yq"),
    (re.compile(rf"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?{_YEAR}\b", re.I), "oq"),
    # halves
    (re.compile(rf"\bH([12])\s*(?:of\s+)?'?{_YEAR}\b", re.I), "h"),
    (re.compile(rf"\b(first|second)\s+half\s+(?:of\s+)?{_YEAR}\b", re.I), "oh"),
    # fiscal years
    (re.compile(rf"\b(?:fiscal\s+year|fiscal|FY)\s*'?{_YEAR}\b", re.I), "fy"),
    (re.compile(r"\bFY\s*'?(\d\d)\b"), "fy2"),
    # months
    (re.compile(rf"\b({_MONTH_RE})\.?\s+(?:of\s+)?{_YEAR}\b", re.I), "my"),
    # a quarter or half by its months: "the last 6 months of 2017", "the first three months of 2019"
    (re.compile(rf"\b(first|last|final)\s+(three|3|six|6)\s+months\s+of\s+{_YEAR}\b", re.I), "monthsof"),
    # a span of years is no one period: "between 2025 and 2028", "from 2025 to 2030"
    (re.compile(rf"\b(?:between|from)\s+(?:fiscal\s+)?{_YEAR}\s+(?:and|to|through|until)\s+(?:fiscal\s+)?{_YEAR}\b", re.I),
     "window"),
    # "by mid-2027", "in early 2026"
    (re.compile(rf"\b(?:mid|early|late)-\s*{_YEAR}\b", re.I), "py"),
    # years (a 4-digit year not part of a larger number)
    (re.compile(rf"(?<![\d,.$€£¥-]){_YEAR}(?![\d%]|,\d|s\b)(?!\s*(?:billion|million|trillion))"), "y"),
    # a change measured against the year before: "a year earlier", "the year-ago quarter",
    # "the same period last year"
    (re.compile(r"\b(?:(?:a|one)\s+year\s+(?:earlier|ago|before|prior)"
                r"|the\s+(?:year[-\s](?:earlier|ago)|prior[-\s]year)\s+(?:period|quarter|month|levels?)"
                r"|(?:the\s+)?(?:same|comparable|corresponding|year[-\s]to[-\s]date)\s+(?:period|quarter|month|time|stretch)"
                r"\s+(?:(?:a|one)\s+year\s+(?:ago|earlier)|(?:of\s+|in\s+)?last\s+year"
                r"|(?:of\s+|in\s+)?the\s+(?:previous|prior)\s+year))\b", re.I), "yearago"),
    # the fiscal year under discussion: "this fiscal year", "full-year revenue"
    (re.compile(r"\b(this|the\s+current|next|last|the\s+previous|the\s+prior)\s+fiscal\s+year\b", re.I), "fiscal"),
    (re.compile(r"\b(?:full[-\s]year|for\s+the\s+(?:full|whole|entire)\s+year)\b", re.I), "fullyear"),
    # the year so far or to its end: "year to date", "so far this year", "by year-end",
    # "to end the year at 4.5%"
    (re.compile(r"\b(?:year[-\s]to[-\s]date|so\s+far\s+this\s+year|(?:by|at|until|through)\s+(?:the\s+)?year[-\s]end|"
                r"(?:by|at)\s+the\s+end\s+of\s+(?:the|this)\s+year|end\s+(?:the|this)\s+year)\b", re.I), "ytd"),
    # spans of time: "over the next several years", "in the past two years"
    (re.compile(rf"\b(?:over|in|during|for|within|across)\s+the\s+(?:past|last|next|coming|previous)\s+"
                rf"{_COUNT}\s+(?:years|quarters|months|decades|weeks)\b", re.I), "window"),
    # "the same period": the period mentioned before
    (re.compile(r"\b(?:the\s+)?same\s+(period|quarter|year|month|time\s+period)\b", re.I), "same"),
    # "at that point", "by then", "that year": the time last named ("8.69 GW at the end of
    # 2017. Hanwha had 3.7 GW of cell capacity at that point")
    (re.compile(r"\b(?:at\s+(?:that|this)\s+(?:point|time|stage)|at\s+the\s+time(?!\s+of\b)|by\s+then|by\s+that\s+time"
                r"|(?:(?:in|during|for)\s+)?that\s+(year|quarter|month|period))\b", re.I), "then"),
    # "in the quarter", "for the period": the quarter or period under discussion (a results
    # story's), not one it goes on to name ("the quarter ended Sept. 30", "the period of")
    (re.compile(r"\b(?:in|during|for|over|throughout)\s+the\s+(quarter|period|half|month)(?![\w-])(?!,?\s+(?:ended|ending|"
                r"that|which|to|through|before|after|of|from|since|between|in\s+which|when)\b)", re.I), "current"),
    # relative references, resolved only against a known publication date
    (re.compile(r"\b(this|last|next|the current|the previous|the prior|the preceding|the coming)\s+(year|quarter|month)\b",
                re.I), "rel"),
    (re.compile(r"\b(?:the\s+)?(?:most\s+recent|latest|last\s+reported)\s+quarter\b", re.I), "recentq"),
    # a specific but undated period: "in a single quarter", "in one year"
    (re.compile(r"\b(?:in|during|for|over|within)\s+(?:a|one|a\s+single|a\s+given)\s+(?:quarter|year|month)\b", re.I),
     "undated"),
    (re.compile(r"\b(?:in|during|for)\s+(Q[1-4]|H[12])\b(?!\s*'?\d)", re.I), "bareq"),
    # a moment in a market session: "down 5% in recent trading", "down 2.74% on the day"
    (re.compile(r"\b(?:in\s+(?:(?:early|late|recent|morning|midday|afternoon|premarket|pre-market|after-hours|"
                r"extended|overnight|thin|heavy|light|volatile|choppy)\s+)?trading|on\s+the\s+day|in\s+the\s+session|"
                r"intraday)\b", re.I), "undated"),
    # "the third quarter", "third-quarter revenue" with no year: the year under discussion
    (re.compile(r"\b(first|second|third|fourth)[\s-]+quarter\b(?!\s+(?:of\s+)?(?:(?:its\s+|the\s+)?fiscal\s+(?:year\s+)?|FY\s*)?'?\d)",
                re.I), "bareoq"),
    # "in the first half", "second-half sales" with no year: the year under discussion
    (re.compile(r"\b(first|second)[\s-]+half\b(?!\s+(?:of\s+)?(?:(?:its\s+|the\s+)?fiscal\s+(?:year\s+)?|FY\s*)?'?\d)"
                r"(?!\s+of\s+(?!(?:the|this)\s+year\b))", re.I), "bareoh"),
    (re.compile(rf"\b(?:in|since|from|during|starting|through|until|(?:at|by)\s+the\s+(?:end|start|beginning|close)\s+of)"
                rf"\s+(?:early\s+|late\s+|mid-)?({_FULL_MONTH_RE})\b"
                rf"(?!\s*\d)", re.I), "barem"),
    # a stock as of a day of a month: "As of October, Emirates had a fleet of 270 aircraft",
    # "12,500 employees as of June 30"
    (re.compile(rf"\bas\s+of\s+(?:the\s+end\s+of\s+)?({_MONTH_RE})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?(?!,?\s*\d)",
                re.I), "asof"),
    # a month that names a release: "the May figure", "the September jobs report" (written
    # capitalised and before a lower-case noun, so not the verb "may" nor a name)
    (re.compile(rf"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+({'|'.join(m.capitalize() for m in full_month_names())})"
                rf"(?=\s+[a-z])(?!\s+(?:quarter|half|period|year|fiscal|to|through)\b)"), "barem"),
]

# What a reference is when the words just before it say so.
_BASELINE_BEFORE = re.compile(
    r"(?:\bthan|\bversus|\bvs\.?|\bcompared\s+(?:with|to)|\brelative\s+to|\bfrom|\bsince|\bdouble|\btriple|\btwice|"
    r"\bquadruple)\s+(?:the\s+)?"
    r"(?:(?:end|start|beginning|middle)\s+of\s+|all\s+of\s+|the\s+whole\s+of\s+)?(?:early\s+|late\s+|mid-)?$",
    re.I)
# "by 2030", "by the end of 2027": the date a figure is to be reached, which says nothing
# of the period the sentences around it are about.
_HORIZON_BEFORE = re.compile(r"\b(?:by|until|till|before)\s+(?:the\s+)?(?:(?:end|close|middle)\s+of\s+)?$", re.I)
_PUBLICATION_BEFORE = re.compile(
    r"\b(?:published|released|issued|dated|conducted|carried\s+out|came\s+out)\s+(?:in|on|during)?\s*$", re.I)

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
    found: list[TimeRef] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind in _PATTERNS:
        for m in pattern.finditer(text, start, end):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if kind == "y" and (_is_name_year(text, m) or _is_model_number(text, m) or _is_model_year(text, m)):
                continue
            if kind in ("mq", "ended", "endq") and _FISCAL_APPOSITIVE.match(text, m.end()):
                continue  # "the September quarter, the first quarter of its fiscal 2026": the fiscal name
            ref = _ref(kind, m, published, year, fiscal_year, by_start, fiscal_ends)
            if ref is None:
                continue
            if ref.role in ("period", "previous"):
                before = text[max(start, m.start() - 40):m.start()]
                if _PUBLICATION_BEFORE.search(before):
                    ref = ref._replace(role="publication")
                elif _BASELINE_BEFORE.search(before):
                    ref = ref._replace(role="baseline")
                elif ref.role == "period" and _HORIZON_BEFORE.search(before):
                    ref = ref._replace(role="horizon")
                elif re.match(r"since\b", m.group(0), re.I):
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
    if not _NAME_DETERMINER.search(text[max(0, m.start() - 20):m.start()]):
        return False
    after = re.match(r"\s+([A-Za-z][\w-]*)", text[m.end():m.end() + 30])
    if after is None:
        return False
    word = after.group(1)
    return (word[0].isupper() and word.lower() not in MONTHS) or word.lower() in _NAMED_BY_YEAR


# "the", "a", "its", "WeWork's": what may stand before a year that names a thing
_NAME_DETERMINER = re.compile(r"(?:\b(?:the|a|an|its|their|his|her)|\w['’]s)\s+$", re.I)
# Nouns a year before them names rather than dates: a security by the year it falls due.
_NAMED_BY_YEAR = frozenset({"bond", "bonds", "notes", "note", "debentures", "maturity"})


def _is_model_number(text: str, m: re.Match) -> bool:
    """A number in a product name ("RTX 2060", "GTX 1900 Ti"): after an all-capitals
    word, or before one."""
    before = re.search(r"(\S+)\s+$", text[max(0, m.start() - 12):m.start()])
    after = re.match(r"\s+(\S+)", text[m.end():m.end() + 12])
    caps = re.compile(r"[A-Z][A-Z0-9]+|[A-Z][a-z]?[A-Z]\w*")
    return bool(before and caps.fullmatch(before.group(1)) and not re.fullmatch(r"(?:FY|Q[1-4]|H[12]|AD|BC|CE)", before.group(1))) \
        or bool(after and re.fullmatch(r"(?:Ti|Super|XT|Pro|Max|Ultra)", after.group(1)))


def _ref(kind: str, m: re.Match, published: Optional[dt.date], year: Optional[int],
         fiscal_year: Optional[int] = None, by_start: bool = False,
         fiscal_ends: Optional[int] = None) -> Optional[TimeRef]:
    s, e = m.span()
    if kind in _MARKERS:
        return _marker_ref(kind, m)
    if kind in ("fiscal", "fullyear"):
        # the fiscal year the text last named; else, for a full year, the calendar year
        shift = 0 if kind == "fullyear" else {"this": 0, "the current": 0, "next": 1}.get(
            " ".join(m.group(1).lower().split()), -1)
        named = list(_FISCAL_YEAR_NAMED.finditer(m.string, max(0, s - 4000), s))
        if named:
            fy = int(named[-1].group(1)) if len(named[-1].group(1)) == 4 else 2000 + int(named[-1].group(1))
            return TimeRef(s, e, f"FY{fy + shift}", "period")
        y = published.year if published else year
        return TimeRef(s, e, str(y), "period") if kind == "fullyear" and y else TimeRef(s, e, None, "unresolved")
    if kind == "oqended":
        period = _ordinal_quarter_ended(m, published, year, by_start)
        return TimeRef(s, e, period, "period" if period else "unresolved")
    if kind == "yended" and not m.group(2):
        month = MONTHS[m.group(1).lower().rstrip(".")]
        y = (published.year if month <= published.month else published.year - 1) if published else year
        if not y:
            return TimeRef(s, e, None, "unresolved")
        return TimeRef(s, e, str(y) if month == 12 else f"FY{y}", "period")
    if kind in ("mq", "ended", "endq"):
        period = _span_period(kind, m, published, year)
        return TimeRef(s, e, period, "period" if period else "unresolved")
    if kind == "ytd":
        y = published.year if published else year
        return TimeRef(s, e, str(y), "period") if y else TimeRef(s, e, None, "unresolved")
    if kind in ("bareoq", "bareoh"):
        return _bare_part_ref(kind, m, published, year, fiscal_year, FiscalCalendar(fiscal_ends, by_start))
    if kind == "bareq" and m.group(1).upper() in ("Q1", "Q2", "Q3") and fiscal_year is not None:
        return TimeRef(s, e, f"FY{fiscal_year}-{m.group(1).upper()}", "period")
    anchor = published
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
        first, n = m.group(1).lower() == "first", 3 if m.group(2) in ("three", "3") else 6
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
        return TimeRef(s, e, f"FY{fiscal_year}-Q{_ORD[m.group(1).lower()]}", "period")
    said_fiscal = re.search(r"\bfiscal[\s-]+$", m.string[max(0, s - 10):s], re.I) is not None
    if calendar.ends is not None and published is not None and (said_fiscal or not _in_a_game(m)):
        # "Nvidia expects revenue of $54 billion in the fiscal third quarter" (Aug. 2025)
        return TimeRef(s, e, fiscal_part(kind, _ORD[m.group(1).lower()], published, calendar), "period")
    if kind == "bareoq" and said_fiscal:
        # "the fiscal first quarter": which fiscal year it belongs to, the text does not say
        return TimeRef(s, e, None, "unresolved")
    if kind in ("bareoq", "bareoh") and _in_a_game(m):
        return None  # "31 points in a phenomenal first half": a part of the game, not of the year
    if kind == "bareoh":
        if said_fiscal:
            return TimeRef(s, e, None, "unresolved")
        n = _ORD[m.group(1).lower()]
        start_month = 6 * (n - 1) + 1
        if published is not None:
            y = published.year - 1 if start_month - published.month > 3 else published.year
        elif year:
            y = year
        else:
            return TimeRef(s, e, None, "unresolved")
        return TimeRef(s, e, f"{y}-H{n}", "period")
    if kind == "bareoq":
        n = _ORD[m.group(1).lower()]
        if published is not None:
            # a quarter that starts more than three months after the writing is last
            # year's ("the fourth quarter" in February); a nearer one is this year's,
            # as in guidance for the next quarter
            y = published.year - 1 if 3 * (n - 1) + 1 - published.month > 3 else published.year
        elif year:
            y = year
        else:
            return TimeRef(s, e, None, "unresolved")
        return TimeRef(s, e, f"{y}-Q{n}", "period")
    return None


_FISCAL_APPOSITIVE = re.compile(r"\s*[,(—–]\s*(?:the\s+|its\s+)?(?:(?:first|second|third|fourth)\s+(?:fiscal\s+)?quarter\s+"
                                r"of\s+(?:its\s+|the\s+)?(?:fiscal|FY)|fiscal\s+(?:first|second|third|fourth)|"
                                r"(?:fiscal\s+|FY\s*)'?\d{2,4}\s*Q[1-4]|Q[1-4]\s+(?:of\s+)?(?:fiscal|FY))", re.I)
_FISCAL_YEAR_NAMED = re.compile(r"\b(?:fiscal(?:\s+year)?|FY)\s*'?((?:19|20)\d\d|\d\d)\b", re.I)


def _in_a_game(m: re.Match) -> bool:
    """The reference stands in a sentence about a game being played (data/game_periods.toml)."""
    text = m.string
    starts = [b.end() for b in _SENTENCE_BOUNDS.finditer(text, max(0, m.start() - 300), m.start())]
    stop = _SENTENCE_BOUNDS.search(text, m.end())
    sentence = text[starts[-1] if starts else max(0, m.start() - 300):stop.start() if stop else len(text)]
    return _game_words().search(sentence) is not None


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
    n, last = _ORD[m.group(1).lower()], MONTHS[m.group(2).lower().rstrip(".")]
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
    fiscal = "fiscal" in m.group(0).lower() or re.search(r"\bfiscal[\s-]+$", m.string[max(0, m.start() - 10):m.start()],
                                                           re.I) is not None
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
    elif kind == "mq":
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
        return f"{published.year - 1 if last - 2 - published.month > 3 else published.year}-{label}"
    return f"{year}-{label}" if year else None


def _normalise(kind: str, m: re.Match, published: Optional[dt.date]) -> Optional[str]:
    g = m.groups()
    if kind == "fq":
        return f"FY{g[1]}-Q{g[0]}"
    if kind == "yended":
        return g[1] if MONTHS[g[0].lower().rstrip(".")] == 12 else f"FY{g[1]}"  # the year is named (see _ref)
    if kind == "fyspan":
        first, last = (g[0], g[1]) if g[0] else (g[2], g[3])
        return f"FY{first[:2]}{last}" if int(last) == (int(first) + 1) % 100 else None
    if kind == "fyq":
        return f"FY{g[0]}-Q{_ORD[g[1].lower()]}"
    if kind == "q2":
        n, yy = (g[0], g[1]) if g[0] else (g[2], g[3])
        return f"20{yy}-Q{n}"
    if kind == "h2":
        n, yy = (g[0], g[1]) if g[0] else (g[2], g[3])
        return f"20{yy}-H{n}"
    if kind == "fq22":
        n, yy = (g[0], g[1]) if g[0] else (g[3], g[2])
        return f"FY20{yy}-Q{n}"
    if kind == "fq2":
        year = g[0] or (str(published.year) if published else None)
        return f"FY{year}-Q{g[1]}" if year else None
    if kind == "fq3":
        return f"FY{g[1]}-Q{_ORD[g[0].lower()]}"
    if kind == "q":
        return f"{g[1]}-Q{g[0]}"
    if kind == "yq":
        return f"{g[0]}-Q{g[1]}"
    if kind == "oq":
        return f"{g[1]}-Q{_ORD[g[0].lower()]}"
    if kind == "h":
        return f"{g[1]}-H{g[0]}"
    if kind == "oh":
        return f"{g[1]}-H{_ORD[g[0].lower()]}"
    if kind == "fy":
        return f"FY{g[0]}"
    if kind == "fy2":
        return f"FY20{g[0]}"
    if kind == "my":
        return f"{g[1]}-{MONTHS[g[0].lower().rstrip('.')]:02d}"
    if kind in ("y", "py"):
        return g[0]
    if published is None:
        return None
    if kind == "rel":
        shift = {"this": 0, "the current": 0, "last": -1, "the previous": -1, "the prior": -1, "the preceding": -1,
                 "next": 1, "the coming": 1}[" ".join(g[0].lower().split())]
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
        year = published.year if month <= published.month else published.year - 1
        return f"{year}-{month:02d}"
    return None
