"""Pictures the bot sends: the stakeholder power/interest grid as a PNG.

Nothing here imports `telegram`, and matplotlib is imported inside the functions only: the
bot process imports this module (for the data classes it sends to the drawing process) and
must never load matplotlib; the drawing happens in flows/drawing.py's worker process.
Figures are built as `matplotlib.figure.Figure` objects on an Agg canvas, never through
pyplot, so no global figure state is shared between renders (tests render on threads).
"""

from __future__ import annotations

import io
import threading
import unicodedata
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

LEVELS: tuple[str, str, str] = ("low", "medium", "high")

# How many lines a cell lists; the renderer picks a font size so that this many fit.
CELL_CAPACITY = 12
# Longest stakeholder label in characters, the ellipsis included.
LABEL_LENGTH = 28

# Output: 8 × 8 inches at 150 dpi is 1200 × 1200 px, far inside Telegram's photo limits.
SIZE_IN = 8.0
DPI = 150

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

# Geometry in inches (figure coordinates through `dpi_scale_trans`, origin bottom left).
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

# Agg rendering is CPU-bound, so serialising renders costs little; it also keeps
# `warnings.catch_warnings`, which swaps process-wide state on Python 3.11, from interleaving
# between two threads and leaving the glyph filter installed for good.
RENDER_LOCK = threading.Lock()


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


@lru_cache(maxsize=1)
def _font_paths() -> tuple[str, str, str]:
    """Matplotlib's own DejaVu Sans files: regular, bold and oblique."""
    from pathlib import Path

    import matplotlib

    # The copies bundled with matplotlib rather than whatever the system has: the same font
    # everywhere keeps the output byte-for-byte reproducible and the glyph set known.
    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return (
        str(folder / "DejaVuSans.ttf"),
        str(folder / "DejaVuSans-Bold.ttf"),
        str(folder / "DejaVuSans-Oblique.ttf"),
    )


@lru_cache(maxsize=1)
def _glyphs() -> frozenset[int]:
    """Code points that every style of DejaVu Sans used here can draw."""
    from matplotlib.ft2font import FT2Font

    charmaps = [FT2Font(path).get_charmap().keys() for path in _font_paths()]
    return frozenset.intersection(*(frozenset(keys) for keys in charmaps))


# Control, format, private and unassigned characters: with the emoji gone, what an emoji
# sequence leaves behind (zero-width joiners, variation selectors) would only add odd gaps.
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})


def drawable(text: str) -> str:
    """The text without the characters the font cannot draw (emoji, control characters)."""
    glyphs = _glyphs()
    kept: list[str] = []
    # NFC first, so a letter typed as "e" + combining diaeresis counts as the one glyph "ë".
    for char in unicodedata.normalize("NFC", text):
        if char.isspace():
            kept.append(" ")  # a newline or tab still separates words once flattened
        elif (
            ord(char) <= 0xFFFF
            and ord(char) in glyphs
            and unicodedata.category(char) not in _INVISIBLE
            and not 0xFE00 <= ord(char) <= 0xFE0F
        ):
            kept.append(char)
    return "".join(kept)


def chart_font(size: float, *, bold: bool = False, italic: bool = False) -> FontProperties:
    """DejaVu Sans at a size, regular, bold or oblique."""
    from matplotlib.font_manager import FontProperties

    # A file, not a family name: matplotlib does not slant a font itself, and naming the
    # file skips the font manager's search, which could pick another installed copy.
    regular, heavy, slanted = _font_paths()
    return FontProperties(fname=heavy if bold else slanted if italic else regular, size=size)


# Measured widths, by text, font file and size. Laying out a text costs FreeType about a
# millisecond per line here, and fitting a chart measures the same labels many times (each
# shrink step, then again when drawing), and again in the next picture of the same team:
# measuring each only once made a 30-name grid about twice as fast to draw.
_WIDTHS: dict[tuple[str, str | bytes, float], float] = {}
_WIDTHS_KEPT = 20_000  # ≈2 MB; cleared when full, which only costs a re-measure


