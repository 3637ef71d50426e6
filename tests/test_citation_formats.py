"""Citations for reference managers (``webapp/citation_formats.py``, the Cite control, the citation exports).

Every file is read back with a maintained parser of its format - rispy for RIS, bibtexparser with pylatexenc's
LaTeX decoding for BibTeX, citeproc-py's CSL-JSON source and a bibliography rendered with the style it ships -
and the record read equals the one expected from the bulletin's metadata. The bulletins: one indexed from a
JSONL record with quotes, braces, ``&``, ``--``, LaTeX specials and ``</script>`` in its title, an id that is
no BibTeX key and a source address with a space and braces; the five samples (no source address, most with no
publication date); a bulletin with neither title nor date. The served pages are read with selectolax.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re

import bibtexparser
import citeproc
import jsonschema
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc import types as csl_types
from citeproc.source.json import CiteProcJSON
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db
from selectolax.lexbor import LexborHTMLParser

from indexer.builder import build_index
from search.engine import SearchEngine
from webapp import create_app
from webapp.citation_formats import bibtex, citation_key, csl_json, ris
from webapp.openapi import openapi_document

S0, S2 = "000_19ab6ee4ef156fa2", "002_3240b270d685cc74"
S2_TITLE = "KẾT QUẢ CÔNG TÁC CCHC 6 THÁNG ĐẦU NĂM 2014."
AWKWARD_ID = "tin/họp.1"
AWKWARD_TITLE = 'Họp "Ban chỉ đạo" {CCHC} & 50% -- $1 #2 a_b ~ ^ \\ </script><b>x</b>'
AWKWARD_URL = "https://www.sonla.gov.vn/tin tuc/a?x={1}&y=2"
AWKWARD = {"id": AWKWARD_ID, "title": AWKWARD_TITLE, "url": AWKWARD_URL, "published": "2014-06-12",
           "text": "Một cửa liên thông được triển khai tại tỉnh."}
UNTITLED = {"id": "untitled-1", "title": None, "url": None, "province": None, "province_2025": None,
            "district": None, "year": 2021, "quarter": "Q1", "published": None, "topics": [], "refs": []}


@pytest.fixture(scope="module")
def awkward_engine(tmp_path_factory) -> SearchEngine:
    root = tmp_path_factory.mktemp("awkward")
    (root / "corpus").mkdir()
    (root / "corpus" / "a.jsonl").write_text(json.dumps(AWKWARD, ensure_ascii=False) + "\n", encoding="utf-8")
    build_index(root / "corpus", root / "index", jobs=1)
    return SearchEngine(root / "index")


@pytest.fixture(scope="module")
def awkward(awkward_engine) -> dict:
    meta = awkward_engine.document(AWKWARD_ID)
    assert (meta["title"], meta["url"], meta["published"]) == (AWKWARD_TITLE, AWKWARD_URL, "2014-06-12")
    return meta


@pytest.fixture(scope="module")
def client(sample_index):
    return create_app({"INDEX": str(sample_index), "RATE_LIMIT": "", "EXPORT_RATE_LIMIT": ""}).test_client()


@pytest.fixture(scope="module")
def samples(engine) -> dict[str, dict]:
    return {doc_id: engine.document(doc_id) for doc_id in (S0, S2)}


def _facts(meta: dict, publisher: str | None, day: tuple[int, int, int] | None) -> dict:
    """What a citation of ``meta`` must say: title, publisher, date, URL (None: not known)."""
    return {"id": meta["id"], "title": meta["title"], "publisher": publisher, "date": day, "url": meta["url"]}


def _cases(awkward, samples) -> list[dict]:
    return [_facts(awkward, "sonla.gov.vn", (2014, 6, 12)), _facts(samples[S2], None, (2014, 6, 12)),
            _facts(samples[S0], None, None), _facts(UNTITLED, None, None)]


def _metas(awkward, samples) -> list[dict]:
    return [awkward, samples[S2], samples[S0], UNTITLED]


def _without_none(record: dict) -> dict:
    return {name: value for name, value in record.items() if value is not None}


# -- RIS ----------------------------------------------------------------------------------------------------
def _expected_ris(facts: dict) -> dict:
    day = facts["date"]
    return _without_none({
        "type_of_reference": "NEWS", "id": facts["id"], "title": facts["title"], "publisher": facts["publisher"],
        "date": f"{day[0]:04d}/{day[1]:02d}/{day[2]:02d}/" if day else None, "year": str(day[0]) if day else None,
        "urls": [facts["url"]] if facts["url"] else None, "language": "vi"})


def test_ris_reads_back_with_rispy(awkward, samples):
    records = rispy.loads(ris(_metas(awkward, samples)))
    assert records == [_expected_ris(facts) for facts in _cases(awkward, samples)]


def test_ris_values_stay_on_one_line():
    meta = {**UNTITLED, "title": "Dòng một\nER  - \nTY  - JOUR\r\nTI  - giả", "published": "2021-13-40"}
    assert rispy.loads(ris([meta])) == [{"type_of_reference": "NEWS", "id": "untitled-1",
                                         "title": "Dòng một ER - TY - JOUR TI - giả", "language": "vi"}]


# -- BibTeX -------------------------------------------------------------------------------------------------
def _latex_decoder() -> LatexNodes2Text:
    """pylatexenc's decoder; it reads \\textasciicircum as U+02C6, LaTeX prints it as ^ (U+005E)."""
    context = get_default_latex_context_db()
    context.add_context_category("ascii-circumflex", prepend=True, macros=[MacroTextSpec("textasciicircum", "^")])
    return LatexNodes2Text(latex_context=context)


