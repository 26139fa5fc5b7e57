"""Layout mechanisms of the second round (issue 14): made-up people in made-up PDFs and text."""

from __future__ import annotations

import io

from pypdf import PdfReader

from milobot.ingest.pdftext import read_page
from tests.ingest.made_up_pdf import made_up_pdf as _pdf
from tests.ingest.made_up_pdf import profile_of as _profile


def test_text_inside_a_form_xobject_is_placed_where_the_page_draws_the_form():
    """Chromium draws some blocks (a theme's date column) as form XObjects; pypdf reads a form's
    text in the form's own coordinates, so every date seemed to sit in the page's corner and no
    date could be put back beside its entry."""

    def draw(c):
        c.setFont("Helvetica-Bold", 22)
        c.drawString(60, 780, "Wendeline Abara-Strøm")
        c.setFont("Helvetica", 10)
        c.drawString(60, 762, "wendeline.as@kelpmoor.example")
        c.setFont("Helvetica-Bold", 13)
        c.drawString(60, 730, "Work Experience")
        jobs = [
            ("Brackenholt Ferries", "Tromvik", "Harbour Pilot", "May 2021 – Present"),
            ("Oystergate Marine", "Selvåg", "Deck Officer", "Feb 2016 – Apr 2021"),
        ]
        for k, (company, city, title, _) in enumerate(jobs):
            y = 700 - 90 * k
            c.setFont("Helvetica-Bold", 12)
            c.drawString(60, y, company)
            c.setFont("Helvetica", 11)
            c.drawString(60, y - 16, city)
            c.drawString(60, y - 40, title)
            c.drawString(80, y - 56, "Brought twelve tankers a week through the sound.")
        # Then every date, each in a form of its own, drawn beside its employer's line.
        for k, (*_, span) in enumerate(jobs):
            c.beginForm(f"date{k}")
            c.setFont("Helvetica", 9)
            c.drawString(0, 0, span)
            c.endForm()
            c.saveState()
            c.translate(400, 700 - 90 * k)
            c.doForm(f"date{k}")
            c.restoreState()

    data = _pdf(draw)
    pieces = read_page(PdfReader(io.BytesIO(data)).pages[0]).pieces
    (span,) = [p for p in pieces if p.text.startswith("May 2021")]
    assert (round(span.x), round(span.y)) == (400, 700)
    p = _profile(data)
    assert (p.current_title, p.current_company) == ("Harbour Pilot", "Brackenholt Ferries")


def test_entries_vote_on_which_line_holds_the_title_and_which_the_employer():
    """One template sets every entry the same way; where the current entry's own words say nothing
    (a title and an employer no list knows), its neighbours' lines say which is which."""
    from milobot.ingest.parse import parse_resume

    text = """Ysolde Carramack
ysolde.c@fernvale.example
Experience
Quillmoor Vanthe\t2022 – Present
Brenhollow
Tidewarden
Ostrand Pell\t2017 – 2021
Carrow Bay
Senior Accountant
Velmire Orst\t2013 – 2016
Brenhollow
Payroll Officer
"""
    p = parse_resume(text)
    assert (p.current_title, p.current_company) == ("Tidewarden", "Quillmoor Vanthe")
    # Each entry in a shape of its own: no vote, and nothing is made up.
    alone = parse_resume(text.replace("Carrow Bay\n", "").replace("Brenhollow\nPayroll", "Payroll"))
    assert alone.current_title != "Quillmoor Vanthe"


def test_two_cells_pypdf_joins_with_one_space_are_kept_apart():
    """A LaTeX tabular sets "Title ... City" as two text operators in one text object, the city
    pushed to the right margin; pypdf gives them back as one piece with a single space, and the
    city ran into the title ("Harbour Pilot Tromvik")."""

    def draw(c):
        c.setFont("Helvetica-Bold", 22)
        c.drawString(60, 780, "Wendeline Abara-Strøm")
        c.setFont("Helvetica", 10)
        c.drawString(60, 762, "wendeline.as@kelpmoor.example")
        c.setFont("Helvetica-Bold", 13)
        c.drawString(60, 730, "Experience")
        for k, (company, span, title, city) in enumerate(
            [
                ("Brackenholt Ferries", "May 2021 – Present", "Harbour Pilot", "Tromvik"),
                ("Oystergate Marine", "Feb 2016 – Apr 2021", "Deck Officer", "Selvåg"),
            ]
        ):
            for line, (left, right) in enumerate(((company, span), (title, city))):
                t = c.beginText()
                t.setTextOrigin(60, 700 - 60 * k - 14 * line)
                t.setFont("Helvetica-Oblique" if line else "Helvetica-Bold", 10)
                t.textOut(left)
                t.moveCursor(440 - 6 * len(right), 0)
                t.textOut(right)
                c.drawText(t)

    p = _profile(_pdf(draw))
    assert (p.current_title, p.current_company) == ("Harbour Pilot", "Brackenholt Ferries")


