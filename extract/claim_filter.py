"""Which recognised figures are claims, and how far a count reaches (its counted noun).

`is_claim` gives None for a claim, else the reason it is not: years, dates, labels,
name-numbers ("Windows 11 users"), groups named by their size ("the two companies"),
bare numbers. `with_counted_noun` and `as_appositive_age` complete a figure from the
parse before the filter reads it. Word lists are data (data/claim_filter.toml).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Span

from extract.frame import doc_text, tokens_of
from extract.frame.context import sentence_of
from extract.lexicon import alternation, data_table
from extract.numbers import FUNCTION_WORDS
from extract.quantities import DURATION_UNITS, SCALED, figure_refusal
from extract.records import Quantity

# Words that may stand between a count and its noun: "500 new jobs", "12 used aircraft".
_NOUN_MODIFIERS = ("ADJ", "NOUN", "VERB", "ADV")


def _proper_modifier(t) -> bool:
    """A name used as a modifier: "Texas", "PLA", "COVID", "U.S." (in "55 U.S. soldiers")."""
    if t.pos_ not in ("PROPN", "ADJ", "NOUN"):
        return False
    return (t.is_alpha and (t.is_title or t.is_upper)) or re.fullmatch(r"(?:[A-Z]\.){2,}", t.text) is not None


# A code name used as a modifier: "COVID-19" in "three COVID-19 vaccine doses", "Tu-160".
_CODE_NAME = re.compile(r"[A-Z][A-Za-z]*-\d+[A-Za-z]?")


# A model's code used as a modifier: "A350" and "900" of "A350-900", "F-35", "MQ-9".
_MODEL_CODE = re.compile(r"[A-Z]{1,3}\d{2,4}[A-Za-z]?")
_QUOTES = ('"', "“", "”", "‘", "’", "``", "''")


def _model_code(t) -> bool:
    """A model code before a plural: "A350" or the digits after its hyphen ("-900")."""
    doc = t.doc
    return _MODEL_CODE.fullmatch(t.text) is not None or \
        t.like_num and t.i > 0 and doc[t.i - 1].text == "-" and doc[t.i - 1].whitespace_ == ""


def _joins_modifiers(t, last: int) -> bool:
    """"and"/"or" between two modifiers of the counted noun: "18 Northern and central
    California counties", "200 full- or part-time workers" (not right after the number)."""
    doc = t.doc
    return (t.dep_ == "cc" and t.lower_ in ("and", "or") and last + 1 < t.i < len(doc) - 1
            and doc[t.i - 1].pos_ in ("ADJ", "NOUN", "PUNCT") and doc[t.i + 1].pos_ in ("ADJ", "NOUN"))


def _headline(token) -> bool:
    """Is the token's sentence a headline in title case ("23,000 Maricopa County Ballots
    Came From Voters")? Four or more words of four letters or more, nearly all capitalised:
    there a capital letter says nothing about a name."""
    words = [t for t in sentence_of(token) if t.is_alpha and len(t) >= 4]
    if len(words) < 4:
        return False
    return sum(t.is_title or t.is_upper for t in words) >= 0.8 * len(words)


def _listed_adjective(t, first: int) -> bool:
    """A comma between two adjectives before the counted noun: "15 unelected, unaccountable
    bureaucrats" (not right after the number: "In 2019, seven ...")."""
    doc = t.doc
    return (t.text == "," and t.i > first and t.i + 1 < len(doc)
            and doc[t.i - 1].pos_ == "ADJ" and doc[t.i + 1].pos_ == "ADJ")


def _partitive_noun(number) -> Optional[object]:
    """The plural noun a number counts a part of: "43 of Joe's proposals" -> proposals."""
    doc = number.doc
    # the parse may hang "of" on the verb ("purchase 30 of Boeing's jets"): the word after will do
    ofs = [c for c in number.children if c.dep_ == "prep" and c.lower_ == "of"]
    if not ofs and number.i + 1 < len(doc) and doc[number.i + 1].lower_ == "of":
        ofs = [doc[number.i + 1]]
    for c in ofs:
        for o in c.children:
            if o.dep_ == "pobj" and o.tag_ == "NNS" and o.is_lower:
                return o
    return None


