"""Ratings of a single claim: on the claim's page (its fact page) a signed-in reviewer
rates it accurate, inaccurate, misleading or unsupported, with a note and a correction.
Ratings are appended, never changed; the latest one is the claim's current rating."""

from __future__ import annotations

from typing import Optional

from claims.store import RatingRow, StoredClaim
from claims.verdicts import RatingKind, rating_kinds

from .web import MAX_NOTE, store

MAX_CORRECTION = 500


def rating_json(rating: Optional[RatingRow]) -> Optional[dict]:
    if rating is None:
        return None
    data = rating.model_dump(mode="json")
    data["key"] = str(rating.key)
    return data


def rating_problem(kind: Optional[RatingKind], note: Optional[str], correction: Optional[str]) -> Optional[str]:
    """Why a rating form is refused (None: it is complete)."""
    if kind is None:
        return "Choose a rating."
    if kind.needs == "correction" and not correction:
        return f"“{kind.label}” needs a correction: give the right figure."
    if kind.needs == "note" and not note:
        return f"“{kind.label}” needs a note: say how the figure misleads."
    if (note and len(note) > MAX_NOTE) or (correction and len(correction) > MAX_CORRECTION):
        return f"A note has at most {MAX_NOTE} characters, a correction {MAX_CORRECTION}."
    return None


def ratings_of(claim: StoredClaim) -> list[RatingRow]:
    """The claim's ratings, newest first."""
    s = store()
    return s.ratings(key=s.claim_key(claim.id))
