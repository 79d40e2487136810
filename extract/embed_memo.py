"""The tok2vec's embedding of a word, made once per process and then looked up.

A spaCy tok2vec (`MultiHashEmbed` then `MaxoutWindowEncoder`) first embeds each token on
its own: its feature columns (NORM, PREFIX, SUFFIX, SHAPE, and in the tagger's tok2vec
SPACY and IS_SPACE) are hashed into four rows of each column's table and summed, the
columns joined (576 or 384 wide) and mixed by a maxout and a layer norm into 96 floats.
Nothing in that embedding looks at the tokens beside it: two tokens with the same
feature values get the same 96 floats. News repeats its words ("the", "said", "$",
"million"), so in a batch most tokens' embeddings were already made in an earlier batch:
the embedding is a third of the tagger's tok2vec products and a quarter of the entity
recogniser's.

`with_embedding_memo` gives each such embedding layer of the pipeline a memo: a batch's
feature rows are made unique, the ones never seen go through the layer's own sublayers
(the same hash tables, the same maxout and layer norm, so the same floats: a row's product
never depends on the rows beside it), and every token takes its row from the memo. The
window encoder after it runs as before. The memo holds at most MEMO_ROWS rows (~25 MB a
tok2vec with their keys); when it is full it starts again, so memory stays bounded however
long the batch. Training (`is_train`) always runs the layer itself.
"""

from __future__ import annotations

from typing import Callable, Optional

import numpy
from thinc.api import Model

from extract.model_nodes import pipeline_nodes

# Rows kept per embedding layer before the memo starts again: 476 distinct texts (216,000
# words: the benchmark's, the news set's, QuanTemp's claims) made 20,089 rows in the
# tagger's tok2vec and 16,382 in the recogniser's; 96 float32 a row, 19 MB a layer at most.
MEMO_ROWS = 50_000

# The layer names of an embedding this module memoises: spaCy's MultiHashEmbed chain
# (extract_features >> list2ragged >> with_array(hash tables) >> with_array(mix) >> ragged2list),
# every layer inside the two with_array parts working on one row at a time.
_ROW_LAYERS = {"hashembed", "ints-getitem", "maxout", "layernorm", "dropout"}


class EmbeddingMemo:
    """One embedding layer's rows by feature values, and the forward that uses them."""

    def __init__(self, embed: Model, limit: int = MEMO_ROWS):
        self.features, _, tables, mix, _ = embed.layers
        self.tables, self.mix = tables.layers[0], mix.layers[0]
        self.limit = limit
        self.width = embed.get_dim("nO")
        self.rows: dict[bytes, int] = {}
        self.vectors: Optional[numpy.ndarray] = None
        self.original = embed._func

    def forward(self, model: Model, docs: list, is_train: bool) -> tuple[list, Callable]:
        if is_train:
            return self.original(model, docs, is_train)
        columns = self.features.predict(docs)
        lengths = [len(c) for c in columns]
        if not sum(lengths):
            return [numpy.zeros((0, self.width), dtype="float32") for _ in docs], _no_backprop
        ids = numpy.ascontiguousarray(numpy.concatenate(columns), dtype="uint64")
        keys = ids.view(f"V{ids.shape[1] * 8}").ravel()
        unique, first, inverse = numpy.unique(keys, return_index=True, return_inverse=True)
        vectors, slots = self._rows_of(unique.tolist(), ids, first)
        flat = vectors[slots[inverse.ravel()]]
        ends = numpy.cumsum(lengths)[:-1]
        return numpy.split(flat, ends), _no_backprop

    def _embed(self, ids: numpy.ndarray) -> numpy.ndarray:
        """The layer's own embedding of these feature rows."""
        return self.mix.predict(self.tables.predict(ids))

    def _rows_of(self, keys: list[bytes], ids: numpy.ndarray, first: numpy.ndarray
                 ) -> tuple[numpy.ndarray, numpy.ndarray]:
        """A table of vectors and each key's row in it: the memo, the keys never seen
        embedded and added first (the memo started again when they would overfill it); a
        batch with more distinct rows than the memo holds gets a table of its own."""
        get = self.rows.get
        slots = numpy.fromiter((get(k, -1) for k in keys), dtype="int64", count=len(keys))
        new = numpy.flatnonzero(slots < 0)
        if not len(new):
            return self.vectors, slots
        if len(keys) > self.limit:
            return self._embed(ids[first]), numpy.arange(len(keys))
        if len(self.rows) + len(new) > self.limit:
            self.rows.clear()
            slots[:], new = -1, numpy.arange(len(keys))
        start = len(self.rows)
        self._grow(start + len(new))
        self.vectors[start:start + len(new)] = self._embed(ids[first[new]])
        for n, k in enumerate(new.tolist()):
            self.rows[keys[k]] = start + n
        slots[new] = numpy.arange(start, start + len(new))
        return self.vectors, slots

    def _grow(self, size: int) -> None:
        if self.vectors is not None and len(self.vectors) >= size:
            return
        grown = numpy.empty((min(self.limit, max(size, 2 * (0 if self.vectors is None else len(self.vectors)), 4096)),
                             self.width), dtype="float32")
        if self.vectors is not None:
            grown[:len(self.vectors)] = self.vectors
        self.vectors = grown


def _no_backprop(d):
    raise NotImplementedError("the embedding memo does not train")


def _is_embedding(node: Model) -> bool:
    names = [layer.name for layer in node.layers]
    if len(names) != 5 or names[0] != "extract_features" or names[1] != "list2ragged" or names[4] != "ragged2list":
        return False
    leaves = [n.name for part in node.layers[2:4] for n in part.walk() if not n.layers]
    return all(name in _ROW_LAYERS for name in leaves)


def with_embedding_memo(nlp):
    """The pipeline, each tok2vec's embedding layer (its own or a component's) memoised."""
    for node in pipeline_nodes(nlp):
        if _is_embedding(node):
            node._func = EmbeddingMemo(node).forward
    return nlp
