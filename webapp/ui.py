"""The ``ui`` blueprint: the search page, bulletin pages and the about page.

Every page is server-rendered and works without JavaScript; the whole state
of a search is in the URL (``webapp.params``). A bulletin page carries its
citation for reference managers (``webapp.citation_formats``). Pages and the JSON API render
the same plain data from the search core.
"""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, Flask, current_app, render_template, request, url_for
from markupsafe import Markup

from search.citations import ref_label
from search.coverage import SCHEMES
from search.docnumbers import ref_key
from search.figures import indicator_label
from search.labels import quarter_label, topic_label
from search.models import MAX_RESULT_WINDOW, RequestError, SearchRequest, SearchResponse
from search.schema import FACETS
from search.understanding import region_provinces

from .chart import HEIGHT, WIDTH, legend, year_chart
from .citation_formats import FORMATS, formatted_citation, json_ld, meta_tags, safe_url
from .coverage import search_trends
from .errors import error_response, request_lang
from .figures import figure_span, figure_text, figure_url, number, period_label
from .i18n import translate
from .params import SearchState, search_request, view_options
from .tilemap import SHADES, size, tile_map
from .trends import share_chart

bp = Blueprint("ui", __name__)


def _engine():
    from . import engine_of

    return engine_of(current_app)


def init_app(app: Flask) -> None:
    @app.context_processor
    def helpers():
        lang = request_lang() if request else "vi"
        return {
            "lang": lang,
            "t": lambda key, **values: translate(key, lang, **values),
            "quarter_label": lambda code: quarter_label(code, lang),
            "topic_label": lambda topic: topic_label(topic, lang),
            "lang_url": _lang_url,
            "facet_names": FACETS,
            "facet_label": lambda name, value: facet_label(name, value, lang),
            "ref_key": ref_key,
        }


def facet_label(name: str, value: str, lang: str) -> str:
    """How a facet value is shown (a chip, a bucket)."""
    if name == "quarter":
        return quarter_label(value, lang)
    if name == "topic":
        return topic_label(value, lang)
    return ref_label(value) if name == "refs" else value


def _lang_url(target: str) -> str:
    """The current URL in the other language."""
    args = request.args.to_dict(flat=False)
    args["lang"] = [target]
    if target == current_app.config["LANGUAGE"]:
        args.pop("lang")
    query = urlencode([(k, v) for k, values in args.items() for v in values])
    return request.path + ("?" + query if query else "")


def _state(search, path="/search") -> SearchState:
    return SearchState.of(search, current_app.config["PER_PAGE"], current_app.config["LANGUAGE"], path)