def _subject_of_verb(q: Quantity, doc: Doc) -> bool:
    """A bare number that is the subject of a full verb ("650 died", "40 have been
    dropped"), with no determiner or name before it ("the 737 crashed" is a plane)."""
    span = tokens_of(doc, q)
    if span is None or len(span) != 1:
        return False
    t = span[0]
    if t.dep_ not in ("nsubj", "nsubjpass") or t.head.pos_ != "VERB" or t.head.lemma_ == "be":
        return False
    prev = doc[t.i - 1] if t.i > 0 else None
    return not (prev is not None and (prev.pos_ in ("DET", "PROPN", "NUM") or prev.dep_ == "poss"))


def _object_of_verb(q: Quantity, doc: Doc) -> bool:
    """A bare number that is the object of a verb that counts people ("a blast that killed
    seven", "police arrested 200", "killing at least nine": data/claim_filter.toml
    [object_counts]), the noun left out."""
    span = tokens_of(doc, q)
    if span is None or len(span) != 1:
        return False
    t = span[0]
    counts = _claim_filter()["object_counts"]
    if t.dep_ != "dobj" or t.head.lower_ not in counts["verbs"] or t.head.i >= t.i:
        return False
    between = " ".join(w.lower_ for w in t.doc[t.head.i + 1:t.i])
    return not between or between in counts.get("hedges", ())  # "killing at least nine"


def _count_put_at(q: Quantity, doc: Doc) -> bool:
    """"Authorities put the death toll at 95", "the toll stood at 95", "estimated the number of
    missing at 131": a bare number "at" which a clause puts a count ("toll", "number":
    data/claim_filter.toml [change_amounts] count_subjects) is that count."""
    span = tokens_of(doc, q)
    if span is None or q.value is None:
        return False
    t = span.root
    prep = t.head
    if t.dep_ != "pobj" or prep.lower_ != "at" or prep.head.pos_ not in ("VERB", "AUX"):
        return False
    counts = _claim_filter()["change_amounts"]["count_subjects"]
    return any(c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.lemma_.lower() in counts for c in prep.head.children)


def _change_amount(q: Quantity, doc: Doc) -> bool:
    """"The unemployed population has grown by 121,000", "the death toll rose to 3,200":
    a bare whole number of 100 or more after "by"/"to" on a verb of change is an
    amount of what the clause is about, and a smaller one when the clause's subject is
    a count ("toll", "tally": data/claim_filter.toml [change_amounts])."""
    if q.value is None or q.value != int(q.value) or re.fullmatch(r"1[89]\d\d|2[01]\d\d", q.surface):
        return False
    span = tokens_of(doc, q)
    if span is None:
        return False
    t = span.root
    prep = t.head
    verb = prep.head.head if prep.lower_ == "to" and prep.head.lower_ == "from" else prep.head
    # ("rose from 12 to 31": the parse may hang "to" on "from")
    rules = _claim_filter()["change_amounts"]
    if not (t.dep_ == "pobj" and prep.lower_ in ("by", "to") and verb.pos_ == "VERB"
            and verb.lower_ in rules["verbs"]):
        return False
    # "the death toll rose to 93": a small number is an amount when what changed is a count
    return q.value >= 100 or any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in rules["count_subjects"]
                                 for c in verb.children)


def _singular(noun) -> bool:
    """A singular noun by tag and by form ("program", not "burritos" mis-tagged NN), and not
    one whose plural is the same word ("aircraft"; data/claim_filter.toml)."""
    word = noun.lower_
    if noun.tag_ != "NN" or (word.endswith("s") and not word.endswith(("ss", "us", "is"))):
        return False
    return word not in _claim_filter()["same_plural"]["nouns"]


def _vague_runs_on(q: Quantity, doc: Doc) -> Quantity:
    """"tens of thousands of evolving" and "dozens of capital" run on to the plural noun
    they count ("... evolving galaxies", "... capital cases")."""
    span = tokens_of(doc, q)
    if span is None or not q.noun or span[-1].tag_ == "NNS":
        return q
    for t in doc[span.end:min(span.end + 2, len(doc))]:
        if not (t.is_alpha and t.is_lower):
            return q
        if t.tag_ == "NNS":
            end = t.idx + len(t.text)
            return q.model_copy(update={"end": end, "surface": doc_text(doc)[q.start:end], "noun": t.text})
    return q


