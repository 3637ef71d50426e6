"""Errors: one JSON shape for the API, a readable page for people, never a traceback."""

from __future__ import annotations

from flask import Flask, current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from search.limits import QueryTimeout
from search.models import RequestError
from search.query import MAX_QUERY_CHARS, QuerySyntaxError
from search.storage import IndexMissing

DATA_SUFFIXES = (".json", ".csv", ".jsonl", ".atom", ".ris", ".bib")


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.path.endswith(DATA_SUFFIXES)


def error_response(message: str, status: int):
    """The API's error shape, or the error page, for ``message`` with ``status``."""
    if wants_json():
        response = jsonify({"ok": False, "error": message, "status": status})
        response.status_code = status
        return response
    return render_template("error.html", message=message, status=status, state=_retry_state()), status


def _retry_state():
    """On the search pages, the search box comes back holding what was typed, so it can be corrected."""
    if request.path not in ("/", "/search"):
        return None
    from .params import SearchState

    lang = request.args.get("lang") if request.args.get("lang") in ("vi", "en") else current_app.config["LANGUAGE"]
    return SearchState(query=request.args.get("q", "")[:MAX_QUERY_CHARS], lang=lang,
                       default_lang=current_app.config["LANGUAGE"])


def init_app(app: Flask) -> None:
    @app.errorhandler(RequestError)
    @app.errorhandler(QuerySyntaxError)
    def bad_request(error):
        return error_response(str(error), 400)

    @app.errorhandler(QueryTimeout)
    def too_slow(error):
        app.logger.warning("search stopped after %g s: %s", error.seconds, request.full_path[:300])
        return error_response(str(error), 422)

    @app.errorhandler(IndexMissing)
    def no_index(error):
        app.logger.error("%s", error)  # the operator sees the path; the public does not
        return error_response("The search index is not available yet: it has to be built with "
                              "'cchc index' (or is being upgraded). Please try again later.", 503)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        return error_response(error.description or error.name, error.code or 500)

    @app.errorhandler(Exception)
    def unexpected(error):
        app.logger.exception("unexpected error on %s", request.path)
        return error_response(InternalServerError.description, 500)
