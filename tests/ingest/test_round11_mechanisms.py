"""General mechanisms found on round 11 of the template corpus (issue 14), each on made-up text or
made-up glyph positions: invented people, employers and streets; only the countries and towns are
real."""

from __future__ import annotations

from milobot.ingest.columns import Piece
from milobot.ingest.entry_shape import employer_before_shared_place
from milobot.ingest.parse import parse_resume
from milobot.ingest.pdftext import rows_text
from milobot.ingest.strength import _fold
from milobot.ingest.text import _HEADING_OF, _heading_kind

from .made_up_pdf import first_page_text, made_up_pdf, profile_of

# ---------------------------------------------------------------- headings in capitals, accents dropped


def test_a_heading_in_capitals_without_its_accents_is_still_the_heading():
    # French typesetting drops the accents of capitals: "EXPERIENCES PROFESSIONNELLES".
    assert _heading_kind("EXPERIENCES PROFESSIONNELLES") == "experience"
    assert _heading_kind("COMPETENCES") == "skills"


def test_no_two_headings_fold_onto_one_key_with_different_kinds():
    folded: dict[str, str] = {}
    for key, kind in _HEADING_OF.items():
        assert folded.setdefault(_fold(key), kind) == kind, key
        assert _HEADING_OF.get(_fold(key), kind) == kind, key


def test_the_unaccented_heading_is_never_the_employer():
    text = "\n".join(
        [
            "Odile Varambreux",
            "odile.varambreux@quillmere.example",
            "EXPERIENCES PROFESSIONNELLES",
            "Mars 2022 - 2025\tCheffe de projet",
            "Brassenvaux Ingénierie SAS",
            "• Conduit le déploiement de trois sites",
            "Janv. 2018 - Févr. 2022\tIngénieure méthodes",
            "Ferronde Outillage SARL",
            "• Rédigé les gammes de fabrication",
        ]
    )
    p = parse_resume(text)
    assert (p.current_title, p.current_company) == ("Cheffe de projet", "Brassenvaux Ingénierie SAS")


# ---------------------------------------------------------------- a job's length beside its dates


def test_a_jobs_length_under_its_dates_does_not_end_the_entrys_head():
    # "Févr. 2021 - Aujourd'hui" / "5 ans 10 mois" / employer: the length, a count with its unit,
    # read like a sentence about the work and cut the employer off.
    text = "\n".join(
        [
            "Odile Varambreux",
            "odile.varambreux@quillmere.example",
            "EXPÉRIENCE",
            "Mars 2022 - Aujourd'hui\tCheffe de projet",
            "3 ans 9 mois",
            "Brassenvaux Ingénierie SAS",
            "• Conduit le déploiement de trois sites",
            "Janv. 2018 - Févr. 2022\tIngénieure méthodes",
            "4 ans 1 mois",
            "Ferronde Outillage SARL",
            "• Rédigé les gammes de fabrication",
        ]
    )
    p = parse_resume(text)
    assert (p.current_title, p.current_company) == ("Cheffe de projet", "Brassenvaux Ingénierie SAS")


# ---------------------------------------------------------------- an arrow to a word that says "now"


def test_an_arrow_to_an_unknown_word_opens_the_latest_range():
    # "10/2021 → auj.": the arrow reads like a dash, the word (no list's) like "now"; the card
    # printed under it, not the one whose range ends latest in numbers, is the current job.
    text = "\n".join(
        [
            "Odile Varambreux",
            "odile.varambreux@quillmere.example",
            "EXPÉRIENCE",
            "Cheffe de projet\t10/2021 → auj.",
            "Brassenvaux Ingénierie SAS · Lyon",
            "• Conduit le déploiement de trois sites",
            "Ingénieure méthodes\t01/2018 → 09/2021",
            "Ferronde Outillage SARL · Grenoble",
            "• Rédigé les gammes de fabrication",
        ]
    )
    p = parse_resume(text)
    assert (p.current_title, p.current_company) == ("Cheffe de projet", "Brassenvaux Ingénierie SAS")


# ---------------------------------------------------------------- label and value columns, read by rows


def _labelled_rows() -> list[Piece]:
    """A card of labels right-aligned against a value column ("Address  Gweru, Midlands"), the gap
    between them narrower than a column gap, as the rows reading sees it."""
    pieces = []
    for k, (label, label_x, value) in enumerate(
        [
            ("Address", 365.0, "Gweru, Midlands"),
            ("Phone", 372.5, "+263 77 123 4567"),
            ("E-mail", 372.2, "tari.mazvimbo@larkspur.example"),
            ("Linkedin", 363.4, "www.linkedin.com/in/tmazvimbo"),
        ]
    ):
        y = 780.0 - 12 * k
        pieces.append(Piece(2 * k, label_x, y, 8.5, label, "\n"))
        pieces.append(Piece(2 * k + 1, 404.8, y, 8.5, " " + value, ""))
    return pieces


