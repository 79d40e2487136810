"""`claims query`'s work once its options are read: the stored claims, filtered, printed.

Kept apart from claims/commands/query.py so that a `--db` that does not exist is answered
before the store (sqlite-utils, numpy, the rule vocabularies) is imported."""

from __future__ import annotations

import csv
import json
import sys

import click

from extract.records import Claim

from claims.commands.output import print_claims_table
from claims.store import ClaimStore


def print_query(db: str, subject, metric, period, source, text_query, corroborated: bool, fmt: str) -> None:
    """The claims of `db` that match every filter given, printed as `fmt`."""
    with ClaimStore(db, read_only=True) as store:
        rows = store.claims(subject=subject, metric=metric, period=period, source=source, text=text_query)
        if corroborated:
            ids = {c.id for g in store.corroborations() for c in g}
            rows = [c for c in rows if c.id in ids]
        documents = {} if fmt != "table" else {
            c.doc: store.document_row(c.document_id) for c in {c.document_id: c for c in rows}.values()
        }  # fmt: skip
    if fmt == "jsonl":
        for c in rows:
            click.echo(json.dumps(Claim.model_validate(c.model_dump()).contract_dict(), ensure_ascii=False))
    elif fmt == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=list(Claim.model_fields))
        w.writeheader()
        for c in rows:
            w.writerow(Claim.model_validate(c.model_dump()).contract_dict())
    else:
        print_claims_table(rows, documents)
