# -*- coding: utf-8 -*-
"""python-docx layouts."""
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Cm, RGBColor

from common import lab, daterange, bullets, head_line, jobs_ordered, contact_items, extra_sections, ref_lines


def base(font="Calibri", size=10.5):
    d = Document()
    st = d.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    sec = d.sections[0]
    sec.left_margin = sec.right_margin = Cm(2)
    sec.top_margin = sec.bottom_margin = Cm(1.8)
    return d


def shade(cell, hexcolor):
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hexcolor)
    tcPr.append(shd)


def add_bullets(container, items):
    for b in items:
        container.add_paragraph(b, style="List Bullet")


def job_tabbed(container, p, j, width_cm=17):
    l1, l2 = head_line(p, j)
    para = container.add_paragraph()
    para.paragraph_format.tab_stops.add_tab_stop(Cm(width_cm), WD_TAB_ALIGNMENT.RIGHT)
    para.paragraph_format.space_before = Pt(6)
    para.add_run(l1).bold = True
    para.add_run("\t" + daterange(p, j))
    if l2:
        container.add_paragraph().add_run(l2).italic = True
    add_bullets(container, bullets(p, j))


def tail(container, p, heading, skip=None):
    for head, kind, payload in extra_sections(p):
        if skip and head == skip:
            continue
        if head:
            heading(head)
        if kind == "list":
            add_bullets(container, payload)
        elif kind == "inline":
            container.add_paragraph(", ".join(payload))
        elif kind == "kv":
            for k, v in payload:
                pr = container.add_paragraph()
                pr.add_run(f"{k}: ").bold = True
                pr.add_run(v)
        elif kind == "refs":
            for r in payload:
                container.add_paragraph("\n".join(ref_lines(r)))
        elif kind in ("para", "small"):
            container.add_paragraph(payload)


def docx_plain(p, path):
    """Word 'Simple' template: centred name, contact line, built-in Heading 1 styles."""
    d = base("Calibri", 10.5)
    h = d.add_paragraph()
    h.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = h.add_run(p["name_printed"])
    r.bold = True
    r.font.size = Pt(22)
    if p["headline"]:
        hp = d.add_paragraph(p["headline"])
        hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    c = d.add_paragraph(f"{p['loc_printed']}  •  {p['phone_printed']}  •  {p['email']}")
    c.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def heading(t):
        d.add_heading(t, level=1)
    heading(lab(p, "summary"))
    d.add_paragraph(p["summary"])
    heading(p["heading"])
    for j in jobs_ordered(p):
        job_tabbed(d, p, j)
    heading(lab(p, "education"))
    for dg, s, y in p["edu"]:
        pr = d.add_paragraph()
        pr.add_run(dg).bold = True
        pr.add_run(f", {s}, {y}")
    heading(lab(p, "skills"))
    d.add_paragraph(", ".join(p["skills"]))
    tail(d, p, heading)
    d.core_properties.author = p["name_exp"]
    d.save(path)


def docx_table(p, path):
    """Two-column Word template built from a borderless table: shaded left sidebar with contact/skills."""
    d = base("Arial", 9.5)
    t = d.add_table(rows=1, cols=2)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    left, right = t.rows[0].cells
    left.width, right.width = Cm(5.5), Cm(11.5)
    shade(left, "DCE6F0")
    lp = left.paragraphs[0]
    lr = lp.add_run(lab(p, "contact").upper())
    lr.bold = True
    for k, l, v in contact_items(p):
        pr = left.add_paragraph()
        pr.add_run(l + "\n").bold = True
        pr.add_run(v)
    left.add_paragraph().add_run(lab(p, "skills").upper()).bold = True
    for s in p["skills"]:
        left.add_paragraph(s, style="List Bullet")
    if p["langs"]:
        left.add_paragraph().add_run(lab(p, "languages").upper()).bold = True
        for s in p["langs"]:
            left.add_paragraph(s)
    rp = right.paragraphs[0]
    rr = rp.add_run(p["name_printed"])
    rr.bold = True
    rr.font.size = Pt(20)
    rr.font.color.rgb = RGBColor(0x1F, 0x3B, 0x57)
    if p["headline"]:
        right.add_paragraph(p["headline"]).runs[0].font.size = Pt(11)

    def heading(txt):
        pr = right.add_paragraph()
        pr.paragraph_format.space_before = Pt(10)
        run = pr.add_run(txt.upper())
        run.bold = True
        run.font.color.rgb = RGBColor(0x1F, 0x3B, 0x57)
    heading(lab(p, "profile"))
    right.add_paragraph(p["summary"])
    heading(p["heading"])
    for j in jobs_ordered(p):
        # title and company in two columns (nested table), dates below
        nt = right.add_table(rows=2, cols=2)
        a, b = nt.rows[0].cells
        a.paragraphs[0].add_run(j["title"]).bold = True
        b.paragraphs[0].add_run(j["company"]).bold = True
        b.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        nt.rows[1].cells[0].paragraphs[0].add_run(daterange(p, j)).italic = True
        nt.rows[1].cells[1].paragraphs[0].add_run(j["place"]).italic = True
        nt.rows[1].cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        add_bullets(right, bullets(p, j))
    heading(lab(p, "education"))
    for dg, s, y in p["edu"]:
        right.add_paragraph(f"{dg} – {s} ({y})")
    tail(right, p, heading, skip=lab(p, "languages"))
    d.save(path)


def docx_header(p, path):
    """Contact details live in the Word page header (common in downloaded templates); name in body."""
    d = base("Cambria", 10.5)
    sec = d.sections[0]
    hp = sec.header.paragraphs[0]
    hp.text = f"{p['email']}  |  {p['phone_printed']}  |  {p['loc_printed']}"
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]
    fp.text = f"Résumé of {p['name_exp']}"
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    t = d.add_paragraph()
    r = t.add_run(p["name_printed"].upper())
    r.bold = True
    r.font.size = Pt(20)
    if p["headline"]:
        d.add_paragraph(p["headline"]).runs[0].italic = True

    def heading(txt):
        d.add_heading(txt, level=2)
    heading("Summary")
    d.add_paragraph(p["summary"])
    order = ["edu", "exp"] if p["extras"].get("edu_first") else ["exp", "edu"]
    for o in order:
        if o == "exp":
            heading(p["heading"])
            for j in jobs_ordered(p):
                job_tabbed(d, p, j)
        else:
            heading(lab(p, "education"))
            for dg, s, y in p["edu"]:
                d.add_paragraph(f"{dg}\t{s}\t{y}")
    heading(lab(p, "skills"))
    add_bullets(d, p["skills"])
    tail(d, p, heading)
    d.save(path)


LAYOUTS = dict(docx_plain=docx_plain, docx_table=docx_table, docx_header=docx_header)


def render(p, path):
    LAYOUTS[p["layout"]](p, path)
