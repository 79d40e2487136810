"""robots.txt (RFC 9309): groups for our product token, longest match, `*` and `$`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional
from urllib.parse import quote

ROBOTS_TOKEN = "claims"  # the product token robots.txt groups are matched against

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
