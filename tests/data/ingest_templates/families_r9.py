"""Round 9's families: page shapes no earlier round has, from public templates' looks and tools no
earlier round used for a résumé.

- HTML pages of the kinds résumé builders export, printed by chromium: a Novoresume-like page (a
  round photo placeholder beside the name, the contact details a two-by-two grid of icons), a
  Zety-like page (a dark left sidebar holding the name and labelled contact lines, the dates in a
  column of their own left of each job), and a Resume.io-like page (a right-hand "Details"
  column with the address on three lines and the profiles as words that link).
- pandoc with writers no earlier round used: its standalone HTML5 writer (its default template and
  stylesheet, the contact details a pipe table) printed by chromium, and its RTF writer saved as
  PDF by LibreOffice.
- Word layouts (python-docx): a Europass-like two-column table (right-aligned labels, a rule, the
  values), a header table with a photo placeholder beside the name and a contact table under it,
  and Office's template style with the name, the contact details and each job inside content
  controls (w:sdt); LibreOffice's PDF of a page whose jobs are dot-leader lines and whose skills are
  a grid.
- A LaTeX page on the article class with paracol (TeX Live), the two-column look of the
  "Deedy"-style templates people copy from Overleaf: a centred name, one line of contact details
  split by bars, education and skills in the narrow left column, the jobs in the right.

The German (Liechtenstein) and Portuguese (Mozambique) résumés have headings, months and "now"
in their language.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from families_docx import _soffice_pdf
from families_r7 import _doc, _e, _html_pdf, _links, _run
from families_tex import compile_tex, esc
from people import Person

MONTHS = {
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
    "de": "Jan. Feb. März Apr. Mai Juni Juli Aug. Sept. Okt. Nov. Dez.".split(),
    "pt": "jan. fev. mar. abr. mai. jun. jul. ago. set. out. nov. dez.".split(),
}
LONG_MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split(),
}
NOW = {"en": "Present", "de": "heute", "pt": "atual"}
WORDS = {
    "de": {
        "Experience": "Berufserfahrung",
        "Education": "Ausbildung",
        "Skills": "Kenntnisse",
        "Contact": "Kontakt",
        "Profile": "Profil",
        "Phone": "Telefon",
        "E-mail": "E-Mail",
        "Address": "Adresse",
        "Details": "Angaben",
        "Links": "Links",
        "Employer": "Arbeitgeber",
        "Position": "Funktion",
        "Dates": "Zeitraum",
        "Main activities": "Tätigkeiten",
        "Personal information": "Angaben zur Person",
        "Name": "Name",
        "Curriculum vitae": "Lebenslauf",
    },
    "pt": {
        "Experience": "Experiência profissional",
        "Education": "Formação",
        "Skills": "Competências",
        "Contact": "Contacto",
        "Profile": "Perfil",
        "Phone": "Telefone",
        "E-mail": "E-mail",
        "Address": "Endereço",
        "Details": "Dados",
        "Links": "Ligações",
        "Employer": "Empregador",
        "Position": "Função",
        "Dates": "Datas",
        "Main activities": "Principais actividades",
        "Personal information": "Informação pessoal",
        "Name": "Nome",
        "Curriculum vitae": "Curriculum vitae",
    },
}


def _w(p: Person, word: str) -> str:
    return WORDS.get(p.language, {}).get(word, word)


def _lang(p: Person) -> str:
    return p.language if p.language in MONTHS else "en"


def _month(p: Person, ym, long: bool = False) -> str:
    if ym is None:
        return NOW[_lang(p)]
    table = LONG_MONTHS if long else MONTHS
    return f"{table[_lang(p)][ym[1] - 1]} {ym[0]}"


def _numeric(p: Person, ym, fmt: str) -> str:
    if ym is None:
        return NOW[_lang(p)]
    return fmt.format(y=ym[0], m=ym[1])


# ---------------------------------------------------------------- HTML of résumé builders


def html_novoresume(p: Person, out: Path) -> None:
    """Novoresume-like: a round photo placeholder left of the name and title, a two-by-two grid of
    icon + value contact cells under a blue rule; each job 'Title' (bold), 'Employer' (blue), then
    '03/2021 – Present' at the left and 'City, Country' at the right of one italic line."""
    cells = [("\u2709", p.email), ("\u260e", p.phone_display), ("\u2302", f"{p.city}, {p.country_name}")]
    cells += [("in" if k == "linkedin" else "\u2197", u.split("//")[1]) for k, u in p.links.items()][:3]
    grid = "".join(f"<div class=cell><span class=ic>{_e(i)}</span> {_e(v)}</div>" for i, v in cells)
    jobs = "".join(
        f"<div class=job><div class=ti>{_e(j.title)}</div><div class=co>{_e(j.company)}</div>"
        f"<div class=meta><span>{_numeric(p, j.start, '{m:02d}/{y}')} – {_numeric(p, j.end, '{m:02d}/{y}')}</span>"
        f"<span>{_e(j.city)}, {_e(p.country_name)}</span></div>"
        f"<ul>{''.join(f'<li>{_e(h)}</li>' for h in j.highlights)}</ul></div>"
        for j in p.jobs
    )
    page = f"""<!doctype html><html><head><meta charset=utf-8><style>