def page_count(total: int, per_page: int) -> int:
    """Pages the pager offers: enough for ``total`` results, none past the result window (at least 1).

    >>> page_count(25, 10), page_count(50_000, 10), page_count(50_000, 30), page_count(0, 10)
    (3, 1000, 333, 1)
    """
    return max(1, min(-(-total // per_page), MAX_RESULT_WINDOW // per_page))


@bp.get("/")
@bp.get("/search")
def search_page():
    try:
        search = search_request(request.args, current_app.config["PER_PAGE"], current_app.config["LANGUAGE"])
        options = view_options(request.args)
    except RequestError as error:
        return error_response(error, 400)
    response = _engine().run_search(search)
    state = _state(search)
    state.options = options
    suggestion = _engine().suggest(search.query) if search.query.strip() else None
    pages = page_count(response.total, search.per_page)
    understood = understood_filters(response.understood, state, search.lang)
    return render_template(
        "search.html", response=response, state=state, suggestion=suggestion, pages=pages,
        understood=understood, understood_all=state.with_filters({f["facet"]: f["value"] for f in understood}),
        chart_width=WIDTH, chart_height=HEIGHT, snippet=Markup,
        max_province=max((b.count for b in response.facets["province"]), default=0),
        **panels(search, response, options),
    )


def panels(search: SearchRequest, response: SearchResponse, options: dict) -> dict:
    """The year chart (counts or shares) and the province map of a search page."""
    years = search.filters.get("year", [])
    if options.get("chart") == "share":
        chart = share_chart(search_trends(search), years, search.lang)
    else:
        chart = year_chart(response.chart, years, search.lang)
    scheme = options.get("scheme", "63")
    facet = SCHEMES[scheme]
    tiles = tile_map({b.value: b.count for b in response.facets[facet]}, scheme, search.filters.get(facet, []))
    width, height = size(scheme)
    return {"chart": chart, "legend": legend(chart) if options.get("chart") != "share" else [],
            "chart_mode": options.get("chart", "count"), "scheme": scheme, "map_facet": facet, "tiles": tiles,
            "map_width": width, "map_height": height, "shades": SHADES}


def understood_filters(understood: dict, state: SearchState, lang: str) -> list[dict]:
    """The facet values named in the query, not yet chosen, as one-click filters (label, url)."""
    order = ("quarter", "year", "province", "province_2025")
    out = []
    for facet in (f for f in order if f in understood and not state.selected(f, understood[f])):
        value = understood[facet]
        label = quarter_label(value, lang) if facet == "quarter" else value
        out.append({"facet": facet, "value": value, "label": label, "url": state.with_filters({facet: value})})
    if "region" in understood and "province" not in understood:  # a region: a filter by its provinces
        named = list(region_provinces(understood["region"]))
        if not all(state.selected("province", one) for one in named):
            out.append({"facet": "province", "value": named, "label": understood["region"],
                        "url": state.with_filters({"province": named})})
    return out


def citation(document: dict, lang: str) -> dict:
    """What the bulletin page says for reference managers: meta tags, JSON-LD, a citation, download links."""
    return {"meta": meta_tags(document), "json_ld": json_ld(document), "text": formatted_citation(document, lang),
            "downloads": [{"name": fmt.name, "label": fmt.label, "type": fmt.media_type,
                           "url": url_for(f"api.cite_{fmt.name}", id=document["id"])} for fmt in FORMATS.values()]}


@bp.get("/documents/<path:doc_id>")
def document_page(doc_id: str):
    query = request.args.get("q", "")
    document = _engine().document(doc_id, query=query)
    if document is None:
        return render_template("error.html", message=translate("not_found", request_lang()), status=404), 404
    per_page, language = current_app.config["PER_PAGE"], current_app.config["LANGUAGE"]
    # its links: a new search
    state = SearchState(lang=request_lang(), default_per_page=per_page, default_lang=language)
    try:  # the search it was opened from, for the way back; a malformed one only loses its filters
        back = SearchState.of(search_request(request.args, per_page, language), per_page, language).url()
    except RequestError:
        back = state.url(q=query)
    try:
        span = figure_span(request.args.get("figure"), document["text"])
    except RequestError as error:
        return error_response(error, 400)
    text = Markup(document["text_highlighted"]) if "text_highlighted" in document else document["text"]
    if span:
        text = figure_text(document["text"], span)
    lang = state.lang if state.lang != state.default_lang else None
    return render_template("document.html", doc=document, text=text, state=state, query=query, back=back,
                           figure_url=lambda f: figure_url(doc_id, f["start"], f["end"], lang), number=number,
                           period_label=lambda period, year: period_label(period, year, state.lang),
                           indicator_label=lambda code: indicator_label(code, state.lang),
                           source=safe_url(document.get("url")), cite=citation(document, request_lang()),
                           similar=_engine().similar(doc_id, current_app.config["SIMILAR"]))


@bp.get("/about")
def about_page():
    stats = _engine().stats()
    state = SearchState(lang=request_lang(), default_per_page=current_app.config["PER_PAGE"],
                        default_lang=current_app.config["LANGUAGE"])
    return render_template("about.html", stats=stats, state=state, cited=list(stats["facets"]["refs"].items()))
