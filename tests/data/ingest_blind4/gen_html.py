# -*- coding: utf-8 -*-
"""HTML layouts (printed to PDF with headless chromium)."""
from html import escape as _e
from data import LABELS


def e(s):
    return _e(s or "", quote=True)


def L(p, k):
    return LABELS[p["lang"]][k]


def bullets(j):
    if not j["bullets"]:
        return ""
    return "<ul>" + "".join(f"<li>{e(b)}</li>" for b in j["bullets"]) + "</ul>"


def skills_list(p):
    s = p["skills"]
    if isinstance(s, dict):
        return [k for k in s]
    return s


def page(css, body, lang="en"):
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>CV</title>
<style>@page {{ size: A4; margin: 0; }} * {{ box-sizing: border-box; }} body {{ margin:0; }} {css}</style></head>
<body>{body}</body></html>"""


SILHOUETTE = """<svg viewBox="0 0 100 120" width="100%" height="100%" xmlns="http://www.w3.org/2000/svg">
<rect width="100" height="120" fill="#cfd6dd"/><circle cx="50" cy="45" r="22" fill="#9aa6b2"/>
<path d="M10 120 C 14 84, 86 84, 90 120 Z" fill="#9aa6b2"/></svg>"""


# ---------------------------------------------------------------- 1 word_classic
def word_classic(p):
    css = """body{font-family:'Liberation Sans',Arial,sans-serif;font-size:10.5pt;color:#111;padding:16mm 18mm;}
h1{text-align:center;font-size:22pt;margin:0 0 4px;letter-spacing:1px}
.c{text-align:center;font-size:10pt;margin-bottom:10px}
h2{font-size:11pt;text-transform:uppercase;border-bottom:1.5px solid #222;margin:14px 0 6px;padding-bottom:2px}
.row{display:flex;justify-content:space-between}.job{margin-bottom:8px} ul{margin:3px 0 0 0;padding-left:18px} li{margin-bottom:2px}"""
    contact = " • ".join([p["loc_p"], p["phone_p"], p["email"]] + p["links"])
    b = f"<h1>{e(p['name_p'])}</h1><div class='c'>{e(contact)}</div>"
    b += f"<h2>Summary</h2><p>{e(p['summary'])}</p>"
    b += "<h2>Professional Experience</h2>"
    for j in p["jobs"]:
        b += f"<div class='job'><div class='row'><span><b>{e(j['title'])}</b>, {e(j['company'])} — {e(j['place'])}</span><span>{e(j['dates'])}</span></div>{bullets(j)}</div>"
    b += "<h2>Education</h2>" + "".join(f"<div class='row'><span><b>{e(x['degree'])}</b>, {e(x['school'])}</span><span>{e(x['dates'])}</span></div>" for x in p["edu"])
    b += f"<h2>Technical Skills</h2><p>{e(', '.join(p['skills']))}</p>"
    return page(css, b)


# ---------------------------------------------------------------- 2 jakes (LaTeX-like)
def jakes(p):
    css = """body{font-family:'Liberation Serif','Times New Roman',serif;font-size:10.5pt;padding:12mm 15mm;color:#000}
h1{text-align:center;font-size:25pt;font-variant:small-caps;font-weight:bold;margin:0}
.c{text-align:center;font-size:9.5pt;margin:3px 0 8px} .c u{text-decoration:underline}
h2{font-variant:small-caps;font-weight:normal;font-size:13pt;border-bottom:0.8px solid #000;margin:10px 0 4px;padding-bottom:1px}
table{width:100%;border-collapse:collapse;margin-top:4px} td{padding:0;vertical-align:top} td.r{text-align:right}
.i{font-style:italic;font-size:9.5pt} ul{margin:2px 0 4px;padding-left:22px;font-size:9.5pt} li{margin:1px 0}"""
    contact = [p["phone_p"], f"<u>{e(p['email'])}</u>"] + [f"<u>{e(l)}</u>" for l in p["links"]] + [e(p["loc_p"])]
    b = f"<h1>{e(p['name_p'])}</h1><div class='c'>{e(contact[0])} &nbsp;|&nbsp; " + " &nbsp;|&nbsp; ".join(contact[1:]) + "</div>"
    b += "<h2>Education</h2>"
    for x in p["edu"]:
        b += f"<table><tr><td><b>{e(x['school'])}</b></td><td class=r>{e(p['loc_p'])}</td></tr><tr><td class=i>{e(x['degree'])}</td><td class='r i'>{e(x['dates'])}</td></tr></table>"
    b += "<h2>Experience</h2>"
    for j in p["jobs"]:
        b += f"<table><tr><td><b>{e(j['title'])}</b></td><td class=r>{e(j['dates'])}</td></tr><tr><td class=i>{e(j['company'])}</td><td class='r i'>{e(j['place'])}</td></tr></table>{bullets(j)}"
    b += "<h2>Projects</h2>"
    for n, t, d in p["extra"].get("projects", []):
        b += f"<table><tr><td><b>{e(n)}</b> | <i>{e(t)}</i></td><td class=r></td></tr></table><ul><li>{e(d)}</li></ul>"
    b += "<h2>Technical Skills</h2>" + "".join(f"<div style='font-size:9.5pt'><b>{e(s.split(':')[0])}</b>:{e(s.split(':',1)[1])}</div>" for s in p["skills"])
    return page(css, b)


# ---------------------------------------------------------------- 3 gdocs_serif
def gdocs_serif(p):
    fr = p["lang"] == "fr"
    css = """body{font-family:'DejaVu Serif',Georgia,serif;font-size:9.8pt;color:#333;padding:18mm 20mm}
.top{display:flex;justify-content:space-between;align-items:flex-start}
h1{font-family:'Liberation Sans',sans-serif;font-size:27pt;margin:0;color:#000;font-weight:bold}
.hl{font-size:10pt;margin-top:4px;color:#555}
.ct{text-align:right;font-size:9pt;line-height:1.5}
h2{color:#c0392b;font-family:'Liberation Sans',sans-serif;font-size:10pt;letter-spacing:1px;text-transform:uppercase;margin:20px 0 6px}
.co{font-weight:bold;color:#000;margin-top:10px} .co span{font-weight:normal;font-style:italic}
.dt{font-family:'Liberation Sans',sans-serif;font-size:8pt;color:#777;text-transform:uppercase;margin:2px 0}
ul{margin:3px 0;padding-left:16px}"""
    lines = p.get("addr_lines") or [p["loc_p"]]
    ct = "<br>".join(e(x) for x in lines) + f"<br>{e(p['phone_p'])}<br><b>{e(p['email'])}</b>"
    b = f"<div class=top><div><h1>{e(p['name_p'])}</h1><div class=hl>{e(p['summary'])}</div></div><div class=ct style='min-width:62mm'>{ct}</div></div>"
    b += f"<h2>{'Expérience' if fr else 'Experience'}</h2>"
    for j in p["jobs"]:
        b += f"<div class=co>{e(j['company'])}, {e(j['place'])} — <span>{e(j['title'])}</span></div><div class=dt>{e(j['dates'])}</div>{bullets(j)}"
    b += f"<h2>{'Formation' if fr else 'Education'}</h2>"
    for x in p["edu"]:
        b += f"<div class=co>{e(x['school'])} — <span>{e(x['degree'])}</span></div><div class=dt>{e(x['dates'])}</div>"
    b += f"<h2>{'Compétences' if fr else 'Skills'}</h2><ul>" + "".join(f"<li>{e(s)}</li>" for s in p["skills"]) + "</ul>"
    if p["languages"]:
        b += f"<h2>{'Langues' if fr else 'Languages'}</h2><p>{e(', '.join(p['languages']))}</p>"
    return page(css, b, p["lang"])


# ---------------------------------------------------------------- 4 two_column (left sidebar)
def two_column(p):
    css = """body{font-family:'Liberation Sans',sans-serif;font-size:9.6pt;color:#222}
.wrap{display:flex;min-height:297mm}
.side{width:68mm;background:#1f3a5f;color:#eef;padding:16mm 7mm 10mm 9mm}
.main{flex:1;padding:16mm 12mm 10mm 10mm}
.side h3{font-size:10pt;text-transform:uppercase;letter-spacing:1.5px;border-bottom:1px solid #8fa8c8;padding-bottom:3px;margin:18px 0 6px;color:#fff}
.side p{margin:3px 0;word-wrap:break-word}
h1{font-size:26pt;margin:0;color:#1f3a5f} .hl{font-size:12pt;color:#5a7aa0;margin:2px 0 12px;text-transform:uppercase;letter-spacing:2px}
.main h2{font-size:11pt;color:#1f3a5f;text-transform:uppercase;letter-spacing:1.5px;margin:16px 0 6px}
.t{font-weight:bold;font-size:10.5pt}.m{color:#666;font-size:9pt;margin:1px 0 3px} ul{margin:2px 0 8px;padding-left:15px}"""
    s = f"<h3>{e(L(p,'contact'))}</h3><p>☎ {e(p['phone_p'])}</p><p>✉ {e(p['email'])}</p><p>⌂ {e(p['loc_p'])}</p>" + "".join(f"<p>{e(l)}</p>" for l in p["links"])
    s += f"<h3>{e(L(p,'skills'))}</h3>" + "".join(f"<p>• {e(x)}</p>" for x in skills_list(p))
    if p["languages"]:
        s += f"<h3>{e(L(p,'langs'))}</h3>" + "".join(f"<p>{e(x)}</p>" for x in p["languages"])
    s += f"<h3>{e(L(p,'edu'))}</h3>" + "".join(f"<p><b>{e(x['degree'])}</b><br>{e(x['school'])}<br>{e(x['dates'])}</p>" for x in p["edu"])
    m = f"<h1>{e(p['name_p'])}</h1><div class=hl>{e(p['headline'])}</div><h2>{e(L(p,'summary'))}</h2><p>{e(p['summary'])}</p><h2>{e(L(p,'exp'))}</h2>"
    for j in p["jobs"]:
        m += f"<div class=t>{e(j['title'])}</div><div class=m>{e(j['company'])} | {e(j['place'])} | {e(j['dates'])}</div>{bullets(j)}"
    return page(css, f"<div class=wrap><div class=side>{s}</div><div class=main>{m}</div></div>", p["lang"])


# ---------------------------------------------------------------- 5 sidebar_right
def sidebar_right(p):
    css = """body{font-family:'DejaVu Sans',sans-serif;font-size:9pt;color:#222}
.hd{background:#0b6e4f;color:#fff;padding:12mm 14mm 8mm}.hd h1{margin:0;font-size:22pt}.hd div{font-size:10.5pt;margin-top:3px;opacity:.9}
.wrap{display:flex}.main{flex:1;padding:6mm 8mm 8mm 14mm}.side{width:62mm;background:#eef5f1;padding:6mm 8mm;min-height:240mm}
h2{color:#0b6e4f;font-size:11pt;border-bottom:2px solid #0b6e4f;margin:12px 0 6px;padding-bottom:2px}
.side h2{font-size:10pt}.side p{margin:3px 0}
.j{margin-bottom:8px}.jt{font-weight:bold;font-size:10pt}.jc{color:#0b6e4f}.jd{float:right;color:#555;font-size:8.5pt}
ul{margin:2px 0;padding-left:14px}"""
    b = f"<div class=hd><h1>{e(p['name_p'])}</h1><div>{e(p['headline'])}</div></div><div class=wrap><div class=main>"
    b += f"<h2>Career Profile</h2><p>{e(p['summary'])}</p><h2>Work History</h2>"
    for j in p["jobs"]:
        b += f"<div class=j><span class=jd>{e(j['dates'])}</span><div class=jt>{e(j['title'])}</div><div class=jc>{e(j['company'])}, {e(j['place'])}</div>{bullets(j)}</div>"
    b += "<h2>Education</h2>" + "".join(f"<p><b>{e(x['degree'])}</b><br>{e(x['school'])} ({e(x['dates'])})</p>" for x in p["edu"])
    b += "</div><div class=side><h2>Contact Details</h2>"
    b += f"<p><b>Phone</b><br>{e(p['phone_p'])}</p><p><b>Email</b><br>{e(p['email'])}</p><p><b>Location</b><br>{e(p['loc_p'])}</p>"
    b += "<h2>Core Skills</h2>" + "".join(f"<p>▪ {e(x)}</p>" for x in p["skills"])
    b += "<h2>Languages</h2>" + "".join(f"<p>{e(x)}</p>" for x in p["languages"])
    b += "<h2>Professional Bodies</h2><p>COREN (R. 48213)</p><p>Nigerian Society of Engineers</p></div></div>"
    return page(css, b)


# ---------------------------------------------------------------- 6 awesome (Awesome-CV-like)
def awesome(p):
    css = """body{font-family:'Liberation Sans',sans-serif;font-size:9.5pt;color:#333;padding:14mm 16mm}
.nm{text-align:center;font-size:30pt;color:#444}.nm .f{font-weight:300;color:#666}.nm .l{font-weight:bold;color:#333}
.pos{text-align:center;color:#dc3522;font-variant:small-caps;font-size:10pt;letter-spacing:1px;margin:2px 0}
.ct{text-align:center;font-size:8.5pt;color:#555;margin-bottom:8px}
h2{font-size:15pt;margin:14px 0 4px;color:#333;display:flex;align-items:center}h2 .a{color:#dc3522}h2:after{content:"";flex:1;border-bottom:1px solid #999;margin-left:8px}
table{width:100%;border-collapse:collapse;margin-top:6px}td{padding:0}.r{text-align:right}
.co{font-weight:bold;font-size:10.5pt}.ti{font-variant:small-caps;color:#555}.loc{color:#dc3522;font-style:italic}.dt{color:#777;font-style:italic;font-size:8.5pt}
ul{margin:2px 0;padding-left:16px;font-size:9pt;color:#555}"""
    parts = p["name_p"].split(" ", 1)
    b = f"<div class=nm><span class=f>{e(parts[0])}</span> <span class=l>{e(parts[1])}</span></div><div class=pos>{e(p['headline'])}</div>"
    b += f"<div class=ct>⌂ {e(p['loc_p'])} &nbsp;|&nbsp; ✆ {e(p['phone_p'])} &nbsp;|&nbsp; ✉ {e(p['email'])}</div>"
    def H(t):
        return f"<h2><span class=a>{e(t[:3])}</span>{e(t[3:])}</h2>"
    b += H("Summary") + f"<p>{e(p['summary'])}</p>" + H("Experience")
    for j in p["jobs"]:
        b += f"<table><tr><td class=co>{e(j['company'])}</td><td class='r loc'>{e(j['place'])}</td></tr><tr><td class=ti>{e(j['title'])}</td><td class='r dt'>{e(j['dates'])}</td></tr></table>{bullets(j)}"
    b += H("Education")
    for x in p["edu"]:
        b += f"<table><tr><td class=co>{e(x['school'])}</td><td class='r dt'>{e(x['dates'])}</td></tr><tr><td class=ti>{e(x['degree'])}</td><td></td></tr></table>"
    b += H("Skills") + f"<p>{e(' · '.join(p['skills']))}</p>"
    return page(css, b)


# ---------------------------------------------------------------- 7 altacv
def altacv(p):
    tr = p["lang"] == "tr"
    css = """body{font-family:'DejaVu Sans',sans-serif;font-size:9pt;color:#222;padding:13mm 14mm}
h1{font-size:24pt;margin:0;font-weight:bold}.tag{color:#8f0d0d;font-size:11pt;font-weight:bold;margin:3px 0 6px}
.ct{font-size:8.5pt;color:#333;border-bottom:1px solid #ccc;padding-bottom:6px}.ct span{margin-right:14px}
.cols{display:flex;gap:8mm}.l{flex:1.55}.r{flex:1}
h2{color:#8f0d0d;font-size:12pt;text-transform:uppercase;border-bottom:1.5px solid #666;margin:12px 0 6px;padding-bottom:1px}
.t{font-size:10.5pt;font-weight:bold}.c{color:#3e6d9c;font-weight:bold}.m{color:#666;font-size:8pt;margin:1px 0 3px}
ul{margin:2px 0 8px;padding-left:13px}.q{font-style:italic;border-left:3px solid #8f0d0d;padding-left:6px;color:#444}
.tg{display:inline-block;border:1px solid #888;border-radius:3px;padding:1px 5px;margin:2px}"""
    lab = dict(exp="Deneyim" if tr else "Experience", edu="Eğitim" if tr else "Education", phil="Yaşam Felsefem" if tr else "My Life Philosophy",
               sk="Yetenekler" if tr else "Strengths", la="Diller" if tr else "Languages", sum="Hakkımda" if tr else "About me")
    ct = f"<span>✉ {e(p['email'])}</span><span>☎ {e(p['phone_p'])}</span><span>⌖ {e(p['loc_p'])}</span>" + "".join(f"<span>in {e(l)}</span>" for l in p["links"])
    b = f"<h1>{e(p['name_p'])}</h1><div class=tag>{e(p['headline'])}</div><div class=ct>{ct}</div><div class=cols><div class=l><h2>{lab['exp']}</h2>"
    for j in p["jobs"]:
        b += f"<div class=t>{e(j['title'])}</div><div class=c>{e(j['company'])}</div><div class=m>{e(j['dates'])} &nbsp; ⌖ {e(j['place'])}</div>{bullets(j)}"
    b += f"<h2>{lab['edu']}</h2>" + "".join(f"<div class=t>{e(x['degree'])}</div><div class=c>{e(x['school'])}</div><div class=m>{e(x['dates'])}</div>" for x in p["edu"])
    b += f"</div><div class=r><h2>{lab['phil']}</h2><div class=q>“{e(p['extra'].get('philosophy',''))}”</div><h2>{lab['sum']}</h2><p>{e(p['summary'])}</p>"
    b += f"<h2>{lab['sk']}</h2>" + "".join(f"<span class=tg>{e(s)}</span>" for s in p["skills"])
    b += f"<h2>{lab['la']}</h2>" + "".join(f"<div>{e(x)}</div>" for x in p["languages"]) + "</div></div>"
    return page(css, b, p["lang"])


# ---------------------------------------------------------------- 8 references (classic, refs on request)
def references(p):
    css = """body{font-family:'Liberation Serif',serif;font-size:11pt;color:#000;padding:18mm 20mm}
.top{display:flex;justify-content:space-between;border-bottom:3px double #000;padding-bottom:6px}
h1{margin:0;font-size:24pt;font-weight:normal}.ct{text-align:right;font-size:9.5pt;line-height:1.4}
h2{font-size:11.5pt;font-weight:bold;margin:14px 0 4px;text-transform:uppercase;letter-spacing:.5px}
.jt{display:flex;justify-content:space-between}.co{font-style:italic}ul{margin:2px 0 8px;padding-left:18px}"""
    b = f"<div class=top><h1>{e(p['name_p'])}</h1><div class=ct>{e(p['loc_p'])}<br>Mobile: {e(p['phone_p'])}<br>Email: {e(p['email'])}</div></div>"
    b += f"<h2>Personal Profile</h2><p>{e(p['summary'])}</p><h2>Employment History</h2>"
    for j in p["jobs"]:
        b += f"<div class=jt><b>{e(j['title'])}</b><span>{e(j['dates'])}</span></div><div class=co>{e(j['company'])}, {e(j['place'])}</div>{bullets(j)}"
    b += "<h2>Education &amp; Qualifications</h2>" + "".join(f"<div class=jt><span><b>{e(x['degree'])}</b> – {e(x['school'])}</span><span>{e(x['dates'])}</span></div>" for x in p["edu"])
    b += f"<h2>Key Skills</h2><p>{e(', '.join(p['skills']))}</p><h2>Interests</h2><p>{e(p['extra'].get('interests',''))}</p>"
    b += "<h2>References</h2><p>References available on request.</p>"
    return page(css, b)


# ---------------------------------------------------------------- 9 summary_top
def summary_top(p):
    css = """body{font-family:'Liberation Sans',sans-serif;font-size:9.8pt;color:#222;padding:14mm 16mm}
h1{margin:0;font-size:24pt;color:#2c3e50}.hl{font-size:12pt;color:#16a085;font-weight:bold;margin:2px 0}
.ct{font-size:9pt;color:#444;margin-bottom:8px}
.box{background:#eef6f4;border-left:4px solid #16a085;padding:8px 10px;margin:8px 0}
h2{font-size:10.5pt;color:#2c3e50;text-transform:uppercase;letter-spacing:1.2px;margin:14px 0 6px;border-bottom:1px solid #bbb}
.grid{display:grid;grid-template-columns:1fr 1fr 1fr;gap:3px 10px}.grid div:before{content:"✓ ";color:#16a085}
.jt{display:flex;justify-content:space-between;font-weight:bold}.co{color:#555}ul{margin:2px 0 8px;padding-left:16px}"""
    b = f"<h1>{e(p['name_p'])}</h1><div class=hl>{e(p['headline'])}</div><div class=ct>{e(p['loc_p'])} | {e(p['phone_p'])} | {e(p['email'])}</div>"
    b += f"<h2>Professional Summary</h2><div class=box>{e(p['summary'])}</div><h2>Core Competencies</h2><div class=grid>" + "".join(f"<div>{e(s)}</div>" for s in p["skills"]) + "</div>"
    b += "<h2>Professional Experience</h2>"
    for j in p["jobs"]:
        b += f"<div class=jt><span>{e(j['title'])}</span><span>{e(j['dates'])}</span></div><div class=co>{e(j['company'])} — {e(j['place'])}</div>{bullets(j)}"
    b += "<h2>Education &amp; Certifications</h2>" + "".join(f"<div class=jt><span>{e(x['degree'])}</span><span>{e(x['dates'])}</span></div><div class=co>{e(x['school'])}</div>" for x in p["edu"])
    return page(css, b)


# ---------------------------------------------------------------- 10 band (coloured header band, dates in left margin)
def band(p):
    colors = {"en": "#34495e", "fr": "#6c3483", "da": "#b03a2e"}
    c = colors.get(p["lang"], "#34495e")
    css = f"""body{{font-family:'Liberation Sans',sans-serif;font-size:9.6pt;color:#222}}
.bd{{background:{c};color:#fff;padding:12mm 16mm 9mm}}.bd h1{{margin:0;font-size:26pt;font-weight:normal}}.bd .h{{font-size:12pt;opacity:.85;margin-top:2px}}
.st{{display:flex;justify-content:space-between;background:#f2f2f2;padding:3mm 16mm;font-size:9pt}}
.body{{padding:4mm 16mm}}h2{{color:{c};font-size:12pt;margin:12px 0 6px}}
.r{{display:flex;margin-bottom:7px}}.r .d{{width:38mm;color:#666;font-size:8.6pt;padding-top:1px}}.r .x{{flex:1}}
ul{{margin:2px 0;padding-left:14px}}"""
    b = f"<div class=bd><h1>{e(p['name_p'])}</h1><div class=h>{e(p['headline'])}</div></div>"
    b += f"<div class=st><span>{e(p['phone_p'])}</span><span>{e(p['email'])}</span><span>{e(p['loc_p'])}</span></div><div class=body>"
    b += f"<h2>{e(L(p,'summary'))}</h2><p>{e(p['summary'])}</p><h2>{e(L(p,'exp'))}</h2>"
    for j in p["jobs"]:
        b += f"<div class=r><div class=d>{e(j['dates'])}</div><div class=x><b>{e(j['title'])}</b><br>{e(j['company'])}, {e(j['place'])}{bullets(j)}</div></div>"
    b += f"<h2>{e(L(p,'edu'))}</h2>" + "".join(f"<div class=r><div class=d>{e(x['dates'])}</div><div class=x><b>{e(x['degree'])}</b><br>{e(x['school'])}</div></div>" for x in p["edu"])
    b += f"<h2>{e(L(p,'skills'))}</h2><p>{e(' · '.join(p['skills']))}</p>"
    if p["languages"]:
        b += f"<h2>{e(L(p,'langs'))}</h2><p>{e(' · '.join(p['languages']))}</p>"
    return page(css, b + "</div>", p["lang"])


# ---------------------------------------------------------------- 11 minimal
def minimal(p):
    css = """body{font-family:'DejaVu Sans',sans-serif;font-size:8.8pt;color:#333;padding:20mm 24mm;line-height:1.45}
.top{display:grid;grid-template-columns:1fr 1fr;margin-bottom:14mm}.nm{font-size:14pt;color:#000}.hl{color:#888}
.ct{text-align:right;color:#555}
.s{display:grid;grid-template-columns:34mm 1fr;margin-bottom:9mm}.s>.k{color:#999;text-transform:lowercase}
.e{margin-bottom:5mm}.e .d{color:#999;font-size:8pt}ul{margin:1mm 0;padding-left:4mm}"""
    b = f"<div class=top><div><div class=nm>{e(p['name_p'])}</div><div class=hl>{e(p['headline'])}</div></div>"
    b += f"<div class=ct>{e(p['email'])}<br>{e(p['phone_p'])}<br>{e(p['loc_p'])}</div></div>"
    b += f"<div class=s><div class=k>About</div><div>{e(p['summary'])}</div></div><div class=s><div class=k>Experience</div><div>"
    for j in p["jobs"]:
        b += f"<div class=e><b>{e(j['title'])}</b> at {e(j['company'])}<div class=d>{e(j['dates'])} · {e(j['place'])}</div>{bullets(j)}</div>"
    b += "</div></div><div class=s><div class=k>Education</div><div>" + "".join(f"<div class=e>{e(x['degree'])}<div class=d>{e(x['school'])} · {e(x['dates'])}</div></div>" for x in p["edu"])
    b += f"</div></div><div class=s><div class=k>Skills</div><div>{e(', '.join(p['skills']))}</div></div>"
    return page(css, b)


# ---------------------------------------------------------------- 12 photo_box
def photo_box(p):
    es = p["lang"] == "es"
    css = """body{font-family:'Liberation Sans',sans-serif;font-size:9.8pt;color:#222;padding:14mm 16mm}
.hd{display:flex;gap:8mm;align-items:center;border-bottom:2px solid #c27c0e;padding-bottom:6mm}
.ph{width:32mm;height:40mm;border:1px solid #999;flex:none}
h1{margin:0;font-size:24pt}.hl{font-size:12pt;color:#c27c0e;margin:2px 0 6px}.ct td{padding:1px 10px 1px 0;font-size:9pt}
h2{font-size:11.5pt;color:#c27c0e;text-transform:uppercase;margin:12px 0 5px}
.jt{display:flex;justify-content:space-between}.co{color:#555;font-style:italic}ul{margin:2px 0 8px;padding-left:16px}"""
    lab = (dict(tel="Teléfono", mail="Correo", loc="Ubicación") if es else dict(tel="Phone", mail="Email", loc="Address"))
    b = f"<div class=hd><div class=ph>{SILHOUETTE}</div><div><h1>{e(p['name_p'])}</h1><div class=hl>{e(p['headline'])}</div><table class=ct>"
    b += f"<tr><td><b>{lab['tel']}:</b></td><td>{e(p['phone_p'])}</td></tr><tr><td><b>{lab['mail']}:</b></td><td>{e(p['email'])}</td></tr><tr><td><b>{lab['loc']}:</b></td><td>{e(p['loc_p'])}</td></tr></table></div></div>"
    b += f"<h2>{e(L(p,'summary'))}</h2><p>{e(p['summary'])}</p><h2>{e(L(p,'exp'))}</h2>"
    for j in p["jobs"]:
        b += f"<div class=jt><b>{e(j['title'])}</b><span>{e(j['dates'])}</span></div><div class=co>{e(j['company'])} – {e(j['place'])}</div>{bullets(j)}"
    b += f"<h2>{e(L(p,'edu'))}</h2>" + "".join(f"<div class=jt><b>{e(x['degree'])}</b><span>{e(x['dates'])}</span></div><div class=co>{e(x['school'])}</div>" for x in p["edu"])
    b += f"<h2>{e(L(p,'skills'))}</h2><p>{e(', '.join(p['skills']))}</p><h2>{e(L(p,'langs'))}</h2><p>{e(', '.join(p['languages']))}</p>"
    b += f"<p style='margin-top:10mm;font-style:italic'>{e(p['extra'].get('refs',''))}</p>"
    return page(css, b, p["lang"])


# ---------------------------------------------------------------- 13 german_tabular
def german_tabular(p):
    css = """body{font-family:'Liberation Sans',sans-serif;font-size:10pt;color:#111;padding:16mm 20mm}
.hd{display:flex;justify-content:space-between}.ph{width:35mm;height:45mm;border:1px solid #888}
h1{font-size:26pt;margin:0 0 10mm;font-weight:normal;letter-spacing:2px}
h2{font-size:12pt;border-bottom:1px solid #444;margin:10px 0 5px;padding-bottom:1px}
table{border-collapse:collapse;width:100%}td{vertical-align:top;padding:2px 0 5px}td.k{width:45mm;color:#333}
ul{margin:2px 0;padding-left:15px}"""
    x = p["extra"]["personal"]
    rows = [("Name", e(p["name_p"])), ("Anschrift", "<br>".join(e(a) for a in p["addr_lines"])), ("Telefon", e(p["phone_p"])), ("E-Mail", e(p["email"]))] + [(k, e(v)) for k, v in x]
    b = "<div class=hd><div><h1>Lebenslauf</h1><h2 style='border:none;margin:0'>Persönliche Daten</h2><table>" + "".join(f"<tr><td class=k>{k}:</td><td>{v}</td></tr>" for k, v in rows) + f"</table></div><div class=ph>{SILHOUETTE}</div></div>"
    b += "<h2>Beruflicher Werdegang</h2><table>"
    for j in p["jobs"]:
        b += f"<tr><td class=k>{e(j['dates'])}</td><td><b>{e(j['title'])}</b><br>{e(j['company'])}, {e(j['place'])}{bullets(j)}</td></tr>"
    b += "</table><h2>Ausbildung</h2><table>" + "".join(f"<tr><td class=k>{e(x['dates'])}</td><td><b>{e(x['degree'])}</b><br>{e(x['school'])}</td></tr>" for x in p["edu"]) + "</table>"
    b += f"<h2>Kenntnisse</h2><table><tr><td class=k>EDV</td><td>{e(', '.join(p['skills']))}</td></tr><tr><td class=k>Sprachen</td><td>{'<br>'.join(e(l) for l in p['languages'])}</td></tr></table>"
    b += f"<p style='margin-top:14mm'>{e(p['extra']['signature'])}</p><p style='font-family:DejaVu Serif;font-style:italic;font-size:14pt;margin:0'>{e(p['name_p'])}</p>"
    return page(css, b, "de")


# ---------------------------------------------------------------- 14 academic
def academic(p):
    x = p["extra"]
    css = """body{font-family:'DejaVu Serif',serif;font-size:9.8pt;color:#000;padding:18mm 20mm;line-height:1.35}
.cv{text-align:center;font-size:10pt;letter-spacing:3px}h1{text-align:center;font-size:18pt;margin:2px 0 8px;font-weight:normal}
.top{display:flex;justify-content:space-between;font-size:9.2pt;margin-bottom:6px}
h2{font-size:10.5pt;text-transform:uppercase;letter-spacing:1px;border-bottom:.6px solid #000;margin:14px 0 5px}
.r{display:flex}.r .y{width:28mm;flex:none}ol{margin:2px 0;padding-left:20px}ol li{margin-bottom:4px}"""
    b = f"<div class=cv>CURRICULUM VITAE</div><h1>{e(p['name_p'])}</h1><div class=top><div>{'<br>'.join(e(a) for a in p['addr_lines'])}</div>"
    b += f"<div style='text-align:right'>Office: {e(p['phone_p'])}<br>Email: {e(p['email'])}<br>Web: marshlab.example.org</div></div>"
    b += "<h2>Academic Appointments</h2>" + "".join(f"<div class=r><div class=y>{e(j['dates'])}</div><div><b>{e(j['title'])}</b>, {e(j['place'])}, {e(j['company'])}</div></div>" for j in p["jobs"])
    b += "<h2>Education</h2>" + "".join(f"<div class=r><div class=y>{e(x2['dates'])}</div><div>{e(x2['degree'])}, {e(x2['school'])}</div></div>" for x2 in p["edu"])
    b += "<h2>Honors and Awards</h2>" + "".join(f"<div>{e(h)}</div>" for h in x["honors"])
    b += "<h2>Selected Peer-Reviewed Publications</h2><ol>" + "".join(f"<li>{e(s)}</li>" for s in x["pubs"]) + "</ol>"
    b += "<h2>Research Funding</h2>" + "".join(f"<div>• {e(g)}</div>" for g in x["grants"])
    b += "<h2>Teaching</h2>" + "".join(f"<div>{e(t)}</div>" for t in x["teaching"])
    b += f"<h2>Student Advising</h2><div>{e(x['students'])}</div>"
    b += "<h2>Service</h2><div>Associate Editor, Journal of Catalytic Materials (2021–present); Graduate Admissions Committee Chair (2020–2023).</div>"
    return page(css, b)


# ---------------------------------------------------------------- 15 contractor
def contractor(p):
    css = """body{font-family:'Liberation Sans',sans-serif;font-size:9.7pt;color:#1a1a1a;padding:14mm 16mm}
.hd{border-left:6px solid #e67e22;padding-left:8px}h1{margin:0;font-size:22pt}.hl{color:#666;font-size:10pt}
.ct{margin:6px 0 4px;font-size:9pt}.av{background:#fdf2e9;padding:5px 8px;font-size:9pt;margin:6px 0}
h2{font-size:11pt;color:#e67e22;text-transform:uppercase;margin:12px 0 5px}
.g{display:grid;grid-template-columns:1fr auto;margin-top:6px}.g .d{color:#555;font-size:9pt}ul{margin:2px 0 4px;padding-left:16px}"""
    b = f"<div class=hd><h1>{e(p['name_p'])}</h1><div class=hl>{e(p['headline'])}</div></div>"
    b += f"<div class=ct>{e(p['loc_p'])} &nbsp;·&nbsp; {e(p['phone_p'])} &nbsp;·&nbsp; {e(p['email'])} &nbsp;·&nbsp; Pryce Technology Consulting Ltd (Co. No. 09876543)</div>"
    b += "<div class=av><b>Availability:</b> 2 days/week from January 2025 · Day rate on request · SC cleared (lapsed)</div>"
    b += f"<h2>Summary</h2><p>{e(p['summary'])}</p><h2>Engagements</h2>"
    for j in p["jobs"][:4]:
        b += f"<div class=g><div><b>{e(j['title'])}</b> — {e(j['company'])} <span style='color:#777'>({e(j['place'])})</span></div><div class=d>{e(j['dates'])}</div></div>{bullets(j)}"
    b += "<h2>Earlier Career</h2>"
    for j in p["jobs"][4:]:
        b += f"<div class=g><div><b>{e(j['title'])}</b> — {e(j['company'])}, {e(j['place'])}</div><div class=d>{e(j['dates'])}</div></div>{bullets(j)}"
    b += "<h2>Education</h2>" + "".join(f"<div class=g><div>{e(x['degree'])}, {e(x['school'])}</div><div class=d>{e(x['dates'])}</div></div>" for x in p["edu"])
    b += f"<h2>Capabilities</h2><p>{e(' / '.join(p['skills']))}</p>"
    return page(css, b)


LAYOUTS = dict(word_classic=word_classic, jakes=jakes, gdocs_serif=gdocs_serif, two_column=two_column, sidebar_right=sidebar_right,
               awesome=awesome, altacv=altacv, references=references, summary_top=summary_top, band=band, minimal=minimal,
               photo_box=photo_box, german_tabular=german_tabular, academic=academic, contractor=contractor)
