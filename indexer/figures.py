"""Stage 3b: the figures a bulletin reports, each with the sentence it came from.

In: a bulletin's cleaned text, headline and metadata (province, district, reporting year and period). Out: plain
rows ``{indicator, value, unit, period, year, scope, scope_level, province, start, end, sentence}``, ``start`` and
``end`` the character offsets of the sentence in the text (both 0 for a figure only the headline gives, read as the
paragraph before the text unless it rounds: "Hơn 99% hồ sơ ..."). The indicators, their cue phrases and units are data
(``search/data/indicators.json``, compiled by ``indexer.indicators``).

Each number of a sentence is read with its unit (``indexer.numbers``); its indicator is the cue phrase nearest
before it in its own clause since the previous number with a unit (or right after it, past an abbreviation in
brackets or the comma of "tổ chức, cá nhân": "98,5% hồ sơ (TTHC) giải quyết đúng hạn", "567 dịch vụ công trực tuyến
một phần"; a cue overlapping one of that indicator's is part of its phrase: "đã trả kết quả nhưng chậm hạn"); a
share after a count ("(đạt 99,2%)", "(đạt gần 97%)"), a share after an index's raw points ("Chỉ số hài lòng ... được
9,85 điểm, đạt 87,10%"), a rank after an index's score and a score after its rank take that figure's indicator;
received counts in a sentence opening "Về hồ sơ trực tuyến, ..." ("Đối với việc tiếp nhận, giải quyết hồ sơ TTHC trực
tuyến, ...") are online ones; a rank takes the index named after
it ("xếp thứ 2 về Chỉ số SIPAS"); a score or rank (or a share beside a rank) in a sentence that names no index takes
the one index the nearest earlier sentence of the paragraph naming an index names ("... công bố Chỉ số CCHC năm
2023. Theo đó, tỉnh đạt 84,10 điểm"), or for a paragraph's first sentence those of the paragraph before (a caption
"Bảng xếp hạng Chỉ số SIPAS năm 2023 ..." above a list), else the one index the headline names when the sentence
names no "chỉ số" of its own ("Chỉ số Par Index năm 2018: Lạng Sơn xếp thứ 26/63 tỉnh, thành phố").
The period is the sentence's own (``indexer.periods.stated_period``, the recogniser the bulletin's period comes
from), else that of an earlier sentence of the paragraph with figures, else the bulletin's (the year alone when it
names no part of it); an index is FY of its year (not the satisfaction a one-stop centre or a district measures
itself, which has the period of its text); services counted "hiện nay" and figures "tính đến" a date have the year
only, as do those of a sentence opening "Đến nay" in a paragraph with no period before it (after one, they continue
it); figures "từ đầu năm đến nay" have the span from January to the end of the bulletin's part of the year (9M in a
third-quarter report), else the year only, and "từ đầu năm đến ngày 15/8/2021" the span from 1 January to that day;
"trong tháng", "trong tuần", "trong cùng kỳ" are the span of a report its headline or first period dates (unclear in
any other report), a rate ("mỗi ngày") has no period; in a bulletin with no period of its own,
the first month or span of days a sentence with figures states, when no figure before states its period, is the
report's, the default of its later paragraphs; a bracket opening on another year ("(năm 2017, Hòa Bình xếp ở vị trí
thứ 55)"), or one after the year compared with ("so với năm 2017 (đạt 37,08 điểm, đứng thứ 27)"), gives its figures
that year (a rank in it takes the one index its sentence names) and is no second year of its sentence, as is a rank's
own year after it ("từ vị trí thứ 5 của năm 2015") or a value's in a bracket ("từ 78,29% (năm 2021) lên 79,57%
(năm 2022)": both figures, each of its year; without their years only the value reached is one). The scope is the
district or agency
named in the figure's own clause, else the place or agency the sentence (or an earlier one of its paragraph; a
paragraph opening on "Trong đó" goes on with the one before, whose whole it breaks down) names
(not an agency that tells the figures, "Văn phòng UBND tỉnh cho biết", nor a counted head, "18 Sở ngành tỉnh"), else
the bulletin's district (in a district's bulletin, when the sentence says "huyện" or names the district bare:
"Hoằng Hoá cũng xếp ở vị trí thứ 2") or province; a service centre that "Trung tâm" alone refers to is the scope of
the rest of its paragraph, and a service centre named as the unit of figures is the unit of the sentences after it
that name none, in later paragraphs too until one states a period of its own or another unit is named ("Trong năm
2024, Trung tâm Hành chính công tỉnh ... tiếp nhận 94.665 hồ sơ.\nTỷ lệ giải quyết đúng và sớm hạn đạt 99,85%").

A figure is left out rather than guessed: two indicators named before one number, a target, a bound or a change ("phấn
đấu", "dưới 1%", "tăng 5%", "so với cùng kỳ"; a change with the year it is compared with between a cue and its number is
an aside: "chỉ số CCHC ... tăng 0,81 điểm so với năm 2019 đạt 77,93 điểm"), an average of units ("tỷ lệ hồ sơ trực tuyến
trung bình đạt 18,9%"), a national average (but an index's, "trung bình cả nước là 87,16%", is kept with the scope "cả
nước", level national, also where the index is named further back than its cue window, as is the whole country's figure:
"SIPAS nói chung trong cả nước năm 2023 ở mức 82,66%"), an index's components (also its parts after "trong đó" in the
sentence of its figure, and a PAPI score or rank after one of PAPI's dimensions by name), an unnamed unit at the top or
the bottom ("tỉnh có mức độ hài lòng cao nhất khu vực đạt 86,58%"), provinces or units counted by a threshold ("55 tỉnh
đạt trên 80%", "có 18 cơ quan, đơn vị ... đạt 100%"), a rank among a region's provinces ("xếp hạng 3/13 tỉnh, thành phố
khu vực ĐBSCL", "So với khu vực ĐBSCL, Cà Mau xếp ở vị trí thứ 3"), a tier of government ("UBND cấp huyện"; a sentence
opening on one, "Với cấp xã, toàn tỉnh ...", and the rest of its paragraph; one in the figure's own clause, "... toàn
tỉnh ... (cấp tỉnh tiếp nhận 77.833 hồ sơ, ...)"; in a district's own bulletin "cấp huyện" is the district; "cấp tỉnh"
in an index's name is no tier: "Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh"), a sentence naming two places or
agencies unless each figure has its own (a list of units: "đứng đầu là tỉnh Quảng Ninh (90,10% điểm), xếp thứ hai là
TP.Hải Phòng (90,09% điểm)", an item running from the number before it, or from the figure before it when that names no
unit, or else, with no semicolon since, the unit of that figure: "Sở Nội vụ hạng 3, với tỷ lệ hài lòng 93,89%"; a unit
it comes after, "Sau Quảng Ninh là Hà Nội với 84,64 điểm", is not its own; a score its clause opens on is the unit's
named right after it, "với 92,93 điểm Sở Tài chính là đơn vị dẫn đầu về chỉ số cải cách hành chính", and of the index
named there), two years, two months, a month a span starts from or a span this reader does not understand, a commune, a
figure of the sentence where an excerpt breaks off (the words after it may make it a part or a bound: "Trong đó, có
7.950 hồ sơ giải quyết đúng hạn|"; an item of a list, the unit of a figure after it: of a list of units, only the
items before its last clause mark are read), a bulletin without a province (but for a province named before its figure
as a list's item is: "đứng thứ 2 là tỉnh Hà Nam đạt 89,70%", a national story's
ranking) or a year, a count over a span (dossiers handled, procedures published: ``over_a_span`` of the data file)
that neither its sentence, its paragraph nor its bulletin gives a period, dossiers in progress or carried over
("Trong số 3.405 hồ sơ đang giải quyết, ...", "Số hồ sơ đang giải quyết là: ...", "8.606 hồ sơ kỳ trước chuyển
qua"), early and on-time counts given apart (their total is the
figure; of two received counts the new intake, else the whole, is kept), an on-time figure named by early words alone
("số hồ sơ trả trước hạn là 3.066": a part of it), a received count of the counter or the post alone ("HS tiếp nhận trực
tiếp (54,1 ngàn HS)": a part of the total), a sentence giving two figures or more again with other values (the
indicators, period and scope of an earlier sentence: a second breakdown, of a part of the whole, "Số hồ sơ giải quyết
qua bộ phận một cửa liên thông là ..."). Approximations keep the number stated ("hơn 1.000" is 1000), as the hand labels
do, unless the bulletin also gives the figure exactly ("hơn 2,4 triệu" and "2,471 triệu"), even in a sentence whose
figures are left out.

Each figure also names the province its scope lies in (``province``), so that one research table never runs two
provinces' "Sở Tư pháp" or "huyện Châu Thành" into one row: a province's own name; for an agency or a commune the
province its name holds or the words right after it name ("Sở Tư pháp tỉnh Tây Ninh", up to its figure's number:
not a place named further on), else the bulletin's (none for a ministry or a national body, but for its branch:
"Ngân hàng Nhà nước chi nhánh Long An"); for a district the province written right after it that has a district of
that name ("huyện Châu Thành (tỉnh Tây Ninh)"), else the bulletin's province when it has one, else the one province
the sentence names that has it, else the one province that has it; none for the whole country.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from itertools import takewhile

from search.textnorm import normalize_key, unify_tones

from .indicators import vocabulary
from .numbers import Number, read_numbers
from .periods import YEARS_SPAN, stated_period
from .places import (
    bare_district_word,
    district_mentions,
    district_owners,
    districts_of,
    provinces_named,
    without_dateline,
)
from .tables import table_rows

INDEX_FAMILIES = ("par_index", "papi", "sipas")  # annual indices: their period is the year (FY)
_LISTED_CUE_WORDS = 4  # at most this many words between a cue listed after a comma and its number
WINDOW_WORDS = 24  # a cue further before its number than this many words does not name it
_DIGIT = re.compile(r"\d")
_WHOLE_END = re.compile(r"[.!?:;)\"”…]\s*$")  # the last character of a text that is not cut off
_SENTENCE = re.compile(r"[^\n]+?(?:[.!?](?=\s+(?:[\"“(]|[-–+•*]\s*)?[A-ZÀ-Ỹ0-9])|[.!?]?(?=\n|$))")  # also before a
# bullet: items run on one line (". + Chỉ số cải cách hành chính ...")
_CITY_DOT = ("TP.", "Tp.")  # "UBND TP. Nha Trang": the abbreviation of "thành phố", no sentence end before a place
# a bare count ends its clause: "quá hạn 2;", "đã giải quyết: 9.986 (", "trước hạn là 5.200 và đúng hạn là ..."
_BARE_END = re.compile(r"^\s*(?:[,;.()]|và\s|$)")
_CLAUSE_MARK = re.compile(r"[,;()]")
REFINEMENTS = ("online_services", "dossiers_online")  # named after a count, they refine the cue before it
# the index a rank is in, named after it: "xếp thứ 2 về Chỉ số SIPAS", also past "/63 tỉnh, thành phố (trực thuộc
# Trung ương)", whose comma is no clause break
_RANK_AFTER = re.compile(r"^(?:(?:\s*/\s*\d+)?\s+tỉnh,\s*thành phố(?:\s+trực thuộc trung ương)?)?"
                         r"[^,;.()]{0,40}?(?:về|trong bảng|trong bảng xếp hạng|của|ở|theo)\s+[^,;.()]{0,80}")
_SHARE_BEFORE = re.compile(r"(?:\(|,|=)\s*(?:(?:đạt|chiếm|bằng|với)\s+)?(?:tỷ lệ\s*)?(?:là\s*)?"
                           r"(?:(?:hơn|trên|gần|khoảng|xấp xỉ)\s+)?$")  # ", chiếm tỷ lệ", "(đạt gần"
_SHARE_NEXT = re.compile(r"\s*(?:đạt|chiếm)(?:\s+tỷ lệ)?(?:\s+là)?\s*")  # "1.309 hồ sơ giải quyết quá hạn chiếm 0,6%"
_NOUN_PHRASE = re.compile(r"[^,;:().]*?(?=[,;:().]|\s(?:và(?!\s+(?:trước|đúng|sớm)\s+(?:thời\s+)?h[ạẹ]n)|đạt|chiếm"
                          r"|trong|với|so|tăng|giảm|là)\s|(?<!đúng)(?<!trước)(?<!sớm)\svà\s|$)")
# "hồ sơ giải quyết đúng và trước hạn", "đúng và sớm hạn", "trước và đúng thời hạn": one phrase; not "114.977 và
# đúng hạn là 1.022.796", two
# an average of all provinces: "trung bình cả nước", "các tỉnh, thành phố ... giá trị trung bình", "... đạt kết quả
# trung bình là 81,15%"
_NATIONAL_AVERAGE = re.compile(r"(?:trung bình|bình quân)(?: chung)?(?: của)? (?:cả nước|toàn quốc)"
                               r"|(?:các tỉnh, thành phố|cả nước|toàn quốc)[^.;]*(?:giá trị|điểm|điểm số|kết quả|mức)"
                               r" (?:trung bình|bình quân)[^;.]*$")
NATIONAL = ("cả nước", "national", True)
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
_REGION_LEAD = re.compile(r"^\W*(?:so với|trong|ở|tại|đối với|riêng)\s+(?:(?:các|\d+)\s+" + _PROVINCES_OF
                          + r")?(?:khu vực|vùng)[^,;()]*,[^,;()]*$")  # "So với khu vực ĐBSCL, Cà Mau xếp ở vị trí
# thứ", "So với 13 tỉnh, thành phố khu vực ĐBSCL, Vĩnh Long đứng thứ"
_BREAKDOWN = re.compile(r"\W*(?:[Tt]rong (?:số )?đó|TRONG ĐÓ)(?!\w)")  # a paragraph giving the parts of the whole
# the one before gave
# "Trung tâm" alone as the subject of a figure: the service centre the text named before
_BARE_CENTRE = re.compile(r"(?<!\w)[Tt]rung tâm(?:\s+này)?(?=\s+(?:đã\s+|đang\s+|cũng\s+|tiếp tục\s+|vừa\s+)*"
                          r"(?:tiếp nhận|tiếp đón|giải quyết|trả|xử lý|thực hiện)(?!\w))")
# the words after a number up to the end of its clause, or up to a "và" that opens another index's figure
_CLAUSE_AFTER = re.compile(r"(?:(?!\s+và\s+(?:các\s+)?(?:chỉ số|bộ chỉ số|xếp hạng|pci|papi|sipas|par index|dti|pgi))"
                           r"[^,;:()])*")
_AS_OF = re.compile(r"(?:\btính đến|^\W*đến)\s+(?:hết\s+|cuối\s+)?(?:(?:ngày\s+)?\d{1,2}\s*[/.]\s*)?(?:tháng\s+)?"
                    r"\d{1,2}\s*[/.-]\s*((?:19|20)\d{2})(?!\d)|\btính đến (?:nay|hiện tại|thời điểm này)"
                    r"|\btừ đầu năm(?:\s+(?:19|20)\d{2})?\s+(?:đến|tới) nay")  # year to date: no period; a date
# written as newspapers do, with dots, too: "Tính đến tháng 9.2025", "tính đến ngày 15.9.2025"
# "từ đầu năm đến nay" in a report framed on a part of the year is the span from January to that part's end
YEAR_TO_DATE = {"Q1": "Q1", "Q2": "H1", "H1": "H1", "Q3": "9M", "9M": "9M", "Q4": "FY", "FY": "FY"}
_COUNT_LIKE_YEAR = re.compile(r"(?<![\w./-])(?:19|20)\d{2}(?=\s+(?:hồ sơ|HS|thủ tục|TTHC|dịch vụ)(?!\w))")
_UP_TO_NOW = re.compile(r"^\W*(?:cho )?đến nay(?!\w)")  # "Đến nay, tỷ lệ ... đạt 99%"
_THIS_MONTH = re.compile(r"(?<!\w)[Tt]rong tháng(?:\s+(?:này|qua|vừa qua))?(?=\s*(?:[,.;:]|là|có|đã|toàn|các|$))")
_YEAR_START_TO = re.compile(r"(?<!\w)[Tt]ừ đầu năm(?:\s+(?P<start>(?:19|20)\d{2}))?\s+(?:đến|tới)\s+(?:hết\s+)?ngày\s+"
                            r"(?P<day>\d{1,2})\s*/\s*(?P<month>\d{1,2})(?:\s*/\s*(?P<year>(?:19|20)\d{2}))?(?!\d)")
_COMPARED_YEAR = re.compile(r"(?<!\w)(?:so(?: với)?(?: cùng kỳ)?(?: năm)?|(?:cao|thấp) hơn [^,;.()]{0,60}? năm) "
                            r"(?:19|20)\d{2}(?!\d)")  # "so với năm 2019", "cao hơn tỷ lệ ... của tỉnh năm 2018"
_CHANGE = re.compile(r"(?<!\w)(?:tăng|giảm)\s+[\d.,]+\s*(?:điểm|bậc|%)?\s*so(?: với)?(?: cùng kỳ)?(?: năm)? "
                     r"(?:19|20)\d{2}(?!\d)")  # a change with the year compared with, between a cue and its number
# "(năm 2017, Hòa Bình xếp ở vị trí thứ 55)"; a page may drop the closing bracket at the sentence's end
_DATED_ASIDE = re.compile(r"\(\s*[Nn]ăm (?:19|20)\d{2}(?!\d)[^()]*(?:\)|$)")
# an item of a list opening on its year: "tăng theo từng năm: năm 2021 xếp loại khá, với 79,27 điểm; năm 2022 ..."
_YEAR_OPENING = r"\s*[Nn]ăm (?:19|20)\d{2}(?!\d)"  # what such an item opens on, after its ':' or ';'
_YEAR_ITEM = re.compile(rf"(?<=[:;]){_YEAR_OPENING}[^;:()]*")
_YEAR_ITEM_KEY = re.compile(rf"[:;]{_YEAR_OPENING}[^;:()]*$")  # inside one, on the lower-cased key
_NEXT_YEAR_ITEM = re.compile(rf"[:;]{_YEAR_OPENING}")  # between two figures: the next item's year
# the year compared with and its own figures in brackets: "tăng điểm so với 2017 (đạt 37,08 điểm, đứng thứ 27)"
_COMPARED_ASIDE = re.compile(r"(?<!\w)[Ss]o với (?:cùng kỳ )?(?:năm )?((?:19|20)\d{2})(?!\d)\s*(\([^()]*\d[^()]*\))")
_COMPARED_ASIDE_KEY = re.compile(r"so với (?:cùng kỳ )?(?:năm )?(?:19|20)\d{2}(?!\d)\s*\([^()]*$")  # inside one
_RANK_YEAR = re.compile(r"\s*(?:của\s+)?năm\s+((?:19|20)\d{2})(?!\d)")  # "vị trí thứ 2 năm 2015": the rank's own year
_YEAR_BRACKET = r"\(\s*năm\s+((?:19|20)\d{2})(?!\d)\s*\)"  # "(năm 2021)"
_OWN_YEAR_AFTER = re.compile(r"\s*" + _YEAR_BRACKET)  # "78,29% (năm 2021)": that value's year
# a value and the one it rose or fell to: "từ chỉ số 78,29% (năm 2021) lên 79,57% (năm 2022)"; the first is a
# figure only with its own year (``_RISE_TO``, after the first; ``_RISEN``, all between the two)
_RISE = r"\s*(" + _YEAR_BRACKET + r")?\s*(?:lên|xuống)(?:\s+mức)?"
_RISE_TO = re.compile(_RISE + r"\s+(?=\d)")
_RISEN_TO = re.compile(r"(?<!\w)(?:lên|xuống)(?:\s+(?:mức|xếp hạng|hạng|vị trí|thứ))*\s*$", re.I)
_RISEN = re.compile(_RISE + r"\s*")
_DATED_ASIDE_KEY = re.compile(r"\(\s*năm (?:19|20)\d{2}(?!\d)[^()]*$")  # a rank inside "(năm 2016 xếp thứ"
_SPAN_WORDS = re.compile(r"(?<!\w)(?:từ ngày|đến ngày|tháng)(?!\w)")
STOCK = ("online_services",)  # counts of what exists at a date: "hiện nay" gives them no period
_COMBINED_LEVELS = re.compile(r"mức(?: độ)? 3\s*(?:,|và|-|–|/)\s*(?:mức(?: độ)? )?4(?![\d.,]\d)")  # not "3 và 473"
# a commune-level unit: since July 2025 also a special zone ("đặc khu Phú Quốc", "đặc khu Vân Đồn")
_COMMUNE = re.compile(r"(?<!\w)(?<![Tt]hị )(?:xã|phường|thị trấn|đặc khu)\s+[A-ZĐ]")  # not "thị xã Hòa Thành"
# a commune by name, its unit word in either case: "xã Đường An", "Phường Nam Sơn" (not "thị xã", a district; not
# "Phường 4", a numbered ward named with its district)
_COMMUNE_NAMED = re.compile(r"(?<!\w)(?<![Tt]hị )(xã|phường|thị trấn|đặc khu|Xã|Phường|Thị trấn|Đặc khu)"
                            r"(?=((?:\s+[^\W\d_]+){1,4}))")
# "..., với tổng số 83,00/100 điểm", "xếp thứ 1 với số điểm 95.98 điểm"
_INDEX_OPENING = re.compile(r"^\W*(?:(?:trong đó|theo đó|cụ thể|như vậy),\s*)?(?:chỉ số\s+)?(?:par\s*index|papi|sipas"
                            r"|chỉ số (?:cải cách hành chính|cchc|hài lòng|hiệu quả quản trị))")  # a sentence whose
# subject is an index, also after a connective ("Trong đó, chỉ số CCHC năm 2023 của tỉnh Ninh Bình đạt ...")
# a range of values, neither end a figure: "mức độ hài lòng từ 79% đến hơn 80%", "từ 88,45 đến 95,53 điểm"
_VALUE_RANGE = re.compile(r"(?<!\w)từ\s+(?:mức\s+)?\d[\d.,]*\s*%?\s*(?:điểm\s*)?(?:đến|tới|-|–)\s*"
                          r"(?:hơn|trên|gần|dưới)?\s*\d[\d.,]*\s*%?")
_SCORE_BEFORE = re.compile(r"(?:với|đạt)(?:\s+tổng)?(?:\s+số)?(?:\s+điểm)?(?:\s+số)?(?:\s+đạt(?:\s+được)?)?"
                           r"(?:\s+là)?\s*$")
_NEW_INTAKE = re.compile(r"\s*(?:hồ sơ\s+)?(?:tiếp nhận |được tiếp nhận |nhận )?mới\b")  # "16.041 hồ sơ tiếp nhận mới"
_NEW_BEFORE = re.compile(r"(?:mới tiếp nhận|tiếp nhận mới|nhận mới)(?:\s+(?:là|có))?\s*:?\s*$")  # "mới tiếp nhận là"
_WITH_ASIDE = re.compile(r"[^,;:().]*(?:\([^()]*\))?")  # a count's noun phrase and a bracket after it
_ONLINE = re.compile(r"(?<!\w)(?:trực tuyến|qua mạng)(?!\w)")
_ONLINE_LEAD = re.compile(r"^\W*(?:về|đối với|riêng|với)\s+(?:việc\s+)?(?:tiếp nhận(?:\s*,\s*|\s+và\s+|\s+)"
                          r"(?:giải quyết\s+)?)?(?:số\s+)?hồ sơ\s+(?:(?:thủ tục hành chính|tthc)\s+)?(?:nộp\s+)?"
                          r"(?:trực tuyến|qua mạng)\s*,")  # a sentence about dossiers filed online
_COMES_AFTER = re.compile(r"(?<!\w)(?:[Cc]hỉ |[Đđ]ứng |[Xx]ếp )?[Ss]au\s+[^,;()]+?\s+là\s")  # "Sau Hà Nội là"
_LEADING_SCORE = re.compile(r"(?:^|[,;(])\s*với\s*$")  # a clause opening on its score: ", với 92,93 điểm Sở X là"
# "Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)", "... quản trị, hành chính công cấp tỉnh PAPI": the
# provincial tier names the index, not a tier
_INDEX_TIER = re.compile(r"(?<!\w)(chỉ số(?:(?!cấp)[^,;.()\d]){0,60}|hành chính công\s+)cấp tỉnh(?!\w)")
_ABBREVIATION = re.compile(r"\((?:tthc|hs|dvctt|dvc|dvcqg)\)")  # a name's abbreviation: no break in its phrase
# the parties served named as a pair, one noun: "tổ chức, cá nhân", "người dân, doanh nghiệp"
_PARTY_PAIR = re.compile(r"(?<!\w)(tổ chức|cá nhân|người dân|doanh nghiệp),"
                         r"(\s+(?:tổ chức|cá nhân|người dân|doanh nghiệp)(?!\w))")
# "của 18 Sở ngành tỉnh", "các Trung tâm Phục vụ hành chính công": a group, no agency ("xếp thứ 2 Ngân hàng Nhà nước"
# is a rank)
_COUNTED_HEAD = re.compile(r"(?:(?<![Tt]hứ )(?<!hạng )(?<![\w.,])\d+(?:\s*/\s*\d+)?|(?<!\w)(?:[Cc]ác|[Nn]hững))\s*$")
# the share of an index's raw points right after them: "9,85 điểm, đạt 87,1%"
_SHARE_OF_POINTS = re.compile(r"\s*(?:điểm)?\s*,?\s*(?:đạt|chiếm|bằng)(?:\s+tỷ lệ)?\s*[\d.,]+\s*%")
_ROUNDING = r"(?<!\w)(?:hơn|trên|gần|khoảng|xấp xỉ)"
_ROUNDED = re.compile(_ROUNDING + r"\s*$")  # right before a number it rounds
_ROUNDED_NUMBER = re.compile(_ROUNDING + r"\s+\d")  # a number rounded: "Hơn 99% hồ sơ ..."


@dataclass(frozen=True)
class Context:
    """What the bulletin says about all its figures."""

    province: str | None
    district: str | None
    year: int | None
    period: str | None
    title: str = ""  # the headline: the index a bulletin announces when no sentence before a figure names one


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``: ended by ". ! ?" before a capital, or by a line break; not by
    the dot of "TP." before the name of a place ("UBND TP. Nha Trang đã giải quyết ...")."""
    spans = []
    for m in _SENTENCE.finditer(text):
        found = m.group()
        if found.strip():
            start = m.start() + len(found) - len(found.lstrip())
            end = m.end() - (len(found) - len(found.rstrip()))
            if spans and text[spans[-1][1] - 3:spans[-1][1]] in _CITY_DOT and "\n" not in text[spans[-1][1]:start] \
                    and _place_at(text[start:start + 40]):
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return spans


