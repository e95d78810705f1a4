import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AlreadyRevertedDetailsSchema,
  EVENT_SEQ_HEADER,
  ErrorBodySchema,
  MemberConflictDetailsSchema,
  UNDO_WINDOW_SECONDS,
  UndoMemberChangeResponseSchema,
} from '@roster/contracts';
import { insertMemberships } from '../../db/seed-helpers.ts';
import {
  PASSWORD,
  createOrg,
  grantWorkspace,
  type TestOrg,
  memberRow as findMemberRow,
} from '../../../test/factories.ts';
import { nextEvent, ready, startTestServer, type ApiClient, type TestServer } from '../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const members = (org: TestOrg) => `/api/orgs/${org.id}/members`;

async function refusal(response: Response) {
  return ErrorBodySchema.parse(await response.json()).error;
}

/** The seq the change's answer names in its header. */
function eventSeqOf(response: Response): number {
  const header = response.headers.get(EVENT_SEQ_HEADER);
  expect(header).toMatch(/^\d+$/);
  return Number(header);
}

const undo = (client: ApiClient, org: TestOrg, eventSeq: number) => client.post(`${members(org)}/undo`, { eventSeq });

const memberRow = (org: TestOrg, userId: string) => findMemberRow(t.database.db, org.id, userId);

async function workspaceRoles(org: TestOrg, userId: string) {
  const rows = await t.database.db
    .selectFrom('workspace_members')
    .select(['workspace_id', 'role'])
    .where('org_id', '=', org.id)
    .where('user_id', '=', userId)
    .orderBy('workspace_id')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.workspace_id, r.role]));
}

async function events(org: TestOrg) {
  return t.database.db
    .selectFrom('events')
    .selectAll()
    .where('org_id', '=', org.id)
    .where('seq', 'is not', null)
    .orderBy('seq')
    .execute();
}

