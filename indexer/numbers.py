"""Vietnamese numbers in a sentence, with the unit each is given in.

``read_numbers`` finds, in a lower-cased sentence, every number as Vietnamese write it ("1.439", "98,5%", "59,72
ngàn", "2,5 triệu", "40,62/80 điểm") and every rank ("xếp thứ 10/63", "xếp 55/63", "giữ vị trí số 2", "đứng ở vị trí
32", "từ vị trí 63"), with its unit: ``%``, ``score`` ("điểm" after it, or a decimal after "tổng điểm", "số điểm
tổng hợp là"), ``rank``, ``count`` (followed by a counted noun: "hồ sơ", "thủ tục") or none. A score or share
written with a decimal point ("92.83 điểm", "91.651%", "45.366 điểm": two digits before it) is a decimal, not
thousands. Years, levels, dates and document numbers are no values, nor is the number of a hyphenated name
("covid-19") or the one after "/ " ("31,59/ 38,5 điểm tối đa": a maximum). ``parse_number`` reads one number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .indicators import vocabulary

# Every number opens on a digit, and the pattern does too, the look-behinds checked after it: the regular
# expression engine then tries only the sentence's digits (its prefix scan), 2.4x faster than opening on the
# look-behinds, which it tried at every character. ``dot`` (empty) marks a decimal point before "%" or "điểm".
_NUMBER = re.compile(
    r"(?P<n>\d(?<![\w.,/]\d)(?<!/\s\d)(?<![^\W\d_]-\d)(?:\d\.\d{1,3}(?=\s*(?:%|điểm(?!\s*cầu)))(?P<dot>)"
    r"|\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d{0,2}\.\d{1,2}(?=\s*%)|\d*(?:,\d+)?))"
    r"(?!\w|[.,]\d|/(?!\d{2,3}\s*điểm|100(?!\d)))(?:/(?!100(?!\d))\d{2,3})?"  # "40,62/80 điểm"; "88,02/100" a score
    r"(?:\s*(?P<mult>ngàn|nghìn|triệu|tỷ)(?!\w))?(?P<pct>\s*%)?")
_RANK = re.compile(r"(?:xếp|đứng|giữ|ở|xếp ở|từ|với)\s+(?:(?:vị\s+)?(?:trí\s+)?(?:thứ|hạng|số)|vị\s+trí)\s+"
                   r"(?P<n>\d{1,3})"
                   r"(?:\s*/\s*\d{1,3})?(?![\d,.]\d)|\b(?:hạng(?:\s+thứ)?|vị trí thứ|vị thứ)\s+(?P<m>\d{1,3})"
                   r"(?:\s*/\s*\d{1,3})?(?![\d,.]\d)"
                   r"|\b(?:xếp|đứng)\s+(?P<k>\d{1,3})\s*/\s*\d{2,3}(?![\d,.]\d)"  # "xếp 55/63 tỉnh, thành phố"
                   # a list's item opening on its place: "...; thứ 3 tỉnh Hải Dương đạt 90,23%"
                   r"|(?:^|(?<=[;:]))\s*thứ\s+(?P<j>\d{1,3})(?=\s+(?:là\s+)?(?:tỉnh|thành phố|tp\.?|sở|huyện|quận"
                   r"|thị xã|ubnd|văn phòng|ban|phường|xã)\s)"
                   # an item's place after its unit's name, then its score: "...; quận Hải An thứ 3 đạt 85,17 điểm"
                   # (the look-behinds after "thứ", so that the branch is tried only where "thứ" stands)
                   r"|thứ(?<=[^\W\d_] thứ)(?<!lần thứ)(?<!năm thứ)(?<!kỳ thứ)(?<!khóa thứ)(?<!đợt thứ)(?<!ngày thứ)"
                   r"(?<!tuần thứ)(?<!tháng thứ)(?<!quý thứ)(?<!số thứ)\s+(?P<i>\d{1,2})(?=\s+(?:đạt|với)\s)")
_RANK_WORD = re.compile(r"(?:thứ|hạng|số|trí|xếp|đứng)\s+\d")  # every rank _RANK reads holds one of these words
# just before its number: looked for first (the engine scans for their first letters only), as _RANK, whose
# branches open on look-behinds and alternations, is tried at every position of the sentence
# an item's numeral in brackets before a name ("(6) ban quản lý ..."), and the words that make a list's numerals
# places in a ranking ("xếp ở nhóm đầu lần lượt là:")
_ORDINAL = re.compile(r"\((\d{1,2})\)\s*(?=[^\W\d_])")
# any other numeral alone in brackets marks an item ("1281 hồ sơ (1)", "[(2)+(3)]/(1)")
_MARK = re.compile(r"\(\d{1,2}\)")
_RANKING_LEAD = re.compile(r"(?<!\w)(?:lần lượt|theo thứ tự)(?!\w)")
_NOT_VALUE_BEFORE = re.compile(r"(?:mức độ|mức|quý|tháng|năm|ngày|(?<!tổng )số|lần|giai đoạn|khóa|nghị định|quyết định"
                               r"|thông tư|điều|khoản|top|thứ|nhóm|gấp)\s*$")
_FORMULA_BEFORE = re.compile(r"[*×]\s*$")  # "[(2)+(3)]/(1)*100% = 85,25%": a formula's factor, no value
_TOP_BEFORE = re.compile(r"top\s*$")  # "top 10% tỉnh": a band, no value
_SCORE_AFTER = re.compile(r"^\s*(?:điểm|/\s*100)(?!\w)")
_SCORE_BEFORE = re.compile(r"(?<!\w)(?:tổng (?:số )?điểm|số điểm|điểm số)(?: tổng hợp)?(?: (?:là|đạt|đạt được))?\s*$")
_WRITTEN = re.compile(r"\s*(\d[\d.,]*)\s*(ngàn|nghìn|triệu|tỷ)?\s*%?\s*")
_DECIMAL_POINT = re.compile(r"\d{1,3}\.\d{1,2}")  # "98.5%": a decimal point, as some portals write
_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")
_MULTIPLIER = {"ngàn": 1_000, "nghìn": 1_000, "triệu": 1_000_000, "tỷ": 1_000_000_000}


def parse_number(text: str) -> float | None:
    """A Vietnamese number as a float: "." groups thousands, "," marks decimals, a word multiplies.

    >>> parse_number("1.439"), parse_number("98,5"), parse_number("59,72 ngàn"), parse_number("2,5 triệu")
    (1439.0, 98.5, 59720.0, 2500000.0)
    """
    found = _WRITTEN.fullmatch(text)
    if not found:
        return None
    digits = found.group(1)
    if _DECIMAL_POINT.fullmatch(digits):
        number = float(digits)
    elif _GROUPED.fullmatch(digits):
        number = float(digits.replace(".", "").replace(",", "."))
    else:
        return None
    return round(number * _MULTIPLIER.get(found.group(2) or "", 1), 6)


@dataclass
class Number:
    start: int
    end: int
    value: float
    unit: str | None  # "count", "%", "score", "rank" or None (a bare number)
    noun: str = ""  # what a count counts ("hồ sơ", "thủ tục")
    decimal: bool = False  # written with a decimal part ("85,12")
    clause: int = 0  # where the clause that names it starts (after the last , ; : or bracket before it)
    written: str | None = None  # the unit as written, when the indicator reports it in another ("90,76%" a score)
    follows: bool = False  # a share that takes the indicator of the count before it ("1.051 hồ sơ, đạt 44%")
    national: bool = False  # an index's national average ("trung bình cả nước là 87,16%")
    early: bool = False  # an on-time figure named by early words alone ("số hồ sơ trả trước hạn là 3.066"): a part
    ordinal: bool = False  # a place in a ranking list, written as the item's numeral before its name: "(6) Sở ..."


def read_numbers(key: str) -> list[Number]:
    """The numbers of a lower-cased sentence with their units, in order."""
    found, taken = [], []
    for m in (_RANK.finditer(key) if _RANK_WORD.search(key) else ()):
        place = next(group for group in m.group("n", "m", "k", "j", "i") if group)
        found.append(Number(m.start(), m.end(), float(place), "rank"))
        taken.append((m.start(), m.end()))
    ranking = _RANKING_LEAD.search(key) if "lần lượt" in key or "theo thứ tự" in key else None
    for m in _ORDINAL.finditer(key):  # "... xếp ở nhóm đầu lần lượt là: (1) Sở Tài chính đạt 90,05%, (3) ...": places
        if ranking and ranking.end() <= m.start() and not any(a <= m.start() < b for a, b in taken):
            found.append(Number(m.start(), m.end(), float(m.group(1)), "rank", ordinal=True))
        taken.append((m.start(), m.end()))  # elsewhere an item's numeral, no figure
    taken += [m.span() for m in _MARK.finditer(key)]
    counted_after = vocabulary()["counted_after"]
    for m in _NUMBER.finditer(key):
        start, written, multiplier, share = m.start(), *m.group("n", "mult", "pct")
        if any(a <= start < b for a, b in taken) or (not multiplier and not share and _YEAR_LIKE.fullmatch(written)):
            continue  # an item's numeral; a year
        value = float(written) if m.group("dot") is not None else \
            parse_number(written + (" " + multiplier if multiplier else ""))  # not "/80"
        if value is None or (_TOP_BEFORE if share else _NOT_VALUE_BEFORE).search(key, max(0, start - 20), start) \
                or _FORMULA_BEFORE.search(key, max(0, start - 3), start):
            # a level, a date; a share is none of them ("ở mức 82,66%", "với chỉ số 96,43%")
            continue
        after = key[m.end():m.end() + 40]
        counted = counted_after.match(after)
        unit = "%" if share else "score" if _SCORE_AFTER.match(after) else "count" if counted else None
        if unit is None and "," in written and _SCORE_BEFORE.search(key, max(0, start - 30), start):
            unit = "score"  # "dẫn đầu với tổng điểm 92,9", "số điểm tổng hợp là 84,36": a score named before it
        found.append(Number(start, m.end(), value, unit, counted.group().strip() if counted else "",
                             "," in written or bool(_DECIMAL_POINT.fullmatch(written))))
    return sorted(found, key=lambda n: n.start)


