import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Context, Next } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { App } from '../app.ts';

/** A bundle file named by its content hash (`members-route-CaV0f9za.js`): it never changes. */
const HASHED_ASSET = /^\/assets\/[^/]+-[\w-]{8}\.[a-z0-9]+$/i;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built SPA; any other non-API path gets index.html so client routes deep-link.
 *
 * The build writes a brotli and a gzip copy beside each file, and the browser gets the best one
 * it accepts; responses vary on Accept-Encoding, so a cache never hands one encoding to a client
 * that asked for another. Hashed bundle files are cached for a year; everything else (index.html
 * above all) is revalidated, so a deploy is picked up on the next load.
 *
 * Not served: source maps (they would publish the whole source), the compressed copies by their
 * own names, and dot folders (the build's manifest). A file missing under /assets/ is a 404, not
 * the SPA (a stale chunk must fail loudly, not parse HTML as JS).
 */
export function serveWeb(app: App, webRoot: string) {
  if (!existsSync(join(webRoot, 'index.html'))) throw new Error(`No index.html in ${webRoot}: build the web app first`);
  const root = relative(process.cwd(), webRoot) || '.';
  const notFound = <C extends Context>(c: C) => c.text('Not found', 404);
  const file = serveStatic({ root, precompressed: true });
  app.use('*', async (c, next) => (isPrivate(c.req.path) ? notFound(c) : next()));
  app.use('*', cachePolicy);
  app.use('/assets/*', file);
  app.all('/assets/*', notFound);
  app.use('*', file);
  app.get('*', serveStatic({ root, path: 'index.html', precompressed: true }));
}

function isPrivate(path: string): boolean {
  return /\.(map|br|gz)$/.test(path) || path.split('/').some((segment) => segment.startsWith('.'));
}

/** One policy for every file answered, the SPA fallback included, by the URL that was asked for. */
async function cachePolicy(c: Context, next: Next) {
  await next();
  if (!c.res.ok) return;
  c.header('Cache-Control', HASHED_ASSET.test(c.req.path) ? IMMUTABLE : 'no-cache');
  c.header('Vary', 'Accept-Encoding');
}
