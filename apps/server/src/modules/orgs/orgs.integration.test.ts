import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ErrorBodySchema,
  MeSchema,
  OrgBySlugResponseSchema,
  OrgDetailResponseSchema,
  OrgResponseSchema,
} from '@roster/contracts';
import { createOrg, createUser, type TestOrg } from '../../../test/factories.ts';
import { databaseSnapshot } from '../../../test/database-snapshot.ts';
import {
  apiClient,
  nextEvent,
  ready,
  recordEvents,
  startTestServer,
  type TestServer,
} from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const refusal = async (response: Response) => ({
  status: response.status,
  error: ErrorBodySchema.parse(await response.json()).error,
});
const orgOf = async (response: Response) => {
  expect(response.status).toBe(200);
  return OrgResponseSchema.parse(await response.json()).org;
};
const slugOf = async (o: TestOrg) =>
  (await t.database.db.selectFrom('organizations').select('slug').where('id', '=', o.id).executeTakeFirstOrThrow())
    .slug;
const unique = () => Math.random().toString(36).slice(2, 8);

/** Ada created it; Grace and Hal are admins too; Linus is a member. */
const org = (settings = {}) =>
  createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', hal: 'ADMIN', linus: 'MEMBER' }, { settings });
const as = (o: TestOrg, who: string) => t.signIn(o.people[who]!.email);

describe('GET /api/orgs/:orgId', () => {
  it('shows the org to any member, with its creator; everyone else is refused as on every org route', async () => {
    const o = await org();
    const linus = await as(o, 'linus');
    const { org: detail } = OrgDetailResponseSchema.parse(await (await linus.get(`/api/orgs/${o.id}`)).json());
    expect(detail).toEqual({
      id: o.id,
      name: expect.any(String),
      slug: await slugOf(o),
      version: 1,
      status: 'active',
      purgeAfter: null,
      creatorId: o.people.ada!.id,
    });
    const stranger = await t.signIn((await createUser(t.database.db)).email);
    expect((await refusal(await stranger.get(`/api/orgs/${o.id}`))).status).toBe(403);
    expect((await refusal(await stranger.get(`/api/orgs/no-such-org`))).status).toBe(403);
    expect((await apiClient(t.server, '').get(`/api/orgs/${o.id}`)).status).toBe(401);
  });

  it('answers TWO_FACTOR_REQUIRED to a member without two-factor sign-in when the org requires it', async () => {
    const o = await org({ requireTwoFactor: true });
    expect(await refusal(await (await as(o, 'linus')).get(`/api/orgs/${o.id}`))).toMatchObject({
      status: 403,
      error: { code: 'TWO_FACTOR_REQUIRED' },
    });
  });
});

