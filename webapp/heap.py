"""Freed heap handed back to the system when a serving worker falls idle.

A query at 100,000 bulletins builds score arrays of several megabytes and lets them go. glibc's allocator
keeps what is freed for the next request: after a day of mixed requests a worker holds a heap several
times what it still uses (issue 19 measured 43 MB of live objects in about 190 MB grown). A fixed, low
mmap threshold would give every large array back at once but maps and faults it in again on every query
(twice the latency, measured). ``malloc_trim`` instead returns the free pages of every arena in one call,
so the worker calls it when its last request in flight has been answered, at most once a second: a busy
worker keeps its heap warm, an idle one gives it back. Where the C library has no ``malloc_trim`` (musl,
macOS) nothing is done.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
import time
from collections.abc import Callable


def _libc_trim() -> Callable[[], None] | None:
    """glibc's ``malloc_trim(0)``, or None where the C library has none."""
    name = ctypes.util.find_library("c")
    try:
        trim = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError, TypeError):  # not loadable, or a C library without malloc_trim
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return lambda: trim(0)


class IdleTrim:
    """Counts the requests in flight and trims the heap when the count falls to zero.

    ``gap`` seconds at least between two trims, so a worker answering one request after another without
    overlap does not trim after each of them.

    >>> calls, now = [], [0.0]
    >>> idle = IdleTrim(lambda: calls.append(now[0]), gap=1.0, clock=lambda: now[0])
    >>> idle.started(); idle.started(); idle.finished(); calls
    []
    >>> idle.finished(); calls
    [0.0]
    >>> now[0] = 0.5; idle.started(); idle.finished(); calls
    [0.0]
    >>> now[0] = 1.5; idle.started(); idle.finished(); calls
    [0.0, 1.5]
    """

    def __init__(self, trim: Callable[[], None] | None, gap: float = 1.0,
                 clock: Callable[[], float] = time.monotonic):
        self._trim, self._gap, self._clock = trim, gap, clock
        self._lock = threading.Lock()
        self._busy = 0
        self._last = float("-inf")

    def started(self) -> None:
        with self._lock:
            self._busy += 1

    def finished(self) -> None:
        with self._lock:
            self._busy = max(0, self._busy - 1)
            now = self._clock()
            due = self._trim is not None and self._busy == 0 and now - self._last >= self._gap
            if due:
                self._last = now
        if due:
            self._trim()


def idle_trim() -> IdleTrim:
    """The trim policy of one serving worker, with the C library's ``malloc_trim`` when it has one."""
    return IdleTrim(_libc_trim())