def _expected_bibtex(facts: dict) -> dict:
    day = facts["date"]
    return _without_none({"title": facts["title"], "organization": facts["publisher"],
                          "date": f"{day[0]:04d}-{day[1]:02d}-{day[2]:02d}" if day else None,
                          "langid": "vietnamese"})


def test_bibtex_reads_back_with_bibtexparser(awkward, samples):
    text = bibtex(_metas(awkward, samples))
    decoded = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware(decoder=_latex_decoder())])
    raw = bibtexparser.parse_string(text)  # the url field is verbatim in biblatex: read it undecoded
    assert decoded.failed_blocks == [] and raw.failed_blocks == []
    assert [entry.entry_type for entry in decoded.entries] == ["online"] * 4
    keys = [entry.key for entry in decoded.entries]
    assert keys[1:] == [f"cchc-{S2}", f"cchc-{S0}", "cchc-untitled-1"]
    assert re.fullmatch(r"cchc-tin-h-p-1\.[0-9a-f]{8}", keys[0])
    fields = [{f.key: f.value for f in entry.fields if f.key != "url"} for entry in decoded.entries]
    assert fields == [_expected_bibtex(facts) for facts in _cases(awkward, samples)]
    assert [{f.key: f.value for f in entry.fields}.get("url") for entry in raw.entries] == [
        "https://www.sonla.gov.vn/tin%20tuc/a?x=%7B1%7D&y=2", None, None, None]
    assert "Họp" in text and "ĐẦU NĂM" in text  # Vietnamese letters as they are, UTF-8


def test_bibtex_keys_are_stable_unique_and_plain():
    ids = ["tin/12", "tin-12", "tin.12", "tin_12", "tin/12/", "tin 12", "tín-12", "a" * 40, S2]
    keys = [citation_key(doc_id) for doc_id in ids]
    assert len(set(keys)) == len(ids)
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+", key) for key in keys)
    assert keys == [citation_key(doc_id) for doc_id in ids]
    entries = bibtexparser.parse_string(bibtex([{**UNTITLED, "id": doc_id} for doc_id in ids])).entries
    assert [entry.key for entry in entries] == keys


# -- CSL-JSON -----------------------------------------------------------------------------------------------
def _expected_csl(facts: dict) -> dict:
    day = facts["date"]
    return _without_none({"type": "article-newspaper", "title": facts["title"], "publisher": facts["publisher"],
                          "issued": dict(zip(("year", "month", "day"), day, strict=True)) if day else None,
                          "URL": facts["url"], "language": "vi"})


