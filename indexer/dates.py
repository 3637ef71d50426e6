"""The one date parser: date lines, document headers, metadata values, record fields.

Every stage that reads a date calls this module: cleaning (which line of a page
is its publication-date line), HTML extraction (``<meta>`` and ``<time>``
values) and the record reader (a ``published`` field given by a record).

A *date line* is a short line that is only a date, optionally with a list
bullet, a label ("Đăng ngày:", "Cập nhật ngày:", "Ngày xuất bản"), a weekday,
a clock time and a time zone; or a byline whose bar-separated parts are such a
date and short labelled names ("Ngày đăng: 03/04/2024 | Tác giả: Thanh Tùng"), or the authors' names
before a labelled date, glued to it or not ("Nguyên Linh, Huỳnh DanhCập nhật 15:14 ngày 20/06/2023").
Dates inside sentences ("Chiều ngày 23/2/2023, tại ...") and in cited
documents are not date lines, so they never become the publication date.
``labelled`` lines name themselves as a publication date and are trusted
anywhere in the article; unlabelled ones only near the headline.

The official header of a legal or administrative document ("Số: 12/2019/QĐ-UBND
| Bắc Giang, ngày 05 tháng 3 năm 2019", or its place-and-date line alone) is
the document's date line: it is read as an unlabelled date line.

Day-month-year order is the Vietnamese one; ISO dates and English month names
("July 14, 2023", "14 Jul 2023") are read as well, and so is the month-first date with a 12-hour clock that
some portal software prints ("6/4/19 3:43 PM"; "4/13/2023 2:01:32 PM" where the day-first reading is no
day). A scraper's stamp of a month only ("date 2020-09") is no date line; ``stamp_month`` reads it for the
reporting year.
"""

from __future__ import annotations

import datetime
import re

from .patterns import Gated

_LABEL = (r"(?P<label>tin đăng lúc|tin đăng ngày|đăng ngày|ngày đăng tải|ngày đăng bài|ngày đăng|ngày cập nhật|"
          r"cập nhật lúc|cập nhật vào ngày|"
          r"cập nhật ngày|cập nhật|ngày xuất bản|xuất bản ngày|xuất bản|đăng lúc|đăng tải|thời gian đăng|"
          r"ngày ban hành tin|ngày đăng tin|ngày phát hành|posted on|published on|published|posted|updated|"
          r"ngày(?=\s*:))")
# before the date: a section name and a dash ("Tin tức - 10:47, 23/05/2025"), or an author's name before a
# weekday ("Lam Hàn Thứ tư, ngày 20/10/2021") or before a date with its time
_LEAD_IN = (r"(?:[^\W\d_][^\d|:()]{0,30}?\s[-–]\s*(?=\d)|"
            # (after a dash too: "Minh Tâm-Thứ tư, ngày 10/03/2021")
            r"(?:[^\W\d_]+\s+){0,3}[^\W\d_]+(?:\s+|\s*[-–]\s*)(?=(?:thứ\s*(?:[2-7]|hai|ba|tư|năm|sáu|bảy|bẩy)|chủ\s*nhật)"
            r"\s*[,-])|"
            # an author's name before a date and its time, or its time and a date ("Tuấn Quang 06/09/2016 16:04",
            # "NGUYỄN NGHĨA 00:19, 01/04/2024")
            r"(?:[^\W\d_]+\s+){1,4}(?=\d{1,2}/\d{1,2}/\d{4}\s*[-–|,]?\s*\d{1,2}:\d{2}|"
            r"\d{1,2}:\d{2}\s*[-–|,]?\s*\d{1,2}/\d{1,2}/\d{4}))")
_BULLET = r"(?:[-–•*+·]\s*)"
_WEEKDAY = (r"(?:(?:thứ\s*(?:[2-7]|hai|ba|tư|năm|sáu|bảy|bẩy)|chủ\s*nhật|cn|"
            r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\s*[,-]?\s*)")
