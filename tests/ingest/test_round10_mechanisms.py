"""General mechanisms found on round 10 of the template corpus (issue 14), each on made-up text or a
made-up PDF: invented people, employers, streets and towns; only the countries are real."""

from __future__ import annotations

from milobot.ingest.parse import parse_resume

from .made_up_pdf import made_up_pdf, profile_of

# ---------------------------------------------------------------- a two-line address


def _located(*header: str) -> str | None:
    text = "\n".join(["Oriel Fanshawe", "Claims Adjuster", *header, "Experience", "Adjuster, Brindlecask"])
    return parse_resume(text).location


def test_the_town_after_the_street_and_its_region_on_the_next_line():
    # The part after the street is the town; the next line, "Region, Country", is where the town
    # lies, whatever the region's name (a province, a municipality named after the town).
    for street, region in (
        ("Via Brenlow 81, Tarrago", "Upper Vell Province, Vanuatu"),
        ("Quarrel Lane 12, 48101 Tarrago", "Tarrago Municipality, Montenegro"),
        ("ul. Sedgemoor 4, Tarrago", "Northern, Kyrgyzstan"),
    ):
        loc = _located(street, region, "+678 22 444", "oriel@fanshawe.example")
        assert loc is not None and loc.split(",")[0] == "Tarrago", (street, loc)
    # A mount's abbreviation opens a town's name, not a district's.
    loc = _located("Via Brenlow 81, Mt. Tarrago", "Upper Vell Province, Vanuatu", "oriel@fanshawe.example")
    assert loc is not None and loc.split(",")[0] == "Mt. Tarrago"


def test_a_district_marked_after_the_street_leaves_the_town_to_the_next_line():
    # "Brgy.", "Col.": an abbreviated designation names a part of the town, not the town.
    loc = _located("14 Kalaw St., Brgy. Malinis", "Tarrago City, Philippines", "oriel@fanshawe.example")
    assert loc == "Tarrago City, Philippines"
    loc = _located("Calle Orlen 9, Col. Verdemar", "Tarrago, Mexico", "oriel@fanshawe.example")
    assert loc == "Tarrago, Mexico"


# ---------------------------------------------------------------- a margin note level with the body


def _margin_note_pdf(canvas) -> None:
    # A contact block right-aligned in a wide left margin (LaTeX's \marginpar), the body beside it:
    # the town's line and the name in large type share a baseline, a narrow gap apart.
    canvas.setFont("Helvetica", 9)
    for y, text in (
        (768, "Quarrel Lane 12"),
        (757, "48101 Tarrago"),
        (746, "North Macedonia"),
        (731, "+389 72 600 118"),
        (720, "oriel.fanshawe@inkwell.example"),
    ):
        canvas.drawRightString(140, y, text)
    canvas.setFont("Helvetica", 10)
    for y, text in ((646, "2020–present"), (572, "2014–2020")):
        canvas.drawRightString(140, y, text)
    canvas.setFont("Helvetica-Bold", 24)
    canvas.drawString(156, 756.3, "Oriel Fanshawe")
    canvas.setFont("Helvetica", 12)
    canvas.drawString(156, 737, "Claims Adjuster")
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(156, 660, "Experience")
    canvas.setFont("Helvetica", 11)
    for y, text in (
        (635, "Brindlecask Mutual · Tarrago"),
        (622, "Claims Adjuster"),
        (600, "• Settled four hundred claims a year"),
        (559, "Marrowgate Insurance · Velmora"),
        (546, "Claims Handler"),
        (524, "• Cut the backlog by half"),
    ):
        canvas.drawString(156, y, text)


def test_a_margin_note_level_with_the_name_is_a_column_of_its_own():
    from io import BytesIO

    from pypdf import PdfReader

    from milobot.ingest.pdftext import read_page, rows_text

    page = PdfReader(BytesIO(made_up_pdf(_margin_note_pdf))).pages[0]
    rows = rows_text(read_page(page).pieces).splitlines()
    assert "48101 Tarrago\tOriel Fanshawe" in rows
    assert profile_of(made_up_pdf(_margin_note_pdf)).location.split(",")[0] == "Tarrago"


# ---------------------------------------------------------------- "Title at Employer, Town"


