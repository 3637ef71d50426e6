"""Which province and district a bulletin is about.

Province evidence and its weight (``WEIGHTS``), strongest first: a name in the
title; a name with its unit word in the body ("tỉnh Cao Bằng", "UBND thành phố
Cần Thơ"); a district-level unit of the province named with its unit word
("huyện Mộc Châu"); the source address (``indexer.sources``: portals,
provincial newspapers and stations) and a provincial paper's code before the lead ("ĐBP - ", "(BL-KP)";
``paper_codes``); a bare capitalised name in the body. A
province is chosen only when its score reaches ``MIN_SCORE`` and more than
``DOMINANCE`` times the next one: a wrong province is worse than none (the
address against one mention with a unit word, exactly twice, chooses neither). So when
the address and the text disagree, the text wins only when it is clearly
stronger (a provincial paper's story about another province named in its
headline and body); otherwise the province stays null. A roundup whose lead
names ``ROUNDUP`` provinces or more, and whose headline and address none, gets
none either (on a page without a headline, the lead's first sentence standing in
for the title is no headline).

A district is the one named with its unit word in the headline (unless the body names
``LISTED_DISTRICTS`` other districts of the province: a ranking or a list of them all, whose headline
names its leader, but for the district's own portal: "Huyện Đak Pơ xếp thứ 2 ..." on dakpo.gialai.gov.vn); or the one
named in the lead (not a city named like its province) when the article
names at most ``MAX_LEAD_DISTRICTS`` districts and this one most; or the district the body names at least
``MIN_DISTRICT_MENTIONS`` times and ``DOMINANCE`` times as often as any other (not a city named like its
province, where the province holds its events, unless the body names no other district); or, when the text names no
other district more often, the one of the source address (``mocchau.sonla.gov.vn``) when the text names it or
speaks of its own unit ("UBND huyện sơ kết ..."; not "63 tỉnh, thành phố", the provinces, nor "Thành phố" in a
centrally-run city, the city itself) or names a commune in the headline or lead ("xã Song Liễu", "Phường 1": local
news; a district portal relaying a provincial story does none of these).
A district is named by its own unit word, by "thành phố", or by the kind it was raised to or from
(``kinds_named_alike``: "thị xã Mộc Châu" on a page from after 2025, "huyện Mộc Châu" before), a city or town
by "phường" (its central ward took its name in the 2025 mergers: "phường Buôn Ma Thuột"), and on a page from after
the mergers a former huyện by the commune that took its name ("xã Mỹ Tú", ``merged_units``), which also places the
story in the former province when the page names only the new one ("TP. Cần Thơ": ``merged_district``) or none
("UBND xã Củ Chi khánh thành ...": the one province with a former district of that name). A name
shared by several
provinces (Châu Thành) is resolved by the province, or left null; a person's particulars in brackets
("(SN 1977, trú tại huyện An Biên, tỉnh Kiên Giang)") place the person, not the story, and the place of a
news agency's dateline ("Hà Nội (TTXVN 2/4/2024) ...") the desk that filed it (its date,
``dateline_day``, the day it was filed: a page's publication date where it prints none); a provincial
report that lists many districts gets none. Unit words are in
``indexer/data/places.json``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import islice, takewhile
from pathlib import Path

from search.textnorm import fold, has_diacritics, unify_tones
from search.vocabulary import Province, province_2025_of, provinces

from .dates import parse_date
from .sources import Source, url_source

UNITS = Path(__file__).parent / "data" / "places.json"
WEIGHTS = {"title": 10, "unit": 3, "district": 2, "url": 6, "bare": 1}
CAPS = {"unit": 5, "district": 3, "bare": 3}  # mentions counted at most
MIN_SCORE, DOMINANCE = 3, 2.0
MIN_DISTRICT_MENTIONS = 3
MAX_LEAD_DISTRICTS = 2  # an article naming more districts than this is about their province
LISTED_DISTRICTS = 3  # a body naming this many other districts than the headline's lists or ranks them all
# a district's own unit word with no name after it: "UBND huyện tổ chức ...", "Huyện sơ kết ..." (a district's
# bulletin speaking of itself; read through ``bare_district_word``, by ``figures`` too)
BARE_DISTRICT_WORD = re.compile(r"(?<!\w)(?:[Hh]uyện|[Tt]hị xã|(?<!tỉnh, )(?<!tỉnh và )[Tt]hành phố|[Qq]uận)"
                                r"(?!\s+[A-ZĐ])(?!\w)")  # "63 tỉnh, thành phố": the provinces, no district
# a commune named in the headline or lead ("Bộ phận một cửa xã Tân Lập"): local news, on a district portal its own
COMMUNE = re.compile(r"(?<!\w)(?:[Xx]ã|[Pp]hường|[Tt]hị trấn)\s+(?:[A-ZĐ]|\d{1,2}(?!\d))")  # or a numbered ward
ROUNDUP = 3  # provinces named in the lead of a story about all of them
OVERWHELMING = 4.0  # ... unless one of them scores this many times any other
LEAD_WORDS = 6  # a paragraph of fewer words is a byline, a date or a caption stub, not the lead


@dataclass(frozen=True)
class Place:
    province: str | None
    district: str | None


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def units() -> dict:
    """The unit words of ``indexer/data/places.json``, with their patterns."""
    with open(UNITS, encoding="utf-8") as handle:
        data = json.load(handle)
    data["province_pattern"] = f"(?:{_alternatives(data['province_units'])})"
    bodies = _alternatives(unify_tones(body) for body in data["national_bodies"])
    data["national_subject"] = re.compile(rf"(?<!\w)(?<!của )(?<!theo )(?:{bodies})(?!\w)", re.IGNORECASE)  # not a
    # cited document's issuer: "Chỉ thị số 05/CT-TTg của Thủ tướng Chính phủ"
    beside = data["beside_story"]
    data["beside_story"] = re.compile(rf"(?im)^\s*(?:{_alternatives(beside['lines'])})[^\n]*$"
                                      rf"|(?<!\w)(?:{_alternatives(beside['seats'])})(?!\w)[^.;\n]*")
    rankings = data["unit_rankings"]  # leaders as written ("Sở Tư pháp", never the "cơ sở" of a sentence)
    data["ranking_leader"] = re.compile(rf"(?<!\w)(?:{_alternatives(unify_tones(w) for w in rankings['leaders'])})"
                                        r"(?!\w)")
    data["ranking_verb"] = re.compile(rf"(?<!\w)(?:{_alternatives(unify_tones(w) for w in rankings['verbs'])})(?!\w)",
                                      re.IGNORECASE)
    # a bare name right after one of these words is a commune, street or district, not the province
    data["lower_before"] = re.compile(rf"(?<!\w)(?:{_alternatives(data['lower_units'])})\s*$", re.I)
    # "Hà Nội (TTXVN 2/4/2024) ...": the place a news agency filed the story from, at the start of a text
    data["dateline"] = re.compile(rf"^\s*[^\W\d_][^\n()]{{0,30}}?(?=\s*\((?:{_alternatives(data['news_agencies'])})"
                                  r"(?:[\s/,][^()\n]{0,30})?\))")
    # its stamp: "(TTXVN 11/5/2024)", the day the agency filed it
    data["dateline_stamp"] = re.compile(rf"^\s*[^\W\d_][^\n()]{{0,30}}?\s*\((?:{_alternatives(data['news_agencies'])})"
                                        r"[\s/,]+([^()\n]{1,30})\)")
    return data


def _spelling_pattern(spellings) -> str:
    forms = sorted({unify_tones(s) for s in spellings}, key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", r"[\s-]+").replace(r"\-", r"\s*[-–]\s*") for f in forms)


def _spellings(province: Province, folded: bool) -> list[str]:
    spellings = [province.name, *province.aliases]
    return [fold(s) for s in spellings] if folded else spellings


@cache
def _province_patterns(folded: bool) -> dict[str, tuple[re.Pattern, re.Pattern, tuple[str, ...]]]:
    """Per province: (name with a unit word, case-insensitive; bare name, case-sensitive; the lower-case
    last syllables of its spellings - a cheap test that the name may be in a text at all)."""
    out = {}
    for province in provinces():
        spellings = _spellings(province, folded)
        names = _spelling_pattern(spellings)
        out[province.name] = (
            re.compile(rf"(?<!\w){units()['province_pattern']}(?:\s+|(?<=\.))(?:{names})(?!\w)", re.I),
            re.compile(rf"(?<!\w)(?:{names})(?!\w)"),
            tuple({unify_tones(s).lower().replace("-", " ").replace(".", " ").split()[-1] for s in spellings}),
        )
    return out


@cache
def _name_starts(folded: bool) -> tuple[re.Pattern, re.Pattern]:
    """Where some province's name may start, with a unit word and bare: every province's pattern in one
    lookahead (an alternation matches where any of its branches does), so a text is scanned once and each
    province's own pattern is tried only at these offsets (``_matches_at``) instead of over the whole text."""
    names = "|".join(f"(?:{_spelling_pattern(_spellings(p, folded))})" for p in provinces())
    return (re.compile(rf"(?<!\w)(?={units()['province_pattern']}(?:\s+|(?<=\.))(?:{names})(?!\w))", re.I),
            re.compile(rf"(?<!\w)(?=(?:{names})(?!\w))"))


