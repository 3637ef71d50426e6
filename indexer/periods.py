"""The reporting period of a bulletin: the year it reports on and the part of it.

The year reported on is not the year of publication: an index "năm 2022"
announced in 2023 reports on 2022, and a year-end review published in January
reports on the year before. Evidence, strongest first: the headline, then a
period named in the lead paragraphs (the first three when the first two name
no year; the headline printed again is none of them) (for a headline without a year, also an
index, a year-end review or - under a headline naming an annual document - an
annual cue with its year: "công bố Chỉ số CCHC năm 2021" is FY 2021; a
headline's index (not one ranked by the week or the month too, the index of Decision 766: its
lead decides), ranking or review without its year yields to the latest index
year the lead names, "Theo kết quả công bố Par Index 2020", else to a part of a
year the lead names, "báo cáo 9 tháng"; under a
headline naming an index or a ranking without a year, the latest index year of
the whole body), then the
publication date (year only; the year before for a bulletin published in the
first months of a year with figures for that year: "Trong năm 2020, đã cấp ..."
published in February 2021). The lead is the first paragraphs of three words
or more; its first year serves only a year-end review whose headline names no
year; on a page without a date the day the lead opens with ("Ngày 27/8/2014,
Hội ... tổ chức") comes first, then the lead's latest year (a lead goes from
the past to the present: "Năm 2016 là năm thứ 3 ... Năm 2017, huyện vẫn ..."),
then its latest full date not beside a document number, then the latest year of
the whole body, then its latest full date not beside a document number ("Tính từ
ngày 01/7 đến ngày 28/7/2025"), then its latest month with a year ("Tính đến hết
tháng 10/2019", a newspaper's "tháng 9.2025") not beside a document number. A
scraper's stamp of a month only ("date 2020-09") serves as the publication date here. Years inside document
numbers (61/2018/NĐ-CP), citation dates (ngày 08/11/2011) and law titles
("Luật ... năm 2015"), target years ("đến năm 2025", not "tính đến hết năm 2018"), starting points
("từ năm 2013"), birth years ("SN 1977")
and the period compared with ("cùng kỳ năm 2019", which on a page without a date says the year is 2020) never
count; a range ("giai đoạn 2021-2025") names no single year, and a headline naming one is no FY.

Periods: ``Q1``-``Q4`` (quý I-IV), ``H1`` (6 tháng đầu năm), ``H2`` (6 tháng
cuối năm), ``9M`` (9 tháng), ``FY`` (a headline naming an annual report,
review, plan or index with its year, or the subject of a plan or report - by its
own number, "Số: 270/KH-UBND" - naming a year; a headline naming its year with a year's recognition, targets
or tasks, "Công nhận 15 xã đạt chuẩn tiếp cận pháp luật năm 2020": the cue words and kinds are in
``indexer/data/periods.json``; under a headline naming no year and no period, a lead sentence that opens on
the year of publication, or on a year of an undated page, and gives a figure for it: "Năm 2024, kết quả giải
quyết hồ sơ đúng hạn đạt 99,48%", "Trong năm 2017, Sở Tư pháp tiếp nhận 11.366 thông tin"). Monthly, 7- and
8-month reports keep their year but get no period, as does event news.
"""

from __future__ import annotations

import calendar
import json
import re
from functools import cache, lru_cache
from pathlib import Path

from search.docnumbers import DOCNUMBER
from search.periods import date_range, explicit_period
from search.textnorm import fold, normalize_key

from .dates import parse_date
from .patterns import Gated