def as_appositive_age(q: Quantity, doc: Doc) -> Quantity:
    """"Patrick Carlineo Jr., 55, faces ...", "Ma'Khia Bryant, 16, was shot": a whole
    number set off by commas right after a person's name is that person's age."""
    if q.unit != "count" or q.noun is not None or q.value is None or not (0 < q.value < 120) \
            or not re.fullmatch(r"\d{1,3}", q.surface):
        return q
    text = doc_text(doc)
    if not (re.search(r"\S,\s$", text[max(0, q.start - 3):q.start]) and re.match(r"\s*,", text[q.end:q.end + 2])):
        return q
    span = tokens_of(doc, q)
    if span is None or span.start < 2:
        return q
    name = doc[span.start - 2]  # the word before ", 55,"
    if name.ent_type_ != "PERSON" and not (name.text in (".", "Jr", "Sr") and doc[span.start - 3].ent_type_ == "PERSON"):
        return q
    return q.model_copy(update={"unit": "year"})


def with_counted_noun(q: Quantity, doc: Doc) -> Quantity:
    """A count whose recognised noun is missing or a modifier ("500" of "500 new jobs",
    "1,000 maintenance") runs on to the noun the parse says it counts ("500 new jobs",
    "1,000 maintenance workers"). The surface stays a true slice of the text."""
    if q.unit != "count":
        return q
    if q.vague:
        return _vague_runs_on(q, doc)
    if q.noun and _forecasters(q, doc):
        end = q.start + len(q.surface) - len(q.surface.rsplit(None, 1)[-1])
        end = q.start + len(q.surface[:end - q.start].rstrip())
        return q.model_copy(update={"end": end, "surface": doc_text(doc)[q.start:end], "noun": None})
    if q.noun is None and figure_refusal(doc_text(doc), q):
        return q  # a year, a label, a version ("Windows 11 users"): not a count to grow
    span = tokens_of(doc, q)
    if span is None:
        return q
    numbers = [t for t in span if t.like_num]
    if not numbers:
        return q
    head = numbers[-1].head
    last = span[-1]
    after_last = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if q.noun and last.tag_ in ("VBN", "VBG") and last.i > numbers[-1].i and q.surface.endswith(last.text) \
            and (after_last is None or after_last.pos_ in ("ADP", "PUNCT", "DET", "ADV", "PART", "SCONJ")):
        # "about 660,000 based on updated forecasts", "12,000 including contractors": the
        # word after the number is a participle, no counted noun
        end = numbers[-1].idx + len(numbers[-1].text)
        return q.model_copy(update={"end": end, "surface": doc_text(doc)[q.start:end], "noun": None})
    if q.noun and last.pos_ in ("VERB", "AUX") and numbers[-1].dep_ in ("nsubj", "nsubjpass") and head.i == last.i:
        # "650 died": the word read as the counted noun is the number's verb
        end = numbers[-1].idx + len(numbers[-1].text)
        return q.model_copy(update={"end": end, "surface": doc_text(doc)[q.start:end], "noun": None})
    nummod = numbers[-1].dep_ == "nummod"
    if numbers[-1].dep_ == "compound" and head.like_num and head.dep_ == "nummod":
        head, nummod = head.head, True  # "five 787 Dreamliner sales": five counts the sales
    if q.noun is None and not nummod:
        counted = _partitive_noun(numbers[-1])
        if counted is not None:
            # "43 of Joe's legislative proposals", "three of the five banks": the number
            # stays the surface, what it counts is the noun after "of"
            return q.model_copy(update={"noun": counted.text})
    while head.i > last.i and head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head  # "three COVID-19 vaccine doses": the parse may hang the number on "vaccine"
    # In a title-case headline capitals say nothing: "23,000 Maricopa County Ballots".
    headline = not head.is_lower and _headline(head)
    if not nummod or head.i <= last.i or not (head.pos_ == "NOUN" or headline and head.pos_ == "PROPN"):
        return q
    words = [t for t in doc[last.i + 1:head.i + 1] if t.text not in ("-", ",", *_QUOTES) and doc[t.i - 1].text != "-"
             and not _joins_modifiers(t, numbers[-1].i)]
    if len(words) > 4 or head.i - last.i > 7:
        return q  # at most three modifiers, a hyphenated one counting once ("new private-sector jobs")
    # Lower-case words only: "iPhone 11 Pro", "737 Max jet", "1 Yellow" are names;
    # a capitalised modifier may stand before a lower-case plural ("120,000 Texas jobs",
    # "88,000 Ohio workers", "148 Labour constituencies", "three COVID-19 vaccine doses").
    between = list(doc[last.i + 1:head.i + 1])
    plural_head = head.tag_ in ("NNS", "NNPS") and (head.is_lower or headline and head.is_title)
    if not all(t.is_alpha and t.is_lower and t.pos_ in _NOUN_MODIFIERS
               or t.text == "-" and t.whitespace_ == "" and t.i > last.i + 1  # "new private-sector jobs"
               or _listed_adjective(t, numbers[-1].i + 1)  # "15 unelected, unaccountable bureaucrats"
               or plural_head and t.like_num and not t.is_alpha and doc[t.i + 1].text[:1].isupper()  # "400 737 Max jets"
               or plural_head and (_proper_modifier(t) or _CODE_NAME.fullmatch(t.text) is not None)
               or plural_head and headline and t.is_alpha and t.is_title and t.pos_ in _NOUN_MODIFIERS
               or plural_head and _model_code(t)  # "50 Airbus A350-900 jets"
               or _joins_modifiers(t, numbers[-1].i)  # "18 Northern and central California counties"
               or t.text in _QUOTES and t.i < head.i  # '140 million monthly active "businesses"', '40 "ghost" schools'
               for t in between):
        return q
    end = head.idx + len(head.text)
    text = doc_text(doc)
    return q.model_copy(update={"end": end, "surface": text[q.start:end], "noun": head.text})


