# -*- coding: utf-8 -*-
"""reportlab layouts."""
from xml.sax.saxutils import escape as _x
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (BaseDocTemplate, SimpleDocTemplate, PageTemplate, Frame, Paragraph, Spacer, Table,
                                TableStyle, FrameBreak, ListFlowable, ListItem, KeepTogether)
from reportlab.platypus.flowables import HRFlowable
from reportlab.graphics.shapes import Drawing, Rect, Circle, Wedge
from data import LABELS

LIB = "/usr/share/fonts/truetype/liberation/"
for n, f in [("LS", "LiberationSans-Regular"), ("LS-B", "LiberationSans-Bold"), ("LS-I", "LiberationSans-Italic"), ("LS-BI", "LiberationSans-BoldItalic"),
             ("LR", "LiberationSerif-Regular"), ("LR-B", "LiberationSerif-Bold"), ("LR-I", "LiberationSerif-Italic"), ("LR-BI", "LiberationSerif-BoldItalic")]:
    pdfmetrics.registerFont(TTFont(n, LIB + f + ".ttf"))
pdfmetrics.registerFontFamily("LS", normal="LS", bold="LS-B", italic="LS-I", boldItalic="LS-BI")
pdfmetrics.registerFontFamily("LR", normal="LR", bold="LR-B", italic="LR-I", boldItalic="LR-BI")


def x(s):
    return _x(s or "")


def S(name, font="LS", size=9.5, lead=None, **kw):
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=lead or size * 1.3, **kw)


def L(p, k):
    return LABELS[p["lang"]][k]


def blist(items, style, bullet="•"):
    return ListFlowable([ListItem(Paragraph(x(i), style), leftIndent=10, value=bullet) for i in items],
                        bulletType="bullet", start=bullet, leftIndent=10, bulletFontSize=style.fontSize)


def meta(p, title):
    return dict(title=title, author=p["name"], creator="Microsoft® Word for Microsoft 365" if "classic" in p["layout"] else "reportlab")


# ---------------------------------------------------------------- rl_sidebar
def rl_sidebar(p, path):
    W, H = A4
    SW = 70 * mm
    accent = colors.HexColor("#2e4053") if p["lang"] == "en" else colors.HexColor("#7d3c98")

    def bg(c, d):
        c.saveState(); c.setFillColor(accent); c.rect(0, 0, SW, H, stroke=0, fill=1); c.restoreState()
    doc = BaseDocTemplate(path, pagesize=A4, leftMargin=0, rightMargin=0, topMargin=0, bottomMargin=0, **meta(p, "Resume"))
    f1 = Frame(8 * mm, 12 * mm, SW - 14 * mm, H - 26 * mm, id="side")
    f2 = Frame(SW + 8 * mm, 12 * mm, W - SW - 20 * mm, H - 26 * mm, id="main")
    doc.addPageTemplates([PageTemplate(id="p", frames=[f1, f2], onPage=bg)])
    sh = S("sh", "LS-B", 10.5, textColor=colors.white, spaceBefore=12, spaceAfter=4)
    sb = S("sb", "LS", 8.8, textColor=colors.HexColor("#ecf0f1"))
    de = p["lang"] == "de"
    fl = [Paragraph(x(L(p, "contact")).upper(), sh), Paragraph("Telefon" if de else "Mobile", S("k", "LS-B", 8, textColor=colors.HexColor("#bdc3c7"))),
          Paragraph(x(p["phone_p"]), sb), Spacer(1, 3), Paragraph("E-Mail" if de else "Email", S("k2", "LS-B", 8, textColor=colors.HexColor("#bdc3c7"))),
          Paragraph(x(p["email"]), sb), Spacer(1, 3), Paragraph("Wohnort" if de else "Location", S("k3", "LS-B", 8, textColor=colors.HexColor("#bdc3c7"))),
          Paragraph(x(p["loc_p"]), sb), Paragraph(x(L(p, "skills")).upper(), sh)]
    fl += [Paragraph("– " + x(s), sb) for s in p["skills"]]
    if p["languages"]:
        fl += [Paragraph(x(L(p, "langs")).upper(), sh)] + [Paragraph(x(s), sb) for s in p["languages"]]
    fl += [Paragraph(x(L(p, "edu")).upper(), sh)]
    for ed in p["edu"]:
        fl += [Paragraph(f"<b>{x(ed['degree'])}</b>", sb), Paragraph(f"{x(ed['school'])}, {x(ed['dates'])}", sb), Spacer(1, 4)]
    if p["extra"].get("refs"):
        fl += [Spacer(1, 10), Paragraph(x(p["extra"]["refs"]), S("r", "LS-I", 8, textColor=colors.white))]
    fl.append(FrameBreak())
    fl += [Paragraph(x(p["name_p"]), S("n", "LS-B", 24, 28, textColor=accent)), Paragraph(x(p["headline"]), S("h", "LS", 12, textColor=colors.grey)),
           Spacer(1, 6), HRFlowable(width="100%", color=accent, thickness=1.2)]
    mh = S("mh", "LS-B", 12, textColor=accent, spaceBefore=10, spaceAfter=4)
    body = S("b", "LS", 9.3)
    fl += [Paragraph(x(L(p, "summary")), mh), Paragraph(x(p["summary"]), body), Paragraph(x(L(p, "exp")), mh)]
    for j in p["jobs"]:
        fl += [Paragraph(f"<b>{x(j['title'])}</b>", S("jt", "LS", 10.5)),
               Paragraph(f"{x(j['company'])}  |  {x(j['place'])}  |  <i>{x(j['dates'])}</i>", S("jc", "LS", 8.8, textColor=colors.HexColor("#566573"))),
               blist(j["bullets"], body), Spacer(1, 6)]
    doc.build(fl)


