"""`claims clean`: each article's main text, without the trained pipeline or the records.

Files, folders and `-` are read and cleaned by claims/clean_inputs.py, which imports
neither pydantic nor the network stack, so cleaning one page starts in a fraction of a
second. When an input needs the network or a web archive (a URL, a `.urls` list, a
`.warc`), every input is read by claims/inputs.py instead, as `claims extract` reads
them: that module is loaded by path, as claims/cli.py loads a command, only then.
"""

from __future__ import annotations

import importlib
import json
import sys
from typing import Iterator

import click

from claims.clean_inputs import CleanedInput, clean_local_inputs, needs_records

# The reader of URLs, URL lists and web archives (claims/inputs.py): "module:function".
RECORDS_READER = "claims.inputs:load_cli_inputs"


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def clean(paths: tuple[str, ...], fmt: str) -> None:
    """Print each article's main text (no menus, footers, ads, share links); `-` reads standard input."""
    items = list(_cleaned_inputs(list(paths)))
    if not items:
        click.echo(f"{' '.join(paths)}: no readable input", err=True)
        sys.exit(1)
    for n, item in enumerate(items):
        if item.error:
            click.echo(f"{item.doc}: {item.error}", err=True)
            continue
        _print_clean(item, fmt, heading=len(items) > 1, first=n == 0)
    sys.exit(1 if any(item.error for item in items) else 0)


def _cleaned_inputs(paths: list[str]) -> Iterator[CleanedInput]:
    if not any(needs_records(p) for p in paths):
        return clean_local_inputs(paths)
    module, name = RECORDS_READER.split(":")
    load_cli_inputs = getattr(importlib.import_module(module), name)
    return (_from_loaded(item) for item in load_cli_inputs(paths))


def _from_loaded(item) -> CleanedInput:
    """A claims.sources.LoadedInput as what `claims clean` prints."""
    if item.error:
        return CleanedInput(doc=item.doc, error=item.error)
    art = item.article
    text = art.text if item.media_type == "text/html" else art.body_text()
    return CleanedInput(doc=item.doc, text=text, title=art.title, author=art.author, date=art.date,
                        publisher=art.publisher, url=art.url)


def _print_clean(item: CleanedInput, fmt: str, heading: bool, first: bool) -> None:
    """One article: its text, or a JSON line; when there are several, each says its `doc`
    (a `==> doc <==` heading over the text, a `doc` field in JSON)."""
    if fmt == "json":
        fields = {"text": item.text, "title": item.title, "author": item.author,
                  "date": item.date.isoformat() if item.date else None, "publisher": item.publisher, "url": item.url}
        click.echo(json.dumps({**fields, **({"doc": item.doc} if heading else {})}, ensure_ascii=False))
        return
    if heading:
        click.echo(f"{'' if first else chr(10)}==> {item.doc} <==")
    click.echo(item.text)
