"""URL parameters: the whole state of a search lives in the URL.

``search_request`` turns query-string arguments into a validated
``SearchRequest``; ``SearchState`` rebuilds URLs from the same state with one
thing changed (a facet value ticked or removed, a page, a sort, the
language), so every view is a permalink and the back button works.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

from search.coverage import SCHEMES
from search.models import RequestError, SearchRequest, make_request
from search.schema import FACETS

ORDER = ("q", *FACETS, "sort", "match", "page", "per_page", "lang")
VIEW_OPTIONS = {"scheme": tuple(SCHEMES), "chart": ("count", "share")}  # option -> values, the default first


def view_option(args, name: str) -> str:
    """The value of a view option (``scheme``: provinces before/after 2025; ``chart``: counts or shares)."""
    allowed = VIEW_OPTIONS[name]
    value = (args.get(name) or allowed[0]).strip()
    if value not in allowed:
        raise RequestError(name, "unknown_choice", name=name, value=value[:30], choices=", ".join(allowed))
    return value


def view_options(args) -> dict[str, str]:
    """The view options of a URL that differ from their defaults (they are kept in every link of a page)."""
    chosen = {name: view_option(args, name) for name in VIEW_OPTIONS}
    return {name: value for name, value in chosen.items() if value != VIEW_OPTIONS[name][0]}


def search_request(args, default_per_page: int, default_lang: str) -> SearchRequest:
    """A validated request from a MultiDict of URL arguments (``RequestError`` if bad)."""
    filters = {name: args.getlist(name) for name in FACETS if args.getlist(name)}
    return make_request(
        query=args.get("q", ""),
        filters=filters,
        sort=args.get("sort") or None,
        page=args.get("page") or None,
        per_page=args.get("per_page") or default_per_page,
        lang=args.get("lang") or default_lang,
        match=args.get("match") or None,
        explain=args.get("explain") or None,
    )


@dataclass
class SearchState:
    """The parameters of one search page, able to build its neighbours' URLs."""

    query: str = ""
    filters: dict = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    per_page: int = 10
    lang: str = "vi"
    match: str = "best"
    default_per_page: int = 10
    default_lang: str = "vi"
    path: str = "/search"
    options: dict = field(default_factory=dict)  # view options kept in links (``view_options``)

    @classmethod
    def of(cls, request: SearchRequest, default_per_page: int, default_lang: str, path: str = "/search"):
        return cls(request.query, {k: list(v) for k, v in request.filters.items()}, request.sort, request.page,
                   request.per_page, request.lang, request.match, default_per_page, default_lang, path)

    def _pairs(self, **changes) -> list[tuple[str, str]]:
        values = {"q": self.query, "sort": self.sort, "match": self.match, "page": self.page,
                  "per_page": self.per_page, "lang": self.lang, **{k: list(v) for k, v in self.filters.items()}}
        values.update(changes)
        defaults = {"q": "", "sort": "relevance", "match": "best", "page": 1, "per_page": self.default_per_page,
                    "lang": self.default_lang}
        pairs = []
        for name in ORDER:
            value = values.get(name)
            if name in FACETS:
                pairs += [(name, v) for v in value or []]
            elif value not in (None, defaults.get(name)):
                pairs.append((name, str(value)))
        for name in VIEW_OPTIONS:
            value = changes.get(name, self.options.get(name))
            if value not in (None, VIEW_OPTIONS[name][0]):
                pairs.append((name, value))
        return pairs

    def url(self, path: str | None = None, **changes) -> str:
        query = urlencode(self._pairs(**changes))
        return (path or self.path) + ("?" + query if query else "")

    def document_url(self, doc_id: str, with_query: bool = True) -> str:
        """A bulletin's page, keeping the query (for highlights) and the language."""
        pairs = [("q", self.query)] if with_query and self.query else []
        if self.lang != self.default_lang:
            pairs.append(("lang", self.lang))
        return f"/documents/{quote(doc_id, safe='/')}" + ("?" + urlencode(pairs) if pairs else "")

    def result_url(self, doc_id: str) -> str:
        """A bulletin's page from a results page: the whole search (query, filters, sort, page, language), so that
        its "back to the results" link returns to the same page of the same results."""
        query = urlencode(self._pairs())
        return f"/documents/{quote(doc_id, safe='/')}" + ("?" + query if query else "")

    def toggle(self, facet: str, value: str) -> str:
        """The URL with ``value`` of ``facet`` ticked, or unticked if it was; back to page 1."""
        current = list(self.filters.get(facet, []))
        current = [v for v in current if v != value] if value in current else [*current, value]
        return self.url(**{facet: current, "page": 1})

    def only(self, facet: str, value: str) -> str:
        """The URL filtered to just ``value`` of ``facet`` (a chart bar, a metadata link)."""
        return self.url(**{facet: [value], "page": 1})

    def with_filters(self, chosen: dict) -> str:
        """The URL with the values of ``chosen`` (facet -> a value or a list of them) added to its filters; back
        to page 1."""
        changes = {name: list(dict.fromkeys([*self.filters.get(name, []), *([value] if isinstance(value, str)
                                                                             else value)]))
                   for name, value in chosen.items()}
        return self.url(**changes, page=1)

    def without_filters(self) -> str:
        return self.url(**{name: [] for name in FACETS}, page=1)

    def selected(self, facet: str, value: str) -> bool:
        return value in self.filters.get(facet, [])
