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
  not the period its figures measure.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple, Optional

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_FULL_MONTH_RE = "january|february|march|april|may|june|july|august|september|october|november|december"
_YEAR = r"((?:19|20)\d\d)"
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_COUNT = r"(?:few|several|two|three|four|five|six|seven|eight|nine|ten|\d+)"

_PATTERNS: list[tuple[re.Pattern, str]] = [
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
    # years (a 4-digit year not part of a larger number)
    (re.compile(rf"(?<![\d,.$€£¥-]){_YEAR}(?![\d%]|,\d|s\b)(?!\s*(?:billion|million|trillion))"), "y"),
    # spans of time: "over the next several years", "in the past two years"
    (re.compile(rf"\b(?:over|in|during|for|within|across)\s+the\s+(?:past|last|next|coming|previous)\s+"
                rf"{_COUNT}\s+(?:years|quarters|months|decades|weeks)\b", re.I), "window"),
    # "the same period": the period mentioned before
    (re.compile(r"\b(?:the\s+)?same\s+(period|quarter|year|month|time\s+period)\b", re.I), "same"),
    # relative references, resolved only against a known publication date
    (re.compile(r"\b(this|last|next|the current|the previous|the coming)\s+(year|quarter|month)\b", re.I), "rel"),
    (re.compile(r"\b(?:the\s+)?(?:most\s+recent|latest|last\s+reported)\s+quarter\b", re.I), "recentq"),
    # a specific but undated period: "in a single quarter", "in one year"
    (re.compile(r"\b(?:in|during|for|over|within)\s+(?:a|one|a\s+single|a\s+given)\s+(?:quarter|year|month)\b", re.I),
     "undated"),
    (re.compile(r"\b(?:in|during|for)\s+(Q[1-4]|H[12])\b(?!\s*'?\d)", re.I), "bareq"),
    # "the third quarter", "third-quarter revenue" with no year: the year under discussion
    (re.compile(r"\b(first|second|third|fourth)[\s-]+quarter\b(?!\s+(?:of\s+)?(?:(?:its\s+|the\s+)?fiscal\s+(?:year\s+)?|FY\s*)?'?\d)",
                re.I), "bareoq"),
    (re.compile(rf"\b(?:in|since|from|during|starting|through|until)\s+(?:early\s+|late\s+|mid-)?({_FULL_MONTH_RE})\b"
                rf"(?!\s*\d)", re.I), "barem"),
]

# What a reference is when the words just before it say so.
_BASELINE_BEFORE = re.compile(
    r"(?:\bthan|\bversus|\bvs\.?|\bcompared\s+(?:with|to)|\brelative\s+to|\bfrom|\bdouble|\btriple|\btwice|"
    r"\bquadruple)\s+(?:the\s+)?(?:end\s+of\s+)?$",
    re.I)
_PUBLICATION_BEFORE = re.compile(
    r"\b(?:published|released|issued|dated|conducted|carried\s+out|came\s+out)\s+(?:in|on|during)?\s*$", re.I)

_FUTURE_BEFORE = re.compile(r"\b(?:for|by|until|through|toward|towards|expected|forecast|projected|will|next|before|between)\b[^.]{0,20}$", re.I)


# A future tense or plan earlier in the same sentence: "Fortress will give up the
# management contract at the end of 2021" is no evidence of the writing year.
_FUTURE_CLAUSE_BEFORE = re.compile(
    r"\b(?:will|won[’']t|shall|expects?|expected|plans?|planned|scheduled|due|aims?|intends?)\b[^.!?\n]{0,130}$", re.I)


_COMPARED_BEFORE = re.compile(
    r"(?:\b(?:up|down)\s+from|\bcompared\s+(?:with|to)|\bversus|\bvs\.?)\b[^.;]{0,40}$", re.I)


class TimeRef(NamedTuple):
    start: int
    end: int
    period: Optional[str]  # normalised period, or None
    role: str  # period | unresolved | window | same | baseline | publication
    unit: Optional[str] = None  # for role "same": period | quarter | year | month


def reference_year(text: str) -> Optional[int]:
    """The year a dateless article is written in, estimated: the latest year it
    mentions outside a forward-looking phrase ("for 2027", "by the end of 2027").
    Used only to resolve "this year", "last year" and "next year", and a bare
    quarter or month ("in Q1", "in July") the writer left undated because it is
    the year under discussion."""
    years = []
    for m in re.finditer(rf"(?<![\d,.$€£¥-]){_YEAR}(?![\d%])", text):
        if _FUTURE_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
            continue  # "by fiscal 2028", "for 2027"
        if _COMPARED_BEFORE.search(text[max(0, m.start() - 50):m.start()]):
            # a year compared with ("will reach $350 billion, up from $230 billion in
            # 2024") is before the writing year, whatever the tense around it
            years.append(int(m.group(1)) + 1)
        elif not _FUTURE_CLAUSE_BEFORE.search(text[max(0, m.start() - 150):m.start()]):
            years.append(int(m.group(1)))
    return max(years) if years else None


