"""The progress board (METHOD.md, Tool 14) as a PNG: four columns of test cards.

Drawn as a `flows.picture.Scene` (Pillow, imported inside the functions only, so the bot
process can import the dataclasses without loading it): the bundled DejaVu Sans, user text
stripped of what the font cannot draw and always drawn literally.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flows.picture import Scene

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
_CARD_EDGE = "#d0d7de"


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


def board_figure(columns: Sequence[tuple[str, Sequence[BoardCard]]], text: BoardText) -> Scene:
    """The board as a Scene (not yet rendered)."""
    from flows.picture import Font, Scene, drawable, wrap_lines

    # As tall as the fullest column needs (at least three cards high), so a young board
    # is not mostly empty space on a phone screen.
    rows = max([3, *(min(len(cards), COLUMN_CAPACITY) for _, cards in columns)])
    height = _TITLE_H + _HEADER_H + rows * _CARD_H + 0.15 + _MARGIN
    scene = Scene(_WIDTH_IN, height)

    width = _WIDTH_IN - 2 * _MARGIN
    title_font = Font(15.0, bold=True)
    title = wrap_lines(drawable(text.title), width, title_font, 1)
    scene.text(_WIDTH_IN / 2, height - 0.35, "\n".join(title), title_font, _TEXT,
               halign="center", valign="center")  # fmt: skip

    heading_font, name_font, detail_font = Font(12.0, bold=True), Font(9.5, bold=True), Font(8.0)
    more = drawable(text.more).strip() or "+"
    count = max(len(columns), 1)
    column_w = (width - (count - 1) * _CARD_GAP) / count
    top = height - _TITLE_H
    bottom = _MARGIN
    for index, (label, cards) in enumerate(columns):
        left = _MARGIN + index * (column_w + _CARD_GAP)
        colour = _COLUMN_COLOURS[index % len(_COLUMN_COLOURS)]
        scene.rect(left, bottom, column_w, top - bottom, colour, radius=0.08)
        heading = wrap_lines(f"{drawable(label)} ({len(cards)})", column_w - 0.2, heading_font, 1)
        scene.text(left + column_w / 2, top - _HEADER_H / 2, "\n".join(heading), heading_font,
                   _TEXT, halign="center", valign="center")  # fmt: skip
        y = top - _HEADER_H
        for card in visible_cards(cards, COLUMN_CAPACITY, more):
            y -= _CARD_H
            scene.rect(left + 0.1, y, column_w - 0.2, _CARD_H - 0.08, "white", edge=_CARD_EDGE,
                       edge_width=1.0, radius=0.05)  # fmt: skip
            name = drawable(("✓ " if card.done else "") + card.name)
            lines = wrap_lines(name, column_w - 0.4, name_font, 2)
            # The lines' box starts 0.05 in below the card's top edge (the glyphs' tops lower).
            scene.text(left + 0.2, y + _CARD_H - 0.13, "\n".join(lines), name_font,
                       _MUTED if card.done else _TEXT, valign="top")  # fmt: skip
            if card.detail:
                detail = wrap_lines(drawable(card.detail), column_w - 0.4, detail_font, 1)
                scene.text(left + 0.2, y + 0.06, "\n".join(detail), detail_font, _MUTED,
                           valign="bottom")  # fmt: skip
    return scene


def board_png(columns: Sequence[tuple[str, Sequence[BoardCard]]], text: BoardText) -> bytes:
    """A PNG of the progress board with every test readable in its column."""
    from flows.picture import RENDER_LOCK

    # Laying out measures texts into the shared width cache; `png()` takes the lock itself.
    with RENDER_LOCK:
        scene = board_figure(columns, text)
    return scene.png()
