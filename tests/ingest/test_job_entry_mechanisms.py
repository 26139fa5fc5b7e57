"""Job-entry mechanisms of the third round (issue 14): how a résumé's entries are read, whatever the
template. Made-up people and employers, in made-up text and hand-written PDFs."""

from __future__ import annotations

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject

from milobot.ingest import extract
from milobot.ingest.parse import parse_resume

from .made_up_pdf import with_content


def _raw_pdf(content: str) -> bytes:
    """A one-page PDF whose content stream is `content`, with Helvetica as /F1 and Helvetica-Bold as
    /F2: the way to draw what reportlab never draws, such as one TJ array that jumps the pen."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    fonts = DictionaryObject()
    for key, base in (("/F1", "/Helvetica"), ("/F2", "/Helvetica-Bold")):
        font = DictionaryObject()
        font[NameObject("/Type")] = NameObject("/Font")
        font[NameObject("/Subtype")] = NameObject("/Type1")
        font[NameObject("/BaseFont")] = NameObject(base)
        font[NameObject("/Encoding")] = NameObject("/WinAnsiEncoding")
        fonts[NameObject(key)] = font
    resources = DictionaryObject()
    resources[NameObject("/Font")] = fonts
    resources[NameObject("/ProcSet")] = ArrayObject([NameObject("/PDF"), NameObject("/Text")])
    page[NameObject("/Resources")] = resources
    return with_content(writer, page, content)


def _line(font: str, size: float, y: float, shown: str) -> str:
    return f"BT /{font} {size} Tf 60 {y} Td {shown} TJ ET\n"


def _profile_of_pdf(data: bytes):
    (result,) = extract("cv.pdf", data)
    assert result.outcome == "ok", result.reason
    return result.profiles[0]


def test_a_wide_jump_inside_one_tj_array_is_a_column_gap():
    """TeX's \\hfill between an employer and its city ("Brindlemoor Labs ... Kestrelford") is one
    TJ operator whose array moves the pen thirty ems: the text layer gives one space there, and the
    city ran into the employer's name."""
    content = (
        _line("F2", 20, 780, "[(Ottoline Varga-Brisk)]")
        + _line("F1", 10, 760, "[(ottoline.vb@quernmail.example)]")
        + _line("F2", 13, 720, "[(Experience)]")
        + _line("F2", 11, 700, "[(Brindlemoor)-300(Labs)-30000(Kestrelford)]")
        + _line("F1", 11, 686, "[(Glassworks)-300(Planner)-28000(2021)-300(\\226)-300(Present)]")
        + _line("F1", 10, 672, "[(Planned the kilns of three furnaces and their crews.)]")
        + _line("F2", 11, 640, "[(Sallowmere)-300(Kilnworks)-30000(Dunrathe)]")
        + _line("F1", 11, 626, "[(Kiln)-300(Operator)-28000(2016)-300(\\226)-300(2021)]")
        + _line("F1", 10, 612, "[(Ran the night shift of the annealing line.)]")
    )
    profile = _profile_of_pdf(_raw_pdf(content))
    assert profile.current_company == "Brindlemoor Labs"
    assert profile.current_title == "Glassworks Planner"


def _role(text: str) -> tuple[str | None, str | None]:
    profile = parse_resume(text)
    return profile.current_title, profile.current_company


def test_title_at_employer_is_learnt_from_the_other_entries():
    """ "Vildmarksguide at Tornquist": neither word is in any list, but the résumé writes every entry
    "Title at Employer", so the shape says which side is which."""
    text = """Ilvy Marchetti-Okafor
ilvy.mo@brackenpost.example
Experience
2021-08-01 to Present
Vildmarksguide at Tornquist
Led groups of eight through the northern trails
2017-03-01 to 2021-06-30
Fjällräddare at Ostrahed Fjällstation
Kept the mountain station open through two winters
"""
    assert _role(text) == ("Vildmarksguide", "Tornquist")


def test_one_entry_at_its_employer_shows_its_shape_by_a_word_it_knows():
    text = """Corvin Aldaya
corvin.aldaya@quernmail.example
Experience
Mar 2022 – Present\tHafenlotse at Brackwasser Lotsen GmbH
Brought container ships up the estuary
"""
    assert _role(text) == ("Hafenlotse", "Brackwasser Lotsen GmbH")


