"""The matrix products of the trained pipeline: numpy's BLAS, one thread per process.

thinc's `NumpyOps` multiplies with BLIS by default. numpy's own BLAS (OpenBLAS, built
for this CPU's vector units) does the same products faster: on the shapes of the
tok2vec's window layers (thousands of rows by 288 or 384 columns) 1.35-1.5x by the
clock, single-threaded; across `claims extract` on the 65 benchmark texts that is ~0.35
CPU s of ~5. Which BLAS sums the products can move a float's last bits;
tests/test_greedy_ner.py and tests/test_golden.py hold entities and claims to what they
were.

OpenBLAS starts a thread per core and lets idle threads spin: on two cores that cost
more CPU time than the products saved. `claims` runs one process per worker
(`--workers N`), so each process multiplies on one thread; `single_threaded_blas` must
run before numpy is first imported (it reads the variable when it loads). A value the
user set is kept.
"""

from __future__ import annotations

import os

# The variables OpenBLAS (and the other BLAS numpy may be built with) read at load.
_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def single_threaded_blas() -> None:
    """One BLAS thread in this process and its workers, unless the user chose otherwise."""
    for name in _THREAD_VARIABLES:
        os.environ.setdefault(name, "1")


def with_numpy_gemm(nlp):
    """The pipeline, every layer of its trained components that multiplies with BLIS
    multiplying with numpy's BLAS instead (thinc's own switch, `NumpyOps(use_blis=False)`;
    the weights are not copied)."""
    numpy_ops = None
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None and hasattr(getattr(component, "ner", None), "model"):
            # the entity recogniser decoded with arrays (extract/greedy_ner.py): its own
            # tok2vec (~0.2 of ~1.1 CPU s on the 186 texts; the same entities), its lower
            # and upper layers left with the BLIS routine spaCy's decoding calls
            model = component.ner.model.get_ref("tok2vec")
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if getattr(node.ops, "use_blis", False):
                numpy_ops = numpy_ops or type(node.ops)(use_blis=False)
                node.ops = numpy_ops
    return nlp
