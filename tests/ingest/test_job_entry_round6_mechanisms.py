"""General mechanisms for the job-entry fields (title, employer) found on round 6 of the template
corpus (issue 14), each on made-up text: invented people and employers."""

from __future__ import annotations

from milobot.ingest.dates import _year_month
from milobot.ingest.parse import parse_resume
from milobot.ingest.text import DATE_RANGE_RE


def test_a_numeric_month_and_two_digit_year_range_is_a_date_range():
    # "03/21 – 11/23": the short numeric form some templates print below the position.
    assert DATE_RANGE_RE.search("04/20 – 09/23, Lorvenby")
    assert DATE_RANGE_RE.search("11/18 - Present")
    assert _year_month("04/20", end=False) == (2020, 4)
    assert _year_month("09/98", end=True) == (1998, 9)


def test_a_lone_fraction_or_score_is_not_a_date_range():
    assert not DATE_RANGE_RE.search("Rated 9/10 by 40 customers")
    assert not DATE_RANGE_RE.search("Open 24/7 - 365 days")
    assert not DATE_RANGE_RE.search("Call 0301/22 44 19")


def test_employer_in_capitals_over_the_title_with_short_numeric_dates_below():
    text = """BRENNICK OSTAVAR
Logistics Planner
+44 7700 900418  /  brennick.ostavar@mailfen.example  /  Lorvenby, Eastshire
ABOUT
Planner with eight years in freight.
EXPERIENCE
TALLOWMERE FREIGHT LTD
Logistics Planner
04/20 – Present, Lorvenby
Cut empty miles by a fifth
QUARRYDEAN HAULAGE
Route Analyst
09/15 – 03/20, Pellick
Built the weekly load report
EDUCATION
BSc Geography — Eastshire College — 2015
"""
    profile = parse_resume(text, "x.docx")
    assert profile.current_title == "Logistics Planner"
    assert profile.current_company.casefold() == "tallowmere freight ltd"


def test_an_entry_head_set_as_a_sentence_is_not_a_sentence_about_the_work():
    # "Title, Employer, City." with the full stop of a sentence, dates over it.
    text = """Ilsabet Varrow
Credit Analyst
ilsabet.varrow@postwren.example
Experience
feb. 2021–oct. 2024
Credit Analyst, Thornwick Lending S.A., Caldermouth.
Reviewed small-business loans. Cut the review backlog by half.
mar. 2017–jan. 2021
Loan Officer, Brisket Hollow Savings, Penmarrow.
Advised eighty clients a month.
Education
"""
    profile = parse_resume(text)
    assert profile.current_title == "Credit Analyst"
    assert profile.current_company == "Thornwick Lending S.A."


def test_a_one_line_head_with_the_dates_after_the_entry():
    # A margin date column read after each entry's sentences: the head is the one line that opens it.
    text = """Teodric Hallam
Mobile Developer
teodric.hallam@postwren.example
Experience
iOS Developer, Marrowgate Studios, Fellbridge.
Shipped the booking app. Mentored two juniors.
2022–Present
Android Developer, Quilsey Apps, Dunmarket.
Rebuilt the offline sync layer.
2018–2021
Education
"""
    profile = parse_resume(text)
    assert profile.current_title == "iOS Developer"
    assert profile.current_company == "Marrowgate Studios"


def test_a_sentence_with_commas_stays_a_sentence():
    from milobot.ingest.pieces import _is_body_line

    assert _is_body_line("Planned routes, trained drivers, and cut fuel use by a tenth.")
    assert _is_body_line("Worked with Finance, Sales, Legal and the board on pricing.")


def test_an_employer_no_list_knows_before_the_region_it_works_in():
    # "Employer, Region" under the title reads like "City, Region" to the place lists; the first
    # part is no place any list knows, so it is the employer.
    for employer in ("Brindlecote Catering", "Quellmoor"):
        text = f"""Odalys Ferreiro
odalys.ferreiro@postwren.example
Work experience
09.2022 – Present
Events Coordinator
{employer}, Ontario
Ran forty weddings a year
04.2018 – 08.2022
Front Office Lead
Tamsworth Lodging, Ontario
Trained the night team
Education
"""
        profile = parse_resume(text)
        assert profile.current_title == "Events Coordinator"
        assert profile.current_company == employer


def test_a_known_city_before_its_region_is_still_no_employer():
    from milobot.ingest.pieces import _split_pieces

    assert _split_pieces("Toronto, Ontario") == []
    assert _split_pieces("Denver, CO") == []
