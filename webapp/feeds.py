"""The ``feeds`` blueprint: every search as an Atom 1.0 feed (``/feed.atom`` + the search's parameters).

A researcher subscribes to a saved search and sees new bulletins appear.
Entries are the newest matches first (the ``sort`` parameter is ignored),
each with a stable ``tag:`` id from the bulletin id, ``updated`` from its
publication date or else the time the index was built, its link, its
province, period and topics as categories, and the snippet as summary.
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import quote
from xml.etree import ElementTree as ET

from flask import Blueprint, current_app, request

from search.models import Hit

from .i18n import translate
from .params import SearchState, search_request

bp = Blueprint("feeds", __name__)
ATOM = "http://www.w3.org/2005/Atom"
TAG = "tag:cchc-search,2025:"
FEED_SIZE = 50
EPOCH = "1970-01-01T00:00:00Z"


def _engine():
    from . import engine_of

    return engine_of(current_app)


def entry_id(doc_id: str) -> str:
    """The stable id of a bulletin's entry.

    >>> entry_id("002_3240b270d685cc74")
    'tag:cchc-search,2025:bulletin/002_3240b270d685cc74'
    """
    return f"{TAG}bulletin/{quote(doc_id, safe='')}"


def updated(hit: Hit, built_at: str | None) -> str:
    """RFC 3339 time of an entry: the publication date (midnight UTC), else the index build time."""
    if hit.published and re.fullmatch(r"\d{4}-\d{2}-\d{2}", hit.published):
        return hit.published + "T00:00:00Z"
    return built_at or EPOCH


def _text(parent, tag: str, text: str, **attributes) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    element.text = text
    return element


def _entry(feed, hit: Hit, base: str, state: SearchState, built_at: str | None) -> None:
    entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
    _text(entry, "id", entry_id(hit.id))
    _text(entry, "title", hit.title or hit.id)
    _text(entry, "updated", updated(hit, built_at))
    ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html",
                                             "href": base + state.document_url(hit.id)})
    for term in (hit.province, hit.province_2025, str(hit.year) if hit.year else None, hit.quarter, *hit.topics):
        if term:
            ET.SubElement(entry, f"{{{ATOM}}}category", {"term": term})
    _text(entry, "summary", hit.snippet, type="html")


def atom_feed(response, state: SearchState, base: str, built_at: str | None) -> bytes:
    """The Atom document of a search response."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": state.lang})
    own = state.url("/feed.atom", page=1)
    _text(feed, "id", TAG + "feed" + own)
    title = translate("site_name", state.lang) + (f": {state.query}" if state.query else "")
    _text(feed, "title", title)
    stamps = [updated(hit, built_at) for hit in response.results]
    _text(feed, "updated", max([*stamps, built_at or EPOCH]))
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "type": "application/atom+xml", "href": base + own})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html",
                                            "href": base + state.url("/search", page=1)})
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", translate("site_name", state.lang))
    _text(feed, "generator", "cchc")
    for hit in response.results:
        _entry(feed, hit, base, state, built_at)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


@bp.get("/feed.atom")
def feed():
    search = search_request(request.args, current_app.config["PER_PAGE"], current_app.config["LANGUAGE"])
    search = replace(search, sort="newest", page=1, per_page=FEED_SIZE)
    response = _engine().run_search(search)
    state = SearchState.of(search, current_app.config["PER_PAGE"], current_app.config["LANGUAGE"])
    state.sort, state.per_page = "relevance", current_app.config["PER_PAGE"]  # links name the search, not the feed
    body = atom_feed(response, state, request.host_url.rstrip("/"), _engine().stats().get("built_at"))
    return current_app.response_class(body, mimetype="application/atom+xml")
