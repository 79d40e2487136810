"""Recognising quantities: money, percentages, multipliers, counts, physical units,
durations, ranges, vague magnitudes and the hedges around them.

The recogniser reads the original text and never rewrites it: every `Quantity`
carries the true [start, end) offsets of its surface and the surface exactly as
written. It works in three passes:

1. number atoms: digit numbers ("1,000", "62.3", "-5") and spelled-out numbers
   ("Six hundred billion", "ninety-five");
2. each atom grows into a quantity: a currency sign before it, a scale word and a
   unit after it, a second atom after a range connector ("$175–185 billion",
   "between $175 and $185 billion", "45 to 57%"), hedges around it;
3. word-only forms: multipliers ("fivefold", "doubling", "an order of magnitude"),
   fractions ("nearly half", "two-thirds"), vague magnitudes ("hundreds of billions
   of dollars", "trillion-dollar").

Numbers that are not quantities are refused with a reason (`Rejected`): years, days
of a month, times of day, list numbering, product and model names (GPT-4, GLM 5.2),
phone numbers, URLs. Every word list lives in data/quantities.toml.

`find_numbers` is the number layer under the quantities: every free number with its
scale word ("$2.5 billion" holds "2.5 billion"), without currency or unit, from the
same atoms and the same scale reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from extract.unit_words import refine_units
from extract.widgets import quote_widget_spans
from extract.records import Approx, Quantity
from extract.lexicon import Lexicon, alternation, load_lexicon
from extract.numbers import FUNCTION_WORDS, MONTHS, Atom, find_atoms

# Words that follow "N times" when it is a multiplier ("13 times higher").
COMPARATIVES = frozenset(
    """more less higher lower larger smaller bigger greater faster slower cheaper as the
    over above below what that than""".split()
)


@dataclass(frozen=True)
class Rejected:
    """A number the recogniser saw and refused, with the reason (kept for debugging)."""

    start: int
    end: int
    surface: str
    reason: str


@dataclass
class _Part:
    """One side of a quantity: currency, number, scale, unit, as read from the text."""

    start: int
    end: int
    atom: Atom
    number_end: int = -1  # where the number and its scale word end, before any unit ("2.5 billion| dollars")
    from_word: bool = False  # currency read from a word after the number ("dollars")
    currency: Optional[str] = None
    scale: Optional[float] = None
    unit: Optional[str] = None
    factor: float = 1.0
    noun: Optional[str] = None
    adjective: bool = False  # "trillion-dollar", "six-year"


class _Patterns:
    """Regexes compiled from the lexicon; built once per lexicon."""

    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.number_word_set = frozenset(lex.number_words) | frozenset(lex.magnitudes) | frozenset(lex.denominators)
        self.article_currency = re.compile(
            rf"\b(an?)\s+({alternation([w for w in lex.currency_words if not w.endswith('s')])})\b", re.I)
        self.scale = re.compile(rf"(?:\s?|-)({alternation(lex.scales)})\b", re.I)
        self.scale_short = re.compile(rf"({alternation(lex.scales_short)})(?![\w])", re.I)
        sym_before = sorted(lex.currency_signs, key=len, reverse=True)
        self.currency_before = re.compile(
            rf"(?:(?<![A-Za-z])({alternation(sym_before)})|\b({alternation(lex.currency_codes)}))\s?$"
        )
        pct = alternation([p for p in lex.percent if p != "%"])
        self.percent = re.compile(rf"(?:\s?(%)|(?:\s|-)({pct})\b)", re.I)
        self.currency_after_word = re.compile(rf"(?:\s|-)({alternation(lex.currency_words)})\b", re.I)
        self.currency_after_code = re.compile(rf"\s?({alternation(lex.currency_codes)})\b")
        self.currency_after_lower = re.compile(rf"\s({alternation(lex.currency_codes_lowercase_after)})\b")
        self.currency_after_sign = re.compile(rf"\s?({alternation(lex.currency_signs_after)})")
        self.currency_prefix_spaced = re.compile(
            rf"(?<![\w.])({alternation(lex.currency_prefixes_spaced)})\s\$\s$", re.I)
        self.currency_word_scaled = re.compile(
            rf"\s({alternation(lex.currency_words_scaled)})\b(?!\s+of\b)", re.I)
        self.scale_bare_glued = re.compile(rf"({alternation(lex.scales_bare_glued)})(?![\w])")
        self.scale_bare_spaced = re.compile(rf" ({alternation(lex.scales_bare_spaced)})(?![\w$€£%.,]|\.\w)")
        self.percent_of_before = re.compile(r"(?:^|(?<=[.!?:;\n])\s*|^\s*)(percents?|per cent)\s+of\s+$", re.I)
        self.multiplier = re.compile(r"(?:\s(times)\b|(x|×)(?![\w])|-?(fold)\b)", re.I)
        self.duration = re.compile(rf"(?:\s|-)(?:(?:{alternation(lex.duration_fillers)})\s+)?"
                                   rf"({alternation(lex.durations)})\b", re.I)
        # Spaced symbols must be at least two letters and not an English word.
        spaced = [s for s in lex.unit_symbols if len(s) >= 2 and s not in ("in", "mi", "ha", "Mt")]
        self.unit_symbol_glued = re.compile(rf"({alternation(lex.unit_symbols)})(?![\w²³/])")
        self.unit_symbol_spaced = re.compile(rf"\s({alternation(spaced)})(?![\w²³])")
        self.unit_name = re.compile(rf"(?:\s|-)({alternation(lex.unit_names)})\b", re.I)
        # A counted noun: lower-case, an acronym plural ("GPUs") or a group of people
        # ("Americans", "Floridians", "Democrats").
        self.noun = re.compile(r"(?:\s|-)([a-z][a-z'’-]*[a-z]|[a-z]|[A-Z]{2,}s|[A-Z][a-z]+(?:ans|ers|ats)"
                               rf"|{alternation(lex.counted_peoples)})\b")
        self.glued_letters = re.compile(r"[A-Za-z]+")
        self.connector = re.compile(r"\s*(?:–|—|‒|-)\s*|\s+(?:to|through|and|or even|or)\s+", re.I)
        hb = alternation(lex.hedges_before)
        self.hedge_before = re.compile(
            rf"(?:(?<![\w])({hb})(?:\s+(?:a|an|the))?\s*|(~)\s*)$", re.I
        )
        self.hedge_after = re.compile(rf"(?:\s*|-)(?:({alternation(lex.hedges_after)})\b|(\+))", re.I)
        self.multiplier_word = re.compile(rf"\b({alternation(lex.multiplier_words)})\b", re.I)
        vague_nouns = alternation(list(lex.currency_words))
        self.vague = re.compile(
            rf"\b({alternation(lex.vague)})(?:\s+of\s+(?:({vague_nouns})\b|([a-z][a-z-]*[a-z]|[A-Z]{{2,}}s)\b))?",
            re.I,
        )
        self.url = re.compile(r"(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.]+|\b[\w-]+\.(?:com|org|net|io|ai|co)(?:/\S*)?\b", re.I)
        # North-American style ("(555) 123-4567") or international with a country code
        # and two or more digit groups ("+1-222-2222/2222", "+44 20 7946 0958").
        self.phone = re.compile(r"(?:\+\d{1,3}[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b"
                                r"|(?<![\w+])\+\d{1,3}(?:[\s/-]\d{2,4}){2,}\b")
        self.time_after = re.compile(r"(?::\d\d)|\s?(?:a\.m\.|p\.m\.|am|pm|GMT|UTC|ET|PT)\b")
        self.month_before = re.compile(rf"\b(?:{'|'.join(MONTHS)})\.?\s+$", re.I)
        self.month_after = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{'|'.join(MONTHS)})\b", re.I)
        self.time_window_before = re.compile(
            r"\b(?:past|last|next|previous|coming|recent|first|final|in|within|every|each|after)\s+(?:the\s+)?(?:\w+\s+)?$"
            r"|\b(?:for|during)\s+the\s+(?:\w+\s+)?$"
            r"|\b(?:over|during|in)\s+the\s+course\s+of\s+$",
            re.I,
        )
        # "two years ago", "with 55 seconds left" (a game clock), "with two years remaining"
        self.time_window_after = re.compile(
            r"^\s+(?:ago|earlier|later|from now|prior(?!\s+to\b)|left|remaining|to play)\b", re.I)
        df = lex.duration_figures
        asserting = alternation(list(df["hedges"]) + list(lex.hedges_before))
        self.duration_asserted_before = re.compile(
            rf"\b(?:within|in\s+(?:{asserting}))\s+$|\bwithin\s+(?:{asserting})\s+$"
            rf"|\b(?:{alternation(df['possessives'])})\s+(?:{alternation(df['ordinals'])})\s+$", re.I)
        self.duration_in_before = re.compile(r"\bin\s+$", re.I)
        self.superlative = re.compile(rf"\b(?:{alternation(df['superlatives'])})\b", re.I)
        self.age_before = re.compile(
            rf"\b(?:{alternation(lex.age_before)})\s+(?:(?:{alternation(list(lex.hedges_before))})\s+)?$", re.I)
        self.event_after = re.compile(rf"^\s+(?:{alternation(df['events_after'])})\b", re.I)
        self.tenure_after = re.compile(rf"^\s+(?:{alternation(df['tenure_after'])})\b", re.I)
        self.between_before = re.compile(r"\b(between|from)\s+$", re.I)
        # "zero to 60 mph (97 kph)", "0-60 mph": the benchmark of an acceleration time
        self.benchmark_speed = re.compile(r"(?i)\b(?:zero|0)(?:\s+to\s+|\s*[-–]\s*)(?:\d+\s*(?:mph|km/h|kph)\s*\(\s*)?\d+")
        # "rose sharply from", "increased 20% from", "increase the average efficiency of
        # multi-junction devices from": a change word a few words before "from"
        self.change_from_before = re.compile(
            rf"\b(?:{alternation(sorted(lex.changes_from))})(?:,?\s+[^\s,;:.]+){{0,14}}?,?\s+from\s+$", re.I)
        self.label_before = re.compile(rf"(?:(?<![\w#])({alternation(lex.label_words)})\.?\s$)")


@lru_cache(maxsize=None)
def _patterns() -> _Patterns:
    return _Patterns(load_lexicon())


def find_quantities(text: str, start: int = 0, end: Optional[int] = None) -> list[Quantity]:
    """Every quantity in text[start:end], in order, with offsets into `text`."""
    return recognise(text, start, end)[0]


def recognise(text: str, start: int = 0, end: Optional[int] = None) -> tuple[list[Quantity], list[Rejected]]:
    """Quantities in text[start:end] and the numbers refused, each with its reason.

    Recognition keeps every number it can read, bare ones included ("1979",
    "Voyager 2"): whether a quantity is a claim is for `figure_refusal` and the
    claim filter to say. Refused here are only strings that are no quantity at all:
    times of day, URLs and phone numbers, codes, spans of years, '/' dates."""
    P = _patterns()
    end = len(text) if end is None else end
    masked = _masked_spans(P, text, start, end)
    widgets = quote_widget_spans(text, start, end)
    atoms, refused = find_atoms(P.lex, text, start, end)
    rejected = [Rejected(r.start, r.end, r.surface, r.reason) for r in refused]
    rejected += [Rejected(a.start, a.end, text[a.start:a.end], "a row of a stock-quote widget (page chrome)")
                 for a in atoms if any(s <= a.start < e for s, e in widgets)]
    atoms = [a for a in atoms if not any(s <= a.start < e for s, e in widgets)]
    found: list[Quantity] = []

    consumed_until = -1
    for i, atom in enumerate(atoms):
        if atom.start < consumed_until:
            continue
        if any(s <= atom.start < e for s, e in masked):
            rejected.append(Rejected(atom.start, atom.end, text[atom.start:atom.end], "inside a URL, e-mail or phone number"))
            continue
        if atom.standalone:
            found.append(Quantity(start=atom.start, end=atom.end, surface=text[atom.start:atom.end],
                                  value=_clean(atom.base), unit="count"))
            consumed_until = atom.end
            continue
        q, reason, q_end = _grow(P, text, atom, atoms[i + 1:], end)
        if q is None:
            rejected.append(Rejected(atom.start, atom.end, text[atom.start:atom.end], reason))
            continue
        q = _accounting_negative(text, q, found[-1] if found else None, start, end)
        found.append(q)
        consumed_until = max(q_end, q.end)

    found.extend(_word_forms(P, text, start, end))
    found = refine_units(text, found, start, end, hedge=lambda s, e: _hedge(P, text, s, e, end))
    found = [q for q in found if not any(s <= q.start < e for s, e in masked + widgets)]
    return _conversions_hedged(text, _resolve_overlaps(found)), rejected


_CONVERSION_GAP = re.compile(r"[ \t]*\([ \t]*|,?[ \t]+or[ \t]+")


def _conversions_hedged(text: str, qs: list[Quantity]) -> list[Quantity]:
    """A figure restated in other units right after a hedged one takes its hedge:
    "about 2,300 tons (2,095 metric tons)", "up to $12.9bn (£10bn)", "about 2,750 tons,
    or 2,500 metric tons"."""
    out: list[Quantity] = []
    for q in qs:
        prev = out[-1] if out else None
        if prev is not None and q.approx == Approx.exact and prev.approx != Approx.exact \
                and q.unit != "count" and _CONVERSION_GAP.fullmatch(text[prev.end:q.start]):
            q = q.model_copy(update={"approx": prev.approx, "hedge": prev.hedge})
        out.append(q)
    return out


