"""The research views in a real headless Chromium against `cchc serve`: click a coverage cell, a map tile,
a cited document, a shares bar; by keyboard, in English and on a phone. Screenshots land in tests/artifacts/."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.browser import go, screenshot, serving
from tests.views_corpus import build_views_index

pytestmark = pytest.mark.slow  # a real Chromium, as the other browser tests

MOT_CUA = "q=m%E1%BB%99t+c%E1%BB%ADa"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("views-site")
    index = build_views_index(folder)
    with serving(index, folder / "corpus") as base:
        yield base


def _heading(browser) -> str:
    return browser.find_element(By.ID, "results-heading").text


def _hits(browser) -> list[str]:
    return sorted(a.get_attribute("href").rsplit("/", 1)[1].split("?")[0]
                  for a in browser.find_elements(By.CSS_SELECTOR, "ol.hits h2 a"))


def test_a_coverage_cell_opens_its_bulletins(site, browser):
    browser.get(f"{site}/coverage?{MOT_CUA}")
    summary = browser.find_element(By.ID, "coverage-summary").text
    assert summary.startswith("5 tin khớp; 3/63 tỉnh, thành phố có ít nhất một tin rõ kỳ báo cáo.")
    screenshot(browser, "coverage")
    cell = browser.find_element(By.CSS_SELECTOR, "td a[aria-label='Cao Bằng, Quý III 2021: 1']")
    go(browser, cell.click, "quarter=Q3")
    assert _heading(browser) == "1 kết quả cho một cửa" and _hits(browser) == ["v2"]


def test_a_coverage_cell_by_keyboard_in_english(site, browser):
    browser.get(f"{site}/coverage?{MOT_CUA}&scheme=2025&lang=en")
    cell = browser.find_element(By.CSS_SELECTOR, "td a[aria-label='Tuyên Quang, First half 2021: 1']")
    browser.execute_script("arguments[0].focus()", cell)
    assert browser.switch_to.active_element == cell
    go(browser, lambda: cell.send_keys(Keys.ENTER), "province_2025=Tuy")
    assert _heading(browser) == "1 results for một cửa" and _hits(browser) == ["v5"]


def test_a_map_tile_filters_by_click_and_keyboard(site, browser):
    browser.get(f"{site}/search?{MOT_CUA}")
    tile = browser.find_element(By.CSS_SELECTOR, "a.tile[data-province='Cao Bằng']")
    assert tile.get_attribute("aria-label") == "Cao Bằng: 2"
    screenshot(browser, "search-map")
    go(browser, browser.find_element(By.CSS_SELECTOR, "a.tile[data-province='Cao Bằng'] rect").click,
        "province=Cao")
    assert _heading(browser) == "2 kết quả cho một cửa" and _hits(browser) == ["v1", "v2"]
    other = browser.find_element(By.CSS_SELECTOR, "a.tile[data-province='Sơn La']")
    browser.execute_script("arguments[0].focus()", other)
    go(browser, lambda: other.send_keys(Keys.ENTER), "province=S%C6%A1n")  # a second province widens
    assert _heading(browser) == "3 kết quả cho một cửa" and _hits(browser) == ["v1", "v2", "v3"]


def test_a_cited_document_opens_the_bulletins_citing_it(site, browser):
    browser.get(f"{site}/documents/v2")
    go(browser, browser.find_element(By.LINK_TEXT, "107/2021/NĐ-CP").click, "refs=107")
    assert _heading(browser) == "2 kết quả" and _hits(browser) == ["v2", "v4"]
    chips = [c.text.replace("×", "").strip() for c in browser.find_elements(By.CSS_SELECTOR, "a.chip")]
    assert chips == ["107/2021/NĐ-CP"]
    facet = browser.find_element(By.XPATH, "//section[@aria-labelledby='facet-refs']//a[.//span[@class='label' "
                                           "and normalize-space()='30c/NQ-CP']]")
    go(browser, facet.click, "refs=30c")  # a second document widens
    assert _hits(browser) == ["v2", "v4", "v7"]


def test_share_bars_and_toggle(site, browser):
    browser.get(f"{site}/search?{MOT_CUA}&lang=en")
    go(browser, browser.find_element(By.CSS_SELECTOR, "a.chart-share").click, "chart=share")
    labels = [a.get_attribute("aria-label") for a in browser.find_elements(By.CSS_SELECTOR, "a.bar")]
    assert labels == ["2020: 50.0% (1 of 2)", "2021: 66.7% (4 of 6)"]
    screenshot(browser, "search-shares")
    go(browser, browser.find_element(By.CSS_SELECTOR, "a.bar[aria-label^='2021'] rect").click, "year=2021")
    assert _heading(browser) == "4 results for một cửa" and "chart=share" in browser.current_url


def test_coverage_opens_on_its_latest_year_with_names_and_totals_in_view(site, browser):
    browser.set_window_size(390, 844)
    try:
        browser.get(f"{site}/coverage?{MOT_CUA}")
        frame = browser.find_element(By.CSS_SELECTOR, ".matrix-scroll").rect
        years = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "table.coverage th.year")]
        periods = browser.find_elements(By.CSS_SELECTOR, "table.coverage th.period")
        first, last = periods[0].rect, periods[-1].rect  # Q1 of 2020, FY of 2021
        name = browser.find_element(By.CSS_SELECTOR, "table.coverage tbody th").rect
        total = browser.find_element(By.CSS_SELECTOR, "table.coverage tbody td.total").rect
        assert years == ["2020", "2021"] and len(periods) == 16
        assert frame["x"] <= name["x"] < total["x"] < frame["x"] + frame["width"] / 2  # names, then Σ, on the left
        assert total["x"] + total["width"] <= last["x"] and last["x"] + last["width"] <= frame["x"] + frame["width"] + 1
        assert first["x"] < total["x"]  # the earliest period is under the names or off to the left
        browser.set_window_size(1280, 1000)
        browser.get(f"{site}/coverage?{MOT_CUA}")  # a matrix that fits the page stands on its left
        frame = browser.find_element(By.CSS_SELECTOR, ".matrix-scroll").rect
        table = browser.find_element(By.CSS_SELECTOR, "table.coverage").rect
        assert table["width"] < frame["width"] - 100 and abs(table["x"] - frame["x"]) <= 2
    finally:
        browser.set_window_size(1280, 1000)


@pytest.mark.parametrize("path", [f"/coverage?{MOT_CUA}", f"/search?{MOT_CUA}"])
def test_views_fit_a_phone(site, browser, path):
    browser.set_window_size(390, 844)
    try:
        browser.get(site + path)
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
        if path.startswith("/search"):
            tiles = browser.find_element(By.CSS_SELECTOR, "svg.tiles").rect
            assert tiles["width"] >= 200 and tiles["x"] >= 0 and tiles["x"] + tiles["width"] <= 390
        screenshot(browser, "coverage-phone" if path.startswith("/coverage") else "search-map-phone")
    finally:
        browser.set_window_size(1280, 1000)
