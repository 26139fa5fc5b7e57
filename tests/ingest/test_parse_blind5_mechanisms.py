"""The general mechanisms behind the fifth blind round, on made-up text in none of the corpora."""

from __future__ import annotations

import io

import pytest

from milobot.ingest.parse import parse_resume
from milobot.ingest.pieces import _split_pieces
from milobot.ingest.places import find_location
from milobot.ingest.roles import _tidy_company
from milobot.ingest.text import DATE_RANGE_RE, _clean


def _resume(*lines: str):
    return parse_resume("\n".join(lines), "t.pdf")


@pytest.mark.parametrize(
    "name",
    ["Siti Hajar binte Osman", "Kavitha d/o Ramasamy", "Suresh a/l Muniandy", "Ahmad Faiz bin Hamid"],
)
def test_patronymic_particles(name):
    p = _resume(name, "Accounts Executive", "siti.h@example.org", "Experience")
    assert p.name == name


def test_leader_is_a_title_so_a_headline_is_not_the_name():
    p = parse_resume(
        "Rosalind P. Quimbo\nEmail: r.quimbo@example.net\nExperience\nShift Leader\tMay 2020 – Present\n"
        "Northbay Contact Centre, Inc.",
        "t.pdf",
        headline="Operations Team Leader",
    )
    assert p.name == "Rosalind P. Quimbo"
    assert p.current_title == "Shift Leader"


@pytest.mark.parametrize(
    "raw, company",
    [
        ("Ferrovia Nortenha Ltda. Campinas", "Ferrovia Nortenha Ltda."),
        ("Aceros del Bajío S.A. de C.V. Monterrey", "Aceros del Bajío S.A. de C.V."),
        ("Odra Transport Sp. z o.o. Wrocław", "Odra Transport Sp. z o.o."),
        ("Tejo Digital, Lda.", "Tejo Digital, Lda."),
        ("Vale Systems GmbH Cloud", "Vale Systems GmbH Cloud"),
    ],
)
def test_place_after_a_legal_form(raw, company):
    assert _tidy_company(raw) == company


def test_legal_form_full_stop_ends_no_sentence_and_the_place_below_is_no_company():
    p = _resume(
        "Bruno Tavares",
        "bruno.t@example.org",
        "EXPERIENCE",
        "Mar 2021 – Present",
        "Analytics Engineer — Serra Azul Dados Ltda.",
        "Campinas",
        "Built dbt models for finance reporting and forecasting.",
        "Jan 2018 – Feb 2021",
        "BI Analyst — Litoral Varejo S.A.",
        "Santos",
    )
    assert (p.current_title, p.current_company) == ("Analytics Engineer", "Serra Azul Dados Ltda.")


def test_company_and_title_glued_after_legal_form_and_header_row_ignored():
    p = _resume(
        "Name: Arjun Menon",
        "arjun.menon@example.in",
        "Professional Experience",
        "Organization\tDesignation\tDuration",
        "Kaveri Cloudworks Pvt. Ltd. Project Manager\tApr 2020 – Till Date",
        "Malabar Infosystems\tSoftware Engineer\tJun 2015 – Mar 2020",
    )
    assert (p.current_title, p.current_company) == ("Project Manager", "Kaveri Cloudworks Pvt. Ltd.")
    assert _split_pieces("Deccan Data Pvt. Ltd. Senior Analyst") == [
        "Deccan Data Pvt. Ltd.",
        "Senior Analyst",
    ]


@pytest.mark.parametrize(
    "line, loc",
    [
        ("Apt 4, 9 Hollin Lane, Leeds LS16 5NA, United Kingdom", "Leeds, United Kingdom"),
        ("Cork 12, Ireland", "Cork, Ireland"),
        ("0412 345 678 • someone@example.com.au • Toowoomba QLD 4350", "Toowoomba, QLD"),
        ("Indirizzo: Via Roma 3, 10121 Torino (TO), Italia", "Torino, Italia"),
        ("DHA Phase 6, Lahore, Pakistan", "Lahore, Pakistan"),
    ],
)
def test_addresses(line, loc):
    assert find_location(["Farah Siddiqui", line, "Profile"], 2, "Farah Siddiqui") == loc


def test_district_number_kept_out_only_before_the_last_part():
    got = find_location(["Ada Obi", "Block 7, Ikeja, Lagos, Nigeria", "Profile"], 2)
    assert got and "Block" not in got


