"""General mechanisms found on round 7 of the template corpus (issue 14), each on made-up text or
a made-up PDF: invented people, employers and streets; only the countries (and a town two
countries share, where that is the point) are real."""

from __future__ import annotations

from milobot.ingest.contact import _weakly_evidenced
from milobot.ingest.entry_shape import head_depth
from milobot.ingest.parse import parse_resume
from milobot.ingest.phone_evidence import only_mobile_plan

from .made_up_pdf import made_up_pdf, profile_of

# ---------------------------------------------------------------- e-mail


def test_an_address_cut_inside_its_top_level_domain_rejoins():
    # A narrow contact column wraps "…@fernpost.com.b" / "d": no top-level domain is one letter.
    text = (
        "CONTACT\n"
        "✉\n"
        "orvel.tamsin@fernpost.com.b\n"
        "d\n"
        "☎ +880 1712-409318\n"
        "Orvel Tamsin\n"
        "Site Engineer\n"
        "WORK HISTORY\n"
        "Site Engineer | Quarrowby Builders Ltd\t2021 – Present\n"
    )
    assert parse_resume(text).email == "orvel.tamsin@fernpost.com.bd"


def test_a_whole_address_keeps_the_word_under_it():
    text = "Orvel Tamsin\norvel.tamsin@fernpost.example\nskills\nWelding, rigging\n"
    assert parse_resume(text).email == "orvel.tamsin@fernpost.example"


def test_the_cut_address_in_a_made_up_pdf():
    def draw(c):
        c.setFont("Helvetica-Bold", 20)
        c.drawString(60, 790, "Orvel Tamsin")
        c.setFont("Helvetica", 10)
        c.drawString(60, 770, "Site Engineer")
        c.drawString(60, 750, "orvel.tamsin@fernpost.com.b")
        c.drawString(60, 738, "d")
        c.drawString(60, 722, "+880 1712-409318")
        c.setFont("Helvetica-Bold", 12)
        c.drawString(60, 690, "EXPERIENCE")
        c.setFont("Helvetica", 10)
        c.drawString(60, 672, "Site Engineer | Quarrowby Builders Ltd    2021 – Present")
        c.drawString(60, 656, "Poured the foundations of two river bridges.")

    assert profile_of(made_up_pdf(draw)).email == "orvel.tamsin@fernpost.com.bd"


# ---------------------------------------------------------------- phone


def test_the_separators_a_plan_writes_decide_between_plans_that_group_a_number_alike():
    # "6157-9868": five plans group it 4+4, one of them writes the hyphen (Panama's mobiles).
    assert only_mobile_plan("6157-9868") == "+50761579868"
    # With a space, nothing tells those plans apart.
    assert only_mobile_plan("6157 9868") is None


def test_a_number_with_its_plan_s_hyphen_and_no_country_in_the_text():
    text = (
        "CONTACT\n"
        "✉ ismena.dovral@quillfen.example\n"
        "☎ 6157-9868\n"
        "⌂ Bellacruz, Costa Baja\n"
        "Ismena Dovral\n"
        "Mine Surveyor\n"
        "WORK HISTORY\n"
        "Mine Surveyor | Tarvell Minerals Ltd\t2022 – Present\n"
    )
    assert parse_resume(text).phone == "+50761579868"


def test_a_plan_that_groups_the_number_as_written_before_a_town_of_the_same_name_elsewhere():
    # "984-1102815" is grouped as Nepal writes its mobiles; Bharatpur is a town in Nepal and in
    # India, whose geocoder names it, but India groups the number 98411 02815.
    lines = [
        "Tarsem Bhandel",
        "Bharatpur · 984-1102815 · tarsem.bhandel@postwren.example",
        "EXPERIENCE",
        "Grants Officer — Kelvara Trust (03.2020 – Present)",
    ]
    assert _weakly_evidenced("984-1102815", lines) == "+9779841102815"
    assert parse_resume("\n".join(lines)).phone == "+9779841102815"
    # Spaces alone are how many plans group: there the town still decides (see round 4's tests).
    assert only_mobile_plan("984 1102815", to_the_separator=True) is None


# ---------------------------------------------------------------- location


def test_a_place_s_label_further_on_in_a_form_s_row():
    # "Phone: …  Email: …  Address: Town, Georgia": no list takes "Georgia" for a country (it is
    # a state and a first name too); the label says it is the address.
    text = (
        "Nodar Kvirikashvel\n"
        "Phone: +995 555 41 82 07    Email: nodar.kvirik@postwren.example    Address: Tsqalveti, Georgia\n"
        "PROFILE\n"
        "Harbour engineer with nine years on container quays.\n"
        "WORK EXPERIENCE\n"
        "Orlavine Port Services\n"
        "Mar 2019 – Present\n"
        "Harbour Engineer\n"
    )
    assert parse_resume(text).location == "Tsqalveti, Georgia"


