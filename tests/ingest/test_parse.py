"""Text -> profile heuristics on hand-written snippets that resemble no corpus layout."""

from __future__ import annotations

import pytest

from milobot.ingest.csvsafe import csv_safe
from milobot.ingest.parse import normalize_phone, parse_resume
from milobot.ingest.types import FileResult, Profile


def test_plain_text_resume_with_headline_and_since_dates():
    p = parse_resume("""RESUME
Dr. Maria Schmidt
Senior Data Scientist at Fabrikam
maria.schmidt@example.de | +49 (0) 40 1234567 | Hamburg, Germany | github.com/mschmidt

WORK EXPERIENCE
Lead Data Scientist, Contoso AG                      since 03/2021
- Built forecasting models
Data Analyst, Tailspin GmbH                          01/2016 - 02/2021
- Dashboards
EDUCATION
MSc Statistics, Universität Hamburg, 2015
""")
    assert p.name == "Maria Schmidt"
    assert p.email == "maria.schmidt@example.de"
    assert p.phone == "+49401234567"
    assert p.location == "Hamburg, Germany"
    assert (p.current_title, p.current_company) == ("Lead Data Scientist", "Contoso AG")
    assert p.years_experience is not None and p.years_experience > 9
    assert "https://github.com/mschmidt" in p.links
    assert any("Universität Hamburg" in e for e in p.education)


def test_us_resume_with_extension_and_mixed_case_headings():
    p = parse_resume("""Jordan A. Lee
Oakland, CA 94607 • (510) 555-0199 ext. 4 • jordan.lee@example.com
linkedin.com/in/jordanalee

Professional Experience
Globex Corporation — Oakland, CA
Staff Software Engineer | Jun 2020 – Present
• Led the payments platform
Initech — Senior Software Engineer | 2015 – 2020
Skills: Python, Go, PostgreSQL; Kubernetes
""")
    assert p.name == "Jordan A. Lee"
    assert p.phone == "+15105550199"
    assert p.current_title == "Staff Software Engineer"
    assert p.current_company == "Globex Corporation"
    assert p.links == ["https://www.linkedin.com/in/jordanalee"]


def test_uk_number_without_country_code_uses_location_hint():
    p = parse_resume("Amy Clarke\nLeeds, United Kingdom\nMobile: 07911 123456\namy@example.co.uk\n")
    assert p.phone == "+447911123456"


def test_no_contact_details_gives_an_empty_profile():
    p = parse_resume("Quarterly report\nRevenue grew 12% in Q3 2024.\n")
    assert p.is_empty()


def test_dates_are_not_phone_numbers():
    p = parse_resume("Li Wei\nli.wei@example.com\nExperience\nEngineer, Hooli 2019-2023 10/2015 - 12/2018\n")
    assert p.phone is None


@pytest.mark.parametrize(
    "raw,region,e164",
    [
        ("+44 20 7946 0958", "US", "+442079460958"),
        ("(11) 91234-5678", "BR", "+5511912345678"),
        ("0049 30 12345678", "US", "+493012345678"),
        ("415.555.0132 / 415.555.0133", "US", "+14155550132"),
        ("not a number", "US", None),
    ],
)
def test_normalize_phone(raw, region, e164):
    assert normalize_phone(raw, region) == e164


def test_profile_and_result_round_trip_through_dicts():
    p = Profile(
        name="Zoë", email="z@example.com", links=["https://x.dev"], skills=["Go"], source_file="a.pdf"
    )
    assert Profile.from_dict(p.to_dict() | {"unknown_future_field": 1}) == p
    r = FileResult("a.pdf", "ok", "Extracted 1 candidate.", [p])
    assert FileResult.from_dict(r.to_dict()) == r


def test_csv_safe_is_idempotent_on_safe_text():
    assert csv_safe(csv_safe("=1+1")) == "'=1+1"
