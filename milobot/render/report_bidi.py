"""Right-to-left text (Hebrew, Arabic, ...) in the PDF report: stored in logical order, drawn in visual
order, with Arabic letters joined.

reportlab's own route (ParagraphStyle wordWrap="RTL" with shaping=1) needs its `rlbidi` package, which is
not on PyPI, so a paragraph with a right-to-left letter is laid out here instead:

- its words are broken into lines at the width reportlab gives the paragraph, in logical order;
- Arabic words are shaped first (arabic-reshaper: the joined presentation forms DejaVu Sans has; a word
  whose forms the font lacks stays unjoined rather than becoming boxes);
- each line is reordered with python-bidi (the Unicode Bidirectional Algorithm, brackets mirrored);
- the lines become one Paragraph, right-aligned when the text itself is right-to-left.

Our own words around a stranger's text (labels, "Q1. ", quotation marks) keep the paragraph
left-to-right, and the stranger's text is isolated, as HTML's <bdi> would: it takes its direction from its
own first strong letter, line after line, so an RTL name's punctuation stays with the name. Text with no
right-to-left letter never comes here: Latin reports are drawn exactly as before, at the same cost.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph

from milobot.render.report_fonts import Fonts, clean, placeholder, run_markup, runs

# Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, ... and their presentation forms).
RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")
_ARABIC_WORD = re.compile("\\S*[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff]\\S*")
# The explicit direction controls Slack's side strips too (blocks/text.py): U+202E in "Fresh\u202ePerson"
# must not turn "Person" around. Marks (U+200E, U+200F) stay: they only settle where punctuation goes.
_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\U000e0001]")
_WIDTH_SLACK = 0.5  # points: our sums and reportlab's may differ in the last decimal; it must not rewrap


@dataclass(frozen=True)
class Piece:
    text: str
    outside: bool = True  # a stranger's text (isolated); False: our own left-to-right words
    color: str | None = None


def without_controls(text: str) -> str:
    return _CONTROLS.sub("", text)


def needs_bidi(pieces: Sequence[Piece]) -> bool:
    return any(p.outside and RTL.search(p.text) for p in pieces)


@lru_cache(maxsize=1)
def _reshaper() -> Any:
    import arabic_reshaper  # imported on the first Arabic text only (it brings in fontTools)

    # Vowel marks are kept: they are part of what the candidate wrote. The one-glyph "Allah" ligature
    # (U+FDF2) is not in DejaVu Sans: that word is joined letter by letter like any other.
    return arabic_reshaper.ArabicReshaper(
        configuration={"delete_harakat": False, "arabic ligature allah": False}
    )


# A tag character (class BN, default-ignorable, deprecated: no text uses it) that marks mirrored
# characters while python-bidi reorders a line; any in the input is dropped first (with the controls).
_TAG = "\U000e0001"


def visual(text: str, *, rtl: bool) -> str:
    """One line of one piece in visual order (left to right), base direction right-to-left or not.

    python-bidi's get_display (the Rust unicode-bidi crate) orders a line (UBA rules L1-L2) but does not
    mirror brackets (L4: "(ארוכה)" would show as ")ארוכה(", python-bidi issue #25). So each character that
    has a mirror is followed by a tag character, which UAX #9 (5.2, retaining BNs) lets an implementation
    keep at the level of the character before it, as unicode-bidi does: in the result a tag just before
    its character says the character was reversed (so it is drawn mirrored), just after it that it was
    not. Combining marks (niqqud, harakat) stay before their right-to-left letter, as L2 leaves them
    (the optional L3 is not applied): DejaVu Sans draws them over the glyph that follows."""
    from bidi import get_display
    from bidi.mirror import MIRRORED

    tagged = any(ch in MIRRORED for ch in text)
    if tagged:
        text = "".join(ch + _TAG if ch in MIRRORED else ch for ch in text)
    shown = get_display(text, base_dir="R" if rtl else "L")
    if tagged:
        out, i = [], 0
        while i < len(shown):
            ch = shown[i]
            if ch == _TAG:  # before its character: reversed, so mirrored
                if i + 1 < len(shown) and shown[i + 1] in MIRRORED:
                    out.append(MIRRORED[shown[i + 1]])
                    i += 1
            elif ch in MIRRORED and i + 1 < len(shown) and shown[i + 1] == _TAG:
                out.append(ch)  # after its character: as typed
                i += 1
            else:
                out.append(ch)
            i += 1
        shown = "".join(out)
    return shown


def base_rtl(text: str) -> bool:
    """Direction from the first strong letter (HTML's dir="auto"); none: left-to-right."""
    from bidi import get_base_level

    return bool(RTL.search(text)) and get_base_level(text) == 1


def shape_arabic(text: str, cmap: frozenset[int]) -> str:
    """Arabic words in the joined forms the font has; a word whose forms it lacks stays as written."""
    if not _ARABIC_WORD.search(text):
        return text
    reshape = _reshaper().reshape
    shaped = reshape(text)  # one call for the whole text: each call reads the reshaper's settings again
    if all(ord(c) in cmap or c in text for c in set(shaped)):
        return shaped

    def word(m: re.Match[str]) -> str:
        shaped = reshape(m.group(0))
        return shaped if all(ord(c) in cmap or c in m.group(0) for c in shaped) else m.group(0)

    return _ARABIC_WORD.sub(word, text)


@dataclass
class _Text:
    """A paragraph's characters in logical order, each with the index of the piece it came from, and
    whether each piece reads right-to-left."""

    chars: str
    owner: list[int]
    rtl: list[bool]


def _logical(pieces: Sequence[Piece], f: Fonts, bold: bool, keep_lines: bool) -> _Text:
    cmap = f.bold_cmap if bold else f.regular_cmap
    texts, owner, rtl = [], [], []
    for i, p in enumerate(pieces):
        text = p.text
        if p.outside:
            text = unicodedata.normalize("NFC", without_controls(text))
            text = shape_arabic(clean(text, keep_lines=keep_lines), cmap)
        texts.append(text)
        owner += [i] * len(text)
        rtl.append(p.outside and base_rtl(text))
    return _Text("".join(texts), owner, rtl)


def _break(
    chars: str, width: float, measure: Callable[[str], float], space: float, cuttable: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """Greedy line breaking at spaces (and at the line breaks of kept lines); a word wider than a line is
    cut where it fills it, unless it must stay whole (reportlab then wraps that line itself). Lines are
    (start, end) ranges of chars, without their edge spaces."""
    lines: list[tuple[int, int]] = []
    offset = 0
    for hard_line in chars.split("\n"):
        start = end = offset
        used = -1.0  # nothing on the line yet
        for word in re.finditer(r"[^ ]+", hard_line):
            ws, we = offset + word.start(), offset + word.end()
            w = measure(chars[ws:we])
            if used >= 0 and used + space + w <= width:
                end, used = we, used + space + w
                continue
            if used >= 0:
                lines.append((start, end))
            while (
                w > width and we - ws > 1 and cuttable(chars[ws:we])
            ):  # as many letters as fit, one at least
                cut = ws + 1
                while cut < we and measure(chars[ws : cut + 1]) <= width:
                    cut += 1
                lines.append((ws, cut))
                ws, w = cut, measure(chars[cut:we])
            start, end, used = ws, we, w
        lines.append((start, end))
        offset += len(hard_line) + 1
    return lines


def visual_lines(
    pieces: Sequence[Piece],
    f: Fonts,
    *,
    size: float,
    width: float,
    bold: bool = False,
    keep_lines: bool = False,
) -> tuple[bool, list[list[tuple[str, str | None]]]]:
    """(right-aligned?, lines): each line a list of (text in visual order, colour), left to right."""
    t = _logical(pieces, f, bold, keep_lines)
    base = f.bold if bold else f.regular

    widths: dict[str, float] = {}

    def measure(text: str) -> float:
        if text not in widths:  # words come back often in an answer
            widths[text] = sum(
                pdfmetrics.stringWidth(placeholder(chunk, f) if font == "" else chunk, font or base, size)
                for font, chunk in runs(text, f, bold=bold)
            )
        return widths[text]

    out = []

    def cuttable(word: str) -> bool:  # not through a CJK placeholder: it is a phrase of its own
        return all(font for font, _ in runs(word, f, bold=bold))

    space = pdfmetrics.stringWidth(" ", base, size)
    for start, end in _break(t.chars, width - _WIDTH_SLACK, measure, space, cuttable):
        line: list[tuple[str, str | None]] = []
        i = start
        while i < end:  # a run per piece, in logical order: a paragraph with our words in it is left-to-right
            j = i
            while j < end and t.owner[j] == t.owner[i]:
                j += 1
            piece, text = pieces[t.owner[i]], t.chars[i:j]
            if piece.outside and RTL.search(text):
                text = visual(text, rtl=t.rtl[t.owner[i]])
            line.append((text, piece.color))
            i = j
        out.append(line)
    return len(pieces) == 1 and t.rtl[0], out


class BidiParagraph(Flowable):
    """A Paragraph laid out by visual_lines at the width the frame offers (known only at wrap time)."""

    def __init__(
        self, pieces: Sequence[Piece], style: ParagraphStyle, f: Fonts, *, bold: bool, keep_lines: bool
    ):
        super().__init__()
        self.pieces, self.style, self.f, self.bold, self.keep_lines = pieces, style, f, bold, keep_lines
        self._para: Paragraph | None = None
        self._for_width: float | None = None

    def _at(self, avail_width: float) -> Paragraph:
        if self._para is None or self._for_width != avail_width:
            inner = avail_width - self.style.leftIndent - self.style.rightIndent
            rtl, lines = visual_lines(
                self.pieces,
                self.f,
                size=self.style.fontSize,
                width=inner,
                bold=self.bold,
                keep_lines=self.keep_lines,
            )
            body = "<br/>".join(
                "".join(_markup(text, color, self.f, self.bold) for text, color in line) for line in lines
            )
            self._para = Paragraph(body or "&nbsp;", _right(self.style) if rtl else self.style)
            self._for_width = avail_width
        return self._para

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab's names)
        self.width, self.height = self._at(availWidth).wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        return self._at(availWidth).split(availWidth, availHeight)

    def draw(self) -> None:
        assert self._para is not None  # platypus always wraps before it draws
        self._para.drawOn(self.canv, 0, 0)

    def getSpaceBefore(self) -> float:  # noqa: N802
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:  # noqa: N802
        return self.style.spaceAfter


def _markup(text: str, color: str | None, f: Fonts, bold: bool) -> str:
    body = run_markup(text, f, bold=bold)
    return f'<font color="{escape(color)}">{body}</font>' if color else body


@lru_cache(maxsize=32)
def _right(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(style.name + "-rtl", parent=style, alignment=TA_RIGHT)
