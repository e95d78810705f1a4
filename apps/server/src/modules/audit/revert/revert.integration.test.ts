import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ErrorBodySchema,
  ListAuditResponseSchema,
  RevertAuditEntryResponseSchema,
  UNDO_WINDOW_SECONDS,
  type AuditEntry,
} from '@roster/contracts';
import {
  PASSWORD,
  createOrg,
  grantWorkspace,
  type TestOrg,
  memberRow as findMemberRow,
} from '../../../../test/factories.ts';
import { nextEvent, ready, startTestServer, type ApiClient, type TestServer } from '../../../../test/test-server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

const o = (org: TestOrg) => `/api/orgs/${org.id}`;

async function refusal(response: Response) {
  return ErrorBodySchema.parse(await response.json()).error;
}

/** The newest entry of this action, as the audit log lists it. */
async function latest(client: ApiClient, org: TestOrg, action: string): Promise<AuditEntry> {
  const response = await client.get(`${o(org)}/audit?action=${action}&limit=1`);
  expect(response.status).toBe(200);
  const [entry] = ListAuditResponseSchema.parse(await response.json()).items;
  expect(entry, `an entry ${action}`).toBeDefined();
  return entry!;
}

async function revert(client: ApiClient, org: TestOrg, entry: AuditEntry, body: { version?: number } = {}) {
  return client.post(`${o(org)}/audit/${entry.id}/revert`, body, { 'user-agent': 'Roster tests' });
}

async function reverted(response: Response): Promise<AuditEntry> {
  expect(response.status).toBe(201);
  return RevertAuditEntryResponseSchema.parse(await response.json()).entry;
}

const memberRow = (org: TestOrg, userId: string) => findMemberRow(t.database.db, org.id, userId);

async function workspaceRole(workspaceId: string, userId: string) {
  const row = await t.database.db
    .selectFrom('workspace_members')
    .select(['role', 'version'])
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ?? null;
}

