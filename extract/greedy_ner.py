"""spaCy's greedy entity recogniser, decoded with arrays: the same entities at a fraction
of the cost.

spaCy's `EntityRecognizer` (a transition-based parser over BILUO moves) spends most of its
time not in its model but in its decoding loop: for every token of every doc it tests all
74 moves' validity through small C helpers that the installed spaCy build (Cython 3,
Python 3.11, built with profiling on) compiles with a GIL acquire and release on every
return: ~2 of the NER's ~3.5 CPU s on the 65 benchmark texts (perf: take_gil,
pthread_mutex_lock under StateC::B and Vec.arg_max). Here the same decoding runs once per
step over all the sentences of a batch with numpy:

- the model is the recogniser's own: its tok2vec and precomputed lower layer (one call,
  as spaCy does), the hidden layer's maxout and the upper layer's gemm (thinc's, the same
  BLIS routine spaCy's C loop calls), the same float32 sums in the same order;
- the moves' validity is BiluoPushDown's for docs without preset entities (begin needs
  two tokens left and no sentence start next, nothing starts on whitespace, in and last
  continue the open entity's label); the first best valid move is taken, as spaCy does;
- since no entity runs on into a sentence start, every sentence starts from a state with
  no entity open and is decoded as a state of its own: the steps of a batch are its
  longest sentence's tokens, not its longest doc's (5,147 → 194 steps on the 186
  benchmark texts; decoding 0.31 → 0.09 CPU s);
- docs are batched as spaCy's `Parser.pipe` batches them (sorted by length, a few at a
  time through the model: SUB_BATCH), and the entities are set as `BiluoPushDown.set_annotations`
  sets them.

A doc with preset entities, or a recogniser this module does not know (a beam, another
state type, unseen classes), is handed to spaCy's own component. tests/test_greedy_ner.py
holds the result to spaCy's on every token of the seed and news texts.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Optional

import numpy
from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

# BiluoPushDown's move codes (spacy/pipeline/_parser_internals/ner.pyx)
_BEGIN, _IN, _LAST, _UNIT, _OUT = 1, 2, 3, 4, 5
_MOVE_CODES = {"B": _BEGIN, "I": _IN, "L": _LAST, "U": _UNIT, "O": _OUT}


# Docs through the model at a time. spaCy's Parser.pipe takes a quarter of the batch; at
# the pipeline's batch of 128 pieces that is ~7,000 tokens, whose tok2vec and lower-layer
# arrays are fresh memory on every sub-batch (system time on a virtual machine: page
# faults). Four docs keep the arrays small enough to be reused; the entities are the
# same (a doc's rows never depend on the rows beside it), the decoding still steps over
# the whole batch.
SUB_BATCH = 4


class UnsupportedRecognizer(ValueError):
    """A recogniser this module does not decode exactly: spaCy's component is kept."""


class _Moves:
    """The recogniser's moves as arrays: each move's kind and label, and their validity."""

    def __init__(self, ner):
        kinds, labels = [], []
        for i in range(ner.moves.n_moves):
            name = ner.moves.get_class_name(i)
            kind, _, label = name.partition("-")
            if kind not in _MOVE_CODES:
                raise UnsupportedRecognizer(f"move {name}")
            kinds.append(_MOVE_CODES[kind])
            labels.append(ner.vocab.strings.add(label) if label else 0)
        self.kind = numpy.array(kinds)
        self.labels = sorted(set(labels) - {0})
        self.label_index = numpy.array([self.labels.index(x) if x else -1 for x in labels])
        self.first_open = 4
        self.valid = self._validity()

    def _validity(self) -> numpy.ndarray:
        """BiluoPushDown's is_valid for docs without preset entities, as a table of rows,
        one per case: with no entity open, rows 0-3 by (could an entity begin and run on,
        is B(0) not a space); with one open, a row per (its label, can it run on). An
        entity begins only with two tokens left and no sentence starting at the next, and
        never on a space; 'in' and 'last' keep the open entity's label."""
        labelled = self.label_index >= 0
        begin, inside = (self.kind == _BEGIN) & labelled, (self.kind == _IN) & labelled
        last, unit, out = (self.kind == _LAST) & labelled, (self.kind == _UNIT) & labelled, self.kind == _OUT
        rows = [out | (unit & bool(not_space)) | (begin & bool(run_on))
                for run_on, not_space in ((0, 0), (0, 1), (1, 0), (1, 1))]
        for k in range(len(self.labels)):
            same = self.label_index == k
            rows += [last & same, (last | inside) & same]
        return numpy.array(rows)


