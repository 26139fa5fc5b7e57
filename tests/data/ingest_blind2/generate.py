#!/usr/bin/env python3
"""Generate the blind résumé corpus in /tmp/blind2/files + expected.json.
Layouts are designed from scratch (no knowledge of the extractor)."""
import html, json, os, subprocess, sys, tempfile, shutil
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from people import P

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "files")
HTMLDIR = os.path.join(HERE, "html_src")
E = html.escape

B = {
 "product": ["Own the roadmap for the self-serve analytics suite used by 4,000+ customers",
             "Launched usage-based pricing, lifting net revenue retention from 104% to 117%",
             "Run weekly discovery interviews and translate findings into PRDs for 3 squads",
             "Partnered with design and engineering to cut onboarding time by 38%"],
 "tech": ["Designed and shipped event-driven services handling 2M requests per day",
          "Reduced p95 latency by 45% by reworking caching and query plans",
          "Mentored four junior engineers and led the on-call rotation",
          "Migrated legacy batch jobs to a containerised pipeline on Kubernetes"],
 "research": ["Lead mixed-methods research for the patient portal and clinician apps",
              "Built a research repository adopted by 6 product teams",
              "Ran 120+ moderated usability sessions with accessibility-needs participants"],
 "data": ["Build weekly KPI dashboards in Power BI for the operations team",
          "Automated data cleaning scripts in Python, saving 6 hours per week",
          "Presented churn analysis to senior leadership"],
 "finance": ["Built three-statement models and DCF valuations for sell-side mandates",
             "Prepared management presentations and CIMs for transactions up to $900M",
             "Coordinated due diligence with legal and accounting advisers",
             "Reconciled month-end ledgers and prepared consolidated statements"],
 "acct": ["Prepare monthly management accounts and group consolidations",
          "Own the year-end audit file and liaise with external auditors",
          "Reconcile intercompany balances and fixed-asset registers",
          "Prepare VAT and provisional tax submissions"],
 "consulting": ["Led workstreams on commercial due diligence for private equity clients",
                "Built market models and synthesised 40+ expert interviews",
                "Presented recommendations to C-suite stakeholders"],
 "gov": ["Develop and monitor annual operating budget of $48M across 11 program offices",
         "Prepare GPRA performance reports and congressional budget justifications",
         "Conduct program evaluations and recommend process improvements to senior leadership",
         "Serve as Contracting Officer's Representative (COR) for three IT support contracts",
         "Coordinate with OMB and OIG on audit responses and corrective action plans",
         "Train and mentor 6 junior analysts on data analysis and report writing"],
 "design": ["Lead brand identity projects for cultural and hospitality clients",
            "Art-directed photo shoots and campaign rollouts across print and digital",
            "Built and maintain the studio's design system in Figma",
            "Work directly with clients from pitch to production"],
 "sales": ["Exceeded annual quota by 132% (FY2024) and 118% (FY2023)",
           "Manage a team of 8 account executives across a five-state territory",
           "Opened 23 new hospital accounts worth $4.1M ARR",
           "Negotiated multi-year distribution agreements with national retail chains"],
 "health": ["Supervise a 32-bed telemetry unit and coordinate staffing for 9 nurses per shift",
            "Assess, plan and evaluate care for post-operative and cardiac patients",
            "Precept new graduate nurses and lead unit-based fall-prevention initiative",
            "Administer medications and IV therapy following hospital protocols"],
 "qa": ["Lead a team of 7 testers across web and mobile releases",
        "Built a Selenium/TestNG regression framework covering 1,400 test cases",
        "Introduced API contract testing, reducing production defects by 30%"],
 "exec": ["Lead a finance function of 45 across treasury, FP&A, tax and procurement",
          "Delivered a £120M refinancing and two bolt-on acquisitions",
          "Implemented group-wide ERP, reducing month-end close from 12 to 5 days",
          "Report to the Board and Audit Committee on performance and risk"],
 "eng": ["Design and supervise delivery of infrastructure packages up to $30M",
         "Prepare calculations, drawings and specifications for client approval",
         "Coordinate with contractors, councils and utility providers",
         "Carry out site inspections and produce technical reports"],
 "marketing": ["Plan and run paid social campaigns with a monthly budget of £25k",
               "Grew organic traffic by 60% through SEO content programme",
               "Manage email marketing and CRM segmentation in HubSpot"],
 "ops": ["Coordinate import/export shipments through the Port of Mombasa",
         "Track a fleet of 40 trucks and resolve delivery exceptions",
         "Prepare customs documentation and liaise with clearing agents"],
 "hr": ["Partner with leaders of a 600-person claims organisation on talent and org design",
        "Manage employee relations investigations and performance improvement plans",
        "Led rollout of a new competency framework and annual review cycle"],
 "legal": ["Run a caseload of 25+ high-value commercial disputes",
           "Advise clients on litigation strategy, settlement and ADR",
           "Supervise two associates and three trainee solicitors"],
 "pm": ["Manage delivery of commercial and industrial projects up to R$ 80 million",
        "Coordinate multidisciplinary teams of engineers, suppliers and contractors",
        "Implemented earned-value reporting across the project portfolio"],
 "construction": ["Manage day-to-day site operations on residential schemes of up to 120 units",
                  "Responsible for health & safety, subcontractor coordination and programme",
                  "Delivered projects on time and within budget"],
 "cs": ["Lead a team of 14 customer success associates for a US healthcare account",
        "Improved CSAT from 82% to 93% in 12 months",
        "Own quarterly business reviews with client stakeholders"],
 "de_tech": ["Entwicklung von Microservices mit Java und Spring Boot",
             "Einführung von automatisierten Tests und CI/CD-Pipelines",
             "Fachliche Abstimmung mit Kunden aus dem Bankenumfeld"],
 "de_fin": ["Führung eines Teams von 9 Mitarbeitenden im Konzerncontrolling",
            "Verantwortung für Budgetplanung, Forecast und Monatsberichte",
            "Einführung von SAP S/4HANA im Bereich Controlling",
            "Berichterstattung an Vorstand und Aufsichtsrat"],
 "fr_mkt": ["Pilotage du lancement de 12 nouveaux produits par an",
            "Gestion d'un budget marketing de 1,2 M€",
            "Coordination des agences et des équipes commerciales"],
 "fr_tech": ["Mise en place de clusters Kubernetes et de l'infrastructure as code",
             "Automatisation des déploiements avec GitLab CI",
             "Supervision et astreintes (Prometheus, Grafana)"],
 "es_fin": ["Elaboración de modelos de valoración y análisis de inversiones",
            "Preparación de informes mensuales para la dirección financiera",
            "Seguimiento de la cartera de participadas"],
 "es_ops": ["Dirección de 3 centros de distribución con 180 colaboradores",
            "Reducción de costos logísticos en un 15% mediante Lean",
            "Implementación de WMS y mejora de indicadores de servicio"],
 "es_tech": ["Desarrollo de aplicaciones web con React y Node.js",
             "Diseño de APIs REST y bases de datos PostgreSQL",
             "Despliegue en AWS y mejora continua de pipelines CI/CD"],
}
def bl(p, n, off=0):
    pool = B[p["domain"]]
    return [pool[(i + off) % len(pool)] for i in range(n)]

def first_last(p):
    parts = p["name_disp"].split(",")[0].split()
    return parts[0], " ".join(parts[1:])

def handle(p):
    return p["email"].split("@")[0]

# ------------------------------------------------------------------ HTML layouts
CSS_BASE = "@page{size:%s;margin:%s} body{margin:0;-webkit-print-color-adjust:exact;print-color-adjust:exact}"

def ul(items):
    return "<ul>" + "".join(f"<li>{E(i)}</li>" for i in items) + "</ul>"

