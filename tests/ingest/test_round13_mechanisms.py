"""General mechanisms found on round 13 of the template corpus (issue 14), each on made-up text or a
made-up PDF: invented people, employers and e-mail hosts; only the countries and towns are real."""

from __future__ import annotations

from milobot.ingest.contact import find_email
from milobot.ingest.events import feed_role
from milobot.ingest.parse import parse_resume
from milobot.ingest.pdflinks import PdfLink, reconcile_email

from .made_up_pdf import made_up_pdf, profile_of

# ---------------------------------------------------------------- a social handle is no address


def test_a_handle_after_a_word_is_never_an_address():
    # "by @someone. Built ...": the "@" glued to the handle, the "domain" the next sentence.
    assert find_email("Drawn by @pelmarsh. Printed by @drovewick with care.") is None
    # A typist's spaces around the "@" and the dots still make an address.
    assert find_email("ismene.korvath @ velqua . example") == "ismene.korvath@velqua.example"


def test_a_linked_address_beats_one_pieced_together_from_spaced_words():
    text = "Contact me\nDrawn by @pelmarsh. Printed by @drovewick."
    links = [PdfLink("mailto:ismene.korvath@velqua.example", "Contact me")]
    assert reconcile_email("by@pelmarsh.printed", text, links) == "ismene.korvath@velqua.example"
    # An address the text writes whole keeps its place.
    text = "ismene.korvath@velqua.example\nContact me"
    links = [PdfLink("mailto:press@stillbrae.example", "Contact me")]
    assert reconcile_email("ismene.korvath@velqua.example", text, links) == "ismene.korvath@velqua.example"


# ---------------------------------------------------------------- an activity feed ("Joined ...")


def test_the_newest_joined_event_of_a_feed_gives_title_and_employer():
    lines = [
        "Experience activity",
        "May 2016",
        "Joined Drovewick Ltd.",
        "Assay Chemist",
        "Ran the night shift's samples",
        "March 2022",
        "Joined Stillbrae Assay",
        "Geologist",  # no title word: the line under the event is the role by its place
        "Mapped the eastern lease",
        "June 2012",
        "Finished 1 degree at Abomey Polytechnic",
    ]
    assert feed_role(lines) == ("Geologist", "Stillbrae Assay")
    # No date alone above the event: not a feed.
    assert feed_role(["Joined Stillbrae Assay", "Geologist"]) == (None, None)


# ---------------------------------------------------------------- a town and its ISO code alone


def test_a_town_with_its_country_code_on_a_line_of_its_own_under_the_employer():
    text = "\n".join(
        [
            "Ismene Korvath",
            "Geologist",
            "Geologist with 9 years in mining. Known for careful maps.",
            "Stillbrae Assay Ltd.",
            "Ouidah, BJ",
            "Experience",
            "Geologist, Stillbrae Assay Ltd., 2022 – Present",
        ]
    )
    assert parse_resume(text).location == "Ouidah, BJ"
    # A two-letter legal form after a bare town is still the country ("CV" is Cabo Verde).
    assert parse_resume(text.replace("Ouidah, BJ", "Mindelo, CV")).location == "Mindelo, CV"


# ---------------------------------------------------------------- the whole profile page


def test_a_profile_page_with_a_feed_a_linked_address_and_a_handle_in_the_footer():
    def draw(c):
        c.setFont("Helvetica-Bold", 22)
        c.drawString(60, 790, "Ismene Korvath")
        c.setFont("Helvetica", 11)
        c.drawString(60, 772, "Geologist")
        c.drawString(400, 772, "Contact me")
        c.linkURL("mailto:ismene.korvath@velqua.example", (398, 768, 470, 784), relative=0)
        c.setFont("Helvetica", 9)
        c.drawString(60, 740, "Geologist with 9 years of experience in mining. Known for careful maps.")
        c.drawString(60, 726, "Stillbrae Assay Ltd.")
        c.drawString(60, 714, "Abomey, BJ")
        c.setFont("Helvetica-Bold", 12)
        c.drawString(60, 680, "Experience activity")
        c.setFont("Helvetica", 10)
        y = 660
        for when, employer, role in (
            ("March 2022", "Stillbrae Assay Ltd.", "Geologist"),
            ("May 2016", "Drovewick Ltd.", "Assay Chemist"),
        ):
            c.drawString(60, y, when)
            c.drawString(80, y - 18, f"Joined {employer}")
            c.drawString(90, y - 34, role)
            c.drawString(100, y - 48, "Mapped the eastern lease in two seasons")
            y -= 80
        c.setFont("Helvetica", 8)
        c.drawString(60, 80, "Drawn by @pelmarsh. Printed by @drovewick using Velqua.")

    profile = profile_of(made_up_pdf(draw))
    assert profile.email == "ismene.korvath@velqua.example"
    assert (profile.current_title, profile.current_company) == ("Geologist", "Stillbrae Assay Ltd.")
    assert profile.location == "Abomey, BJ"