describe('reverting a role change', () => {
  it('sets the role back long after the undo window, audited as a revert that links both ways, live', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' });
    const [ada, grace] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.grace!.email)];
    const linusId = org.people.linus!.id;
    expect((await grace.patch(`${o(org)}/members/${linusId}`, { role: 'ADMIN', version: 1 })).status).toBe(200);
    t.clock.advance(UNDO_WINDOW_SECONDS * 1000 * 10);
    const change = await latest(ada, org, 'member.role_changed');
    expect(change).toMatchObject({ revertible: true, revertedBy: null });
    const graceSocket = grace.socket();
    await ready(graceSocket, org.id);
    const pushed = nextEvent(graceSocket, 'member.role_changed');

    const entry = await reverted(await revert(ada, org, change));

    expect(entry).toMatchObject({
      action: 'member.role_changed.reverted',
      revertOf: change.seq,
      actor: { kind: 'user', id: org.people.ada!.id, email: org.people.ada!.email },
      target: { kind: 'member', id: linusId },
      before: { role: 'ADMIN' },
      after: { role: 'MEMBER' },
      revertible: true,
    });
    expect(entry.requestId).toEqual(expect.any(String));
    // In-process requests come through no socket, so they have no address.
    expect(entry.context).toEqual({ ip: null, userAgent: 'Roster tests' });
    expect(await memberRow(org, linusId)).toMatchObject({ role: 'MEMBER', version: 3 });
    expect(await pushed).toMatchObject({ seq: entry.seq, data: { revertOf: change.seq } });
    const original = (await ada.get(`${o(org)}/audit?target=${linusId}`).then((r) => r.json())) as {
      items: AuditEntry[];
    };
    expect(original.items.find((e) => e.id === change.id)).toMatchObject({
      revertible: false,
      revertedBy: { entryId: entry.id, seq: entry.seq, actor: { name: 'Ada Tester' } },
    });
  });

  it('is found by its own action, and not among the changes it reverted', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' });
    const ada = await t.signIn(org.people.ada!.email);
    await ada.patch(`${o(org)}/members/${org.people.linus!.id}`, { role: 'ADMIN', version: 1 });
    const change = await latest(ada, org, 'member.role_changed');
    const entry = await reverted(await revert(ada, org, change));

    const reverts = ListAuditResponseSchema.parse(
      await (await ada.get(`${o(org)}/audit?action=member.role_changed.reverted`)).json(),
    );
    const changes = ListAuditResponseSchema.parse(
      await (await ada.get(`${o(org)}/audit?action=member.role_changed`)).json(),
    );
    expect(reverts.items.map((e) => e.id)).toEqual([entry.id]);
    expect(changes.items.map((e) => e.id)).toEqual([change.id]);
  });

  it('is a VERSION_CONFLICT naming who changed the person since, unless the reader saw that version', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' });
    const [ada, grace] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.grace!.email)];
    const linusId = org.people.linus!.id;
    await ada.patch(`${o(org)}/members/${linusId}`, { role: 'ADMIN', version: 1 });
    const change = await latest(ada, org, 'member.role_changed');
    await grace.patch(`${o(org)}/members/${linusId}`, { role: 'EXTERNAL', version: 2 });

    const blind = await revert(ada, org, change);
    expect(blind.status).toBe(409);
    expect(await refusal(blind)).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { current: { role: 'EXTERNAL', version: 3 }, changedBy: { name: 'Grace Tester' } },
    });
    const stale = await revert(ada, org, change, { version: 2 });
    expect(stale.status).toBe(409);

    await reverted(await revert(ada, org, change, { version: 3 }));
    expect(await memberRow(org, linusId)).toMatchObject({ role: 'MEMBER', version: 4 });
  });

  it('says there is nothing to revert when the person already has the role from before', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' });
    const ada = await t.signIn(org.people.ada!.email);
    const linusId = org.people.linus!.id;
    await ada.patch(`${o(org)}/members/${linusId}`, { role: 'ADMIN', version: 1 });
    const change = await latest(ada, org, 'member.role_changed');
    await ada.patch(`${o(org)}/members/${linusId}`, { role: 'MEMBER', version: 2 });

    const response = await revert(ada, org, change, { version: 3 });

    expect(response.status).toBe(422);
    expect(await refusal(response)).toMatchObject({ code: 'NOT_REVERTIBLE', details: { reason: 'nothing_to_revert' } });
  });

  it('reverts once: of two admins reverting at the same time, one wins and the other is told who did', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN', linus: 'MEMBER' });
    const [ada, grace] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.grace!.email)];
    await ada.patch(`${o(org)}/members/${org.people.linus!.id}`, { role: 'EXTERNAL', version: 1 });
    const change = await latest(ada, org, 'member.role_changed');

    const answers = await Promise.all([revert(ada, org, change), revert(grace, org, change)]);

    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = answers.find((r) => r.status === 409)!;
    expect(await refusal(loser)).toMatchObject({ code: 'ALREADY_REVERTED', details: { seq: change.seq! + 1 } });
    expect(await memberRow(org, org.people.linus!.id)).toMatchObject({ role: 'MEMBER', version: 3 });
  });
});

describe('reverting a removal', () => {
  it('brings the person back with their role, lite flag and workspace roles', async () => {
    const org = await createOrg(
      t.database.db,
      { ada: 'ADMIN', linus: 'EXTERNAL' },
      { workspaces: ['Design'], lite: ['linus'] },
    );
    const design = org.workspaces.Design!;
    const linusId = org.people.linus!.id;
    await grantWorkspace(t.database.db, org.id, design, linusId, 'VIEWER');
    const ada = await t.signIn(org.people.ada!.email);
    expect((await ada.delete(`${o(org)}/members/${linusId}`)).status).toBe(204);
    t.clock.advance(UNDO_WINDOW_SECONDS * 1000 * 10);

    const entry = await reverted(await revert(ada, org, await latest(ada, org, 'member.removed')));

    expect(entry).toMatchObject({ action: 'member.removed.reverted', target: { kind: 'member', id: linusId } });
    expect(await memberRow(org, linusId)).toMatchObject({ role: 'EXTERNAL', lite: true });
    expect(await workspaceRole(design, linusId)).toMatchObject({ role: 'VIEWER' });
  });

  it('is NOT_REVERTIBLE once the person deleted their account', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' });
    const [ada, linus] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.linus!.email)];
    await ada.delete(`${o(org)}/members/${org.people.linus!.id}`);
    expect((await linus.post('/api/me/delete', { password: PASSWORD })).status).toBe(200);

    const response = await revert(ada, org, await latest(ada, org, 'member.removed'));

    expect(response.status).toBe(422);
    expect(await refusal(response)).toMatchObject({ code: 'NOT_REVERTIBLE', details: { reason: 'account_deleted' } });
  });
});