def _place_at(text: str) -> bool:
    """Whether ``text`` opens on the name of a province or district ("Nha Trang trong quý III ...")."""
    names = provinces_named(text) | {d for (_, d) in district_mentions("TP. " + text)}
    return any(text.startswith(name) for name in names)


def _cue(window: str, number: Number, after: bool = False, own: bool = False) -> str | None | bool:
    """The indicator the cues of ``window`` name for ``number`` (nearest it; in its own clause when that names
    one, else in the clauses before it unless ``own``), None for none, False when two clash. Only indicators
    that take the number's unit count."""
    window = vocabulary()["names"].sub(lambda m: " " * len(m.group()), window)
    fits = _fitting(number)
    hits = [(m.start(), m.end(), code) for code, pattern, first in vocabulary()["cues"] if code in fits
            and first in window for m in pattern.finditer(window)]
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


def _fitting(number: Number) -> set[str]:
    """Indicators that may have this number: its unit (a bare decimal may be a score), its counted noun."""
    words = vocabulary()
    return {code for code, units in words["units"].items()
            if (number.unit in units or (number.unit is None and number.decimal and "score" in units))
            and (number.unit != "count" or number.noun in words["counted"][code])}


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
    in the sentence ("SIPAS ... là 80,08%; trong đó, mức độ hài lòng đối với ... là 79,72%"), or a PAPI figure after
    one of PAPI's dimensions by name ("chỉ số về “Kiểm soát tham nhũng trong khu vực công” TPHCM xếp thứ 55/63")."""
    family = _family(code)
    if family is None:
        return False
    if family == "papi" and vocabulary()["dimensions"].search(key, 0, number.start):
        return True
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
    ở mức 43,96"); in its range, not a target, a bound or a change."""
    if not _family(code) or number.unit == "rank":
        return False
    if not _NATIONAL_AVERAGE.search(key, 0, number.start):
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
    ĐBSCL") or by the lead of its clause ("So với khu vực ĐBSCL, tỉnh xếp ở vị trí thứ 3")."""
    return bool(_REGIONAL.match(key[number.end:]) or _REGION_LEAD.match(key[:number.start]))


