"""Six HTML resume layouts, deliberately unlike each other (rendered to PDF by chromium).

Used only by generate_corpus.py.
"""

from __future__ import annotations

import html
import random

from people import MONTHS, MONTHS_LONG, Person

e = html.escape


def fmt_range(job, style: int, lang: str = "en") -> str:
    present = {"en": "Present", "de": "heute", "fr": "aujourd'hui"}[lang]

    def one(ym):
        if ym is None:
            return [present, present, "now", "Current", present][style % 5]
        y, m = ym
        return [f"{MONTHS[m - 1]} {y}", f"{m:02d}/{y}", f"{y}", f"{MONTHS_LONG[m - 1]} {y}", f"{y}-{m:02d}"][
            style % 5
        ]

    sep = [" – ", " - ", "–", " — ", " to "][style % 5]
    return one(job.start) + sep + one(job.end)


BASE_CSS = "@page { size: A4; margin: 14mm; } body { margin: 0; color: #222; } ul { margin: 2px 0 6px 18px; padding: 0; }"


def t_classic(p: Person, rng: random.Random) -> str:
    """Single column, serif, centred header, contact on one line."""
    contact = " | ".join(x for x in [p.location, p.phone_display, p.email, p.linkedin, p.github] if x)
    jobs = "".join(
        f"""<div class=job><div class=row><b>{e(j.title)}</b><span class=dates>{e(fmt_range(j, 0))}</span></div>
        <div><i>{e(j.company)}</i>, {e(j.city)}</div><ul>{"".join(f"<li>{e(b)}</li>" for b in j.bullets)}</ul></div>"""
        for j in p.jobs
    )
    edu = "".join(
        f"<div class=row><span><b>{e(d)}</b>, {e(s)}</span><span>{y}</span></div>" for d, s, y in p.education
    )
    return f"""<html><head><meta charset=utf-8><style>{BASE_CSS}
    body {{ font-family: 'Liberation Serif'; font-size: 11pt; }} h1 {{ text-align: center; font-size: 24pt; margin: 0; }}
    .contact {{ text-align: center; font-size: 9.5pt; margin: 4px 0 10px; }} h2 {{ font-size: 12pt; border-bottom: 1px solid #444; margin: 12px 0 4px; text-transform: uppercase; }}
    .row {{ display: flex; justify-content: space-between; }} .dates {{ font-style: italic; }}</style></head><body>
    <h1>{e(p.name)}</h1><div class=contact>{e(contact)}</div>
    <h2>Summary</h2><p>{e(p.summary)}</p><h2>Experience</h2>{jobs}<h2>Education</h2>{edu}
    <h2>Skills</h2><p>{e(", ".join(p.skills))}</p></body></html>"""


def t_sidebar(p: Person, rng: random.Random) -> str:
    """Two columns: dark sidebar on the left with name, labelled contact, skills list, education."""
    jobs = "".join(
        f"""<div class=job><div class=co>{e(j.company.upper())}</div><div class=ti>{e(j.title)} · {e(fmt_range(j, 1))}</div>
        <ul>{"".join(f"<li>{e(b)}</li>" for b in j.bullets)}</ul></div>"""
        for j in p.jobs
    )
    skills = "".join(f"<li>{e(s)}</li>" for s in p.skills)
    edu = "".join(f"<p><b>{e(d)}</b><br>{e(s)}<br>{y}</p>" for d, s, y in p.education)
    links = "".join(f"<p>{e(l)}</p>" for l in [p.linkedin, p.github, p.website] if l)
    return f"""<html><head><meta charset=utf-8><style>{BASE_CSS} @page {{ margin: 0; }}
    body {{ font-family: 'DejaVu Sans'; font-size: 9.5pt; display: flex; min-height: 297mm; }}
    .side {{ width: 64mm; background: #1f3b57; color: #fff; padding: 14mm 6mm; }} .main {{ flex: 1; padding: 14mm 10mm; }}
    .side h1 {{ font-size: 20pt; margin: 0 0 4px; }} h3 {{ text-transform: uppercase; letter-spacing: 1px; font-size: 10pt; border-bottom: 1px solid #8aa; }}
    .co {{ font-weight: bold; font-size: 10.5pt; }} .ti {{ color: #555; }} .side p {{ margin: 2px 0; }}</style></head><body>
    <div class=side><h1>{e(p.first)}<br>{e(p.last)}</h1><div>{e(p.headline)}</div>
    <h3>Contact</h3><p>Phone: {e(p.phone_display)}</p><p>Email: {e(p.email)}</p><p>Location: {e(p.location)}</p>{links}
    <h3>Skills</h3><ul>{skills}</ul><h3>Education</h3>{edu}</div>
    <div class=main><h3>Profile</h3><p>{e(p.summary)}</p><h3>Work Experience</h3>{jobs}</div></body></html>"""


