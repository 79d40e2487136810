"""Fetching articles over HTTP, politely and safely.

`Fetcher.fetch(url)` turns one URL into the same `Source` that `read_path` makes of a
file. Everything that can go wrong on the network or in HTTP becomes a `FetchError`
whose message is one line a user can act on; nothing else escapes for those causes.

Politeness: an honest User-Agent, robots.txt (RFC 9309: longest match, `*` and `$`,
cached per origin; a 4xx robots.txt means "no rules", a 5xx, 429 or network failure
means "not now"), a minimum interval between two requests to one host (or the site's
Crawl-delay, capped), and retries with exponential backoff that honour Retry-After.

Safety: http and https only; the host is resolved once, every address is checked
(loopback, private, link-local, multicast, reserved... are refused unless allowed), and
the connection goes to the checked address, so DNS cannot change its answer between
check and use. Each redirect target is checked the same way. Bodies are capped before
and after decompression, and a watchdog enforces a total deadline per response, so a
server that trickles bytes cannot hold a worker. Environment proxies are not used.
"""

from __future__ import annotations

import datetime as dt
import http.client
import ipaddress
import re
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from importlib import metadata
from typing import Callable, Optional
from urllib.parse import quote, urljoin, urlsplit

from pydantic import BaseModel, ConfigDict, Field

from extract.addresses import _HTTPConnection, _HTTPSConnection, _refusal
from extract.http_response import (ACCEPT, ACCEPTED_TYPES, FEED_TYPES, HTML_TYPES, TEXT_TYPES, _check_content_type,
                                   _content_type, _decode_content, _Failure, _network_failure, _retry_after,
                                   _status_text)
from extract.records import Source
from extract.read import ReadError, decode_bytes, media_type_of
from extract.robots import ROBOTS_TOKEN, RobotsRules

__all__ = ["ACCEPTED_TYPES", "FEED_TYPES", "HTML_TYPES", "TEXT_TYPES", "ROBOTS_TOKEN", "FetchError", "FetchPolicy",
           "Fetcher", "RobotsRules", "USER_AGENT", "fetch_url"]


def _version() -> str:
    try:
        return metadata.version("claims")
    except metadata.PackageNotFoundError:
        return "0"


USER_AGENT = f"claims/{_version()} (+https://github.com/claims-project/claims)"

ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309: parse at least the first 500 KiB
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_XML_DECL_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']""")
_FEED_SNIFF = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:[\w.-]+:)?(?:rss|feed|RDF)\b", re.S)


class FetchPolicy(BaseModel):
    """How a `Fetcher` behaves. The defaults are polite for a batch of news sites."""

    model_config = ConfigDict(frozen=True)

    timeout: float = Field(10.0, gt=0, description="seconds allowed for the connect and for each read")
    deadline: float = Field(30.0, gt=0, description="seconds allowed for one response, connect to last byte")
    max_bytes: int = Field(5_000_000, gt=0, description="largest body accepted, on the wire and decompressed")
    max_redirects: int = Field(5, ge=0)
    retries: int = Field(2, ge=0, description="further attempts after a retryable failure")
    backoff: float = Field(0.5, ge=0, description="seconds before the first retry; doubles each time")
    retry_statuses: frozenset[int] = frozenset({429, 500, 502, 503, 504})
    max_retry_after: float = Field(60.0, ge=0, description="a longer Retry-After fails the fetch instead")
    url_retry_budget: float = Field(60.0, ge=0, description="seconds one URL may spend waiting to retry, in all")
    retry_budget: float = Field(600.0, ge=0, description="seconds a Fetcher may spend waiting to retry, in all")
    min_interval: float = Field(1.0, ge=0, description="seconds between two requests to one host")
    max_crawl_delay: float = Field(10.0, ge=0, description="cap on a robots.txt Crawl-delay")
    robots: bool = Field(True, description="honour robots.txt")
    robots_ttl: float = Field(86400.0, ge=0, description="seconds a fetched robots.txt is trusted")
    robots_retry: float = Field(300.0, ge=0, description="seconds an unreachable robots.txt blocks its site")
    user_agent: str = USER_AGENT
    ca_file: Optional[str] = Field(None, description="extra CA certificates (PEM) to trust for https")
    allow_private: bool = Field(False, description="allow loopback, private and other non-public addresses")
    trusted_hosts: frozenset[str] = Field(
        frozenset(), description="host names exempt from the address check (e.g. an intranet mirror)"
    )


