"""Plain data in and out of the search core: requests, hits, facet buckets.

``make_request`` validates raw parameters (from the CLI, the URL or the
widget) into a ``SearchRequest`` or raises ``RequestError`` naming the bad
parameter. ``SearchResponse.to_dict`` is the JSON shape that ``cchc search
--json`` prints and ``/api/search`` returns.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .docnumbers import is_ref, ref_key
from .messages import Explained
from .schema import FACETS
from .textnorm import is_digits
from .vocabulary import QUARTERS, canonical_province, canonical_province_2025, topic_ids

SORTS = ("relevance", "newest", "oldest")
MATCHES = ("best", "all")  # best: most informative words suffice, complete matches first; all: every word
DEFAULT_PER_PAGE, MAX_PER_PAGE = 10, 100
MAX_RESULT_WINDOW = 10_000  # as Elasticsearch: deeper pages are refused
MAX_FILTER_VALUES = 100

YEAR_RANGE = (1945, 2100)


class RequestError(Explained, ValueError):
    """A request parameter has a value that cannot be used; the message is ``search.messages``' ``code``."""

    def __init__(self, parameter: str, code: str, **params):
        super().__init__(code, **params)
        self.parameter = parameter


@dataclass(frozen=True)
class SearchRequest:
    query: str = ""
    filters: dict = field(default_factory=dict)  # facet -> list of canonical values
    sort: str = "relevance"
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    lang: str = "vi"
    match: str = "best"
    explain: bool = False  # each hit says how its score was made


@dataclass
class FacetBucket:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Hit:
    id: str
    title: str
    url: str | None
    province: str | None
    province_2025: str | None
    district: str | None
    year: int | None
    quarter: str | None
    published: str | None
    topics: list[str]
    refs: list[str]
    snippet: str
    missing: list[str] = field(default_factory=list)  # query words this bulletin lacks (best match)
    score: float | None = None  # the relevance score (None when ordered by date)
    explanation: dict | None = None  # how the score was made (``explain``), else None


@dataclass
class SearchResponse:
    query: str
    total: int
    page: int
    per_page: int
    results: list[Hit]
    facets: dict[str, list[FacetBucket]]
    sort: str = "relevance"
    filters: dict = field(default_factory=dict)
    chart: dict = field(default_factory=dict)  # year -> {quarter or None: count}, year filter left out
    understood: dict = field(default_factory=dict)  # facet values named in the query (search.understanding)
    facets_timed_out: list = field(default_factory=list)  # facets not counted within the time limit
    unquoted: str | None = None  # the query answered instead, without quotes, when no bulletin holds its phrases
    same_issuer: dict | None = None  # when no bulletin has or cites a number of the query: {number, cited}
    full_matches: int | None = None  # when widened by partial matches: how many come first, holding the words
    phrase_matches: int | None = None  # when the quoted phrases' words follow them: how many hold the phrases
    corrected: dict = field(default_factory=dict)  # slipped syllables as typed -> the known ones matched instead
    nowhere: list = field(default_factory=list)  # words of the query no bulletin holds: every hit lacks them

    def to_dict(self) -> dict:
        """The public JSON shape (``cchc search --json``, ``/api/search``)."""
        return {
            "query": self.query,
            "total": self.total,
            "page": self.page,
            "per_page": self.per_page,
            "results": [_hit_dict(hit) for hit in self.results],
            "facets": {name: [asdict(b) for b in buckets] for name, buckets in self.facets.items()},
            "understood": dict(self.understood),
            **({"facets_timed_out": list(self.facets_timed_out)} if self.facets_timed_out else {}),
            **({"unquoted": self.unquoted} if self.unquoted else {}),
            **({"same_issuer": dict(self.same_issuer)} if self.same_issuer else {}),
            **({"full_matches": self.full_matches} if self.full_matches is not None else {}),
            **({"phrase_matches": self.phrase_matches} if self.phrase_matches is not None else {}),
            **({"corrected": dict(self.corrected)} if self.corrected else {}),
            **({"nowhere": list(self.nowhere)} if self.nowhere else {}),
        }


