"""General mechanisms for the contact fields found on round 6 of the template corpus (issue 14),
each on made-up text or a made-up DOCX/PDF: invented people, employers, streets and towns; only the
countries are real."""

from __future__ import annotations

from milobot.ingest.parse import parse_resume


def test_a_spaced_slash_parts_the_contact_fields_as_a_bar_does():
    # "number / e-mail / Town, Region": the slash between the fields, the place after the last one.
    text = (
        "MIRELA DOVANSKA\n"
        "Harbour Pilot\n"
        "+40 722 418 306  /  mirela.dovanska@quaymail.example  /  Brastevo, Upper Tarnel Region\n"
        "EXPERIENCE\n"
        "Harbour Pilot, Kessary Tug Lines    2019 - Present\n"
    )
    assert parse_resume(text).location == "Brastevo, Upper Tarnel Region"