CUES = Path(__file__).parent / "data" / "periods.json"
LEAD_WORDS = 3  # a paragraph of fewer words (a byline, a stray word) is no part of the lead
_YEAR = r"((?:19[4-9]|20\d)\d)"  # a year a bulletin may report on: none before 1940 ("1900 54 54 81" is a phone)
COUNTED_NOUNS = ("hồ sơ", "HS", "thủ tục", "TTHC", "dịch vụ")  # what a count that reads like a year counts ("1955 hồ
# sơ"): no year (also indexer.figure_periods)
_CITED = [
    re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d{2}"),  # a full date
    re.compile(r"\bngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s*,?\s+năm\s+(?:19|20)\d{2}"),
    # "Luật Cán bộ, công chức năm 2008" (but "tìm hiểu pháp luật ... năm 2014" names no law)
    re.compile(r"(?<!pháp )\bluật\b[^.;:()\n]{0,60}?\bnăm\s+(?:19|20)\d{2}"),
    # a target year ("phấn đấu đến năm 2025"; "tính đến hết năm 2018" is the day results are counted to)
    re.compile(r"\b(?<!tính )(?:đến|tới|trước|sau)\s+(?:hết\s+|cuối\s+)?năm\s+(?:19|20)\d{2}"),
    re.compile(rf"{_YEAR}\s*[-–]\s*{_YEAR}"),  # a range names no single year
    re.compile(r"\btừ\s+năm\s+(?:19|20)\d{2}"),  # a starting point ("thành lập từ năm 2013"), not "từ đầu năm"
    re.compile(r"\b(?:sn|sinh năm|năm sinh)\s*:?\s*(?:19|20)\d{2}"),  # a birth year
    re.compile(r"\bcùng kỳ\s+(?:năm\s+)?(?:19|20)\d{2}"),  # the period compared with
    re.compile(r"\bso với\s+(?:cùng kỳ\s+)?năm\s+(?:19|20)\d{2}"),  # "tăng 1,03 điểm so với năm 2018"
    # a count of dossiers or procedures that reads like a year ("tiếp nhận 2018 hồ sơ"; not "năm 2020 hồ sơ ...")
    re.compile(rf"(?<![\w./-])(?<!năm )(?:19|20)\d{{2}}(?=\s+(?:{'|'.join(n.lower() for n in COUNTED_NOUNS)})(?!\w))"),
]
_DAY = re.compile(rf"\b\d{{1,2}}\s*[/.-]\s*\d{{1,2}}\s*[/.-]\s*{_YEAR}\b")
# a cited document's date, after its number of any shape: "Quyết định số 08/2014/QĐ-UBND ngày 05/5/2014",
# "Kế hoạch số 197/KH-UBND, ngày 15/12/2020", "Nghị quyết số 18-NQ/TW, ngày 25/10/2017"
_CITED_DAY = re.compile(rf"(?<!\S)\d{{1,5}}\w?[/-][\w/-]*[^\W\d_][\w/-]*\s*,?\s*(?:ngày\s+)?{_DAY.pattern}")
# figures given for a year: "Năm 2024, có 17 cơ quan ...", "Trong năm 2020, đã cấp ...", "Kết thúc năm 2020, ..."
_RESULTS_OF = re.compile(rf"(?:^|[.;:\n]\s*|\btrong\s+|\bcả\s+|\bkết thúc\s+|\bhết\s+)năm\s+{_YEAR}\s*,", re.M)
_JUST_PAST = re.compile(rf"\bnăm\s+{_YEAR}\s+vừa\s+qua\b")  # "trong năm 2019 vừa qua": the year just ended
# counted to the end of a year ("đến cuối năm 2018, huyện đã có thêm 4 xã"): read early in the next, the year just ended
# (a target year otherwise: ``_CITED`` leaves it out of the years a text names)
_TO_YEAR_END = re.compile(rf"\b(?:đến|tới|tính đến)\s+(?:hết|cuối)\s+năm\s+{_YEAR}\b")
_TARGET = r"mục tiêu|phấn đấu|dự kiến|chỉ tiêu"  # a figure after these is a target ("kế hoạch" is also Sở Kế hoạch)
_FIGURE = r"(?:\d+/\d+|\d[\d.,]*\d|\d\s*%)"  # a figure reported: a share, a ratio or a number of two digits or more
# a lead sentence giving figures for a whole year: "Năm 2024, ... đạt 99,48%", "Kết quả năm 2022, tỉnh có 1.640 ..."
# ("Tính đến hết năm 2018, ..." counts to a day; "Năm 2017, huyện vẫn xác định ..." gives no figure; "Năm 2023, 6 tỉnh
# ký kết ..." none worth the name; "Năm 2021, thành phố ... với mục tiêu 100% xã ..." a target)
_YEAR_RESULTS = re.compile(rf"(?:^|[.;:\n]\s*|\btrong\s+|\bcả\s+|\bkết quả\s+)năm\s+{_YEAR}\s*,"
                           rf"(?:(?!{_TARGET})[^.;\n])*?{_FIGURE}", re.M)
