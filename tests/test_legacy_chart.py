"""The legacy canvas picture: a readable PNG in the paper canvas's shape, whatever the input."""

from __future__ import annotations

import io
import struct

from flows.legacy_chart import CanvasBlock, CanvasText, legacy_canvas_png


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


def test_a_landscape_png_like_the_paper_sheet() -> None:
    png = legacy_canvas_png(canvas("Circulaire productie is de norm 🎉"))
    assert png.startswith(b"\x89PNG")
    assert size(png) == (1800, 1275)


def test_long_and_empty_answers_still_render_the_same_size() -> None:
    long = legacy_canvas_png(canvas("\n".join(f"Actie {n} " + "woord " * 40 for n in range(60))))
    empty = legacy_canvas_png(canvas(""))
    assert size(long) == size(empty) == (1800, 1275)
    assert long != empty


def test_the_same_canvas_gives_the_same_bytes() -> None:
    assert legacy_canvas_png(canvas("a\nb")) == legacy_canvas_png(canvas("a\nb"))
