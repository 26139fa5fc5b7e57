"""Round 8's families: public templates no earlier round used, and page shapes no earlier round has.

- HackMyResume 1.8.0 (npm) with its FRESH themes (fresh-themes 0.15.1-beta) "positive" and "modern",
  rendered to HTML by HackMyResume's own engine and printed by chromium.
- The Awesome-CV LaTeX class as fresh-themes 0.15.1-beta ships it (themes/awesome/src/latex:
  awesome-cv.cls, fontawesome.sty, FontAwesome.ttf), compiled with XeLaTeX; its Roboto and Source
  Sans Pro come from TeX Live (texlive-fonts-extra).
- Start Bootstrap's "Resume" page (npm startbootstrap-resume 7.0.6, its dist/index.html filled in,
  its compiled Bootstrap stylesheet), printed by chromium: the social links are Font Awesome icons
  (a CDN script, absent offline), so they print as bare link areas.
- HTML pages of the kinds résumé builders export, printed by chromium: a Canva-like header band with
  the contact details as words that link ("Email", "LinkedIn"), a Google-Docs-"Swiss"-like page with
  letter-spaced capital dates, and a timeline with "Title @ Employer" and a narrow icon sidebar.
- Word layouts: the contact details in the page footer (python-docx), and Word's two-column section
  saved as PDF by LibreOffice.
- A Markdown résumé with the jobs as a definition list, converted by pandoc to ODT and saved as PDF
  by LibreOffice.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from families_docx import _soffice_pdf
from families_r6 import _range, _when
from families_r7 import _doc, _e, _heading, _html_pdf, _links, _run
from families_tex import compile_tex_in, esc
from families_web import print_pdf, resume_json
from people import Person

# `cp hackmyresume/package.json` there, then `npm install` (generate.py's docstring).
HMR_DIR = Path("/tmp/milobot-hackmyresume")
AWESOME_SRC = HMR_DIR / "node_modules/fresh-themes/themes/awesome/src/latex"
BOOTSTRAP_DIST = HMR_DIR / "node_modules/startbootstrap-resume/dist"
TL_FONTS = Path("/usr/share/texlive/texmf-dist/fonts/opentype")
NOW = {"en": "now", "fr": "aujourd'hui", "es": "actualidad"}


def _now(p: Person) -> str:
    return NOW.get(p.language, "now")


# ---------------------------------------------------------------- HackMyResume (FRESH themes)


def hmr(theme: str):
    def make(p: Person, out: Path) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "resume.json"
            src.write_text(json.dumps(resume_json(p), ensure_ascii=False), encoding="utf-8")
            subprocess.run(
                [
                    str(HMR_DIR / "node_modules/.bin/hackmyresume"),
                    "build",
                    str(src),
                    "TO",
                    f"{tmp}/out/resume.html",
                    "-t",
                    theme,
                ],
                check=True,
                capture_output=True,
                cwd=tmp,
                timeout=120,
            )
            print_pdf(Path(tmp) / "out" / "resume.html", out)

    return make


# ---------------------------------------------------------------- Awesome-CV (XeLaTeX)

# Awesome-CV loads its fonts by file name from fonts/; TeX Live names Source Sans Pro's italics
# "-RegularIt" where the class asks for "-It".
_AWESOME_FONTS = {
    "Roboto-{}.otf": (
        "google/roboto",
        [
            "Regular",
            "Italic",
            "Bold",
            "BoldItalic",
            "Thin",
            "ThinItalic",
            "Medium",
            "MediumItalic",
            "Light",
            "LightItalic",
        ],
    ),
    "SourceSansPro-{}.otf": (
        "adobe/sourcesanspro",
        ["Regular", "It", "Bold", "BoldIt", "Light", "LightIt", "Semibold", "SemiboldIt"],
    ),
}


def _awesome_fonts(fonts: Path) -> None:
    fonts.mkdir()
    shutil.copy(AWESOME_SRC / "fonts" / "FontAwesome.ttf", fonts / "FontAwesome.ttf")
    for pattern, (folder, shapes) in _AWESOME_FONTS.items():
        for shape in shapes:
            src = TL_FONTS / folder / pattern.format("RegularIt" if shape == "It" else shape)
            shutil.copy(src, fonts / pattern.format(shape))


def tex_awesome(p: Person, out: Path) -> None:
    """Awesome-CV: the name centred in two weights, the position in small capitals, the address,
    then one line of icons with phone, e-mail and profile handles; each job the employer (bold) and
    city on one line, the position and the dates on the next."""
    handle = p.links["linkedin"].rsplit("/", 1)[-1]
    social = f"\\linkedin{{{esc(handle)}}}\n"
    if "github" in p.links:
        social += f"\\github{{{esc(p.links['github'].rsplit('/', 1)[-1])}}}\n"
    if "site" in p.links:
        social += f"\\homepage{{{esc(p.links['site'].split('//')[1])}}}\n"
    jobs = "".join(
        f"\\cventry{{{esc(j.title)}}}{{{esc(j.company)}}}{{{esc(j.city)}}}"
        f"{{{esc(_range(p, j.start, j.end, 'month', dash=' - '))}}}"
        "{\\begin{cvitems}" + "".join(f"\\item {{{esc(h)}}}" for h in j.highlights) + "\\end{cvitems}}\n"
        for j in p.jobs
    )
    first, last = p.first, p.last
    source = f"""\\documentclass[11pt, a4paper]{{awesome-cv}}