def _last_index(earlier: list[str], title: str = "") -> str | None:
    """The index the nearest of the ``earlier`` sentences (nearest first) that names any names (None when it names
    several, another index or an index's parts); when none names one, the one index the headline names ("Chỉ số
    Par Index năm 2018: Lạng Sơn xếp thứ 26/63 tỉnh, thành phố")."""
    for sentence in earlier:
        key = normalize_key(sentence)
        if _families(key) or vocabulary()["other_indices"].search(key):
            return _named_index(sentence)
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
    return {_family(code) for code, pattern, first in vocabulary()["cues"]
            if code.endswith("_rank") and first in key and pattern.search(key)}


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


def _unit_named(text: str) -> bool:
    """Whether ``text`` names one province, district (with its unit word) or agency by its name."""
    return _units_named(text) == 1


def _units_named(text: str) -> int:
    """How many provinces, districts (with their unit word) and agencies ``text`` names by their names."""
    agencies = set(_agencies(text))
    text = vocabulary()["agencies"].sub(" ", text)  # "Sở Tài chính Hà Nội" names an agency, not the city too
    return len(provinces_named(text) | {d for (_, d) in district_mentions(text)}) + len(agencies)


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
                or (number.unit != "rank" and words["after_not_figure"].search(after))  # "xếp thứ 6 cả nước" is one
                or not low <= number.value <= high or (number.unit == "%" and number.value > 100)
                or (code == "dossiers_received" and _one_channel(key, window, number))
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


