"""Round 7's families: shapes people actually send that no earlier round has. Word layouts written
with python-docx (some saved as PDF by LibreOffice), HTML/CSS pages of the kind résumé builders and
Google Docs export, printed by chromium, and a Markdown résumé converted by pandoc to DOCX and, through
LaTeX, to PDF."""

from __future__ import annotations

import html
import subprocess
import tempfile
from pathlib import Path

from families_docx import _soffice_pdf
from families_r6 import _range, _when
from families_web import print_pdf
from people import Person

ICON = {"mail": "\u2709", "phone": "\u260e", "home": "\u2302", "link": "\U0001f517"}
SINCE = {"en": "since", "es": "desde"}


def _links(p: Person) -> list[str]:
    return [u.split("//")[1] for u in p.links.values()]


def _employer_site(company: str) -> str:
    slug = "".join(c for c in company.split()[0].lower() if c.isalpha())
    return f"https://www.{slug}.example"


# ---------------------------------------------------------------- Word


def _doc():
    from docx import Document
    from docx.shared import Cm, Pt

    doc = Document()
    for s in doc.sections:
        s.left_margin = s.right_margin = Cm(2)
        s.top_margin = s.bottom_margin = Cm(1.8)
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(10.5)
    return doc


def _run(par, text: str, bold=False, italic=False, size=None, color=None):
    from docx.shared import Pt, RGBColor

    r = par.add_run(text)
    r.bold, r.italic = bold, italic
    if size:
        r.font.size = Pt(size)
    if color:
        r.font.color.rgb = RGBColor.from_string(color)
    return r


def _heading(doc, text: str, color="1F4E79"):
    par = doc.add_paragraph()
    _run(par, text.upper(), bold=True, size=12, color=color)
    return par


def _bullets(doc, items):
    for h in items:
        doc.add_paragraph(h, style="List Bullet")


def docx_jobrows(p: Person, out: Path) -> None:
    """Each job a borderless 2-row table: employer and dates, then title and city."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = _doc()
    par = doc.add_paragraph()
    _run(par, p.name, bold=True, size=22)
    par = doc.add_paragraph()
    _run(par, "Phone: ", bold=True)
    _run(par, p.phone_display + "    ")
    _run(par, "Email: ", bold=True)
    _run(par, p.email + "    ")
    _run(par, "Address: ", bold=True)
    _run(par, f"{p.city}, {p.country_name}")
    par = doc.add_paragraph()
    _run(par, "LinkedIn: ", bold=True)
    _run(par, _links(p)[0])
    _heading(doc, "Profile")
    doc.add_paragraph(p.summary)
    _heading(doc, "Work experience")
    for job in p.jobs:
        t = doc.add_table(rows=2, cols=2)
        a, b = t.rows[0].cells
        _run(a.paragraphs[0], job.company, bold=True)
        _run(b.paragraphs[0], _range(p, job.start, job.end, "month"))
        b.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        c, d = t.rows[1].cells
        _run(c.paragraphs[0], job.title, italic=True)
        _run(d.paragraphs[0], job.city, italic=True)
        d.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _bullets(doc, job.highlights)
    _heading(doc, "Education")
    par = doc.add_paragraph()
    _run(par, p.school, bold=True)
    _run(par, f"\n{p.degree}, {p.school_years[0]}–{p.school_years[1]}")
    _heading(doc, "Skills")
    doc.add_paragraph(", ".join(p.skills))
    doc.save(out)


def _hyperlink(par, url: str, text: str, bold=False):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.opc.constants import RELATIONSHIP_TYPE

    rid = par.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    props.append(style)
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "0563C1")
    props.append(color)
    under = OxmlElement("w:u")
    under.set(qn("w:val"), "single")
    props.append(under)
    if bold:
        props.append(OxmlElement("w:b"))
    run.append(props)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    par._p.append(link)


def docx_linkedemployer(p: Person, out: Path) -> None:
    """'Title — Employer (dates)', the employer a hyperlink to its site; contact links too."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = _doc()
    par = doc.add_paragraph()
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(par, p.name, size=20)
    par = doc.add_paragraph()
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(par, f"{p.city}, {p.region} · {p.phone_display} · ")
    _hyperlink(par, f"mailto:{p.email}", p.email)
    _run(par, " · ")
    url = list(p.links.values())[0]
    _hyperlink(par, url, url.split("//")[1])
    _heading(doc, "Experience", color="000000")
    for job in p.jobs:
        par = doc.add_paragraph()
        _run(par, job.title, bold=True)
        _run(par, " — ")
        _hyperlink(par, _employer_site(job.company), job.company)
        _run(par, f" ({_range(p, job.start, job.end, 'dotted', dash=' – ')})", italic=True)
        _bullets(doc, job.highlights)
    _heading(doc, "Education", color="000000")
    par = doc.add_paragraph()
    _run(par, f"{p.degree} — ", bold=True)
    _run(par, f"{p.school} ({p.school_years[0]}–{p.school_years[1]})")
    _heading(doc, "Skills", color="000000")
    doc.add_paragraph(" · ".join(p.skills))
    doc.save(out)


