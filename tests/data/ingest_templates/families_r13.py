"""Round 13's families (the blind round): public templates and tools no earlier round used.

- Two JSON Resume themes from the npm registry no earlier round rendered
  (jsonresume-theme-simple 1.0.0, jsonresume-theme-github 0.0.5;
  jsonresume_r13/package.json), rendered by node and printed by chromium as the jsonresume
  folder's themes are.
- An academic-style CV (article class): the name centred and large over a two-cell
  contact line, the jobs a reverse-numbered list by TeX Live's etaremune package,
  'Title, Employer, City, 2019–2022.'.
- groff's me macros by hand (-me, PostScript, ps2pdf): the name centred, the contact details as
  two centred lines, each job '.ip' with the dates the hanging tag, '\\fBEmployer\\fP, City' and
  the title in italics on the next line.
- A plain-text résumé (fixed columns, upper-case headings, as pasted into a mail or a job board)
  made PDF by LibreOffice in a monospaced font: 'MM/YYYY - MM/YYYY  Title' over 'Employer, City'.
- Word (python-docx): the whole CV one big two-column table (labels left, 'Name', 'Address',
  'Phone', …, then one row per job: the dates left, 'Title' / 'Employer — City' right); a head
  table with a photo box at the left, the name and contact details in the middle and a QR-code
  box at the right, the jobs 'Employer | Title' with 'City, 2021/03 – now' under; and paragraphs
  carrying the style names of Word's own résumé template (Name, Contact Info, Job Title, Company,
  Dates).
- HTML printed by chromium: the contact details a small line above the name, each job one grid
  row (the dates left, 'Title, Employer' in the middle, the city right);
  and a page with bilingual English / French headings ('Experience · Expérience'), the contact
  details in the top-right corner, jobs 'Title — Employer (City)' with 'Jan 2021 to present'.

The Gabonese résumés are in French, the Equatoguinean ones in Spanish (headings, months, "now"),
except in the two JSON Resume themes, which print their own English words.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from families_r7 import _doc, _e, _html_pdf, _links, _run
from families_r10 import _TEX_LANG, _lang, _month, _num, _w, _year
from families_tex import compile_tex, esc
from families_web import render
from makers import composed_glyphs, groff_esc, groff_pdf, soffice_convert
from people import Person

# `cp jsonresume_r13/package.json` there, then `npm install` (the themes round 13 adds).
NODE_DIR = Path("/tmp/milobot-jsonresume-r13")
_NOW = {"en": "now", "fr": "auj.", "es": "hoy"}


# ---------------------------------------------------------------- JSON Resume themes (npm)


def jr(theme: str):
    return render(theme, NODE_DIR)


# ---------------------------------------------------------------- etaremune (TeX Live)


def tex_etaremune(p: Person, out: Path) -> None:
    """An academic-style CV in the article class: the name centred and large over a
    two-cell contact line (the address left, phone, e-mail and links right), the appointments a
    reverse-numbered list (etaremune, the package academic CVs number their items with),
    '\\item \\textbf{Title}, Employer, City, 2019--2022.'. DejaVu Serif: Latin Modern has no ʻokina."""
    left = "\\\\".join([esc(p.street), esc(f"{p.postcode} {p.city}"), esc(f"{p.region}, {p.country_name}")])
    right = "\\\\".join(
        [esc(p.phone_display), f"\\href{{mailto:{p.email}}}{{{esc(p.email)}}}"] + [esc(u) for u in _links(p)]
    )
    jobs = "\n".join(
        f"\\item \\textbf{{{esc(j.title)}}}, {esc(j.company)}, {esc(j.city)}, "
        f"{_year(p, j.start)}--{_year(p, j.end)}.\\\\ " + "; ".join(esc(h) for h in j.highlights) + "."
        for j in p.jobs
    )
    src = f"""\\documentclass[a4paper,10pt]{{article}}
