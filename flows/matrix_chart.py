"""The impact/effort matrix (Tool 6) as a PNG: every scored action as a numbered dot.

Dots carry numbers and a legend names them, so long action names never overlap on the
plot. Drawn on a flows/picture.py `Scene` in the drawing process (flows/drawing.py); the bot
process imports this module for its dataclasses and `quadrant`, so Pillow and flows.picture
are imported inside the functions only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from flows.charts import shorten

if TYPE_CHECKING:
    from flows.picture import Scene

SIZE_IN = (8.0, 9.5)
MIDDLE = 3.0  # on the 1-5 scales: above it is high
LEGEND_LINES = 24
SPREAD = 0.45  # furthest a dot moves from its true spot to make room for an equal one
DOT_COLOUR = "#1f6feb"
QUADRANT_COLOURS = {
    "quick_win": "#dcefd6",
    "big_bet": "#d7e8f5",
    "fill_in": "#f6efc0",
    "time_sink": "#f9d9d3",
}
# Where each quadrant lies: (effort from, to), (impact from, to). Effort runs left (little)
# to right (much), impact bottom (little) to top (much).
_LOW, _HIGH = (0.5, MIDDLE), (MIDDLE, 5.5)
QUADRANT_SPANS = {
    "quick_win": (_LOW, _HIGH),
    "big_bet": (_HIGH, _HIGH),
    "fill_in": (_LOW, _LOW),
    "time_sink": (_HIGH, _LOW),
}

# Geometry in inches from the bottom left, as the matplotlib axes at (0.1, 0.36, 0.85, 0.56)
# of the page were; sizes in points.
_PLOT_LEFT, _PLOT_BOTTOM, _PLOT_WIDTH, _PLOT_HEIGHT = 0.8, 3.42, 6.8, 5.32
_TICK, _TICK_PAD, _LABEL_PAD, _TITLE_PAD = 3.5 / 72, 3.5 / 72, 4 / 72, 6 / 72
_FRAME_PT = 0.8
_DOT = math.sqrt(200) / 2 / 72  # matplotlib's scatter size 200 pt², as a radius
_DOT_EDGE_PT = 1.0
_LEGEND_X = (0.4, 4.16)  # the legend's columns
_LEGEND_TOP = 2.66
_LEGEND_STEP = 0.209  # between legend lines
_LEGEND_PT = 9.0
_QUADRANT_COLOUR = "#444c56"


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
    return matrix_scene(points, text).png()


def spots(points: Sequence[MatrixPoint]) -> list[tuple[float, float]]:
    """Where each action's dot goes, as (effort, impact): equal scores spread on a spiral."""
    # Actions with the same scores would hide each other: spread them on a small spiral
    # around their spot, never further than SPREAD so they stay near their true place.
    seen: dict[tuple[float, float], int] = {}
    found = []
    for point in points:
        key = (round(point.effort, 1), round(point.impact, 1))
        k = seen.get(key, 0)
        seen[key] = k + 1
        radius, angle = min(SPREAD, 0.16 * math.sqrt(k)), k * 2.39996
        found.append(
            (point.effort + radius * math.cos(angle), point.impact + radius * math.sin(angle))
        )
    return found


