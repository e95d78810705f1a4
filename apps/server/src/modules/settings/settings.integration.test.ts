import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema, OrgSettingsResponseSchema, defaultOrgSettings } from '@roster/contracts';
import { createOrg } from '../../../test/factories.ts';
import { nextEvent, ready, startTestServer, type TestServer } from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const code = async (response: Response) => ErrorBodySchema.parse(await response.json()).error.code;

describe('organization settings', () => {
  it('shows admins the defaults and applies a change to the very next request, audited and pushed live', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' });
    const [ada, grace, linus] = await Promise.all(['ada', 'grace', 'linus'].map((k) => t.signIn(org.people[k]!.email)));
    const url = `/api/orgs/${org.id}/settings`;
    const initial = OrgSettingsResponseSchema.parse(await (await ada!.get(url)).json());
    expect(initial).toEqual({ settings: defaultOrgSettings, version: 1 });
    expect((await linus!.get(`/api/orgs/${org.id}/members`)).status).toBe(403);

    const socket = grace!.socket();
    const memberSocket = linus!.socket();
    await ready(socket, org.id);
    await ready(memberSocket, org.id).catch(() => {});
    const pushed = nextEvent(socket, 'settings.updated');
    const toMember = nextEvent(memberSocket, 'settings.changed');
    const response = await ada!.patch(url, { membersCanViewDirectory: true, inviteTtlHours: null, version: 1 });
    expect(response.status).toBe(200);
    expect(OrgSettingsResponseSchema.parse(await response.json())).toMatchObject({
      version: 2,
      settings: { membersCanViewDirectory: true, inviteTtlHours: null },
    });
    expect((await pushed).data).toMatchObject({ version: 2, settings: { membersCanViewDirectory: true } });
    expect(await toMember).toMatchObject({
      orgId: org.id,
      seq: null,
      data: { settings: { membersCanViewDirectory: true } },
    });
    expect((await linus!.get(`/api/orgs/${org.id}/members`)).status).toBe(200);
    const audit = await t.database.db.selectFrom('events').selectAll().where('org_id', '=', org.id).execute();
    expect(audit).toEqual([
      expect.objectContaining({
        seq: 1,
        type: 'settings.updated',
        before: { membersCanViewDirectory: false, inviteTtlHours: 168 },
        after: { membersCanViewDirectory: true, inviteTtlHours: null },
      }),
    ]);
  });

  it('changes only the settings a body names; the audit row and the answer say exactly that', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN' });
    const ada = await t.signIn(org.people.ada!.email);
    const url = `/api/orgs/${org.id}/settings`;
    // `invitePolicy` is sent at the value it already has: it is not a change.
    const response = await ada.patch(url, { memberCap: 40, invitePolicy: 'members_request', version: 1 });
    expect(response.status).toBe(200);
    expect(OrgSettingsResponseSchema.parse(await response.json())).toEqual({
      settings: { ...defaultOrgSettings, memberCap: 40 },
      version: 2,
      changedBy: { id: org.people.ada!.id, name: 'Ada Tester' },
    });
    const audit = await t.database.db
      .selectFrom('events')
      .select(['before', 'after'])
      .where('org_id', '=', org.id)
      .where('type', '=', 'settings.updated')
      .execute();
    expect(audit).toEqual([{ before: { memberCap: null }, after: { memberCap: 40 } }]);

    // Nothing to change: nothing written, no version spent, no audit row.
    const unchanged = await ada.patch(url, { memberCap: 40, version: 2 });
    expect(unchanged.status).toBe(200);
    expect(OrgSettingsResponseSchema.parse(await unchanged.json()).version).toBe(2);
    const rows = await t.database.db.selectFrom('events').select('seq').where('org_id', '=', org.id).execute();
    expect(rows).toHaveLength(1);
    expect(await code(await ada.patch(url, { memberCap: 40, version: 1 }))).toBe('VERSION_CONFLICT');
  });

  it('refuses stale versions, bad values, unknown settings and non-admins, changing nothing', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' });
    const [ada, linus] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.linus!.email)];
    const url = `/api/orgs/${org.id}/settings`;
    expect((await ada.patch(url, { allowSelfLeave: true, version: 1 })).status).toBe(200);
    const stale = await ada.patch(url, { protectCreator: false, version: 1 });
    expect(stale.status).toBe(409);
    expect(ErrorBodySchema.parse(await stale.json()).error).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { current: { version: 2 }, changedBy: { id: org.people.ada!.id, name: 'Ada Tester' } },
    });
    for (const body of [
      { inviteTtlHours: 0, version: 2 },
      { invitePolicy: 'everyone', version: 2 },
      { hackerMode: true, version: 2 },
      { memberCap: 5 },
    ]) {
      const response = await ada.patch(url, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(await code(response)).toBe('VALIDATION_FAILED');
    }
    expect(await code(await linus.get(url))).toBe('FORBIDDEN');
    expect(await code(await linus.patch(url, { allowSelfRoleChange: true, version: 2 }))).toBe('FORBIDDEN');
    const now = OrgSettingsResponseSchema.parse(await (await ada.get(url)).json());
    expect(now).toEqual({ settings: { ...defaultOrgSettings, allowSelfLeave: true }, version: 2 });
  });
});

describe('leaving an organization', () => {
  it('is refused unless the org allows it, and then never for the creator or the last admin', async () => {
    const org = await createOrg(
      t.database.db,
      { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' },
      { workspaces: ['Design'] },
    );
    const [ada, grace, linus] = await Promise.all(['ada', 'grace', 'linus'].map((k) => t.signIn(org.people[k]!.email)));
    const leave = (client: typeof ada) => client!.post(`/api/orgs/${org.id}/leave`, {});
    expect(await code(await leave(linus))).toBe('FORBIDDEN');
    await ada!.patch(`/api/orgs/${org.id}/settings`, { allowSelfLeave: true, version: 1 });
    expect(await code(await leave(ada))).toBe('CREATOR_PROTECTED');
    expect((await leave(linus)).status).toBe(204);
    expect((await leave(grace)).status).toBe(204);
    await ada!.patch(`/api/orgs/${org.id}/settings`, { protectCreator: false, version: 2 });
    expect(await code(await leave(ada))).toBe('LAST_ADMIN_PROTECTED');
    const left = await t.database.db.selectFrom('org_members').select('user_id').where('org_id', '=', org.id).execute();
    expect(left.map((r) => r.user_id)).toEqual([org.people.ada!.id]);
    const events = await t.database.db
      .selectFrom('events')
      .select(['type', 'target_id'])
      .where('org_id', '=', org.id)
      .where('seq', 'is not', null)
      .orderBy('seq')
      .execute();
    expect(events.filter((e) => e.type === 'member.left').map((e) => e.target_id)).toEqual([
      org.people.linus!.id,
      org.people.grace!.id,
    ]);
  });
});
