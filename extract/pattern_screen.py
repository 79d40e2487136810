"""A cheap, exact screen in front of costly regular expressions.

Most of the period patterns (extract/data/periods.toml) open with a word boundary and a
list of words, which keeps Python's regex engine from skipping ahead: each of them tries
every position of every sentence, and most sentences name no time at all. Yet a match of
`\\b(?:in|since|from)\\s+(?:january|...)` must contain one of the month names. `runnable`
looks for the strings of all the patterns once per text with `in` (C speed, the text
lower-cased once for the patterns that ignore case), and a pattern runs only where its
strings occur, so the matches found are exactly the patterns' own.

The strings are read from the pattern's parse: a run of literal characters, small
character sets and alternatives of such runs is expanded into the strings it can match;
a group, an alternation or a repetition of at least one is read inside. Of the runs found,
the one whose shortest string is longest is kept. A pattern with no such run (its every
part optional, or classes such as \\d only) has no screen and always runs.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product
from re import _constants as sre
from re import _parser as sre_parse
from typing import NamedTuple, Optional

# A run expanded to more strings than this is cut there: the screen stays a short list.
MOST_STRINGS = 256
# A character set of up to this many characters is expanded ([-\u2013] is two strings).
MOST_SET_CHARS = 8
# Combinations of strings present whose patterns are kept (memory stays bounded).
MOST_COMBINATIONS = 4096
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
# The characters that a case-blind pattern takes for an ASCII letter but str.lower() does
# not turn into it (Python's re: simple case folding plus re._casefix's extra cases;
# tests/test_pattern_screen.py checks every code point): mapped before lower-casing.
FOLDED_TO_ASCII = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_ASCII_FOLDS = str.maketrans(FOLDED_TO_ASCII)
_FOLDED_CHARS = tuple(chr(c) for c in _ASCII_FOLDS)


def fold_case(text: str) -> str:
    """`text` lower-cased as a case-blind pattern reads ASCII letters. The four odd
    characters are looked for first (`in` is C speed): translate() walks a non-ASCII
    text a character at a time, and most texts hold none of them."""
    if any(ch in text for ch in _FOLDED_CHARS):
        text = text.translate(_ASCII_FOLDS)
    return text.lower()


class Screen(NamedTuple):
    needs: tuple[tuple[str, ...], ...]  # every match contains one string of each
    folded: bool  # looked for in the lower-cased text (the pattern ignores case)


def runnable(patterns: tuple[tuple[re.Pattern, str], ...], text: str, start: int = 0,
             end: Optional[int] = None) -> list[tuple[re.Pattern, str]]:
    """The (pattern, kind) pairs, in order, whose pattern may match in text[start:end] (as
    finditer(text, start, end) reads it): one left out has no match there. A caller that
    screens the same list often builds its `PatternList` once: finding it here hashes
    every pattern of the list (~15 us for the period patterns)."""
    return _screen_of_list(patterns).runnable(text, start, end)


def may_match(pattern: re.Pattern, text: str, start: int = 0, end: Optional[int] = None) -> bool:
    """False only when `pattern` has no match in text[start:end] (as finditer(text, start,
    end) reads it): a string its every match holds is missing there."""
    screen = screen_of(pattern)
    if screen is None:
        return True
    window = fold_case(text[start:end]) if screen.folded else text[start:end]
    return all(any(s in window for s in strings) for strings in screen.needs)


class PatternList:
    """(pattern, kind) pairs and their screens, their strings looked for once per text.

    A pattern anchored at the start of the text (`^...`) is not screened: it fails at
    once at every other position, and looking for its strings would cost more."""

    def __init__(self, patterns: tuple[tuple[re.Pattern, str], ...]):
        self.patterns = patterns
        bits: dict[tuple[bool, str], int] = {}
        masks: dict[int, int] = {}  # a need's mask (one bit a string) -> its index in self.masks
        self.needs: list[Optional[frozenset[int]]] = []  # each pattern's needs, as indexes
        for pattern, _ in patterns:
            screen = None if _anchored(pattern) else screen_of(pattern)
            if screen is None:
                self.needs.append(None)
                continue
            needs = set()
            for strings in screen.needs:
                mask = 0
                # a string holding another of its list is present only where that one is:
                # the list holds a string of the text as well without it (one test fewer)
                for s in [s for s in strings if not any(o != s and o in s for o in strings)]:
                    mask |= bits.setdefault((screen.folded, s), 1 << len(bits))
                needs.add(masks.setdefault(mask, len(masks)))
            self.needs.append(frozenset(needs))
        self.masks = list(masks)
        self.raw = _by_length([(s, bit) for (folded, s), bit in bits.items() if not folded])
        self.low = _by_length([(s, bit) for (folded, s), bit in bits.items() if folded])
        # Which patterns run depends only on which strings a text holds: few combinations recur.
        self.by_present: dict[int, list] = {}

    def runnable(self, text: str, start: int = 0, end: Optional[int] = None) -> list[tuple[re.Pattern, str]]:
        """As `runnable` above, for this list."""
        raw = text[start:end]
        present = 0
        for s, bit, inner in self.raw:
            if (not inner or present & inner) and s in raw:
                present |= bit
        if self.low:
            low = fold_case(raw)
            for s, bit, inner in self.low:
                if (not inner or present & inner) and s in low:
                    present |= bit
        chosen = self.by_present.get(present)
        if chosen is None:
            if len(self.by_present) >= MOST_COMBINATIONS:
                self.by_present.clear()
            unmet = {i for i, mask in enumerate(self.masks) if not mask & present}
            chosen = self.by_present[present] = [item for item, needs in zip(self.patterns, self.needs)
                                                 if needs is None or unmet.isdisjoint(needs)]
        return chosen

    def search_any(self, text: str) -> bool:
        """Does any of the patterns match somewhere in `text`?"""
        return any(pattern.search(text) for pattern, _ in self.runnable(text))


def _by_length(strings: list[tuple[str, int]]) -> list[tuple[str, int, int]]:
    """(string, its bit, the bit of a shorter string inside it or 0), shortest first: a
    string is looked for only when the one inside it was found ("april" after "apr")."""
    strings = sorted(strings, key=lambda item: len(item[0]))
    out = []
    for n, (s, bit) in enumerate(strings):
        inside = [b for t, b in strings[:n] if t in s]
        out.append((s, bit, inside[-1] if inside else 0))
    return out


def _anchored(pattern: re.Pattern) -> bool:
    return pattern.pattern.startswith(("^", "(?i)^"))


def _passing(patterns: tuple, needs: list[Optional[list[int]]], present: int) -> list:
    """The patterns each of whose lists of strings has one present (a plain loop: a
    generator per pattern cost more than the test, and most texts hold a combination of
    strings of their own, so this runs for most sentences)."""
    chosen = []
    for item, masks in zip(patterns, needs):
        if masks is not None:
            for mask in masks:
                if not mask & present:
                    break
            else:
                chosen.append(item)
        else:
            chosen.append(item)
    return chosen


@lru_cache(maxsize=8)
def _screen_of_list(patterns: tuple[tuple[re.Pattern, str], ...]) -> PatternList:
    return PatternList(patterns)


@lru_cache(maxsize=None)
def screen_of(pattern: re.Pattern) -> Optional[Screen]:
    """Lists of strings: every match of `pattern` contains one string of each; None when
    no such list is found."""
    if pattern.flags & ~(re.IGNORECASE | re.UNICODE) or not isinstance(pattern.pattern, str):
        return None  # verbose, multi-line, ... patterns: not read here
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except (re.error, TypeError, ValueError):
        return None
    folded = bool(pattern.flags & re.IGNORECASE)
    needs = []
    for strings in sorted(required_sets(list(parsed)), key=_selective):
        if folded and not all(s.isascii() for s in strings):
            continue  # case folding beyond ASCII is the engine's own: not imitated
        needs.append(tuple(sorted({s.lower() if folded else s for s in strings})))
    return Screen(tuple(needs), folded) if needs else None


def _selective(strings: frozenset[str]) -> tuple[int, int]:
    """The likelier a list is to rule a text out, the earlier it is tried: long strings, few."""
    return -min(map(len, strings)), len(strings)


def required_sets(items: list) -> list[frozenset[str]]:
    """Each run of the parsed sequence `items` (and each group, alternation or repetition
    that is not part of a run) as the strings one of which every match contains."""
    found: list[frozenset[str]] = []
    run: set[str] = {""}
    for op, av in items:
        strings = _strings(op, av)
        if strings is not None and len(run) * len(strings) <= MOST_STRINGS:
            run = {a + b for a, b in product(run, strings)}
            continue
        found += [f for f in (_valid(run), _inside(op, av)) if f]
        run = {""} if strings is None else set(strings)
    return found + [f for f in (_valid(run),) if f]


def _valid(run: set[str]) -> Optional[frozenset[str]]:
    return None if not run or "" in run else frozenset(run)  # a run that can match nothing screens nothing


def required_strings(items: list) -> Optional[frozenset[str]]:
    """Strings one of which every match of the parsed sequence `items` contains."""
    best: Optional[frozenset[str]] = None
    run: Optional[set[str]] = {""}
    for op, av in items:
        strings = _strings(op, av)
        if strings is not None and len(run) * len(strings) <= MOST_STRINGS:
            run = {a + b for a, b in product(run, strings)}
            continue
        best = _better(best, run)
        best = _better(best, _inside(op, av))
        run = {""} if strings is None else set(strings)
    return _better(best, run)


def _better(best: Optional[frozenset[str]], found: Optional[set[str] | frozenset[str]]) -> Optional[frozenset[str]]:
    """The more selective of two screens: the longer shortest string, then fewer strings."""
    if not found or "" in found:
        return best  # a run that can match nothing screens nothing
    if best is None:
        return frozenset(found)
    key = lambda s: (min(map(len, s)), -len(s))  # noqa: E731
    return frozenset(found) if key(found) > key(best) else best


def _inside(op, av) -> Optional[frozenset[str]]:
    """Strings one of which every match of a group, an alternation or a repetition holds."""
    if op == sre.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else required_strings(list(sub))
    if op == sre.ATOMIC_GROUP:
        return required_strings(list(av))
    if op == sre.BRANCH:
        found = [required_strings(list(alt)) for alt in av[1]]
        return None if any(f is None for f in found) else frozenset().union(*found)
    if op in _REPEATS and av[0] >= 1:
        return required_strings(list(av[2]))
    return None


def _strings(op, av) -> Optional[set[str]]:
    """Every string the item can match, when they are few; None otherwise."""
    if op == sre.LITERAL:
        return {chr(av)}
    if op in _ZERO_WIDTH:
        return {""}
    if op == sre.IN:
        return _set_chars(av)
    if op == sre.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _sequence_strings(list(sub))
    if op == sre.BRANCH:
        found: set[str] = set()
        for alt in av[1]:
            strings = _sequence_strings(list(alt))
            if strings is None or len(found) + len(strings) > MOST_STRINGS:
                return None
            found |= strings
        return found
    if op in _REPEATS and av[0] == 0 and av[1] == 1:
        inner = _sequence_strings(list(av[2]))
        return None if inner is None else inner | {""}
    return None


def _sequence_strings(items: list) -> Optional[set[str]]:
    out: set[str] = {""}
    for op, av in items:
        strings = _strings(op, av)
        if strings is None or len(out) * len(strings) > MOST_STRINGS:
            return None
        out = {a + b for a, b in product(out, strings)}
    return out


def _set_chars(members: list) -> Optional[set[str]]:
    chars: set[str] = set()
    for op, av in members:
        if op == sre.LITERAL:
            chars.add(chr(av))
        elif op == sre.RANGE and av[1] - av[0] < MOST_SET_CHARS:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None  # a negated set, a category (\d, \s), a wide range
    return chars if len(chars) <= MOST_SET_CHARS else None
