"""pypdf's plain text, annotated with what the glyph positions tell us.

One pass with a text visitor yields exactly the text `page.extract_text()` returns (the visitor
sees every piece of it, in order) plus each piece's position and effective font size. We use
those to:

* mark a wide horizontal jump on the same baseline with a TAB: a right-aligned date or city, the
  second cell of a table row, the value column next to a label column (the parser treats TAB as
  a hard field separator, so "Acme Ltd<TAB>Paris, France" no longer reads as one company name);
* repair CSS small caps, which chromium draws as a full-size capital followed by a separate,
  smaller run of capitals ("C" + " AMILLE"): the small run was lower case in the source;
* remember the largest-font text of the first page, which is almost always the person's name.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field

from pypdf.generic import NumberObject

from .cid_space import forget_cid_space_width
from .columns import Piece, _row_text, _rows, looks_multicolumn, split_columns, value_column_edges
from .pdfcells import split_right_cells
from .pdfops import preparsed
from .text import heading_kind_spaced, join_floating_accents

# Glyph advance is ~0.5 em for lower case and ~0.7 em for capitals; over-estimating a piece's
# width only makes us miss a gap, while under-estimating invents one, so err wide.
_EM_PER_CHAR = 0.62
_EM_PER_LOWER = 0.5
_GAP_EMS = 2.0
_JUMP = -1000 * _GAP_EMS  # a TJ array's pen move (thousandths of an em) wider than a column gap
_SMALL_CAPS_RATIO = (0.55, 0.92)
_SMALL_RUN_RE = re.compile(r"^ [^\W\d_]+", re.UNICODE)
_CAP_TAIL_RE = re.compile(r"(?:^|[\s(\-'’])[^\W\d_]$", re.UNICODE)
# The operators read_page's `before` looks at. pypdf calls it for every operator (~1,900 a résumé in
# the template corpus, most of them path and state operators), so the rest leave after one set lookup.
_WATCHED_OPS = frozenset((b"TJ", b"Tj", b"Tf", b"Do", b"BT", b"Tc", b"'", b'"'))
# Character spacing this wide (ems) is a word space, not letter-spacing: ~0.25 em, a space's width.
_WORD_SPACING_EMS = 0.2


@dataclass
class PageText:
    text: str
    big: list[tuple[float, float, str]] = field(default_factory=list)  # (size, y, text) of pieces
    pieces: list[Piece] = field(default_factory=list)  # every visible piece, where and how it is set
    reordered: bool = False  # emission order climbed back up a page that has no second column


def _lower_small_caps(text: str) -> str:
    # Letters drawn in the smaller size were lower case; roman numerals and the like were not.
    return re.sub(
        r"[^\W\d_]+",
        lambda m: m.group(0) if re.fullmatch(r"[IVX]{2,4}", m.group(0)) else m.group(0).lower(),
        text,
    )


def _icon_glyph(before: str, text: str, ratio: float) -> bool:
    """Is `before` (the piece just drawn on this line) an icon's glyph rather than the first letter
    of `text`? An icon class draws its mark as one glyph, often in the body's size beside a field set
    smaller, and a text layer reads it as a letter glued to the field ("l" + "ana@x.example"). A
    word's first letter in another size is a capital (a drop or small capital); a lower-case
    letter or a symbol alone in another size, with the field running on, is a mark."""
    mark = before.strip()
    return (
        len(mark) == 1
        and not mark.isupper()
        and not mark.isdigit()
        and not 0.97 <= ratio <= 1.03
        and text[:1].isalnum()
    )


def _mult(m: list, n: list) -> list:
    """m then n, as PDF matrices [a b c d e f] compose (a point is [x y 1] x m x n)."""
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]


def _form_matrix(page, name) -> list:
    try:
        form = page["/Resources"]["/XObject"][name].get_object()
        return [float(v) for v in form.get("/Matrix", [1, 0, 0, 1, 0, 0])]
    except Exception:  # noqa: BLE001 - a nested form's resources: assume no matrix of its own
        return [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]


def _glyphs(operand, wide: int) -> list[tuple[int, bool]]:
    """The runs a Tj/TJ operand draws, split where its array jumps the pen wider than a column gap:
    how many glyphs each, and whether spaces are among them (chromium and reportlab draw the space
    glyph; TeX moves the pen instead, and pypdf writes a space there). TeX's \\hfill inside one
    line ("Acme Labs \\hfill Springfield") is a single TJ whose array moves the pen tens of ems
    between two words: a column gap, though no second operator shows it."""
    items = operand if isinstance(operand, list) else [operand]
    # One walk for the common case, no jump (most operators): one run; at the first jump, start over.
    total, spaced = 0, wide > 1
    for item in items:
        if isinstance(item, (str, bytes)):
            raw = getattr(item, "original_bytes", None)
            raw = raw if raw is not None else item
            total += len(raw)
            spaced = spaced or (b" " in raw if isinstance(raw, bytes) else " " in raw)
        elif isinstance(item, (int, float)) and item < _JUMP:
            break
    else:
        return [(total // wide, spaced)]
    runs: list[list] = [[0, wide > 1]]
    for item in items:
        if isinstance(item, (str, bytes)):
            raw = getattr(item, "original_bytes", None)
            raw = raw if raw is not None else item
            runs[-1][0] += len(raw)
            runs[-1][1] = runs[-1][1] or (b" " in raw if isinstance(raw, bytes) else " " in raw)
        elif isinstance(item, (int, float)) and -float(item) / 1000 > _GAP_EMS and runs[-1][0]:
            runs.append([0, wide > 1])
    return [(n // wide, spaced) for n, spaced in runs]


def _bytes_per_glyph(page, name) -> int:
    try:
        font = page["/Resources"]["/Font"][name].get_object()
        return 2 if font.get("/Subtype") == "/Type0" else 1
    except Exception:  # noqa: BLE001 - a form's own font: assume simple
        return 1


def _forget_undrawable_space(page) -> None:
    """A subset font that has no space glyph (its /CharSet lists none, or its encoding gives code 32
    another glyph) cannot draw a space: its words are set apart by moving the pen (TeX's TJ arrays),
    and the width its /Widths lists for code 32 is noise, sometimes wider than a letter. pypdf reads
    a pen move as a word gap only when it is half that width or more, so a 0.22 em word gap came out
    as "ClinicalResearchAssociate". A zero width there makes pypdf fall back to its default space
    width, as it does for any font whose space has no width. Changes the reader's copy only."""
    try:
        fonts = page["/Resources"]["/Font"]
        names = list(fonts.keys())
    except Exception:  # noqa: BLE001 - no fonts, or damaged resources: nothing to do
        return
    for name in names:
        try:
            font = fonts[name].get_object()
            if font.get("/Subtype") == "/Type0":
                forget_cid_space_width(font)
                continue
            if font.get("/Subtype") not in ("/Type1", "/TrueType") or "/Widths" not in font:
                continue
            first = int(font.get("/FirstChar", 0))
            widths = font["/Widths"].get_object()
            if not first <= 32 < first + len(widths):
                continue
            descriptor = font.get("/FontDescriptor")
            charset = str(descriptor.get_object().get("/CharSet", "") or "") if descriptor is not None else ""
            encoding = font.get("/Encoding")
            encoding = encoding.get_object() if encoding is not None else None
            named = _code_names(encoding.get("/Differences", [])) if isinstance(encoding, dict) else {}
            no_space = (charset and "space" not in charset.split("/")) or named.get(32, "/space") != "/space"
            if no_space:
                widths[32 - first] = NumberObject(0)
        except Exception:  # noqa: BLE001 - a damaged font dictionary: leave it to pypdf
            continue


def _code_names(differences) -> dict[int, str]:
    """{code: glyph name} from an /Encoding /Differences array ([21 /endash 27 /f_f /fi ...])."""
    named: dict[int, str] = {}
    code = 0
    for item in differences:
        if isinstance(item, (int, float)):
            code = int(item)
        else:
            named[code] = str(item)
            code += 1
    return named


def _split_wide_gaps(text: str, runs: list[tuple[float, float, int, bool]], y: float, size: float) -> str:
    """TAB at each wide jump between the operators that drew one piece on one baseline: the
    glyphs drawn before the jump are counted off the text, and the space after them (the one
    pypdf wrote for the jump) becomes a TAB."""
    if size <= 0:
        return text
    cuts = []
    drawn = 0
    for (x0, y0, n0, spaced), (x1, y1, *_) in zip(runs, runs[1:], strict=False):
        drawn += n0
        on_line = abs(y0 - y) < 0.35 * size and abs(y1 - y) < 0.35 * size
        if on_line and x1 - (x0 + n0 * _EM_PER_CHAR * size) > _GAP_EMS * size:
            cuts.append((drawn, spaced))
    if not cuts:
        return text
    if _spaces_not_drawn(text, runs):
        cuts = [(n, False) for n, _ in cuts]
    chars = list(text)
    counted = 0
    k = 0
    for i, ch in enumerate(chars):
        if k < len(cuts) and counted >= cuts[k][0] and ch.isspace():
            chars[i] = "\t"
            k += 1
        if not ch.isspace() or cuts[min(k, len(cuts) - 1)][1]:
            counted += 1
    return "".join(chars)


def _spaces_not_drawn(text: str, runs: list[tuple[float, float, int, bool]]) -> bool:
    """Did the operators draw exactly the text's visible characters, so that its spaces are pen
    moves and not glyphs? A composite font's codes do not show which one is the space, so its runs
    are taken as drawing spaces (chromium's do); XeTeX's and LuaTeX's move the pen instead, and the
    count of glyphs says so. Counting spaces there would cut a cell a word early ("Informatics" /
    "LLC   Salalah")."""
    drawn = sum(n for _, _, n, _ in runs)
    return drawn == sum(1 for ch in text if not ch.isspace()) and any(ch.isspace() for ch in text.strip())


def _value_column(parts: list[str], beside: list[tuple[int, int]]) -> None:
    """A label column and a value column ("Address   Ulica 5, Pécs", "Dates   2019 – 2022"): where
    at least four pieces that follow another piece on their line all start at one x, that x is a
    column's edge, and the gap before each of them a field boundary however narrow it is."""
    counts: dict[int, int] = {}
    for x, _ in beside:
        counts[x] = counts.get(x, 0) + 1
    edges = {x for x, n in counts.items() if n >= 4}
    for x, i in beside:
        # Only where pypdf saw a word gap: a drop capital ("C" + "ontact") sits right against its word.
        spaced = i < len(parts) and (parts[i][:1].isspace() or (i and parts[i - 1][-1:].isspace()))
        if x in edges and spaced and parts[i].strip():
            parts[i] = "\t" + parts[i].lstrip(" ")


# A font's weight from its name: "Times-Bold", "Arial-BoldMT", "LMRoman10-Bold", "MyriadPro-Semibold",
# "Lato-Black", "FiraSans-Heavy", "Calibri,Bold", "Frutiger-Bd", TeX's "CMBX10" (bold extended).
_HEAVY_NAME_RE = re.compile(r"bold|black|heavy|demi|[-,_ ]bd(?![a-z])|^cmbx", re.IGNORECASE)


def _heavy(font_dict) -> bool:
    """Is the font a bold (or heavier) face? Read from its name, without the subset tag ("WXCKLK+"),
    or from its descriptor's /FontWeight where the name says nothing."""
    try:
        name = str(font_dict.get("/BaseFont", "")).lstrip("/").split("+")[-1]
        if _HEAVY_NAME_RE.search(name):
            return True
        descriptor = font_dict.get("/FontDescriptor")
        weight = descriptor.get_object().get("/FontWeight") if descriptor is not None else None
        return weight is not None and float(weight) >= 600
    except Exception:  # noqa: BLE001 - a damaged font dictionary: no weight to read
        return False


# An icon font's name: Font Awesome, Glyphicons, Academicons, Octicons, Material Icons, Dingbats,
# Wingdings... Its glyphs are pictographs, whatever code points its ToUnicode map (or a missing one)
# gives them: a LaTeX \faMapMarker comes out as "Ȱ", a letter glued before the place it marks.
_ICON_FONT_RE = re.compile(
    r"awesome|icons?(?![a-z])|dingbat|wingding|webding|icomoon|fontello", re.IGNORECASE
)
# What an icon glyph becomes: a private-use character, which the text layer reads as a field marker.
_ICON_MARK = "\ue000"


def _icon_font(face: str) -> bool:
    """Is the font (its /BaseFont) an icon font? Read from its name without the subset tag."""
    return bool(_ICON_FONT_RE.search(face.lstrip("/").split("+")[-1]))


def _as_icon_marks(text: str) -> str:
    """The text an icon font drew, each glyph a private-use mark (spacing kept)."""
    return "".join(ch if ch.isspace() else _ICON_MARK for ch in text)


def _weight_boundary(opened_heavy: bool, heavy: bool, text: str, ratio: float) -> bool:
    """A line that opens in a heavier face and turns to the regular one after a word gap, in the same
    size: two fields, the bold one a label ("**Acme Labs** Data Engineer, Springfield", a LaTeX
    description list's employer before the title). Weight is a layout signal as much as a gap is.
    Only where the regular text opens a field of its own, its first word capitalised ("iOS" too) or
    a number: a lower-case word or a sign runs the phrase on ("**Data Engineer** at Acme",
    "**Analyst** @ Acme")."""
    if not (opened_heavy and not heavy and text[:1] == " " and 0.97 <= ratio <= 1.03):
        return False
    word = text[1:].split(maxsplit=1)[0] if text[1:].strip() else ""
    return word[:1].isdigit() or any(ch.isupper() for ch in word)


def _visible_bytes(operand) -> int:
    """How many non-space glyphs a simple font's Tj/TJ operand draws."""
    count = 0
    for item in operand if isinstance(operand, list) else [operand]:
        if isinstance(item, (str, bytes)):
            raw = getattr(item, "original_bytes", None)
            raw = raw if raw is not None else item
            count += len(raw) - (raw.count(b" ") if isinstance(raw, bytes) else raw.count(" "))
    return count


def _spacing_gap(operand, spacing_ems: float) -> bool:
    """Is this a pair of glyphs set a word apart by character spacing alone? Ghostscript rewrites a
    groff page that way: "Nov 2023" becomes "(No)Tj 2.75 Tc (v2)Tj 0 Tc (023 ...)Tj", the space
    between the words a character spacing of a space's width over a two-glyph string, and pypdf,
    which reads no space there, gives "Nov2023", "TaxConsultant", "twosites". A longer string under
    a wide spacing is letter-spaced type, left as it is."""
    items = operand if isinstance(operand, list) else [operand]
    if spacing_ems < _WORD_SPACING_EMS or len(items) != 1 or not isinstance(items[0], (str, bytes)):
        return False
    raw = getattr(items[0], "original_bytes", None)
    raw = raw if raw is not None else items[0]
    return len(raw) == 2 and (b" " not in raw if isinstance(raw, bytes) else " " not in raw)


# A spacing accent (the glyph a font draws on its own) and the combining mark it stands for.
_SPACING_ACCENTS = {
    "\u02c7": "\u030c",  # caron
    "\u00b4": "\u0301",  # acute
    "\u0060": "\u0300",  # grave
    "\u00a8": "\u0308",  # diaeresis
    "\u02c6": "\u0302",  # circumflex
    "\u02dc": "\u0303",  # tilde
    "\u00b8": "\u0327",  # cedilla
    "\u02db": "\u0328",  # ogonek
    "\u02d8": "\u0306",  # breve
    "\u02d9": "\u0307",  # dot above
    "\u02da": "\u030a",  # ring
    "\u02dd": "\u030b",  # double acute
    "\u00af": "\u0304",  # macron
}
_AS_COMBINING = str.maketrans(_SPACING_ACCENTS)


def _overstrike_offsets(operand, wide: int, drawn: int, same_line: bool) -> list[int]:
    """Where, counted in glyphs from the piece's start (`drawn` before this operator), a string of
    this operator may be drawn over the glyph before it: at the operator's start when it carries on
    the last one's baseline, and after a pen move back inside a TJ array ("(Mahiliou)444(˘)")."""
    items = operand if isinstance(operand, list) else [operand]
    offsets = [drawn] if same_line else []
    count, back = 0, False
    for item in items:
        if isinstance(item, (str, bytes)):
            if back and count:
                offsets.append(drawn + count)
            raw = getattr(item, "original_bytes", None)
            count += len(raw if raw is not None else item) // wide
            back = False
        elif isinstance(item, (int, float)):
            back = item > 200  # the pen moved back a fifth of an em or more
    return offsets


def _overstruck_accents(text: str, starts: set[int], spaced: bool) -> str:
    """An accent drawn over the letter before it: groff builds a letter its font lacks ("Č", "ŭ")
    by drawing the letter, moving the pen back and drawing the accent on the same baseline
    ("(Aliaksandr C)Tj ... Td (ˇa)Tj", "(Mahiliou)444(˘)"). The text layer reads "Cˇarnyš". Where a
    spacing accent starts such a string right after a letter, it is the letter's: it becomes the
    combining mark, which NFC composes ("Č"). (TeX draws an accent before its letter, and raises
    it over a capital on a baseline of its own: text.join_floating_accents reads those.)"""
    chars, counted = list(text), 0
    for i, ch in enumerate(chars):
        if counted in starts and ch in _SPACING_ACCENTS and i and chars[i - 1].isalpha():
            if len(unicodedata.normalize("NFC", chars[i - 1] + _SPACING_ACCENTS[ch])) == 1:
                chars[i] = _SPACING_ACCENTS[ch]
        if not ch.isspace() or spaced:
            counted += 1
    return "".join(chars)


def _insert_word_gaps(text: str, offsets: list[int]) -> str:
    """A space before each non-space character counted at `offsets` (0-based, spaces not counted),
    unless whitespace stands there already."""
    out, seen, wanted = [], 0, set(offsets)
    for ch in text:
        if not ch.isspace():
            if seen in wanted and out and not out[-1].isspace() and out[-1] not in _SPACING_ACCENTS:
                out.append(" ")
            seen += 1
        out.append(ch)
    return "".join(out)


def _comparable(text: str) -> str:
    """The text as the check against pypdf's own compares it: without the TABs and spaces we add,
    the accents we turn into combining marks, the case."""
    return text.replace("\t", "").replace(" ", "").translate(_AS_COMBINING).lower()


def read_page(page) -> PageText:
    parts: list[str] = []
    sized: list[tuple[float, float, str]] = []
    prev: list = [None]  # (x, y, size, text) of the last visible piece on the current line
    placed: list[Piece] = []  # every visible piece, for column detection
    gap: list[str] = [""]  # whitespace since the last visible piece
    repaired = [False]  # the last visible piece was a re-joined small-caps run
    # pypdf reads a form XObject's text with the form's own coordinates, starting again from the
    # identity matrix: chromium draws whole blocks as forms (a date column, a sidebar), which then
    # all seemed to sit in the page's corner. Where the page drew each form is kept here, a stack
    # for forms inside forms, and every piece is placed through it.
    outer: list[list] = []
    pending: list = [None]  # a form drawn but not yet entered: pypdf first flushes the text before it
    # Where each text-showing operator started and how many glyphs it drew, since the last piece:
    # pypdf joins two cells of one row into one piece with a single space when a table pushed
    # the second far to the right (a LaTeX tabular's "Title ... City"); visit() puts the TAB back.
    shows: list[tuple[float, float, int, bool]] = []
    wide = [1]  # bytes per glyph of the current font: 2 for composite (Type0) fonts
    # Bytes per glyph by font name: a page selects its few fonts again and again (36 times a page in
    # the template corpus), and each lookup walks the page's resources.
    widths: dict = {}
    beside: list[tuple[int, int]] = []  # (x, index in parts) of pieces that follow another on a line
    # Text objects begun so far, and (object, font, first on its line) of the last visible piece:
    # a piece in a new object, set like the one piece before it on its row, may be a cell of its own.
    objects = [0]
    last_set: list = [None]
    cells: list[tuple[int, int]] = []  # (index in parts, index in placed): pdfcells.split_right_cells
    # Character spacing and font size as set (text space units), the non-space glyphs drawn since the
    # last piece (None once a composite font drew some: its codes do not show its spaces), and at
    # which of them a word starts that only the character spacing set apart (_spacing_gap).
    spacing, font_size_set, visible = [0.0], [0.0], [0]
    spaced_at: list[int] = []
    overstrikes: list[int] = []  # glyph offsets where a string may be drawn over the glyph before
    opened_heavy = [False]  # the current line so far is set in a heavier face
    weights: dict[str, bool] = {}  # _heavy by font name, looked up once a page
    icon_faces: dict[str, bool] = {}  # _icon_font by font name
    # What pypdf read for the pieces an icon font drew, by index in parts: the check against
    # pypdf's text compares those, not the marks put in their place.
    as_read: dict[int, str] = {}

    def record_show(op, args, cm, tm):
        if outer:
            cm = _mult(list(cm), outer[-1])
        x, y = tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        operand = args[0] if op == b"TJ" and args else args
        if wide[0] > 1 or visible[0] is None:
            visible[0] = None
        else:
            if font_size_set[0] and _spacing_gap(operand, spacing[0] / font_size_set[0]):
                spaced_at.append(visible[0] + 1)
            visible[0] += _visible_bytes(operand)
        if shows and wide[0] == 1:
            drawn = sum(n for _, _, n, _ in shows)
            overstrikes.extend(_overstrike_offsets(operand, wide[0], drawn, abs(shows[-1][1] - y) < 0.01))
        for k, (glyphs, spaced) in enumerate(_glyphs(operand, wide[0])):
            # A run after a wide jump inside the operator: its x is not known here, only that
            # the jump was wide, which is all _split_wide_gaps asks.
            shows.append((x if not k else math.inf, y, glyphs, spaced))

    def before(op, args, cm, tm):
        if pending[0] is not None:  # the form's first operator: its text is placed through it now
            outer.append(pending[0])
            pending[0] = None
        if op not in _WATCHED_OPS:
            return
        if op == b'"' and len(args) == 3 and isinstance(args[1], (int, float)):
            spacing[0] = float(args[1])  # the next line's character spacing (recorded after the move)
        if op == b"TJ" or op == b"Tj":
            record_show(op, args, cm, tm)
        elif op == b"Tc" and args:
            spacing[0] = float(args[0]) if isinstance(args[0], (int, float)) else 0.0
        elif op == b"Tf" and args:
            if len(args) > 1 and isinstance(args[1], (int, float)):
                font_size_set[0] = abs(float(args[1]))
            name = args[0]
            try:
                wide[0] = widths[name]
            except (KeyError, TypeError):  # TypeError: an unhashable operand in a damaged stream
                wide[0] = _bytes_per_glyph(page, name)
                if isinstance(name, str):
                    widths[name] = wide[0]
        elif op == b"BT":
            objects[0] += 1
        elif op == b"Do" and args:
            here = _mult(_form_matrix(page, args[0]), list(cm))
            pending[0] = _mult(here, outer[-1]) if outer else here

    def after(op, args, cm, tm):
        if op in (b"'", b'"') and args:
            # Recorded once the operator moved to the next line: pypdf sent the last line's text
            # to visit() on the way, and this string starts the next piece.
            record_show(b"Tj", args[-1:], cm, tm)
        elif op == b"Do" and args:
            if pending[0] is not None:
                pending[0] = None  # an image, or an empty form: nothing was entered
            elif outer:
                outer.pop()

    def visit(text, cm, tm, font_dict, font_size):
        if outer:
            cm = _mult(list(cm), outer[-1])
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        last = prev[0]
        runs = shows[:]
        shows.clear()
        gaps_at = spaced_at[:] if visible[0] is not None else []
        spaced_at.clear()
        visible[0] = 0
        struck = set(overstrikes)
        overstrikes.clear()
        if not text:
            return
        if struck and not text.isascii():
            text = _overstruck_accents(text, struck, any(r[3] for r in runs))
        if gaps_at:
            text = _insert_word_gaps(text, gaps_at)
        if len(runs) >= 2 and text.strip():
            scale = math.hypot(tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3])
            text = _split_wide_gaps(text, runs, y, abs(font_size or 0) * (scale or 1.0))
        if not text.strip():
            parts.append(text)
            gap[0] += text
            if "\n" in text:
                prev[0] = None
            return
        scale = math.hypot(tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3])
        size = abs(font_size or 0) * (scale or 1.0)
        was_repaired, repaired[0] = repaired[0], False
        first_on_line = True
        face = str(font_dict.get("/BaseFont", "")) if font_dict is not None else ""
        heavy = weights.get(face)
        if heavy is None:
            heavy = weights[face] = _heavy(font_dict) if font_dict is not None else False
        line_heavy, opened_heavy[0] = opened_heavy[0], heavy  # a piece opening its line sets the line's face
        icon = icon_faces.get(face)
        if icon is None:
            icon = icon_faces[face] = _icon_font(face)
        if icon:
            as_read[len(parts)] = text
            text = _as_icon_marks(text)
        if last is not None and not text.startswith(("\n", "\r")) and size > 0:
            px, py, psize, ptext = last
            same_line = abs(y - py) < 0.35 * max(size, psize)
            first_on_line = not same_line
            if same_line and x > px and not text.startswith("\t"):
                beside.append((round(x), len(parts)))
            if same_line:
                opened_heavy[0] = line_heavy and heavy
                # (x may equal px: a run set on from the last without moving the text matrix.)
                if x >= px and _weight_boundary(line_heavy, heavy, text, size / psize if psize else 1.0):
                    text = "\t" + text[1:]
            if same_line and x > px:
                end = px + len(ptext) * _EM_PER_CHAR * psize
                ratio = size / psize if psize else 1.0
                # Where the type size changes, the narrower width of lower-case text: a heading
                # set big in the margin ("Experience" beside an entry's first line) ends well short
                # of the wide estimate, and only a real gap lets the size change count.
                # (Not after a letter or two: a small-caps run follows its big capital closely.)
                narrow_end = (
                    px + len(ptext) * (_EM_PER_LOWER if len(ptext.strip()) >= 4 else _EM_PER_CHAR) * psize
                )
                if x - end > _GAP_EMS * max(size, psize) or (
                    # A change of type size across a gap: a heading set in the margin beside an
                    # entry ("Work   Data Engineer"), a label beside its value. Never one field.
                    not 0.8 <= ratio <= 1.25 and x - narrow_end > 0.5 * max(size, psize)
                ):
                    text = "\t" + text.lstrip(" ")
                elif (
                    _SMALL_CAPS_RATIO[0] <= ratio <= _SMALL_CAPS_RATIO[1]
                    and _SMALL_RUN_RE.match(text)
                    and _CAP_TAIL_RE.search(ptext)
                    and ptext[-1].isupper()
                    and text[1:].split()[0].isupper()
                ):
                    text = _lower_small_caps(text[1:])
                    size = psize  # the run belongs to the big letter before it
                    repaired[0] = True
                elif _icon_glyph(ptext, text, ratio):
                    # A lone glyph from an icon font set before a field in another size
                    # ("l" + "ana@x.example"): a mark of its own, not the field's first letter.
                    text = " " + text
                elif was_repaired and re.match(r" [^\s]", text) and ratio > _SMALL_CAPS_RATIO[1]:
                    # After a small-caps run pypdf puts one space before the next big letter
                    # ("Osei -B", "Dr . N"); a real word gap comes out as two.
                    text = text[1:]
                elif (
                    0.97 <= ratio <= 1.03
                    and last_set[0] is not None
                    and last_set[0][0] != objects[0]
                    and last_set[0][1] is font_dict
                    and last_set[0][2]
                ):
                    cells.append((len(parts), len(placed)))
        last_set[0] = (objects[0], font_dict, first_on_line)
        parts.append(text)
        for k, chunk in enumerate(text.split("\n")):
            if chunk.strip():
                placed.append(Piece(len(placed), x, y, size, chunk, "\n" if k else gap[0]))
        gap[0] = "\n" if text.endswith("\n") else ""
        tail = text.rsplit("\n", 1)[-1]
        prev[0] = (x, y, size, tail) if tail.strip() else None
        if size > 0:
            sized.append((size, y, text))

    _forget_undrawable_space(page)
    with preparsed(page):
        text = page.extract_text(
            visitor_text=visit, visitor_operand_before=before, visitor_operand_after=after
        )
    _value_column(parts, beside)
    split_right_cells(parts, placed, cells)
    joined = "".join(parts)
    checked = "".join(as_read.get(i, part) for i, part in enumerate(parts)) if as_read else joined
    if _comparable(checked) != _comparable(text):
        # Should not happen (the visitor sees every piece), but never trust our copy over pypdf's.
        return PageText(text, [], placed)
    if looks_multicolumn(placed):
        columns = split_columns(placed, heading_kind_spaced)
        if columns:
            return PageText(columns, sized, placed)
        # One column, drawn out of order (a theme that draws each entry's employer and dates
        # after its title and bullets): the rows rebuilt from positions may read better.
        return PageText(joined, sized, placed, reordered=True)
    return PageText(joined, sized, placed)


