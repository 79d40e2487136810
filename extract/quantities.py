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
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from claims.models import Approx, Quantity
from extract.lexicon import Lexicon, alternation, load_lexicon

MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()

# Words after a number that are not the thing counted ("5 of the", "10 to 12").
FUNCTION_WORDS = frozenset(
    """a an the of to in on at by for from and or nor but as than so that which who whom
    whose this these those it its is was are were be been being has have had do does did
    will would could can may might should must shall with into onto over under after before
    since until till while when where if per vs versus via up down out off more less most
    least about around across against among between through during without within upon
    percent times year years month months week weeks day days hour hours minute minutes
    second seconds decade decades quarter quarters half each every other another such
    same only just also even still yet already not no nor both either neither all any
    some many much few several one two three four five six seven eight nine ten first
    last next previous new old i we you he she they me us him her them my our your their
    his ago later earlier today yesterday tomorrow now then there here again
    half halves third thirds quarter quarters fifth fifths tenth tenths""".split()
) | frozenset(MONTHS)

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


@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    base: float
    scale: Optional[float]  # from a magnitude word inside a spelled-out number
    spelled: bool
    is_int4: bool  # four digits, no comma or decimal: a year candidate


@dataclass
class _Part:
    """One side of a quantity: currency, number, scale, unit, as read from the text."""

    start: int
    end: int
    atom: _Atom
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
        self.digit = re.compile(
            r"(?<![\w.,/#])(?P<sign>(?<![^\s(\[])[-−](?=\d))?"
            r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
        )
        words = list(lex.number_words) + list(lex.magnitudes) + ["dozen"]
        nw = alternation(words)
        self.word_num = re.compile(
            rf"\b(?:(?:a|an)\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?"
            rf"(?:{nw})(?:(?:\s+|-)(?:{nw}))*\b",
            re.I,
        )
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
        self.multiplier = re.compile(r"(?:\s(times)\b|(x|×)(?![\w])|-?(fold)\b)", re.I)
        self.duration = re.compile(rf"(?:\s|-)({alternation(lex.durations)})\b", re.I)
        # Spaced symbols must be at least two letters and not an English word.
        spaced = [s for s in lex.unit_symbols if len(s) >= 2 and s not in ("in", "mi", "ha", "Mt")]
        self.unit_symbol_glued = re.compile(rf"({alternation(lex.unit_symbols)})(?![\w²³/])")
        self.unit_symbol_spaced = re.compile(rf"\s({alternation(spaced)})(?![\w²³])")
        self.unit_name = re.compile(rf"(?:\s|-)({alternation(lex.unit_names)})\b", re.I)
        self.noun = re.compile(r"(?:\s|-)([a-z][a-z'’-]*[a-z]|[a-z]|[A-Z]{2,}s)\b")
        self.glued_letters = re.compile(r"[A-Za-z]+")
        self.connector = re.compile(r"\s*(?:–|—|‒|-)\s*|\s+(?:to|through|and|or even|or)\s+", re.I)
        hb = alternation(lex.hedges_before)
        self.hedge_before = re.compile(
            rf"(?:(?<![\w])({hb})(?:\s+(?:a|an|the))?\s*|(~)\s*)$", re.I
        )
        self.hedge_after = re.compile(rf"\s*(?:({alternation(lex.hedges_after)})\b|(\+))", re.I)
        self.multiplier_word = re.compile(rf"\b({alternation(lex.multiplier_words)})\b", re.I)
        self.fraction = re.compile(rf"\b({alternation(lex.fractions)})\b", re.I)
        vague_nouns = alternation(list(lex.currency_words))
        self.vague = re.compile(
            rf"\b({alternation(lex.vague)})(?:\s+of\s+(?:({vague_nouns})\b|([a-z][a-z-]*[a-z]|[A-Z]{{2,}}s)\b))?",
            re.I,
        )
        self.url = re.compile(r"(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.]+|\b[\w-]+\.(?:com|org|net|io|ai|co)(?:/\S*)?\b", re.I)
        self.phone = re.compile(r"(?:\+\d{1,3}[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b")
        self.time_after = re.compile(r"(?::\d\d)|\s?(?:a\.m\.|p\.m\.|am|pm|GMT|UTC|ET|PT)\b")
        self.month_before = re.compile(rf"\b(?:{'|'.join(MONTHS)})\.?\s+$", re.I)
        self.month_after = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{'|'.join(MONTHS)})\b", re.I)
        self.time_window_before = re.compile(
            r"\b(?:past|last|next|previous|coming|recent|first|final|in|within|every|each)\s+(?:the\s+)?(?:\w+\s+)?$",
            re.I,
        )
        self.time_window_after = re.compile(r"^\s+(?:ago|earlier|later|from now|before|after|prior)\b", re.I)
        self.between_before = re.compile(r"\b(between|from)\s+$", re.I)