\\geometry{{left=1.4cm, top=.8cm, right=1.4cm, bottom=1.8cm, footskip=.5cm}}
\\fontdir[fonts/]
\\colorlet{{awesome}}{{awesome-skyblue}}
\\setbool{{acvSectionColorHighlight}}{{true}}
\\renewcommand{{\\acvHeaderSocialSep}}{{\\quad\\textbar\\quad}}
\\name{{{esc(first)}}}{{{esc(last)}}}
\\position{{{esc(p.label)}}}
\\address{{{esc(p.street)}, {esc(p.postcode)} {esc(p.city)}, {esc(p.country_name)}}}
\\mobile{{{esc(p.phone_display)}}}
\\email{{{esc(p.email)}}}
{social}
\\begin{{document}}
\\makecvheader
\\makecvfooter{{\\today}}{{{esc(p.name)}~~~·~~~Résumé}}{{\\thepage}}
\\cvsection{{Summary}}
\\begin{{cvparagraph}}{esc(p.summary)}\\end{{cvparagraph}}
\\cvsection{{Experience}}
\\begin{{cventries}}
{jobs}\\end{{cventries}}
\\cvsection{{Education}}
\\begin{{cventries}}
\\cventry{{{esc(p.degree)}}}{{{esc(p.school)}}}{{}}{{{p.school_years[0]} - {p.school_years[1]}}}{{}}
\\end{{cventries}}
\\cvsection{{Skills}}
\\begin{{cvskills}}
\\cvskill{{Tools}}{{{esc(", ".join(p.skills))}}}
\\end{{cvskills}}
\\end{{document}}
"""
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(AWESOME_SRC / "fontawesome.sty", Path(tmp) / "fontawesome.sty")
        # The class asks unicode-math for an option (vargreek-shape) that today's unicode-math no
        # longer has, which stops the build; everything else is the class as shipped.
        cls = (AWESOME_SRC / "awesome-cv.cls").read_text(encoding="utf-8")
        cls = cls.replace(
            "[math-style=TeX,vargreek-shape=unicode]{unicode-math}", "[math-style=TeX]{unicode-math}"
        )
        (Path(tmp) / "awesome-cv.cls").write_text(cls, encoding="utf-8")
        _awesome_fonts(Path(tmp) / "fonts")
        compile_tex_in(source, out, Path(tmp), "xelatex")


# ---------------------------------------------------------------- Start Bootstrap "Resume"


def html_startbootstrap(p: Person, out: Path) -> None:
    """Start Bootstrap's Resume page: the first name and the surname in two colours, one line
    'street · city, region postcode · phone · e-mail (a mailto link)', icon-only social links, then
    'Title' over 'Employer' with the dates at the right."""
    page = (BOOTSTRAP_DIST / "index.html").read_text(encoding="utf-8")
    head = page.split('<body id="page-top">')[0]
    jobs = "".join(
        f"""<div class="d-flex flex-column flex-md-row justify-content-between mb-5">
