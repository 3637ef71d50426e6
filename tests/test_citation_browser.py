"""The Cite control and the citation downloads in a real headless Chromium against `cchc serve`.

The control is found, opened with the keyboard alone (Tab to it, Enter), read; its RIS link is followed by
the keyboard and the file lands in the download folder; every citation link answers with its format's media
type; on a phone-sized window the control is a full-width tap target and the page does not scroll sideways;
the result list's RIS export downloads the matches. Screenshots land in tests/artifacts/.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import rispy
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.browser import chromium, screenshot, serving

pytestmark = pytest.mark.slow  # a real Chromium against a real server

S2 = "002_3240b270d685cc74"
S2_TITLE = "KẾT QUẢ CÔNG TÁC CCHC 6 THÁNG ĐẦU NĂM 2014."
MEDIA_TYPES = {"cite-ris": "application/x-research-info-systems; charset=utf-8",
               "cite-bibtex": "application/x-bibtex; charset=utf-8",
               "cite-csl_json": "application/vnd.citationstyles.csl+json"}


@pytest.fixture(scope="module")
def site(sample_index):
    from tests.conftest import CORPUS

    with serving(sample_index, CORPUS) as base:
        yield base


@pytest.fixture(scope="module")
def downloads(tmp_path_factory):
    return tmp_path_factory.mktemp("citation-downloads")


@pytest.fixture(scope="module")
def browser(downloads):
    driver = chromium(downloads)
    yield driver
    driver.quit()


def _downloaded(path: Path) -> str:
    deadline = time.monotonic() + 15
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    return path.read_text(encoding="utf-8")


def _tab_to(browser, element, limit: int = 80) -> None:
    """Press Tab from the top of the page until ``element`` has the focus."""
    browser.find_element(By.TAG_NAME, "body").click()
    for _ in range(limit):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        if browser.switch_to.active_element == element:
            return
    raise AssertionError("the element is not reachable with Tab")


def _content_type(browser, url: str) -> str:
    return browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type')));", url)


def test_cite_opens_by_keyboard_and_downloads(site, browser, downloads):
    browser.get(f"{site}/documents/{S2}?lang=en")
    control = browser.find_element(By.CSS_SELECTOR, "details.cite")
    summary = control.find_element(By.TAG_NAME, "summary")
    citation = control.find_element(By.ID, "citation-text")
    assert summary.text == "Cite" and control.get_attribute("open") is None and not citation.is_displayed()

    _tab_to(browser, summary)
    summary.send_keys(Keys.ENTER)
    assert control.get_attribute("open") is not None and citation.is_displayed()
    assert citation.text == f"“{S2_TITLE}” 12 June 2014. In Vietnamese."
    screenshot(browser, "cite-open")

    links = {a.get_attribute("class"): a for a in control.find_elements(By.CSS_SELECTOR, ".cite-formats a")}
    assert list(links) == list(MEDIA_TYPES)
    assert {name: _content_type(browser, a.get_attribute("href")) for name, a in links.items()} == {
        name: "200 " + media for name, media in MEDIA_TYPES.items()}

    summary.send_keys(Keys.TAB)
    assert browser.switch_to.active_element == links["cite-ris"]
    links["cite-ris"].send_keys(Keys.ENTER)
    records = rispy.loads(_downloaded(downloads / f"cchc-{S2}.ris"))
    assert [(r["id"], r["title"], r["date"]) for r in records] == [(S2, S2_TITLE, "2014/06/12/")]

    summary.send_keys(Keys.ENTER)  # Enter closes it again
    assert control.get_attribute("open") is None
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE" and "favicon" not in e["message"]]
    assert errors == []  # no Content-Security-Policy violation (the JSON-LD is data, not a script)


def test_cite_on_a_phone(site, browser):
    browser.set_window_size(390, 844)
    try:
        browser.get(f"{site}/documents/{S2}")
        summary = browser.find_element(By.CSS_SELECTOR, "details.cite summary")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", summary)
        width = browser.execute_script("return document.documentElement.clientWidth")
        box = summary.rect
        assert summary.text == "Trích dẫn"
        assert box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= width
        summary.click()
        citation = browser.find_element(By.ID, "citation-text")
        assert citation.is_displayed() and citation.text == f"“{S2_TITLE}” ngày 12/6/2014."
        for link in browser.find_elements(By.CSS_SELECTOR, ".cite-formats a"):
            assert link.rect["height"] >= 44
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
        screenshot(browser, "cite-phone")
    finally:
        browser.set_window_size(1280, 1000)


def test_the_result_list_exports_ris(site, browser, downloads):
    browser.get(site + "/search?q=cai+cach+hanh+chinh&province=S%C6%A1n+La")
    link = browser.find_element(By.CSS_SELECTOR, "a.export-ris")
    assert _content_type(browser, link.get_attribute("href")) == "200 " + MEDIA_TYPES["cite-ris"]
    link.click()
    records = rispy.loads(_downloaded(downloads / "cchc-search.ris"))
    assert [(r["id"], r["title"]) for r in records] == [(S2, S2_TITLE)]