@lru_cache(maxsize=None)
def _patterns() -> _Patterns:
    return _Patterns(load_lexicon())


def find_quantities(text: str, start: int = 0, end: Optional[int] = None) -> list[Quantity]:
    """Every quantity in text[start:end], in order, with offsets into `text`."""
    return recognise(text, start, end)[0]


def recognise(text: str, start: int = 0, end: Optional[int] = None) -> tuple[list[Quantity], list[Rejected]]:
    """Quantities in text[start:end] and the numbers refused, each with its reason."""
    P = _patterns()
    end = len(text) if end is None else end
    masked = _masked_spans(P, text, start, end)
    rejected: list[Rejected] = []
    found: list[Quantity] = []

    atoms = _atoms(P, text, start, end)
    consumed_until = -1
    for i, atom in enumerate(atoms):
        if atom.start < consumed_until:
            continue
        if any(s <= atom.start < e for s, e in masked):
            rejected.append(Rejected(atom.start, atom.end, text[atom.start:atom.end], "inside a URL, e-mail or phone number"))
            continue
        q, reason, q_end = _grow(P, text, atom, atoms[i + 1:], end)
        if q is None:
            rejected.append(Rejected(atom.start, atom.end, text[atom.start:atom.end], reason))
            continue
        found.append(q)
        consumed_until = q_end

    found.extend(_word_forms(P, text, start, end))
    found = [q for q in found if not any(s <= q.start < e for s, e in masked)]
    return _resolve_overlaps(found), rejected


# ---------------------------------------------------------------- atoms


def _atoms(P: _Patterns, text: str, start: int, end: int) -> list[_Atom]:
    lex = P.lex
    atoms = []
    for m in P.digit.finditer(text, start, end):
        num = m.group("num")
        base = float(num.replace(",", ""))
        if m.group("sign"):
            base = -base
        is_int4 = bool(re.fullmatch(r"\d{4}", num))
        atoms.append(_Atom(m.start(), m.end(), base, None, False, is_int4))
    for m in P.word_num.finditer(text, start, end):
        for a in _split_word_number(lex, text, m.start(), m.end()):
            atoms.append(a)
    atoms.sort(key=lambda a: (a.start, -a.end))
    # Digit atoms never overlap word atoms; drop exact duplicates defensively.
    out, last_end = [], -1
    for a in atoms:
        if a.start >= last_end:
            out.append(a)
            last_end = a.end
    return _merge_and(lex, text, out)