<div class="flex-grow-1"><h3 class="mb-0">{_e(j.title)}</h3>
<div class="subheading mb-3">{_e(j.company)}</div><p>{_e(" ".join(j.highlights))}.</p></div>
<div class="flex-shrink-0"><span class="text-primary">{_e(_range(p, j.start, j.end, "month", dash=" - "))}</span></div>
</div>"""
        for j in p.jobs
    )
    icons = {"linkedin": "fa-linkedin-in", "github": "fa-github", "site": "fa-globe"}
    social = "".join(
        f'<a class="social-icon" href="{_e(u)}"><i class="fab {icons[k]}"></i></a>'
        for k, u in p.links.items()
    )
    nav = "".join(
        f'<li class="nav-item"><a class="nav-link js-scroll-trigger" href="#{s.lower()}">{s}</a></li>'
        for s in ("About", "Experience", "Education", "Skills")
    )
    body = f"""<body id="page-top">
<nav class="navbar navbar-expand-lg navbar-dark bg-primary fixed-top" id="sideNav">
<a class="navbar-brand js-scroll-trigger" href="#page-top"><span class="d-block d-lg-none">{_e(p.name)}</span>
<span class="d-none d-lg-block"><img class="img-fluid img-profile rounded-circle mx-auto mb-2" src="assets/img/profile.jpg" alt="..." /></span></a>
<div class="collapse navbar-collapse" id="navbarResponsive"><ul class="navbar-nav">{nav}</ul></div></nav>
<div class="container-fluid p-0">
<section class="resume-section" id="about"><div class="resume-section-content">
<h1 class="mb-0">{_e(p.first)} <span class="text-primary">{_e(p.last)}</span></h1>
<div class="subheading mb-5">{_e(p.street)} · {_e(p.city)}, {_e(p.region)} {_e(p.postcode)} · {_e(p.phone_display)} ·
<a href="mailto:{_e(p.email)}">{_e(p.email)}</a></div>
<p class="lead mb-5">{_e(p.summary)}</p><div class="social-icons">{social}</div></div></section>
<hr class="m-0" />
<section class="resume-section" id="experience"><div class="resume-section-content">
<h2 class="mb-5">Experience</h2>{jobs}</div></section>
<hr class="m-0" />
<section class="resume-section" id="education"><div class="resume-section-content">
<h2 class="mb-5">Education</h2>
<div class="d-flex flex-column flex-md-row justify-content-between mb-5"><div class="flex-grow-1">
<h3 class="mb-0">{_e(p.school)}</h3><div class="subheading mb-3">{_e(p.degree)}</div></div>
<div class="flex-shrink-0"><span class="text-primary">{p.school_years[0]} - {p.school_years[1]}</span></div></div>
</div></section>
<hr class="m-0" />
<section class="resume-section" id="skills"><div class="resume-section-content">
<h2 class="mb-5">Skills</h2><ul class="fa-ul mb-0">{"".join(f"<li>{_e(s)}</li>" for s in p.skills)}</ul>
</div></section>
</div></body></html>"""
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(BOOTSTRAP_DIST, Path(tmp) / "site")
        index = Path(tmp) / "site" / "index.html"
        index.write_text(head + body, encoding="utf-8")
        print_pdf(index, out)


# ---------------------------------------------------------------- HTML of résumé builders


def html_wordlinks(p: Person, out: Path) -> None:
    """A Canva-like page: a dark header band with the name and the title, under it one row of
    words that link (Email, Call, LinkedIn, GitHub, Website) and the home town; two columns below,
    the jobs as 'EMPLOYER' (capitals), 'Title', 'City | 2021-03-01 – now' (ISO days)."""
    words = [("Email", f"mailto:{p.email}"), (p.phone_display, f"tel:{p.phone_e164}")]
    names = {"linkedin": "LinkedIn", "github": "GitHub", "site": "Website"}
    words += [(names[k], u) for k, u in p.links.items()]
    row = " <span class=sep>/</span> ".join(f'<a href="{_e(u)}">{_e(w)}</a>' for w, u in words)

    def day(ym, d):
        return f"{ym[0]}-{ym[1]:02d}-{d:02d}" if ym else _now(p)

    jobs = "".join(
        f"<div class=job><div class=co>{_e(j.company.upper())}</div><div class=ti>{_e(j.title)}</div>"
        f"<div class=when>{_e(j.city)} | {day(j.start, 1)} – {day(j.end, 28)}</div>"
        f"<ul>{''.join(f'<li>{_e(h)}</li>' for h in j.highlights)}</ul></div>"
        for j in p.jobs
    )
    page = f"""<!doctype html><html><head><meta charset=utf-8><style>
