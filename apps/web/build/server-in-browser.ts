import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const shims = (name: string) => fileURLToPath(new URL(`../src/mocks/server-in-browser/shims/${name}`, import.meta.url));

/**
 * What the server imports that only Node has, swapped for the tab's versions (ADR 0018). The
 * swaps apply to whatever imports them, but only mock mode's server-in-browser entry does: a
 * production build never reaches these modules.
 */
const REPLACED: Record<string, string> = {
  'node:crypto': shims('node-crypto.ts'),
  'node:async_hooks': shims('async-hooks.ts'),
  'node:net': shims('node-net.ts'),
  'node:dns/promises': shims('node-dns.ts'),
  'node:module': shims('node-module.ts'),
  '@hono/node-server/conninfo': shims('conninfo.ts'),
  nodemailer: shims('nodemailer.ts'),
};
const SHIMS = shims('');
// A shim's bare import the web cannot resolve (the limiter) resolves as the server's would, so the
// dev server pre-bundles it like any dependency.
const SERVER_IMPORTER = fileURLToPath(new URL('../../server/src/auth/shared-limiter.ts', import.meta.url));

export function serverInBrowser(): Plugin {
  return {
    name: 'roster:server-in-browser',
    enforce: 'pre',
    // PGlite fetches its wasm next to its module, so the dev server leaves it as is.
    config: () => ({ optimizeDeps: { exclude: ['@electric-sql/pglite'] } }),
    async resolveId(id, importer) {
      if (REPLACED[id]) return REPLACED[id];
      if (!importer?.startsWith(SHIMS) || id.startsWith('.') || id.startsWith('/')) return null;
      return (
        (await this.resolve(id, importer, { skipSelf: true })) ?? this.resolve(id, SERVER_IMPORTER, { skipSelf: true })
      );
    },
  };
}
