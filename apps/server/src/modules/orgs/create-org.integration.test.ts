import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ErrorBodySchema,
  MeSchema,
  ORG_CREATIONS_PER_HOUR,
  OrgResponseSchema,
  OrgSettingsSchema,
  defaultOrgSettings,
} from '@roster/contracts';
import { createOrg, createUser } from '../../../test/factories.ts';
import { databaseSnapshot } from '../../../test/database-snapshot.ts';
import { apiClient, connected, nextEvent, startTestServer, type TestServer } from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ maxOrgsPerUser: 2 });
});
afterAll(() => t.close());

const refusal = async (response: Response) => ({
  status: response.status,
  error: ErrorBodySchema.parse(await response.json()).error,
});
const created = async (response: Response) => {
  expect(response.status).toBe(201);
  return OrgResponseSchema.parse(await response.json()).org;
};
/** Someone new, signed in, in no org. */
const newcomer = async (name = 'Nora Newcomer') => {
  const user = await createUser(t.database.db, name);
  return { user, client: await t.signIn(user.email) };
};
const unique = () => Math.random().toString(36).slice(2, 8);

describe('POST /api/orgs', () => {
  it('makes the creator its ADMIN and creator, with default settings, a General workspace and org.created as seq 1', async () => {
    const { user, client } = await newcomer();
    const socket = client.socket();
    await connected(socket);
    const announced = nextEvent(socket, 'org.created');
    const name = `Beta ${unique()}`;
    const org = await created(await client.post('/api/orgs', { name: `  ${name}  ` }));
    expect(org).toMatchObject({ name, slug: name.toLowerCase().replace(' ', '-'), version: 1 });

    const db = t.database.db;
    const row = await db.selectFrom('organizations').selectAll().where('id', '=', org.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ created_by: user.id, event_seq: 1, version: 1 });
    expect(OrgSettingsSchema.parse(row.settings)).toEqual(defaultOrgSettings);
    const members = await db
      .selectFrom('org_members')
      .select(['user_id', 'role'])
      .where('org_id', '=', org.id)
      .execute();
    expect(members).toEqual([{ user_id: user.id, role: 'ADMIN' }]);
    const workspaces = await db.selectFrom('workspaces').select('name').where('org_id', '=', org.id).execute();
    expect(workspaces).toEqual([{ name: 'General' }]);
    const events = await db.selectFrom('events').selectAll().where('org_id', '=', org.id).execute();
    expect(events).toMatchObject([{ seq: 1, type: 'org.created', actor_id: user.id, target_id: org.id }]);

    const me = MeSchema.parse(await (await client.get('/api/me')).json());
    expect(me.organizations).toEqual([
      {
        id: org.id,
        name,
        slug: org.slug,
        role: 'ADMIN',
        lite: false,
        isCreator: true,
        settings: defaultOrgSettings,
        status: 'active',
        purgeAfter: null,
        pending: { invitations: 0, requests: 0 },
      },
    ]);
    expect((await announced).data.org).toMatchObject({ id: org.id, slug: org.slug, role: 'ADMIN', isCreator: true });
    // The creator's tabs now sit in the new org's rooms: its log answers them.
    const sync = await socket.timeout(5_000).emitWithAck('roster:sync', { orgId: org.id, since: 0 });
    expect(sync).toMatchObject({ headSeq: 1, events: [{ type: 'org.created', seq: 1 }] });
  });

  it('derives the slug from the name: accents dropped, short names padded, taken and reserved ones suffixed', async () => {
    const word = `crème ${unique()}`;
    const base = word.replace('è', 'e').replace(' ', '-');
    const first = await created(await (await newcomer()).client.post('/api/orgs', { name: `${word}!` }));
    const second = await created(await (await newcomer()).client.post('/api/orgs', { name: word.toUpperCase() }));
    expect([first.slug, second.slug]).toEqual([base, `${base}-2`]);
    const { client } = await newcomer();
    const admin = await created(await client.post('/api/orgs', { name: 'Admin' }));
    expect(admin.slug).toMatch(/^admin-\d+$/);
    const short = await created(await client.post('/api/orgs', { name: '東京' }));
    expect(short.slug).toMatch(/^org(-\d+)?$/);
  });

  it('takes an explicit slug as given, or answers SLUG_TAKEN with a free suggestion', async () => {
    const slug = `acme-${unique()}`;
    expect((await created(await (await newcomer()).client.post('/api/orgs', { name: 'Acme', slug }))).slug).toBe(slug);
    const { client } = await newcomer();
    const before = await databaseSnapshot(t.database.db);
    const taken = await refusal(await client.post('/api/orgs', { name: 'Acme', slug }));
    expect(taken).toMatchObject({ status: 409, error: { code: 'SLUG_TAKEN', details: { suggestion: `${slug}-2` } } });
    expect(await databaseSnapshot(t.database.db)).toEqual(before);
  });

  it.each([
    [{ name: '' }],
    [{ name: '   ' }],
    [{ name: 'x'.repeat(81) }],
    [{ name: 'Acme', slug: 'admin' }],
    [{ name: 'Acme', slug: 'sign-in' }],
    [{ name: 'Acme', slug: 'Acme' }],
    [{ name: 'Acme', slug: 'ac' }],
    [{ name: 'Acme', slug: '-acme' }],
    [{ name: 'Acme', slug: 'a'.repeat(41) }],
    [{ name: 'Acme', slug: 'acme_labs' }],
    [{ name: 'Acme', extra: true }],
  ])('refuses %j with VALIDATION_FAILED and writes nothing', async (body) => {
    const { client } = await newcomer();
    const before = await databaseSnapshot(t.database.db);
    expect(await refusal(await client.post('/api/orgs', body))).toMatchObject({
      status: 422,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await databaseSnapshot(t.database.db)).toEqual(before);
  });

  it('refuses the signed-out (401) and the unverified (EMAIL_NOT_VERIFIED)', async () => {
    expect((await apiClient(t.server, '').post('/api/orgs', { name: 'Nope' })).status).toBe(401);
    const { user, client } = await newcomer();
    await t.database.db.updateTable('users').set({ email_verified: false }).where('id', '=', user.id).execute();
    const before = await databaseSnapshot(t.database.db);
    expect(await refusal(await client.post('/api/orgs', { name: 'Nope' }))).toMatchObject({
      status: 403,
      error: { code: 'EMAIL_NOT_VERIFIED' },
    });
    expect(await databaseSnapshot(t.database.db)).toEqual(before);
  });

  it('caps the orgs a person created at MAX_ORGS_PER_USER; orgs they were invited to do not count', async () => {
    const other = await createOrg(t.database.db, { zed: 'ADMIN', nora: 'ADMIN' });
    const client = await t.signIn(other.people.nora!.email);
    await created(await client.post('/api/orgs', { name: 'One' }));
    await created(await client.post('/api/orgs', { name: 'Two' }));
    expect(await refusal(await client.post('/api/orgs', { name: 'Three' }))).toMatchObject({
      status: 409,
      error: { code: 'LIMIT_EXCEEDED', details: { limit: 2, current: 2 } },
    });
    const mine = MeSchema.parse(await (await client.get('/api/me')).json()).organizations;
    expect(new Map(mine.map((o) => [o.name, o.isCreator]))).toEqual(
      new Map([
        ['One', true],
        ['Two', true],
        [mine.find((o) => o.id === other.id)!.name, false],
      ]),
    );
  });

  it(`limits attempts to ${ORG_CREATIONS_PER_HOUR} an hour per person, with Retry-After`, async () => {
    const { client } = await newcomer();
    for (let i = 0; i < ORG_CREATIONS_PER_HOUR; i += 1) {
      expect([201, 409]).toContain((await client.post('/api/orgs', { name: `Many ${i}` })).status);
    }
    const limited = await client.post('/api/orgs', { name: 'One more' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('two creations with the same explicit slug: one is created, the other told SLUG_TAKEN', async () => {
    const slug = `race-${unique()}`;
    const [a, b] = await Promise.all([newcomer('Ann Racer'), newcomer('Bob Racer')]);
    const answers = await Promise.all([a, b].map(({ client }) => client.post('/api/orgs', { name: 'Race', slug })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = answers.find((r) => r.status === 409)!;
    expect(ErrorBodySchema.parse(await loser.json()).error).toMatchObject({
      code: 'SLUG_TAKEN',
      details: { suggestion: `${slug}-2` },
    });
    const rows = await t.database.db
      .selectFrom('organizations')
      .select('slug')
      .where('slug', 'like', `${slug}%`)
      .execute();
    expect(rows).toEqual([{ slug }]);
  });

  it('two creations deriving the same slug: both are created, under different slugs', async () => {
    const name = `Twin ${unique()}`;
    const [a, b] = await Promise.all([newcomer('Ann Twin'), newcomer('Bob Twin')]);
    const orgs = await Promise.all([a, b].map(async ({ client }) => created(await client.post('/api/orgs', { name }))));
    const base = name.toLowerCase().replace(' ', '-');
    expect(orgs.map((o) => o.slug).sort()).toEqual([base, `${base}-2`]);
  });
});
