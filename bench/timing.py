"""Timing helpers shared by the benchmark scripts: milliseconds of repeated calls, percentiles."""

from __future__ import annotations

import time


def timed(function, repeat: int) -> list[float]:
    """Milliseconds of ``repeat`` calls of ``function``."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return times


def percentile(values: list[float], share: float) -> float:
    """The value at ``share`` (0-1) of the sorted values, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]