def h_modern(p):
    jobs = f"""<div class=job><div class=jt><b>{E(p['title'])}</b> | {E(p['company'])}</div>
      <div class=jd>{E(p['cur_place'])} &nbsp;•&nbsp; {E(p['cur_dates'])}</div>{ul(bl(p,3))}</div>"""
    for i, (t, c, pl, d) in enumerate(p["prev"]):
        jobs += f"""<div class=job><div class=jt><b>{E(t)}</b> | {E(c)}</div><div class=jd>{E(pl)} &nbsp;•&nbsp; {E(d)}</div>{ul(bl(p,2,i+1))}</div>"""
    edu = "".join(f"<p><b>{E(d)}</b><br>{E(s)}, {E(y)}</p>" for d, s, y in p["edu"])
    return f"""<html><head><meta charset=utf-8><style>{CSS_BASE % ('Letter','0')}
body{{font-family:'Liberation Sans',Arial,sans-serif;font-size:10.5pt;color:#222}}
.band{{background:#1f4e79;color:white;padding:28px 48px 18px}} .band h1{{margin:0;font-size:30pt;font-weight:600;letter-spacing:1px}}
.band .hl{{font-size:13pt;color:#cfe2f3;margin-top:4px}} .contact{{background:#dbe8f5;padding:8px 48px;font-size:9.5pt}}
.main{{padding:10px 48px}} h2{{color:#1f4e79;font-size:12pt;border-bottom:2px solid #1f4e79;text-transform:uppercase;margin:16px 0 6px}}
.jd{{color:#666;font-size:9.5pt}} ul{{margin:4px 0 8px 0}} li{{margin:2px 0}}</style></head><body>
<div class=band><h1>{E(p['name_disp'])}</h1><div class=hl>{E(p['title'])}</div></div>
<div class=contact>{E(p['loc_disp'])} &nbsp;|&nbsp; {E(p['phone_disp'])} &nbsp;|&nbsp; {E(p['email'])} &nbsp;|&nbsp; linkedin.com/in/{E(handle(p))}</div>
<div class=main><h2>Profile</h2><p>Results-driven professional with {len(p['prev'])*3+3}+ years of experience. Known for clear communication, ownership and measurable impact.</p>
<h2>Experience</h2>{jobs}<h2>Education</h2>{edu}<h2>Skills</h2><p>{E(p['skills'])}</p></div></body></html>"""

def h_serif(p):
    jobs = f"""<div class=job><div class=jt><b>{E(p['company'])}</b>, {E(p['cur_place'])} — <i>{E(p['title'])}</i></div>
      <div class=jd>{E(p['cur_dates'].upper())}</div>{ul(bl(p,3))}</div>"""
    for i, (t, c, pl, d) in enumerate(p["prev"]):
        jobs += f"""<div class=job><div class=jt><b>{E(c)}</b>, {E(pl)} — <i>{E(t)}</i></div><div class=jd>{E(d.upper())}</div>{ul(bl(p,2,i+1))}</div>"""
    edu = "".join(f"<div class=jt><b>{E(s)}</b> — <i>{E(d)}</i></div><div class=jd>{E(y)}</div>" for d, s, y in p["edu"])
    return f"""<html><head><meta charset=utf-8><style>{CSS_BASE % ('Letter','0.6in 0.7in')}
body{{font-family:'Liberation Serif','Times New Roman',serif;font-size:11pt;color:#000}}
.top{{display:flex;justify-content:space-between;align-items:flex-start}} h1{{font-size:30pt;margin:0;font-weight:700}}
.hl{{font-size:12pt;margin-top:4px}} .ct{{text-align:right;font-size:10pt;line-height:1.5}}
h2{{color:#9a2d2d;font-size:11pt;letter-spacing:1px;margin:18px 0 6px}} .jd{{font-size:8.5pt;color:#555;letter-spacing:1px;margin:2px 0}}
ul{{margin:4px 0 10px 0;padding-left:18px}} .cols{{display:flex;gap:30px}} .left{{flex:2}} .right{{flex:1}}</style></head><body>
<div class=top><div><h1>{E(p['name_disp'])}</h1><div class=hl>{E(p['title'])}</div></div>
<div class=ct>{E(p['loc_disp'])}<br>{E(p['phone_disp'])}<br><b>{E(p['email'])}</b></div></div>
<div class=cols><div class=left><h2>EXPERIENCE</h2>{jobs}<h2>EDUCATION</h2>{edu}</div>
<div class=right><h2>SKILLS</h2><p>{E(p['skills'])}</p><h2>AWARDS</h2><p>Employee of the Quarter (2024)<br>Dean's List</p><h2>LANGUAGES</h2><p>English, Spanish (conversational)</p></div></div>
</body></html>"""

def h_deedy(p):
    f, l = first_last(p)
    jobs = f"""<div class=job><div><b>{E(p['company'])}</b> <span class=r>{E(p['cur_place'])}</span></div>
      <div class=sub>{E(p['title'])} <span class=r>{E(p['cur_dates'])}</span></div>{ul(bl(p,3))}</div>"""
    for i, (t, c, pl, d) in enumerate(p["prev"]):
        jobs += f"""<div class=job><div><b>{E(c)}</b> <span class=r>{E(pl)}</span></div><div class=sub>{E(t)} <span class=r>{E(d)}</span></div>{ul(bl(p,2,i+1))}</div>"""
    edu = "".join(f"<div class=edu><b>{E(s)}</b><br>{E(d)}<br><span class=g>{E(y)}</span></div>" for d, s, y in p["edu"])
    sk = "<br>".join(E(s.strip()) for s in p["skills"].split(","))
    return f"""<html><head><meta charset=utf-8><style>{CSS_BASE % ('Letter','0.5in 0.55in')}
body{{font-family:'DejaVu Sans',sans-serif;font-size:9pt;color:#333}} h1{{text-align:center;font-size:34pt;font-weight:200;margin:0;color:#444}}
h1 b{{font-weight:700;color:#111}} .ct{{text-align:center;font-size:9pt;margin:6px 0 14px;letter-spacing:.5px}}
.cols{{display:flex;gap:22px}} .l{{width:32%}} .rr{{width:68%}} h2{{font-size:13pt;font-weight:300;color:#1d6fa5;text-transform:uppercase;margin:10px 0 4px}}
.sub{{font-style:italic}} .r{{float:right;color:#777;font-style:normal}} .g{{color:#777}} ul{{padding-left:14px;margin:3px 0 8px}} .edu{{margin-bottom:8px}}</style></head><body>
<h1>{E(f)} <b>{E(l)}</b></h1>
<div class=ct>{E(p['email'])} | {E(p['phone_disp'])} | github.com/{E(handle(p))} | {E(p['loc_disp'])}</div>
<div class=cols><div class=l><h2>Education</h2>{edu}<h2>Links</h2>GitHub:// <b>{E(handle(p))}</b><br>LinkedIn:// <b>{E(handle(p))}</b>
<h2>Skills</h2>{sk}<h2>Coursework</h2>Distributed Systems<br>Machine Learning<br>Algorithms</div>
<div class=rr><h2>Experience</h2>{jobs}<h2>Research</h2><b>Open-source contributions</b><br>Maintainer of a small library with 1.2k stars; talks at local meetups.</div></div></body></html>"""

