"""Time limits: the deadline a search checks between units of work, and the error it raises.

A ``Deadline`` is made when a search starts (after it has the searcher) and
is checked by every stage that can grow with the corpus: reading each posting
list, walking Whoosh's matchers, ranking and building snippets. Whoosh's own
ranking runs under its ``TimeLimitCollector`` with the time that is left.
``Deadline(None)`` never expires (the command line searches without a limit
unless told otherwise).
"""

from __future__ import annotations

import math
import time

from .messages import Explained


class QueryTimeout(Explained, RuntimeError):
    """The search ran past its time limit and was stopped."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        super().__init__("timeout", seconds=seconds)


class Deadline:
    """A point in time after which ``check`` raises ``QueryTimeout``."""

    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self.at = time.monotonic() + seconds if seconds else math.inf

    def remaining(self) -> float:
        return self.at - time.monotonic()

    def expired(self) -> bool:
        return time.monotonic() > self.at

    def check(self) -> None:
        if time.monotonic() > self.at:
            raise QueryTimeout(self.seconds)
