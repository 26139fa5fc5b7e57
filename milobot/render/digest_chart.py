"""The digest's activity chart: completed interviews per day as bars, drawn with Pillow.

Not matplotlib (the analytics chart's renderer): a thousand digests can fall due in the same minute, and
a matplotlib figure costs 60–250 ms of CPU here against ~6 ms for these few rectangles, which is the
difference between every chart of that minute being up in seconds or in several minutes. Text in the
image is ASCII (dates, numbers) so the built-in font draws it all; names stay in the message."""

from __future__ import annotations

import functools
import io
from datetime import date

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 720, 220
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 34, 30
BAR = (74, 21, 75)  # Slack aubergine, as the analytics chart
GRID = (225, 225, 225)
INK = (40, 40, 40)


@functools.lru_cache(maxsize=2)
def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow without FreeType: the fixed bitmap font
        return ImageFont.load_default()


def activity_png(
    days: list[date], counts: list[int], *, title: str = "Completed interviews per day"
) -> bytes:
    if len(days) != len(counts) or not days:
        raise ValueError("one count per day, at least one day")
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    small, big = _font(12), _font(15)
    top = max(max(counts), 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    base = TOP + plot_h
    for level in (0, top / 2, top):  # three gridlines with their values
        y = base - plot_h * level / top
        draw.line([(LEFT, y), (WIDTH - RIGHT, y)], fill=GRID)
        label = f"{level:g}" if level == int(level) else ""
        if label:
            draw.text((LEFT - 6, y), label, fill=INK, font=small, anchor="rm")
    step = plot_w / len(counts)
    for i, value in enumerate(counts):
        if value:
            x = LEFT + i * step
            draw.rectangle([x + 2, base - plot_h * value / top, x + max(step - 2, 3), base], fill=BAR)
    draw.text((LEFT, 8), title.encode("ascii", "replace").decode(), fill=INK, font=big)
    draw.text((LEFT, base + 8), f"{days[0]:%d %b}", fill=INK, font=small)
    draw.text((WIDTH - RIGHT, base + 8), f"{days[-1]:%d %b}", fill=INK, font=small, anchor="ra")
    draw.text((WIDTH - RIGHT, 8), f"{sum(counts)} in all", fill=INK, font=small, anchor="ra")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
