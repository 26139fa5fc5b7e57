# -*- coding: utf-8 -*-
"""ReportLab layouts."""
from xml.sax.saxutils import escape as X

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rlcanvas
from reportlab.platypus import (SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, KeepTogether,
                                ListFlowable, ListItem, HRFlowable)

from common import lab, daterange, bullets, head_line, jobs_ordered, contact_items, extra_sections, ref_lines

D = "/usr/share/fonts/truetype/dejavu/"
_reg = False


def fonts():
    global _reg
    if _reg:
        return
    for n, f in [("DV", "DejaVuSans.ttf"), ("DV-B", "DejaVuSans-Bold.ttf"), ("DV-I", "DejaVuSans-Oblique.ttf"),
                 ("DVS", "DejaVuSerif.ttf"), ("DVS-B", "DejaVuSerif-Bold.ttf"), ("DVS-I", "DejaVuSerif-Italic.ttf")]:
        pdfmetrics.registerFont(TTFont(n, D + f))
    pdfmetrics.registerFontFamily("DV", normal="DV", bold="DV-B", italic="DV-I", boldItalic="DV-B")
    pdfmetrics.registerFontFamily("DVS", normal="DVS", bold="DVS-B", italic="DVS-I", boldItalic="DVS-B")
    _reg = True


def styles(fam, accent):
    b = fam + "-B"
    return dict(
        body=ParagraphStyle("body", fontName=fam, fontSize=9.5, leading=12.5),
        small=ParagraphStyle("small", fontName=fam, fontSize=8, leading=10, textColor=colors.grey),
        h=ParagraphStyle("h", fontName=b, fontSize=11, leading=14, spaceBefore=10, spaceAfter=4, textColor=accent),
        name=ParagraphStyle("name", fontName=b, fontSize=20, leading=24),
        center=ParagraphStyle("center", fontName=fam, fontSize=9.5, leading=13, alignment=1),
        namec=ParagraphStyle("namec", fontName=b, fontSize=20, leading=24, alignment=1),
        job=ParagraphStyle("job", fontName=b, fontSize=10, leading=13),
        right=ParagraphStyle("right", fontName=fam, fontSize=9, leading=12, alignment=2, textColor=colors.HexColor("#555555")),
        white=ParagraphStyle("white", fontName=b, fontSize=22, leading=26, textColor=colors.white),
        whites=ParagraphStyle("whites", fontName=fam, fontSize=10, leading=13, textColor=colors.white),
    )


class NumberedCanvas(rlcanvas.Canvas):
    """'Page X of Y' footer plus running name."""
    footer_name = ""

    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self._saved = []

    def showPage(self):
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        n = len(self._saved)
        for st in self._saved:
            self.__dict__.update(st)
            self.setFont("DV", 7.5)
            self.setFillColor(colors.grey)
            w = self._pagesize[0]
            self.drawString(18 * mm, 10 * mm, self.footer_name)
            self.drawRightString(w - 18 * mm, 10 * mm, f"Page {self._pageNumber} of {n}")
            super().showPage()
        super().save()


def bl(items, st):
    return ListFlowable([ListItem(Paragraph(X(b), st), leftIndent=10) for b in items], bulletType="bullet",
                        start="•", leftIndent=10, bulletFontSize=7)


def tail(p, S):
    out = []
    for head, kind, payload in extra_sections(p):
        if head:
            out.append(Paragraph(X(head), S["h"]))
        if kind == "list":
            out.append(bl(payload, S["body"]))
        elif kind == "inline":
            out.append(Paragraph(X(", ".join(payload)), S["body"]))
        elif kind == "kv":
            out.append(Table([[Paragraph(f"<b>{X(k)}</b>", S["body"]), Paragraph(X(v), S["body"])] for k, v in payload],
                             colWidths=[45 * mm, None], hAlign="LEFT"))
        elif kind == "refs":
            cells = [Paragraph("<br/>".join(X(x) for x in ref_lines(r)), S["body"]) for r in payload]
            out.append(Table([cells], hAlign="LEFT", style=[("VALIGN", (0, 0), (-1, -1), "TOP")]))
        elif kind in ("para", "small"):
            out.append(Paragraph(X(payload), S["body" if kind == "para" else "small"]))
    return out