describe('reverting a workspace role', () => {
  async function setUp() {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' }, { workspaces: ['Design'] });
    const ada = await t.signIn(org.people.ada!.email);
    return { org, ada, design: org.workspaces.Design!, linusId: org.people.linus!.id };
  }

  it('takes back a place given, sets back a role changed, gives back a place taken', async () => {
    const { org, ada, design, linusId } = await setUp();
    const members = `${o(org)}/workspaces/${design}/members`;
    expect((await ada.post(members, { userIds: [linusId], role: 'MEMBER' })).status).toBe(201);
    await reverted(await revert(ada, org, await latest(ada, org, 'workspace.member_added')));
    expect(await workspaceRole(design, linusId)).toBeNull();

    await ada.post(members, { userIds: [linusId], role: 'MEMBER' });
    expect((await ada.patch(`${members}/${linusId}`, { role: 'OWNER', version: 1 })).status).toBe(200);
    const changed = await reverted(await revert(ada, org, await latest(ada, org, 'workspace.member_role_changed')));
    expect(changed).toMatchObject({
      action: 'workspace.member_role_changed.reverted',
      after: { role: 'MEMBER' },
      // The workspace is named as it was then, so the entry reads right after a rename.
      data: { workspaceName: 'Design' },
    });
    expect(await workspaceRole(design, linusId)).toMatchObject({ role: 'MEMBER', version: 3 });

    expect((await ada.delete(`${members}/${linusId}?version=3`)).status).toBe(204);
    const back = await reverted(await revert(ada, org, await latest(ada, org, 'workspace.member_removed')));
    expect(back).toMatchObject({
      action: 'workspace.member_removed.reverted',
      target: { kind: 'member', id: linusId },
    });
    expect(await workspaceRole(design, linusId)).toMatchObject({ role: 'MEMBER' });
  });

  it('is NOT_REVERTIBLE once the workspace is gone, and a conflict once the place changed since', async () => {
    const { org, ada, design, linusId } = await setUp();
    const members = `${o(org)}/workspaces/${design}/members`;
    await ada.post(members, { userIds: [linusId], role: 'MEMBER' });
    const added = await latest(ada, org, 'workspace.member_added');
    await ada.patch(`${members}/${linusId}`, { role: 'VIEWER', version: 1 });

    const stale = await revert(ada, org, added);
    expect(stale.status).toBe(409);
    expect(await refusal(stale)).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { role: 'VIEWER' } } });

    expect((await ada.delete(`${o(org)}/workspaces/${design}`)).status).toBe(204);
    const gone = await revert(ada, org, added, { version: 2 });
    expect(gone.status).toBe(422);
    expect(await refusal(gone)).toMatchObject({ code: 'NOT_REVERTIBLE', details: { reason: 'workspace_deleted' } });
  });
});

describe('reverting a settings change', () => {
  it('sets back only the settings that change changed, at the version it wrote', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', grace: 'ADMIN' });
    const [ada, grace] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.grace!.email)];
    expect((await ada.patch(`${o(org)}/settings`, { inviteTtlHours: 24, memberCap: 50, version: 1 })).status).toBe(200);
    const change = await latest(ada, org, 'settings.updated');
    await grace.patch(`${o(org)}/settings`, { allowSelfLeave: true, version: 2 });

    const blind = await revert(ada, org, change);
    expect(blind.status).toBe(409);
    expect(await refusal(blind)).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { changedBy: { name: 'Grace Tester' } },
    });

    const entry = await reverted(await revert(ada, org, change, { version: 3 }));
    expect(entry).toMatchObject({
      action: 'settings.updated.reverted',
      before: { inviteTtlHours: 24, memberCap: 50 },
      after: { inviteTtlHours: 168, memberCap: null },
    });
    const settings = (await (await ada.get(`${o(org)}/settings`)).json()) as { settings: object; version: number };
    expect(settings).toMatchObject({
      version: 4,
      settings: { inviteTtlHours: 168, memberCap: null, allowSelfLeave: true },
    });
  });
});

