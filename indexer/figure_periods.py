"""Stage 3b, when (``indexer.figures``): the period and year of a figure.

``_stated`` reads the period a sentence states (``indexer.periods.stated_period``, the recogniser the bulletin's
period comes from) with the spans only a report's own dating places ("trong tháng", "trong tuần": ``REPORT_SPAN``),
counts to a date ("tính đến", "hiện nay": the year only) and "từ đầu năm đến nay" (January to the end of the
bulletin's part of the year); ``_carry`` and ``_carried`` continue a paragraph's period to its later sentences;
``_period`` gives a figure its period: an annual index FY of its year, a count over a span only with a stated or
carried period (``over_a_span``), else the bulletin's.
"""

from __future__ import annotations

import re

from search.textnorm import normalize_key

from .figure_cues import _family
from .figure_text import Context
from .indicators import vocabulary
from .patterns import Gated
from .periods import COUNTED_NOUNS, YEARS_SPAN, stated_period

_AS_OF = Gated(r"(?:\btính đến|^\W*đến)\s+(?:hết\s+|cuối\s+|đầu\s+)?(?:(?:(?:ngày\s+)?\d{1,2}\s*[/.]\s*)?"
               r"(?:tháng\s+)?\d{1,2}\s*[/.-]\s*|quý\s+(?:[ivx]+|\d)(?:\s*/\s*|\s+năm\s+)"
               r"|(?:(?<=hết )|(?<=cuối ))năm\s+)"
               r"((?:19|20)\d{2})(?!\d)"
               r"|\btính đến (?:nay|hiện tại|thời điểm này)"
               r"|\b(?:những|các|mấy) tháng đầu(?= năm\b)"  # "Những tháng đầu năm 2025": no span said
               r"|\btừ đầu năm(?:\s+(?:19|20)\d{2})?\s+(?:đến|tới) nay",  # year to date: no period; a date
               "đến", "tới nay", "tháng đầu")
# written as newspapers do, with dots, too: "Tính đến tháng 9.2025", "tính đến ngày 15.9.2025"; or a quarter's start or
# end: "Tính đến đầu quý IV năm 2025", "tính đến hết quý III/2025"; or a year's end: "Tính đến cuối năm 2023"
# "từ đầu năm đến nay" in a report framed on a part of the year is the span from January to that part's end
YEAR_TO_DATE = {"Q1": "Q1", "Q2": "H1", "H1": "H1", "Q3": "9M", "9M": "9M", "Q4": "FY", "FY": "FY"}
_COUNTED = COUNTED_NOUNS
_COUNT_LIKE_YEAR = Gated(rf"(?<![\w./-])(?:19|20)\d{{2}}(?=\s+(?:{'|'.join(_COUNTED)})(?!\w))", *_COUNTED)
_UP_TO_NOW = re.compile(r"^\W*(?:cho )?đến nay(?!\w)")  # "Đến nay, tỷ lệ ... đạt 99%"
_THIS_MONTH = Gated(r"(?<!\w)[Tt]rong tháng(?:\s+(?:này|qua|vừa qua))?(?=\s*(?:[,.;:]|là|có|đã|toàn|các|$))",
                    "rong tháng")
_YEAR_START_TO = Gated(r"(?<!\w)[Tt]ừ đầu năm(?:\s+(?P<start>(?:19|20)\d{2}))?\s+(?:đến|tới)\s+(?:hết\s+)?ngày\s+"
                       r"(?P<day>\d{1,2})\s*/\s*(?P<month>\d{1,2})(?:\s*/\s*(?P<year>(?:19|20)\d{2}))?(?!\d)",
                       "ừ đầu năm")
_COMPARED_YEAR = Gated(r"(?<!\w)(?:so(?: với)?(?: cùng kỳ)?(?: năm)?|(?:cao|thấp) hơn [^,;.()]{0,60}? năm) "
                       r"(?:19|20)\d{2}(?!\d)", "so", "hơn")  # "so với năm 2019", "cao hơn tỷ lệ ... của tỉnh năm 2018"
