"""General mechanisms for the contact fields found on round 5 of the template corpus (issue 14),
each on made-up text or a made-up PDF: invented people, employers, streets and towns; only the
countries are real."""

from __future__ import annotations

from milobot.ingest.parse import parse_resume
from milobot.ingest.pdflinks import PdfLink, reconcile_email
from tests.ingest.made_up_pdf import made_up_pdf as _pdf
from tests.ingest.made_up_pdf import profile_of as _profile


def _body(c, y: float = 600) -> None:
    c.setFont("Helvetica-Bold", 12)
    c.drawString(60, y, "Experience")
    c.setFont("Helvetica", 10)
    c.drawString(60, y - 18, "Kiln Operator, Brannick Stoneware    2018 - Present")
    c.drawString(60, y - 32, "Fired four kilns a week and kept the glaze records.")


def test_an_icon_glyph_in_another_size_is_not_the_first_letter_of_the_address():
    def draw(c):
        c.setFont("Helvetica-Bold", 22)
        c.drawString(60, 780, "Orsolya Venkatesh")
        # The icon class draws its envelope as one glyph ("l") in the body size, the address smaller.
        c.setFont("Helvetica", 11)
        c.drawString(60, 760, "l")
        c.setFont("Helvetica", 9.5)
        c.drawString(63, 760, "orsolya.v@tallowmere.example")
        c.drawString(60, 746, "+44 7700 900 512")
        _body(c)

    assert _profile(_pdf(draw)).email == "orsolya.v@tallowmere.example"


def test_a_mailto_link_drops_a_glyph_glued_before_the_address():
    links = [PdfLink("mailto:quint.arbel@fernwick.example", "")]
    found = "lquint.arbel@fernwick.example"
    assert reconcile_email(found, found, links) == "quint.arbel@fernwick.example"


def test_a_labelled_address_whose_street_fills_the_cell_continues_on_the_next_line():
    text = """Marisol Quenneville
Plant Chemist
Email\tmarisol.q@copperfen.example Phone\t+381 64 5512 904
Location  Ulica Brenwald 17
Vrelovac, Ostrinski okrug 34120,
RS
Experience
2020 – Present\tTessenly Coatings d.o.o.
"""
    assert parse_resume(text).location.startswith("Vrelovac")


def test_a_labelled_street_alone_still_does_not_read_the_next_field_as_the_city():
    text = """Marisol Quenneville
Location  Ulica Brenwald 17
Email\tmarisol.q@copperfen.example
Experience
"""
    assert parse_resume(text).location is None


def test_a_contact_row_wrapped_inside_its_address_cell_keeps_the_whole_town():
    text = """Tobiah Wrenfield
QUALITY ENGINEER
Tel. +352 621 448 190  |  tobiah.w@quillmere.example  |  Rue Ostvelle 8, 40312 Brenne-sur-
Varaise
Professional experience
Harrowmede S.à r.l. — Quality Engineer\tjanv. 2021 – nov. 2025
"""
    assert parse_resume(text).location.startswith("Brenne-sur-Varaise")


def test_a_town_pushed_whole_onto_the_next_line_after_the_postcode():
    text = """Tobiah Wrenfield
QUALITY ENGINEER
Tel. +359 88 410 2271  |  tobiah.w@quillmere.example  |  Ulitsa Brezna 41, 40190
Kostrevo
Professional experience
Harrowmede OOD — Quality Engineer\tMar 2021 – Present
"""
    assert parse_resume(text).location.startswith("Kostrevo")


def test_a_contact_row_ending_in_a_number_does_not_swallow_the_title_under_it():
    text = """Tobiah Wrenfield
Tel. +359 88 410 2271  |  tobiah.w@quillmere.example  |  Ulitsa Brezna 41, 40190
Quality Engineer
Experience
"""
    assert (parse_resume(text).location or "") != "Quality Engineer"


def test_a_contact_row_parted_by_dashes_names_the_town_with_its_region_in_brackets():
    text = """Ilvana Thorsk
Process Analyst — Brennmark (Ostvale Province) — +359 88 614 2093 — ilvana.t@mossgrave.example
• Cut the scrap rate by a third
Experience
Process Analyst
Quellbrook Polymers OOD, Ravenstow
"""
    assert parse_resume(text).location.startswith("Brennmark")


def test_a_bracketed_region_may_hold_an_abbreviation_and_an_apostrophe():
    text = """Ilvana Thorsk
Process Analyst — Saint Orrel (Canton d'Orrel-Vasse) — +352 621 448 190 — ilvana.t@mossgrave.example
Experience
"""
    assert parse_resume(text).location.startswith("Saint Orrel")
    text = text.replace("Canton d'Orrel-Vasse", "St. Mirren")
    assert parse_resume(text).location.startswith("Saint Orrel")


def test_a_name_in_upper_case_small_capitals_is_not_read_as_its_initials():
    def draw(c):
        # "RHONWEN TALLIS" in small caps: each word's first capital big, the rest a smaller run.
        line = c.beginText(60, 780)
        for size, text in ((18, "R"), (14.4, "HONWEN"), (18, " T"), (14.4, "ALLIS")):
            line.setFont("Helvetica", size)
            line.textOut(text)
        c.drawText(line)
        c.setFont("Helvetica", 10.5)
        c.drawString(60, 760, "Mobile +44 7700 900 733")
        c.drawString(60, 746, "rtallis@quarrymoss.example")
        _body(c)

    assert _profile(_pdf(draw)).name == "Rhonwen Tallis"


def test_a_region_that_elides_an_article_with_an_apostrophe_in_a_contact_row():
    text = """VESNA HALLORAN
Tour Operations Manager
Brenneval, Canton d'Orrel-sur-Vasse • +352 628 610 441 • vesna.h@mossgrave.example
Profile
"""
    assert parse_resume(text).location.startswith("Brenneval")


def test_the_second_reading_keeps_the_place_and_the_whole_address_the_first_one_read():
    from milobot.ingest.pdf import _keep_contact
    from milobot.ingest.types import Profile

    first = Profile(
        name="Ysolde Marrant", email="ysolde-marrant4@fenquill.example", location="Velmora, Ostria"
    )
    alt = Profile(name="Ysolde Marrant", email="marrant4@fenquill.example", current_title="Buyer")
    kept = _keep_contact(alt, first)
    assert (kept.email, kept.location, kept.current_title) == (
        "ysolde-marrant4@fenquill.example",
        "Velmora, Ostria",
        "Buyer",
    )
    # A glyph glued before the first reading's address is not a cut head.
    first = Profile(email="lmarrant4@fenquill.example")
    assert (
        _keep_contact(Profile(email="marrant4@fenquill.example"), first).email == "marrant4@fenquill.example"
    )