@page {{ size: A4; margin: 0; }}
body {{ margin: 0; font-family: 'Montserrat', 'Liberation Sans', sans-serif; font-size: 9.5pt; color: #2b2b2b; }}
.band {{ background: #1f2a44; color: #f4f1ea; padding: 14mm 14mm 8mm; }}
.band h1 {{ margin: 0; font-size: 30pt; letter-spacing: 1px; font-weight: 700; }}
.band .role {{ font-size: 12pt; color: #e0b66f; margin-top: 2px; }}
.links {{ padding: 4mm 14mm; background: #e9e4d8; font-size: 9pt; }}
.links a {{ color: #1f2a44; text-decoration: none; font-weight: 700; }} .sep {{ color: #999; }}
.cols {{ display: flex; padding: 6mm 14mm; gap: 10mm; }}
.main {{ flex: 2; }} .side {{ flex: 1; }}
h2 {{ font-size: 10.5pt; letter-spacing: 2px; color: #1f2a44; border-bottom: 2px solid #e0b66f; padding-bottom: 2px; }}
.job {{ margin-bottom: 9px; }} .co {{ font-weight: 700; letter-spacing: .5px; }} .ti {{ font-style: italic; }}
.when {{ color: #777; font-size: 8.5pt; }} ul {{ margin: 3px 0; padding-left: 15px; }}
</style></head><body>
<div class=band><h1>{_e(p.name)}</h1><div class=role>{_e(p.label)}</div></div>
<div class=links>{row} <span class=sep>/</span> {_e(p.city)}, {_e(p.country_name)}</div>
<div class=cols><div class=main><h2>EXPERIENCE</h2>{jobs}</div>
<div class=side><h2>PROFILE</h2><p>{_e(p.summary)}</p>
<h2>EDUCATION</h2><p><b>{_e(p.degree)}</b><br>{_e(p.school)}<br>{p.school_years[0]} – {p.school_years[1]}</p>
<h2>SKILLS</h2><p>{"<br>".join(_e(s) for s in p.skills)}</p></div></div>
</body></html>"""
    _html_pdf(page, out)


def html_swiss(p: Person, out: Path) -> None:
    """Google Docs' 'Swiss'-like page: the name huge and bold, the contact block at the right of the
    top; section titles with a red square; each job the employer (bold) on one line, the position
    on the next, and the dates at the right in letter-spaced capitals."""
    jobs = "".join(
        f"<div class=job><div class=head><div><b>{_e(j.company)}</b>, {_e(j.city)}<br><span class=pos>{_e(j.title)}</span></div>"
        f"<div class=when>{_e(_range(p, j.start, j.end, 'month', dash=' – ')).upper()}</div></div>"
        f"<ul>{''.join(f'<li>{_e(h)}</li>' for h in j.highlights)}</ul></div>"
        for j in p.jobs
    )
    page = f"""<!doctype html><html><head><meta charset=utf-8><style>
@page {{ size: Letter; margin: 0.6in 0.7in; }}
body {{ font-family: 'Arial', 'Liberation Sans', sans-serif; font-size: 10pt; color: #000; }}
.top {{ display: flex; justify-content: space-between; align-items: flex-start; }}
h1 {{ font-size: 32pt; margin: 0; font-weight: 800; line-height: 1; }}
.c {{ text-align: right; font-size: 9pt; line-height: 1.5; }}
h2 {{ font-size: 11pt; font-weight: 700; margin: 20px 0 6px; }}
h2:before {{ content: ''; display: inline-block; width: 8px; height: 8px; background: #ff5a36; margin-right: 8px; }}
.job {{ margin: 8px 0; }} .head {{ display: flex; justify-content: space-between; }}
.pos {{ font-style: italic; }} .when {{ letter-spacing: 3px; font-size: 8pt; color: #444; white-space: nowrap; }}
ul {{ margin: 3px 0; padding-left: 18px; }}
</style></head><body>
<div class=top><h1>{_e(p.first)}<br>{_e(p.last)}</h1>
<div class=c>{_e(p.street)}<br>{_e(p.postcode)} {_e(p.city)}<br>{_e(p.region)}<br><b>{_e(p.phone_display)}</b><br><b>{_e(p.email)}</b></div></div>
<h2>Profile</h2><p>{_e(p.summary)}</p>
<h2>Experience</h2>{jobs}
<h2>Education</h2><div class=head><div><b>{_e(p.school)}</b><br><span class=pos>{_e(p.degree)}</span></div>
<div class=when>{p.school_years[0]} – {p.school_years[1]}</div></div>
<h2>Skills</h2><p>{_e(", ".join(p.skills))}</p>
</body></html>"""
    _html_pdf(page, out)


def html_timeline(p: Person, out: Path) -> None:
    """A narrow left sidebar (the contact details behind icons, the addresses links, wrapping where
    the column ends), the name at the top of the main column, and a vertical timeline: a dot and
    '03.2021 → now' on the line, 'Title @ Employer' beside it."""
    icon = {"mail": "\u2709", "phone": "\u2706", "pin": "\u2691", "link": "\u2197"}
    side = [
        ("mail", f'<a href="mailto:{_e(p.email)}">{_e(p.email)}</a>'),
        ("phone", _e(p.phone_display)),
        ("pin", _e(f"{p.city}, {p.region}")),
    ]
    side += [("link", f'<a href="{_e(u)}">{_e(u.split("//")[1])}</a>') for u in p.links.values()]

    def short(ym):
        return f"{ym[1]:02d}.{ym[0]}" if ym else _now(p)

    items = "".join(
        f"<div class=item><div class=dot></div><div class=when>{short(j.start)} → {short(j.end)}</div>"
        f"<div class=what><b>{_e(j.title)}</b> @ {_e(j.company)} <span class=city>({_e(j.city)})</span></div>"
        f"<ul>{''.join(f'<li>{_e(h)}</li>' for h in j.highlights)}</ul></div>"
        for j in p.jobs
    )
    page = f"""<!doctype html><html><head><meta charset=utf-8><style>
@page {{ size: A4; margin: 12mm; }}
body {{ margin: 0; font-family: 'Noto Sans', 'DejaVu Sans', sans-serif; font-size: 9pt; color: #222; }}
.wrap {{ display: flex; gap: 8mm; }}
aside {{ width: 42mm; border-right: 1px solid #ccc; padding-right: 4mm; }}
aside p {{ margin: 0 0 7px; overflow-wrap: anywhere; font-size: 8.5pt; }} aside a {{ color: #222; text-decoration: none; }} .i {{ color: #c0392b; font-size: 11pt; }}
aside h4 {{ margin: 14px 0 6px; font-size: 8.5pt; color: #c0392b; letter-spacing: 1px; }}
main {{ flex: 1; }} main h1 {{ margin: 0; font-size: 22pt; font-weight: 300; }} main .t {{ color: #c0392b; font-size: 11pt; margin-bottom: 8px; }}
h3 {{ font-size: 10pt; text-transform: uppercase; color: #555; letter-spacing: 1px; margin: 14px 0 6px; }}
.line {{ border-left: 2px solid #c0392b; margin-left: 5px; padding-left: 14px; }}
.item {{ position: relative; margin-bottom: 10px; }}
.dot {{ position: absolute; left: -21px; top: 2px; width: 10px; height: 10px; border-radius: 50%; background: #c0392b; }}
.when {{ font-size: 8pt; color: #c0392b; font-weight: 700; }} .city {{ color: #777; }} ul {{ margin: 2px 0; padding-left: 14px; }}
</style></head><body><div class=wrap>
<aside>{"".join(f"<p><span class=i>{icon[k]}</span><br>{v}</p>" for k, v in side)}
<h4>SKILLS</h4>{"".join(f"<p>{_e(s)}</p>" for s in p.skills)}
<h4>EDUCATION</h4><p>{_e(p.degree)}<br>{_e(p.school)}<br>{p.school_years[1]}</p></aside>
<main><h1>{_e(p.name)}</h1><div class=t>{_e(p.label)}</div><p>{_e(p.summary)}</p>
<h3>Career</h3><div class=line>{items}</div></main></div></body></html>"""
    _html_pdf(page, out)


# ---------------------------------------------------------------- Word


def _tab_right(par, pos_cm: float) -> None:
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Cm

    par.paragraph_format.tab_stops.add_tab_stop(Cm(pos_cm), WD_TAB_ALIGNMENT.RIGHT)


def docx_footer(p: Person, out: Path) -> None:
    """The name alone in the page header, the contact details in the page footer; each job
    'Employer | City' (bold) with the dates at a right tab stop, the title under it."""
    doc = _doc()
    section = doc.sections[0]
    par = section.header.paragraphs[0]
    _run(par, p.name, bold=True, size=18, color="5B2C6F")
    foot = section.footer.paragraphs[0]
    _run(
        foot,
        f"{p.street}, {p.postcode} {p.city}, {p.country_name}  •  {p.phone_display}  •  {p.email}",
        size=8.5,
    )
    section.footer.add_paragraph().add_run(" • ".join(_links(p))).font.size = foot.runs[0].font.size
    par = doc.add_paragraph()
    _run(par, p.label, size=13, color="5B2C6F")
    doc.add_paragraph(p.summary)
    _heading(doc, "Experience", color="5B2C6F")
    for j in p.jobs:
        par = doc.add_paragraph()
        par.paragraph_format.space_after = 0
        _tab_right(par, 17)
        _run(par, f"{j.company} | {j.city}", bold=True)
        when = f"{_when(j.start, p, 'month')} – {_when(j.end, p, 'month') if j.end else _now(p)}"
        _run(par, f"\t{when}", color="666666")
        par = doc.add_paragraph()
        _run(par, j.title, italic=True)
        for h in j.highlights:
            doc.add_paragraph(h, style="List Bullet")
    _heading(doc, "Education", color="5B2C6F")
    par = doc.add_paragraph()
    _tab_right(par, 17)
    _run(par, p.school, bold=True)
    _run(par, f"\t{p.school_years[0]} – {p.school_years[1]}", color="666666")
    doc.add_paragraph(p.degree)
    _heading(doc, "Skills", color="5B2C6F")
    doc.add_paragraph(", ".join(p.skills))
    doc.save(out)


def _columns(section, count: int, space_cm: float, separator: bool = True) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    cols = section._sectPr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        section._sectPr.append(cols)
    cols.set(qn("w:num"), str(count))
    cols.set(qn("w:space"), str(int(space_cm * 567)))
    if separator:
        cols.set(qn("w:sep"), "1")


def _column_break(par) -> None:
    from docx.enum.text import WD_BREAK

    par.add_run().add_break(WD_BREAK.COLUMN)


def _twocolumns_docx(p: Person, out: Path) -> None:
    from docx.enum.section import WD_SECTION

    doc = _doc()
    par = doc.add_paragraph()
    _run(par, p.name, bold=True, size=24, color="0E6251")
    par = doc.add_paragraph()
    _run(par, p.label.upper(), size=11, color="0E6251")
    body = doc.add_section(WD_SECTION.CONTINUOUS)
    _columns(body, 2, 1.0)
    _heading(doc, "Contact", color="0E6251")
    for label, value in (
        ("Phone", p.phone_display),
        ("E-mail", p.email),
        ("Home", f"{p.city}, {p.country_name}"),
    ):
        par = doc.add_paragraph()
        par.paragraph_format.space_after = 0
        _run(par, f"{label}: ", bold=True)
        _run(par, value)
    for u in _links(p):
        doc.add_paragraph(u).paragraph_format.space_after = 0
    _heading(doc, "Profile", color="0E6251")
    doc.add_paragraph(p.summary)
    _heading(doc, "Education", color="0E6251")
    doc.add_paragraph(f"{p.degree}\n{p.school}\n{p.school_years[0]}–{p.school_years[1]}")
    _heading(doc, "Skills", color="0E6251")
    doc.add_paragraph("\n".join(p.skills))
    _column_break(doc.paragraphs[-1])
    _heading(doc, "Work history", color="0E6251")
    for j in p.jobs:
        par = doc.add_paragraph()
        par.paragraph_format.space_after = 0
        _run(par, _range(p, j.start, j.end, "year", dash="–"), size=9, color="0E6251")
        par = doc.add_paragraph()
        par.paragraph_format.space_after = 0
        _run(par, j.title, bold=True)
        par = doc.add_paragraph()
        _run(par, f"{j.company}, {j.city}")
        for h in j.highlights:
            doc.add_paragraph(h, style="List Bullet")
    doc.save(out)


def lo_twocolumns(p: Person, out: Path) -> None:
    """Word's two-column section under a full-width name: contact, profile, education and skills
    fill the left column, the work history (year range, title, 'Employer, City') the right."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (out.stem + ".docx")
        _twocolumns_docx(p, src)
        _soffice_pdf(src, out)


# ---------------------------------------------------------------- pandoc to ODT


def _deflist_markdown(p: Person) -> str:
    lines = [
        "---",
        f"title: {json.dumps(p.name, ensure_ascii=False)}",
        f"subtitle: {json.dumps(p.label, ensure_ascii=False)}",
        "---",
        "",
        f"{p.street}, {p.postcode} {p.city} ({p.region})  ",
        f"Tel. {p.phone_display} -- <{p.email}>  ",
        " -- ".join(f"<{u}>" for u in p.links.values()),
        "",
        "# Experience",
        "",
    ]
    for j in p.jobs:
        end = f"{j.end[1]:02d}/{j.end[0]}" if j.end else _now(p)
        lines += [
            f"**{j.company}** -- {j.title}",
            f":   {j.start[1]:02d}/{j.start[0]} to {end}, {j.city}",
            "",
        ]
        lines += [f"    - {h}" for h in j.highlights] + [""]
    lines += [
        "# Education",
        "",
        f"**{p.school}** -- {p.degree}",
        f":   {p.school_years[0]} to {p.school_years[1]}",
        "",
    ]
    lines += ["# Skills", "", ", ".join(p.skills), ""]
    return "\n".join(lines)


def md_pandoc_odt(p: Person, out: Path) -> None:
    """pandoc's ODT writer (its default reference.odt): the name as the document title, the
    subtitle under it, and the jobs as a definition list, '**Employer** -- Title' over an
    indented 'MM/YYYY to now, City'; saved as PDF by LibreOffice."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "resume.md"
        src.write_text(_deflist_markdown(p), encoding="utf-8")
        odt = Path(tmp) / (out.stem + ".odt")
        subprocess.run(
            ["pandoc", str(src), "-f", "markdown-auto_identifiers", "-o", str(odt)],
            check=True,
            capture_output=True,
            timeout=180,
            cwd=tmp,
        )
        _soffice_pdf(odt, out)


__all__ = [
    "docx_footer",
    "html_startbootstrap",
    "html_swiss",
    "html_timeline",
    "html_wordlinks",
    "hmr",
    "lo_twocolumns",
    "md_pandoc_odt",
    "tex_awesome",
]
