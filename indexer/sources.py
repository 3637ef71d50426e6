"""What a bulletin's web address says about where it comes from.

The rules and the sites they cannot read live in ``search/data/sources.json``:

- a site listed under ``provinces`` (a radio-TV station's short name, a city
  newspaper) reports for that province, and so do its subdomains;
- a ``national`` site (a ministry, a national newspaper) gives no province by
  its host, only by a whole path segment naming one ("/quang-ninh/");
- otherwise a host label made of a province's slug (its name without
  diacritics and spaces, or a ``slugs`` entry of ``provinces.json``) with an
  allowed prefix or suffix gives the province: ``caobang.gov.vn``,
  ``sonoivu.caobang.gov.vn``, ``baocaobang.vn``, ``thainguyentv.vn``;
- a label or path segment naming a district of that province gives the
  district: ``mocchau.sonla.gov.vn``, ``sonla.gov.vn/huyen-moc-chau/``.

An address naming two provinces gives none, and so does a story filed in a local site's national or world
news section (``national_sections``: "/trong-nuoc/").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from search.textnorm import fold
from search.vocabulary import Province, provinces

SOURCES = Path(__file__).parent.parent / "search" / "data" / "sources.json"
_PROVINCE_SEGMENTS = ("", "tinh-", "thanh-pho-", "tp-")
_DISTRICT_SEGMENTS = ("huyen-", "quan-", "thi-xa-", "tx-", "thanh-pho-", "tp-")


@dataclass(frozen=True)
class Source:
    province: str | None
    district: str | None


@cache
def sources_config() -> dict:
    with open(SOURCES, encoding="utf-8") as handle:
        return json.load(handle)


def _slug(name: str, joiner: str = "") -> str:
    """'Mộc Châu' -> 'mocchau' (or 'moc-chau' with joiner '-')."""
    return joiner.join(re.findall(r"[a-z0-9]+", fold(name).lower()))


def _province_slugs(province: Province) -> set[str]:
    return {_slug(province.name), *province.slugs}


@cache
def _host_labels() -> dict[str, str]:
    """Host label -> province, for every slug with every allowed prefix and suffix."""
    config, labels = sources_config(), {}
    for province in provinces():
        for slug in _province_slugs(province):
            for prefix in config["prefixes"]:
                for suffix in config["suffixes"]:
                    labels.setdefault(prefix + slug + suffix, province.name)
    return labels


@cache
def _path_segments() -> dict[str, str]:
    """Path segment ("quang-ninh", "tinh-quang-ninh", "quangninh") -> province."""
    segments = {}
    for province in provinces():
        for unit in _PROVINCE_SEGMENTS:
            segments[unit + _slug(province.name, "-")] = province.name
        segments[_slug(province.name)] = province.name
    return segments


def _district_of(province: str, labels: list[str], segments: list[str]) -> str | None:
    """The one district of ``province`` that a host label (left of the province's last) or a path segment names.

    A district named like its province (thành phố Cao Bằng) needs its unit word in a path segment; host
    labels compare with y and i alike, as sites spell them both ways (bachlongvy, Bạch Long Vĩ).
    """
    entry = next(p for p in provinces() if p.name == province)
    own = max((i for i, label in enumerate(labels) if _host_labels().get(label) == province), default=len(labels))
    lower_labels, found = {label.replace("y", "i") for label in labels[:own]}, {}
    for _, name in entry.districts:
        joined, hyphened = _slug(name), _slug(name, "-")
        if any((prefix + joined).replace("y", "i") in lower_labels for prefix in sources_config()["district_prefixes"]):
            found.setdefault(joined, name)
        bare = [""] if joined not in _province_slugs(entry) else []
        if any(unit + hyphened in segments for unit in (*bare, *_DISTRICT_SEGMENTS)):
            found.setdefault(joined, name)
    return next(iter(found.values())) if len(found) == 1 else None


@cache
def _district_hosts() -> dict[str, tuple[str, str]]:
    """A district portal's own host label ("chodon" of chodon.gov.vn) -> (province, district), for the district
    slugs that no other district or province shares."""
    seen: dict[str, list[tuple[str, str]]] = {}
    for province in provinces():
        for _, name in province.districts:
            for prefix in sources_config()["district_prefixes"]:
                seen.setdefault(prefix + _slug(name), []).append((province.name, name))
    return {label: places[0] for label, places in seen.items() if len(places) == 1 and label not in _host_labels()}


def _split(url: str) -> tuple[str, list[str]]:
    """(lower-case host without port and 'www.', path segments) of an address, with or without a scheme."""
    parts = urlsplit(url if "//" in url else "//" + url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    return host, [s for s in parts.path.lower().split("/") if s]


def _listed(host: str, domains) -> str | None:
    return next((d for d in domains if host == d or host.endswith("." + d)), None)


def url_source(url: str | None) -> Source:
    """The province and district an address names, or None for each.

    >>> url_source("https://mocchau.sonla.gov.vn/tin-tuc/1")
    Source(province='Sơn La', district='Mộc Châu')
    >>> url_source("https://moha.gov.vn/tin-tuc/1")
    Source(province=None, district=None)
    >>> url_source("https://chodon.gov.vn/cho-don-cong-nhan-19-xa/")
    Source(province='Bắc Kạn', district='Chợ Đồn')
    """
    try:
        host, segments = _split(url) if url else ("", [])
    except ValueError:  # a malformed address ("http://[::1") names nothing
        return Source(None, None)
    config, labels = sources_config(), host.split(".")[:-1]
    if any(segment in config["national_sections"] for segment in segments):
        return Source(None, None)  # a local site's national or world news section
    if _listed(host, config["national"]):
        found = {_path_segments()[s] for s in segments if s in _path_segments()}
        labels = []
    elif _listed(host, config["provinces"]):
        found = {config["provinces"][_listed(host, config["provinces"])]}
    else:
        found = {_host_labels()[label] for label in labels if label in _host_labels()}
        if not found and host.endswith(".gov.vn"):  # a district's own portal: chodon.gov.vn
            district = next((_district_hosts()[label] for label in labels if label in _district_hosts()), None)
            if district:
                return Source(*district)
    if len(found) != 1:
        return Source(None, None)
    province = found.pop()
    return Source(province, _district_of(province, labels, segments))