def _split_word_number(lex: Lexicon, text: str, s: int, e: int) -> list[_Atom]:
    """A run of number words may hold two numbers ("two three"); keep it simple: one
    number unless a units word follows another units word."""
    tokens = [(m.start() + s, m.end() + s, m.group(0).lower()) for m in re.finditer(r"[A-Za-z]+", text[s:e])]
    groups: list[list[tuple[int, int, str]]] = [[]]
    prev_kind = None
    for t in tokens:
        w = t[2]
        kind = "mag" if (w in lex.magnitudes or w == "dozen") else ("art" if w in ("a", "an") else (
            "ten" if lex.number_words.get(w, 0) >= 20 and lex.number_words.get(w, 0) % 10 == 0 else "unit"))
        if groups[-1] and prev_kind in ("unit",) and kind in ("unit", "ten"):
            groups.append([])
        if groups[-1] and prev_kind == "ten" and kind == "ten":
            groups.append([])
        groups[-1].append(t)
        prev_kind = kind
    atoms = []
    for g in groups:
        if not g:
            continue
        words = [w for _, _, w in g]
        if all(w in lex.magnitudes for w in words) and not re.match(r"-[A-Za-z]", text[g[-1][1]:g[-1][1] + 2]):
            continue  # a bare "billion" is a scale word, read with the number before it;
            # "trillion-dollar" is an adjective of magnitude and stays
        value, scale = _parse_number_words(lex, words)
        if value is None:
            continue
        atoms.append(_Atom(g[0][0], g[-1][1], value, scale, True, False))
    return atoms


def _parse_number_words(lex: Lexicon, words: list[str]) -> tuple[Optional[float], Optional[float]]:
    """('six', 'hundred', 'billion') -> (600, 1e9): the base and the trailing scale."""
    total, current = 0.0, 0.0
    seen_number = False
    for w in words:
        if w in ("a", "an"):
            current = 1.0
            continue
        if w in lex.number_words:
            current += lex.number_words[w]
            seen_number = True
        elif w == "hundred":
            current = (current or 1.0) * 100
            seen_number = True
        elif w == "dozen":
            current = (current or 1.0) * 12
            seen_number = True
        elif w in lex.magnitudes:
            total += (current or 1.0) * lex.magnitudes[w]
            current = 0.0
            seen_number = True
    if not seen_number:
        return None, None
    value = total + current
    last = words[-1]
    if last in lex.magnitudes and lex.magnitudes[last] >= 1e3 and value:
        mag = lex.magnitudes[last]
        return value / mag, mag
    return value, None


def _merge_and(lex: Lexicon, text: str, atoms: list[_Atom]) -> list[_Atom]:
    """Join 'one hundred' + 'and' + 'fifty' into one spelled-out number."""
    out: list[_Atom] = []
    for a in atoms:
        if out and out[-1].spelled and a.spelled:
            prev = out[-1]
            gap = text[prev.end:a.start]
            last_word = text[prev.start:prev.end].lower().split()[-1].split("-")[-1]
            if re.fullmatch(r"\s+and\s+", gap) and last_word in ("hundred", "thousand", "million", "billion", "trillion") and a.base < 100 and a.scale is None:
                base = prev.base * (prev.scale or 1) + a.base
                out[-1] = _Atom(prev.start, a.end, base, None, True, False)
                continue
        out.append(a)
    return out


# ---------------------------------------------------------------- growing atoms into quantities


def _grow(P: _Patterns, text: str, atom: _Atom, following: list[_Atom], limit: int):
    """Build a quantity around `atom`. Returns (Quantity|None, reason, end offset)."""
    first = _read_part(P, text, atom, limit)
    if isinstance(first, str):
        return None, first, atom.end
    part2 = None
    conn = P.connector.match(text, first.end, limit)
    following = [f for f in following if f.start >= first.end]
    if conn and following and following[0].start == _skip_currency(P, text, conn.end(), limit):
        between = P.between_before.search(text, max(0, first.start - 12), first.start)
        word = conn.group(0).strip().lower()
        if word != "and" or between:
            cand = _read_part(P, text, following[0], limit, prefix_from=conn.end())
            if not isinstance(cand, str) and _compatible(first, cand):
                part2 = cand
    reason = _refuse(P, text, first, part2)
    if reason:
        return None, reason, atom.end
    return _to_quantity(P, text, first, part2, limit)


def _skip_currency(P: _Patterns, text: str, pos: int, limit: int) -> int:
    """Where the number starts if a currency sign stands at `pos` ("$185")."""
    window = text[pos:min(limit, pos + 6)]
    for sign in sorted(P.lex.currency_signs, key=len, reverse=True):
        if window.startswith(sign):
            pos += len(sign)
            return pos + (1 if text[pos:pos + 1] == " " else 0)
    return pos


