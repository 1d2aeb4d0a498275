"""The indicator's trend picture: points, star and labels in place, readable, reproducible."""

from __future__ import annotations

import itertools
import math
import struct
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from flows.chart_axes import MINUS
from flows.indicator_chart import (
    MAX_TICKS,
    MEASURED_COLOUR,
    TARGET_COLOUR,
    TrendText,
    trend_png,
    trend_scene,
)
from flows.picture import Box, Rect, Scene, Shape, Text

ROOT = Path(__file__).resolve().parents[1]
TEXT = TrendText("Aantal circulaire aankopen", "aankopen", "doel", "start", "gemeten")
JAN = date(2026, 1, 1)
TYPICAL = [(JAN, 3.0), (date(2026, 2, 1), 5.0), (date(2026, 3, 3), 4.5), (date(2026, 4, 1), 7.25)]


def png_size(png: bytes) -> tuple[int, int]:
    """The width and height a PNG's header gives."""
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def frame(scene: Scene) -> Rect:
    """The plot's frame: the one black outlined rectangle."""
    [rect] = [rect for rect in scene.rects if rect.fill is None and rect.edge == "black"]
    return rect


def plotted(scene: Scene) -> list[Shape]:
    """The shapes drawn in the plot: those before its frame (the legend's come after it)."""
    items = scene.items[: scene.items.index(frame(scene))]
    return [item for item in items if isinstance(item, Shape)]


def bounds(shape: Shape) -> Box:
    """The box around a shape's points."""
    xs, ys = [x for x, _ in shape.points], [y for _, y in shape.points]
    return Box(min(xs), min(ys), max(xs), max(ys))


def centre(box: Box) -> tuple[float, float]:
    """The middle of a box."""
    return (box.left + box.right) / 2, (box.bottom + box.top) / 2


def star(scene: Scene) -> Box:
    """The box around the target's star in the plot."""
    return bounds(star_shape(scene))


def star_shape(scene: Scene) -> Shape:
    """The target's star in the plot."""
    [found] = [s for s in plotted(scene) if s.kind == "polygon" and s.fill == TARGET_COLOUR]
    return found


def star_centre(scene: Scene) -> tuple[float, float]:
    """The star's middle: the mean of its corners, as it is the same turned a fifth."""
    corners = star_shape(scene).points
    return sum(x for x, _ in corners) / len(corners), sum(y for _, y in corners) / len(corners)


def points(scene: Scene) -> list[Box]:
    """The measured values' dots in the plot, in date order."""
    return [bounds(s) for s in plotted(scene) if s.kind == "ellipse" and s.fill == MEASURED_COLOUR]


def value_labels(scene: Scene) -> list[Text]:
    """The labels on the value axis: right-aligned, left of the frame."""
    left = frame(scene).box.left
    return [t for t in scene.texts if t.halign == "right" and t.box.right < left]


def date_labels(scene: Scene) -> list[Text]:
    """The labels on the time axis: below the frame, level."""
    bottom = frame(scene).box.bottom
    return [t for t in scene.texts if t.box.top <= bottom + 1e-9 and t.rotation == 0]


def value_ticks(scene: Scene) -> list[tuple[float, float]]:
    """(value, height) of each value axis tick: its label's number and its mark's height."""
    left = frame(scene).box.left
    marks = [
        item.points[0][1]
        for item in scene.items
        if isinstance(item, Shape) and item.kind == "line" and item.edge == "black"
        and item.points[-1] == (left, item.points[0][1])
    ]  # fmt: skip
    labels = value_labels(scene)
    assert len(marks) == len(labels) >= 2
    for mark, label in zip(marks, labels, strict=True):
        assert label.box.bottom < mark < label.box.top  # each label beside its mark
    return [(float(t.text.replace(MINUS, "-")), y) for t, y in zip(labels, marks, strict=True)]


def value_at(scene: Scene, y: float) -> float:
    """The value a height stands for, read off the value axis's ticks."""
    (v0, y0), (v1, y1) = value_ticks(scene)[:2]
    return v0 + (y - y0) * (v1 - v0) / (y1 - y0)


