import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  AuditEntrySchema,
  CreateInvitationsResponseSchema,
  ErrorBodySchema,
  ListAuditResponseSchema,
  type AuditEntry,
  AUDIT_CSV_COLUMNS,
} from '@roster/contracts';
import { jsonb } from '../../db/json.ts';
import { parseCsv } from '../../../test/csv.ts';
import { createOrg, grantWorkspace, type TestOrg } from '../../../test/factories.ts';
import { startTestServer, type ApiClient, type TestServer } from '../../../test/test-server.ts';

let t: TestServer;
let o: TestOrg;
let ada: ApiClient;
let linus: ApiClient;
let invitee: string;
/** The moment between the role change and the invitation. */
let between: string;

beforeAll(async () => {
  t = await startTestServer();
  o = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' }, { workspaces: ['Design'] });
  await grantWorkspace(t.database.db, o.id, o.workspaces.Design!, o.people.linus!.id, 'MEMBER');
  [ada, linus] = await Promise.all([t.signIn(o.people.ada!.email), t.signIn(o.people.linus!.email)]);
  const grace = await t.signIn(o.people.grace!.email);
  expect(
    (await ada.patch(`/api/orgs/${o.id}/members/${o.people.linus!.id}`, { role: 'ADMIN', version: 1 })).status,
  ).toBe(200);
  t.clock.advance(60_000);
  between = t.clock.now().toISOString();
  t.clock.advance(60_000);
  invitee = `Zoe.${Date.now()}@Example.test`;
  const invited = await ada.post(`/api/orgs/${o.id}/invitations`, { emails: [invitee], role: 'MEMBER' });
  expect(CreateInvitationsResponseSchema.parse(await invited.json()).results[0]!.invitationId).toBeTruthy();
  // The mail worker reports the delivery on its own schedule: wait for it, so the order is known.
  await vi.waitFor(async () => expect((await page('action=invitation.delivery_changed')).items).toHaveLength(1));
  expect((await grace.patch(`/api/orgs/${o.id}/settings`, { invitePolicy: 'anyone', version: 1 })).status).toBe(200);
  // Linus is back to member, then refused: a denied attempt, audited without a seq.
  expect(
    (await ada.patch(`/api/orgs/${o.id}/members/${o.people.linus!.id}`, { role: 'MEMBER', version: 2 })).status,
  ).toBe(200);
  expect(
    (await linus.patch(`/api/orgs/${o.id}/members/${o.people.grace!.id}`, { role: 'MEMBER', version: 1 })).status,
  ).toBe(403);
});
afterAll(() => t.close());

const code = async (response: Response) => ErrorBodySchema.parse(await response.json()).error.code;
async function page(query: string, client = ada, org = o.id) {
  const response = await client.get(`/api/orgs/${org}/audit?${query}`);
  expect(response.status).toBe(200);
  return ListAuditResponseSchema.parse(await response.json());
}
const actions = async (query: string) => (await page(query)).items.map((e) => e.action);

