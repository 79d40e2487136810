"""`claims run`: ingest, extract, store and reconcile (claims.ingest.ingest)."""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from typing import Optional

import click

from extract.model_name import ModelNotFound, check_model

from claims.batch import WORK_MODULE
from claims.commands.output import fail
from claims.commands.progress import ProgressLine
from claims.ingest import ingest
from claims.sources import FetchOptions


@click.command()
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
    if not inputs and not url_lists:
        raise click.UsageError("give at least one PATH, URL or --urls FILE")
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler goes with --engine dask")
    _check_model_early(model, engine, in_process=engine == "local" and workers == 1 and not doc_timeout)
    progress = ProgressLine(sys.stderr)
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


def _check_model_early(model: Optional[str], engine: str, in_process: bool) -> None:
    """A missing pipeline is one error line (exit 2) before any input is read: loaded
    now when the work runs here, looked for when local workers will load it (this
    process then never imports spaCy)."""
    try:
        if in_process:
            importlib.import_module(WORK_MODULE).load_here(model)
        elif engine == "local":
            check_model(model)
    except ModelNotFound as e:
        fail(f"error: {e}", 2)
