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


__all__ = ["PRESENT", "docx_classic", "docx_table"]