# "so với cùng kỳ năm 2019", "so với năm 2018": this is the year after
_SAME_PERIOD = re.compile(rf"\b(?:cùng kỳ\s+(?:năm\s+)?|so với\s+năm\s+){_YEAR}")
_SCHOOL_YEAR = re.compile(rf"\bnăm học\s+{_YEAR}\s*[-–]\s*{_YEAR}")  # a school year is named by its first year
_COMPARED = re.compile(r"\bso với\b[^,;.()]*")  # what is compared with: "so với năm 2022", "so với quý II"
_FIRST_MONTHS = Gated(rf"\b0?([1-9]|1[01])\s+thang\s+dau\s+(?:nam|cua nam)\b(?:\s*{_YEAR})?", "thang")
_RANGE = re.compile(rf"{_YEAR}\s*[-–]\s*{_YEAR}")
_TERM = re.compile(rf"\bnhiệm kỳ\s+{_YEAR}\s*[-–]\s*{_YEAR}")  # a committee's term ("khóa XVIII nhiệm kỳ 2015 - 2020"):
# no span a bulletin reports on
# several years named as one span: "2015-2020", "từ năm 2015 đến năm 2020"
YEARS_SPAN = re.compile(rf"{_RANGE.pattern}|\btừ năm {_YEAR} đến (?:năm )?{_YEAR}")
_YEAR_OF = re.compile(rf"\bnăm\s+{_YEAR}\b")
OPENS_ON_YEAR = re.compile(rf"\W*(?:trong\s+|cả\s+)?năm\s+{_YEAR}\b")  # "Trong năm 2019, ..." (also indexer.figures)
_YEAR_AS_SUBJECT = re.compile(rf"\W*năm\s+{_YEAR}\s+(?=[^\W\d_])")  # "Năm 2025 ghi dấu ...", no comma after it
_ANY_YEAR = re.compile(rf"{_YEAR}(?<![\d/.-]\d{{4}})(?!\d|[/.-]\d)")  # no digit, slash, dot or hyphen before it
# (checked behind the year's four digits, so that the engine looks only where a "1" or "2" stands); no digit after it,
# nor a mark and a digit ("19852 hồ sơ" in a table names no year 1985; "2021/2022", "2021.5" none)
# a lead opening on a day: its paper's code, the time of day, the day and the separator before the month
_TIME_OF_DAY = r"(?:(?:sáng|chiều|tối|trưa)\s+)?"
_LEAD_DAY = rf"^\W*(?:\([^)]{{1,20}}\)\s*[-–]?\s*)?{_TIME_OF_DAY}(?:ngày\s+)?\d{{1,2}}\s*[/.-]\s*"
# the lead opens with the day of the event it reports: "Ngày 27/8/2014, Hội ... tổ chức", "Sáng ngày 5/3/2019,"
_EVENT_DAY = re.compile(rf"(?:{_LEAD_DAY}\d{{1,2}}\s*[/.-]\s*|^\W*{_TIME_OF_DAY}ngày\s+\d{{1,2}}\s+tháng\s+\d{{1,2}}\s+"
                        rf"năm\s+){_YEAR}\b")  # also written out: "Ngày 16 tháng 9 năm 2021,"
# the lead opens with the day and month of the event without its year: "Ngày 7/12, Chủ tịch UBND tỉnh ..."
_DAY_ONLY = re.compile(rf"{_LEAD_DAY}(\d{{1,2}})(?!\s*[/.-]\s*\d)\b")
# a first line that is a lead, not a headline: a day with its year, then a comma ("Ngày 11/10/2021, UBND tỉnh ...",
# "Ngày 12 tháng 6 năm 2025, tại kỳ họp ...")
_LEAD_OPENING = re.compile(rf"{_EVENT_DAY.pattern}\s*,")
# what follows that day when it is the issuing of a national document: "..., Thủ tướng Chính phủ ban hành ..."
_NATIONAL_ISSUE = re.compile(r"\s*,?\s*(?:thủ tướng|chính phủ|quốc hội|bộ trưởng|bộ nội vụ|ban chỉ đạo cải cách hành "
                             r"chính của chính phủ)\b[^.]{0,40}?\bban hành\b", re.I)


@cache
def _cues() -> dict:
    with open(CUES, encoding="utf-8") as handle:
        data = json.load(handle)

    def words(key):
        return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in data[key]) + r")(?!\w)")

    return {"annual": words("annual"), "annual_named": words("annual_named"), "indices": words("indices"),
            "year_end": words("year_end"), "not_annual": words("not_annual"),
            "results_headline": words("results_headline"), "plan_words": words("plan_words"),
            "improving": re.compile(rf"(?:{words('improving').pattern})\s+(?:các\s+)?(?:{words('indices').pattern})"),
            "index_year": re.compile(rf"(?:{words('indices').pattern})\)?\s*(?:năm\s+)?{_YEAR}\b"),
            "year_end_months": data["year_end_months"], "annual_documents": frozenset(data["annual_documents"]),
            "lead_index": re.compile(rf"(?:{words('indices').pattern}){data['index_name_tail']}[^\d.;\n]{{0,30}}?\b"
                                     rf"(?:năm\s+)?{_YEAR}\b"),
            "lead_annual": re.compile(rf"(?:{words('annual').pattern})[^.;\n]{{0,60}}?\bnăm\s+{_YEAR}\b"),
            "lead_year_end": re.compile(rf"(?:{words('year_end').pattern})[^.;\n]{{0,60}}?\bnăm\s+{_YEAR}\b")}


@lru_cache(maxsize=8)
def _normal(text: str) -> str:
    return _SCHOOL_YEAR.sub(lambda m: f"năm học {m.group(1)}", normalize_key(text))


