"""Disagreements about one-off events, end to end: a quake's magnitude, a flood's dead and missing.

A disaster's figures carry no period: their time is the day of the event, and the
reports' publication dates stand for it (claims/data/reconcile.toml [events.dated]).
Nine short articles in tests/fixtures/events/ tell two stories the way outlets do: the
Taiwan earthquake of April 2024 (AP on the day, Reuters the next day, a local broadcaster,
a Taiwanese agency on the day, an undated explainer blog, and AP on another Taiwan quake a
year later) and the Rio Grande
do Sul floods of May 2024 (BBC and a local broadcaster the same day, AP the day after).
The real pipeline runs once (`claims run` into a temporary database, then `claims query`
and `claims conflicts --tier all`); no mocks.

What a fact-checker expects:
- two agencies' readings of one quake ("a magnitude of 7.4, according to the U.S.
  Geological Survey" vs "magnitude 7.2 ..., Taiwan's Central Weather Administration said")
  are flagged, each side credited to its agency;
- a toll that rises is no contradiction: "killing at least nine people" on day 1 and
  "the death toll ... rose to 12" on day 2, "have killed 90 people" then "rose to 95";
  two outlets' different tolls of the same day are flagged;
- the missing move both ways (people are found): two counts of one day are flagged, of
  two days are not compared;
- another quake in the same place a year on never meets this one, nor does a figure of
  an undated page.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Optional

import pytest

from claims.store import ClaimStore
from tests.conftest import ROOT, run_claims

FIXTURES = ROOT / "tests" / "fixtures" / "events"


@dataclass(frozen=True)
class Figure:
    """A figure of one article: its file prefix, a stretch of its sentence and its surface,
    and the fields framing gives it."""

    doc: str
    words: str  # a stretch of its sentence (a surface may repeat in a headline)
    surface: str
    subject: str
    metric: str
    approx: str = "exact"
    source: Optional[str] = None


FIGURES = {
    "quake-dead@ap": Figure("01", "killing at least nine people", "nine people", "Taiwan earthquake", "deaths",
                            "at least"),
    "quake-magnitude@ap": Figure("01", "according to the U.S. Geological Survey", "7.4", "Taiwan earthquake",
                                 "magnitude", source="U.S. Geological Survey"),
    "quake-dead@reuters": Figure("02", "The death toll from Taiwan's strongest earthquake", "12", "Taiwan earthquake",
                                 "deaths"),
    "quake-magnitude@reuters": Figure("02", "The magnitude 7.2 quake was the strongest", "magnitude 7.2",
                                      "Taiwan earthquake", "magnitude", source="Central Weather Administration"),
    "quake-magnitude@local-tv": Figure("03", "struck off Taiwan's east coast", "magnitude 7.2", "Taiwan earthquake",
                                       "magnitude", source="Central Weather Administration"),
    "quake-magnitude@undated-blog": Figure("04", "that struck Taiwan", "magnitude 7.5", "Taiwan earthquake",
                                           "magnitude"),
    "next-year-quake-magnitude@ap": Figure("05", "shook eastern Taiwan on Friday", "magnitude 5.9",
                                           "Taiwan earthquake", "magnitude", source="Central Weather Administration"),
    # a Taiwanese agency's copy: the agencies put the magnitude "at" bare numbers, "it" pointing
    # back to the reading before; the toll names no quake ("the island's fire department said")
    "quake-magnitude-usgs@cna": Figure("09", "estimated the earthquake's magnitude", "7.4", "Taiwan earthquake",
                                       "magnitude", source="U.S. Geological Survey"),
    "quake-magnitude-cwa@cna": Figure("09", "put it at 7.2", "7.2", "Taiwan earthquake", "magnitude",
                                      source="Central Weather Administration"),
    "quake-dead@cna": Figure("09", "the island's fire department said", "nine people", "Taiwan earthquake", "deaths",
                             "at least", source="fire department"),
    "flood-dead@bbc": Figure("06", "have killed 83 people", "83 people", "Brazil floods", "deaths",
                             source="civil defence agency"),
    "flood-missing@bbc": Figure("06", "has left 111 people missing", "111 people", "Brazil floods", "people missing",
                                source="officials"),
    "flood-dead@local-tv": Figure("07", "have killed 90 people", "90 people", "Brazil floods", "deaths",
                                  source="state officials"),
    "flood-missing@local-tv": Figure("07", "has left 132 people missing", "132 people", "Brazil floods",
                                     "people missing", source="civil defence agency"),
    "flood-dead@ap": Figure("08", "rose to 95 on Tuesday", "95", "Brazil floods", "deaths", source="authorities"),
    "flood-missing@ap": Figure("08", "has left 131 people missing", "131 people", "Brazil floods", "people missing",
                               source="civil defence agency"),
}

# (a, b, verdict): "contradiction" (flagged), "agree" (a corroboration), None (never flagged)
PAIRS = [
    pytest.param("quake-magnitude@ap", "quake-magnitude@reuters", "contradiction", id="magnitude-two-agencies-next-day"),
    pytest.param("quake-magnitude@ap", "quake-magnitude@local-tv", "contradiction", id="magnitude-two-agencies-same-day"),
    pytest.param("quake-magnitude@reuters", "quake-magnitude@local-tv", "agree", id="magnitude-one-agency-two-outlets"),
    pytest.param("quake-dead@ap", "quake-dead@reuters", "agree", id="toll-at-least-nine-then-rose-to-12"),
    pytest.param("quake-magnitude@undated-blog", "quake-magnitude@ap", None, id="undated-page-never-compared"),
    pytest.param("quake-magnitude@undated-blog", "quake-magnitude@reuters", None, id="undated-page-never-compared-2"),
    pytest.param("next-year-quake-magnitude@ap", "quake-magnitude@ap", None, id="same-place-a-year-later"),
    pytest.param("next-year-quake-magnitude@ap", "quake-magnitude@reuters", None, id="same-place-a-year-later-2"),
    pytest.param("quake-magnitude@ap", "quake-magnitude-cwa@cna", "contradiction", id="magnitude-put-it-at-other-agency"),
    pytest.param("quake-magnitude-cwa@cna", "quake-magnitude@reuters", "agree", id="magnitude-put-it-at-same-agency"),
    pytest.param("quake-dead@cna", "quake-dead@ap", "agree", id="toll-naming-no-quake-same-day"),
    pytest.param("flood-dead@bbc", "flood-dead@local-tv", "contradiction", id="flood-toll-two-outlets-same-day"),
    pytest.param("flood-dead@local-tv", "flood-dead@ap", None, id="flood-toll-rose-to-95-next-day"),
    pytest.param("flood-dead@bbc", "flood-dead@ap", None, id="flood-toll-later-count"),
    pytest.param("flood-missing@bbc", "flood-missing@local-tv", "contradiction", id="flood-missing-same-day"),
    pytest.param("flood-missing@local-tv", "flood-missing@ap", None, id="flood-missing-next-day-moved"),
    pytest.param("flood-missing@bbc", "flood-missing@ap", None, id="flood-missing-next-day-moved-2"),
]


@dataclass
class Run:
    claims: list[dict]
    conflicts: list[dict]
    corroborations: list[set[tuple[str, str]]]

    def find(self, name: str) -> Optional[dict]:
        f = FIGURES[name]
        return next((c for c in self.claims if _doc(c).startswith(f.doc + "_") and f.words in c["quote"]
                     and c["surface"] == f.surface), None)


def _doc(c: dict) -> str:
    return c["doc"].replace("\\", "/").rsplit("/", 1)[-1]


def _at(c: dict) -> tuple[str, str]:
    """A figure by its page and its words: a page that states a figure twice (its headline's
    "magnitude 7.2 quake" and its body's) states one figure, and reconciliation may show
    either mention (the one whose sentence is nearest the other side's)."""
    return _doc(c), c["surface"]


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Run:
    db = tmp_path_factory.mktemp("events") / "claims.db"
    run_claims("run", str(FIXTURES), "--db", str(db))
    claims = run_claims("query", "--db", str(db), "--format", "jsonl").stdout.splitlines()
    conflicts = run_claims("conflicts", "--db", str(db), "--format", "jsonl", "--tier", "all").stdout.splitlines()
    with ClaimStore(str(db), read_only=True) as store:
        groups = [{_at(c.model_dump()) for c in g} for g in store.corroborations()]
    return Run([json.loads(x) for x in claims], [json.loads(x) for x in conflicts], groups)


@pytest.mark.parametrize("name", list(FIGURES))
def test_a_disaster_figure_is_framed_as_its_event(run, name):
    f, c = FIGURES[name], run.find(name)
    assert c is not None, f"{name}: {f.surface!r} in {f.words!r} was not extracted"
    got = {"subject": c["subject"], "metric": c["metric"], "period": c["period"], "approx": c["approx"],
           "source": c["source"]}
    assert got == {"subject": f.subject, "metric": f.metric, "period": None, "approx": f.approx, "source": f.source}


def _between(run: Run, a: str, b: str) -> list[dict]:
    ca, cb = run.find(a), run.find(b)
    assert ca is not None and cb is not None
    return [v for v in run.conflicts if {_at(v["a"]), _at(v["b"])} == {_at(ca), _at(cb)}]


@pytest.mark.parametrize("a, b, verdict", PAIRS)
def test_two_outlets_on_one_event(run, a, b, verdict):
    found = _between(run, a, b)
    if verdict == "contradiction":
        assert [v["tier"] for v in found] == ["contradiction"]
    else:
        assert found == []
    if verdict == "agree":
        pair = {_at(run.find(a)), _at(run.find(b))}
        assert any(pair <= g for g in run.corroborations)


def test_two_agencies_readings_are_shown_with_their_agencies(run):
    [v] = _between(run, "quake-magnitude@ap", "quake-magnitude@reuters")
    assert {v["a"]["source"], v["b"]["source"]} == {"U.S. Geological Survey", "Central Weather Administration"}
    assert "'7.4' (U.S. Geological Survey)" in v["why"]
    assert "'magnitude 7.2' (Central Weather Administration)" in v["why"]
    assert "reported on 2024-04-03 and 2024-04-04" in v["why"]


def test_nothing_else_is_flagged(run):
    listed = [p.values for p in PAIRS if p.values[2] == "contradiction"]
    expected = {frozenset({_at(run.find(a)), _at(run.find(b))}) for a, b, _ in listed}
    flagged = {frozenset({_at(v["a"]), _at(v["b"])}) for v in run.conflicts}
    assert flagged == expected