def h_harvard(p):
    edu = "".join(f"<div class=row><b>{E(s.upper())}</b><span>{E(p['loc'] if False else '')}</span></div><div class=row><span>{E(d)}</span><span>{E(y)}</span></div><p class=sm>Relevant coursework: Corporate Finance, Econometrics, Game Theory. Activities: Investment club, intramural rowing.</p>" for d, s, y in p["edu"])
    jobs = f"""<div class=row><b>{E(p['company'].upper())}</b><span>{E(p['cur_place'])}</span></div><div class=row><i>{E(p['title'])}</i><span>{E(p['cur_dates'])}</span></div>{ul(bl(p,3))}"""
    for i, (t, c, pl, d) in enumerate(p["prev"]):
        jobs += f"""<div class=row><b>{E(c.upper())}</b><span>{E(pl)}</span></div><div class=row><i>{E(t)}</i><span>{E(d)}</span></div>{ul(bl(p,2,i+1))}"""
    return f"""<html><head><meta charset=utf-8><style>{CSS_BASE % ('Letter','0.7in 0.8in')}
body{{font-family:'Liberation Serif',Garamond,serif;font-size:11pt}} h1{{text-align:center;font-size:15pt;margin:0}}
.ct{{text-align:center;margin:2px 0 10px;font-size:10.5pt}} h2{{text-align:center;font-size:11pt;margin:14px 0 4px;border-bottom:1px solid #000}}
.row{{display:flex;justify-content:space-between}} ul{{margin:2px 0 8px;padding-left:22px}} .sm{{margin:2px 0 8px 0}}</style></head><body>
<h1>{E(p['name_disp'])}</h1><div class=ct>{E(p['loc_disp'])} • {E(p['email'])} • {E(p['phone_disp'])}</div>
<h2>Education</h2>{edu}<h2>Experience</h2>{jobs}<h2>Leadership &amp; Activities</h2>
<div class=row><b>HARVARD UNDERGRADUATE CONSULTING CLUB</b><span>Cambridge, MA</span></div><div class=row><i>Vice President</i><span>2020 – 2022</span></div>
<h2>Skills &amp; Interests</h2><p><b>Technical:</b> {E(p['skills'])}<br><b>Interests:</b> Marathon running, jazz piano, chess</p></body></html>"""

def h_student(p):
    cur = f"""<div class=row><span><b>{E(p['title'])}</b>, {E(p['company'])}</span><span>{E(p['cur_dates'])}</span></div><div class=pl>{E(p['cur_place'])}</div>{ul(bl(p,2))}"""
    for i, (t, c, pl, d) in enumerate(p["prev"]):
        cur += f"""<div class=row><span><b>{E(t)}</b>, {E(c)}</span><span>{E(d)}</span></div><div class=pl>{E(pl)}</div>{ul(bl(p,1,i+2))}"""
    edu = "".join(f"<div class=row><span><b>{E(s)}</b></span><span>{E(y)}</span></div><div>{E(d)}</div>" for d, s, y in p["edu"])
    return f"""<html><head><meta charset=utf-8><style>{CSS_BASE % ('A4','12mm 15mm')}
body{{font-family:'DejaVu Sans Condensed','DejaVu Sans',sans-serif;font-size:9.5pt}} h1{{margin:0;font-size:20pt;color:#0b6e4f}}
.ct{{margin:2px 0 8px;color:#333}} h2{{font-size:10.5pt;color:#0b6e4f;margin:10px 0 3px;border-bottom:1px solid #0b6e4f}}
.row{{display:flex;justify-content:space-between}} .pl{{color:#666;font-size:8.5pt}} ul{{margin:2px 0 6px;padding-left:16px}}</style></head><body>
<h1>{E(p['name_disp'])}</h1><div class=ct>{E(p['email'])} · {E(p['phone_disp'])} · {E(p['loc_disp'])} · github.com/{E(handle(p))}</div>
<h2>EDUCATION</h2>{edu}<div>Relevant coursework: Data Structures, Databases, Statistics, Operating Systems</div>
<h2>PROJECTS</h2><div class=row><b>CampusEats — food-ordering app</b><span>React, Flask, PostgreSQL</span></div>{ul(['Built a full-stack app used by 300 students; deployed on Render','Implemented JWT auth and order tracking'])}
<div class=row><b>Transit Delay Predictor</b><span>Python, scikit-learn</span></div>{ul(['Trained gradient boosting model on 2 years of GTFS data (MAE 2.1 min)'])}
<h2>EXPERIENCE</h2>{cur}<h2>SKILLS</h2><div>{E(p['skills'])}</div>
<h2>ACTIVITIES</h2><div>Hackathon organiser (2023, 2024); Women in Computing mentor</div></body></html>"""

def h_federal(p):
    sup = [("Linda Marsh", "(202) 555-0177"), ("Gary Okafor", "(757) 555-0140"), ("Diane Foster", "(804) 555-0193")]
    def job(t, c, pl, d, k, n):
        s = sup[k % 3]
        return f"""<div class=job><div class=jt>{E(t.upper())}</div><div>{E(c)}<br>{E(pl)}</div>
        <div>{E(d)} &nbsp; | &nbsp; Hours per week: 40 &nbsp; | &nbsp; Series/Grade: GS-{343 if k==0 else 301}-{12-k}</div>
        <div>Supervisor: {E(s[0])}, {E(s[1])}; may contact: Yes</div>
        <p><b>Duties, Accomplishments and Related Skills:</b></p>{ul(bl(p,n,k))}
        <p><b>Key Accomplishment:</b> Recognised with an On-the-Spot Award for process improvements that saved an estimated 1,200 staff hours annually.</p></div>"""
    jobs = job(p['title'], p['company'], p['cur_place'], p['cur_dates'], 0, 6)
    for i, (t, c, pl, d) in enumerate(p["prev"]):
        jobs += job(t, c, pl, d, i + 1, 4)
    edu = "".join(f"<p><b>{E(s)}</b><br>{E(d)} — {E(y)}</p>" for d, s, y in p["edu"])
    street = "2150 Wilson Blvd, Apt 1104" if p["id"] == 11 else "418 Salem Avenue"
    return f"""<html><head><meta charset=utf-8><style>{CSS_BASE % ('Letter','0.75in')}
body{{font-family:'Liberation Sans',Arial,sans-serif;font-size:10.5pt;line-height:1.35}} h1{{font-size:16pt;margin:0}}
h2{{font-size:11pt;background:#e8e8e8;padding:3px 6px;margin:16px 0 6px}} .jt{{font-weight:bold;margin-top:10px}} ul{{margin:3px 0}}</style></head><body>
<h1>{E(p['name_disp'])}</h1><div>{street}<br>{E(p['loc_disp'])}<br>Phone: {E(p['phone_disp'])}<br>Email: {E(p['email'])}</div>
<p>U.S. Citizen &nbsp;|&nbsp; Veterans' Preference: {'10-point' if p['id']==12 else 'N/A'} &nbsp;|&nbsp; Security Clearance: Secret (active)<br>Highest Grade Held: GS-12 &nbsp;|&nbsp; Availability: Full-time, Permanent</p>
<h2>PROFESSIONAL SUMMARY</h2><p>Federal professional with 12+ years of progressive experience in program management, budget execution and performance measurement. Skilled at translating policy requirements into workable processes and communicating with senior leadership.</p>
<h2>PROFESSIONAL EXPERIENCE</h2>{jobs}<h2>EDUCATION</h2>{edu}
<h2>TRAINING &amp; CERTIFICATIONS</h2>{ul(['FAC-COR Level II (2022)','Lean Six Sigma Green Belt (2020)','Federal Budget Process, Graduate School USA (2018)'])}
<h2>SKILLS</h2><p>{E(p['skills'])}</p>
<h2>REFERENCES</h2><p>Linda Marsh, Deputy Director — (202) 555-0177 — linda.marsh@example.org<br>Thomas Reyes, Branch Chief — (202) 555-0168 — t.reyes@example.org</p></body></html>"""