def headline(sized: list[tuple[float, float, str]]) -> str | None:
    """The text set in the page's largest font, when that font clearly stands out (the name)."""
    visible = [(s, y, t) for s, y, t in sized if any(c.isalpha() for c in t)]
    if not visible:
        return None
    sizes = sorted(s for s, _, t in visible for _ in range(max(1, len(t) // 20)))
    body = sizes[len(sizes) // 2]
    top = max(s for s, _, _ in visible)
    if top < body * 1.3:
        return None
    pieces = [(y, t) for s, y, t in visible if s >= top * 0.9]
    first_y = pieces[0][0]
    pieces = [(y, t) for y, t in pieces if abs(y - first_y) <= 2.6 * top]
    if len(pieces) > 6:
        return None
    out = ""
    for i, (y, t) in enumerate(pieces):
        if i and abs(y - pieces[i - 1][0]) < 0.3 * top:
            out += t
        elif re.search(r"[^\W\d_]-$", out.rstrip()):
            out = out.rstrip() + t.lstrip()  # "Ida Skovgaard-" / "Friis": a double name wrapped at its hyphen
        else:
            out += " " + t
    # NFKC like the body text (text._clean): chromium sets "fi" as one ligature glyph, "Whitﬁeld".
    return re.sub(r"\s+", " ", join_floating_accents(unicodedata.normalize("NFKC", out))).strip() or None


def rows_text(pieces: list[Piece]) -> str:
    """The page read row by row, top to bottom, each row left to right with a TAB at a wide gap:
    what pypdf's layout mode gives, rebuilt from the positions the plain pass already collected."""
    rows = _rows([p for p in pieces if p.size > 0])
    edges = value_column_edges(rows)
    return "\n".join(filter(None, (_row_text(row, edges) for row in rows)))
