"""General mechanisms for the contact fields found on round 6 of the template corpus (issue 14),
each on made-up text or a made-up DOCX/PDF: invented people, employers, streets and towns; only the
countries are real."""

from __future__ import annotations

import io

import phonenumbers
from docx import Document

from milobot.ingest import extract
from milobot.ingest.parse import parse_resume
from milobot.ingest.phone_evidence import mobile_plans


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


_MOBILE_TYPES = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)


def _mobile_readings(cand: str, regions) -> set[tuple[str, str]]:
    out = set()
    for region in regions:
        try:
            number = phonenumbers.parse(cand, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) in _MOBILE_TYPES:
            out.add((region, phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)))
    return out


def test_narrowing_the_plans_to_those_a_mobile_can_fit_loses_no_reading():
    # Every plan's own example mobile, written nationally and as bare digits, plus made-up runs
    # with and without a trunk zero: the narrowed plans read each exactly as all the plans do.
    cands = ["5115 0244", "0722 418 306", "094 618 545", "06 12389686", "311 333 1792", "0011 44 7700 900123"]
    for region in sorted(phonenumbers.SUPPORTED_REGIONS)[::3]:
        example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
        if example:
            cands += [phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL)]
    for cand in cands:
        assert _mobile_readings(cand, mobile_plans(cand)) == _mobile_readings(
            cand, phonenumbers.SUPPORTED_REGIONS
        ), cand
    assert len(mobile_plans("5115 0244")) < len(phonenumbers.SUPPORTED_REGIONS) / 2