def _width_in(renderer: RendererAgg, text: str, prop: FontProperties) -> float:
    """How wide a one-line text is drawn, in inches."""
    # Every chart renders at `DPI`, so the width depends only on the text, file and size.
    key = (text, prop.get_file() or "", prop.get_size_in_points())
    width = _WIDTHS.get(key)
    if width is None:
        # The measurement Agg uses when it draws; matplotlib leaves this method unannotated.
        pixels, _height, _descent = renderer.get_text_width_height_descent(  # type: ignore[no-untyped-call]
            text, prop, ismath=False
        )
        if len(_WIDTHS) >= _WIDTHS_KEPT:
            _WIDTHS.clear()
        width = _WIDTHS[key] = float(pixels) / DPI
    return width


def _fit(
    renderer: RendererAgg,
    text: str,
    width: float,
    size: float,
    shrink: float = _MIN_SHRINK,
    **style: bool,
) -> tuple[str, float]:
    """The text and font size that fit `width` inches: shrink a little, then cut with "…"."""
    smallest = size * shrink
    while size > smallest and _width_in(renderer, text, chart_font(size, **style)) > width:
        size = max(size - 0.25, smallest)
    base = text[:-1] if text.endswith("…") else text
    while _width_in(renderer, text, chart_font(size, **style)) > width and len(base) > 1:
        base = base[:-1].rstrip()
        text = base + "…"
    return text, size


