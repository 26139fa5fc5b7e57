"""reportlab (5.1 and before) writes each ToUnicode entry of an embedded TrueType subset as "<%04X>", so a
character beyond U+FFFF that the font has (DejaVu Sans has emoji such as 😀, old scripts, mathematical
letters) gets five hex digits, <1F600>: an odd-length string that poppler refuses ("Got invalid hex
string") and that breaks copying the page's text. The PDF format wants UTF-16BE there, a surrogate pair
(<D83DDE00>). Importing this module rewrites those entries so and leaves every other one exactly as
reportlab wrote it; the probe makes it a no-op once reportlab writes them right itself. Both PDFs milobot
draws with TrueType fonts (the report and the poster) import it."""

from __future__ import annotations

from reportlab.pdfbase import ttfonts


def _mend() -> None:
    original = ttfonts.makeToUnicodeCMap
    if "<1F600>" not in original("probe", [0x1F600]):
        return  # reportlab writes them right (or this ran already)

    def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
        cmap = original(fontname, [cp if cp <= 0xFFFF else 0xFFFD for cp in subset])
        for i, cp in enumerate(subset):
            if cp > 0xFFFF:
                utf16 = chr(cp).encode("utf-16-be").hex().upper()
                cmap = cmap.replace(f"\n<{i:02X}> <FFFD>\n", f"\n<{i:02X}> <{utf16}>\n", 1)
        return cmap

    ttfonts.makeToUnicodeCMap = to_unicode_cmap  # looked up by name when a font's subsets are written


_mend()
