"""General mechanisms for the contact fields found on round 4 of the template corpus (issue 14),
each on made-up text: invented people, employers, streets and towns; only the countries are real."""

from __future__ import annotations

from milobot.ingest.parse import parse_resume
from milobot.ingest.phone_evidence import named_countries


def test_a_country_named_on_the_line_under_the_city_is_evidence_for_the_number():
    text = """Calle Mirandel 41
30218 Quilcapampa
Peru
Tel. 951 246 387
tarsia.quellmoor@inkwell.example
Tarsia Quellmoor
Employment
2021 – actualidad\tBrannock Agrícola S.A.C., Quilcapampa
Supervisora de planta
"""
    assert parse_resume(text).phone == "+51951246387"


def test_a_country_named_in_a_footer_contact_line_is_evidence_for_the_number():
    text = """Ostrid Vallamere
Data Analyst
EXPERIENCE
Fernholt Analytics, Vettlingur\t03.2020 – now
Data Analyst
SKILLS
SQL
Fernholt 9 · 45120 Vettlingur · Uruguay | 094 512 367 | ostrid.vallamere@inkwell.example
"""
    assert parse_resume(text).phone == "+59894512367"


def test_an_iso_code_between_an_address_commas_mid_line():
    assert named_countries(["Holmrain 3, Vettwil, VW, CH, 40311\t079 412 58 36"]) == ["CH"]
    assert named_countries(["Boise, ID, 83702"]) == []  # Idaho, not Indonesia
    assert named_countries(["Velbrook Works, Crandell, NS, Canada"]) == ["CA"]
    text = """Liesel Marthaler-Quint
Bauleiterin
\tHolmrain 3, Vettwil, VW, CH, 40311\t\t079 412 58 36
\tliesel.marthaler@inkwell.example\t\tEnglish
Experience
"""
    assert parse_resume(text).phone == "+41794125836"


def test_no_number_is_read_across_a_tab():
    text = """Liesel Marthaler-Quint
liesel.marthaler@inkwell.example
Holmrain 3, 40311 Vettwil, Switzerland\t079 412 58 36
"""
    assert parse_resume(text).phone == "+41794125836"


def test_a_seven_digit_number_in_a_plan_the_document_names():
    text = """Eyvör Stallbrekka
Vegagerð 12, 61044 Kvíárholt, Iceland
Sími: 662 4817
eyvor.stallbrekka@inkwell.example
Reynsla
"""
    assert parse_resume(text).phone == "+3546624817"


def test_a_seven_digit_number_without_evidence_of_its_plan_is_not_read():
    text = """Brannoc Ellisande
Phone: 662 4817
brannoc.ellisande@inkwell.example
Experience
"""
    assert parse_resume(text).phone is None


def test_a_docx_name_set_large_in_two_paragraphs_of_a_sidebar_cell_is_read_whole():
    import io

    import docx
    from docx.shared import Pt

    from milobot.ingest import extract

    doc = docx.Document()
    table = doc.add_table(rows=1, cols=2)
    side = table.cell(0, 0)
    side.paragraphs[0].add_run("Odalric Fenwyn").font.size = Pt(22)
    side.add_paragraph().add_run("Marrowdale").font.size = Pt(22)
    for line in ("Harbour Surveyor", "Contact", "Phone: +44 7700 900417", "E-mail: ofenwyn@inkwell.example"):
        side.add_paragraph(line)
    main = table.cell(0, 1)
    main.text = "Work history"
    for line in (
        "Harbour Surveyor\t2019 – present",
        "at Brackenfold Marine, Tollcaster",
        "• Surveyed the outer moorings",
    ):
        main.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    profile = extract("cv.docx", buf.getvalue())[0].profiles[0]
    assert profile.name == "Odalric Fenwyn Marrowdale"


def test_a_docx_without_a_larger_type_has_no_headline():
    import docx

    from milobot.ingest.docx import _headline

    doc = docx.Document()
    for line in ("Odalric Fenwyn", "Marrowdale", "Harbour Surveyor"):
        doc.add_paragraph(line)
    assert _headline(doc) is None


def test_an_address_cut_at_its_hyphen_with_another_column_between_its_halves():
    text = """Gisborne, Tollmere
Wendelin Arvo bin\twendelin-
Castellane
Brand Manager
arvocastellane4@inkwell.example
+44 7700 900518
Work
"""
    assert parse_resume(text).email == "wendelin-arvocastellane4@inkwell.example"


def test_a_capitalised_cell_above_an_address_is_no_cut_head():
    text = """Wendelin Castellane\tBrand-
Manager
castellane@inkwell.example
Work
"""
    assert parse_resume(text).email == "castellane@inkwell.example"


def test_a_national_number_read_where_the_geocoder_lists_a_town_the_jobs_name():
    # Valid and grouped as written in several countries' mobile plans; phonenumbers' geocoder
    # lists Paysandú and Maldonado under Uruguay's area codes. The people and employers are made up.
    text = """Ismenia Tarbolt
Programadora
ismenia.tarbolt@inkwell.example
094 512 367
EXPERIENCE
Programadora\t2021 - Present
Quenwick Distribuciones S.R.L., Maldonado
Analista\t2018 - 2021
Harrowdene SAS, Paysandú
"""
    assert parse_resume(text).phone == "+59894512367"


def test_no_country_is_taken_when_no_named_place_is_in_the_geocoder():
    from milobot.ingest.phone_places import placed_plan

    assert placed_plan("094 512 367", ["Quenwick S.R.L., Vellaby", "Harrowdene SAS, Ostmire"]) is None


def test_a_seven_digit_number_read_where_the_geocoder_lists_the_town():
    text = """Eyvör Stallbrekka
Phone: 662 4817
E-mail: eyvor.stallbrekka@inkwell.example
Address: Vegagerð 12, 61044 Akureyri
Work history
"""
    assert parse_resume(text).phone == "+3546624817"


