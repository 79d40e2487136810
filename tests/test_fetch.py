"""The fetcher against a real HTTP server on 127.0.0.1: no mocks."""

from __future__ import annotations

import gzip
import re
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from extract.feeds import feed_links, is_feed
from extract.fetch import USER_AGENT, FetchError, Fetcher, FetchPolicy, RobotsRules, fetch_url

FIXTURES = Path(__file__).parent / "fixtures" / "fetch"
ARTICLE = (FIXTURES / "article.html").read_bytes()
HTML = "text/html; charset=utf-8"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64


@dataclass
class Site:
    """What the test server serves and what it saw."""

    robots_status: int = 200
    robots_body: bytes = (FIXTURES / "robots.txt").read_bytes()
    robots_slow: bool = False
    counts: dict = field(default_factory=dict)
    agents: list = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    port: int = 0

    def hit(self, path: str) -> int:
        self.counts[path] = self.counts.get(path, 0) + 1
        return self.counts[path]


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

    def redirect(self, status, location):
        self.send(status, b"", headers=[("Location", location)])

    def do_GET(self):
        site: Site = self.server.site
        path = self.path.split("?")[0]
        n = site.hit(path)
        site.agents.append(self.headers.get("User-Agent"))
        route = getattr(self, "route_" + path.strip("/").replace("/", "_").replace("-", "_").replace(".", "_"), None)
        if route is None:
            return self.send(404, b"not found", "text/plain")
        route(site, n)

    # Routes: /a-b.c is served by route_a_b_c.
    def route_robots_txt(self, site, n):
        if site.robots_slow:
            return self.route_slow(site, n)
        self.send(site.robots_status, site.robots_body, "text/plain")

    def route_article(self, site, n):
        self.send(200, ARTICLE)

    def route_private_secret(self, site, n):
        self.send(200, ARTICLE)

    route_private_open = route_private_secret

    def route_r1(self, site, n):
        self.redirect(301, "/r2")

    def route_r2(self, site, n):
        self.redirect(302, f"http://127.0.0.1:{site.port}/article")

    def route_loop_a(self, site, n):
        self.redirect(302, "/loop-b")

    def route_loop_b(self, site, n):
        self.redirect(302, "/loop-a")

    def route_no_location(self, site, n):
        self.send(302, b"")

    def route_to_private(self, site, n):
        self.redirect(302, "http://10.0.0.1/secret")

    def route_to_localhost(self, site, n):
        self.redirect(302, f"http://localhost:{site.port}/article")

    def route_to_unicode(self, site, n):
        self.redirect(302, "/café".encode("utf-8").decode("latin-1"))  # raw UTF-8 bytes on the wire

    def route_to_ftp(self, site, n):
        self.redirect(302, "ftp://files.example.com/a.txt")

    def route_flaky(self, site, n):
        self.send(500, b"oops", "text/plain") if n == 1 else self.send(200, ARTICLE)

    def route_unavailable(self, site, n):
        self.send(503, b"busy", "text/plain")

    def route_throttled(self, site, n):
        if n == 1:
            self.send(429, b"slow down", "text/plain", [("Retry-After", "0")])
        else:
            self.send(200, ARTICLE)

    def route_throttled_long(self, site, n):
        self.send(429, b"slow down", "text/plain", [("Retry-After", "3600")])

    def route_drop_once(self, site, n):
        if n == 1:  # close without a response: a connection error the client retries
            self.close_connection = True
            return
        self.send(200, ARTICLE)

    def route_slow(self, site, n):
        site.stop.wait(3)
        self.send(200, ARTICLE)

    def route_trickle(self, site, n):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "100")
        self.end_headers()
        for _ in range(100):
            if site.stop.wait(0.1):
                return
            self.wfile.write(b"x")
        self.close_connection = True

    def route_big(self, site, n):
        self.send(200, b"<p>" + b"a" * 6000 + b"</p>")

    def route_big_chunked(self, site, n):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Connection", "close")
        self.end_headers()
        for _ in range(10):
            self.wfile.write(b"3e8\r\n" + b"b" * 1000 + b"\r\n")
        self.wfile.write(b"0\r\n\r\n")
        self.close_connection = True

    def route_image_png(self, site, n):
        self.send(200, PNG, "image/png")

    def route_download(self, site, n):
        self.send(200, b"PK\x03\x04", "application/octet-stream")

    def route_nul(self, site, n):
        self.send(200, b"text\x00with\x00nuls", "text/plain")

    def route_empty(self, site, n):
        self.send(200, b"")

    def route_cp1252_header(self, site, n):
        self.send(200, (FIXTURES / "cp1252-header.html").read_bytes(), "text/html; charset=windows-1252")

    def route_cp1252_meta(self, site, n):
        self.send(200, (FIXTURES / "cp1252-meta.html").read_bytes(), "text/html")

    def route_gzip(self, site, n):
        self.send(200, gzip.compress(ARTICLE), HTML, [("Content-Encoding", "gzip")])

    def route_deflate(self, site, n):
        self.send(200, zlib.compress(ARTICLE), HTML, [("Content-Encoding", "deflate")])

    def route_gzip_bomb(self, site, n):
        self.send(200, gzip.compress(b"a" * 1_000_000), HTML, [("Content-Encoding", "gzip")])

    def route_no_type(self, site, n):
        self.send(200, ARTICLE, None)

    def route_feed_rss(self, site, n):
        self.send(200, (FIXTURES / "feed.rss").read_bytes(), "application/rss+xml")

    def route_feed_atom(self, site, n):
        self.send(200, (FIXTURES / "feed.atom").read_bytes(), "application/atom+xml; charset=utf-8")

    def route_feed_cp1252_rss(self, site, n):
        self.send(200, (FIXTURES / "feed-cp1252.rss").read_bytes(), "application/xml")


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # the client hanging up on a slow or big response is expected here


