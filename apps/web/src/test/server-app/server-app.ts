import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { createRestorePoint } from '../../../../server/src/db/restore-point.ts';
import { createInProcessApp, type InProcessApp } from '../../../../server/src/in-process-app.ts';
import { createCookieJar } from '../../mocks/server-in-browser/cookie-jar.ts';
import { TEST_ORIGIN } from './demo-people.ts';

let started: Promise<{ app: InProcessApp; restore: () => Promise<void> }> | undefined;

/** The browser's cookie jar for this test file: `signInAs` fills it, signing out empties it. */
export const jar = createCookieJar();

/** This file's copy of the server's app, from the snapshot the global setup saved; started once. */
export function serverApp(): Promise<{ app: InProcessApp; restore: () => Promise<void> }> {
  started ??= (async () => {
    const { snapshotPath } = inject('serverApp');
    const snapshot = new Blob([await readFile(snapshotPath)]);
    const app = await createInProcessApp({ origin: TEST_ORIGIN, snapshot });
    return { app, restore: await createRestorePoint(app.db) };
  })();
  return started;
}

/** Back to the snapshot's rows, if a test ran the app at all. */
export async function resetServerApp(): Promise<void> {
  jar.clear();
  if (!started) return;
  const { restore } = await started;
  await restore();
}

export async function closeServerApp(): Promise<void> {
  if (!started) return;
  const { app } = await started;
  started = undefined;
  await app.close();
}
