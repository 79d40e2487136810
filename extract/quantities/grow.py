"""Growing a number atom into a quantity: one part (currency, number, scale, unit), ranges, ratios and subunits, then hedges."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from extract.lexicon import alternation
from extract.numbers import Atom, FUNCTION_WORDS
from extract.quantities.patterns import COMPARATIVES, Part, Patterns
from extract.quantities.refusal import CODE_BEFORE, figure_refusal
from extract.records import Approx, Quantity
from extract.rule_files import QuantitiesRules
from extract.rules import load_rules


# ---------------------------------------------------------------- growing atoms into quantities


@dataclass(frozen=True)
class _Context:
    """Words around a figure that say what it is (data/quantities.toml [figure_context])."""

    multiple_before: re.Pattern  # "grew 30 times": a multiple, not a count of occasions
    proportion_before: re.Pattern  # "cut by two-thirds": a share
    fraction_time_before: re.Pattern  # "the second half": a part of a period
    fraction_time_after: re.Pattern  # "half of the year"
    fraction_time_glued: re.Pattern  # "half-time", "a quarter-point"


@lru_cache(maxsize=1)
def _context() -> _Context:
    c = load_rules("quantities.toml", QuantitiesRules).figure_context
    return _Context(
        multiple_before=re.compile(rf"\b(?:{alternation(c.multiple_verbs)})\s+(?:\w+\s+)?$", re.I),
        proportion_before=re.compile(rf"\b(?:{alternation(c.proportion_before)})\s+(?:\w+\s+)?$"),
        fraction_time_before=re.compile(rf"\b(?:{alternation(c.fraction_time_before)})\s+$"),
        fraction_time_after=re.compile(rf"\s+(?:of\s+)?(?:the\s+)?(?:{alternation(c.fraction_time_after)}|20\d\d)"),
        fraction_time_glued=re.compile(rf"[-\s](?:{alternation(c.fraction_time_glued)})"),
    )


def grow_atom(P: Patterns, text: str, atom: Atom, following: list[Atom], limit: int):
    """Build a quantity around `atom`. Returns (Quantity|None, reason, end offset)."""
    first = read_part(P, text, atom, limit)
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
            cand = read_part(P, text, following[0], limit, prefix_from=conn.end())
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


def _percent_of(P: Patterns, text: str, part: Part) -> Optional[Quantity]:
    """'percent of 10' opening a sentence: the percent word stands before its number."""
    if part.unit != "count" or part.noun or part.currency:
        return None
    m = P.percent_of_before.search(text, max(0, part.start - 30), part.start)
    if not m:
        return None
    s = m.start(1)
    return Quantity(start=s, end=part.end, surface=text[s:part.end], value=clean_value(part.atom.base * (part.scale or 1)),
                    unit="percent")


_FACTOR_OF = re.compile(r"\bfactor\s+of\s+$", re.I)


def _factor_of(P: Patterns, text: str, part: Part, limit: int) -> Optional[Quantity]:
    """'cut by a factor of two', 'a factor of 10 more': a multiplier."""
    if part.unit != "count" or part.noun or part.currency or part.atom.fraction or part.atom.base * (part.scale or 1) < 1:
        return None  # "a factor of 2.48×10−5" is a coefficient, not a multiple
    m = _FACTOR_OF.search(text, max(0, part.start - 14), part.start)
    if not m:
        return None
    s = m.start()
    approx, hedge = read_hedge(P, text, s, part.end, limit)
    return Quantity(start=s, end=part.end, surface=text[s:part.end], value=clean_value(part.atom.base * (part.scale or 1)),
                    unit="times", approx=approx, hedge=hedge)


_RATIO = re.compile(r"\s+(?:in|out\s+of)(?:\s+every)?\s+", re.I)


def _ratio(P: Patterns, text: str, first: Part, following: list[Atom], limit: int) -> Optional[Quantity]:
    """'1 in 10 get treatment', 'one out of every three adults': a share, in percent."""
    if first.unit != "count" or first.noun or first.currency or first.scale or first.atom.fraction:
        return None
    m = _RATIO.match(text, first.end, limit)
    if not (m and following and following[0].start == m.end()):
        return None
    a, b = first.atom.base, following[0]
    if b.scale or b.fraction or b.standalone or b.is_int4 or not (0 < a < b.base) or a != int(a) or b.base != int(b.base):
        return None
    approx, hedge = read_hedge(P, text, first.start, b.end, limit)
    return Quantity(start=first.start, end=b.end, surface=text[first.start:b.end], value=clean_value(100 * a / b.base),
                    unit="percent", approx=approx, hedge=hedge)


def _subunit(P: Patterns, text: str, first: Part, following: list[Atom], limit: int) -> Optional[Quantity]:
    """'3 dollars 50 cents', 'thirteen dollars and forty-five cents': one amount."""
    if not (first.currency and first.from_word and first.factor == 1.0 and following):
        return None
    subunits = P.lex.currency_subunits.get(first.currency)
    gap = re.fullmatch(r",?\s+(?:and\s+)?", text[first.end:following[0].start])
    if not subunits or not gap:
        return None
    nxt = read_part(P, text, following[0], limit)
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
    approx, hedge = read_hedge(P, text, first.start, nxt.end, limit)
    return Quantity(start=first.start, end=nxt.end, surface=text[first.start:nxt.end], value=clean_value(value),
                    unit=first.currency, approx=approx, hedge=hedge)


def _skip_currency(P: Patterns, text: str, pos: int, limit: int) -> int:
    """Where the number starts if a currency sign stands at `pos` ("$185")."""
    window = text[pos:min(limit, pos + 6)]
    for sign in sorted(P.lex.currency_signs, key=len, reverse=True):
        if window.startswith(sign):
            pos += len(sign)
            return pos + (1 if text[pos:pos + 1] == " " else 0)
    return pos


def read_part(P: Patterns, text: str, atom: Atom, limit: int, prefix_from: Optional[int] = None):
    """Currency before, scale and unit after. Returns a Part or a refusal reason."""
    part = Part(atom.start, atom.end, atom, scale=atom.scale)
    atom = _currency_before(P, text, part, atom, prefix_from)
    refusal = _glued_letters_refusal(P, text, part, atom, limit)
    if refusal:
        return refusal
    pos = _read_scale(P, text, part, atom, limit)
    part.end = part.number_end = pos
    return (_money_or_percent_after(P, text, part, pos, limit)
            or _multiple_or_measure_after(P, text, part, atom, pos, limit)
            or _count_after(P, text, part, atom, pos, limit))


def _currency_before(P: Patterns, text: str, part: Part, atom: Atom, prefix_from: Optional[int]) -> Atom:
    """A currency sign, code or spaced prefix before the number, set on `part`; the atom,
    made negative when a minus stands before the sign ("-$5 million")."""
    lex = P.lex
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
    return atom


def _glued_letters_refusal(P: Patterns, text: str, part: Part, atom: Atom, limit: int) -> Optional[str]:
    """Letters glued to a digit number must be a scale or a unit: "5bn", "15.2GW", "1000x"."""
    lex, pos = P.lex, atom.end
    if atom.spelled:
        return None
    glued = P.glued_letters.match(text, pos, limit)
    if not glued:
        return None
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
    return None


def _read_scale(P: Patterns, text: str, part: Part, atom: Atom, limit: int) -> int:
    """The scale word after the number, set on `part`; where the number and its scale end."""
    lex, pos = P.lex, atom.end
    if atom.scale is not None or atom.fraction:
        return pos
    m = P.scale.match(text, pos, limit)
    if m:
        part.scale = lex.scales[m.group(1).lower()]
        return m.end()
    m = P.scale_short.match(text, pos, limit)
    if m and (part.currency or m.group(1) in ("k", "K")) and not P.unit_symbol_glued.match(text, pos, limit) or (
        m and part.currency and m.group(1) in ("m", "M", "b", "B", "bn")
    ):
        part.scale = lex.scales_short[m.group(1).lower()]
        return m.end()
    if not atom.spelled:
        # Case-sensitive bare scales ("10M", "1,674,200.5 M"), and after a currency
        # the banker's "MM" ("US$ 1MM") that the short scales above do not read.
        m = P.scale_bare_glued.match(text, pos, limit) or P.scale_bare_spaced.match(text, pos, limit)
        short = re.fullmatch(r"-?\d{1,3}(?:\.\d+)?", text[atom.start:atom.end])
        if m and (short or part.currency or m.re is P.scale_bare_spaced) and not P.unit_symbol_glued.match(
                text, pos, limit):
            table = lex.scales_bare_glued if m.re is P.scale_bare_glued else lex.scales_bare_spaced
            part.scale = table[m.group(1)]
            return m.end()
    return pos


def _money_or_percent_after(P: Patterns, text: str, part: Part, pos: int, limit: int) -> Optional[Part]:
    """`part` completed as money (a currency before or after) or a percentage, or None."""
    lex = P.lex
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
    return None


def _multiple_or_measure_after(P: Patterns, text: str, part: Part, atom: Atom, pos: int, limit: int) -> Optional[Part]:
    """`part` completed as a multiple ("13 times"), a duration or a physical unit, or None."""
    lex = P.lex
    m = P.multiplier.match(text, pos, limit)
    if m:
        word = m.group(1)
        if word and word.lower() == "times":
            nxt = re.match(r"\s+([A-Za-z]+)", text[m.end():m.end() + 20])
            # "by 13 times", "has increased four times", "grew 30 times": a multiple
            by = _context().multiple_before.search(text[max(0, atom.start - 24):atom.start])
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
    return None


def _count_after(P: Patterns, text: str, part: Part, atom: Atom, pos: int, limit: int) -> Part:
    """`part` as a count, with the noun counted when one follows ("60+ stores")."""
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


def _money_fraction(part: Part) -> Part:
    # "cents" and "pence" are hundredths of the currency, "dimes" tenths.
    if part.currency and "/" in part.currency:
        code, per = part.currency.split("/")
        part.currency = code
        part.factor = 1 / float(per)
    return part


def _compatible(a: Part, b: Part) -> bool:
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


def _ends(a: Part, b: Part) -> tuple[float, float]:
    """The two ends of a range, the first borrowing the second's scale ("2 to 3 million")."""
    lo = a.atom.base * (a.scale or 1)
    hi = b.atom.base * (b.scale or 1)
    if a.scale is None and b.scale and a.atom.base <= b.atom.base:
        lo = a.atom.base * b.scale
    return lo, hi


