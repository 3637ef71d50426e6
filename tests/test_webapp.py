"""Every route and parameter case through Flask's test client, against real indexes on disk."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest
from openapi_spec_validator import validate as validate_openapi
from selectolax.lexbor import LexborHTMLParser
from werkzeug.exceptions import NotFound

import search.index_state
from indexer.builder import build_index
from search.engine import SearchEngine
from search.models import Hit, SearchResponse, make_request
from search.schema import FACETS
from webapp import create_app
from webapp.i18n import STRINGS
from webapp.openapi import openapi_document
from webapp.settings import SETTINGS, SettingsError, load_settings
from webapp.ui import page_count

ROOT = Path(__file__).resolve().parent.parent
S0, S2, S4 = "000_19ab6ee4ef156fa2", "002_3240b270d685cc74", "004_e6afc45b14d197f5"


@pytest.fixture(scope="module")
def client(sample_index):
    return create_app({"INDEX": str(sample_index), "RATE_LIMIT": ""}).test_client()  # limits: test_ratelimit.py


def _hit_ids(html: str) -> list[str]:
    return re.findall(r'<h2><a href="/documents/([^"?]+)', html)


# -- the search page ------------------------------------------------------------------------
def test_search_page_lists_hits_facets_and_total(client):
    html = client.get("/search?q=m%E1%BB%99t+c%E1%BB%ADa+li%C3%AAn+th%C3%B4ng").get_data(as_text=True)
    assert sorted(_hit_ids(html)) == sorted([S0, "001_db3e4cde8e9e11f8", S2, S4])
    assert '<h1 id="results-heading">4 kết quả cho <q>một cửa liên thông</q></h1>' in html
    assert 'aria-checked="false"' in html and "Tỉnh, thành phố (trước 7/2025)" in html


def test_ticking_a_second_province_widens_and_a_year_narrows(client):
    one = client.get("/search?province=Cao+B%E1%BA%B1ng").get_data(as_text=True)
    assert _hit_ids(one) == [S0]
    link = re.search(r'href="([^"]*province=S%C6%A1n\+La[^"]*)" role="checkbox" aria-checked="false"', one).group(1)
    two = client.get(link.replace("&amp;", "&")).get_data(as_text=True)
    assert sorted(_hit_ids(two)) == [S0, S2]
    assert two.count('aria-checked="true"') == 2
    narrowed = client.get(link.replace("&amp;", "&") + "&year=2014").get_data(as_text=True)
    assert _hit_ids(narrowed) == [S2]
    assert '<a class="chip"' in narrowed and "Xóa tất cả" in narrowed


def test_chart_bars_link_to_their_year(client):
    html = client.get("/search").get_data(as_text=True)
    bars = re.findall(r'<a href="([^"]+)" class="bar" aria-label="(\d{4}): (\d+)"', html)
    assert sorted((year, int(n)) for _, year, n in bars) == [("2014", 1), ("2021", 2), ("2022", 2)]
    assert dict((year, url) for url, year, _ in bars)["2021"] == "/search?year=2021"
    empty = re.findall(r'<text x="[\d.]+" y="\d+" text-anchor="middle" class="empty-year">(\d{4})</text>', html)
    assert empty == ["2015", "2016", "2017", "2018", "2019", "2020"]  # the years between, unlinked: a time axis


def test_chart_labels_a_span_of_decades_without_overlap():
    from webapp.chart import LABEL_WIDTH, year_chart

    # a corpus whose oldest bulletin is from 1985: 42 years on the axis, too narrow a slot for every label
    counts = {"1985": {None: 1}, "2007": {"FY": 2}, **{str(year): {"FY": 3} for year in range(2012, 2027)}}
    bars = year_chart(counts, ["2021"], "vi")
    assert len(bars) == 42
    assert [bar.label for bar in bars if bar.label] == [str(year) for year in range(1986, 2019, 2)] + \
        ["2021", "2024"]  # every other year, the selected one, none crowding it (2026, moved in from the chart's
    # edge, would touch 2024)
    printed = [bar.label_x for bar in bars if bar.label]
    assert min(b - a for a, b in zip(printed, printed[1:], strict=False)) >= LABEL_WIDTH
    assert [bar.label for bar in year_chart({str(y): {"FY": 1} for y in range(2014, 2023)}, [], "vi")] == \
        [str(year) for year in range(2014, 2023)]  # nine years: each one labelled


def test_unaccented_query_gets_a_suggestion(client):
    html = client.get("/search?q=mot+cua+lien+thong").get_data(as_text=True)
    assert 'Có phải bạn muốn tìm: <a href="/search?q=m%E1%BB%99t+c%E1%BB%ADa+li%C3%AAn+th%C3%B4ng">' \
           "<strong>một cửa liên thông</strong></a>?" in html


def test_an_english_query_gets_the_bulletins_vietnamese_as_a_suggestion(client):
    html = client.get("/search?q=one-stop+shop&lang=en").get_data(as_text=True)
    assert _hit_ids(html) == []
    assert 'Did you mean: <a href="/search?q=m%E1%BB%99t+c%E1%BB%ADa&amp;lang=en"><strong>một cửa</strong></a>?' \
        in html
    followed = client.get("/search?q=m%E1%BB%99t+c%E1%BB%ADa&lang=en").get_data(as_text=True)
    assert len(_hit_ids(followed)) > 0


def test_no_hits_page_helps(client):
    html = client.get("/search?q=iGate&province=Cao+B%E1%BA%B1ng").get_data(as_text=True)
    assert _hit_ids(html) == []
    assert "Không tìm thấy tin nào." in html
    assert 'href="/search?q=iGate">Bỏ bộ lọc «Cao Bằng»</a>' in html


def test_paging_sorting_and_english(client):
    html = client.get("/search?sort=oldest&per_page=2&page=2&lang=en").get_data(as_text=True)
    assert _hit_ids(html) == [S4, S0]  # oldest first: 002 (2014), 003 (2021-01-05), 004 (Q1 2021), 000, 001
    assert "Page 2 of 3" in html and '<html lang="en">' in html
    assert 'rel="next" href="/search?sort=oldest&amp;page=3&amp;per_page=2&amp;lang=en"' in html


# -- bulletin and about pages ---------------------------------------------------------------------
def test_document_page(client):
    html = client.get(f"/documents/{S2}?q=m%E1%BB%99t+c%E1%BB%ADa").get_data(as_text=True)
    assert "<h1>KẾT QUẢ CÔNG TÁC CCHC 6 THÁNG ĐẦU NĂM 2014.</h1>" in html
    assert '<a href="/search?province=S%C6%A1n+La">Sơn La</a>' in html
    assert '<a href="/search?refs=30c%2Fnq-cp" title="Các tin khác trích dẫn văn bản này">30c/NQ-CP</a>' in html
    assert "<mark>một cửa</mark>" in html
    assert 'id="similar-heading"' in html
    assert client.get("/documents/nope").status_code == 404


def test_about_page(client):
    html = client.get("/about").get_data(as_text=True)
    assert "<dt>Số tin</dt><dd>5</dd>" in html and "2014–2022" in html


# -- bad input: a message, never a 500 ------------------------------------------------------------
BAD = [  # (parameters, code, the message in Vietnamese, in English)
    ("year=abc", "bad_year", "Năm 'abc' không dùng được: cần một năm từ 1945 đến 2100.",
     "Unknown year 'abc': expected a year from 1945 to 2100."),
    ("page=1000000000", "out_of_range", "'page' phải từ 1 đến 10.000, không phải 1.000.000.000.",
     "'page' must be between 1 and 10,000, not 1,000,000,000."),
    ("per_page=1000000", "out_of_range", "'per_page' phải từ 1 đến 100, không phải 1.000.000.",
     "'per_page' must be between 1 and 100, not 1,000,000."),
    ("q=" + "a" * 100_000, "query_too_long", "Truy vấn quá dài (100.000 ký tự; tối đa 1.000).",
     "The query is too long (100,000 characters; the limit is 1,000)."),
    ("q=%22abc", "unbalanced_quote", "Thiếu dấu ngoặc kép đóng: cụm từ mở ở ký tự thứ 1 chưa được đóng.",
     "Unbalanced quote: the phrase opened at character 1 is not closed."),
    ("q=AND", "operator_sides", "'AND' cần một từ tìm kiếm ở mỗi bên.", "'AND' needs a search term on each side."),
    ("q=year:1800", "bad_year", "Năm '1800' không dùng được: cần một năm từ 1945 đến 2100.",
     "Unknown year '1800': expected a year from 1945 to 2100."),
    ("province=Atlantis", "bad_province", "Không rõ tỉnh, thành phố 'Atlantis': cần tên một tỉnh, thành phố như "
     "'Cao Bằng' hoặc 'cao bang'.", "Unknown province 'Atlantis': expected a province name such as 'Cao Bằng' or "
     "'cao bang'."),
    ("sort=best", "unknown_choice", "Giá trị 'best' của 'sort' không dùng được; hãy dùng một trong: relevance, "
     "newest, oldest.", "Unknown sort 'best'; use one of relevance, newest, oldest."),
    ("topic=%3Cscript%3E", "bad_topic", None, None),
]


def _page_message(response) -> str:
    return LexborHTMLParser(response.get_data(as_text=True)).css_first("p.message").text()


@pytest.mark.parametrize("query, code, vietnamese, english", BAD)
def test_bad_parameters_get_a_400_page_and_a_400_json(client, query, code, vietnamese, english):
    """The page says what is wrong in its language; the API's ``error`` stays English, ``message`` follows lang."""
    pages = client.get(f"/search?{query}"), client.get(f"/search?{query}&lang=en")
    assert [page.status_code for page in pages] == [400, 400]
    if vietnamese:
        assert [_page_message(page) for page in pages] == [vietnamese, english]
    else:  # markup in a value is shown as text, never as markup
        assert all("&lt;script&gt;" in page.get_data(as_text=True) for page in pages)
    for lang, said in (("", vietnamese), ("&lang=en", english)):
        api = client.get(f"/api/search?{query}{lang}")
        assert api.status_code == 400
        body = api.json
        if english:
            assert body == {"ok": False, "error": english, "status": 400, "code": code, "message": said}
        else:
            assert (list(body), body["code"], body["status"]) == (["ok", "error", "status", "code", "message"], code,
                                                                   400)
    assert client.get(f"/export.csv?{query}").status_code == 400


