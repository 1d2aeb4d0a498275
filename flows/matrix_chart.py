"""The impact/effort matrix (Tool 6) as a PNG: every scored action as a numbered dot.

Dots carry numbers and a legend names them, so long action names never overlap on the
plot. Built on a Figure with an Agg canvas, never pyplot, like flows/charts.py.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from flows.charts import RENDER_LOCK, drawable, figure_png, shorten

SIZE_IN = (8.0, 9.5)
DPI = 150
MIDDLE = 3.0  # on the 1-5 scales: above it is high
LEGEND_LINES = 24
_COLOURS = {
    "quick_win": "#dcefd6",
    "big_bet": "#d7e8f5",
    "fill_in": "#f6efc0",
    "time_sink": "#f9d9d3",
}


@dataclass(frozen=True)
class MatrixPoint:
    """One action: its name and its combined impact and effort (1-5)."""

    name: str
    impact: float
    effort: float


@dataclass(frozen=True)
class MatrixText:
    """The translated words the matrix shows."""

    title: str
    impact_axis: str
    effort_axis: str
    quadrants: dict[str, str]  # quick_win, big_bet, fill_in, time_sink
    more: str


def quadrant(impact: float, effort: float) -> str:
    """The quadrant of an action: quick_win, big_bet, fill_in or time_sink."""
    high_impact, high_effort = impact > MIDDLE, effort > MIDDLE
    if high_impact:
        return "big_bet" if high_effort else "quick_win"
    return "time_sink" if high_effort else "fill_in"


def matrix_png(points: Sequence[MatrixPoint], text: MatrixText) -> bytes:
    """A PNG of the impact/effort matrix with its four quadrants and numbered actions."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with RENDER_LOCK:
        figure = Figure(figsize=SIZE_IN, dpi=DPI, facecolor="white")
        FigureCanvasAgg(figure)
        axes = figure.add_axes((0.1, 0.36, 0.85, 0.56))
        axes.set_xlim(0.5, 5.5)
        axes.set_ylim(0.5, 5.5)
        low, high = (0.5, MIDDLE), (MIDDLE, 5.5)
        # Effort runs left (little) to right (much); impact bottom (little) to top (much).
        for name, (xs, ys) in {
            "quick_win": (low, high),
            "big_bet": (high, high),
            "fill_in": (low, low),
            "time_sink": (high, low),
        }.items():
            axes.axvspan(*xs, ymin=(ys[0] - 0.5) / 5, ymax=(ys[1] - 0.5) / 5, color=_COLOURS[name])
            axes.text(
                (xs[0] + xs[1]) / 2,
                ys[1] - 0.15,
                drawable(text.quadrants[name]),
                ha="center",
                va="top",
                fontsize=12,
                fontweight="bold",
                color="#444c56",
                parse_math=False,
            )
        axes.set_xlabel(drawable(text.effort_axis), fontsize=11)
        axes.set_ylabel(drawable(text.impact_axis), fontsize=11)
        axes.set_xticks(range(1, 6))
        axes.set_yticks(range(1, 6))
        axes.set_title(drawable(shorten(text.title, 60)), fontsize=14, parse_math=False)
        # Actions with the same scores would hide each other: spread them on a small spiral
        # around their spot, never further than 0.45 so they stay near their true place.
        seen: dict[tuple[float, float], int] = {}
        for number, point in enumerate(points, start=1):
            key = (round(point.effort, 1), round(point.impact, 1))
            k = seen.get(key, 0)
            seen[key] = k + 1
            radius, angle = min(0.45, 0.16 * math.sqrt(k)), k * 2.39996
            x = point.effort + radius * math.cos(angle)
            y = point.impact + radius * math.sin(angle)
            axes.scatter(x, y, s=200, color="#1f6feb", zorder=3, edgecolors="white")
            axes.text(
                x,
                y,
                str(number),
                ha="center",
                va="center",
                fontsize=7,
                color="white",
                fontweight="bold",
                zorder=4,
                parse_math=False,
            )
        # The legend: one line per action, in one or two columns below the plot.
        width = 70 if len(points) <= LEGEND_LINES // 2 else 42
        names = [f"{n}. {shorten(p.name, width)}" for n, p in enumerate(points, start=1)]
        if len(names) > LEGEND_LINES:
            names = [*names[: LEGEND_LINES - 1], f"+{len(names) - LEGEND_LINES + 1} {text.more}"]
        per_column = LEGEND_LINES // 2
        for index, name in enumerate(names):
            column, row = divmod(index, per_column)
            figure.text(
                0.05 + 0.47 * column,
                0.28 - 0.022 * row,
                drawable(name),
                ha="left",
                va="top",
                fontsize=9,
                parse_math=False,
            )
        return figure_png(figure)
