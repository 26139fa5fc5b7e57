from common import esc, labels, bullets, skills, where_line, photo_data_uri, page_size, loc_or_addr

def job_head(j, L, date_right=True):
    t, c, d = esc(j['show_t']), esc(j['c']), esc(j['d'])
    w = esc(where_line(j))
    s = j['s']
    dspan = f'<span class="jd">{d}</span>'
    if s in ('pipe', 'dash', 'at', 'atw', 'comma'):
        sep = {'pipe': ' | ', 'dash': ' — ', 'at': ' @ ', 'atw': f' {esc(L["at"])} ', 'comma': ', '}[s]
        cc = f'<i>{c}</i>' if s == 'comma' else c
        return (f'<div class="jh"><span class="jt"><b>{t}</b>{sep}{cc}</span>{dspan}</div>'
                f'<div class="jw">{w}</div>')
    if s == 'tc':
        return (f'<div class="jh"><span class="jt"><b>{t}</b></span>{dspan}</div>'
                f'<div class="jc"><i>{c}</i>{", " + w if w else ""}</div>')
    if s == 'ct':
        return (f'<div class="jh"><span class="jt"><b>{c}</b></span>{dspan}</div>'
                f'<div class="jc"><i>{t}</i>{" · " + w if w else ""}</div>')
    if s == 'caps':
        return (f'<div class="jh"><span class="jt"><b>{c.upper()}</b> — {w}</span>{dspan}</div>'
                f'<div class="jc"><b><i>{t}</i></b></div>')
    raise ValueError(s)

def jobs_html(p, idxs=None):
    L = labels(p)
    out = []
    for i, j in enumerate(p['jobs']):
        if idxs is not None and i not in idxs:
            continue
        lis = ''.join(f'<li>{esc(b)}</li>' for b in bullets(p, i))
        out.append(f'<div class="job">{job_head(j, L)}<ul>{lis}</ul></div>')
    return ''.join(out)

def edu_html(p):
    return ''.join(f'<div class="edu"><div class="jh"><span class="jt"><b>{esc(d)}</b></span><span class="jd">{esc(y)}</span></div><div class="jc">{esc(s)}</div></div>' for d, s, y in p['edu'])

def refs_html(p):
    if not p['refs']:
        return ''
    L = labels(p)
    items = []
    for n, r, o, ph, em in p['refs']:
        items.append(f'<div class="ref"><b>{esc(n)}</b><br>{esc(r)}<br>{esc(o)}<br>{esc(L["phone"])}: {esc(ph)}' + (f'<br>{esc(em)}' if em else '') + '</div>')
    return f'<h2>{esc(L["refs"])}</h2><div class="refs">{"".join(items)}</div>'

def skills_inline(p):
    return ' · '.join(esc(s) for s in skills(p))

def langs_html(p):
    if not p['langs']:
        return ''
    return f'<h2>{esc(labels(p)["langs"])}</h2><p>{", ".join(esc(x) for x in p["langs"])}</p>'

def links(p):
    x = p['x']
    return [x[k] for k in ('linkedin', 'github', 'web') if k in x]

BASE = """
@page {{ size: {size}; margin: {margin}; }}
* {{ box-sizing: border-box; }}
body {{ margin:0; font-family: {font}; font-size: {fs}; color: #222; line-height: 1.35; }}
.jh {{ display:flex; justify-content:space-between; align-items:baseline; }}
.jd {{ white-space:nowrap; color:#555; font-size:0.92em; margin-left:12px; }}
.jw, .jc {{ color:#555; font-size:0.93em; }}
.job {{ margin-bottom:9px; }} .edu {{ margin-bottom:6px; }}
ul {{ margin:3px 0 0 0; padding-left:18px; }} li {{ margin-bottom:1px; }}
.refs {{ display:flex; gap:30px; font-size:0.93em; }}
"""

def doc(p, css, body, margin='0.6in', font="'Liberation Sans', Arial, sans-serif", fs='10pt'):
    return (f'<!DOCTYPE html><html lang="{p["lang"]}"><head><meta charset="utf-8"><title>{esc(p["name"])}</title><style>'
            + BASE.format(size=page_size(p), margin=margin, font=font, fs=fs) + css + f'</style></head><body>{body}</body></html>')

