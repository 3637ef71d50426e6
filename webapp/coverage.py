"""The ``coverage`` blueprint: who reported for which period, and how a theme's share moves over the years.

``/coverage`` (page), ``/coverage.csv`` and ``/api/coverage`` render one
``search.coverage.Coverage`` of the search's matches: provinces (``scheme``
63 or 2025) by reporting year and period. ``/api/trends`` gives each year's
matching bulletins, all bulletins under the same filters, and the share. All
take the parameters of ``/api/search``; a non-empty cell of the page links to
the search filtered to its province, year and period.
"""

from __future__ import annotations

import csv
import io

import numpy as np
from flask import Blueprint, current_app, jsonify, render_template, request

from search.coverage import PERIODS, Coverage, corpus_years, coverage, year_shares
from search.models import SearchRequest

from .params import SearchState, search_request, view_option, view_options
from .tilemap import shade

bp = Blueprint("coverage", __name__)


def _engine():
    from . import engine_of

    return engine_of(current_app)


def _request() -> SearchRequest:
    return search_request(request.args, current_app.config["PER_PAGE"], current_app.config["LANGUAGE"])


def search_coverage(search: SearchRequest, scheme: str) -> Coverage:
    """The coverage matrix of a search's matches (columns: the selected years, else every corpus year)."""

    def compute(table, matched, masks):
        final = matched.copy()
        for mask in masks.values():
            final &= mask
        chosen = search.filters.get("year")
        years = sorted(int(y) for y in chosen) if chosen else corpus_years(table)
        return coverage(table, final, scheme, years)

    return _engine().analyse(search, f"coverage:{scheme}", compute)


def search_trends(search: SearchRequest) -> list[dict]:
    """Per year: matching bulletins, all bulletins under the same filters, the share (``year_shares``)."""
    return _engine().analyse(search, "trends", year_shares)


def matrix_rows(cov: Coverage, state: SearchState) -> list[dict]:
    """Rows for the page: province, its total and link, and cells (count, shade, link of a non-empty cell)."""
    peak = int(cov.counts.max()) if cov.counts.size else 0
    rows = []
    for name, counts in zip(cov.provinces, cov.counts, strict=True):
        cells = []
        for (year, period), count in zip(cov.columns, counts.tolist(), strict=True):
            url = state.url("/search", **{cov.facet: [name], "year": [str(year)], "quarter": [period],
                                          "page": 1}) if count else None
            cells.append({"count": count, "level": shade(count, peak), "url": url,
                          "year": year, "period": period})
        rows.append({"province": name, "total": int(counts.sum()), "cells": cells,
                     "url": state.url("/search", **{cov.facet: [name], "page": 1})})
    return rows


@bp.get("/coverage")
def coverage_page():
    search, scheme = _request(), view_option(request.args, "scheme")
    cov = search_coverage(search, scheme)
    state = SearchState.of(search, current_app.config["PER_PAGE"], current_app.config["LANGUAGE"], "/coverage")
    state.options = view_options(request.args)
    years = sorted({year for year, _ in cov.columns})
    reported = int(np.count_nonzero(cov.counts.sum(axis=1)))
    return render_template("coverage.html", cov=cov, rows=matrix_rows(cov, state), state=state, years=years,
                           scheme=scheme, reported=reported, periods=PERIODS,
                           reporting=cov.reporting())


@bp.get("/api/coverage")
def api_coverage():
    return jsonify(search_coverage(_request(), view_option(request.args, "scheme")).to_dict())


@bp.get("/api/trends")
def api_trends():
    return jsonify({"years": search_trends(_request())})


@bp.get("/coverage.csv")
def coverage_csv():
    from .api import safe_cell

    cov = search_coverage(_request(), view_option(request.args, "scheme"))
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow([cov.facet, "total", *(f"{year} {period}" for year, period in cov.columns)])
    for name, counts in zip(cov.provinces, cov.counts.tolist(), strict=True):
        writer.writerow([safe_cell(name), sum(counts), *counts])
    response = current_app.response_class(out.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="cchc-coverage-{cov.scheme}.csv"'
    return response
