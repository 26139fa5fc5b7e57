"""Link annotations as evidence (issue 14, class 1 and 4): made-up people in made-up PDFs."""

from __future__ import annotations

from tests.ingest.made_up_pdf import made_up_pdf as _pdf
from tests.ingest.made_up_pdf import profile_of as _profile


def _body(c, y: float = 600) -> None:
    c.setFont("Helvetica-Bold", 12)
    c.drawString(60, y, "Experience")
    c.setFont("Helvetica", 10)
    c.drawString(60, y - 18, "Warehouse Supervisor, Quorrel Depot Services    2019 - Present")
    c.drawString(60, y - 32, "Ran the night shift of fourteen pickers and two forklift drivers.")


def test_an_email_shown_only_as_a_word_comes_from_its_mailto_link():
    def draw(c):
        c.setFont("Helvetica-Bold", 24)
        c.drawString(60, 780, "Tamsin Okereke-Vale")
        c.setFont("Helvetica", 10)
        c.drawString(60, 755, "Email")
        c.linkURL("mailto:tamsin.ov@parcelwren.example.org", (58, 750, 90, 766), relative=0)
        c.drawString(110, 755, "Phone")
        c.linkURL("tel:+447700900461", (108, 750, 140, 766), relative=0)
        c.drawString(160, 755, "LinkedIn")
        c.linkURL("https://www.linkedin.com/in/tamsin-ov", (158, 750, 200, 766), relative=0)
        _body(c)

    p = _profile(_pdf(draw))
    assert p.email == "tamsin.ov@parcelwren.example.org"
    assert p.phone == "+447700900461"
    assert "https://www.linkedin.com/in/tamsin-ov" in p.links


def test_an_address_broken_in_the_text_is_taken_whole_from_its_link():
    def draw(c):
        c.setFont("Helvetica-Bold", 24)
        c.drawString(60, 780, "Oriel Banerji")
        c.setFont("Helvetica", 10)
        # A narrow column: the domain breaks onto the next line.
        c.drawString(60, 755, "oriel.banerji@fernquill.exa")
        c.drawString(60, 743, "mple")
        c.linkURL("mailto:oriel.banerji@fernquill.example", (58, 740, 200, 766), relative=0)
        c.drawString(60, 728, "+44 7700 900 318")
        _body(c)

    assert _profile(_pdf(draw)).email == "oriel.banerji@fernquill.example"


def test_a_local_part_cut_at_its_hyphen_is_taken_whole_from_its_link():
    def draw(c):
        c.setFont("Helvetica-Bold", 24)
        c.drawString(60, 780, "Wendel Ashcombe")
        c.setFont("Helvetica", 10)
        c.drawString(60, 755, "wendel-")
        c.drawString(60, 743, "ashcombe7@brindlepost.example")
        c.linkURL("mailto:wendel-ashcombe7@brindlepost.example", (58, 740, 220, 766), relative=0)
        _body(c)

    assert _profile(_pdf(draw)).email == "wendel-ashcombe7@brindlepost.example"


def test_the_text_address_wins_over_an_unrelated_link():
    def draw(c):
        c.setFont("Helvetica-Bold", 24)
        c.drawString(60, 780, "Pilar Eskildsen")
        c.setFont("Helvetica", 10)
        c.drawString(60, 755, "pilar.eskildsen@moorhenmail.example")
        c.drawString(60, 100, "Template by a studio")
        c.linkURL("mailto:hello@studio.example", (58, 95, 200, 110), relative=0)
        _body(c)

    assert _profile(_pdf(draw)).email == "pilar.eskildsen@moorhenmail.example"


def test_a_heading_in_the_margin_beside_an_entry_in_another_size_stays_apart():
    def draw(c):
        c.setFont("Helvetica-Bold", 24)
        c.drawString(150, 780, "Ines Falkenrath")
        c.setFont("Helvetica", 10)
        c.drawString(150, 760, "ines.falkenrath@dunmail.example")
        c.setFont("Helvetica", 16)
        c.drawString(60, 700, "Work")
        c.setFont("Helvetica-Bold", 12)
        c.drawString(110, 700, "Warehouse Manager")
        c.setFont("Helvetica", 10)
        c.drawString(110, 686, "Quorrel Depot Services")
        c.drawString(110, 672, "Mar 2020 – Present")

    p = _profile(_pdf(draw))
    assert (p.current_title, p.current_company) == ("Warehouse Manager", "Quorrel Depot Services")


def test_dates_drawn_apart_from_their_entries_are_read_back_in_rows():
    """A template that draws every entry, then every date (a separate column in the content
    stream): plain order loses which date belongs to which entry; rows rebuilt from the glyph
    positions (the second pass) put them back side by side."""

    def draw(c):
        c.setFont("Helvetica-Bold", 24)
        c.drawString(60, 780, "Ottilie Brandvold")
        c.setFont("Helvetica", 10)
        c.drawString(60, 760, "ottilie.b@saltmere.example · +47 412 55 301")
        c.setFont("Helvetica-Bold", 13)
        c.drawString(60, 720, "Experience")
        c.setFont("Helvetica", 10)
        entries = [("Kystline Ferjer", "Deck Officer"), ("Havbris Rederi", "Able Seaman")]
        for k, (company, title) in enumerate(entries):
            c.drawString(60, 700 - 40 * k, f"{title}, {company}")
        for k, span in enumerate(("Mar 2021 – Present", "Jun 2016 – Feb 2021")):
            c.drawRightString(540, 700 - 40 * k, span)

    p = _profile(_pdf(draw))
    assert (p.current_title, p.current_company) == ("Deck Officer", "Kystline Ferjer")
