"""Drawing charts with Pillow: a scene of texts and shapes in inches, rendered to a PNG.

Why not matplotlib: the drawing process with matplotlib (and numpy) loaded was ≈80 MB
resident beside a bot of ≈110 MB, while Pillow with FreeType is ≈15 MB; and our charts are
boxes, lines and text laid out by hand anyway. A `Scene` records every item before anything is
drawn, so tests can read what was placed where (texts, their boxes, rectangles) without
looking at pixels, the way they read a matplotlib Figure's artists before.

Coordinates are inches from the bottom left corner, as on paper and as the chart modules'
geometry was written; font sizes are points. Everything renders at `DPI` dots per inch.
Shapes that are not axis-aligned rectangles are drawn four times larger and scaled down, so
their edges are smooth like the text's. The fonts are the DejaVu Sans files in flows/fonts
(see LICENSE_DEJAVU there): the same files everywhere, so the same input gives the same bytes
on every machine.

Nothing here imports `telegram`; the bot process never imports this module (only the drawing
process does, see flows/drawing.py), so Pillow stays out of the bot's memory.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from PIL import Image, ImageDraw, ImageFont

from flows.png_file import image_bands, rgb_png

DPI = 150
FONTS = Path(__file__).resolve().parent / "fonts"
_FILES = {
    (False, False): "DejaVuSans.ttf",
    (True, False): "DejaVuSans-Bold.ttf",
    (False, True): "DejaVuSans-Oblique.ttf",
}
FONT_FILES = tuple(_FILES.values())
# The characters all three files can draw, as ranges of code points: written from the fonts'
# character maps by `python -m tests.glyph_table` (and checked by a test), so drawing needs no
# font-parsing library in memory.
GLYPH_TABLE = FONTS / "glyphs.txt"
# Line height as a multiple of the font size for texts of several lines (matplotlib's too).
LINE_SPACING = 1.2
# Shapes are drawn this many times larger, then scaled down: smooth edges without a canvas
# that anti-aliases.
_SMOOTH = 4

# Renders are CPU-bound and the drawing process takes one request at a time; the lock only
# keeps two threads (tests) from sharing the width cache's clear-when-full half-way.
RENDER_LOCK = threading.Lock()

HAlign = Literal["left", "center", "right"]
VAlign = Literal["top", "center", "bottom", "baseline"]


@dataclass(frozen=True, slots=True)
class Font:
    """DejaVu Sans at a size in points: regular, bold or oblique."""

    size: float
    bold: bool = False
    italic: bool = False

    @property
    def file(self) -> Path:
        """The font file this style is drawn with."""
        # Bold and oblique together never occur in our charts; bold wins.
        return FONTS / _FILES[(self.bold, self.italic and not self.bold)]

    def pillow(self) -> ImageFont.FreeTypeFont:
        """The FreeType font at this size in pixels."""
        return _pillow_font(str(self.file), self.size * DPI / 72)


@lru_cache(maxsize=256)
def _pillow_font(path: str, pixels: float) -> ImageFont.FreeTypeFont:
    # BASIC layout: kerning from FreeType without raqm, which a machine may lack; the same
    # layout everywhere keeps the bytes reproducible. Our texts are left-to-right Latin.
    return ImageFont.truetype(path, pixels, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=1)
def _glyphs() -> frozenset[int]:
    """Code points that every style of DejaVu Sans used here can draw."""
    points: set[int] = set()
    for line in GLYPH_TABLE.read_text().split():
        first, last = (int(end, 16) for end in line.split("-"))
        points.update(range(first, last + 1))
    return frozenset(points)


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


def plain(text: str) -> str:
    """The text on one line, without what the font cannot draw and the spaces that leaves."""
    return " ".join(drawable(text).split())


# Measured widths, by text and font. Fitting a chart measures the same labels many times
# (each shrink step, then again when drawing). A measurement costs FreeType about 25 µs, so a
# small cache is enough: it is cleared when full, which only costs re-measuring.
_WIDTHS: dict[tuple[str, Font], float] = {}
_WIDTHS_KEPT = 2_000


def text_width(text: str, font: Font) -> float:
    """How wide a one-line text is drawn, in inches."""
    key = (text, font)
    width = _WIDTHS.get(key)
    if width is None:
        if len(_WIDTHS) >= _WIDTHS_KEPT:
            _WIDTHS.clear()
        width = _WIDTHS[key] = font.pillow().getlength(text) / DPI
    return width


def line_height(font: Font, spacing: float = LINE_SPACING) -> float:
    """The distance between two lines' baselines, in inches."""
    return font.size * spacing / 72