def h_creative(p):
    f, l = first_last(p)
    jobs = f"""<div class=job><div class=d>{E(p['cur_dates'])}</div><div class=t>{E(p['title'])}</div><div class=c>{E(p['company'])} — {E(p['cur_place'])}</div>{ul(bl(p,3))}</div>"""
    for i, (t, c, pl, d) in enumerate(p["prev"]):
        jobs += f"""<div class=job><div class=d>{E(d)}</div><div class=t>{E(t)}</div><div class=c>{E(c)} — {E(pl)}</div>{ul(bl(p,2,i+1))}</div>"""
    edu = "".join(f"<p>{E(d)}<br><b>{E(s)}</b><br>{E(y)}</p>" for d, s, y in p["edu"])
    sk = "".join(f"<div class=chip>{E(s.strip())}</div>" for s in p["skills"].split(","))
    return f"""<html><head><meta charset=utf-8><style>{CSS_BASE % ('A4','0')}
body{{font-family:'DejaVu Sans',sans-serif;font-size:9.5pt;color:#2b2b2b}} .wrap{{display:flex;min-height:297mm}}
.main{{flex:1;padding:18mm 10mm 10mm 16mm}} .side{{width:68mm;background:#ffcc4d;padding:18mm 9mm 10mm}}
.n1{{font-size:40pt;font-weight:800;line-height:.95;letter-spacing:-1px}} .n2{{font-size:40pt;font-weight:200;line-height:1;margin-bottom:10px}}
.hl{{font-size:11pt;text-transform:uppercase;letter-spacing:3px;color:#b5651d;margin-bottom:18px}}
h2{{font-size:10pt;letter-spacing:3px;text-transform:uppercase;margin:18px 0 6px}} .d{{font-size:8pt;color:#888}} .t{{font-weight:700;font-size:11pt}}
.c{{color:#b5651d}} ul{{padding-left:14px;margin:4px 0 10px}} .chip{{display:inline-block;border:1px solid #2b2b2b;border-radius:10px;padding:1px 7px;margin:2px}}</style></head><body>
<div class=wrap><div class=main><div class=n1>{E(f.upper())}</div><div class=n2>{E(l.upper())}</div><div class=hl>Designer / Visual storyteller</div>
<h2>Hello</h2><p>I make brands feel human. Ten years of identity, editorial and campaign work for clients who care about craft.</p>
<h2>Experience</h2>{jobs}</div>
<div class=side><h2>Contact</h2><p>{E(p['phone_disp'])}<br>{E(p['email'])}<br>behance.net/{E(handle(p))}<br>{E(p['loc_disp'])}</p>
<h2>Skills</h2>{sk}<h2>Education</h2>{edu}<h2>Recognition</h2><p>Loerie Award, Bronze (2023)<br>Type Directors Club, Certificate of Excellence</p>
<h2>Clients</h2><p>Harbour Coffee, Galerie Ouest, Museum of Small Things, Verde Hotels</p></div></div></body></html>"""

def h_sales(p):
    jobs = f"""<div class=row><b>{E(p['title'])}</b><span>{E(p['cur_dates'])}</span></div><div class=co>{E(p['company'])}, {E(p['cur_place'])}</div>{ul(bl(p,3))}"""
    for i, (t, c, pl, d) in enumerate(p["prev"]):
        jobs += f"""<div class=row><b>{E(t)}</b><span>{E(d)}</span></div><div class=co>{E(c)}, {E(pl)}</div>{ul(bl(p,2,i+1))}"""
    edu = "".join(f"<p><b>{E(d)}</b> — {E(s)}, {E(y)}</p>" for d, s, y in p["edu"])
    return f"""<html><head><meta charset=utf-8><style>{CSS_BASE % ('Letter','0.6in 0.7in')}
body{{font-family:'Liberation Sans',Arial,sans-serif;font-size:10.5pt}} h1{{font-size:26pt;margin:0;color:#0a5c36}}
.ct{{margin:4px 0 12px}} .box{{border:2px solid #0a5c36;background:#eef7f1;padding:10px 14px;margin:10px 0}}
.box h3{{margin:0 0 4px;font-size:11pt;color:#0a5c36}} h2{{font-size:12pt;color:#0a5c36;margin:16px 0 6px;border-bottom:1px solid #ccc}}
.row{{display:flex;justify-content:space-between}} .co{{color:#555}} ul{{margin:3px 0 10px}}
.kpi{{display:flex;gap:10px}} .kpi div{{flex:1;text-align:center;background:#0a5c36;color:#fff;padding:6px}}</style></head><body>
<h1>{E(p['name_disp'])}</h1><div class=ct>📞 {E(p['phone_disp'])} &nbsp; ✉ {E(p['email'])} &nbsp; 📍 {E(p['loc_disp'])}</div>
<div class=box><h3>SUMMARY</h3>Consultative B2B sales leader with a record of exceeding quota, building long-term customer relationships and coaching high-performing teams. Comfortable with complex, multi-stakeholder deals.</div>
<div class=kpi><div><b>132%</b><br>quota attainment</div><div><b>$4.1M</b><br>new ARR</div><div><b>#1</b><br>region 2024</div></div>
<h2>PROFESSIONAL EXPERIENCE</h2>{jobs}<h2>EDUCATION</h2>{edu}<h2>CORE SKILLS</h2><p>{E(p['skills'])}</p><p><i>References available upon request.</i></p></body></html>"""

def h_nurse(p):
    lic = ("Registered Nurse, Arizona State Board of Nursing — License #RN-204817 (exp. 08/2027)" if p["id"] == 17
           else "Registered Nurse, Professional Regulation Commission (PRC) — License No. 0654321 (valid until 2027)")
    jobs = f"""<p><b>{E(p['title'])}</b> — {E(p['company'])}, {E(p['cur_place'])}<br><i>{E(p['cur_dates'])}</i></p>{ul(bl(p,4))}"""
    for i, (t, c, pl, d) in enumerate(p["prev"]):
        jobs += f"""<p><b>{E(t)}</b> — {E(c)}, {E(pl)}<br><i>{E(d)}</i></p>{ul(bl(p,2,i+2))}"""
    edu = "".join(f"<p>{E(d)} — {E(s)} ({E(y)})</p>" for d, s, y in p["edu"])
    refphone = "(520) 555-0150" if p["id"] == 17 else "0917 555 0188"
    return f"""<html><head><meta charset=utf-8><style>{CSS_BASE % ('Letter','0.7in')}
body{{font-family:'DejaVu Serif',Georgia,serif;font-size:10pt}} .hd{{border-left:8px solid #7b2d8e;padding-left:12px}} h1{{margin:0;font-size:22pt;color:#7b2d8e}}
h2{{font-size:11pt;color:#7b2d8e;text-transform:uppercase;margin:16px 0 4px}} table{{border-collapse:collapse;width:100%}} td{{border:1px solid #ccc;padding:4px 6px;font-size:9.5pt}} ul{{margin:3px 0}}</style></head><body>
<div class=hd><h1>{E(p['name_disp'])}</h1><div>{E(p['loc_disp'])} · {E(p['phone_disp'])} · {E(p['email'])}</div></div>
<h2>Professional Summary</h2><p>Compassionate, detail-oriented registered nurse experienced in acute care, patient advocacy and team leadership.</p>
<h2>Licenses &amp; Certifications</h2><table><tr><td>{E(lic)}</td></tr><tr><td>BLS — American Heart Association (exp. 2026)</td></tr><tr><td>ACLS — American Heart Association (exp. 2026)</td></tr><tr><td>PALS (exp. 2025)</td></tr></table>
<h2>Clinical Experience</h2>{jobs}<h2>Education</h2>{edu}<h2>Skills</h2><p>{E(p['skills'])}</p>
<h2>References</h2><p>Karen Whitfield, RN, Nurse Manager — {refphone}</p></body></html>"""

