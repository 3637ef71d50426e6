"""The OpenAPI 3.1 description of the JSON API, built from the same constants the code uses.

A test validates the document and checks real responses against its schemas,
so the description stays true.
"""

from __future__ import annotations

from search.figures import UNITS, indicator_data
from search.messages import MESSAGES
from search.models import MATCHES, MAX_PER_PAGE, MAX_RESULT_WINDOW, SORTS, YEAR_RANGE
from search.query import MAX_QUERY_CHARS
from search.schema import FACETS
from search.vocabulary import QUARTERS, provinces, provinces_2025, topic_ids

from .citation_formats import CSL_TYPE, FORMATS, LANGUAGE

NULLABLE_STRING = {"type": ["string", "null"]}
NULLABLE_INT = {"type": ["integer", "null"]}
STRINGS = {"type": "array", "items": {"type": "string"}}


def _bulletin(extra: dict | None = None, optional: tuple[str, ...] = ()) -> dict:
    properties = {
        "id": {"type": "string"}, "title": {"type": "string"}, "url": NULLABLE_STRING,
        "province": NULLABLE_STRING, "province_2025": NULLABLE_STRING, "district": NULLABLE_STRING,
        "year": NULLABLE_INT, "quarter": {"type": ["string", "null"], "enum": [*QUARTERS, None]},
        "published": {"type": ["string", "null"], "format": "date"}, "topics": STRINGS, "refs": STRINGS,
        **(extra or {}),
    }
    return {"type": "object", "required": [name for name in properties if name not in optional],
            "properties": properties, "additionalProperties": False}


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
        _facet_parameter("refs", None, "Cited legal document, such as 61/2018/NĐ-CP (any spelling: 61/2018/nd-cp)."),
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
        {"name": "explain", "in": "query", "required": False,
         "description": "1: each result carries 'explanation', how its score was made (per field and term, "
                        "boosts, the lift for holding every word), as Elasticsearch's explain.",
         "schema": {"type": "string", "enum": ["0", "1", "true", "false"]}},
    ]


SCHEME = {"name": "scheme", "in": "query", "required": False,
          "description": "Provinces as rows: the 63 before July 2025 (default) or the 34 after.",
          "schema": {"type": "string", "enum": ["63", "2025"]}}
COUNT = {"type": "integer", "minimum": 0}


def _coverage_schema() -> dict:
    column = {"type": "object", "required": ["year", "period", "reporting"], "additionalProperties": False,
              "properties": {"year": {"type": "integer"}, "period": {"type": "string", "enum": list(QUARTERS)},
                             "reporting": {**COUNT, "description": "Provinces with at least one match"}}}
    row = {"type": "object", "required": ["province", "total", "counts"], "additionalProperties": False,
           "properties": {"province": {"type": "string"}, "total": COUNT,
                          "counts": {"type": "array", "items": COUNT, "description": "One per column"}}}
    return {"type": "object", "required": ["scheme", "facet", "total", "unplaced", "columns", "rows"],
            "additionalProperties": False, "properties": {
                "scheme": {"type": "string", "enum": ["63", "2025"]},
                "facet": {"type": "string", "enum": ["province", "province_2025"]},
                "total": {**COUNT, "description": "Matching bulletins"},
                "unplaced": {**COUNT, "description": "Matching bulletins outside the matrix"},
                "columns": {"type": "array", "items": column},
                "rows": {"type": "array", "items": row}}}


def _trends_schema() -> dict:
    year = {"type": "object", "required": ["year", "matching", "all", "share"], "additionalProperties": False,
            "properties": {"year": {"type": "integer"}, "matching": COUNT,
                           "all": {**COUNT, "description": "Bulletins of the year under the same filters"},
                           "share": {"type": "number", "minimum": 0, "maximum": 1}}}
    return {"type": "object", "required": ["years"], "additionalProperties": False,
            "properties": {"years": {"type": "array", "items": year}}}


def _figure_schema(extra: dict | None = None) -> dict:
    """One figure a bulletin reports (``indexer.figures``), with the sentence it came from."""
    properties = {
        "indicator": {"type": "string", "enum": list(indicator_data()["indicators"])},
        "value": {"type": "number"}, "unit": {"type": "string", "enum": list(UNITS)},
        "period": {"type": ["string", "null"], "description": "Q1-Q4, H1, H2, 9M, FY, a month (month:2025-07), a "
                   "span of days (range:2019-01-01..2019-08-15), or null: the year only (a count 'hiện nay', a "
                   "bulletin naming no part of the year)"},
        "year": {"type": "integer"}, "scope": {"type": "string",
                                              "description": "Province, district, commune or agency, or 'cả nước'"},
        "scope_level": {"type": "string", "enum": ["province", "district", "commune", "agency", "national"]},
        "province": {**NULLABLE_STRING, "description": "The province the scope lies in (a district's, an "
                     "agency's); null for the whole country, a ministry, or a district whose province is unclear"},
        "start": {**COUNT, "description": "Character offset of the sentence in the bulletin's text; 0, with "
                                       "end 0, for a figure its headline gives"},
        "end": {**COUNT, "description": "Character offset of the sentence's end"},
        "sentence": {"type": "string"}, **(extra or {})}
    return {"type": "object", "required": list(properties), "additionalProperties": False,
            "properties": properties}


