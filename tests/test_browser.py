"""The research path in a real headless Chromium against `cchc serve` on a loopback port.

Search, tick two facets, follow a chart bar, open a bulletin, go back, export
CSV - asserting what is on the page. Screenshots land in tests/artifacts/.
"""

from __future__ import annotations

import csv
import io
import time

import pytest
from selenium.webdriver.common.by import By

from tests.browser import chromium, go, screenshot, serving

pytestmark = pytest.mark.slow  # a real Chromium against a real server


@pytest.fixture(scope="module")
def site(sample_index, tmp_path_factory):
    from tests.conftest import CORPUS

    with serving(sample_index, CORPUS) as base:
        yield base


@pytest.fixture(scope="module")
def downloads(tmp_path_factory):
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads):
    driver = chromium(downloads)
    yield driver
    driver.quit()


def _hits(browser) -> list[str]:
    return [a.text for a in browser.find_elements(By.CSS_SELECTOR, "ol.hits h2 a")]


def _heading(browser) -> str:
    return browser.find_element(By.ID, "results-heading").text




def _facet(browser, label: str):
    return browser.find_element(By.XPATH, f"//aside//a[.//span[@class='label' and normalize-space()='{label}']]")


def test_search_facets_chart_document_back_and_export(site, browser, downloads):
    browser.get(site + "/")
    box = browser.find_element(By.ID, "q")
    box.send_keys("cai cach hanh chinh")
    go(browser, box.submit, "q=cai+cach")
    assert _heading(browser) == "5 kết quả cho cai cach hanh chinh"  # the quotes of <q> are drawn by CSS
    assert "cải cách hành chính" in browser.find_element(By.CSS_SELECTOR, ".suggestion").text

    go(browser, _facet(browser, "Cao Bằng").click, "province=Cao")
    assert _heading(browser).startswith("1 kết quả")
    go(browser, _facet(browser, "Sơn La").click, "province=S%C6%A1n")  # a second province widens
    assert _heading(browser).startswith("2 kết quả")
    assert sorted(_hits(browser)) == ["KẾT QUẢ CÔNG TÁC CCHC 6 THÁNG ĐẦU NĂM 2014.",
                                      "Kết quả thực hiện công tác cải cách hành chính trên địa bàn tỉnh Quý I/2022"]
    chips = [c.text.replace("×", "").strip() for c in browser.find_elements(By.CSS_SELECTOR, "a.chip")]
    assert chips == ["Cao Bằng", "Sơn La"]
    screenshot(browser, "search-page")

    go(browser, browser.find_element(By.CSS_SELECTOR, "a.bar[aria-label^='2014'] rect").click, "year=2014")
    assert _hits(browser) == ["KẾT QUẢ CÔNG TÁC CCHC 6 THÁNG ĐẦU NĂM 2014."]
    filtered_url = browser.current_url

    go(browser, browser.find_element(By.CSS_SELECTOR, "ol.hits h2 a").click, "/documents/")  # open the bulletin
    assert browser.find_element(By.TAG_NAME, "h1").text == "KẾT QUẢ CÔNG TÁC CCHC 6 THÁNG ĐẦU NĂM 2014."
    metadata = browser.find_element(By.CSS_SELECTOR, "dl.metadata").text
    assert "Sơn La" in metadata and "6 tháng đầu năm" in metadata and "2014-06-12" in metadata
    marks = {m.text.lower() for m in browser.find_elements(By.CSS_SELECTOR, ".text mark")}
    assert "cải cách hành chính" in marks
    screenshot(browser, "bulletin-page")

    go(browser, browser.back, "year=2014")  # the back button restores the filtered search
    assert browser.current_url == filtered_url
    assert _hits(browser) == ["KẾT QUẢ CÔNG TÁC CCHC 6 THÁNG ĐẦU NĂM 2014."]

    browser.find_element(By.CSS_SELECTOR, "a.export").click()
    target = downloads / "cchc-search.csv"
    deadline = time.monotonic() + 15
    while not target.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert [(r["id"], r["province"], r["year"], r["quarter"]) for r in rows] == [
        ("002_3240b270d685cc74", "Sơn La", "2014", "H1")]


def test_english_switch_and_keyboard(site, browser):
    browser.get(site + "/search?q=m%E1%BB%99t+c%E1%BB%ADa")
    go(browser, browser.find_element(By.LINK_TEXT, "EN").click, "lang=en")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert _heading(browser) == "4 results for một cửa"
    skip = browser.find_element(By.CSS_SELECTOR, "a.skip")
    browser.find_element(By.TAG_NAME, "body").send_keys("\t")
    assert browser.switch_to.active_element == skip
    assert browser.find_element(By.CSS_SELECTOR, "label[for=q]").text == "Search terms"


def test_bad_input_shows_a_message_not_an_error_page(site, browser):
    browser.get(site + "/search?q=%22unclosed&page=abc")
    assert browser.find_element(By.CSS_SELECTOR, ".error .message").text == (
        "'page' phải là một số nguyên, không phải 'abc'.")
    browser.get(site + "/search?q=%22unclosed&lang=en")
    assert browser.find_element(By.CSS_SELECTOR, ".error .message").text == (
        "Unbalanced quote: the phrase opened at character 1 is not closed.")
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE" and "favicon" not in e["message"]]
    assert [e for e in errors if "400" not in e["message"]] == []


def test_readable_on_a_phone(site, browser):
    browser.set_window_size(390, 844)
    try:
        browser.get(site + "/search?q=m%E1%BB%99t+c%E1%BB%ADa")
        facets = browser.find_element(By.CSS_SELECTOR, "aside.facets").rect
        results = browser.find_element(By.CSS_SELECTOR, "section.results").rect
        assert results["y"] < facets["y"] and abs(facets["x"] - results["x"]) < 2  # one column, results first
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390  # no sideways scroll
        screenshot(browser, "search-page-phone")
    finally:
        browser.set_window_size(1280, 1000)