def _agencies(text: str, units_named: bool = False) -> list[str]:
    """The agencies ``text`` names as the unit of its figures, in order: not a head word alone ("15/24 Sở"), nor one
    that tells them ("Văn phòng UBND tỉnh cho biết", its name ending before the verb; a speaker's department, "ông A,
    Phó giám đốc Sở Khoa học và Công nghệ, cho biết"), nor one they are reported by
    ("theo báo cáo của Văn phòng UBND tỉnh, Trung tâm ...") when another agency is named (alone, it reports its own
    figures), nor a head counted ("18 Sở ngành tỉnh": a group of agencies)."""
    words, found, sources = vocabulary(), [], []
    for m in words["agencies"].finditer(text):
        name = m.group()
        if " " not in name.strip() or words["national_head"].fullmatch(name.strip()) \
                or _COUNTED_HEAD.search(text, 0, m.start()) \
                or words["source_after"].match(text[m.end():]) \
                or any(words["source_after"].match(name[v.start():]) for v in re.finditer(r"\s", name)):
            continue
        source = words["source_before"].search(normalize_key(text[max(0, m.start() - 30):m.start()]))
        name = " ".join(name.split())
        (sources if source else found).append(name[:1].upper() + name[1:])  # "sở Nội vụ" is written "Sở Nội vụ"
    return found or [name for name in sources if not (units_named and words["ministry"].match(name))]


UNSAID = (None, None, False)  # a district bulletin's sentence that does not say whose figures it gives


def _one_commune(sentence: str) -> str | None | bool:
    """The one commune a sentence names ("phường Nam Sơn", the unit word in lower case), None for none (a numbered
    ward, "Phường 4", is none: it is named with its district), False when it names several."""
    named = set()
    for found in _COMMUNE_NAMED.finditer(sentence):
        name = list(takewhile(lambda word: word[0].isupper(), found.group(2).split()))
        if name:
            named.add(f"{found.group(1).lower()} {' '.join(name)}")
    if len(named) == 1:
        return named.pop()
    return False if named else None


def _scope(sentence: str, context: Context, item: bool = False) -> tuple[str, str, bool] | None:
    """(scope, level, named: the sentence names it) its figures belong to; None when unclear. A province named by
    a bulletin with none of its own is a scope only as an ``item``: named before the figure it is the unit of
    ("đứng thứ 2 là tỉnh Hà Nam đạt 89,70%")."""
    words = vocabulary()
    commune = _one_commune(sentence)
    if commune is False:
        return None
    sentence = re.sub(r"\([^()]*\)", " ", without_dateline(sentence))  # "(chỉ sau Quảng Ninh)" names no scope, nor
    # does the place a news agency filed from ("Hà Nội (TTXVN 2/4/2024) Kết quả ...")
    wide = words["province_wide"].search(normalize_key(sentence))
    provinces = provinces_named(sentence)
    districts = {d for (_, d) in district_mentions(sentence, context.province)} if context.province else set()
    districts |= {d for (p, d) in district_mentions(sentence) if p in provinces}
    named = _agencies(sentence, bool(provinces))  # a ministry that rates a province named is no scope
    agencies, agency = set(named), named[0] if named else None
    if len(agencies) > 1:
        return None  # "tại Sở A, ...; tại Sở B, ..."
    if commune:  # "Xã Bình Đào là địa phương có chỉ số CCHC cao nhất với 92,3": the commune's, unless the sentence
        # also names a unit above it or one that serves it, or speaks of the whole province
        return None if districts or agency or wide else (commune, "commune", True)
    if len(districts) > 1 or len(provinces) > 1 or (provinces and context.province is None and not districts
                                                     and not item):
        return None
    if wide and context.province and not districts and provinces <= {context.province}:
        return context.province, "province", True  # "toàn tỉnh"
    if agency and not wide and (context.province or provinces or words["ministry"].match(agency)):
        return agency, "agency", True
    if districts:
        return districts.pop(), "district", True
    if provinces:
        return provinces.pop(), "province", True
    if context.district:  # a district's bulletin: its figures are the district's only when the text says so
        said = bare_district_word(sentence, context.province) or _names_bare(sentence, context.district)
        return (context.district, "district", True) if said else UNSAID
    serving = _serving_headline(context.title)
    if serving and not wide:  # "Trung tâm Phục vụ hành chính công giải quyết hơn 59 ngàn hồ sơ": the bulletin
        return serving, "agency", False  # reports that agency's dossiers where a sentence names no unit
    return (context.province, "province", False) if context.province else None


