import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { App } from '../app.ts';

/** Serves the built SPA; any other non-API path gets index.html so client routes deep-link. */
export function serveWeb(app: App, webRoot: string) {
  const root = relative(process.cwd(), webRoot) || '.';
  const indexHtml = readFileSync(join(webRoot, 'index.html'), 'utf8');
  app.use(
    '/assets/*',
    serveStatic({ root, onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable') }),
  );
  app.use('*', serveStatic({ root }));
  app.get('*', (c) => c.html(indexHtml));
}
