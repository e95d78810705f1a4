import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '@roster/contracts';
import { startTestServer, type TestServer } from '../../test/test-server.ts';
import { createTestDatabase } from '../../test/test-database.ts';
import type { DatabaseHandle } from '../db/connect.ts';

/** A built SPA as `vite build` lays it out: an entry, a chunk and its source map. */
function builtSpa(): string {
  const root = mkdtempSync(join(tmpdir(), 'roster-web-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/index-abc.js"></script></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log("app");\n//# sourceMappingURL=index-abc.js.map');
  writeFileSync(join(root, 'assets', 'index-abc.js.map'), '{"version":3,"sources":["../src/secret-rules.ts"]}');
  writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return root;
}

let database: DatabaseHandle;
let t: TestServer;
beforeAll(async () => {
  database = await createTestDatabase();
  t = await startTestServer({ database, webRoot: builtSpa() });
});
afterAll(async () => {
  await t.close();
  await database.close();
});

const get = (path: string) => t.server.app.request(path);

function csp(response: Response): Map<string, string> {
  const header = response.headers.get('content-security-policy') ?? '';
  return new Map(
    header
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(' ')[0]!, d.slice(d.indexOf(' ') + 1)] as [string, string]),
  );
}

describe('security headers', () => {
  it('are on every response: the SPA, its files, the API, refusals and misses', async () => {
    for (const path of [
      '/',
      '/members/deep/link',
      '/assets/index-abc.js',
      '/favicon.svg',
      '/api/health',
      '/api/nope',
    ]) {
      const response = await get(path);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      const policy = csp(response);
      expect(policy.get('frame-ancestors'), path).toBe("'none'");
      expect(policy.get('script-src'), path).toBe("'self'");
      expect(policy.get('object-src'), path).toBe("'none'");
      expect(policy.get('base-uri'), path).toBe("'none'");
      // The live socket may connect to its own origin over ws(s), nowhere else.
      expect(policy.get('connect-src'), path).toContain("'self'");
      expect(policy.get('connect-src'), path).toContain(t.server.url.replace(/^http/, 'ws'));
      expect(policy.get('connect-src'), path).not.toMatch(/\*(\s|$)/);
      // Plain http: no HSTS (a newcomer on localhost must never be pinned to https).
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('let the built SPA run: no inline script in the page it serves', async () => {
    const html = await (await get('/')).text();
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src="\/assets\//);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('include HSTS when the app is served over https', async () => {
    const secure = await startTestServer({ database, publicUrl: 'https://roster.example' });
    try {
      const response = await secure.server.app.request('/api/health');
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
      expect(csp(response).get('connect-src')).toBe("'self' wss://roster.example");
    } finally {
      await secure.close();
    }
  });
});

describe('what is not there', () => {
  it('does not serve source maps', async () => {
    const response = await get('/assets/index-abc.js.map');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('secret-rules');
  });

  it('answers a missing asset with 404, not the SPA', async () => {
    const response = await get('/assets/index-gone.js');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('<div id="root">');
  });

  it('answers an unknown API path with the JSON error envelope, not the SPA', async () => {
    for (const path of ['/api/nope', '/api/orgs', '/api/me/nope/deeper', '/api']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(ErrorBodySchema.parse(await response.json()).error.code, path).toBe('NOT_FOUND');
    }
  });

  it('still serves the SPA for client routes', async () => {
    const response = await get('/orgs/x/members');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
  });
});