def std_sections(p, order=('summary', 'exp', 'edu', 'skills', 'langs', 'refs')):
    L = labels(p)
    parts = []
    for s in order:
        if s == 'summary':
            parts.append(f'<h2>{esc(L["summary"])}</h2><p>{esc(p["summary"])}</p>')
        elif s == 'exp':
            parts.append(f'<h2>{esc(L["exp"])}</h2>{jobs_html(p)}')
        elif s == 'edu':
            parts.append(f'<h2>{esc(L["edu"])}</h2>{edu_html(p)}')
        elif s == 'skills':
            parts.append(f'<h2>{esc(L["skills"])}</h2><p>{skills_inline(p)}</p>')
        elif s == 'langs':
            parts.append(langs_html(p))
        elif s == 'refs':
            parts.append(refs_html(p))
    return ''.join(parts)

# ---------------------------------------------------------------- layouts
def modern_word(p):
    L = labels(p)
    contact = ' | '.join(esc(x) for x in [p['loc_p'], p['phone_p'], p['email']] + links(p))
    head = f'<div class="hd"><h1>{esc(p["name_p"])}</h1>' + (f'<div class="hl">{esc(p["headline"])}</div>' if p['headline'] else '') + f'<div class="ct">{contact}</div></div>'
    css = """h1{font-size:30pt;color:#1f4e79;margin:0;font-weight:normal;letter-spacing:0.5px}
.hl{text-transform:uppercase;color:#2e75b6;font-size:11pt;letter-spacing:1px;margin-top:2px}
.ct{margin-top:6px;color:#444;font-size:9.5pt}
h2{color:#1f4e79;font-size:12pt;text-transform:uppercase;border-bottom:1.5px solid #2e75b6;padding-bottom:2px;margin:16px 0 6px}"""
    return doc(p, css, head + std_sections(p))

def coral(p):
    contact = '<br>'.join(esc(x) for x in [p['loc_p'], p['phone_p'], p['email']])
    head = f'<div class="ct">{contact}</div><h1>{esc(p["name_p"])}</h1>' + (f'<div class="hl">{esc(p["headline"])}</div>' if p['headline'] else '')
    css = """.ct{font-size:9pt;color:#555;margin-bottom:14px}
h1{font-family:'Liberation Serif',serif;font-size:28pt;color:#e06c53;font-weight:normal;margin:0}
.hl{font-size:11pt;color:#333;margin-top:2px}
h2{color:#e06c53;font-size:11pt;font-weight:bold;text-transform:uppercase;letter-spacing:1px;margin:18px 0 6px}"""
    return doc(p, css, head + std_sections(p), margin='0.7in')

def swiss(p):
    L = labels(p)
    head = (f'<div class="top"><div class="nm"><h1>{esc(p["name_p"])}</h1>' + (f'<div class="hl">{esc(p["headline"])}</div>' if p['headline'] else '') +
            f'</div><div class="ct">{esc(p["loc_p"])}<br>{esc(p["phone_p"])}<br>{esc(p["email"])}' + ''.join(f'<br>{esc(l)}' for l in links(p)) + '</div></div>')
    rows = [(L['profile'], f'<p>{esc(p["summary"])}</p>'), (L['exp'], jobs_html(p)), (L['edu'], edu_html(p)),
            (L['skills'], f'<p>{skills_inline(p)}</p>')]
    if p['langs']:
        rows.append((L['langs'], '<p>' + ', '.join(esc(x) for x in p['langs']) + '</p>'))
    body = head + ''.join(f'<div class="row"><div class="lab">{esc(a)}</div><div class="val">{b}</div></div>' for a, b in rows)
    css = """.top{display:flex;justify-content:space-between;border-top:10px solid #f2b705;padding-top:14px;margin-bottom:14px}
h1{font-size:26pt;margin:0;font-weight:bold}.hl{color:#555;font-size:11pt}
.ct{text-align:right;font-size:9pt;color:#444}
.row{display:flex;margin-bottom:10px}.lab{width:1.5in;font-weight:bold;font-size:11pt;flex:none;color:#111}
.val{flex:1}.val p{margin:0}"""
    return doc(p, css, body)