_CLOCK = r"(?:(?:lúc\s*)?\d{1,2}\s*[:h]\s*\d{1,2}(?:\s*:\s*\d{2})?\s*(?:am|pm|sa|ch|'|phút)?)"
_ZONE = r"(?:\(?\s*(?:gmt|utc)\s*[+-]\s*\d{1,2}(?::?00)?\s*\)?|\(?\s*ict\s*\)?)"
_SEP = r"\s*[|,\-–]?\s*"
_MONTHS = {name: number for number, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
     ("november", "nov"), ("december", "dec")], start=1) for name in names}
_MONTH_NAME = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d{2}"
_DATES = {
    "numeric": rf"(?P<d>\d{{1,2}})\s*[/.-]\s*(?P<m>\d{{1,2}})\s*[/.-]\s*(?P<y>{_YEAR})",
    "words": rf"(?P<d2>\d{{1,2}})\s+tháng\s+(?P<m2>\d{{1,2}})\s*,?\s+(?:năm\s+)?(?P<y2>{_YEAR})",
    "iso": rf"(?P<y3>{_YEAR})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})(?:[t ]\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?"
           r"(?:z|[+-]\d{2}:?\d{2})?)?",
    "english_md": rf"(?P<m4>{_MONTH_NAME})\.?\s+(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y4>{_YEAR})",
    "english_dm": rf"(?P<d5>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m5>{_MONTH_NAME})\.?,?\s+(?P<y5>{_YEAR})",
}
_ANY_DATE = "|".join(f"(?:{p})" for p in _DATES.values())
# after the date: a view count, labelled or bare ("08:49 2232", with a comment count: "21:47 346 0"; its label
# after it: "01:15 23 lượt xem"), or the page's tools ("Xem cỡ chữ")
_COUNTER = r"(?:lượt xem|lượt đọc|số lượt xem|số lần xem|lượt truy cập|view count|views)"
# views, comments; a counter whose label was an icon: "08:47 03-03-2021 | :226"
_VIEWS = rf"(?:\s*[|\-–]?\s*{_COUNTER}\s*:?\s*[\d.,]+|\s*[|\-–]?\s*[\d.,]+\s+{_COUNTER}|(?:\s+\d{{1,7}}){{1,2}}"\
         rf"|\s*\|\s*:\s*[\d.,]+)"
_TRAILER = r"(?:\s*[|\-–]?\s*(?:xem cỡ chữ|cỡ chữ|in bài|bản in|chia sẻ)\b.{0,40})"
DATE_LINE = re.compile(
    rf"^{_BULLET}?\(?\s*(?:{_LABEL}\s*(?:ngày\s*)?[:,]?\s*|{_LEAD_IN})?(?:{_CLOCK}{_SEP})?{_WEEKDAY}?(?:{_CLOCK}{_SEP})?"
    rf"(?:ngày\s*:?\s*)?\(?(?:{_ANY_DATE})\)?(?:{_SEP}{_CLOCK})?(?:{_SEP}{_ZONE})?{_VIEWS}?{_TRAILER}?\s*[.)]?$",
    re.I,
)
# the other parts of a byline split by bars: "Tác giả: Thanh Tùng", "Theo Báo Phú Thọ", "Cải cách hành chính"
_BYLINE_PART = re.compile(r"^(?:[^\d|:]{1,30}:\s*[^|]{0,50}|[^\d|:]{1,45}|(?:lượt xem|lượt đọc)\s*:?\s*[\d.,]+"
                          r"|[\d.,]{1,9})$", re.I)  # a view counter may stand without its label: "14/03/2022 | 1074"