# ---------------------------------------------------------------- groff's tight spacing, numbered headings


def test_a_comma_glued_to_the_town_still_parts_employer_and_town():
    from milobot.ingest.text import _clean

    assert _clean("Stillbrae Assay W.L.L.,Ouidah") == ["Stillbrae Assay W.L.L., Ouidah"]
    assert _clean("calm delivery,clear maps; 1,5 km") == ["calm delivery,clear maps; 1,5 km"]


def test_a_numbered_heading_is_a_heading_and_never_the_employer():
    from milobot.ingest.text import _heading_kind

    assert _heading_kind("2. Experience") == "experience"
    assert _heading_kind("3) Formation") == _heading_kind("Formation")
    assert _heading_kind("2. Stillbrae Assay") is None
    text = "\n".join(
        [
            "Ismene Korvath",
            "Geologist",
            "ismene.korvath@velqua.example",
            "1. Profile",
            "Geologist with 9 years in mining.",
            "2. Experience",
            "03/2022 – present\tStillbrae Assay Ltd.,Abomey",
            "Geologist",
            "Mapped the eastern lease in two seasons.",
            "05/2016 – 02/2022\tDrovewick Ltd,Ouidah",
            "Assay Chemist",
            "3. Education",
            "2010 – 2014\tBSc Geology, Abomey Polytechnic",
        ]
    )
    profile = parse_resume(text)
    assert (profile.current_title, profile.current_company) == ("Geologist", "Stillbrae Assay Ltd.")


# ---------------------------------------------------------------- phone numbers


def test_the_zero_a_plan_prints_before_national_numbers_stays_out_of_e164():
    from milobot.ingest.contact import normalize_phone

    # Gabon's national format of +241 7 11 25 38 is "07 11 25 38"; Italy's "06 …" keeps its 0.
    assert normalize_phone("07 11 25 38", "GA") == "+2417112538"
    assert normalize_phone("06 4821 9937", "IT") == "+390648219937"


def test_a_number_grouped_as_no_evidenced_plan_groups_it_reads_in_the_one_mobile_plan_that_does():
    # A five-digit postcode is evidence for France, where "222 518 307" is valid but not written
    # so (France writes "02 22 51 83 07"); one plan alone groups it so and calls it a mobile.
    text = "\n".join(
        [
            "Ismene Korvath",
            "Geologist",
            "Rua Pelmarsh 7, 40215 Mongomo",
            "222 518 307 · ismene.korvath@velqua.example",
            "Experience",
            "Geologist, Stillbrae Assay, 2022 – Present",
        ]
    )
    assert parse_resume(text).phone == "+240222518307"


# ---------------------------------------------------------------- a subheading inside an entry


def test_a_subheading_beside_the_employer_is_never_the_title():
    from milobot.ingest.roles import _names_a_field

    assert _names_a_field("Highlights") and _names_a_field("Summary:")
    assert not _names_a_field("Geologist")
    text = "\n".join(
        [
            "Ismene Korvath",
            "ismene.korvath@velqua.example",
            "EXPERIENCE",
            "Stillbrae Assay\tHighlights",
            "2022-03-01 - Present",
            "Geologist",
            "• Mapped the eastern lease in two seasons",
            "Drovewick Ltd\tHighlights",
            "2016-05-01 - 2022-02-28",
            "Assay Chemist",
            "• Ran the night shift's samples",
        ]
    )
    profile = parse_resume(text)
    assert (profile.current_title, profile.current_company) == ("Geologist", "Stillbrae Assay")