\\usepackage{{fontspec}}\\setmainfont{{DejaVu Serif}}\\usepackage[margin=2cm]{{geometry}}
\\usepackage[hidelinks]{{hyperref}}\\usepackage{{etaremune}}
{_TEX_LANG[_lang(p)]}\\pagestyle{{empty}}\\setlength{{\\parindent}}{{0pt}}
\\begin{{document}}
\\begin{{center}}{{\\LARGE {esc(p.name)}}}\\\\[3pt] {esc(p.label)}\\end{{center}}
{{\\small\\begin{{tabular*}}{{\\textwidth}}{{@{{}}l@{{\\extracolsep{{\\fill}}}}r@{{}}}}
\\begin{{tabular}}[t]{{@{{}}l}}{left}\\end{{tabular}} &
\\begin{{tabular}}[t]{{r@{{}}}}{right}\\end{{tabular}}
\\end{{tabular*}}}}

\\section*{{{_w(p, "Profile")}}}
{esc(p.summary)}
\\section*{{{_w(p, "Experience")}}}
\\begin{{etaremune}}
{jobs}
\\end{{etaremune}}
\\section*{{{_w(p, "Education")}}}
{esc(p.degree)}, {esc(p.school)}, {p.school_years[0]}--{p.school_years[1]}.
\\section*{{{_w(p, "Skills")}}}
{esc(", ".join(p.skills))}
\\end{{document}}
"""
    compile_tex(src, out, engine="xelatex")


# ---------------------------------------------------------------- groff me


# The PostScript Times groff prints with has no ō, ū, ā (Hepburn, Samoan macrons): a groff user
# with such a name builds them from the letter and the macron (.fchar applies only where the font
# lacks the glyph), as round 12's groff family builds Č.
_MACRONS = composed_glyphs("AaEeIiOoUu", "0304", "a-")


def groff_me(p: Person, out: Path) -> None:
    """groff -me by hand: the name centred and large, two centred contact lines, each job an
    indented paragraph (.ip) with the dates the tag, '\\fBEmployer\\fP, City' then the title."""
    lines = [
        *_MACRONS,
        ".pl 29.7c",
        ".ll 17c",
        ".po 2c",
        ".ce 4",
        f"\\s(20\\fB{groff_esc(p.name)}\\fP\\s0",
        groff_esc(p.label),
        groff_esc(f"{p.street}, {p.postcode} {p.city}, {p.country_name}"),
        groff_esc("  ·  ".join([p.phone_display, p.email, *_links(p)])),
        ".sp",
        f'.sh 1 "{_w(p, "Profile")}"',
        ".pp",
        groff_esc(p.summary),
        f'.sh 1 "{_w(p, "Experience")}"',
    ]
    for j in p.jobs:
        lines += [
            f'.ip "{_num(p, j.start)} – {_num(p, j.end)}" 3.2c',
            f"\\fB{groff_esc(j.company)}\\fP, {groff_esc(j.city)}",
            ".br",
            f"\\fI{groff_esc(j.title)}\\fP",
            ".br",
            groff_esc("; ".join(j.highlights) + "."),
        ]
    lines += [
        f'.sh 1 "{_w(p, "Education")}"',
        f'.ip "{p.school_years[0]} – {p.school_years[1]}" 3.2c',
        groff_esc(f"{p.degree}, {p.school}"),
        f'.sh 1 "{_w(p, "Skills")}"',
        ".pp",
        groff_esc(", ".join(p.skills)),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "resume.me"
        src.write_text("\n".join(lines) + "\n", encoding="utf-8")
        groff_pdf(src, out, "-me", "-Tps", "-Kutf8", "-P-pa4")


# ---------------------------------------------------------------- LibreOffice


def lo_plaintext(p: Person, out: Path) -> None:
    """A plain-text résumé as pasted into a mail: the name and contact lines at the top, upper-case
    headings underlined with '=', each job 'MM/YYYY - MM/YYYY  Title' over 'Employer, City'
    indented to the title's column; made PDF by LibreOffice (monospaced)."""
    pad = " " * 19
    text = [
        p.name.upper(),
        p.label,
        f"{p.street}, {p.postcode} {p.city}, {p.country_name}",
        f"{_w(p, 'Phone')}: {p.phone_display}",
        f"{_w(p, 'E-mail')}: {p.email}",
        *_links(p),
        "",
    ]

    def heading(word: str) -> None:
        w = _w(p, word).upper()
        text.extend(["", w, "=" * len(w)])

    heading("Profile")
    text.append(p.summary)
    heading("Experience")
    for j in p.jobs:
        dates = f"{_num(p, j.start)} - {_num(p, j.end)}"
        text += [f"{dates:<19}{j.title}", f"{pad}{j.company}, {j.city}"]
        text += [f"{pad}* {h}" for h in j.highlights]
        text.append("")
    heading("Education")
    text.append(f"{p.school_years[0]} - {p.school_years[1]}".ljust(19) + f"{p.degree}, {p.school}")
    heading("Skills")
    text.append(", ".join(p.skills))
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "resume.txt"
        src.write_text("\n".join(text) + "\n", encoding="utf-8")
        soffice_convert(src, out, tmp)


