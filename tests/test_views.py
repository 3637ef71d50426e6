"""The research views through Flask's test client: coverage, map, cited documents, shares, feeds, JSON Lines."""

from __future__ import annotations

import csv
import io
import json
import re
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from tests.views_corpus import build_views_index
from webapp import create_app, engine_of
from webapp.openapi import openapi_document

ATOM = "{http://www.w3.org/2005/Atom}"
MOT_CUA = "q=m%E1%BB%99t+c%E1%BB%ADa"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return create_app({"INDEX": str(build_views_index(tmp_path_factory.mktemp("views")))}).test_client()


def _check(data, name: str) -> None:
    schemas = openapi_document()["components"]["schemas"]
    jsonschema.validate(data, {"$ref": f"#/components/schemas/{name}", "components": {"schemas": schemas}})


def _ids(html: str) -> list[str]:
    return sorted(re.findall(r'<h2><a href="/documents/([^"?]+)', html))


# -- coverage ------------------------------------------------------------------------------------------------
def test_api_coverage_follows_the_query_and_filters(client):
    data = client.get(f"/api/coverage?{MOT_CUA}&year=2021&scheme=2025").json
    _check(data, "Coverage")
    assert (data["scheme"], data["facet"], data["total"], data["unplaced"]) == ("2025", "province_2025", 4, 1)
    assert [(c["period"], c["reporting"]) for c in data["columns"]] == [
        ("Q1", 0), ("Q2", 0), ("Q3", 2), ("Q4", 0), ("H1", 1), ("H2", 0), ("9M", 0), ("FY", 0)]
    assert {row["province"]: row["counts"] for row in data["rows"] if row["total"]} == {
        "Tuyên Quang": [0, 0, 0, 0, 1, 0, 0, 0], "Cao Bằng": [0, 0, 1, 0, 0, 0, 0, 0],
        "Sơn La": [0, 0, 1, 0, 0, 0, 0, 0]}


def test_coverage_page_cells_link_to_the_filtered_search_with_the_same_count(client):
    html = client.get(f"/coverage?{MOT_CUA}").get_data(as_text=True)
    cells = re.findall(r'<td class="c\d( first)?"><a href="([^"]+)" aria-label="([^"]+)"', html)
    labels = sorted(label for _, _, label in cells)
    assert labels == ["Cao Bằng, Quý III 2020: 1", "Cao Bằng, Quý III 2021: 1", "Hà Giang, 6 tháng đầu năm 2021: 1",
                      "Sơn La, Quý III 2021: 1"]
    url = next(href for _, href, label in cells if label.startswith("Sơn La")).replace("&amp;", "&")
    assert url == f"/search?{MOT_CUA}&province=S%C6%A1n+La&year=2021&quarter=Q3"
    assert _ids(client.get(url).get_data(as_text=True)) == ["v3"]
    assert html.count('<td class="gap') == 63 * 16 - 4  # the empty cells stay visible as gaps
    assert "5 tin khớp; 3/63 tỉnh, thành phố có ít nhất một tin rõ kỳ báo cáo." in html
    assert "1 tin không rõ tỉnh, năm hoặc kỳ báo cáo" in html
    footer = re.search(r"<tfoot>(.*?)</tfoot>", html, re.S).group(1)
    assert re.findall(r"<td[^>]*>(\d*)</td>", footer) == ["3"] + ["", "", "1", "", "", "", "", ""] + [
        "", "", "2", "", "1", "", "", ""]  # provinces reporting: in all, then per 2020 and 2021 column


def test_coverage_page_in_english_by_the_34_provinces(client):
    html = client.get(f"/coverage?{MOT_CUA}&scheme=2025&lang=en").get_data(as_text=True)
    assert "<h1>Reporting coverage by province and period</h1>" in html
    assert "5 matching bulletins; 3 of 34 provinces have at least one with a known reporting period." in html
    assert 'aria-label="Tuyên Quang, First half 2021: 1"' in html
    assert 'href="/coverage?q=m%E1%BB%99t+c%E1%BB%ADa&amp;lang=en"' in html  # back to 63, keeping the rest


def test_coverage_csv(client):
    response = client.get(f"/coverage.csv?{MOT_CUA}&year=2021")
    assert response.headers["Content-Disposition"] == 'attachment; filename="cchc-coverage-63.csv"'
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert rows[0] == ["province", "total", "2021 Q1", "2021 Q2", "2021 Q3", "2021 Q4", "2021 H1", "2021 H2",
                       "2021 9M", "2021 FY"]
    assert len(rows) == 64
    assert [row for row in rows[1:] if row[1] != "0"] == [
        ["Hà Giang", "1", "0", "0", "0", "0", "1", "0", "0", "0"],
        ["Cao Bằng", "1", "0", "0", "1", "0", "0", "0", "0", "0"],
        ["Sơn La", "1", "0", "0", "1", "0", "0", "0", "0", "0"]]


