"""Job-entry mechanisms of the fourth round (issue 14): how a résumé's entries are read, whatever the
template. Made-up people and employers, in made-up text and made-up DOCX files."""

from __future__ import annotations

import io

from milobot.ingest import extract
from milobot.ingest.parse import parse_resume


def _role(text: str) -> tuple[str | None, str | None]:
    p = parse_resume(text)
    return p.current_title, p.current_company


def _docx(paragraphs: list[str]) -> bytes:
    import docx

    doc = docx.Document()
    for paragraph in paragraphs:
        doc.add_paragraph(paragraph)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_a_line_opening_with_at_goes_on_from_the_title_over_it():
    """ "Kilnwright<TAB>dates" / "at Ossory Glassworks, Tarrow": the title and its employer are one
    "Title at Employer" split over two lines; the place after the comma, printed so in every entry,
    is where the job was."""
    data = _docx(
        [
            "Fionnuala Breckwater",
            "fionnuala.breckwater@quernmail.example",
            "Work history",
            "Kilnwright\tMar 2021 – Present",
            "at Ossory Glassworks, Tarrow",
            "• Fired the annealing ovens for three crews",
            "Glass Cutter\tJan 2017 – Feb 2021",
            "at Pellbrook Studio, Carran",
            "• Cut panes for the cathedral windows",
        ]
    )
    (result,) = extract("cv.docx", data)
    p = result.profiles[0]
    assert (p.current_title, p.current_company) == ("Kilnwright", "Ossory Glassworks")


def test_a_short_lower_case_form_with_a_full_stop_closes_an_employer():
    """ "Brakevik ehf.", "Tollund hf.": no list knows these legal forms, but one short lower-case
    word and a full stop after capitalised words closes an employer's name; the entries, written
    alike, then show which line holds the employer in the current one too."""
    text = """Sólrún Hvammsdóttir
solrun.hvamms@quernmail.example
Experience
Skerjaborg hf.
Netagerðarmeistari
Oct 2022 - Present
Mended the trawl nets of four ships
Brakevik ehf.
Verkstjóri
Jun 2018 - Sep 2022
Ran the night shift of the salting house
Tollund Fiskvinnsla ehf.
Saltari
May 2014 - May 2018
Salted and packed the winter catch
"""
    assert _role(text) == ("Netagerðarmeistari", "Skerjaborg hf.")


def test_the_title_the_head_of_the_resume_repeats_is_the_current_title():
    """ "Vélstjórnandi" / "Grenivík Dráttarbátar": no list knows either word, and the other entry
    says nothing either; the line under the name and the summary's first words repeat the title."""
    text = """Hallveig Brynjarsdóttir
Vélstjórnandi
hallveig.b@quernmail.example
Vélstjórnandi with 9 years of experience at sea.
Experience
Vélstjórnandi\tNov 2021 — Present
Grenivík Dráttarbátar, Dalvík
Kept the engines of two tugs running through the winter
Hásetastjóri\tMar 2016 — Oct 2021
Skarfaklettur Útgerð, Ólafsfjörður
Led the deck crew of a line trawler
"""
    assert _role(text) == ("Vélstjórnandi", "Grenivík Dráttarbátar")


def test_the_head_names_the_title_where_the_entry_runs_title_and_employer_together():
    """ "Tollvörður, Flóabrú Flutningar": a comma between two parts no list knows; the headline
    says which one is the title, and the other part is the employer."""
    text = """Ragnar Ketilsson
Tollvörður
Keflavík, Iceland
ragnar.ketilsson@quernmail.example
Work Experience
Tollvörður, Flóabrú Flutningar
Apr, 2022 - Present
Checked the manifests of the night ferries
Birgðavörður, Hvítanes Vöruhús
Jun, 2017 - Mar, 2022
Counted the stock of the harbour stores
"""
    assert _role(text) == ("Tollvörður", "Flóabrú Flutningar")


def test_a_city_the_head_prints_is_never_the_title():
    """The person's own town stands at the head too; an entry printed with that town after its
    employer does not make the town the title."""
    text = """Eyrún Stefánsdóttir
Hólmavík
eyrun.stef@quernmail.example
Experience
Netagerðarmaður, Hólmavík Veiðarfæri
Mar 2020 - Present
Mended the nets of the local fleet
"""
    title, _ = _role(text)
    assert title != "Hólmavík"


