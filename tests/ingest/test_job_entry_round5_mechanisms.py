"""Job-entry mechanisms found on round 5 of the template corpus, each on made-up text or a made-up
PDF (invented people and employers, nothing copied from any corpus)."""

from __future__ import annotations

import io

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from milobot.ingest import extract

from .made_up_pdf import with_content


def _tex_subset_pdf(content: str, space_code_width: int = 816) -> bytes:
    """One page drawn with a Type1 subset font the way pdfTeX embeds it: its /CharSet names the
    letters it holds and no space, and the /Widths slot of code 32 holds a stray wide number."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    descriptor = DictionaryObject()
    descriptor[NameObject("/Type")] = NameObject("/FontDescriptor")
    descriptor[NameObject("/FontName")] = NameObject("/ABCDEF+Inventa-Regular")
    descriptor[NameObject("/Flags")] = NumberObject(4)
    letters = "".join(f"/{c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    descriptor[NameObject("/CharSet")] = TextStringObject(letters + "/at/period/comma/endash/zero/one/two")
    font = DictionaryObject()
    font[NameObject("/Type")] = NameObject("/Font")
    font[NameObject("/Subtype")] = NameObject("/Type1")
    font[NameObject("/BaseFont")] = NameObject("/ABCDEF+Inventa-Regular")
    font[NameObject("/FirstChar")] = NumberObject(32)
    font[NameObject("/LastChar")] = NumberObject(150)
    font[NameObject("/Widths")] = ArrayObject(
        [NumberObject(space_code_width)] + [NumberObject(520) for _ in range(33, 151)]
    )
    font[NameObject("/Encoding")] = NameObject("/WinAnsiEncoding")
    font[NameObject("/FontDescriptor")] = writer._add_object(descriptor)
    fonts = DictionaryObject()
    fonts[NameObject("/F1")] = writer._add_object(font)
    resources = DictionaryObject()
    resources[NameObject("/Font")] = fonts
    page[NameObject("/Resources")] = resources
    return with_content(writer, page, content)


def _words(y: float, *words: str, size: float = 10.9, x: float = 60) -> str:
    """One line whose words are set apart by moving the pen 0.22 em, no space glyph drawn."""
    shown = "-220".join(f"({w})" for w in words)
    return f"BT /F1 {size} Tf {x} {y} Td [{shown}] TJ ET\n"


def test_word_gaps_of_a_font_without_a_space_glyph_are_spaces():
    """A subset font with no space glyph separates its words by moving the pen a fifth of an em; the
    stray width its /Widths gives code 32 made that gap look too narrow to be a word gap, and every
    line ran together ("QuarryForeman"), so no title or employer was recognised."""
    content = (
        _words(780, "Oriel", "Tamsworth-Baigent", size=20)
        + _words(760, "oriel.tb@fernpost.example")
        + _words(720, "Experience", size=13)
        + f"BT /F1 10.9 Tf 60 700 Td [(2022)] TJ ET\n{_words(700, 'Quarry', 'Foreman', x=120)}"
        + _words(686, "Brackwater", "Stoneworks", "Ltd,", "Pellingford", x=120)
        + _words(672, "Mar", "2022", "\x96", "Present", x=120)
        + _words(658, "Ran", "the", "blasting", "crews", "of", "two", "faces", x=120)
        + f"BT /F1 10.9 Tf 60 630 Td [(2017)] TJ ET\n{_words(630, 'Shot', 'Firer', x=120)}"
        + _words(616, "Haddlecombe", "Quarries", "Ltd,", "Pellingford", x=120)
        + _words(602, "Jun", "2017", "\x96", "Feb", "2022", x=120)
    )
    (result,) = extract("cv.pdf", _tex_subset_pdf(content))
    profile = result.profiles[0]
    assert profile.name == "Oriel Tamsworth-Baigent"
    assert profile.current_title == "Quarry Foreman"
    assert profile.current_company == "Brackwater Stoneworks Ltd"


def test_a_start_set_over_its_end_in_a_narrow_date_column_is_one_range():
    """A narrow date column sets each entry's start over its end, no dash between ("08/2022" over a
    word for "now", "03/2018" over "07/2022"): the two lines are one range, the shape the rest reads."""
    text = """Tobiah Wrenfield-Oduya
tobiah.wo@larkpost.example
Career history
08/2022
ahora
Pellbrook Cartography, Dunmere
Survey Engineer
Drew the contour sheets of two counties
03/2018
07/2022
Holloway Chartworks, Dunmere
Archive Manager
Kept the plan chest of the county archive
"""
    from milobot.ingest.parse import parse_resume

    profile = parse_resume(text)
    assert (profile.current_title, profile.current_company) == ("Survey Engineer", "Pellbrook Cartography")


def test_stacked_dates_join_only_a_month_date_over_a_later_end():
    from milobot.ingest.text import _stacked_range

    assert _stacked_range("03/2018", "07/2022")
    assert _stacked_range("Mar 2018", "present")
    assert not _stacked_range("07/2022", "03/2018")  # an end over a start: not this layout
    assert not _stacked_range("2018", "2022")  # years alone: the timeline's labels (stacked_years)
    assert not _stacked_range("03/2018", "Holloway Chartworks")


def test_a_glyph_without_a_name_between_two_dates_is_the_dash():
    """A dash drawn from a Type3 font has no Unicode and reaches the text as a control character
    ("06/2021\\x15nyt"); between a date and what ends it, it stands where the dash goes. Elsewhere
    such a glyph is still an icon that separates fields."""
    from milobot.ingest.text import _clean

    assert _clean("06/2021\x15nyt\tMosswick Ropeworks, Harlund") == [
        "06/2021 – nyt\tMosswick Ropeworks, Harlund"
    ]
    assert _clean("02/2016\x1505/2021") == ["02/2016 – 05/2021"]
    assert _clean("\x15 ropewalk.example") == ["ropewalk.example"]


def test_dates_read_after_their_entry_belong_to_the_lines_before_them():
    """A date column beside the entries, its top level with each title, comes out of the text layer
    after the entry: employer, place, title, sentences, then the dates (wrapped: "nov. 2020 –" over
    "hoy", "abr. 2013" / "–" / "oct. 2016"). The lines after an entry's dates are the next entry's."""
    text = """Anselma Torrecilla-Begg
