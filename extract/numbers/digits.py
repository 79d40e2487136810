"""Numbers written in digits: grouped, decimal-comma, exponent, fraction and mixed forms, and the digit strings refused as numbers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extract.numbers.atoms import Atom, Refused
from extract.rule_files import QuantitiesRules
from extract.rules import load_rules

_PATTERNS = load_rules("quantities.toml", QuantitiesRules).patterns


# ---------------------------------------------------------------- digits

_SPACE_GROUP = "[ \u00a0\u202f\u2009]"
_DIGITS = re.compile(
    r"(?<![\w.,/#+^])"
    r"(?P<sign>(?<![^\s(\[$€£¥])[-−](?=\.?\d))?"
    r"(?P<body>\d[\d,]*\d(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
)
# The engine skips to a digit fast (a set first), but tries _DIGITS, which opens with
# look-behinds, at every position: a match holds a digit at most two characters after
# its start ("-.5"), so _DIGITS is searched from there (the same leftmost match).
_A_DIGIT = re.compile(r"\d")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_SPACED_TAIL = re.compile(rf"(?:{_SPACE_GROUP}\d{{3}})+(?:\.\d+)?(?![\d,]|\.\d)")
_EXPONENT = re.compile(r"[eE][+-]?\d+(?![\w])")
_POWER = re.compile(r"\^([-+−]*)(\d+(?:\.\d+)?)(?![\w])")
_TIMES_TEN = re.compile(r"\s?[×x]\s?10(?:\^([-+−]?\d+)|([-−]\d+))(?![\w.])")
_SLASH = re.compile(r"/(\d+)(?:/(\d+))?(?![\w/])")
_DOTTED = re.compile(r"\d+(?:\.\d+){2,}(?![\w])")
_DECADE = re.compile(r"'?s(?![\w])")
_MODEL_SUFFIX = re.compile(_PATTERNS.model_suffix)
_YEAR_SPAN = re.compile(r"[-–/]\d{2}(?![\w])")
# A name or code glued by a hyphen ("GPT-4"); common prefixes ("mid-2025") are no names but
# still no figure, and are read as numbers (data/quantities.toml).
_CODE_BEFORE = re.compile(_PATTERNS.code_before, re.I)
_MIXED_BEFORE = re.compile(r"(?<![\w.,])(\d+)(?:[ \t]+|-)$")
_PROPER_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100})


@dataclass
class _Reading:
    """One digit match being read, and the three lists the reading adds to."""

    text: str
    start: int  # where the search window starts
    end: int  # where it ends
    m: re.Match
    s: int  # where the number starts (its sign included)
    sign: float
    plain: list[Atom]
    final: list[Atom]
    refused: list[Refused]

    @property
    def body(self) -> str:
        return self.m.group("body")

    @property
    def b0(self) -> int:
        return self.m.start("body")


def digit_atoms(text: str, start: int, end: int) -> tuple[list[Atom], list[Atom], list[Refused]]:
    """(plain atoms that may join word numbers, finished atoms, refused)."""
    plain: list[Atom] = []
    final: list[Atom] = []
    refused: list[Refused] = []
    pos = start
    while True:
        digit = _A_DIGIT.search(text, pos, end)
        m = _DIGITS.search(text, max(pos, digit.start() - 2), end) if digit else None
        if not m:
            break
        s, b0 = m.start(), m.start("body")
        sign = -1.0 if m.group("sign") else 1.0
        if sign < 0 and re.search(r"\d[ \t]*$", text[max(start, s - 3):s]):
            sign, s = 1.0, b0  # "75 -300mm": a range written loosely, not a negative
        r = _Reading(text, start, end, m, s, sign, plain, final, refused)
        pos = (_grouped(r) or _with_exponent(r) or _name_or_span(r) or _with_slash(r)
               or _plain(r))
    return plain, final, refused


def _grouped(r: _Reading) -> Optional[int]:
    """Dotted codes, comma-grouped thousands, decimal commas, comma lists and space-grouped
    thousands; where reading goes on, or None when the number is none of these."""
    text, body, b0, end = r.text, r.body, r.b0, r.end
    dotted = _DOTTED.match(text, b0, end)
    if dotted and body.count(",") == 0:
        for part in re.finditer(r"\d+", dotted.group(0)):
            r.final.append(Atom(b0 + part.start(), b0 + part.end(), float(part.group(0)), standalone=True))
        return dotted.end()
    if "," in body:
        if _THOUSANDS.fullmatch(body):
            value = float(body.replace(",", ""))
        elif _DECIMAL_COMMA.fullmatch(body):
            value = float(body.replace(",", "."))
        else:  # a list "22,24,26,31": each its own number
            for part in re.finditer(r"\d+(?:\.\d+)?", body):
                r.final.append(Atom(b0 + part.start(), b0 + part.end(), float(part.group(0)), standalone=True))
            return r.m.end()
        r.plain.append(Atom(r.s, r.m.end(), r.sign * value))
        return r.m.end()
    e = r.m.end()
    if re.fullmatch(r"\d{1,3}", body):
        grouped = _SPACED_TAIL.match(text, e, end)
        if grouped and grouped.group(0).count("\u0020") + grouped.group(0).count("\u00a0") == 1 and re.match(
                r"\s+[A-Z]", text[grouped.end():grouped.end() + 3]):
            grouped = None  # "400 737 Max jets": a count, then a model number
        if grouped:
            e = grouped.end()
            value = float(re.sub(r"\D", "", text[b0:e].split(".")[0]) + ("." + text[b0:e].split(".")[1]
                                                                          if "." in text[b0:e] else ""))
            r.plain.append(Atom(r.s, e, r.sign * value))
            return e
    return None


def _with_exponent(r: _Reading) -> Optional[int]:
    """"1.3e6", "1.1^23", "2.48×10−5"; where reading goes on, or None."""
    text, body, s, e, end = r.text, r.body, r.s, r.m.end(), r.end
    ext = _EXPONENT.match(text, e, end)
    if ext and not body.startswith("."):
        r.final.append(Atom(s, ext.end(), r.sign * float(body + ext.group(0).lower())))
        return ext.end()
    ext = _POWER.match(text, e, end)
    if ext:
        exp_sign = -1.0 if (ext.group(1).count("-") + ext.group(1).count("−")) % 2 else 1.0
        try:
            v = float(body) ** (exp_sign * float(ext.group(2)))
        except OverflowError:
            v = None
        if v is not None:
            r.final.append(Atom(s, ext.end(), r.sign * v))
            return ext.end()
    ext = _TIMES_TEN.match(text, e, end)
    if ext:
        exp = (ext.group(1) or ext.group(2)).replace("−", "-")
        r.final.append(Atom(s, ext.end(), r.sign * float(body) * 10 ** int(exp)))
        return ext.end()
    return None


def _name_or_span(r: _Reading) -> Optional[int]:
    """Part of a name or code, a model code or score, a decade, a span of years; where
    reading goes on, or None."""
    text, body, s, e, end, m = r.text, r.body, r.s, r.m.end(), r.end, r.m
    value = float(body)
    code = _CODE_BEFORE.search(text, max(r.start, s - 20), s)
    if code and not m.group("sign"):
        tail = re.match(r"[\w.]*", text[e:end]).end()
        r.refused.append(Refused(s, e + tail, text[s:e + tail], "part of a name or code (GPT-4, Colossus-1)"))
        return e + tail
    model = _MODEL_SUFFIX.match(text, e, end)
    if model and re.fullmatch(r"\d+", body) and int(model.group(1)) < value and not m.group("sign") \
            and not (re.fullmatch(r"\d{4}", body) and len(model.group(1)) == 2):
        # "787-9", "A350-900"'s tail, a score "110-98": a falling pair is no range
        r.refused.append(Refused(s, model.end(), text[s:model.end()], "a model code or score (787-9), not a range"))
        return model.end()
    is_int4 = bool(re.fullmatch(r"\d{4}", body))
    if is_int4 and _DECADE.match(text, e, end):
        r.final.append(Atom(s, e, value, is_int4=True, standalone=True))
        return e
    if is_int4 and _YEAR_SPAN.match(text, e, end) and 1800 <= value <= 2199:
        span_end = _YEAR_SPAN.match(text, e, end).end()
        r.refused.append(Refused(s, span_end, text[s:span_end], "a span of years (a period)"))
        return span_end
    return None


def _with_slash(r: _Reading) -> Optional[int]:
    """A date "5/17/2018", a fraction "3/4" or mixed "10 1/2", a ratio "24/7"; where
    reading goes on, or None."""
    text, body, b0, s, e, end = r.text, r.body, r.b0, r.s, r.m.end(), r.end
    sl = _SLASH.match(text, e, end)
    if not (sl and re.fullmatch(r"\d+", body)):
        return None
    num, den = int(body), int(sl.group(1))
    if sl.group(2) is not None:  # a date: 5/17/2018
        for part in re.finditer(r"\d+", text[b0:sl.end()]):
            r.final.append(Atom(b0 + part.start(), b0 + part.end(), float(part.group(0)),
                                is_int4=len(part.group(0)) == 4, standalone=True))
    elif den in _PROPER_DENOMINATORS and 0 < num < den:
        frac = num / den
        mixed = _MIXED_BEFORE.search(text, r.start, s)
        plain = r.plain
        if mixed and plain and plain[-1].start == mixed.start(1) and plain[-1].end == mixed.end(1):
            whole = plain.pop()
            r.final.append(Atom(whole.start, sl.end(), whole.base + (frac if whole.base >= 0 else -frac)))
        else:
            r.final.append(Atom(s, sl.end(), r.sign * frac))
    else:
        r.refused.append(Refused(s, sl.end(), text[s:sl.end()], "a date or ratio written with '/'"))
    return sl.end()


def _plain(r: _Reading) -> int:
    """A plain digit number, which may still join a word number ("3 hundred")."""
    e = r.m.end()
    r.plain.append(Atom(r.s, e, r.sign * float(r.body), is_int4=bool(re.fullmatch(r"\d{4}", r.body))))
    return e