def spearmint(p):
    head = (f'<div class="bar"></div><div class="top"><div><h1>{esc(p["name_p"])}</h1>' + (f'<div class="hl">{esc(p["headline"])}</div>' if p['headline'] else '') +
            f'</div><div class="ct">{esc(p["email"])}<br>{esc(p["phone_p"])}<br>{esc(p["loc_p"])}</div></div>')
    css = """.bar{height:8px;background:#34a383;margin-bottom:14px}.top{display:flex;justify-content:space-between}
h1{font-size:24pt;margin:0;color:#222}.hl{color:#34a383;font-weight:bold}
.ct{text-align:right;font-size:9pt;color:#444;line-height:1.5}
h2{color:#34a383;font-size:12pt;margin:16px 0 6px}"""
    return doc(p, css, head + std_sections(p))

def canva_sidebar(p):
    L = labels(p)
    photo = f'<img class="ph" src="{photo_data_uri()}">' if p['x'].get('photo') else ''
    side = (photo + f'<h3>{esc(L["contact"])}</h3><p>☎ {esc(p["phone_p"])}</p><p>✉ {esc(p["email"])}</p><p>⌂ {esc(loc_or_addr(p))}</p>'
            f'<h3>{esc(L["skills"])}</h3><ul>' + ''.join(f'<li>{esc(s)}</li>' for s in skills(p)) + '</ul>' +
            (f'<h3>{esc(L["langs"])}</h3><ul>' + ''.join(f'<li>{esc(s)}</li>' for s in p['langs']) + '</ul>' if p['langs'] else ''))
    main = (f'<h1>{esc(p["name_p"])}</h1>' + (f'<div class="hl">{esc(p["headline"])}</div>' if p['headline'] else '') +
            std_sections(p, ('summary', 'exp', 'edu', 'refs')))
    css = """body{display:flex;min-height:100vh}.side{width:2.45in;background:#23395d;color:#fff;padding:0.45in 0.25in;flex:none}
.side h3{font-size:11pt;text-transform:uppercase;letter-spacing:1px;border-bottom:1px solid #8fa8cc;padding-bottom:2px;margin:16px 0 6px}
.side p{margin:3px 0;font-size:9pt;word-break:break-word}.side ul{padding-left:14px;font-size:9pt}
.ph{width:1.3in;height:1.3in;border-radius:50%;object-fit:cover;display:block;margin:0 auto 6px}
.main{flex:1;padding:0.45in 0.4in}h1{font-size:26pt;margin:0;color:#23395d;text-transform:uppercase}
.hl{font-size:12pt;color:#5a7bb0;letter-spacing:2px;text-transform:uppercase;margin-bottom:8px}
h2{font-size:12pt;color:#23395d;text-transform:uppercase;margin:14px 0 6px;border-bottom:2px solid #23395d}"""
    return doc(p, css, f'<div class="side">{side}</div><div class="main">{main}</div>', margin='0')

def skills_bars(p):
    L = labels(p)
    levels = [95, 90, 80, 75, 70, 60, 55]
    bars = ''.join(f'<div class="sk"><div class="sn">{esc(s)}</div><div class="bb"><div class="bf" style="width:{levels[i % 7]}%"></div></div></div>' for i, s in enumerate(skills(p)))
    head = (f'<div class="hd"><h1>{esc(p["name_p"])}</h1><div class="hl">{esc(p["headline"] or "")}</div></div>')
    main = std_sections(p, ('summary', 'exp', 'edu'))
    side = (f'<h2>{esc(L["contact"])}</h2><p>{esc(p["phone_p"])}<br>{esc(p["email"])}<br>{esc(p["loc_p"])}</p>'
            f'<h2>{esc(L["skills"])}</h2>{bars}' + refs_html(p).replace('class="refs"', 'class="refs2"'))
    css = """.hd{background:#f1f1f1;padding:16px 20px;margin-bottom:10px}h1{margin:0;font-size:26pt;color:#333}.hl{color:#c0392b;font-size:12pt}
.cols{display:flex;gap:22px}.m{flex:1}.s{width:2.2in;flex:none}
h2{font-size:11pt;text-transform:uppercase;color:#c0392b;margin:12px 0 6px;letter-spacing:1px}
.sk{margin-bottom:6px;font-size:9pt}.bb{height:7px;background:#ddd;border-radius:4px}.bf{height:7px;background:#c0392b;border-radius:4px}
.refs2{font-size:9pt}.refs2 .ref{margin-bottom:6px}"""
    return doc(p, css, head + f'<div class="cols"><div class="m">{main}</div><div class="s">{side}</div></div>', margin='0.5in')

