"""The charts' axes: scales onto inches, round ticks and their labels."""

from __future__ import annotations

import itertools
import math

import pytest

from flows.chart_axes import (
    MINUS,
    Scale,
    baseline_below,
    baseline_centred,
    decimals,
    nice_ticks,
    padded_range,
    tick_labels,
)

RANGES = [
    (low * 10.0**power, high * 10.0**power)
    for power in range(-4, 8, 3)
    for low, high in [(0, 1), (-3.15, 0.55), (2.85, 3.15), (1.7, 12.5), (-812, -3), (0.2, 0.21)]
]


@pytest.mark.parametrize(("low", "high"), RANGES)
@pytest.mark.parametrize("most", [5, 8])
def test_ticks_are_round_steps_inside_the_range(low: float, high: float, most: int) -> None:
    ticks, step = nice_ticks(low, high, most)
    assert 2 <= len(ticks) <= most
    assert all(low - step * 1e-6 <= tick <= high + step * 1e-6 for tick in ticks)
    # One step throughout, a 1, 2, 2.5 or 5 times a power of ten; every tick a multiple of it.
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert any(math.isclose(mantissa, m) for m in (1, 2, 2.5, 5))
    for one, other in itertools.pairwise(ticks):
        assert math.isclose(other - one, step, rel_tol=1e-6)
    assert all(math.isclose(tick / step, round(tick / step), abs_tol=1e-6) for tick in ticks)
    # Every multiple of the step within the range is a tick.
    assert ticks[0] - step < low - step * 1e-9 and ticks[-1] + step > high + step * 1e-9


def test_ticks_need_a_range() -> None:
    with pytest.raises(ValueError):
        nice_ticks(3.0, 3.0)


@pytest.mark.parametrize(
    ("ticks", "step", "expected"),
    [
        ([0.0, 0.5, 1.0], 0.5, ["0.0", "0.5", "1.0"]),
        ([-0.25, 0.0, 0.25], 0.25, [f"{MINUS}0.25", "0.00", "0.25"]),
        ([200.0, 400.0, 600.0], 200.0, ["200", "400", "600"]),
        ([0.1 * 3, 0.1 * 6], 0.1 * 3, ["0.3", "0.6"]),  # no 0.30000000000000004
        ([-1e-17, 2.0], 2.0, ["0", "2"]),  # no "-0"
        ([2.5e-5, 5e-5], 2.5e-5, ["0.000025", "0.000050"]),
    ],
)
def test_tick_labels_have_the_decimals_the_step_needs(
    ticks: list[float], step: float, expected: list[str]
) -> None:
    assert tick_labels(ticks, step) == expected


def test_decimals() -> None:
    assert [decimals(step) for step in (1.0, 20.0, 0.5, 0.25, 2.5, 0.002)] == [0, 0, 1, 2, 1, 3]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([1.0, 3.0], (0.9, 3.1)),
        ([3.0, 3.0], (2.7, 3.3)),
        ([0.0], (-1.0, 1.0)),
        ([-40.0, -40.0], (-44.0, -36.0)),
    ],
)
def test_padded_ranges_are_never_empty(values: list[float], expected: tuple[float, float]) -> None:
    low, high = padded_range(values)
    assert math.isclose(low, expected[0]) and math.isclose(high, expected[1])
    assert padded_range([739000.0], flat=1.0) == (738999.0, 739001.0)
    with pytest.raises(ValueError):
        padded_range([])


def test_a_scale_maps_its_range_onto_inches() -> None:
    scale = Scale(-2.0, 6.0, 1.0, 5.0)
    assert [scale(v) for v in (-2.0, 2.0, 6.0, 10.0)] == [1.0, 3.0, 5.0, 7.0]
    with pytest.raises(ValueError):
        Scale(1.0, 1.0, 0.0, 1.0)


def test_text_placed_like_matplotlib_sits_below_its_top_and_around_its_middle() -> None:
    assert baseline_below(5.0, 72.0) < 5.0 - 0.5  # tall letters stand ¾ of the size high
    assert 4.0 - 0.5 < baseline_centred(4.0, 72.0) < 4.0