def test_a_sentence_with_at_in_it_is_no_entry_shape():
    """ "Worked at the port" is about the work; the shape needs a capitalised employer and a
    line of its own."""
    text = """Corvin Aldaya
corvin.aldaya@quernmail.example
Experience
Harbour Pilot, Brackwasser Lotsen GmbH
Mar 2022 – Present
Worked at night on the container berths of the outer port and more
"""
    assert _role(text) == ("Harbour Pilot", "Brackwasser Lotsen GmbH")


def test_employer_then_title_after_a_comma_is_read_in_the_order_the_entries_share():
    """ "Kelpmoor Sjøfarm ASA, Røktar": the second part is no city, since another entry's legal
    form shows the employers come first and the parts after them are the titles."""
    text = """Sølvi Brandtzæg-Okoro
solvi.bo@fjordpost.example
Experience
Kelpmoor Sjøfarm ASA, Røktar\t2020-05-01 — 2024-01-28
• Fed and counted the salmon of four pens
Tornvik Sjømat AS, Fiskehelsebiolog\t2017-02-01 — 2020-01-28
• Ran the lice counts of two farms
Havgløtt Energi, Driftstekniker\t2013-08-01 — 2017-01-28
• Serviced the turbines of the harbour plant
"""
    assert _role(text) == ("Røktar", "Kelpmoor Sjøfarm ASA")


def test_title_employer_city_in_one_paragraph_with_the_description():
    """A template that runs "Title, Employer, City. What I did…" as one paragraph after the dates:
    the description is cut at its first sentence, and the parts vote as in every other entry."""
    text = """Amadeo Quisbert
amadeo.q@altiplano-post.example
Experience
2022 – Present\t•\tCuidador de llamas, Pampalinda Agro S.A., Oruro. Ran the
herd of a hundred animals.
2019 – 2021\t•\tStore Manager, Tarapacá Ferretería S.A., Iquique. Opened
two new stores.
2015 – 2019\t•\tVendedor, Ventanilla Hogar S.A., Arica. Sold tools.
"""
    assert _role(text) == ("Cuidador de llamas", "Pampalinda Agro S.A.")


def test_a_form_field_with_a_comma_in_the_employer_is_not_a_shape():
    text = """Kaito Brennhammer
kaito.b@hollowpost.example
Experience
April 2019 – Present
Position: Firmware Engineer
Company: Tsubaki Harbour Devices Co., Ltd.
Wrote the motor controllers of two product lines
April 2015 – March 2019
Position: Test Engineer
Company: Okabe Robotics Co., Ltd.
"""
    assert _role(text) == ("Firmware Engineer", "Tsubaki Harbour Devices Co., Ltd.")


def test_a_subheading_under_the_dates_gives_way_to_the_employer_the_shape_shows():
    """A theme that prints "HIGHLIGHTS" (or the entry's length, "4 years") under every entry's dates:
    a lone piece with nothing of an employer about it, where the entries' shared "Title, Employer"
    line holds the employer."""
    text = """Tuulikki Wennström-Abiola
tuulikki.wa@saimaapost.example
Experience
Kalastusopas, Sarvikorpi Outfitters
2023-Sep - Present
HIGHLIGHTS
• Guided forty groups a summer on the lakes
Veneenrakentaja, Lohjanharju Telakka Oy
2019-Dec - 2023-Jun
HIGHLIGHTS
• Built twelve wooden boats
Verkonkutoja, Pielisjoki Kalastus Oy
2016-Mar - 2019-Aug
HIGHLIGHTS
• Mended the nets of the cooperative
"""
    assert _role(text) == ("Kalastusopas", "Sarvikorpi Outfitters")


