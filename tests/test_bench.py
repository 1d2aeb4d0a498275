"""The benchmark itself, run with a tiny load: every figure is there and replies arrived.

Speed is measured by `python -m bench`, never asserted here.
"""

from __future__ import annotations

import json
from pathlib import Path

from bench.__main__ import main

FIGURES = ("updates_per_s", "p50_ms", "p95_ms", "p99_ms", "cpu_ms_per_update")


def test_a_tiny_benchmark_run_reports_every_figure(tmp_path: Path) -> None:
    output = tmp_path / "latest.json"
    code = main(
        [
            "--users=5",
            "--updates=100",
            "--rate-updates=40",
            "--seed-users=30",
            "--seed-teams=3",
            "--modes=sqlite-polling",
            "--no-reminders",  # tests/test_bench_reminders.py measures them small
            f"--output={output}",
        ]
    )
    assert code == 0
    results = json.loads(output.read_text())
    [mode] = results["modes"]
    assert mode["mode"] == "sqlite-polling"
    for bot in ("kringkoers", "echo"):
        entry = mode[bot]
        assert entry["exit_code"] == 0, bot  # both stopped gracefully on SIGTERM
        assert entry["peak_rss_mb"] > 0
        for name, updates in (("full_speed", 100), ("fixed_rate", 40)):
            figures = entry[name]
            assert figures["updates"] == updates, (bot, name)
            # Each update got its replies through the fake Bot API, none timed out.
            assert figures["answered"] == updates, (bot, name, figures["errors"])
            assert figures["replies"] >= updates, (bot, name)
            assert figures["timeouts"] == 0 and figures["errors"] == [], (bot, name)
            for figure in FIGURES:
                assert figures[figure] is not None and figures[figure] > 0, (bot, name, figure)
    # The real flows send more than one reply to some steps (the grid comes as a picture).
    assert mode["kringkoers"]["full_speed"]["replies"] > 100
    assert mode["echo"]["full_speed"]["replies"] == 100
    assert mode["kringkoers"]["db_size_mb"] > 0
    # The drawing process is the bot's too: its memory is measured beside the bot's own.
    assert mode["kringkoers"]["workers_peak_rss_mb"] > 0
    # ... and its CPU time is part of the bot's, reported on its own as well.
    ours = mode["kringkoers"]["full_speed"]
    assert 0 < ours["workers_cpu_ms_per_update"] < ours["cpu_ms_per_update"]
    assert mode["echo"]["full_speed"]["workers_cpu_ms_per_update"] == 0
    assert mode["seeded"] == {"users": 30, "teams": 3, "seconds": mode["seeded"]["seconds"]}
    assert mode["throughput_ratio"] > 0
    assert results["reminders"] == {"status": "not run"}
    assert set(results["targets"]) >= {
        "throughput_ratio_at_least_1",
        "p95_at_rate_at_most_25_ms",
        "p99_at_rate_at_most_60_ms",
        "peak_rss_at_most_150_mb",
        "peak_rss_with_workers_at_most_150_mb",
    }
