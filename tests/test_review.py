"""The review app on a real database built by the real pipeline."""

import pytest

from claims.ingest import ingest
from claims.review import create_app


@pytest.fixture()
def hostile_db(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Acme said its 2025 revenue was $10 billion <script>alert(1)</script>.\n", encoding="utf-8")
    b.write_text("Acme said its 2025 revenue was $14 billion. <img src=x onerror=alert(2)>\n", encoding="utf-8")
    db = tmp_path / "r.db"
    report = ingest([str(a), str(b)], str(db))
    assert report.failed == 0
    return db


def test_queue_escapes_article_text(hostile_db):
    client = create_app(hostile_db).test_client()
    page = client.get("/")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "$10 billion" in html and "$14 billion" in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]


def test_queue_has_a_json_twin(hostile_db):
    client = create_app(hostile_db).test_client()
    data = client.get("/?format=json").get_json()
    assert len(data) == 1
    assert {data[0]["a"]["value"], data[0]["b"]["value"]} == {10e9, 14e9}
    assert data[0]["a"]["subject"] == "Acme" and data[0]["a"]["metric"] == "revenue"