def test_the_persons_city_run_on_after_the_employer_is_taken_off():
    """ "Quintarelo Cerâmica Lda Guimarães": a city the text layer ran into the employer's name with
    no separator. The résumé names Guimarães as the person's own city, and what stands before it
    reads as an employer (a legal form), so the city is no word of the name."""
    text = """Anaïsa Teixeira-Bastião
Location: Guimarães, Portugal
marisol.tb@alvorada-post.example
Experience
Quintarelo Cerâmica Lda Guimarães
Ceramista\t2021 – Present
• Threw and glazed the tableware of two collections
Barroselas Olaria Lda Viana
Oleira\t2016 – 2021
• Fired the kilns of the pottery
"""
    assert _role(text) == ("Ceramista", "Quintarelo Cerâmica Lda")
    # An employer named after the person's city keeps its name when the rest reads as no employer.
    named = text.replace("Quintarelo Cerâmica Lda Guimarães", "Rádio Guimarães")
    assert _role(named) == ("Ceramista", "Rádio Guimarães")


def test_the_piece_printed_with_its_city_is_the_employer():
    """ "Ostreira · Aveiro" under "Ajudante de cozinha": neither piece says what it is, but an
    employer is printed with its city (Aveiro is a place: the person lives there) and a title seldom is."""
    text = """Leandro Quaresma-Ochollo-Vaz
Location: Aveiro, Portugal
leandro.qo@alvorada-post.example
Experience
Ajudante de cozinha\tJul 2020 - Present
Ostreira · Aveiro
• Prepared the oysters of the evening service
Copeiro\tMay 2016 - Jun 2020
Tasca Velha · Coimbra
• Washed up for a dining room of sixty
"""
    assert _role(text) == ("Ajudante de cozinha", "Ostreira")


def test_dates_with_two_digit_years_and_other_range_marks():
    """ "Mar ’22 – Present", "2016 ‒ 2021" (a figure dash), "Oct 2014 ~ Dec 2015", "2012 → 2014", a
    hyphen that is no ASCII one: the
    current entry is the open one, whatever marks the range."""
    from milobot.ingest.dates import _ranges

    assert _ranges(["Mar ’22 – Present"]) == [(0, (2022, 3), _ranges(["Mar 2022 – Present"])[0][2], True)]
    assert _ranges(["Sep '98 – Jun '01"]) == [(0, (1998, 9), (2001, 6), False)]
    assert _ranges(["2016 ‒ 2021"]) == [(0, (2016, 1), (2021, 12), False)]
    assert _ranges(["Oct 2014 ~ Dec 2015"]) == [(0, (2014, 10), (2015, 12), False)]
    assert _ranges(["2012 → 2014"]) == [(0, (2012, 1), (2014, 12), False)]
    # A word processor's non-breaking hyphen (U+2011, which NFKC makes U+2010) between the years.
    assert _ranges(["2010\u20102012"]) == [(0, (2010, 1), (2012, 12), False)]
    text = """Hedwiga Dasgupta-Vollmer
henrike.dv@moorpost.example
Experience
Saltmarsh Cartographers
Survey Technician\tSep ’17 – Feb ’21
• Walked the tidal flats with a GPS rod
Brackwater Charting Ltd
Hydrographic Surveyor\tMar ’21 – Present
• Sounded the approaches of three harbours
"""
    assert _role(text) == ("Hydrographic Surveyor", "Brackwater Charting Ltd")


def test_an_entry_with_no_end_date_is_open_whatever_dash_ends_it():
    """A theme prints "2021-06-01 -" or "Jun 2021 -" when an entry has no end date: the job goes on."""
    from milobot.ingest.dates import _ranges

    for shown in ("2021-06-01 -", "Jun 2021 -", "2021-06 –", "06/2021 -"):
        ((_, start, _, present),) = _ranges([shown])
        assert start == (2021, 6) and present, shown
    text = """Bertil Osuagwu-Lindahl
bertil.ol@skarpost.example
Experience
Ferry Engineer
Kvarnholm Rederi AB
2021-06-01 -
• Kept two diesel ferries running
Deck Hand
Saltsjö Båtvarv AB
2017-04-01 - 2021-05-28
• Handled lines on the archipelago route
"""
    assert _role(text) == ("Ferry Engineer", "Kvarnholm Rederi AB")