@page {{ size: A4; margin: 11mm 13mm; }}
body {{ font-family: 'Roboto', 'Liberation Sans', sans-serif; font-size: 9.5pt; color: #333; }}
.top {{ display: flex; align-items: center; gap: 7mm; }}
.photo {{ width: 27mm; height: 27mm; border-radius: 50%; background: #d5dde8; }}
h1 {{ margin: 0; font-size: 24pt; color: #1d3a5f; }} .role {{ font-size: 12pt; color: #3c78b4; }}
.grid {{ display: grid; grid-template-columns: 1fr 1fr; gap: 3px 12px; border-top: 3px solid #3c78b4; margin-top: 5mm; padding-top: 3mm; }}
.ic {{ display: inline-block; width: 14px; color: #3c78b4; font-weight: 700; }}
h2 {{ color: #1d3a5f; font-size: 12pt; border-bottom: 1px solid #3c78b4; margin: 14px 0 6px; }}
.job {{ margin-bottom: 9px; }} .ti {{ font-weight: 700; font-size: 10.5pt; }} .co {{ color: #3c78b4; }}
.meta {{ display: flex; justify-content: space-between; font-style: italic; color: #777; font-size: 8.5pt; }}
ul {{ margin: 2px 0; padding-left: 16px; }}
.tags span {{ display: inline-block; background: #e4ebf3; padding: 2px 6px; margin: 2px; border-radius: 3px; }}
</style></head><body>
<div class=top><div class=photo></div><div><h1>{_e(p.name)}</h1><div class=role>{_e(p.label)}</div><p>{_e(p.summary)}</p></div></div>
<div class=grid>{grid}</div>
<h2>{_w(p, "Experience")}</h2>{jobs}
<h2>{_w(p, "Education")}</h2><div class=ti>{_e(p.degree)}</div><div class=co>{_e(p.school)}</div>
<div class=meta><span>{p.school_years[0]} – {p.school_years[1]}</span></div>
<h2>{_w(p, "Skills")}</h2><div class=tags>{"".join(f"<span>{_e(s)}</span>" for s in p.skills)}</div>
</body></html>"""
    _html_pdf(page, out)


def html_zety(p: Person, out: Path) -> None:
    """Zety-like: a dark left sidebar with the name, the title and labelled contact lines (the
    label over the value, the address on three lines); in the main column each job a row whose left cell holds the dates
    ('2021-03 - Present') and whose right cell 'Title', 'Employer, City'."""
    # The address on lines of their own (street / "City, Region" / postcode), as Zety prints it;
    # the e-mail a mailto link; the profiles shortened, under the word for each.
    contact = [
        ("Address", f"{_e(p.street)}<br>{_e(p.city)}, {_e(p.region)}<br>{_e(p.postcode)}"),
        ("Phone", _e(p.phone_display)),
        ("E-mail", f'<a href="mailto:{_e(p.email)}">{_e(p.email)}</a>'),
    ]
    names = {"linkedin": "LinkedIn", "github": "GitHub", "site": "Website"}
    contact += [(names[k], f'<a href="{_e(u)}">{_e(u.split("//")[1])}</a>') for k, u in p.links.items()]
    side = "".join(f"<div class=lab>{_e(_w(p, k))}</div><div class=val>{v}</div>" for k, v in contact)
    jobs = "".join(
        f"<tr><td class=d>{_numeric(p, j.start, '{y}-{m:02d}')} -<br>{_numeric(p, j.end, '{y}-{m:02d}')}</td>"
        f"<td><b>{_e(j.title)}</b><br><i>{_e(j.company)}, {_e(j.city)}</i>"
        f"<ul>{''.join(f'<li>{_e(h)}</li>' for h in j.highlights)}</ul></td></tr>"
        for j in p.jobs
    )
    page = f"""<!doctype html><html><head><meta charset=utf-8><style>
@page {{ size: A4; margin: 0; }}
body {{ margin: 0; font-family: 'Source Sans Pro', 'DejaVu Sans', sans-serif; font-size: 9pt; color: #222; }}
.wrap {{ display: flex; min-height: 297mm; }}
aside {{ width: 76mm; background: #24323f; color: #eef2f5; padding: 12mm 6mm; box-sizing: border-box; }}
aside h1 {{ font-size: 20pt; margin: 0 0 2px; line-height: 1.1; }} aside .role {{ color: #f0b429; margin-bottom: 8mm; }}
aside h3 {{ border-bottom: 1px solid #f0b429; font-size: 10pt; padding-bottom: 2px; }}
.lab {{ font-weight: 700; margin-top: 6px; }} .val {{ font-size: 8.3pt; }} .val a {{ color: #eef2f5; text-decoration: none; }}
main {{ flex: 1; padding: 12mm 9mm; }}
h2 {{ font-size: 11pt; color: #24323f; border-bottom: 2px solid #24323f; margin: 0 0 6px; }}
table {{ border-collapse: collapse; width: 100%; margin-bottom: 10px; }} td {{ vertical-align: top; padding: 4px 4px 6px; }}
td.d {{ width: 24mm; color: #555; }} ul {{ margin: 2px 0; padding-left: 14px; }}
</style></head><body><div class=wrap>
<aside><h1>{_e(p.name)}</h1><div class=role>{_e(p.label)}</div>
<h3>{_w(p, "Contact")}</h3>{side}
<h3>{_w(p, "Skills")}</h3>{"".join(f"<div>{_e(s)}</div>" for s in p.skills)}</aside>
<main><h2>{_w(p, "Profile")}</h2><p>{_e(p.summary)}</p>
<h2>{_w(p, "Experience")}</h2><table>{jobs}</table>
<h2>{_w(p, "Education")}</h2><table><tr><td class=d>{p.school_years[0]} -<br>{p.school_years[1]}</td>
<td><b>{_e(p.degree)}</b><br><i>{_e(p.school)}</i></td></tr></table></main></div></body></html>"""
    _html_pdf(page, out)


def html_resumeio(p: Person, out: Path) -> None:
    """Resume.io-like: the name and title top left; a right-hand column 'Details' (street, 'Postcode
    City', country, phone, e-mail on lines of their own) and 'Links' (words that link); each job
    'Title, Employer, City' in bold over 'MARCH 2021 — PRESENT' in small grey capitals."""
    names = {"linkedin": "LinkedIn", "github": "GitHub", "site": "Portfolio"}
    links = "".join(f'<p><a href="{_e(u)}">{names[k]}</a></p>' for k, u in p.links.items())
    jobs = "".join(
        f"<div class=job><div class=h>{_e(j.title)}, {_e(j.company)}, {_e(j.city)}</div>"
        f"<div class=when>{_e(_month(p, j.start, True).upper())} — {_e(_month(p, j.end, True).upper())}</div>"
        f"<ul>{''.join(f'<li>{_e(h)}</li>' for h in j.highlights)}</ul></div>"
        for j in p.jobs
    )
    page = f"""<!doctype html><html><head><meta charset=utf-8><style>
@page {{ size: A4; margin: 14mm 14mm; }}
body {{ font-family: 'Lato', 'Liberation Sans', sans-serif; font-size: 9.5pt; color: #1a1a1a; }}
.wrap {{ display: flex; gap: 10mm; }} main {{ flex: 1; }} aside {{ width: 48mm; font-size: 8.8pt; }}
h1 {{ margin: 0; font-size: 22pt; font-weight: 700; }} .role {{ text-transform: uppercase; letter-spacing: 1px; font-size: 8.5pt; color: #555; margin-bottom: 6mm; }}
h2 {{ font-size: 11.5pt; margin: 14px 0 6px; }} aside h2 {{ font-size: 10pt; }}
aside p {{ margin: 0 0 2px; }} aside a {{ color: #1a5fb4; text-decoration: underline; }}
.job {{ margin-bottom: 10px; }} .h {{ font-weight: 700; font-size: 10.5pt; }}
.when {{ color: #888; font-size: 7.8pt; letter-spacing: .6px; margin: 2px 0; }} ul {{ margin: 2px 0; padding-left: 16px; }}
</style></head><body><div class=wrap>
<main><h1>{_e(p.name)}</h1><div class=role>{_e(p.label)}</div>
<h2>{_w(p, "Profile")}</h2><p>{_e(p.summary)}</p>
<h2>{_w(p, "Experience")}</h2>{jobs}
<h2>{_w(p, "Education")}</h2><div class=h>{_e(p.degree)}, {_e(p.school)}</div><div class=when>{p.school_years[0]} — {p.school_years[1]}</div></main>
<aside><h2>{_w(p, "Details")}</h2><p>{_e(p.street)}</p><p>{_e(p.postcode)} {_e(p.city)}</p><p>{_e(p.country_name)}</p>
<p>{_e(p.phone_display)}</p><p>{_e(p.email)}</p>
<h2>{_w(p, "Links")}</h2>{links}
<h2>{_w(p, "Skills")}</h2>{"".join(f"<p>{_e(s)}</p>" for s in p.skills)}</aside></div></body></html>"""
    _html_pdf(page, out)


# ---------------------------------------------------------------- pandoc: HTML5 and RTF


def _pandoc(markdown: str, to: str, out: Path, extra: list[str] | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "resume.md"
        src.write_text(markdown, encoding="utf-8")
        subprocess.run(
            [
                "pandoc",
                str(src),
                "-f",
                "markdown-auto_identifiers",
                "-t",
                to,
                "-s",
                "-o",
                str(out),
                *(extra or []),
            ],
            check=True,
            capture_output=True,
            timeout=180,
            cwd=tmp,
        )


def md_pandoc_html5(p: Person, out: Path) -> None:
    """pandoc's standalone HTML5 (its default template and stylesheet), printed by chromium: the
    name as the title, the contact details a two-column pipe table, each job a third-level
    heading 'Employer — City' over '**Title** · Mar 2021 – Present'."""
    rows = [
        ("Phone", p.phone_display),
        ("E-mail", f"<{p.email}>"),
        ("Address", f"{p.street}, {p.postcode} {p.city}, {p.country_name}"),
    ]
    rows += [
        ({"linkedin": "LinkedIn", "github": "GitHub", "site": "Web"}[k], f"<{u}>") for k, u in p.links.items()
    ]
    lines = ["---", f'title: "{p.name}"', f'subtitle: "{p.label}"', "lang: " + p.language, "---", ""]
    lines += ["| | |", "|---|---|"] + [f"| **{_w(p, k)}** | {v} |" for k, v in rows] + [""]
    lines += [f"## {_w(p, 'Profile')}", "", p.summary, "", f"## {_w(p, 'Experience')}", ""]
    for j in p.jobs:
        lines += [
            f"### {j.company} — {j.city}",
            "",
            f"**{j.title}** · {_month(p, j.start)} – {_month(p, j.end)}",
            "",
        ]
        lines += [f"- {h}" for h in j.highlights] + [""]
    lines += [
        f"## {_w(p, 'Education')}",
        "",
        f"**{p.degree}**, {p.school} ({p.school_years[0]}–{p.school_years[1]})",
        "",
    ]
    lines += [f"## {_w(p, 'Skills')}", "", ", ".join(p.skills), ""]
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "resume.html"
        _pandoc("\n".join(lines), "html5", html)
        from families_web import print_pdf

        print_pdf(html, out)


def md_pandoc_rtf(p: Person, out: Path) -> None:
    """pandoc's standalone RTF, saved as PDF by LibreOffice: the name a first-level heading, the
    contact details one paragraph of 'Label: value' joined by semicolons, each job 'Title | Employer'
    in bold over an italic 'City, 2021/03 – present'."""
    contact = [
        f"{_w(p, 'Address')}: {p.city}, {p.region}",
        f"{_w(p, 'Phone')}: {p.phone_display}",
        f"{_w(p, 'E-mail')}: {p.email}",
    ]
    contact += _links(p)
    lines = [
        f"# {p.name}",
        "",
        f"*{p.label}*",
        "",
        "; ".join(contact),
        "",
        f"## {_w(p, 'Profile')}",
        "",
        p.summary,
        "",
    ]
    lines += [f"## {_w(p, 'Experience')}", ""]
    for j in p.jobs:
        when = f"{_numeric(p, j.start, '{y}/{m:02d}')} – {_numeric(p, j.end, '{y}/{m:02d}').lower()}"
        lines += [f"**{j.title} | {j.company}**  ", f"*{j.city}, {when}*", ""]
        lines += [f"- {h}" for h in j.highlights] + [""]
    lines += [
        f"## {_w(p, 'Education')}",
        "",
        f"**{p.school}**  ",
        f"{p.degree}, {p.school_years[0]}–{p.school_years[1]}",
        "",
    ]
    lines += [f"## {_w(p, 'Skills')}", "", " · ".join(p.skills), ""]
    with tempfile.TemporaryDirectory() as tmp:
        rtf = Path(tmp) / (out.stem + ".rtf")
        _pandoc("\n".join(lines), "rtf", rtf)
        _soffice_pdf(rtf, out)


# ---------------------------------------------------------------- Word


def _no_borders(table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def _cell_right_rule(cell) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tcpr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    right = OxmlElement("w:right")
    right.set(qn("w:val"), "single")
    right.set(qn("w:sz"), "6")
    right.set(qn("w:color"), "1F3864")
    borders.append(right)
    tcpr.append(borders)


def _shade(cell, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def docx_europass(p: Person, out: Path) -> None:
    """A Europass-like Word table: a narrow left column of right-aligned labels with a rule at its
    right, the values in the right column; 'Personal information' (name, address, telephone,
    e-mail), then per job 'Dates', 'Employer', 'Position', 'Main activities'."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    doc = _doc()
    table = doc.add_table(rows=0, cols=2)
    _no_borders(table)

    def row(label: str, value: str, bold_label=False, big=False, head=False):
        cells = table.add_row().cells
        cells[0].width, cells[1].width = Cm(5.2), Cm(11.8)
        _cell_right_rule(cells[0])
        par = cells[0].paragraphs[0]
        par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _run(
            par, label, bold=bold_label or head, size=11 if head else 9, color="1F3864" if head else "444444"
        )
        _run(cells[1].paragraphs[0], value, bold=big, size=14 if big else 10)

    row(_w(p, "Curriculum vitae"), "", head=True)
    row(_w(p, "Personal information"), "", head=True)
    row(_w(p, "Name"), p.name, big=True)
    row(_w(p, "Address"), f"{p.street}, {p.postcode} {p.city} ({p.country_name})")
    row(_w(p, "Phone"), p.phone_display)
    row(_w(p, "E-mail"), p.email)
    for u in _links(p):
        row("Web", u)
    row(_w(p, "Experience"), "", head=True)
    for j in p.jobs:
        row(_w(p, "Dates"), f"{_month(p, j.start, True)} – {_month(p, j.end, True)}")
        row(_w(p, "Employer"), f"{j.company}, {j.city}")
        row(_w(p, "Position"), j.title, big=False, bold_label=True)
        row(_w(p, "Main activities"), "; ".join(j.highlights))
        row("", "")
    row(_w(p, "Education"), "", head=True)
    row(_w(p, "Dates"), f"{p.school_years[0]} – {p.school_years[1]}")
    row(_w(p, "Name"), f"{p.degree}, {p.school}")
    row(_w(p, "Skills"), ", ".join(p.skills), head=False)
    doc.save(out)


def docx_photoheader(p: Person, out: Path) -> None:
    """A header table: a shaded photo placeholder cell beside the name and title; under it a
    two-by-two contact table of 'Label  value' cells; each job the dates in bold on a line of their
    own ('01/2020 – heute'), then 'Title – Employer (City)'."""
    from docx.shared import Cm, Pt

    doc = _doc()
    top = doc.add_table(rows=1, cols=2)
    _no_borders(top)
    photo, who = top.rows[0].cells
    photo.width, who.width = Cm(3.2), Cm(13.8)
    _shade(photo, "D9D9D9")
    par = photo.paragraphs[0]
    par.paragraph_format.space_before = Pt(30)
    par.paragraph_format.space_after = Pt(30)
    _run(par, "Foto" if p.language == "de" else "Photo", size=8, color="808080")
    _run(who.paragraphs[0], p.name, bold=True, size=22, color="2E4053")
    _run(who.add_paragraph(), p.label, size=12, color="5D6D7E")
    doc.add_paragraph()
    pairs = [
        (_w(p, "Phone"), p.phone_display),
        (_w(p, "E-mail"), p.email),
        (_w(p, "Address"), f"{p.city}, {p.region}"),
    ]
    pairs.append(("LinkedIn" if "linkedin" in p.links else "Web", _links(p)[0]))
    contact = doc.add_table(rows=2, cols=2)
    contact.style = "Table Grid"
    for (label, value), cell in zip(pairs, [c for r in contact.rows for c in r.cells]):
        par = cell.paragraphs[0]
        _run(par, f"{label}  ", bold=True, size=9, color="2E4053")
        _run(par, value, size=9)
    _h(doc, _w(p, "Profile"))
    doc.add_paragraph(p.summary)
    _h(doc, _w(p, "Experience"))
    for j in p.jobs:
        par = doc.add_paragraph()
        par.paragraph_format.space_after = 0
        _run(
            par,
            f"{_numeric(p, j.start, '{m:02d}/{y}')} – {_numeric(p, j.end, '{m:02d}/{y}')}",
            bold=True,
            size=9.5,
        )
        par = doc.add_paragraph()
        par.paragraph_format.space_after = 0
        _run(par, j.title, bold=True)
        _run(par, f" – {j.company} ({j.city})")
        for h in j.highlights:
            doc.add_paragraph(h, style="List Bullet")
    _h(doc, _w(p, "Education"))
    doc.add_paragraph(f"{p.school_years[0]} – {p.school_years[1]}: {p.degree}, {p.school}")
    _h(doc, _w(p, "Skills"))
    doc.add_paragraph(" | ".join(p.skills))
    doc.save(out)


def _h(doc, text: str):
    par = doc.add_paragraph()
    par.paragraph_format.space_before = Pt_(10)
    _run(par, text, bold=True, size=12.5, color="2E4053")
    return par


def Pt_(v):  # noqa: N802 - python-docx's Pt, imported late like the rest of this module's docx names
    from docx.shared import Pt

    return Pt(v)


def _in_content_control(par, tag: str, alias: str) -> None:
    """Move a body paragraph into a block-level content control (w:sdt), as Office's résumé
    templates hold their fields."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    sdt = OxmlElement("w:sdt")
    pr = OxmlElement("w:sdtPr")
    al = OxmlElement("w:alias")
    al.set(qn("w:val"), alias)
    tg = OxmlElement("w:tag")
    tg.set(qn("w:val"), tag)
    pr.append(al)
    pr.append(tg)
    content = OxmlElement("w:sdtContent")
    sdt.append(pr)
    sdt.append(content)
    par._p.addprevious(sdt)
    content.append(par._p)


def docx_contentcontrols(p: Person, out: Path) -> None:
    """Office's résumé-template style: the name, the contact line and each job's lines live in
    content controls (Word's fill-in fields); the contact line is 'City, Region · phone · e-mail'
    under the name, each job 'TITLE' (capitals) over 'Employer | Mar 2021 – Present'."""
    doc = _doc()
    par = doc.add_paragraph()
    _run(par, p.name.upper(), bold=True, size=24, color="7B241C")
    _in_content_control(par, "Name", "Your name")
    par = doc.add_paragraph()
    _run(par, f"{p.city}, {p.region} · {p.phone_display} · {p.email}", size=9.5)
    _in_content_control(par, "Contact", "Address | Phone | Email")
    if p.links:
        par = doc.add_paragraph()
        _run(par, "  ·  ".join(_links(p)), size=9.5, color="7B241C")
        _in_content_control(par, "Links", "Website")
    par = doc.add_paragraph()
    _run(par, p.summary, italic=True)
    _in_content_control(par, "Objective", "Objective")
    _h(doc, _w(p, "Experience").upper())
    for k, j in enumerate(p.jobs):
        par = doc.add_paragraph()
        par.paragraph_format.space_after = 0
        _run(par, j.title.upper(), bold=True)
        _in_content_control(par, f"JobTitle{k}", "Job title")
        par = doc.add_paragraph()
        par.paragraph_format.space_after = 0
        _run(par, f"{j.company} | {_month(p, j.start)} – {_month(p, j.end)}", color="595959")
        _in_content_control(par, f"Company{k}", "Company | Dates")
        par = doc.add_paragraph(f"{j.city}. " + " ".join(f"{h}." for h in j.highlights))
        _in_content_control(par, f"Details{k}", "Key responsibilities")
    _h(doc, _w(p, "Education").upper())
    par = doc.add_paragraph()
    _run(par, f"{p.degree.upper()} | {p.school_years[1]}", bold=True)
    doc.add_paragraph(p.school)
    _h(doc, _w(p, "Skills").upper())
    for s in p.skills:
        doc.add_paragraph(s, style="List Bullet")
    doc.save(out)


def _leaders_docx(p: Person, out: Path) -> None:
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Cm

    doc = _doc()
    par = doc.add_paragraph()
    _run(par, p.name, bold=True, size=20)
    par = doc.add_paragraph()
    _run(par, p.label, size=11, color="555555")
    bar = doc.add_table(rows=1, cols=3)
    bar.style = "Table Grid"
    for cell, value in zip(bar.rows[0].cells, [p.phone_display, p.email, f"{p.city}, {p.country_name}"]):
        _run(cell.paragraphs[0], value, size=9)
    if p.links:
        par = doc.add_paragraph()
        _run(par, "  ".join(_links(p)), size=8.5, color="555555")
    _h(doc, _w(p, "Experience"))
    for j in p.jobs:
        par = doc.add_paragraph()
        par.paragraph_format.space_after = 0
        par.paragraph_format.tab_stops.add_tab_stop(Cm(17), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        _run(par, f"{j.title}, {j.company}", bold=True)
        _run(par, f"\t{j.start[0]}–{j.end[0] if j.end else NOW[_lang(p)]}")
        par = doc.add_paragraph()
        _run(par, f"{j.city}: " + "; ".join(j.highlights), size=9.5)
    _h(doc, _w(p, "Education"))
    par = doc.add_paragraph()
    par.paragraph_format.tab_stops.add_tab_stop(Cm(17), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    _run(par, f"{p.degree}, {p.school}")
    _run(par, f"\t{p.school_years[0]}–{p.school_years[1]}")
    _h(doc, _w(p, "Skills"))
    cols = 3
    grid = doc.add_table(rows=(len(p.skills) + cols - 1) // cols, cols=cols)
    grid.style = "Table Grid"
    for cell, s in zip([c for r in grid.rows for c in r.cells], p.skills):
        _run(cell.paragraphs[0], f"▪ {s}", size=9.5)
    _h(doc, _w(p, "Profile"))
    doc.add_paragraph(p.summary)
    doc.save(out)


def lo_leaders(p: Person, out: Path) -> None:
    """Saved as PDF by LibreOffice: the contact details a ruled three-cell row under the name; each
    job 'Title, Employer' with the years at the right end of a dot leader, the city and duties
    under it; the skills a three-column grid."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (out.stem + ".docx")
        _leaders_docx(p, src)
        _soffice_pdf(src, out)


# ---------------------------------------------------------------- LaTeX: article + paracol


def tex_paracol(p: Person, out: Path) -> None:
    """A Deedy-like page on the article class with paracol: the name centred and light, one line
    'e-mail | phone | city, country | profile' under it; the narrow left column education, skills
    and links, the wide right column the jobs as 'TITLE at Employer' over 'Mar 2021 – Present | City'."""
    jobs = "".join(
        f"\\textbf{{\\MakeUppercase{{{esc(j.title)}}}}} at {esc(j.company)}\\\\\n"
        f"{{\\small\\color{{gray}}{esc(_month(p, j.start))} -- {esc(_month(p, j.end))} \\textbar\\ {esc(j.city)}}}\n"
        "\\begin{itemize}\\itemsep0pt\n"
        + "".join(f"\\item {esc(h)}\n" for h in j.highlights)
        + "\\end{itemize}\n\n"
        for j in p.jobs
    )
    links = "\\\\\n".join(f"\\href{{{u}}}{{{esc(u.split('//')[1])}}}" for u in p.links.values())
    skills = " \\\\ ".join(esc(s) for s in p.skills)
    first_link = (
        f" \\textbar\\ \\href{{{list(p.links.values())[0]}}}{{{esc(_links(p)[0])}}}" if p.links else ""
    )
    source = f"""\\documentclass[10pt,a4paper]{{article}}
\\usepackage{{fontspec}}
\\setmainfont{{TeX Gyre Heros}}
\\usepackage[margin=1.6cm]{{geometry}}
\\usepackage{{paracol,xcolor,enumitem}}
\\usepackage[hidelinks]{{hyperref}}
\\setlist{{leftmargin=1.2em,topsep=2pt}}
\\pagestyle{{empty}}
\\setlength{{\\parindent}}{{0pt}}
\\newcommand{{\\sect}}[1]{{\\vspace{{6pt}}{{\\large\\color{{teal}}\\MakeUppercase{{#1}}}}\\\\[-6pt]\\rule{{\\linewidth}}{{0.4pt}}\\\\}}
\\begin{{document}}
\\begin{{center}}
{{\\fontsize{{30}}{{34}}\\selectfont\\color{{darkgray}} {esc(p.name)}}}\\\\[4pt]
{{\\small \\href{{mailto:{p.email}}}{{{esc(p.email)}}} \\textbar\\ {esc(p.phone_display)} \\textbar\\ {esc(p.city)}, {esc(p.country_name)}{first_link}}}
\\end{{center}}
\\columnratio{{0.3}}
\\begin{{paracol}}{{2}}\\raggedright
\\sect{{{esc(_w(p, "Education"))}}}
\\textbf{{{esc(p.school)}}}\\\\
{esc(p.degree)}\\\\
{p.school_years[0]} -- {p.school_years[1]}\\\\

\\sect{{{esc(_w(p, "Skills"))}}}
{skills}\\\\

\\sect{{{esc(_w(p, "Links"))}}}
{{\\small {links}}}
\\switchcolumn
\\sect{{{esc(_w(p, "Experience"))}}}
{jobs}
\\sect{{{esc(_w(p, "Profile"))}}}
{esc(p.summary)}
\\end{{paracol}}
\\end{{document}}
"""
    compile_tex(source, out, engine="xelatex")


__all__ = [
    "docx_contentcontrols",
    "docx_europass",
    "docx_photoheader",
    "html_novoresume",
    "html_resumeio",
    "html_zety",
    "lo_leaders",
    "md_pandoc_html5",
    "md_pandoc_rtf",
    "tex_paracol",
]