def test_a_number_read_loosely_in_a_letters_plan_yields_to_a_plan_whose_towns_the_jobs_name():
    # "é" points at France, where 912 078 726 is valid but written "09 12 07 87 26"; grouped as
    # written it is a Peruvian mobile, and the geocoder lists Arequipa under Peru's area codes.
    text = """Tamsin Orrowby
Ingeniera agrónoma, Quenwick Farmacéutica S.A.
Calle Brackenfold 17
912 078 726
tamsin.orrowby@inkwell.example
Experience
Ingeniera agrónoma, Quenwick Farmacéutica S.A., Arequipa.
"""
    assert parse_resume(text).phone == "+51912078726"


def test_a_number_read_loosely_where_no_town_helps_keeps_its_reading():
    text = """Sneha Vardalli
Mobile 93726 51676
E-mail sneha.vardalli@inkwell.example
Address Bengaluru, India
Employment History
"""
    assert parse_resume(text).phone == "+919372651676"


def test_a_saints_abbreviation_opening_a_town_is_no_street():
    text = """Oriel Vantongeren
St. Wendrich, VW, Switzerland
oriel.vantongeren@inkwell.example
Experience
"""
    assert parse_resume(text).location.split(",")[0] == "St. Wendrich"
    from milobot.ingest.places import _tidy_location

    assert _tidy_location("12 Harrow St., Quellbury, Westmarch") == "Quellbury, Westmarch"


def test_a_country_wrapped_onto_the_next_line_after_a_comma():
    for second in ("Lithuania", "Dovilė\tLithuania"):
        text = f"""Dovilė
Sarkaitė
Kvemaris, Kvemario apskritis,
{second}
dovile.sarkaite@inkwell.example
Skills
"""
        assert parse_resume(text).location.split(",")[0] == "Kvemaris", second


def test_a_national_number_only_in_a_tel_link_read_where_the_geocoder_lists_the_town():
    from milobot.ingest.pdflinks import PdfLink

    text = """Ismenia Tarbolt
Programadora
ismenia.tarbolt@inkwell.example
EXPERIENCE
Programadora\t2021 - Present
Quenwick Distribuciones S.R.L., Paysandú
"""
    links = [PdfLink("tel:094%20512%20367", "")]
    assert parse_resume(text, links=links).phone == "+59894512367"


def test_a_docx_document_title_as_large_as_the_name_is_no_part_of_it():
    import docx
    from docx.shared import Pt

    from milobot.ingest.docx import _headline

    doc = docx.Document()
    doc.add_paragraph().add_run("Curriculum Vitae").font.size = Pt(20)
    doc.add_paragraph().add_run("Odalric Fenwyn").font.size = Pt(20)
    for line in ("Harbour Surveyor", "Experience", "Brackenfold Marine"):
        doc.add_paragraph(line)
    assert _headline(doc) == "Odalric Fenwyn"


def test_a_country_named_only_in_the_jobs_reads_a_national_number_grouped_as_it_groups_them():
    from milobot.ingest.phone_places import placed_plan

    lines = ["Programadora\t2021 - Present", "Quenwick Distribuciones S.R.L., Vellaby, Uruguay"]
    assert placed_plan("094 512 367", lines) == "+59894512367"
    assert placed_plan("094 512 367", lines[:1]) is None


def test_first_names_on_one_line_and_the_surname_the_address_spells_on_the_next():
    text = """Odalric Fenwyn
Marrowdale
Harbour Surveyor
Contact
Phone: +44 7700 900417
E-mail: odalric.marrowdale@inkwell.example
Work history
"""
    assert parse_resume(text).name == "Odalric Fenwyn Marrowdale"
    other = text.replace("Marrowdale\n", "Tollcaster\n")  # a town under the name: not the surname
    assert parse_resume(other).name == "Odalric Fenwyn"


def test_the_geocoder_is_read_only_for_a_calling_code_whose_prefixes_fit_in_a_few_files():
    from milobot.ingest.phone_places import places_of_calling_code

    assert "paysandu" in places_of_calling_code(598)
    assert places_of_calling_code(86) == frozenset()  # China: a second's reading, not worth it


def test_a_mobile_grouped_otherwise_than_its_plan_groups_it_read_where_the_geocoder_lists_the_town():
    # Kenya writes "0712 345678"; the town is real (the geocoder must know it), the rest made up.
    text = """Wambui Kestrelford
Data Analyst
wambui.kestrelford@inkwell.example
0712 345 678
Experience
Data Analyst\t2020 - Present
Quenwick Holdings, Nairobi
"""
    assert parse_resume(text).phone == "+254712345678"


def test_a_town_the_geocoder_lists_outweighs_the_one_mobile_plan_that_groups_the_number_so():
    # "310 123 4567" is grouped as Italy groups its mobiles; the jobs are in Medellín.
    text = """Yolanda Pirescu
Analista
yolanda.pirescu@inkwell.example
310 123 4567
Experiencia
Analista\t2020 - Present
Quenwick Holdings, Medellín
"""
    assert parse_resume(text).phone == "+573101234567"


def test_geocoder_towns_match_through_undecomposed_letters_a_city_suffix_and_a_county_hyphen():
    from milobot.ingest.phone_places import placed_plan

    # Real towns (the geocoder must know them), made-up employers.
    assert placed_plan("091 234 56 78", ["Quenwick Holdings, Đà Nẵng"], any_grouping=True) == "+84912345678"
    assert placed_plan("0917 123 4567", ["Quenwick Holdings, Cebu City"]) == "+639171234567"
    assert placed_plan("091 234 5678", ["Quenwick Holdings, Split"]) == "+385912345678"
