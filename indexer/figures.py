"""Stage 3b: the figures a bulletin reports, each with the sentence it came from.

In: a bulletin's cleaned text, headline and metadata (province, district, reporting year and period). Out: plain
rows ``{indicator, value, unit, period, year, scope, scope_level, province, start, end, sentence}``, ``start`` and
``end`` the character offsets of the sentence in the text (both 0 for a figure only the headline gives, read as the
paragraph before the text unless it rounds: "Hơn 99% hồ sơ ..."). The indicators, their cue phrases and units are data
(``search/data/indicators.json``, compiled by ``indexer.indicators``).

Each number of a sentence is read with its unit (``indexer.numbers``); its indicator is the cue phrase nearest
before it in its own clause since the previous number with a unit (or right after it, past an abbreviation in
brackets or the comma of "tổ chức, cá nhân": "98,5% hồ sơ (TTHC) giải quyết đúng hạn", "567 dịch vụ công trực tuyến
một phần"; a cue overlapping one of that indicator's is part of its phrase: "đã trả kết quả nhưng chậm hạn"; the
words after a resolved count narrow it: "đã giải quyết 12.467 hồ sơ đúng hạn"); a
share after a count ("(đạt 99,2%)", "(đạt gần 97%)"), a share after an index's raw points ("Chỉ số hài lòng ... được
9,85 điểm, đạt 87,10%"), a rank after an index's score and a score after its rank take that figure's indicator;
received counts in a sentence opening "Về hồ sơ trực tuyến, ..." ("Đối với việc tiếp nhận, giải quyết hồ sơ TTHC
trực tuyến, ...") are online ones; a rank takes the index named after it ("xếp thứ 2 về Chỉ số SIPAS"); a score or
rank (or a share beside a rank) in a sentence that names no index takes the one index the nearest earlier sentence
of the paragraph naming an index names ("... công bố Chỉ số CCHC năm 2023. Theo đó, tỉnh đạt 84,10 điểm"), or for a
paragraph's first sentence those of the paragraph before (a caption "Bảng xếp hạng Chỉ số SIPAS năm 2023 ..." above
a list), else the one index the headline names when the sentence names no "chỉ số" of its own ("Chỉ số Par Index năm
2018: Lạng Sơn xếp thứ 26/63 tỉnh, thành phố"). The period is the sentence's own (``indexer.periods.stated_period``,
the recogniser the bulletin's period comes from), else that of an earlier sentence of the paragraph with figures
or opening on a year ("Trong năm 2020, công tác CCHC ... Cụ thể, toàn huyện tiếp nhận 59.070 hồ sơ"), else the
bulletin's (the year alone when it names no part of it); an index is FY of its year (not the satisfaction a
one-stop centre or a district measures itself, which has the period of its text); services counted "hiện nay" and
figures "tính đến" a date or a quarter's start or end ("tính đến đầu quý IV năm 2025") have the year only, as do
those of a sentence opening "Đến nay" in a paragraph with no period before it (after one, they continue it); figures
"từ đầu năm đến nay" have the span from January to the end of the bulletin's part of the year (9M in a third-quarter
report), else the year only, and "từ đầu năm đến ngày 15/8/2021" the span from 1 January to that day; "trong tháng",
"trong tuần", "trong cùng kỳ" are the span of a report its headline or first period dates (unclear in any other
report), a rate ("mỗi ngày") has no period; in a bulletin with no period of its own, the first month or span of days
a sentence with figures states, when no figure before states its period, is the report's, the default of its later
paragraphs; a bracket opening on another year ("(năm 2017, Hòa Bình xếp ở vị trí thứ 55)"), or one after the year
compared with ("so với năm 2017 (đạt 37,08 điểm, đứng thứ 27)"), gives its figures that year (a rank in it takes the
one index its sentence names) and is no second year of its sentence, as is a rank's own year after it ("từ vị trí
thứ 5 của năm 2015") or a value's in a bracket ("từ 78,29% (năm 2021) lên 79,57% (năm 2022)": both figures, each of
its year; without their years only the value reached is one). The scope is the district or agency named in the
figure's own clause, else the place or agency the sentence (or an earlier one of its paragraph; a paragraph opening
on "Trong đó" goes on with the one before, whose whole it breaks down) names (not an agency that tells the figures,
"Văn phòng UBND tỉnh cho biết", nor a counted head, "18 Sở ngành tỉnh"), else the bulletin's district (in a
district's bulletin, when the sentence says "huyện" or names the district bare: "Hoằng Hoá cũng xếp ở vị trí thứ 2")
or, under a headline about one commune ("Phường Đống Đa nhận Thư khen ..."), that commune (a commune's name holding
a district's, "phường Quy Nhơn Tây", names no district), or the province; a service centre that "Trung tâm" alone
refers to is the scope of the rest of its paragraph, and a service centre named as the unit of figures is the unit
of the sentences after it that name none, in later paragraphs too until one states a period of its own or another
unit is named ("Trong năm 2024, Trung tâm Hành chính công tỉnh ... tiếp nhận 94.665 hồ sơ.\nTỷ lệ giải quyết đúng và
sớm hạn đạt 99,85%").

A figure is left out rather than guessed: two indicators named before one number, a target, a bound or a change ("phấn
đấu", "dưới 1%", "tăng 5%", "so với cùng kỳ"; a change with the year it is compared with between a cue and its number is
an aside: "chỉ số CCHC ... tăng 0,81 điểm so với năm 2019 đạt 77,93 điểm"), an average of units ("tỷ lệ hồ sơ trực tuyến
trung bình đạt 18,9%"), a national average (but an index's, "trung bình cả nước là 87,16%", is kept with the scope "cả
nước", level national, also where the index is named further back than its cue window, as is the whole country's figure:
"SIPAS nói chung trong cả nước năm 2023 ở mức 82,66%"), an index's components (also its parts after "trong đó" in the
sentence of its figure, the sentence read only up to "gồm:" when the parts after it name another index or a
component, and a PAPI score or rank after one of PAPI's dimensions by name), an unnamed unit at the top or
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
from dataclasses import dataclass
from functools import partial

from search.textnorm import normalize_key

from .figure_cues import (
    _DATED_ASIDE_KEY,
    _LEADING_SCORE,
    _YEAR_BRACKET,
    _YEAR_OPENING,
    _families,
    _family,
    _indicators,
    _last_index,
    _may_report,
    _named_index,
    _of_family,
)
from .figure_periods import STOCK, UP_TO_NOW, _carried, _carry, _headline_span, _monthly, _period, _stated
from .figure_scopes import (
    UNSAID,
    _centre_named,
    _clause_scope,
    _is_centre,
    _item_scope,
    _own_level,
    _paragraph_scope,
    _placed,
    _tier,
    _unit_named,
    _units_named,
    ranked_among,
)
from .figure_text import Context, sentences
from .indicators import vocabulary
from .numbers import Number, read_numbers
from .patterns import Gated
from .periods import OPENS_ON_YEAR
from .places import districts_of
from .tables import table_rows

_DIGIT = re.compile(r"\d")
_WHOLE_END = re.compile(r"[.!?:;)\"”…]\s*$")  # the last character of a text that is not cut off
NATIONAL = ("cả nước", "national", True)
_BREAKDOWN = re.compile(r"\W*(?:[Tt]rong (?:số )?đó|TRONG ĐÓ)(?!\w)")  # a paragraph giving the parts of the whole
# the one before gave
# "Trung tâm" alone as the subject of a figure: the service centre the text named before
_BARE_CENTRE = re.compile(r"(?<!\w)[Tt]rung tâm(?:\s+này)?(?=\s+(?:đã\s+|đang\s+|cũng\s+|tiếp tục\s+|vừa\s+)*"
                          r"(?:tiếp nhận|tiếp đón|giải quyết|trả|xử lý|thực hiện)(?!\w))")
# "(năm 2017, Hòa Bình xếp ở vị trí thứ 55)"; a page may drop the closing bracket at the sentence's end
_DATED_ASIDE = re.compile(r"\(\s*[Nn]ăm (?:19|20)\d{2}(?!\d)[^()]*(?:\)|$)")
_YEAR_ITEM = re.compile(rf"(?<=[:;]){_YEAR_OPENING}[^;:()]*")
_YEAR_ITEM_KEY = re.compile(rf"[:;]{_YEAR_OPENING}[^;:()]*$")  # inside one, on the lower-cased key
# the year compared with and its own figures in brackets: "tăng điểm so với 2017 (đạt 37,08 điểm, đứng thứ 27)"
_COMPARED_ASIDE = re.compile(r"(?<!\w)[Ss]o với (?:cùng kỳ )?(?:năm )?((?:19|20)\d{2})(?!\d)\s*(\([^()]*\d[^()]*\))")
_COMPARED_ASIDE_KEY = re.compile(r"so với (?:cùng kỳ )?(?:năm )?(?:19|20)\d{2}(?!\d)\s*\([^()]*$")  # inside one
_RANK_YEAR = re.compile(r"\s*(?:của\s+)?năm\s+((?:19|20)\d{2})(?!\d)")  # "vị trí thứ 2 năm 2015": the rank's own year
_OWN_YEAR_AFTER = re.compile(r"\s*" + _YEAR_BRACKET)  # "78,29% (năm 2021)": that value's year
_RISEN_TO = re.compile(r"(?<!\w)(?:lên|xuống)(?:\s+(?:mức|xếp hạng|hạng|vị trí|thứ))*\s*$", re.I)
_COMBINED_LEVELS = re.compile(r"mức(?: độ)? 3\s*(?:,|và|-|–|/)\s*(?:mức(?: độ)? )?4(?![\d.,]\d)")  # not "3 và 473"
# a commune-level unit: since July 2025 also a special zone ("đặc khu Phú Quốc", "đặc khu Vân Đồn")
_COMMUNE = re.compile(r"(?<!\w)(?<![Tt]hị )(?:xã|phường|thị trấn|đặc khu)\s+[A-ZĐ]")  # not "thị xã Hòa Thành"
_NEW_INTAKE = re.compile(r"\s*(?:hồ sơ\s+)?(?:tiếp nhận |được tiếp nhận |nhận )?mới\b")  # "16.041 hồ sơ tiếp nhận mới"
_NEW_BEFORE = re.compile(r"(?:mới tiếp nhận|tiếp nhận mới|nhận mới)(?:\s+(?:là|có))?\s*:?\s*$")  # "mới tiếp nhận là"
# "Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)", "... quản trị, hành chính công cấp tỉnh PAPI": the
# provincial tier names the index, not a tier
_INDEX_TIER = re.compile(r"(?<!\w)(chỉ số(?:(?!cấp)[^,;.()\d]){0,60}|hành chính công\s+)cấp tỉnh(?!\w)")
_ABBREVIATION = re.compile(r"\((?:tthc|hs|dvctt|dvc|dvcqg)\)")  # a name's abbreviation: no break in its phrase
# the parties served named as a pair, one noun: "tổ chức, cá nhân", "người dân, doanh nghiệp"
_PARTIES = ("tổ chức", "cá nhân", "người dân", "doanh nghiệp")
_PARTY_PAIR = Gated(rf"(?<!\w)({'|'.join(_PARTIES)}),(\s+(?:{'|'.join(_PARTIES)})(?!\w))",
                    *(f"{party}," for party in _PARTIES))
_ROUNDING = r"(?<!\w)(?:hơn|trên|gần|khoảng|xấp xỉ)"
_ROUNDED = re.compile(_ROUNDING + r"\s*$")  # right before a number it rounds
_ROUNDED_NUMBER = re.compile(_ROUNDING + r"\s+\d")  # a number rounded: "Hơn 99% hồ sơ ..."


# a report's list: a heading line that names whose items follow ("* Đối với thành phố:", "a) Cấp huyện:"; a few
# words, no number, a colon at its end) and the items under it ("- Số hồ sơ tiếp nhận: 1281 hồ sơ", "+ Hồ sơ trễ
# hạn: 118 hồ sơ"), until a line that is neither
_LIST_ITEM = re.compile(r"^\s*(?:[-+*•–]|[a-zđ]\)|\d{1,2}[.)])\s*")
_HEADING = re.compile(r"^\s*(?:[-+*•–]|[a-zđ]\)|\d{1,2}[.)]|[IVX]{1,4}\.)?\s*[^\W\d][^\d:;.]{1,60}:\s*$")


def extract_figures(text: str, context: Context) -> list[dict]:
    """The figures of a bulletin's ``text`` (module docstring), in the order of the text; a figure repeated
    (a lead printed twice, the headline's figure again in the body) is given once, at its first sentence, or where
    its text states its period when the first takes the bulletin's (an agency named in short, then in full, is one).
    A sentence that names no period or scope takes those of an earlier sentence of its paragraph (the period
    of one with figures); both are read only for sentences with figures (a tenth of the cost)."""
    rows, rounded, defaulted, read = _read_rows(text, context)
    captions = [line.span() for line in CAPTION_LINE.finditer(text)] if "Ảnh" in text else []  # still read: an
    # index they name goes on
    kept = [row for at, row in enumerate(rows) if (at not in rounded or not _said_exactly(row, read))
            and not _given_again(at, rows, defaulted)
            and not any(start <= row["start"] < end for start, end in captions)]
    given = {_row_key(row) for row in kept}
    tabled = [row for row in _table_figures(text, context) if _row_key(row) not in given]
    return sorted(_new_intake_only(_without_second_breakdowns(kept)) + tabled, key=lambda row: row["start"])


CAPTION_LINE = re.compile(r"^[^\n]*[\s.(]Ảnh\s*:\s*[^\n:]{1,40}?\)?\s*$", re.M)  # a photo's caption, its
# credit at the end ("... giải quyết đúng hạn 4.811 hồ sơ. Ảnh: HT"): it repeats the article's figures, without
# their period
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
    return _RowReader(text, context, whole).read_all()


@dataclass
class _Said:
    """One sentence with figures, as its figures are placed: where it stands, its key and numbers, its unit
    (``scope``), whether it lists several units, its asides and their years, the period it states (``said``)
    and the one it has, carried from earlier sentences when it states none (``stated``); ``unit`` and
    ``item_start``: the list's unit its last figure is of, where that figure ends."""

    start: int
    end: int
    sentence: str
    key: str
    numbers: list
    scope: tuple | None
    listing: bool
    asides: list
    compared: list
    dated: list
    said: tuple
    stated: tuple
    unit: tuple | None = None
    item_start: int = 0


class _RowReader:
    """Reads a text's figures sentence by sentence (``_read_rows``), carrying from one sentence to the next what a
    sentence without it takes from those before: its paragraph (the unit named), the period stated, the unit a
    service centre lends, the heading a list's items follow."""

    def __init__(self, text: str, context: Context, whole: bool):
        self.text, self.context = text, context
        self.rows, self.seen, self.rounded, self.defaulted, self.read = [], set(), set(), set(), []
        self.monthly = _headline_span(context)  # a report's month or span, named by its headline or first period:
        # its paragraphs' default
        self.carried_period, self.paragraph, self.last_end, self.tiered = self.monthly, [], 0, False
        self.before = None  # the paragraph before, its last sentence first
        self.lent, self.lent_here = None, False  # the unit lent (a service centre); whether named in this paragraph
        self.section = None  # a heading line whose list items follow ("* Đối với thành phố:"): their unit or tier
        self.unread = []  # sentences of the paragraph that carry a period on, read only when a later one needs it
        self.cut_at = None if whole or _WHOLE_END.search(text) else len(text.rstrip())  # an excerpt broken off
        # mid-sentence
        self.centre = _centre_named(context.title or "")  # the centre "Trung tâm" alone refers to

    def read_all(self) -> tuple[list[dict], set, set, list[dict]]:
        for start, end in sentences(self.text):
            self._sentence(start, end)
        return self.rows, self.rounded, self.defaulted, self.read

    def _sentence(self, start: int, end: int) -> None:
        text, context = self.text, self.context
        broken = end == self.cut_at  # "Trong đó, có 7.950 hồ sơ giải quyết đúng hạn|": the rest may make it a part;
        # of a list of units, the items before its last mark are whole ("huyện Cai Lậy 100,09 điểm, huyện Tân
        # Phước 98,80|")
        end = _last_clause_end(text, start, end) if broken else end
        sentence = text[start:end]
        if "\n" in text[self.last_end:start] and not _BREAKDOWN.match(sentence):  # "Trong đó, ..." goes on with
            self._new_paragraph(sentence)  # the paragraph before: the parts of the whole it gave
        self.last_end = end
        self.paragraph.append(sentence)
        self.centre = _centre_named(sentence) or self.centre
        if self.centre and _BARE_CENTRE.search(sentence):  # "Trung tâm" alone, also in a sentence with no figure
            self.lent, self.lent_here = (self.centre, "agency", True), True  # read: "Trung tâm đã giải quyết:
            # 4.561/5.650 HS. Trong đó, có 4,52 ngàn ..."
        if not _DIGIT.search(sentence):
            return
        key = _sentence_key(sentence)
        parts = _INDEX_PARTS.search(key) if "gồm" in key else None
        if parts and _DIGIT.search(key, 0, parts.start()) and (_families(key[parts.end():])
                                                               or vocabulary()["components"].search(key, parts.end())):
            sentence, key = sentence[:parts.start()], key[:parts.start()]  # "tỉnh Lào Cai đạt được 82,85 điểm, gồm:
            end, self.paragraph[-1] = start + parts.start(), sentence  # Điểm thẩm định ...: 52,90 điểm; ... (Chỉ số
            # SIPAS: 8,30 điểm)": the whole before its parts, which name another index or a component
        if vocabulary()["components"].search(key) or vocabulary()["pending"].search(key):
            return  # the parts of an index: none is the index; dossiers still in progress
        self.tiered = self.tiered or bool(_own_level(vocabulary()["tier_lead"].search(key), context))  # "Ở cấp
        # huyện, ..."
        numbers = read_numbers(key)
        found = self._found(key, numbers, sentence)
        self.read += [{"indicator": code, "value": number.value, "unit": number.unit} for number, code in found]
        if not found:
            self._figureless(key, sentence, numbers)
            return
        said = self._placed(start, end, sentence, key, numbers, found, broken)
        if said is not None:
            self._figures(said, _one_value_each(key, sentence, found))

    def _new_paragraph(self, sentence: str) -> None:
        self.before = self.paragraph[::-1] or self.before
        self.carried_period, self.paragraph, self.tiered, self.unread, self.lent_here = \
            self.monthly, [], False, [], False
        self.section = sentence if _HEADING.match(sentence) else self.section if _LIST_ITEM.match(sentence) \
            else None
        self.tiered = bool(self.section) and bool(_own_level(vocabulary()["tier_lead"].search(normalize_key(
            _LIST_ITEM.sub("", self.section))), self.context))  # "* Đối với xã phường:": its items are a tier's

    def _found(self, key: str, numbers: list[Number], sentence: str) -> list[tuple[Number, str]]:
        """The (number, indicator) a sentence reports; the sentences before it are read only when needed."""
        paragraph = self.paragraph
        previous = paragraph[-2::-1] if len(paragraph) > 1 else self.before or []  # the sentences before
        headline = self.context.title if "chỉ số" not in key else ""  # "Chỉ số thủ tục hành chính công (38/63)": a
        # part
        earlier = partial(_last_index, previous, headline)  # read only when needed
        return _indicators(key, numbers, sentence, earlier) if _may_report(key, numbers) else []

    def _figureless(self, key: str, sentence: str, numbers: list[Number]) -> None:
        """A sentence with no figure read still says the period of the next ones."""
        if any(number.unit for number in numbers):  # a sentence of figures this reader leaves out
            self.unread.append(sentence)
        elif "tháng" in key or "đến" in key or _opens_on_a_year(key):
            self.carried_period = _carry(self.carried_period, self.unread, self.context, self.monthly)
            if not self.carried_period[0]:  # so does one naming a month or a span of days, when no period is
                # carried yet: "Trong tháng 2/2018 có 1.555 lượt người tham gia đánh giá ...", or opening on a
                # year: "Trong năm 2020, công tác CCHC ... Cụ thể, toàn huyện tiếp nhận 59.070 hồ sơ"
                stated = _stated(sentence, self.context)
                if str(stated[0]).startswith(("month:", "range:")) \
                        or (_opens_on_a_year(key) and stated[0] is None and stated[1]):
                    self.carried_period = stated

    def _placed(self, start: int, end: int, sentence: str, key: str, numbers: list[Number], found: list,
                broken: bool) -> _Said | None:
        """The sentence's unit and period (``_Said``); None when its figures are no one unit's."""
        context = self.context
        whole = len(key) == len(sentence)
        if whole and not _FRONTED.match(key):  # places named after its last figure are not its subject, unless the
            # figures open it before its subject ("Với chỉ số CCHC đạt 82,36%, Văn phòng UBND tỉnh được xếp loại Tốt")
            self.paragraph[-1] = sentence[:max(number.end for number, _ in found)]
        scope = _paragraph_scope(([self.section] if self.section else []) + self.paragraph, context)
        asides = [*_DATED_ASIDE.finditer(sentence), *_YEAR_ITEM.finditer(sentence)] if whole else []
        compared = [m for m in _COMPARED_ASIDE.finditer(sentence)] if whole else []
        dated = [m for m in ((_RANK_YEAR if n.unit == "rank" else _OWN_YEAR_AFTER).match(key, n.end) for n in numbers)
                 if m] if whole else []  # "Từ vị trí 63 của năm 2020, ...", "78,29% (năm 2021)": that figure's own
        # year
        said = _monthly(_stated(_blanked(sentence, asides + dated + compared), context), self.monthly)
        scope = self._lent_scope(scope, said)
        self.carried_period = _carry(self.carried_period, self.unread, context, self.monthly)
        stated = _carried(said, self.carried_period)
        said = ("as_of", None) if said == UP_TO_NOW else said
        listing = scope is None and whole and not _COMMUNE.search(sentence)
        if not listing and (scope is None or (broken and (_BREAKDOWN.match(sentence) or not scope[2]))):
            return None  # a broken sentence's whole clauses stand when it names its unit and gives no parts
        self.carried_period = stated  # a sentence with figures lends its period to the next ones
        if self.monthly == (None, None) and context.period is None \
                and str(stated[0]).startswith(("month:", "range:")) \
                and stated[1] == context.year and len(self.defaulted) == len(self.rows):  # none before states its
            self.monthly = stated  # period: "Trong tháng 01 năm 2025, ... tiếp nhận 14.579 hồ sơ." opens a monthly
            # report
        return _Said(start, end, sentence, key, numbers, scope, listing, asides, compared, dated, said, stated)

    def _lent_scope(self, scope: tuple | None, said: tuple) -> tuple | None:
        """The sentence's unit, or the service centre named before when it names none; the centre named goes on
        being the unit of the sentences after it that name none, in later paragraphs too ("Tỷ lệ giải quyết đúng
        và sớm hạn đạt 99,85%"); any other unit named ends it."""
        if scope is not None and scope[2]:
            self.lent, self.lent_here = (scope if scope[1] == "agency" and _is_centre(scope[0]) else None), True
        elif self.lent and not self.lent_here and said != (None, None):
            self.lent = None  # a later paragraph stating a period of its own: another part of the report
        if scope is not None and not scope[2] and self.lent:
            scope = self.lent  # "Trung tâm tiếp nhận 13.188 hồ sơ", "... Tỷ lệ hồ sơ giải quyết đúng hạn đạt 99,2%"
        return None if scope is UNSAID else scope  # a district's bulletin whose sentence says neither its district
        # nor a centre

    def _figures(self, s: _Said, found: list[tuple[Number, str]]) -> None:
        """A row for each figure of the sentence whose unit and period are clear."""
        tier_only = self.tiered and not _unit_named(s.sentence)  # a tier's paragraph, no unit of its own
        among_of = {number.start: ranked_among(s.key, number.end) for number in s.numbers if number.unit == "rank"}
        ranked = next((level for level in among_of.values() if level), None)  # the level of the units it ranks
        # among
        for number, code in found:
            own = _clause_scope(s.sentence, s.key, number, self.context)
            if s.listing and not number.national:  # a sentence naming several units: each figure is the one unit
                own = self._item_unit(s, number)  # named just before it
                if own is None:
                    continue
            if own is None and (_tier(s.key, number, self.context) or tier_only):
                continue  # "UBND cấp huyện giải quyết 72.199 hồ sơ": a tier, neither the province nor one unit
            figure_scope = NATIONAL if number.national else own or s.scope
            if code == "par_index_score" and _OF_A_PART.search(s.key, number.start, number.end):
                continue  # "đạt 56,3/65 điểm": the index is out of 100, a score out of 65 is its self-assessed part
            among = among_of.get(number.start) if number.unit == "rank" else None if own else ranked
            if among not in (None, figure_scope[1]) and not number.national:
                continue  # "Thị trấn Mậu A ... Chỉ số SIPAS đạt 91,3%, đứng thứ 6/9 huyện, thị xã": a district's
                # figures, not the commune's named before; whose, the sentence does not say
            self._add(s, number, code, figure_scope)

    def _item_unit(self, s: _Said, number: Number) -> tuple | None:
        """The unit of a list's item a figure is in: the one named just before it (since the last number, or the
        last figure), or the one after it; an item's numeral is the place of the name after it."""
        context, sentence = self.context, s.sentence
        since = max([n.end for n in s.numbers if n.end <= number.start] + [s.item_start])  # any number's
        own = _item_scope(sentence[since:number.start], context) \
            or _item_scope(sentence[s.item_start:number.start], context)  # or the last figure's
        leading = None if own else _leading_item(s.key, sentence, number, context)  # or the one after it
        if own is None and not leading and s.unit and ";" not in sentence[s.item_start:number.start] \
                and not number.ordinal:
            own = s.unit  # "Sở Nội vụ hạng 3, với tỷ lệ hài lòng 93,89%": the item's unit goes on
        own, s.item_start = (own, number.end) if not leading else leading
        if own is not None:
            s.unit = own
        return own

    def _add(self, s: _Said, number: Number, code: str, figure_scope: tuple) -> None:
        """A figure's row, with its own period: an aside's or a compared year's ("(năm 2017, xếp thứ 55)"), a
        stock's sentence's own, else the sentence's; none twice."""
        context, key = self.context, s.key
        aside = next((m for m in s.asides if m.start() < number.start < m.end()), None)  # "(năm 2017, xếp thứ 55)"
        figure_stated = _stated(aside.group(), context) if aside else s.said if code.startswith(STOCK) else s.stated
        earlier_year = next((m for m in s.compared if m.start(2) < number.start < m.end(2)
                             and not _RISEN_TO.search(s.sentence, m.start(2), number.start)), None)  # "so với
        # năm 2018 (từ xếp hạng 55/63 lên xếp hạng 44/63)": the value risen to is the sentence's year's
        figure_stated = _stated(f"năm {earlier_year.group(1)}", context) if earlier_year else figure_stated
        own_year = next((int(m.group(1)) for m in s.dated if m.start() == number.end), None)
        figure_stated = (None, own_year) if own_year and _family(code) else figure_stated
        local = code == "sipas" and figure_scope[1] in ("agency", "district")  # a unit's own survey, no index
        period = _period(figure_stated, key, code, context, not local)  # a stock: its sentence's own
        same = (code, number.value, number.unit, period, figure_scope[:2])
        if period is None or same in self.seen:
            return
        self.seen.add(same)
        self.rows.append({"indicator": code, "value": number.value, "unit": number.unit, "period": period[0],
                          "year": period[1], "scope": figure_scope[0], "scope_level": figure_scope[1],
                          "start": s.start, "end": s.end, "sentence": s.sentence.strip()})
        if _ROUNDED.search(key, 0, number.start):
            self.rounded.add(len(self.rows) - 1)  # its place in rows
        if figure_stated == (None, None):
            self.defaulted.add(len(self.rows) - 1)  # its period is the bulletin's, none its text states


_INDEX_PARTS = re.compile(r"[,;(]?\s*(?:bao\s+)?gồm\s*:")  # "..., gồm: <its parts>"
_OF_A_PART = re.compile(r"/\s*(?!100(?!\d))\d{2,3}(?!\d)")  # a score out of another maximum than the index's 100
_FRONTED = re.compile(r"\W*với\s")  # a sentence opening on its figures, its subject after them
_CLAUSE_END = re.compile(r"[,;](?=\s)")  # a clause mark, not a decimal comma ("98,80")


def _sentence_key(sentence: str) -> str:
    """The lower-cased key a sentence's figures are read from. Each rewrite runs only where the words it needs
    stand (they run on every sentence with a digit)."""
    key = normalize_key(sentence)
    if "mức" in key:
        key = _COMBINED_LEVELS.sub("mức_độ_3_4", key)  # "mức độ 3, 4" is neither level
    if "(" in key:
        key = _ABBREVIATION.sub(lambda m: " " * len(m.group()), key)  # "hồ sơ thủ tục hành chính (TTHC) được ..."
    if "cấp tỉnh" in key:
        key = _INDEX_TIER.sub(lambda m: m.group(1) + " " * len("cấp tỉnh"), key)
    key = _PARTY_PAIR.sub(r"\1 \2", key)  # "97% tổ chức, cá nhân hài lòng": one noun, no clause break
    return key


def _opens_on_a_year(key: str) -> bool:
    """Whether a sentence opens on a year and a comma ("Trong năm 2020, công tác CCHC ...")."""
    opened = OPENS_ON_YEAR.match(key)
    return bool(opened) and key[opened.end():].lstrip().startswith(",")


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
    given = {_statement(row) for row in rows}  # what the text gives, whatever its value: a headline whose number
    # differs is at odds with the text ("giải quyết 6.976 hồ sơ" over a body's 14.594), and only one can be right
    if all(_statement(row) in given for row in _read_rows(title, context, whole=True)[0]):
        return rows  # read first, the headline is read as on its own (as it is at the head of the text, its first
        # paragraph): none of its numbers is a figure the text does not already give, so reading the text again
        # after it would add none (three in four of the headlines with figures, a fifth of figures' time)
    head = f"{title}\n"
    headline = [{**row, "start": HEADLINE[0], "end": HEADLINE[1]}
                for row in extract_figures(head + text, context) if row["start"] < len(head)]
    return rows + [row for row in headline if _statement(row) not in given]


def _statement(row: dict) -> tuple:
    """What a figure is of: indicator, unit, period, year and scope, not its value."""
    return row["indicator"], row["unit"], row["period"], row["year"], row["scope"]


def _row_key(row: dict) -> tuple:
    """What a figure says: what it is of and its value."""
    return (*_statement(row), row["value"])
