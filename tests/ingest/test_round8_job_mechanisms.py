"""Job-entry mechanisms found on round 8 of the template corpus (issue 14), each on made-up text or a
made-up PDF: invented people, employers and towns, nothing copied from any corpus."""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
)

from milobot.ingest import extract
from milobot.ingest.cid_space import _maps_a_space
from milobot.ingest.parse import parse_resume
from milobot.ingest.pdftext import read_page

from .made_up_pdf import first_page_text, made_up_pdf, profile_of, with_content

# ---------------------------------------------------------------- word gaps in a CID font

# The glyphs of a made-up subset font, numbered from 1 the way a subsetter numbers what it keeps:
# CID 32 is a letter ("f"), never a space, and no code stands for a space.
_GLYPHS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@.,-–|"


def _cid(text: str) -> str:
    return "".join(f"{_GLYPHS.index(c) + 1:04X}" for c in text)


def _cid_font_pdf(content: str) -> bytes:
    """One page drawn with a composite (Type0, Identity-H) font the way xdvipdfmx embeds an OpenType
    font: a /W array that gives CID 32 its glyph's width, a ToUnicode with no space in it."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    to_unicode = DecodedStreamObject()
    pairs = "\n".join(f"<{i + 1:04X}> <{ord(c):04X}>" for i, c in enumerate(_GLYPHS))
    to_unicode.set_data(
        (
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            f"{len(_GLYPHS)} beginbfchar\n{pairs}\nendbfchar\n"
            "endcmap CMapName currentdict /CMap defineresource pop end end\n"
        ).encode()
    )
    descriptor = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/FontDescriptor"),
            NameObject("/FontName"): NameObject("/QRSTUV+Inventa-Sans"),
            NameObject("/Flags"): NumberObject(4),
        }
    )
    descendant = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/CIDFontType0"),
            NameObject("/BaseFont"): NameObject("/QRSTUV+Inventa-Sans"),
            NameObject("/DW"): NumberObject(620),
            NameObject("/W"): ArrayObject(
                [NumberObject(1), ArrayObject([NumberObject(500) for _ in _GLYPHS])]
            ),
            NameObject("/FontDescriptor"): writer._add_object(descriptor),
        }
    )
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type0"),
            NameObject("/BaseFont"): NameObject("/QRSTUV+Inventa-Sans"),
            NameObject("/Encoding"): NameObject("/Identity-H"),
            NameObject("/DescendantFonts"): ArrayObject([writer._add_object(descendant)]),
            NameObject("/ToUnicode"): writer._add_object(to_unicode),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    return with_content(writer, page, content)


def _line(y: float, *cells: tuple[float, str], size: float = 10) -> str:
    """One line of cells, each at its x; a cell's words set apart by moving the pen 0.2 em."""
    out = ""
    for x, words in cells:
        shown = "-200".join(f"<{_cid(w)}>" for w in words.split())
        out += f"BT /F1 {size} Tf {x} {y} Td [{shown}] TJ ET\n"
    return out


def test_word_gaps_of_a_cid_font_without_a_space_are_spaces():
    """pypdf took CID 32's width (a letter's) for the space of a font that draws none, so a fifth of
    an em was no word gap and every line ran together ("TarnwhistleCordage", "Sep2021")."""
    data = _cid_font_pdf(_line(700, (60, "Tarnwhistle Cordage"), (420, "Sep 2021")))
    assert "Tarnwhistle Cordage\tSep 2021" in first_page_text(data)


def test_an_awesome_cv_like_entry_in_a_cid_font_is_read():
    """Employer left and town right on one line, the position under it with its dates at the right,
    all in a CID font with no space glyph: the entry reads once the word gaps do."""
    content = (
        _line(790, (200, "Orla Quennick"), size=24)
        + _line(760, (180, "orla.quennick@fernpost.example"))
        + _line(720, (60, "Experience"), size=14)
        + _line(700, (60, "Tarnwhistle Cordage"), (440, "Fennimore"))
        + _line(686, (60, "ROPE WORKS FOREMAN"), (440, "Sep 2021 – Present"), size=8)
        + _line(672, (70, "Ran two splicing crews"))
        + _line(650, (60, "Brindlemoor Nets"), (440, "Fennimore"))
        + _line(636, (60, "NET MENDER"), (440, "Jan 2016 – Aug 2021"), size=8)
        + _line(622, (70, "Mended trawl nets"))
    )
    (result,) = extract("cv.pdf", _cid_font_pdf(content))
    profile = result.profiles[0]
    assert profile.name == "Orla Quennick"
    assert (profile.current_title or "").casefold() == "rope works foreman"
    assert profile.current_company == "Tarnwhistle Cordage"