def _forecasters(q: Quantity, doc: Doc) -> bool:
    """"well above the 140,000 economists polled by Reuters had expected", "the 1.38
    million analysts had forecast": the noun after the figure is who expected it, the
    subject of the expecting verb, not what the figure counts."""
    rules = _claim_filter()["forecaster_nouns"]
    span = tokens_of(doc, q)
    if span is None or span[-1].lower_ not in rules["nouns"]:
        return False
    noun = span[-1]
    return noun.dep_ == "nsubj" and noun.head.i > noun.i and noun.head.lemma_.lower() in rules["verbs"]


@lru_cache(maxsize=None)
def _claim_filter() -> dict[str, dict[str, frozenset[str]]]:
    """data/claim_filter.toml, every word list as a set, read once."""
    raw = data_table("claim_filter")
    return {table: {key: frozenset(words) for key, words in lists.items()} for table, lists in raw.items()}


def _names_a_kind_by_term(q: Quantity, doc: Doc, q_rel: Quantity) -> Optional[str]:
    """A measure used as an adjective that names a kind of thing: an instrument by its
    term ("10-year notes", "three-month aluminum") or a product by its size ("the 16-inch
    MacBook Pro", "a 2.0-liter Sentra")."""
    if q.unit == "count" or not re.search(r"-[A-Za-z]+$", q.surface):
        return None
    span = tokens_of(doc, q_rel)
    if span is None or span.end >= len(doc):
        return None
    nxt = doc[span.end]
    instruments = _claim_filter()["kinds_named_by_term"]["nouns"]
    # the noun the term describes, through up to two modifiers ("five-year credit default swaps")
    named = [doc[i] for i in range(span.end, min(len(doc), span.end + 3))
             if all(t.is_alpha for t in doc[span.end:i + 1])]
    if q.unit in DURATION_UNITS and any(t.lower_ in instruments for t in named):
        return f"a kind named by its term ('{span.text} {nxt.text}')"
    money = re.fullmatch(r"[A-Z]{3}", q.unit) is not None  # "a Trillion-Dollar Bet" is rhetoric, not a size
    title_case = re.search(r"-[A-Z]", q.surface) is not None  # "500-Pound Male Gorilla": a headline
    if not money and not title_case and nxt.text[:1].isupper() and nxt.pos_ == "PROPN" and not nxt.is_sent_start:
        return f"a product named by its size ('{span.text} {nxt.text}')"
    return None


