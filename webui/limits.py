"""Failed-login limits per account and per client, so passwords cannot be guessed at speed.

An attempt takes a slot before its password is checked and gives it back only when it succeeds, so
forty guesses sent at once count as forty, not as none that has failed yet. Over the limit, even the
right password waits: the answer is 429 with Retry-After, the seconds until the oldest slot expires.
The counts live in the server process (waitress threads share them); a restart forgets them.
"""
from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass, field


class TooMany(Exception):
    def __init__(self, retry_after: int):
        super().__init__(f"too many attempts; retry after {retry_after} s")
        self.retry_after = retry_after


@dataclass
class Limiter:
    """At most `limit` slots per key within `window` seconds."""

    limit: int
    window: float
    _slots: dict[str, deque[float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, *keys: str) -> float:
        """A slot under every key at once, or TooMany with the longest wait among them."""
        now = time.monotonic()
        with self._lock:
            waits = [self._wait(key, now) for key in keys]
            if any(waits):
                raise TooMany(max(1, round(max(waits))))
            for key in keys:
                self._slots.setdefault(key, deque()).append(now)
        return now

    def give_back(self, taken: float, *keys: str) -> None:
        """A successful attempt does not count against anyone."""
        with self._lock:
            for key in keys:
                slots = self._slots.get(key)
                if slots and taken in slots:
                    slots.remove(taken)

    def _wait(self, key: str, now: float) -> float:
        slots = self._slots.get(key)
        if not slots:
            return 0.0
        while slots and slots[0] <= now - self.window:
            slots.popleft()
        if not slots:
            del self._slots[key]
            return 0.0
        return slots[0] + self.window - now if len(slots) >= self.limit else 0.0
