from xml.sax.saxutils import escape as x
from docx import Document
from docx.shared import Pt, RGBColor, Inches, Emu
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from common import labels, bullets, skills, where_line, photo_png

def base_doc(font='Calibri', size=10.5, margins=0.8):
    d = Document()
    st = d.styles['Normal']; st.font.name = font; st.font.size = Pt(size)
    st.paragraph_format.space_after = Pt(2)
    for s in d.sections:
        s.left_margin = s.right_margin = Inches(margins); s.top_margin = s.bottom_margin = Inches(0.7)
    d.core_properties.author = ''; d.core_properties.title = ''
    return d

def para(d_or_cell, text='', bold=False, italic=False, size=None, color=None, align=None, after=None, style=None):
    p = d_or_cell.add_paragraph(style=style) if style else d_or_cell.add_paragraph()
    if text:
        r = p.add_run(text); r.bold = bold; r.italic = italic
        if size: r.font.size = Pt(size)
        if color: r.font.color.rgb = RGBColor.from_string(color)
    if align == 'c': p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if align == 'r': p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if after is not None: p.paragraph_format.space_after = Pt(after)
    return p

def run(p, text, bold=False, italic=False, size=None, color=None):
    r = p.add_run(text); r.bold = bold; r.italic = italic
    if size: r.font.size = Pt(size)
    if color: r.font.color.rgb = RGBColor.from_string(color)
    return r

