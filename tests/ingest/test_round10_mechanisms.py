"""General mechanisms found on round 10 of the template corpus (issue 14), each on made-up text or a
made-up PDF: invented people, employers, streets and towns; only the countries are real."""

from __future__ import annotations

from milobot.ingest.parse import parse_resume

# ---------------------------------------------------------------- a two-line address


def _located(*header: str) -> str | None:
    text = "\n".join(["Oriel Fanshawe", "Claims Adjuster", *header, "Experience", "Adjuster, Brindlecask"])
    return parse_resume(text).location


def test_the_town_after_the_street_and_its_region_on_the_next_line():
    # The part after the street is the town; the next line, "Region, Country", is where the town
    # lies, whatever the region's name (a province, a municipality named after the town).
    for street, region in (
        ("Via Brenlow 81, Tarrago", "Upper Vell Province, Vanuatu"),
        ("Quarrel Lane 12, 48101 Tarrago", "Tarrago Municipality, Montenegro"),
        ("ul. Sedgemoor 4, Tarrago", "Northern, Kyrgyzstan"),
    ):
        loc = _located(street, region, "+678 22 444", "oriel@fanshawe.example")
        assert loc is not None and loc.split(",")[0] == "Tarrago", (street, loc)


def test_a_district_marked_after_the_street_leaves_the_town_to_the_next_line():
    # "Brgy.", "Col.": an abbreviated designation names a part of the town, not the town.
    loc = _located("14 Kalaw St., Brgy. Malinis", "Tarrago City, Philippines", "oriel@fanshawe.example")
    assert loc == "Tarrago City, Philippines"
    loc = _located("Calle Orlen 9, Col. Verdemar", "Tarrago, Mexico", "oriel@fanshawe.example")
    assert loc == "Tarrago, Mexico"
