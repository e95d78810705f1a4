import { http, HttpResponse } from 'msw';
import {
  AddWorkspaceMembersSchema,
  CreateWorkspaceSchema,
  UpdateWorkspaceMemberSchema,
  WorkspacePeopleResponseSchema,
  type WorkspaceMember,
} from '@roster/contracts';
import { findOrg, roleIn, type MockOrg } from '../db.ts';
import {
  emitOrgEvent,
  governanceOf,
  newId,
  setWorkspaceRole,
  workspaceMemberOf,
  workspaceView,
} from '../governance-db.ts';
import { MockRefusal, refusalsAsResponses } from '../mock-errors.ts';
import { requireAdminOf, requireSession } from './session.ts';

const path = '/api/orgs/:orgId/workspaces';

function memberOfOrg(orgId: unknown) {
  const person = requireSession();
  const org = findOrg(String(orgId));
  const role = org ? roleIn(org, person.id) : null;
  if (!org || !role) throw new MockRefusal('FORBIDDEN', 'You are not a member of this organization');
  return { org, actorId: person.id, role };
}

/** Org admins and the workspace's owners (R2). */
function manageable(org: MockOrg, actorId: string, workspaceId: string) {
  const ws = governanceOf(org).workspaces.find((w) => w.id === workspaceId);
  const isAdmin = roleIn(org, actorId) === 'ADMIN';
  if (!ws)
    throw isAdmin
      ? new MockRefusal('NOT_FOUND', 'That workspace was not found')
      : new MockRefusal('FORBIDDEN', 'Forbidden');
  if (!workspaceView(org, ws, actorId).canManage)
    throw new MockRefusal('FORBIDDEN', 'Only org admins and workspace owners manage its members');
  return ws;
}

function current(org: MockOrg, workspaceId: string, userId: string, version?: number): WorkspaceMember {
  const member = org.members.find((m) => m.userId === userId);
  const row = member && workspaceMemberOf(org, workspaceId, member);
  if (!row) throw new MockRefusal('NOT_FOUND', 'That workspace member was not found');
  if (version !== undefined && version !== row.version)
    throw new MockRefusal('VERSION_CONFLICT', `${row.name} was changed in the meantime`, { current: row });
  return row;
}

function assertOwnerKept(org: MockOrg, actorId: string, workspaceId: string, target: WorkspaceMember) {
  if (target.role !== 'OWNER' || roleIn(org, actorId) === 'ADMIN') return;
  const owners = org.members.filter((m) => m.workspaces.some((w) => w.id === workspaceId && w.role === 'OWNER'));
  if (owners.length <= 1) throw new MockRefusal('LAST_OWNER_PROTECTED', 'The workspace must keep an owner');
}

