"""The records that pass between stages.

Every stage of the pipeline (fetch → clean → recognise → frame → normalise → store →
reconcile → review) takes and returns these models; no loose dicts cross a module line.
Field names and meanings of `Claim` and `Conflict` follow ../shared/CONTRACT.md.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Optional

from pydantic import BaseModel, ConfigDict, Field


class Approx(str, Enum):
    """How the text hedges a figure. The hedge word itself is never part of `surface`."""

    exact = "exact"
    approximately = "approximately"
    at_least = "at least"
    more_than = "more than"
    up_to = "up to"
    less_than = "less than"


class Kind(str, Enum):
    fact = "fact"
    estimate = "estimate"
    forecast = "forecast"
    illustrative = "illustrative"


class Direction(str, Enum):
    up = "up"
    down = "down"


class Source(BaseModel):
    """Raw input as read from disk or the network, before any cleaning.

    `raw` is kept so a re-run (or a better cleaner) needs neither the file nor the network.
    """

    model_config = ConfigDict(frozen=True)

    doc: str = Field(description="the PATH or URL as the user gave it")
    raw: bytes
    media_type: str = Field(description="'text/plain' or 'text/html'")
    text: str = Field(description="raw bytes decoded (encoding detected)")
    encoding: str
    url: Optional[str] = None
    final_url: Optional[str] = None
    fetched_at: Optional[dt.datetime] = None
    date: Optional[dt.date] = Field(
        default=None, description="publication date the user gave (--date), for inputs that state none"
    )


class Article(BaseModel):
    """A document's main text and metadata, as `claims clean` prints it.

    `text` is the string every claim offset points into: the decoded file for plain
    text (so offsets stay true to the file), the extracted main text for HTML.
    `regions` are the [start, end) spans of `text` that are article body; recognition
    runs only inside them, which is how navigation chrome yields no claim.
    """

    text: str
    regions: list[tuple[int, int]]
    title: Optional[str] = None
    author: Optional[str] = None
    date: Optional[dt.date] = None
    publisher: Optional[str] = None
    url: Optional[str] = None
    # spans of `text` that state a claim a fact-check page checks, under its "Claim" label
    checked: list[tuple[int, int]] = []
    # Fallback steps of the HTML cleaner that failed and were passed over, each "step: reason".
    rejected: list[str] = []

    def body_text(self) -> str:
        """The body regions joined by newlines: what a reader would call the article."""
        return "\n".join(self.text[s:e] for s, e in self.regions)


class Quantity(BaseModel):
    """A figure found in text, before framing: what, how much, how hedged, where."""

    start: int
    end: int
    surface: str
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: str
    approx: Approx = Approx.exact
    hedge: Optional[str] = Field(None, description="the hedge words as written, e.g. 'roughly'")
    noun: Optional[str] = Field(None, description="the counted noun for counts: 'companies'")
    vague: bool = Field(False, description="a vague magnitude such as 'hundreds of billions'")


class Claim(BaseModel):
    """One numeric claim: a CONTRACT.md `extract` JSONL line."""

    doc: str
    start: int
    end: int
    surface: str
    quote: str
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: str
    approx: Approx = Approx.exact
    subject: Optional[str] = None
    metric: Optional[str] = None
    period: Optional[str] = None
    source: Optional[str] = None
    kind: Kind = Kind.fact
    # What recognition and framing learnt beyond the contract's fields, so that no later
    # stage re-reads the quote for it.
    direction: Optional[Direction] = Field(None, description="'up' or 'down' for a change ('fell 3%')")
    change_verb: Optional[str] = Field(None, description="the change word as written: 'plunged', 'rose'")
    per: Optional[str] = Field(None, description="a rate's denominator: 'week', 'share', 'gallon', 'capita'")
    parent: Optional[str] = Field(None, description="the company a named segment subject belongs to")
    subject_inferred: bool = Field(False, description="the subject comes from context, not the figure's clause")
    vague: bool = Field(False, description="a vague magnitude ('hundreds of millions')")
    basis: Optional[str] = Field(None, description="a growth's comparison basis: 'yoy', 'qoq', 'constant currency'")

    def contract_dict(self) -> dict:
        return self.model_dump(mode="json")


class StoredClaim(Claim):
    """A claim as the store holds it: with its row id and its document's hash."""

    id: int
    document_id: int


class Conflict(BaseModel):
    """Two claims from different documents about the same thing that disagree."""

    a: Claim
    b: Claim
    verdict: str = "contradiction"
    why: str
    score: float

    def contract_dict(self) -> dict:
        return self.model_dump(mode="json")


class Failure(BaseModel):
    """An input that could not be processed, and why. Reported, never silently dropped."""

    doc: str
    reason: str
