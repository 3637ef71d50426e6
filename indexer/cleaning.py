"""Stage 2: page chrome out, headline and date line found, article text kept.

Works line by line with the patterns of ``indexer/data/chrome.json``:

1. the tail: from the first line that opens trailing furniture (related news,
   "Tin khác", visitor statistics, "Liên kết") once the article has begun, the
   rest of the page is dropped - with the dates and document numbers it lists;
2. the head: skip links, breadcrumbs and section banners before the headline
   are dropped; the first remaining line that reads like a headline is the
   title (or the line matching a title the page or the caller already knows);
3. the body: lines matching a ``drop`` pattern (view counters, print bars,
   share buttons, pagination) and publication-date lines are removed.

The author line and image captions stay: they are part of the article.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from search.textnorm import clean_unicode, folded_key

from .dates import parse_date_line
from .records import Cleaned

PATTERNS = Path(__file__).parent / "data" / "chrome.json"
HEAD_ZONE = 6  # unlabelled date lines are trusted this many lines after the headline
MIN_TITLE, MAX_TITLE = 8, 300
MIN_ARTICLE = 80  # characters of body text before a tail marker counts


@dataclass(frozen=True)
class ChromePatterns:
    drop: tuple[re.Pattern, ...]
    head: tuple[re.Pattern, ...]
    tail: tuple[re.Pattern, ...]


@cache
def load_patterns(path: Path = PATTERNS) -> ChromePatterns:
    """Compile the chrome patterns of a data file."""
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)

    def compile_all(key):
        return tuple(re.compile(p, re.I) for p in data[key])

    return ChromePatterns(drop=compile_all("drop"), head=compile_all("head"), tail=compile_all("tail"))


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


def _find_title(lines: list[str], patterns: ChromePatterns, hint: str | None) -> tuple[int | None, str | None]:
    """Index and text of the headline line (None, hint) when no line holds it."""
    if hint:
        wanted = folded_key(hint)
        for i, line in enumerate(lines[:40]):
            if line and folded_key(line) == wanted:
                return i, line
        return None, hint
    for i, line in enumerate(lines):
        if not line or any(_matches(group, line) for group in (patterns.head, patterns.drop, patterns.tail)):
            continue
        if parse_date_line(line):
            continue
        return (i, line) if _looks_like_title(line) else (None, None)
    return None, None


def clean(text: str, title_hint: str | None = None) -> Cleaned:
    """Split scraped text into headline, date line and article body."""
    patterns = load_patterns()
    lines = [" ".join(line.split()) for line in clean_unicode(text).split("\n")]
    lines = _cut_tail(lines, patterns)
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
    if published_line is None:
        published_line = next((line for line in header if parse_date_line(line)), None)
    if not body and title_at is not None:  # a one-paragraph bulletin: its line is title and text
        body = [lines[title_at]]
    return Cleaned(title=title, text="\n\n".join(body), published_line=published_line, header=header)