def test_a_query_left_open_is_offered_closed_with_its_filters(client):
    page = client.get("/search?q=%22m%E1%BB%99t+c%E1%BB%ADa&province=Cao+B%E1%BA%B1ng&page=2")
    link = LexborHTMLParser(page.get_data(as_text=True)).css_first("p.suggestion a")
    assert (page.status_code, link.text(), link.attributes["href"]) == (
        400, '"một cửa"', "/search?q=%22m%E1%BB%99t+c%E1%BB%ADa%22&province=Cao+B%E1%BA%B1ng")
    closed = client.get(link.attributes["href"])
    assert closed.status_code == 200 and _hit_ids(closed.get_data(as_text=True))
    for query in ("q=AND", "q=%22abc&sort=best", "year=abc"):  # nothing to close, or another fault
        assert LexborHTMLParser(client.get(f"/search?{query}").get_data(as_text=True)).css_first(
            "p.suggestion") is None


@pytest.mark.parametrize("query", ["q=%FF%FE%00", "q=a%01%02b", "unknown=1", "q=%E2%80%8B", "q=%20%20"])
def test_odd_but_harmless_input_is_answered(client, query):
    assert client.get(f"/search?{query}").status_code == 200
    assert client.get(f"/api/search?{query}").status_code == 200


def test_unknown_routes_and_methods_use_the_error_shape(client):
    assert client.get("/api/nope").json["status"] == 404
    assert [_page_message(client.get(f"/nope{lang}")) for lang in ("", "?lang=en")] == [
        "Không có trang này. Hãy kiểm tra lại địa chỉ.", NotFound.description]
    response = client.post("/api/search")
    assert (response.status_code, response.json["status"]) == (405, 405)
    assert client.get("/nope").status_code == 404