@pytest.fixture
def site():
    server = _Server(("127.0.0.1", 0), Handler)
    server.site = Site(port=server.server_address[1])
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    yield server.site
    server.site.stop.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def tls_site():
    server = _Server(("127.0.0.1", 0), Handler)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(FIXTURES / "tls-cert.pem", FIXTURES / "tls-key.pem")
    server.socket = ctx.wrap_socket(server.socket, server_side=True)
    server.site = Site(port=server.server_address[1])
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
    thread.start()
    yield server.site
    server.site.stop.set()
    server.shutdown()
    server.server_close()


def base(site: Site) -> str:
    return f"http://127.0.0.1:{site.port}"


def policy(**kw) -> FetchPolicy:
    defaults = dict(timeout=0.5, deadline=5.0, max_bytes=5000, retries=2, backoff=0.01,
                    min_interval=0.0, allow_private=True)
    return FetchPolicy(**{**defaults, **kw})


def fetcher(**kw) -> Fetcher:
    return Fetcher(policy(**kw))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- successes ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "path, final, encoding, needle",
    [
        ("/article", "/article", "utf-8", "Capital expenditure rose to $175 billion"),
        ("/r1", "/article", "utf-8", "up 40% — a record"),
        ("/cp1252-header", "/cp1252-header", "windows-1252", "Un café coûte 3 € à Paris."),
        ("/cp1252-meta", "/cp1252-meta", "windows-1252", "Un café coûte 3 € à Paris."),
        ("/gzip", "/gzip", "utf-8", "Capital expenditure"),
        ("/deflate", "/deflate", "utf-8", "Capital expenditure"),
        ("/flaky", "/flaky", "utf-8", "Capital expenditure"),
        ("/throttled", "/throttled", "utf-8", "Capital expenditure"),
        ("/drop-once", "/drop-once", "utf-8", "Capital expenditure"),
        ("/private/open", "/private/open", "utf-8", "Capital expenditure"),
        ("/no-type", "/no-type", "utf-8", "Capital expenditure"),
    ],
    ids=["article", "redirect-chain", "cp1252-header", "cp1252-meta", "gzip", "deflate",
         "500-then-ok", "429-retry-after-0", "dropped-then-ok", "robots-allow-longest", "no-content-type"],
)
def test_fetch_ok(site, path, final, encoding, needle):
    url = base(site) + path
    src = fetcher().fetch(url)
    assert src.doc == src.url == url
    assert src.final_url == base(site) + final
    assert src.encoding == encoding
    assert needle in src.text
    assert src.media_type == "text/html"
    assert src.fetched_at is not None and src.fetched_at.tzinfo is not None
    assert not src.raw.startswith(b"\x1f\x8b")  # raw is the decoded body


