"""The one recogniser of reporting periods, shared by the indexer and query understanding.

A period is named the same way in a bulletin and in a query: "quý I/2021", "6 tháng đầu năm 2019" (or
"nửa đầu năm 2019"), "sơ kết 6 tháng năm 2021", "9 tháng", "tháng 5/2023", "tuần 03 năm 2024".
``explicit_period`` reads them on folded text (lower case, no diacritics: ``search.textnorm.folded_key``), so a
query typed without diacritics ("quy 1/2021") is read exactly as the text of a bulletin. ``indexer.periods``
decides which of the periods a bulletin names is the one it reports on; ``search.understanding`` lifts
bulletins with the period a query names.

>>> explicit_period("so ket cong tac cchc 6 thang nam 2021")
('H1', 2021)
>>> explicit_period("ket qua cchc quy ii/2022"), explicit_period("bao cao thang 5/2023")
(('Q2', 2022), ('', 2023))
>>> explicit_period("trong 06 thang dau nam 2024"), explicit_period("quy 01/2023")
(('H1', 2024), ('Q1', 2023))
>>> explicit_period("nua dau nam 2024"), explicit_period("nua cuoi nam")
(('H1', 2024), ('H2', None))
>>> explicit_period("bo chi so 766: tuan 03 nam 2024"), explicit_period("trong tuan qua, tinh tiep nhan")
(('', 2024), (None, None))
"""

from __future__ import annotations

import re

_YEAR = r"((?:19|20)\d{2})(?!\d)"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_OF_YEAR = rf"(?:\s*(?:/|-|\.|nam)\s*(?P<year>{_YEAR}))?"  # "quý II/2022", "quý III.2020", "quý I năm 2021"
# (pattern, period) on folded text; the year, when the period names one, is group "year";
# "" is a span that is no period of ours (a month, 7 or 8 months): it dates a report without a period
PERIODS = [
    (re.compile(rf"\bquy\s+(?P<q>iv|iii|ii|i|0?[1-4])\b{_OF_YEAR}"), "Q"),
    (re.compile(rf"\b(?:(?:0?6|sau)\s+thang\s+(?:dau\s+nam|nam)|nua\s+dau\s+nam)\b(?:\s*(?P<year>{_YEAR}))?"), "H1"),
    (re.compile(rf"\bso\s+ket\s+(?:cong\s+tac\s+\S+\s+)?(?:0?6|sau)\s+thang\b(?!\s*cuoi)(?:\s*nam\s*(?P<year>{_YEAR}))?"),
     "H1"),
    (re.compile(rf"\b(?:(?:0?6|sau)\s+thang|nua)\s+cuoi\s+nam\b(?:\s*(?P<year>{_YEAR}))?"), "H2"),
    (re.compile(rf"\b(?:0?9|chin)\s+thang\b(?:\s*(?:dau\s+)?nam\s*(?P<year>{_YEAR}))?"), "9M"),
    (re.compile(rf"\b(?:0?[78]|1[01]|bay|tam)\s+thang\b(?:\s*(?:dau\s+)?nam\s*(?P<year>{_YEAR}))?"), ""),
    (re.compile(rf"\bthang\s+(?:1[0-2]|0?[1-9])\s*(?:/|-|nam)\s*(?P<year>{_YEAR})"), ""),
    # a week of a year: the weekly ranking of Decision 766's index ("Tuần 03 năm 2024", "tuần thứ 12/2024")
    (re.compile(rf"\btuan\s+(?:thu\s+)?(?:[1-4]\d|5[0-3]|0?[1-9])\s*(?:/|-|nam)\s*(?P<year>{_YEAR})"), ""),
]


_PERIOD_WORDS = ("quy", "thang", "nua", "tuan")  # one of which every period holds: looked for first (the patterns,
# opening on a word boundary, are tried at every character; the indexer asks of every sentence with a figure)


def explicit_period(folded: str) -> tuple[str | None, int | None]:
    """The first period named in folded ``folded`` ("" for a weekly, monthly or 7/8-month one), with its year."""
    best = None
    if not any(word in folded for word in _PERIOD_WORDS):
        return None, None
    for pattern, period in PERIODS:
        found = pattern.search(folded)
        if found and (best is None or found.start() < best[0]):
            code = f"Q{_ROMAN[found.group('q').lstrip('0')]}" if period == "Q" else period
            year = found.group("year")
            best = (found.start(), code, int(year) if year else None)
    return (best[1], best[2]) if best else (None, None)


_DAY_MONTH = r"(?P<{0}d>\d{{1,2}})\s*[/.-]\s*(?P<{0}m>\d{{1,2}})(?:\s*[/.-]\s*(?P<{0}y>(?:19|20)\d{{2}}))?"
# "từ ngày 01/01 đến 15/8/2019", "từ 01-7 đến 31-7-2025", and a first day of the last one's month: "từ ngày 1 đến 31-7"
_FIRST_DAY = r"(?P<ad>\d{1,2})(?:\s*[/.-]\s*(?P<am>\d{1,2})(?:\s*[/.-]\s*(?P<ay>(?:19|20)\d{2}))?)?"
DATE_RANGE = re.compile(rf"\btu\s+(?:ngay\s+)?{_FIRST_DAY}\s*(?:den|-|–)\s*(?:het\s+)?(?:ngay\s+)?"
                        rf"{_DAY_MONTH.format('b')}(?![\d/])")


def date_range(folded: str, year: int | None = None) -> tuple[str, int] | None:
    """The first span of days a folded text names ("tu ngay 01/01 den 15/8/2019"), as an ISO interval and the
    year it ends in (``year`` when the text names none); None when there is none, or no year is known.

    >>> date_range("tu ngay 01/01 den 15/8/2019, da tiep nhan")
    ('2019-01-01/2019-08-15', 2019)
    >>> date_range("tu ngay 16/12/2020 den ngay 15/3/2021")
    ('2020-12-16/2021-03-15', 2021)
    >>> date_range("tu ngay 1 den 31-7 gom", 2025)
    ('2025-07-01/2025-07-31', 2025)
    """
    found = DATE_RANGE.search(folded)
    if not found or not (found.group("by") or year):
        return None
    end_year = int(found.group("by") or year)
    days = [int(found.group(g) or found.group("bm")) for g in ("ad", "am", "bd", "bm")]
    start_year = int(found.group("ay")) if found.group("ay") else end_year - (days[1] > days[3])
    if not (1 <= days[0] <= 31 and 1 <= days[1] <= 12 and 1 <= days[2] <= 31 and 1 <= days[3] <= 12):
        return None
    return f"{start_year}-{days[1]:02d}-{days[0]:02d}/{end_year}-{days[3]:02d}-{days[2]:02d}", end_year
