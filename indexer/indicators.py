"""The indicators data file (``search/data/indicators.json``) compiled for the figure reader.

``vocabulary()`` turns the file's plain lists into what ``indexer.numbers`` and ``indexer.figures`` match
with: per indicator its units, the unit it is reported in, the nouns it counts and its plausible range; each
cue phrase as a pattern on lower-cased text ("giải quyết ... đúng hạn": up to four words may stand between the
parts); each word list (targets, bounds, tiers, ...) as one alternation. Compiled once per process.
"""

from __future__ import annotations

import re
from functools import cache

from search.figures import indicator_data
from search.textnorm import normalize_key

from .patterns import Gated


@cache
def vocabulary() -> dict:
    """The indicators data file, with each cue compiled to a pattern on lower-cased text."""
    data = indicator_data()
    cues = []
    for code, spec in data["indicators"].items():
        for cue in spec["cues"]:
            words = [normalize_key(p.strip()) for p in cue.split("...")]
            parts = [re.escape(w) for w in words]
            # (code, pattern, its first words: a window without them cannot match, so the pattern is not run)
            cues.append((code, re.compile(r"(?<!\w)" + r"(?:\s+\S+){0,4}?\s+".join(parts) + r"(?!\w)"), words[0]))
    words = {key: _alternatives(data[key])
             for key in ("counted", "approximate", "not_figure", "province_wide", "tiers", "stock", "names",
                         "components", "dimensions", "par_areas", "targets", "bounds", "scales", "after_not_figure",
                         "other_indices", "groups", "pending", "sources", "source_verbs", "channels", "early",
                         "on_time", "unit_names", "rating_top", "rating_both", "report_span", "rates",
                         "ranked_in_words")}
    # the words themselves, one of which every match of a pattern of them holds (``Gated``): the patterns the
    # figures' reader asks of every sentence with a figure
    literal = {key: [normalize_key(w) for w in data[key]] for key in ("names", "components", "other_indices",
                                                                     "ranked_in_words")}
    ministries = "|".join(_head(m) for m in sorted(data["ministries"], key=len, reverse=True))
    ends = (r"[,(:;]|cấp\s|tỉnh|huyện|của|tại|đã|đạt|có|tiếp|giải|thực|là|được|với|trong|đứng|xếp|hạng|dẫn|vươn|"
            r"cũng|tăng|giảm|vào|đi|chỉ|để|vẫn|luôn|không|đang|vừa|mới|$")  # what may follow an agency's name (a
    # verb, or an adverb before one: "Sở Kế hoạch và Đầu tư để phát sinh 1 hồ sơ quá hạn", "... chỉ để", "... vẫn",
    # "... đang", "... đi vào hoạt động"; a place: "Sở X tại Trung tâm ...")
    tails = "|".join(r"\s+".join(map(re.escape, t.split())) for t in data["name_tails"])
    national = "|".join(_head(h) for h in data["national_heads"])  # always central: "Tổng cục Hải quan"
    agencies = Gated(rf"(?<!\w)(?:{ministries})(?![\w&-])|"  # a ministry's name is whole; other heads go on:
                     r"(?<!\w)(?:" + "|".join(_head(a) for a in data["agencies"]) + r")"
                     r"(?:(?:\s*[-–]|&)?\s*(?:[A-ZĐ]{2,3}\.\s?(?=[A-ZĐÀ-Ỹ])|[A-ZĐÀ-Ỹ][\wÀ-ỹ]*|và|[a-zà-ỹđ]+)){0,7}?"
                     # "Lao động – Thương", "Sở KH&ĐT", a place abbreviated with a dot: "TP.HCM", "TP. Hà Nội"
                     # a name with a comma ends there, also before its number: "Sở Văn hóa, Thể thao và Du lịch
                     # 98,99 điểm"; other names before a mark or a verb
                     rf"(?:,\s*(?i:{tails})(?=\s*(?:\d|{ends}))|(?=\s*(?:{ends})))",
                     *sorted({name.split(" ")[0] for name in [*data["agencies"], *data["ministries"]]}), "sở")  # heads
    # a name that opens on an agency's or a ministry's head, whatever follows (a table's unit cell)
    head = re.compile(r"(?:" + "|".join(_head(a) for a in sorted([*data["agencies"], *data["ministries"]], key=len,
                                                                  reverse=True)) + r")(?!\w)")
    counted = {code: {normalize_key(w) for w in spec.get("counted", [])} for code, spec in data["indicators"].items()}
    return {"units": {code: spec["units"] for code, spec in data["indicators"].items()}, "cues": cues,
            "counted": counted, "over_a_span": frozenset(data["over_a_span"]),
            "counted_after": re.compile(rf"^\s*(?:{words['counted']})(?!\w)"),
            "approximate_after": re.compile(rf"^\s*(?:{words['approximate']})(?!\w)"),
            "province_wide": re.compile(rf"(?<!\w)(?:{words['province_wide']})(?!\w)"),
            "tiers": re.compile(rf"(?<!\w)(?:{words['tiers']})(?!\w)"),
            # a sentence that opens on one tier is about it even "toàn tỉnh": "Với cấp xã, toàn tỉnh tiếp nhận ..."
            "tier_lead": re.compile(rf"^\W*(?:(?:cụ thể|trong đó),\s*)?(?:(?:với|đối với|ở|tại|riêng|còn)\s+)?"
                                    rf"(?:{words['tiers']})(?!\w)"),
            # a sentence about the dossiers still in progress: "Trong số 3.405 hồ sơ đang giải quyết, ... quá hạn"
            # or opens on their number: "Số hồ sơ đang được giải quyết là: 11.019 hồ sơ; trong đó, ... trong hạn ..."
            "pending": re.compile(rf"^\W*(?:trong (?:tổng )?số [\d.,]+ hồ sơ|(?:tổng )?số (?:lượng )?hồ sơ) (?:còn )?"
                                  rf"(?:{words['pending']})(?!\w)"),
            "stock": re.compile(rf"(?<!\w)(?:{words['stock']})(?!\w)"),
            "report_span": re.compile(rf"(?<!\w)(?:{words['report_span']})(?!\w)"),
            "rates": re.compile(rf"(?<!\w)(?:{words['rates']})(?!\w)"),
            "ranked_in_words": Gated(rf"(?<!\w)(?:{words['ranked_in_words']})(?!\w)"
                                     r"(?!\s*,?\s*(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d)",  # not a weekday: "Thứ hai,
                                     *literal["ranked_in_words"]),  # 12/05/2025"
            "channels": re.compile(rf"(?<!\w)(?:{words['channels']})(?!\w)"),
            "early": re.compile(rf"(?<!\w)(?:{words['early']})(?!\w)"),
            # a level of a satisfaction scale: the top one, both top ones together, or the plain one (not an
            # index's name: "mức độ hài lòng", "chỉ số hài lòng", "sự hài lòng")
            "rating": re.compile(rf"(?P<both>(?<!\w)(?:{words['rating_both']})(?!\w))|(?P<top>(?<!\w)(?:"
                                 rf"{words['rating_top']})(?!\w))|(?<!\w)(?<!rất )(?<!mức độ )(?<!chỉ số )(?<!sự )"
                                 r"(?P<plain>hài lòng)(?!\w)"),
            "on_time": re.compile(rf"(?<!\w)(?:{words['on_time']})(?!\w)"),
            "report_as": {code: spec.get("report_as") for code, spec in data["indicators"].items()},
            "after_not_figure": re.compile(rf"(?<!\w)(?:{words['after_not_figure']})(?!\w)"),
            "targets": re.compile(rf"(?<!\w)(?:{words['targets']})(?!\w)"),
            "bounds": re.compile(rf"(?<!\w)(?:{words['bounds']})\s*$"),
            "scales": re.compile(rf"(?<!\w)(?:{words['scales']})(?!\w)"),
            "names": Gated(rf"(?<!\w)(?:{words['names']})(?!\w)", *literal["names"]),
            "unit_names": re.compile(rf"(?<!\w)(?:{words['unit_names']})(?!\w)"),
            "components": Gated(rf"(?<!\w)(?:{words['components']})(?!\w)", *literal["components"]),
            "dimensions": re.compile(rf"(?<!\w)(?:{words['dimensions']})(?!\w)"),
            "par_areas": re.compile(rf"(?<!\w)(?:{words['par_areas']})(?!\w)"),
            "other_indices": Gated(rf"(?<!\w)(?:{words['other_indices']})(?!\w)", *literal["other_indices"]),
            "group_count": re.compile(rf"(?<![\w/.,])\d+(?:\s*/\s*\d+)?\s+(?:{words['groups']})(?!\w)"),
            "plausible": {code: spec["plausible"] for code, spec in data["indicators"].items() if "plausible" in spec},
            "not_figure": re.compile(rf"(?<!\w)(?:{words['not_figure']})(?!\w)"), "agencies": agencies,
            "agency_head": head,
            "name_abbreviations": [(re.compile(rf"(?<!\w){re.escape(short)}(?!\w)"), full)
                                   for short, full in data["name_abbreviations"].items()],
            "ministry": re.compile(rf"^(?:{ministries}|{national})(?![\w&-])"),
            "national_head": re.compile(rf"(?:{national})"),  # such a head alone ("khối Tổng cục") names no agency
            # an agency that reports the figures: "theo báo cáo của Sở Nội vụ", "Sở Nội vụ tỉnh vừa công bố"
            "source_before": re.compile(rf"(?<!\w)(?:{words['sources']})\s*$"),
            "source_after": re.compile(r"^\s*(?:(?:tỉnh|thành phố|TP\.?)(?:\s+[A-ZĐÀ-Ỹ]\w*)*\s+)?"
                                       rf",?\s*(?:đã\s+|vừa\s+|mới\s+)*(?:{words['source_verbs']})(?!\w)"
                                       r"(?!\s+và\s+[Tt]ruyền thông)")}  # "Sở thông tin và Truyền thông" is a name


def _head(name: str) -> str:
    """An agency's head as a pattern: its first word as written (a department's "Sở" also in lower case before a
    capitalised name, "trong đó sở Nội vụ đạt", never the "sở" of "cơ sở"), each later word in either case
    ("Thanh tra Tỉnh", "Văn phòng UBND Tỉnh")."""
    first, *rest = name.split(" ")
    head = re.escape(first) if first != "Sở" else r"(?:Sở|(?<![Cc]ơ )sở(?=\s+[A-ZĐÀ-Ỹ]))"
    return " ".join([head] + [f"[{w[0].lower()}{w[0].upper()}]{re.escape(w[1:])}" for w in rest])


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(normalize_key(w)) for w in sorted(words, key=len, reverse=True))
