"""Round 6's families: Word résumés of shapes no earlier round used, written with python-docx and
some saved as PDF by LibreOffice, the way people make them by hand, and the komacv LaTeX class."""

from __future__ import annotations

import tempfile
from pathlib import Path

from families_docx import _soffice_pdf
from families_tex import MONTHS, PRESENT, compile_tex, esc
from people import Person


def _when(ym, p: Person, style: str) -> str:
    if ym is None:
        return PRESENT.get(p.language, "Present")
    lang = p.language if p.language in MONTHS else "en"
    if style == "year":
        return str(ym[0])
    if style == "iso":
        return f"{ym[0]}-{ym[1]:02d}"
    if style == "short":  # 03/21
        return f"{ym[1]:02d}/{ym[0] % 100:02d}"
    if style == "dotted":  # 03.2021
        return f"{ym[1]:02d}.{ym[0]}"
    return f"{MONTHS[lang][ym[1] - 1]} {ym[0]}"


def _range(p: Person, a, b, style: str, dash: str = " – ") -> str:
    return f"{_when(a, p, style)}{dash}{_when(b, p, style)}"


def _via_pdf(build):
    """A maker that writes the DOCX to a temporary file and saves it as PDF with LibreOffice."""

    def make(p: Person, out: Path) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / (out.stem + ".docx")
            build(p, src)
            _soffice_pdf(src, out)

    return make


def _shade(cell_or_par, fill: str, cell: bool = True) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    props = cell_or_par._tc.get_or_add_tcPr() if cell else cell_or_par._p.get_or_add_pPr()
    props.append(shd)


def _widths(table, cm: tuple[float, ...]) -> None:
    """Column widths in the table grid too: LibreOffice and Word lay a table out by its grid."""
    from docx.shared import Cm

    table.autofit = False
    for column, width in zip(table.columns, cm):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)


def _borders(cell) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), "8")
        edge.set(qn("w:color"), "808080")
        borders.append(edge)
    cell._tc.get_or_add_tcPr().append(borders)


