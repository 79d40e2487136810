"""Article text cut and marked for a page: a claim's paragraph, a document's figures."""

from __future__ import annotations

from typing import Optional

from pydantic import BaseModel

from claims.store import StoredClaim
from extract.records import Claim

# A paragraph longer than this (an HTML page whose text has no line breaks) is shown
# as a window of this many characters around the claim.
PARAGRAPH_WINDOW = 1200


class Segment(BaseModel):
    """A run of article text and how to show it: plain, the claim's sentence, or the
    figure itself (`claim_id` set for the figures of a document page)."""

    text: str
    kind: str = "plain"
    claim_id: Optional[int] = None
    title: Optional[str] = None


class Excerpt(BaseModel):
    segments: list[Segment]
    cut_before: bool = False
    cut_after: bool = False


def paragraph_excerpt(text: str, claim: Claim) -> Excerpt:
    """The paragraph (line) that holds the claim, its sentence marked inside it and the
    figure marked inside that."""
    p0 = text.rfind("\n", 0, claim.start) + 1
    p1 = text.find("\n", claim.end)
    p1 = len(text) if p1 == -1 else p1
    cut_before = cut_after = False
    if p1 - p0 > PARAGRAPH_WINDOW:
        half = PARAGRAPH_WINDOW // 2
        if claim.start - half > p0:
            p0, cut_before = claim.start - half, True
        if claim.end + half < p1:
            p1, cut_after = claim.end + half, True
    q0, q1 = claim.start, claim.end
    # The quote is the sentence as stored; find the occurrence that contains the figure.
    at = text.find(claim.quote, max(p0, claim.end - len(claim.quote)), p1) if claim.quote else -1
    if claim.quote and 0 <= at <= claim.start and at + len(claim.quote) >= claim.end:
        q0, q1 = at, at + len(claim.quote)
    pieces = [
        (text[p0:q0], "plain"),
        (text[q0 : claim.start], "quote"),
        (text[claim.start : claim.end], "surface"),
        (text[claim.end : q1], "quote"),
        (text[q1:p1], "plain"),
    ]
    return Excerpt(
        segments=[Segment(text=t, kind=k) for t, k in pieces if t],
        cut_before=cut_before,
        cut_after=cut_after,
    )


def document_segments(text: str, claims: list[StoredClaim]) -> list[Segment]:
    """The whole text with every claim's figure marked (overlapping spans: the first
    one wins, the others are still listed beside the text)."""
    segments, at = [], 0
    for claim in sorted(claims, key=lambda c: (c.start, -c.end)):
        if claim.start < at:
            continue
        if claim.start > at:
            segments.append(Segment(text=text[at : claim.start]))
        fields = [claim.unit, claim.subject, claim.metric, claim.period]
        segments.append(
            Segment(
                text=text[claim.start : claim.end],
                kind="surface",
                claim_id=claim.id,
                title=" · ".join(f for f in fields if f),
            )
        )
        at = claim.end
    if at < len(text):
        segments.append(Segment(text=text[at:]))
    return segments


def quote_parts(claim: Claim) -> tuple[str, str, str]:
    """The claim's quote cut around its figure: (before, figure, after); the whole quote
    as `before` when the figure is not found in it as written."""
    quote = claim.quote or ""
    at = quote.find(claim.surface) if claim.surface else -1
    if at < 0:
        return quote, "", ""
    return quote[:at], claim.surface, quote[at + len(claim.surface) :]


def hedge(claim: Claim) -> str:
    """How the article hedges the figure: "about", "at least", "more than", "up to" or
    "less than" (its approx), "vague" (an indefinite amount), both, or nothing."""
    approx = getattr(claim.approx, "value", claim.approx) or "exact"
    words = [] if approx == "exact" else ["about" if approx == "approximately" else approx]
    if getattr(claim, "vague", False):
        words.append("vague")
    return ", ".join(words)


def kind_name(claim: Claim) -> str:
    """The claim's kind as a word ("forecast"), not as its enum."""
    return getattr(claim.kind, "value", claim.kind) or ""
