"""Chart images for analytics and digests. The caller handles the "No data." case before calling, and
runs these in a thread (asyncio.to_thread): drawing takes tens of milliseconds of CPU."""

from __future__ import annotations

import io
from datetime import date
from typing import TYPE_CHECKING, overload

import matplotlib

matplotlib.use("Agg")  # headless; must precede any backend use

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

if TYPE_CHECKING:
    from milobot.services.analytics import AnalyticsSummary

STARTED_COLOUR = "#B39DDB"
COMPLETED_COLOUR = "#4A154B"


def _figure() -> tuple[Figure, object]:
    # A bare `Figure` (not pyplot): nothing is registered in pyplot's global figure manager, so charts
    # rendered concurrently in a thread pool cannot leak memory or draw into each other.
    fig = Figure(figsize=(8, 3), dpi=100)
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


def _finish(fig: Figure, ax, title: str, top: int) -> bytes:
    # Title text comes from user-named agents: disable mathtext so "$5 $10" is shown literally.
    ax.set_title(title, loc="left", fontsize=12, usetex=False, parse_math=False)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # interview counts are whole numbers
    ax.set_ylim(bottom=0, top=max(top, 1) * 1.15)
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


def daily_bars_png(days: list[date], counts: list[int], *, title: str) -> bytes:
    """A bar chart of one count per day, as PNG bytes sized for a Slack image block."""
    if len(days) != len(counts):
        raise ValueError(f"{len(days)} days but {len(counts)} counts")
    fig, ax = _figure()
    ax.bar(days, counts, color=COMPLETED_COLOUR, width=0.8)
    return _finish(fig, ax, title, max([*counts, 1]))


def summary_chart_png(summary: AnalyticsSummary, *, title: str | None = None) -> bytes:
    """Interviews started and completed per day (or per week, by its Monday) of the summary's range:
    two bars side by side per slot."""
    if not summary.activity:
        raise ValueError("the summary has no activity slots")
    days = [d for d, _, _ in summary.activity]
    started = [s for _, s, _ in summary.activity]
    completed = [c for _, _, c in summary.activity]
    span = 7.0 if summary.bucket == "week" else 1.0
    width = span * 0.4
    x = date2num(days)
    fig, ax = _figure()
    ax.bar(x - width / 2, started, width=width, color=STARTED_COLOUR, label="started")
    ax.bar(x + width / 2, completed, width=width, color=COMPLETED_COLOUR, label="completed")
    ax.xaxis_date()
    ax.set_xlim(x[0] - span / 2 - 0.2, x[-1] + span / 2 + 0.2)
    ax.legend(loc="upper right", frameon=False, fontsize=9)
    per = "week" if summary.bucket == "week" else "day"
    return _finish(fig, ax, title or f"Interviews per {per}", max([*started, *completed, 1]))


@overload
def activity_chart_png(summary: AnalyticsSummary, *, title: str | None = None) -> bytes: ...
@overload
def activity_chart_png(summary: list[date], counts: list[int], *, title: str) -> bytes: ...
def activity_chart_png(summary, counts=None, *, title=None):  # type: ignore[no-untyped-def]
    """The shared entry point (docs/contract): a summary gives started vs completed; the older
    (days, counts) form gives one series."""
    if counts is not None or isinstance(summary, list):
        return daily_bars_png(summary, counts or [], title=title or "")
    return summary_chart_png(summary, title=title)


def chart_alt_text(summary: AnalyticsSummary, name: str) -> str:
    """What the image shows, for screen readers and for Slack's alt text (plain text, no markup)."""
    per = "week" if summary.bucket == "week" else "day"
    busiest = max(summary.activity, key=lambda a: (a[1], a[2]), default=None)
    text = (
        f"Bar chart of interviews started and completed per {per} for {name}: "
        f"{summary.started} started and {summary.completed} completed in total"
    )
    if busiest and busiest[1]:
        label = "week of " if summary.bucket == "week" else ""
        text += f"; busiest {per} {label}{busiest[0].isoformat()} with {busiest[1]} started"
    return text + "."


__all__ = ["activity_chart_png", "chart_alt_text", "daily_bars_png", "summary_chart_png"]
