# -*- coding: utf-8 -*-
"""python-docx layouts."""
import datetime
from docx import Document
from docx.shared import Pt, Mm, RGBColor, Inches
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.enum.table import WD_TABLE_ALIGNMENT


def new_doc(p, font="Calibri", size=10.5):
    d = Document()
    st = d.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(size)
    for s in d.sections:
        s.left_margin = s.right_margin = Mm(20)
        s.top_margin = s.bottom_margin = Mm(16)
    cp = d.core_properties
    cp.author = p["name"]
    cp.title = "Resume"
    cp.created = cp.modified = datetime.datetime(2025, 2, 1, 9, 0, 0)
    cp.last_modified_by = p["name"]
    cp.revision = 3
    return d


def para(d, text="", bold=False, italic=False, size=None, align=None, color=None, space_after=2, style=None):
    pp = d.add_paragraph(style=style) if style else d.add_paragraph()
    if text:
        r = pp.add_run(text)
        r.bold, r.italic = bold, italic
        if size:
            r.font.size = Pt(size)
        if color:
            r.font.color.rgb = RGBColor.from_string(color)
    if align:
        pp.alignment = align
    pp.paragraph_format.space_after = Pt(space_after)
    return pp


def bullets(d, items):
    for i in items:
        pp = d.add_paragraph(i, style="List Bullet")
        pp.paragraph_format.space_after = Pt(1)


def right_tab(pp, width=Mm(170)):
    pp.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)


def heading_rule(d, text, color="1F4E79", size=12):
    pp = para(d, text, bold=True, size=size, color=color, space_after=3)
    pp.paragraph_format.space_before = Pt(10)
    # bottom border
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement
    pPr = pp._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bt = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", color)):
        bt.set(qn(k), v)
    bdr.append(bt)
    pPr.append(bdr)
    return pp


# ---------------------------------------------------------------- docx_summary (Indian style)
def docx_summary(p, path):
    d = new_doc(p, "Cambria", 10.5)
    para(d, p["name_p"], bold=True, size=20, align=WD_ALIGN_PARAGRAPH.CENTER, color="1F3864")
    para(d, f"Mobile: {p['phone_p']}  |  Email: {p['email']}  |  Location: {p['loc_p']}", size=9.5, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=8)
    heading_rule(d, "PROFESSIONAL SUMMARY")
    para(d, p["summary"])
    heading_rule(d, "TECHNICAL SKILLS")
    t = d.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    for k, v in [("Languages", "Java 17, SQL"), ("Frameworks", "Spring Boot, Hibernate, Kafka"), ("Cloud / DevOps", "AWS (EC2, S3, Lambda), Jenkins, Docker"), ("Database", "Oracle, PostgreSQL")]:
        c = t.add_row().cells
        c[0].text, c[1].text = k, v
    heading_rule(d, "WORK EXPERIENCE")
    for j in p["jobs"]:
        pp = para(d, "", space_after=0)
        right_tab(pp)
        r = pp.add_run(f"{j['company']}, {j['place']}"); r.bold = True
        pp.add_run(f"\t{j['dates']}")
        para(d, f"Designation: {j['title']}", italic=True)
        para(d, "Roles & Responsibilities:", bold=True, size=9.5)
        bullets(d, j["bullets"])
    heading_rule(d, "EDUCATION")
    for e in p["edu"]:
        para(d, f"{e['degree']} — {e['school']} ({e['dates']})")
    heading_rule(d, "PERSONAL DETAILS")
    for k, v in p["extra"]["personal"]:
        para(d, f"{k}\t: {v}", space_after=0)
    heading_rule(d, "DECLARATION")
    para(d, p["extra"]["declaration"])
    pp = para(d, "Place: Bengaluru", space_after=0)
    pp = para(d, "")
    right_tab(pp); pp.add_run("Date:\t(" + p["name"].upper() + ")")
    d.save(path)


