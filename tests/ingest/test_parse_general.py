"""The general mechanisms behind the held-out fixes, on made-up text that is in neither corpus."""

from __future__ import annotations

import io

import pytest

from milobot.ingest import extract
from milobot.ingest.parse import normalize_phone, parse_resume
from milobot.ingest.text import _unspace_letters


def _resume(*lines: str, headline: str | None = None):
    return parse_resume("\n".join(lines), "t.pdf", headline=headline)


@pytest.mark.parametrize(
    "end", ["Till date", "to date", "ongoing", "heute", "Now", "Current", "Present", "till now"]
)
def test_present_markers_pick_the_current_role(end):
    sep = " " if end.lower().startswith(("to ", "till")) else " – "
    p = _resume(
        "Dana Quill",
        "dana.q@mail.test",
        "EXPERIENCE",
        "Data Steward, Olmo Works",
        "2012 – 2015",
        "Chief Archivist, Brume Records",
        f"2015{sep}{end}",
    )
    assert (p.current_title, p.current_company) == ("Chief Archivist", "Brume Records")


def test_open_range_and_current_position_heading():
    p = _resume(
        "Ivo Garm",
        "CURRENT POSITION",
        "2023– Research Fellow, Tallow Institute",
        "Mentor: Dr. Q. Rook",
        "PREVIOUS POSITIONS",
        "2018–2023 Doctoral Candidate, Fenwick College",
    )
    assert (p.current_title, p.current_company) == ("Research Fellow", "Tallow Institute")


def test_education_before_experience_is_not_the_employer():
    p = _resume(
        "Rea Calloway",
        "EDUCATION",
        "Marlow University",
        "MA Design (part-time), 2021 – ongoing",
        "EMPLOYMENT",
        "Product Designer, Slatefold Labs",
        "2016 – 2019",
    )
    assert p.current_company == "Slatefold Labs"


def test_title_company_dates_on_separate_lines():
    p = _resume(
        "Oda Lenz",
        "WORK EXPERIENCE",
        "Platform Engineer",
        "Brzoza Systems sp. z o.o.",
        "01/2021 – present",
        "Built things.",
    )
    assert (p.current_title, p.current_company) == ("Platform Engineer", "Brzoza Systems sp. z o.o.")


def test_column_gap_separates_right_aligned_place_and_dates():
    p = _resume(
        "Mira Holt",
        "Experience",
        "Vantage Ropeworks\tGlasgow, United Kingdom",
        "Operations Analyst\tMay 2020 – Present",
        "Ran the numbers.",
    )
    assert (p.current_title, p.current_company) == ("Operations Analyst", "Vantage Ropeworks")


def test_place_after_a_comma_is_dropped_from_the_company():
    p = _resume("Tom Rieu", "Experience", "2019–present Backend Engineer, Corvid Ltd, Berlin.")
    assert p.current_company == "Corvid Ltd"


def test_form_labels_are_not_values():
    p = _resume(
        "PERSONAL INFORMATION\tGreta Sommer",
        "WORK EXPERIENCE",
        "Dates\t04/2019 – heute",
        "Occupation or position held\tQuality Inspector",
        "Name and address of employer\tHalde Werke AG, Bremen",
    )
    assert p.name == "Greta Sommer"
    assert (p.current_title, p.current_company) == ("Quality Inspector", "Halde Werke AG")


@pytest.mark.parametrize("suffix", [", PhD", ", MBA", " CPA", ", Ph.D.", ", MD, MPH"])
def test_post_nominals_are_not_part_of_the_name(suffix):
    assert _resume(f"Noor Haddad{suffix}", "noor@mail.test").name == "Noor Haddad"


def test_all_caps_name_split_over_two_lines():
    assert _resume("CONTACT", "x@mail.test", "JOÃO PEDRO", "ALMEIDA", "PROFILE").name == "João Pedro Almeida"


def test_headline_name_wins_over_sidebar_text():
    p = _resume("CONTACT", "Remote friendly", "SKILLS", "Figma", headline="LENA VOSS")
    assert p.name == "Lena Voss"


def test_location_city_state_and_street_fragments():
    assert _resume("Kai Moro", "☎ +65 6123 4567", "⌂ Singapore").location == "Singapore"
    assert _resume("Kai Moro", "12 Harbor Road, Portland, ME 04101").location == "Portland, ME"


def test_location_label_stops_at_next_field():
    p = _resume("Ada Oni", "Location: Accra, Ghana\tAvailability: immediate")
    assert p.location == "Accra, Ghana"