def test_the_part_before_a_place_closing_the_line_under_the_title_is_the_employer():
    """ "Harrowgate Freight, Singapore" reads as a place as a whole ("X, Singapore"); under
    "Title<TAB>dates" the part before the place is the employer."""
    text = """Delphine Oyelaran-Matsuda
delphine.om@quernmail.example
Experience
Logistics Coordinator\tNov 2022 — Present
Harrowgate Freight, Singapore
Cleared the reefer containers of three shipping lines
Shipping Assistant\tJan 2018 — Oct 2022
Pellmoor Haulage, Singapore
Booked the trucks for the night shift
"""
    assert _role(text) == ("Logistics Coordinator", "Harrowgate Freight")


def test_a_word_for_now_ends_the_latest_range_where_no_work_heading_was_found():
    """No heading names the work history (a sidebar ran into the heading's row), so every line is
    read; "Mar 2023 – vlani" still opens the latest range, as it would under a work heading."""
    text = """Vesna Ostrožnik
Celje, Slovenia
vesna.ostroznik@quernmail.example
I have surveyed quarries and villages for ten years.
Geodetinja, Kamnolom Plešivec d.o.o., Velenje. Mar 2023 – zdajle
Surveyed the quarry faces every quarter
Kartografinja, Zemljemerstvo Rovtar d.o.o., Celje. Jan 2019 – Feb 2023
Drew the cadastral maps of four villages
"""
    assert _role(text) == ("Geodetinja", "Kamnolom Plešivec d.o.o.")


def test_the_employer_named_at_the_head_is_no_title():
    """An academic CV prints the university in its letterhead ("Saltmarsh Coast University") and
    the entry "Reader, Faculty of Geology, Saltmarsh Coast" wraps its last word; neither the
    letterhead's first words nor the employer become the title."""
    text = """Orla Penhallow, Ph.D.
Faculty of Geology
Saltmarsh Coast University
Email: o.penhallow@quernmail.example
ACADEMIC APPOINTMENTS
2020 – present\tReader, Faculty of Geology, Saltmarsh Coast
University
2014 – 2020\tLecturer, Faculty of Geology, Saltmarsh Coast
University
"""
    title, _ = _role(text)
    assert title not in {"Saltmarsh Coast", "Saltmarsh Coast University", "Faculty of Geology"}


def test_a_head_line_cut_after_and_goes_on_on_the_next_line():
    """ "Quarry Foreman, Breckon Stoneworks and" / "Aggregates, Tarrow.": a narrow column cut the
    employer's name after "and"; the next line finishes it, its comma and full stop whatever."""
    text = """Tamsin Okonkwo-Vale
tamsin.ov@quernmail.example
Experience
2021–present\tQuarry Foreman, Breckon Stoneworks and
Aggregates, Tarrow.
• Ran the blasting crews of two pits
2017–2021\tSite Surveyor, Dunmere Aggregates Ltd, Carran.
• Surveyed the pits every spring
"""
    assert _role(text) == ("Quarry Foreman", "Breckon Stoneworks and Aggregates")


def test_a_spaced_slash_between_title_and_employer_is_read_through_the_entries_shape():
    """ "Quarry Foreman / Breckon Stoneworks": the slash is the only separator; the other entry's
    legal form shows the employer's side. A double title ("Night Porter / Concierge") over an
    employer of its own stays whole."""
    text = """Tamsin Okonkwo-Vale
tamsin.ov@quernmail.example
Experience
Quarry Foreman / Breckon Stoneworks
2021 – Present
Ran the blasting crews
Site Surveyor / Dunmere Aggregates Ltd
2017 – 2021
Surveyed the pits
"""
    assert _role(text) == ("Quarry Foreman", "Breckon Stoneworks")
    double = """Tamsin Okonkwo-Vale
tamsin.ov@quernmail.example
Experience
Night Porter / Concierge
Halloway Hotel Ltd
2021 – Present
Greeted the guests
Barman / Cellarman
Ferrygate Inn Ltd
2017 – 2021
Kept the cellar
"""
    assert _role(double) == ("Night Porter / Concierge", "Halloway Hotel Ltd")