def test_the_town_after_an_employer_named_after_at_is_not_its_name():
    text = "\n".join(
        [
            "Oriel Fanshawe",
            "oriel@fanshawe.example",
            "Experiencia laboral",
            "abr. 2023 – actualidad Ingeniera de datos en Brakevik, Tarrago",
            "• Built the reporting used by the board",
            "jul. 2019 – feb. 2023 Analista en Quorrel Servicios Marítimos, Velmora",
            "• Cut the month-end close to four days",
        ]
    )
    profile = parse_resume(text)
    assert (profile.current_title, profile.current_company) == ("Ingeniera de datos", "Brakevik")
    # A legal form after the comma is the employer's own: it stays.
    text = text.replace("Brakevik, Tarrago", "Brakevik, Inc.")
    assert parse_resume(text).current_company == "Brakevik, Inc."


# ---------------------------------------------------------------- a column gap inside one operator


def test_a_wide_jump_cuts_after_the_glyphs_drawn_when_spaces_are_pen_moves():
    from milobot.ingest.pdftext import _split_wide_gaps

    # A TeX table row in a composite font ("Title, Employer LLC \\hfill Town"): one operator, two
    # runs of glyphs, the spaces never drawn. Its codes cannot say which one is the space, but the
    # count of glyphs can.
    text = ", Brakevik Data Works LLC Tarrago\n"
    head, town = ", Brakevik Data Works LLC", "Tarrago"
    runs = [(270.7, 676.3, len(head.replace(" ", "")), True), (float("inf"), 676.3, len(town), True)]
    assert _split_wide_gaps(text, runs, 676.3, 9.96) == ", Brakevik Data Works LLC\tTarrago\n"
    # Where the spaces are glyphs (chromium's way), the count includes them and the cut is the same.
    runs = [(270.7, 676.3, len(head), True), (float("inf"), 676.3, len(town), True)]
    assert _split_wide_gaps(text, runs, 676.3, 9.96) == ", Brakevik Data Works LLC\tTarrago\n"


# ---------------------------------------------------------------- the entries' shape over their words


def test_an_entry_whose_words_know_neither_part_is_read_like_its_neighbours():
    # "Title, Employer <TAB> Town" in every entry; the current one's title and employer are words no
    # list knows, and the town in a cell of its own must not become either.
    text = "\n".join(
        [
            "Oriel Fanshawe",
            "oriel@fanshawe.example",
            "Experience",
            "04/2023 – present\tLaboratory Technologist, Brakevik Mobile Money\tTarrago",
            "• Ran the sample intake for three clinics",
            "10/2018 – 02/2023\tData Engineer, Quorrel Port Services OJSC\tVelmora",
            "• Moved the reporting to a warehouse",
            "04/2014 – 06/2018\tGIS Analyst, Saltmarsh LLC\tVelmora",
            "• Mapped the grid for the regional utility",
        ]
    )
    profile = parse_resume(text)
    assert (profile.current_title, profile.current_company) == (
        "Laboratory Technologist",
        "Brakevik Mobile Money",
    )


def test_a_town_alone_beside_the_dates_under_a_title_and_employer_is_the_place():
    # "Title, Employer" / "Town · dates" in every entry, no town known to any list: the town is
    # the side line's, the employer the head's.
    text = "\n".join(
        [
            "Oriel Fanshawe",
            "oriel@fanshawe.example",
            "Experience",
            "Monitoring and Evaluation Officer, Brakevik",
            "Tarrago · Feb 2022 to May 2025",
            "Led a team of six across two sites",
            "Treasury Analyst, Quorrel Cold Chain",
            "Velmora Polje · Jul 2020 to Jan 2022",
            "Built the reporting used by the board",
            "Data Engineer, Saltmarsh Geospatial",
            "Orrin · Aug 2015 to May 2020",
            "Mentored four junior colleagues",
        ]
    )
    profile = parse_resume(text)
    assert (profile.current_title, profile.current_company) == (
        "Monitoring and Evaluation Officer",
        "Brakevik",
    )
    # The employer beside the dates, the title alone under it: the piece beside the dates stays
    # the employer.
    text = "\n".join(
        [
            "Oriel Fanshawe",
            "oriel@fanshawe.example",
            "Experience",
            "Brakevik\tSep 2020 — Dec 2025",
            "Warehouse Supervisor",
            "Highlights",
            "Led a team of six across two sites",
            "Quorrel\tJul 2017 — Jun 2020",
            "Payroll Administrator",
            "Highlights",
            "Built the reporting used by the board",
        ]
    )
    assert parse_resume(text).current_company == "Brakevik"
    # The title and the town across a column gap under the employer and the dates: the town is
    # set at the margin, not joined to the title as an employer is.
    text = text.replace("Warehouse Supervisor\n", "Warehouse Supervisor\tTarrago\n").replace(
        "Payroll Administrator\n", "Payroll Administrator\tVelmora\n"
    )
    assert parse_resume(text).current_company == "Brakevik"


