"""Figures from raw measurements, the printed table and the JSON file."""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path
from typing import Any

from bench.workload import Figures

MIB = 1024 * 1024


def percentile(values: list[float], fraction: float) -> float | None:
    """The nearest-rank percentile of `values` (None when empty)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(fraction * len(ordered) + 0.5)))
    return ordered[rank - 1]


def _ms(value: float | None) -> float | None:
    return None if value is None else round(value * 1000, 2)


def phase(figures: Figures) -> dict[str, Any]:
    """One phase's figures: throughput, latency percentiles in ms, and what went wrong."""
    answered = len(figures.latencies)
    return {
        "updates": figures.offered,
        "answered": answered,
        "replies": figures.replies,
        "seconds": round(figures.elapsed, 3),
        "updates_per_s": round(figures.offered / figures.elapsed, 1),
        "p50_ms": _ms(percentile(figures.latencies, 0.50)),
        "p95_ms": _ms(percentile(figures.latencies, 0.95)),
        "p99_ms": _ms(percentile(figures.latencies, 0.99)),
        "timeouts": figures.timeouts,
        "errors": figures.errors[:10],
    }


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import telegram

    return {
        "cores": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
        "python_telegram_bot": telegram.__version__,
        "system": platform.platform(),
    }


def load_average() -> list[float]:
    """The 1, 5 and 15 minute load averages (other work on the machine makes figures noisy)."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def _cell(value: Any, digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def table(results: dict[str, Any]) -> str:
    """The results as a plain-text table."""
    head = (
        f"{'mode':<16} {'bot':<10} {'upd/s':>7} {'p50':>7} {'p95':>7} {'p99':>7} "
        f"{'@rate':>6} {'p50':>7} {'p95':>7} {'p99':>7} {'cpu ms':>7} {'wrk ms':>7} {'peak MB':>8} "
        f"{'+wrk MB':>8} {'db MB':>7} {'ratio':>6}"
    )
    lines = [head, "-" * len(head)]
    for mode in results["modes"]:
        for bot in ("kringkoers", "echo"):
            entry = mode.get(bot)
            if entry is None:
                continue
            full, rated = entry["full_speed"], entry.get("fixed_rate") or {}
            lines.append(
                f"{mode['mode']:<16} {bot:<10} {_cell(full['updates_per_s']):>7} "
                f"{_cell(full['p50_ms']):>7} {_cell(full['p95_ms']):>7} "
                f"{_cell(full['p99_ms']):>7} {_cell(rated.get('updates_per_s')):>6} "
                f"{_cell(rated.get('p50_ms')):>7} "
                f"{_cell(rated.get('p95_ms')):>7} {_cell(rated.get('p99_ms')):>7} "
                f"{_cell(full.get('cpu_ms_per_update'), 2):>7} "
                f"{_cell(full.get('workers_cpu_ms_per_update'), 2):>7} "
                f"{_cell(entry.get('peak_rss_mb')):>8} "
                f"{_cell(entry.get('workers_peak_rss_mb')):>8} "
                f"{_cell(entry.get('db_size_mb'), 2):>7} "
                f"{_cell(mode.get('throughput_ratio') if bot == 'kringkoers' else None, 2):>6}"
            )
    lines.append(
        "upd/s: full speed; @rate: updates/s achieved at the fixed offered load, then its "
        "latencies; latencies in ms from an update offered to its first reply at the fake; "
        "cpu ms: the bot's CPU time per update at full speed (its workers included), wrk ms "
        "the workers' part of it (drawing); "
        "+wrk MB: peak resident memory of the bot's worker processes, beside its own"
    )
    return "\n".join(lines)


def write_json(results: dict[str, Any], path: Path) -> None:
    """Write the results, creating the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
