"""spaCy's greedy dependency parser, decoded with arrays: the same heads, labels and
sentence starts at a fraction of the cost.

spaCy's `DependencyParser` (arc-eager moves, greedy) spends more of its time in its
decoding loop than in its model: for every state and step it tests the moves' validity
and applies the best one through small C helpers that the installed spaCy build
(Cython 3, Python 3.11, built with profiling on) compiles with a GIL acquire and release
on every return (see extract/greedy_ner.py). Here the same decoding runs once per step
over many states at once with numpy:

- the model is the parser's own: its tok2vec listener and precomputed lower layer, run on
  the very sub-batches spaCy's `Parser.pipe` runs them on (the batch sorted by length, a
  quarter of it at a time), so the table of per-token features is the same to the bit;
  the 8 state features (B0, B1, S0, S1, S2, the leftmost child of B0 and of S0, the
  rightmost child of S0) summed in spaCy's order, bias last, the maxout and the upper
  layer's product by BLIS (the routine spaCy's C loop calls), the first best valid move;
- the moves' validity and effects are ArcEager's (spacy/pipeline/_parser_internals/
  arc_eager.pyx, _state.pxd), non-monotonic ones included: a reduce of a word without a
  head puts it back on the buffer (it may not be shifted again until it takes a left
  child), a left arc re-attaches a word a right arc had attached (it is always its old
  head's last right child, so the child lists are linked stacks). A state's validity is
  read from one key (B0's and B1's flags, the stack's depth, B1 == B0 + 1) in a table
  made once from ArcEager's rules (`_validity`);
- the states stepped together are not docs but runs between preset sentence starts
  (`claims_line_sentences` runs first): at such a token no arc may cross, so the parser
  empties its stack there and goes on exactly as a fresh state would. Only one thing
  crosses: a sentence break the run before marks on the token after the start; a run
  whose start was so marked is decoded again with the mark (rare);
- the result is set as `ArcEager.set_annotations` and the parser's postprocess
  (`nonproj.deprojectivize`) set it: a word left without a head is a root labelled ROOT,
  children and sentence starts are derived from the heads by spaCy's own code.

On the 186 benchmark texts the parser's decoding went from ~0.85 to ~0.3 CPU s (its
model, ~0.25 s, is unchanged). The feature table of a whole batch is kept at once (4 KB a
word: ~55 MB at the pipeline's 32 pieces) in one array reused from batch to batch.

A doc with preset heads or labels, or a parser this module does not know (a beam, other
features, unseen classes, subtoken learning), is handed to spaCy's own component.
tests/test_greedy_parser.py holds the result to spaCy's on every token of the seed and
news texts.
"""

from __future__ import annotations

from typing import Iterable, Iterator

import numpy
from blis.py import gemm
from spacy.attrs import DEP, HEAD, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

# ArcEager's move kinds, by the first letter of their class names
_KINDS = {"S": 0, "D": 1, "L": 2, "R": 3, "B": 4}
_SHIFT, _REDUCE, _LEFT, _RIGHT, _BREAK = range(5)
_N_FEATURES = 8


class UnsupportedParser(ValueError):
    """A parser this module does not decode exactly: spaCy's component is kept."""


def _check(parser) -> None:
    model = parser.model
    if parser.cfg.get("beam_width", 1) != 1 or parser.cfg.get("learn_tokens"):
        raise UnsupportedParser("not a greedy parser without subtokens")
    if model.attrs.get("unseen_classes") or not model.attrs.get("has_upper"):
        raise UnsupportedParser("unseen classes or no upper layer")
    if model.get_ref("lower").get_dim("nF") != _N_FEATURES or type(parser.moves).__name__ != "ArcEager":
        raise UnsupportedParser("not the arc-eager parser's 8 features")
    if [p.__name__ for p in parser.postprocesses] != ["deprojectivize"]:
        raise UnsupportedParser("other postprocesses")
    names = [parser.moves.get_class_name(i) for i in range(parser.moves.n_moves)]
    if any(n[0] not in _KINDS or "subtok" in n for n in names) or len(names) != model.get_ref("upper").get_dim("nO"):
        raise UnsupportedParser("unknown moves")
    n_moves = parser.moves.n_moves  # spaCy adds the moves of its built-in labels on its first call
    parser._ensure_labels_are_added([Doc(parser.vocab, words=["x"])])
    if parser.moves.n_moves != n_moves:
        raise UnsupportedParser("moves were missing")