def t_band(p: Person, rng: random.Random) -> str:
    """Coloured header band, uppercase letter-spaced name, 'Title at Company', skill chips."""
    contact = "".join(
        f"<span>{e(x)}</span>" for x in [p.email, p.phone_display, p.location, p.website or p.linkedin] if x
    )
    jobs = "".join(
        f"""<div class=job><h4>{e(j.title)} at {e(j.company)}</h4><div class=meta>{e(fmt_range(j, 2))} · {e(j.city)}</div>
        <p>{e(" ".join(j.bullets))}</p></div>"""
        for j in p.jobs
    )
    chips = "".join(f"<span class=chip>{e(s)}</span>" for s in p.skills)
    edu = "".join(f"<div>{e(s)} — {e(d)} ({y})</div>" for d, s, y in p.education)
    return f"""<html><head><meta charset=utf-8><style>{BASE_CSS} @page {{ margin: 0 0 12mm 0; }}
    body {{ font-family: 'Liberation Sans'; font-size: 10pt; }} header {{ background: #0b7a75; color: white; padding: 12mm 14mm 6mm; }}
    header h1 {{ margin: 0; font-size: 22pt; text-transform: uppercase; letter-spacing: 3px; }} .tag {{ font-size: 12pt; opacity: .9; }}
    .contact span {{ margin-right: 14px; font-size: 9pt; }} main {{ padding: 4mm 14mm; }} h2 {{ color: #0b7a75; font-size: 13pt; margin: 10px 0 4px; }}
    h4 {{ margin: 6px 0 0; font-size: 11pt; }} .meta {{ color: #777; font-size: 9pt; }} .chip {{ display: inline-block; border: 1px solid #0b7a75; border-radius: 8px; padding: 1px 6px; margin: 2px; }}</style></head><body>
    <header><h1>{e(p.name)}</h1><div class=tag>{e(p.headline)}</div><div class=contact>{contact}</div></header>
    <main><h2>About me</h2><p>{e(p.summary)}</p><h2>Professional Experience</h2>{jobs}<h2>Skills</h2><div>{chips}</div>
    <h2>Education</h2>{edu}</main></body></html>"""


def t_table_right(p: Person, rng: random.Random) -> str:
    """Table layout with the contact/skills column on the RIGHT; 'Title — Company' entries."""
    jobs = "".join(
        f"""<p class=jt>{e(j.title)} — {e(j.company)}</p><p class=jd>{e(fmt_range(j, 3))}, {e(j.city)}</p>
        <ul>{"".join(f"<li>{e(b)}</li>" for b in j.bullets)}</ul>"""
        for j in p.jobs
    )
    edu = "".join(f"<p>{e(d)}<br><small>{e(s)}, {y}</small></p>" for d, s, y in p.education)
    return f"""<html><head><meta charset=utf-8><style>{BASE_CSS}
    body {{ font-family: 'DejaVu Serif'; font-size: 9.5pt; }} td {{ vertical-align: top; }} .right {{ width: 55mm; padding-left: 6mm; border-left: 2px solid #c33; }}
    h1 {{ font-family: 'DejaVu Sans'; font-weight: 300; font-size: 26pt; margin: 0; }} h2 {{ font-family: 'DejaVu Sans'; font-size: 11pt; color: #c33; }}
    .jt {{ font-weight: bold; margin: 8px 0 0; }} .jd {{ margin: 0; color: #666; }}</style></head><body>
    <div style="font-size:8pt;color:#999">Curriculum Vitae</div><h1>{e(p.name)}</h1><div>{e(p.headline)}</div>
    <table><tr><td><h2>Experience</h2>{jobs}<h2>Education</h2>{edu}</td>
    <td class=right><h2>Contact</h2><p>E: {e(p.email)}<br>T: {e(p.phone_display)}<br>{e(p.location)}</p>
    <p>{"<br>".join(e(l) for l in [p.linkedin, p.github, p.website] if l)}</p>
    <h2>Skills</h2><p>{"<br>".join(e(s) for s in p.skills)}</p></td></tr></table></body></html>"""


