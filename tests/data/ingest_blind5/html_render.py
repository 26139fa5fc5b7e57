# -*- coding: utf-8 -*-
"""HTML layouts (printed to PDF with headless chromium)."""
from html import escape as E

from common import lab, daterange, bullets, head_line, jobs_ordered, contact_items, extra_sections, ref_lines

PHOTO_SVG = ('<svg width="110" height="130" viewBox="0 0 110 130" xmlns="http://www.w3.org/2000/svg">'
             '<rect width="110" height="130" fill="#c9ced6"/><circle cx="55" cy="48" r="24" fill="#8d96a3"/>'
             '<path d="M12 130 C16 92 94 92 98 130 Z" fill="#8d96a3"/></svg>')

ICON = {
    "phone": '<svg width="12" height="12" viewBox="0 0 24 24"><path fill="currentColor" d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2c.3-.3.7-.4 1-.2 1.1.4 2.3.6 3.6.6.6 0 1 .4 1 1V20c0 .6-.4 1-1 1A17 17 0 0 1 3 4c0-.6.4-1 1-1h3.5c.6 0 1 .4 1 1 0 1.3.2 2.5.6 3.6.1.3 0 .7-.2 1z"/></svg>',
    "email": '<svg width="12" height="12" viewBox="0 0 24 24"><path fill="currentColor" d="M20 4H4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2zm0 4-8 5-8-5V6l8 5 8-5z"/></svg>',
    "location": '<svg width="12" height="12" viewBox="0 0 24 24"><path fill="currentColor" d="M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z"/></svg>',
    "web": '<svg width="12" height="12" viewBox="0 0 24 24"><rect x="2" y="2" width="20" height="20" rx="3" fill="currentColor"/></svg>',
}
UNI = {"phone": "\u260e", "email": "\u2709", "location": "\u2302", "web": "\u229a"}

BASE_CSS = """
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 10pt; color: #222; margin: 0; }
h1 { margin: 0; } h2 { font-size: 11.5pt; margin: 14px 0 6px 0; }
ul { margin: 3px 0 8px 0; padding-left: 18px; } li { margin: 1px 0; }
p { margin: 3px 0; }
.job { margin-bottom: 8px; page-break-inside: avoid; }
.dates { color: #555; }
.small { font-size: 8pt; color: #666; }
table { border-collapse: collapse; }
"""


def doc(p, css, body):
    return (f'<!DOCTYPE html><html lang="{p["lang"]}"><head><meta charset="utf-8">'
            f'<title>{E(p["name_exp"])} - CV</title><style>{BASE_CSS}{css}</style></head><body>{body}</body></html>')


def ul(items):
    return "<ul>" + "".join(f"<li>{E(b)}</li>" for b in items) + "</ul>"


# ---------------------------------------------------------------- job blocks

def job_block(p, j, datepos="right"):
    f = p["jobfmt"]
    dr = E(daterange(p, j))
    if f == "twocol":
        top = (f'<table style="width:100%"><tr><td style="width:55%"><b>{E(j["title"])}</b></td>'
               f'<td style="text-align:right"><b>{E(j["company"])}</b></td></tr>'
               f'<tr><td class="dates">{dr}</td><td class="dates" style="text-align:right">{E(j["place"])}</td></tr></table>')
        return f'<div class="job">{top}{ul(bullets(p, j))}</div>'
    l1, l2 = head_line(p, j)
    if datepos == "right":
        top = (f'<table style="width:100%"><tr><td><b>{E(l1)}</b></td>'
               f'<td class="dates" style="text-align:right;white-space:nowrap">{dr}</td></tr></table>')
        sub = f'<div><i>{E(l2)}</i></div>' if l2 else ""
    elif datepos == "above":
        top = f'<div class="dates">{dr}</div><div><b>{E(l1)}</b></div>'
        sub = f'<div>{E(l2)}</div>' if l2 else ""
    else:  # inline after
        top = f'<div><b>{E(l1)}</b></div>'
        sub = f'<div><i>{E(l2) if l2 else ""}</i> <span class="dates">({dr})</span></div>'
    return f'<div class="job">{top}{sub}{ul(bullets(p, j))}</div>'