def _hit_dict(hit: Hit) -> dict:
    """A hit's public JSON: its metadata, snippet, missing words and score (rounded to 6 decimals); its
    explanation only when one was asked for."""
    out = {k: v for k, v in asdict(hit).items() if k not in ("score", "explanation")}
    out["score"] = None if hit.score is None else round(float(hit.score), 6)
    if hit.explanation is not None:
        out["explanation"] = hit.explanation
    return out


def canonical_value(facet: str, value: str) -> str:
    """The indexed form of a facet value, or ``RequestError``."""
    raw = str(value).strip()
    found: str | None
    if facet == "province":
        found = canonical_province(raw)
    elif facet == "province_2025":
        found = canonical_province_2025(raw)
    elif facet == "year":
        found = raw if is_digits(raw) and YEAR_RANGE[0] <= int(raw) <= YEAR_RANGE[1] else None
    elif facet == "quarter":
        found = raw.upper() if raw.upper() in QUARTERS else None
    elif facet == "topic":
        found = raw if raw in topic_ids() else None
    elif facet == "refs":
        found = ref_key(raw) if is_ref(raw) or is_ref(raw.upper()) else None
    else:
        raise RequestError(facet, "unknown_facet", facet=facet)
    if found is None:
        raise RequestError(facet, f"bad_{facet}", value=raw if len(raw) <= 60 else raw[:60] + "…", **_hint(facet))
    return found


def _hint(facet: str) -> dict:
    """What the message of a facet's unusable value names besides the value: the years or the choices."""
    if facet == "year":
        return {"low": YEAR_RANGE[0], "high": YEAR_RANGE[1]}
    if facet == "quarter":
        return {"choices": ", ".join(QUARTERS)}
    if facet == "topic":
        return {"choices": ", ".join(topic_ids())}
    return {}


def _integer(name: str, value, default: int, low: int, high: int) -> int:
    if value in (None, ""):
        return default
    text = str(value).strip()
    if not is_digits(text.removeprefix("-")) or len(text) > 12:
        raise RequestError(name, "not_whole_number", name=name, value=text[:20])
    number = int(text)
    if not low <= number <= high:
        raise RequestError(name, "out_of_range", name=name, low=low, high=high, value=number)
    return number


def make_request(query: str | None = "", filters: dict | None = None, sort: str | None = None,
                 page=None, per_page=None, lang: str | None = None, match: str | None = None,
                 explain=None) -> SearchRequest:
    """A validated request from raw parameters."""
    clean_filters: dict[str, list[str]] = {}
    for facet, values in (filters or {}).items():
        if facet not in FACETS:
            raise RequestError(facet, "unknown_filter", facet=facet, choices=", ".join(FACETS))
        values = [values] if isinstance(values, str) else list(values or [])
        if len(values) > MAX_FILTER_VALUES:
            raise RequestError(facet, "too_many_values", facet=facet, limit=MAX_FILTER_VALUES)
        chosen = [canonical_value(facet, v) for v in values if str(v).strip()]
        if chosen:
            clean_filters[facet] = list(dict.fromkeys(chosen))
    sort = (sort or "relevance").strip()
    if sort not in SORTS:
        raise RequestError("sort", "unknown_choice", name="sort", value=sort[:30], choices=", ".join(SORTS))
    per_page = _integer("per_page", per_page, DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    page = _integer("page", page, 1, 1, MAX_RESULT_WINDOW)
    if page * per_page > MAX_RESULT_WINDOW:
        raise RequestError("page", "page_too_deep", page=page, window=MAX_RESULT_WINDOW)
    lang = lang if lang in ("vi", "en") else "vi"
    match = (match or "best").strip().lower()
    if match not in MATCHES:
        raise RequestError("match", "unknown_choice", name="match", value=match[:30], choices=", ".join(MATCHES))
    return SearchRequest(query=query or "", filters=clean_filters, sort=sort, page=page,
                         per_page=per_page, lang=lang, match=match, explain=_flag("explain", explain))


def _flag(name: str, value) -> bool:
    """A yes/no parameter: true, 1, yes, on or false, 0, no, off (empty: no)."""
    if isinstance(value, bool) or value is None:
        return bool(value)
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("", "0", "false", "no", "off"):
        return False
    raise RequestError(name, "not_flag", name=name, value=text[:20])