def test_retries_are_counted(site):
    fetcher().fetch(base(site) + "/flaky")
    fetcher().fetch(base(site) + "/throttled")
    assert site.counts["/flaky"] == 2 and site.counts["/throttled"] == 2


def test_user_agent_is_honest(site):
    fetcher().fetch(base(site) + "/article")
    assert re.fullmatch(r"claims/\S+ \(\+https://github\.com/claims-project/claims\)", USER_AGENT)
    assert site.agents and set(site.agents) == {USER_AGENT}


# --- failures: one line each ------------------------------------------------------------

@pytest.mark.parametrize(
    "path, kw, reason",
    [
        ("/missing", {}, "HTTP 404 Not Found"),
        ("/unavailable", {}, "HTTP 503 Service Unavailable (gave up after 3 attempts)"),
        ("/unavailable", {"retries": 0}, "HTTP 503 Service Unavailable"),
        ("/throttled-long", {"max_retry_after": 5},
         "HTTP 429 Too Many Requests (Retry-After 3600 s is beyond the 5 s limit)"),
        ("/loop-a", {}, "too many redirects (>5)"),
        ("/r1", {"max_redirects": 1}, "too many redirects (>1)"),
        ("/no-location", {}, "HTTP 302 Found without a Location header"),
        ("/slow", {}, "timed out after 0.5 s"),
        ("/trickle", {"timeout": 0.5, "deadline": 0.8}, "timed out after 0.8 s (total deadline)"),
        ("/big", {}, "response larger than 5000 bytes"),
        ("/big-chunked", {}, "response larger than 5000 bytes"),
        ("/gzip-bomb", {}, "content-encoding gzip: decompresses to more than 5000 bytes"),
        ("/image.png", {}, "not text (content-type image/png)"),
        ("/download", {}, "not text (content-type application/octet-stream)"),
        ("/nul", {}, "not text (NUL bytes in a text/plain response)"),
        ("/empty", {}, "empty response body"),
        ("/private/secret", {}, "disallowed by robots.txt"),
        ("/to-ftp", {}, "refused: scheme 'ftp' is not http or https (redirected to ftp://files.example.com/a.txt)"),
    ],
    ids=["404", "503-retried", "503-no-retry", "retry-after-too-long", "redirect-loop", "redirect-limit",
         "redirect-no-location", "timeout", "deadline", "too-big", "too-big-chunked", "gzip-bomb",
         "png", "octet-stream", "nul-bytes", "empty", "robots-disallow", "redirect-to-ftp"],
)
def test_fetch_fails(site, path, kw, reason):
    url = base(site) + path
    with pytest.raises(FetchError) as info:
        fetcher(**kw).fetch(url)
    message = str(info.value)
    assert "\n" not in message
    assert message == f"{url}: {reason}"
    assert info.value.url == url


def test_redirect_with_raw_utf8_location(site):
    url = base(site) + "/to-unicode"
    with pytest.raises(FetchError) as info:
        fetcher().fetch(url)
    assert str(info.value) == f"{url}: HTTP 404 Not Found (redirected to {base(site)}/café)"
    assert site.counts["/caf%C3%A9"] == 1


def test_failure_status_is_kept(site):
    with pytest.raises(FetchError) as info:
        fetcher().fetch(base(site) + "/missing")
    assert info.value.status == 404