# ---------------------------------------------------------------- the number layer


@dataclass(frozen=True)
class Number:
    """A number as the text writes it, with its scale word but no currency or unit:
    "$2.5 billion" holds the Number "2.5 billion" (2.5e9); [start, end) are true offsets."""

    start: int
    end: int
    value: float


def find_numbers(text: str, start: int = 0, end: Optional[int] = None) -> list[Number]:
    """Every free number in text[start:end], in order: digits or words with their scale word
    ("10k", "1.2bn", "2mil", "3 hundred and 21"), fractions as written ("half" is 0.5).

    A number that is part of a longer token is no free number and is left out: one glued to
    letters that are no scale word ("180ml", "29km", "4th"), part of a name or code ("GPT-4"),
    or inside a URL, e-mail address, phone number or time of day."""
    return read_numbers(text, start, end)[0]


def read_numbers(text: str, start: int = 0, end: Optional[int] = None) -> tuple[list[Number], list[Rejected]]:
    """The free numbers in text[start:end] and the numbers left out, each with its reason.

    Built on the same atoms and scale reading as the quantities (`_read_part`), not on a
    parser of its own."""
    P = _patterns()
    end = len(text) if end is None else end
    masked = _masked_spans(P, text, start, end)
    atoms, refused = find_atoms(P.lex, text, start, end)
    left_out = [Rejected(r.start, r.end, r.surface, r.reason) for r in refused]
    numbers: list[Number] = []
    for atom in atoms:
        if numbers and atom.start < numbers[-1].end:
            continue  # swallowed by the scale word of the number before
        number_end, value = atom.end, atom.base
        if not atom.standalone:
            part = _read_part(P, text, atom, end)
            if isinstance(part, str):
                left_out.append(Rejected(atom.start, atom.end, text[atom.start:atom.end], part))
                continue
            number_end, value = part.number_end, atom.base * (part.scale or 1)
        reason = _token_part(P, text, atom.start, number_end, masked)
        if reason:
            left_out.append(Rejected(atom.start, number_end, text[atom.start:number_end], reason))
            continue
        numbers.append(Number(atom.start, number_end, _clean(value)))
    return numbers, left_out


