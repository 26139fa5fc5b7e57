from xml.sax.saxutils import escape as x
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import inch
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.platypus import (SimpleDocTemplate, BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, Table,
                                TableStyle, NextPageTemplate, FrameBreak, KeepTogether)
from reportlab.platypus.flowables import HRFlowable
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.lib.fonts import addMapping
from common import labels, bullets, skills, where_line, page_size

FD = '/usr/share/fonts/truetype/liberation/'
for fam, base in (('LSerif', 'LiberationSerif'), ('LSans', 'LiberationSans')):
    for suf, b, i in (('', 0, 0), ('-Bold', 1, 0), ('-Italic', 0, 1), ('-BoldItalic', 1, 1)):
        name = fam + {'': '', '-Bold': 'B', '-Italic': 'I', '-BoldItalic': 'BI'}[suf]
        pdfmetrics.registerFont(TTFont(name, FD + base + (suf if suf else '-Regular') + '.ttf'))
        addMapping(fam, b, i, name)

def styles(font, base=10):
    S = {}
    S['n'] = ParagraphStyle('n', fontName=font, fontSize=base, leading=base * 1.3)
    S['small'] = ParagraphStyle('s', parent=S['n'], fontSize=base - 1, leading=(base - 1) * 1.3)
    S['b'] = ParagraphStyle('b', parent=S['n'], leftIndent=12, bulletIndent=2, spaceAfter=1)
    S['r'] = ParagraphStyle('r', parent=S['n'], alignment=TA_RIGHT)
    S['c'] = ParagraphStyle('c', parent=S['n'], alignment=TA_CENTER)
    return S

def two(left, right, S, widths):
    t = Table([[Paragraph(left, S['n']), Paragraph(right, S['r'])]], colWidths=widths)
    t.setStyle(TableStyle([('LEFTPADDING', (0, 0), (-1, -1), 0), ('RIGHTPADDING', (0, 0), (-1, -1), 0),
                           ('TOPPADDING', (0, 0), (-1, -1), 0), ('BOTTOMPADDING', (0, 0), (-1, -1), 0), ('VALIGN', (0, 0), (-1, -1), 'TOP')]))
    return t

def job_flow(p, i, S, width, caps_color='#000000'):
    L = labels(p)
    j = p['jobs'][i]
    t, c, d, w = x(j['show_t']), x(j['c']), x(j['d']), x(where_line(j))
    s = j['s']
    W = [width * 0.74, width * 0.26]
    out = []
    if s in ('pipe', 'dash', 'at', 'atw', 'comma'):
        sep = {'pipe': ' | ', 'dash': ' — ', 'at': ' @ ', 'atw': f' {x(L["at"])} ', 'comma': ', '}[s]
        cc = f'<i>{c}</i>' if s == 'comma' else c
        out.append(two(f'<b>{t}</b>{sep}{cc}', d, S, W))
        if w:
            out.append(Paragraph(f'<font color="#555555">{w}</font>', S['small']))
    elif s == 'tc':
        out.append(two(f'<b>{t}</b>', d, S, W))
        out.append(Paragraph(f'<i>{c}</i>' + (f', {w}' if w else ''), S['n']))
    elif s == 'ct':
        out.append(two(f'<b>{c}</b>', d, S, W))
        out.append(two(f'<i>{t}</i>', f'<i>{w}</i>', S, W))
    elif s == 'caps':
        out.append(two(f'<font color="{caps_color}"><b>{c.upper()}</b></font>, {w}', d, S, W))
        out.append(Paragraph(f'<b><i>{t}</i></b>', S['n']))
    for b in bullets(p, i):
        out.append(Paragraph(x(b), S['b'], bulletText='•'))
    out.append(Spacer(1, 6))
    return out

def edu_flow(p, S, width):
    out = []
    for d, s, y in p['edu']:
        out.append(two(f'<b>{x(d)}</b>', x(y), S, [width * 0.74, width * 0.26]))
        out.append(Paragraph(x(s), S['n']))
        out.append(Spacer(1, 4))
    return out

def refs_flow(p, S):
    if not p['refs']:
        return []
    L = labels(p)
    out = []
    for n, r, o, ph, em in p['refs']:
        out.append(Paragraph(f'<b>{x(n)}</b> — {x(r)}, {x(o)}. {x(L["phone"])}: {x(ph)}' + (f'; {x(em)}' if em else ''), S['n']))
    return out

def psize(p):
    return LETTER if page_size(p) == 'letter' else A4