def h_lebenslauf(p):
    rows = f"<tr><td>{E(p['cur_dates'])}</td><td><b>{E(p['title'])}</b><br>{E(p['company'])}, {E(p['cur_place'])}{ul(bl(p,3))}</td></tr>"
    for i, (t, c, pl, d) in enumerate(p["prev"]):
        rows += f"<tr><td>{E(d)}</td><td><b>{E(t)}</b><br>{E(c)}, {E(pl)}{ul(bl(p,2,i+1))}</td></tr>"
    edu = "".join(f"<tr><td>{E(y)}</td><td><b>{E(d)}</b><br>{E(s)}</td></tr>" for d, s, y in p["edu"])
    city = p["loc"].split(",")[0]
    return f"""<html><head><meta charset=utf-8><style>{CSS_BASE % ('A4','18mm 20mm')}
body{{font-family:'Liberation Sans',Arial,sans-serif;font-size:10pt}} h1{{font-size:22pt;margin:0 0 2px}} .sub{{font-size:12pt;color:#555}}
.head{{display:flex;justify-content:space-between}} .photo{{width:32mm;height:40mm;border:1px solid #999;background:#ddd;text-align:center;line-height:40mm;color:#777}}
h2{{font-size:12pt;color:#2a5d8f;border-bottom:1px solid #2a5d8f;margin:16px 0 6px}} td{{vertical-align:top;padding:3px 6px}} td:first-child{{width:40mm;color:#333}} ul{{margin:2px 0 4px;padding-left:16px}}</style></head><body>
<div class=head><div><h1>Lebenslauf</h1><div class=sub>{E(p['name_disp'])}</div></div><div class=photo>Foto</div></div>
<h2>Persönliche Daten</h2><table><tr><td>Name</td><td>{E(p['name_disp'])}</td></tr><tr><td>Anschrift</td><td>{E(p['loc_disp'])}</td></tr>
<tr><td>Telefon</td><td>{E(p['phone_disp'])}</td></tr><tr><td>E-Mail</td><td>{E(p['email'])}</td></tr><tr><td>Geburtsdatum</td><td>14.03.{1986 if p['id']==20 else 1994} in Hamburg</td></tr><tr><td>Staatsangehörigkeit</td><td>deutsch</td></tr></table>
<h2>Berufserfahrung</h2><table>{rows}</table><h2>Ausbildung</h2><table>{edu}</table>
<h2>Kenntnisse</h2><table><tr><td>IT &amp; Sprachen</td><td>{E(p['skills'])}</td></tr><tr><td>Interessen</td><td>Rennrad, Fotografie</td></tr></table>
<p style="margin-top:18px">{E(city)}, 15.10.2025</p><p><i>{E(p['name_disp'])}</i></p></body></html>"""

def h_french(p):
    jobs = f"""<div class=j><div class=d>{E(p['cur_dates'])}</div><div><b>{E(p['title'])}</b> — {E(p['company'])} ({E(p['cur_place'])}){ul(bl(p,3))}</div></div>"""
    for i, (t, c, pl, d) in enumerate(p["prev"]):
        jobs += f"""<div class=j><div class=d>{E(d)}</div><div><b>{E(t)}</b> — {E(c)} ({E(pl)}){ul(bl(p,2,i+1))}</div></div>"""
    edu = "".join(f"<div class=j><div class=d>{E(y)}</div><div><b>{E(d)}</b> — {E(s)}</div></div>" for d, s, y in p["edu"])
    return f"""<html><head><meta charset=utf-8><style>{CSS_BASE % ('A4','15mm 18mm')}
body{{font-family:'DejaVu Sans',sans-serif;font-size:9.5pt}} .top{{display:flex;gap:18px;align-items:center;border-bottom:3px solid #c0392b;padding-bottom:8px}}
h1{{margin:0;font-size:22pt}} .hl{{font-size:13pt;color:#c0392b}} .ct{{margin-left:auto;text-align:right;line-height:1.5}}
h2{{font-size:11pt;color:#c0392b;text-transform:uppercase;margin:14px 0 6px}} .j{{display:flex;gap:12px}} .d{{width:36mm;flex:none;color:#555}} ul{{margin:2px 0 6px;padding-left:16px}}</style></head><body>
<div class=top><div><h1>{E(p['name_disp'])}</h1><div class=hl>{E(p['title'])}</div><div>{33 if p['id']==21 else 36} ans · Permis B</div></div>
<div class=ct>{E(p['loc_disp'])}<br>Tél. : {E(p['phone_disp'])}<br>{E(p['email'])}</div></div>
<h2>Profil</h2><p>Professionnelle rigoureuse et créative, habituée au travail en mode projet avec des équipes pluridisciplinaires.</p>
<h2>Expérience professionnelle</h2>{jobs}<h2>Formation</h2>{edu}
<h2>Compétences</h2><p>{E(p['skills'])}</p><h2>Langues</h2><p>Français (langue maternelle), Anglais (C1), Espagnol (B1)</p>
<h2>Centres d'intérêt</h2><p>Randonnée, photographie argentique, bénévolat associatif</p></body></html>"""

def h_spanish(p):
    jobs = f"""<p><b>{E(p['title'])}</b><br>{E(p['company'])} · {E(p['cur_place'])}<br><span class=d>{E(p['cur_dates'])}</span></p>{ul(bl(p,3))}"""
    for i, (t, c, pl, d) in enumerate(p["prev"]):
        jobs += f"""<p><b>{E(t)}</b><br>{E(c)} · {E(pl)}<br><span class=d>{E(d)}</span></p>{ul(bl(p,2,i+1))}"""
    edu = "".join(f"<p><b>{E(d)}</b><br>{E(s)} · {E(y)}</p>" for d, s, y in p["edu"])
    return f"""<html><head><meta charset=utf-8><style>{CSS_BASE % ('A4','0')}
body{{font-family:'Liberation Sans',Arial,sans-serif;font-size:10pt}} .wrap{{display:flex;min-height:297mm}}
.side{{width:62mm;background:#263a4f;color:#fff;padding:16mm 8mm}} .main{{flex:1;padding:16mm 12mm}} .side h2{{color:#f0b429}}
h1{{margin:0;font-size:19pt}} .hl{{color:#f0b429;font-size:12pt;margin-bottom:10px}} h2{{font-size:11pt;text-transform:uppercase;margin:14px 0 6px;color:#263a4f}} .d{{color:#777}} ul{{margin:2px 0 8px;padding-left:16px}}</style></head><body>
<div class=wrap><div class=side><h2>Datos personales</h2><p>Teléfono:<br>{E(p['phone_disp'])}</p><p>Correo:<br>{E(p['email'])}</p><p>Dirección:<br>{E(p['loc_disp'])}</p><p>Nacionalidad: {'española' if p['id']==23 else 'mexicana'}</p>
<h2>Idiomas</h2><p>Español — nativo<br>Inglés — avanzado</p><h2>Habilidades</h2><p>{E(p['skills'])}</p></div>
<div class=main><h1>{E(p['name_disp'])}</h1><div class=hl style="color:#b07d00">{E(p['title'])}</div>
<h2>Perfil profesional</h2><p>Profesional con más de 8 años de experiencia, orientado a resultados y a la mejora continua.</p>
<h2>Experiencia laboral</h2>{jobs}<h2>Formación académica</h2>{edu}<h2>Referencias</h2><p>Disponibles a solicitud.</p></div></div></body></html>"""

HTML_LAYOUTS = dict(modern=h_modern, serif=h_serif, deedy=h_deedy, harvard=h_harvard, student=h_student, federal=h_federal,
                    creative=h_creative, sales=h_sales, nurse=h_nurse, lebenslauf=h_lebenslauf, french=h_french, spanish=h_spanish)

def render_chromium(html_path, pdf_path):
    ud = tempfile.mkdtemp()
    try:
        subprocess.run(["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync", f"--user-data-dir={ud}",
                        "--no-pdf-header-footer", f"--print-to-pdf={pdf_path}", "file://" + html_path],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=90)
    finally:
        shutil.rmtree(ud, ignore_errors=True)

