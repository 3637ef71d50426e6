"""Query understanding: the year, reporting period, province and district named inside free text.

A researcher types "kết quả cải cách hành chính quý I năm 2021 Bà Rịa Vũng Tàu"
rather than ticking facets. ``understand`` reads the words the query asks for
(``asked_text``: not those it excludes, not quoted phrases, not field searches;
document numbers removed) and returns the facet values they name; the engine
lifts bulletins whose metadata match (a boost, never a filter) and the results
page offers them as one-click filters.

Periods are read by ``search.periods``, the recogniser the indexer uses, on
folded text ("quy 1/2021" works too). A place is understood only as typed: a
name typed with diacritics must carry its own ("hai dương" is not Hải Dương),
and typed in lower case with them it needs a unit word before it ("tỉnh hòa
bình"), since "giữ vững hòa bình" is about peace; a name typed without any
diacritics is taken as it is. A query naming no province may name a region of
provinces ("các tỉnh miền núi phía Bắc", "ĐBSCL": ``data/regions.json``).

>>> understand("kết quả CCHC quý I năm 2021 tỉnh Bà Rịa - Vũng Tàu")
{'year': '2021', 'quarter': 'Q1', 'province': 'Bà Rịa - Vũng Tàu'}
>>> understand("bao cao 6 thang dau nam 2019 huyen Moc Chau")
{'year': '2019', 'quarter': 'H1', 'province': 'Sơn La', 'district': 'Mộc Châu'}
>>> understand("sơ kết 6 tháng năm 2021"), understand("giữ vững hòa bình"), understand("hai dương tính")
({'year': '2021', 'quarter': 'H1'}, {}, {})
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from . import query as ast
from .docnumbers import DOCNUMBER
from .periods import explicit_period
from .textnorm import fold, folded_key, normalize_key, unify_spelling
from .vocabulary import canonical_province, canonical_province_2025, provinces

_YEAR = r"(?<![\d.-])(?<!\d{3}:)((?:19|20)\d{2})(?!\d|[/.-]\d)"  # document numbers removed first; 9001:2015 a standard
_WHOLE_YEAR = re.compile(
    r"\b(?:ca\s+nam|tong\s+ket\s+(?:cong\s+tac\s+)?(?:cchc\s+|cai\s+cach\s+hanh\s+chinh\s+)?nam)\b")
REGIONS = Path(__file__).parent / "data" / "regions.json"  # queries alone read it: not in the index's fingerprint
_KINDS = {"huyen dao": "huyện", "huyen": "huyện", "thi xa": "thị xã", "tx": "thị xã", "thanh pho": "thành phố",
          "tp": "thành phố", "quan": "quận"}  # a district's unit words, folded, and the kind of district each names
_UNITS = tuple(_KINDS)
_PROVINCE_UNITS = ("tinh", "thanh pho", "tp", *_UNITS)


def asked_text(node) -> str:
    """The words a parsed query asks for: plain words (also inside ``+`` and OR), not what it excludes,
    not quoted phrases, not field searches."""
    if isinstance(node, ast.Words):
        return node.text
    if isinstance(node, ast.Required):
        return asked_text(node.child)
    if isinstance(node, (ast.And, ast.Or)):
        return " ".join(asked_text(child) for child in node.children)
    return ""


def understand(query: str) -> dict[str, str]:
    """Facet values named in ``query`` (free text: the words asked, see ``asked_text``): ``year``,
    ``quarter``, ``province``, ``province_2025``, ``district``; with no province, the ``region`` of provinces
    it names ("các tỉnh Tây Nguyên", ``region_provinces``)."""
    query = _UNIT_DOT.sub(lambda m: m.group(1) + " ", query or "")  # "TP.HCM", "Tp. Hồ Chí Minh", "TX. Sơn Tây":
    # the unit word, then the name
    typed = " ".join(normalize_key(DOCNUMBER.sub(" ", query)).replace("-", " ").split())
    text = fold(typed)
    found: dict[str, str] = {}
    years = {m.group(1) for m in re.finditer(_YEAR, text) if not _cited(text, m.start())}
    if len(years) == 1:
        found["year"] = years.pop()
    quarter = _period(text)
    if quarter:
        found["quarter"] = quarter
    places = _as_typed(typed, query)
    district, district_province = _district(places)
    province = _province(places) or district_province
    if province:
        found["province"] = province
    elif province_2025 := _province_2025(places):
        found["province_2025"] = province_2025
    elif region := _region(text):
        found["region"] = region
    if district and (district_province or not _ambiguous(district)):
        found["district"] = district
    return found


def _cited(text: str, at: int) -> bool:
    """A year written after a number and a slash that is no month or quarter (107/2021: a document)."""
    found = re.search(r"(\d+)[a-z]?/$", text[max(0, at - 8) : at])
    return bool(found) and int(found.group(1)) > 12


def _period(text: str) -> str | None:
    period, _ = explicit_period(text)
    if period:
        return period
    if short := _SHORT_QUARTER.search(text):
        return f"Q{short.group(1)}"
    if _HALF_OF_YEAR.search(text):
        return "H1"
    return "FY" if _WHOLE_YEAR.search(text) else None


# what queries write more tersely than pages (the shared recogniser, ``search.periods``, reads pages): "Q1/2021",
# "Q2-2022", "Q3 2020", "Q3 năm 2020" (a bare "Q1" may be District 1: only before a year); "6 tháng 2022" (the
# first half)
_SHORT_QUARTER = re.compile(r"\bq([1-4])(?:\s*/\s*|\s+(?:nam\s+)?)(?:19|20)\d\d\b")
_HALF_OF_YEAR = re.compile(r"\b(?:0?6|sau)\s+thang\s+(?:19|20)\d\d\b")


def _as_typed(typed: str, query: str) -> str:
    """The folded query with every place name that was not typed as one blanked out (module docstring)."""
    words, raw = typed.split(), " ".join(DOCNUMBER.sub(" ", query or "").replace("-", " ").split()).split()
    folded = [fold(w) for w in words]
    keep = list(folded)
    for start, length, run in _runs(" ".join(folded)):
        name = canonical_province(run) or canonical_province_2025(run) if length > 1 else None
        if not name or any(" ".join(folded[start : start + len(u.split())]) == u for u in _PROVINCE_UNITS):
            continue  # "tỉnh X", "thành phố X": X alone is looked at next
        spelled = [fold(w) == w for w in words[start : start + length]]
        if all(spelled):
            continue  # typed without diacritics: taken as it is
        exact = [unify_spelling(normalize_key(w)) for w in name.replace("-", " ").split()]
        unit = any(" ".join(folded[max(0, start - len(u.split())) : start]) == u for u in _PROVINCE_UNITS)
        capital = all(w[:1].isupper() for w in raw[start : start + length]) if len(raw) == len(words) else False
        if [unify_spelling(w) for w in words[start : start + length]] != exact or not (unit or capital):  # "Đăk
            # Lăk" is "Đắk Lắk" (``textnorm.unify_spelling``)
            keep[start : start + length] = ["_"] * length
    return " ".join(keep)


def _runs(text: str, longest: int = 5):
    """Every run of 1..``longest`` words of ``text``, longest first at each start."""
    words = text.split()
    for start in range(len(words)):
        for length in range(min(longest, len(words) - start), 0, -1):
            yield start, length, " ".join(words[start : start + length])


def _province(text: str) -> str | None:
    """The one province ``text`` names: by two words or more, or by one that is no syllable ("HCM", "TPHCM",
    "BRVT", "Kontum"; not "Huế", also a common word unaccented)."""
    named = {canonical_province(run) for _, length, run in _runs(text) if length > 1 or not _SYLLABLE.fullmatch(run)}
    return (named - {None}).pop() if len(named - {None}) == 1 else None


_SYLLABLE = re.compile(r"[^aeiouy]*[aeiouy]+[^aeiouy]*")  # one folded syllable: one run of vowels
_UNIT_DOT = re.compile(r"(?<!\w)(tp|tx)\.\s*", re.I)  # a city's or a town's unit word written short


def _province_2025(text: str) -> str | None:
    named = {canonical_province_2025(run) for _, length, run in _runs(text) if length > 1} - {None}
    return named.pop() if len(named) == 1 else None


@dataclass(frozen=True)
class Region:
    """A region of provinces a query may name (``data/regions.json``)."""

    name: str
    names: tuple[re.Pattern, ...]  # each way a query may write it, folded, as a whole-word pattern
    provinces: tuple[str, ...]  # canonical pre-2025 names


@cache
def regions() -> tuple[Region, ...]:
    """The regions of the data file, each province name checked against the provinces'."""
    out = []
    for entry in json.loads(REGIONS.read_text(encoding="utf-8"))["regions"]:
        named = tuple(canonical_province(name) for name in entry["provinces"])
        if None in named:
            raise ValueError(f"regions.json: {entry['name']} lists a province that is not one")
        names = tuple(re.compile(rf"(?<!\w){re.escape(folded_key(name))}(?!\w)") for name in entry["names"])
        out.append(Region(entry["name"], names, named))
    return tuple(out)


