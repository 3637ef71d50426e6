"""Which province and district a bulletin is about.

Evidence and its weight (``WEIGHTS``), strongest first: a name in the title; a
name with its unit word in the body ("tỉnh Cao Bằng", "UBND thành phố Cần
Thơ"); a district-level unit of the province named with its unit word ("huyện
Mộc Châu"); the source address (``caobang.gov.vn``, ``baocaobang.vn``); a bare
capitalised name in the body. A province is chosen only when its score reaches
``MIN_SCORE`` and at least ``DOMINANCE`` times the next one: a wrong province is
worse than none.

A district is chosen when the title names one, or the body names exactly one
district-level unit, at least ``MIN_DISTRICT_MENTIONS`` times; a provincial
report that lists many districts gets none.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import islice
from urllib.parse import urlsplit

from search.textnorm import fold, has_diacritics, unify_tones
from search.vocabulary import Province, provinces

WEIGHTS = {"title": 10, "unit": 3, "district": 2, "url": 6, "bare": 1}
CAPS = {"unit": 5, "district": 3, "bare": 3}  # mentions counted at most
MIN_SCORE, DOMINANCE = 3, 2.0
MIN_DISTRICT_MENTIONS = 3
PROVINCE_UNITS = r"(?:tỉnh|thành phố|tp\.?|ubnd tỉnh|ubnd thành phố)"
DISTRICT_UNITS = {"huyện": "huyện", "quận": "quận", "thị xã": "thị xã", "thành phố": "thành phố",
                  "tp.": "thành phố", "tp": "thành phố", "tx.": "thị xã", "tx": "thị xã"}
# a bare name right after one of these words is a commune, street or district, not the province
_LOWER_UNIT_BEFORE = re.compile(
    r"(?:xã|phường|thị trấn|huyện|quận|thị xã|ấp|thôn|bản|khu phố|đường|phố|sông|núi|cầu|chợ|"
    r"tỉnh|thành phố|tp\.?)\s*$", re.I)
SLUG_PREFIXES = ("", "bao", "snv", "sonoivu", "dichvucong", "dvc", "cchc", "ubnd", "tinh", "congbao",
                 "vanban", "stttt", "sotttt", "thanhpho", "tp")


@dataclass(frozen=True)
class Place:
    province: str | None
    district: str | None


def _spelling_pattern(spellings) -> str:
    forms = sorted({unify_tones(s) for s in spellings}, key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", r"[\s-]+").replace(r"\-", r"\s*[-–]\s*") for f in forms)


@cache
def _province_patterns(folded: bool) -> dict[str, tuple[re.Pattern, re.Pattern, tuple[str, ...]]]:
    """Per province: (name with a unit word, case-insensitive; bare name, case-sensitive; the lower-case
    last syllables of its spellings - a cheap test that the name may be in a text at all)."""
    out = {}
    for province in provinces():
        spellings = [province.name, *province.aliases]
        if folded:
            spellings = [fold(s) for s in spellings]
        names = _spelling_pattern(spellings)
        out[province.name] = (
            re.compile(rf"(?<!\w){PROVINCE_UNITS}\s+(?:{names})(?!\w)", re.I),
            re.compile(rf"(?<!\w)(?:{names})(?!\w)"),
            tuple({unify_tones(s).lower().replace("-", " ").replace(".", " ").split()[-1] for s in spellings}),
        )
    return out


@cache
def _district_index() -> tuple[re.Pattern, dict[str, list[tuple[str, str]]]]:
    """One pattern for "unit + district name", and name -> [(province, unit kind)]."""
    where: dict[str, list[tuple[str, str]]] = {}
    for province in provinces():
        for kind, name in province.districts:
            where.setdefault(unify_tones(name).lower(), []).append((province.name, kind))
    names = _spelling_pattern(where)
    units = "|".join(re.escape(u) for u in sorted(DISTRICT_UNITS, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?P<unit>{units})\s*(?P<name>{names})(?![\w/])", re.I)
    return pattern, where


def district_mentions(text: str) -> Counter:
    """(province, district name) -> mentions with a unit word, for unambiguous names."""
    pattern, where = _district_index()
    counts: Counter = Counter()
    for found in pattern.finditer(unify_tones(text)):
        unit = DISTRICT_UNITS[found.group("unit").lower()]
        name = " ".join(found.group("name").split())
        places = [(p, k) for p, k in where.get(name.lower(), []) if k == unit or unit == "thành phố"]
        if len({p for p, _ in places}) == 1 and name[:1].isupper():
            counts[(places[0][0], _display(places[0][0], name))] += 1
    return counts


def _display(province: str, name: str) -> str:
    for _, district in next(p for p in provinces() if p.name == province).districts:
        if district.lower() == unify_tones(name).lower():
            return district
    return name


def _url_provinces(url: str | None) -> set[str]:
    host = (urlsplit(url).hostname or "") if url and "//" in url else (url or "")
    labels = host.lower().split(".")
    found = set()
    for province in provinces():
        slugs = {fold(province.name).lower().replace(" ", "").replace("-", ""), *province.slugs}
        for label in labels[:-1]:
            if any(label == prefix + slug for slug in slugs for prefix in SLUG_PREFIXES):
                found.add(province.name)
    return found


def _bare_mentions(pattern: re.Pattern, text: str, cap: int | None = None) -> int:
    """Mentions of a bare name that no unit word (tỉnh, huyện, xã ...) stands before (counting stops at ``cap``)."""
    bare = (m for m in pattern.finditer(text)
            if not _LOWER_UNIT_BEFORE.search(text[max(0, m.start() - 14) : m.start()]))
    return sum(1 for _ in islice(bare, cap))


def _in_title(with_unit: re.Pattern, bare: re.Pattern, title: str) -> bool:
    if with_unit.search(title) or _bare_mentions(bare, title, 1):
        return True
    return title.isupper() and re.search(bare.pattern, title, re.I) is not None


def _score(title: str, body: str, url: str | None) -> Counter:
    folded = not has_diacritics(body[:2000] + title)
    title_n, body_n = unify_tones(title), unify_tones(body)
    present = (title_n + "\n" + body_n).lower()
    scores: Counter = Counter()
    for name, (with_unit, bare, hints) in _province_patterns(folded).items():
        if not any(hint in present for hint in hints):
            continue
        if _in_title(with_unit, bare, title_n):
            scores[name] += WEIGHTS["title"]
        scores[name] += WEIGHTS["unit"] * sum(1 for _ in islice(with_unit.finditer(body_n), CAPS["unit"]))
        scores[name] += WEIGHTS["bare"] * _bare_mentions(bare, body_n, CAPS["bare"])
    for (province, _), count in district_mentions(title + "\n" + body).items():
        scores[province] += WEIGHTS["district"] * min(count, CAPS["district"])
    for province in _url_provinces(url):
        scores[province] += WEIGHTS["url"]
    return +scores


def _dominant(scores: Counter) -> str | None:
    ranked = scores.most_common(2)
    if not ranked or ranked[0][1] < MIN_SCORE:
        return None
    if len(ranked) > 1 and ranked[0][1] < DOMINANCE * ranked[1][1]:
        return None
    return ranked[0][0]


def _district(title: str, body: str, province: str | None) -> str | None:
    in_title = [key for key in district_mentions(title) if province in (None, key[0])]
    if len({d for _, d in in_title}) == 1:
        return in_title[0][1]
    mentioned = district_mentions(body)
    if province:
        mentioned = Counter({k: v for k, v in mentioned.items() if k[0] == province})
    if len(mentioned) == 1:
        (key, count), = mentioned.items()
        if count >= MIN_DISTRICT_MENTIONS:
            return key[1]
    return None


def locate(title: str, body: str, url: str | None = None) -> Place:
    """The province and district a bulletin is about, or None for each."""
    province = _dominant(_score(title, body, url))
    district = _district(title, body, province)
    if district and province is None:
        owners = {p for (p, d) in district_mentions(title + "\n" + body) if d == district}
        province = owners.pop() if len(owners) == 1 else None
    return Place(province=province, district=district)


def province_of_district(district: str) -> str | None:
    """The one province with a district-level unit of this name, else None."""
    owners = {p.name for p in provinces() for _, name in p.districts
              if fold(unify_tones(name)).lower() == fold(unify_tones(district)).lower()}
    return owners.pop() if len(owners) == 1 else None


def is_province(name: str) -> bool:
    return any(p.name == name for p in provinces())


__all__ = ["Place", "Province", "locate", "district_mentions", "province_of_district", "is_province"]
