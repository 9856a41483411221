#!/usr/bin/env python3
"""Draws the add-in's icons (a white agenda list on the brand blue) in the sizes Office asks for, as PNGs.
Pure standard library, so it runs anywhere: python3 scripts/make-icons.py"""
import struct, zlib, pathlib

BLUE, WHITE = (15, 108, 189), (255, 255, 255)

def icon(size):
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            u, v = x / size, y / size
            inside = 0.12 < u < 0.88 and 0.12 < v < 0.88
            lines = any(abs(v - c) < 0.045 for c in (0.32, 0.5, 0.68)) and 0.22 < u < 0.78
            dot = any(abs(v - c) < 0.045 for c in (0.32, 0.5, 0.68)) and 0.22 < u < 0.3
            colour = WHITE if inside and lines and not (0.3 <= u < 0.36) else BLUE
            if dot: colour = WHITE
            row += bytes(colour) + b"\xff"
        rows.append(bytes(row))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)) \
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")

out = pathlib.Path(__file__).resolve().parent.parent / "src" / "AddinWeb" / "public" / "assets"
out.mkdir(parents=True, exist_ok=True)
for size in (16, 32, 64, 80, 128):
    (out / f"icon-{size}.png").write_bytes(icon(size))
print("icons written to", out)
