"""Figure stage, tables: a ranking of units printed as a table, read as each unit's score and rank.

Portals and papers print an index's results per unit as a table, which reaches the indexer flattened in one of
two shapes: a row a line ("1 Văn phòng UBND tỉnh 71.5 69.25 96.85% Tốt" under "STT TÊN CƠ QUAN Điểm tối đa
Điểm thẩm định Tỷ lệ đạt Xếp loại"), or a cell a line ("1", "Bộ Tư pháp", "61.86", "28.10", "89.95", "89.95",
then "2", ...: as many lines a row as its header has column names). The header's column names
(``table_columns`` in ``search/data/indicators.json``) say which cell is the unit, the score and the rank: the
score is its score column's (the index as a share of each unit's maximum, the index, or the total points) and
none when two such columns disagree (which one is the index would be a guess); a rank only from a printed rank
column (a row number is the table's order, no rank). A row whose cells do not fit its header is not read.

``table_rows`` returns plain rows; ``indexer.figures`` gives them their index, scope and period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from search.figures import indicator_data
from search.textnorm import normalize_key

from .numbers import parse_number

SCORES = ("share", "index", "total")  # the columns a score is read from
MAX_COLUMNS = 10
HEADER_LINES = 14  # lines above a cell-a-line table's first row its header is sought in
HEADER_WORDS = 30  # a header printed on one line is at most this long (a sentence naming columns is no header)


@dataclass(frozen=True)
class TableRow:
    start: int  # where the row stands in the text
    end: int
    line: str  # the row as printed (its cells joined by spaces when printed a cell a line)
    unit: str  # the unit's name as printed
    score: float | None
    rank: int | None


@cache
def _column_names() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern of every column name (longest first) and the kind of each."""
    kinds = {normalize_key(name): kind for kind, names in indicator_data()["table_columns"].items() for name in names}
    names = "|".join(re.escape(name) for name in sorted(kinds, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{names})(?!\w)"), kinds


def columns(header: str) -> list[str]:
    """The kinds of the column names ``header`` holds, in order.

    >>> columns("STT TÊN CƠ QUAN Điểm tối đa Điểm thẩm định Tỷ lệ đạt Xếp loại")
    ['row', 'unit', 'other', 'other', 'share', 'other']
    """
    pattern, kinds = _column_names()
    return [kinds[m.group()] for m in pattern.finditer(normalize_key(header))]


def _read(kinds: list[str], cells: list[str]) -> tuple[str, float | None, int | None] | None:
    """(unit, score, rank) of a row's cells under columns of ``kinds``; None when they do not fit."""
    if len(kinds) != len(cells) or kinds.count("unit") != 1:
        return None
    scores: list[float] = []
    unit, rank = "", None
    for kind, cell in zip(kinds, cells, strict=True):
        if kind == "unit":
            unit = cell
            if not _NAMED.search(cell) or parse_number(cell) is not None:
                return None
            continue
        value = parse_number(cell)
        if kind in ("row", "rank") and not _PLACE.fullmatch(cell) or value is None and kind != "other":
            return None  # a grade ("Tốt", "A") may stand in another column, never a number's place
        if kind == "rank":
            rank = int(value)
        elif kind in SCORES:
            scores.append(value)
    score = scores[0] if len(set(scores)) == 1 else None  # two score columns that disagree ("Tổng điểm" and the
    # share of a maximum): which one the index is is a guess, so none is read
    return (unit, score, rank) if score is not None or rank else None


_NAMED = re.compile(r"[^\W\d_]{2}")  # a cell with a word in it: a unit's name
_PLACE = re.compile(r"\d{1,3}")  # a row number or a rank


_ROW = re.compile(r"(?P<n>\d{1,3})\.?\s+(?P<unit>[^\d%|]*?[^\W\d_][^\d%|]*?)\s+"
                  r"(?P<values>\d{1,3}(?:[.,]\d{1,3})?%?(?:\s+\d{1,3}(?:[.,]\d{1,3})?%?)*)(?P<rest>(?:\s+[^\W\d_]+)*)\s*")


def _row_a_line(kinds: list[str], line: str) -> tuple[str, float | None, int | None] | None:
    """A row printed on one line: its number, the unit's name, the numbers, maybe a grade word."""
    found = _ROW.fullmatch(line)
    if not found:
        return None
    cells = [found.group("n"), found.group("unit").strip(), *found.group("values").split()]
    rest = found.group("rest").split()
    if rest and kinds and kinds[-1] == "other" and len(cells) == len(kinds) - 1:
        cells.append(" ".join(rest))  # "Tốt", "Khá": a grade column
    return _read(kinds, cells)


def table_rows(text: str) -> list[TableRow]:
    """The rows of every table of units ``text`` prints (see the module's docstring)."""
    lines = [(m.start(), m.end(), m.group().strip()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    return _rows_a_line(lines) + _cells_a_line(lines)


def _rows_a_line(lines: list[tuple[int, int, str]]) -> list[TableRow]:
    rows, kinds = [], None
    for start, end, line in lines:
        found = columns(line) if len(line.split()) <= HEADER_WORDS and not line.endswith(".") else []
        if len(found) >= 3 and "unit" in found and any(k in found for k in (*SCORES, "rank")):
            kinds = found  # a header: the rows below it follow its columns
            continue
        read = _row_a_line(kinds, line) if kinds else None
        if read:
            rows.append(TableRow(start, end, line, *read))
    return rows


def _cells_a_line(lines: list[tuple[int, int, str]]) -> list[TableRow]:
    """Rows of a table printed a cell a line: a "1" followed by a name, then a "2" as many lines further on as
    the header before them has columns, and so on."""
    rows, at = [], 0
    texts = [line for _, _, line in lines]
    while at < len(texts):
        width = _width(texts, at)
        if width is None:
            at += 1
            continue
        kinds = columns(" ".join(texts[max(0, at - HEADER_LINES):at]))[-width:]
        found = []
        while at + width <= len(texts):
            cells = texts[at:at + width]
            read = _read(kinds, cells)
            if read is None or not _PLACE.fullmatch(cells[0]):
                break
            found.append(TableRow(lines[at][0], lines[at + width - 1][1], " ".join(cells), *read))
            at += width
        rows += found
        at += 1 if not found else 0
    return rows


def _width(texts: list[str], at: int) -> int | None:
    """The row width of a cell-a-line table whose first row starts at ``at`` ("1", a name, ... "2"), else None."""
    if texts[at] != "1" or at + 1 >= len(texts) or not _NAMED.search(texts[at + 1]):
        return None
    for width in range(3, MAX_COLUMNS + 1):
        if at + 2 * width < len(texts) and texts[at + width] == "2" and texts[at + 2 * width] == "3":
            return width
    return None
