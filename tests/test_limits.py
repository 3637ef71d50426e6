"""Time limit and runaway queries: cut off quickly with a clear message, on both query paths."""

from __future__ import annotations

import time

import pytest

from search.engine import SearchEngine
from search.limits import Deadline, QueryTimeout
from search.models import make_request
from webapp import create_app

TIME_LIMIT = 2.0  # QUERY_TIMEOUT of the runaway tests
RUNAWAY = {
    "wildcards": ("*a*", 200),
    "10,000 OR-ed terms": (" OR ".join(f"từ{i}" for i in range(10_000)), 400),
    "a 100 KB query": ("cải cách " * 11_000, 400),
}


def test_a_deadline_expires_and_says_so():
    deadline = Deadline(0.01)
    deadline.check()
    time.sleep(0.02)
    with pytest.raises(QueryTimeout) as caught:
        deadline.check()
    assert str(caught.value) == ("The search took longer than 0.01 s and was stopped. Make it narrower: fewer OR-ed "
                                 "words, a phrase, or a filter.")
    assert Deadline(None).remaining() == float("inf")


@pytest.mark.parametrize("query, total", [("cải cách hành chính", 5), ("NOT thủ tục", 0),
                                          ("một cửa OR -dịch vụ", 4), ("", 5)])
def test_every_query_path_stops_at_the_limit(sample_index, query, total):
    """Plain words, a bare NOT, an OR holding a NOT and the landing page all check the deadline."""
    engine = SearchEngine(sample_index, timeout=1e-9)
    with pytest.raises(QueryTimeout):
        engine.run_search(make_request(query))
    with pytest.raises(QueryTimeout):
        engine.export(make_request(query), 100)
    unlimited = SearchEngine(sample_index)
    assert (unlimited.run_search(make_request(query)).total, len(unlimited.export(make_request(query), 100))) == (
        total, total)


def test_a_search_past_the_limit_gets_422_with_the_message(sample_index):
    client = create_app({"INDEX": str(sample_index), "QUERY_TIMEOUT": 1e-9}).test_client()
    response = client.get("/api/search", query_string={"q": "cải cách"})
    assert (response.status_code, response.get_json()) == (422, {
        "ok": False, "status": 422,
        "error": "The search took longer than 1e-09 s and was stopped. Make it narrower: fewer OR-ed words, "
                 "a phrase, or a filter.", "code": "timeout",
        "message": "Tìm kiếm chạy quá 1e-09 giây nên đã dừng. Hãy thu hẹp: bớt các từ nối bằng OR, dùng cụm từ "
                   "hoặc bộ lọc."})
    page = client.get("/", query_string={"q": "cải cách"})
    assert page.status_code == 422 and "nên đã dừng" in page.get_data(as_text=True)
    page = client.get("/", query_string={"q": "cải cách", "lang": "en"})
    assert page.status_code == 422 and "was stopped" in page.get_data(as_text=True)


def _runaway(sample_index, name: str) -> tuple[object, float]:
    client = create_app({"INDEX": str(sample_index), "QUERY_TIMEOUT": TIME_LIMIT}).test_client()
    started = time.perf_counter()
    response = client.get("/api/search", query_string={"q": RUNAWAY[name][0]})
    return response, time.perf_counter() - started


@pytest.mark.parametrize("name", RUNAWAY)
def test_runaway_queries_are_answered_or_refused(sample_index, name):
    response, _ = _runaway(sample_index, name)
    body = response.get_json()
    assert response.status_code == RUNAWAY[name][1], body
    if response.status_code == 400:
        assert body["ok"] is False and ("at most 64 parts" in body["error"] or "too long" in body["error"])


@pytest.mark.slow
@pytest.mark.parametrize("name", RUNAWAY)
def test_runaway_queries_end_within_the_time_limit(sample_index, name):
    """A clock: the answer comes within QUERY_TIMEOUT plus a generous margin for a loaded machine."""
    _, elapsed = _runaway(sample_index, name)
    assert elapsed < TIME_LIMIT + 3.0