# ------------------------------------------------------------------ reportlab layouts
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.units import mm
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle, HRFlowable, ListFlowable, ListItem
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
pdfmetrics.registerFont(TTFont("DV", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
pdfmetrics.registerFont(TTFont("DVB", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"))

def S(name, **kw):
    d = dict(fontName="Helvetica", fontSize=10, leading=13)
    d.update(kw)
    return ParagraphStyle(name, **d)

def bullets(items, st):
    return ListFlowable([ListItem(Paragraph(E(i), st), leftIndent=12) for i in items], bulletType="bullet", start="•", leftIndent=12, bulletFontSize=8)

def rl_indian(p, path):
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=18*mm, rightMargin=18*mm, topMargin=14*mm, bottomMargin=14*mm)
    n = S("n", fontName="Times-Roman", fontSize=11, leading=14)
    b = S("b", fontName="Times-Bold", fontSize=11, leading=14)
    h = S("h", fontName="Times-Bold", fontSize=11.5, leading=15, backColor=colors.HexColor("#d9d9d9"), borderPadding=2, spaceBefore=10, spaceAfter=5)
    st = [Paragraph("<u>CURRICULUM VITAE</u>", S("t", fontName="Times-Bold", fontSize=15, alignment=1, leading=20)), Spacer(1, 8)]
    st += [Paragraph(E(p["name_disp"].upper()), S("nm", fontName="Times-Bold", fontSize=13, leading=16)),
           Paragraph(f"Mobile: {E(p['phone_disp'])}", n), Paragraph(f"E-mail: {E(p['email'])}", n), Paragraph(f"Current Location: {E(p['loc_disp'])}", n),
           HRFlowable(width="100%", thickness=1.2, color=colors.black, spaceBefore=4)]
    st += [Paragraph("CAREER OBJECTIVE", h), Paragraph("To work in a challenging environment that gives me scope to enhance my knowledge and skills, and contribute to the growth of the organisation.", n)]
    st += [Paragraph("PROFESSIONAL SUMMARY", h), bullets([f"{3+3*len(p['prev'])}+ years of IT experience in design, development and testing of enterprise applications.", "Good exposure to Agile/Scrum methodology and client interaction.", "Strong analytical and problem-solving skills."], n)]
    st += [Paragraph("WORK EXPERIENCE", h)]
    rows = [["Organisation", "Designation", "Duration"], [p["company"], p["title"], p["cur_dates"]]] + [[c, t, d] for t, c, pl, d in p["prev"]]
    t = Table([[Paragraph(E(x), b if r == 0 else n) for x in row] for r, row in enumerate(rows)], colWidths=[70*mm, 50*mm, 50*mm])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    st += [t, Spacer(1, 6), Paragraph("<b>Project #1:</b> Retail Banking Platform (Client: a leading private bank)", n), bullets(bl(p, 3), n)]
    st += [Paragraph("EDUCATIONAL QUALIFICATION", h)]
    rows = [["Qualification", "Institution / Board", "Year"]] + [[d, s, y] for d, s, y in p["edu"]]
    t = Table([[Paragraph(E(x), b if r == 0 else n) for x in row] for r, row in enumerate(rows)], colWidths=[65*mm, 80*mm, 25*mm])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black)]))
    st += [t, Paragraph("TECHNICAL SKILLS", h), Paragraph(E(p["skills"]), n), Paragraph("PERSONAL DETAILS", h)]
    father = "Sri. Rajesh Sharma" if p["id"] == 25 else "Sri. S. Ramasamy"
    pd = [["Father's Name", father], ["Date of Birth", "12-04-1995" if p["id"] == 25 else "05-11-1991"], ["Gender", "Female" if p["id"] == 25 else "Male"],
          ["Marital Status", "Single" if p["id"] == 25 else "Married"], ["Nationality", "Indian"], ["Languages Known", "English, Hindi, Kannada" if p["id"] == 25 else "English, Tamil"],
          ["Permanent Address", "No. 14, 2nd Cross, Jayanagar, Mysuru – 570014" if p["id"] == 25 else "22/7, Gandhi Street, Tiruchirappalli – 620001"]]
    t = Table([[Paragraph(E(a), n), Paragraph(":", n), Paragraph(E(b_), n)] for a, b_ in pd], colWidths=[45*mm, 6*mm, 120*mm])
    st += [t, Paragraph("DECLARATION", h), Paragraph("I hereby declare that the above-mentioned information is true to the best of my knowledge and belief.", n), Spacer(1, 14)]
    city = p["loc"].split(",")[0]
    t = Table([[Paragraph(f"Place: {city}<br/>Date: 10/10/2025", n), Paragraph(f"({E(p['name_disp'])})", S("r", fontName="Times-Bold", fontSize=11, alignment=2))]], colWidths=[85*mm, 85*mm])
    st += [t]
    doc.build(st)

def rl_executive(p, path):
    doc = SimpleDocTemplate(path, pagesize=A4 if p["id"] == 27 else letter, leftMargin=20*mm, rightMargin=20*mm, topMargin=16*mm, bottomMargin=16*mm)
    n = S("n", fontName="Times-Roman", fontSize=10.5, leading=14)
    h = S("h", fontName="Times-Bold", fontSize=11, leading=14, textColor=colors.HexColor("#333366"), spaceBefore=12, spaceAfter=2)
    st = [Paragraph(E(p["name_disp"]), S("nm", fontName="Times-Bold", fontSize=24, leading=28, alignment=1)),
          Paragraph(E(p["title"]).upper() + " &nbsp;|&nbsp; FINANCE &amp; OPERATIONS LEADERSHIP", S("t", fontName="Times-Roman", fontSize=10, alignment=1, textColor=colors.HexColor("#333366"))),
          Spacer(1, 4), Paragraph(f"{E(p['loc_disp'])} &nbsp;•&nbsp; {E(p['phone_disp'])} &nbsp;•&nbsp; {E(p['email'])} &nbsp;•&nbsp; linkedin.com/in/{E(handle(p))}", S("c", fontName="Times-Roman", fontSize=10, alignment=1)),
          HRFlowable(width="100%", thickness=2, color=colors.HexColor("#333366"), spaceBefore=6, spaceAfter=2), HRFlowable(width="100%", thickness=0.5, color=colors.HexColor("#333366"))]
    st += [Paragraph("EXECUTIVE PROFILE", h), Paragraph("Board-level executive with more than 18 years' experience leading finance, procurement and transformation in asset-heavy businesses. Trusted adviser to CEOs, boards and private equity owners; track record of delivering growth, margin improvement and successful transactions.", n)]
    st += [Paragraph("CORE COMPETENCIES", h)]
    comp = [s.strip() for s in p["skills"].split(",")]
    rows = [comp[i:i + 3] + [""] * (3 - len(comp[i:i + 3])) for i in range(0, len(comp), 3)]
    t = Table([[Paragraph("▪ " + E(x) if x else "", S("cc", fontName="DV", fontSize=9.5)) for x in r] for r in rows], colWidths=[57*mm] * 3)
    st += [t, Paragraph("CAREER HISTORY", h)]
    def job(t_, c, pl, d, k, cnt):
        tb = Table([[Paragraph(f"<b>{E(c.upper())}</b>, {E(pl)}", n), Paragraph(E(d), S("d", fontName="Times-Italic", fontSize=10.5, alignment=2))]], colWidths=[120*mm, 50*mm])
        tb.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return [Spacer(1, 4), tb, Paragraph(f"<i>{E(t_)}</i>", n), bullets(bl(p, cnt, k), n)]
    st += job(p["title"], p["company"], p["cur_place"], p["cur_dates"], 0, 4)
    for i, (t_, c, pl, d) in enumerate(p["prev"]):
        st += job(t_, c, pl, d, i + 1, 2)
    st += [Paragraph("EDUCATION &amp; PROFESSIONAL QUALIFICATIONS", h)] + [Paragraph(f"<b>{E(d)}</b>, {E(s)} ({E(y)})", n) for d, s, y in p["edu"]]
    st += [Paragraph("BOARD &amp; NON-EXECUTIVE ROLES", h), Paragraph("Trustee and Treasurer, Northern Youth Sailing Trust (2019 – present)", n)]
    doc.build(st)