def _read_part(P: _Patterns, text: str, atom: _Atom, limit: int, prefix_from: Optional[int] = None):
    """Currency before, scale and unit after. Returns a _Part or a refusal reason."""
    lex = P.lex
    part = _Part(atom.start, atom.end, atom, scale=atom.scale)
    lo = prefix_from if prefix_from is not None else max(0, atom.start - 8)
    before = P.currency_before.search(text, lo, atom.start)
    if before:
        sign = before.group(1) or before.group(2)
        part.currency = lex.currency_signs.get(sign) or lex.currency_codes.get(sign)
        part.start = before.start()
        # A minus before the currency sign: "-$5 million".
        if part.start > 0 and text[part.start - 1] in "-−" and (part.start == 1 or not text[part.start - 2].isalnum()):
            part.start -= 1
            part.atom = atom = _Atom(atom.start, atom.end, -abs(atom.base), atom.scale, atom.spelled, atom.is_int4)
    pos = atom.end
    # Letters glued to a digit number must be a scale or a unit: "5bn", "15.2GW", "1000x".
    if not atom.spelled:
        glued = P.glued_letters.match(text, pos, limit)
        if glued:
            g = glued.group(0)
            ok = (
                g.lower() in lex.scales
                or (g.lower() in lex.scales_short and (part.currency or g in ("k", "K")))
                or P.unit_symbol_glued.match(text, pos, limit)
                or g.lower() in ("x", "fold")
                or P.percent.match(text, pos, limit)
            )
            if not ok:
                return f"letters glued to the number ('{text[atom.start:glued.end()]}'): a name, ordinal or code"
    if text.startswith("/", pos) and pos + 1 < limit and text[pos + 1].isdigit():
        return "a date or fraction with '/'"
    if atom.scale is None:
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
    part.end = pos
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
    m = P.currency_after_code.match(text, pos, limit)
    if m:
        part.currency = lex.currency_codes[m.group(1)]
        part.end = m.end()
        return part
    m = P.currency_after_word.match(text, pos, limit)
    if m:
        part.currency = lex.currency_words[m.group(1).lower()]
        part.adjective = text[pos] == "-"
        part.end = m.end()
        return _money_fraction(part)
    m = P.multiplier.match(text, pos, limit)
    if m:
        word = m.group(1)
        if word and word.lower() == "times":
            nxt = re.match(r"\s+([A-Za-z]+)", text[m.end():m.end() + 20])
            by = re.search(r"\bby\s+(?:\w+\s+)?$", text[max(0, atom.start - 20):atom.start])
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
    m = P.noun.match(text, pos, limit)
    if m and m.group(1).lower() not in FUNCTION_WORDS:
        part.noun = m.group(1)
        part.adjective = text[pos] == "-"
        part.end = m.end()
    return part


def _money_fraction(part: _Part) -> _Part:
    # "cents" and "pence" are hundredths of the currency.
    if part.currency and part.currency.endswith("/100"):
        part.currency = part.currency[:-4]
        part.factor = 0.01
    return part


def _compatible(a: _Part, b: _Part) -> bool:
    if a.currency and b.currency and a.currency != b.currency:
        return False
    if a.currency and b.unit and b.unit not in ("count",):
        return False
    if a.unit and a.unit != "count" and b.unit and b.unit != a.unit:
        return False
    if a.unit == "count" and a.noun and b.unit != "count":
        return False
    if a.adjective or b.adjective and b.unit == "count":
        return False
    lo = a.atom.base * (a.scale or 1)
    hi = b.atom.base * (b.scale or 1)
    if a.scale is None and b.scale and a.atom.base <= b.atom.base:
        lo = a.atom.base * b.scale
    if a.atom.is_int4 and b.atom.is_int4 and not (a.currency or b.currency):
        return False
    return lo < hi


