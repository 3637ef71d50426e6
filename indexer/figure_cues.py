"""Stage 3b, which indicator (``indexer.figures``): the indicator each number of a sentence reports, or none.

``_indicators`` gives each number its indicator from the cue phrase nearest before it in its own clause, or right
after it (``_cue``, the cues of ``search/data/indicators.json``), a share after a count or an index's points the
count's or the index's, a rank the index named after it or in an earlier sentence (``_rank_code``,
``_earlier_index``, ``_named_index``), items of a list the index their lead names (``_list_lead_index``,
``_listed``); and leaves out what is no figure of the bulletin's (``_doubtful``, ``_not_figure``): a target, a bound,
a change, an average of units, a national average (but an index's, kept as the national scope: ``_national``), a
rank among a region's provinces (``_regional``), an index's components, units counted by a threshold.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from search.textnorm import normalize_key

from .figure_scopes import _CLAUSE_MARK, _unit_named
from .indicators import vocabulary
from .numbers import Number
from .patterns import Gated
from .places import provinces_named

INDEX_FAMILIES = ("par_index", "papi", "sipas")  # annual indices: their period is the year (FY)
_LISTED_CUE_WORDS = 4  # at most this many words between a cue listed after a comma and its number
WINDOW_WORDS = 24  # a cue further before its number than this many words does not name it
# a bare count ends its clause: "quá hạn 2;", "đã giải quyết: 9.986 (", "trước hạn là 5.200 và đúng hạn là ..."
_BARE_END = re.compile(r"^\s*(?:[,;.()]|và\s|$)")
REFINEMENTS = ("online_services", "dossiers_online")  # named after a count, they refine the cue before it
# a cue before a count that the words after it narrow: "đã giải quyết 12.467 hồ sơ đúng hạn" counts the dossiers
# resolved on time, "giải quyết 35 hồ sơ quá hạn" the late ones
_REFINED = {("dossiers_resolved", "dossiers_on_time"), ("dossiers_resolved", "dossiers_late")}
# the index a rank is in, named after it: "xếp thứ 2 về Chỉ số SIPAS", also past "/63 tỉnh, thành phố (trực thuộc
# Trung ương)", whose comma is no clause break
_RANK_AFTER = re.compile(r"^(?:(?:\s*/\s*\d+)?\s+tỉnh,\s*thành phố(?:\s+trực thuộc trung ương)?)?"
                         r"[^,;.()]{0,40}?(?:về|trong bảng|trong bảng xếp hạng|của|ở|theo)\s+[^,;.()]{0,80}")
_SHARE_BEFORE = re.compile(r"(?:\(|,|=)\s*(?:(?:đạt|chiếm|bằng|với)\s+)?(?:tỷ lệ\s*)?(?:là\s*)?"
                           r"(?:(?:hơn|trên|gần|khoảng|xấp xỉ)\s+)?$")  # ", chiếm tỷ lệ", "(đạt gần"
_SHARE_NEXT = re.compile(r"\s*(?:đạt|chiếm)(?:\s+tỷ lệ)?(?:\s+là)?\s*")  # "1.309 hồ sơ giải quyết quá hạn chiếm 0,6%"
# the words after a number up to its phrase's end: a mark, a verb or a "và" that joins two phrases. Runs of letters
# are taken whole, each space checked for an end (the same words as the shortest run up to an end, 1.5x faster)
_PHRASE_END = (r"[,;:().]|\s(?:và(?!\s+(?:trước|đúng|sớm)\s+(?:thời\s+)?h[ạẹ]n)|đạt|chiếm|trong|với|so|tăng|giảm|là)\s"
               r"|(?<!đúng)(?<!trước)(?<!sớm)\svà\s|$")
_NOUN_PHRASE = re.compile(rf"(?:[^,;:().\s]+|(?!{_PHRASE_END})\s)*")
# "hồ sơ giải quyết đúng và trước hạn", "đúng và sớm hạn", "trước và đúng thời hạn": one phrase; not "114.977 và
# đúng hạn là 1.022.796", two
# an average of all provinces: "trung bình cả nước", "các tỉnh, thành phố ... giá trị trung bình", "... đạt kết quả
# trung bình là 81,15%", "giá trị trung bình chỉ số CCHC năm 2017 của các tỉnh, thành phố là 77,72%"
_NATIONAL_AVERAGE = re.compile(r"(?:trung bình|bình quân)(?: chung)?(?: của)? (?:cả nước|toàn quốc)"
                               r"|(?:các tỉnh, thành phố|cả nước|toàn quốc)[^.;]*(?:giá trị|điểm|điểm số|kết quả|mức)"
                               r" (?:trung bình|bình quân)[^;.]*$"
                               r"|(?:trung bình|bình quân)[^.;]*\bcủa (?:các|\d{2}) tỉnh, thành phố[^.;]*$")
# the satisfaction of the whole country's people with local government, named after the share: "84,45% số người
# dân, tổ chức hài lòng về sự phục vụ nói chung của cơ quan hành chính nhà nước ở địa phương"
_LOCAL_GOVERNMENT_AFTER = re.compile(r"[^;.]{0,60}?sự phục vụ(?: nói chung)? của (?:các )?cơ quan hành chính nhà nước"
                                     r" ở (?:các )?địa phương(?!\w)")
# the index's figure of the whole country, named before it: "SIPAS ... nói chung trong cả nước năm 2023 ở mức
# 82,66%" (not a place's rank among all: "cao nhất trong cả nước", "đứng thứ 5 trong cả nước")
_IN_COUNTRY = re.compile(r"(?<!\w)(?:trong|của) (?:cả nước|toàn quốc)(?! \S+ (?:tỉnh|thành phố))")
# the whole country named, with or without a preposition: after a place's standing, that place's figure ("dẫn đầu cả
# nước với 47,87 điểm"), never a national one (``_not_figure``)
_WHOLE_COUNTRY = re.compile(r"(?<!\w)(?:(?:trong|của) )?(?:cả nước|toàn quốc)(?!\w)")
# a place's standing among all, said before "trong cả nước": "cao nhất", "xếp thứ 11/63 tỉnh, thành phố"
_AMONG_ALL = re.compile(r"(?:nhất|đầu|thứ \S+|hạng \S+|tỉnh|thành|phố|\d\s*/\s*\d+)\W*$")
# an unnamed unit at the top or bottom of a ranking: "(tỉnh có mức độ hài lòng cao nhất khu vực đạt 86,58% và tỉnh
# thấp nhất đạt 80,21%)" gives the figures of other provinces, not the bulletin's
_UNNAMED_BEST = re.compile(r"(?:^|\svà\s)\s*(?:tỉnh|đơn vị|địa phương|huyện|xã|sở|bộ|cơ quan)"
                           r"(?:\s+có(?:\s+(?!\d)\S+){0,6}?)?\s+(?:cao|thấp) nhất"
                           r"(?:\s+(?:của\s+)?(?:khu vực|vùng|cả nước|toàn quốc|tỉnh|cả tỉnh))?"
                           r"(?:\s+(?:đạt|là|với|ở mức|chỉ đạt|đạt được))?\s*$")
_PLACE_NAMED = re.compile(r"(?<!\w)(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã)\s+\w")  # after it: a place's own figure
_LIST_LEAD_END = re.compile(r":|(?<!\w)trong đó(?!\w)")  # where a list's lead ends (``_list_lead_index``)
_PARTS_BEFORE = re.compile(r"trong đó\s*[,:]$")  # a clause opened by "trong đó:" lists the parts of the figure before
_PARTS_AFTER = re.compile(r"(?<!\w)trong đó(?!\w)")  # between an index's figure and a later one: its parts
_PARTS_LEAD = re.compile(r"^\W*trong đó")  # "Trong đó, điểm thẩm định đạt 47,75 điểm": the parts of the figure before
_PROVINCES_OF = r"tỉnh(?:,?\s*thành(?: phố)?)?\s+"  # "tỉnh, thành phố ", "tỉnh thành ", "tỉnh "
# provinces counted by a threshold they meet: "Có 5 tỉnh, thành có mức độ hài lòng đạt trên 90%", "55 tỉnh đạt trên
# 80%" (not a rank among them: "xếp thứ 5/63 tỉnh, thành phố, đạt 88,5 điểm")
_PROVINCES_COUNTED = re.compile(r"(?<!thứ )(?<!hạng )(?<!trí )(?<!trong )(?<!của )(?<!số )(?<!nhóm )(?<![\w/.,])"
                                r"\d+\s+" + _PROVINCES_OF + r"(?:có|đạt)(?!\w)[^;()]*$")
_REGIONAL = re.compile(r"^\s*(?:/\s*\d+\s*)?(?:" + _PROVINCES_OF + r")?(?:trong\s+|của\s+|thuộc\s+)?(?:khu vực|vùng"
                       r"|khối|nhóm|các tỉnh)")  # "xếp thứ 3/13 tỉnh, thành phố khu vực ĐBSCL", "5/14 tỉnh khu vực"
_OUT_OF = re.compile(r"/\s*0*(\d{1,2})$")  # a rank's "/14" (its number's text ends there)
_PROVINCES_AFTER = re.compile(r"\s*(?:tỉnh|địa phương)(?!\w)")
REGION_MOST = 20  # the most provinces a region ranks (14 in the northern midlands and mountains; the country 63, 61
# in some PAPI years, 34 after the 2025 merger)
_REGION_LEAD = re.compile(r"^\W*(?:so với|trong|ở|tại|đối với|riêng)\s+(?:(?:các|\d+)\s+" + _PROVINCES_OF
                          + r")?(?:khu vực|vùng)[^,;()]*,[^,;()]*$")  # "So với khu vực ĐBSCL, Cà Mau xếp ở vị trí
# thứ", "So với 13 tỉnh, thành phố khu vực ĐBSCL, Vĩnh Long đứng thứ"
# the words after a number up to the end of its clause, or up to a "và" that opens another index's figure
_CLAUSE_AFTER = re.compile(r"(?:[^,;:()\s]+|(?!\s+và\s+(?:các\s+)?(?:chỉ số|bộ chỉ số|xếp hạng|pci|papi|sipas|par index"
                           r"|dti|pgi))\s)*")  # letters taken whole: only a space may open that "và"
_CHANGE = Gated(r"(?<!\w)(?:tăng|giảm)\s+[\d.,]+\s*(?:điểm|bậc|%)?\s*so(?: với)?(?: cùng kỳ)?(?: năm)? "
                r"(?:19|20)\d{2}(?!\d)", "tăng", "giảm")  # a change with the year compared with, between a cue and its
# number
# an item of a list opening on its year: "tăng theo từng năm: năm 2021 xếp loại khá, với 79,27 điểm; năm 2022 ..."
_YEAR_OPENING = r"\s*[Nn]ăm (?:19|20)\d{2}(?!\d)"  # what such an item opens on, after its ':' or ';'
_NEXT_YEAR_ITEM = re.compile(rf"[:;]{_YEAR_OPENING}")  # between two figures: the next item's year
_YEAR_BRACKET = r"\(\s*năm\s+((?:19|20)\d{2})(?!\d)\s*\)"  # "(năm 2021)"
# a value and the one it rose or fell to: "từ chỉ số 78,29% (năm 2021) lên 79,57% (năm 2022)"; the first is a
# figure only with its own year (``_RISE_TO``, after the first; ``_RISEN``, all between the two)
_RISE = r"\s*(" + _YEAR_BRACKET + r")?\s*(?:lên|xuống)(?:\s+mức)?"
_RISE_TO = re.compile(_RISE + r"\s+(?=\d)")
_RISEN = re.compile(_RISE + r"\s*")
_DATED_ASIDE_KEY = re.compile(r"\(\s*năm (?:19|20)\d{2}(?!\d)[^()]*$")  # a rank inside "(năm 2016 xếp thứ"
# "..., với tổng số 83,00/100 điểm", "xếp thứ 1 với số điểm 95.98 điểm"
_INDEX_OPENING = re.compile(r"^\W*(?:(?:trong đó|theo đó|cụ thể|như vậy),\s*)?(?:chỉ số\s+)?(?:par\s*index|papi|sipas"
                            r"|chỉ số (?:cải cách hành chính|cchc|hài lòng|hiệu quả quản trị))")  # a sentence whose
# subject is an index, also after a connective ("Trong đó, chỉ số CCHC năm 2023 của tỉnh Ninh Bình đạt ...")
# a range of values, neither end a figure: "mức độ hài lòng từ 79% đến hơn 80%", "từ 88,45 đến 95,53 điểm"
_VALUE_RANGE = re.compile(r"(?<!\w)từ\s+(?:mức\s+)?\d[\d.,]*\s*%?\s*(?:điểm\s*)?(?:đến|tới|-|–)\s*"
                          r"(?:hơn|trên|gần|dưới)?\s*\d[\d.,]*\s*%?")
_SCORE_BEFORE = re.compile(r"(?:với|đạt)(?:\s+tổng)?(?:\s+số)?(?:\s+điểm)?(?:\s+số)?(?:\s+đạt(?:\s+được)?)?"
                           r"(?:\s+là)?\s*$")
_WITH_ASIDE = re.compile(r"[^,;:().]*(?:\([^()]*\))?")  # a count's noun phrase and a bracket after it
_ONLINE = re.compile(r"(?<!\w)(?:trực tuyến|qua mạng)(?!\w)")
_ONLINE_LEAD = re.compile(r"^\W*(?:về|đối với|riêng|với)\s+(?:việc\s+)?(?:tiếp nhận(?:\s*,\s*|\s+và\s+|\s+)"
                          r"(?:giải quyết\s+)?)?(?:số\s+)?hồ sơ\s+(?:(?:thủ tục hành chính|tthc)\s+)?(?:nộp\s+)?"
                          r"(?:trực tuyến|qua mạng)\s*,")  # a sentence about dossiers filed online
_LEADING_SCORE = re.compile(r"(?:^|[,;(])\s*với\s*$")  # a clause opening on its score: ", với 92,93 điểm Sở X là"
# the share of an index's raw points right after them: "9,85 điểm, đạt 87,1%"
_SHARE_OF_POINTS = re.compile(r"\s*(?:điểm)?\s*,?\s*(?:đạt|chiếm|bằng)(?:\s+tỷ lệ)?\s*[\d.,]+\s*%")


def _cue(window: str, number: Number, after: bool = False, own: bool = False) -> str | None | bool:
    """The indicator the cues of ``window`` name for ``number`` (nearest it; in its own clause when that names
    one, else in the clauses before it unless ``own``), None for none, False when two clash. Only indicators
    that take the number's unit count."""
    return _cue_of(window, number.unit, number.decimal, number.noun, after, own)