# ---------------------------------------------------------------- rl_minimal
def rl_minimal(p, path):
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm, topMargin=22 * mm, bottomMargin=20 * mm, **meta(p, "CV"))
    b = S("b", "LS", 9.5, 13)
    h = S("h", "LS-B", 9, textColor=colors.HexColor("#777777"), spaceBefore=14, spaceAfter=5)
    fl = [Paragraph(x(p["name_p"]), S("n", "LS-B", 20, 24)), Spacer(1, 4),
          Paragraph(x(p["loc_p"]), b), Paragraph(x(p["phone_p"]), b), Paragraph(x(p["email"]), b),
          Paragraph("CURRICULUM VITAE", h), Paragraph(x(p["summary"]), b), Paragraph("WORK EXPERIENCE", h)]
    for j in p["jobs"]:
        fl += [Paragraph(f"<b>{x(j['company'])}</b>, {x(j['place'])}", b), Paragraph(f"{x(j['title'])} — {x(j['dates'])}", b), blist(j["bullets"], b, "-"), Spacer(1, 6)]
    fl.append(Paragraph("EDUCATION &amp; PROFESSIONAL QUALIFICATIONS", h))
    fl += [Paragraph(f"{x(e['degree'])}, {x(e['school'])} ({x(e['dates'])})", b) for e in p["edu"]]
    fl += [Paragraph("SKILLS", h), Paragraph(x(", ".join(p["skills"])), b), Paragraph("REFEREES", h),
           Paragraph("Mr. Peter Mwangi, Head of Finance, Savanna Microfinance Bank — +254 733 555 010 — p.mwangi@example.org", b),
           Paragraph("Dr. Akinyi Odhiambo, Lecturer, Kilimani University — +254 720 555 020 — a.odhiambo@example.org", b)]
    doc.build(fl)


