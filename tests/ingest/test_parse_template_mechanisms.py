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
