"""Word résumés written with python-docx after common Word template shapes, some saved as PDF by
LibreOffice, and one LibreOffice Writer document (flat ODT) saved as PDF."""

from __future__ import annotations

from pathlib import Path

from families_tex import PRESENT, span
from makers import soffice_convert
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
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "cv.docx"
        _modern_docx(p, src)
        soffice_convert(src, out, tmp)


def _soffice_pdf(src: Path, out: Path) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        soffice_convert(src, out, tmp)


def _xml(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text, {'"': "&quot;"})


def _iso_span(p: Person, job) -> str:
    def one(ym):
        return f"{ym[0]}-{ym[1]:02d}" if ym else PRESENT.get(p.language, "Present")

    return f"{one(job.start)} – {one(job.end)}"


def _textbox_docx(p: Person, out: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.oxml import parse_xml
    from docx.shared import Cm, Pt

    doc = Document()
    sec = doc.sections[0]
    sec.top_margin = Cm(4.2)
    sec.left_margin = sec.right_margin = Cm(1.8)
    # The name and title in a framed text box floated over the top of the page, as Word's
    # "banner" templates do; the body flows below it.
    box = parse_xml(
        '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w10="urn:schemas-microsoft-com:office:word">'
        '<w:r><w:pict><v:shape type="#_x0000_t202" filled="f" stroked="t" strokecolor="#23395B" strokeweight="1.5pt" style="'
        "position:absolute;margin-left:-18pt;margin-top:-100pt;width:540pt;height:80pt;z-index:1;"
        'mso-position-horizontal-relative:margin;mso-position-vertical-relative:margin">'
        '<v:textbox inset="18pt,10pt,18pt,6pt"><w:txbxContent>'
        f'<w:p><w:r><w:rPr><w:b/><w:color w:val="23395B"/><w:sz w:val="48"/></w:rPr><w:t xml:space="preserve">{_xml(p.name)}</w:t></w:r></w:p>'
        f'<w:p><w:r><w:rPr><w:color w:val="5A6B80"/><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">{_xml(p.label)}</w:t></w:r></w:p>'
        '</w:txbxContent></v:textbox><w10:wrap type="topAndBottom"/></v:shape></w:pict></w:r></w:p>'
    )
    doc.element.body.insert(0, box)
    contact = doc.add_paragraph()
    contact.add_run("Contact").bold = True
    for line in (p.email, p.phone_display, f"{p.city}, {p.country_name}", p.links["linkedin"].split("//")[1]):
        doc.add_paragraph(line).runs[0].font.size = Pt(8)
    doc.add_paragraph().add_run("Skills").bold = True
    for skill in p.skills:
        doc.add_paragraph(skill).runs[0].font.size = Pt(9)
    # One section of two unequal columns: the lines above in the narrow first, the rest after a
    # column break in the wide second.
    gap = int(Cm(0.6).twips)
    sec._sectPr.append(
        parse_xml(
            '<w:cols xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
            f' w:num="2" w:equalWidth="0" w:space="{gap}">'
            f'<w:col w:w="{int(Cm(6.2).twips)}" w:space="{gap}"/><w:col w:w="{int(Cm(10).twips)}"/></w:cols>'
        )
    )
    doc.paragraphs[-1].runs[-1].add_break(WD_BREAK.COLUMN)
    doc.add_paragraph().add_run("PROFILE").bold = True
    doc.add_paragraph(p.summary)
    doc.add_paragraph().add_run("EXPERIENCE").bold = True
    for j in p.jobs:
        head = doc.add_paragraph()
        head.add_run(j.company).bold = True
        head.add_run(f"  |  {j.title}")
        when = doc.add_paragraph()
        r = when.add_run(f"{_iso_span(p, j)}  ·  {j.city}")
        r.italic = True
        r.font.size = Pt(9)
        for h in j.highlights:
            doc.add_paragraph(h, style="List Bullet")
    doc.add_paragraph().add_run("EDUCATION").bold = True
    doc.add_paragraph(f"{p.degree}, {p.school}, {p.school_years[0]}–{p.school_years[1]}")
    doc.save(out)


def lo_textbox(p: Person, out: Path) -> None:
    """A Word banner layout saved as PDF by LibreOffice: the name and title in a framed text box
    across the top, contact details and skills in a narrow first column, then employer | position
    with ISO dates (2021-03) in the wide second column."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "cv.docx"
        _textbox_docx(p, src)
        _soffice_pdf(src, out)


def docx_sidebar(p: Person, out: Path) -> None:
    """A Word layout whose whole page is a two-cell table: a shaded sidebar cell with the name,
    title, contact lines and skills; the history in the wide cell, position then "at employer",
    the dates right-aligned on a tab (read as DOCX)."""
    from docx import Document
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.oxml import parse_xml
    from docx.shared import Cm, Pt, RGBColor

    doc = Document()
    sec = doc.sections[0]
    sec.left_margin = sec.right_margin = sec.top_margin = Cm(1.2)
    table = doc.add_table(rows=1, cols=2)
    side, main = table.rows[0].cells
    table.autofit = False
    for column, width in zip(table.columns, (Cm(6), Cm(12.4))):
        column.width = width
    side.width, main.width = Cm(6), Cm(12.4)
    side._tc.get_or_add_tcPr().append(
        parse_xml(
            '<w:shd xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
            ' w:val="clear" w:color="auto" w:fill="E8EEF4"/>'
        )
    )
    r = side.paragraphs[0].add_run(p.first)
    r.font.size = Pt(22)
    r = side.add_paragraph().add_run(p.last)
    r.font.size = Pt(22)
    r.bold = True
    side.add_paragraph(p.label).runs[0].font.color.rgb = RGBColor(0x44, 0x55, 0x66)
    side.add_paragraph()
    side.add_paragraph().add_run("Contact").bold = True
    for label, value in (
        ("Phone", p.phone_display),
        ("E-mail", p.email),
        ("Address", f"{p.street}, {p.postcode} {p.city}"),
        ("LinkedIn", p.links["linkedin"].split("//")[1]),
    ):
        para = side.add_paragraph()
        para.add_run(f"{label}: ").bold = True
        para.add_run(value)
    side.add_paragraph().add_run("Skills").bold = True
    for s in p.skills:
        side.add_paragraph(f"▪ {s}")
    main.paragraphs[0].add_run("Work history").bold = True
    for j in p.jobs:
        head = main.add_paragraph()
        head.paragraph_format.tab_stops.add_tab_stop(Cm(12.1), WD_TAB_ALIGNMENT.RIGHT)
        head.add_run(j.title).bold = True
        head.add_run(f"\t{span(p, j, 'month').replace(' -- ', ' – ')}")
        at = main.add_paragraph()
        at.add_run(f"at {j.company}, {j.city}").italic = True
        for h in j.highlights:
            main.add_paragraph(f"• {h}")
    main.add_paragraph().add_run("Education").bold = True
    main.add_paragraph(f"{p.school} — {p.degree} ({p.school_years[1]})")
    doc.save(out)


def _dotted(ym, p: Person) -> str:
    return f"{ym[1]:02d}.{ym[0]}" if ym else PRESENT.get(p.language, "Present")


def _fodt(p: Person) -> str:
    """A LibreOffice Writer flat ODT: the name and title in the page header, contact details in the
    footer, each job as "Employer, City" with the dates on a right tab, the position below, the
    skills in a three-column section."""
    x = _xml
    jobs = "".join(
        f'<text:p text:style-name="Job">{x(j.company)}, {x(j.city)}<text:tab/>{_dotted(j.start, p)} – {_dotted(j.end, p)}</text:p>'
        f'<text:p text:style-name="Role">{x(j.title)}</text:p>'
        + "".join(f'<text:p text:style-name="Bullet">– {x(h)}</text:p>' for h in j.highlights)
        for j in p.jobs
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
 <style:style style:name="Standard" style:family="paragraph"><style:text-properties style:font-name="Liberation Sans" fo:font-family="'Liberation Sans'" fo:font-size="10pt"/></style:style>
 <style:style style:name="Name" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="20pt" fo:font-weight="bold" fo:color="#7A2E2E"/></style:style>
 <style:style style:name="Sub" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end" fo:border-bottom="0.5pt solid #7A2E2E" fo:padding-bottom="4pt"/><style:text-properties fo:font-size="11pt" fo:font-style="italic"/></style:style>
 <style:style style:name="Foot" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:border-top="0.5pt solid #999999" fo:padding-top="3pt"/><style:text-properties fo:font-size="8.5pt"/></style:style>
 <style:style style:name="Head" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="12pt" fo:margin-bottom="4pt"/><style:text-properties fo:font-size="12pt" fo:font-weight="bold" fo:font-variant="small-caps" fo:color="#7A2E2E"/></style:style>
 <style:style style:name="Job" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="6pt"><style:tab-stops><style:tab-stop style:position="17cm" style:type="right"/></style:tab-stops></style:paragraph-properties><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Role" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-style="italic"/></style:style>
 <style:style style:name="Bullet" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="0.5cm"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="Cols" style:family="section"><style:section-properties><style:columns fo:column-count="3" fo:column-gap="0.6cm"/></style:section-properties></style:style>
 <style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-left="2cm" fo:margin-right="2cm" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.6cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="PL">
  <style:header><text:p text:style-name="Name">{x(p.name)}</text:p><text:p text:style-name="Sub">{x(p.label)}</text:p></style:header>
  <style:footer><text:p text:style-name="Foot">{x(p.street)} · {x(p.postcode)} {x(p.city)} · {x(p.country_name)}  |  {x(p.phone_display)}  |  {x(p.email)}</text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
 <text:p text:style-name="Head">Profile</text:p><text:p text:style-name="Standard">{x(p.summary)}</text:p>
 <text:p text:style-name="Head">Professional experience</text:p>{jobs}
 <text:p text:style-name="Head">Education</text:p><text:p text:style-name="Job">{x(p.school)}<text:tab/>{p.school_years[0]} – {p.school_years[1]}</text:p><text:p text:style-name="Role">{x(p.degree)}</text:p>
 <text:p text:style-name="Head">Skills</text:p>
 <text:section text:style-name="Cols" text:name="Skills">{"".join(f'<text:p text:style-name="Standard">{x(s)}</text:p>' for s in p.skills)}</text:section>
</office:text></office:body>
</office:document>
"""


def lo_odt(p: Person, out: Path) -> None:
    """A LibreOffice Writer document (flat ODT) saved as PDF by LibreOffice: the name right-aligned in
    the page header, the contact line in the footer, dotted dates (03.2021) on a right tab, skills
    in columns."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "cv.fodt"
        src.write_text(_fodt(p), encoding="utf-8")
        _soffice_pdf(src, out)


# Round 5's Word and LibreOffice families (people_r5.py).


def _numeric(ym, p: Person) -> str:
    return f"{ym[1]:02d}/{ym[0]}" if ym else PRESENT.get(p.language, "Present")


def _abbrev(ym, p: Person) -> str:
    months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    return f"{months[ym[1] - 1]} ’{ym[0] % 100:02d}" if ym else PRESENT.get(p.language, "Present")


def docx_datecol(p: Person, out: Path) -> None:
    """A Word résumé whose history is a borderless table: the dates in a narrow left column
    ("03/2021 – Present"), the position in bold over "Employer · City" on the right; the name and
    a labelled contact block ("Phone:", "E-mail:", "Address:") above."""
    from docx import Document
    from docx.shared import Cm, Pt

    doc = Document()
    r = doc.add_paragraph().add_run(p.name)
    r.bold = True
    r.font.size = Pt(20)
    doc.add_paragraph(p.label)
    for label, value in (
        ("Phone", p.phone_display),
        ("E-mail", p.email),
        ("Address", f"{p.street}, {p.postcode} {p.city}, {p.country_name}"),
    ):
        para = doc.add_paragraph()
        para.add_run(f"{label}: ").bold = True
        para.add_run(value)
    doc.add_heading("Work experience", level=1)
    table = doc.add_table(rows=0, cols=2)
    for j in p.jobs:
        left, right = table.add_row().cells
        left.width, right.width = Cm(4), Cm(13)
        left.paragraphs[0].add_run(f"{_numeric(j.start, p)} – {_numeric(j.end, p)}").italic = True
        right.paragraphs[0].add_run(j.title).bold = True
        right.add_paragraph(f"{j.company} · {j.city}")
        for h in j.highlights:
            right.add_paragraph(h, style="List Bullet")
    doc.add_heading("Education", level=1)
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.width, right.width = Cm(4), Cm(13)
    left.paragraphs[0].add_run(f"{p.school_years[0]} – {p.school_years[1]}").italic = True
    right.paragraphs[0].add_run(p.degree).bold = True
    right.add_paragraph(p.school)
    doc.add_heading("Skills", level=1)
    doc.add_paragraph(", ".join(p.skills))
    doc.save(out)


def docx_centred(p: Person, out: Path) -> None:
    """A Word résumé set in one centred column: the name in capitals, one contact row separated by
    "•", headings in small capitals, each job as "Employer — City" over the position in italics
    with the dates below it ("Mar ’21 – Present")."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()

    def para(text: str = "", size: float | None = None, bold=False, italic=False, caps=False):
        par = doc.add_paragraph()
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = par.add_run(text)
        run.bold, run.italic = bold, italic
        run.font.small_caps = caps
        if size:
            run.font.size = Pt(size)
        return par

    para(p.name.upper(), 22, bold=True)
    para(p.label, 12, italic=True)
    para(f"{p.city}, {p.region} • {p.phone_display} • {p.email} • {p.links['linkedin'].split('//')[1]}", 9)
    para("Profile", 13, bold=True, caps=True)
    para(p.summary)
    para("Experience", 13, bold=True, caps=True)
    for j in p.jobs:
        para(f"{j.company} — {j.city}", bold=True)
        para(j.title, italic=True)
        para(f"{_abbrev(j.start, p)} – {_abbrev(j.end, p)}", 9)
        para(" · ".join(j.highlights), 9.5)
    para("Education", 13, bold=True, caps=True)
    para(f"{p.degree} — {p.school}, {p.school_years[1]}")
    para("Skills", 13, bold=True, caps=True)
    para(" • ".join(p.skills))
    doc.save(out)


def _band_docx(p: Person, out: Path) -> None:
    from docx import Document
    from docx.oxml import parse_xml
    from docx.shared import Cm, Pt, RGBColor

    doc = Document()
    band = doc.add_table(rows=1, cols=1).rows[0].cells[0]
    band._tc.get_or_add_tcPr().append(
        parse_xml('<w:shd xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:val="clear" w:fill="1F3A5F"/>')
    )
    r = band.paragraphs[0].add_run(p.name)
    r.bold, r.font.size, r.font.color.rgb = True, Pt(24), RGBColor(0xFF, 0xFF, 0xFF)
    r = band.add_paragraph().add_run(p.label.upper())
    r.font.size, r.font.color.rgb = Pt(11), RGBColor(0xDD, 0xE6, 0xF0)
    r = band.add_paragraph().add_run(
        f"Tel. {p.phone_display}  |  {p.email}  |  {p.street}, {p.postcode} {p.city}"
    )
    r.font.size, r.font.color.rgb = Pt(9), RGBColor(0xFF, 0xFF, 0xFF)
    doc.add_heading("Professional experience", level=1)
    for j in p.jobs:
        head = doc.add_paragraph()
        head.paragraph_format.tab_stops.add_tab_stop(Cm(16.5), alignment=2)  # right
        head.add_run(f"{j.company} — {j.title}").bold = True
        head.add_run(f"\t{_years(p, j)}")
        doc.add_paragraph(j.city).runs[0].italic = True
        for h in j.highlights:
            doc.add_paragraph(h, style="List Bullet")
    doc.add_heading("Education", level=1)
    doc.add_paragraph(f"{p.school} — {p.degree}\t{p.school_years[0]}–{p.school_years[1]}")
    doc.add_heading("Skills", level=1)
    doc.add_paragraph(" | ".join(p.skills))
    doc.save(out)


def lo_band(p: Person, out: Path) -> None:
    """A Word layout saved as PDF by LibreOffice: a dark header band (a shaded one-cell table) with
    the name, the title in capitals and a one-line contact row ("Tel. … | … | street, postcode
    City"), then "Employer — Title" in bold with the dates on a right tab and the city below."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "cv.docx"
        _band_docx(p, src)
        _soffice_pdf(src, out)


_FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
"""


def _newspaper_fodt(p: Person) -> str:
    """The whole résumé under the name in two newspaper columns (a two-column section): the text
    runs down the first column and on into the second."""
    x = _xml
    jobs = "".join(
        f'<text:p text:style-name="Role">{x(j.title)}</text:p>'
        f'<text:p text:style-name="Std">{x(j.company)}, {x(j.city)}</text:p>'
        f'<text:p text:style-name="Date">{_abbrev(j.start, p)} – {_abbrev(j.end, p)}</text:p>'
        + "".join(f'<text:p text:style-name="Std">• {x(h)}</text:p>' for h in j.highlights)
        for j in p.jobs
    )
    return (
        _FODT_HEAD
        + f"""<office:styles>
 <style:style style:name="Std" style:family="paragraph"><style:text-properties fo:font-family="'DejaVu Serif'" fo:font-size="9.5pt"/></style:style>
 <style:style style:name="Name" style:family="paragraph" style:parent-style-name="Std"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="26pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Contact" style:family="paragraph" style:parent-style-name="Std"><style:paragraph-properties fo:text-align="center" fo:border-bottom="1.5pt solid #000000" fo:padding-bottom="5pt" fo:margin-bottom="8pt"/></style:style>
 <style:style style:name="Head" style:family="paragraph" style:parent-style-name="Std"><style:paragraph-properties fo:margin-top="10pt" fo:border-bottom="0.5pt solid #000000"/><style:text-properties fo:font-size="11pt" fo:font-weight="bold" fo:text-transform="uppercase"/></style:style>
 <style:style style:name="Role" style:family="paragraph" style:parent-style-name="Std"><style:paragraph-properties fo:margin-top="6pt"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Date" style:family="paragraph" style:parent-style-name="Std"><style:text-properties fo:font-style="italic" fo:color="#555555"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="Cols" style:family="section"><style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.8cm"/></style:section-properties></style:style>
 <style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-left="1.8cm" fo:margin-right="1.8cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL"/></office:master-styles>
<office:body><office:text>
 <text:p text:style-name="Name">{x(p.name)}</text:p>
 <text:p text:style-name="Contact">{x(p.label)} — {x(p.city)} ({x(p.region)}) — {x(p.phone_display)} — {x(p.email)}</text:p>
 <text:section text:style-name="Cols" text:name="Body">
 <text:p text:style-name="Head">About me</text:p><text:p text:style-name="Std">{x(p.summary)}</text:p>
 <text:p text:style-name="Head">Experience</text:p>{jobs}
 <text:p text:style-name="Head">Education</text:p><text:p text:style-name="Role">{x(p.degree)}</text:p><text:p text:style-name="Std">{x(p.school)}</text:p><text:p text:style-name="Date">{p.school_years[0]} – {p.school_years[1]}</text:p>
 <text:p text:style-name="Head">Skills</text:p>{"".join(f'<text:p text:style-name="Std">{x(s)}</text:p>' for s in p.skills)}
 </text:section>
</office:text></office:body>
</office:document>
"""
    )


def lo_newspaper(p: Person, out: Path) -> None:
    """A LibreOffice Writer document (flat ODT) saved as PDF: the name and a contact line centred
    over the page, everything else in two newspaper columns, each job as the position in bold,
    "Employer, City", then abbreviated dates in italics ("Mar ’21 – Present")."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "cv.fodt"
        src.write_text(_newspaper_fodt(p), encoding="utf-8")
        _soffice_pdf(src, out)


def _tabstops_fodt(p: Person) -> str:
    x = _xml
    jobs = "".join(
        f'<text:p text:style-name="Entry">{j.start[0]}–{j.end[0] if j.end else PRESENT.get(p.language, "Present")}'
        f'<text:tab/><text:span text:style-name="B">{x(j.title)}</text:span> at {x(j.company)} ({x(j.city)})</text:p>'
        + "".join(f'<text:p text:style-name="Indent">{x(h)}</text:p>' for h in j.highlights)
        for j in p.jobs
    )
    return (
        _FODT_HEAD
        + f"""<office:styles>
 <style:style style:name="Std" style:family="paragraph"><style:text-properties fo:font-family="'Liberation Serif'" fo:font-size="10.5pt"/></style:style>
 <style:style style:name="Name" style:family="paragraph" style:parent-style-name="Std"><style:text-properties fo:font-size="18pt" fo:font-variant="small-caps"/></style:style>
 <style:style style:name="Head" style:family="paragraph" style:parent-style-name="Std"><style:paragraph-properties fo:margin-top="12pt" fo:margin-bottom="3pt"/><style:text-properties fo:font-size="11pt" fo:font-variant="small-caps" fo:font-weight="bold"/></style:style>
 <style:style style:name="Entry" style:family="paragraph" style:parent-style-name="Std"><style:paragraph-properties fo:margin-left="3cm" fo:text-indent="-3cm" fo:margin-top="4pt"><style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops></style:paragraph-properties></style:style>
 <style:style style:name="Indent" style:family="paragraph" style:parent-style-name="Std"><style:paragraph-properties fo:margin-left="3cm"/><style:text-properties fo:font-size="9.5pt"/></style:style>
 <style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm" fo:margin-top="2cm" fo:margin-bottom="2cm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL"/></office:master-styles>
<office:body><office:text>
 <text:p text:style-name="Name">{x(p.name)}</text:p>
 <text:p text:style-name="Std">{x(p.street)}, {x(p.postcode)} {x(p.city)}</text:p>
 <text:p text:style-name="Std">Mobile {x(p.phone_display)}</text:p>
 <text:p text:style-name="Std">{x(p.email)}</text:p>
 <text:p text:style-name="Head">Employment</text:p>{jobs}
 <text:p text:style-name="Head">Education</text:p>
 <text:p text:style-name="Entry">{p.school_years[0]}–{p.school_years[1]}<text:tab/>{x(p.degree)}, {x(p.school)}</text:p>
 <text:p text:style-name="Head">Skills</text:p>
 <text:p text:style-name="Entry">Tools<text:tab/>{x(", ".join(p.skills))}</text:p>
</office:text></office:body>
</office:document>
"""
    )


def lo_tabstops(p: Person, out: Path) -> None:
    """A plain LibreOffice Writer letter-style résumé (flat ODT) saved as PDF: the name in spaced
    small capitals over an address block, each job on one hanging line "2021–Present <tab> Title
    at Employer (City)", the years alone in the hanging column."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "cv.fodt"
        src.write_text(_tabstops_fodt(p), encoding="utf-8")
        _soffice_pdf(src, out)


__all__ = [
    "PRESENT",
    "docx_centred",
    "docx_classic",
    "docx_datecol",
    "docx_header",
    "docx_sidebar",
    "docx_table",
    "lo_band",
    "lo_modern",
    "lo_newspaper",
    "lo_odt",
    "lo_tabstops",
    "lo_textbox",
]
