#!/usr/bin/env python3
"""Draw the app icons (public/icons/icon-192.png, icon-512.png): a brand-blue square with a
white chain link and a location dot. Pure Python (zlib), so no image library is needed.
Run: python3 tools/make_icons.py"""
import math
import struct
import zlib

BLUE = (15, 76, 129)
WHITE = (255, 255, 255)
AMBER = (240, 180, 60)


def pixel(x, y, n):
    u, v = x / n, y / n
    # Two interlocking rings (a chain link) and a dot: scale-free shapes.
    for cx, cy in ((0.40, 0.55), (0.60, 0.45)):
        d = math.hypot(u - cx, v - cy)
        if 0.13 <= d <= 0.19:
            return WHITE
    if math.hypot(u - 0.74, v - 0.24) <= 0.07:
        return AMBER
    return BLUE


def png(n):
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x + 0.5, y + 0.5, n)) for x in range(n)) for y in range(n)
    )
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", n, n, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


for size in (192, 512):
    with open(f"public/icons/icon-{size}.png", "wb") as f:
        f.write(png(size))
print("icons written")
