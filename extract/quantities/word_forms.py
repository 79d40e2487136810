"""Quantities with no digits: multipliers ('fivefold'), 'a dollar', vague magnitudes ('hundreds of billions of dollars')."""

from __future__ import annotations


from extract.numbers import FUNCTION_WORDS
from extract.pattern_screen import may_match
from extract.quantities.grow import clean_value, read_hedge
from extract.quantities.patterns import Patterns
from extract.records import Approx, Quantity
from extract.rule_files import QuantitiesRules
from extract.rules import load_rules

# "hundreds of millions": read as the scale (data/quantities.toml [vague_before_scales])
_BEFORE_SCALES = load_rules("quantities.toml", QuantitiesRules).vague_before_scales


# ---------------------------------------------------------------- word-only forms


def find_word_forms(P: Patterns, text: str, start: int, end: int) -> list[Quantity]:
    lex = P.lex
    out = []
    # The multiplier words and vague magnitudes are rare: their patterns run only where
    # one of their words occurs (extract/pattern_screen.py), with the same matches.
    multipliers = P.multiplier_word.finditer(text, start, end) if may_match(P.multiplier_word, text, start, end) else ()
    for m in multipliers:
        w = m.group(1).lower()
        if text[m.end():m.end() + 1] == "-" or text[m.start() - 1:m.start()] == "-" and m.start() > start:
            continue  # "double-digit", "triple-doubles"
        if P.multiplier_not_before.match(text[m.end():m.end() + 8]):
            continue  # "doubles as a display", "doubled up": no multiple
        approx, hedge = read_hedge(P, text, m.start(), m.end(), end)
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
        out.append(Quantity(start=m.start(), end=m.end(), surface=m.group(0), value=clean_value(1 / per),
                            unit=code.split("/")[0]))
    vague = P.vague.finditer(text, start, end) if may_match(P.vague, text, start, end) else ()
    for m in vague:
        phrase = m.group(1).lower()
        lo, hi = lex.vague[phrase]
        cur, noun = m.group(2), m.group(3)
        if noun and noun.lower() in FUNCTION_WORDS:
            noun = None
        if not cur and not noun:
            continue  # "hundreds" alone says nothing countable
        if phrase in _BEFORE_SCALES.phrases and noun and noun.lower() in _BEFORE_SCALES.scales:
            continue
        unit = lex.currency_words[cur.lower()] if cur else "count"
        e = m.end() if (cur or noun) else m.end(1)
        approx, hedge = read_hedge(P, text, m.start(), e, end)
        out.append(Quantity(start=m.start(), end=e, surface=text[m.start():e], low=lo, high=hi, unit=unit.split("/")[0],
                            approx=Approx.approximately if approx == Approx.exact else approx, hedge=hedge,
                            noun=noun, vague=True))
    return out

