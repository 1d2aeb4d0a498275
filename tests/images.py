"""Test images built by hand, so tests need no imaging library."""

from __future__ import annotations

import struct
import zlib


def png(width: int, height: int) -> bytes:
    """A real, tiny PNG image whose rows differ, so a mangled byte shows."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + bytes([x % 256, 7, 200]) * width for x in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
