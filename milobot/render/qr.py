"""QR codes for interview links."""

from __future__ import annotations

import io

import qrcode
from qrcode.constants import ERROR_CORRECT_M


def qr_matrix(link: str, *, border: int = 4) -> list[list[bool]]:
    """The module matrix (True = dark), quiet zone included, so the poster can draw it as vectors."""
    qr = _build(link, box_size=1, border=border)
    return [list(row) for row in qr.get_matrix()]


def qr_png(link: str, *, box_size: int = 10, border: int = 4) -> bytes:
    """A PNG QR code that decodes to exactly `link`.

    Error correction M survives a creased or partly smudged printout without making the code for a
    long tokenised link too dense to scan from across a lobby. A border below 4 modules breaks the
    quiet zone the spec requires and some phone scanners then fail, so it is accepted but not advised.
    """
    image = _build(link, box_size=box_size, border=border).make_image(fill_color="black", back_color="white")
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()


def _build(link: str, *, box_size: int, border: int) -> qrcode.QRCode:
    if not link:
        raise ValueError("cannot encode an empty link")
    qr = qrcode.QRCode(version=None, error_correction=ERROR_CORRECT_M, box_size=box_size, border=border)
    qr.add_data(link)  # qrcode picks the smallest version and the densest mode that fits
    qr.make(fit=True)
    return qr
