"""No way in: a corpus and queries of XSS payloads through the real server and a real Chromium.

Every payload of ``tests/files/xss-payloads.txt`` goes into a bulletin's
title, text, source URL and next to a document number, and into the query
and the URL parameters. On every page (results, each bulletin, error pages,
the embed page with the widget) the test checks that nothing ran
(``window.__xss`` stays undefined, no dialog), that no markup got in (no
event-handler attribute, inline script, ``javascript:`` URL, frame, object,
base or refresh anywhere, shadow roots included; the one JSON-LD data block in
a bulletin page's head must parse and hold the title), and that the browser
reported no Content-Security-Policy violation (which would mean markup got in
and was only stopped by the policy). The CSV export keeps payloads as text
and neutralises formula cells.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.support.ui import WebDriverWait

from indexer.builder import build_index
from tests.browser import serving
from tests.conftest import CORPUS

pytestmark = pytest.mark.slow  # a real Chromium against a real server

PAYLOADS = [line for line in (Path(__file__).parent / "files" / "xss-payloads.txt").read_text(
    encoding="utf-8").splitlines() if line.strip()]
MARKER = "xssprobe"

SCAN = """
const bad = [];
let dataBlocks = 0;
function isDataBlock(el) {  // a bulletin page's JSON-LD: data in <head>, never run; it must parse as JSON
  if (el.type !== 'application/ld+json' || el.parentElement !== document.head) return false;
  try { JSON.parse(el.textContent); return true; } catch (error) { return false; }
}
const risky = ['IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'BASE', 'MGLYPH', 'ANIMATE', 'TEXTAREA'];
function scan(root) {
  for (const el of root.querySelectorAll('*')) {
    for (const attribute of el.attributes) {
      const name = attribute.name.toLowerCase(), value = attribute.value.trim().toLowerCase();
      if (name.startsWith('on')) bad.push(el.tagName + ' ' + name);
      if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href'].includes(name)
          && value.startsWith('javascript:')) bad.push(el.tagName + ' ' + name + '=' + value);
    }
    const tag = el.tagName.toUpperCase();
    if (tag === 'SCRIPT' && !el.src && isDataBlock(el)) dataBlocks += 1;
    else if (tag === 'SCRIPT' && !el.src) bad.push('inline script: ' + el.textContent.slice(0, 60));
    if (tag === 'SCRIPT' && el.src && new URL(el.src).origin !== location.origin) bad.push('script ' + el.src);
    if (risky.includes(tag)) bad.push('element ' + tag);
    if (tag === 'META' && el.httpEquiv) bad.push('meta http-equiv');
    if (tag === 'LINK' && el.href && new URL(el.href).origin !== location.origin) bad.push('link ' + el.href);
    if (el.shadowRoot) scan(el.shadowRoot);
  }
}
scan(document);
if (dataBlocks > 1) bad.push(dataBlocks + ' JSON-LD blocks');
return {bad: bad, fired: window.__xss === undefined ? null : String(window.__xss)};
"""


def _bulletin(number: int, payload: str) -> dict:
    return {
        "id": f"xss-{number}",
        "title": f"Cải cách hành chính {MARKER} {payload}",
        "text": f"Báo cáo cải cách hành chính {MARKER} số {number}. Nội dung: {payload}\n"
                f"Thực hiện Nghị định 61/2018/NĐ-CP{payload} về một cửa liên thông {payload}.\n"
                f"Kết quả kiểm soát thủ tục hành chính năm 2023 của tỉnh.",
        "url": payload if payload.startswith(("javascript:", '"')) else f"https://example.vn/tin/{quote(payload)}",
        "province": "Cao Bằng", "year": 2023, "quarter": "Q2",
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("xss")
    corpus = root / "corpus"
    shutil.copytree(CORPUS, corpus)
    lines = [json.dumps(_bulletin(n, p), ensure_ascii=False) for n, p in enumerate(PAYLOADS)]
    (corpus / "payloads.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (corpus / "page.html").write_text(
        f"<html><head><title>Tin {MARKER} {PAYLOADS[0]}</title><script>window.__xss='html'</script></head>"
        f"<body><h1>Cải cách hành chính {MARKER}</h1><p onclick=\"window.__xss='p'\">Một cửa {PAYLOADS[1]}"
        f" liên thông &lt;script&gt;window.__xss=0&lt;/script&gt;</p></body></html>", encoding="utf-8")
    report = build_index(corpus, root / "index", jobs=1)
    assert report.skipped == []
    before = _listing(corpus)
    with serving(root / "index", corpus) as base:
        yield base
    assert _listing(corpus) == before  # serving never writes to the corpus


def _listing(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")}


def _visit(browser, url: str, wait_for_widget: bool = False) -> None:
    browser.get_log("browser")
    browser.get(url)
    if wait_for_widget:
        WebDriverWait(browser, 15).until(lambda b: b.execute_script(
            "var h=document.querySelector('cchc-search');return h && h.shadowRoot && !h.hasAttribute('aria-busy')"
            " && h.shadowRoot.querySelectorAll('li').length > 0;"))
    found = browser.execute_script(SCAN)
    try:
        alert = browser.switch_to.alert.text
    except NoAlertPresentException:
        alert = None
    violations = [e["message"] for e in browser.get_log("browser") if "Content Security Policy" in e["message"]]
    assert (found, alert, violations) == ({"bad": [], "fired": None}, None, []), url


def test_bulletins_made_of_payloads_render_as_text(site, browser):
    _visit(browser, f"{site}/search?" + urlencode({"q": MARKER, "per_page": 50}))
    titles = [a.text for a in browser.find_elements("css selector", "ol.results h2 a, .results h2 a")]
    assert len(titles) == len(PAYLOADS) + 1
    shown = " ".join(titles)
    for payload in PAYLOADS[:12]:  # the markup is shown as the text it is
        assert payload.replace("  ", " ") in shown, payload
    for number in range(len(PAYLOADS)):
        _visit(browser, f"{site}/documents/xss-{number}")
        assert PAYLOADS[number].strip() in browser.find_element("css selector", "h1").text
        described = json.loads(browser.execute_script(
            "return document.querySelector('head script[type=\"application/ld+json\"]').textContent"))
        assert " ".join(PAYLOADS[number].split()) in described["headline"]  # the title, whole, as data
    _visit(browser, f"{site}/documents/page")


def test_payload_queries_and_parameters_are_echoed_as_text(site, browser):
    for payload in PAYLOADS:
        _visit(browser, f"{site}/search?" + urlencode({"q": payload}))
        assert browser.find_element("css selector", "input[name=q]").get_attribute("value") == payload.strip()
    for name in ("province", "year", "sort", "lang", "page"):
        for payload in PAYLOADS[:8]:
            _visit(browser, f"{site}/search?" + urlencode({"q": MARKER, name: payload}))
    for payload in PAYLOADS[:8]:
        _visit(browser, f"{site}/widget?" + urlencode({"province": payload}))
        _visit(browser, f"{site}/documents/{quote(payload, safe='')}")


def test_the_widget_shows_payload_bulletins_as_text(site, browser):
    _visit(browser, f"{site}/embed?" + urlencode({"q": MARKER}), wait_for_widget=True)
    _visit(browser, f"{site}/embed?" + urlencode({"q": PAYLOADS[1], "province": PAYLOADS[2]}))


def test_csv_keeps_payloads_as_text_and_neutralises_formulas(site):
    with urllib.request.urlopen(f"{site}/export.csv?" + urlencode({"q": MARKER})) as response:
        rows = list(csv.DictReader(io.StringIO(response.read().decode("utf-8-sig"))))
    titles = [row["title"] for row in rows]
    assert len(rows) == len(PAYLOADS) + 1
    assert f"Cải cách hành chính {MARKER} {PAYLOADS[0]}" in titles
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value
