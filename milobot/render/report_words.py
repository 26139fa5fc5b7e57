"""The words the candidate report shows in both its forms, the web page and the PDF: durations, scores,
sizes and the caveat. Apart from report_pdf.py so the server, which serves the page and leaves every PDF
to the render workers, never loads reportlab and Pillow (~5 MB resident) just for these."""

from __future__ import annotations

CAVEAT = (
    "Observations only: each can have an ordinary explanation. A person on the team makes every decision."
)


def duration(ms: int | None) -> str:
    if ms is None:
        return "not recorded"
    seconds = max(0, round(ms / 1000))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds} s" if seconds else f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"


def stars(score: int | None) -> str:
    if score is None:
        return "not scored"
    score = min(5, max(1, int(score)))
    return "★" * score + "☆" * (5 - score) + f" {score}/5"


def overall(score: float | None) -> str:
    return "not scored yet" if score is None else f"{round(score):d}/100"


def size_text(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n} bytes"
