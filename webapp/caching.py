"""HTTP caching: validators from the served index state, and 304 when nothing changed.

Search pages, bulletin pages, ``/api/search``, ``/api/documents/<id>``, the
exports and citation files are functions of three things: the index state being served
(``SearchEngine.index_state``: its generation and commit), the request (path,
query string, language) and the release (this code and the settings). Their
ETag is a digest of those three, computed *before* the view runs, so a request
whose ``If-None-Match`` (or ``If-Modified-Since``) still holds gets a bodyless
304 without a search. ``Last-Modified`` is when the index state was written
(or the code, if newer).

API and CSV answers may be kept by browsers and shared caches for a minute
(``public, max-age=60``): the widget searches as people type and repeats
itself. Pages are ``no-cache``: stored, but revalidated on every view, so a
re-index shows at once.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from flask import Flask, current_app, g, request
from werkzeug.http import is_resource_modified

from .citation_formats import FORMATS

API_POLICY = "public, max-age=60"
PAGE_POLICY = "no-cache"
POLICIES = {
    "api.api_search": API_POLICY,
    "api.api_document": API_POLICY,
    "api.export_csv": API_POLICY,
    "api.export_jsonl": API_POLICY,
    "coverage.api_coverage": API_POLICY,
    "coverage.api_trends": API_POLICY,
    "coverage.coverage_csv": API_POLICY,
    "coverage.coverage_page": PAGE_POLICY,
    "figures.api_figures": API_POLICY,
    "figures.figures_csv": API_POLICY,
    "figures.figures_jsonl": API_POLICY,
    "figures.figures_page": PAGE_POLICY,
    "feeds.feed": API_POLICY,
    "ui.search_page": PAGE_POLICY,
    "ui.document_page": PAGE_POLICY,
    **{f"api.{kind}_{name}": API_POLICY for kind in ("export", "cite") for name in FORMATS},
}
CODE = (Path(__file__).parent, Path(__file__).parent.parent / "search")
CODE_FILES = ("*.py", "*.html", "*.js", "*.css", "*.json", "*.svg")


@dataclass(frozen=True)
class Validators:
    etag: str
    modified: datetime


@lru_cache(maxsize=1)
def release() -> tuple[str, float]:
    """A digest of the code, templates and data that shape the answers, and the newest file's time."""
    digest, newest = hashlib.sha256(), 0.0
    for root in CODE:
        for pattern in CODE_FILES:
            for path in sorted(root.rglob(pattern)):
                digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
                newest = max(newest, path.stat().st_mtime)
    return digest.hexdigest(), newest


def settings_digest(config) -> str:
    """A digest of the settings (they change answers: page size, similar bulletins, language)."""
    from .settings import SETTINGS

    return hashlib.sha256(repr([(s.name, config[s.name]) for s in SETTINGS]).encode()).hexdigest()


def request_language() -> str:
    lang = request.args.get("lang")
    return lang if lang in ("vi", "en") else current_app.config["LANGUAGE"]


def validators(index_key: str, index_written: float) -> Validators:
    """The ETag and Last-Modified of the current request's answer on the given index state."""
    code, code_written = release()
    parts = (index_key, code, current_app.extensions["cchc_settings_digest"], request.path,
             request.query_string.decode("latin-1"), request_language())
    etag = hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]
    written = max(index_written, code_written)
    return Validators(etag, datetime.fromtimestamp(int(written), UTC))


def _stamp(response, found: Validators, policy: str):
    response.set_etag(found.etag, weak=True)
    response.last_modified = found.modified
    response.headers["Cache-Control"] = policy
    return response


def init_app(app: Flask) -> None:
    app.extensions["cchc_settings_digest"] = settings_digest(app.config)

    @app.before_request
    def answer_not_modified():
        policy = POLICIES.get(request.endpoint or "")
        if policy is None or request.method not in ("GET", "HEAD"):
            return None
        from . import engine_of

        state = engine_of(current_app).index_state()
        found = g.cchc_validators = validators(state.key, state.written)
        if is_resource_modified(request.environ, etag=found.etag, last_modified=found.modified):
            return None
        return _stamp(current_app.response_class(status=304), found, policy)

    @app.after_request
    def add_validators(response):
        found = g.pop("cchc_validators", None)
        if found is not None and response.status_code == 200:
            _stamp(response, found, POLICIES[request.endpoint])
        return response