# -- API -----------------------------------------------------------------------------------------------
def test_api_search_is_the_cli_json(client, engine):
    response = client.get("/api/search?q=tthc&province=cao+bang&province=S%C6%A1n+La")
    expected = engine.run_search(make_request("tthc", {"province": ["cao bang", "Sơn La"]})).to_dict()
    assert response.json == expected
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_api_document(client):
    data = client.get(f"/api/documents/{S4}").json
    assert (data["id"], data["year"], data["quarter"], data["province"]) == (S4, 2021, "Q1", None)
    assert data["text"].startswith("Ban chỉ đạo Cải cách hành chính (CCHC) huyện")
    assert client.get("/api/documents/nope").json == {"ok": False, "error": "No bulletin with id 'nope'.",
                                                      "status": 404, "code": "no_bulletin",
                                                      "message": "Không có tin nào mang mã 'nope'."}


def test_openapi_is_valid_and_true(client, app_routes=None):
    spec = client.get("/api/openapi.json").json
    validate_openapi(spec)
    schemas = spec["components"]["schemas"]

    def check(data, name):
        schema = {"$ref": f"#/components/schemas/{name}", "components": {"schemas": schemas}}
        jsonschema.validate(data, schema)

    check(client.get("/api/search?q=c%E1%BA%A3i+c%C3%A1ch&year=2021").json, "SearchResponse")
    unquoted = client.get('/api/search?q="hành chính cải cách"').json  # no sample has these words in this order
    assert unquoted["unquoted"] == "hành chính cải cách" and unquoted["total"] > 0
    check(unquoted, "SearchResponse")
    check(client.get("/api/search?q=s%C3%A1ng+ki%E1%BA%BFn+c%E1%BA%A3i+c%C3%A1ch").json, "SearchResponse")  # widened
    check(client.get("/api/search?q=99/SNV-CCHC").json, "SearchResponse")  # a number's issuer searched instead
    check(client.get("/api/search?q=blockchain+m%E1%BB%99t+c%E1%BB%ADa").json, "SearchResponse")  # a word nowhere
    slipped = client.get("/api/search?q=c%E1%BA%A3i+c%C3%A1ch+h%C3%A0nh+ch%C3%ADh").json  # "cải cách hành chíh"
    assert slipped["corrected"] == {"chíh": "chinh"} and slipped["total"] > 0
    check(slipped, "SearchResponse")
    check(client.get(f"/api/documents/{S0}").json, "Document")
    check(client.get("/api/search?year=abc").json, "Error")
    check(client.get("/api/documents/nope").json, "Error")
    app = create_app({"INDEX": "unused"})
    served = {re.sub(r"<(?:path:)?\w+>", "{}", r.rule) for r in app.url_map.iter_rules()
              if r.rule.startswith("/api/") or r.rule.endswith((".csv", ".jsonl", ".atom", ".ris", ".bib", ".json"))}
    assert served == {re.sub(r"\{\w+\}", "{}", path) for path in spec["paths"]}