def _figures_schema() -> dict:
    cell = {"type": ["object", "null"], "required": ["value", "id", "start", "end", "count"],
            "additionalProperties": False, "description": "The newest bulletin's value; null: none",
            "properties": {"value": {"type": "number"}, "id": {"type": "string"}, "start": COUNT, "end": COUNT,
                           "count": {**COUNT, "description": "Figures of this cell (bulletins giving one)"}}}
    row = {"type": "object", "required": ["scope", "scope_level", "province", "cells"], "additionalProperties": False,
           "description": "One scope in one province: two provinces' 'Sở Tư pháp' are two rows",
           "properties": {"scope": {"type": "string"}, "scope_level": {"type": "string"},
                          "province": NULLABLE_STRING,
                          "cells": {"type": "array", "items": cell, "description": "One per column"}}}
    column = {"type": "object", "required": ["year", "period"], "additionalProperties": False,
              "properties": {"year": {"type": "integer"}, "period": {"type": ["string", "null"]}}}
    listed = _figure_schema({"id": {"type": "string"}, "title": {"type": "string"}, "url": NULLABLE_STRING,
                             "published": {"type": ["string", "null"], "format": "date"}})
    return {"type": "object", "additionalProperties": False,
            "required": ["query", "page", "per_page", "indicator", "label", "unit", "total", "indicators",
                         "units", "scopes", "columns", "rows", "figures"],
            "properties": {
                "query": {"type": "string"}, "page": {"type": "integer"}, "per_page": {"type": "integer"},
                "indicator": NULLABLE_STRING, "label": NULLABLE_STRING,
                "unit": {"type": ["string", "null"], "enum": [*UNITS, None]},
                "total": {**COUNT, "description": "Figures of the indicator in this unit in the matches"},
                "indicators": {"type": "array", "items": {"$ref": "#/components/schemas/Bucket"},
                               "description": "Figures per indicator in the matching bulletins"},
                "units": {"type": "object", "additionalProperties": COUNT,
                          "description": "Figures of the indicator per unit in the matches (the table is of `unit`)"},
                "scopes": {**COUNT, "description": "Rows with a figure (a scope in one province each); rows "
                                                    "holds the 200 with the most"},
                "columns": {"type": "array", "items": column}, "rows": {"type": "array", "items": row},
                "figures": {"type": "array", "items": listed,
                            "description": "The figures of this page, newest bulletin first"}}}


FIGURE_PARAMETERS = [
    {"name": "indicator", "in": "query", "required": False, "description": "The indicator "
     "(search/data/indicators.json); without it only the counts per indicator are given.",
     "schema": {"type": "string", "enum": list(indicator_data()["indicators"])}},
    {"name": "unit", "in": "query", "required": False,
     "description": "The unit of the figures (default: the one most of them have).",
     "schema": {"type": "string", "enum": list(UNITS)}},
]


def _view_paths() -> dict:
    """The research views: coverage (JSON, CSV), trends, JSON Lines export, Atom feed."""
    bad = _error_response("A parameter or the query is not valid")
    slow = _error_response("The search ran past the time limit (setting QUERY_TIMEOUT)")

    def get(summary: str, operation: str, media: str, schema: dict, extra: list | None = None) -> dict:
        return {"get": {"summary": summary, "operationId": operation,
                        "parameters": search_parameters() + (extra or []),
                        "responses": {"200": {"description": summary, "content": {media: {"schema": schema}}},
                                      "400": bad, "422": slow}}}

    text = {"type": "string"}
    return {
        "/api/coverage": get("Matching bulletins by province x reporting year and period", "coverage",
                             "application/json", {"$ref": "#/components/schemas/Coverage"}, [SCHEME]),
        "/coverage.csv": get("The coverage matrix as CSV (UTF-8 with BOM)", "coverageCsv", "text/csv", text,
                             [SCHEME]),
        "/api/trends": get("Per year: matching bulletins, all bulletins under the same filters, the share",
                           "trends", "application/json", {"$ref": "#/components/schemas/Trends"}),
        "/export.jsonl": get("Every match of a search as JSON Lines (the rows of /export.csv)", "exportJsonl",
                             "application/jsonl", text),
        "/feed.atom": get("The newest 50 matches as an Atom 1.0 feed", "feed", "application/atom+xml", text),
        "/api/figures": get("The figures the matching bulletins report: one indicator as scope x period, "
                            "each cell linking to its sentence", "figures", "application/json",
                            {"$ref": "#/components/schemas/Figures"}, FIGURE_PARAMETERS),
        "/figures.csv": get("Every figure of an indicator in the matches as CSV (UTF-8 with BOM; at most "
                            "EXPORT_LIMIT)", "figuresCsv", "text/csv", text, FIGURE_PARAMETERS),
        "/figures.jsonl": get("The rows of /figures.csv as JSON Lines", "figuresJsonl", "application/jsonl",
                              text, FIGURE_PARAMETERS),
    }


