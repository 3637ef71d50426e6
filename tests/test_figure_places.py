"""One research table never runs two provinces into one row: over a real index of two provinces' bulletins
(tests/files/figure_places, written in the portals' style), each reporting the PAR INDEX of its "Sở Tư pháp" and
of its "huyện Châu Thành", /api/figures, the CSV and the /figures page keep a row per scope and province."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from tests.helpers import client_over

FILES = Path(__file__).parent / "files" / "figure_places"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    return client_over(FILES, tmp_path_factory.mktemp("figure_places") / "index")


def test_the_api_gives_a_row_per_scope_and_province(client):
    data = client.get("/api/figures?indicator=par_index_score").json
    assert data["columns"] == [{"year": 2023, "period": "FY"}]
    assert [(row["scope"], row["scope_level"], row["province"], [cell["value"] for cell in row["cells"]])
            for row in data["rows"]] == [
        ("Châu Thành", "district", "Long An", [89.4]), ("Ngân hàng Nhà nước", "agency", "Long An", [90.12]),
        ("Sở Tư pháp", "agency", "Long An", [91.25]),  # a province's units together: districts, then agencies
        ("Châu Thành", "district", "Tây Ninh", [86.75]), ("Sở Tư pháp", "agency", "Tây Ninh", [88.1])]
    assert data["scopes"] == 5


def test_the_export_and_the_page_name_the_province(client):
    text = client.get("/figures.csv?indicator=par_index_score").get_data(as_text=True).lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted((row["scope"], row["province"], row["value"]) for row in rows) == [
        ("Châu Thành", "Long An", "89.4"), ("Châu Thành", "Tây Ninh", "86.75"),
        ("Ngân hàng Nhà nước", "Long An", "90.12"), ("Sở Tư pháp", "Long An", "91.25"),
        ("Sở Tư pháp", "Tây Ninh", "88.1")]
    html = client.get("/figures?indicator=par_index_score&lang=en").get_data(as_text=True)
    headers = [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r'<th scope="row">(.*?)</th>', html)]
    assert headers == ["Châu Thành, Long An (district)", "Ngân hàng Nhà nước, Long An (agency)",
                       "Sở Tư pháp, Long An (agency)", "Châu Thành, Tây Ninh (district)",
                       "Sở Tư pháp, Tây Ninh (agency)"]
