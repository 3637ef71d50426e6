"""The province map as plain geometry: one square tile per province, shaded by its count, for an SVG template.

The layouts (``webapp/data/tilemap.json``) place every province on a grid by
its position relative to its neighbours: one layout for the 63 provinces
before July 2025, one for the 34 after the merger. ``tile_map`` turns the
province facet's counts into tiles with positions, a shade and the text the
template shows on hover and to screen readers; provinces without a matching
bulletin stay visible as pale gaps.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TILE, GAP, PAD = 30, 3, 2
SHADES = ("#dbe7f5", "#a9c6e8", "#6f9fd6", "#3b73b9", "#1d4e89")  # fewest to most bulletins
EMPTY = "#f1f3f5"
DARK_FROM = 3  # shades from this one on carry white text


@dataclass
class Tile:
    province: str
    short: str
    count: int
    x: float
    y: float
    fill: str
    ink: str
    selected: bool


@cache
def layout(scheme: str) -> dict[str, tuple[int, int, str]]:
    """province -> (column, row, short label) of a scheme ('63' or '2025')."""
    with open(Path(__file__).parent / "data" / "tilemap.json", encoding="utf-8") as handle:
        return {name: tuple(cell) for name, cell in json.load(handle)[scheme].items()}


def size(scheme: str) -> tuple[int, int]:
    """Width and height of the scheme's SVG."""
    cells = layout(scheme).values()
    columns, rows = max(c[0] for c in cells) + 1, max(c[1] for c in cells) + 1
    return columns * (TILE + GAP) + 2 * PAD, rows * (TILE + GAP) + 2 * PAD


def shade(count: int, peak: int) -> int:
    """The shade class of a count: -1 for none, else 0..4 by its share of the peak (square-root scale).

    >>> [shade(n, 100) for n in (0, 1, 30, 100)]
    [-1, 0, 2, 4]
    """
    if count <= 0 or peak <= 0:
        return -1
    return min(len(SHADES) - 1, int((count / peak) ** 0.5 * len(SHADES)))


def tile_map(counts: dict[str, int], scheme: str, selected: list[str]) -> list[Tile]:
    """Tiles of every province of ``scheme`` (north to south, west to east) with its count."""
    peak = max(counts.values(), default=0)
    tiles = []
    for name, (column, row, short) in sorted(layout(scheme).items(), key=lambda item: item[1][1::-1]):
        count = counts.get(name, 0)
        level = shade(count, peak)
        tiles.append(Tile(name, short, count, PAD + column * (TILE + GAP), PAD + row * (TILE + GAP),
                          EMPTY if level < 0 else SHADES[level], "#ffffff" if level >= DARK_FROM else "#1f2933",
                          name in selected))
    return tiles