def wrap_lines(
    renderer: RendererAgg, text: str, width: float, size: float, max_lines: int, **style: bool
) -> list[str]:
    """Words filled into at most `max_lines` lines of `width` inches, the last cut if need be."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for index, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if not current or _width_in(renderer, candidate, chart_font(size, **style)) <= width:
            current = candidate
        elif len(lines) == max_lines - 1:
            current = " ".join([current, *words[index:]])  # the last line takes the rest, cut
            break
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return [_fit(renderer, line, width, size, 1.0, **style)[0] for line in lines]


def grid_figure(points: Sequence[GridPoint], text: GridText) -> Figure:
    """The stakeholder grid as a matplotlib Figure on an Agg canvas (not yet rendered)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    figure = Figure(figsize=(SIZE_IN, SIZE_IN), dpi=DPI, facecolor="white")
    renderer = FigureCanvasAgg(figure).get_renderer()  # type: ignore[no-untyped-call]
    inches = figure.dpi_scale_trans

    grid_w, grid_h = _GRID_RIGHT - _GRID_LEFT, _GRID_TOP - _GRID_BOTTOM
    cell_w, cell_h = grid_w / 3, grid_h / 3
    inner_w = cell_w - 2 * _CELL_PAD

    def put(x: float, y: float, s: str, prop: FontProperties, **kwargs: Any) -> None:
        # Literal text on every artist: "$x$" in a user's answer is not mathtext or TeX.
        figure.text(
            x,
            y,
            s,
            fontproperties=prop,
            transform=inches,
            parse_math=False,
            usetex=False,
            **kwargs,
        )

    # Title over the grid, on two smaller lines when the project's name is long.
    title_pt = _TITLE_PT
    title = wrap_lines(renderer, drawable(text.title), grid_w, title_pt, 1, bold=True)
    if title and title[0] != " ".join(drawable(text.title).split()):
        title_pt = _TITLE_PT - 2
        title = wrap_lines(renderer, drawable(text.title), grid_w, title_pt, 2, bold=True)
    put(
        _GRID_LEFT + grid_w / 2,
        (SIZE_IN + _GRID_TOP) / 2,
        "\n".join(title),
        chart_font(title_pt, bold=True),
        ha="center",
        va="center",
        color=_TEXT_COLOUR,
    )

    # Axis names and level labels: power runs up the left side, interest along the bottom.
    axis_pt, level_pt = 11.5, 10.0
    power_axis = wrap_lines(
        renderer, drawable(text.power_axis) + " →", grid_h, axis_pt, 1, bold=True
    )
    put(
        0.32,
        _GRID_BOTTOM + grid_h / 2,
        power_axis[0],
        chart_font(axis_pt, bold=True),
        ha="center",
        va="center",
        rotation=90,
        color=_TEXT_COLOUR,
    )
    interest_axis = wrap_lines(
        renderer, drawable(text.interest_axis) + " →", grid_w, axis_pt, 1, bold=True
    )
    put(
        _GRID_LEFT + grid_w / 2,
        0.3,
        interest_axis[0],
        chart_font(axis_pt, bold=True),
        ha="center",
        va="center",
        color=_TEXT_COLOUR,
    )
    column_levels = text.columns or text.levels
    for index, level in enumerate(drawable(level) for level in text.levels):
        row = wrap_lines(renderer, level, cell_h - 0.1, level_pt, 1)
        put(
            0.7,
            _GRID_BOTTOM + (index + 0.5) * cell_h,
            row[0] if row else "",
            chart_font(level_pt),
            ha="center",
            va="center",
            rotation=90,
            color=_HEADER_COLOUR,
        )
        column = wrap_lines(renderer, drawable(column_levels[index]), cell_w - 0.1, level_pt, 1)
        put(
            _GRID_LEFT + (index + 0.5) * cell_w,
            0.68,
            column[0] if column else "",
            chart_font(level_pt),
            ha="center",
            va="center",
            color=_HEADER_COLOUR,
        )

    # The same strategy name gets the same colour, whichever cells the caller maps it to.
    colours: dict[str, str] = {}
    for key in _CELL_ORDER:
        colours.setdefault(text.cells.get(key, ""), PALETTE[len(colours) % len(PALETTE)])

    headers = {
        key: wrap_lines(renderer, drawable(text.cells.get(key, "")), inner_w, _HEADER_PT, 2)
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
                _fit(renderer, label, inner_w, name_pt)[1]
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
            figure.add_artist(
                Rectangle(
                    (left, top - cell_h),
                    cell_w,
                    cell_h,
                    transform=inches,
                    facecolor=colours[text.cells.get(key, "")],
                    edgecolor="white",
                    linewidth=_GAP_PT * 2,
                )
            )
            for line_index, line in enumerate(headers[key]):
                put(
                    left + cell_w / 2,
                    top - _CELL_PAD - line_index * header_line_h,
                    line,
                    chart_font(_HEADER_PT),
                    ha="center",
                    va="top",
                    color=_HEADER_COLOUR,
                )
            overflow = counts[key] > CELL_CAPACITY
            for line_index, label in enumerate(labels[key]):
                counter = overflow and line_index == len(labels[key]) - 1
                shown, _size = _fit(renderer, label, inner_w, name_pt, 1.0, italic=counter)
                put(
                    left + _CELL_PAD,
                    top - _CELL_PAD - header_h - line_index * line_h,
                    shown,
                    chart_font(name_pt, italic=counter),
                    ha="left",
                    va="top",
                    color=_HEADER_COLOUR if counter else _TEXT_COLOUR,
                )

    if not points:
        # Narrower than the middle cell by the box's padding, so the box stays inside it.
        empty_pt = 12.0
        empty = wrap_lines(renderer, drawable(text.empty), cell_w - 0.3, empty_pt, 3, italic=True)
        put(
            _GRID_LEFT + 1.5 * cell_w,
            _GRID_BOTTOM + 1.5 * cell_h,
            "\n".join(empty),
            chart_font(empty_pt, italic=True),
            ha="center",
            va="center",
            multialignment="center",
            color=_HEADER_COLOUR,
            bbox={"boxstyle": "round,pad=0.5", "facecolor": "white", "edgecolor": "#d0d7de"},
        )
    return figure


def figure_png(figure: Figure) -> bytes:
    """The figure drawn on its Agg canvas as PNG bytes: opaque RGB, quick compression."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    canvas = figure.canvas
    if not isinstance(canvas, FigureCanvasAgg):
        canvas = FigureCanvasAgg(figure)
    canvas.draw()  # type: ignore[no-untyped-call]
    width, height = canvas.get_width_height()
    # Charts are drawn on white, so the alpha channel carries nothing: RGB is a quarter less to
    # compress. zlib level 3 compresses 1200 × 1200 px in half the time of the default 6 for
    # a file 2% larger; Telegram re-encodes photos anyway. No text chunks (savefig would add
    # its "Software" version), so the same input gives the same bytes.
    pixels = canvas.buffer_rgba()  # type: ignore[no-untyped-call]
    image = Image.frombuffer("RGBA", (width, height), pixels, "raw", "RGBA", 0, 1)
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="png", compress_level=3)
    return buffer.getvalue()


def stakeholder_grid_png(points: Sequence[GridPoint], text: GridText) -> bytes:
    """A PNG of the 3×3 power/interest grid with every stakeholder placed and readable."""
    with RENDER_LOCK, warnings.catch_warnings():
        # `drawable` already removed what DejaVu lacks; this only guards against a glyph
        # that a future font or matplotlib version reports missing after all.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font")
        return figure_png(grid_figure(points, text))
