"""Growing a number atom into a quantity: ranges, ratios, subunits and 'percent of', then hedges."""

from __future__ import annotations

import re
from typing import Optional

from extract.numbers import Atom
from extract.quantities.context import fraction_is_time, is_proportion
from extract.quantities.part import read_part
from extract.quantities.patterns import PATTERNS, Part, Patterns
from extract.quantities.refusal import CODE_BEFORE, DURATION_UNITS
from extract.records import Approx, Quantity

# ---------------------------------------------------------------- growing atoms into quantities


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


_FACTOR_OF = re.compile(PATTERNS.factor_of, re.I)
_SOMEWHERE_BEFORE = re.compile(PATTERNS.somewhere_before)


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


_RATIO = re.compile(PATTERNS.ratio, re.I)


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
    if atom.fraction and a.unit == "count" and fraction_is_time(text, a.start, a.end):
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
    vague = a.adjective and unit not in DURATION_UNITS and unit != "count"
    if vague and approx == Approx.exact:
        approx = Approx.approximately
    if unit == "count" and noun is None and not a.atom.fraction and P.age_before.search(text, max(0, start - 40), start):
        unit = "year"  # an age: "children age 5-11", "died at the age of 34"
    if unit == "count" and a.atom.fraction and is_proportion(text, start, end, hedge):
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
    if between and between.group(1).lower() == "between" and _SOMEWHERE_BEFORE.search(text[max(0, lead - 12):lead]):
        return Approx.approximately, "somewhere"
    return Approx.exact, None


