"""One side of a quantity read from the text: the currency before the number, the scale and the unit or counted noun after it."""

from __future__ import annotations

import re
from typing import Optional

from extract.numbers import Atom, FUNCTION_WORDS
from extract.quantities.context import figure_context
from extract.quantities.patterns import COMPARATIVES, Part, Patterns

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
            by = figure_context().multiple_before.search(text[max(0, atom.start - 24):atom.start])
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