# ---------------------------------------------------------------- Word (python-docx)


def _cell(cell, text: str, bold=False, size=None, italic=False):
    par = cell.paragraphs[0] if not cell.paragraphs[0].text else cell.add_paragraph()
    _run(par, text, bold=bold, size=size, italic=italic)
    return par


def docx_bigtable(p: Person, out: Path) -> None:
    """The whole CV one big two-column table with borders: a label column ('Name', 'Address',
    'Phone', 'E-mail', the dates of each job …) and a value column ('Title' bold, 'Employer — City'
    under it, the highlights)."""
    from docx.shared import Cm

    doc = _doc()
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"

    def row(label: str, value: str, bold=False):
        cells = table.add_row().cells
        cells[0].width, cells[1].width = Cm(4), Cm(13)
        _cell(cells[0], label, bold=True)
        _cell(cells[1], value, bold=bold)
        return cells

    row("Curriculum vitae", p.name, bold=True)
    row(_w(p, "Position"), p.label)
    row(_w(p, "Address"), f"{p.street}, {p.postcode} {p.city}, {p.region}, {p.country_name}")
    row(_w(p, "Phone"), p.phone_display)
    row(_w(p, "E-mail"), p.email)
    for name, url in p.links.items():
        row(name.capitalize(), url.split("//")[1])
    row(_w(p, "Profile"), p.summary)
    row(_w(p, "Experience"), "")
    for j in p.jobs:
        cells = row(f"{_month(p, j.start)} – {_month(p, j.end)}", j.title, bold=True)
        _cell(cells[1], f"{j.company} — {j.city}", italic=True)
        for h in j.highlights:
            _cell(cells[1], f"• {h}")
    row(_w(p, "Education"), f"{p.degree}, {p.school} ({p.school_years[0]}–{p.school_years[1]})")
    row(_w(p, "Skills"), ", ".join(p.skills))
    doc.save(out)


