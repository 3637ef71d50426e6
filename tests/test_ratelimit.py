"""Per-client request limits (``webapp.ratelimit``) and their SQLite counters (``webapp.ratestore``)."""

from __future__ import annotations

import multiprocessing
import sqlite3
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

import webapp.ratestore
from tests.browser import serving
from tests.conftest import CORPUS
from webapp import create_app
from webapp.ratestore import SQLiteStorage

S0 = "000_19ab6ee4ef156fa2"


def _app(sample_index, **settings):
    return create_app({"INDEX": str(sample_index), **settings})


def test_the_api_budget_is_shared_by_api_and_widget_routes_then_429_with_retry_after(sample_index):
    client = _app(sample_index, RATE_LIMIT="4/minute").test_client()
    allowed = [client.get(url).status_code for url in ("/api/search?q=thu+tuc", f"/api/documents/{S0}",
                                                       "/embed", "/widget.js")]
    refused = client.get("/api/search")
    assert allowed == [200, 200, 200, 200]
    assert (refused.status_code, refused.get_json()) == (429, {
        "ok": False, "status": 429,
        "error": f"Too many requests: at most 4/minute from one address. Please wait "
                 f"{refused.headers['Retry-After']} s.", "code": "too_many_requests",
        "message": f"Quá nhiều yêu cầu: tối đa 4/minute từ một địa chỉ. Vui lòng chờ {refused.headers['Retry-After']} "
                   "giây."})
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    page = client.get("/embed")
    assert page.status_code == 429 and 'role="alert"' in page.get_data(as_text=True)
    assert [client.get(url).status_code for url in ("/", "/search?q=x", "/about", "/api/openapi.json")] == [200] * 4


def test_exports_have_their_own_budget_and_clients_their_own_counters(sample_index):
    client = _app(sample_index, RATE_LIMIT="1/minute", EXPORT_RATE_LIMIT="2/minute").test_client()
    assert [client.get("/export.csv?q=x").status_code for _ in range(3)] == [200, 200, 429]
    assert client.get("/export.csv?q=x").get_json()["status"] == 429
    assert client.get("/api/search").status_code == 200  # the API budget is untouched by exports
    other = {"REMOTE_ADDR": "203.0.113.9"}
    assert client.get("/export.csv?q=x", environ_base=other).status_code == 200


def test_an_empty_setting_means_no_limit(sample_index):
    client = _app(sample_index, RATE_LIMIT="", EXPORT_RATE_LIMIT="").test_client()
    statuses = {client.get(url).status_code for url in ("/api/search", "/export.csv", "/widget.js") * 40}
    assert statuses == {200}


def test_unusable_counters_let_requests_through(sample_index, monkeypatch):
    def locked(self, key, expiry, amount=1):
        raise sqlite3.OperationalError("database is locked")

    client = _app(sample_index, RATE_LIMIT="1/minute").test_client()
    monkeypatch.setattr(SQLiteStorage, "incr", locked)
    assert [client.get("/api/search").status_code for _ in range(3)] == [200, 200, 200]


def test_behind_a_trusted_proxy_the_forwarded_address_is_the_client(sample_index):
    client = _app(sample_index, RATE_LIMIT="1/minute", TRUSTED_PROXIES=1).test_client()
    forwarded = [{"X-Forwarded-For": address} for address in ("198.51.100.1", "198.51.100.2", "198.51.100.1")]
    assert [client.get("/api/search", headers=h).status_code for h in forwarded] == [200, 200, 429]


def test_apps_with_one_storage_file_share_their_counters(sample_index, tmp_path):
    settings = {"RATE_LIMIT": "3/minute", "RATE_LIMIT_STORAGE": str(tmp_path / "counters.sqlite3")}
    first, second = (_app(sample_index, **settings).test_client() for _ in range(2))
    assert [c.get("/api/search").status_code for c in (first, second, first, second)] == [200, 200, 200, 429]


def test_counters_restart_when_their_window_has_passed(tmp_path, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(webapp.ratestore.time, "time", lambda: clock[0])
    storage = SQLiteStorage(f"cchc-sqlite://{tmp_path / 'c.sqlite3'}")
    counts = [storage.incr("k", 60) for _ in range(3)]
    assert (counts, storage.get("k"), storage.get_expiry("k")) == ([1, 2, 3], 3, 1060.0)
    clock[0] = 1060.0
    assert (storage.get("k"), storage.incr("k", 60, amount=2), storage.get_expiry("k")) == (0, 2, 1120.0)
    storage.clear("k")
    assert (storage.get("k"), storage.check()) == (0, True)


def _hammer(path: str, times: int) -> None:
    storage = SQLiteStorage(f"cchc-sqlite://{path}")
    for _ in range(times):
        storage.incr("shared", 60)


def test_increments_from_several_processes_are_never_lost(tmp_path):
    path = str(tmp_path / "c.sqlite3")
    storage = SQLiteStorage(f"cchc-sqlite://{path}")
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_hammer, args=(path, 200)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert ([w.exitcode for w in workers], storage.get("shared")) == ([0, 0, 0, 0], 800)


@pytest.mark.parametrize("value", ["60/minute", "10 per hour", ""])
def test_rate_settings_are_kept_as_written(sample_index, value):
    assert _app(sample_index, RATE_LIMIT=value).config["RATE_LIMIT"] == value


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.slow  # starts a real gunicorn server
def test_the_workers_of_cchc_serve_share_one_budget(sample_index):
    """Two gunicorn worker processes, 12 concurrent requests, a budget of 6: exactly 6 answered in all."""
    limits = {"CCHC_RATE_LIMIT": "6/minute", "CCHC_WORKERS": "2"}
    with serving(sample_index, CORPUS, extra_env=limits) as base:  # its readiness check spends one request
        with ThreadPoolExecutor(4) as pool:
            statuses = sorted(pool.map(_status, [f"{base}/api/search?q=thu+tuc&page={n % 3 + 1}"
                                                 for n in range(12)]))
    assert statuses == [200] * 5 + [429] * 7
