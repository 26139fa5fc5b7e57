"""The started-vs-completed chart is a PNG that opens, for daily and weekly summaries."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

from PIL import Image

from milobot.render.charts import activity_chart_png, chart_alt_text
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
