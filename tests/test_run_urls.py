"""`claims run` on URLs, as a user runs it: a real `claims` process fetching from a real
HTTP server on 127.0.0.1 that serves a good article, a redirect, a 404, a 500 that then
succeeds, a response too slow for the timeout, an oversized body, a binary file, a
windows-1252 page and an RSS feed. URL lists (.urls, --urls) and WARC archives too."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from claims.store import ClaimStore
from tests.conftest import run_claims

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE = (FIXTURES / "fetch" / "article.html").read_bytes()
SECOND = (FIXTURES / "html" / "news_meta.html").read_bytes()
THIRD = (FIXTURES / "html" / "news_jsonld.html").read_bytes()
CP1252 = (FIXTURES / "html" / "cp1252.html").read_bytes()
HTML = "text/html; charset=utf-8"
# Fast, but still the real fetcher: a short timeout for the slow route, no per-host wait.
FAST = ("--allow-private", "--timeout", "0.5", "--min-interval", "0")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", ctype=HTML, headers=()):
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True

    def do_GET(self):
        server = self.server
        path = self.path.split("?")[0]
        with server.lock:
            server.hits[path] = n = server.hits.get(path, 0) + 1
        base = f"http://127.0.0.1:{server.server_address[1]}"
        if path == "/good":
            self.send(200, ARTICLE)
        elif path == "/moved":
            self.send(301, headers=[("Location", "/second")])
        elif path == "/second":
            self.send(200, SECOND)
        elif path == "/flaky":
            self.send(500, b"oops", "text/plain") if n == 1 else self.send(200, THIRD)
        elif path == "/slow":
            server.stop.wait(3)
            self.send(200, ARTICLE)
        elif path == "/huge":
            self.send(200, b"<p>" + b"a" * 6_000_000 + b"</p>")
        elif path == "/report.pdf":
            self.send(200, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 8, "application/pdf")
        elif path == "/cafe":
            self.send(200, CP1252, "text/html; charset=windows-1252")
        elif path == "/feed.rss":
            items = "".join(f"<item><title>{t}</title><link>{base}/{t}</link></item>" for t in ("feed-a", "feed-b"))
            body = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'
            self.send(200, body.encode(), "application/rss+xml")
        elif path == "/feed-a":
            self.send(200, ARTICLE.replace(b"</body>", b"<p>Feed copy A: sales rose 12% to $4 billion.</p></body>"))
        elif path == "/feed-b":
            self.send(200, ARTICLE.replace(b"</body>", b"<p>Feed copy B: profit fell 3% to $2 billion.</p></body>"))
        else:
            self.send(404, b"not found", "text/plain")


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # the client hanging up on the slow and the huge response is expected


@pytest.fixture
def server():
    srv = _Server(("127.0.0.1", 0), Handler)
    srv.hits, srv.lock, srv.stop = {}, threading.Lock(), threading.Event()
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    yield srv
    srv.stop.set()
    srv.shutdown()
    srv.server_close()


def url(server, path):
    return f"http://127.0.0.1:{server.server_address[1]}{path}"


GOOD = ["/good", "/moved", "/flaky", "/cafe"]
BAD = {  # path: what its one stderr line must say
    "/missing": "HTTP 404",
    "/slow": "timed out",
    "/huge": "larger than",
    "/report.pdf": "not text (content-type application/pdf)",
}


def test_run_urls_end_to_end_then_rerun_fetches_nothing_stored(server, tmp_path):
    db = tmp_path / "urls.db"
    listed = tmp_path / "batch.txt"  # via --urls: any file name
    listed.write_text("# today's batch\n" + "\n".join(url(server, p) for p in GOOD[1:] + list(BAD)) + "\n")
    first = run_claims("run", url(server, "/good"), url(server, "/feed.rss"), "--urls", str(listed),
                       "--db", str(db), *FAST, check=False)
    assert first.returncode == 1, first.stderr
    assert "Traceback" not in first.stderr
    errors = first.stderr.strip().splitlines()
    assert len(errors) == len(BAD), first.stderr
    for path, says in BAD.items():
        [line] = [e for e in errors if e.startswith(url(server, path) + ": ")]
        assert says in line, line
    assert "6 new document(s), 0 already stored, 4 failed; database holds 6 documents" in first.stdout

    with ClaimStore(db) as store:
        docs = {d.doc.rsplit("/", 1)[1]: d for d in store.documents()}
        assert sorted(docs) == ["cafe", "feed-a", "feed-b", "flaky", "good", "moved"]
        assert docs["moved"].final_url == url(server, "/second")
        cafe = store.article(docs["cafe"].id)
        assert "€1,850" in cafe.text and docs["cafe"].encoding == "windows-1252"
        assert cafe.title == "Café owners fear “soaring” costs"
        assert any(c.surface == "€1,850" and c.unit == "EUR" for c in store.claims(doc=url(server, "/cafe")))
        assert store.claims(doc=url(server, "/good"))
        # The raw bytes are kept: a re-run needs no network.
        assert store.source(docs["good"].id).raw == ARTICLE
        assert {f.doc for f in store.failures()} == {url(server, p) for p in BAD}

    before = dict(server.hits)
    second = run_claims("run", url(server, "/good"), url(server, "/feed.rss"), "--urls", str(listed),
                        "--db", str(db), *FAST, check=False)
    assert "0 new document(s), 6 already stored, 4 failed; database holds 6 documents" in second.stdout
    fetched_again = {p for p, n in server.hits.items() if n > before.get(p, 0)}
    # Only the feed (not a document: it changes) and the inputs that failed are asked again.
    assert fetched_again <= {"/feed.rss", "/robots.txt"} | set(BAD), fetched_again


def test_refetch_asks_again_and_adds_nothing_unchanged(server, tmp_path):
    db = tmp_path / "r.db"
    run_claims("run", url(server, "/good"), "--db", str(db), *FAST)
    again = run_claims("run", url(server, "/good"), "--db", str(db), "--refetch", *FAST)
    assert server.hits["/good"] == 2
    assert "0 new document(s), 1 already stored, 0 failed" in again.stdout


def test_url_list_path_reports_each_bad_line_and_fetches_the_rest(server, tmp_path):
    listed = tmp_path / "today.urls"
    listed.write_text(f"{url(server, '/good')}\nftp://files.example.com/a.txt\n\n# note\nnot a url\n"
                      f"{url(server, '/cafe')}\n{url(server, '/good')}\n")
    proc = run_claims("run", str(listed), "--db", str(tmp_path / "l.db"), *FAST, check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [
        f"{listed}:2: not an http(s) URL: 'ftp://files.example.com/a.txt'",
        f"{listed}:5: not an http(s) URL: 'not a url'",
    ]
    assert "2 new document(s), 0 already stored, 2 failed" in proc.stdout
    assert server.hits["/good"] == 1  # a repeated line is fetched once


def test_missing_url_list_is_one_error(tmp_path):
    proc = run_claims("run", "--urls", str(tmp_path / "none.urls"), "--db", str(tmp_path / "m.db"), check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"{tmp_path / 'none.urls'}: cannot read: No such file or directory"


def test_run_needs_an_input(tmp_path):
    proc = run_claims("run", "--db", str(tmp_path / "n.db"), check=False)
    assert proc.returncode == 2 and "at least one PATH" in proc.stderr


def _warc(path: Path) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=path.suffix == ".gz")
        for uri, status, ctype, body in [
            ("https://news.example.com/capex", "200 OK", "text/html; charset=utf-8", ARTICLE),
            ("https://news.example.com/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 32),
            ("https://news.example.com/gone", "404 Not Found", "text/html", b"<p>gone</p>"),
            ("https://news.example.com/cafe", "200 OK", "text/html; charset=windows-1252", CP1252),
        ]:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=BytesIO(body),
                                                          http_headers=headers))


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_are_documents(tmp_path, name):
    archive = tmp_path / name
    _warc(archive)
    db = tmp_path / "w.db"
    proc = run_claims("run", str(archive), "--db", str(db))
    assert "2 new document(s), 0 already stored, 0 failed" in proc.stdout
    with ClaimStore(db) as store:
        docs = {d.doc: d for d in store.documents()}
        assert set(docs) == {"https://news.example.com/capex", "https://news.example.com/cafe"}
        assert store.source(docs["https://news.example.com/capex"].id).raw == ARTICLE
        assert "€1,850" in store.article(docs["https://news.example.com/cafe"].id).text
        assert [c.surface for c in store.claims(doc="https://news.example.com/capex")][:1] == ["$175 billion"]
    again = run_claims("run", str(archive), "--db", str(db))
    assert "0 new document(s), 2 already stored, 0 failed" in again.stdout


def test_a_file_that_is_not_a_warc_is_one_error(tmp_path):
    bad = tmp_path / "broken.warc"
    bad.write_bytes(b"this is not an archive\n" * 10)
    proc = run_claims("run", str(bad), "--db", str(tmp_path / "b.db"), check=False)
    assert proc.returncode == 1
    [line] = proc.stderr.strip().splitlines()
    assert line.startswith(f"{bad}: not a readable WARC archive")