# ---------------------------------------------------------------- a letter apostrophe set apart


def test_an_okina_set_as_a_glyph_of_its_own_stays_in_the_name():
    from milobot.ingest.text import join_modifier_letters

    assert join_modifier_letters("Ismene Vaʻ ilupe") == "Ismene Vaʻilupe"
    assert join_modifier_letters("Ismene Va ʻ ilupe") == "Ismene Vaʻilupe"
    text = "Ismene Va ʻ ilupe\nGeologist\nismene.korvath@velqua.example\nExperience\nGeologist, Stillbrae Assay, 2022 – Present"
    assert parse_resume(text).name == "Ismene Vaʻilupe"


# ---------------------------------------------------------------- names joined by a lone "i" / "y"


def test_a_name_whose_surnames_a_lone_lower_case_letter_joins():
    from milobot.ingest.person import _looks_like_name

    assert _looks_like_name("Ismene Korvath i Velqua")
    assert _looks_like_name("Ismene Korvath y Velqua")
    assert not _looks_like_name("i Korvath Velqua")  # a name does not open with it
    text = "\n".join(
        [
            "Tarrago 5, Encamp\t/ ikorvathvelqua@stillbrae.example",
            "Ismene Korvath i Velqua",
            "Geologist",
            "PROFILE",
            "Geologist with 6 years of experience.",
            "EXPERIENCE",
            "2021 – present\tGeologist, Stillbrae Assay\tEncamp",
        ]
    )
    assert parse_resume(text, headline="Ismene Korvath i Velqua").name == "Ismene Korvath i Velqua"
    # Without the headline, the title over the section's heading is never joined to it as a name.
    assert parse_resume(text.replace("Ismene Korvath i Velqua\n", "")).name != "Geologist PROFILE"


# ---------------------------------------------------------------- a dotted legal form closes the name


def test_a_town_run_on_after_a_dotted_legal_form_is_not_the_employers():
    from milobot.ingest.roles import _tidy_company

    assert (
        _tidy_company("Stillbrae Assay Group K.S.C.C. Mubarak Al-Kabeer") == "Stillbrae Assay Group K.S.C.C."
    )
    assert _tidy_company("Stillbrae Assay K.S.C.C.") == "Stillbrae Assay K.S.C.C."
    assert _tidy_company("A.B.C. Tarrago") == "A.B.C. Tarrago"  # the first word: maybe the whole name


# ---------------------------------------------------------------- employer over the dates, title under


def test_the_line_over_the_next_entrys_dates_is_that_entrys_employer_not_this_ones_title():
    text = "\n".join(
        [
            "Ismene Korvath",
            "ismene.korvath@velqua.example",
            "EXPERIENCE",
            "Stillbrae Assay",
            "2022-03-01 - Present",
            "Geologist",  # no title word: only its place says it is the title
            "Drovewick Hollow Pelmarsh",
            "2016-05-01 - 2022-02-28",
            "Surveyor",
        ]
    )
    profile = parse_resume(text)
    assert (profile.current_title, profile.current_company) == ("Geologist", "Stillbrae Assay")
    from milobot.ingest.roles import _entry_pieces

    section = text.splitlines()[3:]
    assert _entry_pieces(section, 1, 0) == ["Stillbrae Assay", "Geologist"]
    # A table's header row read a cell a line ("Dates" / "Role" / "Employer") is no employer over
    # the dates: the employer stays the line under the title.
    table = "\n".join(
        [
            "Ismene Korvath",
            "ismene.korvath@velqua.example",
            "EXPERIENCE",
            "Dates",
            "Role",
            "Employer",
            "2022-03-01 - Present",
            "Geologist",
            "Stillbrae Assay Ltd, Abomey",
            "2016-05-01 - 2022-02-28",
            "Assay Chemist",
            "Drovewick Ltd, Ouidah",
        ]
    )
    assert parse_resume(table).current_company == "Stillbrae Assay Ltd"
