"""One name per entity in a story: the name the story itself uses.

News writing introduces a name once in full and then uses a short form: "Pacific Gas &
Electric Co." ... "PG&E", "the Reserve Bank of India (RBI)" ... "the RBI", "Emirates
Airline" ... "Emirates", "Jose Mourinho" ... "Mourinho". Figures framed in different
sentences would otherwise carry different names for one entity, and a figure's name would
not match the same entity's figures in another story. Each subject a story's figures have
is replaced by the story's own short name for it; a name the entity table knows
(data/entities.toml) keeps its canonical name, the layer that matches names across stories.
"""

from __future__ import annotations
import re
from functools import lru_cache
from typing import Optional
from extract.vocab import entity_table
from extract.frame.article import initials, mentions, subject_rules
from extract.frame.context import Frame
from extract.frame.whole_words import has_word


def story_names(frames: list[Frame], body: str) -> None:
    """Give each figure's subject and source the story's own name for them."""
    names: dict[str, str] = {}

    def named(name: Optional[str]) -> Optional[str]:
        if name and name not in names:
            names[name] = story_name(name, body)
        return names[name] if name else name
    for f in frames:
        f.subject, f.source = named(f.subject), named(f.source)


def story_name(name: str, body: str) -> str:
    """The name `body` uses for the entity `name` names: an owner's office without the
    possessive; a name the entity table knows as its canonical name; else the short form
    the story uses after its first mention (an abbreviation it defines in brackets, the
    name's initials, the name without a legal or kind suffix, a person's surname); a
    first name alone is the person's."""
    name = owners_office(name)
    if _known(name):
        return name
    words = name.split()
    if len(words) == 1:
        person = _person_by_first_name(name, body)
        return story_name(person, body) if person else name
    if not _capitalised(words):
        return name
    return _bracketed(name, body) or _initials_used(name, body) or _without_suffix(words, body) \
        or _surname(_unsuffixed(words), body) or name


def owners_office(name: str) -> str:
    """"NASA’s Office of the Inspector General" -> "NASA Office of the Inspector General":
    an office, department or ministry written with its owner's possessive is named with
    its owner and without the possessive, straight or typographic ("the Department of
    Energy's Office of Science"); data/subject.toml [story_names] offices. Not a possessive
    that is part of a name ("McDonald's Corp", "Moody's Investors Service")."""
    return _office_possessive().sub(" ", name)


@lru_cache(maxsize=None)
def _office_possessive() -> re.Pattern:
    heads = "|".join(re.escape(w) for w in subject_rules().story_names.offices)
    return re.compile(rf"(?<=\w)[’']s\s+(?=(?:{heads})\b)")


def _known(name: str) -> bool:
    """A name the entity table or the country table knows ("South Africa" is never "Africa")."""
    table, countries = entity_table(), subject_rules().countries
    return name in table.canonical.values() or name.lower() in table.canonical \
        or name in countries.names or name in countries.names.values() or name in countries.demonyms.values()


def _capitalised(words: list[str]) -> bool:
    """A name as written: its first and last words capitalised, the words between
    capitalised too or a name's small words ("Reserve Bank of India", "Pacific Gas &
    Electric Co."), not a common noun phrase ("Problematic cannabis use")."""
    def name_word(w: str) -> bool:
        return w[0].isupper() or w[0].isdigit()
    return name_word(words[0]) and name_word(words[-1]) and all(
        name_word(w) or w in _SMALL_WORDS for w in words[1:-1])


_SMALL_WORDS = frozenset({"&", "of", "the", "and", "for", "de", "du", "la", "von", "van"})


def _bracketed(name: str, body: str) -> Optional[str]:
    """The abbreviation a story defines in brackets after the name ("the Reserve Bank of
    India (RBI)", "Organization of the Petroleum Exporting Countries (OPEC)") and uses after."""
    # the first place the name is written with the bracket right after it (a pattern of
    # the name and the bracket, without compiling one per name)
    m, at = (None, body.find(name)) if name else (_BRACKETED_SHORT.search(body), -1)
    while at >= 0 and m is None:
        m = _BRACKETED_SHORT.match(body, at + len(name))
        at = body.find(name, at + 1)
    if not m:
        return None
    short = m.group(1)
    return short if _used(short, body[m.end():]) else None


_BRACKETED_SHORT = re.compile(r"\s*\(([A-Z][A-Za-z&.]*[A-Z]\.?)\)")


def _initials_used(name: str, body: str) -> Optional[str]:
    """The name's initials, when the story writes them after its first mention at least
    as often as the name ("Pacific Gas & Electric Co." once, then "PG&E officials said";
    "Procter & Gamble" twice, "P&G" twice): not a ticker in a quotes table ("HD THE HOME
    DEPOT INC.") or a state's postal code in a quotation ("a serious problem in SD") of a
    story that keeps writing the name, nor a ticker in brackets."""
    short = initials(name)
    first = body.find(name)
    if not short or first < 0:
        return None
    after = body[first + len(name):]
    used = _used(short, after)
    return short if used and used >= mentions(name, after, alone=False) else None


