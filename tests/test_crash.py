"""Crash safety: 20 `kill -9` trials of `cchc index --full` and concurrent writers (``bench.crash``)."""

from __future__ import annotations

from bench.crash import run_trials


def test_kill_9_at_random_moments_never_loses_the_served_index(tmp_path, capsys):
    out = run_trials(trials=20, concurrent=3, seed=2026, folder=tmp_path)
    print(capsys.readouterr().out)
    assert out.problems == []
    assert (out.trials, out.concurrent) == (20, 3)
    assert out.killed_mid_build >= 10  # the kills really fall inside builds
