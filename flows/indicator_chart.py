"""An indicator's trend as a PNG: measured values over time, the baseline and the target.

Like flows/charts.py: matplotlib is imported inside the function, figures are built on an Agg
canvas without pyplot, and rendering runs in the drawing process (flows/drawing.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from flows.charts import RENDER_LOCK, figure_png

DPI = 150
MAX_TICKS = 8  # date labels on the time axis; more would overlap


@dataclass(frozen=True, slots=True)
class TrendText:
    """The words on the chart, in the reader's language."""

    title: str
    unit: str
    target: str
    baseline: str
    measured: str


def trend_png(
    points: Sequence[tuple[date, float]],
    baseline: float | None,
    target: float,
    target_date: date | None,
    text: TrendText,
) -> bytes:
    """Measured values as a line with dots, a dashed baseline, and the target as a star."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with RENDER_LOCK:
        figure = Figure(figsize=(8, 5), dpi=DPI, facecolor="white")
        FigureCanvasAgg(figure)
        axes = figure.add_subplot(1, 1, 1)
        days = [float(day.toordinal()) for day, _ in points]
        axes.plot(
            days,
            [value for _, value in points],
            marker="o",
            color="#2a7f62",
            linewidth=2,
            label=text.measured,
        )
        if baseline is not None:
            axes.axhline(baseline, color="#888888", linestyle="--", label=text.baseline)
        when = float(target_date.toordinal()) if target_date else days[-1]
        axes.plot(
            [when],
            [target],
            marker="*",
            markersize=16,
            color="#d9822b",
            linestyle="none",
            label=text.target,
        )
        axes.set_title(text.title[:80])
        axes.set_ylabel(text.unit[:40])
        axes.grid(alpha=0.3)
        axes.legend(loc="best")
        ticks = sorted({*(day for day, _ in points), *([target_date] if target_date else [])})
        ticks = ticks[:: max(1, len(ticks) // MAX_TICKS)]
        axes.set_xticks([float(day.toordinal()) for day in ticks])
        axes.set_xticklabels([day.strftime("%d/%m/%y") for day in ticks], rotation=30)
        figure.tight_layout()
        return figure_png(figure)
