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
import email.utils
import http.client
import ipaddress
import re
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from http import HTTPStatus
from importlib import metadata
from typing import Callable, Optional
from urllib.parse import quote, urljoin, urlsplit

from pydantic import BaseModel, ConfigDict, Field

from extract.records import Source
from extract.read import ReadError, decode_bytes, gunzip, media_type_of


def _version() -> str:
    try:
        return metadata.version("claims")
    except metadata.PackageNotFoundError:
        return "0"


USER_AGENT = f"claims/{_version()} (+https://github.com/claims-project/claims)"
ROBOTS_TOKEN = "claims"  # the product token robots.txt groups are matched against

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = HTML_TYPES | {"text/plain"}
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/xml", "text/xml"})
ACCEPTED_TYPES = TEXT_TYPES | FEED_TYPES
ACCEPT = (
    "text/html,application/xhtml+xml;q=0.9,application/rss+xml;q=0.9,application/atom+xml;q=0.9,"
    "application/xml;q=0.8,text/xml;q=0.8,text/plain;q=0.7"
)
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


class _Failure(Exception):
    """Internal: a reason without the URL; `fetch` turns it into a FetchError."""

    def __init__(self, reason: str, *, status: Optional[int] = None, retryable: bool = False,
                 plain: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retryable = retryable
        self.plain = plain  # no "(redirected to ...)" suffix


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


# --- robots.txt -----------------------------------------------------------------------

_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_PCT = re.compile(r"%([0-9A-Fa-f]{2})")


def _norm_path(s: str) -> str:
    """Percent-encoding normalised for comparison (RFC 9309 §2.2.2)."""
    s = quote(s, safe="!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
    return _PCT.sub(lambda m: chr(int(m.group(1), 16)) if chr(int(m.group(1), 16)) in _UNRESERVED
                    else "%" + m.group(1).upper(), s)


@lru_cache(maxsize=4096)
def _pattern(p: str) -> re.Pattern:
    anchored = p.endswith("$")
    if anchored:
        p = p[:-1]
    rx = ".*".join(re.escape(part) for part in _norm_path(p).split("*"))
    return re.compile(rx + ("$" if anchored else ""), re.S)


@dataclass(frozen=True)
class RobotsRules:
    """The rules of one robots.txt that apply to one product token."""

    rules: tuple[tuple[bool, str], ...] = ()  # (allow, pattern)
    crawl_delay: Optional[float] = None

    @classmethod
    def parse(cls, text: str, token: str = ROBOTS_TOKEN) -> "RobotsRules":
        groups: list[tuple[list[str], list[tuple[bool, str]], list[float]]] = []
        agents: list[str] = []
        rules: list[tuple[bool, str]] = []
        delays: list[float] = []
        in_rules = False
        for line in text.splitlines():
            line = line.split("#", 1)[0].strip()
            key, sep, value = line.partition(":")
            if not sep:
                continue
            key, value = key.strip().lower(), value.strip()
            if key == "user-agent":
                if in_rules:
                    groups.append((agents, rules, delays))
                    agents, rules, delays, in_rules = [], [], [], False
                agents.append(value.split("/")[0].strip().lower())
            elif key in ("allow", "disallow") and agents:
                in_rules = True
                if value:
                    rules.append((key == "allow", value))
            elif key == "crawl-delay" and agents:
                in_rules = True
                try:
                    delays.append(max(0.0, float(value)))
                except ValueError:
                    pass
        if agents:
            groups.append((agents, rules, delays))
        token = token.lower()
        mine = [g for g in groups if token in g[0]] or [g for g in groups if "*" in g[0]]
        merged = tuple(r for g in mine for r in g[1])
        delay = max((d for g in mine for d in g[2]), default=None)
        return cls(merged, delay)

    def allows(self, path: str) -> bool:
        """Longest matching pattern wins; on a tie, allow wins. /robots.txt is always allowed."""
        if path == "/robots.txt":
            return True
        path = _norm_path(path)
        best: Optional[tuple[int, bool]] = None
        for allow, pattern in self.rules:
            if _pattern(pattern).match(path):
                key = (len(pattern), allow)
                if best is None or key > best:
                    best = key
        return True if best is None else best[1]


# --- addresses and connections ----------------------------------------------------------

def _embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries: mapped (::ffff:a.b.c.d), 6to4
    (2002:aabb:ccdd::), Teredo's client, NAT64 (64:ff9b::a.b.c.d and 64:ff9b:1::/48) and
    the old IPv4-compatible form (::a.b.c.d). Each reaches, or names, that IPv4 host."""
    found = [a for a in (ip.ipv4_mapped, ip.sixtofour) if a is not None]
    if ip.teredo is not None:
        found += list(ip.teredo)
    packed = int(ip)
    if ip in _NAT64 or ip in _NAT64_LOCAL or (packed >> 32 == 0 and packed > 1):
        found.append(ipaddress.IPv4Address(packed & 0xFFFFFFFF))
    return found


_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")


def _refusal(ip: ipaddress._BaseAddress) -> Optional[str]:
    """Why a connection to `ip` is refused (what kind of address it is or carries)."""
    kind = _non_public(ip)
    if kind is None and isinstance(ip, ipaddress.IPv6Address):
        for inner in _embedded_ipv4(ip):
            inner_kind = _non_public(inner)
            if inner_kind:
                return f"{ip} carries {inner} ({inner_kind} address)"
    return f"{ip} is {kind} address" if kind else None


def _non_public(ip: ipaddress._BaseAddress) -> Optional[str]:
    """'a loopback', 'a private'... for an address we refuse, None for a public one."""
    for test, words in (
        ("is_unspecified", "an unspecified"), ("is_loopback", "a loopback"),
        ("is_link_local", "a link-local"), ("is_multicast", "a multicast"),
        ("is_private", "a private"), ("is_reserved", "a reserved"),
    ):
        if getattr(ip, test):
            return words
    return None if ip.is_global else "a non-public"


def _open_socket(addrs: list[tuple], timeout: float) -> socket.socket:
    err: Optional[OSError] = None
    for family, sockaddr in addrs:
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.settimeout(timeout)
            sock.connect(sockaddr)
            return sock
        except OSError as e:
            sock.close()
            err = e
    raise err or OSError("no address to connect to")


class _HTTPConnection(http.client.HTTPConnection):
    """Connects to the addresses already resolved and checked, never resolving again."""

    def __init__(self, host, port, addrs, timeout, context):
        super().__init__(host, port, timeout=timeout)
        self._addrs = addrs
        self.live_sock: Optional[socket.socket] = None

    def connect(self):
        self.sock = self.live_sock = _open_socket(self._addrs, self.timeout)


class _HTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host, port, addrs, timeout, context):
        super().__init__(host, port, timeout=timeout, context=context)
        self._addrs = addrs
        self.live_sock: Optional[socket.socket] = None

    def connect(self):
        sock = self.live_sock = _open_socket(self._addrs, self.timeout)
        self.sock = self.live_sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _network_failure(e: BaseException, timeout: float) -> _Failure:
    if isinstance(e, TimeoutError):
        return _Failure(f"timed out after {timeout} s")
    if isinstance(e, ssl.SSLCertVerificationError):
        return _Failure(f"TLS certificate not trusted ({e.verify_message})")
    if isinstance(e, ssl.SSLError):
        return _Failure(f"TLS error ({e.reason or e})")
    if isinstance(e, ConnectionRefusedError):
        return _Failure("connection refused", retryable=True)
    if isinstance(e, http.client.RemoteDisconnected):
        return _Failure("server closed the connection without a response", retryable=True)
    if isinstance(e, ConnectionError):
        return _Failure(f"connection lost ({e.strerror or type(e).__name__})", retryable=True)
    if isinstance(e, http.client.IncompleteRead):
        return _Failure(f"connection closed mid-body ({len(e.partial)} bytes received)", retryable=True)
    if isinstance(e, http.client.HTTPException):
        return _Failure(f"malformed HTTP response ({type(e).__name__})")
    if isinstance(e, OSError):
        return _Failure(f"network error ({e.strerror or e})")
    return _Failure(f"network error ({type(e).__name__})")


def _status_text(status: int, reason: str) -> str:
    reason = " ".join((reason or "").split())[:100]
    if not reason:
        try:
            reason = HTTPStatus(status).phrase
        except ValueError:
            reason = ""
    return f"HTTP {status} {reason}".rstrip()


def _retry_after(value: Optional[str]) -> Optional[float]:
    """Seconds from a Retry-After header (delta-seconds or HTTP-date), None if absent/bad."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, (when - dt.datetime.now(dt.timezone.utc)).total_seconds())


def _inflate(body: bytes, limit: int) -> bytes:
    for wbits in (zlib.MAX_WBITS, -zlib.MAX_WBITS):  # zlib-wrapped (per spec), then raw deflate
        try:
            out = zlib.decompressobj(wbits).decompress(body, limit + 1)
        except zlib.error:
            continue
        if len(out) > limit:
            raise _Failure(f"content-encoding deflate: decompresses to more than {limit} bytes")
        return out
    raise _Failure("content-encoding deflate: corrupt data")


def _decode_content(body: bytes, codings: str, limit: int) -> bytes:
    for coding in reversed([c.strip().lower() for c in codings.split(",") if c.strip()]):
        if coding == "identity":
            continue
        if coding in ("gzip", "x-gzip"):
            try:
                body = gunzip(body, limit)
            except ReadError as e:
                raise _Failure(f"content-encoding gzip: {e}") from e
        elif coding == "deflate":
            body = _inflate(body, limit)
        else:
            raise _Failure(f"unsupported content-encoding {coding}")
    return body


def _content_type(headers: http.client.HTTPMessage) -> Optional[str]:
    return headers.get_content_type() if headers.get("Content-Type") else None


def _check_content_type(headers: http.client.HTTPMessage) -> None:
    ctype = _content_type(headers)
    if ctype is not None and ctype not in ACCEPTED_TYPES:
        raise _Failure(f"not text (content-type {ctype})")


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
