import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createInProcessApp } from '../../../../server/src/in-process-app.ts';
import { createCookieJar } from '../../mocks/server-in-browser/cookie-jar.ts';
import { demoSignIns, TEST_ORIGIN, type DemoPerson } from './demo-people.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated, seeded data folder (`dumpDataDir`), and each demo person's session cookie. */
    serverApp: { snapshotPath: string; cookies: Record<DemoPerson, string> };
  }
}

/**
 * Migrating and seeding takes seconds; doing it once for the whole run and handing every test
 * file the saved data folder brings a file's own server down to a fraction of that. The demo
 * people sign in here too, so their sessions are in the snapshot and a test signs in for free.
 */
export default async function setup(project: TestProject) {
  const started = await createInProcessApp({ origin: TEST_ORIGIN });
  const cookies = {} as Record<DemoPerson, string>;
  for (const [person, email] of Object.entries(demoSignIns) as [DemoPerson, string][]) {
    const jar = createCookieJar();
    const response = await started.app.fetch(
      new Request(`${TEST_ORIGIN}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: TEST_ORIGIN },
        body: JSON.stringify({ email, password: 'roster-demo' }),
      }),
    );
    if (!response.ok) throw new Error(`${email} could not sign in: ${response.status} ${await response.text()}`);
    jar.store(response);
    cookies[person] = jar.header();
  }
  const dump = await started.pglite.dumpDataDir('none');
  const folder = await mkdtemp(join(tmpdir(), 'roster-web-tests-'));
  const snapshotPath = join(folder, 'data.tar');
  await writeFile(snapshotPath, Buffer.from(await dump.arrayBuffer()));
  await started.close();
  project.provide('serverApp', { snapshotPath, cookies });
  return () => rm(folder, { recursive: true, force: true });
}