# -------------------------------------------------------------- latex-like serif
def latex_serif(p, path):
    L = labels(p)
    ps = psize(p)
    doc = SimpleDocTemplate(path, pagesize=ps, leftMargin=0.8 * inch, rightMargin=0.8 * inch, topMargin=0.7 * inch, bottomMargin=0.7 * inch,
                            title=p['name'], author='')
    W = ps[0] - 1.6 * inch
    S = styles('LSerif', 10.5)
    H = ParagraphStyle('h', parent=S['n'], fontName='LSerifB', fontSize=12, spaceBefore=10, spaceAfter=1)
    name = ParagraphStyle('nm', parent=S['c'], fontSize=22, leading=26, fontName='LSerif')
    items = [p['loc_p'], p['phone_p'], p['email']] + [p['x'][k] for k in ('web',) if k in p['x']]
    fl = [Paragraph(x(p['name_p']), name), Paragraph(' $\\cdot$ '.replace('$\\cdot$', '·').join(x(i) for i in items), S['c']), Spacer(1, 6)]
    def sec(title):
        fl.append(Paragraph(x(title), H)); fl.append(HRFlowable(width='100%', thickness=0.6, color=colors.black, spaceAfter=5))
    sec(L['summary']); fl.append(Paragraph(x(p['summary']), S['n']))
    sec(L['exp'])
    for i in range(len(p['jobs'])):
        fl.extend(job_flow(p, i, S, W))
    sec(L['edu']); fl.extend(edu_flow(p, S, W))
    sec(L['skills']); fl.append(Paragraph(', '.join(x(s) for s in skills(p)), S['n']))
    if p['langs']:
        sec(L['langs']); fl.append(Paragraph(', '.join(x(s) for s in p['langs']), S['n']))
    doc.build(fl)

# -------------------------------------------------------------- plain ATS
def ats_plain(p, path):
    L = labels(p)
    ps = psize(p)
    doc = SimpleDocTemplate(path, pagesize=ps, leftMargin=inch, rightMargin=inch, topMargin=0.8 * inch, bottomMargin=0.8 * inch, title='Resume')
    W = ps[0] - 2 * inch
    S = styles('LSans', 10)
    H = ParagraphStyle('h', parent=S['n'], fontName='LSansB', fontSize=11, spaceBefore=12, spaceAfter=4)
    fl = [Paragraph(f'<b>{x(p["name_p"])}</b>', ParagraphStyle('nm', parent=S['n'], fontSize=16, leading=20)),
          Paragraph(x(p['loc_p']), S['n']), Paragraph(x(p['phone_p']), S['n']), Paragraph(x(p['email']), S['n'])]
    fl.append(Paragraph('SUMMARY', H)); fl.append(Paragraph(x(p['summary']), S['n']))
    fl.append(Paragraph('SKILLS', H)); fl.append(Paragraph(', '.join(x(s) for s in skills(p)), S['n']))
    fl.append(Paragraph('WORK EXPERIENCE', H))
    for i in range(len(p['jobs'])):
        fl.extend(job_flow(p, i, S, W))
    fl.append(Paragraph('EDUCATION', H)); fl.extend(edu_flow(p, S, W))
    if p['refs']:
        fl.append(Paragraph('CHARACTER REFERENCES' if p['cc'] == 'PH' else 'REFERENCES', H)); fl.extend(refs_flow(p, S))
    doc.build(fl)

