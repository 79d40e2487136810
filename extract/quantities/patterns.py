"""The quantity recogniser's regexes, compiled once from the lexicon (data/quantities.toml), and the records it passes between its steps."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from extract.lexicon import Lexicon, alternation, case_blind_alternation, load_lexicon
from extract.numbers import Atom, MONTHS
from extract.pattern_screen import may_match
from extract.rule_files import QuantitiesRules
from extract.rules import load_rules


# Words that follow "N times" when it is a multiplier ("13 times higher"): data/quantities.toml.
COMPARATIVES = frozenset(load_rules("quantities.toml", QuantitiesRules).comparatives.words)
# The patterns read around a number: data/quantities.toml [patterns].
PATTERNS = load_rules("quantities.toml", QuantitiesRules).patterns


@dataclass(frozen=True)
class Rejected:
    """A number the recogniser saw and refused, with the reason (kept for debugging)."""

    start: int
    end: int
    surface: str
    reason: str


@dataclass
class Part:
    """One side of a quantity: currency, number, scale, unit, as read from the text."""

    start: int
    end: int
    atom: Atom
    number_end: int = -1  # where the number and its scale word end, before any unit ("2.5 billion| dollars")
    from_word: bool = False  # currency read from a word after the number ("dollars")
    currency: Optional[str] = None
    scale: Optional[float] = None
    unit: Optional[str] = None
    factor: float = 1.0
    noun: Optional[str] = None
    adjective: bool = False  # "trillion-dollar", "six-year"


class Patterns:
    """Regexes compiled from the lexicon; built once per lexicon."""

    def __init__(self, lex: Lexicon):
        self.lex = lex
        self._figure_patterns(lex)
        self._context_patterns(lex)

    def _figure_patterns(self, lex: Lexicon) -> None:
        """What a figure is written with: scales, currencies, percent, units, hedges."""
        self.number_word_set = frozenset(lex.number_words) | frozenset(lex.magnitudes) | frozenset(lex.denominators)
        # "a penny", "an euro": the article's "a" opens the pattern as a set, which the regex
        # engine skips to, its word boundary read after it (the character before is no
        # word character); the currency words case-blind, grouped by first letter. The
        # same matches as \b(an?)\s+(...)\b under re.I, read at every position.
        singular = case_blind_alternation([w for w in lex.currency_words if not w.endswith('s')])
        self.article_currency = re.compile(rf"([aA](?<![\w][aA])[nN]?)\s+({singular})\b")
        self.scale = re.compile(rf"(?:\s?|-)({alternation(lex.scales)})\b", re.I)
        self.scale_short = re.compile(rf"({alternation(lex.scales_short)})(?![\w])", re.I)
        self.currency_before = re.compile(
            rf"(?:(?<![A-Za-z])({alternation(lex.currency_signs)})|\b({alternation(lex.currency_codes)}))\s?$"
        )
        pct = alternation([p for p in lex.percent if p != "%"])
        self.percent = re.compile(rf"(?:\s?(%)|(?:\s|-)({pct})\b)", re.I)
        self.currency_after_word = re.compile(rf"(?:\s|-)({alternation(lex.currency_words)})\b", re.I)
        self.currency_after_code = re.compile(rf"\s?({alternation(lex.currency_codes)})\b")
        self.currency_after_lower = re.compile(rf"\s({alternation(lex.currency_codes_lowercase_after)})\b")
        self.currency_after_sign = re.compile(rf"\s?({alternation(lex.currency_signs_after)})")
        self.currency_prefix_spaced = re.compile(
            rf"(?<![\w.])({alternation(lex.currency_prefixes_spaced)})\s\$\s$", re.I)
        self.currency_word_scaled = re.compile(
            rf"\s({alternation(lex.currency_words_scaled)})\b(?!\s+of\b)", re.I)
        self.scale_bare_glued = re.compile(rf"({alternation(lex.scales_bare_glued)})(?![\w])")
        self.scale_bare_spaced = re.compile(rf" ({alternation(lex.scales_bare_spaced)})(?![\w$€£%.,]|\.\w)")
        self.percent_of_before = re.compile(PATTERNS.percent_of_before, re.I)
        self.multiplier = re.compile(PATTERNS.multiplier, re.I)
        self.duration = re.compile(rf"(?:\s|-)(?:(?:{alternation(lex.duration_fillers)})\s+)?"
                                   rf"({alternation(lex.durations)})\b", re.I)
        # Spaced symbols must be at least two letters and not an English word.
        glued_only = load_rules("quantities.toml", QuantitiesRules).unit_symbols_glued_only.words
        spaced = [s for s in lex.unit_symbols if len(s) >= 2 and s not in glued_only]
        self.unit_symbol_glued = re.compile(rf"({alternation(lex.unit_symbols)})(?![\w²³/])")
        self.unit_symbol_spaced = re.compile(rf"\s({alternation(spaced)})(?![\w²³])")
        self.unit_name = re.compile(rf"(?:\s|-)({alternation(lex.unit_names)})\b", re.I)
        # A counted noun: lower-case, an acronym plural ("GPUs") or a group of people
        # ("Americans", "Floridians", "Democrats").
        endings = "|".join(load_rules("quantities.toml", QuantitiesRules).counted_people_endings.words)
        self.noun = re.compile(rf"(?:\s|-)([a-z][a-z'’-]*[a-z]|[a-z]|[A-Z]{{2,}}s|[A-Z][a-z]+(?:{endings})"
                               rf"|{alternation(lex.counted_peoples)})\b")
        self.glued_letters = re.compile(r"[A-Za-z]+")
        self.connector = re.compile(PATTERNS.connector, re.I)
        # searched in the 40 characters before every figure: the hedges case-blind, grouped
        # by first letter (extract/lexicon.py), the same matches as under re.I
        hb = case_blind_alternation(lex.hedges_before)
        self.hedge_before = re.compile(rf"(?:(?<![\w])({hb})(?i:\s+(?:a|an|the))?\s*|(~)\s*)$")
        self.hedge_after = re.compile(rf"(?:\s*|-)(?:({alternation(lex.hedges_after)})\b|(\+))", re.I)
        self.multiplier_word = re.compile(rf"\b({alternation(lex.multiplier_words)})\b", re.I)
        # "doubles as a display", "doubled up": a verb with a particle, no multiple
        context = load_rules("quantities.toml", QuantitiesRules).figure_context
        self.multiplier_not_before = re.compile(rf"\s+(?:{alternation(context.multiplier_particles)})\b")
        vague_nouns = alternation(list(lex.currency_words))
        self.vague = re.compile(
            rf"\b({alternation(lex.vague)})(?:\s+of\s+(?:({vague_nouns})\b|([a-z][a-z-]*[a-z]|[A-Z]{{2,}}s)\b))?",
            re.I,
        )

    def _context_patterns(self, lex: Lexicon) -> None:
        """What around a number says it is no figure (a URL, a phone, a time, a date) or what kind."""
        self.url = re.compile(PATTERNS.url, re.I)
        # North-American style ("(555) 123-4567") or international with a country code
        # and two or more digit groups ("+1-222-2222/2222", "+44 20 7946 0958").
        self.phone = re.compile(r"(?:\+\d{1,3}[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b"
                                r"|(?<![\w+])\+\d{1,3}(?:[\s/-]\d{2,4}){2,}\b")
        # What every phone number above holds, found in a tenth of the time (the pattern's
        # optional opening keeps the engine trying each position); most texts have none.
        self.phone_screen = re.compile(r"\d\d\d\)?[\s.-]\d\d\d[\s.-]\d\d\d\d|\+\d")
        self.time_after = re.compile(PATTERNS.time_after)
        self.month_before = re.compile(rf"\b(?:{'|'.join(MONTHS)})\.?\s+$", re.I)
        self.month_after = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{'|'.join(MONTHS)})\b", re.I)
        self.time_window_before = re.compile(PATTERNS.time_window_before, re.I)
        self.time_window_after = re.compile(PATTERNS.time_window_after, re.I)
        df = lex.duration_figures
        asserting = alternation(list(df["hedges"]) + list(lex.hedges_before))
        self.duration_asserted_before = re.compile(
            rf"\b(?:within|in\s+(?:{asserting}))\s+$|\bwithin\s+(?:{asserting})\s+$"
            rf"|\b(?:{alternation(df['possessives'])})\s+(?:{alternation(df['ordinals'])})\s+$", re.I)
        self.duration_in_before = re.compile(PATTERNS.duration_in_before, re.I)
        self.superlative = re.compile(rf"\b(?:{alternation(df['superlatives'])})\b", re.I)
        self.age_before = re.compile(
            rf"\b(?:{alternation(lex.age_before)})\s+(?:(?:{alternation(list(lex.hedges_before))})\s+)?$", re.I)
        self.event_after = re.compile(rf"^\s+(?:{alternation(df['events_after'])})\b", re.I)
        self.tenure_after = re.compile(rf"^\s+(?:{alternation(df['tenure_after'])})\b", re.I)
        self.between_before = re.compile(PATTERNS.between_before, re.I)
        self.benchmark_speed = re.compile(PATTERNS.benchmark_speed, re.I)
        # "rose sharply from", "increased 20% from", "increase the average efficiency of
        # multi-junction devices from": a change word a few words before "from"
        self.change_from_before = re.compile(
            rf"\b(?:{alternation(sorted(lex.changes_from))})(?:,?\s+[^\s,;:.]+){{0,14}}?,?\s+from\s+$", re.I)
        self.label_before = re.compile(rf"(?:(?<![\w#])({alternation(lex.label_words)})\.?\s$)")


@lru_cache(maxsize=None)
def compiled_patterns() -> Patterns:
    return Patterns(load_lexicon())


def masked_spans(P: Patterns, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """URLs, e-mail addresses and phone numbers; each pattern is tried only where its
    screen finds what every match of it holds (extract/pattern_screen.py)."""
    spans = []
    if may_match(P.url, text, start, end):
        spans += [m.span() for m in P.url.finditer(text, start, end)]
    if P.phone_screen.search(text, start, end):
        spans += [m.span() for m in P.phone.finditer(text, start, end)]
    return spans