describe('undoing a role change', () => {
  it('sets the previous role back, audited and pushed live with a link to what it undid', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' });
    const [ada, grace] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.grace!.email)];
    const linusId = org.people.linus!.id;
    const changed = await ada.patch(`${members(org)}/${linusId}`, { role: 'ADMIN', version: 1 });
    expect(changed.status).toBe(200);
    const seq = eventSeqOf(changed);
    expect(seq).toBe(1);
    const graceSocket = grace.socket();
    await ready(graceSocket, org.id);
    const pushed = nextEvent(graceSocket, 'member.role_changed');

    const response = await undo(ada, org, seq);

    expect(response.status).toBe(200);
    const body = UndoMemberChangeResponseSchema.parse(await response.json());
    expect(body).toMatchObject({ seq: 2, member: { userId: linusId, role: 'MEMBER', version: 3 } });
    expect(await memberRow(org, linusId)).toMatchObject({ role: 'MEMBER', version: 3 });
    expect(await pushed).toMatchObject({
      seq: 2,
      actor: { name: 'Ada Tester' },
      data: { member: { role: 'MEMBER' }, before: { role: 'ADMIN' }, revertOf: 1 },
    });
    const audit = (await events(org)).at(-1)!;
    expect(audit).toMatchObject({
      type: 'member.role_changed',
      target_id: linusId,
      before: { role: 'ADMIN' },
      after: { role: 'MEMBER' },
    });
  });

  it('raises back the workspace roles the change lowered, where nobody changed them since (R22)', async () => {
    const org = await createOrg(
      t.database.db,
      { ada: 'ADMIN', linus: 'MEMBER' },
      { workspaces: ['Design', 'Platform'] },
    );
    const linusId = org.people.linus!.id;
    const { Design, Platform } = org.workspaces as { Design: string; Platform: string };
    await grantWorkspace(t.database.db, org.id, Design, linusId, 'OWNER');
    await grantWorkspace(t.database.db, org.id, Platform, linusId, 'OWNER');
    const ada = await t.signIn(org.people.ada!.email);
    const demoted = await ada.patch(`${members(org)}/${linusId}`, { role: 'EXTERNAL', version: 1 });
    expect(await workspaceRoles(org, linusId)).toEqual({ [Design]: 'MEMBER', [Platform]: 'MEMBER' });
    // Someone set Platform since: that one is theirs now, and stays.
    await t.database.db
      .updateTable('workspace_members')
      .set({ role: 'VIEWER' })
      .where('workspace_id', '=', Platform)
      .where('user_id', '=', linusId)
      .execute();

    const response = await undo(ada, org, eventSeqOf(demoted));

    expect(response.status).toBe(200);
    expect(await memberRow(org, linusId)).toMatchObject({ role: 'MEMBER' });
    expect(await workspaceRoles(org, linusId)).toEqual({ [Design]: 'OWNER', [Platform]: 'VIEWER' });
    const [, , , undone, raised] = await events(org);
    expect(undone).toMatchObject({
      type: 'member.role_changed',
      before: { role: 'EXTERNAL', workspaces: [{ workspaceId: Design, role: 'MEMBER' }] },
      after: { role: 'MEMBER', workspaces: [{ workspaceId: Design, role: 'OWNER' }] },
    });
    expect(raised).toMatchObject({
      type: 'workspace.member_role_changed',
      before: { workspaceId: Design, role: 'MEMBER' },
      after: { workspaceId: Design, role: 'OWNER' },
    });
  });

  it('is a VERSION_CONFLICT with the row as it is now once someone changed it since', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' });
    const [ada, grace] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.grace!.email)];
    const linusId = org.people.linus!.id;
    const changed = await ada.patch(`${members(org)}/${linusId}`, { role: 'ADMIN', version: 1 });
    expect((await grace.patch(`${members(org)}/${linusId}`, { role: 'EXTERNAL', version: 2 })).status).toBe(200);

    const response = await undo(ada, org, eventSeqOf(changed));

    expect(response.status).toBe(409);
    const error = await refusal(response);
    expect(error.code).toBe('VERSION_CONFLICT');
    expect(MemberConflictDetailsSchema.parse(error.details)).toMatchObject({
      current: { userId: linusId, role: 'EXTERNAL', version: 3 },
      changedBy: { name: 'Grace Tester' },
    });
    expect(await memberRow(org, linusId)).toMatchObject({ role: 'EXTERNAL', version: 3 });
    expect(await events(org)).toHaveLength(2);
  });

  it('refuses the same undo twice: ALREADY_REVERTED names who undid it', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' });
    const [ada, grace] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.grace!.email)];
    const changed = await ada.patch(`${members(org)}/${org.people.linus!.id}`, { role: 'EXTERNAL', version: 1 });
    const seq = eventSeqOf(changed);
    expect((await undo(grace, org, seq)).status).toBe(200);

    const again = await undo(ada, org, seq);

    expect(again.status).toBe(409);
    const error = await refusal(again);
    expect(error.code).toBe('ALREADY_REVERTED');
    expect(AlreadyRevertedDetailsSchema.parse(error.details)).toMatchObject({
      revertedBy: { name: 'Grace Tester' },
      seq: 2,
    });
    expect(await events(org)).toHaveLength(2);
  });

  it('is refused to anyone but an admin (R1), and the attempt is audited', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER', mia: 'MEMBER' });
    const [ada, linus] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.linus!.email)];
    const changed = await ada.patch(`${members(org)}/${org.people.mia!.id}`, { role: 'EXTERNAL', version: 1 });

    const response = await undo(linus, org, eventSeqOf(changed));

    expect(response.status).toBe(403);
    expect((await refusal(response)).code).toBe('FORBIDDEN');
    expect(await memberRow(org, org.people.mia!.id)).toMatchObject({ role: 'EXTERNAL', version: 2 });
    const denied = await t.database.db
      .selectFrom('events')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('type', '=', 'access.denied')
      .execute();
    expect(denied).toMatchObject([{ actor_id: org.people.linus!.id, data: { action: 'member.undo' } }]);
  });

  it('holds the rules of any role change: the last admin stays (R9)', async () => {
    const org = await createOrg(
      t.database.db,
      { ada: 'ADMIN', linus: 'MEMBER' },
      { settings: { protectCreator: false, allowSelfRoleChange: true } },
    );
    const [ada, linus] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.linus!.email)];
    const promoted = await ada.patch(`${members(org)}/${org.people.linus!.id}`, { role: 'ADMIN', version: 1 });
    expect((await linus.patch(`${members(org)}/${org.people.ada!.id}`, { role: 'MEMBER', version: 1 })).status).toBe(
      200,
    );

    const response = await undo(linus, org, eventSeqOf(promoted));

    expect(response.status).toBe(409);
    expect((await refusal(response)).code).toBe('LAST_ADMIN_PROTECTED');
    expect(await memberRow(org, org.people.linus!.id)).toMatchObject({ role: 'ADMIN' });
  });
});

