"""PNG files of RGB pixels, each row stored unfiltered.

Pillow's PNG encoder picks one of four filters for every row of an RGB image by trying them
all, which cost two thirds of encoding a chart (≈15 of 24 ms for a 1200 × 1200 grid). Charts
are flat colours with anti-aliased edges: unfiltered rows compress to within a tenth of the
filtered size, and Telegram re-encodes photos anyway. The file format is the PNG
specification's (signature, IHDR, one IDAT, IEND).

The deflating is Intel's ISA-L (python-isal), which writes the same zlib stream format as
zlib: at its level 1 a 1200 × 1200 grid compresses to the size zlib's level 3 gave (≈90 kB)
in 1.5 instead of 9 ms, and compressing was two thirds of drawing a chart.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Final

from isal import isal_zlib

if TYPE_CHECKING:
    from PIL import Image

SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
# IHDR after width and height: bit depth 8, colour type 2 (RGB), deflate, adaptive filtering
# (the only method; each row's first byte names its filter), no interlace.
_RGB8: Final = struct.pack(">BBBBB", 8, 2, 0, 0, 0)
_NO_FILTER: Final = b"\x00"
# Rows handed to zlib at a time: the pixels are never all copied out of the image at once
# (4.3 MB for a chart, which showed in the drawing process's peak memory).
BAND_ROWS: Final = 64


def rgb_png(width: int, height: int, bands: Iterable[bytes], level: int = 1) -> bytes:
    """An 8-bit RGB PNG of the pixels in `bands`: whole rows, top to bottom, three bytes a
    pixel, no padding; any number of rows a band. `level` is ISA-L's, 0 to 3."""
    stride = width * 3
    if width <= 0 or height <= 0:
        raise ValueError(f"no pixels in a {width} × {height} image")
    deflate = isal_zlib.compressobj(level)
    parts = []
    rows = 0
    for band in bands:
        if len(band) % stride:
            raise ValueError(f"a band of {len(band)} bytes is not whole rows of {width} pixels")
        view = memoryview(band)
        for start in range(0, len(band), stride):
            parts.append(deflate.compress(_NO_FILTER))
            parts.append(deflate.compress(view[start : start + stride]))
        rows += len(band) // stride
    if rows != height:
        raise ValueError(f"{rows} rows of pixels for an image {height} high")
    parts.append(deflate.flush())
    header = struct.pack(">II", width, height) + _RGB8
    return b"".join(
        (SIGNATURE, _chunk(b"IHDR", header), _chunk(b"IDAT", b"".join(parts)), _chunk(b"IEND", b""))
    )


def image_bands(image: Image.Image, rows: int = BAND_ROWS) -> Iterator[bytes]:
    """An RGB image's pixels a band of `rows` rows at a time, for `rgb_png`."""
    for top in range(0, image.height, rows):
        yield image.crop((0, top, image.width, min(top + rows, image.height))).tobytes()


def _chunk(kind: bytes, data: bytes) -> bytes:
    """One chunk: length, type, data and the CRC of type and data."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