def _service_number(q: Quantity) -> Optional[str]:
    """"make 911 calls": an emergency number, no count (data/claim_filter.toml)."""
    words = q.surface.split()
    table = _claim_filter()["service_numbers"]
    if len(words) == 2 and words[0] in table["numbers"] and words[1].lower() in table["nouns"]:
        return f"a service phone number ('{q.surface}')"
    return None


def _named_by_number(q: Quantity) -> Optional[str]:
    """"a four-cylinder engine", "a two-class layout", "a 3-pointer": a design or kind
    named by a number (data/claim_filter.toml [named_by_number])."""
    m = re.fullmatch(r"[\w.,]+-([a-z]+)", q.surface)
    if m and m.group(1) in _claim_filter()["named_by_number"]["nouns"]:
        return f"a design or kind named by a number ('{q.surface}')"
    return None


@lru_cache(maxsize=None)
def _attribution_after() -> re.Pattern:
    return re.compile(rf"(?i)[ \t]+(?:{alternation(_claim_filter()['attribution_descriptors']['after'])})\b")


@lru_cache(maxsize=None)
def _win_loss() -> re.Pattern:
    return re.compile(rf"(?i)\b(?:{alternation(_claim_filter()['win_loss']['verbs'])})[ \t]+$")


@lru_cache(maxsize=None)
def _tally_of_games() -> re.Pattern:
    """'of' + determiners + a count + a game word or no noun at all."""
    rules = _claim_filter()["win_loss"]
    events, words, ends = (alternation(rules[k]) for k in ("events", "count_words", "tally_ends"))
    return re.compile(rf"(?i)[ \t]+of[ \t]+(?:(?:their|its|his|her|the|last|first|past|previous|next)[ \t]+)*"
                      rf"(?:\d+|{words})\b(?:[ \t]+\d+\b)?(?:[ \t]+(?:straight|consecutive|previous|last|past))?"
                      rf"(?:[ \t]+(?:{events})\b|(?=[ \t]*(?:[^\w \t]|$|(?:{ends})\b)))")


def _win_loss_record(text: str, q_rel: Quantity) -> Optional[str]:
    """"having lost eight of their nine games", "won 12 of 13": a record, no figure
    ("won 151 of the 300 seats" is a result: it counts seats)."""
    if _win_loss().search(text, max(0, q_rel.start - 12), q_rel.start) and _tally_of_games().match(text, q_rel.end):
        return f"a win-loss record ('{q_rel.surface} of ...'), not a figure"
    return None


def _attribution_descriptor(q: Quantity, text: str, q_rel: Quantity) -> Optional[str]:
    """"two people familiar with the matter": who reported, not a figure."""
    if q.noun and q.noun.lower() in _claim_filter()["attribution_descriptors"]["nouns"] \
            and q_rel.surface.lower().endswith(q.noun.lower()) and _attribution_after().match(text, q_rel.end):
        return f"an attribution ('{q.surface} ...'), not a figure"
    return None


def _names_a_group(span: Span, noun: Optional[str]) -> Optional[str]:
    """Why a small count in words ("seven babies", "two paths") names a group or a
    part of the argument rather than asserting how many, or None
    (data/claim_filter.toml)."""
    before, nouns = _claim_filter()["descriptors"]["before"], _claim_filter()["descriptors"]["nouns"]
    first = span[0]
    if first.lower_ == "one" and not (first.i > 0 and span.doc[first.i - 1].lower_ in _claim_filter()["one_counts"]["after"]):
        return "'one' before a noun is an article, not a count"
    if len(span) == 2 and span[-1].tag_ == "NN" and first.lower_ not in ("zero", "nought", "no") \
            and span.end < len(span.doc) and span.doc[span.end].pos_ in ("NOUN", "PROPN"):
        return f"a small count with a singular noun before another is a descriptor ('{span.text} {span.doc[span.end].text}')"
    if first.lower_ in ("zero", "nought", "no") and span[-1].tag_ != "NNS":
        return "'zero' before a mass noun is an expression ('zero measurable impact')"
    if first.lower_ == "zero" and first.i > 0 and span.doc[first.i - 1].pos_ in ("NOUN", "PROPN"):
        return "'zero' after a noun is a name ('ground zero', 'patient zero')"
    prev = span.doc[first.i - 1] if first.i > 0 else None
    determiner = prev is not None and prev.lower_ in before and not (
        prev.lower_ == "following" and (prev.i == 0 or span.doc[prev.i - 1].lower_ != "the"))
    if determiner:
        return f"a group named by its size ('{prev.text} {span.text}')"
    if any(t.tag_ == "JJS" for t in span[1:]):
        return "a group named by its size and rank ('five largest')"
    if noun and noun.lower() in nouns:
        return f"'{noun}' are parts of the argument, not things counted"
    return None