export const workspacesHandlers = [
  http.get(`${path}/:wsId/people`, ({ params, request }) =>
    refusalsAsResponses(() => {
      const { org, actorId } = memberOfOrg(params.orgId);
      manageable(org, actorId, String(params.wsId));
      const q = (new URL(request.url).searchParams.get('q') ?? '').trim().toLowerCase();
      if (!q) throw new MockRefusal('VALIDATION_FAILED', 'Type a name or an email');
      const items = org.members
        .filter((m) => m.name.toLowerCase().includes(q) || m.email.toLowerCase().includes(q))
        .sort((a, b) => a.name.localeCompare(b.name))
        .slice(0, 8)
        .map(({ userId, name, email, role, lite }) => ({ userId, name, email, role, lite }));
      return HttpResponse.json(WorkspacePeopleResponseSchema.parse({ items }));
    }),
  ),
  http.get(path, ({ params }) =>
    refusalsAsResponses(() => {
      const { org, actorId, role } = memberOfOrg(params.orgId);
      const items = governanceOf(org)
        .workspaces.map((w) => workspaceView(org, w, actorId))
        .filter((w) => role === 'ADMIN' || w.myRole !== null)
        .sort((a, b) => a.name.localeCompare(b.name));
      return HttpResponse.json({ items, seq: org.seq });
    }),
  ),
  http.post(path, ({ request, params }) =>
    refusalsAsResponses(async () => {
      const { org, actorId } = requireAdminOf(params.orgId);
      const body = CreateWorkspaceSchema.safeParse(await request.json().catch(() => null));
      if (!body.success) throw new MockRefusal('VALIDATION_FAILED', 'Give the workspace a name');
      const clash = governanceOf(org).workspaces.find((w) => w.name.toLowerCase() === body.data.name.toLowerCase());
      if (clash) throw new MockRefusal('WORKSPACE_NAME_TAKEN', `Another workspace is already called ${clash.name}`);
      const ws = { id: newId('ws'), name: body.data.name, createdAt: new Date().toISOString(), version: 1 };
      governanceOf(org).workspaces.push(ws);
      const workspace = workspaceView(org, ws, actorId);
      emitOrgEvent(org, { type: 'workspace.created', data: { workspace } }, actorId);
      return HttpResponse.json(workspace, { status: 201 });
    }),
  ),
  http.get(`${path}/:wsId/members`, ({ params }) =>
    refusalsAsResponses(() => {
      const { org, actorId } = memberOfOrg(params.orgId);
      const ws = manageable(org, actorId, String(params.wsId));
      const items = org.members.flatMap((m) => workspaceMemberOf(org, ws.id, m) ?? []);
      return HttpResponse.json({ workspace: workspaceView(org, ws, actorId), items, seq: org.seq });
    }),
  ),
  http.post(`${path}/:wsId/members`, ({ request, params }) =>
    refusalsAsResponses(async () => {
      const { org, actorId } = memberOfOrg(params.orgId);
      const ws = manageable(org, actorId, String(params.wsId));
      const body = AddWorkspaceMembersSchema.safeParse(await request.json().catch(() => null));
      if (!body.success) throw new MockRefusal('VALIDATION_FAILED', 'Send userIds and a role');
      const people = body.data.userIds.map((id) => {
        const m = org.members.find((x) => x.userId === id);
        if (!m)
          throw new MockRefusal('VALIDATION_FAILED', 'Only people already in the organization can be added', {
            userId: id,
          });
        if (m.lite && body.data.role !== 'VIEWER')
          throw new MockRefusal('EXTERNAL_ROLE_LOCKED', `${m.name} has lite access: viewer at most`);
        return m;
      });
      const adding = people.filter((m) => !m.workspaces.some((w) => w.id === ws.id));
      const cap = org.settings.workspaceMemberCap;
      const used = org.members.filter((m) => m.workspaces.some((w) => w.id === ws.id)).length;
      if (cap !== null && used + adding.length > cap)
        throw new MockRefusal('LIMIT_EXCEEDED', 'The workspace is full', {
          limit: cap,
          current: used,
          max: Math.max(0, cap - used),
        });
      const items = adding.map((m) => setWorkspaceRole(org, actorId, ws.id, m.userId, body.data.role)!);
      return HttpResponse.json({ items }, { status: 201 });
    }),
  ),
  http.patch(`${path}/:wsId/members/:userId`, ({ request, params }) =>
    refusalsAsResponses(async () => {
      const { org, actorId } = memberOfOrg(params.orgId);
      const ws = manageable(org, actorId, String(params.wsId));
      const body = UpdateWorkspaceMemberSchema.safeParse(await request.json().catch(() => null));
      if (!body.success) throw new MockRefusal('VALIDATION_FAILED', 'Send a role and a version');
      const target = current(org, ws.id, String(params.userId), body.data.version);
      if (target.role === body.data.role) return HttpResponse.json(target);
      if (target.lite && body.data.role !== 'VIEWER')
        throw new MockRefusal('EXTERNAL_ROLE_LOCKED', `${target.name} has lite access: viewer at most`);
      assertOwnerKept(org, actorId, ws.id, target);
      return HttpResponse.json(setWorkspaceRole(org, actorId, ws.id, target.userId, body.data.role));
    }),
  ),
  http.delete(`${path}/:wsId/members/:userId`, ({ request, params }) =>
    refusalsAsResponses(() => {
      const { org, actorId } = memberOfOrg(params.orgId);
      const ws = manageable(org, actorId, String(params.wsId));
      const version = new URL(request.url).searchParams.get('version');
      const target = current(org, ws.id, String(params.userId), version ? Number(version) : undefined);
      assertOwnerKept(org, actorId, ws.id, target);
      setWorkspaceRole(org, actorId, ws.id, target.userId, null);
      return new HttpResponse(null, { status: 204 });
    }),
  ),
];
