"""Word gaps in composite (Type0, Identity-H) fonts that have no space glyph.

xdvipdfmx (XeLaTeX, LuaLaTeX with fontspec: Awesome-CV, moderncv with system fonts) embeds each
OpenType font as a CID font and sets words apart by moving the pen in a TJ array, never drawing a
space. pypdf looks for the font's space by its code: finding no code that maps to U+0020 in the
font's ToUnicode, it takes code 32's width for the space, and in a subset font CID 32 is whatever
glyph landed there ("e" at 0.48 em). Half of that is its word-gap threshold, so TeX's 0.2 em gaps
were read as no gap at all: "HeronsableGeodata", "Sep2021-Present". Giving CID 32 no width makes
pypdf fall back to its default space width, as it does for a font whose space has no width.
"""

from __future__ import annotations

import re

from pypdf.generic import ArrayObject, NumberObject

_SPACE_CID = 32
_SECTION_RE = re.compile(rb"beginbf(char|range)(.*?)endbf\1", re.S)
_HEX_RE = re.compile(rb"<([0-9A-Fa-f]*)>|\[([^\]]*)\]")


def _maps_a_space(to_unicode: bytes) -> bool:
    """Does any code of this ToUnicode CMap stand for U+0020? (bfchar pairs, bfrange triples)"""
    for kind, body in _SECTION_RE.findall(to_unicode):
        tokens = _HEX_RE.findall(body)
        step = 2 if kind == b"char" else 3
        for i in range(0, len(tokens) - step + 1, step):
            group = tokens[i : i + step]
            dst_hex, dst_array = group[-1]
            if dst_array:  # a range mapped code by code: look for a space among them
                if re.search(rb"<0*20>", dst_array):
                    return True
                continue
            if kind == b"char":
                if dst_hex.lstrip(b"0") == b"20":
                    return True
                continue
            try:
                low, high, dst = (int(t[0] or b"0", 16) for t in group)
            except ValueError:
                return True  # unreadable: assume a space, change nothing
            if dst <= 0x20 <= dst + (high - low) and len(dst_hex) <= 4:
                return True
    return False


def _zero_cid_width(widths) -> bool:
    """Set CID 32's width to 0 in a CIDFont /W array ([c [w ...]] or [first last w]); True if found."""
    i = 0
    while i < len(widths):
        first = widths[i]
        nxt = widths[i + 1] if i + 1 < len(widths) else None
        if nxt is None:
            return False
        nxt = nxt.get_object() if hasattr(nxt, "get_object") else nxt
        if isinstance(nxt, list):
            if int(first) <= _SPACE_CID < int(first) + len(nxt):
                if nxt[_SPACE_CID - int(first)] != 0:
                    nxt[_SPACE_CID - int(first)] = NumberObject(0)
                    return True
                return False
            i += 2
        else:
            if i + 2 >= len(widths):
                return False
            low, high, width = int(first), int(nxt), widths[i + 2]
            if low <= _SPACE_CID <= high:
                if width == 0:
                    return False
                # One width for a run of CIDs over 32: the run split around it, CID 32 alone at 0.
                split: list = []
                if low < _SPACE_CID:
                    split += [NumberObject(low), NumberObject(_SPACE_CID - 1), width]
                split += [NumberObject(_SPACE_CID), ArrayObject([NumberObject(0)])]
                if _SPACE_CID < high:
                    split += [NumberObject(_SPACE_CID + 1), NumberObject(high), width]
                widths[i : i + 3] = split
                return True
            i += 3
    return False


def forget_cid_space_width(font) -> None:
    """font: a Type0 font dictionary. Changes the reader's copy only."""
    if font.get("/Encoding") != "/Identity-H" or "/ToUnicode" not in font:
        return
    descendant = font["/DescendantFonts"].get_object()[0].get_object()
    widths = descendant.get("/W")
    if widths is None:
        return
    if _maps_a_space(font["/ToUnicode"].get_object().get_data()):
        return
    _zero_cid_width(widths.get_object())