def docx_photoqr(p: Person, out: Path) -> None:
    """A head table of three cells: a photo box ('PHOTO') at the left, the name, title and contact
    lines in the middle, a QR-code box ('QR') at the right; jobs 'Employer | Title' bold with
    'City, 2021/03 – now' under."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    doc = _doc()
    head = doc.add_table(rows=1, cols=3)
    head.style = "Table Grid"
    photo, middle, qr = head.rows[0].cells
    photo.width, middle.width, qr.width = Cm(3.2), Cm(10.6), Cm(3.2)
    for box, word in ((photo, "PHOTO"), (qr, "QR")):
        par = _cell(box, f"\n[{word}]\n", size=9)
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _cell(middle, p.name, bold=True, size=20)
    _cell(middle, p.label, italic=True)
    _cell(middle, f"{p.street} · {p.city}, {p.country_name}", size=9)
    _cell(middle, f"{p.phone_display} | {p.email}", size=9)
    if p.links:
        _cell(middle, " | ".join(_links(p)), size=9)

    def ym(x) -> str:
        return _NOW[_lang(p)] if x is None else f"{x[0]}/{x[1]:02d}"

    doc.add_heading(_w(p, "Profile"), level=2)
    doc.add_paragraph(p.summary)
    doc.add_heading(_w(p, "Experience"), level=2)
    for j in p.jobs:
        _run(doc.add_paragraph(), f"{j.company} | {j.title}", bold=True)
        _run(doc.add_paragraph(), f"{j.city}, {ym(j.start)} – {ym(j.end)}", italic=True, size=9)
        for h in j.highlights:
            doc.add_paragraph(h, style="List Bullet")
    doc.add_heading(_w(p, "Education"), level=2)
    doc.add_paragraph(f"{p.school} | {p.degree}, {p.school_years[0]}–{p.school_years[1]}")
    doc.add_heading(_w(p, "Skills"), level=2)
    doc.add_paragraph(" · ".join(p.skills))
    doc.save(out)


def docx_wordstyles(p: Person, out: Path) -> None:
    """Paragraphs carrying the style names of Word's own résumé template: 'Name', 'Contact Info'
    (address, phone and e-mail on one line each), 'Heading 1', then per job 'Job Title' over
    'Company' ('Employer, City') over 'Dates' ('Mar 2021 – present')."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt, RGBColor

    doc = _doc()
    styles = doc.styles

    def style(name: str, size: float, bold=False, italic=False, color=None):
        st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = styles["Normal"]
        st.font.size, st.font.bold, st.font.italic = Pt(size), bold, italic
        if color:
            st.font.color.rgb = RGBColor.from_string(color)
        return st

    style("Name", 26, bold=True, color="2F5496")
    style("Contact Info", 9.5, color="404040")
    style("Job Title", 11, bold=True)
    style("Company", 10.5, color="2F5496")
    style("Dates", 9, italic=True, color="595959")
    doc.add_paragraph(p.name, style="Name")
    doc.add_paragraph(p.label, style="Contact Info")
    for line in [f"{p.street}, {p.city}, {p.region} {p.postcode}", p.phone_display, p.email, *_links(p)]:
        doc.add_paragraph(line, style="Contact Info")
    doc.add_heading(_w(p, "Profile"), level=1)
    doc.add_paragraph(p.summary)
    doc.add_heading(_w(p, "Experience"), level=1)
    for j in p.jobs:
        doc.add_paragraph(j.title, style="Job Title")
        doc.add_paragraph(f"{j.company}, {j.city}", style="Company")
        doc.add_paragraph(f"{_month(p, j.start)} – {_month(p, j.end)}", style="Dates")
        for h in j.highlights:
            doc.add_paragraph(h, style="List Bullet")
    doc.add_heading(_w(p, "Education"), level=1)
    doc.add_paragraph(p.degree, style="Job Title")
    doc.add_paragraph(p.school, style="Company")
    doc.add_paragraph(f"{p.school_years[0]} – {p.school_years[1]}", style="Dates")
    doc.add_heading(_w(p, "Skills"), level=1)
    doc.add_paragraph(", ".join(p.skills))
    doc.save(out)


# ---------------------------------------------------------------- HTML printed by chromium

_ROWS_CSS = """
@page { size: A4; margin: 14mm 15mm; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 9.5pt; color: #222; margin: 0; }
.top { font-size: 8.5pt; color: #555; border-bottom: 1px solid #bbb; padding-bottom: 4px; }
.top span + span:before { content: " / "; color: #aaa; }
h1 { font-size: 25pt; margin: 10px 0 0; font-weight: 300; } .label { font-size: 12pt; color: #0f766e; }
h2 { font-size: 11pt; color: #0f766e; text-transform: uppercase; letter-spacing: 1px; margin: 16px 0 8px; }
.row { display: grid; grid-template-columns: 30mm 1fr 38mm; gap: 0 8px; margin-bottom: 8px; }
.row .when { color: #555; } .row .where { text-align: right; color: #555; }
.row ul { grid-column: 2 / 4; margin: 2px 0 0 14px; padding: 0; }
"""


