"""General mechanisms for the contact fields found on round 6 of the template corpus (issue 14),
each on made-up text or a made-up DOCX/PDF: invented people, employers, streets and towns; only the
countries are real."""

from __future__ import annotations

import io

from docx import Document

from milobot.ingest import extract
from milobot.ingest.parse import parse_resume


def test_a_spaced_slash_parts_the_contact_fields_as_a_bar_does():
    # "number / e-mail / Town, Region": the slash between the fields, the place after the last one.
    text = (
        "MIRELA DOVANSKA\n"
        "Harbour Pilot\n"
        "+40 722 418 306  /  mirela.dovanska@quaymail.example  /  Brastevo, Upper Tarnel Region\n"
        "EXPERIENCE\n"
        "Harbour Pilot, Kessary Tug Lines    2019 - Present\n"
    )
    assert parse_resume(text).location == "Brastevo, Upper Tarnel Region"


def _docx_with_header(header_line: str, body: list[str]) -> bytes:
    document = Document()
    document.sections[0].header.paragraphs[0].text = header_line
    for line in body:
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_the_name_line_anchors_the_contact_row_when_the_page_header_holds_the_details():
    # The number and e-mail address in the page header; in the body the name, then
    # "Title — Town, Region"; the first employer's "Employer, Town" must not win.
    data = _docx_with_header(
        "Teodor Vasquelle · +40 722 418 306 · teodor.vasquelle@quaymail.example",
        [
            "Teodor Vasquelle",
            "Harbour Pilot — Brastevo, Upper Tarnel Region",
            "Experience",
            "Kessary Tug Lines, Orlavik",
            "Harbour Pilot",
            "2019-03 – Present",
            "Brought forty tankers a month through the narrows.",
        ],
    )
    (result,) = extract("cv.docx", data)
    assert result.profiles[0].location == "Brastevo, Upper Tarnel Region"


def test_a_region_wrapped_inside_its_name_rejoins_the_contact_row():
    # "… · Brastevo, Upper Tarnel" / "Region, Moldova": the row's last cell wrapped inside the
    # region's name; "Region" is not the town.
    text = (
        "Dorin Palavescu\n"
        "dorin.palavescu@quaymail.example · 0722 418 306 · Brastevo, Upper Tarnel\n"
        "Region, Moldova\n"
        "Professional experience\n"
        "Harbour Pilot (Mar 2019 – Present)\n"
        "Kessary Tug Lines, Orlavik\n"
    )
    assert parse_resume(text).location == "Brastevo, Upper Tarnel Region, Moldova"
