"""The embeddable widget: its server side through Flask, and a real Chromium on a host page of another origin."""

from __future__ import annotations

import json
import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from indexer.builder import build_index
from tests.browser import free_port, screenshot, serving
from tests.conftest import CORPUS
from webapp import create_app

XSS = {"id": "xss-1", "title": "Một cửa <img src=x onerror=\"window.__xss=1\">",
       "text": "Một cửa liên thông <img src=x onerror=\"window.__xss=1\"> <script>window.__xss=2</script> tỉnh.",
       "province": "Cao Bằng", "year": 2023, "quarter": "Q2", "topics": ["thu_tuc"]}
HOSTILE_CSS = """
  * { color: red !important; font-size: 31px !important; font-family: serif !important; }
  li, a, mark, input { display: inline !important; background: black !important; }
  cchc-search { --unrelated: 1; }
"""


# -- server side -----------------------------------------------------------------------------------
def test_widget_script_is_cached_versioned_and_cross_origin(sample_index):
    client = create_app({"INDEX": str(sample_index), "CORS_ORIGINS": "https://portal.example.vn"}).test_client()
    first = client.get("/widget.js", headers={"Origin": "https://portal.example.vn"})
    assert first.status_code == 200
    assert first.mimetype == "text/javascript"
    assert first.headers["Cache-Control"] == "public, max-age=3600"
    assert first.headers["Access-Control-Allow-Origin"] == "https://portal.example.vn"
    assert client.get("/widget.js", headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
    other = client.get("/widget.js", headers={"Origin": "https://elsewhere.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
    assert "Access-Control-Allow-Origin" not in client.get("/search").headers  # pages are not shared


def test_embed_and_builder_pages(sample_index):
    client = create_app({"INDEX": str(sample_index)}).test_client()
    embed = client.get("/embed?province=cao+bang&year=2022&lang=en").get_data(as_text=True)
    assert '<cchc-search province="Cao Bằng" year="2022" lang="en"></cchc-search>' in embed
    builder = client.get("/widget?province=S%C6%A1n+La&per_page=3").get_data(as_text=True)
    assert ("&lt;script src=&#34;http://localhost/widget.js&#34; defer&gt;&lt;/script&gt;\n"
            "&lt;cchc-search province=&#34;Sơn La&#34; per-page=&#34;3&#34;&gt;&lt;/cchc-search&gt;") in builder
    assert '<cchc-search province="Sơn La" per-page="3"></cchc-search>' in builder
    assert client.get("/embed?year=abc").status_code == 400
    assert client.get("/widget?per_page=99").status_code == 400


# -- in a real browser, on another origin ------------------------------------------------------------
@pytest.fixture(scope="module")
def widget_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("widget")
    corpus = root / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "extra.jsonl").write_text(json.dumps(XSS, ensure_ascii=False), encoding="utf-8")
    build_index(corpus, root / "index", jobs=1)
    with serving(root / "index", corpus) as base:
        yield base


@pytest.fixture(scope="module")
def host(widget_site, tmp_path_factory):
    """Host pages on a second loopback port: a different origin from the search server."""
    folder = tmp_path_factory.mktemp("host")
    script = f'<script src="{widget_site}/widget.js" defer></script>'
    head = '<!doctype html><meta charset=utf-8><link rel="icon" href="data:,">'
    (folder / "plain.html").write_text(f"{head}<body>{script}"
                                       '<cchc-search per-page="5"></cchc-search></body>', encoding="utf-8")
    (folder / "hostile.html").write_text(
        f"{head}<style>{HOSTILE_CSS}</style><body><h1>Cổng thông tin tỉnh</h1>"
        f'{script}<cchc-search per-page="5"></cchc-search>'
        '<cchc-search id="preset" province="Cao Bằng" per-page="10" lang="en"></cchc-search></body>',
        encoding="utf-8")
    handler = partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _shadow(browser, selector="cchc-search"):
    return browser.find_element(By.CSS_SELECTOR, selector).shadow_root


def _settled(browser, selector="cchc-search"):
    script = f"var h=document.querySelector('{selector}');return h && h.shadowRoot && !h.hasAttribute('aria-busy')" \
             " && h.shadowRoot.querySelector('.status').textContent.length > 0;"
    WebDriverWait(browser, 15).until(lambda b: b.execute_script(script))


def _titles(browser, selector="cchc-search"):
    return [a.text for a in _shadow(browser, selector).find_elements(By.CSS_SELECTOR, "li a.title")]


def _style(browser, selector, inner):
    return browser.execute_script(
        "var n=document.querySelector(arguments[0]).shadowRoot.querySelector(arguments[1]);"
        "var s=getComputedStyle(n);return [s.color,s.fontSize,s.fontFamily,s.display,s.backgroundColor];",
        selector, inner)


@pytest.mark.slow  # a real Chromium
def test_widget_on_another_origin(host, widget_site, browser):
    browser.get(host + "/hostile.html")
    _settled(browser)
    assert len(_titles(browser)) == 5  # the latest bulletins before anything is typed
    box = _shadow(browser).find_element(By.CSS_SELECTOR, "input")
    # best match: the five bulletins with both words ("mot cua" and "lien thong" stand side by side in the
    # index, so each pair is one word); the sixth holds only "thông", none of the words
    box.send_keys("mot cua lien thong")
    WebDriverWait(browser, 15).until(
        lambda b: _shadow(b).find_element(By.CSS_SELECTOR, ".status").text == "5 kết quả")
    marks = [m.text.lower() for m in _shadow(browser).find_elements(By.CSS_SELECTOR, "li .snippet mark")]
    assert "một cửa liên thông" in marks

    # the bulletin with markup in it shows the markup as text, and nothing ran
    snippets = [p.text for p in _shadow(browser).find_elements(By.CSS_SELECTOR, "li .snippet")]
    assert any('<img src=x onerror="window.__xss=1">' in s for s in snippets)
    assert browser.execute_script("return window.__xss === undefined")
    assert _shadow(browser).find_elements(By.CSS_SELECTOR, "img, script") == []

    # narrow with a year chip
    chip = _shadow(browser).find_element(By.CSS_SELECTOR, "button.chip[data-facet=year][data-value='2022']")
    chip.click()
    WebDriverWait(browser, 15).until(
        lambda b: _shadow(b).find_element(By.CSS_SELECTOR, ".status").text == "2 kết quả")
    assert _shadow(browser).find_element(
        By.CSS_SELECTOR, "button.chip[data-value='2022']").get_attribute("aria-pressed") == "true"
    screenshot(browser, "widget-in-host-page")

    # keyboard: arrow into the results, escape clears
    box.send_keys(Keys.ARROW_DOWN)
    focused = browser.execute_script("return document.querySelector('cchc-search').shadowRoot.activeElement.className")
    assert focused == "title"

    # "more results" opens the full search with the same state
    more = _shadow(browser).find_element(By.CSS_SELECTOR, "a.more").get_attribute("href")
    assert more == f"{widget_site}/search?q=mot+cua+lien+thong&year=2022"
    browser.get(more)  # get() waits for the page to load
    assert browser.find_element(By.ID, "results-heading").text == "2 kết quả cho mot cua lien thong"


@pytest.mark.slow  # a real Chromium
def test_the_status_says_when_the_answer_was_widened_or_a_number_searched_by_its_issuer(host, browser):
    browser.get(host + "/plain.html")
    _settled(browser)
    box = _shadow(browser).find_element(By.CSS_SELECTOR, "input")
    box.send_keys("sáng kiến tỉnh")  # one bulletin holds both words, the five others only "tỉnh"
    WebDriverWait(browser, 15).until(
        lambda b: _shadow(b).find_element(By.CSS_SELECTOR, ".status").text == "6 kết quả (1 chứa đủ các từ)")
    assert len(_titles(browser)) == 5
    box.clear()
    box.send_keys('"chính quyền số"')  # one bulletin holds the phrase, four its words apart
    WebDriverWait(browser, 15).until(
        lambda b: _shadow(b).find_element(By.CSS_SELECTOR, ".status").text == "5 kết quả (1 chứa đúng cụm từ)")
    box.clear()
    box.send_keys("99/SNV-CCHC")  # the samples cite 362/SNV-CCHC only
    WebDriverWait(browser, 15).until(
        lambda b: _shadow(b).find_element(By.CSS_SELECTOR, ".status").text
        == "1 kết quả (dẫn văn bản cùng ký hiệu thay cho 99/SNV-CCHC)")


@pytest.mark.slow  # a real Chromium
def test_preset_province_limits_results_and_host_css_does_not_leak(host, browser):
    browser.get_log("browser")  # only this test's messages count
    browser.get(host + "/hostile.html")
    _settled(browser, "#preset")
    metas = [m.text for m in _shadow(browser, "#preset").find_elements(By.CSS_SELECTOR, "li .meta")]
    assert metas and all(m.startswith("Cao Bằng") for m in metas)
    assert _shadow(browser, "#preset").find_element(By.CSS_SELECTOR, ".status").text == "Latest bulletins"
    hostile = [_style(browser, "#preset", sel) for sel in ("li a.title", "input", "li")]
    browser.get(host + "/plain.html")
    _settled(browser)
    browser.execute_script("document.querySelector('cchc-search').setAttribute('province', 'Cao Bằng');"
                           "document.querySelector('cchc-search').setAttribute('lang', 'en');")
    _settled(browser)
    plain = [_style(browser, "cchc-search", sel) for sel in ("li a.title", "input", "li")]
    assert hostile == plain
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


@pytest.mark.slow  # a real Chromium
def test_unreachable_api_shows_a_message(host, browser):
    browser.get(host + "/plain.html")
    _settled(browser)
    browser.execute_script(
        "document.querySelector('cchc-search').setAttribute('api', 'http://127.0.0.1:9');")
    WebDriverWait(browser, 15).until(lambda b: _shadow(b).find_element(
        By.CSS_SELECTOR, ".status").text == "Không kết nối được máy chủ tìm kiếm.")
    assert _titles(browser) == []


@pytest.mark.slow  # a real Chromium
def test_a_refused_preset_is_explained_in_the_widgets_language(host, browser):
    """A portal that misspells a preset sees why no result shows, in the language its widget speaks."""
    browser.get(host + "/plain.html")
    _settled(browser)
    status = "return document.querySelector('cchc-search').shadowRoot.querySelector('.status').textContent"
    shown = []
    for lang in ("vi", "en"):
        browser.execute_script("var w=document.querySelector('cchc-search');w.setAttribute('lang', arguments[0]);"
                               "w.setAttribute('province', 'Atlantis');", lang)
        WebDriverWait(browser, 15).until(lambda b: "Atlantis" in b.execute_script(status))
        shown.append(browser.execute_script(status))
    assert shown == ["Không rõ tỉnh, thành phố 'Atlantis': cần tên một tỉnh, thành phố như 'Cao Bằng' hoặc 'cao bang'.",
                     "Unknown province 'Atlantis': expected a province name such as 'Cao Bằng' or 'cao bang'."]
    assert _titles(browser) == []


@pytest.mark.slow  # a real Chromium
def test_embed_page_works_under_its_content_security_policy(widget_site, browser):
    browser.get_log("browser")  # drop what earlier tests logged (one points a widget at a dead server)
    browser.get(widget_site + "/embed?province=Cao+B%E1%BA%B1ng&lang=en")
    _settled(browser)
    metas = [m.text for m in _shadow(browser).find_elements(By.CSS_SELECTOR, "li .meta")]
    assert metas and all(m.startswith("Cao Bằng") for m in metas)
    background = browser.execute_script(
        "return getComputedStyle(document.querySelector('cchc-search').shadowRoot.querySelector('.frame'))"
        ".borderTopStyle")
    assert background == "solid"  # the widget's own styles applied despite style-src 'self'
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
