import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Db } from '../src/db/connect.ts';
import { DEMO_PASSWORD } from '../src/db/seed-demo.ts';
import { currentDatabaseUrl, startServerProcess } from './server-process.ts';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const webDir = join(serverDir, '..', 'web');
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * From navigating to the members page (signed in, warm server) to its first row on screen, in
 * Chromium at 1280×800: what a person waits for. The server runs as `pnpm start` runs it, with
 * the demo org, and serves the built SPA (built here first when it is missing).
 */
export async function measureWebFirstRow(db: Db, kind: 'pglite' | 'postgres', runs: number): Promise<number[]> {
  if (!existsSync(join(webDir, 'dist', 'index.html'))) buildWeb();
  const dataDir = kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'roster-bench-web-')) : undefined;
  const server = await startServerProcess({
    dataDir,
    databaseUrl: dataDir ? undefined : await currentDatabaseUrl(db),
  });
  const base = server.url;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('Email').fill('ada@acme.test');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(/\/o\/[^/]+\/members/);
    const membersUrl = page.url();
    const firstRow = page.getByRole('combobox', { name: /^Role for / }).first();
    await firstRow.waitFor();
    const samples: number[] = [];
    // The first visits warm the server and the browser's cache, as a person's second visit finds them.
    for (let i = 0; i < runs + 2; i++) {
      await page.goto('about:blank');
      const started = performance.now();
      await page.goto(membersUrl, { waitUntil: 'commit' });
      await firstRow.waitFor();
      if (i >= 2) samples.push(performance.now() - started);
    }
    return samples;
  } catch (error) {
    server.reportOutput();
    throw error;
  } finally {
    await browser.close();
    await server.stop();
  }
}

function buildWeb() {
  process.stderr.write('… building the web app (apps/web/dist is missing)\n');
  const build = spawnSync('npx', ['vite', 'build'], { cwd: webDir, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('vite build failed');
}