def is_claim(q: Quantity, doc: Doc, q_rel: Quantity) -> Optional[str]:
    """None if the quantity is a claim, else the reason it is not.

    The recogniser reads every number; this filter keeps the figures: no time
    references, labels or name parts (`figure_refusal`), no bare numbers."""
    reason = figure_refusal(doc_text(doc), q_rel) or _names_a_kind_by_term(q, doc, q_rel)
    if reason:
        return reason
    if q.unit == "times" and re.fullmatch(r"(?i)doubles|triples", q.surface):
        span = tokens_of(doc, q_rel)
        w = span.root if span is not None else None
        prev = doc[w.i - 1] if w is not None and w.i > 0 else None
        nxt = doc[w.i + 1] if w is not None and w.i + 1 < len(doc) else None
        if w is not None and w.pos_ != "VERB" and (
                (prev is not None and prev.pos_ in ("DET", "ADJ", "ADP"))
                or (nxt is not None and nxt.pos_ in ("NOUN", "PROPN"))):
            # "the doubles title", "mixed doubles", "in doubles": the game, not a multiple
            return f"'{q.surface}' names a game here, not a multiple"
    if q.unit == "count":
        reason = _named_by_number(q) or _service_number(q) or _attribution_descriptor(q, doc_text(doc), q_rel) \
            or _win_loss_record(doc_text(doc), q_rel)
        if reason:
            return reason
        # "in front of 15,522", "an original estimate of about 660,000": a number written
        # with thousands separators is an amount, never a label, year or version
        grouped = re.fullmatch(r"\d{1,3}(?:,\d{3})+", q.surface) is not None
        if q.noun is None and not q.vague and not grouped and not SCALED.search(q.surface) \
                and not _subject_of_verb(q_rel, doc) \
                and not _object_of_verb(q_rel, doc) and not _change_amount(q_rel, doc) \
                and not _count_put_at(q_rel, doc):
            # "11 million will die", "5.7 million -- that's how many voted", "650 died" do count
            return "a bare number with no unit or counted noun"
        span = tokens_of(doc, q_rel)
        surface = q.surface.lower()
        if span is not None and not q.vague:
            first = span[0]
            prev = doc[first.i - 1] if first.i > 0 else None
            if prev is not None and prev.pos_ == "PROPN" and re.fullmatch(r"\d{1,3}(?:\.\d)?", first.text) \
                    and prev.lower_ not in FUNCTION_WORDS:
                return f"part of a name or version ('{prev.text} {first.text}')"
            opens = first.is_sent_start or (first.i > 0 and doc[first.i - 1].is_punct)  # '"Fifty seats ...'
            if first.like_num and first.is_alpha and first.is_title and not opens and not _headline(first):
                return f"a capitalised number word inside a sentence is a name ('Gang of {first.text}')"
            if first.like_num and first.is_alpha and not any(w in surface for w in ("million", "billion", "thousand", "trillion")):
                reason = _names_a_group(span, q.noun)
                if reason:
                    return reason
            last = span[-1]
            if q.noun and q.surface.endswith(q.noun) and _singular(last) and re.fullmatch(r"\d{1,4}", first.text) \
                    and (q.value or 0) > 1 and "-" not in q.surface and not SCALED.search(q.surface):
                return f"a number before a singular noun is a name or model ('{q.surface}')"
            if q.noun and q.surface.endswith(q.noun) and last.pos_ not in ("NOUN", "PROPN") and q.noun != "times":
                return f"'{q.noun}' is not a counted noun"
    return None
