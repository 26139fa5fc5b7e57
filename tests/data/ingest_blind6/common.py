import html, os, base64, io
from labels import L, B, SK
from people import NONEN_SKILLS

HERE = os.path.dirname(os.path.abspath(__file__))
ASSETS = os.path.join(HERE, 'assets')

def esc(s):
    return html.escape(s or '')

def labels(p):
    return L[p['lang']]

def bullets(p, i):
    b = p['jobs'][i]['b']
    if isinstance(b, list):
        return b
    pool = B[b]
    n = 3 if i == 0 else 2
    start = (i * 2) % len(pool)
    return [pool[(start + k) % len(pool)] for k in range(n)]

def skills(p):
    if p['lang'] != 'en':
        return NONEN_SKILLS[p['lang']]
    return SK[p['dom']]

def where_line(j):
    s = j['w'] or ''
    if j.get('tel'):
        s += f" · Tel. {j['tel']}"
    return s

def photo_png():
    path = os.path.join(ASSETS, 'photo.jpg')
    if not os.path.exists(path):
        from PIL import Image, ImageDraw
        os.makedirs(ASSETS, exist_ok=True)
        im = Image.new('RGB', (240, 300), (214, 222, 230))
        d = ImageDraw.Draw(im)
        d.ellipse((70, 45, 170, 160), fill=(160, 120, 100))
        d.ellipse((25, 170, 215, 380), fill=(60, 80, 110))
        d.ellipse((78, 30, 162, 95), fill=(70, 50, 40))
        im.save(path, quality=70)
    return path

def photo_data_uri():
    with open(photo_png(), 'rb') as fh:
        return 'data:image/jpeg;base64,' + base64.b64encode(fh.read()).decode()

def page_size(p):
    return p['x'].get('page', 'A4')

def loc_or_addr(p):
    return p['addr'] or p['loc_p']