def test_a_to_unicode_that_maps_a_space_is_left_alone():
    assert _maps_a_space(b"1 beginbfchar\n<0003> <0020>\nendbfchar")
    assert _maps_a_space(b"1 beginbfrange\n<0001> <0005> <001E>\nendbfrange")  # 0x1E..0x22 holds 0x20
    assert _maps_a_space(b"1 beginbfrange\n<0001> <0002> [<0041> <0020>]\nendbfrange")
    assert not _maps_a_space(b"1 beginbfrange\n<0001> <0005> <0041>\nendbfrange")
    assert not _maps_a_space(b"2 beginbfchar\n<0020> <0065>\n<0021> <0066>\nendbfchar")


# ---------------------------------------------------------------- a letter-spaced two-column page


def _wordlinks_like(draw_extra=None):
    """The main column (name, title, contact row, then the entries) on the left, a narrower column
    (profile, education, skills) on the right; headings letter-spaced; each entry "EMPLOYER" over
    its title over "Town | ISO day – ISO day or now"."""

    def draw(c):
        c.setFont("Helvetica", 28)
        c.drawString(40, 775, "Wendeline Sarrow")
        c.setFont("Helvetica", 12)
        c.drawString(40, 756, "Orchard Manager")
        c.setFont("Helvetica", 9)
        c.drawString(40, 711, "Email / +44 20 7946 0321 / Website / Ostravenn, United Kingdom")
        c.setFont("Helvetica", 10.5)
        c.drawString(40, 662, "E X P E R I E N C E")
        c.drawString(393, 662, "P R O F I L E")
        c.setFont("Helvetica", 9.5)
        y = 640
        for employer, title, town, dates, bullets in (
            ("QUELLMOOR CIDER WORKS", "Orchard Manager", "Ostravenn", "2021-03-01 – now", 3),
            ("TARNBURY FRUIT GROWERS", "Grafting Technician", "Wrexholm", "2016-05-01 – 2021-02-26", 2),
        ):
            c.drawString(40, y, employer)
            c.drawString(40, y - 10, title)
            c.setFont("Helvetica", 8.5)
            c.drawString(40, y - 20, f"{town} | {dates}")
            c.setFont("Helvetica", 9.5)
            for k in range(bullets):
                c.drawString(51, y - 32 - 10 * k, "Pruned four hundred trees each winter")
            y -= 70
        for k, line in enumerate(
            (
                "Orchard Manager with 11 years of",
                "experience in cider. Known for calm",
                "seasons, clear records and crews that",
                "stay.",
            )
        ):
            c.drawString(393, 639 - 10.5 * k, line)
        c.setFont("Helvetica", 10.5)
        c.drawString(393, 586, "E D U C AT I O N")
        c.setFont("Helvetica", 9.5)
        c.drawString(393, 563, "BSc Horticulture")
        c.drawString(393, 552, "Wrexholm Agricultural College")
        c.drawString(393, 542, "2008 – 2011")
        c.setFont("Helvetica", 10.5)
        c.drawString(393, 521, "S K I L L S")
        c.setFont("Helvetica", 9.5)
        for k, skill in enumerate(("Grafting", "Pruning", "Irrigation", "Forklift", "Excel")):
            c.drawString(393, 498 - 10.5 * k, skill)

    return made_up_pdf(draw)


def test_letter_spaced_headings_on_both_sides_split_the_columns_and_the_head_stays_first():
    """A gutter is a column edge only with a section heading on both sides: letter-spaced ones
    ("E X P E R I E N C E", "E D U C AT I O N" with a kerned pair) count once unspaced. The head set
    over the main column only (name, title, contact row) stays before the narrower column."""

    page = PdfReader(io.BytesIO(_wordlinks_like())).pages[0]
    text = read_page(page).text
    lines = text.splitlines()
    assert lines[:3] == [
        "Wendeline Sarrow",
        "Orchard Manager",
        "Email / +44 20 7946 0321 / Website / Ostravenn, United Kingdom",
    ]
    assert "experience in cider. Known for calm" in lines
    assert not any("\t" in line for line in lines)  # no row runs the two columns together


