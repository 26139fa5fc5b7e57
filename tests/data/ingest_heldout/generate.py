#!/usr/bin/env python3
"""Generate the blind, held-out résumé corpus for milobot's extractor.

Written without looking at the extractor or its existing corpus: the layouts
imitate what real résumés look like (Word/Google Docs templates, LaTeX
templates such as Jake's resume / moderncv / awesome-cv, Europass, Canva-like
sidebar designs, academic CVs, plain-text résumés, header tables with a photo
box, contact details in page headers/footers).

Renderers:
  * headless Chromium printing HTML to PDF  (layouts: classic, jakes, moderncv,
    awesomecv, sidebar, europass, tableheader, footer_html, academic_html)
  * reportlab                                (plaintext, academic_rl,
    headerfooter_rl, twocol_rl)
  * python-docx                              (docx_standard, docx_table,
    docx_header, docx_cv)

Usage:  .venv/bin/python tests/data/ingest_heldout/generate.py
Writes the files and expected.json next to this script. Re-running
regenerates everything (PDF bytes differ run to run because of timestamps).
"""
from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from people import P

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
E = html.escape

# Font-Awesome 4 private-use code points, as they end up in the text layer of
# awesome-cv / moderncv PDFs (the glyph renders, the extracted text is PUA).
FA_PHONE, FA_ENVELOPE, FA_MAP, FA_LINKEDIN, FA_GITHUB = "\uf095", "\uf0e0", "\uf041", "\uf08c", "\uf09b"


SILHOUETTE = ("<svg viewBox='0 0 100 100' width='100%' height='100%' xmlns='http://www.w3.org/2000/svg'>"
              "<rect width='100' height='100' fill='#c9d3df'/><circle cx='50' cy='38' r='18' fill='#8a9bb0'/>"
              "<ellipse cx='50' cy='92' rx='34' ry='26' fill='#8a9bb0'/></svg>")  # stands in for a photo


def bullets_for(title: str, company: str) -> list[str]:
    return [
        f"Owned delivery of key initiatives at {company}, partnering with cross-functional stakeholders.",
        "Improved process efficiency by 25% through automation and better tooling.",
        "Mentored junior colleagues and contributed to hiring and onboarding.",
    ]


# ===================================================================== HTML
BASE_CSS = """
@page { size: A4; margin: 14mm 15mm; }
body { font-family: 'Liberation Sans', 'DejaVu Sans', sans-serif; font-size: 10.5pt; color: #222; margin: 0; }
ul { margin: 2px 0 6px 0; padding-left: 18px; } li { margin: 1px 0; }
h2 { font-size: 12pt; margin: 12px 0 4px 0; }
a { color: inherit; text-decoration: none; }
"""


def page(body: str, css: str, title: str) -> str:
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{E(title)}</title>"
            f"<style>{BASE_CSS}{css}</style></head><body>{body}</body></html>")


def ul(items):
    return "<ul>" + "".join(f"<li>{E(i)}</li>" for i in items) + "</ul>"


# ---------------------------------------------------------------- classic
def html_classic(p):
    """Word 'Simple/Modern' style: centred name, one contact line, bold headings with rules."""
    css = """
    .name { text-align:center; font-size: 22pt; font-weight:bold; letter-spacing: 1px; margin-bottom: 2px; }
    .contact { text-align:center; font-size: 10pt; }
    h2 { border-bottom: 1.5px solid #333; text-transform: uppercase; font-size: 11pt; }
    .row { display:flex; justify-content: space-between; } .b { font-weight: bold; } .i { font-style: italic; }
    """
    contact = " | ".join(E(x) for x in [p["location"], p["phone"], p["email"], *p["links"]])
    body = f"<div class='name'>{E(p['shown_name'])}</div><div class='contact'>{contact}</div>"
    if p["summary"]:
        body += f"<h2>Professional Summary</h2><p>{E(p['summary'])}</p>"
    body += "<h2>Professional Experience</h2>"
    r = p["role"]
    if r == "title_comma_company_dash_dates":
        body += f"<div class='b'>{E(p['title'])}, {E(p['company'])} — {E(p['dates'])}</div>"
    elif r == "company_pipe_title_pipe_dates":
        body += f"<div class='b'>{E(p['company'])} | {E(p['title'])} | {E(p['dates'])}</div>"
    elif r == "company_line_then_title_paren_dates":
        body += (f"<div class='b'>{E(p['company'])}, {E(p['location'].split(',')[0])}</div>"
                 f"<div class='i'>{E(p['title'])} ({E(p['dates'])})</div>")
    body += ul(bullets_for(p["title"], p["company"]))
    for t, c, d in p["prev"]:
        if r == "company_pipe_title_pipe_dates":
            body += f"<div class='b'>{E(c)} | {E(t)} | {E(d)}</div>"
        elif r == "company_line_then_title_paren_dates":
            body += f"<div class='b'>{E(c)}</div><div class='i'>{E(t)} ({E(d)})</div>"
        else:
            body += f"<div class='b'>{E(t)}, {E(c)} — {E(d)}</div>"
        body += ul(bullets_for(t, c)[:2])
    body += "<h2>Education</h2>"
    for deg, sch, yr in p["edu"]:
        body += f"<div class='row'><span><b>{E(deg)}</b>{', ' + E(sch) if sch else ''}</span><span>{E(yr)}</span></div>"
    body += f"<h2>Skills</h2><p>{E(', '.join(p['skills']))}</p>"
    if p["stem"].startswith("03_"):
        body += ("<h2>Personal Details</h2><p>Date of Birth: 14/02/1989<br>Nationality: Indian<br>"
                 "Languages Known: English, Hindi, Marathi</p><h2>Declaration</h2><p>I hereby declare that "
                 "the above information is true to the best of my knowledge.</p><p>Place: Pune<br>Date: __________</p>")
    return page(body, css, p["name"])


