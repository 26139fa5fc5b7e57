"""Round 12's families (the blind round): public templates and tools no earlier round used.

- Two JSON Resume themes from the npm registry no earlier round rendered
  (jsonresume-theme-modern 0.0.18, jsonresume-theme-crisp 0.2.12; jsonresume_r12/package.json),
  rendered by node and printed by chromium as the jsonresume folder's themes are.
- groff's mom macros (-mom, PostScript, ps2pdf), written by hand as a groff user would: the name a
  centred title, the contact details one line under it, each job 'Employer — City' in bold with
  the dates quadded right on the same line, the title on the line below.
- LaTeX idioms: the article class with the history a `description` list (the employer the item's
  label, 'Title, City' after it and the dates '(03/2021 – present)' at the line's end); and a
  two-column page by the multicol package, the contact details a right-aligned block beside the
  name, the jobs 'Title' over 'Employer · City' over 'Mar 2021 – present'.
- Word (python-docx): a hanging-indent history (dates at the margin, a left tab stop,
  'Title, Employer, City' beside them) with the contact details at the END of the document; and a
  numbered list of jobs 'Title at Employer (City), 2019–2022' under the built-in Title/Subtitle.
- HTML printed by chromium: the contact details in a right-hand aside, each job
  'Employer — Title' over 'City · 2021 – present'; and a page whose contact details are a
  footer repeated at the bottom of every printed page, the jobs a definition list (the dates the
  term, '<b>Employer</b>, City — Title' the description).
- An RTF file written by hand (as WordPad saves it) and made PDF by LibreOffice: the name,
  contact details in two lines, each job 'Title — Employer' with the city right-tabbed, the dates
  'Mar. 2021 - Present' on the next line.

The Malian résumés are in French, the Venezuelan ones in Spanish (headings, months, "now"),
except in the two JSON Resume themes, which print their own English words.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from families_r7 import _doc, _e, _html_pdf, _links, _run
from families_r10 import _TEX_LANG, _lang, _month, _num, _tex_items, _w, _year
from families_tex import compile_tex, esc
from families_web import render
from makers import composed_glyphs, groff_esc, groff_pdf, soffice_convert
from people import Person

# `cp jsonresume_r12/package.json` there, then `npm install` (the themes round 12 adds).
NODE_DIR = Path("/tmp/milobot-jsonresume-r12")


# ---------------------------------------------------------------- JSON Resume themes (npm)


def jr(theme: str):
    return render(theme, NODE_DIR)


# ---------------------------------------------------------------- groff mom


# The PostScript Times groff prints with has no Č, Ć, Ś, Ź or Ŭ: a groff user with such a name
# builds them from the letter and the accent (.fchar applies only where the font lacks the glyph).
_ACCENTS = {"030C": "ah", "0301": "aa", "0306": "ab"}
_FALLBACK_GLYPHS = [
    glyph for mark, accent in _ACCENTS.items() for glyph in composed_glyphs("CcSsZzUuNnEe", mark, accent)
]


def groff_mom(p: Person, out: Path) -> None:
    """groff -mom by hand: the name a centred title, the contact details one centred line, each
    job '\\f[B]Employer — City\\f[]' with the dates quadded right on that line, the title under it."""
    g = groff_esc
    lines = [
        ".PRINTSTYLE TYPESET",
        *_FALLBACK_GLYPHS,
        ".PAPER A4",
        ".L_MARGIN 2c",
        ".R_MARGIN 2c",
        ".T_MARGIN 2c",
        ".FAMILY T",
        ".PT_SIZE 11",
        ".LS 14",
        ".START",
        ".QUAD CENTER",
        f".PT_SIZE 22\n\\f[B]{g(p.name)}\\f[]",
        ".PT_SIZE 11",
        ".BR",
        g(p.label),
        ".BR",
        g(" · ".join([f"{p.city}, {p.country_name}", p.phone_display, p.email, *_links(p)])),
        ".QUAD JUSTIFY",
        ".SP",
        f'.HEADING 1 "{_w(p, "Profile")}"',
        ".PP",
        g(p.summary),
        f'.HEADING 1 "{_w(p, "Experience")}"',
    ]
    for j in p.jobs:
        lines += [
            ".PP",
            '.PAD "\\f[B]'
            + g(f"{j.company} — {j.city}")
            + "\\f[]#"
            + g(f"{_month(p, j.start)} – {_month(p, j.end)}")
            + '"',
            ".BR",
            "\\f[I]" + g(j.title) + "\\f[]",
            ".LIST BULLET",
        ]
        for h in j.highlights:
            lines += [".ITEM", g(h)]
        lines += [".LIST OFF"]
    lines += [
        f'.HEADING 1 "{_w(p, "Education")}"',
        ".PP",
        g(f"{p.degree}, {p.school}, {p.school_years[0]}–{p.school_years[1]}"),
        f'.HEADING 1 "{_w(p, "Skills")}"',
        ".PP",
        g(", ".join(p.skills)),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "resume.mom"
        src.write_text("\n".join(lines) + "\n", encoding="utf-8")
        groff_pdf(src, out, "-mom", "-Tps", "-Kutf8", "-P-pa4")


# ---------------------------------------------------------------- LaTeX idioms (XeLaTeX)


def tex_description(p: Person, out: Path) -> None:
    """article: the name bold and large flush left, the contact details in two lines under a
    rule, the history a description list '\\item[Employer] Title, City \\hfill (03/2021 – present)'."""
    contact1 = f"{esc(p.street)}, {esc(p.postcode)} {esc(p.city)}, {esc(p.region)}, {esc(p.country_name)}"
    contact2 = " \\quad ".join(
        [esc(p.phone_display), f"\\href{{mailto:{p.email}}}{{{esc(p.email)}}}"]
        + [f"\\url{{{u}}}" for u in p.links.values()]
    )
    jobs = "\n".join(
        f"\\item[{esc(j.company)}] {esc(j.title)}, {esc(j.city)} \\hfill ({_num(p, j.start)} -- {_num(p, j.end)})"
        f"{_tex_items(j.highlights)}"
        for j in p.jobs
    )
    src = f"""\\documentclass[10pt,a4paper]{{article}}
