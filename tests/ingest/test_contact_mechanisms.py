"""General mechanisms for the contact fields (name, e-mail, phone, location; issue 14), each on
made-up text: invented people, employers and places."""

from __future__ import annotations

import unicodedata

from milobot.ingest.contact import find_phone
from milobot.ingest.parse import parse_resume
from milobot.ingest.phone_evidence import only_mobile_plan
from milobot.ingest.text import join_floating_accents


def test_a_county_abbreviation_after_the_city_is_a_place_not_an_employer():
    text = """0 85 000 0000
Caoimhe Lennagh\tcaoimhe.lennagh@quillfern.example
Harbour Pilot
Tyrawley, Co. Tyrawley, IE
Pilot with nine years on the estuary.
Experience
Harbour Pilot, Brannock Marine, 2019 – Present
"""
    assert parse_resume(text).location.split(",")[0] == "Tyrawley"


def test_an_address_in_capitals_cut_at_its_hyphen_is_joined():
    text = """ORLAITH QUENNELL
ABOUT
ORLAITH-
QUENNELL7@BRAMBLEPOST.EXAMPLE
EXPERIENCE
"""
    assert parse_resume(text).email == "orlaith-quennell7@bramblepost.example"


def test_a_postcode_before_or_after_the_city_under_a_street():
    # After the city and its region (as Mexico and the US write it), or before the city's whole name
    # (as most of Europe and Asia do: "90074 Hải Phòng").
    for city_line, place in (
        ("VARNHOLM WESTMARCH 48213", "Varnholm, Westmarch"),
        ("48213 PORT VARNHOLM", "Port Varnholm"),
    ):
        text = f"""TEODOR VASK
ABOUT
KESTREL LANE 14
{city_line}
teodor.vask@mossline.example
EXPERIENCE
"""
        assert parse_resume(text).location == place, city_line


def test_an_ogonek_kerned_away_from_its_letter_after_a_capital():
    # TeX draws "ę" as an "e" and an ogonek; the hook's kern after a capital reads as a space.
    raw = unicodedata.normalize("NFKC", "Jadwira K \u02dbebłowska, Ksi\u02dbegowa")
    assert join_floating_accents(raw) == "Jadwira Kębłowska, Księgowa"
    # An accent above a word's first letter after a one-letter word is left alone.
    assert join_floating_accents(unicodedata.normalize("NFKC", "A \u02d9zona")) == "A żona"


def test_of_a_headline_in_parts_the_part_the_address_spells_is_the_name():
    # "Snekker" (a joiner) is a title in a language no list of ours knows.
    headline = "Ivar Holmgaard, Snekker"
    text = f"{headline}\nholmgaard.ivar@fjordpost.example | 40 00 00 00\nExperience\n"
    assert parse_resume(text, headline=headline).name == "Ivar Holmgaard"
    # Both parts spelled ("Holmgaard, Ivar" surname first): nothing to choose between.
    headline = "Holmgaard, Ivar"
    assert parse_resume(f"{headline}\nholmgaard.ivar@fjordpost.example\n", headline=headline).name


def test_a_national_number_read_in_the_only_mobile_plan_that_allows_it():
    # Valid in three plans as written, a mobile in one: a Dutch mobile, a Finnish landline.
    assert only_mobile_plan("06 48213377") == "+31648213377"
    # A mobile in several countries with different calling codes: no guess.
    assert only_mobile_plan("085 917 3545") is None
    text = """Femmigje Oudeboer
Projectleider
06 48213377 · femmigje.oudeboer@driftpost.example
Experience
"""
    assert parse_resume(text).phone == "+31648213377"


def test_a_national_number_read_in_the_plan_of_letters_anywhere_in_the_text():
    lines = [
        "Bolesław Kędzierski",
        "Telefon: 91 123 45 67",
        "Experience",
        "Spedytor, Marwelin Sp. z o.o., Wołkowo",
    ]
    assert find_phone(lines, ["US"]) == "+48911234567"
    # Without those letters the same digits are an Uzbek mobile, the only mobile plan they fit.
    assert find_phone(["Boleslaw Kedzierski", "Telefon: 91 123 45 67"], ["US"]) == "+998911234567"


def _location(*header: str) -> str | None:
    return parse_resume("\n".join(["Maelle Tarrant", *header, "Experience", "Cooper, Brindlecask"])).location


