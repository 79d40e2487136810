"""The cheap first pass: which sentences can hold a claim, before any trained model runs.

Most sentences of a news article hold no number. The trained pipeline (tagger, parser,
NER) costs far more than the rule recogniser, so `select` keeps only:

- candidate sentences: those where the rule recogniser finds a quantity that could be a
  claim (a bare number with no unit or counted noun cannot);
- their context: the sentence just before each one (framing looks back one sentence for
  "It", "The company", "His figure", and for the paragraph's time frame), any
  sentence of the same paragraph that names a time ("In 2026, ..."), and any sentence
  of the same or the previous paragraph that credits a source ("Zuckerberg mentioned
  at a shareholder meeting ..."), since a source carries forward to later figures. A
  source named further back is not carried with the prefilter on; that is the one way
  its output may differ from a full parse (tests/test_prefilter.py);

and `compose` builds the text the trained pipeline reads from them: runs of adjacent
kept sentences are copied verbatim, runs are joined by a space inside a paragraph and
by a newline across paragraphs, and an offset map takes every position back to the
original text. Sentences are cut by a regex, which errs on cutting too often
("Inc. said"); that is harmless, because a sentence before a candidate is kept with it
and adjacent sentences are copied verbatim.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from extract.records import Quantity
from extract.lexicon import alternation, case_blind_alternation, case_blind_alternatives, data_table
from extract.months import full_month_names
from extract.quantities import SCALED
from extract.rule_files import DescribedRules, PrefilterRules
from extract.rules import load_rules

# A sentence ends after a full stop, question or exclamation mark, with any closing
# quotes or brackets (group 1), before spaces and what can open a sentence; or at line
# breaks. The match opens with the mark itself (or the first line break) so that the
# regex engine skips ahead to one: a pattern opening with a look-behind is tried at
# every position of the text. `sentence_spans` reads where the end starts: after the mark.
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=[.!?])([\"”’)\]]*)[ \t]+(?=[\"“‘(\[]?[A-Z0-9$€£¥])|(?<=\n)\n*)")
_RULES = load_rules("prefilter.toml", PrefilterRules)  # data/prefilter.toml
_TIME_WORDS = re.compile(_RULES.patterns.time_words.replace(
    "{capitalised_month}", "|".join(m.capitalize() for m in full_month_names())))
# Irregular past forms of attribution verbs; regular ones are caught by their stem.
_IRREGULAR = _RULES.irregular_past


@lru_cache(maxsize=None)
def _attribution() -> re.Pattern:
    """Any word form of framing's attribution verbs and source phrases (data/framing.toml)."""
    d = data_table("framing")
    forms = []
    for verb in d["attribution_verbs"]:
        stem = verb[:-1] if verb.endswith("e") and len(verb) > 3 else verb
        forms.append(re.escape(stem) + r"\w*")
        if verb in _IRREGULAR:
            forms += _IRREGULAR[verb].split("|") if re.fullmatch(r"\w+(?:\|\w+)*", _IRREGULAR[verb]) \
                else [_IRREGULAR[verb]]
    forms += [re.escape(p) for p in d["source_prepositions"] if len(p) > 3]
    # case-blind, grouped by first letter (extract/lexicon.py): the same matches as
    # (?i:...) over the whole list, at a fraction of the cost
    return re.compile(rf"\b(?:{case_blind_alternatives(forms)})\b")


_PRONOUN_OPENING = re.compile(_RULES.patterns.pronoun_opening)


@lru_cache(maxsize=None)
def _anaphoric_phrase() -> re.Pattern:
    """framing's anaphoric subjects ("the company") and definite descriptions of a
    company ("the home-improvement retailer", "the stock"; data/framing.toml)."""
    d = data_table("framing")
    return re.compile(rf"\b(?:{alternation(d['anaphoric_subjects'])}|(?:{alternation(_RULES.definite.words)})\s+(?:[\w-]+\s+){{0,2}}"
                      rf"(?:{alternation(d['anaphoric_heads'])}))\b", re.I)


def points_back(text: str, start: int, end: int) -> bool:
    """Does the sentence text[start:end] point back: open with a pronoun ("It",
    "They") or name its subject anaphorically ("the company", "these companies";
    data/framing.toml)?"""
    return bool(_PRONOUN_OPENING.match(text, start, end) or _anaphoric_phrase().search(text, start, end))


