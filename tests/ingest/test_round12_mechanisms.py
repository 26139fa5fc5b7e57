"""General mechanisms found on round 12 of the template corpus (issue 14), each on made-up text or
a made-up PDF: invented people, employers and streets; only the countries and towns are real."""

from __future__ import annotations

import io

from pypdf import PdfReader

from milobot.ingest.pdftext import read_page

from .made_up_pdf import made_up_pdf, profile_of

# ---------------------------------------------------------------- a bold label before plain text


def _description_list(c, jobs) -> None:
    """A LaTeX description list's look: each entry's bold label (the employer) runs on into the
    plain "Title, Town" on the same line, the dates pushed to the right margin."""
    c.setFont("Helvetica-Bold", 20)
    c.drawString(60, 790, "Odalys Brennecke")
    c.setFont("Helvetica", 10)
    c.drawString(60, 770, "+49 151 2384 7710    odalys.brennecke@inkwell.example    Kassel, Germany")
    c.setFont("Helvetica-Bold", 12)
    c.drawString(60, 730, "Experience")
    y = 706
    for employer, title_town, dates in jobs:
        line = c.beginText(60, y)
        line.setFont("Helvetica-Bold", 10)
        line.textOut(employer)
        line.setFont("Helvetica", 10)
        line.textOut(" " + title_town)
        c.drawText(line)
        c.drawRightString(540, y, dates)
        c.drawString(72, y - 14, "• Kept the ledgers of four sites in one place")
        y -= 40


def test_a_bold_label_running_into_plain_text_is_a_field_of_its_own():
    jobs = [
        ("Quendlow Ledger Works GmbH", "Payroll Specialist, Göttingen", "(03/2021 – present)"),
        ("Fernhackle Mills AG", "Accounts Assistant, Fulda", "(09/2016 – 02/2021)"),
    ]
    data = made_up_pdf(lambda c: _description_list(c, jobs))
    text = read_page(PdfReader(io.BytesIO(data)).pages[0]).text
    assert "Quendlow Ledger Works GmbH\tPayroll Specialist, Göttingen" in text
    profile = profile_of(data)
    assert profile.current_company == "Quendlow Ledger Works GmbH"
    assert profile.current_title == "Payroll Specialist"


def test_a_bold_title_running_on_with_a_lower_case_word_stays_one_phrase():
    # "**Payroll Specialist** at Quendlow": the plain run goes on with a lower-case word, so the
    # weight change is emphasis inside one field, not a boundary between two.
    jobs = [
        ("Payroll Specialist", "at Quendlow Ledger Works GmbH", "03/2021 – present"),
        ("Accounts Assistant", "@ Fernhackle Mills AG", "09/2016 – 02/2021"),
    ]
    data = made_up_pdf(lambda c: _description_list(c, jobs))
    text = read_page(PdfReader(io.BytesIO(data)).pages[0]).text
    assert "Payroll Specialist at Quendlow" in text
    assert "Accounts Assistant @ Fernhackle" in text