def exp_section(p, h2="h2", datepos="right"):
    if p["jobfmt"] == "table":
        rows = "".join(f'<tr><td>{E(j["company"])}</td><td>{E(j["title"])}</td><td>{E(daterange(p, j))}</td></tr>'
                       for j in jobs_ordered(p))
        t = ('<table class="grid" style="width:100%"><tr><th>Organization</th><th>Designation</th><th>Duration</th></tr>'
             f'{rows}</table>')
        resp = "".join(f'<p><b>{E(j["company"])} &ndash; Roles &amp; Responsibilities:</b></p>{ul(bullets(p, j))}'
                       for j in jobs_ordered(p))
        return f'<{h2}>{E(p["heading"])}</{h2}>{t}{resp}'
    return f'<{h2}>{E(p["heading"])}</{h2}>' + "".join(job_block(p, j, datepos) for j in jobs_ordered(p))


def edu_section(p, h2="h2"):
    rows = "".join(f'<p><b>{E(d)}</b>{", " + E(s) if s else ""} <span class="dates">{E(y)}</span></p>'
                   for d, s, y in p["edu"])
    return f'<{h2}>{E(lab(p, "education"))}</{h2}>{rows}'


def skills_section(p, h2="h2", as_list=False):
    body = ul(p["skills"]) if as_list else f'<p>{E(" · ".join(p["skills"]))}</p>'
    return f'<{h2}>{E(lab(p, "skills"))}</{h2}>{body}'


def extras_html(p, h2="h2", skip_langs=False):
    out = []
    for head, kind, payload in extra_sections(p):
        if skip_langs and head == lab(p, "languages"):
            continue
        hh = f'<{h2}>{E(head)}</{h2}>' if head else ""
        if kind == "list":
            out.append(hh + ul(payload))
        elif kind == "inline":
            out.append(hh + f'<p>{E(", ".join(payload))}</p>')
        elif kind == "kv":
            out.append(hh + '<table class="kv">' + "".join(
                f'<tr><td style="padding-right:14px"><b>{E(k)}</b></td><td>{E(v)}</td></tr>' for k, v in payload) + "</table>")
        elif kind == "refs":
            cells = "".join('<td style="vertical-align:top;padding-right:30px">' + "<br>".join(E(x) for x in ref_lines(r))
                            + "</td>" for r in payload)
            out.append(hh + f"<table><tr>{cells}</tr></table>")
        elif kind == "para":
            out.append(hh + f"<p>{E(payload)}</p>")
        elif kind == "small":
            out.append(f'<p class="small" style="margin-top:20px">{E(payload)}</p>')
    return "".join(out)


def summary_section(p, h2="h2", key="summary"):
    return f'<{h2}>{E(lab(p, key))}</{h2}><p>{E(p["summary"])}</p>'


def contact_line(p, sep=" | ", icons=None, with_labels=False):
    parts = []
    for k, labl, v in contact_items(p):
        if icons == "svg":
            parts.append(f'<span class="ci">{ICON[k]} {E(v)}</span>')
        elif icons == "unicode":
            parts.append(f'<span class="ci">{UNI[k]} {E(v)}</span>')
        elif with_labels:
            parts.append(f'<span><b>{E(labl)}:</b> {E(v)}</span>')
        else:
            parts.append(E(v))
    return sep.join(parts)


def page_footer_css(text):
    return ("@page { @bottom-center { content: '" + text + "Page ' counter(page) ' of ' counter(pages);"
            " font-family: 'Liberation Sans'; font-size: 8pt; color: #777; } }")


# ---------------------------------------------------------------- layouts

def classic_word(p):
    css = """body{font-family:'Liberation Serif',serif;font-size:10.5pt} .hdr{text-align:center}
    .hdr h1{font-size:20pt;letter-spacing:1px} h2{text-transform:uppercase;border-bottom:1.2px solid #000;font-size:11pt}"""
    ob = p["extras"].get("objective")
    cvt = '<div style="font-size:13pt;font-weight:bold">CURRICULUM VITAE</div>' if ob else ""
    hdr = (f'<div class="hdr">{cvt}'
           f'<h1>{E(p["name_printed"])}</h1>'
           + (f'<div>{E(p["headline"])}</div>' if p["headline"] else "")
           + f'<div>{contact_line(p, " | ")}</div></div>')
    summ = (f'<h2>Career Objective</h2><p>{E(p["summary"])}</p>' if ob else summary_section(p))
    body = hdr + summ + exp_section(p) + edu_section(p) + skills_section(p) + extras_html(p)
    return doc(p, css, body)