# ------------------------------------------------------------------- jakes
def html_jakes(p):
    """Jake Gutierrez's LaTeX résumé (sb2nov) look: small-caps rules, subheading tables."""
    css = """
    body { font-family: 'DejaVu Serif', 'Liberation Serif', serif; font-size: 10pt; }
    .name { text-align:center; font-size: 24pt; font-variant: small-caps; font-weight: bold; }
    .contact { text-align:center; font-size: 9.5pt; margin-top: 2px; }
    .contact a { text-decoration: underline; }
    h2 { font-variant: small-caps; font-weight: normal; font-size: 13pt; border-bottom: 0.8px solid #000; margin-top: 10px; }
    table.sub { width: 100%; border-collapse: collapse; margin-top: 4px; }
    table.sub td { padding: 0; } td.r { text-align: right; }
    .it { font-style: italic; font-size: 9.5pt; }
    """
    contact = " | ".join(
        [E(p["location"]), E(p["phone"]), f"<a href='mailto:{E(p['email'])}'>{E(p['email'])}</a>"]
        + [f"<a href='https://{E(lk)}'>{E(lk)}</a>" for lk in p["links"]])
    body = f"<div class='name'>{E(p['shown_name'])}</div><div class='contact'>{contact}</div>"
    ed = "".join(
        f"<table class='sub'><tr><td><b>{E(s or d)}</b></td><td class='r'>{E(p['location'])}</td></tr>"
        f"<tr><td class='it'>{E(d)}</td><td class='r it'>{E(y)}</td></tr></table>" for d, s, y in p["edu"])
    body += f"<h2>Education</h2>{ed}<h2>Experience</h2>"
    city = p["location"]
    roles = [(p["title"], p["company"], p["dates"])] + p["prev"]
    for i, (t, c, d) in enumerate(roles):
        if p["role"] == "jakes_company_first":
            top, bot = (c, city), (t, d)
        else:
            top, bot = (t, d), (c, city)
        body += (f"<table class='sub'><tr><td><b>{E(top[0])}</b></td><td class='r'>{E(top[1])}</td></tr>"
                 f"<tr><td class='it'>{E(bot[0])}</td><td class='r it'>{E(bot[1])}</td></tr></table>")
        body += ul(bullets_for(t, c)[: 3 if i == 0 else 2])
    body += ("<h2>Projects</h2><table class='sub'><tr><td><b>Open-source CLI tool</b> | <i>Python, Click</i></td>"
             "<td class='r'>2022</td></tr></table>" + ul(["Built a small command-line tool used by ~200 developers."]))
    body += f"<h2>Technical Skills</h2><p><b>Languages/Tools</b>: {E(', '.join(p['skills']))}</p>"
    return page(body, css, p["name"])


# ---------------------------------------------------------------- moderncv
def html_moderncv(p):
    """moderncv 'classic' style: big first/last name, tagline, contact block on the right, dates column."""
    first, last = p["shown_name"].rsplit(" ", 1)
    css = """
    body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; }
    .hdr { display:flex; justify-content: space-between; }
    .nm { font-size: 28pt; color: #3873b3; } .nm .last { color: #555; }
    .tag { font-size: 13pt; color: #777; font-style: italic; }
    .ct { text-align: right; font-size: 9pt; color: #444; line-height: 1.5; }
    .sec { display:flex; align-items:center; margin: 12px 0 4px 0; }
    .sec .bar { width: 25%; height: 6px; background: #3873b3; margin-right: 8px; }
    .sec .t { color: #3873b3; font-size: 14pt; }
    .e { display:flex; margin-bottom: 4px; } .e .d { width: 25%; text-align: right; padding-right: 8px; color:#555; }
    .e .c { width: 75%; }
    """
    ct = (f"{E(p['location'])}<br>{FA_PHONE} {E(p['phone'])}<br>{FA_ENVELOPE} "
          f"<a href='mailto:{E(p['email'])}'>{E(p['email'])}</a>")
    for lk in p["links"]:
        ct += f"<br>{FA_GITHUB} {E(lk)}"
    body = (f"<div class='hdr'><div><div class='nm'>{E(first)} <span class='last'>{E(last)}</span></div>"
            f"<div class='tag'>{E(p['title'])}</div></div><div class='ct'>{ct}</div></div>")

    def sec(t):
        return f"<div class='sec'><div class='bar'></div><div class='t'>{E(t)}</div></div>"

    body += sec("Experience")
    for i, (t, c, d) in enumerate([(p["title"], p["company"], p["dates"])] + p["prev"]):
        body += (f"<div class='e'><div class='d'>{E(d)}</div><div class='c'><b>{E(t)}</b>, <i>{E(c)}</i>, "
                 f"{E(p['location'].split(',')[0])}." + ul(bullets_for(t, c)[:2]) + "</div></div>")
    body += sec("Education")
    for deg, sch, yr in p["edu"]:
        body += f"<div class='e'><div class='d'>{E(yr)}</div><div class='c'><b>{E(deg)}</b>, <i>{E(sch)}</i></div></div>"
    body += sec("Computer skills")
    body += f"<div class='e'><div class='d'>Tools</div><div class='c'>{E(', '.join(p['skills']))}</div></div>"
    return page(body, css, p["name"])


