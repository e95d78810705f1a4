import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { DeleteAccountRefusalSchema, ErrorBodySchema } from '@roster/contracts';
import { PASSWORD, createOrg, grantWorkspace } from '../../../test/factories.ts';
import { nextEvent, ready, startTestServer, type TestServer } from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const error = async (response: Response) => ErrorBodySchema.parse(await response.json()).error;
const disconnection = (socket: Socket) => new Promise<string>((resolve) => socket.once('disconnect', resolve));
const userExists = async (id: string) =>
  (await t.database.db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

describe('POST /api/me/delete', () => {
  it('deletes the account: every membership goes the audited way, live, then the account, its sessions and sockets', async () => {
    const first = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' }, { workspaces: ['Design'] });
    const second = await createOrg(t.database.db, { grace: 'ADMIN' });
    const linusId = first.people.linus!.id;
    await grantWorkspace(t.database.db, first.id, first.workspaces.Design!, linusId, 'OWNER');
    await t.database.db
      .insertInto('org_members')
      .values({
        org_id: second.id,
        user_id: linusId,
        role: 'ADMIN',
        name: 'Linus Tester',
        email: first.people.linus!.email,
        joined_at: new Date(),
      })
      .execute();
    const [ada, linus, linusPhone] = await Promise.all([
      t.signIn(first.people.ada!.email),
      t.signIn(first.people.linus!.email),
      t.signIn(first.people.linus!.email),
    ]);
    const adaSocket = ada.socket();
    const linusSockets = [linus.socket(), linusPhone.socket()];
    await Promise.all([ready(adaSocket, first.id), ...linusSockets.map((s) => ready(s, second.id))]);
    const removed = nextEvent(adaSocket, 'member.removed');
    const closed = Promise.all(linusSockets.map(disconnection));

    const response = await linus.post('/api/me/delete', { password: PASSWORD });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ deleted: true });
    expect(response.headers.getSetCookie().join('\n')).toMatch(/roster\.session_token=;.*Max-Age=0/i);

    expect(await removed).toMatchObject({ orgId: first.id, data: { userId: linusId, name: 'Linus Tester' } });
    await closed;
    expect((await linusPhone.get('/api/me')).status).toBe(401);
    expect(await userExists(linusId)).toBe(false);
    const db = t.database.db;
    expect(await db.selectFrom('sessions').select('id').where('user_id', '=', linusId).execute()).toEqual([]);
    expect(await db.selectFrom('accounts').select('id').where('user_id', '=', linusId).execute()).toEqual([]);
    expect(await db.selectFrom('org_members').select('org_id').where('user_id', '=', linusId).execute()).toEqual([]);
    expect(await db.selectFrom('workspace_members').select('org_id').where('user_id', '=', linusId).execute()).toEqual(
      [],
    );
    for (const orgId of [first.id, second.id]) {
      const audit = await db
        .selectFrom('events')
        .select(['type', 'actor_id', 'target_id'])
        .where('org_id', '=', orgId)
        .where('seq', 'is not', null)
        .execute();
      expect(audit).toEqual([{ type: 'member.removed', actor_id: linusId, target_id: linusId }]);
    }
    // The history stays; the directory no longer shows them.
    const list = await (await ada.get(`/api/orgs/${first.id}/members`)).json();
    expect(list).toMatchObject({ total: 1, items: [{ userId: first.people.ada!.id }] });
  });

  it('refuses a wrong password, changing nothing', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' });
    const linus = await t.signIn(org.people.linus!.email);
    const response = await linus.post('/api/me/delete', { password: 'not the password' });
    expect(response.status).toBe(403);
    expect(await error(response)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/password/i) });
    expect(await userExists(org.people.linus!.id)).toBe(true);
    expect((await linus.get('/api/me')).status).toBe(200);
    for (const body of [{}, { password: '' }, { password: PASSWORD, force: true }]) {
      const invalid = await linus.post('/api/me/delete', body);
      expect(invalid.status, JSON.stringify(body)).toBe(422);
      expect((await error(invalid)).code).toBe('VALIDATION_FAILED');
    }
    expect((await t.server.app.request('/api/me/delete', { method: 'POST' })).status).toBe(401);
  });

  it('refuses while the person created an org or is its last admin, naming every such org', async () => {
    const created = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN' });
    const solo = await createOrg(t.database.db, { linus: 'ADMIN', ada: 'ADMIN' });
    await t.database.db
      .deleteFrom('org_members')
      .where('org_id', '=', solo.id)
      .where('user_id', '=', solo.people.ada!.id)
      .execute();
    // Ada's own org, and Grace is the last admin of one Ada's account is not needed in.
    const ada = await t.signIn(created.people.ada!.email);
    const creator = await ada.post('/api/me/delete', { password: PASSWORD });
    expect(creator.status).toBe(409);
    const body = await error(creator);
    expect(body.code).toBe('CREATOR_PROTECTED');
    expect(DeleteAccountRefusalSchema.parse(body.details)).toEqual({
      orgs: [{ id: created.id, name: expect.any(String), reason: 'creator' }],
    });

    const lonely = await createOrg(t.database.db, { carol: 'MEMBER', grace: 'ADMIN' });
    const grace = await t.signIn(lonely.people.grace!.email);
    const lastAdmin = await grace.post('/api/me/delete', { password: PASSWORD });
    expect(lastAdmin.status).toBe(409);
    expect(await error(lastAdmin)).toMatchObject({
      code: 'LAST_ADMIN_PROTECTED',
      details: { orgs: [{ id: lonely.id, reason: 'last_admin' }] },
    });
    for (const [person, orgId] of [
      [created.people.ada!.id, created.id],
      [lonely.people.grace!.id, lonely.id],
    ] as const) {
      expect(await userExists(person)).toBe(true);
      const row = await t.database.db
        .selectFrom('org_members')
        .select('role')
        .where('org_id', '=', orgId)
        .where('user_id', '=', person)
        .executeTakeFirst();
      expect(row?.role).toBe('ADMIN');
    }
    const events = await t.database.db
      .selectFrom('events')
      .select('type')
      .where('org_id', 'in', [created.id, lonely.id])
      .execute();
    expect(events).toEqual([]);
  });

  it('lets only one of the two admins of an org delete their account when both try at once', async () => {
    const org = await createOrg(t.database.db, { carol: 'MEMBER', ada: 'ADMIN', grace: 'ADMIN' });
    const [ada, grace] = await Promise.all([t.signIn(org.people.ada!.email), t.signIn(org.people.grace!.email)]);
    const responses = await Promise.all([
      ada.post('/api/me/delete', { password: PASSWORD }),
      grace.post('/api/me/delete', { password: PASSWORD }),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = responses.find((r) => r.status === 409)!;
    expect(await error(loser)).toMatchObject({
      code: 'LAST_ADMIN_PROTECTED',
      details: { orgs: [{ id: org.id, reason: 'last_admin' }] },
    });
    const admins = await t.database.db
      .selectFrom('org_members')
      .select('user_id')
      .where('org_id', '=', org.id)
      .where('role', '=', 'ADMIN')
      .execute();
    expect(admins).toHaveLength(1);
    const survivor = admins[0]!.user_id;
    expect(await userExists(survivor)).toBe(true);
    const gone = survivor === org.people.ada!.id ? org.people.grace!.id : org.people.ada!.id;
    expect(await userExists(gone)).toBe(false);
    // One committed change; the loser was refused before it changed anything (under the lock,
    // that refusal is audited as a denied attempt too).
    const audit = await t.database.db
      .selectFrom('events')
      .select(['type', 'target_id', 'seq'])
      .where('org_id', '=', org.id)
      .where('seq', 'is not', null)
      .execute();
    expect(audit).toEqual([{ type: 'member.removed', target_id: gone, seq: 1 }]);
  });
});