@lru_cache(maxsize=4096)
def _cue_of(window: str, unit: str | None, decimal: bool, noun: str, after: bool, own: bool) -> str | None | bool:
    """``_cue`` of a number of this unit, kind and counted noun: the same window is read for several numbers and
    by several rules (a real bulletin asks 2.4 times per window on average)."""
    window = vocabulary()["names"].sub(lambda m: " " * len(m.group()), window)
    hits = [(m.start(), m.end(), code) for code, pattern, first in _cues_fitting(unit, decimal, noun)
            if first in window for m in pattern.finditer(window)]
    clause = max((m.end() for m in re.finditer(r"[,;:(]", window) if not _lists(window, m.start(), hits)),
                 default=0) if not after else len(window)
    own_hits = [h for h in hits if h[0] >= clause] if not after else hits
    if not own_hits and _PARTS_BEFORE.search(window, 0, clause):
        return None  # "đã giải quyết 5676, trong đó: 3731 hồ sơ ...": a part of the figure before, whatever it is
    hits = own_hits or ([] if own else hits)
    if not hits:
        return None
    best = min(hits, key=lambda h: (h[0], -h[1])) if after else max(hits, key=lambda h: (h[1], h[1] - h[0]))
    chosen = [(start, end) for start, end, code in hits if code == best[2]]
    for start, end, code in hits:
        inside = any(start < e and s < end for s, e in chosen)  # one phrase: "đã giải quyết trước hạn", "đã trả
        # kết quả nhưng chậm hạn" (a cue of the chosen indicator overlaps it)
        if code != best[2] and not inside and not _same_family(code, best[2]):
            return False
    return best[2]