def _matches_at(pattern: re.Pattern, text: str, starts: list[int]) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` when every match of ``pattern`` starts at one of ``starts`` (ascending):
    the first match at or after the end of the previous one."""
    end = 0
    for start in starts:
        if start >= end and (found := pattern.match(text, start)):
            end = found.end()
            yield found


def _one_k(text: str) -> str:
    """The Central Highlands syllable "Đắk" however a page spells it ("Đăk Pơ", "Đak Pơ", "Đắk Pơ" are one district)."""
    return _HIGHLAND_K.sub(lambda m: m.group(1) + "ắk", text)


_HIGHLAND_K = re.compile(r"([đĐ])(?<!\w[đĐ])[aăắ]k(?!\w)")  # the look-behind after the "đ": the engine scans for it


@cache
def _district_index() -> tuple[re.Pattern, dict[str, list[tuple[str, str]]]]:
    """One pattern for "unit + district name" (or a bare island district), and name -> [(province, kind)]."""
    where: dict[str, list[tuple[str, str]]] = {}
    for province in provinces():
        for kind, name in province.districts:
            where.setdefault(_one_k(unify_tones(name)).lower(), []).append((province.name, kind))
    names = _spelling_pattern(where)
    bare = _spelling_pattern(units()["bare_districts"])
    pattern = re.compile(rf"(?<!\w)(?:(?P<unit>{_alternatives(units()['district_units'])})\s*(?P<name>{names})"
                         rf"|(?P<bare>{bare}))(?![\w/])", re.I)
    return pattern, where


@cache
def _district_starts() -> re.Pattern:
    """Where a district mention may start in a lower-cased text: a unit word or an island district's bare name.
    The whole pattern (``_district_index``) is tried only there (``_matches_at``), not at every character."""
    bare = _spelling_pattern([name.lower() for name in units()["bare_districts"]])
    return re.compile(rf"(?<!\w)(?:{_alternatives(units()['district_units'])}|{bare})")


def _district_start_offsets(text: str) -> list[int] | None:
    """Where ``_district_starts`` finds a start (case set aside by lower-casing: three times faster than
    matching ignoring case), None when lower-casing changes the text's length (the offsets would not hold)."""
    lowered = text.lower()
    return [m.start() for m in _district_starts().finditer(lowered)] if len(lowered) == len(text) else None


@lru_cache(maxsize=32)
def district_hits(text: str, merged: bool = False) -> Counter:
    """(district name, provinces that have a unit of that kind and name) -> mentions with a unit word (on a page
    from after the 2025 mergers, ``merged``, also the words that name a former one: ``merged_units``)."""
    pattern, where = _district_index()
    counts: Counter = Counter()
    text = _one_k(unify_tones(text))
    starts = _district_start_offsets(text)
    for found in pattern.finditer(text) if starts is None else _matches_at(pattern, text, starts):
        name = " ".join((found.group("name") or found.group("bare")).split())
        unit = units()["district_units"].get((found.group("unit") or "").lower())
        owners = tuple(sorted({p for p, k in where.get(name.lower(), []) if _named_as(unit, k, merged)}))
        if owners and name[:1].isupper():
            counts[(_display(owners[0], name), owners)] += 1
    return counts


def _named_as(unit: str | None, kind: str, merged: bool = False) -> bool:
    """Whether a district of this kind may be named with this unit word: its own, a city's (of any kind), one
    it is also named by (``kinds_named_alike``), none (an island district), or on a page from after the 2025
    mergers the commune that took its name (``merged_units``: "xã Phú Giáo")."""
    return (unit in (None, kind, "thành phố") or unit in units()["kinds_named_alike"].get(kind, ())
            or (merged and kind in units()["merged_units"].get(unit, ())))


def district_mentions(text: str, province: str | None = None, merged: bool = False) -> Counter:
    """(province, district) -> mentions with a unit word: names of one province, or of ``province`` (``merged``:
    see ``district_hits``)."""
    counts: Counter = Counter()
    for (name, owners), count in district_hits(text, merged).items():
        if province in owners or (province is None and len(owners) == 1):
            counts[(province or owners[0], name)] += count
    return counts


def _display(province: str, name: str) -> str:
    """A district's name as the province's list spells it (the first of that spelling), else as found."""
    return _district_spellings(province).get(_one_k(unify_tones(name)).lower(), name)


@cache
def _district_spellings(province: str) -> dict[str, str]:
    """The province's districts by their comparison key (``_display``), the first of each key kept."""
    out: dict[str, str] = {}
    for _, district in districts_of(province):
        out.setdefault(_one_k(unify_tones(district)).lower(), district)
    return out


def _bare_mentions(pattern: re.Pattern, text: str, cap: int | None = None, starts: list[int] | None = None) -> int:
    """Mentions of a bare name that no unit word (tỉnh, huyện, xã ...) stands before (counting stops at ``cap``);
    ``starts``: where any name may start (``_name_starts``)."""
    lower = units()["lower_before"]
    found = pattern.finditer(text) if starts is None else _matches_at(pattern, text, starts)
    bare = (m for m in found if not lower.search(text[max(0, m.start() - 14) : m.start()]))
    return sum(1 for _ in islice(bare, cap))


def _in_title(with_unit: re.Pattern, bare: re.Pattern, title: str) -> bool:
    if with_unit.search(title) or _bare_mentions(bare, title, 1):
        return True
    return title.isupper() and re.search(bare.pattern, title, re.I) is not None


def _folded(title: str, body: str) -> bool:
    return not has_diacritics(body[:2000] + title)


def _candidates(title: str, body: str) -> Iterator[tuple[str, re.Pattern, re.Pattern]]:
    """(province, name-with-unit pattern, bare-name pattern) of the provinces whose name may be in the text: a
    name's patterns end on its last syllable as a whole word, so a text without that word cannot hold it."""
    folded = _folded(title, body)
    words = set(_WORD.findall(unify_tones(title + "\n" + body).lower()))
    hinted = _by_last_syllable(folded)
    named = {name for word in words if word in hinted for name in hinted[word]}
    for name, (with_unit, bare, _) in _province_patterns(folded).items():
        if name in named:
            yield name, with_unit, bare


_WORD = re.compile(r"\w+")


@cache
def _by_last_syllable(folded: bool) -> dict[str, tuple[str, ...]]:
    """The provinces by the last syllables of their spellings (``_province_patterns``' hints)."""
    out: dict[str, tuple[str, ...]] = {}
    for name, (_, _, hints) in _province_patterns(folded).items():
        for hint in hints:
            out[hint] = (*out.get(hint, ()), name)
    return out


def provinces_named(text: str) -> frozenset[str]:
    """Provinces a text names, with or without a unit word. A sentence's answer is kept for when it is asked
    again (the figure reader asks it of one sentence for each of its numbers); a whole text's is not."""
    return _named_in_sentence(text) if len(text) <= SENTENCE_CHARS else _provinces_named(text)


SENTENCE_CHARS = 1000  # at most this long, a text's provinces are kept (4,096 of them: a few MB at most)


@lru_cache(maxsize=4096)
def _named_in_sentence(text: str) -> frozenset[str]:
    return _provinces_named(text)


def _provinces_named(text: str) -> frozenset[str]:
    text_n = unify_tones(text)
    return frozenset(name for name, with_unit, bare in _candidates("", text)
                     if with_unit.search(text_n) or _bare_mentions(bare, text_n, 1))


def _score(title: str, body: str, url_province: str | None) -> Counter:
    title_n, body_n = unify_tones(title), unify_tones(body)
    scores: Counter = Counter()
    starts = None
    for name, with_unit, bare in _candidates(title, body):
        if starts is None:
            starts = [[m.start() for m in p.finditer(body_n)] for p in _name_starts(_folded(title, body))]
        if _in_title(with_unit, bare, title_n):
            scores[name] += WEIGHTS["title"]
        with_units = _matches_at(with_unit, body_n, starts[0])
        scores[name] += WEIGHTS["unit"] * sum(1 for _ in islice(with_units, CAPS["unit"]))
        scores[name] += WEIGHTS["bare"] * _bare_mentions(bare, body_n, CAPS["bare"], starts[1])
    for (province, _), count in district_mentions(title + "\n" + body).items():
        scores[province] += WEIGHTS["district"] * min(count, CAPS["district"])
    if url_province:
        scores[url_province] += WEIGHTS["url"]
    return +scores


def _overwhelming(scores: Counter) -> bool:
    """Whether the first province of a text's scores (its body's: a lead standing in as the headline counts once)
    has ``OVERWHELMING`` times the next one's or more: a story about it that names others beside it in its lead
    ("... tỉnh Sơn La đứng thứ 03/14 tỉnh, đứng sau các tỉnh: Bắc Giang, Phú Thọ"), no roundup."""
    ranked = scores.most_common(2)
    return len(ranked) == 2 and ranked[0][1] >= OVERWHELMING * ranked[1][1]


def _dominant(scores: Counter) -> str | None:
    ranked = scores.most_common(2)
    if not ranked or ranked[0][1] < MIN_SCORE:
        return None
    if len(ranked) > 1 and ranked[0][1] <= DOMINANCE * ranked[1][1]:
        return None
    return ranked[0][0]


def _lead(body: str) -> str:
    """The first paragraph that is a sentence: a byline ("NHƯ QUỲNH |") or a date line is not."""
    return next((p for p in body.split("\n\n") if len(p.split()) >= LEAD_WORDS), "")


@cache
def _headline_patterns(province: str) -> tuple[re.Pattern, re.Pattern, dict[str, str]] | None:
    """For one province: a headline opening on one of its districts' names ("Chợ Mới: ..."), a commune placed in
    one by brackets ("xã Nâm Nung (Krông Nô)"), and spelling -> name. Its city named like it is left out."""
    names = {unify_tones(name): name for p in provinces() if p.name == province for _, name in p.districts
             if fold(name) != fold(province)}  # "Cao Bằng: ..." opens on the province, not its city
    if not names:
        return None
    spelled = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return (re.compile(rf"\W*(?P<name>{spelled})\s*:"),
            re.compile(rf"(?<!\w)(?:xã|phường|thị trấn)\s+[^\W\d_][^()\n]{{0,30}}\(\s*(?P<name>{spelled})\s*\)"),
            names)


def _headline_district(title: str, lead: str, province: str | None) -> str | None:
    """The district a headline opens on ("Chợ Mới: Thực hiện ...") or a commune is placed in by brackets
    ("xã Nâm Nung (Krông Nô)") in the headline or lead: a district of the bulletin's province, by its name."""
    patterns = _headline_patterns(province) if province else None
    if patterns is None:
        return None
    opening, bracketed, names = patterns
    found = opening.match(unify_tones(title)) or bracketed.search(unify_tones(f"{title}\n{lead}"))
    return names[found.group("name")] if found else None


def ranks_units(title: str) -> bool:
    """A headline announcing the province's ranking of its units: it names a department or office leading or last
    ("Sở Giao thông vận tải và huyện Nam Sách dẫn đầu chỉ số cải cách hành chính"; ``unit_rankings``)."""
    title = unify_tones(title)
    data = units()
    return bool(data["ranking_leader"].search(title) and data["ranking_verb"].search(title))


# the place where a provincial event was held, in a lead: "Ngày 12-2, tại thành phố Đồng Hới, đồng chí ... Chủ tịch
# UBND tỉnh", "tại phường Quy Nhơn, UBND tỉnh Gia Lai tổ chức họp báo": its district is no subject of the story
_VENUE = re.compile(r"(?i:tại)\s+[^,.;\n]{1,40},(?=[^.;\n]{0,80}(?i:tỉnh)(?!\w))")


def _district(title: str, body: str, province: str | None, url_district: str | None,
              merged: bool = False) -> str | None:
    lead = _lead(body)
    headline = _headline_district(title, lead, province)
    if headline:
        return headline
    if ranks_units(title):  # the districts it names are among the ranked, not the bulletin's place
        return None
    # (a lead standing in for a lost headline may name its venue)
    in_title = {d for _, d in district_mentions(_VENUE.sub(" ", title), province, merged)}
    mentioned = Counter({d: n for (_, d), n in district_mentions(body, province, merged).items()})
    if in_title:  # unless the body ranks or lists the province's districts: then it is about all of them (but on
        # the district's own portal, its headline is about its own place in them: "Huyện Đak Pơ xếp thứ 2 ...")
        others = {d for d in mentioned if d not in in_title and fold(d) != fold(province or "")}
        return in_title.pop() if len(in_title) == 1 and (len(others) < LISTED_DISTRICTS or in_title == {url_district}) \
            else None
    in_lead = {d for p, d in district_mentions(_VENUE.sub(" ", lead), province, merged) if fold(d) != fold(p)}
    if len(in_lead) == 1 and len(mentioned) <= MAX_LEAD_DISTRICTS:
        (lead_district,) = in_lead
        if mentioned.most_common(1)[0][1] == mentioned[lead_district]:
            return lead_district
    ranked = mentioned.most_common(2)
    if len(ranked) == 1 and ranked[0][1] >= MIN_DISTRICT_MENTIONS:
        return ranked[0][0]
    # among several, a city named like its province is the venue of provincial events, not what they are about
    if len(ranked) == 2 and ranked[0][1] >= max(MIN_DISTRICT_MENTIONS, DOMINANCE * ranked[1][1]) \
            and fold(ranked[0][0]) != fold(province or ""):
        return ranked[0][0]
    if url_district and mentioned[url_district] >= max(mentioned.values(), default=0) and not district_hits(title) \
            and (mentioned[url_district] or bare_district_word(f"{title}\n{lead}", province)  # "UBND huyện sơ kết"
                 or COMMUNE.search(f"{title}\n{lead}")):  # "xã Song Liễu": a commune of the district's own
        return url_district
    return None


def bare_district_word(text: str, province: str | None) -> bool:
    """Whether ``text`` speaks of a district by its unit word alone ("UBND huyện sơ kết ..."); in a centrally-run
    city "Thành phố" alone is the city itself ("Chỉ số PAR INDEX của Thành phố xếp thứ 3")."""
    city = _central_city(province)
    return any(not (city and fold(found.group()).lower() == "thanh pho") for found in BARE_DISTRICT_WORD.finditer(text))


@cache
def _central_city(province: str | None) -> bool:
    """Whether ``province`` is a centrally-run city (looked up once per province: ``bare_district_word`` is read
    for every sentence with figures)."""
    return any(p.name == province and p.kind == "thành phố" for p in provinces())


# a provincial paper's code before its lead, then a bracket or a dash: "ĐBP - ", "(BL-KP) ", "LSO-", "(BTNO) - "
_PAPER_CODE = re.compile(r"\(?(?P<code>[A-ZĐ][A-ZĐa-z]{1,4})(?:-[A-ZĐ]{1,4})?(?:\)\s*[-–]?|\s*[-–])\s*(?=[^\W\d_])")
PAPER_PARAGRAPHS = 3  # the code stands before one of the first paragraphs (a caption may come first)


def paper_province(title: str, body: str) -> str | None:
    """The province of the paper whose code opens the headline line or the lead (``paper_codes``), else None.

    >>> paper_province("Sử dụng dịch vụ công còn hạn chế", "ĐBP - Hiện nay, Cổng dịch vụ công của tỉnh ...")
    'Điện Biên'
    >>> paper_province("UBND tỉnh - Thông báo", "UBND - tỉnh họp.") is None
    True
    """
    codes = units()["paper_codes"]
    for paragraph in [title, *body.split("\n\n", PAPER_PARAGRAPHS)[:PAPER_PARAGRAPHS]]:
        found = _PAPER_CODE.match(paragraph.lstrip())
        if found and found.group("code") in codes:
            return codes[found.group("code")]
    return None


def _national(title: str, body: str, province: str | None) -> bool:
    """A story about the central state that never names ``province`` (the address's) but in the site's footer or
    banner or as its seat at an online meeting (``beside_story``): its headline or its lead's first sentence names
    a national body (``national_bodies``: "Ngày 13-3, Bộ Công an tổ chức hội nghị ...")."""
    if province is None:
        return False
    opening = unify_tones(title + "\n" + re.split(r"(?<=[.!?])\s", _lead(body), maxsplit=1)[0])
    return bool(units()["national_subject"].search(opening)) \
        and province not in provinces_named(units()["beside_story"].sub(" ", f"{title}\n{body}"))


def _central_issuer(header: str) -> bool:
    """Whether an official document's issuer, the header's lines before the national motto or its number, is a
    national body that names no province ("BỘ TƯ PHÁP - BỘ" | "CÔNG AN"): its place-and-date line gives the
    capital where it sits, not what the document is about."""
    issuer = " ".join(takewhile(lambda line: not _MOTTO_OR_NUMBER.match(line), header.splitlines())).strip()
    return bool(units()["national_subject"].match(unify_tones(issuer))) and not provinces_named(issuer)


_MOTTO_OR_NUMBER = re.compile(r"\s*(?:cộng\s+h[oò]a|số\s*:|-{3,}|\|)", re.I)  # where an issuer's block ends


def _roundup(title: str, body: str) -> bool:
    """A story about several provinces: its headline names none and its lead at least ``ROUNDUP`` of them."""
    return not provinces_named(title) and len(provinces_named(_lead(body))) >= ROUNDUP


# a person's particulars in brackets: "(SN 1977, Rạch Giá - tỉnh Kiên Giang)", "(trú tại xã A, huyện B)"
_PERSONAL = re.compile(r"\((?=[^()\n]{0,40}\b(?:SN|sinh năm|năm sinh|trú|ngụ|thường trú|quê)\b)[^()\n]{0,200}\)",
                       re.IGNORECASE)


def dateline_day(text: str) -> str | None:
    """The date of a news agency's dateline a text opens on ("Hà Nội (TTXVN 11/5/2024) Năm 2023, ..."): the day
    the story was filed, as ``YYYY-MM-DD``; None when the text opens on none or it holds no date."""
    found = units()["dateline_stamp"].match(text)
    place = text[:found.start(1)].split("(")[0].split() if found else []
    return parse_date(found.group(1)) if found and all(word[0].isupper() for word in place) else None


def without_dateline(text: str) -> str:
    """``text`` without the place of a news agency's dateline it opens on: where the story was filed from."""
    found = units()["dateline"].match(text)
    if found and all(word[0].isupper() for word in found.group().split()):  # a place's name, not a headline
        return text[found.end():]
    return text


def locate(title: str, body: str, url: str | None = None, header: str = "", issued_in: str | None = None,
           spelled: str = "", published: str | None = None) -> Place:
    """The province and district a bulletin is about, or None for each.

    ``header`` (a document's issuer, a portal's banner) is evidence of the province only; ``issued_in``, the
    place of an official document's place-and-date line ("Thừa Thiên Huế, ngày 05 tháng 3 năm 2015"), and the
    province of a paper whose code opens the lead ("ĐBP - ...", ``paper_province``) weigh as much as the address.
    ``spelled``, the headline an address spells when the page shows none ("quang ninh nen tang cua ..."), adds
    to a province the text names as much as a mention with its unit word: it confirms, it never places alone.
    ``published`` (YYYY-MM-DD) on or after the 2025 mergers lets a commune named like a former district name it
    (``merged_district``).
    """
    source = url_source(url)
    title, body = without_dateline(title), without_dateline(_PERSONAL.sub(" ", body))
    placed_by = f"{header}\n{body}"
    if _national(title, body, source.province):  # a provincial site running a national story: neither its
        source = Source(None, None)  # address, its banner nor its footer says where the story is
        placed_by = units()["beside_story"].sub(" ", body)
    scores = _score(title, placed_by, source.province)
    named = provinces_named(spelled.title()) if spelled else set()  # the bare names are matched as written
    if len(named) == 1 and scores[next(iter(named))]:  # it confirms what the text says, never places alone
        scores[next(iter(named))] += WEIGHTS["unit"]
    if issued_in and is_province(issued_in) and not _central_issuer(header):
        scores[issued_in] += WEIGHTS["url"]
    paper = paper_province(title, body)
    if paper:
        scores[paper] += WEIGHTS["url"]
    province = _dominant(scores)
    if province and not source.province and _roundup("" if spelled else title, body) \
            and not _overwhelming(_score("", f"{header}\n{body}", None)):  # no headline: the title is the lead's
        # first sentence, naming the first province of a roundup (unless its body is about one of them)
        province = None
    url_district = source.district if province == source.province else None
    merged = bool(published and published >= units()["merged_since"])
    if merged and province:
        province, district = merged_district(title, body, province, url_district)
    else:
        district = _district(title, body, province, url_district, merged)
    if district and province is None:  # a district (or after the mergers, a commune named like a former one)
        # that one province has places the story there
        owners = {p for (p, d) in district_mentions(title + "\n" + body, merged=merged) if d == district}
        province = owners.pop() if len(owners) == 1 else None
        district = district if province else None
    return Place(province=province, district=district)


def merged_district(title: str, body: str, province: str, url_district: str | None) -> tuple[str, str | None]:
    """(province, district) of a page from after the 2025 mergers placed in ``province``, whose text may name the
    new province ("TP. Cần Thơ") and a commune that took a former district's name ("xã Mỹ Tú", ``merged_units``):
    the district rules run for each province merged with ``province``, and when exactly one of them finds its
    district there, the bulletin is about that district of that (pre-2025) province; otherwise ``province``'s own.
    """
    merged_into = province_2025_of()
    group = [name for name, after in merged_into.items() if after == merged_into[province]]
    found = {name: _district(title, body, name, url_district if name == province else None, merged=True)
             for name in group}
    placed = {name: district for name, district in found.items() if district}
    return next(iter(placed.items())) if len(placed) == 1 else (province, found[province])


def districts_of(province: str) -> tuple[tuple[str, str], ...]:
    """The (kind, name) of a province's district-level units ("quận", "3"; "thành phố", "Vĩnh Long")."""
    return next((p.districts for p in provinces() if p.name == province), ())


def district_owners(district: str) -> frozenset[str]:
    """The provinces with a district-level unit of this name (compared without tone marks)."""
    return _district_owners().get(fold(unify_tones(district)).lower(), frozenset())


@cache
def _district_owners() -> dict[str, frozenset[str]]:
    """Each district-level name, folded, and the provinces that have a unit of that name."""
    owners: dict[str, set[str]] = {}
    for province in provinces():
        for _, name in province.districts:
            owners.setdefault(fold(unify_tones(name)).lower(), set()).add(province.name)
    return {name: frozenset(names) for name, names in owners.items()}


def province_of_district(district: str) -> str | None:
    """The one province with a district-level unit of this name, else None."""
    owners = district_owners(district)
    return next(iter(owners)) if len(owners) == 1 else None


def is_province(name: str) -> bool:
    return any(p.name == name for p in provinces())


__all__ = ["Place", "Province", "locate", "paper_province", "district_hits", "district_mentions",
           "district_owners", "province_of_district", "is_province"]