def _token_part(P: _Patterns, text: str, s: int, e: int, masked: list[tuple[int, int]]) -> Optional[str]:
    """Why the number at text[s:e] is part of a longer token, or None if it stands free."""
    if any(ms <= s < me for ms, me in masked):
        return "inside a URL, e-mail or phone number"
    if text[e:e + 1].isalpha():
        return f"glued to letters that are no scale word ('{text[s:e]}{_glued_tail(text, e)}')"
    if P.time_after.match(text, e) or re.search(r"\d:$", text[max(0, s - 3):s]):
        return "a time of day"
    if _CODE_BEFORE.search(text[max(0, s - 30):s]):
        return "part of a code (scp2-173)"
    return None


def _glued_tail(text: str, e: int) -> str:
    return re.match(r"[A-Za-z]*", text[e:e + 20]).group(0)


# A code before a hyphen and a number: letters and digits mixed ("scp2-173", "A320neo-2").
_CODE_BEFORE = re.compile(r"(?:[A-Za-z]+\d|\d+[A-Za-z])[A-Za-z\d]*-$")


def _accounting_negative(text: str, q: Quantity, previous: Optional[Quantity], start: int, end: int) -> Quantity:
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
# Where a statement gives a value: after a copula, "of", a colon or "=", or as the first
# thing on a line or in a table cell.
_STATED_BEFORE = re.compile(r"(?:\b(?:is|was|were|are|be|been|of|at|totaled|totalled|reached)|[:=|\t\n]|^)[ \t]*$", re.I)