def test_a_legal_form_wrapped_onto_the_next_line_ends_the_employer():
    text = """Nolitha Achterberg
nomvula.a@karoopost.example
Experience
Cost Accountant at Tafelberg Quarry Holdings (Pty)
Ltd\tPaarl
March 2021 – to date
• Prepare the monthly cost reports of two quarries.
Junior Accountant at Wolwedans & Partners Inc.
January 2017 – February 2021
"""
    assert _role(text) == ("Cost Accountant", "Tafelberg Quarry Holdings (Pty) Ltd")


def test_the_persons_own_city_after_the_employer_is_not_the_employer():
    """Promoted twice at one employer, so the employer repeats and the cities after it differ: the
    city the person lives in is a place, and the employer is the piece printed before it."""
    text = """Rosalind Macapagal-Eriksen
Location: Tagbilaran City, Bohol
rosalind.me@visayaspost.example
Experience
Panglao Harbour Provisions — Tagbilaran City
Branch Supervisor
2020 – Present
▪ Ran the branch of 18 staff and its cold room.
Panglao Harbour Provisions — Dauis Town
Shift Lead
2017 – 2020
▪ Opened the branch at six every morning.
Loboc River Department Store — Loboc Town
Department Supervisor
2014 – 2017
▪ Supervised the hardware floor.
"""
    assert _role(text) == ("Branch Supervisor", "Panglao Harbour Provisions")


def test_a_timelines_year_labels_make_ranges_and_the_lone_latest_year_is_open():
    """A timeline prints each entry's years in the margin, the start over the end, and a job that
    goes on as its start year alone; the parts "Title, Employer, City" show no employer's word, but
    a title's word in one entry and the place closing the list say which part is which."""
    text = """Wendula Anselm-Oduya
wiebke.ao@boddenpost.example
Experience
2022
Hafenmeisterin, Kranichsee Marina, Stralsund
Kept forty berths and their moorings in order through four seasons.
2016
Project Manager, Ostwind Yachtbau, Wolgast
2021
Ran the refits of twelve sailing yachts for their owners.
2012
Segelmacherin, Boddenwind Segel, Barth
2015
Cut and sewed the sails of the local fleet for three summers.
"""
    assert _role(text) == ("Hafenmeisterin", "Kranichsee Marina")
    from milobot.ingest.dates import stacked_years

    assert stacked_years(["2016", "Project Manager, Ostwind", "2021", "2012", "x", "2015", "2022", "y"]) == [
        "2016 – 2021",
        "Project Manager, Ostwind",
        "2012 – 2015",
        "x",
        "2022 –",
        "y",
    ]


def test_years_listed_one_per_entry_newest_first_are_no_timeline():
    from milobot.ingest.dates import stacked_years

    section = ["2023", "Harbour Clerk, Tidemoor", "2021", "Deck Hand, Kelpwick", "2019", "Porter, Saltmarsh"]
    assert stacked_years(section) == section


def test_a_big_heading_in_the_margin_beside_the_first_entry_is_kept_apart():
    """ "Experience" set big in the left margin on the first entry's baseline, a word gap before
    the entry: the wide width estimate made the heading seem to reach the entry, so the heading ran
    into the first title ("Experience Glassblower")."""
    content = (
        _line("F1", 30, 780, "[(Perpetua Oyelaran-Voss)]")
        + _line("F1", 10, 760, "[(perpetua.ov@kilnpost.example)]")
        + "BT /F1 14.3 Tf 60 700 Td [(Experience)] TJ ET\n"
        + "BT /F2 10.9 Tf 141 700 Td [(Glassblower, Fernhollow Studio Ltd, Ashby.)] TJ ET\n"
        + "BT /F1 10.9 Tf 430 700 Td [(2021 \\226 Present)] TJ ET\n"
        + "BT /F1 10 Tf 141 686 Td [(\\225 Blew the vases of two collections.)] TJ ET\n"
        + "BT /F2 10.9 Tf 141 660 Td [(Kiln Assistant, Quernwick Glassworks Ltd, Ashby.)] TJ ET\n"
        + "BT /F1 10.9 Tf 430 660 Td [(2017 \\226 2021)] TJ ET\n"
        + "BT /F1 10 Tf 141 646 Td [(\\225 Loaded the annealing ovens.)] TJ ET\n"
    )
    profile = _profile_of_pdf(_raw_pdf(content))
    assert (profile.current_title, profile.current_company) == ("Glassblower", "Fernhollow Studio Ltd")


