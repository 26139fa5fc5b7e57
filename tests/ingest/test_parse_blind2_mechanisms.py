"""The general mechanisms behind the second blind round, on made-up text in none of the corpora."""

from __future__ import annotations

import io

import pytest

from milobot.ingest import extract
from milobot.ingest.parse import parse_resume


def _resume(*lines: str, headline: str | None = None):
    return parse_resume("\n".join(lines), "t.pdf", headline=headline)


def test_labels_set_above_their_values_and_referees_numbers_ignored():
    p = _resume(
        "CONTACT",
        "Phone",
        "+27 21 555 0199",
        "Email",
        "lindiwe.m@mail.test",
        "Address",
        "Durban, South Africa",
        "Lindiwe Mokoena",
        "EXPERIENCE",
        "Payroll Officer",
        "Umgeni Textiles | Durban",
        "2021 – present",
        "REFERENCES",
        "Mr. K. Naidoo, Finance Director",
        "Tel: 031 555 0123",
    )
    assert p.phone == "+27215550199"
    assert p.location == "Durban, South Africa"


def test_supervisor_number_is_not_the_candidates():
    p = _resume(
        "Corey Vance",
        "corey.v@mail.test",
        "EXPERIENCE",
        "Program Analyst, Dept. of Widgets, 2019 – Present",
        "Supervisor: Ann Hale, (503) 555-0142, may contact",
    )
    assert p.phone is None


def test_colon_on_its_own_line_joins_label_and_value():
    p = _resume("Ravi Kumar", "ravi@mail.test", "Current Location", ":", "Coimbatore, Tamil Nadu")
    assert p.location == "Coimbatore, Tamil Nadu"


@pytest.mark.parametrize(
    "headline,name",
    [
        ("KB Kofi Boakye-Darko", "Kofi Boakye-Darko"),
        ("AO ADA OBI", "Ada Obi"),
        ("Hana al-Masri", "Hana al-Masri"),
    ],
)
def test_initials_badge_and_particle_names(headline, name):
    assert _resume(headline, "x@mail.test", headline=headline).name == name


def test_long_name_with_particles_beats_a_place():
    p = _resume("Ubicación", "Oaxaca, Oaxaca", "Ana Lucía de los Santos Pérez", "ana@mail.test")
    assert p.name == "Ana Lucía de los Santos Pérez"


def test_street_address_becomes_city_and_country_from_the_phone():
    p = _resume(
        "Jonas Feld", "Adresse\tRosenweg 4, 04109 Leipzig", "Telefon\t+49 341 2233 445", "j@mail.test"
    )
    assert p.location == "Leipzig, Germany"


def test_current_location_label_and_native_country_names():
    assert _resume("Meera Iyer", "Current Location: Kochi, Kerala").location == "Kochi, Kerala"
    # Kept as printed (round 3): no translation of the country's name.
    assert _resume("Inés Vidal", "i@mail.test", "Dirección: Sevilla, España").location == "Sevilla, España"
    # The word "Dirección" opening a sentence is not an address label.
    p = _resume("Inés Vidal", "EXPERIENCIA", "Dirección de 4 tiendas con 60 empleados")
    assert p.location is None


@pytest.mark.parametrize("place", ["Denver, CO", "Calgary, AB"])
def test_region_codes_are_not_company_suffixes(place):
    assert _resume("Pat Lowe", f"555-0100 | pat@mail.test | {place}").location == place


def test_company_line_ending_in_city_and_state_drops_the_place():
    p = _resume(
        "Pat Lowe", "EXPERIENCE", "Field Technician\tMay 2020 to date", "Alder Rock Medical, Reno, NV"
    )
    assert (p.current_title, p.current_company) == ("Field Technician", "Alder Rock Medical")


def test_head_noun_makes_the_title_and_verb_led_bullets_are_never_companies():
    p = _resume(
        "Amani Juma",
        "EXPERIENCE",
        "Logistics Coordinator",
        "Pwani Freight | Kisumu",
        "Since 2022",
        "Coordinate cross-border shipments with clearing agents",
    )
    assert (p.current_title, p.current_company) == ("Logistics Coordinator", "Pwani Freight")
    p = _resume(
        "Ola Berg",
        "EXPERIENCE",
        "Site Engineer · Fjordbyg",
        "Mar 2021 – Present · Bergen",
        "Supervise delivery of concrete works on three sites",
    )
    assert (p.current_title, p.current_company) == ("Site Engineer", "Fjordbyg")


def test_open_range_before_a_separator_and_people_nouns():
    p = _resume("Tui Ngata", "EXPERIENCE", "HR Business Partner · Kauri Mutual", "2020– · Hamilton")
    assert (p.current_title, p.current_company) == ("HR Business Partner", "Kauri Mutual")


def test_wrapped_french_dates_and_feminine_titles():
    p = _resume(
        "Inès Morel",
        "EXPÉRIENCE PROFESSIONNELLE",
        "Mars 2020 – à ce",
        "jour",
        "Cheffe de produit — Lumina Optique (Nantes)",
        "2016 – 2020\tAssistante marketing — Bretagne Conserves (Rennes)",
    )
    assert (p.current_title, p.current_company) == ("Cheffe de produit", "Lumina Optique")


def _two_column_pdf() -> bytes:
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    c.setFont("Helvetica-Bold", 30)
    c.drawCentredString(306, 730, "Noor Haddad")
    c.setFont("Helvetica", 10)
    c.drawCentredString(306, 708, "noor.haddad@mail.test | +971 50 555 0142 | Dubai, UAE")
    # Left column (education, skills), drawn first, then the main column's right-aligned
    # places and dates, then the main column itself: the order that interleaves the two.
    y = 670
    for line in [
        "EDUCATION",
        "American University of",
        "Sharjah",
        "BSc Computer Science",
        "2016",
        "SKILLS",
        "Python",
        "Spark",
        "Airflow",
        "dbt",
    ]:
        c.drawString(40, y, line)
        y -= 13
    for y, text in [(657, "Dubai"), (644, "2021–"), (592, "Abu Dhabi"), (579, "2017 – 2021")]:
        c.drawRightString(572, y, text)
    y = 670
    for line in [
        "EXPERIENCE",
        "Dunecrest Analytics",
        "Data Engineer",
        "• Built streaming pipelines for 40 sources",
        "• Cut warehouse cost by a third",
        "Falcon Ledger",
        "Junior Analyst",
        "• Wrote the monthly reporting pack",
        "PROJECTS",
        "Open data tooling",
    ]:
        c.drawString(220, y, line)
        y -= 13 if line != "• Cut warehouse cost by a third" else 26
    c.showPage()
    c.save()
    return buf.getvalue()


def test_two_column_page_is_read_column_by_column():
    [result] = extract("noor.pdf", _two_column_pdf())
    p = result.profiles[0]
    assert p.name == "Noor Haddad"
    assert (p.current_title, p.current_company) == ("Data Engineer", "Dunecrest Analytics")
