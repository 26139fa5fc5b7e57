"""Round 10's families (the blind round): public templates and tools no earlier round used.

- HackMyResume 1.8.0 with the two FRESH themes round 8 left out (fresh-themes 0.15.1-beta:
  "compact", "basis"), printed by chromium as round 8's "positive" and "modern" were.
- LaTeX idioms people copy rather than a CV class: the article class with a `tabularx` table per
  job (dates in a narrow left column, "MM/YYYY -- present"), the article class with the dates
  hung in the left margin by `\\marginpar` (classicthesis-style CVs, years only), and a header of
  two minipages (name left, contact lines right-aligned) over a `description` list whose labels
  are the dates.
- pandoc writers and paths no earlier round used: Markdown through pandoc's LaTeX writer with the
  memoir class (XeLaTeX), and Markdown to ODT by pandoc then to DOCX by LibreOffice (a
  LibreOffice-exported Word file, its contact details a section at the end).
- Word (python-docx): a header table whose right cell holds the contact lines right-aligned, each
  job one line "Title | Employer | 03.2021 – present"; and a "hybrid" résumé whose history is a
  table (Dates | Position | Employer, City) after a skills section.
- LibreOffice's own HTML import (writer) saving an HTML page as PDF: "Employer (City), Title,
  2019–2022" paragraphs and a "Contact" block at the foot of the page.

The Burkinabè résumés are in French, the Nicaraguan ones in Spanish (headings, months, "now").
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from families_r7 import _doc, _e, _run
from families_r8 import hmr  # noqa: F401 - generate.py builds "compact" and "basis" with it
from families_r9 import _no_borders, _pandoc
from families_tex import compile_tex, esc
from makers import soffice_convert
from people import Person

MONTHS = {
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
    "fr": "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.".split(),
    "es": "ene. feb. mar. abr. may. jun. jul. ago. sept. oct. nov. dic.".split(),
}
NOW = {"en": "present", "fr": "aujourd'hui", "es": "actualidad"}
WORDS = {
    "fr": {
        "Experience": "Expérience professionnelle",
        "Education": "Formation",
        "Skills": "Compétences",
        "Contact": "Coordonnées",
        "Profile": "Profil",
        "Phone": "Téléphone",
        "E-mail": "Courriel",
        "Address": "Adresse",
        "Employment history": "Parcours professionnel",
        "Dates": "Période",
        "Position": "Poste",
        "Employer": "Employeur",
    },
    "es": {
        "Experience": "Experiencia laboral",
        "Education": "Formación académica",
        "Skills": "Habilidades",
        "Contact": "Contacto",
        "Profile": "Perfil",
        "Phone": "Teléfono",
        "E-mail": "Correo",
        "Address": "Dirección",
        "Employment history": "Trayectoria profesional",
        "Dates": "Fechas",
        "Position": "Cargo",
        "Employer": "Empleador",
    },
}


def _w(p: Person, word: str) -> str:
    return WORDS.get(p.language, {}).get(word, word)


def _lang(p: Person) -> str:
    return p.language if p.language in MONTHS else "en"


def _month(p: Person, ym) -> str:
    return NOW[_lang(p)] if ym is None else f"{MONTHS[_lang(p)][ym[1] - 1]} {ym[0]}"


def _num(p: Person, ym, sep: str = "/") -> str:
    return NOW[_lang(p)] if ym is None else f"{ym[1]:02d}{sep}{ym[0]}"


def _year(p: Person, ym) -> str:
    return NOW[_lang(p)] if ym is None else str(ym[0])


# ---------------------------------------------------------------- LaTeX idioms (XeLaTeX)

_TEX_HEAD = (
    "\\usepackage{fontspec}\n\\usepackage[a4paper,margin=2cm]{geometry}\n"
    "\\usepackage[hidelinks]{hyperref}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0pt}\n"
)
# polyglossia, not babel: Debian's TeX Live here has babel's French and Spanish files only as
# polyglossia glosses.
_TEX_LANG = {
    "en": "",
    "fr": "\\usepackage{polyglossia}\\setdefaultlanguage{french}\n",
    "es": "\\usepackage{polyglossia}\\setdefaultlanguage{spanish}\n",
}


def _tex_items(items: list[str]) -> str:
    return (
        "\\begin{itemize}\\setlength{\\itemsep}{0pt}"
        + "".join(f"\\item {esc(h)}" for h in items)
        + "\\end{itemize}"
    )


def tex_tabularx(p: Person, out: Path) -> None:
    """article + tabularx: the name centred over one contact line split by bullets; each job a
    two-column table, '03/2021 -- present' in a narrow left column, 'Title, Employer' bold and the
    city right of it."""
    jobs = "\n".join(
        "\\begin{tabularx}{\\textwidth}{@{}p{3.2cm}X@{}}\n"
        f"{_num(p, j.start)} -- {_num(p, j.end)} & \\textbf{{{esc(j.title)}}}, {esc(j.company)} \\hfill {esc(j.city)}\\\\\n"
        f" & {_tex_items(j.highlights)}\\\\\n\\end{{tabularx}}\n"
        for j in p.jobs
    )
    links = " \\textbullet{} ".join(f"\\url{{{u}}}" for u in p.links.values())
    src = f"""\\documentclass[10pt]{{article}}
{_TEX_HEAD}{_TEX_LANG[_lang(p)]}\\usepackage{{tabularx}}
\\begin{{document}}
\\begin{{center}}
{{\\LARGE\\bfseries {esc(p.name)}}}\\\\[3pt]
{esc(p.label)}\\\\[3pt]
{esc(p.street)}, {esc(p.city)}, {esc(p.region)} \\textbullet{{}} {esc(p.phone_display)} \\textbullet{{}} \\href{{mailto:{p.email}}}{{{esc(p.email)}}}\\\\
{links}
\\end{{center}}
\\section*{{{_w(p, "Experience")}}}
{jobs}
\\section*{{{_w(p, "Education")}}}
\\begin{{tabularx}}{{\\textwidth}}{{@{{}}p{{3.2cm}}X@{{}}}}
{p.school_years[0]} -- {p.school_years[1]} & \\textbf{{{esc(p.degree)}}}, {esc(p.school)}\\\\
\\end{{tabularx}}
\\section*{{{_w(p, "Skills")}}}
{esc(", ".join(p.skills))}
\\end{{document}}
"""
    compile_tex(src, out, engine="xelatex")


def tex_marginpar(p: Person, out: Path) -> None:
    """article with a wide left margin and the years hung in it by \\marginpar (reversed), the
    classicthesis-CV look: the name in spaced small capitals, the contact lines in the margin
    beside it, each job 'Employer · City' in small caps over the title in italics."""
    jobs = "\n".join(
        f"\\marginpar{{\\raggedleft\\small {_year(p, j.start)}--{_year(p, j.end)}}}"
        f"\\textsc{{{esc(j.company)}}} · {esc(j.city)}\\\\\n\\emph{{{esc(j.title)}}}\n{_tex_items(j.highlights)}\n"
        for j in p.jobs
    )
    links = "\\\\".join(f"\\url{{{u.split('//')[1]}}}" for u in p.links.values())
    src = f"""\\documentclass[11pt]{{article}}
