"""The entity and metric patterns (extract/vocab.py), their phrases grouped by first letter,
find exactly what one case-blind alternation of the phrases finds: on every line of the
seed and news texts, and on phrases written in other cases, with the characters that
fold to ASCII letters (İ, ı, ſ, K) and glued to other words."""

import random
import re

import pytest

from extract.lexicon import alternation
from extract.vocab import entity_table, metric_vocabulary
from tests.conftest import CORPUS, SHARED


def _case_blind_alternation(phrases, cased=()) -> re.Pattern:
    alts = alternation(phrases)
    if cased:
        return re.compile(rf"(?<![\w])(?:(?i:{alts})|{alternation(cased)})(?![\w])")
    return re.compile(rf"(?<![\w])(?:{alts})(?![\w])", re.I)


def _tables():
    m, e = metric_vocabulary(), entity_table()
    return [pytest.param(m.pattern, _case_blind_alternation(m.canonical), list(m.canonical), id="metrics"),
            pytest.param(e.pattern, _case_blind_alternation(e.canonical, e.cased), [*e.canonical, *e.cased],
                         id="entities")]


def _spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("ours, plain, phrases", _tables())
def test_grouped_phrases_find_what_the_plain_alternation_finds(ours, plain, phrases):
    paths = sorted(CORPUS.glob("*.txt")) + sorted((SHARED / "gold" / "news" / "articles").glob("*"))
    lines = [line for p in paths for line in p.read_text(encoding="utf-8", errors="replace").splitlines()]
    rng = random.Random(7)
    odd = {"i": "İı", "s": "ſ", "k": "\u212a"}

    def written(phrase: str) -> str:
        return "".join(rng.choice(odd[c.lower()]) if c.lower() in odd and rng.random() < 0.1
                       else c.upper() if rng.random() < 0.3 else c for c in phrase)

    for _ in range(3000):
        words = [written(rng.choice(phrases)) if rng.random() < 0.7 else rng.choice(["x", "the", "5", "'s", "é"])
                 for _ in range(rng.randint(1, 4))]
        lines.append(rng.choice([" ", "", "-", ", "]).join(words))
    assert [line for line in lines if _spans(ours, line) != _spans(plain, line)] == []


@pytest.mark.parametrize("alternatives, grouped", [
    (["say\\w*", "said", "Told"], True),
    (["wrote|written"], False),  # a `|` at the top: not one alternative
    (["a?b", "ab"], False),  # the first character repeated
    (["\\.com", "net"], True),  # "." stands for no letter: a last group of its own
    (["[ab]x", "net"], False),  # opening with a set
    (["\u0131x", "net"], False),  # a dotless i stands for "i" case-blind
], ids=["words-and-stems", "top-level-bar", "repeated-first", "escaped-first", "set-first", "dotless-i-first"])
def test_case_blind_alternatives_group_only_plain_openings(alternatives, grouped):
    from extract.lexicon import case_blind_alternatives

    regex = case_blind_alternatives(alternatives)
    assert regex.startswith("[") is grouped
    plain = re.compile(rf"\b(?:(?i:{'|'.join(alternatives)}))\b")
    for text in ["He SAID it", "she says", "TOLD you", "wrote, written", "ab a?b b", "x.com net .COM", "ax IX \u0131x"]:
        assert _spans(re.compile(rf"\b(?:{regex})\b"), text) == _spans(plain, text)
