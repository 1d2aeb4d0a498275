"""flows/picture.py: where texts and shapes are placed, and that drawing keeps to those places."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from PIL import Image, ImageChops

from flows.picture import (
    DPI,
    GLYPH_TABLE,
    Box,
    Font,
    Scene,
    _glyphs,
    fit,
    line_height,
    text_width,
    wrap_lines,
)
from tests import glyph_table

FONT = Font(12.0)
WORDS = "Houd betrokken"  # no descenders: every glyph lies within the line's box


Pixels = tuple[float, float, float, float]  # left, top, right, bottom; y runs down


def inked(data: bytes, background: str = "white") -> Pixels:
    """The bounds of the pixels that differ from the background."""
    image = Image.open(io.BytesIO(data)).convert("RGB")
    bounds = ImageChops.difference(image, Image.new("RGB", image.size, background)).getbbox()
    assert bounds is not None, "nothing was drawn"
    return bounds


def in_pixels(scene: Scene, box: Box) -> Pixels:
    """A box in inches as pixel bounds like `inked`'s."""
    return (
        box.left * DPI,
        (scene.height - box.top) * DPI,
        box.right * DPI,
        (scene.height - box.bottom) * DPI,
    )


def corners(box: Box) -> tuple[float, float, float, float]:
    """Left, bottom, right and top, for comparing with `pytest.approx`."""
    return box.left, box.bottom, box.right, box.top


def assert_within(ink: Pixels, bounds: Pixels, slack: float) -> None:
    """What was drawn lies inside the bounds, give or take `slack` pixels."""
    assert bounds[0] - slack <= ink[0] and bounds[1] - slack <= ink[1], (ink, bounds)
    assert ink[2] <= bounds[2] + slack and ink[3] <= bounds[3] + slack, (ink, bounds)


def test_level_text_boxes_follow_the_alignment() -> None:
    scene = Scene(4.0, 2.0)
    width, height = text_width(WORDS, FONT), line_height(FONT)
    left = scene.text(1.0, 1.0, WORDS, FONT, "black", halign="left", valign="top").box
    assert corners(left) == pytest.approx((1.0, 1.0 - height, 1.0 + width, 1.0))
    centre = scene.text(2.0, 1.0, WORDS, FONT, "black", halign="center", valign="center").box
    assert corners(centre) == pytest.approx(
        (2.0 - width / 2, 1.0 - height / 2, 2.0 + width / 2, 1.0 + height / 2)
    )
    right = scene.text(3.0, 1.0, WORDS, FONT, "black", halign="right", valign="bottom").box
    assert corners(right) == pytest.approx((3.0 - width, 1.0, 3.0, 1.0 + height))
    # On the baseline: most of the line above it, a little below for descenders.
    base = scene.text(1.0, 1.0, WORDS, FONT, "black").box
    assert base.top - 1.0 > 3 * (1.0 - base.bottom) > 0
    assert base.top - base.bottom == pytest.approx(height)


def test_lines_stack_at_the_line_spacing() -> None:
    scene = Scene(4.0, 2.0)
    three = scene.text(0.5, 1.5, "een\ntwee\ndrie", FONT, "black", valign="top", spacing=1.5)
    assert three.lines == ["een", "twee", "drie"]
    assert three.box.top - three.box.bottom == pytest.approx(3 * line_height(FONT, 1.5))
    assert three.box.right - three.box.left == pytest.approx(text_width("twee", FONT))


def test_a_turned_text_reads_upwards_in_a_tall_box() -> None:
    scene = Scene(2.0, 4.0)
    width, height = text_width(WORDS, FONT), line_height(FONT)
    box = scene.text(1.0, 2.0, WORDS, FONT, "black", halign="center", valign="center",
                     rotation=90).box  # fmt: skip
    assert corners(box) == pytest.approx(
        (1.0 - height / 2, 2.0 - width / 2, 1.0 + height / 2, 2.0 + width / 2)
    )
    # Left aligned starts at the anchor and runs up; its top (first line) faces left.
    up = scene.text(0.5, 1.0, WORDS, FONT, "black", valign="top", rotation=90).box
    assert corners(up) == pytest.approx((0.5, 1.0, 0.5 + height, 1.0 + width))
    with pytest.raises(ValueError):
        scene.text(1.0, 1.0, WORDS, FONT, "black", rotation=45)


@pytest.mark.parametrize("rotation", [0, 90])
def test_a_text_is_drawn_inside_its_box(rotation: int) -> None:
    scene = Scene(3.0, 3.0)
    placed = scene.text(1.5, 1.5, WORDS, Font(14.0, bold=True), "#1f2328", halign="center",
                        valign="center", rotation=rotation)  # fmt: skip
    ink = inked(scene.png())
    assert_within(ink, in_pixels(scene, placed.box), 1.5)  # anti-aliased edge pixels
    # And it fills most of its length: not drawn at some other size.
    along = ink[2] - ink[0] if rotation == 0 else ink[3] - ink[1]
    assert along > 0.9 * text_width(WORDS, placed.font) * DPI


SHAPES: list[tuple[Callable[[Scene], object], Box]] = [
    (lambda s: s.ellipse(1.0, 1.0, 0.4, "#1f77b4"), Box(0.6, 0.6, 1.4, 1.4)),
    (lambda s: s.polygon([(0.5, 0.5), (1.5, 0.7), (0.8, 1.6)], "#d62728"),
     Box(0.5, 0.5, 1.5, 1.6)),
    (lambda s: s.line([(0.4, 0.4), (1.6, 1.2)], "#2ca02c", 3.0),
     Box(0.4 - 1.5 / 72, 0.4 - 1.5 / 72, 1.6 + 1.5 / 72, 1.2 + 1.5 / 72)),
]  # fmt: skip