DURATION_UNITS = ("year", "month", "day", "hour", "minute", "second")
# A scale word makes a bare number a figure ("11 million"), never a label, version or name.
SCALED = re.compile(r"(?i)\b(?:thousand|million|billion|trillion|lakh|crore)s?\b|\d(?:bn|mn|m|k)\b")


def figure_refusal(text: str, q: Quantity) -> Optional[str]:
    """Why a recognised quantity is not a figure a claim can be about, or None.

    Recognition reads every number; this says which are time references (years,
    days of a month, "the past two years"), labels (list numbering, "No. 5"), or
    parts of names ("GPT-4 models", "Windows 11"). `q` has offsets into `text`.
    """
    P = _patterns()
    before = text[max(0, q.start - 30):q.start]
    after = text[q.end:q.end + 30]
    count = q.unit == "count"
    surface = q.surface
    digits = re.match(r"-?\d[\d,.]*", surface)
    first = q.value if q.value is not None else q.low
    if count and re.fullmatch(r"\d{4}", digits.group(0) if digits else "") and first is not None and (
            1800 <= first <= 2199 and first == int(surface[:4])):
        if text[q.start + 4:q.start + 5] == "s" or text[q.start + 4:q.start + 6] == "'s":
            return "a decade"
        return "a year"
    if count and digits and first is not None and first == int(first) and 1 <= first <= 31 and (
            P.month_before.search(before) or P.month_after.match(text[q.start + len(digits.group(0)):][:20])):
        return "a day of a month"
    if digits and re.search(r"[A-Za-z]-$", before) and q.low is None:
        return "part of a name or code (GPT-4, Colossus-1)"
    line_start = before.rfind("\n")
    line_before = before[line_start + 1:] if line_start >= 0 else (before if q.start - 30 <= 0 else None)
    if count and digits and not q.noun and line_before is not None and re.fullmatch(r"[\s(#]*", line_before) and re.match(
            r"[.)]\s", text[q.start + len(digits.group(0)):][:2]):
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


def _time_window(P: _Patterns, text: str, q: Quantity, before: str, after: str) -> bool:
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


_NUMBER_BEFORE = re.compile(r"(?:\b\d+|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|several|"
                            r"few|many))[ \u00a0]$", re.I)


def _capitalised_before(P: _Patterns, before: str) -> bool:
    """A capitalised word right before the number, not opening a sentence, that may be
    a name ("Windows 11", "Kimi 2.7"); a function or hedge word is none, even
    capitalised ("Over 88,000 workers", "About 40 firms")."""
    m = re.search(r"[^.!?\s]\s([A-Z][\w.-]*)\s$", before)
    if not m:
        return False
    word = m.group(1).lower()
    return word not in FUNCTION_WORDS and word not in P.lex.hedges_before


# ---------------------------------------------------------------- growing atoms into quantities


def _grow(P: _Patterns, text: str, atom: Atom, following: list[Atom], limit: int):
    """Build a quantity around `atom`. Returns (Quantity|None, reason, end offset)."""
    first = _read_part(P, text, atom, limit)
    if isinstance(first, str):
        return None, first, atom.end
    following = [f for f in following if f.start >= first.end and not f.standalone]
    inverted = _percent_of(P, text, first)
    if inverted is not None:
        return inverted, "", first.end
    factor = _factor_of(P, text, first, limit)
    if factor is not None:
        return factor, "", factor.end
    sub = _subunit(P, text, first, following, limit)
    if sub is not None:
        return sub, "", sub.end
    ratio = _ratio(P, text, first, following, limit)
    if ratio is not None:
        return ratio, "", ratio.end
    part2 = None
    conn = P.connector.match(text, first.end, limit)
    if conn and following and following[0].start == _skip_currency(P, text, conn.end(), limit):
        between = P.between_before.search(text, max(0, first.start - 12), first.start)
        word = conn.group(0).strip().lower()
        # "rose from $10 billion to $12 billion": two figures, the second read on its own
        change = word == "to" and between is not None and between.group(1).lower() == "from" and \
            P.change_from_before.search(text, max(0, between.end() - 160), between.end()) is not None
        if not change and (word != "and" or between):
            cand = _read_part(P, text, following[0], limit, prefix_from=conn.end())
            if not isinstance(cand, str) and _compatible(first, cand) and not (
                    word == "or" and _alternatives(first, cand)):
                part2 = cand
    reason = _refuse(P, text, first, part2)
    if reason:
        return None, reason, atom.end
    q, reason, q_end = _to_quantity(P, text, first, part2, limit)
    if part2 is not None and q.approx == Approx.exact and re.fullmatch(r"(?:or|or even)", word):
        # "$5 billion or even $10 billion", "five or six people": a guess between two figures.
        q = q.model_copy(update={"approx": Approx.approximately})
    return q, reason, q_end


