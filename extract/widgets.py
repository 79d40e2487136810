"""Page chrome that survives text extraction as lines of figures: a stock-quote widget
("Ticker Security Last Change Change %" over rows like "HD THE HOME DEPOT INC. 225.86
-12.99 -5.44%"). Its figures are refused by recognition with the reason.

Word lists: extract/data/quantities.toml [quote_widgets].
"""
from __future__ import annotations

import re
from functools import lru_cache

from extract.rule_files import QuantitiesRules
from extract.rules import load_rules

_SIGNED = re.compile(r"(?<![\w.])[-+−]\d")


@lru_cache(maxsize=None)
def _words() -> tuple[frozenset[str], frozenset[str]]:
    d = load_rules("quantities.toml", QuantitiesRules).quote_widgets
    return frozenset(w.lower() for w in d.header_words), frozenset(w.lower() for w in d.quote_words)


def _is_header(line: str) -> bool:
    header, quote = _words()
    tokens = line.lower().split()
    if not tokens or len(tokens) > 12 or any(c.isdigit() for c in line):
        return False
    known = [t for t in tokens if t in header]
    return len(known) >= 3 and len(known) * 2 >= len(tokens) and any(t in quote for t in tokens)


def quote_widget_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """[start, end) spans of quote-widget rows in text[start:end]."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    in_widget = False
    pos = start
    for line in text[start:end].split("\n"):
        line_end = pos + len(line)
        if _is_header(line):
            in_widget = True
        elif in_widget and _SIGNED.search(line) and len(re.findall(r"\d[\d,.]*", line)) >= 2:
            spans.append((pos, line_end))
        else:
            in_widget = False
        pos = line_end + 1
    return spans