def header_band(p):
    css = """@page{margin:0 0 16mm 0} .band{background:#1f3b57;color:#fff;padding:22px 40px 16px 40px}
    .band h1{font-size:24pt;font-weight:300} .band .hl{font-size:12pt;opacity:.9}
    .ctab{margin:10px 40px 0 40px;width:calc(100% - 80px);font-size:9.5pt} .ctab td{padding:2px 6px;border-bottom:1px solid #ddd}
    .main{padding:0 40px} h2{color:#1f3b57;border-bottom:2px solid #1f3b57;text-transform:uppercase;font-size:10.5pt}"""
    it = contact_items(p)
    cells = "".join(f'<td><b>{E(l)}</b></td><td>{E(v)}</td>' + ("</tr><tr>" if i % 2 == 1 else "")
                    for i, (k, l, v) in enumerate(it))
    body = (f'<div class="band"><h1>{E(p["name_printed"])}</h1>'
            + (f'<div class="hl">{E(p["headline"])}</div>' if p["headline"] else "") + '</div>'
            f'<table class="ctab"><tr>{cells}</tr></table><div class="main">'
            + summary_section(p, key="profile") + exp_section(p, datepos="right") + edu_section(p)
            + skills_section(p) + extras_html(p) + "</div>")
    return doc(p, css, body)


def latex(p):
    css = ("""body{font-family:'DejaVu Serif','Liberation Serif',serif;font-size:10pt}
    .name{font-size:24pt;font-variant:small-caps;text-align:center;margin-bottom:2px}
    .cl{text-align:center;font-size:9.5pt} h2{font-variant:small-caps;font-weight:normal;font-size:13pt;border-bottom:.6px solid #000}
    """ + (page_footer_css("") if p["extras"].get("long") else ""))
    body = (f'<div class="name">{E(p["name_printed"])}</div>'
            f'<div class="cl">{contact_line(p, " &nbsp;&diams;&nbsp; ")}</div>'
            + summary_section(p, key="summary") + exp_section(p, datepos="right") + edu_section(p)
            + skills_section(p) + extras_html(p))
    return doc(p, css, body)


def sidebar(p, side):
    color = "#2d3e50" if side == "left" else "#eef1f4"
    fg = "#fff" if side == "left" else "#222"
    css = f"""@page{{margin:0}} .wrap{{display:flex;flex-direction:{'row' if side == 'left' else 'row-reverse'};min-height:297mm}}
    .side{{width:32%;background:{color};color:{fg};padding:28px 18px;box-sizing:border-box;font-size:9pt}}
    .side h3{{text-transform:uppercase;font-size:10pt;border-bottom:1px solid {fg};padding-bottom:2px;margin-top:18px}}
    .side .ci{{display:block;margin:5px 0;word-break:break-all}}
    .main{{width:68%;padding:28px 26px;box-sizing:border-box}} .main h1{{font-size:22pt}}
    .main .hl{{font-size:12pt;color:#4a6a8a;margin-bottom:6px}} h2{{text-transform:uppercase;color:#2d3e50;font-size:11pt;border-bottom:1px solid #aaa}}
    .photo{{text-align:center;margin-bottom:10px}}"""
    icons = p["extras"].get("icons")
    side_html = ""
    if p["extras"].get("photo"):
        side_html += f'<div class="photo">{PHOTO_SVG}</div>'
    side_html += f'<h3>{E(lab(p, "contact"))}</h3>'
    for k, l, v in contact_items(p):
        if icons == "svg":
            side_html += f'<span class="ci">{ICON[k]} {E(v)}</span>'
        elif icons == "unicode":
            side_html += f'<span class="ci">{UNI[k]} {E(v)}</span>'
        else:
            side_html += f'<span class="ci"><b>{E(l)}</b><br>{E(v)}</span>'
    side_html += f'<h3>{E(lab(p, "skills"))}</h3>' + ul(p["skills"])
    if p["langs"]:
        side_html += f'<h3>{E(lab(p, "languages"))}</h3>' + ul(p["langs"])
    side_html += f'<h3>{E(lab(p, "education"))}</h3>' + "".join(
        f'<p><b>{E(d)}</b><br>{E(s)}<br>{E(y)}</p>' for d, s, y in p["edu"])
    main = (f'<h1>{E(p["name_printed"])}</h1>' + (f'<div class="hl">{E(p["headline"])}</div>' if p["headline"] else "")
            + f'<p>{E(p["summary"])}</p>' + exp_section(p, datepos="above") + extras_html(p, skip_langs=True))
    return doc(p, css, f'<div class="wrap"><div class="side">{side_html}</div><div class="main">{main}</div></div>')


