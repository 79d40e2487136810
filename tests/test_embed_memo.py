"""Each tok2vec's embeddings made once per word form (extract/embed_memo.py) are the floats
the layer itself makes: the tagger's tok2vec and the entity recogniser's give the same
vectors, bit for bit, on seed and news articles from several outlets streamed through in
batches (so that later batches are served from the memo), when the memo fills and starts
again, and on docs with no tokens."""

import numpy
import pytest

from tests.conftest import CORPUS, SHARED


@pytest.fixture(scope="module")
def pipelines():
    from extract import pipeline

    ours = pipeline.load_nlp.__wrapped__()
    with pytest.MonkeyPatch.context() as patch:  # the same pipeline, each embedding made by the layer
        patch.setattr(pipeline, "with_embedding_memo", lambda nlp: nlp)
        plain = pipeline.load_nlp.__wrapped__()
    return plain, ours


def _tok2vecs(nlp):
    """The pipeline's two tok2vec models: the shared one and the entity recogniser's own."""
    ner = nlp.get_pipe("ner")
    return nlp.get_pipe("tok2vec").model, getattr(ner, "ner", ner).model.get_ref("tok2vec")


def _texts():
    seed = sorted(CORPUS.glob("*.txt"))
    news = sorted((SHARED / "gold" / "news" / "articles").glob("*"))[:12]
    return [p.read_text(encoding="utf-8") for p in seed + news]


def _same(theirs, ours, docs):
    for model_t, model_o in zip(theirs, ours):
        for a, b in zip(model_t.predict(docs), model_o.predict(docs)):
            assert a.dtype == b.dtype and numpy.array_equal(a, b)


def _memoised(model) -> bool:
    from extract.embed_memo import EmbeddingMemo

    return any(isinstance(getattr(node._func, "__self__", None), EmbeddingMemo) for node in model.walk())


def test_both_tok2vecs_are_memoised(pipelines):
    plain, ours = pipelines
    assert all(_memoised(model) for model in _tok2vecs(ours))
    assert not any(_memoised(model) for model in _tok2vecs(plain))


def test_vectors_are_the_layers_own_batch_after_batch(pipelines):
    spacys, ours = pipelines
    theirs, mine = _tok2vecs(spacys), _tok2vecs(ours)
    docs = [ours.make_doc(t) for t in _texts()]
    for start in range(0, len(docs), 4):
        _same(theirs, mine, docs[start:start + 4])
    _same(theirs, mine, docs[:3])  # every word already in the memo


@pytest.mark.parametrize("texts", [
    pytest.param(["The Federal Reserve held rates at 4.5%, Jerome Powell said.",
                  "Hurricane Ian's death toll rose to 101 in Florida, officials said on Sunday."], id="two-outlets"),
    pytest.param(["", "   "], id="no-words"),
    pytest.param(["Arsenal beat Chelsea 3-1 at the Emirates.", ""], id="an-empty-doc-beside-one"),
])
def test_vectors_when_the_memo_starts_again(pipelines, texts):
    from extract.embed_memo import MEMO_ROWS, EmbeddingMemo

    spacys, ours = pipelines
    theirs, mine = _tok2vecs(spacys), _tok2vecs(ours)
    for model in mine:
        for node in model.walk():
            memo = getattr(node._func, "__self__", None)
            if isinstance(memo, EmbeddingMemo):
                memo.rows.clear()
                memo.limit = 8  # fewer rows than one sentence's words: it starts again at once
    try:
        docs = [ours.make_doc(t) for t in texts]
        _same(theirs, mine, docs)
        _same(theirs, mine, docs)
    finally:
        for model in mine:
            for node in model.walk():
                memo = getattr(node._func, "__self__", None)
                if isinstance(memo, EmbeddingMemo):
                    memo.rows.clear()
                    memo.limit = MEMO_ROWS
