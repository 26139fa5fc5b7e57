"""Round 11's families (the blind round): public templates and tools no earlier round used.

- Two JSON Resume themes from the npm registry no earlier round rendered (jsonresume-theme-sceptile
  1.0.5, jsonresume-theme-lucide 1.1.0; jsonresume_r11/package.json), rendered by node and printed
  by chromium as the jsonresume folder's themes are.
- pandoc writers no earlier round used: Markdown through pandoc's ms writer, typeset by groff
  (-ms -Tps) and turned into PDF by ghostscript's ps2pdf; and Markdown to DOCX with a reference
  document of its own (serif body, coloured headings), the contact details a two-column table.
- LaTeX idioms: the KOMA-Script scrartcl class with a letterhead (the name left, a flushright
  contact block beside it) and the jobs an itemize of 'YYYY--YYYY: Title, Employer, City'; and
  the article class with the name in small capitals, the contact details one centred line, and
  the history a `tabbing` block (dates in the first stop, 'Employer, City' bold over the title).
- Word (python-docx): right tab stops (Employer and city on one line, the title and the dates on
  the next), and a two-column table whose left column holds the section names.
- An HTML page printed by chromium whose jobs are cards with a date badge ('03/2021 → now'), the
  contact details right-aligned label/value pairs in a header band.
- A Word file with the contact details in its page header, saved as PDF by LibreOffice, each job
  'Mar 2021 – present | Employer, City' over the title.

The Togolese résumés are in French, the Salvadoran ones in Spanish (headings, months, "now"),
except in the two JSON Resume themes, which print their own English words.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from families_r7 import _doc, _e, _html_pdf, _run
from families_r9 import _no_borders, _pandoc
from families_r10 import MONTHS, NOW, _lang, _month, _num, _tex_items, _w, _year
from families_tex import compile_tex, esc
from families_web import render
from makers import groff_pdf, soffice_convert
from people import Person

# `cp jsonresume_r11/package.json` there, then `npm install` (the themes round 11 adds).
NODE_DIR = Path("/tmp/milobot-jsonresume-r11")
LONG_MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
}
assert set(LONG_MONTHS) == set(MONTHS)


def _long(p: Person, ym) -> str:
    return NOW[_lang(p)] if ym is None else f"{LONG_MONTHS[_lang(p)][ym[1] - 1]} {ym[0]}"


# ---------------------------------------------------------------- JSON Resume themes (npm)


def jr(theme: str):
    return render(theme, NODE_DIR)


# ---------------------------------------------------------------- pandoc writers


def md_pandoc_ms(p: Person, out: Path) -> None:
    """Markdown through pandoc's ms writer, typeset by groff (-ms, PostScript) and made PDF by
    ps2pdf: the name the title, the title and contact details an author block, each job
    '## Title — Employer' over 'City, Mar 2021 – present'."""
    lines = ["---", f'title: "{p.name}"', "author:", f'- "{p.label}"']
    lines += [f'- "{p.street}, {p.postcode} {p.city}, {p.region}"', f'- "{p.phone_display} · {p.email}"']
    lines += [f'- "{u}"' for u in p.links.values()]
    lines += [f"lang: {p.language}", "---", "", f"# {_w(p, 'Profile')}", "", p.summary, ""]
    lines += [f"# {_w(p, 'Experience')}", ""]
    for j in p.jobs:
        lines += [
            f"## {j.title} — {j.company}",
            "",
            f"{j.city}, {_month(p, j.start)} – {_month(p, j.end)}",
            "",
        ]
        lines += [f"- {h}" for h in j.highlights] + [""]
    lines += [
        f"# {_w(p, 'Education')}",
        "",
        f"{p.degree}, {p.school}, {p.school_years[0]}–{p.school_years[1]}",
        "",
    ]
    lines += [f"# {_w(p, 'Skills')}", "", ", ".join(p.skills), ""]
    with tempfile.TemporaryDirectory() as tmp:
        ms = Path(tmp) / "resume.ms"
        _pandoc("\n".join(lines), "ms", ms)
        groff_pdf(ms, out, "-ms", "-Tps", "-Kutf8", "-dpaper=a4", "-P-pa4")


def _reference_docx(folder: Path) -> Path:
    """pandoc's default reference.docx with styles of its own: a serif body, a large Title,
    headings in dark teal small capitals."""
    from docx import Document
    from docx.shared import Pt, RGBColor

    ref = folder / "reference.docx"
    ref.write_bytes(
        subprocess.run(
            ["pandoc", "--print-default-data-file", "reference.docx"], check=True, capture_output=True
        ).stdout
    )
    doc = Document(str(ref))
    doc.styles["Normal"].font.name = "Georgia"
    doc.styles["Body Text"].font.name = "Georgia"
    doc.styles["Title"].font.size = Pt(26)
    doc.styles["Title"].font.color.rgb = RGBColor.from_string("1B4D4F")
    # pandoc's file spells "Heading 1" where python-docx looks the name up as "heading 1".
    for style in (s for s in doc.styles if s.name in ("Heading 1", "Heading 2")):
        style.font.small_caps = True
        style.font.color.rgb = RGBColor.from_string("1B4D4F")
    doc.save(str(ref))
    return ref


def md_pandoc_refdocx(p: Person, out: Path) -> None:
    """Markdown to DOCX by pandoc with a custom reference document: the name the title, the
    title the subtitle, the contact details a two-column table (label | value), each job
    '## Employer, City' over '**Title** · March 2021 – present'."""
    lines = ["---", f'title: "{p.name}"', f'subtitle: "{p.label}"', f"lang: {p.language}", "---", ""]
    rows = [
        (_w(p, "Address"), f"{p.street}, {p.postcode} {p.city}, {p.country_name}"),
        (_w(p, "Phone"), p.phone_display),
        (_w(p, "E-mail"), p.email),
    ] + [(k.capitalize(), u) for k, u in p.links.items()]
    lines += ["|   |   |", "|---|---|"] + [f"| {k} | {v} |" for k, v in rows] + [""]
    lines += [f"# {_w(p, 'Profile')}", "", p.summary, "", f"# {_w(p, 'Experience')}", ""]
    for j in p.jobs:
        lines += [
            f"## {j.company}, {j.city}",
            "",
            f"**{j.title}** · {_long(p, j.start)} – {_long(p, j.end)}",
            "",
        ]
        lines += [f"- {h}" for h in j.highlights] + [""]
    lines += [
        f"# {_w(p, 'Education')}",
        "",
        f"{p.degree}, {p.school} ({p.school_years[0]}–{p.school_years[1]})",
        "",
    ]
    lines += [f"# {_w(p, 'Skills')}", "", ", ".join(p.skills), ""]
    with tempfile.TemporaryDirectory() as tmp:
        ref = _reference_docx(Path(tmp))
        _pandoc("\n".join(lines), "docx", out.resolve(), [f"--reference-doc={ref}"])


# ---------------------------------------------------------------- LaTeX idioms

_KOMA_LANG = {
    "en": "",
    "fr": "\\usepackage{polyglossia}\\setdefaultlanguage{french}\n",
    "es": "\\usepackage{polyglossia}\\setdefaultlanguage{spanish}\n",
}


def tex_koma_letterhead(p: Person, out: Path) -> None:
    """KOMA-Script scrartcl (XeLaTeX): a letterhead (the name and title left, a flushright block
    of contact lines beside it, a rule), the jobs an itemize of 'Title, Employer, City' with the
    years first ('2019--2022: ')."""
    jobs = "\n".join(
        f"\\item[{_year(p, j.start)}--{_year(p, j.end)}:] \\textbf{{{esc(j.title)}}}, {esc(j.company)}, {esc(j.city)}"
        f"{_tex_items(j.highlights)}"
        for j in p.jobs
    )
    links = "\\\\".join(f"\\href{{{u}}}{{{esc(u.split('//')[1])}}}" for u in p.links.values())
    src = f"""\\documentclass[fontsize=10pt,paper=a4]{{scrartcl}}