anselma.tb@pinnacpost.example
Experience
Quillmont Hydraulics S.L.
Varedo
Pump Engineer
Rebuilt the seals of the river pumps. Trained two apprentices in the
workshop routine.
nov. 2020 –
hoy
Ferrowyn Valves
Ostrada
Maintenance Technician
Serviced the valves of three stations and kept their logs in order every
week.
may. 2016 –
oct. 2020
Baldrick Fittings
Ostrada
Workshop Assistant
Cut and threaded the pipe for the site crews, and kept the store room in
good order.
abr. 2013
–
abr. 2016
"""
    from milobot.ingest.parse import parse_resume

    profile = parse_resume(text)
    assert (profile.current_title, profile.current_company) == ("Pump Engineer", "Quillmont Hydraulics S.L.")


def test_a_date_column_wrapped_over_lines_is_joined_into_one_range():
    from milobot.ingest.text import _join_wrapped_dates

    assert _join_wrapped_dates(["oct. 2018 –", "nov. 2022"]) == ["oct. 2018 – nov. 2022"]
    assert _join_wrapped_dates(["Feb 2024 –", "kini"]) == ["Feb 2024 – kini"]
    assert _join_wrapped_dates(["abr. 2013", "– abr. 2016"]) == ["abr. 2013 – abr. 2016"]
    assert _join_wrapped_dates(["abr. 2013", "–"]) == ["abr. 2013 –"]
    assert _join_wrapped_dates(["Feb 2024 –", "Ferrowyn Valves"]) == ["Feb 2024 –", "Ferrowyn Valves"]


def test_a_short_year_then_a_word_for_now_is_the_current_entry():
    """ "Sep ’22 – tani": a month with its capital and a two-digit year, then a word for "now" no list
    holds. The cheap first look wanted four digits and the pattern lower-case months, so the entry
    that goes on was never found and the one that ended last was taken."""
    text = """Ysolde Penhallow-Mkandla
ysolde.pm@orchardpost.example
Experience
Tollcastle Seedworks — Brannock
Nursery Manager
Sep ’22 – tani
Raised the seedlings of four orchards · Kept the glasshouse rota
Whitlow Growers — Cardenby
Propagation Assistant
Mar ’17 – Aug ’22
Grafted the apple stock of two farms
"""
    from milobot.ingest.parse import parse_resume

    profile = parse_resume(text)
    assert (profile.current_title, profile.current_company) == ("Nursery Manager", "Tollcastle Seedworks")


def test_trailing_dates_are_only_read_so_when_every_entry_shows_it():
    from milobot.ingest.roles import _head_before_trailing_dates

    body = "Kept the pumps of the works running through two hard winters."
    trailing = ["Quillmont Hydraulics", "Varedo", "Pump Engineer", body, "2020 – 2024"]
    trailing += ["Ferrowyn Valves", "Ostrada", "Fitter", body, "2016 – 2020"]
    assert _head_before_trailing_dates(trailing, [4, 9], 1) == ["Ferrowyn Valves", "Ostrada", "Fitter"]
    # Dates over each entry: the section opens with them.
    leading = [
        "2020 – 2024",
        "Pump Engineer",
        "Quillmont Hydraulics",
        body,
        "2016 – 2020",
        "Fitter",
        "Ferrowyn",
    ]
    assert _head_before_trailing_dates(leading, [0, 4], 0) is None
    # Dates right under each head, sentences after them: the head is over its own dates already.
    under = [
        "Pump Engineer",
        "Quillmont Hydraulics",
        "2020 – 2024",
        body,
        "Fitter",
        "Ferrowyn",
        "2016 – 2020",
        body,
    ]
    assert _head_before_trailing_dates(under, [2, 6], 0) is None


def test_an_encoding_that_names_code_32_is_read_and_the_stray_width_is_forgotten_on_the_page():
    """An encoding's /Differences are read code by code (a glyph named at 32 other than /space also
    says the font has no space); on the page itself, the word gaps come out as spaces."""
    from pypdf import PdfReader

    from milobot.ingest.pdftext import _code_names, _forget_undrawable_space

    assert _code_names([30, "/ffi", "/fi", "/quotesingle", 40, "/parenleft"]) == {
        30: "/ffi",
        31: "/fi",
        32: "/quotesingle",
        40: "/parenleft",
    }
    data = _tex_subset_pdf(_words(700, "Tidewright", "Chandlery"), space_code_width=900)
    page = PdfReader(io.BytesIO(data)).pages[0]
    _forget_undrawable_space(page)
    assert "Tidewright Chandlery" in page.extract_text()
