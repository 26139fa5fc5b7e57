"""General mechanisms for the contact fields and the name found on round 8 of the template corpus
(issue 14), each on made-up text or a made-up DOCX/PDF: invented people, employers, streets and
towns; only the countries are real."""

from __future__ import annotations

from docx import Document
from docx.shared import Pt

from milobot.ingest.parse import parse_resume

from .made_up_pdf import docx_profile_of, made_up_pdf, profile_of

# ---------------------------------------------------------------- DOCX page header and footer


def _body(document) -> None:
    document.add_paragraph("Harbour Pilot")
    document.add_paragraph("Experience")
    document.add_paragraph("Kessary Tug Lines | Orlavik\tMar 2019 – now")
    document.add_paragraph("Harbour Pilot")
    document.add_paragraph("Brought forty tankers a month through the narrows.")


def test_the_contact_line_in_the_page_footer_is_read():
    # The name alone in the page header, the address, number and e-mail in the page footer.
    document = Document()
    section = document.sections[0]
    section.header.paragraphs[0].add_run("Teodora Vasquelle").font.size = Pt(18)
    section.footer.paragraphs[
        0
    ].text = (
        "Strada Morii 14, 207145 Brastevo, Romania  •  +40 722 418 306  •  teodora.vasquelle@quaymail.example"
    )
    _body(document)
    profile = docx_profile_of(document)
    assert profile.name == "Teodora Vasquelle"
    assert profile.email == "teodora.vasquelle@quaymail.example"
    assert profile.phone == "+40722418306"
    assert profile.location.startswith("Brastevo")


def test_a_first_page_footer_is_read_and_a_variant_word_hides_is_not():
    # Page one's own footer holds the contact line; the even-page footer is defined, but the
    # document does not switch even-page footers on, so Word never shows it.
    document = Document()
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].add_run("Teodora Vasquelle").font.size = Pt(18)
    section.first_page_footer.paragraphs[0].text = "+40 722 418 306 · teodora.vasquelle@quaymail.example"
    section.even_page_footer.paragraphs[0].text = "orvel.tamsin@fernpost.example"
    _body(document)
    profile = docx_profile_of(document)
    assert profile.name == "Teodora Vasquelle"
    assert profile.email == "teodora.vasquelle@quaymail.example"
    assert profile.phone == "+40722418306"


def test_a_text_box_in_the_page_footer_is_read():
    # Word floats the footer's contact line in a text box (a VML shape here, as older Word writes it).
    from docx.oxml import parse_xml

    document = Document()
    section = document.sections[0]
    section.header.paragraphs[0].add_run("Teodora Vasquelle").font.size = Pt(18)
    box = parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
        "<w:p><w:r><w:t>teodora.vasquelle@quaymail.example · +40 722 418 306</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    section.footer.paragraphs[0]._p.append(box)
    _body(document)
    profile = docx_profile_of(document)
    assert profile.email == "teodora.vasquelle@quaymail.example"
    assert profile.phone == "+40722418306"


def test_a_later_section_with_its_own_footer_is_read_too():
    from docx.enum.section import WD_SECTION

    document = Document()
    document.sections[0].header.paragraphs[0].add_run("Teodora Vasquelle").font.size = Pt(18)
    _body(document)
    later = document.add_section(WD_SECTION.NEW_PAGE)
    later.footer.is_linked_to_previous = False
    later.footer.paragraphs[0].text = "teodora.vasquelle@quaymail.example · +40 722 418 306"
    document.add_paragraph("Skills")
    document.add_paragraph("Pilotage, radar plotting")
    profile = docx_profile_of(document)
    assert profile.email == "teodora.vasquelle@quaymail.example"
    assert profile.phone == "+40722418306"


# ---------------------------------------------------------------- location