def bottom_border(p, color='1F4E79', sz=8):
    pPr = p._p.get_or_add_pPr()
    pPr.append(parse_xml(f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="{sz}" w:space="1" w:color="{color}"/></w:pBdr>'))

def heading(d, text, color='1F4E79', size=12, caps=True):
    p = para(d, text.upper() if caps else text, bold=True, size=size, color=color, after=3)
    p.paragraph_format.space_before = Pt(10)
    bottom_border(p, color)
    return p

def right_tab(p, pos=Inches(6.9)):
    p.paragraph_format.tab_stops.add_tab_stop(pos, WD_TAB_ALIGNMENT.RIGHT)

def job(d, p, i, tabpos=Inches(6.9)):
    L = labels(p)
    j = p['jobs'][i]
    t, c, dt, w, s = j['show_t'], j['c'], j['d'], where_line(j), j['s']
    if s in ('pipe', 'dash', 'at', 'atw', 'comma'):
        sep = {'pipe': ' | ', 'dash': ' — ', 'at': ' @ ', 'atw': f' {L["at"]} ', 'comma': ', '}[s]
        q = para(d); right_tab(q, tabpos); run(q, t, bold=True); run(q, sep + c); run(q, '\t' + dt)
        if w: para(d, w, italic=True, size=9.5)
    elif s == 'tc':
        q = para(d); right_tab(q, tabpos); run(q, t, bold=True); run(q, '\t' + dt)
        q = para(d); run(q, c, italic=True); run(q, (', ' + w) if w else '')
    elif s == 'ct':
        q = para(d); right_tab(q, tabpos); run(q, c, bold=True); run(q, '\t' + dt)
        q = para(d); right_tab(q, tabpos); run(q, t, italic=True); run(q, '\t' + (w or ''), italic=True)
    elif s == 'caps':
        q = para(d); right_tab(q, tabpos); run(q, c.upper(), bold=True); run(q, ', ' + w); run(q, '\t' + dt)
        para(d, t, bold=True, italic=True)
    for b in bullets(p, i):
        para(d, b, style='List Bullet', after=0)
    para(d, after=2)

def edu(d, p, tabpos=Inches(6.9)):
    for dg, sc, yr in p['edu']:
        q = para(d); right_tab(q, tabpos); run(q, dg, bold=True); run(q, '\t' + yr)
        para(d, sc)

def refs(d, p, title):
    if not p['refs']:
        return
    L = labels(p)
    heading(d, title)
    for n, r, o, ph, em in p['refs']:
        q = para(d); run(q, n, bold=True); q.add_run().add_break(); run(q, f'{r}, {o}'); q.add_run().add_break(); run(q, f'{L["phone"]}: {ph}')
        if em:
            q.add_run().add_break(); run(q, em)

# ------------------------------------------------------------------ layouts
def docx_professional(p, path):
    d = base_doc('Cambria', 10.5)
    para(d, p['name_p'], bold=False, size=28, color='2F5496', after=0)
    q = para(d, after=8); run(q, f'{p["addr"]}  |  {p["phone_p"]}  |  {p["email"]}', size=9.5, color='404040'); bottom_border(q, '2F5496', 12)
    heading(d, 'Objective', '2F5496'); para(d, p['summary'])
    heading(d, 'Skills & Certifications', '2F5496'); para(d, ' • '.join(skills(p)))
    heading(d, 'Experience', '2F5496')
    for i in range(len(p['jobs'])): job(d, p, i)
    heading(d, 'Education', '2F5496'); edu(d, p)
    heading(d, 'References', '2F5496'); para(d, 'Available upon request.')
    d.save(path)

def docx_header(p, path):
    d = base_doc('Arial', 10)
    sec = d.sections[0]
    sec.header_distance = Inches(0.3)
    h = sec.header
    hp = h.paragraphs[0]; run(hp, p['name_p'], bold=True, size=20, color='005EB8'); hp.alignment = WD_ALIGN_PARAGRAPH.LEFT
    hp2 = h.add_paragraph(); run(hp2, f'{p["addr"]}\n{p["phone_p"]}  ·  {p["email"]}', size=9); bottom_border(hp2, '005EB8', 10)
    f = sec.footer.paragraphs[0]; run(f, f'{p["name"]} — Curriculum Vitae', size=8, color='808080'); f.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading(d, 'Personal Profile', '005EB8'); para(d, p['summary'])
    heading(d, 'Key Skills', '005EB8')
    for s in skills(p): para(d, s, style='List Bullet', after=0)
    heading(d, 'Employment History', '005EB8')
    for i in range(len(p['jobs'])): job(d, p, i)
    heading(d, 'Education & Registration', '005EB8'); edu(d, p); para(d, 'NMC PIN: 16A1234E (expires 2026)')
    refs(d, p, 'Referees')
    d.save(path)

def shade(cell, color):
    cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{color}"/>'))

def docx_table(p, path):
    L = labels(p)
    d = base_doc('Calibri', 10, 0.6)
    para(d, p['name_p'], bold=True, size=24, color='7030A0', after=0)
    para(d, p['headline'], size=12, color='595959', after=6)
    t = d.add_table(rows=1, cols=2)
    t.autofit = False
    lc, rc = t.rows[0].cells
    lc.width = Inches(2.3); rc.width = Inches(4.9)
    shade(lc, 'EDE3F5')
    lc.paragraphs[0].add_run('CONTACT').bold = True
    for v in (p['phone_p'], p['email'], p['loc_p']): para(lc, v, size=9.5)
    para(lc, 'SKILLS', bold=True).paragraph_format.space_before = Pt(10)
    for s in skills(p): para(lc, '• ' + s, size=9.5)
    para(lc, 'LANGUAGES', bold=True).paragraph_format.space_before = Pt(10)
    for s in p['langs']: para(lc, s, size=9.5)
    rc.paragraphs[0].add_run('PROFILE').bold = True
    para(rc, p['summary'])
    para(rc, 'WORK EXPERIENCE', bold=True).paragraph_format.space_before = Pt(10)
    for i in range(len(p['jobs'])): job(rc, p, i, Inches(4.7))
    para(rc, 'EDUCATION', bold=True).paragraph_format.space_before = Pt(10)
    edu(rc, p, Inches(4.7))
    d.save(path)

def textbox_run(paras_xml, cx, cy):
    return parse_xml(f'''<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="101" name="Text Box 1"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="E2F0D9"/></a:solidFill><a:ln w="12700"><a:solidFill><a:srgbClr val="548235"/></a:solidFill></a:ln></wps:spPr><wps:txbx><w:txbxContent>{paras_xml}</w:txbxContent></wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>''')

def tb_para(text, size=20, bold=False, color='000000', center=True):
    jc = '<w:pPr><w:jc w:val="center"/></w:pPr>' if center else ''
    b = '<w:b/>' if bold else ''
    return f'<w:p>{jc}<w:r><w:rPr>{b}<w:color w:val="{color}"/><w:sz w:val="{size}"/></w:rPr><w:t xml:space="preserve">{x(text)}</w:t></w:r></w:p>'

def docx_textbox(p, path):
    d = base_doc('Calibri', 10.5)
    paras = (tb_para(p['name_p'], 44, True, '385723') + tb_para(p['headline'], 24, False, '548235') +
             tb_para(f'{p["addr"]}  ·  {p["phone_p"]}  ·  {p["email"]}', 18))
    q = d.paragraphs[0] if d.paragraphs else d.add_paragraph()
    q._p.append(textbox_run(paras, Emu(Inches(6.9)), Emu(Inches(1.05))))
    heading(d, 'Career Summary', '548235'); para(d, p['summary'])
    heading(d, 'Employment History', '548235')
    for i in range(len(p['jobs'])): job(d, p, i)
    heading(d, 'Qualifications', '548235'); edu(d, p)
    para(d, 'AHPRA Registration: NMW0001234567  ·  Current NSW Working With Children Check  ·  Current Police Check')
    heading(d, 'Clinical Skills', '548235'); para(d, ', '.join(skills(p)))
    refs(d, p, 'Referees')
    d.save(path)

def docx_plain(p, path):
    d = base_doc('Times New Roman', 11, 1.0)
    para(d, 'CURRICULUM VITAE', bold=True, size=14, align='c', after=10)
    para(d, p['name_p'], bold=True, size=14, after=0)
    para(d, p['addr'], after=0); para(d, f'Phone: {p["phone_p"]}', after=0); para(d, f'Email: {p["email"]}', after=6)
    heading(d, 'Personal Data', '000000', 11)
    for k, v in (('Date of Birth', p['x']['dob']), ('State of Origin', p['x']['state']), ('Nationality', 'Nigerian'), ('Marital Status', 'Married')):
        q = para(d, after=0); q.paragraph_format.tab_stops.add_tab_stop(Inches(2)); run(q, k + ':', bold=True); run(q, '\t' + v)
    heading(d, 'Career Objective', '000000', 11); para(d, p['summary'])
    heading(d, 'Educational Qualifications with Dates', '000000', 11); edu(d, p, Inches(6.5))
    para(d, 'Associate Chartered Accountant (ACA), ICAN — 2017')
    heading(d, 'Work Experience', '000000', 11)
    for i in range(len(p['jobs'])): job(d, p, i, Inches(6.5))
    heading(d, 'Skills', '000000', 11); para(d, ', '.join(skills(p)))
    refs(d, p, 'Referees')
    d.save(path)

def docx_tabs(p, path):
    L = labels(p)
    d = base_doc('Arial', 10)
    para(d, 'Lebenslauf', bold=True, size=22, color='1F3864', after=8)
    t = d.add_table(rows=1, cols=2); lc, rc = t.rows[0].cells
    lc.width = Inches(5.0); rc.width = Inches(1.7)
    lc.paragraphs[0].add_run('Persönliche Daten').bold = True
    for k, v in (('Name', p['name_p']), (L['addr'], p['addr']), (L['phone'], p['phone_p']), (L['email'], p['email']), ('Geburtsdatum', p['x']['dob']), ('Familienstand', 'verheiratet, 2 Kinder')):
        q = lc.add_paragraph(); q.paragraph_format.tab_stops.add_tab_stop(Inches(1.4)); q.paragraph_format.left_indent = Inches(1.4); q.paragraph_format.first_line_indent = Inches(-1.4)
        run(q, k + ':'); run(q, '\t' + v)
    rc.paragraphs[0].add_run().add_picture(photo_png(), width=Inches(1.25))
    def section(title):
        q = para(d, title, bold=True, size=12, color='1F3864', after=4); q.paragraph_format.space_before = Pt(12); bottom_border(q, '1F3864')
    section(L['exp'])
    for i, j in enumerate(p['jobs']):
        q = para(d, after=0); q.paragraph_format.tab_stops.add_tab_stop(Inches(1.6)); q.paragraph_format.left_indent = Inches(1.6); q.paragraph_format.first_line_indent = Inches(-1.6)
        run(q, j['d']); run(q, '\t' + j['t'], bold=True)
        q = para(d, after=0); q.paragraph_format.left_indent = Inches(1.6); run(q, f'{j["c"]}, {j["w"]}' + (f' (Tel. {j["tel"]})' if j.get('tel') else ''))
        for b in bullets(p, i):
            q = para(d, '– ' + b, after=0); q.paragraph_format.left_indent = Inches(1.6)
        para(d, after=4)
    section(L['edu'])
    for dg, sc, yr in p['edu']:
        q = para(d, after=0); q.paragraph_format.tab_stops.add_tab_stop(Inches(1.6)); q.paragraph_format.left_indent = Inches(1.6); q.paragraph_format.first_line_indent = Inches(-1.6)
        run(q, yr); run(q, '\t' + dg, bold=True)
        q = para(d, sc, after=4); q.paragraph_format.left_indent = Inches(1.6)
    section(L['skills'])
    for lab, v in (('EDV', 'SAP EWM, MS Office'), ('Sprachen', ', '.join(p['langs'])), ('Sonstiges', 'Staplerschein, Gefahrgutschein (ADR), Führerschein Klasse B/C1')):
        q = para(d, after=0); q.paragraph_format.tab_stops.add_tab_stop(Inches(1.6)); run(q, lab); run(q, '\t' + v)
    para(d, after=18)
    para(d, 'Hamburg, im März 2025', after=20)
    para(d, p['name'], italic=True)
    d.save(path)

LAYOUTS = dict(docx_professional=docx_professional, docx_header=docx_header, docx_table=docx_table,
               docx_textbox=docx_textbox, docx_plain=docx_plain, docx_tabs=docx_tabs)