def sidebar_left(p):
    return sidebar(p, "left")


def sidebar_right(p):
    return sidebar(p, "right")


def gdocs(p):
    # Google Docs "Spearmint"/"Coral"-like: big name, contact block top-left, coloured small-caps headings
    css = """@page{margin:18mm 20mm} body{font-family:'DejaVu Sans',sans-serif;font-size:9.5pt;color:#333}
    .top{border-top:6px solid #25a18e;padding-top:10px} .nm{font-size:26pt;font-weight:bold;color:#111}
    .ct{color:#555;margin:4px 0 10px 0;line-height:1.5} h2{color:#25a18e;font-size:10pt;letter-spacing:1px;text-transform:uppercase}
    .job b{color:#111}"""
    ct = "<br>".join(E(v) for k, l, v in contact_items(p))
    body = (f'<div class="top"><div class="nm">{E(p["name_printed"])}</div>'
            + (f'<div style="font-size:12pt">{E(p["headline"])}</div>' if p["headline"] else "")
            + f'<div class="ct">{ct}</div></div>'
            + f'<h2>{E(lab(p, "skills"))}</h2><p>{E(", ".join(p["skills"]))}</p>'
            + exp_section(p, datepos="inline") + edu_section(p) + extras_html(p)
            + f'<h2>About me</h2><p>{E(p["summary"])}</p>')
    return doc(p, css, body)


def contact_table(p):
    css = (""".ttl{text-align:center;font-size:15pt;font-weight:bold;text-decoration:underline;margin-bottom:10px}
    .ctab td{border:1px solid #999;padding:3px 8px} .grid td,.grid th{border:1px solid #999;padding:3px 6px;text-align:left}
    .grid th{background:#ddd} h2{background:#d9d9d9;padding:2px 6px;font-size:10.5pt}"""
           + page_footer_css(""))
    rows = [("Name", p["name_printed"])] + [(l, v) for k, l, v in contact_items(p)]
    ctab = '<table class="ctab" style="width:75%">' + "".join(
        f'<tr><td style="width:30%"><b>{E(k)}</b></td><td>{E(v)}</td></tr>' for k, v in rows) + "</table>"
    body = ('<div class="ttl">CURRICULUM VITAE</div>' + ctab
            + f'<h2>Career Objective</h2><p>{E(p["summary"])}</p>'
            + '<h2>Professional Summary</h2>' + ul(["9+ years of experience in design and development of Java applications.",
                                                    "Hands-on experience in AWS, Docker and Kubernetes.",
                                                    "Led teams of up to 8 engineers in Agile environment."])
            + exp_section(p) + '<h2>Educational Qualification</h2><table class="grid" style="width:100%">'
            '<tr><th>Qualification</th><th>Institute</th><th>Year</th></tr>'
            + "".join(f"<tr><td>{E(d)}</td><td>{E(s)}</td><td>{E(y)}</td></tr>" for d, s, y in p["edu"])
            + "</table>" + '<h2>Technical Skills</h2>' + ul(p["skills"]) + extras_html(p))
    return doc(p, css, body)


def minimal(p):
    css = """body{font-family:'DejaVu Sans Mono',monospace;font-size:9.5pt} h2{font-size:10pt;margin-top:16px}
    h1{font-size:14pt;font-weight:normal}"""
    body = (f'<h1>{E(p["name_printed"])}</h1><p>{E(p["email"])}<br>{E(p["phone_printed"])}<br>{E(p["loc_printed"])}</p>'
            + summary_section(p, key="summary") + exp_section(p, datepos="inline") + edu_section(p)
            + skills_section(p) + extras_html(p))
    return doc(p, css, body)


