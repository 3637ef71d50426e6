"""/figures in a real headless Chromium against `cchc serve`: pick an indicator, follow a value of the table to
its bulletin with the sentence marked and scrolled to; by keyboard, in English and on a phone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from indexer.builder import build_index
from tests.browser import go, screenshot, serving

pytestmark = pytest.mark.slow  # a real Chromium, as the other browser tests

FILES = Path(__file__).parent / "files" / "figures"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("figures-site")
    shutil.copytree(FILES, folder / "corpus")
    build_index(folder / "corpus", folder / "index", jobs=1)
    with serving(folder / "index", folder / "corpus") as base:
        yield base


def test_pick_an_indicator_and_open_a_value_at_its_sentence(site, browser):
    browser.get(f"{site}/figures")
    Select(browser.find_element(By.ID, "indicator")).select_by_value("dossiers_received")
    go(browser, browser.find_element(By.CSS_SELECTOR, "form.searchbox button[type=submit]").click,
       "indicator=dossiers_received")
    assert browser.find_element(By.ID, "figures-summary").text == "3 số liệu “Hồ sơ tiếp nhận” (số lượng)"
    rows = [[cell.text for cell in row.find_elements(By.CSS_SELECTOR, "th, td")]
            for row in browser.find_elements(By.CSS_SELECTOR, "table.figures tbody tr")]
    assert rows == [["Cao Bằng", "", "12.345"], ["Bảo Lạc, Cao Bằng (cấp huyện)", "", "1.439"],
                    ["Sơn La", "59.720", ""]]
    screenshot(browser, "figures")
    go(browser, browser.find_element(By.LINK_TEXT, "1.439").click, "figure=641-787")
    marked = browser.find_element(By.CSS_SELECTOR, "mark.figure-sentence")
    assert marked.text.startswith("Riêng UBND huyện Bảo Lạc đã tiếp nhận 1.439 hồ sơ")
    assert browser.execute_script("return location.hash") == "#figure-641"
    top = browser.execute_script("return arguments[0].getBoundingClientRect().top", marked)
    assert 0 <= top < browser.execute_script("return window.innerHeight")  # scrolled into view
    screenshot(browser, "figure-sentence")


def test_by_keyboard_in_english(site, browser):
    browser.get(f"{site}/figures?indicator=par_index_score&lang=en")
    assert browser.find_element(By.ID, "figures-summary").text == "1 figures of “PAR INDEX score” (score)"
    value = browser.find_element(By.CSS_SELECTOR, "a.figure-value")
    browser.execute_script("arguments[0].focus()", value)
    assert browser.switch_to.active_element == value and value.text == "85.12"
    go(browser, lambda: value.send_keys(Keys.ENTER), "figure=")
    assert browser.find_element(By.CSS_SELECTOR, "mark.figure-sentence").text.startswith(
        "Theo kết quả do Bộ Nội vụ công bố, Chỉ số cải cách hành chính năm 2023")
    assert browser.find_element(By.ID, "figures-heading").text == "Figures in this bulletin"


def test_the_figures_page_fits_a_phone(site, browser):
    browser.set_window_size(390, 844)
    try:
        browser.get(f"{site}/figures?indicator=dossiers_received")
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
        chart = browser.find_element(By.CSS_SELECTOR, "figure.figure-chart svg").rect
        assert chart["width"] >= 200 and chart["x"] >= 0 and chart["x"] + chart["width"] <= 390
        screenshot(browser, "figures-phone")

    finally:
        browser.set_window_size(1280, 1000)


SPANS = [("01/01/2019", "15/03/2019"), ("01/01/2019", "20/06/2019"), ("01/01/2019", "15/09/2019"),
         ("01/01/2019", "15/12/2019"), ("01/01/2020", "15/03/2020"), ("01/01/2020", "20/06/2020"),
         ("01/01/2020", "15/09/2020"), ("01/01/2020", "15/12/2020"), ("01/01/2021", "15/03/2021"),
         ("01/01/2021", "20/06/2021"), ("01/01/2021", "15/09/2021"), ("01/01/2021", "15/12/2021")]


@pytest.fixture(scope="module")
def many_periods(tmp_path_factory):
    """Twelve of a province's reports, each dated by a span of days: twelve long labels on the chart's axis."""
    folder = tmp_path_factory.mktemp("figures-periods")
    (folder / "corpus").mkdir()
    for n, (first, last) in enumerate(SPANS):
        day, month, year = last.split("/")
        (folder / "corpus" / f"caobang-{n:02d}.txt").write_text(
            f"Cao Bằng: kết quả giải quyết thủ tục hành chính đến ngày {day}/{month}/{year}\n\n"
            f"Ngày đăng: {int(day) + 2:02d}/{month}/{year}\n\n"
            f"Từ ngày {first} đến ngày {last}, các cơ quan, đơn vị trên địa bàn tỉnh Cao Bằng đã tiếp nhận "
            f"{4000 + 100 * n} hồ sơ thủ tục hành chính, tỷ lệ hồ sơ giải quyết đúng hạn đạt 9{n % 10},5%, phần "
            f"lớn hồ sơ được nộp qua Cổng Dịch vụ công của tỉnh.\n", encoding="utf-8")
    build_index(folder / "corpus", folder / "index", jobs=1)
    with serving(folder / "index", folder / "corpus") as base:
        yield base


def test_the_chart_spreads_its_values_and_its_period_labels_never_overlap(many_periods, browser):
    browser.get(f"{many_periods}/figures?indicator=dossiers_on_time&unit=%25")
    boxes = browser.execute_script(
        "const svg = document.querySelector('figure.figure-chart svg');"
        "const bottom = svg.viewBox.baseVal.height - 12;"
        "return [...svg.querySelectorAll('text.axis')].filter(t => t.y.baseVal[0].value === bottom)"
        ".map(t => { const r = t.getBoundingClientRect(); return [t.textContent, r.left, r.right]; });")
    circles = browser.find_elements(By.CSS_SELECTOR, "figure.figure-chart circle")
    heights = [float(circle.get_attribute("cy")) for circle in circles]
    assert len(heights) == len(SPANS)
    assert max(heights) - min(heights) >= 60  # shares of 90.5-99.5% spread over the chart (120 high), not its top
    labels = [label for label, _, _ in boxes]
    assert labels[0] == "15/03/2019" and labels[-1] == "15/12/2021" and len(labels) >= 3  # spans by their end
    assert all(left >= right_before for (_, _, right_before), (_, left, _) in zip(boxes, boxes[1:], strict=False))
    chart = browser.find_element(By.CSS_SELECTOR, "figure.figure-chart svg").rect
    assert boxes[0][1] >= chart["x"] and boxes[-1][2] <= chart["x"] + chart["width"]  # inside the chart
    screenshot(browser, "figures-chart-periods")


def test_on_a_phone_the_chart_s_labels_stay_readable_and_apart(many_periods, browser):
    browser.set_window_size(390, 844)
    try:
        browser.get(f"{many_periods}/figures?indicator=dossiers_on_time&unit=%25")
        boxes = browser.execute_script(
            "return [...document.querySelectorAll('figure.figure-chart svg text.axis')]"
            ".filter(t => getComputedStyle(t).display !== 'none' && t.classList.contains('tick-narrow'))"
            ".map(t => { const r = t.getBoundingClientRect(); return [t.textContent, r.left, r.right, r.height]; });")
        hidden = browser.execute_script(
            "return [...document.querySelectorAll('figure.figure-chart svg text.tick-wide')]"
            ".every(t => getComputedStyle(t).display === 'none');")
        assert hidden and len(boxes) >= 2
        box, page = (browser.find_element(By.CSS_SELECTOR, css).rect for css in ("#q", "main, body"))
        assert box["width"] >= 0.8 * page["width"]  # the search box stacked across the page, not left narrow
        assert boxes[0][0] == "15/03/2019" and boxes[-1][0] == "15/12/2021"
        assert min(height for *_, height in boxes) >= 9  # px on the screen: readable, not an 11-unit text shrunk
        assert all(left >= right_before for (_, _, right_before, _), (_, left, _, _) in zip(boxes, boxes[1:],
                                                                                              strict=False))
        screenshot(browser, "figures-chart-phone")
    finally:
        browser.set_window_size(1280, 1000)


@pytest.fixture(scope="module")
def places_site(tmp_path_factory):
    """Two provinces' bulletins whose rows have long names ("Ngân hàng Nhà nước, Long An (agency)")."""
    folder = tmp_path_factory.mktemp("figures-places")
    shutil.copytree(Path(__file__).parent / "files" / "figure_places", folder / "corpus")
    build_index(folder / "corpus", folder / "index", jobs=1)
    with serving(folder / "index", folder / "corpus") as base:
        yield base


def test_on_a_phone_in_english_the_menu_wraps_and_names_leave_room_for_values(places_site, browser):
    browser.set_window_size(390, 844)
    try:
        browser.get(f"{places_site}/figures?indicator=par_index_score&lang=en")
        width = browser.execute_script("return document.documentElement.clientWidth")
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width  # no sideways scroll
        names = [cell.rect["width"] for cell in browser.find_elements(By.CSS_SELECTOR, "table.figures tbody th")]
        assert len(names) == 5 and max(names) <= 0.5 * width  # long names wrap in the sticky column
        screenshot(browser, "figures-phone-en")
    finally:
        browser.set_window_size(1280, 1000)