def test_rows_put_a_tab_at_a_value_columns_edge():
    lines = rows_text(_labelled_rows()).splitlines()
    assert lines[0] == "Address\tGweru, Midlands"
    assert lines[1] == "Phone\t+263 77 123 4567"


def test_rows_keep_words_that_merely_follow_each_other():
    # Three rows with a second piece at one x are no column: the word gap stays a space.
    pieces = _labelled_rows()[:6]
    assert rows_text(pieces).splitlines()[0] == "Address Gweru, Midlands"


# ---------------------------------------------------------------- "dates | Employer, Town" over the title


def _bar_entries(first_town: str, second_town: str, home: str) -> str:
    return "\n".join(
        [
            "Tarsila Brunvoll",
            f"Operations Manager — Kvernbakken 12, 4020 {home}, Norway",
            "tarsila.brunvoll@quillmere.example",
            "Experience",
            f"Mar 2022 – present | Skjelvik Maritime Services, {first_town}",
            "Operations Manager",
            "• Brought 400 vessels a year alongside",
            f"Jan 2016 – Feb 2022 | Nordvang Towage, {second_town}",
            "Logistics Coordinator",
            "• Trained six deckhands",
        ]
    )


def test_the_employer_before_a_town_no_list_knows_when_the_entries_share_the_shape():
    # "Ulvøyhavn" is in no list: the person's own town in the other entry shows the shape's last part is a place.
    p = parse_resume(_bar_entries("Ulvøyhavn", "Sandvær", "Sandvær"))
    assert (p.current_title, p.current_company) == ("Operations Manager", "Skjelvik Maritime Services")
    # One town after two different employers says the same.
    p = parse_resume(_bar_entries("Ulvøyhavn", "Ulvøyhavn", "Stavanger"))
    assert (p.current_title, p.current_company) == ("Operations Manager", "Skjelvik Maritime Services")


def test_no_employer_is_read_from_a_shape_nothing_shows_a_place():
    heads = [["Skjelvik Maritime Services, Ulvøyhavn", "Operations Manager"], ["Nordvang Towage, Sandvær"]]
    assert employer_before_shared_place(heads, heads[0], "Operations Manager", "Stavanger, Norway") is None


# ---------------------------------------------------------------- a town pushed against its employer


def _flex_row_pdf(gap: float) -> bytes:
    """Each entry's employer, with its town flush right in a text object of its own, `gap` points
    after the employer's end (0: the two boxes touch, as a long name pushes them together)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def draw(c):
        c.setFont("Helvetica-Bold", 22)
        c.drawString(60, 780, "Ysolde Marranque")
        c.setFont("Helvetica", 10)
        c.drawString(60, 760, "ysolde.marranque@quillmere.example · +33 6 12 34 56 78")
        c.drawString(60, 720, "EXPERIENCE")
        y = 700
        for dates, title, employer, town in (
            ("2021 - Present", "Operations Manager", "Brindlemoor Freight SARL", "Valence"),
            ("2016 - 2020", "Logistics Coordinator", "Quillhaven Transit SA", "Annecy"),
        ):
            c.drawString(60, y, dates)
            c.drawString(200, y, title)
            # Two text objects, each placed by its own matrix and with no line move after it, the
            # way chromium draws two boxes of one row (reportlab's drawString ends with one).
            end = 200 + stringWidth(employer, "Helvetica", 10)
            c._code.append(f"BT /F1 10 Tf 1 0 0 1 200 {y - 14} Tm ({employer}) Tj ET")
            c._code.append(f"BT /F1 10 Tf 1 0 0 1 {end + gap:.2f} {y - 14} Tm ({town}) Tj ET")
            c.drawString(220, y - 30, "• Planned the routes of forty trucks a week")
            y -= 60

    return made_up_pdf(draw)


def test_a_town_in_its_own_text_object_closing_the_row_is_a_cell_of_its_own():
    for gap in (0.0, 6.0):
        p = profile_of(_flex_row_pdf(gap))
        assert (p.current_title, p.current_company) == ("Operations Manager", "Brindlemoor Freight SARL"), gap


def test_one_text_object_holding_employer_and_town_is_left_whole():
    data = made_up_pdf(
        lambda c: (
            c.setFont("Helvetica", 10),
            c.drawString(60, 700, "Brindlemoor Freight SARL Valence"),
            c.drawString(60, 680, "Quillhaven Transit SA Annecy"),
        )
    )
    assert "\t" not in first_page_text(data)


def test_an_unaccented_heading_over_a_sidebar_heading_is_no_employer_either():
    # Rows read across two columns: the work heading, then the sidebar's, then the first entry.
    text = "\n".join(
        [
            "Odile Varambreux",
            "odile.varambreux@quillmere.example",
            "EXPERIENCES PROFESSIONNELLES",
            "LANGUES",
            "Mars 2022 - 2025\tCheffe de projet",
            "Anglais : courant",
        ]
    )
    assert parse_resume(text).current_company != "EXPERIENCES PROFESSIONNELLES"
