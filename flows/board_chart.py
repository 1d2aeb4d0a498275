"""The progress board (METHOD.md, Tool 14) as a PNG: four columns of test cards.

Built like flows/charts.py: a matplotlib Figure on an Agg canvas (never pyplot), the bundled
DejaVu Sans, user text stripped of what the font cannot draw and never read as mathtext.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from flows.charts import DPI, RENDER_LOCK, chart_font, drawable, figure_png, wrap_lines

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

# How many cards a column shows; beyond that a "+N more" line replaces the last one.
COLUMN_CAPACITY = 8
_WIDTH_IN = 10.0
_TITLE_H = 0.75
_MARGIN = 0.25
_HEADER_H = 0.55
_CARD_H = 0.72
_CARD_GAP = 0.12
_COLUMN_COLOURS = ("#eef2f6", "#fff4e0", "#e7f3ff", "#e9f7ec")
_TEXT = "#1f2328"
_MUTED = "#6e7781"


@dataclass(frozen=True, slots=True)
class BoardCard:
    """One test on the board: its name, a detail line (owner · deadline), closed or not."""

    name: str
    detail: str = ""
    done: bool = False


@dataclass(frozen=True, slots=True)
class BoardText:
    """The translated words the board shows."""

    title: str
    more: str = "meer"


def visible_cards(cards: Sequence[BoardCard], capacity: int, more: str) -> list[BoardCard]:
    """The cards a column draws: all when they fit, else the first ones and a "+N more" card."""
    if len(cards) <= capacity:
        return list(cards)
    shown = capacity - 1
    return [*cards[:shown], BoardCard(f"+{len(cards) - shown} {more}")]


def board_figure(columns: Sequence[tuple[str, Sequence[BoardCard]]], text: BoardText) -> Figure:
    """The board as a Figure (not yet rendered)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyBboxPatch

    # As tall as the fullest column needs (at least three cards high), so a young board
    # is not mostly empty space on a phone screen.
    rows = max([3, *(min(len(cards), COLUMN_CAPACITY) for _, cards in columns)])
    height = _TITLE_H + _HEADER_H + rows * _CARD_H + 0.15 + _MARGIN
    figure = Figure(figsize=(_WIDTH_IN, height), dpi=DPI, facecolor="white")
    renderer = FigureCanvasAgg(figure).get_renderer()  # type: ignore[no-untyped-call]
    inches = figure.dpi_scale_trans

    def put(x: float, y: float, s: str, prop: FontProperties, **kwargs: Any) -> None:
        figure.text(
            x, y, s, fontproperties=prop, transform=inches, parse_math=False, usetex=False, **kwargs
        )

    width = _WIDTH_IN - 2 * _MARGIN
    title = wrap_lines(renderer, drawable(text.title), width, 15.0, 1, bold=True)
    put(_WIDTH_IN / 2, height - 0.35, "\n".join(title), chart_font(15.0, bold=True), ha="center",
        va="center", color=_TEXT)  # fmt: skip

    count = max(len(columns), 1)
    column_w = (width - (count - 1) * _CARD_GAP) / count
    top = height - _TITLE_H
    bottom = _MARGIN
    for index, (label, cards) in enumerate(columns):
        left = _MARGIN + index * (column_w + _CARD_GAP)
        colour = _COLUMN_COLOURS[index % len(_COLUMN_COLOURS)]
        figure.patches.append(
            FancyBboxPatch(
                (left, bottom), column_w, top - bottom, boxstyle="round,pad=0,rounding_size=0.08",
                transform=inches, facecolor=colour, edgecolor="none",
            )
        )  # fmt: skip
        heading = wrap_lines(renderer, f"{drawable(label)} ({len(cards)})", column_w - 0.2, 12.0, 1,
                        bold=True)  # fmt: skip
        put(left + column_w / 2, top - _HEADER_H / 2, "\n".join(heading),
            chart_font(12.0, bold=True), ha="center", va="center", color=_TEXT)  # fmt: skip
        y = top - _HEADER_H
        for card in visible_cards(cards, COLUMN_CAPACITY, drawable(text.more).strip() or "+"):
            y -= _CARD_H
            figure.patches.append(
                FancyBboxPatch(
                    (left + 0.1, y), column_w - 0.2, _CARD_H - 0.08,
                    boxstyle="round,pad=0,rounding_size=0.05", transform=inches,
                    facecolor="white", edgecolor="#d0d7de",
                )
            )  # fmt: skip
            name = drawable(("✓ " if card.done else "") + card.name)
            lines = wrap_lines(renderer, name, column_w - 0.4, 9.5, 2, bold=True)
            put(left + 0.2, y + _CARD_H - 0.16, "\n".join(lines), chart_font(9.5, bold=True),
                ha="left", va="top", color=_MUTED if card.done else _TEXT)  # fmt: skip
            if card.detail:
                detail = wrap_lines(renderer, drawable(card.detail), column_w - 0.4, 8.0, 1)
                put(left + 0.2, y + 0.06, "\n".join(detail), chart_font(8.0), ha="left",
                    va="bottom", color=_MUTED)  # fmt: skip
    return figure


def board_png(columns: Sequence[tuple[str, Sequence[BoardCard]]], text: BoardText) -> bytes:
    """A PNG of the progress board with every test readable in its column."""
    with RENDER_LOCK, warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font")
        return figure_png(board_figure(columns, text))
