"""The tok2vec's maxout and layer norm: the same floats, fewer passes over memory.

Each of a tok2vec's ten maxout layers (the embedding's mix and four window layers, in the
tagger's tok2vec and in the entity recogniser's) multiplies a batch's rows into nO x nP
columns, piece by piece for each output (o0p0, o0p1, o0p2, o1p0, ...), then thinc's
`maxout` walks every row three floats at a time and also records which piece won, which
only training reads. Here the layer's weights are kept a second time with the pieces as
blocks (all of piece 0's outputs, then piece 1's, ...): the product makes the same
floats, each column the same dot product of the same row and weights, only in another
place, and the best piece is two `numpy.maximum` over contiguous blocks.

thinc's layer norm takes a row's mean twice (once for the mean, again inside `var`) and
subtracts it twice; here once, with the same numpy reductions in the same order:
mean = sum / n, var = sum((x - mean)^2) / n + 1e-8, y = (x - mean) * var^-0.5 * G + b.

Training (`is_train`) runs thinc's own layers; the weights are re-read whenever the layer's
parameters are other arrays than the ones arranged. tests/test_fused_layers.py holds
every layer's output to thinc's, bit for bit, on news text.
"""

from __future__ import annotations

from typing import Callable

import numpy
from thinc.api import Model

from extract.model_nodes import pipeline_nodes


def _no_backprop(d):
    raise NotImplementedError("the fused layers do not train")


class PieceBlockMaxout:
    """A maxout layer's forward with its weights arranged piece by piece (see above)."""

    def __init__(self, node: Model):
        self.original = node._func
        self.source: tuple = (None, None)
        self.weights = self.bias = None

    def _arranged(self, model: Model) -> tuple[numpy.ndarray, numpy.ndarray]:
        W, b = model.get_param("W"), model.get_param("b")
        if self.source[0] is not W or self.source[1] is not b:
            n_out, n_pieces, n_in = W.shape
            self.weights = numpy.ascontiguousarray(W.transpose(1, 0, 2).reshape(n_pieces * n_out, n_in))
            self.bias = numpy.ascontiguousarray(b.T.reshape(n_pieces * n_out))
            self.source = (W, b)
        return self.weights, self.bias

    def forward(self, model: Model, X, is_train: bool) -> tuple[numpy.ndarray, Callable]:
        if is_train or not isinstance(X, numpy.ndarray) or X.ndim != 2:
            return self.original(model, X, is_train)
        weights, bias = self._arranged(model)
        n_out, n_pieces = model.get_dim("nO"), model.get_dim("nP")
        Y = model.ops.gemm(X, weights, trans2=True)
        Y += bias
        best = numpy.maximum(Y[:, :n_out], Y[:, n_out:2 * n_out])
        for p in range(2, n_pieces):
            numpy.maximum(best, Y[:, p * n_out:(p + 1) * n_out], out=best)
        return best, _no_backprop


def _layernorm(original: Callable) -> Callable:
    """A layer norm's forward taking each row's mean and deviations once (see above)."""

    def forward(model: Model, X, is_train: bool) -> tuple[numpy.ndarray, Callable]:
        if is_train or not isinstance(X, numpy.ndarray) or X.ndim != 2 or not X.shape[0]:
            return original(model, X, is_train)
        n = numpy.intp(X.shape[1])
        mean = numpy.add.reduce(X, axis=1, keepdims=True)
        numpy.true_divide(mean, n, out=mean, casting="unsafe")
        deviation = numpy.subtract(X, mean)
        squares = numpy.square(deviation)
        var = numpy.add.reduce(squares, axis=1, keepdims=True)
        numpy.true_divide(var, n, out=var, casting="unsafe")
        var = var + 1e-08
        deviation *= var ** (-1.0 / 2.0)
        deviation *= model.get_param("G")
        deviation += model.get_param("b")
        return deviation, _no_backprop

    return forward


def with_fused_layers(nlp):
    """The pipeline, every thinc `maxout` and `layernorm` layer of its components' models
    predicting through the forwards above (each layer once)."""
    for node in pipeline_nodes(nlp):
        if node.name == "maxout" and node.has_param("W") and node.get_param("W").ndim == 3:
            node._func = PieceBlockMaxout(node).forward
        elif node.name == "layernorm":
            node._func = _layernorm(node._func)
    return nlp