def _percent_of(P: _Patterns, text: str, part: _Part) -> Optional[Quantity]:
    """'percent of 10' opening a sentence: the percent word stands before its number."""
    if part.unit != "count" or part.noun or part.currency:
        return None
    m = P.percent_of_before.search(text, max(0, part.start - 30), part.start)
    if not m:
        return None
    s = m.start(1)
    return Quantity(start=s, end=part.end, surface=text[s:part.end], value=_clean(part.atom.base * (part.scale or 1)),
                    unit="percent")


_FACTOR_OF = re.compile(r"\bfactor\s+of\s+$", re.I)


def _factor_of(P: _Patterns, text: str, part: _Part, limit: int) -> Optional[Quantity]:
    """'cut by a factor of two', 'a factor of 10 more': a multiplier."""
    if part.unit != "count" or part.noun or part.currency or part.atom.fraction or part.atom.base * (part.scale or 1) < 1:
        return None  # "a factor of 2.48×10−5" is a coefficient, not a multiple
    m = _FACTOR_OF.search(text, max(0, part.start - 14), part.start)
    if not m:
        return None
    s = m.start()
    approx, hedge = _hedge(P, text, s, part.end, limit)
    return Quantity(start=s, end=part.end, surface=text[s:part.end], value=_clean(part.atom.base * (part.scale or 1)),
                    unit="times", approx=approx, hedge=hedge)


_RATIO = re.compile(r"\s+(?:in|out\s+of)(?:\s+every)?\s+", re.I)


def _ratio(P: _Patterns, text: str, first: _Part, following: list[Atom], limit: int) -> Optional[Quantity]:
    """'1 in 10 get treatment', 'one out of every three adults': a share, in percent."""
    if first.unit != "count" or first.noun or first.currency or first.scale or first.atom.fraction:
        return None
    m = _RATIO.match(text, first.end, limit)
    if not (m and following and following[0].start == m.end()):
        return None
    a, b = first.atom.base, following[0]
    if b.scale or b.fraction or b.standalone or b.is_int4 or not (0 < a < b.base) or a != int(a) or b.base != int(b.base):
        return None
    approx, hedge = _hedge(P, text, first.start, b.end, limit)
    return Quantity(start=first.start, end=b.end, surface=text[first.start:b.end], value=_clean(100 * a / b.base),
                    unit="percent", approx=approx, hedge=hedge)


def _subunit(P: _Patterns, text: str, first: _Part, following: list[Atom], limit: int) -> Optional[Quantity]:
    """'3 dollars 50 cents', 'thirteen dollars and forty-five cents': one amount."""
    if not (first.currency and first.from_word and first.factor == 1.0 and following):
        return None
    subunits = P.lex.currency_subunits.get(first.currency)
    gap = re.fullmatch(r",?\s+(?:and\s+)?", text[first.end:following[0].start])
    if not subunits or not gap:
        return None
    nxt = _read_part(P, text, following[0], limit)
    if isinstance(nxt, str) or nxt.atom.base <= 0 or nxt.scale:
        return None
    tail = text[nxt.atom.end:nxt.end].strip().lower()
    if nxt.currency == first.currency and tail in subunits:
        cents = nxt.atom.base * nxt.factor
    elif nxt.unit == "count" and not nxt.noun and nxt.atom.base < 100 and re.match(r"\s*(?:[.,;!?)]|$)", text[nxt.end:nxt.end + 2]):
        cents = nxt.atom.base / 100
    else:
        return None
    value = first.atom.base * (first.scale or 1) + cents
    approx, hedge = _hedge(P, text, first.start, nxt.end, limit)
    return Quantity(start=first.start, end=nxt.end, surface=text[first.start:nxt.end], value=_clean(value),
                    unit=first.currency, approx=approx, hedge=hedge)


def _skip_currency(P: _Patterns, text: str, pos: int, limit: int) -> int:
    """Where the number starts if a currency sign stands at `pos` ("$185")."""
    window = text[pos:min(limit, pos + 6)]
    for sign in sorted(P.lex.currency_signs, key=len, reverse=True):
        if window.startswith(sign):
            pos += len(sign)
            return pos + (1 if text[pos:pos + 1] == " " else 0)
    return pos


