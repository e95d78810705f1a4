import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ErrorBodySchema,
  OrgSettingsResponseSchema,
  SettingsConflictDetailsSchema,
  defaultOrgSettings,
  type OrgSettings,
} from '@roster/contracts';
import { createOrg } from '../../../test/factories.ts';
import { startTestServer, type ApiClient, type TestServer } from '../../../test/test-server.ts';

// Two admins save at once from the same version: the org lock serializes them, the later one is
// told VERSION_CONFLICT with the settings as they are now, and lays its own fields onto them.
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

/**
 * What the settings page does: send only the changed fields; on a conflict that touched none of
 * them, send them again at the current version (once). Returns each answer's status in order.
 */
async function save(client: ApiClient, url: string, changes: Partial<OrgSettings>, base: OrgSettings) {
  const first = await client.patch(url, { ...changes, version: 1 });
  if (first.status !== 409) return [first.status];
  const details = SettingsConflictDetailsSchema.parse(ErrorBodySchema.parse(await first.json()).error.details);
  const keys = Object.keys(changes) as (keyof OrgSettings)[];
  if (keys.some((key) => details.current.settings[key] !== base[key])) return [409];
  const again = await client.patch(url, { ...changes, version: details.current.version });
  return [409, again.status];
}

describe('settings races', () => {
  it('two admins changing different settings at once both land, each audited with its own field', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN' });
    const [ada, grace] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.grace!.email)];
    const url = `/api/orgs/${org.id}/settings`;
    const outcomes = await Promise.all([
      save(ada, url, { memberCap: 25 }, defaultOrgSettings),
      save(grace, url, { invitePolicy: 'admins_only' }, defaultOrgSettings),
    ]);
    // One saved at once; the other was refused once, then saved on top.
    expect(outcomes.map((o) => o.join(',')).sort()).toEqual(['200', '409,200']);
    const now = OrgSettingsResponseSchema.parse(await (await ada.get(url)).json());
    expect(now).toEqual({
      settings: { ...defaultOrgSettings, memberCap: 25, invitePolicy: 'admins_only' },
      version: 3,
    });
    const audit = await t.database.db
      .selectFrom('events')
      .select(['actor_id', 'before', 'after'])
      .where('org_id', '=', org.id)
      .where('type', '=', 'settings.updated')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit).toEqual(
      expect.arrayContaining([
        { actor_id: org.people.ada!.id, before: { memberCap: null }, after: { memberCap: 25 } },
        {
          actor_id: org.people.grace!.id,
          before: { invitePolicy: 'members_request' },
          after: { invitePolicy: 'admins_only' },
        },
      ]),
    );
  });

  it('two admins changing the same setting at once: one lands, the other learns whose value it is', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN' });
    const [ada, grace] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.grace!.email)];
    const url = `/api/orgs/${org.id}/settings`;
    const responses = await Promise.all([
      ada.patch(url, { memberCap: 25, version: 1 }),
      grace.patch(url, { memberCap: 30, version: 1 }),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const [adaWon, refused] = responses[0].status === 200 ? [true, responses[1]] : [false, responses[0]];
    const winner = adaWon ? org.people.ada! : org.people.grace!;
    const details = SettingsConflictDetailsSchema.parse(ErrorBodySchema.parse(await refused.json()).error.details);
    expect(details.changedBy).toEqual({ id: winner.id, name: winner.name });
    expect(details.current).toMatchObject({ version: 2, settings: { memberCap: adaWon ? 25 : 30 } });
    const rows = await t.database.db.selectFrom('events').select('seq').where('org_id', '=', org.id).execute();
    expect(rows).toHaveLength(1);
  });
});