\\usepackage{{fontspec}}\\usepackage[margin=2cm]{{geometry}}\\usepackage[hidelinks]{{hyperref}}
{_TEX_LANG[_lang(p)]}\\pagestyle{{empty}}\\setlength{{\\parindent}}{{0pt}}
\\begin{{document}}
{{\\Huge\\bfseries {esc(p.name)}}}\\\\[2pt]
{{\\large {esc(p.label)}}}\\\\[-4pt]
\\rule{{\\textwidth}}{{0.6pt}}\\\\
{{\\small {contact1}\\\\ {contact2}}}
\\section*{{{_w(p, "Profile")}}}
{esc(p.summary)}
\\section*{{{_w(p, "Experience")}}}
\\begin{{description}}
{jobs}
\\end{{description}}
\\section*{{{_w(p, "Education")}}}
\\begin{{description}}
\\item[{esc(p.school)}] {esc(p.degree)} \\hfill ({p.school_years[0]} -- {p.school_years[1]})
\\end{{description}}
\\section*{{{_w(p, "Skills")}}}
{esc(", ".join(p.skills))}
\\end{{document}}
"""
    compile_tex(src, out, engine="xelatex")


def tex_multicol(p: Person, out: Path) -> None:
    """article with multicol: the name and title left, a flushright contact block beside them,
    then the whole body in two balanced columns; each job the title bold over 'Employer · City'
    over 'Mar 2021 – present' in grey."""
    contact = "\\\\".join(
        [
            esc(f"{p.city}, {p.country_name}"),
            esc(p.phone_display),
            f"\\href{{mailto:{p.email}}}{{{esc(p.email)}}}",
        ]
        + [esc(u) for u in _links(p)]
    )
    jobs = "\n\n".join(
        f"\\textbf{{{esc(j.title)}}}\\\\ {esc(j.company)} · {esc(j.city)}\\\\ "
        f"{{\\color{{gray}}\\small {_month(p, j.start)} -- {_month(p, j.end)}}}{_tex_items(j.highlights)}"
        for j in p.jobs
    )
    src = f"""\\documentclass[10pt,a4paper]{{article}}
\\usepackage{{fontspec}}\\usepackage[margin=1.8cm]{{geometry}}\\usepackage[hidelinks]{{hyperref}}
\\usepackage{{multicol}}\\usepackage{{xcolor}}
{_TEX_LANG[_lang(p)]}\\pagestyle{{empty}}\\setlength{{\\parindent}}{{0pt}}\\setlength{{\\columnsep}}{{8mm}}
\\begin{{document}}
\\begin{{minipage}}[t]{{0.6\\textwidth}}
{{\\fontsize{{26}}{{30}}\\selectfont {esc(p.name)}}}\\\\[4pt]
{{\\large\\color{{gray}} {esc(p.label)}}}
\\end{{minipage}}\\hfill
\\begin{{minipage}}[t]{{0.36\\textwidth}}\\raggedleft\\small
{contact}
\\end{{minipage}}