# bylines split by bars, or by dashes between labelled parts ("Tác giả: Lan Anh - Ngày: 12/05/2022")
# or by a space before a labelled part ("Người đăng tin: Test Ngày đăng tin: 17/07/2009 Lượt xem: 23")
_PART_LABEL = r"(?:ngày đăng tin|ngày đăng|ngày cập nhật|lượt xem)\s*:"
_BYLINE_BAR = re.compile(rf"\s*\|\s*|\s+[-–]\s+(?=[^\d|:]{{1,30}}:)|\s+(?={_PART_LABEL})", re.I)
_DASHED_LABEL = re.compile(rf"\s[-–]\s+[^\d|:]{{1,30}}:|\s{_PART_LABEL}", re.I)
# "Số: 12/2019/QĐ-UBND | Bắc Giang, ngày 05 tháng 3 năm 2019": the number part is optional, the place is
# one to five capitalised words ("TP. Hồ Chí Minh", "Hà Nội")
_PLACE = r"(?:tp\.?\s*)?[^\W\d_][\w.]*(?:[\s-]+[^\W\d_][\w.]*){0,4}"
DOCUMENT_HEADER = re.compile(
    rf"^(?:số\s*:?\s*[\w./&-]+\s*[|,]?\s*)?(?P<place>{_PLACE})\s*,\s*ngày\s+{_DATES['words']}\s*[|.]?$",
    re.I,
)

_BRACKETS = re.compile(r"[\[\]]")  # "[ Cập nhật vào ngày (01/09/2017) ] - [ Số lần xem: 775 ]"
# a date stamp glued before the lead: a scraper's "date 2025-08-07 " prefix, or a date with no space before
# the lead's first word ("05/5/2022Không thuận lợi ...")
_MONTH_STAMP = r"date\s*:?\s+(?P<ym>(?:19|20)\d{2}-(?:0[1-9]|1[0-2]))"  # a scraper's stamp of a month only
_GLUED = (re.compile(rf"^date\s*:?\s+(?P<stamp>{_DATES['iso']}|{_DATES['numeric']})\s+(?P<lead>\S.*)$", re.I),
          re.compile(rf"^(?P<stamp>{_DATES['numeric']})(?P<lead>[^\W\d_].*)$"),
          re.compile(rf"^(?P<stamp>{_MONTH_STAMP})\s+(?P<lead>\S.*)$", re.I))
# a short United States date with its clock, as some portal software prints it: "6/4/19 3:43 PM" is 4 June 2019
_US_SHORT = re.compile(r"^(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<yy>\d{2})\s+\d{1,2}:\d{2}\s*(?:am|pm)$", re.I)
# the place-and-date of an official document after its number or the national motto, wherever the lines of
# its two-column header were broken ("Số: 07/CT-UBND | Lâm Đồng, ngày 26 | tháng 4 năm 2023")
_DOCUMENT_DATE = re.compile(
    rf"(?:hạnh phúc|số\s*:\s*[\w./&-]+)[\s|,.-]*(?P<place>{_PLACE})\s*,\s*ngày\s+{_DATES['words']}", re.I)

_ISSUED = re.compile(rf"\bngày ban hành\s*:\s*(?P<stamp>{_DATES['numeric']})", re.I)


def _match_date(found: re.Match) -> str | None:
    """The ISO date of a match of one of ``_DATES`` (None when no such day exists)."""
    groups = found.groupdict()
    for suffix in ("", "2", "3", "4", "5"):
        if groups.get("y" + suffix):
            day, month, year = groups["d" + suffix], groups["m" + suffix], groups["y" + suffix]
            month = _MONTHS.get(month.lower(), month) if not month.isdigit() else month
            try:
                return datetime.date(int(year), int(month), int(day)).isoformat()
            except ValueError:
                return None
    return None


_TWELVE_HOUR = re.compile(r"\d\s*(?:am|pm)\b", re.I)


