"""What a fact-checker meets on the review pages (issue 19): an empty queue that says why
and what to do, and a refused verdict that shows its form again with the message."""

from __future__ import annotations

import html as html_lib

import pytest
import requests

from .review_support import alphabet_conflict, build_review_db, copy_db, csrf_from, serve, sign_in


@pytest.fixture(scope="module")
def built_db(tmp_path_factory):
    return build_review_db(tmp_path_factory.mktemp("review-pages"))


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