def test_slow_and_big_fail_fast(site):
    t0 = time.monotonic()
    for path in ("/slow", "/big-chunked"):
        with pytest.raises(FetchError):
            fetcher(retries=0).fetch(base(site) + path)
    assert time.monotonic() - t0 < 2.0


def test_connection_refused_is_retried_then_reported():
    url = f"http://127.0.0.1:{free_port()}/article"
    with pytest.raises(FetchError) as info:
        fetcher(robots=False).fetch(url)
    assert str(info.value) == f"{url}: connection refused (gave up after 3 attempts)"


def test_unresolvable_host():
    with pytest.raises(FetchError, match=r"^http://no-such-host\.invalid/a: cannot resolve host no-such-host\.invalid"):
        fetcher().fetch("http://no-such-host.invalid/a")


# --- https ----------------------------------------------------------------------------------

def test_https_with_trusted_ca(tls_site):
    url = f"https://127.0.0.1:{tls_site.port}/gzip"
    src = fetcher(ca_file=str(FIXTURES / "tls-cert.pem")).fetch(url)
    assert src.final_url == url and tls_site.counts["/robots.txt"] == 1
    assert "Capital expenditure" in src.text


def test_https_untrusted_certificate(tls_site):
    url = f"https://127.0.0.1:{tls_site.port}/article"
    with pytest.raises(FetchError) as info:
        fetcher().fetch(url)
    assert str(info.value) == f"{url}: robots.txt unavailable (TLS certificate not trusted (self-signed certificate)); not fetching for now"
    with pytest.raises(FetchError) as info:
        fetcher(robots=False).fetch(url)
    assert str(info.value) == f"{url}: TLS certificate not trusted (self-signed certificate)"


def test_https_deadline(tls_site):
    url = f"https://127.0.0.1:{tls_site.port}/trickle"
    with pytest.raises(FetchError) as info:
        fetcher(ca_file=str(FIXTURES / "tls-cert.pem"), deadline=0.8, robots=False).fetch(url)
    assert str(info.value) == f"{url}: timed out after 0.8 s (total deadline)"


# --- safety -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "url, reason",
    [
        ("ftp://files.example.com/a.txt", "refused: scheme 'ftp' is not http or https"),
        ("file:///etc/passwd", "refused: scheme 'file' is not http or https"),
        ("javascript:alert(1)", "refused: scheme 'javascript' is not http or https"),
        ("news.example.com/a", "not a URL (no http:// or https://)"),
        ("http:///nohost", "not a valid URL (no host)"),
        ("http://127.0.0.1/a", "refused: 127.0.0.1 is a loopback address"),
        ("http://localhost/a", "refused: 127.0.0.1 is a loopback address"),
        ("http://10.0.0.1/a", "refused: 10.0.0.1 is a private address"),
        ("http://192.168.1.1/a", "refused: 192.168.1.1 is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "refused: 169.254.169.254 is a link-local address"),
        ("http://0.0.0.0/a", "refused: 0.0.0.0 is an unspecified address"),
        ("http://224.0.0.1/a", "refused: 224.0.0.1 is a multicast address"),
        ("http://[::1]/a", "refused: ::1 is a loopback address"),
        ("http://[::ffff:10.0.0.1]/a", "refused: 10.0.0.1 is a private address"),
    ],
    ids=["ftp", "file", "javascript", "no-scheme", "no-host", "loopback-ip", "localhost-name", "private-10",
         "private-192", "metadata-link-local", "unspecified", "multicast", "ipv6-loopback", "ipv4-mapped"],
)
def test_refused_before_connecting(url, reason):
    with pytest.raises(FetchError) as info:
        Fetcher(FetchPolicy(timeout=0.5)).fetch(url)  # allow_private defaults to False
    assert str(info.value) == f"{url}: {reason}"


