"""What a fact-checker meets on the review pages (issue 19): an empty queue that says why
and what to do, a refused verdict that shows its form again with the message, and
documents named by title (not file name) in the queue and in a conflict's explanation."""

from __future__ import annotations

import html as html_lib

import pytest
import requests

from claims.ingest import ingest

from .review_support import alphabet_conflict, build_review_db, copy_db, csrf_from, serve, sign_in
from .review_support import built_db  # noqa: F401 (fixtures)


@pytest.fixture()
def server(built_db, tmp_path):
    live = serve(copy_db(built_db, tmp_path))
    yield live
    live.stop()


@pytest.mark.parametrize(
    "query, says",
    [
        ({"subject": "no such company"}, ["No conflicts match these filters", "subject: no such company", "show every conflict"]),
        ({"status": "confirmed"}, ["No conflicts match these filters", "status: confirmed"]),
    ],
    ids=["subject-filter", "status-filter"],
)
def test_an_empty_queue_says_why_and_what_to_do(server, query, says):
    page = html_lib.unescape(requests.get(server.url + "/", params=query).text)
    for words in says:
        assert words in page
    assert "No conflicts match.</p>" not in page


def test_not_comparable_without_a_reason_shows_the_form_again_with_the_message(server):
    http = requests.Session()
    assert sign_in(http, server.url).status_code == 303
    conflict = alphabet_conflict(server.url)
    token = csrf_from(http.get(server.url + conflict["url"]).text)
    refused = http.post(
        server.url + conflict["url"] + "/verdict",
        data={"csrf_token": token, "status": "not_comparable", "note": "two different fiscal years?"},
        allow_redirects=False,
    )
    assert refused.status_code == 400
    page = html_lib.unescape(refused.text)
    assert 'class="form-error"' in page and "needs a reason" in page
    assert 'id="verdict-form"' in page  # the form itself, not a bare error page
    assert 'value="not_comparable" required checked' in page
    assert "two different fiscal years?</textarea>" in page


TITLED_A = "Acme posts record revenue\nOctober 30, 2025 10:20 PM UTC\n\nAcme said its 2025 revenue was $10 billion, a record for the maker of rockets and anvils.\n"
TITLED_B = "Acme revenue tops forecasts\nUpdated 2 November 2025\n\nAcme said its 2025 revenue was $14 billion, ahead of what analysts had expected for the year.\n"


@pytest.fixture()
def titled_server(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "3f9a1c.txt").write_text(TITLED_A, encoding="utf-8")
    (articles / "b07e22.txt").write_text(TITLED_B, encoding="utf-8")
    db = tmp_path / "titled.db"
    assert ingest([str(articles)], str(db)).added == 2
    live = serve(db)
    yield live
    live.stop()


def test_documents_are_named_by_title_in_the_queue_and_the_explanation(titled_server):
    base = titled_server.url
    [conflict] = requests.get(base + "/", params={"format": "json"}).json()["conflicts"]
    assert "3f9a1c.txt says" in conflict["why"]  # the stored explanation stays as written
    queue = html_lib.unescape(requests.get(base + "/").text)
    assert "Acme posts record revenue" in queue and "Acme revenue tops forecasts" in queue
    page = html_lib.unescape(requests.get(base + conflict["url"]).text)
    why = page[page.index('<p class="why"'):]
    why = why[why.index(">") + 1 : why.index("<span")]
    assert "Acme posts record revenue says '$10 billion'" in why
    assert "Acme revenue tops forecasts says '$14 billion'" in why
    assert ".txt" not in why and "October 30" not in page.split("<h1>")[1].split("</h1>")[0]
    assert requests.get(base + conflict["url"], params={"format": "json"}).json()["explanation"].count("Acme") >= 3
