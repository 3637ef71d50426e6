"""The production server behind ``cchc serve``: gunicorn, pre-forked worker processes with threads.

Each worker process has its own ``SearchEngine``, whose threads search in
parallel (a Whoosh searcher per thread), and every worker opens the index
itself after the fork; the per-document arrays are memory-mapped files, shared
by the operating system. A worker whose last request in flight is answered hands its freed heap back to
the system (``webapp.heap``). The app is built and the pyvi model loaded once in the
master (``preload_app``), so both are shared copy-on-write. ``WORKERS`` defaults to the machine's cores (at most 8).
"""

from __future__ import annotations

import gc

from flask import Flask
from gunicorn.app.base import BaseApplication


def bind_address(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


class Server(BaseApplication):
    """gunicorn, configured from code instead of its command line."""

    def __init__(self, app: Flask, host: str, port: int, workers: int, threads: int):
        self.application = app
        self.options = {
            "bind": bind_address(host, port),
            "workers": workers,
            "threads": threads,
            "worker_class": "gthread",
            "preload_app": True,
            "timeout": 120,
            "graceful_timeout": 10,
            "proc_name": "cchc",
            "accesslog": None,
            "errorlog": "-",
            "loglevel": "warning",
            "post_fork": _after_fork,
            "pre_request": _request_started,
            "post_request": _request_finished,
        }
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        _share_models()
        return self.application


def _share_models() -> None:
    """Load pyvi's model in the master, before the fork: the workers then share its pages (70 MB each otherwise).

    ``gc.freeze`` keeps the collector from writing into (and so copying) the pages of what exists by then.
    """
    from search.analysis import segment

    segment("cải cách hành chính")
    gc.freeze()


def _after_fork(server, worker) -> None:
    from . import warm
    from .heap import idle_trim

    worker.idle_trim = idle_trim()
    warm(server.app.application)


def _request_started(worker, request) -> None:
    worker.idle_trim.started()


def _request_finished(worker, request, environ, response) -> None:
    """After the response is sent: an idle worker hands its freed heap back (``webapp.heap``)."""
    worker.idle_trim.finished()
