"""General mechanisms found on round 12 of the template corpus (issue 14), each on made-up text or
a made-up PDF: invented people, employers and streets; only the countries and towns are real."""

from __future__ import annotations

import io

from pypdf import PdfReader

from milobot.ingest.parse import parse_resume
from milobot.ingest.pdftext import _overstrike_offsets, _overstruck_accents, read_page

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


# ---------------------------------------------------------------- a word space set as character spacing


def _spaced_by_character_spacing(c, x: float, y: float, runs) -> None:
    """Text as Ghostscript rewrites a groff page: where two glyphs stand a word apart, one two-glyph
    string under a character spacing of a space's width ("(No)Tj 2.5 Tc (v2)Tj 0 Tc (023...)Tj")."""
    line = c.beginText(x, y)
    line.setFont("Times-Roman", 10)
    for chunk in runs:  # "|" marks the pair set a word apart
        line.setCharSpace(2.5 if chunk.startswith("|") else 0)
        line.textOut(chunk.lstrip("|"))
    line.setCharSpace(0)
    c.drawText(line)


def test_two_glyphs_a_word_apart_by_character_spacing_are_two_words():
    def draw(c):
        c.setFont("Times-Bold", 20)
        c.drawString(60, 790, "Teodric Vasselmann")
        c.setFont("Times-Roman", 10)
        c.drawString(60, 770, "+49 151 2384 7712    teodric.vasselmann@inkwell.example    Kassel, Germany")
        c.setFont("Times-Bold", 12)
        c.drawString(60, 730, "Experience")
        c.setFont("Times-Bold", 10)
        c.drawString(60, 706, "Quillhaven Tannery — Kassel")
        _spaced_by_character_spacing(c, 400, 706, ["No", "|v2", "023 – present"])
        _spaced_by_character_spacing(c, 60, 692, ["Ta", "|xC", "onsultant"])
        c.drawString(60, 660, "Brindlecote Leather — Fulda")
        c.drawString(400, 660, "Mar 2019 – Oct 2023")
        c.drawString(60, 646, "Tax Clerk")

    data = made_up_pdf(draw)
    text = read_page(PdfReader(io.BytesIO(data)).pages[0]).text
    assert "Nov 2023" in text and "Tax Consultant" in text
    profile = profile_of(data)
    assert profile.current_title == "Tax Consultant"
    assert profile.current_company == "Quillhaven Tannery"


def test_letter_spaced_type_is_not_read_as_words():
    def draw(c):
        line = c.beginText(60, 700)
        line.setFont("Times-Roman", 10)
        line.setCharSpace(3)
        line.textOut("SKILLS")
        c.drawText(line)

    assert read_page(PdfReader(io.BytesIO(made_up_pdf(draw))).pages[0]).text.strip() == "SKILLS"


# ---------------------------------------------------------------- an accent drawn over its letter


def test_an_accent_drawn_back_over_the_letter_before_it_makes_one_letter():
    # groff's way with a letter its font lacks: the letter, the pen moved back, the accent over it
    # on the same baseline, then on ("Č" in "Čadovec", "ŭ" at a word's end).
    import os

    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    # Bitstream Vera, shipped with reportlab, has the spacing caron the standard fonts' encoding lacks.
    pdfmetrics.registerFont(
        TTFont("VeraBd", os.path.join(os.path.dirname(reportlab.__file__), "fonts", "VeraBd.ttf"))
    )

    def draw(c):
        line = c.beginText(60, 790)
        line.setFont("VeraBd", 20)
        line.textOut("Mirela C")
        # The accent in an operator of its own, drawn back over the C, the rest of the name after it.
        width_c = c.stringWidth("C", "VeraBd", 20)
        line.setTextOrigin(60 + c.stringWidth("Mirela C", "VeraBd", 20) - 0.75 * width_c, 790)
        line.textOut("\u02c7")
        line.setCharSpace(0.75 * width_c - c.stringWidth("\u02c7", "VeraBd", 20))
        line.textOut("a")
        line.setCharSpace(0)
        line.textOut("dovec")
        c.drawText(line)
        c.setFont("Times-Roman", 10)
        c.drawString(60, 770, "+385 91 555 0142    mirela.cadovec@inkwell.example    Varaždin, Croatia")

    data = made_up_pdf(draw)
    text = read_page(PdfReader(io.BytesIO(data)).pages[0]).text
    assert "Mirela C\u030cadovec" in text
    assert profile_of(data).name == "Mirela Čadovec"