def find_periods(text: str, published: Optional[dt.date] = None, start: int = 0, end: Optional[int] = None,
                 year: Optional[int] = None) -> list[tuple[int, int, str]]:
    """Each dated time reference in text[start:end] as (start, end, period), in order.

    `published` resolves relative references; without it, `year` (an estimated
    reference year) resolves only year-relative ones ("this year") and bare
    quarters and months ("in Q1", "in July")."""
    return [(r.start, r.end, r.period) for r in find_time_refs(text, published, start, end, year)
            if r.role == "period"]


def find_time_refs(text: str, published: Optional[dt.date] = None, start: int = 0, end: Optional[int] = None,
                   year: Optional[int] = None) -> list[TimeRef]:
    """Every time reference in text[start:end], dated or not, with its role (see the
    module docstring), in order."""
    end = len(text) if end is None else end
    found: list[TimeRef] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind in _PATTERNS:
        for m in pattern.finditer(text, start, end):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if kind == "y" and (_is_name_year(text, m) or _is_model_number(text, m)):
                continue
            ref = _ref(kind, m, published, year)
            if ref is None:
                continue
            if ref.role == "period":
                before = text[max(start, m.start() - 40):m.start()]
                if _PUBLICATION_BEFORE.search(before):
                    ref = ref._replace(role="publication")
                elif _BASELINE_BEFORE.search(before):
                    ref = ref._replace(role="baseline")
            found.append(ref)
            taken.append(m.span())
    return sorted(found)


def _is_name_year(text: str, m: re.Match) -> bool:
    """A year inside a name or a hyphenated compound ("Colossus-2026", "2026-27")."""
    return m.end() < len(text) and text[m.end()] in "-–" and m.end() + 1 < len(text) and text[m.end() + 1].isdigit()


def _is_model_number(text: str, m: re.Match) -> bool:
    """A number in a product name ("RTX 2060", "GTX 1900 Ti"): after an all-capitals
    word, or before one."""
    before = re.search(r"(\S+)\s+$", text[max(0, m.start() - 12):m.start()])
    after = re.match(r"\s+(\S+)", text[m.end():m.end() + 12])
    caps = re.compile(r"[A-Z][A-Z0-9]+|[A-Z][a-z]?[A-Z]\w*")
    return bool(before and caps.fullmatch(before.group(1)) and not re.fullmatch(r"(?:FY|Q[1-4]|H[12]|AD|BC|CE)", before.group(1))) \
        or bool(after and re.fullmatch(r"(?:Ti|Super|XT|Pro|Max|Ultra)", after.group(1)))


def _ref(kind: str, m: re.Match, published: Optional[dt.date], year: Optional[int]) -> Optional[TimeRef]:
    s, e = m.span()
    if kind == "window":
        return TimeRef(s, e, None, "window")
    if kind == "same":
        unit = m.group(1).lower().split()[-1]
        return TimeRef(s, e, None, "same", unit)
    if kind == "undated":
        return TimeRef(s, e, None, "unresolved")
    anchor = published
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
    if anchor is None and year and (kind in ("bareq", "barem") or (kind == "rel" and m.group(2).lower() == "year")):
        # An undated article: its estimated year stands in for the publication
        # year, for year-level resolution only.
        anchor = dt.date(year, 12, 31) if kind == "barem" else dt.date(year, 6, 30)
    period = _normalise(kind, m, anchor)
    if period is None:
        if kind in ("rel", "recentq", "bareq", "barem"):
            return TimeRef(s, e, None, "unresolved")
        return None
    return TimeRef(s, e, period, "period")


def _normalise(kind: str, m: re.Match, published: Optional[dt.date]) -> Optional[str]:
    g = m.groups()
    if kind == "fq":
        return f"FY{g[1]}-Q{g[0]}"
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
    if kind == "y":
        return g[0]
    if published is None:
        return None
    if kind == "rel":
        shift = {"this": 0, "the current": 0, "last": -1, "the previous": -1, "next": 1, "the coming": 1}[g[0].lower()]
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
    if kind == "barem":
        month = MONTHS[g[0].lower()]
        year = published.year if month <= published.month else published.year - 1
        return f"{year}-{month:02d}"
    return None
