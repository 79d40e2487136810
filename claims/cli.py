"""The `claims` command line (../shared/CONTRACT.md).

One module a command under claims/commands/, each a few lines calling one public
function: `extract` → claims.extraction.extract_inputs, `clean` →
claims.inputs.load_cli_inputs (extract.article.article_from_source), `run` →
claims.ingest.ingest, `conflicts` / `query` → ClaimStore.conflicts / ClaimStore.claims.
A command's module is imported only when that command runs (click's lazy-loading
pattern), so `claims --help` loads neither spaCy nor the store, and every module keeps
its imports at the top. Errors go to stderr, one line per bad input; a bad input never
stops a batch, and the exit status is 1 when any input failed.
"""

from __future__ import annotations

import importlib
import sqlite3
from typing import Optional

import click

from claims.dbopen import StoreError
from extract.blas import single_threaded_blas

# Each command: where it is defined ("module:name") and the first paragraph of its help,
# which `claims --help` shows without importing the module (tests/test_cli.py checks
# that the two agree).
COMMANDS: dict[str, tuple[str, str]] = {
    "clean": ("claims.commands.clean:clean",
              "Print each article's main text (no menus, footers, ads, share links); `-` reads standard input."),
    "conflicts": ("claims.commands.conflicts:conflicts", "Print the cross-source disagreements the database holds."),
    "export": ("claims.commands.export:export",
               "Export claims, verdicts or claim ratings (CSV or JSON), or ClaimReview JSON-LD."),
    "extract": ("claims.commands.extract:extract",
                "Print every numeric claim in text or HTML files (or URLs); `-` reads standard input."),
    "migrate": ("claims.commands.migrate:migrate",
                "Bring a claims database's schema up to date (read commands never migrate)."),
    "query": ("claims.commands.query:query", "Read claims back, filtered."),
    "review": ("claims.commands.review:review", "Serve the editorial review web app."),
    "run": ("claims.commands.run:run", "Ingest, extract, store and reconcile. Running twice adds nothing."),
    "user": ("claims.commands.user:user", "Reviewer accounts of the review app."),
}


class LazyGroup(click.Group):
    """A group whose commands are imported by path when first resolved (click's
    documented lazy-loading pattern); its help lists them from their summaries."""

    def __init__(self, *args, lazy_commands: dict[str, tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.lazy_commands = lazy_commands

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> Optional[click.Command]:
        if cmd_name not in self.lazy_commands or cmd_name in self.commands:
            return super().get_command(ctx, cmd_name)
        module_name, attribute = self.lazy_commands[cmd_name][0].split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        self.add_command(command, cmd_name)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """As click.Group does, from the summaries: no command module is imported."""
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = [(name, self._summary(name, limit)) for name in names]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def _summary(self, name: str, limit: int) -> str:
        if name in self.lazy_commands and name not in self.commands:
            # a bare command carrying the summary shortens it as the real one would
            return click.Command(name, help=self.lazy_commands[name][1]).get_short_help_str(limit)
        return self.commands[name].get_short_help_str(limit)


class _Commands(LazyGroup):
    """The `claims` group; a database it cannot use is a one-line error, never a traceback."""

    def invoke(self, ctx: click.Context):
        single_threaded_blas()  # before a command's module brings numpy (extract/blas.py)
        try:
            return super().invoke(ctx)
        except StoreError as e:
            click.echo(f"error: {e}", err=True)
            ctx.exit(1)
        except sqlite3.DatabaseError as e:  # a damaged page met after a clean open
            click.echo(f"error: the database cannot be read ({e})", err=True)
            ctx.exit(1)


@click.group(cls=_Commands, lazy_commands=COMMANDS)
@click.version_option(package_name="claims")
def main() -> None:
    """Extract numeric claims from news articles, store them, flag disagreements."""


if __name__ == "__main__":
    main()
