"""A per-client request limit on the API, the CSV export and the widget, with the ``limits`` library.

Two budgets per client address, each a ``limits`` rate such as ``60/minute``
(setting ``""`` turns one off): ``RATE_LIMIT`` shared by ``/api/search``,
``/api/documents/<id>``, ``/api/coverage``, ``/api/trends``, ``/api/figures``, ``/feed.atom``,
``/embed``, ``/widget.js`` and one bulletin's citation (``/cite.ris``, ``.bib``,
``.csl.json``), and ``EXPORT_RATE_LIMIT`` for ``/export.csv``, ``/export.jsonl``,
``/export.ris``, ``/export.bib``, ``/export.csl.json``, ``/coverage.csv``, ``/figures.csv``
and ``/figures.jsonl`` (a whole result list per request).
Counting is a fixed window in a SQLite file (``webapp.ratestore``) that all
worker processes of ``cchc serve`` share: by default a temporary file made when
the app is created (so the workers forked from it share it), or the file of
setting ``RATE_LIMIT_STORAGE``. Past the budget the answer is 429 with
``Retry-After`` (seconds until the window ends): the JSON error shape for the
API and CSV, a readable page for ``/embed``. If the counter file cannot be
used (locked for over a second, disk full) the request is answered uncounted.

The client is the connecting address; behind a reverse proxy set
``TRUSTED_PROXIES`` so the address comes from ``X-Forwarded-For``.
"""

from __future__ import annotations

import math
import os
import shutil
import sqlite3
import tempfile
import time
import weakref
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, current_app, request
from limits import RateLimitItem, parse
from limits.strategies import FixedWindowRateLimiter
from werkzeug.middleware.proxy_fix import ProxyFix

from search.messages import Refusal

from .citation_formats import FORMATS
from .errors import error_response
from .ratestore import SQLiteStorage

BUDGETS = {
    "api.api_search": "RATE_LIMIT",
    "api.api_document": "RATE_LIMIT",
    "widget.embed": "RATE_LIMIT",
    "widget.widget_js": "RATE_LIMIT",
    "api.export_csv": "EXPORT_RATE_LIMIT",
    "api.export_jsonl": "EXPORT_RATE_LIMIT",
    "coverage.api_coverage": "RATE_LIMIT",
    "coverage.api_trends": "RATE_LIMIT",
    "coverage.coverage_csv": "EXPORT_RATE_LIMIT",
    "figures.api_figures": "RATE_LIMIT",
    "figures.figures_csv": "EXPORT_RATE_LIMIT",
    "figures.figures_jsonl": "EXPORT_RATE_LIMIT",
    "feeds.feed": "RATE_LIMIT",
    **{f"api.export_{name}": "EXPORT_RATE_LIMIT" for name in FORMATS},
    **{f"api.cite_{name}": "RATE_LIMIT" for name in FORMATS},
}
STORAGE_FILE = "ratelimit.sqlite3"


@dataclass
class RateLimiter:
    """The app's budgets and their counter store."""

    strategy: FixedWindowRateLimiter
    items: dict[str, RateLimitItem | None]

    def retry_after(self, setting: str, client: str) -> int | None:
        """Count one request of ``client``; None if allowed, else the seconds until it may ask again."""
        item = self.items[setting]
        if item is None or self.strategy.hit(item, setting, client):
            return None
        reset = self.strategy.get_window_stats(item, setting, client).reset_time
        return max(1, math.ceil(reset - time.time()))


def _storage_path(app: Flask) -> Path:
    """The configured counter file, or a temporary one removed when the creating process ends."""
    if app.config["RATE_LIMIT_STORAGE"]:
        path = Path(app.config["RATE_LIMIT_STORAGE"])
        path.parent.mkdir(parents=True, exist_ok=True)
        return path
    folder = tempfile.mkdtemp(prefix="cchc-ratelimit-")
    weakref.finalize(app, _remove, folder, os.getpid())
    return Path(folder) / STORAGE_FILE


def _remove(folder: str, creator: int) -> None:
    if os.getpid() == creator:  # not in a forked worker, which shares the file
        shutil.rmtree(folder, ignore_errors=True)


def init_app(app: Flask) -> None:
    items = {name: parse(app.config[name]) if app.config[name] else None
             for name in ("RATE_LIMIT", "EXPORT_RATE_LIMIT")}
    if app.config["TRUSTED_PROXIES"]:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["TRUSTED_PROXIES"])
    if not any(items.values()):
        return
    storage = SQLiteStorage(f"cchc-sqlite://{_storage_path(app)}")
    limiter = app.extensions["cchc_rate_limiter"] = RateLimiter(FixedWindowRateLimiter(storage), items)

    @app.before_request
    def within_budget():
        setting = BUDGETS.get(request.endpoint or "")
        if setting is None:
            return None
        try:
            wait = limiter.retry_after(setting, request.remote_addr or "unknown")
        except sqlite3.Error as error:  # the counters are a safeguard: without them, answer anyway
            current_app.logger.warning("rate limit not counted: %s", error)
            return None
        if wait is None:
            return None
        current_app.logger.info("rate limit %s reached by %s", setting, request.remote_addr)
        response = error_response(Refusal("too_many_requests", limit=app.config[setting], wait=wait), 429)
        response = current_app.make_response(response)
        response.headers["Retry-After"] = str(wait)
        return response
