"""Facet buckets of a response: counts shaped for the page, the API and the widget, degrading on time-out.

``facet_buckets`` counts every facet disjunctively (``search.facets``) and
turns the counts into ordered ``FacetBucket`` lists (years newest first,
quarters in calendar order, topics and places by count). Facets come after the
hits: when the request's deadline passes while they are counted, the facets
not yet counted are left empty and named in ``timed_out`` - the hits are still
returned and the page says which counts are missing (as Datasette does).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from .citations import ref_label
from .facets import FacetTable, disjunctive_counts, pivot, without
from .labels import quarter_label, topic_label
from .limits import Deadline
from .models import FacetBucket, SearchRequest
from .schema import FACETS
from .textnorm import folded_key
from .vocabulary import QUARTERS, topic_ids


@dataclass
class FacetView:
    facets: dict[str, list[FacetBucket]]
    chart: dict = field(default_factory=dict)
    timed_out: list[str] = field(default_factory=list)  # facets not counted before the deadline


def facet_buckets(table: FacetTable, matched: np.ndarray, masks: dict, request: SearchRequest,
                  deadline: Deadline) -> FacetView:
    """Buckets of every facet and the year x quarter chart (counted with the years), as far as the deadline
    allows."""
    view, sets = FacetView({}), {}  # the sets counted, shared by the facets that count the same one
    for name in FACETS:
        if deadline.expired():
            view.timed_out.append(name)
            counts = {}
        elif name == CHART[0]:  # the chart counts the same set by year and quarter: the years are its rows' sums
            view.chart = pivot(table, without(matched, masks, name, sets), *CHART)
            counts = {year: sum(row.values()) for year, row in view.chart.items()}
        else:
            counts = disjunctive_counts(table, matched, masks, (name,), request.filters, sets)[name]
        view.facets[name] = buckets(name, counts, request)
    return view


CHART = ("year", "quarter")  # the chart's rows and columns


def buckets(name: str, counts: dict[str, int], request: SearchRequest) -> list[FacetBucket]:
    """One facet's buckets in display order (selected values kept even when they count nothing)."""
    selected = request.filters.get(name, [])
    values = list(counts) + [v for v in selected if v not in counts]
    if name == "year":
        values.sort(key=lambda v: -int(v))
    elif name == "quarter":
        values.sort(key=lambda v: list(QUARTERS).index(v))
    elif name == "topic":
        values.sort(key=lambda v: (-counts.get(v, 0), topic_ids().index(v)))
    else:
        values.sort(key=lambda v: (-counts.get(v, 0), _name_key(v)))
    return [FacetBucket(value=v, label=_label(name, v, request.lang), count=counts.get(v, 0), selected=v in selected)
            for v in values]


_name_key = lru_cache(maxsize=8192)(folded_key)  # places and document numbers sorted on every response: a few
# hundred names, each folded once


def _label(name: str, value: str, lang: str) -> str:
    if name == "quarter":
        return quarter_label(value, lang)
    if name == "refs":
        return ref_label(value)
    return topic_label(value, lang) if name == "topic" else value