def thin_bigname(p):
    L = labels(p)
    head = (f'<h1>{esc(p["name_p"])}</h1><div class="hl">{esc(p["headline"] or "")}</div>'
            f'<div class="ct"><span>{esc(p["phone_p"])}</span><span>{esc(p["email"])}</span><span>{esc(p["loc_p"])}</span>' + ''.join(f'<span>{esc(l)}</span>' for l in links(p)) + '</div>')
    css = """h1{font-family:'DejaVu Sans';font-weight:200;font-size:44pt;letter-spacing:4px;text-transform:uppercase;margin:0;color:#333;line-height:1.1}
.hl{font-size:12pt;letter-spacing:3px;text-transform:uppercase;color:#888;margin:4px 0 10px}
.ct{display:flex;gap:26px;font-size:9pt;color:#555;border-top:1px solid #ccc;border-bottom:1px solid #ccc;padding:6px 0;margin-bottom:6px}
h2{font-weight:200;font-family:'DejaVu Sans';font-size:15pt;letter-spacing:2px;text-transform:uppercase;margin:16px 0 6px;color:#333}"""
    return doc(p, css, head + std_sections(p))

def bullet_contact(p):
    items = [p['loc_p'], p['phone_p'], p['email']] + links(p)
    head = f'<h1>{esc(p["name_p"])}</h1><div class="hl">{esc(p["headline"] or "")}</div><div class="ct">' + ' • '.join(esc(x) for x in items) + '</div>'
    css = """h1{text-align:center;font-size:24pt;margin:0;letter-spacing:1px}.hl{text-align:center;font-size:11pt;color:#444}
.ct{text-align:center;font-size:9.5pt;margin:4px 0 8px;padding-bottom:6px;border-bottom:1px solid #000}
h2{font-size:11pt;text-transform:uppercase;margin:14px 0 5px;border-bottom:1px solid #999}"""
    return doc(p, css, head + std_sections(p, ('summary', 'skills', 'exp', 'edu')))