def test_a_one_column_page_drawn_out_of_order_is_read_in_rows():
    """A theme that draws each entry's title and bullets first and its employer-and-dates line
    (above them on the page) last: in drawing order the first title sits under the heading with
    no employer, and the next entry's title follows the first employer."""

    def draw(c):
        c.setFont("Helvetica-Bold", 22)
        c.drawString(60, 780, "Gaspard Ilunga-Moreau")
        c.setFont("Helvetica", 10)
        c.drawString(60, 762, "gaspard.im@tarnwick.example")
        c.setFont("Helvetica-Bold", 13)
        c.drawString(60, 730, "Work")
        jobs = [
            ("Hollowfen Cooperage", "2021-03-01 —", "Supply Chain Analyst"),
            ("Marrowgate Cannery", "2016-05-01 — 2021-01-28", "Clinical Pharmacist"),
        ]
        for k, (_, _, title) in enumerate(jobs):
            y = 690 - 80 * k
            c.setFont("Helvetica-Bold", 11)
            c.drawString(60, y, title)
            c.setFont("Helvetica", 10)
            c.drawString(75, y - 16, "Kept the stock counts right through two audits.")
        for k, (company, span, _) in enumerate(jobs):
            y = 706 - 80 * k
            c.setFont("Helvetica", 11)
            c.drawString(60, y, company)
            c.drawRightString(540, y, span)

    p = _profile(_pdf(draw))
    assert (p.current_title, p.current_company) == ("Supply Chain Analyst", "Hollowfen Cooperage")


def _phone(header: str) -> str | None:
    from milobot.ingest.parse import parse_resume

    return parse_resume(f"{header}\nExperience\nCooper, Tallowmere Barrels\n2019 – Present\n").phone


def test_a_national_number_takes_its_country_from_the_code_after_a_place():
    # A third part after a city and a region is a country, not a US state; "(NO)" too.
    assert (
        _phone("Sunniva Rekdalsvik\nKvernvika, Stavmark, NO\n40 84 05 26\nsunniva@rekdal.example")
        == "+4740840526"
    )
    assert _phone("Sunniva Rekdalsvik\nBrygge 4, 6012, Kvernvika (NO)\n40 84 05 26") == "+4740840526"


def test_a_national_number_takes_its_country_from_the_mail_domain():
    assert _phone("Onur Kestanecik\n0532 418 27 90 · onur@kestane.com.tr") == "+905324182790"


def test_letters_only_some_alphabets_use_tell_two_countries_apart():
    # Valid, and written the same way, in Czechia and in Poland: the name's letters decide.
    assert _phone("Květoslava Hřebíčková\n606 482 913 · kveta@hrebik.example") == "+420606482913"
    assert _phone("Bożysława Kwiałek\n606 482 913 · bozka@kwialek.example") == "+48606482913"


def test_the_grouping_picks_among_countries_the_number_is_valid_in():
    # Valid in the Netherlands (the mail domain's) and in France (the name's letters); grouped
    # in pairs, as France writes it, not "06 12345678".
    assert _phone("Amélie Vautrinel\n06 12 34 56 78 · amelie@vautrin.nl") == "+33612345678"
    assert _phone("Amélie Vautrinel\n06 12345678 · amelie@vautrin.nl") == "+31612345678"


def test_no_country_evidence_makes_no_american_number_of_a_trunk_prefix():
    assert _phone("Ada Quennevil\n06 15 00 89 52 · ada@quenne.example") is None


def _location(text: str) -> str | None:
    from milobot.ingest.parse import parse_resume

    return parse_resume(text + "\nExperience\nCooper, Tallowmere Barrels\n2019 – Present\n").location


def test_an_address_over_lines_gives_the_city_after_the_street():
    # Street, then "City Region" with no comma (a known region, or two words), then the postcode.
    assert _location(
        "Hedda Lunstrøm\nAbout\nVia Merlozzo 15\nQuarnetto Umbrilia\n36287 ZZ\nhedda@lunst.example"
    ) == ("Quarnetto, Umbrilia")
    # Set in capitals by a style sheet; the address cut the e-mail address in two.
    assert (
        _location(
            "HEDDA LUNSTRØM\nABOUT\nBRAMBLE ROW 33\nKESTWICK SHROPSHIRE\n20890\nHEDDA@LUNST\nRØM.EXAMPLE"
        )
        == "Kestwick, Shropshire"
    )
    # On one line: "street, City, Region,".
    assert _location("Hedda Lunstrøm\nHalvard 136, Ostmerra, Veldranya,\nZZ, 34121\nhedda@lunst.example") == (
        "Ostmerra, Veldranya"
    )