\\usepackage{{fontspec}}
\\usepackage[a4paper,left=5.5cm,right=2cm,top=2cm,bottom=2cm,marginparwidth=3.3cm,marginparsep=0.5cm]{{geometry}}
\\usepackage[hidelinks]{{hyperref}}
{_TEX_LANG[_lang(p)]}\\pagestyle{{empty}}\\setlength{{\\parindent}}{{0pt}}\\reversemarginpar
\\begin{{document}}
\\marginpar{{\\raggedleft\\footnotesize {esc(p.street)}\\\\{esc(p.postcode)} {esc(p.city)}\\\\{esc(p.country_name)}\\\\[4pt]{esc(p.phone_display)}\\\\{esc(p.email)}\\\\[4pt]{links}}}
{{\\Huge\\scshape {esc(p.name)}}}\\\\[6pt]
{{\\large {esc(p.label)}}}

\\vspace{{1.5cm}}
\\section*{{\\scshape {_w(p, "Experience")}}}
{jobs}
\\section*{{\\scshape {_w(p, "Education")}}}
\\marginpar{{\\raggedleft\\small {p.school_years[0]}--{p.school_years[1]}}}\\textsc{{{esc(p.school)}}}\\\\\\emph{{{esc(p.degree)}}}
\\section*{{\\scshape {_w(p, "Skills")}}}
{esc(" · ".join(p.skills))}
\\end{{document}}
"""
    compile_tex(src, out, engine="xelatex")


def tex_minipage(p: Person, out: Path) -> None:
    """article: a header of two minipages (the name and title left, the contact lines
    right-aligned), a rule, and the history a description list whose labels are 'Sep 2019 --
    Mar 2023', each item 'Title at Employer, City'."""
    jobs = "\n".join(
        f"\\item[{_month(p, j.start)} -- {_month(p, j.end)}] \\textbf{{{esc(j.title)}}} {{\\itshape {'chez' if p.language == 'fr' else 'en' if p.language == 'es' else 'at'}}} "
        f"{esc(j.company)}, {esc(j.city)}\n{_tex_items(j.highlights)}"
        for j in p.jobs
    )
    links = "\\\\".join(f"\\url{{{u}}}" for u in p.links.values())
    src = f"""\\documentclass[10pt]{{article}}
{_TEX_HEAD}{_TEX_LANG[_lang(p)]}\\usepackage{{enumitem}}
\\begin{{document}}
\\begin{{minipage}}[t]{{0.5\\textwidth}}
{{\\huge\\bfseries {esc(p.name)}}}\\\\[4pt]
{{\\large {esc(p.label)}}}
\\end{{minipage}}\\hfill
\\begin{{minipage}}[t]{{0.45\\textwidth}}\\raggedleft\\small
{esc(p.street)}, {esc(p.postcode)} {esc(p.city)}\\\\
{esc(p.region)}, {esc(p.country_name)}\\\\
{esc(p.phone_display)}\\\\
\\href{{mailto:{p.email}}}{{{esc(p.email)}}}\\\\
{links}
\\end{{minipage}}

\\medskip\\hrule\\medskip
\\section*{{{_w(p, "Experience")}}}
\\begin{{description}}[leftmargin=3.6cm,style=nextline,font=\\normalfont\\small]
{jobs}
\\end{{description}}
\\section*{{{_w(p, "Education")}}}
{esc(p.degree)}, {esc(p.school)}, {p.school_years[0]}--{p.school_years[1]}
\\section*{{{_w(p, "Skills")}}}
{esc(", ".join(p.skills))}
\\end{{document}}
"""
    compile_tex(src, out, engine="xelatex")