def job_flow(p, j, S, width):
    l1, l2 = head_line(p, j)
    top = Table([[Paragraph(X(l1), S["job"]), Paragraph(X(daterange(p, j)), S["right"])]],
                colWidths=[width * 0.68, width * 0.32],
                style=[("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                       ("VALIGN", (0, 0), (-1, -1), "TOP")])
    parts = [top]
    if l2:
        parts.append(Paragraph(f"<i>{X(l2)}</i>", S["body"]))
    parts.append(bl(bullets(p, j), S["body"]))
    return KeepTogether(parts)


def edu_flow(p, S):
    out = [Paragraph(X(lab(p, "education")), S["h"])]
    for d, s, y in p["edu"]:
        out.append(Paragraph(f"<b>{X(d)}</b>{', ' + X(s) if s else ''} ({X(y)})", S["body"]))
    return out


def rl_classic(p, path):
    """Classic serif one-column; footer with 'Page X of Y'; typically two pages with referees."""
    fonts()
    S = styles("DVS", colors.black)
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
                            bottomMargin=20 * mm, title=f"CV - {p['name_exp']}", author=p["name_exp"])
    W = A4[0] - 40 * mm
    st = [Paragraph(X(p["name_printed"]), S["namec"])]
    if p["headline"]:
        st.append(Paragraph(X(p["headline"]), S["center"]))
    st.append(Paragraph(X(p["loc_printed"]), S["center"]))
    st.append(Paragraph(f"{X(lab(p, 'mobile'))}: {X(p['phone_printed'])} &nbsp;&nbsp; {X(lab(p, 'email'))}: "
                        f"{X(p['email'])}", S["center"]))
    st.append(HRFlowable(width="100%", thickness=0.8, spaceBefore=6, spaceAfter=4))
    st += [Paragraph(X(lab(p, "profile")), S["h"]), Paragraph(X(p["summary"]), S["body"])]
    st.append(Paragraph(X(p["heading"]), S["h"]))
    for j in jobs_ordered(p):
        st.append(job_flow(p, j, S, W))
        st.append(Spacer(1, 4))
    st += edu_flow(p, S)
    st += [Paragraph(X(lab(p, "skills")), S["h"]), bl(p["skills"], S["body"])]
    if p["extras"].get("long"):
        st += [Paragraph("Training &amp; Professional Development" if p["lang"] == "en" else "Cursuri", S["h"]),
               bl(["Advanced Excel for Finance Professionals (2022)", "Leadership Essentials, 3-day course (2021)",
                   "Data Protection Awareness (2020)", "Presentation skills workshop (2019)"]
                  if p["lang"] == "en" else
                  ["AWS Certified Solutions Architect – Associate (2022)", "Certified Kubernetes Administrator (2021)",
                   "HashiCorp Terraform Associate (2020)"], S["body"])]
        st.append(Paragraph("Interests" if p["lang"] == "en" else "Interese", S["h"]))
        st.append(Paragraph("Hill walking, five-a-side football, volunteering with a local food bank." if p["lang"] == "en"
                            else "Drumeții, fotografie, voluntariat în comunitatea open-source.", S["body"]))
    st += tail(p, S)

    class C(NumberedCanvas):
        footer_name = f"{p['name_exp']} – Curriculum Vitae"
    doc.build(st, canvasmaker=C)


def rl_datecol(p, path):
    """Dates in a narrow left column, content on the right; US Letter for North America."""
    fonts()
    S = styles("DV", colors.HexColor("#7a1f3d"))
    ps = LETTER if p["country"] in ("CA", "MX") else A4
    doc = SimpleDocTemplate(path, pagesize=ps, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
                            bottomMargin=16 * mm)
    W = ps[0] - 36 * mm
    st = [Paragraph(X(p["name_printed"]), S["name"])]
    if p["headline"]:
        st.append(Paragraph(X(p["headline"]), S["body"]))
    st.append(Spacer(1, 4))
    crow = [[Paragraph(X(v), S["body"]) for k, l, v in contact_items(p)[:3]]]
    st.append(Table(crow, colWidths=[W * 0.28, W * 0.36, W * 0.36], hAlign="LEFT",
                    style=[("LINEABOVE", (0, 0), (-1, 0), 0.6, colors.HexColor("#7a1f3d")),
                           ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor("#7a1f3d")),
                           ("LEFTPADDING", (0, 0), (0, 0), 0)]))
    st += [Paragraph(X(lab(p, "summary")), S["h"]), Paragraph(X(p["summary"]), S["body"])]
    st.append(Paragraph(X(p["heading"]), S["h"]))
    rows = []
    for j in jobs_ordered(p):
        l1, l2 = head_line(p, j)
        cell = [Paragraph(X(l1), S["job"])]
        if l2:
            cell.append(Paragraph(f"<i>{X(l2)}</i>", S["body"]))
        cell.append(bl(bullets(p, j), S["body"]))
        rows.append([Paragraph(X(daterange(p, j)), S["body"]), cell])
    st.append(Table(rows, colWidths=[W * 0.22, W * 0.78], hAlign="LEFT",
                    style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, -1), 0)]))
    st.append(Paragraph(X(lab(p, "education")), S["h"]))
    st.append(Table([[Paragraph(X(y), S["body"]), Paragraph(f"<b>{X(d)}</b><br/>{X(s)}", S["body"])] for d, s, y in p["edu"]],
                    colWidths=[W * 0.22, W * 0.78], hAlign="LEFT",
                    style=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, -1), 0)]))
    st += [Paragraph(X(lab(p, "skills")), S["h"]), Paragraph(X(" • ".join(p["skills"])), S["body"])]
    st += tail(p, S)
    doc.build(st)


