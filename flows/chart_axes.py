"""Axes for charts laid out by hand: data onto inches, round ticks, text placed like matplotlib.

Pure arithmetic, no drawing: the chart modules place the ticks and labels on their own
flows/picture.py `Scene`. Nothing here imports Pillow.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Tick steps within one power of ten, the ones matplotlib picks too: round numbers read at a
# glance. 20 is only a fallback that always leaves few enough ticks.
_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0, 20.0)
# A span this small against the values' size is rounding noise: treat the values as equal.
_FLAT = 1e-9
MINUS = "\u2212"  # a real minus sign, as wide as a digit, like matplotlib's tick labels


@dataclass(frozen=True, slots=True)
class Scale:
    """A linear map from data values `low`..`high` onto inches `start`..`end`."""

    low: float
    high: float
    start: float
    end: float

    def __post_init__(self) -> None:
        if self.high == self.low:
            raise ValueError("a scale needs a range of data values, not one value")

    def __call__(self, value: float) -> float:
        """Where `value` lies, in inches."""
        return self.start + (value - self.low) * (self.end - self.start) / (self.high - self.low)


def padded_range(
    values: Iterable[float], margin: float = 0.05, flat: float | None = None
) -> tuple[float, float]:
    """The values' range widened by `margin` of its span each side; never empty.

    Equal values get `flat` either side, or a tenth of their size (1 around zero), so a
    flat line still has a range to draw in.
    """
    found = list(values)
    if not found:
        raise ValueError("a range needs at least one value")
    low, high = min(found), max(found)
    span = high - low
    if span <= _FLAT * max(abs(low), abs(high)):
        half = flat if flat is not None else (abs(low) * 0.1 or 1.0)
        return low - half, high + half
    return low - span * margin, high + span * margin


def nice_ticks(low: float, high: float, most: int = 8) -> tuple[list[float], float]:
    """At most `most` round tick values between `low` and `high`, and the step between them."""
    if not high > low or most < 2:
        raise ValueError("ticks need a range and room for two of them")
    magnitude = 10.0 ** math.floor(math.log10((high - low) / most))
    for factor in _STEPS:
        step = factor * magnitude
        # The slack keeps a tick that lies on a limit but for rounding.
        first = math.ceil(low / step - 1e-9)
        last = math.floor(high / step + 1e-9)
        if last - first + 1 <= most:
            break
    return [index * step for index in range(first, last + 1)], step


def decimals(step: float) -> int:
    """How many decimals tick labels `step` apart need: 1 for 0.5, 2 for 0.25, 0 for 200."""
    for places in range(16):
        if abs(round(step, places) - step) <= abs(step) * 1e-9:
            return places
    return 15


def tick_labels(ticks: Sequence[float], step: float) -> list[str]:
    """The tick values as text, all with the same decimals and none needless."""
    places = decimals(step)
    labels = []
    for tick in ticks:
        label = f"{tick:.{places}f}"
        if float(label) == 0:
            label = f"{0.0:.{places}f}"  # no "-0.0" from a tick a rounding error below zero
        labels.append(label.replace("-", MINUS))
    return labels


# DejaVu Sans' measures as fractions of the font size: how high "l" and "d" reach above the
# baseline, how deep "p" and "g" go below it, how high digits and capitals stand.
ASCENDER, DESCENDER, CAP_HEIGHT = 0.760, 0.236, 0.729


def baseline_below(top: float, size_pt: float) -> float:
    """The baseline of a line whose tall letters reach up to `top` (matplotlib's va="top")."""
    return top - ASCENDER * size_pt / 72


def baseline_centred(middle: float, size_pt: float) -> float:
    """The baseline of a line centred on `middle` from ascenders to descenders (va="center")."""
    return middle - (ASCENDER - DESCENDER) / 2 * size_pt / 72


def baseline_for_digits(middle: float, size_pt: float) -> float:
    """The baseline that centres digits (and capitals) on `middle`."""
    return middle - CAP_HEIGHT / 2 * size_pt / 72


def text_depth(size_pt: float) -> float:
    """How far a line reaches from its tall letters' tops to its descenders' bottoms."""
    return (ASCENDER + DESCENDER) * size_pt / 72
