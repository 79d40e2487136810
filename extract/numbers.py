"""Number atoms: every number the text writes, in digits or in words, with true offsets.

The first pass of quantity recognition (extract/quantities.py grows each atom into a
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

Word lists come from data/quantities.toml through extract/lexicon.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extract.lexicon import Lexicon
from extract.months import month_numbers

MONTHS = list(month_numbers())

# Words after a number that are not the thing counted ("5 of the", "10 to 12").
FUNCTION_WORDS = frozenset(
    """a an the of to in on at by for from and or nor but as than so that which who whom
    whose this these those it its is was are were be been being has have had do does did
    will would could can may might should must shall with into onto over under after before fewer plus
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


@dataclass(frozen=True)
class Atom:
    start: int
    end: int
    base: float
    scale: Optional[float] = None  # the trailing magnitude ("2.5 billion": base 2.5, scale 1e9)
    spelled: bool = False
    is_int4: bool = False  # four digits, no comma or decimal: a year candidate
    fraction: bool = False  # a proper fraction: "two-thirds", "a half", "3/4"
    standalone: bool = False  # part of a date, list or code, or a decade: takes no unit


@dataclass(frozen=True)
class Refused:
    start: int
    end: int
    surface: str
    reason: str


# ---------------------------------------------------------------- digits

_SPACE_GROUP = "[ \u00a0\u202f\u2009]"
_DIGITS = re.compile(
    r"(?<![\w.,/#+^])"
    r"(?P<sign>(?<![^\s(\[$€£¥])[-−](?=\.?\d))?"
    r"(?P<body>\d[\d,]*\d(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
)
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_SPACED_TAIL = re.compile(rf"(?:{_SPACE_GROUP}\d{{3}})+(?:\.\d+)?(?![\d,]|\.\d)")
_EXPONENT = re.compile(r"[eE][+-]?\d+(?![\w])")
_POWER = re.compile(r"\^([-+−]*)(\d+(?:\.\d+)?)(?![\w])")
_TIMES_TEN = re.compile(r"\s?[×x]\s?10(?:\^([-+−]?\d+)|([-−]\d+))(?![\w.])")
_SLASH = re.compile(r"/(\d+)(?:/(\d+))?(?![\w/])")
_DOTTED = re.compile(r"\d+(?:\.\d+){2,}(?![\w])")
_DECADE = re.compile(r"'?s(?![\w])")
_MODEL_SUFFIX = re.compile(r"-(\d+)(?![\d.,%/-]|\s*(?:percent|per cent|%))")
_YEAR_SPAN = re.compile(r"[-–/]\d{2}(?![\w])")
# A name or code: letters glued by a hyphen to the number ("GPT-4", "COVID-19",
# "Colossus-1"); spelled-out tens ("twenty-") and common prefixes ("mid-2025",
# "pre-2020", "top-10") are not names but still no figure, and are read as numbers.
_CODE_BEFORE = re.compile(r"(?<![\w-])(?!(?:mid|pre|post|early|late|top|over|under|sub|non|ex|anti|circa|c)-)"
                          r"[A-Za-z][A-Za-z0-9]*-$", re.I)
_MIXED_BEFORE = re.compile(r"(?<![\w.,])(\d+)(?:[ \t]+|-)$")
_PROPER_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100})


