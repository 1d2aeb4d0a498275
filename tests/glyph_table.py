"""The table of characters the bundled fonts can draw: `python -m tests.glyph_table` writes it.

flows/picture.py reads flows/fonts/glyphs.txt instead of the fonts' character maps, so the
drawing process needs no fontTools (≈4 MB resident). tests/test_picture.py checks that the
file matches the fonts; run this after changing a font.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from flows.picture import FONT_FILES, FONTS, GLYPH_TABLE


def shared_code_points(paths: Iterable[Path]) -> set[int]:
    """Code points every one of the fonts has a glyph for (their best character maps)."""
    from fontTools.ttLib import TTFont

    sets = []
    for path in paths:
        with TTFont(path, lazy=True) as font:
            sets.append(set(font.getBestCmap()))
    return set.intersection(*sets)


def table(code_points: Iterable[int]) -> str:
    """The code points as ranges, one "first-last" in hexadecimal per line."""
    lines: list[str] = []
    start = previous = None
    for point in sorted(code_points):
        if previous is not None and point == previous + 1:
            previous = point
            continue
        if start is not None:
            lines.append(f"{start:04X}-{previous:04X}")
        start = previous = point
    if start is not None:
        lines.append(f"{start:04X}-{previous:04X}")
    return "\n".join(lines) + "\n"


def expected() -> str:
    """What flows/fonts/glyphs.txt must hold for the fonts in flows/fonts."""
    return table(shared_code_points(FONTS / name for name in FONT_FILES))


if __name__ == "__main__":
    GLYPH_TABLE.write_text(expected())
    print(f"wrote {GLYPH_TABLE}")
