"""JSON Resume themes from the npm registry, rendered to HTML by node and printed by chromium."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from people import Person

HERE = Path(__file__).resolve().parent
NODE_DIR = Path("/tmp/milobot-jsonresume")  # `cp jsonresume/package.json` there, then `npm install` (generate.py)
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


def _iso(ym: tuple[int, int], day: int = 1) -> str:
    return f"{ym[0]:04d}-{ym[1]:02d}-{day:02d}"


def resume_json(p: Person) -> dict:
    profiles = [
        {"network": "LinkedIn", "username": p.links["linkedin"].rsplit("/", 1)[-1], "url": p.links["linkedin"]}
    ]
    if "github" in p.links:
        profiles.append({"network": "GitHub", "username": p.links["github"].rsplit("/", 1)[-1], "url": p.links["github"]})
    work = []
    for j in p.jobs:
        entry = {
            "name": j.company,
            "company": j.company,  # the schema's older spelling, which many themes still read
            "position": j.title,
            "location": j.city,
            "startDate": _iso(j.start),
            "summary": "",
            "highlights": j.highlights,
        }
        if j.end:
            entry["endDate"] = _iso(j.end, 28)
        work.append(entry)
    return {
        "basics": {
            "name": p.name,
            "label": p.label,
            "email": p.email,
            "phone": p.phone_display,
            "url": p.links.get("site", ""),
            "website": p.links.get("site", ""),
            "summary": p.summary,
            "location": {
                "address": p.street,
                "postalCode": p.postcode,
                "city": p.city,
                "region": p.region,
                "countryCode": p.country,
            },
            "profiles": profiles,
        },
        "work": work,
        "education": [
            {
                "institution": p.school,
                "area": p.degree.split(" ", 1)[1],
                "studyType": p.degree.split(" ", 1)[0],
                "startDate": _iso((p.school_years[0], 9)),
                "endDate": _iso((p.school_years[1], 6), 30),
            }
        ],
        "skills": [{"name": "Tools", "level": "", "keywords": p.skills}],
        "languages": [{"language": "English", "fluency": "Professional"}],
    }


def print_pdf(html_file: Path, out: Path) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            ["chromium", *CHROME_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={out}", html_file.as_uri()],
            check=True,
            capture_output=True,
            timeout=120,
        )


def render(theme: str, node_dir: Path = NODE_DIR):
    """A maker printing `theme`, installed by npm in `node_dir` (each round keeps its own)."""

    def make(p: Person, out: Path) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            src, html = Path(tmp) / "resume.json", Path(tmp) / "resume.html"
            src.write_text(json.dumps(resume_json(p), ensure_ascii=False), encoding="utf-8")
            shutil.copy(HERE / "jsonresume" / "render.js", node_dir / "render.js")
            subprocess.run(
                ["node", str(node_dir / "render.js"), theme, str(src), str(html)],
                check=True,
                capture_output=True,
                cwd=node_dir,
                timeout=120,
            )
            print_pdf(html, out)

    return make
