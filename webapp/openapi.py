"""The OpenAPI 3.1 description of the JSON API, built from the same constants the code uses.

A test validates the document and checks real responses against its schemas,
so the description stays true.
"""

from __future__ import annotations

from search.models import MATCHES, MAX_PER_PAGE, MAX_RESULT_WINDOW, SORTS, YEAR_RANGE
from search.query import MAX_QUERY_CHARS
from search.schema import FACETS
from search.vocabulary import QUARTERS, provinces, provinces_2025, topic_ids

NULLABLE_STRING = {"type": ["string", "null"]}
NULLABLE_INT = {"type": ["integer", "null"]}
STRINGS = {"type": "array", "items": {"type": "string"}}


def _bulletin(extra: dict | None = None) -> dict:
    properties = {
        "id": {"type": "string"}, "title": {"type": "string"}, "url": NULLABLE_STRING,
        "province": NULLABLE_STRING, "province_2025": NULLABLE_STRING, "district": NULLABLE_STRING,
        "year": NULLABLE_INT, "quarter": {"type": ["string", "null"], "enum": [*QUARTERS, None]},
        "published": {"type": ["string", "null"], "format": "date"}, "topics": STRINGS, "refs": STRINGS,
        **(extra or {}),
    }
    return {"type": "object", "required": list(properties), "properties": properties,
            "additionalProperties": False}


def _facet_parameter(name: str, values: list[str] | None, description: str) -> dict:
    items = {"type": "string", **({"enum": values} if values else {})}
    return {"name": name, "in": "query", "required": False, "style": "form", "explode": True,
            "description": description, "schema": {"type": "array", "items": items, "maxItems": 100}}


def search_parameters() -> list[dict]:
    return [
        {"name": "q", "in": "query", "required": False, "description": "Query (words, \"phrases\", AND/OR/NOT, "
         "field:value).", "schema": {"type": "string", "maxLength": MAX_QUERY_CHARS}},
        _facet_parameter("province", [p.name for p in provinces()],
                         "Province before July 2025 (repeat to widen; other spellings are accepted too)."),
        _facet_parameter("province_2025", list(provinces_2025()), "Province after July 2025."),
        _facet_parameter("year", None, f"Reporting year, {YEAR_RANGE[0]}-{YEAR_RANGE[1]}."),
        _facet_parameter("quarter", list(QUARTERS), "Reporting period."),
        _facet_parameter("topic", list(topic_ids()), "Topic id."),
        {"name": "sort", "in": "query", "required": False, "schema": {"type": "string", "enum": list(SORTS)}},
        {"name": "page", "in": "query", "required": False,
         "schema": {"type": "integer", "minimum": 1, "maximum": MAX_RESULT_WINDOW}},
        {"name": "per_page", "in": "query", "required": False,
         "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE}},
        {"name": "lang", "in": "query", "required": False, "description": "Language of facet labels.",
         "schema": {"type": "string", "enum": ["vi", "en"]}},
        {"name": "match", "in": "query", "required": False,
         "description": "best (default): bulletins matching most of the informative words, complete matches "
                        "first; all: every word required.",
         "schema": {"type": "string", "enum": list(MATCHES)}},
    ]


def _error_response(description: str) -> dict:
    return {"description": description, "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/Error"}}}}


def openapi_document() -> dict:
    bucket = {"type": "object", "required": ["value", "label", "count", "selected"], "additionalProperties": False,
              "properties": {"value": {"type": "string"}, "label": {"type": "string"},
                             "count": {"type": "integer", "minimum": 0}, "selected": {"type": "boolean"}}}
    search = {"type": "object", "required": ["query", "total", "page", "per_page", "results", "facets"],
              "additionalProperties": False, "properties": {
                  "query": {"type": "string"}, "total": {"type": "integer", "minimum": 0},
                  "page": {"type": "integer", "minimum": 1}, "per_page": {"type": "integer", "minimum": 1},
                  "results": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
                  "facets": {"type": "object", "required": list(FACETS), "additionalProperties": False,
                             "properties": {f: {"type": "array", "items": {"$ref": "#/components/schemas/Bucket"}}
                                            for f in FACETS}},
                  "understood": {"type": "object", "additionalProperties": False,
                                 "description": "Facet values named in the query text; they lift matching "
                                                "bulletins (never filter).",
                                 "properties": {name: {"type": "string"} for name in
                                                ("year", "quarter", "province", "province_2025", "district")}},
                  "facets_timed_out": {"type": "array", "items": {"type": "string", "enum": list(FACETS)},
                                       "description": "Present when the time limit passed before these facets "
                                                      "were counted: their buckets are empty, the hits are "
                                                      "complete."}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "CCHC bulletin search API", "version": "1.0",
                 "description": "Read-only search over Vietnamese administrative-reform bulletins."},
        "paths": {
            "/api/search": {"get": {
                "summary": "Full-text and faceted search", "operationId": "search",
                "parameters": search_parameters(),
                "responses": {"200": {"description": "Results and disjunctive facet counts", "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/SearchResponse"}}}},
                    "400": _error_response("A parameter or the query is not valid"),
                    "422": _error_response("The search ran past the time limit (setting QUERY_TIMEOUT)"),
                    "503": _error_response("No index has been built yet")}}},
            "/api/documents/{id}": {"get": {
                "summary": "One bulletin with its text", "operationId": "document",
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "The bulletin", "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Document"}}}},
                    "404": _error_response("No bulletin has this id")}}},
            "/export.csv": {"get": {
                "summary": "Every match of a search as CSV (UTF-8 with BOM)", "operationId": "export",
                "parameters": search_parameters(),
                "responses": {"200": {"description": "CSV rows", "content": {"text/csv": {"schema": {
                    "type": "string"}}}}, "400": _error_response("A parameter or the query is not valid"),
                    "422": _error_response("The search ran past the time limit (setting QUERY_TIMEOUT)")}}},
            "/api/openapi.json": {"get": {"summary": "This description", "operationId": "openapi",
                                          "responses": {"200": {"description": "OpenAPI document", "content": {
                                              "application/json": {"schema": {"type": "object"}}}}}}},
        },
        "components": {"schemas": {
            "Hit": _bulletin({"snippet": {"type": "string", "description": "HTML-escaped, matches in <mark>"},
                              "missing": {"type": "array", "items": {"type": "string"},
                                          "description": "Query words this bulletin lacks (empty: all matched)"}}),
            "Document": _bulletin({"text": {"type": "string"}}),
            "Bucket": bucket,
            "SearchResponse": search,
            "Error": {"type": "object", "required": ["ok", "error", "status"], "additionalProperties": False,
                      "properties": {"ok": {"const": False}, "error": {"type": "string"},
                                     "status": {"type": "integer"}}},
        }},
    }