def _read_part(P: _Patterns, text: str, atom: Atom, limit: int, prefix_from: Optional[int] = None):
    """Currency before, scale and unit after. Returns a _Part or a refusal reason."""
    lex = P.lex
    part = _Part(atom.start, atom.end, atom, scale=atom.scale)
    lo = prefix_from if prefix_from is not None else max(0, atom.start - 8)
    spaced = P.currency_prefix_spaced.search(text, max(0, atom.start - 12), atom.start)
    before = P.currency_before.search(text, lo, atom.start)
    if spaced and prefix_from is None:
        part.currency = lex.currency_prefixes_spaced[spaced.group(1).lower()]
        part.start = spaced.start()
    elif before:
        sign = before.group(1) or before.group(2)
        part.currency = lex.currency_signs.get(sign) or lex.currency_codes.get(sign)
        part.start = before.start()
        # A minus before the currency sign: "-$5 million".
        if part.start > 0 and text[part.start - 1] in "-−" and (part.start == 1 or not text[part.start - 2].isalnum()):
            part.start -= 1
            part.atom = atom = Atom(atom.start, atom.end, -abs(atom.base), atom.scale, atom.spelled, atom.is_int4,
                                    atom.fraction)
    pos = atom.end
    # Letters glued to a digit number must be a scale or a unit: "5bn", "15.2GW", "1000x".
    if not atom.spelled:
        glued = P.glued_letters.match(text, pos, limit)
        if glued:
            g = glued.group(0)
            ok = (
                g.lower() in lex.scales
                or (g.lower() in lex.scales_short and (part.currency or g in ("k", "K")))
                or (P.scale_bare_glued.match(text, pos, limit) and re.fullmatch(r"-?\d{1,3}(?:\.\d+)?", text[atom.start:atom.end]))
                or P.unit_symbol_glued.match(text, pos, limit)
                or g.lower() in ("x", "fold")
                or P.percent.match(text, pos, limit)
                or P.currency_after_code.match(text, pos, limit)
            )
            if not ok:
                return f"letters glued to the number ('{text[atom.start:glued.end()]}'): a name, ordinal or code"
    if atom.scale is None and not atom.fraction:
        m = P.scale.match(text, pos, limit)
        if m:
            part.scale = lex.scales[m.group(1).lower()]
            pos = m.end()
        else:
            m = P.scale_short.match(text, pos, limit)
            if m and (part.currency or m.group(1) in ("k", "K")) and not P.unit_symbol_glued.match(text, pos, limit) or (
                m and part.currency and m.group(1) in ("m", "M", "b", "B", "bn")
            ):
                part.scale = lex.scales_short[m.group(1).lower()]
                pos = m.end()
            elif not atom.spelled:
                # Case-sensitive bare scales ("10M", "1,674,200.5 M"), and after a currency
                # the banker's "MM" ("US$ 1MM") that the short scales above do not read.
                m = P.scale_bare_glued.match(text, pos, limit) or P.scale_bare_spaced.match(text, pos, limit)
                short = re.fullmatch(r"-?\d{1,3}(?:\.\d+)?", text[atom.start:atom.end])
                if m and (short or part.currency or m.re is P.scale_bare_spaced) and not P.unit_symbol_glued.match(
                        text, pos, limit):
                    table = lex.scales_bare_glued if m.re is P.scale_bare_glued else lex.scales_bare_spaced
                    part.scale = table[m.group(1)]
                    pos = m.end()
    part.end = part.number_end = pos
    if part.currency:
        # "$5 billion dollars" is rare; a currency word may still follow ("-dollar").
        m = P.currency_after_word.match(text, pos, limit)
        if m and text[pos] == "-":
            part.adjective = True
            part.end = m.end()
        return _money_fraction(part)
    m = P.percent.match(text, pos, limit)
    if m:
        part.unit = lex.percent[(m.group(1) or m.group(2)).lower()]
        part.end = m.end()
        return part
    m = P.currency_after_sign.match(text, pos, limit)
    if m:
        part.currency = lex.currency_signs_after[m.group(1)]
        part.end = m.end()
        return part
    m = P.currency_after_code.match(text, pos, limit) or P.currency_after_lower.match(text, pos, limit)
    if m:
        part.currency = lex.currency_codes.get(m.group(1)) or lex.currency_codes_lowercase_after[m.group(1)]
        part.end = m.end()
        return part
    m = P.currency_after_word.match(text, pos, limit)
    if m:
        part.currency = lex.currency_words[m.group(1).lower()]
        part.adjective = text[pos] == "-"
        part.from_word = True
        part.end = m.end()
        return _money_fraction(part)
    if (part.scale or 1) >= 1e3:
        m = P.currency_word_scaled.match(text, pos, limit)
        if m:
            part.currency = lex.currency_words_scaled[m.group(1).lower()]
            part.from_word = True
            part.end = m.end()
            return part
    m = P.multiplier.match(text, pos, limit)
    if m:
        word = m.group(1)
        if word and word.lower() == "times":
            nxt = re.match(r"\s+([A-Za-z]+)", text[m.end():m.end() + 20])
            # "by 13 times", "has increased four times", "grew 30 times": a multiple
            by = re.search(r"\b(?:by|increased|grew|grown|multiplied|expanded|tripled|doubled)\s+(?:\w+\s+)?$",
                           text[max(0, atom.start - 24):atom.start], re.I)
            if part.scale is None and ((nxt and nxt.group(1).lower() in COMPARATIVES) or by):
                part.unit = "times"
            else:
                part.unit, part.noun = "count", "times"
        else:
            part.unit = "times"
        part.end = m.end()
        return part
    m = P.duration.match(text, pos, limit)
    if m:
        part.unit, part.factor = lex.durations[m.group(1).lower()]
        part.adjective = text[pos] == "-"
        part.end = m.end()
        return part
    m = P.unit_symbol_glued.match(text, pos, limit) or P.unit_symbol_spaced.match(text, pos, limit)
    if m:
        part.unit, part.factor = lex.unit_symbols[m.group(1)]
        part.end = m.end()
        return part
    m = P.unit_name.match(text, pos, limit)
    if m:
        part.unit, part.factor = lex.unit_names[m.group(1).lower()]
        part.end = m.end()
        return part
    part.unit = "count"
    if atom.fraction:
        return part  # "a third party" is no count of parties
    m = P.noun.match(text, pos, limit)
    hedge = P.hedge_after.match(text, pos, limit)
    if hedge and text[hedge.end():hedge.end() + 1] == " ":
        m = P.noun.match(text, hedge.end(), limit) or m  # "60+ stores", "95-plus votes", "5 or more sites"
    if m and m.group(1).lower() not in FUNCTION_WORDS and re.split(r"[-'’]", m.group(1).lower())[0] not in P.number_word_set:
        part.noun = m.group(1)
        part.adjective = text[pos] == "-"
        part.end = m.end()
    return part