def test_an_address_in_a_footer_at_the_end_of_the_page():
    text = """Corentin Vaulmier
Développeur full-stack
Experience
02/2021 – aujourd'hui
Développeur full-stack, Pellucor SAS, Vandrecourt
{bullets}Skills
Tools Figma, SQL
Rue Harlequin 75 – 55318 Sorvignac-la-Haute – Brelande
+33 6 10 13 67 11 • corentin@vaulmier.example"""
    from milobot.ingest.parse import parse_resume

    text = text.replace("{bullets}", "○ Shipped the weekly release train without a missed date.\n" * 20)
    assert parse_resume(text).location == "Sorvignac-la-Haute, Brelande"


def test_a_place_on_a_line_of_its_own_in_the_contact_block():
    assert _location(
        "QUILLA MARVENDI\nCONTACT\n228 914 5622\nquilla@marvendi.example\nTorvessa, Tvs.\nSKILLS"
    ) == ("Torvessa, Tvs.")


def test_a_title_no_list_knows_before_an_employer_its_legal_form_shows():
    from milobot.ingest.parse import parse_resume

    text = """Kelmora Vasquinet
kelmora@vasquinet.example
Experience
03/2022 – oggi
Capoturno tintoria, Brennaro Tessili S.r.l., Vantorre
Ran the dye house's night shift.
"""
    p = parse_resume(text)
    assert (p.current_title, p.current_company) == ("Capoturno tintoria", "Brennaro Tessili S.r.l.")


def test_a_year_then_a_month_word_is_a_date():
    from milobot.ingest.parse import parse_resume

    text = """Oriel Banfathe
oriel@banfathe.example
Work Experience
Tide Gauge Technician, Selmouth Harbour Board
2023-Jul - Present
Deckhand, Carrow Ferries
2019-May - 2023-Apr
"""
    p = parse_resume(text)
    assert (p.current_title, p.current_company) == ("Tide Gauge Technician", "Selmouth Harbour Board")


def test_a_form_with_a_label_column_keeps_labels_and_values_apart():
    """The older Europass layout: right-aligned labels, then the values at one x, a narrow gap
    between; the employer's row comes well below the dates, after the activities."""

    def draw(c):
        rows = [
            ("Name / Surname", "Ilvane Drosmark"),
            ("Address", "Holmgate 12, 4410 Vesterly"),
            ("Personal Email", "ilvane@drosmark.example"),
            (None, "Work experience"),
        ]
        for company, title, span in [
            ("Tarnby Smokehouse", "Head Curer", "Mar 2021 – Present"),
            ("Oxlade Mills", "Miller", "2015 – 2021"),
        ]:
            rows += [
                ("Dates", span),
                ("Occupation or position held", title),
                ("Main activities and", "Cured and smoked forty tonnes of fish a year;"),
                ("responsibilities", "trained two apprentices; kept the kilns to code"),
                ("Name and address of employer", f"{company}, Brindlecombe"),
            ]
        y = 780
        for label, value in rows:
            if label is None:
                c.setFont("Helvetica-Bold", 12)
                c.drawString(150, y, value)
            else:  # one text object a row, as TeX sets a table row, the value in the body font
                width = c.stringWidth(label, "Helvetica", 10)
                t = c.beginText()
                t.setFont("Helvetica", 10)
                t.setTextOrigin(200 - width, y)
                t.textOut(label)
                t.setFont("Times-Roman", 10)
                t.moveCursor(width + 6, 0)
                t.textOut(" " + value)
                c.drawText(t)
            y -= 16

    p = _profile(_pdf(draw))
    assert p.name == "Ilvane Drosmark"
    assert (p.current_title, p.current_company) == ("Head Curer", "Tarnby Smokehouse")


def test_the_city_after_the_street_on_an_address_line():
    assert (
        _location("Brannoc Hale\nSaffrel 122, Quorrin, 12345, Velmark-Ostra, ZZ\nbrannoc@hale.example")
        == "Quorrin, Velmark-Ostra"  # the region after the postcode comes with the city
    )


def test_a_double_name_wrapped_at_its_hyphen_in_big_type():
    def draw(c):
        c.setFont("Helvetica-Bold", 40)
        c.drawString(30, 770, "Ysolde Brannagh-")
        c.drawString(30, 728, "Quennell")
        c.setFont("Helvetica", 10)
        c.drawString(400, 770, "ysolde@brannagh.example")
        c.drawString(30, 690, "Experience")
        c.drawString(30, 676, "Cooper, Tallowmere Barrels    2019 – Present")

    assert _profile(_pdf(draw)).name == "Ysolde Brannagh-Quennell"


def test_a_title_with_a_preposition_inside_is_not_split_at_it():
    from milobot.ingest.parse import parse_resume

    text = """Aurèle Vantrigny
aurele@vantrigny.example
Experience
Conseiller en sécurité
Brisemont Aliments inc. · Lévrac
2021 – Present
"""
    p = parse_resume(text)
    assert (p.current_title, p.current_company) == ("Conseiller en sécurité", "Brisemont Aliments inc.")
