"""Take the README's screenshot of the review app's conflict page: docs/review-conflict.png.

Builds a database from corpus/ with the real pipeline, adds a reviewer, serves the app
with `claims review` on 127.0.0.1, signs in with Debian's chromium (Playwright), opens
the Alphabet conflict, records a verdict and photographs the page.

Usage:  python bench/screenshot.py [--out docs/review-conflict.png] [--width 1280]
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
REVIEWER, PASSWORD = "editor", "correct horse battery staple"


def claims(*args: str, stdin: str | None = None) -> None:
    subprocess.run([sys.executable, "-m", "claims", *args], cwd=ROOT, input=stdin, text=True, check=True,
                   capture_output=True)  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "docs" / "review-conflict.png"))
    ap.add_argument("--width", type=int, default=1280)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "claims.db")
        claims("run", "corpus/", "--db", db)
        claims("user", "add", REVIEWER, "--db", db, "--password-stdin", stdin=PASSWORD + "\n")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [sys.executable, "-m", "claims", "review", "--db", db, "--port", str(port)],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            wait_until_up(base + "/login")
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM)
                page = browser.new_page(viewport={"width": args.width, "height": 900})
                page.goto(base + "/login")
                page.fill("input[name=name]", REVIEWER)
                page.fill("input[name=password]", PASSWORD)
                page.click("button[type=submit]")
                page.goto(base + "/?subject=Alphabet&metric=capex")
                page.click("table.queue tr.conflict a")
                page.check("input[name=status][value=confirmed]")
                page.fill(
                    "textarea[name=note]",
                    "Both articles report Alphabet's 2026 capex guidance; the ranges differ.",
                )
                page.click("form button.primary")
                page.wait_for_selector("p.flash")
                Path(args.out).parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=args.out, full_page=True)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