def _money_fraction(part: _Part) -> _Part:
    # "cents" and "pence" are hundredths of the currency, "dimes" tenths.
    if part.currency and "/" in part.currency:
        code, per = part.currency.split("/")
        part.currency = code
        part.factor = 1 / float(per)
    return part


def _compatible(a: _Part, b: _Part) -> bool:
    if a.currency and b.currency and a.currency != b.currency:
        return False
    # One end in money, the other a percent or a counted thing: "rose 15% to $415.9 million".
    for x, y in ((a, b), (b, a)):
        if x.currency and not y.currency and not (y.unit == "count" and y.noun is None):
            return False
    if a.unit and a.unit != "count" and b.unit and b.unit != a.unit:
        return False
    if a.unit == "count" and a.noun and b.unit != "count":
        return False
    if a.adjective or b.adjective and b.unit == "count":
        return False
    if a.atom.fraction != b.atom.fraction:
        return False
    if a.atom.is_int4 and b.atom.is_int4 and not (a.currency or b.currency):
        return False
    lo, hi = _ends(a, b)
    return lo < hi


def _ends(a: _Part, b: _Part) -> tuple[float, float]:
    """The two ends of a range, the first borrowing the second's scale ("2 to 3 million")."""
    lo = a.atom.base * (a.scale or 1)
    hi = b.atom.base * (b.scale or 1)
    if a.scale is None and b.scale and a.atom.base <= b.atom.base:
        lo = a.atom.base * b.scale
    return lo, hi


def _alternatives(a: _Part, b: _Part) -> bool:
    """'either 10 bln or 10 tln': two figures joined by 'or' that lie a factor of 100 or more
    apart, or that are the same number at different scales, are two choices, not a range
    ("five or six people" and "$5 billion or even $10 billion" are ranges)."""
    lo, hi = _ends(a, b)
    rescaled = a.atom.base == b.atom.base and a.scale and b.scale and a.scale != b.scale
    return bool(rescaled) or (lo > 0 and hi / lo >= 100)


def _refuse(P: _Patterns, text: str, a: _Part, b: Optional[_Part]) -> Optional[str]:
    """Why a number is no quantity at all (claims are judged later, by `figure_refusal`)."""
    atom = a.atom
    bare = a.currency is None and (a.unit == "count") and (b is None or b.unit == "count")
    before = text[max(0, a.start - 30):a.start]
    if bare and P.time_after.match(text, atom.end):
        return "a time of day"
    if re.search(r"\d:$", before):
        return "a time of day"
    if _CODE_BEFORE.search(before):
        return "part of a code (scp2-173)"
    if atom.fraction and a.unit == "count" and _fraction_is_time(text, a.start, a.end):
        return "part of a period (first half, second quarter)"
    return None


def _to_quantity(P: _Patterns, text: str, a: _Part, b: Optional[_Part], limit: int):
    lex = P.lex
    last = b or a
    unit = a.currency or b and b.currency or (b.unit if b and b.unit != "count" else a.unit) or "count"
    if b and b.currency:
        unit = b.currency
    factor = (b.factor if b else a.factor) if not a.currency else a.factor
    noun = (b.noun if b else a.noun)
    value = low = high = None
    if b:
        hi_scale = b.scale or 1
        lo_scale = a.scale if a.scale else (b.scale if (b.scale and a.atom.base <= b.atom.base) else 1)
        low = a.atom.base * lo_scale * factor
        high = b.atom.base * hi_scale * factor
    else:
        value = a.atom.base * (a.scale or 1) * factor
    start, end = a.start, last.end
    approx, hedge = _hedge(P, text, start, end, limit, inner=last.number_end)
    vague = a.adjective and unit not in ("year", "month", "day", "hour", "minute", "second", "count")
    if vague and approx == Approx.exact:
        approx = Approx.approximately
    if unit == "count" and noun is None and not a.atom.fraction and P.age_before.search(text, max(0, start - 40), start):
        unit = "year"  # an age: "children age 5-11", "died at the age of 34"
    if unit == "count" and a.atom.fraction and _is_proportion(text, start, end, hedge):
        # "nearly half", "two-thirds of respondents", "cut by a third": a share, in percent.
        unit = "percent"
        value, low, high = (None if x is None else x * 100 for x in (value, low, high))
    q = Quantity(
        start=start,
        end=end,
        surface=text[start:end],
        value=_clean(value),
        low=_clean(low),
        high=_clean(high),
        unit=unit,
        approx=approx,
        hedge=hedge,
        noun=noun,
        vague=vague,
    )
    return q, "", end


def _clean(x: Optional[float]) -> Optional[float]:
    """Round away binary noise (0.1 * 3) without losing stated precision."""
    if x is None:
        return None
    return float(f"{x:.12g}")


