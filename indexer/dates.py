"""Publication-date lines: "Đăng ngày: 12/06/2014 14:58:52", "Thứ 3, ngày 05/01/2021 | 08:11 AM".

A date line is a short line that is only a date, optionally with a label,
a weekday, a clock time and a time zone. Dates inside sentences ("Chiều ngày
23/2/2023, tại ...") are not date lines, so they never become the publication
date. ``LABELLED`` lines name themselves as a publication date and are trusted
anywhere in the article; unlabelled ones only near the headline.
"""

from __future__ import annotations

import datetime
import re

_LABEL = (r"(?P<label>đăng ngày|ngày đăng|ngày đăng tải|ngày cập nhật|cập nhật|cập nhật lúc|ngày xuất bản|"
          r"xuất bản|đăng lúc|đăng tải|thời gian đăng|ngày ban hành tin|posted on|published|posted)")
_WEEKDAY = r"(?:(?:thứ\s*(?:[2-7]|hai|ba|tư|năm|sáu|bảy|bẩy)|chủ\s*nhật|cn)\s*[,-]?\s*)"
_CLOCK = r"(?:(?:lúc\s*)?\d{1,2}\s*[:h]\s*\d{2}(?:\s*:\s*\d{2})?\s*(?:am|pm|sa|ch|'|phút)?)"
_ZONE = r"(?:\(?\s*gmt\s*[+-]\s*\d{1,2}(?::?00)?\s*\)?)"
_SEP = r"\s*[|,\-–]?\s*"
_NUMERIC = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>(?:19|20)\d{2})"
_WORDS = r"(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s*,?\s+năm\s+(?P<y2>(?:19|20)\d{2})"
_VIEWS = r"(?:\s*[|\-–]\s*(?:lượt xem|lượt đọc|số lượt xem|lượt truy cập)\s*:?\s*[\d.,]+)"
DATE_LINE = re.compile(
    rf"^\(?(?:{_LABEL}\s*:?\s*)?(?:{_CLOCK}{_SEP})?{_WEEKDAY}?(?:ngày\s*)?(?:{_NUMERIC}|{_WORDS})"
    rf"(?:{_SEP}{_CLOCK})?(?:{_SEP}{_ZONE})?{_VIEWS}?\s*[.)]?$",
    re.I,
)


def parse_date_line(line: str) -> tuple[str, bool] | None:
    """(YYYY-MM-DD, labelled) when ``line`` is a publication-date line, else None."""
    found = DATE_LINE.match(" ".join(line.split()))
    if not found:
        return None
    day = found.group("d") or found.group("d2")
    month = found.group("m") or found.group("m2")
    year = found.group("y") or found.group("y2")
    try:
        date = datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return date.isoformat(), found.group("label") is not None
