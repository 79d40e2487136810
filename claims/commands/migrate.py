"""`claims migrate`: bring a database's schema up to date."""

from __future__ import annotations

import click

from claims.store import ClaimStore


@click.command()
@click.option("--db", "db", required=True, type=click.Path(exists=True, dir_okay=False))
def migrate(db: str) -> None:
    """Bring a claims database's schema up to date (read commands never migrate)."""
    with ClaimStore(db) as store:
        click.echo(f"{db}: schema version {store.schema_version}")
