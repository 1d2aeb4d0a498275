"""flows/png_file.py: the PNG files it writes are valid and hold exactly the pixels given."""

from __future__ import annotations

import io
import random
import struct
import zlib

import pytest
from PIL import Image

from flows.png_file import SIGNATURE, image_bands, rgb_png


def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """The file's chunks as (type, data), each CRC checked."""
    assert data[:8] == SIGNATURE
    found, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert crc == zlib.crc32(kind + body), kind
        found.append((kind, body))
        at += 12 + length
    return found


def test_pillow_reads_back_every_pixel_of_a_noisy_image() -> None:
    # Random pixels: any mistake in row order, stride or filter bytes changes some of them.
    rng = random.Random(7)
    width, height = 37, 23
    pixels = bytes(rng.randrange(256) for _ in range(width * height * 3))
    # In bands of 5 rows and a last one of 3: band edges must not show.
    stride = width * 3
    bands = [pixels[top * stride : (top + 5) * stride] for top in range(0, height, 5)]
    image = Image.open(io.BytesIO(rgb_png(width, height, bands)))
    image.load()
    assert image.mode == "RGB" and image.size == (width, height)
    assert image.tobytes() == pixels
    assert not image.info  # no text chunks, no time stamp, no gamma


def test_the_file_is_signature_header_one_data_chunk_and_end_with_unfiltered_rows() -> None:
    width, height = 4, 3
    pixels = bytes(range(width * height * 3))
    found = chunks(rgb_png(width, height, [pixels]))
    assert [kind for kind, _ in found] == [b"IHDR", b"IDAT", b"IEND"]
    assert found[0][1] == struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = zlib.decompress(found[1][1])
    stride = width * 3
    assert len(rows) == height * (stride + 1)
    for row in range(height):
        line = rows[row * (stride + 1) : (row + 1) * (stride + 1)]
        assert line[0] == 0  # filter type None
        assert line[1:] == pixels[row * stride : (row + 1) * stride]
    assert found[2][1] == b""


def test_a_flat_chart_like_image_compresses_well() -> None:
    # A large white page with a few coloured boxes, as the charts are: far below raw size.
    image = Image.new("RGB", (600, 400), "white")
    image.paste((0xDC, 0xEF, 0xD6), (50, 50, 300, 200))
    image.paste((0x1F, 0x6F, 0xEB), (320, 220, 580, 380))
    data = rgb_png(600, 400, image_bands(image, rows=64))  # 400 = 6 × 64 + 16
    assert len(data) < 600 * 400 * 3 / 100
    assert Image.open(io.BytesIO(data)).tobytes() == image.tobytes()


@pytest.mark.parametrize(
    ("width", "height", "bands"),
    [
        (2, 2, [bytes(11)]),  # a row cut short
        (2, 2, [bytes(6)]),  # one row missing
        (2, 2, [bytes(6)] * 3),  # one row too many
        (2, 2, [bytes(5), bytes(7)]),  # whole in sum, but a band splits a row
        (0, 2, []),
        (2, 0, []),
    ],
)
def test_pixels_that_do_not_match_the_size_are_refused(
    width: int, height: int, bands: list[bytes]
) -> None:
    with pytest.raises(ValueError):
        rgb_png(width, height, bands)
