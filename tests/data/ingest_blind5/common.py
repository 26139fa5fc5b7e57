# -*- coding: utf-8 -*-
"""Shared text helpers used by all renderers."""
from texts import BULLETS, BULLETS_L, LABELS

PUBS = [
    "Osei-Bonsu N., Whitaker E. (2019). Single-cell potency assays for engineered T cells. J. Cell Methods 12(3):201-214.",
    "Osei-Bonsu N., Liang R., Whitaker E. (2017). CRISPR screening of checkpoint regulators. Oncol. Rep. Sci. 8:55-67.",
    "Liang R., Osei-Bonsu N. (2016). High-content imaging in 3D spheroids. Assay Dev. Lett. 4:12-19.",
    "Osei-Bonsu N. et al. (2015). Metabolic profiling of resistant clones. Cell Biol. Notes 22:301-309.",
]

PROJECTS = [
    ("Payments Modernisation (2023)", "Led a team of 8 to split the payment monolith into 14 Spring Boot services on AWS EKS."),
    ("Customer 360 (2021)", "Designed event-sourced customer profile service with Kafka and Cassandra."),
    ("Loan Origination Portal (2019)", "Built REST APIs and batch jobs for a retail lending client."),
    ("Inventory Sync (2016)", "Developed integration between POS and warehouse systems."),
]


def lab(p, key):
    return LABELS[p["lang"]][key]


def daterange(p, j):
    end = j["end"] if j["end"] else p["present"]
    if not j["end"] and p["present"] == "":
        return f"{j['start']}{p['sep'].rstrip()}"
    return f"{j['start']}{p['sep']}{end}"


def bullets(p, j):
    if j.get("bullets"):
        return j["bullets"]
    pool = BULLETS.get(j["dom"]) or BULLETS_L.get(j["dom"]) or []
    n = 4 if p["extras"].get("long") else 3
    return pool[:n]


def head_line(p, j):
    """Return (line1, line2_or_None) for the job header in inline formats."""
    f = p["jobfmt"]
    t, c = j["title"], j["company"]
    if f == "pipe":
        return f"{t} | {c}", j["place"]
    if f == "emdash":
        return f"{t} \u2014 {c}", j["place"]
    if f == "comma":
        return f"{t}, {c}", j["place"]
    if f == "at":
        return f"{t} at {c}", j["place"]
    if f == "company_first":
        return f"{c}, {j['place']}", t
    return t, f"{c}, {j['place']}"  # stacked


def jobs_ordered(p):
    js = list(p["jobs"])
    if p["extras"].get("chrono"):
        js.reverse()
    return js


def contact_items(p):
    L = LABELS[p["lang"]]
    items = [("phone", L["mobile"] if p["lang"] != "en" else L["phone"], p["phone_printed"]),
             ("email", L["email"], p["email"]),
             ("location", L["address"] if any(ch.isdigit() for ch in p["loc_printed"]) else L["location"],
              p["loc_printed"])]
    if p.get("linkedin"):
        items.append(("web", "LinkedIn", p["linkedin"]))
    return items


def extra_sections(p):
    """Return list of (heading, kind, payload) for the tail sections."""
    L = LABELS[p["lang"]]
    out = []
    ex = p["extras"]
    if ex.get("publications"):
        out.append(("Selected Publications", "list", PUBS + [
            "Whitaker E., Osei-Bonsu N., Mensah K. (2014). Apoptotic signalling in drug-tolerant persisters. Cell Rep. Notes 3:88-97.",
            "Osei-Bonsu N., Mensah K. (2013). A reporter system for NF-kB activity in primary cells. Methods Lett. 9:14-20.",
            "Osei-Bonsu N. (2012). Live-cell imaging of mitotic slippage. Grad. Res. J. 5:1-9."]))
        out.append(("Grants & Awards", "list", [
            "Early Investigator Award, Commonwealth Cancer Foundation (2016), $150,000",
            "Postdoctoral Fellowship, New England Oncology Society (2015-2017)",
            "Best Poster Award, Boston Cell Biology Symposium (2013)"]))
        out.append(("Invited Talks", "list", [
            "Potency assays for engineered cell therapies - Cell Therapy Analytics Summit, San Diego (2023)",
            "Translational screening in oncology - Northeast Drug Discovery Forum, Providence (2022)",
            "CRISPR screens for immuno-oncology targets - Gordon-style Conference on Cancer Biology (2019)",
            "Assay transfer to CROs: lessons learned - Biotech Ops Meetup, Cambridge (2018)"]))
        out.append(("Teaching & Mentoring", "list", [
            "Co-supervised 3 PhD students and 5 research associates",
            "Guest lecturer, Cancer Cell Biology (BIO 640), 2015-2017",
            "Teaching assistant, Molecular Biology Laboratory, 2009-2012"]))
        out.append(("Professional Memberships", "inline", [
            "American Association for Cancer Research", "American Society for Cell Biology",
            "International Society for Cell & Gene Therapy"]))
    if p["id"].startswith("en12"):
        out.append(("Key Projects", "kv", PROJECTS))
    if ex.get("certs"):
        out.append(("Licenses & Certifications", "list", ex["certs"]))
    if p["langs"]:
        out.append((L["languages"], "inline", p["langs"]))
    if ex.get("personal"):
        out.append((L["personal"], "kv", ex["personal"]))
    if ex.get("referees"):
        out.append(("Referees" if p["country"] in ("UK", "IE", "ZA", "AU", "NG") else L["references"],
                    "refs", ex["referees"]))
    if ex.get("referees_on_request"):
        out.append((L["references"], "para", "Available on request."))
    if ex.get("declaration"):
        out.append(("Declaration", "para",
                    "I hereby declare that the information furnished above is true to the best of my knowledge. "
                    "Place: Bengaluru"))
    if ex.get("rodo"):
        out.append(("", "small",
                    "Wyrażam zgodę na przetwarzanie moich danych osobowych dla potrzeb niezbędnych do realizacji "
                    "procesu rekrutacji zgodnie z RODO."))
    if ex.get("signature"):
        out.append(("", "para", ex["signature"] + "      Anna-Lena Vogt"))
    return out


def ref_lines(r):
    name, role, comp, phone, email = r
    return [name, f"{role}, {comp}", f"Tel: {phone}", f"Email: {email}"]