def test_csv_export(tmp_path):
    records = [
        {"id": "f1", "title": "=HYPERLINK(\"http://x\")", "text": "Một cửa liên thông.", "province": "Cao Bằng"},
        {"id": "f2", "title": "+cmd", "text": "Một cửa điện tử.", "url": "@evil"},
        {"id": "f3", "title": "-2+3", "text": "Một cửa hiện đại.", "topics": ["thu_tuc", "cong_vu"]},
    ]
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records))
    build_index(tmp_path, tmp_path / "index", jobs=1)
    client = create_app({"INDEX": str(tmp_path / "index")}).test_client()
    response = client.get("/export.csv?q=m%E1%BB%99t+c%E1%BB%ADa&sort=oldest")
    assert response.headers["Content-Disposition"] == 'attachment; filename="cchc-search.csv"'
    body = response.data.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(body[1:])))
    assert {r["id"]: r["title"] for r in rows} == {"f1": "'=HYPERLINK(\"http://x\")", "f2": "'+cmd", "f3": "'-2+3"}
    assert {r["id"]: r["url"] for r in rows}["f2"] == "'@evil"
    assert {r["id"]: r["topics"] for r in rows}["f3"] == "thu_tuc; cong_vu"


def test_bulletin_markup_is_shown_as_text(tmp_path):
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    records = [{"id": "x1", "title": f"Tin {payload}", "text": f"Một cửa {payload} liên thông.",
                "url": "javascript:alert(1)"}]
    (tmp_path / "x.jsonl").write_text(json.dumps(records[0], ensure_ascii=False))
    build_index(tmp_path, tmp_path / "index", jobs=1)
    client = create_app({"INDEX": str(tmp_path / "index")}).test_client()
    for url in ("/search?q=m%E1%BB%99t+c%E1%BB%ADa", "/documents/x1", "/search?q=%3Cscript%3E"):
        html = client.get(url).get_data(as_text=True)
        assert "<script>" not in html and "<img src=x" not in html
        assert "javascript:" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in client.get("/documents/x1").get_data(as_text=True)