def _names_bare(sentence: str, district: str) -> bool:
    """Whether a district's own bulletin names it by its bare name, capitalised, in either tone-mark placement
    ("Riêng trong năm 2022, Hoằng Hoá cũng xếp ở vị trí thứ 2": Hoằng Hóa)."""
    return re.search(rf"(?<!\w){re.escape(unify_tones(district))}(?!\w)", unify_tones(sentence)) is not None


_HANDLES = re.compile(r"^\s*(?:(?:đã|vừa|đang)\s+)?(?:tiếp nhận|giải quyết|trả kết quả|xử lý)(?!\w)")


@lru_cache(maxsize=1024)
def _serving_headline(title: str) -> str | None:
    """The agency a headline opens on as the one that receives or resolves dossiers ("Sở TN&MT Hà Tĩnh tiếp nhận
    hơn 1.000 hồ sơ ..."), else None (a headline naming an agency as the one reporting or meeting is not)."""
    named = _agencies(title) if title else []
    if not named or not title.lstrip().startswith(named[0]):
        return None
    return named[0] if _HANDLES.match(title.lstrip()[len(named[0]):].lower()) else None


# a report's list: a heading line that names whose items follow ("* Đối với thành phố:", "a) Cấp huyện:"; a few
# words, no number, a colon at its end) and the items under it ("- Số hồ sơ tiếp nhận: 1281 hồ sơ", "+ Hồ sơ trễ
# hạn: 118 hồ sơ"), until a line that is neither
_LIST_ITEM = re.compile(r"^\s*(?:[-+*•–]|[a-zđ]\)|\d{1,2}[.)])\s*")
_HEADING = re.compile(r"^\s*(?:[-+*•–]|[a-zđ]\)|\d{1,2}[.)]|[IVX]{1,4}\.)?\s*[^\W\d][^\d:;.]{1,60}:\s*$")

UNCLEAR = ("unclear", None)
REPORT_SPAN = ("report span", None)  # "trong tháng", "trong tuần": the span of a report dated by its headline,
# else unclear
UP_TO_NOW = ("up to now", None)  # "Đến nay, ...": the paragraph's period continued, else a count to date


def _stated(sentence: str, context: Context) -> tuple[str | None, int | None]:
    """What a sentence says of its period: (period, year), (None, None) for nothing, ``UNCLEAR``."""
    sentence = _COUNT_LIKE_YEAR.sub("một số", sentence)  # "1955 hồ sơ" is a count, no year
    sentence = _COMPARED_YEAR.sub(" ", sentence)  # "tăng 0,81 điểm so với năm 2019": not the figures' year
    sentence = _YEAR_START_TO.sub(_from_january, sentence)  # "từ đầu năm đến ngày 15/8/2021": from 1/1/2021
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


def extract_figures(text: str, context: Context) -> list[dict]:
    """The figures of a bulletin's ``text`` (module docstring), in the order of the text; a figure repeated
    (a lead printed twice, the headline's figure again in the body) is given once, at its first sentence, or where
    its text states its period when the first takes the bulletin's (an agency named in short, then in full, is one).
    A sentence that names no period or scope takes those of an earlier sentence of its paragraph (the period
    of one with figures); both are read only for sentences with figures (a tenth of the cost)."""
    rows, rounded, defaulted, read = _read_rows(text, context)
    kept = [row for at, row in enumerate(rows) if (at not in rounded or not _said_exactly(row, read))
            and not _given_again(at, rows, defaulted)]
    given = {_row_key(row) for row in kept}
    tabled = [row for row in _table_figures(text, context) if _row_key(row) not in given]
    return sorted(_new_intake_only(_without_second_breakdowns(kept)) + tabled, key=lambda row: row["start"])


_SAYS_NEW = re.compile(r"(?<!\w)(?:(?:được )?(?:tiếp nhận|nhận) mới|mới tiếp nhận)(?!\w)")
_PARTS_FOLLOW = re.compile(r"(?<!\w)trong đó\s*:?\s*$")  # "1281 hồ sơ (1), trong đó:": its parts come next


def _new_intake_only(rows: list[dict]) -> list[dict]:
    """The rows but a received total whose parts follow it ("- Số hồ sơ tiếp nhận: 1281 hồ sơ, trong đó:") when one
    of them, of the same scope and period, is the newly received ("+ Hồ sơ tiếp nhận mới: 918 hồ sơ; + Hồ sơ từ kỳ
    trước chuyển sang: 363 hồ sơ"): the received count is the new one, the total holds the period before's too."""
    def key(row: dict) -> tuple:
        return row["unit"], row["period"], row["year"], row["scope"]
    received = [(row, normalize_key(row["sentence"])) for row in rows if row["indicator"] == "dossiers_received"]
    new = [row for row, said in received if _SAYS_NEW.search(said)]
    totals = {id(row) for row, said in received if _PARTS_FOLLOW.search(said) for part in new
              if key(row) == key(part) and row["start"] < part["start"] and row["value"] > part["value"]}
    return [row for row in rows if id(row) not in totals]


def _table_figures(text: str, context: Context) -> list[dict]:
    """The scores and ranks of a table of units (``indexer.tables``), of the one index its caption or, failing
    that, the headline names, each of its unit (a unit the rules cannot place is left out) and of the index's year:
    the year its caption or headline names, else the bulletin's."""
    rows = table_rows(text)
    if not rows:
        return []
    caption = text[max(0, rows[0].start - CAPTION_CHARS):rows[0].start]
    family = _named_index(caption) or _named_index(context.title or "")
    year = _last_year_named(caption) or _last_year_named(context.title or "") or context.year
    if family is None or year is None:
        return []
    out = []
    for row in rows:
        scope = _item_scope(row.unit, context) or _agency_cell(row.unit) or _numbered_ward(row.unit, context)
        if scope is None:
            continue
        for value, unit in ((row.score, "%" if family == "sipas" else "score"), (row.rank, "rank")):
            if value is not None:
                out.append({"indicator": _of_family(family, unit), "value": float(value), "unit": unit,
                            "period": "FY", "year": year, "scope": scope[0], "scope_level": scope[1],
                            "start": row.start, "end": row.end, "sentence": row.line})
    return out


def _agency_cell(cell: str) -> tuple[str, str, bool] | None:
    """A table's unit cell that opens on an agency's head word ("Sở Lao động - Thương binh và Xã hội", whose dash
    the rules for sentences stop at): the whole cell is the agency's name."""
    return (" ".join(cell.split()), "agency", True) if vocabulary()["agency_head"].match(cell) else None


_NUMBERED_WARD = re.compile(r"^(?:(?:ủy|uỷ) ban nhân dân|ubnd)?\s*(phường|xã)\s+(\d{1,2})$", re.I)


def _numbered_ward(cell: str, context: Context) -> tuple[str, str, bool] | None:
    """A table's unit cell naming a numbered ward ("Ủy ban nhân dân Phường 4") in a district's bulletin: the ward
    with its district, as it is known ("Phường 4, Quận 3"; a number names no ward alone)."""
    found = _NUMBERED_WARD.match(" ".join(cell.split()))
    if not found or not context.district or not context.province:
        return None
    kinds = [kind for kind, name in districts_of(context.province) if name == context.district]
    if len(kinds) != 1:
        return None
    kind = kinds[0][:1].upper() + kinds[0][1:] if context.district.isdigit() else kinds[0]  # "Quận 3"
    return f"{found.group(1).capitalize()} {found.group(2)}, {kind} {context.district}", "commune", True


CAPTION_CHARS = 600  # the text above a table its caption and header are read in
_YEAR_NAMED = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})(?![\d/])")


def _last_year_named(text: str) -> int | None:
    """The last year ``text`` names ("PAR INDEX 2023", "năm 2019"), None when none."""
    found = _YEAR_NAMED.findall(text)
    return int(found[-1]) if found else None