def _csl_schema() -> dict:
    """The CSL-JSON items written by ``webapp.citation_formats.csl_item``; a field the bulletin lacks is absent."""
    date_parts = {"type": "array", "minItems": 1, "maxItems": 1,
                  "items": {"type": "array", "minItems": 3, "maxItems": 3, "items": {"type": "integer"}}}
    item = {"type": "object", "required": ["id", "type", "language"], "additionalProperties": False,
            "properties": {"id": {"type": "string", "description": "The bulletin id"},
                           "type": {"const": CSL_TYPE}, "title": {"type": "string"},
                           "publisher": {"type": "string", "description": "The host of the source address"},
                           "issued": {"type": "object", "required": ["date-parts"], "additionalProperties": False,
                                      "properties": {"date-parts": date_parts}},
                           "URL": {"type": "string", "description": "The source address"},
                           "language": {"const": LANGUAGE}}}
    return {"type": "array", "items": item}


def _citation_paths() -> dict:
    """Citations for reference managers: every match of a search, or one bulletin, as RIS, BibTeX, CSL-JSON."""
    bad = _error_response("A parameter or the query is not valid")
    slow = _error_response("The search ran past the time limit (setting QUERY_TIMEOUT)")
    bulletin_id = {"name": "id", "in": "query", "required": True, "description": "The bulletin's id",
                   "schema": {"type": "string"}}
    paths = {}
    for fmt in FORMATS.values():
        schema = {"$ref": "#/components/schemas/CslJson"} if fmt.name == "csl_json" else {"type": "string"}
        content = {fmt.media_type: {"schema": schema}}
        operation = "".join(part.capitalize() for part in fmt.name.split("_"))
        paths[f"/export.{fmt.extension}"] = {"get": {
            "summary": f"Every match of a search as {fmt.label} (the rows of /export.csv, at most EXPORT_LIMIT)",
            "operationId": f"export{operation}", "parameters": search_parameters(),
            "responses": {"200": {"description": f"{fmt.label} file", "content": content}, "400": bad, "422": slow,
                          **_caching_responses("EXPORT_RATE_LIMIT")}}}
        paths[f"/cite.{fmt.extension}"] = {"get": {
            "summary": f"One bulletin's citation as {fmt.label}", "operationId": f"cite{operation}",
            "parameters": [bulletin_id],
            "responses": {"200": {"description": f"{fmt.label} file", "content": content},
                          "400": _error_response("Parameter id is missing or empty"),
                          "404": _error_response("No bulletin has this id"), **_caching_responses("RATE_LIMIT")}}}
    return paths


def _error_response(description: str) -> dict:
    return {"description": description, "content": {"application/json": {
        "schema": {"$ref": "#/components/schemas/Error"}}}}


