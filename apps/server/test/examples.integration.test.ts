import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, grantWorkspace, type TestOrg } from './factories.ts';
import { startTestServer, type TestServer } from './test-server.ts';

/** The scripts of `examples/`, run as a reader would run them, against a real server. */
const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));
const run = promisify(execFile);

let t: TestServer;
let org: TestOrg;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  t = await startTestServer();
  org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' }, { workspaces: ['Design'] });
  await grantWorkspace(t.database.db, org.id, org.workspaces.Design!, org.people.linus!.id, 'MEMBER');
  const ada = await t.signIn(org.people.ada!.email);
  const created = await ada.post(`/api/orgs/${org.id}/api-keys`, {
    name: 'Examples',
    scopes: ['members:read', 'invitations:write'],
  });
  expect(created.status).toBe(201);
  const { key } = (await created.json()) as { key: string };
  env = { ...process.env, ROSTER_URL: t.server.url, ROSTER_API_KEY: key, ROSTER_ORG_ID: org.id };
});
afterAll(async () => {
  await t?.close();
});

const example = (script: string, ...args: string[]) => run(process.execPath, [examples + script, ...args], { env });

describe('the examples', () => {
  it('list-members prints every member with their role and workspaces', async () => {
    const { stdout, stderr } = await example('list-members.mjs');
    expect(stdout).toContain(`${org.people.linus!.email}\tMEMBER\tDesign:MEMBER`);
    expect(stdout).toContain(`${org.people.ada!.email}\tADMIN`);
    expect(stderr).toContain('2 members');
  });

  it('invite invites each address and says what happened to it', async () => {
    const { stdout } = await example('invite.mjs', 'new.hire@example.com', org.people.linus!.email);
    expect(stdout).toContain('new.hire@example.com\tinvited');
    expect(stdout).toContain(`${org.people.linus!.email}\talready_member`);
  });

  it('check-access answers the org role and each workspace role', async () => {
    const { stdout } = await example('check-access.mjs', org.people.linus!.id);
    expect(stdout).toContain('org role\tMEMBER');
    expect(stdout).toMatch(/Design\tMEMBER\t/);
  });

  it('says what went wrong when the key may not do it, and exits 1', async () => {
    const refused = example('invite.mjs', 'boss@example.com', '--role', 'ADMIN');
    await expect(refused).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/^403 /) });
  });
});
