"""`claims clean`: each article's main text, without the trained pipeline."""

from __future__ import annotations

import json
import sys

import click

from claims.commands.output import echo_err
from claims.sources import LoadedInput
from claims.inputs import load_cli_inputs


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def clean(paths: tuple[str, ...], fmt: str) -> None:
    """Print each article's main text (no menus, footers, ads, share links); `-` reads standard input."""
    items = list(load_cli_inputs(list(paths)))
    if not items:
        echo_err(f"{' '.join(paths)}: no readable input")
        sys.exit(1)
    for n, item in enumerate(items):
        if item.error:
            echo_err(f"{item.doc}: {item.error}")
            continue
        _print_clean(item, fmt, heading=len(items) > 1, first=n == 0)
    sys.exit(1 if any(item.error for item in items) else 0)


def _print_clean(item: LoadedInput, fmt: str, heading: bool, first: bool) -> None:
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