@pytest.mark.parametrize(("add", "bounds"), SHAPES, ids=["ellipse", "polygon", "line"])
def test_smooth_shapes_stay_inside_their_bounds(
    add: Callable[[Scene], object], bounds: Box
) -> None:
    scene = Scene(2.0, 2.0)
    add(scene)
    ink, box = inked(scene.png()), in_pixels(scene, bounds)
    assert_within(ink, box, 1.0)
    # Drawn at full size, not a quarter of it (the shapes are drawn large, then reduced).
    assert ink[2] - ink[0] > 0.9 * (box[2] - box[0])
    assert ink[3] - ink[1] > 0.9 * (box[3] - box[1])


def test_a_rounded_rectangle_has_an_outline_and_round_corners() -> None:
    scene = Scene(2.0, 2.0, background="#dcefd6")
    scene.rect(0.5, 0.5, 1.0, 1.0, "white", edge="#d0d7de", edge_width=2.0, radius=0.2)
    image = Image.open(io.BytesIO(scene.png()))
    left, top, right = 75, 75, 225  # the rectangle in pixels
    assert image.getpixel((150, 150)) == (255, 255, 255)
    assert image.getpixel((left + 1, 150)) == (0xD0, 0xD7, 0xDE)  # the outline, inside
    assert image.getpixel((left + 1, top + 1)) == (0xDC, 0xEF, 0xD6)  # the corner is cut
    assert image.getpixel((right + 2, 150)) == (0xDC, 0xEF, 0xD6)  # nothing beyond


def test_a_plain_rectangle_covers_whole_pixels_and_its_outline_lies_inside() -> None:
    scene = Scene(2.0, 2.0)
    scene.rect(0.5, 0.5, 1.0, 1.0, "#f9d9d3", edge="white", edge_width=1.5)
    image = Image.open(io.BytesIO(scene.png()))
    edge = round(1.5 * DPI / 72)
    assert image.getpixel((75 + edge - 1, 150)) == (255, 255, 255)
    assert image.getpixel((75 + edge, 150)) == (0xF9, 0xD9, 0xD3)
    assert image.getpixel((224 - edge, 150)) == (0xF9, 0xD9, 0xD3)
    assert image.getpixel((225 - edge, 150)) == (255, 255, 255)


def test_png_is_deterministic_opaque_rgb_of_the_scene_size() -> None:
    def draw() -> bytes:
        scene = Scene(2.0, 1.0)
        scene.rect(0.1, 0.1, 1.0, 0.5, "#fbe6c2", radius=0.1)
        scene.text(1.0, 0.5, "Gent ♻ café", FONT, "black", halign="center", valign="center")
        scene.ellipse(1.6, 0.5, 0.2, "#1f77b4", edge="black", edge_width=1.0)
        return scene.png()

    first = draw()
    assert draw() == first
    image = Image.open(io.BytesIO(first))
    assert image.mode == "RGB" and image.size == (300, 150)
    assert not image.info  # no text chunks, no time stamp


def test_fit_shrinks_a_little_then_cuts() -> None:
    text = "Intergemeentelijke afvalintercommunale"
    full = text_width(text, FONT)
    shrunk, font = fit(text, full * 0.95, FONT, shrink=0.9)
    assert shrunk == text and 0.9 * FONT.size <= font.size < FONT.size
    cut, font = fit(text, full / 2, FONT, shrink=0.9)
    assert font.size == pytest.approx(0.9 * FONT.size)
    assert cut.endswith("…") and text.startswith(cut[:-1])
    assert text_width(cut, font) <= full / 2
    assert fit("kort", full, FONT) == ("kort", FONT)


def test_wrap_lines_fills_lines_and_cuts_the_last() -> None:
    width = text_width("Houd betrokken en", FONT)
    lines = wrap_lines("Houd betrokken en tevreden en geïnformeerd", width, FONT, 2)
    assert len(lines) == 2 and lines[0] == "Houd betrokken en"
    assert lines[1].startswith("tevreden") and lines[1].endswith("…")
    assert all(text_width(line, FONT) <= width for line in lines)
    assert wrap_lines("", width, FONT, 2) == []


def test_a_turned_text_is_the_level_one_turned_counter_clockwise() -> None:
    def drawn(rotation: int) -> Image.Image:
        scene = Scene(3.0, 3.0)
        scene.text(1.5, 1.5, WORDS, FONT, "black", halign="center", valign="center",
                   rotation=rotation)  # fmt: skip
        return Image.open(io.BytesIO(scene.png())).convert("L")

    level, turned = drawn(0), drawn(90)

    def mismatch(image: Image.Image) -> float:
        # Mean difference in grey levels: a pixel or so of offset stays small.
        histogram = ImageChops.difference(image, turned).histogram()
        return sum(value * count for value, count in enumerate(histogram)) / (450 * 450)

    upwards = mismatch(level.transpose(Image.Transpose.ROTATE_90))
    downwards = mismatch(level.transpose(Image.Transpose.ROTATE_270))
    assert upwards < downwards / 3


def test_the_glyph_table_matches_the_fonts() -> None:
    # If a font changes, `python -m tests.glyph_table` writes the table anew.
    assert GLYPH_TABLE.read_text() == glyph_table.expected()


def test_the_glyph_table_lists_runs_of_code_points_as_ranges() -> None:
    assert glyph_table.table([0x41, 0x20, 0x42, 0x43, 0xE9]) == "0020-0020\n0041-0043\n00E9-00E9\n"
    assert {0x20, 0x41, 0x42, 0xE9} <= _glyphs() and 0x1F30D not in _glyphs()  # no 🌍