def test_local_server_refused_by_default(site):
    url = f"http://localhost:{site.port}/article"
    with pytest.raises(FetchError, match=r": refused: 127\.0\.0\.1 is a loopback address$"):
        Fetcher(policy(allow_private=False)).fetch(url)
    assert site.counts == {}  # nothing was sent


@pytest.mark.parametrize(
    "path, target",
    [("/to-private", "http://10.0.0.1/secret"), ("/to-localhost", "http://localhost:{port}/article")],
    ids=["redirect-to-private", "redirect-to-localhost"],
)
def test_redirect_to_private_address_refused(site, path, target):
    # 127.0.0.1 stands in for an allowed public host; the redirect target is checked again.
    target = target.format(port=site.port)
    f = fetcher(allow_private=False, trusted_hosts=frozenset({"127.0.0.1"}))
    with pytest.raises(FetchError) as info:
        f.fetch(base(site) + path)
    address = re.search(r"//([\d.]+|localhost)", target).group(1).replace("localhost", "127.0.0.1")
    kind = "private" if address.startswith("10.") else "loopback"
    assert str(info.value) == f"{base(site)}{path}: refused: {address} is a {kind} address (redirected to {target})"
    assert "/article" not in site.counts


# --- robots.txt ---------------------------------------------------------------------------

def test_robots_fetched_once_per_host(site):
    f = fetcher()
    f.fetch(base(site) + "/article")
    f.fetch(base(site) + "/gzip")
    with pytest.raises(FetchError):
        f.fetch(base(site) + "/private/secret")
    assert site.counts["/robots.txt"] == 1
    assert "/private/secret" not in site.counts


@pytest.mark.parametrize(
    "status, outcome",
    [(404, "ok"), (403, "ok"), (500, "robots.txt unavailable (HTTP 500 Internal Server Error); not fetching for now"),
     (503, "robots.txt unavailable (HTTP 503 Service Unavailable); not fetching for now")],
    ids=["robots-404-allows", "robots-403-allows", "robots-500-blocks", "robots-503-blocks"],
)
def test_robots_failure_modes(site, status, outcome):
    site.robots_status = status
    url = base(site) + "/private/secret"  # robots.txt content would disallow it; it is not read
    f = fetcher(retries=0)
    if outcome == "ok":
        assert "Capital" in f.fetch(url).text
    else:
        with pytest.raises(FetchError) as info:
            f.fetch(url)
        assert str(info.value) == f"{url}: {outcome}"
        assert "/private/secret" not in site.counts


def test_robots_timeout_blocks(site):
    site.robots_slow = True
    url = base(site) + "/article"
    with pytest.raises(FetchError) as info:
        fetcher(retries=0).fetch(url)
    assert str(info.value) == f"{url}: robots.txt unavailable (timed out after 0.5 s); not fetching for now"
    assert "/article" not in site.counts


def test_robots_can_be_switched_off(site):
    assert "Capital" in fetcher(robots=False).fetch(base(site) + "/private/secret").text
    assert "/robots.txt" not in site.counts


ROBOTS = """
User-agent: *
Disallow: /

User-agent: claims
User-agent: otherbot
Disallow: /private/
Allow: /private/open
Disallow: /*.pdf$
Disallow: /search*q=
Disallow:
Crawl-delay: 2

User-agent: claims
Disallow: /drafts
"""


@pytest.mark.parametrize(
    "path, allowed",
    [("/", True), ("/news/a", True), ("/private/x", False), ("/private/open", True),
     ("/private/open/deeper", True), ("/file.pdf", False), ("/file.pdf?x=1", True),
     ("/search?page=2&q=chips", False), ("/search?page=2", True), ("/drafts/1", False),
     ("/robots.txt", True), ("/caf%c3%a9", True)],
    ids=lambda v: str(v),
)
def test_robots_rules(path, allowed):
    rules = RobotsRules.parse(ROBOTS)
    assert rules.allows(path) is allowed
    assert rules.crawl_delay == 2.0