def _month_first(found: re.Match) -> str | None:
    """A numeric date with a 12-hour clock that is no day read day first, read month first: the United States
    order some portal software prints ("4/13/2023 2:01:32 PM" is 13 April 2023); one that reads either way keeps
    the Vietnamese order ("20/12/2016 08:30:00 AM")."""
    if not found.group("d") or not _TWELVE_HOUR.search(found.string, found.end("y")):
        return None
    try:
        return datetime.date(int(found.group("y")), int(found.group("d")), int(found.group("m"))).isoformat()
    except ValueError:
        return None


def _is_place_name(words: str) -> bool:
    """True when every word is capitalised, as in "Bắc Giang" or "TP. Hồ Chí Minh" (not "Theo đó")."""
    return all(word[:1].isupper() for word in re.split(r"[\s.-]+", words) if word)


def _byline_date(line: str) -> tuple[str, bool] | None:
    """The date of a byline: one bar-separated part is a date line, the others are short labels or names."""
    parts = [part for part in _BYLINE_BAR.split(line) if part]
    dated = [(i, DATE_LINE.match(part)) for i, part in enumerate(parts)]
    dated = [(i, found) for i, found in dated if found]
    if len(dated) != 1 or not all(_BYLINE_PART.match(p) for i, p in enumerate(parts) if i != dated[0][0]):
        return None
    date = _match_date(dated[0][1])
    return (date, dated[0][1].group("label") is not None) if date else None


_SIGNED = Gated(r"(?=(?:cập nhật|ngày cập nhật|đăng ngày|ngày đăng|đăng lúc|xuất bản)\b)",
                "cập nhật", "đăng ngày", "ngày đăng", "đăng lúc", "xuất bản", flags=re.I)  # a look-ahead, tried at
# every character: looked for only in a line that holds one of the labels
BYLINE_NAMES = 8  # words of the authors' names a byline may put before its labelled date


def _signed_date(line: str) -> tuple[str, bool] | None:
    """The labelled date after the authors' names of a byline, glued or not ("Nguyên Linh, Huỳnh DanhCập nhật
    15:14 ngày 20/06/2023"): every word before the label capitalised, at most ``BYLINE_NAMES`` of them."""
    for label in _SIGNED.finditer(line):
        names = line[:label.start()].strip(" ,-–")
        words = names.replace(",", " ").split()
        if not words or len(words) > BYLINE_NAMES or not all(word[:1].isupper() and word.isalpha() for word in words):
            continue
        found = DATE_LINE.match(line[label.start():])
        date = _match_date(found) if found else None
        if date and found.group("label") is not None:
            return date, True
    return None


def parse_date_line(line: str) -> tuple[str, bool] | None:
    """(YYYY-MM-DD, labelled) when ``line`` is a publication-date line, else None.

    >>> parse_date_line("Cập nhật ngày: 03/04/2019 09:12:45")
    ('2019-04-03', True)
    >>> parse_date_line("Thứ Hai, 12/06/2023 | 14:20 GMT+7")
    ('2023-06-12', False)
    >>> parse_date_line("Số: 12/2019/QĐ-UBND | Bắc Giang, ngày 05 tháng 3 năm 2019")
    ('2019-03-05', False)
    >>> parse_date_line("Ngày đăng: 03/04/2024 | Tác giả: Thanh Tùng | Lượt xem: 317")
    ('2024-04-03', True)
    >>> parse_date_line("14/03/2022 | 1074")
    ('2022-03-14', False)
    >>> parse_date_line("Chiều ngày 23/2/2023, tại hội trường") is None
    True
    >>> parse_date_line("6/4/19 3:43 PM")
    ('2019-06-04', False)
    >>> parse_date_line("4/13/2023 2:01:32 PM")
    ('2023-04-13', False)
    >>> parse_date_line("Nguyên Linh, Huỳnh DanhCập nhật 15:14 ngày 20/06/2023")
    ('2023-06-20', True)
    """
    line = " ".join(_BRACKETS.sub(" ", line).split())
    found = DATE_LINE.match(line)
    if found:
        date = _match_date(found) or _month_first(found)
        return (date, found.group("label") is not None) if date else None
    if ("|" in line or _DASHED_LABEL.search(line)) and len(line) <= 160:
        dated = _byline_date(line)
        if dated:
            return dated
    signed = _signed_date(line)
    if signed:
        return signed
    header = DOCUMENT_HEADER.match(line)
    if header and _is_place_name(header.group("place")):
        date = _match_date(header)
        return (date, False) if date else None
    short = _US_SHORT.match(line)
    if short:
        try:
            return datetime.date(2000 + int(short["yy"]), int(short["m"]), int(short["d"])).isoformat(), False
        except ValueError:
            return None
    return None


