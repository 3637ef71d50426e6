"""Crash safety: 20 `kill -9` trials of `cchc index --full` and concurrent writers (``bench.crash``)."""

from __future__ import annotations

import pytest

from bench.crash import run_trials

pytestmark = pytest.mark.slow


def test_kill_9_at_random_moments_never_loses_the_served_index(tmp_path, capsys):
    out = run_trials(trials=20, concurrent=3, seed=2026, folder=tmp_path)
    print(capsys.readouterr().out)
    assert out.problems == []
    assert (out.trials, out.concurrent) == (20, 3)
    assert out.killed_mid_build + out.killed_before_build + out.finished_before_kill == 20
    # A mid-build kill is one with the new generation folder on disk: at least a quarter should be (typically
    # over half), or the trials mostly test interpreter start-up.
    assert out.killed_mid_build >= 5, out
