"""`claims export`: claims, verdicts or ratings as CSV or JSON, or ClaimReview JSON-LD (claims.exports)."""

from __future__ import annotations

import sys

import click

from claims import exports
from claims.commands.output import fail
from claims.store import ClaimStore


@click.command()
@click.option("--db", "db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--what", type=click.Choice(["claims", "verdicts", "ratings", "claimreview"]), required=True)
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="json", show_default=True)
@click.option("--base-url", default=None, help="where the review app is published (ClaimReview links)")
@click.option("--organization", default=None, help="the publisher named in ClaimReview exports")
@click.option("--subject")
@click.option("--metric")
@click.option("--period")
@click.option("--source")
@click.option("--text", "text_query", help="full-text search over quotes (claims only)")
def export(db: str, what: str, fmt: str, base_url, organization, subject, metric, period, source, text_query) -> None:
    """Export claims, verdicts or claim ratings (CSV or JSON), or ClaimReview JSON-LD."""
    with ClaimStore(db, read_only=True) as store:
        if what == "claimreview":
            if fmt != "json":
                fail("error: ClaimReview is JSON-LD: use --format json", 2)
            reviews = exports.claim_reviews(store, base_url=base_url or exports.DEFAULT_BASE_URL,
                                            organization=organization or exports.DEFAULT_ORGANIZATION)
            exports.write_json(reviews, sys.stdout)
            return
        if what == "claims":
            rows = exports.claim_rows(store, subject=subject, metric=metric, period=period, source=source,
                                      text=text_query)
        elif what == "ratings":
            rows = exports.rating_rows(store)
        else:
            rows = exports.verdict_rows(store)
    if fmt == "csv":
        exports.write_csv(rows, sys.stdout)
    else:
        exports.write_json(rows, sys.stdout)
