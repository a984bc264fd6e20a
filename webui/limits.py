"""Failed-login limits per account and per client, so passwords cannot be guessed at speed; and
`Slots`, the bound on console and saved-query runs at once per client.

An attempt takes a slot before its password is checked and gives it back only when it succeeds, so
forty guesses sent at once count as forty, not as none that has failed yet. Over the limit, even the
right password waits: the answer is 429 with Retry-After, the seconds until the oldest slot expires.
The counts live in the server process (waitress threads share them); a restart forgets them.
"""
from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


@dataclass
class Slots:
    """At most `per_key` runs at once per key (a client) and `total` in all. `take` never waits: over a
    bound it raises TooMany at once, so requests cannot queue behind a slow query and hold every
    worker thread. A run cut off at its deadline may still keep the server busy, so its slot can be
    kept for a while after it (`hold`): one client cannot pile up abandoned work on the server."""

    per_key: int
    total: int
    retry_after: int = 5
    _held: dict[str, list[float]] = field(default_factory=dict)  # per key: when each slot frees
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, key: str) -> float:
        now = time.monotonic()
        with self._lock:
            for k in list(self._held):
                self._held[k] = [t for t in self._held[k] if t > now]
                if not self._held[k]:
                    del self._held[k]
            mine = self._held.get(key, [])
            everyone = [t for ts in self._held.values() for t in ts]
            if len(mine) >= self.per_key or len(everyone) >= self.total:
                frees = min(mine if len(mine) >= self.per_key else everyone)
                wait = self.retry_after if frees == float("inf") else frees - now
                raise TooMany(max(1, round(wait)))
            self._held.setdefault(key, []).append(float("inf"))
        return now

    def give_back(self, key: str, hold: float = 0.0) -> None:
        """Free the slot, now or `hold` seconds from now."""
        with self._lock:
            slots = self._held.get(key, [])
            if float("inf") in slots:
                slots.remove(float("inf"))
                if hold > 0:
                    slots.append(time.monotonic() + hold)
            if not slots:
                self._held.pop(key, None)

    @contextmanager
    def slot(self, key: str) -> Iterator[Callable[[float], None]]:
        """Hold a slot for the block; call what it yields with seconds to keep the slot after it."""
        self.take(key)
        hold = [0.0]

        def keep(seconds: float) -> None:
            hold[0] = seconds

        try:
            yield keep
        finally:
            self.give_back(key, hold[0])
