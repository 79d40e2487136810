"""Where a text writes a name as a whole word, found with `str.find`.

Across an article (frame/article.py, frame/names.py) each candidate name is looked for
in the whole body: `re.finditer(r"(?<![\\w-])" + re.escape(name) + r"(?![\\w-])", body)`
compiled a pattern per name (over a thousand a run, past `re`'s cache of 512), and a
pattern that opens with a look-behind is tried at every position of the text. These
functions give the same matches: the places `str.find` finds the name, kept where the
characters around it are no word characters (`re`'s \\w: `str.isalnum()` or "_"), and,
like `finditer`, none overlapping the one before.
"""

from __future__ import annotations
import re
from functools import lru_cache
from extract.lexicon import alternation


def _word_char(ch: str, hyphen: bool) -> bool:
    return ch.isalnum() or ch == "_" or (hyphen and ch == "-")


def _bounded(text: str, start: int, end: int, hyphen: bool) -> bool:
    """No word character (nor, with `hyphen`, a hyphen) right before `start` or at `end`."""
    return (start == 0 or not _word_char(text[start - 1], hyphen)) and \
        (end >= len(text) or not _word_char(text[end], hyphen))


def word_spans(word: str, text: str, hyphen: bool = True) -> list[tuple[int, int]]:
    """(start, end) of each match of (?<![\\w-])WORD(?![\\w-]) in `text` (without `hyphen`:
    (?<!\\w)WORD(?!\\w)), in order, as `re.finditer` finds them."""
    if not word:
        bound = r"[\w-]" if hyphen else r"\w"
        return [m.span() for m in re.finditer(rf"(?<!{bound})(?!{bound})", text)]
    out = []
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if _bounded(text, at, end, hyphen):
            out.append((at, end))
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)
    return out


def has_word(word: str, text: str, hyphen: bool = True) -> bool:
    """Whether (?<![\\w-])WORD(?![\\w-]) (without `hyphen`: (?<!\\w)WORD(?!\\w)) matches in `text`."""
    if not word:
        return bool(word_spans(word, text, hyphen))
    at = text.find(word)
    while at >= 0:
        if _bounded(text, at, at + len(word), hyphen):
            return True
        at = text.find(word, at + 1)
    return False


def first_of_spans(forms: list[str], text: str) -> list[tuple[int, int]]:
    """(start, end) of each match of (?<![\\w-])(?:F1|F2|...)(?!\\w) in `text`, the forms
    tried in the order given at each position (an alternation takes the first that
    matches), as `re.finditer` finds them."""
    if not all(forms):
        return [m.span() for m in re.finditer(r"(?<![\w-])(?:" + alternation(forms) + r")(?![\w])", text)]
    starts: set[int] = set()
    for form in forms:
        at = text.find(form)
        while at >= 0:
            starts.add(at)
            at = text.find(form, at + 1)
    out = []
    done = 0
    for at in sorted(starts):
        if at < done or (at > 0 and _word_char(text[at - 1], True)):
            continue
        for form in forms:
            end = at + len(form)
            if text.startswith(form, at) and (end >= len(text) or not _word_char(text[end], False)):
                out.append((at, end))
                done = end
                break
    return out


@lru_cache(maxsize=256)
def any_word(words: tuple[str, ...], hyphen: bool = True) -> re.Pattern:
    """One case-blind pattern for a list of words, each whole (with `hyphen`, not glued to a
    hyphen either): it searches a text with a match where any of the words' own patterns
    would, in one pass instead of one compiled pattern and one pass per word."""
    bound = r"[\w-]" if hyphen else r"\w"
    return re.compile(rf"(?<!{bound})(?:{alternation(words)})(?!{bound})", re.I)
