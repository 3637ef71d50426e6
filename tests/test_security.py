"""Security headers, frame rules, paths that must not reach files, and errors that reveal nothing."""

from __future__ import annotations

import pytest

from webapp import create_app


@pytest.fixture(scope="module")
def client(sample_index):
    return create_app({"INDEX": str(sample_index)}).test_client()


@pytest.mark.parametrize("url", ["/", "/search?q=x", "/documents/004_e6afc45b14d197f5", "/about", "/widget",
                                 "/nope", "/search?year=abc"])
def test_pages_have_a_strict_policy_and_cannot_be_framed(client, url):
    headers = client.get(url).headers
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self';" in csp and "style-src 'self';" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp and headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_only_the_embed_page_may_be_framed(client):
    headers = client.get("/embed?province=cao+bang").headers
    assert "frame-ancestors *" in headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in headers


@pytest.mark.parametrize("url", ["/api/search?q=x", "/api/documents/nope", "/widget.js", "/export.csv?q=x"])
def test_data_is_nosniff_and_shareable(client, url):
    headers = client.get(url).headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Cross-Origin-Resource-Policy"] == "cross-origin"


@pytest.mark.parametrize("url", ["/documents/../../etc/passwd", "/documents/..%2F..%2Fetc%2Fpasswd",
                                 "/api/documents/../../etc/passwd", "/api/documents/%2e%2e/%2e%2e/etc/passwd",
                                 "/static/../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd"])
def test_ids_and_static_paths_never_reach_files(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert b"root:" not in response.data


def test_errors_reveal_no_paths_or_tracebacks(tmp_path):
    client = create_app({"INDEX": str(tmp_path / "missing")}).test_client()
    for url in ("/search?q=x", "/api/search?q=x", "/about"):
        response = client.get(url)
        assert response.status_code == 503
        assert str(tmp_path).encode() not in response.data and b"Traceback" not in response.data


def test_no_debug_mode_even_when_the_environment_asks(sample_index, monkeypatch):
    monkeypatch.setenv("FLASK_DEBUG", "1")
    app = create_app({"INDEX": str(sample_index)}, testing=False)
    assert (app.debug, app.config["PROPAGATE_EXCEPTIONS"]) == (False, False)


def test_an_unexpected_failure_is_a_plain_500_without_details(sample_index, monkeypatch):
    app = create_app({"INDEX": str(sample_index)}, testing=False)

    def broken(request):
        raise RuntimeError(f"secret detail in {sample_index}")

    monkeypatch.setattr(app.extensions["cchc_engine"], "run_search", broken)
    client = app.test_client()
    api, page = client.get("/api/search?q=x"), client.get("/search?q=x")
    assert api.status_code == page.status_code == 500
    assert api.get_json()["error"].startswith("The server encountered an internal error")
    for response in (api, page):
        assert b"secret detail" not in response.data and b"Traceback" not in response.data
        assert str(sample_index).encode() not in response.data
