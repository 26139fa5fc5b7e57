"""Job-entry mechanisms found on round 8 of the template corpus (issue 14), each on made-up text or a
made-up PDF: invented people, employers and towns, nothing copied from any corpus."""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
)

from milobot.ingest import extract
from milobot.ingest.cid_space import _maps_a_space
from milobot.ingest.pdftext import read_page

# ---------------------------------------------------------------- word gaps in a CID font

# The glyphs of a made-up subset font, numbered from 1 the way a subsetter numbers what it keeps:
# CID 32 is a letter ("f"), never a space, and no code stands for a space.
_GLYPHS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@.,-–|"


def _cid(text: str) -> str:
    return "".join(f"{_GLYPHS.index(c) + 1:04X}" for c in text)


def _cid_font_pdf(content: str) -> bytes:
    """One page drawn with a composite (Type0, Identity-H) font the way xdvipdfmx embeds an OpenType
    font: a /W array that gives CID 32 its glyph's width, a ToUnicode with no space in it."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    to_unicode = DecodedStreamObject()
    pairs = "\n".join(f"<{i + 1:04X}> <{ord(c):04X}>" for i, c in enumerate(_GLYPHS))
    to_unicode.set_data(
        (
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            f"{len(_GLYPHS)} beginbfchar\n{pairs}\nendbfchar\n"
            "endcmap CMapName currentdict /CMap defineresource pop end end\n"
        ).encode()
    )
    descriptor = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/FontDescriptor"),
            NameObject("/FontName"): NameObject("/QRSTUV+Inventa-Sans"),
            NameObject("/Flags"): NumberObject(4),
        }
    )
    descendant = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/CIDFontType0"),
            NameObject("/BaseFont"): NameObject("/QRSTUV+Inventa-Sans"),
            NameObject("/DW"): NumberObject(620),
            NameObject("/W"): ArrayObject(
                [NumberObject(1), ArrayObject([NumberObject(500) for _ in _GLYPHS])]
            ),
            NameObject("/FontDescriptor"): writer._add_object(descriptor),
        }
    )
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type0"),
            NameObject("/BaseFont"): NameObject("/QRSTUV+Inventa-Sans"),
            NameObject("/Encoding"): NameObject("/Identity-H"),
            NameObject("/DescendantFonts"): ArrayObject([writer._add_object(descendant)]),
            NameObject("/ToUnicode"): writer._add_object(to_unicode),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    stream = DecodedStreamObject()
    stream.set_data(content.encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _line(y: float, *cells: tuple[float, str], size: float = 10) -> str:
    """One line of cells, each at its x; a cell's words set apart by moving the pen 0.2 em."""
    out = ""
    for x, words in cells:
        shown = "-200".join(f"<{_cid(w)}>" for w in words.split())
        out += f"BT /F1 {size} Tf {x} {y} Td [{shown}] TJ ET\n"
    return out


def test_word_gaps_of_a_cid_font_without_a_space_are_spaces():
    """pypdf took CID 32's width (a letter's) for the space of a font that draws none, so a fifth of
    an em was no word gap and every line ran together ("TarnwhistleCordage", "Sep2021")."""
    data = _cid_font_pdf(_line(700, (60, "Tarnwhistle Cordage"), (420, "Sep 2021")))
    assert "Tarnwhistle Cordage\tSep 2021" in read_page(PdfReader(io.BytesIO(data)).pages[0]).text


def test_an_awesome_cv_like_entry_in_a_cid_font_is_read():
    """Employer left and town right on one line, the position under it with its dates at the right,
    all in a CID font with no space glyph: the entry reads once the word gaps do."""
    content = (
        _line(790, (200, "Orla Quennick"), size=24)
        + _line(760, (180, "orla.quennick@fernpost.example"))
        + _line(720, (60, "Experience"), size=14)
        + _line(700, (60, "Tarnwhistle Cordage"), (440, "Fennimore"))
        + _line(686, (60, "ROPE WORKS FOREMAN"), (440, "Sep 2021 – Present"), size=8)
        + _line(672, (70, "Ran two splicing crews"))
        + _line(650, (60, "Brindlemoor Nets"), (440, "Fennimore"))
        + _line(636, (60, "NET MENDER"), (440, "Jan 2016 – Aug 2021"), size=8)
        + _line(622, (70, "Mended trawl nets"))
    )
    (result,) = extract("cv.pdf", _cid_font_pdf(content))
    profile = result.profiles[0]
    assert profile.name == "Orla Quennick"
    assert (profile.current_title or "").casefold() == "rope works foreman"
    assert profile.current_company == "Tarnwhistle Cordage"


def test_a_to_unicode_that_maps_a_space_is_left_alone():
    assert _maps_a_space(b"1 beginbfchar\n<0003> <0020>\nendbfchar")
    assert _maps_a_space(b"1 beginbfrange\n<0001> <0005> <001E>\nendbfrange")  # 0x1E..0x22 holds 0x20
    assert _maps_a_space(b"1 beginbfrange\n<0001> <0002> [<0041> <0020>]\nendbfrange")
    assert not _maps_a_space(b"1 beginbfrange\n<0001> <0005> <0041>\nendbfrange")
    assert not _maps_a_space(b"2 beginbfchar\n<0020> <0065>\n<0021> <0066>\nendbfchar")
