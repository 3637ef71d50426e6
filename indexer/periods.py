"""The reporting period of a bulletin: the year it reports on and the part of it.

Evidence, strongest first: the title, then the lead paragraphs, then the
publication date (year only). Periods: ``Q1``-``Q4`` (quý I-IV), ``H1`` (6
tháng đầu năm), ``H2`` (6 tháng cuối năm), ``9M`` (9 tháng), ``FY`` (an annual
report or plan: "Tổng kết ... năm 2022", "Kế hoạch CCHC năm 2021"). An annual
review published in 2023 about 2022 reports on 2022: the year named with the
period wins over the publication date, and the first year of a title over a
later one ("... năm 2022 và triển khai nhiệm vụ năm 2023").
"""

from __future__ import annotations

import re

from search.docnumbers import DOCNUMBER
from search.textnorm import normalize_key

_YEAR = r"((?:19|20)\d{2})"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# (pattern, period); the year, when the period names one, is group "year"
PERIODS = [
    (re.compile(rf"\bquý\s+(?P<q>iv|iii|ii|i|[1-4])\b(?:\s*(?:/|-|năm)\s*(?P<year>{_YEAR}))?"), "Q"),
    (re.compile(rf"\b(?:6|sáu)\s+tháng\s+(?:đầu\s+năm|năm)\b(?:\s*(?P<year>{_YEAR}))?"), "H1"),
    (re.compile(rf"\bsơ\s+kết\s+(?:công\s+tác\s+\S+\s+)?(?:6|sáu)\s+tháng\b(?:\s*năm\s*(?P<year>{_YEAR}))?"), "H1"),
    (re.compile(rf"\b(?:6|sáu)\s+tháng\s+cuối\s+năm\b(?:\s*(?P<year>{_YEAR}))?"), "H2"),
    (re.compile(rf"\b(?:9|chín)\s+tháng\b(?:\s*(?:đầu\s+)?năm\s*(?P<year>{_YEAR}))?"), "9M"),
]
_ANNUAL_CUES = re.compile(
    r"\b(tổng kết|kết quả|báo cáo|kế hoạch|phương hướng|nhiệm vụ|đánh giá|chương trình|triển khai|"
    r"công tác|hội nghị|sơ kết|thực hiện)\b"
)
_YEAR_OF = re.compile(rf"\bnăm\s+{_YEAR}\b")
_ANY_YEAR = re.compile(rf"(?<![\d/.-]){_YEAR}(?![\d/.-]\d)")
_RANGE = re.compile(rf"{_YEAR}\s*[-–]\s*{_YEAR}")
_DATE = re.compile(rf"\d{{1,2}}\s*/\s*\d{{1,2}}\s*/\s*{_YEAR}")


def _prepare(text: str) -> str:
    return DOCNUMBER.sub(" ", normalize_key(text))


def _explicit_period(text: str) -> tuple[str | None, int | None]:
    """The first quarter, half or nine-month period named in ``text``, with its year."""
    best = None
    for pattern, period in PERIODS:
        found = pattern.search(text)
        if found and (best is None or found.start() < best[0]):
            code = f"Q{_ROMAN[found.group('q')]}" if period == "Q" else period
            year = found.group("year")
            best = (found.start(), code, int(year) if year else None)
    return (best[1], best[2]) if best else (None, None)


def _years(text: str) -> list[int]:
    """Years named in ``text`` in order, ranges giving their first year, dates last."""
    dates = [int(m.group(1)) for m in _DATE.finditer(text)]
    text = _DATE.sub(" ", text)
    text = _RANGE.sub(lambda m: f" {m.group(1)} ", text)
    return [int(m.group(1)) for m in _ANY_YEAR.finditer(text)] + dates


def _lead(body: str, paragraphs: int = 2) -> str:
    return "\n".join(body.split("\n\n")[:paragraphs])


def reporting_period(title: str, body: str, published: str | None) -> tuple[int | None, str | None]:
    """(year, quarter) a bulletin reports on; None where the page does not say."""
    title_key, lead_key = _prepare(title or ""), _prepare(_lead(body))
    quarter, year = _explicit_period(title_key)
    if quarter is None:
        annual = _YEAR_OF.search(title_key)
        if annual and _ANNUAL_CUES.search(title_key):
            quarter, year = "FY", int(annual.group(1))
    if quarter is None:
        quarter, year = _explicit_period(lead_key)
    if year is None:
        years = _years(title_key) or _years(lead_key)
        if years:
            year = years[0]
        elif published:
            year = int(published[:4])
    return year, quarter