def executive(p):
    L = labels(p)
    head = (f'<h1>{esc(p["name_p"])}</h1><div class="hl">{esc(p["headline"])}</div>'
            f'<div class="ct">{esc(p["loc_p"])} &nbsp;|&nbsp; {esc(p["phone_p"])} &nbsp;|&nbsp; {esc(p["email"])} &nbsp;|&nbsp; {esc(links(p)[0])}</div>')
    comp = '<h2>Core Competencies</h2><div class="cc">' + ''.join(f'<span>{esc(s)}</span>' for s in skills(p) + ['Change management', 'Labor relations', 'Real estate strategy', 'Digital transformation']) + '</div>'
    ach = '<h2>Selected Achievements</h2><ul><li>Turned around a declining region from -4% to +6% comp sales within 18 months.</li><li>Negotiated national freight contract saving $22M over three years.</li><li>Named to Chain Store Age “Top Women in Retail” (2021).</li></ul>'
    page1 = head + f'<h2>Executive Summary</h2><p>{esc(p["summary"])}</p>' + comp + ach + f'<h2>Professional Experience</h2>' + jobs_html(p, (0, 1))
    page2 = (f'<div class="p2h">{esc(p["name_p"])} — page two</div>' + jobs_html(p, (2, 3)) +
             '<h2>Board &amp; Advisory Roles</h2><ul><li>Board Director, Greater Chicago Food Depository Partners (2020 – present)</li><li>Advisory Board, Purdue Supply Chain Institute (2018 – present)</li></ul>' +
             f'<h2>Education</h2>{edu_html(p)}')
    foot = lambda n: f'<div class="ft">{esc(p["email"])} &nbsp;•&nbsp; Page {n} of 2</div>'
    css = """.pg{height:11in;padding:0.6in 0.75in;position:relative;page-break-after:always;overflow:hidden}
.ft{position:absolute;bottom:0.4in;left:0.75in;right:0.75in;text-align:center;font-size:8.5pt;color:#777;border-top:1px solid #ccc;padding-top:4px}
h1{font-family:'Liberation Serif',serif;font-size:26pt;text-align:center;margin:0;letter-spacing:2px;text-transform:uppercase;color:#14213d}
.hl{text-align:center;font-size:11pt;color:#8a6d1d;margin:3px 0;font-weight:bold}.ct{text-align:center;font-size:9pt;color:#444}
h2{font-family:'Liberation Serif',serif;color:#14213d;font-size:12.5pt;text-transform:uppercase;letter-spacing:1px;border-bottom:2px solid #8a6d1d;margin:16px 0 6px}
.cc{display:grid;grid-template-columns:1fr 1fr 1fr;gap:2px 12px;font-size:9.5pt}.cc span:before{content:'▪ ';color:#8a6d1d}
.p2h{font-size:9pt;color:#777;text-align:right;margin-bottom:8px}"""
    return doc(p, css, f'<div class="pg">{page1}{foot(1)}</div><div class="pg">{page2}{foot(2)}</div>', margin='0')

def graduate(p):
    L = labels(p)
    head = (f'<div class="hd"><div><h1>{esc(p["name_p"])}</h1></div><div class="ct">{esc(p["phone_p"])}<br>{esc(p["email"])}<br>{esc(p["loc_p"])}</div></div>')
    modules = '<p class="mods"><b>Relevant modules:</b> Software Engineering Group Project (82%), Algorithms &amp; Data Structures, Databases, Machine Learning, Distributed Systems. <b>Dissertation:</b> “Detecting flaky tests with static analysis” (78%).</p>'
    body = head + f'<h2>Personal Statement</h2><p>{esc(p["summary"])}</p>' + f'<h2>{esc(L["edu"])}</h2>{edu_html(p)}{modules}' + f'<h2>Work Experience</h2>{jobs_html(p)}' + f'<h2>Technical Skills</h2><p>{skills_inline(p)}</p><h2>Interests</h2><p>Climbing, university coding society (treasurer), volunteering with Code Club.</p><p class="r">References available on request.</p>'
    css = """.hd{display:flex;justify-content:space-between;align-items:flex-end;border-bottom:3px solid #6a1b9a;padding-bottom:6px}
h1{margin:0;font-size:26pt;color:#6a1b9a}.ct{text-align:right;font-size:9pt}
h2{font-size:11.5pt;color:#6a1b9a;margin:14px 0 5px}.mods{font-size:9.5pt}.r{font-style:italic;color:#666}"""
    return doc(p, css, body)

def textbox_header(p):
    box = (f'<div class="box"><h1>{esc(p["name_p"])}</h1><div class="hl">{esc(p["headline"] or "")}</div>'
           f'<div class="ct">{esc(p["addr"] or p["loc_p"])}<br>Mobile: {esc(p["phone_p"])} &nbsp; Email: {esc(p["email"])}</div></div>')
    css = """.box{border:2px solid #00796b;border-radius:10px;background:#e0f2f1;padding:14px 18px;margin-bottom:8px;position:relative;left:1.2in;width:5.2in}
h1{margin:0;font-size:22pt;color:#004d40}.hl{color:#00796b;font-size:11pt}.ct{font-size:9pt;margin-top:6px}
h2{font-size:12pt;color:#004d40;margin:14px 0 5px;border-left:5px solid #00796b;padding-left:6px}"""
    return doc(p, css, box + std_sections(p))