def _prepare(text: str, normal: str | None = None) -> str:
    """Normalised text without document numbers, citation dates, law titles, target years and year ranges
    (``normal``: the text's ``_normal`` when the caller has it)."""
    return _prepared(_normal(text) if normal is None else normal)


_SOME_YEAR = re.compile(r"(?:19|20)\d{2}")  # every pattern of _CITED holds one
# a document's number on lower-cased text, with the year of the document after it: "quyết định 345/qđ-ubnd năm 2023
# công bố chỉ số hài lòng ... năm 2022" (a legal database's headline) reports on 2022
_OWN_NUMBER = Gated(DOCNUMBER.pattern + r"(?:\s+năm\s+(?P<own_year>(?:19|20)\d{2})(?!\d))?", "/",
                    flags=re.IGNORECASE)  # a document's number holds a slash


def _own_year(title: str) -> int | None:
    """The year a headline gives its own document's number ("Kế hoạch 155/KH-UBND năm 2017 ..."), else None."""
    found = _OWN_NUMBER.search(_normal(title))
    return int(found.group("own_year")) if found and found.group("own_year") else None


@lru_cache(maxsize=64)
def _prepared(normal: str) -> str:
    """``_prepare`` of a normalised text, kept for the few calls that ask again (a body is prepared for its
    year, its annual results and its index years)."""
    text = _OWN_NUMBER.sub(" ", normal)
    if _SOME_YEAR.search(text):
        for pattern in _CITED:
            text = pattern.sub(" ", text)
    return text


def _explicit_period(text: str) -> tuple[str | None, int | None]:
    """The first period named in normalised ``text`` (``search.periods``, the recogniser queries share).

    >>> _explicit_period("kết quả cchc quý ii/2022")
    ('Q2', 2022)
    >>> _explicit_period("báo cáo tháng 5/2023")
    ('', 2023)
    """
    return explicit_period(fold(text))


def annual_document(numbers: list[str]) -> bool:
    """True when a document's own number is that of a plan or a report (``annual_documents``).

    >>> annual_document(["270/KH-UBND"]), annual_document(["12/2019/QĐ-UBND"]), annual_document([])
    (True, False, False)
    """
    kinds = {fold(part.split("-")[0]).upper() for number in numbers for part in number.split("/")[1:]}
    return bool(kinds & _cues()["annual_documents"])


def _annual(title: str, document: bool = False) -> tuple[bool, int | None]:
    """(the headline names an annual report, plan, review or index; the year it names).

    A year-end review or an index result whose headline names no year takes its year from the lead; the
    subject of a plan or a report (``document``) that names a year is that year's.
    """
    cues = _cues()
    indexed = cues["index_year"].search(title)
    if indexed:
        return True, int(indexed.group(indexed.lastindex))
    named = _YEAR_OF.search(title)
    if named and (document or cues["annual"].search(title) or cues["annual_named"].search(title)
                  or cues["indices"].search(title)
                  or OPENS_ON_YEAR.match(title)):
        return True, int(named.group(1))  # "Năm 2021 tỉnh ... giải quyết ... 99,86%": the year's results
    indexed = cues["indices"].search(title) and not cues["improving"].search(title) \
        and not cues["not_annual"].search(title)  # "nâng cao Chỉ số CCHC": a goal; the index of Decision 766: weekly
    return bool(cues["year_end"].search(title) or indexed), None


def _first_year(text: str) -> int | None:
    """The first single year of ``text``: one with "năm" before it, else any."""
    named = _YEAR_OF.search(text) or _ANY_YEAR.search(text)
    return int(named.group(1)) if named else None


def _last_year(text: str) -> int | None:
    """The latest single year of ``text``: one with "năm" before it, else any."""
    named = [int(m.group(1)) for m in _YEAR_OF.finditer(text)] or [int(m.group(1)) for m in _ANY_YEAR.finditer(text)]
    return max(named) if named else None


def _lead(body: str, paragraphs: int = 2, title: str = "") -> str:
    """The first ``paragraphs`` paragraphs that are sentences: a byline, a caption stub, a stray word or the
    headline printed again (``title``: a caption or the page's own heading repeats it) is not."""
    headline = " ".join(title.split()).casefold()
    sentences = [p for p in body.split("\n\n") if len(p.split()) >= LEAD_WORDS
                 and not (headline and " ".join(p.split()).casefold() == headline)]
    return "\n".join(sentences[:paragraphs])


def _published_month(published: str) -> int:
    """The month of a publication date ("2019-01-05"); 12 for a stamp of a year only ("2019")."""
    return int(published[5:7] or 12)


def _published_year(title_key: str, published: str | None) -> int | None:
    """The year of publication, or the year before for a year-end review published early in a year."""
    if not published:
        return None
    year, month = int(published[:4]), _published_month(published)
    if _cues()["year_end"].search(title_key) and month <= _cues()["year_end_months"]:
        return year - 1
    return year


