"""Made-up one-page PDFs for the extraction mechanism tests: drawn with reportlab, read back through
the whole extractor."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from milobot.ingest import extract


def made_up_pdf(draw: Callable[[Any], None]) -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def profile_of(data: bytes):
    (result,) = extract("cv.pdf", data)
    assert result.outcome == "ok", result.reason
    return result.profiles[0]
