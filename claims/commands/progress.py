"""`claims run`'s progress line on stderr."""

from __future__ import annotations

import time
from typing import TextIO

import click

from claims.ingest import Progress


class ProgressLine:
    """`claims run` progress on stderr: one live line on a terminal, else a log line
    every LOG_EVERY seconds. Error lines are printed whole, never mixed into it."""

    LOG_EVERY = 30.0
    DRAW_EVERY = 0.2

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.tty = stream.isatty()
        self.last = 0.0
        self.shown = False
        self.latest = None

    def log(self, msg: str) -> None:
        self._clear()
        click.echo(msg, file=self.stream)

    def update(self, p: Progress) -> None:
        self.latest = p
        now = time.monotonic()
        if now - self.last < (self.DRAW_EVERY if self.tty else self.LOG_EVERY):
            return
        if not self.tty and self.last == 0.0:
            self.last = now  # the first plain line after LOG_EVERY, not at once
            return
        self.last = now
        if self.tty:
            self.stream.write("\r\x1b[K" + self._text(p))
            self.stream.flush()
            self.shown = True
        else:
            click.echo("claims run: " + self._text(p), file=self.stream)

    def _clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.shown = False

    def close(self) -> None:
        self._clear()

    @staticmethod
    def _text(p: Progress) -> str:
        total = max(p.total or 0, p.done)
        rate = p.done / p.elapsed if p.elapsed > 0 else 0.0
        eta = (total - p.done) / rate if rate > 0 else None
        eta_text = "?" if eta is None else duration(eta)
        return (f"{p.done}/{total} documents, {p.claims} claims, {rate:.1f} docs/s, "
                f"ETA {eta_text} ({p.failed} failed)")


def duration(seconds: float) -> str:
    """Seconds as `42s`, `3m05s` or `2h07m`."""
    s = int(round(seconds))
    if s >= 3600:
        return f"{s // 3600}h{s % 3600 // 60:02d}m"
    return f"{s // 60}m{s % 60:02d}s" if s >= 60 else f"{s}s"
