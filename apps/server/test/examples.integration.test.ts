import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  t = await startTestServer({ webhooks: { allowPrivate: true, pollMs: 25 } });
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
let receiver: ChildProcess | undefined;
afterAll(async () => {
  receiver?.kill();
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

  it('invite-from-csv invites the rows of a CSV by their role, whatever its quoting and separators', async () => {
    const csv = join(tmpdir(), `roster-example-${process.pid}.csv`);
    await writeFile(
      csv,
      '\uFEFFRole;Email\n"member";"csv.one@example.com"\n;csv.two@example.com\nEXTERNAL;"csv.three@example.com"\n',
    );
    const { stdout } = await example('invite-from-csv.mjs', csv);
    expect(stdout).toContain('csv.one@example.com\tMEMBER\tinvited');
    expect(stdout).toContain('csv.two@example.com\tMEMBER\tinvited');
    expect(stdout).toContain('csv.three@example.com\tEXTERNAL\tinvited');
  });

  it('webhook-receiver prints the changes Roster signs, and refuses what it did not sign', async () => {
    const port = await freePort();
    const ada = await t.signIn(org.people.ada!.email);
    const created = await ada.post(`/api/orgs/${org.id}/webhooks`, {
      url: `http://127.0.0.1:${port}/roster`,
      events: ['invitation.created'],
    });
    expect(created.status).toBe(201);
    const { secret } = (await created.json()) as { secret: string };
    receiver = spawn(process.execPath, [examples + 'webhook-receiver.mjs'], {
      env: { ...process.env, WEBHOOK_SECRET: secret, PORT: String(port) },
    });
    const lines: string[] = [];
    receiver.stdout!.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n')));
    receiver.stderr!.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n')));
    await until(() => lines.some((line) => line.startsWith('listening on')));

    await example('invite.mjs', 'hooked@example.com');
    await until(() => lines.some((line) => /^invitation\.created\tseq \d+\tby Examples/.test(line)));

    const forged = await fetch(`http://127.0.0.1:${port}/roster`, {
      method: 'POST',
      headers: {
        'webhook-id': 'msg_forged',
        'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
        'webhook-signature': 'v1,AAAA',
      },
      body: JSON.stringify({ type: 'member.removed', data: {} }),
    });
    expect(forged.status).toBe(400);
    await until(() => lines.includes('refused: not signed by Roster'));
  });
});

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  return port;
}

async function until(condition: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting (${String(condition)})`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
