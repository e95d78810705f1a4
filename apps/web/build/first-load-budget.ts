import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Manifest, Plugin } from 'vite';

/**
 * A page's first load: the manifest keys of the modules that start it (the entry, the chunks it
 * always imports, the page's lazy routes). Those chunks and every chunk they import statically
 * are what the browser must fetch before the page can render.
 */
export type FirstLoad = { page: string; roots: string[]; budgetKb: number };

const KB = 1024;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/** The chunk files of a page's first load, each once. */
export function firstLoadFiles(manifest: Manifest, roots: string[]): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    // A root that is no longer a chunk of its own (merged, renamed) would quietly shrink the sum.
    if (!chunk) throw new Error(`first-load budget: "${key}" is not a chunk in the build manifest`);
    files.push(chunk.file);
    chunk.imports?.forEach(visit);
  };
  roots.forEach(visit);
  return files;
}

/**
 * The bytes the server sends for a file in an encoding: its precompressed sibling (precompress.ts
 * writes one whenever that is smaller), else the file itself.
 */
function sentSize(path: string, extension: '.br' | '.gz'): number {
  return statSync(existsSync(path + extension) ? path + extension : path).size;
}

type Sizes = { name: string; raw: number; br: number; gz: number };

const add = (name: string, rows: Sizes[]): Sizes =>
  rows.reduce((sum, r) => ({ name, raw: sum.raw + r.raw, br: sum.br + r.br, gz: sum.gz + r.gz }), {
    name,
    raw: 0,
    br: 0,
    gz: 0,
  });

/** The largest chunks by name, the rest summed in one row, and the total. */
function table(rows: Sizes[], largest = 8): string[] {
  const sorted = [...rows].sort((a, b) => b.gz - a.gz);
  const rest = sorted.slice(largest);
  const shown = [
    ...sorted.slice(0, largest),
    ...(rest.length > 0 ? [add(`${rest.length} smaller chunks`, rest)] : []),
    add('total', rows),
  ];
  const short = (name: string) => (name.length > 52 ? `${name.slice(0, 39)}…${name.slice(-12)}` : name);
  const width = Math.max(...shown.map((row) => short(row.name).length));
  const line = (a: string, b: string, c: string, d: string) =>
    `  ${a.padEnd(width)}  ${b.padStart(9)}  ${c.padStart(9)}  ${d.padStart(9)}`;
  return [
    line('chunk', 'raw', 'brotli', 'gzip'),
    ...shown.map((r) => line(short(r.name), kb(r.raw), kb(r.br), kb(r.gz))),
  ];
}

/**
 * After the bundle is written and precompressed: prints each page's first-load JavaScript (raw,
 * brotli, gzip: the bytes the server sends) and fails the build when a page's gzip total is over
 * its budget. Gzip, because every client accepts it: current browsers get the smaller brotli
 * copies, and the budget still holds for a client or proxy that takes gzip alone.
 */
export function firstLoadBudget(pages: FirstLoad[]): Plugin {
  let outDir = '';
  let manifestFile = '';
  let report = true;
  return {
    name: 'roster:first-load-budget',
    apply: 'build',
    configResolved(config) {
      // The budget weighs what a deployment sends; a mock-mode build is a development tool.
      report = config.env.VITE_MOCKS !== '1';
      outDir = resolve(config.root, config.build.outDir);
      const { manifest } = config.build;
      if (!manifest) throw new Error('first-load budget: needs build.manifest');
      manifestFile = typeof manifest === 'string' ? manifest : '.vite/manifest.json';
    },
    writeBundle() {
      if (!report) return;
      const manifest = JSON.parse(readFileSync(join(outDir, manifestFile), 'utf8')) as Manifest;
      const over: string[] = [];
      for (const { page, roots, budgetKb } of pages) {
        const rows = firstLoadFiles(manifest, roots)
          .filter((file) => file.endsWith('.js'))
          .map((file) => {
            const path = join(outDir, file);
            return {
              name: file.replace(/^assets\//, ''),
              raw: statSync(path).size,
              br: sentSize(path, '.br'),
              gz: sentSize(path, '.gz'),
            };
          });
        const { gz } = add('total', rows);
        const within = gz <= budgetKb * KB;
        console.log(
          [
            `\nFirst load of the ${page} page: ${rows.length} JS chunks, ${kb(gz)} gzip, ${within ? 'within' : 'OVER'} its ${budgetKb} KB budget`,
            ...table(rows),
          ].join('\n'),
        );
        if (!within) over.push(`${page} page: ${kb(gz)} gzip > ${budgetKb} KB`);
      }
      if (over.length > 0) throw new Error(`first-load JavaScript over budget: ${over.join('; ')}`);
    },
  };
}