def rl_banner(p, path):
    """Coloured banner on page one (drawn on canvas), 'Key achievements' shaded box."""
    fonts()
    accent = colors.HexColor("#0f4c5c")
    S = styles("DV", accent)
    top_band = 40 * mm

    def first(c, d):
        w, h = A4
        c.saveState()
        c.setFillColor(accent)
        c.rect(0, h - top_band, w, top_band, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont("DV-B", 22)
        c.drawString(18 * mm, h - 17 * mm, p["name_printed"])
        c.setFont("DV", 11)
        if p["headline"]:
            c.drawString(18 * mm, h - 24 * mm, p["headline"])
        c.setFont("DV", 9)
        c.drawString(18 * mm, h - 33 * mm, f"{p['phone_printed']}   \u2022   {p['email']}   \u2022   {p['loc_printed']}")
        c.restoreState()

    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=top_band + 8 * mm, bottomMargin=16 * mm)
    W = A4[0] - 36 * mm
    st = [Paragraph(X(lab(p, "profile")), S["h"]), Paragraph(X(p["summary"]), S["body"])]
    ach = p["extras"].get("achievements")
    if ach:
        box = [Paragraph(f"<b>{X(lab(p, 'achievements'))}</b>", S["body"])] + \
              [Paragraph("\u2713 " + X(a), S["body"]) for a in ach]
        st.append(Spacer(1, 6))
        st.append(Table([[box]], colWidths=[W], style=[("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#e3f0f2")),
                                                        ("BOX", (0, 0), (-1, -1), 0.8, accent),
                                                        ("LEFTPADDING", (0, 0), (-1, -1), 8),
                                                        ("TOPPADDING", (0, 0), (-1, -1), 6),
                                                        ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    st.append(Paragraph(X(p["heading"]), S["h"]))
    for j in jobs_ordered(p):
        st.append(job_flow(p, j, S, W))
        st.append(Spacer(1, 4))
    st += edu_flow(p, S)
    st += [Paragraph(X(lab(p, "skills")), S["h"]), Paragraph(X(", ".join(p["skills"])), S["body"])]
    if p["extras"].get("long"):
        st += [Paragraph("Proiecte", S["h"]),
               bl(["Migrare a 120 de servicii din centrul de date propriu în AWS (2022–2023).",
                   "Platformă internă de observabilitate bazată pe Prometheus, Loki și Grafana.",
                   "Automatizarea provizionării mediilor de test cu Terraform și Ansible."], S["body"])]
    st += tail(p, S)
    doc.build(st, onFirstPage=first)


LAYOUTS = dict(rl_classic=rl_classic, rl_datecol=rl_datecol, rl_banner=rl_banner)


def render(p, path):
    LAYOUTS[p["layout"]](p, path)
