"""Errors: one JSON shape for the API, a readable page for people, never a traceback."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Flask, current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from search.limits import QueryTimeout
from search.messages import MESSAGES, Explained, Refusal
from search.models import RequestError
from search.query import MAX_QUERY_CHARS, QuerySyntaxError, repaired
from search.storage import IndexMissing

DATA_SUFFIXES = (".json", ".csv", ".jsonl", ".atom", ".ris", ".bib")
SEARCH_PAGES = ("/", "/search")  # where an error page gives the search box back


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.path.endswith(DATA_SUFFIXES)


def request_lang() -> str:
    """The language the request asks for (``lang``), else the site's (setting LANGUAGE)."""
    lang = request.args.get("lang")
    return lang if lang in ("vi", "en") else current_app.config["LANGUAGE"]


def error_response(problem: Explained, status: int):
    """The API's error shape, or the error page, for ``problem`` with ``status``.

    The API's ``error`` is the English message (scripts read it); ``code`` names the message and ``message`` says
    it in the request's language, as the error page does."""
    lang = request_lang()
    if wants_json():
        response = jsonify({"ok": False, "error": str(problem), "status": status, "code": problem.code,
                            "message": problem.say(lang)})
        response.status_code = status
        return response
    return render_template("error.html", message=problem.say(lang), status=status, state=_retry_state(lang),
                           repair=_repair(problem)), status


def _retry_state(lang: str):
    """On the search pages, the search box comes back holding what was typed, so it can be corrected."""
    if request.path not in SEARCH_PAGES:
        return None
    from .params import SearchState

    return SearchState(query=request.args.get("q", "")[:MAX_QUERY_CHARS], lang=lang,
                       default_lang=current_app.config["LANGUAGE"])


def _repair(problem: Explained) -> tuple[str, str] | None:
    """On the search pages, a query that only leaves a quote or a parenthesis open: (closed query, its URL)."""
    if request.path not in SEARCH_PAGES or not isinstance(problem, QuerySyntaxError):
        return None
    fixed = repaired(request.args.get("q", "")[:MAX_QUERY_CHARS])
    if fixed is None:
        return None
    args = [(name, fixed if name == "q" else value) for name, value in request.args.items(multi=True)
            if name != "page"]
    return fixed, request.path + "?" + urlencode(args)


def _http_problem(error: HTTPException) -> Refusal:
    code = f"http_{error.code}"
    return Refusal(code if code in MESSAGES else "http", status=error.code, description=error.description or error.name)


def init_app(app: Flask) -> None:
    @app.errorhandler(RequestError)
    @app.errorhandler(QuerySyntaxError)
    def bad_request(error):
        return error_response(error, 400)

    @app.errorhandler(QueryTimeout)
    def too_slow(error):
        app.logger.warning("search stopped after %g s: %s", error.seconds, request.full_path[:300])
        return error_response(error, 422)

    @app.errorhandler(IndexMissing)
    def no_index(error):
        app.logger.error("%s", error)  # the operator sees the path; the public does not
        return error_response(Refusal("index_missing"), 503)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        return error_response(_http_problem(error), error.code or 500)

    @app.errorhandler(Exception)
    def unexpected(error):
        app.logger.exception("unexpected error on %s", request.path)
        return error_response(_http_problem(InternalServerError()), 500)
