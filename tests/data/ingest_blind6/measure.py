#!/usr/bin/env python3
"""Blind corpus measurement for milobot.ingest.extract.

    python measure.py              # run extract() over files/ and score against expected.json
    python measure.py --self-test  # score expected vs expected (must be 100%); does not import milobot
"""
import argparse, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
FIELDS = ['name', 'email', 'phone', 'current_title', 'current_company', 'location', 'city']

# symmetric country-name aliases (applied to each comma-separated location part, both sides)
COUNTRY_ALIASES = {
    'us': ['usa', 'u.s.a.', 'u.s.a', 'u.s.', 'us', 'united states', 'united states of america', 'america'],
    'uk': ['uk', 'u.k.', 'united kingdom', 'great britain', 'gb', 'britain', 'united kingdom of great britain and northern ireland'],
    'canada': ['canada', 'can'], 'australia': ['australia', 'aus'], 'india': ['india', 'bharat', 'ind'],
    'ireland': ['ireland', 'éire', 'eire', 'republic of ireland', 'irl'],
    'new zealand': ['new zealand', 'nz', 'aotearoa', 'aotearoa new zealand', 'nzl'],
    'singapore': ['singapore', 'republic of singapore', 'sgp'], 'nigeria': ['nigeria', 'nga'],
    'kenya': ['kenya', 'ken'], 'ghana': ['ghana', 'gha'], 'philippines': ['philippines', 'the philippines', 'phl'],
    'malaysia': ['malaysia', 'mys'], 'germany': ['germany', 'deutschland', 'deu', 'brd'],
    'france': ['france', 'fra'], 'spain': ['spain', 'españa', 'espana', 'esp'], 'italy': ['italy', 'italia', 'ita'],
    'netherlands': ['netherlands', 'the netherlands', 'nederland', 'holland', 'nld'], 'portugal': ['portugal', 'prt'],
    'norway': ['norway', 'norge', 'noreg', 'nor'], 'hungary': ['hungary', 'magyarország', 'magyarorszag', 'hun'],
}
ALIAS = {a: canon for canon, names in COUNTRY_ALIASES.items() for a in names}


def _ws(s):
    return re.sub(r'\s+', ' ', unicodedata.normalize('NFC', str(s))).strip().casefold()


def _nopunct(s):
    s = ''.join(' ' if unicodedata.category(ch).startswith(('P', 'S')) else ch for ch in unicodedata.normalize('NFC', str(s)))
    return _ws(s)


def norm_phone(s):
    s = str(s).strip()
    digits = re.sub(r'\D', '', s)
    return ('+' if s.startswith('+') else '') + digits


def _loc_parts(s):
    parts = []
    for part in _ws(s).split(','):
        part = part.strip().strip('.').strip()
        if not part:
            continue
        part = ALIAS.get(part, part)
        if not parts or parts[-1] != part:  # "Singapore, Singapore" == "Singapore"
            parts.append(part)
    return parts


def norm(field, v):
    if v is None:
        return None
    if isinstance(v, str) and not v.strip():
        return None
    if field in ('name', 'email'):
        return _ws(v)
    if field == 'phone':
        return norm_phone(v) or None
    if field in ('current_title', 'current_company'):
        return _nopunct(v) or None
    if field == 'location':
        return ', '.join(_loc_parts(v)) or None
    if field == 'city':
        p = _loc_parts(v)
        return p[0] if p else None
    raise KeyError(field)


def location_str(loc):
    """Profile.location may be a string or a structured object; render it as 'City, Region, Country'."""
    if loc is None or isinstance(loc, str):
        return loc
    if isinstance(loc, dict):
        get = loc.get
    else:
        get = lambda k: getattr(loc, k, None)
    parts = [get(k) for k in ('city', 'region', 'state', 'province', 'country')]
    parts = [str(p) for p in parts if p]
    if parts:
        return ', '.join(dict.fromkeys(parts))
    for k in ('raw', 'text', 'display', 'value'):
        if get(k):
            return str(get(k))
    return str(loc)


