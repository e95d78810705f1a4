import { describe, expect, it } from 'vitest';
import type { ListAuditResponse } from '@roster/contracts';
import { TEST_ORIGIN } from '../../../test/server-app/demo-people.ts';
import { as, testDb, withServerApp } from '../../../test/server-app/index.ts';
import { serverApp } from '../../../test/server-app/server-app.ts';
import { consoleLogger } from '../../../../../server/src/in-process-app.ts';
import { createCookieJar } from '../cookie-jar.ts';
import { liveBridge } from '../live-bridge.ts';
import { seedLongHistory } from './long-history.ts';
import { createWorld } from './world.ts';

withServerApp();

/** The scenario's world on the test's copy of the server; nothing here plays live. */
async function seededWorld() {
  const { app } = await serverApp();
  const world = await createWorld(app, liveBridge({ jar: createCookieJar(), logger: consoleLogger }), TEST_ORIGIN);
  await seedLongHistory(world);
  return world;
}

async function alanRitchie(orgId: string) {
  return (await testDb())
    .selectFrom('org_members')
    .select(['user_id', 'role', 'version'])
    .where('org_id', '=', orgId)
    .where('email', '=', 'alan.1@acme.test')
    .executeTakeFirstOrThrow();
}

describe('the long-history scenario', () => {
  it('writes months of audit log in time order, each role change picking up where the last left off', async () => {
    const { orgId } = await seededWorld();
    const org = await (
      await testDb()
    )
      .selectFrom('organizations')
      .select('event_seq')
      .where('id', '=', orgId)
      .executeTakeFirstOrThrow();
    expect(org.event_seq).toBeGreaterThan(2_000);

    const alan = await alanRitchie(orgId);
    const history = await as('ada').get<ListAuditResponse>(`/api/orgs/${orgId}/audit?member=${alan.user_id}&limit=200`);
    expect(history.items.length).toBeGreaterThan(100);
    const times = history.items.map((entry) => Date.parse(entry.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(Date.now() - times.at(-1)!).toBeGreaterThan(90 * 86_400_000);

    // Newest first: each change starts from the role the one before it left, ending at today's.
    const roles = history.items
      .filter((entry) => entry.action === 'member.role_changed')
      .map((entry) => [(entry.before as { role: string }).role, (entry.after as { role: string }).role]);
    expect(roles[0]![1]).toBe(alan.role);
    for (let i = 1; i < roles.length; i++) expect(roles[i]![1]).toBe(roles[i - 1]![0]);
  });

  it('is continued by the next live change, which comes first', async () => {
    const { orgId } = await seededWorld();
    const alan = await alanRitchie(orgId);
    const before = await (
      await testDb()
    )
      .selectFrom('organizations')
      .select('event_seq')
      .where('id', '=', orgId)
      .executeTakeFirstOrThrow();
    await as('grace').patch(`/api/orgs/${orgId}/members/${alan.user_id}`, { role: 'ADMIN', version: alan.version });
    const newest = await as('ada').get<ListAuditResponse>(`/api/orgs/${orgId}/audit?member=${alan.user_id}&limit=1`);
    expect(newest.items[0]).toMatchObject({ action: 'member.role_changed', after: { role: 'ADMIN' } });
    expect(newest.items[0]!.seq).toBe(before.event_seq + 1);
  });
});
