import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/test-server.ts';

/**
 * A built and precompressed SPA as `vite build` lays it out. Each compressed copy decodes to a
 * text naming its own file, so a decoded body shows which of the three the server sent.
 */
function builtSpa(): string {
  const root = mkdtempSync(join(tmpdir(), 'roster-web-'));
  const write = (path: string, text: string, precompressed = true) => {
    writeFileSync(join(root, path), text);
    if (!precompressed) return;
    writeFileSync(join(root, `${path}.br`), brotliCompressSync(`${text} (br)`));
    writeFileSync(join(root, `${path}.gz`), gzipSync(`${text} (gz)`));
  };
  mkdirSync(join(root, 'assets'));
  mkdirSync(join(root, '.vite'));
  write('index.html', '<!doctype html><div id="root"></div>');
  write('assets/index-Ab12_cD3.js', 'console.log("app")');
  write('assets/index-Ab12_cD3.js.map', '{"version":3}', false);
  write('assets/members-route-Zy98-xW7.css', '.members{}');
  write('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
  write('.vite/manifest.json', '{}', false);
  return root;
}

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ webRoot: builtSpa() });
});
afterAll(() => t.close());

/** Over real HTTP; fetch decodes the body by its Content-Encoding, as a browser does. */
const get = (path: string, acceptEncoding: string) =>
  fetch(new URL(path, t.server.url), { headers: { 'accept-encoding': acceptEncoding } });

const BROWSER = 'gzip, deflate, br, zstd';
const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('compressed files', () => {
  it('sends the brotli copy to a browser that accepts it, typed as the original', async () => {
    const response = await get('/assets/index-Ab12_cD3.js', BROWSER);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(await response.text()).toBe('console.log("app") (br)');
  });

  it('sends the gzip copy when gzip is all the client accepts', async () => {
    const response = await get('/assets/members-route-Zy98-xW7.css', 'gzip, deflate');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(await response.text()).toBe('.members{} (gz)');
  });

  it('sends the file itself to a client that accepts neither, still varying on the header', async () => {
    for (const acceptEncoding of ['identity', 'deflate', '']) {
      const response = await get('/assets/index-Ab12_cD3.js', acceptEncoding);
      expect(response.headers.get('content-encoding'), acceptEncoding).toBeNull();
      expect(response.headers.get('vary'), acceptEncoding).toBe('Accept-Encoding');
      expect(await response.text(), acceptEncoding).toBe('console.log("app")');
    }
  });

  it('compresses the page itself, at the root and on a deep link', async () => {
    for (const path of ['/', '/orgs/x/members']) {
      const response = await get(path, BROWSER);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-encoding'), path).toBe('br');
      expect(response.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(response.headers.get('vary'), path).toBe('Accept-Encoding');
      expect(await response.text(), path).toBe('<!doctype html><div id="root"></div> (br)');
    }
  });
});

describe('caching', () => {
  it('keeps hashed bundle files for a year, in every encoding', async () => {
    for (const acceptEncoding of [BROWSER, 'gzip', 'identity']) {
      for (const path of ['/assets/index-Ab12_cD3.js', '/assets/members-route-Zy98-xW7.css']) {
        const response = await get(path, acceptEncoding);
        expect(response.headers.get('cache-control'), `${path} ${acceptEncoding}`).toBe(IMMUTABLE);
      }
    }
  });

  it('revalidates the page and unhashed files, so a deploy is picked up on the next load', async () => {
    for (const path of ['/', '/index.html', '/orgs/x/members', '/favicon.svg']) {
      for (const acceptEncoding of [BROWSER, 'identity']) {
        const response = await get(path, acceptEncoding);
        expect(response.status, path).toBe(200);
        expect(response.headers.get('cache-control'), `${path} ${acceptEncoding}`).toBe('no-cache');
      }
    }
  });

  it('caches no refusal: a missing asset is a plain 404', async () => {
    const response = await get('/assets/index-Gone1234.js', BROWSER);
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBeNull();
    expect(response.headers.get('content-encoding')).toBeNull();
  });
});

describe('what is not served', () => {
  it('refuses source maps, the compressed copies by name and the build manifest', async () => {
    for (const path of [
      '/assets/index-Ab12_cD3.js.map',
      '/assets/index-Ab12_cD3.js.br',
      '/assets/index-Ab12_cD3.js.gz',
      '/index.html.br',
      '/.vite/manifest.json',
    ]) {
      const response = await get(path, BROWSER);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toBe('Not found');
    }
  });
});