def _lists(window: str, comma: int, hits: list) -> bool:
    """Whether the comma at ``comma`` only lists two cues, as "và" would ("tiếp nhận, giải quyết 326.031 hồ sơ":
    one clause naming two indicators): a cue ends right before it, and right after it starts a cue of one
    indicator only (not "tiếp nhận, giải quyết đúng hạn 4.900 hồ sơ", where the longer cue is the number's)."""
    if window[comma] != ",":
        return False
    before = any(window[end:comma].strip() == "" for _, end, _ in hits)
    after = {(code, end) for start, end, code in hits if start > comma and window[comma + 1:start].strip() == ""}
    # the cue after the comma leads up to the number ("tiếp nhận, giải quyết tổng số 326.031"); one followed by
    # more words names a subject of its own ("... và Chỉ số hài lòng của người dân, chỉ số CCHC năm 2019 của tỉnh
    # đạt 79,51 điểm": the comma closes the list before it)
    return before and len({code for code, _ in after}) == 1 \
        and any(len(window[end:].split()) <= _LISTED_CUE_WORDS for _, end in after)


@lru_cache(maxsize=256)
def _cues_fitting(unit: str | None, decimal: bool, noun: str) -> tuple:
    """The cues (in the data file's order) of the indicators a number of this unit may have (a bare decimal may
    be a score) and, for a count, of this counted noun."""
    words = vocabulary()
    fits = {code for code, units in words["units"].items()
            if (unit in units or (unit is None and decimal and "score" in units))
            and (unit != "count" or noun in words["counted"][code])}
    return tuple(cue for cue in words["cues"] if cue[0] in fits)


