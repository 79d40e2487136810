"""Batch ingestion: inputs → sources → articles → claims → store → reconcile.

`load_inputs` turns the command line's PATHs and URLs into cleaned articles, one
`LoadedInput` each, with the error instead when an input cannot be read (reported,
never fatal). `ingest` stores each new document in its own transaction (a content
hash makes re-runs add nothing) and then recomputes conflicts and corroborations.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable, Iterator, Optional

from pydantic import BaseModel, ConfigDict

from claims.models import Article, Source
from extract.read import ReadError, iter_inputs, read_path
from extract.textclean import recurring_lines


class LoadedInput(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    doc: str
    source: Optional[Source] = None
    article: Optional[Article] = None
    error: Optional[str] = None

    @property
    def media_type(self) -> Optional[str]:
        return self.source.media_type if self.source else None


class IngestReport(BaseModel):
    added: int = 0
    skipped: int = 0
    failed: int = 0
    counts: dict[str, int] = {}


def is_url(s: str) -> bool:
    return s.lower().startswith(("http://", "https://"))


def content_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _expand(items: list[str]) -> list[str]:
    out = []
    for given in items:
        if is_url(given):
            out.append(given)
        else:
            out.extend(iter_inputs([given]) or [given])
    return out


def _corpus_furniture(paths: list[str]) -> frozenset[str]:
    """Lines recurring across the batch's plain-text files: site menus and footers."""
    texts = []
    for p in paths:
        if is_url(p) or not p.lower().endswith((".txt", ".txt.gz")):
            continue
        try:
            texts.append(read_path(p).text)
        except ReadError:
            continue  # reported when the file itself is processed
    return recurring_lines(texts) if len(texts) >= 3 else frozenset()


def load_inputs(items: list[str], allow_private: bool = False) -> Iterator[LoadedInput]:
    """Each input, read and cleaned; an unreadable one carries its error."""
    from extract.pipeline import article_from_source

    paths = _expand(items)
    furniture = _corpus_furniture(paths)
    fetcher = None
    for p in paths:
        try:
            if is_url(p):
                if fetcher is None:
                    from extract.fetch import FetchPolicy, Fetcher

                    fetcher = Fetcher(FetchPolicy(allow_private=allow_private))
                sources = _fetch_expanding_feeds(fetcher, p)
            else:
                sources = [read_path(p)]
        except (ReadError, Exception) as e:  # FetchError too: reported, batch goes on
            yield LoadedInput(doc=p, error=_one_line(e))
            continue
        for source in sources:
            if isinstance(source, LoadedInput):
                yield source
                continue
            try:
                article = article_from_source(source, furniture)
            except Exception as e:  # a page the cleaner cannot handle is reported, not fatal
                yield LoadedInput(doc=source.doc, source=source, error=f"cannot clean: {_one_line(e)}")
                continue
            yield LoadedInput(doc=source.doc, source=source, article=article)


def _fetch_expanding_feeds(fetcher, url: str) -> list:
    from extract.feeds import feed_links, is_feed

    source = fetcher.fetch(url)
    if not is_feed(source):
        return [source]
    out = []
    for link in feed_links(source):
        try:
            out.append(fetcher.fetch(link))
        except Exception as e:
            out.append(LoadedInput(doc=link, error=_one_line(e)))
    return out


def _one_line(e: BaseException) -> str:
    msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return msg


def ingest(
    inputs: list[str],
    db: str | Path,
    workers: int = 1,
    model: Optional[str] = None,
    allow_private: bool = False,
    log: Callable[[str], None] = lambda m: None,
) -> IngestReport:
    """Store every new document's claims, then recompute conflicts."""
    from claims.reconcile import reconcile_store
    from claims.store import ClaimStore
    from extract.pipeline import extract_claims, load_nlp

    nlp = load_nlp(model)
    report = IngestReport()
    with ClaimStore(db) as store:
        for item in load_inputs(inputs, allow_private=allow_private):
            if item.error:
                store.record_failure(item.doc, item.error)
                log(f"{item.doc}: {item.error}")
                report.failed += 1
                continue
            if store.has_document(content_hash(item.source.raw)):
                report.skipped += 1
                continue
            try:
                claims = extract_claims(item.article, item.doc, nlp)
                added = store.add_document(item.source, item.article, claims)
            except Exception as e:  # recorded with its reason; the batch goes on
                reason = f"extraction failed: {type(e).__name__}: {_one_line(e)}"
                store.record_failure(item.doc, reason)
                log(f"{item.doc}: {reason}")
                report.failed += 1
                continue
            if added is None:
                report.skipped += 1
            else:
                report.added += 1
        reconcile_store(store)
        report.counts = store.counts()
    return report