def _letter_spaced(run, twips: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    sp = OxmlElement("w:spacing")
    sp.set(qn("w:val"), str(twips))
    run._r.get_or_add_rPr().append(sp)


def docx_persdata(p: Person, out: Path) -> None:
    """The German/Dutch "Lebenslauf" shape: a heading "Curriculum Vitae", a personal-data table of
    "label:" / value rows with a bordered photo box merged down its third column, then the history
    as a two-column table with dotted dates (03.2021 – 06.2024) on the left and position, employer
    and city on the right."""
    from docx import Document
    from docx.shared import Cm, Pt

    doc = Document()
    h = doc.add_paragraph().add_run("Curriculum Vitae")
    h.bold, h.font.size = True, Pt(18)
    doc.add_paragraph().add_run("Personal details").bold = True
    rows = (
        ("Name:", p.name),
        ("Address:", f"{p.street}, {p.postcode} {p.city}"),
        ("Country:", p.country_name),
        ("Telephone:", p.phone_display),
        ("E-mail:", p.email),
        ("LinkedIn:", p.links["linkedin"].split("//")[1]),
    )
    data = doc.add_table(rows=len(rows), cols=3)
    _widths(data, (3.5, 9, 4))
    for row, (label, value) in zip(data.rows, rows):
        row.cells[0].paragraphs[0].add_run(label)
        row.cells[1].paragraphs[0].add_run(value)
    photo = data.cell(0, 2).merge(data.cell(len(rows) - 1, 2))
    _borders(photo)
    photo.paragraphs[0].add_run("\n\nPhoto").italic = True
    doc.add_paragraph()
    doc.add_paragraph().add_run("Work experience").bold = True
    table = doc.add_table(rows=0, cols=2)
    for j in p.jobs:
        a, b = table.add_row().cells
        a.width, b.width = Cm(4), Cm(12.5)
        a.paragraphs[0].add_run(_range(p, j.start, j.end, "dotted"))
        b.paragraphs[0].add_run(j.title).bold = True
        b.add_paragraph(f"{j.company}, {j.city}")
        for hl in j.highlights:
            b.add_paragraph(hl, style="List Bullet")
    doc.add_paragraph().add_run("Education").bold = True
    table = doc.add_table(rows=1, cols=2)
    a, b = table.rows[0].cells
    a.paragraphs[0].add_run(f"{p.school_years[0]} – {p.school_years[1]}")
    b.paragraphs[0].add_run(f"{p.degree}, {p.school}")
    doc.add_paragraph().add_run("Skills").bold = True
    doc.add_paragraph(", ".join(p.skills))
    doc.save(out)


def docx_bullets(p: Person, out: Path) -> None:
    """A short Word résumé whose whole history is one bullet list, one line a job:
    "Employer – Title (2019–2022)", the name and title over a contact line split by "|"."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    r = doc.add_paragraph().add_run(p.name)
    r.bold, r.font.size = True, Pt(20)
    doc.add_paragraph(p.label)
    doc.add_paragraph(f"{p.city}, {p.country_name} | {p.phone_display} | {p.email}")
    doc.add_heading("Profile", level=2)
    doc.add_paragraph(p.summary)
    doc.add_heading("Career", level=2)
    for j in p.jobs:
        doc.add_paragraph(f"{j.company} – {j.title} ({_range(p, j.start, j.end, 'year', '–')})", style="List Bullet")
    doc.add_heading("Key achievements", level=2)
    for j in p.jobs[:2]:
        doc.add_paragraph(j.highlights[0], style="List Bullet")
    doc.add_heading("Education", level=2)
    doc.add_paragraph(f"{p.school} – {p.degree} ({p.school_years[0]}–{p.school_years[1]})", style="List Bullet")
    doc.add_heading("Skills", level=2)
    doc.add_paragraph(" / ".join(p.skills))
    doc.save(out)


def _right_sidebar_docx(p: Person, out: Path) -> None:
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    table = doc.add_table(rows=1, cols=2)
    _widths(table, (9.5, 6.5))
    main, side = table.rows[0].cells
    _shade(side, "DCE6F0")
    r = main.paragraphs[0].add_run(p.name)
    r.bold, r.font.size = True, Pt(22)
    main.add_paragraph().add_run(p.label).italic = True
    main.add_paragraph().add_run("EXPERIENCE").bold = True
    for j in p.jobs:
        main.add_paragraph().add_run(f"{j.title}, {j.company}").bold = True
        main.add_paragraph(f"{_range(p, j.start, j.end, 'month')} | {j.city}")
        for hl in j.highlights:
            main.add_paragraph(f"• {hl}")
    main.add_paragraph().add_run("EDUCATION").bold = True
    main.add_paragraph(f"{p.degree}, {p.school} ({p.school_years[1]})")
    side.paragraphs[0].add_run("CONTACT").bold = True
    for value in (p.phone_display, p.email, f"{p.street}", f"{p.city}, {p.region}", p.links["linkedin"].split("//")[1]):
        para = side.add_paragraph(value)
        para.runs[0].font.size = Pt(8.5)
    side.add_paragraph().add_run("SKILLS").bold = True
    for s in p.skills:
        side.add_paragraph(s).runs[0].font.size = Pt(9)
    doc.save(out)


lo_rightsidebar = _via_pdf(_right_sidebar_docx)
lo_rightsidebar.__doc__ = """A Word résumé with a shaded sidebar on the right (contact, skills) and the history on the
left as "Title, Employer" over "Mar 2021 – Present | City", saved as PDF by LibreOffice."""


def _headings_docx(p: Person, out: Path) -> None:
    from docx import Document

    doc = Document()
    doc.add_heading(p.name, level=0)
    doc.add_paragraph(f"{p.email} · {p.phone_display} · {p.city}, {p.region}, {p.country_name}")
    doc.add_heading("Professional experience", level=1)
    for j in p.jobs:
        doc.add_heading(f"{j.title} ({_range(p, j.start, j.end, 'month')})", level=2)
        doc.add_paragraph().add_run(f"{j.company}, {j.city}").italic = True
        for hl in j.highlights:
            doc.add_paragraph(hl, style="List Bullet")
    doc.add_heading("Education", level=1)
    doc.add_heading(f"{p.degree} ({p.school_years[0]} – {p.school_years[1]})", level=2)
    doc.add_paragraph(p.school)
    doc.add_heading("Skills", level=1)
    doc.add_paragraph(", ".join(p.skills))
    doc.save(out)


lo_headings = _via_pdf(_headings_docx)
lo_headings.__doc__ = """Word's built-in heading styles throughout: the name in "Title", each job a "Heading 2" line
"Title (Mar 2021 – Present)" with the employer in italics below, saved as PDF by LibreOffice."""


def _landscape_docx(p: Person, out: Path) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    doc = Document()
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21)
    sec.left_margin = sec.right_margin = Cm(1.8)
    r = doc.add_paragraph().add_run(f"{p.name} — {p.label}")
    r.bold, r.font.size = True, Pt(18)
    doc.add_paragraph(f"{p.street}, {p.city} {p.postcode}, {p.country_name}   ☎ {p.phone_display}   ✉ {p.email}")
    table = doc.add_table(rows=1, cols=4)
    table.style = "Light Grid Accent 1"
    _widths(table, (4.5, 9, 7.5, 5))
    for cell, text in zip(table.rows[0].cells, ("Period", "Employer", "Position", "Location")):
        cell.paragraphs[0].add_run(text).bold = True
    for j in p.jobs:
        cells = table.add_row().cells
        for cell, text in zip(cells, (_range(p, j.start, j.end, "iso"), j.company, j.title, j.city)):
            cell.paragraphs[0].add_run(text)
    doc.add_paragraph()
    doc.add_paragraph().add_run("Education: ").bold = True
    doc.paragraphs[-1].add_run(f"{p.degree}, {p.school}, {p.school_years[0]}–{p.school_years[1]}")
    doc.add_paragraph().add_run("Skills: ").bold = True
    doc.paragraphs[-1].add_run(", ".join(p.skills))
    doc.save(out)


lo_landscape = _via_pdf(_landscape_docx)
lo_landscape.__doc__ = """An A4 landscape page: the name and title in one line, a contact line with ☎ and ✉ signs,
the history as a four-column grid (Period, Employer, Position, Location) with ISO dates."""


def docx_spacedcaps(p: Person, out: Path) -> None:
    """Headings in capitals with wide letter spacing, each job as the employer in capitals over
    the position, the dates below in numeric short form (03/21 – 11/23)."""
    from docx import Document
    from docx.shared import Pt, RGBColor

    doc = Document()

    def heading(text: str, size: float, spacing: int) -> None:
        run = doc.add_paragraph().add_run(text.upper())
        run.bold, run.font.size = True, Pt(size)
        _letter_spaced(run, spacing)

    heading(p.name, 20, 80)
    doc.add_paragraph(p.label)
    doc.add_paragraph(f"{p.phone_display}  /  {p.email}  /  {p.city}, {p.region}")
    heading("About", 11, 60)
    doc.add_paragraph(p.summary)
    heading("Experience", 11, 60)
    for j in p.jobs:
        doc.add_paragraph().add_run(j.company.upper()).bold = True
        doc.add_paragraph(j.title)
        d = doc.add_paragraph().add_run(f"{_range(p, j.start, j.end, 'short')}, {j.city}")
        d.font.size, d.font.color.rgb = Pt(9), RGBColor(0x66, 0x66, 0x66)
        for hl in j.highlights:
            doc.add_paragraph(hl, style="List Bullet")
    heading("Education", 11, 60)
    doc.add_paragraph(f"{p.degree} — {p.school} — {p.school_years[1]}")
    heading("Skills", 11, 60)
    doc.add_paragraph(" · ".join(p.skills))
    doc.save(out)


def _a5_docx(p: Person, out: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Cm, Pt

    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(14.8), Cm(21)
    sec.left_margin = sec.right_margin = sec.top_margin = sec.bottom_margin = Cm(1.2)
    style = doc.styles["Normal"]
    style.font.size = Pt(9)
    r = doc.add_paragraph().add_run(p.name)
    r.bold, r.font.size = True, Pt(16)
    doc.add_paragraph(f"{p.label}\n{p.city}, {p.country_name}\n{p.phone_display}\n{p.email}")
    doc.add_heading("Experience", level=2)
    for j in p.jobs:
        para = doc.add_paragraph()
        para.paragraph_format.tab_stops.add_tab_stop(Cm(12.4), WD_TAB_ALIGNMENT.RIGHT)
        para.add_run(j.title).bold = True
        para.add_run(f"\t{_range(p, j.start, j.end, 'year')}")
        doc.add_paragraph(f"{j.company} · {j.city}")
        doc.add_paragraph(j.highlights[0], style="List Bullet")
    doc.add_heading("Education", level=2)
    doc.add_paragraph(f"{p.degree}\n{p.school}, {p.school_years[1]}")
    doc.add_heading("Skills", level=2)
    doc.add_paragraph(", ".join(p.skills))
    doc.save(out)


lo_a5 = _via_pdf(_a5_docx)
lo_a5.__doc__ = """A small A5 page in 9 pt: the name over title, town, phone and e-mail on lines of their own,
each job "Title" with the years at a right tab stop and "Employer · City" below."""


def docx_datesbelow(p: Person, out: Path) -> None:
    """Two-line job heads: "Employer, City" in bold, the position in italics, the dates in a line
    of their own below in ISO form (2021-03 – 2024-06); contact lines in the page header."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    header = doc.sections[0].header.paragraphs[0]
    header.text = f"{p.name} · {p.phone_display} · {p.email}"
    r = doc.add_paragraph().add_run(p.name)
    r.bold, r.font.size = True, Pt(20)
    doc.add_paragraph(f"{p.label} — {p.city}, {p.region}")
    doc.add_heading("Experience", level=1)
    for j in p.jobs:
        doc.add_paragraph().add_run(f"{j.company}, {j.city}").bold = True
        doc.add_paragraph().add_run(j.title).italic = True
        doc.add_paragraph(_range(p, j.start, j.end, "iso"))
        for hl in j.highlights:
            doc.add_paragraph(hl, style="List Bullet")
    doc.add_heading("Education", level=1)
    doc.add_paragraph(f"{p.school}, {p.degree}, {p.school_years[0]}–{p.school_years[1]}")
    doc.add_heading("Skills", level=1)
    doc.add_paragraph(", ".join(p.skills))
    doc.save(out)


def komacv(style: str):
    """komacv (KOMA-Script CV class, TeX Live) in its classic or oldstyle look: the name as a
    centred headline with the title under it, the address and contact block set right, each job a
    \\cventry "Title, Employer, City." with the years in the left margin column. Set with XeLaTeX
    (Maltese ħ, ġ); its Font Awesome icons need a system font, so they are switched off."""

    def make(p: Person, out: Path) -> None:
        jobs = "\n".join(
            f"\\cventry{{{_range(p, j.start, j.end, 'month' if style == 'classic' else 'year', '--')}}}"
            f"{{{esc(j.title)}}}{{{esc(j.company)}}}{{{esc(j.city)}}}{{}}{{{esc('. '.join(j.highlights))}.}}"
            for j in p.jobs
        )
        src = f"""\\documentclass[a4paper,fontawesome=false,style={style}]{{komacv}}
\\usepackage{{fontspec}}
\\renewcommand*{{\\firstname}}{{{esc(p.first)}}}
\\renewcommand*{{\\familyname}}{{{esc(p.last)}}}
\\renewcommand*{{\\acadtitle}}{{{esc(p.label)}}}
\\renewcommand*{{\\addressstreet}}{{{esc(p.street)}}}
\\renewcommand*{{\\addresscity}}{{{esc(p.postcode)} {esc(p.city)}, {esc(p.country_name)}}}
\\renewcommand*{{\\mobile}}{{{esc(p.phone_display)}}}
\\renewcommand*{{\\email}}{{{esc(p.email)}}}
\\headline{{name}}
\\begin{{document}}
\\maketitle
\\section{{Profile}}
\\cvitem{{}}{{{esc(p.summary)}}}
\\section{{Experience}}
{jobs}
\\section{{Education}}
\\cventry{{{p.school_years[0]}--{p.school_years[1]}}}{{{esc(p.degree)}}}{{{esc(p.school)}}}{{}}{{}}{{}}
\\section{{Skills}}
\\cvitem{{}}{{{esc(", ".join(p.skills))}}}
\\end{{document}}
"""
        compile_tex(src, out, engine="xelatex")

    return make
