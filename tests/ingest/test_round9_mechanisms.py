"""General mechanisms found on round 9 of the template corpus (issue 14), each on made-up text, a
made-up PDF or a made-up DOCX: invented people, employers and streets; only the countries and
towns are real."""

from __future__ import annotations

import copy
import io

from milobot.ingest import extract
from milobot.ingest.parse import parse_resume

from .made_up_pdf import docx_bytes, docx_reopened, made_up_pdf, profile_of

# ---------------------------------------------------------------- DOCX content controls

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _wrap_in_content_control(element, *, placeholder: bool = False):
    """Put element (a paragraph, table, row, cell or run) inside a w:sdt, where it stood."""
    from docx.oxml import OxmlElement

    sdt, properties, content = OxmlElement("w:sdt"), OxmlElement("w:sdtPr"), OxmlElement("w:sdtContent")
    if placeholder:
        properties.append(OxmlElement("w:showingPlcHdr"))
    sdt.append(properties)
    sdt.append(content)
    element.addprevious(sdt)
    content.append(element)
    return sdt


def _content_control_docx() -> bytes:
    import docx

    doc = docx.Document()
    doc.add_paragraph("Isaura Pellisandre").runs[0].font.size = docx.shared.Pt(24)
    contact = doc.add_paragraph("Bendigo, Victoria · ")
    contact.add_run("+61 491 570 159")
    contact.add_run(" · isaura.pellisandre@inkwell.example")
    prompt = doc.add_paragraph("Click here to enter your website.")
    doc.add_paragraph("EXPERIENCE")
    title = doc.add_paragraph("Glass Conservator")
    jobs = doc.add_table(rows=2, cols=2)
    jobs.cell(0, 0).text = "Marracott Glassworks Ltd"
    jobs.cell(0, 1).text = "2020 – Present"
    jobs.cell(1, 0).text = "Bellwether Leadlight Studio"
    jobs.cell(1, 1).text = "2014 – 2020"
    doc.add_paragraph("EDUCATION")
    doc.add_paragraph("BA Fine Arts, 2013")
    body_paragraphs = doc.paragraphs
    # Body level around paragraphs and around the job table; around runs inside the contact line
    # (the telephone run); around a table row and around a cell; one control still showing its prompt.
    _wrap_in_content_control(body_paragraphs[0]._p)
    _wrap_in_content_control(contact.runs[1]._r)
    _wrap_in_content_control(contact._p)
    _wrap_in_content_control(prompt._p, placeholder=True)
    _wrap_in_content_control(title._p)
    _wrap_in_content_control(jobs.rows[1]._tr)
    _wrap_in_content_control(jobs.rows[0]._tr.tc_lst[0])
    _wrap_in_content_control(jobs._tbl)
    return docx_bytes(doc)


def test_content_controls_are_read_in_document_order():
    import docx

    from milobot.ingest.docx import _docx_text, _unwrap_content_controls

    document = docx.Document(io.BytesIO(_content_control_docx()))
    before = _docx_text(copy.deepcopy(document))
    assert "Glass Conservator" not in before  # python-docx alone skips what the controls hold
    _unwrap_content_controls(document.element.body)
    lines = _docx_text(document).splitlines()
    assert lines[:3] == [
        "Isaura Pellisandre",
        "Bendigo, Victoria · +61 491 570 159 · isaura.pellisandre@inkwell.example",
        "EXPERIENCE",
    ]
    assert (
        lines.index("Glass Conservator") < lines.index("Marracott Glassworks Ltd") < lines.index("EDUCATION")
    )
    assert "Bellwether Leadlight Studio" in lines
    assert not any("Click here" in line for line in lines)


def test_a_resume_kept_in_content_controls_gives_its_contact_line_and_current_job():
    profile = extract("cv.docx", _content_control_docx())[0].profiles[0]
    assert profile.name == "Isaura Pellisandre"
    assert profile.email == "isaura.pellisandre@inkwell.example"
    assert profile.phone == "+61491570159"
    assert (profile.location or "").startswith("Bendigo")
    assert profile.current_title == "Glass Conservator"
    assert profile.current_company == "Marracott Glassworks Ltd"


