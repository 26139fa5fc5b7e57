"""The started-vs-completed chart is a PNG that opens, for daily and weekly summaries; the digest's daily
bars likewise, and reusing their figure (one per thread) carries nothing over from one chart to the next."""

from __future__ import annotations

import io
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta

import pytest
from PIL import Image

from milobot.render.charts import activity_chart_png, chart_alt_text, daily_bars_png
from milobot.services.analytics import AnalyticsSummary


def _summary(days: int, bucket: str) -> AnalyticsSummary:
    start = datetime(2026, 10, 1, tzinfo=UTC)
    s = AnalyticsSummary(
        1, 1, start, start + timedelta(days=days), "UTC", started=9, completed=4, bucket=bucket
    )
    step = 7 if bucket == "week" else 1
    s.activity = [(date(2026, 10, 5) + timedelta(days=i * step), i % 4, i % 2) for i in range(days // step)]
    return s


def test_daily_and_weekly_charts_are_pngs_that_open():
    for days, bucket in ((30, "day"), (180, "week"), (1, "day")):
        png = activity_chart_png(_summary(days, bucket), title="Backend — $5 <!channel>")
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
        assert 2_000 < len(png) < 500_000
        image = Image.open(io.BytesIO(png))
        image.load()  # decodes every pixel: a truncated file fails here
        assert image.size == (800, 300)


def test_alt_text_says_what_the_chart_shows():
    text = chart_alt_text(_summary(30, "day"), "Backend")
    assert "started and completed per day for Backend" in text and "9 started and 4 completed" in text


# --- the digest's bars (daily_bars_png): a figure reused per thread ----------------------------------------


def _days(n: int) -> list[date]:
    return [date(2026, 10, 1) + timedelta(days=i) for i in range(n)]


def _aubergine_columns(png: bytes) -> set[int]:
    """The x positions where the bar colour (#4A154B) appears: where bars were drawn."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    width, height = image.size
    pixels = image.load()
    return {x for x in range(width) for y in range(0, height, 3) if pixels[x, y] == (0x4A, 0x15, 0x4B)}


def test_daily_bars_are_pngs_that_open_with_a_bar_per_nonzero_day():
    for n in (1, 15, 57):
        counts = [i % 3 for i in range(n)] if n > 1 else [4]
        png = daily_bars_png(_days(n), counts, title="Completed interviews per day — $5 <!channel>")
        assert png.startswith(b"\x89PNG\r\n\x1a\n") and 2_000 < len(png) < 500_000
        image = Image.open(io.BytesIO(png))
        image.load()
        assert image.size == (800, 300)
        columns = sorted(_aubergine_columns(png))
        runs = 1 + sum(1 for a, b in zip(columns, columns[1:], strict=False) if b > a + 1)
        assert runs == sum(1 for c in counts if c)  # one bar per day that has completions, no more


def test_reusing_the_figure_leaks_nothing_from_one_chart_into_the_next():
    first = daily_bars_png(_days(57), [i % 7 for i in range(57)], title="Weekly, 57 days")
    small = daily_bars_png(_days(15), [0] * 14 + [1], title="Daily, one bar")
    assert len(_aubergine_columns(small)) < 60  # the 57 bars before it are gone: one bar of ~40 px
    assert daily_bars_png(_days(57), [i % 7 for i in range(57)], title="Weekly, 57 days") == first


def test_daily_bars_drawn_in_several_threads_at_once_match_one_thread():
    inputs = [(_days(15 + 14 * (k % 4)), [(i * k) % 5 for i in range(15 + 14 * (k % 4))]) for k in range(12)]
    alone = [daily_bars_png(d, c, title=f"chart {k}") for k, (d, c) in enumerate(inputs)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(
            pool.map(
                lambda kdc: daily_bars_png(kdc[1][0], kdc[1][1], title=f"chart {kdc[0]}"), enumerate(inputs)
            )
        )
    assert together == alone


def test_daily_bars_refuse_mismatched_or_empty_input():
    with pytest.raises(ValueError):
        daily_bars_png(_days(2), [1], title="mismatch")
    with pytest.raises(ValueError):
        daily_bars_png([], [], title="nothing")