\\vspace{{10pt}}\\hrule\\vspace{{6pt}}
\\begin{{multicols}}{{2}}
\\subsection*{{{_w(p, "Profile")}}}
{esc(p.summary)}
\\subsection*{{{_w(p, "Experience")}}}
{jobs}
\\subsection*{{{_w(p, "Education")}}}
\\textbf{{{esc(p.degree)}}}\\\\ {esc(p.school)}\\\\ {p.school_years[0]} -- {p.school_years[1]}
\\subsection*{{{_w(p, "Skills")}}}
{esc(", ".join(p.skills))}
\\end{{multicols}}
\\end{{document}}
"""
    compile_tex(src, out, engine="xelatex")


# ---------------------------------------------------------------- Word (python-docx)


def docx_hanging(p: Person, out: Path) -> None:
    """Word: the name and title, the history in hanging-indent paragraphs ('2019 – 2022' at the
    margin, a left tab stop, 'Title, Employer, City' beside it), and the contact details last,
    under a heading of their own at the end of the document."""
    from docx.shared import Cm

    doc = _doc()
    _run(doc.add_paragraph(), p.name, bold=True, size=22)
    _run(doc.add_paragraph(), p.label, italic=True, size=12)
    doc.add_heading(_w(p, "Profile"), level=1)
    doc.add_paragraph(p.summary)
    doc.add_heading(_w(p, "Experience"), level=1)

    def hanging(left: str, right: str, bold: bool = True):
        par = doc.add_paragraph()
        fmt = par.paragraph_format
        fmt.left_indent, fmt.first_line_indent = Cm(3.5), Cm(-3.5)
        fmt.tab_stops.add_tab_stop(Cm(3.5))
        _run(par, left + "\t")
        _run(par, right, bold=bold)
        return par

    for j in p.jobs:
        hanging(f"{_year(p, j.start)} – {_year(p, j.end)}", f"{j.title}, {j.company}, {j.city}")
        for h in j.highlights:
            par = doc.add_paragraph(f"• {h}")
            par.paragraph_format.left_indent = Cm(3.5)
    doc.add_heading(_w(p, "Education"), level=1)
    hanging(f"{p.school_years[0]} – {p.school_years[1]}", f"{p.degree}, {p.school}", bold=False)
    doc.add_heading(_w(p, "Skills"), level=1)
    doc.add_paragraph(", ".join(p.skills))
    doc.add_heading(_w(p, "Contact"), level=1)
    for line in [
        f"{p.street}, {p.postcode} {p.city}, {p.region}, {p.country_name}",
        f"{_w(p, 'Phone')}: {p.phone_display}",
        f"{_w(p, 'E-mail')}: {p.email}",
        *_links(p),
    ]:
        doc.add_paragraph(line)
    doc.save(out)


_AT = {"en": "at", "fr": "chez", "es": "en"}


def docx_numbered(p: Person, out: Path) -> None:
    """Word's built-in Title and Subtitle (the name, then 'title · city · phone · e-mail'), the
    jobs a numbered list 'Title at Employer (City), 2019–2022' with the highlights as text under."""
    doc = _doc()
    doc.add_paragraph(p.name, style="Title")
    doc.add_paragraph(
        " · ".join([p.label, f"{p.city}, {p.country_name}", p.phone_display, p.email, *_links(p)]),
        style="Subtitle",
    )
    doc.add_heading(_w(p, "Profile"), level=1)
    doc.add_paragraph(p.summary)
    doc.add_heading(_w(p, "Experience"), level=1)
    for j in p.jobs:
        doc.add_paragraph(
            f"{j.title} {_AT[_lang(p)]} {j.company} ({j.city}), {_year(p, j.start)}–{_year(p, j.end)}",
            style="List Number",
        )
        doc.add_paragraph("; ".join(j.highlights) + ".")
    doc.add_heading(_w(p, "Education"), level=1)
    doc.add_paragraph(f"{p.degree}, {p.school}, {p.school_years[0]}–{p.school_years[1]}")
    doc.add_heading(_w(p, "Skills"), level=1)
    doc.add_paragraph(", ".join(p.skills))
    doc.save(out)


# ---------------------------------------------------------------- HTML printed by chromium

_ASIDE_CSS = """
@page { size: A4; margin: 0; }
body { font-family: "DejaVu Serif", serif; font-size: 10pt; margin: 0; display: flex; }
main { flex: 1; padding: 16mm 10mm 14mm 16mm; }
aside { width: 72mm; background: #fdf6e3; padding: 16mm 6mm; font-family: "DejaVu Sans", sans-serif;
  font-size: 8pt; min-height: 297mm; box-sizing: border-box; }