CASES = {
    "typical": (TYPICAL, 2.0, 12.0, date(2026, 12, 31)),
    "one point": ([(JAN, 3.0)], None, 3.0, None),
    "flat": ([(JAN + timedelta(days=7 * k), 40.0) for k in range(5)], 40.0, 40.0, None),
    "negative": ([(JAN, -3.0), (date(2026, 1, 5), -1.5), (date(2026, 1, 9), 0.4)], -2.0, 1.0,
                 date(2026, 1, 20)),
    "target before": (TYPICAL, None, 1.0, date(2025, 6, 1)),
    "large": ([(JAN + timedelta(days=9 * k), 1e6 + 3.7e4 * k) for k in range(40)], 9e5, 3e6,
              date(2027, 3, 1)),
    "tiny": ([(JAN, 0.0012), (date(2026, 1, 2), 0.0015)], 0.001, 0.002, date(2026, 1, 3)),
}  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_the_star_and_every_point_lie_inside_the_plot_where_they_belong(case: str) -> None:
    values, baseline, target, target_date = CASES[case]
    scene = trend_scene(values, baseline, target, target_date, TEXT)
    plot = frame(scene).box
    assert plot.right - plot.left > 5 and plot.top - plot.bottom > 3  # the y range is not zero
    dots = points(scene)
    assert len(dots) == len(values)
    for dot, (_day, value) in zip(dots, values, strict=True):
        assert plot.contains(dot)
        assert math.isclose(value_at(scene, centre(dot)[1]), value, rel_tol=1e-6, abs_tol=1e-9)
    xs = [centre(dot)[0] for dot in dots]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)  # later dates further right
    target_box = star(scene)
    assert plot.contains(target_box)
    target_x, target_y = star_centre(scene)
    assert math.isclose(value_at(scene, target_y), target, rel_tol=1e-6)
    if target_date is None:  # the target stands at the latest measurement's date
        assert math.isclose(target_x, xs[-1])
    elif target_date < values[0][0]:
        assert target_x < xs[0]


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_no_two_labels_overlap_and_all_stay_on_the_page(case: str) -> None:
    scene = trend_scene(*CASES[case], TEXT)
    page = Box(0, 0, scene.width, scene.height)
    for text in scene.texts:
        assert page.contains(text.box), text.text
    for one, other in itertools.combinations(scene.texts, 2):
        assert not one.box.overlaps(other.box), (one.text, other.text)
    values = [float(t.text.replace(MINUS, "-")) for t in value_labels(scene)]
    assert len(values) >= 2 and values == sorted(values) and len(set(values)) == len(values)


@pytest.mark.parametrize(
    "after", [5, -1, -90], ids=["target-after", "target-before", "long-before"]
)
@pytest.mark.parametrize(
    "days", [range(60), range(0, 300, 3), [0, 1, 2, 3, 200, 201, 202, 203]], ids=str
)
def test_crowded_dates_are_thinned_and_the_target_date_always_shows(
    days: list[int], after: int
) -> None:
    values = [(JAN + timedelta(days=d), float(d % 7)) for d in days]
    target_date = JAN + timedelta(days=max(days) + after if after > 0 else after)
    scene = trend_scene(values, 1.0, 10.0, target_date, TEXT)
    labels = date_labels(scene)
    assert 2 <= len(labels) <= MAX_TICKS
    texts = [label.text for label in labels]
    assert target_date.strftime("%d/%m/%y") in texts
    assert texts[0 if after > 0 else 1] == values[0][0].strftime("%d/%m/%y")
    for one, other in itertools.combinations(labels, 2):
        assert not one.box.overlaps(other.box), (one.text, other.text)
    # Each label stands under its date's tick mark (unless kept on the page at its edge).
    bottom = frame(scene).box.bottom
    marks = sorted(
        item.points[0][0]
        for item in scene.items
        if isinstance(item, Shape) and item.kind == "line" and item.edge == "black"
        and item.points[-1] == (item.points[0][0], bottom)
    )  # fmt: skip
    assert len(marks) == len(labels)
    for mark, label in zip(marks, labels, strict=True):
        assert label.box.left <= mark <= label.box.right
        if label.box.left > 0.2 and label.box.right < scene.width - 0.2:
            assert math.isclose(centre(label.box)[0], mark, abs_tol=1e-6)
    xs = {
        day.strftime("%d/%m/%y"): centre(dot)[0]
        for (day, _), dot in zip(values, points(scene), strict=True)
    }
    for label, mark in zip(labels, marks, strict=True):
        if label.text in xs:
            assert math.isclose(xs[label.text], mark, abs_tol=1e-6)  # the mark under the dot


