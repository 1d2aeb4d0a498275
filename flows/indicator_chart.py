"""An indicator's trend as a PNG: measured values over time, the baseline and the target.

Drawn on a flows/picture.py `Scene` in the drawing process (flows/drawing.py). The bot process
imports this module for `TrendText`, so Pillow and flows.picture are imported inside the
functions only. The look follows the matplotlib chart this replaced: a green line with dots,
a dashed grey baseline, an orange star for the target, a light grid and a legend where it
hides the least.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from flows.charts import shorten

if TYPE_CHECKING:
    from flows.chart_axes import Scale
    from flows.picture import Box, Font, Scene

SIZE_IN = (8.0, 5.0)
MAX_TICKS = 8  # date labels on the time axis at most; fewer when they would overlap
Y_TICKS = 9  # value labels at most, as many as matplotlib put on this height
MEASURED_COLOUR = "#2a7f62"
BASELINE_COLOUR = "#888888"
TARGET_COLOUR = "#d9822b"
_GRID_COLOUR = "#e7e7e7"  # matplotlib's grey grid at 30% on white
_LEGEND_EDGE = "#cccccc"

# Geometry in inches; sizes in points as matplotlib's defaults were.
_PAD = 0.15  # around the page's content
_TICK = 3.5 / 72  # tick marks outside the frame
_TICK_PAD = 3.5 / 72  # between a tick mark and its label
_LABEL_PAD = 4 / 72  # between the tick labels and the axis label
_TITLE_PAD = 6 / 72
_LABEL_GAP = 0.1  # least room between two date labels
_LABEL_PT = 10.0
_TITLE_PT = 12.0
_FRAME_PT = 0.8
_LINE_PT = 2.0
_BASELINE_PT = 1.5
_DOT = 3.5 / 72  # radius of a measured point, its edge included
_STAR = 8.5 / 72  # outer radius of the target's star, its edge included
_DASH, _GAP = 5.55 / 72, 2.4 / 72  # matplotlib's "--" at 1.5 points

Point = tuple[float, float]


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
    return trend_scene(points, baseline, target, target_date, text).png()


def trend_scene(
    points: Sequence[tuple[date, float]],
    baseline: float | None,
    target: float,
    target_date: date | None,
    text: TrendText,
) -> Scene:
    """The trend chart as a scene: frame, grid, ticks, line, baseline, star, legend."""
    from flows.chart_axes import (
        Scale,
        baseline_below,
        baseline_centred,
        nice_ticks,
        padded_range,
        text_depth,
        tick_labels,
    )
    from flows.picture import RENDER_LOCK, Font, Scene, fit, line_height, text_width

    if not points and target_date is None:
        raise ValueError("a trend needs a measured value or a target date")
    width, height = SIZE_IN
    font, title_font = Font(_LABEL_PT), Font(_TITLE_PT)
    days = [float(day.toordinal()) for day, _ in points]
    values = [value for _, value in points]
    when = float(target_date.toordinal()) if target_date else days[-1]
    with RENDER_LOCK:  # the width cache is shared with other renders
        scene = Scene(width, height)
        low, high = padded_range([*values, target, *([] if baseline is None else [baseline])])
        ticks, step = nice_ticks(low, high, Y_TICKS)
        labels = tick_labels(ticks, step)
        # Room on the left for the unit turned upright and the widest value label.
        left = (
            _PAD
            + line_height(font)
            + _LABEL_PAD
            + max(text_width(label, font) for label in labels)
            + _TICK_PAD
            + _TICK
        )
        right = width - _PAD
        # A lone date gets a day either side, so it stands in the middle.
        x = Scale(*padded_range([*days, when], flat=1.0), left, right)
        dates = _date_ticks(sorted({*days, when}), when, x, font, width)
        rows = 1 + max(tick.row for tick in dates)
        bottom = _PAD + (rows - 1) * line_height(font) + text_depth(font.size) + _TICK_PAD + _TICK
        top = height - _PAD - line_height(title_font) - _TITLE_PAD
        y = Scale(low, high, bottom, top)

        for level in ticks:
            scene.line([(left, y(level)), (right, y(level))], _GRID_COLOUR, _FRAME_PT)
        for tick in dates:
            scene.line([(x(tick.day), bottom), (x(tick.day), top)], _GRID_COLOUR, _FRAME_PT)
        if baseline is not None:
            _dashes(scene, left, right, y(baseline), BASELINE_COLOUR, _BASELINE_PT)
        spots = [(x(day), y(value)) for day, value in zip(days, values, strict=True)]
        if len(spots) > 1:
            scene.line(spots, MEASURED_COLOUR, _LINE_PT)
        for spot in spots:
            scene.ellipse(*spot, _DOT, MEASURED_COLOUR)
        star = (x(when), y(target))
        scene.polygon(_star(*star, _STAR), TARGET_COLOUR)
        scene.rect(left, bottom, right - left, top - bottom, None,
                   edge="black", edge_width=_FRAME_PT)  # fmt: skip

        for level, label in zip(ticks, labels, strict=True):
            scene.line([(left - _TICK, y(level)), (left, y(level))], "black", _FRAME_PT)
            middle = baseline_centred(y(level), font.size)
            scene.text(left - _TICK - _TICK_PAD, middle, label, font, "black", halign="right")
        for tick in dates:
            scene.line([(x(tick.day), bottom - _TICK), (x(tick.day), bottom)], "black", _FRAME_PT)
            below = bottom - _TICK - _TICK_PAD - tick.row * line_height(font)
            under = baseline_below(below, font.size)
            scene.text(tick.centre, under, tick.label, font, "black", halign="center")
        unit, unit_font = fit(_cut(text.unit, 40), top - bottom, font, 0.8)
        scene.text(_PAD, (bottom + top) / 2, unit, unit_font, "black",
                   halign="center", valign="top", rotation=90)  # fmt: skip
        # The title centred over the plot, as wide as the page allows on both sides.
        middle = (left + right) / 2
        room = 2 * min(middle - _PAD, width - _PAD - middle)
        title, title_font = fit(_cut(text.title, 80), room, title_font, 0.8)
        scene.text(middle, top + _TITLE_PAD, title, title_font, "black", halign="center")

        entries = [("line", text.measured), ("star", text.target)]
        if baseline is not None:
            entries.insert(1, ("dash", text.baseline))
        obstacles = _samples(spots)
        if baseline is not None:
            obstacles += _samples([(left, y(baseline)), (right, y(baseline))])
        # Hiding the target would hide the point of the chart: it weighs as 2.5 inches of line.
        obstacles += [star] * 50
        _legend(scene, entries, (left, bottom, right, top), obstacles, font)
    return scene


class DateTick(NamedTuple):
    """A labelled date on the time axis: its day number, label, label centre and row (0, 1)."""

    day: float
    label: str
    centre: float
    row: int


def _cut(text: str, limit: int) -> str:
    """The text plain, cut to `limit` characters with "…"; an empty text stays empty."""
    from flows.picture import plain

    flat = plain(text)
    return shorten(flat, limit) if flat else ""


def _date_ticks(
    candidates: list[float], keep: float, x: Scale, font: Font, width: float
) -> list[DateTick]:
    """The dates to label, `keep` (the target's) always, level in one or two rows, apart."""
    from flows.picture import text_width

    # Every so many of the other dates, at most MAX_TICKS with `keep`.
    others = [day for day in candidates if day != keep]
    stride = max(1, math.ceil(len(others) / (MAX_TICKS - 1)))

    def placed(day: float, row: int) -> DateTick:
        label = date.fromordinal(int(day)).strftime("%d/%m/%y")
        half = text_width(label, font) / 2
        # A label near the page's edge moves inward rather than run off the picture.
        return DateTick(day, label, min(max(x(day), _PAD + half), width - _PAD - half), row)

    def apart(one: DateTick, other: DateTick) -> bool:
        halves = (text_width(one.label, font) + text_width(other.label, font)) / 2
        return abs(one.centre - other.centre) >= halves + _LABEL_GAP

    kept = placed(keep, 0)
    rows: tuple[list[DateTick], list[DateTick]] = ([], [])
    for day in others[::stride]:
        # Left to right: the first row if there is room beside its previous label and the
        # kept one, else the second row; a date crowded in both goes unlabelled.
        for row, labels in enumerate(rows):
            tick = placed(day, row)
            if (not labels or apart(labels[-1], tick)) and (row == 1 or apart(tick, kept)):
                labels.append(tick)
                break
    return sorted([*rows[0], kept, *rows[1]], key=lambda tick: tick.day)


def _dashes(scene: Scene, left: float, right: float, y: float, colour: str, width: float) -> None:
    """A horizontal dashed line from `left` to `right`."""
    start = left
    while start < right:
        end = min(start + _DASH, right)
        scene.line([(start, y), (end, y)], colour, width)
        start = end + _GAP


def _star(x: float, y: float, outer: float) -> list[Point]:
    """A five-pointed star pointing up, centred on (x, y): matplotlib's "*" marker."""
    inner = outer * 0.381966  # the inner corners of a regular star
    corners = []
    for index in range(10):
        radius = outer if index % 2 == 0 else inner
        angle = index * math.pi / 5
        corners.append((x + radius * math.sin(angle), y + radius * math.cos(angle)))
    return corners


def _samples(points: Sequence[Point], every: float = 0.05) -> list[Point]:
    """Points every `every` inches along a polyline, its corners included."""
    found = list(points[:1])
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        steps = max(1, math.ceil(math.hypot(x1 - x0, y1 - y0) / every))
        found += [(x0 + (x1 - x0) * k / steps, y0 + (y1 - y0) * k / steps) for k in range(1, steps)]
        found.append((x1, y1))
    return found


def _legend(
    scene: Scene,
    entries: list[tuple[str, str]],
    plot: tuple[float, float, float, float],
    obstacles: list[Point],
    font: Font,
) -> Box:
    """The legend in the plot's corner (or edge middle) that covers the fewest drawn points."""
    from flows.chart_axes import baseline_centred
    from flows.picture import Box, fit, plain, text_width

    left, bottom, right, top = plot
    pad, handle, gap, row = 4 / 72, 20 / 72, 8 / 72, 14.6 / 72
    labels = [fit(plain(label), 2.5, font, 0.8) for _kind, label in entries]
    box_width = pad + handle + gap + max(text_width(t, f) for t, f in labels) + pad
    box_height = 2 * pad + row * len(entries)
    inset = 5 / 72
    xs = {"left": left + inset, "right": right - inset - box_width,
          "center": (left + right - box_width) / 2}  # fmt: skip
    ys = {"upper": top - inset - box_height, "lower": bottom + inset}
    # matplotlib's order for loc="best": on a tie the earlier place wins.
    places = [("upper", "right"), ("upper", "left"), ("lower", "left"), ("lower", "right"),
              ("upper", "center"), ("lower", "center")]  # fmt: skip
    boxes = [
        Box(xs[across], ys[up], xs[across] + box_width, ys[up] + box_height)
        for up, across in places
    ]

    def covered(box: Box) -> int:
        # A point under the legend's edge counts too: the star and dots have a size.
        margin = _STAR
        return sum(
            box.left - margin <= px <= box.right + margin
            and box.bottom - margin <= py <= box.top + margin
            for px, py in obstacles
        )

    box = min(boxes, key=covered)  # min keeps the first of equals
    scene.rect(box.left, box.bottom, box_width, box_height, "white",
               edge=_LEGEND_EDGE, edge_width=1.0, radius=3 / 72)  # fmt: skip
    kinds = [kind for kind, _label in entries]
    for index, (kind, (label, label_font)) in enumerate(zip(kinds, labels, strict=True)):
        middle = box.top - pad - row * (index + 0.5)
        start, end = box.left + pad, box.left + pad + handle
        if kind == "line":
            scene.line([(start, middle), (end, middle)], MEASURED_COLOUR, _LINE_PT)
            scene.ellipse((start + end) / 2, middle, _DOT, MEASURED_COLOUR)
        elif kind == "dash":
            _dashes(scene, start, end, middle, BASELINE_COLOUR, _BASELINE_PT)
        else:
            scene.polygon(_star((start + end) / 2, middle, _STAR), TARGET_COLOUR)
        level = baseline_centred(middle, label_font.size)
        scene.text(end + gap, level, label, label_font, "black")
    return box
