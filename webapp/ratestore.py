"""A ``limits`` storage in one SQLite file, shared by every worker process on the machine.

``limits`` (the library under Flask-Limiter) keeps counters in memory (one
process only) or in a server (Redis, Memcached, MongoDB). ``cchc serve`` runs
several gunicorn worker processes on one machine and needs no server, so the
counters live in a SQLite database in WAL mode: one ``INSERT ... ON CONFLICT
... RETURNING`` statement per request increments a counter atomically across
processes, restarting it when its window has passed. Only the fixed-window
strategy is supported (what ``webapp.ratelimit`` uses).

Each thread of each process opens its own connection, on first use after a
fork. Counters need no durability, so writes are not synced to disk.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from pathlib import Path

from limits.storage import Storage

SCHEMA = "CREATE TABLE IF NOT EXISTS counters (key TEXT PRIMARY KEY, count INTEGER NOT NULL, expires REAL NOT NULL)"
INCREMENT = """
INSERT INTO counters (key, count, expires) VALUES (:key, :amount, :now + :expiry)
ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN expires <= :now THEN :amount ELSE count + :amount END,
    expires = CASE WHEN expires <= :now THEN :now + :expiry ELSE expires END
RETURNING count
"""
BUSY_SECONDS = 1.0  # wait at most this long for another process's write
PURGE_EVERY = 1000  # increments between deletions of expired counters


class SQLiteStorage(Storage):
    """Fixed-window counters in the SQLite file named by a ``cchc-sqlite:///PATH`` address."""

    STORAGE_SCHEME = ["cchc-sqlite"]

    def __init__(self, uri: str, wrap_exceptions: bool = False, **options):
        self.path = Path(uri.split("://", 1)[1])
        self._local = threading.local()
        self._increments = 0
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        with self._connection() as connection:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute(SCHEMA)

    @property
    def base_exceptions(self):
        return sqlite3.Error

    def _connection(self) -> sqlite3.Connection:
        """This thread's connection (a new one after a fork: connections must not cross processes)."""
        local = self._local
        if getattr(local, "pid", None) != os.getpid():
            local.connection = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None,
                                               check_same_thread=False)
            local.connection.execute("PRAGMA synchronous=OFF")
            local.pid = os.getpid()
        return local.connection

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        connection = self._connection()
        row = connection.execute(INCREMENT, {"key": key, "amount": amount, "now": time.time(),
                                             "expiry": expiry}).fetchone()
        self._increments += 1
        if self._increments % PURGE_EVERY == 0:
            connection.execute("DELETE FROM counters WHERE expires <= ?", (time.time(),))
        return row[0]

    def get(self, key: str) -> int:
        row = self._connection().execute("SELECT count FROM counters WHERE key = ? AND expires > ?",
                                         (key, time.time())).fetchone()
        return row[0] if row else 0

    def get_expiry(self, key: str) -> float:
        row = self._connection().execute("SELECT expires FROM counters WHERE key = ? AND expires > ?",
                                         (key, time.time())).fetchone()
        return row[0] if row else time.time()

    def check(self) -> bool:
        try:
            self._connection().execute("SELECT 1").fetchone()
        except sqlite3.Error:
            return False
        return True

    def reset(self) -> int | None:
        return self._connection().execute("DELETE FROM counters").rowcount

    def clear(self, key: str) -> None:
        self._connection().execute("DELETE FROM counters WHERE key = ?", (key,))