def _digit_atoms(text: str, start: int, end: int) -> tuple[list[Atom], list[Atom], list[Refused]]:
    """(plain atoms that may join word numbers, finished atoms, refused)."""
    plain: list[Atom] = []
    final: list[Atom] = []
    refused: list[Refused] = []
    pos = start
    while True:
        m = _DIGITS.search(text, pos, end)
        if not m:
            break
        s, body = m.start(), m.group("body")
        b0 = m.start("body")
        sign = -1.0 if m.group("sign") else 1.0
        if sign < 0 and re.search(r"\d[ \t]*$", text[max(start, s - 3):s]):
            sign, s = 1.0, b0  # "75 -300mm": a range written loosely, not a negative
        pos = m.end()

        dotted = _DOTTED.match(text, b0, end)
        if dotted and body.count(",") == 0:
            for part in re.finditer(r"\d+", dotted.group(0)):
                final.append(Atom(b0 + part.start(), b0 + part.end(), float(part.group(0)), standalone=True))
            pos = dotted.end()
            continue

        if "," in body:
            if _THOUSANDS.fullmatch(body):
                value = float(body.replace(",", ""))
            elif _DECIMAL_COMMA.fullmatch(body):
                value = float(body.replace(",", "."))
            else:  # a list "22,24,26,31": each its own number
                for part in re.finditer(r"\d+(?:\.\d+)?", body):
                    final.append(Atom(b0 + part.start(), b0 + part.end(), float(part.group(0)), standalone=True))
                continue
            plain.append(Atom(s, m.end(), sign * value))
            continue

        e = m.end()
        value = float(body)
        if re.fullmatch(r"\d{1,3}", body):
            grouped = _SPACED_TAIL.match(text, e, end)
            if grouped and grouped.group(0).count("\u0020") + grouped.group(0).count("\u00a0") == 1 and re.match(
                    r"\s+[A-Z]", text[grouped.end():grouped.end() + 3]):
                grouped = None  # "400 737 Max jets": a count, then a model number
            if grouped:
                e = grouped.end()
                value = float(re.sub(r"\D", "", text[b0:e].split(".")[0]) + ("." + text[b0:e].split(".")[1]
                                                                              if "." in text[b0:e] else ""))
                plain.append(Atom(s, e, sign * value))
                pos = e
                continue

        ext = _EXPONENT.match(text, e, end)
        if ext and not body.startswith("."):
            final.append(Atom(s, ext.end(), sign * float(body + ext.group(0).lower())))
            pos = ext.end()
            continue
        ext = _POWER.match(text, e, end)
        if ext:
            exp_sign = -1.0 if (ext.group(1).count("-") + ext.group(1).count("−")) % 2 else 1.0
            try:
                v = float(body) ** (exp_sign * float(ext.group(2)))
            except OverflowError:
                v = None
            if v is not None:
                final.append(Atom(s, ext.end(), sign * v))
                pos = ext.end()
                continue
        ext = _TIMES_TEN.match(text, e, end)
        if ext:
            exp = (ext.group(1) or ext.group(2)).replace("−", "-")
            final.append(Atom(s, ext.end(), sign * float(body) * 10 ** int(exp)))
            pos = ext.end()
            continue

        code = _CODE_BEFORE.search(text, max(start, s - 20), s)
        if code and not m.group("sign"):
            tail = re.match(r"[\w.]*", text[e:end]).end()
            refused.append(Refused(s, e + tail, text[s:e + tail], "part of a name or code (GPT-4, Colossus-1)"))
            pos = e + tail
            continue
        model = _MODEL_SUFFIX.match(text, e, end)
        if model and re.fullmatch(r"\d+", body) and int(model.group(1)) < value and not m.group("sign") \
                and not (re.fullmatch(r"\d{4}", body) and len(model.group(1)) == 2):
            # "787-9", "A350-900"'s tail, a score "110-98": a falling pair is no range
            refused.append(Refused(s, model.end(), text[s:model.end()], "a model code or score (787-9), not a range"))
            pos = model.end()
            continue
        is_int4 = bool(re.fullmatch(r"\d{4}", body))
        if is_int4 and _DECADE.match(text, e, end):
            final.append(Atom(s, e, value, is_int4=True, standalone=True))
            pos = e
            continue
        if is_int4 and _YEAR_SPAN.match(text, e, end) and 1800 <= value <= 2199:
            span_end = _YEAR_SPAN.match(text, e, end).end()
            refused.append(Refused(s, span_end, text[s:span_end], "a span of years (a period)"))
            pos = span_end
            continue

        sl = _SLASH.match(text, e, end)
        if sl and re.fullmatch(r"\d+", body):
            num, den = int(body), int(sl.group(1))
            if sl.group(2) is not None:  # a date: 5/17/2018
                for part in re.finditer(r"\d+", text[b0:sl.end()]):
                    final.append(Atom(b0 + part.start(), b0 + part.end(), float(part.group(0)),
                                      is_int4=len(part.group(0)) == 4, standalone=True))
            elif den in _PROPER_DENOMINATORS and 0 < num < den:
                frac = num / den
                mixed = _MIXED_BEFORE.search(text, start, s)
                if mixed and plain and plain[-1].start == mixed.start(1) and plain[-1].end == mixed.end(1):
                    whole = plain.pop()
                    final.append(Atom(whole.start, sl.end(), whole.base + (frac if whole.base >= 0 else -frac)))
                else:
                    final.append(Atom(s, sl.end(), sign * frac))
            else:
                refused.append(Refused(s, sl.end(), text[s:sl.end()], "a date or ratio written with '/'"))
            pos = sl.end()
            continue

        plain.append(Atom(s, e, sign * value, is_int4=is_int4))
    return plain, final, refused