def _refuse(P: _Patterns, text: str, a: _Part, b: Optional[_Part]) -> Optional[str]:
    """Why a number that reads as a quantity is not one, or None."""
    atom = a.atom
    bare = a.currency is None and (a.unit == "count") and (b is None or b.unit == "count")
    before = text[max(0, a.start - 30):a.start]
    after = text[a.end:a.end + 30]
    if atom.is_int4 and 1800 <= atom.base <= 2199 and bare and a.scale is None:
        return "a year"
    if bare and P.time_after.match(text, atom.end):
        return "a time of day"
    if re.search(r"\d:$", before):
        return "a time of day"
    if bare and atom.base == int(atom.base) and 1 <= atom.base <= 31 and (
        P.month_before.search(before) or P.month_after.match(text[atom.end:atom.end + 20])
    ):
        return "a day of a month"
    if re.search(r"[A-Za-z]-$", before) and not b:
        return "part of a name or code (GPT-4, Colossus-1)"
    if re.match(r"\.\d", text[atom.end:atom.end + 2]):
        return "a version number"
    line_start = before.rfind("\n")
    line_before = before[line_start + 1:] if line_start >= 0 else (before if a.start - 30 <= 0 else None)
    if bare and line_before is not None and re.fullmatch(r"[\s(#]*", line_before) and re.match(r"[.)]\s", after):
        return "list numbering"
    if bare and not a.noun and re.search(r"(?:^|[^.!?]\s)[A-Z][\w.-]*\s$", before) and not atom.spelled:
        return "part of a name or version (Kimi 2.7, Windows 11)"
    if bare and re.search(r"\b(?:No|no|Nos|number|#|rank|ranked|Article|Section|Chapter|page|pages|p|pp|Vol|vol|Rule|Route|Highway)\.?\s$", before):
        return "a label or reference number"
    if a.unit in ("year", "month", "day", "hour", "minute", "second") and not a.adjective:
        if P.time_window_before.search(before) or P.time_window_after.match(text[(b or a).end:(b or a).end + 20]):
            return "a time window, not a figure"
    if atom.spelled and bare and not a.noun and atom.scale is None and b is None:
        return "a spelled-out number without a unit or noun"
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
    approx, hedge = _hedge(P, text, start, end, limit)
    vague = a.adjective and unit not in ("year", "month", "day", "hour", "minute", "second", "count")
    if vague and approx == Approx.exact:
        approx = Approx.approximately
    if unit == "count" and noun is None and a.adjective:
        noun = None
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


def _hedge(P: _Patterns, text: str, start: int, end: int, limit: int) -> tuple[Approx, Optional[str]]:
    lead = start
    between = P.between_before.search(text, max(0, start - 12), start)
    if between:
        lead = between.start()
    m = P.hedge_before.search(text, max(0, lead - 40), lead)
    if m:
        phrase = m.group(1) or m.group(2)
        return Approx(P.lex.hedges_before.get(phrase.lower(), "approximately")), phrase
    m = P.hedge_after.match(text, end, limit)
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
        if text[m.end():m.end() + 1] == "-":
            continue  # "double-digit"
        approx, hedge = _hedge(P, text, m.start(), m.end(), end)
        if "magnitude" in w and approx == Approx.exact:
            approx = Approx.approximately
        s = m.start()
        if w.startswith("an "):
            s += 3
        out.append(Quantity(start=s, end=m.end(), surface=text[s:m.end()], value=lex.multiplier_words[w],
                            unit="times", approx=approx, hedge=hedge))
    for m in P.fraction.finditer(text, start, end):
        if _fraction_is_time(text, m.start(), m.end()):
            continue
        approx, hedge = _hedge(P, text, m.start(), m.end(), end)
        followed_by_of = re.match(r"\s+of\b", text[m.end():m.end() + 5])
        by_before = re.search(r"\b(?:by|in|cut|halved)\s+(?:\w+\s+)?$", text[max(0, m.start() - 20):m.start()])
        if not (hedge or followed_by_of or by_before or "-" in m.group(1)):
            continue
        out.append(Quantity(start=m.start(), end=m.end(), surface=m.group(0), value=_clean(lex.fractions[m.group(1).lower()]),
                            unit="percent", approx=approx, hedge=hedge))
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
