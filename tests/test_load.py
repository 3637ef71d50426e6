"""Smoke run of the load script (``bench.load``): wrk against `cchc serve`, every figure printed, no error.

The 60-second, 50-client run on 10,000 bulletins is `bash scripts/load.sh`; its figures are in the README.
"""

from __future__ import annotations

import pytest

from bench.load import request_mix, run


@pytest.mark.slow
def test_a_short_load_run_has_no_errors(sample_index):
    figures = run(sample_index, clients=8, seconds=3, workers=2)
    assert set(figures) >= {"requests", "requests_per_second", "p50_ms", "p95_ms", "p99_ms", "errors", "non_2xx"}
    assert figures["requests"] > 20
    assert figures["errors"] == 0, figures
    assert 0 < figures["p50_ms"] <= figures["p95_ms"] <= figures["p99_ms"] <= figures["max_ms"]


def test_the_request_mix_covers_every_kind_of_request():
    paths = request_mix([f"doc-{n}" for n in range(40)])
    kinds = {path.split("?")[0].rsplit("/", 1)[0] if "documents" in path else path.split("?")[0] for path in paths}
    assert kinds == {"/api/search", "/search", "/", "/api/documents", "/documents"}
    assert any("province=" in p for p in paths) and any("page=40" in p for p in paths)
    assert any("%22" in p for p in paths)  # phrases
