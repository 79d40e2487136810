"""Documents named as people name them: a title and a publisher, not a file path or a
content hash. Used by the review app's pages and the `claims query`/`conflicts` tables.

A conflict's explanation (`why`, written by the reconciler) names each document by its
file name or URL ("51374560….html says '$5 billion'"); `readable_why` puts the titles
in their place for display. The stored and exported `why` stays as written.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Mapping, Optional, Protocol
from extract.lexicon import alternation

# How the reconciler shortens a long URL in a `why` sentence.
_URL_SHOWN = 57


class _Document(Protocol):
    title: Optional[str]
    publisher: Optional[str]


def one_line(text: Optional[str]) -> str:
    """Text on one line: a newline or control character in a title must not break a
    printed row or reach the terminal."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in (text or "")).split())


def document_label(document: Optional[_Document], fallback: str) -> str:
    """"Title (Publisher)", the title or the publisher alone, else `fallback`."""
    title = one_line(document.title) if document else ""
    publisher = one_line(document.publisher) if document else ""
    if title and publisher and publisher.casefold() not in title.casefold():
        return f"{title} ({publisher})"
    return title or publisher or fallback


def short_names(doc: str) -> list[str]:
    """The ways a `why` sentence may name a document: whole, its file name, or a long
    URL cut short; longest first."""
    names = {doc}
    if "://" in doc:
        if len(doc) > _URL_SHOWN + 3:
            names.add(doc[:_URL_SHOWN] + "...")
    else:
        names.add(PurePosixPath(doc.replace("\\", "/")).name)
    return sorted((n for n in names if n), key=len, reverse=True)


def readable_why(why: str, labels: Mapping[str, str]) -> str:
    """`why` with each document (a claim's `doc` -> its label) named by its label."""
    names = {name: label for doc, label in labels.items() if label != doc for name in short_names(doc)}
    if not names or not why:
        return why
    pattern = alternation(names)
    # A name counts only as a whole word: "a.txt" is not inside "acme-a.txt".
    return re.sub(rf"(?<![\w./-])(?:{pattern})(?![\w/-])", lambda m: names[m.group(0)], why)
