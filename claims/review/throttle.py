"""How many failed sign-ins the review app accepts, per address and per name."""

from __future__ import annotations

import math
import threading
import time
from collections import defaultdict, deque


class LoginThrottle:
    """At most `limit` failed sign-ins per key (an address, a name) in `window` seconds.

    Kept in memory: a restart forgets it, which only ever lets someone try again sooner.
    """

    def __init__(self, limit: int = 5, window: float = 900.0, clock=time.monotonic):
        self.limit, self.window, self.clock = limit, window, clock
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        failures = self._failures[key]
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        return failures

    def retry_after(self, *keys: str) -> int:
        """Seconds until any of these keys may try again; 0 when all may now."""
        now = self.clock()
        with self._lock:
            waits = [
                failures[0] + self.window - now
                for failures in (self._recent(k, now) for k in keys)
                if len(failures) >= self.limit
            ]
        return math.ceil(max(waits)) if waits else 0

    def failed(self, *keys: str) -> None:
        now = self.clock()
        with self._lock:
            for key in keys:
                self._recent(key, now).append(now)

    def forget(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)