def test_the_pager_never_links_past_the_result_window(client, monkeypatch):
    hit = Hit(id="h1", title="Tin", url=None, province=None, province_2025=None, district=None, year=2020,
              quarter=None, published=None, topics=[], refs=[], snippet="")

    def huge(self, request):
        return SearchResponse(query=request.query, total=50_000, page=request.page, per_page=request.per_page,
                              results=[hit], facets={name: [] for name in FACETS}, sort=request.sort)

    monkeypatch.setattr(SearchEngine, "run_search", huge)
    pager = {}
    for url in ("/search?q=x&page=999", "/search?q=x&page=1000", "/search?q=x&per_page=30&page=333"):
        html = client.get(url).get_data(as_text=True)
        pager[url] = (re.findall(r'<a rel="(prev|next)" href="([^"]+)"', html),
                      re.search(r"Trang \d+/\d+", html).group(0))
    assert pager == {
        "/search?q=x&page=999": ([("prev", "/search?q=x&amp;page=998"), ("next", "/search?q=x&amp;page=1000")],
                                 "Trang 999/1000"),
        "/search?q=x&page=1000": ([("prev", "/search?q=x&amp;page=999")], "Trang 1000/1000"),
        "/search?q=x&per_page=30&page=333": ([("prev", "/search?q=x&amp;page=332&amp;per_page=30")],
                                             "Trang 333/333"),
    }
    assert client.get("/search?q=x&page=1001").status_code == 400


def test_page_count_stops_at_the_result_window():
    assert [page_count(total, per_page) for total, per_page in
            [(0, 10), (25, 10), (10_000, 10), (10_001, 10), (50_000, 10), (50_000, 30), (50_000, 100)]] == [
        1, 3, 1000, 1000, 1000, 333, 100]


# -- settings, reopening, translations, docs -------------------------------------------------------------
def test_settings_come_from_file_then_environment(tmp_path):
    (tmp_path / "config.toml").write_text('PER_PAGE = 25\nCORS_ORIGINS = ["https://portal.example.vn"]\n')
    values = load_settings(tmp_path, environ={"CCHC_PER_PAGE": "30"})
    assert (values["PER_PAGE"], values["CORS_ORIGINS"], values["INDEX"]) == (
        30, ("https://portal.example.vn",), "instance/index")


@pytest.mark.parametrize("file_text, environ, message", [
    ("", {"CCHC_PER_PAGE": "abc"},
     "Setting PER_PAGE from CCHC_PER_PAGE: 'abc' is not valid (invalid literal for int() with base 10: 'abc')."),
    ("", {"CCHC_CORS_ORIGINS": "ftp://x"},
     "Setting CORS_ORIGINS from CCHC_CORS_ORIGINS: 'ftp://x' is not valid ('ftp://x' is not '*' nor an http(s) "
     "origin)."),
    ("COLOUR = 1\n", {}, "Unknown setting 'COLOUR' in {path}; known: CORPUS, CORS_ORIGINS, EXPORT_LIMIT, "
                         "EXPORT_RATE_LIMIT, INDEX, LANGUAGE, PER_PAGE, QUERY_TIMEOUT, RATE_LIMIT, RATE_LIMIT_STORAGE, "
                         "RESULT_CACHE, SIMILAR, THREADS, TRUSTED_PROXIES, WORKERS."),
    ("", {"CCHC_RATE_LIMIT": "lots"},
     "Setting RATE_LIMIT from CCHC_RATE_LIMIT: 'lots' is not valid (couldn't parse rate limit string 'lots')."),
    ("EXPORT_RATE_LIMIT = '0/minute'\n", {},
     "Setting EXPORT_RATE_LIMIT from config.toml: '0/minute' is not valid (must allow at least 1 request)."),
    ("", {"CCHC_QUERY_TIMEOUT": "0"},
     "Setting QUERY_TIMEOUT from CCHC_QUERY_TIMEOUT: '0' is not valid (must be a number of seconds above 0, "
     "at most 600)."),
])
def test_bad_settings_stop_start_up_naming_the_key(tmp_path, file_text, environ, message):
    (tmp_path / "config.toml").write_text(file_text)
    with pytest.raises(SettingsError) as caught:
        load_settings(tmp_path, environ=environ)
    assert str(caught.value) == message.format(path=tmp_path / "config.toml")