def fit(text: str, width: float, font: Font, shrink: float = 1.0) -> tuple[str, Font]:
    """The text and font that fit `width` inches: shrink a little (to `shrink`), then cut."""
    smallest = font.size * shrink
    while font.size > smallest and text_width(text, font) > width:
        font = Font(max(font.size - 0.25, smallest), font.bold, font.italic)
    base = text[:-1] if text.endswith("…") else text
    while text_width(text, font) > width and len(base) > 1:
        base = base[:-1].rstrip()
        text = base + "…"
    return text, font


def wrap_lines(text: str, width: float, font: Font, max_lines: int) -> list[str]:
    """Words filled into at most `max_lines` lines of `width` inches, the last cut if need be."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for index, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if not current or text_width(candidate, font) <= width:
            current = candidate
        elif len(lines) == max_lines - 1:
            current = " ".join([current, *words[index:]])  # the last line takes the rest, cut
            break
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return [fit(line, width, font)[0] for line in lines]


@lru_cache(maxsize=64)
def _corners(radius: int) -> Image.Image:
    """A smooth disc `2 × radius` pixels wide: its quarters are a rounded box's corners."""
    large = Image.new("L", (2 * radius * _SMOOTH, 2 * radius * _SMOOTH), 0)
    ImageDraw.Draw(large).ellipse((0, 0, *(n - 1 for n in large.size)), fill=255)
    return large.reduce(_SMOOTH)