def _read_reference(reference) -> dict:
    """A citeproc-py reference as plain values."""
    out = {"type": reference.type}
    for name in ("title", "publisher", "URL"):
        if name in reference:
            out[name] = str(reference[name])
    if "issued" in reference:
        out["issued"] = {part: getattr(reference.issued, part) for part in ("year", "month", "day")}
    if "language" in reference:
        out["language"] = reference.language
    return out


def test_csl_json_reads_back_with_citeproc(awkward, samples):
    items = json.loads(csl_json(_metas(awkward, samples)))
    source = CiteProcJSON(items)
    cases = _cases(awkward, samples)
    assert list(source) == [facts["id"].lower() for facts in cases]
    assert [_read_reference(source[facts["id"].lower()]) for facts in cases] == [_expected_csl(f) for f in cases]
    known_types = {value for name, value in vars(csl_types).items() if name.isupper()}
    assert {reference.type for reference in source.values()} <= known_types
    schemas = openapi_document()["components"]["schemas"]
    jsonschema.validate(items, {"$ref": "#/components/schemas/CslJson", "components": {"schemas": schemas}})


def test_csl_json_renders_a_bibliography(awkward, samples):
    source = CiteProcJSON(json.loads(csl_json([awkward, samples[S0]])))
    path = os.path.join(os.path.dirname(citeproc.__file__), "data", "styles", "harvard-cite-them-right.csl")
    bibliography = CitationStylesBibliography(CitationStylesStyle(path, validate=False), source, formatter.plain)
    for key in source:
        bibliography.register(Citation([CitationItem(key)]))
    entries = [str(entry) for entry in bibliography.bibliography()]
    assert len(entries) == 2
    awkward_entry = next(entry for entry in entries if AWKWARD_TITLE in entry)
    assert "2014" in awkward_entry and AWKWARD_URL in awkward_entry
    assert any(samples[S0]["title"] in entry and "no date" in entry for entry in entries)


# -- the bulletin page ------------------------------------------------------------------------------------
def _page(client, url: str) -> LexborHTMLParser:
    response = client.get(url)
    assert response.status_code == 200
    return LexborHTMLParser(response.get_data(as_text=True))


def _meta_tags(tree) -> list[tuple[str, str]]:
    return [(node.attributes["name"], node.attributes["content"])
            for node in tree.css("meta") if node.attributes.get("name", "").startswith("citation_")]