# -- map, shares, cited documents on the search page -----------------------------------------------------------
def test_map_tiles_show_counts_and_filter(client):
    html = client.get(f"/search?{MOT_CUA}").get_data(as_text=True)
    found = re.findall(r'<a href="([^"]+)" class="tile[^"]*" aria-label="([^"]+)"', html)
    tiles = {label: href for href, label in found}
    assert len(tiles) == 63
    assert {label for label in tiles if not label.endswith(": 0")} == {"Cao Bằng: 2", "Sơn La: 1", "Hà Giang: 1"}
    assert "<title>Cao Bằng: 2</title>" in html
    assert _ids(client.get(tiles["Cao Bằng: 2"].replace("&amp;", "&")).get_data(as_text=True)) == ["v1", "v2"]
    assert '<th scope="row"><a href="/search?q=m%E1%BB%99t+c%E1%BB%ADa&amp;province=Cao+B%E1%BA%B1ng">' \
           "Cao Bằng</a></th><td>2</td>" in html  # the table alternative


def test_map_by_the_34_provinces_keeps_its_scheme_in_links(client):
    html = client.get(f"/search?{MOT_CUA}&scheme=2025").get_data(as_text=True)
    tiles = re.findall(r'<a href="([^"]+)" class="tile[^"]*" aria-label="([^"]+)"', html)
    assert len(tiles) == 34 and ("/search?q=m%E1%BB%99t+c%E1%BB%ADa&amp;province_2025=Tuy%C3%AAn+Quang&amp;scheme=2025",
                                 "Tuyên Quang: 1") in tiles


def test_share_chart(client):
    html = client.get(f"/search?{MOT_CUA}&chart=share&lang=en").get_data(as_text=True)
    assert '<input type="hidden" name="chart" value="share">' in html  # a new query keeps the view
    bars = re.findall(r'<a href="([^"]+)" class="bar" aria-label="([^"]+)"', html)
    assert bars == [("/search?q=m%E1%BB%99t+c%E1%BB%ADa&amp;year=2020&amp;lang=en&amp;chart=share",
                     "2020: 50.0% (1 of 2)"),
                    ("/search?q=m%E1%BB%99t+c%E1%BB%ADa&amp;year=2021&amp;lang=en&amp;chart=share",
                     "2021: 66.7% (4 of 6)")]
    assert client.get("/api/trends?" + MOT_CUA).json == {"years": [
        {"year": 2020, "matching": 1, "all": 2, "share": 0.5},
        {"year": 2021, "matching": 4, "all": 6, "share": 0.666667}]}
    _check(client.get("/api/trends?" + MOT_CUA).json, "Trends")


def test_refs_facet_on_the_page_and_in_the_api(client):
    html = client.get("/search").get_data(as_text=True)
    assert 'id="facet-refs">Văn bản được trích dẫn</h3>' in html
    link = re.search(r'<a href="([^"]+)" role="checkbox" aria-checked="false">\s*<span class="box" aria-hidden="true">'
                     r'</span><span class="label">107/2021/NĐ-CP</span>\s*<span class="count">2</span>', html)
    assert link.group(1) == "/search?refs=107%2F2021%2Fnd-cp"
    data = client.get("/api/search?refs=107/2021/N%C4%90-CP").json
    _check(data, "SearchResponse")
    assert sorted(hit["id"] for hit in data["results"]) == ["v2", "v4"]
    assert [b["label"] for b in data["facets"]["refs"]] == ["61/2018/NĐ-CP", "107/2021/NĐ-CP", "30c/NQ-CP"]


def test_document_page_links_each_cited_number_to_its_citing_bulletins(client):
    html = client.get("/documents/v2").get_data(as_text=True)
    assert '<a href="/search?refs=107%2F2021%2Fnd-cp" title="Các tin khác trích dẫn văn bản này">107/2021/NĐ-CP</a>' \
        in html
    assert _ids(client.get("/search?refs=107%2F2021%2Fnd-cp").get_data(as_text=True)) == ["v2", "v4"]


def test_about_lists_the_most_cited_documents(client):
    html = client.get("/about?lang=en").get_data(as_text=True)
    cited = re.findall(r'<li><a href="([^"]+)">([^<]+)</a> <span class="count">(\d+) bulletins</span></li>', html)
    assert cited == [("/search?refs=61%2F2018%2Fnd-cp&amp;lang=en", "61/2018/NĐ-CP", "5"),
                     ("/search?refs=107%2F2021%2Fnd-cp&amp;lang=en", "107/2021/NĐ-CP", "2"),
                     ("/search?refs=30c%2Fnq-cp&amp;lang=en", "30c/NQ-CP", "1")]


