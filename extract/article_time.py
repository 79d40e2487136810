"""What a whole article says about time, read once before framing.

Framing works sentence by sentence on the parts of an article that hold figures, so
what only the article as a whole states is read here first and handed to it:

- `published`: its publication date, when known;
- `year`: for an undated article, the year it is estimated to be written in
  (`extract.writing_year.reference_year`);
- `fiscal_year`: the fiscal year it reports on, when it names one ("the benefits
  anticipated for fiscal 2019"): its undated quarters are that year's quarters;
- `reporting`: the period a results story reports, named in its lede ("Home Depot
  reported third-quarter earnings that topped estimates"): a result the text gives no
  period of its own ("The retailer earned $2.8 billion") is that period's;
- `by_start`: its company names fiscal years by the year they start in (a US retailer:
  data/fiscal_calendars.toml), named in the headline or lede;
- `study`: the window a research story's data covers, named where it says what was
  studied ("the team analyzed billions of ad units ... in the last 6 months of 2017"):
  a share or ratio it finds, with no period of its own, is that window's.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple, Optional

from extract.lexicon import alternation
from extract.pattern_screen import may_match
from extract.rule_files import ReportingRules
from extract.rules import load_rules
from extract.fiscal_calendar import fiscal_year_end_named, names_fiscal_years_by_start
from extract.periods import find_time_refs
from extract.periods_reported import opening_sentences, quarter_reported
from extract.writing_year import fiscal_year_named, reference_year

# A lede is the first paragraph of at least this many words: shorter lines are
# headlines, bylines, captions, tickers.
_LEDE_WORDS = 15
_WORD = re.compile(r"[\w&’'-]+")


class ArticleTime(NamedTuple):
    published: Optional[dt.date] = None
    year: Optional[int] = None
    fiscal_year: Optional[int] = None
    reporting: Optional[str] = None
    study: Optional[str] = None
    by_start: bool = False
    fiscal_ends: Optional[int] = None  # the month its company's fiscal year ends in


def read_article_time(body: str, published: Optional[dt.date] = None) -> ArticleTime:
    """The article's time facts (see the module docstring)."""
    year = None if published else reference_year(body)
    fiscal_year = fiscal_year_named(body)
    lede = _lede(body)
    head = body[:lede[1]] if lede else body[:2000]
    by_start, fiscal_ends = names_fiscal_years_by_start(head), fiscal_year_end_named(head)
    return ArticleTime(published, year, fiscal_year,
                       _reporting_period(body, published, year, fiscal_year, by_start, fiscal_ends),
                       _study_window(body, published, year), by_start, fiscal_ends)


def _reporting_period(body: str, published: Optional[dt.date], year: Optional[int],
                      fiscal_year: Optional[int], by_start: bool, fiscal_ends: Optional[int]) -> Optional[str]:
    """The quarter or half the lede reports results for: a period that a results noun
    or verb stands beside in its first sentence ("reported third-quarter earnings",
    "posted a loss for the second quarter", "first-half profit rose")."""
    lede = _lede(body)
    if lede is None:
        return None
    start, end = lede
    first = _SENTENCE_END.search(body[start:end])
    end = start + first.end() if first else end
    if not results_words().search(body[start:end]):
        return None
    # "Nike Inc on Thursday reported quarterly revenue and profit that beat estimates.
    # Revenue rose 17% to $13.3 billion in the second quarter ended Nov. 30": a lede that
    # names no quarter leaves it to the first sentence of the next paragraph
    following = _next_first_sentence(body, lede[1])
    for s, e in ((start, end), following):
        if not results_words().search(body[s:e]):
            continue
        for ref in find_time_refs(body, published, s, e, year=year, fiscal_year=fiscal_year, by_start=by_start,
                                  fiscal_ends=fiscal_ends):
            if ref.role == "period" and ref.period and re.search(r"-(?:Q[1-4]|H[12])$", ref.period):
                return ref.period
    return quarter_reported(opening_sentences(body, lede), results_words(), published, fiscal_ends, by_start)


# a sentence ends before a capital or the end, not at "U.S. lender" or "Inc. on Tuesday"
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"“‘']|\s*$)")


def _next_first_sentence(body: str, after: int) -> tuple[int, int]:
    """(start, end) of the first sentence of the paragraph after offset `after`."""
    start = after
    while start < len(body) and body[start].isspace():
        start += 1
    line_end = body.find("\n", start)
    line_end = len(body) if line_end < 0 else line_end
    first = _SENTENCE_END.search(body[start:line_end])
    return start, start + first.end() if first else line_end


def _study_window(body: str, published: Optional[dt.date], year: Optional[int]) -> Optional[str]:
    """The period of the first sentence that says what a study looked at: a research
    verb ("analyzed", "surveyed", "tracked") and a dated period beside it. Few articles
    hold such a verb: the pattern runs only on those (extract/pattern_screen.py)."""
    if not may_match(_research_verbs(), body):
        return None
    for m in _research_verbs().finditer(body):
        start = max(body.rfind(".", 0, m.start()), body.rfind("\n", 0, m.start())) + 1
        stop = re.compile(r"[.!?](?:\s|$)|\n").search(body, m.end())
        end = stop.start() if stop else len(body)
        for ref in find_time_refs(body, published, start, end, year=year):
            if ref.role == "period" and ref.period:
                return ref.period
    return None


def may_be_lede(paragraph: str) -> bool:
    """Long enough to be a lede, not a headline, byline, caption or ticker line (shared
    with the article's topic, extract/frame/article.py)."""
    return len(_WORD.findall(paragraph)) >= _LEDE_WORDS


def _lede(body: str) -> Optional[tuple[int, int]]:
    """(start, end) of the first paragraph long enough to be a lede."""
    at = 0
    for para in body.split("\n"):
        if may_be_lede(para):
            return at, at + len(para)
        at += len(para) + 1
    return None


@lru_cache(maxsize=1)
def results_words() -> re.Pattern:
    """Words that speak of a company's results (data/reporting.toml)."""
    return re.compile(rf"\b(?:{alternation(load_rules('reporting.toml', ReportingRules).results_words)})\b", re.I)


@lru_cache(maxsize=1)
def _research_verbs() -> re.Pattern:
    return re.compile(rf"\b(?:{alternation(load_rules('reporting.toml', ReportingRules).research_verbs)})\b", re.I)