@lru_cache(maxsize=None)
def _title_ending() -> re.Pattern:
    """A title or rank abbreviation ending where a sentence end was matched (data/sentences.toml)."""
    return re.compile(rf"\b(?:{alternation(data_table('sentences')['titles']['before_names'])})\.$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence by punctuation and line breaks, whitespace trimmed."""
    spans, pos = [], 0
    title = _title_ending()
    for m in _SENTENCE_END.finditer(text):
        line_break = m.group(0)[0] == "\n"
        at = m.start() if line_break else m.start() + 1  # after the mark
        if not line_break and title.search(text, max(0, at - 8), at):
            continue  # "said Lt. Matt Harris": a title's full stop ends no sentence
        spans.append((pos, at + len(m.group(1) or "")))  # closing quotes end the sentence
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


# A bare number followed by a plural, perhaps after one modifier, may count it
# ("500 new jobs"); the parse decides (extract.claim_filter.with_counted_noun).
_YEAR = re.compile(r"1[89]\d\d|2[01]\d\d")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")  # thousands separators: an amount (pipeline `is_claim`)


@lru_cache(maxsize=None)
def _words_after() -> re.Pattern:
    """Up to three modifiers, lower-case, capitalised or coded, adjectives perhaps listed with
    a comma ("15 unelected, unaccountable bureaucrats", "three COVID-19 vaccine doses"), then
    a plural: by its -s, capitalised in a headline ("23,000 Maricopa County Ballots"), or one
    without an -s ("six Muslim men"; data/claim_filter.toml)."""
    d = data_table("claim_filter")
    plurals = alternation(d["irregular_plurals"]["nouns"] + d["same_plural"]["nouns"])
    return re.compile(
        r"[ \t]+(?:(?:[a-z][\w-]*|[A-Z][\w-]*|(?:[A-Z]\.){2,}),?[ \t]+){0,3}"
        rf"(?!(?:{alternation(_RULES.not_plurals.words)})\b)"
        rf"(?:[a-z][\w-]*s|[A-Z][a-z]+s|{plurals})\b")


# "43 of Joe's proposals", "three of the five banks": a part of a counted whole.
_PART_OF = re.compile(_RULES.patterns.part_of)


# "650 died", "40 have been dropped": a number as the subject of a verb (the parse decides).
# "Bryant, 16, was": a number set off by commas after a capitalised name may be an age
# (the parse decides: extract/pipeline.py as_appositive_age).
_APPOSITIVE_BEFORE = re.compile(r"[A-Z][\w'’.-]*,[ \t]$")
_VERB_AFTER = re.compile(_RULES.patterns.verb_after)


@lru_cache(maxsize=None)
def _counting_verb_before() -> re.Pattern:
    """'killed seven', 'arrested 200', 'killing at least nine': a number as the object of a verb
    that counts people, perhaps after a hedge (data/claim_filter.toml [object_counts]; the parse
    decides)."""
    counts = data_table("claim_filter")["object_counts"]
    hedges = counts.get("hedges", [])
    hedge = rf"(?:(?:{alternation(hedges)})[ \t]+)?" if hedges else ""
    return re.compile(rf"\b(?:{alternation(counts['verbs'])})[ \t]+{hedge}$", re.I)


@lru_cache(maxsize=None)
def _count_at_before() -> re.Pattern:
    """'put the death toll at 95', 'the toll stood at 95' (data/claim_filter.toml [change_amounts]
    count_subjects; the parse decides)."""
    counts = data_table("claim_filter")["change_amounts"]["count_subjects"]
    return re.compile(rf"\b(?:{alternation(counts)})\b[^.;:!?\n]{{0,40}}?[ \t]at[ \t]+$", re.I)


@lru_cache(maxsize=None)
def _change_verb_before() -> re.Pattern:
    """'has grown by 121,000', 'rose to 3,200' (data/claim_filter.toml [change_amounts];
    the parse decides)."""
    verbs = data_table("claim_filter")["change_amounts"]["verbs"]
    return re.compile(rf"\b(?:{alternation(verbs)})[ \t]+(?:by|to)[ \t]+(?:[a-z]+[ \t]+){{0,2}}$", re.I)


def could_be_claim(q: Quantity, text: str = "") -> bool:
    if q.unit == "count" and q.noun is None and not q.vague:
        if _YEAR.fullmatch(q.surface):
            return False
        if SCALED.search(q.surface) or _GROUPED.fullmatch(q.surface):
            return True  # "11 million will die", "in front of 15,522"
        return bool(text) and (_words_after().match(text, q.end) is not None or _PART_OF.match(text, q.end) is not None
                               or _VERB_AFTER.match(text, q.end) is not None
                               or _counting_verb_before().search(text, max(0, q.start - 40), q.start) is not None
                               or _change_verb_before().search(text, max(0, q.start - 40), q.start) is not None
                               or _count_at_before().search(text, max(0, q.start - 60), q.start) is not None
                               or (_APPOSITIVE_BEFORE.search(text, max(0, q.start - 30), q.start) is not None
                                   and text[q.end:q.end + 1] == ","))
    return True


def select(text: str, quantities: list[Quantity], table_cells: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The sentence spans worth the trained pipeline, in order. A figure in a table cell
    (extract/tables.py) is always a candidate."""
    spans = sentence_spans(text)
    if not spans:
        return []
    starts = [s for s, _ in spans]
    candidate = [False] * len(spans)
    for q in quantities:
        if could_be_claim(q, text) or any(a <= q.start < b for a, b in table_cells):
            # every sentence the quantity spans: the regex cuts after "Rs." in "Rs. 16 lakh"
            first = bisect.bisect_right(starts, q.start) - 1
            last = bisect.bisect_right(starts, q.end - 1) - 1
            for i in range(max(first, 0), last + 1):
                candidate[i] = True
    para_of = _paragraphs(text, spans)
    candidate_paras = {para_of[i] for i, c in enumerate(candidate) if c}
    keep = []
    for i, (s, e) in enumerate(spans):
        wanted = (
            candidate[i]
            or (i + 1 < len(spans) and candidate[i + 1])
            # the sentence before a context sentence that points back ("Coinbase is an
            # example. Its CEO said the company cut costs. Spending fell by half.")
            or (i + 2 < len(spans) and candidate[i + 2] and para_of[i + 1] == para_of[i]
                and points_back(text, *spans[i + 1]))
            or (para_of[i] in candidate_paras and _TIME_WORDS.search(text, s, e) is not None)
            or ((para_of[i] in candidate_paras or para_of[i] + 1 in candidate_paras)
                and _attribution().search(text, s, e) is not None)
            # a thing named with its class noun, for a later "the wagon" (extract/frame/described.py)
            or ((para_of[i] in candidate_paras or para_of[i] + 1 in candidate_paras)
                and naming_pattern().search(text, s, e) is not None)
        )
        if wanted:
            keep.append((s, e))
    return keep


def _paragraphs(text: str, spans: list[tuple[int, int]]) -> list[int]:
    para, out, prev_end = 0, [], None
    for s, e in spans:
        if prev_end is not None and "\n" in text[prev_end:s]:
            para += 1
        out.append(para)
        prev_end = e
    return out


@dataclass(frozen=True)
class Composed:
    """The text the trained pipeline reads, and the way back to the original."""

    text: str
    pieces: tuple[tuple[int, int, int], ...]  # (composed start, original start, length)

    def original(self, pos: int) -> int:
        """The original offset of composed position `pos` (an end offset maps too)."""
        i = bisect.bisect_right(self._starts[0], pos) - 1
        c, o, n = self.pieces[max(i, 0)]
        return o + min(pos - c, n)

    def carry(self, quantities: list[Quantity]) -> list[Quantity]:
        """Quantities recognised on the original text, moved to composed offsets
        (those in dropped sentences are left behind)."""
        out = []
        for q in quantities:
            # pieces are in order and apart: only the last one starting at or before
            # the figure can hold it
            i = bisect.bisect_right(self._starts[1], q.start) - 1
            if i >= 0:
                c, o, n = self.pieces[i]
                if o <= q.start and q.end <= o + n:
                    out.append(q.model_copy(update={"start": c + q.start - o, "end": c + q.end - o}))
        return out

    @cached_property
    def _starts(self) -> tuple[list[int], list[int]]:
        """The pieces' composed and original starts, listed once: looked up for every
        figure, they made a long document's mapping quadratic (issue 18)."""
        return [p[0] for p in self.pieces], [p[1] for p in self.pieces]


def compose(text: str, spans: list[tuple[int, int]]) -> Composed:
    parts, pieces, length = [], [], 0
    run_start = run_end = None
    runs = []
    for s, e in spans:
        if run_end is not None and text[run_end:s].strip() == "":
            run_end = e  # adjacent: copy the gap verbatim
            continue
        if run_start is not None:
            runs.append((run_start, run_end))
        run_start, run_end = s, e
    if run_start is not None:
        runs.append((run_start, run_end))
    prev_end = None
    for s, e in runs:
        if prev_end is not None:
            sep = "\n" if "\n" in text[prev_end:s] else " "
            parts.append(sep)
            length += len(sep)
        pieces.append((length, s, e - s))
        parts.append(text[s:e])
        length += e - s
        prev_end = e
    return Composed("".join(parts), tuple(pieces))


# Capitalised words that open a description, not a name ("The new version").
_NOT_NAMES = r"(?:The|A|An|This|That|These|Those|Its|Their|His|Her|Our|Your|Every|Each|Some|Any|No)\b"


@lru_cache(maxsize=None)
def naming_pattern() -> re.Pattern:
    """A sentence that names a thing with its class noun ("the Sentra compact sedan",
    "Ford's Mustang Mach E SUV", "a wagon called the ID. Space Vizzion Concept"): kept
    as the context a later description ("the new version") points back to
    (extract/frame/described.py resolves it; data/described.toml)."""
    rules = load_rules("described.toml", DescribedRules)
    # the class nouns, case-blind, grouped by first letter (extract/lexicon.py): the same
    # matches as (?i:...) over the whole list, at a fraction of the cost
    nouns = case_blind_alternation({w.lower() for w in [*rules.any_class, *(w for ws in rules.classes.values() for w in ws)]})
    verbs = "|".join(re.escape(w) for w in rules.naming_verbs)
    name = rf"(?!{_NOT_NAMES})[A-Z][\w.-]*"
    return re.compile(rf"{name}(?:\s+[\w-]+){{0,3}}?\s+(?:{nouns})\b|\b(?:{nouns})(?i:\s+(?:{verbs})\s+(?:the\s+)?){name}")