describe('undoing a removal', () => {
  it('adds the person back with their role, lite flag, workspace roles and join date, live', async () => {
    const org = await createOrg(
      t.database.db,
      { ada: 'ADMIN', grace: 'ADMIN', eve: 'EXTERNAL' },
      { workspaces: ['Design', 'Platform'], lite: ['eve'] },
    );
    const eveId = org.people.eve!.id;
    const { Design, Platform } = org.workspaces as { Design: string; Platform: string };
    await grantWorkspace(t.database.db, org.id, Design, eveId, 'VIEWER');
    await grantWorkspace(t.database.db, org.id, Platform, eveId, 'VIEWER');
    const before = (await memberRow(org, eveId))!;
    const [ada, grace, eve] = await Promise.all(['ada', 'grace', 'eve'].map((k) => t.signIn(org.people[k]!.email)));
    const removed = await ada!.delete(`${members(org)}/${eveId}`);
    expect(removed.status).toBe(204);
    const seq = eventSeqOf(removed);
    expect(await memberRow(org, eveId)).toBeUndefined();
    const [graceSocket, eveSocket] = [grace!.socket(), eve!.socket()];
    await ready(graceSocket, org.id);
    await ready(eveSocket, org.id).catch(() => undefined);
    const joined = nextEvent(graceSocket, 'member.joined');
    const eveAccess = nextEvent(eveSocket, 'access.changed');

    const response = await undo(ada!, org, seq);

    expect(response.status).toBe(200);
    const body = UndoMemberChangeResponseSchema.parse(await response.json());
    expect(body.member).toMatchObject({
      userId: eveId,
      role: 'EXTERNAL',
      lite: true,
      joinedAt: new Date(before.joined_at).toISOString(),
      // The version goes on from the removed row's: a request from before the removal conflicts.
      version: before.version + 1,
      lastChange: { by: { name: 'Ada Tester' } },
    });
    expect(await workspaceRoles(org, eveId)).toEqual({ [Design]: 'VIEWER', [Platform]: 'VIEWER' });
    expect(await joined).toMatchObject({ seq: body.seq, data: { member: { userId: eveId }, revertOf: seq } });
    expect(await eveAccess).toMatchObject({ data: { role: 'EXTERNAL' } });
    expect((await events(org)).at(-1)).toMatchObject({ type: 'member.joined', target_id: eveId, before: null });
  });

  it('is ALREADY_REVERTED the second time, and the grants are not given twice', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' }, { workspaces: ['Design'] });
    const linusId = org.people.linus!.id;
    await grantWorkspace(t.database.db, org.id, org.workspaces.Design!, linusId, 'OWNER');
    const ada = await t.signIn(org.people.ada!.email);
    const seq = eventSeqOf(await ada.delete(`${members(org)}/${linusId}`));
    expect((await undo(ada, org, seq)).status).toBe(200);

    const again = await undo(ada, org, seq);

    expect(again.status).toBe(409);
    expect((await refusal(again)).code).toBe('ALREADY_REVERTED');
    expect(await workspaceRoles(org, linusId)).toEqual({ [org.workspaces.Design!]: 'OWNER' });
  });

  it('is ALREADY_MEMBER when the person rejoined since', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' });
    const linus = org.people.linus!;
    const ada = await t.signIn(org.people.ada!.email);
    const seq = eventSeqOf(await ada.delete(`${members(org)}/${linus.id}`));
    await insertMemberships(t.database.db, org.id, [
      { userId: linus.id, name: linus.name, email: linus.email, role: 'EXTERNAL', joinedAt: new Date() },
    ]);

    const response = await undo(ada, org, seq);

    expect(response.status).toBe(409);
    expect((await refusal(response)).code).toBe('ALREADY_MEMBER');
    expect(await memberRow(org, linus.id)).toMatchObject({ role: 'EXTERNAL', version: 1 });
  });

  it('is NOT_REVERTIBLE once the person deleted their account', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' });
    const [ada, linus] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.linus!.email)];
    const seq = eventSeqOf(await ada.delete(`${members(org)}/${org.people.linus!.id}`));
    expect((await linus.post('/api/me/delete', { password: PASSWORD })).status).toBe(200);

    const response = await undo(ada, org, seq);

    expect(response.status).toBe(422);
    expect(await refusal(response)).toMatchObject({ code: 'NOT_REVERTIBLE', details: { reason: 'account_deleted' } });
    expect(await memberRow(org, org.people.linus!.id)).toBeUndefined();
  });

  it('is LIMIT_EXCEEDED when the seat the person left is taken (R5)', async () => {
    const org = await createOrg(
      t.database.db,
      { ada: 'ADMIN', linus: 'MEMBER', mia: 'MEMBER' },
      { settings: { memberCap: 3 } },
    );
    const ada = await t.signIn(org.people.ada!.email);
    const seq = eventSeqOf(await ada.delete(`${members(org)}/${org.people.linus!.id}`));
    const invited = await ada.post(`/api/orgs/${org.id}/invitations`, {
      emails: ['newcomer@example.test'],
      role: 'MEMBER',
    });
    expect(invited.status).toBe(200);

    const response = await undo(ada, org, seq);

    expect(response.status).toBe(409);
    expect(await refusal(response)).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { limit: 3, current: 3 } });
    expect(await memberRow(org, org.people.linus!.id)).toBeUndefined();
  });
});