def _caching_responses(limit_setting: str) -> dict:
    """The 304 and 429 answers every cached, rate-limited operation may give."""
    limited = _error_response(f"Too many requests from this address (setting {limit_setting})")
    limited["headers"] = {"Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}}
    return {"304": {"description": "Not modified: the ETag sent in If-None-Match is current (no body)"},
            "429": limited}


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
                                                "bulletins (never filter). region: a region of provinces named "
                                                "where no province is (search/data/regions.json).",
                                 "properties": {name: {"type": "string"} for name in
                                                ("year", "quarter", "province", "province_2025", "district",
                                                 "region")}},
                  "facets_timed_out": {"type": "array", "items": {"type": "string", "enum": list(FACETS)},
                                       "description": "Present when the time limit passed before these facets "
                                                      "were counted: their buckets are empty, the hits are "
                                                      "complete."},
                  "unquoted": {"type": "string",
                               "description": "Present when no bulletin holds the query's quoted phrases: the "
                                              "same words without quotes, which the results answer instead."},
                  "same_issuer": {"type": "object", "additionalProperties": False, "required": ["number", "cited"],
                                  "description": "Present when nothing matched and the query names a document "
                                                 "number no bulletin has or cites: the results are the bulletins "
                                                 "citing other documents of its issuer code in its place.",
                                  "properties": {"number": {"type": "string", "description": "The number found "
                                                                                               "nowhere."},
                                                 "cited": {"type": "array", "items": {"type": "string"},
                                                           "description": "The documents of its issuer code "
                                                                          "searched instead, most cited first "
                                                                          "(at most 30)."}}},
                  "full_matches": {"type": "integer", "minimum": 0,
                                   "description": "Present when fewer bulletins than a page hold enough of the "
                                                  "query's words (ranked by relevance): this many come first, and "
                                                  "those holding only some of the words follow them (each hit's "
                                                  "missing lists the words it lacks)."},
                  "phrase_matches": {"type": "integer", "minimum": 0,
                                     "description": "Present when fewer bulletins than a page hold the query's "
                                                    "quoted phrases exactly (ranked by relevance): this many hold "
                                                    "them, and the bulletins the same query without quotes finds "
                                                    "follow them (each hit's missing names the phrases it lacks)."},
                  "corrected": {"type": "object", "additionalProperties": {"type": "string"},
                                "description": "Present when a query syllable is a slip the index never saw, even "
                                               "without its diacritics: the syllable as typed -> the known one, one "
                                               "edit away, searched instead (the one that stands beside the query's "
                                               "neighbouring syllables in the most bulletins)."},
                  "nowhere": {"type": "array", "items": {"type": "string"},
                              "description": "Present when words of the query are in no bulletin: the results are "
                                             "those of the other words, and every hit lacks these."}}}
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
                    "503": _error_response("No index has been built yet"), **_caching_responses("RATE_LIMIT")}}},
            "/api/documents/{id}": {"get": {
                "summary": "One bulletin with its text", "operationId": "document",
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "The bulletin", "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/Document"}}}},
                    "404": _error_response("No bulletin has this id"), **_caching_responses("RATE_LIMIT")}}},
            "/export.csv": {"get": {
                "summary": "Every match of a search as CSV (UTF-8 with BOM)", "operationId": "export",
                "parameters": search_parameters(),
                "responses": {"200": {"description": "CSV rows", "content": {"text/csv": {"schema": {
                    "type": "string"}}}}, "400": _error_response("A parameter or the query is not valid"),
                    "422": _error_response("The search ran past the time limit (setting QUERY_TIMEOUT)"),
                    **_caching_responses("EXPORT_RATE_LIMIT")}}},
            **_view_paths(),
            **_citation_paths(),
            "/api/openapi.json": {"get": {"summary": "This description", "operationId": "openapi",
                                          "responses": {"200": {"description": "OpenAPI document", "content": {
                                              "application/json": {"schema": {"type": "object"}}}}}}},
        },
        "components": {"schemas": {
            "Hit": _bulletin({"snippet": {"type": "string", "description": "HTML-escaped, matches in <mark>"},
                              "missing": {"type": "array", "items": {"type": "string"},
                                          "description": "Query words this bulletin lacks (empty: all matched)"},
                              "score": {"type": ["number", "null"],
                                        "description": "Relevance score (null when ordered by date)"},
                              "explanation": {"$ref": "#/components/schemas/Explanation"}},
                             optional=("explanation",)),
            "Document": _bulletin({"text": {"type": "string"},
                                   "figures": {"type": "array", "items": {"$ref": "#/components/schemas/Figure"},
                                               "description": "The figures the bulletin reports"}},
                                  optional=("figures",)),
            "Figure": _figure_schema(),
            "Figures": _figures_schema(),
            "Explanation": {"type": "object", "required": ["value", "description"],
                            "properties": {"value": {"type": "number"}, "description": {"type": "string"},
                                           "boost": {"type": "number"},
                                           "details": {"type": "array",
                                                       "items": {"$ref": "#/components/schemas/Explanation"}}}},
            "Bucket": bucket,
            "SearchResponse": search,
            "Coverage": _coverage_schema(),
            "Trends": _trends_schema(),
            "CslJson": _csl_schema(),
            "Error": {"type": "object", "required": ["ok", "error", "status", "code", "message"],
                      "additionalProperties": False,
                      "properties": {"ok": {"const": False},
                                     "error": {"type": "string", "description": "What went wrong, in English"},
                                     "status": {"type": "integer"},
                                     "code": {"type": "string", "enum": sorted(MESSAGES),
                                              "description": "Which message: the same code for the same fault"},
                                     "message": {"type": "string", "description": "The message in the language "
                                                 "of parameter lang, else the site's (Vietnamese by default)"}}},
        }},
    }
