"""The tok2vecs' maxout and layer norm layers predicting with weights arranged piece by
piece and moments taken once (extract/fused_layers.py) give thinc's floats, bit for bit:
every such layer of the pipeline on rows from news sentences of several outlets and kinds
of story, and whole tok2vec outputs; training still runs thinc's own layers."""

import numpy
import pytest

SENTENCES = [
    "The Federal Reserve held rates at 4.5%, Jerome Powell said on Wednesday.",
    "Hurricane Ian's death toll rose to 101 in Florida, officials said.",
    "Arsenal beat Chelsea 3-1 at the Emirates in front of 60,000 fans.",
    "Nvidia's revenue rose 94% to $35.1 billion in the quarter ended Oct. 27.",
    "",
]


@pytest.fixture(scope="module")
def pipelines():
    from extract import pipeline

    ours = pipeline.load_nlp.__wrapped__()
    with pytest.MonkeyPatch.context() as patch:  # the same pipeline with thinc's own layers
        patch.setattr(pipeline, "with_fused_layers", lambda nlp: nlp)
        plain = pipeline.load_nlp.__wrapped__()
    return plain, ours


def _layers(nlp, name):
    ner = nlp.get_pipe("ner")
    models = [nlp.get_pipe("tok2vec").model, getattr(ner, "ner", ner).model]
    return [node for model in models for node in model.walk() if node.name == name]


def _rows(nlp, width, seed):
    """Rows a layer of this width reads: embeddings of real tokens, spread to the width."""
    docs = [nlp.make_doc(s) for s in SENTENCES]
    vectors = numpy.concatenate(nlp.get_pipe("tok2vec").model.predict(docs))
    reps = -(-width // vectors.shape[1])
    rows = numpy.tile(vectors, (1, reps))[:, :width]
    return numpy.ascontiguousarray(rows * numpy.random.default_rng(seed).uniform(0.5, 2.0, width).astype("float32"))


@pytest.mark.parametrize("name", ["maxout", "layernorm"])
def test_each_layer_gives_thincs_floats(pipelines, name):
    plain, ours = pipelines
    theirs, mine = _layers(plain, name), _layers(ours, name)
    assert len(theirs) == len(mine) >= 10
    for k, (a, b) in enumerate(zip(theirs, mine)):
        assert b._func is not a._func
        rows = _rows(ours, a.get_dim("nI"), k)
        assert numpy.array_equal(a.predict(rows), b.predict(rows))


def test_whole_tok2vec_output_is_thincs(pipelines):
    plain, ours = pipelines
    docs = [ours.make_doc(s) for s in SENTENCES]
    for a, b in zip(plain.get_pipe("tok2vec").model.predict(docs), ours.get_pipe("tok2vec").model.predict(docs)):
        assert a.shape == b.shape and numpy.array_equal(a, b)


def test_training_runs_thincs_layers(pipelines):
    _, ours = pipelines
    layer = _layers(ours, "maxout")[0]
    rows = _rows(ours, layer.get_dim("nI"), 0)
    _, backprop = layer.begin_update(rows)  # thinc's own backprop: it runs
    assert backprop(numpy.ones((len(rows), layer.get_dim("nO")), dtype="float32")).shape == rows.shape