def _same_family(one: str, other: str) -> bool:
    return _family(one) is not None and _family(one) == _family(other)


def _family(code: str) -> str | None:
    """The index an indicator belongs to ("par_index", "sipas", "papi"), None for the others."""
    return next((family for family in INDEX_FAMILIES if code.startswith(family)), None)


def _of_family(family: str, unit: str) -> str:
    """The family's indicator for a unit: its rank, or its score (SIPAS: the share)."""
    if unit == "rank":
        return f"{family}_rank"
    return "sipas" if family == "sipas" else f"{family}_score"


def _window(key: str, start: int, end: int) -> str:
    return " ".join(key[start:end].split()[-WINDOW_WORDS:])


def _indicators(key: str, numbers: list[Number], sentence: str | None = None,
                earlier: Callable[[], str | None] | None = None) -> list[tuple[Number, str]]:
    """Each number whose indicator is clear, with it (and its unit as the indicator reports it); with the
    ``sentence`` the key was made from, also the items of a list of units (``_listed``); with ``earlier``, the
    index the nearest earlier sentence naming one names, also the scores and ranks that name none, and the shares
    of a sentence with a rank (``_earlier_index``)."""
    found: list[tuple[Number, str]] = []
    words = vocabulary()
    previous_end, previous, points = 0, None, None
    ranked = any(number.unit == "rank" for number in numbers) or bool(words["ranked_in_words"].search(key))  # "đạt
    # 90,25% xếp vị trí thứ 3", "quận Cầu Giấy giữ vị trí số một (95,24%)": an index's share
    changes = [m.span() for m in _CHANGE.finditer(key)]  # "tăng 0,81 điểm so với năm 2019": an aside, no figure
    plain = _CHANGE.sub(lambda m: " " * len(m.group()), key) if changes else key
    for number in numbers:
        if any(start <= number.start < end for start, end in changes):
            continue  # nor does it end the words naming the next number: "chỉ số CCHC ... tăng ... đạt 77,93 điểm"
        rise = _RISE_TO.match(key, number.end)
        if rise and not rise.group(1):
            continue  # "từ 78,29% lên 79,57%": the value before, named by the words of the one after it
        window = _window(plain, previous_end, number.start)
        number.clause = max((m.end() for m in _CLAUSE_MARK.finditer(key, 0, number.start)), default=0)
        if number.unit is not None or _BARE_END.match(key[number.end:]):
            previous_end = number.end  # a number with a unit ends the words that name the next one
        if number.unit is None and not number.decimal and "hồ sơ" in key[:number.start] \
                and _BARE_END.match(key[number.end:]):
            number.unit, number.noun = "count", "hồ sơ"  # "Tổng số hồ sơ đã giải quyết 10.559", "quá hạn 2"
        code = _rank_code(key, number, window, previous) if number.unit == "rank" else _code(key, number, window,
                                                                                              previous)
        if code is None and previous is not None and sentence is not None:
            code = _listed(key, sentence, previous, number)
        if code is None and (number.unit in ("score", "rank") or (number.unit == "%" and ranked)) and earlier \
                and not any(not _family(other) for _, other in found):
            code = _earlier_index(key, number, earlier)  # not when the sentence reports dossiers: "hiện còn 5.830
            # hồ sơ quá hạn, đứng thứ 13/34 tỉnh" ranks those, not the index an earlier sentence named
        if code is None and number.unit in ("%", "score") and _NATIONAL_AVERAGE.search(key, 0, number.start):
            code = _average_of(key[:number.start])  # "Chỉ số CCHC ... của các tỉnh, thành phố ..., giá trị trung bình"
        if code is None and number.unit in ("score", "rank") and sentence is not None:
            code = _opening_index(key, number)
        if code is None and (number.unit in ("score", "%") or (number.unit is None and number.decimal)) \
                and sentence is not None and previous is None:
            code = _list_lead_index(key, sentence, number)
        if code and number.unit is None:
            number.unit = "score"
        if code is None and points and number.unit == "%" and _SHARE_OF_POINTS.fullmatch(key, points[0].end,
                                                                                      number.end):
            code = points[1]  # "chỉ số hài lòng ... được 9,85 điểm, đạt 87,10%": the share of the index's points
        points = (number, code) if _raw_points(number, code) else None
        if code == "dossiers_received" and _ONLINE_LEAD.match(key):
            code = "dossiers_online"  # "Về hồ sơ trực tuyến, trong quý, UBND thành phố tiếp nhận 581 hồ sơ"
        if number.unit in ("%", "count"):
            after = _NOUN_PHRASE.match(key, number.end)
            if _cue(after.group(), number, after=True) is not None:
                previous_end = after.end()  # "19.838 hồ sơ tiếp nhận trực tuyến, 8.606": not the next's words
        if code and _an_indexs_part(key, number, code, found):
            code = None
        number.national = bool(code) and _national(key, number, code, sentence)
        number.early = code == "dossiers_on_time" and (previous[0].early if number.follows and previous
                                                       else _early_only(key, window, number))
        if code and number.unit in words["units"][code] and (number.national or not _doubtful(key, window, number,
                                                                                                code)):
            number.written, number.unit = number.unit, words["report_as"][code] or number.unit
            found.append((number, code))
            previous = (number, code)
    return _index_as_share(found)