def test_robots_rules_star_group_and_ties():
    rules = RobotsRules.parse("User-agent: *\nDisallow: /a\nAllow: /a\nDisallow: /%7Euser/\n")
    assert rules.allows("/a/b")  # tie: allow wins
    assert not rules.allows("/~user/x")  # %7E and ~ are the same octet
    assert RobotsRules.parse("User-agent: otherbot\nDisallow: /\n").allows("/anything")


# --- politeness: rate limit -----------------------------------------------------------------

def test_rate_limit_per_host(site):
    f = fetcher(min_interval=0.2, robots=False)
    t0 = time.monotonic()
    f.fetch(base(site) + "/article")
    f.fetch(base(site) + "/gzip")
    assert time.monotonic() - t0 >= 0.2


def test_rate_limit_across_threads(site):
    f = fetcher(min_interval=0.1, robots=False)
    threads = [threading.Thread(target=f.fetch, args=(base(site) + "/article",)) for _ in range(3)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert time.monotonic() - t0 >= 0.2 and site.counts["/article"] == 3


def test_crawl_delay_raises_interval(site):
    site.robots_body = b"User-agent: *\nCrawl-delay: 0.15\n"
    f = fetcher()
    t0 = time.monotonic()
    f.fetch(base(site) + "/article")  # robots.txt, then the page 0.15 s later
    assert time.monotonic() - t0 >= 0.15


# --- batches and feeds ------------------------------------------------------------------------

def test_batch_keeps_the_good_ones(site):
    good = ["/article", "/r1", "/gzip", "/cp1252-meta", "/feed.rss"]
    bad = ["/missing", "/image.png", "/loop-a", "/big", "/private/secret", "/unavailable"]
    urls = [base(site) + p for p in good + bad] + ["ftp://example.com/x", f"http://127.0.0.1:{free_port()}/"]
    f = fetcher(retries=1)
    kept, failed = [], []
    for url in urls:
        try:
            kept.append(f.fetch(url))
        except FetchError as e:
            failed.append(str(e))
    assert [s.doc for s in kept] == [base(site) + p for p in good]
    assert len(failed) == len(urls) - len(good)
    assert all("\n" not in m and m.split(": ", 1)[0] in urls for m in failed)


@pytest.mark.parametrize(
    "path, media_type, links",
    [
        ("/feed.rss", "application/rss+xml",
         ["https://news.example.com/2026/first", "{base}/2026/relative",  # relative to the feed's URL
          "https://news.example.com/2026/guid", "https://news.example.com/2026/caf%C3%A9"]),
        ("/feed.atom", "application/atom+xml",
         ["https://blog.example.org/posts/one", "https://blog.example.org/posts/two"]),
        ("/feed-cp1252.rss", "application/xml", ["https://news.example.com/cafe"]),
    ],
    ids=["rss", "atom", "xml-prolog-cp1252"],
)
def test_fetched_feeds(site, path, media_type, links):
    src = fetcher().fetch(base(site) + path)
    links = [link.format(base=base(site)) for link in links]
    assert src.media_type == media_type
    assert is_feed(src)
    assert feed_links(src) == links


def test_feed_prolog_encoding_used(site):
    src = fetcher().fetch(base(site) + "/feed-cp1252.rss")
    assert src.encoding == "windows-1252" and "Café € news" in src.text


def test_article_is_not_a_feed(site):
    assert not is_feed(fetcher().fetch(base(site) + "/article"))


def test_fetch_url_convenience(site):
    src = fetch_url(base(site) + "/article", policy(robots=False))
    assert src.final_url == base(site) + "/article"
    with pytest.raises(FetchError, match=r"refused: 127\.0\.0\.1 is a loopback address$"):
        fetch_url(base(site) + "/article")


def test_policy_defaults():
    p = FetchPolicy()
    assert (p.allow_private, p.robots, p.max_redirects) == (False, True, 5)
    assert p.user_agent == USER_AGENT
    assert {429, 502, 503, 504} <= p.retry_statuses
