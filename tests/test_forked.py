"""Candidate pairs judged in forked processes (claims/reconcile/forked.py): the list one
process makes, item for item, however the work is split, when a child fails, and for a
whole reconciliation of stored news articles from many outlets."""

import os

import pytest

from tests.conftest import SHARED, run_claims


def _square_and_tag(x):
    return (x * x, f"item {x}")


@pytest.mark.parametrize("n, processes", [
    pytest.param(0, 2, id="empty"),
    pytest.param(1, 2, id="one-item"),
    pytest.param(7, 2, id="odd-split"),
    pytest.param(1000, 2, id="two-processes"),
    pytest.param(1000, 3, id="three-processes"),
    pytest.param(5, 8, id="more-processes-than-items"),
])
def test_same_list_as_one_process(n, processes):
    from claims.reconcile.forked import forked_map

    items = list(range(n))
    assert forked_map(_square_and_tag, items, processes, min_items=0) == [_square_and_tag(x) for x in items]


def test_a_failing_child_leaves_its_part_to_this_process():
    from claims.reconcile.forked import forked_map

    parent = os.getpid()

    def only_here(x):
        if os.getpid() != parent:
            raise RuntimeError("a child that fails")
        return x + 1

    assert forked_map(only_here, list(range(100)), 2, min_items=0) == list(range(1, 101))


def test_below_the_minimum_nothing_forks():
    from claims.reconcile.forked import forked_map

    parent = os.getpid()
    assert set(forked_map(lambda x: os.getpid(), list(range(50)), 2, min_items=100)) == {parent}


@pytest.fixture(scope="module")
def news_store(tmp_path_factory):
    db = tmp_path_factory.mktemp("forked") / "news.db"
    run_claims("run", str(SHARED / "gold" / "news" / "articles"), "--db", str(db))
    return db


def test_reconciliation_in_two_processes_is_the_one_in_one(news_store, monkeypatch):
    from claims.reconcile import candidates, forked, reconcile
    from claims.store import ClaimStore

    store = ClaimStore(news_store)
    published = {d.id: d.published for d in store.documents()}
    claims = list(store.iter_comparable_claims())
    one = reconcile(claims, published, processes=1)
    monkeypatch.setattr(forked, "MIN_ITEMS", 0)
    monkeypatch.setattr(candidates, "NEIGHBOUR_MIN_ITEMS", 0)
    two = reconcile(claims, published, processes=2)
    assert one.conflicts and one.corroborations
    assert two.model_dump() == one.model_dump()