# ---------------------------------------------------------------- pandoc paths


def md_pandoc_memoir(p: Person, out: Path) -> None:
    """Markdown through pandoc's LaTeX writer with the memoir class (XeLaTeX): the name the
    title, the contact details a line block, each job '**Employer**, City' over
    '*Title*, 2021-03 – present'."""
    lines = [
        "---",
        f'title: "{p.name}"',
        f'subtitle: "{p.label}"',
        f"lang: {p.language}",
        "documentclass: memoir",
    ]
    lines += ["classoption: [article, 11pt, a4paper, oneside]", "---", ""]
    lines += [
        f"| {p.street}, {p.postcode} {p.city}, {p.country_name}",
        f"| {p.phone_display} --- <{p.email}>",
    ]
    lines += [f"| <{u}>" for u in p.links.values()] + [""]
    lines += [f"# {_w(p, 'Profile')}", "", p.summary, "", f"# {_w(p, 'Experience')}", ""]

    def iso(ym):
        return NOW[_lang(p)] if ym is None else f"{ym[0]}-{ym[1]:02d}"

    for j in p.jobs:
        lines += [f"**{j.company}**, {j.city}\\", f"*{j.title}*, {iso(j.start)} – {iso(j.end)}", ""]
        lines += [f"- {h}" for h in j.highlights] + [""]
    lines += [
        f"# {_w(p, 'Education')}",
        "",
        f"{p.degree}, {p.school}, {p.school_years[0]}–{p.school_years[1]}",
        "",
    ]
    lines += [f"# {_w(p, 'Skills')}", "", ", ".join(p.skills), ""]
    _pandoc(
        "\n".join(lines),
        "pdf",
        out.resolve(),
        ["--pdf-engine=xelatex", "-V", "geometry:margin=2.2cm", "-V", "pagestyle=empty"],
    )