def test_pakistani_region_is_phone_evidence_and_header_beats_a_bare_labelled_city():
    p = _resume(
        "Bilal Ahmed Qureshi",
        "Saddar, Hyderabad, Sindh",
        "Mobile: 0300-7654321 Email: bilal.q@example.com",
        "Profile",
        "Electrical engineer.",
        "Personal Details",
        "Domicile\tHyderabad",
    )
    assert p.phone == "+923007654321"
    assert p.location == "Hyderabad, Sindh"


@pytest.mark.parametrize(
    "text", ["05.2022 – prezent", "2019 - până în prezent", "2020 – în prezent", "2021 – jelenleg"]
)
def test_present_markers(text):
    m = DATE_RANGE_RE.search(text)
    assert m and m.end() == len(text)


def test_romanian_current_role():
    p = _resume(
        "Ioana Marinescu",
        "ioana.m@example.ro",
        "Experiență profesională",
        "Analist financiar | Carpați Invest S.A.",
        "04.2016 – 09.2020",
        "Controller financiar | Delta Consult S.R.L.",
        "10.2020 – prezent",
    )
    assert (p.current_title, p.current_company) == ("Controller financiar", "Delta Consult S.R.L.")


def test_docx_nested_table_is_read():
    docx = pytest.importorskip("docx")
    from milobot.ingest.docx import _docx_text

    doc = docx.Document()
    outer = doc.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "CONTACT\nmarta.kowal@example.pl"
    right = outer.cell(0, 1)
    right.text = "Marta Kowal"
    right.add_paragraph("EXPERIENCE")
    inner = right.add_table(rows=2, cols=2)
    inner.cell(0, 0).text = "Warehouse Supervisor"
    inner.cell(0, 1).text = "Baltic Freight Ltd"
    inner.cell(1, 0).text = "Feb 2020 – Present"
    inner.cell(1, 1).text = "Gdańsk"
    buf = io.BytesIO()
    doc.save(buf)
    lines = _clean(_docx_text(docx.Document(io.BytesIO(buf.getvalue()))))
    assert "Baltic Freight Ltd" in lines
    p = parse_resume("\n".join(lines), "t.docx")
    assert (p.current_title, p.current_company) == ("Warehouse Supervisor", "Baltic Freight Ltd")


def test_small_caps_with_one_letter_runs_and_after_a_hyphen():
    """Chromium's small caps: a full-size capital, then the rest of the word in smaller capitals,
    which pypdf sets off with one space ("D R .  K WAME  A SANTE -B OATENG")."""
    pytest.importorskip("reportlab")
    from pypdf import PdfReader
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    from milobot.ingest import extract
    from milobot.ingest.pdftext import read_page

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    text, x = c.beginText(72, 750), 72.0
    runs = [
        ("D", 24),
        ("R", 16.5),
        (".  K", 24),
        ("WAME", 16.5),
        ("  A", 24),
        ("SANTE", 16.5),
        ("-B", 24),
        ("OATENG", 16.5),
    ]
    for run, size in runs:
        text.setFont("Times-Roman", size)
        text.setTextOrigin(x, 750)
        text.textOut(run)
        x += stringWidth(run, "Times-Roman", size) + 3
    c.drawText(text)
    c.setFont("Times-Roman", 10)
    c.drawString(72, 720, "kwame.ab@example.com")
    c.drawString(72, 700, "Research scientist working on crop genomics.")
    c.save()
    page = PdfReader(io.BytesIO(buf.getvalue())).pages[0]
    assert " ".join(read_page(page).text.split()).startswith("Dr. Kwame Asante-Boateng")
    (result,) = extract("sc.pdf", buf.getvalue())
    assert result.profiles[0].name == "Kwame Asante-Boateng"


@pytest.mark.parametrize(
    "line, loc",
    [
        ("Fremantle WA 6160", "Fremantle, WA"),
        ("Glenelg SA 5045", "Glenelg, SA"),
        ("Hobart TAS", "Hobart, TAS"),
    ],
)
def test_australian_city_state_without_comma(line, loc):
    assert find_location(["Mia Tran", f"0412 345 678 | mia.tran@example.com | {line}", "Profile"], 2) == loc


def test_headline_the_email_does_not_spell_yields_to_a_spelled_header_line():
    p = parse_resume(
        "Jomar Villanueva Reyes\nEmail: jomar.reyes@example.ph\nProfile\nCollections specialist.",
        "t.pdf",
        headline="Accounts Receivable Collections",
    )
    assert p.name == "Jomar Villanueva Reyes"


def test_sidebar_heading_run_onto_the_name():
    p = _resume("Helena Duarte Costa CONTACT", "helena.costa@example.pt", "SKILLS", "Excel")
    assert p.name == "Helena Duarte Costa"
