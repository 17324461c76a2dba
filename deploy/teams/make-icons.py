"""Draws the two Teams icons (color 192x192, outline 32x32) as PNG, with 4x4 supersampling, no imaging library."""
import math, struct, zlib

def png(path, size, pixel):
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            r = g = b = a = 0.0
            for sy in range(4):
                for sx in range(4):
                    pr, pg, pb, pa = pixel((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size)
                    r += pr * pa; g += pg * pa; b += pb * pa; a += pa
            if a > 0:
                r, g, b = r / a, g / a, b / a
            row += bytes([round(r), round(g), round(b), round(a / 16 * 255)])
        rows.append(bytes(row))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = zlib.compress(b"".join(rows), 9)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)) + chunk(b"IDAT", raw) + chunk(b"IEND", b""))

def in_round_rect(u, v, x0, y0, x1, y1, r):
    if not (x0 <= u <= x1 and y0 <= v <= y1):
        return False
    cx = min(max(u, x0 + r), x1 - r); cy = min(max(v, y0 + r), y1 - r)
    return (u - cx) ** 2 + (v - cy) ** 2 <= r * r

def in_triangle(u, v, a, b, c):
    def side(p, q, r):
        return (p[0] - r[0]) * (q[1] - r[1]) - (q[0] - r[0]) * (p[1] - r[1])
    d1, d2, d3 = side((u, v), a, b), side((u, v), b, c), side((u, v), c, a)
    return not ((d1 < 0 or d2 < 0 or d3 < 0) and (d1 > 0 or d2 > 0 or d3 > 0))

def near_segment(u, v, a, b, w):
    ax, ay = a; bx, by = b
    t = max(0, min(1, ((u - ax) * (bx - ax) + (v - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)))
    return math.hypot(u - (ax + t * (bx - ax)), v - (ay + t * (by - ay))) <= w

CHECK = [(0.36, 0.47), (0.46, 0.57), (0.65, 0.36)]
BUBBLE = (0.20, 0.22, 0.80, 0.70, 0.10)
TAIL = ((0.30, 0.66), (0.44, 0.66), (0.27, 0.82))
TEAL = (15, 110, 120)
WHITE = (255, 255, 255)

def color(u, v):
    bubble = in_round_rect(u, v, *BUBBLE) or in_triangle(u, v, *TAIL)
    check = near_segment(u, v, CHECK[0], CHECK[1], 0.045) or near_segment(u, v, CHECK[1], CHECK[2], 0.045)
    if bubble and check:
        return (*TEAL, 1.0)
    if bubble:
        return (*WHITE, 1.0)
    return (*TEAL, 1.0)

def outline(u, v):
    # White strokes on transparent: the bubble's outline (rim of the shape) and the check.
    inner = (0.27, 0.29, 0.73, 0.63, 0.05)
    shape = in_round_rect(u, v, *BUBBLE) or in_triangle(u, v, *TAIL)
    hole = in_round_rect(u, v, *inner)
    check = near_segment(u, v, CHECK[0], CHECK[1], 0.05) or near_segment(u, v, CHECK[1], CHECK[2], 0.05)
    if (shape and not hole) or check:
        return (*WHITE, 1.0)
    return (0, 0, 0, 0.0)

png("color.png", 192, color)
png("outline.png", 32, outline)