def _since(ym, p: Person) -> str:
    return f"{SINCE.get(p.language, 'since')} {_when(ym, p, 'month')}"


def docx_since(p: Person, out: Path) -> None:
    """Contact lines with icons, 'Title, Employer' on one line and 'since March 2021 · City' under
    it for the current job, 'Mar 2018 – Feb 2021 · City' for the others."""
    doc = _doc()
    par = doc.add_paragraph()
    _run(par, p.name, bold=True, size=24, color="2E7D32")
    par = doc.add_paragraph()
    _run(par, p.label, size=13, color="555555")
    for icon, text in (
        ("mail", p.email),
        ("phone", p.phone_display),
        ("home", f"{p.street}, {p.postcode} {p.city}, {p.country_name}"),
        ("link", _links(p)[0]),
    ):
        par = doc.add_paragraph()
        par.paragraph_format.space_after = 0
        _run(par, f"{ICON[icon]}  ", color="2E7D32")
        _run(par, text)
    _heading(doc, "Professional experience", color="2E7D32")
    for job in p.jobs:
        par = doc.add_paragraph()
        par.paragraph_format.space_after = 0
        _run(par, f"{job.title}, {job.company}", bold=True)
        when = _since(job.start, p) if job.end is None else _range(p, job.start, job.end, "month")
        par = doc.add_paragraph()
        _run(par, f"{when} · {job.city}", italic=True, color="555555")
        _bullets(doc, job.highlights)
    _heading(doc, "Education", color="2E7D32")
    doc.add_paragraph(f"{p.degree}, {p.school}, {p.school_years[1]}")
    _heading(doc, "Skills", color="2E7D32")
    doc.add_paragraph(", ".join(p.skills))
    doc.save(out)


