import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema, OrgAdminsResponseSchema, type OrgRole } from '@roster/contracts';
import { createOrg, createUser } from '../../../test/factories.ts';
import { nextEvent, ready, startTestServer, type TestServer } from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const code = async (response: Response) => ErrorBodySchema.parse(await response.json()).error.code;
const mailTo = async (email: string) => {
  await t.server.mail.worker.drain();
  return t.database.db.selectFrom('dev_mailbox').select(['subject', 'text']).where('to', '=', email).execute();
};
const accessEvents = (orgId: string) =>
  t.database.db
    .selectFrom('events')
    .select(['seq', 'actor_id', 'data'])
    .where('org_id', '=', orgId)
    .where('type', '=', 'access.requested')
    .execute();

describe('GET /api/orgs/:orgId/admins', () => {
  it('names the admins, sorted by name and without addresses, to anyone in the org', async () => {
    const org = await createOrg(t.database.db, { grace: 'ADMIN', ada: 'ADMIN', linus: 'MEMBER', ext: 'EXTERNAL' });
    for (const who of ['linus', 'ext', 'ada'] as const) {
      const response = await (await t.signIn(org.people[who]!.email)).get(`/api/orgs/${org.id}/admins`);
      expect(response.status, who).toBe(200);
      const raw = await response.text();
      expect(raw).not.toContain('@');
      expect(OrgAdminsResponseSchema.parse(JSON.parse(raw))).toEqual({
        admins: [
          { userId: org.people.ada!.id, name: 'Ada Tester' },
          { userId: org.people.grace!.id, name: 'Grace Tester' },
        ],
        total: 2,
      });
    }
  });

  it('names at most 20 and counts the rest', async () => {
    const roles: Record<string, OrgRole> = { linus: 'MEMBER' };
    for (let i = 0; i < 22; i += 1) roles[`admin${String(i).padStart(2, '0')}`] = 'ADMIN';
    const org = await createOrg(t.database.db, roles);
    const linus = await t.signIn(org.people.linus!.email);
    const body = OrgAdminsResponseSchema.parse(await (await linus.get(`/api/orgs/${org.id}/admins`)).json());
    expect(body.total).toBe(22);
    expect(body.admins.map((a) => a.name)).toEqual(
      Array.from({ length: 20 }, (_, i) => `Admin${String(i).padStart(2, '0')} Tester`),
    );
  });

  it('refuses people outside the org as the other org routes do', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN' });
    const stranger = await t.signIn((await createUser(t.database.db, 'Eve Outsider')).email);
    const response = await stranger.get(`/api/orgs/${org.id}/admins`);
    expect(response.status).toBe(403);
    expect(await code(response)).toBe('FORBIDDEN');
    expect((await stranger.get(`/api/orgs/${org.id}/members`)).status).toBe(403);
    expect((await t.server.app.request(`/api/orgs/${org.id}/admins`)).status).toBe(401);
  });
});

describe('POST /api/orgs/:orgId/access-requests', () => {
  it('mails every admin and tells their open tabs, with the requester and the note', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' });
    const [ada, linus] = await Promise.all([t.signIn(org.people.ada!.email), t.signIn(org.people.linus!.email)]);
    const socket = ada.socket();
    await ready(socket, org.id);
    const live = nextEvent(socket, 'access.requested');

    const response = await linus.post(`/api/orgs/${org.id}/access-requests`, {
      page: 'settings',
      message: '  I run the on-call rota.  ',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ adminsNotified: 2 });

    const event = await live;
    const requester = { id: org.people.linus!.id, name: 'Linus Tester', email: org.people.linus!.email };
    expect(event).toMatchObject({
      orgId: org.id,
      seq: expect.any(Number),
      actor: { id: requester.id, name: requester.name },
      data: { requester, page: 'settings', workspace: null, message: 'I run the on-call rota.' },
    });
    expect(await accessEvents(org.id)).toEqual([expect.objectContaining({ seq: event.seq, actor_id: requester.id })]);
    for (const admin of [org.people.ada!, org.people.grace!]) {
      const mails = await mailTo(admin.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toBe(`Linus Tester asks for access to the settings of ${await orgNameOf(org.id)}`);
      expect(mails[0]!.text).toContain(requester.email);
      expect(mails[0]!.text).toContain('I run the on-call rota.');
    }
    expect(await mailTo(org.people.linus!.email)).toHaveLength(0);
  });

  it('names the workspace asked for, and refuses one of another org', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' }, { workspaces: ['Design'] });
    const other = await createOrg(t.database.db, { grace: 'ADMIN' }, { workspaces: ['Secret'] });
    const linus = await t.signIn(org.people.linus!.email);
    const url = `/api/orgs/${org.id}/access-requests`;
    const foreign = await linus.post(url, { page: 'workspace', workspaceId: other.workspaces.Secret });
    expect(foreign.status).toBe(404);
    expect(await code(foreign)).toBe('NOT_FOUND');

    const response = await linus.post(url, { page: 'workspace', workspaceId: org.workspaces.Design });
    expect(response.status).toBe(200);
    const [row] = await accessEvents(org.id);
    expect(row!.data).toMatchObject({ page: 'workspace', workspace: { id: org.workspaces.Design, name: 'Design' } });
    expect((await mailTo(org.people.ada!.email))[0]!.subject).toContain('the workspace Design');
  });

  it('refuses people outside the org and writes nothing', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN' });
    const stranger = await t.signIn((await createUser(t.database.db, 'Eve Outsider')).email);
    const response = await stranger.post(`/api/orgs/${org.id}/access-requests`, { page: 'members' });
    expect(response.status).toBe(403);
    expect(await code(response)).toBe('FORBIDDEN');
    expect(await accessEvents(org.id)).toEqual([]);
    expect(await mailTo(org.people.ada!.email)).toHaveLength(0);
  });
});

async function orgNameOf(orgId: string) {
  const row = await t.database.db
    .selectFrom('organizations')
    .select('name')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return row.name;
}
