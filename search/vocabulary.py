"""Controlled vocabularies: provinces, topics and reporting periods.

The lists people edit live in ``search/data/*.json``; this module loads them
once and answers lookups with plain data. Both the indexer (to extract
metadata) and the search side (to validate filters) use it, so a value means
the same thing everywhere. It is part of the indexing pipeline, and so is
every data file it reads (``indexer.fingerprint``): what only queries or pages
use lives elsewhere - display labels in ``search.labels``, function words and
abbreviations in ``search.querywords``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from .textnorm import folded_key, normalize_key

DATA = Path(__file__).parent / "data"

# Reporting periods, in display order (their labels: search.labels)
QUARTERS = ("Q1", "Q2", "Q3", "Q4", "H1", "H2", "9M", "FY")


@dataclass(frozen=True)
class Province:
    """A province or centrally-run city as it was before July 2025."""

    name: str
    kind: str  # "tỉnh" or "thành phố"
    after_2025: str
    aliases: tuple[str, ...]
    slugs: tuple[str, ...]
    districts: tuple[tuple[str, str], ...]  # (kind, name) pairs


@dataclass(frozen=True)
class Topic:
    """A topic of the taxonomy with its evidence terms."""

    id: str
    strong: tuple[str, ...]
    weak: tuple[str, ...]
    ignore: tuple[str, ...]
    pillar: tuple[str, ...] = ()  # names of the reform area itself, as listed among the pillars
    defining: tuple[str, ...] = ()  # patterns that alone say the bulletin discusses the topic
    indicators: tuple[str, ...] = ()  # figures (indexer.figures) that, reported, say the bulletin discusses it
    normative: tuple[str, ...] = ()  # strong terms only on a page showing a legal normative document's number


def _load(name: str) -> dict:
    with open(DATA / name, encoding="utf-8") as handle:
        return json.load(handle)


@cache
def provinces() -> tuple[Province, ...]:
    """All 63 pre-2025 provinces, in the order of the data file."""
    return tuple(
        Province(
            name=entry["name"],
            kind=entry["kind"],
            after_2025=entry["after_2025"],
            aliases=tuple(entry.get("aliases", ())),
            slugs=tuple(entry.get("slugs", ())),
            districts=tuple((kind, name) for kind, names in entry["districts"].items()
                            for name in names),
        )
        for entry in _load("provinces.json")["provinces"]
    )


_UNIT_PREFIXES = ("tinh ", "thanh pho ", "tp. ", "tp ")


def _province_key(text: str) -> str:
    """A loose key: folded, hyphens and dots as spaces, no unit word in front."""
    key = " ".join(folded_key(text).replace("-", " ").replace("–", " ").split())
    for prefix in _UNIT_PREFIXES:
        if key.startswith(prefix):
            return key[len(prefix):]
    return key


@cache
def _province_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for province in provinces():
        for spelling in (province.name, *province.aliases):
            keys.setdefault(_province_key(spelling), province.name)
    return keys


@lru_cache(maxsize=8192)  # query understanding asks for every run of a query's words, three times over
def canonical_province(text: str) -> str | None:
    """The canonical name of a province spelled any usual way, else None."""
    return _province_keys().get(_province_key(text))


@cache
def provinces_2025() -> tuple[str, ...]:
    """The 34 provinces after the July 2025 merger, in first-seen order."""
    return tuple(dict.fromkeys(p.after_2025 for p in provinces()))


@cache
def _province_2025_keys() -> dict[str, str]:
    keys = {folded_key(name): name for name in provinces_2025()}
    keys.setdefault(folded_key("Thừa Thiên Huế"), "Huế")
    return keys


@lru_cache(maxsize=8192)
def canonical_province_2025(text: str) -> str | None:
    """The canonical name of a post-2025 province, else None."""
    return _province_2025_keys().get(folded_key(text))


@cache
def province_2025_of() -> dict[str, str]:
    """Pre-2025 province name -> post-2025 province name."""
    return {p.name: p.after_2025 for p in provinces()}


@cache
def topics_config() -> dict:
    """The raw topic file (threshold and topics)."""
    return _load("topics.json")


@cache
def topics() -> tuple[Topic, ...]:
    """The topic taxonomy, evidence terms normalised for matching."""
    return tuple(
        Topic(
            id=entry["id"],
            strong=tuple(normalize_key(t) for t in entry["strong"]),
            weak=tuple(normalize_key(t) for t in entry["weak"]),
            ignore=tuple(normalize_key(t) for t in entry["ignore"]),
            pillar=tuple(normalize_key(t) for t in entry.get("pillar", ())),
            defining=tuple(entry.get("defining", ())),
            indicators=tuple(entry.get("indicators", ())),
            normative=tuple(normalize_key(t) for t in entry.get("normative", ())),
        )
        for entry in topics_config()["topics"]
    )


def topic_ids() -> tuple[str, ...]:
    return tuple(t.id for t in topics())
