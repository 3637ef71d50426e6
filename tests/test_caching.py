"""HTTP caching (``webapp.caching``): validators keyed by the index state and the request, 304 when unchanged."""

from __future__ import annotations

import pytest

import search.index_state
from indexer.builder import build_index
from search.engine import SearchEngine
from webapp import create_app

S0 = "000_19ab6ee4ef156fa2"
CACHED = {
    "/search?q=c%E1%BA%A3i+c%C3%A1ch": "no-cache",
    "/": "no-cache",
    f"/documents/{S0}": "no-cache",
    "/api/search?q=c%E1%BA%A3i+c%C3%A1ch&year=2021": "public, max-age=60",
    f"/api/documents/{S0}": "public, max-age=60",
    "/export.csv?q=m%E1%BB%99t+c%E1%BB%ADa": "public, max-age=60",
}


@pytest.fixture
def client(sample_index):
    return create_app({"INDEX": str(sample_index), "RATE_LIMIT": "", "EXPORT_RATE_LIMIT": ""}).test_client()


@pytest.mark.parametrize("url", CACHED)
def test_the_same_request_with_its_etag_gets_304_without_a_body(client, url):
    first = client.get(url)
    assert first.status_code == 200
    assert (first.headers["Cache-Control"], first.headers["ETag"].startswith('W/"')) == (CACHED[url], True)
    again = client.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert (again.status_code, again.data) == (304, b"")
    assert {name: again.headers.get(name) for name in ("ETag", "Cache-Control")} == {  # RFC 9110's 304 headers
        name: first.headers[name] for name in ("ETag", "Cache-Control")}
    since = client.get(url, headers={"If-Modified-Since": first.headers["Last-Modified"]})
    assert since.status_code == 304


def test_a_304_runs_no_search(client, monkeypatch):
    etag = client.get("/api/search?q=thu+tuc").headers["ETag"]

    def refuse(*args, **kwargs):
        raise AssertionError("searched")

    monkeypatch.setattr(SearchEngine, "run_search", refuse)
    assert client.get("/api/search?q=thu+tuc", headers={"If-None-Match": etag}).status_code == 304


def test_etags_differ_by_query_string_path_and_language(client, sample_index):
    urls = ["/api/search?q=thu+tuc", "/api/search?q=thu+tuc&page=2", "/search?q=thu+tuc",
            "/search?q=thu+tuc&lang=en", "/api/search?q=thu+tuc&province=Cao+B%E1%BA%B1ng"]
    etags = [client.get(url).headers["ETag"] for url in urls]
    assert len(set(etags)) == len(urls)
    english = create_app({"INDEX": str(sample_index), "LANGUAGE": "en", "RATE_LIMIT": ""}).test_client()
    assert english.get("/search?q=thu+tuc").headers["ETag"] != etags[2]  # the default language is part of it
    stale = client.get("/api/search?q=thu+tuc", headers={"If-None-Match": etags[1]})
    assert (stale.status_code, stale.headers["ETag"]) == (200, etags[0])


def test_errors_and_other_routes_carry_no_validators(client):
    urls = ("/api/search?year=abc", "/api/documents/nope", "/documents/nope", "/about", "/api/openapi.json")
    answers = {url: (client.get(url).status_code, "ETag" in client.get(url).headers) for url in urls}
    assert answers == {"/api/search?year=abc": (400, False), "/api/documents/nope": (404, False),
                       "/documents/nope": (404, False), "/about": (200, False), "/api/openapi.json": (200, False)}


def test_a_changed_index_gives_200_and_a_new_etag(tmp_path, corpus_copy, monkeypatch):
    monkeypatch.setattr(search.index_state, "RECHECK_SECONDS", 0.0)
    build_index(corpus_copy, tmp_path / "index", jobs=1)
    client = create_app({"INDEX": str(tmp_path / "index"), "RATE_LIMIT": ""}).test_client()
    urls = ("/api/search?q=c%E1%BA%A3i+c%C3%A1ch", "/search?q=c%E1%BA%A3i+c%C3%A1ch", f"/api/documents/{S0}")
    before = {url: client.get(url).headers["ETag"] for url in urls}
    (corpus_copy / "new.txt").write_text("Hội nghị CCHC\n\nNội dung cải cách hành chính mới.", encoding="utf-8")
    build_index(corpus_copy, tmp_path / "index", jobs=1)  # incremental: the same generation, a new commit
    after_commit = {url: client.get(url, headers={"If-None-Match": before[url]}) for url in urls}
    assert {url: r.status_code for url, r in after_commit.items()} == dict.fromkeys(urls, 200)
    assert all(after_commit[url].headers["ETag"] != before[url] for url in urls)
    (corpus_copy / "new.txt").write_text("Hội nghị CCHC\n\nNội dung cải cách hành chính mới nhất.", encoding="utf-8")
    build_index(corpus_copy, tmp_path / "index", full=True, jobs=1)  # a new generation (unchanged, it writes none)
    after_full = {url: client.get(url, headers={"If-None-Match": after_commit[url].headers["ETag"]}) for url in urls}
    assert {url: r.status_code for url, r in after_full.items()} == dict.fromkeys(urls, 200)
    assert len({r.headers["ETag"] for r in (*after_commit.values(), *after_full.values())}) == 2 * len(urls)
    assert client.get(urls[0]).json["total"] == 6


def test_the_engine_names_its_index_state(tmp_path, corpus_copy, monkeypatch):
    monkeypatch.setattr(search.index_state, "RECHECK_SECONDS", 0.0)
    build_index(corpus_copy, tmp_path / "index", jobs=1)
    engine = SearchEngine(tmp_path / "index")
    first = engine.index_state()
    (corpus_copy / "new.txt").write_text("Hội nghị CCHC\n\nNội dung mới.", encoding="utf-8")
    build_index(corpus_copy, tmp_path / "index", jobs=1)
    second = engine.index_state()
    assert (second.generation, second.toc) == (first.generation, first.toc + 1)
    assert second.key == f"{first.generation}/{first.toc + 1}" and second.written >= first.written > 0
