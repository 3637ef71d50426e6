"""/api/figures, /figures.csv, /figures.jsonl, /figures and a bulletin's figures over a real index of bulletins
written for the tests (tests/files/figures): shapes checked against the OpenAPI document, bad parameters 400."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

from tests.helpers import client_over
from webapp.figures import figure_url
from webapp.openapi import openapi_document

FILES = Path(__file__).parent / "files" / "figures"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return client_over(FILES, tmp_path_factory.mktemp("figures") / "index")


def _check(data, name: str) -> None:
    schemas = openapi_document()["components"]["schemas"]
    jsonschema.validate(data, {"$ref": f"#/components/schemas/{name}", "components": {"schemas": schemas}})


def test_api_figures_gives_the_table_of_scope_by_period(client):
    data = client.get("/api/figures?indicator=dossiers_received&lang=en").json
    _check(data, "Figures")
    assert {k: v for k, v in data.items() if k not in ("figures", "indicators")} == {
        "query": "", "page": 1, "per_page": 10, "indicator": "dossiers_received", "label": "Dossiers received",
        "unit": "count", "total": 3, "units": {"count": 3}, "scopes": 3,
        "columns": [{"year": 2023, "period": "range:2023-01-01..2023-08-15"}, {"year": 2024, "period": "Q1"}],
        "rows": [{"scope": "Cao Bằng", "scope_level": "province", "province": "Cao Bằng",
                  "cells": [None, {"value": 12345.0, "id": "caobang-q1", "start": 0, "end": 390, "count": 1}]},
                 {"scope": "Bảo Lạc", "scope_level": "district", "province": "Cao Bằng",
                  "cells": [None, {"value": 1439.0, "id": "caobang-q1", "start": 641, "end": 787, "count": 1}]},
                 {"scope": "Sơn La", "scope_level": "province", "province": "Sơn La",
                  "cells": [{"value": 59720.0, "id": "sonla-parindex", "start": 714, "end": 874, "count": 1},
                            None]}]}
    assert [(f["id"], f["value"]) for f in data["figures"]] == [
        ("caobang-q1", 12345.0), ("caobang-q1", 1439.0), ("sonla-parindex", 59720.0)]  # newest bulletin first
    text = client.get("/api/documents/caobang-q1").json["text"]
    assert data["figures"][1]["sentence"] == text[641:787]
    assert data["figures"][1]["sentence"].startswith("Riêng UBND huyện Bảo Lạc đã tiếp nhận 1.439 hồ sơ")


def test_api_figures_follows_the_search_filters_and_counts_indicators(client):
    data = client.get("/api/figures?province=S%C6%A1n+La").json
    _check(data, "Figures")
    assert (data["indicator"], data["rows"], data["figures"]) == (None, [], [])
    assert [(b["value"], b["count"]) for b in data["indicators"]] == [
        ("dossiers_received", 1), ("online_services_full", 1), ("online_services_partial", 1),
        ("par_index_score", 1), ("par_index_rank", 1), ("sipas", 1)]
    services = client.get("/api/figures?indicator=online_services_full").json
    _check(services, "Figures")
    assert (services["columns"], services["rows"][0]["cells"][0]["value"]) == ([{"year": 2023, "period": None}],
                                                                                1234.0)  # "hiện": the year only
    ranked = client.get("/api/figures?q=x%E1%BA%BFp+h%E1%BA%A1ng&indicator=par_index_rank").json
    assert [(r["scope"], [c and c["value"] for c in r["cells"]]) for r in ranked["rows"]] == [("Sơn La", [15.0])]


def test_figures_exports_csv_and_json_lines(client):
    response = client.get("/figures.csv?indicator=dossiers_on_time")
    assert response.headers["Content-Disposition"] == 'attachment; filename="cchc-figures.csv"'
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0] == ["id", "title", "url", "published", "indicator", "value", "unit", "period", "year", "scope",
                       "scope_level", "start", "end", "sentence", "province"]
    assert [row[4:11] + row[14:] for row in rows[1:]] == [
        ["dossiers_on_time", "11900.0", "count", "Q1", "2024", "Cao Bằng", "province", "Cao Bằng"],
        ["dossiers_on_time", "1420.0", "count", "Q1", "2024", "Bảo Lạc", "district", "Cao Bằng"]]
    lines = client.get("/figures.jsonl?indicator=dossiers_on_time&unit=%25").get_data(as_text=True).splitlines()
    assert [json.loads(line) for line in lines] == [{
        "id": "caobang-q1", "title": "Cao Bằng: Kết quả giải quyết thủ tục hành chính quý I năm 2024", "url": None,
        "published": "2024-04-05", "indicator": "dossiers_on_time", "value": 99.2, "unit": "%", "period": "Q1",
        "year": 2024, "scope": "Cao Bằng", "scope_level": "province", "start": 0, "end": 390,
        "sentence": client.get("/api/documents/caobang-q1").json["text"][0:390], "province": "Cao Bằng"}]


@pytest.mark.parametrize(("url", "message"), [
    ("/api/figures?indicator=dossiers", "Unknown indicator 'dossiers'; use one of dossiers_received, "),
    ("/api/figures?indicator=sipas&unit=points", "Unknown unit 'points'; use one of count, %, score, rank."),
    ("/figures.csv", "Choose an indicator to export: indicator=dossiers_on_time, for example."),
    ("/api/figures?indicator=sipas&year=abc", "Unknown year 'abc'"),
])
def test_bad_parameters_get_a_clear_400(client, url, message):
    response = client.get(url)
    assert response.status_code == 400 and response.json["error"].startswith(message)


def test_the_figures_page_links_each_value_to_its_sentence(client):
    html = client.get("/figures?indicator=dossiers_received&lang=en").get_data(as_text=True)
    links = re.findall(r'<a class="figure-value" href="([^"]+)"[^>]*>([^<]+)</a>', html)
    assert [(href.replace("&amp;", "&"), value) for href, value in links] == [
        ("/documents/caobang-q1?figure=0-390&lang=en#figure-0", "12,345"),  # the province, then its district
        ("/documents/caobang-q1?figure=641-787&lang=en#figure-641", "1,439"),
        ("/documents/sonla-parindex?figure=714-874&lang=en#figure-714", "59,720")]
    assert "<polyline" in html and "Dossiers received over time" in html
    page = client.get("/documents/caobang-q1?figure=641-787").get_data(as_text=True)
    marked = re.search(r'<mark class="figure-sentence" id="figure-641" tabindex="-1">([^<]+)</mark>', page)
    assert marked.group(1).startswith("Riêng UBND huyện Bảo Lạc") and marked.group(1).endswith("không rõ lý do.")
    listed = re.findall(r'<td><a href="/documents/caobang-q1\?figure=(\d+-\d+)#figure-\d+">([^<]+)</a>', page)
    assert listed == [("0-390", "12.345"), ("0-390", "12.000"), ("0-390", "11.900"), ("0-390", "99,2%"),
                      ("0-390", "100"), ("392-639", "45,6%"), ("641-787", "1.439"), ("641-787", "1.420")]
    assert client.get("/figures?indicator=sipas&unit=x").status_code == 400
    assert client.get("/documents/caobang-q1?figure=800-9999").status_code == 400
    assert client.get("/documents/caobang-q1?figure=9-a").status_code == 400


def test_a_figure_of_the_headline_links_to_the_bulletin_s_page_without_a_sentence(client):
    assert [figure_url("caobang-q1", 0, 0), figure_url("caobang-q1", 0, 0, "en"), figure_url("a/b", 641, 787)] == [
        "/documents/caobang-q1", "/documents/caobang-q1?lang=en", "/documents/a/b?figure=641-787#figure-641"]
    page = client.get(figure_url("caobang-q1", 0, 0, "en"))
    assert page.status_code == 200 and 'class="figure-sentence"' not in page.get_data(as_text=True)


def test_every_scope_level_the_api_may_give_has_a_label_in_both_languages():
    from webapp.i18n import STRINGS
    levels = openapi_document()["components"]["schemas"]["Figure"]["properties"]["scope_level"]["enum"]
    assert {level: STRINGS.get(f"figures_level_{level}") for level in levels} == {
        "province": ("cấp tỉnh", "province"), "district": ("cấp huyện", "district"), "commune": ("cấp xã", "commune"),
        "agency": ("cơ quan", "agency"), "national": ("cả nước", "national")}


def test_the_search_page_links_to_the_figures_of_its_results(client):
    html = client.get("/search?q=h%E1%BB%93+s%C6%A1&province=S%C6%A1n+La").get_data(as_text=True)
    link = re.search(r'<a class="figures" href="([^"]+)">Số liệu</a>', html).group(1).replace("&amp;", "&")
    assert link == "/figures?q=h%E1%BB%93+s%C6%A1&province=S%C6%A1n+La"
    data = client.get(link.replace("/figures", "/api/figures") + "&indicator=dossiers_received").json
    assert [(row["scope"], [c and c["value"] for c in row["cells"]]) for row in data["rows"]] == [
        ("Sơn La", [59720.0])]  # the search's query and province: Cao Bằng's figures are not its results'


def test_the_page_links_to_the_indicator_s_figures_in_its_other_units(client):
    data = client.get("/api/figures?indicator=dossiers_on_time").json
    assert (data["unit"], data["total"], data["units"]) == ("count", 2, {"%": 1, "count": 2})
    html = client.get("/figures?indicator=dossiers_on_time").get_data(as_text=True)
    links = re.findall(r'<a class="unit" href="([^"]+)">([^<]+)</a>', html)
    assert [(href.replace("&amp;", "&"), text) for href, text in links] == [
        ("/figures?indicator=dossiers_on_time&unit=%25", "tỷ lệ % (1)")]
    shares = client.get(links[0][0].replace("&amp;", "&").replace("/figures", "/api/figures")).json
    assert [f["value"] for f in shares["figures"]] == [99.2]


def test_the_chart_says_when_it_draws_only_some_of_the_provinces():
    from webapp.figures import CHART_LINES, figure_chart
    names = ["An Giang", "Bắc Kạn", "Cà Mau", "Cao Bằng", "Đồng Nai", "Hà Giang", "Long An", "Sơn La"]
    rows = [{"scope": name, "scope_level": "province", "province": name,
             "cells": [{"value": 80.0 + n, "id": f"b{n}", "start": 0, "end": 9, "count": 1}] * (1 + n % 2)}
            for n, name in enumerate(names)]
    answer = {"unit": "score", "columns": [{"year": 2022, "period": "FY"}, {"year": 2023, "period": "FY"}],
              "rows": [{**row, "cells": row["cells"] + [None] * (2 - len(row["cells"]))} for row in rows]}
    chart = figure_chart(answer, [], "vi")
    assert (len(chart["lines"]), chart["drawable"]) == (CHART_LINES, 8)
    assert {line["scope"] for line in chart["lines"]} >= {"Bắc Kạn", "Cao Bằng", "Hà Giang", "Sơn La"}  # most periods
    assert figure_chart(answer, ["Cà Mau", "Long An"], "vi")["drawable"] == 2


def test_the_chart_draws_a_line_at_each_round_value_of_its_range():
    from webapp.figures import figure_chart
    cells = [{"value": value, "id": "b1", "start": 0, "end": 9, "count": 1} for value in (26.6, 96.0)]
    answer = {"unit": "%", "columns": [{"year": 2022, "period": "FY"}, {"year": 2023, "period": "FY"}],
              "rows": [{"scope": "Hà Tĩnh", "scope_level": "province", "province": "Hà Tĩnh", "cells": cells}]}
    chart = figure_chart(answer, [], "vi")
    assert chart["values"] == [  # 0-100%: the chart's 120 units of height in five steps of 20
        {"y": 160.0, "label": "0%", "narrow": False}, {"y": 136.0, "label": "20%", "narrow": True},
        {"y": 112.0, "label": "40%", "narrow": False}, {"y": 88.0, "label": "60%", "narrow": True},
        {"y": 64.0, "label": "80%", "narrow": False}, {"y": 40.0, "label": "100%", "narrow": True}]
    assert [point["y"] for point in chart["lines"][0]["points"]] == [128.1, 44.8]
    scores = {**answer, "unit": "score", "rows": [{**answer["rows"][0], "cells": [
        {**cells[0], "value": 80.5}, {**cells[1], "value": 87.25}]}]}
    assert [(v["y"], v["label"]) for v in figure_chart(scores, [], "en")["values"]] == [
        (160.0, "78"), (136.0, "80"), (112.0, "82"), (88.0, "84"), (64.0, "86"), (40.0, "88")]