def reporting_period(title: str, body: str, published: str | None,
                     document: bool = False) -> tuple[int | None, str | None]:
    """(year, quarter) a bulletin reports on; None where the page does not say. ``document``: the page is a
    plan or a report by its own number (``annual_document``). A first line that is a lead ("Ngày 11/10/2021,
    UBND tỉnh đã có báo cáo ...": the page's headline is lost) dates the bulletin as a lead does when the
    reading of it as a headline gives no year.

    >>> reporting_period("Công bố Chỉ số CCHC năm 2022", "", "2023-03-01")
    (2022, 'FY')
    >>> reporting_period("Ngày 11/10/2021, UBND tỉnh đã có báo cáo số 426/BC-UBND gửi Bộ Nội vụ", "Báo cáo nêu", None)
    (2021, None)
    """
    year, quarter = _reporting_period(title, body, published, document)
    if year is None and title and _LEAD_OPENING.match(_normal(title)):
        year = _reporting_period("", f"{title}\n{body}", published, document)[0]
    return year, quarter


def _reporting_period(title: str, body: str, published: str | None, document: bool) -> tuple[int | None, str | None]:
    lead = _lead(body, title=title or "")
    title_key, lead_key = _prepare(title or ""), _prepare(lead)
    quarter, year = _explicit_period(title_key)
    if quarter and year is None and _first_year(title_key) is None:
        lead_quarter, lead_year = _explicit_period(lead_key)
        year = lead_year if lead_quarter == quarter else None  # "Quý III, Hội An ..." over "trong quý III.2020"
    if quarter is None:
        annual, year = _annual(title_key, document)
        quarter = "FY" if annual else None
        if annual and year is None:  # an index or a review without its year: the index the lead names with its
            # year ("Theo kết quả công bố Par Index 2020, ..."), else a part of a year the lead names wins
            indexed = [int(m.group(m.lastindex)) for m in _cues()["lead_index"].finditer(lead_key)] \
                if _cues()["indices"].search(title_key) else []  # the latest: "từ thứ 2 năm 2021 lên thứ 1 năm 2022"
            lead_quarter, lead_year = ("FY", max(indexed)) if indexed else _explicit_period(lead_key)
            if lead_quarter:
                quarter, year = lead_quarter, lead_year
    if quarter is None:  # a period the lead names; when its first two paragraphs name no year (a sapo and a
        # caption may come first), its third too
        quarter, year = _explicit_period(lead_key if _first_year(lead_key) else _prepare(_lead(body, 3, title or "")))
        if quarter == "":  # a month in the lead ("từ tháng 7/2018") dates an event, not the report
            quarter, year = None, None
        if year and _first_year(title_key) not in (None, year):  # the lead's period of another year than the
            quarter, year = None, None  # headline names: "... về cải cách hành chính năm 2024" told at a meeting
            # of "quý 1 năm 2025"
    if quarter is None and _first_year(title_key) is None:
        quarter, year = _lead_index(lead_key, bool(_cues()["annual"].search(title_key)))
    if quarter is None and _first_year(title_key) is None:  # a lead giving a year's figures
        results = _YEAR_RESULTS.search(lead_key)
        if results and (not published or published[:4] == results.group(1)):  # the year before: _year_before
            quarter, year = "FY", int(results.group(1))
    if quarter is None and _first_year(title_key) is None:  # a lead opening on the year it reviews
        quarter, year = _lead_opens_on_year(lead_key, published)
    year = year or _first_year(title_key)
    if year is None and _RANGE.search(_TERM.sub(" ", _normal(title or ""))):
        # a multi-year programme: no single year, and its plan, review or index series is no year's; the plan
        # itself is of the year its number gives ("Kế hoạch 155/KH-UBND năm 2017 triển khai ... 2017 - 2024"), else
        # of the year it was issued or published
        return _own_year(title or "") or _published_year(title_key, published), None if quarter == "FY" \
            else quarter or None
    if year is None:
        before = _year_before(body, published)
        if before and quarter is None:
            return before, "FY"  # the results of the past year, published early in the next
        year = (before or _index_year(title_key, body, quarter)
                or _year_from_lead(title_key, lead, quarter, published))
    if year is None and not published:
        year = _last_year(_prepare(body)) or _latest_day(body) or _latest_month(body)
    return year, quarter or None


def before_its_results(title: str, published: str | None, year: int | None, quarter: str | None) -> bool:
    """Whether ``published`` is earlier than the year whose results or index the headline reports (``quarter``
    FY of ``year``): then it is the page's clock ("Thứ 6 - 26/02/2016" above "Kết quả chỉ số năng lực cạnh tranh
    cấp tỉnh năm 2017"), not its publication date. A plan is published before its year (``plan_words``).

    >>> before_its_results("Kết quả chỉ số năng lực cạnh tranh cấp tỉnh năm 2017", "2016-02-26", 2017, "FY")
    True
    >>> before_its_results("Kế hoạch cải cách hành chính năm 2017", "2016-12-26", 2017, "FY")
    False
    """
    key = _normal(title)
    return bool(published and quarter == "FY" and year and int(published[:4]) < year
                and _cues()["results_headline"].search(key) and not _cues()["plan_words"].search(key))


