"""Cleaning plain text: keep the article, drop navigation, widgets and footers.

Plain-text dumps of web pages carry their menus with them (three seed files open
with the same 60-line exchange menu). Claim offsets must stay true to the file, so
cleaning never edits the text: it returns the file's text unchanged with the list of
body regions. Rules live in data/textclean.toml.

The cascade, cheap first:
1. widget lines anywhere (view counters, "Never miss a story", share and link lines);
2. before the first paragraph and after the last, runs of menu-like lines (short,
   or without sentence punctuation), with blurb lines sandwiched between them;
3. across a corpus, lines that recur in several documents (`recurring_lines`).
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from claims.models import Article

_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]\s*$")


@dataclass(frozen=True)
class _Rules:
    widgets: tuple[re.Pattern, ...]
    link_line: re.Pattern
    paragraph_min_words: int
    menu_run_min_lines: int
    box_markers: tuple[re.Pattern, ...]
    comment_markers: tuple[re.Pattern, ...]
    menu_line_max_words: int


@lru_cache(maxsize=None)
def _rules() -> _Rules:
    with open(Path(__file__).with_name("data") / "textclean.toml", "rb") as f:
        d = tomllib.load(f)
    return _Rules(
        widgets=tuple(re.compile(p, re.I) for p in d["widget_patterns"]),
        link_line=re.compile(d["link_line"], re.I),
        paragraph_min_words=d["paragraph_min_words"],
        menu_run_min_lines=d["menu_run_min_lines"],
        box_markers=tuple(re.compile(p, re.I) for p in d["box_markers"]),
        comment_markers=tuple(re.compile(p, re.I) for p in d["comment_markers"]),
        menu_line_max_words=d["menu_line_max_words"],
    )


@dataclass
class _Line:
    start: int
    end: int  # without the newline
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def split_lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        out.append(_Line(pos, pos + len(body), body))
        pos += len(raw)
    return out


def _is_paragraph(line: _Line, r: _Rules) -> bool:
    return line.words >= r.paragraph_min_words and bool(re.search(r"[.!?]", line.text))


def _is_menu_like(line: _Line, r: _Rules) -> bool:
    return line.words <= r.menu_line_max_words or not _SENTENCE_END.search(line.text)


def _is_widget(line: _Line, r: _Rules) -> bool:
    return any(p.search(line.text) for p in r.widgets) or bool(r.link_line.match(line.text))


def chrome_lines(text: str, recurring: frozenset[str] = frozenset()) -> set[int]:
    """Indexes of the lines of `text` that are not article body."""
    r = _rules()
    lines = split_lines(text)
    content = [i for i, ln in enumerate(lines) if ln.text.strip()]
    drop: set[int] = {i for i in content if _is_widget(lines[i], r)}
    drop |= {i for i in content if lines[i].text.strip() in recurring}
    paragraphs = [i for i in content if _is_paragraph(lines[i], r) and i not in drop]
    if not paragraphs:
        return drop
    drop |= _boxes(lines, content, paragraphs, r)
    paragraphs = [i for i in paragraphs if i not in drop]
    if not paragraphs:
        return drop
    first, last = paragraphs[0], paragraphs[-1]
    head = [i for i in content if i < first]
    tail = [i for i in content if i > last]
    drop |= _menu_runs(lines, head, r)
    drop |= _menu_runs(lines, tail, r, at_end=True)
    return drop


def _boxes(lines: list[_Line], content: list[int], paragraphs: list[int], r: _Rules) -> set[int]:
    """Boxes inside or after the article: from a line that opens one ("Related
    articles", "More stories", "You may also like") to the next paragraph, its
    headlines and prices are other stories' figures; from a comments header ("12
    Comments", "Leave a reply") to the end, the page is readers' words."""
    out: set[int] = set()
    is_para = set(paragraphs)
    after_first = [i for i in content if i > paragraphs[0]]
    for k, i in enumerate(after_first):
        text = lines[i].text
        if i in is_para or i in out:
            continue
        if any(p.search(text) for p in r.comment_markers):
            # a header below the article, not the "Comments" link of a share bar above it
            before = sum(lines[j].words for j in paragraphs if j < i)
            if before >= sum(lines[j].words for j in paragraphs if j > i):
                return out | set(after_first[k:])
            continue
        if any(p.search(text) for p in r.box_markers):
            for j in after_first[k:]:
                if j in is_para:
                    break
                out.add(j)
    return out


def _menu_runs(lines: list[_Line], idx: list[int], r: _Rules, at_end: bool = False) -> set[int]:
    """Runs of menu-like lines (allowing one blurb between two menu-like lines)."""
    flags = [_is_menu_like(lines[i], r) for i in idx]
    # A single blurb sandwiched between menu-like lines belongs to the menu.
    orig = list(flags)
    for k in range(1, len(flags) - 1):
        inside_menu = (k >= 2 and orig[k - 2]) or (k + 2 < len(orig) and orig[k + 2])
        if not orig[k] and orig[k - 1] and orig[k + 1] and inside_menu:
            flags[k] = True
    out: set[int] = set()
    run: list[int] = []
    min_run = 2 if at_end else r.menu_run_min_lines
    for i, f in zip(idx, flags):
        if f:
            run.append(i)
            continue
        if len(run) >= min_run:
            out.update(run)
        run = []
    if len(run) >= min_run:
        out.update(run)
    return out


def clean_text(text: str, recurring: frozenset[str] = frozenset()) -> Article:
    """The article inside a plain-text page: `text` unchanged, body regions marked."""
    lines = split_lines(text)
    drop = chrome_lines(text, recurring)
    regions: list[tuple[int, int]] = []
    for i, ln in enumerate(lines):
        if i in drop or not ln.text.strip():
            continue
        if regions and _only_space_between(text, regions[-1][1], ln.start):
            regions[-1] = (regions[-1][0], ln.end)
        else:
            regions.append((ln.start, ln.end))
    title = _title(lines, drop, _rules())
    return Article(text=text, regions=regions, title=title)


def _only_space_between(text: str, a: int, b: int) -> bool:
    return not text[a:b].strip()


def _title(lines: list[_Line], drop: set[int], r: _Rules) -> Optional[str]:
    """The last kept line before the first paragraph, if it is short enough."""
    candidate = None
    for i, ln in enumerate(lines):
        if i in drop or not ln.text.strip():
            continue
        if _is_paragraph(ln, r) and candidate is not None:
            break
        candidate = ln.text.strip().lstrip("#").strip()
        if _is_paragraph(ln, r):
            break
    return candidate if candidate and len(candidate.split()) <= 25 else None


def recurring_lines(texts: Iterable[str], min_docs: int = 3) -> frozenset[str]:
    """Lines that occur in at least `min_docs` documents: site furniture in a corpus."""
    counts: Counter[str] = Counter()
    for t in texts:
        counts.update({ln.strip() for ln in t.splitlines() if ln.strip()})
    return frozenset(line for line, n in counts.items() if n >= min_docs and len(line.split()) < 40)
