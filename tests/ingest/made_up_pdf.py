"""Made-up one-page PDFs (and Word files) for the extraction mechanism tests: drawn with reportlab
or built with pypdf / python-docx, read back through the whole extractor."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import docx
from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from milobot.ingest import extract
from milobot.ingest.pdftext import read_page


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


def with_content(writer: PdfWriter, page: PageObject, content: str) -> bytes:
    """The PDF `writer` holds, `page` drawn by the content stream `content` (operators as text)."""
    stream = DecodedStreamObject()
    stream.set_data(content.encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def first_page_text(data: bytes) -> str:
    """The text the extractor's page reader gives for the PDF's first page."""
    return read_page(PdfReader(io.BytesIO(data)).pages[0]).text


def docx_bytes(document: Any) -> bytes:
    """A python-docx document as the file Word would save."""
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def docx_reopened(document: Any) -> Any:
    """The document saved and opened again, as the extractor opens an upload."""
    return docx.Document(io.BytesIO(docx_bytes(document)))


def docx_profile_of(document: Any):
    (result,) = extract("cv.docx", docx_bytes(document))
    assert result.outcome == "ok", result.reason
    return result.profiles[0]
