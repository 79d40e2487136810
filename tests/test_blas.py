"""The trained pipeline multiplying with numpy's BLAS (extract/blas.py) tags, parses and
finds the entities spaCy's BLIS products give, on seed articles and on news from other
outlets; and the command keeps one BLAS thread unless the user chose otherwise."""

import os
import subprocess
import sys

import pytest

from tests.conftest import CORPUS, SHARED


@pytest.fixture(scope="module")
def pipelines():
    import spacy

    from extract.blas import with_numpy_gemm
    from extract.pipeline import DEFAULT_MODEL

    return spacy.load(DEFAULT_MODEL), with_numpy_gemm(spacy.load(DEFAULT_MODEL))


def _texts():
    seed = sorted(CORPUS.glob("*.txt"))[:3]
    news = sorted((SHARED / "gold" / "news" / "articles").glob("*"))[:5]
    return [pytest.param(p, id=p.name) for p in seed + news]


def _analysis(doc):
    return [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


def test_no_layer_multiplies_with_blis(pipelines):
    _, numpy_gemm = pipelines
    models = [c.model for _, c in numpy_gemm.pipeline if hasattr(getattr(c, "model", None), "walk")]
    assert models
    for model in models:
        assert not [node.name for node in model.walk() if getattr(node.ops, "use_blis", False)]


def test_the_array_decoded_recognisers_tok2vec_multiplies_with_numpy():
    from extract.greedy_ner import GreedyEntityRecognizer
    from extract.pipeline import load_nlp

    ner = load_nlp().get_pipe("ner")
    assert isinstance(ner, GreedyEntityRecognizer)
    tok2vec = ner.ner.model.get_ref("tok2vec")
    assert not [node.name for node in tok2vec.walk() if getattr(node.ops, "use_blis", False)]


@pytest.mark.parametrize("path", _texts())
def test_same_analysis_as_blis(pipelines, path):
    blis, numpy_gemm = pipelines
    text = path.read_text(encoding="utf-8")[:20000]
    assert _analysis(numpy_gemm(text)) == _analysis(blis(text))


CHILD = ("import os, sys; from claims.cli import main; sys.argv = ['claims', 'nonexistent-command'];\n"
         "try: main()\nexcept SystemExit: pass\nprint(os.environ.get('OPENBLAS_NUM_THREADS'))")


@pytest.mark.parametrize("given,expected", [(None, "1"), ("4", "4")], ids=["default-one-thread", "user-choice-kept"])
def test_command_sets_one_blas_thread(given, expected):
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if given:
        env["OPENBLAS_NUM_THREADS"] = given
    out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip().splitlines()[-1] == expected