def md_pandoc_lodocx(p: Person, out: Path) -> None:
    """Markdown to ODT by pandoc, then to DOCX by LibreOffice (a LibreOffice-exported Word file):
    the name and title, a profile, each job '### Title, Employer' over 'City · Sep 2019 to Mar
    2023', and the contact details a section at the end ('Label: value' lines)."""
    to = {"en": "to", "fr": "à", "es": "a"}[_lang(p)]
    lines = [f"# {p.name}", "", f"*{p.label}*", "", f"## {_w(p, 'Profile')}", "", p.summary, ""]
    lines += [f"## {_w(p, 'Experience')}", ""]
    for j in p.jobs:
        lines += [
            f"### {j.title}, {j.company}",
            "",
            f"{j.city} · {_month(p, j.start)} {to} {_month(p, j.end)}",
            "",
        ]
        lines += [f"- {h}" for h in j.highlights] + [""]
    lines += [
        f"## {_w(p, 'Education')}",
        "",
        f"{p.degree} — {p.school} ({p.school_years[0]}–{p.school_years[1]})",
        "",
    ]
    lines += [f"## {_w(p, 'Skills')}", "", ", ".join(p.skills), ""]
    lines += [f"## {_w(p, 'Contact')}", ""]
    contact = [
        f"{_w(p, 'Address')}: {p.street}, {p.postcode} {p.city}, {p.region}",
        f"{_w(p, 'Phone')}: {p.phone_display}",
        f"{_w(p, 'E-mail')}: {p.email}",
    ] + [f"{k.capitalize()}: {u}" for k, u in p.links.items()]
    lines += [c + "\\" for c in contact[:-1]] + [contact[-1], ""]
    with tempfile.TemporaryDirectory() as tmp:
        odt = Path(tmp) / "resume.odt"
        _pandoc("\n".join(lines), "odt", odt)
        soffice_convert(odt, out, tmp, "docx:MS Word 2007 XML")


# ---------------------------------------------------------------- Word (python-docx)


