"""Numbers that are not figures (codes, years, times, ordinal labels), accounting negatives, and why a number is refused."""

from __future__ import annotations

import re
from typing import Optional

from extract.numbers import FUNCTION_WORDS
from extract.quantities.patterns import PATTERNS, Patterns, compiled_patterns
from extract.records import Quantity


CODE_BEFORE = re.compile(r"(?:[A-Za-z]+\d|\d+[A-Za-z])[A-Za-z\d]*-$")


def accounting_negative(text: str, q: Quantity, previous: Optional[Quantity], start: int, end: int) -> Quantity:
    """'The annual revenue is ($99.99).': in financial statements a money amount alone in
    parentheses is a negative; the parentheses join the surface. Not right after another
    amount, where the parentheses hold a conversion ('tickets cost £5 ($6.50)')."""
    if not (_ISO_CODE.fullmatch(q.unit) and q.value is not None and q.value > 0):
        return q
    if not (q.start > start and q.end < end and text[q.start - 1] == "(" and text[q.end] == ")"):
        return q
    if previous is not None and _ISO_CODE.fullmatch(previous.unit) and not text[previous.end:q.start - 1].strip():
        return q
    if not _STATED_BEFORE.search(text, max(start, q.start - 16), q.start - 1):
        return q  # "the basic plan ($10)": an aside, not a value stated
    s, e = q.start - 1, q.end + 1
    return q.model_copy(update={"start": s, "end": e, "surface": text[s:e], "value": -q.value})


_ISO_CODE = re.compile(r"[A-Z]{3}")
# Where a statement gives a value ("is", "of", ":", the start of a line or cell): data/quantities.toml.
_STATED_BEFORE = re.compile(PATTERNS.stated_before, re.I)


DURATION_UNITS = ("year", "month", "day", "hour", "minute", "second")
# A scale word makes a bare number a figure ("11 million"), never a label, version or name.
SCALED = re.compile(PATTERNS.scaled, re.I)


def figure_refusal(text: str, q: Quantity) -> Optional[str]:
    """Why a recognised quantity is not a figure a claim can be about, or None.

    Recognition reads every number; this says which are time references (years,
    days of a month, "the past two years"), labels (list numbering, "No. 5"), or
    parts of names ("GPT-4 models", "Windows 11"). `q` has offsets into `text`.
    """
    P = compiled_patterns()
    before = text[max(0, q.start - 30):q.start]
    after = text[q.end:q.end + 30]
    count = q.unit == "count"
    surface = q.surface
    digits = re.match(r"-?\d[\d,.]*", surface)
    digits_end = q.start + len(digits.group(0)) if digits else q.start  # the characters after: sliced, not the text's rest
    first = q.value if q.value is not None else q.low
    if count and re.fullmatch(r"\d{4}", digits.group(0) if digits else "") and first is not None and (
            1800 <= first <= 2199 and first == int(surface[:4])):
        if text[q.start + 4:q.start + 5] == "s" or text[q.start + 4:q.start + 6] == "'s":
            return "a decade"
        return "a year"
    if count and digits and first is not None and first == int(first) and 1 <= first <= 31 and (
            P.month_before.search(before) or P.month_after.match(text[digits_end:digits_end + 20])):
        return "a day of a month"
    if digits and re.search(r"[A-Za-z]-$", before) and q.low is None:
        return "part of a name or code (GPT-4, Colossus-1)"
    line_start = before.rfind("\n")
    line_before = before[line_start + 1:] if line_start >= 0 else (before if q.start - 30 <= 0 else None)
    if count and digits and not q.noun and line_before is not None and re.fullmatch(r"[\s(#]*", line_before) and re.match(
            r"[.)]\s", text[digits_end:digits_end + 2]):
        return "list numbering"
    if count and P.label_before.search(before):
        return "a label or reference number"
    if count and digits and q.low is None and _NUMBER_BEFORE.search(before) and not re.search(r"\d[,.]\s*$", before):
        return "a number right after a number is a model or name (five 787 jets)"
    name_before = _capitalised_before(P, before)
    if count and digits and re.match(r"\d+[A-Za-z]", surface) and name_before:
        return "part of a name or model (Block 1B, Radeon 5500M)"
    if count and digits and name_before and not SCALED.search(surface) and (
            not q.noun or re.fullmatch(r"\d{1,3}(?:\.\d)?", digits.group(0))):
        # "Windows 11 users", "Fortune 500 companies": a name and its number before a noun
        return "part of a name or version (Kimi 2.7, Windows 11)"
    if q.unit in DURATION_UNITS and (re.match(r"(?i)[-\s]old\b", after) or q.unit == "year" and not any(
            w.lower() in P.lex.durations for w in re.findall(r"[A-Za-z]+", surface))):
        # "a 55-year-old man", "the 9-Month-Old", "12 to 17-years-old"; "Burton, 32,",
        # "aged 26", "died at the age of 34" were read as years of age with no word for
        # years (pipeline `as_appositive_age`, [ages])
        return "an age"
    if q.unit == "m/s" and P.benchmark_speed.search(before + surface):
        return "an acceleration benchmark ('zero to 60 mph'), not a figure"
    if q.unit in DURATION_UNITS and q.low is None and not re.search(r"-[A-Za-z]+$", surface):
        if _time_window(P, text, q, before, after):
            return "a time window, not a figure"
    if re.fullmatch(r"(?i)an?\s+[a-z]+", surface) and re.fullmatch(r"[A-Z]{3}", q.unit):
        return "an article before a unit ('a penny'), not a stated figure"
    return None


def _time_window(P: Patterns, text: str, q: Quantity, before: str, after: str) -> bool:
    """Is the duration `q` a time window ("over the past two years", "in twelve months",
    "three years ago") rather than a length the text asserts ("within two years", "in
    just two days", "in 45 minutes", "the first time in 35 years", "his first 18 months",
    "12 years after his death"; data/quantities.toml [duration_figures])?"""
    if P.event_after.match(after) or P.tenure_after.match(after):
        return False  # the time between two events; a length spent in a role
    if P.time_window_after.match(after):
        return True
    if not P.time_window_before.search(before):
        return False
    if P.duration_asserted_before.search(before):
        return False
    if P.duration_in_before.search(before):
        if q.unit in P.lex.duration_figures["short_units"]:
            return False
        # a superlative earlier in the sentence: "for the first time in 35 years"
        head = text[max(0, q.start - 150):q.start - len(before) + P.duration_in_before.search(before).start()]
        sentence = re.split(r"[.!?;\n]", head)[-1]
        return P.superlative.search(sentence) is None
    return True


_NUMBER_BEFORE = re.compile(PATTERNS.number_before, re.I)


def _capitalised_before(P: Patterns, before: str) -> bool:
    """A capitalised word right before the number, not opening a sentence, that may be
    a name ("Windows 11", "Kimi 2.7"); a function or hedge word is none, even
    capitalised ("Over 88,000 workers", "About 40 firms")."""
    m = re.search(r"[^.!?\s]\s([A-Z][\w.-]*)\s$", before)
    if not m:
        return False
    word = m.group(1).lower()
    return word not in FUNCTION_WORDS and word not in P.lex.hedges_before


