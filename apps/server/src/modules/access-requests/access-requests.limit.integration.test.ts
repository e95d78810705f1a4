import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_REQUEST_MESSAGE_MAX, ErrorBodySchema } from '@roster/contracts';
import { createOrg, grantWorkspace } from '../../../test/factories.ts';
import { startTestServer, type TestServer } from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const error = async (response: Response) => ErrorBodySchema.parse(await response.json()).error;
/** Everything a request writes: its event rows and its mails. */
const written = async (orgId: string) => {
  const events = await t.database.db
    .selectFrom('events')
    .select('id')
    .where('org_id', '=', orgId)
    .where('type', '=', 'access.requested')
    .execute();
  const mails = await t.database.db.selectFrom('outbox').select('id').where('kind', '=', 'access-request').execute();
  return { events: events.length, mails: mails.length };
};

describe('access request limits', () => {
  it('answers a second request for the same page within the hour 429 with Retry-After, and writes nothing', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' });
    const linus = await t.signIn(org.people.linus!.email);
    const url = `/api/orgs/${org.id}/access-requests`;
    expect((await linus.post(url, { page: 'members' })).status).toBe(200);
    const before = await written(org.id);

    const again = await linus.post(url, { page: 'members', message: 'Please?' });
    expect(again.status).toBe(429);
    expect((await error(again)).code).toBe('RATE_LIMITED');
    const retryAfter = Number(again.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await written(org.id)).toEqual(before);

    // Another page is another question.
    expect((await linus.post(url, { page: 'settings' })).status).toBe(200);
  });

  it('holds across server processes sharing the database', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' });
    const second = await startTestServer({ database: t.database });
    try {
      const here = await t.signIn(org.people.linus!.email);
      const there = await second.signIn(org.people.linus!.email);
      const url = `/api/orgs/${org.id}/access-requests`;
      const statuses = await Promise.all([here.post(url, { page: 'members' }), there.post(url, { page: 'members' })]);
      expect(statuses.map((r) => r.status).sort()).toEqual([200, 429]);
      expect((await written(org.id)).events).toBe(1);
    } finally {
      await second.close();
    }
  });

  it('refuses a note over the limit with VALIDATION_FAILED, and does not count it', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' });
    const linus = await t.signIn(org.people.linus!.email);
    const url = `/api/orgs/${org.id}/access-requests`;
    const tooLong = await linus.post(url, { page: 'members', message: 'x'.repeat(ACCESS_REQUEST_MESSAGE_MAX + 1) });
    expect(tooLong.status).toBe(422);
    expect((await error(tooLong)).code).toBe('VALIDATION_FAILED');
    const noWorkspace = await linus.post(url, { page: 'workspace' });
    expect((await error(noWorkspace)).code).toBe('VALIDATION_FAILED');
    expect(await written(org.id)).toEqual({ events: 0, mails: expect.any(Number) });
    // Padding is trimmed before the limit applies, and the refused attempts did not use up the hour.
    const padded = `  ${'x'.repeat(ACCESS_REQUEST_MESSAGE_MAX)}  `;
    expect((await linus.post(url, { page: 'members', message: padded })).status).toBe(200);
  });

  it('tells admins and a workspace’s members they already have access, and gives the turn back', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' }, { workspaces: ['Design'] });
    const [ada, linus] = await Promise.all([t.signIn(org.people.ada!.email), t.signIn(org.people.linus!.email)]);
    const url = `/api/orgs/${org.id}/access-requests`;
    const admin = await ada.post(url, { page: 'settings' });
    expect(admin.status).toBe(409);
    expect((await error(admin)).code).toBe('ALREADY_HAS_ACCESS');
    expect((await ada.post(url, { page: 'settings' })).status).toBe(409);

    await grantWorkspace(t.database.db, org.id, org.workspaces.Design!, org.people.linus!.id, 'MEMBER');
    const member = await linus.post(url, { page: 'workspace', workspaceId: org.workspaces.Design });
    expect(member.status).toBe(409);
    expect((await error(member)).code).toBe('ALREADY_HAS_ACCESS');
    expect((await written(org.id)).events).toBe(0);
  });
});