def t_european(p: Person, rng: random.Random) -> str:
    """Europass-like: personal-data table, dates in a left column; German/French headings for DE/FR."""
    lang = {"DE": "de", "FR": "fr"}.get(p.country, "en")
    H = {
        "de": {
            "cv": "Lebenslauf",
            "pd": "Persönliche Daten",
            "name": "Name",
            "tel": "Telefon",
            "mail": "E-Mail",
            "addr": "Wohnort",
            "exp": "Berufserfahrung",
            "edu": "Ausbildung",
            "sk": "Kenntnisse",
        },
        "fr": {
            "cv": "Curriculum Vitae",
            "pd": "Informations personnelles",
            "name": "Nom",
            "tel": "Téléphone",
            "mail": "E-mail",
            "addr": "Adresse",
            "exp": "Expérience professionnelle",
            "edu": "Formation",
            "sk": "Compétences",
        },
        "en": {
            "cv": "Curriculum Vitae",
            "pd": "Personal details",
            "name": "Name",
            "tel": "Mobile",
            "mail": "E-mail",
            "addr": "Address",
            "exp": "Employment History",
            "edu": "Education",
            "sk": "Skills",
        },
    }[lang]
    jobs = "".join(
        f"""<tr><td class=d>{e(fmt_range(j, 1, lang))}</td><td><b>{e(j.title)}</b><br>{e(j.company)}, {e(j.city)}<br>
        <span class=small>{e(j.bullets[0])}</span></td></tr>"""
        for j in p.jobs
    )
    edu = "".join(f"<tr><td class=d>{y}</td><td>{e(d)}<br>{e(s)}</td></tr>" for d, s, y in p.education)
    return f"""<html><head><meta charset=utf-8><style>{BASE_CSS}
    body {{ font-family: 'Liberation Sans Narrow', 'Liberation Sans'; font-size: 10.5pt; }} h1 {{ font-size: 16pt; color: #345; }}
    h2 {{ font-size: 12pt; color: #345; border-bottom: 1px solid #9ab; }} td {{ vertical-align: top; padding: 2px 8px 4px 0; }} .d {{ width: 38mm; color: #555; }}
    .small {{ font-size: 9pt; color: #555; }}</style></head><body>
    <h1>{H["cv"]}</h1><h2>{H["pd"]}</h2><table>
    <tr><td class=d>{H["name"]}</td><td>{e(p.name)}</td></tr><tr><td class=d>{H["tel"]}</td><td>{e(p.phone_display)}</td></tr>
    <tr><td class=d>{H["mail"]}</td><td>{e(p.email)}</td></tr><tr><td class=d>{H["addr"]}</td><td>{e(p.location)}</td></tr>
    <tr><td class=d>LinkedIn</td><td>{e(p.linkedin)}</td></tr></table>
    <h2>{H["exp"]}</h2><table>{jobs}</table><h2>{H["edu"]}</h2><table>{edu}</table>
    <h2>{H["sk"]}</h2><p>{e(" · ".join(p.skills))}</p></body></html>"""


def t_compact(p: Person, rng: random.Random) -> str:
    """Header split left/right, two-column body (experience left, sidebar right); company first, title second."""
    jobs = "".join(
        f"""<div class=job><div class=row><b>{e(j.company)}</b><span>{e(fmt_range(j, 4))}</span></div><div class=t>{e(j.title)}</div>
        <ul>{"".join(f"<li>{e(b)}</li>" for b in j.bullets)}</ul></div>"""
        for j in p.jobs
    )
    edu = "".join(f"<p><b>{e(s)}</b><br>{e(d)}, {y}</p>" for d, s, y in p.education)
    return f"""<html><head><meta charset=utf-8><style>{BASE_CSS}
    body {{ font-family: 'Liberation Sans'; font-size: 9pt; }} .head {{ display: flex; justify-content: space-between; border-bottom: 3px solid #e67e22; padding-bottom: 6px; }}
    .head h1 {{ font-size: 21pt; margin: 0; }} .head .r {{ text-align: right; }} .cols {{ display: flex; gap: 8mm; }} .l {{ flex: 2; }} .s {{ flex: 1; }}
    h2 {{ font-size: 10.5pt; color: #e67e22; text-transform: uppercase; }} .row {{ display: flex; justify-content: space-between; }} .t {{ font-style: italic; }}</style></head><body>
    <div class=head><div><h1>{e(p.name)}</h1><div>{e(p.headline)}</div></div>
    <div class=r>{e(p.phone_display)}<br>{e(p.email)}<br>{e(p.location)}<br>{e(p.github or p.linkedin)}</div></div>
    <div class=cols><div class=l><h2>Experience</h2>{jobs}</div>
    <div class=s><h2>Summary</h2><p>{e(p.summary)}</p><h2>Skills</h2><p>{e(", ".join(p.skills))}</p><h2>Education</h2>{edu}</div></div></body></html>"""


TEMPLATES = {
    "classic": t_classic,
    "sidebar": t_sidebar,
    "band": t_band,
    "tableright": t_table_right,
    "european": t_european,
    "compact": t_compact,
}