def test_a_region_in_brackets_after_the_city_is_read_as_a_comma_would_be():
    # "Street 12, Postcode City (Region)": the bracket holds the region, as a comma would.
    text = (
        "Teodora Vasquelle\n"
        "Harbour Pilot\n"
        "Strada Morii 14, 207145 Brastevo Vechi (Tarnelia)\n"
        "Tel. +40 722 418 306 – teodora.vasquelle@quaymail.example\n"
        "Experience\n"
        "Kessary Tug Lines – Harbour Pilot\n"
        "03/2019 to now, Orlavik\n"
    )
    assert parse_resume(text).location == "Brastevo Vechi, Tarnelia"


# ---------------------------------------------------------------- name


def _name_and_title_in_one_line(c, runs: list[tuple[float, str]]) -> None:
    c.setFont("Helvetica", 26)
    for x, run in runs:
        c.drawString(x, 790, run)
    c.setFont("Helvetica", 10)
    c.drawString(60, 770, "teodora.vasquelle@quaymail.example   +40 722 418 306")
    c.drawString(60, 740, "Harbour Pilot with 12 years of experience on the lower river.")
    c.setFont("Helvetica-Bold", 12)
    c.drawString(60, 710, "EMPLOYMENT")
    c.setFont("Helvetica", 10)
    c.drawString(60, 692, "Harbour Pilot, Kessary Tug Lines    2019-03 — Present")
    c.drawString(60, 676, "Deck Officer, Orlavik Ferries    2012-05 — 2019-02")


def test_the_name_and_the_title_in_one_line_of_one_type_part_where_the_address_stops_spelling():
    # "TEODORA VASQUELLE HARBOUR PILOT" in one size and font (only the colour told them apart):
    # the words the e-mail address spells are the name, the rest the title the summary repeats.
    pdf = made_up_pdf(
        lambda c: _name_and_title_in_one_line(
            c, [(60, "TEODORA "), (190, "VASQUELLE"), (345, " HARBOUR PILOT")]
        )
    )
    assert profile_of(pdf).name == "Teodora Vasquelle"


def test_a_title_run_glued_to_the_surname_is_cut_where_the_address_stops_spelling():
    # The text layer lost the gap between the two runs: "VASQUELLEHARBOUR PILOT".
    pdf = made_up_pdf(
        lambda c: _name_and_title_in_one_line(
            c, [(60, "TEODORA "), (190, "VASQUELLE"), (338, "HARBOUR PILOT")]
        )
    )
    assert profile_of(pdf).name == "Teodora Vasquelle"


def test_a_third_name_the_address_does_not_spell_stays_when_no_line_repeats_it():
    from milobot.ingest.person import _name_before_title

    lines = ["TEODORA VASQUELLE MARIN", "Harbour Pilot with 12 years of experience"]
    assert _name_before_title("TEODORA VASQUELLE MARIN", "teodora.vasquelle.@", lines) == []
    # Set on two lines ("Teodora Vasquelle" / "Marin"), the third name's own line is no repeated title.
    lines = ["Teodora Vasquelle", "Marin", "Harbour Pilot"]
    assert _name_before_title("Teodora Vasquelle Marin", "teodora.vasquelle.@", lines) == []


def test_a_name_with_a_particle_no_list_knows_is_read_where_the_address_spells_it_whole():
    # The largest type, on two lines beside the contact block: "Ilka" / "Brenvik á Stovu".
    def draw(c):
        c.setFont("Helvetica-Bold", 30)
        c.drawString(60, 780, "Ilka")
        c.drawString(60, 748, "Brenvik á Stovu")
        c.setFont("Helvetica", 9)
        c.drawString(400, 790, "Fjarðarvegur 12")
        c.drawString(400, 778, "470 Nesvík")
        c.drawString(400, 752, "ilkabrenvikastovu@quaymail.example")
        c.setFont("Helvetica-Bold", 11)
        c.drawString(60, 700, "Experience")
        c.setFont("Helvetica", 10)
        c.drawString(60, 684, "Kessary Tug Lines, Orlavik    2019 – Present")
        c.drawString(60, 670, "Harbour Pilot")

    assert profile_of(made_up_pdf(draw)).name == "Ilka Brenvik á Stovu"


