"""Regenerate the ingestion test corpus.

    .venv/bin/python tests/data/ingest/generate_corpus.py

Renders synthetic resumes three different ways (six HTML layouts printed by headless
chromium, reportlab-drawn PDFs, python-docx documents), writes ATS-style CSV exports
and ZIP bundles, and records what a perfect extractor would find in expected.json.
The generated files are committed, so the tests never need chromium.
"""

from __future__ import annotations

import csv
import io
import json
import random
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from heldout import HELDOUT
from people import NOW, Person, make_people
from templates import TEMPLATES, fmt_range

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROME_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
]


def shown_links(p: Person, rendered: str) -> list[str]:
    """Only the links a layout actually prints can be expected back."""
    bare = lambda u: u.split("://", 1)[-1].removeprefix("www.")
    return [u for u in p.links if bare(u) in rendered]


def expected_profile(p: Person, rendered: str) -> dict:
    return {
        "name": p.name,
        "email": p.email,
        "phone": p.phone_e164,
        "location": p.location,
        "links": shown_links(p, rendered),
        "current_title": p.jobs[0].title,
        "current_company": p.jobs[0].company,
        "years_experience": p.years,
        "years_is_open_ended": True,  # the newest job runs to "present"
        "skills": p.skills,
        "education": [s for _, s, _ in p.education],
    }