def _rounded(
    image: Image.Image,
    draw: ImageDraw.ImageDraw,
    box: tuple[int, int, int, int],
    radius: float,
    colour: str,
) -> None:
    """Fill a box (pixels: left, top, right, bottom) with corners rounded to `radius`."""
    left, top, right, bottom = box
    corner = min(round(radius), (right - left) // 2, (bottom - top) // 2)
    if right <= left or bottom <= top:
        return
    if corner < 1:
        draw.rectangle((left, top, right - 1, bottom - 1), fill=colour)
        return
    # Smoothing the whole box at four times its size cost a millisecond a card; the straight
    # edges need none, so only the four corners are painted through a smooth mask.
    disc, far = _corners(corner), 2 * corner
    for x, y, crop in (
        (left, top, (0, 0, corner, corner)),
        (right - corner, top, (corner, 0, far, corner)),
        (left, bottom - corner, (0, corner, corner, far)),
        (right - corner, bottom - corner, (corner, corner, far, far)),
    ):
        image.paste(colour, (x, y), disc.crop(crop))
    draw.rectangle((left + corner, top, right - corner - 1, bottom - 1), fill=colour)
    draw.rectangle((left, top + corner, left + corner - 1, bottom - corner - 1), fill=colour)
    draw.rectangle((right - corner, top + corner, right - 1, bottom - corner - 1), fill=colour)


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle in inches: left, bottom, right, top."""

    left: float
    bottom: float
    right: float
    top: float

    def contains(self, other: Box, slack: float = 1e-9) -> bool:
        """Whether `other` lies wholly inside this box."""
        return (
            other.left >= self.left - slack
            and other.right <= self.right + slack
            and other.bottom >= self.bottom - slack
            and other.top <= self.top + slack
        )

    def overlaps(self, other: Box) -> bool:
        """Whether the two boxes share any area (touching edges do not count)."""
        return (
            self.left < other.right
            and other.left < self.right
            and self.bottom < other.top
            and other.bottom < self.top
        )


@dataclass(frozen=True, slots=True)
class Text:
    """A text placed on the scene: its lines, font, colour, anchor and the box it covers."""

    text: str
    font: Font
    colour: str
    box: Box
    halign: HAlign
    rotation: int  # 0, or 90 to read from bottom to top
    spacing: float

    @property
    def lines(self) -> list[str]:
        """The lines as drawn."""
        return self.text.split("\n")


@dataclass(frozen=True, slots=True)
class Rect:
    """A filled rectangle, optionally with rounded corners and an outline."""

    box: Box
    fill: str | None
    edge: str | None = None
    edge_width: float = 0.0  # points
    radius: float = 0.0  # inches


@dataclass(frozen=True, slots=True)
class Shape:
    """A smooth shape: an ellipse, a polygon or a polyline, in inches."""

    kind: Literal["ellipse", "polygon", "line"]
    points: tuple[tuple[float, float], ...]
    fill: str | None
    edge: str | None = None
    edge_width: float = 0.0  # points; a line's width


Item = Text | Rect | Shape
# Paints a shape on a smoothing mask: (draw, the shape's bounds on it, its top left in pixels).
Bounds = tuple[float, float, float, float]
Painter = Callable[[ImageDraw.ImageDraw, Bounds, tuple[int, int]], object]


@dataclass
class Scene:
    """What a chart draws, in drawing order, on a page of `width` × `height` inches."""

    width: float
    height: float
    background: str = "white"
    items: list[Item] = field(default_factory=list)

    @property
    def texts(self) -> list[Text]:
        """Every text placed, in drawing order."""
        return [item for item in self.items if isinstance(item, Text)]

    @property
    def rects(self) -> list[Rect]:
        """Every rectangle placed, in drawing order."""
        return [item for item in self.items if isinstance(item, Rect)]

    @property
    def size(self) -> tuple[int, int]:
        """The picture's size in pixels."""
        return round(self.width * DPI), round(self.height * DPI)

    def text(
        self,
        x: float,
        y: float,
        text: str,
        font: Font,
        colour: str,
        *,
        halign: HAlign = "left",
        valign: VAlign = "baseline",
        rotation: int = 0,
        spacing: float = LINE_SPACING,
    ) -> Text:
        """Place a text (lines split on "\\n") anchored at (x, y); return what was placed."""
        if rotation not in (0, 90):
            raise ValueError("texts are drawn level or turned a quarter to read upwards")
        lines = text.split("\n")
        # The box is the lines as set, each `spacing` × size high with the glyphs centred in
        # it, as wide as the widest line's advance widths.
        along = max((text_width(line, font) for line in lines), default=0.0)
        across = line_height(font, spacing) * len(lines)
        ascent, _descent = font.pillow().getmetrics()
        above_baseline = (line_height(font, spacing) - font.size / 72) / 2 + ascent / DPI
        # Offsets in the text's own frame: `along` runs with the text, `across` down its lines.
        start = {"left": 0.0, "center": along / 2, "right": along}[halign]
        first = {
            "top": 0.0,
            "center": across / 2,
            "bottom": across,
            "baseline": above_baseline,
        }[valign]
        if rotation == 0:
            box = Box(x - start, y + first - across, x - start + along, y + first)
        else:  # turned counter-clockwise: the text runs up, its top faces left
            box = Box(x - first, y - start, x - first + across, y - start + along)
        placed = Text(text, font, colour, box, halign, rotation, spacing)
        self.items.append(placed)
        return placed

    def rect(
        self,
        left: float,
        bottom: float,
        width: float,
        height: float,
        fill: str | None,
        *,
        edge: str | None = None,
        edge_width: float = 0.0,
        radius: float = 0.0,
    ) -> Rect:
        """Place a rectangle; return what was placed."""
        box = Box(left, bottom, left + width, bottom + height)
        placed = Rect(box, fill, edge, edge_width, radius)
        self.items.append(placed)
        return placed

    def ellipse(
        self,
        x: float,
        y: float,
        radius: float,
        fill: str | None,
        *,
        edge: str | None = None,
        edge_width: float = 0.0,
    ) -> Shape:
        """Place a circle of `radius` inches centred on (x, y)."""
        corners = ((x - radius, y - radius), (x + radius, y + radius))
        placed = Shape("ellipse", corners, fill, edge, edge_width)
        self.items.append(placed)
        return placed

    def polygon(self, points: Sequence[tuple[float, float]], fill: str) -> Shape:
        """Place a filled polygon."""
        placed = Shape("polygon", tuple(points), fill)
        self.items.append(placed)
        return placed

    def line(self, points: Sequence[tuple[float, float]], colour: str, width: float) -> Shape:
        """Place a polyline `width` points wide."""
        placed = Shape("line", tuple(points), None, colour, width)
        self.items.append(placed)
        return placed

    def png(self) -> bytes:
        """The scene drawn as PNG bytes: opaque RGB, quick compression, no metadata."""
        with RENDER_LOCK:
            image = Image.new("RGB", self.size, self.background)
            draw = ImageDraw.Draw(image)
            for item in self.items:
                if isinstance(item, Text):
                    self._draw_text(image, draw, item)
                elif isinstance(item, Rect):
                    self._draw_rect(image, draw, item)
                else:
                    self._draw_shape(image, item)
            # Unfiltered rows deflated by ISA-L: see flows/png_file.py for why not Pillow's PNG
            # encoder. No text chunks: same input, same bytes.
            return rgb_png(image.width, image.height, image_bands(image))

    def _px(self, x: float, y: float) -> tuple[float, float]:
        return x * DPI, (self.height - y) * DPI

    def _draw_text(self, image: Image.Image, draw: ImageDraw.ImageDraw, item: Text) -> None:
        font = item.font.pillow()
        ascent, _descent = font.getmetrics()
        step = line_height(item.font, item.spacing) * DPI
        lead = (step - item.font.size / 72 * DPI) / 2 + ascent  # top of a line to its baseline
        anchor = {"left": "ls", "center": "ms", "right": "rs"}[item.halign]
        box = item.box
        if item.rotation == 0:
            left, top = self._px(box.left, box.top)
            width = (box.right - box.left) * DPI
            x = left + {"left": 0.0, "center": width / 2, "right": width}[item.halign]
            for index, line in enumerate(item.lines):
                draw.text((x, top + lead + index * step), line, fill=item.colour, font=font,
                          anchor=anchor)  # fmt: skip
            return
        # Turned text: set level on a mask of the text's size, turn the mask, paint through it.
        along = round((box.top - box.bottom) * DPI) + 2
        across = round((box.right - box.left) * DPI) + 2
        mask = Image.new("L", (along, across), 0)
        x = 1 + {"left": 0.0, "center": (along - 2) / 2, "right": along - 2.0}[item.halign]
        mask_draw = ImageDraw.Draw(mask)
        for index, line in enumerate(item.lines):
            mask_draw.text((x, 1 + lead + index * step), line, fill=255, font=font, anchor=anchor)
        turned = mask.transpose(Image.Transpose.ROTATE_90)
        left, top = self._px(box.left, box.top)
        image.paste(item.colour, (round(left) - 1, round(top) - 1), turned)

    def _draw_rect(self, image: Image.Image, draw: ImageDraw.ImageDraw, item: Rect) -> None:
        left, top = self._px(item.box.left, item.box.top)
        right, bottom = self._px(item.box.right, item.box.bottom)
        edge = item.edge_width * DPI / 72 if item.edge else 0.0
        if not item.radius:
            # Axis-aligned edges need no smoothing: whole pixels, an outline drawn inside.
            corners = (round(left), round(top), round(right) - 1, round(bottom) - 1)
            draw.rectangle(corners, fill=item.fill, outline=item.edge if edge else None,
                           width=max(1, round(edge)))  # fmt: skip
            return
        # Whole pixels, like a plain rectangle: only the corners need smoothing.
        box = (round(left), round(top), round(right), round(bottom))
        radius = item.radius * DPI
        if item.edge and edge:
            # The outline is the whole shape in the edge colour, the fill a smaller one on top.
            _rounded(image, draw, box, radius, item.edge)
            inset = max(1, round(edge))
            box = (box[0] + inset, box[1] + inset, box[2] - inset, box[3] - inset)
            radius = max(radius - inset, 0.0)
        if item.fill:
            _rounded(image, draw, box, radius, item.fill)

    def _draw_shape(self, image: Image.Image, item: Shape) -> None:
        points = [self._px(x, y) for x, y in item.points]
        edge = item.edge_width * DPI / 72
        xs, ys = [x for x, _ in points], [y for _, y in points]
        bounds = (min(xs) - edge, min(ys) - edge, max(xs) + edge, max(ys) + edge)

        def scaled(origin: tuple[int, int]) -> list[tuple[float, float]]:
            return [((x - origin[0]) * _SMOOTH, (y - origin[1]) * _SMOOTH) for x, y in points]

        if item.kind == "line":
            assert item.edge is not None
            width = max(1, round(edge * _SMOOTH))

            def stroke(draw: ImageDraw.ImageDraw, _shape: Bounds, origin: tuple[int, int]) -> None:
                draw.line(scaled(origin), fill=255, width=width, joint="curve")

            self._smooth(image, bounds, item.edge, stroke)
            return
        if item.kind == "ellipse":
            if item.edge and edge:
                self._smooth(image, bounds, item.edge, lambda d, s, o: d.ellipse(s, fill=255))
            if item.fill:
                inner = (points[0][0], min(ys), points[1][0], max(ys))
                self._smooth(image, inner, item.fill, lambda d, s, o: d.ellipse(s, fill=255))
            return
        assert item.fill is not None
        self._smooth(image, bounds, item.fill, lambda d, s, o: d.polygon(scaled(o), fill=255))

    @staticmethod
    def _smooth(
        image: Image.Image,
        bounds: Bounds,
        colour: str,
        paint: Painter,
    ) -> None:
        """Paint a shape given in pixels at `_SMOOTH` times the size, scaled down, in `colour`.

        `paint(draw, shape, origin)` gets the shape's bounds on the large mask and the mask's
        top left corner in pixels, for painters that place points themselves.
        """
        left, top = int(bounds[0]) - 1, int(bounds[1]) - 1
        right, bottom = int(bounds[2]) + 2, int(bounds[3]) + 2
        width, height = right - left, bottom - top
        if width <= 0 or height <= 0:
            return
        mask = Image.new("L", (width * _SMOOTH, height * _SMOOTH), 0)
        draw = ImageDraw.Draw(mask)
        # The shape's own bounds on the large mask, for painters that take a bounding box.
        shape = (
            (bounds[0] - left) * _SMOOTH,
            (bounds[1] - top) * _SMOOTH,
            (bounds[2] - left) * _SMOOTH - 1,
            (bounds[3] - top) * _SMOOTH - 1,
        )
        paint(draw, shape, (left, top))
        image.paste(colour, (left, top), mask.reduce(_SMOOTH))
