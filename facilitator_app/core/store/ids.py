"""Globally unique ids and the hybrid logical clock that orders changes.

Ids are UUIDs, never autoincrements: two laptops working offline must never
hand out the same id. Rows that must be unique per meaning (one attendance per
person and session, one group seat per person and session) get a *derived*
id (uuid5 of their natural key), so the same fact captured on two laptops
merges into one row instead of being counted twice.
"""

from __future__ import annotations

import threading
import time
import uuid
from datetime import datetime, timezone

_NAMESPACE = uuid.UUID("5b0d3f1e-6c1a-4a52-9a47-6d696c616e6f")  # fixed forever


def new_id() -> str:
    return uuid.uuid4().hex


def derived_id(*parts: object) -> str:
    """Same natural key -> same id, on every laptop."""
    return uuid.uuid5(_NAMESPACE, "\x1f".join(str(p) for p in parts)).hex


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


class HybridClock:
    """Hybrid logical clock: wall-clock milliseconds plus a counter.

    Stamps sort as strings, so SQLite can compare them directly. A stamp
    received from another laptop moves the clock forward (`observe`), so a
    later local edit always wins over what was merged, even if this laptop's
    clock is behind.
    """

    def __init__(self, device_id: str, last: str | None = None):
        self.device_id = device_id
        self._lock = threading.Lock()
        self._ms, self._count = (0, 0)
        if last:
            self.observe(last)

    @staticmethod
    def parse(stamp: str) -> tuple[int, int, str]:
        ms, count, device = stamp.split("-", 2)
        return int(ms), int(count), device

    def observe(self, stamp: str) -> None:
        ms, count, _ = self.parse(stamp)
        with self._lock:
            if (ms, count) > (self._ms, self._count):
                self._ms, self._count = ms, count

    def now(self) -> str:
        with self._lock:
            wall = int(time.time() * 1000)
            if wall > self._ms:
                self._ms, self._count = wall, 0
            else:
                self._count += 1
            return f"{self._ms:013d}-{self._count:06d}-{self.device_id}"