# --------------------------------------------------------------- awesomecv
def html_awesomecv(p):
    """awesome-cv: centred 'First LAST' (last name bold), position line, icon contact row, org/location + title/date."""
    first, last = p["shown_name"].split(" ", 1)
    css = """
    body { font-family: 'Liberation Sans', sans-serif; font-size: 9.5pt; }
    .nm { text-align:center; font-size: 30pt; font-weight: 300; color: #5d5d5d; }
    .nm b { color: #333; font-weight: bold; }
    .pos { text-align:center; color: #dc3522; font-variant: small-caps; font-size: 9pt; letter-spacing: 1px; }
    .ct { text-align:center; font-size: 8.5pt; color: #666; margin-top: 4px; }
    h2 { font-size: 15pt; color: #333; margin-top: 14px; border-bottom: 1px solid #aaa; }
    h2 span { color: #dc3522; }
    .row { display:flex; justify-content: space-between; } .org { font-weight: bold; font-size: 10.5pt; }
    .loc { color: #dc3522; font-style: italic; } .ttl { font-variant: small-caps; color: #666; } .dt { color:#888; font-style: italic; }
    """
    ct = "&nbsp;|&nbsp;".join([f"{FA_PHONE} {E(p['phone'])}", f"{FA_ENVELOPE} {E(p['email'])}",
                               f"{FA_MAP} {E(p['location'])}"] + [f"{FA_LINKEDIN} {E(lk)}" for lk in p["links"]])
    body = (f"<div class='nm'>{E(first)} <b>{E(last)}</b></div>"
            f"<div class='pos'>{E(p['title'])} · Project Delivery · Stakeholder Management</div><div class='ct'>{ct}</div>")
    body += f"<h2><span>Sum</span>mary</h2><p>{E(p['summary'] or 'Results-driven professional with a track record of delivery.')}</p>"
    body += "<h2><span>Exp</span>erience</h2>"
    for i, (t, c, d) in enumerate([(p["title"], p["company"], p["dates"])] + p["prev"]):
        body += (f"<div class='row'><span class='org'>{E(c)}</span><span class='loc'>{E(p['location'])}</span></div>"
                 f"<div class='row'><span class='ttl'>{E(t)}</span><span class='dt'>{E(d)}</span></div>"
                 + ul(bullets_for(t, c)[:2]))
    body += "<h2><span>Edu</span>cation</h2>"
    for deg, sch, yr in p["edu"]:
        body += (f"<div class='row'><span class='org'>{E(sch or deg)}</span><span class='loc'></span></div>"
                 f"<div class='row'><span class='ttl'>{E(deg)}</span><span class='dt'>{E(yr)}</span></div>")
    body += f"<h2><span>Ski</span>lls</h2><p>{E(' · '.join(p['skills']))}</p>"
    return page(body, css, p["name"])


# ----------------------------------------------------------------- sidebar
def html_sidebar(p):
    """Canva-like two-column design: coloured sidebar with photo circle, contact (icons), skills; main column."""
    css = """
    @page { margin: 0; }
    body { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; }
    .wrap { display: flex; min-height: 297mm; }
    .side { width: 34%; background: #23395b; color: #fff; padding: 18mm 8mm 10mm 10mm; box-sizing: border-box; }
    .main { width: 66%; padding: 18mm 12mm 10mm 10mm; box-sizing: border-box; }
    .photo { width: 34mm; height: 34mm; border-radius: 50%; background: #8aa1c1; margin: 0 auto 10mm auto;
             overflow: hidden; }
    .side h3 { border-bottom: 1px solid #8aa1c1; font-size: 10.5pt; letter-spacing: 2px; margin: 12px 0 6px 0; }
    .side p { margin: 4px 0; font-size: 8.5pt; }
    .nm { font-size: 26pt; font-weight: bold; color: #23395b; line-height: 1.1; text-transform: uppercase; }
    .pos { font-size: 12pt; letter-spacing: 3px; color: #777; margin-bottom: 10px; text-transform: uppercase; }
    .main h2 { color: #23395b; letter-spacing: 2px; font-size: 12pt; text-transform: uppercase; }
    .main h4 { margin: 8px 0 0 0; font-size: 10.5pt; } .meta { color: #666; font-size: 9pt; }
    """
    first, last = p["shown_name"].rsplit(" ", 1)
    side = f"<div class='photo'>{SILHOUETTE}</div><h3>CONTACT</h3>"
    side += f"<p>☎ {E(p['phone'])}</p><p>✉ {E(p['email'])}</p><p>⌂ {E(p['location'])}</p>"
    for lk in p["links"]:
        side += f"<p>🔗 {E(lk)}</p>"
    side += "<h3>SKILLS</h3>" + "".join(f"<p>• {E(s)}</p>" for s in p["skills"])
    side += "<h3>EDUCATION</h3>" + "".join(f"<p><b>{E(d)}</b><br>{E(s)}<br>{E(y)}</p>" for d, s, y in p["edu"])
    side += "<h3>LANGUAGES</h3><p>English</p>"
    main = f"<div class='nm'>{E(first)}<br>{E(last)}</div><div class='pos'>{E(p['title'])}</div>"
    main += ("<h2>Profile</h2><p>Creative, detail-oriented professional who enjoys turning complex problems "
             "into simple, elegant solutions.</p><h2>Work Experience</h2>")
    for i, (t, c, d) in enumerate([(p["title"], p["company"], p["dates"])] + p["prev"]):
        if p["role"] == "sidebar_company_h3":
            main += f"<h4>{E(c)}</h4><div class='meta'>{E(t)} &nbsp;/&nbsp; {E(d)}</div>"
        else:
            main += f"<h4>{E(t)}</h4><div class='meta'>{E(c)} | {E(d)}</div>"
        main += ul(bullets_for(t, c)[:2])
    return page(f"<div class='wrap'><div class='side'>{side}</div><div class='main'>{main}</div></div>", css, p["name"])


