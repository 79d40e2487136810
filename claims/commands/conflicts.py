"""`claims conflicts`: the cross-source disagreements a database holds."""

from __future__ import annotations

import json

import click

from claims.doc_names import document_label, readable_why
from claims.store import TIERS, ClaimStore


@click.command()
@click.option("--db", "db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="table", show_default=True)
@click.option("--tier", type=click.Choice(["contradiction", "possible", "all"]), default="contradiction",
              show_default=True,
              help="contradiction: confident disagreements; possible: uncertain ones, for a reviewer; all: both")
@click.option("--min-score", type=click.FloatRange(0.0, 1.0), default=0.0, show_default=True,
              help="only conflicts scoring at least this")
def conflicts(db: str, fmt: str, tier: str, min_score: float) -> None:
    """Print the cross-source disagreements the database holds."""
    tiers = TIERS if tier == "all" else (tier,)
    with ClaimStore(db, read_only=True) as store:
        items = store.conflicts(tiers, min_score)
        if fmt == "jsonl":
            for c in items:
                click.echo(json.dumps(c.contract_dict(), ensure_ascii=False))
            return
        hidden = 0 if tier == "all" else len(store.conflicts(tuple(t for t in TIERS if t not in tiers), min_score))
        groups = store.corroborations()
        labels = {d.doc: document_label(d, d.doc) for d in store.documents()}
    _print_table(items, hidden, groups, labels)


def _print_table(items: list, hidden: int, groups: list, labels: dict[str, str]) -> None:
    """Each conflict's two sides and why, then the corroborated figures."""
    click.echo(f"{len(items)} conflict(s)" if items else "no conflicts")
    for c in items:
        click.echo(f"[{c.score:.2f} {c.tier}] {c.a.subject} · {c.a.metric} · {c.a.period}")
        for side in (c.a, c.b):
            named = f" ({side.doc}:{side.start})" if labels.get(side.doc, side.doc) != side.doc else f":{side.start}"
            click.echo(f"    {side.surface!r:40} {labels.get(side.doc, side.doc)}{named}")
        click.echo(f"    {readable_why(c.why, labels)}")
        if c.evidence:
            click.echo(f"    paired by: {'; '.join(c.evidence)}")
    if hidden:
        click.echo(f"({hidden} conflict(s) of another tier not shown: --tier all)")
    if groups:
        click.echo(f"\n{len(groups)} corroborated figure(s), stated alike by two or more documents:")
        for g in groups:
            first = g[0]
            click.echo(f"    {first.subject} · {first.metric} · {first.period}: "
                       + "; ".join(f"{c.surface!r} {c.doc}:{c.start}" for c in g))
