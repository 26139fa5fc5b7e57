"""Held-out layouts: written after the extractor's heuristics were frozen, to measure how well
they generalise to structures they were not developed against. Used only by generate_corpus.py.
"""

from __future__ import annotations

import html
import random

from people import MONTHS, Person

e = html.escape
CSS = "@page { size: Letter; margin: 12mm; } body { margin: 0; }"


def h_kicker(p: Person, rng: random.Random) -> str:
    """Kicker line above the name, contact block in the page footer area, 'Company (City)' then 'Title, dates'."""
    jobs = "".join(
        f"""<section><h3>{e(j.company)} <span class=c>({e(j.city)})</span></h3>
        <p class=r>{e(j.title)}, {j.start[0]} – {("present" if j.end is None else j.end[0])}</p>
        <p>{e(j.bullets[0])} {e(j.bullets[1])}</p></section>"""
        for j in p.jobs
    )
    return f"""<html><head><meta charset=utf-8><style>{CSS}
    body {{ font-family: 'DejaVu Sans Condensed', 'DejaVu Sans'; font-size: 9.5pt; }} .k {{ letter-spacing: 2px; font-size: 8pt; color: #888; text-transform: uppercase; }}
    h1 {{ font-size: 30pt; margin: 0 0 8px; font-weight: 300; }} h2 {{ font-size: 11pt; margin: 14px 0 2px; }} h3 {{ margin: 6px 0 0; font-size: 10pt; }}
    .c {{ font-weight: normal; color: #777; }} .r {{ margin: 0; font-style: italic; }} footer {{ margin-top: 18px; border-top: 1px solid #ccc; padding-top: 4px; font-size: 8.5pt; }}</style></head><body>
    <div class=k>{e(p.headline)}</div><h1>{e(p.name)}</h1><p>{e(p.summary)}</p>
    <h2>Career</h2>{jobs}<h2>Toolbox</h2><p>{e(" / ".join(p.skills))}</p>
    <h2>Education</h2>{"".join(f"<p>{e(d)} · {e(s)} · {y}</p>" for d, s, y in p.education)}
    <footer>{e(p.email)} &nbsp;·&nbsp; {e(p.phone_display)} &nbsp;·&nbsp; {e(p.location)} &nbsp;·&nbsp; {e(p.linkedin)}</footer></body></html>"""


def h_academic(p: Person, rng: random.Random) -> str:
    """Date-first one-line entries ('2019–present: Title, Company'), labelled contact lines."""

    def rng_(j):
        end = "present" if j.end is None else f"{MONTHS[j.end[1] - 1]} {j.end[0]}"
        return f"{MONTHS[j.start[1] - 1]} {j.start[0]}–{end}"

    jobs = "".join(f"<li><b>{e(rng_(j))}:</b> {e(j.title)}, {e(j.company)}</li>" for j in p.jobs)
    return f"""<html><head><meta charset=utf-8><style>{CSS}
    body {{ font-family: 'Liberation Serif'; font-size: 11pt; }} h1 {{ font-variant: small-caps; margin: 0; }} h2 {{ font-size: 12pt; font-style: italic; }}
    ul {{ padding-left: 16px; }}</style></head><body>
    <h1>{e(p.name)}</h1>
    <p>Email: {e(p.email)}<br>Tel: {e(p.phone_display)}<br>Based in {e(p.location)}<br>Web: {e(p.website or p.linkedin)}</p>
    <h2>Professional Experience</h2><ul>{jobs}</ul>
    <h2>Education</h2><ul>{"".join(f"<li>{y}: {e(d)}, {e(s)}</li>" for d, s, y in p.education)}</ul>
    <h2>Technical Skills</h2><p>{e("; ".join(p.skills))}</p></body></html>"""


def h_cards(p: Person, rng: random.Random) -> str:
    """Card layout in a three-column grid; each job is a card with a pill for dates and 'Role' / 'Company' labels."""
    cards = "".join(
        f"""<div class=card><span class=pill>{j.start[1]:02d}.{j.start[0]} – {"now" if j.end is None else f"{j.end[1]:02d}.{j.end[0]}"}</span>
        <div><small>Role</small> {e(j.title)}</div><div><small>Company</small> {e(j.company)}</div></div>"""
        for j in p.jobs
    )
    return f"""<html><head><meta charset=utf-8><style>{CSS}
    body {{ font-family: 'Liberation Sans'; font-size: 9pt; }} .top {{ display: grid; grid-template-columns: 2fr 1fr 1fr; gap: 6px; align-items: end; }}
    h1 {{ margin: 0; font-size: 20pt; }} .grid {{ display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 8px; }}
    .card {{ border: 1px solid #ddd; border-radius: 6px; padding: 6px; }} .pill {{ background: #eef; border-radius: 9px; padding: 1px 6px; font-size: 8pt; }}
    small {{ color: #999; text-transform: uppercase; font-size: 7pt; }}</style></head><body>
    <div class=top><div><h1>{e(p.name)}</h1>{e(p.headline)}</div><div>{e(p.email)}<br>{e(p.phone_display)}</div><div>{e(p.location)}<br>{e(p.github or p.linkedin)}</div></div>
    <h2>Experience</h2><div class=grid>{cards}</div>
    <h2>Skills</h2><p>{e(", ".join(p.skills))}</p><h2>Education</h2>{"".join(f"<p>{e(s)}<br>{e(d)} ({y})</p>" for d, s, y in p.education)}
    </body></html>"""


HELDOUT = {"kicker": h_kicker, "academic": h_academic, "cards": h_cards}