# ---------------------------------------------------------------- rl_photo (Philippine style)
def rl_photo(p, path):
    doc = SimpleDocTemplate(path, pagesize=LETTER, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=16 * mm, bottomMargin=16 * mm, **meta(p, "Resume"))
    d = Drawing(32 * mm, 32 * mm)
    d.add(Rect(0, 0, 32 * mm, 32 * mm, fillColor=colors.HexColor("#dfe6e9"), strokeColor=colors.HexColor("#636e72")))
    d.add(Circle(16 * mm, 19 * mm, 6.5 * mm, fillColor=colors.HexColor("#b2bec3"), strokeColor=None))
    d.add(Wedge(16 * mm, 0, 12 * mm, 0, 180, fillColor=colors.HexColor("#b2bec3"), strokeColor=None))
    b = S("b", "LS", 10, 13.5)
    info = [Paragraph(x(p["name_p"]), S("n", "LS-B", 18, 22)), Spacer(1, 4)] + [Paragraph(x(a), b) for a in p["addr_lines"]] + \
           [Paragraph(f"Mobile No.: {x(p['phone_p'])}", b), Paragraph(f"E-mail: {x(p['email'])}", b)]
    t = Table([[info, d]], colWidths=[130 * mm, 36 * mm])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "RIGHT")]))
    h = S("h", "LS-B", 11, spaceBefore=12, spaceAfter=4, textColor=colors.HexColor("#1e3799"))
    fl = [t, HRFlowable(width="100%", thickness=2, color=colors.HexColor("#1e3799")), Paragraph("OBJECTIVE", h), Paragraph(x(p["summary"]), b),
          Paragraph("WORK EXPERIENCE", h)]
    for j in p["jobs"]:
        fl += [Paragraph(f"<b>{x(j['title'])}</b>", b), Paragraph(f"{x(j['company'])}, {x(j['place'])}", b), Paragraph(f"<i>{x(j['dates'])}</i>", b),
               blist(j["bullets"], b), Spacer(1, 6)]
    fl += [Paragraph("EDUCATIONAL BACKGROUND", h)]
    for e in p["edu"]:
        fl += [Paragraph(f"<b>Tertiary:</b> {x(e['school'])}", b), Paragraph(f"{x(e['degree'])}, {x(e['dates'])}", b)]
    fl += [Paragraph("Secondary: Holy Spirit National High School, 2009 – 2013", b), Paragraph("SKILLS", h), blist(p["skills"], b),
           Paragraph("PERSONAL INFORMATION", h)]
    fl += [Paragraph(f"{x(k)}: {x(v)}", b) for k, v in p["extra"]["personal"]]
    fl += [Spacer(1, 14), Paragraph("I hereby certify that the above information is true and correct to the best of my knowledge and belief.", b),
           Spacer(1, 20), Paragraph(x(p["name_p"]), S("sg", "LS-B", 10, alignment=TA_RIGHT)), Paragraph("Applicant", S("sg2", "LS", 9, alignment=TA_RIGHT))]
    doc.build(fl)


# ---------------------------------------------------------------- rl_classic
def rl_classic(p, path):
    doc = SimpleDocTemplate(path, pagesize=LETTER if p["lang"] == "en" else A4, leftMargin=19 * mm, rightMargin=19 * mm, topMargin=15 * mm, bottomMargin=15 * mm, **meta(p, "Resume"))
    b = S("b", "LR", 10.5, 13.5)
    h = S("h", "LR-B", 12, spaceBefore=10, spaceAfter=2)
    fl = [Paragraph(x(p["name_p"]).upper(), S("n", "LR-B", 20, 24, alignment=TA_CENTER)),
          Paragraph(f"{x(p['loc_p'])} &nbsp;◆&nbsp; {x(p['phone_p'])} &nbsp;◆&nbsp; {x(p['email'])}", S("c", "LR", 10, alignment=TA_CENTER)), Spacer(1, 6)]

    def H(t):
        return [Paragraph(x(t).upper(), h), HRFlowable(width="100%", thickness=0.7, color=colors.black, spaceAfter=4)]
    fl += H(L(p, "summary")) + [Paragraph(x(p["summary"]), b)] + H(L(p, "exp"))
    for j in p["jobs"]:
        row = Table([[Paragraph(f"<b>{x(j['company'])}</b>, {x(j['place'])}", b), Paragraph(x(j["dates"]), S("r", "LR", 10.5, alignment=TA_RIGHT))],
                     [Paragraph(f"<i>{x(j['title'])}</i>", b), ""]], colWidths=[120 * mm, 52 * mm])
        row.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        fl += [row, blist(j["bullets"], b), Spacer(1, 5)]
    fl += H(L(p, "edu")) + [Paragraph(f"<b>{x(e['degree'])}</b> — {x(e['school'])}, {x(e['dates'])}", b) for e in p["edu"]]
    fl += H(L(p, "skills")) + [Paragraph(x(" • ".join(p["skills"])), b)]
    if p["languages"]:
        fl += H(L(p, "langs")) + [Paragraph(x(" • ".join(p["languages"])), b)]
    doc.build(fl)