def _json_ld(tree) -> dict:
    scripts = tree.css('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].text())


def test_meta_tags_and_json_ld_of_an_awkward_bulletin_are_escaped(awkward_engine):
    client = create_app({"INDEX": str(awkward_engine.root), "RATE_LIMIT": ""}).test_client()
    response = client.get("/documents/tin/h%E1%BB%8Dp.1")
    html = response.get_data(as_text=True)
    tree = LexborHTMLParser(html)
    assert _meta_tags(tree) == [("citation_title", AWKWARD_TITLE), ("citation_publisher", "sonla.gov.vn"),
                                ("citation_publication_date", "2014/06/12"), ("citation_public_url", AWKWARD_URL),
                                ("citation_language", "vi")]
    assert _json_ld(tree) == {"@context": "https://schema.org", "@type": "NewsArticle", "identifier": AWKWARD_ID,
                              "headline": AWKWARD_TITLE, "datePublished": "2014-06-12",
                              "publisher": {"@type": "Organization", "name": "sonla.gov.vn"}, "url": AWKWARD_URL,
                              "inLanguage": "vi"}
    assert html.count("</script>") == 1 and len(tree.css("script")) == 1  # the title closed nothing
    assert [node.tag for node in tree.css("b")] == [] and tree.css_first("h1").text() == AWKWARD_TITLE
    assert tree.css_first("#citation-text").text() == (
        f"“{AWKWARD_TITLE}.” sonla.gov.vn, ngày 12/6/2014. {AWKWARD_URL}.")


def test_a_bulletin_without_date_or_source_has_no_such_tags(client, samples):
    tree = _page(client, f"/documents/{S0}")
    title = samples[S0]["title"]
    assert _meta_tags(tree) == [("citation_title", title), ("citation_language", "vi")]
    assert _json_ld(tree) == {"@context": "https://schema.org", "@type": "NewsArticle", "identifier": S0,
                              "headline": title, "inLanguage": "vi"}
    assert not title.endswith(".") and tree.css_first("#citation-text").text() == f"“{title}.” không rõ ngày."


def test_a_bulletin_without_title_has_no_title_tag(client, monkeypatch):
    monkeypatch.setattr(SearchEngine, "document", lambda self, doc_id, query="": {**UNTITLED, "text": "Một cửa."})
    monkeypatch.setattr(SearchEngine, "similar", lambda self, doc_id, limit=5: [])
    vi, en = _page(client, "/documents/untitled-1"), _page(client, "/documents/untitled-1?lang=en")
    assert _meta_tags(vi) == [("citation_language", "vi")]
    assert _json_ld(vi) == {"@context": "https://schema.org", "@type": "NewsArticle", "identifier": "untitled-1",
                            "inLanguage": "vi"}
    assert vi.css_first("#citation-text").text() == "“[Không có tiêu đề].” không rõ ngày."
    assert en.css_first("#citation-text").text() == "“[Untitled].” n.d. In Vietnamese."


@pytest.mark.parametrize("lang, summary, text", [
    ("vi", "Trích dẫn", f"“{S2_TITLE}” ngày 12/6/2014."),
    ("en", "Cite", f"“{S2_TITLE}” 12 June 2014. In Vietnamese."),
])
def test_the_cite_control_in_both_languages(client, lang, summary, text):
    tree = _page(client, f"/documents/{S2}?lang={lang}")
    control = tree.css_first("details.cite")
    assert control.css_first("summary").text() == summary
    assert control.css_first("#citation-text").text() == text
    links = [(a.text(), a.attributes["href"], a.attributes["type"]) for a in control.css("a")]
    assert links == [("RIS", f"/cite.ris?id={S2}", "application/x-research-info-systems"),
                     ("BibTeX", f"/cite.bib?id={S2}", "application/x-bibtex"),
                     ("CSL-JSON", f"/cite.csl.json?id={S2}", "application/vnd.citationstyles.csl+json")]


# -- downloads ------------------------------------------------------------------------------------------------
def test_one_bulletin_downloads_in_each_format(client, samples):
    facts = _facts(samples[S2], None, (2014, 6, 12))
    ris_file = client.get(f"/cite.ris?id={S2}")
    assert ris_file.headers["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert ris_file.headers["Content-Disposition"] == f'attachment; filename="cchc-{S2}.ris"'
    assert rispy.loads(ris_file.get_data(as_text=True)) == [_expected_ris(facts)]
    bib_file = client.get(f"/cite.bib?id={S2}")
    assert bib_file.headers["Content-Type"] == "application/x-bibtex; charset=utf-8"
    entries = bibtexparser.parse_string(bib_file.get_data(as_text=True)).entries
    assert [(e.key, {f.key: f.value for f in e.fields}) for e in entries] == [(f"cchc-{S2}", _expected_bibtex(facts))]
    csl_file = client.get(f"/cite.csl.json?id={S2}")
    assert csl_file.headers["Content-Type"] == "application/vnd.citationstyles.csl+json"
    assert [_read_reference(r) for r in CiteProcJSON(csl_file.get_json()).values()] == [_expected_csl(facts)]


@pytest.mark.parametrize("url, status, code, error", [
    ("/cite.ris", 400, "id_required", "Parameter 'id' (a bulletin id) is required."),
    ("/cite.bib?id=", 400, "id_required", "Parameter 'id' (a bulletin id) is required."),
    ("/cite.csl.json?id=nope", 404, "no_bulletin", "No bulletin with id 'nope'."),
    ("/export.ris?year=abc", 400, "bad_year", "Unknown year 'abc': expected a year from 1945 to 2100."),
    ("/export.bib?sort=best", 400, "unknown_choice", "Unknown sort 'best'; use one of relevance, newest, oldest."),
])
def test_bad_requests_get_the_json_error_shape(client, url, status, code, error):
    response = client.get(url + ("&" if "?" in url else "?") + "lang=en")
    assert (response.status_code, response.get_json()) == (status, {"ok": False, "error": error, "status": status,
                                                                    "code": code, "message": error})


def _ids_of_exports(client, query: str) -> dict[str, list[str]]:
    rows = list(csv.DictReader(io.StringIO(client.get("/export.csv?" + query).get_data(as_text=True)[1:])))
    bib = bibtexparser.parse_string(client.get("/export.bib?" + query).get_data(as_text=True))
    return {"csv": [row["id"] for row in rows],
            "ris": [r["id"] for r in rispy.loads(client.get("/export.ris?" + query).get_data(as_text=True))],
            "bib": [entry.key.removeprefix("cchc-") for entry in bib.entries],
            "csl": [item["id"] for item in client.get("/export.csl.json?" + query).get_json()]}


def test_result_exports_hold_the_rows_of_the_csv(client, engine):
    query = "q=c%E1%BA%A3i+c%C3%A1ch&sort=oldest"
    found = _ids_of_exports(client, query)
    assert len(found["csv"]) == 5 and found["csv"][0] == S2  # oldest first
    assert found == {name: found["csv"] for name in ("csv", "ris", "bib", "csl")}
    filtered = _ids_of_exports(client, "province=Cao+B%E1%BA%B1ng&province=S%C6%A1n+La&sort=newest")
    assert filtered == {name: [S0, S2] for name in ("csv", "ris", "bib", "csl")}


def test_result_exports_are_bounded_like_the_csv(sample_index):
    client = create_app({"INDEX": str(sample_index), "EXPORT_LIMIT": 2, "EXPORT_RATE_LIMIT": ""}).test_client()
    found = _ids_of_exports(client, "sort=oldest")
    assert len(found["csv"]) == 2
    assert found == {name: found["csv"] for name in ("csv", "ris", "bib", "csl")}


def test_the_search_page_links_the_exports_with_its_parameters(client):
    tree = _page(client, "/search?q=m%E1%BB%99t+c%E1%BB%ADa&province=S%C6%A1n+La&sort=newest&lang=en")
    links = {a.attributes["class"]: (a.attributes["href"], a.text()) for a in tree.css(".tools a[download]")}
    query = "q=m%E1%BB%99t+c%E1%BB%ADa&province=S%C6%A1n+La&sort=newest&lang=en"
    assert links == {"export": (f"/export.csv?{query}", "Download CSV"),
                     "export-jsonl": (f"/export.jsonl?{query}", "Download JSON Lines"),
                     "export-ris": (f"/export.ris?{query}", "Download RIS"),
                     "export-bibtex": (f"/export.bib?{query}", "Download BibTeX"),
                     "export-csl_json": (f"/export.csl.json?{query}", "Download CSL-JSON")}


def test_citation_files_are_shared_data_with_validators(client):
    for url in ("/export.ris?q=x", "/export.bib", "/export.csl.json?year=2014", f"/cite.ris?id={S2}"):
        response = client.get(url)
        headers = response.headers
        assert (headers["X-Content-Type-Options"], headers["Cross-Origin-Resource-Policy"],
                headers["Content-Security-Policy"], headers["Cache-Control"], headers["Access-Control-Allow-Origin"]
                ) == ("nosniff", "cross-origin", "default-src 'none'; frame-ancestors 'none'", "public, max-age=60",
                      "*"), url
        again = client.get(url, headers={"If-None-Match": headers["ETag"]})
        assert (again.status_code, again.data) == (304, b""), url
    assert client.get(f"/cite.bib?id={S0}").headers["ETag"] != client.get(f"/cite.bib?id={S2}").headers["ETag"]


def test_result_exports_share_the_export_budget_and_one_bulletin_the_api_budget(sample_index):
    client = create_app({"INDEX": str(sample_index), "RATE_LIMIT": "2/minute",
                         "EXPORT_RATE_LIMIT": "3/minute"}).test_client()
    exports = [client.get(url).status_code for url in ("/export.csv", "/export.ris", "/export.bib",
                                                       "/export.csl.json")]
    refused = client.get("/export.ris")
    assert exports == [200, 200, 200, 429] and refused.get_json()["status"] == 429
    cites = [client.get(f"/cite.{extension}?id={S2}").status_code for extension in ("ris", "bib", "csl.json")]
    assert cites == [200, 200, 429]