# ---------------------------------------------------------------- words

# Token kinds of a number phrase.
SIGN, A, U, T, X, D, H, M, Z, F, AND, POINT, OVER, OUT, OF = (
    "sign a unit teen tens digits hundred magnitude dozen fraction and point over out of".split())


@dataclass(frozen=True)
class _Tok:
    start: int
    end: int
    kind: str
    value: float
    word: str
    atom: Optional[Atom] = None


def _word_tokens(lex: Lexicon, text: str, start: int, end: int) -> list[_Tok]:
    toks = []
    for m in re.finditer(r"[A-Za-z]+|&", text[start:end]):
        w = m.group(0).lower()
        s, e = m.start() + start, m.end() + start
        if w in lex.number_words:
            v = lex.number_words[w]
            kind = U if v < 10 else (T if v < 20 else X)
        elif w == "hundred":
            kind, v = H, 100.0
        elif w in lex.magnitudes:
            kind, v = M, lex.magnitudes[w]
        elif w in lex.dozens:
            kind, v = Z, lex.dozens[w]
        elif w in lex.denominators:
            kind, v = F, lex.denominators[w]
        elif w in ("a", "an"):
            kind, v = A, 1.0
        elif w in ("and", "&"):
            kind, v = AND, 0.0
        elif w == "point":
            kind, v = POINT, 0.0
        elif w in lex.sign_words:
            if re.search(r"(?i)\bplus\s+or\s+$", text[max(0, s - 9):s]):
                continue  # "plus or minus 2%": a tolerance, read as a hedge, not a sign
            kind, v = SIGN, lex.sign_words[w]
        elif w == "over":
            kind, v = OVER, 0.0
        elif w == "out":
            kind, v = OUT, 0.0
        elif w == "of":
            kind, v = OF, 0.0
        else:
            continue
        toks.append(_Tok(s, e, kind, float(v), w))
    return toks


def _gap(text: str, a: _Tok, b: _Tok) -> Optional[str]:
    g = text[a.end:b.start]
    if re.fullmatch(r"[ \t\u00a0]+", g):
        return "space"
    if re.fullmatch(r"[ \t\u00a0]*-[ \t\u00a0]*", g):
        return "hyphen"
    if re.fullmatch(r",[ \t\u00a0]+", g):
        return "comma"
    return None


