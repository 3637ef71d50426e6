"""The Flask web app: research pages, JSON API, CSV export - built on ``search`` only.

``create_app`` follows Flask's tutorial: settings (``webapp.settings``) from
defaults, ``instance/config.toml``, ``CCHC_*`` environment variables and the
test config; one ``SearchEngine`` per process (it reopens the index itself
when ``cchc index`` changes it); blueprints ``ui`` (pages), ``api`` (JSON,
CSV, JSON Lines, OpenAPI), ``coverage`` (coverage matrix, trends), ``figures`` (the figures
bulletins report), ``feeds``
(Atom) and ``widget``; a per-client request limit (``webapp.ratelimit``);
ETags and 304s keyed by the index state (``webapp.caching``); error handlers
that answer pages with a readable message and ``/api`` with
``{"ok": false, "error": ..., "status": ...}``, never a traceback.
"""

from __future__ import annotations

import threading
from pathlib import Path

from flask import Flask

from search.engine import SearchEngine

from . import api, caching, coverage, errors, feeds, figures, ratelimit, security, ui, widget
from .settings import load_settings


def create_app(test_config: dict | None = None, instance_path: str | None = None, testing: bool | None = None) -> Flask:
    """The app; ``test_config`` overrides settings (and marks a test app unless ``testing`` says otherwise)."""
    app = Flask(__name__, instance_path=str(Path(instance_path or "instance").resolve()),
                instance_relative_config=True)
    settings = load_settings(Path(app.instance_path), overrides=test_config)
    testing = bool(test_config) if testing is None else testing
    app.config.update(settings, DEBUG=False, TESTING=testing, PROPAGATE_EXCEPTIONS=False)
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    app.extensions["cchc_engine"] = SearchEngine(Path(settings["INDEX"]), timeout=settings["QUERY_TIMEOUT"],
                                                 cache_size=settings["RESULT_CACHE"])
    app.register_blueprint(ui.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(widget.bp)
    app.register_blueprint(coverage.bp)
    app.register_blueprint(figures.bp)
    app.register_blueprint(feeds.bp)
    errors.init_app(app)
    ratelimit.init_app(app)  # before caching: a 304 counts as a request too
    caching.init_app(app)
    security.init_app(app)
    ui.init_app(app)
    return app


def engine_of(app: Flask) -> SearchEngine:
    return app.extensions["cchc_engine"]


def warm(app: Flask) -> threading.Thread:
    """Open the index and build the suggestion vocabulary in the background."""

    def run():
        try:
            engine_of(app).suggest("")
        except Exception:  # a missing index is reported by the pages themselves
            pass

    thread = threading.Thread(target=run, name="cchc-warm", daemon=True)
    thread.start()
    return thread
