"""Requests in different threads run at the same time: a searcher per thread, no lock around a search."""

from __future__ import annotations

import threading
import time

import pytest

import search.index_state
import search.ranking
from search.engine import SearchEngine
from search.models import make_request


def _in_thread(target) -> tuple[threading.Thread, list]:
    out: list = []

    def run():
        try:
            out.append(target())
        except BaseException as error:  # reported by the test
            out.append(error)
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, out


def test_two_searches_overlap(sample_index, monkeypatch):
    """Both searches must stand inside ranking at once to pass the barrier: a lock would break it."""
    engine = SearchEngine(sample_index, cache_size=0)
    engine.run_search(make_request(""))  # open the index
    barrier = threading.Barrier(2, timeout=20)
    rank = search.ranking.rank

    def meeting(*args, **kwargs):
        barrier.wait()
        return rank(*args, **kwargs)
    monkeypatch.setattr(search.ranking, "rank", meeting)
    runs = [_in_thread(lambda q=q: engine.run_search(make_request(q)).total) for q in ("cải cách", "một cửa")]
    for thread, _ in runs:
        thread.join(30)
    assert [type(out[0]) for _, out in runs] == [int, int], [out for _, out in runs]


def test_a_cached_answer_does_not_wait_for_a_running_search(sample_index, monkeypatch):
    engine = SearchEngine(sample_index)
    landing = engine.run_search(make_request(""))  # now cached
    inside, release = threading.Event(), threading.Event()
    rank = search.ranking.rank

    def stuck(*args, **kwargs):
        inside.set()
        release.wait(20)
        return rank(*args, **kwargs)
    monkeypatch.setattr(search.ranking, "rank", stuck)
    thread, out = _in_thread(lambda: engine.run_search(make_request("cải cách")))
    assert inside.wait(20)
    assert engine.run_search(make_request("")) is landing  # answered while the other search is stuck
    assert thread.is_alive()
    release.set()
    thread.join(30)
    assert out and out[0].total > 0


def test_each_thread_reads_with_its_own_searcher(sample_index):
    engine = SearchEngine(sample_index)
    state = engine._current()
    mine = state.searcher
    thread, out = _in_thread(lambda: (state.searcher, state.vector))
    thread.join(30)
    theirs, their_vector = out[0]
    assert mine is state.searcher and state.vector.searcher is mine
    assert theirs is not mine and their_vector.searcher is theirs and their_vector is not state.vector
    assert their_vector._postings is state.vector._postings is state.postings  # one postings cache per state
    assert their_vector._lengths is state.arrays.lengths


def test_a_reopen_in_progress_leaves_other_requests_on_the_old_state(sample_index):
    engine = SearchEngine(sample_index)
    state = engine._current()
    engine._checked = 0  # due to look at the disk again
    with engine._served._lock:  # another thread is reopening
        assert engine._current() is state
    assert engine._current() is state  # nothing changed on disk: the same state


@pytest.mark.slow
def test_a_cached_answer_takes_milliseconds_beside_a_slow_search(sample_index, monkeypatch):
    engine = SearchEngine(sample_index)
    engine.run_search(make_request(""))
    rank = search.ranking.rank

    def slow(*args, **kwargs):
        time.sleep(3)
        return rank(*args, **kwargs)
    monkeypatch.setattr(search.ranking, "rank", slow)
    thread, _ = _in_thread(lambda: engine.run_search(make_request("cải cách")))
    time.sleep(0.2)
    started = time.perf_counter()
    engine.run_search(make_request(""))
    assert time.perf_counter() - started < 0.05
    assert thread.is_alive()
    thread.join(30)


def test_a_state_whose_files_are_gone_is_replaced_and_the_request_answered(sample_index, monkeypatch):
    """A thread's first reader over a commit merged away (FileNotFoundError) makes the engine reopen."""
    engine = SearchEngine(sample_index, cache_size=0)
    old = engine._current()
    real = search.index_state.FileIndex._reader
    failures = []

    def gone_once(*args, **kwargs):
        if not failures:
            failures.append(1)
            raise FileNotFoundError("_MAIN_x.seg")
        return real(*args, **kwargs)
    monkeypatch.setattr(search.index_state.FileIndex, "_reader", gone_once)
    thread, out = _in_thread(lambda: engine.run_search(make_request("cải cách")).total)
    thread.join(30)
    assert failures == [1] and type(out[0]) is int and out[0] > 0
    assert engine._current() is not old


def test_the_threads_evaluators_share_one_norms_array_per_field(tmp_path):
    from tests.helpers import engine_over

    served = engine_over({"a": "Cải cách hành chính tỉnh Cao Bằng.", "b": "Một cửa liên thông hiện đại."}, tmp_path)
    state, found = served._current(), []

    def search():
        served.run_search(make_request("cải cách"))
        found.append((state.vector, state.vector._norm("content")))

    threads = [threading.Thread(target=search) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    (first, first_norms), (second, second_norms) = found
    assert first is not second and first.searcher is not second.searcher
    assert first_norms is second_norms and state.norms[("content", 1.2, 0.75)] is first_norms