def _an_indexs_part(key: str, number: Number, code: str, found: list[tuple[Number, str]]) -> bool:
    """Whether an index's score or rank is one of its parts: after "trong đó" that follows a figure of the same index
    in the sentence ("SIPAS ... là 80,08%; trong đó, mức độ hài lòng đối với ... là 79,72%"), a PAPI figure after
    one of PAPI's dimensions by name ("chỉ số về “Kiểm soát tham nhũng trong khu vực công” TPHCM xếp thứ 55/63"), or
    a PAR INDEX or PAPI figure after one of the PAR INDEX's areas ("Công tác chỉ đạo điều hành, xếp thứ 28/63")."""
    family = _family(code)
    if family is None:
        return False
    if family == "papi" and vocabulary()["dimensions"].search(key, 0, number.start):
        return True
    if family in ("par_index", "papi") and vocabulary()["par_areas"].search(key, 0, number.start):
        return True  # "Công tác chỉ đạo điều hành, xếp thứ 28/63": an area's rank, not the index's
    return any(_family(other) == family and _PARTS_AFTER.search(key, seen.end, number.start) for seen, other in found)


def _may_report(key: str, numbers: list[Number]) -> bool:
    """Whether ``_indicators`` can find a figure among these numbers: every indicator takes a unit, and a bare
    number gets one only as a decimal (a score) or as a count of the dossiers the sentence names before it."""
    return "hồ sơ" in key or any(number.unit or number.decimal for number in numbers)


def _raw_points(number: Number, code: str | None) -> bool:
    """Whether a score is an index's raw points, below the range of the index ("Chỉ số hài lòng ... được 9,85 điểm,
    đạt 87,10%"): no figure, and it does not end the words naming the share after it."""
    low = vocabulary()["plausible"].get(code, (0, 0))[0] if code and _family(code) else 0
    return number.unit == "score" and number.value < low


def _national(key: str, number: Number, code: str, sentence: str | None = None) -> bool:
    """Whether an index's score is its national average: "trung bình cả nước là 87,16%", "chỉ số của các tỉnh,
    thành phố ..., giá trị trung bình năm 2023 đạt 86,98%", or the whole country's figure ("SIPAS ... nói chung trong
    cả nước năm 2023 ở mức 82,66%", no place named between: not "hai đầu tàu của cả nước là Hà Nội và TP.HCM ...
    ở mức 43,96"), or a share of satisfaction with "sự phục vụ ... của cơ quan hành chính nhà nước ở địa phương" (the
    localities as a whole); in its range, not a target, a bound or a change."""
    if not _family(code) or number.unit == "rank":
        return False
    if not (code == "sipas" and _of_the_localities(key, number, sentence)) \
            and not _NATIONAL_AVERAGE.search(key, 0, number.start):
        said = list(_IN_COUNTRY.finditer(key, 0, number.start))
        country = said[-1] if said else None  # the last one before the number, in its part of the sentence, naming
        # no place after it
        if country is None or _AMONG_ALL.search(key, max(0, country.start() - 25), country.start()) \
                or ";" in key[country.end():number.start] or _PLACE_NAMED.search(key, country.end(), number.start) \
                or (sentence is not None and len(sentence) == len(key)
                    and provinces_named(sentence[country.end():number.start])):
            return False
    words, clause = vocabulary(), _CLAUSE_MARK.split(key[:number.start])[-1]
    low, high = words["plausible"].get(code, (0, float("inf")))
    return low <= number.value <= high and not (words["targets"].search(key[:number.start])
                                                 or words["bounds"].search(key[:number.start])
                                                 or re.search(r"(?<!\w)(?:tăng|giảm|cao hơn|thấp hơn)(?!\w)", clause))


def _of_the_localities(key: str, number: Number, sentence: str | None) -> bool:
    """Whether a share of satisfaction is with the local government of the whole country, named after it and
    naming no province ("... hài lòng về sự phục vụ nói chung của cơ quan hành chính nhà nước ở địa phương")."""
    after = _LOCAL_GOVERNMENT_AFTER.match(key, number.end)
    return bool(after) and not (sentence is not None and len(sentence) == len(key)
                                and provinces_named(sentence[number.end:after.end()]))


def _earlier_index(key: str, number: Number, earlier: Callable[[], str | None]) -> str | None:
    """The index of a score or rank whose sentence names none: the one the nearest earlier sentence naming one names
    ("... công bố Chỉ số CCHC năm 2023. Cụ thể, tỉnh Cao Bằng đạt 84,10 điểm, xếp thứ 22/63"), unless its own
    sentence names an index itself (its numbers that take none are not the index's), another index, opens on an
    index's parts ("Trong đó, điểm thẩm định đạt ...") or the rank is a region's."""
    words = vocabulary()
    if words["other_indices"].search(key) or words["components"].search(key) or _PARTS_LEAD.match(key) \
            or (number.unit == "rank" and _regional(key, number)) or _families(key):
        return None
    family = earlier()
    return _of_family(family, number.unit) if family else None


