"""Render the bench's résumés: two- and three-page CVs, as people send them.

    .venv/bin/python bench/corpus/make_resumes.py      (needs /usr/bin/chromium; ~1 minute)

The test corpus (tests/data/ingest) is one-page résumés built to exercise the extractor's rules; it
reads at ~80 files/s/core in bare pypdf. Real CVs are longer: several jobs with five or more bullet
points each, projects, certifications, languages. The issue sizing the throughput target puts
HTML-rendered résumés at about 25/s/core, and these land there. Same people generator, same six
HTML layouts and the same chromium as the test corpus, with a working life's worth of content.
The PDFs and `expected.json` (name, e-mail, phone, location, current title and company of each) are committed; bench/ingest.py and
bench/ingest_extract.py read them.
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "tests" / "data" / "ingest"))

from generate_corpus import print_pdf  # noqa: E402
from people import NOW, Job, make_people  # noqa: E402
from templates import TEMPLATES  # noqa: E402

OUT = HERE / "resumes"
COUNT = 36

VERBS = [
    "Led",
    "Built",
    "Designed",
    "Shipped",
    "Owned",
    "Drove",
    "Reduced",
    "Automated",
    "Scaled",
    "Mentored",
]
WHAT = [
    "the rewrite of the billing platform, moving 1,400 enterprise accounts without a single failed invoice",
    "a self-serve onboarding flow that cut time-to-first-value from nine days to two",
    "the data pipeline behind weekly executive reporting, replacing 30 hand-maintained spreadsheets",
    "incident response for a 24/7 service with a 99.95% availability target, writing the runbooks",
    "a hiring loop for engineers and analysts, growing the team from 4 to 15 in eighteen months",
    "cloud spend by 38% through rightsizing, reserved capacity and retiring two legacy clusters",
    "the migration of 120 services from virtual machines to Kubernetes over three quarters",
    "pricing experiments across four markets that lifted net revenue retention by 6 points",
    "the design system used by five product teams, with accessibility reviews built in",
    "quarterly planning with product, design and sales, keeping a single ranked roadmap",
    "a customer advisory board of 12 accounts that shaped two major releases",
    "test automation for the mobile apps, taking release cadence from monthly to weekly",
]
CONTEXT = [
    "Partnered with legal and security to pass SOC 2 Type II on the first attempt.",
    "Presented results to the leadership team monthly and wrote the quarterly board update.",
    "Coached three engineers into senior roles and ran the internal architecture guild.",
    "Worked with regional sales leads in Europe and Asia to localise the offer.",
    "Introduced lightweight design documents, now used across the engineering organisation.",
    "Set up dashboards and alerting that halved the mean time to recovery.",
    "Negotiated vendor contracts worth $2.1M a year, saving 18% against the previous terms.",
    "Ran user interviews every sprint and fed the findings straight into the backlog.",
]
PROJECTS = [
    (
        "Open-source maintainer",
        "Maintainer of a popular Python library for parsing calendar data (2k stars).",
    ),
    ("Mentoring", "Volunteer mentor with a coding bootcamp; six mentees placed in first tech roles."),
    ("Conference talk", "Speaker at a regional engineering conference on running blameless post-mortems."),
    ("Side project", "Built a budgeting app used by 3,000 households, with bank sync and shared goals."),
    ("Hackathon", "Winner of an internal hackathon with a tool that triages support tickets by urgency."),
]
CERTS = [
    "AWS Certified Solutions Architect – Associate",
    "Professional Scrum Master I",
    "Google Data Analytics Certificate",
    "Certified Kubernetes Administrator",
    "PRINCE2 Foundation",
]


def _bullets(rng: random.Random, n: int) -> list[str]:
    picks = rng.sample(WHAT, n - 2)
    return [f"{rng.choice(VERBS)} {w}." for w in picks] + rng.sample(CONTEXT, 2)


def _older_job(rng: random.Random, newest_first: list[Job], template: Job) -> Job:
    """One more job before the earliest, contiguous with it."""
    y, m = newest_first[-1].start
    months = rng.randint(18, 40)
    total = y * 12 + (m - 1) - months
    return replace(
        template,
        company=rng.choice(["Initech", "Globex", "Umbrella Analytics", "Hooli", "Vandelay Industries"]),
        start=(total // 12, total % 12 + 1),
        end=newest_first[-1].start,
    )


def lengthen(person, rng: random.Random):
    jobs = list(person.jobs)
    while len(jobs) < rng.randint(4, 5):
        jobs.append(_older_job(rng, jobs, jobs[-1]))
    jobs = [replace(j, bullets=_bullets(rng, rng.randint(4, 6))) for j in jobs]
    first = jobs[-1].start
    years = round(((NOW[0] * 12 + NOW[1]) - (first[0] * 12 + first[1])) / 12, 1)
    extras = " ".join(f"{title}: {text}" for title, text in rng.sample(PROJECTS, 3))
    summary = (
        f"{person.summary} Over {int(years)} years I have moved between hands-on work and leading teams, "
        "and I am at my best where product, engineering and customers meet. "
        f"Selected projects. {extras} Certifications: {', '.join(rng.sample(CERTS, 2))}. "
        "Languages: English (fluent), German (professional), Spanish (conversational)."
    )
    skills = person.skills + rng.sample(
        ["Stakeholder management", "OKRs", "Terraform", "dbt", "Figma", "Kafka", "GraphQL", "Looker"], 4
    )
    return replace(person, jobs=jobs, summary=summary, skills=skills, years=years)


def main() -> int:
    rng = random.Random(2026)
    OUT.mkdir(parents=True, exist_ok=True)
    expected = {}
    layouts = list(TEMPLATES.items())
    for i, person in enumerate(make_people(COUNT, seed=2026)):
        person = lengthen(person, rng)
        name, render = layouts[i % len(layouts)]
        out = OUT / f"{i:02d}_{name}.pdf"
        print_pdf(render(person, rng), out)
        expected[out.name] = {
            "name": person.name,
            "email": person.email,
            "phone": person.phone_e164,
            "location": person.location,
            "current_title": person.jobs[0].title,
            "current_company": person.jobs[0].company,
        }
        print(out.name, out.stat().st_size // 1024, "KB")
    (HERE / "expected.json").write_text(
        json.dumps(expected, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
