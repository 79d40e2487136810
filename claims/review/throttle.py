"""How many sign-ins the review app checks, per address and per name from an address.

Failures are counted per address and per (name, address), never per name alone: a
stranger who knows a reviewer's name can lock out their own address, not the reviewer.
An attempt is counted when it starts, before its password is checked, so concurrent
guesses cannot slip past the limit while the (slow) checks run. Keys are hashed and the
table holds at most `max_keys` of them (the stalest go first), so user-supplied names
cannot grow the server's memory.
"""

from __future__ import annotations

import hashlib
import math
import threading
import time
from collections import OrderedDict, deque


class LoginThrottle:
    """At most `limit` failed sign-ins per key in `window` seconds.

    Kept in memory: a restart forgets it, which only ever lets someone try again sooner.
    """

    def __init__(self, limit: int = 5, window: float = 900.0, clock=time.monotonic, max_keys: int = 10_000):
        self.limit, self.window, self.clock, self.max_keys = limit, window, clock, max_keys
        self._attempts: OrderedDict[bytes, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._attempts)

    @staticmethod
    def keys(address: str, name: str) -> tuple[str, str]:
        """The keys a sign-in counts against: its address, and its name from that address."""
        return f"addr:{address}", f"name:{name.casefold()}@{address}"

    @staticmethod
    def _digest(key: str) -> bytes:
        return hashlib.sha256(key.encode("utf-8", "surrogatepass")).digest()

    def _recent(self, digest: bytes, now: float) -> deque[float]:
        attempts = self._attempts.get(digest)
        if attempts is None:
            attempts = self._attempts[digest] = deque()
            while len(self._attempts) > self.max_keys:
                self._attempts.popitem(last=False)
        self._attempts.move_to_end(digest)
        while attempts and attempts[0] <= now - self.window:
            attempts.popleft()
        return attempts

    def begin(self, *keys: str) -> int:
        """Count one attempt against every key and return 0, or, when a key is at its
        limit, count nothing and return the seconds until it may try again."""
        now = self.clock()
        with self._lock:
            queues = [self._recent(self._digest(k), now) for k in keys]
            waits = [q[0] + self.window - now for q in queues if len(q) >= self.limit]
            if waits:
                return max(1, math.ceil(max(waits)))
            for q in queues:
                q.append(now)
        return 0

    def succeeded(self, *keys: str) -> None:
        """A right password: its attempt no longer counts against any key."""
        with self._lock:
            for key in keys:
                attempts = self._attempts.get(self._digest(key))
                if attempts:
                    attempts.pop()