def _alternatives(a: Part, b: Part) -> bool:
    """'either 10 bln or 10 tln': two figures joined by 'or' that lie a factor of 100 or more
    apart, or that are the same number at different scales, are two choices, not a range
    ("five or six people" and "$5 billion or even $10 billion" are ranges)."""
    lo, hi = _ends(a, b)
    rescaled = a.atom.base == b.atom.base and a.scale and b.scale and a.scale != b.scale
    return bool(rescaled) or (lo > 0 and hi / lo >= 100)


def _refuse(P: Patterns, text: str, a: Part, b: Optional[Part]) -> Optional[str]:
    """Why a number is no quantity at all (claims are judged later, by `figure_refusal`)."""
    atom = a.atom
    bare = a.currency is None and (a.unit == "count") and (b is None or b.unit == "count")
    before = text[max(0, a.start - 30):a.start]
    if bare and P.time_after.match(text, atom.end):
        return "a time of day"
    if re.search(r"\d:$", before):
        return "a time of day"
    if CODE_BEFORE.search(before):
        return "part of a code (scp2-173)"
    if atom.fraction and a.unit == "count" and _fraction_is_time(text, a.start, a.end):
        return "part of a period (first half, second quarter)"
    return None


def _to_quantity(P: Patterns, text: str, a: Part, b: Optional[Part], limit: int):
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
    approx, hedge = read_hedge(P, text, start, end, limit, inner=last.number_end)
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
        value=clean_value(value),
        low=clean_value(low),
        high=clean_value(high),
        unit=unit,
        approx=approx,
        hedge=hedge,
        noun=noun,
        vague=vague,
    )
    return q, "", end


