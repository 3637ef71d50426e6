"""The ``widget`` blueprint: ``widget.js`` for other sites, ``/embed`` for iframes, ``/widget`` for builders.

``widget.js`` is served with CORS (``CORS_ORIGINS``), an ETag of its content
and a cache header; a request carrying the current ETag gets 304. ``/embed``
renders the same widget as a page of its own for hosts that allow no scripts;
``/widget`` previews the widget live and writes the two lines to paste for the
chosen presets.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, current_app, render_template, request

from search.models import RequestError, canonical_value, is_digits

from .api import cors

bp = Blueprint("widget", __name__)
SCRIPT = Path(__file__).parent / "static" / "widget.js"
PRESETS = ("province", "province_2025", "year", "quarter", "topic")
MAX_AGE = 3600


@lru_cache(maxsize=1)
def _script() -> tuple[bytes, str]:
    body = SCRIPT.read_bytes()
    return body, hashlib.sha256(body).hexdigest()[:16]


def widget_version() -> str:
    return _script()[1]


@bp.get("/widget.js")
def widget_js():
    body, etag = _script()
    response = current_app.response_class(body, mimetype="text/javascript")
    response.set_etag(etag)
    response.headers["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return cors(response).make_conditional(request)


def widget_attributes(args) -> dict[str, str]:
    """Widget attributes from URL arguments; preset values are checked like search filters."""
    attributes: dict[str, str] = {}
    for name in PRESETS:
        chosen = [canonical_value(name, v) for v in args.getlist(name) if v.strip()]
        if chosen:
            attributes[name.replace("_", "-")] = "|".join(dict.fromkeys(chosen))
    per_page = args.get("per_page", "").strip()
    if per_page:
        if not is_digits(per_page) or len(per_page) > 12:
            raise RequestError("per_page", "not_whole_number", name="per_page", value=per_page[:20])
        if not 1 <= int(per_page) <= 20:
            raise RequestError("per_page", "out_of_range", name="per_page", low=1, high=20, value=int(per_page))
        attributes["per-page"] = per_page
    if args.get("lang") in ("vi", "en"):
        attributes["lang"] = args["lang"]
    placeholder = " ".join(args.get("placeholder", "").split())[:120]
    if placeholder:
        attributes["placeholder"] = placeholder
    return attributes


@bp.get("/embed")
def embed():
    return render_template("embed.html", attributes=widget_attributes(request.args), version=widget_version())


@bp.get("/widget")
def builder():
    attributes = widget_attributes(request.args)
    origin = request.host_url.rstrip("/")
    tag = "<cchc-search" + "".join(f' {k}="{_attr(v)}"' for k, v in attributes.items()) + "></cchc-search>"
    snippet = f'<script src="{origin}/widget.js" defer></script>\n{tag}'
    iframe = (f'<iframe src="{origin}/embed{_query(request.args)}" title="CCHC" width="100%" height="520" '
              'loading="lazy"></iframe>')
    return render_template("widget.html", attributes=attributes, snippet=snippet, iframe=iframe,
                           version=widget_version(), args=request.args)


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _query(args) -> str:
    from urllib.parse import urlencode

    pairs = [(k, v) for k in (*PRESETS, "per_page", "lang", "placeholder") for v in args.getlist(k) if v.strip()]
    return "?" + urlencode(pairs) if pairs else ""
