#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Generate the blind résumé corpus into ./files and ./expected.json.
Run with the project venv:  .venv/bin/python tests/data/ingest_blind4/generate.py"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import data  # noqa: E402
import gen_html, gen_rl, gen_docx  # noqa: E402

FILES = os.path.join(HERE, "files")
CHROMIUM = "/usr/bin/chromium"
FIELDS = ("name", "email", "phone", "current_title", "current_company", "location")


def chromium_pdf(html, out):
    with tempfile.TemporaryDirectory() as td:
        src = os.path.join(td, "cv.html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(html)
        prof = os.path.join(td, "profile")
        os.mkdir(prof)
        cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={prof}", "--no-pdf-header-footer", f"--print-to-pdf={out}", "file://" + src]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    if not os.path.exists(out) or os.path.getsize(out) < 1000:
        raise RuntimeError("chromium failed for " + out)


def main():
    os.makedirs(FILES, exist_ok=True)
    for f in os.listdir(FILES):
        os.remove(os.path.join(FILES, f))
    expected, manifest = {}, {}
    for p in data.P:
        out = os.path.join(FILES, p["file"])
        if p["fmt"] == "html":
            chromium_pdf(gen_html.LAYOUTS[p["layout"]](p), out)
        elif p["fmt"] == "rl":
            gen_rl.LAYOUTS[p["layout"]](p, out)
        elif p["fmt"] == "docx":
            gen_docx.LAYOUTS[p["layout"]](p, out)
        else:
            raise ValueError(p["fmt"])
        expected[p["file"]] = {"name": p["name"], "email": p["email"], "phone": p["phone"],
                               "current_title": p["title"], "current_company": p["company"], "location": p["loc"]}
        manifest[p["file"]] = {"layout": p["layout"], "renderer": {"html": "chromium", "rl": "reportlab", "docx": "python-docx"}[p["fmt"]], "lang": p["lang"]}
        print(f"{p['file']:45s} {p['layout']:16s} {os.path.getsize(out):>8d} B")
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=2)
    with open(os.path.join(HERE, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=2)


if __name__ == "__main__":
    main()