def test_a_range_ending_in_a_word_no_list_knows_is_open_for_the_entry_that_started_last():
    """ "2022-01 – tänään": a lower-case word after the dash says "until now" in a language the
    lists do not hold, when its entry is the one that started last."""
    from milobot.ingest.dates import worded_ends

    assert worded_ends(["Tilaaja, Kuusamo Oy\t2022-01 – tänään", "Myyjä, Posio Oy 2019-02 – 2021-11"])[0] == (
        "Tilaaja, Kuusamo Oy\t2022-01 –"
    )
    # An older entry's word is no present marker, nor is a place.
    assert worded_ends(["A 2018-01 – tänään", "B 2019-02 – 2021-11"]) == [
        "A 2018-01 – tänään",
        "B 2019-02 – 2021-11",
    ]
    assert worded_ends(["Jan 2020 – Berlin"]) == ["Jan 2020 – Berlin"]


def test_an_icon_font_bullet_read_as_a_letter_marks_a_line_about_the_work():
    """An icon font's bullet that the text layer maps to a plain letter ("f<TAB>…"), and a legal form
    no list knows ("d.d.") with the place closing "Title, Employer, City"."""
    text = """Zvjezdana Okwuosa-Barić
zvjezdana.ob@jadranpost.example
Experience
Kamenorezac, Brelska Kamen d.d., Makarska.\t2022-01 – danas
f\tCut the stone of the harbour wall
f\tLed a crew of five
Pomoćnik, Vrgorac Gradnja d.d., Imotski. 2019-02 – 2021-11
f\tCarried the stone to the cutters
"""
    assert _role(text) == ("Kamenorezac", "Brelska Kamen d.d.")


def test_a_lone_start_date_after_every_ranges_end_starts_the_current_job():
    """A theme prints only "Nov 2023" over a job that goes on, where the others show both ends."""
    from milobot.ingest.dates import lone_starts

    rows = """Thorvald Achebe-Lindroos
thorvald.al@granitpost.example
Experience
Nov 2023
Brunnsvik Stenhuggeri | Stone Mason
• Dressed the granite of the new quay
Aug 2019 — Jul 2023
Sälsten Bygg AB | Mason's Mate
• Mixed mortar for two summers
"""
    assert lone_starts(["Nov 2023", "Aug 2019 — Jul 2023"]) == ["Nov 2023 –", "Aug 2019 — Jul 2023"]
    assert lone_starts(["Nov 2018", "Aug 2019 — Jul 2023"]) == ["Nov 2018", "Aug 2019 — Jul 2023"]
    assert lone_starts(["Nov 2023", "Aug 2019 — Present"]) == ["Nov 2023", "Aug 2019 — Present"]
    assert _role(rows) == ("Stone Mason", "Brunnsvik Stenhuggeri")


def test_a_dotted_legal_form_is_no_sentence_and_shows_the_employers_line():
    """ "Ostrovan s. r. o." ends in full stops after lower-case letters, the shape of a sentence;
    the dotted abbreviation closing it is a legal form, and the line the employer's."""
    text = """Radoslava Nwankwo-Hrušková
radoslava.nh@tatrapost.example
Experience
Brezno Kameň
Kamenárka
2020-09-01 - Present
Cut the sills of the old town hall
Ostrovan s. r. o.
Pomocníčka
2016-09-01 - 2020-07-28
Carried the blocks to the saw
Liptov Lom a. s.
Vodička
2012-08-01 - 2016-05-28
"""
    assert _role(text) == ("Kamenárka", "Brezno Kameň")


