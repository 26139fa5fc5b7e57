"""The general mechanisms behind the fourth blind round, on made-up text in none of the corpora."""

from __future__ import annotations

import pytest

from milobot.ingest.dates import _year_month
from milobot.ingest.parse import parse_resume
from milobot.ingest.text import _clean, _heading_kind, is_present


def _resume(*lines: str):
    return parse_resume("\n".join(lines), "t.pdf")


def _role(p):
    return p.current_title, p.current_company


@pytest.mark.parametrize(
    "marker",
    [
        "nuværende",
        "Nu",
        "současnost",
        "dosud",
        "Halen",
        "HALEN",
        "devam ediyor",
        "günümüz",
        "pågående",
        "Actualmente",
        "la actualidad",
        "aujourd'hui",
    ],
)
def test_present_markers(marker):
    assert is_present(marker)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("DENEYİM", "experience"),
        ("İş Deneyimi", "experience"),
        ("EĞİTİM", "education"),
        ("HAKKIMDA", "summary"),
        ("Pracovní zkušenosti", "experience"),
        ("VZDĚLÁNÍ", "education"),
        ("Erhvervserfaring", "experience"),
        ("Uddannelse", "education"),
        ("Arbetslivserfarenhet", "experience"),
        ("Utbildning", "education"),
        ("EXPERIENCIA LABORAL", "experience"),
        ("Formación académica", "education"),
    ],
)
def test_nordic_czech_turkish_spanish_headings(heading, kind):
    assert _heading_kind(heading) == kind


@pytest.mark.parametrize(
    ("token", "month"),
    [
        ("Ekim 2019", 10),
        ("ŞUBAT 2020", 2),
        ("Aralık 2018", 12),
        ("července 2017", 7),
        ("červen 2017", 6),
        ("března 2021", 3),
        ("Marts 2022", 3),
        ("Juin 2016", 6),
        ("Juillet 2016", 7),
    ],
)
def test_month_names(token, month):
    assert _year_month(token, end=False)[1] == month


def test_open_range_listed_below_a_closed_one_wins():
    p = _resume(
        "Ada Lindholm",
        "ada@mail.test",
        "Erhvervserfaring",
        "2016 – 2021\tIngeniør",
        "Fjordhavn Teknik ApS, Odense",
        "2021 – nuværende\tTeamleder",
        "Nordlys Energi A/S, Esbjerg",
    )
    assert _role(p) == ("Teamleder", "Nordlys Energi A/S")


def test_turkish_cv_takes_the_job_not_the_degree():
    p = _resume(
        "Deniz Aksoy",
        "deniz@mail.test",
        "EĞİTİM",
        "Endüstri Mühendisliği (Lisans)",
        "Ege Teknik Üniversitesi",
        "2010 – 2014",
        "İŞ DENEYİMİ",
        "Proje Yöneticisi",
        "Akdeniz Lojistik A.Ş.",
        "Nisan 2019 – Halen\tİzmir",
        "Planlama Uzmanı",
        "Kuzey Depo Ltd. Şti.",
        "Eylül 2014 – Mart 2019\tBursa",
    )
    assert _role(p) == ("Proje Yöneticisi", "Akdeniz Lojistik A.Ş.")


def test_czech_cv_with_month_year_dates():
    p = _resume(
        "Jana Horáková",
        "jana@mail.test",
        "PRACOVNÍ ZKUŠENOSTI",
        "07/2019 – současnost",
        "Vedoucí účetní",
        "Vltava Stavby a.s., Praha",
        "01/2012 – 06/2019",
        "Účetní",
        "Labe Trans s.r.o., Pardubice",
        "VZDĚLÁNÍ",
        "2008 – 2012",
    )
    assert _role(p) == ("Vedoucí účetní", "Vltava Stavby a.s.")


def test_open_month_year_range_with_nothing_after_the_dash():
    p = _resume(
        "Rory Vance",
        "rory@mail.test",
        "EXPERIENCE",
        "Data Engineer | Old Mill Insights | Leeds\t02/2020 – 12/2023",
        "Platform Engineer | Saltmarsh Data | York\t01/2024 –",
    )
    assert _role(p) == ("Platform Engineer", "Saltmarsh Data")


def test_dates_wrapped_before_the_present_marker():
    p = _resume(
        "Inès Caron",
        "ines@mail.test",
        "Expérience professionnelle",
        "Mars 2020 –",
        "aujourd'hui",
        "Responsable marketing",
        "Garonne Conseil SARL, Toulouse",
        "Janvier 2016 – Février 2020 Chargée de communication",
        "Atelier Ocre, Bordeaux",
    )
    assert _role(p) == ("Responsable marketing", "Garonne Conseil SARL")