def matrix_scene(points: Sequence[MatrixPoint], text: MatrixText) -> Scene:
    """The matrix as a scene: quadrants, axes, title, numbered dots and the legend."""
    from flows.chart_axes import (
        Scale,
        baseline_below,
        baseline_centred,
        baseline_for_digits,
        text_depth,
    )
    from flows.picture import RENDER_LOCK, Font, Scene, fit, plain, text_width

    width, height = SIZE_IN
    left, bottom = _PLOT_LEFT, _PLOT_BOTTOM
    right, top = left + _PLOT_WIDTH, bottom + _PLOT_HEIGHT
    x = Scale(0.5, 5.5, left, right)
    y = Scale(0.5, 5.5, bottom, top)
    tick_font, label_font = Font(10), Font(11)
    with RENDER_LOCK:  # the width cache is shared with other renders
        scene = Scene(width, height)
        for name, (efforts, impacts) in QUADRANT_SPANS.items():
            area_left, area_bottom = x(efforts[0]), y(impacts[0])
            scene.rect(area_left, area_bottom, x(efforts[1]) - area_left,
                       y(impacts[1]) - area_bottom, QUADRANT_COLOURS[name])  # fmt: skip
            words, font = fit(plain(text.quadrants[name]), x(efforts[1]) - area_left - 0.2,
                              Font(12, bold=True), 0.8)  # fmt: skip
            under = baseline_below(y(impacts[1] - 0.15), font.size)
            scene.text((area_left + x(efforts[1])) / 2, under, words, font, _QUADRANT_COLOUR,
                       halign="center")  # fmt: skip
        scene.rect(left, bottom, right - left, top - bottom, None,
                   edge="black", edge_width=_FRAME_PT)  # fmt: skip

        labels = [str(score) for score in range(1, 6)]
        for score, label in enumerate(labels, start=1):
            scene.line([(x(score), bottom - _TICK), (x(score), bottom)], "black", _FRAME_PT)
            under = baseline_below(bottom - _TICK - _TICK_PAD, tick_font.size)
            scene.text(x(score), under, label, tick_font, "black", halign="center")
            scene.line([(left - _TICK, y(score)), (left, y(score))], "black", _FRAME_PT)
            level = baseline_centred(y(score), tick_font.size)
            scene.text(left - _TICK - _TICK_PAD, level, label, tick_font, "black", halign="right")
        below = bottom - _TICK - _TICK_PAD - text_depth(tick_font.size) - _LABEL_PAD
        effort, font = fit(plain(text.effort_axis), right - left, label_font, 0.8)
        under = baseline_below(below, font.size)
        scene.text((left + right) / 2, under, effort, font, "black", halign="center")
        beside = left - _TICK - _TICK_PAD - max(text_width(s, tick_font) for s in labels)
        impact, font = fit(plain(text.impact_axis), top - bottom, label_font, 0.8)
        scene.text(beside - _LABEL_PAD, (bottom + top) / 2, impact, font, "black",
                   halign="center", valign="bottom", rotation=90)  # fmt: skip
        title, font = fit(shorten(plain(text.title), 60), width - 0.4, Font(14), 0.8)
        scene.text((left + right) / 2, top + _TITLE_PAD, title, font, "black", halign="center")

        number_font = Font(7, bold=True)
        for number, (effort_at, impact_at) in enumerate(spots(points), start=1):
            # The white edge is centred on the dot's outline, as matplotlib strokes it.
            scene.ellipse(x(effort_at), y(impact_at), _DOT - _DOT_EDGE_PT / 144, DOT_COLOUR,
                          edge="white", edge_width=_DOT_EDGE_PT)  # fmt: skip
            level = baseline_for_digits(y(impact_at), number_font.size)
            scene.text(x(effort_at), level, str(number), number_font, "white", halign="center")

        # The legend: one line per action, in one or two columns below the plot.
        two_columns = len(points) > LEGEND_LINES // 2
        column_width = (_LEGEND_X[1] - _LEGEND_X[0] - 0.15) if two_columns else width - 0.7
        names = [
            f"{n}. {shorten(plain(p.name), 42 if two_columns else 70)}"
            for n, p in enumerate(points, start=1)
        ]
        if len(names) > LEGEND_LINES:
            names = [*names[: LEGEND_LINES - 1], f"+{len(names) - LEGEND_LINES + 1} {text.more}"]
        per_column = LEGEND_LINES // 2
        for index, name in enumerate(names):
            column, row = divmod(index, per_column)
            line, font = fit(plain(name), column_width, Font(_LEGEND_PT))
            under = baseline_below(_LEGEND_TOP - _LEGEND_STEP * row, font.size)
            scene.text(_LEGEND_X[column], under, line, font, "black")
    return scene