def _hedge(P: _Patterns, text: str, start: int, end: int, limit: int,
           inner: Optional[int] = None) -> tuple[Approx, Optional[str]]:
    """The hedge before the quantity or after it; `inner` is where its number ends, for
    a hedge between the number and its noun ("60+ stores")."""
    lead = start
    between = P.between_before.search(text, max(0, start - 12), start)
    if between:
        lead = between.start()
    m = P.hedge_before.search(text, max(0, lead - 40), lead)
    if m:
        phrase = m.group(1) or m.group(2)
        if phrase.lower() in P.lex.hedges_passing and re.search(r"\bthe\s*$", m.group(0), re.I):
            # "surpassing the $21 billion costs" names a known figure that was passed;
            # only a threshold noun makes it a bound ("topped the $1 billion mark").
            nxt = re.match(r"\s+([a-z]+)", text[end:end + 30])
            if not (nxt and nxt.group(1) in P.lex.threshold_nouns):
                return Approx.exact, None
        return Approx(P.lex.hedges_before.get(phrase.lower(), "approximately")), phrase
    m = P.hedge_after.match(text, end, limit) or (
        P.hedge_after.match(text, inner, limit) if inner is not None and 0 <= inner < end else None)
    if m:
        phrase = m.group(1) or m.group(2)
        return Approx(P.lex.hedges_after.get(phrase.lower(), "at least")), phrase
    if between and between.group(1).lower() == "between" and re.search(r"somewhere\s+$", text[max(0, lead - 12):lead]):
        return Approx.approximately, "somewhere"
    return Approx.exact, None


# ---------------------------------------------------------------- word-only forms


def _word_forms(P: _Patterns, text: str, start: int, end: int) -> list[Quantity]:
    lex = P.lex
    out = []
    for m in P.multiplier_word.finditer(text, start, end):
        w = m.group(1).lower()
        if text[m.end():m.end() + 1] == "-" or text[m.start() - 1:m.start()] == "-" and m.start() > start:
            continue  # "double-digit", "triple-doubles"
        if re.match(r"\s+(?:as|up|down|back)\b", text[m.end():m.end() + 8]):
            continue  # "doubles as a display", "doubled up": no multiple
        approx, hedge = _hedge(P, text, m.start(), m.end(), end)
        if "magnitude" in w and approx == Approx.exact:
            approx = Approx.approximately
        s = m.start()
        if w.startswith("an "):
            s += 3
        out.append(Quantity(start=s, end=m.end(), surface=text[s:m.end()], value=lex.multiplier_words[w],
                            unit="times", approx=approx, hedge=hedge))
    for m in P.article_currency.finditer(text, start, end):
        # "a penny", "a dollar": one of the unit, the article standing for the number.
        code = lex.currency_words[m.group(2).lower()]
        per = float(code.split("/")[1]) if "/" in code else 1.0
        out.append(Quantity(start=m.start(), end=m.end(), surface=m.group(0), value=_clean(1 / per),
                            unit=code.split("/")[0]))
    for m in P.vague.finditer(text, start, end):
        phrase = m.group(1).lower()
        lo, hi = lex.vague[phrase]
        cur, noun = m.group(2), m.group(3)
        if noun and noun.lower() in FUNCTION_WORDS:
            noun = None
        if not cur and not noun:
            continue  # "hundreds" alone says nothing countable
        if phrase in ("hundreds", "dozens") and noun and noun.lower() in ("billions", "millions", "thousands"):
            continue
        unit = lex.currency_words[cur.lower()] if cur else "count"
        e = m.end() if (cur or noun) else m.end(1)
        approx, hedge = _hedge(P, text, m.start(), e, end)
        out.append(Quantity(start=m.start(), end=e, surface=text[m.start():e], low=lo, high=hi, unit=unit.split("/")[0],
                            approx=Approx.approximately if approx == Approx.exact else approx, hedge=hedge,
                            noun=noun, vague=True))
    return out


def _is_proportion(text: str, start: int, end: int, hedge: Optional[str]) -> bool:
    followed_by_of = re.match(r"\s+of\b", text[end:end + 5])
    if "-" in text[start:end] and re.match(r"\s+[a-z]+", text[end:end + 20]) and not re.match(
            r"\s+(?:and|or|to|in|on|at|is|was|are|were)\b", text[end:end + 6]):
        return True  # "the two-thirds threshold", "a one-fifth stake"
    by_before = re.search(r"\b(?:by|in|cut|halved)\s+(?:\w+\s+)?$", text[max(0, start - 20):start])
    out_of = re.search(r"\bout\s+of\b", text[start:end])  # "293 out of 300" is always a share
    return bool(hedge or followed_by_of or by_before or out_of)


def _fraction_is_time(text: str, s: int, e: int) -> bool:
    before = text[max(0, s - 25):s].lower()
    after = text[e:e + 25].lower()
    if re.search(r"\b(?:first|second|third|fourth|final|last|latter|former|back|front|top|bottom|other|one and|two and)\s+$", before):
        return True
    if re.match(r"\s+(?:of\s+)?(?:the\s+)?(?:year|fiscal|financial|20\d\d|century|decade|an hour|a century)", after):
        return True
    if re.match(r"[-\s](?:time|hour|way|day|year|dozen|life|point)", after):
        return True
    return False


def _resolve_overlaps(qs: list[Quantity]) -> list[Quantity]:
    """Keep the longest of overlapping quantities ("two-thirds" beats "two")."""
    qs = sorted(qs, key=lambda q: (q.start, -(q.end - q.start)))
    out: list[Quantity] = []
    for q in qs:
        if out and q.start < out[-1].end:
            if (q.end - q.start) > (out[-1].end - out[-1].start):
                out[-1] = q
            continue
        out.append(q)
    return out


def _masked_spans(P: _Patterns, text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = [m.span() for m in P.url.finditer(text, start, end)]
    spans += [m.span() for m in P.phone.finditer(text, start, end)]
    return spans
