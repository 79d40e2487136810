"""End to end in a real browser: Debian's chromium, driven by Playwright, against
`claims review` (waitress) serving a database `claims run corpus/` built.

A reviewer signs in, opens the Alphabet conflict from the queue, records a verdict,
finds it in the queue and the audit log, and exports ClaimReview JSON-LD.
(scripts/setup installs chromium when /usr/bin/chromium is missing.)
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from claims.exports import claimreview_problems

from .conftest import ROOT, run_claims

CHROMIUM = "/usr/bin/chromium"
REVIEWER, PASSWORD = "maria", "an editor's long password"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def review_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("e2e")
    db = folder / "claims.db"
    run_claims("run", "corpus/", "--db", str(db))
    added = subprocess.run(
        [sys.executable, "-m", "claims", "user", "add", REVIEWER, "--db", str(db), "--password-stdin"],
        input=PASSWORD + "\n", capture_output=True, text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    assert "added" in added.stdout
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "claims", "review", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/login", timeout=2):
                break
        except OSError:
            if server.poll() is not None:
                raise AssertionError(f"claims review exited: {server.stderr.read()}")
            if time.monotonic() > deadline:
                server.kill()
                raise
            time.sleep(0.2)
    yield base, db
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/setup (it installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM)
        yield chromium
        chromium.close()


def test_a_reviewer_records_a_verdict_and_exports_claimreview(review_server, browser):
    base, db = review_server
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    console_errors = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)

    # Reading is open: the queue lists the Alphabet conflict, and offers no verdict form.
    page.goto(base + "/")
    row = page.locator("table.queue tr.conflict", has_text="Alphabet")
    assert row.count() == 1
    assert "$175 and $185 billion" in row.inner_text() and "$180-190 billion" in row.inner_text()
    assert "open" in row.locator(".badge").inner_text()

    # Sign in from the header; the sign-in page brings the reviewer back.
    page.click("header.site >> text=Sign in")
    page.fill("input[name=name]", REVIEWER)
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login button[type=submit]")
    assert page.locator(".flash").inner_text() == f"Signed in as {REVIEWER}."
    assert page.locator("header .user-name").inner_text() == REVIEWER
    cookie = next(c for c in context.cookies() if c["name"] == "claims_review")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"

    # Open the conflict from the queue, filtered to Alphabet.
    page.fill("form.filters input[name=subject]", "Alphabet")
    page.click("form.filters button[type=submit]")
    page.click("table.queue tr.conflict a")
    assert page.url.startswith(base + "/conflict/")
    assert page.locator("h1").inner_text().startswith("Alphabet · capex · 2026")
    assert page.locator(".side-a .excerpt mark").inner_text() == "$175 and $185 billion"
    assert page.locator(".side-b .excerpt mark").inner_text() == "$180-190 billion"
    assert "doubled its guidance to between" in page.locator(".side-a .excerpt .in-quote").first.inner_text()

    # Record a verdict.
    page.check("input[name=status][value=b_wrong]")
    page.fill("textarea[name=note]", "Alphabet's filing says $175-185 billion.")
    page.click("section.verdict button.primary")
    assert page.locator(".flash").inner_text() == "Verdict recorded: side B wrong."
    assert "side B wrong" in page.locator(".current-verdict").inner_text()
    assert REVIEWER in page.locator("table.history").inner_text()
    shot = screenshot_path("review-conflict.png")
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000

    # The queue shows it under its status, and the audit log has the entry.
    page.goto(base + "/")
    page.select_option("form.filters select[name=status]", "b_wrong")
    page.click("form.filters button[type=submit]")
    rows = page.locator("table.queue tr.conflict")
    assert rows.count() == 1 and "side B wrong" in rows.first.inner_text()
    assert REVIEWER in rows.first.inner_text()
    page.click("nav >> text=Audit log")
    entry = page.locator("table.audit tr.audit-entry").first
    text = entry.inner_text()
    assert REVIEWER in text and "side B wrong" in text and "$180-190 billion" in text
    assert "Alphabet's filing says $175-185 billion." in text

    # Export ClaimReview from the exports page, with the browser's own session.
    page.click("nav >> text=Exports")
    href = page.locator("a", has_text="claimreview (json)").get_attribute("href")
    response = page.request.get(base + href)
    assert response.ok and response.headers["content-type"].startswith("application/ld+json")
    reviews = json.loads(response.text())
    assert len(reviews) == 1
    [review] = reviews
    assert claimreview_problems(review) == []
    assert review["claimReviewed"] == "Alphabet raised its 2026 capital expenditure guidance to $180-190 billion."
    assert review["reviewRating"]["alternateName"] == "False"
    assert review["url"].startswith(base + "/conflict/")

    # Signing out ends the right to write.
    page.goto(base + "/")
    page.locator("header.site button", has_text="Sign out").click()
    assert page.locator(".flash").inner_text() == "Signed out."
    assert page.locator("header.site >> text=Sign in").count() == 1
    assert console_errors == []  # no CSP violations, nothing broken
    context.close()


@pytest.mark.parametrize("path", ["/", "/claims", "/facts", "/audit", "/export", "ALPHABET", "/fact/1"], ids=["queue", "claims", "facts", "audit", "exports", "conflict", "claim"])
def test_no_page_is_wider_than_a_phone(review_server, browser, path):
    base, _db = review_server
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    if path == "ALPHABET":
        page.goto(base + "/")
        path = page.locator("table.queue tr.conflict", has_text="Alphabet").locator("a").first.get_attribute("href")
    page.goto(base + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    if path == "/claims":
        page.screenshot(path=str(screenshot_path("review-phone-claims.png")))
    context.close()
    assert overflow <= 0


def test_claims_browser_shows_kind_hedge_title_and_marks_the_figure(review_server, browser):
    base, _db = review_server
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + "/claims")
    row = page.locator("table.claims tr.claim").first
    assert row.locator("mark.surface").count() == 1
    assert row.locator("mark.surface").inner_text() in row.locator("td").first.inner_text()
    assert row.locator("td.kind").inner_text().strip() not in ("", "—")
    assert page.locator("th", has_text="kind").count() == 1
    # "approximately $600 billion": an estimate, hedged "about"; "95%" as written: no hedge.
    page.goto(base + "/claims?q=approximately")
    kinds = {
        r.locator("mark.surface").inner_text(): r.locator("td.kind").inner_text().strip()
        for r in page.locator("table.claims tr.claim").all()
    }
    assert kinds["$600 billion"] == "estimate · about"
    assert kinds["95%"] in ("fact", "estimate", "forecast")
    assert not any(k.startswith("Kind.") for k in kinds.values())
    page.screenshot(path=str(screenshot_path("review-claims.png")), full_page=False)
    context.close()


def screenshot_path(name: str) -> Path:
    """Where a browser test saves its screenshot: $CLAIMS_SCREENSHOTS (the README's are
    made with CLAIMS_SCREENSHOTS=docs), else a temporary folder."""
    folder = Path(os.environ.get("CLAIMS_SCREENSHOTS") or tempfile.gettempdir())
    folder = folder if folder.is_absolute() else ROOT / folder
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def sign_in_page(page, base: str) -> None:
    page.goto(base + "/login")
    page.fill("input[name=name]", REVIEWER)
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login button[type=submit]")
    assert page.locator(".flash").inner_text() == f"Signed in as {REVIEWER}."


def test_a_reviewer_rates_a_single_claim(review_server, browser):
    base, _db = review_server
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    console_errors = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    sign_in_page(page, base)

    # From the claims browser, the unrated claim's "rate" link opens its page.
    page.goto(base + "/claims?q=" + "Amazon alone has committed")
    row = page.locator("table.claims tr.claim", has=page.locator("mark.surface", has_text="$200 billion")).first
    row.locator("td.rating-cell a", has_text="rate").click()
    assert "/fact/" in page.url
    assert page.locator("section.rating").inner_text().count("Not rated yet.") == 1

    # "Inaccurate" without a correction: the form comes back with the message and the note.
    page.check("input[name=rating][value=inaccurate]")
    page.fill("textarea[name=note]", "Amazon's guidance on the Q4 call was about $150 billion.")
    page.click("#rating-form button.primary")
    assert "needs a correction" in page.locator("#rating-form .form-error").inner_text()
    assert page.locator("textarea[name=note]").input_value() == "Amazon's guidance on the Q4 call was about $150 billion."
    assert page.locator("input[name=rating][value=inaccurate]").is_checked()

    page.fill("input[name=correction]", "$150 billion")
    page.click("#rating-form button.primary")
    assert page.locator(".flash").inner_text() == "Rating recorded: inaccurate."
    current = page.locator(".current-rating").inner_text()
    assert "inaccurate" in current and REVIEWER in current and "$150 billion" in current
    page.screenshot(path=str(screenshot_path("review-rating.png")), full_page=True)

    # The claims browser shows the rating; the audit log lists it; ClaimReview exports it.
    page.goto(base + "/claims?q=" + "Amazon alone has committed")
    assert "inaccurate" in page.locator("table.claims td.rating-cell .badge").first.inner_text()
    page.goto(base + "/audit")
    entry = page.locator("table.audit tr.rating-entry").first
    assert "inaccurate" in entry.inner_text() and "correction: $150 billion" in entry.inner_text()
    reviews = json.loads(page.request.get(base + "/export/claimreview.json").text())
    [rated] = [r for r in reviews if r["url"].startswith(base + "/fact/")]
    assert claimreview_problems(rated) == []
    assert rated["reviewRating"]["alternateName"] == "False"
    assert "Correction: $150 billion." in rated["reviewRating"]["ratingExplanation"]
    # The refused form came back with status 400, which chromium logs; nothing else.
    assert [e for e in console_errors if "status of 400" not in e] == []
    context.close()


def test_an_empty_queue_and_a_refused_verdict_say_what_to_do(review_server, browser):
    base, _db = review_server
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + "/?subject=no+such+company")
    empty = page.locator(".empty").inner_text()
    assert "No conflicts match these filters (subject: no such company)." in empty
    page.click(".empty >> text=show every conflict")
    assert page.locator("table.queue tr.conflict").count() >= 1

    sign_in_page(page, base)
    page.goto(base + "/?subject=Alphabet")
    page.click("table.queue tr.conflict a")
    page.check("input[name=status][value=not_comparable]")
    page.fill("textarea[name=note]", "Guidance for two different years?")
    page.click("section.verdict button.primary")
    assert "needs a reason" in page.locator("#verdict-form .form-error").inner_text()
    assert page.locator("input[name=status][value=not_comparable]").is_checked()
    assert page.locator("textarea[name=note]").input_value() == "Guidance for two different years?"
    assert page.locator("h1").inner_text().startswith("Alphabet · capex · 2026")  # the page, not a bare error
    context.close()
