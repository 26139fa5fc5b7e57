"""A printable one-page QR poster for an interview agent: name, role, QR, short link, instructions.

Text is drawn with `drawString` (never reportlab Paragraph markup), so a name like `<b>x</b>` or
`<!channel>` is printed literally. A stranger's text loses the characters Slack's messages drop
(blocks.text.visible: direction overrides, zero-width and control characters); Hebrew and Arabic are
wrapped in the order written and each line drawn in visual order, Arabic joined (render.report_bidi, as
the PDF report does), so a Hebrew agent name reads right to left and copies out as typed. Fonts are Unicode TrueType so é/ñ/ß render; characters the font
lacks fall back per character to a CJK CID font (rendered by the PDF viewer), and anything still
missing prints as the font's blank glyph rather than raising.
"""

from __future__ import annotations

import io
import os
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import reportlab
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from milobot.blocks.text import visible
from milobot.render import pdf_unicode  # noqa: F401 (mends reportlab's ToUnicode maps on import)
from milobot.render.qr import qr_matrix
from milobot.render.report_bidi import RTL, base_rtl, shape_arabic, visual

PAGE_SIZES = {"letter": LETTER, "a4": A4}
DEFAULT_INSTRUCTIONS = "Scan the code or open the link to start your interview."
FOOTER = "AI-assisted interview: an AI evaluates the answers, a person makes every hiring decision."

_MARGIN = 54.0  # 3/4 inch: inside every consumer printer's unprintable edge
_INK = (0.10, 0.10, 0.12)
_MUTED = (0.42, 0.42, 0.46)
_CJK_FONT = "HeiseiKakuGo-W5"  # Adobe-Japan1 covers kanji, kana and most common Chinese characters

# Prefer system DejaVu (wide Unicode coverage); fall back to the Vera fonts bundled with reportlab,
# which every install has, so a machine without DejaVu still renders Latin-1 text.
_SYSTEM_FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF")
_FONT_FILES = {
    "regular": ("DejaVuSans.ttf", "Vera.ttf"),
    "bold": ("DejaVuSans-Bold.ttf", "VeraBd.ttf"),
    "mono": ("DejaVuSansMono.ttf", None),
}


@dataclass(frozen=True)
class _Fonts:
    regular: str
    bold: str
    mono: str


@lru_cache(maxsize=1)
def _fonts() -> _Fonts:
    bundled = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    names = {}
    for role, (system_file, bundled_file) in _FONT_FILES.items():
        path = next(
            (
                os.path.join(d, system_file)
                for d in _SYSTEM_FONT_DIRS
                if os.path.exists(os.path.join(d, system_file))
            ),
            None,
        )
        if path is None and bundled_file:
            path = os.path.join(bundled, bundled_file)
        if path and os.path.exists(path):
            name = f"milobot-{role}"
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, path))
            names[role] = name
    if _CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(_CJK_FONT))
    regular = names.get("regular", "Helvetica")
    return _Fonts(regular=regular, bold=names.get("bold", regular), mono=names.get("mono", "Courier"))


def _has_glyph(font_name: str, ch: str) -> bool:
    font = pdfmetrics.getFont(font_name)
    if isinstance(font, TTFont):
        return ord(ch) in font.face.charToGlyph
    return ord(ch) < 256  # a standard Type-1 font (Courier, Helvetica): Latin-1 only


@lru_cache(maxsize=8)
def _cmap(font_name: str) -> frozenset[int]:
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph) if isinstance(font, TTFont) else frozenset(range(256))


def _outside(text: str, font: str) -> str:
    """A stranger's text as one logical line: invisible and direction-changing characters dropped,
    whitespace collapsed, Arabic in the joined forms the font has."""
    flat = " ".join(unicodedata.normalize("NFC", visible(text)).split())
    return shape_arabic(flat, _cmap(font))


def _shown(line: str, rtl: bool) -> str:
    """One wrapped line in the order it is drawn (left to right)."""
    return visual(line, rtl=rtl) if RTL.search(line) else line


def _is_cjk(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x2E80 <= cp <= 0x9FFF
        or 0xAC00 <= cp <= 0xD7AF
        or 0xF900 <= cp <= 0xFAFF
        or 0xFF00 <= cp <= 0xFFEF
        or 0x20000 <= cp <= 0x2FA1F
    )


def _runs(text: str, font: str) -> list[tuple[str, str]]:
    """Split text into (font, chunk) runs, falling back per character only where `font` has no glyph."""
    runs: list[tuple[str, str]] = []
    regular = _fonts().regular
    for ch in text:
        if _has_glyph(font, ch):
            use = font
        elif _is_cjk(ch):
            use = _CJK_FONT
        elif _has_glyph(regular, ch):
            use = regular  # e.g. Greek in the Courier link when no Unicode monospace font is installed
        else:
            use = font  # drawn as the font's missing-glyph box; never an exception
        if runs and runs[-1][0] == use:
            runs[-1] = (use, runs[-1][1] + ch)
        else:
            runs.append((use, ch))
    return runs


def _width(text: str, font: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(chunk, f, size) for f, chunk in _runs(text, font))


def _draw(c: Canvas, text: str, font: str, size: float, x_center: float, y: float) -> None:
    x = x_center - _width(text, font, size) / 2
    for f, chunk in _runs(text, font):
        c.setFont(f, size)
        c.drawString(x, y, chunk)
        x += pdfmetrics.stringWidth(chunk, f, size)


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap; a word wider than the line (URLs, CJK without spaces) is split by character."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if _width(candidate, font, size) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for ch in word:
            if _width(line + ch, font, size) > width and line:
                lines.append(line)
                line = ""
            line += ch
    if line:
        lines.append(line)
    return lines