def test_the_city_after_more_street_parts_and_a_postal_district():
    assert (
        _location(
            "Flat 3, 27 Weirside Road, Lusk 6, K45 X2Y7, Ireland",
            "Mobile: +353 85 000 0000  maelle@t.example",
        )
        == "Lusk, Ireland"
    )
    # A city and its postal district alone before the country: not a street and a city.
    assert _location("Lusk 6, Ireland", "maelle@t.example") == "Lusk, Ireland"
    # A numbered district with a city and a region after it.
    assert _location("9 Quarry Close, Oduma Phase 2, Ikorin, Ekiti", "maelle@t.example") == "Ikorin, Ekiti"


def test_a_state_and_its_postcode_after_the_city_of_a_street_address():
    assert _location("14 Fernhill Ct., Brackwood, OH 45990 | maelle@t.example") == "Brackwood, OH"
    assert _location("6/22 Tallow Street, Yarrindie NSW 2790  ·  maelle@t.example") == "Yarrindie, NSW"
    assert _location("8 Kestrel Row, Wrenfold, Dorshire SO31 4QX", "maelle@t.example") == "Wrenfold, Dorshire"


def test_a_district_on_the_street_line_and_the_city_on_the_next():
    assert (
        _location("77 Lunaria Ave., Brgy. Sampalok Heights", "Dalisay City, Philippines", "maelle@t.example")
        == "Dalisay City, Philippines"
    )


def test_a_street_beside_a_label_does_not_take_the_next_field_for_its_city():
    loc = _location(
        "Brackwood, Nederland · maelle@t.example", "Adres\tMolensteeg 14", "Postcode en woonplaats"
    )
    assert loc == "Brackwood, Nederland"


def test_a_column_gap_after_a_comma_stays_inside_the_place():
    text = "Ode Marrow\n303.555.0100   ✉  ode@marrow.example   ⌂ Brackwood,\tCO\nExperience\nLead, Fenwick Outfitters, Larch Falls, CO\n"
    assert parse_resume(text).location == "Brackwood, CO"


def test_a_document_title_heading_or_place_above_the_name_is_not_its_first_word():
    for above in ("Lebenslauf", "RÉSUMÉ", "Contact"):
        text = f"{above}\nJannek Thorwald\njannek.thorwald@postkiste.example\nExperience\n"
        assert parse_resume(text).name == "Jannek Thorwald", above


def test_a_word_above_a_two_word_name_the_address_spells_is_left_out():
    text = "CONTACT\nhanso.grubwieser@alpenpost.example\nBrixhollen\nHanso Grubwieser\nErfahrung\n"
    assert parse_resume(text).name == "Hanso Grubwieser"


def test_a_two_letter_country_code_after_a_city_that_is_no_us_state():
    text = "Halvor Brekkstad\nSkarnes, NO · 412 34 567 · halvor@brekkstad.example\nExperience\n"
    assert parse_resume(text).phone == "+4741234567"
    # "Boise, ID" stays a state: the number is read as American.
    text = "Halvor Brekkstad\nBoise, ID · 208 555 0142 · halvor@brekkstad.example\nExperience\n"
    assert parse_resume(text).phone == "+12085550142"


def test_an_address_with_spaces_around_its_at_sign():
    assert (
        parse_resume("Kwabena Ofori\nkwabena.ofori @ mailbay.example\n").email
        == "kwabena.ofori@mailbay.example"
    )
    assert (
        parse_resume("Kwabena Ofori\nkwabena.ofori@ mailbay . example\n").email
        == "kwabena.ofori@mailbay.example"
    )
    # An address written whole wins over anything spaced.
    text = "Kwabena Ofori\nkwabena@ofori.example\nWrite to me @ home . any time\n"
    assert parse_resume(text).email == "kwabena@ofori.example"


def test_a_postcode_as_its_own_part_after_the_city_is_cut():
    loc = _location("Address: 12 Tamsin Road, Harrowby, HX4 2AB", "maelle@t.example")
    assert loc.split(",")[0] == "Harrowby" and "HX4" not in loc