# -------------------------------------------------------------- header with QR code
def rl_qr(p, path):
    L = labels(p)
    ps = psize(p)
    doc = SimpleDocTemplate(path, pagesize=ps, leftMargin=0.75 * inch, rightMargin=0.75 * inch, topMargin=0.6 * inch, bottomMargin=0.7 * inch, title=p['name'] + ' CV')
    W = ps[0] - 1.5 * inch
    S = styles('LSans', 9.5)
    accent = '#7b2d43'
    H = ParagraphStyle('h', parent=S['n'], fontName='LSansB', fontSize=11.5, textColor=colors.HexColor(accent), spaceBefore=12, spaceAfter=3)
    q = QrCodeWidget(p['x']['qr']); b = q.getBounds(); sz = 72
    dr = Drawing(sz, sz, transform=[sz / (b[2] - b[0]), 0, 0, sz / (b[3] - b[1]), 0, 0]); dr.add(q)
    left = [Paragraph(x(p['name_p']), ParagraphStyle('nm', parent=S['n'], fontName='LSansB', fontSize=24, leading=28, textColor=colors.HexColor(accent)))]
    if p['headline']:
        left.append(Paragraph(x(p['headline']), ParagraphStyle('hl', parent=S['n'], fontSize=12, leading=15, textColor=colors.HexColor('#555555'))))
    left.append(Spacer(1, 4))
    left.append(Paragraph(f'{x(p["phone_p"])}  |  {x(p["email"])}  |  {x(p["loc_p"])}', S['n']))
    qcol = [dr, Paragraph('Scan for portfolio', ParagraphStyle('q', parent=S['small'], fontSize=7, alignment=TA_CENTER))]
    t = Table([[left, qcol]], colWidths=[W - 90, 90])
    t.setStyle(TableStyle([('VALIGN', (0, 0), (-1, -1), 'MIDDLE'), ('LEFTPADDING', (0, 0), (-1, -1), 0), ('LINEBELOW', (0, 0), (-1, 0), 2, colors.HexColor(accent))]))
    fl = [t]
    fl.append(Paragraph(x(L['profile']), H)); fl.append(Paragraph(x(p['summary']), S['n']))
    fl.append(Paragraph(x(L['exp']), H))
    for i in range(len(p['jobs'])):
        fl.extend(job_flow(p, i, S, W, caps_color=accent))
    fl.append(Paragraph(x(L['edu']), H)); fl.extend(edu_flow(p, S, W))
    fl.append(Paragraph(x(L['skills']), H)); fl.append(Paragraph(' • '.join(x(s) for s in skills(p)), S['n']))
    doc.build(fl)

# -------------------------------------------------------------- two-column, coloured sidebar
def rl_twocol(p, path):
    L = labels(p)
    ps = psize(p)
    PW, PH = ps
    SW = 2.35 * inch
    side_col = colors.HexColor('#0f4c5c')
    def first(c, d):
        c.saveState(); c.setFillColor(side_col); c.rect(0, 0, SW, PH, stroke=0, fill=1); c.restoreState()
    doc = BaseDocTemplate(path, pagesize=ps, title=p['name'])
    fs = Frame(0.25 * inch, 0.5 * inch, SW - 0.5 * inch, PH - 1 * inch, id='side')
    fm = Frame(SW + 0.3 * inch, 0.5 * inch, PW - SW - 0.6 * inch, PH - 1 * inch, id='main')
    fl_ = Frame(SW + 0.3 * inch, 0.5 * inch, PW - SW - 0.6 * inch, PH - 1 * inch, id='later')
    doc.addPageTemplates([PageTemplate('first', [fs, fm], onPage=first), PageTemplate('later', [fl_], onPage=first)])
    MW = PW - SW - 0.6 * inch
    S = styles('LSans', 9.5)
    SS = ParagraphStyle('ss', parent=S['n'], textColor=colors.white, fontSize=9, leading=12)
    SH = ParagraphStyle('sh', parent=SS, fontName='LSansB', fontSize=11, spaceBefore=12, spaceAfter=4)
    H = ParagraphStyle('h', parent=S['n'], fontName='LSansB', fontSize=12, textColor=side_col, spaceBefore=10, spaceAfter=4)
    fl = [NextPageTemplate('later'), Paragraph(x(L['contact']).upper(), SH),
          Paragraph(x(p['phone_p']), SS), Paragraph(x(p['email']), ParagraphStyle('se', parent=SS, fontSize=8)), Paragraph(x(p['loc_p']), SS),
          Paragraph(x(L['skills']).upper(), SH)] + [Paragraph('• ' + x(s), SS) for s in skills(p)]
    if p['langs']:
        fl += [Paragraph(x(L['langs']).upper(), SH)] + [Paragraph(x(s), SS) for s in p['langs']]
    fl.append(FrameBreak())
    fl += [Paragraph(x(p['name_p']), ParagraphStyle('nm', parent=S['n'], fontName='LSansB', fontSize=24, leading=28, textColor=side_col)),
           Paragraph(x(p['headline'] or ''), ParagraphStyle('hl', parent=S['n'], fontSize=12, leading=15, textColor=colors.HexColor('#5f9ea0'))),
           Paragraph(x(L['summary']), H), Paragraph(x(p['summary']), S['n']), Paragraph(x(L['exp']), H)]
    for i in range(len(p['jobs'])):
        fl.extend(job_flow(p, i, S, MW))
    fl += [Paragraph(x(L['edu']), H)] + edu_flow(p, S, MW)
    doc.build(fl)

LAYOUTS = dict(latex_serif=latex_serif, ats_plain=ats_plain, rl_qr=rl_qr, rl_twocol=rl_twocol)
