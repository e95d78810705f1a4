import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Mock mode's service worker lives in public/ for the dev server. A production build has no code
 * that registers it, so it leaves the file out too: a deployment serves no fake API at all. A
 * build made for mock mode (VITE_MOCKS=1) keeps it.
 */
export function withoutMockWorker(): Plugin {
  let workerFile = '';
  let keep = false;
  return {
    name: 'roster:without-mock-worker',
    apply: 'build',
    configResolved(config) {
      workerFile = resolve(config.root, config.build.outDir, 'mockServiceWorker.js');
      keep = config.env.VITE_MOCKS === '1';
    },
    writeBundle() {
      if (!keep) rmSync(workerFile, { force: true });
    },
  };
}