def _tracked_name_pdf(name: str, email: str) -> bytes:
    """A name drawn glyph by glyph with wide tracking, as design tools export letter-spaced type."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    t = c.beginText()
    t.setFont("Helvetica-Bold", 26)
    x = 40.0
    for ch in name:
        if ch != " ":
            t.setTextOrigin(x, 790)
            t.textOut(ch)
        x += stringWidth(ch, "Helvetica-Bold", 26) + 9
    c.drawText(t)
    c.setFont("Helvetica", 10)
    c.drawString(40, 760, f"{email} · 0412 345 678 · Wirrabool VIC 3350")
    c.setFont("Helvetica-Bold", 12)
    c.drawString(230, 600, "Experience")
    c.setFont("Helvetica", 10)
    c.drawString(230, 584, "Cellar Master, Brindlecask Vintners    2019 – Present")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_a_name_tracked_glyph_by_glyph_gets_its_word_gaps_back():
    from milobot.ingest import extract

    def name(pdf: bytes) -> str | None:
        return extract("cv.pdf", pdf)[0].profiles[0].name

    # Mixed case: a capital starts each word, a hyphen keeps a double name together.
    assert name(_tracked_name_pdf("Wenna Quarterlow-Obiora", "wq@t.example")) == "Wenna Quarterlow-Obiora"
    # Capitals: the e-mail address's parts say where the words end.
    assert (
        name(_tracked_name_pdf("BRONWYTH ALDERGLEN", "bronwyth.alderglen@t.example")) == "Bronwyth Alderglen"
    )


def test_street_number_and_city_in_one_part_then_region_postcode_and_code():
    text = """Ilona Vetemaa
ilona@vetemaa.example\t+372 5142 0000
Kastanja 45 Tõrvamaa, Läänemaa 10058 EE
Experience
"""
    assert parse_resume(text).location == "Tõrvamaa, Läänemaa"


def test_the_city_line_after_a_street_set_beside_the_name():
    text = """Chidera Obiakor\tMarrowgate 155
Okpala, 40506
Nigeria
+234 803 000 0000
chidera@obiakor.example
Experience
"""
    assert parse_resume(text).location.split(",")[0] == "Okpala"


def test_a_place_among_contact_fields_parted_by_spaces_only():
    text = """Elpida Voskaki
Stock Planner elpida_voskaki@ledgerpost.example +30 694 000 0000  Trikkala, GR  evoskaki.
Summary
"""
    assert parse_resume(text).location == "Trikkala, GR"


def test_a_role_with_a_number_is_no_street():
    text = """Aroha Pukeiti
Address Tauranga, Bay of Plenty Mobile\t021 000 0000
Email aroha@pukeiti.example
Experience
Year 4 Classroom Teacher, Kawakawa Grove School\tTerm 1 2021 – Present
"""
    assert parse_resume(text).location.startswith("Tauranga")


def test_a_mailto_link_corrects_a_sentence_glued_on_or_a_line_break_hyphen():
    from milobot.ingest.pdflinks import PdfLink

    link = [PdfLink("mailto:ilka.dorn@sendmoor.example", "")]
    # A one-line sentence's last word before the address is not part of it.
    text = "Ilka Dorn\nKnown for teams that stay.\nilka.dorn@sendmoor.example\n"
    assert parse_resume(text).email == "ilka.dorn@sendmoor.example"
    # A hyphen put at the line break by the typesetter: the link holds the address whole.
    text = "Ilka Dorn\nilka.do-\nrn@sendmoor.example\n"
    assert parse_resume(text, links=link).email == "ilka.dorn@sendmoor.example"


def test_two_words_of_a_name_run_together_split_where_the_address_spells_one():
    headline = "Obiora ChukwuebukaNwankwo"
    text = f"{headline}\nonwankwo@palmreach.example\nExperience\n"
    assert parse_resume(text, headline=headline).name == "Obiora Chukwuebuka Nwankwo"
    # A capital inside a name the address doesn't support stays as written.
    headline = "Ronan MacGregor"
    assert parse_resume(f"{headline}\nronan@glenmoor.example\n", headline=headline).name == "Ronan MacGregor"


def test_a_country_code_after_the_postcode_is_evidence_for_a_national_number():
    text = """Kadri Vaher
