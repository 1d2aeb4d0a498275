"""The legacy canvas (METHOD.md, Tool 15) as a PNG laid out like the paper canvas.

The paper canvas has the legacy statement across the top, the four scaling strategies side by
side beneath it, and the constraints across the bottom; this picture keeps that layout so a
team recognises the sheet they know from the workshop. Drawn as a `flows.picture.Scene`
(Pillow), imported inside the functions only, so the bot process never loads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flows.picture import Font, Scene

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
_EDGE_COLOUR = "#d0d7de"
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


def block_lines(body: str, width: float, font: Font, max_lines: int, bullets: bool) -> list[str]:
    """The body wrapped into at most `max_lines` lines; a cut-off last line ends with "…"."""
    from flows.picture import wrap_lines

    lines: list[str] = []
    paragraphs = [" ".join(p.split()) for p in drawable_lines(body) if p.strip()]
    for index, paragraph in enumerate(paragraphs):
        room = max_lines - len(lines)
        if room <= 0:
            break
        text = f"• {paragraph}" if bullets and len(paragraphs) > 1 else paragraph
        wrapped = wrap_lines(text, width, font, room)
        lines.extend(wrapped)
        if len(lines) >= max_lines and index < len(paragraphs) - 1:
            last = lines[-1].rstrip("…").rstrip()
            lines[-1] = last + " …"
    return lines[:max_lines]


def drawable_lines(body: str) -> list[str]:
    """The body's lines with the characters the font cannot draw removed from each."""
    from flows.picture import drawable

    return [drawable(line) for line in body.splitlines()]


def canvas_figure(text: CanvasText) -> Scene:
    """The canvas as a Scene (not yet rendered)."""
    from flows.picture import Font, Scene, drawable, line_height, wrap_lines

    scene = Scene(WIDTH_IN, HEIGHT_IN)
    heading_font = Font(_HEADER_PT, bold=True)

    def box(left: float, bottom: float, width: float, height: float, colour: str) -> None:
        scene.rect(left, bottom, width, height, colour, edge=_EDGE_COLOUR, edge_width=1.0)

    def fill(
        block: CanvasBlock,
        left: float,
        top: float,
        width: float,
        height: float,
        body_pt: float = _BODY_PT,
    ) -> None:
        inner = width - 2 * _PAD
        heading = wrap_lines(drawable(block.heading), inner, heading_font, 1)
        scene.text(left + _PAD, top - _PAD, heading[0] if heading else "", heading_font,
                   _TEXT_COLOUR, valign="top")  # fmt: skip
        font = Font(body_pt)
        line_h = line_height(font, _LINE_SPACING)
        body_top = top - _PAD - line_height(heading_font, _LINE_SPACING) - 0.06
        capacity = max(1, int((body_top - (top - height) - _PAD) / line_h))
        lines = block_lines(block.body, inner, font, capacity, bullets=True)
        if not lines:
            font = Font(body_pt, italic=True)
            lines = wrap_lines(drawable(text.empty), inner, font, 1)
        # One text of several lines, each `_LINE_SPACING` × the size apart: `capacity` of
        # them end at least `_PAD` above the block's bottom.
        scene.text(left + _PAD, body_top, "\n".join(lines), font,
                   _MUTED_COLOUR if font.italic else _TEXT_COLOUR, valign="top",
                   spacing=_LINE_SPACING)  # fmt: skip

    full_w = WIDTH_IN - 2 * _MARGIN
    title_font = Font(_TITLE_PT, bold=True)
    title = wrap_lines(drawable(text.title), full_w, title_font, 1)
    scene.text(WIDTH_IN / 2, HEIGHT_IN - _MARGIN - _TITLE_H / 2, title[0] if title else "",
               title_font, _TEXT_COLOUR, halign="center", valign="center")  # fmt: skip

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
    return scene


def legacy_canvas_png(text: CanvasText) -> bytes:
    """A PNG of the filled-in legacy canvas."""
    from flows.picture import RENDER_LOCK

    # Laying out measures texts into the shared width cache; `png()` takes the lock itself.
    with RENDER_LOCK:
        scene = canvas_figure(text)
    return scene.png()
