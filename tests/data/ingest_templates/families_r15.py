"""Round 15's families (the blind round): public templates and tools no earlier round used, all
drawn before any was rendered with round 15's people.

- RenderCV 2.3 (PyPI `rendercv[full]`, YAML → Typst → PDF, with rendercv-fonts 0.5.1 and typst
  0.15.2) in four of its built-in themes, each as a person fills in RenderCV's own YAML (name,
  location, email, phone, social networks, sections) and changes nothing else but the locale:
  "classic" ('**Employer**, Title' with the city over the dates at the right), "sb2nov" (the
  title over the employer, the city and dates at the right), "moderncv" (the dates in a left
  column, 'Title, Employer – City'), "engineeringresumes" ('Title, Employer – City' with the dates
  right, the contact line one row split by '|').
- Typst written by hand in the manner of two popular Typst Universe résumé templates: "modern-cv"
  (after Awesome-CV: the first name light and the last name bold, a row of Font Awesome icons
  with the contact details, 'Title' and the city in the accent colour over 'EMPLOYER' in small
  capitals and the dates), and "basic-resume" (the name centred over one contact line split by
  '|', '**Title**' with the dates right over '_Employer_' with the city right), compiled by the
  `typst` Python package.
- The simple-resume-cv LaTeX class (TeX Live's simpleresumecv.cls, XeLaTeX, its Tinos and GNU
  FreeFont faces): the section names in capitals in a left margin column, the name centred
  above a centred contact block, '\\textbf{Title}, Employer, City' with the dates at the right.
- Word (python-docx) as Google Docs exports its "Coral" résumé template to .docx: the contact
  lines small at the top, the name in the Title style, the headline in Subtitle, the headings in
  coral Heading 1, each job a Heading 2 'Employer, City — Title' (the employer bold, the rest
  not) over a Heading 3 'MARCH 2021 - PRESENT'.
- HTML printed by chromium in the manner of an Enhancv résumé (a main and a side column, the
  contact row and each job's dates and city behind Font Awesome 4 icon-font glyphs, the title
  over the employer in the accent colour), and of a Canva résumé exported to PDF (every line an
  absolutely placed text box, the boxes in the order they were added to the design rather than
  the order they are read: the jobs first, the side panel next, the name and headline last; the
  name letter-spaced).

The Sammarinese résumés are in Italian, the Timorese ones in Portuguese (headings, months,
"present" words), except where the page copies a site's own English words (none here).

Tools this needs beyond earlier rounds': a virtualenv with `rendercv[full]` and `click` at
RENDERCV_VENV (kept out of the project's pyproject), and the Typst Universe package
fontawesome 0.5.0 (github.com/duskmoon314/typst-fontawesome, tag v0.5.0), which RenderCV's themes
and typst_moderncv import, unpacked into typst's local package folder
~/.local/share/typst/packages/preview/fontawesome/0.5.0 (packages.typst.org is not reachable here).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from families_r7 import _doc, _e, _html_pdf, _run
from families_tex import compile_tex_in, esc
from people import Person

RENDERCV_VENV = Path(os.environ.get("MILOBOT_RENDERCV_VENV", "/tmp/rendercv-venv"))

# ---------------------------------------------------------------- words of the two other languages

LONG_MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split(),
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split(),
}
SHORT_MONTHS = {
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
    "it": "gen feb mar apr mag giu lug ago set ott nov dic".split(),
    "pt": "jan fev mar abr mai jun jul ago set out nov dez".split(),
}
WORDS = {
    "it": {
        "Experience": "Esperienza professionale",
        "Education": "Istruzione e formazione",
        "Skills": "Competenze",
        "Profile": "Profilo",
        "Summary": "Profilo",
        "Contact": "Contatti",
        "Tools": "Strumenti",
        "in": "in",
    },
    "pt": {
        "Experience": "Experiência profissional",
        "Education": "Formação académica",
        "Skills": "Competências",
        "Profile": "Perfil",
        "Summary": "Perfil",
        "Contact": "Contacto",
        "Tools": "Ferramentas",
        "in": "em",
    },
}


def _lang(p: Person) -> str:
    return p.language if p.language in LONG_MONTHS else "en"


def _w(p: Person, word: str) -> str:
    return WORDS.get(_lang(p), {}).get(word, word)


def _now(p: Person, words: dict[str, str]) -> str:
    """The family's own word for an ongoing job, in the person's language."""
    return words[_lang(p)]


def _mon(p: Person, ym, now: dict[str, str], long: bool = False) -> str:
    if ym is None:
        return _now(p, now)
    return f"{(LONG_MONTHS if long else SHORT_MONTHS)[_lang(p)][ym[1] - 1]} {ym[0]}"


def _mm(p: Person, ym, now: dict[str, str]) -> str:
    return _now(p, now) if ym is None else f"{ym[1]:02d}/{ym[0]}"


def _handle(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


# ---------------------------------------------------------------- RenderCV (YAML → Typst → PDF)

_RCV_PRESENT = {
    "classic": {"en": "present", "it": "presente", "pt": "presente"},
    "sb2nov": {"en": "Present", "it": "Oggi", "pt": "Atual"},
    "moderncv": {"en": "now", "it": "in corso", "pt": "em curso"},
    "engineeringresumes": {"en": "Current", "it": "Attuale", "pt": "Atual"},
}


def _rcv_yaml(p: Person, theme: str) -> dict:
    lang = _lang(p)
    social = []
    for key, url in p.links.items():
        if key == "linkedin":
            social.append({"network": "LinkedIn", "username": _handle(url)})
        elif key == "github":
            social.append({"network": "GitHub", "username": _handle(url)})

    def ym(x) -> str:
        return "present" if x is None else f"{x[0]}-{x[1]:02d}"

    experience = [
        {
            "company": j.company,
            "position": j.title,
            "start_date": ym(j.start),
            "end_date": ym(j.end),
            "location": f"{j.city}, {p.country_name}",
            "highlights": j.highlights,
        }
        for j in p.jobs
    ]
    cv = {
        "name": p.name,
        "location": f"{p.city}, {p.country_name}",
        "email": p.email,
        "phone": p.phone_e164,
        **({"website": p.links["site"]} if "site" in p.links else {}),
        "social_networks": social,
        "sections": {
            _w(p, "Summary"): [p.summary],
            _w(p, "Experience"): experience,
            _w(p, "Education"): [
                {
                    "institution": p.school,
                    "area": p.degree.split(" ", 1)[1],
                    "degree": p.degree.split(" ", 1)[0],
                    "start_date": str(p.school_years[0]),
                    "end_date": str(p.school_years[1]),
                }
            ],
            _w(p, "Skills"): [{"label": _w(p, "Tools"), "details": ", ".join(p.skills)}],
        },
    }
    locale: dict = {
        "language": lang,
        "phone_number_format": "international" if p.phone_display.startswith("+") else "national",
        "present": _RCV_PRESENT[theme][lang],
    }
    if lang != "en":
        locale |= {
            "abbreviations_for_months": SHORT_MONTHS[lang],
            "full_names_of_months": LONG_MONTHS[lang],
            "month": "mese" if lang == "it" else "mês",
            "months": "mesi" if lang == "it" else "meses",
            "year": "anno" if lang == "it" else "ano",
            "years": "anni" if lang == "it" else "anos",
            "last_updated_date_template": ("Aggiornato a TODAY" if lang == "it" else "Atualizado em TODAY"),
            "page_numbering_template": (
                "NAME - Pagina PAGE_NUMBER di TOTAL_PAGES"
                if lang == "it"
                else "NAME - Página PAGE_NUMBER de TOTAL_PAGES"
            ),
        }
    return {
        "cv": cv,
        "design": {"theme": theme},
        "locale": locale,
        # The "last updated" line prints this date rather than the day the corpus is rendered.
        "rendercv_settings": {"date": "2025-11-20"},
    }


def rcv(theme: str):
    """A maker rendering RenderCV's built-in `theme` with the person's YAML (JSON is YAML)."""

    def make(p: Person, out: Path) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / "cv.yaml"
            src.write_text(json.dumps(_rcv_yaml(p, theme), ensure_ascii=False, indent=1), encoding="utf-8")
            run = subprocess.run(
                [
                    str(RENDERCV_VENV / "bin" / "rendercv"),
                    "render",
                    "cv.yaml",
                    "--dont-generate-markdown",
                    "--dont-generate-html",
                    "--dont-generate-png",
                    "--pdf-path",
                    str(out),
                ],
                cwd=tmp,
                capture_output=True,
                timeout=180,
            )
            if run.returncode != 0 or not out.exists():
                raise RuntimeError(run.stdout.decode(errors="replace")[-3000:])

    return make


# ---------------------------------------------------------------- Typst by hand


def _ts(text: str) -> str:
    """A Typst string literal (code mode), so no character of `text` is markup."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _typst_pdf(source: str, out: Path) -> None:
    """Compiles `source` with the `typst` package of RENDERCV_VENV, the fonts RenderCV ships
    (Source Sans 3, Font Awesome) on its font path."""
    script = (
        "import sys, typst, rendercv_fonts\n"
        "typst.compile(sys.argv[1], output=sys.argv[2], "
        "font_paths=[str(p) for p in rendercv_fonts.paths_to_font_folders])\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "resume.typ"
        src.write_text(source, encoding="utf-8")
        run = subprocess.run(
            [str(RENDERCV_VENV / "bin" / "python"), "-c", script, str(src), str(Path(tmp) / "resume.pdf")],
            capture_output=True,
            timeout=180,
        )
        if run.returncode != 0:
            raise RuntimeError(run.stderr.decode(errors="replace")[-3000:])
        shutil.copy(Path(tmp) / "resume.pdf", out)


_MCV_NOW = {"en": "Present", "it": "Presente", "pt": "Presente"}


def typst_moderncv(p: Person, out: Path) -> None:
    """In the manner of Typst Universe's "modern-cv" (after Awesome-CV): the first name light and
    the last name bold, centred; the headline in accent small capitals; a row of Font Awesome
    icons with the city, phone, e-mail and profiles; section titles whose first three letters are
    in the accent colour, ruled to the margin; each job 'Title' bold with the city right (accent,
    italic) over 'EMPLOYER' in small capitals with '03/2021 - Present' right."""
    lang = _lang(p)
    first, last = p.first, p.last

    def sec(title: str) -> str:
        return (
            f'#block(above: 12pt, below: 6pt)[#text(size: 15pt, weight: "bold")[#text(fill: accent, {_ts(title[:3])})'
            f"#{_ts(title[3:])}] #box(width: 1fr, line(length: 100%, stroke: 0.9pt + luma(60%)))]\n"
        )

    contact = [
        f'box[#fa-icon("location-dot") #{_ts(f"{p.city}, {p.country_name}")}]',
        f'link({_ts("tel:" + p.phone_e164)})[#fa-icon("phone") #{_ts(p.phone_display)}]',
        f'link({_ts("mailto:" + p.email)})[#fa-icon("envelope") #{_ts(p.email)}]',
    ]
    for key, url in p.links.items():
        icon = {"linkedin": "linkedin", "github": "github"}.get(key, "globe")
        contact.append(f"link({_ts(url)})[#fa-icon({_ts(icon)}) #{_ts(url.split('//')[1])}]")
    jobs = "".join(
        "#grid(columns: (1fr, auto), row-gutter: 6pt,\n"
        f'  text(size: 10.5pt, weight: "bold", {_ts(j.title)}), text(fill: accent, style: "italic", {_ts(j.city)}),\n'
        f"  text(size: 9pt, fill: luma(35%), smallcaps({_ts(j.company)})),"
        f' text(size: 9pt, fill: luma(45%), style: "italic", {_ts(_mm(p, j.start, _MCV_NOW) + " - " + _mm(p, j.end, _MCV_NOW))}))\n'
        + "".join(f"- #{_ts(h)}\n" for h in j.highlights)
        for j in p.jobs
    )
    src = (
        '#import "@preview/fontawesome:0.5.0": *\n'
        '#set page(paper: "a4", margin: (x: 1.5cm, y: 1.3cm))\n'
        f'#set text(font: "Source Sans 3", size: 10pt, lang: {_ts(lang)})\n'
        '#let accent = rgb("#dc3522")\n'
        "#align(center)[\n"
        f'  #text(size: 30pt, weight: "light", fill: luma(35%), {_ts(first)}) '
        f'#text(size: 30pt, weight: "bold", {_ts(last)})\n\n'
        f"  #text(size: 10pt, fill: accent, smallcaps({_ts(p.label)}))\n\n"
        "  #text(size: 9pt)["
        + " #h(5pt)|#h(5pt) ".join("#" + c for c in contact)
        + "]\n]\n"
        + sec(_w(p, "Summary"))
        + f"#{_ts(p.summary)}\n"
        + sec(_w(p, "Experience"))
        + jobs
        + sec(_w(p, "Education"))
        + "#grid(columns: (1fr, auto), row-gutter: 6pt,\n"
        f'  text(weight: "bold", {_ts(p.degree)}), [],\n'
        f'  text(size: 9pt, smallcaps({_ts(p.school)})), text(size: 9pt, style: "italic", {_ts(f"{p.school_years[0]} - {p.school_years[1]}")}))\n'
        + sec(_w(p, "Skills"))
        + f"#{_ts(', '.join(p.skills))}\n"
    )
    _typst_pdf(src, out)


_BASIC_NOW = {"en": "Present", "it": "presente", "pt": "presente"}


def typst_basic(p: Person, out: Path) -> None:
    """In the manner of Typst Universe's "basic-resume": New Computer Modern, the name centred over
    one contact line 'City, Country | phone | e-mail | profiles' (the profiles as links without
    their scheme), small-capital section titles over a rule, each job '*Title*' with 'Mar 2021 –
    Present' right over '_Employer_' with the city right."""
    lang = _lang(p)
    contact = [
        _ts(f"{p.city}, {p.country_name}"),
        _ts(p.phone_display),
        f"link({_ts('mailto:' + p.email)})[#{_ts(p.email)}]",
        *(f"link({_ts(u)})[#{_ts(u.split('//')[1].replace('www.', ''))}]" for u in p.links.values()),
    ]

    def sec(title: str) -> str:
        return f"\n#block(above: 10pt, below: 4pt)[#text(size: 11pt, smallcaps({_ts(title)})) #v(-6pt) #line(length: 100%, stroke: 0.5pt)]\n"

    def two(tl: str, tr: str, bl: str, br: str) -> str:
        return f"#grid(columns: (1fr, auto), row-gutter: 5pt, {tl}, {tr}, {bl}, {br})\n"

    jobs = "".join(
        two(
            f"strong({_ts(j.title)})",
            _ts(f"{_mon(p, j.start, _BASIC_NOW)} – {_mon(p, j.end, _BASIC_NOW)}"),
            f"emph({_ts(j.company)})",
            f"emph({_ts(j.city)})",
        )
        + "".join(f"- #{_ts(h)}\n" for h in j.highlights)
        for j in p.jobs
    )
    src = (
        '#set page(paper: "us-letter", margin: (x: 0.6in, y: 0.55in))\n'
        f'#set text(font: "New Computer Modern", size: 10pt, lang: {_ts(lang)})\n'
        "#set par(justify: true)\n"
        f'#align(center)[#text(size: 22pt, weight: "bold", {_ts(p.name)})]\n'
        "#align(center)["
        + " #h(4pt)|#h(4pt) ".join("#" + c for c in contact)
        + "]\n"
        + sec(_w(p, "Summary"))
        + f"#{_ts(p.summary)}\n"
        + sec(_w(p, "Experience"))
        + jobs
        + sec(_w(p, "Education"))
        + two(
            f"strong({_ts(p.school)})",
            _ts(f"{p.school_years[0]} – {p.school_years[1]}"),
            f"emph({_ts(p.degree)})",
            "[]",
        )
        + sec(_w(p, "Skills"))
        + f"#strong({_ts(_w(p, 'Tools') + ':')}) #{_ts(', '.join(p.skills))}\n"
    )
    _typst_pdf(src, out)


# ---------------------------------------------------------------- simple-resume-cv (TeX Live, XeLaTeX)

_SRC_NOW = {"en": "Present", "it": "oggi", "pt": "até hoje"}
_SRC_FONTS = {
    "Tinos": [
        f"/usr/share/fonts/truetype/croscore/Tinos-{s}.ttf"
        for s in ("Regular", "Italic", "Bold", "BoldItalic")
    ],
    "GNUFreeFont": [
        f"/usr/share/fonts/opentype/freefont/FreeSerif{s}.otf" for s in ("", "Italic", "Bold", "BoldItalic")
    ],
}
_POLY = {
    "en": "",
    "it": "\\usepackage{polyglossia}\\setdefaultlanguage{italian}\n",
    "pt": "\\usepackage{polyglossia}\\setdefaultlanguage{portuguese}\n",
}


def tex_simpleresumecv(p: Person, out: Path) -> None:
    """The simple-resume-cv class as its example résumé uses it: \\Title{name}, a centred SubTitle
    with the address and 'phone · e-mail · links', a Body whose section names sit in capitals in
    the left margin column, each job '\\textbf{Title}, Employer, City \\hfill Mar 2021 -- Present'
    with \\BulletItem highlights."""
    lang = _lang(p)

    def when(ym) -> str:
        return _mon(p, ym, _SRC_NOW)

    jobs = "\\Gap\n".join(
        f"\\Entry \\textbf{{{esc(j.title)}}}, {esc(j.company)}, {esc(j.city)} \\hfill {when(j.start)} -- {when(j.end)}\n"
        + "".join(f"\\BulletItem {esc(h)}\n" for h in j.highlights)
        for j in p.jobs
    )
    links = " \\textbullet{} ".join(f"\\href{{{u}}}{{{esc(u.split('//')[1])}}}" for u in p.links.values())
    src = (
        "\\documentclass[a4paper,nonstopmode]{simpleresumecv}\n" + _POLY[lang] + "\\begin{document}\n"
        f"\\Title{{{esc(p.name)}}}\n"
        "\\begin{SubTitle}\n"
        f"{esc(p.street)}, {esc(p.postcode)} {esc(p.city)}, {esc(p.country_name)}\\\\\n"
        f"{esc(p.phone_display)} \\textbullet{{}} \\href{{mailto:{p.email}}}{{{esc(p.email)}}}"
        + (f"\\\\\n{links}\n" if links else "\n")
        + "\\end{SubTitle}\n\\begin{Body}\n"
        f"\\Section{{{esc(_w(p, 'Profile'))}}}{{{esc(_w(p, 'Profile'))}}}{{profile}}\n\\Entry {esc(p.summary)}\n"
        f"\\Section{{{esc(_w(p, 'Experience'))}}}{{{esc(_w(p, 'Experience'))}}}{{experience}}\n{jobs}"
        f"\\Section{{{esc(_w(p, 'Education'))}}}{{{esc(_w(p, 'Education'))}}}{{education}}\n"
        f"\\Entry \\textbf{{{esc(p.school)}}} \\hfill {p.school_years[0]} -- {p.school_years[1]}\n"
        f"\\Item {esc(p.degree)}\n"
        f"\\Section{{{esc(_w(p, 'Skills'))}}}{{{esc(_w(p, 'Skills'))}}}{{skills}}\n\\Entry {esc(', '.join(p.skills))}\n"
        "\\end{Body}\n\\end{document}\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for sub, files in _SRC_FONTS.items():
            (folder / "Fonts" / sub).mkdir(parents=True)
            for f in files:
                shutil.copy(f, folder / "Fonts" / sub / Path(f).name)
        compile_tex_in(src, out, folder, engine="xelatex")


# ---------------------------------------------------------------- Google Docs "Coral" exported to .docx

_CORAL_NOW = {"en": "PRESENT", "it": "OGGI", "pt": "PRESENTE"}


def docx_gdocs_coral(p: Person, out: Path) -> None:
    """Word as Google Docs exports its "Coral" résumé template: the contact lines small and grey at
    the top (street, city, phone, e-mail), the name in the Title style and the headline in
    Subtitle, the section names in coral Heading 1, each job a Heading 2 'Employer, City — Title'
    with only the employer bold, over a Heading 3 'MARCH 2021 - PRESENT' in small capitals."""
    from docx.shared import Pt, RGBColor

    doc = _doc()
    for name, size, bold, color in (
        ("Title", 30, True, "000000"),
        ("Subtitle", 13, False, "E06C4F"),
        ("Heading 1", 11, True, "E06C4F"),
        ("Heading 2", 12, False, "000000"),
        ("Heading 3", 9, False, "666666"),
    ):
        st = doc.styles[name]
        st.font.name = "Open Sans" if name != "Title" else "Merriweather"
        st.font.size = Pt(size)
        st.font.bold = bold
        st.font.italic = False
        st.font.color.rgb = RGBColor.from_string(color)
    doc.styles["Heading 3"].font.small_caps = True
    contact = doc.add_paragraph()
    lines = [
        p.street,
        f"{p.city}, {p.region}",
        p.phone_display,
        p.email,
        *(u.split("//")[1] for u in p.links.values()),
    ]
    for k, line in enumerate(lines):
        r = _run(contact, line, size=8.5, color="666666")
        if k < len(lines) - 1:
            r.add_break()
    doc.add_paragraph(p.name, style="Title")
    doc.add_paragraph(p.label, style="Subtitle")
    doc.add_paragraph(p.summary)
    doc.add_paragraph(_w(p, "Experience").upper(), style="Heading 1")
    now = _now(p, _CORAL_NOW)
    for j in p.jobs:
        h = doc.add_paragraph(style="Heading 2")
        h.add_run(j.company).bold = True
        h.add_run(f", {j.city} — ")
        h.add_run(j.title).italic = True
        start = _mon(p, j.start, _CORAL_NOW, long=True).upper()
        end = now if j.end is None else _mon(p, j.end, _CORAL_NOW, long=True).upper()
        doc.add_paragraph(f"{start} - {end}", style="Heading 3")
        for text in j.highlights:
            doc.add_paragraph(text, style="List Bullet")
    doc.add_paragraph(_w(p, "Education").upper(), style="Heading 1")
    h = doc.add_paragraph(style="Heading 2")
    h.add_run(p.school).bold = True
    h.add_run(f" — {p.degree}")
    doc.add_paragraph(f"{p.school_years[0]} - {p.school_years[1]}", style="Heading 3")
    doc.add_paragraph(_w(p, "Skills").upper(), style="Heading 1")
    doc.add_paragraph(", ".join(p.skills))
    doc.save(out)


# ---------------------------------------------------------------- HTML printed by chromium

# Font Awesome 4's private-use code points (Debian's fonts-font-awesome): phone, envelope,
# map-marker, link, calendar, linkedin, github.
_FA = {
    "phone": "&#xf095;",
    "mail": "&#xf0e0;",
    "pin": "&#xf041;",
    "link": "&#xf0c1;",
    "cal": "&#xf073;",
    "linkedin": "&#xf0e1;",
    "github": "&#xf09b;",
}
_ENH_NOW = {"en": "Present", "it": "Presente", "pt": "Presente"}
_ENH_CSS = """
@page { size: A4; margin: 12mm 12mm; }
body { margin: 0; font-family: "Lato", "Carlito", "DejaVu Sans", sans-serif; font-size: 9.5pt; color: #323b4c; }
.fa { font-family: FontAwesome; font-style: normal; color: #1a91f0; margin-right: 4px; }
h1 { font-size: 25pt; text-transform: uppercase; margin: 0; letter-spacing: .5px; }
.head .role { color: #1a91f0; font-size: 12pt; font-weight: 700; margin: 2px 0 6px; }
.head .row span { margin-right: 14px; white-space: nowrap; }
.cols { display: grid; grid-template-columns: 63% 1fr; gap: 7mm; margin-top: 6mm; }
h2 { font-size: 12pt; text-transform: uppercase; border-bottom: 2px solid #323b4c; margin: 8px 0 6px; padding-bottom: 2px; }
.job { margin-bottom: 9px; } .job .t { font-size: 11.5pt; } .job .c { color: #1a91f0; font-weight: 700; }
.job .m { font-size: 8.5pt; color: #5b6270; margin: 2px 0; } .job .m span { margin-right: 14px; }
ul { margin: 3px 0 0 16px; padding: 0; } .tag { display: inline-block; border-bottom: 1px solid #c8ccd3; margin: 0 8px 4px 0; }
"""


def html_enhancv(p: Person, out: Path) -> None:
    """An Enhancv-like page: the name in capitals, the headline in the accent colour, one row of
    contact details each behind a Font Awesome icon-font glyph; a main column (Experience,
    Education) and a narrower side column (Summary, Skills); each job the title over the employer
    in the accent colour over a row 'calendar 03/2021 - Present  pin City, Country'."""
    fa = _FA
    row = [
        f"<span><i class=fa>{fa['phone']}</i>{_e(p.phone_display)}</span>",
        f"<span><i class=fa>{fa['mail']}</i>{_e(p.email)}</span>",
        *(
            f'<span><i class=fa>{fa.get(k, fa["link"])}</i><a href="{u}" style="color:inherit;text-decoration:none">'
            f"{_e(u.split('//')[1].replace('www.', ''))}</a></span>"
            for k, u in p.links.items()
        ),
        f"<span><i class=fa>{fa['pin']}</i>{_e(p.city)}, {_e(p.country_name)}</span>",
    ]
    jobs = "".join(
        f"<div class=job><div class=t>{_e(j.title)}</div><div class=c>{_e(j.company)}</div>"
        f"<div class=m><span><i class=fa>{fa['cal']}</i>{_mm(p, j.start, _ENH_NOW)} - {_mm(p, j.end, _ENH_NOW)}</span>"
        f"<span><i class=fa>{fa['pin']}</i>{_e(j.city)}, {_e(p.country_name)}</span></div>"
        f"<ul>{''.join(f'<li>{_e(h)}</li>' for h in j.highlights)}</ul></div>"
        for j in p.jobs
    )
    page = (
        f'<!doctype html><html lang="{_lang(p)}"><head><meta charset="utf-8"><title>{_e(p.name)}</title>'
        f"<style>{_ENH_CSS}</style></head><body>"
        f"<div class=head><h1>{_e(p.name)}</h1><div class=role>{_e(p.label)}</div><div class=row>{''.join(row)}</div></div>"
        f"<div class=cols><div><h2>{_e(_w(p, 'Experience'))}</h2>{jobs}"
        f"<h2>{_e(_w(p, 'Education'))}</h2><div class=job><div class=t>{_e(p.degree)}</div>"
        f"<div class=c>{_e(p.school)}</div><div class=m><span><i class=fa>{fa['cal']}</i>"
        f"{p.school_years[0]} - {p.school_years[1]}</span></div></div></div>"
        f"<div><h2>{_e(_w(p, 'Summary'))}</h2><p>{_e(p.summary)}</p><h2>{_e(_w(p, 'Skills'))}</h2>"
        + "".join(f"<span class=tag>{_e(s)}</span>" for s in p.skills)
        + "</div></div></body></html>\n"
    )
    _html_pdf(page, out)


_CANVA_NOW = {"en": "Now", "it": "Oggi", "pt": "Hoje"}
_CANVA_CSS = """
@page { size: 210mm 297mm; margin: 0; }
body { margin: 0; width: 210mm; height: 297mm; position: relative; font-family: "Montserrat", "Open Sans", "DejaVu Sans", sans-serif; color: #2b2b2b; }
.b { position: absolute; white-space: nowrap; }
.panel { position: absolute; left: 0; top: 0; width: 70mm; height: 297mm; background: #e8e1d9; }
.photo { position: absolute; left: 17mm; top: 14mm; width: 36mm; height: 36mm; border-radius: 50%; background: #b9ada0; }
.w { white-space: normal; width: 120mm; }
.h { font-size: 11pt; font-weight: 700; letter-spacing: 3px; text-transform: uppercase; }
.s { font-size: 8.5pt; } .small { font-size: 8pt; color: #555; }
.name { font-size: 24pt; font-weight: 700; letter-spacing: 4px; text-transform: uppercase; }
.role { font-size: 11pt; letter-spacing: 4px; text-transform: uppercase; color: #6d5d4b; }
"""


def html_canva(p: Person, out: Path) -> None:
    """A Canva-like design exported to PDF: a beige left panel with a round photo, the contact
    details, education and skills; the name letter-spaced in capitals with the headline at the top
    right; the jobs 'EMPLOYER | City' over the title with '2021 - Now' at its right and a line
    of highlights. Every line is its own absolutely placed box, written in the order a designer
    adds them (the jobs, then the side panel, then the name and headline), not the order they
    are read."""
    boxes: list[str] = []

    def box(x: float, y: float, cls: str, html: str) -> None:
        boxes.append(f'<div class="b {cls}" style="left:{x}mm;top:{y}mm">{html}</div>')

    # The jobs (added first in the design).
    y = 78.0
    box(80, 66, "h", _e(_w(p, "Experience")))
    now = _CANVA_NOW
    for j in p.jobs:
        start = str(j.start[0])
        end = _now(p, now) if j.end is None else str(j.end[0])
        box(80, y, "s", f"<b>{_e(j.company.upper())}</b> | {_e(j.city)}")
        box(80, y + 5, "s", f"<i>{_e(j.title)}</i>")
        box(178, y + 5, "s", f"{start} - {end}")
        for k, h in enumerate(j.highlights):
            box(82, y + 10 + 4.5 * k, "small", f"• {_e(h)}")
        y += 14 + 4.5 * len(j.highlights)
    box(80, y + 4, "h", _e(_w(p, "Profile")))
    box(80, y + 12, "small w", _e(p.summary))
    # The side panel.
    side = [
        ("h", _e(_w(p, "Contact"))),
        ("s", f"{_FA_TEXT['phone']} {_e(p.phone_display)}"),
        ("s", f"{_FA_TEXT['mail']} {_e(p.email)}"),
        ("s", f"{_FA_TEXT['pin']} {_e(p.street)}"),
        ("s", f"&nbsp;&nbsp;&nbsp; {_e(p.city)}, {_e(p.country_name)}"),
        *(("s", f"{_FA_TEXT['link']} {_e(u.split('//')[1].replace('www.', ''))}") for u in p.links.values()),
        ("gap", ""),
        ("h", _e(_w(p, "Education"))),
        ("s", f"<b>{_e(p.degree)}</b>"),
        ("s", _e(p.school)),
        ("s", f"{p.school_years[0]} - {p.school_years[1]}"),
        ("gap", ""),
        ("h", _e(_w(p, "Skills"))),
        *(("s", f"• {_e(s)}") for s in p.skills),
    ]
    sy = 62.0
    for cls, html in side:
        if cls != "gap":
            box(8, sy, cls, html)
        sy += 7 if cls in ("h", "gap") else 5.5
    # The head (added last).
    box(80, 22, "name", _e(p.first))
    box(80, 35, "name", _e(p.last))
    box(80, 50, "role", _e(p.label))
    page = (
        f'<!doctype html><html lang="{_lang(p)}"><head><meta charset="utf-8"><title>{_e(p.name)}</title>'
        f"<style>{_CANVA_CSS}</style></head><body><div class=panel></div><div class=photo></div>"
        + "".join(boxes)
        + "</body></html>\n"
    )
    _html_pdf(page, out)


# Canva's icons are drawn shapes, not text; a small coloured glyph of DejaVu stands in for them.
_FA_TEXT = {
    "phone": '<span style="color:#6d5d4b">✆</span>',
    "mail": '<span style="color:#6d5d4b">✉</span>',
    "pin": '<span style="color:#6d5d4b">⌂</span>',
    "link": '<span style="color:#6d5d4b">⌘</span>',
}