def test_an_accent_after_a_pen_move_back_inside_one_array_is_the_letter_s():
    # "[(Mahiliou) 444 (˘)]TJ": the pen goes back about half an em and the breve lands on the "u".
    assert _overstrike_offsets([b"Mahiliou", 444, b"\x95"], 1, 0, False) == [8]
    assert _overstruck_accents("Mahiliou\u02d8", {8}, False) == "Mahiliou\u0306"
    # A kern forward (a word gap) is no overstrike; an accent not at a marked start stays as drawn.
    assert _overstrike_offsets([b"Mahiliou", -250, b"x"], 1, 0, False) == []
    assert _overstruck_accents("Mahiliou\u02d8", {3}, False) == "Mahiliou\u02d8"


# ---------------------------------------------------------------- entries on made-up text


def test_a_long_entry_head_with_its_place_after_a_column_gap_is_no_sentence():
    # Twelve words on the line, but in two cells: the title and employer, and the town.
    text = (
        "Ilse Marrenbach\n"
        "Kassel, Germany · +49 151 2384 7713 · ilse.marrenbach@inkwell.example\n"
        "EXPERIENCE\n"
        "Monitoring and Evaluation Officer — Coldharbour Freight Haulage Ltd \tBad Wildungen\n"
        "Sep. 2023 - Present\n"
        "- Cut month-end close from nine days to four\n"
        "Data Analyst — Brindlecote Leather GmbH \tFulda\n"
        "Apr. 2020 - Aug. 2023\n"
        "- Mentored four junior colleagues\n"
    )
    profile = parse_resume(text)
    assert profile.current_title == "Monitoring and Evaluation Officer"
    assert profile.current_company == "Coldharbour Freight Haulage Ltd"


def test_a_title_cut_at_the_column_s_edge_runs_on_to_the_next_line():
    text = (
        "Ilse Marrenbach\n"
        "Kassel, Germany | +49 151 2384 7713 | ilse.marrenbach@inkwell.example\n"
        "Experience\n"
        "01.2021 – present\tCoppergill Aviation Services GmbH, Fulda — Monitoring and Evaluation\n"
        "Officer\n"
        "Reduced cloud spend by 28% in one year\n"
        "06.2019 – 10.2020\tBrindlecote Leather GmbH, Kassel — Data Analyst\n"
        "Built the reporting used by the executive team\n"
    )
    profile = parse_resume(text)
    assert profile.current_title == "Monitoring and Evaluation Officer"
    assert profile.current_company == "Coppergill Aviation Services GmbH"


# ---------------------------------------------------------------- a seven-digit number


def test_a_labelled_seven_digit_number_grouped_as_one_plan_alone_writes_it():
    # No country, town or code anywhere the plans know: "2 614 907" is grouped 1-3-3 by the
    # Seychelles' plan alone, which calls it a mobile.
    text = (
        "Marisol Quenneville\n"
        "Anse Tarragon\n"
        "Phone: 2 614 907\n"
        "Email: marisol.quenneville@inkwell.example\n"
        "Work Experience\n"
        "Tidewrack Boatyard\n"
        "Marine Surveyor\n"
        "2019 - Present\n"
    )
    assert parse_resume(text).phone == "+2482614907"
    # Grouped as several plans group it, it stays unread rather than guessed.
    assert parse_resume(text.replace("2 614 907", "261 4907")).phone is None
