# -*- coding: utf-8 -*-
"""Generate the blind résumé corpus into ./files and ./expected.json.

Tools: headless Chromium (HTML -> PDF), ReportLab (PDF), python-docx (DOCX).
Run:  .venv/bin/python tests/data/ingest_blind3/generate.py
"""
import html
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from people import PEOPLE  # noqa: E402

OUT = os.path.join(HERE, "files")
os.makedirs(OUT, exist_ok=True)
E = html.escape

CHROMIUM = ["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-pdf-header-footer"]


def chromium_pdf(html_text, out_pdf):
    with tempfile.TemporaryDirectory() as td:
        src = os.path.join(td, "cv.html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(html_text)
        prof = tempfile.mkdtemp(prefix="chr-")
        cmd = CHROMIUM + ["--user-data-dir=" + prof, "--print-to-pdf=" + out_pdf, "file://" + src]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
        subprocess.run(["rm", "-rf", prof])


def page(css, body, lang="en", size="A4"):
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>CV</title>
<style>@page {{ size: {size}; margin: 0; }} html,body{{margin:0;padding:0}} {css}</style></head>
<body>{body}</body></html>"""


def bullets(b):
    return "<ul>" + "".join(f"<li>{E(x)}</li>" for x in b) + "</ul>" if b else ""


# =====================================================================================
# HTML layouts
# =====================================================================================

def h_right_block(p):
    css = """body{font-family:'Liberation Sans',Arial,sans-serif;font-size:10.5pt;color:#222}
.wrap{padding:16mm 18mm}
.top{display:flex;justify-content:space-between;align-items:flex-start;border-bottom:2px solid #2b5d8a;padding-bottom:8px}
.nm{font-size:24pt;font-weight:bold;color:#2b5d8a;line-height:1.1}
.sub{font-size:11pt;color:#555;margin-top:4px}
.ct{text-align:right;font-size:9.5pt;line-height:1.5}
h2{font-size:11pt;color:#2b5d8a;text-transform:uppercase;letter-spacing:1px;margin:14px 0 6px}
.job{margin-bottom:8px}.jh{display:flex;justify-content:space-between}.jt{font-weight:bold}
.jd{color:#555;font-size:9.5pt} ul{margin:3px 0 0 16px;padding:0} li{margin-bottom:2px}"""
    jobs = "".join(f"""<div class="job"><div class="jh"><span class="jt">{E(j['t'])} — {E(j['c'])}</span>
<span class="jd">{E(j['d'])}</span></div><div class="jd">{E(j['l'])}</div>{bullets(j['b'])}</div>""" for j in p["jobs"])
    edu = "".join(f"<div class='jh'><span><b>{E(a)}</b>{', ' + E(b) if b else ''}</span><span class='jd'>{E(c)}</span></div>" for a, b, c in p["edu"])
    body = f"""<div class="wrap"><div class="top"><div><div class="nm">{E(p['name_disp'])}</div>
<div class="sub">{E(p['title'])}</div></div>
<div class="ct">{E(p['loc_disp'])}<br>{E(p['phone_disp'])}<br>{E(p['email'])}<br>linkedin.com/in/{E(p['id'])}-{E(p['name'].split()[-1].lower())}</div></div>
{('<h2>Summary</h2><p>' + E(p['summary']) + '</p>') if p['summary'] else ''}
<h2>Experience</h2>{jobs}<h2>Education</h2>{edu}<h2>Skills</h2><p>{E(' · '.join(p['skills']))}</p></div>"""
    return page(css, body, size="Letter" if p["id"] == "p03" else "A4")


def h_europass(p):
    x = p["extra"]
    css = """body{font-family:'Liberation Sans',Arial,sans-serif;font-size:10pt;color:#333}
.wrap{padding:14mm 16mm}
.hdr{display:flex;gap:18px;align-items:center;border-bottom:1px solid #ccc;padding-bottom:10px}
.logo{font-weight:bold;color:#fff;background:#0e47cb;padding:6px 8px;font-size:9pt;border-radius:3px}
.nm{font-size:20pt;font-weight:bold;color:#0e47cb}
.pd{font-size:9pt;line-height:1.6;margin-top:4px}
.pd b{color:#555;font-weight:bold}
h2{font-size:11pt;color:#0e47cb;border-bottom:1px solid #0e47cb;margin:16px 0 6px;padding-bottom:2px;text-transform:uppercase}
.date{font-size:8.5pt;color:#777} .role{font-weight:bold;font-size:10.5pt;text-transform:uppercase;margin-top:2px}
.org{font-size:9.5pt} ul{margin:3px 0 8px 16px;padding:0}
table{border-collapse:collapse;font-size:8.5pt} td,th{border:1px solid #ccc;padding:3px 6px;text-align:center}"""
    jobs = "".join(f"""<div class="date">{E(j['d'])} {E(j['l'])}</div><div class="role">{E(j['t'])}</div>
<div class="org">{E(j['c'])}</div>{bullets(j['b'])}""" for j in p["jobs"])
    edu = "".join(f"<div class='date'>{E(c)}</div><div class='role'>{E(a)}</div><div class='org'>{E(b)}</div><br>" for a, b, c in p["edu"])
    lt = "".join(f"<tr><td style='text-align:left'><b>{E(l[0])}</b></td>" + "".join(f"<td>{v}</td>" for v in l[1:]) + "</tr>" for l in x["other_langs"])
    body = f"""<div class="wrap"><div class="hdr"><div class="logo">europass</div><div>
<div class="nm">{E(p['name_disp'])}</div>
<div class="pd"><b>Nationality:</b> {E(x['nationality'])} &nbsp; <b>Date of birth:</b> {E(x['dob'])} &nbsp;
<b>Phone number:</b> {E(p['phone_disp'])} (Mobile) &nbsp; <b>Email address:</b> {E(p['email'])}<br>
<b>Home:</b> {E(x['addr'])}</div></div></div>
<h2>Work experience</h2>{jobs}
<h2>Education and training</h2>{edu}
<h2>Language skills</h2><div>Mother tongue(s): <b>{E(x['mother'])}</b></div><div>Other language(s):</div>
<table><tr><th></th><th colspan=2>UNDERSTANDING</th><th colspan=2>SPEAKING</th><th>WRITING</th></tr>
<tr><th></th><th>Listening</th><th>Reading</th><th>Spoken production</th><th>Spoken interaction</th><th></th></tr>{lt}</table>
<div class="date">Levels: A1 and A2: Basic user; B1 and B2: Independent user; C1 and C2: Proficient user</div>
<h2>Digital skills</h2><p>{E(' | '.join(p['skills']))}</p></div>"""
    return page(css, body)


def h_swe_matrix(p):
    css = """body{font-family:'DejaVu Sans',sans-serif;font-size:9.5pt;color:#111}
.wrap{padding:12mm 14mm}
.nm{font-size:19pt;font-weight:bold;letter-spacing:.5px}
.ct{font-family:'DejaVu Sans Mono',monospace;font-size:8.5pt;margin:3px 0 10px}
table.m{width:100%;border-collapse:collapse;margin-bottom:10px;font-size:9pt}
table.m th{background:#222;color:#fff;text-align:left;padding:4px}
table.m td{border-bottom:1px solid #ddd;padding:3px 4px}
.bar{display:inline-block;height:7px;background:#3a7;vertical-align:middle}
h2{font-size:10.5pt;margin:12px 0 4px;border-left:4px solid #3a7;padding-left:6px}
.jt{font-weight:bold}.jd{float:right;font-family:'DejaVu Sans Mono',monospace;font-size:8.5pt}
ul{margin:2px 0 8px 16px;padding:0}"""
    lvl = {"Expert": 100, "Advanced": 75, "Intermediate": 50}
    rows = "".join(f"<tr><td>{E(s)}</td><td>{y} yrs</td><td>{E(l)}</td><td><span class='bar' style='width:{lvl[l]}px'></span></td></tr>" for s, y, l in p["skills"])
    jobs = "".join(f"""<div><span class="jt">{E(j['c'])}</span> | {E(j['t'])} | {E(j['l'])}<span class="jd">{E(j['d'])}</span></div>{bullets(j['b'])}""" for j in p["jobs"])
    edu = "".join(f"<div><b>{E(b)}</b> — {E(a)} <span class='jd'>{E(c)}</span></div>" for a, b, c in p["edu"])
    body = f"""<div class="wrap"><div class="nm">{E(p['name_disp'])}</div>
<div class="ct">{E(p['email'])} · {E(p['phone_disp'])} · {E(p['loc_disp'])} · {E(p['extra']['github'])}</div>
<table class="m"><tr><th>Skill</th><th>Experience</th><th>Level</th><th></th></tr>{rows}</table>
<h2>Work history</h2>{jobs}<h2>Education</h2>{edu}</div>"""
    return page(css, body, size="Letter")


def h_chef(p):
    css = """body{font-family:'DejaVu Serif',Georgia,serif;font-size:10pt;color:#2a2118;background:#fffdf8}
.wrap{padding:16mm 20mm}
.nm{text-align:center;font-size:30pt;letter-spacing:3px;text-transform:uppercase;margin:0}
.tag{text-align:center;font-style:italic;color:#8a5a2b;margin:4px 0}
.ct{text-align:center;font-size:9pt;border-top:1px solid #8a5a2b;border-bottom:1px solid #8a5a2b;padding:4px 0;margin:8px 0 14px}
h2{font-size:12pt;color:#8a5a2b;font-variant:small-caps;letter-spacing:2px;margin:14px 0 4px}
.row{display:flex;justify-content:space-between;font-weight:bold}
.pl{font-style:italic;color:#555} ul{margin:2px 0 8px 18px;padding:0}"""
    jobs = "".join(f"""<div class="row"><span>{E(j['t'])}</span><span>{E(j['d'])}</span></div>
<div class="pl">{E(j['c'])}, {E(j['l'])}</div>{bullets(j['b'])}""" for j in p["jobs"])
    edu = "".join(f"<div class='row'><span>{E(a)}</span><span>{E(c)}</span></div><div class='pl'>{E(b)}</div>" for a, b, c in p["edu"])
    body = f"""<div class="wrap"><h1 class="nm">{E(p['name_disp'])}</h1><div class="tag">{E(p['extra']['tagline'])}</div>
<div class="ct">{E(p['loc_disp'])} &nbsp;•&nbsp; {E(p['phone_disp'])} &nbsp;•&nbsp; {E(p['email'])}</div>
<h2>Kitchen Experience</h2>{jobs}<h2>Culinary Training</h2>{edu}
<h2>Specialities</h2><p>{E(', '.join(p['skills']))}</p></div>"""
    return page(css, body, size="Letter")


def h_graduate(p):
    x = p["extra"]
    css = """body{font-family:'Liberation Serif','Times New Roman',serif;font-size:11pt;color:#000}
.wrap{padding:14mm 18mm}
.nm{font-size:18pt;font-weight:bold;text-align:center}
.ct{text-align:center;font-size:10pt;margin-bottom:8px}
h2{font-size:11pt;text-transform:uppercase;border-bottom:1px solid #000;margin:10px 0 4px}
.r{display:flex;justify-content:space-between}.b{font-weight:bold}.i{font-style:italic}
ul{margin:2px 0 6px 18px;padding:0}"""
    edu = "".join(f"<div class='r'><span class='b'>{E(b)}</span><span>{E(c)}</span></div><div class='i'>{E(a)}</div>" for a, b, c in p["edu"])
    jobs = "".join(f"""<div class="r"><span class="b">{E(j['c'])}</span><span>{E(j['l'])}</span></div>
<div class="r"><span class="i">{E(j['t'])}</span><span class="i">{E(j['d'])}</span></div>{bullets(j['b'])}""" for j in p["jobs"])
    body = f"""<div class="wrap"><div class="nm">{E(p['name_disp'])}</div>
<div class="ct">{E(p['loc_disp'])} | {E(p['phone_disp'])} | {E(p['email'])}</div>
<h2>Education</h2>{edu}<div>{E(x['coursework'])}</div>
<h2>Internships &amp; Experience</h2>{jobs}
<h2>Skills</h2><div>{E(', '.join(p['skills']))}</div>
<h2>Activities</h2><div>Student Ambassador; Member, Data &amp; Society Club; Volunteer tutor (2 hrs/week)</div></div>"""
    return page(css, body, size="Letter" if p["id"] == "p23" else "A4")


def h_rirekisho(p):
    x = p["extra"]
    css = """body{font-family:'DejaVu Sans',sans-serif;font-size:9pt}
.wrap{padding:10mm 12mm}
.ttl{font-size:18pt;letter-spacing:8px;font-weight:bold}
table{border-collapse:collapse;width:100%;margin-bottom:6px}
td,th{border:1px solid #000;padding:3px 5px;vertical-align:top}
th{font-weight:normal;background:#f2f2f2;width:18%;text-align:left}
.big{font-size:16pt}.photo{width:30mm;height:40mm;border:1px dashed #000;text-align:center;font-size:7pt;vertical-align:middle}
.y{width:10%;text-align:center}.m{width:6%;text-align:center}.c{text-align:center;background:#f2f2f2}"""
    hist = "".join(f"<tr><td class='y'>{y}</td><td class='m'>{m}</td><td{' style=text-align:right' if e in ('End',) else ''}>{E(e)}</td></tr>" for y, m, e in x["history"])
    eh = "".join(f"<tr><td class='y'>{y}</td><td class='m'>{m}</td><td>{E(e)}</td></tr>" for y, m, e in x["edu_hist"])
    lic = "".join(f"<tr><td colspan=3>{E(s)}</td></tr>" for s in p["skills"])
    body = f"""<div class="wrap"><table><tr><td style="border:none"><span class="ttl">RÉSUMÉ</span><br>(Rirekisho) &nbsp; As of 1 November 2026</td>
<td class="photo" rowspan=1>Photo<br>30 × 40 mm</td></tr></table>
<table>
<tr><th>Name (Japanese order)</th><td colspan=3>{E(x["furigana"])}</td></tr>
<tr><th>Full name</th><td colspan=3 class="big">{E(p['name_disp'])}</td></tr>
<tr><th>Date of birth</th><td>{E(x['dob'])}</td><th>Gender</th><td>{E(x['gender'])}</td></tr>

<tr><th>Current address</th><td colspan=3>{E(x['addr'])}</td></tr>
<tr><th>Phone</th><td>{E(p['phone_disp'])}</td><th>E-mail</th><td>{E(p['email'])}</td></tr>
</table>
<table><tr><td class="y c">Year</td><td class="m c">Month</td><td class="c">Education / Work History</td></tr>
<tr><td></td><td></td><td style="text-align:center">Education</td></tr>{eh}
<tr><td></td><td></td><td style="text-align:center">Work History</td></tr>{hist}</table>
<table><tr><td class="y c">Year</td><td class="m c">Month</td><td class="c">Licenses / Qualifications</td></tr>
{''.join(f"<tr><td class='y'>{s[-5:-1]}</td><td class='m'></td><td>{E(s[:-7])}</td></tr>" for s in p['skills'])}</table>
<table><tr><th>Reason for applying</th><td>{E(x['motive'])}</td></tr>
<tr><th>Commute time</th><td>approx. 40 minutes</td></tr>
<tr><th>Dependents</th><td>0</td></tr>
<tr><th>Requests</th><td>I will follow company regulations.</td></tr></table></div>"""
    return page(css, body)


def h_dutch(p):
    x = p["extra"]
    css = """body{font-family:'Liberation Sans',Arial,sans-serif;font-size:10pt;color:#1d1d1d}
.wrap{padding:15mm 18mm}
h1{font-size:13pt;color:#e06c00;margin:0;letter-spacing:2px}
.nm{font-size:22pt;font-weight:bold;margin:2px 0 10px}
table.pg td{padding:1px 12px 1px 0;font-size:9.5pt} table.pg td:first-child{color:#777;width:35mm}
h2{font-size:11pt;color:#e06c00;margin:14px 0 4px;border-bottom:1px solid #e06c00}
.j{display:grid;grid-template-columns:38mm 1fr;margin-bottom:6px}.jd{color:#555}
ul{margin:2px 0 0 16px;padding:0}"""
    jobs = "".join(f"""<div class="j"><div class="jd">{E(j['d'])}</div><div><b>{E(j['t'])}</b><br>{E(j['c'])}, {E(j['l'])}{bullets(j['b'])}</div></div>""" for j in p["jobs"])
    edu = "".join(f"<div class='j'><div class='jd'>{E(c)}</div><div><b>{E(a)}</b><br>{E(b)}</div></div>" for a, b, c in p["edu"])
    body = f"""<div class="wrap"><h1>CURRICULUM VITAE</h1><div class="nm">{E(p['name_disp'])}</div>
<h2>Persoonlijke gegevens</h2><table class="pg">
<tr><td>Naam</td><td>{E(p['name_disp'])}</td></tr>
<tr><td>Woonplaats</td><td>{E(p['loc_disp'])}</td></tr>
<tr><td>Telefoon</td><td>{E(p['phone_disp'])}</td></tr>
<tr><td>E-mail</td><td>{E(p['email'])}</td></tr>
<tr><td>Geboortedatum</td><td>{E(x['dob'])}</td></tr>
<tr><td>Rijbewijs</td><td>B</td></tr></table>
<h2>Profiel</h2><p>{E(p['summary'])}</p>
<h2>Werkervaring</h2>{jobs}<h2>Opleidingen</h2>{edu}
<h2>Vaardigheden</h2><p>{E(' • '.join(p['skills']))}</p>
<h2>Hobby's</h2><p>Wielrennen, zeilen, vrijwilliger bij de voedselbank</p>
<p style="color:#777">Referenties op aanvraag.</p></div>"""
    return page(css, body, lang="nl")


def h_italian(p):
    x = p["extra"]
    css = """body{font-family:'DejaVu Sans',sans-serif;font-size:9.5pt;color:#222}
.grid{display:grid;grid-template-columns:45mm 1fr;gap:0 8mm;padding:14mm 14mm}
.l{text-align:right;color:#1f4e79;font-weight:bold;font-size:9pt;padding-top:2px}
.nm{font-size:20pt;color:#1f4e79;font-weight:bold}
.sec{grid-column:1 / span 2;border-bottom:2px solid #1f4e79;color:#1f4e79;font-size:11pt;font-weight:bold;margin:12px 0 6px;text-transform:uppercase}
ul{margin:2px 0 8px 16px;padding:0}"""
    rows = ""
    for j in p["jobs"]:
        rows += f"<div class='l'>{E(j['d'])}</div><div><b>{E(j['t'])}</b><br>{E(j['c'])} – {E(j['l'])}{bullets(j['b'])}</div>"
    edu = "".join(f"<div class='l'>{E(c)}</div><div><b>{E(a)}</b><br>{E(b)}</div>" for a, b, c in p["edu"])
    body = f"""<div class="grid"><div class="l"></div><div class="nm">{E(p['name_disp'])}</div>
<div class="sec">Informazioni personali</div>
<div class="l">Indirizzo</div><div>{E(x['addr'])}</div>
<div class="l">Residenza</div><div>{E(p['loc_disp'])}</div>
<div class="l">Cellulare</div><div>{E(p['phone_disp'])}</div>
<div class="l">E-mail</div><div>{E(p['email'])}</div>
<div class="l">Data di nascita</div><div>{E(x['dob'])}</div>
<div class="l">Nazionalità</div><div>{E(x['nat'])}</div>
<div class="sec">Profilo</div><div class="l"></div><div>{E(p['summary'])}</div>
<div class="sec">Esperienza professionale</div>{rows}
<div class="sec">Istruzione e formazione</div>{edu}
<div class="sec">Competenze</div><div class="l"></div><div>{E(', '.join(p['skills']))}</div>
<div class="sec">Trattamento dati</div><div class="l"></div><div style="font-size:8pt">Autorizzo il trattamento dei miei dati personali ai sensi del D.Lgs. 196/2003 e del Regolamento UE 2016/679 (GDPR).</div></div>"""
    return page(css, body, lang="it")


def h_pt(p):
    x = p["extra"]
    css = """body{font-family:'Liberation Sans',Arial,sans-serif;font-size:10pt;color:#222}
.band{background:#0b6e4f;color:#fff;padding:12mm 16mm 8mm}
.nm{font-size:24pt;font-weight:bold}.sub{font-size:10pt;opacity:.9;margin-top:6px}
.wrap{padding:6mm 16mm}
h2{font-size:11pt;color:#0b6e4f;margin:14px 0 4px;text-transform:uppercase}
.e{margin-bottom:6px}.d{color:#0b6e4f;font-weight:bold}
ul{margin:2px 0 0 16px;padding:0}"""
    jobs = "".join(f"<div class='e'><span class='d'>{E(j['d'])}</span> · <b>{E(j['t'])}</b> · {E(j['c'])} ({E(j['l'])}){bullets(j['b'])}</div>" for j in p["jobs"])
    edu = "".join(f"<div class='e'><span class='d'>{E(c)}</span> · <b>{E(a)}</b> · {E(b)}</div>" for a, b, c in p["edu"])
    body = f"""<div class="band"><div class="nm">{E(p['name_disp'])}</div>
<div class="sub">{E(p['loc_disp'])} &nbsp;|&nbsp; Telemóvel: {E(p['phone_disp'])} &nbsp;|&nbsp; {E(p['email'])}</div></div>
<div class="wrap"><h2>Dados pessoais</h2><div>Data de nascimento: {E(x['dob'])} · Nacionalidade: {E(x['nat'])} · {E(x['cedula'])}</div>
<h2>Experiência profissional</h2>{jobs}<h2>Formação académica</h2>{edu}
<h2>Competências</h2><div>{E(' · '.join(p['skills']))}</div></div>"""
    return page(css, body, lang="pt")


def h_polish(p):
    x = p["extra"]
    css = """body{font-family:'DejaVu Sans',sans-serif;font-size:9.5pt;color:#222}
.wrap{padding:14mm 16mm}
.hd{display:flex;justify-content:space-between;border-bottom:3px solid #b22234;padding-bottom:6px}
.nm{font-size:22pt;font-weight:bold}.pos{color:#b22234;font-size:11pt}
.ct{text-align:right;font-size:9pt;line-height:1.5}
h2{font-size:11pt;color:#b22234;margin:14px 0 4px}
.j{margin-bottom:6px}.d{font-weight:bold;color:#555}
ul{margin:2px 0 0 16px;padding:0} .rodo{font-size:7.5pt;color:#666;margin-top:18px}"""
    jobs = "".join(f"<div class='j'><span class='d'>{E(j['d'])}</span><br><b>{E(j['t'])}</b>, {E(j['c'])}, {E(j['l'])}{bullets(j['b'])}</div>" for j in p["jobs"])
    edu = "".join(f"<div class='j'><span class='d'>{E(c)}</span><br><b>{E(a)}</b>, {E(b)}</div>" for a, b, c in p["edu"])
    body = f"""<div class="wrap"><div class="hd"><div><div class="nm">{E(p['name_disp'])}</div><div class="pos">{E(p['title'])} · sprawozdawczość finansowa</div></div>
<div class="ct">tel. {E(p['phone_disp'])}<br>{E(p['email'])}<br>{E(p['loc_disp'])}<br>ur. {E(x['dob'])}</div></div>
<h2>Podsumowanie</h2><p>{E(p['summary'])}</p>
<h2>Doświadczenie zawodowe</h2>{jobs}<h2>Wykształcenie</h2>{edu}
<h2>Umiejętności</h2><p>{E(', '.join(p['skills']))}</p>
<h2>Zainteresowania</h2><p>Turystyka górska, fotografia</p>
<div class="rodo">Wyrażam zgodę na przetwarzanie moich danych osobowych dla potrzeb niezbędnych do realizacji procesu rekrutacji zgodnie z Rozporządzeniem Parlamentu Europejskiego i Rady (UE) 2016/679 z dnia 27 kwietnia 2016 r. (RODO).</div></div>"""
    return page(css, body, lang="pl")


def h_sidebar(p):
    x = p["extra"]
    first, last = p["name_disp"].rsplit(" ", 1)
    css = """body{font-family:'Liberation Sans',Arial,sans-serif;font-size:9.5pt;color:#222}
.g{display:grid;grid-template-columns:66mm 1fr;min-height:297mm}
.side{background:#243447;color:#e8eef4;padding:14mm 7mm}
.side .nm{font-size:20pt;font-weight:bold;line-height:1.15;color:#fff}
.side .ttl{font-size:10pt;color:#9fc3e7;margin:6px 0 14px}
.side h3{font-size:9.5pt;text-transform:uppercase;letter-spacing:1px;color:#9fc3e7;margin:14px 0 4px;border-bottom:1px solid #4b6380}
.side div.i{margin-bottom:4px;word-break:break-all}
.main{padding:14mm 10mm}
h2{font-size:12pt;color:#243447;margin:0 0 6px;text-transform:uppercase}
.jt{font-weight:bold;font-size:10.5pt}.jc{color:#4b6380}.jd{font-size:8.5pt;color:#777}
ul{margin:2px 0 10px 16px;padding:0}"""
    jobs = "".join(f"""<div class="jt">{E(j['t'])}</div><div class="jc">{E(j['c'])} · {E(j['l'])}</div><div class="jd">{E(j['d'])}</div>{bullets(j['b'])}""" for j in p["jobs"])
    edu = "".join(f"<div class='jt'>{E(a)}</div><div class='jc'>{E(b)}</div><div class='jd'>{E(c)}</div><br>" for a, b, c in p["edu"])
    sk = "".join(f"<div class='i'>{E(s)}</div>" for s in p["skills"])
    body = f"""<div class="g"><div class="side"><div class="nm">{E(first)}<br>{E(last)}</div><div class="ttl">{E(p['title'])}</div>
<h3>Contact</h3><div class="i">☎ {E(p['phone_disp'])}</div><div class="i">✉ {E(p['email'])}</div><div class="i">⌂ {E(p['loc_disp'])}</div>
<h3>Skills</h3>{sk}<h3>Languages</h3><div class="i">{E(x['langs'])}</div></div>
<div class="main"><h2>Profile</h2><p>{E(p['summary'])}</p><h2>Experience</h2>{jobs}<h2>Education</h2>{edu}</div></div>"""
    return page(css, body)


HTML = {"right_block": h_right_block, "europass": h_europass, "swe_matrix": h_swe_matrix, "chef": h_chef,
        "graduate": h_graduate, "rirekisho": h_rirekisho, "dutch_html": h_dutch, "italian_html": h_italian,
        "pt_html": h_pt, "polish_html": h_polish, "sidebar": h_sidebar}

# =====================================================================================
# ReportLab layouts
# =====================================================================================
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_CENTER, TA_RIGHT, TA_JUSTIFY  # noqa: E402
from reportlab.lib.pagesizes import A4, letter  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.platypus import (SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle,  # noqa: E402
                                HRFlowable, PageBreak, KeepTogether)

FD = "/usr/share/fonts/truetype/"
for nm, fn in [("Sans", "dejavu/DejaVuSans.ttf"), ("Sans-B", "dejavu/DejaVuSans-Bold.ttf"),
               ("Sans-I", "dejavu/DejaVuSans-Oblique.ttf"),
               ("Serif", "liberation/LiberationSerif-Regular.ttf"), ("Serif-B", "liberation/LiberationSerif-Bold.ttf"),
               ("Serif-I", "liberation/LiberationSerif-Italic.ttf"),
               ("LSans", "liberation/LiberationSans-Regular.ttf"), ("LSans-B", "liberation/LiberationSans-Bold.ttf"),
               ("LSans-I", "liberation/LiberationSans-Italic.ttf")]:
    pdfmetrics.registerFont(TTFont(nm, FD + fn))
from reportlab.lib.fonts import addMapping  # noqa: E402
for fam in ("Sans", "Serif", "LSans"):
    addMapping(fam, 0, 0, fam); addMapping(fam, 1, 0, fam + "-B"); addMapping(fam, 0, 1, fam + "-I"); addMapping(fam, 1, 1, fam + "-B")


def S(name, **kw):
    base = dict(fontName="LSans", fontSize=10, leading=13)
    base.update(kw)
    return ParagraphStyle(name, **base)


def X(s):
    return E(s)


def rl_build(path, story, pagesize=A4, margins=18 * mm, onpage=None, title=""):
    doc = SimpleDocTemplate(path, pagesize=pagesize, leftMargin=margins, rightMargin=margins,
                            topMargin=16 * mm, bottomMargin=16 * mm, title=title, author="")
    if onpage:
        doc.build(story, onFirstPage=onpage, onLaterPages=onpage)
    else:
        doc.build(story)


def r_moderncv(p, path):
    """LaTeX moderncv 'banking' look: centered big name, centered contact line with
    symbols, section titles centred between rules, dates right-aligned."""
    blue = colors.HexColor("#3873b3")
    nm = S("nm", fontName="Serif", fontSize=30, leading=34, alignment=TA_CENTER)
    ct = S("ct", fontName="Serif-I", fontSize=9.5, alignment=TA_CENTER, textColor=colors.HexColor("#555555"))
    body = S("b", fontName="Serif", fontSize=10.5, leading=13.5)
    st = []
    parts = p["name_disp"].split(" ", 1)
    st.append(Paragraph(f"{X(parts[0])} <font color='#3873b3'>{X(parts[1])}</font>", nm))
    st.append(Spacer(1, 4))
    st.append(Paragraph(f"{X(p['loc_disp'])} &nbsp;&nbsp;•&nbsp;&nbsp; {X(p['phone_disp'])} &nbsp;&nbsp;•&nbsp;&nbsp; {X(p['email'])}", ct))
    st.append(Spacer(1, 10))

    def sec(t):
        tb = Table([["", Paragraph(f"<font color='#3873b3'><b>{X(t)}</b></font>", S("s", fontName="Serif", fontSize=13, alignment=TA_CENTER)), ""]],
                   colWidths=[55 * mm, 64 * mm, 55 * mm])
        tb.setStyle(TableStyle([("LINEBELOW", (0, 0), (0, 0), 0.8, blue), ("LINEBELOW", (2, 0), (2, 0), 0.8, blue),
                                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("BOTTOMPADDING", (0, 0), (0, 0), 8), ("BOTTOMPADDING", (2, 0), (2, 0), 8)]))
        st.append(Spacer(1, 6)); st.append(tb); st.append(Spacer(1, 4))

    def entry(left, right, desc=None):
        rows = [[Paragraph(left, body), Paragraph(right, S("r", fontName="Serif", fontSize=10.5, alignment=TA_RIGHT))]]
        tb = Table(rows, colWidths=[135 * mm, 39 * mm])
        tb.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        st.append(tb)
        for d in desc or []:
            st.append(Paragraph("• " + X(d), S("d", fontName="Serif", fontSize=10, leading=12.5, leftIndent=10)))
        st.append(Spacer(1, 5))

    sec("Experience")
    for j in p["jobs"]:
        entry(f"<b>{X(j['t'])}</b>, <i>{X(j['c'])}</i>, {X(j['l'])}", X(j["d"]), j["b"])
    sec("Education")
    for a, b, c in p["edu"]:
        entry(f"<b>{X(a)}</b>{', <i>' + X(b) + '</i>' if b else ''}", X(c))
    sec("Skills")
    st.append(Paragraph(X(" • ".join(p["skills"])), body))
    sec("Languages")
    st.append(Paragraph(X(p["extra"]["langs"]), body))
    rl_build(path, st, margins=18 * mm, title=f"{p['name']} — CV")


def r_consultant(p, path):
    navy = colors.HexColor("#14213d")
    x = p["extra"]
    hdr = S("h", fontName="LSans-B", fontSize=11, textColor=navy, spaceBefore=12, spaceAfter=4)
    body = S("b", fontSize=10, leading=13.5, alignment=TA_JUSTIFY)
    small = S("s", fontSize=9, leading=11.5, textColor=colors.HexColor("#444444"))

    def onpage(c, d):
        c.saveState()
        c.setFont("LSans", 8); c.setFillColor(colors.grey)
        c.drawString(18 * mm, 10 * mm, f"{p['name']} — Curriculum Vitae")
        c.drawRightString(d.pagesize[0] - 18 * mm, 10 * mm, f"Page {d.page}")
        c.setFillColor(navy); c.rect(0, d.pagesize[1] - 6 * mm, d.pagesize[0], 6 * mm, fill=1, stroke=0)
        c.restoreState()

    st = []
    t = Table([[Paragraph(f"<font size=22><b>{X(p['name_disp'])}</b></font><br/><br/><font color='#555555'>{X(p['title'])}, {X(p['company'])}</font>", S("n", leading=26)),
                Paragraph(f"{X(p['email'])}<br/>{X(p['phone_disp'])}<br/>{X(p['loc_disp'])}", S("c", fontSize=9.5, leading=13, alignment=TA_RIGHT))]],
              colWidths=[115 * mm, 59 * mm])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, 0), 1.2, navy), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    st += [t, Paragraph("Profile", hdr), Paragraph(X(p["summary"]) + " Track record of leading multi-disciplinary teams, shaping client agendas at C-suite level and delivering measurable, sustained improvement.", body)]
    st.append(Paragraph("Areas of expertise", hdr))
    sk = p["skills"]; half = (len(sk) + 1) // 2
    tb = Table([[Paragraph("• " + X(a), body), Paragraph("• " + X(b), body) if b else ""] for a, b in zip(sk[:half], sk[half:] + [""])], colWidths=[87 * mm, 87 * mm])
    st.append(tb)
    st.append(Paragraph("Selected engagements", hdr))
    for client, yr, desc in x["engagements"]:
        st.append(KeepTogether([Paragraph(f"<b>{X(client)}</b> <font color='#777777'>({X(yr)})</font>", body),
                                Paragraph(X(desc), S("e", fontSize=10, leading=13, leftIndent=12)), Spacer(1, 6)]))
    st.append(PageBreak())
    st.append(Paragraph("Career history", hdr))
    for j in p["jobs"]:
        st.append(Table([[Paragraph(f"<b>{X(j['c'])}</b>, {X(j['l'])}", body), Paragraph(X(j["d"]), S("r", alignment=TA_RIGHT))]], colWidths=[130 * mm, 44 * mm],
                        style=[("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        st.append(Paragraph(f"<i>{X(j['t'])}</i>", body))
        for b in j["b"]:
            st.append(Paragraph("– " + X(b), S("bb", leftIndent=12, fontSize=10, leading=13)))
        st.append(Spacer(1, 6))
    st.append(Paragraph("Education &amp; certifications", hdr))
    for a, b, c in p["edu"]:
        st.append(Paragraph(f"<b>{X(a)}</b>, {X(b)} — {X(c)}", body))
    st.append(Paragraph("Publications &amp; speaking", hdr))
    st.append(Paragraph("Regular speaker at industry conferences on operating-model redesign; co-author of two practitioner white papers (2021, 2024).", body))
    st.append(Paragraph("References", hdr))
    for n, r, e, ph in x["refs"]:
        st.append(Paragraph(f"{X(n)}, {X(r)} — {X(e)}, {X(ph)}", small))
    rl_build(path, st, pagesize=letter if p["id"] == "p12" else A4, onpage=onpage, title="CV")


def r_teacher(p, path):
    green = colors.HexColor("#2e7d32")
    body = S("b", fontName="Serif", fontSize=11, leading=14)
    hdr = S("h", fontName="Serif-B", fontSize=12.5, textColor=green, spaceBefore=12, spaceAfter=4)
    st = [Paragraph(X(p["name_disp"]), S("n", fontName="Serif-B", fontSize=24, leading=28)),
          Paragraph(f"{X(p['loc_disp'])}<br/>{X(p['phone_disp'])}<br/>{X(p['email'])}", S("c", fontName="Serif", fontSize=10.5, leading=14)),
          HRFlowable(width="100%", thickness=2, color=green, spaceBefore=6, spaceAfter=6),
          Paragraph("Teaching Philosophy", hdr), Paragraph(X(p["summary"]) + " I believe every child deserves to feel capable, seen and challenged.", body),
          Paragraph("Certifications", hdr), Paragraph(X(p["skills"][0]) + " (valid to 2029); Criminal Record Check (2025); Standard First Aid &amp; CPR-C", body),
          Paragraph("Teaching Experience", hdr)]
    for j in p["jobs"]:
        st.append(Paragraph(f"<b>{X(j['t'])}</b> &nbsp;|&nbsp; {X(j['c'])}, {X(j['l'])} &nbsp;|&nbsp; <i>{X(j['d'])}</i>", body))
        for b in j["b"]:
            st.append(Paragraph("• " + X(b), S("bb", fontName="Serif", fontSize=10.5, leading=13.5, leftIndent=14)))
        st.append(Spacer(1, 5))
    st.append(Paragraph("Education", hdr))
    for a, b, c in p["edu"]:
        st.append(Paragraph(f"{X(a)} — {X(b)}, {X(c)}", body))
    st.append(Paragraph("Professional Skills", hdr))
    st.append(Paragraph(X(", ".join(p["skills"][1:])), body))
    rl_build(path, st, pagesize=letter, margins=22 * mm)


def r_retail(p, path):
    red = colors.HexColor("#c62828")
    body = S("b", fontSize=10, leading=13)

    def onpage(c, d):
        c.saveState(); c.setFillColor(red); c.rect(0, 0, 8 * mm, d.pagesize[1], fill=1, stroke=0); c.restoreState()
    st = [Paragraph(X(p["name_disp"]).upper(), S("n", fontName="LSans-B", fontSize=24, leading=28, textColor=red)),
          Paragraph("STORE OPERATIONS • P&amp;L • TEAM LEADERSHIP", S("t", fontName="LSans-B", fontSize=10, textColor=colors.HexColor("#555555"))),
          Spacer(1, 4),
          Paragraph(f"{X(p['phone_disp'])} &nbsp;/&nbsp; {X(p['email'])} &nbsp;/&nbsp; {X(p['loc_disp'])}", S("c", fontSize=9.5)),
          HRFlowable(width="100%", thickness=0.6, color=colors.grey, spaceBefore=6, spaceAfter=2)]
    hdr = S("h", fontName="LSans-B", fontSize=11, textColor=red, spaceBefore=10, spaceAfter=4)
    st += [Paragraph("SUMMARY", hdr), Paragraph(X(p["summary"]), body)]
    kp = [["Annual sales", "Team size", "Shrink", "NPS / CSAT"], ["+11% YoY", "35–64", "< 1%", "Top 10%"]]
    t = Table(kp, colWidths=[43 * mm] * 4)
    t.setStyle(TableStyle([("FONT", (0, 0), (-1, 0), "LSans-B", 8.5), ("FONT", (0, 1), (-1, 1), "LSans", 12), ("TEXTCOLOR", (0, 1), (-1, 1), red),
                           ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("BOX", (0, 0), (-1, -1), 0.5, colors.grey), ("INNERGRID", (0, 0), (-1, -1), 0.25, colors.lightgrey)]))
    st += [Spacer(1, 6), t, Paragraph("PROFESSIONAL EXPERIENCE", hdr)]
    for j in p["jobs"]:
        st.append(Paragraph(f"<b>{X(j['c'])}</b> — {X(j['l'])}", body))
        st.append(Table([[Paragraph(f"<i>{X(j['t'])}</i>", body), Paragraph(X(j["d"]), S("r", alignment=TA_RIGHT))]], colWidths=[120 * mm, 52 * mm],
                        style=[("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        for b in j["b"]:
            st.append(Paragraph("▪ " + X(b), S("bb", fontName="Sans", fontSize=9.5, leading=12.5, leftIndent=12)))
        st.append(Spacer(1, 5))
    st.append(Paragraph("EDUCATION", hdr))
    for a, b, c in p["edu"]:
        st.append(Paragraph(f"{X(a)}, {X(b)} ({X(c)})", body))
    st.append(Paragraph("SKILLS", hdr))
    st.append(Paragraph(X(" | ".join(p["skills"])), body))
    rl_build(path, st, pagesize=letter if p["id"] == "p22" else A4, margins=20 * mm, onpage=onpage)


def r_exec_bio(p, path):
    gold = colors.HexColor("#8c6d1f")
    j0, j1, j2 = p["jobs"]
    first = p["name"].split()[0]
    last = p["name"].split()[-1]
    since = j0["d"].split()[0]
    body = S("b", fontName="Serif", fontSize=11.5, leading=16, alignment=TA_JUSTIFY, spaceAfter=8)
    st = [Paragraph(X(p["name_disp"]), S("n", fontName="Serif", fontSize=34, leading=38, alignment=TA_CENTER, textColor=colors.HexColor("#1b1b1b"))),
          Paragraph("EXECUTIVE BIOGRAPHY", S("t", fontName="LSans", fontSize=9, alignment=TA_CENTER, textColor=gold)),
          HRFlowable(width="30%", thickness=1, color=gold, spaceBefore=8, spaceAfter=14),
          Paragraph(f"{X(p['name'])} is the {X(j0['t'])} of {X(j0['c'])}, a position she has held since {since}. "
                    f"Based in {X(p['loc_disp'])}, she leads an organisation of more than 2,000 people and is responsible for strategy, "
                    f"capital allocation and the group's transformation agenda.", body),
          Paragraph(f"Before joining {X(j0['c'])}, Ms. {X(last)} spent five years at {X(j1['c'])} as {X(j1['t'])}, where she led a "
                    f"multi-year integration of three acquired businesses and a refinancing that lowered the cost of debt by 140 basis points. "
                    f"Earlier, she served as {X(j2['t'])} at {X(j2['c'])} ({X(j2['d'])}).", body),
          Paragraph(f"{X(first)} holds " + " and ".join(f"a {X(a)} from {X(b)}" for a, b, c in p["edu"]) + ".", body),
          Paragraph("Board &amp; community", S("h", fontName="Serif-B", fontSize=12, textColor=gold, spaceBefore=6, spaceAfter=4))]
    for b in p["extra"]["boards"]:
        st.append(Paragraph("— " + X(b), S("bb", fontName="Serif", fontSize=11, leading=15, leftIndent=10)))
    st.append(Paragraph("Career at a glance", S("h", fontName="Serif-B", fontSize=12, textColor=gold, spaceBefore=12, spaceAfter=4)))
    t = Table([[X(j["d"]), Paragraph(f"{X(j['t'])}, <i>{X(j['c'])}</i>", S("x", fontName="Serif", fontSize=10.5))] for j in p["jobs"]], colWidths=[35 * mm, 130 * mm])
    t.setStyle(TableStyle([("FONT", (0, 0), (0, -1), "Serif", 10.5), ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey)]))
    st.append(t)
    st.append(Spacer(1, 18))
    st.append(HRFlowable(width="100%", thickness=0.5, color=gold, spaceAfter=4))
    st.append(Paragraph(f"Contact: {X(p['email'])} &nbsp;·&nbsp; {X(p['phone_disp'])}", S("c", fontName="Serif-I", fontSize=9.5, alignment=TA_CENTER)))
    rl_build(path, st, pagesize=letter if p["id"] == "p25" else A4, margins=25 * mm)


def r_dutch(p, path):
    teal = colors.HexColor("#00796b")
    body = S("b", fontSize=10, leading=13)
    lab = S("l", fontName="LSans-B", fontSize=9.5, textColor=teal)
    st = [Paragraph("Curriculum Vitae", S("cv", fontSize=10, textColor=colors.grey)),
          Paragraph(X(p["name_disp"]), S("n", fontName="LSans-B", fontSize=22, leading=26)),
          Paragraph(f"{X(p['loc_disp'])} · {X(p['phone_disp'])} · {X(p['email'])}", S("c", fontSize=9.5)),
          Spacer(1, 8)]
    rows = [[Paragraph("PROFIEL", lab), Paragraph(X(p["summary"]), body)], [Paragraph("WERKERVARING", lab), ""]]
    for j in p["jobs"]:
        rows.append([Paragraph(X(j["d"]), body), Paragraph(f"<b>{X(j['t'])}</b><br/>{X(j['c'])}, {X(j['l'])}<br/>" + "<br/>".join("- " + X(b) for b in j["b"]), body)])
    rows.append([Paragraph("OPLEIDING", lab), ""])
    for a, b, c in p["edu"]:
        rows.append([Paragraph(X(c), body), Paragraph(f"<b>{X(a)}</b><br/>{X(b)}", body)])
    rows.append([Paragraph("VAARDIGHEDEN", lab), Paragraph(X(", ".join(p["skills"])), body)])
    rows.append([Paragraph("OVERIG", lab), Paragraph("Rijbewijs B; VOG aanwezig; Referenties op aanvraag.", body)])
    t = Table(rows, colWidths=[38 * mm, 134 * mm])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    st.append(t)
    rl_build(path, st)


def r_italian(p, path):
    x = p["extra"]
    body = S("b", fontName="Sans", fontSize=9.5, leading=12.5)
    hdr = S("h", fontName="Sans-B", fontSize=11, spaceBefore=10, spaceAfter=4, textColor=colors.HexColor("#004d40"))
    st = [Paragraph("CURRICULUM VITAE", S("t", fontName="Sans-B", fontSize=9, alignment=TA_CENTER, textColor=colors.grey)),
          Spacer(1, 4),
          Paragraph(X(p["name_disp"]), S("n", fontName="Sans-B", fontSize=20, leading=24, alignment=TA_CENTER)),
          Paragraph(f"{X(x['addr'])} · {X(p['loc_disp'])}<br/>Tel. {X(p['phone_disp'])} · {X(p['email'])}<br/>Nato a Napoli il {X(x['dob'])}", S("c", fontName="Sans", fontSize=9, leading=12, alignment=TA_CENTER)),
          HRFlowable(width="100%", thickness=0.8, color=colors.HexColor("#004d40"), spaceBefore=6, spaceAfter=4),
          Paragraph("Esperienza professionale", hdr)]
    for j in p["jobs"]:
        st.append(Paragraph(f"<b>{X(j['d'])}</b> &nbsp; {X(j['c'])}, {X(j['l'])}", body))
        st.append(Paragraph(f"<i>{X(j['t'])}</i>", body))
        for b in j["b"]:
            st.append(Paragraph("· " + X(b), S("bb", fontName="Sans", fontSize=9.5, leading=12.5, leftIndent=12)))
        st.append(Spacer(1, 4))
    st.append(Paragraph("Istruzione e formazione", hdr))
    for a, b, c in p["edu"]:
        st.append(Paragraph(f"<b>{X(c)}</b> &nbsp; {X(a)} – {X(b)}", body))
    st.append(Paragraph("Competenze tecniche", hdr))
    st.append(Paragraph(X(", ".join(p["skills"])), body))
    st.append(Paragraph("Patente", hdr)); st.append(Paragraph("B, automunito", body))
    st.append(Spacer(1, 14))
    st.append(Paragraph("Autorizzo il trattamento dei dati personali contenuti nel mio curriculum vitae in base all'art. 13 del GDPR 679/16.", S("g", fontName="Sans-I", fontSize=7.5)))
    rl_build(path, st)


def r_pt(p, path):
    x = p["extra"]
    blue = colors.HexColor("#1a237e")
    body = S("b", fontSize=10, leading=13)
    side = [Paragraph("<b>CONTACTOS</b>", S("s", fontSize=9, textColor=colors.white)), Spacer(1, 4)]
    for v in (p["phone_disp"], p["email"], x["addr"], p["loc_disp"]):
        side.append(Paragraph(X(v), S("sv", fontSize=8.5, leading=11, textColor=colors.white)))
        side.append(Spacer(1, 3))
    side += [Spacer(1, 10), Paragraph("<b>DADOS PESSOAIS</b>", S("s2", fontSize=9, textColor=colors.white)),
             Paragraph(f"Data de nascimento: {X(x['dob'])}<br/>Nacionalidade: {X(x['nat'])}", S("sv2", fontSize=8.5, leading=11, textColor=colors.white)),
             Spacer(1, 10), Paragraph("<b>COMPETÊNCIAS</b>", S("s3", fontSize=9, textColor=colors.white))]
    for s in p["skills"]:
        side.append(Paragraph(X(s), S("sk", fontSize=8.5, leading=11, textColor=colors.white)))
    main = [Paragraph(X(p["name_disp"]), S("n", fontName="LSans-B", fontSize=22, leading=26, textColor=blue)),
            Paragraph(X(p["summary"]), S("su", fontName="LSans-I", fontSize=10, leading=13)), Spacer(1, 8),
            Paragraph("EXPERIÊNCIA PROFISSIONAL", S("h", fontName="LSans-B", fontSize=11, textColor=blue, spaceAfter=4))]
    for j in p["jobs"]:
        main.append(Paragraph(f"<b>{X(j['t'])}</b> — {X(j['c'])}", body))
        main.append(Paragraph(f"{X(j['l'])} | {X(j['d'])}", S("d", fontSize=9, textColor=colors.grey)))
        for b in j["b"]:
            main.append(Paragraph("• " + X(b), S("bb", fontSize=9.5, leading=12.5, leftIndent=10)))
        main.append(Spacer(1, 6))
    main.append(Paragraph("FORMAÇÃO ACADÉMICA", S("h2", fontName="LSans-B", fontSize=11, textColor=blue, spaceAfter=4, spaceBefore=6)))
    for a, b, c in p["edu"]:
        main.append(Paragraph(f"<b>{X(a)}</b><br/>{X(b)}, {X(c)}", body)); main.append(Spacer(1, 4))
    t = Table([[side, main]], colWidths=[55 * mm, 125 * mm])
    t.setStyle(TableStyle([("BACKGROUND", (0, 0), (0, 0), blue), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                           ("LEFTPADDING", (0, 0), (0, 0), 8), ("LEFTPADDING", (1, 0), (1, 0), 12), ("TOPPADDING", (0, 0), (-1, -1), 10)]))
    rl_build(path, [t], margins=15 * mm)


RL = {"moderncv": r_moderncv, "consultant": r_consultant, "teacher_rl": r_teacher, "retail": r_retail,
      "exec_bio": r_exec_bio, "dutch_rl": r_dutch, "italian_rl": r_italian, "pt_rl": r_pt}

# =====================================================================================
# DOCX layouts
# =====================================================================================
from docx import Document  # noqa: E402
from docx.enum.table import WD_TABLE_ALIGNMENT  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Pt, RGBColor, Cm  # noqa: E402


def d_rule(par, where="bottom", sz=12, color="000000"):
    pPr = par._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    el = OxmlElement(f"w:{where}")
    el.set(qn("w:val"), "single"); el.set(qn("w:sz"), str(sz)); el.set(qn("w:space"), "1"); el.set(qn("w:color"), color)
    bdr.append(el); pPr.append(bdr)


def d_base(font="Calibri", size=10.5):
    doc = Document()
    st = doc.styles["Normal"]; st.font.name = font; st.font.size = Pt(size)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), font)
    for s in doc.sections:
        s.left_margin = s.right_margin = Cm(2.0); s.top_margin = s.bottom_margin = Cm(1.8)
    return doc


def d_par(doc, text="", bold=False, size=None, italic=False, align=None, color=None, space_after=2, style=None):
    par = doc.add_paragraph(style=style) if style else doc.add_paragraph()
    if text:
        r = par.add_run(text); r.bold = bold; r.italic = italic
        if size: r.font.size = Pt(size)
        if color: r.font.color.rgb = RGBColor.from_string(color)
    if align: par.alignment = align
    par.paragraph_format.space_after = Pt(space_after)
    return par


def d_job_tab(doc, left, right, bold_left=True):
    par = doc.add_paragraph()
    par.paragraph_format.tab_stops.add_tab_stop(Cm(17.0), WD_TAB_ALIGNMENT.RIGHT)
    r = par.add_run(left); r.bold = bold_left
    par.add_run("\t" + right)
    par.paragraph_format.space_after = Pt(0)
    return par


def d_bullets(doc, items):
    for b in items:
        par = doc.add_paragraph(b, style="List Bullet"); par.paragraph_format.space_after = Pt(0)


def x_word_rule(p, path):
    doc = d_base("Calibri", 10.5)
    n = d_par(doc, p["name_disp"], bold=True, size=22, space_after=0)
    d_rule(n, "bottom", 12, "1F3864")
    d_par(doc, f"{p['loc_disp']}  |  {p['phone_disp']}  |  {p['email']}  |  linkedin.com/in/danielwhitaker", size=9.5, space_after=10)
    h = lambda t: d_par(doc, t.upper(), bold=True, size=11, color="1F3864", space_after=3)
    h("Summary"); d_par(doc, p["summary"], space_after=8)
    h("Professional Experience")
    for j in p["jobs"]:
        d_job_tab(doc, f"{j['c']}, {j['l']}", j["d"])
        d_par(doc, j["t"], italic=True, space_after=1)
        d_bullets(doc, j["b"]); d_par(doc, "", space_after=2)
    h("Education & Certifications")
    for a, b, c in p["edu"]:
        d_job_tab(doc, a + (f", {b}" if b else ""), c, bold_left=False)
    d_par(doc, "", space_after=4)
    h("Skills"); d_par(doc, ", ".join(p["skills"]))
    doc.save(path)


def x_word_rule_header(p, path):
    """Name + contact details live in the Word page header; body starts with Profile."""
    doc = d_base("Arial", 10)
    hdr = doc.sections[0].header
    hp = hdr.paragraphs[0]; r = hp.add_run(p["name_disp"]); r.bold = True; r.font.size = Pt(20)
    hp2 = hdr.add_paragraph(); hp2.add_run(f"{p['email']}  •  {p['phone_disp']}  •  {p['loc_disp']}").font.size = Pt(9)
    d_rule(hp2, "bottom", 8, "808080")
    h = lambda t: d_par(doc, t, bold=True, size=12, space_after=3)
    h("Profile"); d_par(doc, p["summary"], space_after=8)
    h("Employment History")
    for j in p["jobs"]:
        d_par(doc, f"{j['t']} – {j['c']}", bold=True, space_after=0)
        d_par(doc, f"{j['l']}  |  {j['d']}", italic=True, color="595959", space_after=1)
        d_bullets(doc, j["b"]); d_par(doc, "", space_after=2)
    h("Education")
    for a, b, c in p["edu"]:
        d_par(doc, f"{a}, {b} ({c})")
    h("Key Skills"); d_bullets(doc, p["skills"])
    d_par(doc, ""); d_par(doc, "References available on request.", italic=True)
    doc.save(path)


def x_right_block(p, path):
    doc = d_base("Cambria", 10.5)
    t = doc.add_table(rows=1, cols=2); t.alignment = WD_TABLE_ALIGNMENT.CENTER
    c0, c1 = t.rows[0].cells
    c0.width = Cm(10); c1.width = Cm(7)
    r = c0.paragraphs[0].add_run(p["name_disp"]); r.bold = True; r.font.size = Pt(24); r.font.color.rgb = RGBColor(0x8B, 0, 0)
    c0.add_paragraph("HVAC / R Technician – Commercial & Residential").runs[0].italic = True
    first = True
    for line in (p["loc_disp"], p["phone_disp"], p["email"]):
        par = c1.paragraphs[0] if first else c1.add_paragraph()
        first = False
        par.add_run(line).font.size = Pt(9.5); par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        par.paragraph_format.space_after = Pt(0)
    sep = d_par(doc, "", space_after=6); d_rule(sep, "bottom", 18, "8B0000")
    h = lambda t: d_par(doc, t, bold=True, size=12, color="8B0000", space_after=3)
    h("Summary"); d_par(doc, p["summary"] + " EPA 608 Universal certified; clean driving record.", space_after=6)
    h("Work Experience")
    for j in p["jobs"]:
        d_job_tab(doc, j["t"], j["d"])
        d_par(doc, f"{j['c']} — {j['l']}", space_after=1)
        d_bullets(doc, j["b"]); d_par(doc, "", space_after=2)
    h("Education & Licenses")
    for a, b, c in p["edu"]:
        d_par(doc, f"{a}{', ' + b if b else ''} — {c}")
    h("Skills"); d_par(doc, " • ".join(p["skills"]))
    doc.save(path)


def x_teacher(p, path):
    x = p["extra"]
    doc = d_base("Times New Roman", 11.5)
    d_par(doc, "Curriculum Vitae", size=10, italic=True, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=0)
    d_par(doc, p["name_disp"], bold=True, size=18, align=WD_ALIGN_PARAGRAPH.CENTER, space_after=8)
    d_par(doc, "Personal Details", bold=True, size=13, space_after=2)
    t = doc.add_table(rows=0, cols=2); t.style = "Table Grid"
    for k, v in (("Address", f"14 Kirkstall Lane, {p['loc_disp']} LS5 3BT"), ("Telephone", p["phone_disp"]), ("Email", p["email"]),
                 ("Teacher Reference Number", x["trn"].replace("TRN ", "")), ("DBS", x["dbs"]), ("Qualified Teacher Status", "Awarded July 2013")):
        row = t.add_row().cells; row[0].text = k; row[1].text = v
    d_par(doc, "", space_after=4)
    d_par(doc, "Teaching Employment", bold=True, size=13, space_after=2)
    for j in p["jobs"]:
        d_par(doc, j["d"], italic=True, space_after=0)
        d_par(doc, f"{j['t']}, {j['c']}, {j['l']}", bold=True, space_after=1)
        d_bullets(doc, j["b"]); d_par(doc, "", space_after=2)
    d_par(doc, "Education and Qualifications", bold=True, size=13, space_after=2)
    for a, b, c in p["edu"]:
        d_par(doc, f"{c}    {a}, {b}")
    d_par(doc, "Professional Strengths", bold=True, size=13, space_after=2)
    d_bullets(doc, p["skills"])
    d_par(doc, "Referees", bold=True, size=13, space_after=2)
    t2 = doc.add_table(rows=1, cols=2)
    for cell, (n, r, e, ph) in zip(t2.rows[0].cells, x["refs"]):
        cell.text = f"{n}\n{r}\n{e}\n{ph}"
    doc.save(path)


def x_dutch(p, path):
    x = p["extra"]
    doc = d_base("Calibri", 10.5)
    d_par(doc, p["name_disp"], bold=True, size=22, color="C55A11", space_after=0)
    d_par(doc, f"{p['loc_disp']} · {p['phone_disp']} · {p['email']}", size=9.5, space_after=8)
    h = lambda t: (lambda par: d_rule(par, "bottom", 6, "C55A11"))(d_par(doc, t, bold=True, size=12, color="C55A11", space_after=4))
    h("Persoonlijke gegevens")
    t = doc.add_table(rows=0, cols=2)
    for k, v in (("Naam", p["name_disp"]), ("Adres", x["addr"]), ("Postcode en woonplaats", x["postcode"]), ("Telefoon", p["phone_disp"]),
                 ("E-mail", p["email"]), ("Geboortedatum", x["dob"]), ("Nationaliteit", x["nat"])):
        row = t.add_row().cells; row[0].text = k; row[1].text = v
        row[0].width = Cm(5); row[1].width = Cm(12)
    d_par(doc, "", space_after=2)
    h("Profiel"); d_par(doc, p["summary"], space_after=6)
    h("Werkervaring")
    for j in p["jobs"]:
        d_job_tab(doc, f"{j['t']} – {j['c']}, {j['l']}", j["d"])
        d_bullets(doc, j["b"]); d_par(doc, "", space_after=2)
    h("Opleiding")
    for a, b, c in p["edu"]:
        d_job_tab(doc, a + (f" – {b}" if b else ""), c, bold_left=False)
    d_par(doc, "", space_after=2)
    h("Vaardigheden"); d_par(doc, ", ".join(p["skills"]))
    h("Talen"); d_par(doc, "Nederlands (moedertaal), Engels (vloeiend), Duits (goed)")
    doc.save(path)


def x_polish(p, path):
    x = p["extra"]
    doc = d_base("Calibri", 10.5)
    t = doc.add_table(rows=1, cols=2)
    c0, c1 = t.rows[0].cells
    c0.width = Cm(5); c1.width = Cm(12)
    c0.paragraphs[0].add_run("[zdjęcie]").italic = True
    r = c1.paragraphs[0].add_run(p["name_disp"]); r.bold = True; r.font.size = Pt(22)
    c1.add_paragraph("Kierownik projektów IT / ERP")
    d_par(doc, "")
    h = lambda t: d_par(doc, t.upper(), bold=True, size=11.5, color="1F4E79", space_after=3)
    h("Dane osobowe")
    t2 = doc.add_table(rows=0, cols=2)
    for k, v in (("Imię i nazwisko:", p["name_disp"]), ("Adres:", x["addr"]), ("Miejscowość:", p["loc_disp"]), ("Telefon:", p["phone_disp"]),
                 ("E-mail:", p["email"]), ("Data urodzenia:", x["dob"])):
        row = t2.add_row().cells; row[0].text = k; row[1].text = v
    d_par(doc, "")
    h("Doświadczenie zawodowe")
    for j in p["jobs"]:
        d_par(doc, j["d"], bold=True, space_after=0)
        d_par(doc, f"{j['c']}, {j['l']}", space_after=0)
        d_par(doc, f"Stanowisko: {j['t']}", italic=True, space_after=1)
        d_bullets(doc, j["b"]); d_par(doc, "", space_after=2)
    h("Wykształcenie")
    for a, b, c in p["edu"]:
        d_par(doc, f"{c}  {b} – {a}")
    h("Umiejętności i certyfikaty"); d_bullets(doc, p["skills"])
    d_par(doc, "")
    d_par(doc, "Wyrażam zgodę na przetwarzanie moich danych osobowych przez Pracodawcę w celu prowadzenia rekrutacji na aplikowane przeze mnie stanowisko.", size=7.5, italic=True)
    doc.save(path)


DOCX = {"word_rule": x_word_rule, "word_rule_header": x_word_rule_header, "right_block_docx": x_right_block,
        "teacher_docx": x_teacher, "dutch_docx": x_dutch, "polish_docx": x_polish}


# =====================================================================================
def slug(p):
    return f"{p['id']}_{p['name'].split()[-1].lower()}_{p['layout']}".replace("ł", "l").replace("ś", "s").replace("ß", "ss").replace("ñ", "n")


def main():
    only = set(sys.argv[1:])
    expected = {}
    for p in PEOPLE:
        ext = "docx" if p["tool"] == "docx" else "pdf"
        fn = f"{slug(p)}.{ext}"
        fn = fn.encode("ascii", "ignore").decode()
        path = os.path.join(OUT, fn)
        if not only or p["id"] in only:
            if p["tool"] == "html":
                chromium_pdf(HTML[p["layout"]](p), path)
            elif p["tool"] == "reportlab":
                RL[p["layout"]](p, path)
            else:
                DOCX[p["layout"]](p, path)
            print("wrote", fn, os.path.getsize(path))
        rec = dict(name=p["name"], email=p["email"], phone=p["phone"], current_title=p["title"],
                   current_company=p["company"], location=p["loc"], layout=p["layout"], tool=p["tool"])
        if p["extra"].get("note"):
            rec["note"] = p["extra"]["note"]
        expected[fn] = rec
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=2)
    print(len(expected), "expected entries")


if __name__ == "__main__":
    main()