def stamp_month(line: str) -> str | None:
    """YYYY-MM of a scraper's stamp that gives a month only ("date 2020-09"), else None: no publication
    date, but the year and month a page was seen in.

    >>> stamp_month(" date 2020-09"), stamp_month("date 2020-09-14")
    ('2020-09', None)
    """
    found = re.fullmatch(_MONTH_STAMP, line.strip(), re.I)
    return found.group("ym") if found else None


def parse_date(value: str) -> str | None:
    """The ISO date of a metadata value or a date line ("2023-07-14T08:00:00+07:00", "14/07/2023").

    >>> parse_date("2023-07-14T08:00:00+07:00")
    '2023-07-14'
    >>> parse_date("July 14, 2023")
    '2023-07-14'
    >>> parse_date("2023-02-30") is None
    True
    """
    if not isinstance(value, str):
        return None
    dated = parse_date_line(value)
    return dated[0] if dated else None


def split_glued_date(line: str) -> tuple[str, str] | None:
    """(date stamp, lead) of a line whose lead has a date stamp glued before it, else None.

    >>> split_glued_date(" date 2025-08-07 Ngày 7-8, Trung tâm cho biết")
    ('2025-08-07', 'Ngày 7-8, Trung tâm cho biết')
    >>> split_glued_date("05/5/2022Không thuận lợi như những địa phương khác")
    ('05/5/2022', 'Không thuận lợi như những địa phương khác')
    >>> split_glued_date("12/5/2022 UBND huyện tổ chức hội nghị") is None
    True
    >>> split_glued_date(" date 2020-09 Từ năm 2015-2020, UBND tỉnh đã ban hành")
    ('date 2020-09', 'Từ năm 2015-2020, UBND tỉnh đã ban hành')
    """
    line = line.strip()
    for pattern in _GLUED:
        found = pattern.match(line)
        if found and (_match_date(found) or stamp_month(found.group("stamp"))):
            return found.group("stamp"), found.group("lead")
    return None


def document_date_line(lines: list[str]) -> str | None:
    """The place-and-date line of an official document's header in ``lines`` (the top of a page), else None.

    The header's cells may be broken over lines or share one with the number and the motto; the place-and-date
    is read after "Số: ..." or "Hạnh phúc" only, so a date in a sentence or a citation never counts. Without
    one, the "Ngày ban hành:" cell of a legal-document site's table gives the date.

    >>> document_date_line(["Số: 48/KH-UBND", "|", "Cà Mau, ngày 28", "tháng 02 năm 2023", "KẾ HOẠCH"])
    'Cà Mau, ngày 28 tháng 02 năm 2023'
    >>> document_date_line(["Số hiệu: 14/2024/QĐ-UBND", "Ngày ban hành: 02/05/2024 Ngày hiệu lực: Đã biết"])
    '02/05/2024'
    >>> document_date_line(["Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018"]) is None
    True
    """
    top = " ".join(line for line in lines if line)
    found = _DOCUMENT_DATE.search(top)
    if found and _is_place_name(found.group("place")) and _match_date(found):
        return " ".join(found.string[found.start("place"):found.end()].split())
    issued = _ISSUED.search(top)
    return issued.group("stamp") if issued and _match_date(issued) else None
