"""The screen in front of the period patterns (extract/pattern_screen.py) leaves out only
patterns that cannot match: every pattern that matches a line of the seed corpus or the
news articles (many outlets) is kept, and the time references found are the same."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extract.pattern_screen import _ASCII_FOLDS, PatternList, fold_case, may_match, runnable, screen_of
from extract.periods import _patterns

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "gold" / "news" / "articles"


def _lines(folder: Path) -> list[str]:
    return [line for f in sorted(folder.glob("*.txt")) for line in f.read_text(encoding="utf-8").splitlines()
            if line.strip()]


@pytest.mark.parametrize("folder", [ROOT / "corpus", NEWS], ids=["seed-corpus", "news-articles"])
def test_every_pattern_that_matches_a_line_is_kept(folder):
    if not folder.is_dir():
        pytest.skip(f"{folder} not found")
    patterns = _patterns()
    missed = []
    for line in _lines(folder):
        kept = {id(item) for item in runnable(patterns, line)}
        missed += [(kind, line[:80]) for item in patterns if id(item) not in kept
                   for pattern, kind in [item] if pattern.search(line)]
    assert missed == []


@pytest.mark.parametrize("text, start, kind", [
    ("Revenue rose 12% in Q1, the company said.", 0, "bareq"),
    ("Sales fell 3% during the third quarter of 2025 (Reuters).", 0, "y"),
    ("Shipments, which slowed in March, rose 4% in April.", 15, "barem"),
    ("İN Q2 THE BANK LENT $4 BILLION.", 0, "bareq"),  # a dotted capital I is an i to a case-blind pattern
], ids=["quarter-code", "year-in-sentence", "month-after-start", "dotted-capital-i"])
def test_a_pattern_that_matches_runs(text, start, kind):
    kept = [k for pattern, k in runnable(_patterns(), text, start) if pattern.search(text, start)]
    assert kind in kept


def test_a_line_without_time_words_runs_few_patterns():
    line = "The union said 4,000 workers would walk out, and the company called the figure inflated."
    assert len(runnable(_patterns(), line)) < len(_patterns()) // 4


def test_every_period_pattern_has_a_screen():
    assert [p.pattern[:40] for p, _ in _patterns() if screen_of(p) is None] == []


def test_case_folds_to_ascii_are_all_mapped():
    """Every character a case-blind pattern takes for an ASCII letter or digit is either
    ASCII or lower-cased to it after _ASCII_FOLDS."""
    letter = re.compile(r"[a-z0-9]", re.I)
    folds = {chr(c): [a for a in "abcdefghijklmnopqrstuvwxyz0123456789" if re.fullmatch(a, chr(c), re.I)]
             for c in range(128, 0x110000) if letter.match(chr(c))}
    assert {ch: [ch.translate(_ASCII_FOLDS).lower()] for ch in folds} == folds


@pytest.mark.parametrize("text", ["Plain ASCII Text", "“Curly” quotes — and dashes", "İSTANBUL", "ſtreet 5 K"])
def test_fold_case_is_translate_then_lower(text):
    assert fold_case(text) == text.translate(_ASCII_FOLDS).lower()


@pytest.mark.parametrize("text, start, expected", [
    ("Sales doubled in a year.", 0, True),
    ("SALES DOUBLED IN A YEAR.", 0, True),
    ("Sales doubled in a year.", 10, False),  # the word is before the window
    ("Sales rose in a year.", 0, False),
], ids=["word", "capitals", "before-window", "no-word"])
def test_may_match_rules_out_only_a_text_without_the_words(text, start, expected):
    pattern = re.compile(r"\b(?:doubled|tripled)\b", re.I)
    assert may_match(pattern, text, start) is expected
    assert may_match(pattern, text, start) or pattern.search(text, start) is None


def test_a_pattern_list_runs_patterns_anchored_at_the_start_unscreened():
    patterns = PatternList(((re.compile(r"^\s*subscribe", re.I), "anchored"),
                            (re.compile(r"straight to your inbox", re.I), "scanning")))
    assert [kind for _, kind in patterns.runnable("Nothing to see")] == ["anchored"]
    assert patterns.search_any("  SUBSCRIBE now") and patterns.search_any("News Straight To Your Inbox")
    assert not patterns.search_any("Readers who subscribe")