def rl_grid(p, path):
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=15*mm, rightMargin=15*mm, topMargin=14*mm, bottomMargin=14*mm)
    n = S("n", fontName="DV", fontSize=9.5, leading=12.5)
    b = S("b", fontName="DVB", fontSize=9.5, leading=12.5)
    hd = S("hd", fontName="DVB", fontSize=10, textColor=colors.HexColor("#006d77"))
    head = Table([[Paragraph(E(p["name_disp"]), S("nm", fontName="DVB", fontSize=22, leading=26)),
                   Paragraph(f"{E(p['phone_disp'])}<br/>{E(p['email'])}<br/>{E(p['loc_disp'])}", S("ct", fontName="DV", fontSize=9.5, leading=13, alignment=2))],
                  [Paragraph(E(p["title"]), S("hl", fontName="DV", fontSize=12, textColor=colors.HexColor("#006d77"))), ""]], colWidths=[110*mm, 70*mm])
    head.setStyle(TableStyle([("SPAN", (1, 0), (1, 1)), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 1), (-1, 1), 1.5, colors.HexColor("#006d77"))]))
    rows = [[Paragraph("PROFILE", hd), Paragraph("Chartered-track engineer with a practical, safety-first approach and experience across design and site delivery.", n)]]
    exp = [Paragraph(f"<b>{E(p['title'])}</b> · {E(p['company'])}", n), Paragraph(f"{E(p['cur_dates'])} · {E(p['cur_place'])}", S("g", fontName="DV", fontSize=8.5, textColor=colors.grey)), bullets(bl(p, 3), n)]
    for i, (t, c, pl, d) in enumerate(p["prev"]):
        exp += [Spacer(1, 4), Paragraph(f"<b>{E(t)}</b> · {E(c)}", n), Paragraph(f"{E(d)} · {E(pl)}", S("g2", fontName="DV", fontSize=8.5, textColor=colors.grey)), bullets(bl(p, 2, i + 1), n)]
    rows.append([Paragraph("EXPERIENCE", hd), exp])
    rows.append([Paragraph("EDUCATION", hd), [Paragraph(f"<b>{E(d)}</b><br/>{E(s)}, {E(y)}", n) for d, s, y in p["edu"]]])
    rows.append([Paragraph("SKILLS", hd), Paragraph(E(p["skills"]), n)])
    rows.append([Paragraph("REFEREES", hd), Paragraph("Available on request", n)])
    body = Table(rows, colWidths=[35*mm, 145*mm])
    body.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -2), 0.3, colors.lightgrey), ("TOPPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    doc.build([head, Spacer(1, 6), body])

def rl_ats(p, path):
    doc = SimpleDocTemplate(path, pagesize=letter, leftMargin=1*72, rightMargin=1*72, topMargin=0.8*72, bottomMargin=0.8*72)
    n = S("n"); h = S("h", fontName="Helvetica-Bold", fontSize=11, spaceBefore=10, spaceAfter=3)
    st = [Paragraph(E(p["name_disp"]), S("nm", fontName="Helvetica-Bold", fontSize=16, leading=20)),
          Paragraph(E(p["loc_disp"]), n), Paragraph(E(p["phone_disp"]), n), Paragraph(E(p["email"]), n),
          Paragraph("SUMMARY", h), Paragraph(f"{E(p['title'])} with a track record of delivering results in fast-paced environments.", n),
          Paragraph("WORK EXPERIENCE", h), Paragraph(f"<b>{E(p['title'])}</b>", n), Paragraph(f"{E(p['company'])} - {E(p['cur_place'])}", n), Paragraph(E(p["cur_dates"]), n), bullets(bl(p, 3), n)]
    for i, (t, c, pl, d) in enumerate(p["prev"]):
        st += [Spacer(1, 6), Paragraph(f"<b>{E(t)}</b>", n), Paragraph(f"{E(c)} - {E(pl)}", n), Paragraph(E(d), n), bullets(bl(p, 2, i + 1), n)]
    st += [Paragraph("EDUCATION", h)] + [Paragraph(f"{E(d)}<br/>{E(s)} - {E(y)}", n) for d, s, y in p["edu"]]
    st += [Paragraph("SKILLS", h), Paragraph(E(p["skills"]), n)]
    doc.build(st)

def rl_sidebar(p, path):
    from reportlab.pdfgen import canvas
    W, H = A4
    c = canvas.Canvas(path, pagesize=A4)
    sw = 65*mm
    c.setFillColor(colors.HexColor("#2d3e50")); c.rect(0, 0, sw, H, stroke=0, fill=1)
    c.setFillColor(colors.HexColor("#e67e22")); c.circle(sw/2, H-35*mm, 17*mm, stroke=0, fill=1)
    ini = "".join(x[0] for x in p["name"].split()[:2])
    c.setFillColor(colors.white); c.setFont("Helvetica-Bold", 26); c.drawCentredString(sw/2, H-38*mm, ini)
    y = H - 65*mm
    def side_h(t):
        nonlocal y
        c.setFillColor(colors.HexColor("#e67e22")); c.setFont("Helvetica-Bold", 11); c.drawString(8*mm, y, t); y -= 6*mm
    def side_t(t, size=9):
        nonlocal y
        c.setFillColor(colors.white); c.setFont("Helvetica", size); c.drawString(8*mm, y, t); y -= 5*mm
    side_h("CONTACT"); side_t("Phone"); side_t(p["phone_disp"]); side_t("Email"); side_t(p["email"], 8); side_t("Address"); side_t(p["loc_disp"]); y -= 4*mm
    side_h("SKILLS")
    for s in p["skills"].split(","):
        side_t("– " + s.strip(), 8.5)
    y -= 4*mm; side_h("LANGUAGES"); side_t("English (fluent)"); side_t("Swahili" if p["id"] == 34 else "isiZulu (native)"); side_t("Afrikaans" if p["id"] == 33 else "")
    x0 = sw + 10*mm; yy = H - 25*mm
    c.setFillColor(colors.HexColor("#2d3e50")); c.setFont("Helvetica-Bold", 26); c.drawString(x0, yy, p["name_disp"].upper()); yy -= 9*mm
    c.setFillColor(colors.HexColor("#e67e22")); c.setFont("Helvetica", 13); c.drawString(x0, yy, p["title"]); yy -= 14*mm
    def mh(t):
        nonlocal yy
        c.setFillColor(colors.HexColor("#2d3e50")); c.setFont("Helvetica-Bold", 12); c.drawString(x0, yy, t)
        c.setStrokeColor(colors.HexColor("#e67e22")); c.setLineWidth(1.5); c.line(x0, yy-2*mm, W-12*mm, yy-2*mm); yy -= 8*mm
    def mt(t, font="Helvetica", size=9.5, col="#333333", ind=0):
        nonlocal yy
        c.setFillColor(colors.HexColor(col)); c.setFont(font, size); c.drawString(x0 + ind, yy, t); yy -= 5*mm
    mh("PROFILE"); mt("Dedicated professional with strong attention to detail and a"); mt("proven ability to meet deadlines under pressure."); yy -= 3*mm
    mh("WORK EXPERIENCE")
    mt(p["title"], "Helvetica-Bold", 10.5); mt(f"{p['company']}  |  {p['cur_place']}", col="#e67e22"); mt(p["cur_dates"], "Helvetica-Oblique", 9, "#777777")
    for b_ in bl(p, 3): mt("• " + b_, size=8.5, ind=2*mm)
    yy -= 3*mm
    for i, (t, co, pl, d) in enumerate(p["prev"]):
        mt(t, "Helvetica-Bold", 10.5); mt(f"{co}  |  {pl}", col="#e67e22"); mt(d, "Helvetica-Oblique", 9, "#777777")
        for b_ in bl(p, 2, i + 1): mt("• " + b_, size=8.5, ind=2*mm)
        yy -= 3*mm
    mh("EDUCATION")
    for d, s, yr in p["edu"]:
        mt(d, "Helvetica-Bold", 10); mt(f"{s}, {yr}")
    yy -= 3*mm; mh("REFERENCES")
    mt("Mr. P. Mwangi, Operations Manager" if p["id"] == 34 else "Ms. L. Botha, Financial Manager", size=9)
    mt("Tel: 0733 555 019" if p["id"] == 34 else "Tel: 012 555 0177", size=9)
    c.showPage(); c.save()

RL_LAYOUTS = dict(indian=rl_indian, executive=rl_executive, grid=rl_grid, ats=rl_ats, sidebar=rl_sidebar)

# ------------------------------------------------------------------ DOCX layouts
from docx import Document
from docx.shared import Pt, RGBColor, Mm
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml import OxmlElement

def shade(cell, hexcol):
    tcPr = cell._tc.get_or_add_tcPr()
    sh = OxmlElement("w:shd"); sh.set(qn("w:val"), "clear"); sh.set(qn("w:color"), "auto"); sh.set(qn("w:fill"), hexcol); tcPr.append(sh)

def run(par, text, bold=False, size=None, color=None, italic=False):
    r = par.add_run(text); r.bold = bold; r.italic = italic
    if size: r.font.size = Pt(size)
    if color: r.font.color.rgb = RGBColor.from_string(color)
    return r

def d_modern(p, path):
    doc = Document()
    sec = doc.sections[0]; sec.left_margin = sec.right_margin = Mm(18); sec.top_margin = Mm(12)
    doc.styles["Normal"].font.name = "Calibri"; doc.styles["Normal"].font.size = Pt(10.5)
    t = doc.add_table(rows=1, cols=1); c = t.cell(0, 0); shade(c, "C0504D" if p["id"] == 35 else "2E75B6")
    pr = c.paragraphs[0]; run(pr, p["name_disp"], True, 26, "FFFFFF")
    pr2 = c.add_paragraph(); run(pr2, p["title"], False, 13, "FFFFFF")
    contact = f"{p['loc_disp']}  ·  {p['phone_disp']}  ·  {p['email']}"
    if p["id"] == 40:   # contact details live in the page header, like many Word templates
        hp = sec.header.paragraphs[0]; hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT; run(hp, contact, size=9, color="595959")
    else:
        pr3 = c.add_paragraph(); run(pr3, contact, False, 10, "FFFFFF")
    def h(txt):
        hp = doc.add_paragraph(); hp.paragraph_format.space_before = Pt(12); run(hp, txt.upper(), True, 12, "C0504D" if p["id"] == 35 else "2E75B6")
    h("Summary"); doc.add_paragraph("People-focused professional who builds trust with leaders and teams, balancing business outcomes with employee experience.")
    h("Experience")
    def job(t_, co, pl, d, k, n):
        jp = doc.add_paragraph(); run(jp, t_, True); run(jp, f", {co} — {pl}")
        dp = doc.add_paragraph(); run(dp, d, italic=True, color="7F7F7F")
        for b_ in bl(p, n, k): doc.add_paragraph(b_, style="List Bullet")
    job(p["title"], p["company"], p["cur_place"], p["cur_dates"], 0, 3)
    for i, (t_, co, pl, d) in enumerate(p["prev"]): job(t_, co, pl, d, i + 1, 2)
    h("Education")
    for d, s, y in p["edu"]:
        ep = doc.add_paragraph(); run(ep, d, True); run(ep, f" — {s}, {y}")
    h("Skills"); doc.add_paragraph(p["skills"])
    doc.save(path)

def d_chrono(p, path):
    doc = Document()
    sec = doc.sections[0]; sec.left_margin = sec.right_margin = Mm(22)
    tp = doc.add_paragraph(style="Title"); tp.add_run(p["name_disp"])
    cp = doc.add_paragraph(); cp.add_run(f"{p['email']} | {p['phone_disp']} | {p['loc_disp']}")
    doc.add_heading("Professional Summary", level=1)
    doc.add_paragraph("Experienced professional with a strong record of delivering complex matters for demanding clients, combining technical depth with commercial judgement.")
    doc.add_heading("Professional Experience", level=1)
    def job(t_, co, pl, d, k, n):
        doc.add_heading(f"{co}, {pl}", level=2)
        jp = doc.add_paragraph(); run(jp, t_, True); run(jp, "\t" + d)
        for b_ in bl(p, n, k): doc.add_paragraph(b_, style="List Bullet")
    job(p["title"], p["company"], p["cur_place"], p["cur_dates"], 0, 3)
    for i, (t_, co, pl, d) in enumerate(p["prev"]): job(t_, co, pl, d, i + 1, 2)
    doc.add_heading("Education", level=1)
    for d, s, y in p["edu"]: doc.add_paragraph(f"{d}, {s} ({y})")
    doc.add_heading("Skills", level=1); doc.add_paragraph(p["skills"])
    doc.add_heading("References", level=1); doc.add_paragraph("Available on request.")
    doc.save(path)

def d_table(p, path):
    es = p.get("lang") == "es"
    L = (dict(exp="Experiencia profesional", edu="Educación", sk="Habilidades técnicas", ph="Teléfono", em="Correo electrónico", loc="Ubicación", prof="Perfil")
         if es else dict(exp="Employment History", edu="Education & Training", sk="Skills & Tickets", ph="Mobile", em="Email", loc="Location", prof="Profile"))
    doc = Document()
    sec = doc.sections[0]; sec.left_margin = sec.right_margin = Mm(16)
    np_ = doc.add_paragraph(); np_.alignment = WD_ALIGN_PARAGRAPH.CENTER; run(np_, p["name_disp"], True, 22, "1F3864")
    tp = doc.add_paragraph(); tp.alignment = WD_ALIGN_PARAGRAPH.CENTER; run(tp, p["title"], False, 12, "7F7F7F")
    ct = doc.add_table(rows=3, cols=2); ct.style = "Table Grid"
    for r, (k, v) in enumerate([(L["ph"], p["phone_disp"]), (L["em"], p["email"]), (L["loc"], p["loc_disp"])]):
        ct.cell(r, 0).text = k; ct.cell(r, 1).text = v
    doc.add_paragraph()
    t = doc.add_table(rows=0, cols=2)
    def sect(title):
        r = t.add_row().cells; m = r[0].merge(r[1]); m.text = ""; run(m.paragraphs[0], title.upper(), True, 11, "1F3864"); shade(m, "D9E2F3")
    def row(left, right_title, right_sub, bullets_=()):
        r = t.add_row().cells; r[0].text = left
        pr = r[1].paragraphs[0]; run(pr, right_title, True)
        if right_sub: r[1].add_paragraph(right_sub)
        for b_ in bullets_: r[1].add_paragraph("• " + b_)
    sect(L["prof"]); row("", "", "Profesional proactivo con experiencia en proyectos ágiles." if es else "Hands-on site manager with a strong safety record.")
    sect(L["exp"])
    row(p["cur_dates"], p["title"], f"{p['company']} — {p['cur_place']}", bl(p, 3))
    for i, (t_, co, pl, d) in enumerate(p["prev"]): row(d, t_, f"{co} — {pl}", bl(p, 2, i + 1))
    sect(L["edu"])
    for d, s, y in p["edu"]: row(y, d, s)
    sect(L["sk"]); row("", "", p["skills"])
    for r_ in t.rows: r_.cells[0].width = Mm(38); r_.cells[1].width = Mm(140)
    doc.save(path)

DOCX_LAYOUTS = dict(dmodern=d_modern, dchrono=d_chrono, dtable=d_table)

# ------------------------------------------------------------------ main
def slug(p):
    import unicodedata, re
    s = unicodedata.normalize("NFKD", p["name"]).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "_", s).strip("_")

