"""The number layer under the quantities: every free number with its scale word, without currency or unit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extract.numbers import find_atoms
from extract.quantities.grow import clean_value
from extract.quantities.part import read_part
from extract.quantities.patterns import Rejected, Patterns, masked_spans, compiled_patterns
from extract.quantities.refusal import CODE_BEFORE


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

    Built on the same atoms and scale reading as the quantities (`read_part`), not on a
    parser of its own."""
    P = compiled_patterns()
    end = len(text) if end is None else end
    masked = masked_spans(P, text, start, end)
    atoms, refused = find_atoms(P.lex, text, start, end)
    left_out = [Rejected(r.start, r.end, r.surface, r.reason) for r in refused]
    numbers: list[Number] = []
    for atom in atoms:
        if numbers and atom.start < numbers[-1].end:
            continue  # swallowed by the scale word of the number before
        number_end, value = atom.end, atom.base
        if not atom.standalone:
            part = read_part(P, text, atom, end)
            if isinstance(part, str):
                left_out.append(Rejected(atom.start, atom.end, text[atom.start:atom.end], part))
                continue
            number_end, value = part.number_end, atom.base * (part.scale or 1)
        reason = _token_part(P, text, atom.start, number_end, masked)
        if reason:
            left_out.append(Rejected(atom.start, number_end, text[atom.start:number_end], reason))
            continue
        numbers.append(Number(atom.start, number_end, clean_value(value)))
    return numbers, left_out


def _token_part(P: Patterns, text: str, s: int, e: int, masked: list[tuple[int, int]]) -> Optional[str]:
    """Why the number at text[s:e] is part of a longer token, or None if it stands free."""
    if any(ms <= s < me for ms, me in masked):
        return "inside a URL, e-mail or phone number"
    if text[e:e + 1].isalpha():
        return f"glued to letters that are no scale word ('{text[s:e]}{_glued_tail(text, e)}')"
    if P.time_after.match(text, e) or re.search(r"\d:$", text[max(0, s - 3):s]):
        return "a time of day"
    if CODE_BEFORE.search(text[max(0, s - 30):s]):
        return "part of a code (scp2-173)"
    return None


def _glued_tail(text: str, e: int) -> str:
    return re.match(r"[A-Za-z]*", text[e:e + 20]).group(0)


# A code before a hyphen and a number: letters and digits mixed ("scp2-173", "A320neo-2").