def _frame(par, x_cm: float, w_cm: float) -> None:
    """A paragraph set as a frame (Word's w:framePr) hanging in the left margin beside the text."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fp = OxmlElement("w:framePr")
    fp.set(qn("w:w"), str(int(w_cm * 567)))
    fp.set(qn("w:hSpace"), "113")
    fp.set(qn("w:wrap"), "around")
    fp.set(qn("w:vAnchor"), "text")
    fp.set(qn("w:hAnchor"), "page")
    fp.set(qn("w:x"), str(int(x_cm * 567)))
    fp.set(qn("w:y"), "1")
    par._p.get_or_add_pPr().insert(0, fp)


def _marginframes_docx(p: Person, out: Path) -> None:
    from docx.shared import Cm

    doc = _doc()
    for s in doc.sections:
        s.left_margin = Cm(5)
    par = doc.add_paragraph()
    _run(par, p.name, bold=True, size=20)
    par = doc.add_paragraph()
    _run(par, f"{p.street} · {p.postcode} {p.city}\n{p.phone_display} · {p.email}")
    _heading(doc, "Experience", color="7B1F1F")
    for job in p.jobs:
        dates = doc.add_paragraph()
        _frame(dates, 1.2, 3.3)
        _run(dates, f"{_when(job.start, p, 'short')} – {_when(job.end, p, 'short')}", size=9, color="666666")
        par = doc.add_paragraph()
        par.paragraph_format.space_after = 0
        _run(par, job.company, bold=True)
        _run(par, f", {job.city}")
        par = doc.add_paragraph()
        _run(par, job.title, italic=True)
        _bullets(doc, job.highlights)
    _heading(doc, "Education", color="7B1F1F")
    dates = doc.add_paragraph()
    _frame(dates, 1.2, 3.3)
    _run(dates, f"{p.school_years[0]} – {p.school_years[1]}", size=9, color="666666")
    doc.add_paragraph(f"{p.school}\n{p.degree}")
    _heading(doc, "Skills", color="7B1F1F")
    doc.add_paragraph(", ".join(p.skills))
    doc.save(out)


def lo_marginframes(p: Person, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (out.stem + ".docx")
        _marginframes_docx(p, src)
        _soffice_pdf(src, out)


# ---------------------------------------------------------------- HTML printed by chromium


def _html_pdf(page: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "resume.html"
        src.write_text(page, encoding="utf-8")
        print_pdf(src, out)


def _e(text: str) -> str:
    return html.escape(text)


def html_gdocs_serif(p: Person, out: Path) -> None:
    """Google Docs' 'Serif'-like page: the name huge, contact lines under it, then
    'Employer, City — Title' with the dates in capitals below."""
    jobs = "".join(
        f"<h3><b>{_e(j.company)}</b>, {_e(j.city)} — <i>{_e(j.title)}</i></h3>"
        f"<p class=when>{_e(_range(p, j.start, j.end, 'month', dash=' - ')).upper()}</p>"
        f"<ul>{''.join(f'<li>{_e(h)}</li>' for h in j.highlights)}</ul>"
        for j in p.jobs
    )
    page = f"""<!doctype html><html><head><meta charset=utf-8><style>
