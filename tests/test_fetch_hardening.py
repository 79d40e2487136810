"""Issue 18, item 12: IPv6 spellings of private IPv4 hosts are refused, a feed's items are
capped, and waiting on Retry-After has a budget per URL and per run. The real fetcher
against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from extract.fetch import FetchError, Fetcher, FetchPolicy
from tests.conftest import run_claims

ARTICLE = (Path(__file__).parent / "fixtures" / "fetch" / "article.html").read_bytes()


@pytest.mark.parametrize("url, carried", [
    ("http://[2002:7f00:1::]/a", "127.0.0.1 (a loopback address)"),
    ("http://[2002:a00:1::]/a", "10.0.0.1 (a private address)"),
    ("http://[2002:a9fe:a9fe::]/latest/meta-data/", "169.254.169.254 (a link-local address)"),
], ids=["6to4-loopback", "6to4-private", "6to4-metadata"])
def test_6to4_addresses_of_private_hosts_are_refused(url, carried):
    with pytest.raises(FetchError) as info:
        Fetcher(FetchPolicy(timeout=0.5)).fetch(url)
    assert str(info.value).endswith(f"carries {carried}")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        status, ctype, body, extra = 200, "text/html; charset=utf-8", ARTICLE, []
        if self.path == "/feed.xml":
            items = "".join(f"<item><title>{i}</title><link>{base}/story/{i}</link></item>" for i in range(6))
            ctype, body = "application/rss+xml", f'<?xml version="1.0"?><rss><channel>{items}</channel></rss>'.encode()
        elif self.path.startswith("/busy"):
            status, ctype, body, extra = 503, "text/plain", b"busy", [("Retry-After", "1")]
        elif self.path.startswith("/story/"):
            body = ARTICLE.replace(b"</title>", self.path.encode() + b"</title>", 1) + self.path.encode()
        self.send_response(status)
        for k, v in [("Content-Type", ctype), ("Content-Length", str(len(body))), ("Connection", "close")] + extra:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_feed_is_read_up_to_its_item_cap_and_the_rest_reported(server, tmp_path):
    proc = run_claims("run", f"{server}/feed.xml", "--db", str(tmp_path / "f.db"), "--allow-private",
                      "--min-interval", "0", "--feed-items", "2", check=False)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [f"{server}/feed.xml: 4 of its 6 items not read (at most 2: --feed-items)"]
    assert "2 new document(s), 0 already stored, 1 failed" in proc.stdout


def test_retry_after_waits_stop_at_the_url_budget(server):
    fetcher = Fetcher(FetchPolicy(allow_private=True, min_interval=0, retries=5, url_retry_budget=1.5))
    started = time.monotonic()
    with pytest.raises(FetchError) as info:
        fetcher.fetch(f"{server}/busy")
    assert "beyond this URL's retry budget of 1.5 s" in str(info.value)
    assert time.monotonic() - started < 5


def test_retry_after_waits_stop_at_the_run_budget(server):
    fetcher = Fetcher(FetchPolicy(allow_private=True, min_interval=0, retries=5, url_retry_budget=2, retry_budget=3))
    reasons = []
    for n in range(3):
        with pytest.raises(FetchError) as info:
            fetcher.fetch(f"{server}/busy{n}")
        reasons.append(str(info.value))
    assert [("the run's retry budget" in r) for r in reasons] == [False, True, True]