class FetchError(Exception):
    """A URL that could not be fetched; `str()` is `URL: reason`, one line."""

    def __init__(self, url: str, reason: str, status: Optional[int] = None):
        reason = " ".join(reason.split())
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status


@dataclass(frozen=True)
class _Target:
    url: str
    scheme: str
    host: str  # ASCII (IDNA) host name or IP literal, no brackets
    port: int
    path: str  # request target: quoted path and query

    @property
    def origin(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.scheme == "https" else 80
        return f"{self.scheme}://{host}" + ("" if self.port == default else f":{self.port}")


@dataclass
class _Response:
    url: str
    status: int
    reason: str
    headers: http.client.HTTPMessage
    body: bytes = b""
    attempts: int = 1


# --- the fetcher ----------------------------------------------------------------------

@dataclass
class _Robots:
    expires: float
    rules: Optional[RobotsRules] = None
    unavailable: Optional[str] = None  # why robots.txt could not be read: not fetching for now


@dataclass
class _State:
    lock: threading.Lock = field(default_factory=threading.Lock)
    last_slot: dict[str, float] = field(default_factory=dict)
    crawl_delay: dict[str, float] = field(default_factory=dict)
    robots: dict[str, _Robots] = field(default_factory=dict)
    robots_locks: dict[str, threading.Lock] = field(default_factory=dict)
    retry_waited: float = 0.0  # seconds spent waiting to retry, against FetchPolicy.retry_budget


class Fetcher:
    """Fetches URLs into `Source`s under one `FetchPolicy`. Safe to share between threads;
    the rate limit and the robots.txt cache live in the instance, so share one per batch."""

    def __init__(self, policy: Optional[FetchPolicy] = None):
        self.policy = policy or FetchPolicy()
        self._state = _State()
        self._ssl = ssl.create_default_context()
        if self.policy.ca_file:
            self._ssl.load_verify_locations(self.policy.ca_file)

    def fetch(self, url: str) -> Source:
        """GET `url` and decode it. Raises FetchError (one line) for any network/HTTP problem."""
        hops = [url]
        try:
            resp = self._follow(url, hops, robots=self.policy.robots, max_bytes=self.policy.max_bytes,
                                truncate=False, check_headers=_check_content_type)
            if not 200 <= resp.status < 300:
                tries = f" (gave up after {resp.attempts} attempts)" if resp.attempts > 1 else ""
                raise _Failure(_status_text(resp.status, resp.reason) + tries, status=resp.status)
            return self._source(url, resp)
        except _Failure as f:
            reason = f.reason
            if len(hops) > 1 and not f.plain:
                reason += f" (redirected to {hops[-1]})"
            raise FetchError(url, reason, f.status) from f

    # The steps, outermost first.

    def _follow(self, url: str, hops: list[str], *, robots: bool, max_bytes: int, truncate: bool,
                check_headers: Optional[Callable]) -> _Response:
        p = self.policy
        redirects = 0
        while True:
            target = self._target(url)
            addrs = self._resolve(target)
            if robots:
                self._check_robots(target)
            resp = self._request(target, addrs, max_bytes, truncate, check_headers)
            if resp.status not in _REDIRECTS:
                return resp
            location = resp.headers.get("Location", "").strip()
            if not location:
                raise _Failure(_status_text(resp.status, resp.reason) + " without a Location header",
                               status=resp.status)
            if redirects >= p.max_redirects:
                raise _Failure(f"too many redirects (>{p.max_redirects})", plain=True)
            try:  # http.client decodes headers as latin-1; a raw UTF-8 Location is common
                location = location.encode("latin-1").decode("utf-8")
            except UnicodeError:
                pass
            redirects += 1
            url = urljoin(url, location)
            hops.append(url)

    def _target(self, url: str) -> _Target:
        try:
            parts = urlsplit(url.strip())
            port = parts.port
        except ValueError as e:
            raise _Failure(f"not a valid URL ({e})") from e
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise _Failure(f"refused: scheme '{scheme}' is not http or https" if scheme
                           else "not a URL (no http:// or https://)")
        host = parts.hostname
        if not host:
            raise _Failure("not a valid URL (no host)")
        try:
            host = host.encode("idna").decode("ascii") if not host.isascii() else host
        except UnicodeError as e:
            raise _Failure(f"not a valid host name ({host})") from e
        path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
        if parts.query:
            path += "?" + quote(parts.query, safe="/?%:@!$&'()*+,;=-._~")
        return _Target(url, scheme, host, port or (443 if scheme == "https" else 80), path)

    def _resolve(self, t: _Target) -> list[tuple]:
        p = self.policy
        try:
            infos = socket.getaddrinfo(t.host, t.port, type=socket.SOCK_STREAM)
        except socket.gaierror as e:
            raise _Failure(f"cannot resolve host {t.host} ({e.strerror})") from e
        except (UnicodeError, OSError) as e:
            raise _Failure(f"cannot resolve host {t.host} ({e})") from e
        if not (p.allow_private or t.host in p.trusted_hosts):
            for info in infos:
                ip = ipaddress.ip_address(info[4][0].split("%")[0])
                if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
                    ip = ip.ipv4_mapped
                why = _refusal(ip)
                if why:
                    raise _Failure(f"refused: {why}")
        return [(info[0], info[4]) for info in infos]

    def _check_robots(self, t: _Target) -> None:
        st = self._state
        with st.lock:
            lock = st.robots_locks.setdefault(t.origin, threading.Lock())
        with lock:
            entry = st.robots.get(t.origin)
            if entry is None or entry.expires <= time.monotonic():
                entry = st.robots[t.origin] = self._load_robots(t)
        if entry.unavailable:
            raise _Failure(f"robots.txt unavailable ({entry.unavailable}); not fetching for now")
        if entry.rules and not entry.rules.allows(t.path):
            raise _Failure("disallowed by robots.txt")

    def _load_robots(self, t: _Target) -> _Robots:
        p = self.policy
        url = t.origin + "/robots.txt"
        try:
            resp = self._follow(url, [url], robots=False, max_bytes=ROBOTS_MAX_BYTES, truncate=True,
                                check_headers=None)
            status = resp.status
            if 200 <= status < 300:
                body = _decode_content(resp.body, resp.headers.get("Content-Encoding", ""), ROBOTS_MAX_BYTES)
                rules = RobotsRules.parse(body[:ROBOTS_MAX_BYTES].decode("utf-8", errors="replace"))
                if rules.crawl_delay:
                    with self._state.lock:
                        self._state.crawl_delay[t.host] = min(rules.crawl_delay, p.max_crawl_delay)
                return _Robots(time.monotonic() + p.robots_ttl, rules=rules)
            if 400 <= status < 500 and status != 429:  # no robots.txt: no rules
                return _Robots(time.monotonic() + p.robots_ttl, rules=RobotsRules())
            reason = _status_text(status, resp.reason)
        except _Failure as f:
            reason = f.reason
        return _Robots(time.monotonic() + p.robots_retry, unavailable=reason)

    def _request(self, t: _Target, addrs: list[tuple], max_bytes: int, truncate: bool,
                 check_headers: Optional[Callable]) -> _Response:
        """One URL with retries: connection errors and `retry_statuses`, backing off."""
        p = self.policy
        attempt = 0
        waited = 0.0
        while True:
            attempt += 1
            try:
                resp = self._once(t, addrs, max_bytes, truncate, check_headers)
            except _Failure as f:
                if not f.retryable or attempt > p.retries:
                    if attempt > 1:
                        f.reason += f" (gave up after {attempt} attempts)"
                    raise
                wait = p.backoff * 2 ** (attempt - 1)
            else:
                resp.attempts = attempt
                if resp.status not in p.retry_statuses or attempt > p.retries:
                    return resp
                wait = _retry_after(resp.headers.get("Retry-After"))
                if wait is not None and wait > p.max_retry_after:
                    raise _Failure(f"{_status_text(resp.status, resp.reason)} (Retry-After {wait:g} s "
                                   f"is beyond the {p.max_retry_after:g} s limit)", status=resp.status)
                if wait is None:
                    wait = p.backoff * 2 ** (attempt - 1)
                over = self._over_budget(wait, waited)
                if over:
                    raise _Failure(f"{_status_text(resp.status, resp.reason)} (a retry in {wait:g} s is beyond "
                                   f"{over})", status=resp.status)
            waited += wait
            time.sleep(wait)

    def _over_budget(self, wait: float, waited: float) -> Optional[str]:
        """Which retry budget a wait of `wait` seconds would overrun, or None (and then it
        is taken from the Fetcher's budget)."""
        p = self.policy
        if waited + wait > p.url_retry_budget:
            return f"this URL's retry budget of {p.url_retry_budget:g} s"
        with self._state.lock:
            if self._state.retry_waited + wait > p.retry_budget:
                return f"the run's retry budget of {p.retry_budget:g} s"
            self._state.retry_waited += wait
        return None

    def _wait_turn(self, host: str) -> None:
        st = self._state
        with st.lock:
            interval = max(self.policy.min_interval, st.crawl_delay.get(host, 0.0))
            now = time.monotonic()
            last = st.last_slot.get(host)
            slot = now if last is None else max(now, last + interval)
            st.last_slot[host] = slot  # reserved: a concurrent caller queues behind it
        if slot > now:
            time.sleep(slot - now)

    def _once(self, t: _Target, addrs: list[tuple], max_bytes: int, truncate: bool,
              check_headers: Optional[Callable]) -> _Response:
        """One GET. Reads the body only for a 2xx response whose headers pass the check."""
        p = self.policy
        self._wait_turn(t.host)
        cls = _HTTPSConnection if t.scheme == "https" else _HTTPConnection
        conn = cls(t.host, t.port, addrs, p.timeout, self._ssl)
        expired = threading.Event()

        def expire() -> None:  # the total deadline: cut the connection under the reader
            expired.set()
            sock = conn.live_sock
            if sock is not None:
                try:
                    socket.socket.shutdown(sock, socket.SHUT_RDWR)
                except OSError:
                    pass

        timer = threading.Timer(p.deadline, expire)
        timer.daemon = True
        timer.start()
        resp = None
        try:
            try:
                conn.connect()
                conn.putrequest("GET", t.path, skip_accept_encoding=True)
                conn.putheader("User-Agent", p.user_agent)
                conn.putheader("Accept", ACCEPT)
                conn.putheader("Accept-Encoding", "gzip, deflate")
                conn.putheader("Connection", "close")
                conn.endheaders()
                resp = conn.getresponse()
                out = _Response(t.url, resp.status, resp.reason, resp.headers)
                if 200 <= resp.status < 300:
                    if check_headers:
                        check_headers(resp.headers)
                    out.body = self._read_body(resp, max_bytes, truncate)
                if expired.is_set():
                    raise TimeoutError
                return out
            except _Failure:
                raise
            except (OSError, http.client.HTTPException) as e:
                if expired.is_set():
                    raise _Failure(f"timed out after {p.deadline} s (total deadline)") from e
                raise _network_failure(e, p.timeout) from e
        finally:
            timer.cancel()
            if resp is not None:
                resp.close()
            conn.close()
            if conn.live_sock is not None:
                conn.live_sock.close()

    @staticmethod
    def _read_body(resp: http.client.HTTPResponse, max_bytes: int, truncate: bool) -> bytes:
        length = resp.headers.get("Content-Length", "").strip()
        if not truncate and length.isdigit() and int(length) > max_bytes:
            raise _Failure(f"response larger than {max_bytes} bytes")
        chunks, total = [], 0
        while True:
            chunk = resp.read1(65536)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                if truncate:
                    break
                raise _Failure(f"response larger than {max_bytes} bytes")
        return b"".join(chunks)[:max_bytes]

    def _source(self, url: str, resp: _Response) -> Source:
        p = self.policy
        codings = resp.headers.get("Content-Encoding", "")
        raw = _decode_content(resp.body, codings, p.max_bytes)
        if not codings.strip() and raw.startswith(b"\x1f\x8b"):  # gzip served without the header
            raw = _decode_content(raw, "gzip", p.max_bytes)
        if not raw.strip():
            raise _Failure("empty response body")
        ctype = _content_type(resp.headers)
        if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise _Failure(f"not text (NUL bytes in a {ctype} response)" if ctype else "not text (NUL bytes)")
        if ctype is None:
            ctype = "application/xml" if _FEED_SNIFF.match(raw[:4096]) else \
                media_type_of(urlsplit(resp.url).path, raw)
        charset = resp.headers.get_content_charset()
        if not charset and ctype in FEED_TYPES:
            m = _XML_DECL_ENCODING.match(raw)
            charset = m.group(1).decode("ascii") if m else None
        try:
            text, encoding = decode_bytes(raw, declared=charset)
        except ReadError as e:
            raise _Failure(f"not text ({e})") from e
        return Source(
            doc=url, raw=raw, media_type="text/html" if ctype in HTML_TYPES else ctype,
            text=text, encoding=encoding, url=url, final_url=resp.url,
            fetched_at=dt.datetime.now(dt.timezone.utc),
        )


def fetch_url(url: str, policy: Optional[FetchPolicy] = None) -> Source:
    """Fetch one URL with a fresh `Fetcher`. For a batch, share one Fetcher instead, so the
    per-host interval and the robots.txt cache span the batch."""
    return Fetcher(policy).fetch(url)


__all__ = ["FetchError", "FetchPolicy", "Fetcher", "RobotsRules", "USER_AGENT", "fetch_url"]