def main():
    shutil.rmtree(OUT, ignore_errors=True); os.makedirs(OUT); os.makedirs(HTMLDIR, exist_ok=True)
    expected = {}
    names = ["Resume", "CV", "resume_2025", "CV_2025", "resume-final"]
    for p in P:
        suffix = {"de": "Lebenslauf", "fr": "CV", "es": "CV"}.get(p.get("lang"), names[p["id"] % len(names)])
        base = f"{p['id']:02d}_{slug(p)}_{suffix}"
        if p["fmt"] == "html":
            fn = base + ".pdf"
            hp = os.path.join(HTMLDIR, base + ".html")
            open(hp, "w", encoding="utf-8").write(HTML_LAYOUTS[p["layout"]](p))
            render_chromium(hp, os.path.join(OUT, fn))
        elif p["fmt"] == "rl":
            fn = base + ".pdf"; RL_LAYOUTS[p["layout"]](p, os.path.join(OUT, fn))
        else:
            fn = base + ".docx"; DOCX_LAYOUTS[p["layout"]](p, os.path.join(OUT, fn))
        expected[fn] = dict(name=p["name"], email=p["email"], phone=p["phone"], current_title=p["title"],
                            current_company=p["company"], location=p["loc"], layout=p["layout"], tool=p["fmt"])
        print(fn, p["layout"], p["fmt"], flush=True)
    json.dump(expected, open(os.path.join(HERE, "expected.json"), "w"), ensure_ascii=False, indent=1)

if __name__ == "__main__":
    main()
