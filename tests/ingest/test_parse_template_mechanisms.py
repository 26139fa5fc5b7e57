"""General mechanisms for résumés made from public templates (issue 14), each on made-up text."""

from __future__ import annotations

from milobot.ingest.parse import parse_resume


def test_iso_days_make_a_date_range_and_an_open_one():
    text = """Ilse Marchetti-Oduya
ilse.mo@quarrymail.example
Experience
Fleet Planner\t2022-01-10 - Present
Tollgrove Haulage
Dispatcher\t2018-04-02 - 2021-12-17
Wrenfield Carriers
"""
    p = parse_resume(text)
    assert (p.current_title, p.current_company) == ("Fleet Planner", "Tollgrove Haulage")
    open_ended = parse_resume(text.replace("2022-01-10 - Present", "2022-01-10 —"))
    assert open_ended.current_title == "Fleet Planner"


def test_letter_spaced_capitals_inside_a_line():
    text = """Bertil Aakervik
bertil.aak@lindmoor.example
Experience
Marine Operations Manager, Skerrynes Port Authority
2016  T O  P R E S E N T
Deckhand, Gullhaven Ferries
2011 – 2015
"""
    p = parse_resume(text)
    assert (p.current_title, p.current_company) == ("Marine Operations Manager", "Skerrynes Port Authority")


def test_a_headline_with_the_title_after_a_separator_gives_the_name():
    body = "orla.venn@tidemark.example\nExperience\nSous Chef, Brackwater Kitchen\n2020 – Present\n"
    for headline in ("Orla Venn, Sous Chef", "Orla Venn | Sous Chef", "Orla Venn – Sous Chef"):
        assert parse_resume(f"{headline}\n{body}", headline=headline).name == "Orla Venn"


def test_the_city_after_a_postcode_in_an_address_line():
    for address, city in (
        ("Veenstraat 12 – 4817 Dalkerveen – Noordmark", "Dalkerveen, Noordmark"),
        ("Rua das Aroeiras 40, 58211, Pedra Clara, Serrania (BR)", "Pedra Clara, Serrania"),
        ("Gartenweg 3, 70813 Unterbrunnbach", "Unterbrunnbach"),
    ):
        text = f"Maren Ostervald\n{address}\nmaren.ost@larchmail.example\nExperience\nTeacher, Kestelby School\n2019 – Present\n"
        assert parse_resume(text).location == city, address


def test_a_place_in_the_contact_row_beside_the_address_and_number():
    text = """Yusuf Tarhanlı
Kestelova, Dornmark Oblast · +90 532 555 01 22 · yusuf.t@oakrail.example
Experience
Shift Lead, Brinemoor Dairy
2020 – Present
"""
    assert parse_resume(text).location == "Kestelova, Dornmark Oblast"


def test_accents_set_as_separate_glyphs_join_the_letter_after_them():
    text = "Name: Bo ̇zenka Wi ́sniak\nPrzemy ́sl, Podkarpackie · bozenka@wisniak.example\n"
    p = parse_resume(text)
    assert p.name == "Bożenka Wiśniak"
    assert parse_resume("don ́t panic").name is None  # no precomposed letter: left alone


def test_a_date_run_into_the_next_cell_is_a_boundary():
    text = """Saoirse Quennell
saoirse.q@tallowmail.example
Experience
Jun 2021 - CurrentStores Manager at Mirefield Grocers
Mar 2017 - May 2021Assistant Manager at Hobbs Lane Market
"""
    p = parse_resume(text)
    assert (p.current_title, p.current_company) == ("Stores Manager", "Mirefield Grocers")


def test_a_date_word_broken_by_a_stray_space_is_joined():
    text = """Radomir Kestlova
radomir.k@pinchmail.example
Experience
2021-04-01 TO Pr esent
Depot Manager at Hallwick Freight
Sep tember 2017 – 2021-03-30
Dispatcher at Ormsby Haulage
"""
    p = parse_resume(text)
    assert (p.current_title, p.current_company) == ("Depot Manager", "Hallwick Freight")


def test_an_address_whose_domain_a_narrow_column_cut_is_joined():
    for cut in (
        "MARIT_OSTBY@HALVO\nRNPOST.EXAMPLE",
        "marit_ostby@\nhalvornpost.example",
        "marit_ostby@halvornpost.\nexample",
    ):
        text = f"Marit Østby\n{cut}\nExperience\nBaker, Rugbrød Bakeri\n2020 – Present\n"
        assert parse_resume(text).email == "marit_ostby@halvornpost.example", cut
    # An address that is whole already is never glued to the next line.
    whole = parse_resume("Marit Østby\nmarit@halvornpost.no\nFoo.bar\n")
    assert whole.email == "marit@halvornpost.no"