def _regional(key: str, number: Number) -> bool:
    """Whether a rank is among the provinces of a region: named after it ("xếp hạng 3/13 tỉnh, thành phố khu vực
    ĐBSCL"), by the lead of its clause ("So với khu vực ĐBSCL, tỉnh xếp ở vị trí thứ 3") or out of a region's number
    of provinces ("đứng thứ 03/14 tỉnh", ``REGION_MOST``)."""
    out_of = _OUT_OF.search(key, number.start, number.end)  # "đứng thứ 03/14 tỉnh": a region's, not the country's
    return bool(_REGIONAL.match(key[number.end:]) or _REGION_LEAD.match(key[:number.start])
                or (out_of and int(out_of.group(1)) <= REGION_MOST and _PROVINCES_AFTER.match(key, number.end)))


def _last_index(earlier: list[str], title: str = "") -> str | None:
    """The index the nearest of the ``earlier`` sentences (nearest first) that names any names (when it names
    several, another index or an index's parts: the one of them the headline names, else None); when none names
    one, the one index the headline names ("Chỉ số Par Index năm 2018: Lạng Sơn xếp thứ 26/63 tỉnh, thành phố")."""
    for sentence in earlier:
        key = normalize_key(sentence)
        if _families(key) or vocabulary()["other_indices"].search(key):
            named = _named_index(sentence)
            headline = _named_index(title) if named is None and title else None
            return headline if headline in _families(key) else named  # "... công bố Chỉ số CCHC năm 2023 (PAR
            # INDEX) ... và Chỉ số hài lòng ... (SIPAS). Theo đó, Nam Định đạt 87,32": the one the headline announces
    return _named_index(title) if title else None


def _named_index(sentence: str) -> str | None:
    """The one index family a sentence names by its cues (no other index, none of an index's parts), else None."""
    words, key = vocabulary(), normalize_key(sentence)
    if words["other_indices"].search(key) or words["components"].search(key):
        return None
    families = _families(key)
    return families.pop() if len(families) == 1 else None


def _opening_index(key: str, number: Number) -> str | None:
    """The index of a score or rank further from its sentence's one index than the cue window, when the sentence
    opens on that index ("PAPI 2020 của Lào Cai được xếp vào nhóm 16 tỉnh thành có chỉ số trung bình cao với tổng
    điểm của 08 chỉ số tổng hợp là 42,96 điểm, đứng thứ 27/63"); none when it names another index or an index's
    parts, or the rank is a region's."""
    words = vocabulary()
    families = _families(key[:number.start])
    if len(families) != 1 or not _INDEX_OPENING.match(key) or words["other_indices"].search(key) \
            or words["components"].search(key) or (number.unit == "rank" and _regional(key, number)):
        return None
    return _of_family(families.pop(), number.unit)


def _list_lead_index(key: str, sentence: str, number: Number) -> str | None:
    """The score of the one index a list's lead names, for the list's first item further from it than the cue
    window ("... công bố Chỉ số CCHC năm 2020 của 20 sở, ban, ngành tỉnh, theo đó: Sở Thông tin và Truyền thông xếp
    thứ nhất với tổng điểm 95,53; Sở Tài chính 90,88 điểm; ..."): the lead ends at a colon or at "trong đó" after
    an average ("... trung bình đạt khoảng 72% trở lên, trong đó cao nhất là Sở Nội vụ (86,93%)"), the item names
    one unit between the lead's end and its number; none when the sentence names another index or an index's parts (the
    items after it are then ``_listed``)."""
    leads = [m.end() for m in _LIST_LEAD_END.finditer(key, 0, number.start)]
    if not leads:
        return None
    words = vocabulary()
    families = _families(key[:leads[-1]])
    if len(families) != 1 or words["other_indices"].search(key) or words["components"].search(key):
        return None
    return _of_family(families.pop(), "score") if _unit_named(sentence[leads[-1]:number.start]) else None


def _average_of(before: str) -> str | None:
    """The score of the one index a sentence names before a national average of it further than its cue window
    ("Chỉ số cải cách hành chính năm 2024 của các tỉnh, thành phố tiếp tục duy trì tăng trưởng tích cực, với giá trị
    trung bình cao nhất từ trước đến nay, đạt 88,37%"); None when it names none or two."""
    families = _families(before)
    return _of_family(families.pop(), "score") if len(families) == 1 else None


def _families(key: str) -> set[str]:
    """The index families whose names (their ranks' cues) a lower-cased sentence holds."""
    return {family for family, pattern, first in _rank_cues() if first in key and pattern.search(key)}


@lru_cache(maxsize=1)
def _rank_cues() -> tuple:
    """(family, pattern, first words) of the cues of ranks, in the data file's order."""
    return tuple((_family(code), pattern, first) for code, pattern, first in vocabulary()["cues"]
                 if code.endswith("_rank"))


def _listed(key: str, sentence: str, previous: tuple[Number, str], number: Number) -> str | None:
    """The indicator of the next item of a list of units, each with its number: "đứng đầu là tỉnh Quảng Ninh
    (90,10% điểm), xếp thứ hai là TP.Hải Phòng (90,09% điểm)" - the same unit as written (a bare decimal is a
    score: "(91,420); xếp hạng nhì là Sở Nội vụ (91,326)"), a unit named between the two numbers and no cue, other
    index, target or change there."""
    figure, code = previous
    between = key[figure.end:number.start]
    unit = number.unit or ("score" if number.decimal else None)
    if len(key) != len(sentence) or unit != (figure.written or figure.unit) or len(between) > 100:
        return None
    words = vocabulary()
    if words["other_indices"].search(between) or words["not_figure"].search(words["unit_names"].sub(" ", between)) \
            or words["targets"].search(between) or words["names"].search(between):
        return None
    return code if _unit_named(sentence[figure.end:number.start]) else None