# ---------------------------------------------------------------- europass
def html_europass(p):
    """Classic (pre-2020) Europass CV: label column on the left, content on the right."""
    css = """
    body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; }
    table { width: 100%; border-collapse: collapse; } td { vertical-align: top; padding: 2px 6px; }
    td.l { width: 30%; text-align: right; color: #0e4194; border-right: 1px solid #0e4194; }
    .logo { color: #0e4194; font-size: 13pt; font-weight: bold; }
    .sec td.l { font-size: 11pt; text-transform: uppercase; padding-top: 12px; }
    """
    rows = [("<span class='logo'>europass</span><br>Curriculum Vitae", "")]
    rows += [("<b>PERSONAL INFORMATION</b>", f"<b style='font-size:13pt'>{E(p['shown_name'])}</b>"),
             ("", f"⌂ {E(p['address'])}"), ("", f"☎ {E(p['phone'])}"),
             ("", f"✉ {E(p['email'])}"), ("", "Sex Male | Date of birth 12/05/1988 | Nationality German"),
             ("<b>JOB APPLIED FOR</b>", f"{E(p['title'])}")]
    html_rows = "".join(f"<tr><td class='l'>{a}</td><td>{b}</td></tr>" for a, b in rows)
    html_rows += "<tr class='sec'><td class='l'>Work experience</td><td></td></tr>"
    for t, c, d in [(p["title"], p["company"], p["dates"])] + p["prev"]:
        html_rows += (f"<tr><td class='l'>Dates</td><td>{E(d)}</td></tr>"
                      f"<tr><td class='l'>Occupation or position held</td><td><b>{E(t)}</b></td></tr>"
                      f"<tr><td class='l'>Name and address of employer</td><td>{E(c)}, {E(p['location'].split(',')[0])}</td></tr>"
                      f"<tr><td class='l'>Main activities and responsibilities</td><td>{E(bullets_for(t, c)[0])}</td></tr>"
                      "<tr><td class='l'>&nbsp;</td><td></td></tr>")
    html_rows += "<tr class='sec'><td class='l'>Education and training</td><td></td></tr>"
    for deg, sch, yr in p["edu"]:
        html_rows += (f"<tr><td class='l'>Dates</td><td>{E(yr)}</td></tr>"
                      f"<tr><td class='l'>Title of qualification awarded</td><td><b>{E(deg)}</b></td></tr>"
                      f"<tr><td class='l'>Name of organisation</td><td>{E(sch)}</td></tr>")
    html_rows += ("<tr class='sec'><td class='l'>Personal skills</td><td></td></tr>"
                  "<tr><td class='l'>Mother tongue(s)</td><td>German</td></tr>"
                  "<tr><td class='l'>Other language(s)</td><td>English (C1), French (A2)</td></tr>"
                  f"<tr><td class='l'>Digital competence</td><td>{E(', '.join(p['skills']))}</td></tr>")
    return page(f"<table>{html_rows}</table>", css, p["name"])


# ------------------------------------------------------------- tableheader
def html_tableheader(p):
    """Header built as a bordered table: photo box | name + contact; dates in a left column below."""
    css = """
    body { font-family: 'Liberation Serif', serif; font-size: 10.5pt; }
    table.h { width: 100%; border-collapse: collapse; border: 1px solid #999; }
    table.h td { border: 1px solid #999; padding: 6px; vertical-align: middle; }
    .photo { width: 30mm; height: 38mm; padding: 0 !important; }
    .nm { font-size: 20pt; font-weight: bold; }
    table.x { width: 100%; border-collapse: collapse; margin-top: 4px; } table.x td { vertical-align: top; padding: 3px; }
    td.d { width: 22%; color: #333; }
    h2 { background: #e8e8e8; padding: 3px 6px; font-size: 11.5pt; }
    """
    hdr = (f"<table class='h'><tr><td class='photo' rowspan='3'>{SILHOUETTE}</td>"
           f"<td colspan='2' class='nm'>{E(p['shown_name'])}</td></tr>"
           f"<tr><td>Phone: {E(p['phone'])}</td><td>Email: {E(p['email'])}</td></tr>"
           f"<tr><td>Location: {E(p['location'])}</td><td>{E(' · '.join(p['links']) or 'Available: 4 weeks notice')}</td></tr></table>")
    body = hdr + "<h2>Career Summary</h2><p>Hands-on professional with a strong delivery record.</p><h2>Employment History</h2><table class='x'>"
    for t, c, d in [(p["title"], p["company"], p["dates"])] + p["prev"]:
        body += f"<tr><td class='d'>{E(d)}</td><td><b>{E(t)}</b> — {E(c)}, {E(p['location'].split(',')[0])}{ul(bullets_for(t, c)[:2])}</td></tr>"
    body += "</table><h2>Education</h2><table class='x'>"
    for deg, sch, yr in p["edu"]:
        body += f"<tr><td class='d'>{E(yr)}</td><td><b>{E(deg)}</b>, {E(sch)}</td></tr>"
    body += f"</table><h2>Key Skills</h2><p>{E(', '.join(p['skills']))}</p><h2>References</h2><p>Available on request.</p>"
    return page(body, css, p["name"])