# ---------------------------------------------------------------- docx_functional (NZ, skills-first)
def docx_functional(p, path):
    d = new_doc(p, "Arial", 10)
    d.add_heading(p["name_p"], level=0)
    para(d, f"{p['loc_p']}  •  {p['phone_p']}  •  {p['email']}", size=9.5, space_after=8)
    d.add_heading("Profile", level=1)
    para(d, p["summary"])
    d.add_heading("Key Skills", level=1)
    for k, v in p["skills"].items():
        para(d, k, bold=True, space_after=1)
        bullets(d, v)
    d.add_heading("Employment History", level=1)
    for j in p["jobs"]:
        pp = para(d, "", space_after=1)
        pp.paragraph_format.tab_stops.add_tab_stop(Mm(32))
        pp.add_run(j["dates"] + "\t")
        r = pp.add_run(j["title"]); r.bold = True
        pp.add_run(f", {j['company']}, {j['place']}")
    d.add_heading("Qualifications", level=1)
    for e in p["edu"]:
        para(d, f"{e['degree']}, {e['school']} ({e['dates']})", space_after=1)
    d.add_heading("Referees", level=1)
    para(d, "Available on request.")
    d.save(path)


# ---------------------------------------------------------------- docx_header (UK; name+contact in page header)
def docx_header(p, path):
    d = new_doc(p, "Calibri", 10.5)
    hdr = d.sections[0].header
    h0 = hdr.paragraphs[0]
    r = h0.add_run(p["name_p"]); r.bold = True; r.font.size = Pt(18)
    h1 = hdr.add_paragraph()
    h1.add_run(f"{p['loc_p']}   |   {p['phone_p']}   |   {p['email']}").font.size = Pt(9.5)
    d.sections[0].header_distance = Mm(8)
    d.sections[0].top_margin = Mm(32)
    ftr = d.sections[0].footer.paragraphs[0]
    ftr.text = f"{p['name']} – CV"
    ftr.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    d.add_heading("Personal Statement", level=2)
    para(d, p["summary"] + " I am looking for a strategic HRBP role in a values-led organisation in the North West.")
    d.add_heading("Career History", level=2)
    for j in p["jobs"]:
        pp = para(d, "", space_after=0); right_tab(pp)
        r = pp.add_run(j["title"]); r.bold = True
        pp.add_run(f" – {j['company']}, {j['place']}\t{j['dates']}")
        bullets(d, j["bullets"])
    d.add_heading("Education & Professional Qualifications", level=2)
    for e in p["edu"]:
        para(d, f"{e['degree']}, {e['school']}, {e['dates']}", space_after=1)
    d.add_heading("Skills", level=2)
    para(d, ", ".join(p["skills"]))
    d.add_heading("Additional Information", level=2)
    para(d, "Full UK driving licence. References available upon request.")
    d.save(path)


# ---------------------------------------------------------------- docx_ph_table (Philippines, two-column table + references)
def docx_ph_table(p, path):
    d = new_doc(p, "Arial", 10)
    t = d.add_table(rows=1, cols=2)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = t.rows[0].cells
    left.width, right.width = Mm(58), Mm(112)
    def cp(cell, text, bold=False, size=None, color=None, first=False):
        pp = cell.paragraphs[0] if first else cell.add_paragraph()
        r = pp.add_run(text); r.bold = bold
        if size: r.font.size = Pt(size)
        if color: r.font.color.rgb = RGBColor.from_string(color)
        pp.paragraph_format.space_after = Pt(2)
        return pp
    cp(left, "CONTACT", True, 11, "0B5345", first=True)
    for a in p["addr_lines"]:
        cp(left, a, size=9)
    cp(left, p["phone_p"], size=9); cp(left, p["email"], size=9)
    cp(left, ""); cp(left, "PERSONAL INFORMATION", True, 11, "0B5345")
    for k, v in p["extra"]["personal"]:
        cp(left, f"{k}: {v}", size=9)
    cp(left, ""); cp(left, "SKILLS", True, 11, "0B5345")
    for s in p["skills"]:
        cp(left, "• " + s, size=9)
    cp(right, p["name_p"], True, 20, "0B5345", first=True)
    cp(right, "Certified Public Accountant", size=11)
    cp(right, ""); cp(right, "CAREER OBJECTIVE", True, 11, "0B5345"); cp(right, p["summary"], size=9.5)
    cp(right, ""); cp(right, "WORK EXPERIENCE", True, 11, "0B5345")
    for j in p["jobs"]:
        cp(right, j["title"], True, 10); cp(right, f"{j['company']} | {j['place']}", size=9.5); cp(right, j["dates"], size=9, color="666666")
        for b in j["bullets"]:
            cp(right, "– " + b, size=9)
    cp(right, ""); cp(right, "EDUCATION", True, 11, "0B5345")
    for e in p["edu"]:
        cp(right, e["degree"], True, 9.5); cp(right, f"{e['school']}, {e['dates']}", size=9)
    cp(right, "Passed the CPA Licensure Examination, May 2021", size=9)
    para(d, "")
    para(d, "CHARACTER REFERENCES", bold=True, size=11, color="0B5345")
    for n, role, ph, em in p["extra"]["references"]:
        para(d, n, bold=True, space_after=0); para(d, role, space_after=0); para(d, f"{ph} | {em}", space_after=6)
    para(d, "I hereby certify that the above information is true and correct.")
    para(d, "")
    para(d, p["name_p"], bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT, space_after=0)
    para(d, "Applicant", align=WD_ALIGN_PARAGRAPH.RIGHT)
    d.save(path)