def _index_as_share(found: list[tuple[Number, str]]) -> list[tuple[Number, str]]:
    """A PAR INDEX given as a share and as points in one sentence ("đứng đầu với 54,14 điểm, chỉ số cải cách
    hành chính đạt 82,96%"): the share is the index, the points are its raw total (PAPI is reported in points)."""
    shares = {code for number, code in found if number.written == "%" and _family(code) == "par_index"}
    return [(number, code) for number, code in found
            if not (code in shares and number.written == "score")]


def _code(key: str, number: Number, window: str, previous) -> str | None | bool:
    phrase = _NOUN_PHRASE.match(key, number.end).group()
    if vocabulary()["other_indices"].search(_CLAUSE_AFTER.match(key, number.end).group()):
        return None  # "97,4% người được hỏi hài lòng đối với cấp ủy": the figure of another index
    named = _cue(phrase, number, after=True) if number.unit in ("%", "count") else None
    before = _cue(window, number)
    # the words after the number win over a cue before it that is not in its own clause: "trong số hồ sơ đã giải
    # quyết, có tới hơn 28.000 hồ sơ bị trễ hạn" counts late dossiers
    code = named if named is not None and (before is None or str(named).startswith(REFINEMENTS)
                                           or (before, named) in _REFINED
                                           or _cue(window, number, own=True) is None) else before
    if code is None and previous is not None:
        code = _follower(key[previous[0].end:number.start], previous, number)
        number.follows = code is not None
    if code is None and number.unit == "score" and _LEADING_SCORE.search(key, 0, number.start):
        code = _index_after(key, number)  # "với 92,93 điểm Sở Tài chính là đơn vị dẫn đầu về chỉ số CCHC"
    return code


def _index_after(key: str, number: Number) -> str | None:
    """The score of the one index its clause names after it, when the clause opens on the score ("với 92,93 điểm
    Sở Tài chính là đơn vị dẫn đầu về chỉ số cải cách hành chính năm 2019, ...")."""
    after = re.match(r"[^,;()]*", key[number.end:]).group()
    families = _families(after)
    return _of_family(families.pop(), "score") if len(families) == 1 else None


def _rank_code(key: str, number: Number, window: str, previous) -> str | None:
    """The index a rank is in: named right after it ("xếp thứ 2 về Chỉ số SIPAS"), else before it, else the
    index of the score it follows, else for a rank in a dated aside the one index its sentence names; a regional
    rank ("xếp thứ 2 khu vực") is none."""
    after = key[number.end:number.end + 120]
    if _regional(key, number):
        return None
    named = _RANK_AFTER.match(after)
    for text in ([named.group()] if named else []) + [window]:
        code = _cue(text, Number(0, 0, 0.0, "score", decimal=True), after=text is not window)
        if code and _family(code):
            return _of_family(_family(code), "rank")
        if code is False:
            return None
    between = key[previous[0].end:number.start] if previous is not None else ""
    if previous is not None and _family(previous[1]) and len(between) < 60 \
            and not vocabulary()["other_indices"].search(between):  # "PAPI xếp hạng 10/63; PCI xếp thứ 16"
        return _of_family(_family(previous[1]), "rank")
    if _DATED_ASIDE_KEY.search(key, 0, number.start):  # inside "(năm 2016 xếp thứ 36/63)": the sentence's index
        family = _named_index(key)
        return _of_family(family, "rank") if family else None
    if number.ordinal:  # "Chỉ số CCHC bình quân đạt 85,41%, ... lần lượt là: (1) Sở Tài chính": the lead's one index
        families = _families(key[:number.start])
        return _of_family(families.pop(), "rank") if len(families) == 1 else None
    return None


def _follower(between: str, previous: tuple[Number, str], number: Number) -> str | None:
    """The indicator of a share that follows a count ("(đạt 99,2%)"), of an index's score after its rank
    ("xếp thứ 6 cả nước ... với 90,76%", "đứng thứ 50/63 ..., với tổng số 83,00/100 điểm"), of the value a figure
    rose or fell to ("từ 78,29% (năm 2021) lên 79,57%")."""
    figure, code = previous
    if (figure.written or figure.unit) == number.unit and _RISEN.fullmatch(between):
        return code  # "từ 78,29% (năm 2021) lên 79,57% (năm 2022)"
    rest = between[_NOUN_PHRASE.match(between).end():]  # past the count's noun: "hồ sơ giải quyết đúng hạn (đạt"
    if number.unit == "%" and figure.unit == "count" and min(len(between), len(rest)) < 25 \
            and (_SHARE_BEFORE.search(between) or _SHARE_NEXT.fullmatch(rest)):
        return code
    if _family(code) and (figure.written or figure.unit) == number.unit and len(between) < 80 \
            and _NEXT_YEAR_ITEM.search(between) and not vocabulary()["other_indices"].search(between):
        return code  # "năm 2021 xếp loại khá, với 79,27 điểm; năm 2022 xếp loại tốt, với 81,17 điểm": the next year's
    if _family(code) and figure.unit == "rank" and number.unit in ("%", "score") and len(between) < 80 \
            and _SCORE_BEFORE.search(between) and not vocabulary()["other_indices"].search(between):
        return _of_family(_family(code), "score")
    return None


