import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { createOrg } from '../../test/factories.ts';
import { ready, startTestServer, type TestServer } from '../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

async function adminSocket() {
  const org = await createOrg(t.database.db, { ada: 'ADMIN' });
  const ada = await t.signIn(org.people.ada!.email);
  const socket = ada.socket();
  await ready(socket, org.id);
  return { org, ada, socket };
}

const disconnected = (socket: Socket) =>
  new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

describe('a socket that sends too much', () => {
  it('is told RATE_LIMITED past its burst, and served again once it slows down', async () => {
    const { org, socket } = await adminSocket();
    const answers = await Promise.all(
      Array.from({ length: 60 }, () => socket.timeout(5_000).emitWithAck('roster:sync', { orgId: org.id, since: 0 })),
    );
    const limited = answers.filter((a: { error?: { code: string } }) => a.error?.code === 'RATE_LIMITED');
    expect(limited.length).toBeGreaterThanOrEqual(20);
    expect(answers.filter((a: { headSeq?: number }) => a.headSeq === 0).length).toBeGreaterThanOrEqual(25);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await socket.emitWithAck('roster:sync', { orgId: org.id, since: 0 })).toMatchObject({ headSeq: 0 });
  });

  it('is closed when it keeps flooding', async () => {
    const { org, socket } = await adminSocket();
    const gone = disconnected(socket);
    for (let i = 0; i < 400; i++) socket.emit('roster:sync', { orgId: org.id, since: 0 });
    expect(await gone).toBe('io server disconnect');
  });

  it('is closed when one message is larger than any the protocol needs', async () => {
    const { org, socket } = await adminSocket();
    const gone = disconnected(socket);
    socket.emit('roster:sync', { orgId: org.id, since: 0, padding: 'x'.repeat(100_000) });
    expect(await gone).toMatch(/transport (close|error)/);
  });
});
