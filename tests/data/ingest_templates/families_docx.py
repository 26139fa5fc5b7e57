"""Word résumés written with python-docx, after two common Word template shapes."""

from __future__ import annotations

from pathlib import Path

from families_tex import PRESENT, span
from people import Person


def _years(p: Person, job) -> str:
    return span(p, job, "month").replace(" -- ", " – ")


def docx_classic(p: Person, out: Path) -> None:
    """Word's plain résumé: name in Title style, a contact line, headings, job title line then company line."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    doc.add_paragraph(p.name, style="Title")
    doc.add_paragraph(f"{p.city}, {p.region} · {p.phone_display} · {p.email}")
    doc.add_heading("Summary", level=1)
    doc.add_paragraph(p.summary)
    doc.add_heading("Experience", level=1)
    for j in p.jobs:
        head = doc.add_paragraph()
        run = head.add_run(j.title)
        run.bold = True
        run.font.size = Pt(12)
        doc.add_paragraph(f"{j.company} | {j.city} | {_years(p, j)}")
        for h in j.highlights:
            doc.add_paragraph(h, style="List Bullet")
    doc.add_heading("Education", level=1)
    doc.add_paragraph(f"{p.degree}, {p.school}, {p.school_years[1]}")
    doc.add_heading("Skills", level=1)
    doc.add_paragraph(", ".join(p.skills))
    doc.save(out)


def docx_table(p: Person, out: Path) -> None:
    """A two-column Word template: a narrow left column of contact details, the history on the right."""
    from docx import Document
    from docx.shared import Cm, Pt

    doc = Document()
    name = doc.add_paragraph()
    r = name.add_run(p.name.upper())
    r.bold = True
    r.font.size = Pt(22)
    doc.add_paragraph(p.label)
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.width, right.width = Cm(5), Cm(12)
    left.paragraphs[0].add_run("CONTACT").bold = True
    for line in (p.phone_display, p.email, f"{p.city}, {p.region}", p.links["linkedin"].split("//")[1]):
        left.add_paragraph(line)
    left.add_paragraph().add_run("SKILLS").bold = True
    for s in p.skills:
        left.add_paragraph(s)
    right.paragraphs[0].add_run("EXPERIENCE").bold = True
    for j in p.jobs:
        para = right.add_paragraph()
        para.add_run(f"{j.company}, {j.city}").bold = True
        para2 = right.add_paragraph()
        para2.add_run(j.title).italic = True
        para2.add_run(f"\t{_years(p, j)}")
        for h in j.highlights:
            right.add_paragraph(f"• {h}")
    right.add_paragraph().add_run("EDUCATION").bold = True
    right.add_paragraph(f"{p.degree} — {p.school} ({p.school_years[0]}–{p.school_years[1]})")
    doc.save(out)


def docx_header(p: Person, out: Path) -> None:
    """A Word layout that keeps the name and the contact line in the page header and sets each job
    as a table row: the dates in a narrow left cell; employer (bold), then position, then bullets."""
    from docx import Document
    from docx.shared import Cm, Pt, RGBColor

    doc = Document()
    header = doc.sections[0].header
    top = header.paragraphs[0]
    r = top.add_run(p.name)
    r.bold = True
    r.font.size = Pt(20)
    header.add_paragraph(f"{p.email}  |  {p.phone_display}  |  {p.city}, {p.country_name or p.region}")
    doc.add_heading("Profile", level=2)
    doc.add_paragraph(p.summary)
    doc.add_heading("Professional Experience", level=2)
    table = doc.add_table(rows=0, cols=2)
    for j in p.jobs:
        left, right = table.add_row().cells
        left.width, right.width = Cm(3.5), Cm(13)
        when = left.paragraphs[0].add_run(_years(p, j))
        when.font.size = Pt(9)
        when.font.color.rgb = RGBColor(0x66, 0x66, 0x66)
        right.paragraphs[0].add_run(j.company).bold = True
        right.add_paragraph(j.title)
        for h in j.highlights:
            right.add_paragraph(f"– {h}")
    doc.add_heading("Education", level=2)
    doc.add_paragraph(f"{p.degree}, {p.school} ({p.school_years[0]}–{p.school_years[1]})")
    doc.add_heading("Skills", level=2)
    doc.add_paragraph(" · ".join(p.skills))
    doc.save(out)


def _modern_docx(p: Person, out: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.shared import Cm, Pt

    doc = Document()
    sec = doc.sections[0]
    sec.left_margin = sec.right_margin = Cm(2)
    width = sec.page_width - sec.left_margin - sec.right_margin
    name = doc.add_paragraph()
    name.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = name.add_run(p.name)
    r.font.size = Pt(24)
    sub = doc.add_paragraph(p.label)
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    contact = doc.add_paragraph(f"{p.street}, {p.postcode} {p.city}  •  {p.phone_display}  •  {p.email}")
    contact.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_heading("WORK EXPERIENCE", level=1)
    for j in p.jobs:
        head = doc.add_paragraph()
        head.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        head.add_run(j.title).bold = True
        head.add_run(f"\t{_years(p, j)}")
        where = doc.add_paragraph()
        where.add_run(f"{j.company}, {j.city}").italic = True
        for h in j.highlights:
            doc.add_paragraph(h, style="List Bullet")
    doc.add_heading("EDUCATION", level=1)
    edu = doc.add_paragraph()
    edu.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    edu.add_run(f"{p.degree}, {p.school}").bold = True
    edu.add_run(f"\t{p.school_years[0]} – {p.school_years[1]}")
    doc.add_heading("SKILLS", level=1)
    doc.add_paragraph(", ".join(p.skills))
    doc.save(out)


def lo_modern(p: Person, out: Path) -> None:
    """A Word layout (name centred, contact line, position and right-tabbed dates on one line, the
    employer in italics below) saved as PDF by LibreOffice, as many people export their résumé."""
    import shutil
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "cv.docx"
        _modern_docx(p, src)
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{tmp}/profile",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        shutil.copy(Path(tmp) / "cv.pdf", out)


__all__ = ["PRESENT", "docx_classic", "docx_header", "docx_table", "lo_modern"]
