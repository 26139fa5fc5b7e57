#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Generate the blind résumé corpus into ./files and ./expected.json.
Run with the milobot venv python (needs reportlab + python-docx) and /usr/bin/chromium."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from people import PEOPLE  # noqa: E402
import html_render  # noqa: E402
import rl_render  # noqa: E402
import docx_render  # noqa: E402

FILES = os.path.join(HERE, "files")
HTML = os.path.join(HERE, "html_src")
CHROME = ["/usr/bin/chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--no-pdf-header-footer"]


def chrome_pdf(html_path, pdf_path):
    ud = tempfile.mkdtemp(prefix="b5chrome-")
    try:
        subprocess.run(CHROME + [f"--user-data-dir={ud}", f"--print-to-pdf={pdf_path}", "file://" + html_path],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    finally:
        shutil.rmtree(ud, ignore_errors=True)
    if not os.path.exists(pdf_path) or os.path.getsize(pdf_path) < 1000:
        raise RuntimeError(f"chromium failed for {html_path}")


def main():
    for d in (FILES, HTML):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    expected, chrome_jobs = {}, []
    for p in PEOPLE:
        ext = "docx" if p["fmt"] == "docx" else "pdf"
        fn = f"{p['id']}.{ext}"
        out = os.path.join(FILES, fn)
        if p["fmt"] == "html":
            hp = os.path.join(HTML, p["id"] + ".html")
            with open(hp, "w", encoding="utf-8") as fh:
                fh.write(html_render.render(p))
            chrome_jobs.append((hp, out))
        elif p["fmt"] == "rl":
            rl_render.render(p, out)
        else:
            docx_render.render(p, out)
        cur = p["jobs"][0]
        assert cur["end"] is None
        name = p["name_exp"].upper() if p["layout"] == "docx_header" else p["name_exp"]  # template upper-cases
        expected[fn] = dict(name=name, email=p["email"], phone=p["e164"], current_title=cur["title"],
                            current_company=cur["company"], location=p["loc_exp"])
    with ThreadPoolExecutor(4) as ex:
        list(ex.map(lambda a: chrome_pdf(*a), chrome_jobs))
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as fh:
        json.dump(expected, fh, ensure_ascii=False, indent=1, sort_keys=True)
    print(f"wrote {len(expected)} files")


if __name__ == "__main__":
    main()
