"""`claims query`: stored claims read back, filtered."""

from __future__ import annotations

import importlib

import click

# The store and the records are imported (claims/commands/query_rows.py) only once the
# options are valid, the way claims/cli.py loads each command: a mistyped --db is answered
# in the time of `claims --help`, not after importing sqlite-utils and numpy.
_ROWS = "claims.commands.query_rows"


@click.command()
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
    importlib.import_module(_ROWS).print_query(db, subject, metric, period, source, text_query, corroborated, fmt)
