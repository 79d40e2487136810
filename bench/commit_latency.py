"""How soon a finished document is stored while the next one is slow to come (issue 18).

A local HTTP server on 127.0.0.1 serves one article at once and holds the second page
for --hold seconds. `claims run URL1 URL2` (a real process, --workers 1 and 2) fetches
both; the figure is the seconds from the second page being asked for to the first
document being in the database. Before the read-ahead and the stalled batch, the first
document waited for the second page (all --hold seconds, and a kill lost it).

Usage:  python bench/commit_latency.py [--hold SECONDS] [--workers 1 2]
Timed thresholds live here, never in tests.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Optional

REPO = Path(__file__).resolve().parents[1]
PAGES = {
    "/first": (REPO / "tests" / "fixtures" / "fetch" / "article.html").read_bytes(),
    "/second": (REPO / "tests" / "fixtures" / "html" / "news_meta.html").read_bytes(),
}
# Acceptance (issue 18): "finished documents are committed within seconds whatever comes
# next": the writer commits within 2 s, the held batch is cut after 0.3 s.
MAX_SECONDS = 5.0


class SlowSecondPage(BaseHTTPRequestHandler):
    """Serves PAGES; "/second" is held until `server.release` is set or `server.hold` passes."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/second":
            self.server.second_asked.set()
            self.server.release.wait(self.server.hold)
        body = PAGES.get(path, b"")
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True


class HeldPageServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass


def serve_held_pages(hold: float) -> HeldPageServer:
    """A server on 127.0.0.1 (shared with tests/test_batch_stream.py), serving on its own thread."""
    srv = HeldPageServer(("127.0.0.1", 0), SlowSecondPage)
    srv.second_asked, srv.release, srv.hold = threading.Event(), threading.Event(), hold
    threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True).start()
    return srv


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:  # not created yet
        return 0


def latency(workers: int, hold: float, tmp: Path) -> Optional[float]:
    """Seconds from the second page asked for to the first document stored (None: not
    stored while the second page was held)."""
    srv = serve_held_pages(hold)
    base = f"http://127.0.0.1:{srv.server_address[1]}"
    db = tmp / f"latency-w{workers}.db"
    proc = subprocess.Popen([sys.executable, "-m", "claims", "run", f"{base}/first", f"{base}/second", "--db", str(db),
                             "--allow-private", "--min-interval", "1", "--timeout", str(hold + 30),
                             "--workers", str(workers)], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if not srv.second_asked.wait(hold + 60):
            return None
        asked = time.monotonic()
        while time.monotonic() - asked < hold and not _stored(db):
            time.sleep(0.05)
        seconds = time.monotonic() - asked
        return seconds if seconds < hold else None
    finally:
        srv.release.set()
        proc.wait()
        srv.shutdown()
        srv.server_close()


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--hold", type=float, default=30.0, help="seconds the second page is held (default 30)")
    ap.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    args = ap.parse_args(argv)
    ok = True
    with tempfile.TemporaryDirectory(prefix="claims-latency-") as tmp:
        print(f"| workers | first document stored after (s), second page held {args.hold:.0f} s | 1-minute load |")
        print("| --- | --- | --- |")
        for w in args.workers:
            seconds = latency(w, args.hold, Path(tmp))
            ok &= seconds is not None and seconds <= MAX_SECONDS
            shown = f"{seconds:.2f}" if seconds is not None else f"not stored within {args.hold:.0f}"
            print(f"| {w} | {shown} | {os.getloadavg()[0]:.1f} |")
    print(f"\nall within {MAX_SECONDS} s: {'ok' if ok else 'NO'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
