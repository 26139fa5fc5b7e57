#!/usr/bin/env python3
"""Make the template corpus: made-up people (people.py) set in public résumé templates.

    cd tests/data/ingest_templates && ../../../.venv/bin/python generate.py [--only FAMILY]

Needs what CI never needs: node and the JSON Resume themes (`npm install` of jsonresume/package.json
into /tmp/milobot-jsonresume), Debian's chromium, and TeX Live (texlive-latex-extra,
texlive-fonts-extra, texlive-fonts-recommended). The PDFs, the DOCX files and expected.json are
committed; measure.py and the tests read only those.

expected.json holds, per file, the family and what the document shows: a field the template does
not print at all (neither as text nor as a link) is left out of that file's scoring.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import families_docx  # noqa: E402
import families_tex  # noqa: E402
import families_web  # noqa: E402
from people import make_people  # noqa: E402

PER_FAMILY = 8
# family: (maker, file extension, seen). Unseen families are generated with the others but measured
# only once, at the end, to report how the extractor does on templates it was not tuned on.
FAMILIES = {
    "jr-even": (families_web.render("even"), "pdf", True),
    "jr-elegant": (families_web.render("elegant"), "pdf", True),
    "jr-stackoverflow": (families_web.render("stackoverflow"), "pdf", True),
    "jr-kendall": (families_web.render("kendall"), "pdf", True),
    "jr-macchiato": (families_web.render("macchiato"), "pdf", True),
    "jr-flat": (families_web.render("flat"), "pdf", True),
    "jr-class": (families_web.render("class"), "pdf", True),
    "jr-paper": (families_web.render("paper"), "pdf", True),
    "jr-short": (families_web.render("short"), "pdf", True),
    "jr-onepage": (families_web.render("onepage"), "pdf", True),
    "tex-moderncv-classic": (families_tex.moderncv("classic"), "pdf", True),
    "tex-moderncv-banking": (families_tex.moderncv("banking"), "pdf", True),
    "tex-europasscv": (families_tex.europasscv, "pdf", True),
    "tex-jake": (families_tex.jake, "pdf", True),
    "docx-classic": (families_docx.docx_classic, "docx", True),
    "jr-caffeine": (families_web.render("caffeine"), "pdf", False),
    "jr-spartan": (families_web.render("spartan"), "pdf", False),
    "tex-curve": (families_tex.curve, "pdf", False),
    "tex-moderncv-casual": (families_tex.moderncv("casual"), "pdf", False),
    "docx-table": (families_docx.docx_table, "docx", False),
}


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


def shown(path: Path) -> tuple[str, list[str]]:
    """Everything the document shows, squashed (no white space), and its link targets."""
    data = path.read_bytes()
    if path.suffix == ".docx":
        from docx import Document

        doc = Document(io.BytesIO(data))
        parts = [p.text for p in doc.paragraphs]
        for t in doc.tables:
            for row in t.rows:
                for cell in row.cells:
                    parts += [p.text for p in cell.paragraphs]
        return squash(" ".join(parts)), []
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    text = " ".join(pg.extract_text(extraction_mode="layout") for pg in reader.pages)
    links = []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action and action.get("/URI"):
                links.append(str(action["/URI"]))
    return squash(text), links


def expected_for(p, path: Path) -> dict:
    text, links = shown(path)
    joined = squash(" ".join(links))
    exp = {"family": path.parent.name, "person": p.pid, "country": p.country, "language": p.language}
    exp["name"] = p.name
    if squash(p.email) in text or squash(p.email) in joined:
        exp["email"] = p.email
    digits = re.sub(r"\D", "", p.phone_display)
    if digits in re.sub(r"\D", "", text) or digits in re.sub(r"\D", "", joined):
        exp["phone"] = p.phone_e164
    # The home city, printed as an address or a contact line (with its region, postcode or country),
    # not a job's city.
    city = squash(p.city)
    if any(k in text for k in (f"{city},{squash(p.region)}", city + squash(p.region), squash(p.postcode) + city,
                               f"{city},{p.country.lower()}", city + p.country.lower())):
        exp["city"] = p.city
    for key, value in (("current_title", p.current.title), ("current_company", p.current.company)):
        if squash(value) in text:
            exp[key] = value
    exp["links"] = [u for u in p.links.values() if squash(u.split("//")[1].replace("www.", "")) in text + joined]
    return exp


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", action="append")
    parser.add_argument("--again", action="store_true", help="render files that exist too")
    args = parser.parse_args()
    people = make_people(PER_FAMILY * len(FAMILIES))
    _check_new(people)
    exp_file = HERE / "expected.json"
    expected = json.loads(exp_file.read_text(encoding="utf-8")) if exp_file.exists() else {}
    for k, (family, (make, ext, seen)) in enumerate(FAMILIES.items()):
        if args.only and family not in args.only:
            continue
        folder = HERE / "files" / family
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(PER_FAMILY):
            p = people[k * PER_FAMILY + i]
            path = folder / f"{p.pid}-{families_web_slug(p.name)}.{ext}"
            if args.again or not path.exists():
                make(p, path)
            expected[f"{family}/{path.name}"] = expected_for(p, path) | {"seen": seen}
            print(family, path.name, flush=True)
        exp_file.write_text(json.dumps(dict(sorted(expected.items())), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    exp_file.write_text(json.dumps(dict(sorted(expected.items())), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


def families_web_slug(name: str) -> str:
    from people import fold

    return re.sub(r"[^A-Za-z]+", "_", fold(name)).strip("_")


def _check_new(people) -> None:
    """No person or employer of this corpus appears in another corpus or in a test."""
    root = HERE.parents[2]
    corpus = []
    for path in [*root.glob("tests/**/*.py"), *root.glob("tests/data/*/expected.json"), *root.glob("bench/corpus/*.json")]:
        if "ingest_templates" not in str(path):
            corpus.append(path.read_text(encoding="utf-8", errors="replace"))
    blob = "\n".join(corpus)
    clashes = [p.name for p in people if p.name in blob] + [
        j.company for p in people for j in p.jobs if re.search(rf"\b{re.escape(j.company)}\b", blob)
    ]
    if clashes:
        raise SystemExit(f"names or employers already used elsewhere: {clashes}")


if __name__ == "__main__":
    sys.exit(main())
