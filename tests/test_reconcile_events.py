"""A one-off event's figures with no period, reconciled (claims/reconcile/events.py): two
outlets' sentences framed as the pipeline frames them, published some days apart.

Reports are compared only when published at most [events.dated] window_days apart
(claims/data/reconcile.toml), or `revision_window_days` when one says it revises the
figure, never from an undated document; a tally's later count is no contradiction; a
state that moves both ways compares only within one day.
tests/test_conflict_events.py runs the same cases through the real pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.records import Approx, Kind, StoredClaim
from claims.reconcile import reconcile
from claims.reconcile.rules import _rules

_ids = iter(range(1, 10_000))
DAY_ONE = dt.date(2024, 4, 3)


def said(doc, quote, surface, value, subject, metric, approx="exact", unit="count", period=None, source=None):
    at = quote.index(surface)
    return StoredClaim(id=next(_ids), document_id=doc, doc=f"doc{doc}.txt", start=at, end=at + len(surface),
                       surface=surface, quote=quote, value=value, unit=unit, approx=Approx(approx), subject=subject,
                       metric=metric, period=period, kind=Kind.fact, source=source)


def flagged(a, b, published) -> bool:
    return any({v.a.id, v.b.id} == {a.id, b.id} for v in reconcile([a, b], published).conflicts)


def usgs_reading():
    return said(1, "The quake had a magnitude of 7.4, according to the U.S. Geological Survey.", "7.4", 7.4,
                "Taiwan earthquake", "magnitude", unit="magnitude", source="U.S. Geological Survey")


def cwa_reading():
    return said(2, "The magnitude 7.2 quake was the strongest to hit the island since 1999, Taiwan's Central "
                   "Weather Administration said.", "magnitude 7.2", 7.2, "Taiwan earthquake", "magnitude",
                unit="magnitude", source="Central Weather Administration")


def test_the_windows_are_a_few_days_and_a_few_weeks():
    assert (_rules().event_window_days, _rules().event_revision_window_days) == (3, 21)  # tests name days around them


@pytest.mark.parametrize("days_apart, compared", [
    pytest.param(0, True, id="same-day"),
    pytest.param(1, True, id="next-day"),
    pytest.param(3, True, id="three-days-on"),
    pytest.param(4, False, id="four-days-on"),
    pytest.param(365, False, id="a-year-on-another-quake"),
])
def test_two_readings_of_a_quake_meet_only_within_the_window(days_apart, compared):
    published = {1: DAY_ONE, 2: DAY_ONE + dt.timedelta(days=days_apart)}
    assert flagged(usgs_reading(), cwa_reading(), published) is compared


@pytest.mark.parametrize("published", [
    pytest.param({1: DAY_ONE}, id="second-undated"),
    pytest.param({2: DAY_ONE}, id="first-undated"),
    pytest.param({}, id="both-undated"),
])
def test_a_figure_of_an_undated_page_is_never_compared(published):
    assert not flagged(usgs_reading(), cwa_reading(), published)


TOLLS = [
    pytest.param(said(1, "The earthquake killed nine people, the fire department said.", "nine people", 9,
                      "Taiwan earthquake", "deaths"), 0,
                 said(2, "The death toll from Taiwan's strongest earthquake in 25 years rose to 12 on Thursday.", "12",
                      12, "Taiwan earthquake", "deaths"), 1, False, id="rose-to-12-next-day"),
    pytest.param(said(1, "The earthquake killed nine people, the fire department said.", "nine people", 9,
                      "Taiwan earthquake", "deaths"), 0,
                 said(2, "Taiwan's fire department said 12 people were killed in the earthquake.", "12 people", 12,
                      "Taiwan earthquake", "deaths"), 2, False, id="higher-count-two-days-on"),
    pytest.param(said(1, "The floods in southern Brazil have killed 83 people, the civil defence agency said.",
                      "83 people", 83, "Brazil floods", "deaths"), 0,
                 said(2, "The death toll from the floods in southern Brazil has climbed to 90, officials said.", "90",
                      90, "Brazil floods", "deaths"), 0, False, id="same-day-the-later-says-it-climbed"),
    pytest.param(said(1, "The floods in southern Brazil have killed 83 people, the civil defence agency said.",
                      "83 people", 83, "Brazil floods", "deaths"), 0,
                 said(2, "The floods have killed 90 people in Rio Grande do Sul, state officials said.", "90 people",
                      90, "Brazil floods", "deaths"), 0, True, id="two-tolls-of-one-day"),
    pytest.param(said(1, "Taiwan's fire department said 12 people were killed in the earthquake.", "12 people", 12,
                      "Taiwan earthquake", "deaths"), 0,
                 said(2, "The earthquake killed nine people, the fire department said on Thursday.", "nine people", 9,
                      "Taiwan earthquake", "deaths"), 1, True, id="later-report-lower"),
    pytest.param(said(1, "The earthquake killed at least nine people, the fire department said.", "nine people", 9,
                      "Taiwan earthquake", "deaths", approx="at least"), 0,
                 said(2, "The earthquake killed seven people, the fire department said on Thursday.", "seven people",
                      7, "Taiwan earthquake", "deaths"), 1, True, id="later-report-below-a-lower-bound"),
    pytest.param(said(1, "More than 1,000 people were injured, the fire department said.", "1,000 people", 1000,
                      "Taiwan earthquake", "people injured", approx="more than"), 0,
                 said(2, "The fire department said 1,106 people had been injured in the earthquake.", "1,106 people",
                      1106, "Taiwan earthquake", "people injured"), 1, False, id="injured-above-a-lower-bound"),
]


@pytest.mark.parametrize("earlier, day_a, later, day_b, conflict", TOLLS)
def test_a_toll_counted_again_later_is_no_contradiction(earlier, day_a, later, day_b, conflict):
    published = {1: DAY_ONE + dt.timedelta(days=day_a), 2: DAY_ONE + dt.timedelta(days=day_b)}
    assert flagged(earlier, later, published) is conflict


@pytest.mark.parametrize("days_apart, compared", [
    pytest.param(0, True, id="same-day"),
    pytest.param(1, False, id="next-day-people-found"),
])
def test_the_missing_compare_only_within_one_day(days_apart, compared):
    bbc = said(1, "The flooding has left 111 people missing, officials said.", "111 people", 111, "Brazil floods",
               "people missing")
    local = said(2, "The flooding has left 132 people missing, the civil defence agency said.", "132 people", 132,
                 "Brazil floods", "people missing")
    published = {1: DAY_ONE, 2: DAY_ONE + dt.timedelta(days=days_apart)}
    assert flagged(bbc, local, published) is compared


@pytest.mark.parametrize("days_apart, compared", [
    pytest.param(15, True, id="two-weeks-on"),
    pytest.param(21, True, id="three-weeks-on"),
    pytest.param(60, False, id="two-months-on"),
    pytest.param(365, False, id="a-year-on"),
])
def test_a_revised_toll_meets_the_figure_it_revises_weeks_later(days_apart, compared):
    """A bulletin that says it revises the toll names the earlier figure: flagged as the
    later vintage (explained, scored lower), within [events.dated] revision_window_days."""
    bulletin = said(1, "The national disaster agency put the death toll from the earthquake at 120 on Tuesday.", "120",
                    120, "Turkey earthquake", "deaths")
    revision = said(2, "The disaster agency revised the death toll from the earthquake down to 98.", "98", 98,
                    "Turkey earthquake", "deaths")
    published = {1: DAY_ONE, 2: DAY_ONE + dt.timedelta(days=days_apart)}
    found = reconcile([bulletin, revision], published).conflicts
    assert [v.explained for v in found] == ([True] if compared else [])


def test_a_toll_with_a_period_is_compared_as_before():
    """Only a figure with no period is an event's: a year's road deaths compare by the year,
    whenever the reports were published."""
    a = said(1, "Road deaths in Britain rose to 1,711 in 2022, the Department for Transport said.", "1,711", 1711,
             "Britain", "deaths", period="2022")
    b = said(2, "Britain recorded 1,695 road deaths in 2022, official figures show.", "1,695", 1695, "Britain",
             "deaths", period="2022")
    assert flagged(a, b, {1: DAY_ONE, 2: DAY_ONE + dt.timedelta(days=200)})


def test_the_why_names_the_days_and_the_agencies():
    [v] = reconcile([usgs_reading(), cwa_reading()], {1: DAY_ONE, 2: DAY_ONE + dt.timedelta(days=1)}).conflicts
    assert v.why.startswith("Taiwan earthquake magnitude (reported on 2024-04-03 and 2024-04-04): doc1.txt says "
                            "'7.4' (U.S. Geological Survey), doc2.txt says 'magnitude 7.2' (Central Weather "
                            "Administration); they do not overlap")