# ------------------------------------------------------------- footer_html
def html_footer(p):
    """Google Docs-ish résumé whose contact details live only in a running footer (repeated on each page)."""
    css = """
    @page { margin: 16mm 18mm 12mm 18mm; }
    body { font-family: 'Liberation Sans', sans-serif; font-size: 11pt; }
    .nm { font-size: 26pt; color: #1a5c52; } .sub { color:#666; margin-bottom: 10px; }
    .foot { position: fixed; bottom: 0; left: 0; right: 0; text-align: center; font-size: 8.5pt; color: #555;
            border-top: 1px solid #ccc; padding-top: 3px; }
    h2 { color: #1a5c52; font-size: 12pt; text-transform: uppercase; }
    .row { display:flex; justify-content: space-between; font-weight: bold; } .pb { page-break-before: always; }
    """
    foot = f"<div class='foot'>{E(p['email'])} • {E(p['phone'])} • {E(p['location'])}</div>"
    body = foot + f"<div class='nm'>{E(p['shown_name'])}</div><div class='sub'>Compassionate clinician · patient advocate</div>"
    body += "<h2>Experience</h2>"
    for t, c, d in [(p["title"], p["company"], p["dates"])] + p["prev"]:
        body += f"<div class='row'><span>{E(t)} — {E(c)}</span><span>{E(d)}</span></div>" + ul(bullets_for(t, c))
    body += "<div class='pb'></div><h2>Education</h2>"
    for deg, sch, yr in p["edu"]:
        body += f"<div class='row'><span>{E(deg)}, {E(sch)}</span><span>{E(yr)}</span></div>"
    body += f"<h2>Certifications &amp; Skills</h2>{ul(p['skills'])}<h2>Volunteering</h2><p>First-aid volunteer, community marathon (2018–2023).</p>"
    return page(body, css, p["name"])


# ----------------------------------------------------------- academic_html
def html_academic(p):
    """Academic CV: 'Curriculum Vitae' first line, name, current position, contact, year-column sections."""
    css = """
    body { font-family: 'DejaVu Serif', serif; font-size: 10pt; }
    .cv { font-size: 10pt; letter-spacing: 3px; text-transform: uppercase; color: #555; }
    .nm { font-size: 20pt; margin: 4px 0; } h2 { font-size: 11.5pt; font-variant: small-caps; border-bottom: 1px solid #999; }
    table { border-collapse: collapse; width: 100%; } td { vertical-align: top; padding: 2px 4px; } td.y { width: 16%; }
    """
    body = (f"<div class='cv'>Curriculum Vitae</div><div class='nm'>{E(p['shown_name'])}</div>"
            f"<div>Department of Marine Sciences<br>{E(p['company'])}<br>SE-106 91 {E(p['location'].split(',')[0])}, Sweden</div>"
            f"<div>Tel. {E(p['phone'])} &nbsp; · &nbsp; E-mail: {E(p['email'])} &nbsp; · &nbsp; ORCID 0000-0002-1825-0097</div>")
    body += (f"<h2>Current Position</h2><table><tr><td class='y'>{E(p['dates'])}</td>"
             f"<td><b>{E(p['title'])}</b>, {E(p['company'])}<br>Supervisor: Prof. A. Holm</td></tr></table>")
    body += "<h2>Previous Positions</h2><table>" + "".join(
        f"<tr><td class='y'>{E(d)}</td><td>{E(t)}, {E(c)}</td></tr>" for t, c, d in p["prev"]) + "</table>"
    body += "<h2>Education</h2><table>" + "".join(
        f"<tr><td class='y'>{E(y)}</td><td>{E(d)}, {E(s)}</td></tr>" for d, s, y in p["edu"]) + "</table>"
    body += ("<h2>Publications</h2><ol>"
             "<li>Lindqvist S., Holm A. (2023). Seasonal drivers of zooplankton biomass in the Baltic. <i>Journal of Marine Examples</i> 12: 1–14.</li>"
             "<li>Berg K., Lindqvist S. (2021). Bayesian models for sparse trawl data. <i>Example Ecology Letters</i> 4: 88–97.</li></ol>"
             "<h2>Teaching</h2><p>Statistics for Biologists (TA), 2018–2021.</p>"
             f"<h2>Skills</h2><p>{E(', '.join(p['skills']))}</p>")
    return page(body, css, p["name"])


HTML_LAYOUTS = {
    "classic": html_classic, "jakes": html_jakes, "moderncv": html_moderncv, "awesomecv": html_awesomecv,
    "sidebar": html_sidebar, "europass": html_europass, "tableheader": html_tableheader,
    "footer_html": html_footer, "academic_html": html_academic,
}


