"""How a recognised figure reads in its sentence, beyond value and unit.

- direction and change word: "sales plunged 10 percent" is down ("plunged"), "rose 3%"
  up, "a 3% drop" down, "5% higher" up; a level ("revenue of $5 billion") has none;
- per: a rate's denominator ("$53 million a week" -> "week", "$2.53 a share" -> "share",
  "$0.23/W" -> "W", "spending per capita" -> "capita");
- basis: what a growth compares with ("from a year earlier" -> "yoy", "sequentially" ->
  "qoq", "in constant currency").

Read on the text the figure was recognised in, at its true offsets; the word lists are
data (extract/data/changes.toml). The record carries what is read here so no later stage
reads the quote again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from extract.lexicon import alternation
from extract.phrase_trie import phrase_alternation
from extract.rule_files import ChangesRules
from extract.rules import load_rules
from extract.records import Direction, Quantity

# Units whose figure can be a rate or share of something ("lost 2%", "raised rates 0.25 points").
RATE_UNITS = frozenset({"percent", "percentage_point", "basis_point"})
# The end of the figure's own stretch: a clause break or the sentence end.
_CLAUSE_END = re.compile(
    rf"[.;:!?](?:\s|$)|,\s+(?:{alternation(load_rules('changes.toml', ChangesRules).clause_joiners.words)})\b|\n")


@dataclass(frozen=True)
class Reading:
    direction: Optional[Direction] = None
    change_verb: Optional[str] = None
    per: Optional[str] = None
    basis: Optional[str] = None


@dataclass(frozen=True)
class _Rules:
    before: re.Pattern
    up_before: frozenset[str]
    rates_only: frozenset[str]
    after: re.Pattern
    up_after: frozenset[str]
    comparative_after: re.Pattern
    up_comparatives: frozenset[str]
    per_article: re.Pattern
    per_word: re.Pattern
    per_qualified: re.Pattern
    per_adverb: re.Pattern
    adverbs: dict[str, str]
    bases: tuple[tuple[str, re.Pattern], ...]


def _words(ws) -> str:
    # as a tree of the words' characters: the same matches, found faster (extract/phrase_trie.py);
    # every pattern here ignores case
    return phrase_alternation(ws, ignore_case=True)


@lru_cache(maxsize=None)
def _rules() -> _Rules:
    d = load_rules("changes.toml", ChangesRules)
    b, a, per = d.before, d.after, d.per
    between = rf"(?:(?:{_words(b.between)})[ \t]+)*"
    # "rose 3%", "fell by about 5%"; with "by" an object may come between ("cut rates by
    # a quarter point", "raised its forecast by 2%").
    verbs = _words(b.up + b.down)
    before = re.compile(rf"(?i)\b({verbs})[ \t]+(?:(?:[\w'’]+[ \t]+){{1,3}}(?=by\b))?{between}$")
    after = re.compile(rf"(?i)^[ \t-]*({_words(a.up + a.down)})\b")
    comparative = re.compile(rf"(?i)^[ \t]+({_words(a.comparatives_up + a.comparatives_down)})\b")
    not_per = _words(per.not_after_per)
    return _Rules(
        before=before,
        up_before=frozenset(w.lower() for w in b.up),
        rates_only=frozenset(w.lower() for w in b.rates_only),
        after=after,
        up_after=frozenset(w.lower() for w in a.up),
        comparative_after=comparative,
        up_comparatives=frozenset(w.lower() for w in a.comparatives_up),
        per_article=re.compile(rf"(?i)^[ \t]+(?:{_words(per.articles)})[ \t]+({_words(per.after_article)})\b"),
        # "$2.53 per diluted share": the denominator is the noun after its adjective
        per_qualified=re.compile(rf"(?i)^[ \t]+(?:per|a|an)[ \t]+[a-z]+[ \t]+({_words(per.after_article)})\b"),
        per_word=re.compile(rf"(?i)^(?:[ \t]+per[ \t]+(?!(?:{not_per})\b)|[ \t]*/[ \t]*)([A-Za-z][\w-]*)"),
        per_adverb=re.compile(rf"(?i)^[ \t,]+({_words(per.adverbs)})\b"),
        adverbs={k.lower(): v for k, v in per.adverbs.items()},
        bases=tuple((name, re.compile(rf"(?i)(?<![\w-])(?:{_words(cues)})(?![\w-])"))
                    for name, cues in d.basis.items()),
    )


def read_change(text: str, q: Quantity, neighbours: tuple[Quantity, ...] = ()) -> Reading:
    """The direction, change word, rate denominator and growth basis of `q` in `text`.

    `neighbours` are the other figures of the text: the stretch a basis is read in ends
    at the next one, so "up 5% from a year earlier, to $3 billion" gives the 5% its basis
    and not the $3 billion."""
    R = _rules()
    before = text[max(0, q.start - 60):q.start]
    after = text[q.end:q.end + 80]
    direction, verb = _direction(R, q, before, after)
    return Reading(direction=direction, change_verb=verb, per=_per(R, after),
                   basis=_basis(R, text, q, neighbours) if direction or q.unit in RATE_UNITS else None)


def _direction(R: _Rules, q: Quantity, before: str, after: str) -> tuple[Optional[Direction], Optional[str]]:
    # "by" before a hedge is part of the change ("rose by about 5%"), but a hedge that
    # recognition kept ("up to 5%") is the figure's bound, not a change.
    m = R.before.search(before)
    if m and not (m.group(1).lower() == "up" and re.match(r"(?i)up[ \t]+to\b", before[m.start():])):
        word = m.group(1)
        if word.lower() not in R.rates_only or q.unit in RATE_UNITS:
            return (Direction.up if word.lower() in R.up_before else Direction.down), word
    m = R.after.match(after)
    if m:
        word = m.group(1)
        return (Direction.up if word.lower() in R.up_after else Direction.down), word
    if q.unit != "count":
        m = R.comparative_after.match(after)
        if m and not re.match(r"(?i)[ \t]+(?:more|less)[ \t]+than\b", after):
            word = m.group(1)
            return (Direction.up if word.lower() in R.up_comparatives else Direction.down), word
    return None, None


def _per(R: _Rules, after: str) -> Optional[str]:
    m = R.per_qualified.match(after) or R.per_article.match(after) or R.per_word.match(after)
    if m:
        word = m.group(1)  # a symbol keeps its case ("/W", "/MWh"), a word is lower-cased
        return word.lower() if len(word) > 1 and word[1:].islower() else word
    m = R.per_adverb.match(after)
    return R.adverbs[m.group(1).lower()] if m else None


def _basis(R: _Rules, text: str, q: Quantity, neighbours: tuple[Quantity, ...]) -> Optional[str]:
    end = min([n.start for n in neighbours if n.start >= q.end] + [len(text)])
    stretch = text[q.end:end]
    cut = _CLAUSE_END.search(stretch)
    stretch = stretch[:cut.start()] if cut else stretch
    for name, cue in R.bases:
        if cue.search(stretch):
            return name
    return None