\\usepackage{{fontspec}}\\usepackage[margin=2cm]{{geometry}}\\usepackage[hidelinks]{{hyperref}}
{_KOMA_LANG[_lang(p)]}\\pagestyle{{empty}}\\setlength{{\\parindent}}{{0pt}}
\\begin{{document}}
\\begin{{minipage}}[b]{{0.55\\textwidth}}
{{\\sffamily\\fontsize{{24}}{{28}}\\selectfont {esc(p.name)}}}\\\\[3pt]
{{\\sffamily\\large {esc(p.label)}}}
\\end{{minipage}}\\hfill
\\begin{{minipage}}[b]{{0.4\\textwidth}}\\begin{{flushright}}\\footnotesize
{esc(p.street)}\\\\ {esc(p.postcode)} {esc(p.city)}\\\\ {esc(p.country_name)}\\\\
Tel. {esc(p.phone_display)}\\\\ \\href{{mailto:{p.email}}}{{{esc(p.email)}}}\\\\ {links}
\\end{{flushright}}\\end{{minipage}}

\\rule{{\\textwidth}}{{1pt}}
\\section*{{{_w(p, "Profile")}}}
{esc(p.summary)}
\\section*{{{_w(p, "Experience")}}}
\\begin{{itemize}}
{jobs}
\\end{{itemize}}
\\section*{{{_w(p, "Education")}}}
{esc(p.degree)}, {esc(p.school)}, {p.school_years[0]}--{p.school_years[1]}
\\section*{{{_w(p, "Skills")}}}
{esc(", ".join(p.skills))}
\\end{{document}}
"""
    compile_tex(src, out, engine="xelatex")


def tex_tabbing(p: Person, out: Path) -> None:
    """article (XeLaTeX): the name in small capitals centred, the contact details one centred
    line joined by bullets, the history a tabbing block: 'Mar 2021 -- present' at the first stop,
    '\\textbf{Employer}, City' beside it, the title in italics under the employer."""
    contact = [f"{p.city}, {p.region}", p.phone_display, f"\\href{{mailto:{p.email}}}{{{esc(p.email)}}}"]
    contact += [f"\\href{{{u}}}{{{esc(u.split('//')[1])}}}" for u in p.links.values()]
    contact_line = " \\textbullet{} ".join(c if c.startswith("\\href") else esc(c) for c in contact)
    jobs = "\\\\[6pt]\n".join(
        f"{_month(p, j.start)} -- {_month(p, j.end)} \\> \\textbf{{{esc(j.company)}}}, {esc(j.city)}\\\\\n"
        f"\\> \\textit{{{esc(j.title)}}}"
        for j in p.jobs
    )
    src = f"""\\documentclass[11pt]{{article}}
