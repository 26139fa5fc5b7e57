"""Fonts for the PDF report, and candidate text turned into reportlab Paragraph markup that shows it
exactly as written.

- DejaVu Sans (the copy matplotlib ships, found without importing matplotlib) is embedded: Latin with
  every diacritic, Greek, Cyrillic and Vietnamese render with their own glyphs.
- CJK needs a font with TrueType outlines (reportlab cannot embed CFF-flavoured OpenType such as Noto
  Sans CJK). MILOBOT_CJK_FONT names one, or "auto" asks fontconfig and a few known paths (Debian:
  `fonts-wqy-zenhei`); with none, CJK text is replaced by a visible, marked placeholder instead of
  blank boxes.
- Every character of candidate text is XML-escaped before it becomes markup, so `<b>` or `<!channel>` in
  a name is printed as typed; a character no font has becomes U+FFFD, never an empty box.
- Characters beyond U+FFFF that DejaVu has (emoji such as 😀, old scripts, mathematical letters) are drawn
  and copy out as themselves: reportlab's ToUnicode map is mended for them (render/pdf_unicode.py).
- Right-to-left text (Hebrew, Arabic) is laid out by report_bidi, which draws its lines with these runs.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from milobot.render import pdf_unicode  # noqa: F401 (mends reportlab's ToUnicode maps on import)

REGULAR, BOLD, CJK = "report-sans", "report-sans-bold", "report-cjk"
CJK_PLACEHOLDER = "[{n} CJK characters not shown: no CJK font on the milobot server]"
CJK_MISSING_PLACEHOLDER = "[{n} CJK characters not shown: the milobot server's CJK font lacks them]"
# One Han, one Kana and one Hangul letter: "auto" prefers a font with all three (a Han-and-Kana
# fallback such as Droid Sans Fallback shows no Korean).
_CJK_PROBE = (ord("王"), ord("こ"), ord("김"))
KNOWN_CJK_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
    "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
)
_SYSTEM_DEJAVU = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF")


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str
    cjk: str | None  # registered name of the CJK font, or None (placeholder instead)
    regular_cmap: frozenset[int]
    bold_cmap: frozenset[int]
    cjk_cmap: frozenset[int]


def _dejavu(name: str) -> str | None:
    spec = importlib.util.find_spec("matplotlib")
    dirs = []
    if spec is not None and spec.origin:
        dirs.append(os.path.join(os.path.dirname(spec.origin), "mpl-data", "fonts", "ttf"))
    dirs += _SYSTEM_DEJAVU
    return next((os.path.join(d, name) for d in dirs if os.path.isfile(os.path.join(d, name))), None)


def _fontconfig_cjk() -> list[str]:
    if not shutil.which("fc-list"):
        return []
    found: list[str] = []
    for lang in ("zh", "ja", "ko"):
        try:
            out = subprocess.run(
                ["fc-list", f":lang={lang}", "file"], capture_output=True, text=True, timeout=5, check=False
            ).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        for line in out.splitlines():
            path = line.split(":")[0].strip()
            if path and path not in found and path.lower().endswith((".ttf", ".ttc")):
                found.append(path)
    return found


def _register(name: str, path: str) -> TTFont | None:
    try:
        font = TTFont(name, path, subfontIndex=0) if path.lower().endswith(".ttc") else TTFont(name, path)
    except (TTFError, OSError, ValueError, IndexError):
        return None  # e.g. CFF outlines, which reportlab cannot embed: try the next candidate
    pdfmetrics.registerFont(font)
    return font


def _cmap(font_name: str) -> frozenset[int]:
    font = pdfmetrics.getFont(font_name)
    if isinstance(font, TTFont):
        return frozenset(font.face.charToGlyph)
    return frozenset(range(32, 256))


@lru_cache(maxsize=4)
def fonts(cjk_setting: str = "auto") -> Fonts:
    """Register the report fonts once per process (the PDF worker's initializer warms this)."""
    regular = REGULAR if _register(REGULAR, _dejavu("DejaVuSans.ttf") or "") else None
    bold = BOLD if _register(BOLD, _dejavu("DejaVuSans-Bold.ttf") or "") else None
    if regular is None:  # no DejaVu anywhere: reportlab's own Vera (Latin-1) still beats Helvetica
        vera = os.path.join(os.path.dirname(pdfmetrics.__file__), "..", "fonts")
        regular = REGULAR if _register(REGULAR, os.path.join(vera, "Vera.ttf")) else "Helvetica"
        bold = BOLD if _register(BOLD, os.path.join(vera, "VeraBd.ttf")) else "Helvetica-Bold"
    bold = bold or regular
    cjk = None
    setting = (cjk_setting or "auto").strip()
    if setting.lower() != "none":
        if setting.lower() != "auto":
            cjk = CJK if os.path.isfile(setting) and _register(CJK, setting) is not None else None
        else:
            cjk = _best_cjk([*_fontconfig_cjk(), *KNOWN_CJK_FONTS])
    return Fonts(
        regular=regular,
        bold=bold,
        cjk=cjk,
        regular_cmap=_cmap(regular),
        bold_cmap=_cmap(bold),
        cjk_cmap=_cmap(cjk) if cjk else frozenset(),
    )


def _best_cjk(candidates: list[str]) -> str | None:
    """Register, as CJK, the first candidate that has a Han, a Kana and a Hangul letter, or else
    the one that has the most of them (the first such)."""
    best, best_covered = None, -1
    for path in dict.fromkeys(candidates):
        if not os.path.isfile(path):
            continue
        font = _register(CJK, path)
        if font is None:
            continue
        covered = sum(1 for cp in _CJK_PROBE if cp in font.face.charToGlyph)
        if covered == len(_CJK_PROBE):
            return CJK
        if covered > best_covered:
            best, best_covered = path, covered
    if best is None:
        return None
    _register(CJK, best)  # a later, weaker candidate may hold the name now
    return CJK


def is_cjk(cp: int) -> bool:
    return (
        0x2E80 <= cp <= 0x9FFF
        or 0xAC00 <= cp <= 0xD7AF
        or 0xF900 <= cp <= 0xFAFF
        or 0xFF00 <= cp <= 0xFFEF
        or 0x1100 <= cp <= 0x11FF
        or 0x20000 <= cp <= 0x2FA1F
    )


_ASCII_SAFE = re.compile(r"^[\x20-\x7e\n\t]*$")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def runs(text: str, f: Fonts, *, bold: bool = False) -> list[tuple[str, str]]:
    """(font, text) runs: the base font where it has the glyph, the CJK font for CJK, a placeholder run
    (font "") for CJK with no CJK font, U+FFFD in the base font for anything else it lacks."""
    base, cmap = (f.bold, f.bold_cmap) if bold else (f.regular, f.regular_cmap)
    text = unicodedata.normalize("NFC", text)
    if _ASCII_SAFE.match(text):
        return [(base, text)] if text else []
    out: list[tuple[str, str]] = []
    for ch in text:
        cp = ord(ch)
        if cp in cmap or ch in "\n\t":
            use = base
        elif is_cjk(cp):
            use = f.cjk if f.cjk and cp in f.cjk_cmap else ""  # "": a placeholder (markup says why)
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            continue  # control and format characters (zero-width joiners, bidi marks) draw nothing
        else:
            use, ch = base, "\ufffd" if 0xFFFD in cmap else "?"
        if out and out[-1][0] == use:
            out[-1] = (use, out[-1][1] + ch)
        else:
            out.append((use, ch))
    return out


def markup(text: object, f: Fonts, *, bold: bool = False, keep_lines: bool = False) -> str:
    """Paragraph markup for outside text: escaped, with font changes for CJK and placeholders."""
    raw = clean(text, keep_lines=keep_lines)
    return run_markup(raw, f, bold=bold)


def clean(text: object, *, keep_lines: bool = False) -> str:
    """Outside text as markup() takes it: whitespace collapsed, or with keep_lines its line breaks kept
    (blank lines at most one)."""
    raw = "" if text is None else str(text)
    if keep_lines:
        return _BLANK_LINES.sub("\n\n", raw.replace("\r\n", "\n").replace("\r", "\n").strip())
    return " ".join(raw.split())


def run_markup(text: str, f: Fonts, *, bold: bool = False) -> str:
    """Markup for text already cleaned (and, for right-to-left lines, already in visual order)."""
    base = f.bold if bold else f.regular
    parts = []
    for font, chunk in runs(text, f, bold=bold):
        if font == "":
            parts.append(f'<font color="#9a3412">{escape(placeholder(chunk, f))}</font>')
            continue
        piece = escape(chunk).replace("\n", "<br/>")
        parts.append(piece if font == base else f'<font name="{font}">{piece}</font>')
    return "".join(parts)


def placeholder(chunk: str, f: Fonts) -> str:
    """What a run of CJK characters no font has is drawn as."""
    n = sum(1 for c in chunk if not c.isspace())
    return (CJK_MISSING_PLACEHOLDER if f.cjk else CJK_PLACEHOLDER).format(n=n)


def plain_runs(text: object, f: Fonts, *, bold: bool = False) -> list[tuple[str, str]]:
    """Runs for drawString (headers): placeholders spelled out in the base font."""
    base = f.bold if bold else f.regular
    out = []
    for font, chunk in runs(" ".join(str(text or "").split()), f, bold=bold):
        if font == "":
            out.append((base, placeholder(chunk, f)))
        else:
            out.append((font, chunk))
    return out
