"""One bounded, thread-safe least-recently-used cache for the search side.

Answers are kept per index state (bounded by their number) and posting arrays
across queries (bounded by the postings they hold): ``LRU(limit, weigh)``
serves both, dropping the least recently used entries while the total weight
is over ``limit``: the limit is a cap, never passed. A value heavier than the
limit is not kept (it would empty the cache and still pass the cap); a limit
of 0 keeps nothing.

A caller may stamp what it puts and gets (a query's serial number): a value
that could only be kept by dropping one stamped alike - put or used by the same
query - is not kept, so one query that reads more than the cache holds keeps
the values it read first instead of cycling through all of them and keeping
none (a loop larger than an LRU cache never hits it).

>>> cache = LRU(3, weigh=len)
>>> cache.put("a", [1, 2]); cache.put("b", [3, 4])
>>> cache.get("a") is None, cache.get("b"), cache.held
(True, [3, 4], 2)
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable


class LRU:
    """Values by key, least recently used dropped first while the total weight is over ``limit``."""

    def __init__(self, limit: int, weigh: Callable[[object], int] = lambda value: 1):
        self.limit = limit
        self.held = 0
        self._weigh = weigh
        self._entries: OrderedDict = OrderedDict()
        self._stamps: dict = {}  # key -> the stamp of its last put or get, when stamped
        self._lock = threading.Lock()

    def get(self, key, stamp=None):
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                if stamp is not None:
                    self._stamps[key] = stamp
            return found

    def put(self, key, value, stamp=None) -> None:
        if not self.limit:
            return
        weight = self._weigh(value)
        if weight > self.limit:
            return
        with self._lock:
            if key in self._entries:
                return
            while self.held + weight > self.limit:
                oldest = next(iter(self._entries))
                if stamp is not None and self._stamps.get(oldest) == stamp:
                    return  # room only by dropping what this caller put or used: not kept
                self._drop_oldest()
            self._entries[key] = value
            self.held += weight
            if stamp is not None:
                self._stamps[key] = stamp

    def resize(self, limit: int) -> None:
        """A new limit, the least recently used entries dropped until the total weight is within it."""
        with self._lock:
            self.limit = limit
            while self.held > limit:
                self._drop_oldest()

    def _drop_oldest(self) -> None:
        """Drop the least recently used entry (the caller holds the lock)."""
        key, dropped = self._entries.popitem(last=False)
        self._stamps.pop(key, None)
        self.held -= self._weigh(dropped)

    def __len__(self) -> int:
        return len(self._entries)