describe('PATCH /api/orgs/:orgId', () => {
  it('renames the org at its version: audited, live to every member, and the old slug keeps leading here', async () => {
    const o = await org();
    const [ada, linus] = await Promise.all([as(o, 'ada'), as(o, 'linus')]);
    const [adminSocket, memberSocket] = [ada.socket(), linus.socket()];
    await Promise.all([ready(adminSocket, o.id), ready(memberSocket, o.id)]);
    const adminSaw = recordEvents(adminSocket);
    const live = nextEvent(memberSocket, 'org.updated');
    const oldSlug = await slugOf(o);
    const slug = `renamed-${unique()}`;
    const renamed = await orgOf(await ada.patch(`/api/orgs/${o.id}`, { name: ' Renamed ', slug, version: 1 }));
    expect(renamed).toEqual({ id: o.id, name: 'Renamed', slug, version: 2 });

    // Admins get the audited event (with its seq) besides every member's seq-less one.
    const audited = await vi.waitFor(() => {
      const found = adminSaw.find((e) => e.type === 'org.updated' && e.seq === 1);
      if (!found) throw new Error('no audited org.updated yet');
      return found;
    });
    expect(audited.data).toEqual({ org: renamed, before: { name: expect.any(String), slug: oldSlug } });
    expect(await live).toMatchObject({ seq: null, data: { org: renamed } });
    const event = await t.database.db
      .selectFrom('events')
      .selectAll()
      .where('org_id', '=', o.id)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      type: 'org.updated',
      seq: 1,
      actor_id: o.people.ada!.id,
      after: { name: 'Renamed', slug },
    });

    for (const asked of [oldSlug, slug, slug.toUpperCase()]) {
      const found = OrgBySlugResponseSchema.parse(await (await linus.get(`/api/orgs/by-slug/${asked}`)).json());
      expect(found.org).toEqual({ id: o.id, slug });
    }
    const redirect = await t.database.db
      .selectFrom('org_slug_redirects')
      .selectAll()
      .where('slug', '=', oldSlug)
      .executeTakeFirstOrThrow();
    const days = (new Date(redirect.expires_at).getTime() - t.clock.now().getTime()) / 86_400_000;
    expect(days).toBeCloseTo(30, 5);
    // Past its 30 days, the old slug leads nowhere.
    await t.database.db
      .updateTable('org_slug_redirects')
      .set({ expires_at: t.clock.now() })
      .where('slug', '=', oldSlug)
      .execute();
    expect(await refusal(await linus.get(`/api/orgs/by-slug/${oldSlug}`))).toMatchObject({
      status: 404,
      error: { code: 'ORG_NOT_FOUND' },
    });
  });

  it('keeps another org off a slug that still redirects, and lets the org take its own old slug back', async () => {
    const [a, b] = await Promise.all([org(), org()]);
    const [adaA, adaB] = await Promise.all([as(a, 'ada'), as(b, 'ada')]);
    const oldSlug = await slugOf(a);
    await orgOf(await adaA.patch(`/api/orgs/${a.id}`, { slug: `moved-${unique()}`, version: 1 }));
    expect(await refusal(await adaB.patch(`/api/orgs/${b.id}`, { slug: oldSlug, version: 1 }))).toMatchObject({
      status: 409,
      error: { code: 'SLUG_TAKEN', details: { suggestion: `${oldSlug}-2` } },
    });
    expect(await refusal(await adaB.post('/api/orgs', { name: 'Copycat', slug: oldSlug }))).toMatchObject({
      status: 409,
      error: { code: 'SLUG_TAKEN' },
    });
    const back = await orgOf(await adaA.patch(`/api/orgs/${a.id}`, { slug: oldSlug, version: 2 }));
    expect(back.slug).toBe(oldSlug);
    const redirects = await t.database.db
      .selectFrom('org_slug_redirects')
      .select('slug')
      .where('org_id', '=', a.id)
      .execute();
    expect(redirects.map((r) => r.slug)).not.toContain(oldSlug);
  });

  it('refuses a stale version, a taken slug, a reserved one, and anyone but an admin, writing nothing', async () => {
    const [o, other] = await Promise.all([org(), org()]);
    const [ada, linus, stranger] = await Promise.all([as(o, 'ada'), as(o, 'linus'), as(other, 'linus')]);
    const before = await databaseSnapshot(t.database.db);
    expect(await refusal(await ada.patch(`/api/orgs/${o.id}`, { name: 'Late', version: 7 }))).toMatchObject({
      status: 409,
      error: { code: 'VERSION_CONFLICT', details: { current: { id: o.id, version: 1 } } },
    });
    const taken = await slugOf(other);
    expect(await refusal(await ada.patch(`/api/orgs/${o.id}`, { slug: taken, version: 1 }))).toMatchObject({
      status: 409,
      error: { code: 'SLUG_TAKEN', details: { suggestion: `${taken}-2` } },
    });
    for (const body of [{ slug: 'settings', version: 1 }, { name: '', version: 1 }, { name: 'No version' }]) {
      expect((await refusal(await ada.patch(`/api/orgs/${o.id}`, body))).error.code).toBe('VALIDATION_FAILED');
    }
    expect((await refusal(await linus.patch(`/api/orgs/${o.id}`, { name: 'Mine', version: 1 }))).status).toBe(403);
    expect((await refusal(await stranger.patch(`/api/orgs/${o.id}`, { name: 'Mine', version: 1 }))).status).toBe(403);
    expect(await databaseSnapshot(t.database.db)).toEqual(before);
  });

  it('a rename racing a creation for the same slug: one gets it, the other is told SLUG_TAKEN', async () => {
    for (let round = 0; round < 3; round += 1) {
      const o = await org();
      const slug = `contested-${unique()}`;
      const [ada, newcomer] = await Promise.all([
        as(o, 'ada'),
        createUser(t.database.db).then((u) => t.signIn(u.email)),
      ]);
      const [rename, creation] = await Promise.all([
        ada.patch(`/api/orgs/${o.id}`, { slug, version: 1 }),
        newcomer.post('/api/orgs', { name: 'Contested', slug }),
      ]);
      const outcome = [rename.status, creation.status];
      expect([
        [200, 409],
        [409, 201],
      ]).toContainEqual(outcome);
      const loser = rename.status === 409 ? rename : creation;
      expect((await refusal(loser)).error.code).toBe('SLUG_TAKEN');
      const holders = await t.database.db.selectFrom('organizations').select('id').where('slug', '=', slug).execute();
      expect(holders).toHaveLength(1);
    }
  });

  it('answers an unchanged name with the org as it is, writing nothing', async () => {
    const o = await org();
    const name = (
      await t.database.db.selectFrom('organizations').select('name').where('id', '=', o.id).executeTakeFirstOrThrow()
    ).name;
    const same = await orgOf(await (await as(o, 'ada')).patch(`/api/orgs/${o.id}`, { name, version: 1 }));
    expect(same.version).toBe(1);
  });
});