def _read_rows(text: str, context: Context, whole: bool = False) -> tuple[list[dict], set, set, list[dict]]:
    """(every figure read, in the order of the text; the places in it of those a rounding word precedes; of those
    whose period is the bulletin's; what every sentence's figures read as), before ``extract_figures`` drops
    repeats. ``whole``: the text is not an excerpt, its last sentence stands even without a closing mark."""
    rows, seen, rounded, defaulted, read = [], set(), set(), set(), []
    monthly = _headline_span(context)  # a report's month or span, named by its headline or first period: its
    # paragraphs' default
    carried_period, paragraph, last_end, tiered, before, lent = monthly, [], 0, False, None, None
    section = None  # a heading line whose list items follow ("* Đối với thành phố:"): their unit or tier
    lent_here = False  # whether the unit lent was named in this paragraph (else in one before)
    unread = []  # sentences of the paragraph that carry a period on, read only when a later one needs it
    cut_at = None if whole or _WHOLE_END.search(text) else len(text.rstrip())  # an excerpt broken off mid-sentence
    centre = _centre_named(context.title or "")  # the centre "Trung tâm" alone refers to
    for start, end in sentences(text):
        broken = end == cut_at  # "Trong đó, có 7.950 hồ sơ giải quyết đúng hạn|": the rest may make it a part; of a
        # list of units, the items before its last mark are whole ("huyện Cai Lậy 100,09 điểm, huyện Tân Phước 98,80|")
        end = _last_clause_end(text, start, end) if broken else end
        sentence = text[start:end]
        if "\n" in text[last_end:start] and not _BREAKDOWN.match(sentence):  # "Trong đó, ..." goes on with the
            # paragraph before: the parts of the whole it gave
            before = paragraph[::-1] or before  # the paragraph before, its last sentence first
            carried_period, paragraph, tiered, unread, lent_here = monthly, [], False, [], False  # a new paragraph
            section = sentence if _HEADING.match(sentence) else section if _LIST_ITEM.match(sentence) else None
            tiered = bool(section) and bool(_own_level(vocabulary()["tier_lead"].search(normalize_key(
                _LIST_ITEM.sub("", section))), context))  # "* Đối với xã phường:": its items are a tier's
        last_end = end
        paragraph.append(sentence)
        centre = _centre_named(sentence) or centre
        if centre and _BARE_CENTRE.search(sentence):  # "Trung tâm" alone, also in a sentence with no figure read:
            lent, lent_here = (centre, "agency", True), True  # "Trung tâm đã giải quyết: 4.561/5.650 HS. Trong đó,
            # có 4,52 ngàn ..."
        if not _DIGIT.search(sentence):
            continue
        key = _COMBINED_LEVELS.sub("mức_độ_3_4", normalize_key(sentence))  # "mức độ 3, 4" is neither level
        key = _ABBREVIATION.sub(lambda m: " " * len(m.group()), key)  # "hồ sơ thủ tục hành chính (TTHC) được ..."
        key = _INDEX_TIER.sub(lambda m: m.group(1) + " " * len("cấp tỉnh"), key)
        key = _PARTY_PAIR.sub(r"\1 \2", key)  # "97% tổ chức, cá nhân hài lòng": one noun, no clause break
        if vocabulary()["components"].search(key) or vocabulary()["pending"].search(key):
            continue  # the parts of an index: none is the index; dossiers still in progress
        tiered = tiered or bool(_own_level(vocabulary()["tier_lead"].search(key), context))  # "Ở cấp huyện, ..."
        numbers = read_numbers(key)
        previous = paragraph[-2::-1] if len(paragraph) > 1 else before or []  # the sentences before
        headline = context.title if "chỉ số" not in key else ""  # "Chỉ số thủ tục hành chính công (38/63)": a part
        earlier = partial(_last_index, previous, headline)  # read only when needed
        found = _indicators(key, numbers, sentence, earlier) if _may_report(key, numbers) else []
        read += [{"indicator": code, "value": number.value, "unit": number.unit} for number, code in found]
        if not found:
            if any(number.unit for number in numbers):  # a sentence of figures this reader leaves out still
                unread.append(sentence)  # says the period of the next ones
            elif ("tháng" in key or "đến" in key) and not (carried_period := _carry(carried_period, unread,
                                                                                      context, monthly))[0]:
                stated = _stated(sentence, context)  # so does one naming a month or a span of days, when no
                # period is carried yet: "Trong tháng 2/2018 có 1.555 lượt người tham gia đánh giá ..."
                carried_period = stated if str(stated[0]).startswith(("month:", "range:")) else carried_period
            continue
        if len(key) == len(sentence):  # places named after its last figure are not its subject
            paragraph[-1] = sentence[:max(number.end for number, _ in found)]
        scope = _paragraph_scope(([section] if section else []) + paragraph, context)
        asides = [*_DATED_ASIDE.finditer(sentence), *_YEAR_ITEM.finditer(sentence)] if len(key) == len(sentence) \
            else []
        compared = [m for m in _COMPARED_ASIDE.finditer(sentence)] if len(key) == len(sentence) else []
        dated = [m for m in ((_RANK_YEAR if n.unit == "rank" else _OWN_YEAR_AFTER).match(key, n.end) for n in numbers)
                 if m] if len(key) == len(sentence) else []  # "Từ vị trí 63 của năm 2020, ...", "78,29% (năm
        # 2021)": that figure's own year
        said = _monthly(_stated(_blanked(sentence, asides + dated + compared), context), monthly)
        if scope is not None and scope[2]:  # the unit named last: a service centre goes on being the unit of the
            # sentences after it that name none, in later paragraphs too ("Tỷ lệ giải quyết đúng và sớm hạn đạt
            # 99,85%"); any other unit named ends it
            lent, lent_here = (scope if scope[1] == "agency" and _is_centre(scope[0]) else None), True
        elif lent and not lent_here and said != (None, None):
            lent = None  # a later paragraph stating a period of its own: another part of the report
        if scope is not None and not scope[2] and lent:
            scope = lent  # "Trung tâm tiếp nhận 13.188 hồ sơ", "... Tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,2%"
        if scope is UNSAID:  # a district's bulletin whose sentence says neither its district nor a centre
            scope = None
        stated = _carried(said, (carried_period := _carry(carried_period, unread, context, monthly)))
        said = ("as_of", None) if said == UP_TO_NOW else said
        listing = scope is None and len(key) == len(sentence) and not _COMMUNE.search(sentence)
        if not listing and (scope is None or (broken and (_BREAKDOWN.match(sentence) or not scope[2]))):
            continue  # a broken sentence's whole clauses stand when it names its unit and gives no parts
        carried_period = stated  # a sentence with figures lends its period to the next ones
        if monthly == (None, None) and context.period is None and str(stated[0]).startswith(("month:", "range:")) \
                and stated[1] == context.year and len(defaulted) == len(rows):  # none before states its period
            monthly = stated  # "Trong tháng 01 năm 2025, ... tiếp nhận 14.579 hồ sơ." opens a monthly report
        unit, item_start = None, 0  # the unit of the list's item the last figure is in, where that figure ends
        tier_only = tiered and not _unit_named(sentence)  # a tier's paragraph, no unit of its own
        found = _one_value_each(key, sentence, found)
        for number, code in found:
            own = _clause_scope(sentence, key, number, context)
            if listing and not number.national:  # a sentence naming several units: each figure is the one unit
                # named just before it
                since = max([n.end for n in numbers if n.end <= number.start] + [item_start])  # any number's
                own = _item_scope(sentence[since:number.start], context) \
                    or _item_scope(sentence[item_start:number.start], context)  # or the last figure's
                leading = None if own else _leading_item(key, sentence, number, context)  # or the one after it
                if own is None and not leading and unit and ";" not in sentence[item_start:number.start] \
                        and not number.ordinal:  # an item's numeral is the place of the name after it
                    own = unit  # "Sở Nội vụ hạng 3, với tỷ lệ hài lòng 93,89%": the item's unit goes on
                own, item_start = (own, number.end) if not leading else leading
                if own is None:
                    continue
                unit = own
            if own is None and (_tier(key, number, context) or tier_only):
                continue  # "UBND cấp huyện giải quyết 72.199 hồ sơ": a tier, neither the province nor one unit
            figure_scope = NATIONAL if number.national else own or scope
            aside = next((m for m in asides if m.start() < number.start < m.end()), None)  # "(năm 2017, xếp thứ 55)"
            figure_stated = _stated(aside.group(), context) if aside else said if code.startswith(STOCK) else stated
            earlier_year = next((m for m in compared if m.start(2) < number.start < m.end(2)
                                 and not _RISEN_TO.search(sentence, m.start(2), number.start)), None)  # "so với
            # năm 2018 (từ xếp hạng 55/63 lên xếp hạng 44/63)": the value risen to is the sentence's year's
            figure_stated = _stated(f"năm {earlier_year.group(1)}", context) if earlier_year else figure_stated
            own_year = next((int(m.group(1)) for m in dated if m.start() == number.end), None)
            figure_stated = (None, own_year) if own_year and _family(code) else figure_stated
            local = code == "sipas" and figure_scope[1] in ("agency", "district")  # a unit's own survey, no index
            period = _period(figure_stated, key, code, context, not local)  # a stock: its sentence's own
            same = (code, number.value, number.unit, period, figure_scope[:2])
            if period is None or same in seen:
                continue
            seen.add(same)
            rows.append({"indicator": code, "value": number.value, "unit": number.unit, "period": period[0],
                         "year": period[1], "scope": figure_scope[0], "scope_level": figure_scope[1], "start": start,
                         "end": end, "sentence": sentence.strip()})
            if _ROUNDED.search(key, 0, number.start):
                rounded.add(len(rows) - 1)  # its place in rows
            if figure_stated == (None, None):
                defaulted.add(len(rows) - 1)  # its period is the bulletin's, none its text states
    return rows, rounded, defaulted, read


