"""Figures of a dated one-off event: a quake's magnitude, a flood's dead, with no period.

A disaster's or an accident's figures carry no period: their time is the day of the
event, which the reports' publication dates stand for (claims/data/reconcile.toml
[events.dated]). Two reports of such a figure are compared only when both documents are
dated and were published at most `window_days` apart (a state that moves both ways, the
missing or the trapped: the same day; a report that says it revises the figure, up to
`revision_window_days`); a figure of an undated document is never compared, since it may
be of any year's event. A comparison key cannot hold such a window (keys
are equal or not, while "within three days" does not chain: day 1 and day 3 are each
within the window of day 2, not of each other), so the key of such a figure is its
subject, metric, unit and speaker with no period (keys.comparison_key), and the window
is read for each pair.

A tally grows while the story unfolds: the later report of the dead or the injured gives
a later count, so its higher figure is no contradiction of an earlier one ("at least
nine people died" on day 1, "the death toll rose to 12" on day 2); a lower one is
compared, and flagged as the later report's (a revision down, or an error).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Optional

from extract.records import Claim, StoredClaim

from claims.reconcile.compare import _where, interval
from claims.reconcile.facts import later_of
from claims.reconcile.keys import canonical_metric, own_stretch, revision_cue
from claims.reconcile.rules import _rules

Published = dict[int, Optional[dt.date]]


def how_it_moves(c: Claim) -> Optional[str]:
    """"measured", "tally" or "state" for a figure of a dated event's metric with no
    period (reconcile.toml [events.dated]); None for any other figure."""
    if c.period or not c.metric:
        return None
    return _movement(c.metric)


@lru_cache(maxsize=4096)
def _movement(metric: str) -> Optional[str]:
    """How a metric's figures move, by its canonical name (asked for both figures of every pair)."""
    canonical = canonical_metric(metric)
    return _rules().dated_events.get(canonical.lower()) if canonical else None


def undated_event(c: StoredClaim, published: Published) -> bool:
    """A dated event's figure in a document of no known date: never compared."""
    return how_it_moves(c) is not None and published.get(c.document_id) is None


def same_news_cycle(a: StoredClaim, b: StoredClaim, published: Published) -> bool:
    """Whether two figures may be one dated event's: True unless one is a dated event's
    figure and the two documents are undated or published too far apart."""
    how = how_it_moves(a) or how_it_moves(b)
    if how is None:
        return True
    da, db = published.get(a.document_id), published.get(b.document_id)
    if da is None or db is None:
        return False
    days = abs((da - db).days)
    if revision_cue(a) or revision_cue(b):  # "revised the death toll down to 98": its own earlier figure
        return days <= _rules().event_revision_window_days
    return days == 0 if how == "state" else days <= _rules().event_window_days


def later_count(a: StoredClaim, b: StoredClaim, published: Published) -> bool:
    """Two reports of a tally, the later one's figure above all the earlier one allows: a
    later count, not a contradiction. The later is the later published; of two published
    the same day, the one whose own clause says the count moved ("rose to 12")."""
    if how_it_moves(a) != "tally" or how_it_moves(b) != "tally":
        return False
    later = later_of(a, b, published) or _moved_same_day(a, b, published)
    if later is None:
        return False
    earlier = b if later is a else a
    return interval(later)[0] > interval(earlier)[1]


def _moved_same_day(a: StoredClaim, b: StoredClaim, published: Published) -> Optional[StoredClaim]:
    """Of two reports of one day, the one whose own clause says the count moved, when only one does."""
    if published.get(a.document_id) != published.get(b.document_id):
        return None
    moved = _rules().count_moved
    said_a, said_b = bool(moved.search(own_stretch(a))), bool(moved.search(own_stretch(b)))
    if said_a == said_b:
        return None
    return a if said_a else b


def event_why(why: str, a: StoredClaim, b: StoredClaim, published: Published) -> str:
    """compare()'s sentence for two reports of a dated event: its time is the reports'
    dates (it has no period), and each figure is credited to whom its article credits it
    ("the U.S. Geological Survey" and "Taiwan's Central Weather Administration" read one
    quake differently)."""
    da, db = published.get(a.document_id), published.get(b.document_id)
    when = f"reported on {da}" if da == db else f"reported on {da} and {db}"
    what = f"{a.subject} {a.metric}, {a.period}"
    said = f"{_where(a)} says {a.surface!r}, {_where(b)} says {b.surface!r}"
    return why.replace(what, f"{a.subject} {a.metric} ({when})", 1).replace(said, f"{_credited(a)}, {_credited(b)}", 1)


def _credited(c: StoredClaim) -> str:
    said = f"{_where(c)} says {c.surface!r}"
    return f"{said} ({c.source})" if c.source else said