def _used(short: str, text: str) -> int:
    """How often `text` writes a short form outside brackets: "Home Depot (ticker: HD)",
    "Nike Inc (NKE.N)" give a ticker, not the name the story uses."""
    return mentions(short, re.sub(r"\([^()\n]*\)", lambda m: " " * len(m.group(0)), text), alone=False)


def _unsuffixed(words: list[str]) -> list[str]:
    """The name's words without a legal suffix or kind word at its end ("Walt Disney Co")."""
    rules = subject_rules()
    dropped = [w.split() for w in [*rules.initials.words, *rules.story_names.kinds]]
    k, cut = len(words), True
    while cut:
        cut = False
        for kind in dropped:  # "Delta Air Lines Inc": "Inc", then "Air Lines"
            n = len(kind)
            if k > n and [w.rstrip(".,") for w in words[k - n:k]] == kind:
                k, cut = k - n, True
    return words[:k]


def _without_suffix(words: list[str], body: str) -> Optional[str]:
    """The name without its legal suffix or kind word ("Emirates Airline" ... "Emirates",
    "Nike Inc" ... "Nike"; data/subject.toml [initials] and [story_names] kinds), when the
    story writes it alone as a name: not inside a longer name ("United Arab Emirates")."""
    kept = _unsuffixed(words)
    if len(kept) == len(words):
        return None
    short, alone = " ".join(kept), mentions(" ".join(kept), body, alone=True)
    if short in subject_rules().countries.demonyms:
        return None  # "American Airlines" ... "American" may be the adjective
    return short if alone and alone >= mentions(" ".join(words), body, alone=False) else None


def _surname(words: list[str], body: str) -> Optional[str]:
    """A person's surname, when the story writes it alone at least twice and more often
    than the full name ("Jose Mourinho" once, then "Mourinho"; "Walt Disney Co" once, then
    "Disney"): the name news uses after the first mention. Not a word the story also writes in lower case ("Cloud" of "Google
    Cloud" where it writes "cloud"), nor a surname two full names share ("Adam Neumann" and
    "Rebekah Neumann")."""
    last = words[-1].rstrip(".,")
    if any(not w[0].isupper() for w in words):
        return None  # "Bank of America": no person's name
    if not 2 <= len(words) <= 4 or not re.fullmatch(r"[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)*", last):
        return None
    if has_word(last.lower(), body):
        return None
    alone = mentions(last, body, alone=True)
    if alone < _SURNAME_MENTIONS or alone <= mentions(" ".join(words), body, alone=False):
        return None
    return last if len(_full_names_ending(last, body)) <= 1 else None


# A surname the story writes alone at least this often is the name it uses for the person.
_SURNAME_MENTIONS = 2


def _person_by_first_name(word: str, body: str) -> Optional[str]:
    """The full name whose first word a one-word subject is, when the story names one
    person so ("Jose" in a quotation of a story about "Jose Mourinho") and calls that
    person by the surname more often than by the first name: a first name alone is never
    the story's name for anyone."""
    if not re.fullmatch(r"[A-Z][a-z]+", word) or _known(word):
        return None
    runs = {full for full in _full_names(body) if full.split()[0] == word}
    if len(runs) != 1:
        return None
    full = runs.pop()
    if mentions(word, body, alone=True) >= mentions(full.split()[-1], body, alone=True):
        return None  # a name the story uses alone ("Europa" beside "Europa Clipper")
    return full if _surname(full.split(), body) else None


def _full_names_ending(last: str, body: str) -> set[str]:
    return {full for full in _full_names(body) if full.split()[-1] == last}


@lru_cache(maxsize=4)
def _full_names(body: str) -> frozenset[str]:
    """The runs of capitalised words that may be a person's full name: not a run that opens
    with a common word capitalised where a sentence starts ("But Neumann"). Read once per
    story (each subject asks)."""
    lower = {w for w in re.findall(r"(?<![\w-])[a-z][\w’'-]*", body)}
    return frozenset(m.group(0) for m in _full_name_re().finditer(body) if m.group(1).lower() not in lower)


@lru_cache(maxsize=None)
def _full_name_re() -> re.Pattern:
    """Two to four capitalised words in a row, an initial among them ("Christopher L. Tays")."""
    word = r"[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)*"
    return re.compile(rf"(?<![\w-])({word})(?:[ \t]+(?:[A-Z]\.|{word})){{0,2}}[ \t]+{word}(?![\w-])")
