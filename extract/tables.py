"""Figures in tables: every numeric cell of a results table is a claim, framed by its
row and column headings.

Tables reach the recogniser as lines: an HTML <table> as "cell | cell | cell" rows
(extract/html/), a table copied from a page as rows of cells apart by tabs or runs of
spaces, or a name and several figures a row ("Home Depot 27.2 26.3 3.5%"). A table is
two or more such rows in a row, or one under a heading line. The heading line is the
line right above the first row when it holds no figure of its own (years and quarter
names may stand in it: "2019 | 2018 | Change").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from extract.records import Quantity
from extract.vocab import metric_vocabulary

# What parts cells: a pipe, tabs, or two spaces or more.
_SEP = re.compile(r"[ \t]*\|[ \t]*|\t+[ ]*|[ ]{2,}")
# A cell that is one figure: "27.2", "$27.2bn", "-5.44%", "(1.2)", "3.5 percent", "1,234"
_FIGURE_CELL = re.compile(
    r"[-+−–(]?(?:[A-Z]{0,3}[$€£¥₹]|Rs\.?\s?)?\d[\d,]*(?:\.\d+)?[ ]?(?:%|percent|per cent|[KkMmBb]n?|bn|mn|pts?|x)?\)?\*?")
# A single-spaced row: a name, then two figures or more and nothing else.
_NAMED_ROW = re.compile(
    r"(?P<label>[^\d\n|\t]*[A-Za-z][^\d\n|\t]*?)(?P<figures>(?:[ \t]+" + _FIGURE_CELL.pattern + r"){2,})[ \t]*")
# What any line _NAMED_ROW matches ends with: two figure cells. Searched first because
# _NAMED_ROW's label backtracks over every split of a prose line before it fails
# (a third of the recogniser's time on news text); the result is the same.
_ENDS_IN_FIGURES = re.compile(r"(?:[ \t]+" + _FIGURE_CELL.pattern + r"){2}[ \t]*\Z")
# A heading that names a period: "2019", "Q3 2019", "FY19", "H1", "Q3'19"
PERIOD_LABEL = re.compile(r"(?i)(?:(?:FY|Q[1-4]|H[12])\s?'?)?\d{2,4}|Q[1-4]|H[12]|(?:Q[1-4]|H[12])\s?(?:FY)?'?\d{2,4}")


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    row_label: Optional[str]  # the row's first cell ("Home Depot", "Revenue")
    heading: Optional[str]  # the column's heading, when the heading line lines up
    quote: str  # the heading line and the row, as written


@dataclass(frozen=True)
class _Row:
    start: int
    end: int
    label: Optional[str]
    cells: tuple[tuple[int, int], ...]  # the figure cells, absolute offsets
    parts: int  # cells in the row, the label included
    columns: tuple[int, ...]  # each figure cell's column among the row's cells


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for line in text[start:end].split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _split(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The cells of text[s:e] as spans, blanks dropped."""
    line = text[s:e]
    if "|" not in line and "\t" not in line and "  " not in line:
        return [(s, e)] if line.strip() else []  # no separator: one cell (most lines are prose)
    cells, pos = [], s
    for m in _SEP.finditer(text, s, e):
        cells.append((pos, m.start()))
        pos = m.end()
    cells.append((pos, e))
    return [(a, b) for a, b in cells if text[a:b].strip()]


def _row(text: str, s: int, e: int) -> Optional[_Row]:
    line = text[s:e]
    if not line.strip() or len(line) > 300:
        return None
    cells = _split(text, s, e)
    figures = [(a, b) for a, b in cells if _FIGURE_CELL.fullmatch(text[a:b].strip())] if len(cells) >= 3 else []
    words = [text[a:b].strip() for a, b in cells if (a, b) not in figures]
    if len(cells) >= 3 and len(figures) >= 2 and _names_a_row(words, len(cells)):
        # the row's name is its first word cell, wherever it stands: a standings row
        # leads with the position ("1 | Arsenal | 17 | 39"), a chart row may name a
        # title and its studio ("1 | Barbie | Warner Bros. | $93.0m | $351.4m")
        columns = tuple(k for k, cell in enumerate(cells) if cell in figures)
        return _Row(s, e, words[0] if words else None, tuple(figures), len(cells), columns)
    m = _NAMED_ROW.fullmatch(line) if _ENDS_IN_FIGURES.search(line) else None
    if m is None or len(m.group("label").split()) > 6:
        return None  # a row names its figures in a few words; a longer line is prose
    base = s + m.start("figures")
    spans = tuple((base + f.start(), base + f.end()) for f in re.finditer(r"\S+", m.group("figures")))
    return _Row(s, e, m.group("label").strip() or None, spans, len(spans) + 1,
                tuple(range(1, len(spans) + 1)))


