"""The year an undated text is written in, and the fiscal year it looks ahead to, when
the text does not say (extract/article_time.py reads both for the whole article).

- `reference_year`: the latest year it mentions outside a forward-looking phrase;
- `fiscal_year_named`: the one fiscal year it names in a forward-looking phrase.
"""

from __future__ import annotations

import re
from typing import Optional

from extract.periods import _FISCAL_YEAR_NAMED, _SENTENCE_BOUNDS, _YEAR, _is_model_year
from extract.pattern_screen import may_match
from extract.period_rule_files import PeriodsRules
from extract.rules import load_rules

# What before a year says it is looked forward to or compared with: data/periods.toml [writing_year].
_WORDS = load_rules("periods.toml", PeriodsRules).writing_year
_FUTURE_BEFORE = re.compile(_WORDS.future_before, re.I)  # "for 2027", "by fiscal 2028"
_FUTURE_CLAUSE_BEFORE = re.compile(_WORDS.future_clause_before, re.I)  # "will give up ... at the end of 2021"
_THIS_YEAR = re.compile(_WORDS.this_year, re.I)  # "so far this year, after nearly tripling in 2024"
_COMPARED_BEFORE = re.compile(_WORDS.compared_before, re.I)  # "up from $230 billion in 2024"
_THAN_BEFORE = re.compile(_WORDS.than_before, re.I)  # "higher than in fiscal 2025": the year compared


# A year mentioned: not glued to a number, sign or currency before it, nor followed by a
# digit or %. The look-behind comes after the year's four digits (_YEAR; it tests the
# character before them) so that the pattern opens with the year's digits, which the
# regex engine skips to; opening with the look-behind, it tried every position.
_YEAR_MENTION = re.compile(rf"{_YEAR}(?<![\d,.$€£¥-]....)(?![\d%])")


def reference_year(text: str) -> Optional[int]:
    """The year a dateless article is written in, estimated: the latest year it
    mentions outside a forward-looking phrase ("for 2027", "by the end of 2027").
    Used only to resolve "this year", "last year" and "next year", and a bare
    quarter or month ("in Q1", "in July") the writer left undated because it is
    the year under discussion."""
    years = []
    for m in _YEAR_MENTION.finditer(text):
        if _FUTURE_BEFORE.search(text[max(0, m.start() - 30):m.start()]) or _is_model_year(text, m):
            continue  # "by fiscal 2028", "for 2027"; "the 2021 RAV4" may be sold the year before
        if _COMPARED_BEFORE.search(text[max(0, m.start() - 50):m.start()]) or _beside_this_year(text, m):
            # a year compared with ("will reach $350 billion, up from $230 billion in
            # 2024") is before the writing year, whatever the tense around it
            years.append(int(m.group(1)) + 1)
        elif not _FUTURE_CLAUSE_BEFORE.search(text[max(0, m.start() - 150):m.start()]):
            years.append(int(m.group(1)))
    return max(years) if years else None


def _beside_this_year(text: str, m: re.Match) -> bool:
    starts = [b.end() for b in _SENTENCE_BOUNDS.finditer(text, max(0, m.start() - 200), m.start())]
    stop = _SENTENCE_BOUNDS.search(text, m.end(), m.end() + 200)
    sentence = text[starts[-1] if starts else max(0, m.start() - 200):stop.start() if stop else m.end() + 200]
    return _THIS_YEAR.search(sentence) is not None


def fiscal_year_named(text: str) -> Optional[int]:
    """The fiscal year an article reports on, when it names one and only one in a
    forward-looking phrase: "the benefits anticipated for fiscal 2019", "capex growth
    in fiscal 2026 would be higher". A fiscal year named only in the past tense
    ("capital expenditures totaled $88 billion in fiscal 2025") is a year that has
    ended, and two years looked forward to leave the current one open."""
    if not may_match(_FISCAL_YEAR_NAMED, text):
        return None  # most articles name no fiscal year (extract/pattern_screen.py)
    years = {_four_digits(m.group(1)) for m in _FISCAL_YEAR_NAMED.finditer(text)
             if not _COMPARED_BEFORE.search(text[max(0, m.start() - 50):m.start()])
             and not _THAN_BEFORE.search(text[max(0, m.start() - 12):m.start()])
             and (_FUTURE_BEFORE.search(text[max(0, m.start() - 30):m.start()])
                  or _FUTURE_CLAUSE_BEFORE.search(text[max(0, m.start() - 150):m.start()]))}
    return years.pop() if len(years) == 1 else None


def _four_digits(year: str) -> int:
    return int(year) if len(year) == 4 else 2000 + int(year)