def test_footer_email_not_glued_to_last_sentence_and_repeated_one_wins():
    p = _resume(
        "Bea Lund",
        "Summary",
        "Handled the paperwork and onboarding.",
        "bea.lund@mail.test • Oslo, Norway",
        "Reference: boss@corp.test",
        "bea.lund@mail.test • Oslo, Norway",
    )
    assert p.email == "bea.lund@mail.test"


def test_national_number_region_from_location_and_reserved_ranges():
    assert _resume("Ned Pike", "Leeds, UK | 07700 900456 | ned@mail.test").phone == "+447700900456"
    assert normalize_phone("+44 20 7946 0000") == "+442079460000"


def test_letter_spacing_repair():
    assert _unspace_letters("S E N I O R  E D I T O R") == "SENIOR EDITOR"
    assert _unspace_letters("A B testing") == "A B testing"


def test_docx_key_value_and_header_tables():
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    kv = doc.add_table(rows=2, cols=2)
    kv.cell(0, 0).text, kv.cell(0, 1).text = "Name", "SATO Hiro"
    kv.cell(1, 0).text, kv.cell(1, 1).text = "E-mail", "hiro@mail.test"
    doc.add_paragraph("WORK HISTORY")
    jobs = doc.add_table(rows=3, cols=3)
    for c, text in enumerate(["Period", "Company", "Position"]):
        jobs.cell(0, c).text = text
    for c, text in enumerate(["2020 – Present", "Kumo Devices Co., Ltd.", "Test Engineer"]):
        jobs.cell(1, c).text = text
    for c, text in enumerate(["2015 – 2020", "Yama Works", "QA Engineer"]):
        jobs.cell(2, c).text = text
    buf = io.BytesIO()
    doc.save(buf)
    [result] = extract("cv.docx", buf.getvalue())
    p = result.profiles[0]
    assert p.name == "SATO Hiro"
    assert (p.current_title, p.current_company) == ("Test Engineer", "Kumo Devices Co., Ltd.")


def test_a_ligature_in_the_big_type_name_reads_as_its_letters():
    from milobot.ingest.pdftext import headline

    # chromium draws "fi" as one glyph (U+FB01); the body text is NFKC-normalised, the headline must be too.
    sized = [
        (24.0, 800.0, "Callum Whit\ufb01eld"),
        (10.0, 780.0, "Product manager with ten years in fintech"),
    ]
    assert headline(sized) == "Callum Whitfield"


@pytest.mark.parametrize(
    "raw, tidy",
    [
        ("1. Velmora Technologies Pvt. Ltd.", "Velmora Technologies Pvt. Ltd."),
        ("(2) Acme GmbH", "Acme GmbH"),
        ("Bengaluru, Karnataka –", "Bengaluru, Karnataka"),
        ("Head of Marketing (current", "Head of Marketing"),
        ("Engineer (Platform)", "Engineer (Platform)"),
        ("3M", "3M"),
        ("7-Eleven", "7-Eleven"),
        ("–", None),
    ],
)
def test_a_field_cut_from_a_line_drops_what_it_carried_from_around_it(raw, tidy):
    from milobot.ingest.parse import _tidy

    assert _tidy(raw) == tidy


def test_a_name_written_surname_first_is_no_place():
    # On the name's line it is the name; beside the e-mail address in the contact row, "Place, Place"
    # reads as where the person lives (issue 14: unknown places in contact rows), so it is tested here.
    profile = _resume(
        "Smith, Jordan", "efua@example.com | 024 555 0123", "Experience", "Engineer, Acme Ltd, 2019 - Present"
    )
    assert profile.location is None
    assert not (profile.phone or "").startswith("+962")  # no country (Jordan) for the phone either


@pytest.mark.parametrize(
    "headline, name",
    [
        ("INFORMAZIONI PERSONALI Ottavia Brunacci", "Ottavia Brunacci"),
        ("ANGABEN ZUR PERSON Lorenz Habicht", "Lorenz Habicht"),
        ("JP Juan Pablo Dimaculangan", "Juan Pablo Dimaculangan"),
        ("JOHN Smith", "JOHN Smith"),  # a capitalised word that is no heading stays
    ],
)
def test_a_heading_or_badge_set_beside_the_name_is_not_part_of_it(headline, name):
    profile = _resume(
        headline, "jane@example.com", "Experience", "Engineer, Acme Ltd, 2019 - Present", headline=headline
    )
    assert profile.name == name