@page {{ size: Letter; margin: 0.6in 0.75in; }}
body {{ font-family: 'Georgia', 'DejaVu Serif', serif; color: #222; font-size: 10.5pt; }}
h1 {{ font-size: 34pt; font-weight: 400; margin: 0 0 4px; }}
.contact p {{ margin: 0; color: #555; font-size: 10pt; }}
h2 {{ color: #8a4baf; font-size: 12pt; letter-spacing: 1px; margin: 22px 0 6px; font-weight: 700; }}
h3 {{ font-size: 11pt; font-weight: 400; margin: 10px 0 0; }}
.when {{ font-size: 8.5pt; color: #666; margin: 2px 0; letter-spacing: .5px; }}
ul {{ margin: 4px 0; }}
</style></head><body>
<h1>{_e(p.name)}</h1>
<div class=contact><p>{_e(p.street)}</p><p>{_e(p.city)}, {_e(p.region)} {_e(p.postcode)}</p>
<p><b>{_e(p.phone_display)}</b></p><p><b>{_e(p.email)}</b></p></div>
<h2>EXPERIENCE</h2>{jobs}
<h2>EDUCATION</h2><h3><b>{_e(p.school)}</b> — <i>{_e(p.degree)}</i></h3>
<p class=when>{p.school_years[0]} - {p.school_years[1]}</p>
<h2>SKILLS</h2><p>{_e(', '.join(p.skills))}</p>
</body></html>"""
    _html_pdf(page, out)


def html_grid(p: Person, out: Path) -> None:
    """A two-column CSS grid: dates and city in the left column, title over employer on the right;
    the name on the left of the head, the contact block on the right."""
    rows = "".join(
        f"<div class=l>{_e(_range(p, j.start, j.end, 'iso'))}<br>{_e(j.city)}</div>"
        f"<div class=r><b>{_e(j.title)}</b><br><span class=co>{_e(j.company)}</span>"
        f"<ul>{''.join(f'<li>{_e(h)}</li>' for h in j.highlights)}</ul></div>"
        for j in p.jobs
    )
    links = "".join(f"<div>{_e(u)}</div>" for u in _links(p))
    page = f"""<!doctype html><html><head><meta charset=utf-8><style>
@page {{ size: A4; margin: 16mm; }}
body {{ font-family: 'Helvetica', 'Liberation Sans', sans-serif; font-size: 10pt; color: #1d1d1d; }}
header {{ display: flex; justify-content: space-between; border-bottom: 2px solid #0b6e69; padding-bottom: 8px; }}
header h1 {{ margin: 0; font-size: 24pt; }} header .sub {{ color: #0b6e69; font-size: 12pt; }}
header .c {{ text-align: right; font-size: 9pt; line-height: 1.45; }}
h2 {{ font-size: 10pt; text-transform: uppercase; color: #0b6e69; margin: 16px 0 6px; }}
.grid {{ display: grid; grid-template-columns: 32mm 1fr; column-gap: 6mm; row-gap: 8px; }}
.l {{ color: #666; font-size: 9pt; }} .co {{ color: #444; }} ul {{ margin: 3px 0; padding-left: 16px; }}
</style></head><body>
<header><div><h1>{_e(p.name)}</h1><div class=sub>{_e(p.label)}</div></div>
<div class=c><div>{_e(p.email)}</div><div>{_e(p.phone_display)}</div><div>{_e(p.city)}, {_e(p.country_name)}</div>{links}</div></header>
<h2>Summary</h2><p>{_e(p.summary)}</p>
<h2>Experience</h2><div class=grid>{rows}</div>
<h2>Education</h2><div class=grid><div class=l>{p.school_years[0]}–{p.school_years[1]}</div>
<div class=r><b>{_e(p.degree)}</b><br>{_e(p.school)}</div></div>
<h2>Skills</h2><p>{_e(' / '.join(p.skills))}</p>
</body></html>"""
    _html_pdf(page, out)


def html_band(p: Person, out: Path) -> None:
    """A coloured band down the left with the contact details behind icons; 'Title | Employer'
    with the dates floated right in the main column."""
    jobs = "".join(
        f"<div class=job><span class=d>{_e(_range(p, j.start, j.end, 'year'))}</span>"
        f"<b>{_e(j.title)}</b> | {_e(j.company)}<div class=city>{_e(j.city)}</div>"
        f"<ul>{''.join(f'<li>{_e(h)}</li>' for h in j.highlights)}</ul></div>"
        for j in p.jobs
    )
    contact = [("mail", p.email), ("phone", p.phone_display), ("home", f"{p.city}, {p.region}")]
    contact += [("link", u) for u in _links(p)]
    side = "".join(f"<p><span class=i>{ICON[k]}</span> {_e(v)}</p>" for k, v in contact)
    page = f"""<!doctype html><html><head><meta charset=utf-8><style>
@page {{ size: A4; margin: 0; }}
body {{ margin: 0; font-family: 'Open Sans', 'DejaVu Sans', sans-serif; font-size: 9.5pt; }}
.wrap {{ display: flex; min-height: 297mm; }}
aside {{ width: 70mm; background: #27445c; color: #fff; padding: 18mm 7mm; box-sizing: border-box; }}
aside h3 {{ font-size: 10pt; letter-spacing: 2px; border-bottom: 1px solid #8fb3cf; }}
aside p {{ margin: 6px 0; font-size: 8.5pt; overflow-wrap: anywhere; }} .i {{ color: #8fb3cf; }}
main {{ flex: 1; padding: 18mm 12mm; }}
main h1 {{ font-size: 26pt; margin: 0; color: #27445c; }} main .t {{ font-size: 12pt; color: #777; margin-bottom: 10px; }}
main h2 {{ font-size: 11pt; color: #27445c; text-transform: uppercase; border-bottom: 1px solid #ccc; }}
.job {{ margin-bottom: 10px; }} .d {{ float: right; color: #777; }} .city {{ color: #777; font-size: 8.5pt; }}
ul {{ margin: 3px 0; padding-left: 16px; }}
</style></head><body><div class=wrap>
<aside><h3>CONTACT</h3>{side}<h3>SKILLS</h3>{''.join(f'<p>{_e(s)}</p>' for s in p.skills)}</aside>
<main><h1>{_e(p.name)}</h1><div class=t>{_e(p.label)}</div>
<h2>About me</h2><p>{_e(p.summary)}</p>
<h2>Work history</h2>{jobs}
<h2>Education</h2><div class=job><span class=d>{p.school_years[0]} – {p.school_years[1]}</span><b>{_e(p.degree)}</b> | {_e(p.school)}</div>
</main></div></body></html>"""
    _html_pdf(page, out)


def html_spearmint(p: Person, out: Path) -> None:
    """Google Docs' 'Spearmint'-like page: contact block at the top, the name in colour under it,
    section titles in colour, 'Employer / Title' on one line and the dates under it."""
    jobs = "".join(
        f"<h3>{_e(j.company)} / <span class=ti>{_e(j.title)}</span></h3>"
        f"<p class=when>{_e(_range(p, j.start, j.end, 'month'))}, {_e(j.city)}</p>"
        f"<p>{_e(' '.join(j.highlights))}</p>"
        for j in p.jobs
    )
    page = f"""<!doctype html><html><head><meta charset=utf-8><style>
@page {{ size: Letter; margin: 0.5in 0.9in; }}
body {{ font-family: 'Lato', 'Liberation Sans', sans-serif; font-size: 10pt; color: #333; border-top: 10px solid #17a589; padding-top: 10px; }}
.top p {{ margin: 0; font-size: 9pt; }}
h1 {{ font-family: 'Raleway', 'DejaVu Sans', sans-serif; color: #17a589; font-size: 26pt; margin: 18px 0 4px; }}
h2 {{ color: #17a589; font-size: 11pt; margin: 18px 0 4px; }} h3 {{ font-size: 10.5pt; margin: 8px 0 0; }}
.ti {{ font-weight: 400; }} .when {{ color: #888; font-size: 8.5pt; margin: 0 0 2px; }} p {{ margin: 2px 0; }}
</style></head><body>
<div class=top><p>{_e(p.street)}, {_e(p.postcode)} {_e(p.city)}</p><p>{_e(p.phone_display)}</p><p>{_e(p.email)}</p></div>
<h1>{_e(p.name)}</h1><p>{_e(p.summary)}</p>
<h2>Experience</h2>{jobs}
<h2>Education</h2><h3>{_e(p.school)} / <span class=ti>{_e(p.degree)}</span></h3>
<p class=when>{p.school_years[0]} – {p.school_years[1]}</p>
<h2>Skills</h2><p>{_e(', '.join(p.skills))}</p>
</body></html>"""
    _html_pdf(page, out)


# ---------------------------------------------------------------- Markdown by pandoc


def _markdown(p: Person) -> str:
    contact = " | ".join([p.email, p.phone_display, f"{p.city}, {p.country_name}", *_links(p)])
    lines = [f"# {p.name}", "", contact, "", "## Experience", ""]
    for j in p.jobs:
        lines += [f"### {j.title} at {j.company}", "", f"*{_range(p, j.start, j.end, 'month', dash=' – ')}, {j.city}*", ""]
        lines += [f"- {h}" for h in j.highlights] + [""]
    lines += ["## Education", "", f"**{p.degree}**, {p.school}, {p.school_years[0]}–{p.school_years[1]}", ""]
    lines += ["## Skills", "", ", ".join(p.skills), ""]
    return "\n".join(lines)


def _pandoc(p: Person, out: Path, *args: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "resume.md"
        src.write_text(_markdown(p), encoding="utf-8")
        subprocess.run(
            ["pandoc", str(src), "-f", "markdown-auto_identifiers", "-o", str(out), *args],
            check=True,
            capture_output=True,
            timeout=180,
            cwd=tmp,
        )


def md_pandoc_docx(p: Person, out: Path) -> None:
    _pandoc(p, out)


def md_pandoc_pdf(p: Person, out: Path) -> None:
    _pandoc(p, out, "--pdf-engine=xelatex", "-V", "geometry:margin=2cm", "-V", "mainfont=DejaVu Serif")
