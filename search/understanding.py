"""Query understanding: the year, reporting period, province and district named inside free text.

A researcher types "kết quả cải cách hành chính quý I năm 2021 Bà Rịa Vũng Tàu"
rather than ticking facets. ``understand`` reads the query (folded, so
"quy 1/2021" works too) and returns the facet values it names; the engine
lifts bulletins whose metadata match (a boost, never a filter) and the results
page offers them as one-click filters. Words inside quoted phrases, field
searches and document numbers count too: they are still what was asked.

>>> understand("kết quả CCHC quý I năm 2021 tỉnh Bà Rịa - Vũng Tàu")
{'year': '2021', 'quarter': 'Q1', 'province': 'Bà Rịa - Vũng Tàu'}
>>> understand("bao cao 6 thang dau nam 2019 huyen Moc Chau")
{'year': '2019', 'quarter': 'H1', 'province': 'Sơn La', 'district': 'Mộc Châu'}
"""

from __future__ import annotations

import re
from functools import cache

from .docnumbers import DOCNUMBER
from .textnorm import folded_key
from .vocabulary import canonical_province, canonical_province_2025, provinces

_YEAR = r"(?<![\d.-])((?:19|20)\d{2})(?![\d/.-]\d)"  # document numbers are removed first
_PERIODS = (
    (re.compile(r"\bquy\s+(iv|iii|ii|i|[1-4])\b"), None),
    (re.compile(r"\b(?:6|sau)\s+thang\s+dau\s+nam\b"), "H1"),
    (re.compile(r"\b(?:6|sau)\s+thang\s+cuoi\s+nam\b"), "H2"),
    (re.compile(r"\b(?:9|chin)\s+thang\b"), "9M"),
    (re.compile(r"\b(?:ca\s+nam|tong\s+ket\s+(?:cong\s+tac\s+)?(?:cchc\s+|cai\s+cach\s+hanh\s+chinh\s+)?nam)\b"),
     "FY"),
)
_QUARTERS = {"i": "Q1", "1": "Q1", "ii": "Q2", "2": "Q2", "iii": "Q3", "3": "Q3", "iv": "Q4", "4": "Q4"}
_UNITS = ("huyen dao", "huyen", "thi xa", "thanh pho", "quan", "tp")


def understand(query: str) -> dict[str, str]:
    """Facet values named in ``query``: ``year``, ``quarter``, ``province``, ``province_2025``, ``district``."""
    text = " ".join(folded_key(DOCNUMBER.sub(" ", query or "")).replace("-", " ").split())
    found: dict[str, str] = {}
    years = {m.group(1) for m in re.finditer(_YEAR, text) if not _cited(text, m.start())}
    if len(years) == 1:
        found["year"] = years.pop()
    quarter = _period(text)
    if quarter:
        found["quarter"] = quarter
    district, district_province = _district(text)
    province = _province(text) or district_province
    if province:
        found["province"] = province
    elif _province_2025(text):
        found["province_2025"] = _province_2025(text)
    if district and (district_province or not _ambiguous(district)):
        found["district"] = district
    return found


def _cited(text: str, at: int) -> bool:
    """A year written after a number and a slash that is no month or quarter (107/2021: a document)."""
    found = re.search(r"(\d+)[a-z]?/$", text[max(0, at - 8) : at])
    return bool(found) and int(found.group(1)) > 12


def _period(text: str) -> str | None:
    for pattern, period in _PERIODS:
        match = pattern.search(text)
        if match:
            return period or _QUARTERS[match.group(1)]
    return None


def _runs(text: str, longest: int = 5):
    """Every run of 1..``longest`` words of ``text``, longest first at each start."""
    words = text.split()
    for start in range(len(words)):
        for length in range(min(longest, len(words) - start), 0, -1):
            yield start, length, " ".join(words[start : start + length])


def _province(text: str) -> str | None:
    named = {canonical_province(run) for _, length, run in _runs(text) if length > 1} - {None}
    return named.pop() if len(named) == 1 else None


def _province_2025(text: str) -> str | None:
    named = {canonical_province_2025(run) for _, length, run in _runs(text) if length > 1} - {None}
    return named.pop() if len(named) == 1 else None


@cache
def _districts() -> dict[str, list[tuple[str, str]]]:
    """Folded district name -> [(canonical name, province)]."""
    out: dict[str, list[tuple[str, str]]] = {}
    for province in provinces():
        for _, name in province.districts:
            out.setdefault(folded_key(name).replace("-", " "), []).append((name, province.name))
    return out


def _ambiguous(district: str) -> bool:
    return len(_districts().get(folded_key(district), [])) > 1


def _district(text: str) -> tuple[str | None, str | None]:
    """(district, its province) named after a unit word ("huyện Mộc Châu"); the province only when unique."""
    words = text.split()
    province = _province(text)
    for start, _, run in _runs(text, 4):
        if start == 0 or not any(" ".join(words[max(0, start - len(u.split())) : start]) == u for u in _UNITS):
            continue
        places = _districts().get(run)
        if not places:
            continue
        if province:
            places = [p for p in places if p[1] == province] or places
        owners = {owner for _, owner in places}
        return places[0][0], (owners.pop() if len(owners) == 1 else None)
    return None, None
