"""Which addresses the fetcher may connect to, and connections pinned to a checked one.

An IPv6 address that carries an IPv4 one (mapped, 6to4, NAT64, Teredo, IPv4-compatible)
is judged by the IPv4 address too: 2002:7f00:1:: reaches 127.0.0.1 through a relay.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
from typing import Optional

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