_CLAUSE_END = re.compile(r"[,;](?=\s)")  # a clause mark, not a decimal comma ("98,80")


def _last_clause_end(text: str, start: int, end: int) -> int:
    """Where the last whole clause of a sentence broken off at ``end`` ends: at its last clause mark, else at its
    start (nothing of it is whole)."""
    marks = list(_CLAUSE_END.finditer(text, start, end))
    return marks[-1].start() if marks else start


def _without_second_breakdowns(rows: list[dict]) -> list[dict]:
    """The rows but those of a sentence that gives two or more figures again with other values (same indicator,
    unit, period and scope as an earlier sentence's): a second breakdown, of a part of the whole the first gave
    (one mechanism, one channel, some units), which its words do not make clear ("Tổng số hồ sơ tiếp nhận ...
    là 5.210 hồ sơ, đã giải quyết 5.100 hồ sơ, ... Số hồ sơ giải quyết qua bộ phận một cửa là 4.870 hồ sơ, đúng
    hạn 4.800 hồ sơ")."""
    def key(row: dict) -> tuple:
        return row["indicator"], row["unit"], row["period"], row["year"], row["scope"]
    again: dict[int, int] = {}
    for row in rows:
        if any(key(other) == key(row) and other["value"] != row["value"] and other["start"] < row["start"]
               for other in rows):
            again[row["start"]] = again.get(row["start"], 0) + 1
    return [row for row in rows if again.get(row["start"], 0) < 2]


def _given_again(at: int, rows: list[dict], defaulted: set[int]) -> bool:
    """A figure the bulletin gives again where it is clearer: its period the bulletin's where another sentence states
    one of the same year (a headline's "Gần 97% hồ sơ trả trước và đúng hạn", then the month's body "(đạt gần 97%)"),
    or given by an earlier sentence with the same period (an agency's name in short or in full is one scope)."""
    row = rows[at]
    return any(_same_figure(row, other) and other["year"] == row["year"]
               and ((at in defaulted and other_at not in defaulted)
                    or (other_at < at and other["period"] == row["period"]
                        and (at in defaulted) == (other_at in defaulted)))
               for other_at, other in enumerate(rows) if other_at != at)


def _same_figure(row: dict, other: dict) -> bool:
    """The same indicator, value and unit of one scope (an agency's named in full or in short)."""
    if (row["indicator"], row["value"], row["unit"]) != (other["indicator"], other["value"], other["unit"]):
        return False
    if row["scope"] == other["scope"]:
        return True
    agencies = row["scope_level"] == other["scope_level"] == "agency"
    return agencies and (row["scope"] in other["scope"] or other["scope"] in row["scope"]
                         or _abbreviates(row["scope"], other["scope"]) or _abbreviates(other["scope"], row["scope"]))


def _abbreviates(short: str, full: str) -> bool:
    """Whether an agency's name in short spells the initials of its name in full after the same head word ("Bộ
    GTVT", "Bộ Giao thông vận tải"; "Bộ TT&TT", "Bộ Thông tin và Truyền thông").

    >>> _abbreviates("Bộ LĐ-TB&XH", "Bộ Lao động, Thương binh và Xã hội"), _abbreviates("Bộ Y tế", "Bộ Tư pháp")
    (True, False)
    """
    head, _, letters = short.partition(" ")
    words = [w for w in re.findall(r"\w+", full[len(head):]) if w != "và"]
    letters = re.sub(r"[^\w]", "", letters)
    return full.startswith(head + " ") and letters.isupper() and len(words) > 1 \
        and letters == "".join(w[0].upper() for w in words)


def _blanked(sentence: str, spans: list[re.Match]) -> str:
    """The sentence with the text of each span blanked out (its offsets kept)."""
    for m in spans:
        sentence = sentence[:m.start()] + " " * (m.end() - m.start()) + sentence[m.end():]
    return sentence


def _said_exactly(row: dict, read: list[dict]) -> bool:
    """A rounded figure ("hơn 2,4 triệu hồ sơ", "trên 14.000 hồ sơ") that the bulletin also gives exactly
    (2,471 triệu; 14.292): the same indicator and unit, more significant digits, within a tenth of it, read
    anywhere in the text (also where the exact figure is left out: "trên 116.380" in the headline is the body's
    116.383, whose sentence names a tier too)."""
    value = row["value"]
    return any(other["indicator"] == row["indicator"] and other["unit"] == row["unit"]
               and _digits(other["value"]) > _digits(value) and abs(other["value"] - value) <= 0.1 * other["value"]
               for other in read)


def _digits(value: float) -> int:
    """Significant digits of a figure: 2 for 2400000 and for 2.4, 4 for 2471000."""
    return len(f"{value:.6g}".replace(".", "").replace("-", "").strip("0"))


def _one_value_each(key: str, sentence: str, found: list[tuple[Number, str]]) -> list[tuple[Number, str]]:
    """A sentence gives one value of an indicator in a unit for the units it names: of two on-time counts or
    shares ("trước hạn 13.529 hồ sơ, chiếm 86,5%; đúng hạn 1.958 hồ sơ, chiếm 12,5%") neither is the on-time
    figure (their total is not printed); of two received counts, the new intake ("tổng cộng 19.361 hồ sơ, trong
    đó có 16.041 hồ sơ tiếp nhận mới", "trong đó hồ sơ mới tiếp nhận là 10.133 hồ sơ") or else the first, the
    whole ("..., trong đó 14.654 hồ sơ trực tiếp");
    items of a list of units (a unit named between them) each keep theirs."""
    groups: dict[tuple[int, str, str, str | None], list[Number]] = {}
    item, previous_end = 0, 0
    for number, code in found:
        if len(key) == len(sentence) and _units_named(sentence[previous_end:number.start]):
            item += 1  # "Sở Công Thương ... 92,83%; Sở Giao thông Vận tải ... 91,86%": another unit's
        previous_end = number.end
        dated = (_RANK_YEAR.match(key, number.end) if number.unit == "rank" else None) \
            or _OWN_YEAR_AFTER.match(key, number.end) \
            or _DATED_ASIDE_KEY.search(key, 0, number.start) or _COMPARED_ASIDE_KEY.search(key, 0, number.start) \
            or _YEAR_ITEM_KEY.search(key, 0, number.start)
        groups.setdefault((item, code, number.unit, dated and dated.group()), []).append(number)
    drop = set()
    parts = {item for (item, code, *_), numbers in groups.items() if code == "dossiers_on_time" and len(numbers) > 1}
    for (item, code, *_), numbers in groups.items():
        if code == "dossiers_on_time" and item in parts:
            drop.update(id(n) for n in numbers if n.unit == "count" or n.follows or len(numbers) > 1)  # parts
            continue
        if len(numbers) < 2:
            continue
        new = [n for n in numbers if _NEW_INTAKE.match(key, n.end) or _NEW_BEFORE.search(key, 0, n.start)] \
            if code == "dossiers_received" else []
        keep = new[0] if len(new) == 1 else numbers[0]
        drop.update(id(n) for n in numbers if n is not keep)
    return [(number, code) for number, code in found if id(number) not in drop and not number.early]


def _leading_item(key: str, sentence: str, number: Number, context: Context) -> tuple[tuple, int] | None:
    """The unit named right after a score its clause opens on ("với 92,93 điểm Sở Tài chính là đơn vị dẫn đầu") or
    after a rank ("đứng thứ 2 là Sở Nội vụ với 91,11 điểm"), with where its name ends (the next item starts
    there); None when there is none."""
    if number.unit == "rank":  # "đứng thứ 2 là Sở Nội vụ với 91,11 điểm": the unit after the rank
        after = re.match(r"\s*(?:là\s+)?([^,;()]*?)(?=\s+(?:với|đạt|có)\s|\s*[,;(]|\s*$)", key[number.end:])
    else:
        after = re.match(r"\s*điểm\s+([^,;()]*?)\s+là\s", key[number.end:])
        after = after if after and _LEADING_SCORE.search(key, 0, number.start) else None
    if not after:
        return None
    own = _item_scope(sentence[number.end:number.end + after.end(1)], context)
    return (own, number.end + after.end(1)) if own else None