# -- feeds and JSON Lines ---------------------------------------------------------------------------------------
def test_atom_feed_newest_first_with_stable_ids(client):
    html = client.get(f"/search?{MOT_CUA}&province=Cao+B%E1%BA%B1ng").get_data(as_text=True)
    href = re.search(r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">', html).group(1)
    assert href == "/feed.atom?q=m%E1%BB%99t+c%E1%BB%ADa&amp;province=Cao+B%E1%BA%B1ng"
    response = client.get(f"/feed.atom?{MOT_CUA}&sort=oldest")
    assert response.mimetype == "application/atom+xml"
    feed = ET.fromstring(response.data)
    assert [e.find(f"{ATOM}id").text for e in feed.iter(f"{ATOM}entry")] == [
        f"tag:cchc-search,2025:bulletin/{i}" for i in ("v8", "v3", "v2", "v5", "v1")]
    assert [e.find(f"{ATOM}updated").text for e in feed.iter(f"{ATOM}entry")][:2] == [
        "2021-10-12T00:00:00Z", "2021-10-07T00:00:00Z"]
    built_at = engine_of(client.application).stats()["built_at"]  # the index was built after the bulletins
    assert feed.find(f"{ATOM}updated").text == built_at and re.fullmatch(r"\d{4}-\d\d-\d\dT[\d:]{8}\+00:00", built_at)
    assert {child.tag.removeprefix(ATOM) for child in feed} == {"id", "title", "updated", "link", "author",
                                                                 "generator", "entry"}
    first = next(feed.iter(f"{ATOM}entry"))
    assert first.find(f"{ATOM}link").attrib == {"rel": "alternate", "type": "text/html",
                                                "href": "http://localhost/documents/v8?q=m%E1%BB%99t+c%E1%BB%ADa"}
    assert first.find(f"{ATOM}title").text == "Hội nghị cải cách hành chính quý III năm 2021"


def test_json_lines_export_has_the_rows_of_the_csv(client):
    response = client.get(f"/export.jsonl?{MOT_CUA}&sort=oldest")
    assert response.headers["Content-Disposition"] == 'attachment; filename="cchc-search.jsonl"'
    rows = [json.loads(line) for line in response.data.decode("utf-8").splitlines()]
    assert [(r["id"], r["province"], r["year"], r["quarter"], r["refs"]) for r in rows] == [
        ("v1", "Cao Bằng", 2020, "Q3", ["61/2018/NĐ-CP"]), ("v5", "Hà Giang", 2021, "H1", ["61/2018/NĐ-CP"]),
        ("v2", "Cao Bằng", 2021, "Q3", ["61/2018/NĐ-CP", "107/2021/NĐ-CP"]),
        ("v3", "Sơn La", 2021, "Q3", ["61/2018/NĐ-CP"]), ("v8", None, 2021, "Q3", ["61/2018/NĐ-CP"])]
    csv_ids = [r["id"] for r in csv.DictReader(io.StringIO(client.get(f"/export.csv?{MOT_CUA}&sort=oldest")
                                                            .data.decode("utf-8-sig")))]
    assert csv_ids == [r["id"] for r in rows]


# -- bad parameters ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/api/coverage", "/coverage.csv", "/api/trends", "/feed.atom", "/export.jsonl"])
@pytest.mark.parametrize("query, code, message, vietnamese", [
    ("scheme=1975", "unknown_choice", "Unknown scheme '1975'; use one of 63, 2025.",
     "Giá trị '1975' của 'scheme' không dùng được; hãy dùng một trong: 63, 2025."),
    ("refs=hello", "bad_refs", "Unknown refs 'hello': expected a legal document number such as '61/2018/NĐ-CP'.",
     "Số văn bản 'hello' không dùng được: cần một số hiệu văn bản như '61/2018/NĐ-CP'."),
    ("year=abc", "bad_year", "Unknown year 'abc': expected a year from 1945 to 2100.",
     "Năm 'abc' không dùng được: cần một năm từ 1945 đến 2100."),
])
def test_bad_parameters_give_the_json_error_shape(client, path, query, code, message, vietnamese):
    response = client.get(f"{path}?{query}")
    if query.startswith("scheme") and path not in ("/api/coverage", "/coverage.csv"):
        assert response.status_code == 200  # these views have no scheme
        return
    assert (response.status_code, response.json) == (400, {"ok": False, "error": message, "status": 400,
                                                            "code": code, "message": vietnamese})


@pytest.mark.parametrize("path", ["/coverage?scheme=x", "/search?chart=pie", "/coverage?refs=hello"])
def test_bad_parameters_give_a_readable_page(client, path):
    response = client.get(path)
    assert response.status_code == 400 and 'role="alert"' in response.get_data(as_text=True)