describe('what cannot be undone', () => {
  it(`refuses a change older than ${UNDO_WINDOW_SECONDS / 60} minutes, and accepts one just inside`, async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER', mia: 'MEMBER' });
    const ada = await t.signIn(org.people.ada!.email);
    const old = eventSeqOf(
      await ada.patch(`${members(org)}/${org.people.linus!.id}`, { role: 'EXTERNAL', version: 1 }),
    );
    t.clock.advance(1_000);
    const recent = eventSeqOf(
      await ada.patch(`${members(org)}/${org.people.mia!.id}`, { role: 'EXTERNAL', version: 1 }),
    );
    t.clock.advance(UNDO_WINDOW_SECONDS * 1000);

    const late = await undo(ada, org, old);
    const inTime = await undo(ada, org, recent);

    expect(late.status).toBe(422);
    expect(await refusal(late)).toMatchObject({ code: 'NOT_REVERTIBLE', details: { reason: 'window_passed' } });
    expect(await memberRow(org, org.people.linus!.id)).toMatchObject({ role: 'EXTERNAL' });
    expect(inTime.status).toBe(200);
  });

  it('refuses other kinds of change (an undo itself among them) and changes that never happened', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' });
    const ada = await t.signIn(org.people.ada!.email);
    const removal = eventSeqOf(await ada.delete(`${members(org)}/${org.people.linus!.id}`));
    const restored = UndoMemberChangeResponseSchema.parse(await (await undo(ada, org, removal)).json());

    const joined = await undo(ada, org, restored.seq);
    const unknown = await undo(ada, org, 999);

    expect(joined.status).toBe(422);
    expect(await refusal(joined)).toMatchObject({ code: 'NOT_REVERTIBLE', details: { reason: 'not_undoable' } });
    expect(unknown.status).toBe(404);
    expect((await refusal(unknown)).code).toBe('NOT_FOUND');
  });

  it('names no event on an answer that changed nothing', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' });
    const ada = await t.signIn(org.people.ada!.email);
    const same = await ada.patch(`${members(org)}/${org.people.linus!.id}`, { role: 'MEMBER', version: 1 });
    expect(same.status).toBe(200);
    expect(same.headers.get(EVENT_SEQ_HEADER)).toBeNull();
  });
});