def profile_first(p):
    # Profile paragraph first; name+contacts in a right-aligned block after it
    css = """body{font-family:'Liberation Sans';font-size:10pt} .prof{font-size:11pt;border-left:4px solid #b5651d;padding-left:10px}
    h1{font-size:20pt;color:#b5651d} h2{color:#b5651d;font-size:11pt;border-bottom:1px dotted #b5651d}"""
    body = (f'<h2 style="border:none;margin-top:0">Profile</h2><div class="prof">{E(p["summary"])} Seeking a design '
            f'role in medical-device or automation engineering in the Cork area.</div>'
            f'<table style="width:100%;margin-top:10px"><tr><td><h1>{E(p["name_printed"])}</h1></td>'
            f'<td style="text-align:right;font-size:9pt">{E(p["phone_printed"])}<br>{E(p["email"])}<br>{E(p["loc_printed"])}</td></tr></table>'
            + exp_section(p) + edu_section(p) + skills_section(p) + extras_html(p))
    return doc(p, css, body)


def functional(p):
    css = """h1{font-size:22pt;text-align:center} .hl{text-align:center;font-size:11.5pt;color:#555}
    .cl{text-align:center;margin-bottom:6px} h2{font-size:11pt;background:#eee;padding:3px 6px}
    .areas td{vertical-align:top;padding:4px 10px 4px 0;width:50%}"""
    areas = [("Sales Leadership", ["Built and coached high-performing regional teams", "Set and tracked quarterly targets"]),
             ("Business Development", ["Opened distributor channels in three new markets", "Closed S$3.2M multi-year contracts"]),
             ("Account Management", ["Managed 40 key industrial accounts", "Retention rate above 95%"]),
             ("Technical Sales", ["Valve and pump selection for process industries", "Customer technical seminars"])]
    cells = "".join(f'<td><b>{E(a)}</b>{ul(b)}</td>' + ("</tr><tr>" if i % 2 else "") for i, (a, b) in enumerate(areas))
    body = (f'<h1>{E(p["name_printed"])}</h1><div class="hl">{E(p["headline"])}</div>'
            f'<div class="cl">{contact_line(p, " • ")}</div>' + summary_section(p, key="summary")
            + f'<h2>Core Competencies</h2><table class="areas" style="width:100%"><tr>{cells}</tr></table>'
            + f'<h2>{E(p["heading"])}</h2><table style="width:100%">'
            + "".join(f'<tr><td><b>{E(j["title"])}</b></td><td>{E(j["company"])}</td>'
                      f'<td style="text-align:right">{E(daterange(p, j))}</td></tr>' for j in jobs_ordered(p))
            + "</table>" + edu_section(p) + extras_html(p))
    return doc(p, css, body)


def icons(p):
    css = """.top{display:flex;justify-content:space-between;align-items:flex-end;border-bottom:3px solid #0b6e4f;padding-bottom:8px}
    h1{font-size:24pt;color:#0b6e4f} .ci{display:block;text-align:right;font-size:9pt;margin:2px 0;color:#333}
    .ci svg{color:#0b6e4f;vertical-align:middle} h2{color:#0b6e4f;font-size:11pt}"""
    ci = "".join(f'<span class="ci">{E(v)} {ICON[k]}</span>' for k, l, v in contact_items(p))
    body = (f'<div class="top"><div><h1>{E(p["name_printed"])}</h1><div>{E(p["headline"])}</div></div><div>{ci}</div></div>'
            + summary_section(p, key="profile") + exp_section(p) + edu_section(p) + skills_section(p, as_list=True)
            + extras_html(p))
    return doc(p, css, body)