\\usepackage{{fontspec}}\\usepackage[a4paper,margin=2.2cm]{{geometry}}\\usepackage[hidelinks]{{hyperref}}
{_KOMA_LANG[_lang(p)]}\\pagestyle{{empty}}\\setlength{{\\parindent}}{{0pt}}
\\begin{{document}}
\\begin{{center}}
{{\\LARGE\\scshape {esc(p.name)}}}\\\\[4pt]
{esc(p.label)}\\\\[4pt]
\\small {contact_line}
\\end{{center}}
\\subsection*{{{_w(p, "Experience")}}}
\\begin{{tabbing}}
\\hspace{{4.2cm}}\\=\\kill
{jobs}
\\end{{tabbing}}
\\subsection*{{{_w(p, "Education")}}}
\\begin{{tabbing}}
\\hspace{{4.2cm}}\\=\\kill
{p.school_years[0]} -- {p.school_years[1]} \\> \\textbf{{{esc(p.school)}}}\\\\
\\> \\textit{{{esc(p.degree)}}}
\\end{{tabbing}}
\\subsection*{{{_w(p, "Skills")}}}
{esc(", ".join(p.skills))}
\\end{{document}}
"""
    compile_tex(src, out, engine="xelatex")


# ---------------------------------------------------------------- Word (python-docx)


def _right_tab(par, cm: float = 17.0) -> None:
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Cm

    par.paragraph_format.tab_stops.add_tab_stop(Cm(cm), WD_TAB_ALIGNMENT.RIGHT)


def docx_tabstops(p: Person, out: Path) -> None:
    """Word with right tab stops: the name centred, one contact line joined by ' | ', each job
    'Employer<TAB>City' bold over 'Title<TAB>March 2021 – present' in italics."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = _doc()
    name = doc.add_paragraph()
    name.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(name, p.name, bold=True, size=20)
    contact = doc.add_paragraph()
    contact.alignment = WD_ALIGN_PARAGRAPH.CENTER
    parts = [f"{p.city}, {p.region}, {p.country_name}", p.phone_display, p.email]
    parts += [u.split("//")[1] for u in p.links.values()]
    _run(contact, " | ".join(parts), size=9)
    doc.add_heading(_w(p, "Profile"), level=1)
    doc.add_paragraph(p.summary)
    doc.add_heading(_w(p, "Experience"), level=1)
    for j in p.jobs:
        first = doc.add_paragraph()
        _right_tab(first)
        _run(first, j.company, bold=True)
        _run(first, f"\t{j.city}")
        second = doc.add_paragraph()
        _right_tab(second)
        _run(second, j.title, italic=True)
        _run(second, f"\t{_long(p, j.start)} – {_long(p, j.end)}", italic=True)
        for h in j.highlights:
            doc.add_paragraph(h, style="List Bullet")
    doc.add_heading(_w(p, "Education"), level=1)
    par = doc.add_paragraph()
    _right_tab(par)
    _run(par, f"{p.school}, {p.degree}")
    _run(par, f"\t{p.school_years[0]} – {p.school_years[1]}")
    doc.add_heading(_w(p, "Skills"), level=1)
    doc.add_paragraph(", ".join(p.skills))
    doc.save(out)