_TARGETS = ("chỉ tiêu", "kế hoạch", "mục tiêu")
_TARGET_YEAR = Gated(rf"(?<!\w)(?:{'|'.join(_TARGETS)})(?:\s+(?:đề ra|được giao|giao))?(?:\s+của)?\s+năm\s+"
                     r"(?:19|20)\d{2}(?!\d)", *_TARGETS)  # "vượt chỉ tiêu năm 2025": a target's year, not the figure's
_SINCE_OPENING = Gated(r"(?<!\w)(?:[Ss]au|[Qq]ua|[Tt]rong)\s+(?:gần\s+|hơn\s+|nhiều\s+)?(?:\d+|một|hai|ba)?\s*"
                       r"(?:ngày|tuần|tháng|năm)\s+(?:đầu\s+)?(?:chính thức\s+)?(?:đi vào\s+)?"
                       r"(?:hoạt động|vận hành)(?:\s+thử nghiệm)?(?!\w)", "hoạt động", "vận hành")
# "Sau gần 4 tháng đi vào hoạt động", "Trong 10 ngày đầu vận hành thử nghiệm": since a centre or a system opened, a
# span no calendar places
_TO = re.compile(r"(?<!\w)đến(?!\w)")
_SPAN_WORDS = re.compile(r"(?<!\w)(?:từ ngày|đến ngày|tháng)(?!\w)")
STOCK = ("online_services",)  # counts of what exists at a date: "hiện nay" gives them no period

UNCLEAR = ("unclear", None)
REPORT_SPAN = ("report span", None)  # "trong tháng", "trong tuần": the span of a report dated by its headline,
# else unclear
UP_TO_NOW = ("up to now", None)  # "Đến nay, ...": the paragraph's period continued, else a count to date


def _stated(sentence: str, context: Context) -> tuple[str | None, int | None]:
    """What a sentence says of its period: (period, year), (None, None) for nothing, ``UNCLEAR``."""
    sentence = _COUNT_LIKE_YEAR.sub("một số", sentence)  # "1955 hồ sơ" is a count, no year
    sentence = _COMPARED_YEAR.sub(" ", sentence)  # "tăng 0,81 điểm so với năm 2019": not the figures' year
    sentence = _TARGET_YEAR.sub(" ", sentence)
    sentence = _YEAR_START_TO.sub(_from_january, sentence)  # "từ đầu năm đến ngày 15/8/2021": from 1/1/2021
    sentence, since_opening = _SINCE_OPENING.subn(" ", sentence)  # "Sau hơn 2 tháng đi vào hoạt động, Trung tâm ..."
    this_month = _THIS_MONTH.search(sentence)
    sentence = _THIS_MONTH.sub(" ", sentence) if this_month else sentence
    key = normalize_key(sentence)
    if _UP_TO_NOW.match(key) and stated_period(_UP_TO_NOW.sub(" ", key), context.year) == (None, None):
        return UP_TO_NOW
    as_of = _AS_OF.search(key)
    stated = stated_period(_AS_OF.sub(" ", key) if as_of else sentence, context.year)
    if stated is None:
        return UNCLEAR
    if as_of and stated[0] is None and as_of.group().startswith("từ đầu năm") and context.period in YEAR_TO_DATE \
            and stated[1] in (None, context.year):
        return YEAR_TO_DATE[context.period], context.year
    if as_of:
        return ("as_of", int(as_of.group(1)) if as_of.group(1) else stated[1]) if not stated[0] else UNCLEAR
    if stated == (None, None) and (_SPAN_WORDS.search(key) or vocabulary()["rates"].search(key)):
        return UNCLEAR  # a span this reader does not understand ("từ ngày 1 đến 31-7"), a rate ("mỗi ngày")
    if stated[0] is None and YEARS_SPAN.search(key):
        return UNCLEAR  # "Từ năm 2015-2020, ... công bố 7.518 TTHC": several years, none of them the figure's
    if since_opening and stated == (None, None) and not _SPAN_WORDS.search(key) and not _TO.search(key):
        return ("as_of", None)  # a count since a centre or a system opened: the year only (a span of days it gives
        # and this reader does not place, "(1-7 đến 31-7)", leaves it unclear)
    own_span = this_month or vocabulary()["report_span"].search(key)  # "trong tháng", "trong tuần"
    return REPORT_SPAN if own_span and stated == (None, None) else stated