# ---------------------------------------------------------------- DOCX labels set apart by type


def test_a_label_set_in_bold_before_its_plain_value_is_read_apart_from_it():
    # "Address  Tollmere Quay, Kristiansund": the label bold in one run, the value plain in the
    # next, in one paragraph of a contact cell; a bold job title before a plain employer stays.
    import docx

    doc = docx.Document()
    table = doc.add_table(rows=1, cols=2)
    for cell, (label, value) in zip(
        table.rows[0].cells, (("Address  ", "Kristiansund, Møre og Romsdal"), ("Phone  ", "+47 412 09 377"))
    ):
        paragraph = cell.paragraphs[0]
        paragraph.add_run(label).bold = True
        paragraph.add_run(value)
    job = doc.add_paragraph()
    job.add_run("Harbour Pilot").bold = True
    job.add_run(" – Tollmere Shipping AS (Ålesund)")

    from milobot.ingest.docx import _docx_text

    lines = _docx_text(docx_reopened(doc)).splitlines()
    assert "Address\tKristiansund, Møre og Romsdal" in lines
    assert "Phone\t+47 412 09 377" in lines
    assert "Harbour Pilot – Tollmere Shipping AS (Ålesund)" in lines


# ---------------------------------------------------------------- DOCX form label columns


def test_a_form_s_label_column_holds_labels_no_list_knows():
    # A Europass-like table in Norwegian: "Navn", "Adresse", "Telefon" are field labels we know,
    # "Datoer", "Arbeidsgiver", "Stilling" are not, yet stand in the same column beside values.
    from milobot.ingest.docx import _form_label_column

    rows = [
        ["Personlige opplysninger", ""],
        ["Navn", "Eirunn Tollefsrud"],
        ["Adresse", "Storgata 4, 6509 Kristiansund (Noreg)"],
        ["Telefon", "+47 412 09 377"],
        ["Arbeidserfaring", ""],
        ["Datoer", "mars 2019 – nå"],
        ["Arbeidsgiver", "Tollmere Shipping AS, Ålesund"],
        ["Stilling", "Harbour Pilot"],
    ]
    assert _form_label_column(rows) >= {"Datoer", "Arbeidsgiver", "Stilling"}
    # A job grid holds no two labels we know: its left cells stay text.
    grid = [["Tollmere Shipping AS", "2019 – nå"], ["Brattvåg Ferjeselskap", "2012 – 2019"]]
    assert _form_label_column(grid) == set()


def test_a_form_s_unknown_date_label_is_never_the_current_title():
    import docx

    doc = docx.Document()
    table = doc.add_table(rows=0, cols=2)
    for label, value in (
        ("Navn", "Eirunn Tollefsrud"),
        ("Adresse", "Storgata 4, 6509 Kristiansund (Noreg)"),
        ("Telefon", "+47 412 09 377"),
        ("E-post", "eirunn.tollefsrud@inkwell.example"),
        ("Arbeidserfaring", ""),
        ("Datoer", "mars 2019 – nå"),
        ("Arbeidsgiver", "Tollmere Shipping AS, Ålesund"),
        ("Stilling", "Marine Engineer"),
        ("Hovedoppgaver", "Piloted bulk carriers through the inner fjord"),
        ("Datoer", "januar 2012 – februar 2019"),
        ("Arbeidsgiver", "Brattvåg Ferjeselskap AS, Molde"),
        ("Stilling", "Deck Officer"),
    ):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    profile = extract("cv.docx", docx_bytes(doc))[0].profiles[0]
    assert profile.current_title == "Marine Engineer"
    assert profile.current_company == "Tollmere Shipping AS"
    assert profile.location == "Kristiansund, Noreg"


# ---------------------------------------------------------------- locations


def test_a_capitalised_name_in_brackets_after_the_city_is_its_country_in_any_language():
    from milobot.ingest.places import _tidy_location

    assert _tidy_location("Storgata 4, 6509 Kristiansund (Noreg)") == "Kristiansund, Noreg"
    assert _tidy_location("Kristiansund (sentrum)") == "Kristiansund (sentrum)"


# ---------------------------------------------------------------- job entries


