"""Round 14's mechanisms, each on made-up text or a made-up PDF (invented people, places and
employers)."""

from __future__ import annotations

from milobot.ingest.header_table import header_table_role

from .made_up_pdf import first_page_text, made_up_pdf, profile_of


def test_a_glyph_from_an_icon_font_is_a_mark_and_never_a_letter_before_the_place():
    # ZapfDingbats draws "H" as a star: an icon before the town, which must not read as "H Brackenfold".
    def draw(c):
        c.setFont("Helvetica-Bold", 20)
        c.drawString(72, 780, "Ilse Marrowby")
        line = c.beginText(72, 750)
        line.setFont("ZapfDingbats", 10)
        line.textOut("H")
        line.setFont("Helvetica", 10)
        line.textOut(" Brackenfold, Norway")
        c.drawText(line)

    text = first_page_text(made_up_pdf(draw))
    line = next(row for row in text.splitlines() if "Brackenfold" in row)
    assert line.split("Brackenfold")[0].strip() == "\ue000"  # a field mark, no letter


def test_a_job_table_whose_header_row_names_its_columns_gives_the_current_rows_fields():
    lines = [
        "From\tTo\tPosition\tEmployer\tCity",
        "03/2016\t08/2019\tCartographer\tDunmarrow Surveys\tTrelbeck",
        "09/2019\tpresent\tSurvey Lead\tQuillbrook Mapping Ltd\tOssenvale",
    ]
    assert header_table_role(lines) == ("Survey Lead", "Quillbrook Mapping Ltd")


def test_a_header_row_read_as_a_label_and_no_open_end_takes_the_latest_row():
    # The text layer read the header's first cell as a label ("Company: Role..."); no row says
    # "present": the row whose dates reach latest is the current job.
    lines = [
        "Company: Role\tStart\tEnd\tLocation",
        "Brindlecote Ferries\tDeck Officer\tMar 2022\tPellham",
        "Orrinvale Harbour Co\tDeckhand\tJan 2017\tFeb 2022\tPellham",
    ]
    assert header_table_role(lines) == ("Deck Officer", "Brindlecote Ferries")


def test_a_made_up_gridded_job_table_in_a_pdf():
    def draw(c):
        c.setFont("Helvetica-Bold", 20)
        c.drawString(72, 780, "Tamsin Orrelby")
        c.setFont("Helvetica", 10)
        c.drawString(72, 760, "tamsin.orrelby@example.org")
        c.setFont("Helvetica-Bold", 12)
        c.drawString(72, 720, "EXPERIENCE")
        rows = [
            ("From", "To", "Position", "Employer", "City"),
            ("05/2021", "present", "Tide Analyst", "Gorsemere Ports", "Velbury"),
            ("02/2015", "04/2021", "Clerk", "Harrowfen Docks", "Velbury"),
        ]
        table = c.beginText()  # one text object, as a spreadsheet's PDF export sets its grid
        table.setFont("Helvetica", 10)
        for k, row in enumerate(rows):
            for x, cell in zip((72, 142, 212, 322, 452), row, strict=True):
                table.setTextOrigin(x, 700 - 16 * k)
                table.textOut(cell)
        c.drawText(table)

    profile = profile_of(made_up_pdf(draw))
    assert (profile.current_title, profile.current_company) == ("Tide Analyst", "Gorsemere Ports")
