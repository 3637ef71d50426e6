"""The ``api`` blueprint: JSON search and documents, exports, citations, the OpenAPI description.

``/api/search`` returns exactly the JSON of ``cchc search --json``. Every
match of a search (at most setting ``EXPORT_LIMIT``, one code path for all)
downloads as CSV, JSON Lines, and for reference managers as RIS, BibTeX and
CSL-JSON (``/export.ris``, ``/export.bib``, ``/export.csl.json``); one
bulletin's citation downloads from ``/cite.ris?id=...`` and its siblings
(writers in ``webapp.citation_formats``). CORS headers are added to these
routes only (``CORS_ORIGINS``); the API is read-only and uses no cookies.
"""

from __future__ import annotations

import csv
import io
import json

from flask import Blueprint, current_app, jsonify, request

from search.messages import Refusal
from search.schema import META_FIELDS

from .citation_formats import FORMATS, Format, citation_key
from .errors import error_response
from .openapi import openapi_document
from .params import search_request

bp = Blueprint("api", __name__)
CSV_FIELDS = META_FIELDS
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _engine():
    from . import engine_of

    return engine_of(current_app)


def _request():
    return search_request(request.args, current_app.config["PER_PAGE"], current_app.config["LANGUAGE"])


@bp.after_request
def cors(response):
    """Let the origins of setting CORS_ORIGINS read the response (the API, and widget.js)."""
    origins = current_app.config["CORS_ORIGINS"]
    origin = request.headers.get("Origin")
    if "*" in origins:
        response.headers["Access-Control-Allow-Origin"] = "*"
    elif origin and origin.rstrip("/") in origins:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Vary"] = "Origin"
    return response


@bp.get("/api/search")
def api_search():
    return jsonify(_engine().run_search(_request()).to_dict())


@bp.get("/api/documents/<path:doc_id>")
def api_document(doc_id: str):
    document = _engine().document(doc_id)
    if document is None:
        return error_response(Refusal("no_bulletin", id=doc_id), 404)
    return jsonify(document)


@bp.get("/api/openapi.json")
def api_openapi():
    return jsonify(openapi_document())


def safe_cell(value) -> str:
    """A CSV cell that a spreadsheet shows as text and never runs as a formula."""
    if value is None:
        return ""
    text = "; ".join(value) if isinstance(value, list) else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _export_rows() -> list[dict]:
    """The metadata of every match of the request's search, at most EXPORT_LIMIT: what each export writes."""
    return _engine().export(_request(), current_app.config["EXPORT_LIMIT"])


def _attachment(body: str, content_type: str, filename: str):
    response = current_app.response_class(body, content_type=content_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(header: list[str], rows, filename: str):
    """A CSV download: UTF-8 with a byte-order mark (Excel reads UTF-8 only with one), every cell ``safe_cell``."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return _attachment(out.getvalue(), "text/csv; charset=utf-8", filename)


def jsonl_response(objects, filename: str):
    """A JSON Lines download: one object per line."""
    body = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in objects)
    return _attachment(body, "application/jsonl", filename)


@bp.get("/export.csv")
def export_csv():
    return csv_response(list(CSV_FIELDS), ([row.get(name) for name in CSV_FIELDS] for row in _export_rows()),
                        "cchc-search.csv")


@bp.get("/export.jsonl")
def export_jsonl():
    """The rows of ``/export.csv`` as JSON Lines: one bulletin's metadata per line, lists kept as lists."""
    return jsonl_response(({name: row.get(name) for name in CSV_FIELDS} for row in _export_rows()),
                          "cchc-search.jsonl")


def export_citations(format_name: str):
    """Every match of a search in a reference manager's format (the rows of ``/export.csv``)."""
    fmt: Format = FORMATS[format_name]
    return _attachment(fmt.write(_export_rows()), fmt.content_type, f"cchc-search.{fmt.extension}")


def cite_bulletin(format_name: str):
    """One bulletin's citation, by its id in parameter ``id``."""
    fmt: Format = FORMATS[format_name]
    doc_id = request.args.get("id", "")
    if not doc_id:
        return error_response(Refusal("id_required"), 400)
    document = _engine().document(doc_id)
    if document is None:
        return error_response(Refusal("no_bulletin", id=doc_id), 404)
    return _attachment(fmt.write([document]), fmt.content_type, f"{citation_key(doc_id)}.{fmt.extension}")


for _fmt in FORMATS.values():
    bp.add_url_rule(f"/export.{_fmt.extension}", f"export_{_fmt.name}", export_citations,
                    defaults={"format_name": _fmt.name})
    bp.add_url_rule(f"/cite.{_fmt.extension}", f"cite_{_fmt.name}", cite_bulletin, defaults={"format_name": _fmt.name})
