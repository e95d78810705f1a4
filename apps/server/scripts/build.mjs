// Compiles the server into one ES module, dist/main.mjs, that `pnpm start` runs with plain Node
// (and the audit export's worker thread into another beside it): the TypeScript loader costs
// about 80 MiB of memory and some start time, and only development needs it. Packages stay
// external (loaded from node_modules as they are); the workspace's own contracts are compiled in,
// since they ship as TypeScript.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { dependencies } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = Object.keys(dependencies)
  .filter((name) => !name.startsWith('@roster/'))
  .flatMap((name) => [name, `${name}/*`]);

// The audit export's encoder runs in a worker thread, from its own module beside the server's.
await build({
  entryPoints: {
    main: new URL('../src/main.ts', import.meta.url).pathname,
    'audit-export-worker': new URL('../src/modules/audit/export-worker/encoder-worker.ts', import.meta.url).pathname,
  },
  outdir: new URL('../dist', import.meta.url).pathname,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  sourcemap: 'linked',
  logLevel: 'warning',
});
