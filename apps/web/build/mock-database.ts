import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const VIRTUAL = 'virtual:roster-mock-database';
const RESOLVED = `\0${VIRTUAL}`;
const DEV_PATH = '/@roster/mock-database.tar.gz';
const serverDir = fileURLToPath(new URL('../../server', import.meta.url));

/**
 * Mock mode's database starts from a data folder made here, once per build or dev server: an
 * empty database with every migration applied (the server's own script). Loading it skips
 * PostgreSQL's initdb, which is most of an embedded database's start (ADR 18). The demo seed
 * still runs in the tab, so its dates are today's. Only mock mode's entry imports the module.
 */
export function mockDatabase(): Plugin {
  let snapshot: Buffer | undefined;
  let command: 'build' | 'serve' = 'build';
  const make = () => {
    if (snapshot) return snapshot;
    const file = join(mkdtempSync(join(tmpdir(), 'roster-mock-db-')), 'database.tar.gz');
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/database-snapshot.ts', file], {
      cwd: serverDir,
      stdio: 'inherit',
    });
    snapshot = readFileSync(file);
    return snapshot;
  };
  return {
    name: 'roster:mock-database',
    configResolved(config) {
      command = config.command;
    },
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      if (command === 'serve') return `export default ${JSON.stringify(DEV_PATH)};`;
      const ref = this.emitFile({ type: 'asset', name: 'mock-database.tar.gz', source: make() });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
    configureServer(server) {
      server.middlewares.use(DEV_PATH, (_request, response) => {
        response.setHeader('content-type', 'application/gzip');
        response.end(make());
      });
    },
  };
}
