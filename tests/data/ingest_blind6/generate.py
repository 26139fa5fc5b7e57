#!/usr/bin/env python3
"""Generate the blind résumé corpus: files/, expected.json, meta.json."""
import json, os, shutil, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from people import P
import html_layouts, rl_layouts, docx_layouts

FILES = os.path.join(HERE, 'files')
HTMLDIR = os.path.join(HERE, 'html')
CHROMIUM = ['/usr/bin/chromium', '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-pdf-header-footer']

def chromium_pdf(html_path, pdf_path):
    ud = tempfile.mkdtemp(prefix='chr')
    try:
        subprocess.run(CHROMIUM + [f'--user-data-dir={ud}', f'--print-to-pdf={pdf_path}', 'file://' + html_path],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    finally:
        shutil.rmtree(ud, ignore_errors=True)

def main(only=None):
    os.makedirs(FILES, exist_ok=True); os.makedirs(HTMLDIR, exist_ok=True)
    expected, meta, jobs = {}, {}, []
    for p in P:
        if only and p['id'] not in only:
            continue
        out = os.path.join(FILES, p['f'])
        lay = p['layout']
        if lay in html_layouts.LAYOUTS:
            hp = os.path.join(HTMLDIR, p['id'] + '.html')
            with open(hp, 'w', encoding='utf-8') as fh:
                fh.write(html_layouts.LAYOUTS[lay](p))
            jobs.append((hp, out)); tool = 'chromium'
        elif lay in rl_layouts.LAYOUTS:
            rl_layouts.LAYOUTS[lay](p, out); tool = 'reportlab'
        else:
            docx_layouts.LAYOUTS[lay](p, out); tool = 'python-docx'
        j0 = p['jobs'][0]
        expected[p['f']] = dict(name=p['name'], email=p['email'], phone=p['phone'], current_title=j0['t'],
                                current_company=j0['c'], location=p['location'])
        meta[p['f']] = dict(id=p['id'], language=p['lang'], country=p['cc'], layout=lay, tool=tool)
    with ThreadPoolExecutor(4) as ex:
        list(ex.map(lambda a: chromium_pdf(*a), jobs))
    if not only:
        with open(os.path.join(HERE, 'expected.json'), 'w', encoding='utf-8') as fh:
            json.dump(expected, fh, indent=2, ensure_ascii=False)
        with open(os.path.join(HERE, 'meta.json'), 'w', encoding='utf-8') as fh:
            json.dump(meta, fh, indent=2, ensure_ascii=False)
    print(f'generated {len(expected)} files')

if __name__ == '__main__':
    main(set(sys.argv[1:]) or None)