def chromium_pdf(html_text: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as td:
        src = Path(td) / "in.html"
        src.write_text(html_text, encoding="utf-8")
        prof = Path(td) / "profile"
        cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={prof}", f"--print-to-pdf={out}", "--no-pdf-header-footer", src.as_uri()]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    if not out.exists() or out.stat().st_size == 0:
        raise RuntimeError(f"chromium produced no PDF for {out.name}")


# ================================================================ reportlab
def rl_fonts():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    d = "/usr/share/fonts/truetype/dejavu/"
    for n, f in [("DV", "DejaVuSans.ttf"), ("DV-B", "DejaVuSans-Bold.ttf"), ("DV-I", "DejaVuSans-Oblique.ttf"),
                 ("DVS", "DejaVuSerif.ttf"), ("DVS-B", "DejaVuSerif-Bold.ttf"), ("DVS-I", "DejaVuSerif-Italic.ttf"),
                 ("DVM", "DejaVuSansMono.ttf"), ("DVM-B", "DejaVuSansMono-Bold.ttf")]:
        pdfmetrics.registerFont(TTFont(n, d + f))


def rl_plaintext(p, out: Path):
    """A résumé typed as plain text (monospace), ALL-CAPS headings, dashed rules, exported to PDF."""
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen import canvas
    c = canvas.Canvas(str(out), pagesize=LETTER)
    c.setTitle(p["name"])
    y = 750
    W = 78

    def line(s="", bold=False):
        nonlocal y
        if y < 50:
            c.showPage()
            y = 750
        c.setFont("DVM-B" if bold else "DVM", 9.5)
        c.drawString(40, y, s)
        y -= 12.5

    line(p["shown_name"], bold=True)
    if p["stem"].startswith("22_"):
        line(f"{p['location']}  *  {p['phone']}  *  {p['email']}")
    else:
        line(p["location"])
        line(f"Mobile: {p['phone']}")
        line(f"Email:  {p['email']}")
    line("-" * W)
    line("SUMMARY", bold=True)
    line("Analytical, dependable professional; comfortable with ambiguity and")
    line("tight deadlines.")
    line()
    line("EXPERIENCE", bold=True)
    roles = [(p["title"], p["company"], p["dates"])] + p["prev"]
    for t, co, d in roles:
        r = p["role"]
        if r == "plain_title_then_company_dates":
            line(t.upper(), bold=True)
            left = f"{co}, {p['location'].split(',')[0]}"
            line(left + " " * max(2, W - len(left) - len(d)) + d)
        elif r == "plain_company_dashdash_title":
            line(f"{co}, {p['location'].split(',')[0]} -- {t} -- {d}", bold=True)
        else:
            line(f"{t} at {co} ({d})", bold=True)
        for b in bullets_for(t, co)[:2]:
            words, cur = b.split(), "  - "
            for w in words:
                if len(cur) + len(w) + 1 > W:
                    line(cur)
                    cur = "    "
                cur += w + " "
            line(cur)
        line()
    line("EDUCATION", bold=True)
    for deg, sch, yr in p["edu"]:
        line(f"{deg}, {sch} ({yr})")
    line()
    line("SKILLS", bold=True)
    line(", ".join(p["skills"]))
    line()
    line("REFERENCES", bold=True)
    line("Available upon request.")
    c.save()


def rl_academic(p, out: Path):
    """Academic CV with Platypus: 'Curriculum Vitae' title, name with 'Dr.', appointments in a year column."""
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    ss = {
        "t": ParagraphStyle("t", fontName="DVS", fontSize=11, alignment=1, spaceAfter=4),
        "n": ParagraphStyle("n", fontName="DVS-B", fontSize=18, alignment=1, spaceAfter=6, leading=22),
        "c": ParagraphStyle("c", fontName="DVS", fontSize=9.5, alignment=1, leading=12),
        "h": ParagraphStyle("h", fontName="DVS-B", fontSize=11.5, spaceBefore=10, spaceAfter=4),
        "b": ParagraphStyle("b", fontName="DVS", fontSize=9.5, leading=12),
    }
    E_ = E
    fl = [Paragraph("CURRICULUM VITAE", ss["t"]), Paragraph(E_(p["shown_name"]), ss["n"]),
          Paragraph(f"Department of Biology, {E_(p['company'])}<br/>77 Example Avenue, {E_(p['location'])} 02139", ss["c"]),
          Paragraph(f"Phone: {E_(p['phone'])} · Email: {E_(p['email'])} · Web: petrovalab.example.org", ss["c"])]

    def sec(title, rows):
        fl.append(Paragraph(title, ss["h"]))
        t = Table([[Paragraph(E_(a), ss["b"]), Paragraph(b, ss["b"])] for a, b in rows], colWidths=[90, 380])
        t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        fl.append(t)

    sec("ACADEMIC APPOINTMENTS", [(p["dates"], f"{E_(p['title'])}, {E_(p['company'])}")]
        + [(d, f"{E_(t)}, {E_(c)}") for t, c, d in p["prev"]])
    sec("EDUCATION", [(y, f"{E_(d)}, {E_(s)}") for d, s, y in p["edu"]])
    sec("GRANTS AND AWARDS", [("2022", "Early Career Investigator Award, Example Foundation ($450,000)"),
                              ("2019", "Postdoctoral Fellowship, Example Genomics Society")])
    sec("SELECTED PUBLICATIONS", [("2023", "<b>Petrova E.</b>, Chen L., Ortiz M. Single-cell atlases of example tissue. <i>Example Genome Res.</i> 33:101–115."),
                                  ("2021", "Ortiz M., <b>Petrova E.</b> Sparse models for regulatory networks. <i>J. Example Comput. Biol.</i> 28:77–90.")])
    sec("TEACHING", [("2022–", "BIOL 4410 Computational Genomics (instructor of record)")])
    fl.append(Spacer(1, 6))
    fl.append(Paragraph("Skills: " + E_(", ".join(p["skills"])), ss["b"]))
    SimpleDocTemplate(str(out), pagesize=LETTER, title=p["name"], leftMargin=60, rightMargin=60,
                      topMargin=50, bottomMargin=50).build(fl)


def rl_headerfooter(p, out: Path):
    """Name in a running page header and contact details in the running footer; body has only the content."""
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate
    W, H = LETTER

    def deco(c, doc):
        c.saveState()
        c.setFont("DV-B", 16)
        c.drawString(54, H - 48, p["shown_name"])
        c.setFont("DV", 9)
        c.drawRightString(W - 54, H - 46, "Software Engineer · Résumé")
        c.line(54, H - 56, W - 54, H - 56)
        c.line(54, 46, W - 54, 46)
        c.drawCentredString(W / 2, 34, f"{p['location']}  ·  {p['phone']}  ·  {p['email']}  ·  {p['links'][0] if p['links'] else ''}")
        c.drawRightString(W - 54, 22, f"Page {doc.page}")
        c.restoreState()

    h = ParagraphStyle("h", fontName="DV-B", fontSize=11, spaceBefore=10, spaceAfter=3, textColor="#1f4e79")
    b = ParagraphStyle("b", fontName="DV", fontSize=9.5, leading=12.5)
    bi = ParagraphStyle("bi", parent=b, leftIndent=12, bulletIndent=2)
    fl = [Paragraph("SUMMARY", h), Paragraph("Backend engineer focused on correctness, performance and operability "
                                              "of high-volume financial systems.", b), Paragraph("EXPERIENCE", h)]
    for t, c, d in [(p["title"], p["company"], p["dates"])] + p["prev"]:
        fl.append(Paragraph(f"<b>{E(c)}</b> — {E(p['location'])}", b))
        fl.append(Paragraph(f"<i>{E(t)}</i> · {E(d)}", b))
        for x in bullets_for(t, c):
            fl.append(Paragraph(E(x), bi, bulletText="•"))
    fl.append(Paragraph("EDUCATION", h))
    for deg, sch, yr in p["edu"]:
        fl.append(Paragraph(f"{E(deg)}, {E(sch)}, {E(yr)}", b))
    fl.append(Paragraph("SKILLS", h))
    fl.append(Paragraph(E(", ".join(p["skills"])), b))
    SimpleDocTemplate(str(out), pagesize=LETTER, title=p["name"], leftMargin=54, rightMargin=54,
                      topMargin=72, bottomMargin=64).build(fl, onFirstPage=deco, onLaterPages=deco)


def rl_twocol(p, out: Path):
    """Two frames side by side (sidebar on the right with contact & skills), drawn with Platypus frames."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph, Spacer
    W, H = A4
    main_w = W * 0.62
    doc = BaseDocTemplate(str(out), pagesize=A4, title=p["name"])
    fm = Frame(36, 36, main_w - 36, H - 72, id="main")
    fs = Frame(main_w + 12, 36, W - main_w - 48, H - 72, id="side")

    def bg(c, d):
        c.saveState()
        c.setFillColor("#eef2f3")
        c.rect(main_w, 0, W - main_w, H, stroke=0, fill=1)
        c.restoreState()

    doc.addPageTemplates([PageTemplate(id="two", frames=[fm, fs], onPage=bg)])
    nm = ParagraphStyle("nm", fontName="DV-B", fontSize=24, leading=28, textColor="#0b6e4f")
    h = ParagraphStyle("h", fontName="DV-B", fontSize=11, spaceBefore=10, spaceAfter=4, textColor="#0b6e4f")
    b = ParagraphStyle("b", fontName="DV", fontSize=9.5, leading=12.5)
    bb = ParagraphStyle("bb", parent=b, fontName="DV-B")
    sm = ParagraphStyle("sm", parent=b, fontSize=8.5, textColor="#555")
    fl = [Paragraph(E(p["shown_name"]), nm), Spacer(1, 4),
          Paragraph("Reliable, curious, and pragmatic. I like systems that fail gracefully.", sm),
          Paragraph("WORK HISTORY", h)]
    for t, c, d in [(p["title"], p["company"], p["dates"])] + p["prev"]:
        if p["role"] == "company_line_title_line_dates_line":
            fl += [Paragraph(E(c), bb), Paragraph(E(t), b), Paragraph(E(d), sm)]
        else:
            fl += [Paragraph(E(t), bb), Paragraph(f"{E(c)} · {E(d)}", sm)]
        for x in bullets_for(t, c)[:2]:
            fl.append(Paragraph("• " + E(x), b))
        fl.append(Spacer(1, 4))
    fl.append(Paragraph("EDUCATION", h))
    for deg, sch, yr in p["edu"]:
        fl += [Paragraph(E(deg), bb), Paragraph(f"{E(sch)} · {E(yr)}", sm)]
    fl.append(FrameBreak())
    fl += [Paragraph("DETAILS", h), Paragraph(E(p["location"]), b), Paragraph(E(p["phone"]), b),
           Paragraph(E(p["email"]), b), Paragraph("SKILLS", h)]
    fl += [Paragraph(E(s), b) for s in p["skills"]]
    fl += [Paragraph("HOBBIES", h), Paragraph("Surfing, bouldering, home-brewing", b)]
    doc.build(fl)


RL_LAYOUTS = {"plaintext": rl_plaintext, "academic_rl": rl_academic,
              "headerfooter_rl": rl_headerfooter, "twocol_rl": rl_twocol}


# ===================================================================== DOCX
def docx_build(p, out: Path):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor
    doc = Document()
    doc.core_properties.author = "Microsoft Office User"
    st = doc.styles["Normal"]
    st.font.name = "Calibri"
    st.font.size = Pt(10.5)
    lay = p["layout"]
    roles = [(p["title"], p["company"], p["dates"])] + p["prev"]

    def heading(t):
        para = doc.add_paragraph()
        r = para.add_run(t.upper())
        r.bold = True
        r.font.size = Pt(12)
        r.font.color.rgb = RGBColor(0x2E, 0x74, 0xB5)

    def bullets(items):
        for x in items:
            doc.add_paragraph(x, style="List Bullet")

    if lay == "docx_standard":
        doc.add_paragraph(p["shown_name"], style="Title")
        doc.add_paragraph(f"{p['location']} • {p['phone']} • {p['email']}")
        heading("Summary")
        doc.add_paragraph("People-focused HR professional partnering with leaders on organisation design and engagement.")
        heading("Experience")
        for t, c, d in roles:
            r = doc.add_paragraph().add_run(f"{t} | {c} | {d}")
            r.bold = True
            bullets(bullets_for(t, c)[:2])
    elif lay == "docx_table":
        tbl = doc.add_table(rows=1, cols=2)
        tbl.style = "Table Grid"
        l, r = tbl.rows[0].cells
        l.paragraphs[0].add_run(p["shown_name"]).bold = True
        l.paragraphs[0].runs[0].font.size = Pt(22)
        l.add_paragraph(p["title"])
        r.paragraphs[0].add_run(f"✉ {p['email']}")
        r.add_paragraph(f"☎ {p['phone']}")
        r.add_paragraph(f"⌂ {p['location']}")
        r.add_paragraph("github.com/mateusoliveira-example")
        heading("Experiência Profissional / Experience")
        for t, c, d in roles:
            doc.add_paragraph().add_run(f"{c} — {t} ({d})").bold = True
            bullets(bullets_for(t, c)[:2])
    elif lay == "docx_header":
        sec = doc.sections[0]
        hp = sec.header.paragraphs[0]
        hp.text = f"{p['shown_name']}\t\t{p['phone']}"
        sec.header.add_paragraph(f"{p['email']}\t\t{p['location']}")
        sec.footer.paragraphs[0].text = "I agree to the processing of personal data provided in this document for realising the recruitment process."
        doc.add_paragraph("RESUME", style="Heading 1")
        heading("Work experience")
        for t, c, d in roles:
            doc.add_paragraph().add_run(t).bold = True
            doc.add_paragraph(c)
            doc.add_paragraph(d).runs[0].italic = True
            bullets(bullets_for(t, c)[:2])
    elif lay == "docx_cv":
        t0 = doc.add_paragraph("Curriculum Vitae")
        t0.alignment = WD_ALIGN_PARAGRAPH.CENTER
        tbl = doc.add_table(rows=0, cols=2)
        tbl.style = "Table Grid"
        for k, v in [("Name", p["shown_name"]), ("Address", f"Kita-ku, {p['location']}"), ("Mobile", p["phone"]),
                     ("E-mail", p["email"]), ("Date of birth", "1989-07-21")]:
            row = tbl.add_row().cells
            row[0].text, row[1].text = k, v
        heading("Work History")
        tbl2 = doc.add_table(rows=1, cols=3)
        tbl2.style = "Table Grid"
        for i, h_ in enumerate(["Period", "Company", "Position"]):
            tbl2.rows[0].cells[i].text = h_
        for t, c, d in roles:
            row = tbl2.add_row().cells
            row[0].text, row[1].text, row[2].text = d, c, t
        doc.add_paragraph()
        bullets(bullets_for(p["title"], p["company"]))
    heading("Education")
    for deg, sch, yr in p["edu"]:
        doc.add_paragraph(f"{deg}, {sch}, {yr}".replace(", ,", ","))
    heading("Skills")
    doc.add_paragraph(", ".join(p["skills"]))
    doc.save(str(out))


# ===================================================================== main
def expected_for(p):
    return {"name": p["name"], "email": p["email"], "phone": p["e164"], "current_title": p["title"],
            "current_company": p["company"], "location": p["location"]}


def main():
    out_dir = HERE
    for f in out_dir.iterdir():
        if f.suffix in (".pdf", ".docx"):
            f.unlink()
    rl_fonts()
    expected, jobs = {}, []
    for p in P:
        ext = ".docx" if p["tool"] == "docx" else ".pdf"
        out = out_dir / (p["stem"] + ext)
        expected[out.name] = expected_for(p)
        if p["tool"] == "chromium":
            jobs.append((HTML_LAYOUTS[p["layout"]](p), out))
        elif p["tool"] == "reportlab":
            RL_LAYOUTS[p["layout"]](p, out)
        else:
            docx_build(p, out)
    if jobs:
        if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
            sys.exit(f"chromium not found at {CHROMIUM}")
        with ThreadPoolExecutor(4) as ex:
            list(ex.map(lambda j: chromium_pdf(*j), jobs))
    (out_dir / "expected.json").write_text(json.dumps(expected, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    total = sum(f.stat().st_size for f in out_dir.iterdir() if f.is_file())
    print(f"wrote {len(expected)} résumés to {out_dir} ({total / 1024:.0f} KiB total)")


if __name__ == "__main__":
    main()
