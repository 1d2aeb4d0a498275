"""Pictures the bot sends: the stakeholder power/interest grid as a PNG.

Nothing here imports `telegram`, and Pillow (through flows/picture.py) is imported inside the
functions only: the bot process imports this module (for the data classes it sends to the
drawing process) and must never load it; the drawing happens in flows/drawing.py's worker
process. The grid is laid out as a `flows.picture.Scene`, which tests read before it is drawn.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flows.picture import Scene

LEVELS: tuple[str, str, str] = ("low", "medium", "high")

# How many lines a cell lists; the grid picks a font size so that this many fit.
CELL_CAPACITY = 12
# Longest stakeholder label in characters, the ellipsis included.
LABEL_LENGTH = 28

# Output: 8 × 8 inches at flows.picture's 150 dpi is 1200 × 1200 px, far inside Telegram's
# photo limits.
SIZE_IN = 8.0

# Light cell backgrounds, one per distinct strategy, handed out in `_CELL_ORDER`: with the
# method's grid the warm colours go to the stakeholders who need the most attention.
PALETTE = (
    "#f9d9d3",  # salmon
    "#fbe6c2",  # apricot
    "#f6efc0",  # sand
    "#dcefd6",  # mint
    "#d7e8f5",  # sky
    "#e8e8e8",  # grey
    "#eadcf2",  # lilac
    "#d5f0ec",  # aqua
    "#f3dce8",  # rose
)
_CELL_ORDER = tuple((power, interest) for power in LEVELS[::-1] for interest in LEVELS[::-1])

# Geometry in inches (origin bottom left, as in flows/picture.py).
_GRID_LEFT, _GRID_RIGHT = 0.95, 7.85
_GRID_BOTTOM, _GRID_TOP = 0.9, 7.2
_CELL_PAD = 0.07
_GAP_PT = 1.5  # white line between cells, in points
_LINE_SPACING = 1.25  # line height as a multiple of the font size
_NAME_MAX_PT = 11.0
_NAME_MIN_PT = 8.5  # 18 px at 150 dpi: the smallest size still easy to read on a phone
_HEADER_PT = 8.0
_TITLE_PT = 15.0
_MIN_SHRINK = 0.8  # a too-wide label may shrink to this fraction before it is cut

_TEXT_COLOUR = "#1f2328"
_HEADER_COLOUR = "#6e7781"
# The empty grid's message sits in a rounded white box, padded by half its font size.
_EMPTY_PAD = 0.5
_EMPTY_EDGE = "#d0d7de"


@dataclass(frozen=True)
class GridPoint:
    """One stakeholder on the grid: a name and its power and interest level."""

    name: str
    power: str
    interest: str


@dataclass(frozen=True)
class GridText:
    """The translated words the grid shows."""

    title: str
    power_axis: str
    interest_axis: str
    levels: tuple[str, str, str]
    cells: dict[tuple[str, str], str]
    empty: str
    more: str = field(default="meer")
    # Labels under the columns when they differ from the rows' (e.g. evidence vs importance).
    columns: tuple[str, str, str] | None = None


def shorten(name: str, limit: int = LABEL_LENGTH) -> str:
    """A name on one line of at most `limit` characters, cut with "…" when longer."""
    # Newlines or tabs in a user's answer would break the one-name-per-line layout.
    flat = " ".join(name.split())
    if not flat:
        return "?"  # a name that was only emoji or spaces must still take a visible line
    if len(flat) <= limit:
        return flat
    return flat[: max(limit - 1, 0)].rstrip() + "…"


def cell_labels(
    points: Sequence[GridPoint], capacity: int, more: str
) -> dict[tuple[str, str], list[str]]:
    """The lines each of the nine cells lists, in input order, with "+N more" on overflow."""
    if capacity < 1:
        raise ValueError("a cell must hold at least one line")
    cells: dict[tuple[str, str], list[str]] = {
        (power, interest): [] for power in LEVELS for interest in LEVELS
    }
    for point in points:
        key = (point.power, point.interest)
        if key not in cells:
            raise ValueError(f"unknown power or interest level in {point!r}")
        cells[key].append(shorten(point.name))
    for key, names in cells.items():
        if len(names) > capacity:
            # The counter takes the last line, so it replaces one name rather than adding one.
            shown = capacity - 1
            cells[key] = [*names[:shown], f"+{len(names) - shown} {more}"]
    return cells


def grid_figure(points: Sequence[GridPoint], text: GridText) -> Scene:
    """The stakeholder grid as a `Scene` of texts and cells (not yet rendered)."""
    from flows.picture import Font, Scene, drawable, fit, wrap_lines

    scene = Scene(SIZE_IN, SIZE_IN)
    grid_w, grid_h = _GRID_RIGHT - _GRID_LEFT, _GRID_TOP - _GRID_BOTTOM
    cell_w, cell_h = grid_w / 3, grid_h / 3
    inner_w = cell_w - 2 * _CELL_PAD

    def put(x: float, y: float, s: str, font: Font, colour: str, **place: Any) -> None:
        if s:  # an empty translation leaves no empty box behind
            scene.text(x, y, s, font, colour, **place)

    # Title over the grid, on two smaller lines when the project's name is long.
    title_font = Font(_TITLE_PT, bold=True)
    title = wrap_lines(drawable(text.title), grid_w, title_font, 1)
    if title and title[0] != " ".join(drawable(text.title).split()):
        title_font = Font(_TITLE_PT - 2, bold=True)
        title = wrap_lines(drawable(text.title), grid_w, title_font, 2)
    put(
        _GRID_LEFT + grid_w / 2,
        (SIZE_IN + _GRID_TOP) / 2,
        "\n".join(title),
        title_font,
        _TEXT_COLOUR,
        halign="center",
        valign="center",
    )

    # Axis names and level labels: power runs up the left side, interest along the bottom.
    axis_font, level_font = Font(11.5, bold=True), Font(10.0)
    power_axis = wrap_lines(drawable(text.power_axis) + " →", grid_h, axis_font, 1)
    put(
        0.32,
        _GRID_BOTTOM + grid_h / 2,
        power_axis[0],
        axis_font,
        _TEXT_COLOUR,
        halign="center",
        valign="center",
        rotation=90,
    )
    interest_axis = wrap_lines(drawable(text.interest_axis) + " →", grid_w, axis_font, 1)
    put(
        _GRID_LEFT + grid_w / 2,
        0.3,
        interest_axis[0],
        axis_font,
        _TEXT_COLOUR,
        halign="center",
        valign="center",
    )
    column_levels = text.columns or text.levels
    for index, level in enumerate(drawable(level) for level in text.levels):
        row = wrap_lines(level, cell_h - 0.1, level_font, 1)
        put(
            0.7,
            _GRID_BOTTOM + (index + 0.5) * cell_h,
            row[0] if row else "",
            level_font,
            _HEADER_COLOUR,
            halign="center",
            valign="center",
            rotation=90,
        )
        column = wrap_lines(drawable(column_levels[index]), cell_w - 0.1, level_font, 1)
        put(
            _GRID_LEFT + (index + 0.5) * cell_w,
            0.68,
            column[0] if column else "",
            level_font,
            _HEADER_COLOUR,
            halign="center",
            valign="center",
        )

    # The same strategy name gets the same colour, whichever cells the caller maps it to.
    colours: dict[str, str] = {}
    for key in _CELL_ORDER:
        colours.setdefault(text.cells.get(key, ""), PALETTE[len(colours) % len(PALETTE)])

    header_font = Font(_HEADER_PT)
    headers = {
        key: wrap_lines(drawable(text.cells.get(key, "")), inner_w, header_font, 2)
        for key in _CELL_ORDER
    }
    header_line_h = _HEADER_PT * _LINE_SPACING / 72
    # Every cell starts its names at the same height, below the tallest header.
    header_h = max(len(lines) for lines in headers.values()) * header_line_h + 0.04

    # One font size for every cell, chosen so the fullest cell's lines fit under its header.
    cleaned = [GridPoint(drawable(p.name), p.power, p.interest) for p in points]
    labels = cell_labels(cleaned, CELL_CAPACITY, drawable(text.more).strip() or "+")
    fullest = max(len(lines) for lines in labels.values())
    room_pt = (cell_h - 2 * _CELL_PAD - header_h) * 72
    name_pt = min(_NAME_MAX_PT, room_pt / (max(fullest, 1) * _LINE_SPACING))
    # Shrink all names together rather than each on its own, so cells never mix sizes; but
    # one pathological name (28 × "W") must not make every name tiny: below `_NAME_MIN_PT`
    # it is cut instead.
    name_pt = max(
        min(
            (
                fit(label, inner_w, Font(name_pt), _MIN_SHRINK)[1].size
                for lines in labels.values()
                for label in lines
            ),
            default=name_pt,
        ),
        min(_NAME_MIN_PT, name_pt),
    )
    line_h = name_pt * _LINE_SPACING / 72
    counts = Counter((p.power, p.interest) for p in points)

    for power_index, power in enumerate(LEVELS):
        for interest_index, interest in enumerate(LEVELS):
            key = (power, interest)
            left = _GRID_LEFT + interest_index * cell_w
            top = _GRID_BOTTOM + (power_index + 1) * cell_h
            # The white outline inside each cell makes the gap between neighbours.
            scene.rect(
                left,
                top - cell_h,
                cell_w,
                cell_h,
                colours[text.cells.get(key, "")],
                edge="white",
                edge_width=_GAP_PT,
            )
            for line_index, line in enumerate(headers[key]):
                put(
                    left + cell_w / 2,
                    top - _CELL_PAD - line_index * header_line_h,
                    line,
                    header_font,
                    _HEADER_COLOUR,
                    halign="center",
                    valign="top",
                    spacing=_LINE_SPACING,
                )
            overflow = counts[key] > CELL_CAPACITY
            for line_index, label in enumerate(labels[key]):
                counter = overflow and line_index == len(labels[key]) - 1
                shown, font = fit(label, inner_w, Font(name_pt, italic=counter))
                put(
                    left + _CELL_PAD,
                    top - _CELL_PAD - header_h - line_index * line_h,
                    shown,
                    font,
                    _HEADER_COLOUR if counter else _TEXT_COLOUR,
                    valign="top",
                    spacing=_LINE_SPACING,
                )

    if not points:
        # Narrower than the middle cell by the box's padding, so the box stays inside it.
        empty_font = Font(12.0, italic=True)
        empty = wrap_lines(drawable(text.empty), cell_w - 0.3, empty_font, 3)
        if empty:
            message = scene.text(
                _GRID_LEFT + 1.5 * cell_w,
                _GRID_BOTTOM + 1.5 * cell_h,
                "\n".join(empty),
                empty_font,
                _HEADER_COLOUR,
                halign="center",
                valign="center",
            )
            pad = empty_font.size * _EMPTY_PAD / 72
            box = message.box
            scene.rect(
                box.left - pad,
                box.bottom - pad,
                box.right - box.left + 2 * pad,
                box.top - box.bottom + 2 * pad,
                "white",
                edge=_EMPTY_EDGE,
                edge_width=1.0,
                radius=pad,
            )
            # Its box had to wait for the message's size; items draw in order, so the
            # message moves back on top.
            scene.items.append(scene.items.pop(-2))
    return scene


def stakeholder_grid_png(points: Sequence[GridPoint], text: GridText) -> bytes:
    """A PNG of the 3×3 power/interest grid with every stakeholder placed and readable."""
    return grid_figure(points, text).png()
