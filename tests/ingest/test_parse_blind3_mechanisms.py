"""The general mechanisms behind the third blind round, on made-up text in none of the corpora."""

from __future__ import annotations

import pytest

from milobot.ingest.events import event_role, prose_role
from milobot.ingest.parse import parse_resume


def _resume(*lines: str):
    return parse_resume("\n".join(lines), "t.pdf")


def test_europass_day_month_year_ranges_and_address_columns():
    p = _resume(
        "Tomas Varga",
        "Phone number: (+36) 30 123 4567 (Mobile) Email",
        "Address: tomas.varga@mail.test",
        "Home: Fő utca 3, 1011 Budapest (Hungary)",
        "WORK EXPERIENCE",
        "01/04/2022 – CURRENT Budapest, Hungary",
        "LOGISTICS COORDINATOR",
        "Danube Freight Kft.",
        "Planned inbound container flows.",
    )
    assert p.location == "Budapest, Hungary"
    assert p.phone == "+36301234567"
    assert (p.current_title, p.current_company) == ("LOGISTICS COORDINATOR", "Danube Freight Kft.")


@pytest.mark.parametrize("heading", ["Internships & Experience", "Teaching Employment", "Career at a glance"])
def test_loose_work_headings(heading):
    p = _resume(
        "Nora Quist",
        "nora@mail.test",
        "EDUCATION",
        "Lakeside University\t2026",
        heading,
        "Pinecrest Studio\tPortland, OR",
        "Design Intern\tJun 2025 – Present",
    )
    assert (p.current_title, p.current_company) == ("Design Intern", "Pinecrest Studio")


def test_foreign_month_abbreviations_are_not_employers():
    p = _resume("Kees Bos", "Werkervaring", "okt 2021 – heden Teamleider", "Havenzicht Logistiek, Delft")
    assert (p.current_title, p.current_company) == ("Teamleider", "Havenzicht Logistiek")


def test_sentences_and_counts_are_never_roles():
    p = _resume(
        "Ola Berg",
        "DOŚWIADCZENIE ZAWODOWE",
        "od 2020",
        "Księgowa, Biuro Podatkowe Warta, Poznań",
        "Obsługa księgowa 30 klientów z sektora MŚP.",
    )
    assert (p.current_title, p.current_company) == ("Księgowa", "Biuro Podatkowe Warta")


def test_title_and_employer_after_the_dates_and_compound_titles():
    p = _resume("Rui Dias", "EXPERIÊNCIA PROFISSIONAL", "desde 2020 · Enfermeiro · Clínica do Mar (Faro)")
    assert (p.current_title, p.current_company) == ("Enfermeiro", "Clínica do Mar")
    p = _resume("Lotte Kok", "WERKERVARING", "2019 – heden", "Beleidsadviseur", "Gemeente Zwolle, Zwolle")
    assert (p.current_title, p.current_company) == ("Beleidsadviseur", "Gemeente Zwolle")


def test_a_place_after_a_legal_or_sector_word_is_not_the_employer():
    p = _resume("Ciara Walsh", "Experience", "Process Engineer, Lough Foods Ltd, Macroom, Co. Cork", "2020 —")
    assert (p.current_title, p.current_company) == ("Process Engineer", "Lough Foods Ltd")


@pytest.mark.parametrize(
    "line, where, phone",
    [
        ("0821 555 0101 | Pretoria, Gauteng", "Pretoria, Gauteng", "+27821555010"),
        ("0918 555 0199 / Davao City, Davao", "Davao City, Davao", None),
    ],
)
def test_province_names_place_the_person_and_pick_the_numbering_plan(line, where, phone):
    p = _resume("Sipho Ndlovu", line, "s@mail.test")
    assert p.location == where
    if phone:
        assert p.phone.startswith("+27")


def test_postcodes_cut_and_countries_kept_as_printed():
    p = _resume(
        "Emma Hart", "Address: 9 Mill Road, Sheffield, South Yorkshire S10 2TN", "Telephone\t0114 496 0123"
    )
    assert p.location == "Sheffield, South Yorkshire"
    assert p.phone == "+441144960123"
    assert _resume("Jan Kowal", "j@mail.test", "Gdańsk, Polska").location == "Gdańsk, Polska"
    assert (
        _resume("Aiko Mori", "Current address 1-2-3 Umeda, Kita-ku, Osaka 530-0001, Japan").location
        == "Osaka, Japan"
    )


def test_street_only_address_label_falls_back_to_the_header():
    p = _resume("Bram Smit", "Leiden, Nederland · 06-87654321", "Adres\tBreestraat 12", "b@mail.test")
    assert p.location == "Leiden, Nederland"
    assert p.phone == "+31687654321"


def test_event_grid_roles():
    rows = [
        "2014\t4 Entered Minato Technical High School",
        "2016\t4 Joined Hikari Foods Co., Ltd. — Line Supervisor",
        "2019\t3 Resigned",
        "2019\t4 Joined Aozora Robotics K.K. — Field Engineer, Service Division",
        "2023\t10 Promoted to Senior Field Engineer",
        "Currently employed",
    ]
    assert event_role(rows) == ("Senior Field Engineer", "Aozora Robotics K.K.")


def test_prose_biography_roles_and_based_in():
    assert prose_role(["Dana Reyes is the Chief Operating Officer of Tallis Freight, a role"]) == (
        "Chief Operating Officer",
        "Tallis Freight",
    )
    assert prose_role(["He is currently Head of Sales at Brightwave Ltd. Before that"]) == (
        "Head of Sales",
        "Brightwave Ltd.",
    )
    p = _resume(
        "Dana Reyes", "BIOGRAPHY", "Dana Reyes leads the group. Based in Chicago, IL, she chairs the board."
    )
    assert p.location == "Chicago, IL"


def test_name_followed_by_degrees():
    assert _resume("Tom Ashby BA (Hons), PGCE", "t@mail.test").name == "Tom Ashby"
