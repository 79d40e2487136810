"""What several commands print the same way: error lines and the claims table."""

from __future__ import annotations

import sys
from typing import NoReturn

import click

from claims.claim_table import format_claims_table


def echo_err(msg: str) -> None:
    click.echo(msg, err=True)


def fail(msg: str, status: int) -> NoReturn:
    """One error line on stderr, then exit with `status`."""
    echo_err(msg)
    sys.exit(status)


def print_claims_table(rows, documents=None) -> None:
    """One line a claim, fitted to the terminal (claims/claim_table.py)."""
    if not rows:
        click.echo("no claims")
        return
    for line in format_claims_table(rows, documents):
        click.echo(line)
