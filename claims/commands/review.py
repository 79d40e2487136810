"""`claims review`: serve the editorial review web app (claims.review.create_app)."""

from __future__ import annotations

from typing import Optional

import click
from waitress import serve

from claims.exports import DEFAULT_ORGANIZATION
from claims.review import create_app


@click.command()
@click.option("--db", "db", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8023, show_default=True, type=int)
@click.option("--secure-cookies", is_flag=True, help="send the session cookie over HTTPS only (behind a TLS proxy)")
@click.option("--organization", default=None, help="the publisher named in ClaimReview exports")
@click.option("--base-url", default=None, help="where the app is published (ClaimReview links); default http://HOST:PORT/")
def review(
    db: str, host: str, port: int, secure_cookies: bool, organization: Optional[str], base_url: Optional[str]
) -> None:
    """Serve the editorial review web app.

    Reading is open; recording verdicts needs an account (`claims user add`).
    """
    app = create_app(
        db, secure_cookies=secure_cookies, organization=organization or DEFAULT_ORGANIZATION,
        base_url=base_url or f"http://{host}:{port}/",
    )
    click.echo(f"claims review: serving {db} on http://{host}:{port}/", err=True)
    serve(app, host=host, port=port, threads=8)