def _from_january(span: re.Match) -> str:
    """ "Từ đầu năm đến ngày 15/8/2021" as the span of days it is: "từ ngày 1/1/2021 đến ngày 15/8/2021"."""
    year = f"/{span.group('year') or span.group('start')}" if span.group("year") or span.group("start") else ""
    return f"từ ngày 1/1{year} đến ngày {span.group('day')}/{span.group('month')}{year}"


def _headline_span(context: Context) -> tuple:
    """The month or span of days a headline names for a bulletin with no period of its own ("Kết quả giải quyết
    TTHC tháng 01/2025", or a first sentence standing in as the title, "Trong tháng 01 năm 2025, ... tiếp nhận
    14.579 hồ sơ"): the default of the text's paragraphs, as a first sentence's would be."""
    if context.period is not None or not context.title or not any(ch.isdigit() for ch in context.title):
        return (None, None)
    stated = _stated(context.title, context)
    named = str(stated[0]).startswith(("month:", "range:")) and stated[1] == context.year
    return stated if named else (None, None)


def _monthly(stated: tuple, monthly: tuple) -> tuple:
    """A sentence's "trong tháng" or "trong tuần" is the span of a report dated by its headline or first period
    (its month, its week); in any other report it is unclear."""
    return (monthly if monthly[0] else UNCLEAR) if stated == REPORT_SPAN else stated


def _carry(carried: tuple, unread: list[str], context: Context, monthly: tuple) -> tuple:
    """The period a paragraph carries once the ``unread`` sentences, each stating its own or not, are read (and
    emptied: the next call starts where this one ended)."""
    for sentence in unread:
        carried = _carried(_monthly(_stated(sentence, context), monthly), carried)
    unread.clear()
    return carried


def _carried(said: tuple, carried: tuple) -> tuple:
    """A sentence's period: its own, else the one its paragraph carries; "Đến nay" opening it continues the
    paragraph's period ("Trong 9 tháng ... Đến nay, tỷ lệ ... đạt 97%") and with none is a figure to date (the
    year only)."""
    if said == UP_TO_NOW:
        return carried if carried[0] else ("as_of", None)
    return said if said != (None, None) else carried


def _period(stated: tuple, key: str, code: str, context: Context, annual: bool = True) -> tuple[str | None, int] | None:
    """(period, year) of one figure from what its sentence (or paragraph) states; None when unclear. An index is
    FY of its year (``annual``; not a one-stop centre's own satisfaction survey). A count of services (given "hiện
    nay", with no period of its own sentence, or over a span of days: "lũy kế từ ngày 1-1 đến 14-11-2024", what
    exists at its end), a figure "tính đến" a date, has no period; a count over a span (``over_a_span``) that
    neither its sentence nor its bulletin dates is unclear."""
    if stated is UNCLEAR:
        return None
    period, year = stated
    if _family(code) and annual:
        year = year or context.year
        return ("FY", year) if year and period in (None, "FY") else None
    counts_services = code.startswith(STOCK)
    stock = counts_services and (vocabulary()["stock"].search(key) or stated == (None, None)) \
        and "từ đầu năm" not in key
    if period == "as_of" or (stock and not period) or (counts_services and (period or "").startswith("range:")):
        year = year or context.year
        return (None, year) if year else None
    if period:
        year = year or context.year
        return (period, year) if year else None
    if year:
        return ("FY", year)  # "Năm 2024, có ... hồ sơ"
    if context.period is None and code in vocabulary()["over_a_span"]:
        return None  # a count over a span that no one states: no row of a research table (``over_a_span``)
    return (context.period, context.year) if context.year else None  # no period: the year only
