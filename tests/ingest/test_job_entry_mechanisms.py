"""Job-entry mechanisms of the third round (issue 14): how a résumé's entries are read, whatever the
template. Made-up people and employers, in made-up text and hand-written PDFs."""

from __future__ import annotations

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject

from milobot.ingest import extract
from milobot.ingest.parse import parse_resume


def _raw_pdf(content: str) -> bytes:
    """A one-page PDF whose content stream is `content`, with Helvetica as /F1 and Helvetica-Bold as
    /F2: the way to draw what reportlab never draws, such as one TJ array that jumps the pen."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    fonts = DictionaryObject()
    for key, base in (("/F1", "/Helvetica"), ("/F2", "/Helvetica-Bold")):
        font = DictionaryObject()
        font[NameObject("/Type")] = NameObject("/Font")
        font[NameObject("/Subtype")] = NameObject("/Type1")
        font[NameObject("/BaseFont")] = NameObject(base)
        font[NameObject("/Encoding")] = NameObject("/WinAnsiEncoding")
        fonts[NameObject(key)] = font
    resources = DictionaryObject()
    resources[NameObject("/Font")] = fonts
    resources[NameObject("/ProcSet")] = ArrayObject([NameObject("/PDF"), NameObject("/Text")])
    page[NameObject("/Resources")] = resources
    stream = DecodedStreamObject()
    stream.set_data(content.encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    import io

    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _line(font: str, size: float, y: float, shown: str) -> str:
    return f"BT /{font} {size} Tf 60 {y} Td {shown} TJ ET\n"


def _profile_of_pdf(data: bytes):
    (result,) = extract("cv.pdf", data)
    assert result.outcome == "ok", result.reason
    return result.profiles[0]


def test_a_wide_jump_inside_one_tj_array_is_a_column_gap():
    """TeX's \\hfill between an employer and its city ("Brindlemoor Labs ... Kestrelford") is one
    TJ operator whose array moves the pen thirty ems: the text layer gives one space there, and the
    city ran into the employer's name."""
    content = (
        _line("F2", 20, 780, "[(Ottoline Varga-Brisk)]")
        + _line("F1", 10, 760, "[(ottoline.vb@quernmail.example)]")
        + _line("F2", 13, 720, "[(Experience)]")
        + _line("F2", 11, 700, "[(Brindlemoor)-300(Labs)-30000(Kestrelford)]")
        + _line("F1", 11, 686, "[(Glassworks)-300(Planner)-28000(2021)-300(\\226)-300(Present)]")
        + _line("F1", 10, 672, "[(Planned the kilns of three furnaces and their crews.)]")
        + _line("F2", 11, 640, "[(Sallowmere)-300(Kilnworks)-30000(Dunrathe)]")
        + _line("F1", 11, 626, "[(Kiln)-300(Operator)-28000(2016)-300(\\226)-300(2021)]")
        + _line("F1", 10, 612, "[(Ran the night shift of the annealing line.)]")
    )
    profile = _profile_of_pdf(_raw_pdf(content))
    assert profile.current_company == "Brindlemoor Labs"
    assert profile.current_title == "Glassworks Planner"