def print_pdf(html_text: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "r.html"
        src.write_text(html_text, encoding="utf-8")
        subprocess.run(
            [
                CHROMIUM,
                *CHROME_FLAGS,
                f"--user-data-dir={tmp}/profile",
                f"--print-to-pdf={out}",
                src.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )


def reportlab_pdf(p: Person, out: Path, rng: random.Random) -> None:
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    pdfmetrics.registerFont(TTFont("DV", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("DVB", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"))
    big = ParagraphStyle("big", fontName="DVB", fontSize=19, leading=23)
    body = ParagraphStyle("body", fontName="DV", fontSize=9.5, leading=12.5)
    head = ParagraphStyle("head", fontName="DVB", fontSize=11, leading=16, spaceBefore=8)
    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;")
    story = [
        Paragraph(esc(p.name), big),
        Paragraph(esc(p.headline), body),
        Spacer(1, 4),
        Table(
            [
                [
                    Paragraph(f"Tel. {esc(p.phone_display)}", body),
                    Paragraph(f"Mail {esc(p.email)}", body),
                    Paragraph(esc(p.location), body),
                ]
            ]
        ),
        Paragraph(esc(" / ".join(x for x in [p.linkedin, p.github, p.website] if x)), body),
        Paragraph("WORK HISTORY", head),
    ]
    for j in p.jobs:
        story.append(Paragraph(f"<b>{esc(j.title)}</b>, {esc(j.company)}", body))
        story.append(Paragraph(esc(fmt_range(j, 3)) + f" | {esc(j.city)}", body))
        story.extend(Paragraph("• " + esc(b), body) for b in j.bullets)
        story.append(Spacer(1, 4))
    story.append(Paragraph("EDUCATION", head))
    story.extend(Paragraph(f"{esc(s)} — {esc(d)}, {y}", body) for d, s, y in p.education)
    story.append(Paragraph("SKILLS &amp; TOOLS", head))
    story.append(Paragraph(esc(" • ".join(p.skills)), body))
    SimpleDocTemplate(
        str(out), pagesize=LETTER, title=f"Resume {p.name}", leftMargin=50, rightMargin=50
    ).build(story)


def docx_resume(p: Person, out: Path, rng: random.Random) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph(p.name, style="Title")
    d.add_paragraph(p.headline)
    t = d.add_table(rows=1, cols=3)
    for cell, text in zip(t.rows[0].cells, [p.email, p.phone_display, p.location]):
        cell.text = text
    d.add_paragraph(" · ".join(x for x in [p.linkedin, p.github] if x))
    d.add_heading("Summary", level=1)
    d.add_paragraph(p.summary)
    d.add_heading("Experience", level=1)
    for j in p.jobs:
        d.add_paragraph(f"{j.title} | {j.company} | {fmt_range(j, 0)}", style="Heading 3")
        for b in j.bullets:
            d.add_paragraph(b, style="List Bullet")
    d.add_heading("Education", level=1)
    for deg, s, y in p.education:
        d.add_paragraph(f"{deg}, {s} ({y})")
    d.add_heading("Skills", level=1)
    d.add_paragraph(", ".join(p.skills))
    d.core_properties.author = "milobot corpus"
    d.save(str(out))


def csv_rows(people: list[Person], style: str, rng: random.Random) -> tuple[list[str], list[list[str]]]:
    if style == "greenhouse":
        header = [
            "Candidate ID",
            "First Name",
            "Last Name",
            "Email Address",
            "Phone",
            "Current Company",
            "Current Title",
            "Location",
            "LinkedIn Profile",
            "Job",
            "Stage",
            "Source",
            "Tags",
            "Notes",
        ]
        rows = [
            [
                str(41000 + i),
                p.first,
                p.last,
                p.email,
                p.phone_display,
                p.jobs[0].company,
                p.jobs[0].title,
                p.location,
                "https://www." + p.linkedin,
                "Backend Engineer",
                "Application Review",
                "LinkedIn",
                "python, remote",
                'Strong referral.\nPrefers async interviews;\n"great" communicator',
            ]
            for i, p in enumerate(people)
        ]
    elif style == "lever":
        header = [
            "Contact Name",
            "Contact Email(s)",
            "Contact Phone(s)",
            "Location",
            "Headline",
            "Links",
            "Stage",
            "Origin",
            "Tags",
            "Posting",
        ]
        rows = [
            [
                p.name,
                p.email + (", " + p.email.split("@")[0] + "@work.example" if i % 2 else ""),
                p.phone_display,
                p.location,
                f"{p.jobs[0].title} at {p.jobs[0].company}",
                ", ".join(p.links),
                "New applicant",
                "sourced",
                "",
                "Data Engineer",
            ]
            for i, p in enumerate(people)
        ]
    elif style == "workable":
        header = [
            "Name",
            "Email",
            "Phone",
            "Headline",
            "Address",
            "Job",
            "Stage",
            "Tags",
            "Source",
            "Created at",
            "Current company",
            "Current title",
        ]
        rows = [
            [
                p.name,
                p.email,
                p.phone_display,
                p.headline,
                p.location,
                "Sales Lead",
                "Sourced",
                "",
                "Referral",
                "2026-10-02",
                p.jobs[0].company,
                p.jobs[0].title,
            ]
            for p in people
        ]
    else:  # ashby
        header = [
            "Name",
            "Email",
            "Phone Number",
            "Location",
            "LinkedIn URL",
            "GitHub URL",
            "Current Title",
            "Current Company",
            "Source",
            "Current Stage",
            "Application Date",
        ]
        rows = [
            [
                p.name,
                p.email,
                p.phone_display,
                p.location,
                "https://" + p.linkedin,
                ("https://" + p.github) if p.github else "",
                p.jobs[0].title,
                p.jobs[0].company,
                "Inbound",
                "Recruiter Screen",
                "2026-09-14",
            ]
            for p in people
        ]
    return header, rows


def csv_expected(p: Person, style: str) -> dict:
    exp = {"name": p.name, "email": p.email, "phone": p.phone_e164, "location": p.location}
    exp["current_title"] = p.jobs[0].title
    exp["current_company"] = p.jobs[0].company
    return exp


def encodable(p: Person, enc: str) -> bool:
    try:
        (p.name + p.location + p.jobs[0].company + p.jobs[0].title + p.headline).encode(enc)
        return True
    except UnicodeEncodeError:
        return False


def main() -> None:
    rng = random.Random(20261125)
    out_root = HERE
    for sub in ("resumes", "csv", "zips"):
        shutil.rmtree(out_root / sub, ignore_errors=True)
        (out_root / sub).mkdir()
    people = make_people(76)
    expected: dict = {"generated_on": f"{NOW[0]}-{NOW[1]:02d}", "files": {}}

    resume_people = people[:42]
    names = list(TEMPLATES)
    for i, p in enumerate(resume_people):
        slug = f"{i:02d}"
        if i < 30:
            tname = names[i % len(names)]
            path = out_root / "resumes" / f"{slug}_{tname}.pdf"
            rendered = TEMPLATES[tname](p, rng)
            print_pdf(rendered, path)
            tool = f"chromium/{tname}"
        elif i < 36:
            path = out_root / "resumes" / f"{slug}_reportlab.pdf"
            reportlab_pdf(p, path, rng)
            rendered = " ".join(p.links)
            tool = "reportlab"
        else:
            path = out_root / "resumes" / f"{slug}_word.docx"
            docx_resume(p, path, rng)
            rendered = " ".join(x for x in [p.linkedin, p.github] if x)
            tool = "python-docx"
        expected["files"][f"resumes/{path.name}"] = {
            "tool": tool,
            "outcome": "ok",
            "profiles": [expected_profile(p, rendered)],
        }
        print("wrote", path.name, file=sys.stderr)

    # Held-out layouts (see heldout.py), reported separately by the accuracy test.
    for k, p in enumerate(people[64:76]):
        tname = list(HELDOUT)[k % len(HELDOUT)]
        path = out_root / "resumes" / f"h{k:02d}_{tname}.pdf"
        rendered = HELDOUT[tname](p, rng)
        print_pdf(rendered, path)
        expected["files"][f"resumes/{path.name}"] = {
            "tool": f"heldout/{tname}",
            "outcome": "ok",
            "profiles": [expected_profile(p, rendered)],
        }

    csv_people = people[42:]
    chunks = {
        "greenhouse": csv_people[0:6],
        "lever": csv_people[6:11],
        "workable": [],
        "ashby": csv_people[11:16],
    }
    chunks["workable"] = [p for p in people[:64] if encodable(p, "cp1252")][-6:]
    encodings = {
        "greenhouse": ("utf-8-sig", ","),
        "lever": ("utf-8", ","),
        "workable": ("cp1252", ";"),
        "ashby": ("utf-16", "\t"),
    }
    for style, group in chunks.items():
        header, rows = csv_rows(group, style, rng)
        enc, delim = encodings[style]
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=delim, lineterminator="\r\n")
        w.writerow(header)
        w.writerows(rows)
        path = out_root / "csv" / f"{style}_export.csv"
        path.write_bytes(buf.getvalue().encode(enc))
        expected["files"][f"csv/{path.name}"] = {
            "tool": f"csv/{enc}/{delim!r}",
            "outcome": "ok",
            "profiles": [csv_expected(p, style) for p in group],
        }

    # A bundle as a recruiter would zip a folder on a Mac: nested folders, __MACOSX, dotfiles, a stray image.
    bundle = io.BytesIO()
    members = [("Candidates/Engineering/" + n, f"resumes/{n}") for n in ("01_sidebar.pdf", "08_band.pdf")]
    members += [
        ("Candidates/Design/Portfolio CVs/03_tableright.pdf", "resumes/03_tableright.pdf"),
        ("Candidates/Sales/greenhouse_export.csv", "csv/greenhouse_export.csv"),
        ("Candidates/Word/37_word.docx", "resumes/37_word.docx"),
    ]
    entries = []
    with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Candidates/", b"")
        for arc, src in members:
            zf.write(out_root / src, arc)
            entries.append({"file": arc, "outcome": "ok", "same_as": src})
        zf.writestr("__MACOSX/Candidates/Engineering/._01_sidebar.pdf", b"\x00\x05\x16\x07junk")
        zf.writestr(".DS_Store", b"\x00\x00\x00\x01Bud1")
        zf.writestr("Candidates/photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
        entries.append({"file": "Candidates/photo.png", "outcome": "unsupported"})
    (out_root / "zips" / "bundle.zip").write_bytes(bundle.getvalue())
    expected["files"]["zips/bundle.zip"] = {"tool": "zipfile", "entries": entries}

    (out_root / "expected.json").write_text(
        json.dumps(expected, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print("done", file=sys.stderr)


if __name__ == "__main__":
    main()