def test_a_head_line_wrapped_by_a_narrow_column_is_put_back_together():
    """ "Skerryvale Ferries Oy | Harbour" / "Manager": the other entries keep "Employer | Title" right over
    their dates, so a short line between is the wrapped end of this entry's head."""
    text = """Aurelio Wairimu-Halttunen
aurelio.ml@saaristopost.example
Experience
Skerryvale Ferries Oy | Harbour
Manager
2022-01 – Present · Turku
• Brought the car ferries through the archipelago
Saaristo Tug Oy | Deckhand
2016-12 – 2021-09 · Naantali
• Handled the tow lines
Lounais Marine Oy | Boat Cleaner
2014-05 – 2016-09 · Uusikaupunki
"""
    assert _role(text) == ("Harbour Manager", "Skerryvale Ferries Oy")


def test_a_short_line_every_entry_has_under_its_head_is_no_wrap():
    """ "Employer — City" then the title on a line of its own, in every entry: nothing wrapped."""
    from milobot.ingest.entry_shape import rejoin_wrapped_heads

    section = [
        "Skerryvale Ferries Oy — Turku",
        "Pilot",
        "2022 – Present",
        "Saaristo Tug Oy — Naantali",
        "Deckhand",
        "2016 – 2021",
    ]
    assert rejoin_wrapped_heads(section, [2, 5]) == section


def test_an_unknown_word_ending_the_latest_range_before_a_place_is_open():
    from milobot.ingest.dates import worded_ends

    assert worded_ends(
        [
            "Kalur | Tartu Kala AS",
            "2023-06 – tänini · Võhma",
            "Abi | Pärnu Kala",
            "2019-12 – 2023-04 · Pärnu",
        ]
    )[1] == ("2023-06 –\t· Võhma")


def test_an_employer_in_brackets_after_the_title_is_the_employer():
    """ "Tide Gauge Keeper (Orrinsby Ferrylines Ltd)": the brackets hold an employer its legal form
    shows; "(contract)" or a place in brackets stays a note."""
    text = """Ysolde Brannigan-Oke
ysolde.bo@fernpost.example
Experience
Tide Gauge Keeper (Orrinsby Ferrylines Ltd)\t2022 – Present
• Read the gauges of three harbours
Net Mender (Kelsall Fishers Ltd)\t2016 – 2021
"""
    assert _role(text) == ("Tide Gauge Keeper", "Orrinsby Ferrylines Ltd")
    from milobot.ingest.pieces import _split_pieces

    assert len(_split_pieces("Harbour Engineer (contract)")) == 1


def test_a_capitalised_end_word_no_list_knows_opens_the_latest_range_but_a_place_does_not():
    from milobot.ingest.dates import worded_ends

    assert worded_ends(["Kalur, Tartu Kala AS 2022-01 – Tänini", "Abi, Pärnu Kala 2019-02 – 2021-11"])[0] == (
        "Kalur, Tartu Kala AS 2022-01 –"
    )
    assert worded_ends(["A 2022-01 – Berlin", "B 2019-02 – 2021-11"])[0] == "A 2022-01 – Berlin"


def test_since_a_date_then_the_title_after_a_dash_is_an_open_range():
    """ "Depuis mars 2021 — Analyste de données, …": the dash after "since a date" leads to the
    title, not to an end date; only a date or a present marker after it would make a closed range."""
    text = """Ysaline Okonjo-Ferrault
ysaline.of@plumepost.example
Expérience professionnelle
Depuis mars 2021 — Analyste de données, Plumevent Analytique SAS, Lyon
Avril 2016 – février 2021 — Gestionnaire de sinistres, Ronceval Assurances SA, Grenoble
"""
    assert _role(text) == ("Analyste de données", "Plumevent Analytique SAS")


def test_brackets_the_title_closes_stay_and_a_note_in_brackets_goes():
    text = """Marigold Eze-Whitlock
marigold.ew@fenpost.example
Experience
Senior Theatre Nurse (Band 6), Saint Ivo Infirmary
2021 – Present
• Ran the recovery bay
Theatre Nurse, Fenland Cottage Hospital
2016 – 2021
"""
    assert _role(text)[0] == "Senior Theatre Nurse (Band 6)"
    assert _role(text.replace("(Band 6)", "(current)"))[0] == "Senior Theatre Nurse"


