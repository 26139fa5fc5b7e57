"""The digest's chart (services/digest_content.py chart_png): matplotlib's daily bars, none for an empty
period, and drawn once for identical inputs (the same agent and period in several channels)."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta

from PIL import Image

from milobot.services.digest_content import DigestContent, chart_png


def _content(counts: list[int], *, title: str = "Backend") -> DigestContent:
    end = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    days = [date(2026, 11, 16) + timedelta(days=i) for i in range(len(counts))]
    return DigestContent(
        title=title, start=end - timedelta(days=1), end=end, chart_days=days, chart_counts=counts
    )


def test_no_chart_for_a_period_without_completions():
    assert chart_png(_content([0] * 15)) is None


def test_the_chart_is_a_png_that_opens():
    png = chart_png(_content([i % 4 for i in range(15)]))
    assert png is not None and png.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(png))
    image.load()
    assert image.size == (800, 300)


def test_identical_inputs_are_drawn_once_and_different_ones_apart():
    counts = [(i * 5) % 3 for i in range(57)]
    first = chart_png(_content(counts, title="Backend, #hiring"))
    again = chart_png(_content(list(counts), title="Backend, #backend-leads"))  # same agent and period
    other = chart_png(_content([*counts[:-1], counts[-1] + 1]))
    assert first is not None and again is first  # the same bytes object: not drawn a second time
    assert other is not None and other != first
