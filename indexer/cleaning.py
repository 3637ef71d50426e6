"""Stage 2: page chrome out, headline and date line found, article text kept.

Works line by line with the patterns of ``indexer/data/chrome.json``:

1. the tail: from the first line that opens trailing furniture (related news,
   "Tin khác", visitor statistics, "Liên kết") once the article has begun, the
   rest of the page is dropped - with the dates and document numbers it lists;
2. the head: skip links, breadcrumbs, section names, log-in and font-size
   controls, portal banners and slogans before the headline are dropped; the
   top line that holds most of the words of the page's address (portals spell
   the headline in it) is the title, a lead run into it on its line (a page
   flattened to one line per block) split off where the address's words end;
   else the first remaining line that reads like a headline (scraps such as
   '.jpg)' and a photo caption above it passed over) - unless a later
   headline-like line stands right before the date line (the first was a site
   banner). An official document ("Số: ... |
   KẾ HOẠCH | Cải cách ...") is titled by its kind and subject, unless the
   address spells a headline of the page above it. A title the page or the
   caller already knows locates its line instead; a view counter or a
   scraper's "null" around the headline is trimmed (``title_trim``);
3. the body: lines matching a ``drop`` pattern (view counters, print bars,
   share buttons, pagination), publication-date lines and the headline printed
   again above the lead are removed.

A hard wrap a page holds escaped (the four characters "\\r\\n" mid-sentence) is the space it stands for.

The author line and image captions stay: they are part of the article. Nothing
is lost: every other line of the page - above the headline, dropped, or in the
tail - is kept, in order, as ``Cleaned.aside``, which the index searches with a
low weight and reads for the document's own number, but never shows as the
title or the snippet.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from itertools import islice
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from search.docnumbers import find_refs, ref_key
from search.textnorm import clean_unicode, fold, folded_key
from search.vocabulary import canonical_province

from .dates import document_date_line, parse_date_line, split_glued_date
from .patterns import AnyOf
from .places import district_owners
from .records import Cleaned
from .syllables import is_syllable

PATTERNS = Path(__file__).parent / "data" / "chrome.json"
HEAD_ZONE = 6  # unlabelled date lines are trusted this many lines after the headline
MIN_TITLE, MAX_TITLE = 8, 300
MAX_SUBJECT = 600  # an official document's subject, placed by its header: longer than a headline may be
MIN_ARTICLE = 80  # characters of body text before a tail marker counts
HEADLINE_ZONE = 15  # lines at the top where a document header or a date line places the headline
PROSE_WORDS = 25  # a line above the headline this long, ending a sentence, is article text
MAX_CAPTION_WORDS = 30  # a photo caption above the headline is one short sentence
MAX_WRAPPED = 3  # upper-case lines after a document's subject line that continue it
LEAD_IN_WORDS = 14  # a headline's first line ending with a colon ("Cà Mau:") is at most this long
DOCUMENT_ZONE = 30  # non-empty lines at the top where an official document's kind, subject and date stand
DOCUMENT_ZONE_BELOW_TABLE = 90  # the same on a legal database's page, below its menus and metadata table
ADDRESS_ZONE = 40  # non-empty lines at the top searched for the headline the address spells
MIN_ADDRESS_WORDS = 5  # an address segment spells a headline from this many words ("cai-cach-hanh-chinh" does not)
ADDRESS_AGREEMENT = 0.6  # share of the address's words in the line, and of the line's words in the address
_ADDRESS_NOISE = re.compile(r"\d{5,}|[a-z]+\d{4,}[a-z\d]*|html?|aspx?|php|jsp|vnp|epi|amp|www")


@dataclass(frozen=True)
class ChromePatterns:
    drop: AnyOf
    head: AnyOf
    tail: AnyOf
    document_types: tuple[str, ...] = ()
    document_header: AnyOf = AnyOf(())
    own_number: tuple[re.Pattern, ...] = ()
    title_trim: tuple[re.Pattern, ...] = ()
    document_authority: AnyOf = AnyOf(())
    document_clause: re.Pattern | None = None  # a line opening an official document's clause ("Căn cứ ...")
    document_kinds: tuple[tuple[str, str], ...] = ()  # an own number's code, its kind: ("QĐ", "QUYẾT ĐỊNH")
    subject_opener: re.Pattern | None = None  # a line opening a document's subject ("VỀ VIỆC ...", "BAN HÀNH ...")
    reading_controls: AnyOf = AnyOf(())  # text-size and print controls printed after a headline
    document_named: re.Pattern | None = None  # a headline naming a document by kind and number ("Quyết định 810/...")


@cache
def load_patterns(path: Path = PATTERNS) -> ChromePatterns:
    """Compile the chrome patterns of a data file."""
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)

    def compile_all(key):
        return AnyOf(data[key], re.I)

    document = data.get("document", {"types": [], "header": []})
    controls = data.get("reading_controls", [])
    return ChromePatterns(drop=AnyOf(data["drop"] + controls, re.I), head=compile_all("head"), tail=compile_all("tail"),
                          document_types=tuple(document["types"]),
                          document_header=AnyOf(document["header"], re.I),
                          own_number=tuple(re.compile(_with_kinds(p, document["types"]), re.I)
                                           for p in document.get("own_number", ())),
                          title_trim=tuple(re.compile(p, re.I) for p in data.get("title_trim", ())),
                          document_authority=AnyOf(document.get("authority", ()), re.I),
                          document_clause=_openers(document.get("clauses", ())),
                          document_kinds=tuple(document.get("kind_codes", {}).items()),
                          subject_opener=_openers(document.get("subject_openers", ())),
                          reading_controls=AnyOf(controls, re.I), document_named=_named_by_number(document["types"]))


def _kinds(kinds) -> str:
    """The document kinds as one alternation, longest first ("quyết định|kế hoạch|...")."""
    return "|".join(re.escape(kind) for kind in sorted(kinds, key=len, reverse=True))


def _with_kinds(pattern: str, kinds) -> str:
    """An ``own_number`` pattern with its ``<kinds>`` placeholder standing for the document kinds."""
    return pattern.replace("<kinds>", _kinds(kinds))


def _named_by_number(kinds) -> re.Pattern | None:
    """A headline naming a document by its kind and number ("Quyết định 810/QĐ-UBND 2019 công bố ...")."""
    alternatives = _kinds(kinds)
    return re.compile(rf"(?:{alternatives})\s+(?:số\s+)?\d{{1,5}}[a-z]?/", re.I) if alternatives else None


def _openers(words) -> re.Pattern | None:
    """A line opening on one of ``words`` (case-insensitive), or None for none."""
    return re.compile("(?:" + "|".join(map(re.escape, words)) + r")\s", re.I) if words else None


def _cut_tail(lines: list[str], patterns: ChromePatterns) -> list[str]:
    seen = 0
    for i, line in enumerate(lines):
        if seen >= MIN_ARTICLE and patterns.tail.fullmatch(line):
            return lines[:i]
        if not patterns.drop.fullmatch(line) and not patterns.head.fullmatch(line):
            seen += len(line)
    return lines


def _looks_like_title(line: str, longest: int = MAX_TITLE) -> bool:
    """A line long enough and not too long to be a title, with some letters. A document's subject may run longer
    (``MAX_SUBJECT``: "VỀ VIỆC BAN HÀNH QUY CHẾ PHỐI HỢP ... NGÀY 14/02/2008"): its place after the document's
    header says what it is."""
    return MIN_TITLE <= len(line) <= longest and sum(c.isalpha() for c in line) >= 5


def _is_furniture(line: str, patterns: ChromePatterns) -> bool:
    return any(group.fullmatch(line) for group in (patterns.head, patterns.drop, patterns.tail))


def _top(lines: list[str], count: int) -> list[int]:
    """Indexes of the first ``count`` non-empty lines."""
    return [i for i, line in enumerate(lines) if line][:count]


def _document_title(lines: list[str], patterns: ChromePatterns, zone: int = DOCUMENT_ZONE) -> tuple[int, str] | None:
    """(index of the subject line, "KẾ HOẠCH Cải cách ...") of an official document's header in the first ``zone``
    non-empty lines, else None."""
    seen_header = False
    for i in _top(lines, zone):
        line = lines[i]
        seen_header = seen_header or patterns.document_header.fullmatch(line)
        if seen_header and line.isupper() and line.lower() in patterns.document_types:
            subject = _subject(lines, i + 1, patterns)
            if subject is not None and patterns.document_authority.fullmatch(subject[1]):
                article = _article_one(lines, i)  # no subject line: the kind, then who issues it
                return (i, f"{line} {article}") if article else None
            if subject is not None and _looks_like_title(subject[1], MAX_SUBJECT):
                return subject[0], f"{line} {subject[1]}"
    return _subject_alone(lines, patterns, zone)


_ARTICLE_ONE = re.compile(r"^Điều 1\s*[.:]\s*(?P<subject>.+?)\.?$")
_ENCLOSED = re.compile(r"\s+kèm theo (?:quyết định|nghị quyết|chỉ thị|thông tư) này\b", re.I)
ARTICLE_LINES = 40  # lines after a document's kind its first article is sought in (its grounds come first)


def _article_one(lines: list[str], start: int) -> str | None:
    """The subject of a document whose page prints no subject line, read from its first article as its
    operative words ("Điều 1. Ban hành kèm theo Quyết định này Quy chế ..." -> "Ban hành Quy chế ..."); None
    when the page shows no first article close below."""
    for line in lines[start:start + ARTICLE_LINES]:
        found = _ARTICLE_ONE.match(line)
        if found:
            subject = _ENCLOSED.sub("", found.group("subject")).strip()
            listed = subject.endswith(":")  # "Điều 1. Công bố kèm theo Quyết định này:" and a list: no subject
            return subject if not listed and _looks_like_title(subject, MAX_SUBJECT) else None
    return None


_OWN_CODE = re.compile(r"số\s*:\s*[\w.]+/(?:\d{4}/)?([^\W\d_]+)-", re.I)  # "Số: 24/2014/QĐ-UBND": QĐ


def _subject_alone(lines: list[str], patterns: ChromePatterns, zone: int = DOCUMENT_ZONE) -> tuple[int, str] | None:
    """(index, "QUYẾT ĐỊNH BAN HÀNH QUY ĐỊNH ...") of a document whose page shows its subject right after the header
    without the line naming its kind: the kind is the one its own number's code names ("Số: 24/2014/QĐ-UBND"), the
    subject the first upper-case line after that header that opens as a subject does ("VỀ VIỆC ...", "BAN HÀNH
    ..."); None when the page shows neither."""
    kinds = dict(patterns.document_kinds)
    kind = None
    for i in _top(lines, zone):
        code = _OWN_CODE.search(lines[i])
        if code:
            kind = kinds.get(code.group(1).upper())
        elif kind and lines[i].isupper() and patterns.subject_opener and patterns.subject_opener.match(lines[i]):
            subject = _subject(lines, i, patterns)
            whole = subject and _looks_like_title(subject[1], MAX_SUBJECT)
            return (subject[0], f"{kind} {subject[1]}") if whole else None
        elif kind and lines[i].isupper() and patterns.document_authority.fullmatch(lines[i]):
            article = _article_one(lines, i)  # neither kind nor subject printed: who issues it, its grounds,
            return (i, f"{kind} {article}") if article else None  # then its first article
    return None


def _subject(lines: list[str], start: int, patterns: ChromePatterns) -> tuple[int, str] | None:
    """(index, text) of the subject line after a document's kind, with the upper-case lines a hard wrap
    split it into ("TRIỂN" | "KHAI CHIẾN DỊCH ...") joined; None when no line follows closely."""
    first = next((j for j in range(start, min(start + 3, len(lines))) if lines[j]), None)
    if first is None:
        return None
    parts = [lines[first]]
    for line in lines[first + 1:first + 1 + MAX_WRAPPED]:
        if not (parts[-1].isupper() and _upper_case(line)) or patterns.document_authority.fullmatch(line):
            break  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" after the subject: who issues it
        parts.append(line)
    subject = " ".join(parts)
    return first, subject[:-1] if subject.endswith(".") and not subject.endswith("..") else subject  # the full stop
    # a page puts after a subject is no part of it


def _upper_case(line: str) -> bool:
    """A line in capitals, or one of digits and marks with no small letter: a hard wrap can leave a subject's
    year alone on its line ("... THUỘC THÀNH PHỐ NĂM" | "2021")."""
    return line.isupper() or (any(c.isdigit() for c in line) and not any(c.islower() for c in line))


def address_words(url: str | None) -> frozenset[str]:
    """The folded words of the address segment that spells a headline (``address_phrase``), else none.

    >>> sorted(address_words("https://example.gov.vn/tin-tuc/ha-noi-cong-bo-chi-so-cai-cach-2021-123456.html"))
    ['2021', 'bo', 'cach', 'cai', 'chi', 'cong', 'ha', 'noi', 'so']
    """
    return frozenset(address_phrase(url).split())


def address_phrase(url: str | None) -> str:
    """The folded words, in order, of the address segment that spells a headline, else "".

    Portals put the headline's words in the last path segment or in a query value; the segment with the
    most words is taken, without file endings and long numeric ids, when it has ``MIN_ADDRESS_WORDS``.

    >>> address_phrase("https://example.gov.vn/tin-tuc/ha-noi-cong-bo-chi-so-cai-cach-2021-123456.html")
    'ha noi cong bo chi so cai cach 2021'
    """
    if not url:
        return ""
    parts = urlsplit(url)
    segments = [*parts.path.split("/"), *(value for _, value in parse_qsl(parts.query))]
    best = max(([w for w in re.findall(r"[a-z0-9]+", folded_key(unquote(segment)))
                 if not _ADDRESS_NOISE.fullmatch(w)] for segment in segments), key=len, default=[])
    return " ".join(best) if len(best) >= MIN_ADDRESS_WORDS else ""


def _is_sentence(line: str) -> bool:
    """A line that ends with a full stop: a lead or a caption, never a headline."""
    return line.endswith(".") and not line.endswith("..")


def _is_prose(line: str, patterns: ChromePatterns) -> bool:
    """A paragraph of the article above the line taken as headline (an excerpt that opens mid-article, a lead
    printed above its headline): a long sentence, no furniture. It stays in the body, where figures and the lead
    are read."""
    return len(line.split()) >= PROSE_WORDS and _is_sentence(line) and not _is_furniture(line, patterns) \
        and not parse_date_line(line)


LIST_ITEM = re.compile(r"[-+*•–]\s")  # a line opening a list item; never a headline
CAPTION_CELL = re.compile(r"\s\|\s*$")  # a photo's caption in its table cell; never a headline
_AGENCY = re.compile(r"(?:sở|ban|văn phòng|bộ|cục|chi cục|trung tâm|đài|báo)\s", re.I)
BANNER_WORDS = 10  # an agency's name on a line of its own is at most this long


def _agency_banner(line: str) -> bool:
    """A site's banner that is an agency's name and its province ("Sở Giáo dục và Đào tạo Bến Tre"):
    a headline says what the agency did."""
    words = line.split()
    return bool(_AGENCY.match(line)) and len(words) <= BANNER_WORDS and not re.search(r"[\d,.:;!?]", line) \
        and any(canonical_province(" ".join(words[-k:])) for k in (2, 3, 4) if k < len(words))


def _scrap_or_banner(line: str) -> bool:
    """A scrap with a bracket left open ("# (PAR INDEX"), an agency's banner or a place's name alone (a tag, a
    section or a menu item: "Lộc Hà", "• An Giang", "TX.Bến Cát"): passed over at the top."""
    return line.count("(") > line.count(")") or _agency_banner(line) or place_alone(line)


_UNIT_WORD = re.compile(r"^(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|tx\.?|thị trấn|xã|phường)\s*", re.I)


def place_alone(line: str) -> bool:
    """A line that is only a province's or a district's name, with its unit word or a bullet: no headline.

    >>> place_alone("• An Giang"), place_alone("TX.Bến Cát"), place_alone("Lộc Hà"), place_alone("Hà Nội đứng đầu")
    (True, True, True, False)
    """
    name = _UNIT_WORD.sub("", line.strip(" \t•·-–*|:.,"))
    return 0 < len(name) <= 40 and (canonical_province(name) is not None or bool(district_owners(name)))


def never_headline(line: str) -> bool:
    """An item of a list ("- 1Nghị quyết ..."), an official document's clause ("Căn cứ Luật ...", the ``clauses``
    of ``chrome.json``), a photo's caption cell ("Người dân đến giải quyết thủ tục tại Trung tâm. |", "Ảnh minh
    họa (Nguồn: Q.N) |": a line ending on the bar of its table cell), a scrap or a banner (``_scrap_or_banner``)."""
    clause = load_patterns().document_clause
    return bool(LIST_ITEM.match(line)) or bool(clause and clause.match(line)) or bool(CAPTION_CELL.search(line)) \
        or _scrap_or_banner(line)


def _may_be_headline(line: str, patterns: ChromePatterns) -> bool:
    """Headline-sized, not furniture, not a sentence, and no list item, scrap or banner (``never_headline``); a
    headline naming a document by its kind and number ("Quyết định 680/QĐ-UBND năm 2025 công bố ...") may run as
    long as a document's subject."""
    named = patterns.document_named is not None and patterns.document_named.match(line)
    return _looks_like_title(line, MAX_SUBJECT if named else MAX_TITLE) and not _is_furniture(line, patterns) \
        and not _is_sentence(line) and not never_headline(line)


def _title_from_address(lines: list[str], patterns: ChromePatterns, url: str | None) -> int | None:
    """Index of the top line that holds most of the address's words, else None.

    The line must hold ``ADDRESS_AGREEMENT`` of the address's words, and its own words must not be mostly
    elsewhere (a lead sentence that repeats the headline's words is longer); the best agreement wins.
    """
    wanted = address_words(url)
    best, best_share = None, 0.0
    for i in _top(lines, ADDRESS_ZONE) if wanted else ():
        words = set(re.findall(r"\w+", folded_key(lines[i])))
        shared = len(words & wanted)
        found, own = shared / len(wanted), shared / max(len(words), 1)
        if found >= ADDRESS_AGREEMENT and own >= ADDRESS_AGREEMENT / 2 and found + own > best_share \
                and _may_be_headline(lines[i], patterns):
            best, best_share = i, found + own
    return best


_DAY_MONTH = re.compile(r"\b\d{1,2}/\d{1,2}\b")


def _is_headline(line: str) -> bool:
    """A headline-like line of four words or more, with no day and month (a lead sentence has them), that is
    no list item, scrap or banner (``never_headline``)."""
    return _looks_like_title(line) and len(line.split()) >= 4 and not _DAY_MONTH.search(line) \
        and not never_headline(line)


def _title_before_date(lines: list[str], patterns: ChromePatterns) -> int | None:
    """Index of the headline-like line right before the first date line near the top, else None."""
    for i, line in enumerate(lines[:HEADLINE_ZONE]):
        if line and parse_date_line(line):
            before = [j for j in range(i) if lines[j] and not _is_furniture(lines[j], patterns)]
            if before and _is_headline(lines[before[-1]]):
                return before[-1]
            return None
    return None


def _title_before_controls(lines: list[str], patterns: ChromePatterns) -> int | None:
    """Index of the headline-like line right before the first text-size or print control near the top ("Xem với
    cỡ chữ : A- A A+"), which pages print under the headline, else None."""
    for i in _top(lines, ADDRESS_ZONE):
        if patterns.reading_controls.fullmatch(lines[i]):  # furniture too (``load_patterns``)
            before = [j for j in range(i) if lines[j] and not _is_furniture(lines[j], patterns)]
            return before[-1] if before and _is_headline(_trim_title(lines[before[-1]], patterns)) else None
    return None  # (a headline may end with the date the page prints after it: "... (31/03/2021)")


def _stamped_headline(lines: list[str], patterns: ChromePatterns) -> int | None:
    """Index of the first headline-like line near the top that ends with the date the page printed after it
    ("Hội nghị công bố ... Đề án 30 (19/04/2010)", taken off by ``title_trim``), else None: the line is the
    headline and its own date line at once, which a section name above it ("Tin tức nổi bật") is not."""
    for i in _top(lines, HEADLINE_ZONE):
        title = _trim_title(lines[i], patterns)
        if title != lines[i] and _headline_stamp(lines[i], title) and _is_headline(title) \
                and not _is_furniture(lines[i], patterns):
            return i
    return None


def _first_headline(lines: list[str], patterns: ChromePatterns) -> int | None:
    """Index of the first line that may be the headline: furniture, date lines and scraps without five
    letters ('.jpg)', '-A A +A') are passed over, and so is a caption right before a headline: a sentence
    of at most ``MAX_CAPTION_WORDS`` without a day and month (a lead that a caption follows has them)."""
    found = list(islice((i for i in range(len(lines)) if lines[i] and sum(c.isalpha() for c in lines[i]) >= 5
                         and not _is_furniture(lines[i], patterns) and not parse_date_line(lines[i])
                         and not _scrap_or_banner(lines[i])), 2))
    caption = found and _is_sentence(lines[found[0]]) and len(lines[found[0]].split()) <= MAX_CAPTION_WORDS \
        and not _DAY_MONTH.search(lines[found[0]])
    if len(found) == 2 and caption and _is_headline(lines[found[1]]) \
            and not _is_sentence(lines[found[1]]) and len(lines[found[1]]) < len(lines[found[0]]):
        return found[1]
    if len(found) == 2 and _opens_lower(_trim_title(lines[found[0]], patterns)) and _is_headline(lines[found[1]]) \
            and not _is_sentence(lines[found[1]]) and not _opens_lower(lines[found[1]]):
        return found[1]  # a tag page's name in small letters above the headline ("xây dựng trái phép")
    return found[0] if found else None


def _opens_lower(line: str) -> bool:
    """A line whose first character is a small letter ("đô thị đặc biệt", "xây dựng trái phép" above a headline:
    a tag page's name; asked of a line trimmed as a headline is, a scraper's "null" before it gone)."""
    first = line.lstrip()[:1]
    return first.isalpha() and first.islower()  # "9 tháng đầu năm, ...", "(kontumtv.vn) - ..." open otherwise


def _trim_title(line: str, patterns: ChromePatterns) -> str:
    """The headline without what the page prints after it ("(Lượt xem: 164)")."""
    for pattern in patterns.title_trim:
        line = pattern.sub("", line)
    return line


def _find_title(lines: list[str], patterns: ChromePatterns, hint: str | None,
                url: str | None = None) -> tuple[int | None, str | None]:
    """Index and text of the headline line (None, hint) when no line holds it.

    An official document's title is its kind and subject; a page's headline is the top line whose words
    the address spells (the page's own headline above a document it shows beats the document's), else the
    first line that reads like one, or the headline-like line right before the date line when that comes
    later (the first was a site banner or a section name).
    """
    if hint:
        wanted = folded_key(hint)
        for i, line in enumerate(lines[:40]):
            if line and folded_key(line) == wanted:
                return i, line
        return None, hint
    found = _found_title(lines, patterns, url)
    return _with_lead_in(lines, patterns, *found) if found[0] is not None else found


def _with_lead_in(lines: list[str], patterns: ChromePatterns, at: int, title: str) -> tuple[int, str]:
    """A headline printed in two lines, the first ending with a colon ("Cà Mau:" | "Chỉ số cải cách hành
    chính đứng thứ ba ..."): both."""
    before = next((j for j in range(at - 1, max(at - 3, -1), -1) if lines[j]), None)
    if before is not None and lines[before].endswith(":") and len(lines[before].split()) <= LEAD_IN_WORDS \
            and not _is_furniture(lines[before], patterns) and not title.endswith(":"):
        return at, _trim_title(f"{lines[before]} {title}", patterns)  # not a label's: "Dòng sự kiện:"
    return at, title


def _found_title(lines: list[str], patterns: ChromePatterns, url: str | None) -> tuple[int | None, str | None]:
    document = _document_title(lines, patterns)
    spelled = _title_from_address(lines, patterns, url)
    if document and (spelled is None or spelled >= document[0]):  # a line below the document's title that the
        # address spells is a part's heading ("QUY CHẾ | VỀ TỔ CHỨC VÀ HOẠT ĐỘNG ..." under the decision issuing it)
        return document
    named = spelled is not None and patterns.document_named and patterns.document_named.match(lines[spelled])
    if named:  # a legal database's headline for the document it shows ("Quyết định 3199/QĐ-UBND năm 2019 về
        # ..."): the document's own kind and subject, below the database's metadata table
        shown = document or _document_title(lines, patterns, DOCUMENT_ZONE_BELOW_TABLE)
        if shown and shown[0] > spelled:
            return shown
    if spelled is not None:
        return spelled, _trim_title(lines[spelled], patterns)
    first = _first_headline(lines, patterns)
    anchored = _title_before_date(lines, patterns)
    anchored = anchored if anchored is not None else _title_before_controls(lines, patterns)
    stamped = _stamped_headline(lines, patterns)
    anchored = stamped if stamped is not None and (anchored is None or stamped < anchored) else anchored
    if anchored is not None and (first is None or first <= anchored):
        return anchored, _trim_title(lines[anchored], patterns)
    if first is not None and _looks_like_title(lines[first]) and not never_headline(lines[first]):
        return first, _trim_title(lines[first], patterns)  # may be the lead: it names what the bulletin is about
    return None, None


def own_numbers(lines: list[str], title: str | None, patterns: ChromePatterns) -> list[str]:
    """The document's own numbers: one right after an ``own_number`` pattern in the headline or in the
    first ``HEADLINE_ZONE`` lines of the page ("Số: 23/KH-UBND", "Kế hoạch số 23/KH-UBND về ...").

    >>> own_numbers(["ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 23/KH-UBND | Lào Cai, ngày 5"],
    ...             None, load_patterns())
    ['23/KH-UBND']
    """
    found: dict[str, str] = {}
    for line in [title or "", *[line for line in lines if line][:HEADLINE_ZONE]]:
        for pattern in patterns.own_number:
            for match in pattern.finditer(line):
                refs = find_refs(line[match.end():match.end() + 40])
                if refs and line[match.end():].lstrip().startswith(refs[0].split("/")[0]):
                    found.setdefault(ref_key(refs[0]), refs[0])
    return list(found.values())


_NOT_LETTERS = re.compile(r"[\W_]+")
LEAD_WORDS = 8  # the rest of a headline's line, read as its lead when it opens a sentence this long
KICKER_WORDS = 3  # a section's name printed before the headline on its line ("Pháp luật")
HEADLINE_SLACK = 120  # characters of a line read past twice the address's letters: a kicker, a section's name


def _unglue_headline(lines: list[str], url: str | None) -> list[str]:
    """Lines with the headline the address spells split from a lead printed after it on its line ("Công an Nghệ
    An trao thẻ căn cước ... đầu tiên Sau 4 ngày triển khai ..."), and from a section's name before it: a page
    flattened to one line per block, the headline's block run into the lead's. Only the top
    ``ADDRESS_ZONE`` lines, only the first line that spells the address in full and goes on past it."""
    phrase = address_phrase(url).replace(" ", "")
    for at in _top(lines, ADDRESS_ZONE) if phrase else ():
        cut = _spelled_span(lines[at], phrase)
        if cut is None:
            continue
        before, run, after = lines[at][:cut[0]].strip(), lines[at][cut[0]:cut[1]], lines[at][cut[1]:].strip()
        lead = bool(after) and after[0].isupper() and len(after.split()) >= LEAD_WORDS
        section = bool(before) and len(before.split()) <= KICKER_WORDS and before[-1].isalpha()
        if not lead:
            return lines
        head = [before, run] if section else [f"{before} {run}".strip()]
        return [*lines[:at], *head, after, *lines[at + 1:]]
    return lines


_NAME_AFTER = re.compile(r"\s[-|–]\s([^-|–]{2,40})$")  # " - PAPI", " | Báo Quảng Ninh" at a headline's end


def _without_site_name(title: str, url: str | None) -> str:
    """The headline without the site's name a page prints after it ("... tăng 6,92 điểm - PAPI" on papi.org.vn):
    a last part whose letters, folded, are a label of the address's host."""
    named = _NAME_AFTER.search(title)
    if not named or not url:
        return title
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").removeprefix("www.")
    labels = {_NOT_LETTERS.sub("", label) for label in host.split(".")[:-1]}
    return title[:named.start()].rstrip() if _NOT_LETTERS.sub("", fold(named.group(1).lower())) in labels else title


def _unglue_headings(lines: list[str]) -> list[str]:
    """Lines with a heading in capitals split from the sentence glued to its last letter ("GIỚI THIỆU THỦ TỤC HÀNH
    CHÍNHNhằm đáp ứng ..."): a page's block of capitals run into the paragraph after it. Only the top
    ``ADDRESS_ZONE`` lines, where the headline is looked for."""
    out = list(lines)
    for at in _top(lines, ADDRESS_ZONE):
        cut = _glued_after_capitals(lines[at])
        if cut:
            out[at:at + 1] = [lines[at][:cut], lines[at][cut:]]
            return out  # one heading at most: the page's first
    return out


_WORD_START = re.compile(r"[^\W\d_]*")


def _glued_after_capitals(line: str) -> int | None:
    """Where a sentence starts glued to a heading of two or more words in capitals before it, else None."""
    for at in range(1, len(line) - 1):
        if line[at].islower():  # the first small letter: its word must open the sentence, glued to the heading
            word = _WORD_START.match(line, at - 1).group()  # "Để", "Nhằm": a syllable, not an abbreviation's
            opens = at >= 2 and line[at - 1].isupper() and line[at - 2].isupper() and is_syllable(word)  # plural
            heading = line[:at - 1]
            return at - 1 if opens and len(heading.split()) >= 2 and not heading.endswith(" ") else None
    return None


def _spelled_span(line: str, phrase: str) -> tuple[int, int] | None:
    """(start, end) in ``line`` of the words whose folded letters and digits are ``phrase`` (the address's
    words run together: "10,4" is spelled "104"), from a word's start to a word's end, else None. Only the line's
    opening is read, as long as the headline with a kicker before it can be: a lead runs on for pages."""
    opening = line[:2 * len(phrase) + HEADLINE_SLACK]
    if phrase not in _NOT_LETTERS.sub("", fold(opening.lower())):
        return None  # most lines: one pass in C, no map of places built
    kept = [(i, c) for i, ch in enumerate(opening) for c in fold(ch.lower()) if c.isalnum()]
    letters = "".join(c for _, c in kept)
    found = letters.find(phrase)
    while found >= 0:
        start, end = kept[found][0], kept[found + len(phrase) - 1][0] + 1
        if (start == 0 or not line[start - 1].isalnum()) and (end == len(line) or not line[end].isalnum()):
            return start, end
        found = letters.find(phrase, found + 1)
    return None


def _unglue_dates(lines: list[str]) -> list[str]:
    """Lines with a date stamp glued before a lead ("date 2025-08-07 Ngày 7-8, ...") split in two."""
    out: list[str] = []
    for line in lines:
        glued = split_glued_date(line)
        out.extend(glued if glued else [line])
    return out


def _published_line(found: str | None, header: list[str], lines: list[str], stamp: str | None) -> str | None:
    """The date line found after the headline, else one above it (not the site's clock: ``_SITE_CLOCK``), else the
    date and time printed after the headline on its line (``stamp``), else an official document's place-and-date."""
    if found:
        return found
    dated = [(at, line) for at, line in enumerate(header) if parse_date_line(line)]
    above = next((line for at, line in dated if not (at == 0 and _clock(line, len(dated)))), None)
    return above or stamp or document_date_line([line for line in lines if line][:DOCUMENT_ZONE])


# today's weekday and date that a portal prints as the first line of every page, above its banner and menu ("Thứ năm
# 12/03/2026 15:47", "Thứ tư, 13/11/2019"): the day the page was read, not the day the bulletin was published
_SITE_CLOCK = re.compile(r"^(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\s*,?\s*\d{1,2}/\d{1,2}/\d{4}"
                         r"(?:\s*[,-]?\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*$", re.I)


def _clock(line: str, stamps: int) -> bool:
    """Whether the first line above the headline is the site's clock: today's weekday and date, or that with its
    time zone ("Chủ nhật, 24/11/2024 06:40 (GMT+7)") when another stamp, the article's, stands below it (alone,
    a stamp of that form is the article's own)."""
    return bool(_SITE_CLOCK.match(line) or (stamps > 1 and _ZONED_CLOCK.match(line)))


_ZONED_CLOCK = re.compile(_SITE_CLOCK.pattern.removesuffix(r"\s*$") + r"\s*\(?\s*GMT\s*[+-]\s*\d{1,2}\s*\)?\s*$", re.I)


def _headline_stamp(line: str, title: str | None) -> str | None:
    """The date line a page prints after the headline on the same line ("... Nghệ An (15/08/2019 09:58 AM)"),
    which ``title_trim`` took off the title."""
    rest = line[len(title):].strip() if title and line.startswith(title) else ""
    return rest if rest and parse_date_line(rest) else None


# a line end a page holds as the characters of its escape ("Sáng\\r\\nngày 25/6, ..."): the hard wrap of a text
# stored escaped, read as the space it stands for, or the words either side of it would be two sentences
_ESCAPED_WRAP = re.compile(r"\\r\\n")
_BULLET = re.compile(r"^[•◦▪▫●·‣]\s+")  # a list bullet a page prints before a line ("• Hội nghị ...", "• Thời gian
# đăng: ..."): markup, not words of the headline or the date line


def clean(text: str, title_hint: str | None = None, url: str | None = None) -> Cleaned:
    """Split scraped text into headline, date line and article body; ``url`` is the page's address."""
    patterns = load_patterns()
    text = _ESCAPED_WRAP.sub(" ", clean_unicode(text))
    page = _unglue_dates([_BULLET.sub("", " ".join(line.split())) for line in text.split("\n")])
    page = _unglue_headline(_unglue_headings(page), url)
    lines = _cut_tail(page, patterns)
    title_at, title = _find_title(lines, patterns, title_hint, url)
    title = _without_site_name(title, url) if title and not title_hint else title
    start = title_at + 1 if title_at is not None else _first_headline(lines, patterns) or 0
    header = [line for line in lines[:start] if line]
    body: list[str] = [line for line in header if _is_prose(line, patterns)]  # an excerpt opening mid-article
    header = [line for line in header if line not in body]
    published_line = None
    for offset, line in enumerate(lines[start:]):
        if not line or patterns.drop.fullmatch(line):
            continue
        if offset <= HEAD_ZONE and title and not body and folded_key(line) == folded_key(title):
            header.append(line)  # the headline printed again above the lead
            continue
        dated = parse_date_line(line)
        if dated and (dated[1] or offset <= HEAD_ZONE or title_at is None and not body):
            published_line = published_line or line
            header.append(line)
            continue
        body.append(line)
    stamp = _headline_stamp(lines[title_at], title) if title_at is not None else None
    published_line = _published_line(published_line, header, lines, stamp)
    if not body and title_at is not None:  # a one-paragraph bulletin: its line is title and text
        body = [lines[title_at]]
    kept = set(body) | ({lines[title_at]} if title_at is not None else set())
    aside = [line for line in page if line and line not in kept]
    return Cleaned(title=title, text="\n\n".join(body), published_line=published_line, header=header,
                   aside="\n".join(aside), numbers=own_numbers(page, title, patterns))