def profile_fields(prof):
    if prof is None:
        return {f: None for f in FIELDS}
    g = (lambda k: prof.get(k)) if isinstance(prof, dict) else (lambda k: getattr(prof, k, None))
    out = {f: g(f) for f in ('name', 'email', 'phone', 'current_title', 'current_company')}
    out['location'] = location_str(g('location'))
    out['city'] = out['location']
    for k, v in list(out.items()):
        if v is not None and not isinstance(v, str):
            out[k] = str(v)
    return out


def run_extract(path):
    # The checkout this file sits in, never another one.
    p = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..'))
    if p not in sys.path:
        sys.path.insert(0, p)
    from milobot.ingest import extract
    with open(path, 'rb') as fh:
        data = fh.read()
    results = extract(os.path.basename(path), data)
    outcomes, prof = [], None
    for r in results or []:
        outcomes.append(str(getattr(r, 'outcome', None)))
        profs = getattr(r, 'profiles', None) or []
        if prof is None and profs:
            prof = profs[0]
    return outcomes, prof


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--self-test', action='store_true', help='score expected vs expected (no extract call)')
    args = ap.parse_args()
    with open(os.path.join(HERE, 'expected.json'), encoding='utf-8') as fh:
        expected = json.load(fh)
    with open(os.path.join(HERE, 'meta.json'), encoding='utf-8') as fh:
        meta = json.load(fh)

    got, outcomes = {}, {}
    for fname, exp in expected.items():
        if args.self_test:
            e = dict(exp); e['city'] = e['location']
            got[fname] = e; outcomes[fname] = ['self-test']
            continue
        try:
            oc, prof = run_extract(os.path.join(HERE, 'files', fname))
            got[fname] = profile_fields(prof); outcomes[fname] = oc
        except Exception as ex:  # a crash counts as all-miss
            got[fname] = profile_fields(None); outcomes[fname] = [f'EXCEPTION {type(ex).__name__}: {ex}']

    subsets = {'ALL': list(expected),
               'English': [f for f in expected if meta[f]['language'] == 'en'],
               'Non-English': [f for f in expected if meta[f]['language'] != 'en']}
    hit = {}
    misses = []
    for fname, exp in expected.items():
        e = dict(exp); e['city'] = e['location']
        for f in FIELDS:
            ok = norm(f, e[f]) is not None and norm(f, e[f]) == norm(f, got[fname].get(f))
            hit[(fname, f)] = ok
            if not ok:
                misses.append((fname, f, e[f], got[fname].get(f)))

    mode = 'SELF-TEST (expected vs expected)' if args.self_test else 'milobot.ingest.extract'
    print(f'Blind corpus: {len(expected)} files — {mode}\n')
    for name, files in subsets.items():
        n = len(files)
        print(f'== {name} (n={n}) ==')
        print(f'{"field":<17}{"correct":>9}{"accuracy":>10}')
        tot = 0
        for f in FIELDS:
            c = sum(hit[(fn, f)] for fn in files)
            tot += c
            print(f'{f:<17}{c:>5}/{n:<3}{(100.0 * c / n if n else 0):>9.1f}%')
        allf = n * len(FIELDS)
        print(f'{"overall":<17}{tot:>5}/{allf:<3}{(100.0 * tot / allf if allf else 0):>7.1f}%\n')

    oc_counts = {}
    for v in outcomes.values():
        key = ','.join(v) if v else '(no results)'
        oc_counts[key] = oc_counts.get(key, 0) + 1
    print('outcomes:', ', '.join(f'{k}: {v}' for k, v in sorted(oc_counts.items())))
    print(f'\nMisses ({len(misses)}):')
    for fname, f, e, g in misses:
        m = meta[fname]
        print(f'  [{m["language"]}/{m["country"]}/{m["layout"]}] {fname} :: {f}: expected {e!r} got {g!r}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