def creative(p):
    ini = ''.join(w[0] for w in p['name'].split()[:2]).upper()
    head = (f'<div class="hd"><div class="ini">{esc(ini)}</div><div><h1>{esc(p["name_p"])}</h1><div class="hl">{esc(p["headline"] or "")}</div></div></div>'
            f'<div class="ct"><div>☎ {esc(p["phone_p"])}</div><div>✉ {esc(p["email"])}</div><div>⌂ {esc(p["loc_p"])}</div></div>')
    css = """.hd{display:flex;align-items:center;gap:18px;background:#fde9d9;padding:16px;border-radius:4px}
.ini{width:70px;height:70px;border-radius:50%;background:#d35400;color:#fff;font-size:24pt;display:flex;align-items:center;justify-content:center;flex:none}
h1{margin:0;font-size:24pt;color:#d35400}.hl{font-size:11pt;color:#6e2c00}
.ct{display:flex;justify-content:space-around;font-size:9pt;margin:8px 0;color:#444}
h2{font-size:12pt;color:#fff;background:#d35400;padding:2px 8px;margin:14px 0 6px;display:inline-block}"""
    return doc(p, css, head + std_sections(p, ('summary', 'exp', 'skills', 'edu', 'langs', 'refs')))

def europass(p):
    L = labels(p)
    rows = [('Informazioni personali', f'<b class="nm">{esc(p["name_p"])}</b><br>{esc(L["addr"])}: {esc(p["addr"])}<br>{esc(L["phone"])}: {esc(p["phone_p"])}<br>{esc(L["email"])}: {esc(p["email"])}<br>Nazionalità: Italiana<br>Data di nascita: 22/04/1989'),
            ('Posizione ricoperta', esc(p['jobs'][0]['show_t'])),
            (L['exp'], jobs_html(p)), (L['edu'], edu_html(p)),
            ('Competenze personali', '<b>Lingua madre:</b> Italiano<br><b>Altre lingue:</b> Inglese (B2)'),
            (L['skills'], skills_inline(p)),
            ('Dati personali', 'Autorizzo il trattamento dei miei dati personali ai sensi del Regolamento UE 2016/679 (GDPR).')]
    body = (f'<div class="top"><div class="eu">europass</div><img class="ph" src="{photo_data_uri()}"></div>' +
            ''.join(f'<div class="row"><div class="lab">{esc(a).upper()}</div><div class="val">{b}</div></div>' for a, b in rows))
    css = """.top{display:flex;justify-content:space-between;align-items:center;margin-bottom:12px}.eu{font-size:20pt;color:#0e4194;font-style:italic;font-weight:bold}
.ph{width:0.9in;height:1.1in;object-fit:cover}.row{display:flex;margin-bottom:12px}
.lab{width:1.9in;flex:none;text-align:right;padding-right:14px;color:#0e4194;font-size:8.5pt;font-weight:bold;border-right:1px solid #0e4194}
.val{flex:1;padding-left:14px}.nm{font-size:15pt;color:#0e4194}"""
    return doc(p, css, body, fs='9.5pt')

