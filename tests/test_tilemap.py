"""The tile-grid layouts of Viet Nam and the map's tiles."""

from __future__ import annotations

import pytest

from search.vocabulary import provinces, provinces_2025
from webapp.tilemap import EMPTY, SHADES, Tile, layout, size, tile_map


@pytest.mark.parametrize("scheme, names", [("63", {p.name for p in provinces()}), ("2025", set(provinces_2025()))])
def test_every_province_has_one_tile_of_its_own(scheme, names):
    cells = layout(scheme)
    assert set(cells) == names
    assert len({cell[:2] for cell in cells.values()}) == len(names)
    assert all(cell[2] and len(cell[2]) <= 4 for cell in cells.values())


@pytest.mark.parametrize("scheme, north, south", [
    ("63", "Hà Giang", "Cà Mau"), ("63", "Hà Nội", "Thừa Thiên Huế"), ("63", "Thừa Thiên Huế", "Hồ Chí Minh"),
    ("63", "Quảng Ninh", "Hải Phòng"), ("2025", "Cao Bằng", "Hà Nội"), ("2025", "Huế", "Khánh Hòa"),
    ("2025", "Đồng Nai", "Cà Mau")])
def test_tiles_keep_north_above_south(scheme, north, south):
    assert layout(scheme)[north][1] < layout(scheme)[south][1]


@pytest.mark.parametrize("scheme, west, east", [
    ("63", "Điện Biên", "Quảng Ninh"), ("63", "Kon Tum", "Quảng Ngãi"), ("63", "An Giang", "Hồ Chí Minh"),
    ("63", "Lâm Đồng", "Khánh Hòa"), ("2025", "Điện Biên", "Lạng Sơn"), ("2025", "An Giang", "Vĩnh Long")])
def test_tiles_keep_west_left_of_east(scheme, west, east):
    assert layout(scheme)[west][0] < layout(scheme)[east][0]


def test_tile_map_shades_by_count_and_keeps_gaps():
    tiles = tile_map({"Cao Bằng": 4, "Sơn La": 1}, "2025", ["Sơn La"])
    assert len(tiles) == 34 and size("2025") == (268, 565)
    by_name = {tile.province: tile for tile in tiles}
    assert by_name["Cao Bằng"] == Tile("Cao Bằng", "CB", 4, 200, 2, SHADES[4], "#ffffff", False)
    assert by_name["Sơn La"] == Tile("Sơn La", "SL", 1, 101, 35, SHADES[2], "#1f2933", True)
    assert by_name["Hà Nội"].fill == EMPTY and by_name["Hà Nội"].count == 0
    assert [t.province for t in tiles[:4]] == ["Lai Châu", "Lào Cai", "Tuyên Quang", "Cao Bằng"]  # north first