def test_title_at_company_whose_name_holds_a_title_word():
    p = _resume(
        "Wei Jie Lim",
        "weijie@mail.test",
        "experience\tProcess Engineer at Harbourfront Chemical Engineering Pte Ltd",
        "Jan 2021 – Present · Jurong",
        "Commissioned two distillation trains.",
    )
    assert _role(p) == ("Process Engineer", "Harbourfront Chemical Engineering Pte Ltd")


def test_title_comma_company_with_a_nordic_legal_form():
    p = _resume(
        "Lars Berg",
        "lars@mail.test",
        "Arbetslivserfarenhet",
        "Projektledare, Norrsken Bygg AB\t2019 – pågående",
        "Umeå",
    )
    assert _role(p) == ("Projektledare", "Norrsken Bygg AB")


def test_academic_unit_and_wrapped_institution():
    p = _resume(
        "Priya Anand, Ph.D.",
        "p.anand@mail.test",
        "ACADEMIC APPOINTMENTS",
        "2020 – present Assistant Professor, Department of Civil Engineering, Riverbend State",
        "University",
        "2016 – 2020 Research Fellow, School of Geography, Eastfield Institute of",
        "Technology",
    )
    assert _role(p) == ("Assistant Professor", "Riverbend State University")


def test_availability_line_is_not_a_job():
    p = _resume(
        "Mark Dunlow",
        "mark@mail.test",
        "Availability: 3 days/week from March 2025",
        "Interim CFO — Tarn Valley Foods\tApr 2023 – Present",
        "Finance Director — Moorland Ales Ltd\t2015 – 2023",
    )
    assert _role(p) == ("Interim CFO", "Tarn Valley Foods")


def test_labels_and_months_are_never_title_or_company():
    p = _resume(
        "Zoe Farrant",
        "zoe@mail.test",
        "Experience",
        "SUMMARY",
        "Septembre 2022 – Present",
        "Logistics Coordinator",
    )
    assert p.current_company != "SUMMARY" and p.current_title == "Logistics Coordinator"


def test_place_after_a_legal_form_is_cut():
    p = _resume(
        "Sipho Ndlovu",
        "sipho@mail.test",
        "Experience",
        "Karoo Mining Supplies (Pty) Ltd Kimberley",
        "Site Accountant\tMay 2019 – Present",
    )
    assert p.current_company == "Karoo Mining Supplies (Pty) Ltd"


@pytest.mark.parametrize("prefix", ["Engr.", "Atty.", "Arch.", "Dr.", "Prof."])
def test_honorifics_stripped(prefix):
    p = _resume(f"{prefix} Ifeoma Chukwu", "i.chukwu@mail.test")
    assert p.name == "Ifeoma Chukwu"


def test_name_below_a_sidebar_spelled_by_the_email():
    p = _resume(
        "CONTACT",
        "Davao City, Philippines",
        "+63 917 555 0100",
        "ramon.dizon@mail.test",
        "PERSONAL INFORMATION",
        "Civil Status: Married",
        "SKILLS",
        "• Payroll",
        "• Excel",
        "RAMON C. DIZON",
        "Payroll Officer",
        "CHARACTER REFERENCES",
        "Engr. Paolo Reyes",
    )
    assert p.name == "Ramon C. Dizon"


def test_name_with_a_post_nominal_and_country_is_not_a_location():
    p = _resume(
        "Naledi Khumalo, CA(SA)",
        "Audit Partner",
        "Durban, South Africa | naledi@mail.test",
    )
    assert p.name == "Naledi Khumalo"
    assert p.location == "Durban, South Africa"


def test_labelled_location_with_a_role_run_into_it():
    p = _resume("Ben Osei", "ben@mail.test", "Location: Site Engineer Jun 2019 – Present Kumasi, Ghana")
    assert p.location == "Kumasi, Ghana"


def test_czech_postcode_and_country():
    p = _resume(
        "Petr Novák",
        "petr@mail.test",
        "OSOBNÍ ÚDAJE",
        "Adresa",
        "Nádražní 4",
        "779 00 Olomouc, Česká republika",
    )
    assert p.location == "Olomouc, Česká republika"


def test_small_caps_title_words_rejoined():
    assert _clean("SENIOR A CCOUNTANT · P ROJECT M ANAGER") == ["SENIOR ACCOUNTANT · PROJECT MANAGER"]