def test_the_same_input_gives_the_same_bytes_at_8_by_5_inches() -> None:
    png = trend_png(TYPICAL, 2.0, 12.0, date(2026, 12, 31), TEXT)
    assert png == trend_png(TYPICAL, 2.0, 12.0, date(2026, 12, 31), TEXT)
    assert png_size(png) == (1200, 750)
    assert png != trend_png(TYPICAL, 2.0, 11.0, date(2026, 12, 31), TEXT)


def test_negative_values_get_minus_signs_and_a_zero() -> None:
    scene = trend_scene(*CASES["negative"], TEXT)
    labels = [t.text for t in value_labels(scene)]
    assert labels[0] == f"{MINUS}3.0" and "0.0" in labels  # no "-0.0" either
    assert not any("-" in label for label in labels)


@pytest.mark.parametrize(
    ("values", "expected"),
    [([0.0, 3.0], {"0.0", "0.5", "3.0"}), ([0, 10], {"0", "2", "10"}), ([0, 1e5], {"20000"})],
    ids=["halves", "evens", "large"],
)
def test_value_labels_have_no_needless_decimals(values: list[float], expected: set[str]) -> None:
    measured = [(JAN + timedelta(days=k), value) for k, value in enumerate(values)]
    labels = {t.text for t in value_labels(trend_scene(measured, None, values[-1], None, TEXT))}
    assert expected <= labels


def test_the_legend_names_what_is_drawn_and_leaves_the_target_free() -> None:
    scene = trend_scene(*CASES["typical"], TEXT)
    [legend] = [rect for rect in scene.rects if rect.fill == "white" and rect.edge]
    assert frame(scene).box.contains(legend.box)
    assert not legend.box.overlaps(star(scene))
    for dot in points(scene):
        assert not legend.box.overlaps(dot)
    inside = [t.text for t in scene.texts if legend.box.contains(t.box)]
    assert inside == ["gemeten", "start", "doel"]
    no_baseline = trend_scene(TYPICAL, None, 12.0, None, TEXT)
    [legend] = [rect for rect in no_baseline.rects if rect.fill == "white" and rect.edge]
    assert [t.text for t in no_baseline.texts if legend.box.contains(t.box)] == ["gemeten", "doel"]


def test_the_legend_never_hides_the_target_even_over_a_line() -> None:
    # A zigzag through every corner and the middle, a baseline along the bottom: the legend
    # must cover some line, never the star in the upper right.
    days = [JAN + timedelta(days=d) for d in range(0, 100, 5)]
    values = [(day, 10.0 if k % 2 else 0.0) for k, day in enumerate(days)]
    scene = trend_scene(values, 0.0, 10.0, JAN + timedelta(days=100), TEXT)
    [legend] = [rect for rect in scene.rects if rect.fill == "white" and rect.edge]
    assert not legend.box.overlaps(star(scene))


def test_titles_and_units_render_literally_without_emoji_and_are_cut_to_fit() -> None:
    text = TrendText("$x$ <b> 🚀 " + "heel lang " * 20, "€ per 🚀 jaar", "doel", "start", "gemeten")
    scene = trend_scene(TYPICAL, 2.0, 12.0, None, text)
    texts = [t.text for t in scene.texts]
    assert any(t.startswith("$x$ <b> heel lang") and t.endswith("…") for t in texts)
    assert "€ per jaar" in texts
    [unit] = [t for t in scene.texts if t.rotation == 90]
    assert unit.text == "€ per jaar" and unit.box.right < frame(scene).box.left
    assert png_size(trend_png(TYPICAL, 2.0, 12.0, None, text)) == (1200, 750)


def test_an_empty_unit_or_title_shows_nothing() -> None:
    scene = trend_scene(TYPICAL, None, 12.0, None, TrendText("", "🚀", "doel", "start", "gemeten"))
    [unit] = [t for t in scene.texts if t.rotation == 90]
    assert unit.text == "" and not any(t.text == "?" for t in scene.texts)


def test_a_trend_needs_a_value_or_a_target_date() -> None:
    with pytest.raises(ValueError, match="measured value or a target date"):
        trend_scene([], None, 3.0, None, TEXT)
    scene = trend_scene([], None, 3.0, JAN, TEXT)
    assert points(scene) == [] and frame(scene).box.contains(star(scene))


def test_the_bot_can_import_the_chart_modules_without_pillow() -> None:
    # In a fresh interpreter: this one has Pillow loaded by the renders above.
    script = (
        "import sys, flows.indicator_chart, flows.matrix_chart, flows.chart_axes\n"
        "print(sorted(m for m in ('PIL', 'flows.picture', 'matplotlib', 'numpy')"
        " if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
