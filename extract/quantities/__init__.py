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

`find_numbers` is the number layer under the quantities: every free number with its
scale word ("$2.5 billion" holds "2.5 billion"), without currency or unit, from the
same atoms and the same scale reading.

One module a step: patterns.py (the regexes, from the lexicon), grow.py (pass 2),
word_forms.py (pass 3), refusal.py (what is not a figure, and why), free_numbers.py
(the number layer); this module runs the passes in order.
"""

from __future__ import annotations

import re
from typing import Optional

from extract.numbers import find_atoms
from extract.quantities.free_numbers import Number, find_numbers, read_numbers
from extract.quantities.grow import clean_value, grow_atom, read_hedge
from extract.quantities.patterns import COMPARATIVES, Rejected, compiled_patterns, masked_spans
from extract.quantities.refusal import DURATION_UNITS, SCALED, accounting_negative, figure_refusal
from extract.quantities.word_forms import find_word_forms
from extract.records import Approx, Quantity
from extract.unit_words import refine_units
from extract.widgets import quote_widget_spans


__all__ = ["find_quantities", "recognise", "find_numbers", "read_numbers", "figure_refusal", "Number", "Rejected",
           "DURATION_UNITS", "SCALED", "COMPARATIVES"]

def find_quantities(text: str, start: int = 0, end: Optional[int] = None) -> list[Quantity]:
    """Every quantity in text[start:end], in order, with offsets into `text`."""
    return recognise(text, start, end)[0]


def recognise(text: str, start: int = 0, end: Optional[int] = None) -> tuple[list[Quantity], list[Rejected]]:
    """Quantities in text[start:end] and the numbers refused, each with its reason.

    Recognition keeps every number it can read, bare ones included ("1979",
    "Voyager 2"): whether a quantity is a claim is for `figure_refusal` and the
    claim filter to say. Refused here are only strings that are no quantity at all:
    times of day, URLs and phone numbers, codes, spans of years, '/' dates."""
    P = compiled_patterns()
    end = len(text) if end is None else end
    masked = masked_spans(P, text, start, end)
    widgets = quote_widget_spans(text, start, end)
    atoms, refused = find_atoms(P.lex, text, start, end)
    rejected = [Rejected(r.start, r.end, r.surface, r.reason) for r in refused]
    rejected += [Rejected(a.start, a.end, text[a.start:a.end], "a row of a stock-quote widget (page chrome)")
                 for a in atoms if any(s <= a.start < e for s, e in widgets)]
    atoms = [a for a in atoms if not any(s <= a.start < e for s, e in widgets)]
    found: list[Quantity] = []

    consumed_until = -1
    for i, atom in enumerate(atoms):
        if atom.start < consumed_until:
            continue
        if any(s <= atom.start < e for s, e in masked):
            rejected.append(Rejected(atom.start, atom.end, text[atom.start:atom.end], "inside a URL, e-mail or phone number"))
            continue
        if atom.standalone:
            found.append(Quantity(start=atom.start, end=atom.end, surface=text[atom.start:atom.end],
                                  value=clean_value(atom.base), unit="count"))
            consumed_until = atom.end
            continue
        q, reason, q_end = grow_atom(P, text, atom, atoms[i + 1:], end)
        if q is None:
            rejected.append(Rejected(atom.start, atom.end, text[atom.start:atom.end], reason))
            continue
        q = accounting_negative(text, q, found[-1] if found else None, start, end)
        found.append(q)
        consumed_until = max(q_end, q.end)

    found.extend(find_word_forms(P, text, start, end))
    found = refine_units(text, found, start, end, hedge=lambda s, e: read_hedge(P, text, s, e, end))
    found = [q for q in found if not any(s <= q.start < e for s, e in masked + widgets)]
    return _conversions_hedged(text, _resolve_overlaps(found)), rejected


_CONVERSION_GAP = re.compile(r"[ \t]*\([ \t]*|,?[ \t]+or[ \t]+")


def _conversions_hedged(text: str, qs: list[Quantity]) -> list[Quantity]:
    """A figure restated in other units right after a hedged one takes its hedge:
    "about 2,300 tons (2,095 metric tons)", "up to $12.9bn (£10bn)", "about 2,750 tons,
    or 2,500 metric tons"."""
    out: list[Quantity] = []
    for q in qs:
        prev = out[-1] if out else None
        if prev is not None and q.approx == Approx.exact and prev.approx != Approx.exact \
                and q.unit != "count" and _CONVERSION_GAP.fullmatch(text[prev.end:q.start]):
            q = q.model_copy(update={"approx": prev.approx, "hedge": prev.hedge})
        out.append(q)
    return out


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