# What may follow what inside one number phrase (the evaluator checks the whole).
_NEXT = {
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


class _Phrases:
    def __init__(self, lex: Lexicon, text: str, toks: list[_Tok]):
        self.lex, self.text, self.toks = lex, text, toks

    def kind_at(self, i: int) -> Optional[str]:
        return self.toks[i].kind if 0 <= i < len(self.toks) else None

    def linked(self, i: int, j: int, allow=("space", "hyphen")) -> bool:
        return 0 <= i < j < len(self.toks) and _gap(self.text, self.toks[i], self.toks[j]) in allow

    def _and_ok(self, elems: list[_Tok], i: int) -> bool:
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

    def grow(self, i: int) -> list[_Tok]:
        """The longest run of tokens from i that may form one number."""
        elems = [self.toks[i]]
        j = i + 1
        while j < len(self.toks):
            prev, tok = elems[-1], self.toks[j]
            gap = _gap(self.text, prev, tok)
            compound_den = (tok.kind == X and prev.kind in (U, T, X, M) and self.kind_at(j + 1) == F
                            and self.linked(j, j + 1))  # "one twenty-fifth", "three twenty firsts"
            if gap is None or (tok.kind not in _NEXT[prev.kind] and not compound_den):
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

    def _decimals(self, elems: list[_Tok], j: int) -> list[_Tok]:
        """After 'point', digit words follow one by one: 'point nought four'."""
        if elems[-1].kind == U and POINT in [e.kind for e in elems]:
            while j < len(self.toks) and self.toks[j].kind == U and self.linked(j - 1, j, ("space",)):
                elems.append(self.toks[j])
                j += 1
        return elems

    # ------------------------------------------------------------ values

    def integer(self, elems: list[_Tok]) -> Optional[float]:
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

    def evaluate(self, elems: list[_Tok]) -> Optional[tuple[float, Optional[float], bool]]:
        """(base, scale, is a proper fraction) of a phrase, or None if it is not a number."""
        sign = 1.0
        if elems and elems[0].kind == SIGN:
            sign, elems = elems[0].value, elems[1:]
        if not elems:
            return None
        kinds = [e.kind for e in elems]
        if len(elems) == 1 and elems[0].kind == D:
            return sign * elems[0].value, None, False

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

        if POINT in kinds:
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
        fi = fis[0]
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

    def _fraction_ends(self, tok: _Tok) -> bool:
        nxt = re.match(r"\s+([a-z]+)", self.text[tok.end:tok.end + 30])
        return not nxt or nxt.group(1) in FUNCTION_WORDS

    def _ratio_stands_alone(self, first: _Tok, last: _Tok, right: list[_Tok]) -> bool:
        """'one over three' is a ratio; '$2000 over 3 years' is not."""
        if re.search(r"[$€£¥]\s?$", self.text[max(0, first.start - 3):first.start]):
            return False
        if len(right) == 1 and right[0].kind == D and 1800 <= right[0].value <= 2199:
            return False
        nxt = re.match(r"\s*([A-Za-z]+|%)", self.text[last.end:last.end + 30])
        return not nxt or nxt.group(1).lower() in FUNCTION_WORDS and nxt.group(1).lower() not in (
            "percent", "times", "year", "years", "month", "months", "day", "days", "hour", "hours")


def find_atoms(lex: Lexicon, text: str, start: int, end: int) -> tuple[list[Atom], list[Refused]]:
    """Every number atom in text[start:end], in order, and the numbers refused."""
    plain, final, refused = _digit_atoms(text, start, end)
    taken = [(a.start, a.end) for a in final] + [(r.start, r.end) for r in refused]
    toks = [t for t in _word_tokens(lex, text, start, end) if not any(s <= t.start < e for s, e in taken)]
    toks += [_Tok(a.start, a.end, D, a.base, text[a.start:a.end], a) for a in plain]
    toks.sort(key=lambda t: t.start)
    ph = _Phrases(lex, text, toks)
    atoms = list(final)
    i = 0
    while i < len(toks):
        tok = toks[i]
        adjective = tok.kind in (H, M) and re.match(r"[A-Za-z ]*-[A-Za-z]", text[tok.end:tok.end + 40])
        if tok.kind not in _NEXT[None] and not adjective:
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
    return bool(re.match(r"(?:'s|’s|\s+another\b|\s+or\s+(?:the\s+)?other\b)", text[e:e + 20]))