def docx_sidelabels(p: Person, out: Path) -> None:
    """Word: the name and title, then a borderless two-column table whose left column holds the
    section names in capitals and the right one their content; contact details first as lines,
    each job 'Title, Employer' bold over '2019 – 2022 · City'."""
    from docx.shared import Cm

    doc = _doc()
    _run(doc.add_paragraph(), p.name, bold=True, size=24, color="2E3A59")
    _run(doc.add_paragraph(), p.label, size=13, color="6B7280")
    table = doc.add_table(rows=0, cols=2)
    _no_borders(table)

    def section(label: str):
        left, right = table.add_row().cells
        left.width, right.width = Cm(3.8), Cm(13.2)
        _run(left.paragraphs[0], label.upper(), bold=True, size=9, color="2E3A59")
        return right

    cell = section(_w(p, "Contact"))
    lines = [f"{p.street}, {p.postcode} {p.city}", f"{p.region}, {p.country_name}", p.phone_display, p.email]
    lines += [u.split("//")[1] for u in p.links.values()]
    for k, line in enumerate(lines):
        _run(cell.paragraphs[0] if k == 0 else cell.add_paragraph(), line)
    cell = section(_w(p, "Profile"))
    cell.paragraphs[0].add_run(p.summary)
    cell = section(_w(p, "Experience"))
    for k, j in enumerate(p.jobs):
        _run(cell.paragraphs[0] if k == 0 else cell.add_paragraph(), f"{j.title}, {j.company}", bold=True)
        _run(cell.add_paragraph(), f"{_year(p, j.start)} – {_year(p, j.end)} · {j.city}", color="6B7280")
        for h in j.highlights:
            cell.add_paragraph(f"– {h}")
    cell = section(_w(p, "Education"))
    cell.paragraphs[0].add_run(f"{p.degree}, {p.school}, {p.school_years[0]} – {p.school_years[1]}")
    cell = section(_w(p, "Skills"))
    cell.paragraphs[0].add_run(", ".join(p.skills))
    doc.save(out)


# ---------------------------------------------------------------- HTML printed by chromium

_CARDS_CSS = """
@page { size: A4; margin: 14mm; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; color: #222; margin: 0; }
header { display: flex; justify-content: space-between; align-items: flex-end;
  background: #f1f5f9; padding: 14px 18px; border-radius: 6px; }
header h1 { margin: 0; font-size: 25pt; font-weight: 600; }
header .label { color: #475569; font-size: 12pt; }
dl { display: grid; grid-template-columns: auto auto; gap: 2px 8px; margin: 0; font-size: 8.5pt; }
dt { color: #64748b; text-align: right; } dd { margin: 0; }
h2 { font-size: 11pt; text-transform: uppercase; letter-spacing: 1px; color: #0f766e; margin: 18px 0 6px; }
.card { border: 1px solid #cbd5e1; border-radius: 6px; padding: 8px 12px; margin-bottom: 8px; }
.badge { float: right; background: #0f766e; color: white; border-radius: 10px; padding: 1px 8px; font-size: 8.5pt; }
.card h3 { margin: 0; font-size: 11pt; } .card .where { color: #475569; }
ul { margin: 4px 0 0 16px; padding: 0; }
"""