def tabular_de(p):
    # German "tabellarischer Lebenslauf": dates in left column, photo at top right
    css = """h1{font-size:20pt} .t td{vertical-align:top;padding:3px 6px} .t td.d{width:30%;color:#444}
    h2{font-size:12pt;border-bottom:1px solid #666;margin-top:16px}"""
    kv = [(lab(p, "address"), p["loc_printed"]), (lab(p, "mobile"), p["phone_printed"]), (lab(p, "email"), p["email"])] \
        + p["extras"]["personal"]
    pers = "".join(f'<tr><td class="d">{E(k)}</td><td>{E(v)}</td></tr>' for k, v in kv)
    jobs = "".join(f'<tr><td class="d">{E(daterange(p, j))}</td><td><b>{E(j["title"])}</b><br>{E(j["company"])}, '
                   f'{E(j["place"])}{ul(bullets(p, j))}</td></tr>' for j in jobs_ordered(p))
    edu = "".join(f'<tr><td class="d">{E(y)}</td><td><b>{E(d)}</b><br>{E(s)}</td></tr>' for d, s, y in p["edu"])
    body = (f'<table style="width:100%"><tr><td><div style="font-size:11pt">Lebenslauf</div><h1>{E(p["name_printed"])}</h1>'
            f'<div>{E(p["headline"])}</div></td><td style="text-align:right">{PHOTO_SVG}</td></tr></table>'
            f'<h2>{E(lab(p, "personal"))}</h2><table class="t">{pers}</table>'
            f'<h2>{E(p["heading"])}</h2><table class="t">{jobs}</table>'
            f'<h2>{E(lab(p, "education"))}</h2><table class="t">{edu}</table>'
            f'<h2>{E(lab(p, "skills"))}</h2><p>{E(", ".join(p["skills"]))}</p>'
            f'<h2>{E(lab(p, "languages"))}</h2><p>{E(", ".join(p["langs"]))}</p>'
            f'<p style="margin-top:30px">{E(p["extras"]["signature"])}</p><p><i>{E(p["name_printed"])}</i></p>')
    return doc(p, css, body)


def europass(p):
    css = """body{font-family:'DejaVu Sans';font-size:9pt} .row{display:flex;margin:3px 0}
    .lab{width:30%;text-align:right;padding-right:14px;color:#0e4194;text-transform:uppercase;font-size:8.5pt}
    .val{width:70%} .sec{color:#0e4194;font-size:11pt;text-transform:uppercase;margin:16px 0 6px 0;border-bottom:1px solid #0e4194}
    .logo{color:#0e4194;font-weight:bold;font-size:14pt}"""

    def row(l, v):
        return f'<div class="row"><div class="lab">{l}</div><div class="val">{v}</div></div>'
    out = ['<div class="logo">europass</div>', '<div class="sec">Informazioni personali</div>',
           row("Nome", f'<b style="font-size:13pt">{E(p["name_printed"])}</b>'),
           row(lab(p, "address"), E(p["loc_printed"])), row(lab(p, "mobile"), E(p["phone_printed"])),
           row(lab(p, "email"), E(p["email"])), row("Data di nascita", "22/05/1988"), row("Nazionalità", "Italiana"),
           f'<div class="sec">{E(p["heading"])}</div>']
    for j in jobs_ordered(p):
        out.append(row(E(daterange(p, j)), f'<b>{E(j["title"])}</b><br>{E(j["company"])} – {E(j["place"])}'
                       + ul(bullets(p, j))))
    out.append(f'<div class="sec">{E(lab(p, "education"))}</div>')
    for d, s, y in p["edu"]:
        out.append(row(E(y), f'<b>{E(d)}</b><br>{E(s)}'))
    out.append(f'<div class="sec">{E(lab(p, "skills"))}</div>')
    out.append(row("Competenze professionali", E(", ".join(p["skills"]))))
    out.append(row("Lingue", E(", ".join(p["langs"]))))
    out.append('<p class="small" style="margin-top:24px">Autorizzo il trattamento dei miei dati personali ai sensi del '
               'Regolamento UE 2016/679 (GDPR).</p>')
    return doc(p, css, "".join(out))


LAYOUTS = dict(classic_word=classic_word, header_band=header_band, latex=latex, sidebar_left=sidebar_left,
               sidebar_right=sidebar_right, gdocs=gdocs, contact_table=contact_table, minimal=minimal,
               profile_first=profile_first, functional=functional, icons=icons, tabular_de=tabular_de,
               europass=europass)


def render(p):
    return LAYOUTS[p["layout"]](p)