def _fit(
    text: str, font: str, *, max_size: float, min_size: float, width: float, max_lines: int
) -> tuple[float, list[str]]:
    """Largest size (stepping down) at which `text` wraps into `max_lines`; at the minimum, truncate."""
    size = max_size
    while True:
        lines = _wrap(text, font, size, width)
        if len(lines) <= max_lines or size <= min_size:
            break
        size = max(min_size, size - 2)
    if len(lines) > max_lines:  # still too long at the smallest legible size: cut, visibly
        lines = lines[:max_lines]
        last = lines[-1]
        while last and _width(last + "…", font, size) > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return size, lines


def _draw_qr(c: Canvas, link: str, x: float, y: float, side: float) -> None:
    """The QR as vector squares: sharp at any print size, and no raster to resample."""
    matrix = qr_matrix(link, border=4)
    n = len(matrix)
    module = side / n
    c.setFillColorRGB(1, 1, 1)
    c.rect(x, y, side, side, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    path = c.beginPath()
    for row_index, row in enumerate(matrix):
        top = y + side - (row_index + 1) * module
        col = 0
        while col < n:  # one rectangle per horizontal run of dark modules keeps the PDF small
            if not row[col]:
                col += 1
                continue
            start = col
            while col < n and row[col]:
                col += 1
            path.rect(x + start * module, top, (col - start) * module, module)
    c.drawPath(path, stroke=0, fill=1)


def poster_pdf(
    *,
    agent_name: str,
    role: str,
    link: str,
    short_link: str,
    instructions: str = DEFAULT_INSTRUCTIONS,
    company: str | None = None,
    page_size: str | tuple[float, float] = "letter",
) -> bytes:
    """One printable page (US Letter by default, or "a4"); the QR decodes to exactly `link`."""
    if isinstance(page_size, str):
        try:
            page_size = PAGE_SIZES[page_size.lower()]
        except KeyError:
            raise ValueError(f"unknown page size {page_size!r}; use one of {sorted(PAGE_SIZES)}") from None
    fonts = _fonts()
    width, height = page_size
    text_width = width - 2 * _MARGIN
    cx = width / 2

    buf = io.BytesIO()
    c = Canvas(buf, pagesize=page_size, pageCompression=1)
    c.setTitle(f"Interview poster: {' '.join(visible(agent_name).split())[:120]}")
    c.setCreator("milobot")

    # Header, top down. Every block has a bounded number of lines, so the QR's space is guaranteed.
    y = height - _MARGIN
    c.setFillColorRGB(*_MUTED)
    company = _outside(company or "", fonts.regular)
    if company:
        size, lines = _fit(company, fonts.regular, max_size=14, min_size=10, width=text_width, max_lines=1)
        y -= size
        _draw(c, _shown(lines[0], base_rtl(company)), fonts.regular, size, cx, y)
        y -= 14

    c.setFillColorRGB(*_INK)
    name = _outside(agent_name, fonts.bold) or "Interview"
    size, lines = _fit(name, fonts.bold, max_size=44, min_size=20, width=text_width, max_lines=3)
    for line in lines:
        y -= size
        _draw(c, _shown(line, base_rtl(name)), fonts.bold, size, cx, y)
        y -= size * 0.22
    role = _outside(role, fonts.regular)
    if role:
        y -= 6
        size, lines = _fit(role, fonts.regular, max_size=22, min_size=13, width=text_width, max_lines=2)
        c.setFillColorRGB(*_MUTED)
        for line in lines:
            y -= size
            _draw(c, _shown(line, base_rtl(role)), fonts.regular, size, cx, y)
            y -= size * 0.25
    header_bottom = y - 18

    # Footer, bottom up: fine print, instructions, short link.
    y = _MARGIN
    c.setFillColorRGB(*_MUTED)
    foot_size, foot_lines = _fit(
        FOOTER, fonts.regular, max_size=8.5, min_size=7, width=text_width, max_lines=2
    )
    for line in reversed(foot_lines):
        _draw(c, line, fonts.regular, foot_size, cx, y)
        y += foot_size * 1.3
    y += 18
    c.setFillColorRGB(*_INK)
    instructions = _outside(instructions, fonts.regular)
    instr_size, instr_lines = _fit(
        instructions, fonts.regular, max_size=15, min_size=10, width=text_width, max_lines=2
    )
    for line in reversed(instr_lines):
        _draw(c, _shown(line, base_rtl(instructions)), fonts.regular, instr_size, cx, y)
        y += instr_size * 1.3
    y += 10
    link_size, link_lines = _fit(
        short_link.strip(), fonts.mono, max_size=20, min_size=9, width=text_width, max_lines=2
    )
    for line in reversed(link_lines):
        _draw(c, line, fonts.mono, link_size, cx, y)
        y += link_size * 1.3
    footer_top = y + 12

    # The QR takes what is left, large and centred, but never wider than the text column.
    side = max(72.0, min(text_width, header_bottom - footer_top, 396.0))
    _draw_qr(c, link, cx - side / 2, (header_bottom + footer_top) / 2 - side / 2, side)

    c.showPage()
    c.save()
    return buf.getvalue()