def html_cards(p: Person, out: Path) -> None:
    """A page printed by chromium: a header band with the name and title left and the contact
    details right as label/value pairs; each job a card with a date badge at the right
    ('03/2021 → now'), the title as its heading and 'Employer · City' under it."""
    now = {"en": "now", "fr": "auj.", "es": "hoy"}[_lang(p)]

    def badge(ym):
        return now if ym is None else _num(p, ym)

    jobs = "".join(
        f"<div class=card><span class=badge>{badge(j.start)} → {badge(j.end)}</span><h3>{_e(j.title)}</h3>"
        f"<div class=where>{_e(j.company)} · {_e(j.city)}</div>"
        f"<ul>{''.join(f'<li>{_e(h)}</li>' for h in j.highlights)}</ul></div>"
        for j in p.jobs
    )
    pairs = [
        (_w(p, "Address"), f"{p.city}, {p.region}"),
        (_w(p, "Phone"), p.phone_display),
        (_w(p, "E-mail"), f'<a href="mailto:{p.email}">{_e(p.email)}</a>'),
    ]
    pairs += [(k.capitalize(), f'<a href="{u}">{_e(u.split("//")[1])}</a>') for k, u in p.links.items()]
    contact = "".join(f"<dt>{_e(k)}</dt><dd>{v if v.startswith('<a') else _e(v)}</dd>" for k, v in pairs)
    page = f"""<!doctype html><html lang="{p.language}"><head><meta charset="utf-8"><title>{_e(p.name)}</title>
<style>{_CARDS_CSS}</style></head><body>
<header><div><h1>{_e(p.name)}</h1><div class=label>{_e(p.label)}</div></div><dl>{contact}</dl></header>
<h2>{_e(_w(p, "Profile"))}</h2><p>{_e(p.summary)}</p>
<h2>{_e(_w(p, "Experience"))}</h2>{jobs}
<h2>{_e(_w(p, "Education"))}</h2><p>{_e(p.degree)}, {_e(p.school)} ({p.school_years[0]}–{p.school_years[1]})</p>
<h2>{_e(_w(p, "Skills"))}</h2><p>{_e(" · ".join(p.skills))}</p>
</body></html>
"""
    _html_pdf(page, out)


# ---------------------------------------------------------------- Word saved as PDF by LibreOffice


def lo_wordheader(p: Person, out: Path) -> None:
    """A Word file whose page header holds the name (left) and the contact lines, saved as PDF by
    LibreOffice: each job a bold line 'Mar 2021 – present | Employer, City' over the title."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = _doc()
    header = doc.sections[0].header
    _run(header.paragraphs[0], p.name, bold=True, size=18, color="7A1F2B")
    line = header.add_paragraph()
    _run(line, f"{p.label} — {p.street}, {p.postcode} {p.city}, {p.country_name}", size=8.5)
    line = header.add_paragraph()
    extra = [u.split("//")[1] for u in p.links.values()]
    _run(line, " · ".join([p.phone_display, p.email, *extra]), size=8.5)
    for par in header.paragraphs:
        par.alignment = WD_ALIGN_PARAGRAPH.LEFT
    doc.add_heading(_w(p, "Profile"), level=2)
    doc.add_paragraph(p.summary)
    doc.add_heading(_w(p, "Experience"), level=2)
    for j in p.jobs:
        _run(
            doc.add_paragraph(),
            f"{_month(p, j.start)} – {_month(p, j.end)} | {j.company}, {j.city}",
            bold=True,
        )
        _run(doc.add_paragraph(), j.title, italic=True)
        for h in j.highlights:
            doc.add_paragraph(h, style="List Bullet")
    doc.add_heading(_w(p, "Education"), level=2)
    doc.add_paragraph(f"{p.school_years[0]} – {p.school_years[1]} | {p.school}, {p.degree}")
    doc.add_heading(_w(p, "Skills"), level=2)
    doc.add_paragraph(", ".join(p.skills))
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "resume.docx"
        doc.save(str(src))
        soffice_convert(src, out, tmp, "pdf:writer_pdf_Export")