def _lead_opens_on_year(lead_key: str, published: str | None) -> tuple[str | None, int | None]:
    """("FY", year) for a lead that opens on a year: on a dated page, the year as its subject ("Năm 2025 ghi dấu
    một chặng đường ... của Đặc khu Cát Hải"; "Năm 2022, huyện chọn ..." is news of that year), published in that
    year or early in the next (a review); on an undated page, any opening on a year ("Trong năm 2019, tại TX.Bến
    Cát ...") whose lead gives figures and names no later year ("Năm 2016 là năm thứ 3 ... Năm 2017, huyện ..." is
    about 2017)."""
    if published:
        opened = _YEAR_AS_SUBJECT.match(lead_key)
        if not opened:
            return None, None
        year, since = int(opened.group(1)), int(published[:4])
        early = since == year + 1 and _published_month(published) <= _cues()["year_end_months"]
        return ("FY", year) if since == year or early else (None, None)
    opened = OPENS_ON_YEAR.match(lead_key)
    year = int(opened.group(1)) if opened else None
    reported = re.search(_FIGURE, _ANY_YEAR.sub(" ", lead_key))  # "Năm 2023, Sở Nội vụ của 6 tỉnh đã ký kết ...":
    # an event of that year
    return ("FY", year) if year and reported and _last_year(lead_key) == year else (None, None)


def _year_before(body: str, published: str | None) -> int | None:
    """The year before publication, for a bulletin published early in a year that reports figures for it
    ("Trong năm 2020, đã cấp 659 chứng thư số" published in February 2021) and for no later year."""
    if not published or _published_month(published) > _cues()["year_end_months"]:
        return None
    prepared, before = _prepare(body), int(published[:4]) - 1
    named = {int(found.group(1)) for found in _ANY_YEAR.finditer(prepared)}
    dated = {int(found.group(1)) for found in _DAY.finditer(_CITED_DAY.sub(" ", _normal(body)))
             if parse_date(found.group()) != published}  # the page's own stamp and a cited document's date are
    # not days of what it reports
    reported = before in {int(found.group(1)) for pattern in (_RESULTS_OF, _JUST_PAST)
                          for found in pattern.finditer(prepared)} \
        or before in {int(found.group(1)) for found in _TO_YEAR_END.finditer(_normal(body))}
    return before if reported and max(named | dated) == before else None


def _index_year(title_key: str, body: str, quarter: str | None) -> int | None:
    """The latest year of an index the body names ("Chỉ số cải cách hành chính năm 2018"), for a headline that
    names an index or a ranking but no year: the year of the index it reports, which the lead may not name (it
    opens with the results of units, compared with an earlier year: "rớt hạng so với loại tốt năm 2017")."""
    cues = _cues()
    if quarter != "FY" or not cues["indices"].search(title_key):
        return None
    years = [int(m.group(m.lastindex)) for m in cues["lead_index"].finditer(_prepare(body))]
    return max(years) if years else None


def _lead_index(lead_key: str, annual_title: bool) -> tuple[str | None, int | None]:
    """("FY", year) when a lead names an annual index with its year ("công bố Chỉ số CCHC năm 2021"), or a
    year-end review or annual result with its year ("tổng kết công tác CCHC năm 2020"); for a headline that
    names an annual document without its year, any annual cue of the lead with its year serves."""
    cues = _cues()
    indexed = cues["lead_index"].search(lead_key)
    if indexed:
        return "FY", int(indexed.group(indexed.lastindex))
    annual = cues["lead_annual" if annual_title else "lead_year_end"].search(lead_key)
    return ("FY", int(annual.group(annual.lastindex))) if annual else (None, None)