def docx_pipes(p: Person, out: Path) -> None:
    """A header table: the name and title left, the contact lines right-aligned in the right
    cell; each job one bold line 'Title | Employer | 03.2021 – present', the city in italics
    under it, then bullets."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = _doc()
    head = doc.add_table(rows=1, cols=2)
    _no_borders(head)
    left, right = head.rows[0].cells
    _run(left.paragraphs[0], p.name, bold=True, size=22)
    _run(left.add_paragraph(), p.label, size=12, color="555555")
    contact = [f"{p.street}, {p.city}", f"{p.region}, {p.country_name}", p.phone_display, p.email]
    contact += [u.split("//")[1] for u in p.links.values()]
    for k, line in enumerate(contact):
        par = right.paragraphs[0] if k == 0 else right.add_paragraph()
        par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _run(par, line, size=9)
    doc.add_heading(_w(p, "Profile"), level=2)
    doc.add_paragraph(p.summary)
    doc.add_heading(_w(p, "Experience"), level=2)
    for j in p.jobs:
        _run(
            doc.add_paragraph(),
            f"{j.title} | {j.company} | {_num(p, j.start, '.')} – {_num(p, j.end, '.')}",
            bold=True,
        )
        _run(doc.add_paragraph(), j.city, italic=True)
        for h in j.highlights:
            doc.add_paragraph(h, style="List Bullet")
    doc.add_heading(_w(p, "Education"), level=2)
    doc.add_paragraph(f"{p.degree} | {p.school} | {p.school_years[0]} – {p.school_years[1]}")
    doc.add_heading(_w(p, "Skills"), level=2)
    doc.add_paragraph(", ".join(p.skills))
    doc.save(out)


def docx_historytable(p: Person, out: Path) -> None:
    """A 'hybrid' résumé: the name, one contact line joined by bullets, a profile and key skills
    first, then the history a table with a header row (Dates | Position | Employer, City)."""
    from docx.shared import Pt

    doc = _doc()
    _run(doc.add_paragraph(), p.name.upper(), bold=True, size=18)
    contact = [
        f"{p.city}, {p.country_name}",
        p.phone_display,
        p.email,
        *[u.split("//")[1] for u in p.links.values()],
    ]
    _run(doc.add_paragraph(), " • ".join(contact), size=9)
    doc.add_heading(_w(p, "Profile"), level=2)
    doc.add_paragraph(p.summary)
    doc.add_heading(_w(p, "Skills"), level=2)
    for s in p.skills:
        doc.add_paragraph(s, style="List Bullet")
    doc.add_heading(_w(p, "Employment history"), level=2)
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, word in zip(table.rows[0].cells, ("Dates", "Position", "Employer")):
        _run(cell.paragraphs[0], _w(p, word), bold=True)
    for j in p.jobs:
        row = table.add_row().cells
        row[0].text = f"{_month(p, j.start)} – {_month(p, j.end)}"
        row[1].text = j.title
        row[2].text = f"{j.company}, {j.city}"
        for cell in row:
            for par in cell.paragraphs:
                for r in par.runs:
                    r.font.size = Pt(9.5)
    doc.add_heading(_w(p, "Education"), level=2)
    doc.add_paragraph(f"{p.degree}, {p.school} ({p.school_years[0]}–{p.school_years[1]})")
    doc.save(out)


# ---------------------------------------------------------------- LibreOffice's HTML import


def lo_html(p: Person, out: Path) -> None:
    """An HTML page opened by LibreOffice Writer (its own HTML import, not a browser) and saved as
    PDF: the name and title, the jobs as 'Employer (City), Title, 2019–2022' paragraphs with
    bullets, and a 'Contact' block at the foot of the page."""
    jobs = "".join(
        f"<p><b>{_e(j.company)}</b> ({_e(j.city)}), <i>{_e(j.title)}</i>, {_year(p, j.start)}–{_year(p, j.end)}</p>"
        f"<ul>{''.join(f'<li>{_e(h)}</li>' for h in j.highlights)}</ul>"
        for j in p.jobs
    )
    links = "".join(f'<br><a href="{u}">{_e(u.split("//")[1])}</a>' for u in p.links.values())
    page = f"""<!doctype html><html lang="{p.language}"><head><meta charset="utf-8"><title>{_e(p.name)}</title></head>
<body style="font-family: sans-serif">
<h1>{_e(p.name)}</h1><p><i>{_e(p.label)}</i></p>
<h2>{_e(_w(p, "Profile"))}</h2><p>{_e(p.summary)}</p>
<h2>{_e(_w(p, "Experience"))}</h2>{jobs}
<h2>{_e(_w(p, "Education"))}</h2><p>{_e(p.degree)}, {_e(p.school)}, {p.school_years[0]}–{p.school_years[1]}</p>
<h2>{_e(_w(p, "Skills"))}</h2><p>{_e(", ".join(p.skills))}</p>
<h2>{_e(_w(p, "Contact"))}</h2>
<p>{_e(p.street)}<br>{_e(p.postcode)} {_e(p.city)}<br>{_e(p.region)}, {_e(p.country_name)}<br>
{_e(_w(p, "Phone"))}: {_e(p.phone_display)}<br>{_e(_w(p, "E-mail"))}: <a href="mailto:{p.email}">{_e(p.email)}</a>{links}</p>
</body></html>
"""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "resume.html"
        src.write_text(page, encoding="utf-8")
        # Opened by Writer's HTML import ("HTML (StarWriter)"), not Writer/Web, whose PDF export
        # left the first page blank and the name off.
        soffice_convert(src, out, tmp, "pdf:writer_pdf_Export", infilter="HTML (StarWriter)")
