"""The legacy canvas (METHOD.md, Tool 15) as a PNG laid out like the paper canvas.

The paper canvas has the legacy statement across the top, the four scaling strategies side by
side beneath it, and the constraints across the bottom; this picture keeps that layout so a
team recognises the sheet they know from the workshop. Like flows/charts.py it never uses
pyplot and imports matplotlib inside the functions only.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from flows.charts import DPI, RENDER_LOCK, chart_font, drawable, figure_png, wrap_lines

if TYPE_CHECKING:
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

# 12 × 8.5 inches at 150 dpi: 1800 × 1275 px, landscape like the A4 sheet.
WIDTH_IN, HEIGHT_IN = 12.0, 8.5
_MARGIN = 0.35
_GAP = 0.12
_PAD = 0.12
_TITLE_H = 0.6
_BAND_H = 1.55  # the statement and the constraints bands
_HEADER_PT = 11.5
_BODY_PT = 10.0
_TITLE_PT = 16.0
_STATEMENT_PT = 14.0  # the statement is one strong sentence: it gets the largest text
_LINE_SPACING = 1.3

_TEXT_COLOUR = "#1f2328"
_MUTED_COLOUR = "#6e7781"
_STATEMENT_COLOUR = "#dcefd6"
_CONSTRAINTS_COLOUR = "#f9d9d3"
_STRATEGY_COLOURS = ("#d7e8f5", "#eadcf2", "#fbe6c2", "#e8e8e8")


@dataclass(frozen=True)
class CanvasBlock:
    """One block of the canvas: its heading and what the team wrote (lines kept)."""

    heading: str
    body: str


@dataclass(frozen=True)
class CanvasText:
    """Everything the picture shows, already translated."""

    title: str
    statement: CanvasBlock
    strategies: tuple[CanvasBlock, CanvasBlock, CanvasBlock, CanvasBlock]  # up, deep, out, down
    constraints: CanvasBlock
    empty: str


def block_lines(
    renderer: RendererAgg, body: str, width: float, size: float, max_lines: int, bullets: bool
) -> list[str]:
    """The body wrapped into at most `max_lines` lines; a cut-off last line ends with "…"."""
    lines: list[str] = []
    paragraphs = [" ".join(p.split()) for p in drawable_lines(body) if p.strip()]
    for index, paragraph in enumerate(paragraphs):
        room = max_lines - len(lines)
        if room <= 0:
            break
        text = f"• {paragraph}" if bullets and len(paragraphs) > 1 else paragraph
        wrapped = wrap_lines(renderer, text, width, size, room)
        lines.extend(wrapped)
        if len(lines) >= max_lines and index < len(paragraphs) - 1:
            last = lines[-1].rstrip("…").rstrip()
            lines[-1] = last + " …"
    return lines[:max_lines]


def drawable_lines(body: str) -> list[str]:
    """The body's lines with the characters the font cannot draw removed from each."""
    return [drawable(line) for line in body.splitlines()]


def canvas_figure(text: CanvasText) -> Figure:
    """The canvas as a matplotlib Figure on an Agg canvas (not yet rendered)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, facecolor="white")
    renderer = FigureCanvasAgg(figure).get_renderer()  # type: ignore[no-untyped-call]
    inches = figure.dpi_scale_trans

    def put(x: float, y: float, s: str, prop: FontProperties, **kwargs: Any) -> None:
        # Literal text on every artist: "$x$" in a team's answer is not mathtext or TeX.
        figure.text(
            x, y, s, fontproperties=prop, transform=inches, parse_math=False, usetex=False, **kwargs
        )

    def box(left: float, bottom: float, width: float, height: float, colour: str) -> None:
        figure.add_artist(
            Rectangle(
                (left, bottom),
                width,
                height,
                transform=inches,
                facecolor=colour,
                edgecolor="#d0d7de",
                linewidth=1.0,
            )
        )

    def fill(
        block: CanvasBlock,
        left: float,
        top: float,
        width: float,
        height: float,
        body_pt: float = _BODY_PT,
    ) -> None:
        inner = width - 2 * _PAD
        heading = wrap_lines(renderer, drawable(block.heading), inner, _HEADER_PT, 1, bold=True)
        put(
            left + _PAD,
            top - _PAD,
            heading[0] if heading else "",
            chart_font(_HEADER_PT, bold=True),
            ha="left",
            va="top",
            color=_TEXT_COLOUR,
        )
        line_h = body_pt * _LINE_SPACING / 72
        body_top = top - _PAD - _HEADER_PT * _LINE_SPACING / 72 - 0.06
        capacity = max(1, int((body_top - (top - height) - _PAD) / line_h))
        lines = block_lines(renderer, block.body, inner, body_pt, capacity, bullets=True)
        italic = not lines
        if italic:
            lines = wrap_lines(renderer, drawable(text.empty), inner, body_pt, 1, italic=True)
        for index, line in enumerate(lines):
            put(
                left + _PAD,
                body_top - index * line_h,
                line,
                chart_font(body_pt, italic=italic),
                ha="left",
                va="top",
                color=_MUTED_COLOUR if italic else _TEXT_COLOUR,
            )

    full_w = WIDTH_IN - 2 * _MARGIN
    title = wrap_lines(renderer, drawable(text.title), full_w, _TITLE_PT, 1, bold=True)
    put(
        WIDTH_IN / 2,
        HEIGHT_IN - _MARGIN - _TITLE_H / 2,
        title[0] if title else "",
        chart_font(_TITLE_PT, bold=True),
        ha="center",
        va="center",
        color=_TEXT_COLOUR,
    )

    statement_top = HEIGHT_IN - _MARGIN - _TITLE_H
    box(_MARGIN, statement_top - _BAND_H, full_w, _BAND_H, _STATEMENT_COLOUR)
    fill(text.statement, _MARGIN, statement_top, full_w, _BAND_H, _STATEMENT_PT)

    columns_top = statement_top - _BAND_H - _GAP
    columns_h = columns_top - _MARGIN - _BAND_H - _GAP
    column_w = (full_w - 3 * _GAP) / 4
    for index, (block, colour) in enumerate(zip(text.strategies, _STRATEGY_COLOURS, strict=True)):
        left = _MARGIN + index * (column_w + _GAP)
        box(left, columns_top - columns_h, column_w, columns_h, colour)
        fill(block, left, columns_top, column_w, columns_h)

    box(_MARGIN, _MARGIN, full_w, _BAND_H, _CONSTRAINTS_COLOUR)
    fill(text.constraints, _MARGIN, _MARGIN + _BAND_H, full_w, _BAND_H)
    return figure


def legacy_canvas_png(text: CanvasText) -> bytes:
    """A PNG of the filled-in legacy canvas."""
    with RENDER_LOCK, warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font")
        return figure_png(canvas_figure(text))
