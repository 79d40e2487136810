"""`claims user add|passwd|list`: reviewer accounts of the review app (claims.users)."""

from __future__ import annotations

import sys

import click

from claims.commands.output import fail
from claims.store import ClaimStore
from claims.users import UserError, add_user, list_users, set_password


@click.group()
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
    password = _read_password(password_stdin)
    with ClaimStore(db) as store:
        try:
            created = add_user(store, name, password)
        except UserError as e:
            fail(f"error: {e}", 1)
    click.echo(f"user {created.name} added")


@user.command("passwd")
@click.argument("name")
@click.option("--db", "db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--password-stdin", is_flag=True, help="read the password from the first line of stdin")
def user_passwd(name: str, db: str, password_stdin: bool) -> None:
    """Set a reviewer's password (signs out their open sessions)."""
    password = _read_password(password_stdin)
    with ClaimStore(db) as store:
        try:
            set_password(store, name, password)
        except UserError as e:
            fail(f"error: {e}", 1)
    click.echo(f"password of {name} changed")


@user.command("list")
@click.option("--db", "db", required=True, type=click.Path(exists=True, dir_okay=False))
def user_list(db: str) -> None:
    """List reviewer accounts."""
    with ClaimStore(db, read_only=True) as store:
        for u in list_users(store):
            click.echo(f"{u.name}\tcreated {u.created_at.isoformat()}")
