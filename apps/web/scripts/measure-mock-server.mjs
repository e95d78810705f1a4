/* global window, location */
// Measures mock mode on the server's own app (ADR 18): serves a VITE_MOCKS=1
// build like the server does (hashed assets immutable, gzip when precompressed), then in Chromium
// times page load → first answer, cold (empty cache) and warm (reload, same profile).
// Usage: node scripts/measure-mock-server.mjs <distDir> [chromiumPath]
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { chromium } from '@playwright/test';

const dist = process.argv[2];
const TYPES = {
  '.js': 'text/javascript',
  '.html': 'text/html',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.data': 'application/octet-stream',
  '.svg': 'image/svg+xml',
};
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  let file = join(dist, path);
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html');
  const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
  headers['cache-control'] = /\/assets\//.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
  if ((req.headers['accept-encoding'] ?? '').includes('gzip') && existsSync(`${file}.gz`)) {
    headers['content-encoding'] = 'gzip';
    file = `${file}.gz`;
  }
  res.writeHead(200, headers).end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://localhost:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.argv[3] ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
let page;
const errors = [];
async function openContext() {
  // PERSISTENT=1: a profile on disk, as a developer's browser has (its HTTP cache keeps the wasm).
  const context = process.env.PERSISTENT
    ? await chromium.launchPersistentContext(await mkdtemp(join(tmpdir(), 'roster-mock-')), {
        executablePath: process.argv[3] ?? '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      })
    : await browser.newContext();
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && !m.text().includes('status of 401') && errors.push(m.text()));
  return context;
}

async function run(label, navigate) {
  await navigate();
  await page.waitForFunction(() => window.__rosterMockServer, null, {
    timeout: Number(process.env.WAIT_MS ?? 120_000),
  });
  const result = await page.evaluate(async () => {
    const { timings, readyAt } = window.__rosterMockServer;
    const json = async (path, init) => {
      const r = await fetch(path, init);
      return { status: r.status, body: await r.json().catch(() => null) };
    };
    const health = await json('/api/health');
    const firstAnswerAt = performance.now();
    await fetch('/api/auth/sign-out', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const signIn = await json('/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@acme.test', password: 'roster-demo' }),
    });
    const signedInAt = performance.now();
    const me = await json('/api/me');
    const orgId = me.body?.organizations?.[0]?.id;
    const membersStart = performance.now();
    const members = await json(`/api/orgs/${orgId}/members`);
    const membersMs = performance.now() - membersStart;
    return {
      timings,
      readyAtMs: Math.round(readyAt),
      firstAnswerAtMs: Math.round(firstAnswerAt),
      signInMs: Math.round(signedInAt - firstAnswerAt),
      membersMs: Math.round(membersMs),
      health,
      signIn: { status: signIn.status, user: signIn.body?.user?.email },
      me: { status: me.status, orgs: me.body?.organizations?.map((o) => o.name) },
      members: {
        status: members.status,
        count: members.body?.items?.length ?? members.body?.members?.length,
        keys: Object.keys(members.body ?? {}),
        first: (members.body?.items ?? members.body?.members)?.[0],
      },
    };
  });
  const bytes = await page.evaluate(() =>
    performance.getEntriesByType('resource').reduce((n, r) => n + r.transferSize, 0),
  );
  const { timings, health, signIn, me, members } = result;
  console.log(
    `${label.padEnd(6)} pglite ${timings.pglite} ms, migrate ${timings.migrate} ms, seed ${timings.seed} ms;`,
    `worker ready at ${result.readyAtMs} ms, first answer (health ${health.status}) at ${result.firstAnswerAtMs} ms;`,
    `sign-in ${signIn.status} ${signIn.user} in ${result.signInMs} ms; me ${me.status} ${me.orgs};`,
    `members ${members.status} ${members.count} rows in ${result.membersMs} ms; transferred ${(bytes / 1024).toFixed(0)} KB`,
  );
  if (process.env.VERBOSE) console.log(JSON.stringify(result, null, 1));
}

for (let i = 0; i < Number(process.env.ROUNDS ?? 3); i++) {
  const context = await openContext();
  await run('cold', () => page.goto(origin));
  await run('warm', () => page.reload());
  await run('warm', () => page.reload());
  if (process.env.SCREENSHOT && i === 0) await signInThroughTheUi();
  await context.close();
}

/** The real SPA on the server in the tab: sign in like a person, land on the members table. */
async function signInThroughTheUi() {
  await page.evaluate(() => sessionStorage.clear());
  await page.goto(`${origin}/sign-in`);
  await page.waitForFunction(() => window.__rosterMockServer, null, { timeout: 120_000 });
  await page.getByLabel('Email').fill('ada@acme.test');
  await page.getByLabel('Password', { exact: true }).fill('roster-demo');
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.getByRole('table').or(page.getByRole('grid')).first().waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: process.env.SCREENSHOT });
  console.log('ui: signed in through the form, at', page.url());
  // A change made outside the app's own hooks reaches its table only through the live event.
  const outcome = await page.evaluate(async () => {
    const orgId = location.pathname.split('/')[2];
    const list = await (await fetch(`/api/orgs/${orgId}/members`)).json();
    const alan = list.items.find((m) => m.email === 'alan.1@acme.test');
    const patch = (version) =>
      fetch(`/api/orgs/${orgId}/members/${alan.userId}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'ADMIN', version }),
      });
    const changed = await patch(alan.version);
    const stale = await patch(alan.version);
    const events = await (await fetch(`/api/orgs/${orgId}/events?since=0`)).json();
    return {
      changed: changed.status,
      stale: `${stale.status} ${(await stale.json()).error?.code}`,
      lastEvent: events.events?.at(-1)?.type,
      headSeq: events.headSeq,
    };
  });
  console.log('mutation:', JSON.stringify(outcome));
  await page
    .getByRole('row', { name: /Alan Ritchie/ })
    .getByText('Admin')
    .waitFor({ timeout: 10_000 })
    .then(() => console.log('live: the table shows Alan Ritchie as Admin without a refetch'))
    .catch(() => console.log('live: the table did NOT update'));
  await page.screenshot({ path: process.env.SCREENSHOT.replace('.png', '-after-change.png') });
}
console.log('errors:', errors.slice(0, 10));
await browser.close();
server.close();
