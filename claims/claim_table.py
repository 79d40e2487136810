"""The terminal table of `claims query` and `claims extract --format table`: one line a
claim, fitted to the terminal's width, naming each document by its title or publisher
and showing a shortened quote with the figure marked «like this».
"""

from __future__ import annotations

import shutil
from pathlib import PurePosixPath
from typing import Mapping, Optional, Sequence

from claims.doc_names import document_label, one_line

# Column: (header, the widest it gets, the narrowest it is squeezed to).
COLUMNS = (
    ("surface", 22, 12),
    ("subject", 20, 8),
    ("metric", 16, 6),
    ("period", 12, 7),
    ("kind", 10, 6),
    ("source", 18, 8),
    ("document", 30, 12),
)
# On a narrow terminal these columns go first (the quote usually names the source).
DROP_FIRST = ("source", "kind")
QUOTE_MIN, QUOTE_SHARE = 24, 0.3
GAP = "  "
MARK = ("«", "»")
DEFAULT_SIZE = (120, 24)  # when the output is not a terminal


def terminal_width() -> int:
    return shutil.get_terminal_size(DEFAULT_SIZE).columns


def cut(text: str, width: int) -> str:
    """`text` in at most `width` characters, an ellipsis where it was cut."""
    if len(text) <= width:
        return text
    return text[: max(0, width - 1)] + "…" if width > 0 else ""


def marked_quote(quote: str, surface: str, width: int) -> str:
    """The quote with its figure marked, cut to `width` around the figure."""
    quote = one_line(quote)
    at = quote.find(surface) if surface else -1
    if at < 0:
        return cut(quote, width)
    before, after = quote[:at], quote[at + len(surface):]
    figure = MARK[0] + surface + MARK[1]
    room = width - len(figure)
    if room <= 0:
        return cut(figure, width)
    if len(before) + len(after) <= room:
        return before + figure + after
    # Keep as much context on each side as fits, the side that is short giving its
    # room to the other.
    keep_before = min(len(before), max(room // 2, room - len(after)))
    keep_after = room - keep_before
    left = before if keep_before >= len(before) else "…" + before[len(before) - keep_before + 1:]
    right = after if keep_after >= len(after) else after[: max(0, keep_after - 1)] + "…"
    return left + figure + right


def _document_name(doc: str, document: Optional[object]) -> str:
    fallback = doc if "://" in doc else PurePosixPath(doc.replace("\\", "/")).name
    return document_label(document, fallback)


def _natural(cells: list[list[str]], columns: list[int]) -> list[int]:
    return [min(COLUMNS[i][1], max(len(COLUMNS[i][0]), *(len(r[i]) for r in cells))) for i in columns]


def _layout(cells: list[list[str]], total: int) -> tuple[list[int], list[int], int]:
    """The columns shown, their widths, and the quote's width (what is left).

    The quote keeps at least 30% of the line: the widest column is squeezed, down to
    each one's floor; when that is not enough the columns of DROP_FIRST go, one by one."""
    quote_min = max(QUOTE_MIN, int(total * QUOTE_SHARE))
    columns = list(range(len(COLUMNS)))
    for drop in (None, *DROP_FIRST):
        columns = [i for i in columns if COLUMNS[i][0] != drop]
        widths = _squeezed(cells, columns, total - quote_min)
        if _room(widths, total) >= quote_min:
            break
    return columns, widths, max(QUOTE_MIN, _room(widths, total))


def _room(widths: list[int], total: int) -> int:
    return total - sum(widths) - len(GAP) * len(widths)


def _squeezed(cells: list[list[str]], columns: list[int], budget: int) -> list[int]:
    """Natural widths, the widest cut first until they fit `budget` (or reach their floors)."""
    widths = _natural(cells, columns)
    floors = [min(w, COLUMNS[i][2]) for w, i in zip(widths, columns)]
    while sum(widths) + len(GAP) * len(widths) > budget and any(w > f for w, f in zip(widths, floors)):
        j = max(range(len(widths)), key=lambda k: widths[k] - floors[k])
        widths[j] -= 1
    return widths


def format_claims_table(
    claims: Sequence, documents: Mapping[str, object] | None = None, width: Optional[int] = None
) -> list[str]:
    """The table's lines. `documents` maps a claim's `doc` to its document row (title,
    publisher); `width` defaults to the terminal's."""
    documents = documents or {}
    total = width or terminal_width()
    cells = [
        [one_line(v) for v in (c.surface, c.subject, c.metric, c.period, getattr(c.kind, "value", c.kind),
                                c.source, _document_name(c.doc, documents.get(c.doc)))]
        for c in claims
    ]  # fmt: skip
    columns, widths, quote_width = _layout(cells, total)
    lines = [GAP.join(COLUMNS[i][0].ljust(w) for i, w in zip(columns, widths)) + GAP + "quote"]
    lines.append(GAP.join("-" * w for w in widths) + GAP + "-" * min(quote_width, 5))
    for claim, row in zip(claims, cells):
        fixed = GAP.join(cut(row[i], w).ljust(w) for i, w in zip(columns, widths))
        lines.append(fixed + GAP + marked_quote(claim.quote, claim.surface, quote_width))
    return lines
