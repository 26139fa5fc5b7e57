"""Round 14's families (the blind round): shapes of public templates and exports no earlier round
used, all drawn before any was rendered with round 14's people.

- HTML printed by chromium in the manner of: a LinkedIn "Save to PDF" profile (a grey left column
  "Contact" with the e-mail and profile URL, the main column name / headline / 'City, Region,
  Country', each job 'Employer' over 'Title' over 'March 2021 - Present (3 years 9 months)' over
  'City, Country'); an Indeed résumé download ('Title' bold, 'Employer - City', 'March 2021 to
  Present'); the Europass online editor's PDF (labelled contact lines 'Email address:', 'Phone
  number:', 'Home:', each job '[ 01/03/2021 – Current ]' over 'TITLE' over 'Employer', 'City,
  Country'); a Reactive-Resume-like page (a coloured head block, each job 'Employer' left and
  the dates right over 'Title' left and the city right); and a Notion page exported to PDF (a
  property table for the contact details, the history a database table Company | Role | Start |
  End | Location).
- LaTeX (article, XeLaTeX) in the manner of Overleaf-gallery one-pagers: the name centred over a
  row of fontawesome5 icons with the contact details, '\\textbf{Employer} -- \\textit{Title}'
  with 'City | MM.YYYY -- MM.YYYY' flush right.
- groff's mm macros by hand (-mm, PostScript, ps2pdf): the name and contact lines centred, each
  job a '.VL' list item whose mark is the year range.
- Word (python-docx): a cover letter on page 1 (a letterhead with the contact details, the letter)
  and the résumé on page 2 (the name without contact details); a head whose contact details are
  one three-cell table row (e-mail | phone | city) under a shaded name band, jobs 'Title at
  Employer' as Heading 2 with the dates grey below.
- A résumé laid out as Excel résumé templates are (the dates in the first column, one gridded
  table) pasted into Word and saved as PDF by LibreOffice Writer.

The Nigerien résumés are in French, the Cuban ones in Spanish (headings, months, "now"), except
where the page copies a site's own English words (LinkedIn, Indeed, Notion).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from families_r7 import _doc, _e, _run
from families_r10 import _lang, _month, _num, _w, _year
from families_r13 import _MACRONS
from makers import groff_esc as _g
from makers import soffice_convert as _soffice_pdf
from families_tex import compile_tex, esc
from families_web import print_pdf
from people import Person

_POLY = {
    "en": "",
    "fr": "\\usepackage{polyglossia}\\setdefaultlanguage{french}\n",
    "es": "\\usepackage{polyglossia}\\setdefaultlanguage{spanish}\n",
}
_LONG_MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
}
_CURRENT = {"en": "Current", "fr": "En cours", "es": "Actual"}


def _links(p: Person) -> list[str]:
    return [u.split("//")[1] for u in p.links.values()]


def _html(p: Person, css: str, body: str, out: Path) -> None:
    page = (
        f'<!doctype html><html lang="{p.language}"><head><meta charset="utf-8"><title>{_e(p.name)}</title>'
        f"<style>{css}</style></head><body>{body}</body></html>\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "resume.html"
        src.write_text(page, encoding="utf-8")
        print_pdf(src, out)


def _ul(items) -> str:
    return "<ul>" + "".join(f"<li>{_e(h)}</li>" for h in items) + "</ul>"


# ---------------------------------------------------------------- HTML (chromium)


def _span(j) -> str:
    end = j.end or (2025, 12)
    months = (end[0] - j.start[0]) * 12 + end[1] - j.start[1] + 1
    y, m = divmod(months, 12)
    parts = ([f"{y} year{'s' if y > 1 else ''}"] if y else []) + (
        [f"{m} month{'s' if m > 1 else ''}"] if m else []
    )
    return " ".join(parts)


def _long_en(ym) -> str:
    return "Present" if ym is None else f"{_LONG_MONTHS['en'][ym[1] - 1]} {ym[0]}"


_LI_CSS = """
@page { size: Letter; margin: 0; }
body { margin: 0; font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #181818; }
.wrap { display: grid; grid-template-columns: 62mm 1fr; min-height: 279mm; }
.side { background: #e9eef2; padding: 14mm 8mm; font-size: 9.5pt; }
.side h3 { font-size: 12pt; margin: 0 0 6px; } .side p { margin: 0 0 10px; word-break: break-all; }
.main { padding: 14mm 12mm; }
h1 { font-size: 24pt; margin: 0; font-weight: 400; } .headline { font-size: 12pt; margin: 4px 0; }
.loc { color: #666; margin-bottom: 14px; }
h2 { font-size: 15pt; font-weight: 400; margin: 16px 0 8px; }
.co { font-size: 11.5pt; margin-top: 10px; } .ti { font-size: 10.5pt; } .gr { color: #666; }
"""


def html_linkedin(p: Person, out: Path) -> None:
    """A LinkedIn "Save to PDF" profile: contact details in a grey left column, the location a
    grey line under the headline, each job Employer / Title / dates with the span / place."""
    side = (
        "<h3>Contact</h3>"
        f"<p>{_e(p.phone_display)} (Mobile)</p><p>{_e(p.email)}</p>"
        + "".join(
            f'<p><a href="{u}">{_e(u.split("//")[1].replace("www.", ""))}</a></p>' for u in p.links.values()
        )
        + f"<h3>Top Skills</h3>{''.join(f'<p>{_e(s)}</p>' for s in p.skills[:3])}"
    )
    jobs = "".join(
        f"<div class=co>{_e(j.company)}</div><div class=ti>{_e(j.title)}</div>"
        f"<div class=gr>{_long_en(j.start)} - {_long_en(j.end)} ({_span(j)})</div>"
        f"<div class=gr>{_e(j.city)}, {_e(p.country_name)}</div>"
        for j in p.jobs
    )
    body = (
        f"<div class=wrap><div class=side>{side}</div><div class=main>"
        f"<h1>{_e(p.name)}</h1><div class=headline>{_e(p.label)} at {_e(p.current.company)}</div>"
        f"<div class=loc>{_e(p.city)}, {_e(p.region)}, {_e(p.country_name)}</div>"
        f"<h2>Summary</h2><p>{_e(p.summary)}</p><h2>Experience</h2>{jobs}"
        f"<h2>Education</h2><div class=co>{_e(p.school)}</div>"
        f"<div class=ti>{_e(p.degree)} · ({p.school_years[0]} - {p.school_years[1]})</div></div></div>"
    )
    _html(p, _LI_CSS, body, out)


_INDEED_CSS = """
@page { size: Letter; margin: 18mm 20mm; }
body { font-family: "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; margin: 0; }
h1 { font-size: 20pt; margin: 0 0 4px; } .c div { margin: 1px 0; }
h2 { font-size: 13pt; border-bottom: 1px solid #bbb; padding-bottom: 3px; margin: 18px 0 8px; }
.job { margin-bottom: 12px; } .job b { font-size: 11pt; } .job .d { color: #595959; }
"""


def html_indeed(p: Person, out: Path) -> None:
    """An Indeed résumé download: name, 'City, Region', e-mail and phone as plain lines, each job
    'Title' bold over 'Employer - City, Region' over 'March 2021 to Present'."""
    lang = _lang(p)

    def when(ym) -> str:
        if ym is None:
            return {"en": "Present", "fr": "aujourd'hui", "es": "la actualidad"}[lang]
        return f"{_LONG_MONTHS[lang][ym[1] - 1]} {ym[0]}"

    to = {"en": "to", "fr": "à", "es": "a"}[lang]
    jobs = "".join(
        f"<div class=job><b>{_e(j.title)}</b><div>{_e(j.company)} - {_e(j.city)}</div>"
        f"<div class=d>{when(j.start)} {to} {when(j.end)}</div>{_ul(j.highlights)}</div>"
        for j in p.jobs
    )
    body = (
        f"<h1>{_e(p.name)}</h1><div class=c><div>{_e(p.city)}, {_e(p.region)}</div>"
        f"<div>{_e(p.email)}</div><div>{_e(p.phone_display)}</div></div>"
        f"<p>{_e(p.summary)}</p><h2>{_e(_w(p, 'Experience'))}</h2>{jobs}"
        f"<h2>{_e(_w(p, 'Education'))}</h2><b>{_e(p.degree)}</b><div>{_e(p.school)}</div>"
        f"<div class=d>{p.school_years[0]} {to} {p.school_years[1]}</div>"
        f"<h2>{_e(_w(p, 'Skills'))}</h2>{_ul(p.skills)}"
    )
    _html(p, _INDEED_CSS, body, out)


_EP_CSS = """
@page { size: A4; margin: 14mm 16mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 9.5pt; margin: 0; color: #222; }
.head { border-bottom: 3px solid #0a4a9e; padding-bottom: 8px; }
h1 { font-size: 20pt; margin: 0 0 6px; color: #0a4a9e; } .lab b { font-weight: 700; } .lab span { margin-right: 14px; }
h2 { font-size: 11pt; color: #0a4a9e; text-transform: uppercase; border-bottom: 1px solid #0a4a9e; margin: 16px 0 8px; }
.d { color: #0a4a9e; font-size: 9pt; } .t { font-weight: 700; text-transform: uppercase; margin: 2px 0; }
.job { margin-bottom: 10px; }
"""
_EP_LABELS = {
    "en": ("Email address:", "Phone number:", "Home:", "WORK EXPERIENCE", "EDUCATION AND TRAINING"),
    "fr": (
        "Adresse e-mail :",
        "Numéro de téléphone :",
        "Domicile :",
        "EXPÉRIENCE PROFESSIONNELLE",
        "ÉDUCATION ET FORMATION",
    ),
    "es": (
        "Dirección de correo electrónico:",
        "Número de teléfono:",
        "Domicilio:",
        "EXPERIENCIA LABORAL",
        "EDUCACIÓN Y FORMACIÓN",
    ),
}


def html_europass_online(p: Person, out: Path) -> None:
    """The Europass online editor's PDF: labelled contact lines, each job '[ 01/03/2021 – Current ]'
    over the title in capitals over 'Employer' and 'City, Country'."""
    lang = _lang(p)
    mail, phone, home, work, edu = _EP_LABELS[lang]

    def d(ym) -> str:
        return _CURRENT[lang] if ym is None else f"01/{ym[1]:02d}/{ym[0]}"

    jobs = "".join(
        f"<div class=job><div class=d>[ {d(j.start)} – {d(j.end)} ]</div><div class=t>{_e(j.title)}</div>"
        f"<div><b>{_e(j.company)}</b></div><div>{_e(j.city)}, {_e(p.country_name)}</div>{_ul(j.highlights)}</div>"
        for j in p.jobs
    )
    links = " ".join(f'<a href="{u}">{_e(u.split("//")[1])}</a>' for u in p.links.values())
    body = (
        f"<div class=head><h1>{_e(p.name)}</h1><div class=lab>"
        f"<span><b>{mail}</b> {_e(p.email)}</span> <span><b>{phone}</b> {_e(p.phone_display)}</span><br>"
        f"<span><b>{home}</b> {_e(p.street)}, {_e(p.postcode)}, {_e(p.city)} ({_e(p.country_name)})</span><br>"
        f"<span>{links}</span></div></div>"
        f"<h2>{work}</h2>{jobs}<h2>{edu}</h2><div class=d>[ {p.school_years[0]} – {p.school_years[1]} ]</div>"
        f"<div class=t>{_e(p.degree)}</div><div><b>{_e(p.school)}</b></div>"
    )
    _html(p, _EP_CSS, body, out)


_RR_CSS = """
@page { size: A4; margin: 0; }
body { margin: 0; font-family: "DejaVu Sans", sans-serif; font-size: 9.5pt; color: #1f2937; }
.top { background: #0f766e; color: white; padding: 12mm 14mm 8mm; }
.top h1 { margin: 0; font-size: 22pt; } .top .l { opacity: .9; font-size: 11pt; }
.top .c { margin-top: 8px; display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 9pt; }
.top a { color: white; text-decoration: none; }
.body { padding: 6mm 14mm; }
h2 { font-size: 10.5pt; text-transform: uppercase; color: #0f766e; border-bottom: 1px solid #99f6e4; margin: 12px 0 6px; }
.it { margin-bottom: 8px; } .ln { display: flex; justify-content: space-between; }
.ln b { font-size: 10pt; } .ln .r { color: #6b7280; }
"""


def html_reactive(p: Person, out: Path) -> None:
    """A Reactive-Resume-like page: a coloured head block (name, headline, a wrapped row of
    contact details), each job 'Employer' left and the dates right over 'Title' left and the
    city right."""
    jobs = "".join(
        f"<div class=it><div class=ln><b>{_e(j.company)}</b><span class=r>{_month(p, j.start)} - {_month(p, j.end)}</span></div>"
        f"<div class=ln><span>{_e(j.title)}</span><span class=r>{_e(j.city)}</span></div>{_ul(j.highlights)}</div>"
        for j in p.jobs
    )
    contact = "".join(
        f"<span>{x}</span>"
        for x in [
            _e(f"{p.city}, {p.country_name}"),
            _e(p.phone_display),
            f'<a href="mailto:{p.email}">{_e(p.email)}</a>',
            *(f'<a href="{u}">{_e(u.split("//")[1])}</a>' for u in p.links.values()),
        ]
    )
    body = (
        f"<div class=top><h1>{_e(p.name)}</h1><div class=l>{_e(p.label)}</div><div class=c>{contact}</div></div>"
        f"<div class=body><h2>{_e(_w(p, 'Profile'))}</h2><p>{_e(p.summary)}</p>"
        f"<h2>{_e(_w(p, 'Experience'))}</h2>{jobs}<h2>{_e(_w(p, 'Education'))}</h2>"
        f"<div class=ln><b>{_e(p.school)}</b><span class=r>{p.school_years[0]} - {p.school_years[1]}</span></div>"
        f"<div>{_e(p.degree)}</div><h2>{_e(_w(p, 'Skills'))}</h2><p>{_e(' · '.join(p.skills))}</p></div>"
    )
    _html(p, _RR_CSS, body, out)


_NOTION_CSS = """
@page { size: A4; margin: 16mm 18mm; }
body { font-family: ui-sans-serif, "DejaVu Sans", sans-serif; font-size: 9.5pt; color: #37352f; margin: 0; }
h1 { font-size: 26pt; margin: 0 0 10px; } .icon { font-size: 28pt; }
table.props td { padding: 3px 8px 3px 0; } table.props td:first-child { color: #787774; width: 28mm; }
h2 { font-size: 14pt; margin: 18px 0 6px; }
table.db { border-collapse: collapse; width: 100%; font-size: 9pt; }
table.db th, table.db td { border: 1px solid #e9e9e7; padding: 4px 6px; text-align: left; vertical-align: top; }
table.db th { color: #787774; font-weight: 400; }
.callout { background: #f1f1ef; border-radius: 4px; padding: 8px 10px; }
"""


def html_notion(p: Person, out: Path) -> None:
    """A Notion page exported to PDF: an emoji icon, the name as the page title, a property table
    (Role, Email, Phone, Location, LinkedIn…), a callout with the summary, the history a database
    table Company | Role | Start | End | Location."""
    props = [
        ("Role", _e(p.label)),
        ("Email", f'<a href="mailto:{p.email}">{_e(p.email)}</a>'),
        ("Phone", _e(p.phone_display)),
        ("Location", _e(f"{p.city}, {p.country_name}")),
        *(
            (k.capitalize() if k != "linkedin" else "LinkedIn", f'<a href="{u}">{_e(u)}</a>')
            for k, u in p.links.items()
        ),
    ]

    def ym(x) -> str:
        return "" if x is None else f"{_LONG_MONTHS['en'][x[1] - 1][:3]} {x[0]}"

    rows = "".join(
        f"<tr><td>{_e(j.company)}</td><td>{_e(j.title)}</td><td>{ym(j.start)}</td><td>{ym(j.end)}</td>"
        f"<td>{_e(j.city)}</td></tr>"
        for j in p.jobs
    )
    body = (
        f"<div class=icon>🧭</div><h1>{_e(p.name)}</h1><table class=props>"
        + "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in props)
        + f"</table><div class=callout>💡 {_e(p.summary)}</div>"
        f"<h2>Experience</h2><table class=db><tr><th>Company</th><th>Role</th><th>Start</th><th>End</th>"
        f"<th>Location</th></tr>{rows}</table>"
        f"<h2>Education</h2><p>{_e(p.degree)} — {_e(p.school)} ({p.school_years[0]}–{p.school_years[1]})</p>"
        f"<h2>Skills</h2><p>{_e(', '.join(p.skills))}</p>"
    )
    _html(p, _NOTION_CSS, body, out)


# ---------------------------------------------------------------- LaTeX (XeLaTeX)


def tex_faicons(p: Person, out: Path) -> None:
    """An Overleaf-gallery-like one-pager: the name centred over a row of fontawesome5 icons with
    the contact details, '\\textbf{Employer} -- \\textit{Title}' with 'City | MM.YYYY -- MM.YYYY'
    flush right."""
    icons = [
        f"\\faMapMarker*\\ {esc(p.city)}, {esc(p.country_name)}",
        f"\\faPhone\\ {esc(p.phone_display)}",
        f"\\faEnvelope\\ \\href{{mailto:{p.email}}}{{{esc(p.email)}}}",
    ]
    for key, u in p.links.items():
        icon = {"linkedin": "\\faLinkedin", "github": "\\faGithub"}.get(key, "\\faGlobe")
        icons.append(f"{icon}\\ \\href{{{u}}}{{{esc(u.split('//')[1])}}}")
    jobs = "".join(
        f"\\textbf{{{esc(j.company)}}} -- \\textit{{{esc(j.title)}}}\\hfill {esc(j.city)} \\textbar\\ "
        f"{_num(p, j.start, '.')} -- {_num(p, j.end, '.')}\n"
        "\\begin{itemize}\\itemsep0pt\n"
        + "".join(f"\\item {esc(h)}\n" for h in j.highlights)
        + "\\end{itemize}\n"
        for j in p.jobs
    )
    src = (
        "\\documentclass[10pt,a4paper]{article}\n\\usepackage{fontspec}\n"
        + _POLY[_lang(p)]
        + "\\setmainfont{TeX Gyre Heros}\n\\usepackage[margin=1.6cm]{geometry}\n\\usepackage{fontawesome5}\n"
        "\\usepackage{titlesec}\n\\usepackage[hidelinks]{hyperref}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0pt}\n"
        "\\titleformat{\\section}{\\large\\scshape\\raggedright}{}{0em}{}[\\titlerule]\n"
        "\\begin{document}\n\\begin{center}{\\Huge\\scshape "
        + esc(p.name)
        + "}\\\\[4pt]\n"
        + esc(p.label)
        + "\\\\[4pt]\n\\small "
        + " \\quad ".join(icons)
        + "\n\\end{center}\n"
        f"\\section*{{{esc(_w(p, 'Profile'))}}}\n{esc(p.summary)}\n"
        f"\\section*{{{esc(_w(p, 'Experience'))}}}\n{jobs}"
        f"\\section*{{{esc(_w(p, 'Education'))}}}\n\\textbf{{{esc(p.school)}}} -- \\textit{{{esc(p.degree)}}}"
        f"\\hfill {p.school_years[0]} -- {p.school_years[1]}\n"
        f"\\section*{{{esc(_w(p, 'Skills'))}}}\n{esc(', '.join(p.skills))}\n\\end{{document}}\n"
    )
    compile_tex(src, out, engine="xelatex")


# ---------------------------------------------------------------- groff -mm


def groff_mm(p: Person, out: Path) -> None:
    """groff's mm macros by hand: the name and contact lines centred, headings by .H, each job a
    .VL list item whose mark is the year range, 'Title, Employer (City)' then the highlights."""
    lines = [
        *_MACRONS,
        ".nr Hb 7",
        ".nr Hs 7",
        ".nr Ej 0",
        ".S 10",
        ".ce 4",
        f"\\s+8\\fB{_g(p.name)}\\fP\\s0",
        _g(p.label),
        _g(f"{p.street}, {p.postcode} {p.city}, {p.country_name}"),
        _g(" | ".join([p.phone_display, p.email, *_links(p)])),
        ".SP",
        f'.HU "{_w(p, "Profile")}"',
        ".P",
        _g(p.summary),
        f'.HU "{_w(p, "Experience")}"',
        ".VL 2.6c",
    ]
    for j in p.jobs:
        lines += [
            f'.LI "{_year(p, j.start)}–{_year(p, j.end)}"',
            f"\\fB{_g(j.title)}\\fP, {_g(j.company)} ({_g(j.city)})",
            ".br",
            _g("; ".join(j.highlights) + "."),
        ]
    lines += [
        ".LE",
        f'.HU "{_w(p, "Education")}"',
        ".P",
        _g(f"{p.degree}, {p.school}, {p.school_years[0]}–{p.school_years[1]}"),
        f'.HU "{_w(p, "Skills")}"',
        ".P",
        _g(", ".join(p.skills)),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "resume.mm"
        src.write_text("\n".join(lines) + "\n", encoding="utf-8")
        ps = subprocess.run(
            ["groff", "-mm", "-Tps", "-Kutf8", "-P-pa4", str(src)],
            check=True,
            capture_output=True,
            timeout=120,
        ).stdout
        (Path(tmp) / "resume.ps").write_bytes(ps)
        subprocess.run(
            ["ps2pdf", "-sPAPERSIZE=a4", "resume.ps", "resume.pdf"],
            check=True,
            capture_output=True,
            cwd=tmp,
            timeout=120,
        )
        shutil.copy(Path(tmp) / "resume.pdf", out)


# ---------------------------------------------------------------- Word (python-docx)

_LETTER = {
    "en": (
        "Dear Hiring Manager,",
        "I am writing to apply for the position advertised on your website. "
        "My résumé is attached on the next page.",
        "Yours sincerely,",
    ),
    "fr": (
        "Madame, Monsieur,",
        "Je vous adresse ma candidature pour le poste publié sur votre site. "
        "Vous trouverez mon CV à la page suivante.",
        "Veuillez agréer mes salutations distinguées,",
    ),
    "es": (
        "Estimado/a responsable de selección:",
        "Le escribo para postularme al puesto publicado en su web. "
        "Adjunto mi currículum en la página siguiente.",
        "Atentamente,",
    ),
}


def docx_coverletter(p: Person, out: Path) -> None:
    """A cover letter on page 1 (a letterhead: the name, then address, phone and e-mail lines
    right-aligned; the date; the letter) and the résumé on page 2 (the name again, no contact
    details), each job 'Title — Employer, City' with 'Mar 2021 – present' under it."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

    doc = _doc()
    _run(doc.add_paragraph(), p.name, bold=True, size=18)
    for line in [p.street, f"{p.postcode} {p.city}", p.country_name, p.phone_display, p.email]:
        par = doc.add_paragraph()
        par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        par.paragraph_format.space_after = 0
        _run(par, line)
    dear, text, bye = _LETTER[_lang(p)]
    doc.add_paragraph(f"{p.city}, {_month(p, (2025, 11))}")
    doc.add_paragraph(dear)
    doc.add_paragraph(text)
    doc.add_paragraph(p.summary)
    doc.add_paragraph(bye)
    doc.add_paragraph(p.name)
    doc.paragraphs[-1].runs[0].add_break(WD_BREAK.PAGE)
    _run(doc.add_paragraph(), p.name, bold=True, size=16)
    _run(doc.add_paragraph(), p.label, italic=True)
    _run(doc.add_paragraph(), _w(p, "Experience"), bold=True, size=12, color="1F4E79")
    for j in p.jobs:
        par = doc.add_paragraph()
        par.paragraph_format.space_after = 0
        _run(par, j.title, bold=True)
        _run(par, f" — {j.company}, {j.city}")
        _run(doc.add_paragraph(), f"{_month(p, j.start)} – {_month(p, j.end)}", italic=True, color="666666")
        for h in j.highlights:
            doc.add_paragraph(h, style="List Bullet")
    _run(doc.add_paragraph(), _w(p, "Education"), bold=True, size=12, color="1F4E79")
    doc.add_paragraph(f"{p.degree}, {p.school} ({p.school_years[0]}–{p.school_years[1]})")
    _run(doc.add_paragraph(), _w(p, "Skills"), bold=True, size=12, color="1F4E79")
    doc.add_paragraph(", ".join(p.skills))
    doc.save(out)


def _shade(cell_or_par, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    el = cell_or_par._p if hasattr(cell_or_par, "_p") else cell_or_par._tc
    props = el.get_or_add_pPr() if hasattr(cell_or_par, "_p") else el.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    props.append(shd)


def docx_contactrow(p: Person, out: Path) -> None:
    """A shaded band holding the name and headline, the contact details one three-cell table row
    under it (e-mail | phone | city, country), jobs 'Title at Employer' as Heading 2 with
    'City · 2021-03 – present' grey below."""
    doc = _doc()
    band = doc.add_table(rows=1, cols=1)
    cell = band.rows[0].cells[0]
    _shade(cell, "DCE6F0")
    _run(cell.paragraphs[0], p.name, bold=True, size=22)
    _run(cell.add_paragraph(), p.label, size=12)
    row = doc.add_table(rows=1, cols=3).rows[0].cells
    for c, text in zip(row, [p.email, p.phone_display, f"{p.city}, {p.country_name}"]):
        _run(c.paragraphs[0], text, size=9.5)
    if p.links:
        doc.add_paragraph("  ".join(_links(p)))
    doc.add_heading(_w(p, "Profile"), level=1)
    doc.add_paragraph(p.summary)
    doc.add_heading(_w(p, "Experience"), level=1)
    at = {"en": "at", "fr": "chez", "es": "en"}[_lang(p)]

    def ym(x) -> str:
        return _month(p, None) if x is None else f"{x[0]}-{x[1]:02d}"

    for j in p.jobs:
        doc.add_heading(f"{j.title} {at} {j.company}", level=2)
        _run(doc.add_paragraph(), f"{j.city} · {ym(j.start)} – {ym(j.end)}", color="7F7F7F", size=9)
        for h in j.highlights:
            doc.add_paragraph(h, style="List Bullet")
    doc.add_heading(_w(p, "Education"), level=1)
    doc.add_paragraph(f"{p.degree} — {p.school}, {p.school_years[0]}–{p.school_years[1]}")
    doc.add_heading(_w(p, "Skills"), level=1)
    doc.add_paragraph(", ".join(p.skills))
    doc.save(out)


# ---------------------------------------------------------------- LibreOffice Writer


def lo_gridsheet(p: Person, out: Path) -> None:
    """A résumé laid out as Excel résumé templates are and pasted into Word as one gridded table
    (the name in the first cell, contact label/value rows, a header row, then one row per job:
    start, end, title, employer, city), saved as PDF by LibreOffice Writer. (Debian's LibreOffice
    here has no Calc, so the sheet itself is not converted.)"""
    rows: list[list[str]] = [
        [p.name, "", "", "", ""],
        [p.label, "", "", "", ""],
        [_w(p, "Address"), f"{p.street}, {p.postcode} {p.city}, {p.country_name}", "", "", ""],
        [_w(p, "Phone"), p.phone_display, "", "", ""],
        [_w(p, "E-mail"), p.email, "", "", ""],
        *([k.capitalize(), u, "", "", ""] for k, u in p.links.items()),
        [_w(p, "Experience").upper(), "", "", "", ""],
        ["From", "To", "Position", "Employer", "City"]
        if _lang(p) == "en"
        else [_w(p, "Dates"), "", _w(p, "Position"), _w(p, "Employer"), ""],
    ]
    for j in p.jobs:
        rows.append([_num(p, j.start), _num(p, j.end), j.title, j.company, j.city])
    rows += [[_w(p, "Education").upper(), "", "", "", ""]]
    rows += [[str(p.school_years[0]), str(p.school_years[1]), p.degree, p.school, ""]]
    rows += [[_w(p, "Skills").upper(), ", ".join(p.skills), "", "", ""]]
    doc = _doc()
    table = doc.add_table(rows=len(rows), cols=5)
    table.style = "Table Grid"
    for r, values in enumerate(rows):
        # Merged as a sheet's header cells are: a row with one value spans the sheet, a label with
        # one value spans the four columns right of it.
        filled = [c for c, v in enumerate(values) if v]
        if filled == [0]:
            table.cell(r, 0).merge(table.cell(r, 4))
        elif filled == [0, 1]:
            table.cell(r, 1).merge(table.cell(r, 4))
        for c, value in enumerate(values):
            if not value:
                continue
            cell = table.rows[r].cells[c]
            _run(cell.paragraphs[0], value, bold=(r == 0 or value.isupper()), size=16 if r == 0 else 9)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "resume.docx"
        doc.save(src)
        _soffice_pdf(src, out, tmp)
