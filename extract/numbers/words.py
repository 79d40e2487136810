"""Numbers written in words: tokens from the lexicon, composed into phrases ('six hundred billion', 'two-thirds')."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from extract.lexicon import Lexicon, label_of
from extract.numbers.atoms import Atom, FUNCTION_WORDS
from extract.rule_files import QuantitiesRules
from extract.rules import load_rules

# Words after "one over three" that make it no ratio ("$2000 over 3 years"): data/quantities.toml.
_RATIO_NOT_BEFORE = frozenset(load_rules("quantities.toml", QuantitiesRules).ratio_not_before.words)


# ---------------------------------------------------------------- words

# Token kinds of a number phrase.
SIGN, A, U, T, X, D, H, M, Z, F, AND, POINT, OVER, OUT, OF = (
    "sign a unit teen tens digits hundred magnitude dozen fraction and point over out of".split())


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    kind: str
    value: float
    word: str
    atom: Optional[Atom] = None


def word_tokens(lex: Lexicon, text: str, start: int, end: int) -> list[Token]:
    kinds = _word_kinds(lex)
    toks = []
    for m in _WORD.finditer(text[start:end]):
        w = m.group(0).lower()
        found = kinds.get(w)
        if found is None:
            continue
        kind, v = found
        s, e = m.start() + start, m.end() + start
        if kind == SIGN and re.search(r"(?i)\bplus\s+or\s+$", text[max(0, s - 9):s]):
            continue  # "plus or minus 2%": a tolerance, read as a hedge, not a sign
        toks.append(Token(s, e, kind, v, w))
    return toks


_WORD = re.compile(r"[A-Za-z]+|&")


@lru_cache(maxsize=4)
def _word_kinds(lex: Lexicon) -> dict[str, tuple[str, float]]:
    """Each word a number phrase may hold -> (token kind, value): one look-up a word of
    the text instead of one a word list. A word in several lists takes the kind of the
    first in this order: number words, "hundred", magnitudes, dozens, denominators,
    articles, "and", "point", sign words, "over", "out", "of"."""
    ordered: list[tuple[str, str, float]] = []
    for w, v in lex.number_words.items():
        ordered.append((w, U if v < 10 else (T if v < 20 else X), v))
    ordered.append(("hundred", H, 100.0))
    ordered += [(w, M, v) for w, v in lex.magnitudes.items()]
    ordered += [(w, Z, v) for w, v in lex.dozens.items()]
    ordered += [(w, F, v) for w, v in lex.denominators.items()]
    ordered += [("a", A, 1.0), ("an", A, 1.0), ("and", AND, 0.0), ("&", AND, 0.0), ("point", POINT, 0.0)]
    ordered += [(w, SIGN, v) for w, v in lex.sign_words.items()]
    ordered += [("over", OVER, 0.0), ("out", OUT, 0.0), ("of", OF, 0.0)]
    kinds: dict[str, tuple[str, float]] = {}
    for w, kind, v in ordered:
        kinds.setdefault(w, (kind, float(v)))
    return kinds


# What stands between two words of one number phrase, first match wins.
_GAPS = ((re.compile(r"[ \t\u00a0]+"), "space"), (re.compile(r"[ \t\u00a0]*-[ \t\u00a0]*"), "hyphen"),
         (re.compile(r",[ \t\u00a0]+"), "comma"))


def _gap(text: str, a: Token, b: Token) -> Optional[str]:
    return label_of(text[a.end:b.start], _GAPS)


# What may follow what inside one number phrase (the evaluator checks the whole).
NEXT = {
    None: {SIGN, A, U, T, X, D, F, Z},
    SIGN: {A, U, T, X, D},
    A: {H, M, Z, F, X},
    U: {H, M, Z, F, AND, POINT, OVER, OUT},
    T: {H, M, Z, F, AND, POINT, OVER, OUT},
    X: {U, M, Z, F, AND, POINT, OVER, OUT},
    D: {H, M, Z, AND, OVER, OUT},
    H: {U, T, X, M, F, Z, AND, POINT},
    M: {U, T, X, M, AND, D, F},
    Z: set(),
    F: {M, A, OF},
    AND: {A, U, T, X, D},
    POINT: {U, T, X},
    OVER: {A, U, T, X, D},
    OUT: {OF},
    OF: {A, U, T, X, D, M},
}


class Phrases:
    def __init__(self, lex: Lexicon, text: str, toks: list[Token]):
        self.lex, self.text, self.toks = lex, text, toks

    def kind_at(self, i: int) -> Optional[str]:
        return self.toks[i].kind if 0 <= i < len(self.toks) else None

    def linked(self, i: int, j: int, allow=("space", "hyphen")) -> bool:
        return 0 <= i < j < len(self.toks) and _gap(self.text, self.toks[i], self.toks[j]) in allow

    def _and_ok(self, elems: list[Token], i: int) -> bool:
        """May the 'and' at token i continue the phrase in `elems`?"""
        prev = elems[-1].kind
        nxt, nxt2 = self.kind_at(i + 1), self.kind_at(i + 2)
        if nxt in (A, U) and nxt2 == F and self.linked(i, i + 1) and self.linked(i + 1, i + 2):
            return True  # "and a half", "and three quarters", "five-and-a-half"
        if not self.linked(i, i + 1, ("space",)):
            return False
        before = self.text[max(0, elems[0].start - 12):elems[0].start]
        if re.search(r"\b(?:between|from)\s+$", before, re.I):
            return False
        if prev in (H, M) and nxt in (U, T, X):
            return True
        if prev == H and nxt == D:
            d = self.toks[i + 1]
            return d.value == int(d.value) and 0 < d.value < 100 and self.kind_at(i + 2) not in (H, M, Z)
        return False

    def grow(self, i: int) -> list[Token]:
        """The longest run of tokens from i that may form one number."""
        elems = [self.toks[i]]
        j = i + 1
        while j < len(self.toks):
            prev, tok = elems[-1], self.toks[j]
            gap = _gap(self.text, prev, tok)
            compound_den = (tok.kind == X and prev.kind in (U, T, X, M) and self.kind_at(j + 1) == F
                            and self.linked(j, j + 1))  # "one twenty-fifth", "three twenty firsts"
            if gap is None or (tok.kind not in NEXT[prev.kind] and not compound_den):
                break
            if gap == "comma" and not (prev.kind == M and tok.kind in (U, T, X) and D not in [e.kind for e in elems]
                                       and self.kind_at(j + 1) in (H, M, U, T, X)):
                # "one million, two hundred thousand" goes on; "$300 billion, one of the
                # largest" and "two million, one" do not
                break
            hyphen_half = (tok.kind == AND and prev.kind != D and self._and_ok(elems, j)
                           or tok.kind == A and prev.kind == AND)  # "five-and-a-half years"
            if gap == "hyphen" and not hyphen_half and (
                    prev.kind == D or tok.kind == D or tok.kind in (AND, POINT, OVER, OUT, OF, A)
                    or prev.kind in (U, T) and tok.kind in (U, T, X)):
                break
            if tok.kind == AND and not self._and_ok(elems, j):
                break
            if prev.kind == M and tok.kind == D and not (self.kind_at(j + 1) in (H, M) and self.linked(j, j + 1)):
                break
            if prev.kind == F and tok.kind == A and self.kind_at(j + 1) not in (Z, M):
                break
            if prev.kind == F and tok.kind == OF and not (self.kind_at(j + 1) == A and self.kind_at(j + 2) == M):
                break
            if prev.kind == OF and elems[-2].kind == F and tok.kind != A:
                break
            if tok.kind == SIGN:
                break
            elems.append(tok)
            j += 1
        return self._decimals(elems, j)

    def _decimals(self, elems: list[Token], j: int) -> list[Token]:
        """After 'point', digit words follow one by one: 'point nought four'."""
        if elems[-1].kind == U and POINT in [e.kind for e in elems]:
            while j < len(self.toks) and self.toks[j].kind == U and self.linked(j - 1, j, ("space",)):
                elems.append(self.toks[j])
                j += 1
        return elems

    # ------------------------------------------------------------ values

    def integer(self, elems: list[Token]) -> Optional[float]:
        """The value of an integer phrase ("two hundred and two thousand"), or None."""
        if not elems or elems[-1].kind in (A, AND):
            return None
        total = current = small = 0.0
        last_mag = 0.0
        prev = None
        for k, e in enumerate(elems):
            kind = e.kind
            if kind == AND:
                prev = AND
                continue
            if kind == A:
                if k + 1 >= len(elems) or elems[k + 1].kind not in (H, M, Z):
                    return None
                current, small = current + 1, 1.0
            elif kind in (U, T, X, D):
                if prev in (U, T, D) or (prev == X and kind != U):
                    return None
                current += e.value
                small = small + e.value if prev == X else e.value
            elif kind == H:
                if prev in (H, None) and prev is not None:
                    return None
                current = (current or 1.0) * 100
                small = 0.0
            elif kind == Z:
                if prev is None and e.word == "dozen":
                    current, small = 1.0, 1.0  # "the initial dozen offerings"
                elif prev not in (U, T, X, D, A):
                    return None
                current = current - small + small * e.value
                small = 0.0
            elif kind == M:
                if current == 0 and total == 0:
                    if prev is not None:
                        return None
                    current = 1.0  # "trillion-dollar": a magnitude standing as an adjective
                if current == 0 and e.value > last_mag:
                    total *= e.value
                elif total and e.value > last_mag:
                    total = (total + current) * e.value
                elif e.value < last_mag or total == 0:
                    total += current * e.value
                else:
                    return None
                last_mag = max(last_mag, e.value)
                current = small = 0.0
            else:
                return None
            prev = kind
        return total + current

    def evaluate(self, elems: list[Token]) -> Optional[tuple[float, Optional[float], bool]]:
        """(base, scale, is a proper fraction) of a phrase, or None if it is not a number."""
        sign = 1.0
        if elems and elems[0].kind == SIGN:
            sign, elems = elems[0].value, elems[1:]
        if not elems:
            return None
        kinds = [e.kind for e in elems]
        if len(elems) == 1 and elems[0].kind == D:
            return sign * elems[0].value, None, False
        if OVER in kinds or OUT in kinds:
            return self._ratio_value(elems, kinds, sign)
        if POINT in kinds:
            return self._point_value(elems, kinds, sign)
        fis = [i for i, k in enumerate(kinds) if k == F]
        if not fis:
            v = self.integer(elems)
            if v is None:
                return None
            last = elems[-1]
            if last.kind == M and last.value >= 1e3 and v:
                return sign * v / last.value, last.value, False
            return sign * v, None, False
        if len(fis) > 1:
            return None
        return self._fraction_value(elems, fis[0], sign)

    def _ratio_value(self, elems: list[Token], kinds: list, sign: float) -> Optional[tuple[float, Optional[float], bool]]:
        """"one over three", "293 out of 300" (a share)."""
        for i, k in enumerate(kinds):
            if k in (OVER, OUT):
                right = elems[i + 2:] if k == OUT else elems[i + 1:]
                if k == OUT and kinds[i + 1:i + 2] != [OF]:
                    return None
                left_v, right_v = self.integer(elems[:i]), self.integer(right)
                if left_v is None or right_v is None or right_v == 0 or M in kinds[:i]:
                    return None
                if not self._ratio_stands_alone(elems[0], right[-1], right):
                    return None
                return sign * left_v / right_v, None, k == OUT  # "293 out of 300" is a share
        return None

    def _point_value(self, elems: list[Token], kinds: list, sign: float) -> Optional[tuple[float, Optional[float], bool]]:
        """"nine point nought four"."""
        i = kinds.index(POINT)
        left_v, right = self.integer(elems[:i]), elems[i + 1:]
        if left_v is None or not right or M in kinds[:i] and kinds[i - 1] == M:
            return None
        if all(e.kind == U for e in right):
            digits = "".join(str(int(e.value)) for e in right)
        elif right[0].kind in (T, X) and len(right) <= 2:
            v = self.integer(right)
            if v is None:
                return None
            digits = str(int(v))
        else:
            return None
        return sign * (left_v + float("0." + digits)), None, False

    def _fraction_value(self, elems: list[Token], fi: int, sign: float) -> Optional[tuple[float, Optional[float], bool]]:
        """A phrase with one fraction word: "two-thirds", "one and a half", "three million and a half"."""
        head, den_tok, tail = elems[:fi], elems[fi], elems[fi + 1:]
        tail_kinds = [t.kind for t in tail]
        mult = 1.0
        if tail_kinds == [M]:
            mult = tail[0].value
        elif tail_kinds in ([A, Z], [A, M], [OF, A, M]):
            mult = tail[-1].value
        elif tail:
            return None
        int_part = None
        num = head
        ands = [i for i, e in enumerate(head) if e.kind == AND]
        if ands and len(head) - ands[-1] == 2 and head[-1].kind in (A, U):
            int_part, num = head[:ands[-1]], head[-1:]
        word = den_tok.word
        den = den_tok.value
        plural = word.endswith("s")
        if len(num) >= 2 and num[-1].kind == X and num[-2].kind != AND and self.linked(
                self.toks.index(num[-1]), self.toks.index(den_tok)):
            den += num[-1].value  # "one hundred thirty-fifths": 100/35
            num = num[:-1]
        elif word in self.lex.denominators_compound_only:
            return None
        if any(e.kind == D for e in num):
            return None  # "100 millionths" is a hundred millionths, not a fraction in words
        if not num:
            if head or word not in ("half", "quarter") or (word == "quarter" and not tail):
                return None
            numerator = 1.0
        else:
            numerator = self.integer(num) if num[-1].kind != A else (1.0 if len(num) == 1 else None)
            if numerator is None:
                return None
        if not plural and word != "half" and numerator != 1:
            return None  # "two millionth" is an ordinal
        if not plural and word != "half" and not tail and not self._fraction_ends(den_tok):
            return None  # "a third straight year", "one hundredth anniversary"
        frac = numerator / den
        if int_part is None:
            value = frac * mult
            if mult >= 1e3 and tail_kinds == [M]:
                return sign * frac, mult, False
            return sign * value, None, mult == 1.0
        iv = self.integer(int_part)
        if iv is None:
            return None
        mags = [e.value for e in int_part if e.kind == M]
        if not tail and int_part[-1].kind == M:
            return sign * (iv + frac * int_part[-1].value), None, False
        if tail and mags and max(mags) > mult:
            return sign * (iv + frac * mult), None, False
        if tail and mult >= 1e3:
            return sign * (iv + frac), mult, False
        return sign * (iv + frac) * mult, None, False

    def _fraction_ends(self, tok: Token) -> bool:
        nxt = re.match(r"\s+([a-z]+)", self.text[tok.end:tok.end + 30])
        return not nxt or nxt.group(1) in FUNCTION_WORDS

    def _ratio_stands_alone(self, first: Token, last: Token, right: list[Token]) -> bool:
        """'one over three' is a ratio; '$2000 over 3 years' is not."""
        if re.search(r"[$€£¥]\s?$", self.text[max(0, first.start - 3):first.start]):
            return False
        if len(right) == 1 and right[0].kind == D and 1800 <= right[0].value <= 2199:
            return False
        nxt = re.match(r"\s*([A-Za-z]+|%)", self.text[last.end:last.end + 30])
        return not nxt or nxt.group(1).lower() in FUNCTION_WORDS and nxt.group(1).lower() not in _RATIO_NOT_BEFORE


