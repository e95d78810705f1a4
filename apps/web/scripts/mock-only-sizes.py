# Sizes of what only mock mode on the server's app loads: everything reachable from the
# server-in-browser entry that the app itself (src/main.tsx without mocks) never reaches.
# Usage: python3 scripts/mock-only-sizes.py <distDir>
import gzip, json, os, sys
dist = sys.argv[1]
m = json.load(open(os.path.join(dist, '.vite/manifest.json')))
def reach(roots, skip=()):
    seen, stack = set(), list(roots)
    while stack:
        k = stack.pop()
        if k in seen or k not in m or k in skip: continue
        seen.add(k)
        stack += m[k].get('imports', []) + m[k].get('dynamicImports', [])
    return seen
start = next(k for k in m if k.endswith('server-in-browser/start.ts'))
legacy = next((k for k in m if k.endswith('src/mocks/browser.ts')), None)
app = reach(['src/app/mount.tsx'], skip={'index.html'}) | {'index.html'}
mock = reach([start], skip={'index.html'}) - app
files = set()
for k in mock:
    files.add(m[k]['file']); files.update(m[k].get('assets', []))
rows = []
for f in sorted(files):
    raw = open(os.path.join(dist, f), 'rb').read()
    rows.append((f, len(raw), len(gzip.compress(raw, 9))))
rows.sort(key=lambda r: -r[1])
for f, r, g in rows: print(f'{f:70} {r/1024:10.1f} KB raw {g/1024:10.1f} KB gzip')
tr = sum(r for _, r, _ in rows); tg = sum(g for _, _, g in rows)
js = [(r, g) for f, r, g in rows if f.endswith('.js')]
print(f'total {len(rows)} files: {tr/1024/1024:.2f} MB raw, {tg/1024/1024:.2f} MB gzip;',
      f'JS only {sum(r for r,_ in js)/1024:.0f} KB raw, {sum(g for _,g in js)/1024:.0f} KB gzip')