def _doubtful(key: str, window: str, number: Number, code: str) -> bool:
    """A threshold, a target, a change or a comparison: no figure of the bulletin. Words of the indicator's own
    cue phrase are none of these ("hồ sơ yêu cầu giải quyết" is no requirement)."""
    words = vocabulary()
    clause = _CLAUSE_MARK.split(window)[-1]
    low, high = words["plausible"].get(code, (0, float("inf")))
    after = _NOUN_PHRASE.match(key, number.end).group()
    return bool(_not_figure(clause, code) or _UNNAMED_BEST.search(clause) or _PROVINCES_COUNTED.search(window)
                or words["approximate_after"].match(key[number.end:number.end + 15])
                or _group_counted((window if number.unit == "%" else clause).rsplit(":", 1)[-1])  # "9 sở có chỉ
                # số hài lòng đạt trên 90%" is a threshold; "có 10 đơn vị xếp ở nhóm đầu lần lượt là: (1) Sở Tài chính
                # đạt 90,05%" a list; a count's group stands in its own clause ("13 sở, ngành với 865 TTHC": theirs)
                or words["targets"].search(key[:number.start]) or words["bounds"].search(key[:number.start])
                or words["scales"].search(key[:number.start])  # "thang điểm 100 điểm gồm ... (80 điểm)"
                or (number.unit != "rank" and words["after_not_figure"].search(after))  # "xếp thứ 6 cả nước" is one
                or not low <= number.value <= high or (number.unit == "%" and number.value > 100)
                or (code == "dossiers_received" and _one_channel(key, window, number))
                or (code == "sipas" and _one_level(key, number))
                or any(m.start() <= number.start < m.end() for m in _VALUE_RANGE.finditer(key)))


def _group_counted(window: str) -> bool:
    """Units counted before a figure in its clause ("có 18 cơ quan, đơn vị trả kết quả đúng hạn đạt 100%", "4/13
    sở, ngành đạt tỷ lệ hồ sơ trực tuyến trên 80%"): a threshold they meet. The commas of the group's own name ("cơ
    quan, đơn vị") are no clause break; any after it is."""
    return any(not _CLAUSE_MARK.search(window, m.end()) for m in vocabulary()["group_count"].finditer(window))


def _early_only(key: str, window: str, number: Number) -> bool:
    """An on-time count or share named by the words of early resolution alone ("số hồ sơ trả trước hạn là 3.066",
    "tỷ lệ giải quyết trước hạn cao (chiếm 99,94%)"): a part of the on-time figure ("đúng và trước hạn" is all)."""
    words = vocabulary()
    after = _NOUN_PHRASE.match(key, number.end).group()
    said = [m for m in re.finditer(rf"{words['early'].pattern}|{words['on_time'].pattern}", after)]
    if said:  # named after it: "3.066 hồ sơ trước hạn", "1.260 hồ sơ đúng và sớm hạn"
        return not words["on_time"].search(after, said[0].start())
    said = [m for m in re.finditer(rf"{words['early'].pattern}|{words['on_time'].pattern}", window)]
    last = said[-1] if said else None  # before it: the nearest, with the words just before ("đúng và trước hạn")
    return bool(last) and bool(words["early"].fullmatch(last.group())) \
        and not words["on_time"].search(window, max(0, last.start() - 15), last.start())


RATING_REACH = 60  # characters before a share that its level of a satisfaction scale may stand in


def _one_level(key: str, number: Number) -> bool:
    """A satisfaction share of one of the two top levels of a scale whose sentence gives both ("số phiếu rất hài
    lòng 492/721, tỷ lệ 68,24%; số phiếu hài lòng 229/721, tỷ lệ 31,76%"; "Rất hài lòng: 825 lượt (chiếm tỷ lệ
    96,60%), Hài lòng: 28 lượt"): a part of the satisfied share. The plain level is the whole when the top one
    follows it as its part ("tỷ lệ hài lòng đạt 96,5%, trong đó rất hài lòng chiếm 60%"). A share's level is the
    nearest one named before it in its reach, else the first after it ("97% ... hài lòng và rất hài lòng" is the
    whole)."""
    levels = list(vocabulary()["rating"].finditer(key))
    if not {"top", "plain"} <= {m.lastgroup for m in levels}:
        return False
    before = [m for m in levels if number.start - RATING_REACH <= m.end() <= number.start]
    own = before[-1] if before else next((m for m in levels if m.start() >= number.end), None)
    if own is None or own.lastgroup == "both":
        return False
    return own.lastgroup == "top" or any(m.lastgroup == "top" and m.start() < own.start() for m in levels)


def _one_channel(key: str, window: str, number: Number) -> bool:
    """A received count of the ways other than online alone ("HS tiếp nhận trực tiếp (54,1 ngàn HS)", "190.319 hồ
    sơ mới tiếp nhận (trực tiếp và bưu chính)"): a part of the received total, unless online is named too."""
    said = re.split(r"[,;:]", window)[-1] + " " + _WITH_ASIDE.match(key, number.end).group()
    return bool(vocabulary()["channels"].search(said)) and not _ONLINE.search(said)


def _not_figure(clause: str, code: str) -> bool:
    """Whether ``clause`` holds a word that makes a number no figure, not inside a cue phrase of the indicator or a
    unit's name (``unit_names``): "hồ sơ yêu cầu giải quyết" is no requirement; "đang giải quyết" still says in
    progress."""
    words = vocabulary()
    cues = [m.span() for cue, pattern, first in words["cues"] if cue == code and first in clause
            for m in pattern.finditer(clause)]
    cues += [m.span() for m in words["unit_names"].finditer(clause)]  # "Sở Kế hoạch và Đầu tư" is no plan
    cues += [m.span() for m in _WHOLE_COUNTRY.finditer(clause)  # a standing, no national figure: "dẫn đầu các tỉnh,
             if _AMONG_ALL.search(clause, max(0, m.start() - 25), m.start())]  # thành phố trong cả nước với ... đạt",
    # "dẫn đầu cả nước với 47,87 điểm"
    return any(not any(a <= m.start() and m.end() <= b for a, b in cues)
               for m in words["not_figure"].finditer(clause))