def test_the_town_on_its_own_line_above_region_and_country():
    region = "Upper Vell Province, Vanuatu"
    # Under the name and the title, under the contact details, or after a postcode.
    for header in (
        ("Tarrago", region, "+678 22 444", "oriel@fanshawe.example"),
        ("+678 22 444", "oriel@fanshawe.example", "Tarrago", region),
        ("48101 Tarrago", region, "oriel@fanshawe.example"),
        ("Tarrago 48101", region, "oriel@fanshawe.example"),
    ):
        loc = _located(*header)
        assert loc is not None and loc.split(",")[0] == "Tarrago", (header, loc)
    # The title's line right under the name, above "Town, Country", is no town.
    assert _located("Tarrago, Vanuatu", "oriel@fanshawe.example") == "Tarrago, Vanuatu"
    text = "Oriel Fanshawe\nLaboratory Technologist\nTarrago, Vanuatu\noriel@fanshawe.example\nExperience\n"
    assert parse_resume(text).location == "Tarrago, Vanuatu"
    # A district marked as one stays off the town's place.
    assert _located("oriel@fanshawe.example", "Brgy. Malinis", "Tarrago City, Philippines").startswith(
        "Tarrago City"
    )


def test_town_and_region_with_the_country_wrapped_under_them():
    loc = _located("Tarrago, Upper Vell Province", "Vanuatu", "+678 22 444", "oriel@fanshawe.example")
    assert loc is not None and loc.split(",")[0] == "Tarrago"


def test_an_address_stacked_line_by_line_down_to_its_country():
    for header in (
        ("Tarrago", "Upper Vell Province", "Vanuatu", "oriel@fanshawe.example"),
        ("oriel@fanshawe.example", "+678 22 444", "Tarrago", "Vanuatu"),
        ("Tarrago", "Vanuatu", "oriel@fanshawe.example"),
    ):
        loc = _located(*header)
        assert loc is not None and loc.split(",")[0] == "Tarrago", (header, loc)
    # A country under the name and a title no list knows: the title is no town.
    text = "Oriel Fanshawe\nLaboratory Technologist\nVanuatu\noriel@fanshawe.example\nExperience\n"
    assert parse_resume(text).location == "Vanuatu"


def test_a_row_from_the_street_through_the_town_to_the_country():
    loc = _located("Via Brenlow 81 | Tarrago | Upper Vell Province | Vanuatu", "oriel@fanshawe.example")
    assert loc == "Tarrago, Upper Vell Province"
    assert _located("Via Brenlow 81 · Tarrago · Vanuatu · oriel@fanshawe.example") == "Tarrago"
    # No street before them: a name before the country may be anything (a title, a team).
    assert _located("Adjusting Team | Vanuatu | oriel@fanshawe.example") == "Vanuatu"


def test_the_name_read_into_the_contact_line_beside_it_is_no_part_of_the_place():
    # The margin's line and the name level with it, in type too alike in size to tell apart.
    text = "\n".join(
        [
            "Quarrel Lane 12",
            "48101 Tarrago Oriel Fanshawe",
            "North Macedonia",
            "Claims Adjuster",
            "+389 72 600 118",
            "oriel.fanshawe@inkwell.example",
            "Experience",
            "2020–present",
            "Brindlecask Mutual · Tarrago",
            "Claims Adjuster",
        ]
    )
    profile = parse_resume(text, headline="Oriel Fanshawe")
    assert profile.name == "Oriel Fanshawe"
    assert profile.location.split(",")[0] == "Tarrago"


def test_a_town_alone_beside_the_dates_under_title_and_employer_lines():
    # "Title" / "Employer" / "Town · dates": the head above, the side line last.
    entries = (
        ("Monitoring Officer", "Brakevik", "Tarrago", "Feb 2022 to May 2025"),
        ("Treasury Analyst", "Quorrel Cold Chain", "Velmora", "Jul 2020 to Jan 2022"),
        ("Data Engineer", "Saltmarsh", "Orrin", "Aug 2015 to May 2020"),
    )
    lines = ["Oriel Fanshawe", "oriel@fanshawe.example", "Experience"]
    for title, employer, town, dates in entries:
        lines += [title, employer, f"{town} · {dates}", "Led a team of six across two sites"]
    profile = parse_resume("\n".join(lines))
    assert (profile.current_title, profile.current_company) == ("Monitoring Officer", "Brakevik")