aside a { white-space: nowrap; color: inherit; }
aside h3 { font-size: 9pt; text-transform: uppercase; color: #8a5a00; margin: 12px 0 4px; }
h1 { font-size: 26pt; margin: 0; } .label { color: #8a5a00; font-size: 12pt; margin-bottom: 10px; }
h2 { font-size: 12pt; border-bottom: 1px solid #d4c5a0; margin: 16px 0 6px; }
.job { margin-bottom: 8px; } .job .head { font-weight: bold; } .job .sub { color: #666; font-size: 9pt; }
ul { margin: 3px 0 0 16px; padding: 0; }
"""


def html_aside(p: Person, out: Path) -> None:
    """A page printed by chromium with the contact details in a right-hand tinted aside (address
    lines, phone, e-mail, links, skills), each job 'Employer — Title' bold over 'City · Mar 2021 –
    present'."""
    jobs = "".join(
        f"<div class=job><div class=head>{_e(j.company)} — {_e(j.title)}</div>"
        f"<div class=sub>{_e(j.city)} · {_month(p, j.start)} – {_month(p, j.end)}</div>"
        f"<ul>{''.join(f'<li>{_e(h)}</li>' for h in j.highlights)}</ul></div>"
        for j in p.jobs
    )
    links = "".join(f'<div><a href="{u}">{_e(u.split("//")[1])}</a></div>' for u in p.links.values())
    page = f"""<!doctype html><html lang="{p.language}"><head><meta charset="utf-8"><title>{_e(p.name)}</title>
<style>{_ASIDE_CSS}</style></head><body>
<main><h1>{_e(p.name)}</h1><div class=label>{_e(p.label)}</div>
<h2>{_e(_w(p, "Profile"))}</h2><p>{_e(p.summary)}</p>
<h2>{_e(_w(p, "Experience"))}</h2>{jobs}
<h2>{_e(_w(p, "Education"))}</h2><p>{_e(p.degree)}<br>{_e(p.school)}, {p.school_years[0]}–{p.school_years[1]}</p></main>
<aside><h3>{_e(_w(p, "Contact"))}</h3><div>{_e(p.street)}</div><div>{_e(p.postcode)} {_e(p.city)}</div>
<div>{_e(p.country_name)}</div><div>{_e(p.phone_display)}</div>
<div><a href="mailto:{p.email}">{_e(p.email)}</a></div>{links}
<h3>{_e(_w(p, "Skills"))}</h3>{"".join(f"<div>{_e(s)}</div>" for s in p.skills)}</aside>
</body></html>
"""
    _html_pdf(page, out)


_DL_CSS = """
@page { size: A4; margin: 15mm 16mm 24mm 16mm; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; color: #1f2937; margin: 0; }
h1 { font-size: 24pt; margin: 0 0 2px; letter-spacing: 0.5px; } .label { font-size: 12pt; color: #4b5563; }
h2 { font-size: 10.5pt; font-variant: small-caps; color: #1d4ed8; margin: 16px 0 6px; }
dl { display: grid; grid-template-columns: 38mm 1fr; gap: 8px 10px; margin: 0; }
dt { color: #4b5563; } dd { margin: 0; } dd ul { margin: 3px 0 0 14px; padding: 0; }
"""


def html_dlfooter(p: Person, out: Path) -> None:
    """A page printed by chromium whose contact details are a footer repeated at the bottom of
    every printed page; the jobs a definition list, the dates the term ('03.2021 – present') and
    '<b>Employer</b>, City — Title' the description."""
    jobs = "".join(
        f"<dt>{_num(p, j.start, '.')} – {_num(p, j.end, '.')}</dt>"
        f"<dd><b>{_e(j.company)}</b>, {_e(j.city)} — {_e(j.title)}"
        f"<ul>{''.join(f'<li>{_e(h)}</li>' for h in j.highlights)}</ul></dd>"
        for j in p.jobs
    )
    # A page margin box (CSS Paged Media, chromium 131+): the line is printed in every page's foot.
    line = " | ".join(
        [f"{p.street}, {p.postcode} {p.city}, {p.country_name}", p.phone_display, p.email, *_links(p)]
    )
    quoted = line.replace("\\", "\\\\").replace('"', '\\"')
    footer = (
        '@page { @bottom-center { content: "' + quoted + "\"; font-family: 'DejaVu Sans', sans-serif;"
        " font-size: 8.5pt; color: #374151; border-top: 1px solid #9ca3af; } }"
    )
    page = f"""<!doctype html><html lang="{p.language}"><head><meta charset="utf-8"><title>{_e(p.name)}</title>
<style>{_DL_CSS}{footer}</style></head><body>
<h1>{_e(p.name)}</h1><div class=label>{_e(p.label)}</div>
<h2>{_e(_w(p, "Profile"))}</h2><p>{_e(p.summary)}</p>
<h2>{_e(_w(p, "Experience"))}</h2><dl>{jobs}</dl>
<h2>{_e(_w(p, "Education"))}</h2><dl><dt>{p.school_years[0]} – {p.school_years[1]}</dt><dd><b>{_e(p.school)}</b> — {_e(p.degree)}</dd></dl>
<h2>{_e(_w(p, "Skills"))}</h2><p>{_e(", ".join(p.skills))}</p>
</body></html>
"""
    _html_pdf(page, out)


# ---------------------------------------------------------------- RTF by hand, PDF by LibreOffice

_PRESENT = {"en": "Present", "fr": "aujourd'hui", "es": "actualidad"}
_SHORT = {
    "en": "Jan. Feb. Mar. Apr. May Jun. Jul. Aug. Sep. Oct. Nov. Dec.".split(),
    "fr": "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.".split(),
    "es": "ene. feb. mar. abr. may. jun. jul. ago. sep. oct. nov. dic.".split(),
}


def _rtf(text: str) -> str:
    out = []
    for c in text:
        if c in "\\{}":
            out.append("\\" + c)
        elif ord(c) < 128:
            out.append(c)
        else:
            code = ord(c)
            out.append(f"\\u{code if code < 32768 else code - 65536}?")
    return "".join(out)


def _dot(p: Person, ym) -> str:
    return _PRESENT[_lang(p)] if ym is None else f"{_SHORT[_lang(p)][ym[1] - 1]} {ym[0]}"


def lo_rtf(p: Person, out: Path) -> None:
    """An RTF written by hand as WordPad saves it, made PDF by LibreOffice: the name, two contact
    lines, each job 'Title — Employer' bold with the city at a right tab, 'Mar. 2021 - Present'
    on the next line."""
    r = _rtf
    body = [
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}{\\f1\\froman Times New Roman;}}",
        "\\paperw11906\\paperh16838\\margl1134\\margr1134\\margt1134\\margb1134\\f0\\fs20",
        f"\\pard\\qc\\b\\fs36 {r(p.name)}\\b0\\fs20\\par",
        f"\\pard\\qc {r(p.label)}\\par",
        f"\\pard\\qc {r(f'{p.street}, {p.postcode} {p.city}, {p.region}, {p.country_name}')}\\par",
        f"\\pard\\qc {r(' - '.join([p.phone_display, p.email, *_links(p)]))}\\par\\pard\\par",
    ]

    def heading(word: str) -> None:
        body.append(
            f"\\pard\\sb200\\sa80\\brdrb\\brdrs\\brdrw10\\b\\fs24 {r(_w(p, word).upper())}\\b0\\fs20\\par"
        )

    heading("Profile")
    body.append(f"\\pard {r(p.summary)}\\par")
    heading("Experience")
    for j in p.jobs:
        body.append(
            f"\\pard\\sb120\\tqr\\tx9638\\b {r(f'{j.title} — {j.company}')}\\b0\\tab {r(j.city)}\\par"
        )
        body.append(f"\\pard\\i {r(f'{_dot(p, j.start)} - {_dot(p, j.end)}')}\\i0\\par")
        for h in j.highlights:
            body.append(f"\\pard\\li360\\fi-200 - {r(h)}\\par")
    heading("Education")
    body.append(f"\\pard {r(f'{p.degree}, {p.school}, {p.school_years[0]} - {p.school_years[1]}')}\\par")
    heading("Skills")
    body.append(f"\\pard {r(', '.join(p.skills))}\\par}}")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "resume.rtf"
        src.write_text("\n".join(body), encoding="ascii")
        soffice_convert(src, out, tmp, "pdf:writer_pdf_Export")
