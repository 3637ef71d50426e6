"""The ``api`` blueprint: JSON search and documents, CSV and JSON Lines export, the OpenAPI description.

``/api/search`` returns exactly the JSON of ``cchc search --json``. CORS
headers are added to these routes only (``CORS_ORIGINS``); the API is
read-only and uses no cookies.
"""

from __future__ import annotations

import csv
import io
import json

from flask import Blueprint, current_app, jsonify, request

from search.schema import META_FIELDS

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
        return error_response(f"No bulletin with id {doc_id!r}.", 404)
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


def csv_response(header: list[str], rows, filename: str):
    """A CSV download: UTF-8 with a byte-order mark (Excel reads UTF-8 only with one), every cell ``safe_cell``."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    response = current_app.response_class(out.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def jsonl_response(objects, filename: str):
    """A JSON Lines download: one object per line."""
    body = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in objects)
    response = current_app.response_class(body, mimetype="application/jsonl")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@bp.get("/export.csv")
def export_csv():
    rows = _engine().export(_request(), current_app.config["EXPORT_LIMIT"])
    return csv_response(list(CSV_FIELDS), ([row.get(name) for name in CSV_FIELDS] for row in rows),
                        "cchc-search.csv")


@bp.get("/export.jsonl")
def export_jsonl():
    """The rows of ``/export.csv`` as JSON Lines: one bulletin's metadata per line, lists kept as lists."""
    rows = _engine().export(_request(), current_app.config["EXPORT_LIMIT"])
    return jsonl_response(({name: row.get(name) for name in CSV_FIELDS} for row in rows), "cchc-search.jsonl")