def test_a_town_beside_the_dates_is_the_entry_s_place_not_its_employer():
    # Title, then employer, then "dates <gap> Town, Country": neither town nor employer is known
    # to any list, and the employers carry no legal form. The towns sit on the dates lines with a
    # comma after them in every entry, as a place does.
    text = """Eirunn Tollefsrud
Harbour Pilot
eirunn.tollefsrud@inkwell.example
Experience
Harbour Pilot
Tollmere Brattvik
04/2023 – Present\tSkorvanes, Noreg
Piloted bulk carriers through the inner fjord
Deck Officer
Hallingvik Ferjer
02/2016 – 03/2023\tOrmsund, Noreg
Kept the watch on the night crossings
"""
    profile = parse_resume(text)
    assert (profile.current_title, profile.current_company) == ("Harbour Pilot", "Tollmere Brattvik")


def test_a_town_before_the_dates_with_a_comma_is_the_entry_s_place():
    # "Title | Employer" over "Town, dates" (pandoc's RTF writer sets an entry so).
    text = """Eirunn Tollefsrud
Harbour Pilot
eirunn.tollefsrud@inkwell.example
Experience
Harbour Pilot | Tollmere Brattvik
Skorvanes, 2023/04 – 2025/02
• Piloted bulk carriers through the inner fjord
Deck Officer | Hallingvik Ferjer
Ormsund, 2016/02 – 2023/03
• Kept the watch on the night crossings
"""
    profile = parse_resume(text)
    assert (profile.current_title, profile.current_company) == ("Harbour Pilot", "Tollmere Brattvik")


def test_a_dot_leader_is_a_column_gap():
    from milobot.ingest.text import _leaders_as_gaps

    assert _leaders_as_gaps("Harbour Pilot, Tollmere Brattvik A.S.............2023–Present") == (
        "Harbour Pilot, Tollmere Brattvik A.S.\t2023–Present"
    )
    assert _leaders_as_gaps("Deck Officer, Hallingvik Ferjer . . . . . . 2016–2023") == (
        "Deck Officer, Hallingvik Ferjer\t2016–2023"
    )


def test_entries_set_with_dot_leaders_in_a_made_up_pdf():
    def draw(c):
        c.setFont("Helvetica-Bold", 20)
        c.drawString(60, 790, "Eirunn Tollefsrud")
        c.setFont("Helvetica", 10)
        c.drawString(60, 770, "Harbour Pilot")
        c.drawString(60, 756, "+47 412 09 377    eirunn.tollefsrud@inkwell.example")
        c.setFont("Helvetica-Bold", 12)
        c.drawString(60, 720, "Experience")
        c.setFont("Helvetica", 10)
        y = 700
        for head, dates, note in (
            ("Harbour Pilot, Tollmere Brattvik", "2023–Present", "Skorvanes: Piloted bulk carriers."),
            ("Deck Officer, Hallingvik Ferjer", "2016–2023", "Ormsund: Kept the watch at night."),
        ):
            width = c.stringWidth(head, "Helvetica", 10)
            dots = "." * int(
                (480 - width - c.stringWidth(dates, "Helvetica", 10)) / c.stringWidth(".", "Helvetica", 10)
            )
            c.drawString(60, y, head + dots + dates)
            c.drawString(60, y - 14, note)
            y -= 36

    profile = profile_of(made_up_pdf(draw))
    assert (profile.current_title, profile.current_company) == ("Harbour Pilot", "Tollmere Brattvik")


def test_a_name_in_a_content_control_of_the_page_header_is_the_headline():
    import docx
    from docx.shared import Pt

    from milobot.ingest.docx import _headline, _unwrap_all_content_controls

    doc = docx.Document()
    heading = doc.sections[0].header.paragraphs[0]
    heading.add_run("Eirunn Tollefsrud").font.size = Pt(24)
    _wrap_in_content_control(heading.runs[0]._r)
    for line in ("Harbour Pilot", "Experience", "Tollmere Brattvik, 2023 – Present"):
        doc.add_paragraph(line)
    document = docx_reopened(doc)
    assert _headline(document) is None  # python-docx alone reads no run inside the control
    _unwrap_all_content_controls(document)
    assert _headline(document) == "Eirunn Tollefsrud"