# ---------------------------------------------------------------- rl_jakes
def rl_jakes(p, path):
    doc = SimpleDocTemplate(path, pagesize=LETTER, leftMargin=14 * mm, rightMargin=14 * mm, topMargin=12 * mm, bottomMargin=12 * mm, **meta(p, p["name"] + " Resume"))
    b = S("b", "LR", 10, 12.5)
    bi = S("bi", "LR-I", 9.5)
    r = S("r", "LR", 10, alignment=TA_RIGHT)
    ri = S("ri", "LR-I", 9.5, alignment=TA_RIGHT)
    h = S("h", "LR", 13, spaceBefore=8, spaceAfter=1)
    links = " | ".join([x(p["phone_p"]), f"<u>{x(p['email'])}</u>"] + [f"<u>{x(l)}</u>" for l in p["links"]] + [x(p["loc_p"])])
    fl = [Paragraph(x(p["name_p"]), S("n", "LR-B", 24, 28, alignment=TA_CENTER)), Paragraph(links, S("c", "LR", 9.5, alignment=TA_CENTER))]

    def H(t):
        return [Paragraph(f"<font size=13>{x(t[0])}</font><font size=10>{x(t[1:].upper())}</font>", h), HRFlowable(width="100%", thickness=0.6, color=colors.black, spaceAfter=3)]

    def two(a, bb, c, d):
        t = Table([[Paragraph(a, b), Paragraph(bb, r)], [Paragraph(c, bi), Paragraph(d, ri)]], colWidths=[130 * mm, 57 * mm])
        t.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        return t
    fl += H("Education") + [two(f"<b>{x(e['school'])}</b>", "Pune, Maharashtra", x(e["degree"]), x(e["dates"])) for e in p["edu"]]
    fl += H("Experience")
    for j in p["jobs"]:
        fl += [two(f"<b>{x(j['title'])}</b>", x(j["dates"]), x(j["company"]), x(j["place"])), blist(j["bullets"], S("bb", "LR", 9.5)), Spacer(1, 3)]
    fl += H("Technical Skills") + [Paragraph(f"<b>{x(s.split(':')[0])}</b>:{x(s.split(':', 1)[1])}", b) for s in p["skills"]]
    doc.build(fl)


# ---------------------------------------------------------------- rl_functional
def rl_functional(p, path):
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm, bottomMargin=18 * mm, **meta(p, "CV"))
    b = S("b", "LS", 10, 13.5)
    acc = colors.HexColor("#117a65")
    h = S("h", "LS-B", 12, textColor=acc, spaceBefore=12, spaceAfter=4)
    fl = [Paragraph(x(p["name_p"]), S("n", "LS-B", 22, 26)),
          Paragraph(f"Cell: {x(p['phone_p'])} | E-mail: {x(p['email'])} | {x(p['loc_p'])}", b),
          HRFlowable(width="100%", thickness=3, color=acc, spaceBefore=4), Paragraph("Summary", h), Paragraph(x(p["summary"]), b),
          Paragraph("Key Skills &amp; Achievements", h)]
    for k, v in p["skills"].items():
        fl += [Paragraph(f"<b>{x(k)}</b>", b), blist(v, b), Spacer(1, 3)]
    fl.append(Paragraph("Employment History", h))
    rows = [[Paragraph(x(j["dates"]), b), Paragraph(f"<b>{x(j['title'])}</b>, {x(j['company'])}, {x(j['place'])}", b)] for j in p["jobs"]]
    t = Table(rows, colWidths=[32 * mm, 138 * mm]); t.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    fl += [t, Paragraph("Education", h)] + [Paragraph(f"{x(e['degree'])} — {x(e['school'])} ({x(e['dates'])})", b) for e in p["edu"]]
    fl += [Paragraph("Additional Information", h), Paragraph("Code 08 driver's licence; own vehicle. South African citizen.", b)]
    doc.build(fl)


