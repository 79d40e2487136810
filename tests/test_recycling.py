"""Worker processes replaced when their memory has grown (claims/recycling.py): the rule
on reported peaks, and a real pool of spawned workers replaced mid-batch that still hands
back every document's claims, each once, as one process finds them."""

import pytest

from claims.recycling import WorkerMemory


@pytest.mark.parametrize("reports, grown", [
    pytest.param([(1, 400.0)] * 3, [False, False, False], id="settling"),
    pytest.param([(1, 400.0), (1, 410.0), (1, 420.0), (1, 600.0)], [False, False, False, True], id="grew-past-limit"),
    pytest.param([(1, 400.0), (1, 400.0), (1, 520.0), (1, 529.0)], [False, False, False, False], id="under-limit"),
    pytest.param([(1, 400.0), (2, 900.0), (1, 400.0), (2, 950.0)], [False, False, False, False], id="each-own-base"),
    pytest.param([(1, None)] * 5, [False] * 5, id="no-memory-reported"),
])
def test_a_worker_has_grown_past_what_it_settled_at(reports, grown):
    memory = WorkerMemory(growth_mb=130.0, settle_tasks=2)
    assert [memory.grown(pid, mb) for pid, mb in reports] == grown


SENTENCES = [
    "Revenue at Alphabet rose {n}% to $88.3 billion in the first quarter, the company said.",
    "The death toll from the storm rose to {n}, Florida officials said on Sunday.",
    "Arsenal paid £{n} million for the midfielder, the club said.",
]


def _sources(n):
    from extract.records import Source

    out = []
    for k in range(n):
        text = SENTENCES[k % len(SENTENCES)].format(n=10 + k) + "\n"
        out.append(Source(doc=f"doc-{k:03d}.txt", raw=text.encode(), media_type="text/plain", text=text,
                          encoding="utf-8"))
    return out


def test_a_pool_replaced_mid_batch_hands_back_every_document_once():
    from claims.batch import CHUNK_DOCUMENTS, IN_FLIGHT_PER_WORKER, ProcessPool
    from claims.work import process_sources
    from extract.pipeline import load_nlp

    sources = _sources(CHUNK_DOCUMENTS * (2 * IN_FLIGHT_PER_WORKER + 3))
    # every worker counts as grown from its second task: the pool is replaced again and again
    with ProcessPool(2, None, frozenset(), WorkerMemory(growth_mb=-1.0, settle_tasks=1)) as engine:
        came_back = [pair for pair in engine.run(iter(sources)) if pair is not None]
        pools = engine.pools
    assert pools >= 2
    assert sorted(s.doc for s, _ in came_back) == [s.doc for s in sources]
    here = {o.doc: o for o in process_sources(sources, frozenset(), load_nlp())}
    for source, outcome in came_back:
        assert outcome.error is None
        assert outcome.claims == here[source.doc].claims and outcome.claims
