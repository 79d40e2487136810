"""The verdicts an editor can record on a conflict, and the ratings of a single claim,
read from claims/data/verdicts.toml.

A verdict is recorded with the two claims in the order the reviewer saw them
(`ReviewRow.a`, `.b`). A later run may list the same pair the other way round;
`as_seen_from` turns a recorded verdict into what it says about the pair as it is
listed now ("side A wrong" becomes "side B wrong" when the sides are swapped).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal, Optional

from pydantic import BaseModel

from claims.store import ClaimKey, ReviewRow
from extract.rules import Rules, RuleFileError, load_rules

DATA = Path(__file__).resolve().parent / "data"


class Rating(Rules):
    value: int
    name: str
    explanation: str


class VerdictEntry(Rules):
    """One [verdicts.<status>] table of verdicts.toml (the status is its key)."""

    label: str
    done: str
    description: str
    mirror: str
    needs_reason: bool = False
    rate_a: Optional[Rating] = None
    rate_b: Optional[Rating] = None


class VerdictKind(VerdictEntry):
    status: str


class RatingEntry(Rules):
    """One [ratings.<status>] table of verdicts.toml."""

    label: str
    done: str
    description: str
    needs: Optional[Literal["note", "correction"]] = None
    rating: Rating


class RatingKind(RatingEntry):
    """A rating of one claim on its own (accurate, inaccurate, misleading, unsupported)."""

    status: str


class Scale(Rules):
    worst: int
    best: int


class Vocabulary(BaseModel):
    scale: Scale
    verdicts: dict[str, VerdictKind]
    ratings: dict[str, RatingKind]


class VerdictsFile(Rules):
    """claims/data/verdicts.toml, read by the one rule loader (extract/rules.py)."""

    scale: Scale
    verdicts: dict[str, VerdictEntry]
    ratings: dict[str, RatingEntry]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = load_rules("verdicts.toml", VerdictsFile, DATA)
    kinds = {status: VerdictKind(status=status, **entry.model_dump()) for status, entry in data.verdicts.items()}
    for kind in kinds.values():
        if kind.mirror not in kinds:
            raise RuleFileError(f"verdicts.toml: verdicts.{kind.status}.mirror: names no verdict: {kind.mirror!r}")
    ratings = {status: RatingKind(status=status, **entry.model_dump()) for status, entry in data.ratings.items()}
    return Vocabulary(scale=data.scale, verdicts=kinds, ratings=ratings)


def verdict_kinds() -> dict[str, VerdictKind]:
    return vocabulary().verdicts


def rating_kinds() -> dict[str, RatingKind]:
    return vocabulary().ratings


def as_seen_from(review: ReviewRow, a_key: ClaimKey) -> ReviewRow:
    """The review as it reads when the pair's side A is the claim `a_key` names."""
    if review.a is None or review.a == a_key:
        return review
    mirrored = verdict_kinds()[review.status].mirror if review.status in verdict_kinds() else review.status
    return review.model_copy(
        update={
            "status": mirrored,
            "a": review.b,
            "b": review.a,
            "a_claim_id": review.b_claim_id,
            "b_claim_id": review.a_claim_id,
        }
    )