kadri@vaher.example\t5142 0000
Tammetõru 4 Tõrvamaa, Läänemaa 10058 EE
Experience
"""
    assert parse_resume(text).phone == "+37251420000"


def test_a_place_and_its_country_parted_by_a_slash_a_bracket_or_a_dash():
    for place in ("Brekkvik/Norway", "Brekkvik (Norway)", "Brekkvik — Norway"):
        text = f"Marit Brekke\nmarit@brekke.example · 912 34 567 · {place}\nErfaring\n"
        p = parse_resume(text)
        assert (p.location, p.phone) == ("Brekkvik, Norway", "+4791234567"), place


def test_the_street_name_as_a_part_of_its_own_before_city_and_region():
    # Three parts of words after the number and no country closing them: street, city, region.
    assert _location("Address: Plot 14, Ugwumba Close, Nsukora, Nsukora State", "a@b.example") == (
        "Nsukora, Nsukora State"
    )
    # Closed by a country's code, the three are city, region and country.
    assert _location("Calle Vantor 11, Brava, 19725, Brava Norte, PT", "a@b.example") == "Brava, Brava Norte"


def test_an_address_label_with_a_plural_mark_and_a_country_in_brackets():
    text = "Ilka Borsos\nAddress(es)\tRózsafa utca 12, 7621 Pécsvár (Hungary)\nE-mail\tilka@borsos.example\nWork experience\n"
    assert parse_resume(text).location == "Pécsvár, Hungary"


def test_a_labelled_street_then_the_city_with_a_british_postcode():
    text = "CONTACT\nAddress\nHollins Wynd 4\nKirkbrannock DG6 4AB\nPhone\n07911 123456\nEmail\nfen@macaskie.example\nPROFILE\n"
    assert parse_resume(text).location == "Kirkbrannock"


def test_a_postcode_before_the_city_after_the_street_and_its_shape_as_phone_evidence():
    # In a footer, after the body: the street, then "NNNN-NNN City", a shape only Portugal's postcodes have.
    text = """Isaura Quintaz
Experience
Cellar Master, Brindlecask Vintners 2019 – Present
Rua do Castelo 7, 3500-111 Vouzelinha · 912 345 678 · isaura@quintaz.example
"""
    p = parse_resume(text)
    assert (p.location, p.phone) == ("Vouzelinha, Portugal", "+351912345678")
    text = "Jakub Nowak\nul. Długa 5/12\n80-827 Gdańskowo\ntel. 601 234 567\njakub@nowak.example\nDoświadczenie\n"
    assert parse_resume(text).location.startswith("Gdańskowo")


def test_a_city_line_with_only_its_postcode_or_country_code():
    for line in ("Tõrvamaa 10058", "Tõrvamaa (EE)", "Tõrvamaa, Läänemaa (EE)"):
        text = (
            f"Experience\nLead, Tamm Group, 2020 – Present\nContact\nmarit@kask.example\n{line}\nMarit Kask\n"
        )
        assert parse_resume(text).location.split(",")[0] == "Tõrvamaa", line
    # A year is no postcode.
    text = "Experience\nLead, Tamm Group, 2020 – Present\nContact\nmarit@kask.example\nGraduated 2019\n"
    assert parse_resume(text).location is None


def test_a_linkedin_slug_spells_the_name_where_the_address_is_generic():
    # The biggest type is a name-shaped title; "hello@" spells nothing, the profile's slug does.
    headline = "Kreativdirektorin Brandwerk"
    text = f"{headline}\nAnouk Veldermaan\nhello@studio-av.example\nlinkedin.com/in/anouk-veldermaan\nExperience\n"
    assert parse_resume(text, headline=headline).name == "Anouk Veldermaan"


def test_a_document_title_before_the_name_on_its_line():
    for top in (
        "CV – Oyelaran Quennevic",
        "Lebenslauf von Oyelaran Quennevic",
        "Curriculum Vitae: Oyelaran Quennevic",
    ):
        text = f"{top}\noq@post.example · +44 7911 123456\nExperience\n"
        assert parse_resume(text).name == "Oyelaran Quennevic", top
        assert parse_resume(text, headline=top).name == "Oyelaran Quennevic", top


def test_a_place_in_a_contact_row_tagged_with_its_postcode_or_country_code():
    for place, want in (
        ("Tõrva (EE)", "Tõrva, EE"),
        ("Tõrva 10058", "Tõrva"),
        ("Tõrva, Läänemaa 10058", "Tõrva, Läänemaa"),
        ("Wirrabool QLD 4000", "Wirrabool, QLD"),
    ):
        for sep in (" · ", " | ", "\t"):
            text = f"Marit Kask\nmarit@kask.example{sep}{place}{sep}+372 5142 0000\nExperience\n"
            assert parse_resume(text).location == want, (place, sep)
    # A word and a year is no place.
    text = "Marit Kask\nmarit@kask.example · Graduate 2019 · +372 5142 0000\nExperience\n"
    assert parse_resume(text).location is None


def test_a_profile_slug_marks_the_word_gaps_of_a_name_tracked_in_capitals():
    text = "B R O N W Y T H A L D E R G L E N\nhello@studio.example\nlinkedin.com/in/bronwyth-alderglen-42\nExperience\n"
    assert parse_resume(text).name == "Bronwyth Alderglen"