def html_rows(p: Person, out: Path) -> None:
    """A page printed by chromium whose contact details are a small line ABOVE the name (the
    address, phone, e-mail and links separated by slashes); each job one grid row, the dates
    ('2019 – 2022') left, '<b>Title</b>, Employer' in the middle, the city right."""
    top = "".join(
        f"<span>{x}</span>"
        for x in [
            _e(f"{p.street}, {p.postcode} {p.city}, {p.country_name}"),
            _e(p.phone_display),
            f'<a href="mailto:{p.email}">{_e(p.email)}</a>',
            *(f'<a href="{u}">{_e(u.split("//")[1])}</a>' for u in p.links.values()),
        ]
    )
    jobs = "".join(
        f"<div class=row><div class=when>{_year(p, j.start)} – {_year(p, j.end)}</div>"
        f"<div><b>{_e(j.title)}</b>, {_e(j.company)}</div><div class=where>{_e(j.city)}</div>"
        f"<ul>{''.join(f'<li>{_e(h)}</li>' for h in j.highlights)}</ul></div>"
        for j in p.jobs
    )
    page = f"""<!doctype html><html lang="{p.language}"><head><meta charset="utf-8"><title>{_e(p.name)}</title>
<style>{_ROWS_CSS}</style></head><body>
<div class=top>{top}</div>
<h1>{_e(p.name)}</h1><div class=label>{_e(p.label)}</div>
<h2>{_e(_w(p, "Profile"))}</h2><p>{_e(p.summary)}</p>
<h2>{_e(_w(p, "Experience"))}</h2>{jobs}
<h2>{_e(_w(p, "Education"))}</h2><div class=row><div class=when>{p.school_years[0]} – {p.school_years[1]}</div>
<div><b>{_e(p.degree)}</b>, {_e(p.school)}</div><div></div></div>
<h2>{_e(_w(p, "Skills"))}</h2><p>{_e(", ".join(p.skills))}</p>
</body></html>
"""
    _html_pdf(page, out)


_BI = {
    "Profile": "Profile · Profil",
    "Experience": "Experience · Expérience",
    "Education": "Education · Formation",
    "Skills": "Skills · Compétences",
}
_TO = {"en": "to", "fr": "à", "es": "a"}
_BI_CSS = """
@page { size: A4; margin: 16mm 18mm; }
body { font-family: "EB Garamond", "DejaVu Serif", serif; font-size: 11pt; margin: 0; }
header { display: flex; justify-content: space-between; align-items: flex-start;
  border-bottom: 2px solid #7c2d12; padding-bottom: 6px; }
h1 { font-size: 28pt; margin: 0; font-weight: 500; } .label { font-style: italic; font-size: 13pt; }
.contact { text-align: right; font-size: 9.5pt; line-height: 1.35; }
h2 { font-size: 13pt; color: #7c2d12; font-variant: small-caps; margin: 14px 0 6px; }
.job h3 { font-size: 11.5pt; margin: 8px 0 0; } .job .when { font-size: 9.5pt; color: #57534e; }
ul { margin: 2px 0 0 18px; padding: 0; }
"""


def html_bilingual(p: Person, out: Path) -> None:
    """A page printed by chromium with bilingual English / French headings ('Experience ·
    Expérience'), the contact details in the top-right corner beside the name, each job
    'Title — Employer (City)' over 'Jan 2021 to present'."""
    jobs = "".join(
        f"<div class=job><h3>{_e(j.title)} — {_e(j.company)} ({_e(j.city)})</h3>"
        f"<div class=when>{_month(p, j.start)} {_TO[_lang(p)]} {_month(p, j.end)}</div>"
        f"<ul>{''.join(f'<li>{_e(h)}</li>' for h in j.highlights)}</ul></div>"
        for j in p.jobs
    )
    contact = "<br>".join(
        [
            _e(p.street),
            _e(f"{p.postcode} {p.city}"),
            _e(p.country_name),
            _e(p.phone_display),
            f'<a href="mailto:{p.email}">{_e(p.email)}</a>',
        ]
        + [f'<a href="{u}">{_e(u.split("//")[1])}</a>' for u in p.links.values()]
    )
    page = f"""<!doctype html><html lang="{p.language}"><head><meta charset="utf-8"><title>{_e(p.name)}</title>
<style>{_BI_CSS}</style></head><body>
<header><div><h1>{_e(p.name)}</h1><div class=label>{_e(p.label)}</div></div><div class=contact>{contact}</div></header>
<h2>{_BI["Profile"]}</h2><p>{_e(p.summary)}</p>
<h2>{_BI["Experience"]}</h2>{jobs}
<h2>{_BI["Education"]}</h2><p>{_e(p.degree)}, {_e(p.school)}, {p.school_years[0]}–{p.school_years[1]}</p>
<h2>{_BI["Skills"]}</h2><p>{_e(", ".join(p.skills))}</p>
</body></html>
"""
    _html_pdf(page, out)