def _year_from_lead(title_key: str, lead: str, quarter: str | None, published: str | None) -> int | None:
    """The year of a bulletin whose headline names none.

    On a page without a date, the day the lead opens with dates the event reported ("Ngày 27/8/2014, Hội ...
    tổ chức"); else the lead's year serves a review, or a page without a date; in event news it is more often
    a past or future year than the one reported on, so the year of publication serves.
    """
    event = _EVENT_DAY.search(_normal(lead))
    if event and _NATIONAL_ISSUE.match(_normal(lead), event.end()):
        # "Ngày 23/6/2022, Thủ tướng Chính phủ ban hành Quyết định số 766/QĐ-TTg ...": the date of a national
        # document the story goes on from, not of what it reports; its paragraph is no lead
        event, lead = None, lead.partition("\n")[2]
    if event and quarter != "FY" and not published:
        return int(event.group(1))
    # a dated page's lead serves a review with its first year; an undated page's with its latest
    lead_year = (_first_year if published else _last_year)(_prepare(lead))
    published_year = _published_year(title_key, published)
    if not lead_year and not published_year:
        compared = _SAME_PERIOD.search(_normal(lead))
        return int(compared.group(1)) + 1 if compared else _latest_day(lead)
    if quarter != "FY" and published_year and published:
        day = _DAY_ONLY.match(_normal(lead))
        if day and int(day.group(1)) > _published_month(published):
            return published_year - 1  # "Ngày 7/12, Chủ tịch UBND tỉnh ban hành ..." on a page of 5 January
    return (lead_year or published_year) if quarter == "FY" or not published_year else published_year


def _latest_day(lead: str) -> int | None:
    """The year of the latest full date in the lead of a page without a date and without a year of its own:
    the days a lead names are the event's and the steps before it ("Ngày 17/5, ... Trước đó, ngày
    15/3/2017, ... ký ban hành"), and the event is not older than the latest of them. The date beside a
    document number is that document's ("Nghị quyết 36a/NQ-CP ngày 14/10/2017"): a cited one, often years older."""
    lead = _CITED_DAY.sub(" ", _normal(lead))
    years = [int(found.group(1)) for found in _DAY.finditer(lead)]
    return max(years) if years else None


# a month of a year: "tháng 10/2019", "tháng 3-2020"; after a document number, that document's month
_MONTH_OF_YEAR = re.compile(rf"\btháng\s+(?:0?[1-9]|1[0-2])\s*(?:[/-]|\.(?=\d))\s*{_YEAR}\b")
_CITED_MONTH = re.compile(rf"(?<!\S)\d{{1,5}}\w?[/-][\w/-]*[^\W\d_][\w/-]*\s*,?\s*{_MONTH_OF_YEAR.pattern}")


def _latest_month(body: str) -> int | None:
    """The year of the latest month an undated page names for its figures ("Tính đến hết tháng 10/2019, có
    1.500 hồ sơ"), when it names no year alone and no full date: the last evidence of its time. A month a
    document is dated in ("Kế hoạch số 12/KH-UBND tháng 3/2015") is that document's."""
    body = _CITED_MONTH.sub(" ", _CITED_DAY.sub(" ", _normal(body)))
    years = [int(found.group(1)) for found in _MONTH_OF_YEAR.finditer(body)]
    return max(years) if years else None


# a month named for a sentence's figures: "Trong tháng 7/2025", "tháng 10 năm 2023", "Tháng 3," (of the bulletin's
# year); the month of a day ("ngày 15 tháng 7") is not, nor a month a span starts or ends at ("từ tháng 7/2018")
_MONTH = re.compile(rf"(?<![\w/.-])thang\s+(1[0-2]|0?[1-9])(?![\d/.-]\d{{1,2}}(?!\d))"
                    rf"(?:\s*(?:/|-|nam)\s*{_YEAR})?(?![\d/])")
_SPAN_EDGE = re.compile(r"\b(?:tu|den|ke tu|sau|truoc)\s*$")  # a month a span starts or ends at
_NOT_A_MONTH_OF = re.compile(rf"(?:\bngay\s+\d{{1,2}}|\d{{1,2}}|\b(?:cuoi|dau|giua|hang))\s*$|{_SPAN_EDGE.pattern}")
_BRACKETED = re.compile(r"\([^()]*\)")
# "Trong ngày 1/7/2025, ... tiếp nhận 1.095 hồ sơ", "trong sáng 23-2, ...": figures of one day (folded text)
_ONE_DAY = Gated(r"(?<!\w)trong (?:(?:mot )?ngay |(?:buoi )?(?:sang|chieu) (?:ngay )?)"
                 r"(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*((?:19|20)\d{2}))?(?![\d/.-])", "trong ")
