"""Stage 3b, whose figures (``indexer.figures``): the scope a figure belongs to and the province that scope lies in.

``_scope`` reads a sentence's places and agencies: one district, agency, commune or province named (a province-wide
word, "toàn tỉnh", wins over an agency), none when it names two; in a district's bulletin the district only when the
sentence says so (``UNSAID`` otherwise), under a headline about one commune that commune. ``_clause_scope``,
``_item_scope`` and ``_paragraph_scope`` narrow it to the figure's own clause, a list's item or the paragraph's
earlier sentences; ``_tier`` finds a tier of government ("UBND cấp huyện"), whose figures are no one unit's.
``_placed`` names the province a scope lies in (an agency's or a commune's from its name or the words right after
it, a district's from the province written after it or the bulletin's), so one research table never runs two
provinces' "Sở Tư pháp" into one row.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import takewhile

from search.textnorm import normalize_key, unify_tones

from .figure_text import Context
from .indicators import vocabulary
from .numbers import Number
from .places import (
    bare_district_word,
    district_mentions,
    district_owners,
    provinces_named,
    without_dateline,
)

_CLAUSE_MARK = re.compile(r"[,;()]")
# a commune by name, its unit word in either case: "xã Đường An", "Phường Nam Sơn" (not "thị xã", a district; not
# "Phường 4", a numbered ward named with its district)
_COMMUNE_NAMED = re.compile(r"(?<!\w)(?<![Tt]hị )(xã|phường|thị trấn|đặc khu|Xã|Phường|Thị trấn|Đặc khu)"
                            r"(?=((?:\s+[^\W\d_]+){1,4}))")
_COMES_AFTER = re.compile(r"(?<!\w)(?:[Cc]hỉ |[Đđ]ứng |[Xx]ếp )?[Ss]au\s+[^,;()]+?\s+là\s")  # "Sau Hà Nội là"
# "của 18 Sở ngành tỉnh", "các Trung tâm Phục vụ hành chính công": a group, no agency ("xếp thứ 2 Ngân hàng Nhà nước"
# is a rank)
_COUNTED_HEAD = re.compile(r"(?:(?<![Tt]hứ )(?<!hạng )(?<![\w.,])\d+(?:\s*/\s*\d+)?|(?<!\w)(?:[Cc]ác|[Nn]hững))\s*$")


def _unit_named(text: str) -> bool:
    """Whether ``text`` names one province, district (with its unit word) or agency by its name."""
    return _units_named(text) == 1


def _units_named(text: str) -> int:
    """How many provinces, districts (with their unit word) and agencies ``text`` names by their names."""
    agencies = set(_agencies(text))
    text = vocabulary()["agencies"].sub(" ", text)  # "Sở Tài chính Hà Nội" names an agency, not the city too
    return len(provinces_named(text) | {d for (_, d) in district_mentions(text)}) + len(agencies)


def _agencies(text: str, units_named: bool = False) -> list[str]:
    """The agencies ``text`` names as the unit of its figures, in order: not a head word alone ("15/24 Sở"), nor one
    that tells them ("Văn phòng UBND tỉnh cho biết", its name ending before the verb; a speaker's department, "ông A,
    Phó giám đốc Sở Khoa học và Công nghệ, cho biết"), nor one they are reported by
    ("theo báo cáo của Văn phòng UBND tỉnh, Trung tâm ...") when another agency is named (alone, it reports its own
    figures), nor a head counted ("18 Sở ngành tỉnh": a group of agencies)."""
    return [name for name, _, _ in _agencies_at(text, units_named)]


def _agencies_at(text: str, units_named: bool = False) -> list[tuple[str, int, int]]:
    """``_agencies`` with where each name starts and ends in ``text``: the name is written as the reader names
    agencies (first letter capitalised, abbreviations written out), so it need not be found in the text as it
    stands."""
    words, found, sources = vocabulary(), [], []
    for m in words["agencies"].finditer(text):
        name = m.group()
        if " " not in name.strip() or words["national_head"].fullmatch(name.strip()) \
                or _COUNTED_HEAD.search(text, 0, m.start()) \
                or words["source_after"].match(text[m.end():]) \
                or any(words["source_after"].match(name[v.start():]) for v in re.finditer(r"\s", name)):
            continue
        source = words["source_before"].search(normalize_key(text[max(0, m.start() - 30):m.start()]))
        name = _written_out(" ".join(name.split()))
        at = (name[:1].upper() + name[1:], m.start(), m.start() + len(m.group().rstrip()))  # "sở Nội vụ" is
        # written "Sở Nội vụ"
        (sources if source else found).append(at)
    return found or [at for at in sources if not (units_named and words["ministry"].match(at[0]))]


def _written_out(name: str) -> str:
    """An agency's name with its abbreviations written out: "Trung tâm HCC" is "Trung tâm Hành chính công"."""
    for short, full in vocabulary()["name_abbreviations"]:
        name = short.sub(full, name)
    return name


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
    # a commune's name is no mention of the district it holds ("phường Quy Nhơn Tây", "phường Đống Đa" since 2025)
    places = _without_commune(sentence, commune) if commune else sentence
    provinces = provinces_named(places)
    districts = {d for (_, d) in district_mentions(places, context.province)} if context.province else set()
    districts |= {d for (p, d) in district_mentions(places) if p in provinces}
    named = _agencies(sentence, bool(provinces))  # a ministry that rates a province named is no scope
    agencies, agency = set(named), named[0] if named else None
    if len(agencies) > 1:
        return None  # "tại Sở A, ...; tại Sở B, ..."
    if commune:  # "Xã Bình Đào là địa phương có chỉ số CCHC cao nhất với 92,3": the commune's, unless the sentence
        # also names a unit above it or one that serves it, or speaks of the whole province; a service centre
        # named bare is the commune's own (since July 2025: "Tại xã Vạn An, ..., Trung tâm phục vụ hành chính công
        # đã tiếp nhận")
        if agency and _bare_centre(agency) and not (districts or wide or provinces):
            return commune, "commune", True
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
        return next(iter(provinces)), "province", True
    # a headline about one commune ("Phường Đống Đa nhận Thư khen ..."): its figures where a sentence names no unit
    headline_commune = None if wide else _headline_commune(context.title)
    if context.district:  # a district's bulletin: its figures are the district's only when the text says so
        said = bare_district_word(sentence, context.province) or _names_bare(sentence, context.district)
        if said:
            return context.district, "district", True
        return (headline_commune, "commune", False) if headline_commune else UNSAID
    serving = _serving_headline(context.title)
    if serving and not wide:  # "Trung tâm Phục vụ hành chính công giải quyết hơn 59 ngàn hồ sơ": the bulletin
        return serving, "agency", False  # reports that agency's dossiers where a sentence names no unit
    if headline_commune:
        return headline_commune, "commune", False
    return (context.province, "province", False) if context.province else None


@lru_cache(maxsize=256)
def _headline_commune(title: str) -> str | None:
    """The one commune a headline names, else None (read once per bulletin, not once per sentence)."""
    return _one_commune(title) or None


def _without_commune(sentence: str, commune: str) -> str:
    """``sentence`` without the mentions of ``commune`` ("phường Đống Đa"), its unit word in either case."""
    unit, name = commune.split(" ", 1)
    return re.sub(rf"(?<!\w)(?i:{re.escape(unit)})\s+{re.escape(name)}(?!\w)", " ", sentence)


def _names_bare(sentence: str, district: str) -> bool:
    """Whether a district's own bulletin names it by its bare name, capitalised, in either tone-mark placement
    ("Riêng trong năm 2022, Hoằng Hoá cũng xếp ở vị trí thứ 2": Hoằng Hóa)."""
    return re.search(rf"(?<!\w){re.escape(unify_tones(district))}(?!\w)", unify_tones(sentence)) is not None


# how a headline tells that an agency's dossiers are its subject: the agency opens it and handles them ("Sở TN&MT
# tiếp nhận ..."), is its kicker ("Sở Tư pháp: Quý I, lượng hồ sơ trực tuyến tăng gần 2,5 lần"), or owns them
# ("Tình hình giải quyết TTHC của Sở Khoa học và Công nghệ ...")
_DOSSIER_WORDS = r"hồ sơ|thủ tục hành chính|tthc"
_HANDLES = re.compile(r"^\s*(?:(?:tỉnh|thành phố|huyện|quận|thị xã)\s+)?(?:(?:đã|vừa|đang)\s+)?"
                      r"(?:tiếp nhận|giải quyết|trả kết quả|xử lý)(?!\w)")  # "Trung tâm HCC tỉnh tiếp nhận ..."
_KICKER_ON_DOSSIERS = re.compile(rf"^\s*:\s*(?=.*(?<!\w)(?:{_DOSSIER_WORDS})(?!\w))")
_DOSSIERS_OF = re.compile(rf"(?i:{_DOSSIER_WORDS})\s+của\s+$")
_KICKER = re.compile(r"^[^:.;]{1,40}:\s*$")  # a headline's kicker before the agency: "Tháng 10 năm 2020: Trung tâm ..."


@lru_cache(maxsize=1024)
def _serving_headline(title: str) -> str | None:
    """The agency a headline opens on (after a kicker, "6 tháng đầu năm 2020: Trung tâm ...") as the one that
    receives or resolves dossiers ("Sở TN&MT Hà Tĩnh tiếp nhận hơn 1.000 hồ sơ ...", or as its kicker: "Sở Tư pháp:
    Quý I, lượng hồ sơ trực tuyến tăng"), or whose dossiers it is about ("Tình hình giải quyết TTHC của Sở Khoa học
    và Công nghệ tại Trung tâm ..."), else None (a headline naming an agency as the one reporting or meeting is
    not)."""
    named = _agencies_at(title) if title else []  # where each name stands: the name the reader gives may be
    # written otherwise ("của sở Tư pháp" is "Sở Tư pháp", "Trung tâm HCC" is "Trung tâm Hành chính công")
    whose = next((name for name, start, _ in named if _DOSSIERS_OF.search(title, 0, start)), None)
    if whose:  # "Tình hình giải quyết TTHC của Sở Khoa học và Công nghệ tại Trung tâm Hành chính công ..."
        return whose
    if not named or (title[:named[0][1]].strip() and not _KICKER.match(title[:named[0][1]])):
        return None
    rest = title[named[0][2]:].lower()
    return named[0][0] if _HANDLES.match(rest) or _KICKER_ON_DOSSIERS.match(rest) else None


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
    named = own is not None and own[2]  # a province by another spelling too: "Đăk Lăk (81,49%)"
    return own if named and (_spelt_in(own[0], item) or (own[1] == "province" and own[0] in provinces_named(item))) \
        else None


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
    if named and own[1] == "agency" and _bare_centre(own[0]) and _one_commune(sentence):
        return None  # a bare centre in a sentence on one commune: the commune's ("Tại xã Vạn An, ..., Trung tâm
        # phục vụ hành chính công đã tiếp nhận 6.177 hồ sơ")
    return own if named else None


def _spelt_in(name: str, text: str) -> bool:
    """Whether ``text`` writes ``name``, in either placing of its tone marks ("Hoà Thành" is "Hòa Thành")."""
    return normalize_key(name) in normalize_key(text)


def _bare_centre(name: str) -> bool:
    """Whether an agency is a service centre named by its kind alone ("Trung tâm phục vụ hành chính công"), with no
    province, district or commune in its name ("Trung tâm Hành chính công tỉnh Quảng Ninh" has one)."""
    return _is_centre(name) and not (provinces_named(name) or district_mentions(name) or _COMMUNE_NAMED.search(name))


def _is_centre(name: str) -> bool:
    """Whether an agency's name is a service centre's ("Trung tâm Phục vụ hành chính công ...")."""
    return name.lower().startswith("trung tâm")


def _centre_named(sentence: str) -> str | None:
    """The last service centre ``sentence`` names in full ("Trung tâm Phục vụ hành chính công xã Phú Giáo")."""
    if "rung tâm" not in sentence:
        return None
    named = [name for name in _agencies(sentence) if _is_centre(name)]
    return named[-1] if named else None


# the units a place in a ranking is among, written after it: "đứng thứ 6/9 huyện, thị xã, thành phố", "xếp thứ 2
# trong 17 xã, thị trấn", "thứ 3 trong các sở, ban, ngành" (not "thành phố" alone: a city is a province or a district)
_RANKED_AMONG = re.compile(r"\s*(?:/\s*\d+|(?:trên|trong)\s+(?:tổng\s+)?(?:số\s+)?(?:\d+|các|những))?\s*(?:các\s+)?"
                           r"(?:cơ quan\s+)?(?P<unit>tỉnh|huyện|quận|thị xã|xã|phường|thị trấn|sở|ban)(?!\w)")
_RANKED_LEVEL = {"tỉnh": "province", "huyện": "district", "quận": "district", "thị xã": "district",
                 "xã": "commune", "phường": "commune", "thị trấn": "commune", "sở": "agency", "ban": "agency"}


def ranked_among(key: str, end: int) -> str | None:
    """The level of the units a place in a ranking ending at ``end`` of the lower-cased ``key`` is among, when the
    words after it say ("xếp thứ 6/9 huyện, thị xã": a district's place, never a commune's)."""
    m = _RANKED_AMONG.match(key, end)
    return _RANKED_LEVEL[m.group("unit")] if m else None


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