# ---------------------------------------------------------------- rl_awesome
def rl_awesome(p, path):
    doc = SimpleDocTemplate(path, pagesize=LETTER, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=14 * mm, bottomMargin=14 * mm, **meta(p, "Resume"))
    acc = "#0395de"
    first, last = p["name_p"].split(" ", 1)
    fl = [Paragraph(f"<font color='#777777'>{x(first)}</font> <b>{x(last)}</b>", S("n", "LS", 30, 34, alignment=TA_CENTER)),
          Paragraph(f"<font color='{acc}'>{x(p['headline']).upper()}</font>", S("p", "LS", 9.5, alignment=TA_CENTER, spaceBefore=2)),
          Paragraph(f"{x(p['loc_p'])} | {x(p['phone_p'])} | {x(p['email'])} | {x(p['links'][0])}", S("c", "LS", 8.5, alignment=TA_CENTER, textColor=colors.HexColor("#555555"))), Spacer(1, 6)]
    b = S("b", "LS", 9.3, textColor=colors.HexColor("#444444"))

    def H(t):
        return [Paragraph(f"<font color='{acc}'>{x(t[:3])}</font>{x(t[3:])}", S("h", "LS-B", 15, 18, spaceBefore=10)), HRFlowable(width="100%", thickness=0.5, color=colors.grey, spaceAfter=4)]
    fl += H("Summary") + [Paragraph(x(p["summary"]), b)] + H("Experience")
    for j in p["jobs"]:
        t = Table([[Paragraph(f"<b>{x(j['company'])}</b>", S("c1", "LS", 10.5)), Paragraph(f"<font color='{acc}'><i>{x(j['place'])}</i></font>", S("c2", "LS", 9, alignment=TA_RIGHT))],
                   [Paragraph(x(j["title"]).upper(), S("c3", "LS", 8.5, textColor=colors.HexColor("#666666"))), Paragraph(f"<i>{x(j['dates'])}</i>", S("c4", "LS", 8.5, alignment=TA_RIGHT, textColor=colors.grey))]],
                  colWidths=[120 * mm, 60 * mm])
        t.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0)]))
        fl += [t, blist(j["bullets"], b), Spacer(1, 4)]
    fl += H("Education") + [Paragraph(f"<b>{x(e['school'])}</b> — {x(e['degree'])}, {x(e['dates'])}", b) for e in p["edu"]]
    fl += H("Skills") + [Paragraph(x(", ".join(p["skills"])), b)]
    doc.build(fl)


# ---------------------------------------------------------------- rl_europass (label column left)
EUROPASS = {
    "de": dict(personal="Persönliche Angaben", name="Name", addr="Adresse", tel="Telefon", mail="E-Mail", job="Gewünschte Position", exp="Berufserfahrung",
               edu="Schul- und Berufsbildung", skills="Persönliche Fähigkeiten", langs="Sprachkenntnisse", title="Lebenslauf"),
    "cs": dict(personal="Osobní údaje", name="Jméno", addr="Adresa", tel="Telefon", mail="E-mail", job="Požadovaná pozice", exp="Pracovní zkušenosti",
               edu="Vzdělání", skills="Dovednosti", langs="Jazykové znalosti", title="Životopis"),
}


