"""Chart images for analytics digests. The caller handles the "No data." case before calling."""

from __future__ import annotations

import io
from datetime import date

import matplotlib

matplotlib.use("Agg")  # headless; must precede any backend use

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator


def activity_chart_png(days: list[date], counts: list[int], *, title: str) -> bytes:
    """A bar chart of interviews per day, as PNG bytes sized for a Slack image block.

    Uses a bare `Figure` (not pyplot) so nothing is registered in pyplot's global figure manager:
    charts rendered concurrently in a thread pool cannot leak memory or draw into each other.
    """
    if len(days) != len(counts):
        raise ValueError(f"{len(days)} days but {len(counts)} counts")
    fig = Figure(figsize=(8, 3), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.bar(days, counts, color="#4A154B", width=0.8)
    # Title text comes from user-named agents: disable mathtext so "$5 $10" is shown literally.
    ax.set_title(title, loc="left", fontsize=12, usetex=False, parse_math=False)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # interview counts are whole numbers
    ax.set_ylim(bottom=0, top=max([*counts, 1]) * 1.15)
    locator = AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()
