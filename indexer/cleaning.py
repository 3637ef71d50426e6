"""Stage 2: page chrome out, headline and date line found, article text kept.

Works line by line with the patterns of ``indexer/data/chrome.json``:

1. the tail: from the first line that opens trailing furniture (related news,
   "Tin khác", visitor statistics, "Liên kết") once the article has begun, the
   rest of the page is dropped - with the dates and document numbers it lists;
2. the head: skip links, breadcrumbs and section banners before the headline
   are dropped; the first remaining line that reads like a headline is the
   title - unless a later headline-like line stands right before the date
   line (the first was a site banner), or the page is an official document
   ("Số: ... | KẾ HOẠCH | Cải cách ..."), whose title is its kind and subject.
   A title the page or the caller already knows locates its line instead;
3. the body: lines matching a ``drop`` pattern (view counters, print bars,
   share buttons, pagination) and publication-date lines are removed.

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
from pathlib import Path

from search.docnumbers import find_refs, ref_key
from search.textnorm import clean_unicode, folded_key

from .dates import document_date_line, parse_date_line, split_glued_date
from .records import Cleaned

PATTERNS = Path(__file__).parent / "data" / "chrome.json"
HEAD_ZONE = 6  # unlabelled date lines are trusted this many lines after the headline
MIN_TITLE, MAX_TITLE = 8, 300
MIN_ARTICLE = 80  # characters of body text before a tail marker counts
HEADLINE_ZONE = 15  # lines at the top where a document header or a date line places the headline
DOCUMENT_ZONE = 30  # lines at the top where an official document's place-and-date is read


@dataclass(frozen=True)
class ChromePatterns:
    drop: tuple[re.Pattern, ...]
    head: tuple[re.Pattern, ...]
    tail: tuple[re.Pattern, ...]
    document_types: tuple[str, ...] = ()
    document_header: tuple[re.Pattern, ...] = ()
    own_number: tuple[re.Pattern, ...] = ()


@cache
def load_patterns(path: Path = PATTERNS) -> ChromePatterns:
    """Compile the chrome patterns of a data file."""
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)

    def compile_all(key):
        return tuple(re.compile(p, re.I) for p in data[key])

    document = data.get("document", {"types": [], "header": []})
    return ChromePatterns(drop=compile_all("drop"), head=compile_all("head"), tail=compile_all("tail"),
                          document_types=tuple(document["types"]),
                          document_header=tuple(re.compile(p, re.I) for p in document["header"]),
                          own_number=tuple(re.compile(p, re.I) for p in document.get("own_number", ())))


def _matches(patterns, line: str) -> bool:
    return any(p.fullmatch(line) for p in patterns)


def _cut_tail(lines: list[str], patterns: ChromePatterns) -> list[str]:
    seen = 0
    for i, line in enumerate(lines):
        if seen >= MIN_ARTICLE and _matches(patterns.tail, line):
            return lines[:i]
        if not _matches(patterns.drop, line) and not _matches(patterns.head, line):
            seen += len(line)
    return lines


def _looks_like_title(line: str) -> bool:
    return MIN_TITLE <= len(line) <= MAX_TITLE and sum(c.isalpha() for c in line) >= 5


def _is_furniture(line: str, patterns: ChromePatterns) -> bool:
    return any(_matches(group, line) for group in (patterns.head, patterns.drop, patterns.tail))


def _document_title(lines: list[str], patterns: ChromePatterns) -> tuple[int, str] | None:
    """(index of the subject line, "KẾ HOẠCH Cải cách ...") of an official document's header, else None."""
    seen_header = False
    for i, line in enumerate(lines[:HEADLINE_ZONE]):
        seen_header = seen_header or _matches(patterns.document_header, line)
        if seen_header and line.isupper() and line.lower() in patterns.document_types:
            subject = next((j for j in range(i + 1, min(i + 4, len(lines))) if lines[j]), None)
            if subject is not None and _looks_like_title(lines[subject]):
                return subject, f"{line} {lines[subject]}"
    return None


_DAY_MONTH = re.compile(r"\b\d{1,2}/\d{1,2}\b")


def _is_headline(line: str) -> bool:
    """A headline-like line of four words or more, with no day and month (a lead sentence has them)."""
    return _looks_like_title(line) and len(line.split()) >= 4 and not _DAY_MONTH.search(line)


def _title_before_date(lines: list[str], patterns: ChromePatterns) -> int | None:
    """Index of the headline-like line right before the first date line near the top, else None."""
    for i, line in enumerate(lines[:HEADLINE_ZONE]):
        if line and parse_date_line(line):
            before = [j for j in range(i) if lines[j] and not _is_furniture(lines[j], patterns)]
            if before and _is_headline(lines[before[-1]]):
                return before[-1]
            return None
    return None


def _find_title(lines: list[str], patterns: ChromePatterns, hint: str | None) -> tuple[int | None, str | None]:
    """Index and text of the headline line (None, hint) when no line holds it.

    An official document's title is its kind and subject; a page's headline is the first line that reads
    like one, or the headline-like line right before the date line when that comes later (the first was a
    site banner or a section name).
    """
    if hint:
        wanted = folded_key(hint)
        for i, line in enumerate(lines[:40]):
            if line and folded_key(line) == wanted:
                return i, line
        return None, hint
    document = _document_title(lines, patterns)
    if document:
        return document
    first = next((i for i, line in enumerate(lines)
                  if line and not _is_furniture(line, patterns) and not parse_date_line(line)), None)
    anchored = _title_before_date(lines, patterns)
    if anchored is not None and (first is None or first <= anchored):
        return anchored, lines[anchored]
    if first is not None and _looks_like_title(lines[first]):
        return first, lines[first]
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


def _unglue_dates(lines: list[str]) -> list[str]:
    """Lines with a date stamp glued before a lead ("date 2025-08-07 Ngày 7-8, ...") split in two."""
    out: list[str] = []
    for line in lines:
        glued = split_glued_date(line)
        out.extend(glued if glued else [line])
    return out


def _published_line(found: str | None, header: list[str], lines: list[str]) -> str | None:
    """The date line found after the headline, else one above it, else an official document's place-and-date."""
    if found:
        return found
    above = next((line for line in header if parse_date_line(line)), None)
    return above or document_date_line([line for line in lines if line][:DOCUMENT_ZONE])


def clean(text: str, title_hint: str | None = None) -> Cleaned:
    """Split scraped text into headline, date line and article body."""
    patterns = load_patterns()
    page = _unglue_dates([" ".join(line.split()) for line in clean_unicode(text).split("\n")])
    lines = _cut_tail(page, patterns)
    title_at, title = _find_title(lines, patterns, title_hint)
    start = 0 if title_at is None else title_at + 1
    header = [line for line in lines[:start] if line]
    body: list[str] = []
    published_line = None
    for offset, line in enumerate(lines[start:]):
        if not line or _matches(patterns.drop, line):
            continue
        dated = parse_date_line(line)
        if dated and (dated[1] or offset <= HEAD_ZONE or title_at is None and not body):
            published_line = published_line or line
            header.append(line)
            continue
        body.append(line)
    published_line = _published_line(published_line, header, lines)
    if not body and title_at is not None:  # a one-paragraph bulletin: its line is title and text
        body = [lines[title_at]]
    kept = set(body) | ({lines[title_at]} if title_at is not None else set())
    aside = [line for line in page if line and line not in kept]
    return Cleaned(title=title, text="\n\n".join(body), published_line=published_line, header=header,
                   aside="\n".join(aside), numbers=own_numbers(page, title, patterns))