# ---------------------------------------------------------------- docx_se (Swedish)
def docx_se(p, path):
    d = new_doc(p, "Georgia", 10.5)
    para(d, p["name_p"], bold=True, size=24, space_after=0)
    para(d, "Systemutvecklare | .NET | Azure", size=11, color="555555", space_after=6)
    t = d.add_table(rows=2, cols=3)
    for i, (k, v) in enumerate([("Telefon", p["phone_p"]), ("E-post", p["email"]), ("Ort", p["loc_p"])]):
        t.cell(0, i).text = k
        t.cell(0, i).paragraphs[0].runs[0].bold = True
        t.cell(1, i).text = v
    heading_rule(d, "Profil", "2E4053")
    para(d, p["summary"])
    heading_rule(d, "Arbetslivserfarenhet", "2E4053")
    for j in p["jobs"]:
        pp = para(d, "", space_after=0); right_tab(pp)
        r = pp.add_run(f"{j['title']}, {j['company']}"); r.bold = True
        pp.add_run(f"\t{j['dates']}")
        para(d, j["place"], italic=True, space_after=1)
        bullets(d, j["bullets"])
    heading_rule(d, "Utbildning", "2E4053")
    for e in p["edu"]:
        pp = para(d, "", space_after=1); right_tab(pp)
        pp.add_run(f"{e['degree']}, {e['school']}\t{e['dates']}")
    heading_rule(d, "Kompetenser", "2E4053")
    para(d, ", ".join(p["skills"]))
    heading_rule(d, "Språk", "2E4053")
    para(d, ", ".join(p["languages"]))
    heading_rule(d, "Övrigt", "2E4053")
    para(d, "B-körkort. " + p["extra"]["refs"])
    d.save(path)


# ---------------------------------------------------------------- docx_monthyear (US, MM/YYYY dates, open-ended current)
def docx_monthyear(p, path):
    d = new_doc(p, "Calibri", 10.5)
    for s in d.sections:
        s.page_width, s.page_height = Inches(8.5), Inches(11)
        s.left_margin = s.right_margin = Inches(0.8)
    para(d, p["name_p"].upper(), bold=True, size=22, space_after=0)
    para(d, f"{p['loc_p']} | {p['phone_p']} | {p['email']} | github.com/kalvarez-example", size=9.5, space_after=8)
    heading_rule(d, "SUMMARY", "000000", 11)
    para(d, p["summary"])
    heading_rule(d, "EXPERIENCE", "000000", 11)
    for j in p["jobs"]:
        pp = para(d, "", space_after=0); right_tab(pp, Inches(6.9))
        r = pp.add_run(j["title"]); r.bold = True
        pp.add_run(f" | {j['company']} | {j['place']}\t{j['dates']}")
        bullets(d, j["bullets"])
    heading_rule(d, "EDUCATION", "000000", 11)
    for e in p["edu"]:
        pp = para(d, "", space_after=1); right_tab(pp, Inches(6.9))
        pp.add_run(f"{e['degree']}, {e['school']}\t{e['dates']}")
    heading_rule(d, "CERTIFICATIONS", "000000", 11)
    bullets(d, p["extra"]["certs"])
    heading_rule(d, "SKILLS", "000000", 11)
    para(d, ", ".join(p["skills"]))
    d.save(path)


LAYOUTS = dict(docx_summary=docx_summary, docx_functional=docx_functional, docx_header=docx_header,
               docx_ph_table=docx_ph_table, docx_se=docx_se, docx_monthyear=docx_monthyear)
