"""The legacy canvas picture: a readable PNG in the paper canvas's shape, whatever the input."""

from __future__ import annotations

import io
import itertools
import struct

from flows.legacy_chart import CanvasBlock, CanvasText, canvas_figure, legacy_canvas_png
from flows.picture import Box, Scene, Text

LONG = "\n".join(f"Actie {n} " + "woord " * 40 for n in range(60))


def canvas(body: str) -> CanvasText:
    """A canvas whose every block says `body`."""
    block = CanvasBlock("Scaling up", body)
    return CanvasText(
        title="Legacy canvas — $x$ <b>",
        statement=CanvasBlock("Legacy statement", body),
        strategies=(block, block, block, block),
        constraints=CanvasBlock("Drempels", body),
        empty="(nog niet ingevuld)",
    )


def size(png: bytes) -> tuple[int, int]:
    """Width and height from the PNG header."""
    width, height = struct.unpack(">II", io.BytesIO(png).getbuffer()[16:24])
    return int(width), int(height)


def bodies(scene: Scene) -> list[Text]:
    """The six blocks' body texts: each block draws its heading, then its body."""
    return scene.texts[2::2]


def test_a_landscape_png_like_the_paper_sheet() -> None:
    png = legacy_canvas_png(canvas("Circulaire productie is de norm 🎉"))
    assert png.startswith(b"\x89PNG")
    assert size(png) == (1800, 1275)


def test_long_and_empty_answers_still_render_the_same_size() -> None:
    long = legacy_canvas_png(canvas(LONG))
    empty = legacy_canvas_png(canvas(""))
    assert size(long) == size(empty) == (1800, 1275)
    assert long != empty


def test_the_same_canvas_gives_the_same_bytes() -> None:
    assert legacy_canvas_png(canvas("a\nb")) == legacy_canvas_png(canvas("a\nb"))


def test_six_blocks_in_the_paper_layout_each_text_inside_its_own() -> None:
    for body in (LONG, "", "Circulaire productie is de norm 🎉", "a\nb"):
        scene = canvas_figure(canvas(body))
        assert scene.size == (1800, 1275)
        blocks = scene.rects
        assert len(blocks) == 6
        statement, *strategies, constraints = blocks
        # Statement across the top, four strategies side by side, constraints at the bottom.
        assert statement.box.bottom > max(b.box.top for b in strategies)
        assert constraints.box.top < min(b.box.bottom for b in strategies)
        assert [b.box.left for b in strategies] == sorted(b.box.left for b in strategies)
        for one, other in itertools.combinations(blocks, 2):
            assert not one.box.overlaps(other.box)
        page = Box(0.0, 0.0, scene.width, scene.height)
        title, *inside = scene.texts
        assert page.contains(title.box) and not any(title.box.overlaps(b.box) for b in blocks)
        assert len(inside) == 12
        for index, block in enumerate(blocks):
            heading, text = inside[2 * index], inside[2 * index + 1]
            # With a margin of a tenth of an inch all round: no line touches the block's edge.
            box = block.box
            padded = Box(box.left + 0.1, box.bottom + 0.1, box.right - 0.1, box.top - 0.1)
            assert padded.contains(heading.box), heading.text
            assert padded.contains(text.box), text.text
        for first, second in itertools.combinations(scene.texts, 2):
            assert not first.box.overlaps(second.box), (first.text, second.text)


def test_a_long_answer_is_cut_an_empty_one_says_so() -> None:
    long = bodies(canvas_figure(canvas(LONG)))
    # Every block fills its room with bullets, the statement's larger text fewer of them.
    assert all(text.lines[0].startswith("• Actie 0 ") for text in long)
    assert all(text.lines[-1].endswith("…") for text in long)
    assert len(long[0].lines) < len(long[1].lines)
    assert long[0].font.size > long[1].font.size
    empty = bodies(canvas_figure(canvas("")))
    assert [text.text for text in empty] == ["(nog niet ingevuld)"] * 6
    assert all(text.font.italic and text.colour != long[0].colour for text in empty)


def test_emoji_go_and_markup_stays_literal() -> None:
    scene = canvas_figure(canvas("Circulaire productie 🎉 is de $norm$ <i>"))
    assert scene.texts[0].text == "Legacy canvas — $x$ <b>"
    said = [" ".join(text.lines) for text in bodies(scene)]
    assert said == ["Circulaire productie is de $norm$ <i>"] * 6
    # One paragraph gets no bullet, several get one each.
    assert [text.lines for text in bodies(canvas_figure(canvas("a\nb")))] == [["• a", "• b"]] * 6