def test_a_rebuilt_index_is_picked_up_without_restart(tmp_path, corpus_copy, monkeypatch):
    monkeypatch.setattr(search.index_state, "RECHECK_SECONDS", 0.0)
    build_index(corpus_copy, tmp_path / "index", jobs=1)
    app = create_app({"INDEX": str(tmp_path / "index")})
    client = app.test_client()
    assert client.get("/api/search").json["total"] == 5
    (corpus_copy / "new.txt").write_text("Hội nghị CCHC\n\nNội dung cải cách hành chính mới.", encoding="utf-8")
    build_index(corpus_copy, tmp_path / "index", full=True, jobs=1)
    assert client.get("/api/search").json["total"] == 6


def test_every_interface_string_exists_in_both_languages():
    used = set()
    for template in (ROOT / "webapp" / "templates").glob("*.html"):
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_0-9]*[a-z0-9])["']""", template.read_text()))
        used |= {f"facet_{f}" for f in ("province", "province_2025", "year", "quarter", "topic", "refs")}
        used |= {f"sort_{s}" for s in ("relevance", "newest", "oldest")}
    assert used <= set(STRINGS)
    assert all(vi and en for vi, en in STRINGS.values())


def test_readme_documents_parameters_routes_and_settings():
    readme = (ROOT / "README.md").read_text()
    spec = openapi_document()
    for path in spec["paths"]:
        assert f"`GET {path.replace('{id}', '<id>')}`" in readme, path
    for parameter in spec["paths"]["/api/search"]["get"]["parameters"]:
        assert f"`{parameter['name']}`" in readme, parameter["name"]
    for setting in SETTINGS:
        assert f"`{setting.name}`" in readme, setting.name


def test_a_bad_query_keeps_the_search_box_with_what_was_typed(client):
    page = client.get("/search", query_string={"q": '"một cửa'})
    html = page.get_data(as_text=True)
    assert page.status_code == 400
    assert 'value="&#34;một cửa"' in html and 'role="alert"' in html
    assert 'id="q"' not in client.get("/documents/nope").get_data(as_text=True)


def test_results_say_which_words_they_lack_and_offer_the_named_period(client):
    url = "/search?q=SIPAS+chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91+qu%C3%BD+I+n%C4%83m+2021"
    html = client.get(url).get_data(as_text=True)
    assert _hit_ids(html)[:2] == [S4, S0]
    assert re.findall(r'<p class="missing">(.*?)</p>', html)[:2] == [
        "Thiếu: <s>SIPAS</s>, <s>chuyển đổi</s>", "Thiếu: <s>chuyển đổi</s>"]  # S0 names SIPAS in words
    offered = re.findall(r'<a href="([^"]+)" data-facet="(\w+)">([^<]+)</a>', html)
    assert [(facet, label) for _, facet, label in offered] == [("quarter", "Quý I"), ("year", "2021")]
    assert offered[0][0].endswith("&amp;quarter=Q1") and offered[1][0].endswith("&amp;year=2021")
    english = client.get(url + "&lang=en").get_data(as_text=True)
    assert "Missing: <s>SIPAS</s>" in english and "Filter by:" in english
    data = client.get(url.replace("/search", "/api/search")).get_json()
    assert data["understood"] == {"year": "2021", "quarter": "Q1"}
    assert [hit["missing"] for hit in data["results"]][:2] == [["SIPAS", "chuyển đổi"], ["chuyển đổi"]]


def test_match_all_is_a_url_parameter_kept_by_the_links(client):
    url = "/search?q=SIPAS+chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91"
    assert _hit_ids(client.get(url + "&match=all").get_data(as_text=True)) == ["001_db3e4cde8e9e11f8"]
    assert len(_hit_ids(client.get(url).get_data(as_text=True))) > 1
    assert client.get("/api/search?q=x&match=some&lang=en").get_json() == {
        "ok": False, "error": "Unknown match 'some'; use one of best, all.", "status": 400, "code": "unknown_choice",
        "message": "Unknown match 'some'; use one of best, all."}
    html = client.get("/search?q=m%E1%BB%99t+c%E1%BB%ADa&match=all").get_data(as_text=True)
    assert "match=all" in re.search(r'href="([^"]*sort=newest[^"]*)"', html).group(1)