# whole periods a span of days may cover: (first month, last month) -> code
_WHOLE = {(1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4", (1, 6): "H1", (7, 12): "H2", (1, 9): "9M",
          (1, 12): "FY"}


def _one_day(folded: str, year: int | None) -> tuple[str, int] | None:
    """``range:<day>..<day>`` and its year for "trong ngày 1/7/2025" (the year given, else ``year``)."""
    found = _ONE_DAY.search(folded)
    if not found:
        return None
    named = int(found.group(3)) if found.group(3) else year
    day, month = int(found.group(1)), int(found.group(2))
    if named is None or not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(named, month)[1]:
        return None
    return f"range:{named}-{month:02d}-{day:02d}..{named}-{month:02d}-{day:02d}", named


def _named_span(span: str) -> str:
    """A span of days as a period: a whole calendar month ``month:YYYY-MM``, a whole quarter, half, nine months
    or year by its code, any other ``range:<first day>..<last day>``.

    >>> _named_span("2025-07-01/2025-07-31"), _named_span("2020-01-01/2020-06-30"), _named_span("2019-01-01/2019-08-15")
    ('month:2025-07', 'H1', 'range:2019-01-01..2019-08-15')
    """
    first, last = span.split("/")
    if first[:4] == last[:4] and first[8:] == "01" \
            and int(last[8:]) == calendar.monthrange(int(last[:4]), int(last[5:7]))[1]:
        months = (int(first[5:7]), int(last[5:7]))
        if months[0] == months[1]:
            return f"month:{last[:7]}"
        if months in _WHOLE:
            return _WHOLE[months]
    return "range:" + span.replace("/", "..")


def _month(folded: str, year: int | None) -> tuple[str, int] | bool | None:
    """The one month a folded sentence names for its figures: (``month:YYYY-MM``, year); None when it names no
    month; False when what it names is unclear (two months, a month a span starts or ends at, no year known)."""
    months = set()
    for found in _MONTH.finditer(folded):
        if _NOT_A_MONTH_OF.search(folded, 0, found.start()):
            if _SPAN_EDGE.search(folded, 0, found.start()):
                return False  # "từ tháng 7/2018 đến nay": a span, not the month
            continue  # a day's month ("ngày 15 tháng 7"), "cuối tháng 6"
        months.add((int(found.group(1)), int(found.group(2)) if found.group(2) else year))
    if not months:
        return None
    if len(months) > 1 or None in {named for _, named in months}:
        return False
    month, named = months.pop()
    return f"month:{named}-{month:02d}", named


def stated_period(sentence: str, year: int | None = None) -> tuple[str | None, int | None] | None:
    """The period and year one sentence states for its own figures: (period, year), (None, year) for a year
    alone, (None, None) for none; None when what it states is unclear (two years, two months).

    A span of days, or the first months of a year other than 3, 6, 9 or 12 ("4 tháng đầu năm", of ``year``
    when the sentence names none), is kept as ``range:<first day>..<last day>``. Years that are never the one
    reported on (cited dates, targets, ranges of years, the period compared with) are left out as in
    ``reporting_period``.

    >>> stated_period("Quý II/2022, toàn tỉnh tiếp nhận 1.439 hồ sơ.")
    ('Q2', 2022)
    >>> stated_period("Từ ngày 01/01 đến 15/8/2019, đã tiếp nhận 500 hồ sơ.")
    ('range:2019-01-01..2019-08-15', 2019)
    >>> stated_period("Trong 4 tháng đầu năm, tỷ lệ hồ sơ trực tuyến đạt 26,6%.", 2020)
    ('range:2020-01-01..2020-04-30', 2020)
    >>> stated_period("Trong quý I năm 2020 (tính từ 1/12/2019 đến 29/2/2020), toàn tỉnh tiếp nhận 659.245 hồ sơ.")
    ('Q1', 2020)
    >>> stated_period("Trong ngày 1/7/2025, các xã đã tiếp nhận 1.095 hồ sơ.")
    ('range:2025-07-01..2025-07-01', 2025)
    >>> stated_period("Năm 2021 tiếp nhận 100 hồ sơ, năm 2022 tiếp nhận 120 hồ sơ.") is None
    True
    """
    outside = _BRACKETED.sub(" ", sentence)
    if outside != sentence and _explicit_period(_prepare(outside))[0]:
        sentence = outside  # "quý I năm 2020 (tính từ 1/12/2019 đến 29/2/2020)": the period named, not its days
    normal = _normal(sentence)
    folded = fold(normal)
    span = date_range(folded, year)
    if span:
        return _named_span(span[0]), span[1]
    day = _one_day(folded, year)
    if day:
        return day
    prepared = _COMPARED.sub(" ", _prepare(sentence, normal))
    folded = fold(prepared)
    months = _FIRST_MONTHS.search(folded)
    if months and int(months.group(1)) not in (3, 6, 9, 12):
        named = int(months.group(2)) if months.group(2) else year
        if named is None:
            return None
        last = calendar.monthrange(named, int(months.group(1)))[1]
        return f"range:{named}-01-01..{named}-{int(months.group(1)):02d}-{last}", named
    period, named_year = explicit_period(folded)
    month = _month(folded, year) if not period else None
    if month is not None:
        return month or None
    year = named_year
    years = {int(found.group(1)) for found in _ANY_YEAR.finditer(prepared)}
    if period and year is None and len(years) == 1:
        year = years.pop()  # "trong 9 tháng của năm 2019"
    if period == "" or len(years - {year}) > (0 if period else 1) or (period and year is None and years):
        return None
    return period, year if period else (years.pop() if years else None)