describe('reverting an invitation revoke', () => {
  it('invites the same address again with the same role and workspaces, mailed, under the same rules', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN' }, { workspaces: ['Design'] });
    const ada = await t.signIn(org.people.ada!.email);
    const design = org.workspaces.Design!;
    const created = (await (
      await ada.post(`${o(org)}/invitations`, {
        emails: ['new.hire@example.com'],
        role: 'MEMBER',
        workspaces: [{ workspaceId: design, role: 'OWNER' }],
      })
    ).json()) as { results: Array<{ invitationId: string }> };
    const id = created.results[0]!.invitationId;
    expect((await ada.post(`${o(org)}/invitations/${id}/revoke`, { version: 1 })).status).toBe(200);
    const revoke = await latest(ada, org, 'invitation.revoked');

    const entry = await reverted(await revert(ada, org, revoke));

    expect(entry).toMatchObject({
      action: 'invitation.revoked.reverted',
      target: { kind: 'invitation', email: 'new.hire@example.com' },
    });
    expect(entry.target.id).not.toBe(id);
    const invitation = await t.database.db
      .selectFrom('invitations')
      .selectAll()
      .where('id', '=', entry.target.id)
      .executeTakeFirstOrThrow();
    expect(invitation).toMatchObject({ status: 'pending', role: 'MEMBER', email: 'new.hire@example.com' });
    const grants = await t.database.db
      .selectFrom('invitation_workspaces')
      .select(['workspace_id', 'role'])
      .where('invitation_id', '=', entry.target.id!)
      .execute();
    expect(grants).toEqual([{ workspace_id: design, role: 'OWNER' }]);

    const twice = await revert(ada, org, revoke);
    expect(await refusal(twice)).toMatchObject({ code: 'ALREADY_REVERTED' });
  });

  it('is a DUPLICATE_INVITE when the address was invited again since', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN' });
    const ada = await t.signIn(org.people.ada!.email);
    const invite = () => ada.post(`${o(org)}/invitations`, { emails: ['twice@example.com'], role: 'MEMBER' });
    const { results } = (await (await invite()).json()) as { results: Array<{ invitationId: string }> };
    await ada.post(`${o(org)}/invitations/${results[0]!.invitationId}/revoke`, { version: 1 });
    await invite();

    const response = await revert(ada, org, await latest(ada, org, 'invitation.revoked'));

    expect(response.status).toBe(409);
    expect(await refusal(response)).toMatchObject({ code: 'DUPLICATE_INVITE' });
  });
});

describe('what cannot be reverted', () => {
  it('refuses other kinds of change, denied attempts, unknown ids, and anyone but an admin', async () => {
    const org = await createOrg(t.database.db, { ada: 'ADMIN', linus: 'MEMBER' });
    const [ada, linus] = [await t.signIn(org.people.ada!.email), await t.signIn(org.people.linus!.email)];
    expect((await ada.post(`${o(org)}/workspaces`, { name: 'Ops' })).status).toBe(201);
    const created = await latest(ada, org, 'workspace.created');
    expect(created.revertible).toBe(false);

    const kind = await revert(ada, org, created);
    expect(kind.status).toBe(422);
    expect(await refusal(kind)).toMatchObject({ code: 'NOT_REVERTIBLE', details: { reason: 'not_undoable' } });

    expect((await linus.patch(`${o(org)}/settings`, { memberCap: 1, version: 1 })).status).toBe(403);
    const denied = ListAuditResponseSchema.parse(await (await ada.get(`${o(org)}/audit?outcome=denied`)).json())
      .items[0]!;
    expect((await revert(ada, org, denied)).status).toBe(404);
    expect((await ada.post(`${o(org)}/audit/nope/revert`, {})).status).toBe(404);
    expect((await ada.post(`${o(org)}/audit/99999999999/revert`, {})).status).toBe(404);

    const byMember = await revert(linus, org, created);
    expect(byMember.status).toBe(403);
    expect(await refusal(byMember)).toMatchObject({ code: 'FORBIDDEN' });
  });
});