def _names_a_row(words: list[str], cells: int) -> bool:
    """A row's word cells: one name, or two short ones in a row of four cells or more;
    more words than that is prose split by its spacing."""
    if len(words) > (2 if cells >= 4 else 1):
        return False
    return all(len(w.split()) <= 6 for w in words)


def _heading_line(text: str, s: int, e: int) -> bool:
    """A line that heads a table: short, no sentence, no figure other than a period label."""
    line = text[s:e].strip()
    if not line or len(line) > 200 or re.search(r"[.!?]$", line):
        return False
    return all(not re.search(r"\d", text[a:b]) or PERIOD_LABEL.fullmatch(text[a:b].strip())
               for a, b in _split(text, s, e))


def table_cells(text: str, start: int = 0, end: Optional[int] = None) -> list[Cell]:
    """Every figure cell of every table in text[start:end], with its headings."""
    end = len(text) if end is None else end
    lines = _lines(text, start, end)
    rows = [_row(text, s, e) for s, e in lines]
    out: list[Cell] = []
    i = 0
    while i < len(lines):
        if rows[i] is None:
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and rows[j + 1] is not None:
            j += 1
        head = lines[i - 1] if i > 0 and _heading_line(text, *lines[i - 1]) else None
        if j > i or head is not None:
            out += _cells(text, [r for r in rows[i:j + 1] if r is not None], head)
        i = j + 1
    return out


def _cells(text: str, rows: list[_Row], head: Optional[tuple[int, int]]) -> list[Cell]:
    headings = [text[a:b].strip() for a, b in _split(text, *head)] if head else []
    out = []
    for row in rows:
        quote = (text[head[0]:head[1]].strip() + " | " if head else "") + text[row.start:row.end].strip()
        figures = len(row.cells)
        for k, ((a, b), column) in enumerate(zip(row.cells, row.columns)):
            # the heading line names every column, or only the figure columns
            heading = headings[column] if len(headings) == row.parts else \
                headings[k] if len(headings) == figures else None
            out.append(Cell(a, b, row.label, heading, quote))
    return out


def row_names_metric(cell: Cell) -> Optional[str]:
    """The canonical metric a row label names whole ("Revenue", "Net income"), or None."""
    label = (cell.row_label or "").strip()
    found = metric_vocabulary().find(label) if label else []
    return found[0][2] if len(found) == 1 and found[0][1] - found[0][0] == len(label) else None


def cell_subject(cell: Cell, framed: Optional[str]) -> Optional[str]:
    """A row label is the subject ("Boston", "Home Depot") unless it names a metric."""
    return framed if row_names_metric(cell) or not cell.row_label else cell.row_label


def cell_metric(cell: Cell, framed: Optional[str]) -> Optional[str]:
    """A row that names a metric gives it ("Revenue | $27.2bn"); else the column's
    heading, unless the heading is a period ("Q3 2019"), which says when, not what; a
    heading a results table abbreviates is named in full ("Pts" -> points, "W" -> wins)."""
    named = row_names_metric(cell)
    if named:
        return named
    if cell.heading and not PERIOD_LABEL.fullmatch(cell.heading):
        return _headings().get("metrics", {}).get(cell.heading.lower(), cell.heading)
    return framed


def signed_cell(q: Quantity, t: str, cell: Optional[Cell] = None) -> Quantity:
    """"7,502 -1.2%": in a table row a minus after a space signs the next cell, it is no
    range dash (recognition cannot tell without the row). A bare number under a heading
    that names a unit takes it ("Pts | 40": 40 points)."""
    unit = _headings().get("units", {}).get(cell.heading.lower()) if cell and cell.heading else None
    if unit and q.unit == "count":
        q = q.model_copy(update={"unit": unit})
    if q.start >= 2 and t[q.start - 1] in "-−" and t[q.start - 2] in " \t" and q.value is not None and q.value > 0:
        return q.model_copy(update={"start": q.start - 1, "surface": t[q.start - 1:q.end], "value": -q.value})
    return q


def _headings() -> dict:
    """metrics.toml [table_headings]: column headings results tables abbreviate."""
    return metric_vocabulary().rules.get("table_headings", {})