def test_the_entry_under_letter_spaced_headings_is_read_and_the_town_is_no_employer():
    profile = profile_of(_wordlinks_like())
    assert profile.name == "Wendeline Sarrow"
    assert profile.location.startswith("Ostravenn")
    assert (profile.current_title, profile.current_company) == ("Orchard Manager", "QUELLMOOR CIDER WORKS")


def test_a_kerned_pair_in_a_letter_spaced_heading_is_unspaced():
    from milobot.ingest.text import _unspace_letters, heading_kind_spaced

    assert _unspace_letters("E D U C AT I O N") == "EDUCATION"
    assert heading_kind_spaced("E X P E R I E N C E") == "experience"
    assert _unspace_letters("A to Z of it is") == "A to Z of it is"  # words, not spaced letters
    assert _unspace_letters("E D U C at I O N") == "E D U C at I O N"  # a pair unlike its word


def _orchard_entries_at_home_in(home: str) -> str:
    """Two entries "EMPLOYER" / "Title" / "Town | ISO day – ISO day or now"; the person lives in `home`."""
    return (
        "Wendeline Sarrow\n"
        "Orchard Manager\n"
        f"wendeline.sarrow@larkpost.example / {home}\n"
        "Experience\n"
        "QUELLMOOR CIDER WORKS\n"
        "Orchard Manager\n"
        "Ostravenn | 2021-03-01 – now\n"
        "Pruned four hundred trees each winter\n"
        "TARNBURY FRUIT GROWERS\n"
        "Grafting Technician\n"
        "Wrexholm | 2016-05-01 – 2021-02-26\n"
        "Pruned four hundred trees each winter\n"
    )


def test_the_persons_town_beside_the_dates_is_no_employer():
    """ "EMPLOYER" / "Title" / "Town | 2021-03-01 – now": the town, the one the person lives in and
    no list knows, is a place the résumé names; the head's one other cell is the employer."""
    text = _orchard_entries_at_home_in("Ostravenn, United Kingdom")
    profile = parse_resume(text)
    assert (profile.current_title, profile.current_company) == ("Orchard Manager", "QUELLMOOR CIDER WORKS")


def test_a_paragraph_line_running_one_sentence_into_the_next_is_no_employer():
    from milobot.ingest.pieces import _sentence_shape

    assert _sentence_shape("experience in cider. Known for calm")
    assert _sentence_shape("of experience in orchards. Known for")
    assert not _sentence_shape("van der Molen Corp. Ostravenn")  # a name's particles, a legal form
    assert not _sentence_shape("Quellmoor Cider Works Ltd. Ostravenn")


# ---------------------------------------------------------------- the page's furniture and head


def test_the_persons_name_drawn_again_at_a_page_break_belongs_to_no_entry():
    """Dates after each entry's lines; the name on a line of its own where the page broke (a
    sidebar or running header drawn again on page 2) split an entry and ended the section, so the
    trailing-dates shape was lost and an older entry was read as the current one."""
    text = (
        "TOMASZ ELLERBY-KOVAČ\n"
        "tomasz.ek@fernpost.example · +44 20 7946 0188\n"
        "Experience\n"
        "HARBOUR PILOT\n"
        "WRENMOUTH PILOTAGE LTD\n"
        "Brought deep-draught vessels into the inner basin in all weathers.\n"
        "Apr 2023 - Present\n"
        "DECK OFFICER\n"
        "Tomasz Ellerby-Kovač\n"
        "SALTMARSH FERRIES LTD\n"
        "Kept the bridge watch on the night crossings to the islands.\n"
        "Jun 2019 - Dec 2022\n"
        "CADET\n"
        "QUELLMOOR TOWAGE\n"
        "Learned the tugs and the towing gear of the estuary.\n"
        "May 2016 - May 2019\n"
        "Tomasz Ellerby-Kovač\n"
    )
    profile = parse_resume(text)
    assert profile.name and profile.name.casefold() == "tomasz ellerby-kovač"
    assert (profile.current_title, profile.current_company) == ("HARBOUR PILOT", "WRENMOUTH PILOTAGE LTD")


def test_without_running_name_keeps_a_section_that_does_not_print_the_name():
    from milobot.ingest.roles import without_running_name

    section = ["Harbour Pilot", "Wrenmouth Pilotage Ltd", "2023 – now"]
    assert without_running_name(section, "Tomasz Ellerby-Kovač") is section
    assert without_running_name(["TOMASZ ELLERBY-KOVAC", *section], "Tomasz Ellerby-Kovač") == section