def indian_classic(p):
    L = labels(p)
    j = p['jobs']
    exp = ''.join(f'<p><b>{i+1}. {esc(x["c"])}</b>, {esc(x["w"])}<br>Designation: {esc(x["t"])}<br>Duration: {esc(x["d"])}</p><ul>' + ''.join(f'<li>{esc(b)}</li>' for b in bullets(p, i)) + '</ul>' for i, x in enumerate(j))
    edu = '<table><tr><th>Qualification</th><th>Institute</th><th>Year / Score</th></tr>' + ''.join(f'<tr><td>{esc(d)}</td><td>{esc(s)}</td><td>{esc(y)}</td></tr>' for d, s, y in p['edu']) + '</table>'
    body = (f'<div class="rt">RESUME</div><div class="hd"><div><h1>{esc(p["name_p"])}</h1>Mobile: {esc(p["phone_p"])}<br>E-mail: {esc(p["email"])}<br>Address: {esc(p["addr"])}</div></div>'
            f'<h2>CAREER OBJECTIVE</h2><p>{esc(p["summary"])}</p>'
            f'<h2>PROFESSIONAL SUMMARY</h2><ul><li>Around 8 years of experience in design and development of Java / Spring Boot and React applications.</li><li>Currently working as {esc(j[0]["t"])} with {esc(j[0]["c"])} since July 2021.</li><li>Good exposure to Agile methodology, JIRA and CI/CD.</li></ul>'
            f'<h2>WORK EXPERIENCE</h2>{exp}<h2>TECHNICAL SKILLS</h2><p>Languages: Java, TypeScript, SQL<br>Frameworks: Spring Boot, React, Kafka<br>Cloud/Tools: AWS, Docker, Jenkins, Git</p>'
            f'<h2>EDUCATIONAL QUALIFICATION</h2>{edu}'
            f'<h2>PERSONAL DETAILS</h2><table class="pd"><tr><td>Father’s Name</td><td>: {esc(p["x"]["father"])}</td></tr><tr><td>Date of Birth</td><td>: {esc(p["x"]["dob"])}</td></tr><tr><td>Nationality</td><td>: Indian</td></tr><tr><td>Languages Known</td><td>: English, Hindi, Kannada</td></tr><tr><td>Marital Status</td><td>: Married</td></tr></table>'
            f'<h2>DECLARATION</h2><p>I hereby declare that the information furnished above is true to the best of my knowledge and belief.</p>'
            f'<div class="sig"><div>Place: Bengaluru<br>Date:</div><div>({esc(p["name_p"])})</div></div>')
    css = """.rt{text-align:center;font-weight:bold;text-decoration:underline;font-size:14pt;margin-bottom:8px}
h1{font-size:16pt;margin:0 0 4px}h2{font-size:10.5pt;background:#d9d9d9;padding:2px 6px;margin:12px 0 5px}
table{border-collapse:collapse;width:100%;font-size:9.5pt}th,td{border:1px solid #888;padding:3px 6px;text-align:left}
.pd td{border:none;padding:1px 6px}.sig{display:flex;justify-content:space-between;margin-top:24px}"""
    return doc(p, css, body, font="'Liberation Serif', 'Times New Roman', serif", fs='10.5pt')

def teacher(p):
    L = labels(p)
    head = (f'<h1>{esc(p["name_p"])}</h1><div class="sub">Registered Teacher — Full Practising Certificate</div>'
            f'<table class="ct"><tr><td><b>Address</b></td><td>{esc(p["loc_p"])}</td><td><b>Mobile</b></td><td>{esc(p["phone_p"])}</td></tr>'
            f'<tr><td><b>Email</b></td><td>{esc(p["email"])}</td><td><b>Registration</b></td><td>Teaching Council No. 345678</td></tr></table>')
    body = head + std_sections(p, ('summary', 'exp', 'edu', 'skills')) + '<h2>Professional Development</h2><ul><li>Structured Literacy Level 2 (2023)</li><li>Te Reo Māori Level 3 — Te Wānanga o Aotearoa (2022)</li></ul>' + refs_html(p).replace('References', 'Referees')
    css = """h1{font-size:22pt;margin:0;color:#2c5f2d}.sub{color:#555;margin-bottom:6px}
.ct{font-size:9.5pt;border-collapse:collapse;margin-bottom:6px}.ct td{padding:1px 10px 1px 0}
h2{font-size:12pt;color:#2c5f2d;border-bottom:1px solid #97bc62;margin:14px 0 6px}"""
    return doc(p, css, body, margin='0.7in')

LAYOUTS = dict(modern_word=modern_word, coral=coral, swiss=swiss, spearmint=spearmint, canva_sidebar=canva_sidebar,
               skills_bars=skills_bars, thin_bigname=thin_bigname, bullet_contact=bullet_contact, executive=executive,
               graduate=graduate, textbox_header=textbox_header, creative=creative, europass=europass,
               indian_classic=indian_classic, teacher=teacher)