class GreedyEntityRecognizer:
    """spaCy's entity recogniser with its greedy decoding done with arrays (see above)."""

    def __init__(self, vocab, name: str = "ner"):
        self.vocab, self.name = vocab, name
        self.ner = None
        self.moves: Optional[_Moves] = None

    def load(self, ner) -> "GreedyEntityRecognizer":
        model = ner.model
        if ner.cfg.get("beam_width", 1) != 1 or model.attrs.get("unseen_classes") or not model.attrs.get("has_upper"):
            raise UnsupportedRecognizer("not a greedy recogniser with an upper layer and every class seen")
        if model.get_ref("lower").get_dim("nF") != 3 or getattr(ner, "postprocesses", []):
            raise UnsupportedRecognizer("not the 'ner' state type")
        self.moves = _Moves(ner)
        self.ner = ner
        return self

    def __call__(self, doc: Doc) -> Doc:
        self._annotate([doc], 2)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        """Each batch annotated, in order: the model SUB_BATCH docs at a time, the decoding of
        the whole batch at once."""
        for batch in minibatch(docs, size=batch_size):
            batch = list(batch)
            self._annotate(batch, SUB_BATCH)
            yield from batch

    def _annotate(self, batch: list[Doc], sub_size: int) -> None:
        """The model run as spaCy's Parser.pipe runs it (the docs sorted by length, `sub_size`
        at a time); the decoding of the whole batch at once, fewer steps for the same moves:
        a doc's moves depend on its own rows only (every class is seen, load() checks; BLIS
        gives a row the same product whatever the rows beside it)."""
        docs = sorted(batch, key=len)
        subs = [sub for sub in minibatch(docs, size=sub_size)]
        arrays = [d.to_array([ENT_IOB, SENT_START, IS_SPACE]) for d in docs]
        if any(a.size and a[:, 0].any() for a in arrays):
            for sub in subs:  # preset entities: spaCy's own
                self.ner.set_annotations(sub, self.ner.predict(sub))
            return
        rows = self._lower_rows([sub for sub in subs if any(len(d) for d in sub)], sum(len(d) for d in docs))
        if rows is None:
            for doc in docs:
                doc.set_ents([], default="outside")
            return
        for doc, ents in zip(docs, self._decode(docs, arrays, *rows)):
            doc.set_ents([Span(doc, s, e, label=int(label)) for s, e, label in ents], default="outside")

    def _lower_rows(self, subs: list[list[Doc]], n_tokens: int
                    ) -> Optional[tuple[tuple[numpy.ndarray, ...], int, int]]:
        """The lower layer's output for every token of the batch, in order, after one padding
        row, as one contiguous (tokens + 1, nH * nP) array per state feature, and (nH, nP):
        each sub-batch's rows copied in as soon as they are made, so that its own array is
        freed for the next one (fresh memory is what costs on a virtual machine: copying all
        the sub-batches' arrays at the end, then each feature's slice, touched three times
        as much)."""
        model = self.ner.model
        features, at, shape = None, 1, None
        for sub in subs:
            table = model.get_ref("lower").predict(model.get_ref("tok2vec").predict(sub))
            if features is None:
                shape = table.shape[2:]
                features = tuple(numpy.empty((n_tokens + 1, shape[0] * shape[1]), dtype=table.dtype)
                                 for _ in range(table.shape[1]))
                for f, rows in enumerate(features):
                    rows[0] = table[0, f].reshape(-1)
            n = table.shape[0] - 1
            for f, rows in enumerate(features):
                rows[at:at + n] = table[1:, f].reshape(n, -1)
            at += n
        return (tuple(rows[:at] for rows in features), *shape) if features is not None else None

    def _decode(self, docs: list[Doc], arrays: list[numpy.ndarray], features: tuple[numpy.ndarray, ...],
                n_hidden: int, n_pieces: int) -> list[list[tuple[int, int, int]]]:
        """Each doc's entities (start, end, label), by BiluoPushDown's greedy decoding: a step
        moves every unfinished sentence on by one token (every BILUO move takes one). `features`:
        the lower layer's output per state feature, (tokens + 1, nH * nP), row 0 the padding."""
        model = self.ner.model
        lower, upper = model.get_ref("lower"), model.get_ref("upper")
        # each feature's rows: B(0); the open entity's first token; the token before B(0) in an entity
        c0, c1, c2 = features
        bias = lower.get_param("b").reshape(-1)
        w_up, b_up, ops = upper.get_param("W"), upper.get_param("b"), upper.ops
        m = self.moves
        # per token of the batch: may an entity run on past it (not a doc's last token, no
        # sentence starting at the next), and the validity case of a state with no entity open there
        run_on = numpy.concatenate([numpy.append(a[1:, 1].astype("int64") != 1, False)[:len(a)] for a in arrays])
        not_space = numpy.concatenate([a[:, 2] == 0 for a in arrays])
        closed_case = 2 * (run_on & not_space) + not_space
        lengths = numpy.array([len(d) for d in docs])
        offsets = numpy.concatenate([[0], numpy.cumsum(lengths)[:-1]])
        # No entity runs on into a token that starts a sentence, so no entity is open at a
        # sentence start and the moves from there depend on the rows ahead only: each
        # sentence is decoded as a state of its own, and the steps are as many as the
        # longest sentence's tokens, not the longest doc's.
        starts = numpy.concatenate([a[:, 1] == 1 for a in arrays]) if arrays else numpy.zeros(0, dtype=bool)
        starts[offsets[lengths > 0]] = True
        pos = numpy.flatnonzero(starts)  # each state's B(0) in the batch
        end = numpy.append(pos[1:], lengths.sum())
        is_open = numpy.zeros(len(pos), dtype=bool)  # per unfinished state, compacted as they finish
        first_row = numpy.zeros(len(pos), dtype="int64")  # the open entity's first token's row, else 0
        open_case = numpy.zeros(len(pos), dtype="int64")  # the open entity's validity rows
        ent_start = numpy.zeros(len(pos), dtype="int64")
        found: list[tuple[numpy.ndarray, ...]] = []
        while len(pos):
            unmaxed = numpy.zeros((len(pos), n_hidden * n_pieces), dtype="float32")
            unmaxed += c0[pos + 1]
            unmaxed += c1[first_row]
            unmaxed += c2[pos * is_open]
            unmaxed += bias
            pieces = unmaxed.reshape(len(pos), n_hidden, n_pieces)
            hidden = pieces[:, :, 0].copy()
            for p in range(1, n_pieces):
                numpy.maximum(hidden, pieces[:, :, p], out=hidden)
            scores = ops.gemm(hidden, w_up, trans2=True)
            scores += b_up
            case = numpy.where(is_open, open_case + run_on[pos], closed_case[pos])
            # the first best valid move (one always is: out, or the open entity's last)
            guess = numpy.where(m.valid[case], scores, -numpy.inf).argmax(axis=1)
            kind = m.kind[guess]
            begins, ends = kind == _BEGIN, (kind == _LAST) | (kind == _UNIT)
            if ends.any():
                unit = kind[ends] == _UNIT
                found.append((numpy.where(unit, pos[ends], ent_start[ends]), pos[ends] + 1,
                              numpy.where(unit, m.label_index[guess[ends]], (open_case[ends] - m.first_open) // 2)))
            if begins.any():
                ent_start = numpy.where(begins, pos, ent_start)
                open_case = numpy.where(begins, m.first_open + 2 * m.label_index[guess], open_case)
            is_open = (is_open | begins) & ~ends
            first_row = numpy.where(is_open, ent_start + 1, 0)
            pos += 1
            left = pos < end
            if not left.all():
                pos, end, is_open = pos[left], end[left], is_open[left]
                first_row, open_case, ent_start = first_row[left], open_case[left], ent_start[left]
        ents: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        for starts_at, stops, labels in found:
            owners = numpy.searchsorted(offsets, starts_at, side="right") - 1
            for k, s, e, lab in zip(owners.tolist(), starts_at.tolist(), stops.tolist(), labels.tolist()):
                ents[k].append((s - offsets[k], e - offsets[k], m.labels[lab]))
        return [sorted(e) for e in ents]


@Language.factory("claims_greedy_ner")
def make_greedy_ner(nlp: Language, name: str) -> GreedyEntityRecognizer:
    return GreedyEntityRecognizer(nlp.vocab, name)


def with_greedy_ner(nlp: Language) -> Language:
    """Replace the pipeline's `ner` by the same recogniser decoded with arrays (same name,
    same place); a recogniser of a kind not handled here is kept as it is."""
    if "ner" not in nlp.pipe_names:
        return nlp
    ner = nlp.get_pipe("ner")
    try:
        GreedyEntityRecognizer(nlp.vocab).load(ner)
    except UnsupportedRecognizer:
        return nlp
    nlp.replace_pipe("ner", "claims_greedy_ner").load(ner)
    return nlp