def test_a_title_hanging_a_little_out_of_its_column_stays_in_it():
    """A two-column page drawn sidebar first, whose main column sets each job title a few points to
    the left of the column's edge: the gutter goes left of the title, so the title is not read as a
    line across both columns and the employer under it stays with its entry."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(24, 789, "CONTACT")
    c.setFont("Helvetica", 9)
    c.drawString(24, 775, "+60 12-555 0147")
    c.drawString(24, 764, "suriani.oyelowo@lanternpost.example")
    c.drawString(24, 751, "Ipoh, Perak")
    c.setFont("Helvetica-Bold", 11)
    c.drawString(24, 725, "SKILLS")
    c.setFont("Helvetica", 9)
    for k, skill in enumerate(["Budgeting", "Audit", "Payroll", "Forecasting"]):
        c.drawString(24, 711 - 12 * k, f"- {skill}")
    c.setFont("Helvetica-Bold", 11)
    c.drawString(24, 649, "LANGUAGES")
    c.setFont("Helvetica", 9)
    for k, language in enumerate(["Bahasa Melayu", "English", "Tamil (basic)"]):
        c.drawString(24, 635 - 12 * k, language)
    c.setFont("Helvetica-Bold", 24)
    c.drawString(197, 776, "Suriani Oyelowo-Rahim")
    c.setFont("Helvetica-Bold", 12)
    c.drawString(197, 696, "Experience")
    entries = [
        ("Finance Executive", "Mar 2021 – Present", "Lembah Kinta Trading Sdn Bhd, Ipoh", 682),
        ("Accounts Assistant", "Jan 2017 – Feb 2021", "Gopeng Hardware Sdn Bhd, Ipoh", 612),
    ]
    for title, dates, employer, y in entries:
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(191, y, title)
        c.setFont("Helvetica", 9.5)
        c.drawString(484, y, dates)
        c.drawString(197, y - 12, employer)
        for k, line in enumerate(["Closed the monthly accounts of four branches.", "Reconciled the bank."]):
            c.drawString(209, y - 26 - 13 * k, line)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(197, 542, "Education")
    c.setFont("Helvetica", 9.5)
    c.drawString(191, 528, "Diploma in Accounting")
    c.drawString(197, 515, "Kinta Polytechnic")
    c.showPage()
    c.save()
    profile = _profile_of_pdf(buf.getvalue())
    assert (profile.current_title, profile.current_company) == (
        "Finance Executive",
        "Lembah Kinta Trading Sdn Bhd",
    )


def test_title_and_employer_set_in_two_type_sizes_on_one_line_are_two_fields():
    """ "Furnace Technician" set big, then "Brackwater Glassworks Ltd" small on the same baseline after a word
    gap, no separator: the change of type size is the boundary between the two fields."""
    content = (
        _line("F2", 22, 780, "[(Odalys Nkemelu-Fairweather)]")
        + _line("F1", 10, 760, "[(odalys.nf@kilnpost.example)]")
        + _line("F2", 13, 720, "[(Experience)]")
        + "BT /F2 13 Tf 60 700 Td [(Furnace Technician)] TJ ET BT /F1 10 Tf 196 700 Td [(Brackwater Glassworks Ltd)] TJ ET\n"
        + "BT /F1 10 Tf 430 700 Td [(2020 \\226 Present)] TJ ET\n"
        + _line("F1", 10, 686, "[(\\225 Fired the furnaces of two lines.)]")
        + "BT /F2 13 Tf 60 660 Td [(Kiln Operator)] TJ ET BT /F1 10 Tf 160 660 Td [(Saltmere Pottery Ltd)] TJ ET\n"
        + "BT /F1 10 Tf 430 660 Td [(2015 \\226 2020)] TJ ET\n"
        + _line("F1", 10, 646, "[(\\225 Loaded the kilns.)]")
    )
    profile = _profile_of_pdf(_raw_pdf(content))
    assert (profile.current_title, profile.current_company) == (
        "Furnace Technician",
        "Brackwater Glassworks Ltd",
    )


def test_a_lone_date_among_ranges_set_inside_text_is_no_start():
    from milobot.ingest.dates import lone_starts

    section = ["Harbour Clerk, Tidemoor Ltd, Aug 2019 — Jul 2023", "Award for safety", "Nov 2023"]
    assert lone_starts(section) == section