def clean_value(x: Optional[float]) -> Optional[float]:
    """Round away binary noise (0.1 * 3) without losing stated precision."""
    if x is None:
        return None
    return float(f"{x:.12g}")


def read_hedge(P: Patterns, text: str, start: int, end: int, limit: int,
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


def _is_proportion(text: str, start: int, end: int, hedge: Optional[str]) -> bool:
    followed_by_of = re.match(r"\s+of\b", text[end:end + 5])
    if "-" in text[start:end] and re.match(r"\s+[a-z]+", text[end:end + 20]) and not re.match(
            r"\s+(?:and|or|to|in|on|at|is|was|are|were)\b", text[end:end + 6]):
        return True  # "the two-thirds threshold", "a one-fifth stake"
    by_before = _context().proportion_before.search(text[max(0, start - 20):start])
    out_of = re.search(r"\bout\s+of\b", text[start:end])  # "293 out of 300" is always a share
    return bool(hedge or followed_by_of or by_before or out_of)


def _fraction_is_time(text: str, s: int, e: int) -> bool:
    before = text[max(0, s - 25):s].lower()
    after = text[e:e + 25].lower()
    c = _context()
    return bool(c.fraction_time_before.search(before) or c.fraction_time_after.match(after)
                or c.fraction_time_glued.match(after))