def test_the_search_page_says_when_it_answers_a_quoted_phrase_by_its_words(client):
    page = client.get('/?q="hành chính cải cách"&lang=en').get_data(as_text=True)
    assert 'class="unquoted">No bulletin holds the quoted phrase exactly' in page
    assert '<strong>hành chính cải cách</strong>' in page
    assert 'class="unquoted"' not in client.get('/?q="cải cách hành chính"').get_data(as_text=True)


def test_the_search_page_says_which_slipped_word_it_searched_instead(client):
    page = client.get("/?q=cải cách hành chíh&lang=en").get_data(as_text=True)
    assert ('<p class="corrected">The index has no such word; searched for the nearest one that stands beside the '
            "query&#39;s others: <strong>chíh</strong> → <strong>chinh</strong></p>") in page
    assert 'class="corrected"' not in client.get("/?q=cải cách hành chính").get_data(as_text=True)


def test_the_search_page_says_when_partial_matches_follow_the_few_full_ones(client):
    answer = client.get("/api/search?q=s%C3%A1ng+ki%E1%BA%BFn+c%E1%BA%A3i+c%C3%A1ch").json  # "sáng kiến cải cách"
    assert (answer["total"], answer["full_matches"]) == (5, 1)
    assert [hit["missing"] for hit in answer["results"]] == [[]] + [["sáng kiến"]] * 4
    page = client.get("/?q=s%C3%A1ng+ki%E1%BA%BFn+c%E1%BA%A3i+c%C3%A1ch&lang=en").get_data(as_text=True)
    assert 'class="widened">Few bulletins hold enough of the words (1); after them come those holding only some' in page
    assert page.count('<li class="partial">') == 4  # the four after the full match, marked as such
    second = client.get("/?q=s%C3%A1ng+ki%E1%BA%BFn+c%E1%BA%A3i+c%C3%A1ch&per_page=2&page=2").get_data(as_text=True)
    assert second.count('<li class="partial">') == 2  # counted across pages
    vietnamese = client.get("/?q=s%C3%A1ng+ki%E1%BA%BFn+c%E1%BA%A3i+c%C3%A1ch").get_data(as_text=True)
    assert 'class="widened">Ít tin chứa đủ các từ tìm kiếm (1)' in vietnamese
    for plain in ("/?q=c%E1%BA%A3i+c%C3%A1ch", "/?q=s%C3%A1ng+ki%E1%BA%BFn+c%E1%BA%A3i+c%C3%A1ch&sort=newest"):
        assert 'class="widened"' not in client.get(plain).get_data(as_text=True)


def test_the_search_page_says_when_the_words_of_a_quoted_phrase_follow_its_few_holders(client):
    answer = client.get('/api/search?q="chính quyền số"').json
    assert (answer["total"], answer["phrase_matches"], answer["full_matches"]) == (5, 1, 1)
    assert [hit["missing"] for hit in answer["results"]] == [[]] + [['"chính quyền số"']] * 4
    page = client.get('/?q="chính quyền số"&lang=en').get_data(as_text=True)
    assert ('class="phrase-widened">Few bulletins hold the quoted phrases exactly (1); after them come those '
            'holding their words otherwise.') in page
    assert 'class="widened"' not in page  # the same first tier: one notice
    assert page.count('<li class="partial">') == 4
    vietnamese = client.get('/?q="chính quyền số"').get_data(as_text=True)
    assert 'class="phrase-widened">Ít tin chứa đúng cụm từ trong ngoặc kép (1)' in vietnamese
    many = client.get('/api/search?q="cải cách hành chính"').json  # every bulletin holds it: nothing follows
    assert "phrase_matches" not in many and many["total"] == 5


