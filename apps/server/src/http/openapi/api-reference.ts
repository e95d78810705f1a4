import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { AppEnv } from '../context.ts';
import { errorBody } from '../error-handler.ts';

const JS = 'text/javascript; charset=utf-8';
/** The viewer's files we serve from the installed package, with their types (a Map: `constructor` is no file). */
const VIEWER_FILES = new Map([
  ['swagger-ui-bundle.js', JS],
  ['swagger-ui.css', 'text/css; charset=utf-8'],
]);
/** Every file URL carries the viewer's version: a new viewer comes with new URLs. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Starts the viewer on our document. A file, not an inline script: the CSP runs only our own
 * files. No validator badge (it would call a third-party service).
 */
const START = `SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#reference',
  deepLinking: true,
  validatorUrl: null,
  withCredentials: true,
});
`;

const page = (version: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Roster API reference</title>
    <link rel="stylesheet" href="/api/docs/swagger-ui.css?v=${version}" />
  </head>
  <body>
    <div id="reference"></div>
    <script src="/api/docs/swagger-ui-bundle.js?v=${version}"></script>
    <script src="/api/docs/start.js?v=${version}"></script>
  </body>
</html>
`;

/**
 * `/api/docs`: the OpenAPI document as a browsable reference. The viewer (swagger-ui-dist, ADR
 * 30) is served from the installed package, never from a CDN, so the CSP stays `'self'` and an
 * offline machine shows it too. Node only: mock mode in the tab has no package files to read.
 */
export function apiReferenceRoutes() {
  const manifest = createRequire(import.meta.url).resolve('swagger-ui-dist/package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  const root = dirname(manifest);
  const html = page(version);
  return new Hono<AppEnv>()
    .get('/', (c) => c.html(html, 200, { 'cache-control': 'no-cache' }))
    .get('/:file', compress(), async (c) => {
      const file = c.req.param('file');
      if (file === 'start.js') return c.body(START, 200, { 'content-type': JS, 'cache-control': IMMUTABLE });
      const type = VIEWER_FILES.get(file);
      if (!type) return c.json(errorBody('NOT_FOUND', 'No such file'), 404);
      return c.body(await readFile(join(root, file)), 200, { 'content-type': type, 'cache-control': IMMUTABLE });
    });
}
