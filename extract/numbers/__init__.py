"""Number atoms: every number the text writes, in digits or in words, with true offsets.

The first pass of quantity recognition (extract/quantities/ grows each atom into a
quantity). An atom is a number as written, nothing around it:

- digits: "1,234,567", "62.3", "-5", ".08", "1 234 567" (space-grouped thousands),
  "5,00" (decimal comma), "1.3e6", "2.48×10−5", "1.1^23", "3/4", "10 1/2";
- words: "Six hundred billion", "ninety-five", "one hundred and three",
  "two-thirds", "a hundredth", "one and a half", "three million and a half",
  "nine point nought four", "minus five", "one over three", "half a dozen";
- both: "3 hundred and 21", "4 thousand 3 hundred", "13 lakh", "2 million".

Some digit strings are several numbers that take no unit ("standalone"): the parts of
a date "5/17/2018", of a list "22,24,26,31", of a dotted code "192.168.1.2", and a
decade "1960s" (read as its first year). Some are no number at all and are refused
with a reason: a span of years "2013-14", a ratio or date "24/7", a pronoun "one".

Word lists come from data/quantities.toml through extract/lexicon.py; month names
from data/calendar.toml through extract/months.py.

One module a form: digits.py, words.py; atoms.py holds the records; this module
merges the two readings.
"""

from __future__ import annotations

import re

from extract.lexicon import Lexicon
from extract.numbers.atoms import FUNCTION_WORDS, MONTHS, Atom, Refused
from extract.numbers.digits import digit_atoms
from extract.rule_files import QuantitiesRules
from extract.rules import load_rules
from extract.numbers.words import A, AND, D, H, M, OF, OUT, OVER, POINT, SIGN, NEXT, Phrases, Token, word_tokens

# "one's", "one another", "one or the other": "one" as a pronoun (data/quantities.toml [patterns])
_ONE_AS_PRONOUN_AFTER = re.compile(load_rules("quantities.toml", QuantitiesRules).patterns.one_as_pronoun_after)


__all__ = ["find_atoms", "Atom", "Refused", "FUNCTION_WORDS", "MONTHS"]


def find_atoms(lex: Lexicon, text: str, start: int, end: int) -> tuple[list[Atom], list[Refused]]:
    """Every number atom in text[start:end], in order, and the numbers refused."""
    plain, final, refused = digit_atoms(text, start, end)
    taken = [(a.start, a.end) for a in final] + [(r.start, r.end) for r in refused]
    toks = [t for t in word_tokens(lex, text, start, end) if not any(s <= t.start < e for s, e in taken)]
    toks += [Token(a.start, a.end, D, a.base, text[a.start:a.end], a) for a in plain]
    toks.sort(key=lambda t: t.start)
    ph = Phrases(lex, text, toks)
    atoms = list(final)
    i = 0
    while i < len(toks):
        tok = toks[i]
        adjective = tok.kind in (H, M) and re.match(r"[A-Za-z ]*-[A-Za-z]", text[tok.end:tok.end + 40])
        if tok.kind not in NEXT[None] and not adjective:
            i += 1
            continue
        elems = ph.grow(i)
        while elems:
            if elems[-1].kind in (SIGN, A, AND, POINT, OVER, OUT, OF):
                elems = elems[:-1]
                continue
            got = ph.evaluate(elems)
            if got is not None:
                break
            elems = elems[:-1]
        if len(elems) > 1 and elems[0].kind == A and elems[1].kind in (H, M) and re.match(
                r"-[A-Za-z]", text[elems[-1].end:elems[-1].end + 2]):
            elems = elems[1:]  # "a million-dollar home": the article belongs to the home
        if elems and elems[0].kind in (H, M) and re.search(r"multi-$", text[max(0, elems[0].start - 6):elems[0].start], re.I):
            elems = []  # "multi-trillion-dollar" says more than one, not how many
        if elems and elems[0].kind in (H, M) and not re.match(r"-[A-Za-z]", text[elems[-1].end:elems[-1].end + 2]):
            elems = []  # a bare "billion" is a scale word, read with the number before it
        if not elems:
            i += 1
            continue
        base, scale, fraction = got
        s, e = elems[0].start, elems[-1].end
        if len(elems) == 1 and tok.kind == D:
            atoms.append(tok.atom)
        elif len(elems) == 1 and tok.word == "one" and _is_pronoun(lex, text, s, e):
            refused.append(Refused(s, e, text[s:e], "the pronoun 'one'"))
        else:
            spelled = any(x.kind != D for x in elems)
            atoms.append(Atom(s, e, base, scale, spelled=spelled, fraction=fraction))
        i += len(elems)
    atoms.sort(key=lambda a: (a.start, -a.end))
    return atoms, refused


def _is_pronoun(lex: Lexicon, text: str, s: int, e: int) -> bool:
    nxt = re.match(r"[\s-]+([A-Za-z]+)", text[e:e + 30])
    if nxt and (nxt.group(1).lower() in lex.unit_names or nxt.group(1).lower() in lex.durations
                or nxt.group(1).lower() in lex.currency_words):
        return False  # "that one mile"
    before = re.search(r"([A-Za-z]+)\s+$", text[max(0, s - 20):s])
    if before and before.group(1).lower() in lex.pronoun_one_before:
        return True
    return bool(_ONE_AS_PRONOUN_AFTER.match(text[e:e + 20]))