def _region(text: str) -> str | None:
    """The one region a folded query names ("cac tinh mien nui phia Bac", "DBSCL"), by its longest names."""
    spans = sorted(((m.start(), m.end(), region.name) for region in regions() for name in region.names
                    for m in name.finditer(text)), key=lambda s: s[0] - s[1])
    kept: list[tuple[int, int, str]] = []
    for start, end, name in spans:  # longest first: a name inside a longer one is that one's
        if not any(start >= s and end <= e for s, e, _ in kept):
            kept.append((start, end, name))
    named = {name for _, _, name in kept}
    return named.pop() if len(named) == 1 else None


def region_provinces(name: str) -> tuple[str, ...]:
    """The provinces of a region ``understand`` named."""
    return next(region.provinces for region in regions() if region.name == name)


@cache
def _districts() -> dict[str, list[tuple[str, str, str]]]:
    """Folded district name -> [(canonical name, province, kind)]."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for province in provinces():
        for kind, name in province.districts:
            out.setdefault(folded_key(name).replace("-", " "), []).append((name, province.name, kind))
    return out


def _ambiguous(district: str) -> bool:
    return len({(name, owner) for name, owner, _ in _districts().get(folded_key(district), [])}) > 1


def _district(text: str) -> tuple[str | None, str | None]:
    """(district, its province) named after a unit word ("huyện Mộc Châu"); the province only when unique."""
    words = text.split()
    province = _province(text)
    for start, _, run in _runs(text, 4):
        unit = next((u for u in _UNITS if start and " ".join(words[max(0, start - len(u.split())) : start]) == u),
                    None)
        places = _districts().get(run) if unit else None
        if not places:
            continue
        if province:
            places = [p for p in places if p[1] == province] or places
        places = [p for p in places if p[2] == _KINDS[unit]] or places  # "thị xã Sơn Tây" (Hà Nội), not the huyện
        owners = {owner for _, owner, _ in places}
        return places[0][0], (owners.pop() if len(owners) == 1 else None)
    return None, None