describe('GET /api/orgs/:orgId/audit', () => {
  it('lists the committed changes newest first, each with its actor, target, before and after', async () => {
    const { items, nextCursor } = await page('');
    expect(nextCursor).toBeNull();
    expect(items.map((e) => e.action)).toEqual([
      'member.role_changed',
      'settings.updated',
      'invitation.delivery_changed',
      'invitation.created',
      'member.role_changed',
    ]);
    expect(items.map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]);
    const promoted = items[4]!;
    expect(promoted).toMatchObject({
      actor: { kind: 'user', id: o.people.ada!.id, name: o.people.ada!.name },
      target: { kind: 'member', id: o.people.linus!.id, name: o.people.linus!.name, email: o.people.linus!.email },
      revertOf: null,
    });
    expect(promoted.before).toMatchObject({ role: 'MEMBER' });
    expect(promoted.after).toMatchObject({ role: 'ADMIN' });
    expect(items[1]!.target).toEqual({ kind: 'settings', id: o.id });
    expect(items[2]!.actor).toEqual({ kind: 'system', id: 'system', name: expect.any(String) as string });
    expect(items[3]!.target).toMatchObject({ kind: 'invitation', email: invitee });
  });

  it('filters by actor, action (exact, several, by prefix), target and time', async () => {
    expect(await actions(`actor=${o.people.grace!.id}`)).toEqual(['settings.updated']);
    expect(await actions('action=invitation.created')).toEqual(['invitation.created']);
    expect(await actions('action=settings.updated,invitation.created')).toEqual([
      'settings.updated',
      'invitation.created',
    ]);
    expect(await actions('action=invitation.*')).toEqual(['invitation.delivery_changed', 'invitation.created']);
    expect(await actions('action=system.*,settings.*')).toEqual(['settings.updated']);
    expect(await actions('action=member.*')).toEqual(['member.role_changed', 'member.role_changed']);
    expect(await actions('action=member_x.*')).toEqual([]);
    expect(await actions(`target=${o.people.linus!.id}`)).toEqual(['member.role_changed', 'member.role_changed']);
    expect(await actions(`to=${encodeURIComponent(between)}`)).toEqual(['member.role_changed']);
    expect((await page(`from=${encodeURIComponent(between)}`)).items.map((e) => e.seq)).toEqual([5, 4, 3, 2]);
    expect(await actions(`from=${encodeURIComponent(between)}&action=member.*`)).toEqual(['member.role_changed']);
  });

  it('reads a window with both bounds, page by page, the same as either bound alone would', async () => {
    const at = (ms: number) => encodeURIComponent(new Date(Date.parse(between) + ms).toISOString());
    const seqs = async (query: string) => (await page(query)).items.map((e) => e.seq);
    expect(await seqs(`from=${at(-3_600_000)}&to=${at(0)}`)).toEqual([1]);
    expect(await seqs(`from=${at(0)}&to=${at(3_600_000)}`)).toEqual([5, 4, 3, 2]);
    expect(await seqs(`from=${at(0)}&to=${at(0)}`)).toEqual([]);
    const first = await page(`from=${at(0)}&to=${at(3_600_000)}&limit=2`);
    expect(first.items.map((e) => e.seq)).toEqual([5, 4]);
    const second = await page(
      `from=${at(0)}&to=${at(3_600_000)}&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`,
    );
    expect(second.items.map((e) => e.seq)).toEqual([3, 2]);
  });

  it("reads one person's history: the entries by them and about them", async () => {
    expect(await actions(`member=${o.people.ada!.id}`)).toEqual([
      'member.role_changed',
      'invitation.created',
      'member.role_changed',
    ]);
    expect(await actions(`member=${o.people.grace!.id}`)).toEqual(['settings.updated']);
    expect(await actions(`member=${o.people.linus!.id}`)).toEqual(['member.role_changed', 'member.role_changed']);
    expect((await page(`member=${o.people.linus!.id}&outcome=denied`)).items).toHaveLength(1);
  });

  it('searches names and emails in the entry, whatever their case, LIKE wildcards taken literally', async () => {
    expect(await actions(`q=${encodeURIComponent(invitee.toUpperCase())}`)).toEqual(['invitation.created']);
    expect((await page(`q=${encodeURIComponent(o.people.grace!.name.toLowerCase())}`)).items.map((e) => e.seq)).toEqual(
      [4],
    );
    expect(await actions(`q=${encodeURIComponent(o.people.linus!.name)}`)).toEqual([
      'member.role_changed',
      'member.role_changed',
    ]);
    // Unescaped, each would match "Ada Tester".
    expect(await actions('q=Ada%25Tester')).toEqual([]);
    expect(await actions('q=Ada_Tester')).toEqual([]);
    expect(await actions('q=Ada%20Tester')).toEqual([
      'member.role_changed',
      'invitation.created',
      'member.role_changed',
    ]);
  });

  it('lists denied attempts apart, with what was tried', async () => {
    const { items } = await page('outcome=denied');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      seq: null,
      action: 'access.denied',
      actor: { id: o.people.linus!.id },
      target: { kind: 'member', id: o.people.grace!.id },
      data: { code: 'FORBIDDEN' },
    });
  });

  it('is for admins only, and refuses bad filters and forged cursors', async () => {
    for (const path of ['/audit', '/audit/export?format=csv', '/members/export']) {
      const answer = await linus.get(`/api/orgs/${o.id}${path}`);
      expect([path, answer.status, await code(answer)]).toEqual([path, 403, 'FORBIDDEN']);
    }
    const forged = [
      'not-a-cursor',
      Buffer.from(JSON.stringify(['audit', 'abc'])).toString('base64url'),
      Buffer.from(JSON.stringify(['members:name', 'x', '1'])).toString('base64url'),
    ];
    for (const cursor of forged) {
      const answer = await ada.get(`/api/orgs/${o.id}/audit?cursor=${cursor}`);
      expect([answer.status, await code(answer)]).toEqual([400, 'INVALID_CURSOR']);
    }
    for (const query of ['limit=201', 'limit=0', 'action=member.%25', 'from=yesterday', 'outcome=maybe']) {
      const answer = await ada.get(`/api/orgs/${o.id}/audit?${query}`);
      expect([query, answer.status, await code(answer)]).toEqual([query, 422, 'VALIDATION_FAILED']);
    }
  });

  it('stays append-only: the database refuses to change or delete an entry', async () => {
    const { db } = t.database;
    await expect(sql`update events set actor_name = 'someone else' where org_id = ${o.id}`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from events where org_id = ${o.id}`.execute(db)).rejects.toThrow(/append-only/);
    expect((await page('')).items).toHaveLength(5);
  });
});

describe('a long log', () => {
  const COUNT = 2_000;
  let big: TestOrg;
  let admin: ApiClient;

  beforeAll(async () => {
    big = await createOrg(t.database.db, { ada: 'ADMIN' });
    admin = await t.signIn(big.people.ada!.email);
    const start = Date.parse('2026-03-01T00:00:00Z');
    const rows = Array.from({ length: COUNT }, (_, i) => ({
      org_id: big.id,
      seq: i + 1,
      type: i % 2 ? 'member.role_changed' : 'invitation.created',
      actor_id: big.people.ada!.id,
      actor_name: 'Ada, "the admin"',
      target_id: `target-${i}`,
      before: jsonb({ role: 'MEMBER' }),
      after: jsonb({ role: 'ADMIN', note: 'line one\nline two' }),
      data: jsonb({
        member: { name: `Person ${i}`, email: `person${i}@example.test` },
        revertOf: i > 0 ? i : undefined,
      }),
      at: new Date(start + i * 1000),
    }));
    for (let i = 0; i < COUNT; i += 500)
      await t.database.db
        .insertInto('events')
        .values(rows.slice(i, i + 500))
        .execute();
  });

  async function everyPage(query: string, limit: number): Promise<AuditEntry[]> {
    const all: AuditEntry[] = [];
    let cursor: string | null = null;
    do {
      const next: Awaited<ReturnType<typeof page>> = await page(
        `${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        admin,
        big.id,
      );
      expect(next.items.length).toBeLessThanOrEqual(limit);
      all.push(...next.items);
      cursor = next.nextCursor;
    } while (cursor);
    return all;
  }

  it('pages through every entry newest first, with no duplicates and no gaps', async () => {
    const all = await everyPage('', 199);
    expect(all.map((e) => e.seq)).toEqual(Array.from({ length: COUNT }, (_, i) => COUNT - i));
    expect(new Set(all.map((e) => e.id)).size).toBe(COUNT);
    expect(all[0]).toMatchObject({ revertOf: COUNT - 1, target: { kind: 'member', name: `Person ${COUNT - 1}` } });
    expect((await page('', admin, big.id)).items).toHaveLength(50);
    expect((await everyPage('action=member.*', 200)).map((e) => e.seq)).toEqual(
      Array.from({ length: COUNT / 2 }, (_, i) => COUNT - 2 * i),
    );
  });

  it('exports exactly what the pages list, as CSV and as NDJSON, streamed over HTTP', async () => {
    const paged = await everyPage('action=member.*', 200);
    const url = `${t.server.url}/api/orgs/${big.id}/audit/export?action=member.*&to=2026-04-02T00:00:00Z`;
    const csv = await fetch(`${url}&format=csv`, { headers: { cookie: admin.cookie } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const slug = (
      await t.database.db.selectFrom('organizations').select('slug').where('id', '=', big.id).executeTakeFirstOrThrow()
    ).slug;
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="${slug}-audit-start-2026-04-02.csv"`);
    const rows = parseCsv(await csv.text());
    expect(rows.map((r) => r.id)).toEqual(paged.map((e) => e.id));
    expect(rows[0]).toEqual({
      id: paged[0]!.id,
      seq: String(paged[0]!.seq),
      at: paged[0]!.at,
      // The long log's entries name a change they undid: they read as reverts.
      action: 'member.role_changed.reverted',
      actorKind: 'user',
      actorId: big.people.ada!.id,
      actorName: 'Ada, "the admin"',
      actorEmail: '',
      targetKind: 'member',
      targetId: paged[0]!.target.id,
      targetName: paged[0]!.target.name,
      targetEmail: paged[0]!.target.email,
      revertOf: String(paged[0]!.revertOf),
      revertedBySeq: '',
      requestId: paged[0]!.requestId ?? '',
      ip: paged[0]!.context?.ip ?? '',
      userAgent: paged[0]!.context?.userAgent ?? '',
      before: JSON.stringify(paged[0]!.before),
      after: JSON.stringify(paged[0]!.after),
      data: JSON.stringify(paged[0]!.data),
    });

    const ndjson = await admin.get(`/api/orgs/${big.id}/audit/export?action=member.*&format=ndjson`);
    expect(ndjson.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = (await ndjson.text()).trimEnd().split('\n');
    expect(lines.map((line) => AuditEntrySchema.parse(JSON.parse(line)))).toEqual(paged);
  });

  it('keeps streaming past the request timeout, which bounds only the wait for the answer to start', async () => {
    const strict = await startTestServer({ database: t.database, requestTimeoutMs: 300 });
    try {
      const url = `${strict.server.url}/api/orgs/${big.id}/audit/export?format=ndjson`;
      const answer = await fetch(url, { headers: { cookie: admin.cookie } });
      const reader = answer.body!.getReader();
      const first = await reader.read();
      await new Promise((resolve) => setTimeout(resolve, 600));
      const decoder = new TextDecoder();
      let text = decoder.decode(first.value, { stream: true });
      for (let next = await reader.read(); !next.done; next = await reader.read()) {
        text += decoder.decode(next.value, { stream: true });
      }
      expect(text.trimEnd().split('\n')).toHaveLength(COUNT);
    } finally {
      await strict.close();
    }
  });

  it('exports a header row alone when nothing matches', async () => {
    const empty = await admin.get(`/api/orgs/${big.id}/audit/export?action=domain.*`);
    expect(await empty.text()).toBe(`${AUDIT_CSV_COLUMNS.join(',')}\n`);
  });
});

describe('GET /api/orgs/:orgId/members/export', () => {
  it('lists every member with their role, lite flag, workspaces, join date and two-factor', async () => {
    const answer = await ada.get(`/api/orgs/${o.id}/members/export?format=csv`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-disposition')).toMatch(
      /^attachment; filename="org-[\w-]+-members-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows = parseCsv(await answer.text());
    const people = Object.values(o.people).sort((a, b) => a.email.localeCompare(b.email));
    expect(rows.map((r) => r.email)).toEqual(people.map((p) => p.email));
    expect(rows.find((r) => r.email === o.people.linus!.email)).toEqual({
      email: o.people.linus!.email,
      name: o.people.linus!.name,
      role: 'MEMBER',
      lite: 'false',
      workspaces: 'Design:MEMBER',
      joinedAt: '2026-01-01T00:00:02.000Z',
      lastActiveAt: '',
      twoFactor: 'false',
    });
    const ndjson = await ada.get(`/api/orgs/${o.id}/members/export?format=ndjson`);
    const lines = (await ndjson.text())
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(lines).toContainEqual(
      expect.objectContaining({ email: o.people.ada!.email, role: 'ADMIN', lastActiveAt: null }),
    );
    expect(lines).toHaveLength(3);
  });

  it('keeps a name a spreadsheet would run as a formula as text in CSV, as it is in NDJSON', async () => {
    const sly = await createOrg(t.database.db, { ada: 'ADMIN', mallory: 'MEMBER' });
    const formula = '=HYPERLINK("https://evil.test","click")';
    await t.database.db
      .updateTable('org_members')
      .set({ name: formula })
      .where('user_id', '=', sly.people.mallory!.id)
      .execute();
    const owner = await t.signIn(sly.people.ada!.email);
    const rows = parseCsv(await (await owner.get(`/api/orgs/${sly.id}/members/export?format=csv`)).text());
    expect(rows.find((r) => r.email === sly.people.mallory!.email)?.name).toBe(`'${formula}`);
    const ndjson = await (await owner.get(`/api/orgs/${sly.id}/members/export?format=ndjson`)).text();
    expect(ndjson).toContain(JSON.stringify(formula));
  });
});
