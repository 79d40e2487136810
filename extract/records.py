"""The records that pass between stages.

Every stage of the pipeline (fetch → clean → recognise → frame → normalise → store →
reconcile → review) takes and returns these models; no loose dicts cross a module line.
Field names and meanings of `Claim` and `Conflict` follow ../shared/CONTRACT.md.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from functools import lru_cache
from typing import Any, Optional

from pydantic import BaseModel, ConfigDict, Field, GetCoreSchemaHandler, TypeAdapter
from pydantic_core import core_schema


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


class PeriodKind(str, Enum):
    year = "year"
    half = "half"
    quarter = "quarter"
    month = "month"
    day = "day"
    other = "other"  # a string in none of the contract's forms, kept as written


# The contract's period forms (../shared/CONTRACT.md): 2026, 2026-Q1, 2025-H1, 2026-07,
# FY2024, FY2026-Q2 (and a day, 2026-07-14). The only place a period string is parsed.
_PERIOD_FORM = re.compile(
    r"(?P<fiscal>FY)?(?P<year>\d{4})"
    r"(?:-(?:Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<month>0[1-9]|1[0-2])(?:-(?P<day>0[1-9]|[12]\d|3[01]))?))?",
    re.I,
)
_PARTS_PER_YEAR = {PeriodKind.quarter: 4, PeriodKind.half: 2, PeriodKind.month: 12}


class Period(str):
    """A claim's period: the contract's string, with its parts read once.

    It IS the string the contract prints and the store keeps ("2026-Q1", "FY2025"), so
    JSON, the database column and every comparison stay as they were; its parts
    (`kind`, `year`, `quarter`, `half`, `month`, `day`, `fiscal`) are parsed once, when
    the record is made (the framer's claim, or a row read back from the store), and
    read from then on instead of re-parsing the string. A string in none of the
    contract's forms is kept as written, of kind `other` with no parts.
    """

    kind: PeriodKind
    year: Optional[int]
    quarter: Optional[int]
    half: Optional[int]
    month: Optional[int]
    day: Optional[int]
    fiscal: bool  # a fiscal year or a part of one ("FY2026-Q2")

    def __new__(cls, text: str) -> "Period":
        self = super().__new__(cls, text)
        m = _PERIOD_FORM.fullmatch(text.strip())
        parts = {k: int(v) for k, v in m.groupdict().items() if v and k != "fiscal"} if m else {}
        self.year, self.quarter, self.half = parts.get("year"), parts.get("quarter"), parts.get("half")
        self.month, self.day = parts.get("month"), parts.get("day")
        self.fiscal = bool(m and m.group("fiscal"))
        self.kind = (PeriodKind.other if m is None else PeriodKind.day if self.day else
                     PeriodKind.month if self.month else PeriodKind.quarter if self.quarter else
                     PeriodKind.half if self.half else PeriodKind.year)
        return self

    @classmethod
    def of(cls, year: int, kind: PeriodKind = PeriodKind.year, part: Optional[int] = None,
           fiscal: bool = False) -> "Period":
        """The period of these parts, in the contract's form: of(2025, quarter, 3) is 2025-Q3."""
        prefix = "FY" if fiscal else ""
        if kind == PeriodKind.year:
            return parse_period(f"{prefix}{year}")
        label = {PeriodKind.quarter: f"Q{part}", PeriodKind.half: f"H{part}", PeriodKind.month: f"{part:02d}"}[kind]
        return parse_period(f"{prefix}{year}-{label}")

    @property
    def part(self) -> Optional[int]:
        """The quarter, half or month number within the year (None for a year, a day, other)."""
        return {PeriodKind.quarter: self.quarter, PeriodKind.half: self.half, PeriodKind.month: self.month}.get(self.kind)

    @property
    def per_year(self) -> Optional[int]:
        """How many periods of this kind make a year: 4 quarters, 2 halves, 12 months."""
        return _PARTS_PER_YEAR.get(self.kind)

    def canonical(self) -> "Period":
        """The same period written as the contract writes it (upper case, no spaces)."""
        if self.kind in (PeriodKind.other, PeriodKind.day):
            return parse_period(self.strip().upper())
        return Period.of(self.year, self.kind, self.part, self.fiscal)

    def previous(self) -> Optional["Period"]:
        """The period one of its kind before: 2025-09 -> 2025-08, 2025-Q1 -> 2024-Q4,
        2025-H1 -> 2024-H2, FY2025 -> FY2024; None for a day or other."""
        if self.kind == PeriodKind.year:
            return Period.of(self.year - 1, fiscal=self.fiscal)
        if self.per_year is None:
            return None
        year, part = (self.year - 1, self.per_year) if self.part == 1 else (self.year, self.part - 1)
        return Period.of(year, self.kind, part, self.fiscal)

    def year_earlier(self) -> Optional["Period"]:
        """The same part of the year before: 2025-Q3 -> 2024-Q3, FY2026 -> FY2025; None for other."""
        if self.kind == PeriodKind.other:
            return None
        if self.kind == PeriodKind.day:
            return parse_period(f"{self.year - 1}-{self.month:02d}-{self.day:02d}")
        return Period.of(self.year - 1, self.kind, self.part, self.fiscal)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        # validated from the contract's string; serialised as that string
        return core_schema.no_info_after_validator_function(
            parse_period, core_schema.str_schema(),
            serialization=core_schema.plain_serializer_function_ser_schema(str, return_schema=core_schema.str_schema()),
        )


@lru_cache(maxsize=4096)
def parse_period(text: str) -> Period:
    """The period a contract string names (see `Period`); the one parser of period strings."""
    return text if type(text) is Period else Period(text)


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


class PageMetadata(BaseModel):
    """What a page says about itself (its meta tags, JSON-LD, byline, canonical link); missing ones are None."""

    title: Optional[str] = None
    author: Optional[str] = None
    date: Optional[dt.date] = None
    publisher: Optional[str] = None
    url: Optional[str] = None


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


# A number as a surface writes it ("1,000", "62.3"): its last digit is the precision it states.
_STATED_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


class StatedPrecision:
    """What a figure's record (Quantity, Claim) knows of the precision its surface states."""

    def stated_step(self, scaled: float) -> float:
        """Half the unit of the last stated digit, scaled like `scaled` (the value, or
        the bound the surface states last): "$150 billion" -> 0.5e9, "$62.3 billion" ->
        0.05e9, "1,000" -> 0.5; a surface with no digits ("a dozen") half a percent."""
        stated = _last_stated_number(self.surface)
        if stated is None:
            return abs(scaled) * 0.005
        base, decimals = stated
        if base == 0:
            return 0.5
        return 0.5 * (10 ** -decimals) * abs(scaled / base)


# Asked for each side of every pair reconciliation compares: read once per surface.
@lru_cache(maxsize=65536)
def _last_stated_number(surface: str) -> Optional[tuple[float, int]]:
    """The last number a surface writes, and its decimals; None when it writes none."""
    numbers = _STATED_NUMBER.findall(surface)
    if not numbers:
        return None
    raw = numbers[-1].replace(",", "")
    return float(raw), len(raw.split(".")[1]) if "." in raw else 0


class Quantity(StatedPrecision, BaseModel):
    """A figure found in text, before framing: what, how much, how hedged, where."""

    model_config = ConfigDict(defer_build=True)  # built at first use: `claims clean` never uses it

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


class Claim(StatedPrecision, BaseModel):
    """One numeric claim: a CONTRACT.md `extract` JSONL line."""

    model_config = ConfigDict(defer_build=True)  # built at first use: `claims clean` never uses it

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
    period: Optional[Period] = None
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
    """Two claims from different documents about the same thing that disagree: a
    CONTRACT.md `conflicts` line, with its tier and the evidence that paired the figures."""

    model_config = ConfigDict(defer_build=True)  # built at first use: `claims clean` never uses it

    a: Claim
    b: Claim
    verdict: str = "contradiction"
    why: str
    score: float
    tier: str = "contradiction"  # "contradiction" (confident) or "possible" (for a reviewer)
    evidence: list[str] = []  # what paired the two figures
    explained: bool = Field(False, exclude=True, description="a revision cue accounts for it")

    def contract_dict(self) -> dict:
        # dumped as a Conflict: a stored conflict's claims carry the contract's fields only
        return _conflict_adapter().dump_python(self, mode="json")


class StoredConflict(Conflict):
    """A conflict between two stored claims: the reconciler's finding, as the store keeps it."""

    a: StoredClaim
    b: StoredClaim


@lru_cache(maxsize=1)
def _conflict_adapter() -> TypeAdapter:
    """Conflict's serializer, built at first use (not at import: `claims clean` never uses it)."""
    return TypeAdapter(Conflict)


class Failure(BaseModel):
    """An input that could not be processed, and why. Reported, never silently dropped."""

    model_config = ConfigDict(defer_build=True)  # built at first use: `claims clean` never uses it

    doc: str
    reason: str