def _item_scope(item: str, context: Context) -> tuple[str, str, bool] | None:
    """The one unit an item of a list names by its name ("xếp thứ hai là TP.Hải Phòng (", "; thấp nhất là UBND
    huyện Quốc Oai với tổng điểm"), None when it names none or several. A unit the item comes after is no item's
    ("Sau Quảng Ninh là Hà Nội với 84,64 điểm": Hà Nội's)."""
    item = _COMES_AFTER.sub(" ", item)
    if not _unit_named(item):
        return None
    key = normalize_key(item)
    if len(key) == len(item):  # "các cơ quan đóng trên địa bàn tỉnh (6 đơn vị), Bảo hiểm xã hội tỉnh là": the unit's
        for wide in vocabulary()["province_wide"].finditer(key):
            item = item[:wide.start()] + " " * (wide.end() - wide.start()) + item[wide.end():]
    own = _scope(item, context, item=True)
    return own if own is not None and own[2] and _spelt_in(own[0], item) else None


def _tier(key: str, number: Number, context: Context) -> bool:
    """Whether a figure is a tier's: one named before it in a sentence that names nothing province-wide, or opening
    it ("Với cấp xã, toàn tỉnh ..."), or named in its own clause ("... trên địa bàn tỉnh là 873.387 hồ sơ (cấp tỉnh
    tiếp nhận 77.833 hồ sơ, ...)": the province's total, then each tier's part)."""
    words = vocabulary()
    clause = key[number.clause:number.start]
    if any(_own_level(m, context) for m in words["tiers"].finditer(clause)) \
            and not words["province_wide"].search(clause):
        return True
    return any(_own_level(m, context) for m in words["tiers"].finditer(key, 0, number.start)) \
        and (not words["province_wide"].search(key) or bool(_own_level(words["tier_lead"].search(key), context)))


def _own_level(tier: re.Match | None, context: Context) -> re.Match | None:
    """A tier named, unless it is the district level in a district's own bulletin ("Theo báo cáo của UBND huyện,
    cấp huyện đã tiếp nhận ...": the district's own figures)."""
    return None if tier is None or (context.district and tier.group().endswith("cấp huyện")) else tier


def _clause_scope(sentence: str, key: str, number: Number, context: Context) -> tuple[str, str, bool] | None:
    """The district or agency named in the figure's own clause ("..., huyện Châu Thành đạt 82,66 điểm"), which
    wins over the sentence's scope; None when the clause names none."""
    if len(key) != len(sentence):
        return None
    clause = sentence[number.clause:number.start]
    if not clause.strip() and number.clause and sentence[number.clause - 1] == "(":  # "là huyện Thường Tín (87,16%)":
        # a figure opening its bracket is the unit's named before it
        start = max((m.end() for m in _CLAUSE_MARK.finditer(sentence, 0, number.clause - 1)), default=0)
        clause = sentence[start:number.clause - 1]
    own = _scope(clause, context)
    named = own is not None and own[2] and own[1] != "province" and _spelt_in(own[0], clause)  # not "huyện" alone
    return own if named else None


def _spelt_in(name: str, text: str) -> bool:
    """Whether ``text`` writes ``name``, in either placing of its tone marks ("Hoà Thành" is "Hòa Thành")."""
    return normalize_key(name) in normalize_key(text)


def _is_centre(name: str) -> bool:
    """Whether an agency's name is a service centre's ("Trung tâm Phục vụ hành chính công ...")."""
    return name.lower().startswith("trung tâm")


def _centre_named(sentence: str) -> str | None:
    """The last service centre ``sentence`` names in full ("Trung tâm Phục vụ hành chính công xã Phú Giáo")."""
    if "rung tâm" not in sentence:
        return None
    named = [name for name in _agencies(sentence) if _is_centre(name)]
    return named[-1] if named else None


def _paragraph_scope(paragraph: list[str], context: Context) -> tuple[str, str, bool] | None:
    """The scope of the paragraph's last sentence: its own when it names one, else the nearest earlier
    sentence's that names one, else the bulletin's (``UNSAID`` in a district's bulletin)."""
    own = _scope(paragraph[-1], context)
    if own is None or own[2]:
        return own
    for earlier in reversed(paragraph[:-1]):
        named = _scope(earlier, context)
        if named is not None and named[2]:
            return named  # a district bulletin's sentence continues the unit named before it ("Theo UBND TP.Hội An",
            # "Toàn huyện tiếp nhận 5.747 hồ sơ ... Hồ sơ quá hạn chỉ 8 hồ sơ")
    return own  # UNSAID too: a centre named before may still be what the sentence speaks of


HEADLINE = (0, 0)  # the (start, end) of a figure the headline gives: not a span of the text


def figures_of(bulletin) -> list[dict]:
    """The figures of an ``indexer.records.Bulletin``: its text's, then those only its headline gives ("Chỉ số Par
    Index năm 2018: Lạng Sơn xếp thứ 26/63"), read as the paragraph before the text, at ``HEADLINE``."""
    title = bulletin.title or ""
    context = Context(bulletin.province, bulletin.district, bulletin.year, bulletin.quarter, title)
    return [_placed(row, context) for row in _figures_with_headline(bulletin.text, title, context)]


def _figures_with_headline(text: str, title: str, context: Context) -> list[dict]:
    rows = extract_figures(text, context)
    if not any(ch.isdigit() for ch in title) or title in text or _ROUNDED_NUMBER.search(normalize_key(title)):
        return rows  # "Hơn 99% hồ sơ ... đúng hạn": a headline rounds what the text states exactly
    if not _read_rows(title, context, whole=True)[0]:
        return rows  # read first, the headline is read as on its own: none of its numbers is a figure
    given = {_row_key(row) for row in rows}
    head = f"{title}\n"
    headline = [{**row, "start": HEADLINE[0], "end": HEADLINE[1]}
                for row in extract_figures(head + text, context) if row["start"] < len(head)]
    return rows + [row for row in headline if _row_key(row) not in given]


def _placed(row: dict, context: Context) -> dict:
    """The row with the province its scope lies in (module docstring), before its offsets and sentence."""
    placed = {key: value for key, value in row.items() if key not in ("start", "end", "sentence")}
    return {**placed, "province": _province_of(row, context), "start": row["start"], "end": row["end"],
            "sentence": row["sentence"]}


def _province_of(row: dict, context: Context) -> str | None:
    scope, level = row["scope"], row["scope_level"]
    if level in ("province", "national"):
        return scope if level == "province" else None
    after = _after_name(scope, row["sentence"])  # "huyện Châu Thành (tỉnh Tây Ninh) đạt", "Sở Tư pháp tỉnh Tây Ninh"
    if level == "agency" and _national_body().match(scope) and not _BRANCH.match(after):
        return None
    written, in_sentence = provinces_named(after), provinces_named(row["sentence"])
    if level == "district":
        owners = district_owners(scope)
        return _one(owners & written) or (context.province if context.province in owners else None) \
            or _one(owners & in_sentence) or _one(owners)
    return _one(provinces_named(scope)) or _one(written) or context.province or _one(in_sentence)


AFTER_NAME = 40  # characters after a scope's name where the province it lies in is written, up to a number
_BRANCH = re.compile(r"^\s*(?:Việt Nam\s*)?[-–,]?\s*(?:chi nhánh|tỉnh|thành phố|TP\b)", re.I)  # a national
# body's branch in a province: "Ngân hàng Nhà nước chi nhánh Long An", "- Chi nhánh tỉnh ...", "tỉnh Long An"


def _after_name(name: str, sentence: str) -> str:
    """The words right after a scope's name in its sentence, up to its figure's number or a clause mark: where
    the province it lies in is written ("Sở Tư pháp tỉnh Tây Ninh đạt ..."), not a place named further on ("...
    đạt 91,25 điểm, chỉ xếp sau Sở Tư pháp tỉnh Tây Ninh")."""
    found = re.search(r"\s+".join(map(re.escape, name.split())), sentence, re.I)
    if not found:
        return ""
    return re.split(r"[\d;:]", sentence[found.end():found.end() + AFTER_NAME], maxsplit=1)[0]


def _one(names: set[str]) -> str | None:
    return next(iter(names)) if len(names) == 1 else None


@cache
def _national_body() -> re.Pattern:
    """A ministry's or a national body's name ("Tổng cục Hải quan") in any case ("Bộ Tài Chính"): of no province."""
    return re.compile(vocabulary()["ministry"].pattern, re.I)


def _row_key(row: dict) -> tuple:
    return row["indicator"], row["value"], row["unit"], row["period"], row["year"], row["scope"]