def rl_europass(p, path):
    lab = EUROPASS[p["lang"]]
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=14 * mm, rightMargin=14 * mm, topMargin=14 * mm, bottomMargin=14 * mm, **meta(p, lab["title"]))
    k = S("k", "LS", 9, textColor=colors.HexColor("#1593cb"), alignment=TA_RIGHT)
    kb = S("kb", "LS-B", 10, textColor=colors.HexColor("#1593cb"), alignment=TA_RIGHT)
    b = S("b", "LS", 9.5, 12.5)
    rows, style = [], [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEAFTER", (0, 0), (0, -1), 0.5, colors.HexColor("#1593cb")),
                       ("LEFTPADDING", (1, 0), (1, -1), 10)]

    def sec(t):
        rows.append([Paragraph(x(t).upper(), kb), ""])
    rows.append([Paragraph(x(lab["title"]).upper(), S("t", "LS-B", 14, textColor=colors.HexColor("#1593cb"), alignment=TA_RIGHT)), Paragraph("<b>europass</b>-style", S("e", "LS-I", 8, textColor=colors.grey))])
    sec(lab["personal"])
    rows.append([Paragraph(lab["name"], k), Paragraph(f"<b>{x(p['name_p'])}</b>", S("nm", "LS", 14, 17))])
    rows.append([Paragraph(lab["addr"], k), Paragraph("<br/>".join(x(a) for a in p["addr_lines"]), b)])
    rows.append([Paragraph(lab["tel"], k), Paragraph(x(p["phone_p"]), b)])
    rows.append([Paragraph(lab["mail"], k), Paragraph(x(p["email"]), b)])
    rows.append([Paragraph(lab["job"], k), Paragraph(f"<b>{x(p['headline'])}</b>", b)])
    sec(lab["exp"])
    for j in p["jobs"]:
        body = f"<b>{x(j['title'])}</b><br/>{x(j['company'])}, {x(j['place'])}" + "".join(f"<br/>▪ {x(bb)}" for bb in j["bullets"])
        rows.append([Paragraph(x(j["dates"]), k), Paragraph(body, b)])
    sec(lab["edu"])
    for e in p["edu"]:
        rows.append([Paragraph(x(e["dates"]), k), Paragraph(f"<b>{x(e['degree'])}</b><br/>{x(e['school'])}", b)])
    sec(lab["skills"])
    rows.append([Paragraph("IT", k), Paragraph(x(", ".join(p["skills"])), b)])
    rows.append([Paragraph(lab["langs"], k), Paragraph("<br/>".join(x(l) for l in p["languages"]), b)])
    t = Table(rows, colWidths=[50 * mm, 132 * mm])
    t.setStyle(TableStyle(style + [("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    doc.build([t])


# ---------------------------------------------------------------- rl_career (career changer)
def rl_career(p, path):
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=16 * mm, bottomMargin=16 * mm, **meta(p, "CV"))
    acc = colors.HexColor("#8e44ad")
    b = S("b", "LS", 9.8, 13)
    def H(t):
        t2 = Table([[Paragraph(x(t), S("h", "LS-B", 11.5, textColor=acc))]], colWidths=[170 * mm])
        t2.setStyle(TableStyle([("LINEBEFORE", (0, 0), (0, 0), 4, acc), ("LEFTPADDING", (0, 0), (0, 0), 6), ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        return [Spacer(1, 10), t2, Spacer(1, 4)]
    fl = [Paragraph(x(p["name_p"]), S("n", "LS-B", 22, 26)), Paragraph(x(p["headline"]), S("hl", "LS", 11, textColor=acc)), Spacer(1, 3),
          Paragraph(f"{x(p['phone_p'])} · {x(p['email'])} · {x(p['loc_p'])} · Portfolio: {x(p['extra']['portfolio'])}", S("c", "LS", 9))]
    fl += H("Career Change Summary") + [Paragraph(x(p["summary"]), b)]
    fl += H("Transferable Skills") + [blist(p["extra"]["transferable"], b)]
    fl += H("UX Design Experience")
    for j in p["jobs"][:2]:
        fl += [Paragraph(f"<b>{x(j['title'])}</b> · {x(j['company'])}, {x(j['place'])} · <i>{x(j['dates'])}</i>", b), blist(j["bullets"], b), Spacer(1, 4)]
    fl += H("UX Training")
    fl += [Paragraph(f"<b>{x(p['edu'][0]['degree'])}</b> · {x(p['edu'][0]['school'])} · {x(p['edu'][0]['dates'])}", b),
           Paragraph("Capstone: accessible GP-appointment booking app (research, IA, prototyping, 3 rounds of testing).", b)]
    fl += H("Previous Career: Education")
    for j in p["jobs"][2:]:
        fl += [Paragraph(f"<b>{x(j['title'])}</b> · {x(j['company'])}, {x(j['place'])} · <i>{x(j['dates'])}</i>", b), blist(j["bullets"], b)]
    fl += H("Education") + [Paragraph(f"{x(e['degree'])}, {x(e['school'])} ({x(e['dates'])})", b) for e in p["edu"][1:]]
    fl += H("Tools") + [Paragraph(x(", ".join(p["skills"])), b)]
    doc.build(fl)


LAYOUTS = dict(rl_sidebar=rl_sidebar, rl_minimal=rl_minimal, rl_photo=rl_photo, rl_classic=rl_classic, rl_jakes=rl_jakes,
               rl_functional=rl_functional, rl_awesome=rl_awesome, rl_europass=rl_europass, rl_career=rl_career)