def test_a_name_set_in_capitals_takes_the_spelling_the_page_prints_in_mixed_case():
    # A style sheet's capitals turn "Vəfalı" into "VƏFALI"; re-cased it would read "Vəfali".
    # The navigation bar prints the name as written: the dotless ı survives.
    text = (
        "Aysel Vəfalı\n"
        "AYSEL VƏFALI\n"
        "CALLE ORLAVIK 12 · QUBADLI 4100\n"
        "+994 40 811 27 35 · AYSEL.VEFALI@QUAYMAIL.EXAMPLE\n"
        "EXPERIENCE\n"
        "HARBOUR PILOT\n"
        "KESSARY TUG LINES\t2019 – PRESENT\n"
    )
    assert parse_resume(text, headline="AYSEL VƏFALI").name == "Aysel Vəfalı"


def test_a_name_found_in_mixed_case_keeps_its_own_spelling():
    from milobot.ingest.person import _as_printed_in_mixed_case

    # The name as found is printed so on the page: that spelling stands.
    assert _as_printed_in_mixed_case("Ana de Lima", ["Ana de Lima", "Ana De Lima"]) == "Ana de Lima"
    assert _as_printed_in_mixed_case("Ana Lima", ["Ana LIMA"]) == "Ana Lima"
    assert _as_printed_in_mixed_case("Ana Lima", ["Banana Limassol"]) == "Ana Lima"


# ---------------------------------------------------------------- phone


def test_a_number_a_narrow_contact_row_wrapped_onto_the_next_line_is_joined():
    # "… · +374 77" / "418206 · e-mail": neither half is a number alone.
    text = (
        "TEODORA VASQUELLE\n"
        "STRADA MORII 14 · BRASTEVO, TARNELIA 207145 · +374 77\n"
        "418206 · TEODORA.VASQUELLE@QUAYMAIL.EXAMPLE\n"
        "EXPERIENCE\n"
        "HARBOUR PILOT\n"
        "KESSARY TUG LINES\t2019 – PRESENT\n"
    )
    assert parse_resume(text).phone == "+37477418206"


def test_a_national_number_wrapped_at_its_hyphen_is_joined_without_a_gap():
    from milobot.ingest.contact import _wrapped_number

    assert _wrapped_number(
        "STRADA MORII 14 · BRASTEVO 207145 · 010-5521-", "0894 · T.V@QUAYMAIL.EXAMPLE"
    ) == ["010-5521-0894"]
    # A line that ends in words, or a next line that opens with words, joins nothing.
    assert _wrapped_number("Brastevo, Tarnelia", "0894 · t.v@quaymail.example") == []
    assert _wrapped_number("· +374 77", "Harbour Pilot") == []


def test_a_six_digit_number_is_read_in_a_small_plan_the_document_names():
    # The Faroes number six digits, no trunk prefix: "31 42 57" beside the address in Føroyar.
    text = (
        "Ilka Brenvik\n"
        "Harbour Pilot\n"
        "Fjarðarvegur 12, 470 Nesvík, Faroe Islands\n"
        "31 42 57 | ilka.brenvik@quaymail.example\n"
        "Experience\n"
        "Kessary Tug Lines\tOrlavik\n"
        "Harbour Pilot\t2019 – Present\n"
    )
    assert parse_resume(text).phone == "+298314257"


def test_six_digits_without_a_plan_the_document_names_are_no_number():
    text = (
        "Ilka Brenvik\n"
        "Harbour Pilot\n"
        "31 42 57 | ilka.brenvik@quaymail.example\n"
        "Experience\n"
        "Kessary Tug Lines\tOrlavik\n"
    )
    assert parse_resume(text).phone is None