describe('GET /api/orgs/by-slug/:slug', () => {
  it('tells nobody but members where a slug leads', async () => {
    const o = await org();
    const stranger = await t.signIn((await createUser(t.database.db)).email);
    for (const slug of [await slugOf(o), 'no-such-org']) {
      expect(await refusal(await stranger.get(`/api/orgs/by-slug/${slug}`))).toMatchObject({
        status: 404,
        error: { code: 'ORG_NOT_FOUND' },
      });
    }
    expect((await apiClient(t.server, '').get(`/api/orgs/by-slug/${await slugOf(o)}`)).status).toBe(401);
  });
});

describe('POST /api/orgs/:orgId/transfer', () => {
  it('hands the creator role to another admin: versioned, audited, live to every member', async () => {
    const o = await org();
    const [ada, hal, linus] = await Promise.all([as(o, 'ada'), as(o, 'hal'), as(o, 'linus')]);
    const memberSocket = linus.socket();
    await ready(memberSocket, o.id);
    const live = nextEvent(memberSocket, 'org.transferred');
    const hal_ = o.people.hal!;
    const org_ = await orgOf(await ada.post(`/api/orgs/${o.id}/transfer`, { userId: hal_.id, version: 1 }));
    expect(org_.version).toBe(2);
    expect(await live).toMatchObject({ data: { org: org_, from: { id: o.people.ada!.id }, to: { id: hal_.id } } });
    const row = await t.database.db
      .selectFrom('organizations')
      .select('created_by')
      .where('id', '=', o.id)
      .executeTakeFirstOrThrow();
    expect(row.created_by).toBe(hal_.id);
    const event = await t.database.db
      .selectFrom('events')
      .selectAll()
      .where('org_id', '=', o.id)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ type: 'org.transferred', seq: 1, target_id: hal_.id, after: { creatorId: hal_.id } });
    const mine = (client: typeof ada) =>
      client.get('/api/me').then(async (r) => MeSchema.parse(await r.json()).organizations.find((x) => x.id === o.id)!);
    expect([(await mine(ada)).isCreator, (await mine(hal)).isCreator]).toEqual([false, true]);
    // The former creator is an admin like any other now.
    expect(
      (await refusal(await ada.post(`/api/orgs/${o.id}/transfer`, { userId: o.people.ada!.id, version: 2 }))).status,
    ).toBe(403);
  });

  it('refuses anyone but the creator, a non-admin or outside target, oneself and a stale version', async () => {
    const [o, other] = await Promise.all([org(), org()]);
    const [ada, grace] = await Promise.all([as(o, 'ada'), as(o, 'grace')]);
    const before = await databaseSnapshot(t.database.db);
    const transfer = (client: typeof ada, userId: string, version = 1) =>
      client.post(`/api/orgs/${o.id}/transfer`, { userId, version }).then(refusal);
    expect(await transfer(grace, o.people.hal!.id)).toMatchObject({ status: 403, error: { code: 'FORBIDDEN' } });
    expect(await transfer(ada, o.people.linus!.id)).toMatchObject({
      status: 409,
      error: { code: 'TRANSFER_TARGET_NOT_ADMIN' },
    });
    expect(await transfer(ada, other.people.ada!.id)).toMatchObject({ status: 404, error: { code: 'NOT_FOUND' } });
    expect(await transfer(ada, o.people.ada!.id)).toMatchObject({ status: 422, error: { code: 'VALIDATION_FAILED' } });
    expect(await transfer(ada, o.people.hal!.id, 5)).toMatchObject({
      status: 409,
      error: { code: 'VERSION_CONFLICT' },
    });
    expect(await databaseSnapshot(t.database.db)).toEqual(before);
  });

  it('a transfer racing a demotion of its target never leaves a creator who is not an admin', async () => {
    for (let round = 0; round < 4; round += 1) {
      const o = await org();
      const [ada, grace] = await Promise.all([as(o, 'ada'), as(o, 'grace')]);
      const hal = o.people.hal!.id;
      const [transfer, demotion] = await Promise.all([
        ada.post(`/api/orgs/${o.id}/transfer`, { userId: hal, version: 1 }),
        grace.patch(`/api/orgs/${o.id}/members/${hal}`, { role: 'MEMBER', version: 1 }),
      ]);
      const outcome = [transfer.status, demotion.status];
      if (transfer.status === 200) {
        expect(outcome).toEqual([200, 409]);
        expect((await refusal(demotion)).error.code).toBe('CREATOR_PROTECTED');
      } else {
        expect(outcome).toEqual([409, 200]);
        expect((await refusal(transfer)).error.code).toBe('TRANSFER_TARGET_NOT_ADMIN');
      }
      const creator = await t.database.db
        .selectFrom('organizations as org')
        .innerJoin('org_members as m', (j) =>
          j.onRef('m.org_id', '=', 'org.id').onRef('m.user_id', '=', 'org.created_by'),
        )
        .select('m.role')
        .where('org.id', '=', o.id)
        .executeTakeFirstOrThrow();
      expect(creator.role).toBe('ADMIN');
    }
  });
});
