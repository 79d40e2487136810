"""Reading an HTTP response: what went wrong (one line), its Retry-After, its body's
content codings, and whether its content type is one we read."""

from __future__ import annotations

import datetime as dt
import email.utils
import http.client
import ssl
import zlib
from http import HTTPStatus
from typing import Optional

from extract.read import ReadError, gunzip

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = HTML_TYPES | {"text/plain"}
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/xml", "text/xml"})
ACCEPTED_TYPES = TEXT_TYPES | FEED_TYPES
ACCEPT = (
    "text/html,application/xhtml+xml;q=0.9,application/rss+xml;q=0.9,application/atom+xml;q=0.9,"
    "application/xml;q=0.8,text/xml;q=0.8,text/plain;q=0.7"
)


class _Failure(Exception):
    """Internal: a reason without the URL; `fetch` turns it into a FetchError."""

    def __init__(self, reason: str, *, status: Optional[int] = None, retryable: bool = False,
                 plain: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retryable = retryable
        self.plain = plain  # no "(redirected to ...)" suffix




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