def test_a_city_label_in_a_job_s_row_is_the_job_s_place_not_the_person_s():
    text = (
        "Nodar Kvirikashvel\n"
        "nodar.kvirik@postwren.example · +995 555 41 82 07 · Tsqalveti, Georgia\n"
        "WORK EXPERIENCE\n"
        "Employer: Orlavine Port Services Ltd  City: Pervani  Since: 2019\n"
        "Harbour Engineer\n"
    )
    assert parse_resume(text).location != "Pervani"


# ---------------------------------------------------------------- job entries


def test_an_entry_head_that_ends_in_a_legal_form_s_abbreviation_is_no_sentence():
    # "Title at Employer Inc." over "dates, Town": three lower-case words and a full stop, but the
    # full stop is the legal form's.
    text = (
        "Ilvana Dorrest\n"
        "ilvana.dorrest@postwren.example | 6170-2230 | Quellmar, Panama\n"
        "Experience\n"
        "Ingeniera de suelos at Veltmark Importadora Inc.\n"
        "mar. 2024 – actualidad, Quellmar\n"
        "Cut month-end close from nine days to four\n"
        "Geotechnical Analyst at Brannoch Freight\n"
        "abr. 2020 – nov. 2023, Quellmar\n"
        "Logged three hundred boreholes\n"
    )
    profile = parse_resume(text)
    assert profile.current_title == "Ingeniera de suelos"
    assert profile.current_company == "Veltmark Importadora Inc."


_GRID = [
    "2022-09 – actualidad",
    "Montevasto",
    "Contadora general",
    "Quellmar Distribution Ltd",
    "Reduced cloud spend by 28% in one year",
    "Rolled out a new ordering process to 40 stores",
    "2020-06 – 2022-06",
    "Pellvara",
    "Analista de costos",
    "Brannoch Freight Ltd",
    "Built the reporting used by the executive team",
]


def test_every_entry_three_lines_deep_under_its_dates_sets_the_depth():
    assert head_depth(_GRID, [0, 6]) == 3
    # Entries that differ keep the usual two lines.
    assert head_depth(_GRID[:3] + _GRID[4:], [0, 5]) == 2
    assert head_depth(_GRID[:6], [0]) == 2


def test_a_date_and_place_column_read_before_the_title_and_employer_column():
    # A grid with the dates and the town in one column and the title and employer in the next,
    # read column by column: the employer is the third line under the dates, in every entry.
    text = (
        "Ilvana Dorrest\n"
        "Contadora general\n"
        "ilvana.dorrest@postwren.example\n"
        "+507 6165-4989\n"
        "EXPERIENCE\n" + "\n".join(_GRID) + "\nEDUCATION\n2016–2019 MSc Accounting\n"
    )
    profile = parse_resume(text)
    assert profile.current_title == "Contadora general"
    assert profile.current_company == "Quellmar Distribution Ltd"


def test_the_grid_in_a_made_up_pdf():
    def draw(c):
        c.setFont("Helvetica-Bold", 20)
        c.drawString(50, 790, "Ilvana Dorrest")
        c.setFont("Helvetica", 10)
        c.drawString(50, 772, "Contadora general")
        c.drawRightString(545, 790, "ilvana.dorrest@postwren.example")
        c.drawRightString(545, 776, "+507 6165-4989")
        c.setFont("Helvetica-Bold", 12)
        c.drawString(50, 740, "EXPERIENCE")
        y = 720
        for dates, town, title, employer in (
            ("2022-09 – actualidad", "Montevasto", "Contadora general", "Quellmar Distribution Ltd"),
            ("2020-06 – 2022-06", "Pellvara", "Analista de costos", "Brannoch Freight Ltd"),
        ):
            c.setFont("Helvetica", 9)
            c.drawString(50, y, dates)
            c.drawString(50, y - 12, town)
            c.setFont("Helvetica-Bold", 10)
            c.drawString(160, y, title)
            c.setFont("Helvetica", 10)
            c.drawString(160, y - 12, employer)
            c.drawString(170, y - 40, "Reduced cloud spend by 28% in one year")
            c.drawString(170, y - 52, "Rolled out a new ordering process to 40 stores")
            y -= 80

    profile = profile_of(made_up_pdf(draw))
    assert profile.current_title == "Contadora general"
    assert profile.current_company == "Quellmar Distribution Ltd"
