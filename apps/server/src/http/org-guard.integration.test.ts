import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema, OrgSettingsResponseSchema } from '@roster/contracts';
import { jsonb } from '../db/json.ts';
import { createOrg } from '../../test/factories.ts';
import { startTestServer, type TestServer } from '../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const code = async (response: Response) => ErrorBodySchema.parse(await response.json()).error.code;
const setTwoFactor = (userId: string, on: boolean) =>
  t.database.db.updateTable('users').set({ two_factor_enabled: on }).where('id', '=', userId).execute();

describe('requireTwoFactor', () => {
  it('refuses every route of the org to its members without two-factor sign-in, read fresh on each request', async () => {
    const org = await createOrg(
      t.database.db,
      { ada: 'ADMIN', linus: 'MEMBER' },
      { settings: { requireTwoFactor: true } },
    );
    const other = await createOrg(t.database.db, { grace: 'ADMIN' });
    const [ada, linus, grace] = await Promise.all([
      t.signIn(org.people.ada!.email),
      t.signIn(org.people.linus!.email),
      t.signIn(other.people.grace!.email),
    ]);
    const routes = ['members', 'invitations', 'invite-requests', 'workspaces', 'settings', 'events?since=0'];
    for (const route of routes) {
      const response = await ada.get(`/api/orgs/${org.id}/${route}`);
      expect(response.status, route).toBe(403);
      expect(await code(response), route).toBe('TWO_FACTOR_REQUIRED');
    }
    const write = await ada.patch(`/api/orgs/${org.id}/settings`, { requireTwoFactor: false, version: 1 });
    expect(write.status).toBe(403);
    expect(await code(write)).toBe('TWO_FACTOR_REQUIRED');
    expect(await code(await linus.post(`/api/orgs/${org.id}/leave`, {}))).toBe('TWO_FACTOR_REQUIRED');

    // Turning two-factor on takes effect on the very next request (no cache, no new session).
    await setTwoFactor(org.people.ada!.id, true);
    expect((await ada.get(`/api/orgs/${org.id}/members`)).status).toBe(200);
    await setTwoFactor(org.people.ada!.id, false);
    expect(await code(await ada.get(`/api/orgs/${org.id}/members`))).toBe('TWO_FACTOR_REQUIRED');

    // Only that org: elsewhere, and for strangers, the usual answers.
    expect((await grace.get(`/api/orgs/${other.id}/members`)).status).toBe(200);
    expect(await code(await grace.get(`/api/orgs/${org.id}/members`))).toBe('FORBIDDEN');
    expect((await t.server.app.request(`/api/orgs/${org.id}/members`)).status).toBe(401);
    // The account routes stay open, so the person can set two-factor up.
    expect((await ada.get('/api/me')).status).toBe(200);

    // The org dropping the requirement lets them in at once as well.
    await t.database.db
      .updateTable('organizations')
      .set({ settings: jsonb({ requireTwoFactor: false }) })
      .where('id', '=', org.id)
      .execute();
    expect((await ada.get(`/api/orgs/${org.id}/members`)).status).toBe(200);
  });

  it('is turned on only by an admin who signs in with two-factor themselves, so nobody locks out the last way back', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' });
    const ada = await t.signIn(org.people.ada!.email);
    const url = `/api/orgs/${org.id}/settings`;
    const refused = await ada.patch(url, { requireTwoFactor: true, version: 1 });
    expect(refused.status).toBe(422);
    const body = ErrorBodySchema.parse(await refused.json()).error;
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/two-factor/i) });
    expect(OrgSettingsResponseSchema.parse(await (await ada.get(url)).json())).toMatchObject({
      version: 1,
      settings: { requireTwoFactor: false },
    });

    await setTwoFactor(org.people.ada!.id, true);
    const accepted = await ada.patch(url, { requireTwoFactor: true, version: 1 });
    expect(accepted.status).toBe(200);
    expect(OrgSettingsResponseSchema.parse(await accepted.json())).toMatchObject({
      version: 2,
      settings: { requireTwoFactor: true },
    });
    const row = await t.database.db
      .selectFrom('organizations')
      .select('settings')
      .where('id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(row.settings).toMatchObject({ requireTwoFactor: true });
    const linus = await t.signIn(org.people.linus!.email);
    expect(await code(await linus.get(`/api/orgs/${org.id}/workspaces`))).toBe('TWO_FACTOR_REQUIRED');
    // Other settings still change while it is on.
    expect((await ada.patch(url, { allowSelfLeave: true, version: 2 })).status).toBe(200);
  });
});