@pytest.mark.parametrize(
    "place, location, phone",
    [
        ("Accra, Ghana", "Accra, Ghana", "+233245550123"),
        ("Zagreb, Croatia", "Zagreb, Croatia", "+385915550123"),
    ],
)
def test_any_country_places_a_person_and_reads_their_national_phone(place, location, phone):
    number = {"Accra, Ghana": "024 555 0123", "Zagreb, Croatia": "091 555 0123"}.get(place, "024 555 0123")
    profile = _resume(
        "Efua Ansah-Bekoe",
        f"{place} | efua@example.com | {number}",
        "Experience",
        "Engineer, Acme Ltd, 2019 - Present",
    )
    assert profile.location == location
    if phone:
        assert profile.phone == phone
    else:
        assert profile.phone is None or not profile.phone.startswith(("+962", "+233"))


@pytest.mark.parametrize(
    "place",
    [
        "Phoenix, Arizona",
        "Leeds, West Yorkshire",
        "Ibadan, Oyo State",
        "Christchurch, Canterbury",
        "Cork, County Cork",
    ],
)
def test_a_city_with_its_state_county_or_region_written_out_is_a_location(place):
    profile = _resume(
        "Sam Okafor", f"{place} | sam@example.com", "Experience", "Engineer, Acme Ltd, 2019 - Present"
    )
    assert profile.location == place


def test_an_employer_in_a_city_that_is_also_a_state_stays_the_employer():
    profile = _resume(
        "Rafael Santos",
        "rafael@example.com | São Paulo, Brazil",
        "Professional Experience",
        "Aresta Engenharia, São Paulo",
        "Project Manager\t2019–",
    )
    assert profile.current_company == "Aresta Engenharia"
    assert profile.location == "São Paulo, Brazil"


def test_title_bij_company_and_title_hos_company_read_like_title_at_company():
    dutch = _resume(
        "Marijke van Loenhout",
        "marijke@example.nl",
        "Werkervaring",
        "Teamleider Klantenservice bij Dijkwacht B.V.\t2022 – heden",
    )
    assert (dutch.current_title, dutch.current_company) == ("Teamleider Klantenservice", "Dijkwacht B.V.")
    norwegian = _resume(
        "Torild Myrvang", "torild@example.no", "Erfaring", "Butikksjef hos Skjærgården AS\t2021 – nå"
    )
    assert norwegian.current_company == "Skjærgården AS"


def test_a_hungarian_resume_has_its_sections_titles_and_company_forms():
    profile = _resume(
        "Szalai Ábel",
        "abel@example.hu",
        "Szakmai tapasztalat",
        "Szenior szoftverfejlesztő",
        "2021 – jelenleg",
        "Tiszapart Informatika Kft., Budapest",
        "Tanulmányok",
        "Programtervező informatikus BSc",
    )
    assert (profile.current_title, profile.current_company) == (
        "Szenior szoftverfejlesztő",
        "Tiszapart Informatika Kft.",
    )


@pytest.mark.parametrize(
    "entry, title",
    [
        ("Nurse Manager, Cardiac ICU\t2021–present", "Nurse Manager, Cardiac ICU"),
        (
            "Registered Nurse — Emergency Department\t2020 – Present",
            "Registered Nurse — Emergency Department",
        ),
        ("Staff Nurse – ICU\t2019 – Present", "Staff Nurse – ICU"),
    ],
)
def test_a_ward_or_unit_after_the_title_belongs_to_the_title_not_the_employer(entry, title):
    profile = _resume(
        "Angela Ruiz", "angela@example.net", "Experience", entry, "St. Aldric Medical Center, Phoenix, AZ"
    )
    assert (profile.current_title, profile.current_company) == (title, "St. Aldric Medical Center")


@pytest.mark.parametrize(
    "line, location",
    [
        ("Address Christchurch, Canterbury | noor@example.nz", "Christchurch, Canterbury"),
        ("Ciudad de México, Mexico | noor@example.mx", "Ciudad de México, Mexico"),  # a city, not a label
        ("Ciudad Juárez, Mexico | noor@example.mx", "Ciudad Juárez, Mexico"),
    ],
)
def test_an_address_label_without_its_colon_is_not_part_of_the_place(line, location):
    profile = _resume("Noor Tilbury", line, "Experience", "Teacher, Burnside High School, 2019 - Present")
    assert profile.location == location