def test_the_search_page_says_when_it_answers_a_number_found_nowhere_by_its_issuer(client):
    answer = client.get("/api/search?q=99/SNV-CCHC").json  # the samples cite 362/SNV-CCHC, never 99/SNV-CCHC
    assert (answer["same_issuer"], [hit["id"] for hit in answer["results"]]) == (
        {"number": "99/SNV-CCHC", "cited": ["362/SNV-CCHC"]}, [S2])
    page = client.get("/?q=99/SNV-CCHC&lang=en").get_data(as_text=True)
    assert re.search(r'class="same-issuer">No bulletin has or cites 99/SNV-CCHC; results are bulletins citing other '
                     r'documents of its issuer code:\s*<a href="/search\?q=362%2FSNV-CCHC[^"]*">362/SNV-CCHC</a></p>',
                     page)
    assert 'class="same-issuer"' not in client.get("/?q=362/SNV-CCHC").get_data(as_text=True)


def test_a_region_named_in_the_query_is_offered_as_a_filter_by_its_provinces(client):
    from urllib.parse import parse_qs, urlsplit
    url = "/search?q=c%E1%BA%A3i+c%C3%A1ch+h%C3%A0nh+ch%C3%ADnh+T%C3%A2y+Nguy%C3%AAn"  # cải cách hành chính Tây Nguyên
    html = client.get(url).get_data(as_text=True)
    offered = re.findall(r'<a href="([^"]+)" data-facet="(\w+)">([^<]+)</a>', html)
    assert [(facet, label) for _, facet, label in offered] == [("province", "Tây Nguyên")]
    query = parse_qs(urlsplit(offered[0][0].replace("&amp;", "&")).query)
    assert (query["q"], query["province"]) == (["cải cách hành chính Tây Nguyên"],
                                               ["Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng"])
    chosen = client.get(offered[0][0].replace("&amp;", "&")).get_data(as_text=True)
    assert 'data-facet="province">Tây Nguyên</a>' not in chosen  # chosen: no longer offered
    assert client.get(url.replace("/search", "/api/search")).get_json()["understood"] == {"region": "Tây Nguyên"}


def test_a_page_past_the_last_says_so_and_links_to_the_first(client):
    html = client.get("/search?q=m%E1%BB%99t+c%E1%BB%ADa&page=7").get_data(as_text=True)
    assert "Trang này nằm sau trang cuối (các kết quả có 1 trang)." in html
    assert "Không tìm thấy tin nào" not in html
    assert re.search(r'<a href="/search\?q=m%E1%BB%99t\+c%E1%BB%ADa(&amp;page=1)?">Về trang đầu</a>', html)


def test_words_no_bulletin_holds_are_named_above_the_results_of_the_others(client):
    data = client.get("/api/search?q=blockchain+m%E1%BB%99t+c%E1%BB%ADa").get_json()
    assert data["nowhere"] == ["blockchain"] and data["total"] > 0
    assert all("blockchain" in hit["missing"] for hit in data["results"])
    assert "nowhere" not in client.get("/api/search?q=m%E1%BB%99t+c%E1%BB%ADa").get_json()
    html = client.get("/search?q=blockchain+m%E1%BB%99t+c%E1%BB%ADa").get_data(as_text=True)
    assert re.search(r'<p class="nowhere">Không tin nào chứa: <strong>blockchain</strong>\. '
                     r'Các kết quả dưới đây chứa các từ còn lại\.</p>', html)


def test_a_result_opened_leads_back_to_the_same_page_of_the_same_search(client):
    search = "/search?q=c%E1%BA%A3i+c%C3%A1ch&sort=newest&year=2021&per_page=1&page=2"
    html = client.get(search).get_data(as_text=True)
    opened = re.search(r'<h2><a href="(/documents/[^"]+)">', html).group(1).replace("&amp;", "&")
    assert opened.split("?", 1)[1] == "q=c%E1%BA%A3i+c%C3%A1ch&year=2021&sort=newest&page=2&per_page=1"
    page = client.get(opened).get_data(as_text=True)
    back = re.search(r'<p class="back"><a href="([^"]+)">', page).group(1).replace("&amp;", "&")
    assert back == "/search" + "?" + opened.split("?", 1)[1]
    assert "<mark>" in page  # the query still marked in the text
    odd = client.get(opened.replace("year=2021", "year=abc"))  # a malformed search only loses the way back
    assert odd.status_code == 200 and '<p class="back"><a href="/search?q=c%E1%BA%A3i+c%C3%A1ch">' in \
        odd.get_data(as_text=True)