def test_the_page_head_line_is_not_the_title_the_head_repeats():
    """No work heading we know, headings drawn last: the whole text is read for entries, and the
    first entry's lines above its dates reach the page's head ("NAME TITLE" in capitals). A line
    cannot be said twice by itself: the title comes from the entry."""
    text = (
        "OTTOLINE FARTHWAITE ORCHARD MANAGER\n"
        "ottoline.farthwaite@larkpost.example +44 20 7946 0455\n"
        "Orchard Manager, Quellmoor Cider Works\t2021-12 — Present\n"
        "Grafting Technician, Tarnbury Fruit Growers\t2017-03 — 2021-10\n"
        "Wrexholm Agricultural College\t2013-09 — 2016-06\n"
        "Pruned four hundred trees each winter\n"
    )
    profile = parse_resume(text)
    assert (profile.current_title, profile.current_company) == ("Orchard Manager", "Quellmoor Cider Works")


def test_cid_32_is_forgotten_in_either_shape_of_a_w_array():
    from milobot.ingest.cid_space import _zero_cid_width

    listed = ArrayObject(
        [NumberObject(28), ArrayObject([NumberObject(w) for w in (490, 541, 448, 543, 482)])]
    )
    assert _zero_cid_width(listed) and [int(w) for w in listed[1]] == [490, 541, 448, 543, 0]
    run = ArrayObject([NumberObject(3), NumberObject(40), NumberObject(556)])
    assert _zero_cid_width(run)
    assert [int(x) if not isinstance(x, list) else [int(y) for y in x] for x in run] == [
        3,
        31,
        556,
        32,
        [0],
        33,
        40,
        556,
    ]
    assert not _zero_cid_width(ArrayObject([NumberObject(40), ArrayObject([NumberObject(500)])]))


def test_the_head_ends_at_the_first_row_of_the_other_column():
    """Columns whose baselines never meet (no row holds both): the head is the run of rows on the
    side the page starts with, up to the first row on the other side; the rest is read column by
    column, not row by row."""
    from milobot.ingest.columns import Piece, _read, _rows

    def piece(i, x, y, text):
        return Piece(i, x, y, 9.0, text, "\n")

    pieces = [
        piece(0, 60, 780, "Wendeline Sarrow"),
        piece(1, 60, 766, "Orchard Manager"),
        piece(2, 420, 760, "Grafting"),
        piece(3, 60, 752, "Quellmoor Cider Works"),
        piece(4, 420, 746, "Pruning"),
        piece(5, 60, 738, "Ran the orchards of two estates"),
        piece(6, 420, 732, "Irrigation"),
    ]
    text = _read(_rows(pieces), 400.0, lambda line: None)
    assert text.splitlines() == [
        "Wendeline Sarrow",
        "Orchard Manager",
        "Grafting",
        "Pruning",
        "Irrigation",
        "Quellmoor Cider Works",
        "Ran the orchards of two estates",
    ]


def test_a_town_no_list_knows_beside_the_dates_is_no_employer():
    """The same shape, the person living elsewhere and neither town known to any list: the words
    tie, and the piece set beside the dates while the other two have lines of their own is the place."""
    text = _orchard_entries_at_home_in("Lisbon, Portugal")
    profile = parse_resume(text)
    assert (profile.current_title, profile.current_company) == ("Orchard Manager", "QUELLMOOR CIDER WORKS")


def test_an_employer_beside_the_dates_with_the_title_over_it_is_still_the_employer():
    # Two pieces, not three: the date line's piece is the employer ("Title" / "Employer | dates").
    text = (
        "Wendeline Sarrow\n"
        "wendeline.sarrow@larkpost.example\n"
        "Experience\n"
        "Orchard Manager\n"
        "Quellmoor Cider Works | 2021-03-01 – now\n"
        "Pruned four hundred trees each winter\n"
        "Grafting Technician\n"
        "Tarnbury Fruit Growers | 2016-05-01 – 2021-02-26\n"
        "Pruned four hundred trees each winter\n"
    )
    profile = parse_resume(text)
    assert (profile.current_title, profile.current_company) == ("Orchard Manager", "Quellmoor Cider Works")


def test_a_small_caps_i_read_as_lower_case_joins_its_capitals():
    from milobot.ingest.text import _clean

    assert _clean("COMPLiANCE OFFiCER\tSep 2021 – Present") == ["COMPLIANCE OFFICER\tSep 2021 – Present"]
    assert _clean("iOS DEVELOPER, WiFi rollout") == ["iOS DEVELOPER, WiFi rollout"]  # words as written