# a word's flags in a state's key: it exists, it starts a sentence (preset or marked), it
# was put back on the buffer (may not be shifted), it may not start a sentence
_EXISTS, _STARTS, _UNSHIFTABLE, _CANNOT_START = 1, 2, 4, 8


def _validity(key: int) -> tuple[bool, bool, bool, bool]:
    """Whether a shift, a reduce, an arc, a break is valid (ArcEager's is_valid) in a state
    whose key is B0's flags + (B1's flags << 4) + (the stack's depth up to 2 << 8) +
    (B1 == B0 + 1 << 10)."""
    b0, b1, depth, adjacent = key & 15, (key >> 4) & 15, (key >> 8) & 3, key >> 10
    shift = depth == 0 or (b1 & _EXISTS and not b0 & _STARTS and not b0 & _UNSHIFTABLE)
    reduce = depth > 0 and (not b0 & _EXISTS or depth > 1 or not b0 & _CANNOT_START)
    arc = depth > 0 and b0 & _EXISTS and not b0 & _STARTS
    brk = b1 & _EXISTS and adjacent and not b1 & _STARTS and not b1 & _CANNOT_START
    return bool(shift), bool(reduce), bool(arc), bool(brk)


class GreedyParser:
    """spaCy's dependency parser with its greedy decoding done with arrays (see above)."""

    def __init__(self, vocab, name: str = "parser"):
        self.vocab, self.name = vocab, name
        self.parser = None
        self._table = numpy.empty((0,), dtype="float32")  # reused: fresh memory costs page faults

    def load(self, parser) -> "GreedyParser":
        _check(parser)
        names = [parser.moves.get_class_name(i) for i in range(parser.moves.n_moves)]
        self.kind = numpy.array([_KINDS[n[0]] for n in names])
        self.label = numpy.array([self.vocab.strings.add(n[2:]) if len(n) > 2 else 0 for n in names], dtype="uint64")
        self.root = self.vocab.strings.add("ROOT")
        self.push = numpy.isin(self.kind, (_SHIFT, _RIGHT))
        self.pop = numpy.isin(self.kind, (_REDUCE, _LEFT))
        # each kind of move's validity, by a state's key (see _Decoder), as a score to add
        # to its moves: 0 or -inf (left and right arcs share their rule)
        kinds = numpy.array([_validity(key) for key in range(1 << 11)])
        penalty = numpy.where(kinds[:, [0, 1, 2, 2, 3]][:, self.kind], 0.0, -numpy.inf).astype("float32")
        self.cases, self.case_of_key = numpy.unique(penalty, axis=0, return_inverse=True)
        self.case_of_key = self.case_of_key.reshape(-1)
        self.parser = parser
        return self

    def __call__(self, doc: Doc) -> Doc:
        self._annotate([doc], 1)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            batch = list(batch)
            self._annotate(batch, batch_size)
            yield from batch

    def _annotate(self, batch: list[Doc], batch_size: int) -> None:
        arrays = [d.to_array([HEAD, DEP, SENT_START]).astype("int64").reshape(-1, 3) for d in batch]
        if any(a[:, :2].any() for a in arrays):  # preset heads or labels: spaCy's own
            for doc in self.parser.pipe(batch, batch_size=batch_size):
                pass
            return
        order = sorted(range(len(batch)), key=lambda i: len(batch[i]))
        docs = [batch[i] for i in order]
        sizes = numpy.array([len(d) for d in docs])
        n_tokens = int(sizes.sum())
        if not n_tokens:
            return
        table = self._lower_table(docs, max(batch_size // 4, 2), n_tokens)
        starts = numpy.concatenate([[0], numpy.cumsum(sizes)[:-1]])
        sent_start = numpy.concatenate([arrays[i][:, 2] for i in order])
        heads, labels = _Decoder(self, table, sizes, starts, sent_start).decode()
        tokens = numpy.arange(n_tokens)
        heads, labels = heads[1:n_tokens + 1], labels[1:n_tokens + 1]  # rows: token + 1, 0 none
        relative = numpy.where(heads > 0, heads - 1 - tokens, 0)
        deps = numpy.where(heads > 0, labels, self.root)
        values = numpy.stack([relative.view("uint64"), deps], axis=1)
        for doc, start, size in zip(docs, starts.tolist(), sizes.tolist()):
            if size:
                doc.from_array([HEAD, DEP], values[start:start + size])
                for hook in self.parser.postprocesses:
                    hook(doc)

    def _lower_table(self, docs: list[Doc], sub_size: int, n_tokens: int) -> numpy.ndarray:
        """The lower layer's output for every token of the batch, in order after one padding
        row: a (tokens + 1, nH * nP) array per state feature, made on spaCy's sub-batches
        and copied into one array kept from batch to batch (each feature's rows together:
        the states' words of one feature lie near each other)."""
        model = self.parser.model
        tok2vec, lower = model.get_ref("tok2vec"), model.get_ref("lower")
        width = lower.get_dim("nO") * lower.get_dim("nP")
        need = (n_tokens + 1) * _N_FEATURES * width
        if self._table.size < need:
            self._table = numpy.empty(need, dtype="float32")
        table = self._table[:need].reshape(_N_FEATURES, n_tokens + 1, width)
        at = 1
        for sub in minibatch(docs, size=sub_size):
            if not any(len(d) for d in sub):
                continue
            rows = lower.predict(tok2vec.predict(sub))
            n = rows.shape[0] - 1
            for f in range(_N_FEATURES):
                table[f, 0] = rows[0, f].reshape(width)
                table[f, at:at + n] = rows[1:, f].reshape(n, width)
            at += n
        return table


class _Decoder:
    """ArcEager's greedy decoding of every run of a batch, stepped together.

    A word is named by its table row (token + 1); 0 is 'no word' and reads as such
    everywhere, n + 1 is a sink for masked writes. Per state: `front` (B0), `top` (S0),
    `stop` (the preset sentence start ending the run; 0 at the doc's end). The buffer is a
    linked list (`nxt`: the next word; a word put back points to the old front), the stack
    too (`below`), and so are each word's left and right children (`last_*`, `prev_*`)."""

    def __init__(self, parser: GreedyParser, table, sizes, starts, sent_start):
        self.p, self.table = parser, table
        n = self.n = int(sizes.sum())
        ends = numpy.repeat(starts + sizes, sizes)
        tokens = numpy.arange(n)
        nxt = numpy.zeros(n + 2, dtype="int64")
        nxt[1:n + 1] = numpy.where(tokens + 1 < ends, tokens + 2, 0)
        self.static_next = nxt
        flags = numpy.zeros(n + 2, dtype="int64")
        flags[1:n + 1] = _EXISTS + _STARTS * (sent_start == 1) + _CANNOT_START * (sent_start == -1)
        self.static_flags = flags
        first = numpy.zeros(n, dtype=bool)
        first[starts[sizes > 0]] = True
        run_start = numpy.flatnonzero(first | (sent_start == 1))
        following = numpy.append(run_start[1:], n)
        self.run_start = run_start + 1
        self.run_end = ends[run_start] + 1
        self.run_stop = numpy.where(following < ends[run_start], following + 1, 0)
        self.head = numpy.zeros(n + 2, dtype="int64")
        self.label = numpy.zeros(n + 2, dtype="uint64")
        self.flags, self.nxt = flags.copy(), nxt.copy()
        self.below = numpy.zeros(n + 2, dtype="int64")
        self.last_left, self.prev_left = numpy.zeros(n + 2, dtype="int64"), numpy.zeros(n + 2, dtype="int64")
        self.last_right, self.prev_right = numpy.zeros(n + 2, dtype="int64"), numpy.zeros(n + 2, dtype="int64")

    def decode(self) -> tuple[numpy.ndarray, numpy.ndarray]:
        """Each word's head (a row, 0 for none) and label."""
        runs = numpy.arange(len(self.run_start))
        while len(runs):
            tails = self._decode_runs(runs)
            # a run that marked the word after the next run's start: that run again, so marked
            again = runs[tails & (self.run_stop[runs] > 0)] + 1
            for r in again.tolist():
                s, e = self.run_start[r], self.run_stop[r] or self.run_end[r]
                for arr in (self.head, self.below, self.last_left, self.prev_left, self.last_right, self.prev_right):
                    arr[s:e] = 0
                self.flags[s:e] = self.static_flags[s:e]
                self.nxt[s:e] = self.static_next[s:e]
                self.flags[s + 1] |= _STARTS
            runs = again
        return self.head, self.label

    def _decode_runs(self, runs: numpy.ndarray) -> numpy.ndarray:
        """Decode the runs to their ends; whether each marked the word after its stop."""
        p, table, sink = self.p, self.table, self.n + 1
        model = p.parser.model
        bias = model.get_ref("lower").get_param("b").reshape(-1)
        w_up, b_up = model.get_ref("upper").get_param("W"), model.get_ref("upper").get_param("b")
        head, label, flags, nxt, below = self.head, self.label, self.flags, self.nxt, self.below
        last_left, prev_left, last_right, prev_right = self.last_left, self.prev_left, self.last_right, self.prev_right
        tails = numpy.zeros(len(runs), dtype=bool)
        which = numpy.arange(len(runs))
        front = self.run_start[runs].copy()
        top = numpy.zeros(len(runs), dtype="int64")
        stop = self.run_stop[runs].copy()
        stop1 = numpy.where(stop > 0, stop + 1, -1)  # the word after the stop, seen by this run only
        stop_flags = self.static_flags[stop1]
        buf = numpy.empty((len(runs), table.shape[2]), dtype="float32")
        while len(which):
            s0, b0 = top, front
            s1, b1 = below[s0], nxt[b0]
            # the state's features in spaCy's order, summed in its order, the bias last
            features = (b1, s0, s1, below[s1], last_left[b0], last_left[s0], last_right[s0])
            unmaxed = table[0].take(b0, axis=0)
            buf = buf[:len(which)]
            for f, rows in enumerate(features, 1):
                table[f].take(rows, axis=0, out=buf)
                unmaxed += buf
            unmaxed += bias
            hidden = numpy.maximum(unmaxed[:, 0::2], unmaxed[:, 1::2])
            scores = gemm(hidden, w_up, trans2=True, beta=0.0)
            scores += b_up
            # the state's key (see _validity), its moves' validity, the first best valid move
            at_stop1 = b1 == stop1
            key = numpy.where(at_stop1, stop_flags, flags[b1])
            key <<= 4
            key += flags[b0]
            key += (s0 > 0) * 256
            key += (s1 > 0) * 256
            key += (b1 - b0 == 1) * 1024
            scores += p.cases[p.case_of_key[key]]
            guess = scores.argmax(axis=1)
            kind, lab = p.kind[guess], p.label[guess]
            push, pop = p.push[guess], p.pop[guess]
            is_right = kind == _RIGHT
            if is_right.any():  # S0 -> B0, B0 pushed
                child = numpy.where(is_right, b0, sink)
                head[child] = s0
                label[child] = lab
                prev_right[child] = last_right[s0]
                last_right[numpy.where(is_right, s0, sink)] = b0
            is_left = kind == _LEFT
            if is_left.any():  # B0 -> S0 (its old head, if any, loses its last right child), S0 popped
                child = numpy.where(is_left, s0, sink)
                old = head[s0]
                last_right[numpy.where(is_left & (old > 0), old, sink)] = prev_right[s0]
                head[child] = b0
                label[child] = lab
                prev_left[child] = last_left[b0]
                target = numpy.where(is_left, b0, sink)
                last_left[target] = s0
                flags[target] &= ~_UNSHIFTABLE
            # a reduce of a headless word above another puts it back at the buffer's front
            unshift = (kind == _REDUCE) & (s1 > 0) & (head[s0] == 0)
            if unshift.any():
                word = numpy.where(unshift, s0, sink)
                flags[word] |= _UNSHIFTABLE
                nxt[word] = front
            is_break = kind == _BREAK
            if is_break.any():  # B1 starts a sentence: the stop's next word is this run's own mark
                ahead = is_break & at_stop1
                stop_flags |= ahead * _STARTS
                flags[numpy.where(is_break & ~ahead, b1, sink)] |= _STARTS
            below[numpy.where(push, b0, sink)] = top
            front = numpy.where(push, b1, numpy.where(unshift, s0, front))
            top = numpy.where(push, b0, numpy.where(pop, s1, top))
            done = (top == 0) & (front == stop)
            if done.any():
                tails[which[done]] = stop_flags[done] != self.static_flags[stop1[done]]
                left = ~done
                which, front, top, stop, stop1, stop_flags = (
                    which[left], front[left], top[left], stop[left], stop1[left], stop_flags[left])
        return tails


@Language.factory("claims_greedy_parser")
def make_greedy_parser(nlp: Language, name: str) -> GreedyParser:
    return GreedyParser(nlp.vocab, name)


def with_greedy_parser(nlp: Language) -> Language:
    """Replace the pipeline's `parser` by the same parser decoded with arrays (same name,
    same place); a parser of a kind not handled here is kept as it is."""
    if "parser" not in nlp.pipe_names:
        return nlp
    parser = nlp.get_pipe("parser")
    try:
        _check(parser)
    except UnsupportedParser:
        return nlp
    nlp.replace_pipe("parser", "claims_greedy_parser").load(parser)
    return nlp
